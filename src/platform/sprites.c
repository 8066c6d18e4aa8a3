/* sprites.c: the figure drawn live. Pose files are read, solved and sampled on a loader thread;
 * each frame's pose is painted (core figpaint.c) on a painter thread at the size it is shown,
 * into a buffer cropped to the figure, and the render thread only uploads the newest painted
 * buffer (at most once a frame) and blits it, plus two rectangles for the mat. A frame never waits
 * for a load or a paint; a bad pose file logs one warning and draws nothing. */
#include "sprites.h"
#include "blockcache.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arrows.h"
#include "drawlist.h"
#include "figpaint.h"
#include "files.h"
#include "kneeinset.h"
#include "kneeview.h"
#include "moves.h"

#define SPRITES_PATH_BYTES 1024
#define SPRITES_HOLD_MS 16 /* a posted pose waits at most this long for sprites_frame_shown (a 60 Hz frame) */
#define SPRITES_LATE_MS 150 /* a pose this late (the painter starved of CPU): the render thread paints it */
#define SPRITES_POST_TIMES 16 /* post times kept, to tell how late the shown pose is */
#define SPRITES_PENDING_MS 3000 /* how long after its last draw a figure may still be arriving */
#define SPRITES_FIGURES (MOVE_COUNT + ROUTINE_MAX_OWN_MOVES) /* the catalogue, then a routine's own moves */
/* The painter's buffers. One: the render thread takes a painted pose at its next frame (at most
 * 16 ms) and the next pose is due 33 ms after it, so a second one only held up to ~2.9 MB more
 * at 1080p (a late pose and immediate mode are painted straight into the texture) */
#define SPRITES_PAINT_BUFFERS 1

/* ------------------------------------------------------------------ loading */

/* What a loader thread reads, parses and samples for one move; the render thread reads it only
 * after `done` is set (or after joining the thread). */
typedef struct {
    char dir[SPRITES_PATH_BYTES]; /* an own move: its pose file */
    MoveId id;
    PoseMove move;
    bool ok;
    char what[SPRITES_PATH_BYTES + 80], why[300]; /* the failure, when !ok */
    SDL_atomic_t done;
    SDL_atomic_t cancel; /* set when the figure is dropped: the loader stops at its next sample */
    bool stopped; /* it did stop early (read after done, as the rest) */
} FigureLoad;

/* Loads of figures no longer wanted still running (at most this many; more wait for the oldest) */
#define SPRITES_DROPPED 16

typedef struct {
    bool tried; /* a load finished (so a failure is reported once) */
    bool ok;
    FigureLoad *load; /* the loader's result, owned here */
    SDL_Thread *worker; /* loading, or NULL */
} SpriteFigure;

/* ------------------------------------------------------------------ painting */

/* What lies under the figure's box on the target, when it is known (opaque): the stage card on
 * the page, and the mat. The painter paints the figure onto it, in the target's pixel format, with
 * SDL's own blend (SDL_BlitSurface, the blit the software renderer's SDL_RenderCopy makes), so the
 * frame copies the box without blending and the pixels are the ones a blended copy would give. */
typedef struct {
    bool opaque;
    Uint32 format; /* the target's (opaque), or SDL_PIXELFORMAT_ARGB8888: the figure alone, blended */
    int sx, sy; /* the stage's top left on the target */
    SDL_Rect mat[2]; /* the mat slab and its lighter top edge, stage pixels */
    SpritesBackdrop bd;
} PaintScene;

/* One pose to paint: the grounded figure, where it goes on a w x h stage. */
typedef struct {
    PoseFigure fig;
    FigPlace place;
    int w, h;
    PaintScene scene;
    unsigned seq; /* which post this is: the render thread knows when it is on screen */
} PaintJob;

/* A painted box of the stage: px holds w x h words in scene.format, its top left at (x, y) on the
 * stage. */
typedef struct {
    Uint32 *px;
    size_t cap; /* words */
    int x, y, w, h;
    PaintScene scene;
    unsigned seq; /* the job painted */
} PaintBuffer;

/* A figure painted alone (ARGB, straight alpha) before it goes onto its backdrop. */
typedef struct {
    Uint32 *px;
    size_t cap; /* words */
} PaintScratch;

static const SDL_Color sprites_mat_color = {140, 148, 217, 255}, sprites_mat_top = {158, 166, 238, 255};

struct Sprites {
    SDL_Renderer *renderer;
    char dir[SPRITES_PATH_BYTES];
    SpriteFigure figures[SPRITES_FIGURES];
    /* figures dropped while still loading (Skip or Back mid-load): their threads finish on their
     * own and are joined and freed once done (sprites_reap), never waited for on the frame path */
    struct {
        SDL_Thread *worker;
        FigureLoad *load;
    } dropped[SPRITES_DROPPED];
    int dropped_count;
    int stopped_count; /* dropped loads that stopped early (cancelled), since sprites_new */
    int started_count; /* loads started, since sprites_new */
    int waited_count; /* loader threads joined before they were done (waited for), since sprites_new */
    bool warned[SPRITES_FIGURES];
    char own_path[ROUTINE_MAX_OWN_MOVES][SPRITES_PATH_BYTES]; /* the routine's own moves' pose files */
    bool immediate;
    /* the painter: guarded by lock; the render thread posts jobs and takes painted buffers */
    SDL_Thread *painter;
    SDL_mutex *lock;
    SDL_cond *wake;
    bool quit, job_pending;
    bool go; /* the frame that posted the job is on screen: paint it now */
    unsigned paints; /* poses the painter has painted */
    double paint_cpu_ms; /* the painter thread's CPU time for them */
    Uint32 posted_at; /* SDL_GetTicks when the pending job was posted */
    PaintJob job, last_posted;
    PaintBuffer buf[SPRITES_PAINT_BUFFERS];
    PaintScratch scratch[2]; /* the painter's, the render thread's (immediate mode, or a late pose) */
    int ready; /* a painted buffer not yet uploaded, or -1 */
    int reading; /* the buffer the render thread is uploading, or -1 */
    /* the render thread's texture: the stage's size, holding the box last uploaded */
    SDL_Texture *texture;
    uint64_t serial; /* the texture's contents, for the draw list */
    DrawList *dl; /* NULL: drawn at once */
    int tw, th;
    Uint32 tformat; /* the texture's pixel format: the target's (opaque) or ARGB8888 (blended) */
    bool topaque; /* the texture is copied as it is (the figure on its backdrop), not blended */
    Uint32 target_format; /* the renderer's target's pixel format, or 0 while not known */
    SDL_Rect shown; /* w = 0: nothing to show */
    PaintScene shown_scene; /* what the shown box was painted onto, its mat */
    unsigned posted, shown_seq; /* the last job posted, the last one uploaded */
    Uint32 post_times[SPRITES_POST_TIMES]; /* SDL_GetTicks of post seq, at [seq % SPRITES_POST_TIMES] */
    Uint32 late_ms; /* since sprites_paint_stats: the longest a frame showed a pose a newer one had replaced */
    unsigned own_paints; /* poses the render thread painted itself, the painter being late */
    bool loading; /* the last draw found its move still loading */
    Uint32 drawn_at; /* SDL_GetTicks of the last sprites_draw */
    unsigned draws; /* sprites_draw calls so far */
    FigCamera camera; /* eases the camera between two figures (in immediate mode only on a set clock) */
    long long clock; /* the camera's clock (sprites_set_clock), or -1: SDL_GetTicks */
    KneeInset *knees; /* the knees seen from the head end, while a move whose file asks (`inset knees`) shows */
    size_t knees_bytes; /* what it holds: its texture and pixels */
    bool drawn_inset; /* the last figure drawn asks for it */
    float drawn_right; /* its knees' roll to the person's right (kneeview_right_deg) */
    /* the motion arrows (arrows.h) of the last figure drawn: found once per move and side, placed
     * where that figure was drawn (sprites_arrows). Kept by the move's name and copied, never by a
     * pointer to its PoseMove: the figure drawn may be unloaded before the arrows are drawn (a
     * figure replaced by the next one's load), and a new move can be loaded at the same address */
    char arrows_name[sizeof(((PoseFile *)0)->move)]; /* the move they were found for, or "" */
    bool arrows_swap;
    MoveArrows arrows; /* in H */
    FigPlace drawn_place; /* where the last figure was drawn: stage pixels, and the stage's corner */
    int drawn_sx, drawn_sy;
    bool drawn_any; /* a figure was drawn: drawn_meta is its timing */
    SheetMeta drawn_meta;
    bool drawn_blend; /* eased in from another figure: its pose is not the move's own */
};

