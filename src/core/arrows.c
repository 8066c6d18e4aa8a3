/* arrows.c: where a move's motion arrows go, how strongly they show, and view.conf. The arrows
 * are found from the sampled poses once per move and side (the frame path only places them). */
#include "arrows.h"

#include "audioconf.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sheet.h"

/* ---- where the working parts are ---- */

#define ARROWS_UPPER_END (-2) /* arrows_part_point's nth: the parts' upper ends (knee, elbow) */

typedef struct {
    float x, y;
} ArrowPoint;

/* The limb a group belongs to (a shin painted apart counts as its leg). */
static int arrows_limb(int id)
{
    return id == POSE_GROUP_NEAR_SHIN ? POSE_GROUP_NEAR_LEG : id == POSE_GROUP_FAR_SHIN ? POSE_GROUP_FAR_LEG : id;
}

/* The mean of the ends of the parts called name in the groups of limb (PoseGroupId) of fig, or of
 * the nth of them alone (nth >= 0; the trunk's three parts: its middle one when nth < 0), or of
 * their upper ends alone (ARROWS_UPPER_END in nth: the knee of a shank, the elbow of a forearm);
 * false when there is none. */
static bool arrows_part_point(const PoseFigure *fig, int limb, const char *name, int nth, ArrowPoint *out)
{
    float sx = 0.0f, sy = 0.0f;
    int n = 0;
    bool upper = nth == ARROWS_UPPER_END;
    if (upper)
        nth = -1;
    for (int g = 0; g < fig->count; g++) {
        const PoseGroup *gr = &fig->groups[g];
        if (arrows_limb(gr->id) != limb || gr->flat)
            continue;
        int count = 0, pick = -1;
        for (int i = 0; i < gr->count; i++)
            count += strcmp(gr->parts[i].name, name) == 0;
        /* the trunk's three parts: its middle one, which the back rounds and arches most */
        if (limb == POSE_GROUP_TORSO && count >= 3)
            pick = count / 2;
        if (nth >= 0)
            pick = nth;
        for (int i = 0, k = 0; i < gr->count; i++)
            if (strcmp(gr->parts[i].name, name) == 0 && (pick < 0 || k++ == pick)) {
                if (upper)
                    sx += gr->parts[i].ax, sy += gr->parts[i].ay, n++;
                else
                    sx += gr->parts[i].ax + gr->parts[i].bx, sy += gr->parts[i].ay + gr->parts[i].by, n += 2;
            }
    }
    if (n == 0)
        return false;
    out->x = sx / (float)n, out->y = sy / (float)n;
    return true;
}

/* Whether limb's group is drawn as working in fig (the highlight follows a swap). */
static bool arrows_working(const PoseFigure *fig, int limb)
{
    for (int g = 0; g < fig->count; g++)
        if (arrows_limb(fig->groups[g].id) == limb && fig->groups[g].highlight)
            return true;
    return false;
}

static float arrows_dist(ArrowPoint a, ArrowPoint b)
{
    return hypotf(b.x - a.x, b.y - a.y);
}

/* The frames the way in is probed at: the get-ready's start pose, then ARROWS_PROBES frames on to
 * the beat (a hold's held pose), evenly along the samples. Returns how many (at least 1). */
static int arrows_frames(const PoseMove *m, int *frames)
{
    SheetFrame f;
    sheet_frame_at(&m->meta, ANIM_START, 0, 0, 0, &f);
    const SheetMeta *mt = &m->meta;
    bool cycle = !mt->rep_holds && mt->cycle.ms > 0;
    int top = cycle ? mt->beat : mt->held, first = cycle ? mt->cycle.first : mt->intro.first, last = mt->frames - 1;
    frames[0] = f.a;
    for (int k = 1; k <= ARROWS_PROBES; k++)
        frames[k] = first + (top - first) * k / ARROWS_PROBES;
    for (int k = 0; k <= ARROWS_PROBES; k++)
        frames[k] = frames[k] < 0 ? 0 : frames[k] > last ? last : frames[k];
    return ARROWS_PROBES + 1;
}

static void arrows_figure(const PoseMove *m, int i, bool swap, PoseFigure *fig)
{
    if (swap)
        pose_move_sample_figure_swapped(m, i, fig);
    else
        pose_move_sample_figure(m, i, fig);
}

/* One candidate arrow: a point's place at the start, half-way and where it is farthest from the
 * start (the top of its way: cat-camel's back is highest a quarter into the rep, flat again at
 * the beat), and how far that is. */
typedef struct {
    ArrowPoint p[3];
    float travel;
} ArrowWay;

/* The way of the part called name of limb (nth: as arrows_part_point) through the n figures figs;
 * false when it has none. */
static bool arrows_way(const PoseFigure *figs, int n, int limb, const char *name, int nth, ArrowWay *w)
{
    ArrowPoint pts[ARROWS_PROBES + 1];
    int far = 0;
    float best = -1.0f;
    if (n < 1 || n > ARROWS_PROBES + 1)
        return false;
    for (int k = 0; k < n; k++) {
        if (!arrows_part_point(&figs[k], limb, name, nth, &pts[k]))
            return false;
        float d = arrows_dist(pts[0], pts[k]);
        if (d > best + 1e-4f)
            best = d, far = k;
    }
    w->p[0] = pts[0], w->p[1] = pts[far / 2], w->p[2] = pts[far];
    w->travel = best;
    return true;
}

/* Turn a way into an arrow: moved aside from the body's centre (cx, cy) by ARROWS_OFFSET_H (the
 * trunk's: not moved, arrows_trunk places it), its length kept within
 * ARROWS_MIN_LEN_H..ARROWS_MAX_LEN_H; the way aside (a unit vector) into *aside_x, *aside_y. */
