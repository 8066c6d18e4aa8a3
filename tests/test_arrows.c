/* test_arrows.c: the motion arrows (arrows.h) point the way the working part goes on the way into
 * a move: bird dog's arm forward and up, knee rolls' knees sideways, the bridge's hips up, the
 * standing back bend's behind the upper back, pointing back (not down in front of the belly); both
 * sides drawn; none for a move with no working part; they show in the get-ready and fade after
 * the first rep; view.conf reads and writes the setting. */
#include <math.h>

#include "arrows.h"
#include "sheet.h"
#include "testutil.h"
#include "testposes.h"

static void dump(const char *name, const MoveArrows *a)
{
    for (int i = 0; i < a->count; i++)
        printf("%s arrow %d: (%.3f,%.3f) (%.3f,%.3f) -> (%.3f,%.3f)\n", name, i, a->path[i].x[0], a->path[i].y[0],
               a->path[i].x[1], a->path[i].y[1], a->path[i].x[2], a->path[i].y[2]);
}

static float dx_of(const ArrowPath *p)
{
    return p->x[2] - p->x[0];
}
static float dy_of(const ArrowPath *p)
{
    return p->y[2] - p->y[0];
}

static void all_moves(void)
{
    for (int id = 0; id < MOVE_COUNT; id++) {
        const PoseMove *m = move_of((MoveId)id);
        if (!m)
            continue;
        MoveArrows a, b;
        arrows_of_move(m, false, &a);
        arrows_of_move(m, true, &b);
        if (getenv("ARROWS_DUMP"))
            dump(moves_info((MoveId)id)->id, &a);
        CHECK(a.count <= ARROWS_MAX);
        CHECK_INT(a.count, b.count);
        if (!m->file.highlight)
            CHECK_INT(a.count, 0);
        for (int i = 0; i < a.count; i++) {
            float len = hypotf(dx_of(&a.path[i]), dy_of(&a.path[i]));
            CHECK(len >= ARROWS_MIN_LEN_H - 1e-3f && len <= ARROWS_MAX_LEN_H + 1e-3f);
            CHECK(isfinite(a.path[i].x[1]) && isfinite(a.path[i].y[1]));
        }
    }
}

/* The ways the brief names: bird dog's arm forward and up, its leg back and up; the bridge's hips
 * up; knee rolls none on the side view (its inset shows the knees rolling sideways). */
static void directions(void)
{
    MoveArrows a;
    const PoseMove *bd = move_of(MOVE_BIRD_DOG);
    CHECK_INT(arrows_of_move(bd, false, &a), 2);
    CHECK(dx_of(&a.path[0]) > 0.15f && dy_of(&a.path[0]) > 0.15f); /* the near arm reaches forward, up */
    CHECK(dx_of(&a.path[1]) < -0.1f && dy_of(&a.path[1]) > 0.1f); /* the far leg back, up */
    MoveArrows b;
    CHECK_INT(arrows_of_move(bd, true, &b), 2); /* the other side: the other limbs, the same ways */
    CHECK(dy_of(&b.path[0]) > 0.1f && dy_of(&b.path[1]) > 0.1f);
    const PoseMove *br = move_of(MOVE_BRIDGE);
    CHECK_INT(arrows_of_move(br, false, &a), 1);
    CHECK(dy_of(&a.path[0]) > 2.0f * fabsf(dx_of(&a.path[0]))); /* the hips lift */
    CHECK_INT(arrows_of_move(move_of(MOVE_KNEE_ROLLS), false, &a), 0);
    /* placed: a mirrored picture points the other way; y down on the screen */
    arrows_of_move(bd, false, &a);
    FigPlace pl = {400.0f, 900.0f, 800.0f, true, 0.0f};
    MoveArrows px;
    arrows_place(&a, &pl, 10.0f, 20.0f, &px);
    CHECK(px.path[0].x[2] < px.path[0].x[0] && px.path[0].y[2] < px.path[0].y[0]);
    CHECK(fabsf(px.width - ARROWS_WIDTH_H * 400.0f) < 1e-3f);
    CHECK(fabsf(px.path[0].x[0] - (10.0f + 900.0f - a.path[0].x[0] * 400.0f)) < 1e-2f);
}

/* The standing back bend ("lean back as far as is comfortable"): its arrow was straight down in
 * front of the belly (the trunk's middle only sinks as it leans back), which read "sink, push
 * down" (physio review, session 29). It stands behind the back (the poses face +x), beside the
 * upper back, and points back, not down; so on both sides drawn. */
