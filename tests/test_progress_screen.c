/* test_progress_screen.c: pixel properties of the progress screen with no history, a month and
 * two years of workouts written through the history API, and of the results: the pain advice
 * box when pain rose, none when it did not, "Not saved" when the store failed, the streak in
 * the attention colour. Renders offscreen at 1920x1080 and 1280x720; PNGs are kept in the temp
 * folder when UNKNOT_KEEP_SHOTS=1 so they can be looked at. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <SDL.h>
#include <stb_image_write.h>

#include "history.h"
#include "progress.h"
#include "render.h"
#include "results.h"
#include "testutil.h"

static char dir[] = "/tmp/unknot-progress-XXXXXX";

typedef struct {
    SDL_Surface *surf;
    Render rd;
} Canvas;

static bool canvas_open(Canvas *c, int w, int h)
{
    memset(c, 0, sizeof *c);
    c->surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ABGR8888);
    c->rd.r = c->surf ? SDL_CreateSoftwareRenderer(c->surf) : NULL;
    char err[256];
    c->rd.text = c->rd.r ? text_new(c->rd.r, NULL, err, sizeof err) : NULL;
    c->rd.w = w;
    c->rd.h = h;
    return c->rd.text != NULL;
}

static void canvas_close(Canvas *c)
{
    text_free(c->rd.text);
    if (c->rd.r)
        SDL_DestroyRenderer(c->rd.r);
    SDL_FreeSurface(c->surf);
}

static void keep(Canvas *c, const char *name)
{
    const char *k = getenv("UNKNOT_KEEP_SHOTS");
    if (!k || k[0] != '1')
        return;
    char path[256];
    snprintf(path, sizeof path, "%s/%s.png", dir, name);
    stbi_write_png(path, c->surf->w, c->surf->h, 4, c->surf->pixels, c->surf->pitch);
    printf("kept %s\n", path);
}

/* Pixels of colour col inside rc. */
static int count_colour(const Canvas *c, SDL_Rect rc, SDL_Color col)
{
    int n = 0;
    for (int y = rc.y; y < rc.y + rc.h && y < c->surf->h; y++)
        for (int x = rc.x; x < rc.x + rc.w && x < c->surf->w; x++) {
            const Uint8 *p = (const Uint8 *)c->surf->pixels + (size_t)y * c->surf->pitch + (size_t)x * 4;
            n += p[0] == col.r && p[1] == col.g && p[2] == col.b;
        }
    return n;
}

/* Pixels in rc that are not the background: something is drawn there. */
static int count_drawn(const Canvas *c, SDL_Rect rc)
{
    SDL_Rect all = rc;
    return all.w * all.h - count_colour(c, rc, render_style_default.background);
}

static HistoryWorkout workout(int64_t start, const char *file, const char *title, int before, int after, long score)
{
    HistoryWorkout w = {0};
    w.start_utc = start;
    w.utc_offset = 3600;
    w.end_utc = start + 900;
    w.routine_file = file;
    w.title = title;
    w.level = 1;
    w.steps_done = w.steps_total = 5;
    w.reps_done = w.reps_target = 20;
    w.reps_on_tempo = (int)(score % 20);
    w.on_tempo_percent = w.reps_on_tempo * 5;
    w.score = score;
    w.outcome = STREAK_OUTCOME_COMPLETED;
    w.pain_before = before;
    w.pain_after = after;
    return w;
}

/* days workouts from first_day on, skipping every 4th day; two on every 7th; routines in turn. */
static void fill(History *h, StreakDay first_day, int days, int routines)
{
    char file[64], title[96];
    for (int i = 0; i < days; i++) {
        if (i % 4 == 3)
            continue;
        int per = i % 7 == 0 ? 2 : 1;
        for (int k = 0; k < per; k++) {
            int r = (i + k) % routines;
            snprintf(file, sizeof file, "%02d-routine.routine", r);
            snprintf(title, sizeof title, "Routine number %d with a rather long title for the table", r);
            int64_t start = (int64_t)(first_day + i) * 86400 + 7 * 3600 + k * 7200 - 3600;
            HistoryWorkout w = workout(start, file, title, 2 + i % 6, 1 + (i * 3) % 8, 100 + (i * 37) % 400);
            CHECK(history_begin(h, &w) > 0);
        }
    }
}

