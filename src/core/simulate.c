/* simulate.c: the input-file parser and the headless session driver used by --simulate,
 * --shot, the tests and benchmarks. Whatever the input, it ends: a paused session with no
 * input left stops, and the session itself gives up on awaited presses. */
#include "simulate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp_input(const void *a, const void *b)
{
    const TimedInput *x = a, *y = b;
    if (x->t_ms != y->t_ms)
        return x->t_ms < y->t_ms ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

static int push(InputScript *out, int *cap, int64_t t, unsigned a, int pain, int rule)
{
    if (out->count == *cap) {
        int nc = *cap ? *cap * 2 : 64;
        TimedInput *n = realloc(out->items, sizeof *n * (size_t)nc);
        if (!n)
            return -1;
        out->items = n;
        *cap = nc;
    }
    out->items[out->count++] = (TimedInput){t, a, 0, pain, rule, false, (Sides)(a == INPUT_SIDE ? rule : 0)};
    return 0;
}

/* The first control character in [q, le) (C0 but tab and CR, DEL, C1), or NULL: such a byte is
 * refused, so nothing from the file can reach a terminal raw. */
static const char *control_char(const char *q, const char *le)
{
    for (; q < le; q++) {
        unsigned char c = (unsigned char)*q;
        if ((c < 0x20 && c != '\t' && c != '\r') || c == 0x7F ||
            (c == 0xC2 && q + 1 < le && (unsigned char)q[1] >= 0x80 && (unsigned char)q[1] < 0xA0))
            return q;
    }
    return NULL;
}

/* The value word of an action that takes one, vlen bytes at vs: "side left|right|both|skip" (the
 * answer to "Which side hurts?": left, right, both (for
 * "Both / the middle") or skip, into *rule as a Sides), "rule N|none" (which stop rule applies,
 * 1..ROUTINE_MAX_STOP_RULES or 0) or "pain N|skip" (0..10, or -1). False when it is not one. */
static bool action_value(unsigned bits, const char *vs, int vlen, int *pain, int *rule)
{
#define IS(word) (vlen == (int)sizeof word - 1 && memcmp(vs, word, sizeof word - 1) == 0)
    bool digit0 = vlen >= 1 && vs[0] >= '0' && vs[0] <= '9';
    switch (bits) {
    case INPUT_SIDE:
        *rule = IS("left")    ? SIDES_LEFT
                : IS("right") ? SIDES_RIGHT
                : IS("both")  ? SIDES_BOTH
                : IS("skip")  ? SIDES_NONE
                              : -1;
        return *rule >= 0;
    case INPUT_RULE:
        *rule = IS("none") ? 0 : vlen == 1 && vs[0] >= '1' && vs[0] <= '0' + ROUTINE_MAX_STOP_RULES ? vs[0] - '0' : -1;
        return *rule >= 0;
    case INPUT_PAIN:
        if (IS("skip")) {
            *pain = -1;
            return true;
        }
        if (!digit0 || vlen > 2 || (vlen == 2 && !(vs[1] >= '0' && vs[1] <= '9')))
            return false;
        *pain = vlen == 1 ? vs[0] - '0' : (vs[0] - '0') * 10 + (vs[1] - '0');
        return *pain <= SESSION_PAIN_MAX;
    default: return false;
    }
#undef IS
}

static void action_value_error(RoutineErrors *errs, const char *path, int line, int col, unsigned bits)
{
    if (bits == INPUT_SIDE)
        routine_errors_add(errs, path, line, col, "side needs left, right, both or skip, e.g. '8 side left'");
    else if (bits == INPUT_RULE)
        routine_errors_add(errs, path, line, col,
                           "rule needs a stop rule's number from 1 to %d or 'none', e.g. '31 rule 1'",
                           ROUTINE_MAX_STOP_RULES);
    else
        routine_errors_add(errs, path, line, col, "pain needs a number from 0 to %d or 'skip', e.g. '9.5 pain 3'",
                           SESSION_PAIN_MAX);
}

int inputscript_parse(const char *path, const char *src, size_t len, InputScript *out, RoutineErrors *errs)
{
    static const struct {
        const char *name;
        unsigned bits;
    } actions[] = {
        {"rep", INPUT_PRESS},     {"press", INPUT_PRESS}, {"release", INPUT_RELEASE}, {"pause", INPUT_PAUSE},
        {"resume", INPUT_RESUME}, {"skip", INPUT_SKIP},   {"back", INPUT_BACK},       {"quit", INPUT_QUIT},
        {"pain", INPUT_PAIN},     {"hurt", INPUT_HURT},   {"rule", INPUT_RULE},       {"side", INPUT_SIDE},
        {"ready", INPUT_PRESS}, /* a timer's Ready: a tap of the main button, as "rep" */
    };
    memset(out, 0, sizeof *out);
    memset(errs, 0, sizeof *errs);
    if (len > SIMULATE_MAX_FILE_BYTES) {
        routine_errors_add(errs, path, 1, 1, "file is %zu bytes; the limit is %d", len, SIMULATE_MAX_FILE_BYTES);
        return -1;
    }
    int cap = 0, line = 0;
    const char *p = src, *end = src + len;
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3; /* a BOM, as some editors write it: accepted as in routines */
    while (p < end && !errs->truncated) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        line++;
        const char *ls = p, *q = p;
        p = nl ? nl + 1 : end;
        while (q < le && (*q == ' ' || *q == '\t' || *q == '\r'))
            q++;
        if (q == le || *q == '#')
            continue;
        const char *bad = control_char(q, le);
        if (bad) {
            routine_errors_add(errs, path, line, 1 + (int)(bad - ls),
                               *bad ? "control character in the file (is this a text file?)" : "NUL byte in the file");
            continue;
        }
        /* SECONDS */
        const char *ts = q;
        double t = 0, scale = 0.1;
        int digits = 0;
        while (q < le && *q >= '0' && *q <= '9' && digits < 9) {
            t = t * 10 + (*q++ - '0');
            digits++;
        }
        if (q < le && *q == '.') {
            q++;
            while (q < le && *q >= '0' && *q <= '9') {
                t += (*q++ - '0') * scale;
                scale /= 10;
            }
        }
        int tcol = 1 + (int)(ts - ls);
        if (digits == 0 || (q < le && *q != ' ' && *q != '\t')) {
            routine_errors_add(errs, path, line, tcol, "expected 'SECONDS ACTION', e.g. '12.5 rep'");
            continue;
        }
        if (t > SIMULATE_MAX_SECONDS) {
            routine_errors_add(errs, path, line, tcol, "time %.0f s is past the %d s limit", t, SIMULATE_MAX_SECONDS);
            continue;
        }
        while (q < le && (*q == ' ' || *q == '\t'))
            q++;
        const char *as = q;
        while (q < le && *q != ' ' && *q != '\t' && *q != '\r' && *q != '#')
            q++;
        int alen = (int)(q - as);
        const char *rest = q;
        while (rest < le && (*rest == ' ' || *rest == '\t' || *rest == '\r'))
            rest++;
        int acol = tcol + (int)(as - ts);
        unsigned bits = 0;
        int pain = 0, rule = 0;
        for (size_t i = 0; i < sizeof actions / sizeof *actions; i++)
            if ((int)strlen(actions[i].name) == alen && memcmp(actions[i].name, as, (size_t)alen) == 0)
                bits = actions[i].bits;
        if (!bits) {
            routine_errors_add(errs, path, line, acol,
                               "unknown action '%.*s': expected rep, press, release, pause, resume, skip, back, quit, "
                               "pain, hurt, rule or side",
                               alen > 40 ? 40 : alen, as);
            continue;
        }
        if (bits == INPUT_SIDE || bits == INPUT_RULE || bits == INPUT_PAIN) {
            const char *vs = rest, *ve = rest;
            while (ve < le && *ve != ' ' && *ve != '\t' && *ve != '\r' && *ve != '#')
                ve++;
            int vlen = (int)(ve - vs), vcol = acol + (int)(vs - as);
            if (!action_value(bits, vs, vlen, &pain, &rule)) {
                action_value_error(errs, path, line, vcol, bits);
                continue;
            }
            rest = ve;
            while (rest < le && (*rest == ' ' || *rest == '\t' || *rest == '\r'))
                rest++;
            acol = vcol - alen - 1; /* "unexpected text" is then reported after the value */
            alen = vlen + alen + 1;
        }
        if (rest < le && *rest != '#') {
            routine_errors_add(errs, path, line, acol + alen + 1, "unexpected text after the action");
            continue;
        }
        if (out->count >= SIMULATE_MAX_INPUTS) {
            routine_errors_add(errs, path, line, 1, "too many inputs: the limit is %d", SIMULATE_MAX_INPUTS);
            break;
        }
        int64_t ms = (int64_t)(t * 1000.0 + 0.5);
        bool is_rep = (alen == 3 && memcmp(as, "rep", 3) == 0) || (alen == 5 && memcmp(as, "ready", 5) == 0);
        if (push(out, &cap, ms, bits, pain, rule) < 0 ||
            (is_rep && push(out, &cap, ms + SIMULATE_TAP_MS, INPUT_RELEASE, 0, 0) < 0)) {
            routine_errors_add(errs, path, line, 1, "out of memory");
            break;
        }
    }
    if (errs->count > 0) {
        inputscript_free(out);
        return -1;
    }
    /* sorted by time; same-time inputs keep their file order */
    for (int i = 0; i < out->count; i++)
        out->items[i].order = i;
    if (out->count > 1)
        qsort(out->items, (size_t)out->count, sizeof *out->items, cmp_input);
    /* the first pain line at or after a "hurt" answers "How bad is it?", not a check-in */
    bool hurt_waits = false;
    for (int i = 0; i < out->count; i++) {
        if (out->items[i].actions == INPUT_HURT) {
            hurt_waits = true;
        } else if (out->items[i].actions == INPUT_PAIN && hurt_waits) {
            out->items[i].hurt_answer = true;
            hurt_waits = false;
        }
    }
    return 0;
}

