/* kioskdraw.c: the kiosk's screens. Colours come from the render style; the kiosk's larger
 * sizes (it is read from across a waiting room, at a glance) are in KioskStyle below, in layout
 * units (1 unit = 1 px at 1920x1080). Every touch target is computed by one function that the
 * drawing and kioskdraw_item_at share, so taps land on what is drawn. */
#include "kioskdraw.h"

#include <stdio.h>
#include <string.h>

#include "session.h"
#include "sprites.h"

typedef struct {
    int top; /* the first row of text */
    int heading; /* "Choose a routine", "Admin PIN" */
    int info; /* the clinic, the day's count */
    int move_name; /* the attract loop's move */
    int call; /* "Press any button or touch the screen to start" */
    int call_h; /* its band */
    int tile_title, tile_title_min, tile_sub, tile_text, tile_pad, tile_gap;
    int code_bar_h, code_text;
    int key_label, key_word, key_gap;
    int digits, digits_h, note, explain;
    int still_title, still_count, still_text;
    int admin_line, admin_button_h, admin_button_text;
} KioskStyle;

static const KioskStyle kiosk_style = {
    .top = 36,
    .heading = 76,
    .info = 52,
    .move_name = 120,
    .call = 72,
    .call_h = 170,
    .tile_title = 76,
    .tile_title_min = 44,
    .tile_sub = 48,
    .tile_text = 40,
    .tile_pad = 36,
    .tile_gap = 32,
    .code_bar_h = 130,
    .code_text = 52,
    .key_label = 88,
    .key_word = 56,
    .key_gap = 22,
    .digits = 120,
    .digits_h = 190,
    .note = 52,
    .explain = 44,
    .still_title = 150,
    .still_count = 300,
    .still_text = 60,
    .admin_line = 52,
    .admin_button_h = 170,
    .admin_button_text = 60,
};

#define KS (&kiosk_style)
#define KIOSKDRAW_TITLE_LINES 3 /* a tile's title takes at most this many lines */

/* ---- layout, shared by drawing and touch ---- */

/* The area below a screen's heading line. */
static SDL_Rect content_area(const Render *rd)
{
    const RenderStyle *st = render_style(rd);
    int m = render_px(rd, st->margin);
    int top = render_px(rd, KS->top + KS->heading + 40);
    return (SDL_Rect){m, top, rd->w - 2 * m, rd->h - top - m};
}

int kioskdraw_tile_columns(int n)
{
    return n <= 3 ? (n < 1 ? 1 : n) : n == 4 ? 2 : 4;
}

static SDL_Rect code_bar_rect(const Render *rd)
{
    SDL_Rect a = content_area(rd);
    int h = render_px(rd, KS->code_bar_h);
    return (SDL_Rect){a.x, a.y + a.h - h, a.w, h};
}

static SDL_Rect tile_rect(const Render *rd, const Kiosk *k, int i)
{
    SDL_Rect a = content_area(rd);
    int n = k->set.tile_count;
    if (i == n)
        return code_bar_rect(rd);
    int gap = render_px(rd, KS->tile_gap);
    if (k->set.patient_codes)
        a.h -= render_px(rd, KS->code_bar_h) + gap;
    int cols = kioskdraw_tile_columns(n);
    int rows = n > 0 ? (n + cols - 1) / cols : 1;
    int w = (a.w - gap * (cols - 1)) / cols;
    int h = (a.h - gap * (rows - 1)) / rows;
    return (SDL_Rect){a.x + (i % cols) * (w + gap), a.y + (i / cols) * (h + gap), w, h};
}

/* The keypad on the right half: a 3 x 4 grid, then Cancel across the bottom. */
static SDL_Rect key_rect(const Render *rd, int b)
{
    SDL_Rect a = content_area(rd);
    int gap = render_px(rd, KS->key_gap);
    int x0 = a.x + a.w * 52 / 100, w_all = a.x + a.w - x0;
    int w = (w_all - gap * (KEYPAD_COLUMNS - 1)) / KEYPAD_COLUMNS;
    int h = (a.h - gap * 4) / 5;
    if (b == KEYPAD_CANCEL)
        return (SDL_Rect){x0, a.y + 4 * (h + gap), w_all, h};
    return (SDL_Rect){x0 + (b % KEYPAD_COLUMNS) * (w + gap), a.y + (b / KEYPAD_COLUMNS) * (h + gap), w, h};
}

