/* history.c: the workout history in SQLite (history.h). The schema lives in one place (the
 * migrations below); every write is one short transaction, so a kill or power cut keeps every
 * step written so far. Faults print one "unknot: warning:" line and never stop a workout. */
#include "history.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "files.h"

struct History {
    sqlite3 *db; /* NULL when the database could not be opened: every write reports NOT_SAVED */
    bool writable;
    bool warned_write; /* one warning per kind of fault, not one per step */
    bool warned_read;
    int64_t version; /* the schema it has: below HISTORY_SCHEMA_VERSION only when read-only */
    char path[4096];
};

#define HISTORY_WAL_RETRY_MS 20 /* how often a locked switch to WAL is tried again */

/* ---- the schema: one migration per version, applied in order from PRAGMA user_version ---- */

static const char *const history_migrations[HISTORY_SCHEMA_VERSION] = {
    /* version 1: one row per workout */
    "CREATE TABLE workouts ("
    " id INTEGER PRIMARY KEY," /* row id, in the order workouts began */
    " start_utc INTEGER NOT NULL," /* seconds since 1970 UTC when the first step started */
    " utc_offset INTEGER NOT NULL," /* seconds east of UTC in force at the start (fixes the local day) */
    " local_day INTEGER NOT NULL," /* days since 1970-01-01 of the local date at the start */
    " end_utc INTEGER NOT NULL," /* last write: the results when closed, the last step end if cut off */
    " routine_file TEXT NOT NULL," /* the routine's file name without folders */
    " title TEXT NOT NULL," /* the routine's title when played */
    " level INTEGER NOT NULL DEFAULT 0," /* the routine's level, 0 when it has none */
    " steps_done INTEGER NOT NULL DEFAULT 0," /* steps done to their end */
    " steps_skipped INTEGER NOT NULL DEFAULT 0," /* skipped, given up, or (at the results) never reached */
    " steps_total INTEGER NOT NULL DEFAULT 0," /* steps in the routine */
    " reps_done INTEGER NOT NULL DEFAULT 0," /* reps counted */
    " reps_target INTEGER NOT NULL DEFAULT 0," /* reps asked for */
    " reps_on_tempo INTEGER NOT NULL DEFAULT 0," /* reps counted on the beat */
    " on_tempo_percent INTEGER NOT NULL DEFAULT 0," /* reps_on_tempo * 100 / reps_done */
    " holds_done INTEGER NOT NULL DEFAULT 0," /* holds kept to their end */
    " holds_total INTEGER NOT NULL DEFAULT 0," /* holds asked for */
    " score INTEGER NOT NULL DEFAULT 0," /* the session's score, before the streak bonus */
    " outcome TEXT NOT NULL DEFAULT 'running'" /* running, completed, ended_early, stopped_for_pain */
    "  CHECK (outcome IN ('running', 'completed', 'ended_early', 'stopped_for_pain')),"
    " pain_before INTEGER CHECK (pain_before BETWEEN 0 AND 10)," /* 0..10, NULL when skipped */
    " pain_after INTEGER CHECK (pain_after BETWEEN 0 AND 10)" /* 0..10, NULL when skipped */
    ");"
    "CREATE INDEX workouts_by_day ON workouts (local_day);",
    /* version 2: kiosk patient codes and the streak bonus */
    "ALTER TABLE workouts ADD COLUMN patient_code TEXT;" /* kiosk patient code, NULL when anonymous */
    "ALTER TABLE workouts ADD COLUMN bonus_percent INTEGER NOT NULL DEFAULT 0;" /* streak bonus on the results */
    "CREATE INDEX workouts_by_routine ON workouts (routine_file);",
    /* version 3: what the score was out of (the progress screen shows "200 of 460"); 0 in rows
     * written before it was kept: shown as the score alone */
    "ALTER TABLE workouts ADD COLUMN score_max INTEGER NOT NULL DEFAULT 0;",
    /* version 4: moves skipped for the rest of a day because they hurt ("It hurts", "Skip this move
     * for today"), so a restarted unknot still passes them over that day, and no longer the next */
    "CREATE TABLE skipped_moves ("
    " local_day INTEGER NOT NULL," /* days since 1970-01-01 of the local date when it hurt */
    " patient_code TEXT NOT NULL DEFAULT ''," /* kiosk patient code, '' when anonymous */
    " routine_file TEXT NOT NULL," /* the routine it hurt in, file name without folders */
    " move TEXT NOT NULL," /* the move's name in routine files ("knee_rolls") */
    " at_utc INTEGER NOT NULL," /* seconds since 1970 UTC when it was skipped */
    " PRIMARY KEY (local_day, patient_code, routine_file, move)"
    ");",
};

static const char *const outcome_names[] = {"running", "completed", "ended_early", "stopped_for_pain"};

static const char *outcome_name(StreakOutcome o)
{
    return (unsigned)o < sizeof outcome_names / sizeof *outcome_names ? outcome_names[o] : "running";
}

/* ---- opening ---- */

int history_default_path(char *buf, size_t size)
{
    char dir[4096];
    if (files_data_dir(dir, sizeof dir) < 0)
        return -1;
    int n = snprintf(buf, size, "%s/history.db", dir);
    return n < 0 || (size_t)n >= size ? -1 : 0;
}

static void warn_write(History *h, const char *what)
{
    if (h->warned_write)
        return;
    h->warned_write = true;
    fprintf(stderr, "unknot: warning: %s: %s; this workout is not saved (each later step tries again)\n", h->path,
            what ? what : (h->db ? sqlite3_errmsg(h->db) : "no database"));
}

static void warn_read(History *h)
{
    if (h->warned_read || !h->db)
        return;
    h->warned_read = true;
    fprintf(stderr, "unknot: warning: %s: cannot read the history: %s\n", h->path, sqlite3_errmsg(h->db));
}

