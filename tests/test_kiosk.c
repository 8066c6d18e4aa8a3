/* test_kiosk.c: the kiosk's rules in core (kiosk.h) with exact times: the idle reset and its
 * countdown, the chord, the keypad, the PIN tries and lock-out, the attract-tiles-workout loop;
 * the attract loop's sides; a tile's minutes and the most its open holds can make them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kiosk.h"
#include "simulate.h"
#include "testutil.h"

static KioskSettings settings(void)
{
    KioskSettings s;
    memset(&s, 0, sizeof s);
    s.idle_ms = 60000;
    s.tile_count = 3;
    s.tile_columns = 3;
    s.patient_codes = true;
    s.have_pin = true;
    return s;
}

static void act(Kiosk *k, unsigned actions)
{
    KioskInput in = {0};
    in.actions = actions;
    kiosk_step(k, &in, 10);
}

static void tap(Kiosk *k, int item)
{
    KioskInput in = {0};
    in.actions = KIOSK_IN_TAP | KIOSK_IN_ANY;
    in.item = item;
    kiosk_step(k, &in, 10);
}

/* Let ms pass in 10 ms steps with the same held state. */
static void wait_ms(Kiosk *k, int ms, bool chord, bool busy)
{
    KioskInput in = {0};
    in.chord = chord;
    in.workout_busy = busy;
    for (int t = 0; t < ms; t += 10)
        kiosk_step(k, &in, 10);
}

static int drain(Kiosk *k, KioskCommandType want, KioskCommand *out)
{
    KioskCommand c;
    int n = 0;
    while (kiosk_poll_command(k, &c))
        if (c.type == want) {
            n++;
            if (out)
                *out = c;
        }
    return n;
}

static void type_pin(Kiosk *k, const char *pin)
{
    for (const char *p = pin; *p; p++) {
        KioskInput in = {0};
        in.actions = KIOSK_IN_DIGIT | KIOSK_IN_ANY;
        in.digit = *p - '0';
        kiosk_step(k, &in, 10);
    }
    tap(k, KEYPAD_OK);
}

static void test_flow(void)
{
    KioskSettings s = settings();
    Kiosk k;
    kiosk_init(&k, &s);
    CHECK_INT(k.screen, KIOSK_ATTRACT);
    /* the mouse moving alone does not start; a press does, and only opens the tiles */
    act(&k, KIOSK_IN_ACTIVITY);
    CHECK_INT(k.screen, KIOSK_ATTRACT);
    act(&k, KIOSK_IN_ANY | KIOSK_IN_PRESS);
    CHECK_INT(k.screen, KIOSK_TILES);
    CHECK_INT(drain(&k, KIOSK_CMD_START_WORKOUT, NULL), 0);
    act(&k, KIOSK_IN_RIGHT | KIOSK_IN_ANY);
    CHECK_INT(k.focus, 1);
    act(&k, KIOSK_IN_PRESS | KIOSK_IN_ANY);
    CHECK_INT(k.screen, KIOSK_WORKOUT);
    KioskCommand c;
    CHECK_INT(drain(&k, KIOSK_CMD_START_WORKOUT, &c), 1);
    CHECK_INT(c.tile, 1);
    CHECK_STR(c.code, "");
    KioskInput over = {0};
    over.workout_over = true;
    kiosk_step(&k, &over, 10);
    CHECK_INT(k.screen, KIOSK_ATTRACT);
    CHECK_INT(k.focus, 0);

    /* a second visitor with a patient code; the third has none: nothing carried over */
    act(&k, KIOSK_IN_ANY);
    CHECK_INT(k.screen, KIOSK_TILES);
    CHECK_INT(kiosk_item_count(&k), 4);
    tap(&k, 3);
    CHECK_INT(k.screen, KIOSK_CODE);
    type_pin(&k, "12"); /* too short */
    CHECK_INT(k.note, KIOSK_NOTE_TOO_SHORT);
    CHECK_INT(k.screen, KIOSK_CODE);
    type_pin(&k, "345678"); /* 12 + 3456 (the keypad takes 6 digits at most) */
    CHECK_INT(k.screen, KIOSK_TILES);
    CHECK_STR(k.code, "123456");
    tap(&k, 0);
    CHECK_INT(drain(&k, KIOSK_CMD_START_WORKOUT, &c), 1);
    CHECK_STR(c.code, "123456");
    kiosk_step(&k, &over, 10);
    CHECK_STR(k.code, "");
    act(&k, KIOSK_IN_ANY);
    tap(&k, 2);
    CHECK_INT(drain(&k, KIOSK_CMD_START_WORKOUT, &c), 1);
    CHECK_STR(c.code, "");
    CHECK_INT(c.tile, 2);
    CHECK_INT(k.workouts_started, 3);

    /* Back from the tiles is the attract loop; the code keypad's Cancel is the tiles */
    kiosk_step(&k, &over, 10);
    act(&k, KIOSK_IN_ANY);
    tap(&k, 3);
    tap(&k, KEYPAD_CANCEL);
    CHECK_INT(k.screen, KIOSK_TILES);
    act(&k, KIOSK_IN_BACK | KIOSK_IN_ANY);
    CHECK_INT(k.screen, KIOSK_ATTRACT);
}

