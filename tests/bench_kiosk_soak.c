/* bench_kiosk_soak.c [HOURS]: a waiting-room day (24 h by default) through the real kiosk on a
 * headless renderer, in simulated time: visitors who finish a routine (answering the pain
 * check-ins, some with patient codes), who walk away mid-workout or from the tiles (idle resets),
 * who end early, and a gamepad unplugged and plugged back now and then. Every simulated hour,
 * back on the attract loop with the renderer's caches dropped (app_release_caches: the figure,
 * cached text), the heap in use, VmRSS and its anonymous part are sampled, so each sample is taken
 * in the same state; prints them, their growth over the day, and the growth in each half of it (a
 * working set settles in the first hours; a leak grows in both halves). The kiosk keeps a single
 * malloc arena and trims the heap whenever the attract loop comes back (kioskapp.c): with an arena
 * per worker thread VmRSS swung by 6 MB from hour to hour. Frames are drawn at every step a visitor sees, every
 * DRAW_VISIT_MS during a visit and every DRAW_ATTRACT_MS on the attract loop (each attract frame
 * decodes a new sheet: drawing it every 10 ms tick of a day would be the whole cost and test
 * nothing more). Fails only when the kiosk gets stuck (a visitor never gets back to the attract
 * loop) or quits; never on time or memory figures. */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <SDL.h>
#include <sqlite3.h>

#include "app.h"
#include "kioskapp.h"
#include "render.h"
#include "sprites.h"
#include "text.h"
#include "testutil.h"

#define FRAME_MS 100 /* simulated time per app_update */
#define DRAW_VISIT_MS 20000 /* during a visit a frame is drawn this often (and at every step) */
#define DRAW_ATTRACT_MS 600000 /* on the attract loop, this often */
#define MAX_HOURS 48

