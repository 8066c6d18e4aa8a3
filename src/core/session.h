/* session.h: the workout state machine. Pure and deterministic: time comes in as milliseconds
 * and input as one SessionInput per step, so the same inputs always give the same events.
 * No clock, file, device or SDL here. Events are queued for the caller to drain. */
#ifndef UNKNOT_SESSION_H
#define UNKNOT_SESSION_H

#include <stdbool.h>
#include <stdint.h>

#include "routine.h"
#include "voicequeue.h"

#define SESSION_TICK_MS 10 /* the fixed simulation step */
/* The safety notice: spoken, and it waits for a press (which goes on at once, and stops the voice).
 * Where nobody presses it goes on by itself, with the seconds left on screen: after
 * SESSION_SAFETY_MS, or with the voice planned once it has been said and SESSION_SAFETY_PRESS_MS
 * more, at most SESSION_SAFETY_MAX_MS. */
#define SESSION_SAFETY_MS 8000
#define SESSION_SAFETY_PRESS_MS 5000
#define SESSION_SAFETY_MAX_MS 60000
/* routine title and intro text; longer when its clip is (session_set_voice), or when the first move
 * starts off its feet: the intro shows the whole way down from standing at its pace, so the figure
 * is in the step's position when its get-ready says where to be (a first timer's intro figure
 * stands while its words ask for what is done first; its get-ready shows the way down). A press or
 * Skip leaves it at once ("Press to start now"); left before the way down is over, the first
 * get-ready goes on with the rest of the way from where the figure is, and is longer by it (whole
 * seconds), its words said once the figure is there */
#define SESSION_INTRO_MS 6000
/* "get ready", next move named, how to get into position, 3-2-1: time to get down to the mat.
 * With the voice planned it is lengthened (to whole seconds) so the name and the step's start
 * instruction are said before the 3-2-1: the clock then starts with the person in position. */
#define SESSION_READY_MS 7000
/* A timer (a heat or cold pack) starts when the person presses Ready, with the pack in place: its
 * get-ready waits for that press, at most this long (longer only when its words need it), and then
 * starts the timer by itself after a spoken 3-2-1. The seconds left are on screen. */
#define SESSION_TIMER_READY_MS 90000
/* A move that follows one in another position with no rest between: its get-ready first shows the
 * way there (moves.h WAYS: a roll onto the front, up to standing...) over the time before the
 * 3-2-1, then the move's start; it is this much longer, so the person has the time to move. */
#define SESSION_READY_WAY_MS 6000
/* A chain of ways (moves_path: no way goes straight there, on-front -> all-fours -> standing) is
 * shown one way after another: each way before the last is given the time it takes
 * (moves_way_ms) as the way in of a hold that moves for at most SESSION_HOLD_MOVES_PERCENT of it
 * (sheet_frame_at; a shorter hold plays its way in faster), so it plays at its own pace; the ways
 * are shown one straight after another, SESSION_CHAIN_PAUSE_MS apart, and the time planned for the
 * breaths in between is spent in the start or end position, not half way there (physio review 31
 * #2: the figure waited 5 s on all fours between lying and standing). The last way is given the time one way has:
 * a get-ready grows by SESSION_READY_WAY_MS and by each way before the last; a rest is at least as
 * long as its whole chain (the last way given at least SESSION_READY_WAY_MS). A single way is
 * shown over the whole time before the 3-2-1 or the whole rest. No way is ever played faster than
 * keyed (s26 review: a careful log roll squeezed into a short rest looked like a tumble): a rest
 * or get-ready is at least as long as its chain with the last way at its own time (moves_way_ms,
 * in whole seconds, after a hold's way out), and a way shown for less than its time as a hold's
 * way in (above) is drawn as the way in of a hold that long, its breath in the position cut short. */
#define SESSION_HOLD_MOVES_PERCENT 60
#define SESSION_CHAIN_PAUSE_MS 500 /* in a chain of ways, the pause in the position between two ways */
#define SESSION_CHAIN_ARRIVED_MS 1000 /* a rest in place ends its way on this long before its end */
#define SESSION_COUNTDOWN 3 /* the spoken 3-2-1 at the end of a get-ready or switch, one a second */
#define SESSION_END_WARNING_MS 10000 /* "Ten seconds left." this long before the end ... */
#define SESSION_END_WARNING_MIN_MS 30000 /* ... of a part at least this long ... */
#define SESSION_END_WARNING_NEAR_MS 3000 /* ... unless the routine says something this close to it */
#define SESSION_TICKS 3 /* ticks in the last seconds of a hold, rest or timer ... */
#define SESSION_TICKS_MIN_MS 5000 /* ... at least this long */
/* unknot's own reminders give way to the routine's words: "Ten seconds left." is left out while a
 * routine cue (or an announcement) is said or waits, or less than this after one ended; ticks
 * are left out while one sounds */
#define SESSION_GIVE_WAY_MS 2000
#define SESSION_IDLE_LOOP_MS 4000 /* the figure's idle breathing loop (outside moves, and the menu) */
#define SESSION_BLEND_MS 1500 /* a figure eased in from the pose the one before left (SessionView.blend) */
/* A hold is held for all the time it counts: its way into the pose (the move's intro, at its own
 * pace) plays over the last this many ms of the get-ready or "switch sides" before it (the 3-2-1),
 * once the figure shown there has eased or turned in; the counted hold starts in the pose. */
#define SESSION_STEP_IN_MS 3000
/* ... and its way out of the pose (the move's outro, at its own pace) plays after the counted hold,
 * over the first this many ms of what follows (a get-ready or "switch sides", this much longer
 * after a hold; a rest, in its time), which then shows its own figure eased in from the way out's end. */
