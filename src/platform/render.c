/* render.c: every screen, laid out from the output size in layout units (1 unit = 1 px at
 * 1920x1080) with the sizes and colours of one RenderStyle. High contrast, large type for
 * reading at 3 metres; text is fitted or wrapped, never clipped. Reads state only; all decisions
 * are in core. */
#include "render.h"

#include "checkin.h"
#include "hurt.h"
#include "kiosk.h"
#include "sidepick.h"
#include "results.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

const char *const render_safety_lines[] = {
    SESSION_SAFETY_GENTLY, /* spoken too: session.c says the same words */
    SESSION_SAFETY_DOCTOR,
    NULL,
};

#define INK                                                                                                            \
    {                                                                                                                  \
        14, 22, 36, 255                                                                                                \
    } /* the background's dark blue: text on light (selected, active) fills */
#define MINT                                                                                                           \
    {                                                                                                                  \
        96, 228, 192, 255                                                                                              \
    }
#define AMBER                                                                                                          \
    {                                                                                                                  \
        255, 200, 96, 255                                                                                              \
    }
#define SLATE                                                                                                          \
    {                                                                                                                  \
        26, 38, 58, 255                                                                                                \
    }

const RenderStyle render_style_default = {
    .background = INK,
    .text = {246, 248, 251, 255},
    .text_quiet = {176, 192, 212, 255},
    .heading = MINT,
    .attention = AMBER,
    .panel_bg = SLATE,
    .selected_bg = MINT,
    .selected_text = INK,
    .caption_bg = SLATE,
    .caption_text = {246, 248, 251, 255},
    .button_bg = SLATE,
    .button_text = {246, 248, 251, 255},
    .button_active_bg = MINT,
    .button_active_text = INK,
    .progress_track = {44, 60, 86, 255},
    .progress_fill = MINT,
    .stage_bg = {236, 232, 224, 255}, /* a light mat-room card: the figure reads on it */
    .stage_text = {52, 64, 84, 255},
    .badge_bg = INK,
    .notice_text = MINT,
    .dim = {6, 10, 18, 200},
    .margin = 40,
    .gap = 16,
    .header_y = 20,
    .header_h = 110,
    .header_text = 44,
    .progress_y = 70,
    .progress_h = 18,
    .stage_share = 0.58,
    .caption_h = 190,
    .caption_bottom = 24,
    .caption_size = 56,
    .caption_size_min = 28, /* a last resort: a cue over ~350 bytes, too long for the band at 32 (workout floor) */
    .caption_pad_x = 40,
    .caption_pad_y = 8,
    .caption_max_lines = 5, /* with text_min, fits a cue as long as a long spoken sentence (~400 bytes) */
    .radius_stage = 28,
    .radius_caption = 22,
    .radius_button = 18,
    .radius_box = 32,
    .radius_badge = 16,
    .line_gap = 8,
    .pacer_h = 24,
    .text_name = 80,
    .text_name_min = 40,
    .text_heading = 60,
    .text_side = 48,
    .text_big = 230,
    .text_big_min = 60,
    .text_body = 40,
    .text_body_min = 28,
    .text_hint_min = 24,
    .text_workout_min = RENDER_WORKOUT_TEXT_MIN, /* read from the mat: was text_body_min, 28 */
    .text_next = 44,
    .text_headline = 96,
    .text_result = 44,
    .text_score = 56,
    .button_h = 110,
    .button_size = 40,
    .button_size_min = 20,
    .button_pad = 10,
    .notice_size = 40,
    .badge_size = 44,
    .badge_pad = 20,
    .badge_pad_y = 7, /* the font's own leading adds ~9 px above the capitals: a tight box keeps the
                       * corner the figure leaves free small */
    .pause_title = 140,
    .pause_text = 44,
    .pause_pad = 40,
    .menu_row_h = 120,
    .menu_row_gap = 12,
    .menu_name = 48,
    .menu_name_min = 26,
    .menu_sub = 32,
    .menu_pad = 20,
    .menu_more_h = 56,
    .logo_text = 64,
    .pain_low = {112, 200, 150, 255},
    .pain_high = {232, 96, 84, 255},
    .warning_bg = {92, 30, 30, 255},
    .warning_text = {255, 232, 224, 255},
    .heat_empty = {44, 60, 86, 255},
    .heat_low = {64, 160, 136, 255},
    .heat_high = MINT,
    .chart_before = {150, 176, 214, 255},
    .chart_after = AMBER,
    .chart_grid = {52, 70, 98, 255},
    .picker_number = 120,
    .picker_tile_min_w = 120,
    .picker_strip_h = 16,
    .text_question = 64,
    .text_stat = 72,
    .text_stat_min = 40,
};

#undef INK
#undef MINT
#undef AMBER
#undef SLATE

/* ---- style and layout ---- */

const RenderStyle *render_style(const Render *rd)
{
    return rd->style ? rd->style : &render_style_default;
}

static double unit_of(const Render *rd)
{
    double ux = rd->w / (double)RENDER_DESIGN_W, uy = rd->h / (double)RENDER_DESIGN_H;
    return ux < uy ? ux : uy;
}

/* One step smaller when text does not fit: RENDER_SHRINK_PERCENT of px, at least one pixel less. */
static int shrink_step(int px)
{
    int next = px * RENDER_SHRINK_PERCENT / 100;
    return next < px ? next : px - 1;
}

int render_px(const Render *rd, int units)
{
    return (int)lround(units * unit_of(rd));
}

RenderLayout render_layout(const Render *rd)
{
    const RenderStyle *st = render_style(rd);
    RenderLayout l;
    l.unit = unit_of(rd);
    int m = render_px(rd, st->margin), gap = render_px(rd, st->gap);
    l.header = (SDL_Rect){m, render_px(rd, st->header_y), rd->w - 2 * m, render_px(rd, st->header_h)};
    int cap_h = render_px(rd, st->caption_h);
    l.caption = (SDL_Rect){m, rd->h - cap_h - render_px(rd, st->caption_bottom), rd->w - 2 * m, cap_h};
    int body_top = l.header.y + l.header.h + gap;
    l.body = (SDL_Rect){m, body_top, rd->w - 2 * m, l.caption.y - body_top - gap};
    int stage_w = (int)(rd->w * st->stage_share);
    l.stage = (SDL_Rect){m, body_top, stage_w - m, l.body.h};
    l.panel = (SDL_Rect){stage_w + m / 2, body_top, rd->w - stage_w - m - m / 2, l.body.h};
    int button_h = render_px(rd, st->button_h);
    l.panel_text = l.panel;
    l.panel_text.h = l.panel.h - button_h - gap;
    return l;
}

SDL_Rect render_stage_rect(const Render *rd)
{
    return render_layout(rd).stage;
}

SDL_Rect render_button_rect(const Render *rd, ButtonId b)
{
    RenderLayout l = render_layout(rd);
    const RenderStyle *st = render_style(rd);
    int gap = render_px(rd, st->gap);
    int bh = render_px(rd, st->button_h);
    int y = l.panel.y + l.panel.h - bh;
    int n = RENDER_BUTTON_ROW; /* Back, Pause, Skip */
    int bw = (l.panel.w - gap * (n - 1)) / n;
    switch (b) {
    case BUTTON_BACK: return (SDL_Rect){l.panel.x, y, bw, bh};
    case BUTTON_PAUSE: return (SDL_Rect){l.panel.x + bw + gap, y, bw, bh};
    case BUTTON_SKIP: return (SDL_Rect){l.panel.x + 2 * (bw + gap), y, bw, bh};
    case BUTTON_HURT: { /* "It hurts": the stage's top right corner, clear of the figure on the mat */
        int w = l.stage.w * 3 / 10;
        return (SDL_Rect){l.stage.x + l.stage.w - w - gap, l.stage.y + gap, w, bh};
    }
    case BUTTON_READY: /* twice a button's height, the panel's width: the one thing to press */
        return (SDL_Rect){l.panel.x, y - gap - 2 * bh, l.panel.w, 2 * bh};
    case BUTTON_COUNT_REP:
    default: return l.stage;
    }
}

/* ---- building blocks ---- */

static void fill(const Render *rd, SDL_Rect rc, SDL_Color c)
{
    drawlist_fill(rd->dl, rd->r, rc, c, c.a < 255 ? SDL_BLENDMODE_BLEND : SDL_BLENDMODE_NONE);
}

void render_box(Render *rd, SDL_Rect rc, int rad, SDL_Color c)
{
    if (rad * 2 > rc.h)
        rad = rc.h / 2;
    if (rad * 2 > rc.w)
        rad = rc.w / 2;
    if (rad < 0)
        rad = 0;
    SDL_Rect mid = {rc.x, rc.y + rad, rc.w, rc.h - 2 * rad};
    fill(rd, mid, c);
    /* the corners as horizontal spans */
    for (int i = 0; i < rad; i++) {
        double dy = rad - i - 0.5;
        int dx = (int)lround(rad - sqrt((double)rad * rad - dy * dy));
        SDL_Rect a = {rc.x + dx, rc.y + i, rc.w - 2 * dx, 1};
        SDL_Rect b = {rc.x + dx, rc.y + rc.h - 1 - i, rc.w - 2 * dx, 1};
        fill(rd, a, c);
        fill(rd, b, c);
    }
}

void render_clear(Render *rd)
{
    drawlist_clear(rd->dl, rd->r, render_style(rd)->background);
}

int render_text(Render *rd, const char *s, int units, int min_units, SDL_Color c, int x, int y, TextAlign a, int max_w,
                int max_lines)
{
    if (!s || !*s)
        return 0;
    int px = render_px(rd, units);
    if (min_units > 0 && max_w > 0)
        px = text_fit(rd->text, s, px, render_px(rd, min_units), max_w);
    int h = text_draw(rd->text, s, px, c, x, y, a, max_w, max_lines < 1 ? 1 : max_lines);
    return h + render_px(rd, render_style(rd)->line_gap);
}

static void progress_bar(Render *rd, SDL_Rect rc, double frac)
{
    const RenderStyle *st = render_style(rd);
    render_box(rd, rc, rc.h / 2, st->progress_track);
    if (frac <= 0)
        return;
    if (frac > 1)
        frac = 1;
    SDL_Rect done = rc;
    done.w = (int)(rc.w * frac);
    if (done.w < rc.h)
        done.w = rc.h;
    render_box(rd, done, rc.h / 2, st->progress_fill);
}