static SDL_Rect admin_rect(const Render *rd, int b)
{
    SDL_Rect a = content_area(rd);
    int gap = render_px(rd, KS->key_gap);
    int h = render_px(rd, KS->admin_button_h);
    int x0 = a.x + a.w * 58 / 100;
    return (SDL_Rect){x0, a.y + b * (h + gap), a.x + a.w - x0, h};
}

/* The attract screen's band across the bottom: "Press any button or touch the screen to start". */
static SDL_Rect attract_call(const Render *rd)
{
    int m = render_px(rd, render_style(rd)->margin), call_h = render_px(rd, KS->call_h);
    return (SDL_Rect){m, rd->h - m - call_h, rd->w - 2 * m, call_h};
}

/* The attract screen's stage: the card the figure plays on. */
static SDL_Rect attract_stage(const Render *rd)
{
    int m = render_px(rd, render_style(rd)->margin), gap = render_px(rd, KS->tile_gap);
    int top = render_px(rd, KS->top + KS->heading + 30);
    return (SDL_Rect){m, top, (rd->w - 2 * m) * 55 / 100, attract_call(rd).y - gap - top};
}

SDL_Rect kioskdraw_attract_figure_area(const Render *rd)
{
    SDL_Rect stage = attract_stage(rd);
    int gap = render_px(rd, KS->tile_gap);
    return (SDL_Rect){stage.x + gap, stage.y + gap, stage.w - 2 * gap, stage.h - 2 * gap};
}

int kioskdraw_item_at(const Render *rd, const Kiosk *k, int x, int y)
{
    SDL_Point p = {x, y};
    int n = kiosk_item_count(k);
    for (int i = 0; i < n; i++) {
        SDL_Rect rc = k->screen == KIOSK_TILES   ? tile_rect(rd, k, i)
                      : k->screen == KIOSK_ADMIN ? admin_rect(rd, i)
                                                 : key_rect(rd, i);
        if (SDL_PointInRect(&p, &rc))
            return i;
    }
    return -1;
}

/* ---- pieces ---- */

static int text(Render *rd, const char *s, int units, int min_units, SDL_Color c, int x, int y, TextAlign a, int max_w,
                int lines)
{
    return render_text(rd, s, units, min_units, c, x, y, a, max_w, lines);
}

/* A heading on the left and, optionally, a quiet line on the right of the top row. */
static void heading(Render *rd, const char *left, const char *right)
{
    const RenderStyle *st = render_style(rd);
    int m = render_px(rd, st->margin), y = render_px(rd, KS->top);
    int rw = 0, rh = 0;
    if (right && *right) {
        text_measure(rd->text, right, render_px(rd, KS->info), 0, 1, &rw, &rh);
        text(rd, right, KS->info, 0, st->text_quiet, rd->w - m, y + render_px(rd, 14), TEXT_RIGHT, 0, 1);
    }
    text(rd, left, KS->heading, 44, st->heading, m, y, TEXT_LEFT, rd->w - 2 * m - rw - render_px(rd, 40), 1);
}

/* A big button: label centred, in the selected colours when focused. */
static void key(Render *rd, SDL_Rect rc, const char *label, int units, bool focused, bool strong)
{
    const RenderStyle *st = render_style(rd);
    SDL_Color bg = focused ? st->selected_bg : strong ? st->button_active_bg : st->button_bg;
    SDL_Color fg = focused ? st->selected_text : strong ? st->button_active_text : st->button_text;
    render_box(rd, rc, render_px(rd, st->radius_button), bg);
    if (focused) {
        /* a ring as well as the colour, so the focus shows even where colours are hard to tell */
        int t = render_px(rd, 6);
        SDL_Rect in = {rc.x + t, rc.y + t, rc.w - 2 * t, rc.h - 2 * t};
        render_box(rd, in, render_px(rd, st->radius_button), st->background);
        SDL_Rect in2 = {in.x + t, in.y + t, in.w - 2 * t, in.h - 2 * t};
        render_box(rd, in2, render_px(rd, st->radius_button), bg);
    }
    int px = text_fit(rd->text, label, render_px(rd, units), render_px(rd, 28), rc.w - render_px(rd, 24));
    int w, h;
    text_measure(rd->text, label, px, 0, 1, &w, &h);
    text_draw(rd->text, label, px, fg, rc.x + rc.w / 2, rc.y + (rc.h - h) / 2, TEXT_CENTER, 0, 1);
}

