/* kiosk.c: kiosk mode's screens and timers as one state machine stepped with plain input and
 * milliseconds (see kiosk.h). Nothing here reads a clock or a device; a day of waiting-room use
 * simulates in moments and replays exactly. */
#include "kiosk.h"

#include <stdio.h>
#include <string.h>

/* ---- commands ---- */

static void push(Kiosk *k, const KioskCommand *c)
{
    if (k->cmd_count >= KIOSK_COMMAND_CAP)
        return; /* the platform polls every frame; eight in one frame cannot happen */
    k->cmds[(k->cmd_head + k->cmd_count) % KIOSK_COMMAND_CAP] = *c;
    k->cmd_count++;
}

static void push_type(Kiosk *k, KioskCommandType t)
{
    KioskCommand c;
    memset(&c, 0, sizeof c);
    c.type = t;
    push(k, &c);
}

bool kiosk_poll_command(Kiosk *k, KioskCommand *c)
{
    if (k->cmd_count == 0)
        return false;
    *c = k->cmds[k->cmd_head];
    k->cmd_head = (k->cmd_head + 1) % KIOSK_COMMAND_CAP;
    k->cmd_count--;
    return true;
}

/* ---- screens ---- */

/* Back to the attract loop with nothing of the last visitor kept. */
static void reset(Kiosk *k)
{
    k->screen = KIOSK_ATTRACT;
    k->attract_ms = 0;
    k->idle_ms = 0;
    k->still_ms = 0;
    k->focus = 0;
    k->digits[0] = 0;
    k->code[0] = 0;
    k->note = KIOSK_NOTE_NONE;
    k->checking = false;
}

static void go(Kiosk *k, KioskScreen s)
{
    k->screen = s;
    k->focus = 0;
    k->idle_ms = 0;
    k->digits[0] = 0;
    k->note = KIOSK_NOTE_NONE;
}

void kiosk_init(Kiosk *k, const KioskSettings *set)
{
    memset(k, 0, sizeof *k);
    k->set = *set;
    if (k->set.idle_ms <= 0)
        k->set.idle_ms = KIOSK_IDLE_MS_DEFAULT;
    if (k->set.tile_columns <= 0)
        k->set.tile_columns = 1;
    reset(k);
}

void kiosk_apply_settings(Kiosk *k, const KioskSettings *set)
{
    k->set = *set;
    if (k->set.idle_ms <= 0)
        k->set.idle_ms = KIOSK_IDLE_MS_DEFAULT;
    if (k->set.tile_columns <= 0)
        k->set.tile_columns = 1;
    int n = kiosk_item_count(k);
    if (k->focus >= n)
        k->focus = n > 0 ? n - 1 : 0;
}

int kiosk_item_count(const Kiosk *k)
{
    switch (k->screen) {
    case KIOSK_TILES: return k->set.tile_count + (k->set.patient_codes ? 1 : 0);
    case KIOSK_CODE:
    case KIOSK_PIN: return KEYPAD_BUTTONS;
    case KIOSK_ADMIN: return ADMIN_BUTTONS;
    case KIOSK_ATTRACT:
    case KIOSK_WORKOUT:
    case KIOSK_STILL_THERE: return 0;
    }
    return 0;
}

bool kiosk_workout_runs(const Kiosk *k)
{
    return k->screen == KIOSK_WORKOUT;
}

static bool locked(const Kiosk *k)
{
    return k->now_ms < k->locked_until_ms;
}

/* The chord held long enough: the PIN keypad, whatever was on screen (a workout is dropped). */
static void open_pin(Kiosk *k)
{
    if (k->screen == KIOSK_WORKOUT || (k->screen == KIOSK_STILL_THERE && k->before_still == KIOSK_WORKOUT))
        push_type(k, KIOSK_CMD_END_WORKOUT);
    reset(k);
    go(k, KIOSK_PIN);
    k->focus = KEYPAD_1;
    if (locked(k))
        k->note = KIOSK_NOTE_LOCKED;
}

/* ---- tiles ---- */

