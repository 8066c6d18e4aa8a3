/* test_routine.c: the .routine parser against every construct of the language and every error
 * it must report, with exact positions where a user would look for them. Core only: no SDL,
 * no files; every input is a string built here. */
#include <stdlib.h>
#include <string.h>

#include "routine.h"
#include "voicekey.h"
#include "testutil.h"

/* ---- helpers ---- */

static Routine r;
static RoutineErrors errs;

/* Parse a NUL-terminated string as "t.routine". */
static int parse(const char *src)
{
    routine_free(&r);
    return routine_parse("t.routine", src, strlen(src), &r, &errs);
}

static int parse_n(const char *src, size_t len)
{
    routine_free(&r);
    return routine_parse("t.routine", src, len, &r, &errs);
}

/* Index of the first error at line (and col when col > 0) whose message holds needle, or -1. */
static int find_error(int line, int col, const char *needle)
{
    for (int i = 0; i < errs.count; i++) {
        const RoutineError *e = &errs.items[i];
        if (e->line == line && (col <= 0 || e->col == col) && strstr(e->message, needle))
            return i;
    }
    return -1;
}

static void dump_errors(void)
{
    char b[512];
    for (int i = 0; i < errs.count; i++) {
        routine_error_format(&errs.items[i], b, sizeof b);
        fprintf(stderr, "    got: %s\n", b);
    }
}

/* Expect src to fail with an error at line:col (col 0: any) mentioning needle. */
#define CHECK_ERROR(src, line, col, needle)                                                                            \
    do {                                                                                                               \
        int rc_ = parse(src);                                                                                          \
        CHECK(rc_ == -1);                                                                                              \
        int at_ = find_error((line), (col), (needle));                                                                 \
        CHECK(at_ >= 0);                                                                                               \
        if (at_ < 0)                                                                                                   \
            dump_errors();                                                                                             \
        CHECK(r.step_count == 0 && r.steps == NULL && r.title == NULL);                                                \
    } while (0)

#define HEAD "title \"T\"\n"

/* ---- the language ---- */

/* Exercises are the steps the user does (moves, timers), not rests: one count for the menu, the
 * intro, the header and the results. */
static void test_exercises(void)
{
    char b[32];
    CHECK_INT(parse(HEAD "timer 1m \"Cold pack on.\"\nrest 30s\nmove child_pose\n  hold 30s\nrest 10s\n"), 0);
    CHECK_INT(r.step_count, 4);
    CHECK_INT(routine_exercise_count(&r), 2);
    CHECK(routine_step_is_exercise(&r.steps[0]) && !routine_step_is_exercise(&r.steps[1]));
    routine_exercises_text(routine_exercise_count(&r), b, sizeof b);
    CHECK_STR(b, "2 exercises");
    routine_exercises_text(1, b, sizeof b);
    CHECK_STR(b, "1 exercise");
}

static void test_minimal(void)
{
    CHECK_INT(parse(HEAD "move child_pose\n  hold 30s\n"), 0);
    CHECK_INT(errs.count, 0);
    CHECK_STR(r.title, "T");
    CHECK_INT(r.level, 0);
    CHECK(r.description == NULL);
    CHECK(r.intro == NULL);
    CHECK_INT(r.step_count, 1);
    const RoutineStep *s = &r.steps[0];
    CHECK_INT(s->kind, STEP_MOVE);
    CHECK_INT(s->move, MOVE_CHILD_POSE);
    CHECK_INT(s->line, 2);
    CHECK_INT(s->hold_ms, 30000);
    CHECK_INT(s->hold_breaths, 0);
    CHECK_INT(s->reps, 0);
    CHECK_INT(s->tempo_ms, 0);
    CHECK_INT(s->sides, SIDES_NONE);
    CHECK_INT(s->sets, 1);
    CHECK_INT(s->set_rest_ms, 0);
    CHECK_INT(s->pacing, PACING_GUIDED);
    CHECK(!s->confirm_hold);
    CHECK(!s->count_aloud);
    CHECK_INT(s->cue_count, 0);
}

static void test_header(void)
{
    CHECK_INT(parse("title \"Gentle\"\nlevel 3\ndescription \"About 6 minutes.\"\nintro \"Breathe.\"\n"
                    "move bridge hold 10s\n"),
              0);
    CHECK_STR(r.title, "Gentle");
    CHECK_INT(r.level, 3);
    CHECK_STR(r.description, "About 6 minutes.");
    CHECK_STR(r.intro, "Breathe.");
    CHECK_INT(r.steps[0].move, MOVE_BRIDGE);
    /* level bounds */
    CHECK_INT(parse("title \"T\"\nlevel 99\nmove bridge hold 10s\n"), 0);
    CHECK_INT(r.level, 99);
}

static void test_every_move(void)
{
    static const struct {
        const char *id;
        MoveId m;
        bool sided;
    } moves[] = {
        {"child_pose", MOVE_CHILD_POSE, false},     {"cat_camel", MOVE_CAT_CAMEL, false},
        {"forward_fold", MOVE_FORWARD_FOLD, false}, {"spinal_twist", MOVE_SPINAL_TWIST, true},
        {"superman", MOVE_SUPERMAN, false},         {"bridge", MOVE_BRIDGE, false},
        {"bird_dog", MOVE_BIRD_DOG, true},
    };
    for (size_t i = 0; i < sizeof moves / sizeof *moves; i++) {
        char src[128];
        snprintf(src, sizeof src, HEAD "move %s\n  hold 20s\n", moves[i].id);
        CHECK_INT(parse(src), 0);
        CHECK_INT(r.steps[0].move, moves[i].m);
        /* sided moves default to both sides, the rest to none */
        CHECK_INT(r.steps[0].sides, moves[i].sided ? SIDES_BOTH : SIDES_NONE);
    }
    /* idle and rest are catalogue entries a routine cannot name */
    CHECK_ERROR(HEAD "move idle hold 3s\n", 2, 6, "unknown move");
    CHECK_ERROR(HEAD "move rest hold 3s\n", 2, 6, "unknown move");
}

static void test_hold(void)
{
    CHECK_INT(parse(HEAD "move child_pose\n hold 3 breaths\n"), 0);
    CHECK_INT(r.steps[0].hold_breaths, 3);
    CHECK_INT(r.steps[0].hold_ms, 3 * ROUTINE_BREATH_MS);
    CHECK_INT(parse(HEAD "move child_pose\n hold 1 breath\n"), 0);
    CHECK_INT(r.steps[0].hold_breaths, 1);
    CHECK_INT(r.steps[0].hold_ms, ROUTINE_BREATH_MS);
    CHECK_INT(parse(HEAD "move child_pose hold 30 breaths\n"), 0);
    CHECK_INT(r.steps[0].hold_ms, 30 * ROUTINE_BREATH_MS);
    CHECK_INT(r.steps[0].line, 2);
}

static void test_durations(void)
{
    static const struct {
        const char *text;
        int ms;
    } ok[] = {
        {"30s", 30000},  {"1m30s", 90000}, {"1.5s", 1500}, {"1500ms", 1500},    {"1h", 3600000},  {"2m", 120000},
        {"1m5s", 65000}, {"0.25m", 15000}, {"1s", 1000},   {"59m59s", 3599000}, {"1.125s", 1125},
    };
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
        char src[128];
        snprintf(src, sizeof src, HEAD "move child_pose hold %s\n", ok[i].text);
        CHECK_INT(parse(src), 0);
        CHECK_INT(r.step_count == 1 ? r.steps[0].hold_ms : -1, ok[i].ms);
    }
    CHECK_INT(parse(HEAD "timer 20m\n"), 0);
    CHECK_INT(r.steps[0].duration_ms, 20 * 60000);
    CHECK_INT(parse(HEAD "rest 500ms\n"), -1); /* under the 1 s minimum */
    CHECK(find_error(2, 6, "at least 1s") >= 0);
}