static void test_idle(void)
{
    KioskSettings s = settings();
    s.idle_ms = 30000;
    Kiosk k;
    kiosk_init(&k, &s);
    /* the attract loop never resets */
    wait_ms(&k, 200000, false, false);
    CHECK_INT(k.screen, KIOSK_ATTRACT);
    /* the tiles: exactly at the set time, "Still there?"; a press brings the tiles back */
    act(&k, KIOSK_IN_ANY);
    wait_ms(&k, 29990, false, false);
    CHECK_INT(k.screen, KIOSK_TILES);
    wait_ms(&k, 10, false, false);
    CHECK_INT(k.screen, KIOSK_STILL_THERE);
    CHECK_INT(kiosk_still_seconds(&k), 10);
    wait_ms(&k, 4000, false, false);
    CHECK_INT(kiosk_still_seconds(&k), 6);
    act(&k, KIOSK_IN_ANY);
    CHECK_INT(k.screen, KIOSK_TILES);

    /* a workout running a guided hold is never idle; one waiting for presses is */
    tap(&k, 0);
    drain(&k, KIOSK_CMD_START_WORKOUT, NULL);
    wait_ms(&k, 600000, false, true);
    CHECK_INT(k.screen, KIOSK_WORKOUT);
    CHECK(kiosk_workout_runs(&k));
    wait_ms(&k, 29990, false, false);
    CHECK_INT(k.screen, KIOSK_WORKOUT);
    wait_ms(&k, 10, false, false);
    CHECK_INT(k.screen, KIOSK_STILL_THERE);
    CHECK(!kiosk_workout_runs(&k));
    /* the countdown runs out: the workout is dropped and the attract loop shows */
    wait_ms(&k, KIOSK_STILL_THERE_MS - 10, false, false);
    CHECK_INT(k.screen, KIOSK_STILL_THERE);
    CHECK_INT(drain(&k, KIOSK_CMD_END_WORKOUT, NULL), 0);
    wait_ms(&k, 10, false, false);
    CHECK_INT(k.screen, KIOSK_ATTRACT);
    CHECK_INT(drain(&k, KIOSK_CMD_END_WORKOUT, NULL), 1);

    /* activity (a workout button, the mouse) keeps the workout going */
    act(&k, KIOSK_IN_ANY);
    tap(&k, 0);
    for (int i = 0; i < 10; i++) {
        wait_ms(&k, 20000, false, false);
        act(&k, KIOSK_IN_ACTIVITY);
    }
    CHECK_INT(k.screen, KIOSK_WORKOUT);
}

