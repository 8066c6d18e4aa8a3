/* test_next_step.c: the panel's "Next:" names what really comes next. A step passed over for
 * today (here: `side away` when "Which side hurts?" is skipped) is not named, as Camden's double
 * knee hug said "Next: Knee rolls" and the knee rolls were then passed over (review 29 #6); and a
 * step's own next side or set comes first: the first side of a two-sided last step said "Last
 * step" (review 29). Core only: the view (session_view) as the workout runs with no presses. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routine.h"
#include "session.h"
#include "simulate.h"
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
    return TEST_END();
}
