/* main.c: the command line (docs in README.md and `unknot --help`). Parses options, runs one
 * mode, prints errors as one line each and returns 0 ok, 1 invalid input, 2 usage. */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "blockcache.h"
#include "files.h"
#include "history.h"
#include "holdways.h"
#include "kioskconf.h"
#include "levels.h"
#include "ownmoves.h"
#include "report.h"
#include "routine.h"
#include "session.h"
#include "simulate.h"
#include "soundtrack.h"
#include "voicetable.h"
#include "speech.h"
#include "voicekey.h"

#ifndef UNKNOT_VERSION
#define UNKNOT_VERSION "0.0.0"
#endif

enum { EXIT_OK = 0, EXIT_INVALID = 1, EXIT_USAGE = 2 };

static const char usage_text[] =
    "Usage: unknot [OPTIONS] [ROUTINE]\n"
    "Guided back-care exercises with animation, voice cues and captions.\n"
    "\n"
    "Modes:\n"
    "  unknot [ROUTINE]                 play ROUTINE, or open the menu of levels/\n"
    "  unknot --check FILE|FOLDER...    check routine files (a folder: each .routine in it) and\n"
    "                                   pose files (NAME.pose: a physio's own move, moves/ beside\n"
    "                                   the routine); exit 0 if all are valid, 1 if not\n"
    "  unknot --list [DIR]              list the routines in DIR (default: levels/)\n"
    "  unknot --simulate ROUTINE        run the workout headless, print JSON Lines events\n"
    "        [--input FILE]             timed presses for the simulation (docs/simulate.md)\n"
    "        [--audio-out FILE.wav]     also write the session's soundtrack\n"
    "        [--record [--now TIME]]    also record it in the history as if it began at TIME\n"
    "        [--completed N]            as after N completed workouts of it (doses that build;\n"
    "                                   with --record the history's count unless given)\n"
    "  unknot --shot OUT.png --at SECONDS [--size WxH] [--input FILE] [ROUTINE]\n"
    "                                   render the frame seen at SECONDS to a PNG, no display needed\n"
    "  unknot --shot OUT.png --screen progress|menu [--history FILE] [--now TIME] [--size WxH]\n"
    "                                   render the progress screen (streaks, 12 weeks, pain, best scores)\n"
    "                                   or the menu (streak, levels) as of TIME\n"
    "  unknot --shot OUT.png --screen attract|tiles|pin [--size WxH]\n"
    "                                   render a kiosk screen (docs/kiosk.md)\n"
    "  unknot --stats [--json] [--now TIME]\n"
    "                                   the streak, this week and the workouts so far (docs/streaks.md)\n"
    "  unknot --export-csv FILE         every workout in the history as CSV, one row each\n"
    "  unknot --kiosk [--kiosk-config FILE]\n"
    "                                   kiosk mode for a waiting room (docs/kiosk.md): full screen,\n"
    "                                   cannot be quit without the admin chord and PIN\n"
    "  unknot --set-pin [--kiosk-config FILE]\n"
    "                                   read a 4-8 digit admin PIN from standard input and store its\n"
    "                                   hash in the kiosk settings ($XDG_CONFIG_HOME/unknot/kiosk.conf)\n"
    "\n"
    "Options:\n"
    "  --window [WxH]    play in a window (default size 1280x720) instead of full screen\n"
    "  --fullscreen      play full screen (the default; F11 toggles)\n"
    "  --font FILE       a TrueType font to use instead of the system's sans font\n"
    "  --levels DIR      the routine folder for the menu (default: levels/)\n"
    "  --data DIR        where assets/ and levels/ are (default: the source tree, or $UNKNOT_DATA)\n"
    "  --history FILE    the workout history (default: $XDG_DATA_HOME/unknot/history.db,\n"
    "                    ~/.local/share/unknot/history.db)\n"
    "  --now TIME        the time to use, ISO 8601 with its UTC offset: 2026-03-02T07:30:00+01:00\n"
    "  --week-goal N     days of 7 for the weekly goal (default 4)\n"
    "  --patient CODE    a kiosk patient's workouts, for --record and --stats\n"
    "  --help            this text\n"
    "  --version         the version\n"
    "\n"
    "Keys: Space/Enter count a rep or confirm, hold Space for a confirmed hold, Esc/P pause,\n"
    "S skip, Backspace back, F11 full screen, M mute, +/- volume, Q end the workout (results),\n"
    "H it hurts (stop, how bad, which stop rule, then skip the move for today or end),\n"
    "A (pad: right stick pressed in) motion arrows on/off (on the way into a move; kept in\n"
    "$XDG_CONFIG_HOME/unknot/view.conf).\n"
    "Pain check-ins (0-10): arrows or digits choose, Space/Enter answers, S skips (docs/input.md).\n"
    "In the menu, Q or Esc asks before quitting. After the results comes the menu. In kiosk mode\n"
    "nothing quits: the admin chord (pad Start+Back, Ctrl+Alt+A, or a press in the top-left\n"
    "corner, held 5 s) opens the PIN keypad.\n"
    "Environment: UNKNOT_DATA (as --data), UNKNOT_STATS=1 (print the start-up stages, then frames\n"
    "per second every 5 s).\n"
    "Exit codes: 0 ok, 1 invalid input, 2 usage error.\n"
    "Routine format: docs/routines.md. Errors are printed as FILE:LINE:COL: message.\n";

/* One line: "unknot: WHAT (see unknot --help)". */
static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "unknot: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, " (see unknot --help)\n");
    return EXIT_USAGE;
}

/* Seconds for --at: plain decimal digits with an optional fraction ("12", "7.5"); no sign,
 * exponent, hex, inf or nan. Returns 0 and fills *ms, or -1. */
