/* sidepick.c: "Which side hurts?" (sidepick.h). Three buttons as big as the screen allows, Left,
 * Both (or the middle) and Right in the order they are on the body, each written in words, never a
 * picture alone that could be read as a mirror image. */
#include "sidepick.h"

#include <stdio.h>

#include "keyhint.h"

const Sides sidepick_answers[SIDEPICK_ANSWERS] = {SIDES_LEFT, SIDES_BOTH, SIDES_RIGHT};

static int heading_h(const Render *rd)
{
    const RenderStyle *st = render_style(rd);
    return render_px(rd, st->text_question) * 3 / 2 + render_px(rd, st->text_body) * 3 / 2 + render_px(rd, st->gap);
}

/* Where answer `which` stands among sidepick_answers, or -1. */
static int answer_index(Sides which)
{
    for (int i = 0; i < SIDEPICK_ANSWERS; i++)
        if (sidepick_answers[i] == which)
            return i;
    return -1;
}

SDL_Rect sidepick_rect(const Render *rd, Sides which)
{
    const RenderStyle *st = render_style(rd);
    RenderLayout l = render_layout(rd);
    int gap = render_px(rd, st->gap), bh = render_px(rd, st->button_h);
    int top = l.body.y + heading_h(rd) + gap;
    int h = l.body.y + l.body.h - top - bh - gap;
    int w = (l.body.w - (SIDEPICK_ANSWERS - 1) * gap) / SIDEPICK_ANSWERS;
    int i = answer_index(which);
    if (i >= 0)
        return (SDL_Rect){l.body.x + i * (w + gap), top, w, h};
    return (SDL_Rect){l.body.x, l.body.y + l.body.h - bh, l.body.w / 3, bh};
}

void sidepick_words(Sides which, const char **word, const char **sub)
{
    switch (which) {
    case SIDES_LEFT: *word = "Left", *sub = "my left side"; return;
    case SIDES_RIGHT: *word = "Right", *sub = "my right side"; return;
    case SIDES_BOTH: *word = "Both", *sub = "or the middle"; return;
    case SIDES_NONE:
    case SIDES_ALTERNATE: break;
    }
    *word = *sub = NULL;
}

int sidepick_word_px(Render *rd)
{
    const RenderStyle *st = render_style(rd);
    int px = render_px(rd, st->text_big) / 2;
    for (int i = 0; i < SIDEPICK_ANSWERS; i++) {
        const char *word, *sub;
        sidepick_words(sidepick_answers[i], &word, &sub);
        int fit = text_fit(rd->text, word, px, render_px(rd, st->text_body),
                           sidepick_rect(rd, sidepick_answers[i]).w * 4 / 5);
        px = fit < px ? fit : px;
    }
    return px;
}

/* The answer beside sel in direction dir (-1 left, +1 right); from none, the end answer that way. */
static Sides step_answer(Sides sel, int dir)
{
    int i = answer_index(sel);
    if (i < 0)
        return dir < 0 ? sidepick_answers[0] : sidepick_answers[SIDEPICK_ANSWERS - 1];
    i += dir;
    return sidepick_answers[i < 0 ? 0 : i >= SIDEPICK_ANSWERS ? SIDEPICK_ANSWERS - 1 : i];
}

SidePickResult sidepick_event(Sides *sel, const SDL_Event *e)
{
    if (e->type == SDL_KEYDOWN) {
        SDL_Keycode k = e->key.keysym.sym;
        if (k == SDLK_LEFT || k == SDLK_RIGHT) {
            *sel = step_answer(*sel, k == SDLK_LEFT ? -1 : 1);
            return SIDEPICK_MOVED;
        }
        if (!e->key.repeat && (k == SDLK_l || k == SDLK_r || k == SDLK_b)) {
            *sel = k == SDLK_l ? SIDES_LEFT : k == SDLK_r ? SIDES_RIGHT : SIDES_BOTH;
            return SIDEPICK_CHOSEN;
        }
    }
    if (e->type == SDL_CONTROLLERBUTTONDOWN && (e->cbutton.button == SDL_CONTROLLER_BUTTON_DPAD_LEFT ||
                                                e->cbutton.button == SDL_CONTROLLER_BUTTON_DPAD_RIGHT)) {
        *sel = step_answer(*sel, e->cbutton.button == SDL_CONTROLLER_BUTTON_DPAD_LEFT ? -1 : 1);
        return SIDEPICK_MOVED;
    }
    return SIDEPICK_IGNORED;
}

