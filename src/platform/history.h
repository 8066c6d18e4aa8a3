/* history.h: the workout history, one SQLite database (default $XDG_DATA_HOME/unknot/history.db).
 * One row per workout, written as it goes; queries for the streak, progress screen, kiosk and
 * --stats / --export-csv. A fault never stops a workout: it prints one "unknot: warning:" line
 * and the workout goes on "Not saved". The streak rules themselves are in core/streak.h. */
#ifndef UNKNOT_HISTORY_H
#define UNKNOT_HISTORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "session.h"
#include "streak.h"

#define HISTORY_SCHEMA_VERSION 4 /* PRAGMA user_version of a current database */
#define HISTORY_BUSY_MS 10000 /* a second unknot on the same file waits this long for a write */
#define HISTORY_APP_BUSY_MS 1000 /* the game loop waits at most this: a later step's write catches up */
#define HISTORY_HEATMAP_WEEKS 12
#define HISTORY_HEATMAP_DAYS (HISTORY_HEATMAP_WEEKS * 7)
#define HISTORY_PAIN_POINTS 60 /* the last this many workouts with a pain check-in */
#define HISTORY_MAX_ROUTINES 64 /* routines listed in a progress summary (as LEVELS_MAX) */
#define HISTORY_NAME_BYTES 256 /* routine file names and titles, truncated */
#define HISTORY_CODE_BYTES 64 /* patient codes */
#define HISTORY_MOVE_BYTES 64 /* a move's name in a routine file ("knee_rolls") */
#define HISTORY_NO_PAIN (-1) /* pain not given (check-in skipped) */

typedef struct History History;

/* Whether the workout being recorded is safely in the database. */
typedef enum {
    HISTORY_STATUS_NONE = 0, /* nothing recorded yet (no step has started) */
    HISTORY_STATUS_SAVED, /* every write so far reached the database */
    HISTORY_STATUS_NOT_SAVED /* a write failed (read-only, disk full, no database): "Not saved" */
} HistoryStatus;

/* One workout row. Strings are borrowed by the write functions (copied into the database). */
typedef struct {
    int64_t start_utc; /* seconds since the epoch, UTC, when the first step started */
    int32_t utc_offset; /* seconds east of UTC in force at the start: fixes the local day for ever */
    int64_t end_utc; /* last update (the results when closed) */
    const char *routine_file; /* the routine's file name without folders ("01-gentle-start.routine") */
    const char *title;
    int level; /* 0 when the routine has none */
    const char *patient_code; /* kiosk patient code, or NULL for anonymous */
    int steps_done, steps_skipped, steps_total;
    int reps_done, reps_target, reps_on_tempo;
    int on_tempo_percent; /* reps_on_tempo * 100 / reps_done, 0 without reps */
    int holds_done, holds_total;
    long score; /* the session's score, before the streak bonus */
    long score_max; /* what the routine could earn (SessionScore.score_max); 0 in older rows */
    int bonus_percent; /* the streak bonus shown on the results */
    StreakOutcome outcome;
    int pain_before, pain_after; /* 0..10 or HISTORY_NO_PAIN */
} HistoryWorkout;

/* Best results of one routine, for the progress screen and the menu. */
typedef struct {
    char routine_file[HISTORY_NAME_BYTES];
    char title[HISTORY_NAME_BYTES]; /* as last played */
    int level;
    int sessions; /* every workout begun */
    int completed; /* outcome completed */
    long best_score;
    long best_score_max; /* what that best score was out of; 0 when not known (an older row) */
    int best_on_tempo_percent;
} HistoryRoutineBest;

/* One pain check-in pair, oldest first. */
typedef struct {
    StreakDay day;
    int before, after; /* 0..10 or HISTORY_NO_PAIN */
} HistoryPainPoint;

