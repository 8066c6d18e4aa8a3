/* routine.h: parse .routine text (docs/routines.md) into a Routine. Pure: no I/O beyond the
 * buffer given, no SDL, no globals. Every error is collected with file, line and column,
 * never printed; the caller prints them at the edge. */
#ifndef UNKNOT_ROUTINE_H
#define UNKNOT_ROUTINE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdarg.h>
#include <stddef.h>

#include "moves.h"

/* Limits, enforced by routine_parse and documented in docs/routines.md. */
#define ROUTINE_MAX_FILE_BYTES (256 * 1024) /* a routine file is a page of text */
#define ROUTINE_MAX_LINE_BYTES 1024 /* one line, after the BOM */
#define ROUTINE_MAX_TEXT_BYTES 400 /* one quoted string (UTF-8 bytes) */
#define ROUTINE_MAX_STEPS 200 /* steps in one routine */
#define ROUTINE_MAX_CUES 32 /* say lines in one step */
#define ROUTINE_MAX_DURATION_MS (60 * 60 * 1000) /* any one duration: 1 hour */
#define ROUTINE_MAX_TOTAL_MS (3 * 60 * 60 * 1000) /* a whole routine: 3 hours */
#define ROUTINE_MAX_REPS 100
#define ROUTINE_MAX_SETS 10
#define ROUTINE_MAX_BREATHS 30
#define ROUTINE_BREATH_MS 5000 /* one slow breath, for "hold 3 breaths", unless "breath" says */
#define ROUTINE_MIN_BREATH_MS 2000 /* "breath 2s" .. "breath 12s" */
#define ROUTINE_MAX_BREATH_MS 12000
#define ROUTINE_OPEN_HOLD_MS (3 * 60 * 1000) /* "hold open" ends by itself after 3 minutes */
/* ... and is planned (the menu's minutes, time left, the progress bar) as a typical hold "as long
 * as comfortable": the leaflets' comfortable stretches are held 20-30 s */
#define ROUTINE_OPEN_HOLD_PLAN_MS 30000
#define ROUTINE_MAX_NAME_BYTES 60 /* a step's name is a heading: "Knee rolls" */
/* What a get-ready says, written once: ROUTINE_READY_NEXT_PREFIX name ROUTINE_READY_NEXT_SUFFIX
 * ("Get ready. Next: Knee rolls.") for a move or a named step (ready_text; voicekey.c's clip rows
 * of the move catalogue), ROUTINE_READY_TEXT for a timer with only a text (PHRASE_GET_READY). */
#define ROUTINE_READY_NEXT_PREFIX "Get ready. Next: "
#define ROUTINE_READY_NEXT_SUFFIX "."
#define ROUTINE_READY_TEXT "Get ready."
#define ROUTINE_MAX_STOP_RULES 8 /* stop-if lines in one routine */
#define ROUTINE_MAX_PHASES 6 /* phase lines in one step */
#define ROUTINE_MAX_PHASE_MS 60000 /* one phase: at most a minute */
#define ROUTINE_MAX_TIMES_A_DAY 12 /* "times-a-day 12": every waking hour and more is not a program */
#define ROUTINE_MAX_BUILD_EVERY 50 /* "every 50 workouts" at most */
#define ROUTINE_MAX_ERRORS 50 /* then one "too many errors" line */
#define ROUTINE_MAX_LEVEL 99
#define ROUTINE_MAX_OWN_MOVES 8 /* a physio's own moves (pose files) that one routine names */
/* In a routine, own move k is MoveId ROUTINE_OWN_MOVE(k): past the catalogue's ids. */
#define ROUTINE_OWN_MOVE(k) ((MoveId)(MOVE_COUNT + (k)))

typedef enum { STEP_MOVE, STEP_REST, STEP_TIMER } StepKind;

/* Where in a step a cue is said. Offsets are relative to one run of the step (one side of one set). */
typedef enum {
    CUE_START, /* at the start, plus offset_ms ("start", "start+5s", "5s") */
    CUE_END, /* offset_ms before the end ("end", "end-10s") */
    CUE_HALF, /* halfway ("half") */
    CUE_EACH_REP /* at each rep's beat ("each-rep") */
} CueAnchor;