static ArrowPath arrows_shape(const ArrowWay *w, float cx, float cy, bool trunk, float *aside_x, float *aside_y)
{
    ArrowPoint a = w->p[0], b = w->p[1], c = w->p[2];
    float dx = c.x - a.x, dy = c.y - a.y, len = hypotf(dx, dy);
    float ux = len > 1e-6f ? dx / len : 0.0f, uy = len > 1e-6f ? dy / len : 1.0f; /* unmoved: up */
    if (len < ARROWS_MIN_LEN_H) { /* a short way: stretched about its middle, drawn straight */
        float mx = (a.x + c.x) / 2.0f, my = (a.y + c.y) / 2.0f, h = ARROWS_MIN_LEN_H / 2.0f;
        a = (ArrowPoint){mx - ux * h, my - uy * h}, c = (ArrowPoint){mx + ux * h, my + uy * h};
        b = (ArrowPoint){mx, my};
    } else if (len > ARROWS_MAX_LEN_H) { /* a long way: its last part, up to the tip */
        float k = ARROWS_MAX_LEN_H / len;
        a = (ArrowPoint){c.x - dx * k, c.y - dy * k};
        b = (ArrowPoint){(a.x + c.x) / 2.0f + (b.x - (w->p[0].x + c.x) / 2.0f) * k,
                         (a.y + c.y) / 2.0f + (b.y - (w->p[0].y + c.y) / 2.0f) * k};
    }
    /* aside, perpendicular to the way, on the side away from the body's centre */
    float nx = -uy, ny = ux, mx = (a.x + c.x) / 2.0f, my = (a.y + c.y) / 2.0f;
    if ((mx - cx) * nx + (my - cy) * ny < 0.0f)
        nx = -nx, ny = -ny;
    /* never into the mat: a hand or foot lifting off it has its arrow on the side above */
    float low = fminf(fminf(a.y, b.y), c.y) + ny * ARROWS_OFFSET_H;
    if (low < ARROWS_WIDTH_H && ny < 0.0f)
        nx = -nx, ny = -ny;
    *aside_x = nx, *aside_y = ny;
    if (trunk)
        nx = 0.0f, ny = 0.0f;
    ArrowPath out;
    ArrowPoint pts[3] = {a, b, c};
    for (int k = 0; k < 3; k++)
        out.x[k] = pts[k].x + nx * ARROWS_OFFSET_H, out.y[k] = pts[k].y + ny * ARROWS_OFFSET_H;
    return out;
}

/* ---- the trunk's arrow ---- */

/* The trunk's axis in fig: from the pelvis's lower end to the top trunk part's upper end (unit
 * vector into *ux, *uy); false when it has none. */
static bool arrows_trunk_axis(const PoseFigure *fig, float *ux, float *uy)
{
    const PosePart *low = NULL, *top = NULL;
    for (int g = 0; g < fig->count; g++)
        for (int i = 0; i < fig->groups[g].count; i++) {
            const PosePart *q = &fig->groups[g].parts[i];
            if (fig->groups[g].id != POSE_GROUP_TORSO)
                continue;
            if (strcmp(q->name, "pelvis") == 0)
                low = q;
            else if (strcmp(q->name, "trunk") == 0)
                top = q;
        }
    if (!low || !top)
        return false;
    float dx = top->bx - low->ax, dy = top->by - low->ay, len = hypotf(dx, dy);
    if (len < 1e-4f)
        return false;
    *ux = dx / len, *uy = dy / len;
    return true;
}

/* Whether fig faces the viewer: its hips drawn across the picture (pose.c grows them as the body
 * turns to face the viewer; seen from the side they are a point). */
static bool arrows_facing(const PoseFigure *fig)
{
    for (int g = 0; g < fig->count; g++)
        for (int i = 0; i < fig->groups[g].count; i++) {
            const PosePart *q = &fig->groups[g].parts[i];
            if (fig->groups[g].id == POSE_GROUP_TORSO && strcmp(q->name, "hips") == 0)
                return hypotf(q->bx - q->ax, q->by - q->ay) > 0.03f;
        }
    return false;
}

/* How far path p (drawn as a quadratic through its middle point, its head ARROWS_WIDTH_H * 1.3
 * to either side) keeps from the outlines of the n figures figs (H; negative: over one): near[0]
 * from the head's, near[1] from the hands' and forearms', near[2] from the trunk's and pelvis's. */
static void arrows_clearance(const ArrowPath *p, const PoseFigure *figs, int n, float near[3])
{
    float cx = 2.0f * p->x[1] - (p->x[0] + p->x[2]) / 2.0f, cy = 2.0f * p->y[1] - (p->y[0] + p->y[2]) / 2.0f;
    near[0] = near[1] = near[2] = 1e9f;
    for (int s = 0; s <= 12; s++) {
        float t = (float)s / 12.0f, u = 1.0f - t;
        float x = u * u * p->x[0] + 2.0f * u * t * cx + t * t * p->x[2];
        float y = u * u * p->y[0] + 2.0f * u * t * cy + t * t * p->y[2];
        for (int k = 0; k < n; k++)
            for (int g = 0; g < figs[k].count; g++) {
                const PoseGroup *gr = &figs[k].groups[g];
                bool arm = gr->id == POSE_GROUP_NEAR_ARM || gr->id == POSE_GROUP_FAR_ARM;
                if (!arm && gr->id != POSE_GROUP_TORSO)
                    continue;
                for (int i = 0; i < gr->count; i++) {
                    const PosePart *q = &gr->parts[i];
                    int to = -1;
                    if (arm && (strcmp(q->name, "hand") == 0 || strcmp(q->name, "forearm") == 0))
                        to = 1;
                    else if (!arm && strcmp(q->name, "head") == 0)
                        to = 0;
                    else if (!arm && (strcmp(q->name, "trunk") == 0 || strcmp(q->name, "pelvis") == 0))
                        to = 2;
                    if (to < 0)
                        continue;
                    float dx = q->bx - q->ax, dy = q->by - q->ay, l2 = dx * dx + dy * dy;
                    float f = l2 > 0.0f ? ((x - q->ax) * dx + (y - q->ay) * dy) / l2 : 0.0f;
                    f = f < 0.0f ? 0.0f : f > 1.0f ? 1.0f : f;
                    float d =
                        hypotf(x - q->ax - dx * f, y - q->ay - dy * f) - fmaxf(q->ra, q->rb) - 1.3f * ARROWS_WIDTH_H;
                    near[to] = d < near[to] ? d : near[to];
                }
            }
    }
}

