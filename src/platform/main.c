/* main.c: the command line (docs in README.md and `unknot --help`). Parses options, runs one
 * mode, prints errors as one line each and returns 0 ok, 1 invalid input, 2 usage. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/stat.h>

#include "app.h"
#include "files.h"
#include "levels.h"
#include "report.h"
#include "routine.h"
#include "session.h"
#include "simulate.h"
#include "soundtrack.h"
#include "speech.h"

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
    "  unknot --check FILE|FOLDER...    check routine files (a folder: each .routine in it);\n"
    "                                   exit 0 if all are valid, 1 if not\n"
    "  unknot --list [DIR]              list the routines in DIR (default: levels/)\n"
    "  unknot --simulate ROUTINE        run the workout headless, print JSON Lines events\n"
    "        [--input FILE]             timed presses for the simulation (docs/simulate.md)\n"
    "        [--audio-out FILE.wav]     also write the session's soundtrack\n"
    "  unknot --shot OUT.png --at SECONDS [--size WxH] [--input FILE] [ROUTINE]\n"
    "                                   render the frame seen at SECONDS to a PNG, no display needed\n"
    "\n"
    "Options:\n"
    "  --window WxH      window size (default 1280x720)\n"
    "  --fullscreen      start full screen (F11 toggles)\n"
    "  --font FILE       a TrueType font to use instead of the system's sans font\n"
    "  --levels DIR      the routine folder for the menu (default: levels/)\n"
    "  --data DIR        where assets/ and levels/ are (default: the source tree, or $UNKNOT_DATA)\n"
    "  --help            this text\n"
    "  --version         the version\n"
    "\n"
    "Keys: Space/Enter count a rep or confirm, hold Space for a confirmed hold, Esc/P pause,\n"
    "S skip, Backspace back, F11 full screen, M mute, +/- volume, Q end the workout (results).\n"
    "In the menu, Q or Esc quits.\n"
    "Environment: UNKNOT_DATA (as --data), UNKNOT_STATS=1 (print frames per second every 5 s).\n"
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

/* Warnings that never fail a check: texts with no recorded voice clip yet (they are synthesised
 * the first time the routine plays) and timers past the 20-minute advice for cold or heat packs. */
static void warn_routine(const char *data_dir, const char *path, const Routine *r)
{
    const char *top[2] = {r->title, r->intro};
    for (int i = 0; i < 2; i++)
        if (top[i] && !speech_clip_prerendered(data_dir, top[i]))
            fprintf(stderr,
                    "%s: warning: no recorded voice yet for \"%.50s\"; it is made when the routine first plays\n", path,
                    top[i]);
    for (int i = 0; i < r->step_count; i++) {
        const RoutineStep *st = &r->steps[i];
        if (st->kind == STEP_TIMER && st->duration_ms > 20 * 60 * 1000)
            fprintf(stderr,
                    "%s:%d:1: warning: a timer over 20 minutes; cold or heat packs should stay on at most "
                    "20 minutes at a time\n",
                    path, st->line);
        if (st->text && !speech_clip_prerendered(data_dir, st->text))
            fprintf(stderr,
                    "%s:%d:1: warning: no recorded voice yet for \"%.50s\"; it is made when the routine "
                    "first plays\n",
                    path, st->line, st->text);
        for (int j = 0; j < st->cue_count; j++)
            if (!speech_clip_prerendered(data_dir, st->cues[j].text))
                fprintf(stderr,
                        "%s:%d:%d: warning: no recorded voice yet for \"%.50s\"; it is made when the routine "
                        "first plays\n",
                        path, st->cues[j].line, st->cues[j].col, st->cues[j].text);
    }
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int check_file(const char *data_dir, const char *path, RoutineErrors *errs);

/* A folder given to --check: every *.routine in it, in name order. Returns the number invalid. */
static int check_folder(const char *data_dir, const char *dir, RoutineErrors *errs)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "%s:1:1: cannot read the folder: %s\n", dir, strerror(errno));
        return 1;
    }
    char *names[LEVELS_MAX];
    int n = 0, bad = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n < LEVELS_MAX) {
        size_t len = strlen(e->d_name);
        if (len > 8 && e->d_name[0] != '.' && strcmp(e->d_name + len - 8, ".routine") == 0)
            names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof *names, compare_names);
    if (n == 0) {
        fprintf(stderr, "%s:1:1: no .routine files in this folder\n", dir);
        bad++;
    }
    for (int i = 0; i < n; i++) {
        char path[4096];
        if (names[i] && snprintf(path, sizeof path, "%s/%s", dir, names[i]) < (int)sizeof path)
            bad += check_file(data_dir, path, errs);
        free(names[i]);
    }
    return bad;
}

/* Check one file (or folder); print "ok" or its errors. Returns the number of invalid files. */
static int check_file(const char *data_dir, const char *path, RoutineErrors *errs)
{
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        return check_folder(data_dir, path, errs);
    Routine r;
    if (files_load_routine(path, &r, errs) < 0) {
        files_print_errors(errs);
        return 1;
    }
    char total[32];
    routine_format_duration((int)session_routine_ms(&r), total, sizeof total);
    printf("%s: ok: \"%s\", %d step%s, %s\n", path, r.title, r.step_count, r.step_count == 1 ? "" : "s", total);
    fflush(stdout);
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
    for (int i = 0; i < n; i++)
        bad += check_file(data_dir, files[i], errs);
    free(errs);
    return bad ? EXIT_INVALID : EXIT_OK;
}

