/* test_drawlist.c: drawing only what changed gives the same pixels as drawing every frame whole.
 * Random scenes of fills (opaque and blended), copies of opaque and blended textures whose
 * contents change, are destroyed and made again, lines, frames without a clear, and a texture
 * filled again after it was drawn in the same frame, each drawn twice: through a draw list on one
 * surface and at once on another. After every frame the two surfaces must be equal byte for
 * byte, and most frames must have drawn only a part of the screen. */
#include <SDL.h>
#include <stdint.h>

#include "app.h"
#include "apptest.h"
#include "drawlist.h"
#include "render.h"
#include "sprites.h"
#include "testutil.h"

#define W 320
#define H 200
#define TEXTURES 4
#define OPS 40

typedef struct {
    SDL_Surface *surf;
    SDL_Renderer *r;
    DrawList *dl;
    SDL_Texture *tex[TEXTURES];
    uint64_t serial[TEXTURES];
} Canvas;

typedef struct {
    int kind; /* 0 fill, 1 copy, 2 line */
    SDL_Rect rc;
    SDL_Color c;
    bool blend;
    int tex;
} Op;

static uint32_t rng_state = 12345u;

static uint32_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return rng_state;
}

static int rnd_in(int lo, int hi)
{
    return lo + (int)(rnd() % (uint32_t)(hi - lo + 1));
}

static Op random_op(void)
{
    Op o;
    memset(&o, 0, sizeof o);
    o.kind = rnd() % 10 < 6 ? 0 : 1;
    /* sizes from 0: SDL 2.26 fills a 1 px line for a 0-wide rectangle, the list must agree */
    o.rc = (SDL_Rect){rnd_in(-20, W - 10), rnd_in(-20, H - 10), rnd_in(0, 120), rnd_in(0, 90)};
    o.c = (SDL_Color){(Uint8)rnd(), (Uint8)rnd(), (Uint8)rnd(), (Uint8)(rnd() % 3 ? 255 : rnd() % 255)};
    o.blend = o.c.a < 255;
    o.tex = rnd_in(0, TEXTURES - 1);
    return o;
}

/* Texture i's pixels for version v: blended ones have an alpha ramp. */
static void texture_pixels(Uint32 *px, int i, int v)
{
    for (int y = 0; y < 48; y++)
        for (int x = 0; x < 64; x++) {
            Uint32 a = i % 2 ? (Uint32)((x * 4 + y) & 0xff) : 0xffu;
            px[y * 64 + x] = (a << 24) | ((Uint32)((x * 3 + v * 40) & 0xff) << 16) |
                             ((Uint32)((y * 5 + i * 60) & 0xff) << 8) | (Uint32)((v * 17 + x * y) & 0xff);
        }
}

static void texture_make(Canvas *cv, int i, int v)
{
    Uint32 px[64 * 48];
    texture_pixels(px, i, v);
    cv->tex[i] = SDL_CreateTexture(cv->r, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STREAMING, 64, 48);
    SDL_SetTextureBlendMode(cv->tex[i], i % 2 ? SDL_BLENDMODE_BLEND : SDL_BLENDMODE_NONE);
    SDL_UpdateTexture(cv->tex[i], NULL, px, 64 * 4);
    cv->serial[i] = drawlist_serial(cv->dl);
}

static void texture_fill(Canvas *cv, int i, int v)
{
    Uint32 px[64 * 48];
    texture_pixels(px, i, v);
    drawlist_texture_changing(cv->dl, cv->tex[i]);
    SDL_UpdateTexture(cv->tex[i], NULL, px, 64 * 4);
    cv->serial[i] = drawlist_serial(cv->dl);
}

static bool canvas_open(Canvas *cv, bool with_list)
{
    memset(cv, 0, sizeof *cv);
    cv->surf = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_RGB888);
    cv->r = cv->surf ? SDL_CreateSoftwareRenderer(cv->surf) : NULL;
    if (!cv->r)
        return false;
    cv->dl = with_list ? drawlist_new(cv->r, NULL) : NULL;
    for (int i = 0; i < TEXTURES; i++)
        texture_make(cv, i, 0);
    return !with_list || cv->dl;
}

static void canvas_close(Canvas *cv)
{
    for (int i = 0; i < TEXTURES; i++)
        SDL_DestroyTexture(cv->tex[i]);
    drawlist_free(cv->dl);
    SDL_DestroyRenderer(cv->r);
    SDL_FreeSurface(cv->surf);
}

static void draw_op(Canvas *cv, const Op *o)
{
    switch (o->kind) {
    case 0: drawlist_fill(cv->dl, cv->r, o->rc, o->c, o->blend ? SDL_BLENDMODE_BLEND : SDL_BLENDMODE_NONE); break;
    case 1: {
        SDL_Rect src = {o->rc.w % 16, o->rc.h % 12, 64 - o->rc.w % 16, 48 - o->rc.h % 12};
        drawlist_copy(cv->dl, cv->r, cv->tex[o->tex], cv->serial[o->tex], &src, o->rc.x, o->rc.y);
        break;
    }
    default: drawlist_line(cv->dl, cv->r, o->rc.x, o->rc.y, o->rc.x + o->rc.w, o->rc.y + o->rc.h, o->c); break;
    }
}

