/* test_next_step.c: the panel's "Next:" names what really comes next. A step passed over for
 * today (here: `side away` when "Which side hurts?" is skipped) is not named, as Camden's double
 * knee hug said "Next: Knee rolls" and the knee rolls were then passed over (review 29 #6); and a
 * step's own next side or set comes first: the first side of a two-sided last step said "Last
 * step" (review 29). Core only: the view (session_view) as the workout runs with no presses.
 * Then every shipped routine and routines made for it (alternating reps, alternating holds, sets of
 * alternating runs, open holds, "Which side hurts?" answered each way), with no presses and with a
 * press every few seconds: every 100 ms of every step's work, the panel's line (session_next_text)
 * names the next distinct thing that then happens: the step's next run's side, its next set, the
 * next step, or "Last step" (review 30 #4: 07's knee to chest said "Last step" with 9 runs to come,
 * 09's knee hug "Next: Rest on your back" for 3 minutes of its first leg). Reads levels/. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routine.h"
#include "session.h"
#include "simulate.h"
#include "testholdways.h"
#include "testutil.h"

static const char routine_text[] = "title \"Next\"\n"
                                   "sides chosen\n"
                                   "move knees_to_chest\n"
                                   "  hold 10s\n"
                                   "move knee_rolls\n"
                                   "  reps 2 tempo 4s\n"
                                   "  side away\n"
                                   "move bridge\n"
                                   "  reps 2 tempo 3s\n"
                                   "  sets 2 rest 10s\n"
                                   "move knee_to_chest\n"
                                   "  reps 2 tempo 4s\n"
                                   "  sides both\n";

/* What the view says at each WORK segment, first tick of it. */
typedef struct {
    int step, set;
    Sides side;
    int next_step; /* -1: none ("Last step") */
    Sides next_side;
    int next_set;
} Seen;

/* Play r with inputs to its results, noting the view at the start of each WORK segment. */
static int play(const Routine *r, TimedInput *in, int n, Seen *seen, int max)
{
    int count = 0, last_seg = -1;
    for (int64_t t = 0; t < 3600 * 1000 && count < max; t += 100) {
        Session s;
        InputScript script = {in, n};
        if (simulate_until(r, n ? &script : NULL, t, &s) != 0)
            return count;
        SessionView v = session_view(&s, 0);
        if (v.kind == SEG_WORK && s.seg != last_seg) {
            last_seg = s.seg;
            seen[count++] =
                (Seen){v.step_index, v.set, v.side, v.next ? (int)(v.next - r->steps) : -1, v.next_side, v.next_set};
        }
        bool over = v.kind == SEG_RESULTS || v.kind == SEG_DONE;
        session_free(&s);
        if (over)
            break;
    }
    return count;
}

/* ---- the line against what comes: every 100 ms of the work ---- */

#define WALK_SAMPLE_MS 100
#define WALK_MAX_TEXT 96

typedef struct {
    int seg; /* the WORK segment entered */
    int step, set;
    Sides side;
} Entered;

typedef struct {
    int64_t t_ms;
    int entered; /* index into Walk.entered: the WORK segment the panel is on */
    char text[WALK_MAX_TEXT];
} Sample;

typedef struct {
    Entered *entered;
    int entered_count, entered_cap;
    Sample *samples;
    int sample_count, sample_cap;
    int last_seg;
    bool no_memory;
} Walk;

/* Grow *items (of count, capacity *cap, each size bytes) by one; false when out of memory. */
static bool walk_grow(void **items, int count, int *cap, size_t size)
{
    if (count < *cap)
        return true;
    int n = *cap ? *cap * 2 : 256;
    void *more = realloc(*items, (size_t)n * size);
    if (!more)
        return false;
    *items = more;
    *cap = n;
    return true;
}