/* A passing notice of ov ("Volume 70%", "Sound on", "Gamepad connected: ...") while it shows, or NULL. */
static const char *passing_notice(const Overlay *ov)
{
    return ov && ov->notice && *ov->notice ? ov->notice : NULL;
}

/* A passing notice's box at the header's right end, in the place of the header's right-hand text
 * (the workout's "Exercise 2 of 4 · 3 min left", the menu's key line): off the stage, so it never
 * covers the figure or a streak badge and the figure never moves for it. Its type is the header's
 * (header_text), fitted down to text_body_min in up to three quarters of the header; *px gets the
 * size. The box reaches from badge_pad_y above the line to badge_pad_y below it, above the
 * progress bar. */
static SDL_Rect header_notice_box(Render *rd, const char *notice, int *px)
{
    const RenderStyle *st = render_style(rd);
    RenderLayout l = render_layout(rd);
    int pad = render_px(rd, st->badge_pad), pad_y = render_px(rd, st->badge_pad_y), tw, th;
    int max_w = l.header.w * 3 / 4 - 2 * pad;
    *px = text_fit(rd->text, notice, render_px(rd, st->header_text), render_px(rd, st->text_body_min), max_w);
    text_measure(rd->text, notice, *px, max_w, 1, &tw, &th);
    int line_h = render_px(rd, st->header_text) * 6 / 5; /* the header's line, whatever the fitted size */
    int y = l.header.y + (line_h - th) / 2; /* the text centred on the line it replaces */
    return (SDL_Rect){l.header.x + l.header.w - tw - 2 * pad, y - pad_y, tw + 2 * pad, th + 2 * pad_y};
}

/* Draw the passing notice in its box at the header's right (drawn last, over the pause's dim). */
static void header_notice_draw(Render *rd, const char *notice)
{
    const RenderStyle *st = render_style(rd);
    int px;
    SDL_Rect box = header_notice_box(rd, notice, &px);
    render_box(rd, box, render_px(rd, st->radius_badge), st->panel_bg);
    text_draw(rd->text, notice, px, st->notice_text, box.x + box.w / 2, box.y + render_px(rd, st->badge_pad_y),
              TEXT_CENTER, box.w - 2 * render_px(rd, st->badge_pad), 1);
}

void render_header(Render *rd, const char *title, const char *right_text, double progress, const Overlay *ov)
{
    const RenderStyle *st = render_style(rd);
    RenderLayout l = render_layout(rd);
    int px = render_px(rd, st->header_text);
    int rw = 0, rh = 0;
    const char *notice = passing_notice(ov);
    if (notice) { /* the notice takes the right-hand text's place: the title keeps clear of its box */
        int npx;
        rw = header_notice_box(rd, notice, &npx).w + render_px(rd, st->margin);
    } else if (right_text && *right_text) {
        text_measure(rd->text, right_text, px, 0, 1, &rw, &rh);
        text_draw(rd->text, right_text, px, st->text_quiet, l.header.x + l.header.w, l.header.y, TEXT_RIGHT, 0, 1);
        rw += render_px(rd, st->margin);
    }
    if (title && *title) {
        int tpx = text_fit(rd->text, title, px, px / 2, l.header.w - rw);
        text_draw(rd->text, title, tpx, st->text, l.header.x, l.header.y, TEXT_LEFT, l.header.w - rw, 1);
    }
    if (progress >= 0) {
        SDL_Rect bar = {l.header.x, l.header.y + render_px(rd, st->progress_y), l.header.w,
                        render_px(rd, st->progress_h)};
        progress_bar(rd, bar, progress);
    }
}

/* The stage card, with the figure fitted into area (the whole stage, or the part of it that
 * the menu's badges and buttons leave free). */
static void figure_in(Render *rd, const SessionView *v, SDL_Rect area, SDL_Rect keep_out, SDL_Rect keep_left)
{
    const RenderStyle *st = render_style(rd);
    RenderLayout l = render_layout(rd);
    render_box(rd, l.stage, render_px(rd, st->radius_stage), st->stage_bg);
    SpritesBackdrop bd = {l.stage, render_px(rd, st->radius_stage), st->stage_bg, st->background};
    bool drawn = rd->sprites && sprites_draw_clear(rd->sprites, v, area, keep_out, keep_left, &bd);
    if (!drawn) {
        /* no sprite sheet: the move's name stands on the stage */
        const MoveInfo *mi = moves_info(v->figure);
        const char *name = mi ? mi->name : v->step ? routine_step_name(v->step) : ""; /* an own move: its step's name */
        int pad = render_px(rd, st->caption_pad_x), maxw = l.stage.w - pad;
        int px = text_fit(rd->text, name, render_px(rd, st->text_big / 2), render_px(rd, st->text_body), maxw);
        int tw, th;
        text_measure(rd->text, name, px, maxw, 2, &tw, &th);
        text_draw(rd->text, name, px, st->stage_text, l.stage.x + l.stage.w / 2, l.stage.y + (l.stage.h - th) / 2,
                  TEXT_CENTER, maxw, 2);
    }
}

/* The largest size from px down to min_px (one pixel at a time, not text_fit's tenths: a badge
 * a little too long keeps nearly its full size) at which s is at most max_w wide in one line. */
static int streak_fit(Render *rd, const char *s, int px, int min_px, int max_w)
{
    int tw, th;
    text_measure(rd->text, s, px, 0, 1, &tw, &th);
    if (tw > max_w && tw > 0)
        px = px * max_w / tw + 1; /* about where it fits: the width grows nearly in proportion */
    for (; px > min_px; px--) {
        text_measure(rd->text, s, px, 0, 1, &tw, &th);
        if (tw <= max_w)
            break;
    }
    return px < min_px ? min_px : px;
}

/* A one-line badge: the box in badge_bg, s of size px in colour c centred in it. */
static void badge_draw(Render *rd, SDL_Rect box, const char *s, int px, SDL_Color c)
{
    const RenderStyle *st = render_style(rd);
    render_box(rd, box, render_px(rd, st->radius_badge), st->badge_bg);
    text_draw(rd->text, s, px, c, box.x + box.w / 2, box.y + render_px(rd, st->badge_pad_y), TEXT_CENTER,
              box.w - 2 * render_px(rd, st->badge_pad), 1);
}

/* "It hurts" where render_session draws it: on the stage's top right (render_button_rect), or,
 * while the safety notice takes the width in the figure's place (wide), at the top right of that
 * width, level with the notice's heading: in the corner of what is shown, as beside the figure
 * (physio review s30: left where the stage's corner was, it stood mid-row, neither beside the
 * heading nor at the row's end). */
static SDL_Rect hurt_rect(const Render *rd, bool wide)
{
    SDL_Rect rc = render_button_rect(rd, BUTTON_HURT);
    if (wide) {
        RenderLayout l = render_layout(rd);
        rc.x = l.body.x + l.body.w - rc.w; /* flush with the caption band's and progress bar's ends */
    }
    return rc;
}

/* The lasting "Sound off" badge's box. In a workout, where "It hurts" stands on the stage's top
 * right: under that button, right-aligned with it (the streak badge has the top left, and a
 * status such as sound off is looked for in the top right), inside the corner the figure keeps
 * clear of while the sound is off; under it at the row's end too beside a wide safety notice
 * (hurt_wide). Elsewhere in the stage's top left corner. */
static SDL_Rect sound_off_box(Render *rd, bool under_hurt, bool hurt_wide)
{
    const RenderStyle *st = render_style(rd);
    RenderLayout l = render_layout(rd);
    int px = render_px(rd, st->notice_size), pad = render_px(rd, st->badge_pad), tw, th;
    text_measure(rd->text, RENDER_SOUND_OFF, px, 0, 1, &tw, &th);
    SDL_Rect box = {l.stage.x + pad, l.stage.y + pad, tw + 2 * pad, th + 2 * render_px(rd, st->badge_pad_y)};
    if (under_hurt) {
        SDL_Rect hurt = hurt_rect(rd, hurt_wide);
        box.x = hurt.x + hurt.w - box.w;
        box.y = hurt.y + hurt.h + render_px(rd, st->gap);
    }
    return box;
}

SDL_Rect render_sound_off_rect(Render *rd)
{
    return sound_off_box(rd, true, false);
}

/* The streak badge's room on the stage's top left (streak_badge), for a step of reps (the longest
 * line "88 on the beat · points ×N") or of confirmed holds ("Hold streak 88"); its size in *px. */
static SDL_Rect streak_room(Render *rd, bool reps, int *px)
{
    const RenderStyle *st = render_style(rd);
    char longest[64];
    if (reps)
        snprintf(longest, sizeof longest, "88 on the beat \xC2\xB7 points \xC3\x97%d", SESSION_MAX_MULTIPLIER);
    else
        snprintf(longest, sizeof longest, "Hold streak 88");
    /* top left: the top right holds "It hurts"; one line up to the button (a gap each side), its
     * top level with the button's */
    RenderLayout l = render_layout(rd);
    int inset = render_px(rd, st->badge_pad), pad = inset;
    SDL_Rect hurt = render_button_rect(rd, BUTTON_HURT);
    int max_w = hurt.x - l.stage.x - 3 * inset;
    *px = streak_fit(rd, longest, render_px(rd, st->badge_size), render_px(rd, st->text_workout_min), max_w - 2 * pad);
    int tw, th;
    text_measure(rd->text, longest, *px, 0, 1, &tw, &th);
    return (SDL_Rect){l.stage.x + inset, hurt.y, tw + 2 * pad, th + 2 * render_px(rd, st->badge_pad_y)};
}

/* The streak badge on the stage's top left in a work segment ("12 on the beat · points ×3",
 * "Hold streak 2"): whether this step can show one, its text now in line ("" while there is none
 * yet), its size in *px and its room (renderer pixels): the box of the longest text it can show in
 * this step, in one line. The room is the same for the whole step, so the figure keeps clear of it
 * from the step's start and does not jump when the badge appears. */