/* How far path p, as drawn (a quadratic through its middle point: the shaft ARROWS_WIDTH_H wide,
 * the head, its last quarter, 2.6 times as wide), keeps from every drawn part of the n figures
 * figs, less ARROWS_BODY_GAP_H (their dark outline and warm band), and from the head less
 * ARROWS_CLEAR_H (the head's width all along, as arrows_clearance): H, negative where it lies over
 * one in some frame. */
static float arrows_body_clearance(const ArrowPath *p, const PoseFigure *figs, int n)
{
    float cx = 2.0f * p->x[1] - (p->x[0] + p->x[2]) / 2.0f, cy = 2.0f * p->y[1] - (p->y[0] + p->y[2]) / 2.0f;
    float least = 1e9f;
    for (int s = 0; s <= 16; s++) {
        float t = (float)s / 16.0f, u = 1.0f - t;
        float x = u * u * p->x[0] + 2.0f * u * t * cx + t * t * p->x[2];
        float y = u * u * p->y[0] + 2.0f * u * t * cy + t * t * p->y[2];
        float half = (t > 0.75f ? 1.3f : 0.5f) * ARROWS_WIDTH_H + ARROWS_BODY_GAP_H;
        for (int k = 0; k < n; k++)
            for (int g = 0; g < figs[k].count; g++) {
                const PoseGroup *gr = &figs[k].groups[g];
                if (gr->flat)
                    continue;
                for (int i = 0; i < gr->count; i++) {
                    const PosePart *q = &gr->parts[i];
                    float dx = q->bx - q->ax, dy = q->by - q->ay, l2 = dx * dx + dy * dy;
                    float f = l2 > 0.0f ? ((x - q->ax) * dx + (y - q->ay) * dy) / l2 : 0.0f;
                    f = f < 0.0f ? 0.0f : f > 1.0f ? 1.0f : f;
                    float d = hypotf(x - q->ax - dx * f, y - q->ay - dy * f) - fmaxf(q->ra, q->rb) - half;
                    if (gr->id == POSE_GROUP_TORSO && strcmp(q->name, "head") == 0) /* as clear of the face */
                        d = d + half - 1.3f * ARROWS_WIDTH_H - ARROWS_CLEAR_H;
                    least = d < least ? d : least;
                }
            }
    }
    return least;
}

/* arrows_body_clearance over the n figures figs, the first alone first: where the arrow is over
 * the start pose already (most of the arcs tried), that, an upper bound, without the rest. */
static float arrows_first_clearance(const ArrowPath *p, const PoseFigure *figs, int n)
{
    float d = arrows_body_clearance(p, figs, 1);
    return d < 0.0f || n <= 1 ? d : fminf(d, arrows_body_clearance(p, figs + 1, n - 1));
}

/* Move arrow p the least way along one of the n_dirs unit vectors dirs (away from the body, the
 * first preferred) that keeps it off the body in every one of the n frames figs
 * (arrows_body_clearance), in steps of ARROWS_KEEP_OFF_STEP_H up to ARROWS_KEEP_OFF_MAX_H: the
 * whole arrow, or, may_turn, first turned about its tail (its tip moved the step, its middle half
 * of it), for a part that ends under its tip (the knee drawn up to the chest). With none clear,
 * the one that comes nearest. The body rising into the arrow on the way to the beat (the
 * press-up's chest, the hugged knee) hid it, and read as the part pushing it away. */
static void arrows_keep_off(ArrowPath *p, const PoseFigure *figs, int n, const float (*dirs)[2], int n_dirs,
                            bool may_turn)
{
    ArrowPath best = *p;
    float most = -1e9f;
    for (int s = 0; s * ARROWS_KEEP_OFF_STEP_H <= ARROWS_KEEP_OFF_MAX_H + 1e-6f; s++)
        for (int v = 0; v < n_dirs; v++)
            for (int turn = may_turn; turn >= 0; turn--) {
                float d = ARROWS_KEEP_OFF_STEP_H * (float)s;
                ArrowPath q = *p;
                for (int k = 0; k < 3; k++) {
                    float f = turn ? (float)k / 2.0f : 1.0f;
                    q.x[k] += dirs[v][0] * d * f, q.y[k] += dirs[v][1] * d * f;
                }
                float c = arrows_body_clearance(&q, figs, n);
                if (c >= 0.0f) {
                    *p = q;
                    return;
                }
                if (c > most + 1e-4f)
                    most = c, best = q;
            }
    *p = best;
}

#define ARROWS_TRUNK_STEPS 8 /* distances beside an upright trunk tried: 0.8 to 1.85 ARROWS_TRUNK_LIFT_H */

/* The trunk's arrow p (on its middle's way) moved where it reads and covers nothing, over the n
 * figures figs of the way in (the start pose first, the beat last), the first shown of them
 * while the arrow shows (ARROWS_GONE_AT).
 *  - A lying trunk's (more level than upright at the start): above its middle by
 *    ARROWS_TRUNK_LIFT_H, over the back or belly (cat-camel, the bridge); square to the trunk at
 *    the beat instead where straight up would come within ARROWS_CLEAR_H of the head in the
 *    frames it shows in (the press-up's head rises toward it later, once it is gone). The arms do not count: on all
 * fours they meet the back.
 *  - An upright trunk's: beside it, square to its axis, at its middle, behind the back, as near
 *    as keeps it off the trunk in every frame (a way across the trunk: the arrow behind the part
 *    it pushes, its tip at the back); else half-way down to the pelvis; else the same in front:
 *    the first that keeps ARROWS_CLEAR_H from the head and off the hands and forearms (the back
 *    bend's forearms are behind it, the twist's hand reaches back to the chair). Straight up
 *    it stood on the neck and face.
 *  - Facing the viewer and not bending sideways (none in the catalogue: the side bend has
 *    arrows_bend's arc), its middle moves across the picture: the arrow lies over its middle. */