/* After each tick: note each WORK segment as it is entered, and the panel's line every 100 ms. */
static void walk_tick(void *ctx, const Session *s)
{
    Walk *w = ctx;
    const Segment *g = &s->segments[s->seg];
    if (g->kind != SEG_WORK) {
        w->last_seg = -1;
        return;
    }
    if (s->seg != w->last_seg) {
        if (!walk_grow((void **)&w->entered, w->entered_count, &w->entered_cap, sizeof *w->entered)) {
            w->no_memory = true;
            return;
        }
        w->entered[w->entered_count++] = (Entered){s->seg, g->step, g->set, g->side};
        w->last_seg = s->seg;
    }
    if (s->t_ms % WALK_SAMPLE_MS != 0)
        return;
    if (!walk_grow((void **)&w->samples, w->sample_count, &w->sample_cap, sizeof *w->samples)) {
        w->no_memory = true;
        return;
    }
    Sample *x = &w->samples[w->sample_count++];
    SessionView v = session_view(s, 0);
    x->t_ms = s->t_ms;
    x->entered = w->entered_count - 1;
    session_next_text(&v, x->text, sizeof x->text);
}

/* What the line should say on entered run a: the next WORK segment that came after it. */
static void walk_expected(const Routine *r, const Walk *w, int a, char *buf, size_t size)
{
    const Entered *e = &w->entered[a];
    if (a + 1 >= w->entered_count) {
        snprintf(buf, size, "Last step");
        return;
    }
    const Entered *n = &w->entered[a + 1];
    if (n->step != e->step)
        snprintf(buf, size, "Next: %s", routine_step_name(&r->steps[n->step]));
    else if (n->set != e->set)
        snprintf(buf, size, "Next: set %d of %d", n->set, r->steps[n->step].sets);
    else if (n->side != e->side && n->side != SIDES_NONE)
        snprintf(buf, size, "Next: %s", n->side == SIDES_LEFT ? "Left side" : "Right side");
    else
        snprintf(buf, size, "(the same run again)");
}

/* Play r (named name) with inputs in[0..n) to its end; every 100 ms of work, the panel's line must
 * name what came next. Prints each stretch where it did not. Returns the samples that did not. */
static int walk(const char *name, const Routine *r, TimedInput *in, int n)
{
    Walk w = {.last_seg = -1};
    Session s;
    InputScript script = {in, n};
    int wrong = 0;
    CHECK_INT(simulate_until_each(r, n ? &script : NULL, NULL, 0, 0, 3600 * 1000, &s, walk_tick, &w), 0);
    CHECK(!w.no_memory);
    CHECK(session_over(&s));
    CHECK(w.sample_count > 0);
    char want[WALK_MAX_TEXT];
    int64_t from = -1;
    for (int i = 0; i < w.sample_count; i++) {
        const Sample *x = &w.samples[i];
        walk_expected(r, &w, x->entered, want, sizeof want);
        bool ok = strcmp(x->text, want) == 0;
        wrong += !ok;
        if (!ok && from < 0)
            from = x->t_ms;
        /* the end of a stretch of one wrong line */
        const Sample *y = i + 1 < w.sample_count ? &w.samples[i + 1] : NULL;
        char want_y[WALK_MAX_TEXT] = "";
        if (y)
            walk_expected(r, &w, y->entered, want_y, sizeof want_y);
        if (!ok && (!y || y->entered != x->entered || strcmp(y->text, x->text) != 0 || strcmp(want_y, want) != 0)) {
            const Entered *e = &w.entered[x->entered];
            fprintf(stderr, "%s: %.1f-%.1f s, %s set %d %s: says \"%s\", comes \"%s\"\n", name, (double)from / 1000,
                    (double)x->t_ms / 1000, routine_step_name(&r->steps[e->step]), e->set, session_side_name(e->side),
                    x->text, want);
            from = -1;
        }
    }
    CHECK_INT(wrong, 0);
    session_free(&s);
    free(w.entered);
    free(w.samples);
    return wrong;
}

/* A press (and its release) every `every` ms from `first` to `last`, into in (room for max). */
static int presses(TimedInput *in, int n, int max, int64_t first, int64_t every, int64_t last)
{
    for (int64_t t = first; t <= last && n + 2 <= max; t += every) {
        in[n] = (TimedInput){t, INPUT_PRESS, n, 0, 0, false, SIDES_NONE};
        n++;
        in[n] = (TimedInput){t + SIMULATE_TAP_MS, INPUT_RELEASE, n, 0, 0, false, SIDES_NONE};
        n++;
    }
    return n;
}

/* The whole of path's text, NUL-ended, or NULL; the caller frees it. */
static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = malloc(256 * 1024);
    size_t n = buf ? fread(buf, 1, 256 * 1024 - 1, f) : 0;
    fclose(f);
    if (buf)
        buf[n] = '\0';
    *len = n;
    return buf;
}