static bool streak_badge(Render *rd, const SessionView *v, char *line, size_t size, int *px, SDL_Rect *room)
{
    const RoutineStep *step = v->step;
    bool reps = v->reps > 0, held = step && step->mode == MODE_HOLD_CONFIRMED;
    line[0] = 0;
    if (v->kind != SEG_WORK || !v->score || (!reps && !held))
        return false;
    /* short words, so the line is read from the mat at badge_size: "in a row" is said by the
     * count itself, which starts again at a press off the beat */
    if (reps && v->score->combo >= 2) {
        if (v->multiplier > 1)
            snprintf(line, size, "%d on the beat \xC2\xB7 points \xC3\x97%d", v->score->combo, v->multiplier);
        else
            snprintf(line, size, "%d on the beat", v->score->combo);
    } else if (!reps && v->score->hold_streak >= 1) {
        snprintf(line, size, "Hold streak %d", v->score->hold_streak);
    }
    *room = streak_room(rd, reps, px);
    return true;
}

/* The card of the knees seen from the head end (sprites_inset: knee rolls, whose side view cannot
 * show which way the knees go), on the stage's top left, level with "It hurts" or, in a step that
 * can show a streak badge, below the badge's room: in the same place in the get-ready, the work
 * and "switch sides" whether the badge shows yet or not, so the figure, which keeps clear of it,
 * does not move when the badge appears. 0.34 of the stage high at most (the head lies below it).
 * w = 0 when the figure asks for none. *room: the badge's room it stands under (w = 0: none). */
static SDL_Rect knees_box(Render *rd, const SessionView *v, SDL_Rect *room)
{
    *room = (SDL_Rect){0, 0, 0, 0};
    if (!rd->sprites || !sprites_inset(rd->sprites, v))
        return (SDL_Rect){0, 0, 0, 0};
    const RenderStyle *st = render_style(rd);
    RenderLayout l = render_layout(rd);
    /* the step's, not the segment's: a get-ready shows no count yet */
    bool reps = v->step && v->step->reps > 0, held = v->step && v->step->mode == MODE_HOLD_CONFIRMED;
    int pad = render_px(rd, st->badge_pad), w = l.stage.w * 2 / 5, px;
    int y = render_button_rect(rd, BUTTON_HURT).y;
    if (reps || held) { /* the badge's room, whether it shows yet or not */
        *room = streak_room(rd, reps, &px);
        y = room->y + room->h + render_px(rd, st->gap);
    }
    int h = w * 7 / 10 < l.stage.h * 17 / 50 ? w * 7 / 10 : l.stage.h * 17 / 50;
    w = w < h * 8 / 5 ? w : h * 8 / 5; /* no wider than the line and the view need */
    return (SDL_Rect){l.stage.x + pad, y, w, h};
}

/* Sentence s as a heading, without its full stop ("Knees to your right." -> "Knees to your
 * right"), in buf; NULL when s is. So the panel shows the words the voice says, not a copy. */
static const char *heading_of(const char *s, char *buf, size_t size)
{
    if (!s || size == 0)
        return NULL;
    size_t n = strlen(s);
    if (n > 0 && s[n - 1] == '.')
        n--;
    snprintf(buf, size, "%.*s", (int)n, s);
    return buf;
}

/* The knees' card in box: a line saying which way (the side's words, as the voice says them), the
 * view under it. */
static void knees_draw(Render *rd, const SessionView *v, SDL_Rect box)
{
    const RenderStyle *st = render_style(rd);
    SDL_Color card = {(Uint8)(st->stage_bg.r * 92 / 100), (Uint8)(st->stage_bg.g * 92 / 100),
                      (Uint8)(st->stage_bg.b * 92 / 100), 255};
    render_box(rd, box, render_px(rd, st->radius_badge), card);
    char words[64];
    const char *what = heading_of(v->side_words, words, sizeof words); /* as the voice says it */
    if (!what)
        what = "Your knees";
    int pad = render_px(rd, st->badge_pad), top = render_px(rd, st->badge_pad_y);
    int h = render_text(rd, what, st->text_body, st->text_workout_min, st->stage_text, box.x + box.w / 2, box.y + top,
                        TEXT_CENTER, box.w - 2 * pad, 2);
    SDL_Rect view = {box.x + pad, box.y + top + h, box.w - 2 * pad, box.h - 2 * top - h};
    if (view.w > 0 && view.h > 0)
        sprites_draw_inset(rd->sprites, view);
}

/* The stage's corners the workout's figure keeps clear of: *hurt on the top right, *left on the
 * top left (w 0: none). Returns the knees' card's box (knees_box; w 0: none). */
static SDL_Rect figure_corners(Render *rd, const SessionView *v, const Overlay *ov, SDL_Rect *hurt, SDL_Rect *left)
{
    /* the "It hurts" button stands on the stage's top right whenever it is offered (with "Sound
     * off" under it while the sound is off), and the streak badge on its top left in a step that
     * can show one: the figure keeps clear of both corners (moved aside or down, or made smaller
     * only when that does not clear them) */
    SDL_Rect badge = {0, 0, 0, 0};
    *hurt = (SDL_Rect){0, 0, 0, 0};
    if (session_hurt_allowed_in(v->kind)) {
        *hurt = render_button_rect(rd, BUTTON_HURT);
        if (ov && ov->muted) { /* one box from the button's top to the badge's bottom, as wide as both */
            SDL_Rect so = sound_off_box(rd, true, false);
            int x = so.x < hurt->x ? so.x : hurt->x, r = hurt->x + hurt->w;
            *hurt = (SDL_Rect){x, hurt->y, (so.x + so.w > r ? so.x + so.w : r) - x, so.y + so.h - hurt->y};
        }
    }
    char line[96];
    int px;
    if (!streak_badge(rd, v, line, sizeof line, &px, &badge))
        badge = (SDL_Rect){0, 0, 0, 0};
    SDL_Rect room, knees = knees_box(rd, v, &room);
    *left = badge;
    if (knees.w > 0) { /* one top-left box over the card and the badge's room, shown yet or not */
        int right = room.w > 0 && room.x + room.w > knees.x + knees.w ? room.x + room.w : knees.x + knees.w;
        *left = (SDL_Rect){knees.x, knees.y, right - knees.x, knees.h};
    }
    return knees;
}

/* Let the motion arrows' painter go, and its pixels and textures with it. */
static void arrows_release(Render *rd)
{
    arrowdraw_free(rd->arrows, rd->dl);
    rd->arrows = NULL;
}

/* The motion arrows of the figure just drawn (arrows.h), over it, while they show and are on:
 * on the stage, clear of the corners the figure keeps clear of (figure_corners: "It hurts", the
 * knees' card, the streak badge's room). */
static void arrows_draw(Render *rd, const SessionView *v, SDL_Rect hurt, SDL_Rect left)
{
    MoveArrows a;
    float alpha;
    if (rd->arrows_off || !rd->sprites || !sprites_arrows(rd->sprites, v, &a, &alpha)) {
        /* none shown (faded after the first rep, or off): their pixels, distances and textures
         * go (about 1.6 MB for a knee hug's at 1080p: a real-time levels/08 peaked at 50.7 MB
         * with them held through the rest of the workout); the next move's are made afresh */
        arrows_release(rd);
        return;
    }
    SDL_Rect stage = render_layout(rd).stage, avoid[2] = {hurt, left};
    int gap = render_px(rd, render_style(rd)->gap);
    arrowdraw_keep_clear(&a, (SDL_Rect){stage.x + gap, stage.y + gap, stage.w - 2 * gap, stage.h - 2 * gap}, avoid, 2,
                         gap);
    if (!rd->arrows)
        rd->arrows = arrowdraw_new(rd->r);
    arrowdraw_draw(rd->arrows, rd->dl, &a, alpha);
}

void render_release(Render *rd)
{
    arrows_release(rd);
}

void render_figure(Render *rd, const SessionView *v, const Overlay *ov)
{
    SDL_Rect hurt, left, knees = figure_corners(rd, v, ov, &hurt, &left);
    figure_in(rd, v, render_layout(rd).stage, hurt, left);
    arrows_draw(rd, v, hurt, left);
    /* room kept, not drawn over another figure easing out, nor while the camera eases the figure out of it */
    if (knees.w > 0 && !(v->blend && v->from_figure != v->figure) && !sprites_camera_easing(rd->sprites))
        knees_draw(rd, v, knees);
}

void render_button(Render *rd, SDL_Rect rc, const char *label, bool active)
{
    const RenderStyle *st = render_style(rd);
    render_box(rd, rc, render_px(rd, st->radius_button), active ? st->button_active_bg : st->button_bg);
    int pad = render_px(rd, st->button_pad);
    int px =
        text_fit(rd->text, label, render_px(rd, st->button_size), render_px(rd, st->button_size_min), rc.w - 2 * pad);
    int tw, th;
    text_measure(rd->text, label, px, 0, 1, &tw, &th);
    text_draw(rd->text, label, px, active ? st->button_active_text : st->button_text, rc.x + rc.w / 2,
              rc.y + (rc.h - th) / 2, TEXT_CENTER, 0, 1);
}

void render_caption(Render *rd, const char *caption)
{
    const RenderStyle *st = render_style(rd);
    RenderLayout l = render_layout(rd);
    render_box(rd, l.caption, render_px(rd, st->radius_caption), st->caption_bg);
    if (!caption || !*caption)
        return;
    int maxw = l.caption.w - 2 * render_px(rd, st->caption_pad_x);
    int px = render_px(rd, st->caption_size), min_px = render_px(rd, st->caption_size_min);
    int room = l.caption.h - 2 * render_px(rd, st->caption_pad_y);
    int tw, th;
    /* shrink until the caption fits the band in up to caption_max_lines lines; only a cue longer
     * than a long spoken sentence is cut at the smallest size */
    for (;;) {
        text_measure(rd->text, caption, px, maxw, st->caption_max_lines, &tw, &th);
        if (th <= room || px <= min_px)
            break;
        px = shrink_step(px);
        if (px < min_px)
            px = min_px;
    }
    text_draw(rd->text, caption, px, st->caption_text, l.caption.x + l.caption.w / 2,
              l.caption.y + (l.caption.h - th) / 2, TEXT_CENTER, maxw, st->caption_max_lines);
}