SidePickResult sidepick_action(Sides *sel, Action a)
{
    switch (a) {
    case ACT_PRESS: return answer_index(*sel) >= 0 ? SIDEPICK_CHOSEN : SIDEPICK_IGNORED;
    case ACT_SKIP:
    case ACT_BACK: return SIDEPICK_SKIPPED;
    default: return SIDEPICK_IGNORED;
    }
}

SidePickResult sidepick_tap(Sides *sel, const Render *rd, int x, int y)
{
    SDL_Point p = {x, y};
    for (int i = 0; i < SIDEPICK_ANSWERS; i++) {
        SDL_Rect rc = sidepick_rect(rd, sidepick_answers[i]);
        if (SDL_PointInRect(&p, &rc)) {
            *sel = sidepick_answers[i];
            return SIDEPICK_CHOSEN;
        }
    }
    SDL_Rect skip = sidepick_rect(rd, SIDES_NONE);
    return SDL_PointInRect(&p, &skip) ? SIDEPICK_SKIPPED : SIDEPICK_IGNORED;
}

static void big_button(Render *rd, SDL_Rect rc, int px, Sides which, bool on)
{
    const RenderStyle *st = render_style(rd);
    const char *word, *sub;
    sidepick_words(which, &word, &sub);
    render_box(rd, rc, render_px(rd, st->radius_box), on ? st->selected_bg : st->panel_bg);
    SDL_Color c = on ? st->selected_text : st->text;
    int sub_px = text_fit(rd->text, sub, render_px(rd, st->text_body), render_px(rd, st->text_body_min), rc.w * 9 / 10);
    int tw, th, sw, sh;
    text_measure(rd->text, word, px, 0, 1, &tw, &th);
    text_measure(rd->text, sub, sub_px, 0, 1, &sw, &sh);
    int y = rc.y + (rc.h - th - sh) / 2;
    text_draw(rd->text, word, px, c, rc.x + rc.w / 2, y, TEXT_CENTER, 0, 1);
    text_draw(rd->text, sub, sub_px, c, rc.x + rc.w / 2, y + th, TEXT_CENTER, 0, 1);
}

void sidepick_draw(Render *rd, const SessionView *v, Sides sel, const char *keys)
{
    const RenderStyle *st = render_style(rd);
    RenderLayout l = render_layout(rd);
    int y = l.body.y, gap = render_px(rd, st->gap);
    y += render_text(rd, "Which side hurts?", st->text_question, st->text_body, st->heading, l.body.x, y, TEXT_LEFT,
                     l.body.w, 1);
    render_text(rd, "Some moves are done away from it or towards it", st->text_body, st->text_body_min, st->text_quiet,
                l.body.x, y, TEXT_LEFT, l.body.w, 1);
    int px = sidepick_word_px(rd);
    for (int i = 0; i < SIDEPICK_ANSWERS; i++)
        big_button(rd, sidepick_rect(rd, sidepick_answers[i]), px, sidepick_answers[i], sel == sidepick_answers[i]);
    /* the keys and the wait beside Skip, where the row has room for them at the workout's size */
    SDL_Rect skip = sidepick_rect(rd, SIDES_NONE);
    render_button(rd, skip, "Skip", false);
    char line[KEYHINT_BYTES + 48];
    snprintf(line, sizeof line, "%s \xC2\xB7 skipped in %d s", keys ? keys : "L, B or R, or arrows, then press",
             (v->remaining_ms + 999) / 1000);
    int x = skip.x + skip.w + gap, w = l.body.x + l.body.w - x;
    int lpx = text_fit(rd->text, line, render_px(rd, st->text_body), render_px(rd, st->text_body_min), w);
    int tw, th;
    text_measure(rd->text, line, lpx, w, 1, &tw, &th);
    text_draw(rd->text, line, lpx, st->text_quiet, x, skip.y + (skip.h - th) / 2, TEXT_LEFT, w, 1);
}