/* ---- screens ---- */

static void draw_attract(Render *rd, const Kiosk *k, const KioskDrawInfo *info)
{
    const RenderStyle *st = render_style(rd);
    char today[96] = "";
    if (info->today == 0)
        snprintf(today, sizeof today, "Be the first today!");
    else if (info->today > 0)
        snprintf(today, sizeof today, "%d workout%s done here today", info->today, info->today == 1 ? "" : "s");
    heading(rd, info->clinic && *info->clinic ? info->clinic : "unknot", today);
    int m = render_px(rd, st->margin), gap = render_px(rd, KS->tile_gap);
    SDL_Rect call = attract_call(rd), stage = attract_stage(rd);
    render_box(rd, stage, render_px(rd, st->radius_stage), st->stage_bg);
    SessionView v;
    memset(&v, 0, sizeof v);
    v.kind = SEG_WORK;
    v.step_index = -1;
    v.caption = "";
    kiosk_attract_view(info->attract, k->attract_ms, &v); /* each move at its own pace, in its own slot */
    MoveId move = v.figure;
    if (rd->sprites) {
        sprites_prepare(rd->sprites, move, v.next_figure);
        /* the camera runs on the loop's time; a new slot starts at its own framing (all of its
         * poses), not eased from the slot before's */
        sprites_set_clock(rd->sprites, k->attract_ms);
        if (info->attract_new_slot)
            sprites_camera_reset(rd->sprites);
    }
    SDL_Rect fig = kioskdraw_attract_figure_area(rd);
    SpritesBackdrop bd = {stage, render_px(rd, st->radius_stage), st->stage_bg, st->background};
    if (!rd->sprites || !sprites_draw_clear(rd->sprites, &v, fig, (SDL_Rect){0, 0, 0, 0}, (SDL_Rect){0, 0, 0, 0}, &bd))
        text(rd, moves_info(move)->name, KS->move_name, 48, st->stage_text, stage.x + stage.w / 2,
             stage.y + stage.h / 2 - render_px(rd, 60), TEXT_CENTER, stage.w - 2 * gap, 2);
    /* the move's name and what this screen is for, beside the figure */
    int px = stage.x + stage.w + render_px(rd, 50), pw = rd->w - m - px, y = stage.y + render_px(rd, 20);
    y += text(rd, moves_info(move)->name, KS->move_name, 60, st->text, px, y, TEXT_LEFT, pw, 2);
    if (v.side != SIDES_NONE) /* a sided move: which side this round (the other side the next) */
        y += text(rd, session_side_heading(v.side), KS->info, 0, st->heading, px, y, TEXT_LEFT, pw, 1);
    y += render_px(rd, 30);
    y += text(rd, "Short guided exercises for a stiff or sore back.", KS->info, 0, st->text_quiet, px, y, TEXT_LEFT, pw,
              3);
    y += render_px(rd, 20);
    char lengths[96]; /* the tiles' own minutes, so the two never disagree */
    kiosk_length_text(info->tiles, k->set.tile_count, lengths, (int)sizeof lengths);
    text(rd, lengths, KS->info, 0, st->text_quiet, px, y, TEXT_LEFT, pw, 3);
    render_box(rd, call, render_px(rd, st->radius_box), st->selected_bg);
    int w, h,
        cpx = text_fit(rd->text, "Press any button or touch the screen to start", render_px(rd, KS->call),
                       render_px(rd, 40), call.w - render_px(rd, 60));
    text_measure(rd->text, "Press any button or touch the screen to start", cpx, 0, 1, &w, &h);
    text_draw(rd->text, "Press any button or touch the screen to start", cpx, st->selected_text, call.x + call.w / 2,
              call.y + (call.h - h) / 2, TEXT_CENTER, 0, 1);
}