typedef struct {
    CueAnchor anchor;
    int offset_ms;
    char *text; /* UTF-8, owned by the Routine */
    int line;
    int col; /* of the WHEN word, for messages */
    bool once; /* "say once ...": in the first side and set only */
} RoutineCue;

/* SIDES_BOTH: all of the left, "switch sides", all of the right. SIDES_ALTERNATE: one rep on the
 * left, one on the right, and so on, with only "Other side." between them (or the side's own words,
 * moves.h MOVES_SIDE_WORDS: "Knees to your right."). */
typedef enum { SIDES_NONE = 0, SIDES_LEFT, SIDES_RIGHT, SIDES_BOTH, SIDES_ALTERNATE } Sides;

/* A step done on one side chosen when the workout runs ("sides chosen" at the top): the side that
 * hurts ("side toward") or the other one ("side away"). */
typedef enum { SIDE_REL_NONE = 0, SIDE_REL_TOWARD, SIDE_REL_AWAY } SideRel;

/* What "reps 8" counts on a sided step: 8 on each side (the default), or 8 in all. */
typedef enum { REPS_EACH_SIDE = 0, REPS_IN_ALL } RepsCount;

/* The kind of work a step does, worked out once by the parser from the step's kind, reps, pacing
 * and confirm-hold. Code that behaves differently per mode switches on it (session.c's
 * session_mode_rules is the table), so -Wswitch finds every place a new mode must be handled. */
typedef enum {
    MODE_HOLD, /* a held pose; the clock runs and ends the step */
    MODE_HOLD_CONFIRMED, /* a held pose timed only while the user holds the button */
    MODE_REPS_GUIDED, /* reps led by the figure at the tempo; presses are scored against the beat */
    MODE_REPS_SELF, /* reps counted by the user's presses; the step ends at the target */
    MODE_HOLD_UNTIL_PRESS, /* "hold up to 10s", "hold open": held until the user presses, at most hold_ms */
    MODE_REST, /* a rest step: the rest figure breathes */
    MODE_TIMER /* a plain timer (a heat or cold pack) */
} StepMode;
typedef enum { PACING_GUIDED = 0, PACING_SELF } Pacing;

/* One phase of a rep ("phase \"Flatten your back\" 5s"): said and shown as it starts, held for ms,
 * and played on the figure as its share of the move's rep (session.h, the view's phase fields). */
typedef struct {
    char *text; /* owned: what is said and shown */
    int ms;
    int line, col; /* of the word "phase", for messages */
} RoutinePhase;

/* A dose that grows with the workouts done ("reps 5 building to 30 by 2 every 3 workouts",
 * "hold 10s building to 30s by 5s every 2 workouts"): start, plus by for every `every` completed
 * workouts of the routine, never above ceiling. Reps, or ms for a hold. every 0: it does not grow. */
typedef struct {
    int start, ceiling, by, every;
} RoutineBuild;

typedef struct {
    StepKind kind;
    StepMode mode; /* what kind of work it is: set by the parser from the fields below */
    int line; /* where the step starts in the file */
    MoveId move; /* STEP_MOVE: the move; STEP_REST: MOVE_REST; STEP_TIMER: MOVE_REST */
    int hold_ms; /* move without reps: how long the pose is held. With reps: held at each rep's top */
    int hold_max_ms; /* high end of "hold 5-10s"; equals hold_ms when no range */
    int hold_breaths; /* >0 when the hold was dosed in breaths (hold_ms = breaths * Routine.breath_ms) */
    int hold_breaths_max; /* high end of "hold 3-5 breaths" */
    bool hold_up_to; /* "hold up to 10s": a press ends it early, without penalty */
    bool hold_open; /* "hold open": held until the press; hold_ms is ROUTINE_OPEN_HOLD_MS */
    int reps; /* 0: a held step. Otherwise the target (low end of a range) */
    int reps_max; /* high end of "reps 8-10"; equals reps when no range */
    RepsCount reps_count; /* on a sided step: reps on each side, or in all */
    int tempo_ms; /* seconds per rep, without the hold at the top */
    Sides sides; /* SIDES_BOTH: the step runs left, then right, with a "switch sides" cue */
    SideRel side_rel; /* "side away" / "side toward": one side, known once asked (sides is LEFT until then) */
    int sets; /* >= 1 */
    int set_rest_ms; /* rest between sets */
    Pacing pacing; /* guided: the figure leads; self: the step waits for the user's count */
    bool confirm_hold; /* the user holds the button while holding the pose (part 4) */
    bool count_aloud; /* reps and hold seconds are counted aloud */
    int duration_ms; /* STEP_REST / STEP_TIMER: the length */
    char *text; /* STEP_REST / STEP_TIMER: optional label, else NULL */
    Position position; /* STEP_REST / STEP_TIMER: the position named (`rest 20s on-front`), else POSITION_NONE */
    char *name; /* "name \"Knee rolls\"": shown and spoken instead of the move's name, or NULL */
    char *ready_text; /* what "get ready" says: "Get ready. Next: Knee rolls."; never NULL once parsed */
    RoutinePhase phases[ROUTINE_MAX_PHASES]; /* a rep made of named phases; then tempo_ms is their sum */
    int phase_count; /* 0, or 2..ROUTINE_MAX_PHASES */
    RoutineCue *cues;
    int cue_count;
    RoutineBuild build_reps; /* "reps 5 building to 30 ...": reps and reps_max are today's dose */
    RoutineBuild build_hold; /* "hold 10s building to 30s ...": hold_ms and hold_max_ms are today's */
} RoutineStep;

