/* test_history.c: the SQLite history store: schema and migration from version 1, writes and every
 * query the screens use, the recorder fed by a real session and by the real app, and the faults
 * (corrupt and foreign files, a folder that cannot be written, a full disk). Headless. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <SDL.h>
#include <sqlite3.h>

#include "app.h"
#include "history.h"
#include "simulate.h"
#include "testutil.h"

#define H 3600

static char dir[] = "/tmp/unknot-history-XXXXXX";

static int64_t at(int y, int mo, int d, int hh, int mm, int32_t offset)
{
    return (int64_t)streak_day_from_date(y, mo, d) * 86400 + hh * 3600 + mm * 60 - offset;
}

static void path_in(char *buf, size_t size, const char *name)
{
    snprintf(buf, size, "%s/%s", dir, name);
}

static void write_file(const char *path, const char *text, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (f) {
        fwrite(text, 1, len, f);
        fclose(f);
    }
}

/* One integer from sql on the database at path (a separate connection, as another program would). */
static long long sql_int(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    long long v = -999;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

static HistoryWorkout workout(int64_t start, int32_t offset, const char *file, int level, StreakOutcome outcome)
{
    HistoryWorkout w = {0};
    w.start_utc = start;
    w.utc_offset = offset;
    w.end_utc = start + 600;
    w.routine_file = file;
    w.title = "Gentle start";
    w.level = level;
    w.steps_done = 5;
    w.steps_total = 5;
    w.reps_done = 20;
    w.reps_on_tempo = 15;
    w.on_tempo_percent = 75;
    w.score = 400;
    w.outcome = outcome;
    w.pain_before = HISTORY_NO_PAIN;
    w.pain_after = HISTORY_NO_PAIN;
    return w;
}

/* Count files in dir whose name starts with prefix. */
static int count_files(const char *prefix)
{
    DIR *d = opendir(dir);
    int n = 0;
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL)
        if (strncmp(e->d_name, prefix, strlen(prefix)) == 0)
            n++;
    if (d)
        closedir(d);
    return n;
}

static void test_schema_and_queries(void)
{
    char db[512];
    path_in(db, sizeof db, "q.db");
    History *h = history_open(db);
    CHECK(history_usable(h));
    CHECK_INT(sql_int(db, "PRAGMA user_version"), HISTORY_SCHEMA_VERSION);
    CHECK_INT(sql_int(db, "SELECT journal_mode = 'wal' FROM pragma_journal_mode"), 1);
    /* a week in London: Monday 2 March to Sunday 8 March 2026, with pain check-ins */
    for (int d = 2; d <= 6; d++) {
        HistoryWorkout w = workout(at(2026, 3, d, 7, 30, 0), 0, "01-gentle.routine", 1, STREAK_OUTCOME_COMPLETED);
        w.pain_before = d;
        w.pain_after = d - 1;
        w.score = 100 * d;
        w.score_max = 1000 + d; /* what each was out of: the best (Friday's 600) is out of 1006 */
        w.on_tempo_percent = 50 + d;
        int64_t id = history_begin(h, &w);
        CHECK(id > 0);
        CHECK_INT(history_update(h, id, &w), 0);
    }
    /* Saturday: ended early (does not count); Sunday: stopped for pain (counts), a kiosk patient */
    HistoryWorkout e = workout(at(2026, 3, 7, 9, 0, 0), 0, "02-core.routine", 2, STREAK_OUTCOME_ENDED_EARLY);
    e.score = 9999;
    CHECK(history_begin(h, &e) > 0);
    HistoryWorkout p = workout(at(2026, 3, 8, 23, 30, 0), 0, "02-core.routine", 2, STREAK_OUTCOME_STOPPED_FOR_PAIN);
    p.patient_code = "A17";
    p.pain_after = 8;
    CHECK(history_begin(h, &p) > 0);
    /* a workout cut off (still "running"): kept, never counted */
    HistoryWorkout r = workout(at(2026, 3, 8, 10, 0, 0), 0, "01-gentle.routine", 1, STREAK_OUTCOME_RUNNING);
    CHECK(history_begin(h, &r) > 0);

    StreakSummary s;
    CHECK_INT(history_streak(h, NULL, at(2026, 3, 8, 23, 59, 0), 0, 0, &s), 0);
    CHECK_INT(s.current, 6); /* Monday to Friday, Saturday a rest day, Sunday */
    CHECK(s.rest_day_used);
    CHECK_INT(s.total_days, 6);
    CHECK_INT(s.week_days, 6);
    CHECK_INT(s.bonus_percent, 60);
    CHECK_INT(history_streak(h, "A17", at(2026, 3, 8, 23, 59, 0), 0, 0, &s), 0);
    CHECK_INT(s.current, 1);
    CHECK_INT(history_streak(h, "nobody", at(2026, 3, 8, 23, 59, 0), 0, 0, &s), 0);
    CHECK_INT(s.total_days, 0);

    int n = -1;
    CHECK_INT(history_today_count(h, NULL, at(2026, 3, 8, 23, 59, 0), 0, &n), 0);
    CHECK_INT(n, 1); /* the stopped-for-pain one; the cut-off one is not done */
    CHECK_INT(history_today_count(h, "A17", at(2026, 3, 8, 12, 0, 0), 0, &n), 0);
    CHECK_INT(n, 1);
    CHECK_INT(history_today_count(h, "B2", at(2026, 3, 8, 12, 0, 0), 0, &n), 0);
    CHECK_INT(n, 0);
    CHECK_INT(history_completed_count(h, "/some/where/01-gentle.routine", &n), 0);
    CHECK_INT(n, 5);
    CHECK_INT(history_completed_count(h, "02-core.routine", &n), 0);
    CHECK_INT(n, 0);
    CHECK_INT(history_completed_today(h, "x/01-gentle.routine", NULL, at(2026, 3, 6, 20, 0, 0), 0, &n), 0);
    CHECK_INT(n, 1);
    CHECK_INT(history_completed_today(h, "01-gentle.routine", NULL, at(2026, 3, 7, 20, 0, 0), 0, &n), 0);
    CHECK_INT(n, 0);
    CHECK_INT(history_completed_today(h, "01-gentle.routine", "A17", at(2026, 3, 6, 20, 0, 0), 0, &n), 0);
    CHECK_INT(n, 0);
    int by_level[5];
    CHECK_INT(history_completed_by_level(h, by_level, 4), 0);
    CHECK(by_level[1] == 5 && by_level[2] == 0 && by_level[0] == 0);

    HistoryProgress *pr = malloc(sizeof *pr);
    CHECK_INT(history_progress(h, NULL, at(2026, 3, 9, 8, 0, 0), 0, 0, pr), 0);
    CHECK_INT(pr->sessions, 8);
    CHECK_INT(pr->completed, 5);
    CHECK_INT(pr->streak.current, 6);
    CHECK_INT(pr->today_workouts, 0);
    CHECK_INT(pr->heatmap_first_day, streak_day_from_date(2026, 3, 9) - 77);
    CHECK_INT(streak_weekday(pr->heatmap_first_day), 0);
    int idx = streak_day_from_date(2026, 3, 2) - pr->heatmap_first_day;
    CHECK_INT(pr->heatmap[idx], 1);
    CHECK_INT(pr->heatmap[idx + 5], 0); /* Saturday: ended early */
    CHECK_INT(pr->heatmap[idx + 6], 1); /* Sunday: stopped for pain counts */
    CHECK_INT(pr->pain_count, 6);
    CHECK(pr->pain[0].before == 2 && pr->pain[0].after == 1); /* oldest first */
    CHECK(pr->pain[5].before == HISTORY_NO_PAIN && pr->pain[5].after == 8);
    CHECK_INT(pr->routine_count, 2);
    CHECK_STR(pr->routines[0].routine_file, "01-gentle.routine");
    CHECK_INT(pr->routines[0].sessions, 6);
    CHECK_INT(pr->routines[0].completed, 5);
    CHECK_INT(pr->routines[0].best_score, 600);
    CHECK_INT(pr->routines[0].best_score_max, 1006); /* the best row's own scale */
    CHECK_INT(pr->routines[1].best_score_max, 0); /* the core rows were written without one */
    CHECK_INT(pr->routines[0].best_on_tempo_percent, 75);
    CHECK_INT(pr->routines[1].level, 2);
    CHECK_INT(history_progress(h, "A17", at(2026, 3, 9, 8, 0, 0), 0, 0, pr), 0);
    CHECK_INT(pr->sessions, 1);
    CHECK_INT(pr->routine_count, 1);
    free(pr);
    history_close(h);
}

