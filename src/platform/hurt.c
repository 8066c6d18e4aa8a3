/* hurt.c: the "It hurts" screens (hurt.h). Big, few words, the way out always named: a person in
 * pain reads them from the mat. Colours follow the results' advice box (warning), never colour
 * alone: the chosen row or button is also filled and named in the key line. */
#include "hurt.h"

#include <stdio.h>

#include "keyhint.h"
#include "results.h"

/* The screen's area: under the header to the bottom margin (there is no caption while it is open). */
static SDL_Rect area_of(const Render *rd)
{
    RenderLayout l = render_layout(rd);
    return (SDL_Rect){l.body.x, l.body.y, l.body.w, l.caption.y + l.caption.h - l.body.y};
}

/* The heading block (question and key line), shared by drawing and the layouts below it. */
static int heading_h(const Render *rd)
{
    const RenderStyle *st = render_style(rd);
    return render_px(rd, st->text_question) * 3 / 2 + render_px(rd, st->text_body) * 3 / 2 + render_px(rd, st->gap);
}

static SDL_Rect below_heading(const Render *rd)
{
    SDL_Rect a = area_of(rd);
    int top = heading_h(rd) + render_px(rd, render_style(rd)->gap);
    return (SDL_Rect){a.x, a.y + top, a.w, a.h - top};
}

PainPickLayout hurt_picker_layout(const Render *rd)
{
    return painpick_layout(rd, below_heading(rd));
}

SDL_Rect hurt_rule_rect(const Render *rd, int rules, int i)
{
    const RenderStyle *st = render_style(rd);
    SDL_Rect a = below_heading(rd);
    int gap = render_px(rd, st->gap) / 2, n = rules + 1;
    int h = (a.h - (n - 1) * gap) / n, hmax = render_px(rd, st->button_h);
    if (h > hmax)
        h = hmax;
    return (SDL_Rect){a.x, a.y + i * (h + gap), a.w, h};
}

SDL_Rect hurt_button_rect(const Render *rd, HurtButton b)
{
    const RenderStyle *st = render_style(rd);
    SDL_Rect a = below_heading(rd);
    int gap = render_px(rd, st->gap), w = a.w * 2 / 5, h = render_px(rd, st->button_h) * 3 / 2;
    int x = a.x + a.w - w;
    return (SDL_Rect){x, a.y + (b == HURT_BUTTON_SKIP ? 0 : h + gap), w, h};
}

int hurt_initial_selection(const SessionView *v)
{
    switch (v->hurt) {
    case HURT_PAIN: return v->pain_before > 0 ? v->pain_before : 0;
    case HURT_RULE: return 0;
    case HURT_CHOICE:
        return !v->hurt_can_skip || v->hurt_pain >= SESSION_PAIN_STOP_LEVEL ? HURT_BUTTON_END : HURT_BUTTON_SKIP;
    case HURT_NONE: break;
    }
    return 0;
}

static void heading(Render *rd, const char *question, const char *keys)
{
    const RenderStyle *st = render_style(rd);
    SDL_Rect a = area_of(rd);
    int y = a.y;
    y += render_text(rd, question, st->text_question, st->text_body, st->attention, a.x, y, TEXT_LEFT, a.w, 1);
    render_text(rd, keys, st->text_body, st->text_body_min, st->text_quiet, a.x, y, TEXT_LEFT, a.w, 1);
}

/* A row or button: filled and in the selected colours when chosen. */
static void choice(Render *rd, SDL_Rect rc, const char *label, bool on, int lines)
{
    const RenderStyle *st = render_style(rd);
    int pad = render_px(rd, st->button_pad) * 2;
    render_box(rd, rc, render_px(rd, st->radius_button), on ? st->selected_bg : st->panel_bg);
    /* centred as drawn: fitted to one line first (a long stop rule measured at full size on two
     * lines was drawn on one at a smaller size, high in its row, the first row's top cut off) */
    int tw, th, max_w = rc.w - 2 * pad;
    int px = text_fit(rd->text, label, render_px(rd, st->text_body), render_px(rd, st->text_body_min), max_w);
    text_measure(rd->text, label, px, max_w, lines, &tw, &th);
    text_draw(rd->text, label, px, on ? st->selected_text : st->text, rc.x + pad, rc.y + (rc.h - th) / 2, TEXT_LEFT,
              max_w, lines);
}

void hurt_draw(Render *rd, const SessionView *v, const char *routine_title, const Overlay *ov)
{
    const RenderStyle *st = render_style(rd);
    char line[ROUTINE_MAX_TEXT_BYTES + 64], sub[KEYHINT_BYTES + 64];
    int selected = ov ? ov->hurt_selected : 0;
    const char *keys = ov ? ov->question_keys : NULL;
    render_clear(rd);
    render_header(rd, routine_title, v->hurt_name ? v->hurt_name : "Stopped", -1, ov);
    switch (v->hurt) {
    case HURT_PAIN: {
        snprintf(sub, sizeof sub, "0 no pain, 10 the worst \xC2\xB7 %s",
                 keys ? keys
                      : "arrows or 0\xE2\x80\x93"
                        "10, then press \xC2\xB7 Q: end the workout");
        heading(rd, "It hurts: stopped. How bad is the pain now?", sub);
        PainPickLayout pl = hurt_picker_layout(rd);
        painpick_draw(rd, selected, &pl);
        break;
    }
    case HURT_RULE: {
        heading(rd, "Does one of these apply?",
                keys ? keys : "Up/Down, then press \xC2\xB7 or tap one \xC2\xB7 Q: end the workout");
        int n = v->routine ? v->routine->stop_if_count : 0;
        for (int i = 0; i <= n; i++)
            choice(rd, hurt_rule_rect(rd, n, i), i < n ? v->routine->stop_if[i] : "None of these", i == selected, 2);
        break;
    }
    case HURT_CHOICE: {
        if (!keys)
            keys = v->hurt_can_skip ? "S: skip this move \xC2\xB7 Q: end the workout \xC2\xB7 or press the chosen one"
                                    : "Q or press: end the workout";
        heading(rd, v->hurt_can_skip ? "What now?" : "Your routine says: stop.", keys);
        SDL_Rect a = below_heading(rd);
        SDL_Rect end = hurt_button_rect(rd, HURT_BUTTON_END);
        SDL_Rect box = {a.x, a.y, end.x - a.x - render_px(rd, st->gap), a.h};
        if (v->hurt_rule > 0 && v->routine)
            snprintf(line, sizeof line, "Stop for today: %s", v->routine->stop_if[v->hurt_rule - 1]);
        else if (v->hurt_pain >= SESSION_PAIN_STOP_LEVEL)
            snprintf(line, sizeof line, "Pain %d of 10: stop for today.", v->hurt_pain);
        else
            snprintf(line, sizeof line, "Do not push through pain.");
        results_draw_advice(rd, box, line);
        if (v->hurt_can_skip)
            choice(rd, hurt_button_rect(rd, HURT_BUTTON_SKIP), "Skip this move for today", selected == HURT_BUTTON_SKIP,
                   2);
        choice(rd, end, "End the workout", selected == HURT_BUTTON_END || !v->hurt_can_skip, 2);
        break;
    }
    case HURT_NONE: break;
    }
}
