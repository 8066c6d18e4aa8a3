/* checkin.c: the pain check-in screen (checkin.h). The heading, the scale's meaning, the picker
 * over the whole width, and when an unanswered check-in is skipped. The spoken question is the
 * caption below, as for every cue. */
#include "checkin.h"

#include <stdio.h>

#include "keyhint.h"

/* The heading block's height, shared by drawing and the picker's layout. */
static int heading_h(const Render *rd)
{
    const RenderStyle *st = render_style(rd);
    return render_px(rd, st->text_question) * 3 / 2 + render_px(rd, st->text_body) * 3 / 2 + render_px(rd, st->gap);
}

PainPickLayout checkin_picker_layout(const Render *rd)
{
    RenderLayout l = render_layout(rd);
    int top = heading_h(rd) + render_px(rd, render_style(rd)->gap) * 2;
    SDL_Rect area = {l.body.x, l.body.y + top, l.body.w, l.body.h - top};
    return painpick_layout(rd, area);
}

void checkin_draw(Render *rd, const SessionView *v, int value, const char *keys)
{
    const RenderStyle *st = render_style(rd);
    RenderLayout l = render_layout(rd);
    bool before = v->kind == SEG_PAIN_BEFORE;
    int y = l.body.y;
    const char *heading = before ? "Your back pain before you start" : "Your back pain after the workout";
    y += render_text(rd, heading, st->text_question, st->text_body, st->heading, l.body.x, y, TEXT_LEFT, l.body.w, 1);
    char line[KEYHINT_BYTES + 96];
    snprintf(line, sizeof line, "0 is no pain, 10 the worst you can imagine \xC2\xB7 %s \xC2\xB7 skipped in %d s",
             keys ? keys
                  : "arrows or 0\xE2\x80\x93"
                    "10, then press",
             (v->remaining_ms + 999) / 1000);
    render_text(rd, line, st->text_body, st->text_body_min, st->text_quiet, l.body.x, y, TEXT_LEFT, l.body.w, 1);
    PainPickLayout pl = checkin_picker_layout(rd);
    painpick_draw(rd, value, &pl);
}
