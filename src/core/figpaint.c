/* figpaint.c: a scanline painter for the figure's round cones. Each row of a cone is one span,
 * found analytically (its two end discs and the two tangent lines between them); only the pixel
 * or two at a span's ends pay for a distance (the anti-aliased edge), and the shading inside is
 * a table look-up, so a figure filling a 1080p stage paints in a few milliseconds. */
#include "figpaint.h"

#include <math.h>
#include <stddef.h>
#include <string.h>

#define FIGPAINT_LIGHT_X (-0.38f) /* light from the upper left, toward the viewer */
#define FIGPAINT_LIGHT_Y (-0.62f)
#define FIGPAINT_LIGHT_Z 0.69f
#define FIGPAINT_ROOT_STEPS 256 /* sqrt(1 - n^2) tabulated over n^2 */

/* A round cone in canvas pixels (y down), with its clip half-plane dot(q, n) <= k. */
typedef struct {
    float ax, ay, bx, by, ra, rb;
    PoseColor color;
    int clip;
    float nx, ny, k;
} Cone;

static Cone cone_place(const FigPlace *pl, const PosePart *p, int dx, int dy)
{
    float sign = pl->flip ? -1.0f : 1.0f, wide = 1.0f - pl->narrow, fx = sign * wide, s = pl->scale;
    float ox = pl->ox - (float)dx, oy = pl->oy - (float)dy;
    Cone q = {ox + fx * p->ax * s,
              oy - p->ay * s,
              ox + fx * p->bx * s,
              oy - p->by * s,
              p->ra * s,
              p->rb * s,
              p->color,
              p->clip,
              p->nx * sign,
              -p->ny * wide,
              0.0f};
    /* the plane n.q <= k in H units, carried into pixels: x scaled by fx, y by -1 (times s) gives
     * the normal (nx sign, -ny wide) and k s wide, made a unit normal again when narrowed */
    float len = sqrtf(q.nx * q.nx + q.ny * q.ny), kk = p->k * s * wide;
    if (p->clip && pl->narrow != 0.0f && len > 1e-6f)
        q.nx /= len, q.ny /= len, kk /= len;
    q.k = kk + q.nx * ox + q.ny * oy;
    return q;
}

/* Signed distance (pixels) from (x, y) to a cone, its clip plane included. */
static float cone_distance(const Cone *p, float x, float y)
{
    float dx = p->bx - p->ax, dy = p->by - p->ay, len = sqrtf(dx * dx + dy * dy);
    float px = x - p->ax, py = y - p->ay, d;
    if (len < 1e-3f) {
        d = sqrtf(px * px + py * py) - fmaxf(p->ra, p->rb);
    } else {
        float ux = dx / len, uy = dy / len;
        float ly = px * ux + py * uy, lx = fabsf(-px * uy + py * ux);
        float b = (p->ra - p->rb) / len;
        if (fabsf(b) >= 1.0f) {
            d = fminf(sqrtf(px * px + py * py) - p->ra, sqrtf(lx * lx + (ly - len) * (ly - len)) - p->rb);
        } else {
            float a = sqrtf(1.0f - b * b), k = -b * lx + a * ly;
            if (k < 0.0f)
                d = sqrtf(lx * lx + ly * ly) - p->ra;
            else if (k > a * len)
                d = sqrtf(lx * lx + (ly - len) * (ly - len)) - p->rb;
            else
                d = lx * a + ly * b - p->ra;
        }
    }
    if (p->clip)
        d = fmaxf(d, x * p->nx + y * p->ny - p->k);
    return d;
}

/* The span [*l, *r] of row fy inside cone p grown by grow pixels. Returns false when the row
 * misses it. */
static bool cone_span(const Cone *p, float grow, float fy, float *l, float *r)
{
    float ra = p->ra + grow, rb = p->rb + grow, lo = 1e9f, hi = -1e9f;
    if (ra > 0.0f && fabsf(fy - p->ay) < ra) {
        float h = sqrtf(ra * ra - (fy - p->ay) * (fy - p->ay));
        lo = fminf(lo, p->ax - h), hi = fmaxf(hi, p->ax + h);
    }
    if (rb > 0.0f && fabsf(fy - p->by) < rb) {
        float h = sqrtf(rb * rb - (fy - p->by) * (fy - p->by));
        lo = fminf(lo, p->bx - h), hi = fmaxf(hi, p->bx + h);
    }
    float dx = p->bx - p->ax, dy = p->by - p->ay, len = sqrtf(dx * dx + dy * dy);
    if (len > 1e-3f && fabsf(ra - rb) < len) {
        float ux = dx / len, uy = dy / len, nx = -uy, ny = ux, b = (ra - rb) / len, a = sqrtf(1.0f - b * b);
        float q[4][2] = {{p->ax + ra * (b * ux + a * nx), p->ay + ra * (b * uy + a * ny)},
                         {p->bx + rb * (b * ux + a * nx), p->by + rb * (b * uy + a * ny)},
                         {p->bx + rb * (b * ux - a * nx), p->by + rb * (b * uy - a * ny)},
                         {p->ax + ra * (b * ux - a * nx), p->ay + ra * (b * uy - a * ny)}};
        for (int i = 0; i < 4; i++) {
            float x0 = q[i][0], y0 = q[i][1], x1 = q[(i + 1) % 4][0], y1 = q[(i + 1) % 4][1];
            if ((y0 <= fy) != (y1 <= fy)) {
                float x = x0 + (x1 - x0) * (fy - y0) / (y1 - y0);
                lo = fminf(lo, x), hi = fmaxf(hi, x);
            }
        }
    }
    *l = lo, *r = hi;
    return lo <= hi;
}

static uint32_t argb(float a, float r, float g, float b)
{
    r = r > 255.0f ? 255.0f : r, g = g > 255.0f ? 255.0f : g, b = b > 255.0f ? 255.0f : b;
    return (uint32_t)(a * 255.0f + 0.5f) << 24 | (uint32_t)(r + 0.5f) << 16 | (uint32_t)(g + 0.5f) << 8 |
           (uint32_t)(b + 0.5f);
}

/* Straight-alpha "over" of colour (r, g, b: 0..255) at coverage a onto one pixel. */
static void blend(uint32_t *dst, float r, float g, float b, float a)
{
    uint32_t d = *dst;
    if (a >= 1.0f || d >> 24 == 0) {
        *dst = argb(a, r, g, b);
        return;
    }
    float da = (float)(d >> 24) / 255.0f, oa = a + da * (1.0f - a);
    if (oa <= 0.0f)
        return;
    float w = da * (1.0f - a) / oa, v = a / oa;
    *dst = argb(oa > 1.0f ? 1.0f : oa, r * v + (float)((d >> 16) & 255) * w, g * v + (float)((d >> 8) & 255) * w,
                b * v + (float)(d & 255) * w);
}

/* sqrt(1 - n2) for n2 in 0..1, tabulated: the depth of a lit sphere's normal. */
static float root_of(const float *table, float n2)
{
    int i = (int)(n2 * (float)(FIGPAINT_ROOT_STEPS - 1));
    return table[i < 0 ? 0 : i > FIGPAINT_ROOT_STEPS - 1 ? FIGPAINT_ROOT_STEPS - 1 : i];
}

