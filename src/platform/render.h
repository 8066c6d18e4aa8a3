/* render.h: draws every screen of unknot from plain state (a SessionView, the menu list) onto
 * an SDL_Renderer of any size. Layout is computed from the output size each frame, so the same
 * code serves a 1280x720 window, a 4K kiosk and a headless --shot. Draws; decides nothing. */
#ifndef UNKNOT_RENDER_H
#define UNKNOT_RENDER_H

#include <SDL.h>
#include <stdbool.h>

#include "levels.h"
#include "session.h"
#include "sprites.h"
#include "text.h"

typedef struct {
    SDL_Renderer *r;
    Text *text;
    Sprites *sprites; /* may be NULL: the stage then shows the move's name */
    int w, h; /* output size in pixels */
} Render;

/* Extra state shown over the workout that the session does not own. */
typedef struct {
    const char *notice; /* a short notice (gamepad connected, volume 70%), or NULL */
    bool focus_lost; /* paused because the window lost focus */
    int volume_percent; /* -1 when there is no audio */
    bool muted;
} Overlay;

/* Draw one whole frame of a workout. */
void render_session(Render *rd, const SessionView *v, const char *routine_title, const Overlay *ov);

/* Draw the menu: the routines, the selected one highlighted, the idle figure. */
void render_menu(Render *rd, const LevelList *levels, int selected, const SessionView *idle, const Overlay *ov);

/* The routine row of render_menu (same layout and scrolling) at pixel x, y: its index in
 * levels, or -1 when x, y is on no row. */
int render_menu_row_at(const Render *rd, const LevelList *levels, int selected, int x, int y);

/* The screen rectangles of the touch buttons, in the same layout render_session draws them. */
typedef enum { BUTTON_COUNT_REP, BUTTON_PAUSE, BUTTON_SKIP, BUTTON_BACK, BUTTON_TOTAL } ButtonId;
SDL_Rect render_button_rect(const Render *rd, ButtonId b);

/* The stage rectangle where the figure is drawn (also the large touch count area). */
SDL_Rect render_stage_rect(const Render *rd);

/* The safety advice shown before every workout: whole sentences, wrapped to the panel. */
extern const char *const render_safety_lines[];

#endif