static void lean_back(void)
{
    const PoseMove *m = move_of(MOVE_STANDING_EXTENSION);
    PoseFigure fig;
    SheetFrame f;
    sheet_frame_at(&m->meta, ANIM_START, 0, 0, 0, &f);
    pose_move_sample_figure(m, f.a, &fig);
    float back = 1e9f, shoulder = 0.0f, hip = 0.0f; /* the back's hindmost point; the trunk's top and foot */
    for (int g = 0; g < fig.count; g++)
        for (int i = 0; i < fig.groups[g].count; i++) {
            const PosePart *q = &fig.groups[g].parts[i];
            if (fig.groups[g].id != POSE_GROUP_TORSO)
                continue;
            if (strcmp(q->name, "trunk") == 0 || strcmp(q->name, "pelvis") == 0)
                back = fminf(back, fminf(q->ax - q->ra, q->bx - q->rb));
            if (strcmp(q->name, "trunk") == 0)
                shoulder = fmaxf(shoulder, q->by);
            if (strcmp(q->name, "pelvis") == 0)
                hip = q->ay;
        }
    for (int swap = 0; swap < 2; swap++) {
        MoveArrows a;
        CHECK_INT(arrows_of_move(m, swap, &a), 1);
        const ArrowPath *p = &a.path[0];
        if (getenv("ARROWS_DUMP"))
            dump("standing_extension lean", &a);
        for (int k = 0; k < 3; k++)
            CHECK(p->x[k] < back - ARROWS_WIDTH_H); /* behind the back, all of it */
        CHECK(p->y[0] > (hip + shoulder) / 2.0f); /* beside the upper back, not the bottom */
        CHECK(dx_of(p) < -0.05f); /* it goes back */
        CHECK(dy_of(p) > -0.5f * fabsf(dx_of(p))); /* and not down */
        /* its head points back: the last part of its curve (the tip less the control point) */
        float cx = 2.0f * p->x[1] - (p->x[0] + p->x[2]) / 2.0f, cy = 2.0f * p->y[1] - (p->y[0] + p->y[2]) / 2.0f;
        CHECK(p->x[2] - cx < 0.0f && fabsf(p->y[2] - cy) < fabsf(p->x[2] - cx));
    }
}

/* The x range of the start pose's pelvis (*p0..*p1) and its trunk's top end (*top) of move m. */
static void trunk_marks(const PoseMove *m, float *p0, float *p1, float *top)
{
    PoseFigure fig;
    SheetFrame f;
    sheet_frame_at(&m->meta, ANIM_START, 0, 0, 0, &f);
    pose_move_sample_figure(m, f.a, &fig);
    for (int g = 0; g < fig.count; g++)
        for (int i = 0; i < fig.groups[g].count; i++) {
            const PosePart *q = &fig.groups[g].parts[i];
            if (fig.groups[g].id == POSE_GROUP_TORSO && strcmp(q->name, "pelvis") == 0)
                *p0 = fminf(q->ax, q->bx), *p1 = fmaxf(q->ax, q->bx);
            if (fig.groups[g].id == POSE_GROUP_TORSO && strcmp(q->name, "trunk") == 0)
                *top = q->bx; /* the last trunk part is the top */
        }
}

/* The trunk's arrow shows the part that moves most: the bridge's over the hips ("lift your hips"),
 * not over the middle of the back; the press-up's over the chest ("push your chest up, hips
 * down"), not over the waist, where it said "lift your hips". */
static void hips_and_chest(void)
{
    MoveArrows a;
    float p0 = 0.0f, p1 = 0.0f, top = 0.0f;
    const PoseMove *br = move_of(MOVE_BRIDGE);
    trunk_marks(br, &p0, &p1, &top);
    CHECK_INT(arrows_of_move(br, false, &a), 1);
    CHECK(a.path[0].x[1] > p0 - 0.05f && a.path[0].x[1] < p1 + 0.05f); /* over the pelvis */
    const PoseMove *pu = move_of(MOVE_PRESS_UP);
    trunk_marks(pu, &p0, &p1, &top);
    CHECK_INT(arrows_of_move(pu, false, &a), 1);
    float hips = p0; /* lying on the front, head at +x: the hips at the pelvis's low end */
    CHECK(a.path[0].x[1] - hips > 0.4f * (top - hips)); /* the chest's half of the trunk */
    CHECK(dy_of(&a.path[0]) > 2.0f * fabsf(dx_of(&a.path[0]))); /* up */
}

/* Knee to chest ("pull that knee towards your chest"), and both knees: the arrow starts at the
 * knee and ends nearer the chest, where it ran from the foot on the mat up and read "lift your
 * foot". */
