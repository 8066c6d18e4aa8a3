/* drawlist.c: record a frame's drawing calls, draw and send only the rectangles that changed
 * (see drawlist.h for why the pixels equal a whole redraw). */
#include "drawlist.h"

#include <stdlib.h>

typedef enum { DL_FILL, DL_COPY, DL_LINE } DrawKind;

typedef struct {
    DrawKind kind;
    SDL_BlendMode blend; /* fills */
    SDL_Color c; /* fills and lines */
    SDL_Rect dst; /* fill: the rectangle; copy: where; line: its bounding box */
    SDL_Rect src; /* copy: the part of the texture; line: x1, y1, x2, y2 */
    SDL_Texture *tex; /* copy */
    uint64_t serial; /* copy: the texture's contents */
} DrawCmd;

typedef struct {
    DrawCmd *cmd;
    int n, cap;
} CmdArray;

struct DrawList {
    SDL_Renderer *r;
    SDL_Window *win;
    CmdArray cur, prev; /* this frame's calls, the last frame's */
    SDL_Texture **doomed; /* destroy after this frame is drawn */
    int ndoomed, capdoomed;
    uint64_t serial;
    bool whole; /* the screen is not what the last frame left */
    bool spilled; /* this frame's calls were drawn as they came: send it whole */
    bool broken; /* a call could not be recorded: draw and send the frame whole */
    SDL_Surface *surface; /* the window's surface the last frame was sent from */
    int w, h; /* the target's size at the last frame */
    SDL_Rect rects[DRAWLIST_RECTS];
    int nrects;
    uint64_t pixels;
    unsigned frames;
};

DrawList *drawlist_new(SDL_Renderer *r, SDL_Window *win)
{
    DrawList *dl = calloc(1, sizeof *dl);
    if (!dl)
        return NULL;
    dl->r = r;
    dl->win = win;
    dl->whole = true;
    return dl;
}

void drawlist_free(DrawList *dl)
{
    if (!dl)
        return;
    for (int i = 0; i < dl->ndoomed; i++)
        SDL_DestroyTexture(dl->doomed[i]);
    free(dl->doomed);
    free(dl->cur.cmd);
    free(dl->prev.cmd);
    free(dl);
}

static void exec(SDL_Renderer *r, const DrawCmd *c)
{
    switch (c->kind) {
    case DL_FILL:
        SDL_SetRenderDrawColor(r, c->c.r, c->c.g, c->c.b, c->c.a);
        SDL_SetRenderDrawBlendMode(r, c->blend);
        SDL_RenderFillRect(r, &c->dst);
        break;
    case DL_COPY: SDL_RenderCopy(r, c->tex, &c->src, &c->dst); break;
    case DL_LINE:
        SDL_SetRenderDrawColor(r, c->c.r, c->c.g, c->c.b, c->c.a);
        SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
        SDL_RenderDrawLine(r, c->src.x, c->src.y, c->src.w, c->src.h);
        break;
    }
}

static void exec_all(DrawList *dl)
{
    SDL_RenderSetClipRect(dl->r, NULL);
    for (int i = 0; i < dl->cur.n; i++)
        exec(dl->r, &dl->cur.cmd[i]);
}

static void record(DrawList *dl, SDL_Renderer *r, const DrawCmd *c)
{
    if (!dl) {
        exec(r, c);
        return;
    }
    CmdArray *a = &dl->cur;
    if (a->n == a->cap) {
        int cap = a->cap ? a->cap * 2 : 256;
        DrawCmd *more = realloc(a->cmd, (size_t)cap * sizeof *more);
        if (!more) { /* draw what there is and go on drawing as calls come: the frame goes whole */
            if (!dl->spilled)
                exec_all(dl);
            dl->spilled = dl->broken = true;
            exec(r, c);
            return;
        }
        a->cmd = more, a->cap = cap;
    }
    a->cmd[a->n++] = *c;
    if (dl->spilled)
        exec(r, c);
}

void drawlist_fill(DrawList *dl, SDL_Renderer *r, SDL_Rect rc, SDL_Color c, SDL_BlendMode b)
{
    /* SDL 2.26's software renderer fills a 1 px line for a rectangle 0 (or less) wide or high,
     * where the list sees nothing to damage or replay: drawn by neither */
    if (rc.w <= 0 || rc.h <= 0)
        return;
    DrawCmd d = {DL_FILL, b, c, rc, {0, 0, 0, 0}, NULL, 0};
    record(dl, r, &d);
}

void drawlist_clear(DrawList *dl, SDL_Renderer *r, SDL_Color c)
{
    if (!dl) {
        SDL_SetRenderDrawColor(r, c.r, c.g, c.b, 255);
        SDL_RenderClear(r);
        return;
    }
    /* the clear ignores a clip: recorded as the same opaque fill of the whole target */
    int w = 0, h = 0;
    SDL_GetRendererOutputSize(r, &w, &h);
    c.a = 255;
    drawlist_fill(dl, r, (SDL_Rect){0, 0, w, h}, c, SDL_BLENDMODE_NONE);
}

