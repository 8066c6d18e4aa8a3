/* results.h: the results screen at the end of a workout. The streak is its centre ("Day 5 in a
 * row"), with the streak bonus on the score, the week's goal and the rest day; "Not saved" when
 * the history could not keep the workout; and, when the pain check-ins say so, stop for today
 * and when to see a doctor. Also that advice on its own, for the menu. Draws; decides nothing. */
#ifndef UNKNOT_RESULTS_H
#define UNKNOT_RESULTS_H

#include "history.h"
#include "render.h"
#include "session.h"

/* When to see a doctor, in whole sentences (NULL-terminated). The results (after a pain rise)
 * and the menu's advice screen show the same lines. */
extern const char *const results_doctor_lines[];

/* The streak line's text for a summary: "Day 5 in a row", "Day 1: a new streak", "". */
void results_streak_text(const StreakSummary *s, char *buf, size_t size);

/* The streak bonus as the results say it under the score, "Streak bonus +50%", or "" without one. */
void results_bonus_text(const StreakSummary *s, char *buf, size_t size);

/* The line under "Exercises done" naming the steps left out today because "Which side hurts?" was
 * not answered: "Left out today: Knee rolls (no side chosen)", or "" when none was. */
void results_left_out_text(const SessionView *v, char *buf, size_t size);

/* The advice under "Stop for today: <the stop rule>" after a stop rule ended the workout. */
#define RESULTS_RULE_ADVICE "Tell your GP or physio before you exercise again."

/* The results' heading for v, in the words the session says last: "Stopped for today" (ended
 * through "It hurts"), "Workout ended" (quit, or a step not done), "Workout done" (done, but the
 * pain rose after it or nothing was pressed), or "Well done!". */
const char *results_headline(const SessionView *v);

/* Whether the results show the score: not after a stop through "It hurts" (a stop is no game). */
bool results_show_score(const SessionView *v);

/* The heading of the stop advice (when v->pain_stop): the stop rule that ended the workout, as "It
 * hurts" worded it ("Stop for today: Pain spreads down your leg"), else the pain that says stop. */
void results_stop_text(const SessionView *v, char *buf, size_t size);

/* The line under that heading: RESULTS_RULE_ADVICE after a stop rule, else NULL. */
const char *results_stop_advice(const SessionView *v);

/* Draw the body of the results (below the header) for v; rec is the workout's record (NULL or
 * status NONE when nothing is recorded: no streak, no "Not saved"). */
void results_draw(Render *rd, const SessionView *v, const HistoryRecorder *rec);

/* Draw the advice (stop for today, when to see a doctor) filling area; heading may be NULL. */
void results_draw_advice(Render *rd, SDL_Rect area, const char *heading);

#endif