static int parse_seconds(const char *s, int64_t *ms)
{
    int digits = 0, dots = 0;
    for (const char *p = s; *p; p++) {
        if (*p >= '0' && *p <= '9')
            digits++;
        else if (*p == '.' && dots++ == 0)
            continue;
        else
            return -1;
    }
    if (digits == 0 || digits > 12)
        return -1;
    double t = strtod(s, NULL);
    if (!(t >= 0 && t <= 86400))
        return -1;
    *ms = (int64_t)(t * 1000 + 0.5);
    return 0;
}

/* Warn once when DIR has no assets/ folder: the figure and sounds are then missing. */
static void warn_no_assets(const char *dir)
{
    char path[4200];
    struct stat st;
    snprintf(path, sizeof path, "%s/assets", dir);
    if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
        fprintf(stderr, "unknot: warning: %s: no assets/ folder; the workout runs without animation and sound\n", dir);
}

static int parse_size(const char *s, int *w, int *h)
{
    char *end;
    errno = 0;
    long a = strtol(s, &end, 10);
    if (end == s || *end != 'x' || errno)
        return -1;
    const char *p = end + 1;
    long b = strtol(p, &end, 10);
    if (end == p || *end || errno || a < 320 || b < 240 || a > 7680 || b > 4320)
        return -1;
    *w = (int)a;
    *h = (int)b;
    return 0;
}

/* ---- modes ---- */

/* At most max bytes of a user's text (whole characters), safe for one terminal line (no raw
 * newline, ESC or C1 control), into buf. Returns buf. */
/* A routine's length rounded to whole seconds for --check and --list: a dose that builds (or a
 * voice-planned get-ready) makes a fractional plan, shown as a person reads a length. */
static int whole_seconds(int64_t ms)
{
    return (int)((ms + 500) / 1000 * 1000);
}

static const char *printable(const char *text, size_t max, char *buf, size_t size)
{
    size_t n = strlen(text);
    if (n > max)
        n = max;
    if (n >= size)
        n = size - 1;
    while (n > 0 && n < strlen(text) && ((unsigned char)text[n] & 0xC0) == 0x80)
        n--; /* never cut a character in two */
    memcpy(buf, text, n);
    buf[n] = 0;
    routine_text_printable(buf);
    return buf;
}

/* A note, not a warning: no way goes straight to step st's position, so the figure shows a chain
 * of ways through the positions between (on-front -> all-fours -> standing); a rest too short for
 * it is lengthened (session.h SESSION_HOLD_MOVES_PERCENT). */
static void note_chain(const char *path, const RoutineStep *st, const MovesPath *chain, Position from, int rest_ms)
{
    char through[160] = "";
    size_t n = 0;
    for (int k = 0; k < chain->count && n < sizeof through; k++)
        n += (size_t)snprintf(through + n, sizeof through - n, "%s%s", k ? " -> " : "",
                              moves_position_word(moves_info(chain->way[k])->position));
    char longer[96] = "";
    if (st->kind == STEP_REST && rest_ms > st->duration_ms)
        snprintf(longer, sizeof longer, "; the rest lasts %d s, not %d s, to show them", rest_ms / 1000,
                 st->duration_ms / 1000);
    fprintf(stderr,
            "%s:%d:1: note: no way is drawn straight from %s to %s: the figure shows the ways %s -> %s, one "
            "after another%s\n",
            path, st->line, moves_position_word(from),
            moves_position_word(moves_info(chain->way[chain->count - 1])->position), moves_position_word(from), through,
            longer);
}

/* Warnings that never fail a check: a position the figure cuts to (no way drawn), texts with no
 * recorded voice clip yet (they are synthesised the first time the routine plays) and timers past
 * the 20-minute advice for cold or heat packs. */
static void warn_routine(const char *data_dir, const char *path, const Routine *r)
{
    for (int i = 0; i < r->step_count; i++) {
        const RoutineStep *st = &r->steps[i];
        if (st->kind == STEP_TIMER && st->duration_ms > 20 * 60 * 1000)
            fprintf(stderr,
                    "%s:%d:1: warning: a timer over 20 minutes; cold or heat packs should stay on at most "
                    "20 minutes at a time\n",
                    path, st->line);
        Position from, to;
        MovesPath chain;
        int rest_ms, ways = session_step_chain(r, i, &from, &to, &chain, &rest_ms);
        if (ways < 0)
            fprintf(stderr,
                    "%s:%d:1: warning: no way is drawn from %s to %s, nor a chain of ways through other "
                    "positions: the figure cuts from one to the other (docs/routines.md)\n",
                    path, st->line, moves_position_word(from), moves_position_word(to));
        else if (ways > 1)
            note_chain(path, st, &chain, from, rest_ms);
        else if (ways == 1 && st->kind == STEP_REST && rest_ms > st->duration_ms) /* one way, longer than it */
            fprintf(stderr,
                    "%s:%d:1: note: the way from %s to %s takes longer than the rest: the rest lasts %d s, not "
                    "%d s, to show it at its pace\n",
                    path, st->line, moves_position_word(from), moves_position_word(to), rest_ms / 1000,
                    st->duration_ms / 1000);
        int set_rest_ms = session_set_rest_ms(r, i);
        if (set_rest_ms > st->set_rest_ms) /* a held move's sets: out of one hold and into the next */
            fprintf(stderr,
                    "%s:%d:1: note: the rest between sets is too short to come out of the hold and into the next: "
                    "it lasts %d s, not %d s, so each set's hold is counted in the pose\n",
                    path, st->line, set_rest_ms / 1000, st->set_rest_ms / 1000);
    }
    /* one line for every text without a clip: a new routine has many, and they must not bury errors */
    const char **texts = malloc(sizeof *texts * VOICEKEY_MAX_ROUTINE_TEXTS);
    int n = texts ? voicekey_routine_texts(r, texts, VOICEKEY_MAX_ROUTINE_TEXTS) : 0;
    int missing = 0;
    const char *first = NULL;
    for (int i = 0; i < n && i < VOICEKEY_MAX_ROUTINE_TEXTS; i++)
        if (!speech_clip_prerendered(data_dir, texts[i]) && missing++ == 0)
            first = texts[i];
    char shown[64];
    if (first)
        first = printable(first, 50, shown, sizeof shown);
    if (missing == 1)
        fprintf(stderr,
                "%s: warning: no recorded voice yet for \"%.50s\"; it is made when the routine first plays "
                "(or run voicegen)\n",
                path, first);
    else if (missing > 1)
        fprintf(stderr,
                "%s: warning: %d texts have no recorded voice yet (the first: \"%.50s\"); they are made when "
                "the routine first plays (or run voicegen)\n",
                path, missing, first);
    free(texts);
}

