/* test_simulate.c: the --input file parser (every action, comments, errors with line:col,
 * ordering, limits) and the headless driver on every routine in levels/: each one ends, with
 * its events in order, and a paused session with nothing left to resume it stops. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "routine.h"
#include "session.h"
#include "simulate.h"
#include "testutil.h"
#include "voicekey.h"
#include "voicequeue.h"

static InputScript in;
static InputScript side_left; /* "0 side left", for the routines in levels/ with "sides chosen" */
static InputScript answer_at_once; /* "0 pain 2" and "0 side left": each question answered as it is asked */
static RoutineErrors errs;

static int parse(const char *src)
{
    inputscript_free(&in);
    return inputscript_parse("in.txt", src, strlen(src), &in, &errs);
}

static int find_error(int line, int col, const char *needle)
{
    for (int i = 0; i < errs.count; i++)
        if (errs.items[i].line == line && (col <= 0 || errs.items[i].col == col) &&
            strstr(errs.items[i].message, needle))
            return i;
    return -1;
}

#define CHECK_INPUT(i, t, bits) CHECK((i) < in.count && in.items[i].t_ms == (t) && in.items[i].actions == (bits))

#define CHECK_BAD(src, line, col, needle)                                                                              \
    do {                                                                                                               \
        CHECK_INT(parse(src), -1);                                                                                     \
        CHECK(find_error((line), (col), (needle)) >= 0);                                                               \
        CHECK(in.count == 0 && in.items == NULL);                                                                      \
    } while (0)

/* ---- the input file ---- */

static void test_actions(void)
{
    CHECK_INT(parse("1 press\n2 release\n3 pause\n4 resume\n5 skip\n6 back\n7 quit\n"), 0);
    CHECK_INT(errs.count, 0);
    CHECK_INT(in.count, 7);
    static const unsigned bits[] = {INPUT_PRESS, INPUT_RELEASE, INPUT_PAUSE, INPUT_RESUME,
                                    INPUT_SKIP,  INPUT_BACK,    INPUT_QUIT};
    for (int i = 0; i < 7; i++)
        CHECK_INPUT(i, (i + 1) * 1000, bits[i]);
    /* a rep is a tap: press, then release SIMULATE_TAP_MS later */
    CHECK_INT(parse("12.5 rep\n"), 0);
    CHECK_INT(in.count, 2);
    CHECK_INPUT(0, 12500, INPUT_PRESS);
    CHECK_INPUT(1, 12500 + SIMULATE_TAP_MS, INPUT_RELEASE);
    /* fractions round to the millisecond; integers and a trailing dot are fine */
    CHECK_INT(parse("0.0015 skip\n3. skip\n0 skip\n86400 quit\n"), 0);
    CHECK_INPUT(0, 0, INPUT_SKIP);
    CHECK_INPUT(1, 2, INPUT_SKIP);
    CHECK_INPUT(2, 3000, INPUT_SKIP);
    CHECK_INPUT(3, 86400000, INPUT_QUIT);
}

static void test_pain_lines(void)
{
    CHECK_INT(parse("9 pain 3\n0 pain 10 # after\n5 pain skip\n1 pain 0\n"), 0);
    CHECK_INT(in.count, 4);
    CHECK(in.items[0].t_ms == 0 && in.items[0].actions == INPUT_PAIN && in.items[0].pain == 10);
    CHECK(in.items[1].t_ms == 1000 && in.items[1].pain == 0);
    CHECK(in.items[2].t_ms == 5000 && in.items[2].pain == -1);
    CHECK(in.items[3].t_ms == 9000 && in.items[3].pain == 3);
    CHECK_BAD("9 pain 11\n", 1, 8, "0 to 10");
    CHECK_BAD("9 pain\n", 1, 7, "0 to 10");
    CHECK_BAD("9 pain x\n", 1, 8, "0 to 10");
    CHECK_BAD("9 pain -1\n", 1, 8, "0 to 10");
    CHECK_BAD("9 pain 007\n", 1, 8, "0 to 10");
    CHECK_BAD("9 pain 3 4\n", 1, 10, "unexpected text");
}

static void test_comments_and_space(void)
{
    CHECK_INT(parse("# a comment\n\n   \n\t# indented\n  1\tpause   # why\r\n2 resume#tight\r\n3 skip"), 0);
    CHECK_INT(in.count, 3);
    CHECK_INPUT(0, 1000, INPUT_PAUSE);
    CHECK_INPUT(1, 2000, INPUT_RESUME);
    CHECK_INPUT(2, 3000, INPUT_SKIP);
    CHECK_INT(parse(""), 0);
    CHECK_INT(in.count, 0);
    CHECK_INT(parse("# nothing\n"), 0);
    CHECK_INT(in.count, 0);
}

static void test_sorting(void)
{
    CHECK_INT(parse("5 skip\n1 pause\n3 resume\n2 press\n2 release\n2 back\n"), 0);
    CHECK_INT(in.count, 6);
    CHECK_INPUT(0, 1000, INPUT_PAUSE);
    CHECK_INPUT(1, 2000, INPUT_PRESS); /* equal times keep file order */
    CHECK_INPUT(2, 2000, INPUT_RELEASE);
    CHECK_INPUT(3, 2000, INPUT_BACK);
    CHECK_INPUT(4, 3000, INPUT_RESUME);
    CHECK_INPUT(5, 5000, INPUT_SKIP);
    for (int i = 1; i < in.count; i++)
        CHECK(in.items[i].t_ms >= in.items[i - 1].t_ms);
    /* a rep's release sorts among later inputs */
    CHECK_INT(parse("2 rep\n2.05 pause\n"), 0);
    CHECK_INPUT(0, 2000, INPUT_PRESS);
    CHECK_INPUT(1, 2050, INPUT_PAUSE);
    CHECK_INPUT(2, 2100, INPUT_RELEASE);
}