#define SESSION_STEP_OUT_MS 3000
#define SESSION_TURN_MS 1500 /* a figure turning round to show a mirrored side (SessionView.turn_ms) */
/* "switch sides" between the two sides of a step (and "Other side." between those of a held step
 * alternating sides), SESSION_STEP_OUT_MS longer after a hold */
#define SESSION_SWITCH_MS 5000
#define SESSION_RESULTS_MS 15000 /* results screen, then the session is over */
#define SESSION_EVENT_CAP 256 /* events queued between two drains; older ones are never dropped silently */
#define SESSION_TEXT_BYTES 512 /* text carried in one event or caption */
/* A hold in breaths says "Breathe in." / "Breathe out." on every breath when one breath lasts at
 * least this long; a quicker breath (`breath 3s`) only on the first of each hold. */
#define SESSION_BREATH_WORDS_ALL_MS 4000
#define SESSION_CAPTION_MIN_MS 3500 /* a caption stays at least this long ... */
#define SESSION_CAPTION_MS_PER_BYTE 60 /* ... or long enough to read at a slow pace */
/* "back" later than this into a part (side, set, countdown) restarts it; sooner goes to the step's
 * start, then to the previous step */
#define SESSION_BACK_RESTART_MS 3000
#define SESSION_PROMPT_MS 8000 /* a gentle prompt when a press is awaited and none comes */
#define SESSION_GIVE_UP_MS 60000 /* then this side or set ends undone ("Moving on."), so nothing waits forever */
/* An open hold ("hold open") nobody ends says "Press when you have had enough." (captioned) at its
 * planned, typical length and every this long after, until the press or its 3 minute limit: 30 s
 * is when a comfortable stretch is usually done, and a patient who missed the start words (or forgot)
 * hears within half a minute how to go on, without a calm hold being nagged (at most 5 a side). Only
 * into silence: left out while any voice sounds or waits (a count), or less than SESSION_GIVE_WAY_MS
 * after the routine's words; it runs on the hold's clock, so never while paused. */
#define SESSION_OPEN_HOLD_REMIND_MS ROUTINE_OPEN_HOLD_PLAN_MS
#define SESSION_PHASE_MOVE_MS                                                                                          \
    1500 /* a phase moves the figure into its pose in this long (or 2/5 of it), then holds                             \
          */
#define SESSION_BOUNCE_MS 250 /* presses closer than this (or a quarter rep) to the last are ignored */
#define SESSION_TEMPO_WINDOW_MS 600 /* a press this close to the beat (or a quarter rep) is on tempo */
#define SESSION_COMBO_STEP 5 /* the multiplier grows by one every this many on-tempo reps */
#define SESSION_MAX_MULTIPLIER 4
#define SESSION_POINTS_REP 10 /* per on-tempo rep, times the multiplier */
#define SESSION_POINTS_OFF_TEMPO 3 /* per rep counted off tempo */
#define SESSION_POINTS_HELD_SECOND 2 /* per fully held second */
#define SESSION_POINTS_STEP 20 /* per step done to its end */
/* The pain check-ins before and after a workout: 0 (no pain) to SESSION_PAIN_MAX (the worst).
 * They take no planned time; one left unanswered is skipped after the session's check-in wait. */
#define SESSION_PAIN_MAX 10
#define SESSION_CHECKIN_WAIT_MS 60000 /* the default wait; session_set_checkin_wait changes it */
#define SESSION_PASS_NO_SIDE 2 /* skip_today: passed over, its side not known (1: skipped, "It hurts") */
/* The results say to stop for today (and when to see a doctor) when pain after is at least this
 * much above pain before, or at least SESSION_PAIN_STOP_LEVEL whatever it was before. */
#define SESSION_PAIN_STOP_RISE 2
#define SESSION_PAIN_STOP_LEVEL 7
#define SESSION_ASK_PAIN_BEFORE "How much does your back hurt right now? Choose from 0 to 10."
#define SESSION_ASK_PAIN_AFTER "And now, after the workout? Choose from 0 to 10."
#define SESSION_SAY_STOP "Your pain is up. Please stop for today."
#define SESSION_SAY_STOPPED "Stopped for today. Please read the advice on the screen."
#define SESSION_ASK_SIDE "Which side hurts? Choose left, right, or both."
#define SESSION_SAFETY_GENTLY "Move slowly and gently. Stop if the pain gets worse."
#define SESSION_SAFETY_DOCTOR                                                                                          \
    "See a doctor if your back pain persists or worsens, comes with fever, weight loss, numbness or weakness, or "     \
    "follows an injury such as a fall."
#define SESSION_SAFETY_STOP_IF "Stop this workout if:" /* then the routine's own stop-if lines */

/* Every phrase the session says that no routine wrote, once: session.c says them by name
 * (session_phrase), voicekey.c lists them for pre-rendered clips, and a test checks that each one
 * is said in some workout, so the list holds nothing dead. "Get ready. Next: <move>." and the
 * counts "1".."60" are made from the move catalogue and numbers (voicekey.c). */
