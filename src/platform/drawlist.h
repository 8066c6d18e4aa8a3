/* drawlist.h: draw only what changed. Every drawing call of the program (render.c's fills and
 * clear, text.c's lines, sprites.c's mat and figure, progress.c's lines) goes through here. With
 * no list (NULL) a call draws at once, as SDL would. With a list, the frame's calls are recorded,
 * and drawlist_present compares them with the last frame's: only the rectangles where a call
 * differs are drawn again (each call clipped to them, in the frame's order) and sent to the
 * screen, so a frame where the figure moves and a count ticks copies those two boxes, not the
 * whole 1920x1080 screen (docs/sprites.md, "Drawing only what changed").
 *
 * Why the pixels are the same as a whole redraw: a pixel's colour is made by the calls that
 * cover it, in order, starting from the frame's opaque clear. Where no call that covers a pixel
 * changed (same kind, place, colour, blend, texture and texture contents), the pixel is what the
 * last frame left. Texture contents are told apart by a serial the owner takes from
 * drawlist_serial each time it makes or fills a texture. Copies are never scaled here and fills
 * are rectangles, so clipping changes no pixel inside the clip; a frame with lines (clipping
 * moves a line's pixels) or without an opaque clear first is drawn and sent whole. */
#ifndef UNKNOT_DRAWLIST_H
#define UNKNOT_DRAWLIST_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#define DRAWLIST_RECTS 16 /* damaged rectangles sent per frame at most (more are merged) */
#define DRAWLIST_WHOLE_PERCENT 60 /* damage over this share of the screen: draw and send it whole */

typedef struct DrawList DrawList;

/* A list for renderer r, drawing on window win's surface (the software renderer), or on r's own
 * target when win is NULL (tests: drawlist_present then draws the damage and sends nothing).
 * Returns NULL when out of memory; a NULL list draws every call at once. */
DrawList *drawlist_new(SDL_Renderer *r, SDL_Window *win);

/* Free the list and the textures it was asked to destroy. Call before destroying the renderer. */
void drawlist_free(DrawList *dl);

/* Fill rc with c in blend mode b. */
void drawlist_fill(DrawList *dl, SDL_Renderer *r, SDL_Rect rc, SDL_Color c, SDL_BlendMode b);

/* Clear the whole target to c (opaque). */
void drawlist_clear(DrawList *dl, SDL_Renderer *r, SDL_Color c);

/* Copy src (NULL: all of it) of tex, unscaled, to (x, y), in the texture's blend mode. serial
 * names the texture's contents (drawlist_serial); a texture whose pixels change gets a new one. */
void drawlist_copy(DrawList *dl, SDL_Renderer *r, SDL_Texture *tex, uint64_t serial, const SDL_Rect *src, int x, int y);

/* A 1 px line from (x1, y1) to (x2, y2) in c, blend none. */
void drawlist_line(DrawList *dl, SDL_Renderer *r, int x1, int y1, int x2, int y2, SDL_Color c);

/* A new serial for a texture's contents: never 0 with a list, and never handed out twice by it. */
uint64_t drawlist_serial(DrawList *dl);

/* tex's pixels are about to change: a call of this frame still to draw that copies it is drawn
 * now (the frame is then drawn and sent whole). */
void drawlist_texture_changing(DrawList *dl, SDL_Texture *tex);

/* Destroy tex at once, or once this frame is drawn when a call of this frame copies it. */
void drawlist_destroy_texture(DrawList *dl, SDL_Texture *tex);

/* The screen's pixels are not what the last frame left (window shown, exposed, resized, screen
 * changed): the next frame is drawn and sent whole. */
void drawlist_invalidate(DrawList *dl);

/* End the frame: draw what changed and send it to the window (SDL_RenderPresent with no list). */
void drawlist_present(DrawList *dl, SDL_Renderer *r);

/* Pixels sent to the screen since the list was made, and frames presented (for UNKNOT_STATS). */
void drawlist_stats(const DrawList *dl, uint64_t *pixels, unsigned *frames);

/* The rectangles the last drawlist_present drew and sent; returns how many (0: nothing changed;
 * the whole target is one rectangle). */
int drawlist_last_rects(const DrawList *dl, SDL_Rect *out, int max);

#endif
