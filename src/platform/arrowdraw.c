/* arrowdraw.c: paint the motion arrows into a texture cropped to them and copy it (arrowdraw.h).
 * The shape is a signed distance: a thick curve (a quadratic through the arrow's middle point)
 * and a triangle head, filled, outlined and anti-aliased by distance. */
#include "arrowdraw.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define ARROWDRAW_CURVE_STEPS 16 /* segments of a shaft's curve */
#define ARROWDRAW_HEAD_LEN 2.2f /* the head's length, in shaft widths */
#define ARROWDRAW_HEAD_WIDE 2.6f /* the head's width, in shaft widths */
#define ARROWDRAW_OUTLINE 0.28f /* the dark edge, in shaft widths (3 px at least) */

typedef struct {
    float px[ARROWDRAW_CURVE_STEPS + 1], py[ARROWDRAW_CURVE_STEPS + 1];
    int n; /* points of the shaft */
    float hx[3], hy[3]; /* the head: tip, then the base's two corners */
} ArrowShape;

/* One arrow's texture, painted and copied on its own: two arrows (bird dog's) far apart are two
 * small boxes, not one over the figure between them. */
typedef struct {
    SDL_Renderer *r;
    SDL_Texture *tex;
    int tw, th; /* the texture's size */
    uint64_t serial;
    SDL_Rect box; /* where the painted arrows go on the screen */
    int key[ARROWS_MAX * 6 + 3]; /* what was painted: the points to the pixel, the width, the strength */
    bool painted;
} ArrowPiece;

struct ArrowDraw {
    ArrowPiece piece[ARROWS_MAX];
};

ArrowDraw *arrowdraw_new(SDL_Renderer *r)
{
    ArrowDraw *d = calloc(1, sizeof *d);
    for (int i = 0; d && i < ARROWS_MAX; i++)
        d->piece[i].r = r;
    return d;
}

void arrowdraw_free(ArrowDraw *d, DrawList *dl)
{
    if (!d)
        return;
    for (int i = 0; i < ARROWS_MAX; i++) {
        ArrowPiece *p = &d->piece[i];
        if (p->tex)
            drawlist_destroy_texture(dl, p->tex);
    }
    free(d);
}

/* The shaft (a quadratic Bezier through the middle point, cut short of the tip by the head) and
 * the head of arrow p, shaft width w. */
static void arrowdraw_shape(const ArrowPath *p, float w, ArrowShape *s)
{
    /* control point so the curve passes through the middle point at its half-way */
    float cx = 2.0f * p->x[1] - (p->x[0] + p->x[2]) / 2.0f, cy = 2.0f * p->y[1] - (p->y[0] + p->y[2]) / 2.0f;
    float bx[ARROWDRAW_CURVE_STEPS + 1], by[ARROWDRAW_CURVE_STEPS + 1];
    for (int i = 0; i <= ARROWDRAW_CURVE_STEPS; i++) {
        float t = (float)i / ARROWDRAW_CURVE_STEPS, u = 1.0f - t;
        bx[i] = u * u * p->x[0] + 2.0f * u * t * cx + t * t * p->x[2];
        by[i] = u * u * p->y[0] + 2.0f * u * t * cy + t * t * p->y[2];
    }
    float total = 0.0f;
    for (int i = 0; i < ARROWDRAW_CURVE_STEPS; i++)
        total += hypotf(bx[i + 1] - bx[i], by[i + 1] - by[i]);
    float head = ARROWDRAW_HEAD_LEN * w;
    if (head > total * 0.6f) /* a short arrow keeps a shaft */
        head = total * 0.6f;
    /* walk back from the tip by head along the curve: the base of the head */
    float left = head, nx = bx[ARROWDRAW_CURVE_STEPS], ny = by[ARROWDRAW_CURVE_STEPS];
    int cut = ARROWDRAW_CURVE_STEPS;
    while (cut > 0) {
        float seg = hypotf(bx[cut] - bx[cut - 1], by[cut] - by[cut - 1]);
        if (seg >= left) {
            float f = seg > 0.0f ? left / seg : 0.0f;
            nx = bx[cut] + (bx[cut - 1] - bx[cut]) * f, ny = by[cut] + (by[cut - 1] - by[cut]) * f;
            break;
        }
        left -= seg;
        cut--;
        nx = bx[cut], ny = by[cut];
    }
    s->n = 0;
    for (int i = 0; i < cut; i++)
        s->px[s->n] = bx[i], s->py[s->n++] = by[i];
    s->px[s->n] = nx, s->py[s->n++] = ny;
    float dx = p->x[2] - nx, dy = p->y[2] - ny, len = hypotf(dx, dy);
    if (len < 1e-3f)
        dx = 1.0f, dy = 0.0f, len = 1.0f;
    float ux = dx / len, uy = dy / len, half = ARROWDRAW_HEAD_WIDE * w / 2.0f;
    s->hx[0] = p->x[2], s->hy[0] = p->y[2];
    s->hx[1] = nx - uy * half, s->hy[1] = ny + ux * half;
    s->hx[2] = nx + uy * half, s->hy[2] = ny - ux * half;
}

