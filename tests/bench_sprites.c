/* bench_sprites.c: prints resident memory after loading and drawing every move once at
 * 1920x1080 (software renderer on a surface), the time to load one sheet (median over moves)
 * and the time to draw one blended frame. Prints figures only; never fails on timing. */
#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "moves.h"
#include "sprites.h"

static long rss_kb(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long kb = -1;
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, "VmRSS:", 6) == 0)
            kb = atol(line + 6);
    if (f)
        fclose(f);
    return kb;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double now_ms(void)
{
    return (double)SDL_GetPerformanceCounter() * 1000.0 / (double)SDL_GetPerformanceFrequency();
}

int main(void)
{
    if (SDL_Init(SDL_INIT_VIDEO) != 0)
        return 1;
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, 1920, 1080, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = surf ? SDL_CreateSoftwareRenderer(surf) : NULL;
    if (!r)
        return 1;
    SDL_Rect stage = {384, 216, 1152, 648};
    long rss0 = rss_kb();
    Sprites *sp = sprites_new(r, "assets/sprites");
    double load[MOVE_COUNT], draw[MOVE_COUNT * 30];
    int ndraw = 0;
    size_t peak_tex = 0;
    for (int id = 0; id < MOVE_COUNT; id++) {
        double t0 = now_ms();
        sprites_prepare(sp, (MoveId)id, id + 1 < MOVE_COUNT ? MOVE_NONE : MOVE_NONE);
        load[id] = now_ms() - t0;
        size_t tex = sprites_texture_bytes(sp);
        if (tex > peak_tex)
            peak_tex = tex;
        for (int k = 0; k < 30; k++) {
            SessionView v;
            memset(&v, 0, sizeof v);
            v.figure = (MoveId)id;
            v.anim = ANIM_REPS;
            v.anim_ms = k * 133 + 50;
            v.anim_length_ms = 4000;
            v.side = k % 2 ? SIDES_LEFT : SIDES_RIGHT;
            SDL_FillRect(surf, NULL, 0xff141a24u);
            double d0 = now_ms();
            sprites_draw(sp, &v, stage);
            draw[ndraw++] = now_ms() - d0;
        }
        printf("%-13s load %6.1f ms, textures now %5.1f MB\n", moves_info((MoveId)id)->id, load[id],
               sprites_texture_bytes(sp) / 1048576.0);
    }
    /* every move once more in session order (current + next prepared), as a workout does */
    for (int id = 0; id < MOVE_COUNT; id++)
        sprites_prepare(sp, (MoveId)id, (MoveId)((id + 1) % MOVE_COUNT));
    long rss1 = rss_kb();
    qsort(load, MOVE_COUNT, sizeof load[0], cmp_double);
    qsort(draw, (size_t)ndraw, sizeof draw[0], cmp_double);
    printf("bench_sprites: RSS %.1f MB after every move (%.1f MB before sprites; framebuffer surface 7.9 MB)\n",
           rss1 / 1024.0, rss0 / 1024.0);
    printf("bench_sprites: load one sheet: median %.1f ms, max %.1f ms\n", load[MOVE_COUNT / 2], load[MOVE_COUNT - 1]);
    printf("bench_sprites: draw one frame (2 blended, scaled x2, software): median %.2f ms, p90 %.2f ms\n",
           draw[ndraw / 2], draw[ndraw * 9 / 10]);
    printf("bench_sprites: peak texture bytes for one sheet set %.1f MB\n", peak_tex / 1048576.0);
    sprites_free(sp);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(surf);
    SDL_Quit();
    return 0;
}
