/* results.c: the results screen (results.h). Left: the headline, the streak in the largest type,
 * the score with its streak bonus, the week's goal and the rest day. Right: what was done, or,
 * when the pain check-ins say so, the advice to stop for today and when to see a doctor. */
#include "results.h"

#include <stdio.h>
#include <string.h>

#include "streak.h"

const char *const results_doctor_lines[] = {
    "See a doctor if your back pain:",
    "\xE2\x80\xA2 persists or gets worse",
    "\xE2\x80\xA2 comes with fever, unexplained weight loss, numbness or weakness",
    "\xE2\x80\xA2 follows an injury or accident, such as a fall",
    "\xE2\x80\xA2 gets in the way of your daily life",
    NULL,
};

void results_streak_text(const StreakSummary *s, char *buf, size_t size)
{
    if (!s || s->current <= 0)
        snprintf(buf, size, "%s", "");
    else if (s->current == 1)
        snprintf(buf, size, "Day 1: a new streak");
    else
        snprintf(buf, size, "Day %d in a row", s->current);
}

void results_bonus_text(const StreakSummary *s, char *buf, size_t size)
{
    if (!s || s->bonus_percent <= 0)
        snprintf(buf, size, "%s", "");
    else
        snprintf(buf, size, "Streak bonus +%d%%", s->bonus_percent);
}

void results_left_out_text(const SessionView *v, char *buf, size_t size)
{
    if (!v || v->left_out <= 0 || !v->left_out_name)
        snprintf(buf, size, "%s", "");
    else if (v->left_out == 1)
        snprintf(buf, size, "Left out today: %s (no side chosen)", v->left_out_name);
    else
        snprintf(buf, size, "Left out today: %s and %d more (no side chosen)", v->left_out_name, v->left_out - 1);
}

/* A line at x, y in a column w wide; returns the next y. */
static int line(Render *rd, int x, int y, int w, const char *s, int units, int min_units, SDL_Color c)
{
    return y + render_text(rd, s, units, min_units, c, x, y, TEXT_LEFT, w, 3);
}

/* The advice box: heading (may be NULL), then first (may be NULL), then when to see a doctor. */
static void draw_advice(Render *rd, SDL_Rect area, const char *heading, const char *first)
{
    const RenderStyle *st = render_style(rd);
    int pad = render_px(rd, st->pause_pad);
    render_box(rd, area, render_px(rd, st->radius_box), st->warning_bg);
    int x = area.x + pad, w = area.w - 2 * pad, y = area.y + pad;
    if (heading)
        y = line(rd, x, y, w, heading, st->text_heading, st->text_body, st->warning_text);
    if (first)
        y = line(rd, x, y + render_px(rd, st->line_gap), w, first, st->text_body, 0, st->warning_text) +
            render_px(rd, st->gap);
    for (int i = 0; results_doctor_lines[i]; i++)
        y = line(rd, x, y, w, results_doctor_lines[i], st->text_body, 0, st->warning_text);
}

void results_draw_advice(Render *rd, SDL_Rect area, const char *heading)
{
    draw_advice(rd, area, heading, NULL);
}

/* Every step of today done (at the results, steps never reached count as skipped, and one left out
 * for want of a side is neither): the session's own "completed". */
static bool all_done(const SessionView *v)
{
    return v->score->steps_done > 0 && v->score->steps_skipped == 0;
}

const char *results_headline(const SessionView *v)
{
    if (v->hurt_ended)
        return "Stopped for today";
    if (v->ended_early || !all_done(v))
        return "Workout ended";
    if (v->pain_stop || session_score_unpressed(v->score))
        return "Workout done"; /* done, but the pain rose after it, or nothing was pressed: not praised */
    return "Well done!";
}

bool results_show_score(const SessionView *v)
{
    return !v->hurt_ended;
}