void drawlist_copy(DrawList *dl, SDL_Renderer *r, SDL_Texture *tex, uint64_t serial, const SDL_Rect *src, int x, int y)
{
    SDL_Rect s;
    if (src) {
        s = *src;
    } else {
        s.x = s.y = 0;
        if (SDL_QueryTexture(tex, NULL, NULL, &s.w, &s.h) != 0)
            return;
    }
    DrawCmd d = {DL_COPY, SDL_BLENDMODE_NONE, {0, 0, 0, 0}, {x, y, s.w, s.h}, s, tex, serial};
    record(dl, r, &d);
}

void drawlist_line(DrawList *dl, SDL_Renderer *r, int x1, int y1, int x2, int y2, SDL_Color c)
{
    SDL_Rect box = {x1 < x2 ? x1 : x2, y1 < y2 ? y1 : y2, abs(x2 - x1) + 1, abs(y2 - y1) + 1};
    DrawCmd d = {DL_LINE, SDL_BLENDMODE_NONE, c, box, {x1, y1, x2, y2}, NULL, 0};
    record(dl, r, &d);
}

uint64_t drawlist_serial(DrawList *dl)
{
    return dl ? ++dl->serial : 0;
}

void drawlist_texture_changing(DrawList *dl, SDL_Texture *tex)
{
    if (!dl || dl->spilled)
        return;
    for (int i = 0; i < dl->cur.n; i++)
        if (dl->cur.cmd[i].kind == DL_COPY && dl->cur.cmd[i].tex == tex) {
            exec_all(dl); /* drawn with the pixels it had when it was called */
            dl->spilled = true;
            return;
        }
}

void drawlist_destroy_texture(DrawList *dl, SDL_Texture *tex)
{
    if (!tex)
        return;
    bool needed = false; /* the last frame's calls only compare the pointer and serial: not needed */
    for (int i = 0; dl && i < dl->cur.n && !needed; i++)
        needed = dl->cur.cmd[i].kind == DL_COPY && dl->cur.cmd[i].tex == tex;
    if (!needed) { /* at once: its memory can then make the next texture (text.c: text_recycle) */
        SDL_DestroyTexture(tex);
        return;
    }
    if (dl->ndoomed == dl->capdoomed) {
        int cap = dl->capdoomed ? dl->capdoomed * 2 : 16;
        SDL_Texture **more = realloc(dl->doomed, (size_t)cap * sizeof *more);
        if (!more) { /* draw what needs it now, then let it go */
            drawlist_texture_changing(dl, tex);
            SDL_DestroyTexture(tex);
            return;
        }
        dl->doomed = more, dl->capdoomed = cap;
    }
    dl->doomed[dl->ndoomed++] = tex;
}

void drawlist_invalidate(DrawList *dl)
{
    if (dl)
        dl->whole = true;
}

static bool cmd_same(const DrawCmd *a, const DrawCmd *b)
{
    if (a->kind != b->kind || !SDL_RectEquals(&a->dst, &b->dst))
        return false;
    switch (a->kind) {
    case DL_FILL:
        return a->blend == b->blend && a->c.r == b->c.r && a->c.g == b->c.g && a->c.b == b->c.b && a->c.a == b->c.a;
    case DL_COPY: return a->tex == b->tex && a->serial == b->serial && SDL_RectEquals(&a->src, &b->src);
    case DL_LINE:
        return SDL_RectEquals(&a->src, &b->src) && a->c.r == b->c.r && a->c.g == b->c.g && a->c.b == b->c.b &&
               a->c.a == b->c.a;
    }
    return false;
}

static long long area(SDL_Rect r)
{
    return r.w > 0 && r.h > 0 ? (long long)r.w * r.h : 0;
}

/* Add r (clipped to the target) to the damage: rectangles that touch are merged, so they never
 * overlap; past DRAWLIST_RECTS the two whose union grows least are merged. */
static void damage_add(DrawList *dl, SDL_Rect r, SDL_Rect target)
{
    SDL_Rect c;
    if (!SDL_IntersectRect(&r, &target, &c))
        return;
    for (;;) {
        bool merged = false;
        for (int i = 0; i < dl->nrects; i++) {
            SDL_Rect u;
            SDL_UnionRect(&dl->rects[i], &c, &u);
            /* overlapping, or side by side with little waste: one rectangle */
            if (SDL_HasIntersection(&dl->rects[i], &c) || area(u) <= area(dl->rects[i]) + area(c) + 4096) {
                c = u;
                dl->rects[i] = dl->rects[--dl->nrects];
                merged = true;
                break;
            }
        }
        if (!merged)
            break;
    }
    if (dl->nrects == DRAWLIST_RECTS) { /* full: fold c into the one it grows least */
        int best = 0;
        long long grow = -1;
        for (int i = 0; i < dl->nrects; i++) {
            SDL_Rect u;
            SDL_UnionRect(&dl->rects[i], &c, &u);
            long long g = area(u) - area(dl->rects[i]);
            if (grow < 0 || g < grow)
                best = i, grow = g;
        }
        SDL_Rect u;
        SDL_UnionRect(&dl->rects[best], &c, &u);
        dl->rects[best] = dl->rects[--dl->nrects];
        damage_add(dl, u, target); /* the union may now touch others */
        return;
    }
    dl->rects[dl->nrects++] = c;
}