/* Move path (and its -wal and -shm) aside to path.corrupt-YYYYMMDD-HHMMSS. Never deletes. */
static int rename_aside(const char *path, char *aside, size_t size)
{
    time_t now = time(NULL);
    struct tm tm;
    char stamp[32];
    if (!localtime_r(&now, &tm) || strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm) == 0)
        return -1;
    int n = snprintf(aside, size, "%s.corrupt-%s", path, stamp);
    if (n < 0 || (size_t)n >= size)
        return -1;
    struct stat st;
    for (int i = 2; stat(aside, &st) == 0 && i < 100; i++) /* two in one second: never overwrite */
        if (snprintf(aside, size, "%s.corrupt-%s-%d", path, stamp, i) >= (int)size)
            return -1;
    if (rename(path, aside) < 0)
        return -1;
    static const char *const sides[] = {"-wal", "-shm"};
    for (int i = 0; i < 2; i++) {
        char from[4400], to[4400];
        snprintf(from, sizeof from, "%s%s", path, sides[i]);
        snprintf(to, sizeof to, "%s%s", aside, sides[i]);
        if (stat(from, &st) == 0)
            rename(from, to);
    }
    return 0;
}

/* Run sql with no results. Returns the SQLite result code. */
static int exec(sqlite3 *db, const char *sql)
{
    return sqlite3_exec(db, sql, NULL, NULL, NULL);
}

/* One integer from sql, or -1 with *rc set. */
static int64_t query_int(sqlite3 *db, const char *sql, int *rc)
{
    sqlite3_stmt *st = NULL;
    int64_t v = -1;
    *rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (*rc == SQLITE_OK) {
        *rc = sqlite3_step(st);
        if (*rc == SQLITE_ROW) {
            v = sqlite3_column_int64(st, 0);
            *rc = SQLITE_OK;
        }
    }
    sqlite3_finalize(st);
    return v;
}

static bool is_corrupt(int rc)
{
    rc &= 0xff;
    return rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT;
}

/* What opening found, for the caller to act on. */
typedef enum { OPEN_OK, OPEN_CORRUPT, OPEN_FAILED } OpenResult;

/* Open h->path, check it, set WAL, and migrate it to HISTORY_SCHEMA_VERSION. */
static OpenResult open_db(History *h)
{
    struct stat info;
    if (stat(h->path, &info) == 0 && !S_ISREG(info.st_mode)) {
        /* a folder, FIFO or device would fail or block forever: refused before SQLite opens it */
        fprintf(stderr, "unknot: warning: %s: not a regular file; workouts are not saved\n", h->path);
        return OPEN_FAILED;
    }
    int rc = sqlite3_open_v2(h->path, &h->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc != SQLITE_OK) {
        fprintf(stderr, "unknot: warning: %s: cannot open the history: %s; workouts are not saved\n", h->path,
                h->db ? sqlite3_errmsg(h->db) : sqlite3_errstr(rc));
        return OPEN_FAILED;
    }
    sqlite3_busy_timeout(h->db, HISTORY_BUSY_MS);
    sqlite3_extended_result_codes(h->db, 1);
    /* a foreign or damaged file shows itself on the first read of the header or the pages */
    sqlite3_stmt *st = NULL;
    rc = sqlite3_prepare_v2(h->db, "PRAGMA quick_check", -1, &st, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            const char *r = (const char *)sqlite3_column_text(st, 0);
            rc = r && strcmp(r, "ok") == 0 ? SQLITE_OK : SQLITE_CORRUPT;
        }
    }
    sqlite3_finalize(st);
    if (is_corrupt(rc))
        return OPEN_CORRUPT;
    if ((rc & 0xff) == SQLITE_READONLY) { /* a WAL file and its folder that cannot be written */
        fprintf(stderr,
                "unknot: warning: %s: read-only (the file or its folder cannot be written); workouts are "
                "not saved\n",
                h->path);
        return OPEN_FAILED;
    }
    if (rc != SQLITE_OK) {
        fprintf(stderr, "unknot: warning: %s: cannot read the history: %s; workouts are not saved\n", h->path,
                sqlite3_errmsg(h->db));
        return OPEN_FAILED;
    }
    /* The version and the tables are read in one statement, so from one snapshot: read apart, a
     * second unknot could see version 0 first and then the tables the first unknot had just made,
     * and call a new history foreign (seen in CI: 1 open in 160 racing on a new file). Foreign
     * (-2): tables but version 0, a negative version, or a version but no workouts table (another
     * program's database that sets user_version: unknot's migrations must not run on it). */
    int64_t version = query_int(h->db,
                                "SELECT CASE WHEN v < 0 OR (v = 0 AND n > 0) OR (v > 0 AND w = 0) THEN -2 ELSE v END "
                                "FROM (SELECT (SELECT user_version FROM pragma_user_version) AS v, "
                                "(SELECT count(*) FROM sqlite_master) AS n, "
                                "(SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'workouts') AS w)",
                                &rc);
    if (rc != SQLITE_OK)
        return is_corrupt(rc) ? OPEN_CORRUPT : OPEN_FAILED;
    if (version > HISTORY_SCHEMA_VERSION) {
        fprintf(stderr,
                "unknot: warning: %s: made by a newer unknot (schema %lld); it is left as it is and workouts are "
                "not saved\n",
                h->path, (long long)version);
        return OPEN_FAILED;
    }
    if (version == -2) {
        fprintf(stderr,
                "unknot: warning: %s: an SQLite database that is not an unknot history; it is left as it is and "
                "workouts are not saved\n",
                h->path);
        return OPEN_FAILED;
    }
    if (sqlite3_db_readonly(h->db, "main") == 1) {
        fprintf(stderr,
                "unknot: warning: %s: read-only (the file or its folder cannot be written); workouts are "
                "not saved\n",
                h->path);
        h->writable = false;
        h->version = version;
        return OPEN_OK; /* still readable for the streak and progress */
    }
    /* WAL: readers never block the writer; FULL: a committed step survives a power cut */
    char *mode = NULL;
    /* Switching a new file to WAL needs it to itself: a second unknot opening the same new file at
     * that moment gets "database is locked" at once (SQLite does not call the busy handler there),
     * so the switch is tried again for as long as a write would wait. */
    for (int waited = 0;; waited += HISTORY_WAL_RETRY_MS) {
        sqlite3_stmt *jm = NULL;
        rc = sqlite3_prepare_v2(h->db, "PRAGMA journal_mode=WAL", -1, &jm, NULL);
        if (rc == SQLITE_OK) {
            rc = sqlite3_step(jm);
            if (rc == SQLITE_ROW && sqlite3_column_text(jm, 0))
                mode = strdup((const char *)sqlite3_column_text(jm, 0));
        }
        sqlite3_finalize(jm);
        bool busy = (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED;
        if (mode || !busy || waited >= HISTORY_BUSY_MS)
            break;
        sqlite3_sleep(HISTORY_WAL_RETRY_MS);
    }
    if (!mode || strcmp(mode, "wal") != 0) {
        fprintf(stderr, "unknot: warning: %s: cannot use a write-ahead log (%s); workouts are not saved\n", h->path,
                sqlite3_errmsg(h->db));
        free(mode);
        return OPEN_FAILED;
    }
    free(mode);
    exec(h->db, "PRAGMA synchronous=FULL");
    if (version < HISTORY_SCHEMA_VERSION) {
        rc = exec(h->db, "BEGIN IMMEDIATE");
        /* another unknot may have migrated it while this one waited */
        version = rc == SQLITE_OK ? query_int(h->db, "PRAGMA user_version", &rc) : -1;
        for (int64_t v = version; rc == SQLITE_OK && v >= 0 && v < HISTORY_SCHEMA_VERSION; v++)
            rc = exec(h->db, history_migrations[v]);
        if (rc == SQLITE_OK) {
            char sql[64];
            snprintf(sql, sizeof sql, "PRAGMA user_version=%d", HISTORY_SCHEMA_VERSION);
            rc = exec(h->db, sql);
        }
        if (rc == SQLITE_OK)
            rc = exec(h->db, "COMMIT");
        if (rc != SQLITE_OK) {
            fprintf(stderr, "unknot: warning: %s: cannot set up the history: %s; workouts are not saved\n", h->path,
                    sqlite3_errmsg(h->db));
            exec(h->db, "ROLLBACK");
            return is_corrupt(rc) ? OPEN_CORRUPT : OPEN_FAILED;
        }
    }
    h->writable = true;
    h->version = HISTORY_SCHEMA_VERSION;
    return OPEN_OK;
}