/* The first reason standard output failed, for the one message at the end. */
static int stdout_errno;

static void flush_stdout(void)
{
    if (fflush(stdout) != 0 && !stdout_errno)
        stdout_errno = errno;
}

/* A catalogue pose file the plan could not use (holdways_fill_report): one warning line, and the
 * standard time instead. ctx: NULL, or a bool per move, so a file shared by several routines
 * (--check of a folder) is named once. */
static void warn_pose_file(void *ctx, MoveId m, const char *what)
{
    bool *warned = ctx;
    if (warned) {
        if (warned[m])
            return;
        warned[m] = true;
    }
    if (moves_way_from(m) != POSITION_NONE)
        fprintf(stderr, "unknot: warning: %s; using the standard %d s way\n", what, MOVES_WAY_MS / 1000);
    else
        fprintf(stderr, "unknot: warning: %s; using the standard %d s step into the pose and %d s out\n", what,
                SESSION_STEP_IN_MS / 1000, SESSION_STEP_OUT_MS / 1000);
}

static int check_file(const char *data_dir, const char *path, RoutineErrors *errs, bool *warned);

/* A folder given to --check: every *.routine in it, in name order. Returns the number invalid. */
static int check_folder(const char *data_dir, const char *dir, RoutineErrors *errs, bool *warned)
{
    char **names;
    int n = 0, bad = 0;
    if (levels_names(dir, &names, &n) < 0) {
        fprintf(stderr, "%s:1:1: cannot read the folder: %s\n", dir, strerror(errno));
        return 1;
    }
    if (n == 0) {
        fprintf(stderr, "%s:1:1: no .routine files in this folder\n", dir);
        bad++;
    }
    for (int i = 0; i < n; i++) {
        char path[4096];
        if (snprintf(path, sizeof path, "%s/%s", dir, names[i]) < (int)sizeof path)
            bad += check_file(data_dir, path, errs, warned);
        else {
            fprintf(stderr, "%s/%s:1:1: the path is too long\n", dir, names[i]);
            bad++;
        }
    }
    levels_names_free(names, n);
    return bad;
}

/* --check of a pose file (a physio's own move, or one of assets/poses). */
static int check_pose(const char *path, RoutineErrors *errs)
{
    int samples = 0;
    memset(errs, 0, sizeof *errs);
    if (ownmoves_check_file(path, errs, &samples) < 0) {
        files_print_errors(errs);
        return 1;
    }
    char shown_path[4096];
    printf("%s: ok: a move, %d poses checked (30 a second): its contacts rest on the mat, nothing below it\n",
           printable(path, sizeof shown_path, shown_path, sizeof shown_path), samples);
    return 0;
}

/* Check one file (or folder); print "ok" or its errors. Returns the number of invalid files. */
static int check_file(const char *data_dir, const char *path, RoutineErrors *errs, bool *warned)
{
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        return check_folder(data_dir, path, errs, warned);
    size_t plen = strlen(path);
    if (plen > 5 && strcmp(path + plen - 5, ".pose") == 0)
        return check_pose(path, errs);
    Routine r;
    if (files_load_routine(path, &r, errs) < 0) {
        files_print_errors(errs);
        return 1;
    }
    /* its holds' ways in and out and its ways' times, as the session plays them; a damaged catalogue
     * pose file is named (once a run) */
    holdways_fill_data_report(&r, data_dir, warn_pose_file, warned);
    /* its own moves: the same contact rules as the built-in moves */
    memset(errs, 0, sizeof *errs);
    for (int k = 0; k < r.own_move_count; k++)
        ownmoves_check_file(r.own_moves[k].path, errs, NULL);
    if (errs->count > 0) {
        files_print_errors(errs);
        routine_free(&r);
        return 1;
    }
    char total[32];
    VoiceTable voices; /* the length with the voice planned, as the menu shows it */
    if (voicetable_load(&voices, data_dir, &r) == 0) {
        session_routine_plan(&r, voices.rows, voices.count);
        voicetable_free(&voices);
    }
    routine_format_duration(whole_seconds(session_routine_ms(&r)), total, sizeof total);
    char title[ROUTINE_MAX_TEXT_BYTES + 1], shown_path[4096], exercises[32];
    /* the exercises as the menu, the header and the results count them, and the steps (rests too) */
    routine_exercises_text(routine_exercise_count(&r), exercises, sizeof exercises);
    printf("%s: ok: \"%s\", %s, %d step%s, %s\n", printable(path, sizeof shown_path, shown_path, sizeof shown_path),
           printable(r.title, sizeof title, title, sizeof title), exercises, r.step_count, r.step_count == 1 ? "" : "s",
           total);
    flush_stdout(); /* "ok" before the file's warnings, in order on a terminal */
    warn_routine(data_dir, path, &r);
    routine_free(&r);
    return 0;
}

static int mode_check(const char *data_dir, char **files, int n)
{
    int bad = 0;
    RoutineErrors *errs = malloc(sizeof *errs);
    if (!errs)
        return EXIT_INVALID;
    bool warned[MOVE_COUNT] = {false};
    for (int i = 0; i < n; i++)
        bad += check_file(data_dir, files[i], errs, warned);
    free(errs);
    return bad ? EXIT_INVALID : EXIT_OK;
}