static void knee_to_chest(void)
{
    static const MoveId ids[] = {MOVE_KNEE_TO_CHEST, MOVE_KNEES_TO_CHEST};
    for (int i = 0; i < 2; i++) {
        const PoseMove *m = move_of(ids[i]);
        PoseFigure fig;
        SheetFrame f;
        sheet_frame_at(&m->meta, ANIM_START, 0, 0, 0, &f);
        pose_move_sample_figure(m, f.a, &fig);
        float kx = 0.0f, ky = 0.0f, cx = 0.0f, cy = 0.0f;
        for (int g = 0; g < fig.count; g++)
            for (int k = 0; k < fig.groups[g].count; k++) {
                const PosePart *q = &fig.groups[g].parts[k];
                if (fig.groups[g].id == POSE_GROUP_NEAR_LEG && strcmp(q->name, "shank") == 0)
                    kx = q->ax, ky = q->ay; /* the knee */
                if (fig.groups[g].id == POSE_GROUP_TORSO && strcmp(q->name, "trunk") == 0)
                    cx = (q->ax + q->bx) / 2.0f, cy = (q->ay + q->by) / 2.0f; /* the last: the chest */
            }
        MoveArrows a;
        CHECK_INT(arrows_of_move(m, false, &a), 1);
        const ArrowPath *p = &a.path[0];
        CHECK(hypotf(p->x[0] - kx, p->y[0] - ky) < 0.15f); /* from over the knee (off the thigh rising: off_the_body) */
        CHECK(hypotf(p->x[2] - cx, p->y[2] - cy) < hypotf(p->x[0] - cx, p->y[0] - cy) - 0.15f); /* to the chest */
    }
}

/* The start pose's part called name of group id of move m (the last of them), into *q; false when none. */
static bool start_part(const PoseMove *m, int id, const char *name, PosePart *q)
{
    PoseFigure fig;
    SheetFrame f;
    bool found = false;
    sheet_frame_at(&m->meta, ANIM_START, 0, 0, 0, &f);
    pose_move_sample_figure(m, f.a, &fig);
    for (int g = 0; g < fig.count; g++)
        for (int i = 0; i < fig.groups[g].count; i++)
            if (fig.groups[g].id == id && strcmp(fig.groups[g].parts[i].name, name) == 0)
                *q = fig.groups[g].parts[i], found = true;
    return found;
}

/* The moves that had no working part and so no arrow (session 29), each with the way its words
 * say, on both sides drawn: the forward fold an arc in front of the body that goes forward and
 * bends down, its head pointing down ("bend forward from the hips, let your upper body hang");
 * child's pose back and down over the hips ("move your bottom back towards your heels"); lying on
 * elbows up over the chest ("rest on your elbows"). */
static void fold_heels_elbows(void)
{
    PosePart pelvis, chest, head;
    for (int swap = 0; swap < 2; swap++) {
        MoveArrows a;
        const PoseMove *ff = move_of(MOVE_FORWARD_FOLD);
        CHECK_INT(arrows_of_move(ff, swap, &a), 1);
        const ArrowPath *p = &a.path[0];
        if (getenv("ARROWS_DUMP"))
            dump("forward_fold fold", &a);
        CHECK(start_part(ff, POSE_GROUP_TORSO, "trunk", &chest) && start_part(ff, POSE_GROUP_TORSO, "head", &head) &&
              start_part(ff, POSE_GROUP_TORSO, "pelvis", &pelvis));
        float front = fmaxf(chest.ax + chest.ra, head.ax + head.ra); /* the standing body's front */
        for (int k = 0; k < 3; k++)
            CHECK(p->x[k] > front + ARROWS_WIDTH_H); /* in front of the body, all of it */
        CHECK(p->y[0] > chest.ay); /* from level with the chest or higher */
        CHECK(dy_of(p) < -0.25f); /* down */
        float cx = 2.0f * p->x[1] - (p->x[0] + p->x[2]) / 2.0f, cy = 2.0f * p->y[1] - (p->y[0] + p->y[2]) / 2.0f;
        CHECK(cx - p->x[0] > 0.05f); /* it sets off forward */
        CHECK(p->y[2] - cy < -2.0f * fabsf(p->x[2] - cx)); /* and its head points down */

        const PoseMove *cp = move_of(MOVE_CHILD_POSE);
        CHECK_INT(arrows_of_move(cp, swap, &a), 1);
        CHECK(start_part(cp, POSE_GROUP_TORSO, "pelvis", &pelvis));
        float hip = fminf(pelvis.ax, pelvis.bx); /* on all fours, head at +x: the hip joint */
        CHECK(dx_of(p) < -0.15f && dy_of(p) <= 0.0f); /* back toward the heels, and down */
        CHECK(fabsf(p->x[1] - hip) < 0.1f); /* over the hips */
        CHECK(p->x[2] < hip); /* ending behind them */
        for (int k = 0; k < 3; k++)
            CHECK(p->y[k] > fmaxf(pelvis.ay, pelvis.by) + pelvis.ra); /* above the back */

        const PoseMove *pe = move_of(MOVE_PRONE_ON_ELBOWS);
        CHECK_INT(arrows_of_move(pe, swap, &a), 1);
        float p0 = 0.0f, p1 = 0.0f, top = 0.0f;
        trunk_marks(pe, &p0, &p1, &top);
        CHECK(p->x[1] - p0 > 0.4f * (top - p0)); /* the chest's half of the trunk */
        CHECK(dy_of(p) > 2.0f * fabsf(dx_of(p))); /* up */
    }
}

