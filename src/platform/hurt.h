/* hurt.h: the "It hurts" screens, over the whole workout while it is open: "How bad is it?" on
 * the 0-10 picker, "Does one of these apply?" with the routine's stop rules, and the see-a-doctor
 * advice with "Skip this move for today" and "End the workout". Draws, and gives the rectangles
 * taps are matched against; the answers go to the session through the app. */
#ifndef UNKNOT_HURT_H
#define UNKNOT_HURT_H

#include "painpick.h"
#include "render.h"
#include "session.h"

/* The last question's two buttons. */
typedef enum { HURT_BUTTON_SKIP = 0, HURT_BUTTON_END = 1 } HurtButton;

/* Where the picker of "How bad is it?" sits. */
PainPickLayout hurt_picker_layout(const Render *rd);

/* Row i of "Does one of these apply?": the routine's stop rules 0..rules-1, then "None of these"
 * (i == rules). */
SDL_Rect hurt_rule_rect(const Render *rd, int rules, int i);

/* A button of the last question; HURT_BUTTON_SKIP is not drawn when !can_skip. */
SDL_Rect hurt_button_rect(const Render *rd, HurtButton b);

/* The highlight a question starts on: the pain given before the workout, the first rule, and
 * "End the workout" when a stop rule applies or the pain is SESSION_PAIN_STOP_LEVEL or more. */
int hurt_initial_selection(const SessionView *v);

/* Draw the whole "It hurts" screen of v (v->hurt != HURT_NONE) with ov->hurt_selected
 * highlighted: the picker's value, the rule row, or the HurtButton; ov->question_keys: the keys
 * to name (keyhint_hurt), NULL for the default keys; ov's passing notice keeps the header's right
 * end (render_notice draws it). ov may be NULL: the first choice, the default keys. */
void hurt_draw(Render *rd, const SessionView *v, const char *routine_title, const Overlay *ov);

#endif