void results_stop_text(const SessionView *v, char *buf, size_t size)
{
    if (v->hurt_ended && v->hurt_rule > 0 && v->routine && v->hurt_rule <= v->routine->stop_if_count)
        snprintf(buf, size, "Stop for today: %s", v->routine->stop_if[v->hurt_rule - 1]); /* as "It hurts" said */
    else if (v->pain_before >= 0 && v->pain_after >= 0 && v->pain_after - v->pain_before >= SESSION_PAIN_STOP_RISE)
        snprintf(buf, size, "Stop for today: pain %d \xE2\x86\x92 %d", v->pain_before, v->pain_after);
    else if (v->pain_after >= 0)
        snprintf(buf, size, "Stop for today: pain %d of 10", v->pain_after);
    else
        snprintf(buf, size, "Stop for today: it hurt"); /* ended through "It hurts", pain not given */
}

const char *results_stop_advice(const SessionView *v)
{
    return v->hurt_ended && v->hurt_rule > 0 ? RESULTS_RULE_ADVICE : NULL;
}

/* "Not saved" in its warning box at y when status says so; returns the next y. */
static int not_saved(Render *rd, int x, int y, int w, HistoryStatus status)
{
    if (status != HISTORY_STATUS_NOT_SAVED)
        return y;
    /* said plainly: nothing on this screen pretends the workout was kept */
    const RenderStyle *st = render_style(rd);
    const char *ns = "Not saved: this workout is not in your history.";
    int gap = render_px(rd, st->gap), px = render_px(rd, st->text_body), tw, th;
    text_measure(rd->text, ns, px, w - 2 * gap, 2, &tw, &th);
    SDL_Rect box = {x, y + gap, w, th + 2 * gap};
    render_box(rd, box, render_px(rd, st->radius_badge), st->warning_bg);
    text_draw(rd->text, ns, px, st->warning_text, x + gap, box.y + gap, TEXT_LEFT, w - 2 * gap, 2);
    return box.y + box.h + gap;
}

/* A line of what was done with, right-aligned on the same line in quieter type, the points it
 * earned; the label keeps its size unless the two do not fit side by side. */
static int scored_line(Render *rd, int x, int y, int w, const char *what, long points)
{
    const RenderStyle *st = render_style(rd);
    char p[32];
    int pw, ph, gap = render_px(rd, st->gap);
    snprintf(p, sizeof p, "%ld points", points);
    text_measure(rd->text, p, render_px(rd, st->text_body), 0, 1, &pw, &ph);
    int lh = line(rd, x, y, w - pw - gap, what, st->text_result, st->text_body_min, st->text) - y;
    /* on the label's baseline, roughly: the two sizes share the line's bottom */
    render_text(rd, p, st->text_body, 0, st->text_quiet, x + w, y + lh - ph - render_px(rd, st->line_gap), TEXT_RIGHT,
                0, 1);
    return y + lh;
}

/* The pain line: "Pain: 3 before, 6 after (of 10)"; after "It hurts", "6 when you stopped". */
static void pain_text(const SessionView *v, char *b, size_t size)
{
    char pb[16] = "-", pa[16] = "-";
    if (v->pain_before >= 0)
        snprintf(pb, sizeof pb, "%d", v->pain_before);
    if (v->pain_after >= 0)
        snprintf(pa, sizeof pa, "%d", v->pain_after);
    snprintf(b, size, "Pain: %s before, %s %s (of 10)", pb, pa, v->hurt_ended ? "when you stopped" : "after");
}