static void draw_tiles(Render *rd, const Kiosk *k, const KioskDrawInfo *info)
{
    const RenderStyle *st = render_style(rd);
    heading(rd, "Choose a routine", "Touch one, or choose and press");
    int pad = render_px(rd, KS->tile_pad);
    /* one title size for every tile: the largest at which each whole title fits in
     * KIOSKDRAW_TITLE_LINES lines (a title is what a visitor chooses by: never cut if avoidable) */
    int title_px = render_px(rd, KS->tile_title), min_px = render_px(rd, KS->tile_title_min);
    int sub_px = render_px(rd, KS->tile_sub), tallest = 0;
    SDL_Rect first = tile_rect(rd, k, 0);
    int inner_w = first.w - 2 * pad;
    /* each tile's minutes ("3 min", or "3-8 min" where open holds can make it longer) and steps:
     * on one line where every tile's fits at the tile size, else on two, the minutes first */
    char times[KIOSK_MAX_TILES][32], steps[KIOSK_MAX_TILES][32];
    bool one_line = true;
    for (int i = 0; i < k->set.tile_count && i < KIOSK_MAX_TILES; i++) {
        times[i][0] = steps[i][0] = 0;
        if (!info->tiles[i])
            continue;
        kiosk_tile_time_text(info->tiles[i], times[i], (int)sizeof times[i]);
        snprintf(steps[i], sizeof steps[i], "%d step%s", info->tiles[i]->step_count,
                 info->tiles[i]->step_count == 1 ? "" : "s");
        char sub[80];
        int sw, sh;
        snprintf(sub, sizeof sub, "%.31s \xC2\xB7 %.31s", times[i], steps[i]);
        text_measure(rd->text, sub, sub_px, 0, 1, &sw, &sh);
        one_line = one_line && sw <= inner_w;
    }
    int sub_h = one_line ? sub_px * 3 / 2 : sub_px * 3 / 2 + sub_px * 5 / 4; /* the lines' height */
    for (; title_px > min_px; title_px = title_px * 9 / 10) {
        int lw, lh, worst = 0;
        text_measure(rd->text, "Ag", title_px, 0, 1, &lw, &lh);
        bool fit = true;
        for (int i = 0; i < k->set.tile_count && fit; i++) {
            int tw, th;
            if (!info->tiles[i])
                continue;
            text_measure(rd->text, info->tiles[i]->title, title_px, inner_w, TEXT_MAX_LINES, &tw, &th);
            fit = tw <= inner_w && th <= lh * KIOSKDRAW_TITLE_LINES;
            worst = th > worst ? th : worst;
        }
        if (fit && 2 * pad + worst + sub_h <= first.h) {
            tallest = worst;
            break;
        }
    }
    if (title_px < min_px) {
        title_px = min_px;
        int lw, lh;
        text_measure(rd->text, "Ag", title_px, 0, 1, &lw, &lh);
        tallest = lh * KIOSKDRAW_TITLE_LINES;
    }
    /* a Start pill at the bottom of each tile says what touching it does, where every tile has
     * room for it (many tiles: the whole tile is the button, and its title comes first) */
    int pill_h = render_px(rd, KS->tile_sub * 2);
    bool pills = 2 * pad + tallest + render_px(rd, 20) + sub_h + pill_h <= first.h;
    for (int i = 0; i < k->set.tile_count; i++) {
        const Routine *r = info->tiles[i];
        SDL_Rect rc = tile_rect(rd, k, i);
        bool focused = k->focus == i;
        render_box(rd, rc, render_px(rd, st->radius_box), focused ? st->selected_bg : st->panel_bg);
        SDL_Color fg = focused ? st->selected_text : st->text;
        SDL_Color quiet = focused ? st->selected_text : st->text_quiet;
        if (!r)
            continue;
        int x = rc.x + pad, w = rc.w - 2 * pad, y = rc.y + pad;
        y += text_draw(rd->text, r->title, title_px, fg, x, y, TEXT_LEFT, w, KIOSKDRAW_TITLE_LINES) + render_px(rd, 8);
        SDL_Color sub_fg = focused ? st->selected_text : st->heading;
        char sub[80];
        snprintf(sub, sizeof sub, "%.31s \xC2\xB7 %.31s", times[i], steps[i]);
        const char *sub_lines[2] = {one_line ? sub : times[i], one_line ? NULL : steps[i]};
        for (int l = 0; l < 2 && sub_lines[l]; l++) {
            int spx = text_fit(rd->text, sub_lines[l], sub_px, render_px(rd, KS->tile_text), w);
            y += text_draw(rd->text, sub_lines[l], spx, sub_fg, x, y, TEXT_LEFT, w, 1);
        }
        y += render_px(rd, 12);
        SDL_Rect pill = {x, rc.y + rc.h - pad - pill_h, w, pill_h};
        if (!pills)
            continue;
        int lines = (pill.y - render_px(rd, 16) - y) / (render_px(rd, KS->tile_text) * 5 / 4);
        if (r->description && lines > 0)
            text(rd, r->description, KS->tile_text, 0, quiet, x, y, TEXT_LEFT, w, lines > 4 ? 4 : lines);
        render_box(rd, pill, render_px(rd, st->radius_button), focused ? st->selected_text : st->selected_bg);
        int pw, ph, ppx = render_px(rd, KS->tile_sub);
        text_measure(rd->text, "Start \xE2\x96\xB6", ppx, 0, 1, &pw, &ph);
        text_draw(rd->text, "Start \xE2\x96\xB6", ppx, focused ? st->selected_bg : st->selected_text,
                  pill.x + pill.w / 2, pill.y + (pill.h - ph) / 2, TEXT_CENTER, 0, 1);
    }
    if (k->set.patient_codes) {
        SDL_Rect rc = code_bar_rect(rd);
        const char *label = info->code_line ? info->code_line : "Patient code (optional): keeps your own streak here";
        key(rd, rc, label, KS->code_text, k->focus == k->set.tile_count, false);
    }
}