/* The version 1 schema exactly as the first unknot wrote it. */
static const char schema_v1[] =
    "CREATE TABLE workouts (id INTEGER PRIMARY KEY, start_utc INTEGER NOT NULL, utc_offset INTEGER NOT NULL,"
    " local_day INTEGER NOT NULL, end_utc INTEGER NOT NULL, routine_file TEXT NOT NULL, title TEXT NOT NULL,"
    " level INTEGER NOT NULL DEFAULT 0, steps_done INTEGER NOT NULL DEFAULT 0, steps_skipped INTEGER NOT NULL"
    " DEFAULT 0, steps_total INTEGER NOT NULL DEFAULT 0, reps_done INTEGER NOT NULL DEFAULT 0, reps_target INTEGER"
    " NOT NULL DEFAULT 0, reps_on_tempo INTEGER NOT NULL DEFAULT 0, on_tempo_percent INTEGER NOT NULL DEFAULT 0,"
    " holds_done INTEGER NOT NULL DEFAULT 0, holds_total INTEGER NOT NULL DEFAULT 0, score INTEGER NOT NULL DEFAULT"
    " 0, outcome TEXT NOT NULL DEFAULT 'running' CHECK (outcome IN ('running', 'completed', 'ended_early',"
    " 'stopped_for_pain')), pain_before INTEGER CHECK (pain_before BETWEEN 0 AND 10), pain_after INTEGER CHECK"
    " (pain_after BETWEEN 0 AND 10));"
    "CREATE INDEX workouts_by_day ON workouts (local_day);"
    "INSERT INTO workouts (start_utc, utc_offset, local_day, end_utc, routine_file, title, level, score, outcome,"
    " pain_before) VALUES (1772433000, 3600, 20514, 1772433600, 'a.routine', 'Old one', 1, 321, 'completed', 4);"
    "PRAGMA user_version = 1;";

static void test_migration(void)
{
    char db[512];
    path_in(db, sizeof db, "v1.db");
    sqlite3 *raw = NULL;
    CHECK(sqlite3_open(db, &raw) == SQLITE_OK);
    CHECK(sqlite3_exec(raw, schema_v1, NULL, NULL, NULL) == SQLITE_OK);
    sqlite3_close(raw);
    History *h = history_open(db);
    CHECK(history_usable(h));
    CHECK_INT(sql_int(db, "PRAGMA user_version"), HISTORY_SCHEMA_VERSION);
    CHECK_INT(sql_int(db, "SELECT score FROM workouts WHERE title = 'Old one' AND patient_code IS NULL"), 321);
    CHECK_INT(sql_int(db, "SELECT bonus_percent FROM workouts WHERE title = 'Old one'"), 0);
    CHECK_INT(sql_int(db, "SELECT score_max FROM workouts WHERE title = 'Old one'"), 0); /* version 3: not known */
    CHECK_INT(sql_int(db, "SELECT count(*) FROM skipped_moves"), 0); /* version 4: the table is there */
    HistoryWorkout w = workout(at(2026, 3, 3, 7, 0, H), H, "a.routine", 1, STREAK_OUTCOME_COMPLETED);
    w.patient_code = "K9";
    w.score = 300;
    w.score_max = 500;
    CHECK(history_begin(h, &w) > 0);
    CHECK_INT(sql_int(db, "SELECT score_max FROM workouts WHERE patient_code = 'K9'"), 500);
    HistoryProgress *pr = malloc(sizeof *pr);
    CHECK_INT(history_progress(h, NULL, at(2026, 3, 4, 8, 0, H), H, 0, pr), 0);
    CHECK_INT(pr->routine_count, 1);
    CHECK_INT(pr->routines[0].best_score, 321); /* the old row is still the best ... */
    CHECK_INT(pr->routines[0].best_score_max, 0); /* ... and shown without a scale */
    CHECK_INT(history_progress(h, "K9", at(2026, 3, 4, 8, 0, H), H, 0, pr), 0);
    CHECK_INT(pr->routines[0].best_score, 300);
    CHECK_INT(pr->routines[0].best_score_max, 500);
    free(pr);
    StreakSummary s;
    CHECK_INT(history_streak(h, NULL, at(2026, 3, 3, 12, 0, H), H, 0, &s), 0);
    CHECK_INT(s.current, 2); /* the old row still counts */
    history_close(h);
    /* opening again changes nothing */
    h = history_open(db);
    CHECK(history_usable(h));
    CHECK_INT(sql_int(db, "SELECT count(*) FROM workouts"), 2);
    history_close(h);
    /* a file from a newer unknot is left alone */
    char newer[512];
    path_in(newer, sizeof newer, "newer.db");
    CHECK(sqlite3_open(newer, &raw) == SQLITE_OK);
    CHECK(sqlite3_exec(raw, "CREATE TABLE future (x); PRAGMA user_version = 99;", NULL, NULL, NULL) == SQLITE_OK);
    sqlite3_close(raw);
    h = history_open(newer);
    CHECK(!history_usable(h));
    CHECK(history_begin(h, &w) < 0);
    history_close(h);
    CHECK_INT(sql_int(newer, "PRAGMA user_version"), 99);
    /* another program's databases that set user_version are left alone too: unknot's migrations
     * never run on them (a small version with no workouts table was migrated, one below 0 stamped) */
    static const char *const foreign[] = {"CREATE TABLE notes (x); PRAGMA user_version = 2;",
                                          "CREATE TABLE notes (x); PRAGMA user_version = -5;",
                                          "CREATE TABLE notes (x); PRAGMA user_version = -2;"};
    for (int i = 0; i < 3; i++) {
        char other[512], name[32];
        snprintf(name, sizeof name, "other%d.db", i);
        path_in(other, sizeof other, name);
        CHECK(sqlite3_open(other, &raw) == SQLITE_OK);
        CHECK(sqlite3_exec(raw, foreign[i], NULL, NULL, NULL) == SQLITE_OK);
        sqlite3_close(raw);
        int before = sql_int(other, "PRAGMA user_version");
        h = history_open(other);
        CHECK(!history_usable(h));
        history_close(h);
        CHECK_INT(sql_int(other, "PRAGMA user_version"), before);
        CHECK_INT(sql_int(other, "SELECT count(*) FROM sqlite_master"), 1);
    }
}