static int mode_list(const char *data_dir, const char *dir)
{
    LevelList l;
    if (levels_scan(dir, data_dir, &l) < 0) {
        fprintf(stderr, "unknot: %s: cannot read the routine folder: %s\n", dir, strerror(errno));
        return EXIT_INVALID;
    }
    int bad = 0;
    for (int i = 0; i < l.count; i++) {
        LevelEntry *e = &l.items[i];
        if (!e->valid) {
            fprintf(stderr, "%s\n", e->error);
            bad++;
            continue;
        }
        char total[32], moves[512];
        routine_format_duration(whole_seconds(session_routine_ms(&e->routine)), total, sizeof total);
        levels_moves_summary(&e->routine, moves, sizeof moves);
        char level[16] = "-";
        if (e->routine.level > 0)
            snprintf(level, sizeof level, "%d", e->routine.level);
        char title[ROUTINE_MAX_TEXT_BYTES + 1];
        printf("%s\t%s\tlevel %s\t%s\t%s\n", e->path, printable(e->routine.title, sizeof title, title, sizeof title),
               level, total, moves);
    }
    if (l.count == 0 && l.left_out == 0) {
        fprintf(stderr, "unknot: %s: no .routine files\n", dir);
        bad++;
    }
    if (l.left_out > 0) {
        fprintf(stderr, "unknot: %s: %d more routines not listed; the menu and --list show at most %d\n", dir,
                l.left_out, LEVELS_MAX);
        bad++;
    }
    levels_free(&l);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "unknot: cannot write the list: %s\n", strerror(errno));
        return EXIT_INVALID;
    }
    return bad ? EXIT_INVALID : EXIT_OK;
}

/* --record, --now, --history, --patient and --week-goal, as given. */
typedef struct {
    bool record;
    const char *history; /* --history, or NULL for the default */
    bool have_now;
    int64_t now_utc; /* --now, or the clock */
    int32_t now_offset;
    const char *patient; /* --patient, or NULL */
    int week_goal; /* 0: the default */
    int completed; /* --completed N, or -1: with --record the history's count, else 0 */
} HistoryArgs;

/* The history --history names, or the default one. With only_existing (--stats, --export-csv)
 * a history that is not there is read as empty: *h stays NULL and nothing is created. */
static int open_history(const HistoryArgs *ha, bool only_existing, History **h)
{
    char path[4096];
    struct stat st;
    *h = NULL;
    if (only_existing) {
        if (ha->history)
            snprintf(path, sizeof path, "%s", ha->history);
        if (!ha->history && history_default_path(path, sizeof path) < 0)
            return 0;
        if (stat(path, &st) != 0 && errno == ENOENT)
            return 0;
    }
    *h = history_open(ha->history);
    if (!*h) {
        fprintf(stderr, "unknot: out of memory\n");
        return -1;
    }
    return 0;
}

/* The time to use: --now, or the clock with this machine's UTC offset. */
static void now_of(const HistoryArgs *ha, int64_t *utc, int32_t *offset)
{
    if (ha->have_now) {
        *utc = ha->now_utc;
        *offset = ha->now_offset;
    } else {
        *utc = (int64_t)time(NULL);
        *offset = history_local_offset(*utc);
    }
}

typedef struct {
    FILE *out;
    Soundtrack *track; /* --audio-out, or NULL */
    HistoryRecorder *rec; /* --record, or NULL */
    int64_t start_utc; /* the wall time of session time 0 */
    int32_t offset;
    char line[4096];
} SimPrinter;

/* The history sees each event as the session emits it, with the session as it is then: a step's
 * end is recorded at once, not when a cue waiting for its clip lets its line be printed. So an
 * event printed is an event recorded. */
static void record_event(void *ctx, const Session *s, const SessionEvent *ev)
{
    SimPrinter *p = ctx;
    if (p->rec)
        history_recorder_event(p->rec, s, ev, p->start_utc + ev->t_ms / 1000, p->offset);
}

static void print_event(void *ctx, const Session *s, const SessionEvent *ev)
{
    SimPrinter *p = ctx;
    if (p->track)
        soundtrack_add_event(p->track, ev);
    if (ev->type == EV_VOICE)
        return; /* the cue's own line carries it: "spoken" or "dropped" */
    report_event_json(s, ev, p->line, sizeof p->line);
    fputs(p->line, p->out);
    fputc('\n', p->out);
    if (p->rec && (ev->type == EV_SESSION_START || ev->type == EV_STEP_END || ev->type == EV_SESSION_END))
        fflush(p->out);
}

