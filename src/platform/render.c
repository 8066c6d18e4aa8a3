/* render.c: every screen, laid out from the output size (1 unit = 1 px at 1920x1080). High
 * contrast, large type for reading at 3 metres; text is fitted or wrapped, never clipped.
 * Reads state only; all decisions are in core. */
#include "render.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

const char *const render_safety_lines[] = {
    "Move slowly and gently. Stop if the pain gets worse.",
    "See a doctor if your back pain persists or worsens, comes with fever, weight loss, numbness or "
    "weakness, or follows an injury such as a fall.",
    NULL,
};

static const SDL_Color COL_BG = {14, 22, 36, 255};
static const SDL_Color COL_PANEL = {26, 38, 58, 255};
static const SDL_Color COL_TEXT = {246, 248, 251, 255};
static const SDL_Color COL_MUTED = {176, 192, 212, 255};
static const SDL_Color COL_ACCENT = {96, 228, 192, 255};
static const SDL_Color COL_WARM = {255, 200, 96, 255};
static const SDL_Color COL_TRACK = {44, 60, 86, 255};
static const SDL_Color COL_STAGE = {236, 232, 224, 255}; /* a light mat-room card: the figure reads on it */
static const SDL_Color COL_STAGE_TEXT = {52, 64, 84, 255};

#define CAPTION_MAX_LINES 5 /* a caption wraps to at most this many lines ... */
#define CAPTION_MIN_UNITS 28 /* ... shrinking down to this size (layout units) */

typedef struct {
    double u; /* pixels per layout unit */
    int w, h;
    SDL_Rect top, stage, panel, caption;
} Layout;

static int U(const Layout *l, double v)
{
    return (int)lround(v * l->u);
}

static Layout layout_of(const Render *rd)
{
    Layout l;
    l.w = rd->w;
    l.h = rd->h;
    double ux = rd->w / 1920.0, uy = rd->h / 1080.0;
    l.u = ux < uy ? ux : uy;
    int m = U(&l, 40);
    l.top = (SDL_Rect){m, U(&l, 20), rd->w - 2 * m, U(&l, 110)};
    int cap_h = U(&l, 190);
    l.caption = (SDL_Rect){m, rd->h - cap_h - U(&l, 24), rd->w - 2 * m, cap_h};
    int stage_top = l.top.y + l.top.h + U(&l, 16);
    int stage_w = (int)(rd->w * 0.58);
    l.stage = (SDL_Rect){m, stage_top, stage_w - m, l.caption.y - stage_top - U(&l, 16)};
    l.panel = (SDL_Rect){stage_w + m / 2, stage_top, rd->w - stage_w - m - m / 2, l.stage.h};
    return l;
}

SDL_Rect render_stage_rect(const Render *rd)
{
    return layout_of(rd).stage;
}

SDL_Rect render_button_rect(const Render *rd, ButtonId b)
{
    Layout l = layout_of(rd);
    int gap = U(&l, 16);
    int bh = U(&l, 110);
    int y = l.panel.y + l.panel.h - bh;
    int n = 3;
    int bw = (l.panel.w - gap * (n - 1)) / n;
    switch (b) {
    case BUTTON_BACK: return (SDL_Rect){l.panel.x, y, bw, bh};
    case BUTTON_PAUSE: return (SDL_Rect){l.panel.x + bw + gap, y, bw, bh};
    case BUTTON_SKIP: return (SDL_Rect){l.panel.x + 2 * (bw + gap), y, bw, bh};
    case BUTTON_COUNT_REP:
    default: return l.stage;
    }
}

/* ---- drawing helpers ---- */

static void fill(SDL_Renderer *r, SDL_Rect rc, SDL_Color c)
{
    SDL_SetRenderDrawColor(r, c.r, c.g, c.b, c.a);
    SDL_SetRenderDrawBlendMode(r, c.a < 255 ? SDL_BLENDMODE_BLEND : SDL_BLENDMODE_NONE);
    SDL_RenderFillRect(r, &rc);
}