static void test_reps(void)
{
    CHECK_INT(parse(HEAD "move cat_camel\n  reps 8\n"), 0);
    const RoutineStep *s = &r.steps[0];
    CHECK_INT(s->reps, 8);
    CHECK_INT(s->reps_max, 8);
    CHECK_INT(s->tempo_ms, 4000); /* the move's default tempo */
    CHECK_INT(s->hold_ms, 0);

    CHECK_INT(parse(HEAD "move child_pose\n  reps 5\n"), 0);
    CHECK_INT(r.steps[0].tempo_ms, 6000); /* child_pose's default differs */

    CHECK_INT(parse(HEAD "move cat_camel\n  reps 8-10\n"), 0);
    CHECK_INT(r.steps[0].reps, 8);
    CHECK_INT(r.steps[0].reps_max, 10);

    /* several clauses on one line, tempo and a hold at the top of each rep */
    CHECK_INT(parse(HEAD "move bridge\n  reps 8 tempo 5s hold 2s sets 3 rest 45s pacing self count-aloud\n"), 0);
    s = &r.steps[0];
    CHECK_INT(s->reps, 8);
    CHECK_INT(s->tempo_ms, 5000);
    CHECK_INT(s->hold_ms, 2000);
    CHECK_INT(s->sets, 3);
    CHECK_INT(s->set_rest_ms, 45000);
    CHECK_INT(s->pacing, PACING_SELF);
    CHECK(s->count_aloud);
    CHECK_INT(routine_step_run_ms(s), 8 * 7000);

    CHECK_INT(parse(HEAD "move cat_camel reps 1-100\n"), 0);
    CHECK_INT(r.steps[0].reps_max, 100);
}

static void test_sides_sets_pacing(void)
{
    static const struct {
        const char *word;
        Sides sides;
    } sides[] = {
        {"both", SIDES_BOTH}, {"each", SIDES_BOTH}, {"left", SIDES_LEFT}, {"right", SIDES_RIGHT}, {"none", SIDES_NONE},
    };
    for (size_t i = 0; i < sizeof sides / sizeof *sides; i++) {
        char src[128];
        snprintf(src, sizeof src, HEAD "move spinal_twist\n  hold 20s\n  sides %s\n", sides[i].word);
        CHECK_INT(parse(src), 0);
        CHECK_INT(r.steps[0].sides, sides[i].sides);
        snprintf(src, sizeof src, HEAD "move child_pose hold 20s sides %s\n", sides[i].word);
        CHECK_INT(parse(src), 0);
        CHECK_INT(r.steps[0].sides, sides[i].sides);
    }
    CHECK_INT(parse(HEAD "move bird_dog reps 6\n"), 0);
    CHECK_INT(r.steps[0].sides, SIDES_BOTH);

    CHECK_INT(parse(HEAD "move superman reps 6\n sets 3\n"), 0);
    CHECK_INT(r.steps[0].sets, 3);
    CHECK_INT(r.steps[0].set_rest_ms, 30000); /* the default rest between sets */
    CHECK_INT(parse(HEAD "move superman reps 6\n sets 2 rest 1m\n"), 0);
    CHECK_INT(r.steps[0].set_rest_ms, 60000);
    CHECK_INT(parse(HEAD "move superman reps 6\n sets 1\n"), 0);
    CHECK_INT(r.steps[0].set_rest_ms, 0);
    CHECK_INT(parse(HEAD "move superman reps 6 sets 10\n"), 0);
    CHECK_INT(r.steps[0].sets, 10);

    CHECK_INT(parse(HEAD "move superman reps 6\n pacing guided\n"), 0);
    CHECK_INT(r.steps[0].pacing, PACING_GUIDED);
    CHECK_INT(parse(HEAD "move superman reps 6\n pacing self\n"), 0);
    CHECK_INT(r.steps[0].pacing, PACING_SELF);

    CHECK_INT(parse(HEAD "move child_pose hold 30s\n confirm-hold\n count-aloud\n"), 0);
    CHECK(r.steps[0].confirm_hold);
    CHECK(r.steps[0].count_aloud);
}

static void test_cues(void)
{
    CHECK_INT(parse(HEAD "move cat_camel reps 8 tempo 4s\n"
                         "  say start \"a\"\n"
                         "  say end \"b\"\n"
                         "  say half \"c\"\n"
                         "  say each-rep \"d\"\n"
                         "  say start+5s \"e\"\n"
                         "  say end-10s \"f\"\n"
                         "  say 5s \"g\"\n"
                         "  say start+500ms \"h\"\n"),
              0);
    const RoutineStep *s = &r.steps[0];
    CHECK_INT(s->cue_count, 8);
    static const struct {
        CueAnchor a;
        int off;
        const char *text;
    } want[] = {
        {CUE_START, 0, "a"},    {CUE_END, 0, "b"},     {CUE_HALF, 0, "c"},     {CUE_EACH_REP, 0, "d"},
        {CUE_START, 5000, "e"}, {CUE_END, 10000, "f"}, {CUE_START, 5000, "g"}, {CUE_START, 500, "h"},
    };
    for (int i = 0; i < s->cue_count && i < 8; i++) {
        CHECK_INT(s->cues[i].anchor, want[i].a);
        CHECK_INT(s->cues[i].offset_ms, want[i].off);
        CHECK_STR(s->cues[i].text, want[i].text);
        CHECK_INT(s->cues[i].line, 3 + i);
    }
    /* a cue exactly at the end of the step is inside it */
    CHECK_INT(parse(HEAD "move child_pose hold 30s\n say start+30s \"x\"\n say end-30s \"y\"\n"), 0);
    CHECK_INT(r.steps[0].cue_count, 2);
    /* the cue limit */
    char src[4096] = HEAD "move child_pose hold 30s\n";
    for (int i = 0; i < ROUTINE_MAX_CUES; i++)
        strcat(src, " say half \"x\"\n");
    CHECK_INT(parse(src), 0);
    CHECK_INT(r.steps[0].cue_count, ROUTINE_MAX_CUES);
    strcat(src, " say half \"one too many\"\n");
    CHECK_ERROR(src, 3 + ROUTINE_MAX_CUES, 2, "too many say lines");
}

static void test_review_errors(void)
{
    /* count-aloud belongs to a move; clauses given twice; end-Ns with self pacing */
    CHECK_ERROR(HEAD "rest 10s\n  count-aloud\n", 3, 3, "belongs to a move");
    CHECK_ERROR(HEAD "move cat_camel\n  reps 8 tempo 4s tempo 5s\n", 3, 19, "'tempo' given twice");
    CHECK_ERROR(HEAD "move bird_dog\n  hold 5s\n  sides both\n  sides left\n", 5, 3, "'sides' given twice");
    CHECK_ERROR(HEAD "move bridge\n  reps 8\n  sets 2\n  sets 3\n", 5, 3, "'sets' given twice");
    CHECK_ERROR(HEAD "move bridge\n  reps 8\n  pacing self\n  pacing guided\n", 5, 3, "'pacing' given twice");
    CHECK_ERROR(HEAD "move bridge\n  reps 8\n  pacing self\n  say end-5s \"x\"\n", 5, 7, "not known in advance");
    CHECK_INT(parse(HEAD "move bridge\n  reps 8\n  pacing self\n  say end \"x\"\n  say half \"y\"\n"), 0);
    /* one mistake, one message: no follow-on complaints about the same step */
    CHECK_INT(parse(HEAD "move bird_dog\n  reps 8-6\n  pacing self\n"), -1);
    CHECK_INT(errs.count, 1);
    CHECK_INT(parse(HEAD "move bridge\n  rep 10\n"), -1);
    CHECK_INT(errs.count, 1);
    CHECK_INT(parse(HEAD "move bridge\n  reps 0 tempo 4s\n"), -1);
    CHECK_INT(errs.count, 1);
}

/* The parser names the kind of work each step does, once. */
static void test_modes(void)
{
    CHECK_INT(parse(HEAD "move child_pose hold 30s\n"
                         "move bridge hold 10s confirm-hold\n"
                         "move cat_camel reps 8\n"
                         "move cat_camel reps 8 pacing self\n"
                         "move bird_dog reps 4 hold 3s pacing guided\n"
                         "rest 10s\n"
                         "timer 1m\n"),
              0);
    CHECK_INT(r.step_count, 7);
    StepMode want[] = {MODE_HOLD,        MODE_HOLD_CONFIRMED, MODE_REPS_GUIDED, MODE_REPS_SELF,
                       MODE_REPS_GUIDED, MODE_REST,           MODE_TIMER};
    for (int i = 0; i < 7 && i < r.step_count; i++) {
        CHECK_INT(r.steps[i].mode, want[i]);
        CHECK_INT(routine_step_mode(&r.steps[i]), want[i]);
    }
    CHECK_STR(routine_mode_name(MODE_REPS_SELF), "self_paced_reps");
    CHECK_STR(routine_mode_name(MODE_HOLD_CONFIRMED), "confirmed_hold");
}

