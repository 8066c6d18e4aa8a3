/* kiosk.h: the rules of kiosk mode (docs/kiosk.md): which screen shows, the idle reset with its
 * "Still there?" countdown, the admin chord, the on-screen keypad, the PIN tries and lock-out.
 * Pure: time comes in as milliseconds, input as one KioskInput per step, and what the platform
 * must do (start or end a workout, check a PIN, exit) comes out as queued commands. No SDL, no
 * clock, no files; the PIN itself is checked by the platform (a libsodium hash). */
#ifndef UNKNOT_KIOSK_H
#define UNKNOT_KIOSK_H

#include <stdbool.h>
#include <stdint.h>

#include "session.h"

#define KIOSK_IDLE_MS_DEFAULT 60000 /* no input this long in the menu, a workout or its results ... */
#define KIOSK_STILL_THERE_MS 10000 /* ... shows "Still there?" this long before the attract loop */
#define KIOSK_CHORD_MS 5000 /* the admin chord is held this long before the PIN keypad opens */
#define KIOSK_PIN_TRIES 5 /* wrong PINs in a row before the keypad locks ... */
#define KIOSK_LOCKOUT_MS 60000 /* ... for this long */
#define KIOSK_PIN_MIN_DIGITS 4
#define KIOSK_PIN_MAX_DIGITS 8
#define KIOSK_CODE_MIN_DIGITS 4 /* a patient code: 4 to 6 digits */
#define KIOSK_CODE_MAX_DIGITS 6
/* The attract loop gives each move a slot of its own length, so it moves at a workout's pace
 * (kiosk_attract_plan): its start still, its way in, a held pose breathing, its way out, still. */
#define KIOSK_ATTRACT_START_MS 1500 /* the move's start shows still first (its name read, as a get-ready's) */
#define KIOSK_ATTRACT_HOLD_MS 5000 /* a held move breathes in its pose this long (one breath at its pace) */
#define KIOSK_ATTRACT_END_MS 1000 /* and stays still at its end before the next move cuts in */
#define KIOSK_ATTRACT_MAX_SLOT_MS 30000 /* a move needing a longer slot is left out of the loop */
#define KIOSK_MAX_TILES 8 /* routines offered at once */
#define KIOSK_COMMAND_CAP 8 /* commands queued between two polls */

typedef enum {
    KIOSK_ATTRACT, /* nobody there: moves play, "Press any button or touch the screen to start" */
    KIOSK_TILES, /* the clinic's routines as big tiles (and the patient-code button) */
    KIOSK_CODE, /* the keypad for an optional patient code */
    KIOSK_WORKOUT, /* safety notice, the workout, its results: drawn by the session */
    KIOSK_STILL_THERE, /* the idle countdown */
    KIOSK_PIN, /* the keypad for the admin PIN */
    KIOSK_ADMIN /* today's figures, reload settings, exit */
} KioskScreen;

/* The keypad's buttons in reading order on a 3-column grid, then Cancel below it. */
typedef enum {
    KEYPAD_1,
    KEYPAD_2,
    KEYPAD_3,
    KEYPAD_4,
    KEYPAD_5,
    KEYPAD_6,
    KEYPAD_7,
    KEYPAD_8,
    KEYPAD_9,
    KEYPAD_DELETE,
    KEYPAD_0,
    KEYPAD_OK,
    KEYPAD_CANCEL,
    KEYPAD_BUTTONS
} KeypadButton;
#define KEYPAD_COLUMNS 3

/* The admin screen's buttons. */
typedef enum { ADMIN_RELOAD, ADMIN_EXIT, ADMIN_CLOSE, ADMIN_BUTTONS } AdminButton;

/* Edge actions for one step; any number may be set at once. */
enum {
    KIOSK_IN_ANY = 1u << 0, /* any button, key or tap: wakes the attract loop */
    KIOSK_IN_PRESS = 1u << 1, /* confirm: Enter, Space, pad A, pad Start */
    KIOSK_IN_BACK = 1u << 2, /* Backspace, Esc, pad B: delete a digit, or go back */
    KIOSK_IN_UP = 1u << 3,
    KIOSK_IN_DOWN = 1u << 4,
    KIOSK_IN_LEFT = 1u << 5,
    KIOSK_IN_RIGHT = 1u << 6,
    KIOSK_IN_DIGIT = 1u << 7, /* a digit typed on a keyboard: see KioskInput.digit */
    KIOSK_IN_TAP = 1u << 8, /* a tap or click on an item: see KioskInput.item */
    KIOSK_IN_ACTIVITY = 1u << 9, /* someone is there (the mouse moved, a workout button): idle only */
    KIOSK_IN_ENTER = 1u << 10 /* a keyboard's Enter: OK on a keypad (digits are typed), else as PRESS */
};

typedef struct {
    unsigned actions;
    int digit; /* 0..9 with KIOSK_IN_DIGIT */
    int item; /* with KIOSK_IN_TAP: a tile, a KeypadButton or an AdminButton of the screen shown */
    bool chord; /* the admin chord is held down now */
    bool workout_busy; /* the workout runs by itself (a guided hold, rest, timer, countdown) */
    bool workout_over; /* the workout has ended and its results were shown */
} KioskInput;