/* A filled rectangle with rounded corners of radius rad, drawn as horizontal spans. */
static void fill_round(SDL_Renderer *r, SDL_Rect rc, int rad, SDL_Color c)
{
    if (rad * 2 > rc.h)
        rad = rc.h / 2;
    if (rad * 2 > rc.w)
        rad = rc.w / 2;
    SDL_Rect mid = {rc.x, rc.y + rad, rc.w, rc.h - 2 * rad};
    fill(r, mid, c);
    for (int i = 0; i < rad; i++) {
        double dy = rad - i - 0.5;
        int dx = (int)lround(rad - sqrt((double)rad * rad - dy * dy));
        SDL_Rect a = {rc.x + dx, rc.y + i, rc.w - 2 * dx, 1};
        SDL_Rect b = {rc.x + dx, rc.y + rc.h - 1 - i, rc.w - 2 * dx, 1};
        fill(r, a, c);
        fill(r, b, c);
    }
}

static void progress_bar(SDL_Renderer *r, SDL_Rect rc, double frac, SDL_Color c)
{
    fill_round(r, rc, rc.h / 2, COL_TRACK);
    if (frac <= 0)
        return;
    if (frac > 1)
        frac = 1;
    SDL_Rect done = rc;
    done.w = (int)(rc.w * frac);
    if (done.w < rc.h)
        done.w = rc.h;
    fill_round(r, done, rc.h / 2, c);
}

static void format_clock(int ms, char *buf, size_t size)
{
    int s = (ms + 999) / 1000;
    if (s >= 60)
        snprintf(buf, size, "%d:%02d", s / 60, s % 60);
    else
        snprintf(buf, size, "%d", s);
}

static int text_fitted(Render *rd, const char *s, int px, int min_px, SDL_Color c, int x, int y, TextAlign a, int max_w)
{
    int p = text_fit(rd->text, s, px, min_px, max_w);
    return text_draw(rd->text, s, p, c, x, y, a, max_w, 2);
}

static void draw_stage(Render *rd, const Layout *l, const SessionView *v)
{
    fill_round(rd->r, l->stage, U(l, 28), COL_STAGE);
    bool drawn = rd->sprites && sprites_draw(rd->sprites, v, l->stage);
    if (!drawn) {
        /* no sprite sheet: the move's name stands on the stage */
        const MoveInfo *mi = moves_info(v->figure);
        const char *name = mi ? mi->name : "";
        int px = text_fit(rd->text, name, U(l, 120), U(l, 40), l->stage.w - U(l, 40));
        int tw, th;
        text_measure(rd->text, name, px, l->stage.w - U(l, 40), 2, &tw, &th);
        text_draw(rd->text, name, px, COL_STAGE_TEXT, l->stage.x + l->stage.w / 2, l->stage.y + (l->stage.h - th) / 2,
                  TEXT_CENTER, l->stage.w - U(l, 40), 2);
    }
}

static void draw_button(Render *rd, const Layout *l, SDL_Rect rc, const char *label, bool active)
{
    fill_round(rd->r, rc, U(l, 18), active ? COL_ACCENT : COL_PANEL);
    int px = text_fit(rd->text, label, U(l, 40), U(l, 20), rc.w - U(l, 20));
    int tw, th;
    text_measure(rd->text, label, px, 0, 1, &tw, &th);
    text_draw(rd->text, label, px, active ? COL_BG : COL_TEXT, rc.x + rc.w / 2, rc.y + (rc.h - th) / 2, TEXT_CENTER, 0,
              1);
}

static void draw_caption(Render *rd, const Layout *l, const char *caption)
{
    if (!caption || !*caption)
        return;
    fill_round(rd->r, l->caption, U(l, 22), COL_PANEL);
    int maxw = l->caption.w - U(l, 80);
    int px = U(l, 56), min_px = U(l, CAPTION_MIN_UNITS);
    int tw, th;
    /* shrink until the caption fits the band in up to CAPTION_MAX_LINES lines; only a cue
     * longer than a long spoken sentence (~400 bytes) is cut at the smallest size */
    for (;;) {
        text_measure(rd->text, caption, px, maxw, CAPTION_MAX_LINES, &tw, &th);
        if (th <= l->caption.h - U(l, 16) || px <= min_px)
            break;
        px = px * 9 / 10;
        if (px < min_px)
            px = min_px;
    }
    text_draw(rd->text, caption, px, COL_TEXT, l->caption.x + l->caption.w / 2, l->caption.y + (l->caption.h - th) / 2,
              TEXT_CENTER, maxw, CAPTION_MAX_LINES);
}