static void check_progress(const char *name, History *h, StreakDay today, int w, int hgt, bool empty)
{
    Canvas c;
    CHECK(canvas_open(&c, w, hgt));
    HistoryProgress *p = calloc(1, sizeof *p);
    int64_t now = (int64_t)today * 86400 + 20 * 3600 - 3600;
    if (h)
        CHECK_INT(history_progress(h, NULL, now, 3600, 0, p), 0);
    else {
        streak_summarize(NULL, 0, today, 0, &p->streak);
        p->heatmap_first_day = streak_week_start(today) - (HISTORY_HEATMAP_WEEKS - 1) * 7;
    }
    progress_draw(&c.rd, p, NULL);
    SDL_RenderPresent(c.rd.r);
    keep(&c, name);
    const RenderStyle *st = &render_style_default;
    ProgressLayout pl = progress_layout(&c.rd);
    /* the areas sit inside the screen and do not overlap */
    SDL_Rect screen = {0, 0, w, hgt}, x;
    SDL_Rect areas[] = {pl.tiles, pl.calendar, pl.chart, pl.table, pl.hint};
    for (int i = 0; i < 5; i++) {
        CHECK(SDL_IntersectRect(&areas[i], &screen, &x) && x.w == areas[i].w && x.h == areas[i].h);
        for (int j = i + 1; j < 5; j++)
            CHECK(!SDL_HasIntersection(&areas[i], &areas[j]));
    }
    int low = count_colour(&c, pl.calendar, st->heat_low), high = count_colour(&c, pl.calendar, st->heat_high);
    int empty_cells = count_colour(&c, pl.calendar, st->heat_empty);
    CHECK(empty_cells > 0); /* the calendar is drawn, even empty */
    if (empty) {
        CHECK_INT(p->sessions, 0);
        CHECK(low < 1500 && high < 1500); /* only the legend's swatches */
        CHECK(count_colour(&c, pl.chart, st->chart_after) < 1500); /* only the legend: no line */
        CHECK(count_drawn(&c, pl.tiles) > 1000); /* the friendly empty message */
    } else {
        CHECK(p->sessions > 0);
        CHECK(low > 5000 && high > 3000); /* days with one and with two workouts */
        CHECK(count_colour(&c, pl.chart, st->chart_after) > 3000); /* the pain lines */
        CHECK(count_colour(&c, pl.chart, st->chart_before) > 3000);
        CHECK(count_colour(&c, pl.table, st->attention) > 100); /* best scores */
        CHECK(count_colour(&c, pl.tiles, st->attention) > 100); /* the current streak */
    }
    /* nothing is drawn in the margins: no text runs off the layout */
    int m = (int)(st->margin * (w / 1920.0 < hgt / 1080.0 ? w / 1920.0 : hgt / 1080.0));
    CHECK_INT(count_drawn(&c, (SDL_Rect){0, 0, m / 2, hgt}), 0);
    CHECK_INT(count_drawn(&c, (SDL_Rect){w - m / 2, 0, m / 2, hgt}), 0);
    CHECK_INT(count_drawn(&c, (SDL_Rect){0, hgt - m / 4, w, m / 4}), 0);
    free(p);
    canvas_close(&c);
}

