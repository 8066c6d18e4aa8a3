/* keyhint.c: the key lines of the pause screen, the menu, the quit question and the questions of
 * "It hurts", the pain check-in and the side, written with the
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

/* The main button's name ("Space", "A"), or "press" when nothing of the kind is bound to it. */
static void press_name(const Input *in, InputKind k, char *out, size_t size)
{
    if (input_bound_name(in, k, ACT_PRESS, false, out, size) < 0)
        snprintf(out, size, "press");
}

/* How to choose on the pain scale (its own keys: painpick.c), then confirm. */
static void scale_part(const Input *in, InputKind k, char *buf, size_t size)
{
    char press[48];
    press_name(in, k, press, sizeof press);
    if (k == INPUT_KIND_PAD)
        part(buf, size, "D-pad, then %s", press);
    else
        part(buf, size,
             "arrows or 0\xE2\x80\x93"
             "10, then %s",
             press);
}

void keyhint_hurt(const Input *in, HurtStage stage, bool can_skip, char *buf, size_t size)
{
    InputKind k = in->last_kind;
    buf[0] = 0;
    if (k == INPUT_KIND_TOUCH) {
        part(buf, size, stage == HURT_PAIN ? "Tap a number" : "Tap one");
        return;
    }
    char press[48], quit[48], name[100];
    press_name(in, k, press, sizeof press);
    bool has_quit = input_bound_name(in, k, ACT_QUIT, false, quit, sizeof quit) >= 0;
    switch (stage) {
    case HURT_PAIN: scale_part(in, k, buf, size); break;
    case HURT_RULE: {
        char up[48], down[48];
        int cu = input_bound_name(in, k, ACT_UP, true, up, sizeof up);
        int cd = input_bound_name(in, k, ACT_DOWN, true, down, sizeof down);
        if (k == INPUT_KIND_PAD && cu == SDL_CONTROLLER_BUTTON_DPAD_UP && cd == SDL_CONTROLLER_BUTTON_DPAD_DOWN)
            part(buf, size, "D-pad \xE2\x86\x91\xE2\x86\x93, then %s", press);
        else if (up[0] && down[0])
            part(buf, size, "%s/%s, then %s", up, down, press);
        break;
    }
    case HURT_CHOICE:
        if (!can_skip) { /* one answer left: both end the workout */
            snprintf(name, sizeof name, has_quit ? "%s or %s" : "%s", quit, press);
            part(buf, size, "%s: end the workout", has_quit ? name : press);
            return;
        }
        if (input_bound_name(in, k, ACT_SKIP, false, name, sizeof name) >= 0)
            part(buf, size, "%s: skip this move", name);
        break;
    case HURT_NONE: break;
    }
    if (has_quit)
        part(buf, size, "%s: end the workout", quit);
    if (stage == HURT_CHOICE)
        part(buf, size, "%s: the chosen one", press);
}

void keyhint_checkin(const Input *in, char *buf, size_t size)
{
    buf[0] = 0;
    if (in->last_kind == INPUT_KIND_TOUCH)
        part(buf, size, "Tap a number");
    else
        scale_part(in, in->last_kind, buf, size);
}

void keyhint_side(const Input *in, char *buf, size_t size)
{
    InputKind k = in->last_kind;
    char press[48];
    buf[0] = 0;
    press_name(in, k, press, sizeof press);
    if (k == INPUT_KIND_TOUCH)
        part(buf, size, "Tap one");
    else if (k == INPUT_KIND_PAD)
        part(buf, size, "D-pad, then %s", press);
    else /* L, B and R answer at once, whatever bindings.conf says (sidepick.c) */
        part(buf, size, "L, B or R, or arrows, then %s", press);
}

bool keyhint_question(const Input *in, const SessionView *v, char *buf, size_t size)
{
    buf[0] = 0;
    if (v->hurt != HURT_NONE)
        keyhint_hurt(in, v->hurt, v->hurt_can_skip, buf, size);
    else if (v->kind == SEG_PAIN_BEFORE || v->kind == SEG_PAIN_AFTER)
        keyhint_checkin(in, buf, size);
    else if (v->kind == SEG_SIDE)
        keyhint_side(in, buf, size);
    else
        return false;
    return true;
}