static void test_errors(void)
{
    CHECK_BAD("abc rep\n", 1, 1, "SECONDS ACTION");
    CHECK_BAD("1 pause\n  x2 rep\n", 2, 3, "SECONDS ACTION");
    CHECK_BAD("1.5.2 rep\n", 1, 1, "SECONDS ACTION");
    CHECK_BAD("-1 rep\n", 1, 1, "SECONDS ACTION");
    CHECK_BAD("5rep\n", 1, 1, "SECONDS ACTION");
    CHECK_BAD("3 jump\n", 1, 3, "unknown action 'jump'");
    CHECK_BAD("  5  dance\n", 1, 6, "unknown action 'dance'");
    CHECK_BAD("3\n", 1, 2, "unknown action");
    CHECK_BAD("3 REP\n", 1, 3, "unknown action");
    CHECK_BAD("3 rep extra\n", 1, 7, "unexpected text");
    CHECK_BAD("86401 quit\n", 1, 1, "limit");
    CHECK_BAD("999999999 quit\n", 1, 1, "limit");
    static const char nul[] = "1 pause\n2 re\0sume\n";
    CHECK_INT(inputscript_parse("in.txt", nul, sizeof nul - 1, &in, &errs), -1);
    CHECK(find_error(2, 5, "NUL") >= 0);
    /* every bad line is reported, with its own line */
    CHECK_INT(parse("1 pause\nx\n2 resume\n3 fly\n4 rep 5\n"), -1);
    CHECK_INT(errs.count, 3);
    CHECK(find_error(2, 1, "") >= 0);
    CHECK(find_error(4, 3, "fly") >= 0);
    CHECK(find_error(5, 7, "unexpected") >= 0);
    for (int i = 0; i < errs.count; i++)
        CHECK_STR(errs.items[i].path, "in.txt");
    char b[512];
    routine_error_format(&errs.items[1], b, sizeof b);
    CHECK(strncmp(b, "in.txt:4:3: unknown action 'fly'", 32) == 0);
    /* more bad lines than fit */
    char many[4096] = "";
    for (int i = 0; i < ROUTINE_MAX_ERRORS + 10; i++)
        strcat(many, "bad\n");
    CHECK_INT(parse(many), -1);
    CHECK_INT(errs.count, ROUTINE_MAX_ERRORS);
    CHECK(errs.truncated);
}

static void test_limits(void)
{
    /* SIMULATE_MAX_INPUTS is fine, one more is refused */
    size_t cap = (size_t)(SIMULATE_MAX_INPUTS + 2) * 8 + 1;
    char *src = malloc(cap);
    size_t n = 0;
    for (int i = 0; i < SIMULATE_MAX_INPUTS; i++)
        n += (size_t)snprintf(src + n, cap - n, "1 skip\n");
    CHECK_INT(inputscript_parse("in.txt", src, n, &in, &errs), 0);
    CHECK_INT(in.count, SIMULATE_MAX_INPUTS);
    inputscript_free(&in);
    n += (size_t)snprintf(src + n, cap - n, "2 skip\n");
    CHECK_INT(inputscript_parse("in.txt", src, n, &in, &errs), -1);
    CHECK(find_error(SIMULATE_MAX_INPUTS + 1, 0, "too many inputs") >= 0);
    free(src);
    /* a file over the size limit is refused whole */
    size_t big = (size_t)SIMULATE_MAX_FILE_BYTES + 1;
    char *huge = malloc(big);
    memset(huge, '#', big);
    CHECK_INT(inputscript_parse("in.txt", huge, big, &in, &errs), -1);
    CHECK_INT(errs.count, 1);
    CHECK(strstr(errs.items[0].message, "limit") != NULL);
    CHECK_INT(inputscript_parse("in.txt", huge, big - 1, &in, &errs), 0); /* all comment */
    free(huge);
}

/* ---- the driver ---- */

typedef struct {
    SessionEvent *ev;
    int n, cap;
    char *json;
    size_t len, jcap;
} Log;

static void collect(void *ctx, const Session *s, const SessionEvent *ev)
{
    Log *l = ctx;
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 1024;
        l->ev = realloc(l->ev, sizeof *l->ev * (size_t)l->cap);
    }
    l->ev[l->n++] = *ev;
    char line[4096];
    size_t k = report_event_json(s, ev, line, sizeof line);
    if (l->len + k + 2 > l->jcap) {
        l->jcap = (l->jcap + k + 2) * 2;
        l->json = realloc(l->json, l->jcap);
    }
    memcpy(l->json + l->len, line, k);
    l->len += k;
    l->json[l->len++] = '\n';
    l->json[l->len] = 0;
}

static void log_free(Log *l)
{
    free(l->ev);
    free(l->json);
    memset(l, 0, sizeof *l);
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap);
    size_t k;
    while ((k = fread(b + n, 1, cap - n, f)) > 0) {
        n += k;
        if (n == cap)
            b = realloc(b, cap *= 2);
    }
    fclose(f);
    *len = n;
    return b;
}

#define PH_COMPLETE session_phrase(PHRASE_COMPLETE)
#define PH_UNPRESSED session_phrase(PHRASE_DONE_UNPRESSED)

/* How many cues of a run said text. */
static int cues_of(const Log *l, const char *text)
{
    int n = 0;
    for (int i = 0; i < l->n; i++)
        n += l->ev[i].type == EV_CUE && strcmp(l->ev[i].text, text) == 0;
    return n;
}

/* Check the shape of one whole run's events. */
static void check_run(const Routine *r, const Log *l, bool expect_complete)
{
    CHECK(l->n > 0);
    if (l->n == 0)
        return;
    CHECK_INT(l->ev[0].type, EV_SESSION_START);
    int starts = 0, ends = 0, session_ends = 0, end_at = -1;
    int open = -1;
    for (int i = 0; i < l->n; i++) {
        const SessionEvent *e = &l->ev[i];
        if (i > 0)
            CHECK(e->t_ms >= l->ev[i - 1].t_ms);
        if (e->type == EV_STEP_START) {
            CHECK(open < 0);
            open = e->step;
            starts++;
        } else if (e->type == EV_STEP_END) {
            CHECK(open == e->step);
            open = -1;
            ends++;
        } else if (e->type == EV_SESSION_END) {
            session_ends++;
            end_at = i;
            if (expect_complete)
                CHECK(e->completed);
        } else if (e->type == EV_CUE) {
            CHECK(e->text[0] != 0);
        }
    }
    CHECK_INT(starts, ends);
    CHECK(open < 0);
    CHECK_INT(session_ends, 1);
    /* after session_end only the results' own cue and sound */
    for (int i = end_at + 1; i < l->n; i++)
        CHECK(l->ev[i].type == EV_CUE || l->ev[i].type == EV_SOUND || l->ev[i].type == EV_VOICE);
    CHECK(end_at >= l->n - 3);
    /* every step ran at least once */
    for (int s = 0; expect_complete && s < r->step_count; s++) {
        bool seen = false;
        for (int i = 0; i < l->n; i++)
            if (l->ev[i].type == EV_STEP_START && l->ev[i].step == s)
                seen = true;
        CHECK(seen);
    }
}