static int mode_list(const char *dir)
{
    LevelList l;
    if (levels_scan(dir, &l) < 0) {
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
        routine_format_duration((int)session_routine_ms(&e->routine), total, sizeof total);
        levels_moves_summary(&e->routine, moves, sizeof moves);
        char level[16] = "-";
        if (e->routine.level > 0)
            snprintf(level, sizeof level, "%d", e->routine.level);
        printf("%s\t%s\tlevel %s\t%s\t%s\n", e->path, e->routine.title, level, total, moves);
    }
    if (l.count == 0) {
        fprintf(stderr, "unknot: %s: no .routine files\n", dir);
        bad++;
    }
    levels_free(&l);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "unknot: cannot write the list: %s\n", strerror(errno));
        return EXIT_INVALID;
    }
    return bad ? EXIT_INVALID : EXIT_OK;
}

typedef struct {
    FILE *out;
    Soundtrack *track; /* --audio-out, or NULL */
    char line[4096];
} SimPrinter;

static void print_event(void *ctx, const Session *s, const SessionEvent *ev)
{
    SimPrinter *p = ctx;
    report_event_json(s, ev, p->line, sizeof p->line);
    fputs(p->line, p->out);
    fputc('\n', p->out);
    if (p->track)
        soundtrack_add_event(p->track, ev);
}

static int mode_simulate(const char *data_dir, const char *routine_path, const char *input_path, const char *audio_out)
{
    Routine r;
    InputScript in = {0};
    RoutineErrors *errs = malloc(sizeof *errs);
    int rc = EXIT_OK;
    if (!errs)
        return EXIT_INVALID;
    if (files_load_routine(routine_path, &r, errs) < 0) {
        files_print_errors(errs);
        free(errs);
        return EXIT_INVALID;
    }
    if (input_path && files_load_inputs(input_path, &in, errs) < 0) {
        files_print_errors(errs);
        routine_free(&r);
        free(errs);
        return EXIT_INVALID;
    }
    SimPrinter p = {stdout, NULL, {0}};
    if (audio_out && !(p.track = soundtrack_new(data_dir, &r))) {
        fprintf(stderr, "unknot: out of memory\n");
        rc = EXIT_INVALID;
        goto done;
    }
    SimulateResult res = simulate_run(&r, input_path ? &in : NULL, print_event, &p);
    if (res == SIMULATE_STUCK_PAUSED) {
        fprintf(stderr, "unknot: %s: the session is paused and the input has nothing left to resume it; stopped\n",
                input_path);
        rc = EXIT_INVALID;
    } else if (res == SIMULATE_NO_MEMORY) {
        fprintf(stderr, "unknot: out of memory\n");
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
    inputscript_free(&in);
    routine_free(&r);
    free(errs);
    return rc;
}

/* ---- option parsing ---- */

int main(int argc, char **argv)
{
    AppOptions o = {0};
    const char *data = getenv("UNKNOT_DATA");
    o.data_dir = data && data[0] ? data : UNKNOT_DATA_DIR;
    o.width = 1280;
    o.height = 720;
    o.shot_at_ms = -1;
    enum { PLAY, CHECK, LIST, SIMULATE, SHOT } mode = PLAY;
    const char *input = NULL, *audio_out = NULL, *list_dir = NULL;
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
        } else if (!strcmp(a, "--shot")) {
            SET_MODE(SHOT);
            NEED_ARG();
            o.shot_out = next;
        } else if (!strcmp(a, "--at")) {
            NEED_ARG();
            if (parse_seconds(next, &o.shot_at_ms) < 0) {
                free(positional);
                return usage_error("--at needs decimal seconds from 0 to 86400, not '%s'", next);
            }
        } else if (!strcmp(a, "--size") || !strcmp(a, "--window")) {
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
    int rc;
    if (mode != SIMULATE && mode != SHOT && (input || audio_out)) {
        rc = usage_error("%s goes with --simulate (or --input with --shot)", input ? "--input" : "--audio-out");
    } else if (mode != SHOT && o.shot_at_ms >= 0) {
        rc = usage_error("%s goes with --shot", "--at");
    } else if (mode == CHECK) {
        rc =
            npos == 0 ? usage_error("%s needs at least one FILE", "--check") : mode_check(o.data_dir, positional, npos);
    } else if (mode == LIST) {
        rc = npos > 0 ? usage_error("unexpected argument '%s' after --list", positional[0])
                      : mode_list(list_dir ? list_dir : o.levels_dir);
    } else if (mode == SIMULATE) {
        if (npos != 1)
            rc = usage_error("%s needs exactly one ROUTINE", "--simulate");
        else
            rc = mode_simulate(o.data_dir, positional[0], input, audio_out);
    } else if (mode == SHOT) {
        if (o.shot_at_ms < 0)
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
            rc = app_play(&o);
        }
    }
    free(positional);
    return rc;
}