History *history_open(const char *path)
{
    History *h = calloc(1, sizeof *h);
    if (!h)
        return NULL;
    if (path)
        snprintf(h->path, sizeof h->path, "%s", path);
    else if (history_default_path(h->path, sizeof h->path) < 0) {
        snprintf(h->path, sizeof h->path, "%s", "~/.local/share/unknot/history.db");
        fprintf(stderr, "unknot: warning: no home folder for the history ($HOME and $XDG_DATA_HOME are not set); "
                        "workouts are not saved\n");
        h->warned_write = true;
        return h;
    }
    OpenResult r = open_db(h);
    if (r == OPEN_CORRUPT) {
        sqlite3_close(h->db);
        h->db = NULL;
        char aside[4300];
        if (rename_aside(h->path, aside, sizeof aside) < 0) {
            fprintf(stderr, "unknot: warning: %s: damaged and cannot be moved aside (%s); workouts are not saved\n",
                    h->path, strerror(errno));
            h->warned_write = true;
            return h;
        }
        fprintf(stderr, "unknot: warning: %s: not a readable history; moved it to %s and started a new one\n", h->path,
                aside);
        r = open_db(h);
    }
    if (r != OPEN_OK) {
        sqlite3_close(h->db);
        h->db = NULL;
        h->writable = false;
    }
    h->warned_write = !history_usable(h); /* opening said "not saved" already: one line per fault */
    return h;
}

void history_close(History *h)
{
    if (!h)
        return;
    sqlite3_close(h->db); /* the last connection also checkpoints the WAL into the file */
    free(h);
}

bool history_usable(const History *h)
{
    return h && h->db && h->writable;
}

const char *history_path(const History *h)
{
    return h ? h->path : "";
}

void history_set_busy_ms(History *h, int ms)
{
    if (h && h->db)
        sqlite3_busy_timeout(h->db, ms > 0 ? ms : 0);
}

int history_set_max_pages(History *h, int pages)
{
    if (!h || !h->db || pages <= 0)
        return -1;
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA max_page_count=%d", pages);
    return exec(h->db, sql) == SQLITE_OK ? 0 : -1;
}

/* ---- writing ---- */

