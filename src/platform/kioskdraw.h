/* kioskdraw.h: kiosk mode's own screens (attract loop, routine tiles, keypad, "Still there?",
 * admin), drawn with render.h's building blocks, and where their touch targets are. Sized to be
 * read from across a waiting room. Draws plain state; decides nothing (core/kiosk.h does). */
#ifndef UNKNOT_KIOSKDRAW_H
#define UNKNOT_KIOSKDRAW_H

#include <SDL.h>

#include "kiosk.h"
#include "render.h"
#include "routine.h"

/* What the screens show besides the kiosk's own state. Borrowed for one call. */
typedef struct {
    const char *clinic; /* "" or NULL: no name */
    int today; /* workouts done here today, -1 when the history cannot say */
    const Routine *tiles[KIOSK_MAX_TILES]; /* the routines offered (k->set.tile_count of them) */
    const char *code_line; /* with a patient code: "Code 1234 · day 3 in a row", else NULL */
    const char *admin_lines[6]; /* the admin screen's figures, NULL-terminated */
    const KioskAttract *attract; /* the attract loop's moves and their slots (NULL: none) */
    bool attract_new_slot; /* this frame is a new attract slot's first: framed afresh, not eased */
} KioskDrawInfo;

/* Draw the screen k is on (not KIOSK_WORKOUT: the session draws that). */
void kioskdraw_screen(Render *rd, const Kiosk *k, const KioskDrawInfo *info);

/* Columns of the tile grid for n tiles (the core moves the focus on the same grid). */
int kioskdraw_tile_columns(int n);

/* Where the attract screen's figure is fitted and drawn (renderer pixels): its card less a margin.
 * A figure framed for another move runs off it. */
SDL_Rect kioskdraw_attract_figure_area(const Render *rd);

/* The item (tile, KeypadButton, AdminButton) of k's screen at pixel x, y, or -1. */
int kioskdraw_item_at(const Render *rd, const Kiosk *k, int x, int y);

#endif