#define SESSION_PHRASES(X)                                                                                             \
    X(PHRASE_GET_READY, ROUTINE_READY_TEXT) /* before a timer */                                                       \
    X(PHRASE_PRESS_READY, "Press when you are in position.") /* a timer's get-ready waits for it */                    \
    X(PHRASE_SWITCH_SIDES, "Switch sides.")                                                                            \
    X(PHRASE_OTHER_SIDE, "Other side.") /* alternating sides */                                                        \
    X(PHRASE_BREATHE_IN, MOVES_BREATHE_IN) /* each breath of a hold in breaths; a rep that is one breath */            \
    X(PHRASE_BREATHE_OUT, "Breathe out.") /* each breath of a hold in breaths */                                       \
    X(PHRASE_REST, "Rest.")                                                                                            \
    X(PHRASE_STEP_OUT, "Come out of the pose slowly.") /* a hold's way out, before a rest's way on */                  \
    X(PHRASE_TEN_SECONDS, "Ten seconds left.")                                                                         \
    X(PHRASE_COMPLETE, "Workout complete. Well done.")                                                                 \
    X(PHRASE_DONE_UNPRESSED, "Workout done. Next time, press as you go to score.") /* session_score_unpressed */       \
    X(PHRASE_ENDED, "Workout ended.")                                                                                  \
    X(PHRASE_STOPPED, SESSION_SAY_STOPPED) /* ended through "It hurts" */                                              \
    X(PHRASE_MOVING_ON, "Moving on.")                                                                                  \
    X(PHRASE_HOLD_BROKEN, "Hold broken. Press and hold to go on.")                                                     \
    X(PHRASE_PROMPT_REPS, "Press when you finish each rep.")                                                           \
    X(PHRASE_PROMPT_HOLD, "Press and hold while you hold the pose.")                                                   \
    X(PHRASE_OPEN_HOLD_REMIND, "Press when you have had enough.") /* an open hold: SESSION_OPEN_HOLD_REMIND_MS */      \
    X(PHRASE_ASK_PAIN_BEFORE, SESSION_ASK_PAIN_BEFORE)                                                                 \
    X(PHRASE_ASK_PAIN_AFTER, SESSION_ASK_PAIN_AFTER)                                                                   \
    X(PHRASE_SAY_STOP, SESSION_SAY_STOP)                                                                               \
    X(PHRASE_ASK_SIDE, SESSION_ASK_SIDE)                                                                               \
    X(PHRASE_SAFETY_GENTLY, SESSION_SAFETY_GENTLY)                                                                     \
    X(PHRASE_SAFETY_DOCTOR, SESSION_SAFETY_DOCTOR)                                                                     \
    X(PHRASE_SAFETY_STOP_IF, SESSION_SAFETY_STOP_IF)

#define SESSION_PHRASE_ENUM(id, text) id,
typedef enum { SESSION_PHRASES(SESSION_PHRASE_ENUM) SESSION_PHRASE_COUNT } SessionPhrase;

/* How the figure moves: a loop (idle, rest), the start pose (get ready), a hold, or reps. */
typedef enum { ANIM_LOOP, ANIM_START, ANIM_HOLD, ANIM_REPS } AnimMode;

/* What a segment of the session is doing. A routine step expands to READY, then WORK per side
 * and set, with SWITCH between sides and SET_REST between sets. The pain check-ins come after
 * the safety notice and before the results. */
typedef enum {
    SEG_SAFETY,
    SEG_PAIN_BEFORE,
    SEG_SIDE, /* "sides chosen": which side hurts; waits for an answer like a check-in */
    SEG_INTRO,
    SEG_READY,
    SEG_WORK,
    SEG_SWITCH,
    SEG_SET_REST,
    SEG_PAIN_AFTER,
    SEG_RESULTS,
    SEG_DONE
} SegmentKind;

typedef struct {
    SegmentKind kind;
    int step; /* routine step index, -1 for safety/check-ins/intro/results */
    int set; /* 1-based set number for WORK and SET_REST */
    Sides side; /* SIDES_LEFT / SIDES_RIGHT when the step is sided, else SIDES_NONE */
    int duration_ms; /* planned length; self-paced reps and confirmed holds may run longer; while it is on,
                        the first get-ready of a move is longer by the rest of the way down when the
                        intro was pressed through (planned_ms keeps the planned length) */
    int planned_ms; /* its share of the planned time: duration_ms, but an open hold counts as
                       ROUTINE_OPEN_HOLD_PLAN_MS (it ends by itself only at ROUTINE_OPEN_HOLD_MS) */
    int64_t planned_start_ms; /* planned time of its start from the session start */
    int run; /* WORK: which run of the set (0-based): a side, or one rep of alternating sides */
    int reps, reps_max; /* WORK of a rep step: the target of this run and the most counted */
} Segment;

/* Edge actions for one tick; any number may be set at once. */
enum {
    INPUT_PRESS = 1u << 0, /* the main button went down: counts a rep, starts a confirmed hold, confirms */
    INPUT_RELEASE = 1u << 1, /* the main button went up */
    INPUT_PAUSE = 1u << 2,
    INPUT_RESUME = 1u << 3,
    INPUT_TOGGLE_PAUSE = 1u << 4,
    INPUT_SKIP = 1u << 5, /* to the next step */
    INPUT_BACK = 1u << 6, /* to the start of this step, or the previous one when just started */
    INPUT_QUIT = 1u << 7, /* end now: the pain check-in, then the results with what was done */
    INPUT_PAIN = 1u << 8, /* answers the open check-in (or "It hurts"'s "How bad", where -1 leaves it out) */
    INPUT_HURT = 1u << 9, /* "It hurts": stops the step and asks how bad, which stop rule, what next */
    INPUT_RULE = 1u << 10, /* answers "It hurts"'s stop-rule question with SessionInput.rule */
    INPUT_SIDE = 1u << 11 /* answers "Which side hurts?" with SessionInput.side (SIDES_LEFT, SIDES_RIGHT, SIDES_BOTH) */
};

typedef struct {
    unsigned actions;
    int pain; /* with INPUT_PAIN: 0..SESSION_PAIN_MAX; other values are ignored */
    int rule; /* with INPUT_RULE: 1..the routine's stop_if_count, or 0 for "none of these" */
    Sides side; /* with INPUT_SIDE: SIDES_LEFT or SIDES_RIGHT, or SIDES_BOTH ("Both / the middle") */
} SessionInput;