/* The right column when nothing is wrong: what was done. */
static void draw_stats(Render *rd, SDL_Rect col, const SessionView *v)
{
    const RenderStyle *st = render_style(rd);
    const SessionScore *sc = v->score;
    int x = col.x, w = col.w, y = col.y;
    char b[160];
    /* each line says what its points were for; together they add up to the score */
    snprintf(b, sizeof b, "Exercises done: %d of %d", sc->exercises_done, sc->exercises); /* not rests */
    y = scored_line(rd, x, y, w, b, sc->points_steps);
    /* a step left out (its side not known) is not one of today's: said as a plain fact, not a miss */
    results_left_out_text(v, b, sizeof b);
    if (b[0])
        y = line(rd, x, y, w, b, st->text_body, st->text_body_min, st->text_quiet);
    if (sc->reps_target > 0) {
        snprintf(b, sizeof b, "Reps counted: %d of %d", sc->reps_done, sc->reps_target);
        y = scored_line(rd, x, y, w, b, sc->points_reps);
        if (sc->reps_done > 0) {
            snprintf(b, sizeof b, "On the beat: %d%% \xC2\xB7 best %d in a row",
                     100 * sc->reps_on_tempo / sc->reps_done, sc->best_combo);
            y = line(rd, x, y, w, b, st->text_result, st->text_body_min, st->text);
        }
    }
    if (sc->holds_total > 0) {
        snprintf(b, sizeof b, "Holds done: %d of %d", sc->holds_done, sc->holds_total);
        y = scored_line(rd, x, y, w, b, sc->points_holds);
    }
    if (v->pain_before >= 0 || v->pain_after >= 0) {
        pain_text(v, b, sizeof b);
        y = line(rd, x, y, w, b, st->text_result, st->text_body_min, st->text);
    }
    line(rd, x, y + render_px(rd, st->gap), w, session_verdict(sc), st->text_body, 0, st->heading);
}

/* The left column after a stop through "It hurts": a calm heading, what was done before it, the
 * pain; no score, no fanfare's words, nothing about the next workout today. Returns the next y. */
static int draw_stopped(Render *rd, SDL_Rect col, const SessionView *v, const StreakSummary *sk)
{
    const RenderStyle *st = render_style(rd);
    const SessionScore *sc = v->score;
    int x = col.x, w = col.w, y = col.y, gap = render_px(rd, st->gap);
    char b[160];
    y = line(rd, x, y, w, results_headline(v), st->text_heading, st->text_body, st->text);
    y = line(rd, x, y, w, "Stopping when it hurts is the right thing to do.", st->text_body, st->text_body_min,
             st->text_quiet);
    y = line(rd, x, y + gap, w, "Before you stopped:", st->text_result, st->text_body_min, st->text);
    if (sc->exercises_done > 0)
        snprintf(b, sizeof b, "Exercises done: %d of %d", sc->exercises_done, sc->exercises);
    else
        snprintf(b, sizeof b, "No exercise finished yet (%d planned)", sc->exercises);
    y = line(rd, x, y, w, b, st->text_result, st->text_body_min, st->text);
    if (sc->reps_done > 0) {
        snprintf(b, sizeof b, "Reps counted: %d", sc->reps_done);
        y = line(rd, x, y, w, b, st->text_result, st->text_body_min, st->text);
    }
    if (sc->holds_done > 0) {
        snprintf(b, sizeof b, "Holds done: %d", sc->holds_done);
        y = line(rd, x, y, w, b, st->text_result, st->text_body_min, st->text);
    }
    if (v->pain_before >= 0 || v->pain_after >= 0) {
        pain_text(v, b, sizeof b);
        y = line(rd, x, y, w, b, st->text_result, st->text_body_min, st->text);
    }
    if (sk && sk->current >= 2) { /* a stop for pain never breaks a streak: said quietly, not celebrated */
        snprintf(b, sizeof b, "Your streak goes on: day %d in a row.", sk->current);
        y = line(rd, x, y + gap, w, b, st->text_body, st->text_body_min, st->text_quiet);
    }
    return y;
}