/* The light on cone p at pixel centre (fx, fy), as a factor on its colour: lit as a rounded solid. */
static float cone_light(const Cone *p, float fx, float fy, float inv_len2, const float *root)
{
    float dx = p->bx - p->ax, dy = p->by - p->ay;
    float t = ((fx - p->ax) * dx + (fy - p->ay) * dy) * inv_len2;
    t = t < 0.0f ? 0.0f : t > 1.0f ? 1.0f : t;
    float qx = p->ax + dx * t, qy = p->ay + dy * t, rr = p->ra + (p->rb - p->ra) * t;
    float inv = 1.0f / rr, nx = (fx - qx) * inv, ny = (fy - qy) * inv, n2 = nx * nx + ny * ny, lam;
    if (n2 >= 1.0f)
        lam = (nx * FIGPAINT_LIGHT_X + ny * FIGPAINT_LIGHT_Y) / sqrtf(n2);
    else
        lam = nx * FIGPAINT_LIGHT_X + ny * FIGPAINT_LIGHT_Y + root_of(root, n2) * FIGPAINT_LIGHT_Z;
    return 0.72f + 0.36f * (lam < 0.0f ? 0.0f : lam);
}

/* Colour c (0..255) times k, in 16.16 fixed point, clamped to 255. */
static int32_t fixed_channel(float c, float k)
{
    float v = c * k;
    return (int32_t)((v > 255.0f ? 255.0f : v) * 65536.0f);
}

/* Fill pixels xa..xb of row (all inside the cone) with its lit colour: the light is worked out
 * every FIGPAINT_RUN pixels and eased between in fixed point, as it changes slowly. */
#define FIGPAINT_RUN 8
static void paint_run(uint32_t *row, int xa, int xb, float fy, const Cone *p, float cr, float cg, float cb,
                      float inv_len2, const float *root)
{
    float k0 = cone_light(p, (float)xa + 0.5f, fy, inv_len2, root);
    for (int x = xa; x <= xb;) {
        int n = xb - x + 1 < FIGPAINT_RUN ? xb - x + 1 : FIGPAINT_RUN;
        float k1 = cone_light(p, (float)(x + n) + 0.5f, fy, inv_len2, root);
        int32_t r = fixed_channel(cr, k0), g = fixed_channel(cg, k0), b = fixed_channel(cb, k0);
        int32_t dr = (fixed_channel(cr, k1) - r) / n, dg = (fixed_channel(cg, k1) - g) / n;
        int32_t db = (fixed_channel(cb, k1) - b) / n;
        for (int i = 0; i < n; i++, x++) {
            row[x] = 0xff000000u | (uint32_t)((r + 32768) >> 16) << 16 | (uint32_t)((g + 32768) >> 16) << 8 |
                     (uint32_t)((b + 32768) >> 16);
            r += dr, g += dg, b += db;
        }
        k0 = k1;
    }
}

/* Paint cone p grown by grow pixels in colour c (0..1), lit as a rounded solid when shaded, at
 * opacity alpha (1: opaque, as every part is painted; less only to ease between two paint orders,
 * paint_group). An outline (grow > 0) paints only the ring outside the cone's own shape, which its
 * fill covers. */
static void paint_cone_over(FigCanvas *cv, const Cone *p, float grow, PoseColor c, bool shaded, const float *root,
                            float alpha)
{
    float reach = fmaxf(p->ra, p->rb) + grow + 1.0f;
    int y0 = (int)floorf(fminf(p->ay, p->by) - reach), y1 = (int)ceilf(fmaxf(p->ay, p->by) + reach);
    y0 = y0 < 0 ? 0 : y0, y1 = y1 > cv->h - 1 ? cv->h - 1 : y1;
    float dx = p->bx - p->ax, dy = p->by - p->ay, len2 = dx * dx + dy * dy;
    float inv_len2 = len2 > 1e-3f ? 1.0f / len2 : 0.0f;
    float cr = c.r * 255.0f, cg = c.g * 255.0f, cb = c.b * 255.0f;
    uint32_t solid = argb(1.0f, cr, cg, cb);
    for (int y = y0; y <= y1; y++) {
        float fy = (float)y + 0.5f, ol, orr, il = 1e9f, ir = -1e9f, hl = 1e9f, hr = -1e9f;
        if (!cone_span(p, grow + 1.0f, fy, &ol, &orr))
            continue;
        if (!cone_span(p, grow - 1.0f, fy, &il, &ir) || p->clip || alpha < 1.0f)
            il = 1e9f, ir = -1e9f; /* a clipped or see-through cone has no sure inside: every pixel is measured */
        if (grow > 0.0f && !cone_span(p, -1.0f, fy, &hl, &hr))
            hl = 1e9f, hr = -1e9f;
        int x0 = (int)floorf(ol), x1 = (int)floorf(orr);
        x0 = x0 < 0 ? 0 : x0, x1 = x1 > cv->w - 1 ? cv->w - 1 : x1;
        /* the pixels whose centres are surely inside: no distance, no blending */
        int in0 = (int)ceilf(il - 0.5f), in1 = (int)ceilf(ir - 0.5f) - 1;
        if (fminf(il, ir) > 1e8f)
            in0 = 1, in1 = 0;
        uint32_t *row = cv->px + (size_t)y * (size_t)cv->stride;
        for (int x = x0; x <= x1; x++) {
            float fx = (float)x + 0.5f;
            if (fx > hl && fx < hr) { /* an outline, inside the shape: the fill covers it */
                int skip = (int)ceilf(hr - 0.5f) - 1; /* the last pixel centre before hr */
                x = skip > x ? skip : x;
                continue;
            }
            if (x >= in0 && x <= in1) {
                int end = in1 < x1 ? in1 : x1;
                if (fx < hl) { /* an outline stops where the shape's sure inside starts */
                    int inside = (int)floorf(hl - 0.5f) + 1; /* the first pixel centre past hl */
                    end = inside - 1 < end ? inside - 1 : end;
                }
                if (shaded) {
                    paint_run(row, x, end, fy, p, cr, cg, cb, inv_len2, root);
                } else {
                    for (int i = x; i <= end; i++)
                        row[i] = solid;
                }
                x = end;
                continue;
            }
            float a = 0.5f - (cone_distance(p, fx, fy) - grow);
            if (a <= 0.0f)
                continue;
            a = (a > 1.0f ? 1.0f : a) * alpha;
            float k = shaded ? cone_light(p, fx, fy, inv_len2, root) : 1.0f;
            if (a >= 1.0f)
                row[x] = argb(1.0f, cr * k, cg * k, cb * k);
            else
                blend(&row[x], cr * k, cg * k, cb * k, a);
        }
    }
}

/* Paint cone p opaque (paint_cone_over at opacity 1). */
static void paint_cone(FigCanvas *cv, const Cone *p, float grow, PoseColor c, bool shaded, const float *root)
{
    paint_cone_over(cv, p, grow, c, shaded, root, 1.0f);
}

/* Whether part q is the head or the neck: never outlined as the working part. A physio teaching
 * the draw-in, the pelvic tilt or the seated pair says "head relaxed"; a warm ring round the head
 * invites the curl-up those moves must avoid. In cat-camel the head only follows the spine, so
 * the trunk's band says what moves there too. */
static bool part_is_head(const PosePart *q)
{
    return strcmp(q->name, "head") == 0 || strcmp(q->name, "neck") == 0;
}

/* The neck as painted: from the collar up. pose.c builds it from inside the trunk (0.02 H below
 * the top of the spine) to the head, and it is painted over the shirt; seen from the side only the
 * throat and nape show past the trunk's round top, but with the chest turned to the viewer (the
 * top of the trunk narrowed to the neck) or the head hung below the shoulders (bird dog), the skin
 * ran over the shirt down to mid-chest (a bib, 0.73 of the head's height) or along the top of the
 * shoulder (a second upper arm). So the centre of its lower, round end sits FIGPAINT_COLLAR_DIP
 * inside the edge of the trunk's top cap (centre top, radius top_r), on the line to the head: the
 * round end dips below the shirt's edge as a neckline, the skin shows 0.26 of the head's height in
 * every view, and the neck keeps its thickness. */