/* A physio's own move: a pose file NAME.pose in a moves/ folder, found by the caller
 * (docs/sprites.md). Offered to routine_parse_with (borrowed), copied into the Routine (owned). */
typedef struct {
    MoveInfo info; /* id: the file's name ("squat"); name: "Squat"; sided, tempo, position from the file.
                      routine_usable false: the file has errors (the caller reports them) */
    char *path; /* the pose file */
} RoutineOwnMove;

/* A held move's way into its pose and out of it at its own pace, in ms, as its pose file keys them
 * (pose_file_hold_ways: the intro after its `ready` setup, the outro); 0: not known. */
typedef struct {
    int in_ms, out_ms;
} RoutineHoldWay;

typedef struct {
    char *title; /* never NULL after a successful parse */
    int level; /* 0 when not given */
    char *description; /* may be NULL */
    char *intro; /* may be NULL */
    RoutineStep *steps;
    int step_count;
    char *stop_if[ROUTINE_MAX_STOP_RULES]; /* "stop-if \"Pain spreads down your leg\"" */
    int stop_if_count;
    int breath_ms; /* one breath of "hold 3 breaths": ROUTINE_BREATH_MS unless "breath 6s" */
    bool sides_chosen; /* "sides chosen": the workout asks "Which side hurts?" before the first step */
    int times_a_day, times_a_day_max; /* "times-a-day 3" or "times-a-day 6-8"; 0 when not given */
    int days_a_week, days_a_week_max; /* "days-a-week 5" or "days-a-week 3-5"; 0 when not given */
    RoutineOwnMove own_moves[ROUTINE_MAX_OWN_MOVES]; /* the own moves its steps name (ROUTINE_OWN_MOVE(k)) */
    int own_move_count;
    /* 0 after parsing; the time to the results with the voice planned, once the platform has worked
     * it out with the clips' lengths (session_routine_plan): what session_routine_ms returns */
    int64_t planned_ms;
    /* each move's way into and out of a hold by MoveId (the catalogue's, then ROUTINE_OWN_MOVE(k)):
     * all 0 after parsing; the platform reads them from the pose files (holdways_fill) before the
     * routine is planned or played, and the session gives a hold whose way is longer than
     * SESSION_STEP_IN_MS / SESSION_STEP_OUT_MS that long (session.h) */
    RoutineHoldWay hold_ways[MOVE_COUNT + ROUTINE_MAX_OWN_MOVES];
    /* each way's time by MoveId (a row of moves.h WAYS): its pose file's `section intro` in ms. All 0
     * after parsing; the platform reads every way's file (holdways_fill) as it does hold_ways, and
     * the session gives a way whose time is not known MOVES_WAY_MS (session_way_ms) */
    int way_ms[MOVE_COUNT];
} Routine;

typedef struct {
    char path[256];
    int line, col; /* 1-based; whole-file errors are at line 1, column 1 */
    char message[200];
} RoutineError;

typedef struct {
    RoutineError items[ROUTINE_MAX_ERRORS];
    int count;
    bool truncated; /* more errors were found than fit */
} RoutineErrors;