static ArrowPath arrows_trunk(ArrowPath p, const PoseFigure *figs, int n, int shown)
{
    float ux = 0.0f, uy = 1.0f, cand[4 * ARROWS_TRUNK_STEPS][2];
    int count = 0;
    bool upright = true, axis = arrows_trunk_axis(&figs[0], &ux, &uy);
    if (axis && fabsf(uy) > fabsf(ux) && arrows_facing(&figs[0])) {
        cand[count][0] = 0.0f, cand[count++][1] = 0.0f;
    } else if (axis && fabsf(uy) > fabsf(ux)) {
        float nx = -uy, ny = ux;
        if (uy < 0.0f) /* head down: the same sides */
            nx = -nx, ny = -ny;
        /* (nx, ny): behind a figure facing +x, the poses' way round; down the trunk: -(ux, uy).
         * Behind, then in front; at the middle, then half-way down to the pelvis; nearest first */
        for (int side = 1; side >= -1; side -= 2)
            for (int d = 0; d < 2; d++)
                for (int o = 0; o < ARROWS_TRUNK_STEPS; o++) {
                    float off = (float)side * ARROWS_TRUNK_LIFT_H * (0.8f + 0.15f * (float)o);
                    float along = -ARROWS_TRUNK_LIFT_H * 0.5f * (float)d;
                    cand[count][0] = nx * off + ux * along, cand[count++][1] = ny * off + uy * along;
                }
    } else {
        float bx = 0.0f, by = 1.0f;
        if (!arrows_trunk_axis(&figs[n - 1], &bx, &by))
            bx = 1.0f, by = 0.0f;
        float nx = -by, ny = bx;
        if (ny < 0.0f)
            nx = -nx, ny = -ny;
        cand[count][0] = 0.0f, cand[count++][1] = ARROWS_TRUNK_LIFT_H;
        cand[count][0] = nx * ARROWS_TRUNK_LIFT_H, cand[count++][1] = ny * ARROWS_TRUNK_LIFT_H;
        upright = false;
    }
    /* the first candidate clear of all, or the one nearest to being so */
    int pick = 0;
    float best = -1e9f;
    for (int c = 0; c < count; c++) {
        ArrowPath q = p;
        for (int k = 0; k < 3; k++)
            q.x[k] += cand[c][0], q.y[k] += cand[c][1];
        float near[3];
        /* lying: clear of the head while it shows; checked to the beat, the press-up's rising head
         * sent it back over the waist's end of the chest */
        arrows_clearance(&q, figs, upright ? n : shown, near);
        /* beside an upright trunk: its tip may touch the back it points at, not run over it; a
         * lying trunk's arrow keeps off the head alone (on all fours the arms meet the back, and
         * it stands over the trunk anyway) */
        float score = near[0] - ARROWS_CLEAR_H;
        if (upright && count > 1)
            score = fminf(score, fminf(near[1], near[2] + ARROWS_WIDTH_H));
        if (score >= 0.0f) {
            pick = c;
            break;
        }
        if (score > best)
            best = score, pick = c;
    }
    for (int k = 0; k < 3; k++)
        p.x[k] += cand[pick][0], p.y[k] += cand[pick][1];
    /* lying: on up, off the chest or hips that rise into it while it shows (press-up, bridge);
     * straight up: square to the risen trunk it went back over the press-up's waist ("lift your
     * hips") */
    if (!upright) {
        static const float up[1][2] = {{0.0f, 1.0f}};
        arrows_keep_off(&p, figs, shown, up, 1, false);
    }
    return p;
}

/* ---- a leaning trunk's arc ---- */

/* An upright trunk side on (facing false) or facing the viewer (facing) in the n frames figs (the start pose first):
 * its start's axis up (*ux, *uy), its pelvis at the start (*low), the highest the head comes
 * (*crown) and its largest turn about the hips from the start (*turn, radians, + counter-clockwise:
 * back, as the poses face +x; facing: toward -x). False for a lying trunk or one facing otherwise. The lean's,
 * the fold's and the side bend's arcs (arrows_lean, arrows_fold, arrows_bend) start from it. */
static bool arrows_upright_turn(const PoseFigure *figs, int n, bool facing, float *ux, float *uy, const PosePart **low,
                                float *crown, float *turn)
{
    *ux = 0.0f, *uy = 1.0f, *low = NULL, *crown = -1e9f, *turn = 0.0f;
    if (!arrows_trunk_axis(&figs[0], ux, uy) || fabsf(*uy) <= fabsf(*ux) || arrows_facing(&figs[0]) != facing)
        return false;
    for (int k = 0; k < n; k++) {
        float vx, vy;
        if (k > 0 && arrows_trunk_axis(&figs[k], &vx, &vy)) {
            float t = atan2f(*ux * vy - *uy * vx, *ux * vx + *uy * vy);
            *turn = fabsf(t) > fabsf(*turn) ? t : *turn;
        }
        for (int g = 0; g < figs[k].count; g++)
            for (int i = 0; i < figs[k].groups[g].count; i++) {
                const PosePart *q = &figs[k].groups[g].parts[i];
                if (figs[k].groups[g].id != POSE_GROUP_TORSO)
                    continue;
                if (strcmp(q->name, "head") == 0)
                    *crown = fmaxf(*crown, fmaxf(q->ay + q->ra, q->by + q->rb));
                else if (k == 0 && strcmp(q->name, "pelvis") == 0)
                    *low = q;
            }
    }
    return true;
}