static void bind_text_or_null(sqlite3_stmt *st, int i, const char *s)
{
    if (s && s[0])
        sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

static void bind_pain(sqlite3_stmt *st, int i, int pain)
{
    if (pain >= 0 && pain <= 10)
        sqlite3_bind_int(st, i, pain);
    else
        sqlite3_bind_null(st, i);
}

/* The columns every write sets, in the order bind_workout binds them (from ?1). */
#define WORKOUT_COLUMNS                                                                                                \
    "start_utc, utc_offset, local_day, end_utc, routine_file, title, level, steps_done, steps_skipped, steps_total, "  \
    "reps_done, reps_target, reps_on_tempo, on_tempo_percent, holds_done, holds_total, score, outcome, pain_before, "  \
    "pain_after, patient_code, bonus_percent, score_max"
#define WORKOUT_COLUMN_COUNT 23

static void bind_workout(sqlite3_stmt *st, const HistoryWorkout *w)
{
    sqlite3_bind_int64(st, 1, w->start_utc);
    sqlite3_bind_int(st, 2, w->utc_offset);
    sqlite3_bind_int(st, 3, streak_local_day(w->start_utc, w->utc_offset));
    sqlite3_bind_int64(st, 4, w->end_utc);
    sqlite3_bind_text(st, 5, w->routine_file ? w->routine_file : "", -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 6, w->title ? w->title : "", -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 7, w->level);
    sqlite3_bind_int(st, 8, w->steps_done);
    sqlite3_bind_int(st, 9, w->steps_skipped);
    sqlite3_bind_int(st, 10, w->steps_total);
    sqlite3_bind_int(st, 11, w->reps_done);
    sqlite3_bind_int(st, 12, w->reps_target);
    sqlite3_bind_int(st, 13, w->reps_on_tempo);
    sqlite3_bind_int(st, 14, w->on_tempo_percent);
    sqlite3_bind_int(st, 15, w->holds_done);
    sqlite3_bind_int(st, 16, w->holds_total);
    sqlite3_bind_int64(st, 17, w->score);
    sqlite3_bind_text(st, 18, outcome_name(w->outcome), -1, SQLITE_STATIC);
    bind_pain(st, 19, w->pain_before);
    bind_pain(st, 20, w->pain_after);
    bind_text_or_null(st, 21, w->patient_code);
    sqlite3_bind_int(st, 22, w->bonus_percent);
    sqlite3_bind_int64(st, 23, w->score_max);
}

int64_t history_begin(History *h, const HistoryWorkout *w)
{
    if (!h)
        return -1;
    if (!history_usable(h)) {
        warn_write(h, NULL);
        return -1;
    }
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(h->db,
                                "INSERT INTO workouts (" WORKOUT_COLUMNS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                                "?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23)",
                                -1, &st, NULL);
    if (rc == SQLITE_OK) {
        bind_workout(st, w);
        rc = sqlite3_step(st);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        warn_write(h, NULL);
        return -1;
    }
    return sqlite3_last_insert_rowid(h->db);
}

int history_update(History *h, int64_t id, const HistoryWorkout *w)
{
    if (!h)
        return -1;
    if (!history_usable(h) || id <= 0) {
        warn_write(h, NULL);
        return -1;
    }
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(h->db,
                                "UPDATE workouts SET (" WORKOUT_COLUMNS ") = (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                                "?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23) WHERE id = ?24",
                                -1, &st, NULL);
    if (rc == SQLITE_OK) {
        bind_workout(st, w);
        sqlite3_bind_int64(st, WORKOUT_COLUMN_COUNT + 1, id);
        rc = sqlite3_step(st);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE || sqlite3_changes(h->db) != 1) {
        warn_write(h, rc == SQLITE_DONE ? "the workout's row has gone" : NULL);
        return -1;
    }
    return 0;
}

/* ---- the recorder ---- */

static const char *base_name(const char *path)
{
    const char *b = path ? strrchr(path, '/') : NULL;
    return b ? b + 1 : path ? path : "";
}

static int frequency_days(History *h, const char *routine_file, const char *patient_code, int64_t now_utc,
                          int32_t now_offset, StreakDay **days, int *n);

void history_recorder_init(HistoryRecorder *rec, History *h, const char *routine_path, const Routine *r,
                           const char *patient_code)
{
    memset(rec, 0, sizeof *rec);
    rec->history = h;
    snprintf(rec->routine_file, sizeof rec->routine_file, "%s", base_name(routine_path));
    snprintf(rec->title, sizeof rec->title, "%s", r && r->title ? r->title : "");
    if (patient_code)
        snprintf(rec->patient_code, sizeof rec->patient_code, "%s", patient_code);
    HistoryWorkout *w = &rec->w;
    w->routine_file = rec->routine_file;
    w->title = rec->title;
    w->patient_code = patient_code ? rec->patient_code : NULL;
    w->level = r ? r->level : 0;
    if (r) {
        rec->times_a_day = r->times_a_day;
        rec->times_a_day_max = r->times_a_day_max;
        rec->days_a_week = r->days_a_week;
        rec->days_a_week_max = r->days_a_week_max;
    }
    w->steps_total = r ? r->step_count : 0;
    w->outcome = STREAK_OUTCOME_RUNNING;
    w->pain_before = HISTORY_NO_PAIN;
    w->pain_after = HISTORY_NO_PAIN;
}

void history_recorder_set_pain(HistoryRecorder *rec, int before, int after)
{
    rec->w.pain_before = before >= 0 && before <= 10 ? before : HISTORY_NO_PAIN;
    rec->w.pain_after = after >= 0 && after <= 10 ? after : HISTORY_NO_PAIN;
}

void history_recorder_stopped_for_pain(HistoryRecorder *rec)
{
    rec->stopped_for_pain = true;
}

/* Copy the session's counts into the row. */
static void take_score(HistoryWorkout *w, const Session *s)
{
    const SessionScore *sc = &s->score;
    w->steps_done = sc->steps_done;
    w->steps_skipped = sc->steps_skipped;
    w->reps_done = sc->reps_done;
    w->reps_target = sc->reps_target;
    w->reps_on_tempo = sc->reps_on_tempo;
    w->on_tempo_percent = sc->reps_done > 0 ? (int)((int64_t)sc->reps_on_tempo * 100 / sc->reps_done) : 0;
    w->holds_done = sc->holds_done;
    w->holds_total = sc->holds_total;
    w->score = sc->score;
    w->score_max = sc->score_max;
    /* the check-in answers as the session has them (answered before this row is written) */
    if (s->pain_before >= 0)
        w->pain_before = s->pain_before;
    if (s->pain_after >= 0)
        w->pain_after = s->pain_after;
}

static void write_row(HistoryRecorder *rec)
{
    if (rec->id <= 0) {
        int64_t id = history_begin(rec->history, &rec->w);
        rec->id = id > 0 ? id : 0;
        rec->status = id > 0 ? HISTORY_STATUS_SAVED : HISTORY_STATUS_NOT_SAVED;
    } else {
        rec->status =
            history_update(rec->history, rec->id, &rec->w) == 0 ? HISTORY_STATUS_SAVED : HISTORY_STATUS_NOT_SAVED;
    }
}