/* Where "It hurts" is. While it is open the workout's clock stops: the step waits, nothing is
 * said, and only its answers act (quit ends the workout at any of them). */
typedef enum {
    HURT_NONE = 0,
    HURT_PAIN, /* "How bad is it?": pain N answers, skip (or back) leaves it unanswered */
    HURT_RULE, /* "Does one of these apply?": the routine's stop-if lines; rule N, or skip for none */
    HURT_CHOICE /* the see-a-doctor advice, then skip (this move, for the rest of today) or quit */
} HurtStage;

typedef enum {
    EV_SESSION_START,
    EV_STEP_START,
    EV_CUE,
    EV_STEP_END,
    EV_PAUSE,
    EV_RESUME,
    EV_SOUND,
    EV_REP,
    EV_HOLD_START,
    EV_HOLD_BREAK,
    EV_HOLD_DONE,
    EV_COMBO,
    EV_PAIN, /* a check-in answered (n = 0..10) or skipped (n = -1); set 0 before, 1 after, 2 "It hurts" */
    EV_HURT, /* "It hurts" pressed: the step stops (text: what was being done) */
    EV_STOP_RULE, /* its stop-rule question answered: n = 1.. the rule (text), or 0 for none */
    EV_HURT_END, /* it closed: completed true = the workout ends, false = the move is skipped for today */
    EV_PHASE, /* a phase of a rep starts: n = 1.. the phase, n_run = the rep (0-based), text = its words */
    EV_SIDE_CHOSEN, /* "Which side hurts?" answered: side = SIDES_LEFT / SIDES_RIGHT / SIDES_BOTH, or SIDES_NONE when
                       skipped */
    EV_READY, /* a timer's get-ready ends: completed = Ready was pressed (else the wait ran out); n = ms waited */
    EV_SESSION_END,
    /* voice (only with session_set_voice): cue cue_id's clip (text) starts now (voice
     * SESSION_VOICE_SPOKEN, n its length in ms), or its waiting request is dropped (voice says why) */
    EV_VOICE
} SessionEventType;

typedef enum {
    CUE_KIND_ROUTINE, /* written in the routine: spoken and captioned */
    CUE_KIND_STANDARD, /* "Get ready", "Switch sides", "Rest", "Well done": spoken and captioned */
    CUE_KIND_COUNT /* a spoken number; the count is on screen, so no caption */
} CueKind;

/* What becomes of a cue's voice (SessionEvent.voice). */
typedef enum {
    SESSION_VOICE_UNPLANNED = 0, /* no clip lengths given (session_set_voice): not planned here */
    SESSION_VOICE_WAITING, /* EV_CUE: its clip waits its turn; an EV_VOICE for the same cue_id follows */
    SESSION_VOICE_SPOKEN, /* said: EV_VOICE's t_ms (a delivered EV_CUE's spoken_ms) is when it starts */
    SESSION_VOICE_NO_CLIP, /* no clip exists for the text: captioned only */
    SESSION_VOICE_STALE, /* dropped by design: its turn came too late (a count after 1 s, a standard cue after 4 s) */
    SESSION_VOICE_SUPERSEDED, /* dropped by design: a newer count replaced it */
    SESSION_VOICE_FULL, /* dropped: too many waiting */
    SESSION_VOICE_STOPPED, /* dropped: paused, skipped, quit or ended before its turn */
    SESSION_VOICE_CUT /* EV_VOICE: the clip sounding now stops here (a press went on, a skip, a quit) */
} SessionVoice;

/* A voice clip's row: ms is its length, or one of these. */
#define SESSION_CLIP_NONE (-1) /* no clip for the text: its cues are captioned only */
/* Being made now (the app's voice worker renders a new routine's words): a routine's own cue, and
 * what is said after it, waits for it, at most SESSION_CLIP_WAIT_MS from the moment its turn comes
 * (the clip before it has ended), then is captioned only (no_clip). The plan guesses its length
 * from the text (SESSION_CLIP_GUESS_MS_PER_BYTE). */
#define SESSION_CLIP_COMING (-2)
#define SESSION_CLIP_WAIT_MS 5000
#define SESSION_CLIP_GUESS_MS_PER_BYTE 70 /* espeak-ng at the voice's rate: the doctor line, 10.3 s for 150 bytes */
#define SESSION_CLIP_WAITS 32 /* cues waiting for a clip being made; more are captioned only */
#define SESSION_CLIP_POLL_MS 50 /* session_quiet_ms while one waits: the clip may come any time */

/* How a cue is captioned. With the voice planned (session_set_voice) its caption is shown when its
 * clip starts to sound, so the screen says what the voice says; without it, when the cue is asked. */
typedef enum {
    SESSION_CAPTION_NONE, /* said only (a count; the safety notice's lines unplanned: the screen shows it whole) */
    SESSION_CAPTION_SHOW, /* shown */
    SESSION_CAPTION_SIDE, /* shown as a side's words ("Knees to your left."): a breath leaves them to be read */
    SESSION_CAPTION_UNLESS_READING /* a breath: shown unless the routine's or a side's words are still to be read */
} SessionCaptionHow;

/* A caption waiting for its cue's clip to start (or to be dropped), or, for a cue with no clip, for
 * the voice to have said what was asked before it. */
typedef struct {
    int tag; /* the cue's number */
    SessionCaptionHow how;
    bool routine; /* the routine's own words (Session.caption_routine) */
    bool silent; /* no clip: shown when the voice is free and every caption asked before it is shown */
    int64_t t_ms; /* when it was asked for */
    char text[SESSION_TEXT_BYTES];
} SessionCaptionWait;
/* captions waiting: as many as the voice queue and the clips being made hold; when full, a caption
 * is shown at once, never lost */