static void test_levels(void)
{
    DIR *d = opendir("levels");
    CHECK(d != NULL);
    if (!d)
        return;
    int files = 0, walkaways = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        size_t nl = strlen(de->d_name);
        if (nl < 9 || strcmp(de->d_name + nl - 8, ".routine") != 0)
            continue;
        char path[512];
        snprintf(path, sizeof path, "levels/%s", de->d_name);
        size_t len;
        char *src = read_all(path, &len);
        CHECK(src != NULL);
        if (!src)
            continue;
        Routine r;
        CHECK_INT(routine_parse(path, src, len, &r, &errs), 0);
        Log a = {0}, b = {0};
        /* a routine with "sides chosen" is told the side at once, so its one-sided steps run too */
        CHECK_INT(simulate_run(&r, r.sides_chosen ? &side_left : NULL, collect, &a), SIMULATE_DONE);
        check_run(&r, &a, true);
        /* nobody pressed: every step done, nothing skipped, planned time met exactly, except that
         * an open hold nobody ends runs to its maximum while the plan counts it at its planned
         * length (docs/routines.md, "hold open") */
        const SessionEvent *last = &a.ev[a.n - 1];
        Session s;
        CHECK_INT(session_init(&s, &r), 0);
        int64_t planned = session_planned_ms(&s), open_extra = 0;
        for (int i = 0; i < s.segment_count; i++) {
            const Segment *g = &s.segments[i];
            CHECK(g->planned_ms <= g->duration_ms);
            if (g->planned_ms != g->duration_ms) {
                CHECK(g->kind == SEG_WORK && r.steps[g->step].hold_open);
                CHECK_INT(g->planned_ms, ROUTINE_OPEN_HOLD_PLAN_MS);
                open_extra += g->duration_ms - g->planned_ms;
            }
        }
        session_free(&s);
        CHECK_INT(last->t_ms, planned + open_extra - SESSION_RESULTS_MS);
        if (open_extra > 0) {
            /* an open hold nobody ended (a walk-away: Guy's easy start) is not a hold done: the run
             * scores under half of what was possible, and the results say why */
            const char *end = strstr(a.json, "\"type\":\"session_end\"");
            const char *sc = end ? strstr(end, "\"score\":") : NULL;
            const char *mx = end ? strstr(end, "\"score_max\":") : NULL;
            long score = sc ? strtol(sc + 8, NULL, 10) : -1, max = mx ? strtol(mx + 12, NULL, 10) : -1;
            CHECK(score >= 0 && max > 0 && score * 2 < max);
            CHECK(end && strstr(end, "\"holds_done\":0,") && !strstr(end, "\"holds_unended\":0"));
            CHECK(end && strstr(end, "Press") != NULL);
        }
        /* the results say it plainly when nothing was pressed where a press scores (Guy's easy
         * start), and praise only a run that scored by pressing or held a timed hold */
        Session end;
        CHECK_INT(simulate_until(&r, r.sides_chosen ? &side_left : NULL, INT64_MAX / 4, &end), 0);
        bool unpressed = session_score_unpressed(&end.score);
        /* with no input, every level a press can score is a walk-away, timed holds or not */
        CHECK(unpressed == end.score.press_scores);
        if (strstr(path, "01-gentle") || strstr(path, "02-core") || strstr(path, "03-desk")) {
            CHECK(unpressed);
            CHECK(end.score.points_holds > 0); /* their timed holds scored by time */
        }
        session_free(&end);
        CHECK_INT(cues_of(&a, PH_UNPRESSED), unpressed ? 1 : 0);
        CHECK_INT(cues_of(&a, PH_COMPLETE), unpressed ? 0 : 1);
        walkaways += unpressed;
        /* the same run twice prints the same bytes */
        CHECK_INT(simulate_run(&r, r.sides_chosen ? &side_left : NULL, collect, &b), SIMULATE_DONE);
        CHECK(a.len == b.len && memcmp(a.json, b.json, a.len) == 0);
        log_free(&a);
        log_free(&b);
        routine_free(&r);
        free(src);
        files++;
    }
    closedir(d);
    CHECK(files >= 4);
    CHECK(walkaways >= 4); /* Gentle start, Core strength, Desk break, Guy's easy start... */
}

/* ---- the voice plan: every cue line says when its clip starts, or why it is not said ---- */

#define VOICE_TEST_ROWS (VOICEKEY_MAX_ROUTINE_TEXTS + 200)
static SessionClip voice_rows[VOICE_TEST_ROWS];

/* Every text of r and the standard phrases, each ms long, but the intro intro_ms long. */
static int voice_table(const Routine *r, int ms, int intro_ms)
{
    static const char *texts[VOICEKEY_MAX_ROUTINE_TEXTS];
    int n = voicekey_routine_texts(r, texts, VOICEKEY_MAX_ROUTINE_TEXTS), k = 0;
    for (int i = 0; i < n && k < VOICE_TEST_ROWS; i++)
        voice_rows[k++] = (SessionClip){texts[i], r->intro && strcmp(texts[i], r->intro) == 0 ? intro_ms : ms};
    for (int i = 0; i < voicekey_standard_count() && k < VOICE_TEST_ROWS; i++)
        voice_rows[k++] = (SessionClip){voicekey_standard_phrase(i), ms};
    return k;
}

static int64_t clip_ms(const char *text)
{
    for (int i = 0; i < VOICE_TEST_ROWS && voice_rows[i].text; i++)
        if (strcmp(voice_rows[i].text, text) == 0)
            return voice_rows[i].ms;
    return -1;
}

/* Each cue decided; the clips never overlap; a routine's own cue is never dropped; the clip
 * events (EV_VOICE) match the cues' spoken times. Returns how many cues were spoken. */