void history_recorder_event(HistoryRecorder *rec, const Session *s, const SessionEvent *ev, int64_t now_utc,
                            int32_t utc_offset)
{
    if (!rec->history || rec->closed)
        return;
    switch (ev->type) {
    case EV_STEP_START:
        if (rec->begun)
            return;
        rec->begun = true;
        rec->w.start_utc = now_utc;
        rec->w.utc_offset = utc_offset;
        rec->w.end_utc = now_utc;
        take_score(&rec->w, s);
        write_row(rec);
        return;
    case EV_HURT:
        rec->stopped_for_pain = true; /* "It hurts": whatever comes next, it never costs a streak */
        return;
    case EV_STEP_END:
        if (!rec->begun)
            return;
        rec->w.end_utc = now_utc;
        take_score(&rec->w, s);
        write_row(rec);
        return;
    case EV_SESSION_END:
        if (!rec->begun)
            return; /* ended before any step started: nothing to keep */
        rec->closed = true;
        rec->w.end_utc = now_utc;
        take_score(&rec->w, s);
        /* ended early with the after check-in saying "stop for today" is stopping because it
         * hurts, which never costs a streak */
        if (!ev->completed && session_pain_says_stop(s->pain_before, s->pain_after))
            rec->stopped_for_pain = true;
        rec->w.outcome = rec->stopped_for_pain ? STREAK_OUTCOME_STOPPED_FOR_PAIN
                         : ev->completed       ? STREAK_OUTCOME_COMPLETED
                                               : STREAK_OUTCOME_ENDED_EARLY;
        write_row(rec);
        if (rec->status != HISTORY_STATUS_SAVED)
            return;
        /* the streak with this workout in it gives the bonus shown on the results */
        if (history_streak(rec->history, rec->w.patient_code, now_utc, utc_offset, rec->week_goal, &rec->streak) == 0) {
            rec->have_streak = true;
            rec->w.bonus_percent = streak_outcome_counts(rec->w.outcome) ? rec->streak.bonus_percent : 0;
            if (rec->w.bonus_percent > 0)
                write_row(rec);
        }
        /* "2 of 3 today": this workout is in the history now */
        if (rec->times_a_day > 0 || rec->days_a_week > 0) {
            StreakDay *days = NULL;
            int n = 0;
            if (frequency_days(rec->history, rec->routine_file, rec->w.patient_code, now_utc, utc_offset, &days, &n) ==
                0) {
                streak_frequency(days, n, streak_local_day(now_utc, utc_offset), rec->times_a_day, rec->times_a_day_max,
                                 rec->days_a_week, rec->days_a_week_max, &rec->freq);
                rec->have_freq = true;
            }
            free(days);
        }
        return;
    default: return;
    }
}

void history_recorder_abandon(HistoryRecorder *rec, const Session *s, int64_t now_utc)
{
    if (!rec->history || !rec->begun || rec->closed)
        return;
    rec->closed = true;
    rec->w.end_utc = now_utc;
    take_score(&rec->w, s);
    rec->w.outcome = rec->stopped_for_pain ? STREAK_OUTCOME_STOPPED_FOR_PAIN : STREAK_OUTCOME_ENDED_EARLY;
    write_row(rec);
}

HistoryStatus history_recorder_status(const HistoryRecorder *rec)
{
    return rec->status;
}

/* ---- queries ---- */

/* Prepare sql with ?1 bound to patient_code (NULL: every workout; the SQL says "?1 IS NULL OR"). */
static sqlite3_stmt *prepare_for(History *h, const char *sql, const char *patient_code)
{
    sqlite3_stmt *st = NULL;
    if (!h || !h->db)
        return NULL;
    if (sqlite3_prepare_v2(h->db, sql, -1, &st, NULL) != SQLITE_OK) {
        warn_read(h);
        sqlite3_finalize(st);
        return NULL;
    }
    bind_text_or_null(st, 1, patient_code);
    return st;
}

#define COUNTED "outcome IN ('completed', 'stopped_for_pain')"
#define FOR_PATIENT "(?1 IS NULL OR patient_code = ?1)"

/* Finish st: 0 when it ran to its end, else -1 with one warning. */
static int finish(History *h, sqlite3_stmt *st, int rc)
{
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        warn_read(h);
        return -1;
    }
    return 0;
}

/* Steps st (its first column a local day) to its end, malloc'ing the days into *days (caller
 * frees); finishes st. 0, or -1 with *days NULL. */
static int collect_days(History *h, sqlite3_stmt *st, StreakDay **days, int *n)
{
    int cap = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            int nc = cap ? cap * 2 : 64;
            StreakDay *d = realloc(*days, sizeof *d * (size_t)nc);
            if (!d) {
                rc = SQLITE_NOMEM;
                break;
            }
            *days = d;
            cap = nc;
        }
        (*days)[(*n)++] = (StreakDay)sqlite3_column_int(st, 0);
    }
    if (finish(h, st, rc) < 0) {
        free(*days);
        *days = NULL;
        *n = 0;
        return -1;
    }
    return 0;
}

/* The distinct counted days of patient_code, malloc'd into *days (caller frees). */
static int counted_days(History *h, const char *patient_code, StreakDay **days, int *n)
{
    *days = NULL;
    *n = 0;
    sqlite3_stmt *st =
        prepare_for(h, "SELECT DISTINCT local_day FROM workouts WHERE " COUNTED " AND " FOR_PATIENT, patient_code);
    if (!st)
        return h && h->db ? -1 : 0; /* no database: an empty history */
    return collect_days(h, st, days, n);
}

int history_streak(History *h, const char *patient_code, int64_t now_utc, int32_t now_offset, int week_goal,
                   StreakSummary *out)
{
    StreakDay *days;
    int n, rc = counted_days(h, patient_code, &days, &n);
    streak_summarize(days, n, streak_local_day(now_utc, now_offset), week_goal, out);
    free(days);
    return rc;
}