static void tiles_activate(Kiosk *k, int item)
{
    if (item >= 0 && item < k->set.tile_count) {
        KioskCommand c;
        memset(&c, 0, sizeof c);
        c.type = KIOSK_CMD_START_WORKOUT;
        c.tile = item;
        memcpy(c.code, k->code, sizeof c.code);
        push(k, &c);
        k->workouts_started++;
        k->screen = KIOSK_WORKOUT;
        k->idle_ms = 0;
    } else if (item == k->set.tile_count && k->set.patient_codes) {
        go(k, KIOSK_CODE);
        k->focus = KEYPAD_1;
    }
}

/* Move the focus on a grid of cols columns and n items, clamped to the items. */
static int grid_move(int focus, int n, int cols, unsigned act)
{
    int f = focus;
    if ((act & KIOSK_IN_LEFT) && f % cols > 0)
        f--;
    if ((act & KIOSK_IN_RIGHT) && f % cols < cols - 1 && f + 1 < n)
        f++;
    if ((act & KIOSK_IN_UP) && f - cols >= 0)
        f -= cols;
    if (act & KIOSK_IN_DOWN) {
        if (f + cols < n)
            f += cols;
        else if (f / cols < (n - 1) / cols)
            f = n - 1; /* a shorter last row: its last item */
    }
    return f;
}

static void tiles_input(Kiosk *k, const KioskInput *in)
{
    int n = kiosk_item_count(k);
    if (in->actions & KIOSK_IN_TAP) {
        tiles_activate(k, in->item);
        return;
    }
    if (in->actions & KIOSK_IN_BACK) {
        reset(k);
        return;
    }
    if (n > 0)
        k->focus = grid_move(k->focus, n, k->set.tile_columns, in->actions);
    if (in->actions & (KIOSK_IN_PRESS | KIOSK_IN_ENTER))
        tiles_activate(k, k->focus);
}

/* ---- keypad (patient code and PIN) ---- */

static int digits_max(const Kiosk *k)
{
    return k->screen == KIOSK_PIN ? KIOSK_PIN_MAX_DIGITS : KIOSK_CODE_MAX_DIGITS;
}

static void keypad_digit(Kiosk *k, int d)
{
    if (k->screen == KIOSK_PIN && (locked(k) || k->checking))
        return;
    size_t n = strlen(k->digits);
    if ((int)n >= digits_max(k) || d < 0 || d > 9)
        return;
    k->digits[n] = (char)('0' + d);
    k->digits[n + 1] = 0;
    k->note = KIOSK_NOTE_NONE;
}

static void keypad_cancel(Kiosk *k)
{
    if (k->screen == KIOSK_CODE)
        go(k, KIOSK_TILES);
    else
        reset(k);
}

static void keypad_delete(Kiosk *k)
{
    size_t n = strlen(k->digits);
    if (n > 0)
        k->digits[n - 1] = 0;
    else
        keypad_cancel(k);
}

static void keypad_ok(Kiosk *k)
{
    int n = (int)strlen(k->digits);
    if (k->screen == KIOSK_CODE) {
        if (n < KIOSK_CODE_MIN_DIGITS) {
            k->note = KIOSK_NOTE_TOO_SHORT;
            return;
        }
        memcpy(k->code, k->digits, sizeof k->code);
        k->code[KIOSK_CODE_MAX_DIGITS] = 0;
        go(k, KIOSK_TILES);
        return;
    }
    if (k->checking)
        return;
    if (locked(k)) {
        k->note = KIOSK_NOTE_LOCKED;
        k->digits[0] = 0;
        return;
    }
    if (n < KIOSK_PIN_MIN_DIGITS) {
        k->note = KIOSK_NOTE_TOO_SHORT;
        return;
    }
    KioskCommand c;
    memset(&c, 0, sizeof c);
    c.type = KIOSK_CMD_CHECK_PIN;
    memcpy(c.digits, k->digits, sizeof c.digits);
    push(k, &c);
    k->checking = true;
    k->digits[0] = 0;
}