#define SESSION_CAPTION_WAITS (VOICEQUEUE_CAP + SESSION_CLIP_WAITS)

/* One voice clip the session may say and its length (or SESSION_CLIP_NONE / _COMING). */
typedef struct {
    const char *text;
    int ms;
} SessionClip;

/* A cue that waits for its clip being made (SESSION_CLIP_COMING), or for one before it that does. */
typedef struct {
    int row; /* in the clip table */
    int tag; /* the cue's number */
    int priority; /* VoicePriority */
    int64_t t_ms; /* when it was asked for */
    int64_t turn_ms; /* when its turn came (nothing left to say before it), -1 before that */
} SessionClipWait;

typedef enum {
    SOUND_TICK, /* each of the last three seconds of a hold or countdown */
    SOUND_CHIME, /* end of a step */
    SOUND_FANFARE, /* end of the workout */
    SOUND_BEAT, /* rep tempo */
    SOUND_COUNT
} SoundId;

typedef struct {
    int reps_done, reps_target, reps_on_tempo;
    int holds_done, holds_total;
    int holds_unended; /* open holds that reached their limit with no press to end them: not done */
    int held_ms; /* fully held time, summed */
    int hold_breaks; /* confirmed holds let go early */
    int hold_streak, best_hold_streak; /* holds completed in a row without a break */
    int combo, best_combo;
    int steps_done, steps_skipped; /* at the results, steps never reached count as skipped */
    int exercises_done, exercises; /* the steps done that are exercises (not rests), of today's exercises:
                                      one left out (its side not known, SESSION_PASS_NO_SIDE) is not one,
                                      nor are its reps and holds in reps_target, holds_total, score_max */
    long score; /* points_reps + points_holds + points_steps */
    long points_reps, points_holds, points_steps; /* what the score was earned for */
    /* What the routine could earn: every rep on the beat with the combo never broken (a range
     * counted to its top), every hold held to its end, every step done. No run scores more. */
    long max_reps, max_holds, max_steps, score_max;
    /* The walk-away rule (session_score_unpressed): presses during the steps (a rep, a hold,
     * Ready, any press in a get-ready or rest), and whether the routine has a part that only a
     * press scores (reps, a confirmed hold, a hold ended by a press). A timed hold scores by time
     * with nobody there, so it does not tell that anyone was. */
    int presses;
    bool press_scores;
} SessionScore;

typedef struct {
    SessionEventType type;
    int64_t t_ms; /* since the session started, pauses included */
    int64_t active_ms; /* the same moment, pauses excluded */
    int step; /* routine step index or -1 */
    MoveId move;
    StepKind kind;
    Sides side;
    int set;
    int n; /* rep number, combo size, count number */
    int n_run; /* EV_STEP_START: which run of the set (0-based), for alternating sides */
    bool on_tempo;
    bool completed; /* EV_STEP_END: ran to its end (not skipped) */
    CueKind cue_kind;
    SoundId sound;
    int cue_id; /* EV_CUE and EV_VOICE: the cue's number in this session, 1-based */
    SessionVoice voice; /* EV_CUE and EV_VOICE: what becomes of its voice */
    int64_t spoken_ms; /* EV_CUE delivered by simulate_run: when its clip starts (SESSION_VOICE_SPOKEN) */
    char text[SESSION_TEXT_BYTES];
} SessionEvent;

/* What one run of a WORK segment earned; a re-run (after "back") replaces it. */
typedef struct {
    int reps, reps_on_tempo;
    int held_ms;
    bool hold_done;
    bool hold_unended; /* an open hold ran to its limit with no press: not done, no points */
    long points;
} SegmentTally;

/* STEP_RESULT_PASSED: left out because it does not apply today ("side away" / "side toward" with
 * "Which side hurts?" unanswered): neither done nor skipped, so the rest done completes the workout. */
typedef enum { STEP_RESULT_NONE = 0, STEP_RESULT_DONE, STEP_RESULT_SKIPPED, STEP_RESULT_PASSED } StepResult;