static void draw_top(Render *rd, const Layout *l, const char *title, const SessionView *v)
{
    char right[64] = "";
    if (v->step_index >= 0)
        snprintf(right, sizeof right, "Step %d of %d", v->step_index + 1, v->step_count);
    else if (v->kind == SEG_RESULTS)
        snprintf(right, sizeof right, "Finished");
    int rw = 0, rh = 0;
    text_measure(rd->text, right, U(l, 44), 0, 1, &rw, &rh);
    text_draw(rd->text, right, U(l, 44), COL_MUTED, l->top.x + l->top.w, l->top.y, TEXT_RIGHT, 0, 1);
    text_fitted(rd, title, U(l, 44), U(l, 24), COL_TEXT, l->top.x, l->top.y, TEXT_LEFT, l->top.w - rw - U(l, 40));
    SDL_Rect bar = {l->top.x, l->top.y + U(l, 70), l->top.w, U(l, 18)};
    progress_bar(rd->r, bar, v->progress, COL_ACCENT);
}

static const char *side_name(Sides s)
{
    return s == SIDES_LEFT ? "Left side" : s == SIDES_RIGHT ? "Right side" : NULL;
}

static const char *step_title(const RoutineStep *st)
{
    if (!st)
        return "";
    if (st->kind == STEP_REST)
        return "Rest";
    if (st->kind == STEP_TIMER)
        return "Timer";
    return moves_info(st->move)->name;
}

/* A duration for the dose line: "5 s", "1.5 s", "2 min", "1 min 30 s". */
static void dose_duration(int ms, char *buf, size_t size)
{
    if (ms < 60000 && ms % 1000 != 0)
        snprintf(buf, size, "%.1f s", ms / 1000.0);
    else if (ms < 60000)
        snprintf(buf, size, "%d s", ms / 1000);
    else if (ms % 60000 == 0)
        snprintf(buf, size, "%d min", ms / 60000);
    else
        snprintf(buf, size, "%d min %d s", ms / 60000, (ms % 60000 + 500) / 1000);
}

/* Append part to buf, after a middle dot when buf is not empty; a part that does not fit is left out. */
static void dose_add(char *buf, size_t size, const char *part)
{
    size_t n = strlen(buf), m = strlen(part), sep = n ? 4 : 0; /* " · " is 4 bytes */
    if (n + sep + m + 1 > size)
        return;
    memcpy(buf + n, " \xC2\xB7 ", sep);
    memcpy(buf + n + sep, part, m + 1);
}

/* The dose in words, unambiguous about what each number means:
 * "8–10 reps × 5 s · hold 3 s at the top · each side · 3 sets", "Hold 45 s", "Hold for 3 breaths". */
static void dose_text(const RoutineStep *st, char *buf, size_t size)
{
    char d[32], part[96];
    buf[0] = 0;
    if (!st || st->kind != STEP_MOVE) {
        if (st && st->kind == STEP_TIMER) {
            dose_duration(st->duration_ms, d, sizeof d);
            snprintf(buf, size, "Timer: %s", d);
        }
        return;
    }
    if (st->reps > 0) {
        int n;
        if (st->reps_max > st->reps)
            n = snprintf(part, sizeof part, "%d\xE2\x80\x93%d reps", st->reps, st->reps_max);
        else
            n = snprintf(part, sizeof part, "%d rep%s", st->reps, st->reps == 1 ? "" : "s");
        if (st->tempo_ms > 0 && n > 0 && (size_t)n < sizeof part) {
            dose_duration(st->tempo_ms, d, sizeof d);
            snprintf(part + n, sizeof part - (size_t)n, " \xC3\x97 %s", d);
        }
        dose_add(buf, size, part);
        if (st->hold_ms > 0) {
            dose_duration(st->hold_ms, d, sizeof d);
            snprintf(part, sizeof part, "hold %s at the top", d);
            dose_add(buf, size, part);
        }
    } else if (st->hold_breaths > 0) {
        snprintf(part, sizeof part, "Hold for %d breath%s", st->hold_breaths, st->hold_breaths == 1 ? "" : "s");
        dose_add(buf, size, part);
    } else {
        dose_duration(st->hold_ms, d, sizeof d);
        snprintf(part, sizeof part, "Hold %s", d);
        dose_add(buf, size, part);
    }
    if (st->sides == SIDES_BOTH)
        dose_add(buf, size, "each side");
    if (st->sets > 1) {
        snprintf(part, sizeof part, "%d sets", st->sets);
        dose_add(buf, size, part);
    }
}