#define FIGPAINT_COLLAR_DIP 0.005f /* H: the neck's lower end this far inside the trunk's top */
static PosePart neck_from_collar(const PosePart *neck, float top_x, float top_y, float top_r)
{
    PosePart q = *neck;
    float ux = neck->bx - top_x, uy = neck->by - top_y, len = sqrtf(ux * ux + uy * uy);
    float to = fminf(top_r - FIGPAINT_COLLAR_DIP, len * 0.6f); /* a stub of neck always shows */
    if (len < 1e-5f || to <= 0.0f)
        return q;
    float ax = top_x + ux / len * to, ay = top_y + uy / len * to;
    float nx = neck->bx - neck->ax, ny = neck->by - neck->ay, nl2 = nx * nx + ny * ny;
    float t = nl2 > 1e-10f ? ((ax - neck->ax) * nx + (ay - neck->ay) * ny) / nl2 : 0.0f;
    t = t < 0.0f ? 0.0f : t > 1.0f ? 1.0f : t;
    if (t <= 0.0f) /* the collar is already below where the neck starts */
        return q;
    q.ax = ax, q.ay = ay, q.ra = neck->ra + (neck->rb - neck->ra) * t;
    return q;
}

/* Whether part q of group g is drawn as the working part: none of a group not highlighted, never
 * the head or the neck, and of a flank (`highlight flank`) only the trunk: the side bend's
 * working part is the side of the trunk being stretched, and a warm ring round the hips and the
 * pelvis below the shirt read, facing the viewer, as a bulging nappy (review s26, finding 12). Of
 * a lower back (`highlight lower_back`) the pelvis and the trunk's lowest part: the pelvic tilt's
 * working part, whose arch lifting off the mat and pressing flat is the move; the whole trunk's
 * ring, the chest's half of it still, drew the eye away from it at a quarter size. */
static bool part_is_working(const PoseGroup *g, const PosePart *q)
{
    if (!g->highlight || part_is_head(q))
        return false;
    if (g->highlight == POSE_GROUP_LOWER_BACK) { /* the pelvis and the trunk's lowest part */
        if (strcmp(q->name, "pelvis") == 0)
            return true;
        for (int i = 0; i < g->count; i++)
            if (strcmp(g->parts[i].name, "trunk") == 0)
                return &g->parts[i] == q;
        return false;
    }
    return g->highlight != POSE_GROUP_FLANK || strcmp(q->name, "trunk") == 0;
}

/* Cut cone c's band to the side of the trunk being stretched: the half beyond its axis away from
 * the way positive spine flexion bends it (toward +x in the pose, -x drawn flipped). */
static void flank_clip(Cone *c, bool flip)
{
    float dx = c->bx - c->ax, dy = c->by - c->ay, len = sqrtf(dx * dx + dy * dy);
    float nx = len > 1e-3f ? -dy / len : 1.0f, ny = len > 1e-3f ? dx / len : 0.0f;
    float toward = flip ? -1.0f : 1.0f; /* the bend's side in canvas x */
    if (nx * toward < 0.0f)
        nx = -nx, ny = -ny;
    c->clip = 1, c->nx = nx, c->ny = ny, c->k = nx * c->ax + ny * c->ay; /* keep dot(q, n) <= k */
}

/* How far fig is seen from behind, 0..1: the head turned away from the viewer (fig->away, the sine
 * of the keyed turn: the far side of a twist, `other_side away`, whose head is drawn turning on past
 * the back of the head to look over the far shoulder). 0 up to FIGPAINT_AWAY_FROM (look -4.5 degrees), 1 from
 * FIGPAINT_AWAY_TO (look -50: the seated twist's keyed hold is at -52), in proportion between: the
 * shirt changes from a chest to a back over the turn (6 samples of spinal_twist's, 30 a second; more
 * of the seated twist's slower turn), not in one frame (issue 12: it changed at look -30, the
 * neckline and the chest's shading gone at once). It was read from how far the hair covered the
 * head, which uncovers the face again as the head turns on to a profile looking back. */
#define FIGPAINT_AWAY_FROM 0.078f
#define FIGPAINT_AWAY_TO 0.766f
static float figure_seen_from_behind(const PoseFigure *fig)
{
    float t = (fig->away - FIGPAINT_AWAY_FROM) / (FIGPAINT_AWAY_TO - FIGPAINT_AWAY_FROM);
    return t < 0.0f ? 0.0f : t > 1.0f ? 1.0f : t;
}

/* The colour part q of group g is filled with: its own, a little brighter on the working part. */
static PoseColor fill_color(const PoseGroup *g, const PosePart *q, PoseColor c)
{
    if (part_is_working(g, q))
        c.r = fminf(1.0f, c.r * 1.08f), c.g = fminf(1.0f, c.g * 1.08f), c.b = fminf(1.0f, c.b * 1.08f);
    return c;
}

/* Part way to seen from behind (share between 0 and 1, paint_group), just after the neck (cones[neck],
 * painted over the shirt as from the front) and before the head: the shirt's top cone (last) again,
 * opaque, below a line square across the neck that rises with share from below the neck's lower end
 * to above the cone's top, so the neckline rises to the nape, the shirt covering the neck as when it
 * is painted under it; then the shirt's lower cones (last - 1 down to first), top down, at opacity
 * share, so where two overlap each pixel is share of the back's picture (the lower one's round top)
 * and the rest of the chest's (the upper one's round bottom). The outlines are the same both ways. */
static void paint_turning_away(FigCanvas *cv, const PoseGroup *g, const Cone *cones, int neck, int first, int last,
                               float share, const float *root)
{
    const Cone *nk = &cones[neck];
    Cone top = cones[last];
    float ux = nk->ax - nk->bx, uy = nk->ay - nk->by, len = sqrtf(ux * ux + uy * uy); /* down the neck */
    if (len > 1e-3f) {
        ux /= len, uy /= len;
        /* how far down the neck from its lower end: its lowest point, the shirt's top cone's highest */
        float lowest = nk->ra;
        float highest = fminf((top.ax - nk->ax) * ux + (top.ay - nk->ay) * uy - top.ra,
                              (top.bx - nk->ax) * ux + (top.by - nk->ay) * uy - top.rb);
        float cut = lowest + (highest - lowest) * share;
        /* keep q with dot(q - a, down) >= cut: dot(q, -down) <= -dot(a, down) - cut */
        top.clip = 1, top.nx = -ux, top.ny = -uy, top.k = -(ux * nk->ax + uy * nk->ay) - cut;
        paint_cone(cv, &top, 0.0f, fill_color(g, &g->parts[last], top.color), !g->flat, root);
    }
    for (int k = last - 1; k >= first; k--)
        if (strcmp(g->parts[k].name, "trunk") == 0)
            paint_cone_over(cv, &cones[k], 0.0f, fill_color(g, &g->parts[k], cones[k].color), !g->flat, root, share);
}