static void test_recorder(void)
{
    char db[512];
    path_in(db, sizeof db, "rec.db");
    History *h = history_open(db);
    static const char src[] = "title \"Two steps\"\nlevel 2\nmove child_pose\n  hold 5s\nmove cat_camel\n"
                              "  reps 2 tempo 2s\n";
    Routine r;
    RoutineErrors *errs = malloc(sizeof *errs);
    CHECK(routine_parse("x/two.routine", src, sizeof src - 1, &r, errs) == 0);
    free(errs);
    /* record a whole session; stop it after the first step to look at the row half way */
    Session s;
    CHECK(session_init(&s, &r) == 0);
    HistoryRecorder rec;
    history_recorder_init(&rec, h, "x/two.routine", &r, NULL);
    CHECK_INT(history_recorder_status(&rec), HISTORY_STATUS_NONE);
    int64_t t0 = at(2026, 3, 2, 23, 55, H); /* runs over midnight: counts for Monday */
    int step_ends = 0;
    while (!session_over(&s)) {
        session_step(&s, NULL, SESSION_TICK_MS);
        SessionEvent ev;
        while (session_poll_event(&s, &ev)) {
            history_recorder_event(&rec, &s, &ev, t0 + ev.t_ms / 1000, H);
            if (ev.type == EV_STEP_END && ++step_ends == 1) {
                CHECK_INT(history_recorder_status(&rec), HISTORY_STATUS_SAVED);
                CHECK_INT(sql_int(db, "SELECT steps_done FROM workouts"), 1);
                CHECK_INT(sql_int(db, "SELECT outcome = 'running' FROM workouts"), 1);
            }
        }
    }
    CHECK_INT(step_ends, 2);
    CHECK(rec.closed);
    CHECK_INT(history_recorder_status(&rec), HISTORY_STATUS_SAVED);
    CHECK_INT(sql_int(db, "SELECT count(*) FROM workouts"), 1);
    CHECK_INT(sql_int(db, "SELECT outcome = 'completed' AND routine_file = 'two.routine' AND level = 2 AND "
                          "steps_done = 2 AND steps_total = 2 AND utc_offset = 3600 FROM workouts"),
              1);
    CHECK_INT(sql_int(db, "SELECT local_day FROM workouts"), streak_day_from_date(2026, 3, 2));
    CHECK_INT(sql_int(db, "SELECT end_utc > start_utc FROM workouts"), 1);
    CHECK_INT(sql_int(db, "SELECT score_max FROM workouts"), s.score.score_max); /* what it was out of */
    CHECK(s.score.score_max > 0);
    CHECK(rec.have_streak);
    CHECK_INT(rec.streak.current, 1);
    session_free(&s);

    /* the next day, stopped for pain with check-ins: counts, day 2 in a row, +20% */
    CHECK(session_init(&s, &r) == 0);
    history_recorder_init(&rec, h, "two.routine", &r, NULL);
    int64_t t1 = at(2026, 3, 3, 18, 0, H);
    history_recorder_set_pain(&rec, 3, 11); /* 11 is out of range: not given */
    bool quit = false;
    while (!session_over(&s)) {
        SessionInput in = {0};
        if (step_ends == 3 && !quit) {
            history_recorder_stopped_for_pain(&rec);
            in.actions = INPUT_QUIT;
            quit = true;
        }
        session_step(&s, &in, SESSION_TICK_MS);
        SessionEvent ev;
        while (session_poll_event(&s, &ev)) {
            history_recorder_event(&rec, &s, &ev, t1 + ev.t_ms / 1000, H);
            step_ends += ev.type == EV_STEP_END;
        }
    }
    CHECK_INT(history_recorder_status(&rec), HISTORY_STATUS_SAVED);
    CHECK_INT(sql_int(db, "SELECT count(*) FROM workouts WHERE outcome = 'stopped_for_pain' AND pain_before = 3 "
                          "AND pain_after IS NULL AND bonus_percent = 20"),
              1);
    CHECK_INT(rec.streak.current, 2);
    CHECK_INT(rec.w.bonus_percent, 20);
    session_free(&s);

    /* quit during the safety notice: nothing was begun, nothing is written */
    CHECK(session_init(&s, &r) == 0);
    history_recorder_init(&rec, h, "two.routine", &r, NULL);
    SessionInput q = {INPUT_QUIT};
    session_step(&s, &q, SESSION_TICK_MS);
    while (!session_over(&s)) {
        session_step(&s, NULL, SESSION_TICK_MS);
        SessionEvent ev;
        while (session_poll_event(&s, &ev))
            history_recorder_event(&rec, &s, &ev, t1, H);
    }
    CHECK_INT(sql_int(db, "SELECT count(*) FROM workouts"), 2);
    session_free(&s);

    /* left mid-workout (the window closed): written as ended early with the step done so far */
    CHECK(session_init(&s, &r) == 0);
    history_recorder_init(&rec, h, "two.routine", &r, NULL);
    int ends = 0;
    while (!session_over(&s) && ends == 0) {
        session_step(&s, NULL, SESSION_TICK_MS);
        SessionEvent ev;
        while (session_poll_event(&s, &ev)) {
            history_recorder_event(&rec, &s, &ev, t1 + 3600, H);
            ends += ev.type == EV_STEP_END;
        }
    }
    history_recorder_abandon(&rec, &s, t1 + 3700);
    CHECK_INT(history_recorder_status(&rec), HISTORY_STATUS_SAVED);
    CHECK_INT(sql_int(db, "SELECT count(*) FROM workouts WHERE outcome = 'ended_early' AND steps_done = 1"), 1);
    history_recorder_abandon(&rec, &s, t1 + 3800); /* twice: nothing more */
    CHECK_INT(sql_int(db, "SELECT count(*) FROM workouts"), 3);
    session_free(&s);

    /* no history at all: records nothing, says nothing */
    history_recorder_init(&rec, NULL, "two.routine", &r, NULL);
    SessionEvent start = {0};
    start.type = EV_STEP_START;
    history_recorder_event(&rec, &s, &start, t1, H);
    CHECK_INT(history_recorder_status(&rec), HISTORY_STATUS_NONE);
    routine_free(&r);
    history_close(h);
}