/* ---- the panels of each segment ---- */

static int panel_line(Render *rd, const Layout *l, int y, const char *s, int px, SDL_Color c)
{
    if (!s || !*s)
        return y;
    int h = text_draw(rd->text, s, px, c, l->panel.x, y, TEXT_LEFT, l->panel.w, 3);
    return y + h + U(l, 8);
}

/* The dose line: fitted to one line of the panel (down to 28 units), else wrapped to two. */
static int dose_px(Render *rd, const Layout *l, const char *dose)
{
    return text_fit(rd->text, dose, U(l, 40), U(l, 28), l->panel.w);
}

/* Bottom of the panel's text: above the touch buttons. */
static int panel_bottom(const Render *rd, const Layout *l)
{
    return render_button_rect(rd, BUTTON_PAUSE).y - U(l, 16);
}

/* Height a panel_line of s would take. */
static int line_height(Render *rd, const Layout *l, const char *s, int px)
{
    int w, h;
    if (!s || !*s)
        return 0;
    text_measure(rd->text, s, px, l->panel.w, 3, &w, &h);
    return h + U(l, 8);
}

/* Draw the big number at the largest size up to 230 units that fits in avail pixels. */
static int draw_big(Render *rd, const Layout *l, const char *big, SDL_Color c, int y, int avail)
{
    int px = U(l, 230);
    int w, h;
    for (;;) {
        text_measure(rd->text, big, px, 0, 1, &w, &h);
        if ((h <= avail && w <= l->panel.w) || px <= U(l, 60))
            break;
        px = px * 9 / 10;
    }
    return text_draw(rd->text, big, px, c, l->panel.x, y, TEXT_LEFT, 0, 1);
}