/* Part 9: names, ranges, open holds, breaths, alternating sides, once-only cues, stop rules. */
static void test_part9_language(void)
{
    CHECK_INT(parse(HEAD "stop-if \"Pain spreads down your leg\"\n"
                         "stop-if \"Numbness or tingling\"\n"
                         "breath 6s\n"
                         "move spinal_twist\n"
                         "  name \"Knee rolls\"\n"
                         "  reps 8\xE2\x80\x93"
                         "10 each side tempo 4s hold 2s\n"
                         "  sides alternate\n"
                         "  say once start \"Lie on your back, knees bent.\"\n"
                         "move child_pose hold 3-5 breaths\n"
                         "move bridge hold 5-10s\n"
                         "move superman hold 5s-10s\n"
                         "move bridge hold up to 10s\n"
                         "move cat_camel hold open\n"
                         "move bird_dog reps 10 in all sides alternate\n"
                         "move cat_camel reps 5 each side\n"
                         "timer 10m \"Cold pack\"\n  name \"Cold pack\"\n"
                         "rest 10s\n  name \"Breather\"\n"),
              0);
    if (r.step_count != 10) {
        CHECK_INT(r.step_count, 10);
        dump_errors();
        return;
    }
    CHECK_INT(r.stop_if_count, 2);
    CHECK_STR(r.stop_if[0], "Pain spreads down your leg");
    CHECK_STR(r.stop_if[1], "Numbness or tingling");
    CHECK_INT(r.breath_ms, 6000);
    const RoutineStep *k = &r.steps[0];
    CHECK_STR(k->name, "Knee rolls");
    CHECK_STR(routine_step_name(k), "Knee rolls");
    CHECK_STR(k->ready_text, "Get ready. Next: Knee rolls.");
    CHECK_INT(k->reps, 8);
    CHECK_INT(k->reps_max, 10);
    CHECK_INT(k->sides, SIDES_ALTERNATE);
    CHECK_INT(k->reps_count, REPS_EACH_SIDE);
    CHECK(k->cue_count == 1 && k->cues[0].once && k->cues[0].anchor == CUE_START);
    CHECK_INT(routine_step_runs(k), 16);
    CHECK_INT(routine_run_side(k, 0), SIDES_LEFT);
    CHECK_INT(routine_run_side(k, 1), SIDES_RIGHT);
    CHECK_INT(routine_run_reps(k, 5), 1);
    CHECK_INT(routine_step_total_ms(k), 16 * 6000);
    const RoutineStep *b = &r.steps[1];
    CHECK(b->hold_breaths == 3 && b->hold_breaths_max == 5 && b->hold_ms == 18000 && b->hold_max_ms == 30000);
    CHECK_STR(b->ready_text, "Get ready. Next: Child's pose.");
    CHECK(r.steps[2].hold_ms == 5000 && r.steps[2].hold_max_ms == 10000 && r.steps[2].mode == MODE_HOLD);
    CHECK(r.steps[3].hold_ms == 5000 && r.steps[3].hold_max_ms == 10000);
    CHECK(r.steps[4].hold_up_to && r.steps[4].hold_ms == 10000 && r.steps[4].mode == MODE_HOLD_UNTIL_PRESS);
    CHECK(r.steps[5].hold_open && r.steps[5].hold_ms == ROUTINE_OPEN_HOLD_MS);
    CHECK_INT(r.steps[5].mode, MODE_HOLD_UNTIL_PRESS);
    CHECK_INT(r.steps[6].reps_count, REPS_IN_ALL);
    CHECK_INT(routine_step_runs(&r.steps[6]), 10);
    CHECK_INT(r.steps[7].sides, SIDES_BOTH); /* "each side" makes the step sided */
    CHECK_INT(routine_step_runs(&r.steps[7]), 2);
    CHECK_INT(routine_run_reps(&r.steps[7], 1), 5);
    CHECK_STR(r.steps[8].ready_text, "Get ready. Next: Cold pack.");
    CHECK_STR(routine_step_name(&r.steps[8]), "Cold pack");
    CHECK_STR(routine_step_name(&r.steps[9]), "Breather");
    /* in all on both sides: the left side takes the odd rep */
    CHECK_INT(parse(HEAD "move bird_dog reps 9 in all sides both\n"), 0);
    CHECK_INT(routine_run_reps(&r.steps[0], 0), 5);
    CHECK_INT(routine_run_reps(&r.steps[0], 1), 4);
    /* an alternating held step: one hold each side; default breath length */
    CHECK_INT(parse(HEAD "move spinal_twist hold 20s sides alternate\nmove child_pose hold 2 breaths\n"), 0);
    CHECK_INT(routine_step_runs(&r.steps[0]), 2);
    CHECK_INT(r.steps[1].hold_ms, 2 * ROUTINE_BREATH_MS);
    CHECK_STR(routine_step_name(&r.steps[0]), "Spinal twist");
}

static void test_part9_errors(void)
{
    CHECK_ERROR(HEAD "move child_pose hold 10-5s\n", 2, 22, "low to high");
    CHECK_ERROR(HEAD "move child_pose hold 5-10x\n", 2, 22, "bad duration");
    CHECK_ERROR(HEAD "move child_pose hold up 10s\n", 2, 25, "expected 'to'");
    CHECK_ERROR(HEAD "move child_pose hold up to 5-10s\n", 2, 28, "one duration");
    CHECK_ERROR(HEAD "move child_pose hold 5-3 breaths\n", 2, 22, "low to high");
    CHECK_ERROR(HEAD "move cat_camel reps 10\xE2\x80\x93"
                     "8\n",
                2, 21, "low-high");
    CHECK_ERROR(HEAD "move cat_camel reps 5 each leg\n", 2, 28, "expected 'each side'");
    CHECK_ERROR(HEAD "move cat_camel reps 5 in total\n", 2, 26, "expected 'in all'");
    CHECK_ERROR(HEAD "move cat_camel reps 5 in all\n", 2, 23, "'in all' needs");
    CHECK_ERROR(HEAD "move cat_camel\n  reps 5 hold open\n", 2, 1, "a hold ended by a press");
    CHECK_ERROR(HEAD "move bridge\n  hold open confirm-hold\n", 2, 1, "one or the other");
    CHECK_ERROR(HEAD "move bridge hold 5s\n  name \"A\"\n  name \"B\"\n", 4, 3, "'name' given twice");
    CHECK_ERROR(HEAD "move bridge hold 5s name Bridge\n", 2, 26, "quoted string");
    CHECK_ERROR(HEAD "move bridge hold 5s\n  name \"A very long name that is really a sentence and not a heading at "
                     "all\"\n",
                3, 8, "a heading");
    CHECK_ERROR(HEAD "move bridge hold 5s\nstop-if \"Pain\"\n", 3, 1, "top of the file");
    CHECK_ERROR(HEAD "stop-if\nmove bridge hold 5s\n", 2, 8, "quoted string");
    CHECK_ERROR(HEAD "breath 1s\nmove bridge hold 5s\n", 2, 8, "at least");
    CHECK_ERROR(HEAD "breath 20s\nmove bridge hold 5s\n", 2, 1, "at most 12s");
    CHECK_ERROR(HEAD "breath 5s\nbreath 6s\nmove bridge hold 5s\n", 3, 1, "given twice");
    CHECK_ERROR(HEAD "move bridge hold 5s\n  say once \"x\"\n", 3, 12, "after 'once'");
    CHECK_ERROR(HEAD "move bridge hold 5s\n  sides sometimes\n", 3, 9, "alternate");
    /* a text over the limit in a rest is reported once, not twice */
    char src[700];
    snprintf(src, sizeof src, HEAD "rest 10s \"%0500d\"\n", 0);
    CHECK_ERROR(src, 2, 10, "longer than");
    CHECK_INT(errs.count, 1);
}

