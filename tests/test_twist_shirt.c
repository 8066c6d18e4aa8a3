/* test_twist_shirt.c: the twists' side turned away (`other_side away`) shows its shirt turning
 * from a chest to a back as the body turns (figpaint: PoseFigure.away), smoothly in every frame
 * the program paints: its own frames on the way in, and the frames eased from there into another
 * figure (pose_moves_blend: a Skip or Back mid-turn, SessionView.blend). The eased frames read
 * how far the body is seen from behind from the head, which that side turns on past the back of
 * the head, and the first eased frame showed the shirt as a back where the frame before showed
 * half a chest (physio review s30: the seated twist's 0.34 to 0.88 in one frame). Each seated and
 * spinal twist, both sides, painted as the 1080p stage shows it (1073 x 704), 30 frames a second:
 * the mean colour of the shirt's pixels changes little from one frame to the next. And no part
 * moves more than PART_STEP_MAX between two eased frames: the spinal twist's hooking arm, slid out
 * of the mat as it came down beside the hip (pose_limbs_to_mat), jumped 0.08-0.28 stage heights in
 * one frame, turned at the shoulder one way and then the other. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "figpaint.h"
#include "pose.h"
#include "session.h"
#include "sheet.h"
#include "testutil.h"
#include "testposes.h"

#define SHIRT_W 1073
#define SHIRT_H 704
#define SHIRT_STEP_MAX 8.0f /* the shirt's mean colour between two frames 1/30 s apart, summed over R, G, B */
#define PART_STEP_MAX 0.03f /* any part's end between two eased frames 1/30 s apart, stage heights */

static uint32_t shirt_px[1][SHIRT_W * SHIRT_H];

/* Whether ARGB word p is the shirt's: opaque, its teal (green and blue well over red). */
static bool shirt_pixel(uint32_t p)
{
    int r = (int)(p >> 16 & 255u), g = (int)(p >> 8 & 255u), b = (int)(p & 255u);
    return (p >> 24) >= 250u && g > r + 40 && b > r + 40;
}

/* Paint fig placed by lay; then how much the shirt's colour changed from the picture before
 * (*mean, updated): the mean colour of the shirt's pixels, |R| + |G| + |B| apart. Its shading going
 * from a chest's to a back's (the round bottom of each trunk part lit, then the round top) moves
 * it; the figure moving 1/30 s barely does. */
static float shirt_change(const PoseFigure *fig, const FigLayout *lay, float mean[3])
{
    uint32_t *px = shirt_px[0];
    memset(px, 0, sizeof shirt_px[0]);
    FigCanvas cv = {px, SHIRT_W, SHIRT_W, SHIRT_H};
    figpaint_figure(&cv, fig, &lay->place, 0, 0);
    double sum[3] = {0.0, 0.0, 0.0};
    long n = 0;
    for (int i = 0; i < SHIRT_W * SHIRT_H; i++) {
        if (!shirt_pixel(px[i]))
            continue;
        for (int k = 0; k < 3; k++)
            sum[k] += (double)(px[i] >> (16 - 8 * k) & 255u);
        n++;
    }
    CHECK(n > 0);
    float step = 0.0f;
    for (int k = 0; k < 3; k++) {
        float c = n > 0 ? (float)(sum[k] / (double)n) : 0.0f;
        step += fabsf(c - mean[k]);
        mean[k] = c;
    }
    return step;
}

/* Twist m's side (d) on its way in, painted at 30 frames a second: the largest step of the shirt's
 * colour between two frames (*at_ms: where). */
static float way_in(const PoseMove *m, PoseDraw d, const FigLayout *lay, int *at_ms)
{
    float worst = 0.0f, mean[3] = {0.0f, 0.0f, 0.0f};
    for (int f = 0;; f++) {
        int ms = sheet_grid_ms(f * 1000 / 30);
        if (ms > m->meta.intro.ms)
            break;
        PoseFigure fig;
        pose_move_figure_at(m, ANIM_HOLD, ms, 30000, 0, d.swap, &fig);
        float c = shirt_change(&fig, lay, mean);
        if (f > 0 && c > worst)
            worst = c, *at_ms = ms;
    }
    return worst;
}

/* The furthest any part's end moves from figure a to b, both placed by lay (stage heights, the
 * stage SHIRT_H tall); which: that part's group and part name. */
static float parts_moved(const PoseFigure *a, const PoseFigure *b, const FigLayout *lay, char which[64])
{
    float worst = 0.0f;
    for (int g = 0; g < a->count; g++)
        for (int h = 0; h < b->count; h++) {
            const PoseGroup *x = &a->groups[g], *y = &b->groups[h];
            if (x->id != y->id || strcmp(x->name, y->name) != 0 || x->count != y->count || x->flat != y->flat)
                continue;
            for (int i = 0; i < x->count; i++) {
                const PosePart *p = &x->parts[i], *q = &y->parts[i];
                float d = fmaxf(hypotf(q->ax - p->ax, q->ay - p->ay), hypotf(q->bx - p->bx, q->by - p->by));
                d = d * lay->place.scale / (float)SHIRT_H;
                if (d > worst) {
                    worst = d;
                    snprintf(which, 64, "%s%s", x->name, p->name);
                }
            }
        }
    return worst;
}

