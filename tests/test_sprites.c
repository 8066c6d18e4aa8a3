/* test_sprites.c: the sprite drawer against SDL's software renderer on a plain surface (no
 * window): every move draws, frames change through a rep, left and right are mirror images,
 * the figure is big enough, and a missing or broken sheet returns false without crashing. */
#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "moves.h"
#include "sprites.h"
#include "testutil.h"

#define W 1920
#define H 1080
static const SDL_Rect stage = {384, 216, 1152, 648}; /* the middle 60% the lead passes */
#define BG 0xff141a24u

static void clear(SDL_Surface *s)
{
    SDL_FillRect(s, NULL, BG);
}

static Uint32 px(SDL_Surface *s, int x, int y)
{
    return ((Uint32 *)s->pixels)[y * (s->pitch / 4) + x];
}

/* Count non-background pixels inside r; also the vertical extent of the figure. */
static int count_drawn(SDL_Surface *s, SDL_Rect r, int *top, int *bottom)
{
    int n = 0;
    *top = H, *bottom = -1;
    for (int y = r.y; y < r.y + r.h; y++)
        for (int x = r.x; x < r.x + r.w; x++)
            if (px(s, x, y) != BG) {
                n++;
                if (y < *top)
                    *top = y;
                if (y > *bottom)
                    *bottom = y;
            }
    return n;
}

static int count_diff(const Uint32 *a, const Uint32 *b, size_t n)
{
    int d = 0;
    for (size_t i = 0; i < n; i++)
        d += a[i] != b[i];
    return d;
}

static SessionView view(MoveId id, AnimMode mode, int t, int len, Sides side)
{
    SessionView v;
    memset(&v, 0, sizeof v);
    v.figure = id;
    v.anim = mode;
    v.anim_ms = t;
    v.anim_length_ms = len;
    v.side = side;
    return v;
}