static void keypad_button(Kiosk *k, int b)
{
    switch ((KeypadButton)b) {
    case KEYPAD_1:
    case KEYPAD_2:
    case KEYPAD_3:
    case KEYPAD_4:
    case KEYPAD_5:
    case KEYPAD_6:
    case KEYPAD_7:
    case KEYPAD_8:
    case KEYPAD_9: keypad_digit(k, b - KEYPAD_1 + 1); break;
    case KEYPAD_0: keypad_digit(k, 0); break;
    case KEYPAD_DELETE: keypad_delete(k); break;
    case KEYPAD_OK: keypad_ok(k); break;
    case KEYPAD_CANCEL: keypad_cancel(k); break;
    case KEYPAD_BUTTONS: break;
    }
}

static void keypad_input(Kiosk *k, const KioskInput *in)
{
    unsigned act = in->actions;
    KioskScreen was = k->screen;
    if (act & KIOSK_IN_TAP) {
        keypad_button(k, in->item);
        return;
    }
    if (act & KIOSK_IN_DIGIT)
        keypad_digit(k, in->digit);
    if (act & KIOSK_IN_BACK) {
        keypad_delete(k);
        if (k->screen != was)
            return;
    }
    /* the grid is 3 x 4 with Cancel as a fifth row of its own */
    if (k->focus == KEYPAD_CANCEL) {
        if (act & KIOSK_IN_UP)
            k->focus = KEYPAD_0;
    } else {
        if ((act & KIOSK_IN_DOWN) && k->focus >= KEYPAD_DELETE)
            k->focus = KEYPAD_CANCEL;
        else
            k->focus = grid_move(k->focus, KEYPAD_CANCEL, KEYPAD_COLUMNS, act);
    }
    if (act & KIOSK_IN_PRESS)
        keypad_button(k, k->focus);
    else if (act & KIOSK_IN_ENTER)
        keypad_ok(k);
}

/* ---- admin ---- */

static void admin_button(Kiosk *k, int b)
{
    switch ((AdminButton)b) {
    case ADMIN_RELOAD:
        push_type(k, KIOSK_CMD_RELOAD);
        k->note = KIOSK_NOTE_RELOADED;
        break;
    case ADMIN_EXIT: push_type(k, KIOSK_CMD_EXIT); break;
    case ADMIN_CLOSE: reset(k); break;
    case ADMIN_BUTTONS: break;
    }
}

static void admin_input(Kiosk *k, const KioskInput *in)
{
    unsigned act = in->actions;
    if (act & KIOSK_IN_TAP) {
        admin_button(k, in->item);
        return;
    }
    if (act & KIOSK_IN_BACK) {
        reset(k);
        return;
    }
    if ((act & (KIOSK_IN_UP | KIOSK_IN_LEFT)) && k->focus > 0)
        k->focus--;
    if ((act & (KIOSK_IN_DOWN | KIOSK_IN_RIGHT)) && k->focus + 1 < ADMIN_BUTTONS)
        k->focus++;
    if (act & (KIOSK_IN_PRESS | KIOSK_IN_ENTER))
        admin_button(k, k->focus);
}

/* ---- the step ---- */

static bool resets_when_idle(KioskScreen s)
{
    return s == KIOSK_TILES || s == KIOSK_CODE || s == KIOSK_WORKOUT || s == KIOSK_PIN || s == KIOSK_ADMIN;
}

static void chord(Kiosk *k, bool held, int dt_ms)
{
    if (!held) {
        k->chord_ms = 0;
        k->chord_fired = false;
        return;
    }
    if (k->chord_fired || !k->set.have_pin || k->screen == KIOSK_PIN || k->screen == KIOSK_ADMIN)
        return;
    k->chord_ms += dt_ms;
    if (k->chord_ms >= KIOSK_CHORD_MS) {
        k->chord_fired = true;
        open_pin(k);
    }
}

