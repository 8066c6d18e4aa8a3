/* painpick.h: the 0-10 pain picker, one component for the check-ins before and after a workout
 * and any "It hurts" screen: eleven big numbers, an OK and a Skip button, chosen by keyboard
 * (arrows, digits, Enter), gamepad (d-pad, A, B) or touch (tap a number, tap it again or OK).
 * It keeps the highlighted number, reads input and draws; what an answer means is the caller's. */
#ifndef UNKNOT_PAINPICK_H
#define UNKNOT_PAINPICK_H

#include <SDL.h>
#include <stdbool.h>

#include "input.h"
#include "render.h"

#define PAINPICK_MAX 10 /* as SESSION_PAIN_MAX */
#define PAINPICK_COUNT (PAINPICK_MAX + 1)
#define PAINPICK_TEN_MS 1500 /* "1" then "0" within this long is 10 */

typedef struct {
    int value; /* the highlighted number, 0..PAINPICK_MAX */
    int last_digit; /* the digit typed last, -1 when none */
    Uint32 last_digit_ms; /* SDL ticks of it */
} PainPicker;

/* What an input did to the picker. */
typedef enum {
    PAINPICK_IGNORED, /* not for the picker: the caller's own bindings apply */
    PAINPICK_MOVED, /* the highlight changed (or was confirmed where it was) */
    PAINPICK_CHOSEN, /* the highlighted value is the answer */
    PAINPICK_SKIPPED /* no answer, with one press */
} PainPickResult;

/* The picker's rectangles in pixels, for drawing and for taps: the same function serves both. */
typedef struct {
    SDL_Rect area;
    SDL_Rect number[PAINPICK_COUNT];
    SDL_Rect label_row; /* "No pain" ... "Worst pain" below the numbers */
    SDL_Rect ok, skip;
    int rows; /* 1, or 2 when the area is too narrow for eleven numbers in a row */
} PainPickLayout;

/* Start with value highlighted (clamped to 0..PAINPICK_MAX). */
void painpick_init(PainPicker *p, int value);

/* The layout of the picker inside area (pixels) for the output of rd. */
PainPickLayout painpick_layout(const Render *rd, SDL_Rect area);

/* Keys and pad buttons the picker reads directly, before the bindings: arrows and the d-pad
 * move, digits choose a number ("1" then "0" quickly is 10) unless b binds that key to an
 * action. Other events: PAINPICK_IGNORED. */
PainPickResult painpick_event(PainPicker *p, const SDL_Event *e, const Bindings *b);

/* A bound action: press confirms; skip and back skip; up and down move. Others: IGNORED. */
PainPickResult painpick_action(PainPicker *p, Action a);

/* A tap at pixel x, y: a number highlights it (a second tap on it confirms), OK confirms, Skip
 * skips; elsewhere IGNORED. */
PainPickResult painpick_tap(PainPicker *p, const PainPickLayout *l, int x, int y);

/* Draw the picker with value (a PainPicker's value) highlighted. */
void painpick_draw(Render *rd, int value, const PainPickLayout *l);

/* A word for a pain value, for the labels: "No pain", "Mild", "Moderate", "Severe", "Worst pain". */
const char *painpick_word(int value);

#endif
