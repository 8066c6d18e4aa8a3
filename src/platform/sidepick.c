/* sidepick.c: "Which side hurts?" (sidepick.h). Two buttons as big as the screen allows, the
 * side written in words, never a picture alone that could be read as a mirror image. */
#include "sidepick.h"

#include <stdio.h>

#include "keyhint.h"

static int heading_h(const Render *rd)
{
    const RenderStyle *st = render_style(rd);
    return render_px(rd, st->text_question) * 3 / 2 + render_px(rd, st->text_body) * 3 / 2 + render_px(rd, st->gap);
}

SDL_Rect sidepick_rect(const Render *rd, Sides which)
{
    const RenderStyle *st = render_style(rd);
    RenderLayout l = render_layout(rd);
    int gap = render_px(rd, st->gap), bh = render_px(rd, st->button_h);
    int top = l.body.y + heading_h(rd) + gap;
    int h = l.body.y + l.body.h - top - bh - gap;
    int w = (l.body.w - gap) / 2;
    switch (which) {
    case SIDES_LEFT: return (SDL_Rect){l.body.x, top, w, h};
    case SIDES_RIGHT: return (SDL_Rect){l.body.x + w + gap, top, w, h};
    case SIDES_NONE:
    case SIDES_BOTH:
    case SIDES_ALTERNATE: break;
    }
    return (SDL_Rect){l.body.x, l.body.y + l.body.h - bh, l.body.w / 3, bh};
}

SidePickResult sidepick_event(Sides *sel, const SDL_Event *e)
{
    if (e->type == SDL_KEYDOWN) {
        SDL_Keycode k = e->key.keysym.sym;
        if (k == SDLK_LEFT || k == SDLK_RIGHT) {
            *sel = k == SDLK_LEFT ? SIDES_LEFT : SIDES_RIGHT;
            return SIDEPICK_MOVED;
        }
        if (!e->key.repeat && (k == SDLK_l || k == SDLK_r)) {
            *sel = k == SDLK_l ? SIDES_LEFT : SIDES_RIGHT;
            return SIDEPICK_CHOSEN;
        }
    }
    if (e->type == SDL_CONTROLLERBUTTONDOWN && (e->cbutton.button == SDL_CONTROLLER_BUTTON_DPAD_LEFT ||
                                                e->cbutton.button == SDL_CONTROLLER_BUTTON_DPAD_RIGHT)) {
        *sel = e->cbutton.button == SDL_CONTROLLER_BUTTON_DPAD_LEFT ? SIDES_LEFT : SIDES_RIGHT;
        return SIDEPICK_MOVED;
    }
    return SIDEPICK_IGNORED;
}

SidePickResult sidepick_action(Sides *sel, Action a)
{
    switch (a) {
    case ACT_PRESS: return *sel == SIDES_LEFT || *sel == SIDES_RIGHT ? SIDEPICK_CHOSEN : SIDEPICK_IGNORED;
    case ACT_SKIP:
    case ACT_BACK: return SIDEPICK_SKIPPED;
    default: return SIDEPICK_IGNORED;
    }
}

SidePickResult sidepick_tap(Sides *sel, const Render *rd, int x, int y)
{
    SDL_Point p = {x, y};
    SDL_Rect left = sidepick_rect(rd, SIDES_LEFT), right = sidepick_rect(rd, SIDES_RIGHT);
    SDL_Rect skip = sidepick_rect(rd, SIDES_NONE);
    if (SDL_PointInRect(&p, &left) || SDL_PointInRect(&p, &right)) {
        *sel = SDL_PointInRect(&p, &left) ? SIDES_LEFT : SIDES_RIGHT;
        return SIDEPICK_CHOSEN;
    }
    return SDL_PointInRect(&p, &skip) ? SIDEPICK_SKIPPED : SIDEPICK_IGNORED;
}

static void big_button(Render *rd, SDL_Rect rc, const char *word, const char *sub, bool on)
{
    const RenderStyle *st = render_style(rd);
    render_box(rd, rc, render_px(rd, st->radius_box), on ? st->selected_bg : st->panel_bg);
    SDL_Color c = on ? st->selected_text : st->text;
    int px = text_fit(rd->text, word, render_px(rd, st->text_big) / 2, render_px(rd, st->text_body), rc.w * 4 / 5);
    int tw, th, sw, sh;
    text_measure(rd->text, word, px, 0, 1, &tw, &th);
    text_measure(rd->text, sub, render_px(rd, st->text_body), 0, 1, &sw, &sh);
    int y = rc.y + (rc.h - th - sh) / 2;
    text_draw(rd->text, word, px, c, rc.x + rc.w / 2, y, TEXT_CENTER, 0, 1);
    text_draw(rd->text, sub, render_px(rd, st->text_body), c, rc.x + rc.w / 2, y + th, TEXT_CENTER, 0, 1);
}

void sidepick_draw(Render *rd, const SessionView *v, Sides sel, const char *keys)
{
    const RenderStyle *st = render_style(rd);
    RenderLayout l = render_layout(rd);
    int y = l.body.y;
    y += render_text(rd, "Which side hurts?", st->text_question, st->text_body, st->heading, l.body.x, y, TEXT_LEFT,
                     l.body.w, 1);
    char line[KEYHINT_BYTES + 96];
    snprintf(line, sizeof line, "Some moves are done away from it or towards it \xC2\xB7 %s \xC2\xB7 skipped in %d s",
             keys ? keys : "L or R, or arrows, then press", (v->remaining_ms + 999) / 1000);
    render_text(rd, line, st->text_body, st->text_body_min, st->text_quiet, l.body.x, y, TEXT_LEFT, l.body.w, 1);
    big_button(rd, sidepick_rect(rd, SIDES_LEFT), "Left", "my left side", sel == SIDES_LEFT);
    big_button(rd, sidepick_rect(rd, SIDES_RIGHT), "Right", "my right side", sel == SIDES_RIGHT);
    render_button(rd, sidepick_rect(rd, SIDES_NONE), "Skip", false);
}