void results_draw(Render *rd, const SessionView *v, const HistoryRecorder *rec)
{
    const RenderStyle *st = render_style(rd);
    RenderLayout l = render_layout(rd);
    int gap = render_px(rd, st->gap), m = render_px(rd, st->margin);
    SDL_Rect left = {l.body.x, l.body.y, l.body.w / 2 - gap, l.body.h};
    SDL_Rect right = {left.x + left.w + m, l.body.y, l.body.x + l.body.w - (left.x + left.w + m), l.body.h};
    HistoryStatus status = rec ? history_recorder_status(rec) : HISTORY_STATUS_NONE;
    const StreakSummary *sk = rec && rec->have_streak ? &rec->streak : NULL;
    int x = left.x, w = left.w, y = left.y;
    char b[160];

    char head[ROUTINE_MAX_TEXT_BYTES + 64];
    if (!results_show_score(v)) { /* stopped through "It hurts" */
        y = draw_stopped(rd, left, v, sk);
        y = not_saved(rd, x, y, w, status);
        line(rd, x, y + gap, w, "Press to finish.", st->text_body, 0, st->text_quiet);
        results_stop_text(v, head, sizeof head);
        draw_advice(rd, right, head, results_stop_advice(v));
        return;
    }
    /* the same words as the session's last ones; the success colour only for a workout done with
     * the pain no worse */
    const char *headline = results_headline(v);
    bool success = !v->pain_stop && strcmp(headline, "Workout ended") != 0;
    y = line(rd, x, y, w, headline, st->text_heading, st->text_body, success ? st->heading : st->text);
    /* the streak: the centre of the screen, in the largest type after the headline */
    results_streak_text(sk, b, sizeof b);
    if (b[0])
        y = line(rd, x, y, w, b, st->text_headline, st->text_stat_min, st->attention);
    /* the score against what the routine could earn; the lines on the right say what for */
    long score = v->score->score;
    int bonus = rec && status == HISTORY_STATUS_SAVED ? rec->w.bonus_percent : 0;
    snprintf(b, sizeof b, "Score: %ld of %ld", score, v->score->score_max);
    y = line(rd, x, y, w, b, st->text_score, st->text_body_min, st->attention);
    if (bonus > 0 && sk) {
        char day[96];
        results_bonus_text(sk, day, sizeof day);
        snprintf(b, sizeof b, "%s = %ld", day, streak_apply_bonus(score, bonus));
        y = line(rd, x, y, w, b, st->text_result, st->text_body_min, st->text);
    }
    if (rec && rec->have_freq && !v->pain_stop) { /* the routine's own prescription: "2 of 3 today — next one
                                                     later today"; never beside "Stop for today" */
        streak_frequency_next_text(&rec->freq, b, sizeof b);
        y = line(rd, x, y + gap, w, b, st->text_result, st->text_body_min, st->attention);
    }
    if (sk) {
        snprintf(b, sizeof b, "%d of %d this week%s", sk->week_days, sk->week_goal,
                 sk->week_days >= sk->week_goal ? ": goal reached" : "");
        y = line(rd, x, y + gap, w, b, st->text_result, st->text_body_min, st->text);
        SDL_Rect track = {x, y, w * 2 / 3, render_px(rd, st->progress_h)};
        render_box(rd, track, track.h / 2, st->progress_track);
        int goal = sk->week_goal > 0 ? sk->week_goal : 1;
        int days = sk->week_days < goal ? sk->week_days : goal;
        if (days > 0) {
            SDL_Rect done = track;
            done.w = track.w * days / goal;
            render_box(rd, done, track.h / 2, st->progress_fill);
        }
        y += track.h + gap;
        if (sk->rest_day_used)
            y = line(rd, x, y, w, "Rest day used this week", st->text_body, st->text_body_min, st->text_quiet);
        else if (sk->rest_days_left > 0)
            y = line(rd, x, y, w, "1 rest day left this week", st->text_body, st->text_body_min, st->text_quiet);
    }
    y = not_saved(rd, x, y, w, status);
    line(rd, x, y + gap, w, "Press to finish.", st->text_body, 0, st->text_quiet);

    if (v->pain_stop) {
        results_stop_text(v, head, sizeof head);
        results_draw_advice(rd, right, head);
    } else {
        draw_stats(rd, right, v);
    }
}