/* Everything the progress screen shows, in one query. Fixed arrays: nothing to free. */
typedef struct {
    StreakSummary streak;
    int sessions; /* workouts begun */
    int completed; /* workouts completed */
    int today_workouts; /* workouts begun today (local day of their start) */
    StreakDay heatmap_first_day; /* a Monday: HISTORY_HEATMAP_WEEKS weeks ending with this week */
    int heatmap[HISTORY_HEATMAP_DAYS]; /* counted workouts on heatmap_first_day + i */
    HistoryPainPoint pain[HISTORY_PAIN_POINTS];
    int pain_count;
    HistoryRoutineBest routines[HISTORY_MAX_ROUTINES]; /* by routine file name */
    int routine_count;
} HistoryProgress;

/* ---- opening ---- */

/* The default database path, $XDG_DATA_HOME/unknot/history.db or ~/.local/share/unknot/history.db
 * (a relative $XDG_DATA_HOME is ignored). Creates the folder. Returns 0 and fills buf, or -1. */
int history_default_path(char *buf, size_t size);

/* Open (creating or migrating) the database at path (NULL: the default). A corrupt or foreign
 * file is renamed aside to PATH.corrupt-YYYYMMDD-HHMMSS and a new one made. Never fails a
 * workout: on trouble prints one warning and returns a handle whose writes report NOT_SAVED.
 * Returns NULL only when out of memory. Close with history_close. */
History *history_open(const char *path);

/* Close the database and free h. Safe on NULL. */
void history_close(History *h);

/* Cap the database at pages pages (PRAGMA max_page_count, this connection only): writes past it
 * fail as on a full disk. For tests and for a kiosk that must not fill its disk. Returns 0/-1. */
int history_set_max_pages(History *h, int pages);

/* How long a write waits for another program's lock before it fails (default HISTORY_BUSY_MS).
 * Every write rewrites the whole row, so a later write catches up what a failed one missed. */
void history_set_busy_ms(History *h, int ms);

/* True when the database is open and writable so far. */
bool history_usable(const History *h);

/* The file name in use (for messages). Borrowed from h. */
const char *history_path(const History *h);

/* ---- writing one workout as it goes ---- */

/* Insert the row for a workout whose first step has started. Returns its id (> 0), or -1. */
int64_t history_begin(History *h, const HistoryWorkout *w);

/* Rewrite row id with w (after every step; at the results with the final outcome). Returns 0/-1. */
int history_update(History *h, int64_t id, const HistoryWorkout *w);

/* Feeds a running session's events into the history: the row is begun at the first step start,
 * updated at every step end and closed at the session end (the results). */
typedef struct {
    History *history; /* borrowed; NULL records nothing (status stays NONE) */
    HistoryWorkout w; /* the row as last written; its strings point into the arrays below */
    char routine_file[HISTORY_NAME_BYTES];
    char title[HISTORY_NAME_BYTES];
    char patient_code[HISTORY_CODE_BYTES];
    int64_t id; /* 0 until a write succeeded */
    HistoryStatus status; /* of the last write */
    bool begun; /* the first step started */
    bool stopped_for_pain;
    bool closed; /* the session end was written (or tried) */
    int week_goal; /* for the streak at the close: 0 (default) unless the caller sets it after init */
    bool have_streak; /* streak below is known (closed and saved) */
    StreakSummary streak; /* as of the close, this workout included: "Day 5 in a row", w.bonus_percent */
    int times_a_day, times_a_day_max, days_a_week, days_a_week_max; /* the routine's frequency */
    bool have_freq; /* freq below is known (closed and saved, the routine has a frequency) */
    StreakFrequency freq; /* as of the close, this workout included: "2 of 3 today" */
} HistoryRecorder;

/* Start recording a workout of routine r read from routine_path (any folders are dropped),
 * for patient_code (NULL: anonymous). h may be NULL. */
void history_recorder_init(HistoryRecorder *rec, History *h, const char *routine_path, const Routine *r,
                           const char *patient_code);

/* Give the pain check-in answers (0..10 or HISTORY_NO_PAIN); written with the next update. */
void history_recorder_set_pain(HistoryRecorder *rec, int before, int after);

/* Mark the workout as stopped for pain ("It hurts"): written with the next update or the close. */
void history_recorder_stopped_for_pain(HistoryRecorder *rec);