void inputscript_free(InputScript *in)
{
    free(in->items);
    memset(in, 0, sizeof *in);
}

/* Actions whose order matters: each takes a tick of its own ("It hurts" and its answers too) */
#define SIMULATE_ORDERED                                                                                               \
    (INPUT_PAUSE | INPUT_RESUME | INPUT_TOGGLE_PAUSE | INPUT_SKIP | INPUT_BACK | INPUT_QUIT | INPUT_HURT | INPUT_RULE)

/* Inputs due by session time t, merged into one tick's input. Pain answers are fed apart
 * (feed_tick), so they are passed over here. */
static SessionInput due_inputs(const InputScript *in, int *next, int64_t t)
{
    SessionInput si = {0, 0, 0, SIDES_NONE};
    while (in && *next < in->count && in->items[*next].t_ms <= t) {
        const TimedInput *it = &in->items[*next];
        unsigned bits = it->actions;
        if (bits == INPUT_PAIN || bits == INPUT_SIDE) {
            (*next)++;
            continue;
        }
        /* inputs that would lose their order or their count merged into one tick (a press and a
         * release, a pause and a resume, two skips): apply the earlier now, the later next tick */
        if ((si.actions & INPUT_PRESS) && (bits & INPUT_RELEASE))
            break;
        if ((si.actions & INPUT_RELEASE) && (bits & INPUT_PRESS))
            break;
        if ((si.actions & bits) || ((si.actions & SIMULATE_ORDERED) && (bits & SIMULATE_ORDERED)))
            break;
        /* "hurt" opens its questions: what follows is for them, from the next tick on */
        if (si.actions && (bits & INPUT_HURT))
            break;
        si.actions |= bits;
        if (bits & INPUT_RULE)
            si.rule = it->rule;
        (*next)++;
        if (bits & INPUT_HURT)
            break;
    }
    return si;
}

