/* keyhint.h: the key lines the pause screen, the menu and the menu's quit question show, named
 * from the bindings (bindings.conf first) for the input used last: keys, the pad's own button
 * labels, or words for touch. Text only. */
#ifndef UNKNOT_KEYHINT_H
#define UNKNOT_KEYHINT_H

#include <stddef.h>

#include "input.h"

#define KEYHINT_BYTES 320 /* enough for any of the lines below */

/* The pause screen's line: "Space or Esc: resume · S: skip · Backspace: back · Q: end workout". */
void keyhint_pause(const Input *in, char *buf, size_t size);

/* The menu's line: "↑↓ choose · Space: start · ◀ doctor advice · progress ▶ · Q: quit". */
void keyhint_menu(const Input *in, char *buf, size_t size);

/* The quit question's line: "Esc or Q again: quit · any other key: stay". */
void keyhint_quit(const Input *in, char *buf, size_t size);

#endif