static float arrowdraw_seg_dist(float x, float y, float ax, float ay, float bx, float by)
{
    float dx = bx - ax, dy = by - ay, l2 = dx * dx + dy * dy;
    float t = l2 > 0.0f ? ((x - ax) * dx + (y - ay) * dy) / l2 : 0.0f;
    t = t < 0.0f ? 0.0f : t > 1.0f ? 1.0f : t;
    float ex = x - ax - dx * t, ey = y - ay - dy * t;
    return sqrtf(ex * ex + ey * ey);
}

/* Signed distance from (x, y) to the head of s (negative inside). */
static float arrowdraw_head_dist(const ArrowShape *s, float x, float y)
{
    float edge = 1e9f;
    bool inside = true;
    float area = (s->hx[1] - s->hx[0]) * (s->hy[2] - s->hy[0]) - (s->hy[1] - s->hy[0]) * (s->hx[2] - s->hx[0]);
    for (int i = 0; i < 3; i++) {
        int j = (i + 1) % 3;
        float e = arrowdraw_seg_dist(x, y, s->hx[i], s->hy[i], s->hx[j], s->hy[j]);
        edge = e < edge ? e : edge;
        float c = (s->hx[j] - s->hx[i]) * (y - s->hy[i]) - (s->hy[j] - s->hy[i]) * (x - s->hx[i]);
        if ((area > 0.0f && c < 0.0f) || (area < 0.0f && c > 0.0f))
            inside = false;
    }
    return inside ? -edge : edge;
}

static Uint32 arrowdraw_argb(float a, int r, int g, int b)
{
    int ai = (int)(a * 255.0f + 0.5f);
    ai = ai < 0 ? 0 : ai > 255 ? 255 : ai;
    return (Uint32)ai << 24 | (Uint32)r << 16 | (Uint32)g << 8 | (Uint32)b;
}

/* The pixels of d->box within grow of the points xs, ys (n of them): *x0..*x1, *y0..*y1 (box
 * coordinates, exclusive ends); false when none. */
static bool arrowdraw_span(const ArrowPiece *d, const float *xs, const float *ys, int n, float grow, int *x0, int *y0,
                           int *x1, int *y1)
{
    float lx = 1e9f, ly = 1e9f, hx = -1e9f, hy = -1e9f;
    for (int i = 0; i < n; i++)
        lx = fminf(lx, xs[i]), hx = fmaxf(hx, xs[i]), ly = fminf(ly, ys[i]), hy = fmaxf(hy, ys[i]);
    *x0 = (int)floorf(lx - grow) - d->box.x, *x1 = (int)ceilf(hx + grow) - d->box.x;
    *y0 = (int)floorf(ly - grow) - d->box.y, *y1 = (int)ceilf(hy + grow) - d->box.y;
    *x0 = *x0 < 0 ? 0 : *x0, *y0 = *y0 < 0 ? 0 : *y0;
    *x1 = *x1 > d->box.w ? d->box.w : *x1, *y1 = *y1 > d->box.h ? d->box.h : *y1;
    return *x0 < *x1 && *y0 < *y1;
}