/* One group: the outline of all its parts, then their lit fills, so the parts of one limb join
 * without seams. The outline is a darker shade of each part, or, on the working limb, a wide warm
 * band that reads from across a room (the head and the neck excepted: part_is_head). Seen from
 * behind (share 1, figure_seen_from_behind), the neck is painted first, under the shirt: the back
 * of a shirt comes up to the nape, so the collar is the shirt's own top edge, not a neckline
 * dipping over the skin of a throat, which read as the chest facing the viewer (issue 12, a
 * physiotherapist's review). Part way (share between 0 and 1), it is painted as from the front and
 * eased toward that after the neck (paint_turning_away): the neckline rises to the nape and the
 * shirt's shading goes from a chest's to a back's as the body turns away, never in one frame. */
static void paint_group(FigCanvas *cv, const FigPlace *pl, const PoseGroup *g, int dx, int dy, const float *root,
                        float share)
{
    bool behind = share >= 1.0f;
    float outline = fmaxf(1.5f, pl->scale * 0.0045f);
    Cone cones[POSE_MAX_PARTS];
    int order[POSE_MAX_PARTS], n = 0;
    const PosePart *top = NULL; /* the trunk's last part, its top: the neck starts at its collar */
    for (int i = 0; i < g->count; i++) {
        const PosePart *q = &g->parts[i];
        if (strcmp(q->name, "trunk") == 0)
            top = q;
        if (top && !behind && strcmp(q->name, "neck") == 0) {
            PosePart nk = neck_from_collar(q, top->bx, top->by, top->rb);
            cones[i] = cone_place(pl, &nk, dx, dy);
        } else {
            cones[i] = cone_place(pl, q, dx, dy);
        }
    }
    /* seen from behind: the neck, what comes before the shirt (hips, pelvis), the shirt's cones top
     * down (each lower one's round top shows, as the back's, where from the front each upper one's
     * round bottom showed, as a chest's), then the rest (the head) */
    int first_trunk = g->count, last_trunk = -1;
    for (int i = g->count - 1; i >= 0; i--)
        if (strcmp(g->parts[i].name, "trunk") == 0)
            first_trunk = i, last_trunk = last_trunk < 0 ? i : last_trunk;
    for (int i = 0; behind && i < g->count; i++)
        if (strcmp(g->parts[i].name, "neck") == 0)
            order[n++] = i;
    for (int i = 0; behind && i < first_trunk; i++)
        if (strcmp(g->parts[i].name, "neck") != 0)
            order[n++] = i;
    for (int i = g->count - 1; behind && i >= 0; i--)
        if (strcmp(g->parts[i].name, "trunk") == 0)
            order[n++] = i;
    for (int i = behind ? first_trunk : 0; i < g->count; i++)
        if (!behind || (strcmp(g->parts[i].name, "neck") != 0 && strcmp(g->parts[i].name, "trunk") != 0))
            order[n++] = i;
    if (!g->flat)
        for (int j = 0; j < n; j++) {
            int i = order[j];
            PoseColor dark = {cones[i].color.r * 0.42f, cones[i].color.g * 0.42f, cones[i].color.b * 0.42f};
            static const PoseColor warm = {1.0f, 0.60f, 0.12f};
            if (part_is_working(g, &g->parts[i])) {
                paint_cone(cv, &cones[i], outline, dark, false, root); /* under a flank's half band */
                Cone band = cones[i];
                if (g->highlight == POSE_GROUP_FLANK)
                    flank_clip(&band, pl->flip);
                paint_cone(cv, &band, outline * (g->highlight == POSE_GROUP_LOWER_BACK ? 3.0f : 2.2f), warm, false,
                           root);
            } else {
                paint_cone(cv, &cones[i], outline, dark, false, root);
            }
        }
    for (int j = 0; j < n; j++) {
        int i = order[j];
        paint_cone(cv, &cones[i], 0.0f, fill_color(g, &g->parts[i], cones[i].color), !g->flat, root);
        if (share > 0.0f && !behind && strcmp(g->parts[i].name, "neck") == 0 && last_trunk >= 0)
            paint_turning_away(cv, g, cones, i, first_trunk, last_trunk, share, root);
    }
}

/* Soft shadows on the mat under each part that rests on it or comes close. */
static void paint_shadow(FigCanvas *cv, const FigPlace *pl, const PoseFigure *fig, int dx, int dy)
{
    float mat_y = pl->oy - (float)dy, sy = fmaxf(2.0f, pl->scale * 0.012f);
    int ya = (int)(mat_y - 1.0f * sy), yb = (int)(mat_y + 0.7f * sy); /* a thin soft line, no smudge */
    for (int g = 0; g < fig->count; g++)
        for (int i = 0; i < fig->groups[g].count && !fig->groups[g].flat; i++) {
            const PosePart *p = &fig->groups[g].parts[i];
            float low = fminf(p->ay - p->ra, p->by - p->rb);
            if (p->clip || low > 0.08f || (p->ra <= 0.0f && p->rb <= 0.0f)) /* a part of no size casts none */
                continue;
            Cone q = cone_place(pl, p, dx, dy);
            float xa = fminf(q.ax, q.bx), xb = fmaxf(q.ax, q.bx), sx = 4.0f + low * pl->scale * 0.6f;
            float peak = 0.24f * expf(-low / 0.03f), inv_sx2 = 1.0f / (sx * sx);
            int xl = (int)(xa - 2.0f * sx), xr = (int)(xb + 2.0f * sx);
            xl = xl < 0 ? 0 : xl, xr = xr > cv->w - 1 ? cv->w - 1 : xr;
            for (int y = ya < 0 ? 0 : ya; y <= yb && y < cv->h; y++) {
                uint32_t *row = cv->px + (size_t)y * (size_t)cv->stride;
                float dyn = ((float)y + 0.5f - mat_y) / sy, row_peak = peak * expf(-dyn * dyn);
                if (row_peak < 0.01f)
                    continue;
                for (int x = xl; x <= xr; x++) {
                    float fx = (float)x + 0.5f, ddx = fx < xa ? xa - fx : fx > xb ? fx - xb : 0.0f;
                    float a = row_peak * (ddx > 0.0f ? expf(-(ddx * ddx) * inv_sx2) : 1.0f);
                    if (a > 0.01f)
                        blend(&row[x], 13.0f, 10.0f, 26.0f, a);
                }
            }
        }
}

/* The chair a seated figure sits on (pose.h POSE_CHAIR_*), standing on the mat line: a seat
 * slab, a front leg, a back leg rising into the back's upright, and a padded back. Painted flat
 * in the mat's colours, seat and pad with the mat's lighter top edge, outlined as the figure is, so
 * it reads as furniture (not a body part) and from across a room. */