typedef enum {
    KIOSK_CMD_START_WORKOUT, /* start tile `tile`, for patient `code` ("" when anonymous) */
    KIOSK_CMD_END_WORKOUT, /* drop the workout now (idle reset, admin): no results screen */
    KIOSK_CMD_CHECK_PIN, /* check `digits`, then call kiosk_pin_checked */
    KIOSK_CMD_RELOAD, /* read the settings again */
    KIOSK_CMD_EXIT /* the admin chose to leave the kiosk */
} KioskCommandType;

typedef struct {
    KioskCommandType type;
    int tile;
    char code[KIOSK_CODE_MAX_DIGITS + 1];
    char digits[KIOSK_PIN_MAX_DIGITS + 1];
} KioskCommand;

/* What the keypad screen says under the digits. */
typedef enum {
    KIOSK_NOTE_NONE,
    KIOSK_NOTE_TOO_SHORT, /* OK with too few digits */
    KIOSK_NOTE_WRONG_PIN, /* kiosk_tries_left() tries left */
    KIOSK_NOTE_LOCKED, /* kiosk_locked_ms() to wait */
    KIOSK_NOTE_RELOADED /* admin: the settings were read again */
} KioskNote;

typedef struct {
    int idle_ms; /* KIOSK_IDLE_MS_DEFAULT unless the settings say otherwise */
    int tile_count; /* routines offered, 0..KIOSK_MAX_TILES */
    int tile_columns; /* how the tiles are laid out, for up and down */
    bool patient_codes; /* offer the patient-code button after the tiles */
    bool have_pin; /* without a PIN the chord does nothing: the kiosk is stopped from outside */
} KioskSettings;

typedef struct {
    KioskSettings set;
    KioskScreen screen;
    KioskScreen before_still; /* the screen "Still there?" returns to */
    int64_t now_ms; /* time since kiosk_init */
    int64_t attract_ms; /* time in the attract loop */
    int idle_ms; /* time without input on a screen that resets */
    int still_ms; /* time into "Still there?" */
    int chord_ms; /* time the chord has been held */
    bool chord_fired; /* the chord opened the keypad: release it before it counts again */
    int focus; /* the focused tile, keypad or admin button */
    char digits[KIOSK_PIN_MAX_DIGITS + 1]; /* typed on the keypad */
    char code[KIOSK_CODE_MAX_DIGITS + 1]; /* the patient code of this visitor, "" when none */
    KioskNote note;
    int wrong_pins; /* wrong PINs in a row */
    int64_t locked_until_ms; /* the keypad takes no PIN before this */
    bool checking; /* a PIN is being checked */
    int workouts_started; /* since kiosk_init, for the soak and the admin screen */
    KioskCommand cmds[KIOSK_COMMAND_CAP];
    int cmd_head, cmd_count;
} Kiosk;

/* What the attract loop needs to know of a move to play it at a workout's pace: from its pose file
 * (the platform reads it) and the catalogue. */
typedef struct {
    MoveId move;
    int intro_ms; /* its whole way in (section intro, its `ready` setup too), 0: none */
    int way_in_ms; /* the way in after the setup, as a workout's hold plays it (pose_file_hold_ways) */
    int outro_ms; /* its way out (section outro), 0: none */
    bool cycle; /* it has a rep cycle of its own (section cycle) */
    int tempo_ms; /* one rep at a workout's default pace (MoveInfo.default_tempo_ms) */
} KioskAttractMove;

/* One move's slot in the attract loop: the figure still at anim_ms 0 for start_ms, then its
 * animation (anim, anim_length_ms, rep_hold_ms as a workout's SessionView has them) played once
 * from 0 to play_ms, then still at its end until slot_ms. */
typedef struct {
    MoveId move;
    AnimMode anim;
    int anim_length_ms;
    int rep_hold_ms;
    int start_ms; /* still at the move's start this long */
    int play_ms; /* then moving this long, at the pace of a workout */
    int slot_ms; /* the whole slot: start_ms + play_ms + KIOSK_ATTRACT_END_MS */
    Sides side; /* a sided move's side in the loop's even rounds, the other side in its odd rounds
                   (kiosk_attract_view); SIDES_NONE for a move that is not sided */
} KioskAttractSlot;

typedef struct {
    KioskAttractSlot slots[MOVE_COUNT];
    int count;
    int64_t loop_ms; /* the slots' sum: the loop starts again after this long */
} KioskAttract;

/* The slot of move m, played at its own pace: a held move without a cycle of its own plays its
 * whole way in (setup too), KIOSK_ATTRACT_HOLD_MS held and its way out each at its pose file's
 * pace (as ANIM_REPS of one rep: the whole-move framing from its first frame); a held move with a
 * cycle too (child's pose) as a workout's hold, long enough that its ways are not squeezed
 * (SESSION_HOLD_MOVES_PERCENT); a move of reps only, one rep at its default tempo. Returns false
 * (the move left out) when that needs more than KIOSK_ATTRACT_MAX_SLOT_MS or m has no timing. */