static void draw_panel_work(Render *rd, const Layout *l, const SessionView *v)
{
    const RoutineStep *st = v->step;
    int y = l->panel.y;
    char line[128], big[32], dose[160], counted[64], next[96];
    y += text_fitted(rd, step_title(st), U(l, 80), U(l, 40), COL_TEXT, l->panel.x, y, TEXT_LEFT, l->panel.w) + U(l, 6);
    const char *side = side_name(v->side);
    if (v->sets > 1 && side)
        snprintf(line, sizeof line, "%s \xC2\xB7 set %d of %d", side, v->set, v->sets);
    else if (v->sets > 1)
        snprintf(line, sizeof line, "Set %d of %d", v->set, v->sets);
    else
        snprintf(line, sizeof line, "%s", side ? side : "");
    y = panel_line(rd, l, y, line, U(l, 48), COL_ACCENT);
    const char *label;
    SDL_Color bigc = COL_TEXT;
    if (v->kind == SEG_WORK && v->reps > 0) {
        if (st->pacing == PACING_SELF) {
            snprintf(big, sizeof big, "%d / %d", v->counted, v->reps);
            label = "press after each rep";
        } else {
            snprintf(big, sizeof big, "%d / %d", v->rep, v->reps);
            snprintf(counted, sizeof counted, "you counted %d", v->counted);
            label = v->counted > 0 ? counted : "press to count a rep";
        }
    } else {
        format_clock(v->remaining_ms, big, sizeof big);
        label = v->remaining_ms > 60000 ? "minutes left" : "seconds left";
        if (v->awaiting_press)
            label = "press and hold while you hold the pose";
        else if (v->holding && st && st->confirm_hold)
            label = "holding \xC2\xB7 keep pressing";
        if (v->remaining_ms <= 3000 && v->kind == SEG_WORK)
            bigc = COL_WARM;
    }
    dose_text(st, dose, sizeof dose);
    snprintf(next, sizeof next, "%s%s", v->next ? "Next: " : "Last step", v->next ? step_title(v->next) : "");
    int below = line_height(rd, l, label, U(l, 40)) + line_height(rd, l, dose, dose_px(rd, l, dose)) +
                line_height(rd, l, next, U(l, 44)) + U(l, 20);
    y += draw_big(rd, l, big, bigc, y, panel_bottom(rd, l) - y - below + U(l, 20)) - U(l, 20);
    y = panel_line(rd, l, y, label, U(l, 40), COL_MUTED);
    y = panel_line(rd, l, y + U(l, 10), dose, dose_px(rd, l, dose), COL_MUTED);
    panel_line(rd, l, y + U(l, 10), next, U(l, 44), COL_TEXT);
    /* streaks on the stage's corner, where the eye already is */
    line[0] = 0;
    if (v->score && v->reps > 0 && v->score->combo >= 2)
        snprintf(line, sizeof line, "Combo %d  \xC3\x97%d", v->score->combo, v->multiplier);
    else if (v->score && v->reps == 0 && st && st->confirm_hold && v->score->hold_streak >= 1)
        snprintf(line, sizeof line, "Hold streak %d", v->score->hold_streak);
    if (line[0]) {
        int tw, th;
        text_measure(rd->text, line, U(l, 48), 0, 1, &tw, &th);
        SDL_Rect badge = {l->stage.x + l->stage.w - tw - U(l, 56), l->stage.y + U(l, 16), tw + U(l, 40), th + U(l, 12)};
        fill_round(rd->r, badge, U(l, 16), COL_BG);
        text_draw(rd->text, line, U(l, 48), COL_WARM, badge.x + U(l, 20), badge.y + U(l, 6), TEXT_LEFT, 0, 1);
    }
}

static void draw_panel_countdown(Render *rd, const Layout *l, const SessionView *v, const char *heading)
{
    const RoutineStep *st = v->step;
    int y = l->panel.y;
    char big[16], dose[160];
    y = panel_line(rd, l, y, heading, U(l, 56), COL_ACCENT);
    y += text_fitted(rd, step_title(st), U(l, 80), U(l, 40), COL_TEXT, l->panel.x, y, TEXT_LEFT, l->panel.w) + U(l, 6);
    const char *side = side_name(v->side);
    if (side)
        y = panel_line(rd, l, y, side, U(l, 48), COL_ACCENT);
    dose_text(st, dose, sizeof dose);
    y = panel_line(rd, l, y, dose, dose_px(rd, l, dose), COL_MUTED);
    format_clock(v->remaining_ms, big, sizeof big);
    draw_big(rd, l, big, COL_WARM, y, panel_bottom(rd, l) - y);
}

static void draw_safety(Render *rd, const Layout *l, const SessionView *v, const char *title)
{
    int y = l->panel.y;
    char line[96];
    y = panel_line(rd, l, y, "Before you start", U(l, 64), COL_ACCENT);
    y += U(l, 10);
    for (int i = 0; render_safety_lines[i]; i++)
        y += text_draw(rd->text, render_safety_lines[i], U(l, 40), COL_TEXT, l->panel.x, y, TEXT_LEFT, l->panel.w,
                       TEXT_MAX_LINES) +
             U(l, 14);
    y += U(l, 20);
    snprintf(line, sizeof line, "%s starts in %d s.", title, (v->remaining_ms + 999) / 1000);
    y = panel_line(rd, l, y, line, U(l, 40), COL_MUTED);
    panel_line(rd, l, y, "Press to start now.", U(l, 40), COL_MUTED);
}