static void sprites_warn(Sprites *s, MoveId id, const char *what, const char *why)
{
    if (s->warned[id])
        return;
    s->warned[id] = true;
    const char *name = id < MOVE_COUNT ? moves_info(id)->id : s->own_path[id - MOVE_COUNT];
    fprintf(stderr, "unknot: warning: no animation for %s: %s: %s\n", name, what, why);
}

/* Whether the load d is no longer wanted (PoseStop). */
static bool figure_cancelled(void *d)
{
    return SDL_AtomicGet(&((FigureLoad *)d)->cancel) != 0;
}

/* Read, parse and sample one pose file, unless it is cancelled on the way (a dropped load then
 * costs next to nothing, not tens of ms beside the drawing thread). Any thread; touches only d
 * (and reads its cancel flag). */
static void figure_load(FigureLoad *d)
{
    if (d->id >= MOVE_COUNT)
        snprintf(d->what, sizeof d->what, "%s", d->dir); /* a physio's own move: read as the catalogue's */
    else
        snprintf(d->what, sizeof d->what, "%s/%s.pose", d->dir, moves_info(d->id)->id);
    size_t len = 0;
    char *text = NULL;
    int rc = 0;
    if (figure_cancelled(d)) {
        d->stopped = true;
        return;
    }
    if (files_read(d->what, FILES_MAX_POSE_BYTES, &text, &len, d->why, sizeof d->why) < 0)
        return;
    PoseFile *pf = calloc(1, sizeof *pf);
    RoutineErrors *errs = calloc(1, sizeof *errs);
    if (!pf || !errs) {
        snprintf(d->why, sizeof d->why, "out of memory");
    } else if (pose_parse(d->what, text, len, pf, errs) != 0) {
        routine_error_format(&errs->items[0], d->why, sizeof d->why);
    } else if ((rc = pose_move_init_until(&d->move, pf, figure_cancelled, d)) == -2) {
        d->stopped = true; /* dropped: nobody shows it */
        snprintf(d->why, sizeof d->why, "no longer wanted");
    } else if (rc != 0) {
        snprintf(d->why, sizeof d->why, "out of memory");
    } else {
        d->ok = true;
    }
    free(text);
    free(pf);
    free(errs);
}

static int figure_load_thread(void *data)
{
    FigureLoad *d = data;
    figure_load(d);
    SDL_MemoryBarrierRelease();
    SDL_AtomicSet(&d->done, 1);
    return 0;
}

static void figure_load_free(FigureLoad *d)
{
    if (d)
        pose_move_free(&d->move);
    free(d);
}

/* Free a dropped load its thread has finished (joined), counting it when it stopped early. */
static void dropped_free(Sprites *s, FigureLoad *d)
{
    SDL_MemoryBarrierAcquire();
    s->stopped_count += d->stopped;
    figure_load_free(d);
}

/* Join the loader thread of d, counting it when it was not done (the caller waits for it). */
static void loader_join(Sprites *s, SDL_Thread *worker, FigureLoad *d)
{
    s->waited_count += !SDL_AtomicGet(&d->done);
    SDL_WaitThread(worker, NULL);
}

/* Join and free the dropped loads that are done; every one when wait (the end). */
static void sprites_reap(Sprites *s, bool wait)
{
    int kept = 0;
    for (int i = 0; i < s->dropped_count; i++) {
        if (!wait && !SDL_AtomicGet(&s->dropped[i].load->done)) {
            s->dropped[kept++] = s->dropped[i];
            continue;
        }
        loader_join(s, s->dropped[i].worker, s->dropped[i].load); /* done: it has returned, or is returning */
        dropped_free(s, s->dropped[i].load);
    }
    s->dropped_count = kept;
}

/* Forget figure f. A load still running is left to finish on its thread and freed later
 * (sprites_reap), unless wait: the frame never waits for a loader (a load takes up to ~0.4 s on a
 * loaded machine). */
static void figure_unload(Sprites *s, SpriteFigure *f, bool wait)
{
    if (f->worker && !SDL_AtomicGet(&f->load->done))
        SDL_AtomicSet(&f->load->cancel, 1); /* nobody will show it: the loader stops at its next sample */
    if (f->worker && !wait && !SDL_AtomicGet(&f->load->done)) {
        if (s->dropped_count == SPRITES_DROPPED) { /* many drops in a row: wait for the oldest */
            loader_join(s, s->dropped[0].worker, s->dropped[0].load);
            dropped_free(s, s->dropped[0].load);
            memmove(&s->dropped[0], &s->dropped[1], sizeof s->dropped[0] * (SPRITES_DROPPED - 1));
            s->dropped_count--;
        }
        s->dropped[s->dropped_count].worker = f->worker;
        s->dropped[s->dropped_count++].load = f->load;
        memset(f, 0, sizeof *f);
        return;
    }
    if (f->worker)
        loader_join(s, f->worker, f->load); /* done, or the end */
    figure_load_free(f->load);
    memset(f, 0, sizeof *f);
}

