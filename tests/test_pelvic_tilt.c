/* test_pelvic_tilt.c: the pelvic tilt is a small movement (physio review, session 29). Lying on
 * the back, knees bent, the pelvis rocks 10-15 degrees, the lower back flattens onto the mat and
 * the buttocks stay down. Measured on
 * every solved sample of a rep, as drawn. Core only: no SDL; reads assets/poses from the source tree. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "pose.h"
#include "testutil.h"

#define PELVIC_PI 3.14159265f
#define PELVIC_PX_PER_H 1064.0f /* the lying figure on the 1080p workout stage (test_pose) */

static PoseFile file;

static bool load_move(const char *name, PoseMove *m)
{
    static char src[POSE_MAX_FILE_BYTES];
    char path[128];
    snprintf(path, sizeof path, "assets/poses/%s.pose", name);
    FILE *f = fopen(path, "rb");
    CHECK(f != NULL);
    if (!f)
        return false;
    size_t n = fread(src, 1, sizeof src, f);
    fclose(f);
    RoutineErrors errs;
    memset(&errs, 0, sizeof errs);
    CHECK_INT(pose_parse(path, src, n, &file, &errs), 0);
    CHECK_INT(pose_move_init(m, &file), 0);
    return errs.count == 0 && m->meta.frames > 0 && m->meta.cycle.last > m->meta.cycle.first;
}

/* The first torso part called name (the first "trunk" is the lowest), or NULL. */
static const PosePart *torso_part(const PoseFigure *fig, const char *name, int nth)
{
    for (int g = 0; g < fig->count; g++)
        for (int i = 0; fig->groups[g].id == POSE_GROUP_TORSO && !fig->groups[g].flat && i < fig->groups[g].count; i++)
            if (strcmp(fig->groups[g].parts[i].name, name) == 0 && nth-- == 0)
                return &fig->groups[g].parts[i];
    return NULL;
}

/* The first part called name of group id, or NULL. */
static const PosePart *limb_part(const PoseFigure *fig, int id, const char *name)
{
    for (int g = 0; g < fig->count; g++)
        for (int i = 0; fig->groups[g].id == id && i < fig->groups[g].count; i++)
            if (strcmp(fig->groups[g].parts[i].name, name) == 0)
                return &fig->groups[g].parts[i];
    return NULL;
}

/* The direction of the drawn pelvis (degrees): its cone's axis, from the hip joint toward the
 * waist, and its back's outline (the side toward the mat lying, away from the belly: the line
 * through the hip end's and the waist end's discs on that side, which the belly drawn in leaves). */
static void pelvis_angles(const PosePart *p, float *axis, float *back)
{
    float dx = p->bx - p->ax, dy = p->by - p->ay, len = hypotf(dx, dy);
    *axis = atan2f(dy, dx) * 180.0f / PELVIC_PI;
    /* the back is to the left of the axis walking from the hip to the waist for a figure facing
     * right (lying, the axis toward -x: the back down; sitting, the axis up: the back toward -x) */
    float nx = -dy / len, ny = dx / len;
    float x0 = p->ax + nx * p->ra, y0 = p->ay + ny * p->ra, x1 = p->bx + nx * p->rb, y1 = p->by + ny * p->rb;
    *back = atan2f(y1 - y0, x1 - x0) * 180.0f / PELVIC_PI;
}

/* The underside of the pelvis and trunk (their round cones: circles along the axis) at column x,
 * in H above the mat (y = 0); 1e9 where they do not cover x. */
static float torso_bottom_at(const PoseFigure *fig, float x)
{
    float bottom = 1e9f;
    for (int nth = 0; nth < 4; nth++) {
        const PosePart *q = nth == 0 ? torso_part(fig, "pelvis", 0) : torso_part(fig, "trunk", nth - 1);
        for (int k = 0; q && k <= 200; k++) {
            float s = (float)k / 200.0f, cx = q->ax + s * (q->bx - q->ax), cy = q->ay + s * (q->by - q->ay);
            float r = q->ra + s * (q->rb - q->ra), dx = x - cx;
            if (fabsf(dx) <= r)
                bottom = fminf(bottom, cy - sqrtf(r * r - dx * dx));
        }
    }
    return bottom;
}

/* What one sample of a lying tilt shows. */
typedef struct {
    float axis, back; /* the pelvis's directions (pelvis_angles) */
    float buttock; /* the pelvis's underside under the hip joint, above the mat (H) */
    float gap; /* the widest gap under the lower back, from the hip joint to the waist's end (H) */
    float off; /* the highest of the head, shoulders, pelvis, heels and toes above the mat (H) */
    float knee_x, knee_y, heel_x; /* the near knee and heel */
} LyingSample;