static void draw_intro(Render *rd, const Layout *l, const SessionView *v, const char *title)
{
    int y = l->panel.y;
    char line[96];
    y += text_fitted(rd, title, U(l, 84), U(l, 40), COL_TEXT, l->panel.x, y, TEXT_LEFT, l->panel.w) + U(l, 10);
    int steps = v->step_count;
    snprintf(line, sizeof line, "%d steps", steps);
    y = panel_line(rd, l, y, line, U(l, 44), COL_ACCENT);
    if (v->next) {
        snprintf(line, sizeof line, "First: %s", step_title(v->next));
        y = panel_line(rd, l, y + U(l, 10), line, U(l, 44), COL_TEXT);
    }
    snprintf(line, sizeof line, "Starting in %d s \xC2\xB7 press to start now", (v->remaining_ms + 999) / 1000);
    panel_line(rd, l, y + U(l, 20), line, U(l, 40), COL_MUTED);
}

static void draw_results(Render *rd, const Layout *l, const SessionView *v)
{
    const SessionScore *sc = v->score;
    int y = l->panel.y;
    char line[128];
    y += text_fitted(rd, v->ended_early ? "Workout ended" : "Well done!", U(l, 96), U(l, 48), COL_ACCENT, l->panel.x, y,
                     TEXT_LEFT, l->panel.w) +
         U(l, 8);
    snprintf(line, sizeof line, "Steps done: %d of %d", sc->steps_done, v->step_count);
    y = panel_line(rd, l, y, line, U(l, 44), COL_TEXT);
    if (sc->reps_target > 0) {
        snprintf(line, sizeof line, "Reps counted: %d of %d", sc->reps_done, sc->reps_target);
        y = panel_line(rd, l, y, line, U(l, 44), COL_TEXT);
        if (sc->reps_done > 0) {
            snprintf(line, sizeof line, "On tempo: %d%%", 100 * sc->reps_on_tempo / sc->reps_done);
            y = panel_line(rd, l, y, line, U(l, 44), COL_TEXT);
        }
    }
    if (sc->holds_total > 0) {
        snprintf(line, sizeof line, "Holds completed: %d of %d", sc->holds_done, sc->holds_total);
        y = panel_line(rd, l, y, line, U(l, 44), COL_TEXT);
    }
    if (sc->reps_target > 0) {
        snprintf(line, sizeof line, "Best combo: %d", sc->best_combo);
        y = panel_line(rd, l, y, line, U(l, 44), COL_TEXT);
    }
    snprintf(line, sizeof line, "Score: %ld", sc->score);
    y = panel_line(rd, l, y, line, U(l, 56), COL_WARM);
    y = panel_line(rd, l, y + U(l, 6), session_verdict(sc), U(l, 40), COL_ACCENT);
    panel_line(rd, l, y + U(l, 10), "Press to finish.", U(l, 40), COL_MUTED);
}

static void draw_pause(Render *rd, const Layout *l, const Overlay *ov)
{
    fill(rd->r, (SDL_Rect){0, 0, l->w, l->h}, (SDL_Color){6, 10, 18, 200});
    /* no-break spaces keep each key with its action when the line wraps */
#define NBSP "\xC2\xA0"
    const char *keys = "Press" NBSP "or" NBSP "tap" NBSP "to" NBSP "resume \xC2\xB7 S:" NBSP
                       "skip \xC2\xB7 Backspace:" NBSP "back \xC2\xB7 Q:" NBSP "end" NBSP "workout";
#undef NBSP
    const char *why = ov && ov->focus_lost ? "The window lost focus, so the workout waits for you." : NULL;
    int wrap = l->w - U(l, 320), kw, kh, ww = 0, wh = 0;
    text_measure(rd->text, keys, U(l, 44), wrap, 3, &kw, &kh);
    if (why)
        text_measure(rd->text, why, U(l, 44), wrap, 2, &ww, &wh);
    int content = U(l, 170) + (why ? wh + U(l, 10) : 0) + kh;
    SDL_Rect box = {U(l, 120), (l->h - content) / 2 - U(l, 50), l->w - U(l, 240), content + U(l, 100)};
    fill_round(rd->r, box, U(l, 32), COL_PANEL);
    int y = box.y + U(l, 40);
    text_draw(rd->text, "Paused", U(l, 140), COL_TEXT, l->w / 2, y, TEXT_CENTER, 0, 1);
    y += U(l, 170);
    if (why)
        y += text_draw(rd->text, why, U(l, 44), COL_MUTED, l->w / 2, y, TEXT_CENTER, wrap, 2) + U(l, 10);
    text_draw(rd->text, keys, U(l, 44), COL_ACCENT, l->w / 2, y, TEXT_CENTER, wrap, 3);
}

