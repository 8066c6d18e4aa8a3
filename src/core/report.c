/* report.c: JSON Lines for session events. One flat object per event, fields fixed per type,
 * so a test or a physio's script can read it with any JSON reader. */
#include "report.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    char *buf;
    size_t size, len;
} Out;

static void put(Out *o, const char *fmt, ...)
{
    if (o->len + 1 >= o->size)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(o->buf + o->len, o->size - o->len, fmt, ap);
    va_end(ap);
    if (n > 0)
        o->len = o->len + (size_t)n >= o->size ? o->size - 1 : o->len + (size_t)n;
}

size_t report_json_escape(const char *text, char *buf, size_t size)
{
    size_t n = 0;
    if (size == 0)
        return 0;
    for (const unsigned char *p = (const unsigned char *)text; *p && n + 7 < size; p++) {
        unsigned char c = *p;
        if (c == '"' || c == '\\') {
            buf[n++] = '\\';
            buf[n++] = (char)c;
        } else if (c == '\n') {
            buf[n++] = '\\';
            buf[n++] = 'n';
        } else if (c == '\t') {
            buf[n++] = '\\';
            buf[n++] = 't';
        } else if (c < 0x20) {
            n += (size_t)snprintf(buf + n, size - n, "\\u%04x", c);
        } else {
            buf[n++] = (char)c;
        }
    }
    buf[n] = 0;
    return n;
}

static void put_step(Out *o, const Session *s, const SessionEvent *ev)
{
    const RoutineStep *st = ev->step >= 0 ? &s->routine->steps[ev->step] : NULL;
    put(o, ",\"index\":%d", ev->step);
    if (st) {
        put(o, ",\"move\":\"%s\",\"kind\":\"%s\",\"side\":\"%s\",\"set\":%d",
            st->kind == STEP_MOVE ? routine_move_info(s->routine, st->move)->id : "rest",
            session_step_kind_name(st->kind), session_side_name(ev->side), ev->set);
    }
}

/* A pain value, or null when the check-in was skipped. */
static void put_pain(Out *o, const char *name, int pain)
{
    if (pain >= 0)
        put(o, ",\"%s\":%d", name, pain);
    else
        put(o, ",\"%s\":null", name);
}