/* The arrow of an upright trunk that leans back (tips ARROWS_LEAN_MIN_DEG or more back about the
 * hips on its way: the standing back bend), into *out; false for any other trunk. Its middle's way (what
 * arrows_trunk places) is no picture of a lean: leaning back, the trunk's middle only sinks a
 * little, and an arrow straight down in front of the belly read "sink, push down" (physio review,
 * session 29). A lean's arrow is a hook on the side the trunk tips to, beside the upper back: a
 * quarter circle ARROWS_LEAN_HOOK_H across rising from shoulder height and turning to point
 * back ("lift the chest, lean back"), its top no higher than the head comes (the camera frames
 * the figure: higher, arrowdraw_keep_clear would push it down onto the face). The nearest to the
 * back of those that keep ARROWS_CLEAR_H from the head, off the hands and forearms and off the
 * trunk in every frame (figs: the start pose first); none: the one nearest to being so. */
static bool arrows_lean(const PoseFigure *figs, int n, ArrowPath *out)
{
    float ux, uy, crown, turn;
    const PosePart *low;
    if (!arrows_upright_turn(figs, n, false, &ux, &uy, &low, &crown, &turn))
        return false;
    /* back only (the poses face +x: counter-clockwise); a forward bend goes down, and a hook rising
     * in front would say "reach up" */
    if (!low || turn < ARROWS_LEAN_MIN_DEG * 3.14159265f / 180.0f)
        return false;
    /* (bx, by): square to the trunk, back; h: how far up the trunk the hook may reach */
    float bx = -uy, by = ux, rad = ARROWS_LEAN_HOOK_H;
    float px = low->ax, py = low->ay;
    float h = ((crown - py) - ARROWS_WIDTH_H * 1.3f) / uy - rad, best = -1e9f;
    for (int g = 0; g < ARROWS_LEAN_GAPS; g++)
        for (int d = 0; d < 2; d++) {
            float gap = ARROWS_TRUNK_LIFT_H + ARROWS_LEAN_GAP_STEP_H * (float)g, up = h - rad * 0.5f * (float)d;
            float cx = px + ux * up + bx * (gap + rad), cy = py + uy * up + by * (gap + rad);
            ArrowPath q;
            for (int k = 0; k < 3; k++) { /* from beside the back (going up) round to the top (pointing b) */
                float a = 3.14159265f / 4.0f * (float)k, c = cosf(a), sn = sinf(a);
                q.x[k] = cx + rad * (-bx * c + ux * sn), q.y[k] = cy + rad * (-by * c + uy * sn);
            }
            float near[3];
            arrows_clearance(&q, figs, n, near);
            float score = fminf(near[0] - ARROWS_CLEAR_H, fminf(near[1], near[2] + ARROWS_WIDTH_H));
            if (score > best)
                best = score, *out = q;
            if (score >= 0.0f)
                return true;
        }
    return true;
}

/* ---- a forward fold's arc ---- */

/* The arrow of an upright trunk that folds forward (tips ARROWS_FOLD_MIN_DEG or more forward about
 * the hips on its way: the forward fold), into *out; false for any other trunk. Its middle's way
 * gave a straight arrow down and forward across the trunk and the hanging arms. A fold's arrow is
 * an arc about the hips in front of the body, ending ARROWS_FOLD_PAST_DEG past where the trunk
 * ends, outside the head's sweep: from in front of the face it goes forward and bends down, its head pointing down
 * along the front ("let your head and arms hang, roll down slowly"), ARROWS_MAX_LEN_H across at most and no higher than
 * the head comes (higher, arrowdraw_keep_clear pushes it down under the stage's top). The nearest such arc that keeps
 * off the body and ARROWS_CLEAR_H from the head in every one of the n frames figs (the start pose first); none: the one
 * that comes nearest. */
static bool arrows_fold(const PoseFigure *figs, int n, ArrowPath *out)
{
    float ux, uy, crown, turn;
    const PosePart *low;
    if (!arrows_upright_turn(figs, n, false, &ux, &uy, &low, &crown, &turn))
        return false;
    const float deg = 3.14159265f / 180.0f;
    if (!low || -turn < ARROWS_FOLD_MIN_DEG * deg)
        return false;
    /* angles from the start's trunk (u) on toward the front (f), about the hip joint */
    float fx = uy, fy = -ux, px = low->ax, py = low->ay, best = -1e9f;
    float end = -turn + ARROWS_FOLD_PAST_DEG * deg, top = crown - 1.3f * ARROWS_WIDTH_H;
    for (float rad = ARROWS_FOLD_MIN_R_H; rad <= ARROWS_FOLD_MAX_R_H + 1e-4f; rad += ARROWS_KEEP_OFF_STEP_H * 2.0f) {
        float span = 2.0f * asinf(fminf(1.0f, ARROWS_MAX_LEN_H * 0.95f / (2.0f * rad))), start = end - span;
        /* no higher than the head comes: start later round the arc */
        while (start < end - 0.2f && py + rad * (uy * cosf(start) + fy * sinf(start)) > top)
            start += deg;
        ArrowPath q;
        for (int k = 0; k < 3; k++) {
            float a = start + (end - start) * (float)k / 2.0f, c = cosf(a), sn = sinf(a);
            q.x[k] = px + rad * (ux * c + fx * sn), q.y[k] = py + rad * (uy * c + fy * sn);
        }
        float clear = arrows_body_clearance(&q, figs, n);
        if (clear > best)
            best = clear, *out = q;
        if (clear >= 0.0f)
            return true;
    }
    return true;
}

/* ---- a side bend's arc ---- */

/* The side bend's arc about the hips (px, py), from the start's trunk (ux, uy) toward the side it
 * bends to (sx, sy): radius rad, from angle start on round ARROWS_BEND_SPAN_DEG. */
static ArrowPath arrows_bend_arc(float px, float py, float ux, float uy, float sx, float sy, float rad, float start)
{
    ArrowPath q;
    for (int k = 0; k < 3; k++) {
        float a = start + ARROWS_BEND_SPAN_DEG * 3.14159265f / 180.0f * (float)k / 2.0f, c = cosf(a), sn = sinf(a);
        q.x[k] = px + rad * (ux * c + sx * sn), q.y[k] = py + rad * (uy * c + sy * sn);
    }
    return q;
}