/* Parse len bytes of src, named path in messages. Returns 0 and fills *out, or -1 and fills
 * errs (and leaves *out empty). The caller frees *out with routine_free(). src need not be
 * NUL-terminated and may hold any bytes. */
int routine_parse(const char *path, const char *src, size_t len, Routine *out, RoutineErrors *errs);

/* routine_parse where `move NAME` may also name one of the own moves offered (own[0..own_count),
 * borrowed): the routine keeps copies of those it uses, in out->own_moves. A name that is both a
 * built-in move and an own move is an error at the routine's `move` line. */
int routine_parse_with(const char *path, const char *src, size_t len, const RoutineOwnMove *own, int own_count,
                       Routine *out, RoutineErrors *errs);

/* The move m of r: a catalogue move (moves_info), or one of r's own moves; NULL otherwise. */
const MoveInfo *routine_move_info(const Routine *r, MoveId m);

/* Add one error to e (or mark it truncated when full). Used by every parser of user files. */
void routine_errors_add(RoutineErrors *e, const char *path, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
void routine_errors_vadd(RoutineErrors *e, const char *path, int line, int col, const char *fmt, va_list ap);

/* Free everything a Routine owns and zero it. Safe on a zeroed Routine. */
void routine_free(Routine *r);

/* The mode a step's fields describe (what the parser stores in mode). */
StepMode routine_step_mode(const RoutineStep *s);

/* "hold", "confirmed_hold", "guided_reps", "self_paced_reps", "rest", "timer". Static strings. */
const char *routine_mode_name(StepMode m);

/* Whether a step is an exercise: a move or a timer the user does, not a rest. The menu, the intro,
 * the header ("Exercise 2 of 4") and the results ("Exercises done: 2 of 4") all count these, and
 * each one done earns its step points. */
bool routine_step_is_exercise(const RoutineStep *s);

/* How many of the routine's steps are exercises. */
int routine_exercise_count(const Routine *r);

/* "1 exercise", "4 exercises". */
void routine_exercises_text(int n, char *buf, size_t size);

/* The step's name as shown: its own name, else the move's, else "Rest" or "Timer". Never NULL. */
const char *routine_step_name(const RoutineStep *s);

/* How many runs (WORK segments) one set of the step has: 2 for both sides, 2 per rep when
 * alternating (or the reps in all), else 1. */
int routine_step_runs(const RoutineStep *s);

/* Side and reps of run i (0-based) of one set. */
Sides routine_run_side(const RoutineStep *s, int run);
int routine_run_reps(const RoutineStep *s, int run);

/* Length of one run of a step (one side of one set, or one rep when alternating) in ms, including
 * per-rep holds. With run >= 0 that run's own length (alternating runs may differ by a rep). */
int routine_step_run_ms(const RoutineStep *s);
int routine_run_ms(const RoutineStep *s, int run);

/* Planned length of the whole step: all sides and sets and the rests between sets, in ms. */
int routine_step_total_ms(const RoutineStep *s);

/* The same, with each open hold ("hold open") at ROUTINE_OPEN_HOLD_PLAN_MS: what is shown as its length. */
int routine_step_planned_ms(const RoutineStep *s);

/* Planned length of the routine's steps (without the fixed intro and get-ready times), in ms. */
long routine_total_ms(const Routine *r);

/* Today's dose of b after completed workouts of the routine: start + by * (completed / every), at
 * most ceiling; start when b does not grow or completed <= 0. */
int routine_build_dose(const RoutineBuild *b, int completed);

/* Set every growing dose of r (reps, holds) to its dose after completed workouts; with 0 the
 * routine is as written. Pure: the caller reads the count (history_completed_count). */
void routine_apply_progress(Routine *r, int completed);

/* True when some step of r has a dose that grows. */
bool routine_has_progress(const Routine *r);

/* Format one error as "FILE:LINE:COL: message" into buf. */
void routine_error_format(const RoutineError *e, char *buf, size_t size);

/* Make s safe to print on one terminal line, in place: every control character (C0, DEL, C1)
 * and every byte of a broken UTF-8 sequence becomes '?'. Errors are made so when added. */
void routine_text_printable(char *s);

/* Format ms as "1m30s", "45s", "20m" into buf (the routine file syntax). */
void routine_format_duration(int ms, char *buf, size_t size);

#endif