int history_today_count(History *h, const char *patient_code, int64_t now_utc, int32_t now_offset, int *count)
{
    *count = 0;
    sqlite3_stmt *st = prepare_for(
        h, "SELECT count(*) FROM workouts WHERE " COUNTED " AND " FOR_PATIENT " AND local_day = ?2", patient_code);
    if (!st)
        return h && h->db ? -1 : 0;
    sqlite3_bind_int(st, 2, streak_local_day(now_utc, now_offset));
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *count = sqlite3_column_int(st, 0);
        rc = SQLITE_DONE;
    }
    return finish(h, st, rc);
}

int history_completed_count(History *h, const char *routine_path, int *count)
{
    *count = 0;
    sqlite3_stmt *st = prepare_for(h, "SELECT count(*) FROM workouts WHERE outcome = 'completed' AND routine_file = ?1",
                                   base_name(routine_path));
    if (!st)
        return h && h->db ? -1 : 0;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *count = sqlite3_column_int(st, 0);
        rc = SQLITE_DONE;
    }
    return finish(h, st, rc);
}

int history_completed_today(History *h, const char *routine_path, const char *patient_code, int64_t now_utc,
                            int32_t now_offset, int *count)
{
    *count = 0;
    sqlite3_stmt *st = prepare_for(h,
                                   "SELECT count(*) FROM workouts WHERE outcome = 'completed' AND " FOR_PATIENT
                                   " AND routine_file = ?2 AND local_day = ?3",
                                   patient_code);
    if (!st)
        return h && h->db ? -1 : 0;
    sqlite3_bind_text(st, 2, base_name(routine_path), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 3, streak_local_day(now_utc, now_offset));
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *count = sqlite3_column_int(st, 0);
        rc = SQLITE_DONE;
    }
    return finish(h, st, rc);
}

/* ---- moves skipped for the rest of a day ---- */

int history_skip_move(History *h, const char *routine_path, const char *move, const char *patient_code, int64_t now_utc,
                      int32_t now_offset)
{
    if (!h || !h->db || !h->writable || !move)
        return -1;
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(h->db,
                                "INSERT OR REPLACE INTO skipped_moves (local_day, patient_code, routine_file, move, "
                                "at_utc) VALUES (?1, ?2, ?3, ?4, ?5)",
                                -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_int(st, 1, streak_local_day(now_utc, now_offset));
        sqlite3_bind_text(st, 2, patient_code ? patient_code : "", -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 3, base_name(routine_path), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 4, move, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(st, 5, now_utc);
        rc = sqlite3_step(st);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        warn_write(h, "a skipped move");
        return -1;
    }
    return 0;
}

int history_skipped_moves(History *h, const char *patient_code, int64_t now_utc, int32_t now_offset,
                          char (*moves)[HISTORY_MOVE_BYTES], int max, int *count)
{
    *count = 0;
    if (!h || !h->db || h->version < 4)
        return 0; /* no database, or a read-only one from before skipped moves were kept: none */
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(h->db,
                           "SELECT DISTINCT move FROM skipped_moves WHERE local_day = ?1 AND patient_code = ?2 "
                           "ORDER BY move",
                           -1, &st, NULL) != SQLITE_OK) {
        sqlite3_finalize(st);
        warn_read(h);
        return -1;
    }
    sqlite3_bind_int(st, 1, streak_local_day(now_utc, now_offset));
    sqlite3_bind_text(st, 2, patient_code ? patient_code : "", -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *m = (const char *)sqlite3_column_text(st, 0);
        if (m && *count < max)
            snprintf(moves[(*count)++], HISTORY_MOVE_BYTES, "%s", m);
    }
    return finish(h, st, rc);
}

/* The local days of the counted workouts of routine_file (no folders) for patient_code from the
 * Monday of now's week on (enough for a day's and a week's count), malloc'd into *days. */
static int frequency_days(History *h, const char *routine_file, const char *patient_code, int64_t now_utc,
                          int32_t now_offset, StreakDay **days, int *n)
{
    *days = NULL;
    *n = 0;
    sqlite3_stmt *st = prepare_for(h,
                                   "SELECT local_day FROM workouts WHERE " COUNTED " AND " FOR_PATIENT
                                   " AND routine_file = ?2 AND local_day >= ?3",
                                   patient_code);
    if (!st)
        return h && h->db ? -1 : 0;
    sqlite3_bind_text(st, 2, routine_file, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 3, streak_week_start(streak_local_day(now_utc, now_offset)));
    return collect_days(h, st, days, n);
}

int history_frequency(History *h, const char *routine_path, const Routine *r, const char *patient_code, int64_t now_utc,
                      int32_t now_offset, StreakFrequency *out)
{
    StreakDay *days = NULL;
    int n = 0, rc = 0;
    if (r->times_a_day > 0 || r->days_a_week > 0)
        rc = frequency_days(h, base_name(routine_path), patient_code, now_utc, now_offset, &days, &n);
    streak_frequency(days, n, streak_local_day(now_utc, now_offset), r->times_a_day, r->times_a_day_max, r->days_a_week,
                     r->days_a_week_max, out);
    free(days);
    return rc;
}

int history_completed_by_level(History *h, int *completed_at, int max_level)
{
    for (int l = 0; l <= max_level; l++)
        completed_at[l] = 0;
    sqlite3_stmt *st =
        prepare_for(h, "SELECT level, count(*) FROM workouts WHERE outcome = 'completed' GROUP BY level", NULL);
    if (!st)
        return h && h->db ? -1 : 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int l = sqlite3_column_int(st, 0);
        if (l >= 0 && l <= max_level)
            completed_at[l] = sqlite3_column_int(st, 1);
    }
    return finish(h, st, rc);
}