/* The arrow of an upright trunk facing the viewer that bends sideways (tips ARROWS_BEND_MIN_DEG or
 * more about the hips in the picture on its way: the side bend), into *out; false for any other
 * trunk. Its middle's way is a short shift across the chest, and its arrow there, straight across
 * the shirt, read "shift, step sideways" (physio review, session 31). A side bend's arrow is an arc
 * about the hips on the side it bends to, as the head goes: from beside the top of the head, round
 * ARROWS_BEND_SPAN_DEG over and down beside the shoulder ("bend over to the side"), no higher than
 * the head comes (the camera frames the figure: higher, arrowdraw_keep_clear would push it down
 * onto the head). Of the radii ARROWS_BEND_MIN_R_H..ARROWS_BEND_MAX_R_H the one whose arc starts
 * highest round (nearest above the head) and keeps off the body and ARROWS_CLEAR_H from the head in
 * the shown frames of figs (the start pose first; the turn is measured over all n); the nearest
 * such for equal starts; none: the one that comes nearest. */
static bool arrows_bend(const PoseFigure *figs, int n, int shown, ArrowPath *out, ArrowPath *inner, int *inners)
{
    float ux, uy, crown, turn;
    const PosePart *low;
    const float deg = 3.14159265f / 180.0f;
    *inners = 0;
    if (!arrows_upright_turn(figs, n, true, &ux, &uy, &low, &crown, &turn) || !low ||
        fabsf(turn) < ARROWS_BEND_MIN_DEG * deg)
        return false;
    /* angles from the start's trunk (u) on toward the side it bends to (s), about the hips */
    float sx = turn < 0.0f ? uy : -uy, sy = turn < 0.0f ? -ux : ux, px = low->ax, py = low->ay;
    float top = crown - 1.3f * ARROWS_WIDTH_H, best = -1e9f, best_start = 1e9f, best_rad = ARROWS_BEND_MAX_R_H;
    bool clear = false;
    for (float rad = ARROWS_BEND_MIN_R_H; rad <= ARROWS_BEND_MAX_R_H + 1e-4f; rad += ARROWS_KEEP_OFF_STEP_H) {
        float start = 0.0f;
        while (start < 90.0f * deg && py + rad * (uy * cosf(start) + sy * sinf(start)) > top)
            start += deg;
        for (; start <= 60.0f * deg && start < best_start - 1e-4f; start += deg) {
            ArrowPath q = arrows_bend_arc(px, py, ux, uy, sx, sy, rad, start);
            float d = arrows_first_clearance(&q, figs, shown);
            if (d >= 0.0f) {
                *out = q, best_start = start, best_rad = rad, clear = true;
                break;
            }
            if (!clear && d > best)
                best = d, *out = q;
        }
    }
    /* nearer ways round, each ARROWS_BEND_INNER_STEP_H smaller down to the smallest radius that
     * clears the body, each starting as near above the head as it can (ARROWS_BEND_INNER_DEG
     * further round at most): the tail lower beside the head, the arc nearer the shoulder */
    for (float rad = best_rad - ARROWS_BEND_INNER_STEP_H; clear && rad >= ARROWS_BEND_MIN_R_H - 1e-4f;
         rad -= ARROWS_BEND_INNER_STEP_H) {
        for (float start = best_start; start <= best_start + ARROWS_BEND_INNER_DEG * deg + 1e-4f; start += deg) {
            ArrowPath q = arrows_bend_arc(px, py, ux, uy, sx, sy, rad, start);
            if (arrows_first_clearance(&q, figs, shown) >= 0.0f) {
                if (*inners < ARROWS_INNER_MAX)
                    inner[(*inners)++] = q;
                else
                    inner[ARROWS_INNER_MAX - 1] = q; /* the last: the nearest of all */
                break;
            }
        }
    }
    return true;
}

/* ---- a turn's arc ---- */

/* The arrow of an upright trunk seen from the side that turns about its own axis (its twist
 * changes ARROWS_TURN_MIN_DEG or more on the way: the seated twist), into *out; false for any
 * other. m's samples idx (n of them, the start pose first) give the twist, swap draws the other
 * side. The turn is across the picture, toward or away from the viewer: the trunk's way in the
 * picture is a small shift back, and its arrow, straight back at the shoulder, read "lean back
 * against the chair" (physio review, session 31). A turn's arrow is an arc of the ellipse a circle
 * round the trunk's axis makes seen from a little above (ARROWS_TURN_FLAT as tall as wide), in
 * front of the chest, going round the front the way the chest turns: from the far side (above) to
 * the near side (below) for a turn toward the viewer, back up for one away, its head pointing
 * back. The smallest, then the highest (from the shoulders down to half-way to the hips) that
 * keeps off the body and ARROWS_CLEAR_H from the head in the shown frames of figs; none: the one
 * that comes nearest. */