static void check_results(void)
{
    Canvas c;
    CHECK(canvas_open(&c, 1920, 1080));
    const RenderStyle *st = &render_style_default;
    SessionScore sc = {0};
    sc.steps_done = 4;
    sc.points_steps = sc.max_steps = 80;
    sc.reps_done = sc.reps_target = sc.reps_on_tempo = 10;
    sc.points_reps = 200;
    sc.max_reps = 250;
    sc.score = 280;
    sc.score_max = 330;
    SessionView v = {0};
    v.kind = SEG_RESULTS;
    v.step_index = -1;
    v.step_count = 4;
    v.score = &sc;
    v.caption = "";
    v.progress = 1;
    HistoryRecorder rec = {0};
    rec.status = HISTORY_STATUS_SAVED;
    rec.have_streak = true;
    rec.streak.current = 5;
    rec.streak.week_days = 3;
    rec.streak.week_goal = 4;
    rec.streak.rest_days_left = 1;
    rec.streak.bonus_percent = 50;
    rec.w.bonus_percent = 50;
    Overlay ov = {0};
    ov.volume_percent = -1;
    ov.record = &rec;
    SDL_Rect left = {0, 0, 1920 / 2, 1080}, right = {1920 / 2 + 100, 0, 1920 / 2 - 100, 1080};
    /* pain 3 -> 4: no advice box, the streak and bonus in the attention colour */
    v.pain_before = 3;
    v.pain_after = 4;
    v.pain_stop = session_pain_says_stop(3, 4);
    CHECK(!v.pain_stop);
    render_session(&c.rd, &v, "Desk break", &ov);
    SDL_RenderPresent(c.rd.r);
    keep(&c, "results_streak");
    CHECK_INT(count_colour(&c, right, st->warning_bg), 0);
    CHECK_INT(count_colour(&c, left, st->warning_bg), 0);
    CHECK(count_colour(&c, left, st->attention) > 2000);
    char b[64];
    results_streak_text(&rec.streak, b, sizeof b);
    CHECK_STR(b, "Day 5 in a row");
    results_bonus_text(&rec.streak, b, sizeof b);
    CHECK_STR(b, "Streak bonus +50%");
    /* pain 3 -> 6: stop for today, and when to see a doctor, in a large box on the right */
    v.pain_after = 6;
    v.pain_stop = session_pain_says_stop(3, 6);
    CHECK(v.pain_stop);
    render_session(&c.rd, &v, "Desk break", &ov);
    SDL_RenderPresent(c.rd.r);
    keep(&c, "results_advice");
    CHECK(count_colour(&c, right, st->warning_bg) > 200000);
    /* the store failed: "Not saved", and no streak or bonus pretends otherwise */
    rec.status = HISTORY_STATUS_NOT_SAVED;
    rec.have_streak = false;
    v.pain_stop = false;
    render_session(&c.rd, &v, "Desk break", &ov);
    SDL_RenderPresent(c.rd.r);
    keep(&c, "results_not_saved");
    CHECK(count_colour(&c, left, st->warning_bg) > 10000);
    CHECK_INT(count_colour(&c, right, st->warning_bg), 0);
    /* the same advice alone, for the menu */
    render_clear(&c.rd);
    results_draw_advice(&c.rd, (SDL_Rect){40, 150, 1840, 700}, "When to see a doctor");
    SDL_RenderPresent(c.rd.r);
    CHECK(count_colour(&c, (SDL_Rect){40, 150, 1840, 700}, st->warning_bg) > 500000);
    canvas_close(&c);
}

int main(void)
{
    if (!mkdtemp(dir))
        return 1;
    CHECK(SDL_Init(SDL_INIT_VIDEO) == 0);
    StreakDay today = streak_day_from_date(2026, 3, 2);
    /* no history at all */
    check_progress("progress_empty", NULL, today, 1920, 1080, true);
    check_progress("progress_empty_720", NULL, today, 1280, 720, true);
    /* a month */
    char path[256];
    snprintf(path, sizeof path, "%s/month.db", dir);
    History *h = history_open(path);
    CHECK(h && history_usable(h));
    fill(h, today - 30, 31, 3);
    check_progress("progress_month", h, today, 1920, 1080, false);
    check_progress("progress_month_720", h, today, 1280, 720, false);
    history_close(h);
    /* two years, with more routines than the table can show */
    snprintf(path, sizeof path, "%s/years.db", dir);
    h = history_open(path);
    CHECK(h && history_usable(h));
    fill(h, today - 730, 731, 12);
    check_progress("progress_years", h, today, 1920, 1080, false);
    check_progress("progress_years_720", h, today, 1280, 720, false);
    history_close(h);
    check_results();
    SDL_Quit();
    const char *k = getenv("UNKNOT_KEEP_SHOTS");
    if (!k || k[0] != '1') {
        const char *names[] = {"month.db", "month.db-wal", "month.db-shm", "years.db", "years.db-wal", "years.db-shm"};
        for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
            snprintf(path, sizeof path, "%s/%s", dir, names[i]);
            unlink(path);
        }
        rmdir(dir);
    }
    return TEST_END();
}