void kiosk_step(Kiosk *k, const KioskInput *in, int dt_ms)
{
    KioskInput none;
    if (!in) {
        memset(&none, 0, sizeof none);
        in = &none;
    }
    if (dt_ms < 0)
        dt_ms = 0;
    k->now_ms += dt_ms;
    unsigned act = in->actions;
    KioskScreen before = k->screen;
    switch (k->screen) {
    case KIOSK_ATTRACT:
        if (act & ~KIOSK_IN_ACTIVITY)
            go(k, KIOSK_TILES);
        break;
    case KIOSK_TILES: tiles_input(k, in); break;
    case KIOSK_CODE:
    case KIOSK_PIN: keypad_input(k, in); break;
    case KIOSK_ADMIN: admin_input(k, in); break;
    case KIOSK_WORKOUT:
        if (in->workout_over)
            reset(k);
        break;
    case KIOSK_STILL_THERE:
        if (act) {
            KioskScreen back = k->before_still;
            k->screen = back;
            k->idle_ms = 0;
            k->still_ms = 0;
        }
        break;
    }
    chord(k, in->chord, dt_ms);
    if (k->screen != before)
        return; /* a new screen starts its timers from now */
    if (k->screen == KIOSK_ATTRACT) {
        k->attract_ms += dt_ms;
        return;
    }
    if (k->screen == KIOSK_STILL_THERE) {
        k->still_ms += dt_ms;
        if (k->still_ms >= KIOSK_STILL_THERE_MS) {
            if (k->before_still == KIOSK_WORKOUT)
                push_type(k, KIOSK_CMD_END_WORKOUT);
            reset(k);
        }
        return;
    }
    if (!resets_when_idle(k->screen))
        return;
    bool someone = act != 0 || in->chord || (k->screen == KIOSK_WORKOUT && in->workout_busy);
    if (someone) {
        k->idle_ms = 0;
        return;
    }
    k->idle_ms += dt_ms;
    if (k->idle_ms < k->set.idle_ms)
        return;
    if (k->screen == KIOSK_PIN || k->screen == KIOSK_ADMIN) {
        reset(k); /* nobody asks an admin whether they are still there */
        return;
    }
    k->before_still = k->screen;
    k->screen = KIOSK_STILL_THERE;
    k->still_ms = 0;
}

void kiosk_pin_checked(Kiosk *k, bool ok)
{
    bool was_checking = k->checking;
    k->checking = false;
    if (!was_checking || k->screen != KIOSK_PIN)
        return; /* the keypad was left meanwhile */
    if (ok) {
        k->wrong_pins = 0;
        go(k, KIOSK_ADMIN);
        return;
    }
    k->wrong_pins++;
    if (k->wrong_pins >= KIOSK_PIN_TRIES) {
        k->wrong_pins = 0;
        k->locked_until_ms = k->now_ms + KIOSK_LOCKOUT_MS;
        k->note = KIOSK_NOTE_LOCKED;
    } else {
        k->note = KIOSK_NOTE_WRONG_PIN;
    }
}

/* ---- queries ---- */

int kiosk_tries_left(const Kiosk *k)
{
    return KIOSK_PIN_TRIES - k->wrong_pins;
}

int64_t kiosk_locked_ms(const Kiosk *k)
{
    return locked(k) ? k->locked_until_ms - k->now_ms : 0;
}

int kiosk_still_seconds(const Kiosk *k)
{
    int left = KIOSK_STILL_THERE_MS - k->still_ms;
    return left > 0 ? (left + 999) / 1000 : 0;
}

/* ---- the attract loop ---- */

