/* session.c: the workout state machine. A routine is expanded once into a flat list of timed
 * segments (safety, intro, get ready, work per side and set, switch, set rest, results); the
 * session walks it in fixed ticks, fires cues and sounds at their times and scores presses.
 * Deterministic: no clock, no I/O, no globals. */
#include "session.h"
#include "sheet.h"
#include "voicekey.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HOLD_BROKEN_TEXT session_phrase(PHRASE_HOLD_BROKEN)
#define PH(id) session_phrase(id)

/* ---- small helpers ---- */

static void emit(Session *s, const SessionEvent *ev)
{
    if (ev->t_ms > s->voice_now_ms)
        s->voice_now_ms = ev->t_ms;
    if (s->ev_count >= SESSION_EVENT_CAP) {
        s->ev_dropped++;
        return;
    }
    s->events[(s->ev_head + s->ev_count) % SESSION_EVENT_CAP] = *ev;
    s->ev_count++;
}

static const Segment *cur(const Session *s)
{
    return &s->segments[s->seg];
}

static const RoutineStep *seg_step(const Session *s, const Segment *g)
{
    return g->step >= 0 ? &s->routine->steps[g->step] : NULL;
}

/* An event pre-filled with the time and the current step's identity. */
static SessionEvent make_event(const Session *s, SessionEventType type, int64_t t)
{
    SessionEvent ev;
    memset(&ev, 0, sizeof ev);
    ev.type = type;
    ev.t_ms = t;
    ev.active_ms = s->active_ms + (t - s->t_ms);
    const Segment *g = cur(s);
    const RoutineStep *st = seg_step(s, g);
    ev.step = g->step;
    ev.move = st ? st->move : MOVE_IDLE;
    ev.kind = st ? st->kind : STEP_MOVE;
    ev.side = g->side;
    ev.set = g->set;
    return ev;
}

static void emit_simple(Session *s, SessionEventType type, int64_t t)
{
    SessionEvent ev = make_event(s, type, t);
    emit(s, &ev);
}

/* ---- voice: when each cue's clip is said ---- */

/* The queue's priority of a cue of kind k: the routine's own never dropped, then unknot's, then counts. */
static VoicePriority voice_priority(CueKind k)
{
    switch (k) {
    case CUE_KIND_ROUTINE: return VOICE_PRIORITY_ROUTINE;
    case CUE_KIND_STANDARD: return VOICE_PRIORITY_CUE;
    case CUE_KIND_COUNT: return VOICE_PRIORITY_COUNT;
    }
    return VOICE_PRIORITY_CUE;
}

/* The row of text in the clip table with a clip, or -1. */
static int voice_clip(const Session *s, const char *text)
{
    for (int i = 0; i < s->clip_count; i++)
        if (s->clips[i].ms >= 0 && strcmp(s->clips[i].text, text) == 0)
            return i;
    return -1;
}

/* The row of text whose clip is being made (SESSION_CLIP_COMING), or -1. */
static int voice_clip_coming(const Session *s, const char *text)
{
    for (int i = 0; i < s->clip_count; i++)
        if (s->clips[i].ms == SESSION_CLIP_COMING && strcmp(s->clips[i].text, text) == 0)
            return i;
    return -1;
}

static SessionVoice voice_fate(VoiceDrop d)
{
    switch (d) {
    case VOICE_DROP_STALE: return SESSION_VOICE_STALE;
    case VOICE_DROP_SUPERSEDED: return SESSION_VOICE_SUPERSEDED;
    case VOICE_DROP_FULL: return SESSION_VOICE_FULL;
    case VOICE_DROP_NONE:
    case VOICE_DROP_CLEARED: break;
    }
    return SESSION_VOICE_STOPPED;
}

/* ---- captions: shown as their cue's clip starts ---- */

/* The active time (pauses excluded) at session time t, which may be ahead of s->t_ms in a tick. */
static int64_t active_at(const Session *s, int64_t t)
{
    return s->active_ms + (t - s->t_ms);
}

/* Show text as the caption from active time now: until replaced; once its segment ends, only until
 * it has been readable long enough, and its clip (sound_ms long) has been said. */
static void caption_from(Session *s, int64_t now, const char *text, int sound_ms)
{
    snprintf(s->caption, sizeof s->caption, "%s", text);
    s->caption_routine = false;
    s->caption_side = false;
    int64_t show = (int64_t)strlen(text) * SESSION_CAPTION_MS_PER_BYTE;
    if (show < SESSION_CAPTION_MIN_MS)
        show = SESSION_CAPTION_MIN_MS;
    if (show < sound_ms)
        show = sound_ms;
    s->caption_until_ms = INT64_MAX;
    s->caption_min_until_ms = now + show;
}

static void caption(Session *s, const char *text)
{
    caption_from(s, s->active_ms, text, 0);
}

/* Show a cue's caption at session time t as how says; routine: the routine's own words; sound_ms:
 * the length of its clip starting now, or 0. */
static void caption_show(Session *s, int64_t t, const char *text, SessionCaptionHow how, bool routine, int sound_ms)
{
    int64_t now = active_at(s, t);
    if (how == SESSION_CAPTION_NONE)
        return;
    if (how == SESSION_CAPTION_UNLESS_READING && (s->caption_routine || s->caption_side) &&
        now < s->caption_min_until_ms && s->caption[0])
        return; /* the pacer (or the knees' card) shows the breath; the words on screen are read first */
    caption_from(s, now, text, sound_ms);
    s->caption_routine = routine;
    s->caption_side = how == SESSION_CAPTION_SIDE;
}

/* Caption cue tag (asked at t) when its clip starts (voice_event), or, silent (it has no clip), once
 * the voice has said what was asked before it (caption_silent_due). */
static void caption_wait(Session *s, int64_t t, int tag, const char *text, SessionCaptionHow how, bool routine,
                         bool silent)
{
    if (s->caption_waits == SESSION_CAPTION_WAITS) {
        caption_show(s, t, text, how, routine, 0); /* never lost: shown at once */
        return;
    }
    SessionCaptionWait *w = &s->caption_wait[s->caption_waits++];
    w->tag = tag;
    w->how = how;
    w->routine = routine;
    w->silent = silent;
    w->t_ms = t;
    snprintf(w->text, sizeof w->text, "%s", text);
}

/* Take waiting caption i out; shown at t when show, its clip sound_ms long. */
static void caption_take(Session *s, int i, int64_t t, bool show, int sound_ms)
{
    SessionCaptionWait w = s->caption_wait[i];
    memmove(s->caption_wait + i, s->caption_wait + i + 1, sizeof w * (size_t)(s->caption_waits - i - 1));
    s->caption_waits--;
    if (show)
        caption_show(s, t, w.text, w.how, w.routine, sound_ms);
}

/* A cue's voice met its fate at t: its caption is shown as its clip (sound_ms long) starts, and
 * stays while the clip sounds, even past its segment's end. One dropped is shown then too, as its
 * fate is known: gone stale, or no clip made in time, its turn has come, so the voice has said what
 * came before it and the screen shows it where it would have been heard (captions are promised for
 * every cue). Not shown: one superseded (a breath word waiting behind the routine's words, replaced
 * by the next breath word, which is captioned: "Breathe out." shown as the pacer turns to in would
 * mislead), or one stopped by a pause, skip or quit (its moment is gone). */
static void caption_voice(Session *s, int64_t t, int tag, SessionVoice fate, int sound_ms)
{
    bool show;
    switch (fate) {
    case SESSION_VOICE_SPOKEN:
    case SESSION_VOICE_STALE:
    case SESSION_VOICE_FULL:
    case SESSION_VOICE_NO_CLIP: show = true; break;
    case SESSION_VOICE_SUPERSEDED:
    case SESSION_VOICE_STOPPED: show = false; break;
    case SESSION_VOICE_UNPLANNED:
    case SESSION_VOICE_WAITING:
    case SESSION_VOICE_CUT:
    default: return;
    }
    for (int i = 0; i < s->caption_waits; i++)
        if (s->caption_wait[i].tag == tag && !s->caption_wait[i].silent) {
            caption_take(s, i, t, show, fate == SESSION_VOICE_SPOKEN ? sound_ms : 0);
            return;
        }
}

/* Show the silent captions (cues with no clip) whose turn has come by until: every caption asked
 * before them shown or dropped, and the voice free (the clip sounding has ended), as if said then. */
static void caption_silent_due(Session *s, int64_t until)
{
    while (s->caption_waits > 0 && s->caption_wait[0].silent) {
        int64_t due = voicequeue_free_at(&s->voice);
        if (due < s->caption_wait[0].t_ms)
            due = s->caption_wait[0].t_ms;
        if (due > until)
            break;
        caption_take(s, 0, due, true, 0);
    }
}

/* Whether a caption of the routine's own words waits to be shown. */
static bool caption_routine_waits(const Session *s)
{
    for (int i = 0; i < s->caption_waits; i++)
        if (s->caption_wait[i].routine)
            return true;
    return false;
}

/* Forget the waiting captions of text (what they said is over). */
static void caption_forget(Session *s, const char *text)
{
    for (int i = s->caption_waits - 1; i >= 0; i--)
        if (strcmp(s->caption_wait[i].text, text) == 0)
            caption_take(s, i, 0, false, 0);
}

static void voice_event(Session *s, int64_t t, const VoiceItem *it, SessionVoice fate)
{
    SessionEvent ev = make_event(s, EV_VOICE, t);
    ev.cue_id = it->tag;
    ev.voice = fate;
    ev.n = it->duration_ms;
    snprintf(ev.text, sizeof ev.text, "%s", s->clips[it->clip].text);
    emit(s, &ev);
    caption_voice(s, t, it->tag, fate, it->duration_ms);
}

/* Report every request the queue dropped, as of t. */
static void voice_report_drops(Session *s, int64_t t)
{
    VoiceItem it;
    while (voicequeue_take_dropped(&s->voice, &it))
        voice_event(s, t, &it, voice_fate(it.drop));
}

/* Hand the cues that waited for a clip being made to the queue, in the order asked, as their clips
 * come (never to start before now: the clip did not exist before); one whose clip failed, or that
 * waited SESSION_CLIP_WAIT_MS past its turn, is captioned only (no_clip), and the next goes on. */
static void voice_clip_waits(Session *s, int64_t until)
{
    int done = 0;
    while (done < s->clip_waits) {
        SessionClipWait *w = &s->clip_wait[done];
        int ms = s->clips[w->row].ms;
        if (ms == SESSION_CLIP_COMING && w->turn_ms < 0 && voicequeue_pending(&s->voice) == 0) {
            int64_t free_at = voicequeue_free_at(&s->voice);
            w->turn_ms = free_at > w->t_ms ? free_at : w->t_ms;
        }
        if (ms == SESSION_CLIP_COMING && (w->turn_ms < 0 || until < w->turn_ms + SESSION_CLIP_WAIT_MS))
            break;
        if (s->voice_now_ms < until)
            s->voice_now_ms = until;
        if (ms >= 0) {
            voicequeue_push(&s->voice, w->row, w->tag, (VoicePriority)w->priority, w->t_ms, ms);
        } else {
            VoiceItem it = {.clip = w->row, .tag = w->tag};
            voice_event(s, until, &it, SESSION_VOICE_NO_CLIP);
        }
        done++;
    }
    if (done > 0) {
        memmove(s->clip_wait, s->clip_wait + done, sizeof s->clip_wait[0] * (size_t)(s->clip_waits - done));
        s->clip_waits -= done;
    }
}

/* Drop the cues waiting for a clip (a pause, a skip, a quit, the end), reported as stopped. */
static void voice_clip_waits_drop(Session *s, int64_t t)
{
    for (int i = 0; i < s->clip_waits; i++) {
        VoiceItem it = {.clip = s->clip_wait[i].row, .tag = s->clip_wait[i].tag};
        voice_event(s, t, &it, SESSION_VOICE_STOPPED);
    }
    s->clip_waits = 0;
}

/* Start every waiting clip whose turn comes by until: never before the latest event, so events
 * stay in time order. */
static void voice_run(Session *s, int64_t until)
{
    if (!s->clips)
        return;
    voice_report_drops(s, s->voice_now_ms);
    voice_clip_waits(s, until);
    while (voicequeue_pending(&s->voice) > 0) {
        int64_t at = voicequeue_free_at(&s->voice);
        if (at < s->voice_now_ms)
            at = s->voice_now_ms;
        if (at > until)
            break;
        caption_silent_due(s, at); /* shown before the next clip starts */
        VoiceItem it;
        bool got = voicequeue_next(&s->voice, at, &it);
        voice_report_drops(s, at);
        if (!got)
            break;
        if (it.priority == VOICE_PRIORITY_ROUTINE)
            s->routine_voice_end_ms = at + it.duration_ms;
        voice_event(s, at, &it, SESSION_VOICE_SPOKEN);
    }
    caption_silent_due(s, until);
}

/* True when the routine's words have the voice at t: one sounds, waits, or ended less than
 * SESSION_GIVE_WAY_MS ago (with give_way_ms 0: only while one sounds). unknot's own reminders
 * and ticks give way then. */
static bool voice_routine_busy(Session *s, int64_t t, int give_way_ms)
{
    if (!s->clips)
        return false;
    voice_run(s, t);
    if (t < s->routine_voice_end_ms + give_way_ms)
        return true;
    for (int i = 0; give_way_ms > 0 && i < s->voice.count; i++)
        if (s->voice.items[i].priority == VOICE_PRIORITY_ROUTINE)
            return true;
    return false;
}

/* The planned length of a clip for text (0 when none or voice is not planned; a guess from the
 * text while it is being made). */
static int voice_ms(const Session *s, const char *text)
{
    int i = text ? voice_clip(s, text) : -1;
    if (i < 0 && text && voice_clip_coming(s, text) >= 0)
        return (int)strlen(text) * SESSION_CLIP_GUESS_MS_PER_BYTE;
    return i >= 0 ? s->clips[i].ms : 0;
}

/* Stop the clip sounding at t and drop what waits (a press that goes on, a skip, a quit): what it
 * said refers to something left behind. Live audio halts the clip on EV_VOICE SESSION_VOICE_CUT. */
static void voice_cut(Session *s, int64_t t)
{
    if (!s->clips)
        return;
    voice_run(s, t);
    if (voicequeue_voice_playing(&s->voice, t) && s->voice.playing_clip >= 0) {
        VoiceItem it = {.clip = s->voice.playing_clip, .tag = s->voice.playing_tag};
        voice_event(s, t, &it, SESSION_VOICE_CUT);
    }
    voicequeue_clear(&s->voice, t);
    voice_report_drops(s, t);
    voice_clip_waits_drop(s, t);
    s->caption_waits = 0; /* the silent ones too: stopped with the rest */
    if (s->routine_voice_end_ms > t)
        s->routine_voice_end_ms = t;
}

/* Drop what waits to be said (the end): it refers to something gone. */
static void voice_drop_waiting(Session *s, int64_t t)
{
    voicequeue_drop_waiting(&s->voice);
    voice_report_drops(s, t);
    voice_clip_waits_drop(s, t);
    s->caption_waits = 0; /* the silent ones too: stopped with the rest */
}

/* The sentence stops and nothing waiting is said later (a pause, "It hurts"; as live: audio.c). */
static void voice_stop(Session *s, int64_t t)
{
    voicequeue_clear(&s->voice, t);
    voice_report_drops(s, t);
    voice_clip_waits_drop(s, t);
    s->caption_waits = 0; /* the silent ones too: stopped with the rest */
}

/* What a get-ready says: "Get ready. Next: <name>." (the parser composes it), "Get ready." for a timer. */
static void ready_text(const RoutineStep *st, char *b, size_t size);
static SessionModeRules step_rules(const RoutineStep *st);
static int ready_least_ms(const RoutineStep *st);
static int ready_way_ms(const Routine *r, int step);
static int ready_step_in_ms(const Routine *r, int step);
static int session_intro_ms(const Routine *r);
static int session_intro_rest_ms(const Session *s, int gi);
static int session_rest_start_ms(const Session *s, int gi);
static int session_rest_run_ms(const Routine *r, int step, int run);
static bool step_holds(const RoutineStep *st);
static int step_out_ms(const Routine *r, int step, SegmentKind kind);
static int rest_words_at(const Session *s, int gi);
static int ready_words_at(const Session *s, int gi);

/* When a get-ready says its step's own words: once the figure is there, after a way it shows
 * (ready_words_at) or after the rest of the way down when the intro was pressed through
 * (session_intro_rest_ms); 0: at its start. */
static int ready_step_words_at(const Session *s, int gi)
{
    int way = ready_words_at(s, gi), rest = session_intro_rest_ms(s, gi);
    return way > rest ? way : rest;
}
static const char *switch_words(const RoutineStep *st, const Segment *g);

/* Whether cue c is said at the start of a step's work (the instruction for getting into position). */
static bool start_instruction(const RoutineCue *c)
{
    return c->anchor == CUE_START && c->offset_ms == 0;
}

/* The how-to a move's get-ready says when its routine gives no words at its start: the move's
 * line in the catalogue (moves.h MOVES_HOWTO), or NULL. A routine's own words win: a start cue at
 * any offset ("say start", "say start+10s") or named phases already say how to do the move. */
static const char *ready_howto(const RoutineStep *st)
{
    if (st->kind != STEP_MOVE || st->phase_count > 0)
        return NULL;
    for (int c = 0; c < st->cue_count; c++)
        if (st->cues[c].anchor == CUE_START)
            return NULL;
    return moves_howto(st->move);
}

/* Each segment's share of the planned time and its planned start. */
static void plan_times(Session *s)
{
    int64_t t = 0;
    for (int i = 0; i < s->segment_count; i++) {
        Segment *g = &s->segments[i];
        bool open = g->kind == SEG_WORK && s->routine->steps[g->step].hold_open;
        g->planned_ms = open && g->duration_ms > ROUTINE_OPEN_HOLD_PLAN_MS ? ROUTINE_OPEN_HOLD_PLAN_MS : g->duration_ms;
        g->planned_start_ms = t;
        t += g->planned_ms;
    }
}

/* The time the step's own words of get-ready gi take, said one after another (ready_step_words). */
static int ready_step_words_ms(const Session *s, int gi)
{
    const RoutineStep *st = &s->routine->steps[s->segments[gi].step];
    int ms = 0;
    if (st->mode == MODE_TIMER && st->text)
        ms += voice_ms(s, st->text) + VOICEQUEUE_GAP_MS;
    for (int c = 0; c < st->cue_count; c++)
        if (start_instruction(&st->cues[c]))
            ms += voice_ms(s, st->cues[c].text) + VOICEQUEUE_GAP_MS;
    if (ready_howto(st))
        ms += voice_ms(s, ready_howto(st)) + VOICEQUEUE_GAP_MS;
    if (step_rules(st).ready_press)
        ms += voice_ms(s, PH(PHRASE_PRESS_READY)) + VOICEQUEUE_GAP_MS;
    return ms;
}

/* How much longer get-ready gi, planned as its words were said from its start, must be for the
 * step's own words to be said once the figure has arrived (ready_words_at), after "Get ready.
 * Next: ..." (announce_ms, with its gap), and end before the 3-2-1: whole seconds, 0 when they fit
 * or are said at its start. A longer get-ready keeps its way where it was: the last way's breath in
 * the position grows. */
static int ready_words_late_ms(const Session *s, int gi, int announce_ms)
{
    const Segment *g = &s->segments[gi];
    int at = ready_words_at(s, gi);
    if (at <= 0)
        return 0;
    int end = (at > announce_ms ? at : announce_ms) + ready_step_words_ms(s, gi);
    int late = end - (g->duration_ms - SESSION_COUNTDOWN * 1000);
    return late > 0 ? (late + 999) / 1000 * 1000 : 0;
}

/* Lengthen the intro to its clip, and each get-ready so its words fit before the 3-2-1, from
 * segment `from` on (those before it are kept as planned: session_side_rebuild). */
