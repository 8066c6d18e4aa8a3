/* bench_reference.c SECONDS [FONT]: the reference scene of the benchmark table
 * (tests/bench_table.py): a bare SDL program with unknot's renderer set-up (software renderer,
 * no framebuffer acceleration, linear scaling, a borderless window covering the display, full
 * screen after the first frame) drawing, 60 times a second, what a workout screen roughly holds:
 * a 900x900 alpha-blended sprite, six cached 96-pt text lines and a bar, at the display's size
 * (1920x1080 under the table's Xvfb). Prints its start-up mark and drawing times in unknot's
 * UNKNOT_STATS format, every 5 s as unknot does and for the whole run, so the table measures both
 * the same way on the same machine at the same time: a shared machine's absolute times drift,
 * ratios to this scene do much less. */
#include <SDL.h>
#include <SDL_ttf.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define REF_FRAMES 4096
#define REF_FPS 60

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The calling thread's CPU time in ms, as unknot's UNKNOT_STATS reports it beside the wall time. */
static double thread_cpu_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Prints the p50 and p99 of n frames' wall and CPU times (sorting both arrays) in unknot's
 * UNKNOT_STATS words: "all" for the whole run, "5 s" for each 5-s report. */
static void report(double *ms, double *cpu, int n, const char *span, SDL_Rect d)
{
    qsort(ms, (size_t)n, sizeof *ms, cmp_double);
    qsort(cpu, (size_t)n, sizeof *cpu, cmp_double);
    fprintf(stderr,
            "reference: %s: %d frames, drawing p50 %.2f ms p99 %.2f ms, main-thread CPU p50 %.2f ms p99 %.2f ms "
            "at %dx%d\n",
            span, n, ms[n / 2], ms[n * 99 / 100], cpu[n / 2], cpu[n * 99 / 100], d.w, d.h);
}

static double monotonic_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A 900x900 sprite: a soft-edged disc with a gradient, straight alpha, like a figure frame. */
static SDL_Texture *make_sprite(SDL_Renderer *ren)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, 900, 900, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s)
        return NULL;
    for (int y = 0; y < 900; y++) {
        Uint32 *row = (Uint32 *)((Uint8 *)s->pixels + y * s->pitch);
        for (int x = 0; x < 900; x++) {
            double dx = x - 450.0, dy = y - 450.0, d = SDL_sqrt(dx * dx + dy * dy);
            double a = d < 400 ? 1.0 : d < 440 ? (440 - d) / 40 : 0.0;
            row[x] = (Uint32)(a * 255) << 24 | (Uint32)(60 + x / 6) << 16 | (Uint32)(90 + y / 8) << 8 | 160u;
        }
    }
    SDL_Texture *t = SDL_CreateTextureFromSurface(ren, s);
    SDL_FreeSurface(s);
    if (t)
        SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
    return t;
}

