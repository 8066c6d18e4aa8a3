/* bench_input.c: input-to-screen latency and frame cost. Pushes a real key event through the
 * platform layer and counts the frames until the drawn pixels show the counted rep (aim: 1, the
 * first frame drawn after the event). Then draws 600 workout frames at 1920x1080 with SDL's
 * software renderer and prints the median and 99th percentile frame time. Figures only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <SDL.h>

#include "app.h"
#include "render.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void pump(App *a)
{
    SDL_Event e;
    SDL_PumpEvents();
    while (SDL_PollEvent(&e))
        app_event(a, &e);
}

static void push_key(SDL_Keycode k, bool down)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = down ? SDL_KEYDOWN : SDL_KEYUP;
    e.key.keysym.sym = k;
    SDL_PushEvent(&e);
}

static int cmp_double(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return a < b ? -1 : a > b;
}

int main(void)
{
    char dir[] = "/tmp/unknot-bench-XXXXXX";
    if (!mkdtemp(dir))
        return 1;
    setenv("XDG_CONFIG_HOME", dir, 1);
    setenv("XDG_CACHE_HOME", dir, 1);
    char path[256];
    snprintf(path, sizeof path, "%s/b.routine", dir);
    FILE *f = fopen(path, "w");
    if (!f)
        return 1;
    fputs("title \"Bench\"\nmove cat_camel\n  reps 20 tempo 4s\n  pacing self\n", f);
    fclose(f);
    SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS);
    int w = 1920, h = 1080;
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *ren = SDL_CreateSoftwareRenderer(surf);
    AppOptions o = {0};
    o.data_dir = ".";
    o.levels_dir = "levels";
    o.routine = path;
    o.width = w;
    o.height = h;
    App *a = app_new(&o, NULL, ren);
    if (!a) {
        fprintf(stderr, "bench_input: cannot start the app\n");
        return 1;
    }
    const Session *s = app_session(a);
    /* to the first rep step: skip the notice, the pain check-in (S) and the intro, wait out "get ready" */
    static const SDL_Keycode to_work[] = {SDLK_SPACE, SDLK_s, SDLK_SPACE};
    for (int i = 0; i < 3; i++) {
        push_key(to_work[i], true);
        pump(a);
        app_update(a, 0);
        push_key(to_work[i], false);
        pump(a);
    }
    for (int i = 0; i < 3000 && s->segments[s->seg].kind != SEG_WORK; i++) {
        pump(a);
        app_update(a, 10);
    }
    /* latency: frames from the key event to the first frame whose pixels show the rep */
    int latencies[10], samples = 0;
    double event_to_present[10];
    size_t bytes = (size_t)surf->pitch * (size_t)surf->h;
    unsigned char *before = malloc(bytes);
    for (int trial = 0; trial < 10 && before; trial++) {
        for (int i = 0; i < 40; i++) { /* 0.4 s apart: never a bounce */
            pump(a);
            app_update(a, 10);
        }
        app_draw(a);
        memcpy(before, surf->pixels, bytes);
        int counted = s->reps_counted;
        double t0 = now_ms();
        push_key(SDLK_SPACE, true);
        int frames = 0;
        for (frames = 1; frames <= 10; frames++) {
            pump(a);
            app_update(a, 1000.0 / 60.0);
            app_draw(a);
            /* pixels of the rep counter in the right-hand panel */
            SDL_Rect stage = render_stage_rect(&(Render){ren, NULL, NULL, w, h});
            bool changed = false;
            for (int y = stage.y; y < stage.y + stage.h / 2 && !changed; y++) {
                const unsigned char *p0 = before + (size_t)y * surf->pitch;
                const unsigned char *p1 = (const unsigned char *)surf->pixels + (size_t)y * surf->pitch;
                int x0 = stage.x + stage.w;
                changed = memcmp(p0 + x0 * 4, p1 + x0 * 4, (size_t)(w - x0) * 4) != 0;
            }
            if (changed && s->reps_counted == counted + 1)
                break;
        }
        event_to_present[samples] = now_ms() - t0;
        latencies[samples++] = frames;
        push_key(SDLK_SPACE, false);
        pump(a);
    }
    free(before);
    int worst = 0;
    double sum = 0;
    for (int i = 0; i < samples; i++) {
        if (latencies[i] > worst)
            worst = latencies[i];
        sum += event_to_present[i];
    }
    printf("input-to-screen latency: %d frame(s) at worst over %d presses (aim 1); "
           "event to drawn frame %.2f ms on average\n",
           worst, samples, samples ? sum / samples : 0.0);
    /* frame cost at 1920x1080 */
    enum { FRAMES = 600 };
    static double times[FRAMES];
    for (int i = 0; i < FRAMES; i++) {
        double t0 = now_ms();
        pump(a);
        app_update(a, 1000.0 / 60.0);
        app_draw(a);
        times[i] = now_ms() - t0;
    }
    qsort(times, FRAMES, sizeof *times, cmp_double);
    printf("frame at %dx%d (software renderer, headless): median %.2f ms, p99 %.2f ms, max %.2f ms "
           "(60 fps needs < 16.7 ms)\n",
           w, h, times[FRAMES / 2], times[FRAMES * 99 / 100], times[FRAMES - 1]);
    app_free(a);
    SDL_DestroyRenderer(ren);
    SDL_FreeSurface(surf);
    SDL_Quit();
    unlink(path);
    return 0;
}