/* "phase": a rep made of named, held phases. */
static void test_phases(void)
{
    CHECK_INT(parse(HEAD "move pelvic_tilt\n  name \"Pelvic tilt\"\n  reps 10\n  phase \"Flatten your back\" 5s\n"
                         "  phase \"Relax\" 3s\n"),
              0);
    const RoutineStep *st = &r.steps[0];
    CHECK_INT(st->phase_count, 2);
    CHECK_STR(st->phases[0].text, "Flatten your back");
    CHECK_INT(st->phases[0].ms, 5000);
    CHECK_INT(st->phases[1].ms, 3000);
    CHECK_INT(st->phases[0].line, 5);
    CHECK_INT(st->tempo_ms, 8000); /* the rep is its phases */
    CHECK_INT(st->hold_ms, 0);
    CHECK_INT(st->mode, MODE_REPS_GUIDED);
    CHECK_INT(routine_step_run_ms(st), 80000);
    /* the phases' words are texts to be spoken: voicegen renders them */
    const char *texts[64];
    int n = voicekey_routine_texts(&r, texts, 64), found = 0;
    for (int i = 0; i < n; i++)
        found += strcmp(texts[i], "Relax") == 0;
    CHECK_INT(found, 1);
    /* each mistake at its LINE:COL */
    CHECK_ERROR(HEAD "move pelvic_tilt\n  reps 5\n  phase \"Flatten\" 5s\n", 4, 3, "two or more");
    CHECK_ERROR(HEAD "move pelvic_tilt\n  phase \"A\" 5s\n  phase \"B\" 5s\n", 3, 3, "give 'reps' too");
    CHECK_ERROR(HEAD "move pelvic_tilt\n  reps 5 hold 2s\n  phase \"A\" 5s\n  phase \"B\" 5s\n", 4, 3, "remove 'hold'");
    CHECK_ERROR(HEAD "move pelvic_tilt\n  reps 5 tempo 4s\n  phase \"A\" 5s\n  phase \"B\" 5s\n", 4, 3,
                "remove 'tempo'");
    CHECK_ERROR(HEAD "move pelvic_tilt\n  reps 5 pacing self\n  phase \"A\" 5s\n  phase \"B\" 5s\n", 4, 3,
                "remove 'pacing self'");
    CHECK_ERROR(HEAD "move pelvic_tilt\n  reps 5\n  phase \"A\"\n", 4, 12, "expected a duration");
    CHECK_ERROR(HEAD "move pelvic_tilt\n  reps 5\n  phase 5s\n", 4, 9, "quoted string");
    CHECK_ERROR(HEAD "move pelvic_tilt\n  reps 5\n  phase \"A\" 0.5s\n", 4, 13, "at least 1s");
    CHECK_ERROR(HEAD "move pelvic_tilt\n  reps 5\n  phase \"A\" 2m\n", 4, 3, "at most 1m");
    CHECK_ERROR(HEAD "rest 10s\n  phase \"A\" 5s\n", 3, 3, "belongs to a move");
    CHECK_ERROR(HEAD "move pelvic_tilt\n  reps 5\n  phase \"A very long phase that is really a sentence and not a "
                     "caption\" 5s\n",
                4, 9, "a caption");
    char src[1024];
    int len = snprintf(src, sizeof src, HEAD "move pelvic_tilt\n  reps 5\n");
    for (int i = 0; i <= ROUTINE_MAX_PHASES; i++)
        len += snprintf(src + len, sizeof src - (size_t)len, "  phase \"P%d\" 2s\n", i);
    CHECK_ERROR(src, 4 + ROUTINE_MAX_PHASES, 3, "too many phases");
}

/* "sides chosen" at the top; "side away" / "side toward" in a step. */
static void test_sides_chosen(void)
{
    CHECK_INT(parse(HEAD "sides chosen\nmove knee_rolls hold 10s\n  side away\nmove knee_to_chest\n  hold 10s "
                         "side toward\nmove child_pose hold 10s\n"),
              0);
    CHECK(r.sides_chosen);
    CHECK_INT(r.steps[0].side_rel, SIDE_REL_AWAY);
    CHECK_INT(r.steps[1].side_rel, SIDE_REL_TOWARD);
    CHECK_INT(r.steps[2].side_rel, SIDE_REL_NONE);
    CHECK_INT(routine_step_runs(&r.steps[0]), 1); /* one side, not both */
    CHECK_ERROR(HEAD "move knee_rolls hold 10s\n  side away\n", 3, 3, "needs 'sides chosen'");
    CHECK_ERROR(HEAD "sides chosen\nmove knee_rolls hold 10s\n  side up\n", 4, 8, "away or toward");
    CHECK_ERROR(HEAD "sides chosen\nmove knee_rolls hold 10s\n  sides both side away\n", 4, 14, "given twice");
    CHECK_ERROR(HEAD "sides chosen\nmove child_pose hold 10s\n", 2, 1, "no step says");
    CHECK_ERROR(HEAD "sides both\nmove child_pose hold 10s\n", 2, 7, "at the top of the file 'sides' is");
    CHECK_ERROR(HEAD "move knee_rolls hold 10s\n  sides chosen\n", 3, 9, "belongs at the top");
    CHECK_ERROR(HEAD "sides chosen\nsides chosen\nmove knee_rolls hold 10s side away\n", 3, 1, "given twice");
}

static void test_rest_timer(void)
{
    CHECK_INT(parse(HEAD "rest 10s \"Roll over.\"\nrest 15s\ntimer 20m \"Cold pack.\"\n"
                         "  say start+10s \"Breathe.\"\n  say end-1m \"One minute left.\"\n  say end \"Done.\"\n"),
              0);
    CHECK_INT(r.step_count, 3);
    CHECK_INT(r.steps[0].kind, STEP_REST);
    CHECK_INT(r.steps[0].duration_ms, 10000);
    CHECK_STR(r.steps[0].text, "Roll over.");
    CHECK_INT(r.steps[0].move, MOVE_REST);
    CHECK_INT(r.steps[0].sets, 1);
    CHECK_INT(r.steps[1].kind, STEP_REST);
    CHECK(r.steps[1].text == NULL);
    CHECK_INT(r.steps[1].line, 3);
    CHECK_INT(r.steps[2].kind, STEP_TIMER);
    CHECK_INT(r.steps[2].duration_ms, 1200000);
    CHECK_STR(r.steps[2].text, "Cold pack.");
    CHECK_INT(r.steps[2].cue_count, 3);
    CHECK_INT(r.steps[2].cues[1].anchor, CUE_END);
    CHECK_INT(r.steps[2].cues[1].offset_ms, 60000);
    CHECK(!r.steps[2].count_aloud); /* count-aloud belongs to moves (see test_review_errors) */
    CHECK_INT(routine_step_run_ms(&r.steps[2]), 1200000);
    CHECK_INT(r.steps[0].position, POSITION_NONE);
    CHECK_INT(r.steps[2].position, POSITION_NONE);

    /* a rest or timer may name the position it is spent in */
    CHECK_INT(parse(HEAD "rest 20s on-front \"Roll onto your front.\"\ntimer 20m on-front \"Cold pack.\"\n"
                         "rest 10s all-fours\nrest 5s standing\n"),
              0);
    CHECK_INT(r.step_count, 4);
    CHECK_INT(r.steps[0].position, POSITION_ON_FRONT);
    CHECK_STR(r.steps[0].text, "Roll onto your front.");
    CHECK_INT(r.steps[1].kind, STEP_TIMER);
    CHECK_INT(r.steps[1].position, POSITION_ON_FRONT);
    CHECK_STR(r.steps[1].text, "Cold pack.");
    CHECK_INT(r.steps[2].position, POSITION_ALL_FOURS);
    CHECK(r.steps[2].text == NULL);
    CHECK_INT(r.steps[3].position, POSITION_STANDING);
    /* a misspelt position is an error at its column, naming the positions */
    CHECK_INT(parse(HEAD "rest 20s on-frnt \"Roll over.\"\n"), -1);
    CHECK(find_error(2, 10, "unknown position 'on-frnt': expected on-back, on-front") >= 0);
}

static void test_comments_and_space(void)
{
    CHECK_INT(parse("# a routine\n\n   \t\n" HEAD "# steps\nmove child_pose   # the first\n\thold 30s#tight\n"
                    "  # indented comment\n  say start \"# not a comment\"\n"),
              0);
    CHECK_INT(r.step_count, 1);
    CHECK_INT(r.steps[0].line, 6);
    CHECK_INT(r.steps[0].hold_ms, 30000);
    CHECK_STR(r.steps[0].cues[0].text, "# not a comment");
    /* no final newline */
    CHECK_INT(parse(HEAD "move child_pose hold 30s"), 0);
    CHECK_INT(r.steps[0].hold_ms, 30000);
    /* src need not be NUL-terminated: bytes past len are not read */
    const char *s = HEAD "move child_pose hold 30sGARBAGE";
    CHECK_INT(parse_n(s, strlen(s) - strlen("GARBAGE")), 0);
    CHECK_INT(r.steps[0].hold_ms, 30000);
}