int main(void)
{
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        fprintf(stderr, "SDL_Init: %s\n", SDL_GetError());
        return 1;
    }
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = surf ? SDL_CreateSoftwareRenderer(surf) : NULL;
    if (!r) {
        fprintf(stderr, "renderer: %s\n", SDL_GetError());
        return 1;
    }
    size_t npx = (size_t)surf->pitch / 4 * H;
    Uint32 *snap = malloc(npx * 4), *snap2 = malloc(npx * 4);
    Sprites *sp = sprites_new(r, "assets/sprites");
    CHECK(sp != NULL);
    int top, bottom;

    for (int id = 0; id < MOVE_COUNT; id++) {
        bool rest_like = !moves_info((MoveId)id)->routine_usable; /* idle and the resting figures */
        AnimMode mode = rest_like ? ANIM_LOOP : ANIM_REPS;
        sprites_prepare(sp, (MoveId)id, MOVE_NONE);
        /* a rep of 4 s: start and beat (2 s) differ; for held moves the reps loop the breath */
        clear(surf);
        SessionView v = view((MoveId)id, mode, 0, 4000, SIDES_NONE);
        CHECK(sprites_draw(sp, &v, stage));
        SDL_RenderPresent(r);
        int n = count_drawn(surf, stage, &top, &bottom);
        SDL_Rect whole = {0, 0, W, H};
        int all = count_drawn(surf, whole, &top, &bottom);
        printf("%-13s drawn %6d px, figure rows %d..%d\n", moves_info((MoveId)id)->id, n, top, bottom);
        CHECK(n > 20000);
        CHECK(all == n); /* nothing outside the stage */
        if (id == MOVE_IDLE)
            CHECK(bottom - top >= H * 45 / 100); /* standing figure: at least 45% of a 1080p screen */
        memcpy(snap, surf->pixels, npx * 4);
        clear(surf);
        v.anim_ms = rest_like ? 1800 : 2000;
        CHECK(sprites_draw(sp, &v, stage));
        int diff = count_diff(snap, surf->pixels, npx);
        CHECK(diff > (rest_like ? 50 : 2000));
        /* a held step: get ready frame, into the pose, out again */
        clear(surf);
        v = view((MoveId)id, ANIM_HOLD, 10000, 20000, SIDES_NONE);
        CHECK(sprites_draw(sp, &v, stage));
        memcpy(snap2, surf->pixels, npx * 4);
        clear(surf);
        v = view((MoveId)id, ANIM_START, 0, 0, SIDES_NONE);
        CHECK(sprites_draw(sp, &v, stage));
        if (!rest_like)
            CHECK(count_diff(snap2, surf->pixels, npx) > 2000);
    }

    /* left and right are mirror images about the stage's centre line */
    MoveId sided[MOVE_COUNT];
    int nsided = 0;
    for (int id = 0; id < MOVE_COUNT; id++)
        if (moves_info((MoveId)id)->sided)
            sided[nsided++] = (MoveId)id;
    CHECK(nsided >= 7); /* every sided move of the catalogue */
    for (int i = 0; i < nsided; i++) {
        clear(surf);
        SessionView v = view(sided[i], ANIM_HOLD, 6000, 12000, SIDES_LEFT);
        CHECK(sprites_draw(sp, &v, stage));
        memcpy(snap, surf->pixels, npx * 4);
        clear(surf);
        v.side = SIDES_RIGHT;
        CHECK(sprites_draw(sp, &v, stage));
        int pitch = surf->pitch / 4, mism = 0, drawn = 0, same = 0;
        for (int y = stage.y; y < stage.y + stage.h; y++)
            for (int x = stage.x; x < stage.x + stage.w; x++) {
                Uint32 a = snap[y * pitch + x];
                Uint32 b = ((Uint32 *)surf->pixels)[y * pitch + (2 * stage.x + stage.w - 1 - x)];
                if (a != BG)
                    drawn++;
                if (a != b) {
                    int dr = abs((int)((a >> 16) & 255) - (int)((b >> 16) & 255));
                    mism += dr > 24;
                }
                same += a != BG && a == ((Uint32 *)surf->pixels)[y * pitch + x];
            }
        printf("mirror %s: %d drawn, %d differ from the mirrored other side, %d unmirrored overlap\n",
               moves_info(sided[i])->id, drawn, mism, same);
        CHECK(drawn > 20000 && mism < drawn / 100);
        CHECK(same < drawn * 9 / 10); /* and the two sides really are different pictures */
    }
    sprites_free(sp);

    /* missing directory: false, no crash, and again (the warning is logged once) */
    sp = sprites_new(r, "/nonexistent/unknot-sprites");
    sprites_prepare(sp, MOVE_BRIDGE, MOVE_IDLE);
    SessionView v = view(MOVE_BRIDGE, ANIM_REPS, 100, 4000, SIDES_NONE);
    CHECK(!sprites_draw(sp, &v, stage));
    CHECK(!sprites_draw(sp, &v, stage));
    v.figure = MOVE_NONE;
    CHECK(!sprites_draw(sp, &v, stage));
    sprites_free(sp);

    /* broken sheets: garbage metadata, and valid metadata whose PNG is missing */
    char dir[] = "/tmp/unknot-sprites-XXXXXX";
    if (mkdtemp(dir)) {
        char path[256];
        snprintf(path, sizeof path, "%s/bridge.sheet", dir);
        FILE *f = fopen(path, "wb");
        if (f) {
            fputs("sheet 1\n\x01\x02garbage\n", f);
            fclose(f);
        }
        snprintf(path, sizeof path, "%s/idle.sheet", dir);
        FILE *in = fopen("assets/sprites/idle.sheet", "rb");
        f = fopen(path, "wb");
        if (in && f) {
            char buf[4096];
            size_t n = fread(buf, 1, sizeof buf, in);
            fwrite(buf, 1, n, f);
        }
        if (in)
            fclose(in);
        if (f)
            fclose(f);
        sp = sprites_new(r, dir);
        v = view(MOVE_BRIDGE, ANIM_REPS, 100, 4000, SIDES_NONE);
        CHECK(!sprites_draw(sp, &v, stage));
        v.figure = MOVE_IDLE;
        CHECK(!sprites_draw(sp, &v, stage));
        sprites_free(sp);
        /* an image that is not exactly columns*frame_w x rows*frame_h is refused before decoding:
         * idle.png holds 7 columns, so a sheet saying 6 does not match it (it is wider) */
        snprintf(path, sizeof path, "%s/idle.sheet", dir);
        in = fopen("assets/sprites/idle.sheet", "rb");
        f = fopen(path, "wb");
        if (in && f) {
            char line[256];
            while (fgets(line, sizeof line, in))
                fputs(strncmp(line, "columns ", 8) == 0 ? "columns 6\n" : line, f);
        }
        if (in)
            fclose(in);
        if (f)
            fclose(f);
        char png[256];
        snprintf(png, sizeof png, "%s/idle.png", dir);
        in = fopen("assets/sprites/idle.png", "rb");
        f = fopen(png, "wb");
        if (in && f) {
            char buf[65536];
            size_t n;
            while ((n = fread(buf, 1, sizeof buf, in)) > 0)
                fwrite(buf, 1, n, f);
        }
        if (in)
            fclose(in);
        if (f)
            fclose(f);
        sp = sprites_new(r, dir);
        v = view(MOVE_IDLE, ANIM_LOOP, 100, 4000, SIDES_NONE);
        CHECK(!sprites_draw(sp, &v, stage));
        CHECK_INT(sprites_texture_bytes(sp), 0);
        sprites_free(sp);
        remove(png);
        snprintf(path, sizeof path, "%s/bridge.sheet", dir);
        remove(path);
        snprintf(path, sizeof path, "%s/idle.sheet", dir);
        remove(path);
        remove(dir);
    }

    free(snap);
    free(snap2);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(surf);
    SDL_Quit();
    return TEST_END();
}