/* The distance from (x, y) to segment a..b. */
static float seg_dist(float x, float y, float ax, float ay, float bx, float by);

/* How far arrow p, as drawn (a quadratic through its middle point: the shaft w wide, the head, its
 * last quarter, 2.6 w), keeps from every drawn part of fig and its outline (H; negative: over one),
 * and which part that is (*part). */
static float body_clearance(const ArrowPath *p, float w, const PoseFigure *fig, const char **part)
{
    float cx = 2.0f * p->x[1] - (p->x[0] + p->x[2]) / 2.0f, cy = 2.0f * p->y[1] - (p->y[0] + p->y[2]) / 2.0f;
    float least = 1e9f;
    for (int i = 0; i <= 32; i++) {
        float t = (float)i / 32.0f, u = 1.0f - t;
        float x = u * u * p->x[0] + 2.0f * u * t * cx + t * t * p->x[2];
        float y = u * u * p->y[0] + 2.0f * u * t * cy + t * t * p->y[2];
        float half = (t > 0.75f ? 1.3f : 0.5f) * w + 0.0045f; /* the parts' dark outline */
        for (int g = 0; g < fig->count; g++) {
            if (fig->groups[g].flat)
                continue;
            for (int k = 0; k < fig->groups[g].count; k++) {
                const PosePart *q = &fig->groups[g].parts[k];
                float d = seg_dist(x, y, q->ax, q->ay, q->bx, q->by) - fmaxf(q->ra, q->rb) - half;
                if (d < least)
                    least = d, *part = q->name;
            }
        }
    }
    return least;
}

/* Off the body while they show: at the top of the knee hug and the press-up the knee or the chest
 * rose into the arrow while it still showed whole (to the beat) and then faded: the press-up's
 * chest from a quarter of the way up, the knee from four fifths. In every frame of the first rep's
 * way up (a hold's way in) where arrows_alpha shows them, these moves' arrows keep off every drawn
 * part, on both sides drawn. */
static void off_the_body(void)
{
    static const MoveId ids[] = {MOVE_KNEE_TO_CHEST, MOVE_KNEES_TO_CHEST, MOVE_PRESS_UP,       MOVE_BRIDGE,
                                 MOVE_FORWARD_FOLD,  MOVE_CHILD_POSE,     MOVE_PRONE_ON_ELBOWS};
    for (size_t c = 0; c < sizeof ids / sizeof ids[0]; c++) {
        const PoseMove *m = move_of(ids[c]);
        const SheetMeta *mt = &m->meta;
        bool cycle = !mt->rep_holds && mt->cycle.ms > 0;
        int top = cycle ? mt->beat : mt->held, first = cycle ? mt->cycle.first : mt->intro.first;
        /* the first rep of 4 s, no hold: its beat, as arrows_alpha finds it */
        SessionView v;
        memset(&v, 0, sizeof v);
        v.kind = SEG_WORK, v.anim = ANIM_REPS, v.anim_length_ms = 4000, v.rep = 1, v.reps = 6;
        double beat_ms = 2000.0;
        if (mt->rep_holds && mt->intro.ms + mt->outro.ms > 0)
            beat_ms = 4000.0 * mt->intro.ms / (mt->intro.ms + mt->outro.ms);
        for (int swap = 0; swap < 2; swap++) {
            MoveArrows a;
            CHECK(arrows_of_move(m, swap, &a) >= 1);
            float least = 1e9f;
            int at = -1, shown = 0;
            const char *part = "";
            for (int i = first - 1; i <= top; i++) {
                int frame = i < first ? -1 : i;
                if (frame < 0) { /* the get-ready's start pose, shown whole */
                    SheetFrame f;
                    sheet_frame_at(mt, ANIM_START, 0, 0, 0, &f);
                    frame = f.a;
                } else {
                    v.anim_ms = (int)(beat_ms * (i - first) / (top > first ? top - first : 1));
                    if (arrows_alpha(&v, mt) <= 0.0f)
                        continue;
                }
                shown++;
                PoseFigure fig;
                if (swap)
                    pose_move_sample_figure_swapped(m, frame, &fig);
                else
                    pose_move_sample_figure(m, frame, &fig);
                for (int k = 0; k < a.count; k++) {
                    const char *name = "";
                    float d = body_clearance(&a.path[k], a.width, &fig, &name);
                    if (d < least)
                        least = d, at = frame, part = name;
                }
            }
            if (least < 0.0f || getenv("ARROWS_DUMP"))
                printf("%s%s: the arrow keeps %.3f H off the body (frame %d, %s) over %d frames shown\n",
                       moves_info(ids[c])->id, swap ? " (swapped)" : "", least, at, part, shown);
            CHECK(shown > 1);
            CHECK(least >= 0.0f);
        }
    }
}

