/* progress.h: the progress screen: current and best streak, the week's goal, a calendar of the
 * last 12 weeks, the pain before and after each workout as two lines, and the best score and
 * on-tempo % per routine. Drawn from one HistoryProgress (history_progress); a friendly empty
 * state with no history, and the same layout with years of it. Draws; decides nothing. */
#ifndef UNKNOT_PROGRESS_H
#define UNKNOT_PROGRESS_H

#include "history.h"
#include "render.h"

/* The areas of the progress screen, in pixels (for drawing and for tests). */
typedef struct {
    SDL_Rect tiles; /* the four figures across the top */
    SDL_Rect calendar; /* the 12-week heat map */
    SDL_Rect chart; /* the pain trend */
    SDL_Rect table; /* the routines */
    SDL_Rect hint; /* "Press to go on" */
} ProgressLayout;

ProgressLayout progress_layout(const Render *rd);

/* Draw the whole screen for p (as of p->streak.today). note (may be NULL) is one line shown above
 * the hint, e.g. "History not available". */
void progress_draw(Render *rd, const HistoryProgress *p, const char *note);

#endif
