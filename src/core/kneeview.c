/* kneeview.c: the knees seen from the head end (kneeview.h). */
#include "kneeview.h"

#include <math.h>
#include <string.h>

/* Where the parts are with the knees up together, in H (FIGURE-NOTES.md proportions seen end on:
 * hip joints ~0.15 H apart, knees touching, feet a little wider than the knees, flat on the mat),
 * each with its distance down the body from the hips (the thigh runs ~0.16 H forward to the knee,
 * the shin on to the foot). */
#define KV_HIP_X 0.075f
#define KV_HIP_Y 0.090f
#define KV_KNEE_X 0.046f
#define KV_KNEE_Y 0.270f
#define KV_KNEE_Z 0.170f
#define KV_ANKLE_X 0.085f
#define KV_ANKLE_Y 0.062f
#define KV_ANKLE_Z 0.330f
#define KV_AXIS_Y 0.030f /* the knees turn about a line along the body through the feet and hips */
#define KV_FAR_SHARE 0.85f /* the knee on the other side goes 0.85 of the way (pose.c's side view) */
#define KV_PELVIS_SHARE 0.15f /* the pelvis turns about its own middle, resting on the mat */
/* looked at from above the chest, as with the head lifted: the feet show behind the knees */
#define KV_VIEW_DEG 28.0f

typedef struct {
    float x, y;
} KvPoint;

/* p (at distance z down the body) turned deg clockwise (to the right, for positive deg) about a
 * line along the body at (0, axis), then seen from KV_VIEW_DEG above the body's line. */
static KvPoint kv_at(float x, float y, float z, float deg, float axis)
{
    float r = deg * 3.14159265f / 180.0f, c = cosf(r), s = sinf(r), dy = y - axis;
    float tx = x * c + dy * s, ty = axis - x * s + dy * c;
    float e = KV_VIEW_DEG * 3.14159265f / 180.0f;
    return (KvPoint){tx, ty * cosf(e) + z * sinf(e)};
}

static void kv_part(PoseGroup *g, KvPoint a, float ra, KvPoint b, float rb, PoseColor c, const char *name)
{
    if (g->count == POSE_MAX_PARTS)
        return;
    PosePart *p = &g->parts[g->count++];
    memset(p, 0, sizeof *p);
    p->ax = a.x, p->ay = a.y, p->bx = b.x, p->by = b.y, p->ra = ra, p->rb = rb, p->color = c, p->name = name;
}

float kneeview_right_deg(const PoseFigure *fig, bool mirrored)
{
    return fig ? (mirrored ? -fig->roll : fig->roll) : 0.0f;
}

void kneeview_figure(float right_deg, PoseFigure *fig)
{
    const PoseColor skin = POSE_COLOR_SKIN, pants = POSE_COLOR_PANTS;
    float deg = fmaxf(-90.0f, fminf(90.0f, right_deg));
    fig->count = 0, fig->chair = 0, fig->roll = deg, fig->away = 0.0f;
    /* far to near as seen from the head: the feet and shins, the thighs, the pelvis in front */
    PoseGroup *shins = &fig->groups[fig->count++], *thighs = &fig->groups[fig->count++],
              *belly = &fig->groups[fig->count++];
    PoseGroup *all[] = {shins, thighs, belly};
    for (int i = 0; i < 3; i++)
        all[i]->count = all[i]->flat = 0, all[i]->name = "", all[i]->id = POSE_GROUP_TORSO;
    shins->id = thighs->id = POSE_GROUP_NEAR_LEG;
    shins->highlight = thighs->highlight = 1, belly->highlight = 0;
    float pelvis_deg = deg * KV_PELVIS_SHARE;
    for (int s = -1; s <= 1; s += 2) { /* s = -1 the left leg, +1 the right */
        bool leading = (float)s * deg >= 0.0f; /* the leg on the side the knees roll to */
        float turn = leading ? deg : deg * KV_FAR_SHARE, side = (float)s;
        KvPoint knee = kv_at(side * KV_KNEE_X, KV_KNEE_Y, KV_KNEE_Z, turn, KV_AXIS_Y);
        KvPoint hip = kv_at(side * KV_HIP_X, KV_HIP_Y, 0.0f, pelvis_deg, KV_HIP_Y);
        KvPoint ankle = kv_at(side * KV_ANKLE_X, KV_ANKLE_Y, KV_ANKLE_Z, 0.0f, KV_AXIS_Y);
        /* the foot seen from behind its heel: a short round sole on the mat under the ankle */
        KvPoint heel_in = kv_at(side * (KV_ANKLE_X - 0.012f), 0.027f, KV_ANKLE_Z, 0.0f, KV_AXIS_Y);
        KvPoint heel_out = kv_at(side * (KV_ANKLE_X + 0.012f), 0.027f, KV_ANKLE_Z, 0.0f, KV_AXIS_Y);
        kv_part(shins, heel_in, 0.027f, heel_out, 0.027f, skin, "foot");
        kv_part(shins, knee, 0.042f, ankle, 0.028f, pants, "shank");
        kv_part(thighs, hip, 0.060f, knee, 0.044f, pants, "thigh");
    }
    /* nearest, the belly in its shirt, as the person sees it looking down: a wide low mound the
     * thighs rise from behind, turning a little with the knees */
    const PoseColor shirt = POSE_COLOR_SHIRT;
    float p = pelvis_deg * 3.14159265f / 180.0f, half = 0.085f, r = 0.075f, c = r + half * fabsf(sinf(p));
    KvPoint left = {-half * cosf(p), c + half * sinf(p)}, right = {half * cosf(p), c - half * sinf(p)};
    kv_part(belly, left, r, right, r, shirt, "belly");
}