static bool same_pixels(const Canvas *a, const Canvas *b)
{
    for (int y = 0; y < H; y++)
        if (memcmp((const Uint8 *)a->surf->pixels + y * a->surf->pitch,
                   (const Uint8 *)b->surf->pixels + y * b->surf->pitch, W * 4) != 0)
            return false;
    return true;
}

/* The app in a (dummy) window, as unknot plays: the safety notice, the check-in, the intro and a
 * workout of reps, holds and captions, 50 ms a frame. Each frame drawn through the list must equal
 * the same frame drawn whole (the list told that the window's pixels are gone). */
static void app_frames(const char *routine, int w, int h)
{
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
    SDL_Window *win = SDL_CreateWindow("test", 0, 0, w, h, 0);
    SDL_Renderer *ren = win ? SDL_CreateRenderer(win, -1, SDL_RENDERER_SOFTWARE) : NULL;
    SDL_Surface *ws = win ? SDL_GetWindowSurface(win) : NULL;
    CHECK(ren != NULL && ws != NULL);
    if (!ren || !ws)
        return;
    AppOptions o = {0};
    o.data_dir = ".";
    o.levels_dir = "levels";
    o.routine = routine;
    o.width = w;
    o.height = h;
    App *a = app_new(&o, win, ren);
    CHECK(a != NULL && app_render(a)->dl != NULL);
    if (!a || !app_render(a)->dl)
        return;
    sprites_set_immediate(app_render(a)->sprites, true); /* the same figure in both draws of a frame */
    size_t bytes = (size_t)ws->pitch * (size_t)ws->h;
    Uint8 *shown = malloc(bytes);
    int frames = 0, partial = 0, mismatched = 0, work = 0;
    long long sent = 0;
    for (int f = 0; f < 760 && shown; f++) {
        if (f == 5)
            apptest_tap(a, SDLK_SPACE); /* the safety notice */
        if (f == 10)
            apptest_tap(a, SDLK_s); /* the pain check-in: skipped */
        if (f == 15)
            apptest_tap(a, SDLK_RETURN); /* the intro */
        if (f > 15 && f % 20 == 0)
            apptest_tap(a, SDLK_SPACE); /* Ready, reps */
        app_update(a, 50);
        app_draw(a);
        if (apptest_kind(a) == SEG_WORK)
            work++;
        SDL_Rect r[DRAWLIST_RECTS];
        int n = drawlist_last_rects(app_render(a)->dl, r, DRAWLIST_RECTS);
        long long area = 0;
        for (int i = 0; i < n; i++)
            area += (long long)r[i].w * r[i].h;
        sent += area;
        frames++;
        if (area < (long long)w * h)
            partial++;
        memcpy(shown, ws->pixels, bytes);
        drawlist_invalidate(app_render(a)->dl);
        app_draw(a);
        if (memcmp(shown, ws->pixels, bytes) != 0 && mismatched++ < 5)
            fprintf(stderr, "%s frame %d (%s): drawn in part, it differs from the frame drawn whole\n", routine, f,
                    app_screen(a));
    }
    CHECK_INT(mismatched, 0);
    CHECK(partial > frames / 2); /* most frames send only a part */
    CHECK(work > 100); /* the workout itself was drawn, not only the screens before it */
    printf("test_drawlist: %s at %dx%d: %d frames (%d in exercises), %d drawn in part, %.1f%% of the screen sent a "
           "frame\n",
           routine, w, h, frames, work, partial, frames ? 100.0 * (double)sent / ((double)frames * w * h) : 0.0);
    free(shown);
    app_free(a);
    SDL_DestroyRenderer(ren);
    SDL_DestroyWindow(win);
}