/* Pixel i of a locked texture row holds a float while painting (its distance to the nearest
 * shape), then the colour made from it: memcpy, so no pointer of the other type reads it. */
static float arrowdraw_dist_get(const Uint32 *row, int x)
{
    float f;
    memcpy(&f, &row[x], sizeof f);
    return f;
}

static void arrowdraw_dist_set(Uint32 *row, int x, float f)
{
    memcpy(&row[x], &f, sizeof f);
}

/* Paint the shapes into px (d->box's size, stride words a row: the locked texture): each shaft
 * segment and head measured only over the pixels near it (its box grown by the shaft's half width
 * and the edge), the nearest distance kept in the pixel itself, then each pixel coloured by it.
 * No buffer beside the texture: 4 bytes a pixel while painting, not 12. */
static void arrowdraw_paint(const ArrowPiece *d, Uint32 *px, int stride, const ArrowShape *shapes, int count, float w,
                            float alpha)
{
    float edge = fmaxf(3.0f, ARROWDRAW_OUTLINE * w), reach = edge + 1.0f;
    for (int y = 0; y < d->box.h; y++)
        for (int x = 0; x < d->box.w; x++)
            arrowdraw_dist_set(px + (size_t)y * (size_t)stride, x, 1e9f);
    int x0, y0, x1, y1;
    for (int k = 0; k < count; k++) {
        const ArrowShape *s = &shapes[k];
        for (int i = 0; i + 1 < s->n; i++) {
            float xs[2] = {s->px[i], s->px[i + 1]}, ys[2] = {s->py[i], s->py[i + 1]};
            if (!arrowdraw_span(d, xs, ys, 2, w / 2.0f + reach, &x0, &y0, &x1, &y1))
                continue;
            for (int y = y0; y < y1; y++) {
                Uint32 *row = px + (size_t)y * (size_t)stride;
                float fy = (float)(d->box.y + y) + 0.5f;
                for (int x = x0; x < x1; x++) {
                    float e =
                        arrowdraw_seg_dist((float)(d->box.x + x) + 0.5f, fy, xs[0], ys[0], xs[1], ys[1]) - w / 2.0f;
                    if (e < arrowdraw_dist_get(row, x))
                        arrowdraw_dist_set(row, x, e);
                }
            }
        }
        if (!arrowdraw_span(d, s->hx, s->hy, 3, reach, &x0, &y0, &x1, &y1))
            continue;
        for (int y = y0; y < y1; y++) {
            Uint32 *row = px + (size_t)y * (size_t)stride;
            float fy = (float)(d->box.y + y) + 0.5f;
            for (int x = x0; x < x1; x++) {
                float e = arrowdraw_head_dist(s, (float)(d->box.x + x) + 0.5f, fy);
                if (e < arrowdraw_dist_get(row, x))
                    arrowdraw_dist_set(row, x, e);
            }
        }
    }
    for (int y = 0; y < d->box.h; y++) {
        Uint32 *row = px + (size_t)y * (size_t)stride;
        for (int x = 0; x < d->box.w; x++) {
            float dist = arrowdraw_dist_get(row, x);
            Uint32 c = 0;
            if (dist < edge + 0.5f) {
                /* fill inside, the dark edge around it, each edge one pixel soft */
                float fill = dist < -0.5f ? 1.0f : dist > 0.5f ? 0.0f : 0.5f - dist;
                float cover = dist < edge - 0.5f ? 1.0f : edge + 0.5f - dist;
                int r = (int)(ARROWDRAW_FILL_R * fill + 24 * (1.0f - fill) + 0.5f);
                int g = (int)(ARROWDRAW_FILL_G * fill + 22 * (1.0f - fill) + 0.5f);
                int b = (int)(ARROWDRAW_FILL_B * fill + 30 * (1.0f - fill) + 0.5f);
                c = arrowdraw_argb(cover * alpha, r, g, b);
            }
            row[x] = c;
        }
    }
}