/* ---- clear of the face and hands ---- */

/* The frames an arrow shows over: the get-ready's start pose, then the way to the beat (a hold's:
 * the held pose), as arrows.c probes them. Returns how many. */
static int shown_frames(const PoseMove *m, int *frames, int max)
{
    SheetFrame f;
    sheet_frame_at(&m->meta, ANIM_START, 0, 0, 0, &f);
    const SheetMeta *mt = &m->meta;
    bool cycle = !mt->rep_holds && mt->cycle.ms > 0;
    int top = cycle ? mt->beat : mt->held, first = cycle ? mt->cycle.first : mt->intro.first, n = 0;
    frames[n++] = f.a;
    int step = first <= top ? 1 : -1;
    for (int i = first; n < max; i += step) {
        frames[n++] = i < 0 ? 0 : i >= mt->frames ? mt->frames - 1 : i;
        if (i == top)
            break;
    }
    return n;
}

/* The distance from (x, y) to segment a..b. */
static float seg_dist(float x, float y, float ax, float ay, float bx, float by)
{
    float dx = bx - ax, dy = by - ay, l2 = dx * dx + dy * dy;
    float t = l2 > 0.0f ? ((x - ax) * dx + (y - ay) * dy) / l2 : 0.0f;
    t = t < 0.0f ? 0.0f : t > 1.0f ? 1.0f : t;
    return hypotf(x - ax - dx * t, y - ay - dy * t);
}

/* How far arrow p, as drawn (a quadratic through its middle point, the head 2.6 shafts wide),
 * keeps from the outline of the head and of each hand of fig (H; negative: over it), into *head
 * and *hand. */
static void clearance(const ArrowPath *p, float w, const PoseFigure *fig, float *head, float *hand)
{
    float cx = 2.0f * p->x[1] - (p->x[0] + p->x[2]) / 2.0f, cy = 2.0f * p->y[1] - (p->y[0] + p->y[2]) / 2.0f;
    *head = *hand = 1e9f;
    for (int i = 0; i <= 32; i++) {
        float t = (float)i / 32.0f, u = 1.0f - t;
        float x = u * u * p->x[0] + 2.0f * u * t * cx + t * t * p->x[2];
        float y = u * u * p->y[0] + 2.0f * u * t * cy + t * t * p->y[2];
        for (int g = 0; g < fig->count; g++) {
            const PoseGroup *gr = &fig->groups[g];
            for (int k = 0; k < gr->count; k++) {
                const PosePart *q = &gr->parts[k];
                bool is_head = gr->id == POSE_GROUP_TORSO && strcmp(q->name, "head") == 0;
                bool is_hand = strcmp(q->name, "hand") == 0;
                if (!is_head && !is_hand)
                    continue;
                float d = seg_dist(x, y, q->ax, q->ay, q->bx, q->by) - fmaxf(q->ra, q->rb) - 1.3f * w;
                float *to = is_head ? head : hand;
                *to = d < *to ? d : *to;
            }
        }
    }
}

/* Every move's arrows keep ARROWS_CLEAR_H from the head (an arrow on the face or throat reads as
 * "move your head"), and a trunk's arrow off the hands, in every frame they show in, from the
 * start pose to ARROWS_GONE_AT of the way to the beat: the upright trunk's arrow stood straight above its middle, on
 * the neck and face (slump and sit tall, the standing back extension, the side bend, the seated twist), and the
 * press-up's near the rising head. */