static void test_busy(void)
{
    SessionView v;
    memset(&v, 0, sizeof v);
    v.kind = SEG_WORK;
    CHECK(kiosk_session_busy(&v)); /* a guided hold, rest or timer */
    v.awaiting_press = true;
    CHECK(!kiosk_session_busy(&v)); /* a self-paced step waiting for presses */
    v.awaiting_press = false;
    v.paused = true;
    CHECK(!kiosk_session_busy(&v));
    v.paused = false;
    v.kind = SEG_READY;
    CHECK(kiosk_session_busy(&v));
    v.kind = SEG_PAIN_BEFORE; /* a check-in waiting for its answer */
    CHECK(!kiosk_session_busy(&v));
}

static void test_pin(void)
{
    KioskSettings s = settings();
    Kiosk k;
    kiosk_init(&k, &s);
    /* the chord must be held KIOSK_CHORD_MS; a shorter hold does nothing */
    wait_ms(&k, KIOSK_CHORD_MS - 10, true, false);
    CHECK_INT(k.screen, KIOSK_ATTRACT);
    wait_ms(&k, 10, false, false);
    wait_ms(&k, KIOSK_CHORD_MS - 10, true, false);
    CHECK_INT(k.screen, KIOSK_ATTRACT);
    wait_ms(&k, 10, true, false);
    CHECK_INT(k.screen, KIOSK_PIN);
    /* still held: nothing more */
    wait_ms(&k, 20000, true, false);
    CHECK_INT(k.screen, KIOSK_PIN);

    /* during a workout the chord drops the workout */
    act(&k, KIOSK_IN_BACK);
    CHECK_INT(k.screen, KIOSK_ATTRACT);
    wait_ms(&k, 10, false, false);
    act(&k, KIOSK_IN_ANY);
    tap(&k, 0);
    drain(&k, KIOSK_CMD_START_WORKOUT, NULL);
    wait_ms(&k, KIOSK_CHORD_MS, true, true);
    CHECK_INT(k.screen, KIOSK_PIN);
    CHECK_INT(drain(&k, KIOSK_CMD_END_WORKOUT, NULL), 1);
    wait_ms(&k, 10, false, false);

    /* four wrong PINs count down; the right one opens the admin screen and resets the count */
    KioskCommand c;
    for (int i = 0; i < 4; i++) {
        type_pin(&k, "0000");
        CHECK_INT(drain(&k, KIOSK_CMD_CHECK_PIN, &c), 1);
        CHECK_STR(c.digits, "0000");
        kiosk_pin_checked(&k, false);
        CHECK_INT(k.note, KIOSK_NOTE_WRONG_PIN);
        CHECK_INT(kiosk_tries_left(&k), 4 - i);
    }
    type_pin(&k, "2468");
    CHECK_INT(drain(&k, KIOSK_CMD_CHECK_PIN, &c), 1);
    kiosk_pin_checked(&k, true);
    CHECK_INT(k.screen, KIOSK_ADMIN);
    CHECK_INT(kiosk_tries_left(&k), KIOSK_PIN_TRIES);
    act(&k, KIOSK_IN_DOWN);
    act(&k, KIOSK_IN_PRESS);
    CHECK_INT(drain(&k, KIOSK_CMD_EXIT, NULL), 1);
    tap(&k, ADMIN_RELOAD);
    CHECK_INT(drain(&k, KIOSK_CMD_RELOAD, NULL), 1);
    CHECK_INT(k.note, KIOSK_NOTE_RELOADED);
    tap(&k, ADMIN_CLOSE);
    CHECK_INT(k.screen, KIOSK_ATTRACT);

    /* five wrong PINs lock the keypad for a minute, even after leaving it */
    wait_ms(&k, KIOSK_CHORD_MS, true, false);
    for (int i = 0; i < KIOSK_PIN_TRIES; i++) {
        type_pin(&k, "1111");
        drain(&k, KIOSK_CMD_CHECK_PIN, NULL);
        kiosk_pin_checked(&k, false);
    }
    CHECK_INT(k.note, KIOSK_NOTE_LOCKED);
    CHECK(kiosk_locked_ms(&k) > KIOSK_LOCKOUT_MS - 100);
    type_pin(&k, "2468");
    CHECK_INT(drain(&k, KIOSK_CMD_CHECK_PIN, NULL), 0);
    CHECK_STR(k.digits, "");
    tap(&k, KEYPAD_CANCEL);
    CHECK_INT(k.screen, KIOSK_ATTRACT);
    wait_ms(&k, KIOSK_CHORD_MS, true, false);
    CHECK_INT(k.screen, KIOSK_PIN);
    CHECK_INT(k.note, KIOSK_NOTE_LOCKED);
    type_pin(&k, "2468");
    CHECK_INT(drain(&k, KIOSK_CMD_CHECK_PIN, NULL), 0);
    /* the PIN screen left alone goes back to attract; the lock runs out */
    wait_ms(&k, 60000, false, false);
    CHECK_INT(k.screen, KIOSK_ATTRACT);
    CHECK_INT(kiosk_locked_ms(&k), 0);
    wait_ms(&k, KIOSK_CHORD_MS, true, false);
    type_pin(&k, "2468");
    CHECK_INT(drain(&k, KIOSK_CMD_CHECK_PIN, NULL), 1);
    kiosk_pin_checked(&k, true);
    CHECK_INT(k.screen, KIOSK_ADMIN);

    /* without a PIN the chord does nothing */
    s.have_pin = false;
    kiosk_init(&k, &s);
    wait_ms(&k, 30000, true, false);
    CHECK_INT(k.screen, KIOSK_ATTRACT);
}