static void test_corrupt(void)
{
    char db[512];
    path_in(db, sizeof db, "bad.db");
    static const char junk[] = "This is a shopping list, not a database. Eggs, milk, bread.\n";
    write_file(db, junk, sizeof junk - 1);
    History *h = history_open(db);
    CHECK(history_usable(h));
    CHECK_INT(count_files("bad.db.corrupt-"), 1);
    HistoryWorkout w = workout(at(2026, 3, 2, 8, 0, 0), 0, "a.routine", 1, STREAK_OUTCOME_COMPLETED);
    CHECK(history_begin(h, &w) > 0);
    history_close(h);
    /* the old file is kept byte for byte */
    DIR *d = opendir(dir);
    struct dirent *e;
    char aside[700] = "";
    while (d && (e = readdir(d)) != NULL)
        if (strncmp(e->d_name, "bad.db.corrupt-", 15) == 0)
            snprintf(aside, sizeof aside, "%s/%s", dir, e->d_name);
    if (d)
        closedir(d);
    FILE *f = fopen(aside, "rb");
    char back[200] = {0};
    CHECK(f != NULL);
    if (f) {
        CHECK_INT(fread(back, 1, sizeof back, f), sizeof junk - 1);
        fclose(f);
    }
    CHECK_STR(back, junk);

    /* a real history damaged inside (a page overwritten): moved aside too, rows never deleted */
    char db2[512];
    path_in(db2, sizeof db2, "damaged.db");
    h = history_open(db2);
    for (int i = 0; i < 400; i++) {
        w.start_utc += 86400;
        CHECK(history_begin(h, &w) > 0);
    }
    history_close(h);
    f = fopen(db2, "r+b");
    CHECK(f != NULL);
    if (f) {
        char garbage[4096];
        memset(garbage, 0x5a, sizeof garbage);
        fseek(f, 4096 * 2, SEEK_SET);
        fwrite(garbage, 1, sizeof garbage, f);
        fclose(f);
    }
    h = history_open(db2);
    CHECK(history_usable(h));
    CHECK_INT(count_files("damaged.db.corrupt-"), 1);
    CHECK_INT(sql_int(db2, "SELECT count(*) FROM workouts"), 0);
    history_close(h);

    /* an SQLite file of another program is left alone, and nothing is saved into it */
    char other[512];
    path_in(other, sizeof other, "other.db");
    sqlite3 *raw = NULL;
    CHECK(sqlite3_open(other, &raw) == SQLITE_OK);
    CHECK(sqlite3_exec(raw, "CREATE TABLE recipes (name TEXT)", NULL, NULL, NULL) == SQLITE_OK);
    sqlite3_close(raw);
    h = history_open(other);
    CHECK(!history_usable(h));
    history_close(h);
    CHECK_INT(count_files("other.db.corrupt-"), 0);
    CHECK_INT(sql_int(other, "SELECT count(*) FROM sqlite_master WHERE name = 'workouts'"), 0);
}

/* A recorder on h with one step started and ended: the status the results would show. */
static HistoryStatus record_one(History *h)
{
    static const char src[] = "title \"One\"\nmove child_pose\n  hold 2s\n";
    Routine r;
    RoutineErrors *errs = malloc(sizeof *errs);
    HistoryStatus st = HISTORY_STATUS_NONE;
    if (routine_parse("one.routine", src, sizeof src - 1, &r, errs) == 0) {
        Session s;
        if (session_init(&s, &r) == 0) {
            HistoryRecorder rec;
            history_recorder_init(&rec, h, "one.routine", &r, NULL);
            while (!session_over(&s)) {
                session_step(&s, NULL, SESSION_TICK_MS);
                SessionEvent ev;
                while (session_poll_event(&s, &ev))
                    history_recorder_event(&rec, &s, &ev, at(2026, 3, 2, 8, 0, 0) + ev.t_ms / 1000, 0);
            }
            st = history_recorder_status(&rec);
            session_free(&s);
        }
        routine_free(&r);
    }
    free(errs);
    return st;
}

static void test_cannot_write(void)
{
    /* a folder that cannot be written, even by root: a path under a regular file, and /proc */
    char notdir[512], db[600];
    path_in(notdir, sizeof notdir, "plainfile");
    write_file(notdir, "x", 1);
    snprintf(db, sizeof db, "%s/history.db", notdir);
    History *h = history_open(db);
    CHECK(h != NULL);
    CHECK(!history_usable(h));
    CHECK_INT(record_one(h), HISTORY_STATUS_NOT_SAVED);
    StreakSummary s;
    CHECK_INT(history_streak(h, NULL, at(2026, 3, 2, 8, 0, 0), 0, 0, &s), 0); /* an empty history */
    CHECK_INT(s.current, 0);
    history_close(h);
    h = history_open("/proc/unknot-history-test.db");
    CHECK(!history_usable(h));
    CHECK_INT(record_one(h), HISTORY_STATUS_NOT_SAVED);
    history_close(h);
    /* a real read-only folder holding a real history. Root writes anywhere, so as root the
     * check runs in a child that drops to the user nobody; as another user, in this process. */
    char ro[512];
    path_in(ro, sizeof ro, "readonly");
    mkdir(ro, 0755);
    snprintf(db, sizeof db, "%s/history.db", ro);
    h = history_open(db);
    CHECK_INT(record_one(h), HISTORY_STATUS_SAVED);
    history_close(h);
    chmod(ro, 0555);
    chmod(db, 0644);
    chmod(dir, 0755);
    int exercised = 0;
    if (geteuid() == 0) {
        fflush(NULL);
        pid_t pid = fork();
        if (pid == 0) {
            if (setgid(65534) != 0 || setuid(65534) != 0 || access(ro, W_OK) == 0)
                _exit(77); /* cannot drop privileges here */
            History *c = history_open(db);
            int bad = history_usable(c) || record_one(c) != HISTORY_STATUS_NOT_SAVED;
            history_close(c);
            _exit(bad ? 1 : 0);
        }
        int status = 0;
        CHECK(pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status));
        if (WIFEXITED(status) && WEXITSTATUS(status) != 77) {
            CHECK_INT(WEXITSTATUS(status), 0);
            exercised = 1;
        }
    } else if (access(ro, W_OK) != 0) {
        h = history_open(db);
        CHECK(!history_usable(h));
        CHECK_INT(record_one(h), HISTORY_STATUS_NOT_SAVED);
        history_close(h);
        exercised = 1;
    }
    if (!exercised)
        printf("history: note: the read-only folder case could not be run here (no way to drop root)\n");
    CHECK_INT(sql_int(db, "SELECT count(*) FROM workouts"), 1); /* and the saved one is untouched */
    chmod(ro, 0755);
    chmod(dir, 0700);
}