int main(void)
{
    if (!apptest_init()) {
        fprintf(stderr, "SDL_Init: %s\n", SDL_GetError());
        return 1;
    }
    Canvas list, whole;
    CHECK(canvas_open(&list, true));
    CHECK(canvas_open(&whole, false));
    Op ops[OPS];
    for (int i = 0; i < OPS; i++)
        ops[i] = random_op();
    SDL_Color page = {30, 40, 50, 255};
    int frames = 400, partial = 0, nothing = 0, mismatched = 0, version = 0, destroyed_drawn = 0;
    for (int f = 0; f < frames; f++) {
        /* the scene changes a little each frame, as a workout screen does */
        int n_ops = OPS - (f % 7 == 3 ? 5 : 0); /* now and then fewer calls */
        int changes = f % 5 == 0 ? 0 : rnd_in(1, 3);
        for (int k = 0; k < changes; k++) {
            int i = rnd_in(0, OPS - 1);
            if (rnd() % 2)
                ops[i].rc.x += rnd_in(-3, 3); /* a small move */
            else
                ops[i] = random_op();
        }
        bool lines = f % 23 == 11, no_clear = f % 19 == 7;
        if (f % 9 == 4) { /* a texture's contents change between frames */
            version++;
            texture_fill(&list, version % TEXTURES, version);
            texture_fill(&whole, version % TEXTURES, version);
        }
        if (f % 31 == 17) { /* destroyed and made again (the list keeps it until the frame is sent) */
            int i = rnd_in(0, TEXTURES - 1);
            drawlist_destroy_texture(list.dl, list.tex[i]);
            SDL_DestroyTexture(whole.tex[i]);
            version++;
            texture_make(&list, i, version);
            texture_make(&whole, i, version);
        }
        int doomed = -1; /* a texture a copy of this frame draws, destroyed before the frame is sent */
        for (int i = 0; f % 37 == 21 && i < n_ops && doomed < 0; i++)
            if (ops[i].kind == 1)
                doomed = ops[i].tex;
        Canvas *cvs[2] = {&list, &whole};
        for (int c = 0; c < 2; c++) {
            Canvas *cv = cvs[c];
            if (!no_clear)
                drawlist_clear(cv->dl, cv->r, page);
            for (int i = 0; i < n_ops; i++) {
                draw_op(cv, &ops[i]);
                if (f % 29 == 13 && i == n_ops / 2) /* filled again after being drawn this frame */
                    texture_fill(cv, ops[0].tex, version + 100);
            }
            if (lines) {
                Op l = {2, {10, 10, 200, 150}, {255, 255, 0, 255}, false, 0};
                draw_op(cv, &l);
            }
            if (doomed >= 0) /* copied this frame, destroyed before it is sent: the list keeps it */
                drawlist_destroy_texture(cv->dl, cv->tex[doomed]);
            drawlist_present(cv->dl, cv->r); /* ASan: a texture destroyed too early is a use after free */
        }
        if (doomed >= 0) {
            destroyed_drawn++;
            version++;
            texture_make(&list, doomed, version);
            texture_make(&whole, doomed, version);
        }
        if (f % 29 == 13) {
            texture_fill(&list, ops[0].tex, version);
            texture_fill(&whole, ops[0].tex, version);
        }
        if (!same_pixels(&list, &whole)) {
            if (mismatched++ < 5)
                fprintf(stderr, "frame %d: the draw list's pixels differ from a whole redraw\n", f);
        }
        SDL_Rect rects[DRAWLIST_RECTS];
        int n = drawlist_last_rects(list.dl, rects, DRAWLIST_RECTS);
        long long drawn = 0;
        for (int i = 0; i < n; i++)
            drawn += (long long)rects[i].w * rects[i].h;
        if (n == 0)
            nothing++;
        else if (drawn < (long long)W * H)
            partial++;
    }
    CHECK_INT(mismatched, 0);
    CHECK(destroyed_drawn >= 5); /* the deferred destroy was taken (frames 21, 58, 95...) */
    /* the point of it: most frames draw and send only part of the screen, unchanged ones nothing */
    CHECK(partial > frames / 3);
    CHECK(nothing > 0);
    printf("test_drawlist: %d frames, %d drawn in part, %d with nothing to draw\n", frames, partial, nothing);

    /* an unchanged frame draws nothing; one changed fill draws just its old and new place */
    for (int k = 0; k < 2; k++) {
        drawlist_clear(list.dl, list.r, page);
        drawlist_fill(list.dl, list.r, (SDL_Rect){10 + k * 190, 10 + k * 140, 20, 20}, (SDL_Color){200, 0, 0, 255},
                      SDL_BLENDMODE_NONE);
        drawlist_present(list.dl, list.r);
    }
    SDL_Rect r[DRAWLIST_RECTS];
    int n = drawlist_last_rects(list.dl, r, DRAWLIST_RECTS);
    CHECK_INT(n, 2); /* far apart: two rectangles, not their union */
    long long drawn = 0;
    for (int i = 0; i < n; i++)
        drawn += (long long)r[i].w * r[i].h;
    CHECK_INT(drawn, 2 * 20 * 20);
    drawlist_clear(list.dl, list.r, page);
    drawlist_fill(list.dl, list.r, (SDL_Rect){200, 150, 20, 20}, (SDL_Color){200, 0, 0, 255}, SDL_BLENDMODE_NONE);
    drawlist_present(list.dl, list.r);
    CHECK_INT(drawlist_last_rects(list.dl, r, DRAWLIST_RECTS), 0);
    drawlist_invalidate(list.dl); /* exposed: sent whole though nothing changed */
    drawlist_clear(list.dl, list.r, page);
    drawlist_fill(list.dl, list.r, (SDL_Rect){200, 150, 20, 20}, (SDL_Color){200, 0, 0, 255}, SDL_BLENDMODE_NONE);
    drawlist_present(list.dl, list.r);
    CHECK_INT(drawlist_last_rects(list.dl, r, DRAWLIST_RECTS), 1);
    CHECK(r[0].w == W && r[0].h == H);

    canvas_close(&list);
    canvas_close(&whole);

    app_frames("levels/02-core-strength.routine", 1280, 720);
    app_frames("levels/01-gentle-start.routine", 1920, 1080);
    apptest_quit();
    return TEST_END();
}