static void voice_plan_lengths(Session *s, int from)
{
    const Routine *r = s->routine;
    char b[SESSION_TEXT_BYTES];
    for (int i = from; i < s->segment_count; i++) {
        Segment *g = &s->segments[i];
        int need = 0;
        if (g->kind == SEG_SAFETY) {
            need =
                voice_ms(s, PH(PHRASE_SAFETY_GENTLY)) + voice_ms(s, PH(PHRASE_SAFETY_DOCTOR)) + 2 * VOICEQUEUE_GAP_MS;
            if (r->stop_if_count > 0)
                need += voice_ms(s, PH(PHRASE_SAFETY_STOP_IF)) + VOICEQUEUE_GAP_MS;
            for (int k = 0; k < r->stop_if_count; k++)
                need += voice_ms(s, r->stop_if[k]) + VOICEQUEUE_GAP_MS;
            need = (need + SESSION_SAFETY_PRESS_MS + 999) / 1000 * 1000;
            need = need < SESSION_SAFETY_MS       ? SESSION_SAFETY_MS
                   : need > SESSION_SAFETY_MAX_MS ? SESSION_SAFETY_MAX_MS
                                                  : need;
            g->duration_ms = need;
        } else if (g->kind == SEG_INTRO) {
            /* whole seconds, as the get-ready: the screen counts them down ("Starting in 7 s"), and
             * --list and the menu show whole minutes and seconds (NHS Inform was "2m51.373s") */
            need = (voice_ms(s, r->intro ? r->intro : r->title) + VOICEQUEUE_GAP_MS + 999) / 1000 * 1000;
            g->duration_ms = need > session_intro_ms(r) ? need : session_intro_ms(r);
        } else if (g->kind == SEG_READY || g->kind == SEG_SWITCH) {
            const RoutineStep *st = &r->steps[g->step];
            bool ready = g->kind == SEG_READY;
            if (ready)
                ready_text(st, b, sizeof b);
            need = voice_ms(s, ready ? b : switch_words(st, g)) + VOICEQUEUE_GAP_MS;
            if (ready && st->mode == MODE_TIMER)
                need += voice_ms(s, st->text) + VOICEQUEUE_GAP_MS;
            if (ready && step_rules(st).ready_press)
                need += voice_ms(s, PH(PHRASE_PRESS_READY)) + VOICEQUEUE_GAP_MS;
            for (int c = 0; c < st->cue_count; c++)
                if (start_instruction(&st->cues[c]) && (ready || !st->cues[c].once))
                    need += voice_ms(s, st->cues[c].text) + VOICEQUEUE_GAP_MS;
            if (ready && ready_howto(st))
                need += voice_ms(s, ready_howto(st)) + VOICEQUEUE_GAP_MS;
            need += SESSION_COUNTDOWN * 1000;
            need = (need + 999) / 1000 * 1000; /* whole seconds: the countdown shows whole numbers */
            int least = ready ? ready_least_ms(st) : SESSION_SWITCH_MS;
            need += step_out_ms(r, g->step, g->kind); /* the hold before steps out of its pose first */
            least += step_out_ms(r, g->step, g->kind);
            if (ready) { /* time to get there first, then to step into a hold */
                need += ready_way_ms(r, g->step) + ready_step_in_ms(r, g->step);
                least += ready_way_ms(r, g->step) + ready_step_in_ms(r, g->step);
            }
            g->duration_ms = need > least ? need : least;
            if (ready)
                g->duration_ms += ready_words_late_ms(s, i, voice_ms(s, b) + VOICEQUEUE_GAP_MS);
        }
    }
    plan_times(s);
}

void session_set_voice(Session *s, const SessionClip *clips, int count)
{
    s->clips = count > 0 ? clips : NULL;
    s->clip_count = count > 0 ? count : 0;
    if (!s->started && s->clips)
        voice_plan_lengths(s, 0); /* the plan is made once, before the session starts */
}

/* Say text as a cue of kind with the queue priority prio, captioned as how says (a count never);
 * routine: its caption is kept as the routine's own words are (Session.caption_routine). */
static void say_captioned(Session *s, int64_t t, CueKind kind, VoicePriority prio, const char *text,
                          SessionCaptionHow how, bool routine)
{
    SessionEvent ev = make_event(s, EV_CUE, t);
    ev.cue_kind = kind;
    snprintf(ev.text, sizeof ev.text, "%s", text);
    ev.cue_id = ++s->cue_seq;
    if (kind == CUE_KIND_COUNT)
        how = SESSION_CAPTION_NONE;
    int clip = -1, row = -1;
    if (s->clips) {
        voice_run(s, t); /* what was due before this cue starts first */
        clip = voice_clip(s, ev.text);
        /* a routine's own cue (or an announcement) is never dropped: one whose clip is being made
         * waits for it, and the ones after it wait behind it, so they are said in order */
        if (prio == VOICE_PRIORITY_ROUTINE && s->clip_waits < SESSION_CLIP_WAITS)
            row = clip < 0 ? voice_clip_coming(s, ev.text) : s->clip_waits > 0 ? clip : -1;
        ev.voice = clip >= 0 || row >= 0 ? SESSION_VOICE_WAITING : SESSION_VOICE_NO_CLIP;
    }
    emit(s, &ev);
    if (!s->clips) {
        caption_show(s, t, text, how, routine, 0); /* no voice planned: as asked */
        return;
    }
    /* the voice planned: shown as its clip starts (or is dropped); one with no clip, once the voice
     * has said what was asked before it, so the screen never runs ahead of the voice */
    if (how != SESSION_CAPTION_NONE)
        caption_wait(s, t, ev.cue_id, text, how, routine, clip < 0 && row < 0);
    if (row >= 0) {
        s->clip_wait[s->clip_waits++] = (SessionClipWait){row, ev.cue_id, prio, t, -1};
        voice_run(s, t);
    } else if (clip >= 0) {
        voicequeue_push(&s->voice, clip, ev.cue_id, prio, t, s->clips[clip].ms);
        voice_run(s, t);
    } else {
        caption_silent_due(s, t);
    }
}

static void say_full(Session *s, int64_t t, CueKind kind, VoicePriority prio, const char *text, SessionCaptionHow how)
{
    say_captioned(s, t, kind, prio, text, how, kind == CUE_KIND_ROUTINE);
}

static void say_as(Session *s, int64_t t, CueKind kind, VoicePriority prio, const char *text)
{
    say_full(s, t, kind, prio, text, SESSION_CAPTION_SHOW);
}

static void say(Session *s, int64_t t, CueKind kind, const char *text)
{
    say_as(s, t, kind, voice_priority(kind), text);
}

/* Say one of unknot's phrases that tells what to do now ("Get ready. Next: ...", "Rest.", "Switch
 * sides.", the results, the check-in questions): never dropped, in order with the routine's cues. */
static void announce(Session *s, int64_t t, const char *text)
{
    say_as(s, t, CUE_KIND_STANDARD, VOICE_PRIORITY_ROUTINE, text);
}

/* Announce a side's words ("Knees to your left."), captioned as such when side (a breath leaves them
 * to be read). */
static void announce_side(Session *s, int64_t t, const char *text, bool side)
{
    say_full(s, t, CUE_KIND_STANDARD, VOICE_PRIORITY_ROUTINE, text, side ? SESSION_CAPTION_SIDE : SESSION_CAPTION_SHOW);
}

/* Say a breath of a rep (step_breath) or of a hold in breaths (step_hold_breaths): on its moment
 * or not at all, like a count (a newer one replaces it, and it goes stale after
 * VOICEQUEUE_COUNT_STALE_MS), so the routine's own words, said first, never make it late;
 * captioned, unless the routine's words or a side's ("Knees to your left.") on screen are still to
 * be read when it is shown (the pacer, or the knees' card, shows it then). */
static void say_breath(Session *s, int64_t t, const char *text)
{
    say_full(s, t, CUE_KIND_STANDARD, VOICE_PRIORITY_COUNT, text, SESSION_CAPTION_UNLESS_READING);
}

static void say_number(Session *s, int64_t t, int n)
{
    char b[16];
    snprintf(b, sizeof b, "%d", n);
    say(s, t, CUE_KIND_COUNT, b);
}

static void sound(Session *s, int64_t t, SoundId id)
{
    SessionEvent ev = make_event(s, EV_SOUND, t);
    ev.sound = id;
    emit(s, &ev);
}

static bool in_pain_range_value(int pain)
{
    return pain >= 0 && pain <= SESSION_PAIN_MAX;
}

/* ---- what each mode of work does ---- */

SessionModeRules session_mode_rules(StepMode m)
{
    switch (m) {
    case MODE_HOLD:
        return (SessionModeRules){.is_move = true,
                                  .get_ready = true,
                                  .ends_by_time = true,
                                  .end_warnings = true,
                                  .anim = ANIM_HOLD,
                                  .score = SCORE_HOLD};
    case MODE_HOLD_CONFIRMED:
        return (SessionModeRules){.is_move = true,
                                  .get_ready = true,
                                  .clock_needs_button = true,
                                  .ends_by_time = true,
                                  .awaits_press = true,
                                  .prompt = PH(PHRASE_PROMPT_HOLD),
                                  .end_warnings = true,
                                  .anim = ANIM_HOLD,
                                  .score = SCORE_HOLD};
    case MODE_REPS_GUIDED:
        return (SessionModeRules){
            .is_move = true, .get_ready = true, .ends_by_time = true, .anim = ANIM_REPS, .score = SCORE_REPS};
    case MODE_REPS_SELF:
        return (SessionModeRules){.is_move = true,
                                  .get_ready = true,
                                  .awaits_press = true,
                                  .prompt = PH(PHRASE_PROMPT_REPS),
                                  .count_cues = true,
                                  .anim = ANIM_REPS,
                                  .score = SCORE_REPS};
    case MODE_HOLD_UNTIL_PRESS: /* no prompt, no give-up: the person decides when it is enough */
        return (SessionModeRules){.is_move = true,
                                  .get_ready = true,
                                  .ends_by_time = true,
                                  .ends_by_press = true,
                                  .anim = ANIM_HOLD,
                                  .score = SCORE_HOLD};
    case MODE_REST:
        return (SessionModeRules){
            .ends_by_time = true, .end_warnings = true, .anim = ANIM_LOOP, .score = SCORE_NOTHING};
    case MODE_TIMER:
        return (SessionModeRules){.get_ready = true,
                                  .ready_press = true,
                                  .ends_by_time = true,
                                  .end_warnings = true,
                                  .anim = ANIM_LOOP,
                                  .score = SCORE_NOTHING};
    }
    return (SessionModeRules){.ends_by_time = true, .anim = ANIM_LOOP, .score = SCORE_NOTHING};
}

static SessionModeRules step_rules(const RoutineStep *st)
{
    return session_mode_rules(st->mode);
}

/* ---- building the segment list ---- */

static void score_possible(Session *s);

/* The sides step st runs on today: a "side away" / "side toward" step runs both, as "sides both"
 * would, when "Which side hurts?" was answered "Both / the middle" (both). */
static Sides sides_today(const RoutineStep *st, bool both)
{
    return both && st->side_rel != SIDE_REL_NONE ? SIDES_BOTH : st->sides;
}

/* Step st as it runs today (sides_today): a shallow copy, its text borrowed from st. */
static RoutineStep step_today(const RoutineStep *st, bool both)
{
    RoutineStep today = *st;
    today.sides = sides_today(st, both);
    return today;
}

RoutineStep session_step_today(const RoutineStep *st, Sides chosen_side)
{
    return step_today(st, chosen_side == SIDES_BOTH);
}

/* Segment n of the list being built: written when list is given and n is at or past from (those
 * before from are kept as they are: session_side_rebuild). */
static int add_segment_from(Segment *list, int from, int n, SegmentKind kind, int step, int set, Sides side, int ms)
{
    if (list && n >= from) {
        memset(&list[n], 0, sizeof list[n]);
        list[n].kind = kind;
        list[n].step = step;
        list[n].set = set;
        list[n].side = side;
        list[n].duration_ms = ms;
    }
    return n + 1;
}

/* One run of a step's set, the step as it runs today (st: step_today): a WORK segment with its side
 * and its share of the reps (a rest's time long enough to show its chain of ways,
 * session_rest_run_ms). */
static int add_run(Segment *list, int from, int n, const Routine *r, const RoutineStep *st, int step, int set, int run)
{
    /* a step run on both sides today takes each side's time as "sides both" would */
    int ms = st->sides == r->steps[step].sides ? session_rest_run_ms(r, step, run) : routine_run_ms(st, run);
    n = add_segment_from(list, from, n, SEG_WORK, step, set, routine_run_side(st, run), ms);
    if (list && n - 1 >= from) {
        Segment *g = &list[n - 1];
        g->run = run;
        g->reps = routine_run_reps(st, run);
        /* a range's top end is there to be counted, except where each run is one rep */
        g->reps_max = st->sides == SIDES_ALTERNATE ? g->reps : g->reps + st->reps_max - st->reps;
    }
    return n;
}

/* Whether step st is a held move (hold, hold up to, hold open, confirmed, in breaths): its counted
 * time is spent in the pose, its ways in and out played around it. */
static bool step_holds(const RoutineStep *st)
{
    return st->kind == STEP_MOVE && step_rules(st).anim == ANIM_HOLD;
}

/* A held move's way in (or out: way_out) at its own pace as its pose file keys it
 * (Routine.hold_ways, filled by the platform), or 0 when not known. */
static int hold_way_ms(const Routine *r, MoveId move, bool way_out)
{
    if (move < 0 || move >= MOVE_COUNT + ROUTINE_MAX_OWN_MOVES)
        return 0;
    return way_out ? r->hold_ways[move].out_ms : r->hold_ways[move].in_ms;
}

/* How long a held move steps into its pose before its count (SESSION_STEP_IN_MS, or its own way in
 * when that is longer: hold_way_ms), so the count starts with the figure in the pose. */
static int hold_step_in_ms(const Routine *r, MoveId move)
{
    int ms = hold_way_ms(r, move, false);
    return ms > SESSION_STEP_IN_MS ? ms : SESSION_STEP_IN_MS;
}

/* How long a held move steps out of its pose after its count (SESSION_STEP_OUT_MS, or its own way
 * out when that is longer and it steps in at its own pace too: hold_way_ms), so it moves only once
 * the count is over. A move whose way in fits the step-in keeps SESSION_STEP_OUT_MS: the forward
 * fold's 5 s roll-up begins 2 s before its count ends, where levels/01 cues it (review s26 #6). */
static int hold_step_out_ms(const Routine *r, MoveId move)
{
    int ms = hold_way_ms(r, move, false) > SESSION_STEP_IN_MS ? hold_way_ms(r, move, true) : 0;
    return ms > SESSION_STEP_OUT_MS ? ms : SESSION_STEP_OUT_MS;
}

/* Whether run `run` (> 0) of step st follows the run before after a "switch sides" (a held step
 * alternating sides too: the figure needs the time to step out of one side's pose and into the
 * other's before the hold is counted), rather than at once (alternating reps, "Other side."). */
static bool step_switches_before(const RoutineStep *st, int run)
{
    return run > 0 && (st->sides == SIDES_BOTH || (st->sides == SIDES_ALTERNATE && step_holds(st)));
}

/* The time a get-ready (kind SEG_READY) or switch (SEG_SWITCH) of step `step` adds for the way out
 * of the hold before it (SESSION_STEP_OUT_MS: the step before, or the other side, is held), or 0. */
static int step_out_ms(const Routine *r, int step, SegmentKind kind)
{
    if (kind == SEG_READY)
        return step > 0 && step_holds(&r->steps[step - 1]) && !step_rules(&r->steps[step]).ready_press
                   ? (hold_step_out_ms(r, r->steps[step - 1].move) + 999) / 1000 * 1000
                   : 0; /* a timer's wait for Ready has the time */
    if (kind != SEG_SWITCH || !step_holds(&r->steps[step]))
        return 0;
    /* the way out, the other side eased in, its way in: longer than SESSION_SWITCH_MS has room for
     * when the move's own ways are slower than SESSION_STEP_OUT_MS and SESSION_STEP_IN_MS */
    MoveId move = r->steps[step].move;
    int ease = SESSION_BLEND_MS > SESSION_TURN_MS ? SESSION_BLEND_MS : SESSION_TURN_MS;
    int need = (hold_step_out_ms(r, move) + ease + hold_step_in_ms(r, move) + 999) / 1000 * 1000 - SESSION_SWITCH_MS;
    return need > SESSION_STEP_OUT_MS ? need : SESSION_STEP_OUT_MS;
}

int session_set_rest_ms(const Routine *r, int step)
{
    const RoutineStep *st = &r->steps[step];
    if (st->sets < 2)
        return 0;
    if (!step_holds(st) || st->phase_count > 0)
        return st->set_rest_ms;
    /* as session_rest_start_ms needs it: the way out, the position eased in, the move's start eased
     * in, the way in */
    int ease = SESSION_BLEND_MS > SESSION_TURN_MS ? SESSION_BLEND_MS : SESSION_TURN_MS;
    int least = (hold_step_out_ms(r, st->move) + 2 * ease + hold_step_in_ms(r, st->move) + 999) / 1000 * 1000;
    return st->set_rest_ms > least ? st->set_rest_ms : least;
}

/* The shortest a step's get-ready is: a timer's waits for Ready, the others count down. */
static int ready_least_ms(const RoutineStep *st)
{
    return step_rules(st).ready_press ? SESSION_TIMER_READY_MS : SESSION_READY_MS;
}

/* Fill list (when not NULL) from segment `from` on and return the number of segments; both: the
 * "side away" / "side toward" steps run both sides (sides_today). */
static int build_segments(const Routine *r, Segment *list, bool both, int from)
{
    int n = 0;
    n = add_segment_from(list, from, n, SEG_SAFETY, -1, 0, SIDES_NONE, SESSION_SAFETY_MS);
    /* the check-in waits for an answer: no planned time */
    n = add_segment_from(list, from, n, SEG_PAIN_BEFORE, -1, 0, SIDES_NONE, 0);
    if (r->sides_chosen)
        n = add_segment_from(list, from, n, SEG_SIDE, -1, 0, SIDES_NONE, 0); /* the same */
    n = add_segment_from(list, from, n, SEG_INTRO, -1, 0, SIDES_NONE, session_intro_ms(r));
    for (int i = 0; i < r->step_count; i++) {
        RoutineStep today = step_today(&r->steps[i], both);
        const RoutineStep *st = &today;
        if (step_rules(st).get_ready)
            n = add_segment_from(list, from, n, SEG_READY, i, 1, SIDES_NONE,
                                 ready_least_ms(st) + ready_way_ms(r, i) + ready_step_in_ms(r, i) +
                                     step_out_ms(r, i, SEG_READY));
        for (int set = 1; set <= st->sets; set++) {
            for (int run = 0; run < routine_step_runs(st); run++) {
                /* both sides: a "switch sides" countdown; alternating: only "Other side." (a held
                 * step: "Other side." and the countdown, the figure stepping over to the other side) */
                if (step_switches_before(st, run))
                    n = add_segment_from(list, from, n, SEG_SWITCH, i, set, routine_run_side(st, run),
                                         SESSION_SWITCH_MS + step_out_ms(r, i, SEG_SWITCH));
                n = add_run(list, from, n, r, st, i, set, run);
            }
            if (set < st->sets)
                n = add_segment_from(list, from, n, SEG_SET_REST, i, set + 1, SIDES_NONE, session_set_rest_ms(r, i));
        }
    }
    n = add_segment_from(list, from, n, SEG_PAIN_AFTER, -1, 0, SIDES_NONE, 0);
    n = add_segment_from(list, from, n, SEG_RESULTS, -1, 0, SIDES_NONE, SESSION_RESULTS_MS);
    n = add_segment_from(list, from, n, SEG_DONE, -1, 0, SIDES_NONE, 0);
    return n;
}

int session_init(Session *s, const Routine *r)
{
    memset(s, 0, sizeof *s);
    s->routine = r;
    s->ready_words_ms = -1;
    /* room for the list with the one-sided steps on both sides ("Both / the middle"), the longer */
    int n = build_segments(r, NULL, true, 0);
    s->segments = calloc((size_t)n, sizeof *s->segments);
    s->tally = calloc((size_t)n, sizeof *s->tally);
    s->step_result = calloc((size_t)(r->step_count > 0 ? r->step_count : 1), 1);
    s->skip_today = calloc((size_t)(r->step_count > 0 ? r->step_count : 1), 1);
    if (!s->segments || !s->tally || !s->step_result || !s->skip_today) {
        session_free(s);
        return -1;
    }
    s->segment_count = build_segments(r, s->segments, false, 0);
    plan_times(s);
    s->last_press_ms = -1;
    s->pain_before = s->pain_after = -1;
    s->hurt_pain = -1;
    s->hurt_step = -1;
    s->checkin_wait_ms = SESSION_CHECKIN_WAIT_MS;
    voicequeue_init(&s->voice);
    s->side_wait_ms = SESSION_CHECKIN_WAIT_MS;
    score_possible(s);
    return 0;
}

/* Fill what the routine asks for today (reps_target, holds_total, exercises) and the max_* fields of
 * the score: the most each part can earn. A step left out today (its side not known,
 * SESSION_PASS_NO_SIDE) is not part of it: nothing of it is asked for, or missed. */
static void score_possible(Session *s)
{
    SessionScore *sc = &s->score;
    int combo = 0;
    sc->reps_target = sc->holds_total = 0;
    sc->max_reps = sc->max_holds = 0;
    sc->press_scores = false;
    for (int i = 0; i < s->segment_count; i++) {
        const Segment *g = &s->segments[i];
        if (g->kind != SEG_WORK || s->skip_today[g->step] == SESSION_PASS_NO_SIDE)
            continue;
        SessionModeRules rules = step_rules(&s->routine->steps[g->step]);
        switch (rules.score) {
        case SCORE_REPS: sc->reps_target += g->reps; break;
        case SCORE_HOLD: sc->holds_total++; break;
        case SCORE_NOTHING: break;
        }
        if (rules.score == SCORE_REPS ||
            (rules.score == SCORE_HOLD && (rules.clock_needs_button || rules.ends_by_press)))
            sc->press_scores = true; /* only a press scores it */
        switch (rules.score) {
        case SCORE_REPS:
            /* every rep of the target on the beat: a range's low end (self pacing ends there; with
             * guided pacing those are the figure's beats, and reps past them earn nothing), so a
             * run done as prescribed reaches the maximum */
            for (int k = 0; k < g->reps; k++)
                sc->max_reps += (long)SESSION_POINTS_REP * session_multiplier(++combo);
            break;
        case SCORE_HOLD: /* an open hold: its planned, typical length (not its 3 minute limit) */
            sc->max_holds += (long)SESSION_POINTS_HELD_SECOND * (g->planned_ms / 1000);
            break;
        case SCORE_NOTHING: break;
        }
    }
    sc->exercises = 0;
    for (int i = 0; i < s->routine->step_count; i++)
        sc->exercises += routine_step_is_exercise(&s->routine->steps[i]) && s->skip_today[i] != SESSION_PASS_NO_SIDE;
    sc->max_steps = (long)SESSION_POINTS_STEP * sc->exercises;
    sc->score_max = sc->max_reps + sc->max_holds + sc->max_steps;
}