int history_progress(History *h, const char *patient_code, int64_t now_utc, int32_t now_offset, int week_goal,
                     HistoryProgress *out)
{
    memset(out, 0, sizeof *out);
    int bad = history_streak(h, patient_code, now_utc, now_offset, week_goal, &out->streak);
    bad |= history_today_count(h, patient_code, now_utc, now_offset, &out->today_workouts);
    out->heatmap_first_day = streak_week_start(out->streak.today) - (HISTORY_HEATMAP_WEEKS - 1) * 7;
    if (!h || !h->db)
        return bad ? -1 : 0;
    int rc;
    sqlite3_stmt *st = prepare_for(
        h, "SELECT count(*), coalesce(sum(outcome = 'completed'), 0) FROM workouts WHERE " FOR_PATIENT, patient_code);
    if (!st)
        return -1;
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        out->sessions = sqlite3_column_int(st, 0);
        out->completed = sqlite3_column_int(st, 1);
        rc = SQLITE_DONE;
    }
    bad |= finish(h, st, rc);

    st = prepare_for(h,
                     "SELECT local_day, count(*) FROM workouts WHERE " COUNTED " AND " FOR_PATIENT
                     " AND local_day BETWEEN ?2 AND ?3 GROUP BY local_day",
                     patient_code);
    if (!st)
        return -1;
    sqlite3_bind_int(st, 2, out->heatmap_first_day);
    sqlite3_bind_int(st, 3, out->heatmap_first_day + HISTORY_HEATMAP_DAYS - 1);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int i = sqlite3_column_int(st, 0) - out->heatmap_first_day;
        if (i >= 0 && i < HISTORY_HEATMAP_DAYS)
            out->heatmap[i] = sqlite3_column_int(st, 1);
    }
    bad |= finish(h, st, rc);

    /* the last HISTORY_PAIN_POINTS check-ins, newest first from SQL, stored oldest first */
    st = prepare_for(h,
                     "SELECT local_day, pain_before, pain_after FROM workouts WHERE " FOR_PATIENT
                     " AND (pain_before IS NOT NULL OR pain_after IS NOT NULL) ORDER BY start_utc DESC, id DESC "
                     "LIMIT ?2",
                     patient_code);
    if (!st)
        return -1;
    sqlite3_bind_int(st, 2, HISTORY_PAIN_POINTS);
    HistoryPainPoint newest[HISTORY_PAIN_POINTS];
    int np = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && np < HISTORY_PAIN_POINTS) {
        newest[np].day = (StreakDay)sqlite3_column_int(st, 0);
        newest[np].before = sqlite3_column_type(st, 1) == SQLITE_NULL ? HISTORY_NO_PAIN : sqlite3_column_int(st, 1);
        newest[np].after = sqlite3_column_type(st, 2) == SQLITE_NULL ? HISTORY_NO_PAIN : sqlite3_column_int(st, 2);
        np++;
    }
    bad |= finish(h, st, rc == SQLITE_ROW ? SQLITE_DONE : rc);
    for (int i = 0; i < np; i++)
        out->pain[i] = newest[np - 1 - i];
    out->pain_count = np;

    /* the best score's own score_max (a read-only history from before version 3 has none: 0) */
#define BEST_ROUTINES(score_max)                                                                                       \
    "SELECT routine_file, (SELECT title FROM workouts w2 WHERE w2.routine_file = w.routine_file "                      \
    "ORDER BY start_utc DESC, id DESC LIMIT 1), max(level), count(*), "                                                \
    "coalesce(sum(outcome = 'completed'), 0), max(score), max(on_tempo_percent), " score_max " FROM workouts w "       \
    "WHERE " FOR_PATIENT " GROUP BY routine_file ORDER BY routine_file LIMIT ?2"
    st = prepare_for(h,
                     h->version >= 3 ? BEST_ROUTINES("(SELECT score_max FROM workouts w3 WHERE w3.routine_file = "
                                                     "w.routine_file AND (?1 IS NULL OR w3.patient_code = ?1) "
                                                     "ORDER BY score DESC, id DESC LIMIT 1)")
                                     : BEST_ROUTINES("0"),
                     patient_code);
#undef BEST_ROUTINES
    if (!st)
        return -1;
    sqlite3_bind_int(st, 2, HISTORY_MAX_ROUTINES);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && out->routine_count < HISTORY_MAX_ROUTINES) {
        HistoryRoutineBest *b = &out->routines[out->routine_count++];
        const char *file = (const char *)sqlite3_column_text(st, 0);
        const char *title = (const char *)sqlite3_column_text(st, 1);
        snprintf(b->routine_file, sizeof b->routine_file, "%s", file ? file : "");
        snprintf(b->title, sizeof b->title, "%s", title ? title : "");
        b->level = sqlite3_column_int(st, 2);
        b->sessions = sqlite3_column_int(st, 3);
        b->completed = sqlite3_column_int(st, 4);
        b->best_score = (long)sqlite3_column_int64(st, 5);
        b->best_on_tempo_percent = sqlite3_column_int(st, 6);
        b->best_score_max = (long)sqlite3_column_int64(st, 7);
    }
    bad |= finish(h, st, rc == SQLITE_ROW ? SQLITE_DONE : rc);
    return bad ? -1 : 0;
}

/* ---- CSV export ---- */

typedef struct {
    char *data;
    size_t len, cap;
    bool failed;
} Buffer;

static void buf_add(Buffer *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t nc = b->cap ? b->cap * 2 : 4096;
        while (nc < b->len + n + 1)
            nc *= 2;
        char *d = realloc(b->data, nc);
        if (!d) {
            b->failed = true;
            return;
        }
        b->data = d;
        b->cap = nc;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = 0;
}

/* One RFC 4180 field: quoted when it holds a comma, quote, CR or LF; quotes doubled. */
static void csv_field(Buffer *b, const char *s, bool first)
{
    if (!first)
        buf_add(b, ",", 1);
    if (!s)
        return;
    if (!strpbrk(s, ",\"\r\n")) {
        buf_add(b, s, strlen(s));
        return;
    }
    buf_add(b, "\"", 1);
    for (const char *p = s; *p; p++) {
        buf_add(b, p, 1);
        if (*p == '"')
            buf_add(b, "\"", 1);
    }
    buf_add(b, "\"", 1);
}

