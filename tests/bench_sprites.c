/* bench_sprites.c: prints resident memory after loading and drawing every move once at
 * 1920x1080 (software renderer on a surface), the time to load one sheet (median over moves)
 * and the time to draw one frame's figure (painted onto the stage card, copied as it is). Prints figures only; never
 * fails on timing. Reads the pose files from $UNKNOT_DATA/assets/poses, or the source tree's (as unknot does), so it
 * measures from any working directory; exits 1 with one line when a move cannot be loaded. */
#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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

/* CPU time of the calling thread: what a draw costs it, whatever else the machine runs */
static double cpu_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return (double)t.tv_sec * 1000.0 + (double)t.tv_nsec / 1e6;
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
    SDL_Rect stage = {40, 150, 1072, 700}; /* the workout stage of a 1920x1080 window */
    const char *data = getenv("UNKNOT_DATA");
    char poses[4096];
    snprintf(poses, sizeof poses, "%s/assets/poses", data && data[0] ? data : UNKNOT_DATA_DIR);
    char first[4200];
    snprintf(first, sizeof first, "%s/%s.pose", poses, moves_info((MoveId)0)->id);
    FILE *probe = fopen(first, "rb");
    if (!probe) {
        fprintf(stderr, "bench_sprites: no pose files in %s (set UNKNOT_DATA to the source tree): nothing measured\n",
                poses);
        return 1;
    }
    fclose(probe);
    long rss0 = rss_kb();
    Sprites *paint = sprites_new(r, poses), *live = sprites_new(r, poses);
    sprites_set_immediate(paint, true);
    /* as in the program: the figure painted onto the stage card and copied as it is */
    const SpritesBackdrop card = {stage, 28, {236, 232, 224, 255}, {20, 26, 36, 255}};
    sprites_set_target_format(paint, surf->format->format);
    sprites_set_target_format(live, surf->format->format);
    enum { FRAMES = 60 };
    static double load[MOVE_COUNT], draw_paint[MOVE_COUNT * FRAMES], draw_live[MOVE_COUNT * FRAMES],
        cpu_live[MOVE_COUNT * FRAMES], cpu_paint[MOVE_COUNT * FRAMES];
    int npaint = 0, nlive = 0;
    size_t peak = 0;
    for (int id = 0; id < MOVE_COUNT; id++) {
        double t0 = now_ms();
        sprites_prepare(paint, (MoveId)id, MOVE_NONE);
        if (!sprites_wait(paint, (MoveId)id)) { /* the warning names the file and why */
            fprintf(stderr, "bench_sprites: cannot load %s from %s: nothing measured\n", moves_info((MoveId)id)->id,
                    poses);
            return 1;
        }
        load[id] = now_ms() - t0;
        sprites_prepare(live, (MoveId)id, MOVE_NONE);
        sprites_wait(live, (MoveId)id);
        for (int k = 0; k < FRAMES; k++) {
            SessionView v;
            memset(&v, 0, sizeof v);
            v.figure = (MoveId)id;
            v.anim = ANIM_REPS;
            v.anim_ms = k * 67 + 50;
            v.anim_length_ms = 4000;
            v.side = k % 2 ? SIDES_LEFT : SIDES_RIGHT;
            SDL_FillRect(surf, NULL, 0xff141a24u);
            double d0 = now_ms(), p0 = cpu_ms();
            sprites_draw_clear(paint, &v, stage, (SDL_Rect){0, 0, 0, 0}, (SDL_Rect){0, 0, 0, 0},
                               &card); /* on this thread: the painter's cost */
            SDL_RenderFlush(r); /* the blit itself, not only its queueing */
            cpu_paint[npaint] = cpu_ms() - p0;
            draw_paint[npaint++] = now_ms() - d0;
            v.anim_ms += 33;
            SDL_FillRect(surf, NULL, 0xff141a24u);
            d0 = now_ms();
            double c0 = cpu_ms();
            sprites_draw_clear(live, &v, stage, (SDL_Rect){0, 0, 0, 0}, (SDL_Rect){0, 0, 0, 0},
                               &card); /* the render thread's cost */
            SDL_RenderFlush(r);
            cpu_live[nlive] = cpu_ms() - c0;
            draw_live[nlive++] = now_ms() - d0;
            SDL_Delay(8); /* half a 60 Hz frame: the painter runs meanwhile, as in a window */
        }
        size_t b = sprites_memory_bytes(paint) + sprites_memory_bytes(live);
        peak = b > peak ? b : peak;
        printf("%-18s load %6.1f ms\n", moves_info((MoveId)id)->id, load[id]);
    }
    /* every move once more in session order (current + next prepared), as a workout does */
    for (int id = 0; id < MOVE_COUNT; id++) {
        sprites_prepare(live, (MoveId)id, (MoveId)((id + 1) % MOVE_COUNT));
        sprites_wait(live, (MoveId)id);
    }
    long rss1 = rss_kb();
    qsort(load, MOVE_COUNT, sizeof load[0], cmp_double);
    qsort(draw_paint, (size_t)npaint, sizeof draw_paint[0], cmp_double);
    qsort(draw_live, (size_t)nlive, sizeof draw_live[0], cmp_double);
    qsort(cpu_paint, (size_t)npaint, sizeof cpu_paint[0], cmp_double);
    qsort(cpu_live, (size_t)nlive, sizeof cpu_live[0], cmp_double);
    printf("bench_sprites: RSS %.1f MB after every move (%.1f MB before the figure; framebuffer surface 7.9 MB)\n",
           rss1 / 1024.0, rss0 / 1024.0);
    printf("bench_sprites: load one move (read, parse, solve, sample; a loader thread): median %.1f ms, max %.1f ms\n",
           load[MOVE_COUNT / 2], load[MOVE_COUNT - 1]);
    printf("bench_sprites: paint one pose (1072x700 stage; the painter thread): median %.2f ms, p90 %.2f ms, "
           "p99 %.2f ms\n",
           draw_paint[npaint / 2], draw_paint[npaint * 9 / 10], draw_paint[npaint * 99 / 100]);
    printf("bench_sprites: render thread per frame, live (mat, upload, blit): median %.2f ms, p90 %.2f ms, "
           "p99 %.2f ms\n",
           draw_live[nlive / 2], draw_live[nlive * 9 / 10], draw_live[nlive * 99 / 100]);
    printf("bench_sprites: paint one pose, CPU: median %.2f ms, p90 %.2f ms, p99 %.2f ms\n", cpu_paint[npaint / 2],
           cpu_paint[npaint * 9 / 10], cpu_paint[npaint * 99 / 100]);
    printf("bench_sprites: render thread CPU per frame, live: median %.2f ms, p90 %.2f ms, p99 %.2f ms\n",
           cpu_live[nlive / 2], cpu_live[nlive * 9 / 10], cpu_live[nlive * 99 / 100]);
    printf("bench_sprites: peak bytes held for moves, paint buffers and textures %.1f MB\n", peak / 1048576.0);
    sprites_free(paint);
    sprites_free(live);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(surf);
    SDL_Quit();
    return 0;
}