void session_set_checkin_wait(Session *s, int ms)
{
    s->checkin_wait_ms = ms > 0 ? ms : 0;
}

void session_set_side_wait(Session *s, int ms)
{
    s->side_wait_ms = ms > 0 ? ms : 0;
}

bool session_pain_says_stop(int before, int after)
{
    if (after < 0)
        return false;
    return after >= SESSION_PAIN_STOP_LEVEL || (before >= 0 && after - before >= SESSION_PAIN_STOP_RISE);
}

void session_free(Session *s)
{
    free(s->segments);
    free(s->tally);
    free(s->step_result);
    free(s->skip_today);
    memset(s, 0, sizeof *s);
}

static int segment_of_kind(const Session *s, SegmentKind k);

/* The planned start of the results: the session's own plan, so the figure is the one it runs. */
static int64_t routine_ms_with(const Routine *r, const SessionClip *clips, int count)
{
    Session *s = malloc(sizeof *s);
    if (!s || session_init(s, r) < 0) {
        free(s);
        return -1;
    }
    session_set_voice(s, clips, count);
    int64_t t = s->segments[segment_of_kind(s, SEG_RESULTS)].planned_start_ms;
    session_free(s);
    free(s);
    return t;
}

int64_t session_routine_ms(const Routine *r)
{
    return r->planned_ms > 0 ? r->planned_ms : routine_ms_with(r, NULL, 0);
}

int64_t session_routine_plan(Routine *r, const SessionClip *clips, int count)
{
    r->planned_ms = 0;
    int64_t t = routine_ms_with(r, clips, count);
    if (t > 0)
        r->planned_ms = t;
    return t;
}

int64_t session_planned_ms(const Session *s)
{
    const Segment *last = &s->segments[s->segment_count - 1];
    return last->planned_start_ms + last->planned_ms;
}

bool session_over(const Session *s)
{
    return s->ended;
}

bool session_poll_event(Session *s, SessionEvent *ev)
{
    if (s->ev_count == 0)
        return false;
    *ev = s->events[s->ev_head];
    s->ev_head = (s->ev_head + 1) % SESSION_EVENT_CAP;
    s->ev_count--;
    return true;
}

/* ---- rules of a work segment ---- */

/* The rules of the current segment: a work segment's mode, else those of a plain timed part. */
static SessionModeRules cur_rules(const Session *s)
{
    const Segment *g = cur(s);
    if (g->kind == SEG_WORK)
        return step_rules(seg_step(s, g));
    /* the check-ins and the side question wait for an answer (or their own wait, in advance) */
    bool timed = g->kind != SEG_DONE && g->kind != SEG_PAIN_BEFORE && g->kind != SEG_PAIN_AFTER && g->kind != SEG_SIDE;
    return (SessionModeRules){.ends_by_time = timed, .anim = ANIM_LOOP, .score = SCORE_NOTHING};
}

/* Time of rep i's beat (0-based) from the start of a guided rep run: at the top of the rep. */
static int rep_beat_ms(const RoutineStep *st, int i)
{
    return i * (st->tempo_ms + st->hold_ms) + st->tempo_ms / 2;
}

static int rep_ms(const RoutineStep *st)
{
    return st->tempo_ms + st->hold_ms;
}

/* The breath of each rep of step st (moves.h MOVES_BREATHS: draw_in's rep is one breath), said and
 * shown by the session: guided reps of such a move with no `each-rep` cue and no phases of the
 * routine's own (its words for each rep win). Self pacing has none: the person breathes at their
 * own pace and counts each breath. NULL when there is none. */
static const MovesBreath *step_breath(const RoutineStep *st)
{
    if (!st || st->kind != STEP_MOVE || st->mode != MODE_REPS_GUIDED || st->phase_count > 0)
        return NULL;
    for (int i = 0; i < st->cue_count; i++)
        if (st->cues[i].anchor == CUE_EACH_REP)
            return NULL;
    return moves_breath(st->move);
}

/* When the out-breath starts in a rep of st with breath b (ms from the rep's start): b's share of
 * the rep's moving time, and after the hold at the top (the beat, half way) when it comes later. */
static int breath_out_ms(const RoutineStep *st, const MovesBreath *b)
{
    return (int)((int64_t)st->tempo_ms * b->out_permille / 1000) + (b->out_permille > 500 ? st->hold_ms : 0);
}

/* One breath of a hold in breaths ("hold 3 breaths"): the routine's `breath`, or the default. */
static int step_breath_ms(const Routine *r)
{
    return r->breath_ms > 0 ? r->breath_ms : ROUTINE_BREATH_MS;
}

/* The in-breath of one breath of breath_ms: two fifths of it (the pacer fills, then empties). */
static int breath_in_ms(int breath_ms)
{
    return breath_ms * 2 / 5;
}

/* Whether the breaths of step st's holds in breaths are said, "Breathe in." / "Breathe out." on
 * each breath (fire_timed): a held step (`hold 3 breaths`) or guided reps held at the top (`reps 8
 * hold 1 breath`), unless the routine has its own words for them (`count-aloud`, which counts the
 * breaths or reps at those moments; `each-rep`, said at the hold's start) or the rep is itself a
 * breath (draw_in, step_breath). Self pacing has none: the person holds at their own pace. */
static bool step_hold_breaths(const RoutineStep *st)
{
    if (!st || st->kind != STEP_MOVE || st->hold_breaths <= 0 || st->count_aloud || step_breath(st))
        return false;
    if (st->mode == MODE_REPS_SELF)
        return false;
    for (int i = 0; i < st->cue_count; i++)
        if (st->cues[i].anchor == CUE_EACH_REP)
            return false;
    return true;
}

/* The words of step st's side `side` (moves.h MOVES_SIDE_WORDS: "Knees to your left."), or NULL
 * when its move has none (it says "Other side." / "Switch sides.") or side is neither left nor right. */
static const char *side_words(const RoutineStep *st, Sides side)
{
    const MovesSideWords *w = st && st->kind == STEP_MOVE ? moves_side_words(st->move) : NULL;
    return !w ? NULL : side == SIDES_LEFT ? w->left : side == SIDES_RIGHT ? w->right : NULL;
}

/* What a "switch sides" segment g of step st says: the side's words, else "Other side." between
 * alternating sides or "Switch sides.". */
static const char *switch_words(const RoutineStep *st, const Segment *g)
{
    const char *words = side_words(st, g->side);
    return words                          ? words
           : st->sides == SIDES_ALTERNATE ? session_phrase(PHRASE_OTHER_SIDE)
                                          : session_phrase(PHRASE_SWITCH_SIDES);
}

int session_multiplier(int combo)
{
    int m = 1 + combo / SESSION_COMBO_STEP;
    return m > SESSION_MAX_MULTIPLIER ? SESSION_MAX_MULTIPLIER : m;
}

/* Derive the totals from the per-run tallies and step results, so a step done again after
 * "back" counts once. Streaks (combo, hold streak, breaks) are history and stay as they are. */
static void recount(Session *s)
{
    SessionScore *sc = &s->score;
    sc->reps_done = sc->reps_on_tempo = sc->holds_done = sc->held_ms = sc->holds_unended = 0;
    sc->steps_done = sc->steps_skipped = sc->exercises_done = 0;
    sc->score = sc->points_reps = sc->points_holds = sc->points_steps = 0;
    for (int i = 0; i < s->segment_count; i++) {
        const SegmentTally *ty = &s->tally[i];
        sc->reps_done += ty->reps;
        sc->reps_on_tempo += ty->reps_on_tempo;
        sc->held_ms += ty->held_ms;
        sc->holds_done += ty->hold_done;
        sc->holds_unended += ty->hold_unended;
        if (ty->points == 0)
            continue;
        if (step_rules(seg_step(s, &s->segments[i])).score == SCORE_REPS)
            sc->points_reps += ty->points;
        else
            sc->points_holds += ty->points;
    }
    SegmentKind now = s->segments[s->seg].kind;
    bool at_results = now == SEG_PAIN_AFTER || now == SEG_RESULTS || now == SEG_DONE;
    for (int i = 0; i < s->routine->step_count; i++) {
        if (s->step_result[i] == STEP_RESULT_DONE) {
            sc->steps_done++;
            if (routine_step_is_exercise(&s->routine->steps[i])) { /* a rest is not an exercise done */
                sc->exercises_done++;
                sc->points_steps += SESSION_POINTS_STEP;
            }
        } else if (s->step_result[i] == STEP_RESULT_SKIPPED || (at_results && s->step_result[i] != STEP_RESULT_PASSED &&
                                                                s->skip_today[i] != SESSION_PASS_NO_SIDE)) {
            sc->steps_skipped++;
        }
    }
    sc->score = sc->points_reps + sc->points_holds + sc->points_steps;
}

/* Whether the current segment is the step's first run (first side of the first set). */
static bool first_run(const Session *s)
{
    const Segment *g = cur(s);
    return g->set == 1 && g->run == 0;
}

/* A press during a rep segment: bounce, on or off tempo, combo and score. */
static void count_rep(Session *s, int64_t t)
{
    const Segment *g = cur(s);
    const RoutineStep *st = seg_step(s, g);
    int at = s->seg_elapsed_ms;
    int min_gap = rep_ms(st) / 4 > SESSION_BOUNCE_MS ? rep_ms(st) / 4 : SESSION_BOUNCE_MS;
    if (s->last_press_ms >= 0 && at - s->last_press_ms < min_gap)
        return; /* a bounce, or faster than a rep can be done */
    if (s->reps_counted >= g->reps_max)
        return;
    int window = rep_ms(st) / 4;
    if (window > SESSION_TEMPO_WINDOW_MS)
        window = SESSION_TEMPO_WINDOW_MS;
    bool on_tempo = false;
    switch (st->mode) {
    case MODE_REPS_GUIDED: {
        /* match the nearest beat not already taken */
        int i = (at - st->tempo_ms / 2 + rep_ms(st) / 2) / rep_ms(st);
        if (i < 0)
            i = 0;
        if (i >= g->reps)
            i = g->reps - 1;
        int d = at - rep_beat_ms(st, i);
        bool taken = (s->beats_taken[i / 64] >> (i % 64)) & 1u;
        on_tempo = !taken && d <= window && d >= -window;
        if (on_tempo)
            s->beats_taken[i / 64] |= (uint64_t)1 << (i % 64);
        break;
    }
    case MODE_REPS_SELF:
        /* self pacing: the interval since the last press is close to the tempo */
        if (s->last_press_ms < 0) {
            on_tempo = true;
        } else {
            int d = at - s->last_press_ms - rep_ms(st);
            on_tempo = d <= rep_ms(st) / 2 && d >= -rep_ms(st) / 2;
        }
        break;
    case MODE_HOLD:
    case MODE_HOLD_CONFIRMED:
    case MODE_HOLD_UNTIL_PRESS:
    case MODE_REST:
    case MODE_TIMER: return; /* no reps to count */
    }
    s->last_press_ms = at;
    s->idle_ms = 0;
    s->reps_counted++;
    SessionScore *sc = &s->score;
    SegmentTally *ty = &s->tally[s->seg];
    ty->reps++;
    SessionEvent ev = make_event(s, EV_REP, t);
    ev.n = s->reps_counted;
    ev.on_tempo = on_tempo;
    if (st->mode == MODE_REPS_GUIDED && s->reps_counted > g->reps) {
        /* past the figure's beats (up to a range's top): counted, but no beat to be on and no
         * points, so the combo stands and no run scores more than score_max */
        ev.on_tempo = false;
    } else if (on_tempo) {
        ty->reps_on_tempo++;
        sc->combo++;
        if (sc->combo > sc->best_combo)
            sc->best_combo = sc->combo;
        ty->points += (long)SESSION_POINTS_REP * session_multiplier(sc->combo);
    } else {
        sc->combo = 0;
        ty->points += SESSION_POINTS_OFF_TEMPO;
    }
    recount(s);
    emit(s, &ev);
    if (on_tempo && sc->combo >= 2) {
        SessionEvent c = make_event(s, EV_COMBO, t);
        c.n = sc->combo;
        emit(s, &c);
    }
    if (step_rules(st).count_cues) {
        /* self pacing: cues tied to the count, since the clock says nothing about progress */
        if (st->count_aloud)
            say_number(s, t, s->reps_counted);
        for (int i = 0; i < st->cue_count; i++) {
            const RoutineCue *c = &st->cues[i];
            if (c->once && !first_run(s))
                continue;
            if (c->anchor == CUE_EACH_REP || (c->anchor == CUE_HALF && s->reps_counted == (g->reps + 1) / 2) ||
                (c->anchor == CUE_END && s->reps_counted == g->reps))
                say(s, t, CUE_KIND_ROUTINE, c->text);
        }
    }
}

static void hold_start(Session *s, int64_t t)
{
    s->holding = true;
    s->idle_ms = 0;
    if (strcmp(s->caption, HOLD_BROKEN_TEXT) == 0)
        s->caption_until_ms = s->active_ms; /* holding again: the warning is over */
    caption_forget(s, HOLD_BROKEN_TEXT); /* ... or not shown yet: it never will be */
    SessionEvent ev = make_event(s, EV_HOLD_START, t);
    ev.n = s->seg_elapsed_ms;
    emit(s, &ev);
}

static void hold_break(Session *s, int64_t t)
{
    s->holding = false;
    s->score.hold_breaks++;
    s->score.hold_streak = 0;
    say(s, t, CUE_KIND_STANDARD, HOLD_BROKEN_TEXT);
    SessionEvent ev = make_event(s, EV_HOLD_BREAK, t);
    ev.n = s->seg_elapsed_ms;
    emit(s, &ev);
}

/* ---- entering and leaving segments ---- */

static void enter_segment(Session *s, int index, int64_t t);

static void end_work(Session *s, int64_t t, bool completed)
{
    const Segment *g = cur(s);
    const RoutineStep *st = seg_step(s, g);
    SessionScore *sc = &s->score;
    SegmentTally *ty = &s->tally[s->seg];
    SessionModeRules rules = step_rules(st);
    /* an open hold at its 3 minute limit with no press: nobody said "enough" (the person may have
     * walked away), so it is not a hold done and earns nothing; the step still ran its course */
    bool unended = st->hold_open && completed && s->seg_elapsed_ms >= g->duration_ms;
    ty->hold_unended = unended && rules.score == SCORE_HOLD;
    if (ty->hold_unended)
        recount(s);
    /* leaving a hold early on purpose (skip, back, quit, give-up) is not a hold break */
    if (rules.score == SCORE_HOLD && completed && !unended) {
        ty->hold_done = true;
        sc->hold_streak++;
        if (sc->hold_streak > sc->best_hold_streak)
            sc->best_hold_streak = sc->hold_streak;
        /* a confirmed hold counted its held time as it went; one ended by a press, until the press */
        int held = s->seg_elapsed_ms < g->duration_ms ? s->seg_elapsed_ms : g->duration_ms;
        if (!rules.clock_needs_button)
            ty->held_ms = held;
        /* points for the planned length at most: an open hold held past its typical 30 s earns
         * no more (score_max counts that) */
        int scored = held < g->planned_ms ? held : g->planned_ms;
        ty->points += (long)SESSION_POINTS_HELD_SECOND * (scored / 1000);
        recount(s);
        SessionEvent ev = make_event(s, EV_HOLD_DONE, t);
        ev.n = held;
        emit(s, &ev);
    }
    if (!completed)
        sc->combo = 0;
    SessionEvent ev = make_event(s, EV_STEP_END, t);
    ev.completed = completed;
    ev.n = s->reps_counted;
    emit(s, &ev);
    if (completed)
        sound(s, t, SOUND_CHIME);
    s->holding = false;
}

/* The first segment of step i, or the after check-in when i is past the last step. */
static int first_segment_of(const Session *s, int step)
{
    for (int i = 0; i < s->segment_count; i++)
        if (s->segments[i].step == step)
            return i;
    for (int i = 0; i < s->segment_count; i++)
        if (s->segments[i].kind == SEG_PAIN_AFTER)
            return i;
    return s->segment_count - 1;
}

/* The index of the first segment of kind k (every session has one of each check-in). */
static int segment_of_kind(const Session *s, SegmentKind k)
{
    for (int i = 0; i < s->segment_count; i++)
        if (s->segments[i].kind == k)
            return i;
    return s->segment_count - 1;
}

/* Count a step as done or skipped when leaving its last segment or jumping away from it. */
static void finish_step(Session *s, int step, bool completed)
{
    if (step < 0)
        return;
    s->step_result[step] = completed ? STEP_RESULT_DONE : STEP_RESULT_SKIPPED;
    recount(s);
}

/* A timer's get-ready ends: by the Ready press (pressed) or when its wait ran out. */
static void ready_end(Session *s, int64_t t, bool pressed)
{
    SessionEvent ev = make_event(s, EV_READY, t);
    ev.completed = pressed;
    ev.n = s->seg_elapsed_ms;
    emit(s, &ev);
}

static void leave_segment(Session *s, int64_t t, bool completed)
{
    const Segment *g = cur(s);
    if (g->kind == SEG_WORK)
        end_work(s, t, completed);
    if (g->kind == SEG_READY && completed && step_rules(seg_step(s, g)).ready_press)
        ready_end(s, t, false);
    bool last_of_step = g->step >= 0 && (s->seg + 1 >= s->segment_count || s->segments[s->seg + 1].step != g->step);
    if (completed && last_of_step && s->step_result[g->step] != STEP_RESULT_SKIPPED)
        finish_step(s, g->step, true); /* a side or set given up earlier keeps the step undone */
}

/* Every step of today done: those left out for want of a side (enter_segment) are not today's, so
 * they do not stand between the rest done and a completed workout. */
static bool session_all_done(const Session *s)
{
    int passed = 0;
    for (int i = 0; i < s->routine->step_count; i++)
        passed += s->step_result[i] == STEP_RESULT_PASSED || s->skip_today[i] == SESSION_PASS_NO_SIDE;
    return s->score.steps_done > 0 && s->score.steps_done + passed == s->routine->step_count;
}

static void session_summary(Session *s, int64_t t)
{
    recount(s);
    SessionEvent ev = make_event(s, EV_SESSION_END, t);
    ev.completed = session_all_done(s);
    emit(s, &ev);
}

static void ready_text(const RoutineStep *st, char *b, size_t size)
{
    /* the parser composed it from the step's name: "Get ready. Next: Knee rolls." */
    if (st->ready_text)
        snprintf(b, size, "%s", st->ready_text);
    else if (step_rules(st).is_move)
        snprintf(b, size, "%s%s%s", ROUTINE_READY_NEXT_PREFIX, routine_step_name(st), ROUTINE_READY_NEXT_SUFFIX);
    else
        snprintf(b, size, "%s", PH(PHRASE_GET_READY)); /* a timer: time to fetch the pack */
}

/* How long step's "Get ready. Next: ..." is said (voice_ms: its clip, or a guess while it is being
 * made); -1 for no step. */
static int ready_words_ms(const Session *s, int step)
{
    if (step < 0 || step >= s->routine->step_count)
        return -1;
    char b[SESSION_TEXT_BYTES];
    ready_text(&s->routine->steps[step], b, sizeof b);
    return voice_ms(s, b);
}

/* The start of a rest that waits with its words while the figure steps out of the hold before
 * (rest_words_at): the routine's words still on screen or still being said ("Roll up slowly, one
 * vertebra at a time.", said at end-2s) stay there, as they tell what the figure does; else unknot
 * says "Come out of the pose slowly." (a reminder: dropped when it cannot be said in time). */
static void step_out_words(Session *s, int64_t t)
{
    bool routine_on = (s->caption_routine && s->caption[0] &&
                       (s->active_ms < s->caption_min_until_ms || voice_routine_busy(s, t, SESSION_GIVE_WAY_MS))) ||
                      caption_routine_waits(s);
    if (routine_on)
        s->caption_until_ms = INT64_MAX; /* until the rest's own words replace it */
    else
        say(s, t, CUE_KIND_STANDARD, PH(PHRASE_STEP_OUT));
}

/* Say a get-ready's step's own words: how to get into position (a timer's text, the start words,
 * or the move's how-to), so the clock starts with the person in it, then, where a press is waited
 * for, "Press when you are in position.". */
static void ready_step_words(Session *s, int64_t t, const RoutineStep *st)
{
    if (st->mode == MODE_TIMER && st->text)
        say(s, t, CUE_KIND_ROUTINE, st->text);
    for (int c = 0; c < st->cue_count; c++)
        if (start_instruction(&st->cues[c]))
            say(s, t, CUE_KIND_ROUTINE, st->cues[c].text);
    if (ready_howto(st)) /* no words of the routine's own: the move's how-to, once, kept as theirs */
        say_captioned(s, t, CUE_KIND_STANDARD, VOICE_PRIORITY_ROUTINE, ready_howto(st), SESSION_CAPTION_SHOW, true);
    if (step_rules(st).ready_press) /* said, not captioned: the instruction stays, the screen shows Ready */
        say_full(s, t, CUE_KIND_STANDARD, VOICE_PRIORITY_ROUTINE, PH(PHRASE_PRESS_READY), SESSION_CAPTION_NONE);
}

