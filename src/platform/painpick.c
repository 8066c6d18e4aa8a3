/* painpick.c: the 0-10 pain picker (see painpick.h). Tiles large enough to hit from the floor
 * and read from 3 m; a colour strip from calm to warm under the numbers, never colour alone.
 * Keys it reads directly are the ones a scale needs (arrows, digits, d-pad); the main button,
 * skip and back come through the caller's bindings, so a rebound switch still confirms. */
#include "painpick.h"

#include <stdio.h>

static int clamp_value(int v)
{
    return v < 0 ? 0 : v > PAINPICK_MAX ? PAINPICK_MAX : v;
}

void painpick_init(PainPicker *p, int value)
{
    p->value = clamp_value(value);
    p->last_digit = -1;
    p->last_digit_ms = 0;
}

const char *painpick_word(int value)
{
    if (value <= 0)
        return "No pain";
    if (value <= 3)
        return "Mild";
    if (value <= 6)
        return "Moderate";
    if (value <= 9)
        return "Severe";
    return "Worst pain";
}

/* ---- layout ---- */

PainPickLayout painpick_layout(const Render *rd, SDL_Rect area)
{
    const RenderStyle *st = render_style(rd);
    PainPickLayout l;
    l.area = area;
    int gap = render_px(rd, st->gap);
    int button_h = render_px(rd, st->button_h);
    int label_h = render_px(rd, st->text_body) * 3 / 2;
    l.rows = 1;
    int per_row = PAINPICK_COUNT;
    int tile_w = (area.w - (per_row - 1) * gap) / per_row;
    if (tile_w < render_px(rd, st->picker_tile_min_w)) {
        l.rows = 2; /* 0-5 above, 6-10 below */
        per_row = 6;
        tile_w = (area.w - (per_row - 1) * gap) / per_row;
    }
    int room = area.h - label_h - button_h - 2 * gap;
    int tile_h = (room - (l.rows - 1) * gap) / l.rows;
    if (tile_h > tile_w * 3 / 2)
        tile_h = tile_w * 3 / 2; /* tall enough to hit from the floor, not a wall of colour */
    if (tile_h < 1)
        tile_h = 1;
    int row_w = per_row * tile_w + (per_row - 1) * gap;
    int x0 = area.x + (area.w - row_w) / 2;
    for (int i = 0; i < PAINPICK_COUNT; i++) {
        int row = l.rows == 2 && i >= per_row ? 1 : 0;
        int col = row ? i - per_row : i;
        int rx = x0;
        if (row) /* the second row (5 tiles) centred under the first (6) */
            rx += (tile_w + gap) / 2;
        l.number[i] = (SDL_Rect){rx + col * (tile_w + gap), area.y + row * (tile_h + gap), tile_w, tile_h};
    }
    int below = area.y + l.rows * tile_h + (l.rows - 1) * gap;
    l.label_row = (SDL_Rect){x0, below + gap / 2, row_w, label_h};
    int by = l.label_row.y + label_h + gap;
    int bw = row_w / 3;
    l.skip = (SDL_Rect){x0, by, bw, button_h};
    l.ok = (SDL_Rect){x0 + row_w - bw, by, bw, button_h};
    return l;
}

/* ---- input ---- */

static PainPickResult move(PainPicker *p, int by)
{
    p->value = clamp_value(p->value + by);
    p->last_digit = -1;
    return PAINPICK_MOVED;
}

static int digit_of(SDL_Keycode k)
{
    if (k >= SDLK_0 && k <= SDLK_9)
        return (int)(k - SDLK_0);
    if (k >= SDLK_KP_1 && k <= SDLK_KP_9)
        return (int)(k - SDLK_KP_1) + 1;
    if (k == SDLK_KP_0)
        return 0;
    return -1;
}

static bool key_bound(const Bindings *b, SDL_Keycode k)
{
    for (int i = 0; b && i < b->count; i++)
        if (b->items[i].kind == BIND_KEY && b->items[i].code == (int)k)
            return true;
    return false;
}