/* Draw arrows a (one) through piece d. */
static void arrowdraw_piece(ArrowPiece *d, DrawList *dl, const MoveArrows *a, float alpha)
{
    int step = (int)ceilf(alpha * ARROWDRAW_ALPHA_STEPS);
    step = step > ARROWDRAW_ALPHA_STEPS ? ARROWDRAW_ALPHA_STEPS : step;
    int key[ARROWS_MAX * 6 + 3];
    memset(key, 0, sizeof key);
    for (int i = 0; i < a->count && i < ARROWS_MAX; i++)
        for (int k = 0; k < 3; k++)
            key[i * 6 + k * 2] = (int)lroundf(a->path[i].x[k]), key[i * 6 + k * 2 + 1] = (int)lroundf(a->path[i].y[k]);
    key[ARROWS_MAX * 6] = a->count, key[ARROWS_MAX * 6 + 1] = (int)lroundf(a->width * 4.0f);
    key[ARROWS_MAX * 6 + 2] = step;
    if (!d->painted || memcmp(key, d->key, sizeof key) != 0) {
        ArrowShape shapes[ARROWS_MAX];
        int n = a->count < ARROWS_MAX ? a->count : ARROWS_MAX;
        float w = a->width, pad = fmaxf(3.0f, ARROWDRAW_OUTLINE * w) + ARROWDRAW_HEAD_WIDE * w / 2.0f + 2.0f;
        float x0 = 1e9f, y0 = 1e9f, x1 = -1e9f, y1 = -1e9f;
        for (int i = 0; i < n; i++) {
            arrowdraw_shape(&a->path[i], w, &shapes[i]);
            for (int k = 0; k < 3; k++) {
                /* the curve stays within the triangle of its start, control and tip: the middle
                 * point doubled out of the chord bounds it */
                float cx = 2.0f * a->path[i].x[1] - (a->path[i].x[0] + a->path[i].x[2]) / 2.0f;
                float cy = 2.0f * a->path[i].y[1] - (a->path[i].y[0] + a->path[i].y[2]) / 2.0f;
                float xs[2] = {a->path[i].x[k], cx}, ys[2] = {a->path[i].y[k], cy};
                for (int j = 0; j < 2; j++) {
                    x0 = fminf(x0, xs[j]), x1 = fmaxf(x1, xs[j]);
                    y0 = fminf(y0, ys[j]), y1 = fmaxf(y1, ys[j]);
                }
            }
        }
        SDL_Rect box = {(int)floorf(x0 - pad), (int)floorf(y0 - pad), 0, 0};
        box.w = (int)ceilf(x1 + pad) - box.x, box.h = (int)ceilf(y1 + pad) - box.y;
        if (box.w <= 0 || box.h <= 0 || box.w > 4096 || box.h > 4096)
            return;
        if (!d->tex || d->tw < box.w || d->th < box.h) {
            if (d->tex)
                drawlist_destroy_texture(dl, d->tex);
            d->tw = box.w > d->tw ? box.w : d->tw, d->th = box.h > d->th ? box.h : d->th;
            d->tex = SDL_CreateTexture(d->r, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STREAMING, d->tw, d->th);
            if (!d->tex)
                return;
            SDL_SetTextureBlendMode(d->tex, SDL_BLENDMODE_BLEND);
        } else {
            drawlist_texture_changing(dl, d->tex);
        }
        d->box = box;
        d->painted = false; /* until the new picture is in */
        /* painted in the texture's own pixels (the software renderer's surface): no pixel or
         * distance buffer beside it, which took 8 more bytes a pixel at each of a fade's sixteen
         * steps (about 0.8 MB for a knee hug's arc at 1080p, in a get-ready at a real-time
         * workout's peak) */
        SDL_Rect src = {0, 0, box.w, box.h};
        void *pixels = NULL;
        int pitch = 0;
        if (SDL_LockTexture(d->tex, &src, &pixels, &pitch) != 0)
            return;
        arrowdraw_paint(d, pixels, pitch / (int)sizeof(Uint32), shapes, n, w, (float)step / ARROWDRAW_ALPHA_STEPS);
        SDL_UnlockTexture(d->tex);
        d->serial = drawlist_serial(dl);
        memcpy(d->key, key, sizeof key);
        d->painted = true;
    }
    SDL_Rect src = {0, 0, d->box.w, d->box.h};
    drawlist_copy(dl, d->r, d->tex, d->serial, &src, d->box.x, d->box.y);
}