/* Notices sit on the stage card, where they never cover the panel, the list or the header:
 * a passing notice centred near its top, and a lasting "Sound off" badge in its corner. */
static void draw_notice(Render *rd, const Layout *l, const Overlay *ov)
{
    if (!ov)
        return;
    int maxw = l->stage.w - U(l, 80), tw, th;
    if (ov->notice && *ov->notice) {
        text_measure(rd->text, ov->notice, U(l, 40), maxw, 2, &tw, &th);
        int cx = l->stage.x + l->stage.w / 2;
        SDL_Rect box = {cx - tw / 2 - U(l, 30), l->stage.y + U(l, 20), tw + U(l, 60), th + U(l, 24)};
        fill_round(rd->r, box, U(l, 18), COL_BG);
        text_draw(rd->text, ov->notice, U(l, 40), COL_ACCENT, cx, box.y + U(l, 12), TEXT_CENTER, maxw, 2);
    } else if (ov->muted) {
        text_measure(rd->text, "Sound off", U(l, 36), 0, 1, &tw, &th);
        SDL_Rect box = {l->stage.x + U(l, 20), l->stage.y + U(l, 20), tw + U(l, 40), th + U(l, 16)};
        fill_round(rd->r, box, U(l, 16), COL_BG);
        text_draw(rd->text, "Sound off", U(l, 36), COL_WARM, box.x + U(l, 20), box.y + U(l, 8), TEXT_LEFT, 0, 1);
    }
}

void render_session(Render *rd, const SessionView *v, const char *routine_title, const Overlay *ov)
{
    Layout l = layout_of(rd);
    SDL_SetRenderDrawColor(rd->r, COL_BG.r, COL_BG.g, COL_BG.b, 255);
    SDL_RenderClear(rd->r);
    draw_top(rd, &l, routine_title, v);
    draw_stage(rd, &l, v);
    switch (v->kind) {
    case SEG_SAFETY: draw_safety(rd, &l, v, routine_title); break;
    case SEG_INTRO: draw_intro(rd, &l, v, routine_title); break;
    case SEG_READY: draw_panel_countdown(rd, &l, v, "Get ready"); break;
    case SEG_SWITCH: draw_panel_countdown(rd, &l, v, "Switch sides"); break;
    case SEG_SET_REST: draw_panel_countdown(rd, &l, v, "Rest before the next set"); break;
    case SEG_WORK: draw_panel_work(rd, &l, v); break;
    case SEG_RESULTS:
    case SEG_DONE: draw_results(rd, &l, v); break;
    }
    if (v->kind != SEG_SAFETY && v->kind != SEG_RESULTS && v->kind != SEG_DONE) {
        draw_button(rd, &l, render_button_rect(rd, BUTTON_BACK), "\xE2\x97\x80 Back", false);
        draw_button(rd, &l, render_button_rect(rd, BUTTON_PAUSE), v->paused ? "Resume" : "Pause", v->paused);
        draw_button(rd, &l, render_button_rect(rd, BUTTON_SKIP), "Skip \xE2\x96\xB6", false);
    }
    draw_caption(rd, &l, v->caption);
    draw_notice(rd, &l, ov);
    if (v->paused) {
        draw_pause(rd, &l, ov);
        /* the touch buttons stay usable above the dimmed screen */
        if (v->kind != SEG_SAFETY && v->kind != SEG_RESULTS && v->kind != SEG_DONE) {
            draw_button(rd, &l, render_button_rect(rd, BUTTON_BACK), "\xE2\x97\x80 Back", false);
            draw_button(rd, &l, render_button_rect(rd, BUTTON_PAUSE), "Resume", true);
            draw_button(rd, &l, render_button_rect(rd, BUTTON_SKIP), "Skip \xE2\x96\xB6", false);
        }
    }
}

/* The menu's rows: their height, the first one shown (the page holding the selected one) and how
 * many fit. render_menu and render_menu_row_at share it, so taps land on what is drawn. */