static void enter_segment(Session *s, int index, int64_t t)
{
    if (index >= s->segment_count)
        index = s->segment_count - 1;
    /* a step skipped for today ("It hurts") is passed over and counts as skipped; one whose side is
     * not known (an unanswered "Which side hurts?") is left out: it does not apply today, and a
     * patient with pain in the middle who did every other step has done the workout (Camden's
     * ended "Workout ended, 4 of 5" and did not count toward the day's sessions: review 29 #6) */
    while (index < s->segment_count - 1 && s->segments[index].step >= 0 && s->skip_today[s->segments[index].step]) {
        int step = s->segments[index].step;
        s->step_result[step] = s->skip_today[step] == SESSION_PASS_NO_SIDE ? STEP_RESULT_PASSED : STEP_RESULT_SKIPPED;
        while (index < s->segment_count - 1 && s->segments[index].step == step)
            index++;
    }
    /* the work right after its get-ready or switch: that said the start instruction already */
    s->start_said = index > 0 && s->seg == index - 1 &&
                    (s->segments[index - 1].kind == SEG_READY || s->segments[index - 1].kind == SEG_SWITCH) &&
                    s->segments[index].kind == SEG_WORK;
    if (s->segments[s->seg].kind == SEG_READY) /* lengthened while it was on (session_intro_rest_ms) */
        s->segments[s->seg].duration_ms = s->segments[s->seg].planned_ms;
    s->left_seg = s->seg, s->left_ms = s->seg_elapsed_ms;
    s->seg = index;
    s->ready_words_ms = s->segments[index].kind == SEG_READY ? ready_words_ms(s, s->segments[index].step) : -1;
    recount(s);
    s->seg_elapsed_ms = 0;
    const Segment *entering = &s->segments[index];
    if (entering->step >= 0)
        s->steps_started = true;
    if (entering->step >= 0 && (index == 0 || s->segments[index - 1].step != entering->step)) {
        /* a step (re)starts: whatever an earlier run of it earned is replaced by this run */
        s->step_result[entering->step] = STEP_RESULT_NONE;
        for (int i = index; i < s->segment_count && s->segments[i].step == entering->step; i++)
            memset(&s->tally[i], 0, sizeof s->tally[i]);
        recount(s);
    } else if (entering->kind == SEG_WORK) {
        memset(&s->tally[index], 0, sizeof s->tally[index]); /* this side or set again: a re-run replaces */
        recount(s);
    }
    s->caption_until_ms = s->caption_min_until_ms;
    s->reps_counted = 0;
    s->beats_taken[0] = s->beats_taken[1] = 0;
    s->last_press_ms = -1;
    s->idle_ms = 0;
    s->holding = false;
    const Segment *g = cur(s);
    const RoutineStep *st = seg_step(s, g);
    char b[SESSION_TEXT_BYTES];
    switch (g->kind) {
    case SEG_SAFETY: {
        /* read aloud; the screen shows it whole, and the caption band shows the line being said
         * (as every cue when the voice is planned), or the first line when it is not */
        SessionCaptionHow how = s->clips ? SESSION_CAPTION_SHOW : SESSION_CAPTION_NONE;
        if (!s->clips)
            caption(s, PH(PHRASE_SAFETY_GENTLY));
        say_full(s, t, CUE_KIND_STANDARD, VOICE_PRIORITY_ROUTINE, PH(PHRASE_SAFETY_GENTLY), how);
        say_full(s, t, CUE_KIND_STANDARD, VOICE_PRIORITY_ROUTINE, PH(PHRASE_SAFETY_DOCTOR), how);
        if (s->routine->stop_if_count > 0)
            say_full(s, t, CUE_KIND_STANDARD, VOICE_PRIORITY_ROUTINE, PH(PHRASE_SAFETY_STOP_IF), how);
        for (int i = 0; i < s->routine->stop_if_count; i++)
            say_full(s, t, CUE_KIND_ROUTINE, VOICE_PRIORITY_ROUTINE, s->routine->stop_if[i], how);
        break;
    }
    case SEG_PAIN_BEFORE:
    case SEG_PAIN_AFTER:
        /* asked aloud only when someone can answer; a session that skips at once says nothing */
        if (s->checkin_wait_ms > 0)
            announce(s, t, PH(g->kind == SEG_PAIN_BEFORE ? PHRASE_ASK_PAIN_BEFORE : PHRASE_ASK_PAIN_AFTER));
        break;
    case SEG_SIDE:
        if (s->side_wait_ms > 0)
            announce(s, t, PH(PHRASE_ASK_SIDE));
        break;
    case SEG_INTRO: say(s, t, CUE_KIND_ROUTINE, s->routine->intro ? s->routine->intro : s->routine->title); break;
    case SEG_READY:
        /* longer by the rest of the way down when the intro was pressed through, while it is on (a
         * timer's wait for Ready has the time: ready_way_ms) */
        if (!step_rules(st).ready_press)
            s->segments[s->seg].duration_ms += session_intro_rest_ms(s, s->seg);
        ready_text(st, b, sizeof b);
        announce(s, t, b);
        if (ready_step_words_at(s, s->seg) == 0) /* else once the figure is there (fire_timed) */
            ready_step_words(s, t, st);
        break;
    case SEG_SWITCH:
        /* "Knees to your right.", "Other side.", "Switch sides." */
        announce_side(s, t, switch_words(st, g), side_words(st, g->side) != NULL);
        for (int c = 0; c < st->cue_count; c++) /* the other side's start, said before its clock runs */
            if (start_instruction(&st->cues[c]) && !st->cues[c].once)
                say(s, t, CUE_KIND_ROUTINE, st->cues[c].text);
        break;
    case SEG_SET_REST: announce(s, t, PH(PHRASE_REST)); break;
    case SEG_WORK: {
        SessionEvent ev = make_event(s, EV_STEP_START, t);
        ev.n = g->duration_ms;
        ev.n_run = g->run;
        emit(s, &ev);
        if (s->start_said && s->caption_waits == 0) {
            /* the instruction said in the get-ready stays on screen while the person holds it (one
             * still to be said is shown as it is, and stays so) */
            bool shown = false;
            for (int c = st->cue_count - 1; c >= 0 && !shown; c--)
                if (start_instruction(&st->cues[c]) && (first_run(s) || !st->cues[c].once)) {
                    caption(s, st->cues[c].text);
                    s->caption_routine = true;
                    shown = true;
                }
            if (!shown && ready_howto(st) && first_run(s)) { /* the how-to, said in the get-ready */
                caption(s, ready_howto(st));
                s->caption_routine = true;
            } else if (!shown && st->mode == MODE_TIMER && st->text)
                caption(s, st->text);
        }
        /* a side that has words says them as it starts ("Knees to your left."), unless its switch
         * just said them; alternating reps of another move say "Other side." (no countdown) */
        RoutineStep today = step_today(st, s->chosen_side == SIDES_BOTH); /* a one-sided step on both */
        if (side_words(st, g->side) && !step_switches_before(&today, g->run)) {
            announce_side(s, t, side_words(st, g->side), true);
        } else if (st->sides == SIDES_ALTERNATE && g->run > 0 && !step_switches_before(st, g->run))
            announce(s, t, PH(PHRASE_OTHER_SIDE)); /* alternating reps: no countdown between sides */
        switch (st->mode) {
        case MODE_REST:
            if (rest_words_at(s, s->seg) > 0) {
                step_out_words(s, t); /* "Rest." and its words when the way on begins (fire_timed) */
                break;
            }
            announce(s, t, PH(PHRASE_REST));
            if (st->text)
                say(s, t, CUE_KIND_ROUTINE, st->text);
            break;
        case MODE_TIMER:
            if (st->text && !s->start_said)
                say(s, t, CUE_KIND_ROUTINE, st->text);
            break;
        case MODE_HOLD:
        case MODE_HOLD_UNTIL_PRESS: {
            SessionEvent h = make_event(s, EV_HOLD_START, t);
            emit(s, &h);
            s->holding = true;
            break;
        }
        case MODE_HOLD_CONFIRMED:
            /* held from the user's press; a button already down (pressed during the 3-2-1 and
             * kept down) is that press */
            if (s->button_down)
                hold_start(s, t);
            break;
        case MODE_REPS_GUIDED:
        case MODE_REPS_SELF: break;
        }
        break;
    }
    case SEG_RESULTS:
        if (s->paused) {
            /* skipped to the end while paused: resumed first, so session_end stays last */
            s->paused = false;
            emit_simple(s, EV_RESUME, t);
        }
        recount(s);
        /* the words agree with the results' heading (results.c): stopped through "It hurts",
         * ended, done; a step left out for want of a side does not make a done workout "ended" */
        if (s->hurt_ended) {
            announce(s, t, PH(PHRASE_STOPPED)); /* says stop for today itself: not "your pain is up" too */
        } else if (session_says_stop(s) && session_all_done(s)) {
            /* done, but the pain is up: no "Well done." nor "press as you go" before "stop for
             * today" (the heading does not praise either) */
            announce(s, t, PH(PHRASE_SAY_STOP));
        } else {
            announce(s, t,
                     PH(!session_all_done(s)                 ? PHRASE_ENDED
                        : session_score_unpressed(&s->score) ? PHRASE_DONE_UNPRESSED
                                                             : PHRASE_COMPLETE));
            if (session_says_stop(s))
                announce(s, t, PH(PHRASE_SAY_STOP));
        }
        /* the fanfare celebrates a workout done with the pain no worse; a stop, a quit or a pain
         * rise ends on the plain chime of a step */
        sound(s, t, session_all_done(s) && !session_says_stop(s) ? SOUND_FANFARE : SOUND_CHIME);
        session_summary(s, t);
        break;
    case SEG_DONE:
        voice_drop_waiting(s, t);
        s->ended = true;
        break;
    }
}

/* ---- time inside a segment ---- */

static bool crossed(int at, int from, int to)
{
    return at > from && at <= to;
}

/* Say the breaths of a hold of `breaths` breaths that starts `at` ms into the current segment, those
 * in its window (from, to] (fire_timed; t0 the session time at from, 0 at the segment's start):
 * "Breathe in." as each breath starts, "Breathe out." where the pacer turns (breath_in_ms). Every
 * breath when one lasts at least SESSION_BREATH_WORDS_ALL_MS; a quicker breath only the first of
 * each hold (a word every 1-2 s would hurry a calm hold; the pacer shows the rest). */
static void say_hold_breaths(Session *s, int at, int breaths, int from, int to, int64_t t0)
{
    int breath = step_breath_ms(s->routine), base = from < 0 ? 0 : from;
    if (breath < SESSION_BREATH_WORDS_ALL_MS && breaths > 1)
        breaths = 1;
    for (int k = 0; k < breaths; k++) {
        int in = at + k * breath, out = in + breath_in_ms(breath);
        if (in == 0 ? from < 0 && to >= 0 : crossed(in, from, to))
            say_breath(s, t0 + (in - base), PH(PHRASE_BREATHE_IN));
        if (crossed(out, from, to))
            say_breath(s, t0 + (out - base), PH(PHRASE_BREATHE_OUT));
    }
}

/* Whether an open hold's reminder may be said at t: the voice is silent (nothing sounds or waits,
 * so it starts at once and is never said late, after the press), the routine's words ended at least
 * SESSION_GIVE_WAY_MS ago, and no routine words on screen are still to be read. */
static bool open_hold_remind_free(Session *s, int64_t t)
{
    if (voice_routine_busy(s, t, SESSION_GIVE_WAY_MS)) /* runs the queue to t */
        return false;
    if (s->clips && (voicequeue_pending(&s->voice) > 0 || voicequeue_free_at(&s->voice) > t || s->clip_waits > 0))
        return false;
    return !(s->caption_routine && s->caption[0] && active_at(s, t) < s->caption_min_until_ms) &&
           !caption_routine_waits(s);
}

/* An open hold nobody ends: "Press when you have had enough." every SESSION_OPEN_HOLD_REMIND_MS of
 * its clock in (from, to], before its limit (dur), each one left out when it would not be said into
 * silence (open_hold_remind_free). */
static void open_hold_remind(Session *s, int from, int to, int dur, int64_t t0)
{
    int base = from < 0 ? 0 : from;
    for (int at = SESSION_OPEN_HOLD_REMIND_MS; at < dur; at += SESSION_OPEN_HOLD_REMIND_MS)
        if (crossed(at, from, to) && open_hold_remind_free(s, t0 + (at - base)))
            say(s, t0 + (at - base), CUE_KIND_STANDARD, PH(PHRASE_OPEN_HOLD_REMIND));
}

/* The press that ends an open hold answers its reminder: one still sounding stops (it is never
 * waiting: open_hold_remind_free), so nothing of it is said after the press. */
static void open_hold_remind_answered(Session *s, int64_t t)
{
    if (!s->clips)
        return;
    voice_run(s, t);
    int row = voice_clip(s, PH(PHRASE_OPEN_HOLD_REMIND));
    if (row >= 0 && s->voice.playing_clip == row && voicequeue_voice_playing(&s->voice, t))
        voice_cut(s, t);
}

static void way_words_fire(Session *s, int from, int to, int64_t t0);

/* Cues and sounds planned for (from, to] of the current segment. t0 is the session time at from. */
static void fire_timed(Session *s, int from, int to, int64_t t0)
{
    const Segment *g = cur(s);
    const RoutineStep *st = seg_step(s, g);
    int dur = g->duration_ms;
    int base = from < 0 ? 0 : from;
    way_words_fire(s, from, to, t0); /* "Sit back towards your heels, ..." as each way begins */
#define AT(ms) (t0 + ((ms)-base))
    if (g->kind == SEG_READY || g->kind == SEG_SWITCH) {
        int words_at = g->kind == SEG_READY ? ready_step_words_at(s, s->seg) : 0; /* once the way is over */
        if (words_at > 0 && crossed(words_at, from, to))
            ready_step_words(s, AT(words_at), st);
        for (int k = SESSION_COUNTDOWN; k >= 1; k--)
            if (crossed(dur - k * 1000, from, to))
                say_number(s, AT(dur - k * 1000), k);
        return;
    }
    if (g->kind != SEG_WORK)
        return;
    int rest_at = rest_words_at(s, s->seg); /* a rest after a hold: its words once the way on begins */
    if (rest_at > 0 && crossed(rest_at, from, to)) {
        announce(s, AT(rest_at), PH(PHRASE_REST));
        if (st->text)
            say(s, AT(rest_at), CUE_KIND_ROUTINE, st->text);
    }
    SessionModeRules rules = step_rules(st);
    /* the routine's own cues: at the start ones fire on entering (from == -1 there) */
    bool routine_cue_near_end10 = false;
    for (int i = 0; i < st->cue_count; i++) {
        const RoutineCue *c = &st->cues[i];
        if (rules.count_cues && c->anchor != CUE_START)
            continue; /* said as the user counts (count_rep) */
        if (c->once && !first_run(s))
            continue; /* "say once": the first side of the first set only */
        if (s->start_said && start_instruction(c))
            continue; /* said in the get-ready */
        if (c->anchor == CUE_EACH_REP) {
            if (st->mode == MODE_REPS_GUIDED) /* on the figure's beat; self pacing says it per count */
                for (int r = 0; r < g->reps; r++)
                    if (crossed(rep_beat_ms(st, r), from, to))
                        say(s, AT(rep_beat_ms(st, r)), CUE_KIND_ROUTINE, c->text);
            continue;
        }
        int at = c->anchor == CUE_START ? c->offset_ms : c->anchor == CUE_END ? dur - c->offset_ms : dur / 2;
        if (c->anchor == CUE_END && c->offset_ms >= SESSION_END_WARNING_MS - SESSION_END_WARNING_NEAR_MS &&
            c->offset_ms <= SESSION_END_WARNING_MS + SESSION_END_WARNING_NEAR_MS)
            routine_cue_near_end10 = true;
        if (at == 0 ? from < 0 && to >= 0 : crossed(at, from, to))
            say(s, AT(at), CUE_KIND_ROUTINE, c->text);
    }
    if (rules.end_warnings) {
        int warn = dur - SESSION_END_WARNING_MS;
        if (dur >= SESSION_END_WARNING_MIN_MS && !routine_cue_near_end10 && crossed(warn, from, to) &&
            !voice_routine_busy(s, AT(warn), SESSION_GIVE_WAY_MS))
            say(s, AT(warn), CUE_KIND_STANDARD, PH(PHRASE_TEN_SECONDS));
        for (int k = SESSION_TICKS; k >= 1; k--)
            if (dur >= SESSION_TICKS_MIN_MS && crossed(dur - k * 1000, from, to) &&
                !voice_routine_busy(s, AT(dur - k * 1000), 0))
                sound(s, AT(dur - k * 1000), SOUND_TICK);
    }
    switch (st->mode) {
    case MODE_HOLD:
    case MODE_HOLD_CONFIRMED:
    case MODE_HOLD_UNTIL_PRESS:
        /* a hold in breaths: when to breathe in and out (a confirmed hold's from the press on) */
        if (step_hold_breaths(st) && (s->holding || from >= 0))
            say_hold_breaths(s, 0, dur / step_breath_ms(s->routine), from, to, t0);
        if (!st->count_aloud)
            break;
        if (st->hold_breaths > 0) { /* a hold in breaths is counted in breaths, each as it ends */
            int breath = step_breath_ms(s->routine);
            for (int k = 1; k * breath <= dur && k <= VOICEKEY_COUNT_MAX; k++)
                if (crossed(k * breath, from, to))
                    say_number(s, AT(k * breath), k);
        } else { /* every second, the last one too: a 5 s hold is counted to 5 */
            for (int sec = 1000; sec <= dur && sec <= VOICEKEY_COUNT_MAX * 1000; sec += 1000)
                if (crossed(sec, from, to))
                    say_number(s, AT(sec), sec / 1000);
        }
        break;
    case MODE_REPS_GUIDED:
        /* a rep of phases: each is said (and captioned) as it starts, every rep */
        for (int r = 0; r < g->reps && st->phase_count > 0; r++) {
            int at = r * rep_ms(st);
            for (int k = 0; k < st->phase_count; at += st->phases[k].ms, k++) {
                if (at == 0 ? !(from < 0 && to >= 0) : !crossed(at, from, to))
                    continue;
                SessionEvent ev = make_event(s, EV_PHASE, AT(at));
                ev.n = k + 1;
                ev.n_run = r;
                snprintf(ev.text, sizeof ev.text, "%s", st->phases[k].text);
                emit(s, &ev);
                say(s, AT(at), CUE_KIND_ROUTINE, st->phases[k].text);
            }
        }
        /* a rep that is one breath (draw_in): when to breathe in and when out, every rep */
        const MovesBreath *breath = step_breath(st);
        for (int r = 0; r < g->reps && breath; r++) {
            int at = r * rep_ms(st), out = at + breath_out_ms(st, breath);
            if (at == 0 ? from < 0 && to >= 0 : crossed(at, from, to))
                say_breath(s, AT(at), breath->in_text);
            if (crossed(out, from, to))
                say_breath(s, AT(out), breath->out_text);
        }
        /* reps held at the top for a number of breaths: when to breathe, in each rep's hold */
        for (int r = 0; r < g->reps && step_hold_breaths(st); r++)
            say_hold_breaths(s, rep_beat_ms(st, r), st->hold_breaths, from, to, t0);
        for (int r = 0; r < g->reps; r++) {
            int b = rep_beat_ms(st, r);
            if (crossed(b, from, to)) {
                sound(s, AT(b), SOUND_BEAT);
                if (st->count_aloud)
                    say_number(s, AT(b), r + 1);
            }
        }
        break;
    case MODE_REPS_SELF: /* counted aloud as the user counts (count_rep) */
    case MODE_REST:
    case MODE_TIMER: break;
    }
    if (st->hold_open) /* after its counts: a count said now comes first, and the reminder gives way */
        open_hold_remind(s, from, to, dur, t0);
#undef AT
}

/* Whether the current segment's clock runs now. */
static bool segment_clock_runs(const Session *s)
{
    return !cur_rules(s).clock_needs_button || s->holding;
}

/* Whether the segment ends by its clock (self-paced reps end by the count instead). */
static bool segment_ends_by_time(const Session *s)
{
    return cur_rules(s).ends_by_time;
}

static bool awaiting_press(const Session *s)
{
    SessionModeRules rules = cur_rules(s);
    return rules.awaits_press && !(rules.clock_needs_button && s->holding);
}

static void next_segment(Session *s, int64_t t)
{
    leave_segment(s, t, true);
    enter_segment(s, s->seg + 1, t);
    fire_timed(s, -1, 0, t);
}

/* On to the next segment with this one not done (given up). */
static void next_segment_undone(Session *s, int64_t t)
{
    const Segment *g = cur(s);
    if (g->kind == SEG_WORK)
        end_work(s, t, false);
    bool last_of_step = s->seg + 1 >= s->segment_count || s->segments[s->seg + 1].step != g->step;
    if (last_of_step)
        finish_step(s, g->step, false);
    enter_segment(s, s->seg + 1, t);
    fire_timed(s, -1, 0, t);
}

static bool in_checkin(const Session *s)
{
    SegmentKind k = cur(s)->kind;
    return k == SEG_PAIN_BEFORE || k == SEG_PAIN_AFTER;
}

static Sides other_side(Sides side)
{
    return side == SIDES_LEFT ? SIDES_RIGHT : SIDES_LEFT;
}

/* The segments after the current one (the question) built again, with the one-sided steps on both
 * sides or on one (build_segments); the list has room for the longer (session_init). Nothing after
 * the question has been entered yet, so nothing there is lost. */
static void session_side_rebuild(Session *s, bool both)
{
    int from = s->seg + 1;
    s->segment_count = build_segments(s->routine, s->segments, both, from);
    memset(&s->tally[from], 0, sizeof *s->tally * (size_t)(s->segment_count - from));
    if (s->clips)
        voice_plan_lengths(s, from); /* plans the times too */
    else
        plan_times(s);
}

