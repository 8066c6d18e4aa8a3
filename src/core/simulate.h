/* simulate.h: timed user inputs (the --input file of docs/simulate.md) and a driver that runs a
 * whole session from them as fast as the CPU allows. Pure: no clock, no I/O. */
#ifndef UNKNOT_SIMULATE_H
#define UNKNOT_SIMULATE_H

#include <stdbool.h>
#include <stdint.h>

#include "routine.h"
#include "session.h"

#define SIMULATE_MAX_INPUTS 100000
#define SIMULATE_MAX_FILE_BYTES (4 * 1024 * 1024)
#define SIMULATE_MAX_SECONDS (24 * 3600) /* input times beyond a day are refused */
#define SIMULATE_TAP_MS 100 /* a "rep" is a press and a release this much later */

typedef struct {
    int64_t t_ms;
    unsigned actions; /* INPUT_* bits */
    int order; /* position in the file, to keep same-time inputs in order */
    int pain; /* INPUT_PAIN: 0..SESSION_PAIN_MAX, or -1 for "pain skip" */
    int rule; /* INPUT_RULE: 1.. a stop rule, or 0 for "rule none" */
    bool hurt_answer; /* INPUT_PAIN: the first pain line after a "hurt": it answers "How bad is it?" */
    Sides side; /* INPUT_SIDE: SIDES_LEFT / SIDES_RIGHT / SIDES_BOTH, or SIDES_NONE for "side skip" */
} TimedInput;

typedef struct {
    TimedInput *items; /* sorted by time, owned */
    int count;
} InputScript;

/* Parse an input file: lines "SECONDS ACTION", actions rep press release pause resume skip back
 * quit hurt, "pain N" (0..10) and "pain skip", "rule N" and "rule none", "side left|right|both|skip",
 * '#' comments. Returns 0 and fills *out, or -1
 * and fills errs. Free with inputscript_free. */
int inputscript_parse(const char *path, const char *src, size_t len, InputScript *out, RoutineErrors *errs);

void inputscript_free(InputScript *in);

typedef void (*SimulateEventFn)(void *ctx, const Session *s, const SessionEvent *ev);

typedef enum { SIMULATE_DONE, SIMULATE_STUCK_PAUSED, SIMULATE_STUCK_HURT, SIMULATE_NO_MEMORY } SimulateResult;

/* Run r with inputs (may be NULL) to its end, calling fn for every event in order. Ends early
 * (SIMULATE_STUCK_PAUSED) when the session is paused and no input is left to resume it, and
 * (SIMULATE_STUCK_HURT) when "It hurts" is open and no input is left to answer it.
 * "Which side hurts?" ("sides chosen"): side lines answer it as pain lines answer check-ins.
 * "It hurts": the first pain line at or after a "hurt" answers its "How bad is it?" (when it is
 * due and the question is open); "rule N" answers its stop-rule question; skip and quit its last.
 * Pain check-ins: a "pain" input due at or before the time a check-in is open answers it (an
 * earlier one waits for the next check-in); with no pain input left, check-ins are skipped at
 * once, so scripts without pain lines keep their times; an answer later than
 * SESSION_CHECKIN_WAIT_MS after a check-in opens comes too late (skipped, as in the app). */
SimulateResult simulate_run(const Routine *r, const InputScript *inputs, SimulateEventFn fn, void *ctx);

/* simulate_run with the voice planned from clips[0..clip_count) (session_set_voice; borrowed):
 * every EV_CUE reaches fn with its voice decided (spoken at spoken_ms, or dropped and why; the
 * events after a waiting cue are held back with it, so the order stays), and the EV_VOICE events
 * (a clip starts, or a request is dropped) reach fn too, at their place in time. */
SimulateResult simulate_run_voiced(const Routine *r, const InputScript *inputs, const SessionClip *clips,
                                   int clip_count, SimulateEventFn fn, void *ctx);

/* simulate_run_voiced, and at_once (may be NULL) sees each event the moment the session emits
 * it, with the session as it is then (within one tick of the event), before a waiting cue holds
 * it back from fn: what must happen at the event's own time, such as recording a step's end in
 * the history, goes there; what must be in order with the voice (the printed lines), to fn. */
SimulateResult simulate_run_with(const Routine *r, const InputScript *inputs, const SessionClip *clips, int clip_count,
                                 SimulateEventFn fn, SimulateEventFn at_once, void *ctx);

/* Run r without inputs until session time at_ms (or its end); s is left there for drawing.
 * Returns 0, or -1 when out of memory. The caller frees s with session_free. */
int simulate_until(const Routine *r, const InputScript *inputs, int64_t at_ms, Session *s);

/* simulate_until with the voice planned from clips (borrowed: must outlive s), as the app plans it. */
int simulate_until_voiced(const Routine *r, const InputScript *inputs, const SessionClip *clips, int clip_count,
                          int64_t at_ms, Session *s);

/* simulate_until_voiced, calling tick(ctx, s) after each tick that ends after from_ms, with the
 * session as it is then (its events drained): --shot plays the frames before its moment. */
typedef void (*SimulateTickFn)(void *ctx, const Session *s);
int simulate_until_each(const Routine *r, const InputScript *inputs, const SessionClip *clips, int clip_count,
                        int64_t from_ms, int64_t at_ms, Session *s, SimulateTickFn tick, void *ctx);

#endif