SDL_Rect arrowdraw_extent(const ArrowPath *p, float w)
{
    ArrowShape s;
    arrowdraw_shape(p, w, &s);
    /* as arrowdraw_paint colours: the shaft w / 2 about its curve, the head inside its triangle,
     * then the edge and its one soft pixel around both */
    float edge = fmaxf(3.0f, ARROWDRAW_OUTLINE * w) + 1.0f, half = w / 2.0f + edge;
    float x0 = 1e9f, y0 = 1e9f, x1 = -1e9f, y1 = -1e9f;
    for (int i = 0; i < s.n; i++)
        x0 = fminf(x0, s.px[i] - half), x1 = fmaxf(x1, s.px[i] + half), y0 = fminf(y0, s.py[i] - half),
        y1 = fmaxf(y1, s.py[i] + half);
    for (int i = 0; i < 3; i++)
        x0 = fminf(x0, s.hx[i] - edge), x1 = fmaxf(x1, s.hx[i] + edge), y0 = fminf(y0, s.hy[i] - edge),
        y1 = fmaxf(y1, s.hy[i] + edge);
    SDL_Rect r = {(int)floorf(x0), (int)floorf(y0), 0, 0};
    r.w = (int)ceilf(x1) - r.x, r.h = (int)ceilf(y1) - r.y;
    return r;
}

/* How far (x, y) is from box b (0 inside it). */
static float arrowdraw_box_dist(float x, float y, SDL_Rect b)
{
    float dx = fmaxf(fmaxf((float)b.x - x, x - (float)(b.x + b.w)), 0.0f);
    float dy = fmaxf(fmaxf((float)b.y - y, y - (float)(b.y + b.h)), 0.0f);
    return hypotf(dx, dy);
}

/* Whether the pixels shape s (shaft width w) paints, moved by (dx, dy), keep gap from box b: its
 * shaft's segments and its head's edges, each with its half width and dark edge (as arrowdraw_paint
 * colours), probed along their length. A slanting arc beside a box clears it where its
 * box (arrowdraw_extent) reaches over the box's corner. */
static bool arrowdraw_shape_clear(const ArrowShape *s, float w, int dx, int dy, SDL_Rect b, int gap)
{
    float edge = fmaxf(3.0f, ARROWDRAW_OUTLINE * w) + 1.0f, half = w / 2.0f + edge;
    for (int i = 0; i + 1 < s->n; i++)
        for (int k = 0; k <= 4; k++) {
            float f = (float)k / 4.0f, x = s->px[i] + (s->px[i + 1] - s->px[i]) * f + (float)dx;
            float y = s->py[i] + (s->py[i + 1] - s->py[i]) * f + (float)dy;
            if (arrowdraw_box_dist(x, y, b) < (float)gap + half)
                return false;
        }
    for (int i = 0; i < 3; i++)
        for (int k = 0; k <= 8; k++) {
            int j = (i + 1) % 3;
            float f = (float)k / 8.0f, x = s->hx[i] + (s->hx[j] - s->hx[i]) * f + (float)dx;
            float y = s->hy[i] + (s->hy[j] - s->hy[i]) * f + (float)dy;
            if (arrowdraw_box_dist(x, y, b) < (float)gap + edge)
                return false;
        }
    return true;
}

/* Whether arrow s (its box e, shaft width w) moved by (dx, dy) lies within `within` and at least
 * gap from each box of avoid: its box clear of the box, or else every pixel it paints. */