/* A badge of text on the stage card: a rounded box in badge_bg at x (left, centre or right
 * edge by a), y. */
static void stage_badge(Render *rd, const char *s, int units, SDL_Color c, int x, int y, TextAlign a, int max_w)
{
    const RenderStyle *st = render_style(rd);
    int px = render_px(rd, units), pad = render_px(rd, st->badge_pad), tw, th;
    text_measure(rd->text, s, px, max_w, 2, &tw, &th);
    int left = a == TEXT_LEFT ? x : a == TEXT_CENTER ? x - tw / 2 - pad : x - tw - 2 * pad;
    SDL_Rect box = {left, y, tw + 2 * pad, th + pad};
    render_box(rd, box, render_px(rd, st->radius_badge), st->badge_bg);
    text_draw(rd->text, s, px, c, box.x + box.w / 2, box.y + pad / 2, TEXT_CENTER, max_w, 2);
}

/* The lasting "Sound off" badge while muted, in the box sound_off (sound_off_box, or the menu's
 * place for it) on the stage card, where the figure keeps clear of it. */
static void sound_off_draw(Render *rd, const Overlay *ov, SDL_Rect sound_off)
{
    if (ov && ov->muted)
        badge_draw(rd, sound_off, RENDER_SOUND_OFF, render_px(rd, render_style(rd)->notice_size),
                   render_style(rd)->attention);
}

/* A passing notice at the header's right (header_notice_box): drawn last, so it shows over the
 * pause's dim and a dialog's. */
static void passing_notice_draw(Render *rd, const Overlay *ov)
{
    const char *notice = passing_notice(ov);
    if (notice)
        header_notice_draw(rd, notice);
}

void render_notice(Render *rd, const Overlay *ov)
{
    sound_off_draw(rd, ov, sound_off_box(rd, false, false));
    passing_notice_draw(rd, ov);
}

static void format_clock(int ms, char *buf, size_t size)
{
    int s = (ms + 999) / 1000;
    if (s >= 60)
        snprintf(buf, size, "%d:%02d", s / 60, s % 60);
    else
        snprintf(buf, size, "%d", s);
}

static const char *side_name(Sides s)
{
    return session_side_heading(s);
}

static const char *step_title(const RoutineStep *st)
{
    return st ? routine_step_name(st) : "";
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

/* A hold that builds: " (building to 30 s)", or " (the full dose)" once there, added to part. */
static void build_hold_add(const RoutineStep *st, char *part, size_t size)
{
    if (st->build_hold.every <= 0)
        return;
    size_t n = strlen(part);
    char d[32];
    dose_duration(st->build_hold.ceiling, d, sizeof d);
    if (st->hold_ms < st->build_hold.ceiling)
        snprintf(part + n, size - n, " (building to %s)", d);
    else
        snprintf(part + n, size - n, " (the full dose)");
}

/* The dose in words, unambiguous about what each number means:
 * "8–10 reps × 5 s · hold 3 s at the top · each side · 3 sets", "Hold 45 s", "Hold for 3 breaths". */
static void dose_text(const RoutineStep *st, char *buf, size_t size)
{
    char d[32], part[96];
    buf[0] = 0;
    if (!st)
        return;
    switch (st->mode) {
    case MODE_REST: return;
    case MODE_TIMER:
        dose_duration(st->duration_ms, d, sizeof d);
        snprintf(buf, size, "Timer: %s", d);
        return;
    case MODE_HOLD:
    case MODE_HOLD_CONFIRMED:
    case MODE_HOLD_UNTIL_PRESS:
    case MODE_REPS_GUIDED:
    case MODE_REPS_SELF: break;
    }
    if (session_mode_rules(st->mode).score == SCORE_REPS) {
        int n;
        if (st->build_reps.every > 0) /* "Today: 7 reps (building to 30)", or "30 reps (the full dose)" */
            n = st->reps < st->build_reps.ceiling
                    ? snprintf(part, sizeof part, "Today: %d rep%s (building to %d)", st->reps,
                               st->reps == 1 ? "" : "s", st->build_reps.ceiling)
                    : snprintf(part, sizeof part, "Today: %d reps (the full dose)", st->reps);
        else if (st->reps_max > st->reps)
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
            build_hold_add(st, part, sizeof part);
            dose_add(buf, size, part);
        }
    } else if (st->hold_open) {
        dose_add(buf, size, "Hold as long as comfortable");
    } else if (st->hold_up_to) {
        dose_duration(st->hold_ms, d, sizeof d);
        snprintf(part, sizeof part, "Hold up to %s", d);
        dose_add(buf, size, part);
    } else if (st->hold_breaths > 0) {
        if (st->hold_breaths_max > st->hold_breaths)
            snprintf(part, sizeof part, "Hold for %d\xE2\x80\x93%d breaths", st->hold_breaths, st->hold_breaths_max);
        else
            snprintf(part, sizeof part, "Hold for %d breath%s", st->hold_breaths, st->hold_breaths == 1 ? "" : "s");
        dose_add(buf, size, part);
    } else {
        dose_duration(st->hold_ms, d, sizeof d);
        if (st->hold_max_ms > st->hold_ms) { /* "Hold 5–10 s" */
            char hi[32];
            dose_duration(st->hold_max_ms, hi, sizeof hi);
            const char *unit = strchr(d, ' ');
            if (unit && strcmp(unit, strchr(hi, ' ') ? strchr(hi, ' ') : "") == 0)
                snprintf(part, sizeof part, "Hold %.*s\xE2\x80\x93%s", (int)(unit - d), d, hi);
            else
                snprintf(part, sizeof part, "Hold %s\xE2\x80\x93%s", d, hi);
        } else {
            snprintf(part, sizeof part, "%sHold %s", st->build_hold.every > 0 ? "Today: " : "", d);
            build_hold_add(st, part, sizeof part);
        }
        dose_add(buf, size, part);
    }
    bool in_all = st->reps > 0 && st->reps_count == REPS_IN_ALL;
    if (st->sides == SIDES_BOTH)
        dose_add(buf, size, in_all ? "in all, left then right" : "each side");
    if (st->sides == SIDES_ALTERNATE)
        dose_add(buf, size, in_all || st->reps == 0 ? "alternating sides" : "each side, alternating");
    if (st->sets > 1) {
        snprintf(part, sizeof part, "%d sets", st->sets);
        dose_add(buf, size, part);
    }
}

void render_dose_text(const SessionView *v, char *buf, size_t size)
{
    if (!v->step) {
        dose_text(NULL, buf, size);
        return;
    }
    /* a "side away" / "side toward" step runs on both sides once "Which side hurts?" is answered
     * "Both / the middle": its dose says "each side" as "sides both" does */
    RoutineStep today = session_step_today(v->step, v->chosen_side);
    dose_text(&today, buf, size);
}

/* ---- the panels of each segment ---- */

/* A line of panel text (wrapped to three lines) at y; returns the y below it. */
static int panel_line(Render *rd, int y, const char *s, int units, SDL_Color c)
{
    RenderLayout l = render_layout(rd);
    return y + render_text(rd, s, units, 0, c, l.panel.x, y, TEXT_LEFT, l.panel.w, 3);
}

/* A line fitted to one line of the panel (down to min_units), else wrapped to two. */
static int panel_fitted(Render *rd, int y, const char *s, int units, int min_units, SDL_Color c)
{
    RenderLayout l = render_layout(rd);
    return y + render_text(rd, s, units, min_units, c, l.panel.x, y, TEXT_LEFT, l.panel.w, 2);
}

/* Height a panel_line (or panel_fitted, when min_units > 0) of s would take. */
static int line_height(Render *rd, const char *s, int units, int min_units)
{
    if (!s || !*s)
        return 0;
    RenderLayout l = render_layout(rd);
    int px = render_px(rd, units), w, h;
    if (min_units > 0)
        px = text_fit(rd->text, s, px, render_px(rd, min_units), l.panel.w);
    text_measure(rd->text, s, px, l.panel.w, min_units > 0 ? 2 : 3, &w, &h);
    return h + render_px(rd, render_style(rd)->line_gap);
}

/* The dose line ("Today: 5 reps (building to 10) × 4 s · hold 2 s at the top · each side,
 * alternating"), read from the mat: at the largest size from text_body down to text_workout_min
 * (shrink_step) at which it takes at most DOSE_LINES lines of the panel, else at text_workout_min
 * in up to DOSE_MAX_LINES (it took two lines at 28 px before). Its size in *px, lines in *lines. */
#define DOSE_LINES 2
#define DOSE_MAX_LINES 3

static void dose_size(Render *rd, const char *dose, int *px, int *lines)
{
    const RenderStyle *st = render_style(rd);
    RenderLayout l = render_layout(rd);
    int min_px = render_px(rd, st->text_workout_min), w, h, line_h;
    for (*px = render_px(rd, st->text_body);; *px = shrink_step(*px)) {
        if (*px < min_px)
            *px = min_px;
        text_measure(rd->text, dose, *px, 0, 1, &w, &line_h);
        text_measure(rd->text, dose, *px, l.panel.w, TEXT_MAX_LINES, &w, &h);
        if ((line_h > 0 && h <= line_h * DOSE_LINES) || *px <= min_px)
            break;
    }
    *lines = *px <= min_px ? DOSE_MAX_LINES : DOSE_LINES;
}

static int panel_dose(Render *rd, int y, const char *dose)
{
    if (!dose || !*dose)
        return y;
    const RenderStyle *st = render_style(rd);
    RenderLayout l = render_layout(rd);
    int px, lines;
    dose_size(rd, dose, &px, &lines);
    return y + text_draw(rd->text, dose, px, st->text_quiet, l.panel.x, y, TEXT_LEFT, l.panel.w, lines) +
           render_px(rd, st->line_gap);
}

/* Height panel_dose would take. */
static int dose_height(Render *rd, const char *dose)
{
    if (!dose || !*dose)
        return 0;
    RenderLayout l = render_layout(rd);
    int px, lines, w, h;
    dose_size(rd, dose, &px, &lines);
    text_measure(rd->text, dose, px, l.panel.w, lines, &w, &h);
    return h + render_px(rd, render_style(rd)->line_gap);
}

/* Draw the big number at the largest size up to text_big that fits in avail pixels. Returns
 * the height drawn. */