typedef struct {
    const Routine *routine; /* borrowed: must outlive the session */
    Segment *segments; /* owned */
    SegmentTally *tally; /* owned, one per segment */
    unsigned char *step_result; /* owned, one StepResult per routine step */
    int segment_count;
    int seg; /* index of the current segment */
    int seg_elapsed_ms; /* time spent in it, pauses excluded */
    int left_seg, left_ms; /* the segment this one was entered from, and the time spent in it: a hold
                              ended before its time plays its way out (SessionView.from_rep_hold_ms) */
    int64_t t_ms; /* session clock, pauses included */
    int64_t active_ms; /* time spent not paused */
    bool paused;
    bool started;
    bool ended;
    bool ended_early; /* the user quit before the last step was done */
    bool button_down;
    int reps_counted; /* presses counted in the current WORK segment */
    uint64_t beats_taken[2]; /* guided reps: which beats a press was already matched to */
    int last_press_ms; /* segment time of the last counted press, -1 when none */
    int idle_ms; /* time with nothing from the user where something is awaited */
    bool holding; /* a confirmed hold is being held */
    bool steps_started; /* a step's first segment was entered: a quit then asks pain after */
    int pain_before, pain_after; /* 0..SESSION_PAIN_MAX, or -1 when skipped or not asked yet */
    int checkin_wait_ms; /* an unanswered check-in is skipped after this long (0: at once) */
    HurtStage hurt; /* "It hurts" open, and at which question */
    int hurt_pain; /* its answer, 0..SESSION_PAIN_MAX, or -1 */
    int hurt_rule; /* the stop rule that applies, 1-based, or 0 */
    int hurt_step; /* the step it was pressed in, or -1 (safety notice, intro) */
    bool hurt_used; /* "It hurts" was pressed in this workout: it is recorded as stopped for pain */
    bool hurt_ended; /* ... and it ended the workout */
    unsigned char *skip_today; /* owned, one per routine step: skipped for the rest of today (SESSION_PASS_NO_SIDE:
                                  passed over, its side unknown) */
    Sides chosen_side; /* "sides chosen": the side that hurts, SIDES_NONE until answered (or when skipped);
                          SIDES_BOTH: both, or the middle (the one-sided steps run on both sides) */
    int side_wait_ms; /* "Which side hurts?" unanswered is skipped after this long (0: at once) */
    char caption[SESSION_TEXT_BYTES];
    int64_t caption_until_ms; /* active_ms at which the caption goes */
    int64_t caption_min_until_ms; /* active_ms until which it must stay to be read */
    bool caption_routine; /* the caption is the routine's own words (a breath cue leaves them to be read) */
    bool caption_side; /* the caption is a side's words, "Knees to your left." (as caption_routine) */
    SessionScore score;
    SessionEvent events[SESSION_EVENT_CAP];
    int ev_head, ev_count;
    int ev_dropped;
    /* voice: the one queue that decides when each cue's clip is said (voicequeue.h) */
    const SessionClip *clips; /* borrowed (session_set_voice), NULL: voice not planned */
    int clip_count;
    VoiceQueue voice;
    int cue_seq; /* cues numbered so far */
    int64_t voice_now_ms; /* the latest event time: a clip never starts before it */
    int64_t routine_voice_end_ms; /* when the last routine-priority clip started ends */
    bool start_said; /* the step's start instruction was said in its get-ready: not again at work */
    int ready_words_ms; /* the current get-ready's "Get ready. Next: ..." clip length as it began, which its
                           chain waits for (a clip made while it is on must not move the figure), or -1 */
    SessionCaptionWait caption_wait[SESSION_CAPTION_WAITS]; /* in the order asked */
    int caption_waits;
    SessionClipWait clip_wait[SESSION_CLIP_WAITS]; /* in the order asked: said in that order */
    int clip_waits;
} Session;

/* What the screen shows, derived from a Session: nothing here is state of its own. */

/* How a step's work is scored. */
typedef enum {
    SCORE_NOTHING, /* rests and timers: done or skipped only */
    SCORE_HOLD, /* a hold done to its end, and the seconds held */
    SCORE_REPS /* counted reps, on or off tempo, and the combo */
} ScoreRule;

/* What a mode of work does: the one table that session.c and render.c read instead of working it
 * out again from the step's fields. */
typedef struct {
    bool is_move; /* a move of the figure, not a rest or timer */
    bool get_ready; /* a "Get ready" countdown comes before the step */
    bool ready_press; /* ... which waits for a press (Ready), at most SESSION_TIMER_READY_MS */
    bool clock_needs_button; /* the clock runs only while the user holds the button */
    bool ends_by_time; /* else it ends when the user has counted the target */
    bool ends_by_press; /* a press ends it, done, before its time */
    bool awaits_press; /* a press is awaited: a prompt every SESSION_PROMPT_MS, then a give-up */
    const char *prompt; /* what the prompt says, or NULL */
    bool end_warnings; /* "Ten seconds left." and ticks before the end */
    bool count_cues; /* the routine's half, end and each-rep cues follow the user's count, not the clock */
    AnimMode anim; /* how the figure moves during the work */
    ScoreRule score;
} SessionModeRules;

/* The rules of mode m. */
SessionModeRules session_mode_rules(StepMode m);