/* Start loading id on a loader thread, unless it is loaded or on its way. */
static void figure_start(Sprites *s, MoveId id)
{
    SpriteFigure *f = &s->figures[id];
    if (f->tried || f->load)
        return;
    if (id >= MOVE_COUNT && !s->own_path[id - MOVE_COUNT][0]) {
        f->tried = true; /* no such own move in this routine: its name is shown */
        return;
    }
    blockcache_trim(); /* a load allocates: the kept blocks go first, so they never add to its peak */
    FigureLoad *d = calloc(1, sizeof *d);
    if (!d)
        return;
    snprintf(d->dir, sizeof d->dir, "%s", id >= MOVE_COUNT ? s->own_path[id - MOVE_COUNT] : s->dir);
    d->id = id;
    f->load = d;
    s->started_count++;
    f->worker = SDL_CreateThread(figure_load_thread, "unknot-pose", d);
    if (!f->worker) { /* no thread: load here, once */
        figure_load(d);
        SDL_AtomicSet(&d->done, 1);
    }
}

/* The figure for id if its load has finished, or NULL (not started, still loading, or failed: one
 * warning). Starts no load; waits for a running one only when wait is set. */
static SpriteFigure *figure_loaded(Sprites *s, MoveId id, bool wait)
{
    SpriteFigure *f = &s->figures[id];
    if (!f->tried && f->load && (wait || SDL_AtomicGet(&f->load->done))) {
        if (f->worker)
            loader_join(s, f->worker, f->load); /* done already, unless waiting was asked for */
        SDL_MemoryBarrierAcquire();
        f->worker = NULL;
        f->tried = true;
        f->ok = f->load->ok;
        if (!f->ok)
            sprites_warn(s, id, f->load->what, f->load->why);
    }
    return f->ok ? f : NULL;
}

/* figure_loaded, the load started first when id is neither loaded nor on its way. */
static SpriteFigure *figure_get(Sprites *s, MoveId id, bool wait)
{
    if (!s->figures[id].load && !s->figures[id].tried)
        figure_start(s, id);
    return figure_loaded(s, id, wait);
}

/* Grow *px (holding *cap words) to need words. */
static bool grow(Uint32 **px, size_t *cap, size_t need)
{
    if (need <= *cap)
        return true;
    Uint32 *p = realloc(*px, need * sizeof *p);
    if (!p)
        return false;
    *px = p, *cap = need;
    return true;
}

/* Fill the box (stage pixels; its top left at px, stride words a row) with what the target shows
 * there before the figure: the page, the stage card (render_box's rounded corners, to the pixel)
 * and the mat, in format f. */
static void paint_backdrop(Uint32 *px, int stride, SDL_Rect box, const PaintScene *sc, const SDL_PixelFormat *f)
{
    const SpritesBackdrop *bd = &sc->bd;
    Uint32 page = SDL_MapRGBA(f, bd->page_color.r, bd->page_color.g, bd->page_color.b, 255);
    Uint32 card = SDL_MapRGBA(f, bd->card_color.r, bd->card_color.g, bd->card_color.b, 255);
    SDL_Rect c = bd->card;
    int rad = bd->radius; /* as render_box clamps it */
    rad = rad * 2 > c.h ? c.h / 2 : rad;
    rad = rad * 2 > c.w ? c.w / 2 : rad;
    rad = rad < 0 ? 0 : rad;
    for (int y = 0; y < box.h; y++) {
        Uint32 *row = px + (size_t)y * (size_t)stride;
        int ty = sc->sy + box.y + y, l = 0, r = 0; /* the card's span [l, r) on this target row */
        if (ty >= c.y && ty < c.y + c.h) {
            int i = ty < c.y + rad ? ty - c.y : ty >= c.y + c.h - rad ? c.y + c.h - 1 - ty : -1, dx = 0;
            if (i >= 0) {
                double dy = rad - i - 0.5;
                dx = (int)lround(rad - sqrt((double)rad * rad - dy * dy));
            }
            l = c.x + dx, r = c.x + c.w - dx;
        }
        l -= sc->sx + box.x, r -= sc->sx + box.x; /* into the box */
        for (int x = 0; x < box.w; x++)
            row[x] = x >= l && x < r ? card : page;
    }
    for (int k = 0; k < 2; k++) {
        SDL_Color mc = k == 0 ? sprites_mat_color : sprites_mat_top;
        Uint32 m = SDL_MapRGBA(f, mc.r, mc.g, mc.b, 255);
        int x0 = sc->mat[k].x - box.x, x1 = x0 + sc->mat[k].w, y0 = sc->mat[k].y - box.y, y1 = y0 + sc->mat[k].h;
        x0 = x0 < 0 ? 0 : x0, y0 = y0 < 0 ? 0 : y0;
        x1 = x1 > box.w ? box.w : x1, y1 = y1 > box.h ? box.h : y1;
        for (int y = y0; y < y1; y++)
            for (int x = x0; x < x1; x++)
                px[(size_t)y * (size_t)stride + (size_t)x] = m;
    }
}

/* The box of the stage job j paints (the figure's, on the stage); false when empty. */
static bool paint_box(const PaintJob *j, SDL_Rect *box)
{
    int x0, y0, x1, y1;
    figpaint_box(&j->fig, &j->place, &x0, &y0, &x1, &y1);
    x0 = x0 < 0 ? 0 : x0, y0 = y0 < 0 ? 0 : y0;
    x1 = x1 > j->w ? j->w : x1, y1 = y1 > j->h ? j->h : y1;
    *box = (SDL_Rect){x0, y0, x1 - x0, y1 - y0};
    return x1 > x0 && y1 > y0;
}

/* Paint job j's box into px (its top left; stride words a row, in j->scene.format): the figure
 * alone, or (opaque) onto its backdrop: straight onto it in the window's 32-bit layouts, through
 * scratch (grown as needed) in others. Returns false when out of memory (nothing painted). Any
 * thread; touches only px's box and scratch. */