static void test_full_disk(void)
{
    char db[512];
    path_in(db, sizeof db, "full.db");
    History *h = history_open(db);
    CHECK(history_usable(h));
    HistoryWorkout w = workout(at(2026, 3, 2, 8, 0, 0), 0, "a.routine", 1, STREAK_OUTCOME_COMPLETED);
    CHECK(history_begin(h, &w) > 0);
    long long pages = sql_int(db, "PRAGMA page_count");
    CHECK(pages > 0);
    CHECK_INT(history_set_max_pages(h, (int)pages), 0);
    /* fill the last page with the smallest rows: some writes fit, then the disk is "full" */
    int saved = 0, failed = 0;
    w.title = "";
    w.routine_file = "";
    for (int i = 0; i < 5000 && !failed; i++) {
        w.start_utc += 86400;
        if (history_begin(h, &w) > 0)
            saved++;
        else
            failed++;
    }
    CHECK_INT(failed, 1);
    CHECK(saved > 0);
    CHECK_INT(record_one(h), HISTORY_STATUS_NOT_SAVED);
    history_close(h);
    CHECK_INT(sql_int(db, "SELECT count(*) FROM workouts"), 1 + saved);
    CHECK_INT(sql_int(db, "SELECT integrity_check = 'ok' FROM pragma_integrity_check"), 1);
    /* room again: saved */
    h = history_open(db);
    CHECK_INT(record_one(h), HISTORY_STATUS_SAVED);
    history_close(h);
}

/* Another program holds the write lock: the write fails after the busy wait, a later one catches up. */
static void test_busy(void)
{
    char db[512];
    path_in(db, sizeof db, "busy.db");
    History *h = history_open(db);
    history_set_busy_ms(h, 50);
    sqlite3 *other = NULL;
    CHECK(sqlite3_open(db, &other) == SQLITE_OK);
    CHECK(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK);
    HistoryRecorder rec;
    static const char src[] = "title \"Busy\"\nmove child_pose\n  hold 2s\n";
    Routine r;
    RoutineErrors *errs = malloc(sizeof *errs);
    CHECK(routine_parse("busy.routine", src, sizeof src - 1, &r, errs) == 0);
    free(errs);
    Session s;
    CHECK(session_init(&s, &r) == 0);
    history_recorder_init(&rec, h, "busy.routine", &r, NULL);
    bool released = false;
    while (!session_over(&s)) {
        session_step(&s, NULL, SESSION_TICK_MS);
        SessionEvent ev;
        while (session_poll_event(&s, &ev)) {
            history_recorder_event(&rec, &s, &ev, at(2026, 3, 2, 8, 0, 0) + ev.t_ms / 1000, 0);
            if (ev.type == EV_STEP_START) {
                CHECK_INT(history_recorder_status(&rec), HISTORY_STATUS_NOT_SAVED); /* locked out */
                CHECK(sqlite3_exec(other, "COMMIT", NULL, NULL, NULL) == SQLITE_OK);
                released = true;
            }
        }
    }
    CHECK(released);
    CHECK_INT(history_recorder_status(&rec), HISTORY_STATUS_SAVED); /* the step end and close caught up */
    CHECK_INT(sql_int(db, "SELECT count(*) FROM workouts WHERE outcome = 'completed' AND steps_done = 1"), 1);
    sqlite3_close(other);
    session_free(&s);
    routine_free(&r);
    history_close(h);
}