typedef struct {
    SegmentKind kind;
    const Routine *routine; /* the routine being played (its stop rules, for the safety notice) */
    const RoutineStep *step; /* the step being done or readied, or NULL */
    int step_index; /* 0-based, -1 outside steps */
    int step_count;
    Sides side; /* the side the figure shows (the panel names side_named) */
    Sides side_named; /* the side the panel names: the segment's, or the side its figure shows first; v.side
                         differs only while the figure still shows the hold before on its way out */
    const char *side_words; /* the words of side_named as the voice says them (moves.h MOVES_SIDE_WORDS:
                               "Knees to your right."), which the panel and the knees' card show; NULL
                               when the step's move has none (or no side is named) */
    int set, sets;
    bool paused;
    int elapsed_ms, duration_ms, remaining_ms; /* of the current segment */
    bool ready_press; /* a timer's get-ready: a press (Ready) starts it; remaining_ms is the wait left */
    int rep, reps; /* rep shown ("3 / 8"), 1-based; reps 0 when not a rep step */
    int breath, breaths; /* a hold dosed in breaths: the breath now (1-based) and how many, else 0; guided
                            reps held for breaths: the breath of the rep's hold, 0 while the figure moves */
    int phase, phases; /* a rep of phases: the phase now (1-based) and how many, else 0 */
    const char *phase_text; /* its words, or NULL */
    int phase_left_ms; /* time left in it */
    bool breath_in; /* the breathing pacer: in (true) or out */
    double breath_fill; /* 0..1: how full the pacer is (grows breathing in, shrinks breathing out) */
    int counted; /* reps the user has counted in this run */
    bool awaiting_press; /* self-paced reps or a confirmed hold waiting for the user */
    bool holding; /* a confirmed hold is being held now */
    int multiplier; /* combo multiplier now, 1..SESSION_MAX_MULTIPLIER */
    bool ended_early; /* results after a quit: "Workout ended", not "Well done" */
    double progress; /* 0..1: through the session's planned time; once the steps are over (after
                        check-in, results) the share of the steps done (steps_done / step_count) */
    int exercise, exercises; /* this step's number among the exercises (routine_step_is_exercise:
                                rests not counted), 1-based; exercise 0 on a rest or outside steps */
    int64_t left_ms; /* planned time left in the whole workout, pauses and waits not counted */
    const char *caption; /* current caption or "" */
    const RoutineStep *next; /* the next step that will run (steps passed over for today are not), or NULL */
    Sides next_side; /* WORK: this step's next run before that step: its side (SIDES_NONE: not sided) */
    int next_set; /*   ... and its set (1-based); 0 when this run is the step's last */
    /* For the figure: which move, and where in its animation. */
    MoveId figure;
    MoveId next_figure; /* the figure the next step shows first (a move, or a rest's position), or MOVE_NONE */
    bool turned; /* the figure drawn turned round, mirrored left-right: a way that rolls (WAYS) leaves
                    the body facing the other way, and what follows is drawn so until another turns it
                    back; a mirrored sided move's left side too (pose_move_draw) */
    int turn_ms; /* ms into the figure turning round (0..SESSION_TURN_MS): its showing began drawn the
                    other way round than the figure before it ended (a mirrored sided move's side), so
                    it turns from that picture to its own (figpaint_turn); -1 when not turning */
    AnimMode anim;
    int anim_ms; /* time into the animation */
    int anim_length_ms; /* ANIM_HOLD: hold length; ANIM_REPS: one rep (tempo + top hold) */
    int rep_hold_ms; /* ANIM_REPS: the hold at the top of each rep */
    /* Easing in (SESSION_BLEND_MS): a figure that begins where the one before left the body in
     * another pose of the position (a rest's breathing figure, then a move's start; one move's end,
     * the next one's start; a move's end, then the rest's figure) is drawn eased from that pose
     * (pose_moves_blend) over its first SESSION_BLEND_MS, so no body part cuts to a new place. */
    bool blend; /* easing in now (turning round or not): the from_ fields say what from, blend_ms how far */
    int blend_ms; /* ms into the easing, 0..SESSION_BLEND_MS */
    MoveId from_figure; /* the figure before, as it was last drawn: */
    Sides from_side;
    bool from_turned;
    AnimMode from_anim;
    int from_anim_ms, from_anim_length_ms, from_rep_hold_ms; /* from_anim ANIM_HOLD with from_rep_hold_ms > 0:
                        a hold ended then by a press (or a skip) before its time, playing its way out
                        from where it was (sheet_frame_at), not from its planned end */
    const SessionScore *score;
    int pain_before, pain_after; /* -1 when skipped or not yet asked */
    bool pain_stop; /* the results must say: stop for today, and when to see a doctor */
    HurtStage hurt; /* "It hurts" is open at this question (its screen replaces the workout's) */
    int hurt_pain, hurt_rule; /* its answers so far: -1 / 0 when not given */
    bool hurt_can_skip; /* its last question offers "skip this move for today" (no stop rule applies) */
    const char *hurt_name; /* what it was pressed in: "Knee rolls", or NULL outside a step */
    bool hurt_ended; /* the workout was ended through "It hurts" */
    Sides chosen_side; /* "sides chosen": the side that hurts, once answered (SIDES_BOTH: both, or the middle) */
    int left_out; /* steps left out today, their side not known ("Which side hurts?" unanswered): not
                     among exercises, nor in score->exercises; the results name them */
    const char *left_out_name; /* the first of them ("Knee rolls"), or NULL */
} SessionView;

/* Build the session for r (borrowed). Returns 0, or -1 when out of memory. Free with session_free. */
int session_init(Session *s, const Routine *r);

/* How long an unanswered pain check-in waits before it is skipped: SESSION_CHECKIN_WAIT_MS
 * after session_init; 0 skips check-ins at once (simulations that answer none). */
void session_set_checkin_wait(Session *s, int ms);

/* The pain rule of the results: true when after is SESSION_PAIN_STOP_LEVEL or more, or at least
 * SESSION_PAIN_STOP_RISE above before. A value of -1 (not given) never counts as a rise. */
bool session_pain_says_stop(int before, int after);

/* The same for "Which side hurts?" (SESSION_CHECKIN_WAIT_MS after session_init). */
void session_set_side_wait(Session *s, int ms);

/* Plan the voice: clips[0..count) are every text the session may say with its clip's length
 * (borrowed: must outlive s; a row's ms may change between steps, e.g. once a missing clip has
 * been rendered). From then on the session runs the voice queue (voicequeue.h) itself: every
 * EV_CUE is followed by an EV_VOICE when its clip starts or is dropped, so live audio, the
 * soundtrack and --simulate follow one set of decisions. NULL or 0 turns planning off. */
void session_set_voice(Session *s, const SessionClip *clips, int count);

/* Free what the session owns. Safe on a zeroed Session. */
void session_free(Session *s);

/* Advance by dt_ms (use SESSION_TICK_MS) after applying the tick's input (may be NULL). */
void session_step(Session *s, const SessionInput *in, int dt_ms);

/* True while a pain check-in (before or after) waits for an answer. */
bool session_checkin_open(const Session *s);

/* True while "Which side hurts?" waits for an answer. */
bool session_side_open(const Session *s);

/* True while "It hurts" is open (any of its questions), and while it asks how bad. */
/* Whether "It hurts" can be pressed (and its button is shown) in a segment of this kind. */
bool session_hurt_allowed_in(SegmentKind kind);
bool session_hurt_open(const Session *s);
bool session_hurt_asks_pain(const Session *s);