/* Twist m's side (d) at at_ms of its way in, then eased from there into its start for the side
 * `to` over SESSION_BLEND_MS, painted at 30 frames a second: the largest step of the shirt's colour
 * between two frames (*frame: where, 0 the first eased frame), and how far from behind the shirt
 * is seen before and after it; *moved: the furthest any part moves between two frames (stage
 * heights; *part_frame, part: where, which). The first eased frame (pose_moves_blend at u 0) is
 * the twist's own, seen as far from behind. */
static float eased_from(const PoseMove *m, PoseDraw d, int at_ms, Sides to, const FigLayout *lay, int *frame,
                        float *away_from, float *away_to, float *moved, int *part_frame, char part[64])
{
    PoseMoment from = {ANIM_HOLD, sheet_grid_ms(at_ms), 30000, 0, d};
    PoseMoment start = {ANIM_START, 0, 0, 0, pose_move_draw(m, to, false)};
    PoseFigure own, eased;
    float worst = 0.0f, mean[3] = {0.0f, 0.0f, 0.0f};
    pose_move_figure_at(m, ANIM_HOLD, from.anim_ms, 30000, 0, d.swap, &own);
    shirt_change(&own, lay, mean);
    CHECK(pose_moves_blend(m, &from, m, &start, 0.0f, &eased, NULL));
    if (fabsf(eased.away - own.away) > 1e-4f)
        printf("  %s at %d ms: its own frame seen %.3f from behind, eased %.3f\n", m->file.move, from.anim_ms,
               (double)own.away, (double)eased.away);
    CHECK(fabsf(eased.away - own.away) <= 1e-4f);
    float away = own.away;
    PoseFigure prev = own;
    int frames = SESSION_BLEND_MS * 30 / 1000;
    for (int k = 0; k <= frames; k++) {
        PoseFigure fig;
        CHECK(pose_moves_blend(m, &from, m, &start, (float)k / (float)frames, &fig, NULL));
        float c = shirt_change(&fig, lay, mean);
        if (c > worst)
            worst = c, *frame = k, *away_from = away, *away_to = fig.away;
        away = fig.away;
        char which[64] = "";
        float mv = parts_moved(&prev, &fig, lay, which);
        if (mv > *moved)
            *moved = mv, *part_frame = k, snprintf(part, 64, "%s", which);
        prev = fig;
    }
    return worst;
}

int main(void)
{
    static const MoveId twists[] = {MOVE_SEATED_TWIST, MOVE_SPINAL_TWIST};
    float most = 0.0f, most_moved = 0.0f;
    (void)testposes_levels;
    for (size_t t = 0; t < sizeof twists / sizeof twists[0]; t++) {
        const PoseMove *m = move_of(twists[t]);
        CHECK(m != NULL && m->file.other_side == POSE_OTHER_AWAY);
        if (!m)
            continue;
        FigLayout lay;
        figpaint_fit(m, SHIRT_W, SHIRT_H, false, &lay);
        for (int s = 0; s < 2; s++) {
            Sides side = s ? SIDES_LEFT : SIDES_RIGHT, other = s ? SIDES_RIGHT : SIDES_LEFT;
            PoseDraw d = pose_move_draw(m, side, false);
            int where = 0;
            float step = way_in(m, d, &lay, &where);
            printf("%s %s side, its way in: the shirt's colour steps %.1f at most (%d ms)\n", moves_info(twists[t])->id,
                   s ? "left (turned away)" : "right", (double)step, where);
            CHECK(step <= SHIRT_STEP_MAX);
            most = step > most ? step : most;
            /* eased into the same side's start (Back: the side begun again): the same working trunk
             * and paint order, so the shirt's turn is what changes, on the side turned away (the
             * right side's shirt stays a chest). Into the other side's start (the side before),
             * whose paint order goes over where the body is in profile: the seated twist's, whose
             * legs are painted alike on both sides (the spinal twist's cross the other way over,
             * which no moment hides). Every part's step both ways, both sides */
            for (int into = 0; into < 2; into++) {
                bool shirt = into == 0 ? s == 1 : twists[t] == MOVE_SEATED_TWIST;
                for (int q = 1; q <= 3; q++) {
                    int at = m->meta.intro.ms * q / 4, frame = 0, part_frame = 0;
                    float a0 = 0.0f, a1 = 0.0f, moved = 0.0f;
                    char part[64] = "";
                    step = eased_from(m, d, at, into ? other : side, &lay, &frame, &a0, &a1, &moved, &part_frame, part);
                    printf("%s %s side, eased at %d ms of its %d ms way in into the %s side's start: the shirt's "
                           "colour steps %.1f at most (eased frame %d, seen from behind %.3f -> %.3f)%s; a part "
                           "moves %.3f stage heights at most (%s, eased frame %d)\n",
                           moves_info(twists[t])->id, s ? "left (turned away)" : "right", at, m->meta.intro.ms,
                           into ? "other" : "same", (double)step, frame, (double)a0, (double)a1,
                           shirt ? "" : " (not checked)", (double)moved, part, part_frame);
                    CHECK(moved <= PART_STEP_MAX);
                    most_moved = moved > most_moved ? moved : most_moved;
                    if (!shirt)
                        continue;
                    CHECK(step <= SHIRT_STEP_MAX);
                    most = step > most ? step : most;
                }
            }
        }
    }
    printf("largest step of the shirt's colour in 1/30 s: %.1f (at most %.1f); of a part between two eased frames: "
           "%.3f stage heights (at most %.2f)\n",
           (double)most, (double)SHIRT_STEP_MAX, (double)most_moved, (double)PART_STEP_MAX);
    testposes_free();
    return TEST_END();
}