/* What one step's write costs (the app writes at every step end): printed, never asserted. */
static void bench_write(void)
{
    char db[512];
    path_in(db, sizeof db, "bench.db");
    History *h = history_open(db);
    HistoryWorkout b = workout(at(2026, 3, 1, 7, 0, 0), 0, "bench.routine", 1, STREAK_OUTCOME_RUNNING);
    int64_t id = history_begin(h, &b);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (int i = 0; i < 20; i++) {
        b.steps_done = i;
        CHECK_INT(history_update(h, id, &b), 0);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    printf("history: one step's write takes %.2f ms (mean of 20, synchronous=FULL)\n",
           ((double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6) / 20);
    history_close(h);
}

static void test_export_csv(void)
{
    char db[512], csv[512];
    path_in(db, sizeof db, "csv.db");
    path_in(csv, sizeof csv, "out.csv");
    History *h = history_open(db);
    HistoryWorkout w = workout(at(2026, 3, 2, 7, 30, H), H, "a.routine", 1, STREAK_OUTCOME_COMPLETED);
    w.title = "Back, \"gentle\"\nstart";
    w.pain_before = 4;
    CHECK(history_begin(h, &w) > 0);
    w = workout(at(2026, 11, 1, 1, 30, -5 * H), -5 * H, "b.routine", 0, STREAK_OUTCOME_ENDED_EARLY);
    w.patient_code = "P1";
    CHECK(history_begin(h, &w) > 0);
    CHECK_INT(history_export_csv(h, csv), 0);
    history_close(h);
    char buf[4096] = {0};
    FILE *f = fopen(csv, "rb");
    CHECK(f != NULL);
    if (f) {
        CHECK(fread(buf, 1, sizeof buf - 1, f) > 0);
        fclose(f);
    }
    CHECK(strncmp(buf, "id,start,end,local_date,routine_file,title,level,patient_code,outcome,", 70) == 0);
    CHECK(strstr(buf, "\r\n1,2026-03-02T07:30:00+01:00,2026-03-02T07:40:00+01:00,2026-03-02,a.routine,"
                      "\"Back, \"\"gentle\"\"\nstart\",1,,completed,5,0,5,20,0,15,75,0,0,400,0,4,\r\n") != NULL);
    CHECK(strstr(buf, "\r\n2,2026-11-01T01:30:00-05:00,2026-11-01T01:40:00-05:00,2026-11-01,b.routine,Gentle start,0,"
                      "P1,ended_early,") != NULL);
    size_t len = strlen(buf);
    CHECK(len > 2 && buf[len - 2] == '\r' && buf[len - 1] == '\n');
}

static void test_time(void)
{
    int64_t utc;
    int32_t off;
    CHECK_INT(history_parse_iso8601("2026-03-02T07:30:00+01:00", &utc, &off), 0);
    CHECK_INT(utc, at(2026, 3, 2, 7, 30, H));
    CHECK_INT(off, H);
    CHECK_INT(history_parse_iso8601("2026-03-02T07:30Z", &utc, &off), 0);
    CHECK_INT(off, 0);
    CHECK_INT(history_parse_iso8601("2026-11-01T01:30:00-0500", &utc, &off), 0);
    CHECK_INT(off, -5 * H);
    CHECK_INT(history_parse_iso8601("2026-03-02T07:30:00+05:45", &utc, &off), 0);
    CHECK_INT(off, 5 * H + 45 * 60);
    CHECK_INT(history_parse_iso8601("2026-03-02T07:30:00", &utc, &off), -1); /* no offset */
    CHECK_INT(history_parse_iso8601("2026-02-29T07:30:00Z", &utc, &off), -1);
    CHECK_INT(history_parse_iso8601("2024-02-29T07:30:00Z", &utc, &off), 0);
    CHECK_INT(history_parse_iso8601("2026-13-02T07:30:00Z", &utc, &off), -1);
    CHECK_INT(history_parse_iso8601("2026-03-02T24:00:00Z", &utc, &off), -1);
    CHECK_INT(history_parse_iso8601("2026-03-02T07:30:00+19:00", &utc, &off), -1);
    CHECK_INT(history_parse_iso8601("2026-03-02T07:30:00+01:00x", &utc, &off), -1);
    CHECK_INT(history_parse_iso8601("", &utc, &off), -1);
    /* anything else is refused without reading past its end */
    srand(7);
    for (int i = 0; i < 20000; i++) {
        char junk[32];
        int n = rand() % 31;
        for (int j = 0; j < n; j++)
            junk[j] = "0123456789-:+TZ. x"[rand() % 18];
        junk[n] = 0;
        if (history_parse_iso8601(junk, &utc, &off) == 0)
            CHECK(off >= -18 * H && off <= 18 * H && utc > -100000);
    }
    /* the machine's offset comes from its time zone database, at the moment asked */
    setenv("TZ", "Europe/London", 1);
    tzset();
    CHECK_INT(history_local_offset(at(2026, 3, 29, 0, 59, 0)), 0);
    CHECK_INT(history_local_offset(at(2026, 3, 29, 2, 0, H)), H);
    CHECK_INT(history_local_offset(at(2026, 10, 25, 1, 59, 0) - 3600), H);
    CHECK_INT(history_local_offset(at(2026, 10, 25, 1, 0, 0)), 0);
    setenv("TZ", "America/New_York", 1);
    tzset();
    CHECK_INT(history_local_offset(at(2026, 3, 8, 1, 59, -5 * H)), -5 * H);
    CHECK_INT(history_local_offset(at(2026, 3, 8, 3, 0, -4 * H)), -4 * H);
    CHECK_INT(history_local_offset(at(2026, 11, 1, 1, 30, -4 * H)), -4 * H);
    CHECK_INT(history_local_offset(at(2026, 11, 1, 1, 30, -5 * H)), -5 * H);
    setenv("TZ", "Pacific/Kiritimati", 1); /* UTC+14 */
    tzset();
    CHECK_INT(history_local_offset(at(2026, 3, 2, 12, 0, 14 * H)), 14 * H);
    unsetenv("TZ");
    tzset();
}

static void test_default_path(void)
{
    char buf[1024], want[1024];
    setenv("XDG_DATA_HOME", dir, 1);
    CHECK_INT(history_default_path(buf, sizeof buf), 0);
    snprintf(want, sizeof want, "%s/unknot/history.db", dir);
    CHECK_STR(buf, want);
    struct stat st;
    snprintf(want, sizeof want, "%s/unknot", dir);
    CHECK(stat(want, &st) == 0 && S_ISDIR(st.st_mode));
    setenv("XDG_DATA_HOME", "relative/ignored", 1);
    setenv("HOME", dir, 1);
    CHECK_INT(history_default_path(buf, sizeof buf), 0);
    snprintf(want, sizeof want, "%s/.local/share/unknot/history.db", dir);
    CHECK_STR(buf, want);
}

/* The real app records what is played: begun, updated, closed at the results. */
static void test_app_records(void)
{
    char routine[512], db[512];
    path_in(routine, sizeof routine, "app.routine");
    path_in(db, sizeof db, "app.db");
    static const char src[] = "title \"App test\"\nlevel 1\nmove child_pose\n  hold 3s\nmove forward_fold\n  hold 3s\n";
    write_file(routine, src, sizeof src - 1);
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) < 0) {
        CHECK(!"SDL_Init");
        return;
    }
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, 640, 360, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *ren = SDL_CreateSoftwareRenderer(surf);
    AppOptions o = {0};
    o.data_dir = ".";
    o.levels_dir = "levels";
    o.routine = routine;
    o.width = 640;
    o.height = 360;
    o.history_path = db;
    App *a = app_new(&o, NULL, ren);
    CHECK(a != NULL);
    bool saw_results = false;
    for (int i = 0; a && i < 20000 && app_running(a); i++) {
        SDL_Event e;
        while (SDL_PollEvent(&e))
            app_event(a, &e);
        app_update(a, 10);
        const Session *s = app_session(a);
        if (s && s->segments[s->seg].kind == SEG_RESULTS && !saw_results) {
            saw_results = true;
            const HistoryRecorder *rec = app_recorder(a);
            CHECK(rec && rec->closed);
            CHECK(rec && history_recorder_status(rec) == HISTORY_STATUS_SAVED);
            CHECK(rec && rec->have_streak && rec->streak.current == 1 && rec->streak.today_counted);
        }
    }
    CHECK(saw_results);
    app_free(a);
    SDL_DestroyRenderer(ren);
    SDL_FreeSurface(surf);
    SDL_Quit();
    CHECK_INT(sql_int(db, "SELECT count(*) FROM workouts WHERE outcome = 'completed' AND steps_done = 2 AND "
                          "routine_file = 'app.routine' AND title = 'App test'"),
              1);
    long long start = sql_int(db, "SELECT start_utc FROM workouts");
    CHECK(llabs(start - (long long)time(NULL)) < 600);
}