/* Skip every step of move m in this workout, as "skip this move for the rest of today" did in an
 * earlier workout today (the caller remembers the day). Steps already done keep their result. */
void session_skip_move(Session *s, MoveId m);

/* The results must say to stop for today and when to see a doctor: the pain rule of the
 * check-ins (session_pain_says_stop), or the workout was ended through "It hurts". */
bool session_says_stop(const Session *s);

/* Take the oldest queued event. Returns true and fills *ev, or false when none is left. */
bool session_poll_event(Session *s, SessionEvent *ev);

/* True once the results have been shown and the session is over. */
bool session_over(const Session *s);

/* Describe the current state for drawing; extra_ms (0..SESSION_TICK_MS) smooths the animation
 * between ticks. The view borrows from s and is valid until the next session_step. */
SessionView session_view(const Session *s, int extra_ms);

/* The panel's line on what comes after this WORK segment, from v's next, next_side and next_set:
 * "Next: set 2 of 3", "Next: Right side", "Next: Knee rolls", or "Last step". Written into buf
 * (size bytes, cut short when it does not fit). */
void session_next_text(const SessionView *v, char *buf, size_t size);

/* "Left side" or "Right side", as the panel names a side; NULL for no side. */
const char *session_side_heading(Sides side);

/* Step st as it runs today: a "side away" / "side toward" step runs on both sides, as "sides both",
 * when "Which side hurts?" was answered "Both / the middle" (chosen_side SIDES_BOTH). A shallow
 * copy; its text is borrowed from st. */
RoutineStep session_step_today(const RoutineStep *st, Sides chosen_side);

/* How long, in ms, the session runs with no input before it does something of its own that is
 * seen or heard: its segment ends, its caption goes, or a waiting clip's turn comes. A caller
 * whose screen is otherwise still may sleep that long between steps. 0 when paused or over is
 * not special: a paused session does nothing of its own, and returns INT32_MAX. */
int session_quiet_ms(const Session *s);

/* Planned length of the whole session in ms (safety, intro, get-ready, steps, results). */
int64_t session_planned_ms(const Session *s);

/* What --list, --check, the menu and the kiosk tiles show: the time from the start to the results
 * when nobody presses (check-ins skipped as in --simulate). r->planned_ms once
 * session_routine_plan has run (the get-readies lengthened to their words, the safety notice as
 * long as it is spoken), else the plan without the voice. -1 when out of memory. */
int64_t session_routine_ms(const Routine *r);

/* Work out r's time to the results with the voice planned with clips (as session_set_voice) and
 * keep it in r->planned_ms. Returns it, or -1 when out of memory (r->planned_ms stays 0). */
int64_t session_routine_plan(Routine *r, const SessionClip *clips, int count);

/* The step `step` starts in another position (to) than the one before it (from: standing before
 * the first step) and the WAYS table of moves.h draws no way between them, so the figure cuts
 * from one to the other. False when it does not (the same position, or a way is drawn). A first
 * step that is a move cuts when the intro's standing figure shows no way to its position (none
 * in the table, or no get-ready after the intro). For --check's warning. */
bool session_step_cuts(const Routine *r, int step, Position *from, Position *to);

/* The chain of ways (moves.h moves_path) the figure shows on the way to step `step`, from the
 * position before it (from) to the one it starts in (to): in its rest's time, in its get-ready
 * (a timer's, or a move's after a move), or over the intro for the first step; a rest spent where
 * the person is shows the way on to the next move (to) in its last part. Fills *out and
 * returns how many ways (0 when it starts where the person is), or -1 when the figure cuts
 * (session_step_cuts). *rest_ms: the time a rest step lasts (the routine's, or longer to show its
 * ways at their pace: SESSION_READY_WAY_MS), 0 for a move or a timer. For --check,
 * which names a chain of more than one way. */
int session_step_chain(const Routine *r, int step, Position *from, Position *to, MovesPath *out, int *rest_ms);

/* The time each rest between the sets of step `step` lasts: the routine's (`sets 3 rest 30s`), or,
 * for a held move, long enough for the figure to step out of the set before's hold
 * (SESSION_STEP_OUT_MS), breathe, show the move's start and step into the next set's pose
 * (SESSION_STEP_IN_MS), each eased in, before that set's count starts: 9 s at least, in whole
 * seconds. 0 for a step of one set. For --check's note when it is longer than written. */
int session_set_rest_ms(const Routine *r, int step);

/* The combo multiplier for a run of combo on-tempo reps: 1 + combo / SESSION_COMBO_STEP, capped. */
int session_multiplier(int combo);

/* A one-line verdict on a score for the results screen. Static string. */
const char *session_verdict(const SessionScore *sc);

/* Nothing was pressed where a press scores (a walk-away): not one press during the steps of a
 * routine with a part only a press scores (reps, a confirmed hold, a hold ended by a press). Timed
 * holds still earn their points by time, but the results say "Workout done", not "Well done", the
 * verdict says nothing was counted, and the session says PHRASE_DONE_UNPRESSED instead of
 * PHRASE_COMPLETE. */
bool session_score_unpressed(const SessionScore *sc);

/* Names for output: "session_start", "hold", "left", "safety", ... Static strings. */
const char *session_event_name(SessionEventType t);
const char *session_step_kind_name(StepKind k);
const char *session_side_name(Sides s);
const char *session_segment_name(SegmentKind k);
const char *session_sound_name(SoundId s);
const char *session_voice_name(SessionVoice v);

/* The text of phrase p (static), NULL when out of range. */
const char *session_phrase(SessionPhrase p); /* "spoken", "no_clip", "stale", "superseded", ... */

#endif
