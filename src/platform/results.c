/* results.c: the results screen (results.h). Left: the headline, the streak in the largest type,
 * the score with its streak bonus, the week's goal and the rest day. Right: what was done, or,
 * when the pain check-ins say so, the advice to stop for today and when to see a doctor. */
#include "results.h"

#include <stdio.h>

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

void results_draw_advice(Render *rd, SDL_Rect area, const char *heading)
{
    const RenderStyle *st = render_style(rd);
    int pad = render_px(rd, st->pause_pad);
    render_box(rd, area, render_px(rd, st->radius_box), st->warning_bg);
    int x = area.x + pad, w = area.w - 2 * pad, y = area.y + pad;
    if (heading)
        y = line(rd, x, y, w, heading, st->text_heading, st->text_body, st->warning_text);
    for (int i = 0; results_doctor_lines[i]; i++)
        y = line(rd, x, y, w, results_doctor_lines[i], st->text_body, 0, st->warning_text);
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
        char pb[16] = "-", pa[16] = "-";
        if (v->pain_before >= 0)
            snprintf(pb, sizeof pb, "%d", v->pain_before);
        if (v->pain_after >= 0)
            snprintf(pa, sizeof pa, "%d", v->pain_after);
        snprintf(b, sizeof b, "Pain: %s before, %s after (of 10)", pb, pa);
        y = line(rd, x, y, w, b, st->text_result, st->text_body_min, st->text);
    }
    line(rd, x, y + render_px(rd, st->gap), w, session_verdict(sc), st->text_body, 0, st->heading);
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

    /* nothing pressed where a press scores (a walk-away): said plainly, not praised */
    const SessionScore *sc = v->score;
    bool unpressed = session_score_unpressed(sc);
    const char *headline = v->pain_stop     ? "Workout done"
                           : v->ended_early ? "Workout ended"
                           : unpressed      ? "Workout done"
                                            : "Well done!";
    y = line(rd, x, y, w, headline, st->text_heading, st->text_body, st->heading);
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
    if (rec && rec->have_freq) { /* the routine's own prescription: "2 of 3 today — next one later today" */
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
    if (status == HISTORY_STATUS_NOT_SAVED) {
        /* said plainly: nothing on this screen pretends the workout was kept */
        const char *ns = "Not saved: this workout is not in your history.";
        int px = render_px(rd, st->text_body), tw, th;
        text_measure(rd->text, ns, px, w - 2 * gap, 2, &tw, &th);
        SDL_Rect box = {x, y + gap, w, th + 2 * gap};
        render_box(rd, box, render_px(rd, st->radius_badge), st->warning_bg);
        text_draw(rd->text, ns, px, st->warning_text, x + gap, box.y + gap, TEXT_LEFT, w - 2 * gap, 2);
        y = box.y + box.h + gap;
    }
    line(rd, x, y + gap, w, "Press to finish.", st->text_body, 0, st->text_quiet);

    if (v->pain_stop) {
        char head[96];
        if (v->pain_before >= 0 && v->pain_after >= 0 && v->pain_after - v->pain_before >= SESSION_PAIN_STOP_RISE)
            snprintf(head, sizeof head, "Stop for today: pain %d \xE2\x86\x92 %d", v->pain_before, v->pain_after);
        else if (v->pain_after >= 0)
            snprintf(head, sizeof head, "Stop for today: pain %d of 10", v->pain_after);
        else
            snprintf(head, sizeof head, "Stop for today: it hurt"); /* ended through "It hurts", pain not given */
        results_draw_advice(rd, right, head);
    } else {
        draw_stats(rd, right, v);
    }
}