/* Where a simulation is in its input script: the next ordinary input and the next pain answer. */
typedef struct {
    const InputScript *in;
    int next;
    int pain_next; /* the next check-in answer */
    int hurt_next; /* the next answer to "It hurts"'s "How bad is it?" */
    int side_next; /* the next answer to "Which side hurts?" */
} Feed;

static int next_side(const InputScript *in, int from)
{
    while (in && from < in->count && in->items[from].actions != INPUT_SIDE)
        from++;
    return from;
}

static int next_pain(const InputScript *in, int from, bool hurt)
{
    while (in && from < in->count && (in->items[from].actions != INPUT_PAIN || in->items[from].hurt_answer != hurt))
        from++;
    return from;
}

static void feed_init(Feed *f, const InputScript *in)
{
    f->in = in;
    f->next = 0;
    f->pain_next = next_pain(in, 0, false);
    f->hurt_next = next_pain(in, 0, true);
    f->side_next = next_side(in, 0);
}

/* The input of the tick starting now. A due pain answer waits for the next check-in to open and
 * answers it; with no answer left in the script, check-ins are skipped at once. */
static SessionInput feed_tick(Feed *f, Session *s)
{
    SessionInput in = due_inputs(f->in, &f->next, s->t_ms);
    if (f->in && f->hurt_next < f->in->count && session_hurt_asks_pain(s) &&
        f->in->items[f->hurt_next].t_ms <= s->t_ms) {
        in.actions |= INPUT_PAIN; /* -1 ("pain skip") leaves it unanswered */
        in.pain = f->in->items[f->hurt_next].pain;
        f->hurt_next = next_pain(f->in, f->hurt_next + 1, true);
    }
    bool side_left = f->in && f->side_next < f->in->count;
    if (side_left && session_side_open(s) && f->in->items[f->side_next].t_ms <= s->t_ms) {
        Sides side = f->in->items[f->side_next].side;
        if (side == SIDES_LEFT || side == SIDES_RIGHT || side == SIDES_BOTH) {
            in.actions |= INPUT_SIDE;
            in.side = side;
        } else {
            in.actions |= INPUT_SKIP;
        }
        f->side_next = next_side(f->in, f->side_next + 1);
        side_left = f->side_next < f->in->count;
    }
    bool pain_left = f->in && f->pain_next < f->in->count;
    if (pain_left && session_checkin_open(s) && f->in->items[f->pain_next].t_ms <= s->t_ms) {
        int pain = f->in->items[f->pain_next].pain;
        if (pain >= 0) {
            in.actions |= INPUT_PAIN;
            in.pain = pain;
        } else {
            in.actions |= INPUT_SKIP;
        }
        f->pain_next = next_pain(f->in, f->pain_next + 1, false);
        pain_left = f->pain_next < f->in->count;
    }
    /* applied before the tick advances, so the answer given now is taken first; a check-in waits
     * when a pain line is left, the side question when a side line is */
    session_set_checkin_wait(s, pain_left ? SESSION_CHECKIN_WAIT_MS : 0);
    session_set_side_wait(s, side_left ? SESSION_CHECKIN_WAIT_MS : 0);
    return in;
}

