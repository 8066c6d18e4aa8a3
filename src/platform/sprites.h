/* sprites.h: the animated figure, drawn live from the posed skeleton (core pose.c, figpaint.c).
 * Reads assets/poses/<move>.pose on a worker thread (parse, solve the contacts, sample 30 poses a
 * second), never on the frame path; paints each frame's pose on a second worker thread at the
 * size it is shown, into a buffer cropped to the figure, and blits it. A missing or broken pose
 * file is one warning, never an error: the caller then shows the move's name. */
#ifndef UNKNOT_SPRITES_H
#define UNKNOT_SPRITES_H

#include <SDL.h>
#include <stdbool.h>

#include "arrows.h"
#include "pose.h"
#include "session.h"

typedef struct Sprites Sprites;

/* What the target shows under the figure's stage: render_box's card (rounded corners of radius,
 * in card_color, opaque) on the page (page_color). Given to sprites_draw_clear, the figure is
 * painted onto it on the painter thread and the frame copies its box as it is, without blending
 * (a tenth of a blended copy's work on the render thread), the pixels the same. */
typedef struct {
    SDL_Rect card; /* renderer pixels */
    int radius;
    SDL_Color card_color, page_color;
} SpritesBackdrop;

/* Make a figure drawer reading pose files from pose_dir (copied) for renderer r (borrowed). Loads
 * nothing yet. Returns NULL only when out of memory. Free with sprites_free. */
Sprites *sprites_new(SDL_Renderer *r, const char *pose_dir);

/* Stop the workers, free every buffer, texture and move. Safe on NULL. */
void sprites_free(Sprites *s);

/* Drop every loaded move, the painter's buffers and the texture, waiting for the loaders and the
 * painter (after a render device reset, whose textures are gone; or to measure memory at a fixed
 * state). The next draw loads and paints again. Safe on NULL. */
void sprites_release(Sprites *s);

/* The pixel format of the surface the renderer draws on, when it was made with
 * SDL_CreateSoftwareRenderer (a window's surface is found by itself): the figure is painted onto
 * its backdrop in that format, with the blend the renderer itself would use. Until it is known,
 * the figure is copied blended. */
void sprites_set_target_format(Sprites *s, Uint32 format);

/* Draw the mat and the figure through dl from now on (drawlist.h; NULL: draw at once). */
typedef struct DrawList DrawList;
void sprites_set_drawlist(Sprites *s, DrawList *dl);

/* Immediate mode (still pictures, tests): sprites_draw waits for the move's load and paints on
 * the calling thread, so what it draws is on the target when it returns. Off by default: a live
 * window shows the newest pose the painter has finished (one frame behind at most). */
void sprites_set_immediate(Sprites *s, bool on);

/* The clock the camera runs on from now on, in ms: the time the figure moves in (a session's,
 * which stands still while paused, while "It hurts" is open and behind the kiosk's "Still
 * there?"), so the camera eases as the figure moves and the same frames frame it the same way;
 * -1 (the default): SDL_GetTicks. The camera (figpaint_camera) eases the framing where the figure
 * changes or its framing jumps; in immediate mode it runs only on a clock set here (a still
 * picture of one moment shows each figure at its own framing). Time running back is taken as
 * none passing. */
void sprites_set_clock(Sprites *s, long long ms);

/* Forget where the camera drew: the next figure is drawn at its own framing. */
void sprites_camera_reset(Sprites *s);

/* Whether the camera, since sprites_camera_reset, frames as one that had seen every frame before
 * (FigCamera.settled): a still picture of a moment plays the frames before it until it does. */
bool sprites_camera_settled(const Sprites *s);

/* Whether the camera is easing from one framing to another (figpaint_camera): a card the figure
 * keeps clear of is not drawn yet, the figure may still be leaving its room. */
bool sprites_camera_easing(const Sprites *s);

/* The routine whose own moves (ROUTINE_OWN_MOVE(k), pose files in a moves/ folder) are drawn from
 * now on, or NULL: their files are read like the catalogue's, on the loader thread. r is not kept. */
void sprites_set_routine(Sprites *s, const Routine *r);

/* Start loading current and next (MOVE_NONE allowed) on a worker; drop every other move. */
void sprites_prepare(Sprites *s, MoveId current, MoveId next);

/* sprites_prepare, keeping `from` (MOVE_NONE allowed) loaded too: the figure the current one is
 * eased in from (SessionView.blend), drawn just before, so already loaded. */
void sprites_prepare_from(Sprites *s, MoveId current, MoveId next, MoveId from);

/* Wait until id has loaded (or failed). Returns true when it can be drawn. */
bool sprites_wait(Sprites *s, MoveId id);