/* "Which side hurts?" answered (SIDES_LEFT / SIDES_RIGHT, or SIDES_BOTH for "Both / the middle") or
 * skipped (SIDES_NONE): the steps that say "side toward" or "side away" take their side from it, or
 * run on both sides in the order "sides both" has (pain in the middle, or on both sides, has no side
 * to keep away from); unanswered, they are left out, since a side that is guessed may be the one to
 * keep away from. */
static void side_answer(Session *s, int64_t t, Sides side)
{
    bool both = side == SIDES_BOTH;
    bool rebuild = both != (s->chosen_side == SIDES_BOTH);
    s->chosen_side = side; /* first: the rebuild plans the get-readies from the side it names */
    if (rebuild)
        session_side_rebuild(s, both);
    for (int i = 0; i < s->routine->step_count; i++)
        if (s->routine->steps[i].side_rel != SIDE_REL_NONE && s->skip_today[i] == SESSION_PASS_NO_SIDE)
            s->skip_today[i] = 0; /* asked again (back), and answered this time */
    for (int i = 0; i < s->segment_count; i++) {
        Segment *g = &s->segments[i];
        const RoutineStep *st = g->step >= 0 ? &s->routine->steps[g->step] : NULL;
        if (!st || st->side_rel == SIDE_REL_NONE)
            continue;
        if (side == SIDES_NONE) {
            if (!s->skip_today[g->step]) /* one skipped through "It hurts" stays skipped */
                s->skip_today[g->step] = SESSION_PASS_NO_SIDE;
        } else if (!both && g->side != SIDES_NONE) {
            g->side = st->side_rel == SIDE_REL_TOWARD ? side : other_side(side);
        }
    }
    score_possible(s); /* a step left out is not asked for; one on both sides asks for both */
    SessionEvent ev = make_event(s, EV_SIDE_CHOSEN, t);
    ev.side = side;
    emit(s, &ev);
    s->caption_until_ms = s->active_ms;
    s->caption_min_until_ms = s->active_ms;
    voice_cut(s, t); /* the question is answered: stop asking it, so the workout's cues run on time */
    next_segment(s, t);
}

/* Close the open check-in with pain 0..SESSION_PAIN_MAX, or -1 when skipped, and go on. */
static void checkin_answer(Session *s, int64_t t, int pain)
{
    bool before = cur(s)->kind == SEG_PAIN_BEFORE;
    if (before)
        s->pain_before = pain;
    else
        s->pain_after = pain;
    SessionEvent ev = make_event(s, EV_PAIN, t);
    ev.n = pain;
    ev.set = before ? 0 : 1;
    emit(s, &ev);
    s->caption_until_ms = s->active_ms; /* the question is answered: its caption goes */
    s->caption_min_until_ms = s->active_ms;
    voice_cut(s, t); /* as for "Which side hurts?": the answer ends the question's clip */
    next_segment(s, t);
}

/* Advance the current segment by dt of running time, crossing into following segments. */
static void advance(Session *s, int dt, int64_t t)
{
    int guard = 0;
    while (!s->ended && guard++ < 1000) {
        const Segment *g = cur(s);
        if (in_checkin(s) || g->kind == SEG_SIDE) {
            /* unanswered: skipped once the wait is over (at once when the wait is 0, even at the
             * very end of a tick, so no frame shows a check-in nobody is asked) */
            int wait = g->kind == SEG_SIDE ? s->side_wait_ms : s->checkin_wait_ms;
            int left = wait - s->idle_ms;
            if (left <= 0) {
                if (g->kind == SEG_SIDE)
                    side_answer(s, t, SIDES_NONE);
                else
                    checkin_answer(s, t, -1);
                continue;
            }
            if (dt <= 0)
                break;
            int step = left < dt ? left : dt;
            s->idle_ms += step;
            t += step;
            dt -= step;
            if (s->idle_ms >= wait) {
                if (g->kind == SEG_SIDE)
                    side_answer(s, t, SIDES_NONE);
                else
                    checkin_answer(s, t, -1);
            }
            continue;
        }
        if (dt <= 0)
            break;
        if (awaiting_press(s)) {
            int before = s->idle_ms;
            s->idle_ms += dt;
            const char *prompt = cur_rules(s).prompt;
            for (int p = SESSION_PROMPT_MS; p < SESSION_GIVE_UP_MS; p += SESSION_PROMPT_MS)
                if (prompt && crossed(p, before, s->idle_ms))
                    say(s, t + (p - before), CUE_KIND_STANDARD, prompt);
            if (s->idle_ms >= SESSION_GIVE_UP_MS) {
                /* give up this side or set only: the step counts as not done, the rest goes on */
                int64_t at = t + (SESSION_GIVE_UP_MS - before);
                s->step_result[g->step] = STEP_RESULT_SKIPPED;
                say(s, at, CUE_KIND_STANDARD, PH(PHRASE_MOVING_ON));
                next_segment_undone(s, at);
                return;
            }
        }
        if (!segment_clock_runs(s))
            return;
        int left = g->duration_ms - s->seg_elapsed_ms;
        int step = segment_ends_by_time(s) && left < dt ? left : dt;
        if (step < 0)
            step = 0;
        int from = s->seg_elapsed_ms;
        s->seg_elapsed_ms += step;
        if (cur_rules(s).clock_needs_button) { /* the clock ran only because the pose was held */
            s->tally[s->seg].held_ms += step;
            s->score.held_ms += step;
        }
        fire_timed(s, from, s->seg_elapsed_ms, t);
        t += step;
        dt -= step;
        if (segment_ends_by_time(s) && s->seg_elapsed_ms >= g->duration_ms)
            next_segment(s, t);
        else if (step == 0)
            break;
    }
}

/* ---- input ---- */

static void jump_to(Session *s, int index, int64_t t, bool count_skip)
{
    const Segment *g = cur(s);
    if (g->kind == SEG_WORK)
        leave_segment(s, t, false);
    if (count_skip && g->step >= 0)
        finish_step(s, g->step, false);
    voice_cut(s, t);
    enter_segment(s, index, t);
    fire_timed(s, -1, 0, t);
}

/* The main button went down during a work segment. */
static void press_in_work(Session *s, int64_t t)
{
    const RoutineStep *st = seg_step(s, cur(s));
    switch (st->mode) {
    case MODE_REPS_GUIDED: count_rep(s, t); break;
    case MODE_REPS_SELF:
        count_rep(s, t);
        /* the run is done when the user has counted its target: the step's reps, or this run's
         * share of them (one rep per run of alternating sides; half of "reps 10 in all") */
        if (s->reps_counted >= cur(s)->reps)
            next_segment(s, t);
        break;
    case MODE_HOLD_CONFIRMED:
        if (!s->holding)
            hold_start(s, t);
        break;
    case MODE_HOLD_UNTIL_PRESS: /* enough: done, whenever it is */
        if (st->hold_open)
            open_hold_remind_answered(s, t);
        next_segment(s, t);
        break;
    case MODE_HOLD:
    case MODE_REST:
    case MODE_TIMER: break; /* nothing to count: the clock leads */
    }
}

static bool in_pain_range(int pain)
{
    return in_pain_range_value(pain);
}

/* ---- "It hurts" ---- */

/* Where "It hurts" may be pressed: from the safety notice to the last step, not at a check-in
 * (which is asking about pain already), the side question or the results. */
bool session_hurt_allowed_in(SegmentKind kind)
{
    switch (kind) {
    case SEG_SAFETY:
    case SEG_INTRO:
    case SEG_READY:
    case SEG_WORK:
    case SEG_SWITCH:
    case SEG_SET_REST: return true;
    case SEG_PAIN_BEFORE:
    case SEG_SIDE:
    case SEG_PAIN_AFTER:
    case SEG_RESULTS:
    case SEG_DONE: return false;
    }
    return false;
}

static void hurt_open(Session *s, int64_t t)
{
    const Segment *g = cur(s);
    s->hurt = HURT_PAIN;
    s->hurt_pain = -1;
    s->hurt_rule = 0;
    s->hurt_step = g->step;
    s->hurt_used = true;
    s->paused = false; /* "It hurts" takes over from a pause */
    s->holding = false; /* the step stops: a confirmed hold is not a break when it hurts */
    SessionEvent ev = make_event(s, EV_HURT, t);
    snprintf(ev.text, sizeof ev.text, "%s", g->step >= 0 ? routine_step_name(seg_step(s, g)) : "");
    emit(s, &ev);
    voice_stop(s, t); /* the sentence stops and nothing waiting is said later, as for a pause */
    s->caption[0] = 0; /* the question screen has the words; the step's caption is over */
    s->caption_until_ms = s->caption_min_until_ms = s->active_ms;
}

/* The stop-rule question comes only when the routine has stop rules. */
static void hurt_after_pain(Session *s)
{
    s->hurt = s->routine->stop_if_count > 0 ? HURT_RULE : HURT_CHOICE;
}

/* Leave "It hurts": end the workout (straight to the results, with its pain as the pain after),
 * or skip the move (every step of it, for the rest of this workout) and go on. */
static void hurt_close(Session *s, int64_t t, bool end)
{
    s->hurt = HURT_NONE;
    SessionEvent ev = make_event(s, EV_HURT_END, t);
    ev.completed = end;
    ev.n = s->hurt_step;
    emit(s, &ev);
    const Segment *g = cur(s);
    if (end) {
        s->hurt_ended = true;
        s->ended_early = true;
        if (s->hurt_pain >= 0)
            s->pain_after = s->hurt_pain; /* just asked: not asked again */
        jump_to(s, segment_of_kind(s, SEG_RESULTS), t, g->step >= 0);
        return;
    }
    if (s->hurt_step < 0)
        return; /* pressed before any step: nothing to skip, the workout goes on */
    const RoutineStep *st = &s->routine->steps[s->hurt_step];
    if (st->kind == STEP_MOVE)
        for (int i = 0; i < s->routine->step_count; i++)
            if (s->routine->steps[i].kind == STEP_MOVE && s->routine->steps[i].move == st->move &&
                s->step_result[i] == STEP_RESULT_NONE)
                s->skip_today[i] = 1;
    jump_to(s, first_segment_of(s, s->hurt_step + 1), t, true);
}

/* The answers "It hurts" takes, in the order it asks; one tick may carry several. */
static void hurt_input(Session *s, unsigned a, int pain, int rule, int64_t t)
{
    if (a & INPUT_RELEASE)
        s->button_down = false;
    if (a & INPUT_QUIT) {
        hurt_close(s, t, true);
        return;
    }
    unsigned used = 0;
    if (s->hurt == HURT_PAIN && (a & (INPUT_PAIN | INPUT_SKIP | INPUT_BACK))) {
        bool answered = (a & INPUT_PAIN) && in_pain_range_value(pain);
        bool left_out = (a & INPUT_PAIN) && pain == -1; /* "pain skip" */
        if (!answered && !left_out && !(a & (INPUT_SKIP | INPUT_BACK)))
            return; /* a value out of range answers nothing */
        used = answered || left_out ? INPUT_PAIN : (a & INPUT_SKIP) ? INPUT_SKIP : INPUT_BACK;
        s->hurt_pain = answered ? pain : -1;
        SessionEvent ev = make_event(s, EV_PAIN, t);
        ev.n = s->hurt_pain;
        ev.set = 2;
        emit(s, &ev);
        hurt_after_pain(s);
    }
    a &= ~used;
    if (s->hurt == HURT_RULE && (a & (INPUT_RULE | INPUT_SKIP))) {
        bool answered = (a & INPUT_RULE) && rule >= 0 && rule <= s->routine->stop_if_count;
        if (!answered && !(a & INPUT_SKIP))
            return;
        used = answered ? INPUT_RULE : INPUT_SKIP;
        s->hurt_rule = answered ? rule : 0;
        SessionEvent ev = make_event(s, EV_STOP_RULE, t);
        ev.n = s->hurt_rule;
        snprintf(ev.text, sizeof ev.text, "%s", s->hurt_rule > 0 ? s->routine->stop_if[s->hurt_rule - 1] : "");
        emit(s, &ev);
        s->hurt = HURT_CHOICE;
        a &= ~used;
    }
    /* a stop rule that applies means stop: skipping the move is not offered then */
    if (s->hurt == HURT_CHOICE && (a & INPUT_SKIP) && s->hurt_rule == 0)
        hurt_close(s, t, false);
}

static void apply_input(Session *s, unsigned a, int pain, int rule, Sides side, int64_t t)
{
    const Segment *g = cur(s);
    if (s->hurt != HURT_NONE) {
        hurt_input(s, a, pain, rule, t);
        return;
    }
    if ((a & INPUT_HURT) && session_hurt_allowed_in(cur(s)->kind)) {
        hurt_open(s, t);
        return;
    }
    if (a & INPUT_QUIT) {
        if (g->kind == SEG_RESULTS || g->kind == SEG_DONE) {
            enter_segment(s, s->segment_count - 1, t);
        } else if (g->kind == SEG_PAIN_AFTER) {
            s->paused = false;
            checkin_answer(s, t, -1); /* a second quit: straight to the results */
        } else {
            s->ended_early = true;
            s->paused = false;
            /* after any step has begun, ask how the back is now; before that, nothing to compare */
            if (g->kind == SEG_PAIN_BEFORE)
                s->pain_before = -1;
            int to = s->steps_started ? segment_of_kind(s, SEG_PAIN_AFTER) : segment_of_kind(s, SEG_RESULTS);
            jump_to(s, to, t, g->step >= 0);
        }
        return;
    }
    bool want_pause = (a & INPUT_PAUSE) || ((a & INPUT_TOGGLE_PAUSE) && !s->paused);
    bool want_resume = (a & INPUT_RESUME) || ((a & INPUT_TOGGLE_PAUSE) && s->paused);
    /* the results screen follows session_end, the last event: the workout is over, there is
     * nothing to pause (a press or quit still closes it) */
    if (want_pause && !s->paused && g->kind != SEG_DONE && g->kind != SEG_RESULTS) {
        s->paused = true;
        if (s->holding && cur_rules(s).clock_needs_button)
            hold_break(s, t);
        emit_simple(s, EV_PAUSE, t);
        voice_stop(s, t); /* the sentence stops and nothing waiting is said later (as live: audio.c) */
        return;
    }
    if (want_resume && s->paused) {
        s->paused = false;
        emit_simple(s, EV_RESUME, t);
        return;
    }
    if (s->paused) {
        /* while paused a press resumes; skip and back move and stay paused; nothing else acts */
        if (a & INPUT_RELEASE)
            s->button_down = false;
        if (a & INPUT_PRESS) {
            s->button_down = true;
            s->paused = false;
            emit_simple(s, EV_RESUME, t);
            return;
        }
        if ((a & INPUT_PAIN) && in_checkin(s) && in_pain_range(pain)) {
            s->paused = false; /* answering is being back: resume, and take the answer */
            emit_simple(s, EV_RESUME, t);
        } else if (!(a & (INPUT_SKIP | INPUT_BACK))) {
            return;
        }
    }
    if (g->kind == SEG_SIDE && ((a & INPUT_SIDE) || (a & INPUT_SKIP))) {
        bool answered = (a & INPUT_SIDE) && (side == SIDES_LEFT || side == SIDES_RIGHT || side == SIDES_BOTH);
        if (answered || (a & INPUT_SKIP)) {
            s->paused = false;
            side_answer(s, t, answered ? side : SIDES_NONE);
        }
        return;
    }
    if (in_checkin(s) && (a & (INPUT_PAIN | INPUT_SKIP))) {
        /* an answer, or skipped with one press; a value out of range answers nothing */
        if (a & INPUT_PAIN) {
            if (in_pain_range(pain))
                checkin_answer(s, t, pain);
        } else {
            checkin_answer(s, t, -1);
        }
        return;
    }
    if (a & INPUT_SKIP) {
        if (g->step >= 0)
            jump_to(s, first_segment_of(s, g->step + 1), t, true);
        else if (g->kind != SEG_DONE)
            next_segment(s, t);
        return;
    }
    if (a & INPUT_BACK) {
        int target;
        if (g->kind == SEG_RESULTS || g->kind == SEG_DONE || g->kind == SEG_PAIN_AFTER)
            return; /* the workout is over: the check-in and summary are for what was done */
        if (g->step < 0) {
            target = s->seg > 0 ? s->seg - 1 : 0;
        } else if (s->seg_elapsed_ms >= SESSION_BACK_RESTART_MS) {
            target = s->seg; /* well into this part (a side, a set, the countdown): do it again */
        } else {
            /* just started: back to the step's start, and from there to the previous step */
            int first = first_segment_of(s, g->step);
            target = s->seg != first ? first : g->step > 0 ? first_segment_of(s, g->step - 1) : first - 1;
        }
        if (g->kind == SEG_WORK)
            leave_segment(s, t, false);
        voice_cut(s, t);
        enter_segment(s, target, t);
        fire_timed(s, -1, 0, t);
        return;
    }
    if (a & INPUT_RELEASE) {
        s->button_down = false;
        if (s->holding && cur_rules(s).clock_needs_button)
            hold_break(s, t);
    }
    if (a & INPUT_PRESS) {
        s->button_down = true;
        if (g->step >= 0)
            s->score.presses++; /* someone is there (the walk-away rule) */
        if (g->kind == SEG_SAFETY || g->kind == SEG_INTRO || g->kind == SEG_RESULTS) {
            voice_cut(s, t); /* read, or heard enough: on at once */
            next_segment(s, t);
        } else if (g->kind == SEG_READY && step_rules(seg_step(s, g)).ready_press) {
            /* Ready: in position with the pack, the timer starts now */
            voice_cut(s, t);
            ready_end(s, t, true);
            enter_segment(s, s->seg + 1, t);
            fire_timed(s, -1, 0, t);
        } else if (g->kind == SEG_WORK)
            press_in_work(s, t);
    }
}

void session_step(Session *s, const SessionInput *in, int dt_ms)
{
    if (s->ended)
        return;
    if (!s->started) {
        s->started = true;
        SessionEvent ev = make_event(s, EV_SESSION_START, s->t_ms);
        emit(s, &ev);
        enter_segment(s, 0, s->t_ms);
    }
    if (in && in->actions)
        apply_input(s, in->actions, in->pain, in->rule, in->side, s->t_ms);
    if (!s->paused && s->hurt == HURT_NONE && dt_ms > 0 && !s->ended) {
        advance(s, dt_ms, s->t_ms);
        s->active_ms += dt_ms;
    }
    s->t_ms += dt_ms > 0 ? dt_ms : 0;
    voice_run(s, s->t_ms);
}

bool session_checkin_open(const Session *s)
{
    return s->segments && !s->ended && s->hurt == HURT_NONE && in_checkin(s);
}

bool session_side_open(const Session *s)
{
    return s->segments && !s->ended && s->hurt == HURT_NONE && cur(s)->kind == SEG_SIDE;
}

bool session_hurt_open(const Session *s)
{
    return s->segments && !s->ended && s->hurt != HURT_NONE;
}

bool session_hurt_asks_pain(const Session *s)
{
    return s->segments && !s->ended && s->hurt == HURT_PAIN;
}

void session_skip_move(Session *s, MoveId m)
{
    for (int i = 0; i < s->routine->step_count; i++)
        if (s->routine->steps[i].kind == STEP_MOVE && s->routine->steps[i].move == m &&
            s->step_result[i] == STEP_RESULT_NONE)
            s->skip_today[i] = 1;
}

bool session_says_stop(const Session *s)
{
    return s->hurt_ended || session_pain_says_stop(s->pain_before, s->pain_after);
}

/* ---- the view ---- */

/* The position a rest or timer step shows: the position it names, else the one the next move
 * starts in (so the person sees where to go before the get-ready), else the one the last move
 * ended in; lying on the back when the routine has no moves around it. */
static Position session_rest_position(const Routine *r, int step)
{
    const RoutineStep *st = &r->steps[step];
    if (st->kind != STEP_MOVE && st->position != POSITION_NONE)
        return st->position;
    for (int i = step + 1; i < r->step_count; i++)
        if (r->steps[i].kind == STEP_MOVE)
            return routine_move_info(r, r->steps[i].move)->position;
    for (int i = step - 1; i >= 0; i--)
        if (r->steps[i].kind == STEP_MOVE)
            return routine_move_info(r, r->steps[i].move)->position;
    return POSITION_ON_BACK;
}

static bool session_rest_in_place(const Routine *r, int step);

/* Where the person is when step `step` starts: where the step before left them (a rest in place,
 * in the next move's position: session_rest_in_place); standing before the first step (the menu
 * and the intro show the figure standing). */
static Position session_position_before(const Routine *r, int step)
{
    if (step <= 0)
        return POSITION_STANDING;
    const RoutineStep *prev = &r->steps[step - 1];
    if (prev->kind == STEP_MOVE)
        return routine_move_info(r, prev->move)->position;
    return session_rest_in_place(r, step - 1) ? routine_move_info(r, r->steps[step].move)->position
                                              : session_rest_position(r, step - 1);
}

/* Whether rest step `step` is spent where the person already is, as the position it names says
 * (levels/04: "rest 30s on-back" to let the skin warm up after the cold pack), and the move right
 * after it starts elsewhere: the rest then shows the way there in its last part, ending just
 * before the move's get-ready (session_rest_chain), and its own words, said at its start, tell
 * the rest, not the way (physio review 31 #1: the figure got up onto all fours at once and waited
 * there under "Let your skin warm up."). */