static void test_text(void)
{
    CHECK_INT(parse("title \"R\xC3\xBC"
                    "cken \xE2\x80\x93 \xE8\x83\x8C\xE4\xB8\xAD \xF0\x9F\x98\x8C\"\n"
                    "move child_pose hold 30s\n"
                    "  say start \"a \\\"b\\\" c\\\\d\\ne\\tf\"\n"),
              0);
    CHECK_STR(r.title, "R\xC3\xBC"
                       "cken \xE2\x80\x93 \xE8\x83\x8C\xE4\xB8\xAD \xF0\x9F\x98\x8C");
    CHECK_STR(r.steps[0].cues[0].text, "a \"b\" c\\d\ne\tf");
    /* the longest string allowed */
    char src[1024];
    char text[ROUTINE_MAX_TEXT_BYTES + 1];
    memset(text, 'x', ROUTINE_MAX_TEXT_BYTES);
    text[ROUTINE_MAX_TEXT_BYTES] = 0;
    snprintf(src, sizeof src, "title \"%s\"\nmove child_pose hold 30s\n", text);
    CHECK_INT(parse(src), 0);
    CHECK_INT(r.title ? (long long)strlen(r.title) : -1, ROUTINE_MAX_TEXT_BYTES);
    snprintf(src, sizeof src, "title \"%sy\"\nmove child_pose hold 30s\n", text);
    CHECK_ERROR(src, 1, 7, "longer than");
}

/* Compare two parsed routines field by field. */
static bool routines_equal(const Routine *a, const Routine *b)
{
#define SAME_STR(x, y) ((x) == (y) || ((x) && (y) && strcmp((x), (y)) == 0))
    if (!SAME_STR(a->title, b->title) || a->level != b->level || !SAME_STR(a->description, b->description) ||
        !SAME_STR(a->intro, b->intro) || a->step_count != b->step_count)
        return false;
    for (int i = 0; i < a->step_count; i++) {
        const RoutineStep *x = &a->steps[i], *y = &b->steps[i];
        if (x->kind != y->kind || x->line != y->line || x->move != y->move || x->hold_ms != y->hold_ms ||
            x->hold_breaths != y->hold_breaths || x->reps != y->reps || x->reps_max != y->reps_max ||
            x->tempo_ms != y->tempo_ms || x->sides != y->sides || x->sets != y->sets ||
            x->set_rest_ms != y->set_rest_ms || x->pacing != y->pacing || x->confirm_hold != y->confirm_hold ||
            x->count_aloud != y->count_aloud || x->duration_ms != y->duration_ms || !SAME_STR(x->text, y->text) ||
            x->cue_count != y->cue_count)
            return false;
        for (int j = 0; j < x->cue_count; j++)
            if (x->cues[j].anchor != y->cues[j].anchor || x->cues[j].offset_ms != y->cues[j].offset_ms ||
                x->cues[j].line != y->cues[j].line || !SAME_STR(x->cues[j].text, y->cues[j].text))
                return false;
    }
    return true;
#undef SAME_STR
}

static void test_bom_crlf(void)
{
    const char *lf = "title \"T\"\nlevel 2\nintro \"Hi \\\"there\\\"\"\n\nmove bridge\n  reps 8-10 tempo 4s\n"
                     "  say each-rep \"Up.\"\nrest 10s \"Breathe.\"\nmove spinal_twist hold 3 breaths\n";
    char crlf[1024] = "\xEF\xBB\xBF";
    size_t n = 3;
    for (const char *p = lf; *p; p++) {
        if (*p == '\n')
            crlf[n++] = '\r';
        crlf[n++] = *p;
    }
    crlf[n] = 0;
    Routine a;
    RoutineErrors e;
    CHECK_INT(routine_parse("lf.routine", lf, strlen(lf), &a, &e), 0);
    CHECK_INT(parse(crlf), 0);
    CHECK(routines_equal(&a, &r));
    CHECK_STR(r.intro, "Hi \"there\"");
    CHECK(r.steps && r.steps[0].cues[0].text[strlen(r.steps[0].cues[0].text) - 1] != '\r');
    routine_free(&a);
    /* a BOM only counts at the very start; columns after it count from the first real byte */
    CHECK_ERROR("\xEF\xBB\xBFtitle \"T\"\nmove child_pose hold 30s\nbogus\n", 3, 1, "unknown keyword");
    CHECK_ERROR("\xEF\xBB\xBF"
                "bogus\n" HEAD,
                1, 1, "unknown keyword");
}

/* ---- derived figures ---- */

static void test_totals_and_format(void)
{
    CHECK_INT(parse(HEAD "move spinal_twist hold 30s sides both sets 2 rest 10s\n"
                         "move bridge reps 8 tempo 4s hold 2s\n"
                         "rest 10s\n"
                         "move cat_camel reps 5 tempo 4s sets 3\n"
                         "timer 1m\n"),
              0);
    CHECK_INT(routine_step_run_ms(&r.steps[0]), 30000);
    CHECK_INT(routine_step_total_ms(&r.steps[0]), 2 * 2 * 30000 + 10000);
    CHECK_INT(routine_step_total_ms(&r.steps[1]), 8 * 6000);
    CHECK_INT(routine_step_total_ms(&r.steps[2]), 10000);
    CHECK_INT(routine_step_total_ms(&r.steps[3]), 3 * 20000 + 2 * 30000);
    CHECK_INT(routine_step_total_ms(&r.steps[4]), 60000);
    CHECK_INT(routine_total_ms(&r), 130000 + 48000 + 10000 + 120000 + 60000);

    static const struct {
        int ms;
        const char *text;
    } fmt[] = {
        {90000, "1m30s"}, {45000, "45s"}, {1200000, "20m"}, {3600000, "1h"},   {3661000, "1h1m1s"},
        {0, "0s"},        {60000, "1m"},  {7200000, "2h"},  {3605000, "1h5s"},
    };
    for (size_t i = 0; i < sizeof fmt / sizeof *fmt; i++) {
        char b[32];
        routine_format_duration(fmt[i].ms, b, sizeof b);
        CHECK_STR(b, fmt[i].text);
    }
    /* whatever the format of fractions, it reads back as the same time */
    static const int round_trip[] = {1500, 1001, 61250, 90000, 3599999};
    for (size_t i = 0; i < sizeof round_trip / sizeof *round_trip; i++) {
        char b[32], src[128];
        routine_format_duration(round_trip[i], b, sizeof b);
        snprintf(src, sizeof src, HEAD "move child_pose hold %s\n", b);
        CHECK_INT(parse(src), 0);
        CHECK_INT(r.step_count ? r.steps[0].hold_ms : -1, round_trip[i]);
    }
    /* a small buffer is never overrun */
    char small[4] = {'z', 'z', 'z', 'z'};
    routine_format_duration(3661000, small, 3);
    CHECK(memchr(small, 0, 3) != NULL);
    CHECK(small[3] == 'z');

    RoutineError e = {"dir/x.routine", 12, 7, "unknown move 'dance'"};
    char b[512];
    routine_error_format(&e, b, sizeof b);
    CHECK_STR(b, "dir/x.routine:12:7: unknown move 'dance'");
}

/* ---- errors ---- */

static void test_errors_basic(void)
{
    CHECK_ERROR(HEAD "jump 3\nmove child_pose hold 30s\n", 2, 1, "unknown keyword 'jump'");
    CHECK_ERROR(HEAD "move dance\n  hold 30s\n", 2, 6, "unknown move 'dance'");
    CHECK_ERROR(HEAD "move\n", 2, 5, "unknown move");
    CHECK_ERROR("move child_pose hold 30s\n", 1, 1, "missing 'title");
    CHECK_ERROR("", 1, 1, "missing 'title");
    CHECK_ERROR(HEAD, 1, 1, "no steps");
    CHECK_INT(parse(HEAD "# nothing\n"), -1);
    CHECK_INT(errs.count, 1);
    CHECK(strstr(errs.items[0].message, "no steps") != NULL);
    CHECK_ERROR("title \"A\"\ntitle \"B\"\nmove child_pose hold 30s\n", 2, 1, "given twice");
    CHECK_ERROR(HEAD "level 1\nlevel 2\nmove child_pose hold 30s\n", 3, 1, "given twice");
    CHECK_ERROR(HEAD "intro \"a\"\nintro \"b\"\nmove child_pose hold 30s\n", 3, 1, "given twice");
    CHECK_ERROR(HEAD "move child_pose hold 30s\ndescription \"late\"\n", 3, 1, "top of the file");
    CHECK_ERROR("title \"\"\nmove child_pose hold 30s\n", 1, 7, "empty");
    CHECK_ERROR("title T\nmove child_pose hold 30s\n", 1, 7, "quoted string");
}