static void menu_rows(const Layout *l, int selected, int *row_h, int *first, int *visible)
{
    *row_h = U(l, 120);
    *visible = *row_h > 0 ? l->panel.h / *row_h : 1;
    if (*visible < 1)
        *visible = 1;
    /* whole pages: choosing any row on the page shown (a tap) never scrolls it away */
    *first = selected > 0 ? selected / *visible * *visible : 0;
}

int render_menu_row_at(const Render *rd, const LevelList *levels, int selected, int x, int y)
{
    Layout l = layout_of(rd);
    int row_h, first, visible;
    menu_rows(&l, selected, &row_h, &first, &visible);
    if (x < l.panel.x || x >= l.panel.x + l.panel.w || y < l.panel.y || row_h <= 0)
        return -1;
    int i = first + (y - l.panel.y) / row_h;
    if ((y - l.panel.y) % row_h >= row_h - U(&l, 12))
        return -1; /* the gap between two rows */
    return i < first + visible && i < levels->count ? i : -1;
}

void render_menu(Render *rd, const LevelList *levels, int selected, const SessionView *idle, const Overlay *ov)
{
    Layout l = layout_of(rd);
    SDL_SetRenderDrawColor(rd->r, COL_BG.r, COL_BG.g, COL_BG.b, 255);
    SDL_RenderClear(rd->r);
    text_draw(rd->text, "unknot", U(&l, 64), COL_ACCENT, l.top.x, l.top.y, TEXT_LEFT, 0, 1);
    const char *hint = "\xE2\x86\x91\xE2\x86\x93 choose \xC2\xB7 press to start \xC2\xB7 Q or Esc quit";
    int hint_px = text_fit(rd->text, hint, U(&l, 40), U(&l, 24), l.top.w * 2 / 3);
    text_draw(rd->text, hint, hint_px, COL_MUTED, l.top.x + l.top.w, l.top.y + U(&l, 14), TEXT_RIGHT, 0, 1);
    draw_stage(rd, &l, idle);
    int y = l.panel.y;
    int row_h, first, visible;
    menu_rows(&l, selected, &row_h, &first, &visible);
    for (int i = first; i < levels->count && i < first + visible; i++) {
        const LevelEntry *e = &levels->items[i];
        SDL_Rect row = {l.panel.x, y, l.panel.w, row_h - U(&l, 12)};
        fill_round(rd->r, row, U(&l, 18), i == selected ? COL_ACCENT : COL_PANEL);
        SDL_Color fg = i == selected ? COL_BG : COL_TEXT;
        char sub[160], total[32];
        if (e->valid) {
            int minutes = (int)((session_routine_ms(&e->routine) + 30000) / 60000);
            snprintf(total, sizeof total, "%d min", minutes < 1 ? 1 : minutes);
            if (e->routine.level > 0)
                snprintf(sub, sizeof sub, "Level %d \xC2\xB7 %s \xC2\xB7 %d steps", e->routine.level, total,
                         e->routine.step_count);
            else
                snprintf(sub, sizeof sub, "%s \xC2\xB7 %d steps", total, e->routine.step_count);
        } else {
            snprintf(sub, sizeof sub, "Cannot be played: see unknot --check");
        }
        const char *name = e->valid ? e->routine.title : e->path;
        int px = text_fit(rd->text, name, U(&l, 48), U(&l, 26), row.w - U(&l, 40));
        text_draw(rd->text, name, px, fg, row.x + U(&l, 20), row.y + U(&l, 8), TEXT_LEFT, 0, 1);
        text_draw(rd->text, sub, U(&l, 32), fg, row.x + U(&l, 20), row.y + U(&l, 64), TEXT_LEFT, row.w - U(&l, 40), 1);
        y += row_h;
    }
    if (levels->count == 0)
        text_draw(rd->text, "No routines found in levels/.", U(&l, 44), COL_TEXT, l.panel.x, y, TEXT_LEFT, l.panel.w,
                  2);
    if (selected >= 0 && selected < levels->count && levels->items[selected].valid &&
        levels->items[selected].routine.description)
        draw_caption(rd, &l, levels->items[selected].routine.description);
    draw_notice(rd, &l, ov);
}
