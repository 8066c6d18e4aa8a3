/* figpaint.h: paints a posed figure (pose.h's round cones) into a buffer of 32-bit ARGB words at
 * the size it is shown: shaded cones with a dark outline and a one-pixel anti-aliased edge, over a
 * soft contact shadow on the mat. The program paints on a worker thread into a buffer cropped to
 * the figure; spritegen paints the contact sheet with the same code. Pure: no SDL, no I/O, no
 * globals; it writes only the buffer it is given. */
#ifndef UNKNOT_FIGPAINT_H
#define UNKNOT_FIGPAINT_H

#include <stdbool.h>
#include <stdint.h>

#include "pose.h"

#define FIGPAINT_FILL 0.88f /* the move's box over all its samples takes this share of the binding side */
#define FIGPAINT_MAT_THICK_H 0.035f /* the mat slab below the mat line, in body heights */
#define FIGPAINT_MAT_MARGIN_H 0.07f /* mat beyond the figure at each end, in body heights */

/* Where a figure goes on a canvas: body heights to pixels. */
typedef struct {
    float scale; /* pixels per body height */
    float ox, oy; /* canvas position of the figure's x = 0 on the mat line */
    bool flip; /* mirrored: the figure faces left */
    float narrow; /* 0..1: every point's x from ox scaled by 1 - narrow, the radii kept: the figure
                     turning round, seen end on at 1 (figpaint_turn); 0 when not turning */
} FigPlace;

/* A move fitted to a stage: the figure's placement (stage pixels, top left 0,0) and its mat. */
typedef struct {
    FigPlace place;
    float mat_x0, mat_x1, mat_y, mat_h; /* the mat slab: its top is the mat line */
} FigLayout;

/* ARGB words with straight alpha; painting touches only rows 0..h-1, columns 0..w-1. */
typedef struct {
    uint32_t *px;
    int stride; /* words from one row to the next */
    int w, h;
} FigCanvas;

/* Fit move m (its box over every sample, plus its mat) into a w x h stage: the box fills
 * FIGPAINT_FILL of the binding side, centred, mirrored when flip. */
void figpaint_fit(const PoseMove *m, int w, int h, bool flip, FigLayout *out);

/* Fit move m to a w x h stage at one animation moment (as sheet_frame_at): the box the stage
 * frames then (pose_move_box_at: a hold's held pose, the rest of the way in, the whole move for
 * reps) fills FIGPAINT_FILL of the binding side, so a low held pose (child's pose) fills the stage
 * while it is held, and the camera closes in smoothly on the way into it. */
void figpaint_fit_at(const PoseMove *m, AnimMode mode, int anim_ms, int anim_length_ms, int rep_hold_ms, int w, int h,
                     bool flip, FigLayout *out);

/* The corners of the stage the figure must leave clear, in stage pixels (top left 0,0): the box
 * x, y, w, h in the top right (the "It hurts" button; w or h <= 0 for none) and the box 0, 0,
 * left_w, left_h in the top left (the streak badge's room; left_w or left_h <= 0 for none). */
typedef struct {
    int x, y, w, h;
    int left_w, left_h;
} FigKeepOut;

/* figpaint_fit_at, keeping the figure clear of the corners of k: every part of every pose the
 * stage frames then stays left of the top right box (right of the top left one) or below it, with
 * a margin. Moves the figure (and its mat) sideways, then down, as little as clears them at full
 * size when the stage has room; only when it has not, shrinks it as little as needed. Both sides
 * of a sided move are drawn the same size. */
void figpaint_fit_clear(const PoseMove *m, AnimMode mode, int anim_ms, int anim_length_ms, int rep_hold_ms, int w,
                        int h, bool flip, const FigKeepOut *k, FigLayout *out);

/* The layout of a figure turning round (SessionView.turn_ms) at fraction u (0..1) of the turn,
 * from its mirror image placed by `from` to its own picture placed by `to` (the same move, fitted
 * with the other flip): eased, every point moves straight from where it is in the one picture to
 * where it is in the other, the limbs keeping their thickness, so the figure narrows to its
 * end-on view halfway and widens mirrored, as a body turning round on the spot is seen. */
void figpaint_turn(const FigLayout *from, const FigLayout *to, float u, FigLayout *out);

/* figpaint_fit_clear for the picture flip, turning round (figpaint_turn) from the mirror image
 * when turn is in 0..1 (the fraction of the turn done; < 0 or >= 1: not turning) and m is seen
 * from the side: a figure facing the viewer (pose_move_faces_viewer) is not narrowed to a line. */
void figpaint_fit_turn(const PoseMove *m, AnimMode mode, int anim_ms, int anim_length_ms, int rep_hold_ms, int w, int h,
                       bool flip, float turn, const FigKeepOut *k, FigLayout *out);

/* *out = a mixed into b by w (0: a, 1: b): the place and the mat; the picture (flip, narrow) b's.
 * out may be a or b. */
void figpaint_layout_mix(const FigLayout *a, const FigLayout *b, float w, FigLayout *out);

