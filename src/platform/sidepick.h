/* sidepick.h: "Which side hurts?" for routines with "sides chosen": three big buttons, Left, Both
 * (or the middle) and Right, and Skip. Left/Right arrows or the d-pad move the highlight across
 * them, L, B or R choose at once, the main button confirms, skip or back skip; a tap on a button
 * answers. What the answer means is the session's. */
#ifndef UNKNOT_SIDEPICK_H
#define UNKNOT_SIDEPICK_H

#include <SDL.h>

#include "input.h"
#include "render.h"
#include "session.h"

/* What an input did. */
typedef enum { SIDEPICK_IGNORED, SIDEPICK_MOVED, SIDEPICK_CHOSEN, SIDEPICK_SKIPPED } SidePickResult;

/* The answers, in the order they stand on the screen (left to right, as on the body). */
#define SIDEPICK_ANSWERS 3
extern const Sides sidepick_answers[SIDEPICK_ANSWERS];

/* The buttons: SIDES_LEFT, SIDES_BOTH ("Both / the middle"), SIDES_RIGHT, or SIDES_NONE for Skip. */
SDL_Rect sidepick_rect(const Render *rd, Sides which);

/* The words on answer `which`'s button: the big word ("Both") and the line under it ("or the
 * middle"); either may be NULL. */
void sidepick_words(Sides which, const char **word, const char **sub);

/* The size the big words are drawn at (one size for all three, the largest that fits each button). */
int sidepick_word_px(Render *rd);

/* Keys and pad buttons it reads before the bindings: arrows and d-pad left/right move *sel across
 * the answers (from none: to Left or Right), L, B and R choose. Other events: SIDEPICK_IGNORED. */
SidePickResult sidepick_event(Sides *sel, const SDL_Event *e);

/* A bound action: press confirms the highlighted answer (nothing when none is); skip and back skip. */
SidePickResult sidepick_action(Sides *sel, Action a);

/* A tap at x, y: on an answer it chooses it, on Skip it skips. */
SidePickResult sidepick_tap(Sides *sel, const Render *rd, int x, int y);

/* Draw the question of v (v->kind == SEG_SIDE) with sel highlighted, naming keys (keyhint_side;
 * NULL: the default keys). */
void sidepick_draw(Render *rd, const SessionView *v, Sides sel, const char *keys);

#endif