static void test_keypad_navigation(void)
{
    KioskSettings s = settings();
    Kiosk k;
    kiosk_init(&k, &s);
    wait_ms(&k, KIOSK_CHORD_MS, true, false);
    wait_ms(&k, 10, false, false);
    CHECK_INT(k.focus, KEYPAD_1);
    act(&k, KIOSK_IN_RIGHT);
    act(&k, KIOSK_IN_DOWN);
    CHECK_INT(k.focus, KEYPAD_5);
    act(&k, KIOSK_IN_PRESS);
    CHECK_STR(k.digits, "5");
    act(&k, KIOSK_IN_DOWN);
    act(&k, KIOSK_IN_DOWN);
    CHECK_INT(k.focus, KEYPAD_0);
    act(&k, KIOSK_IN_PRESS);
    CHECK_STR(k.digits, "50");
    act(&k, KIOSK_IN_BACK);
    CHECK_STR(k.digits, "5");
    act(&k, KIOSK_IN_DOWN);
    CHECK_INT(k.focus, KEYPAD_CANCEL);
    act(&k, KIOSK_IN_UP);
    CHECK_INT(k.focus, KEYPAD_0);
    act(&k, KIOSK_IN_RIGHT);
    CHECK_INT(k.focus, KEYPAD_OK);
    CHECK_STR(kiosk_keypad_label(KEYPAD_OK), "OK");
    CHECK_STR(kiosk_keypad_label(KEYPAD_7), "7");
    /* Back on an empty keypad leaves it */
    act(&k, KIOSK_IN_BACK);
    act(&k, KIOSK_IN_BACK);
    CHECK_INT(k.screen, KIOSK_ATTRACT);
}

/* The spinal twist's, child's pose's and cat-camel's timings as their pose files give them. */
static const KioskAttractMove twist = {MOVE_SPINAL_TWIST, 6000, 4800, 4600, false, 6000};
static const KioskAttractMove child = {MOVE_CHILD_POSE, 3000, 3000, 2500, true, 6000};
static const KioskAttractMove cat = {MOVE_CAT_CAMEL, 0, 0, 0, true, 4000};

/* Every move's slot holds its own ways at their own pace: a held move's whole way in, its hold
 * and its way out (the old loop gave every move 6 s and turned the twist in about 1.4 s). */