/* "times-a-day" / "days-a-week": counted from the history per routine and local day. A workout
 * stopped for pain counts (it is not to be made up by another); ended early or cut off does not. */
static void test_frequency(void)
{
    char db[512];
    path_in(db, sizeof db, "freq.db");
    History *h = history_open(db);
    static const char src[] = "title \"Three a day\"\ntimes-a-day 3\nmove child_pose\n  hold 2s\n";
    Routine r;
    RoutineErrors *errs = malloc(sizeof *errs);
    CHECK(routine_parse("three.routine", src, sizeof src - 1, &r, errs) == 0);
    free(errs);
    StreakFrequency f;
    CHECK_INT(history_frequency(h, "levels/three.routine", &r, NULL, at(2026, 3, 2, 7, 0, 0), 0, &f), 0);
    CHECK_INT(f.done, 0);
    CHECK_INT(f.target, 3);
    HistoryWorkout w = workout(at(2026, 3, 2, 8, 0, 0), 0, "three.routine", 0, STREAK_OUTCOME_COMPLETED);
    CHECK(history_begin(h, &w) > 0);
    w = workout(at(2026, 3, 2, 12, 0, 0), 0, "three.routine", 0, STREAK_OUTCOME_STOPPED_FOR_PAIN);
    CHECK(history_begin(h, &w) > 0);
    w = workout(at(2026, 3, 2, 13, 0, 0), 0, "three.routine", 0, STREAK_OUTCOME_ENDED_EARLY);
    CHECK(history_begin(h, &w) > 0);
    w = workout(at(2026, 3, 2, 14, 0, 0), 0, "three.routine", 0, STREAK_OUTCOME_RUNNING);
    CHECK(history_begin(h, &w) > 0);
    w = workout(at(2026, 3, 2, 15, 0, 0), 0, "other.routine", 0, STREAK_OUTCOME_COMPLETED);
    CHECK(history_begin(h, &w) > 0);
    w = workout(at(2026, 3, 1, 9, 0, 0), 0, "three.routine", 0, STREAK_OUTCOME_COMPLETED); /* Sunday */
    CHECK(history_begin(h, &w) > 0);
    w = workout(at(2026, 3, 2, 16, 0, 0), 0, "three.routine", 0, STREAK_OUTCOME_COMPLETED);
    w.patient_code = "A17";
    CHECK(history_begin(h, &w) > 0);
    CHECK_INT(history_frequency(h, "three.routine", &r, NULL, at(2026, 3, 2, 20, 0, 0), 0, &f), 0);
    CHECK_INT(f.done, 3); /* completed, stopped for pain, A17's */
    CHECK(streak_frequency_met(&f));
    CHECK_INT(history_frequency(h, "three.routine", &r, "A17", at(2026, 3, 2, 20, 0, 0), 0, &f), 0);
    CHECK_INT(f.done, 1);
    /* the local day: 23:30 UTC on Monday is Tuesday in UTC+2 */
    CHECK_INT(history_frequency(h, "three.routine", &r, NULL, at(2026, 3, 3, 1, 30, 2 * H), 2 * H, &f), 0);
    CHECK_INT(f.done, 0);
    /* days a week: Monday counts once however many; Sunday was last week */
    r.times_a_day = r.times_a_day_max = 0;
    r.days_a_week = r.days_a_week_max = 5;
    w = workout(at(2026, 3, 4, 9, 0, 0), 0, "three.routine", 0, STREAK_OUTCOME_COMPLETED);
    CHECK(history_begin(h, &w) > 0);
    CHECK_INT(history_frequency(h, "three.routine", &r, NULL, at(2026, 3, 5, 9, 0, 0), 0, &f), 0);
    CHECK(f.per_week);
    CHECK_INT(f.done, 2);
    CHECK_INT(history_frequency(h, "three.routine", &r, NULL, at(2026, 3, 1, 20, 0, 0), 0, &f), 0);
    CHECK_INT(f.done, 1);
    /* no frequency: nothing asked of the database */
    r.days_a_week = r.days_a_week_max = 0;
    CHECK_INT(history_frequency(NULL, "three.routine", &r, NULL, at(2026, 3, 5, 9, 0, 0), 0, &f), 0);
    CHECK_INT(f.target, 0);
    r.times_a_day = r.times_a_day_max = 3;

    /* the recorder at the results: this workout counted, "4 of 3 today" on Monday, 1 on Tuesday */
    Session s;
    HistoryRecorder rec;
    for (int day = 0; day < 2; day++) {
        CHECK(session_init(&s, &r) == 0);
        history_recorder_init(&rec, h, "levels/three.routine", &r, NULL);
        int64_t t0 = at(2026, 3, 2 + day, 18, 0, 0);
        while (!session_over(&s)) {
            session_step(&s, NULL, SESSION_TICK_MS);
            SessionEvent ev;
            while (session_poll_event(&s, &ev))
                history_recorder_event(&rec, &s, &ev, t0 + ev.t_ms / 1000, 0);
        }
        CHECK(rec.have_freq);
        CHECK_INT(rec.freq.done, day == 0 ? 4 : 1);
        CHECK_INT(rec.freq.target, 3);
        session_free(&s);
    }
    char b[128];
    streak_frequency_next_text(&rec.freq, b, sizeof b);
    CHECK_STR(b, "1 of 3 today \xE2\x80\x94 next one later today");
    routine_free(&r);
    history_close(h);
}

/* The real app: a routine prescribed twice a day is played; the results say "1 of 2 today" and
 * the menu it returns to shows the same from the history. */