int main(int argc, char **argv)
{
    double seconds = argc > 1 ? atof(argv[1]) : 20;
    const char *font_path = argc > 2 ? argv[2] : "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "linear");
    if (SDL_Init(SDL_INIT_VIDEO) < 0 || TTF_Init() < 0) {
        fprintf(stderr, "bench_reference: %s\n", SDL_GetError());
        return 1;
    }
    SDL_Rect d = {0, 0, 1920, 1080};
    SDL_GetDisplayBounds(0, &d);
    SDL_Window *win = SDL_CreateWindow("reference", d.x, d.y, d.w, d.h, SDL_WINDOW_BORDERLESS | SDL_WINDOW_RESIZABLE);
    SDL_Renderer *ren = win ? SDL_CreateRenderer(win, -1, SDL_RENDERER_PRESENTVSYNC) : NULL;
    if (!ren && win)
        ren = SDL_CreateRenderer(win, -1, 0);
    TTF_Font *font = TTF_OpenFont(font_path, 96);
    SDL_Texture *sprite = ren ? make_sprite(ren) : NULL;
    if (!win || !ren || !font || !sprite) {
        fprintf(stderr, "bench_reference: cannot set up: %s\n", SDL_GetError());
        return 1;
    }
    static const char *const lines[6] = {"Bridge",          "12 of 15",        "Hold 30 s",
                                         "Next: Cat-camel", "Exercise 3 of 9", "Breathe out as you lift"};
    SDL_Texture *text[6];
    SDL_Rect text_rect[6];
    SDL_Color white = {240, 244, 250, 255};
    for (int i = 0; i < 6; i++) {
        SDL_Surface *s = TTF_RenderUTF8_Blended(font, lines[i], white);
        text[i] = s ? SDL_CreateTextureFromSurface(ren, s) : NULL;
        text_rect[i] = (SDL_Rect){1000, 60 + i * 150, s ? s->w : 0, s ? s->h : 0};
        SDL_FreeSurface(s);
        if (!text[i])
            return 1;
    }
    static double draw_ms[REF_FRAMES], cpu_ms[REF_FRAMES];
    static double part_ms[REF_FRAMES], part_cpu_ms[REF_FRAMES]; /* the frames since the last 5-s report */
    int frames = 0, drawn = 0, part = 0;
    Uint64 freq = SDL_GetPerformanceFrequency(), start = SDL_GetPerformanceCounter(), next = start;
    for (bool running = true; running;) {
        SDL_Event e;
        while (SDL_PollEvent(&e))
            if (e.type == SDL_QUIT)
                running = false;
        Uint64 t0 = SDL_GetPerformanceCounter();
        double c0 = thread_cpu_ms();
        SDL_SetRenderDrawColor(ren, 16, 22, 34, 255);
        SDL_RenderClear(ren);
        SDL_Rect dst = {40 + frames % 60, 90, 900, 900}; /* the figure moves a little, as an animation does */
        SDL_RenderCopy(ren, sprite, NULL, &dst);
        for (int i = 0; i < 6; i++)
            SDL_RenderCopy(ren, text[i], NULL, &text_rect[i]);
        SDL_Rect bar = {40, 30, d.w - 80, 24}, fill = {40, 30, (d.w - 80) * (frames % 600) / 600, 24};
        SDL_SetRenderDrawColor(ren, 40, 52, 74, 255);
        SDL_RenderFillRect(ren, &bar);
        SDL_SetRenderDrawColor(ren, 90, 220, 190, 255);
        SDL_RenderFillRect(ren, &fill);
        SDL_RenderPresent(ren);
        if (frames == 0) {
            fprintf(stderr, "reference: start-up: first frame at monotonic %.6f s\n", monotonic_s());
            SDL_SetWindowFullscreen(win, SDL_WINDOW_FULLSCREEN_DESKTOP);
        }
        Uint64 t1 = SDL_GetPerformanceCounter();
        if (frames > REF_FPS && drawn < REF_FRAMES) { /* the first second is start-up */
            cpu_ms[drawn] = part_cpu_ms[part] = thread_cpu_ms() - c0;
            draw_ms[drawn++] = part_ms[part++] = (double)(t1 - t0) * 1000.0 / (double)freq;
            if (part == 5 * REF_FPS) { /* a report every 5 s, as unknot's UNKNOT_STATS */
                report(part_ms, part_cpu_ms, part, "5 s", d);
                part = 0;
            }
        }
        frames++;
        if ((double)(t1 - start) / (double)freq >= seconds)
            break;
        next += freq / REF_FPS; /* the same fixed 60 Hz schedule as unknot's loop */
        if (next + freq / REF_FPS < t1)
            next = t1;
        if (next > t1)
            SDL_Delay((Uint32)((next - t1) * 1000 / freq));
    }
    if (drawn > 0)
        report(draw_ms, cpu_ms, drawn, "all", d);
    for (int i = 0; i < 6; i++)
        SDL_DestroyTexture(text[i]);
    SDL_DestroyTexture(sprite);
    TTF_CloseFont(font);
    SDL_DestroyRenderer(ren);
    SDL_DestroyWindow(win);
    TTF_Quit();
    SDL_Quit();
    return 0;
}