static bool arrowdraw_clear(const ArrowShape *s, float w, SDL_Rect e, int dx, int dy, SDL_Rect within,
                            const SDL_Rect *avoid, int n, int gap)
{
    e.x += dx, e.y += dy;
    if (e.x < within.x || e.y < within.y || e.x + e.w > within.x + within.w || e.y + e.h > within.y + within.h)
        return false;
    for (int i = 0; i < n; i++) {
        SDL_Rect b = avoid[i];
        if (b.w > 0 && b.h > 0 && e.x < b.x + b.w + gap && b.x - gap < e.x + e.w && e.y < b.y + b.h + gap &&
            b.y - gap < e.y + e.h && !arrowdraw_shape_clear(s, w, dx, dy, b, gap))
            return false;
    }
    return true;
}

/* The least move (*bx, *by) that takes arrow p (shaft width w) within `within` and gap clear of
 * the n boxes of avoid, as arrowdraw_keep_clear; its length squared, or -1 when none does. */
static long arrowdraw_least_move(const ArrowPath *p, float w, SDL_Rect within, const SDL_Rect *avoid, int n, int gap,
                                 int *bx, int *by)
{
    SDL_Rect e = arrowdraw_extent(p, w);
    ArrowShape s;
    arrowdraw_shape(p, w, &s);
    /* the moves that bring an edge of the arrow to an edge it must keep to, each way, and none */
    int dx[2 + 2 * 4 + 1], dy[2 + 2 * 4 + 1], nd = 0;
    dx[nd] = 0, dy[nd++] = 0;
    dx[nd] = within.x - e.x, dy[nd++] = within.y - e.y;
    dx[nd] = within.x + within.w - (e.x + e.w), dy[nd++] = within.y + within.h - (e.y + e.h);
    for (int k = 0; k < n && k < 4; k++) {
        SDL_Rect b = avoid[k];
        if (b.w <= 0 || b.h <= 0)
            continue;
        dx[nd] = b.x - gap - (e.x + e.w), dy[nd++] = b.y - gap - (e.y + e.h);
        dx[nd] = b.x + b.w + gap - e.x, dy[nd++] = b.y + b.h + gap - e.y;
    }
    long best = -1;
    *bx = 0, *by = 0;
    for (int i = 0; i < nd; i++)
        for (int j = 0; j < nd; j++) {
            long d2 = (long)dx[i] * dx[i] + (long)dy[j] * dy[j];
            if ((best < 0 || d2 < best) && arrowdraw_clear(&s, w, e, dx[i], dy[j], within, avoid, n, gap))
                best = d2, *bx = dx[i], *by = dy[j];
        }
    return best;
}

void arrowdraw_keep_clear(MoveArrows *a, SDL_Rect within, const SDL_Rect *avoid, int n, int gap)
{
    int kept = 0;
    for (int i = 0; i < a->count && i < ARROWS_MAX; i++) {
        int bx, by, ix, iy;
        ArrowPath moved = a->path[i];
        long best = arrowdraw_least_move(&a->path[i], a->width, within, avoid, n, gap, &bx, &by);
        /* a nearer way round where that needs a shorter move, the first that needs none (the side
         * bend's arc beside "It hurts": moved whole, it went over the face) */
        for (int j = 0; best != 0 && j < a->inners[i] && j < ARROWS_INNER_MAX; j++) {
            long near = arrowdraw_least_move(&a->inner[i][j], a->width, within, avoid, n, gap, &ix, &iy);
            if (near >= 0 && (best < 0 || near < best))
                best = near, bx = ix, by = iy, moved = a->inner[i][j];
        }
        if (best < 0) /* nowhere clear: better none than one over a button */
            continue;
        for (int k = 0; k < 3; k++)
            moved.x[k] += (float)bx, moved.y[k] += (float)by;
        a->inners[kept] = 0;
        a->path[kept++] = moved;
    }
    a->count = kept;
}

void arrowdraw_draw(ArrowDraw *d, DrawList *dl, const MoveArrows *a, float alpha)
{
    if (!d || !a || a->count <= 0 || alpha <= 0.0f || a->width <= 0.5f)
        return;
    for (int i = 0; i < a->count && i < ARROWS_MAX; i++) {
        MoveArrows one = {{a->path[i]}, 1, a->width};
        arrowdraw_piece(&d->piece[i], dl, &one, alpha);
    }
}