static void test_app_frequency(void)
{
    char lv[512], routine[600], db[512];
    path_in(lv, sizeof lv, "freq-levels");
    mkdir(lv, 0755);
    snprintf(routine, sizeof routine, "%s/twice.routine", lv);
    path_in(db, sizeof db, "app-freq.db");
    static const char src[] = "title \"Twice a day\"\ntimes-a-day 2\nmove child_pose\n  hold 3s\n";
    write_file(routine, src, sizeof src - 1);
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) < 0) {
        CHECK(!"SDL_Init");
        return;
    }
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, 640, 360, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *ren = SDL_CreateSoftwareRenderer(surf);
    AppOptions o = {0};
    o.data_dir = ".";
    o.levels_dir = lv;
    o.routine = routine;
    o.width = 640;
    o.height = 360;
    o.history_path = db;
    App *a = app_new(&o, NULL, ren);
    CHECK(a != NULL);
    bool saw_results = false, saw_menu = false;
    for (int i = 0; a && i < 20000 && app_running(a) && !saw_menu; i++) {
        SDL_Event e;
        while (SDL_PollEvent(&e))
            app_event(a, &e);
        app_update(a, 10);
        const Session *s = app_session(a);
        if (s && s->segments[s->seg].kind == SEG_RESULTS && !saw_results) {
            saw_results = true;
            const HistoryRecorder *rec = app_recorder(a);
            CHECK(rec && rec->have_freq && rec->freq.done == 1 && rec->freq.target == 2);
            app_draw(a); /* the results with "1 of 2 today — next one later today" */
        }
        if (saw_results && !s) {
            saw_menu = true;
            const MenuInfo *m = app_menu(a);
            CHECK_INT(m->freq[0].done, 1);
            CHECK_INT(m->freq[0].target, 2);
        }
    }
    CHECK(saw_results && saw_menu);
    app_free(a);
    SDL_DestroyRenderer(ren);
    SDL_FreeSurface(surf);
    SDL_Quit();
}

/* "Skip this move for today" is kept in the history: a new open of the file still has it on the
 * same local day, not on the next; per patient code; each move once. */
static void test_skipped_moves(void)
{
    char db[512];
    path_in(db, sizeof db, "skip.db");
    History *h = history_open(db);
    char moves[8][HISTORY_MOVE_BYTES];
    int n = -1;
    int64_t morning = at(2026, 3, 2, 9, 0, H);
    CHECK_INT(history_skipped_moves(h, NULL, morning, H, moves, 8, &n), 0);
    CHECK_INT(n, 0);
    CHECK_INT(history_skip_move(h, "levels/05-nhs.routine", "knee_rolls", NULL, morning, H), 0);
    CHECK_INT(history_skip_move(h, "06-nhs.routine", "knee_rolls", NULL, morning + 60, H), 0);
    CHECK_INT(history_skip_move(h, "06-nhs.routine", "bridge", NULL, morning + 120, H), 0);
    CHECK_INT(history_skip_move(h, "06-nhs.routine", "bridge", NULL, morning + 180, H), 0); /* again: one row */
    CHECK_INT(history_skip_move(h, "06-nhs.routine", "cat_camel", "A17", morning, H), 0);
    history_close(h);
    CHECK_INT(sql_int(db, "SELECT count(*) FROM skipped_moves"), 4);
    CHECK_INT(sql_int(db, "SELECT count(*) FROM skipped_moves WHERE routine_file = '05-nhs.routine'"), 1);
    h = history_open(db); /* as a restarted unknot */
    CHECK_INT(history_skipped_moves(h, NULL, at(2026, 3, 2, 23, 30, H), H, moves, 8, &n), 0);
    CHECK_INT(n, 2);
    CHECK_STR(moves[0], "bridge");
    CHECK_STR(moves[1], "knee_rolls");
    CHECK_INT(history_skipped_moves(h, NULL, at(2026, 3, 2, 23, 30, H), H, moves, 1, &n), 0);
    CHECK_INT(n, 1); /* no more than asked */
    CHECK_INT(history_skipped_moves(h, "A17", morning, H, moves, 8, &n), 0);
    CHECK_INT(n, 1);
    CHECK_STR(moves[0], "cat_camel");
    /* the next local day (00:30 in UTC+1), every move is back */
    CHECK_INT(history_skipped_moves(h, NULL, at(2026, 3, 3, 0, 30, H), H, moves, 8, &n), 0);
    CHECK_INT(n, 0);
    history_close(h);
    /* no history: nothing kept, nothing found */
    CHECK_INT(history_skip_move(NULL, "a.routine", "bridge", NULL, morning, H), -1);
    CHECK_INT(history_skipped_moves(NULL, NULL, morning, H, moves, 8, &n), 0);
    CHECK_INT(n, 0);
}

/* The real app plays a dose that builds at today's dose, from the routine's completed workouts in
 * the history (stopped for pain and ended early do not raise it). */
static void test_app_progress(void)
{
    char routine[512], db[512];
    path_in(routine, sizeof routine, "grow.routine");
    path_in(db, sizeof db, "grow.db");
    static const char src[] = "title \"Grow\"\nmove bridge\n  reps 5 building to 30 by 2 every 3 workouts\n";
    write_file(routine, src, sizeof src - 1);
    History *h = history_open(db);
    for (int i = 0; i < 5; i++) {
        StreakOutcome o = i == 3   ? STREAK_OUTCOME_STOPPED_FOR_PAIN
                          : i == 4 ? STREAK_OUTCOME_ENDED_EARLY
                                   : STREAK_OUTCOME_COMPLETED;
        HistoryWorkout w = workout(at(2026, 3, 2 + i, 9, 0, 0), 0, "grow.routine", 0, o);
        CHECK(history_begin(h, &w) > 0);
    }
    history_close(h);
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) < 0) {
        CHECK(!"SDL_Init");
        return;
    }
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, 640, 360, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *ren = SDL_CreateSoftwareRenderer(surf);
    AppOptions o = {0};
    o.data_dir = ".";
    o.levels_dir = "levels";
    o.routine = routine;
    o.width = 640;
    o.height = 360;
    o.history_path = db;
    App *a = app_new(&o, NULL, ren);
    CHECK(a != NULL);
    const Session *s = a ? app_session(a) : NULL;
    CHECK(s && s->routine->steps[0].reps == 7); /* 3 completed: one step of 2 */
    app_free(a);
    o.history_path = NULL; /* a history that cannot be read counts none: the dose as written */
    setenv("XDG_DATA_HOME", "/proc/unknot-no-such-dir", 1);
    a = app_new(&o, NULL, ren);
    s = a ? app_session(a) : NULL;
    CHECK(s && s->routine->steps[0].reps == 5);
    app_free(a);
    unsetenv("XDG_DATA_HOME");
    SDL_DestroyRenderer(ren);
    SDL_FreeSurface(surf);
    SDL_Quit();
}

int main(void)
{
    if (!mkdtemp(dir))
        return 1;
    setenv("XDG_CONFIG_HOME", dir, 1);
    setenv("XDG_CACHE_HOME", dir, 1);
    test_schema_and_queries();
    test_migration();
    test_recorder();
    test_frequency();
    test_skipped_moves();
    test_corrupt();
    test_cannot_write();
    test_full_disk();
    test_export_csv();
    bench_write();
    test_busy();
    test_time();
    test_default_path();
    test_app_records();
    test_app_frequency();
    test_app_progress();
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    return TEST_END();
}