static int draw_big(Render *rd, const char *big, SDL_Color c, int y, int avail)
{
    const RenderStyle *st = render_style(rd);
    RenderLayout l = render_layout(rd);
    int px = render_px(rd, st->text_big), min_px = render_px(rd, st->text_big_min);
    int w, h;
    for (;;) {
        text_measure(rd->text, big, px, 0, 1, &w, &h);
        if ((h <= avail && w <= l.panel.w) || px <= min_px)
            break;
        px = shrink_step(px);
    }
    return text_draw(rd->text, big, px, c, l.panel.x, y, TEXT_LEFT, 0, 1);
}

/* The big number's font leaves room above its digits; this much of it is tucked under the line
 * above and the line below, in units of its size */
#define BIG_TUCK_DIVISOR 11

static void draw_panel_work(Render *rd, const SessionView *v)
{
    const RenderStyle *st = render_style(rd);
    RenderLayout l = render_layout(rd);
    const RoutineStep *step = v->step;
    int y = l.panel.y;
    char line[128], big[32], dose[160], counted[64], next[96];
    y = panel_fitted(rd, y, step_title(step), st->text_name, st->text_name_min, st->text);
    const char *side = side_name(v->side_named);
    if (v->sets > 1 && side)
        snprintf(line, sizeof line, "%s \xC2\xB7 set %d of %d", side, v->set, v->sets);
    else if (v->sets > 1)
        snprintf(line, sizeof line, "Set %d of %d", v->set, v->sets);
    else
        snprintf(line, sizeof line, "%s", side ? side : "");
    y = panel_line(rd, y, line, st->text_side, st->heading);
    const char *label;
    SDL_Color bigc = st->text;
    format_clock(v->remaining_ms, big, sizeof big);
    label = v->remaining_ms > 60000 ? "minutes left" : "seconds left";
    if (v->remaining_ms <= SESSION_TICKS * 1000 && v->kind == SEG_WORK) /* the seconds that tick */
        bigc = st->attention;
    switch (v->kind == SEG_WORK && step ? step->mode : MODE_REST) {
    case MODE_REPS_SELF:
        snprintf(big, sizeof big, "%d / %d", v->counted, v->reps);
        label = "press after each rep";
        bigc = st->text;
        break;
    case MODE_REPS_GUIDED:
        /* once the user counts, the big number is their own count and the figure's beat is the
         * guide below it; before any press it is the figure's rep */
        if (v->counted > 0) {
            snprintf(big, sizeof big, "%d / %d", v->counted, v->reps);
            snprintf(counted, sizeof counted, "your count \xC2\xB7 figure on rep %d", v->rep);
            label = counted;
        } else {
            snprintf(big, sizeof big, "%d / %d", v->rep, v->reps);
            label = "the figure's rep \xC2\xB7 press to count";
        }
        bigc = st->text;
        break;
    case MODE_HOLD_CONFIRMED:
        label = v->awaiting_press ? "press and hold while you hold the pose" : "holding \xC2\xB7 keep pressing";
        break;
    case MODE_HOLD_UNTIL_PRESS:
        if (step->hold_open) { /* no end to count down to: the time held counts up */
            format_clock(v->elapsed_ms, big, sizeof big);
            bigc = st->text;
            label = "held \xC2\xB7 press when done";
        } else {
            label = "press to stop sooner";
        }
        break;
    case MODE_HOLD:
    case MODE_REST:
    case MODE_TIMER: break;
    }
    if (v->kind == SEG_WORK && step && step->sides == SIDES_ALTERNATE && v->reps > 0)
        snprintf(big, sizeof big, "%d / %d", v->rep, v->reps); /* the count of the side, not of this one rep */
    char phase[ROUTINE_MAX_NAME_BYTES + 48];
    if (v->phases > 0 && v->phase_text && v->counted == 0) { /* the phase now, and how long it holds */
        snprintf(phase, sizeof phase, "%s \xC2\xB7 %d s", v->phase_text, (v->phase_left_ms + 999) / 1000);
        label = phase;
    }
    if (v->breaths > 0 && v->reps == 0) { /* a hold in breaths: the breath is its count */
        snprintf(big, sizeof big, "%d / %d", v->breath, v->breaths);
        bigc = st->text;
    }
    if (v->breaths > 0 && v->breath > 0) /* the pacer: whether to breathe in or out (reps: in their hold) */
        label = v->breath_in ? "breathe in" : "breathe out";
    render_dose_text(v, dose, sizeof dose);
    session_next_text(v, next, sizeof next);
    int gap = render_px(rd, st->line_gap);
    int below = line_height(rd, label, st->text_body, 0) + dose_height(rd, dose) +
                line_height(rd, next, st->text_next, 0) + 2 * gap +
                (v->breaths > 0 ? render_px(rd, st->pacer_h) + gap : 0);
    int tuck = render_px(rd, st->text_big / BIG_TUCK_DIVISOR);
    int bottom = l.panel_text.y + l.panel_text.h;
    y += draw_big(rd, big, bigc, y, bottom - y - below + tuck) - tuck;
    y = panel_line(rd, y, label, st->text_body, st->text_quiet);
    if (v->breaths > 0 && v->kind == SEG_WORK) { /* fills breathing in, empties breathing out */
        SDL_Rect pacer = {l.panel.x, y, l.panel.w * 2 / 3, render_px(rd, st->pacer_h)};
        progress_bar(rd, pacer, v->breath_fill);
        y += pacer.h + gap;
    }
    y = panel_dose(rd, y + gap, dose);
    panel_line(rd, y + gap, next, st->text_next, st->text);
    /* streaks on the stage's top left corner, where the eye already is, in one line inside the
     * room the figure keeps clear of */
    int px;
    SDL_Rect room;
    if (streak_badge(rd, v, line, sizeof line, &px, &room) && line[0]) {
        int pad = render_px(rd, st->badge_pad), tw, th;
        px = text_fit(rd->text, line, px, render_px(rd, st->text_workout_min), room.w - 2 * pad);
        text_measure(rd->text, line, px, room.w - 2 * pad, 1, &tw, &th);
        badge_draw(rd, (SDL_Rect){room.x, room.y, tw + 2 * pad, th + 2 * render_px(rd, st->badge_pad_y)}, line, px,
                   st->attention);
    }
}

/* A timer's get-ready: it waits for Ready (a big button; any press or tap will do), with the wait
 * left counted down, after which it starts by itself. */
static void draw_panel_ready(Render *rd, const SessionView *v, int y)
{
    const RenderStyle *st = render_style(rd);
    char clock[16], line[64];
    format_clock(v->remaining_ms, clock, sizeof clock);
    snprintf(line, sizeof line, "Starts by itself in %s", clock);
    y = panel_fitted(rd, y + render_px(rd, st->line_gap), line, st->text_next, st->text_workout_min, st->attention);
    panel_fitted(rd, y, session_phrase(PHRASE_PRESS_READY), st->text_body, st->text_workout_min, st->text_quiet);
    SDL_Rect rc = render_button_rect(rd, BUTTON_READY);
    render_box(rd, rc, render_px(rd, st->radius_button), st->button_active_bg);
    int px = text_fit(rd->text, "Ready", render_px(rd, st->text_name), render_px(rd, st->button_size), rc.w);
    int tw, th;
    text_measure(rd->text, "Ready", px, 0, 1, &tw, &th);
    text_draw(rd->text, "Ready", px, st->button_active_text, rc.x + rc.w / 2, rc.y + (rc.h - th) / 2, TEXT_CENTER, 0,
              1);
}

static void draw_panel_countdown(Render *rd, const SessionView *v, const char *heading)
{
    const RenderStyle *st = render_style(rd);
    RenderLayout l = render_layout(rd);
    const RoutineStep *step = v->step;
    int y = l.panel.y;
    char big[16], dose[160];
    y = panel_line(rd, y, heading, st->text_heading, st->heading);
    y = panel_fitted(rd, y, step_title(step), st->text_name, st->text_name_min, st->text);
    y = panel_line(rd, y, side_name(v->side_named), st->text_side, st->heading);
    render_dose_text(v, dose, sizeof dose);
    y = panel_dose(rd, y, dose);
    if (v->ready_press) {
        draw_panel_ready(rd, v, y);
        return;
    }
    format_clock(v->remaining_ms, big, sizeof big);
    draw_big(rd, big, st->attention, y, l.panel_text.y + l.panel_text.h - y);
}

/* One block of the safety notice at px in area's width from y, drawn when draw, else measured.
 * Returns the y below it. */
static int safety_item(Render *rd, const char *s, int px, SDL_Color c, SDL_Rect area, int y, int lines, bool draw)
{
    int w, h;
    if (draw)
        h = text_draw(rd->text, s, px, c, area.x, y, TEXT_LEFT, area.w, lines);
    else
        text_measure(rd->text, s, px, area.w, lines, &w, &h);
    return y + h + render_px(rd, render_style(rd)->line_gap);
}

/* How safety_notice lays the notice out: measured whole (to choose a size), or fitted (the stop
 * rules that do not fit give way to "...and N more."), measured or drawn. */
typedef enum { SAFETY_MEASURE, SAFETY_FIT, SAFETY_DRAW } SafetyPass;

/* The safety notice in area with its body at px (its stop rules up to SAFETY_RULE_LINES lines
 * each, the countdown at text_body). Its heading goes at area's top, or in head when head.w > 0 (the
 * notice across the width: the heading beside "It hurts"). Returns the height it takes below
 * area's top; *rules gets how many stop rules it shows. Fitted, the countdown always shows at the
 * foot: the stop rules that do not fit above it give way to "...and N more." */