PainPickResult painpick_event(PainPicker *p, const SDL_Event *e, const Bindings *b)
{
    if (e->type == SDL_KEYDOWN) {
        SDL_Keycode k = e->key.keysym.sym;
        if (k == SDLK_LEFT || k == SDLK_DOWN)
            return move(p, -1); /* auto-repeat too: holding an arrow runs along the scale */
        if (k == SDLK_RIGHT || k == SDLK_UP)
            return move(p, +1);
        if (k == SDLK_HOME)
            return move(p, -PAINPICK_MAX);
        if (k == SDLK_END)
            return move(p, PAINPICK_MAX);
        int d = digit_of(k);
        if (d < 0 || e->key.repeat || key_bound(b, k))
            return PAINPICK_IGNORED; /* a digit bound to an action (an accessibility switch) keeps it */
        if (d == 0 && p->last_digit == 1 && e->key.timestamp - p->last_digit_ms <= PAINPICK_TEN_MS)
            p->value = 10;
        else
            p->value = d;
        p->last_digit = d;
        p->last_digit_ms = e->key.timestamp;
        return PAINPICK_MOVED;
    }
    if (e->type == SDL_CONTROLLERBUTTONDOWN) {
        switch (e->cbutton.button) {
        case SDL_CONTROLLER_BUTTON_DPAD_LEFT:
        case SDL_CONTROLLER_BUTTON_DPAD_DOWN: return move(p, -1);
        case SDL_CONTROLLER_BUTTON_DPAD_RIGHT:
        case SDL_CONTROLLER_BUTTON_DPAD_UP: return move(p, +1);
        default: return PAINPICK_IGNORED;
        }
    }
    return PAINPICK_IGNORED;
}

PainPickResult painpick_action(PainPicker *p, Action a)
{
    switch (a) {
    case ACT_PRESS: return PAINPICK_CHOSEN;
    case ACT_SKIP:
    case ACT_BACK: return PAINPICK_SKIPPED;
    case ACT_UP: return move(p, +1);
    case ACT_DOWN: return move(p, -1);
    default: return PAINPICK_IGNORED;
    }
}

PainPickResult painpick_tap(PainPicker *p, const PainPickLayout *l, int x, int y)
{
    SDL_Point pt = {x, y};
    for (int i = 0; i < PAINPICK_COUNT; i++) {
        if (SDL_PointInRect(&pt, &l->number[i])) {
            if (p->value == i)
                return PAINPICK_CHOSEN; /* the highlighted number tapped again */
            p->value = i;
            p->last_digit = -1;
            return PAINPICK_MOVED;
        }
    }
    if (SDL_PointInRect(&pt, &l->ok))
        return PAINPICK_CHOSEN;
    if (SDL_PointInRect(&pt, &l->skip))
        return PAINPICK_SKIPPED;
    return PAINPICK_IGNORED;
}

/* ---- drawing ---- */

static SDL_Color blend(SDL_Color a, SDL_Color b, int num, int den)
{
    SDL_Color c;
    c.r = (Uint8)(a.r + (b.r - a.r) * num / den);
    c.g = (Uint8)(a.g + (b.g - a.g) * num / den);
    c.b = (Uint8)(a.b + (b.b - a.b) * num / den);
    c.a = 255;
    return c;
}

void painpick_draw(Render *rd, int value, const PainPickLayout *l)
{
    const RenderStyle *st = render_style(rd);
    int radius = render_px(rd, st->radius_button);
    int strip = render_px(rd, st->picker_strip_h);
    /* one size for every number, the one at which "10" fits its tile */
    int px = text_fit(rd->text, "10", render_px(rd, st->picker_number), render_px(rd, st->text_body_min),
                      l->number[0].w - 2 * render_px(rd, st->button_pad));
    for (int i = 0; i < PAINPICK_COUNT; i++) {
        SDL_Rect rc = l->number[i];
        bool on = i == value;
        if (on) {
            /* the chosen number stands out by size and fill, not by colour alone */
            int grow = render_px(rd, st->gap) / 2;
            rc = (SDL_Rect){rc.x - grow, rc.y - grow, rc.w + 2 * grow, rc.h + 2 * grow};
        }
        render_box(rd, rc, radius, on ? st->selected_bg : st->panel_bg);
        SDL_Rect bar = {rc.x + radius / 2, rc.y + rc.h - strip - radius / 2, rc.w - radius, strip};
        render_box(rd, bar, strip / 2, blend(st->pain_low, st->pain_high, i, PAINPICK_MAX));
        char num[4];
        snprintf(num, sizeof num, "%d", i);
        int tw, th;
        text_measure(rd->text, num, px, 0, 1, &tw, &th);
        text_draw(rd->text, num, px, on ? st->selected_text : st->text, rc.x + rc.w / 2, rc.y + (rc.h - strip - th) / 2,
                  TEXT_CENTER, 0, 1);
    }
    int half = l->label_row.w / 2 - render_px(rd, st->gap);
    render_text(rd, "0: no pain", st->text_body, st->text_body_min, st->text_quiet, l->label_row.x, l->label_row.y,
                TEXT_LEFT, half, 1);
    render_text(rd, "10: worst pain", st->text_body, st->text_body_min, st->text_quiet, l->label_row.x + l->label_row.w,
                l->label_row.y, TEXT_RIGHT, half, 1);
    char ok[64];
    snprintf(ok, sizeof ok, "OK: %d \xC2\xB7 %s", value, painpick_word(value));
    render_button(rd, l->skip, "Skip", false);
    render_button(rd, l->ok, ok, true);
}
