/* arrows.h: the motion arrows (issue 12): on the way into a move, a bold arrow beside the working
 * limb's end shows which way it will go, from where it is at the move's start to where it is at
 * the top of the rep (the beat), bent along the way through a sample half-way. Computed once per
 * move and side from the sampled move (pose.h); placed on the stage as figpaint places the figure;
 * shown in the get-ready and the first rep's way up, faded out over the rest of that rep. Also the
 * text of view.conf, which keeps the arrows on or off between runs. Pure: no SDL, no I/O, no globals. */
#ifndef UNKNOT_ARROWS_H
#define UNKNOT_ARROWS_H

#include <stdbool.h>
#include <stddef.h>

#include "figpaint.h"
#include "pose.h"
#include "session.h"

#define ARROWS_MAX 2 /* arrows for one move: bird dog's reaching arm and leg */
#define ARROWS_INNER_MAX 8 /* nearer ways round of one arrow (MoveArrows.inner) */
#define ARROWS_MIN_TRAVEL_H 0.04f /* a limb end that moves less is not worth an arrow (a planted hand) */
#define ARROWS_FOLD_H 0.15f /* a knee or elbow ending this much nearer the chest shows the way (knee to chest) */
#define ARROWS_SAME_H 0.08f /* two arrows whose ends are this close are one (both knees rolling) */
#define ARROWS_MIN_LEN_H 0.12f /* a shorter way (pelvic tilt) is drawn this long, centred on it */
#define ARROWS_MAX_LEN_H 0.45f /* a longer way is drawn this long, ending at its tip */
#define ARROWS_OFFSET_H 0.07f /* the arrow runs this far beside the limb's path, not over the limb */
#define ARROWS_TRUNK_LIFT_H                                                                                            \
    0.12f /* the trunk's arrow stands this far from its middle: above it lying, beside it upright */
#define ARROWS_TRUNK_MORE 1.3f /* the pelvis or chest moving this many times as far as the middle shows the way */
#define ARROWS_CLEAR_H 0.05f /* the trunk's arrow keeps this far from the head (upright: the arms too) */
#define ARROWS_LEAN_MIN_DEG 12.0f /* an upright trunk tipping this far back about the hips: a hook */
#define ARROWS_LEAN_HOOK_H 0.16f /* a lean's hook: a quarter circle of this radius, */
#define ARROWS_LEAN_GAP_STEP_H 0.03f /* ... ARROWS_TRUNK_LIFT_H or this much more at a time behind the trunk, */
#define ARROWS_LEAN_GAPS 10 /* ... up to this many steps */
#define ARROWS_FOLD_MIN_DEG 45.0f /* an upright trunk tipping this far forward about the hips: an arc, */
#define ARROWS_FOLD_PAST_DEG 5.0f /* ... about the hips, on round this far past where the trunk ends, */
#define ARROWS_FOLD_MIN_R_H 0.30f /* ... as near as ARROWS_FOLD_MIN_R_H..ARROWS_FOLD_MAX_R_H clears the body */
#define ARROWS_FOLD_MAX_R_H 0.80f
#define ARROWS_BEND_MIN_DEG 10.0f /* an upright trunk facing the viewer tipping this far sideways about the hips: */
#define ARROWS_BEND_SPAN_DEG 45.0f /* ... an arc about the hips this long, from beside the top of the head, */
#define ARROWS_BEND_MIN_R_H 0.30f /* ... at a radius of ARROWS_BEND_MIN_R_H..ARROWS_BEND_MAX_R_H */
#define ARROWS_BEND_MAX_R_H 0.70f
#define ARROWS_BEND_INNER_STEP_H 0.02f /* ... its nearer ways round (MoveArrows.inner): this much smaller each, */
#define ARROWS_BEND_INNER_DEG 10.0f /* ... starting this much further round at most */
#define ARROWS_TURN_MIN_DEG 15.0f /* an upright trunk turning this far about its own axis (twist): an arc round it, */
#define ARROWS_TURN_FLAT                                                                                               \
    0.4f /* ... of an ellipse about the axis this much as tall as wide (seen from a little above), */
#define ARROWS_TURN_FROM_DEG 50.0f /* ... from this far round on the far side of the front */
#define ARROWS_TURN_TO_DEG 55.0f /* ... to this far round on the near side (a turn away: the other way), */
#define ARROWS_TURN_MIN_A_H 0.15f /* ... reaching ARROWS_TURN_MIN_A_H..ARROWS_TURN_MAX_A_H in front of the axis */
#define ARROWS_TURN_MAX_A_H 0.35f
#define ARROWS_WIDTH_H 0.030f /* the shaft's thickness (the head is 2.6 times as wide) */
#define ARROWS_PROBES 24 /* frames the way in is probed at, once per move and side */
#define ARROWS_BODY_GAP_H 0.015f /* an arrow kept off the body keeps this off its parts (their outline, warm band) */
#define ARROWS_KEEP_OFF_STEP_H 0.01f /* ... moved away from it in steps of this, */
#define ARROWS_KEEP_OFF_MAX_H 0.30f /* ... up to this far */
/* In the first rep (a hold: its way in) the arrows fade from ARROWS_FADE_FROM of the way to the beat
 * and are gone from ARROWS_GONE_AT, before the part gets there: gone at half-way, the press-up's
 * arrow had to float 0.15 H over the chest to keep off it (physio review, session 30). */