static void draw_keypad(Render *rd, const Kiosk *k)
{
    const RenderStyle *st = render_style(rd);
    bool pin = k->screen == KIOSK_PIN;
    heading(rd, pin ? "Admin PIN" : "Your patient code", NULL);
    SDL_Rect a = content_area(rd);
    int w = a.w * 48 / 100 - render_px(rd, 40), y = a.y;
    y += text(rd,
              pin ? "Staff only: enter the PIN to open the kiosk's settings."
                  : "4 to 6 digits from your physiotherapist. It keeps your own streak here; no name is stored.",
              KS->explain, 0, st->text_quiet, a.x, y, TEXT_LEFT, w, 3);
    y += render_px(rd, 20);
    /* the digits typed: dots for a PIN, the digits for a patient code */
    SDL_Rect box = {a.x, y, w, render_px(rd, KS->digits_h)};
    render_box(rd, box, render_px(rd, st->radius_box), st->panel_bg);
    char shown[64] = "";
    size_t n = strlen(k->digits), o = 0;
    for (size_t i = 0; i < n && o + 5 < sizeof shown; i++) {
        if (pin) {
            memcpy(shown + o, "\xE2\x97\x8F", 3); /* U+25CF black circle: a PIN is never shown */
            o += 3;
        } else {
            shown[o++] = k->digits[i];
        }
        shown[o++] = ' ';
        shown[o] = 0;
    }
    if (!n)
        snprintf(shown, sizeof shown, "\xE2\x80\x94"); /* an em dash: nothing typed yet */
    int tw, th, dpx = text_fit(rd->text, shown, render_px(rd, KS->digits), render_px(rd, 40), w - render_px(rd, 40));
    text_measure(rd->text, shown, dpx, 0, 1, &tw, &th);
    text_draw(rd->text, shown, dpx, n ? st->text : st->text_quiet, box.x + box.w / 2, box.y + (box.h - th) / 2,
              TEXT_CENTER, 0, 1);
    y += box.h + render_px(rd, 30);
    char note[128] = "";
    switch (k->note) {
    case KIOSK_NOTE_TOO_SHORT:
        snprintf(note, sizeof note, pin ? "At least 4 digits." : "A patient code has 4 to 6 digits.");
        break;
    case KIOSK_NOTE_WRONG_PIN:
        snprintf(note, sizeof note, "Wrong PIN. %d tr%s left.", kiosk_tries_left(k),
                 kiosk_tries_left(k) == 1 ? "y" : "ies");
        break;
    case KIOSK_NOTE_LOCKED:
        if (kiosk_locked_ms(k) > 0)
            snprintf(note, sizeof note, "Too many wrong PINs. Locked for %d s.",
                     (int)((kiosk_locked_ms(k) + 999) / 1000));
        else
            snprintf(note, sizeof note, "Unlocked: try again.");
        break;
    case KIOSK_NOTE_NONE:
    case KIOSK_NOTE_RELOADED: break;
    }
    if (k->checking)
        snprintf(note, sizeof note, "Checking\xE2\x80\xA6");
    y += text(rd, note, KS->note, 0, st->attention, a.x, y, TEXT_LEFT, w, 2);
    text(rd, pin ? "Keys: digits, Enter, Backspace" : "Keys: digits, Enter, Backspace \xC2\xB7 Cancel: no code",
         KS->explain, 0, st->text_quiet, a.x, a.y + a.h - render_px(rd, 60), TEXT_LEFT, w, 1);
    for (int b = 0; b < KEYPAD_BUTTONS; b++) {
        const char *label = kiosk_keypad_label((KeypadButton)b);
        bool word = b == KEYPAD_DELETE || b == KEYPAD_OK || b == KEYPAD_CANCEL;
        key(rd, key_rect(rd, b), label, word ? KS->key_word : KS->key_label, k->focus == b, false);
    }
}