static void test_attract_paces(void)
{
    const KioskAttractMove moves[] = {twist, child, cat};
    for (int i = 0; i < 3; i++) {
        const KioskAttractMove *m = &moves[i];
        KioskAttractSlot s;
        CHECK(kiosk_attract_slot_of(m, &s));
        CHECK_INT(s.move, m->move);
        CHECK_INT(s.slot_ms, s.start_ms + s.play_ms + KIOSK_ATTRACT_END_MS);
        CHECK(s.play_ms >= s.anim_length_ms); /* the animation plays once, whole */
        if (m->intro_ms > 0) { /* held: both ways and the hold fit, unsqueezed */
            CHECK(s.slot_ms >= KIOSK_ATTRACT_START_MS + m->intro_ms + KIOSK_ATTRACT_HOLD_MS + m->outro_ms -
                                   (m->cycle ? m->intro_ms - m->way_in_ms : 0));
            if (s.anim == ANIM_REPS) /* one rep: its moving part is exactly the two ways (sheet.c) */
                CHECK_INT(s.anim_length_ms - s.rep_hold_ms, m->intro_ms + m->outro_ms);
            else /* a hold: its ways take at most SESSION_HOLD_MOVES_PERCENT, or sheet.c squeezes them */
                CHECK((m->way_in_ms + m->outro_ms) * 100 <= SESSION_HOLD_MOVES_PERCENT * s.anim_length_ms);
        } else { /* reps: one at the workout's default tempo */
            CHECK_INT(s.anim, ANIM_REPS);
            CHECK_INT(s.anim_length_ms, m->tempo_ms);
        }
    }
    KioskAttractSlot s;
    CHECK(kiosk_attract_slot_of(&twist, &s));
    CHECK_INT(s.anim, ANIM_REPS); /* framed on all of its poses, the knee's set-up played too */
    CHECK(s.slot_ms >= 16000);
    CHECK(kiosk_attract_slot_of(&child, &s));
    CHECK_INT(s.anim, ANIM_HOLD); /* it has a cycle: a rep would be the cycle, not the hold */
    /* too slow for the loop: left out */
    KioskAttractMove slow = twist;
    slow.intro_ms = slow.way_in_ms = 20000;
    CHECK(!kiosk_attract_slot_of(&slow, &s));
    KioskAttractMove none = {MOVE_BRIDGE, 0, 0, 0, false, 0};
    CHECK(!kiosk_attract_slot_of(&none, &s));
}

static void test_attract_slots(void)
{
    const KioskAttractMove moves[] = {cat, twist, {MOVE_BRIDGE, 0, 0, 0, false, 0}, child};
    KioskAttract a;
    kiosk_attract_plan(moves, 4, &a);
    CHECK_INT(a.count, 3); /* the bridge without a tempo is left out */
    CHECK_INT(a.slots[1].move, MOVE_SPINAL_TWIST);
    CHECK(a.loop_ms == (int64_t)a.slots[0].slot_ms + a.slots[1].slot_ms + a.slots[2].slot_ms);
    int ms;
    int64_t serial;
    CHECK_INT(kiosk_attract_at(&a, 0, &ms, &serial), 0);
    CHECK_INT(ms, 0);
    CHECK_INT(kiosk_attract_at(&a, a.slots[0].slot_ms - 1, &ms, &serial), 0);
    CHECK_INT(kiosk_attract_at(&a, a.slots[0].slot_ms + 500, &ms, &serial), 1);
    CHECK_INT(ms, 500);
    CHECK(serial == 1);
    CHECK_INT(kiosk_attract_at(&a, a.loop_ms + 10, &ms, &serial), 0); /* round again: a new serial */
    CHECK_INT(ms, 10);
    CHECK(serial == 3);
    KioskAttract empty;
    kiosk_attract_plan(moves, 0, &empty);
    CHECK_INT(kiosk_attract_at(&empty, 5000, &ms, NULL), -1);

    /* the view: still at the start, then moving at its pace, then still at its end */
    SessionView v;
    memset(&v, 0, sizeof v);
    int64_t t0 = a.slots[0].slot_ms;
    const KioskAttractSlot *tw = &a.slots[1];
    kiosk_attract_view(&a, t0 + 100, &v);
    CHECK_INT(v.figure, MOVE_SPINAL_TWIST);
    CHECK_INT(v.next_figure, MOVE_CHILD_POSE);
    CHECK_INT(v.anim, ANIM_REPS);
    CHECK_INT(v.anim_ms, 0);
    CHECK_INT(v.anim_length_ms, tw->anim_length_ms);
    CHECK_INT(v.rep_hold_ms, KIOSK_ATTRACT_HOLD_MS);
    kiosk_attract_view(&a, t0 + tw->start_ms + 1000, &v);
    CHECK_INT(v.anim_ms, 1000); /* one second of animation a second: a workout's pace */
    kiosk_attract_view(&a, t0 + tw->slot_ms - 1, &v);
    CHECK_INT(v.anim_ms, tw->play_ms - 1); /* held at the rep's end, not wrapped round to its start */
    kiosk_attract_view(&empty, 5000, &v);
    CHECK_INT(v.figure, MOVE_IDLE);
}