#define SAFETY_RULE_LINES 4
static int safety_notice(Render *rd, const SessionView *v, SDL_Rect head, SDL_Rect area, int px, SafetyPass pass,
                         int *rules)
{
    const RenderStyle *st = render_style(rd);
    const Routine *r = v->routine;
    bool draw = pass == SAFETY_DRAW;
    int gap = render_px(rd, st->line_gap), quiet = render_px(rd, st->text_body), y = area.y, w, h;
    char line[ROUTINE_MAX_TEXT_BYTES + 8], start[32];
    *rules = 0;
    if (head.w > 0)
        safety_item(rd, "Before you start", render_px(rd, st->text_heading), st->heading, head, head.y, 1, draw);
    else
        y = safety_item(rd, "Before you start", render_px(rd, st->text_heading), st->heading, area, y, 3, draw);
    for (int i = 0; render_safety_lines[i]; i++)
        y = safety_item(rd, render_safety_lines[i], px, st->text, area, y, TEXT_MAX_LINES, draw) + gap;
    snprintf(start, sizeof start, "Starting in %d s.", (v->remaining_ms + 999) / 1000);
    int foot = 3 * gap; /* the countdown's two lines, each with its gap, and the gap above them */
    text_measure(rd->text, start, quiet, area.w, 3, &w, &h);
    foot += h;
    text_measure(rd->text, "Press to start now.", quiet, area.w, 3, &w, &h);
    foot += h;
    if (r && r->stop_if_count > 0) {
        y = safety_item(rd, SESSION_SAFETY_STOP_IF, px, st->attention, area, y + gap, 3, draw);
        for (int i = 0; i < r->stop_if_count; i++) {
            snprintf(line, sizeof line, "\xE2\x80\xA2 %s", r->stop_if[i]);
            int below = safety_item(rd, line, px, st->text, area, y, SAFETY_RULE_LINES, false), more_h = 0;
            if (i + 1 < r->stop_if_count) {
                text_measure(rd->text,
                             "\xE2\x80\xA6"
                             "and 8 more.",
                             px, area.w, 1, &w, &more_h);
                more_h += gap;
            }
            if (pass != SAFETY_MEASURE && below + more_h > area.y + area.h - foot) {
                snprintf(line, sizeof line,
                         "\xE2\x80\xA6"
                         "and %d more.",
                         r->stop_if_count - i);
                y = safety_item(rd, line, px, st->attention, area, y, 1, draw);
                break;
            }
            y = safety_item(rd, line, px, st->text, area, y, SAFETY_RULE_LINES, draw);
            (*rules)++;
        }
    }
    y = safety_item(rd, start, quiet, st->text_quiet, area, y + gap, 3, draw);
    y = safety_item(rd, "Press to start now.", quiet, st->text_quiet, area, y, 3, draw);
    return y - area.y;
}

/* Where the safety notice goes and at what size: the panel beside the figure at the largest size
 * from text_body down to text_workout_min at which all of it fits; else, when a routine's stop
 * rules are many or long, the whole width in place of the figure (stage and panel), again from
 * text_body down to text_workout_min: so "Starting in" and the rules stay on screen, read from the
 * mat, none cut, none under the caption (four stop rules of two lines each ran off the panel's foot
 * at any size). The heading's place in *head (w 0: at the top of the area). */
static RenderSafetyLayout safety_place(Render *rd, const SessionView *v, bool muted, SDL_Rect *head)
{
    const RenderStyle *st = render_style(rd);
    RenderLayout l = render_layout(rd);
    RenderSafetyLayout s = {l.panel, {0, 0, 0, 0}, 0, 0, 0, false};
    int min_px = render_px(rd, st->text_workout_min), rules;
    *head = (SDL_Rect){0, 0, 0, 0};
    for (int wide = 0; wide < 2; wide++) {
        if (wide) {
            /* the heading on the row of "It hurts" (at the row's end: hurt_rect), the rest below
             * it and below the sound-off badge under it while muted */
            SDL_Rect hurt = hurt_rect(rd, true), badge = sound_off_box(rd, true, true);
            int gap = render_px(rd, st->gap);
            *head = (SDL_Rect){l.body.x, l.body.y, hurt.x - gap - l.body.x, hurt.h};
            int bottom = muted ? badge.y + badge.h : hurt.y + hurt.h;
            s.area = (SDL_Rect){l.body.x, bottom + gap, l.body.w, l.body.y + l.body.h - bottom - gap};
            s.wide = true;
        }
        for (s.px = render_px(rd, st->text_body);; s.px = shrink_step(s.px) < min_px ? min_px : shrink_step(s.px))
            if (safety_notice(rd, v, *head, s.area, s.px, SAFETY_MEASURE, &rules) <= s.area.h || s.px <= min_px)
                break;
        if (safety_notice(rd, v, *head, s.area, s.px, SAFETY_MEASURE, &rules) <= s.area.h)
            break;
    }
    s.height = safety_notice(rd, v, *head, s.area, s.px, SAFETY_FIT, &s.rules_shown);
    return s;
}

RenderSafetyLayout render_safety_layout(Render *rd, const SessionView *v, bool muted)
{
    SDL_Rect head;
    RenderSafetyLayout s = safety_place(rd, v, muted, &head);
    s.head = head;
    return s;
}

/* Whether the safety notice takes the figure's place (safety_place). */
static bool safety_wide(Render *rd, const SessionView *v, const Overlay *ov)
{
    return v->kind == SEG_SAFETY && render_safety_layout(rd, v, ov && ov->muted).wide;
}

static void draw_safety(Render *rd, const SessionView *v, const Overlay *ov)
{
    SDL_Rect head;
    int rules;
    RenderSafetyLayout s = safety_place(rd, v, ov && ov->muted, &head);
    safety_notice(rd, v, head, s.area, s.px, SAFETY_DRAW, &rules);
}

static void draw_intro(Render *rd, const SessionView *v, const char *title)
{
    const RenderStyle *st = render_style(rd);
    RenderLayout l = render_layout(rd);
    int y = l.panel.y, gap = render_px(rd, st->line_gap);
    char line[96];
    y = panel_fitted(rd, y, title, st->text_name, st->text_name_min, st->text);
    routine_exercises_text(v->score ? v->score->exercises : 0, line, sizeof line); /* rests not counted */
    y = panel_line(rd, y, line, st->text_next, st->heading);
    if (v->next) {
        snprintf(line, sizeof line, "First: %s", step_title(v->next));
        y = panel_line(rd, y + gap, line, st->text_next, st->text);
    }
    /* two short lines, as on the safety notice: one long line wrapped leaving "now" alone */
    snprintf(line, sizeof line, "Starting in %d s.", (v->remaining_ms + 999) / 1000);
    y = panel_line(rd, y + 2 * gap, line, st->text_body, st->text_quiet);
    panel_line(rd, y, "Press to start now.", st->text_body, st->text_quiet);
}

/* The default key line of the pause screen; no-break spaces keep each key with its action. */
#define NBSP "\xC2\xA0"
static const char PAUSE_KEYS_DEFAULT[] = "Press" NBSP "or" NBSP "tap" NBSP "to" NBSP "resume \xC2\xB7 S:" NBSP
                                         "skip \xC2\xB7 Backspace:" NBSP "back \xC2\xB7 Q:" NBSP "end" NBSP "workout";
#undef NBSP

/* The dimmed screen and the pause box, between the header and the button row, so the buttons
 * stay visible and usable below it. */
static void draw_pause(Render *rd, const Overlay *ov)
{
    const RenderStyle *st = render_style(rd);
    RenderLayout l = render_layout(rd);
    fill(rd, (SDL_Rect){0, 0, rd->w, rd->h}, st->dim);
    const char *keys = ov && ov->keys_hint ? ov->keys_hint : PAUSE_KEYS_DEFAULT;
    const char *why = ov && ov->focus_lost ? "The window lost focus, so the workout waits for you." : NULL;
    int pad = render_px(rd, st->pause_pad), gap = render_px(rd, st->line_gap);
    SDL_Rect area = l.body;
    area.h = render_button_rect(rd, BUTTON_PAUSE).y - render_px(rd, st->gap) - area.y;
    int wrap = area.w - 2 * pad, px = render_px(rd, st->pause_text), kw, kh, ww = 0, wh = 0;
    text_measure(rd->text, keys, px, wrap, 3, &kw, &kh);
    if (why)
        text_measure(rd->text, why, px, wrap, 2, &ww, &wh);
    int text_h = kh + (why ? wh + gap : 0);
    /* the title takes what is left, up to its own size */
    int title_px = render_px(rd, st->pause_title), tw, th;
    for (;;) {
        text_measure(rd->text, "Paused", title_px, 0, 1, &tw, &th);
        if (th + gap + text_h + 2 * pad <= area.h || title_px <= px)
            break;
        title_px = shrink_step(title_px);
    }
    int content = th + gap + text_h;
    SDL_Rect box = {area.x, area.y + (area.h - content - 2 * pad) / 2, area.w, content + 2 * pad};
    if (box.y < area.y)
        box.y = area.y;
    render_box(rd, box, render_px(rd, st->radius_box), st->panel_bg);
    int cx = box.x + box.w / 2, y = box.y + pad;
    y += text_draw(rd->text, "Paused", title_px, st->text, cx, y, TEXT_CENTER, 0, 1) + gap;
    if (why)
        y += text_draw(rd->text, why, px, st->text_quiet, cx, y, TEXT_CENTER, wrap, 2) + gap;
    text_draw(rd->text, keys, px, st->heading, cx, y, TEXT_CENTER, wrap, 3);
}

/* The confirm box: centred on the body, as wide as the panel column allows, buttons at its foot. */
static SDL_Rect confirm_box(const Render *rd)
{
    RenderLayout l = render_layout(rd);
    int w = l.body.w * 2 / 3, h = l.body.h * 2 / 3;
    return (SDL_Rect){l.body.x + (l.body.w - w) / 2, l.body.y + (l.body.h - h) / 2, w, h};
}

SDL_Rect render_confirm_button_rect(const Render *rd, ConfirmButton b)
{
    const RenderStyle *st = render_style(rd);
    SDL_Rect box = confirm_box(rd);
    int pad = render_px(rd, st->pause_pad), gap = render_px(rd, st->gap), bh = render_px(rd, st->button_h);
    int bw = (box.w - 2 * pad - gap) / 2;
    return (SDL_Rect){box.x + pad + (b == CONFIRM_YES ? bw + gap : 0), box.y + box.h - pad - bh, bw, bh};
}

