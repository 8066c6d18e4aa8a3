/* test_shot_moves.c: --shot (app_shot, the same code as the command line) during a step of
 * every move: a figure is on the stage, the frames differ across the step, and the left and
 * right sides of a sided move are mirror images. Reads the PNGs back with stb_image. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <stb_image.h>

#include "app.h"
#include "render.h"
#include "simulate.h"
#include "voicetable.h"
#include "testutil.h"

#define W 960
#define H 540

static const char routine_text[] = "title \"Every move\"\n"
                                   "move child_pose\n hold 12s\n"
                                   "move cat_camel\n reps 3 tempo 4s\n"
                                   "move forward_fold\n hold 12s\n"
                                   "move spinal_twist\n hold 12s\n sides both\n"
                                   "move superman\n reps 3 tempo 4s hold 2s\n"
                                   "move bridge\n reps 3 tempo 4s hold 2s\n"
                                   "move bird_dog\n reps 3 tempo 4s hold 2s\n sides both\n";

typedef struct {
    int64_t t;
    MoveId move;
    Sides side;
    int duration;
} Start;

typedef struct {
    Start starts[32];
    int n;
} Starts;

static void collect(void *ctx, const Session *s, const SessionEvent *ev)
{
    Starts *st = ctx;
    (void)s;
    if (ev->type == EV_STEP_START && st->n < 32)
        st->starts[st->n++] = (Start){ev->t_ms, ev->move, ev->side, ev->n};
}

static unsigned char *shot(const char *routine, const char *out, int64_t t_ms)
{
    AppOptions o = {0};
    o.data_dir = ".";
    o.levels_dir = "levels";
    o.routine = routine;
    o.width = W;
    o.height = H;
    o.shot_out = out;
    o.shot_at_ms = t_ms;
    if (app_shot(&o) != 0)
        return NULL;
    int w, h, n;
    unsigned char *px = stbi_load(out, &w, &h, &n, 4);
    if (px && (w != W || h != H)) {
        stbi_image_free(px);
        return NULL;
    }
    return px;
}

/* Share of stage pixels that are not the stage card's colour: the figure and its mat. */
/* The "It hurts" button sits on the stage's top right: it is not the figure, so it and its mirror
 * image are left out of the comparisons. */
static SDL_Rect hurt_rc;

static bool masked(SDL_Rect st, int x, int y)
{
    SDL_Point p = {x, y}, m = {st.x + st.w - 1 - (x - st.x), y};
    return SDL_PointInRect(&p, &hurt_rc) || SDL_PointInRect(&m, &hurt_rc);
}

static double figure_share(const unsigned char *px, SDL_Rect st)
{
    long n = 0, total = 0;
    for (int y = st.y + 20; y < st.y + st.h - 20; y++)
        for (int x = st.x + 20; x < st.x + st.w - 20; x++) {
            if (masked(st, x, y))
                continue;
            const unsigned char *p = px + ((size_t)y * W + x) * 4;
            int d = abs(p[0] - 236) + abs(p[1] - 232) + abs(p[2] - 224);
            n += d > 60;
            total++;
        }
    return (double)n / (double)total;
}

/* Mean absolute difference of the stage regions, b optionally mirrored left-right. */
static double stage_diff(const unsigned char *a, const unsigned char *b, SDL_Rect st, bool mirror)
{
    double sum = 0;
    long n = 0;
    for (int y = st.y; y < st.y + st.h; y++)
        for (int x = st.x; x < st.x + st.w; x++) {
            if (masked(st, x, y))
                continue;
            int xb = mirror ? st.x + st.w - 1 - (x - st.x) : x;
            const unsigned char *p = a + ((size_t)y * W + x) * 4, *q = b + ((size_t)y * W + xb) * 4;
            sum += abs(p[0] - q[0]) + abs(p[1] - q[1]) + abs(p[2] - q[2]);
            n++;
        }
    return sum / (double)n;
}

/* A rest between a move on the back and one on the front plays the way between them (a log roll)
 * over its first seconds: a frame two seconds in differs from the rest's first frame (on the back)
 * and from its breathing later (on the front), which differ from each other too. */