static int mode_simulate(const char *data_dir, const char *routine_path, const char *input_path, const char *audio_out,
                         const HistoryArgs *ha)
{
    Routine r;
    InputScript in = {0};
    RoutineErrors *errs = malloc(sizeof *errs);
    int rc = EXIT_OK;
    History *history = NULL;
    HistoryRecorder *rec = NULL;
    VoiceTable voices = {0};
    if (!errs)
        return EXIT_INVALID;
    if (files_load_routine(routine_path, &r, errs) < 0) {
        files_print_errors(errs);
        free(errs);
        return EXIT_INVALID;
    }
    /* its holds' ways in and out and its ways' times from the pose files, as the app plays them */
    holdways_fill_data_report(&r, data_dir, warn_pose_file, NULL);
    if (input_path && files_load_inputs(input_path, &in, errs) < 0) {
        files_print_errors(errs);
        routine_free(&r);
        free(errs);
        return EXIT_INVALID;
    }
    SimPrinter p = {stdout, NULL, NULL, 0, 0, {0}};
    if (ha->record) {
        rec = malloc(sizeof *rec);
        if (!rec || open_history(ha, false, &history) < 0) {
            rc = EXIT_INVALID;
            goto done;
        }
        history_recorder_init(rec, history, routine_path, &r, ha->patient);
        now_of(ha, &p.start_utc, &p.offset);
        p.rec = rec;
    }
    /* doses that build: today's, after the workouts completed so far */
    int completed = ha->completed;
    if (completed < 0 && (!history || history_completed_count(history, routine_path, &completed) < 0))
        completed = 0;
    routine_apply_progress(&r, completed);
    if (audio_out && !(p.track = soundtrack_new(data_dir, &r))) {
        fprintf(stderr, "unknot: out of memory\n");
        rc = EXIT_INVALID;
        goto done;
    }
    /* the voice is planned with the clips' lengths (after --audio-out rendered any missing), as the
     * app plans it, so each cue line says when the soundtrack says it */
    if (voicetable_load(&voices, data_dir, &r) < 0) {
        fprintf(stderr, "unknot: out of memory\n");
        rc = EXIT_INVALID;
        goto done;
    }
    SimulateResult res =
        simulate_run_with(&r, input_path ? &in : NULL, voices.rows, voices.count, print_event, record_event, &p);
    if (res == SIMULATE_STUCK_PAUSED) {
        fprintf(stderr, "unknot: %s: the session is paused and the input has nothing left to resume it; stopped\n",
                input_path);
        rc = EXIT_INVALID;
    } else if (res == SIMULATE_STUCK_HURT) {
        fprintf(stderr, "unknot: %s: \"It hurts\" is open and the input has nothing left to answer it; stopped\n",
                input_path);
        rc = EXIT_INVALID;
    } else if (res == SIMULATE_NO_MEMORY) {
        fprintf(stderr, "unknot: out of memory\n");
        rc = EXIT_INVALID;
    }
    if (rec) {
        /* the last line says whether the workout is in the history (docs/simulate.md) */
        HistoryStatus st = history_recorder_status(rec);
        char file[8192];
        report_json_escape(history_path(history), file, sizeof file);
        printf("{\"event\":\"history\",\"file\":\"%s\",\"id\":%lld,\"status\":\"%s\"}\n", file, (long long)rec->id,
               st == HISTORY_STATUS_SAVED       ? "saved"
               : st == HISTORY_STATUS_NOT_SAVED ? "not_saved"
                                                : "none");
        if (st == HISTORY_STATUS_NOT_SAVED)
            rc = EXIT_INVALID;
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "unknot: cannot write the events: %s\n", strerror(errno ? errno : EIO));
        rc = EXIT_INVALID;
    }
    if (p.track) {
        char err[512];
        if (soundtrack_warning(p.track)[0])
            fprintf(stderr, "unknot: warning: %s\n", soundtrack_warning(p.track));
        if (soundtrack_write(p.track, audio_out, err, sizeof err) < 0) {
            fprintf(stderr, "unknot: %s: %s\n", audio_out, err);
            rc = EXIT_INVALID;
        }
        soundtrack_free(p.track);
    }
done:
    voicetable_free(&voices);
    history_close(history);
    free(rec);
    inputscript_free(&in);
    routine_free(&r);
    free(errs);
    return rc;
}

/* --stats: the streak, the week, the workouts and the open level, as text or one JSON object. */
static int mode_stats(const HistoryArgs *ha, const char *levels_dir, bool json)
{
    History *h;
    if (open_history(ha, true, &h) < 0)
        return EXIT_INVALID;
    HistoryProgress *pr = malloc(sizeof *pr);
    int routines_at[STREAK_MAX_LEVEL + 1] = {0}, completed_at[STREAK_MAX_LEVEL + 1];
    int rc = EXIT_OK;
    int64_t now;
    int32_t offset;
    now_of(ha, &now, &offset);
    if (!pr || history_progress(h, ha->patient, now, offset, ha->week_goal, pr) < 0 ||
        history_completed_by_level(h, completed_at, STREAK_MAX_LEVEL) < 0) {
        fprintf(stderr, "unknot: %s: cannot read the history\n", history_path(h));
        rc = EXIT_INVALID;
        goto done;
    }
    LevelList l;
    if (levels_scan(levels_dir, NULL, &l) == 0) {
        for (int i = 0; i < l.count; i++)
            if (l.items[i].valid && l.items[i].routine.level > 0 && l.items[i].routine.level <= STREAK_MAX_LEVEL)
                routines_at[l.items[i].routine.level]++;
        levels_free(&l);
    }
    int level = streak_open_level(routines_at, completed_at, STREAK_MAX_LEVEL);
    int to_next = streak_workouts_to_next_level(routines_at, completed_at, STREAK_MAX_LEVEL);
    int next_level = level + 1;
    while (next_level < STREAK_MAX_LEVEL && routines_at[next_level] == 0)
        next_level++; /* the next level that has routines */
    const StreakSummary *s = &pr->streak;
    int y, m, d;
    streak_day_to_date(s->today, &y, &m, &d);
    if (json) {
        printf("{\"today\":\"%04d-%02d-%02d\",\"current_streak\":%d,\"best_streak\":%d,\"sessions\":%d,"
               "\"completed\":%d,\"days\":%d,\"today_workouts\":%d,\"today_counted\":%s,\"week_days\":%d,"
               "\"week_goal\":%d,\"rest_day_used\":%s,\"rest_days_left\":%d,\"bonus_percent\":%d,\"level\":%d,"
               "\"workouts_to_next_level\":%d}\n",
               y, m, d, s->current, s->best, pr->sessions, pr->completed, s->total_days, pr->today_workouts,
               s->today_counted ? "true" : "false", s->week_days, s->week_goal, s->rest_day_used ? "true" : "false",
               s->rest_days_left, s->bonus_percent, level, to_next);
    } else {
        if (s->current > 0)
            printf("Streak: %d day%s in a row (best %d)%s\n", s->current, s->current == 1 ? "" : "s", s->best,
                   s->rest_day_used ? ", rest day used" : ", 1 rest day left this week");
        else
            printf("Streak: none yet today (best %d)\n", s->best);
        printf("This week: %d of %d days\n", s->week_days, s->week_goal);
        printf("Workouts: %d begun, %d completed, on %d day%s; %d today\n", pr->sessions, pr->completed, s->total_days,
               s->total_days == 1 ? "" : "s", pr->today_workouts);
        if (to_next > 0)
            printf("Level %d is open; %d more completed workout%s open%s level %d\n", level, to_next,
                   to_next == 1 ? "" : "s", to_next == 1 ? "s" : "", next_level);
        else
            printf("Level %d is open\n", level);
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "unknot: cannot write the summary: %s\n", strerror(errno ? errno : EIO));
        rc = EXIT_INVALID;
    }