static bool paint_pixels(Uint32 *px, int stride, SDL_Rect box, const PaintJob *j, PaintScratch *scratch)
{
    size_t need = (size_t)box.w * (size_t)box.h;
    bool opaque = j->scene.opaque;
    int w = box.w, h = box.h;
    /* the window's own 32-bit layout (alpha or unused in the top byte): the figure is painted
     * straight onto its backdrop (figpaint blends "over" an opaque pixel), no layer between */
    bool direct = opaque && (j->scene.format == SDL_PIXELFORMAT_ARGB8888 || j->scene.format == SDL_PIXELFORMAT_RGB888);
    if (opaque && !direct && !grow(&scratch->px, &scratch->cap, need))
        return false;
    if (direct) {
        SDL_PixelFormat *f = SDL_AllocFormat(SDL_PIXELFORMAT_ARGB8888);
        if (!f)
            return false;
        paint_backdrop(px, stride, box, &j->scene, f); /* ARGB: every backdrop pixel opaque, as figpaint needs */
        SDL_FreeFormat(f);
        FigCanvas cv = {px, stride, w, h};
        figpaint_figure(&cv, &j->fig, &j->place, box.x, box.y);
        return true;
    }
    if (!opaque) {
        for (int y = 0; y < h; y++)
            memset(px + (size_t)y * (size_t)stride, 0, (size_t)w * sizeof *px);
        FigCanvas cv = {px, stride, w, h};
        figpaint_figure(&cv, &j->fig, &j->place, box.x, box.y);
        return true;
    }
    Uint32 *fig = scratch->px;
    memset(fig, 0, need * sizeof *fig);
    FigCanvas cv = {fig, w, w, h};
    figpaint_figure(&cv, &j->fig, &j->place, box.x, box.y);
    SDL_Surface *src = SDL_CreateRGBSurfaceWithFormatFrom(fig, w, h, 32, w * 4, SDL_PIXELFORMAT_ARGB8888);
    SDL_Surface *dst = SDL_CreateRGBSurfaceWithFormatFrom(px, w, h, 32, stride * 4, j->scene.format);
    bool ok = src && dst && SDL_SetSurfaceBlendMode(src, SDL_BLENDMODE_BLEND) == 0;
    if (ok) {
        paint_backdrop(px, stride, box, &j->scene, dst->format);
        ok = SDL_BlitSurface(src, NULL, dst, NULL) == 0;
    }
    SDL_FreeSurface(src);
    SDL_FreeSurface(dst);
    return ok; /* out of memory: nothing this pose */
}

/* Paint job j into buffer b (grown as needed). Any thread; touches only b and scratch. */
static void paint_into(PaintBuffer *b, const PaintJob *j, PaintScratch *scratch)
{
    SDL_Rect box;
    b->w = b->h = 0;
    b->seq = j->seq;
    b->scene = j->scene;
    if (!paint_box(j, &box) || !grow(&b->px, &b->cap, (size_t)box.w * (size_t)box.h))
        return;
    if (paint_pixels(b->px, box.w, box, j, scratch))
        b->x = box.x, b->y = box.y, b->w = box.w, b->h = box.h;
}

/* The painter: paints the newest job into a buffer the render thread is not reading and has not
 * yet taken, then offers it as ready. */
static int painter_thread(void *data)
{
    Sprites *s = data;
    /* the lowest priority (nice 19 on Linux): on two cores the render thread and the X server copying
     * its frame always win the core, and the painter takes what they leave (a pose at most 30 times
     * a second; a late one shows the one before a frame longer) */
    if (SDL_SetThreadPriority(SDL_THREAD_PRIORITY_LOW) != 0)
        SDL_ClearError(); /* not allowed: it paints at the normal priority, as before */
    PaintJob *job = malloc(sizeof *job);
    if (!job)
        return 0;
    SDL_LockMutex(s->lock);
    while (!s->quit) {
        int target = -1; /* a buffer free once the render thread has taken what it held */
        for (int i = 0; i < SPRITES_PAINT_BUFFERS && target < 0; i++)
            if (i != s->reading && i != s->ready)
                target = i;
        if (!s->job_pending || target < 0) {
            SDL_CondWait(s->wake, s->lock);
            continue;
        }
        Uint32 held = SDL_GetTicks() - s->posted_at;
        if (!s->go && held < SPRITES_HOLD_MS) { /* the frame is still being drawn: leave it the core */
            SDL_CondWaitTimeout(s->wake, s->lock, SPRITES_HOLD_MS - held);
            continue;
        }
        *job = s->job;
        s->job_pending = false;
        SDL_UnlockMutex(s->lock);
        struct timespec c0, c1;
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c0);
        paint_into(&s->buf[target], job, &s->scratch[0]); /* the buffer is the painter's until offered */
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c1);
        SDL_LockMutex(s->lock);
        s->ready = target;
        s->paints++;
        s->paint_cpu_ms += (double)(c1.tv_sec - c0.tv_sec) * 1e3 + (double)(c1.tv_nsec - c0.tv_nsec) / 1e6;
    }
    SDL_UnlockMutex(s->lock);
    free(job);
    return 0;
}

/* Make the stage-sized texture in format (once, and when the stage's size or the format changes):
 * copied as it is when it holds the figure on its backdrop, blended when the figure alone. */
