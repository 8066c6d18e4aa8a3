/* keyhint.h: the key lines the pause screen, the menu and the menu's quit question show (and the
 * key parts of the "It hurts", pain check-in and side questions' lines), named
 * from the bindings (bindings.conf first) for the input used last: keys, the pad's own button
 * labels, or words for touch. Text only. */
#ifndef UNKNOT_KEYHINT_H
#define UNKNOT_KEYHINT_H

#include <stddef.h>

#include "input.h"
#include "session.h"

#define KEYHINT_BYTES 320 /* enough for any of the lines below */

/* The pause screen's line: "Space or Esc: resume · S: skip · Backspace: back · Q: end workout". */
void keyhint_pause(const Input *in, char *buf, size_t size);

/* The menu's line: "↑↓ choose · Space: start · ◀ doctor advice · progress ▶ · Q: quit". */
void keyhint_menu(const Input *in, char *buf, size_t size);

/* The quit question's line: "Esc or Q again: quit · any other key: stay". */
void keyhint_quit(const Input *in, char *buf, size_t size);

/* The key part of the "It hurts" questions' line, for the question open (stage; can_skip: the
 * last question offers "Skip this move"): "arrows or 0–10, then Space · Q: end the workout",
 * "Up/Down, then Space · Q: end the workout", "S: skip this move · Q: end the workout · Space:
 * the chosen one". */
void keyhint_hurt(const Input *in, HurtStage stage, bool can_skip, char *buf, size_t size);

/* The pain check-in's: "arrows or 0–10, then Space", "D-pad, then A", "tap a number". */
void keyhint_checkin(const Input *in, char *buf, size_t size);

/* The side question's: "L or R, or arrows, then Space", "D-pad, then A", "Tap one". */
void keyhint_side(const Input *in, char *buf, size_t size);

/* The key part for the question v shows ("It hurts", a check-in, the side): one of the three
 * above. Returns false (buf "") when v shows none of them. */
bool keyhint_question(const Input *in, const SessionView *v, char *buf, size_t size);

#endif