/* True when the script still has an input that can act on s now or later: a paused session
 * only hears ordinary inputs, or a pain answer when a check-in is open. */
static bool feed_left(const Feed *f, const Session *s)
{
    if (!f->in)
        return false;
    return f->next < f->in->count || (f->pain_next < f->in->count && session_checkin_open(s)) ||
           (f->side_next < f->in->count && session_side_open(s)) ||
           (f->hurt_next < f->in->count && session_hurt_asks_pain(s));
}

/* ---- events held until each cue knows its voice ----
 * A cue whose clip waits in the voice queue is held back, with every event after it, until its
 * EV_VOICE says when it is said (or why not); then they go out in their order, the cue carrying
 * spoken_ms. So each cue line tells what the soundtrack does with it. */
typedef struct {
    SessionEvent *items;
    int head, count, cap;
    bool oom;
} Held;

static bool held_waits(const SessionEvent *ev)
{
    return ev->type == EV_CUE && ev->voice == SESSION_VOICE_WAITING;
}

static void held_push(Held *h, const SessionEvent *ev)
{
    if (h->head > 0 && h->head == h->count) {
        h->head = h->count = 0;
    }
    if (h->count == h->cap) {
        if (h->head > 0) { /* slide the undelivered part to the front */
            memmove(h->items, h->items + h->head, sizeof *h->items * (size_t)(h->count - h->head));
            h->count -= h->head;
            h->head = 0;
        }
        if (h->count == h->cap) {
            int nc = h->cap ? h->cap * 2 : 64;
            SessionEvent *n = realloc(h->items, sizeof *n * (size_t)nc);
            if (!n) {
                h->oom = true;
                return;
            }
            h->items = n;
            h->cap = nc;
        }
    }
    h->items[h->count++] = *ev;
}