#define WALK_MAX_INPUTS 2048

/* Walk routine text src named name: with no presses, and a press every 7.3 s (ending open holds,
 * counting reps); a routine with "Which side hurts?" answered left, right, both and skipped. */
static int walk_all(const char *name, const char *src, size_t len)
{
    static Routine r;
    static TimedInput in[WALK_MAX_INPUTS];
    RoutineErrors *errs = calloc(1, sizeof *errs);
    int rc = errs ? routine_parse(name, src, len, &r, errs) : -1;
    free(errs);
    CHECK_INT(rc, 0);
    if (rc != 0)
        return 1;
    testholdways_fill(&r);
    int wrong = 0;
    static const Sides answers[] = {SIDES_LEFT, SIDES_RIGHT, SIDES_BOTH, SIDES_NONE};
    int asked = r.sides_chosen ? 4 : 1;
    for (int a = 0; a < asked; a++)
        for (int pressing = 0; pressing < 2; pressing++) {
            int n = 0;
            if (r.sides_chosen)
                in[n] = (TimedInput){0, INPUT_SIDE, n, 0, 0, false, answers[a]}, n++;
            if (pressing)
                n = presses(in, n, WALK_MAX_INPUTS, 7300, 7300, 3600 * 1000);
            char label[160];
            snprintf(label, sizeof label, "%s%s%s%s", name, r.sides_chosen ? ", side " : "",
                     r.sides_chosen ? session_side_name(answers[a]) : "", pressing ? ", pressed" : "");
            wrong += walk(label, &r, in, n);
        }
    routine_free(&r);
    return wrong;
}

static const char alternating_reps[] = "title \"Alternating reps\"\n"
                                       "move knee_rolls\n"
                                       "  reps 3 each side tempo 3s\n"
                                       "  sides alternate\n"
                                       "move knee_to_chest\n"
                                       "  reps 3 in all tempo 3s hold 2s\n"
                                       "  sides alternate\n"
                                       "rest 10s\n"
                                       "move knee_rolls\n"
                                       "  reps 2 each side tempo 3s\n"
                                       "  sides alternate\n";

static const char alternating_holds[] = "title \"Alternating holds\"\n"
                                        "move knee_to_chest\n"
                                        "  hold 10s\n"
                                        "  sides alternate\n"
                                        "move knees_to_chest\n"
                                        "  hold 10s\n"
                                        "move knee_to_chest\n"
                                        "  hold 8s\n"
                                        "  sides alternate\n";

static const char sets_alternating[] = "title \"Sets of alternating runs\"\n"
                                       "move knee_to_chest\n"
                                       "  reps 3 in all tempo 3s\n"
                                       "  sides alternate\n"
                                       "  sets 2 rest 10s\n"
                                       "move knee_rolls\n"
                                       "  reps 2 each side tempo 3s\n"
                                       "  sides alternate\n"
                                       "  sets 3 rest 10s\n"
                                       "move knee_to_chest\n"
                                       "  hold 6s\n"
                                       "  sides alternate\n"
                                       "  sets 2 rest 10s\n";

static const char open_holds[] = "title \"Open holds\"\n"
                                 "move knee_to_chest\n"
                                 "  hold open\n"
                                 "  sides alternate\n"
                                 "move knees_to_chest\n"
                                 "  hold open\n"
                                 "  sets 2 rest 10s\n"
                                 "move knee_to_chest\n"
                                 "  hold open\n"
                                 "  sides both\n"
                                 "move knee_to_chest\n"
                                 "  hold open\n"
                                 "  sides alternate\n"
                                 "  sets 2 rest 10s\n";

static const char self_paced[] = "title \"Self-paced alternating\"\n"
                                 "move knee_rolls\n"
                                 "  reps 3 each side tempo 3s\n"
                                 "  sides alternate\n"
                                 "  pacing self\n"
                                 "move bridge\n"
                                 "  reps 2 tempo 3s\n"
                                 "  pacing self\n"
                                 "  sets 2 rest 10s\n";

static const char chosen_sides[] = "title \"Chosen sides\"\n"
                                   "sides chosen\n"
                                   "move knee_rolls\n"
                                   "  reps 2 tempo 4s\n"
                                   "  side away\n"
                                   "  sets 2 rest 10s\n"
                                   "move knee_to_chest\n"
                                   "  reps 2 in all tempo 4s\n"
                                   "  sides alternate\n"
                                   "move knee_rolls\n"
                                   "  reps 2 tempo 4s\n"
                                   "  side toward\n";

