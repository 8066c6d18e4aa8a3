/* bench_simulate.c: how fast the headless driver runs a 20-minute routine (the speed behind
 * --simulate, --shot and the tests). Prints figures only; it never fails on timing. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "routine.h"
#include "simulate.h"

/* Twenty minutes of the kinds of step the levels use: holds with cues, sided holds, rep steps
 * with beats and each-rep cues, sets, rests and a long timer. */
static const char bench_routine[] =
    "title \"Bench\"\n"
    "intro \"Twenty minutes.\"\n"
    "move child_pose hold 1m\n  say start \"In.\"\n  say half \"Half.\"\n  say end-10s \"Ten.\"\n count-aloud\n"
    "rest 30s \"Breathe.\"\n"
    "move cat_camel reps 15 tempo 4s sets 3 rest 30s\n  say each-rep \"Up.\"\n  count-aloud\n"
    "move spinal_twist hold 1m sets 2 rest 20s\n  say start \"Turn.\"\n"
    "move bird_dog reps 10 tempo 4s hold 2s\n  say half \"Level hips.\"\n"
    "move bridge reps 12 tempo 4s hold 3s\n"
    "timer 2m36s \"Cold pack.\"\n  say half \"Check your skin.\"\n"
    "move forward_fold hold 3 breaths\n"
    "move superman reps 10 tempo 4s hold 2s sets 2 rest 30s\n";

static long events;

static void count_event(void *ctx, const Session *s, const SessionEvent *ev)
{
    (void)ctx;
    (void)s;
    (void)ev;
    events++;
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

int main(void)
{
    Routine r;
    RoutineErrors errs;
    if (routine_parse("bench.routine", bench_routine, strlen(bench_routine), &r, &errs) != 0) {
        char b[512];
        routine_error_format(&errs.items[0], b, sizeof b);
        fprintf(stderr, "bench_simulate: %s\n", b);
        return 1;
    }
    Session s;
    session_init(&s, &r);
    double planned_ms = (double)session_planned_ms(&s);
    session_free(&s);
    const int runs = 20;
    double best = 1e18, total = 0;
    for (int i = 0; i < runs; i++) {
        events = 0;
        double t0 = now_ms();
        if (simulate_run(&r, NULL, count_event, NULL) != SIMULATE_DONE) {
            fprintf(stderr, "bench_simulate: the run did not finish\n");
            routine_free(&r);
            return 1;
        }
        double dt = now_ms() - t0;
        total += dt;
        if (dt < best)
            best = dt;
    }
    double mean = total / runs;
    printf("simulate: %.1f-minute routine in %.3f ms (best of %d, mean %.3f ms, %ld events), %.0f x faster than real "
           "time\n",
           planned_ms / 60000.0, best, runs, mean, events, planned_ms / (best > 0 ? best : 1e-6));
    routine_free(&r);
    return 0;
}
