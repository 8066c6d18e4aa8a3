/* keyhint.c: the key lines of the pause screen, the menu and the quit question, written with the
 * keys or pad buttons bound in bindings.conf for the kind of input used last, or in words for
 * touch. Builds text only: draws nothing, decides nothing. */
#include "keyhint.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <SDL.h>

#define NBSP "\xC2\xA0"
#define DOT " \xC2\xB7 "

/* Append one part of the line ("Space: resume"): its spaces become no-break spaces, so a line
 * that wraps breaks only between parts, and parts are joined with " · ". */
static void part(char *buf, size_t size, const char *fmt, ...)
{
    char raw[160];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(raw, sizeof raw, fmt, ap);
    va_end(ap);
    size_t n = strlen(buf);
    if (n > 0 && n + strlen(DOT) < size) {
        memcpy(buf + n, DOT, strlen(DOT) + 1);
        n += strlen(DOT);
    }
    for (const char *c = raw; *c && n + 3 < size; c++) {
        if (*c == ' ') {
            memcpy(buf + n, NBSP, 2);
            n += 2;
        } else {
            buf[n++] = *c;
        }
    }
    buf[n] = 0;
}

/* "Space" or "Space or Esc" for two actions of the same kind, "" when neither is bound. */
static void either(const Input *in, InputKind k, Action a, Action b, char *out, size_t size)
{
    char x[48], y[48];
    input_bound_name(in, k, a, false, x, sizeof x);
    input_bound_name(in, k, b, false, y, sizeof y);
    if (x[0] && y[0])
        snprintf(out, size, "%s or %s", x, y);
    else
        snprintf(out, size, "%s", x[0] ? x : y);
}

void keyhint_pause(const Input *in, char *buf, size_t size)
{
    InputKind k = in->last_kind;
    buf[0] = 0;
    if (k == INPUT_KIND_TOUCH) {
        part(buf, size, "Tap Resume to go on");
        part(buf, size, "Skip: next step");
        part(buf, size, "Back: this step again");
        return;
    }
    char name[100];
    either(in, k, ACT_PRESS, ACT_PAUSE, name, sizeof name);
    if (name[0])
        part(buf, size, "%s: resume", name);
    static const struct {
        Action a;
        const char *what;
    } rest[] = {{ACT_SKIP, "skip"}, {ACT_BACK, "back"}, {ACT_QUIT, "end workout"}};
    for (size_t i = 0; i < sizeof rest / sizeof *rest; i++)
        if (input_bound_name(in, k, rest[i].a, false, name, sizeof name) >= 0)
            part(buf, size, "%s: %s", name, rest[i].what);
}

void keyhint_menu(const Input *in, char *buf, size_t size)
{
    InputKind k = in->last_kind;
    buf[0] = 0;
    if (k == INPUT_KIND_TOUCH) {
        part(buf, size, "Tap a routine, then tap it again to start");
        return;
    }
    char up[48], down[48], name[48];
    int cu = input_bound_name(in, k, ACT_UP, true, up, sizeof up);
    int cd = input_bound_name(in, k, ACT_DOWN, true, down, sizeof down);
    if (cu == SDLK_UP && cd == SDLK_DOWN && k == INPUT_KIND_KEYBOARD)
        part(buf, size, "\xE2\x86\x91\xE2\x86\x93 choose");
    else if (k == INPUT_KIND_PAD && cu == SDL_CONTROLLER_BUTTON_DPAD_UP && cd == SDL_CONTROLLER_BUTTON_DPAD_DOWN)
        part(buf, size, "D-pad \xE2\x86\x91\xE2\x86\x93 choose");
    else if (up[0] && down[0])
        part(buf, size, "%s/%s: choose", up, down);
    if (input_bound_name(in, k, ACT_PRESS, false, name, sizeof name) >= 0)
        part(buf, size, "%s: start", name);
    /* the menu's two buttons say "◀ When to see a doctor" and "Your progress ▶" */
    int cb = input_bound_name(in, k, ACT_BACK, true, name, sizeof name);
    if (k == INPUT_KIND_KEYBOARD && cb == SDLK_LEFT)
        part(buf, size, "\xE2\x97\x80 doctor advice");
    else if (cb >= 0)
        part(buf, size, "%s: doctor advice", name);
    int cs = input_bound_name(in, k, ACT_SKIP, true, name, sizeof name);
    if (k == INPUT_KIND_KEYBOARD && cs == SDLK_RIGHT)
        part(buf, size, "progress \xE2\x96\xB6");
    else if (cs >= 0)
        part(buf, size, "%s: progress", name);
    if (input_bound_name(in, k, ACT_QUIT, false, name, sizeof name) >= 0)
        part(buf, size, "%s: quit", name);
    else if (k == INPUT_KIND_KEYBOARD)
        part(buf, size, "Esc: quit");
}

void keyhint_quit(const Input *in, char *buf, size_t size)
{
    InputKind k = in->last_kind;
    char name[48];
    buf[0] = 0;
    if (k == INPUT_KIND_TOUCH) {
        part(buf, size, "Tap Quit to close unknot, or Stay");
        return;
    }
    bool bound = input_bound_name(in, k, ACT_QUIT, false, name, sizeof name) >= 0;
    if (k == INPUT_KIND_KEYBOARD) {
        /* Esc asks in the menu whatever it is bound to, so Esc again always leaves */
        if (bound && strcmp(name, "Esc") != 0)
            part(buf, size, "Esc or %s again: quit", name);
        else
            part(buf, size, "Esc again: quit");
        part(buf, size, "any other key: stay");
    } else {
        if (bound)
            part(buf, size, "%s again: quit", name);
        part(buf, size, "any other button: stay");
    }
}