void render_confirm(Render *rd, const char *question, const char *hint, const char *no_label, const char *yes_label)
{
    const RenderStyle *st = render_style(rd);
    fill(rd, (SDL_Rect){0, 0, rd->w, rd->h}, st->dim);
    SDL_Rect box = confirm_box(rd);
    render_box(rd, box, render_px(rd, st->radius_box), st->panel_bg);
    int pad = render_px(rd, st->pause_pad), cx = box.x + box.w / 2, y = box.y + pad;
    y += render_text(rd, question, st->text_name, st->text_name_min, st->text, cx, y, TEXT_CENTER, box.w - 2 * pad, 1);
    render_text(rd, hint, st->text_body, 0, st->text_quiet, cx, y, TEXT_CENTER, box.w - 2 * pad, 3);
    render_button(rd, render_confirm_button_rect(rd, CONFIRM_NO), no_label, false);
    render_button(rd, render_confirm_button_rect(rd, CONFIRM_YES), yes_label, true);
}

void render_header_text(const SessionView *v, char *buf, size_t size)
{
    buf[0] = 0;
    char left[32];
    int secs = (int)((v->left_ms + 999) / 1000);
    if (secs >= 60)
        snprintf(left, sizeof left, "%d min left", (secs + 59) / 60);
    else
        snprintf(left, sizeof left, "%d s left", secs);
    /* exercises, not steps: a rest is not an exercise done */
    if (v->step_index >= 0 && v->exercise > 0)
        snprintf(buf, size, "Exercise %d of %d \xC2\xB7 %s", v->exercise, v->exercises, left);
    else if (v->step_index >= 0 && v->step && v->step->kind == STEP_REST)
        snprintf(buf, size, "Rest \xC2\xB7 %s", left);
    else if (v->step_index >= 0)
        snprintf(buf, size, "%s", left);
    else if (v->kind == SEG_PAIN_AFTER || v->kind == SEG_RESULTS || v->kind == SEG_DONE)
        snprintf(buf, size, "%s", v->hurt_ended ? "Stopped" : v->ended_early ? "Ended early" : "Finished");
}

SDL_Rect render_hurt_rect(Render *rd, const SessionView *v, bool muted)
{
    return hurt_rect(rd, v && v->kind == SEG_SAFETY && render_safety_layout(rd, v, muted).wide);
}

static void draw_hurt_button(Render *rd, SDL_Rect rc)
{
    const RenderStyle *st = render_style(rd);
    render_box(rd, rc, render_px(rd, st->radius_button), st->warning_bg);
    int tw, th,
        px = text_fit(rd->text, "It hurts", render_px(rd, st->button_size), render_px(rd, st->button_size_min),
                      rc.w - 2 * render_px(rd, st->button_pad));
    text_measure(rd->text, "It hurts", px, 0, 1, &tw, &th);
    text_draw(rd->text, "It hurts", px, st->warning_text, rc.x + rc.w / 2, rc.y + (rc.h - th) / 2, TEXT_CENTER, 0, 1);
}

bool render_session_figure(const SessionView *v)
{
    bool checkin = v->kind == SEG_PAIN_BEFORE || v->kind == SEG_PAIN_AFTER || v->kind == SEG_SIDE;
    bool results = v->kind == SEG_RESULTS || v->kind == SEG_DONE;
    return v->hurt == HURT_NONE && !checkin && !results;
}

bool render_session_follow(Render *rd, const SessionView *v, const Overlay *ov)
{
    if (!rd->sprites || !render_session_figure(v) || safety_wide(rd, v, ov))
        return false;
    SDL_Rect hurt, left;
    figure_corners(rd, v, ov, &hurt, &left);
    return sprites_follow_clear(rd->sprites, v, render_layout(rd).stage, hurt, left);
}

void render_session(Render *rd, const SessionView *v, const char *routine_title, const Overlay *ov)
{
    char right[64];
    if (v->hurt != HURT_NONE) { /* its questions take the whole screen */
        hurt_draw(rd, v, routine_title, ov);
        render_notice(rd, ov);
        return;
    }
    render_clear(rd);
    render_header_text(v, right, sizeof right);
    render_header(rd, routine_title, right, v->progress, ov); /* after the steps: what was done */
    bool checkin = v->kind == SEG_PAIN_BEFORE || v->kind == SEG_PAIN_AFTER || v->kind == SEG_SIDE;
    bool wide = safety_wide(rd, v, ov);
    if (render_session_figure(v) && !wide)
        render_figure(rd, v, ov); /* a check-in, the results and a long safety notice use the whole width */
    switch (v->kind) {
    case SEG_SAFETY: draw_safety(rd, v, ov); break;
    case SEG_PAIN_BEFORE:
    case SEG_PAIN_AFTER: checkin_draw(rd, v, ov ? ov->pain_value : 0, ov ? ov->question_keys : NULL); break;
    case SEG_SIDE: sidepick_draw(rd, v, ov ? ov->side_selected : SIDES_NONE, ov ? ov->question_keys : NULL); break;
    case SEG_INTRO: draw_intro(rd, v, routine_title); break;
    case SEG_READY: draw_panel_countdown(rd, v, "Get ready"); break;
    case SEG_SWITCH: { /* as it is said (session.c): the side's words, else "Other side." between
                          alternating sides, else "Switch sides." */
        char words[64];
        const char *said = v->side_words                                  ? v->side_words
                           : v->step && v->step->sides == SIDES_ALTERNATE ? session_phrase(PHRASE_OTHER_SIDE)
                                                                          : session_phrase(PHRASE_SWITCH_SIDES);
        draw_panel_countdown(rd, v, heading_of(said, words, sizeof words));
        break;
    }
    case SEG_SET_REST: draw_panel_countdown(rd, v, "Rest before the next set"); break;
    case SEG_WORK: draw_panel_work(rd, v); break;
    case SEG_RESULTS:
    case SEG_DONE: results_draw(rd, v, ov ? ov->record : NULL); break;
    }
    render_caption(rd, v->caption);
    bool hurt = session_hurt_allowed_in(v->kind);
    sound_off_draw(rd, ov, sound_off_box(rd, hurt, wide)); /* under "It hurts" in a workout's screens */
    if (v->paused)
        draw_pause(rd, ov);
    /* drawn last, so the touch buttons stay usable above the dimmed pause screen */
    if (v->kind != SEG_SAFETY && v->kind != SEG_RESULTS && v->kind != SEG_DONE && !checkin) {
        render_button(rd, render_button_rect(rd, BUTTON_BACK), "\xE2\x97\x80 Back", false);
        render_button(rd, render_button_rect(rd, BUTTON_PAUSE), v->paused ? "Resume" : "Pause", v->paused);
        render_button(rd, render_button_rect(rd, BUTTON_SKIP), "Skip \xE2\x96\xB6", false);
    }
    if (session_hurt_allowed_in(v->kind)) /* the safety notice to the last step */
        draw_hurt_button(rd, hurt_rect(rd, wide));
    passing_notice_draw(rd, ov); /* in the header, in the place render_header left for it */
}

/* ---- the menu ---- */

SDL_Rect render_menu_button_rect(const Render *rd, MenuButton b)
{
    const RenderStyle *st = render_style(rd);
    RenderLayout l = render_layout(rd);
    int pad = render_px(rd, st->gap), bh = render_px(rd, st->button_h);
    int bw = (l.stage.w - 3 * pad) / 2;
    int y = l.stage.y + l.stage.h - bh - pad;
    return b == MENU_BUTTON_ADVICE ? (SDL_Rect){l.stage.x + pad, y, bw, bh}
                                   : (SDL_Rect){l.stage.x + 2 * pad + bw, y, bw, bh};
}

/* On the menu's stage card: the streak and the week at the top, where a newcomer sees them
 * without reading anything, and the buttons to the progress screen and the doctor advice. */
static void draw_menu_home(Render *rd, const MenuInfo *m)
{
    const RenderStyle *st = render_style(rd);
    RenderLayout l = render_layout(rd);
    int pad = render_px(rd, st->gap);
    if (m && m->have_streak) {
        char line[160];
        const StreakSummary *s = &m->streak;
        char week[64];
        if (s->week_days >= s->week_goal)
            snprintf(week, sizeof week, "week goal met");
        else
            snprintf(week, sizeof week, "%d of %d this week", s->week_days, s->week_goal);
        if (s->current >= 2)
            snprintf(line, sizeof line, "Day %d in a row \xC2\xB7 %s", s->current, week);
        else if (s->current == 1)
            snprintf(line, sizeof line, "Day 1 of a streak \xC2\xB7 %s", week);
        else
            snprintf(line, sizeof line, "Start a streak today \xC2\xB7 %s", week);
        stage_badge(rd, line, st->badge_size, st->attention, l.stage.x + pad, l.stage.y + pad, TEXT_LEFT,
                    l.stage.w - 2 * pad);
        if (m->next[0])
            stage_badge(rd, m->next, st->text_body_min, st->notice_text, l.stage.x + pad,
                        l.stage.y + pad + render_px(rd, st->badge_size) * 2, TEXT_LEFT, l.stage.w - 2 * pad);
    }
    render_button(rd, render_menu_button_rect(rd, MENU_BUTTON_ADVICE), "\xE2\x97\x80 When to see a doctor", false);
    render_button(rd, render_menu_button_rect(rd, MENU_BUTTON_PROGRESS), "Your progress \xE2\x96\xB6", false);
}

/* The menu's list: the page of rows holding the selected one and, when the list is longer than
 * a page, a "more" strip above (not on the first page) and below (not on the last), each a touch
 * button to the page before or after. render_menu, render_menu_row_at and render_menu_more_at
 * share it, so taps land on what is drawn. */
typedef struct {
    int row_h; /* a row and the gap below it */
    int first, visible; /* the first row shown and how many fit on this page */
    int prev_first; /* the first row of the page before (0 on the first page) */
    int top; /* y of the first row */
    int above, below; /* routines on the pages before and after */
    SDL_Rect up, down; /* the strips, when above / below > 0 */
} MenuRows;