static void test_errors_durations_numbers(void)
{
    CHECK_ERROR(HEAD "move child_pose\n  hold 30x\n", 3, 8, "bad duration '30x'");
    CHECK_ERROR(HEAD "move child_pose\n  hold 30\n", 3, 8, "needs a unit");
    CHECK_INT(errs.count, 1); /* no follow-on "needs 'hold'" for the step */
    CHECK_ERROR(HEAD "move child_pose\n  hold abc\n", 3, 8, "bad duration");
    CHECK_ERROR(HEAD "move child_pose\n  hold\n", 3, 0, "expected a duration");
    CHECK_ERROR(HEAD "move child_pose\n  hold 1.2345s\n", 3, 8, "decimals");
    CHECK_ERROR(HEAD "move child_pose\n  hold 2h\n", 3, 8, "1h limit");
    CHECK_ERROR(HEAD "move child_pose\n  hold 61m\n", 3, 8, "1h limit");
    CHECK_ERROR(HEAD "move child_pose\n  hold 500ms\n", 3, 8, "at least");
    CHECK_ERROR(HEAD "move child_pose\n  hold 0 breaths\n", 3, 8, "breaths");
    CHECK_ERROR(HEAD "move child_pose\n  hold 31 breaths\n", 3, 8, "breaths");
    CHECK_ERROR(HEAD "move cat_camel\n  reps 0\n", 3, 8, "between 1 and 100");
    CHECK_ERROR(HEAD "move cat_camel\n  reps 101\n", 3, 8, "between 1 and 100");
    CHECK_ERROR(HEAD "move cat_camel\n  reps 10-8\n", 3, 8, "range");
    CHECK_ERROR(HEAD "move cat_camel\n  reps 0-8\n", 3, 8, "range");
    CHECK_ERROR(HEAD "move cat_camel\n  reps 8-101\n", 3, 8, "range");
    CHECK_ERROR(HEAD "move cat_camel\n  reps many\n", 3, 8, "expected a number of reps");
    CHECK_ERROR(HEAD "move cat_camel\n  reps 99999999999\n", 3, 8, "expected a number of reps");
    CHECK_ERROR(HEAD "move cat_camel reps 8\n  sets 0\n", 3, 8, "between 1 and 10");
    CHECK_ERROR(HEAD "move cat_camel reps 8\n  sets 11\n", 3, 8, "between 1 and 10");
    CHECK_ERROR(HEAD "move cat_camel reps 8\n  sets 2 rest 0s\n", 3, 15, "at least");
    CHECK_ERROR(HEAD "move cat_camel reps 8\n  tempo 500ms\n", 3, 9, "at least");
    CHECK_ERROR("title \"T\"\nlevel 0\nmove cat_camel reps 8\n", 2, 7, "between 1 and 99");
    CHECK_ERROR("title \"T\"\nlevel 100\nmove cat_camel reps 8\n", 2, 7, "between 1 and 99");
    CHECK_ERROR(HEAD "move cat_camel reps 8 sides up\n", 2, 29, "expected both");
    CHECK_ERROR(HEAD "move cat_camel reps 8 pacing fast\n", 2, 30, "guided or self");
    CHECK_ERROR(HEAD "timer 1h\ntimer 1h\ntimer 1h\ntimer 1s\n", 1, 0, "3 hours");
    CHECK_INT(parse(HEAD "timer 1h\ntimer 1h\ntimer 1h\n"), 0);
}

static void test_errors_strings(void)
{
    CHECK_ERROR("title \"abc\nmove child_pose hold 30s\n", 1, 7, "unterminated string");
    CHECK_ERROR("title \"abc\\\"\nmove child_pose hold 30s\n", 1, 7, "unterminated string");
    CHECK_ERROR("title \"a\\qb\"\nmove child_pose hold 30s\n", 1, 9, "unknown escape");
    CHECK_ERROR("title \"\xC3\xBC\xC3\xBC\\x\"\nmove child_pose hold 30s\n", 1, 10, "unknown escape");
    /* columns count characters, not bytes */
    CHECK_ERROR("title \"\xC3\xBC\xC3\xBC\" foo\nmove child_pose hold 30s\n", 1, 12, "unknown keyword 'foo'");
    CHECK_ERROR("title \"T\" \"again\"\nmove child_pose hold 30s\n", 1, 11, "extra text");
    CHECK_ERROR(HEAD "move child_pose hold 30s\n  say start\n", 3, 0, "quoted string");
    CHECK_ERROR(HEAD "move child_pose hold 30s\n  say \"x\"\n", 3, 0, "expected when");
    CHECK_ERROR(HEAD "move child_pose hold 30s\n  say soon \"x\"\n", 3, 7, "bad cue time 'soon'");
    CHECK_ERROR(HEAD "move child_pose hold 30s\n  say start+5 \"x\"\n", 3, 7, "bad cue time");
    CHECK_ERROR(HEAD "move child_pose hold 30s\n  say @ \"x\"\n", 3, 7, "unexpected character '@'");
}

static void test_errors_steps(void)
{
    /* a cue after the end or before the start of its step */
    CHECK_ERROR(HEAD "move child_pose\n  hold 30s\n  say start+31s \"late\"\n", 4, 7, "cue at start+31s falls outside");
    CHECK_ERROR(HEAD "move child_pose\n  hold 30s\n  say end-40s \"early\"\n", 4, 7, "cue at end-40s falls outside");
    CHECK_ERROR(HEAD "rest 10s\n  say 11s \"late\"\n", 3, 0, "outside the step");
    CHECK_ERROR(HEAD "move child_pose\n  hold 30s\n  say each-rep \"x\"\n", 4, 0, "each-rep");
    CHECK_ERROR(HEAD "rest 10s\n  say each-rep \"x\"\n", 3, 7, "each-rep");
    CHECK_ERROR(HEAD "move cat_camel\n  reps 8\n  confirm-hold\n", 2, 1, "confirm-hold");
    CHECK_ERROR(HEAD "move child_pose\n  hold 30s\n  tempo 4s\n", 2, 1, "'tempo' but no 'reps'");
    CHECK_ERROR(HEAD "move child_pose\n  hold 30s\n  pacing self\n", 2, 1, "no 'reps'");
    CHECK_ERROR(HEAD "move child_pose\n  sides left\n", 2, 1, "needs 'hold'");
    CHECK_ERROR(HEAD "hold 30s\nmove child_pose hold 30s\n", 2, 1, "must follow a move");
    CHECK_ERROR(HEAD "  say start \"x\"\nmove child_pose hold 30s\n", 2, 3, "must follow a move");
    CHECK_ERROR(HEAD "rest 10s\n  reps 3\n", 3, 3, "belongs to a move");
    CHECK_ERROR(HEAD "timer 1m\n  hold 30s\n", 3, 3, "belongs to a move");
    CHECK_ERROR(HEAD "move child_pose hold 30s hold 20s\n", 2, 26, "'hold' given twice");
    CHECK_ERROR(HEAD "move cat_camel reps 3\n reps 4\n", 3, 2, "'reps' given twice");
    CHECK_ERROR(HEAD "move child_pose hold 30s move bridge hold 3s\n", 2, 26, "own line");
    CHECK_ERROR(HEAD "move child_pose hold 30s rest 10s\n", 2, 26, "own line");
}

static void test_errors_limits(void)
{
    /* ROUTINE_MAX_STEPS is fine, one more is not */
    size_t cap = 32 + (ROUTINE_MAX_STEPS + 5) * 16;
    char *src = malloc(cap);
    strcpy(src, HEAD);
    for (int i = 0; i < ROUTINE_MAX_STEPS; i++)
        strcat(src, "rest 1s\n");
    CHECK_INT(parse(src), 0);
    CHECK_INT(r.step_count, ROUTINE_MAX_STEPS);
    strcat(src, "rest 2s\nrest 3s\n");
    CHECK_ERROR(src, 2 + ROUTINE_MAX_STEPS, 1, "too many steps");
    CHECK_INT(errs.count, 1); /* said once, not once per extra step */
    free(src);

    /* a line of exactly the limit is fine (after a CR is dropped), one byte more is not */
    char line[ROUTINE_MAX_LINE_BYTES + 64];
    char *big = malloc(4 * ROUTINE_MAX_LINE_BYTES);
    memset(line, ' ', sizeof line);
    memcpy(line, "# ", 2);
    line[ROUTINE_MAX_LINE_BYTES] = 0;
    snprintf(big, 4 * ROUTINE_MAX_LINE_BYTES, HEAD "%s\r\nmove child_pose hold 30s\n", line);
    CHECK_INT(parse(big), 0);
    line[ROUTINE_MAX_LINE_BYTES] = ' ';
    line[ROUTINE_MAX_LINE_BYTES + 1] = 0;
    snprintf(big, 4 * ROUTINE_MAX_LINE_BYTES, HEAD "%s\nmove child_pose hold 30s\n", line);
    CHECK_ERROR(big, 2, 1, "line is 1025 bytes");
    free(big);

    /* a file over the size limit is refused before it is read */
    size_t n = ROUTINE_MAX_FILE_BYTES + 1;
    char *huge = malloc(n);
    memset(huge, '#', n);
    memcpy(huge, HEAD, strlen(HEAD));
    for (size_t i = 100; i < n; i += 100)
        huge[i] = '\n';
    CHECK_INT(parse_n(huge, n), -1);
    CHECK_INT(errs.count, 1);
    CHECK(strstr(errs.items[0].message, "limit") != NULL);
    CHECK_INT(parse_n(huge, n - 1), -1); /* just within: parsed, and only "no steps" */
    CHECK(errs.count == 1 && strstr(errs.items[0].message, "no steps") != NULL);
    free(huge);
}