static int check_voice(const Log *l)
{
    int spoken = 0;
    int64_t free_at = 0;
    for (int i = 0; i < l->n; i++) {
        const SessionEvent *e = &l->ev[i];
        if (e->type == EV_PAUSE && free_at > e->t_ms + VOICEQUEUE_GAP_MS)
            free_at = e->t_ms + VOICEQUEUE_GAP_MS; /* the sentence stops there */
        if (e->type == EV_VOICE && e->voice == SESSION_VOICE_CUT && free_at > e->t_ms + VOICEQUEUE_GAP_MS)
            free_at = e->t_ms + VOICEQUEUE_GAP_MS; /* cut: a press went on, a question was answered */
        if (e->type == EV_VOICE && e->voice == SESSION_VOICE_SPOKEN) {
            CHECK(e->t_ms >= free_at); /* voice never overlaps voice */
            free_at = e->t_ms + e->n + VOICEQUEUE_GAP_MS;
            bool found = false; /* its cue came before it and says the same time */
            for (int j = i - 1; j >= 0 && !found; j--)
                found = l->ev[j].type == EV_CUE && l->ev[j].cue_id == e->cue_id && l->ev[j].spoken_ms == e->t_ms;
            CHECK(found);
        }
        if (e->type != EV_CUE)
            continue;
        CHECK(e->voice != SESSION_VOICE_WAITING && e->voice != SESSION_VOICE_UNPLANNED);
        if (e->voice == SESSION_VOICE_SPOKEN) {
            spoken++;
            CHECK(e->spoken_ms >= e->t_ms);
        }
        if (e->cue_kind == CUE_KIND_ROUTINE)
            CHECK(e->voice == SESSION_VOICE_SPOKEN || e->voice == SESSION_VOICE_STOPPED ||
                  e->voice == SESSION_VOICE_NO_CLIP);
    }
    return spoken;
}

/* What each path saw: the printed one (fn) may get a step's end late, held behind a waiting cue;
 * at_once (the history's) gets every event within a tick of its own time. */
typedef struct {
    int fn_events, at_once_events;
    int late_step_ends; /* fn saw a step_end more than a second after it happened */
    int64_t worst_at_once_lag;
} Paths;

static void fn_path(void *ctx, const Session *s, const SessionEvent *ev)
{
    Paths *p = ctx;
    p->fn_events++;
    if (ev->type == EV_STEP_END && s->t_ms - ev->t_ms > 1000)
        p->late_step_ends++;
}

static void at_once_path(void *ctx, const Session *s, const SessionEvent *ev)
{
    Paths *p = ctx;
    p->at_once_events++;
    if (s->t_ms - ev->t_ms > p->worst_at_once_lag)
        p->worst_at_once_lag = s->t_ms - ev->t_ms;
}

static void test_at_once(void)
{
    /* "Lower." at the end waits ~3 s for the end-1s sentence's clip, and the step's end with it */
    const char *src = "title \"Held\"\nmove bridge\n  hold 10s\n  say end-1s \"A long sentence.\"\n"
                      "  say end \"Lower.\"\nmove child_pose\n  hold 10s\n";
    Routine r;
    CHECK_INT(routine_parse("r", src, strlen(src), &r, &errs), 0);
    int rows = voice_table(&r, 4000, 4000);
    Paths p = {0};
    CHECK_INT(simulate_run_with(&r, NULL, voice_rows, rows, fn_path, at_once_path, &p), SIMULATE_DONE);
    CHECK(p.late_step_ends >= 1); /* the printed line comes late: the case this is for */
    CHECK_INT(p.at_once_events, p.fn_events); /* both see every event */
    CHECK(p.worst_at_once_lag <= SESSION_TICK_MS); /* the history's path: at the event's own time */
    routine_free(&r);
}

static void test_voice_plan(void)
{
    /* an 18.6 s intro: the first step's instruction and everything after it is still said */
    const char *src = "title \"Long intro\"\nintro \"A long introduction.\"\n"
                      "move bridge\n  hold 20s\n  say start \"Lift your hips.\"\n  say end \"Lower slowly.\"\n"
                      "rest 10s \"Roll onto your side.\"\n";
    Routine r;
    CHECK_INT(routine_parse("r", src, strlen(src), &r, &errs), 0);
    int rows = voice_table(&r, 1500, 18600);
    Log l = {0};
    CHECK_INT(simulate_run_voiced(&r, NULL, voice_rows, rows, collect, &l), SIMULATE_DONE);
    check_run(&r, &l, true);
    CHECK(check_voice(&l) > 5);
    int lift = -1, rest = -1;
    for (int i = 0; i < l.n; i++) {
        if (l.ev[i].type == EV_CUE && strcmp(l.ev[i].text, "Lift your hips.") == 0)
            lift = i;
        if (l.ev[i].type == EV_CUE && strcmp(l.ev[i].text, "Rest.") == 0)
            rest = i;
    }
    CHECK(lift >= 0 && l.ev[lift].voice == SESSION_VOICE_SPOKEN);
    CHECK(rest >= 0 && l.ev[rest].voice == SESSION_VOICE_SPOKEN); /* "Rest." tells what to do: never dropped */
    /* the cue's line carries it */
    CHECK(strstr(l.json, "\"text\":\"Lift your hips.\",\"cue\":\"routine\",\"index\":0,\"spoken\":") != NULL);
    log_free(&l);

    /* a pause stops the sentence; what waited is dropped as "stopped", never said later */
    CHECK_INT(parse("9 pause\n12 resume\n"), 0);
    CHECK_INT(simulate_run_voiced(&r, &in, voice_rows, rows, collect, &l), SIMULATE_DONE);
    check_voice(&l);
    int pause = -1;
    for (int i = 0; i < l.n; i++)
        if (l.ev[i].type == EV_PAUSE)
            pause = i;
    CHECK(pause > 0);
    for (int i = pause + 1; i < l.n; i++) /* the intro started at 8 s and was cut at 9 s: not heard again */
        CHECK(!(l.ev[i].type == EV_VOICE && strcmp(l.ev[i].text, "A long introduction.") == 0));
    log_free(&l);

    /* without a clip for a text: captioned only, and said so */
    CHECK(clip_ms("Lift your hips.") == 1500);
    for (int i = 0; i < rows; i++)
        if (strcmp(voice_rows[i].text, "Lift your hips.") == 0)
            voice_rows[i].ms = -1;
    CHECK_INT(simulate_run_voiced(&r, NULL, voice_rows, rows, collect, &l), SIMULATE_DONE);
    check_voice(&l);
    CHECK(strstr(l.json, "\"text\":\"Lift your hips.\",\"cue\":\"routine\",\"index\":0,\"dropped\":true,"
                         "\"reason\":\"no_clip\"") != NULL);
    log_free(&l);
    routine_free(&r);

    /* every routine in levels/: every cue decided, no overlap, no routine cue dropped */
    DIR *d = opendir("levels");
    struct dirent *de;
    while (d && (de = readdir(d))) {
        size_t nl = strlen(de->d_name);
        if (nl < 9 || strcmp(de->d_name + nl - 8, ".routine") != 0)
            continue;
        char path[512];
        snprintf(path, sizeof path, "levels/%s", de->d_name);
        size_t len;
        char *text = read_all(path, &len);
        if (!text || routine_parse(path, text, len, &r, &errs) != 0) {
            CHECK(false);
            free(text);
            continue;
        }
        rows = voice_table(&r, 2500, 9000);
        CHECK_INT(simulate_run_voiced(&r, r.sides_chosen ? &side_left : NULL, voice_rows, rows, collect, &l),
                  SIMULATE_DONE);
        check_run(&r, &l, true);
        check_voice(&l);
        log_free(&l);
        /* the check-in (and "Which side hurts?") answered at once, the usual case: the answer cuts
         * the question's clip, so the next words start on the answer and no 3-2-1 is squeezed out
         * (counts as long as the real clips, ~0.5 s) */
        for (int i = 0; i < rows; i++)
            if (voice_rows[i].text[0] >= '0' && voice_rows[i].text[0] <= '9')
                voice_rows[i].ms = 500;
        CHECK_INT(simulate_run_voiced(&r, &answer_at_once, voice_rows, rows, collect, &l), SIMULATE_DONE);
        check_run(&r, &l, true);
        check_voice(&l);
        int last_answer = -1, next_cue = -1;
        bool started = false;
        for (int i = 0; i < l.n; i++) {
            const SessionEvent *e = &l.ev[i];
            if ((e->type == EV_PAIN && e->set == 0) || e->type == EV_SIDE_CHOSEN)
                last_answer = i;
            if (e->type == EV_CUE && e->cue_kind == CUE_KIND_COUNT && e->step == 0 && !started)
                CHECK(e->voice == SESSION_VOICE_SPOKEN); /* the first 3-2-1: no "3", "2" dropped */
            if (e->type == EV_STEP_START)
                started = true;
        }
        for (int i = last_answer + 1; last_answer >= 0 && i < l.n && next_cue < 0; i++)
            if (l.ev[i].type == EV_CUE)
                next_cue = i;
        CHECK(last_answer > 0 && l.ev[last_answer].t_ms > 0 && next_cue > 0);
        if (next_cue > 0) { /* the intro, said as the question is answered */
            CHECK(l.ev[next_cue].voice == SESSION_VOICE_SPOKEN);
            CHECK(l.ev[next_cue].spoken_ms <= l.ev[last_answer].t_ms + 2 * VOICEQUEUE_GAP_MS);
        }
        log_free(&l);
        routine_free(&r);
        free(text);
    }
    if (d)
        closedir(d);
}