static MenuRows menu_rows(const Render *rd, int count, int selected)
{
    const RenderStyle *st = render_style(rd);
    RenderLayout l = render_layout(rd);
    MenuRows m;
    memset(&m, 0, sizeof m);
    m.row_h = render_px(rd, st->menu_row_h);
    int strip = render_px(rd, st->menu_more_h), gap = render_px(rd, st->menu_row_gap);
    int row_h = m.row_h > 0 ? m.row_h : 1, room = l.panel.h, with = strip + gap;
    /* walk the pages: the first has a strip below only, the last above only, the others both, so
     * each page is as long as its strips allow; a page never depends on which row in it is chosen,
     * so a tap never scrolls the row away */
    int first = 0, prev = 0;
    for (;;) {
        int top = first > 0 ? with : 0;
        int last_cap = (room - top) / row_h;
        if (last_cap < 1)
            last_cap = 1;
        if (count - first <= last_cap) {
            m.visible = last_cap;
            break;
        }
        int cap = (room - top - with) / row_h;
        if (cap < 1)
            cap = 1;
        if (selected < first + cap) {
            m.visible = cap;
            break;
        }
        prev = first;
        first += cap;
    }
    m.first = first;
    m.prev_first = prev;
    int shown = count - first < m.visible ? count - first : m.visible;
    m.above = first;
    m.below = count - first - (shown > 0 ? shown : 0);
    m.top = l.panel.y;
    if (m.above > 0) {
        m.up = (SDL_Rect){l.panel.x, l.panel.y, l.panel.w, strip};
        m.top += with;
    }
    if (m.below > 0)
        m.down = (SDL_Rect){l.panel.x, m.top + shown * m.row_h, l.panel.w, strip};
    return m;
}

int render_menu_row_at(const Render *rd, const LevelList *levels, int selected, int x, int y)
{
    RenderLayout l = render_layout(rd);
    MenuRows m = menu_rows(rd, levels->count, selected);
    if (x < l.panel.x || x >= l.panel.x + l.panel.w || y < m.top || m.row_h <= 0)
        return -1;
    int i = m.first + (y - m.top) / m.row_h;
    if ((y - m.top) % m.row_h >= m.row_h - render_px(rd, render_style(rd)->menu_row_gap))
        return -1; /* the gap between two rows */
    return i < m.first + m.visible && i < levels->count ? i : -1;
}

int render_menu_page_at(const Render *rd, const LevelList *levels, int selected, int x, int y)
{
    MenuRows m = menu_rows(rd, levels->count, selected);
    SDL_Point p = {x, y};
    if (m.above > 0 && SDL_PointInRect(&p, &m.up))
        return m.prev_first;
    if (m.below > 0 && SDL_PointInRect(&p, &m.down))
        return m.first + m.visible;
    return -1;
}

/* A "more" strip: a quiet touch button saying how many routines lie that way. */
static void menu_more(Render *rd, SDL_Rect rc, int n, bool up)
{
    const RenderStyle *st = render_style(rd);
    char b[64];
    snprintf(b, sizeof b, "%s %d more routine%s", up ? "\xE2\x96\xB2" : "\xE2\x96\xBC", n, n == 1 ? "" : "s");
    render_box(rd, rc, render_px(rd, st->radius_button), st->button_bg);
    int px = render_px(rd, st->menu_sub), tw, th;
    text_measure(rd->text, b, px, 0, 1, &tw, &th);
    text_draw(rd->text, b, px, st->button_text, rc.x + rc.w / 2, rc.y + (rc.h - th) / 2, TEXT_CENTER, rc.w, 1);
}

/* The frequency at the head of a menu row, with its separator: "2 of 3 today · " from the history,
 * else the prescription, "3 times a day · "; "" when the routine has none. */
static void menu_frequency_text(const Routine *r, const StreakFrequency *f, char *buf, size_t size)
{
    char t[64];
    buf[0] = '\0';
    if (f && f->target > 0)
        streak_frequency_text(f, t, sizeof t);
    else if (r->times_a_day > 0 || r->days_a_week > 0) {
        bool week = r->times_a_day <= 0;
        int lo = week ? r->days_a_week : r->times_a_day, hi = week ? r->days_a_week_max : r->times_a_day_max;
        char n[32];
        if (hi > lo)
            snprintf(n, sizeof n, "%d\xE2\x80\x93%d", lo, hi);
        else
            snprintf(n, sizeof n, "%d", lo);
        snprintf(t, sizeof t, "%s %s",
                 week                  ? n
                 : lo == 1 && hi <= lo ? "once"
                                       : n,
                 week                  ? "days a week"
                 : lo == 1 && hi <= lo ? "a day"
                                       : "times a day");
    } else
        return;
    snprintf(buf, size, "%s \xC2\xB7 ", t);
}

static const char MENU_KEYS_DEFAULT[] =
    "\xE2\x86\x91\xE2\x86\x93 choose \xC2\xB7 press to start \xC2\xB7 \xE2\x97\x80 doctor advice \xC2\xB7 "
    "progress \xE2\x96\xB6 \xC2\xB7 Q quit";

void render_menu(Render *rd, const LevelList *levels, int selected, const SessionView *idle, const Overlay *ov)
{
    const RenderStyle *st = render_style(rd);
    RenderLayout l = render_layout(rd);
    SDL_Rect sound_off = sound_off_box(rd, false, false);
    render_clear(rd);
    render_text(rd, "unknot", st->logo_text, 0, st->heading, l.header.x, l.header.y, TEXT_LEFT, 0, 1);
    const char *hint = ov && ov->keys_hint ? ov->keys_hint : MENU_KEYS_DEFAULT;
    if (!passing_notice(ov)) /* a passing notice stands in the key line's place for its time */
        render_text(rd, hint, st->text_body, st->text_hint_min, st->text_quiet, l.header.x + l.header.w,
                    l.header.y + (render_px(rd, st->logo_text) - render_px(rd, st->text_body)) / 2, TEXT_RIGHT,
                    l.header.w * 2 / 3, 1);
    {
        /* the figure stands between the streak badges above and the two buttons below; with the
         * sound off, "Sound off" stands under the streak badges, not on them */
        int gap = render_px(rd, st->gap);
        bool badges = ov && ov->menu && ov->menu->have_streak;
        int top = badges ? gap + render_px(rd, st->badge_size) * 2 + render_px(rd, st->text_body_min) * 2 : 0;
        if (badges && ov->muted) { /* in the line of the next level's badge when it has none */
            int below = ov->menu->next[0] ? top + gap / 2 : gap + render_px(rd, st->badge_size) * 2;
            sound_off.x = l.stage.x + gap, sound_off.y = l.stage.y + below;
            top = below + sound_off.h + gap > top ? below + sound_off.h + gap : top;
        }
        SDL_Rect b = render_menu_button_rect(rd, MENU_BUTTON_ADVICE);
        SDL_Rect area = {l.stage.x, l.stage.y + top, l.stage.w, b.y - gap - (l.stage.y + top)};
        figure_in(rd, idle, area.h > 0 ? area : l.stage, (SDL_Rect){0, 0, 0, 0}, (SDL_Rect){0, 0, 0, 0});
    }
    int pad = render_px(rd, st->menu_pad);
    MenuRows m = menu_rows(rd, levels->count, selected);
    int y = m.top, row_h = m.row_h;
    if (m.above > 0)
        menu_more(rd, m.up, m.above, true);
    if (m.below > 0)
        menu_more(rd, m.down, m.below, false);
    for (int i = m.first; i < levels->count && i < m.first + m.visible; i++) {
        const LevelEntry *e = &levels->items[i];
        SDL_Rect row = {l.panel.x, y, l.panel.w, row_h - render_px(rd, st->menu_row_gap)};
        render_box(rd, row, render_px(rd, st->radius_button), i == selected ? st->selected_bg : st->panel_bg);
        SDL_Color fg = i == selected ? st->selected_text : st->text;
        char sub[240], total[160];
        MenuLevelState ls = ov && ov->menu && i < LEVELS_MAX ? ov->menu->state[i] : MENU_LEVEL_NONE;
        if (ls == MENU_LEVEL_LOCKED && i != selected)
            fg = st->text_quiet; /* locked: visibly not yet, still readable */
        static const char *const LEVEL_WORD[] = {"", " \xC2\xB7 open", " \xC2\xB7 done \xE2\x9C\x93",
                                                 " \xC2\xB7 locked"};
        if (e->valid) {
            char minutes[40]; /* "3 min", or "3-8 min" where open holds can make it longer, as the kiosk tiles say */
            kiosk_tile_time_text(&e->routine, minutes, sizeof minutes);
            char freq[80];
            menu_frequency_text(&e->routine, ov && ov->menu && i < LEVELS_MAX ? &ov->menu->freq[i] : NULL, freq,
                                sizeof freq);
            /* with a frequency the exercise count gives way to it: "2 of 3 today · 3 min" fits a row */
            char steps[32] = "", count[24];
            routine_exercises_text(routine_exercise_count(&e->routine), count, sizeof count);
            if (!freq[0])
                snprintf(steps, sizeof steps, " \xC2\xB7 %s", count);
            snprintf(total, sizeof total, "%s%s%s", freq, minutes, steps);
            if (e->routine.level > 0)
                snprintf(sub, sizeof sub, "Level %d%s \xC2\xB7 %s", e->routine.level,
                         freq[0] && ls == MENU_LEVEL_DONE ? "" : LEVEL_WORD[ls], total);
            else
                snprintf(sub, sizeof sub, "%s", total);
        } else {
            snprintf(sub, sizeof sub, "Cannot be played: see unknot --check");
        }
        const char *name = e->valid ? e->routine.title : e->path;
        int name_h = render_text(rd, name, st->menu_name, st->menu_name_min, fg, row.x + pad, row.y + pad / 2,
                                 TEXT_LEFT, row.w - 2 * pad, 1);
        int sub_y = row.y + pad / 2 + name_h - render_px(rd, st->line_gap); /* tight under the name */
        render_text(rd, sub, st->menu_sub, 0, fg, row.x + pad, sub_y, TEXT_LEFT, row.w - 2 * pad, 1);
        y += row_h;
    }
    if (levels->count == 0)
        render_text(rd, "No routines found in levels/.", st->text_result, 0, st->text, l.panel.x, y, TEXT_LEFT,
                    l.panel.w, 2);
    const char *about = NULL;
    if (selected >= 0 && selected < levels->count && levels->items[selected].valid)
        about = levels->items[selected].routine.description;
    render_caption(rd, about);
    draw_menu_home(rd, ov ? ov->menu : NULL);
    sound_off_draw(rd, ov, sound_off);
    passing_notice_draw(rd, ov);
}