/* The camera across frames (figpaint_camera): where the figure was drawn last, and an ease. */
#define FIGPAINT_CAMERA_MS 600 /* a cut of the camera between two figures eases over this long */
#define FIGPAINT_CAMERA_JUMP 0.02f /* a framing that moves more in a frame is a cut (a side mirrored), eased */
#define FIGPAINT_CAMERA_FOLLOW_MS 250 /* the camera follows its framing through two lags this long */
#define FIGPAINT_CAMERA_FOLLOW_STEP_MS 10 /* the follow is worked out in steps this long */
#define FIGPAINT_CAMERA_SETTLE_MS (FIGPAINT_CAMERA_MS + 10 * FIGPAINT_CAMERA_FOLLOW_MS) /* see settled */
typedef struct {
    bool shown; /* a frame was drawn */
    int figure; /* the figure it showed (a MoveId) */
    int w, h; /* on a stage this size */
    FigLayout last; /* where it was drawn */
    FigLayout goal; /* the framing it was asked for */
    float last_x; /* its pelvis's x (H) */
    FigLayout from; /* where an ease began */
    long long ease_at; /* when (the camera's time, ms), or -1: not easing */
    float ahead; /* the ease's share done (0..1) at least: it went on ahead to keep clear of k */
    bool left_in; /* the figure stood in k's top left corner as the ease began */
    long long clock; /* the now_ms given last */
    long long t; /* the camera's own time (ms): the clock's steps forward, never back */
    long long first; /* its time at the first frame since it was zeroed */
    long long began; /* its time when the last ease since then began, or -1 */
    bool settled; /* what it draws no longer depends on anything before that first frame */
    FigLayout mid; /* the follow's first lag (where the camera heads; c->last is the second) */
    long long follow_t; /* its time the follow was worked out to */
    long long drawn_t; /* its time at the last frame */
    bool still; /* the follow caught up: it draws the framing it was asked for */
    bool hurried; /* the last frame's follow hurried on to keep clear of the corners (a step, not a glide) */
} FigCamera;

/* Where to draw figure `figure` (posed as fig) at time now_ms on a w x h stage whose layout for
 * it is *target, into *out: the target, except that when the figure changes from the one drawn
 * last on the same stage, the camera eases over FIGPAINT_CAMERA_MS from where it was, moved so the
 * new figure's pelvis is drawn where the last one's was, also when the new one is drawn the other
 * way round (a roll's last pose is its mirror image, what follows is drawn turned) (each figure frames
 * its own moves: a way frames the whole way, a move its held pose, and the files place the body
 * differently along the mat, so the camera cut between them, the figure jumping in size or
 * sideways as a rest or a get-ready began). Every framing it eases through
 * keeps fig as clear of the corners of k (NULL: none) as the target does: where one would not (the
 * figure rising into "It hurts" while the camera still frames a low pose), the ease hurries on,
 * as little as clears it; a figure that stood in the top left corner as the ease began (a card or a
 * badge's room kept from then on, drawn only once the figure is settled) leaves it over the ease
 * (knee rolls' get-ready after a rest: the card's room dropped the figure 140 px at 1080p in one
 * frame). The picture
 * (flip, narrow) is the target's; c starts zeroed. now_ms is
 * the clock the figure moves by (a session's time, which stands still while paused): where it
 * runs back (another clock, a pause taken a tick back) the camera takes it as no time passed.
 * The camera then follows that framing (the ease's, or the target) through two lags of
 * FIGPAINT_CAMERA_FOLLOW_MS each, as a camera operator would: it starts and stops zooming gently,
 * and a framing that changes in steps (a way framed by what is left of it, closing in a little
 * each sample as the body rose from the front onto all fours, 2% in one frame and none in the
 * next, 28% in 1.6 s stopping dead) is zoomed through smoothly and more slowly; a step of the
 * framing moves the camera at most 1/(e FIGPAINT_CAMERA_FOLLOW_MS) of it a ms; within one figure
 * a framing that jumps (a way framed section by section moved the figure and its mat 0.13 of the
 * stage sideways in one frame) is followed so too. Where the follow would bring fig further into
 * k's corners than the framing does, it hurries on as an ease does, and slows down from that pace
 * once clear.
 * c->settled tells when c, zeroed before some frame, draws as one that saw every frame before it:
 * FIGPAINT_CAMERA_SETTLE_MS (the ease, then ten lags of the follow: what is left of where it began
 * is under 0.1%) have passed since its first frame and since the last ease began (or the stage
 * changed), so --shot plays the camera over the frames before its moment until then. */
void figpaint_camera(FigCamera *c, int figure, const PoseFigure *fig, int w, int h, const FigLayout *target,
                     const FigKeepOut *k, long long now_ms, FigLayout *out);

/* The pixel box [*x0, *x1) x [*y0, *y1) that fig and its shadow cover when placed by pl. */
void figpaint_box(const PoseFigure *fig, const FigPlace *pl, int *x0, int *y0, int *x1, int *y1);

/* Paint fig's contact shadow, then fig, onto c (cleared by the caller), placed by pl shifted by
 * (-dx, -dy): canvas pixel (0, 0) is placement pixel (dx, dy), so a canvas cropped to
 * figpaint_box needs dx = x0, dy = y0. */
void figpaint_figure(FigCanvas *c, const PoseFigure *fig, const FigPlace *pl, int dx, int dy);

#endif