/* Whether this frame must be drawn and sent whole. */
static bool frame_whole(DrawList *dl, SDL_Rect target)
{
    if (dl->whole || dl->spilled || dl->broken || dl->prev.n == 0 || dl->cur.n == 0)
        return true;
    if (target.w != dl->w || target.h != dl->h)
        return true;
    const DrawCmd *first = &dl->cur.cmd[0];
    SDL_Rect in;
    if (first->kind != DL_FILL || first->blend != SDL_BLENDMODE_NONE || !SDL_IntersectRect(&first->dst, &target, &in) ||
        !SDL_RectEquals(&in, &target))
        return true; /* no opaque clear first: what is under the calls would show */
    for (int i = 0; i < dl->cur.n; i++)
        if (dl->cur.cmd[i].kind == DL_LINE)
            return true; /* a clipped line takes other pixels than the whole line */
    return false;
}

void drawlist_present(DrawList *dl, SDL_Renderer *r)
{
    if (!dl) {
        SDL_RenderPresent(r);
        return;
    }
    SDL_Rect target = {0, 0, 0, 0};
    SDL_GetRendererOutputSize(r, &target.w, &target.h);
    SDL_Surface *surface = dl->win ? SDL_GetWindowSurface(dl->win) : NULL;
    if (dl->win && surface != dl->surface)
        dl->whole = true; /* a new framebuffer: its pixels are not the last frame's */
    bool whole = frame_whole(dl, target);
    dl->nrects = 0;
    if (!whole) {
        int n = dl->cur.n > dl->prev.n ? dl->cur.n : dl->prev.n;
        long long sum = 0;
        for (int i = 0; i < n; i++) {
            const DrawCmd *a = i < dl->cur.n ? &dl->cur.cmd[i] : NULL;
            const DrawCmd *b = i < dl->prev.n ? &dl->prev.cmd[i] : NULL;
            if (a && b && cmd_same(a, b))
                continue;
            if (a)
                damage_add(dl, a->dst, target);
            if (b)
                damage_add(dl, b->dst, target);
        }
        for (int i = 0; i < dl->nrects; i++)
            sum += area(dl->rects[i]);
        if (sum * 100 > area(target) * DRAWLIST_WHOLE_PERCENT)
            whole = true;
    }
    if (whole) {
        if (!dl->spilled)
            exec_all(dl);
        SDL_RenderFlush(r);
        dl->rects[0] = target;
        dl->nrects = 1;
        if (dl->win)
            SDL_UpdateWindowSurface(dl->win);
    } else {
        for (int k = 0; k < dl->nrects; k++) {
            SDL_RenderSetClipRect(r, &dl->rects[k]);
            for (int i = 0; i < dl->cur.n; i++)
                if (SDL_HasIntersection(&dl->cur.cmd[i].dst, &dl->rects[k]))
                    exec(r, &dl->cur.cmd[i]);
        }
        SDL_RenderSetClipRect(r, NULL);
        SDL_RenderFlush(r);
        if (dl->win && dl->nrects > 0)
            SDL_UpdateWindowSurfaceRects(dl->win, dl->rects, dl->nrects);
    }
    for (int i = 0; i < dl->nrects; i++)
        dl->pixels += (uint64_t)area(dl->rects[i]);
    dl->frames++;
    for (int i = 0; i < dl->ndoomed; i++)
        SDL_DestroyTexture(dl->doomed[i]);
    dl->ndoomed = 0;
    CmdArray t = dl->prev;
    dl->prev = dl->cur;
    dl->cur = t;
    dl->cur.n = 0;
    /* a frame that could not be recorded whole is no base to compare the next one with */
    if (dl->broken)
        dl->prev.n = 0;
    dl->surface = dl->win ? SDL_GetWindowSurface(dl->win) : NULL;
    dl->w = target.w, dl->h = target.h;
    dl->whole = dl->spilled = dl->broken = false;
}

void drawlist_stats(const DrawList *dl, uint64_t *pixels, unsigned *frames)
{
    *pixels = dl ? dl->pixels : 0;
    *frames = dl ? dl->frames : 0;
}

int drawlist_last_rects(const DrawList *dl, SDL_Rect *out, int max)
{
    int n = 0;
    for (; dl && n < dl->nrects && n < max; n++)
        out[n] = dl->rects[n];
    return n;
}