static bool arrows_turn(const PoseMove *m, const int *idx, bool swap, const PoseFigure *figs, int n, int shown,
                        ArrowPath *out)
{
    float ux, uy, crown, turn;
    const PosePart *low;
    const float deg = 3.14159265f / 180.0f;
    if (!arrows_upright_turn(figs, n, false, &ux, &uy, &low, &crown, &turn) || !low)
        return false;
    float twist = 0.0f, t0 = m->samples[idx[0]].v[POSE_TWIST];
    for (int k = 1; k < n; k++) {
        float d = m->samples[idx[k]].v[POSE_TWIST] - t0;
        twist = fabsf(d) > fabsf(twist) ? d : twist;
    }
    if (swap)
        twist = -twist; /* pose_swap_sides */
    if (fabsf(twist) < ARROWS_TURN_MIN_DEG)
        return false;
    /* (fx, fy): the front, as the poses face +x; + twist turns the chest toward the viewer, whose
     * side of the circle is drawn below */
    float fx = uy, fy = -ux, sign = twist > 0.0f ? 1.0f : -1.0f, reach = 0.0f, best = -1e9f;
    for (int g = 0; g < figs[0].count; g++)
        for (int i = 0; i < figs[0].groups[g].count; i++) {
            const PosePart *q = &figs[0].groups[g].parts[i];
            if (figs[0].groups[g].id == POSE_GROUP_TORSO && strcmp(q->name, "trunk") == 0)
                reach = fmaxf(reach, (q->bx - low->ax) * ux + (q->by - low->ay) * uy);
        }
    const float angles[3] = {ARROWS_TURN_FROM_DEG * deg, (ARROWS_TURN_FROM_DEG - ARROWS_TURN_TO_DEG) * 0.5f * deg,
                             -ARROWS_TURN_TO_DEG * deg};
    for (float a = ARROWS_TURN_MIN_A_H; a <= ARROWS_TURN_MAX_A_H + 1e-4f; a += ARROWS_KEEP_OFF_STEP_H)
        for (float up = reach - a * ARROWS_TURN_FLAT; up >= reach * 0.5f; up -= ARROWS_KEEP_OFF_STEP_H * 2.0f) {
            float cx = low->ax + ux * up, cy = low->ay + uy * up, b = a * ARROWS_TURN_FLAT;
            ArrowPath q;
            for (int k = 0; k < 3; k++) {
                float c = cosf(angles[k]), sn = sign * sinf(angles[k]);
                q.x[k] = cx + fx * a * c + ux * b * sn, q.y[k] = cy + fy * a * c + uy * b * sn;
            }
            float d = arrows_first_clearance(&q, figs, shown);
            if (d >= 0.0f) {
                *out = q;
                return true;
            }
            if (d > best)
                best = d, *out = q;
        }
    return true;
}

/* The way the trunk's arrow shows, of the n figures figs: its middle's (*middle), or the pelvis's
 * or its top part's where that travels ARROWS_TRUNK_MORE times as far and half
 * ARROWS_MIN_TRAVEL_H at least (a side view): the bridge lifts its hips, the press-up its chest,
 * while the middle, between them, moves less; the arrow over the middle stood over the waist of a
 * press-up ("push your chest up, hips down"). A part that barely moves (the seated twist's
 * shoulders only turn, and their arrow stood at the chin) leaves the middle's. */
static ArrowWay arrows_trunk_way(const PoseFigure *figs, int n, const ArrowWay *middle)
{
    ArrowWay best = *middle, w;
    float least = fmaxf(ARROWS_TRUNK_MORE * middle->travel, ARROWS_MIN_TRAVEL_H / 2.0f);
    if (arrows_facing(&figs[0]))
        return best;
    if (arrows_way(figs, n, POSE_GROUP_TORSO, "pelvis", -1, &w) && w.travel >= least)
        best = w;
    if (arrows_way(figs, n, POSE_GROUP_TORSO, "trunk", 2, &w) && w.travel >= least && w.travel > best.travel)
        best = w;
    return best;
}

int arrows_of_move(const PoseMove *m, bool swap, MoveArrows *out)
{
    memset(out, 0, sizeof *out);
    out->width = ARROWS_WIDTH_H;
    /* the knees seen from the head end (an inset) show knee rolls' way: from the side the knees
     * rolling toward the viewer only seem to sink, and an arrow down would say "push them down" */
    if (!m || !m->samples || m->meta.frames <= 0 || !m->file.highlight || m->file.inset != POSE_INSET_NONE)
        return 0;
    static const int limbs[] = {POSE_GROUP_NEAR_ARM, POSE_GROUP_FAR_ARM, POSE_GROUP_NEAR_LEG, POSE_GROUP_FAR_LEG};
    int idx[ARROWS_PROBES + 1];
    int nf = arrows_frames(m, idx);
    PoseFigure *figs = malloc(sizeof *figs * (size_t)nf);
    if (!figs)
        return 0;
    for (int k = 0; k < nf; k++)
        arrows_figure(m, idx[k], swap, &figs[k]);
    ArrowWay trunk = {{{0.0f, 0.0f}}, 0.0f}, ways[4];
    bool folds[4] = {false, false, false, false};
    int n = 0, shown = 1 + (int)((float)ARROWS_PROBES * ARROWS_GONE_AT); /* the frames the arrows show over */
    bool has_trunk = arrows_way(figs, nf, POSE_GROUP_TORSO, "trunk", -1, &trunk);
    float best = 0.0f;
    for (int i = 0; i < 4; i++) {
        if (!arrows_working(&figs[0], limbs[i]))
            continue;
        bool arm = limbs[i] == POSE_GROUP_NEAR_ARM || limbs[i] == POSE_GROUP_FAR_ARM;
        ArrowWay end, joint;
        bool e = arrows_way(figs, nf, limbs[i], arm ? "hand" : "foot", -1, &end);
        bool j = arrows_way(figs, nf, limbs[i], arm ? "forearm" : "shank", -1, &joint);
        if (!e && !j)
            continue;
        /* the hand or foot, or the elbow or knee where the end stays planted (knee rolls) */
        ArrowWay w = e && (!j || end.travel >= joint.travel * 0.8f) ? end : joint, fold;
        bool folded = false;
        /* the knee or elbow where it folds in to the chest (knee to chest: "pull that knee towards
         * your chest"; the foot's way, up off the mat, read "lift your foot") */
        ArrowPoint chest;
        if (arrows_way(figs, nf, limbs[i], arm ? "forearm" : "shank", ARROWS_UPPER_END, &fold) &&
            arrows_part_point(&figs[0], POSE_GROUP_TORSO, "trunk", 2, &chest) &&
            arrows_dist(fold.p[2], chest) < arrows_dist(fold.p[0], chest) - ARROWS_FOLD_H &&
            fold.travel >= ARROWS_MIN_TRAVEL_H)
            w = fold, folded = true;
        if (w.travel < ARROWS_MIN_TRAVEL_H)
            continue;
        best = w.travel > best ? w.travel : best;
        folds[n] = folded;
        ways[n++] = w;
    }
    bool torso = arrows_working(&figs[0], POSE_GROUP_TORSO);
    bool on_trunk = has_trunk && (torso || trunk.travel > best) && trunk.travel > 0.005f;
    if (on_trunk)
        ways[0] = arrows_trunk_way(figs, nf, &trunk), n = 1;
    /* the body's centre, to put the arrows beside the limbs, not across the body */
    ArrowPoint centre = {0.0f, 0.0f};
    if (has_trunk)
        centre = trunk.p[0];
    for (int i = 0; i < n && out->count < ARROWS_MAX; i++) {
        bool same = false;
        for (int j = 0; j < i; j++)
            same = same || (arrows_dist(ways[i].p[0], ways[j].p[0]) < ARROWS_SAME_H &&
                            arrows_dist(ways[i].p[2], ways[j].p[2]) < ARROWS_SAME_H);
        if (same)
            continue;
        float ax, ay;
        ArrowPath p = arrows_shape(&ways[i], centre.x, centre.y, on_trunk, &ax, &ay);
        /* a knee drawn up to the chest rises into its arrow (its tail over the knee at the start) */
        float aside[1][2] = {{ax, ay}};
        if (!on_trunk && folds[i])
            arrows_keep_off(&p, figs, shown < nf ? shown : nf, (const float(*)[2])aside, 1, true);
        out->path[out->count++] = p;
    }
    if (shown > nf)
        shown = nf;
    bool bent =
        on_trunk && out->count > 0 && arrows_bend(figs, nf, shown, &out->path[0], out->inner[0], &out->inners[0]);
    if (on_trunk && out->count > 0 && !bent && !arrows_turn(m, idx, swap, figs, nf, shown, &out->path[0]) &&
        !arrows_lean(figs, nf, &out->path[0]) && !arrows_fold(figs, nf, &out->path[0]))
        out->path[0] = arrows_trunk(out->path[0], figs, nf, shown);
    free(figs);
    return out->count;
}