/* Handle one event of session s at wall time now_utc with the UTC offset in force now (used for
 * the start only). EV_STEP_START (first) begins, EV_STEP_END updates, EV_SESSION_END closes. */
void history_recorder_event(HistoryRecorder *rec, const Session *s, const SessionEvent *ev, int64_t now_utc,
                            int32_t utc_offset);

/* The workout is left without reaching the results (the window closed, a kiosk reset): if it
 * was begun and not closed, write it as ended early with what s has done so far. */
void history_recorder_abandon(HistoryRecorder *rec, const Session *s, int64_t now_utc);

/* The status for the results screen: SAVED only when every write reached the database. */
HistoryStatus history_recorder_status(const HistoryRecorder *rec);

/* ---- queries (each returns 0, or -1 with a warning when the database cannot be read) ---- */

/* The streak as of now_utc with now_offset (the clock's local day), over the workouts of
 * patient_code (NULL: every workout), with week_goal (0: default). */
int history_streak(History *h, const char *patient_code, int64_t now_utc, int32_t now_offset, int week_goal,
                   StreakSummary *out);

/* The whole progress screen for patient_code (NULL: every workout) as of now. */
int history_progress(History *h, const char *patient_code, int64_t now_utc, int32_t now_offset, int week_goal,
                     HistoryProgress *out);

/* Workouts begun on the local day of now (patient_code NULL: all, else that code's). *count. */
int history_today_count(History *h, const char *patient_code, int64_t now_utc, int32_t now_offset, int *count);

/* Completed workouts of one routine file (folders dropped), for progression and levels. *count. */
int history_completed_count(History *h, const char *routine_path, int *count);

/* Completed workouts of one routine file (folders dropped) on the local day of now, for routines
 * done several times a day; patient_code NULL counts everyone's. *count. */
int history_completed_today(History *h, const char *routine_path, const char *patient_code, int64_t now_utc,
                            int32_t now_offset, int *count);

/* How routine r from routine_path (folders dropped) stands against its times-a-day or days-a-week
 * on the local day of now, for patient_code (NULL: everyone's): its counted workouts (completed
 * or stopped for pain; streak_frequency). out->target is 0 when r has no frequency. */
int history_frequency(History *h, const char *routine_path, const Routine *r, const char *patient_code, int64_t now_utc,
                      int32_t now_offset, StreakFrequency *out);

/* "It hurts", "Skip this move for today": remember that move (its name in routine files) hurt in
 * routine_path (folders dropped) for patient_code (NULL: anonymous), for the rest of the local
 * day of now. Returns 0, or -1 with one warning (then the app remembers it until it closes). */
int history_skip_move(History *h, const char *routine_path, const char *move, const char *patient_code, int64_t now_utc,
                      int32_t now_offset);

/* The moves skipped on the local day of now by patient_code (NULL: anonymous), in any routine
 * (it is the move that hurt), into moves[0..max-1], each once. *count. */
int history_skipped_moves(History *h, const char *patient_code, int64_t now_utc, int32_t now_offset,
                          char (*moves)[HISTORY_MOVE_BYTES], int max, int *count);

/* Completed workouts per level: completed_at[L] for L = 0..max_level (zeroed first). */
int history_completed_by_level(History *h, int *completed_at, int max_level);

/* Write every workout, one row each, RFC 4180 with a header line, to path atomically
 * (a temporary file, then rename). Returns 0, or -1 with one error line printed. */
int history_export_csv(History *h, const char *path);

/* ---- time on this machine (the core never reads a clock) ---- */

/* The UTC offset in seconds (east positive) in force at utc_seconds in the local time zone. */
int32_t history_local_offset(int64_t utc_seconds);

/* Parse ISO 8601 "2026-03-02T07:30:00+01:00" (or Z, or +0100) into UTC seconds and the offset.
 * Returns 0, or -1 when it is not that form. */
int history_parse_iso8601(const char *s, int64_t *utc, int32_t *offset);

#endif