static void clear_of_face(void)
{
    for (int id = 0; id < MOVE_COUNT; id++) {
        const PoseMove *m = move_of((MoveId)id);
        if (!m)
            continue;
        for (int swap = 0; swap < 2; swap++) {
            MoveArrows a;
            arrows_of_move(m, swap, &a);
            int frames[512], n = shown_frames(m, frames, 512);
            n = 1 + (int)((float)(n - 1) * ARROWS_GONE_AT); /* while they show (arrows_alpha) */
            for (int i = 0; i < a.count; i++) {
                float head = 1e9f, hand = 1e9f;
                for (int k = 0; k < n; k++) {
                    PoseFigure fig;
                    if (swap)
                        pose_move_sample_figure_swapped(m, frames[k], &fig);
                    else
                        pose_move_sample_figure(m, frames[k], &fig);
                    float h, d;
                    clearance(&a.path[i], a.width, &fig, &h, &d);
                    head = fminf(head, h), hand = fminf(hand, d);
                }
                if (getenv("ARROWS_DUMP"))
                    printf("%s%s arrow %d: head %.3f hand %.3f H clear\n", moves_info((MoveId)id)->id,
                           swap ? " (swapped)" : "", i, head, hand);
                if (head < ARROWS_CLEAR_H)
                    printf("%s arrow %d: %.3f H from the head\n", moves_info((MoveId)id)->id, i, head);
                CHECK(head >= ARROWS_CLEAR_H);
                /* the trunk's (the torso working): not over a hand either (the twist's on the chair's back) */
                if (m->file.highlight & (1u << POSE_GROUP_TORSO))
                    CHECK(hand > 0.0f);
            }
        }
    }
}

/* The press-up's arrow sits close over the chest and shoulders in the get-ready, pointing up: it
 * stood 0.15 H above them (about 0.13 of the stage's height) and back over the waist's end of the
 * chest, floating in the air (physio review, session 30). Off the body while it shows is
 * off_the_body's. */
static void press_up_close(void)
{
    const PoseMove *pu = move_of(MOVE_PRESS_UP);
    SheetFrame f;
    sheet_frame_at(&pu->meta, ANIM_START, 0, 0, 0, &f);
    for (int swap = 0; swap < 2; swap++) {
        MoveArrows a;
        CHECK_INT(arrows_of_move(pu, swap, &a), 1);
        PoseFigure fig;
        if (swap)
            pose_move_sample_figure_swapped(pu, f.a, &fig);
        else
            pose_move_sample_figure(pu, f.a, &fig);
        const PosePart *chest = NULL;
        for (int g = 0; g < fig.count; g++)
            for (int k = 0; k < fig.groups[g].count; k++)
                if (fig.groups[g].id == POSE_GROUP_TORSO && strcmp(fig.groups[g].parts[k].name, "trunk") == 0)
                    chest = &fig.groups[g].parts[k]; /* the last trunk part: the chest, up to the shoulders */
        CHECK(chest != NULL);
        if (!chest)
            return;
        const ArrowPath *p = &a.path[0];
        /* the tail over the chest, from its low end to just past the shoulders (the head at +x) */
        float lo = fminf(chest->ax, chest->bx), hi = fmaxf(chest->ax, chest->bx);
        /* how far the shaft's tail keeps from the chest's outline (H) */
        float gap = seg_dist(p->x[0], p->y[0], chest->ax, chest->ay, chest->bx, chest->by) -
                    fmaxf(chest->ra, chest->rb) - 0.5f * a.width;
        if (getenv("ARROWS_DUMP") || gap > 0.06f || p->x[0] < lo || p->x[0] > hi + 0.03f)
            printf("press_up%s: tail (%.3f,%.3f), chest %.3f..%.3f, %.3f H above it\n", swap ? " (swapped)" : "",
                   p->x[0], p->y[0], lo, hi, gap);
        CHECK(p->x[0] >= lo && p->x[0] <= hi + 0.03f);
        CHECK(gap > 0.0f && gap <= 0.06f);
        CHECK(dy_of(p) > 2.0f * fabsf(dx_of(p))); /* up, the way the chest rises */
    }
}

/* How far the curve of p bends off its chord: its control point's distance from the line from
 * its tail to its tip (H; 0: straight). */
static float bend_of(const ArrowPath *p)
{
    float cx = 2.0f * p->x[1] - (p->x[0] + p->x[2]) / 2.0f, cy = 2.0f * p->y[1] - (p->y[0] + p->y[2]) / 2.0f;
    float dx = p->x[2] - p->x[0], dy = p->y[2] - p->y[0], len = hypotf(dx, dy);
    return len > 0.0f ? fabsf((cx - p->x[0]) * dy - (cy - p->y[0]) * dx) / len : 0.0f;
}

/* The side bend ("stand tall and slide one hand down the side of your leg"): its arrow lay
 * straight across the chest, on the shirt, and read "shift, step sideways" (physio review, session
 * 31). It is an arc over toward the side the trunk bends to: curved (its control point 0.04 H or
 * more off its chord), from above the shoulders beside the top of the head (its tail higher than
 * the head's middle, on the bending side of it), going down to its tip beside the trunk, past the
 * shoulder on the side the head goes. Its nearer way round (MoveArrows.inner, drawn where "It hurts"
 * is in the way) is the same: curved, from above the shoulders, over and down on that side. */