done:
    free(pr);
    history_close(h);
    return rc;
}

/* --export-csv FILE */
static int mode_export(const HistoryArgs *ha, const char *out)
{
    History *h;
    if (open_history(ha, true, &h) < 0)
        return EXIT_INVALID;
    int rc = history_export_csv(h, out) == 0 ? EXIT_OK : EXIT_INVALID;
    history_close(h);
    return rc;
}

/* Read one line of at most max digits from standard input; without echo when it is a terminal. */
static int read_pin(const char *prompt, char *buf, size_t size)
{
    struct termios old, quiet;
    bool tty = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &old) == 0;
    if (tty) {
        fputs(prompt, stderr);
        quiet = old;
        quiet.c_lflag &= ~(tcflag_t)ECHO;
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    char *got = fgets(buf, (int)size, stdin);
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
        fputc('\n', stderr);
    }
    if (!got)
        return -1;
    buf[strcspn(buf, "\r\n")] = 0;
    return 0;
}

static int mode_set_pin(const char *config)
{
    char path[4096], pin[64], again[64], err[512];
    if (config)
        snprintf(path, sizeof path, "%s", config);
    else if (kioskconf_default_path(path, sizeof path) < 0) {
        fprintf(stderr, "unknot: cannot find the settings folder ($XDG_CONFIG_HOME or $HOME)\n");
        return EXIT_INVALID;
    }
    if (read_pin("New admin PIN (4 to 8 digits): ", pin, sizeof pin) < 0) {
        fprintf(stderr, "unknot: --set-pin reads the PIN from standard input, and got nothing\n");
        return EXIT_INVALID;
    }
    if (!kioskconf_pin_valid(pin)) {
        fprintf(stderr, "unknot: the PIN must be 4 to 8 digits\n");
        return EXIT_INVALID;
    }
    if (isatty(STDIN_FILENO) && (read_pin("The same PIN again: ", again, sizeof again) < 0 || strcmp(pin, again))) {
        fprintf(stderr, "unknot: the two PINs differ; nothing was changed\n");
        return EXIT_INVALID;
    }
    int rc = kioskconf_set_pin(path, pin, err, sizeof err);
    memset(pin, 0, sizeof pin);
    memset(again, 0, sizeof again);
    if (rc < 0) {
        fprintf(stderr, "unknot: %s: %s\n", path, err);
        return EXIT_INVALID;
    }
    printf("unknot: the admin PIN is set in %s\n", path);
    return EXIT_OK;
}

/* ---- option parsing ---- */