static void test_errors_bytes(void)
{
    static const char nul[] = "title \"T\"\nmo\0ve child_pose hold 30s\n";
    CHECK_INT(parse_n(nul, sizeof nul - 1), -1);
    CHECK(find_error(2, 3, "NUL") >= 0);
    CHECK_ERROR("title \"a\xFF\"\nmove child_pose hold 30s\n", 1, 9, "invalid UTF-8");
    CHECK_ERROR("title \"\xC3\xBC\xC3\"\nmove child_pose hold 30s\n", 1, 9, "invalid UTF-8"); /* cut short */
    CHECK_ERROR("title \"\xC0\xAF\"\nmove child_pose hold 30s\n", 1, 8, "invalid UTF-8"); /* overlong */
    CHECK_ERROR("title \"\xED\xA0\x80\"\nmove child_pose hold 30s\n", 1, 8, "invalid UTF-8"); /* surrogate */
    CHECK_ERROR("title \"\xF4\x90\x80\x80\"\nmove child_pose hold 30s\n", 1, 8, "invalid UTF-8"); /* > U+10FFFF */
    CHECK_ERROR(HEAD "move child_pose\x01 hold 30s\n", 2, 16, "control character");
    CHECK_ERROR(HEAD "move child_pose hold 30s\x1B[0m\n", 2, 25, "control character");
    CHECK_ERROR(HEAD "move child_pose hold 30s\rmore\n", 2, 25, "control character");
    CHECK_ERROR(HEAD "move child_pose hold 30s\n\x7F\n", 3, 1, "");
}

static void test_all_errors_reported(void)
{
    int rc = parse("title \"T\"\n"
                   "move child_pose\n"
                   "  hold 30x\n" /* 3: bad duration */
                   "move dance hold 3s\n" /* 4: unknown move */
                   "  wobble\n" /* 5: unknown keyword */
                   "rest 10s\n"
                   "  reps 3\n" /* 7: wrong step kind */
                   "title \"again\"\n"); /* 8: given twice (and after the steps) */
    CHECK_INT(rc, -1);
    CHECK(errs.count >= 5);
    CHECK(find_error(3, 8, "bad duration") >= 0);
    CHECK(find_error(4, 6, "unknown move") >= 0);
    CHECK(find_error(5, 3, "unknown keyword") >= 0);
    CHECK(find_error(7, 3, "belongs to a move") >= 0);
    CHECK(find_error(8, 1, "title") >= 0);
    /* a bad hold is one error, not also "needs 'hold'" for a step that has one */
    CHECK(find_error(2, 1, "needs 'hold'") < 0);
    for (int i = 0; i < errs.count; i++)
        CHECK_STR(errs.items[i].path, "t.routine");

    /* more errors than fit: the list is full and marked truncated */
    char src[8192] = HEAD;
    for (int i = 0; i < ROUTINE_MAX_ERRORS + 20; i++)
        strcat(src, "bogus\n");
    CHECK_INT(parse(src), -1);
    CHECK_INT(errs.count, ROUTINE_MAX_ERRORS);
    CHECK(errs.truncated);
    CHECK_INT(errs.items[ROUTINE_MAX_ERRORS - 1].line, ROUTINE_MAX_ERRORS + 1);

    /* a failed parse after a good one leaves nothing behind, and a good one after clears errors */
    CHECK_INT(parse(HEAD "move child_pose hold 30s\n"), 0);
    CHECK_INT(errs.count, 0);
    CHECK(!errs.truncated);
}

/* ---- s17: frequency and progression (issue 13) ---- */

/* "times-a-day" and "days-a-week" at the top of the file. */
static void test_frequency(void)
{
    CHECK_INT(parse(HEAD "times-a-day 3\nmove bridge hold 5s\n"), 0);
    CHECK_INT(r.times_a_day, 3);
    CHECK_INT(r.times_a_day_max, 3);
    CHECK_INT(r.days_a_week, 0);
    CHECK_INT(parse(HEAD "times-a-day 6\xE2\x80\x93"
                         "8\nmove bridge hold 5s\n"),
              0);
    CHECK_INT(r.times_a_day, 6);
    CHECK_INT(r.times_a_day_max, 8);
    CHECK_INT(parse(HEAD "days-a-week 3-5 # most days\nmove bridge hold 5s\n"), 0);
    CHECK_INT(r.days_a_week, 3);
    CHECK_INT(r.days_a_week_max, 5);
    CHECK_INT(r.times_a_day, 0);
    CHECK_INT(parse(HEAD "move bridge hold 5s\n"), 0);
    CHECK_INT(r.times_a_day + r.days_a_week, 0);
    /* every error at its line and column */
    CHECK_ERROR(HEAD "times-a-day\nmove bridge hold 5s\n", 2, 12, "expected a number after 'times-a-day'");
    CHECK_ERROR(HEAD "times-a-day three\nmove bridge hold 5s\n", 2, 13, "e.g. times-a-day 3");
    CHECK_ERROR(HEAD "times-a-day 0\nmove bridge hold 5s\n", 2, 13, "between 1 and 12");
    CHECK_ERROR(HEAD "times-a-day 20\nmove bridge hold 5s\n", 2, 13, "between 1 and 12");
    CHECK_ERROR(HEAD "times-a-day 8-6\nmove bridge hold 5s\n", 2, 13, "low to high");
    CHECK_ERROR(HEAD "days-a-week 8\nmove bridge hold 5s\n", 2, 13, "between 1 and 7");
    CHECK_ERROR(HEAD "times-a-day 3\ntimes-a-day 2\nmove bridge hold 5s\n", 3, 1, "one frequency");
    CHECK_ERROR(HEAD "times-a-day 3\ndays-a-week 5\nmove bridge hold 5s\n", 3, 1, "one frequency");
    CHECK_ERROR(HEAD "move bridge hold 5s\ntimes-a-day 3\n", 3, 1, "top of the file");
    CHECK_ERROR(HEAD "move bridge hold 5s times-a-day 3\n", 2, 21, "must start its own line");
    CHECK_ERROR(HEAD "times a day 3\nmove bridge hold 5s\n", 2, 1, "times-a-day, days-a-week");
}