static void side_bend_arc(void)
{
    const PoseMove *m = move_of(MOVE_SIDE_BEND);
    PosePart head, chest, head_at_beat = {0};
    CHECK(start_part(m, POSE_GROUP_TORSO, "head", &head) && start_part(m, POSE_GROUP_TORSO, "trunk", &chest));
    PoseFigure fig;
    pose_move_sample_figure(m, m->meta.beat, &fig);
    for (int g = 0; g < fig.count; g++)
        for (int i = 0; i < fig.groups[g].count; i++)
            if (fig.groups[g].id == POSE_GROUP_TORSO && strcmp(fig.groups[g].parts[i].name, "head") == 0)
                head_at_beat = fig.groups[g].parts[i];
    float side = head_at_beat.ax > head.ax ? 1.0f : -1.0f; /* the way the head goes */
    float shoulder = chest.by; /* the top trunk part's top */
    for (int swap = 0; swap < 2; swap++) {
        MoveArrows a;
        CHECK_INT(arrows_of_move(m, swap, &a), 1);
        if (getenv("ARROWS_DUMP"))
            dump("side_bend arc", &a);
        CHECK(a.inners[0] >= 1);
        for (int w = 0; w <= a.inners[0]; w++) {
            const ArrowPath *p = w ? &a.inner[0][w - 1] : &a.path[0];
            float bend = bend_of(p);
            if (bend < 0.04f)
                printf("side_bend%s %s: %.3f H off its chord\n", swap ? " (swapped)" : "", w ? "inner" : "path", bend);
            CHECK(bend >= 0.04f); /* an arc, not a straight shift */
            CHECK(p->y[0] > shoulder); /* from above the shoulders */
            if (w == 0)
                CHECK(p->y[0] > head.ay); /* beside the top of the head */
            CHECK(side * (p->x[0] - head.ax) > 0.0f); /* on the bending side of it */
            CHECK(dy_of(p) < -0.1f); /* over and down */
            CHECK(side * (p->x[2] - (chest.bx + chest.ra)) > 0.1f); /* ending beside the trunk on that side */
            CHECK(side * (p->x[1] - p->x[0]) > 0.0f); /* going out that way, not across the body */
        }
    }
}

/* The seated twist ("sit tall and turn"): its arrow lay straight back at the shoulder and read
 * "lean back against the chair" (physio review, session 31). It is a short turning arc round the
 * front of the trunk: curved (its control point 0.04 H or more off its chord), all of it clear of
 * the box of the trunk and neck in every frame it shows in (of the head: clear_of_face), its head pointing back toward
 * the body; turning toward the viewer (the side the poses show) it goes round the front from above to below (the near
 * side of a circle round the trunk, seen from a little above), away (the other side) from below to above. */
static void twist_arc(void)
{
    const PoseMove *m = move_of(MOVE_SEATED_TWIST);
    int frames[512], n = shown_frames(m, frames, 512);
    n = 1 + (int)((float)(n - 1) * ARROWS_GONE_AT);
    for (int swap = 0; swap < 2; swap++) {
        MoveArrows a;
        CHECK_INT(arrows_of_move(m, swap, &a), 1);
        const ArrowPath *p = &a.path[0];
        if (getenv("ARROWS_DUMP"))
            dump("seated_twist arc", &a);
        float bend = bend_of(p);
        CHECK(bend >= 0.04f);
        float front = -1e9f, y0 = 1e9f, y1 = -1e9f; /* the trunk and head's box, x up to front */
        for (int k = 0; k < n; k++) {
            PoseFigure fig;
            if (swap)
                pose_move_sample_figure_swapped(m, frames[k], &fig);
            else
                pose_move_sample_figure(m, frames[k], &fig);
            for (int g = 0; g < fig.count; g++) {
                if (fig.groups[g].id != POSE_GROUP_TORSO || fig.groups[g].flat)
                    continue;
                for (int i = 0; i < fig.groups[g].count; i++) {
                    const PosePart *q = &fig.groups[g].parts[i];
                    if (strcmp(q->name, "trunk") != 0 && strcmp(q->name, "pelvis") != 0 && strcmp(q->name, "neck") != 0)
                        continue; /* the head: ARROWS_CLEAR_H from it (clear_of_face) */
                    front = fmaxf(front, fmaxf(q->ax + q->ra, q->bx + q->rb));
                    y0 = fminf(y0, fminf(q->ay - q->ra, q->by - q->rb));
                    y1 = fmaxf(y1, fmaxf(q->ay + q->ra, q->by + q->rb));
                }
            }
        }
        float cx = 2.0f * p->x[1] - (p->x[0] + p->x[2]) / 2.0f, cy = 2.0f * p->y[1] - (p->y[0] + p->y[2]) / 2.0f;
        float least = 1e9f;
        for (int i = 0; i <= 32; i++) {
            float t = (float)i / 32.0f, u = 1.0f - t;
            float x = u * u * p->x[0] + 2.0f * u * t * cx + t * t * p->x[2];
            float y = u * u * p->y[0] + 2.0f * u * t * cy + t * t * p->y[2];
            float half = (t > 0.75f ? 1.3f : 0.5f) * a.width;
            if (y + half > y0 && y - half < y1) /* level with the body: in front of it */
                least = fminf(least, x - half - front);
        }
        if (least <= 0.0f || getenv("ARROWS_DUMP"))
            printf("seated_twist%s: %.3f H clear of the body's box\n", swap ? " (swapped)" : "", least);
        CHECK(least > 0.0f);
        CHECK(p->x[2] - cx < 0.0f); /* its head points back, round the trunk */
        CHECK(cx > p->x[0] && cx > p->x[2]); /* round the front */
        if (!swap)
            CHECK(dy_of(p) < -0.1f); /* toward the viewer: from above to below */
        else
            CHECK(dy_of(p) > 0.1f); /* away: from below to above */
    }
}