/* "It hurts" from the input file: hurt, its pain answer, rule N, then skip or quit. */
static void test_hurt_lines(void)
{
    CHECK_INT(parse("30 hurt\n31 pain 6\n32 rule 2\n32.5 rule none\n33 quit\n"), 0);
    CHECK_INT(in.count, 5);
    CHECK(in.items[0].actions == INPUT_HURT && in.items[0].t_ms == 30000);
    CHECK(in.items[1].actions == INPUT_PAIN && in.items[1].hurt_answer && in.items[1].pain == 6);
    CHECK(in.items[2].actions == INPUT_RULE && in.items[2].rule == 2);
    CHECK(in.items[3].actions == INPUT_RULE && in.items[3].rule == 0);
    /* only the first pain line after a hurt answers it; the others answer check-ins */
    CHECK_INT(parse("0 pain 3\n30 hurt\n30 pain 5\n30 pain 7\n"), 0);
    CHECK(!in.items[0].hurt_answer && in.items[2].hurt_answer && !in.items[3].hurt_answer);
    CHECK_BAD("9 rule 9\n", 1, 8, "1 to 8");
    CHECK_BAD("9 rule\n", 1, 7, "1 to 8");
    CHECK_BAD("9 rule 0\n", 1, 8, "'none'");
    CHECK_BAD("9 rule 1 2\n", 1, 10, "unexpected text");
    CHECK_BAD("9 hurt now\n", 1, 8, "unexpected text");
    CHECK_BAD("9 hurts\n", 1, 3, "hurt, rule or side");

    const char *src = "title \"H\"\nstop-if \"Pain spreads down your leg\"\nstop-if \"Numbness\"\n"
                      "move knee_rolls hold 30s\nmove pelvic_tilt hold 20s\nmove knee_rolls hold 10s\n";
    Routine r;
    CHECK_INT(routine_parse("r", src, strlen(src), &r, &errs), 0);
    Log l = {0};
    /* end the workout: before 3, hurt at 30 s (in the first get-ready), 6, rule 2, quit */
    CHECK_INT(parse("0 pain 3\n30 hurt\n31 pain 6\n32 rule 2\n33 quit\n"), 0);
    CHECK_INT(simulate_run(&r, &in, collect, &l), SIMULATE_DONE);
    CHECK(strstr(l.json, "{\"t\":30.000,\"type\":\"hurt\",\"index\":0,\"name\":\"Knee rolls\"}"));
    CHECK(strstr(l.json, "{\"t\":31.000,\"type\":\"pain\",\"when\":\"hurt\",\"pain\":6}"));
    CHECK(strstr(l.json, "{\"t\":32.000,\"type\":\"stop_rule\",\"rule\":2,\"text\":\"Numbness\"}"));
    CHECK(strstr(l.json, "{\"t\":33.000,\"type\":\"hurt_end\",\"action\":\"end\",\"index\":0}"));
    CHECK(strstr(l.json, "\"pain_before\":3,\"pain_after\":6,\"pain_stop\":true,\"stopped_for_pain\":true"));
    CHECK(strstr(l.json, "\"when\":\"after\"") == NULL); /* not asked twice */
    log_free(&l);
    /* skip the move for today, all at one time (1 s into the first hold, after the intro's way
     * down onto the back and the get-ready): the answers come one a tick */
    CHECK_INT(parse("34 hurt\n34 pain skip\n34 rule none\n34 skip\n"), 0);
    CHECK_INT(simulate_run(&r, &in, collect, &l), SIMULATE_DONE);
    check_run(&r, &l, false);
    CHECK(strstr(l.json, "\"type\":\"pain\",\"when\":\"hurt\",\"pain\":null"));
    CHECK(strstr(l.json, "\"type\":\"stop_rule\",\"rule\":null"));
    CHECK(strstr(l.json, "\"action\":\"skip_today\""));
    CHECK(strstr(l.json, "\"steps_done\":1,\"steps_skipped\":2"));
    CHECK(strstr(l.json, "\"pain_stop\":false,\"stopped_for_pain\":true"));
    int starts = 0;
    for (int i = 0; i < l.n; i++)
        starts += l.ev[i].type == EV_STEP_START;
    CHECK_INT(starts, 2); /* knee rolls (stopped), pelvic tilt; the second knee rolls skipped */
    log_free(&l);
    /* nothing left to answer it: the simulation stops and says why */
    CHECK_INT(parse("30 hurt\n31 pain 4\n"), 0);
    CHECK_INT(simulate_run(&r, &in, collect, &l), SIMULATE_STUCK_HURT);
    CHECK(l.n > 0 && l.ev[l.n - 1].type == EV_PAIN && l.ev[l.n - 1].set == 2);
    log_free(&l);
    routine_free(&r);
}