static void paint_chair(FigCanvas *cv, const FigPlace *pl, int dx, int dy)
{
    static const PoseColor mat = {140.0f / 255.0f, 148.0f / 255.0f, 217.0f / 255.0f};
    static const PoseColor top = {158.0f / 255.0f, 166.0f / 255.0f, 238.0f / 255.0f};
    static const PoseColor frame = {104.0f / 255.0f, 111.0f / 255.0f, 176.0f / 255.0f};
    const float seat = POSE_CHAIR_SEAT_H, t = POSE_CHAIR_SEAT_T, leg = 0.012f, pad = POSE_CHAIR_BACK_T * 0.5f;
    const float back_x = POSE_CHAIR_BACK_X - pad, front_x = POSE_CHAIR_FRONT_X - 0.028f;
    struct {
        float ax, ay, bx, by, r;
        PoseColor c;
    } part[] = {
        {front_x, leg, front_x, seat - t * 0.5f, leg, frame}, /* front leg */
        {back_x, leg, back_x, POSE_CHAIR_TOP_H - pad, leg, frame}, /* back leg and upright */
        {back_x, seat + 0.11f, back_x - 0.012f, POSE_CHAIR_TOP_H - pad, pad, mat}, /* the back's pad */
        {POSE_CHAIR_BACK_X + t * 0.5f - POSE_CHAIR_BACK_T, seat - t * 0.5f, POSE_CHAIR_FRONT_X - t * 0.5f,
         seat - t * 0.5f, t * 0.5f, mat}, /* the seat */
        {POSE_CHAIR_BACK_X + t * 0.5f - POSE_CHAIR_BACK_T, seat - t * 0.25f, POSE_CHAIR_FRONT_X - t * 0.5f,
         seat - t * 0.25f, t * 0.25f, top}, /* the seat's lighter top edge */
    };
    float outline = fmaxf(1.5f, pl->scale * 0.0035f);
    for (size_t i = 0; i < sizeof part / sizeof part[0]; i++) {
        PosePart q = {part[i].ax, part[i].ay, part[i].bx, part[i].by, part[i].r, part[i].r,
                      part[i].c,  0,          0.0f,       0.0f,       0.0f,      "chair"};
        Cone c = cone_place(pl, &q, dx, dy);
        PoseColor dark = {part[i].c.r * 0.5f, part[i].c.g * 0.5f, part[i].c.b * 0.5f};
        if (part[i].c.r != top.r) /* the top edge lies inside the seat's outline */
            paint_cone(cv, &c, outline, dark, false, NULL);
        paint_cone(cv, &c, 0.0f, part[i].c, false, NULL);
    }
}

/* ------------------------------------------------------------------ public */

/* Place the box (x0..x1, up to y1, over its mat) at scale s, centred on the w x h stage. */
static void place_box(float x0, float x1, float y1, int w, int h, bool flip, float s, FigLayout *out)
{
    float fw = fmaxf(x1 - x0, 0.05f), fh = fmaxf(y1 + FIGPAINT_MAT_THICK_H, 0.05f);
    FigPlace *pl = &out->place;
    pl->scale = s;
    pl->flip = flip;
    pl->narrow = 0.0f;
    float cx = (x0 + x1) * 0.5f;
    pl->ox = (float)w * 0.5f + (flip ? cx : -cx) * s;
    pl->oy = ((float)h + fh * s) * 0.5f - FIGPAINT_MAT_THICK_H * s;
    float half = fw * 0.5f * s + FIGPAINT_MAT_MARGIN_H * s;
    out->mat_x0 = fmaxf(0.0f, (float)w * 0.5f - half);
    out->mat_x1 = fminf((float)w, (float)w * 0.5f + half);
    out->mat_y = pl->oy;
    out->mat_h = FIGPAINT_MAT_THICK_H * s;
}

/* Fit the box x0..x1 (up to y1 above the mat) into a w x h stage. */
static void fit_box(float x0, float x1, float y1, int w, int h, bool flip, FigLayout *out)
{
    float fw = fmaxf(x1 - x0, 0.05f), fh = fmaxf(y1 + FIGPAINT_MAT_THICK_H, 0.05f);
    place_box(x0, x1, y1, w, h, flip, fminf((float)w * FIGPAINT_FILL / fw, (float)h * FIGPAINT_FILL / fh), out);
}

void figpaint_fit(const PoseMove *m, int w, int h, bool flip, FigLayout *out)
{
    fit_box(m->x0, m->x1, m->y1, w, h, flip, out);
}

void figpaint_fit_at(const PoseMove *m, AnimMode mode, int anim_ms, int anim_length_ms, int rep_hold_ms, int w, int h,
                     bool flip, FigLayout *out)
{
    float x0, x1, y0, y1;
    pose_move_box_at(m, mode, anim_ms, anim_length_ms, rep_hold_ms, &x0, &x1, &y0, &y1);
    fit_box(x0, x1, y1, w, h, flip, out);
}

/* ---- fitting clear of a corner ---- */

/* The air (px) a figure drawn at s px per H keeps from a corner: the working limb's wide outline,
 * the anti-aliased edge, a little air. */
static float clear_margin(float s)
{
    return 2.0f + s * 0.012f;
}

/* The figure placed by pl, its parts above bottom + margin (stage px): its leftmost and rightmost
 * pixel x (*lx > *rx when nothing is that high). */
static void reach_px(const PoseMove *m, AnimMode mode, int anim_ms, int len, int hold, const FigPlace *pl, float bottom,
                     float margin, float *lx, float *rx)
{
    float y_cut = (pl->oy - (bottom + margin)) / pl->scale; /* H above the mat */
    float x0, x1;
    pose_move_reach_at(m, mode, anim_ms, len, hold, y_cut, &x0, &x1);
    if (x0 > x1) {
        *lx = 1e9f, *rx = -1e9f;
        return;
    }
    *lx = pl->flip ? pl->ox - x1 * pl->scale : pl->ox + x0 * pl->scale;
    *rx = pl->flip ? pl->ox - x0 * pl->scale : pl->ox + x1 * pl->scale;
}

/* The shifts sx (px, + right) that keep the figure placed by pl clear of both corners of k:
 * [*lo, *hi], within the stage's edge margins (-max_left..max_right); true when there is one. */
static bool clear_shifts(const PoseMove *m, AnimMode mode, int anim_ms, int len, int hold, const FigPlace *pl,
                         const FigKeepOut *k, float margin, float max_left, float max_right, float *lo, float *hi)
{
    float lx, rx;
    *lo = -max_left, *hi = max_right;
    if (k->w > 0 && k->h > 0) { /* the top right corner: the right edge at most k's left edge */
        reach_px(m, mode, anim_ms, len, hold, pl, (float)(k->y + k->h), margin, &lx, &rx);
        if (rx > lx)
            *hi = fminf(*hi, (float)k->x - margin - rx);
    }
    if (k->left_w > 0 && k->left_h > 0) { /* the top left corner: the left edge at least its right edge */
        reach_px(m, mode, anim_ms, len, hold, pl, (float)k->left_h, margin, &lx, &rx);
        if (rx > lx)
            *lo = fmaxf(*lo, (float)k->left_w + margin - lx);
    }
    return *lo <= *hi;
}

/* Try scale s: the centred placement moved sideways just enough to clear k's corners, as far as
 * the stage's edge margin lets it, and else down just enough (shifted as little as clears them
 * there), the mat's bottom staying inside the stage. Sideways first, so a figure does not jump
 * between the two as the camera closes in. Fills *out (the figure and its mat moved together) and
 * returns true when that clears k. */
static bool try_clear(const PoseMove *m, AnimMode mode, int anim_ms, int len, int hold, float b[4], int w, int h,
                      bool flip, float s, const FigKeepOut *k, FigLayout *out)
{
    place_box(b[0], b[1], b[3], w, h, flip, s, out);
    float margin = clear_margin(s);
    float half = (b[1] - b[0]) * 0.5f * s; /* the box's half width; centred, its edges are w/2 -+ half */
    float edge = (float)w * 0.015f;
    float max_left = fmaxf(0.0f, (float)w * 0.5f - half - edge), max_right = max_left;
    float lo, hi, dy = 0.0f;
    FigPlace pl = out->place;
    if (!clear_shifts(m, mode, anim_ms, len, hold, &pl, k, margin, max_left, max_right, &lo, &hi)) {
        float dy_max = (float)h * (1.0f - 0.015f) - (out->place.oy + out->mat_h);
        pl.oy = out->place.oy + dy_max;
        if (dy_max <= 0.0f || !clear_shifts(m, mode, anim_ms, len, hold, &pl, k, margin, max_left, max_right, &lo, &hi))
            return false;
        float a = 0.0f, z = dy_max; /* the corners only free up as the figure goes down */
        for (int i = 0; i < 10; i++) {
            pl.oy = out->place.oy + (a + z) * 0.5f;
            if (clear_shifts(m, mode, anim_ms, len, hold, &pl, k, margin, max_left, max_right, &lo, &hi))
                z = (a + z) * 0.5f;
            else
                a = (a + z) * 0.5f;
        }
        dy = z;
        pl.oy = out->place.oy + dy;
        clear_shifts(m, mode, anim_ms, len, hold, &pl, k, margin, max_left, max_right, &lo, &hi);
    }
    float sx = lo > 0.0f ? lo : hi < 0.0f ? hi : 0.0f; /* as little as clears both */
    out->place.ox += sx, out->place.oy += dy, out->mat_y += dy;
    out->mat_x0 = fmaxf(0.0f, out->mat_x0 + sx), out->mat_x1 = fminf((float)w, out->mat_x1 + sx);
    return true;
}