bool kiosk_attract_slot_of(const KioskAttractMove *m, KioskAttractSlot *out)
{
    memset(out, 0, sizeof *out);
    out->move = m->move;
    out->side = m->move >= 0 && m->move < MOVE_COUNT && moves_info(m->move)->sided ? SIDES_LEFT : SIDES_NONE;
    out->start_ms = KIOSK_ATTRACT_START_MS;
    if (m->intro_ms > 0 && m->outro_ms > 0 && !m->cycle) {
        /* one rep of a held move (sheet.c: its whole way in, held, its way out, each at its own
         * pace when the rep is exactly their sum), framed on all of its poses throughout */
        out->anim = ANIM_REPS;
        out->rep_hold_ms = KIOSK_ATTRACT_HOLD_MS;
        out->anim_length_ms = m->intro_ms + KIOSK_ATTRACT_HOLD_MS + m->outro_ms;
        out->play_ms = out->anim_length_ms;
    } else if (m->way_in_ms > 0 && m->outro_ms > 0) {
        /* a workout's hold: moving for at most SESSION_HOLD_MOVES_PERCENT of it, or sheet.c
         * squeezes both ways (the loop's old 6 s slot turned the twists in about 1.4 s) */
        int ways = m->way_in_ms + m->outro_ms;
        int unsqueezed = (ways * 100 + SESSION_HOLD_MOVES_PERCENT - 1) / SESSION_HOLD_MOVES_PERCENT;
        out->anim = ANIM_HOLD;
        out->anim_length_ms = ways + KIOSK_ATTRACT_HOLD_MS > unsqueezed ? ways + KIOSK_ATTRACT_HOLD_MS : unsqueezed;
        out->play_ms = out->anim_length_ms;
    } else if (m->tempo_ms > 0) {
        out->anim = ANIM_REPS; /* one rep at a workout's default pace, no hold at the top */
        out->anim_length_ms = m->tempo_ms;
        out->play_ms = m->tempo_ms;
    } else {
        return false;
    }
    out->slot_ms = out->start_ms + out->play_ms + KIOSK_ATTRACT_END_MS;
    return out->slot_ms <= KIOSK_ATTRACT_MAX_SLOT_MS;
}

void kiosk_attract_plan(const KioskAttractMove *moves, int n, KioskAttract *out)
{
    memset(out, 0, sizeof *out);
    int sided = 0;
    for (int i = 0; i < n && out->count < MOVE_COUNT; i++) {
        KioskAttractSlot *s = &out->slots[out->count];
        if (!kiosk_attract_slot_of(&moves[i], s))
            continue;
        if (s->side != SIDES_NONE && sided++ % 2 == 1)
            s->side = SIDES_RIGHT; /* every other sided move starts on the right */
        out->loop_ms += s->slot_ms;
        out->count++;
    }
}

/* The other side of a sided move's side. */
static Sides other_side(Sides side)
{
    return side == SIDES_LEFT ? SIDES_RIGHT : side == SIDES_RIGHT ? SIDES_LEFT : side;
}

int kiosk_attract_at(const KioskAttract *a, int64_t attract_ms, int *ms_in_slot, int64_t *serial)
{
    if (ms_in_slot)
        *ms_in_slot = 0;
    if (serial)
        *serial = 0;
    if (!a || a->count <= 0 || a->loop_ms <= 0)
        return -1;
    int64_t t = attract_ms < 0 ? 0 : attract_ms, loops = t / a->loop_ms;
    t %= a->loop_ms;
    int i = 0;
    while (i + 1 < a->count && t >= a->slots[i].slot_ms)
        t -= a->slots[i++].slot_ms;
    if (ms_in_slot)
        *ms_in_slot = (int)t;
    if (serial)
        *serial = loops * a->count + i;
    return i;
}

void kiosk_attract_view(const KioskAttract *a, int64_t attract_ms, SessionView *v)
{
    int ms = 0;
    int64_t serial = 0;
    int i = kiosk_attract_at(a, attract_ms, &ms, &serial);
    v->side = SIDES_NONE;
    v->rep_hold_ms = 0;
    if (i < 0) {
        v->figure = v->next_figure = MOVE_IDLE;
        v->anim = ANIM_LOOP;
        v->anim_ms = (int)((attract_ms < 0 ? 0 : attract_ms) % SESSION_IDLE_LOOP_MS);
        v->anim_length_ms = SESSION_IDLE_LOOP_MS;
        return;
    }
    const KioskAttractSlot *s = &a->slots[i];
    v->figure = s->move;
    v->side = serial / a->count % 2 == 0 ? s->side : other_side(s->side); /* the other side next round */
    v->next_figure = a->slots[(i + 1) % a->count].move;
    v->anim = s->anim;
    v->anim_length_ms = s->anim_length_ms;
    v->rep_hold_ms = s->rep_hold_ms;
    /* still at the start, moving, then still at the end: a rep's end is its start again, so a
     * rep is held at its last moment, not wrapped round */
    int t = ms - s->start_ms;
    v->anim_ms = t < 0 ? 0 : t < s->play_ms ? t : s->play_ms - 1;
}