/* Take one event from the session into the held list; deliver what no longer waits. */
static void held_take(Held *h, const Session *s, const SessionEvent *ev, SimulateEventFn fn, void *ctx)
{
    if (ev->type == EV_VOICE) {
        for (int i = h->head; i < h->count; i++) {
            SessionEvent *c = &h->items[i];
            if (c->type == EV_CUE && c->cue_id == ev->cue_id && c->voice == SESSION_VOICE_WAITING) {
                c->voice = ev->voice;
                c->spoken_ms = ev->t_ms;
                break;
            }
        }
    }
    if (h->head == h->count && !held_waits(ev)) {
        fn(ctx, s, ev);
        return;
    }
    held_push(h, ev);
    while (h->head < h->count && !held_waits(&h->items[h->head]))
        fn(ctx, s, &h->items[h->head++]);
}

/* Deliver everything still held (the session is over: nothing waits any more). */
static void held_flush(Held *h, const Session *s, SimulateEventFn fn, void *ctx)
{
    while (h->head < h->count)
        fn(ctx, s, &h->items[h->head++]);
}

SimulateResult simulate_run_voiced(const Routine *r, const InputScript *inputs, const SessionClip *clips,
                                   int clip_count, SimulateEventFn fn, void *ctx)
{
    return simulate_run_with(r, inputs, clips, clip_count, fn, NULL, ctx);
}

SimulateResult simulate_run_with(const Routine *r, const InputScript *inputs, const SessionClip *clips, int clip_count,
                                 SimulateEventFn fn, SimulateEventFn at_once, void *ctx)
{
    Session s;
    if (session_init(&s, r) < 0)
        return SIMULATE_NO_MEMORY;
    session_set_voice(&s, clips, clip_count);
    Feed f;
    feed_init(&f, inputs);
    Held h = {0};
    SimulateResult result = SIMULATE_DONE;
    while (!session_over(&s) && !h.oom) {
        SessionInput in = feed_tick(&f, &s);
        session_step(&s, &in, SESSION_TICK_MS);
        SessionEvent ev;
        while (session_poll_event(&s, &ev)) {
            if (at_once)
                at_once(ctx, &s, &ev);
            held_take(&h, &s, &ev, fn, ctx);
        }
        if ((s.paused || session_hurt_open(&s)) && !feed_left(&f, &s)) {
            result = s.paused ? SIMULATE_STUCK_PAUSED : SIMULATE_STUCK_HURT;
            break;
        }
    }
    held_flush(&h, &s, fn, ctx);
    if (h.oom)
        result = SIMULATE_NO_MEMORY;
    free(h.items);
    session_free(&s);
    return result;
}

SimulateResult simulate_run(const Routine *r, const InputScript *inputs, SimulateEventFn fn, void *ctx)
{
    return simulate_run_voiced(r, inputs, NULL, 0, fn, ctx);
}

int simulate_until(const Routine *r, const InputScript *inputs, int64_t at_ms, Session *s)
{
    return simulate_until_voiced(r, inputs, NULL, 0, at_ms, s);
}

int simulate_until_voiced(const Routine *r, const InputScript *inputs, const SessionClip *clips, int clip_count,
                          int64_t at_ms, Session *s)
{
    return simulate_until_each(r, inputs, clips, clip_count, at_ms, at_ms, s, NULL, NULL);
}

int simulate_until_each(const Routine *r, const InputScript *inputs, const SessionClip *clips, int clip_count,
                        int64_t from_ms, int64_t at_ms, Session *s, SimulateTickFn tick, void *ctx)
{
    if (session_init(s, r) < 0)
        return -1;
    session_set_voice(s, clips, clip_count);
    Feed f;
    feed_init(&f, inputs);
    while (!session_over(s) && s->t_ms < at_ms) {
        SessionInput in = feed_tick(&f, s);
        session_step(s, &in, SESSION_TICK_MS);
        SessionEvent ev;
        while (session_poll_event(s, &ev)) {
        }
        if (tick && s->t_ms > from_ms)
            tick(ctx, s);
    }
    return 0;
}