#define ARROWS_FADE_FROM 0.1f
#define ARROWS_GONE_AT 0.25f

/* One arrow: from (x[0], y[0]) through (x[1], y[1]) to the tip (x[2], y[2]); in body heights H of
 * the grounded figure (y up) from arrows_of_move, in stage pixels (y down) from arrows_place. */
typedef struct {
    float x[3], y[3];
} ArrowPath;

typedef struct {
    ArrowPath path[ARROWS_MAX];
    int count;
    float width; /* the shaft's thickness, in the same units */
    /* each arrow's same way drawn nearer the body, from the path's inward (a side bend's arc at
     * smaller radii, down to the smallest that clears it), inners[i] of them: what
     * arrowdraw_keep_clear draws where the path would have to be moved further */
    ArrowPath inner[ARROWS_MAX][ARROWS_INNER_MAX];
    int inners[ARROWS_MAX];
} MoveArrows;

/* The arrows of move m drawn near and far swapped or not (PoseDraw.swap), in H: one per working
 * limb (highlight) whose hand or foot, or elbow or knee where that moves more or folds in
 * ARROWS_FOLD_H nearer the chest (knee to chest), travels at least ARROWS_MIN_TRAVEL_H from the
 * start pose (the get-ready's) on the way to the beat (a hold's: the held pose), to where it is
 * farthest from its start on that way (probed at ARROWS_PROBES frames); one on the trunk's way
 * instead when the torso is the working part or the trunk moves more than any working limb
 * (bridge, press-up): its middle's, or the pelvis's or chest's where that moves ARROWS_TRUNK_MORE
 * times as far (the bridge's hips, the press-up's chest). Each is moved ARROWS_OFFSET_H aside
 * from the path (away from the body's middle), the trunk's ARROWS_TRUNK_LIFT_H above a lying
 * trunk or beside an upright one, away from the head and arms (arrows.c: arrows_trunk); an
 * upright trunk that leans back (ARROWS_LEAN_MIN_DEG about the hips: the standing back bend) has
 * a hook beside the upper back instead, rising and turning to point back (arrows_lean); one that
 * folds forward (ARROWS_FOLD_MIN_DEG: the forward fold) an arc about the hips in front of the
 * body, going forward and bending down (arrows_fold). One facing the viewer that bends sideways
 * (ARROWS_BEND_MIN_DEG about the hips in the picture: the side bend) has an arc about the hips
 * from beside the top of the head over and down on the side it bends to, with nearer ways round
 * (MoveArrows.inner) for arrowdraw_keep_clear (arrows_bend); an upright one seen from the side
 * whose twist changes ARROWS_TURN_MIN_DEG (the seated twist) a curl round the front of the chest,
 * the way the chest turns (arrows_turn). Their middle's way gave straight arrows across the
 * shirt ("shift sideways") and back at the shoulder ("lean back"). A lying trunk's arrow, and a knee's drawn to
 * the chest, are moved on away from the body (ARROWS_KEEP_OFF_STEP_H at a time) until they keep
 * ARROWS_BODY_GAP_H off every part in every frame they show in (arrows_alpha). Kept within
 * ARROWS_MIN_LEN_H..ARROWS_MAX_LEN_H. Returns the number of arrows (0: none, as for a move with no
 * highlight or a way). */
int arrows_of_move(const PoseMove *m, bool swap, MoveArrows *out);

/* The arrows a (in H) placed on a stage as figpaint places the figure (pl: its scale, origin,
 * mirror and narrowing), shifted by (sx, sy) (the stage's top left on the screen), into *out (pixels). */
void arrows_place(const MoveArrows *a, const FigPlace *pl, float sx, float sy, MoveArrows *out);

/* How strongly the arrows show for view v (0..1): 1 in a move's get-ready or "switch sides"
 * while the figure stands in its start pose (ANIM_START); in the first rep (a hold: its way in,
 * also over the end of the get-ready) 1 up to ARROWS_FADE_FROM of the way to the beat (the held
 * pose), fading to 0 at ARROWS_GONE_AT of it; 0 anywhere else. Shown to the beat, the body rose
 * into them (the press-up's chest from a quarter of the way up, the hugged knee's thigh); over the
 * part of the way they show in, arrows_of_move keeps them off it, and that part is short so that
 * they can sit close to the part they point at (the press-up's close over the chest: shown to
 * half-way, the chest rose 0.13 H by then and its arrow floated above that). */
float arrows_alpha(const SessionView *v, const SheetMeta *meta);

/* Parse len bytes of view.conf ("arrows = 0|1", blank lines and '#' comments) into *on, which
 * holds the default on entry; a line it cannot read leaves it and is described in why. Returns the
 * number of such lines. */
int arrows_conf_parse(const char *src, size_t len, bool *on, char *why, size_t whysize);

/* The text view.conf holds for on, into buf. Returns its length, or -1 when buf is too small. */
int arrows_conf_format(bool on, char *buf, size_t size);

#endif