/* A physio's own moves: offered by the caller (the pose files it found), named by `move NAME`. */
static void test_own_moves(void)
{
    RoutineOwnMove own[3] = {
        {{"squat", "Squat", true, false, 4000, POSITION_STANDING}, "moves/squat.pose"},
        {{"quad_stretch", "Quad stretch", true, true, 6000, POSITION_STANDING}, "moves/quad_stretch.pose"},
        {{"bridge", "Bridge", true, false, 4000, POSITION_ON_BACK}, "moves/bridge.pose"},
    };
    const char *src = HEAD "move squat\n  reps 5\nmove quad_stretch\n  hold 20s\nmove squat\n  name \"Chair squat\"\n"
                           "  reps 3\n";
    routine_free(&r);
    CHECK_INT(routine_parse_with("t.routine", src, strlen(src), own, 3, &r, &errs), 0);
    CHECK_INT(r.own_move_count, 2); /* bridge is not named: not copied */
    CHECK_INT(r.steps[0].move, ROUTINE_OWN_MOVE(0));
    CHECK_INT(r.steps[1].move, ROUTINE_OWN_MOVE(1));
    CHECK_INT(r.steps[2].move, ROUTINE_OWN_MOVE(0));
    CHECK_STR(routine_step_name(&r.steps[0]), "Squat");
    CHECK_STR(r.steps[0].ready_text, "Get ready. Next: Squat.");
    CHECK_STR(routine_step_name(&r.steps[2]), "Chair squat");
    CHECK_INT(r.steps[0].tempo_ms, 4000); /* the file's cycle */
    CHECK_INT(r.steps[1].sides, SIDES_BOTH); /* a sided own move */
    CHECK_STR(routine_move_info(&r, r.steps[1].move)->id, "quad_stretch");
    CHECK(r.own_moves[0].path != own[0].path && strcmp(r.own_moves[0].path, "moves/squat.pose") == 0);
    CHECK(routine_move_info(&r, ROUTINE_OWN_MOVE(2)) == NULL);
    CHECK(routine_move_info(&r, MOVE_BRIDGE) == moves_info(MOVE_BRIDGE));
    routine_free(&r);
    /* without the offer it is an unknown move, as ever; with an offer, the message says where the file goes */
    CHECK_ERROR(HEAD "move squat\n  reps 5\n", 2, 6, "unknown move 'squat'");
    routine_free(&r);
    src = HEAD "move lunge\n  reps 5\n";
    CHECK_INT(routine_parse_with("t.routine", src, strlen(src), own, 3, &r, &errs), -1);
    CHECK(find_error(2, 6, "moves/lunge.pose") >= 0);
    /* a built-in name that is also a pose file: refused where the routine names it */
    src = HEAD "move bridge\n  reps 5\n";
    CHECK_INT(routine_parse_with("t.routine", src, strlen(src), own, 3, &r, &errs), -1);
    CHECK(find_error(2, 6, "built in") >= 0);
    CHECK_INT(errs.count, 1);
    /* a file with errors is offered unusable: the routine parses, its caller reports the file */
    own[0].info.routine_usable = false;
    src = HEAD "move squat\n  reps 5\n";
    CHECK_INT(routine_parse_with("t.routine", src, strlen(src), own, 3, &r, &errs), 0);
    CHECK(!r.own_moves[0].info.routine_usable);
    routine_free(&r);
    own[0].info.routine_usable = true;
    /* at most ROUTINE_MAX_OWN_MOVES own moves in one routine */
    char ids[ROUTINE_MAX_OWN_MOVES + 1][8], big[2048];
    RoutineOwnMove many[ROUTINE_MAX_OWN_MOVES + 1];
    size_t n = (size_t)snprintf(big, sizeof big, HEAD);
    for (int i = 0; i <= ROUTINE_MAX_OWN_MOVES; i++) {
        snprintf(ids[i], sizeof ids[i], "m%d", i);
        many[i] = own[0];
        many[i].info.id = ids[i];
        n += (size_t)snprintf(big + n, sizeof big - n, "move m%d\n  reps 2\n", i);
    }
    CHECK_INT(routine_parse_with("t.routine", big, n, many, ROUTINE_MAX_OWN_MOVES + 1, &r, &errs), -1);
    CHECK(find_error(2 + 2 * ROUTINE_MAX_OWN_MOVES, 6, "at most") >= 0);
    routine_free(&r);
}

/* "building to": a dose that grows with the completed workouts of the routine. */
static void test_progression(void)
{
    CHECK_INT(parse(HEAD "move bridge\n  reps 5 building to 30 by 2 every 3 workouts each side tempo 4s\n"
                         "move child_pose\n  hold 10s building to 30s by 5s every 1 workout\n"
                         "move cat_camel reps 8\n"),
              0);
    const RoutineStep *a = &r.steps[0], *b = &r.steps[1];
    CHECK_INT(a->reps, 5);
    CHECK_INT(a->reps_max, 5);
    CHECK_INT(a->build_reps.start, 5);
    CHECK_INT(a->build_reps.ceiling, 30);
    CHECK_INT(a->build_reps.by, 2);
    CHECK_INT(a->build_reps.every, 3);
    CHECK_INT(a->reps_count, REPS_EACH_SIDE);
    CHECK_INT(b->build_hold.start, 10000);
    CHECK_INT(b->build_hold.ceiling, 30000);
    CHECK_INT(b->build_hold.by, 5000);
    CHECK_INT(b->build_hold.every, 1);
    CHECK(routine_has_progress(&r));
    /* today's dose for 0..N completed workouts, and the ceiling */
    static const int want_reps[] = {5, 5, 5, 7, 7, 7, 9};
    for (int n = 0; n < 7; n++)
        CHECK_INT(routine_build_dose(&a->build_reps, n), want_reps[n]);
    CHECK_INT(routine_build_dose(&a->build_reps, 36), 29);
    CHECK_INT(routine_build_dose(&a->build_reps, 39), 30);
    CHECK_INT(routine_build_dose(&a->build_reps, 1000000), 30);
    CHECK_INT(routine_build_dose(&a->build_reps, -4), 5);
    CHECK_INT(routine_build_dose(&b->build_hold, 2), 20000);
    CHECK_INT(routine_build_dose(&b->build_hold, 9), 30000);
    long before = routine_total_ms(&r);
    routine_apply_progress(&r, 4);
    CHECK_INT(r.steps[0].reps, 7);
    CHECK_INT(r.steps[0].reps_max, 7);
    CHECK_INT(r.steps[1].hold_ms, 30000);
    CHECK_INT(r.steps[1].hold_max_ms, 30000);
    CHECK_INT(r.steps[2].reps, 8); /* a dose that does not build stays */
    CHECK(routine_total_ms(&r) > before);
    routine_apply_progress(&r, 0);
    CHECK_INT(r.steps[0].reps, 5);
    CHECK_INT(routine_total_ms(&r), before);
    CHECK_INT(parse(HEAD "move bridge reps 8\n"), 0);
    CHECK(!routine_has_progress(&r));
    /* every error at its line and column */
    CHECK_ERROR(HEAD "move bridge reps 5 building 30\n", 2, 29, "expected 'to'");
    CHECK_ERROR(HEAD "move bridge reps 5 building to\n", 2, 31, "after 'building to'");
    CHECK_ERROR(HEAD "move bridge reps 5 building to 4 by 1 every 2 workouts\n", 2, 32, "above the start");
    CHECK_ERROR(HEAD "move bridge reps 5 building to 300 by 1 every 2 workouts\n", 2, 32, "between 1 and 100");
    CHECK_ERROR(HEAD "move bridge reps 5 building to 30 2 every 2 workouts\n", 2, 35, "expected 'by'");
    CHECK_ERROR(HEAD "move bridge reps 5 building to 30 by 0 every 2 workouts\n", 2, 38, "between 1 and 100");
    CHECK_ERROR(HEAD "move bridge reps 5 building to 30 by 2 each 3 workouts\n", 2, 40, "expected 'every'");
    CHECK_ERROR(HEAD "move bridge reps 5 building to 30 by 2 every 0 workouts\n", 2, 46, "between 1 and 50");
    CHECK_ERROR(HEAD "move bridge reps 5 building to 30 by 2 every 3 days\n", 2, 48, "expected 'workouts'");
    CHECK_ERROR(HEAD "move bridge reps 5-8 building to 30 by 2 every 3 workouts\n", 2, 22, "not a range");
    CHECK_ERROR(HEAD "move bridge hold 10s building to 5s by 1s every 2 workouts\n", 2, 34, "above the start");
    CHECK_ERROR(HEAD "move bridge hold 10s building to 30s by 0.5s every 2 workouts\n", 2, 41, "at least 1s");
    CHECK_ERROR(HEAD "move bridge hold 3 breaths building to 6 breaths by 1 every 2 workouts\n", 2, 28,
                "only a hold in seconds");
    CHECK_ERROR(HEAD "move bridge hold 10s building to 2h by 1s every 2 workouts\n", 2, 34, "1h limit");
    CHECK_ERROR(HEAD "move child_pose hold 40m building to 59m by 1m every 1 workout\n"
                     "move bridge hold 40m building to 59m by 1m every 1 workout\n"
                     "move cat_camel hold 40m building to 59m by 1m every 1 workout\n"
                     "move bridge hold 40m building to 59m by 1m every 1 workout\n",
                1, 1, "once its doses have built up");
}

int main(void)
{
    test_own_moves();
    test_sides_chosen();
    test_phases();
    test_minimal();
    test_exercises();
    test_header();
    test_every_move();
    test_hold();
    test_durations();
    test_reps();
    test_sides_sets_pacing();
    test_cues();
    test_rest_timer();
    test_modes();
    test_part9_language();
    test_part9_errors();
    test_review_errors();
    test_comments_and_space();
    test_text();
    test_bom_crlf();
    test_totals_and_format();
    test_errors_basic();
    test_errors_durations_numbers();
    test_errors_strings();
    test_errors_steps();
    test_errors_limits();
    test_errors_bytes();
    test_all_errors_reported();
    test_frequency();
    test_progression();
    routine_free(&r);
    return TEST_END();
}