static bool session_rest_in_place(const Routine *r, int step)
{
    const RoutineStep *st = &r->steps[step];
    if (st->kind != STEP_REST || st->position == POSITION_NONE || step + 1 >= r->step_count ||
        r->steps[step + 1].kind != STEP_MOVE)
        return false;
    Position to = routine_move_info(r, r->steps[step + 1].move)->position;
    return st->position == session_position_before(r, step) && to != POSITION_NONE && to != st->position;
}

/* The chain of ways a rest step shows over its time (moves_path): from where the person is to
 * the position it shows, played from its start, the last way breathing in the end position to the
 * rest's end; a rest in place's (session_rest_in_place), from its position to the next move's, in
 * its last part (session_chain_wait_ms). A timer's time starts with the person in place: its
 * get-ready shows the chain (session_ready_chain), its time the position. Returns how many ways; 0 for a timer, a move,
 * a rest in the position the person is in, and a rest no chain reaches (the figure cuts). */
static int session_rest_chain(const Routine *r, int step, MovesPath *out)
{
    const RoutineStep *st = &r->steps[step];
    out->count = 0;
    if (st->kind != STEP_REST)
        return 0;
    Position from = session_position_before(r, step), to = session_rest_position(r, step);
    if (session_rest_in_place(r, step)) /* the way on to the next move, in its last part */
        from = st->position, to = routine_move_info(r, r->steps[step + 1].move)->position;
    int n = moves_path(from, to, out);
    return n > 0 ? n : 0;
}

/* The chain a step's get-ready shows before its 3-2-1: the step is a move that follows one leaving
 * the person in another position with no rest between (a rest shows the chain itself; the first
 * move's is shown over the intro, session_first_chain), or a timer, the first one too, so that
 * the person is in its position when they press Ready. Returns how many ways; 0 when the positions
 * are the same or no chain reaches (the figure cuts). */
static int session_ready_chain(const Routine *r, int step, MovesPath *out)
{
    const RoutineStep *st = &r->steps[step];
    out->count = 0;
    Position from = session_position_before(r, step), to;
    if (st->kind == STEP_TIMER)
        to = session_rest_position(r, step);
    else if (step > 0 && st->kind == STEP_MOVE && !step_rules(st).ready_press && step_rules(st).get_ready)
        to = routine_move_info(r, st->move)->position;
    else
        return 0;
    int n = moves_path(from, to, out);
    return n > 0 ? n : 0;
}

/* The chain down to the first step (the menu shows the figure standing): from standing to the
 * position of the first move, played whole over the intro, which lasts as long as the chain at
 * its pace (session_intro_ms), so the figure is in the step's position as its get-ready begins and
 * says where to be (physio review s29: "Lie on your back" was said while the figure was still
 * kneeling on its way down). Returns how many ways; 0 when the first step has no get-ready (a rest
 * shows its chain itself), starts standing or no chain reaches its position, and for a timer: its
 * get-ready waits for Ready and shows the way down itself (session_ready_chain), so the intro's
 * figure stands while its words ask for what is done first (physio review s30: 04's "Wrap the cold
 * pack in a thin towel" came with the figure lying down on the mat). */
static int session_first_chain(const Routine *r, MovesPath *out)
{
    out->count = 0;
    if (r->step_count == 0)
        return 0;
    const RoutineStep *st = &r->steps[0];
    if (st->kind != STEP_MOVE || !step_rules(st).get_ready)
        return 0;
    Position to = routine_move_info(r, st->move)->position;
    int n = moves_path(POSITION_STANDING, to, out);
    return n > 0 ? n : 0;
}

/* The time way w is given when another way follows it: its own time as the way in of a hold that
 * moves for SESSION_HOLD_MOVES_PERCENT of it, so it plays at its own pace, then a breath in the
 * position it ends in (whole tenths of a second). */
static int session_way_slot_ms(const Routine *r, MoveId w)
{
    int ms = (moves_way_ms(r->way_ms, w) * 100 + SESSION_HOLD_MOVES_PERCENT - 1) / SESSION_HOLD_MOVES_PERCENT;
    return (ms + 99) / 100 * 100;
}

/* The time the ways of chain p before its last are given (0 for one way or none). */
static int session_chain_lead_in_ms(const Routine *r, const MovesPath *p)
{
    int ms = 0;
    for (int i = 0; i + 1 < p->count; i++)
        ms += session_way_slot_ms(r, p->way[i]);
    return ms;
}

/* The least time chain p takes with no way played faster than keyed (s26 review: sitting -> on
 * back, 11.75 s, was squeezed into a 10 s rest): the ways before the last given their time
 * (session_way_slot_ms), the last its own time (moves_way_ms: it is drawn as the way in of a hold
 * long enough to play it at its pace, session_figure_shown, and what follows eases in from where
 * it ends). 0 for none. */
static int session_chain_need_ms(const Routine *r, const MovesPath *p)
{
    if (p->count < 1)
        return 0;
    return session_chain_lead_in_ms(r, p) + moves_way_ms(r->way_ms, p->way[p->count - 1]);
}

/* The least time a rest showing chain p lasts, in whole seconds: a single way its own time
 * (session_chain_need_ms); a longer chain the ways before the last at their pace, the last given
 * at least SESSION_READY_WAY_MS. 0 for none. */
static int session_chain_rest_ms(const Routine *r, const MovesPath *p)
{
    if (p->count < 1)
        return 0;
    int ms = session_chain_need_ms(r, p);
    if (p->count > 1) {
        int last = session_way_slot_ms(r, p->way[p->count - 1]);
        ms = session_chain_lead_in_ms(r, p) + (last > SESSION_READY_WAY_MS ? last : SESSION_READY_WAY_MS);
    }
    return (ms + 999) / 1000 * 1000;
}

/* The time a rest step lasts: as the routine says, or longer, to show its chain of ways (after the
 * way out of a hold before it, SESSION_STEP_OUT_MS). */
static int session_rest_run_ms(const Routine *r, int step, int run)
{
    MovesPath p;
    int ms = routine_run_ms(&r->steps[step], run);
    int least = session_rest_chain(r, step, &p) > 0 ? session_chain_rest_ms(r, &p) : 0;
    if (least > 0 && step > 0 && step_holds(&r->steps[step - 1]))
        least += (hold_step_out_ms(r, r->steps[step - 1].move) + 999) / 1000 * 1000; /* whole seconds */
    return ms > least ? ms : least;
}

/* The time a move's get-ready adds to show the chain to its start: SESSION_READY_WAY_MS for the
 * last way and each way before it at its pace (session_way_slot_ms), in whole seconds, as the
 * countdown shows them. None for the first step's (the intro shows its chain) nor a timer's (its
 * long wait for Ready has time for its chain). */
static int ready_way_ms(const Routine *r, int step)
{
    MovesPath p;
    if (step_rules(&r->steps[step]).ready_press || session_ready_chain(r, step, &p) == 0)
        return 0;
    /* what the chain takes at its pace, and the time the get-ready has for it anyway */
    int ms = SESSION_READY_WAY_MS + (session_chain_lead_in_ms(r, &p) + 999) / 1000 * 1000;
    int room = SESSION_READY_MS - SESSION_COUNTDOWN * 1000;
    /* longer when a long way needs it: no way plays faster than keyed (session_chain_need_ms) */
    int need = (session_chain_need_ms(r, &p) - room + 999) / 1000 * 1000;
    return ms > need ? ms : need;
}

/* The time a move's get-ready keeps between the end of the ways it shows and its 3-2-1, so a held
 * move steps into its pose (SESSION_STEP_IN_MS, after its easing or turn in) before its count
 * starts rather than over its first counted seconds (issue 12): in whole seconds, 0 when the
 * get-ready shows no way or the move is not held. */
static int ready_step_in_ms(const Routine *r, int step)
{
    const RoutineStep *st = &r->steps[step];
    MovesPath p;
    if (!step_holds(st) || st->phase_count > 0 || step_rules(st).ready_press)
        return 0;
    if (session_ready_chain(r, step, &p) == 0)
        return 0;
    int ease = SESSION_BLEND_MS > SESSION_TURN_MS ? SESSION_BLEND_MS : SESSION_TURN_MS;
    int ms = hold_step_in_ms(r, st->move) + ease - SESSION_COUNTDOWN * 1000;
    return ms > 0 ? (ms + 999) / 1000 * 1000 : 0;
}

/* The least time the intro lasts: SESSION_INTRO_MS, or the chain down to the first step
 * (session_first_chain) at its pace, each way before the last given its time
 * (session_way_slot_ms), the last its own (moves_way_ms), in whole seconds, so the figure has
 * arrived when the get-ready begins. */
static int session_intro_ms(const Routine *r)
{
    MovesPath p;
    int ms = session_first_chain(r, &p) > 0 ? (session_chain_need_ms(r, &p) + 999) / 1000 * 1000 : 0;
    return ms > SESSION_INTRO_MS ? ms : SESSION_INTRO_MS;
}

/* A chain of ways as a segment shows it: way i from start_ms[i] to start_ms[i + 1] of the chain's
 * time, start_ms[count] its whole span (to the 3-2-1, the rest's end or the intro's end); lead_ms
 * 0, or, negative, the chain starts that long into the segment (after the way out of a hold,
 * session_way_out_ms), or, positive, that much of it was shown before the segment began (the
 * intro's, left early for the first get-ready: session_intro_left_ms). end_ms: where its showing
 * ends in the chain's time: start_ms[count]; the intro's left early, where it was left; the rest of
 * it in the get-ready, once its last way is over (session_intro_rest_ms). */
typedef struct {
    MovesPath path;
    int start_ms[MOVES_PATH_MAX + 1];
    int lead_ms, end_ms;
} SessionChain;

/* The time from the start of way w of a chain to the start of the way after it: its motion (the
 * first SESSION_HOLD_MOVES_PERCENT of its slot, session_way_slot_ms) and SESSION_CHAIN_PAUSE_MS, in
 * whole tenths, so one way flows into the next (physio review 31 #2: NHS Inform's figure waited
 * 5 s on all fours between lying and standing up). The rest of the slot, which the plan still
 * gives (session_chain_lead_in_ms), is spent in the start or end position. */
static int session_chain_step_ms(const Routine *r, MoveId w)
{
    int ms = session_way_slot_ms(r, w) * SESSION_HOLD_MOVES_PERCENT / 100 + SESSION_CHAIN_PAUSE_MS;
    return (ms + 99) / 100 * 100;
}

/* The time the ways of chain p before its last take one straight after another
 * (session_chain_step_ms; 0 for one way or none). */
static int session_chain_flow_ms(const Routine *r, const MovesPath *p)
{
    int ms = 0;
    for (int i = 0; i + 1 < p->count; i++)
        ms += session_chain_step_ms(r, p->way[i]);
    return ms;
}

/* Lay chain c out over span_ms from its start: the ways before the last one straight after another
 * (session_chain_step_ms), the last the rest of the span. When that would leave the last less than
 * SESSION_READY_WAY_MS, the ways before it are played faster, in proportion to their times, so
 * the last has that long, or its equal share of a span too short for that. A single way has the
 * whole span. */
static void session_chain_lay_out(const Routine *r, SessionChain *c, int span_ms)
{
    int k = c->path.count, lead_in = session_chain_flow_ms(r, &c->path), t = 0;
    int64_t room = lead_in;
    if (room + SESSION_READY_WAY_MS > span_ms) {
        room = (int64_t)span_ms * (k - 1) / k > span_ms - SESSION_READY_WAY_MS ? (int64_t)span_ms * (k - 1) / k
                                                                               : span_ms - SESSION_READY_WAY_MS;
        room = room < lead_in ? room : lead_in;
    }
    for (int i = 0; i < k; i++) {
        c->start_ms[i] = t;
        if (i + 1 < k)
            t += lead_in > 0 ? (int)(session_chain_step_ms(r, c->path.way[i]) * room / lead_in) : 0;
    }
    c->start_ms[k] = span_ms;
    c->end_ms = span_ms;
}

/* The intro's chain (the way down to the first step, session_first_chain) laid out as the intro
 * (segment gi) shows it: over its whole time. Returns how many ways; 0 when it shows none. */
static int session_intro_chain(const Session *s, int gi, SessionChain *c)
{
    c->lead_ms = 0;
    if (session_first_chain(s->routine, &c->path) == 0)
        return 0;
    session_chain_lay_out(s->routine, c, s->segments[gi].duration_ms);
    return c->path.count;
}

/* How far into the intro (segment gi - 1) the person left it, by a press ("start now") or Skip,
 * for the first step's get-ready (segment gi, the one now) while the intro showed the way down
 * (session_first_chain); -1 when it ran to its end, shows no way, or gi is not that get-ready. */
static int session_intro_left_ms(const Session *s, int gi)
{
    if (gi <= 0 || gi != s->seg || s->left_seg != gi - 1)
        return -1;
    const Segment *ig = &s->segments[gi - 1], *g = &s->segments[gi];
    MovesPath p;
    if (ig->kind != SEG_INTRO || g->kind != SEG_READY || g->step != 0 || s->left_ms >= ig->duration_ms ||
        session_first_chain(s->routine, &p) == 0)
        return -1;
    return s->left_ms < 0 ? 0 : s->left_ms;
}

/* The rest of the way down the first step's get-ready (segment gi) shows when the intro was left
 * before its way was over (session_intro_left_ms; review 29b: a press cut the figure from standing
 * to lying and left 4 s to get down before the 3-2-1): its time at its pace, in whole seconds. The
 * get-ready's words wait for it, so they come with the figure in position, and a move's get-ready
 * is that much longer, so they have their usual time before the 3-2-1 (a timer's waits for Ready
 * as long as ever). 0 when the intro ran to its end or the way was over. */
static int session_intro_rest_ms(const Session *s, int gi)
{
    int left = session_intro_left_ms(s, gi);
    SessionChain c;
    if (left < 0 || session_intro_chain(s, gi - 1, &c) == 0)
        return 0;
    int k = c.path.count,
        over = c.start_ms[k - 1] + moves_way_ms(s->routine->way_ms, c.path.way[k - 1]); /* the last way still */
    return over > left ? (over - left + 999) / 1000 * 1000 : 0;
}

/* How long segment gi first shows the way out of the hold before it (SESSION_STEP_OUT_MS: the move's
 * outro, after the counted hold), before its own figure: a get-ready, a switch or a rest (between
 * sets, or a rest step) after a hold segment; 0 after anything else. */
static int session_way_out_ms(const Session *s, int gi)
{
    if (gi <= 0 || gi >= s->segment_count)
        return 0;
    const Segment *pg = &s->segments[gi - 1], *g = &s->segments[gi];
    const RoutineStep *pst = seg_step(s, pg), *st = seg_step(s, g);
    if (pg->kind != SEG_WORK || !pst || !step_holds(pst) || !st)
        return 0;
    if (g->kind != SEG_READY && g->kind != SEG_SWITCH && g->kind != SEG_SET_REST &&
        !(g->kind == SEG_WORK && !step_rules(st).is_move))
        return 0;
    int out = hold_step_out_ms(s->routine, pst->move);
    return g->duration_ms < out ? g->duration_ms : out;
}

/* When a rest step (segment gi) says "Rest." and its words: as it starts, or, when it begins with
 * the way out of a hold before it (session_way_out_ms) and then shows a way on to another position
 * (session_rest_chain), once that way begins (issue 12: "Sit down on the floor", shown and said at
 * once, came while the figure was still rolling up out of the forward fold). Its words tell the way
 * on; those of a rest that stays in the position ("Come up slowly onto your hands and knees") tell
 * the way out, and are said at once. Returns the ms into the rest, or 0 for at its start. */
static int rest_words_at(const Session *s, int gi)
{
    const Segment *g = &s->segments[gi];
    const RoutineStep *st = seg_step(s, g);
    MovesPath p;
    if (g->kind != SEG_WORK || !st || st->kind != STEP_REST || session_rest_chain(s->routine, g->step, &p) == 0 ||
        session_rest_in_place(s->routine, g->step))
        return 0;
    int out = session_way_out_ms(s, gi);
    return out < g->duration_ms ? out : 0;
}

/* How long after its start (after the way out of a hold before it, span_ms left) segment gi begins
 * to show chain p: a get-ready once "Get ready. Next: ..." has been said, so the first way's words,
 * said as it begins, come with it (physio review 31 #3: Camden's figure knelt down for 4 s under
 * "Get ready. Next: Back extension on elbows." before "Kneel down, hands to the mat" was said); a
 * rest in place (session_rest_in_place) so that the chain's motion ends SESSION_CHAIN_ARRIVED_MS
 * before the rest does, or earlier where the last way's motion and that second come to less than
 * SESSION_READY_WAY_MS (the last way is given that long). Never more than the span leaves past the
 * chain's motion, in whole tenths. */
static int session_chain_wait_ms(const Session *s, int gi, const MovesPath *p, int span_ms)
{
    const Segment *g = &s->segments[gi];
    int last = p->count - 1, wait = 0, flow = session_chain_flow_ms(s->routine, p),
        motion = session_way_slot_ms(s->routine, p->way[last]) * SESSION_HOLD_MOVES_PERCENT / 100;
    int spare = span_ms - flow - motion;
    if (g->kind == SEG_READY) {
        /* the one now: as it was when it began (a clip being made, guessed from its text, may come
         * while it is on, and the chain moved with it, the figure jumping back) */
        int words = gi == s->seg && s->ready_words_ms >= 0 ? s->ready_words_ms : ready_words_ms(s, g->step);
        wait = words > 0 ? (words + VOICEQUEUE_GAP_MS - session_way_out_ms(s, gi) + 99) / 100 * 100 : 0;
    } else if (g->kind == SEG_WORK && session_rest_in_place(s->routine, g->step)) {
        /* the last way is laid out with SESSION_READY_WAY_MS at least (session_chain_lay_out): given
         * less, the ways before it were hurried to make room, and the first cut before its end */
        int last_ms = motion + SESSION_CHAIN_ARRIVED_MS;
        wait = (span_ms - flow - (last_ms > SESSION_READY_WAY_MS ? last_ms : SESSION_READY_WAY_MS)) / 100 * 100;
    }
    spare = spare / 100 * 100;
    wait = wait < spare ? wait : spare;
    return wait > 0 ? wait : 0;
}

/* The chain segment gi shows, laid out (session_chain_lay_out): the intro's (the way down to the
 * first step, whole), a later get-ready's, a later timer's get-ready's, a rest step's over its
 * time (from its start, or in its last part: session_chain_wait_ms). Returns how many ways; 0 when
 * it shows none. */
static int session_segment_chain(const Session *s, int gi, SessionChain *c)
{
    const Segment *g = &s->segments[gi];
    const Routine *r = s->routine;
    c->path.count = 0;
    c->lead_ms = 0;
    int span = 0;
    if (g->kind == SEG_INTRO) { /* the whole chain down, then breathing in the position */
        if (session_intro_chain(s, gi, c) > 0 && gi + 1 == s->seg && session_intro_left_ms(s, gi + 1) >= 0)
            c->end_ms = session_intro_left_ms(s, gi + 1); /* left early: shown until then */
        return c->path.count;
    } else if (g->kind == SEG_READY && session_intro_rest_ms(s, gi) > 0) {
        /* the first get-ready after the intro was left mid-way: the rest of the intro's chain, as
         * the intro laid it out (each way at its pace, no jump), until its last way is over */
        session_intro_chain(s, gi - 1, c);
        c->lead_ms = session_intro_left_ms(s, gi);
        c->end_ms = c->lead_ms + session_intro_rest_ms(s, gi);
        return c->path.count;
    } else if (g->kind == SEG_READY) {
        span = g->duration_ms - SESSION_COUNTDOWN * 1000 - ready_step_in_ms(r, g->step);
        session_ready_chain(r, g->step, &c->path);
    } else if (g->kind == SEG_WORK && g->step >= 0) {
        session_rest_chain(r, g->step, &c->path);
        span = g->duration_ms;
    }
    int out = session_way_out_ms(s, gi);
    if (c->path.count > 0 && out > 0) /* after the hold's way out */
        c->lead_ms = -out, span -= out;
    int wait = c->path.count > 0 ? session_chain_wait_ms(s, gi, &c->path, span) : 0;
    if (wait > 0) /* after the get-ready's words, or to the end of a rest in place */
        c->lead_ms -= wait, span -= wait;
    if (c->path.count > 0)
        session_chain_lay_out(r, c, span > 0 ? span : 0);
    return c->path.count;
}

/* When get-ready gi, when it shows a way to the step's position (session_ready_chain: a move after
 * the first, in another position than the one before it, no rest between, or a timer), says the step's own
 * words (ready_step_words): once the figure has arrived, at the end of the last way's motion
 * (its keyed time, moves_way_ms, from where the chain starts it), not as the way begins while the
 * figure is still getting up or down (physio review s29 #4: "Stand with your feet apart. Hands on
 * your lower back" was said with the figure still lying). "Get ready. Next: ..." is said at the
 * start all the same, as the figure starts moving. Returns the ms into the get-ready, or 0 for at
 * its start (no way shown; the first move's way is the intro's). */
static int ready_words_at(const Session *s, int gi)
{
    const Segment *g = &s->segments[gi];
    SessionChain c;
    MovesPath own; /* its own way (a first move's is the intro's: session_intro_rest_ms) */
    if (g->kind != SEG_READY || g->step < 0 || session_ready_chain(s->routine, g->step, &own) == 0 ||
        session_segment_chain(s, gi, &c) == 0)
        return 0;
    int last = c.path.count - 1;
    int at = c.start_ms[last] - c.lead_ms + moves_way_ms(s->routine->way_ms, c.path.way[last]);
    /* a tenth of a second later, in whole tenths: the figure is drawn from the nearest of its
     * sheet's poses (30 a second), so its motion shows up to half a pose past its keyed end */
    at = (at + 100 + 99) / 100 * 100;
    return at > 0 && at < g->duration_ms ? at : 0;
}