/* "side left|right|both|skip" answers "Which side hurts?" whenever it opens. */
static void test_side_lines(void)
{
    CHECK_INT(parse("0 side right\n5 side skip\n"), 0);
    CHECK(in.items[0].actions == INPUT_SIDE && in.items[0].side == SIDES_RIGHT);
    CHECK(in.items[1].side == SIDES_NONE);
    CHECK_BAD("0 side middle\n", 1, 8, "left, right, both or skip");
    CHECK_BAD("0 side\n", 1, 7, "left, right, both or skip");
    const char *src = "title \"S\"\nsides chosen\nmove knee_rolls hold 10s side away\n";
    Routine r;
    CHECK_INT(routine_parse("r", src, strlen(src), &r, &errs), 0);
    Log l = {0};
    CHECK_INT(parse("0 side right\n"), 0);
    CHECK_INT(simulate_run(&r, &in, collect, &l), SIMULATE_DONE);
    CHECK(strstr(l.json, "{\"t\":8.000,\"type\":\"side_chosen\",\"side\":\"right\"}"));
    CHECK(strstr(l.json,
                 "\"type\":\"step_start\",\"index\":0,\"move\":\"knee_rolls\",\"kind\":\"move\",\"side\":\"left\""));
    log_free(&l);
    /* no side line: asked of nobody, skipped at once, the step passed over */
    CHECK_INT(simulate_run(&r, NULL, collect, &l), SIMULATE_DONE);
    CHECK(strstr(l.json, "\"side\":null"));
    CHECK(!strstr(l.json, "\"type\":\"step_start\""));
    /* ... and the session's end counts it as left out, not as an exercise missed: 0 of 0 */
    CHECK(strstr(l.json, "\"exercises_done\":0,\"exercises\":0"));
    log_free(&l);
    /* "side both" ("Both / the middle"): the one-sided step on both sides, left then right */
    CHECK_INT(parse("0 side both\n"), 0);
    CHECK(in.items[0].actions == INPUT_SIDE && in.items[0].side == SIDES_BOTH);
    CHECK_INT(simulate_run(&r, &in, collect, &l), SIMULATE_DONE);
    CHECK(strstr(l.json, "\"type\":\"side_chosen\",\"side\":\"both\"}"));
    const char *first = strstr(
        l.json, "\"type\":\"step_start\",\"index\":0,\"move\":\"knee_rolls\",\"kind\":\"move\",\"side\":\"left\"");
    CHECK(first && strstr(first, "\"type\":\"step_start\",\"index\":0,\"move\":\"knee_rolls\",\"kind\":\"move\","
                                 "\"side\":\"right\""));
    CHECK(strstr(l.json, "\"completed\":true"));
    CHECK(strstr(l.json, "\"exercises_done\":1,\"exercises\":1"));
    log_free(&l);
    routine_free(&r);
}

/* A timer waits for Ready: "ready" in the input file is that press (a tap, as "rep"); the
 * "ready" line says whether it was pressed and how long it waited. */
static void test_ready_lines(void)
{
    CHECK_INT(parse("30 ready\n"), 0);
    CHECK_INT(in.count, 2);
    CHECK_INPUT(0, 30000, INPUT_PRESS);
    CHECK_INPUT(1, 30000 + SIMULATE_TAP_MS, INPUT_RELEASE);
    const char *src = "title \"Pack\"\ntimer 1m \"Lie on the pack.\"\n  name \"Cold pack\"\n";
    Routine r;
    CHECK_INT(routine_parse("r", src, strlen(src), &r, &errs), 0);
    Log l = {0};
    CHECK_INT(simulate_run(&r, &in, collect, &l), SIMULATE_DONE);
    check_run(&r, &l, true);
    /* on the back: the intro (8 s to 14 s, the figure standing), then the get-ready shows the way
     * down and waits */
    CHECK(strstr(l.json, "{\"t\":30.000,\"type\":\"ready\",\"index\":0,\"pressed\":true,\"waited\":16.000}"));
    CHECK(strstr(l.json, "{\"t\":30.000,\"type\":\"step_start\",\"index\":0,\"move\":\"rest\",\"kind\":\"timer\""));
    CHECK(strstr(l.json, "\"name\":\"Cold pack\",\"mode\":\"timer\""));
    log_free(&l);
    /* nobody presses: it starts by itself once the documented wait is over */
    CHECK_INT(simulate_run(&r, NULL, collect, &l), SIMULATE_DONE);
    char want[128];
    snprintf(want, sizeof want, "\"type\":\"ready\",\"index\":0,\"pressed\":false,\"waited\":%d.000}",
             SESSION_TIMER_READY_MS / 1000);
    CHECK(strstr(l.json, want));
    log_free(&l);
    routine_free(&r);
}