/* Sided moves take turns at starting left and right, and each swaps sides every round of the
 * loop, only where its slot starts: a waiting room sees both sides (review 31 #2: the loop showed
 * every sided move on its pose file's side only). */
static void test_attract_sides(void)
{
    KioskAttractMove rolls = cat, bird = cat;
    rolls.move = MOVE_KNEE_ROLLS;
    bird.move = MOVE_BIRD_DOG;
    const KioskAttractMove moves[] = {twist, cat, rolls, child, bird};
    KioskAttract a;
    kiosk_attract_plan(moves, 5, &a);
    CHECK_INT(a.count, 5);
    CHECK_INT(a.slots[0].side, SIDES_LEFT); /* the twist */
    CHECK_INT(a.slots[1].side, SIDES_NONE); /* the cat-camel has no sides */
    CHECK_INT(a.slots[2].side, SIDES_RIGHT); /* the next sided move starts on the other side */
    CHECK_INT(a.slots[3].side, SIDES_NONE);
    CHECK_INT(a.slots[4].side, SIDES_LEFT);
    int64_t t0 = 0;
    for (int i = 0; i < a.count; i++) {
        const KioskAttractSlot *s = &a.slots[i];
        Sides first = SIDES_NONE;
        for (int round = 0; round < 3; round++)
            for (int t = 0; t < s->slot_ms; t += 250) {
                SessionView v;
                memset(&v, 0, sizeof v);
                kiosk_attract_view(&a, round * a.loop_ms + t0 + t, &v);
                CHECK_INT(v.figure, s->move);
                Sides want = round % 2 == 0 || s->side == SIDES_NONE ? s->side
                             : s->side == SIDES_LEFT                 ? SIDES_RIGHT
                                                                     : SIDES_LEFT;
                CHECK_INT(v.side, want); /* the same all through a slot: it changes where a slot starts */
                if (round == 0 && t == 0)
                    first = v.side;
            }
        CHECK_INT(first, s->side);
        t0 += s->slot_ms;
    }
}

/* Parse src as a routine (the caller frees it). */
static int parse(const char *src, Routine *r)
{
    RoutineErrors *errs = calloc(1, sizeof *errs);
    int rc = errs ? routine_parse("test.routine", src, strlen(src), r, errs) : -1;
    free(errs);
    return rc;
}

static void on_event(void *ctx, const Session *s, const SessionEvent *ev)
{
    (void)s;
    if (ev->type == EV_SESSION_END)
        *(int64_t *)ctx = ev->t_ms;
}

/* The time to the results when nobody presses, as --simulate plays it: open holds to their end. */
static int64_t simulated_ms(const Routine *r)
{
    int64_t end = -1;
    CHECK_INT(simulate_run(r, NULL, on_event, &end), SIMULATE_DONE);
    return end;
}

/* A tile's minutes are its plan's; where open holds can make it longer they show as a range up to
 * the most, as --simulate plays them when nobody presses (review 31 #1: levels/09's tile said
 * "3 min" and ran 8 with its knee hug held to the limit on each side). */
