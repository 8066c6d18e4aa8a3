/* test_render_text.c: a steady workout screen costs no text rendering per frame, even with a
 * long caption and a long title, running or paused (every line and every measurement comes from
 * text.c's caches), and prints the ms per frame. (The paused screen's cost is its full-screen
 * dimming, not text.) Headless: a software renderer on a surface, no sprites. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>

#include "files.h"
#include "render.h"
#include "simulate.h"
#include "testutil.h"

#define LONG_CUE                                                                                                       \
    "Kneel on the mat with your knees hip-width apart, sit back slowly towards your heels, reach both "                \
    "arms forward along the floor and let your forehead rest; breathe out through your mouth and feel "                \
    "your lower back lengthen, keep your shoulders soft and away from your ears, and if your knees "                   \
    "complain put a folded towel under them, then stay here and breathe slowly and evenly for a while."

static const char routine_text[] = "title \"A rather long routine title for people who sit at a desk all day long\"\n"
                                   "move cat_camel\n"
                                   "  reps 8-10 tempo 5s hold 3s\n"
                                   "  sets 3\n"
                                   "  say start \"" LONG_CUE "\"\n";

/* Session time at which the long cue is on screen, or -1. */
static int64_t caption_time(const Routine *r)
{
    for (int64_t t = 0; t < 60000; t += 500) {
        Session s;
        if (simulate_until(r, NULL, t, &s) < 0)
            return -1;
        SessionView v = session_view(&s, 0);
        bool shown = v.caption && strcmp(v.caption, LONG_CUE) == 0;
        session_free(&s);
        if (shown)
            return t;
    }
    return -1;
}

static void frames(Render *rd, const SessionView *v, const char *title, int n, double *ms)
{
    Overlay ov = {0};
    ov.volume_percent = -1;
    Uint64 t0 = SDL_GetPerformanceCounter();
    for (int i = 0; i < n; i++) {
        render_session(rd, v, title, &ov);
        SDL_RenderPresent(rd->r);
    }
    *ms = (double)(SDL_GetPerformanceCounter() - t0) * 1000.0 / (double)SDL_GetPerformanceFrequency() / n;
}

int main(void)
{
    CHECK(strlen(LONG_CUE) >= 380);
    char path[] = "/tmp/unknot-rtext-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs(routine_text, f);
    fclose(f);
    Routine r;
    RoutineErrors *errs = calloc(1, sizeof *errs);
    int rc = files_load_routine(path, &r, errs);
    CHECK_INT(rc, 0);
    remove(path);
    if (rc < 0) {
        files_print_errors(errs);
        free(errs);
        return TEST_END();
    }
    free(errs);
    int64_t at = caption_time(&r);
    CHECK(at >= 0);

    const int sizes[][2] = {{1920, 1080}, {1280, 720}, {1024, 768}};
    for (int k = 0; k < 3; k++) {
        SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, sizes[k][0], sizes[k][1], 32, SDL_PIXELFORMAT_ARGB8888);
        SDL_Renderer *ren = SDL_CreateSoftwareRenderer(surf);
        char err[256];
        Render rd = {ren, text_new(ren, NULL, err, sizeof err), NULL, sizes[k][0], sizes[k][1]};
        CHECK(rd.text != NULL);
        if (!rd.text)
            return TEST_END();
        Session s;
        CHECK_INT(simulate_until(&r, NULL, at < 0 ? 0 : at, &s), 0);
        for (int paused = 0; paused < 2; paused++) {
            SessionView v = session_view(&s, 0);
            v.paused = paused;
            double first_ms, steady_ms;
            frames(&rd, &v, r.title, 1, &first_ms);
            TextStats before = text_stats(rd.text);
            frames(&rd, &v, r.title, 60, &steady_ms);
            TextStats after = text_stats(rd.text);
            printf("%dx%d%s: first frame %.2f ms, steady %.2f ms/frame; per 60 frames: %u renders, %u font opens, "
                   "%u wraps\n",
                   sizes[k][0], sizes[k][1], paused ? " paused" : "", first_ms, steady_ms,
                   after.renders - before.renders, after.font_opens - before.font_opens, after.wraps - before.wraps);
            CHECK_INT(after.renders - before.renders, 0);
            CHECK_INT(after.font_opens - before.font_opens, 0);
            CHECK_INT(after.wraps - before.wraps, 0);
        }
        session_free(&s);
        text_free(rd.text);
        SDL_DestroyRenderer(ren);
        SDL_FreeSurface(surf);
    }
    routine_free(&r);
    SDL_Quit();
    return TEST_END();
}