static void test_driver_inputs(void)
{
    /* a first move on all fours: one way down from standing over the intro, no time added (a first
     * move on the back adds the way onto all fours before the roll onto the back) */
    const char *src = "title \"Reps\"\nmove cat_camel reps 4 tempo 4s\nmove child_pose hold 30s\n";
    Routine r;
    CHECK_INT(routine_parse("r", src, strlen(src), &r, &errs), 0);
    /* work starts at 14 s + SESSION_READY_MS (21 s): a rep at the beat (+2 s) is on tempo; one between beats is not */
    CHECK_INT(parse("23 rep\n29 rep\n"), 0);
    Log l = {0};
    CHECK_INT(simulate_run(&r, &in, collect, &l), SIMULATE_DONE);
    check_run(&r, &l, true);
    int reps = 0;
    for (int i = 0; i < l.n; i++)
        if (l.ev[i].type == EV_REP) {
            CHECK(l.ev[i].on_tempo == (reps == 0));
            CHECK_INT(l.ev[i].t_ms, reps == 0 ? 23000 : 29000);
            reps++;
        }
    CHECK_INT(reps, 2);
    CHECK(strstr(l.json, "\"type\":\"rep\"") && strstr(l.json, "\"on_tempo\":true"));
    log_free(&l);

    /* a press and its release in the same tick are split over two ticks */
    CHECK_INT(parse("23 press\n23 release\n23.004 press\n"), 0);
    CHECK_INT(simulate_run(&r, &in, collect, &l), SIMULATE_DONE);
    int n = 0;
    for (int i = 0; i < l.n; i++)
        n += l.ev[i].type == EV_REP;
    CHECK_INT(n, 1); /* the second press is a bounce */
    log_free(&l);

    /* quit: results at once, not completed */
    CHECK_INT(parse("25 quit\n"), 0);
    CHECK_INT(simulate_run(&r, &in, collect, &l), SIMULATE_DONE);
    check_run(&r, &l, false);
    CHECK_INT(l.ev[l.n - 1].t_ms, 25000);
    log_free(&l);

    /* paused with nothing left to resume it: stops at once instead of running forever */
    CHECK_INT(parse("20 pause\n"), 0);
    CHECK_INT(simulate_run(&r, &in, collect, &l), SIMULATE_STUCK_PAUSED);
    CHECK(l.n > 0 && l.ev[l.n - 1].type == EV_PAUSE && l.ev[l.n - 1].t_ms == 20000);
    log_free(&l);
    /* ... but a later resume keeps it going */
    CHECK_INT(parse("20 pause\n3000 resume\n"), 0);
    CHECK_INT(simulate_run(&r, &in, collect, &l), SIMULATE_DONE);
    check_run(&r, &l, true);
    log_free(&l);
    /* inputs after the end are harmless */
    CHECK_INT(parse("80000 skip\n"), 0);
    CHECK_INT(simulate_run(&r, &in, collect, &l), SIMULATE_DONE);
    check_run(&r, &l, true);
    log_free(&l);

    /* pain answers: each waits for the next check-in to open and answers it; with none left,
     * check-ins are skipped at once, so the timings above stay as they were */
    CHECK_INT(parse("0 pain 2\n0 pain 4\n23 rep\n"), 0);
    CHECK_INT(simulate_run(&r, &in, collect, &l), SIMULATE_DONE);
    check_run(&r, &l, true);
    {
        int pains = 0;
        for (int i = 0; i < l.n; i++) {
            if (l.ev[i].type == EV_PAIN) {
                CHECK_INT(l.ev[i].n, pains == 0 ? 2 : 4);
                CHECK_INT(l.ev[i].set, pains);
                if (pains == 0)
                    CHECK_INT(l.ev[i].t_ms, SESSION_SAFETY_MS);
                pains++;
            }
            if (l.ev[i].type == EV_REP)
                CHECK(l.ev[i].on_tempo && l.ev[i].t_ms == 23000);
        }
        CHECK_INT(pains, 2);
        CHECK(strstr(l.json, "\"pain_before\":2,\"pain_after\":4,\"pain_stop\":true"));
    }
    log_free(&l);
    /* an answer given later than the check-in: it waits for it (here 2 s), and the after
     * check-in, with no answer left, is skipped at once */
    CHECK_INT(parse("10 pain 5\n"), 0);
    CHECK_INT(simulate_run(&r, &in, collect, &l), SIMULATE_DONE);
    {
        int first = -1;
        for (int i = 0; i < l.n; i++)
            if (l.ev[i].type == EV_PAIN && first < 0)
                first = i;
        CHECK(first >= 0 && l.ev[first].t_ms == 10000 && l.ev[first].n == 5);
        CHECK(strstr(l.json, "\"pain_before\":5,\"pain_after\":null"));
        CHECK(strstr(l.json, "\"type\":\"pain\",\"when\":\"after\",\"pain\":null"));
    }
    log_free(&l);
    /* one far too late: the before check-in is skipped after SESSION_CHECKIN_WAIT_MS, and the answer
     * goes to the after check-in; "pain skip" skips one */
    CHECK_INT(parse("0 pain skip\n0 pain 1\n"), 0);
    CHECK_INT(simulate_run(&r, &in, collect, &l), SIMULATE_DONE);
    CHECK(strstr(l.json, "\"pain_before\":null,\"pain_after\":1"));
    log_free(&l);
    CHECK_INT(parse("100 pain 1\n"), 0);
    CHECK_INT(simulate_run(&r, &in, collect, &l), SIMULATE_DONE);
    CHECK(strstr(l.json, "\"pain_before\":null,\"pain_after\":1"));
    CHECK(strstr(l.json, "{\"t\":68.000,\"type\":\"pain\",\"when\":\"before\",\"pain\":null}"));
    log_free(&l);
    /* paused at a check-in with an answer still to come: not stuck; the answer resumes */
    CHECK_INT(parse("8.5 pause\n30 pain 3\n"), 0);
    CHECK_INT(simulate_run(&r, &in, collect, &l), SIMULATE_DONE);
    CHECK(strstr(l.json, "\"pain_before\":3"));
    log_free(&l);
    /* paused outside a check-in with only an answer left: stuck, and said so */
    CHECK_INT(parse("2 pause\n30 pain 3\n"), 0);
    CHECK_INT(simulate_run(&r, &in, collect, &l), SIMULATE_STUCK_PAUSED);
    log_free(&l);

    /* simulate_until leaves the session at the time asked for */
    Session s;
    CHECK_INT(simulate_until(&r, NULL, 22000, &s), 0);
    CHECK_INT(s.t_ms, 22000);
    SessionView v = session_view(&s, 0);
    CHECK_INT(v.kind, SEG_WORK);
    CHECK_INT(v.step_index, 0);
    CHECK_INT(v.elapsed_ms, 1000);
    session_free(&s);
    CHECK_INT(parse("1 pause\n"), 0);
    CHECK_INT(simulate_until(&r, &in, 5000, &s), 0);
    CHECK(s.paused);
    CHECK_INT(session_view(&s, 0).kind, SEG_SAFETY);
    session_free(&s);
    CHECK_INT(simulate_until(&r, NULL, 10000000, &s), 0);
    CHECK(session_over(&s));
    session_free(&s);
    routine_free(&r);
}