bool kiosk_attract_slot_of(const KioskAttractMove *m, KioskAttractSlot *out);

/* The loop of the n moves given, in order, each in its own slot (kiosk_attract_slot_of); moves
 * that are left out take no time. Sided moves take turns at starting on the left and on the right,
 * so each round shows both sides, and each move swaps sides every round (kiosk_attract_view): a
 * waiting room sees every sided move on both sides in two rounds. */
void kiosk_attract_plan(const KioskAttractMove *moves, int n, KioskAttract *out);

/* The slot playing attract_ms into the loop a (-1 when a has none), how far into it (*ms_in_slot)
 * and its number counted from the loop's start, repeats included (*serial; a new number: a new
 * slot to frame afresh). Either pointer may be NULL. */
int kiosk_attract_at(const KioskAttract *a, int64_t attract_ms, int *ms_in_slot, int64_t *serial);

/* The attract loop's figure at attract_ms into v's figure fields (figure, side, anim, anim_ms,
 * anim_length_ms, rep_hold_ms, next_figure); MOVE_IDLE breathing when a has no slots. A sided
 * move's side is its slot's in even rounds of the loop and the other in odd ones; it changes only
 * where a slot starts (a new serial of kiosk_attract_at), never within one. */
void kiosk_attract_view(const KioskAttract *a, int64_t attract_ms, SessionView *v);

/* The shortest minutes a routine's tile shows: its planned length (session_routine_ms, what
 * --list and the menu show, each open hold at ROUTINE_OPEN_HOLD_PLAN_MS) rounded to whole
 * minutes, at least 1. */
int kiosk_tile_minutes(const Routine *r);

/* Its longest in the same minutes: the planned length with every open hold ("hold open") held to
 * its limit, ROUTINE_OPEN_HOLD_MS, as --simulate plays it when nobody presses (levels/09's knee
 * hug on each side: 3 min planned, 8 at most). kiosk_tile_minutes when it has no open hold. */
int kiosk_tile_minutes_max(const Routine *r);

/* The tile's minutes as its tile shows them: "3 min", or "3-8 min" (an en dash, U+2013, between)
 * when its open holds can make it longer (kiosk_tile_minutes_max). Written to out (cap bytes,
 * always terminated). */
void kiosk_tile_time_text(const Routine *r, char *out, int cap);

/* What the attract screen says of the routines' lengths, from the n tiles' minutes (NULL tiles
 * skipped), the shortest tile's least to the longest's most: "3 to 8 minutes, step by step, with
 * spoken cues.", one length when all agree, or "A few minutes, step by step, with spoken cues."
 * with none. Written to out (cap bytes, always terminated). */
void kiosk_length_text(const Routine *const *tiles, int n, char *out, int cap);

/* Start in the attract loop with settings set (copied). */
void kiosk_init(Kiosk *k, const KioskSettings *set);

/* New settings (after a reload): kept screen, focus clamped to the new tiles. */
void kiosk_apply_settings(Kiosk *k, const KioskSettings *set);

/* Advance by dt_ms after applying the step's input (in may be NULL: nothing happened). */
void kiosk_step(Kiosk *k, const KioskInput *in, int dt_ms);

/* The platform's answer to KIOSK_CMD_CHECK_PIN: ok opens the admin screen; a wrong PIN counts,
 * and the KIOSK_PIN_TRIES-th in a row locks the keypad for KIOSK_LOCKOUT_MS. */
void kiosk_pin_checked(Kiosk *k, bool ok);

/* Take the oldest queued command. Returns true and fills *c, or false when none is left. */
bool kiosk_poll_command(Kiosk *k, KioskCommand *c);

/* Tries left before the lock-out, and ms left of it (0 when not locked). */
int kiosk_tries_left(const Kiosk *k);
int64_t kiosk_locked_ms(const Kiosk *k);

/* Seconds left of the "Still there?" countdown, rounded up. */
int kiosk_still_seconds(const Kiosk *k);

/* Number of items the current screen can focus or tap (tiles and the code button, keypad
 * buttons, admin buttons), 0 for screens without any. */
int kiosk_item_count(const Kiosk *k);

/* True when the workout may advance now (not behind "Still there?", the keypad or admin). */
bool kiosk_workout_runs(const Kiosk *k);

/* Whether a workout in view v runs by itself (counts as someone there): a guided hold, rest,
 * timer or countdown does; a paused workout, a step waiting for presses or a pain check-in waiting
 * for its answer does not. */
bool kiosk_session_busy(const SessionView *v);

/* The keypad label of b: "1".."9", "0", "Delete", "OK", "Cancel". Static string. */
const char *kiosk_keypad_label(KeypadButton b);

/* Names for logs and tests: "attract", "tiles", ... Static strings. */
const char *kiosk_screen_name(KioskScreen s);

#endif