/* Loads of figures dropped while still loading (sprites_prepare or sprites_set_routine no longer
 * wanting them: Skip or Back mid-load) that are still finishing on their threads: never waited
 * for there; each is told to stop (it does at its next sample: a dropped load costs next to
 * nothing), and joined and freed by a later sprites_prepare once done, or by sprites_free. */
int sprites_dropped_loads(const Sprites *s);

/* How many dropped loads stopped early, of those joined so far. */
int sprites_stopped_loads(const Sprites *s);

/* Loads started since sprites_new (each on a loader thread), and loader threads joined before
 * they were done, the caller waiting for the load (sprites_wait, a still picture, the end). */
int sprites_started_loads(const Sprites *s);
int sprites_waited_loads(const Sprites *s);

/* Draw v->figure at v's animation time, fitted to stage (its box over the whole move fills
 * FIGPAINT_FILL of the binding side), with its mat. Returns false (and draws nothing) when the
 * move has no usable pose file: the caller then shows the move's name. While the move is still
 * loading it returns true and draws nothing. */
bool sprites_draw(Sprites *s, const SessionView *v, SDL_Rect stage);

/* sprites_draw, keeping the figure clear of keep_out (renderer pixels; w or h 0 for none), a
 * button in the stage's top right corner, and of keep_left, a box in its top left corner (the
 * streak badge): the figure moves aside or down, or shrinks as little as needed
 * (figpaint_fit_clear), so no part of it goes under either. bd (or NULL): what the target shows
 * under stage when this is called; the figure's box is then copied, not blended. */
bool sprites_draw_clear(Sprites *s, const SessionView *v, SDL_Rect stage, SDL_Rect keep_out, SDL_Rect keep_left,
                        const SpritesBackdrop *bd);

/* Run the camera for the frame sprites_draw_clear would draw of v on stage at the clock's time
 * (sprites_set_clock), drawing and painting nothing: a still picture plays the frames before its
 * moment so, to frame it as the live camera would. Loads as sprites_draw_clear does. Returns true
 * when the camera saw the figure (it is loaded and the camera runs). */
bool sprites_follow_clear(Sprites *s, const SessionView *v, SDL_Rect stage, SDL_Rect keep_out, SDL_Rect keep_left);

/* Draw any sampled move m (a pose file parsed at run time, say) as sprites_draw does; v->figure
 * is ignored. m is borrowed: the painter keeps no pointer into it. */
void sprites_draw_move(Sprites *s, const PoseMove *m, const SessionView *v, SDL_Rect stage);

/* Whether the figure v shows, once loaded, asks for a second view beside it (its pose file's
 * `inset knees`: the knees seen from the head end), so the stage keeps room for it. */
bool sprites_inset(Sprites *s, const SessionView *v);

/* After drawing the figure: draw the view its pose file asks for (sprites_inset) in box, posed as
 * the figure just drawn; nothing when it asks for none. */
void sprites_draw_inset(Sprites *s, SDL_Rect box);

/* The frame that drew the figure is on screen (call after SDL_RenderPresent): the painter starts on
 * the pose that frame posted now, while the render thread waits for its next frame, instead of
 * taking a core from the frame being drawn. Without this call it starts SPRITES_HOLD_MS after the
 * post. */
void sprites_frame_shown(Sprites *s);

/* The motion arrows (core arrows.h) of the figure drawn last, for v (the view it was drawn for),
 * placed in renderer pixels where it was drawn, into *out, and how strongly they show (*alpha,
 * arrows_alpha). False (no arrows, *alpha 0) when that figure has none, was eased in from another
 * (SessionView.blend: not yet in its start pose), or they do not show now. */
bool sprites_arrows(const Sprites *s, const SessionView *v, MoveArrows *out, float *alpha);

/* True when the last sprites_draw did not show its final picture: the move was still loading, or
 * the painter had not finished its pose. A screen that is redrawn only on a change redraws soon
 * while this holds, or a still figure would never appear. */
bool sprites_pending(const Sprites *s);

/* sprites_draw calls so far: a screen whose frame did not call it does not show the figure, so
 * sprites_pending does not concern it. */
unsigned sprites_draw_count(const Sprites *s);

/* Bytes held now for loaded moves, the paint buffers, the texture and the knees' card, for benchmarks and tests. */
size_t sprites_memory_bytes(const Sprites *s);

/* For UNKNOT_STATS: poses the painter thread has painted so far and its CPU time for them; the
 * longest a frame showed a pose that a newer one had replaced (ms) since the last call; poses the
 * render thread painted itself so far because the painter was SPRITES_LATE_MS late. */
void sprites_paint_stats(Sprites *s, unsigned *paints, double *cpu_ms, unsigned *late_ms, unsigned *own_paints);

#endif