/* What the results say, run through the driver as --simulate runs it: a walk-away (nothing pressed
 * where a press scores) is told plainly and kindly, a run that pressed is told "Well done", and the
 * caption on the results screen is what is said. */
static void results_said(const Routine *r, const char *input, const char *said, const char *not_said)
{
    CHECK_INT(parse(input), 0);
    Log l = {0};
    CHECK_INT(simulate_run(r, &in, collect, &l), SIMULATE_DONE);
    CHECK_INT(cues_of(&l, said), 1);
    CHECK_INT(cues_of(&l, not_said), 0);
    CHECK(strstr(l.json, said) != NULL); /* the JSON Lines --simulate prints */
    int64_t end = -1;
    for (int i = 0; i < l.n; i++)
        if (l.ev[i].type == EV_SESSION_END)
            end = l.ev[i].t_ms;
    CHECK(end > 0);
    Session s;
    CHECK_INT(parse(input), 0);
    CHECK_INT(simulate_until(r, &in, end + 500, &s), 0);
    SessionView v = session_view(&s, 0);
    CHECK_INT(v.kind, SEG_RESULTS);
    CHECK_STR(v.caption, said);
    if (said != session_phrase(PHRASE_ENDED)) /* a quit says "Workout ended." however much was pressed */
        CHECK(session_score_unpressed(&s.score) == (said == PH_UNPRESSED));
    /* the verdict under the score says nothing was counted, whatever timed holds earned by time */
    if (said != session_phrase(PHRASE_ENDED))
        CHECK((strncmp(session_verdict(&s.score), "Nothing was pressed", 19) == 0) == (said == PH_UNPRESSED));
    session_free(&s);
    log_free(&l);
}

static void test_walk_away(void)
{
    const char *src = "title \"Reps\"\nmove cat_camel reps 4 tempo 4s\nmove knee_to_chest hold open\n";
    Routine r;
    CHECK_INT(routine_parse("r", src, strlen(src), &r, &errs), 0);
    /* nobody pressed: every step ran by time, nothing scored by a press */
    results_said(&r, "", PH_UNPRESSED, PH_COMPLETE);
    /* one rep counted: a press that scored */
    results_said(&r, "23 rep\n", PH_COMPLETE, PH_UNPRESSED);
    /* quit: neither */
    results_said(&r, "23 quit\n", session_phrase(PHRASE_ENDED), PH_UNPRESSED);
    routine_free(&r);
    /* a routine of timed holds only asks for no press: a run of it is praised whoever pressed */
    src = "title \"Hold\"\nmove child_pose hold 30s\n";
    CHECK_INT(routine_parse("r", src, strlen(src), &r, &errs), 0);
    results_said(&r, "", PH_COMPLETE, PH_UNPRESSED);
    routine_free(&r);
    /* but a timed hold beside reps does not tell that anyone was there (Desk break, Gentle start):
     * nobody pressed is a walk-away though the hold scored by time; one press anywhere in the
     * steps (Ready, a rep, even during the hold) is someone there */
    src = "title \"Mixed\"\nmove child_pose hold 30s\nmove bridge reps 4 tempo 4s\n";
    CHECK_INT(routine_parse("r", src, strlen(src), &r, &errs), 0);
    results_said(&r, "", PH_UNPRESSED, PH_COMPLETE);
    results_said(&r, "40 rep\n", PH_COMPLETE, PH_UNPRESSED);
    routine_free(&r);
}

/* Doses that build: the simulation plays today's dose after N completed workouts (--completed N). */
static void test_progression(void)
{
    const char *src = "title \"P\"\nmove bridge\n  reps 5 building to 30 by 2 every 3 workouts tempo 2s\n"
                      "move child_pose\n  hold 10s building to 20s by 5s every 2 workouts\n";
    Routine r;
    CHECK_INT(routine_parse("p.routine", src, strlen(src), &r, &errs), 0);
    static const int completed[] = {0, 3, 7, 200};
    static const int want_reps[] = {5, 7, 9, 30};
    static const char *const want_hold[] = {"\"hold\":10.000,", "\"hold\":15.000,", "\"hold\":20.000,",
                                            "\"hold\":20.000,"};
    for (int k = 0; k < 4; k++) {
        routine_apply_progress(&r, completed[k]);
        Log l = {0};
        CHECK_INT(simulate_run(&r, NULL, collect, &l), SIMULATE_DONE);
        check_run(&r, &l, true);
        char want[96];
        snprintf(want, sizeof want, "\"reps\":%d,\"reps_building_to\":30}", want_reps[k]);
        CHECK(strstr(l.json, want) != NULL);
        CHECK(strstr(l.json, want_hold[k]) != NULL);
        CHECK(strstr(l.json, "\"hold_building_to\":20.000}") != NULL);
        /* the step lasts today's reps at the tempo, and today's reps are the target scored */
        for (int i = 0; i < l.n; i++)
            if (l.ev[i].type == EV_STEP_START && l.ev[i].step == 0)
                CHECK_INT(l.ev[i].n, want_reps[k] * 2000);
        snprintf(want, sizeof want, "\"reps_target\":%d,", want_reps[k]);
        CHECK(strstr(l.json, want) != NULL);
        log_free(&l);
    }
    routine_free(&r);
}

int main(void)
{
    {
        RoutineErrors e;
        const char *s = "0 side left\n";
        CHECK_INT(inputscript_parse("side.txt", s, strlen(s), &side_left, &e), 0);
        const char *a = "0 pain 2\n0 side left\n";
        CHECK_INT(inputscript_parse("answers.txt", a, strlen(a), &answer_at_once, &e), 0);
    }
    test_side_lines();
    test_hurt_lines();
    test_progression();
    test_actions();
    test_comments_and_space();
    test_pain_lines();
    test_sorting();
    test_errors();
    test_limits();
    test_levels();
    test_driver_inputs();
    test_walk_away();
    test_ready_lines();
    test_voice_plan();
    test_at_once();
    inputscript_free(&in);
    inputscript_free(&side_left);
    inputscript_free(&answer_at_once);
    return TEST_END();
}