void arrows_place(const MoveArrows *a, const FigPlace *pl, float sx, float sy, MoveArrows *out)
{
    float sign = pl->flip ? -1.0f : 1.0f, fx = sign * (1.0f - pl->narrow), s = pl->scale;
    MoveArrows r = *a;
    for (int i = 0; i < a->count; i++)
        for (int k = 0; k < 3; k++) {
            r.path[i].x[k] = sx + pl->ox + fx * a->path[i].x[k] * s;
            r.path[i].y[k] = sy + pl->oy - a->path[i].y[k] * s;
            for (int j = 0; j < a->inners[i] && j < ARROWS_INNER_MAX; j++) {
                r.inner[i][j].x[k] = sx + pl->ox + fx * a->inner[i][j].x[k] * s;
                r.inner[i][j].y[k] = sy + pl->oy - a->inner[i][j].y[k] * s;
            }
        }
    r.width = a->width * s;
    *out = r;
}

/* ---- when they show ---- */

/* How strongly the arrows show at fraction way (0..1) of the way in: whole up to ARROWS_FADE_FROM,
 * none from ARROWS_GONE_AT, linear between. */
static float arrows_fade(double way)
{
    if (way <= ARROWS_FADE_FROM)
        return 1.0f;
    if (way >= ARROWS_GONE_AT)
        return 0.0f;
    double a = 1.0 - (way - ARROWS_FADE_FROM) / (ARROWS_GONE_AT - ARROWS_FADE_FROM);
    return a <= 0.0 ? 0.0f : (float)a;
}

float arrows_alpha(const SessionView *v, const SheetMeta *meta)
{
    if (!v || !meta)
        return 0.0f;
    bool before = v->kind == SEG_READY || v->kind == SEG_SWITCH || v->kind == SEG_SET_REST;
    if (before && v->anim == ANIM_START)
        return 1.0f;
    /* a hold's way in plays over the end of the get-ready before it (its step in) */
    if ((v->kind != SEG_WORK && !(before && v->anim == ANIM_HOLD)) || v->anim_ms < 0)
        return 0.0f;
    if (v->anim == ANIM_REPS) {
        double len = v->anim_length_ms;
        if (len <= 0.0 || v->anim_ms >= len || (v->reps > 0 && v->rep > 1))
            return 0.0f;
        double hold = v->rep_hold_ms < 0 ? 0.0 : v->rep_hold_ms > len ? len : v->rep_hold_ms;
        double move = len - hold, top = move / 2.0;
        if (meta->rep_holds && meta->intro.ms + meta->outro.ms > 0)
            top = move * meta->intro.ms / (meta->intro.ms + meta->outro.ms);
        return top > 0.0 ? arrows_fade(v->anim_ms / top) : 0.0f;
    }
    if (v->anim == ANIM_HOLD) {
        SheetFrame f;
        sheet_frame_at(meta, ANIM_HOLD, v->anim_ms, v->anim_length_ms, v->rep_hold_ms, &f);
        int span = meta->intro.last - meta->intro.first;
        if (f.part != SHEET_PART_INTRO || span == 0)
            return 0.0f;
        float at = (float)f.a + (f.b != f.a ? f.blend * (float)(f.b - f.a) : 0.0f);
        return arrows_fade(((double)at - meta->intro.first) / span);
    }
    return 0.0f;
}

/* ---- view.conf ---- */

/* The one setting of view.conf into the bool ctx. */
static const char *arrows_setting(void *ctx, const char *ks, const char *ke, const char *vs, const char *ve)
{
    if (ke - ks != 6 || memcmp(ks, "arrows", 6) != 0)
        return "unknown setting (arrows)";
    if (ve - vs != 1 || (*vs != '0' && *vs != '1'))
        return "arrows must be 0 or 1";
    *(bool *)ctx = *vs == '1';
    return NULL;
}

int arrows_conf_parse(const char *src, size_t len, bool *on, char *why, size_t whysize)
{
    return audioconf_settings(src, len, arrows_setting, on, "expected 'arrows = 0|1'", why, whysize);
}

int arrows_conf_format(bool on, char *buf, size_t size)
{
    int n = snprintf(buf, size, "# unknot's view settings (A toggles the motion arrows)\narrows = %d\n", on ? 1 : 0);
    return n < 0 || (size_t)n >= size ? -1 : n;
}