static double now_s(clockid_t clock)
{
    struct timespec ts;
    clock_gettime(clock, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* VmRSS and its anonymous part (heap, arenas, stacks) from /proc/self/status; the rest is
 * file-backed (the program, its libraries, the fonts), which only grows as code is first used. */
static void rss_kb(long *rss, long *anon)
{
    *rss = *anon = 0;
    FILE *f = fopen("/proc/self/status", "r");
    if (!f)
        return;
    char line[256];
    while (fgets(line, sizeof line, f)) {
        if (!strncmp(line, "VmRSS:", 6))
            *rss = atol(line + 6);
        else if (!strncmp(line, "RssAnon:", 8))
            *anon = atol(line + 8);
    }
    fclose(f);
}

static unsigned rng = 12345u;
static int roll(int n)
{
    rng = rng * 1103515245u + 12345u;
    return (int)((rng >> 16) % (unsigned)n);
}

typedef struct {
    App *a;
    int64_t now_ms; /* simulated time */
    int64_t next_draw;
    int frames;
} Sim;

static const Kiosk *K(Sim *s)
{
    return kioskapp_state(app_kiosk(s->a));
}

static void frame(Sim *s, int ms)
{
    SDL_Event e;
    SDL_PumpEvents();
    while (SDL_PollEvent(&e))
        app_event(s->a, &e);
    app_update(s->a, ms);
    s->now_ms += ms;
    if (s->now_ms >= s->next_draw) {
        app_draw(s->a);
        s->next_draw = s->now_ms + (K(s)->screen == KIOSK_ATTRACT ? DRAW_ATTRACT_MS : DRAW_VISIT_MS);
        s->frames++;
    }
}

static void wait_ms(Sim *s, int64_t ms)
{
    for (int64_t t = 0; t < ms; t += FRAME_MS)
        frame(s, FRAME_MS);
}

static void key(Sim *s, SDL_Keycode k)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.state = SDL_PRESSED;
    e.key.keysym.sym = k;
    e.key.keysym.scancode = SDL_GetScancodeFromKey(k);
    SDL_PushEvent(&e);
    frame(s, 10);
    e.type = SDL_KEYUP;
    e.key.state = SDL_RELEASED;
    SDL_PushEvent(&e);
    frame(s, 10);
    app_draw(s->a); /* every step a visitor sees is drawn */
    s->frames++;
}

static void pad(Sim *s, SDL_Joystick *joy, SDL_GameControllerButton b)
{
    SDL_JoystickSetVirtualButton(joy, b, 1);
    SDL_JoystickUpdate();
    frame(s, 10);
    SDL_JoystickSetVirtualButton(joy, b, 0);
    SDL_JoystickUpdate();
    frame(s, 10);
}

/* Run until the attract loop is back (at most limit ms), answering pain check-ins when asked. */
static bool until_attract(Sim *s, int64_t limit, bool answer)
{
    for (int64_t t = 0; t < limit; t += FRAME_MS) {
        if (K(s)->screen == KIOSK_ATTRACT)
            return true;
        const Session *ses = app_session(s->a);
        if (answer && ses && session_checkin_open(ses)) {
            key(s, SDLK_0 + roll(4));
            key(s, SDLK_RETURN);
        }
        frame(s, FRAME_MS);
    }
    return K(s)->screen == KIOSK_ATTRACT;
}

/* Memory at a fixed state: on the attract loop, with what the renderer can make again dropped and
 * the heap's free pages handed back, so two samples differ only by what the day kept. */
typedef struct {
    long rss_kb, anon_kb, heap_kb;
} Sample;

static void sample(Sim *s, Sample *out)
{
    app_release_caches(s->a);
    malloc_trim(0);
    struct mallinfo2 mi = mallinfo2();
    out->heap_kb = (long)((mi.uordblks + mi.hblkhd) / 1024);
    rss_kb(&out->rss_kb, &out->anon_kb);
    if (getenv("SOAK_DEBUG"))
        printf("      (sprites %zu kB, text %zu kB after the drop; mmapped %zu kB; SQLite %lld kB)\n",
               sprites_memory_bytes(app_render(s->a)->sprites) / 1024,
               text_stats(app_render(s->a)->text).cached_bytes / 1024, mi.hblkhd / 1024,
               (long long)sqlite3_memory_used() / 1024);
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

int main(int argc, char **argv)
{
    int hours = argc > 1 ? atoi(argv[1]) : 24;
    if (hours < 1 || hours > MAX_HOURS)
        hours = 24;
    char dir[] = "/tmp/unknot-soak-XXXXXX";
    if (!mkdtemp(dir))
        return 1;
    char conf[300], db[300];
    setenv("XDG_CONFIG_HOME", dir, 1);
    setenv("XDG_CACHE_HOME", dir, 1);
    setenv("XDG_DATA_HOME", dir, 1);
    snprintf(conf, sizeof conf, "%s/kiosk.conf", dir);
    snprintf(db, sizeof db, "%s/history.db", dir);
    write_file(conf, "[kiosk]\nclinic = Soak Test Physio\npatient_codes = yes\nidle_seconds = 60\n");

    CHECK(SDL_Init(SDL_INIT_VIDEO | SDL_INIT_GAMECONTROLLER | SDL_INIT_EVENTS) == 0);
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, 1280, 720, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *ren = SDL_CreateSoftwareRenderer(surf);
    AppOptions o = {0};
    o.data_dir = ".";
    o.levels_dir = "levels";
    o.width = 1280;
    o.height = 720;
    o.kiosk = true;
    o.kiosk_config = conf;
    o.history_path = db;
    Sim sim = {0};
    sim.a = app_new(&o, NULL, ren);
    CHECK(sim.a != NULL);
    if (!sim.a)
        return TEST_END();
    Sim *s = &sim;
    double cpu0 = now_s(CLOCK_PROCESS_CPUTIME_ID), wall0 = now_s(CLOCK_MONOTONIC);
    int index = -1;
    SDL_Joystick *joy = NULL;
    int visitors = 0, finished = 0, walked = 0, tiles_only = 0, ended = 0, stuck = 0, replugs = 0;
    Sample at[MAX_HOURS + 1];
    memset(at, 0, sizeof at);
    wait_ms(s, 5000);
    sample(s, &at[0]);
    printf("kiosk soak: %d simulated hours, 1280x720, history in %s\n", hours, db);
    printf("hour  visitors  VmRSS kB  of it anonymous kB  heap in use kB  (attract loop, caches dropped)\n");
    printf("%4d  %8d  %8ld  %18ld  %14ld\n", 0, 0, at[0].rss_kb, at[0].anon_kb, at[0].heap_kb);
    for (int h = 1; h <= hours; h++) {
        int64_t hour_end = (int64_t)h * 3600000;
        /* the pad: plugged in at the start of every second hour, out again mid-way through it */
        if (h % 2 == 1 && index < 0) {
            index = SDL_JoystickAttachVirtual(SDL_JOYSTICK_TYPE_GAMECONTROLLER, 6, SDL_CONTROLLER_BUTTON_MAX, 0);
            joy = index >= 0 ? SDL_JoystickOpen(index) : NULL;
            replugs++;
        }
        while (s->now_ms < hour_end) {
            /* a visitor every 5 to 25 minutes */
            wait_ms(s, (int64_t)(5 + roll(20)) * 60000 / (roll(3) == 0 ? 4 : 1));
            if (s->now_ms >= hour_end)
                break;
            visitors++;
            int kind = roll(20);
            if (joy && roll(2))
                pad(s, joy, SDL_CONTROLLER_BUTTON_A); /* wake the attract loop with the pad */
            else
                key(s, SDLK_SPACE);
            if (kind < 2) { /* looks at the tiles and walks away */
                tiles_only++;
                stuck += !until_attract(s, 120000, false);
                continue;
            }
            if (kind < 6 && roll(2)) { /* a returning patient with a code */
                key(s, SDLK_DOWN);
                key(s, SDLK_RETURN);
                const char *codes[] = {"4711", "123456", "2024", "90210", "5555"};
                const char *c = codes[roll(5)];
                for (const char *p = c; *p; p++)
                    key(s, SDLK_0 + (*p - '0'));
                key(s, SDLK_RETURN);
                key(s, SDLK_UP);
            }
            for (int r = roll(3); r > 0; r--)
                key(s, SDLK_RIGHT);
            key(s, SDLK_RETURN);
            if (kind < 13) { /* does the whole routine */
                finished++;
                stuck += !until_attract(s, 40 * 60000, true);
            } else if (kind < 17) { /* walks away mid-workout */
                walked++;
                wait_ms(s, (int64_t)(20 + roll(120)) * 1000);
                if (joy && roll(2)) {
                    /* the pad is pulled out and put back while nobody is there */
                    SDL_JoystickClose(joy);
                    SDL_JoystickDetachVirtual(index);
                    frame(s, 10);
                    index =
                        SDL_JoystickAttachVirtual(SDL_JOYSTICK_TYPE_GAMECONTROLLER, 6, SDL_CONTROLLER_BUTTON_MAX, 0);
                    joy = index >= 0 ? SDL_JoystickOpen(index) : NULL;
                    replugs++;
                }
                stuck += !until_attract(s, 40 * 60000, false);
            } else { /* ends early: Q, then Q again past the check-in */
                ended++;
                wait_ms(s, (int64_t)(30 + roll(60)) * 1000);
                key(s, SDLK_q);
                key(s, SDLK_q);
                stuck += !until_attract(s, 10 * 60000, false);
            }
            CHECK(app_running(s->a));
        }
        if (h % 2 == 0 && index >= 0) {
            SDL_JoystickClose(joy);
            SDL_JoystickDetachVirtual(index);
            joy = NULL;
            index = -1;
            frame(s, 10);
        }
        stuck += !until_attract(s, 40 * 60000, false);
        sample(s, &at[h]);
        printf("%4d  %8d  %8ld  %18ld  %14ld\n", h, visitors, at[h].rss_kb, at[h].anon_kb, at[h].heap_kb);
        fflush(stdout);
    }
    CHECK_INT(stuck, 0);
    CHECK(app_running(s->a));
    CHECK(kioskapp_state(app_kiosk(s->a))->workouts_started > 0);
    printf("visitors %d: finished %d, walked away %d, tiles only %d, ended early %d; pad plugged %d times\n", visitors,
           finished, walked, tiles_only, ended, replugs);
    printf("growth hour 1 -> %d: heap in use %+ld kB, VmRSS %+ld kB (aim: under 1024 kB over a day)\n", hours,
           at[hours].heap_kb - at[1].heap_kb, at[hours].rss_kb - at[1].rss_kb);
    printf("growth hour 0 (before the first visitor) -> %d: heap in use %+ld kB, VmRSS %+ld kB\n", hours,
           at[hours].heap_kb - at[0].heap_kb, at[hours].rss_kb - at[0].rss_kb);
    /* growth that stops is a working set settling; growth that goes on is a leak: the two halves */
    int mid = hours / 2;
    long lo = at[mid].rss_kb, hi = at[mid].rss_kb;
    for (int h = mid; h <= hours; h++) {
        lo = at[h].rss_kb < lo ? at[h].rss_kb : lo;
        hi = at[h].rss_kb > hi ? at[h].rss_kb : hi;
    }
    printf("VmRSS growth hour 1 -> %d: %+ld kB; hour %d -> %d: %+ld kB (between %ld and %ld kB in that half)\n", mid,
           at[mid].rss_kb - at[1].rss_kb, mid, hours, at[hours].rss_kb - at[mid].rss_kb, lo, hi);
    printf("simulated %d h, %d visitors, in %.1f s of CPU and %.1f s wall; %d frames drawn\n", hours, visitors,
           now_s(CLOCK_PROCESS_CPUTIME_ID) - cpu0, now_s(CLOCK_MONOTONIC) - wall0, s->frames);
    if (joy)
        SDL_JoystickClose(joy);
    if (index >= 0)
        SDL_JoystickDetachVirtual(index);
    app_free(s->a);
    SDL_DestroyRenderer(ren);
    SDL_FreeSurface(surf);
    SDL_Quit();
    return TEST_END();
}