static bool texture_fit(Sprites *s, int w, int h, Uint32 format, bool opaque)
{
    if (s->texture && s->tw == w && s->th == h && s->tformat == format && s->topaque == opaque)
        return true;
    drawlist_destroy_texture(s->dl, s->texture);
    s->texture = SDL_CreateTexture(s->renderer, format, SDL_TEXTUREACCESS_STREAMING, w, h);
    s->serial = drawlist_serial(s->dl);
    s->tw = s->texture ? w : 0, s->th = s->texture ? h : 0;
    s->tformat = format, s->topaque = opaque;
    s->shown.w = 0;
    if (s->texture)
        SDL_SetTextureBlendMode(s->texture, opaque ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    return s->texture != NULL;
}

static void upload(Sprites *s, const PaintBuffer *b)
{
    s->shown = (SDL_Rect){b->x, b->y, b->w, b->h};
    s->shown_seq = b->seq;
    s->shown_scene = b->scene;
    if (b->x + b->w > s->tw || b->y + b->h > s->th || b->scene.format != s->tformat ||
        b->scene.opaque != s->topaque) /* painted for a stage since changed */
        s->shown.w = 0;
    else if (b->w > 0 && b->h > 0) {
        drawlist_texture_changing(s->dl, s->texture);
        SDL_UpdateTexture(s->texture, &s->shown, b->px, b->w * (int)sizeof(Uint32));
        s->serial = drawlist_serial(s->dl);
    }
}

/* Paint job j straight into the texture (render thread): immediate mode, or a pose the painter is
 * late with. No buffer beside the texture: the painter's one is its own (at 1080p a box of the
 * stage takes up to ~2.9 MB; a second one was that much more peak RSS in a real-time workout). */
static void paint_texture(Sprites *s, const PaintJob *j)
{
    SDL_Rect box;
    s->shown = (SDL_Rect){0, 0, 0, 0};
    s->shown_seq = j->seq;
    s->shown_scene = j->scene;
    if (!s->texture || j->w > s->tw || j->h > s->th || j->scene.format != s->tformat || j->scene.opaque != s->topaque ||
        !paint_box(j, &box))
        return;
    void *pixels = NULL;
    int pitch = 0;
    drawlist_texture_changing(s->dl, s->texture);
    if (SDL_LockTexture(s->texture, &box, &pixels, &pitch) != 0)
        return;
    bool ok = paint_pixels(pixels, pitch / (int)sizeof(Uint32), box, j, &s->scratch[1]);
    SDL_UnlockTexture(s->texture);
    s->serial = drawlist_serial(s->dl);
    if (ok)
        s->shown = box;
}

static bool color_same(SDL_Color a, SDL_Color b)
{
    return a.r == b.r && a.g == b.g && a.b == b.b && a.a == b.a;
}

static bool rect_same(SDL_Rect a, SDL_Rect b)
{
    return a.x == b.x && a.y == b.y && a.w == b.w && a.h == b.h;
}

/* Whether a box painted onto scene a shows right in scene b, whose mat may have moved: the same
 * way of copying and, opaque, the same backdrop at the same place. */
static bool scene_fits(const PaintScene *a, const PaintScene *b)
{
    if (a->opaque != b->opaque || a->format != b->format)
        return false;
    return !a->opaque ||
           (a->sx == b->sx && a->sy == b->sy && rect_same(a->bd.card, b->bd.card) && a->bd.radius == b->bd.radius &&
            color_same(a->bd.card_color, b->bd.card_color) && color_same(a->bd.page_color, b->bd.page_color));
}

static bool scene_same(const PaintScene *a, const PaintScene *b)
{
    return scene_fits(a, b) && rect_same(a->mat[0], b->mat[0]) && rect_same(a->mat[1], b->mat[1]);
}

/* Whether two jobs paint the same picture. Only what is used is compared: pose.c leaves the
 * parts past each group's count unwritten. */
static bool job_same(const PaintJob *a, const PaintJob *b)
{
    const FigPlace *pa = &a->place, *pb = &b->place; /* field by field: the struct has padding */
    if (a->w != b->w || a->h != b->h || pa->scale != pb->scale || pa->ox != pb->ox || pa->oy != pb->oy ||
        pa->flip != pb->flip || pa->narrow != pb->narrow || a->fig.count != b->fig.count ||
        a->fig.chair != b->fig.chair || !scene_same(&a->scene, &b->scene))
        return false;
    for (int g = 0; g < a->fig.count; g++) {
        const PoseGroup *x = &a->fig.groups[g], *y = &b->fig.groups[g];
        if (x->count != y->count || x->flat != y->flat || x->highlight != y->highlight)
            return false;
        for (int i = 0; i < x->count; i++) {
            const PosePart *p = &x->parts[i], *q = &y->parts[i];
            if (p->ax != q->ax || p->ay != q->ay || p->bx != q->bx || p->by != q->by || p->ra != q->ra ||
                p->rb != q->rb || p->clip != q->clip || p->nx != q->nx || p->ny != q->ny || p->k != q->k ||
                memcmp(&p->color, &q->color, sizeof p->color) != 0)
                return false;
        }
    }
    return true;
}

/* How long the shown pose has been out of date (ms): since the post of the pose after it; 0 when
 * it is the newest. Render thread. */
static Uint32 shown_late_ms(const Sprites *s, Uint32 now)
{
    if (s->shown_seq == s->posted)
        return 0;
    if (s->posted - s->shown_seq >= SPRITES_POST_TIMES)
        return SPRITES_LATE_MS; /* so many poses behind: late */
    return now - s->post_times[(s->shown_seq + 1) % SPRITES_POST_TIMES];
}

/* Upload buffer i when it holds a newer pose than the one shown, then give it back. Render
 * thread, with i marked as reading. */
static void take_buffer(Sprites *s, int i)
{
    if ((int)(s->buf[i].seq - s->shown_seq) > 0) /* an older pose the painter finished late is dropped */
        upload(s, &s->buf[i]);
    SDL_LockMutex(s->lock);
    s->reading = -1;
    SDL_CondSignal(s->wake);
    SDL_UnlockMutex(s->lock);
}

/* Post job for the painter and take the newest painted buffer, if any, into the texture. When the
 * painter (at the lowest priority) has left the shown pose out of date for SPRITES_LATE_MS, the
 * render thread paints the newest pose itself, once: a frame takes a few milliseconds longer, and
 * the figure never lags far behind on a machine whose cores are busy with other work. */
static void paint_live(Sprites *s, const PaintJob *job)
{
    if (!s->painter && s->lock && s->wake)
        s->painter = SDL_CreateThread(painter_thread, "unknot-paint", s);
    if (!s->painter) { /* no thread: paint here */
        paint_texture(s, job);
        return;
    }
    int take = -1;
    Uint32 now = SDL_GetTicks();
    SDL_LockMutex(s->lock);
    if (!job_same(job, &s->last_posted)) { /* a still pose is painted once */
        s->last_posted = *job;
        s->job = *job;
        s->job.seq = ++s->posted;
        s->post_times[s->posted % SPRITES_POST_TIMES] = now;
        s->job_pending = true;
        s->go = false;
        s->posted_at = now;
    }
    if (s->ready >= 0) {
        take = s->reading = s->ready;
        s->ready = -1;
    }
    SDL_CondSignal(s->wake);
    SDL_UnlockMutex(s->lock);
    if (take >= 0)
        take_buffer(s, take);
    Uint32 late = shown_late_ms(s, now);
    if (late >= SPRITES_LATE_MS) {
        PaintJob *own = malloc(sizeof *own);
        if (own) {
            SDL_LockMutex(s->lock);
            *own = s->job; /* the newest pose */
            s->job_pending = false; /* the painter need not paint it too */
            s->own_paints++;
            SDL_UnlockMutex(s->lock);
            paint_texture(s, own); /* a pose the painter still finishes after it is older: dropped */
            late = shown_late_ms(s, now);
        }
        free(own);
    }
    s->late_ms = late > s->late_ms ? late : s->late_ms;
}

/* ------------------------------------------------------------------ public */

Sprites *sprites_new(SDL_Renderer *r, const char *pose_dir)
{
    Sprites *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->renderer = r;
    snprintf(s->dir, sizeof s->dir, "%s", pose_dir ? pose_dir : ".");
    s->ready = s->reading = -1;
    s->clock = -1;
    s->lock = SDL_CreateMutex();
    s->wake = SDL_CreateCond(); /* without them the painting happens on the render thread */
    return s;
}

/* Stop the painter and the loaders; free every move, buffer and the texture. The locks stay. */
static void sprites_drop_all(Sprites *s)
{
    if (s->painter) {
        SDL_LockMutex(s->lock);
        s->quit = true;
        SDL_CondSignal(s->wake);
        SDL_UnlockMutex(s->lock);
        SDL_WaitThread(s->painter, NULL); /* a paint is a few milliseconds */
    }
    for (int i = 0; i < SPRITES_FIGURES; i++)
        figure_unload(s, &s->figures[i], true);
    sprites_reap(s, true);
    drawlist_destroy_texture(s->dl, s->texture);
    kneeinset_free(s->knees, s->dl);
    s->knees = NULL, s->knees_bytes = 0;
    for (int i = 0; i < SPRITES_PAINT_BUFFERS; i++)
        free(s->buf[i].px);
    for (int i = 0; i < 2; i++)
        free(s->scratch[i].px);
}

void sprites_set_drawlist(Sprites *s, DrawList *dl)
{
    if (s)
        s->dl = dl;
}

void sprites_release(Sprites *s)
{
    if (!s)
        return;
    sprites_drop_all(s);
    s->painter = NULL;
    s->quit = s->job_pending = s->go = false;
    memset(&s->job, 0, sizeof s->job);
    memset(&s->last_posted, 0, sizeof s->last_posted);
    memset(&s->camera, 0, sizeof s->camera);
    memset(s->buf, 0, sizeof s->buf);
    memset(s->scratch, 0, sizeof s->scratch);
    s->ready = s->reading = -1;
    /* nothing posted waits to be shown: a pose posted before and never shown would count as a
     * frame shown late (shown_late_ms) on the first frame after */
    s->shown_seq = s->posted;
    s->loading = false;
    s->texture = NULL;
    s->tw = s->th = 0;
    s->shown = (SDL_Rect){0, 0, 0, 0};
}

void sprites_free(Sprites *s)
{
    if (!s)
        return;
    s->dl = NULL; /* the end: nothing is drawn any more */
    sprites_drop_all(s);
    if (s->wake)
        SDL_DestroyCond(s->wake);
    if (s->lock)
        SDL_DestroyMutex(s->lock);
    free(s);
}

void sprites_set_target_format(Sprites *s, Uint32 format)
{
    if (s)
        s->target_format = SDL_BYTESPERPIXEL(format) == 4 ? format : 0;
}

void sprites_set_immediate(Sprites *s, bool on)
{
    if (s)
        s->immediate = on;
}

void sprites_set_clock(Sprites *s, long long ms)
{
    if (s)
        s->clock = ms < 0 ? -1 : ms;
}

void sprites_camera_reset(Sprites *s)
{
    if (s)
        memset(&s->camera, 0, sizeof s->camera);
}

bool sprites_camera_settled(const Sprites *s)
{
    return s && s->camera.settled;
}

bool sprites_camera_easing(const Sprites *s)
{
    return s && s->camera.shown && (s->camera.ease_at >= 0 || !s->camera.still);
}

void sprites_set_routine(Sprites *s, const Routine *r)
{
    for (int k = 0; s && k < ROUTINE_MAX_OWN_MOVES; k++) {
        const char *path = r && k < r->own_move_count ? r->own_moves[k].path : "";
        if (strcmp(s->own_path[k], path) == 0)
            continue; /* the same file: its figure stays loaded */
        figure_unload(s, &s->figures[MOVE_COUNT + k], false);
        s->warned[MOVE_COUNT + k] = false;
        snprintf(s->own_path[k], sizeof s->own_path[k], "%s", path);
    }
}

void sprites_prepare(Sprites *s, MoveId current, MoveId next)
{
    sprites_prepare_from(s, current, next, MOVE_NONE);
}

void sprites_prepare_from(Sprites *s, MoveId current, MoveId next, MoveId from)
{
    if (!s)
        return;
    sprites_reap(s, false);
    for (int i = 0; i < SPRITES_FIGURES; i++)
        if (i != (int)current && i != (int)next && i != (int)from && (s->figures[i].tried || s->figures[i].load))
            figure_unload(s, &s->figures[i], false); /* forgets failures too: a fixed file is retried later */
    if (current >= 0 && current < SPRITES_FIGURES)
        figure_start(s, current);
    if (next >= 0 && next < SPRITES_FIGURES && next != current)
        figure_start(s, next); /* ready by the time it is drawn */
}

int sprites_dropped_loads(const Sprites *s)
{
    return s ? s->dropped_count : 0;
}

int sprites_stopped_loads(const Sprites *s)
{
    return s ? s->stopped_count : 0;
}

int sprites_started_loads(const Sprites *s)
{
    return s ? s->started_count : 0;
}

int sprites_waited_loads(const Sprites *s)
{
    return s ? s->waited_count : 0;
}

bool sprites_wait(Sprites *s, MoveId id)
{
    return s && id >= 0 && id < SPRITES_FIGURES && figure_get(s, id, true) != NULL;
}

/* The target's pixel format: a window's surface (the software renderer draws on it), or what
 * sprites_set_target_format said; 0 when not known. */
static Uint32 target_format(Sprites *s)
{
    if (!s->target_format) {
        SDL_Window *w = SDL_RenderGetWindow(s->renderer);
        SDL_RendererInfo info;
        SDL_Surface *ws = NULL;
        if (w && SDL_GetRendererInfo(s->renderer, &info) == 0 && (info.flags & SDL_RENDERER_SOFTWARE))
            ws = SDL_GetWindowSurface(w); /* the surface the software renderer draws on */
        if (ws && ws->format->BytesPerPixel == 4)
            s->target_format = ws->format->format;
    }
    return s->target_format;
}

/* A rectangle as the software renderer fills SDL_FRect r: each value truncated, at least 1 wide. */
static SDL_Rect rect_of(SDL_FRect r)
{
    int w = (int)r.w, h = (int)r.h;
    return (SDL_Rect){(int)r.x, (int)r.y, w < 1 ? 1 : w, h < 1 ? 1 : h};
}

static void fill_rect(Sprites *s, SDL_Rect rc, SDL_Color c)
{
    drawlist_fill(s->dl, s->renderer, rc, c, SDL_BLENDMODE_NONE);
}

/* The keep-out corners of sprites_draw_clear in stage pixels. */
static FigKeepOut keep_out_of(SDL_Rect stage, SDL_Rect keep_out, SDL_Rect keep_left)
{
    FigKeepOut k = {keep_out.x - stage.x, keep_out.y - stage.y, keep_out.w, keep_out.h, 0, 0};
    if (keep_left.w > 0 && keep_left.h > 0) /* from the stage's top left corner to the box's far corner */
        k.left_w = keep_left.x + keep_left.w - stage.x, k.left_h = keep_left.y + keep_left.h - stage.y;
    return k;
}

/* The camera's clock now: the one sprites_set_clock gave, or SDL_GetTicks. */
static long long camera_now(const Sprites *s)
{
    return s->clock >= 0 ? s->clock : (long long)SDL_GetTicks();
}

/* Whether the camera frames the figure (sprites_set_clock). */
static bool camera_runs(const Sprites *s)
{
    return !s->immediate || s->clock >= 0;
}

/* v's figure of m (eased in from `from`, or NULL) posed into *fig and placed on a stage of size
 * stage keeping clear of k, as the camera frames it (when it runs): what a frame shows. */
static void frame_figure(Sprites *s, const PoseMove *m, const PoseMove *from, const SessionView *v, SDL_Rect stage,
                         const FigKeepOut *k, PoseFigure *fig, FigLayout *lay)
{
    /* SHEET_POSES_PER_S distinct poses a second: the animation time on that grid (to the
     * nearest step), so a 60 Hz frame shows each pose twice and the painter paints half as often */
    int ms = sheet_grid_ms(v->anim_ms);
    PoseDraw d = pose_move_draw(m, v->side, v->turned);
    /* turning round from the mirror image the figure before it ended in: on the same grid */
    int turn = v->turn_ms < 0 ? -1 : sheet_grid_ms(v->turn_ms);
    figpaint_fit_turn(m, v->anim, ms, v->anim_length_ms, v->rep_hold_ms, stage.w, stage.h, d.mirror,
                      turn < 0 ? -1.0f : (float)turn / (float)SESSION_TURN_MS, k, lay);
    /* eased in from the figure before (SessionView.blend), on the same grid; else the move's own */
    bool eased = false;
    if (from && v->blend) {
        PoseMoment at_from = {v->from_anim, sheet_grid_ms(v->from_anim_ms), v->from_anim_length_ms, v->from_rep_hold_ms,
                              pose_move_draw(from, v->from_side, v->from_turned)};
        PoseMoment at = {v->anim, ms, v->anim_length_ms, v->rep_hold_ms, d};
        float u = (float)sheet_grid_ms(v->blend_ms) / (float)SESSION_BLEND_MS;
        eased = pose_moves_blend(from, &at_from, m, &at, u, fig, NULL);
        if (eased) { /* framed as the pose is eased: from where the figure before was framed (each
                        file stands its body at its own place along the mat: rest's pelvis 0.26 H
                        from knee rolls', which put the head off the stage) */
            FigLayout was;
            figpaint_fit_turn(from, at_from.mode, at_from.anim_ms, at_from.anim_length_ms, at_from.rep_hold_ms, stage.w,
                              stage.h, at_from.draw.mirror, -1.0f, k, &was);
            u = u < 0.0f ? 0.0f : u > 1.0f ? 1.0f : u;
            figpaint_layout_mix(&was, lay, u * u * (3.0f - 2.0f * u), lay); /* pose_moves_blend's ease */
        }
    }
    if (!eased)
        pose_move_figure_at(m, v->anim, ms, v->anim_length_ms, v->rep_hold_ms, d.swap, fig);
    if (camera_runs(s))
        figpaint_camera(&s->camera, v->figure, fig, stage.w, stage.h, lay, k, camera_now(s), lay);
}

static void draw_move(Sprites *s, const PoseMove *m, const PoseMove *from, const SessionView *v, SDL_Rect stage,
                      SDL_Rect keep_out, SDL_Rect keep_left, const SpritesBackdrop *bd)
{
    if (!s || !m || !v || stage.w <= 0 || stage.h <= 0)
        return;
    PaintScene scene;
    memset(&scene, 0, sizeof scene);
    scene.format = SDL_PIXELFORMAT_ARGB8888;
    scene.sx = stage.x, scene.sy = stage.y;
    if (bd && bd->card_color.a == 255 && target_format(s)) { /* an opaque card under it: copied, not blended */
        scene.opaque = true;
        scene.format = s->target_format;
        scene.bd = *bd;
    }
    if (!texture_fit(s, stage.w, stage.h, scene.format, scene.opaque))
        return;
    PaintJob *job = malloc(sizeof *job);
    if (!job)
        return;
    job->seq = 0;
    FigLayout lay;
    FigKeepOut k = keep_out_of(stage, keep_out, keep_left);
    frame_figure(s, m, from, v, stage, &k, &job->fig, &lay);
    s->drawn_inset = m->file.inset == POSE_INSET_KNEES;
    if (!s->drawn_inset && s->knees) { /* the knee rolls are over: their card goes (~0.5 MB at 1080p) */
        kneeinset_free(s->knees, s->dl);
        s->knees = NULL, s->knees_bytes = 0;
    }
    s->drawn_right = kneeview_right_deg(&job->fig, pose_move_draw(m, v->side, v->turned).mirror);
    PoseDraw pd = pose_move_draw(m, v->side, v->turned);
    if (strcmp(s->arrows_name, m->file.move) != 0 || s->arrows_swap != pd.swap) { /* once per move and side */
        arrows_of_move(m, pd.swap, &s->arrows);
        snprintf(s->arrows_name, sizeof s->arrows_name, "%s", m->file.move);
        s->arrows_swap = pd.swap;
    }
    s->drawn_any = true, s->drawn_meta = m->meta;
    s->drawn_place = lay.place, s->drawn_sx = stage.x, s->drawn_sy = stage.y;
    s->drawn_blend = from && v->blend;
    job->place = lay.place, job->w = stage.w, job->h = stage.h;
    /* the mat: a slab whose top is the mat line, with a lighter top edge; the pixels the software
     * renderer fills for these float rectangles (on the target), kept in stage pixels */
    /* on the stage only: the camera moves the mat with the figure (so the pelvis stays put as
     * one figure follows another), which can take its end past the stage's edge (Gentle start's
     * way to sitting drew it 20 px into the margin at 1080p) */
    float mat_x0 = fmaxf(0.0f, lay.mat_x0), mat_x1 = fminf((float)stage.w, lay.mat_x1);
    SDL_FRect mat = {stage.x + mat_x0, stage.y + lay.mat_y, fmaxf(0.0f, mat_x1 - mat_x0), lay.mat_h};
    SDL_FRect top = {mat.x, mat.y, mat.w, fmaxf(2.0f, mat.h * 0.25f)};
    scene.mat[0] = rect_of(mat), scene.mat[1] = rect_of(top);
    for (int i = 0; i < 2; i++)
        scene.mat[i].x -= stage.x, scene.mat[i].y -= stage.y;
    job->scene = scene;
    if (s->immediate) {
        job->seq = s->posted;
        paint_texture(s, job);
    } else {
        paint_live(s, job);
    }
    free(job);
    /* the mat the shown figure was painted with (the camera may have moved since its pose was
     * posted), then the figure's box: copied as it is onto its backdrop, or blended */
    bool show = s->shown.w > 0 && s->shown.h > 0 && scene_fits(&s->shown_scene, &scene);
    const SDL_Rect *mats = show ? s->shown_scene.mat : scene.mat;
    for (int i = 0; i < 2; i++)
        fill_rect(s, (SDL_Rect){stage.x + mats[i].x, stage.y + mats[i].y, mats[i].w, mats[i].h},
                  i == 0 ? sprites_mat_color : sprites_mat_top);
    if (show) {
        drawlist_copy(s->dl, s->renderer, s->texture, s->serial, &s->shown, stage.x + s->shown.x, stage.y + s->shown.y);
    }
}

void sprites_draw_move(Sprites *s, const PoseMove *m, const SessionView *v, SDL_Rect stage)
{
    draw_move(s, m, NULL, v, stage, (SDL_Rect){0, 0, 0, 0}, (SDL_Rect){0, 0, 0, 0}, NULL);
}

bool sprites_draw(Sprites *s, const SessionView *v, SDL_Rect stage)
{
    return sprites_draw_clear(s, v, stage, (SDL_Rect){0, 0, 0, 0}, (SDL_Rect){0, 0, 0, 0}, NULL);
}

/* The figure v eases in from (SessionView.blend), or NULL: drawn just before, so loaded. Live,
 * one that is not (dropped with every figure by sprites_release, a render device reset) is not
 * loaded again for the easing: that would be a third load beside the painter on the frame path,
 * and the figure would cut to the eased pose when it arrived mid-way; it is drawn as its own, as
 * where easing is left out. A still picture (immediate) loads and waits for it, as for the figure
 * itself. */
static const PoseMove *from_move(Sprites *s, const SessionView *v)
{
    SpriteFigure *from = NULL;
    if (v->blend && v->from_figure >= 0 && v->from_figure < SPRITES_FIGURES)
        from = s->immediate ? figure_get(s, v->from_figure, true) : figure_loaded(s, v->from_figure, false);
    return from ? &from->load->move : NULL;
}

bool sprites_draw_clear(Sprites *s, const SessionView *v, SDL_Rect stage, SDL_Rect keep_out, SDL_Rect keep_left,
                        const SpritesBackdrop *bd)
{
    if (!s || !v || v->figure < 0 || v->figure >= SPRITES_FIGURES || stage.w <= 0 || stage.h <= 0)
        return false;
    SpriteFigure *f = figure_get(s, v->figure, s->immediate);
    s->loading = !f && !s->figures[v->figure].tried;
    s->drawn_at = SDL_GetTicks();
    s->draws++;
    if (!f)
        return s->loading; /* still loading: nothing this frame, but no name */
    draw_move(s, &f->load->move, from_move(s, v), v, stage, keep_out, keep_left, bd);
    return true;
}

bool sprites_follow_clear(Sprites *s, const SessionView *v, SDL_Rect stage, SDL_Rect keep_out, SDL_Rect keep_left)
{
    if (!s || !v || v->figure < 0 || v->figure >= SPRITES_FIGURES || stage.w <= 0 || stage.h <= 0 || !camera_runs(s))
        return false;
    SpriteFigure *f = figure_get(s, v->figure, s->immediate);
    PoseFigure *fig = malloc(sizeof *fig);
    if (!f || !fig) {
        free(fig);
        return false; /* a frame that shows no figure: the camera does not see it */
    }
    FigLayout lay;
    FigKeepOut k = keep_out_of(stage, keep_out, keep_left);
    frame_figure(s, &f->load->move, from_move(s, v), v, stage, &k, fig, &lay);
    free(fig);
    return true;
}

bool sprites_inset(Sprites *s, const SessionView *v)
{
    if (!s || !v || v->figure < 0 || v->figure >= SPRITES_FIGURES)
        return false;
    const SpriteFigure *f = figure_get(s, v->figure, s->immediate); /* as the draw that follows finds it */
    return f && f->load->move.file.inset == POSE_INSET_KNEES;
}

void sprites_draw_inset(Sprites *s, SDL_Rect box)
{
    if (!s || !s->drawn_inset)
        return;
    if (!s->knees)
        s->knees = kneeinset_new();
    kneeinset_draw(s->knees, s->renderer, s->dl, box, s->drawn_right);
    s->knees_bytes = s->knees ? (size_t)box.w * (size_t)box.h * 8 : 0; /* kneeinset.c: a texture and its pixels */
}

bool sprites_arrows(const Sprites *s, const SessionView *v, MoveArrows *out, float *alpha)
{
    *alpha = 0.0f;
    out->count = 0;
    /* none while the figure is eased in from another one (a rest's pose): not yet where they start */
    if (!s || !v || !s->drawn_any || s->arrows.count == 0 || s->drawn_blend)
        return false;
    *alpha = arrows_alpha(v, &s->drawn_meta);
    if (*alpha <= 0.0f)
        return false;
    arrows_place(&s->arrows, &s->drawn_place, (float)s->drawn_sx, (float)s->drawn_sy, out);
    return true;
}

void sprites_frame_shown(Sprites *s)
{
    if (!s || !s->painter)
        return;
    SDL_LockMutex(s->lock);
    if (s->job_pending && !s->go) {
        s->go = true;
        SDL_CondSignal(s->wake);
    }
    SDL_UnlockMutex(s->lock);
}

bool sprites_pending(const Sprites *s)
{
    /* a screen that stopped drawing the figure (the results) stops being woken after a while */
    if (!s || SDL_TICKS_PASSED(SDL_GetTicks(), s->drawn_at + SPRITES_PENDING_MS))
        return false;
    return s->loading || s->shown_seq != s->posted;
}

unsigned sprites_draw_count(const Sprites *s)
{
    return s ? s->draws : 0;
}

void sprites_paint_stats(Sprites *s, unsigned *paints, double *cpu_ms, unsigned *late_ms, unsigned *own_paints)
{
    *paints = 0, *cpu_ms = 0, *late_ms = 0, *own_paints = 0;
    if (!s || !s->lock)
        return;
    SDL_LockMutex(s->lock);
    *paints = s->paints, *cpu_ms = s->paint_cpu_ms, *late_ms = s->late_ms, *own_paints = s->own_paints;
    s->late_ms = 0;
    SDL_UnlockMutex(s->lock);
}

size_t sprites_memory_bytes(const Sprites *s)
{
    size_t bytes = 0;
    for (int i = 0; s && i < SPRITES_FIGURES; i++)
        if (s->figures[i].ok)
            bytes += sizeof(FigureLoad) + (size_t)s->figures[i].load->move.meta.frames *
                                              (sizeof(Pose) + sizeof(int) + sizeof(unsigned) + 4 * sizeof(float));
    for (int i = 0; s && i < SPRITES_PAINT_BUFFERS; i++)
        bytes += s->buf[i].cap * sizeof(Uint32);
    for (int i = 0; s && i < 2; i++)
        bytes += s->scratch[i].cap * sizeof(Uint32);
    if (s && s->texture)
        bytes += (size_t)s->tw * (size_t)s->th * 4;
    if (s)
        bytes += s->knees_bytes;
    return bytes;
}