/* When they show: the get-ready, the first rep's first tenth of the way up, fading to gone a
 * quarter of the way (a hold: of its way in); never after. */
static void alpha(void)
{
    const PoseMove *bd = move_of(MOVE_BIRD_DOG);
    SessionView v;
    memset(&v, 0, sizeof v);
    v.kind = SEG_READY, v.anim = ANIM_START;
    CHECK(arrows_alpha(&v, &bd->meta) == 1.0f);
    v.kind = SEG_WORK, v.anim = ANIM_REPS, v.anim_length_ms = 4000, v.rep = 1, v.reps = 6;
    v.anim_ms = 200; /* a tenth of the way up (the beat at 2 s) */
    CHECK(arrows_alpha(&v, &bd->meta) == 1.0f);
    v.anim_ms = 350;
    float f = arrows_alpha(&v, &bd->meta);
    CHECK(f > 0.0f && f < 1.0f);
    v.anim_ms = 500; /* a quarter of the way up: gone, before the arm reaches them */
    CHECK(arrows_alpha(&v, &bd->meta) == 0.0f);
    v.anim_ms = 3000;
    CHECK(arrows_alpha(&v, &bd->meta) == 0.0f);
    /* a hold: whole at the start of its way in, gone a quarter of the way in and in the held pose */
    const PoseMove *pe = move_of(MOVE_PRONE_ON_ELBOWS);
    SessionView h = v;
    h.anim = ANIM_HOLD, h.anim_length_ms = 30000, h.rep_hold_ms = 0, h.anim_ms = 0;
    CHECK(arrows_alpha(&h, &pe->meta) == 1.0f);
    h.anim_ms = pe->meta.intro.ms * 3 / 10;
    CHECK(arrows_alpha(&h, &pe->meta) == 0.0f);
    h.anim_ms = pe->meta.intro.ms + 500;
    CHECK(arrows_alpha(&h, &pe->meta) == 0.0f);
    v.anim_ms = 4100, v.rep = 2;
    CHECK(arrows_alpha(&v, &bd->meta) == 0.0f);
    v.kind = SEG_SET_REST, v.anim = ANIM_LOOP, v.anim_ms = 0;
    CHECK(arrows_alpha(&v, &bd->meta) == 0.0f);
}

static void conf(void)
{
    char buf[128], why[64];
    bool on = true;
    int n = arrows_conf_format(false, buf, sizeof buf);
    CHECK(n > 0);
    CHECK_INT(arrows_conf_parse(buf, (size_t)n, &on, why, sizeof why), 0);
    CHECK(!on);
    n = arrows_conf_format(true, buf, sizeof buf);
    CHECK_INT(arrows_conf_parse(buf, (size_t)n, &on, why, sizeof why), 0);
    CHECK(on);
    const char *bad = "arrows = 2\nvolume = 3\n";
    CHECK_INT(arrows_conf_parse(bad, strlen(bad), &on, why, sizeof why), 2);
    CHECK(on);
    CHECK_STR(why, "line 1: arrows must be 0 or 1");
    CHECK_INT(arrows_conf_format(true, buf, 8), -1);
}

int main(void)
{
    (void)testposes_levels;
    directions();
    lean_back();
    hips_and_chest();
    knee_to_chest();
    fold_heels_elbows();
    off_the_body();
    press_up_close();
    side_bend_arc();
    twist_arc();
    alpha();
    conf();
    all_moves();
    clear_of_face();
    testposes_free();
    return TEST_END();
}