static void test_rest_shows_the_way(const char *dir)
{
    static const char text[] = "title \"Way\"\nmove bridge\n reps 2 tempo 4s\nrest 20s \"Roll onto your front.\"\n"
                               "move superman\n reps 2 tempo 4s\n";
    char path[300], out[300];
    snprintf(path, sizeof path, "%s/way.routine", dir);
    snprintf(out, sizeof out, "%s/way.png", dir);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (!f)
        return;
    fputs(text, f);
    fclose(f);
    Routine r;
    RoutineErrors errs;
    CHECK(routine_parse("way", text, strlen(text), &r, &errs) == 0);
    Starts starts = {0};
    VoiceTable voices;
    CHECK(voicetable_load(&voices, ".", &r) == 0);
    simulate_run_voiced(&r, NULL, voices.rows, voices.count, collect, &starts);
    voicetable_free(&voices);
    routine_free(&r);
    CHECK_INT(starts.n, 3);
    SDL_Rect stage = render_stage_rect(&(Render){NULL, NULL, NULL, W, H});
    int64_t t = starts.starts[1].t;
    unsigned char *start = shot(path, out, t + 100), *way = shot(path, out, t + 2000),
                  *end = shot(path, out, t + 15000);
    CHECK(start && way && end);
    if (start && way && end) {
        double d_start = stage_diff(way, start, stage, false), d_end = stage_diff(way, end, stage, false);
        double d_ends = stage_diff(start, end, stage, false);
        fprintf(stderr, "rest way: 2 s in vs start %.3f, vs 15 s in %.3f; start vs 15 s in %.3f\n", d_start, d_end,
                d_ends);
        CHECK(d_start > 2.0 && d_end > 2.0 && d_ends > 2.0);
        CHECK(figure_share(way, stage) >= 0.01);
    }
    stbi_image_free(start);
    stbi_image_free(way);
    stbi_image_free(end);
    unlink(out);
    unlink(path);
}

int main(void)
{
    char dir[] = "/tmp/unknot-shots-XXXXXX";
    if (!mkdtemp(dir))
        return 1;
    setenv("XDG_CACHE_HOME", dir, 1);
    char path[256], out[300];
    snprintf(path, sizeof path, "%s/every.routine", dir);
    snprintf(out, sizeof out, "%s/shot.png", dir);
    FILE *f = fopen(path, "w");
    if (!f)
        return 1;
    fputs(routine_text, f);
    fclose(f);

    Routine r;
    RoutineErrors errs;
    CHECK(routine_parse("every", routine_text, strlen(routine_text), &r, &errs) == 0);
    Starts starts = {0};
    VoiceTable voices; /* the voice planned as --shot plans it, so the step times agree */
    CHECK(voicetable_load(&voices, ".", &r) == 0);
    simulate_run_voiced(&r, NULL, voices.rows, voices.count, collect, &starts);
    voicetable_free(&voices);
    CHECK_INT(starts.n, 9);
    SDL_Rect stage = render_stage_rect(&(Render){NULL, NULL, NULL, W, H});
    hurt_rc = render_button_rect(&(Render){NULL, NULL, NULL, W, H}, BUTTON_HURT);

    unsigned char *left_mid[MOVE_COUNT] = {0};
    for (int i = 0; i < starts.n; i++) {
        const Start *s = &starts.starts[i];
        int64_t times[3] = {s->t + 700, s->t + s->duration / 2, s->t + s->duration - 900};
        unsigned char *img[3];
        for (int k = 0; k < 3; k++) {
            img[k] = shot(path, out, times[k]);
            CHECK(img[k] != NULL);
        }
        if (!img[0] || !img[1] || !img[2])
            continue;
        for (int k = 0; k < 3; k++) {
            double share = figure_share(img[k], stage);
            if (share < 0.01)
                fprintf(stderr, "%s at %.1f s: figure covers %.3f of the stage\n", moves_info(s->move)->id,
                        times[k] / 1000.0, share);
            CHECK(share >= 0.01);
        }
        /* the figure moves during the step: into the pose and in the rep cycle */
        double d01 = stage_diff(img[0], img[1], stage, false);
        double d12 = stage_diff(img[1], img[2], stage, false);
        if (d01 + d12 < 0.5)
            fprintf(stderr, "%s: frames barely differ (%.3f, %.3f)\n", moves_info(s->move)->id, d01, d12);
        CHECK(d01 + d12 >= 0.5);
        if (s->side == SIDES_LEFT) {
            left_mid[s->move] = img[1];
            img[1] = NULL;
        } else if (s->side == SIDES_RIGHT && left_mid[s->move]) {
            double same = stage_diff(left_mid[s->move], img[1], stage, false);
            double mirrored = stage_diff(left_mid[s->move], img[1], stage, true);
            fprintf(stderr, "%s: left vs right %.3f, left vs mirrored right %.3f\n", moves_info(s->move)->id, same,
                    mirrored);
            CHECK(mirrored < same * 0.5);
            CHECK(mirrored < same * 0.15); /* not 0: the light stays upper left on both sides */
        }
        for (int k = 0; k < 3; k++)
            stbi_image_free(img[k]);
    }
    for (int m = 0; m < MOVE_COUNT; m++)
        stbi_image_free(left_mid[m]);
    test_rest_shows_the_way(dir);
    routine_free(&r);
    unlink(out);
    unlink(path);
    rmdir(dir);
    return TEST_END();
}