/* The largest scale up to s0 at which try_clear clears k (0 when none does). */
static float clear_scale(const PoseMove *m, AnimMode mode, int anim_ms, int len, int hold, float b[4], int w, int h,
                         bool flip, float s0, const FigKeepOut *k)
{
    FigLayout tmp;
    if (try_clear(m, mode, anim_ms, len, hold, b, w, h, flip, s0, k, &tmp))
        return s0;
    float lo = 0.0f, hi = s0; /* halve the interval a dozen times */
    for (int i = 0; i < 12; i++) {
        float mid = (lo + hi) * 0.5f;
        if (try_clear(m, mode, anim_ms, len, hold, b, w, h, flip, mid, k, &tmp))
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

void figpaint_fit_clear(const PoseMove *m, AnimMode mode, int anim_ms, int anim_length_ms, int rep_hold_ms, int w,
                        int h, bool flip, const FigKeepOut *k, FigLayout *out)
{
    float b[4];
    pose_move_box_at(m, mode, anim_ms, anim_length_ms, rep_hold_ms, &b[0], &b[1], &b[2], &b[3]);
    fit_box(b[0], b[1], b[3], w, h, flip, out);
    if (!k || ((k->w <= 0 || k->h <= 0) && (k->left_w <= 0 || k->left_h <= 0)))
        return;
    float s0 = out->place.scale;
    float s = clear_scale(m, mode, anim_ms, anim_length_ms, rep_hold_ms, b, w, h, flip, s0, k);
    /* a mirrored sided move: both sides the same size, one moved aside if need be (a swapped side
     * of `other_side far` has the same outline, the same way round: it fits as this one does) */
    if (pose_move_mirrored(m, SIDES_LEFT) || pose_move_mirrored(m, SIDES_RIGHT))
        s = fminf(s, clear_scale(m, mode, anim_ms, anim_length_ms, rep_hold_ms, b, w, h, !flip, s0, k));
    if (s > 0.0f && try_clear(m, mode, anim_ms, anim_length_ms, rep_hold_ms, b, w, h, flip, s, k, out))
        return;
    /* no move clears k at any size (a corner as tall as the stage): the band below its corners */
    int below = k->w > 0 && k->h > 0 ? k->y + k->h : 0;
    below = k->left_w > 0 && k->left_h > 0 && k->left_h > below ? k->left_h : below;
    int top = below + (int)ceilf(2.0f + s0 * 0.012f);
    fit_box(b[0], b[1], b[3], w, h - top > 1 ? h - top : 1, flip, out);
    out->place.oy += (float)top, out->mat_y += (float)top;
}

void figpaint_turn(const FigLayout *from, const FigLayout *to, float u, FigLayout *out)
{
    u = u < 0.0f ? 0.0f : u > 1.0f ? 1.0f : u;
    float w = u * u * (3.0f - 2.0f * u), v = 1.0f - w;
    FigLayout t = *to; /* out may be to */
    to = &t;
    *out = t;
    out->place.scale = from->place.scale * v + to->place.scale * w;
    out->place.ox = from->place.ox * v + to->place.ox * w;
    out->place.oy = from->place.oy * v + to->place.oy * w;
    /* a point at x (H) is at ox_from -+ x s in the one picture and ox_to +- x s in the other: the
     * straight way between them scales x by 2w - 1, which turns the picture over halfway */
    float f = 2.0f * w - 1.0f;
    out->place.flip = f < 0.0f ? !to->place.flip : to->place.flip;
    out->place.narrow = 1.0f - fabsf(f);
    out->mat_x0 = from->mat_x0 * v + to->mat_x0 * w, out->mat_x1 = from->mat_x1 * v + to->mat_x1 * w;
    out->mat_y = from->mat_y * v + to->mat_y * w, out->mat_h = from->mat_h * v + to->mat_h * w;
}

void figpaint_fit_turn(const PoseMove *m, AnimMode mode, int anim_ms, int anim_length_ms, int rep_hold_ms, int w, int h,
                       bool flip, float turn, const FigKeepOut *k, FigLayout *out)
{
    figpaint_fit_clear(m, mode, anim_ms, anim_length_ms, rep_hold_ms, w, h, flip, k, out);
    if (turn >= 0.0f && turn < 1.0f && !pose_move_faces_viewer(m)) {
        FigLayout from;
        figpaint_fit_clear(m, mode, anim_ms, anim_length_ms, rep_hold_ms, w, h, !flip, k, &from);
        figpaint_turn(&from, out, turn, out);
    }
}

void figpaint_layout_mix(const FigLayout *a, const FigLayout *b, float w, FigLayout *out)
{
    FigLayout t = *b; /* out may be a or b */
    float v = 1.0f - w;
    t.place.scale = a->place.scale * v + b->place.scale * w;
    t.place.ox = a->place.ox * v + b->place.ox * w, t.place.oy = a->place.oy * v + b->place.oy * w;
    t.mat_x0 = a->mat_x0 * v + b->mat_x0 * w, t.mat_x1 = a->mat_x1 * v + b->mat_x1 * w;
    t.mat_y = a->mat_y * v + b->mat_y * w, t.mat_h = a->mat_h * v + b->mat_h * w;
    *out = t;
}

/* The x (H) of fig's pelvis: the middle of the torso's "pelvis" part, or 0. */
static float pelvis_x(const PoseFigure *fig)
{
    for (int g = 0; fig && g < fig->count; g++)
        for (int i = 0; fig->groups[g].id == POSE_GROUP_TORSO && i < fig->groups[g].count; i++)
            if (strcmp(fig->groups[g].parts[i].name, "pelvis") == 0)
                return (fig->groups[g].parts[i].ax + fig->groups[g].parts[i].bx) * 0.5f;
    return 0.0f;
}

/* Whether framing b moved from a by more than FIGPAINT_CAMERA_JUMP (of the scale, or of the
 * w x h stage sideways or up and down). */
static bool framing_jumped(const FigLayout *a, const FigLayout *b, int w, int h)
{
    return a->place.scale <= 0.0f || fabsf(b->place.scale / a->place.scale - 1.0f) > FIGPAINT_CAMERA_JUMP ||
           fabsf(b->place.ox - a->place.ox) > FIGPAINT_CAMERA_JUMP * (float)w ||
           fabsf(b->place.oy - a->place.oy) > FIGPAINT_CAMERA_JUMP * (float)h;
}

/* Grow *lo..*hi (px) by the x extent of fig placed by pl over what of it rises above y_cut (H above
 * the mat): each part's outline, a round cone whose height y + r changes linearly along it, so the
 * extent is taken at the ends of the stretch of it above y_cut; the chair's back too. */
static void reach_fig(const PoseFigure *fig, const FigPlace *pl, float y_cut, float *lo, float *hi)
{
    float f = (pl->flip ? -1.0f : 1.0f) * (1.0f - pl->narrow), s = pl->scale;
    if (fig->chair && POSE_CHAIR_TOP_H > y_cut) {
        float a = pl->ox + f * (POSE_CHAIR_BACK_X - POSE_CHAIR_BACK_T) * s, b = pl->ox + f * POSE_CHAIR_FRONT_X * s;
        *lo = fminf(*lo, fminf(a, b)), *hi = fmaxf(*hi, fmaxf(a, b));
    }
    for (int g = 0; g < fig->count; g++)
        for (int i = 0; i < fig->groups[g].count; i++) {
            const PosePart *p = &fig->groups[g].parts[i];
            float ha = p->ay + p->ra, hb = p->by + p->rb;
            if (ha < y_cut && hb < y_cut)
                continue;
            float t[2] = {0.0f, 1.0f};
            if (ha < y_cut)
                t[0] = (y_cut - ha) / (hb - ha);
            else if (hb < y_cut)
                t[1] = (ha - y_cut) / (ha - hb);
            for (int e = 0; e < 2; e++) {
                float x = pl->ox + f * (p->ax + (p->bx - p->ax) * t[e]) * s, r = (p->ra + (p->rb - p->ra) * t[e]) * s;
                *lo = fminf(*lo, x - r), *hi = fmaxf(*hi, x + r);
            }
        }
}

/* How far (px) fig placed by pl reaches into the top right corner of k (right) or its top left one
 * (!right), margin included: what of it rises above the corner's bottom crosses the corner's inner
 * edge by this much; < 0: clear by that much (-1e9: no such corner). */
static float corner_excess_of(const PoseFigure *fig, const FigPlace *pl, const FigKeepOut *k, bool right)
{
    float margin = clear_margin(pl->scale), lo = 1e9f, hi = -1e9f;
    if (pl->scale <= 0.0f)
        return -1e9f;
    if (right && k->w > 0 && k->h > 0) {
        reach_fig(fig, pl, (pl->oy - (float)(k->y + k->h) - margin) / pl->scale, &lo, &hi);
        return hi >= lo ? hi + margin - (float)k->x : -1e9f;
    }
    if (!right && k->left_w > 0 && k->left_h > 0) {
        reach_fig(fig, pl, (pl->oy - (float)k->left_h - margin) / pl->scale, &lo, &hi);
        return hi >= lo ? (float)k->left_w + margin - lo : -1e9f;
    }
    return -1e9f;
}

/* Whether fig placed by pl reaches further into a corner of k than the camera's ease allows: no
 * further than the goal g does; the top left one (a card or a badge's room, drawn only once the
 * figure is settled in it) not at all when the figure stood in it as the ease began (c->left_in):
 * the room is new, and the figure leaves it over the ease. */
static bool corner_over(const FigCamera *c, const PoseFigure *fig, const FigPlace *pl, const FigPlace *g,
                        const FigKeepOut *k)
{
    if (corner_excess_of(fig, pl, k, true) > fmaxf(corner_excess_of(fig, g, k, true), 0.0f))
        return true;
    return !c->left_in && corner_excess_of(fig, pl, k, false) > fmaxf(corner_excess_of(fig, g, k, false), 0.0f);
}

/* Whether the follow's layout a is where b is: the scale within 0.05%, the rest within 0.25 px. */
static bool follow_near(const FigLayout *a, const FigLayout *b)
{
    return fabsf(a->place.scale - b->place.scale) <= 0.0005f * b->place.scale &&
           fabsf(a->place.ox - b->place.ox) <= 0.25f && fabsf(a->place.oy - b->place.oy) <= 0.25f &&
           fabsf(a->mat_x0 - b->mat_x0) <= 0.25f && fabsf(a->mat_x1 - b->mat_x1) <= 0.25f &&
           fabsf(a->mat_y - b->mat_y) <= 0.25f;
}

/* From at, on at the pace it came from prev (v times the step prev -> at), but no further than
 * goal, and not at all when that pace leads away from goal. */
static float toward(float at, float prev, float v, float goal)
{
    float to = at + (at - prev) * v;
    if ((goal - at) * (to - at) <= 0.0f)
        return at;
    return fabsf(to - at) < fabsf(goal - at) ? to : goal;
}

/* Move c's follow (its first lag c->mid, its second *fol: what is drawn) on to camera time now
 * toward want, in FIGPAINT_CAMERA_FOLLOW_STEP_MS steps; caught up (within follow_near of want),
 * both are want. Sets c->still. */
static void camera_follow(FigCamera *c, const FigLayout *want, long long now, FigLayout *fol)
{
    long long steps = (now - c->follow_t) / FIGPAINT_CAMERA_FOLLOW_STEP_MS;
    c->follow_t += steps * FIGPAINT_CAMERA_FOLLOW_STEP_MS;
    float a = 1.0f - expf(-(float)FIGPAINT_CAMERA_FOLLOW_STEP_MS / (float)FIGPAINT_CAMERA_FOLLOW_MS);
    if (steps > 20 * FIGPAINT_CAMERA_FOLLOW_MS / FIGPAINT_CAMERA_FOLLOW_STEP_MS) /* long gone: caught up */
        c->mid = *want, *fol = *want;
    for (long long i = 0; i < steps && !follow_near(fol, want); i++) {
        figpaint_layout_mix(&c->mid, want, a, &c->mid);
        figpaint_layout_mix(fol, &c->mid, a, fol);
    }
    /* the picture (flip, narrow) is always want's, as an ease's is */
    c->mid.place.flip = fol->place.flip = want->place.flip;
    c->mid.place.narrow = fol->place.narrow = want->place.narrow;
    c->still = follow_near(fol, want) && follow_near(&c->mid, want);
    if (c->still)
        c->mid = *want, *fol = *want;
}

void figpaint_camera(FigCamera *c, int figure, const PoseFigure *fig, int w, int h, const FigLayout *target,
                     const FigKeepOut *k, long long now_ms, FigLayout *out)
{
    FigLayout goal = *target; /* out may be target */
    FigLayout fol = c->last; /* the follow: where the camera is */
    float x = pelvis_x(fig);
    /* the camera's own time: the clock's steps forward (a session's clock stands still while
     * paused and may step back a tick as it pauses; another clock may start anywhere) */
    if (!c->shown)
        c->t = now_ms, c->first = now_ms, c->began = -1, c->settled = false;
    else if (now_ms > c->clock)
        c->t += now_ms - c->clock;
    c->clock = now_ms;
    long long dt = c->shown ? c->t - c->drawn_t : 0; /* since the last frame (ms) */
    long long now = c->t;
    bool fresh = !c->shown || c->w != w || c->h != h;
    if (fresh) {
        c->ease_at = -1; /* a first frame, or another stage: nothing to ease from */
        c->settled = c->settled || c->shown; /* another stage: framed afresh, as any camera would */
    } else if (figure != c->figure || (goal.place.flip != c->goal.place.flip && goal.place.narrow == 0.0f &&
                                       c->goal.place.narrow == 0.0f && framing_jumped(&c->goal, &goal, w, h))) {
        /* from the last camera, moved along the mat so the pelvis stays where it was drawn; across
         * a change of picture too (a roll ends on its pose's mirror image and what follows is
         * drawn turned round: the same body, which jumped 0.13 of the stage sideways in one frame
         * as the figure after way_back_to_standing began); also one figure's other side drawn as
         * its mirror image with no turn to narrow it (the side bend, facing the viewer, framed
         * 7% larger for its right side: it grew in one frame at "Switch sides") */
        float fl = c->last.place.flip ? -1.0f : 1.0f, fg = goal.place.flip ? -1.0f : 1.0f;
        float dx = c->last.place.scale * (fl * c->last_x - fg * x);
        c->from = c->last, c->ease_at = now, c->ahead = 0.0f;
        c->from.place.flip = goal.place.flip;
        c->from.place.ox += dx, c->from.mat_x0 += dx, c->from.mat_x1 += dx;
        fol = c->from; /* the follow moved with it, so the pelvis stays put */
        c->mid.place.flip = goal.place.flip;
        c->mid.place.ox += dx, c->mid.mat_x0 += dx, c->mid.mat_x1 += dx;
    }
    if (c->ease_at == now) {
        c->began = now;
        /* the figure stands in the top left corner where the ease begins: a room kept from now on
         * (the knees' card of a get-ready after a rest framed without it), which the figure leaves
         * over the ease instead of in one frame (it dropped 140 px at 1080p) */
        c->left_in = k && fig && corner_excess_of(fig, &c->from.place, k, false) > 0.0f;
    }
    /* from here on, a camera that saw the frames before the first would be where this one is: the
     * ease (if any) it was in then is over, and so is any it began from a framing that one differed in */
    if (now - c->first >= FIGPAINT_CAMERA_SETTLE_MS && (c->began < 0 || now - c->began >= FIGPAINT_CAMERA_SETTLE_MS))
        c->settled = true;
    c->goal = goal;
    *out = goal;
    if (c->ease_at >= 0) {
        float u = (float)(now - c->ease_at) / (float)FIGPAINT_CAMERA_MS;
        if (u >= 1.0f || u < 0.0f) {
            c->ease_at = -1;
        } else {
            float e = fmaxf(u * u * (3.0f - 2.0f * u), c->ahead);
            figpaint_layout_mix(&c->from, &goal, e, out);
            /* each framing eased through keeps the figure drawn now as clear of k's corners as the
             * goal does (they are fitted clear; the ones between are not: the head went up to
             * 54 px under "It hurts" as the camera eased out from a low pose while the body rose):
             * where it does not, the ease goes on ahead, as little as clears it, and never back */
            if (k && fig && corner_over(c, fig, &out->place, &goal.place, k)) {
                float lo = e, hi = 1.0f; /* hi clears, as the goal does */
                for (int i = 0; i < 12; i++) {
                    figpaint_layout_mix(&c->from, &goal, (lo + hi) * 0.5f, out);
                    if (corner_over(c, fig, &out->place, &goal.place, k))
                        lo = (lo + hi) * 0.5f;
                    else
                        hi = (lo + hi) * 0.5f;
                }
                e = hi;
                figpaint_layout_mix(&c->from, &goal, e, out);
            }
            c->ahead = e;
        }
    }
    /* the camera follows that framing (figpaint.h): from where it was, or is put at once */
    const FigLayout want = *out;
    if (fresh) {
        c->mid = want, fol = want, c->follow_t = now, c->still = true;
    } else {
        camera_follow(c, &want, now, &fol);
        /* as an ease: no further into k's corners than the framing goes, hurrying on as little
         * as clears them */
        c->hurried = !c->still && k && fig && corner_over(c, fig, &fol.place, &goal.place, k);
        if (c->hurried) {
            float lo = 0.0f, hi = 1.0f;
            FigLayout t;
            for (int i = 0; i < 12; i++) {
                figpaint_layout_mix(&fol, &want, (lo + hi) * 0.5f, &t);
                if (corner_over(c, fig, &t.place, &goal.place, k))
                    lo = (lo + hi) * 0.5f;
                else
                    hi = (lo + hi) * 0.5f;
            }
            figpaint_layout_mix(&fol, &want, hi, &fol);
            /* the first lag put where the follow goes on at the pace it was hurried at (the second
             * lag moves (mid - fol) / FIGPAINT_CAMERA_FOLLOW_MS a ms), so it slows down gently
             * where the corner lets it go, not at once (1.8% a frame to none); but never past the
             * framing asked for: that pace, one frame's step carried FIGPAINT_CAMERA_FOLLOW_MS
             * on, is ~15 frames' worth at 60 Hz, and put past it the follow went on away from the
             * framing (a seated figure shrank to half its size for a second as its move began) */
            float v = dt > 0 ? (float)FIGPAINT_CAMERA_FOLLOW_MS / (float)dt : 0.0f;
            c->mid = fol;
            c->mid.place.scale = toward(fol.place.scale, c->last.place.scale, v, want.place.scale);
            c->mid.place.oy = toward(fol.place.oy, c->last.place.oy, v, want.place.oy);
            c->mid.mat_y = toward(fol.mat_y, c->last.mat_y, v, want.mat_y);
            c->mid.mat_h = toward(fol.mat_h, c->last.mat_h, v, want.mat_h);
            /* sideways from where the figure was drawn (a change of figure moved it: c->from) */
            const FigLayout *side = c->ease_at == now ? &c->from : &c->last;
            c->mid.place.ox = toward(fol.place.ox, side->place.ox, v, want.place.ox);
            c->mid.mat_x0 = toward(fol.mat_x0, side->mat_x0, v, want.mat_x0);
            c->mid.mat_x1 = toward(fol.mat_x1, side->mat_x1, v, want.mat_x1);
        }
    }
    *out = fol;
    c->shown = true, c->figure = figure, c->w = w, c->h = h, c->last = *out, c->last_x = x, c->drawn_t = now;
}

void figpaint_box(const PoseFigure *fig, const FigPlace *pl, int *x0, int *y0, int *x1, int *y1)
{
    float fx0 = 1e9f, fx1 = -1e9f, fy0 = 1e9f, fy1 = -1e9f;
    pose_figure_extent(fig, &fx0, &fx1, &fy0, &fy1);
    if (fx0 > fx1) {
        *x0 = *y0 = *x1 = *y1 = 0;
        return;
    }
    float pad = 3.0f + pl->scale * 0.02f, shadow = 4.0f + pl->scale * 0.06f; /* outline and edge; shadow */
    float f = (pl->flip ? -1.0f : 1.0f) * (1.0f - pl->narrow);
    float a = pl->ox + fminf(f * fx0, f * fx1) * pl->scale, b = pl->ox + fmaxf(f * fx0, f * fx1) * pl->scale;
    *x0 = (int)floorf(a - pad - shadow), *x1 = (int)ceilf(b + pad + shadow);
    *y0 = (int)floorf(pl->oy - fy1 * pl->scale - pad);
    *y1 = (int)ceilf(fmaxf(pl->oy - fy0 * pl->scale + pad, pl->oy + 1.5f * fmaxf(2.0f, pl->scale * 0.012f) + 1.0f));
}

void figpaint_figure(FigCanvas *c, const PoseFigure *fig, const FigPlace *pl, int dx, int dy)
{
    float root[FIGPAINT_ROOT_STEPS];
    for (int i = 0; i < FIGPAINT_ROOT_STEPS; i++)
        root[i] = sqrtf(1.0f - (float)i / (float)(FIGPAINT_ROOT_STEPS - 1));
    if (fig->chair)
        paint_chair(c, pl, dx, dy);
    paint_shadow(c, pl, fig, dx, dy);
    float behind = figure_seen_from_behind(fig);
    for (int g = 0; g < fig->count; g++)
        paint_group(c, pl, &fig->groups[g], dx, dy, root, behind);
}