/* ms rounded to whole minutes, at least 1 (as the menu and --list round a routine's length). */
static int whole_minutes(int64_t ms)
{
    int minutes = (int)((ms + 30000) / 60000);
    return minutes < 1 ? 1 : minutes;
}

int kiosk_tile_minutes(const Routine *r)
{
    return whole_minutes(session_routine_ms(r));
}

int kiosk_tile_minutes_max(const Routine *r)
{
    int64_t planned = session_routine_ms(r), longer = 0;
    if (planned < 0)
        return kiosk_tile_minutes(r);
    /* what the plan leaves out: an open hold is planned at ROUTINE_OPEN_HOLD_PLAN_MS a run
     * (routine_step_planned_ms) but ends by itself only at its hold_ms, ROUTINE_OPEN_HOLD_MS */
    for (int i = 0; i < r->step_count; i++)
        longer += routine_step_total_ms(&r->steps[i]) - routine_step_planned_ms(&r->steps[i]);
    return whole_minutes(planned + (longer > 0 ? longer : 0));
}

void kiosk_tile_time_text(const Routine *r, char *out, int cap)
{
    if (cap <= 0)
        return;
    int lo = kiosk_tile_minutes(r), hi = kiosk_tile_minutes_max(r);
    if (hi > lo)
        snprintf(out, (size_t)cap, "%d\xE2\x80\x93%d min", lo, hi); /* an en dash: "3-8 min" */
    else
        snprintf(out, (size_t)cap, "%d min", lo);
}

void kiosk_length_text(const Routine *const *tiles, int n, char *out, int cap)
{
    int lo = 0, hi = 0;
    for (int i = 0; i < n; i++) {
        if (!tiles[i])
            continue;
        int least = kiosk_tile_minutes(tiles[i]), most = kiosk_tile_minutes_max(tiles[i]);
        lo = lo == 0 || least < lo ? least : lo;
        hi = most > hi ? most : hi;
    }
    if (cap <= 0)
        return;
    if (hi == 0)
        snprintf(out, (size_t)cap, "A few minutes, step by step, with spoken cues.");
    else if (lo == hi)
        snprintf(out, (size_t)cap, "%d minute%s, step by step, with spoken cues.", hi, hi == 1 ? "" : "s");
    else
        snprintf(out, (size_t)cap, "%d to %d minutes, step by step, with spoken cues.", lo, hi);
}

bool kiosk_session_busy(const SessionView *v)
{
    /* a pain check-in waits for an answer like a self-paced step: nobody answering is idle */
    return !v->paused && !v->awaiting_press && v->kind != SEG_DONE && v->kind != SEG_PAIN_BEFORE &&
           v->kind != SEG_PAIN_AFTER;
}

const char *kiosk_keypad_label(KeypadButton b)
{
    static const char *const digits[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9"};
    if (b >= KEYPAD_1 && b <= KEYPAD_9)
        return digits[b - KEYPAD_1];
    switch (b) {
    case KEYPAD_0: return "0";
    case KEYPAD_DELETE: return "Delete";
    case KEYPAD_OK: return "OK";
    case KEYPAD_CANCEL: return "Cancel";
    default: return "";
    }
}

const char *kiosk_screen_name(KioskScreen s)
{
    switch (s) {
    case KIOSK_ATTRACT: return "attract";
    case KIOSK_TILES: return "tiles";
    case KIOSK_CODE: return "code";
    case KIOSK_WORKOUT: return "workout";
    case KIOSK_STILL_THERE: return "still_there";
    case KIOSK_PIN: return "pin";
    case KIOSK_ADMIN: return "admin";
    }
    return "?";
}