size_t report_event_json(const Session *s, const SessionEvent *ev, char *buf, size_t size)
{
    Out o = {buf, size, 0};
    char text[SESSION_TEXT_BYTES * 2];
    if (size == 0)
        return 0;
    buf[0] = 0;
    put(&o, "{\"t\":%.3f,\"type\":\"%s\"", (double)ev->t_ms / 1000.0, session_event_name(ev->type));
    switch (ev->type) {
    case EV_SESSION_START:
        report_json_escape(s->routine->title, text, sizeof text);
        put(&o, ",\"title\":\"%s\",\"steps\":%d,\"planned\":%.3f", text, s->routine->step_count,
            (double)session_planned_ms(s) / 1000.0);
        break;
    case EV_STEP_START: {
        put_step(&o, s, ev);
        put(&o, ",\"duration\":%.3f", ev->n / 1000.0);
        const RoutineStep *st = ev->step >= 0 ? &s->routine->steps[ev->step] : NULL;
        if (st) {
            report_json_escape(routine_step_name(st), text, sizeof text);
            put(&o, ",\"name\":\"%s\",\"mode\":\"%s\"", text, routine_mode_name(st->mode));
            if (st->hold_breaths > 0 && st->reps == 0)
                put(&o, ",\"breaths\":%d", st->hold_breaths);
            if (st->sides == SIDES_ALTERNATE)
                put(&o, ",\"run\":%d", ev->n_run + 1);
            /* a dose that builds: today's, and where it is going */
            if (st->build_reps.every > 0)
                put(&o, ",\"reps\":%d,\"reps_building_to\":%d", st->reps, st->build_reps.ceiling);
            if (st->build_hold.every > 0)
                put(&o, ",\"hold\":%.3f,\"hold_building_to\":%.3f", st->hold_ms / 1000.0,
                    st->build_hold.ceiling / 1000.0);
        }
        break;
    }
    case EV_STEP_END:
        put_step(&o, s, ev);
        put(&o, ",\"completed\":%s,\"reps\":%d", ev->completed ? "true" : "false", ev->n);
        break;
    case EV_CUE:
        report_json_escape(ev->text, text, sizeof text);
        put(&o, ",\"text\":\"%s\",\"cue\":\"%s\",\"index\":%d", text,
            ev->cue_kind == CUE_KIND_ROUTINE    ? "routine"
            : ev->cue_kind == CUE_KIND_STANDARD ? "standard"
                                                : "count",
            ev->step);
        /* its voice, once decided (simulate_run_voiced): when its clip starts, or why it is not said */
        if (ev->voice == SESSION_VOICE_SPOKEN)
            put(&o, ",\"spoken\":%.3f", (double)ev->spoken_ms / 1000.0);
        else if (ev->voice != SESSION_VOICE_UNPLANNED && ev->voice != SESSION_VOICE_WAITING)
            put(&o, ",\"dropped\":true,\"reason\":\"%s\"", session_voice_name(ev->voice));
        break;
    case EV_VOICE:
        report_json_escape(ev->text, text, sizeof text);
        put(&o, ",\"text\":\"%s\",\"cue_id\":%d,\"voice\":\"%s\",\"length\":%.3f", text, ev->cue_id,
            session_voice_name(ev->voice), ev->n / 1000.0);
        break;
    case EV_SOUND: put(&o, ",\"sound\":\"%s\",\"index\":%d", session_sound_name(ev->sound), ev->step); break;
    case EV_REP:
        put_step(&o, s, ev);
        put(&o, ",\"n\":%d,\"on_tempo\":%s", ev->n, ev->on_tempo ? "true" : "false");
        break;
    case EV_HOLD_START:
    case EV_HOLD_BREAK:
    case EV_HOLD_DONE:
        put_step(&o, s, ev);
        put(&o, ",\"at\":%.3f", ev->n / 1000.0);
        break;
    case EV_COMBO: put(&o, ",\"n\":%d,\"multiplier\":%d", ev->n, session_multiplier(ev->n)); break;
    case EV_PAUSE:
    case EV_RESUME: put(&o, ",\"index\":%d", ev->step); break;
    case EV_HURT:
        report_json_escape(ev->text, text, sizeof text);
        put(&o, ",\"index\":%d,\"name\":\"%s\"", ev->step, text);
        break;
    case EV_STOP_RULE:
        report_json_escape(ev->text, text, sizeof text);
        if (ev->n > 0)
            put(&o, ",\"rule\":%d,\"text\":\"%s\"", ev->n, text);
        else
            put(&o, ",\"rule\":null");
        break;
    case EV_HURT_END: put(&o, ",\"action\":\"%s\",\"index\":%d", ev->completed ? "end" : "skip_today", ev->n); break;
    case EV_READY:
        /* a timer's get-ready ended: Ready was pressed, or its wait ran out (it starts by itself) */
        put(&o, ",\"index\":%d,\"pressed\":%s,\"waited\":%.3f", ev->step, ev->completed ? "true" : "false",
            ev->n / 1000.0);
        break;
    case EV_SIDE_CHOSEN:
        if (ev->side == SIDES_NONE)
            put(&o, ",\"side\":null");
        else
            put(&o, ",\"side\":\"%s\"", session_side_name(ev->side));
        break;
    case EV_PHASE:
        put_step(&o, s, ev);
        report_json_escape(ev->text, text, sizeof text);
        put(&o, ",\"phase\":%d,\"rep\":%d,\"text\":\"%s\"", ev->n, ev->n_run + 1, text);
        break;
    case EV_PAIN:
        put(&o, ",\"when\":\"%s\"", ev->set == 0 ? "before" : ev->set == 1 ? "after" : "hurt");
        if (ev->n >= 0)
            put(&o, ",\"pain\":%d", ev->n);
        else
            put(&o, ",\"pain\":null");
        break;
    case EV_SESSION_END: {
        const SessionScore *sc = &s->score;
        double pct = sc->reps_done > 0 ? 100.0 * sc->reps_on_tempo / sc->reps_done : 0.0;
        put(&o,
            ",\"completed\":%s,\"ended_early\":%s,\"steps_done\":%d,\"steps_skipped\":%d,\"reps_done\":%d,\"reps_"
            "target\":%d,"
            "\"reps_on_tempo\":%d,\"on_tempo_pct\":%.1f,\"holds_done\":%d,\"holds_total\":%d,\"hold_breaks\":%d,\"best_"
            "hold_streak\":%d,"
            "\"held_seconds\":%.3f,\"best_combo\":%d,\"score\":%ld,\"active\":%.3f,\"verdict\":\"%s\"",
            ev->completed ? "true" : "false", s->ended_early ? "true" : "false", sc->steps_done, sc->steps_skipped,
            sc->reps_done, sc->reps_target, sc->reps_on_tempo, pct, sc->holds_done, sc->holds_total, sc->hold_breaks,
            sc->best_hold_streak, sc->held_ms / 1000.0, sc->best_combo, sc->score, (double)ev->active_ms / 1000.0,
            session_verdict(sc));
        put(&o,
            ",\"score_max\":%ld,\"points\":{\"reps\":%ld,\"holds\":%ld,\"steps\":%ld},"
            "\"points_max\":{\"reps\":%ld,\"holds\":%ld,\"steps\":%ld},\"holds_unended\":%d,"
            "\"exercises_done\":%d,\"exercises\":%d",
            sc->score_max, sc->points_reps, sc->points_holds, sc->points_steps, sc->max_reps, sc->max_holds,
            sc->max_steps, sc->holds_unended, sc->exercises_done, sc->exercises);
        put_pain(&o, "pain_before", s->pain_before);
        put_pain(&o, "pain_after", s->pain_after);
        put(&o, ",\"pain_stop\":%s,\"stopped_for_pain\":%s", session_says_stop(s) ? "true" : "false",
            s->hurt_used ? "true" : "false");
        break;
    }
    }
    put(&o, "}");
    return o.len;
}