static int run(int argc, char **argv)
{
    AppOptions o = {0};
    const char *data = getenv("UNKNOT_DATA");
    o.data_dir = data && data[0] ? data : UNKNOT_DATA_DIR;
    o.width = 1280;
    o.height = 720;
    o.shot_at_ms = -1;
    o.fullscreen = true; /* play full screen unless --window */
    enum { PLAY, CHECK, LIST, SIMULATE, SHOT, STATS, EXPORT, KIOSK, SET_PIN } mode = PLAY;
    const char *input = NULL, *audio_out = NULL, *list_dir = NULL, *export_csv = NULL, *now_arg = NULL;
    HistoryArgs ha = {0};
    ha.completed = -1;
    bool json = false, week_goal_given = false;
    char **positional = calloc((size_t)argc + 1, sizeof *positional);
    int npos = 0;
    bool size_given = false;
    if (!positional)
        return EXIT_INVALID;
    const char *mode_flag = NULL; /* the option that chose the mode, to name a conflict */
    bool data_given = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *next = i + 1 < argc ? argv[i + 1] : NULL;
#define NEED_ARG()                                                                                                     \
    do {                                                                                                               \
        if (!next) {                                                                                                   \
            free(positional);                                                                                          \
            return usage_error("option '%s' needs an argument", a);                                                    \
        }                                                                                                              \
        i++;                                                                                                           \
    } while (0)
#define SET_MODE(m)                                                                                                    \
    do {                                                                                                               \
        if (mode_flag && strcmp(mode_flag, a) != 0) {                                                                  \
            free(positional);                                                                                          \
            fprintf(stderr, "unknot: %s and %s cannot be used together (see unknot --help)\n", mode_flag, a);          \
            return EXIT_USAGE;                                                                                         \
        }                                                                                                              \
        mode_flag = a;                                                                                                 \
        mode = (m);                                                                                                    \
    } while (0)
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(usage_text, stdout);
            free(positional);
            return EXIT_OK;
        } else if (!strcmp(a, "--version")) {
            printf("unknot %s\n", UNKNOT_VERSION);
            free(positional);
            return EXIT_OK;
        } else if (!strcmp(a, "--check")) {
            SET_MODE(CHECK);
        } else if (!strcmp(a, "--list")) {
            SET_MODE(LIST);
            if (next && next[0] != '-') {
                list_dir = next;
                i++;
            }
        } else if (!strcmp(a, "--simulate")) {
            SET_MODE(SIMULATE);
        } else if (!strcmp(a, "--stats")) {
            SET_MODE(STATS);
        } else if (!strcmp(a, "--export-csv")) {
            SET_MODE(EXPORT);
            NEED_ARG();
            export_csv = next;
        } else if (!strcmp(a, "--json")) {
            json = true;
        } else if (!strcmp(a, "--record")) {
            ha.record = true;
        } else if (!strcmp(a, "--completed")) {
            NEED_ARG();
            char *end = NULL;
            long n = strtol(next, &end, 10);
            if (!next[0] || *end || n < 0 || n > 1000000) {
                free(positional);
                return usage_error("--completed needs a number of workouts, 0 to 1000000, not '%s'", next);
            }
            ha.completed = (int)n;
        } else if (!strcmp(a, "--screen")) {
            NEED_ARG();
            if (strcmp(next, "session") && strcmp(next, "progress") && strcmp(next, "menu") &&
                strcmp(next, "attract") && strcmp(next, "tiles") && strcmp(next, "pin")) {
                free(positional);
                return usage_error("--screen is session, progress, menu, attract, tiles or pin, not '%s'", next);
            }
            o.screen = next;
        } else if (!strcmp(a, "--history")) {
            NEED_ARG();
            if (!next[0]) {
                free(positional);
                return usage_error("--history needs a file name%s", "");
            }
            ha.history = next;
        } else if (!strcmp(a, "--now")) {
            NEED_ARG();
            now_arg = next;
            if (history_parse_iso8601(next, &ha.now_utc, &ha.now_offset) < 0) {
                free(positional);
                return usage_error("--now needs a time like 2026-03-02T07:30:00+01:00 (with its UTC offset), not '%s'",
                                   next);
            }
            ha.have_now = true;
        } else if (!strcmp(a, "--patient")) {
            NEED_ARG();
            if (!next[0] || strlen(next) >= HISTORY_CODE_BYTES) {
                free(positional);
                return usage_error("--patient needs a code of 1 to 63 characters, not '%s'", next);
            }
            ha.patient = next;
        } else if (!strcmp(a, "--week-goal")) {
            NEED_ARG();
            if (!(next[0] >= '1' && next[0] <= '7' && next[1] == 0)) {
                free(positional);
                return usage_error("--week-goal needs a number of days from 1 to 7, not '%s'", next);
            }
            ha.week_goal = next[0] - '0';
            week_goal_given = true;
        } else if (!strcmp(a, "--shot")) {
            SET_MODE(SHOT);
            NEED_ARG();
            o.shot_out = next;
        } else if (!strcmp(a, "--kiosk")) {
            SET_MODE(KIOSK);
        } else if (!strcmp(a, "--set-pin")) {
            SET_MODE(SET_PIN);
        } else if (!strcmp(a, "--kiosk-config")) {
            NEED_ARG();
            o.kiosk_config = next;
        } else if (!strcmp(a, "--at")) {
            NEED_ARG();
            if (parse_seconds(next, &o.shot_at_ms) < 0) {
                free(positional);
                return usage_error("--at needs decimal seconds from 0 to 86400, not '%s'", next);
            }
        } else if (!strcmp(a, "--window") && !(next && next[0] >= '0' && next[0] <= '9')) {
            o.fullscreen = false; /* --window alone: the default window size */
        } else if (!strcmp(a, "--size") || !strcmp(a, "--window")) {
            if (!strcmp(a, "--window"))
                o.fullscreen = false;
            NEED_ARG();
            if (parse_size(next, &o.width, &o.height) < 0) {
                free(positional);
                return usage_error("size must be WxH between 320x240 and 7680x4320, not '%s'", next);
            }
            size_given = true;
        } else if (!strcmp(a, "--fullscreen")) {
            o.fullscreen = true;
        } else if (!strcmp(a, "--font")) {
            NEED_ARG();
            o.font = next;
        } else if (!strcmp(a, "--levels")) {
            NEED_ARG();
            o.levels_dir = next;
        } else if (!strcmp(a, "--data")) {
            NEED_ARG();
            o.data_dir = next;
            data_given = true;
        } else if (!strcmp(a, "--input")) {
            NEED_ARG();
            input = next;
        } else if (!strcmp(a, "--audio-out")) {
            NEED_ARG();
            audio_out = next;
        } else if (a[0] == '-' && a[1]) {
            free(positional);
            return usage_error("unknown option '%s'", a);
        } else {
            positional[npos++] = argv[i];
        }
