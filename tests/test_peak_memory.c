/* test_peak_memory.c: what the drawing code holds at its peak (issue 12: peak RSS under 50 MB in a
 * real-time workout), against SDL's software renderer on a plain surface: the motion arrows and a
 * text's lines are painted into their textures with no buffer of that size beside them (the peak
 * resident size, VmHWM, measured around one large paint); the live figure keeps one painter's
 * buffer beside its texture; the knees' card goes when the knee rolls end; a few font sizes are
 * kept open, not every size drawn. */
#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arrowdraw.h"
#include "moves.h"
#include "sprites.h"
#include "testutil.h"
#include "text.h"

#define W 1920
#define H 1080

#if defined(__SANITIZE_ADDRESS__)
#define PEAK_MEASURABLE 0 /* ASan's allocator keeps freed blocks and shadows every one */
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PEAK_MEASURABLE 0
#else
#define PEAK_MEASURABLE 1
#endif
#else
#define PEAK_MEASURABLE 1
#endif

static long status_kb(const char *key)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long kb = -1;
    size_t n = strlen(key);
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, key, n) == 0 && line[n] == ':')
            kb = atol(line + n + 1);
    if (f)
        fclose(f);
    return kb;
}

/* Start measuring the peak resident size from now (Linux: VmHWM set back to VmRSS). Returns the
 * resident size in kB, or -1 where the peak cannot be reset. */
static long peak_reset(void)
{
    if (!PEAK_MEASURABLE)
        return -1;
    FILE *f = fopen("/proc/self/clear_refs", "w");
    if (!f)
        return -1;
    bool ok = fputs("5", f) >= 0;
    ok = fclose(f) == 0 && ok;
    return ok ? status_kb("VmRSS") : -1;
}

/* How far the peak rose over rss0 (kB), since peak_reset. */
static long peak_rise(long rss0)
{
    return status_kb("VmHWM") - rss0;
}

static SessionView view(MoveId id, int t)
{
    SessionView v;
    memset(&v, 0, sizeof v);
    v.figure = id;
    v.anim = ANIM_REPS;
    v.anim_ms = t;
    v.anim_length_ms = 4000;
    v.side = SIDES_LEFT;
    return v;
}

/* One large arrow (a box of ~2600 px square, ~26 MB of texture) painted at full strength: the
 * peak rises by about its texture, not three times that (a pixel and a distance buffer beside it,
 * 8 bytes a pixel more, as each of a fade's steps took). */
static void arrow_peak(SDL_Renderer *r)
{
    ArrowDraw *ad = arrowdraw_new(r);
    MoveArrows a = {{{{100.0f, 1300.0f, 2500.0f}, {100.0f, 1300.0f, 2500.0f}}}, 1, 60.0f};
    long rss0 = peak_reset();
    arrowdraw_draw(ad, NULL, &a, 1.0f);
    long rise = rss0 < 0 ? -1 : peak_rise(rss0);
    SDL_Rect e = arrowdraw_extent(&a.path[0], a.width);
    long tex_kb = (long)e.w * e.h * 4 / 1024;
    printf("arrow: box %dx%d, texture %ld kB, peak rose %ld kB\n", e.w, e.h, tex_kb, rise);
    CHECK(tex_kb > 16000);
    if (rss0 >= 0)
        CHECK(rise < tex_kb * 13 / 10);
    arrowdraw_free(ad, NULL);
}

/* Eight lines of 150 px text (~16 MB of texture): the peak rises by the texture and one line, not
 * by the lines' surfaces and a whole-text surface beside the texture (twice the texture). */
static void text_peak(Text *t)
{
    const char *para = "Bring one knee up and pull it gently towards your chest, keeping the other foot flat on "
                       "the floor and your back relaxed; breathe out as the knee comes up, hold it for five "
                       "seconds, then lower it slowly and change to the other leg without lifting your head";
    long rss0 = peak_reset();
    size_t before = text_stats(t).cached_bytes;
    text_draw(t, para, 150, (SDL_Color){255, 255, 255, 255}, 0, 0, TEXT_LEFT, 3600, 8);
    long rise = rss0 < 0 ? -1 : peak_rise(rss0);
    long tex_kb = (long)((text_stats(t).cached_bytes - before) / 1024);
    printf("text: texture %ld kB, peak rose %ld kB\n", tex_kb, rise);
    CHECK(tex_kb > 16000);
    if (rss0 >= 0)
        CHECK(rise < tex_kb * 3 / 2);
}

/* Font sizes drawn one after another: at most TEXT_MAX_SIZES stay open, each size drawn again
 * from its cached line without opening it. */