static void test_tile_minutes(void)
{
    /* levels/09's steps: an open hold on each side */
    const char *open_src = "title \"Easy start\"\n"
                           "move knee_rolls\n  reps 6 in all tempo 5s\n  sides alternate\n"
                           "move knee_to_chest\n  hold open\n  sides alternate\n"
                           "rest 30s\n";
    const char *plain_src = "title \"Plain\"\n"
                            "move knee_rolls\n  reps 6 in all tempo 5s\n  sides alternate\n"
                            "move knee_to_chest\n  hold 30s\n  sides alternate\n"
                            "rest 30s\n";
    Routine open, plain;
    CHECK_INT(parse(open_src, &open), 0);
    CHECK_INT(parse(plain_src, &plain), 0);
    int64_t open_sim = simulated_ms(&open), plain_sim = simulated_ms(&plain);
    int lo = kiosk_tile_minutes(&open), hi = kiosk_tile_minutes_max(&open);
    CHECK_INT(lo, (int)((session_routine_ms(&open) + 30000) / 60000));
    CHECK_INT(hi, (int)((open_sim + 30000) / 60000)); /* the most is what nobody pressing takes */
    /* each side's hug planned at ROUTINE_OPEN_HOLD_PLAN_MS, ending by itself at ROUTINE_OPEN_HOLD_MS */
    CHECK(open_sim == session_routine_ms(&open) + 2 * (ROUTINE_OPEN_HOLD_MS - ROUTINE_OPEN_HOLD_PLAN_MS));
    CHECK(hi >= lo + 4);
    char want[32], got[32];
    snprintf(want, sizeof want, "%d\xE2\x80\x93%d min", lo, hi);
    kiosk_tile_time_text(&open, got, (int)sizeof got);
    CHECK_STR(got, want);
    printf("open holds: %s (planned %.0f s, at most %.0f s)\n", got, (double)session_routine_ms(&open) / 1000.0,
           (double)open_sim / 1000.0);
    /* without open holds: one figure, the plan's, which is what it takes */
    int plain_lo = kiosk_tile_minutes(&plain);
    CHECK_INT(kiosk_tile_minutes_max(&plain), plain_lo);
    CHECK(plain_sim == session_routine_ms(&plain));
    snprintf(want, sizeof want, "%d min", plain_lo);
    kiosk_tile_time_text(&plain, got, (int)sizeof got);
    CHECK_STR(got, want);
    /* the attract screen's range runs from the least of the tiles to the most */
    const Routine *tiles[2] = {&plain, &open};
    char words[96], want_words[96];
    snprintf(want_words, sizeof want_words, "%d to %d minutes, step by step, with spoken cues.",
             plain_lo < lo ? plain_lo : lo, hi);
    kiosk_length_text(tiles, 2, words, (int)sizeof words);
    CHECK_STR(words, want_words);
    /* one open tile alone still gives its range */
    kiosk_length_text(tiles + 1, 1, words, (int)sizeof words);
    snprintf(want_words, sizeof want_words, "%d to %d minutes, step by step, with spoken cues.", lo, hi);
    CHECK_STR(words, want_words);
    routine_free(&open);
    routine_free(&plain);
}

/* The attract screen's "N to M minutes" is made from the tiles' own minutes. */
static void test_length_text(void)
{
    char out[96];
    kiosk_length_text(NULL, 0, out, (int)sizeof out);
    CHECK_STR(out, "A few minutes, step by step, with spoken cues.");
    const Routine *none[2] = {NULL, NULL};
    kiosk_length_text(none, 2, out, (int)sizeof out);
    CHECK_STR(out, "A few minutes, step by step, with spoken cues.");
}

int main(void)
{
    test_flow();
    test_idle();
    test_busy();
    test_pin();
    test_keypad_navigation();
    test_attract_paces();
    test_attract_slots();
    test_attract_sides();
    test_tile_minutes();
    test_length_text();
    return TEST_END();
}