/* The words of the ways segment gi shows (moves.h MOVES_WAY_WORDS), said and captioned as each way
 * begins (physio review 30 #5: the figure rolled, came onto all fours and stood up under "Get
 * ready. Next: Back bends."): in a get-ready after "Get ready. Next: ..." and before the step's own
 * words, which wait for the figure to arrive (ready_words_at); in a rest or a timer after "Rest."
 * (rest_words_at). Not in the intro (its own words are said while the figure gets down), nor for a
 * way shown before the segment began (the intro's, left early), nor in a rest whose own words tell
 * the way ("Come up to standing, slowly."). (from, to] and t0 as fire_timed. */
static void way_words_fire(Session *s, int from, int to, int64_t t0)
{
    const Segment *g = cur(s);
    const RoutineStep *st = seg_step(s, g);
    SessionChain c;
    if ((g->kind != SEG_READY && g->kind != SEG_WORK) || !st ||
        (g->kind == SEG_WORK && st->text && !session_rest_in_place(s->routine, g->step)) ||
        session_segment_chain(s, s->seg, &c) == 0)
        return;
    int base = from < 0 ? 0 : from;
    for (int i = 0; i < c.path.count; i++) {
        const char *words = moves_way_words(c.path.way[i]);
        int at = c.start_ms[i] - c.lead_ms;
        if (words && at >= 0 && at < g->duration_ms && (at == 0 ? from < 0 && to >= 0 : crossed(at, from, to)))
            announce(s, t0 + (at - base), words);
    }
}

/* The way of chain c shown at t ms of its time: the last whose start is at t or before. */
static int session_chain_at(const SessionChain *c, int t)
{
    int i = 0;
    while (i + 1 < c->path.count && c->start_ms[i + 1] <= t)
        i++;
    return i;
}

/* Way i of chain c as drawn at t ms of the chain's time into v's figure fields: the way in of a
 * hold from its start to the next way's, then breathing in the position it ends in; never faster
 * than keyed (a hold shorter than session_way_slot_ms is drawn that long, its breath cut short). */
static void session_chain_way(const Routine *r, const SessionChain *c, int i, int t, SessionView *v)
{
    v->figure = c->path.way[i];
    v->anim = ANIM_HOLD;
    v->anim_ms = t - c->start_ms[i];
    v->anim_length_ms = c->start_ms[i + 1] - c->start_ms[i];
    if (v->anim_length_ms < session_way_slot_ms(r, v->figure))
        v->anim_length_ms = session_way_slot_ms(r, v->figure);
}

/* The side a get-ready or a switch shows the move's start for: a get-ready the first side (left
 * of "both"; the chosen side's, for "side toward" or "side away"), a switch the side to come. */
static Sides session_start_side(const Session *s, const Segment *g, const RoutineStep *st)
{
    Sides side = g->kind == SEG_SWITCH ? g->side : (st->sides == SIDES_BOTH ? SIDES_LEFT : st->sides);
    /* alternating sides: the side the first run works, so a hold steps into it (session_step_in_ms) */
    if (st->sides == SIDES_ALTERNATE && g->kind == SEG_READY && g + 1 < s->segments + s->segment_count &&
        g[1].kind == SEG_WORK && g[1].step == g->step)
        side = g[1].side;
    if (st->side_rel != SIDE_REL_NONE && g->kind == SEG_READY && s->chosen_side != SIDES_NONE)
        side = s->chosen_side == SIDES_BOTH      ? SIDES_LEFT /* both: left first, as "sides both" */
               : st->side_rel == SIDE_REL_TOWARD ? s->chosen_side
                                                 : other_side(s->chosen_side);
    return side;
}

/* The position figure a rest shows breathing: between sets, the move's own position; in a rest or
 * timer step, the position it shows (after its chain of ways, if any). */
static MoveId session_rest_figure(const Routine *r, int step, bool between_sets)
{
    const RoutineStep *st = &r->steps[step];
    if (between_sets && st->kind == STEP_MOVE)
        return moves_position_figure(routine_move_info(r, st->move)->position);
    return moves_position_figure(session_rest_position(r, step));
}

/* The figure step `step` shows first: the first way of the chain its get-ready (or, the first
 * step's, the intro) or its time shows, else the move, or the position a rest or timer shows. */
static MoveId session_step_first_figure(const Routine *r, int step)
{
    MovesPath p;
    if (session_ready_chain(r, step, &p) > 0 || (step == 0 && session_first_chain(r, &p) > 0) ||
        session_rest_chain(r, step, &p) > 0)
        return p.way[0];
    return r->steps[step].kind == STEP_MOVE ? r->steps[step].move : session_rest_figure(r, step, false);
}

/* The most figures one segment shows one after another: the hold before it on its way out, the
 * position its chain starts from, a chain of ways, then what it leads to. */
#define SESSION_SEGMENT_FIGURES (MOVES_PATH_MAX + 3)

/* The figures segment gi shows, in order (the hold before it on its way out, the ways of its chain
 * that show in it, then the move's start or the position), each with the side it is shown for.
 * Returns how many; the idle standing figure is not counted. */
static int session_segment_figures(const Session *s, int gi, MoveId fig[SESSION_SEGMENT_FIGURES],
                                   Sides side[SESSION_SEGMENT_FIGURES])
{
    const Segment *g = &s->segments[gi];
    const RoutineStep *st = seg_step(s, g);
    const Routine *r = s->routine;
    SessionChain c;
    int n = 0, k = session_segment_chain(s, gi, &c);
    if (session_way_out_ms(s, gi) > 0) /* the hold before, on its way out */
        fig[n] = seg_step(s, &s->segments[gi - 1])->move, side[n++] = s->segments[gi - 1].side;
    if (k > 0 && g->kind != SEG_INTRO && c.lead_ms < -session_way_out_ms(s, gi)) /* its position, then the ways */
        fig[n] = moves_position_figure(moves_way_from(c.path.way[0])), side[n++] = SIDES_NONE;
    for (int i = 0; i < k; i++) /* the ways of the chain shown in this segment's time */
        if (c.start_ms[i + 1] > c.lead_ms && ((g->kind != SEG_INTRO && c.lead_ms <= 0) || c.start_ms[i] < c.end_ms))
            fig[n] = c.path.way[i], side[n++] = SIDES_NONE;
    if (!st)
        return n;
    if (g->kind == SEG_READY && st->kind == STEP_TIMER) { /* then its position */
        fig[n] = session_rest_figure(r, g->step, false), side[n++] = SIDES_NONE;
    } else if (g->kind == SEG_READY || g->kind == SEG_SWITCH) { /* then the move's start */
        fig[n] = st->move, side[n++] = session_start_side(s, g, st);
    } else if (g->kind == SEG_WORK && step_rules(st).is_move) {
        fig[n] = st->move, side[n++] = g->side;
    } else if ((g->kind == SEG_SET_REST || g->kind == SEG_WORK) && k == 0) { /* a chain breathes at its end */
        fig[n] = session_rest_figure(r, g->step, g->kind == SEG_SET_REST), side[n++] = SIDES_NONE;
        if (session_rest_start_ms(s, gi) > 0) /* then the held move's start, to step in */
            fig[n] = st->move, side[n++] = s->segments[gi + 1].side;
    }
    return n;
}

/* Whether figure `fig`, shown for `side`, is drawn turned round (mirrored) when the body was
 * turned (`turned`) as the figure before it ended: a figure that may be drawn either way (not
 * sided, or the same way round on both sides) keeps the turn, so nothing jumps; a mirrored sided
 * move is drawn as its side says (the catalogue's poses show the right side: the left mirrored). */
static bool session_figure_turned(const Routine *r, MoveId fig, Sides side, bool turned)
{
    const MoveInfo *mi = routine_move_info(r, fig);
    if (mi && mi->sided && !moves_same_way_round(mi))
        return side == SIDES_LEFT;
    return turned;
}

/* Whether `fig` (shown for `side`) is drawn turned in segment gi: the turn each figure before it
 * leaves (a figure keeps the turn it was drawn with, a way that rolls turns it once it is over),
 * from standing as the safety notice shows it. A figure shown on from one segment into the next
 * (the way the intro begins and the get-ready ends) is one showing. *turns is set when its
 * showing begins in segment gi drawn the other way round than the figure before it ended (a
 * mirrored sided move's side, not a roll): the figure turns round as it begins (SESSION_TURN_MS). */
static bool session_turned(const Session *s, int gi, MoveId fig, Sides side, bool *turns)
{
    bool turned = false, flipped = false;
    MoveId last = MOVE_NONE;
    Sides last_side = SIDES_NONE;
    for (int i = 0; i <= gi && i < s->segment_count; i++) {
        MoveId f[SESSION_SEGMENT_FIGURES];
        Sides sd[SESSION_SEGMENT_FIGURES];
        int n = session_segment_figures(s, i, f, sd);
        for (int k = 0; k < n; k++) {
            if (f[k] != last || sd[k] != last_side) {
                turned ^= last != MOVE_NONE && moves_way_turns(last);
                bool was = turned;
                turned = session_figure_turned(s->routine, f[k], sd[k], turned);
                flipped = i == gi && turned != was;
                last = f[k], last_side = sd[k];
            }
            if (i == gi && f[k] == fig && (sd[k] == SIDES_NONE || sd[k] == side)) {
                *turns = flipped;
                return turned;
            }
        }
    }
    turned ^= last != MOVE_NONE && last != fig && moves_way_turns(last);
    *turns = false;
    return session_figure_turned(s->routine, fig, side, turned);
}

bool session_step_cuts(const Routine *r, int step, Position *from, Position *to)
{
    MovesPath p;
    int rest_ms;
    return session_step_chain(r, step, from, to, &p, &rest_ms) < 0;
}

int session_step_chain(const Routine *r, int step, Position *from, Position *to, MovesPath *out, int *rest_ms)
{
    const RoutineStep *st = &r->steps[step];
    out->count = 0;
    *rest_ms = st->kind == STEP_REST ? session_rest_run_ms(r, step, 0) : 0;
    *from = session_position_before(r, step);
    *to = st->kind == STEP_MOVE            ? routine_move_info(r, st->move)->position
          : session_rest_in_place(r, step) ? routine_move_info(r, r->steps[step + 1].move)->position /* its way on */
                                           : session_rest_position(r, step);
    if (*from == POSITION_NONE || *to == POSITION_NONE || *from == *to)
        return 0;
    if (step == 0 && st->kind == STEP_MOVE) /* from the intro's standing figure: its chain, if one is shown */
        return session_first_chain(r, out) > 0 ? out->count : -1;
    return moves_path(*from, *to, out);
}

int session_quiet_ms(const Session *s)
{
    if (s->paused || s->ended)
        return INT32_MAX;
    int64_t quiet = INT64_MAX;
    SessionView v = session_view(s, 0);
    if (v.duration_ms > 0 && v.remaining_ms >= 0)
        quiet = v.remaining_ms;
    if (s->caption[0] && s->caption_until_ms != INT64_MAX && s->caption_until_ms > s->active_ms &&
        s->caption_until_ms - s->active_ms < quiet)
        quiet = s->caption_until_ms - s->active_ms;
    if (s->caption_waits > 0 && s->caption_wait[0].silent) { /* a caption shown once the voice is free */
        int64_t turn = voicequeue_free_at(&s->voice) - s->t_ms;
        if (turn < quiet)
            quiet = turn < 0 ? 0 : turn;
    }
    if (s->clip_waits > 0 && quiet > SESSION_CLIP_POLL_MS)
        quiet = SESSION_CLIP_POLL_MS; /* a clip being made may come at any moment */
    if (s->clips && voicequeue_pending(&s->voice) > 0) {
        int64_t turn = voicequeue_free_at(&s->voice) - s->t_ms;
        if (turn < quiet)
            quiet = turn < 0 ? 0 : turn;
    }
    return quiet > INT32_MAX ? INT32_MAX : (int)quiet;
}

static int session_figure_shown(const Session *s, int gi, int el, int64_t loop_ms, SessionView *v);

/* When a rest between sets of a held move (gi, SEG_SET_REST) begins to show the move's start, so the
 * next set steps into its pose before its count (SESSION_STEP_IN_MS after the start is eased in), as
 * a get-ready does: that long before its end, once the way out of the set before is over; 0 when the
 * move is not held or the rest is too short (the way in is then in the counted time). */
static int session_rest_start_ms(const Session *s, int gi)
{
    if (gi < 0 || gi + 1 >= s->segment_count)
        return 0;
    const Segment *g = &s->segments[gi], *ng = &s->segments[gi + 1];
    const RoutineStep *st = seg_step(s, g);
    if (g->kind != SEG_SET_REST || ng->kind != SEG_WORK || ng->step != g->step || !st || !step_holds(st) ||
        st->phase_count > 0)
        return 0;
    int ease = SESSION_BLEND_MS > SESSION_TURN_MS ? SESSION_BLEND_MS : SESSION_TURN_MS;
    int start = g->duration_ms - hold_step_in_ms(s->routine, st->move) - ease;
    return start >= session_way_out_ms(s, gi) + ease ? start : 0;
}

/* The time segment gi (a get-ready or switch) shows the start of the hold segment after it for, once
 * eased or turned in (at most SESSION_STEP_IN_MS), or 0 when it does not show it. */
static int session_step_in_room(const Session *s, int gi)
{
    if (gi < 0 || gi + 1 >= s->segment_count)
        return 0;
    const Segment *pg = &s->segments[gi], *g = &s->segments[gi + 1];
    const RoutineStep *st = seg_step(s, g);
    if (g->kind != SEG_WORK || !st || step_rules(st).anim != ANIM_HOLD || st->phase_count > 0 ||
        (pg->kind != SEG_READY && pg->kind != SEG_SWITCH && pg->kind != SEG_SET_REST) || pg->step != g->step)
        return 0;
    SessionView f;
    memset(&f, 0, sizeof f);
    int shown_from = session_figure_shown(s, gi, pg->duration_ms, 0, &f); /* the start, shown from then */
    if (f.figure != st->move || f.side != g->side)
        return 0;
    int out = session_way_out_ms(s, gi); /* after the way out of a hold before */
    shown_from = shown_from > out ? shown_from : out;
    int room = pg->duration_ms - shown_from - (SESSION_BLEND_MS > SESSION_TURN_MS ? SESSION_BLEND_MS : SESSION_TURN_MS);
    int in = hold_step_in_ms(s->routine, st->move);
    return room < 0 ? 0 : room > in ? in : room;
}

/* How much of the way into the pose of hold segment gi (WORK) plays before it, at the end of the
 * get-ready or "switch sides" before it that shows the move's start (SESSION_STEP_IN_MS, less when
 * a get-ready or switch of the step shows the start for less than that after its easing or turn
 * in: the same for every side, so both sides breathe alike), or 0: the way in is then in the
 * counted time, as after a rest between sets (alternating sides step in over "Other side."'s switch). */
static int session_step_in_ms(const Session *s, int gi)
{
    int lead = session_step_in_room(s, gi - 1);
    if (lead <= 0)
        return 0;
    for (int j = 1; j < s->segment_count; j++)
        if (s->segments[j].step == s->segments[gi].step && s->segments[j].kind == SEG_WORK &&
            (s->segments[j - 1].kind == SEG_READY || s->segments[j - 1].kind == SEG_SWITCH ||
             s->segments[j - 1].kind == SEG_SET_REST)) {
            int room = session_step_in_room(s, j - 1);
            if (room > 0 && room < lead)
                lead = room;
        }
    return lead;
}

/* The figure segment gi shows at el ms into it (loop_ms: the idle loop's time then) into v's figure
 * fields (figure, side, anim, anim_ms, anim_length_ms, rep_hold_ms, next_figure and the pacers);
 * returns when its showing began in the segment (ms): after a way, the way's end. A hold's way in
 * plays before it (session_step_in_ms): over the end of the get-ready or switch before it, and the
 * hold's animation runs that much ahead (entered from there, or seen from a later segment). Its way
 * out plays after it: the hold's animation goes on SESSION_STEP_OUT_MS past its counted time, over
 * the start of what follows (session_way_out_ms), whose own figure is shown from then on, eased in
 * from the way out's end (session_blend_from). */
static int session_figure(const Session *s, int gi, int el, int64_t loop_ms, SessionView *v)
{
    const Segment *g = &s->segments[gi];
    int out = session_way_out_ms(s, gi);
    int shown_from = session_figure_shown(s, gi, el, loop_ms, v);
    if (shown_from < out)
        shown_from = out;
    if (g->kind == SEG_READY || g->kind == SEG_SWITCH || g->kind == SEG_SET_REST) {
        int lead = session_step_in_ms(s, gi + 1);
        if (lead > 0 && el >= g->duration_ms - lead) { /* stepping into the pose: the hold's first moments */
            v->anim = ANIM_HOLD;
            v->anim_ms = el - (g->duration_ms - lead);
            v->anim_length_ms =
                lead + s->segments[gi + 1].duration_ms + hold_step_out_ms(s->routine, seg_step(s, g)->move);
            v->rep_hold_ms = 0;
        }
    } else if (g->kind == SEG_WORK && v->anim == ANIM_HOLD && step_holds(seg_step(s, g))) {
        int lead = session_step_in_ms(s, gi);
        v->anim_length_ms +=
            hold_step_out_ms(s->routine, seg_step(s, g)->move); /* the way out after the counted time */
        /* entered once the step-in has played (not by a skip or back into it) */
        if (lead > 0 && (gi != s->seg || (s->left_seg == gi - 1 && s->left_ms >= s->segments[gi - 1].duration_ms)))
            v->anim_ms += lead, v->anim_length_ms += lead;
    }
    return shown_from;
}

static int session_figure_shown(const Session *s, int gi, int el, int64_t loop_ms, SessionView *v)
{
    const Segment *g = &s->segments[gi];
    const RoutineStep *st = seg_step(s, g);
    const Routine *r = s->routine;
    v->side = g->side;
    int shown_from = 0; /* when its showing began in this segment (ms): after a way, the way's end */
    v->figure = MOVE_IDLE;
    v->anim = ANIM_LOOP;
    v->anim_ms = (int)(loop_ms % 1000000000);
    v->anim_length_ms = SESSION_IDLE_LOOP_MS;
    SessionChain c;
    int chain = session_segment_chain(s, gi, &c), t = c.lead_ms + el;
    /* a rest's or the intro's: its last way breathes to the end (the get-ready eases in from there) */
    bool rest_chain = chain > 0 && (g->kind == SEG_WORK || g->kind == SEG_INTRO);
    if (chain > 0 && t < 0 && (g->kind == SEG_READY || (g->kind == SEG_WORK && session_rest_in_place(r, g->step)))) {
        /* the chain not begun (session_chain_wait_ms): breathing in the position it starts from */
        v->figure = moves_position_figure(moves_way_from(c.path.way[0]));
    } else if (chain > 0 && (t < c.end_ms || rest_chain)) {
        /* a way of the chain, a hold whose way in is the way, then breathing at its end until the
         * next way, the move's start for the 3-2-1, or the position (a rest's and the intro's last
         * way to the segment's end) */
        int i = session_chain_at(&c, t);
        shown_from = c.start_ms[i] > c.lead_ms ? c.start_ms[i] - c.lead_ms : 0;
        if (i + 1 < chain)
            v->next_figure = c.path.way[i + 1]; /* shown next: load it now */
        else if (g->kind == SEG_INTRO) /* the first step's start, or its timer's position */
            v->next_figure = r->steps[0].kind == STEP_MOVE ? r->steps[0].move : session_rest_figure(r, 0, false);
        else if (st && g->kind == SEG_READY)
            v->next_figure = st->kind == STEP_TIMER ? session_rest_figure(r, g->step, false) : st->move;
        session_chain_way(r, &c, i, t, v);
    } else if (st && g->kind == SEG_READY && st->kind == STEP_TIMER) {
        /* the position breathing (after its chain): the timer's time starts in place */
        v->figure = session_rest_figure(r, g->step, false);
        shown_from = chain > 0 ? c.end_ms - c.lead_ms : 0;
    } else if (st && (g->kind == SEG_READY || g->kind == SEG_SWITCH)) {
        v->figure = st->move; /* the move's start for the 3-2-1 (after its chain) */
        v->anim = ANIM_START;
        v->side = session_start_side(s, g, st);
        shown_from = chain > 0 ? c.end_ms - c.lead_ms : 0;
    } else if (st && g->kind == SEG_WORK && step_rules(st).is_move) {
        if (st->hold_breaths > 0 && step_rules(st).score == SCORE_HOLD) {
            /* the breathing pacer: in for two fifths of a breath, out for the rest */
            int breath = step_breath_ms(r);
            int in_ms = breath_in_ms(breath), at = el % breath;
            v->breaths = g->duration_ms / breath;
            v->breath = el / breath + 1 > v->breaths ? v->breaths : el / breath + 1;
            v->breath_in = at < in_ms;
            v->breath_fill = v->breath_in ? (double)at / in_ms : 1.0 - (double)(at - in_ms) / (breath - in_ms);
        } else if (step_breath(st)) {
            /* a rep that is one breath (draw_in): the pacer breathes with the figure and its cues,
             * in from the rep's start, out from its out-breath to the rep's end */
            int rep = rep_ms(st), in_ms = breath_out_ms(st, step_breath(st)), at = el % rep;
            v->breaths = g->reps;
            v->breath = el / rep + 1 > v->breaths ? v->breaths : el / rep + 1;
            v->breath_in = at < in_ms;
            v->breath_fill = v->breath_in ? (double)at / in_ms : 1.0 - (double)(at - in_ms) / (rep - in_ms);
        } else if (st->hold_breaths > 0 && st->mode == MODE_REPS_GUIDED && st->phase_count == 0) {
            /* reps held at the top for breaths (levels/06): the pacer breathes through each rep's
             * hold, from the beat, as its words are said (say_hold_breaths); empty while moving */
            int breath = step_breath_ms(r), in_ms = breath_in_ms(breath);
            int at = el % rep_ms(st) - rep_beat_ms(st, 0);
            v->breaths = st->hold_breaths;
            if (at >= 0 && at < st->hold_ms) {
                v->breath = at / breath + 1 > v->breaths ? v->breaths : at / breath + 1;
                at -= (v->breath - 1) * breath;
                v->breath_in = at < in_ms;
                v->breath_fill = v->breath_in ? (double)at / in_ms : 1.0 - (double)(at - in_ms) / (breath - in_ms);
            }
        }
        v->figure = st->move;
        v->anim_ms = el; /* self pacing too: the figure keeps a steady cycle while the user counts */
        v->anim = step_rules(st).anim;
        switch (v->anim) {
        case ANIM_REPS:
            v->anim_length_ms = rep_ms(st);
            v->rep_hold_ms = st->hold_ms;
            break;
        case ANIM_HOLD: v->anim_length_ms = g->duration_ms; break;
        case ANIM_LOOP:
        case ANIM_START: break;
        }
        if (st->phase_count > 0 && v->anim == ANIM_REPS) {
            /* phase k of n plays the k-th n-th of the move's rep (start, top, back to the start):
             * it moves there in its first SESSION_PHASE_MOVE_MS (or 2/5 of it) and holds */
            int rt = el % rep_ms(st), start = 0, k = 0;
            while (k < st->phase_count - 1 && rt >= start + st->phases[k].ms)
                start += st->phases[k++].ms;
            int d = st->phases[k].ms, move = d * 2 / 5 < SESSION_PHASE_MOVE_MS ? d * 2 / 5 : SESSION_PHASE_MOVE_MS;
            double into = move > 0 && rt - start < move ? (double)(rt - start) / move : 1.0;
            double p = (k + into) / st->phase_count;
            v->phase = k + 1;
            v->phases = st->phase_count;
            v->phase_text = st->phases[k].text;
            v->phase_left_ms = d - (rt - start) > 0 ? d - (rt - start) : 0;
            v->anim_length_ms = 1000; /* the rep's path as 0..1: no hold of its own, the phases hold */
            v->rep_hold_ms = 0;
            v->anim_ms = p >= 1.0 ? 999 : (int)(p * 1000.0);
        }
    } else if (st && (g->kind == SEG_SET_REST || g->kind == SEG_WORK)) {
        v->figure = session_rest_figure(r, g->step, g->kind == SEG_SET_REST); /* no way to it: breathing */
        int start = session_rest_start_ms(s, gi);
        if (start > 0 && el >= start) { /* the held move's start, then its step in (issue 12) */
            v->figure = st->move;
            v->anim = ANIM_START;
            v->anim_ms = 0;
            v->anim_length_ms = 0;
            v->side = s->segments[gi + 1].side;
            shown_from = start;
        }
    }
    return shown_from;
}