/* utc + offset as ISO 8601 local time with the offset: 2026-03-02T07:30:00+01:00 */
static void iso8601(int64_t utc, int32_t offset, char *out, size_t size)
{
    int64_t local = utc + offset;
    StreakDay d = streak_local_day(utc, offset);
    int64_t sec = local - (int64_t)d * STREAK_DAY_SECONDS;
    int y, m, dd;
    streak_day_to_date(d, &y, &m, &dd);
    int32_t a = offset < 0 ? -offset : offset;
    snprintf(out, size, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", y, m, dd, (int)(sec / 3600), (int)(sec / 60 % 60),
             (int)(sec % 60), offset < 0 ? '-' : '+', (int)(a / 3600), (int)(a / 60 % 60));
}

int history_export_csv(History *h, const char *path)
{
    static const char header[] = "id,start,end,local_date,routine_file,title,level,patient_code,outcome,steps_done,"
                                 "steps_skipped,steps_total,reps_done,reps_target,reps_on_tempo,on_tempo_percent,"
                                 "holds_done,holds_total,score,bonus_percent,pain_before,pain_after\r\n";
    Buffer b = {0};
    buf_add(&b, header, sizeof header - 1);
    int rc = SQLITE_DONE;
    if (h && h->db) {
        sqlite3_stmt *st = prepare_for(h,
                                       "SELECT id, start_utc, utc_offset, end_utc, routine_file, title, level, "
                                       "patient_code, outcome, steps_done, steps_skipped, steps_total, reps_done, "
                                       "reps_target, reps_on_tempo, on_tempo_percent, holds_done, holds_total, score, "
                                       "bonus_percent, pain_before, pain_after FROM workouts ORDER BY start_utc, id",
                                       NULL);
        if (!st) {
            free(b.data);
            fprintf(stderr, "unknot: %s: cannot read the history\n", h->path);
            return -1;
        }
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            char num[32], start[40], end[40], date[16];
            int64_t su = sqlite3_column_int64(st, 1);
            int32_t off = sqlite3_column_int(st, 2);
            int y, m, d;
            iso8601(su, off, start, sizeof start);
            iso8601(sqlite3_column_int64(st, 3), off, end, sizeof end);
            streak_day_to_date(streak_local_day(su, off), &y, &m, &d);
            snprintf(date, sizeof date, "%04d-%02d-%02d", y, m, d);
            for (int c = 0; c < 22; c++) {
                const char *v;
                if (c == 1)
                    v = start;
                else if (c == 2)
                    v = end;
                else if (c == 3)
                    v = date;
                else if (sqlite3_column_type(st, c) == SQLITE_INTEGER) {
                    snprintf(num, sizeof num, "%lld", (long long)sqlite3_column_int64(st, c));
                    v = num;
                } else {
                    v = (const char *)sqlite3_column_text(st, c); /* from 4 on, CSV and query columns agree */
                }
                csv_field(&b, v, c == 0);
            }
            buf_add(&b, "\r\n", 2);
        }
        sqlite3_finalize(st);
    }
    if (rc != SQLITE_DONE || b.failed) {
        free(b.data);
        fprintf(stderr, "unknot: %s: cannot read the history: %s\n", history_path(h),
                b.failed || !h || !h->db ? "out of memory" : sqlite3_errmsg(h->db));
        return -1;
    }
    char err[FILES_PATH_BYTES + 200];
    if (files_write_atomic(path, b.data, b.len, err, sizeof err) < 0) {
        fprintf(stderr, "unknot: %s\n", err);
        free(b.data);
        return -1;
    }
    free(b.data);
    return 0;
}

/* ---- time on this machine ---- */

int32_t history_local_offset(int64_t utc_seconds)
{
    time_t t = (time_t)utc_seconds;
    struct tm tm;
    if (!localtime_r(&t, &tm))
        return 0;
    int64_t local = (int64_t)streak_day_from_date(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday) * STREAK_DAY_SECONDS +
                    tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec;
    return (int32_t)(local - utc_seconds);
}

/* n decimal digits at s into *v. */
static bool digits(const char *s, int n, int *v)
{
    *v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        *v = *v * 10 + (s[i] - '0');
    }
    return true;
}

int history_parse_iso8601(const char *s, int64_t *utc, int32_t *offset)
{
    int y, mo, d, hh, mi, ss = 0;
    if (!s || strlen(s) < 16 || !digits(s, 4, &y) || s[4] != '-' || !digits(s + 5, 2, &mo) || s[7] != '-' ||
        !digits(s + 8, 2, &d) || (s[10] != 'T' && s[10] != ' ') || !digits(s + 11, 2, &hh) || s[13] != ':' ||
        !digits(s + 14, 2, &mi))
        return -1;
    const char *p = s + 16;
    if (*p == ':') {
        if (!digits(p + 1, 2, &ss))
            return -1;
        p += 3;
    }
    int32_t off = 0;
    if (*p == 'Z') {
        p++;
    } else if (*p == '+' || *p == '-') {
        int oh, om = 0;
        int sign = *p == '-' ? -1 : 1;
        if (!digits(p + 1, 2, &oh))
            return -1;
        p += 3;
        if (*p == ':')
            p++;
        if (*p) {
            if (!digits(p, 2, &om))
                return -1;
            p += 2;
        }
        if (oh > 18 || om > 59 || oh * 60 + om > 18 * 60)
            return -1;
        off = sign * (oh * 3600 + om * 60);
    } else {
        return -1; /* the offset is required: without it the local day is unknown */
    }
    if (*p || y < 1970 || y > 9999 || mo < 1 || mo > 12 || d < 1 || hh > 23 || mi > 59 || ss > 60)
        return -1;
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (d > mdays[mo - 1] || (mo == 2 && d == 29 && !leap))
        return -1;
    *utc = (int64_t)streak_day_from_date(y, mo, d) * STREAK_DAY_SECONDS + hh * 3600 + mi * 60 + ss - off;
    *offset = off;
    return 0;
}