static void lying_measure(const PoseMove *m, int k, LyingSample *out)
{
    PoseFigure fig;
    pose_move_sample_figure(m, k, &fig);
    float low[CONTACT_COUNT];
    float ground = pose_figure_ground(&fig, m->sample_contacts[k], low);
    const PosePart *pelvis = torso_part(&fig, "pelvis", 0), *waist = torso_part(&fig, "trunk", 0);
    const PosePart *chest = torso_part(&fig, "trunk", 2), *thigh = limb_part(&fig, POSE_GROUP_NEAR_LEG, "thigh");
    const PosePart *heel = limb_part(&fig, POSE_GROUP_NEAR_LEG, "heel");
    CHECK(pelvis && waist && chest && thigh && heel);
    if (!pelvis || !waist || !chest || !thigh || !heel)
        return;
    pelvis_angles(pelvis, &out->axis, &out->back);
    out->buttock = pelvis->ay - pelvis->ra - ground;
    out->gap = 0.0f;
    for (int s = 0; s <= 100; s++) {
        float x = pelvis->ax + (waist->bx - pelvis->ax) * (float)s / 100.0f, b = torso_bottom_at(&fig, x);
        if (b < 1e8f)
            out->gap = fmaxf(out->gap, b - ground);
    }
    /* the shoulders: the top of the trunk, its last part (its underside: the shoulder blades) */
    float shoulders = fminf(chest->ay - chest->ra, chest->by - chest->rb) - ground;
    static const int held[] = {CONTACT_HEAD,     CONTACT_PELVIS,    CONTACT_NEAR_HEEL,
                               CONTACT_FAR_HEEL, CONTACT_NEAR_TOES, CONTACT_FAR_TOES};
    out->off = shoulders;
    for (size_t c = 0; c < sizeof held / sizeof held[0]; c++)
        out->off = fmaxf(out->off, low[held[c]] - ground);
    out->knee_x = thigh->bx, out->knee_y = thigh->by - ground, out->heel_x = heel->bx;
}

/* Lying on the back (levels 05 and 07): over the rep, the pelvis rocks 8 to 16 degrees (its axis
 * and its back's outline both; it turned 40.6 degrees, a hip lift); the buttocks under the hip
 * joint never more than 0.006 H (8 px of a figure 1333 px tall) off the mat; the lower back's gap
 * to the mat at least 0.022 H at the start (the arch; test_pose checks what of it shows past the
 * working part's warm band on the 1080p stage) and at most 0.004 H at the beat (flat on the mat);
 * the head, shoulders, pelvis, heels and toes within 2 px of it on every sample; the knee still
 * (within 0.01 H) and the heel planted. */
static void test_lying(void)
{
    PoseMove m;
    if (!load_move("pelvic_tilt", &m))
        return;
    const SheetRange *c = &m.meta.cycle;
    float axis_lo = 1e9f, axis_hi = -1e9f, back_lo = 1e9f, back_hi = -1e9f, buttock = 0.0f, off = 0.0f;
    float knee_x[2] = {1e9f, -1e9f}, knee_y[2] = {1e9f, -1e9f}, heel[2] = {1e9f, -1e9f};
    LyingSample start = {0}, beat = {0};
    for (int k = c->first; k <= c->last; k++) {
        LyingSample s = {0};
        lying_measure(&m, k, &s);
        /* lying, the axis points toward the head (about 180): unwrap to 0..360 */
        float axis = s.axis < 0.0f ? s.axis + 360.0f : s.axis, back = s.back < 0.0f ? s.back + 360.0f : s.back;
        axis_lo = fminf(axis_lo, axis), axis_hi = fmaxf(axis_hi, axis);
        back_lo = fminf(back_lo, back), back_hi = fmaxf(back_hi, back);
        buttock = fmaxf(buttock, s.buttock), off = fmaxf(off, s.off);
        knee_x[0] = fminf(knee_x[0], s.knee_x), knee_x[1] = fmaxf(knee_x[1], s.knee_x);
        knee_y[0] = fminf(knee_y[0], s.knee_y), knee_y[1] = fmaxf(knee_y[1], s.knee_y);
        heel[0] = fminf(heel[0], s.heel_x), heel[1] = fmaxf(heel[1], s.heel_x);
        if (k == c->first)
            start = s;
        if (k == m.meta.beat)
            beat = s;
    }
    printf("pelvic_tilt over the rep: the pelvis turns %.1f deg (axis %.1f..%.1f), its back %.1f deg; the buttocks "
           "at most %.4f H (%.0f px) off the mat; the lower back's gap %.4f H (%.0f px) at the start, %.4f H (%.0f px) "
           "at the beat; contacts at most %.4f H off; the knee moves %.4f H across, %.4f H up, the heel %.4f H\n",
           (double)(axis_hi - axis_lo), (double)axis_lo, (double)axis_hi, (double)(back_hi - back_lo), (double)buttock,
           (double)(buttock * PELVIC_PX_PER_H), (double)start.gap, (double)(start.gap * PELVIC_PX_PER_H),
           (double)beat.gap, (double)(beat.gap * PELVIC_PX_PER_H), (double)off, (double)(knee_x[1] - knee_x[0]),
           (double)(knee_y[1] - knee_y[0]), (double)(heel[1] - heel[0]));
    CHECK(axis_hi - axis_lo >= 8.0f && axis_hi - axis_lo <= 16.0f);
    CHECK(back_hi - back_lo >= 8.0f && back_hi - back_lo <= 16.0f);
    CHECK(buttock <= 0.006f);
    CHECK(start.gap >= 0.022f);
    CHECK(beat.gap <= 0.004f);
    CHECK(off <= POSE_CONTACT_TOL_H);
    CHECK(knee_x[1] - knee_x[0] <= 0.01f && knee_y[1] - knee_y[0] <= 0.01f);
    CHECK(heel[1] - heel[0] <= 0.002f);
    pose_move_free(&m);
}

int main(void)
{
    test_lying();
    return TEST_END();
}