/* The hold of segment gi - 1 ended before its time (a press, a skip) into segment gi, and when
 * (ms into it): 0 when it did not. */
static int session_hold_ended_early(const Session *s, int gi)
{
    if (gi <= 0 || s->left_seg != gi - 1)
        return 0;
    const Segment *pg = &s->segments[gi - 1];
    const RoutineStep *st = seg_step(s, pg);
    if (pg->kind != SEG_WORK || !st || step_rules(st).anim != ANIM_HOLD || st->phase_count > 0)
        return 0;
    return s->left_ms > 0 && s->left_ms < pg->duration_ms ? s->left_ms : 0;
}

/* The figure of the current segment's first el ms (< session_way_out_ms) into v's figure fields
 * (figure, side, turned, anim...): the hold before it on its way out, on from its counted end, or
 * from where a press ended it (sheet_frame_at plays the way out from there, rep_hold_ms marking the
 * press); loop_ms: the idle loop's time then. */
static void session_way_out(const Session *s, int el, int64_t loop_ms, SessionView *v)
{
    int gi = s->seg, ended = session_hold_ended_early(s, gi);
    bool turns = false;
    SessionView f; /* the figure only: not the hold's pacers */
    memset(&f, 0, sizeof f);
    session_figure(s, gi - 1, ended > 0 ? ended : s->segments[gi - 1].duration_ms, loop_ms - el, &f);
    v->figure = f.figure, v->side = f.side, v->anim = f.anim, v->anim_length_ms = f.anim_length_ms;
    v->turned = session_turned(s, gi, f.figure, f.side, &turns);
    v->rep_hold_ms = ended > 0 ? f.anim_ms : f.rep_hold_ms;
    v->anim_ms = f.anim_ms + el;
}

/* Whether v's figure, shown from shown_from ms into the segment, is eased in (SessionView.blend)
 * at el ms, and from what: the last way of the segment's chain at its end, the way out of the hold
 * before at its end (session_way_out_ms), or what the segment before showed at its end (its planned
 * end: loop_ms is the idle loop's time now). Not when the same figure goes on (a get-ready's start
 * into the move, a hold into its way out), nor from one way
 * of a chain to the next (they meet at the position's figure). A way is eased into as any figure
 * (pose_moves_blend eases it as its own motion plus a fading offset from what was drawn), and
 * starts at once all the same. */
static void session_blend_from(const Session *s, int el, int shown_from, int64_t loop_ms, SessionView *v)
{
    int gi = s->seg, into = el - shown_from, ended = 0, out = session_way_out_ms(s, gi);
    if (into < 0 || v->figure < 0)
        return;
    SessionView f;
    memset(&f, 0, sizeof f);
    SessionChain c;
    int chain = session_segment_chain(s, gi, &c);
    bool turns = false;
    if (out > 0 && shown_from <= out) { /* after the way out of the hold before, from its end */
        session_way_out(s, out, loop_ms - el + out, &f);
        ended = 1; /* eased in even into the same figure: its way out may end elsewhere than its start */
    } else if (shown_from > 0 && chain > 0 && c.lead_ms + shown_from <= 0) {
        /* a chain that waited (session_chain_wait_ms): from its start position, breathing */
        session_figure_shown(s, gi, shown_from - 1, loop_ms - el + shown_from - 1, &f);
        f.turned = session_turned(s, gi, f.figure, SIDES_NONE, &turns);
    } else if (shown_from > 0 && chain > 0) { /* after the chain's way that ended then, as drawn then */
        session_chain_way(s->routine, &c, session_chain_at(&c, c.lead_ms + shown_from - 1), c.lead_ms + shown_from, &f);
        f.side = SIDES_NONE;
        f.turned = session_turned(s, gi, f.figure, SIDES_NONE, &turns);
    } else if (shown_from > 0 && shown_from == session_rest_start_ms(s, gi)) {
        /* a rest between sets: from its breathing figure to the move's start */
        f.figure = session_rest_figure(s->routine, s->segments[gi].step, true);
        f.side = SIDES_NONE;
        f.anim = ANIM_LOOP;
        f.anim_ms = (int)((loop_ms - el + shown_from) % 1000000000);
        f.anim_length_ms = SESSION_IDLE_LOOP_MS;
        f.turned = session_turned(s, gi, f.figure, SIDES_NONE, &turns);
    } else if (shown_from == 0 && gi > 0) {
        const Segment *pg = &s->segments[gi - 1];
        if (pg->kind == SEG_PAIN_BEFORE || pg->kind == SEG_SIDE) /* a check-in shows no figure */
            return;
        /* a hold ended early (a press) plays its way out from where it was as what follows eases in
         * (sheet_frame_at: rep_hold_ms marks the end), not from its planned end */
        ended = session_hold_ended_early(s, gi);
        int left = session_intro_left_ms(s, gi); /* the intro left early: from what it showed then */
        session_figure(s, gi - 1, ended > 0 ? ended : left >= 0 ? left : pg->duration_ms, loop_ms - el, &f);
        f.turned = f.figure != MOVE_IDLE && session_turned(s, gi - 1, f.figure, f.side, &turns);
        if (ended > 0 && f.anim == ANIM_HOLD)
            f.rep_hold_ms = f.anim_ms, f.anim_ms += el;
        else
            ended = 0;
    } else {
        return;
    }
    if (f.figure < 0 || (f.figure == v->figure && f.side == v->side && ended == 0))
        return;
    if (into >= SESSION_BLEND_MS)
        return;
    v->blend = true;
    v->blend_ms = into;
    v->from_figure = f.figure;
    v->from_side = f.side;
    v->from_turned = f.turned;
    v->from_anim = f.anim;
    v->from_anim_ms = f.anim_ms;
    v->from_anim_length_ms = f.anim_length_ms;
    v->from_rep_hold_ms = f.rep_hold_ms;
}

SessionView session_view(const Session *s, int extra_ms)
{
    SessionView v;
    memset(&v, 0, sizeof v);
    const Segment *g = cur(s);
    const RoutineStep *st = seg_step(s, g);
    const Routine *r = s->routine;
    v.kind = g->kind;
    v.routine = r;
    v.step = st;
    v.step_index = g->step;
    v.step_count = r->step_count;
    v.side = g->side;
    v.set = g->set;
    v.sets = st ? st->sets : 0;
    v.paused = s->paused;
    v.score = &s->score;
    v.counted = s->reps_counted;
    v.awaiting_press = awaiting_press(s);
    v.holding = s->holding;
    v.multiplier = session_multiplier(s->score.combo);
    int extra = s->paused || s->ended || !segment_clock_runs(s) ? 0 : extra_ms;
    int el = s->seg_elapsed_ms + extra;
    if (segment_ends_by_time(s) && el > g->duration_ms)
        el = g->duration_ms;
    v.elapsed_ms = el;
    v.duration_ms = g->duration_ms;
    v.remaining_ms = g->duration_ms > el ? g->duration_ms - el : 0;
    v.ready_press = st && g->kind == SEG_READY && step_rules(st).ready_press;
    if (st && step_rules(st).score == SCORE_REPS) {
        v.reps = g->kind == SEG_WORK ? g->reps : st->reps;
        if (g->kind == SEG_WORK && st->mode == MODE_REPS_GUIDED) /* the figure's rep; else the count */
            v.rep = el / rep_ms(st) + 1;
        else
            v.rep = s->reps_counted + (g->kind == SEG_WORK ? 1 : 0);
        if (v.rep > v.reps)
            v.rep = v.reps;
        if (v.rep < 1)
            v.rep = g->kind == SEG_WORK ? 1 : 0;
        if (st->sides == SIDES_ALTERNATE && g->kind == SEG_WORK) {
            /* one rep per run: show the rep of the side ("3 / 8"), or of all ("5 / 10") */
            bool in_all = st->reps_count == REPS_IN_ALL;
            v.reps = st->reps;
            v.rep = in_all ? g->run + 1 : g->run / 2 + 1;
        }
    }
    /* the workout is what comes before the results: their 15 s are not "left" in the last hold
     * (it said "20 s left" with 5 s to go) */
    int64_t total = s->segments[segment_of_kind(s, SEG_RESULTS)].planned_start_ms;
    int64_t done = g->planned_start_ms + (el < g->planned_ms ? el : g->planned_ms);
    /* during the workout: the planned time gone; once its steps are over (the after check-in, the
     * results), what was done: the share of the steps done to their end, as "Steps done: N of M"
     * says, so a workout quit at once shows an empty bar rather than the time the quit skipped */
    bool over = g->kind == SEG_PAIN_AFTER || g->kind == SEG_RESULTS || g->kind == SEG_DONE;
    int today = r->step_count; /* the steps of today's workout: not those left out (no side chosen) */
    for (int i = 0; i < r->step_count; i++)
        if (s->skip_today[i] == SESSION_PASS_NO_SIDE) {
            today--;
            if (v.left_out++ == 0)
                v.left_out_name = routine_step_name(&r->steps[i]);
        }
    if (over)
        v.progress = today > 0 ? (double)s->score.steps_done / today : 1.0;
    else
        v.progress = total > 0 ? (double)done / (double)total : 0;
    v.left_ms = total > done && !over ? total - done : 0;
    for (int i = 0; i < r->step_count; i++) {
        if (!routine_step_is_exercise(&r->steps[i]) || s->skip_today[i] == SESSION_PASS_NO_SIDE)
            continue;
        v.exercises++;
        if (i == g->step)
            v.exercise = v.exercises;
    }
    v.ended_early = s->ended_early;
    v.pain_before = s->pain_before;
    v.pain_after = s->pain_after;
    v.pain_stop = session_says_stop(s);
    v.hurt = s->hurt;
    v.hurt_pain = s->hurt_pain;
    v.hurt_rule = s->hurt_rule;
    v.hurt_can_skip = s->hurt_rule == 0;
    v.hurt_name = s->hurt_step >= 0 ? routine_step_name(&r->steps[s->hurt_step]) : NULL;
    v.hurt_ended = s->hurt_ended;
    v.chosen_side = s->chosen_side;
    if (g->kind == SEG_SIDE) { /* as a check-in: the view counts down the wait before it is skipped */
        v.duration_ms = s->side_wait_ms;
        v.elapsed_ms = s->idle_ms;
        v.remaining_ms = s->side_wait_ms > s->idle_ms ? s->side_wait_ms - s->idle_ms : 0;
    }
    if (in_checkin(s)) {
        /* a check-in has no planned length: the view counts down the wait before it is skipped */
        v.duration_ms = s->checkin_wait_ms;
        v.elapsed_ms = s->idle_ms;
        v.remaining_ms = s->checkin_wait_ms > s->idle_ms ? s->checkin_wait_ms - s->idle_ms : 0;
    }
    if (v.progress > 1)
        v.progress = 1;
    v.caption = s->active_ms < s->caption_until_ms ? s->caption : "";
    /* what comes next: the next step that will run (one passed over for today, "It hurts" or an
     * unanswered "Which side hurts?", is not named: Camden's double knee hug said "Next: Knee
     * rolls" and the knee rolls were passed over), and before it this step's own next run: its
     * other side or its next set ("Last step" showed on the first side of a two-sided last step,
     * and on 07's alternating knee to chest with 9 runs to come; 09's knee hug said "Next: Rest
     * on your back" for 3 minutes of its first leg: review 30 #4) */
    int next_index = -1;
    v.next_side = SIDES_NONE, v.next_set = 0;
    bool ended = g->kind == SEG_PAIN_AFTER || g->kind == SEG_RESULTS || g->kind == SEG_DONE;
    for (int i = s->seg + 1; !ended && i < s->segment_count && next_index < 0; i++) {
        const Segment *n = &s->segments[i];
        if (n->step < 0) {
            if (n->kind == SEG_PAIN_AFTER || n->kind == SEG_RESULTS || n->kind == SEG_DONE)
                break;
        } else if (n->step == g->step) {
            if (g->kind == SEG_WORK && n->kind == SEG_WORK && v.next_set == 0 && !s->skip_today[n->step] &&
                (n->set != g->set || n->side != g->side))
                v.next_side = n->side, v.next_set = n->set;
        } else if (!s->skip_today[n->step]) {
            next_index = n->step;
        }
    }
    v.next = next_index >= 0 ? &r->steps[next_index] : NULL;
    v.next_figure = MOVE_NONE; /* so the caller can load the next figure before it is due */
    if (next_index >= 0)
        v.next_figure = session_step_first_figure(r, next_index);
    /* the figure */
    int shown_from = session_figure(s, s->seg, el, s->active_ms + extra, &v);
    /* turned round (drawn mirrored) as the figure before it left the body: after a roll, the
     * head stays where the roll left it; a mirrored sided move's side drawn the other way round
     * than the figure before it ended turns round as it begins, never in one frame */
    bool turns = false;
    v.turned = v.figure != MOVE_IDLE && session_turned(s, s->seg, v.figure, v.side, &turns);
    v.turn_ms = turns && el - shown_from < SESSION_TURN_MS ? el - shown_from : -1;
    if (v.turn_ms < -1)
        v.turn_ms = -1;
    /* eased in from the figure before even while turning round: a figure facing the viewer turns
     * to face it joint by joint (pose_moves_blend), not by the painter's turn */
    session_blend_from(s, el, shown_from, s->active_ms + extra, &v);
    /* the panel names the segment's side; the figure may first show the hold before leaving its pose */
    v.side_named = v.side;
    v.side_words = side_words(v.step, v.side_named);
    if (el < session_way_out_ms(s, s->seg)) {
        MoveId next = v.figure;
        session_way_out(s, el, s->active_ms + extra, &v);
        v.turn_ms = -1;
        v.next_figure = next; /* what follows it: loaded now */
    }
    return v;
}

const char *session_side_heading(Sides side)
{
    return side == SIDES_LEFT ? "Left side" : side == SIDES_RIGHT ? "Right side" : NULL;
}

void session_next_text(const SessionView *v, char *buf, size_t size)
{
    if (size == 0)
        return;
    const char *side = session_side_heading(v->next_side);
    if (v->next_set > 0 && v->next_set != v->set) /* this step's own next set or side first */
        snprintf(buf, size, "Next: set %d of %d", v->next_set, v->sets);
    else if (v->next_set > 0 && side)
        snprintf(buf, size, "Next: %s", side);
    else if (v->next)
        snprintf(buf, size, "Next: %s", routine_step_name(v->next));
    else
        snprintf(buf, size, "Last step");
}

bool session_score_unpressed(const SessionScore *sc)
{
    return sc->press_scores && sc->presses == 0;
}

const char *session_verdict(const SessionScore *sc)
{
    bool all_steps = sc->steps_skipped == 0 && sc->steps_done > 0;
    bool reps_ok = sc->reps_target == 0 || sc->reps_done * 10 >= sc->reps_target * 9;
    bool tempo_ok = sc->reps_target == 0 || (sc->reps_done > 0 && sc->reps_on_tempo * 5 >= sc->reps_done * 4);
    if (session_score_unpressed(sc)) /* the timed holds scored by time: the rest needed a press */
        return sc->reps_target > 0 ? "Nothing was pressed, so no rep was counted. Press to count each rep as you do it."
               : sc->holds_unended > 0
                   ? "Nothing was pressed, so no hold was counted. Press when you have had enough."
                   : "Nothing was pressed, so no hold was counted. Keep the button down while you hold.";
    if (sc->holds_unended > 0 && sc->reps_target > 0 && sc->reps_done == 0)
        return "Nothing was pressed, so little was scored. Press to count each rep, and to end a hold when you "
               "have had enough.";
    if (sc->holds_unended > 0)
        return "A hold ended by no press does not score. Press when you have had enough.";
    if (all_steps && reps_ok && tempo_ok && sc->hold_breaks == 0) /* tempo only where reps were timed */
        return sc->reps_target > 0   ? "Excellent: every step done, steady and on tempo."
               : sc->holds_total > 0 ? "Excellent: every step done, every hold held steady."
                                     : "Excellent: every step done, start to finish.";
    if (all_steps && reps_ok)
        return "Well done: every step completed.";
    if (all_steps && sc->reps_done == 0)
        return "Every step done. Count your reps next time to score them.";
    if (all_steps)
        return "Every step done. Count every rep next time to score them all.";
    if (sc->steps_done > sc->steps_skipped)
        return "Good effort. Try to finish every step next time.";
    return "A start. Even a few minutes helps your back.";
}

/* ---- names ---- */

const char *session_event_name(SessionEventType t)
{
    static const char *names[] = {
        "session_start", "step_start", "cue",        "step_end",    "pause", "resume",      "sound",
        "rep",           "hold_start", "hold_break", "hold_done",   "combo", "pain",        "hurt",
        "stop_rule",     "hurt_end",   "phase",      "side_chosen", "ready", "session_end", "voice"};
    return t >= 0 && t < (int)(sizeof names / sizeof *names) ? names[t] : "unknown";
}

const char *session_step_kind_name(StepKind k)
{
    return k == STEP_MOVE ? "move" : k == STEP_REST ? "rest" : "timer";
}

const char *session_side_name(Sides s)
{
    return s == SIDES_LEFT ? "left" : s == SIDES_RIGHT ? "right" : s == SIDES_BOTH ? "both" : "none";
}

const char *session_segment_name(SegmentKind k)
{
    static const char *names[] = {"safety", "pain_before", "side",       "intro",   "ready", "work",
                                  "switch", "set_rest",    "pain_after", "results", "done"};
    return k >= 0 && k <= SEG_DONE ? names[k] : "unknown";
}

const char *session_phrase(SessionPhrase p)
{
#define SESSION_PHRASE_TEXT(id, text) text,
    static const char *const texts[] = {SESSION_PHRASES(SESSION_PHRASE_TEXT)};
#undef SESSION_PHRASE_TEXT
    return p >= 0 && p < SESSION_PHRASE_COUNT ? texts[p] : NULL;
}

const char *session_voice_name(SessionVoice v)
{
    static const char *names[] = {"unplanned", "waiting",    "spoken", "no_clip",
                                  "stale",     "superseded", "full",   "stopped"};
    return v >= 0 && v <= SESSION_VOICE_STOPPED ? names[v] : "unknown";
}

const char *session_sound_name(SoundId s)
{
    static const char *names[] = {"tick", "chime", "fanfare", "beat"};
    return s >= 0 && s < SOUND_COUNT ? names[s] : "unknown";
}