/* Every shipped routine and the made ones: the line names what comes, all the way through. */
static void walk_everything(void)
{
    static const char *levels[] = {"levels/01-gentle-start.routine",
                                   "levels/02-core-strength.routine",
                                   "levels/03-desk-break.routine",
                                   "levels/04-cold-pack.routine",
                                   "levels/05-nhs-inform-back.routine",
                                   "levels/06-nhs-lower-back.routine",
                                   "levels/07-versus-arthritis-back.routine",
                                   "levels/08-camden-acute-back.routine",
                                   "levels/09-guys-easy-start.routine"};
    int wrong = 0;
    for (size_t i = 0; i < sizeof levels / sizeof levels[0]; i++) {
        size_t len = 0;
        char *src = read_all(levels[i], &len);
        CHECK(src != NULL);
        if (src)
            wrong += walk_all(levels[i], src, len);
        free(src);
    }
    static const struct {
        const char *name, *src;
    } made[] = {{"alternating reps", alternating_reps},         {"alternating holds", alternating_holds},
                {"sets of alternating runs", sets_alternating}, {"open holds", open_holds},
                {"self-paced alternating", self_paced},         {"chosen sides", chosen_sides}};
    for (size_t i = 0; i < sizeof made / sizeof made[0]; i++)
        wrong += walk_all(made[i].name, made[i].src, strlen(made[i].src));
    printf("the line differed from what came next in %d samples of 100 ms\n", wrong);
}

int main(void)
{
    Routine r;
    RoutineErrors *errs = calloc(1, sizeof *errs);
    int rc = routine_parse("next.routine", routine_text, strlen(routine_text), &r, errs);
    free(errs);
    CHECK_INT(rc, 0);
    if (rc != 0)
        return TEST_END();
    Seen seen[32];

    /* "Which side hurts?" answered: the knee rolls run, and the knee hug names them */
    TimedInput answered[] = {{0, INPUT_SIDE, 0, 0, 0, false, SIDES_RIGHT}};
    int n = play(&r, answered, 1, seen, 32);
    CHECK(n >= 6); /* the hug, one side of knee rolls, two sets of bridges, two sides of the hug */
    CHECK_INT(seen[0].step, 0);
    CHECK_INT(seen[0].next_step, 1);
    CHECK_INT(seen[0].next_set, 0);

    /* skipped: the knee rolls are passed over, so the knee hug names the bridge */
    TimedInput skipped[] = {{0, INPUT_SIDE, 0, 0, 0, false, SIDES_NONE}};
    n = play(&r, skipped, 1, seen, 32);
    CHECK(n >= 5);
    CHECK_INT(seen[0].step, 0);
    CHECK_INT(seen[0].next_step, 2);
    for (int i = 0; i < n; i++)
        CHECK(seen[i].step != 1);

    /* the bridge's first set names its second set first, the second the knee hug; the last step's
     * first side names its other side, the other side "Last step" */
    int bridge = -1, hug = -1;
    for (int i = 0; i < n; i++) {
        if (seen[i].step == 2 && bridge < 0)
            bridge = i;
        if (seen[i].step == 3 && hug < 0)
            hug = i;
    }
    CHECK(bridge >= 0 && hug > bridge + 1);
    if (bridge >= 0 && hug > bridge + 1) {
        CHECK_INT(seen[bridge].set, 1);
        CHECK_INT(seen[bridge].next_set, 2);
        CHECK_INT(seen[bridge].next_step, 3);
        CHECK_INT(seen[bridge + 1].set, 2);
        CHECK_INT(seen[bridge + 1].next_set, 0);
        CHECK_INT(seen[hug].next_step, -1);
        CHECK_INT(seen[hug].next_set, 1);
        CHECK(seen[hug].next_side != SIDES_NONE && seen[hug].next_side != seen[hug].side);
        CHECK(hug + 1 < n);
        if (hug + 1 < n) {
            CHECK_INT(seen[hug + 1].step, 3);
            CHECK_INT(seen[hug + 1].next_set, 0);
            CHECK_INT(seen[hug + 1].next_step, -1);
        }
    }
    routine_free(&r);
    walk_everything();
    return TEST_END();
}