static void draw_still_there(Render *rd, const Kiosk *k)
{
    const RenderStyle *st = render_style(rd);
    int y = rd->h / 2 - render_px(rd, 380), m = render_px(rd, st->margin), w = rd->w - 2 * m;
    y += text(rd, "Still there?", KS->still_title, 60, st->text, rd->w / 2, y, TEXT_CENTER, w, 1);
    char count[16];
    snprintf(count, sizeof count, "%d", kiosk_still_seconds(k));
    y += text(rd, count, KS->still_count, 0, st->attention, rd->w / 2, y, TEXT_CENTER, 0, 1);
    y += text(rd, "Press any button or touch the screen to carry on.", KS->still_text, 36, st->heading, rd->w / 2, y,
              TEXT_CENTER, w, 2);
    text(rd, "Otherwise it starts again for the next person.", KS->explain, 0, st->text_quiet, rd->w / 2,
         y + render_px(rd, 10), TEXT_CENTER, w, 2);
}

static void draw_admin(Render *rd, const Kiosk *k, const KioskDrawInfo *info)
{
    const RenderStyle *st = render_style(rd);
    heading(rd, "Kiosk admin", NULL);
    SDL_Rect a = content_area(rd);
    int w = a.w * 55 / 100, y = a.y;
    y += text(rd, "Today at this kiosk", KS->info, 0, st->heading, a.x, y, TEXT_LEFT, w, 1);
    for (int i = 0; i < 6 && info->admin_lines[i]; i++)
        y += text(rd, info->admin_lines[i], KS->admin_line, 32, st->text, a.x, y, TEXT_LEFT, w, 2);
    if (k->note == KIOSK_NOTE_RELOADED)
        text(rd, "Settings read again.", KS->admin_line, 0, st->attention, a.x, y + render_px(rd, 30), TEXT_LEFT, w, 1);
    static const char *const labels[ADMIN_BUTTONS] = {"Reload settings", "Exit the kiosk", "Close"};
    for (int b = 0; b < ADMIN_BUTTONS; b++)
        key(rd, admin_rect(rd, b), labels[b], KS->admin_button_text, k->focus == b, false);
}

void kioskdraw_screen(Render *rd, const Kiosk *k, const KioskDrawInfo *info)
{
    render_clear(rd);
    switch (k->screen) {
    case KIOSK_ATTRACT: draw_attract(rd, k, info); break;
    case KIOSK_TILES: draw_tiles(rd, k, info); break;
    case KIOSK_CODE:
    case KIOSK_PIN: draw_keypad(rd, k); break;
    case KIOSK_STILL_THERE: draw_still_there(rd, k); break;
    case KIOSK_ADMIN: draw_admin(rd, k, info); break;
    case KIOSK_WORKOUT: break;
    }
}