static void text_fonts(Text *t)
{
    for (int px = 20; px < 20 + 30 * 2; px += 2)
        text_draw(t, "Knee to chest", px, (SDL_Color){255, 255, 255, 255}, 0, 0, TEXT_LEFT, 0, 1);
    TextStats s = text_stats(t);
    printf("fonts: %d open after 30 sizes drawn, %u opened\n", s.open_fonts, s.font_opens);
    CHECK(s.open_fonts <= 8); /* 24 were kept: ~3.6 MB at a real-time workout's peak */
    unsigned opens = s.font_opens;
    text_draw(t, "Knee to chest", 20, (SDL_Color){255, 255, 255, 255}, 0, 0, TEXT_LEFT, 0, 1);
    CHECK_INT(text_stats(t).font_opens, opens); /* the line is cached: its closed size is not opened */
}

/* The live figure (the painter thread) through four seconds of a knee hug, each frame shown at once:
 * the texture (the stage's size) and one painter's buffer, not two. */
static void figure_buffers(SDL_Renderer *r, SDL_Surface *surf)
{
    SDL_Rect stage = {30, 150, 1070, 700};
    Sprites *sp = sprites_new(r, "assets/poses");
    CHECK(sprites_wait(sp, MOVE_KNEE_TO_CHEST));
    size_t figure = sprites_memory_bytes(sp); /* the loaded move alone */
    size_t most = 0;
    for (int f = 0; f < 240; f++) {
        SDL_FillRect(surf, NULL, 0xff141a24u);
        SessionView v = view(MOVE_KNEE_TO_CHEST, f * 1000 / 60);
        CHECK(sprites_draw(sp, &v, stage));
        SDL_RenderPresent(r);
        sprites_frame_shown(sp);
        size_t b = sprites_memory_bytes(sp);
        most = b > most ? b : most;
        if (f % 60 == 59)
            SDL_Delay(20); /* the painter catches up now and then, as between real frames */
    }
    size_t stage_bytes = (size_t)stage.w * (size_t)stage.h * 4;
    printf("figure: at most %zu kB held (the move %zu kB, the stage %zu kB)\n", most / 1024, figure / 1024,
           stage_bytes / 1024);
    CHECK(most <= figure + 2 * stage_bytes); /* two of three (texture, buffer, buffer) came to ~2.6 stages */
    sprites_free(sp);
}

/* The knees' card of the knee rolls is freed by the first figure drawn after them that asks for
 * none (knee to chest, after the rolls in levels/07: it was held through the rest of the workout). */
static void knees_card(SDL_Renderer *r)
{
    SDL_Rect stage = {30, 150, 1070, 700}, box = {50, 170, 400, 220};
    Sprites *sp = sprites_new(r, "assets/poses");
    sprites_set_immediate(sp, true);
    SessionView v = view(MOVE_KNEE_ROLLS, 1000);
    CHECK(sprites_inset(sp, &v));
    CHECK(sprites_draw(sp, &v, stage));
    sprites_draw_inset(sp, box);
    size_t with = sprites_memory_bytes(sp);
    v = view(MOVE_KNEE_TO_CHEST, 1000);
    sprites_prepare(sp, MOVE_KNEE_TO_CHEST, MOVE_NONE);
    CHECK(!sprites_inset(sp, &v));
    CHECK(sprites_draw(sp, &v, stage));
    size_t after = sprites_memory_bytes(sp);
    printf("knees' card: %zu kB held with it, %zu kB after\n", with / 1024, after / 1024);
    CHECK(with >= (size_t)box.w * box.h * 4);
    CHECK(after + (size_t)box.w * box.h * 4 <= with); /* the same stage and texture; the card gone */
    sprites_free(sp);
}

int main(void)
{
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        fprintf(stderr, "SDL_Init: %s\n", SDL_GetError());
        return 1;
    }
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_RGB888);
    SDL_Renderer *r = surf ? SDL_CreateSoftwareRenderer(surf) : NULL;
    CHECK(r != NULL);
    if (!r)
        return TEST_END();
    if (peak_reset() < 0)
        printf("peak resident size not measurable here (not Linux, or a sanitizer): those checks skipped\n");
    arrow_peak(r);
    char err[256];
    Text *t = text_new(r, NULL, err, sizeof err);
    CHECK(t != NULL);
    if (t) {
        text_peak(t);
        text_fonts(t);
        text_free(t);
    }
    figure_buffers(r, surf);
    knees_card(r);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(surf);
    SDL_Quit();
    return TEST_END();
}