#undef NEED_ARG
#undef SET_MODE
    }
    char levels_buf[4096];
    if (!o.levels_dir) {
        snprintf(levels_buf, sizeof levels_buf, "%s/levels", o.data_dir);
        o.levels_dir = levels_buf;
    }
    if (data_given && mode != LIST)
        warn_no_assets(o.data_dir);
    /* the window leaves SIGINT and SIGTERM to SDL (an SDL_QUIT event ends the loop); every other
     * mode ends at once, removing a half-written output */
    if (mode != PLAY)
        files_catch_signals();
    int rc;
    bool progress_shot = o.screen && (strcmp(o.screen, "progress") == 0 || strcmp(o.screen, "menu") == 0);
    if (mode != SIMULATE && mode != SHOT && (input || audio_out)) {
        rc = usage_error("%s goes with --simulate (or --input with --shot)", input ? "--input" : "--audio-out");
    } else if (mode != SHOT && o.screen) {
        rc = usage_error("%s goes with --shot", "--screen");
    } else if (mode != KIOSK && mode != SET_PIN && o.kiosk_config) {
        rc = usage_error("%s goes with --kiosk or --set-pin", "--kiosk-config");
    } else if (mode == SET_PIN) {
        rc = npos ? usage_error("unexpected argument '%s'", positional[0]) : mode_set_pin(o.kiosk_config);
    } else if (mode == KIOSK) {
        char history_buf[4096];
        if (npos)
            rc = usage_error("unexpected argument '%s' (kiosk routines are chosen in kiosk.conf)", positional[0]);
        else {
            o.kiosk = true;
            o.fullscreen = true;
            if (ha.history)
                o.history_path = ha.history;
            else if (history_default_path(history_buf, sizeof history_buf) == 0)
                o.history_path = history_buf;
            else
                fprintf(stderr, "unknot: warning: no home folder for the history ($HOME and $XDG_DATA_HOME are not "
                                "set); workouts are not saved\n");
            rc = app_play(&o);
        }
    } else if (mode != SHOT && o.shot_at_ms >= 0) {
        rc = usage_error("%s goes with --shot", "--at");
    } else if (ha.completed >= 0 && mode != SIMULATE) {
        rc = usage_error("%s goes with --simulate", "--completed");
    } else if (ha.record && mode != SIMULATE) {
        rc = usage_error("%s goes with --simulate", "--record");
    } else if (o.screen && mode != SHOT) {
        rc = usage_error("%s goes with --shot", "--screen");
    } else if (now_arg && !ha.record && mode != STATS && !(mode == SHOT && progress_shot)) {
        rc = usage_error("%s goes with --simulate --record, --stats or --shot --screen progress", "--now");
    } else if (json && mode != STATS) {
        rc = usage_error("%s goes with --stats", "--json");
    } else if (ha.patient && !ha.record && mode != STATS) {
        rc = usage_error("%s goes with --simulate --record or --stats", "--patient");
    } else if (week_goal_given && mode != STATS && mode != PLAY && !(mode == SHOT && progress_shot)) {
        rc = usage_error("%s goes with --stats or a workout", "--week-goal");
    } else if (mode == STATS || mode == EXPORT) {
        rc = npos > 0        ? usage_error("unexpected argument '%s'", positional[0])
             : mode == STATS ? mode_stats(&ha, o.levels_dir, json)
                             : mode_export(&ha, export_csv);
    } else if (mode == CHECK) {
        rc =
            npos == 0 ? usage_error("%s needs at least one FILE", "--check") : mode_check(o.data_dir, positional, npos);
    } else if (mode == LIST) {
        rc = npos > 0 ? usage_error("unexpected argument '%s' after --list", positional[0])
                      : mode_list(o.data_dir, list_dir ? list_dir : o.levels_dir);
    } else if (mode == SIMULATE) {
        if (npos != 1)
            rc = usage_error("%s needs exactly one ROUTINE", "--simulate");
        else
            rc = mode_simulate(o.data_dir, positional[0], input, audio_out, &ha);
    } else if (mode == SHOT && progress_shot) {
        char history_buf[4096];
        o.history_path = ha.history;
        if (!o.history_path && history_default_path(history_buf, sizeof history_buf) == 0)
            o.history_path = history_buf;
        o.have_now = ha.have_now;
        o.now_utc = ha.now_utc;
        o.now_offset = ha.now_offset;
        o.week_goal = ha.week_goal;
        if (!size_given) {
            o.width = 1920;
            o.height = 1080;
        }
        rc = npos > 0 ? usage_error("unexpected argument '%s'", positional[0])
             : o.shot_at_ms >= 0 || input
                 ? usage_error("%s is for --screen session", o.shot_at_ms >= 0 ? "--at" : "--input")
                 : app_shot(&o);
    } else if (mode == SHOT) {
        bool kiosk_shot = o.screen && strcmp(o.screen, "session") != 0; /* attract, tiles, pin */
        if (o.shot_at_ms < 0 && !kiosk_shot)
            rc = usage_error("%s needs --at SECONDS", "--shot");
        else if (npos > 1)
            rc = usage_error("unexpected argument '%s'", positional[1]);
        else {
            InputScript in = {0};
            RoutineErrors *errs = malloc(sizeof *errs);
            rc = EXIT_OK;
            if (input && (!errs || files_load_inputs(input, &in, errs) < 0)) {
                if (errs)
                    files_print_errors(errs);
                rc = EXIT_INVALID;
            }
            free(errs);
            if (rc == EXIT_OK) {
                o.routine = npos ? positional[0] : NULL;
                o.inputs = input ? &in : NULL;
                if (!size_given) {
                    o.width = 1920;
                    o.height = 1080;
                }
                rc = app_shot(&o);
            }
            inputscript_free(&in);
        }
    } else {
        if (npos > 1)
            rc = usage_error("unexpected argument '%s'", positional[1]);
        else {
            o.routine = npos ? positional[0] : NULL;
            char history_buf[4096];
            if (ha.history)
                o.history_path = ha.history;
            else if (history_default_path(history_buf, sizeof history_buf) == 0)
                o.history_path = history_buf;
            else
                fprintf(stderr, "unknot: warning: no home folder for the history ($HOME and $XDG_DATA_HOME are not "
                                "set); workouts are not saved\n");
            o.week_goal = ha.week_goal;
            rc = app_play(&o);
        }
    }
    free(positional);
    return rc;
}

/* Standard output is an output like any other: a full disk or a closed pipe is exit 1, with the
 * reason, unless the mode has failed (and said so) already. */
int main(int argc, char **argv)
{
    signal(SIGXFSZ, SIG_IGN); /* a file-size limit is a write error (EFBIG), not a silent kill */
    /* before any SDL call: SDL's large blocks are kept for reuse (a new text line then faults no
     * fresh page in; blockcache.h). If it cannot, SDL allocates as before. */
    (void)blockcache_install();
    int rc = run(argc, argv);
    errno = 0;
    bool failed = fflush(stdout) != 0 || ferror(stdout);
    int e = errno ? errno : stdout_errno;
    if (fclose(stdout) != 0 && !failed) {
        failed = true;
        e = errno;
    }
    if (failed && rc == EXIT_OK) {
        fprintf(stderr, "unknot: cannot write to standard output: %s\n", strerror(e ? e : EIO));
        rc = EXIT_INVALID;
    }
    return rc;
}
