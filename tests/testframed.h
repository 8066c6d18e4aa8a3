/* testframed.h: a session view's figure laid out and posed as src/platform/sprites.c frame_figure
 * does before the camera, on the 1920x1080 program's stage (teststage.h), for core tests that check
 * what the camera is given (test_camera_zoom, test_way_guidance). Include after testposes.h
 * (move_of). */
#ifndef UNKNOT_TESTFRAMED_H
#define UNKNOT_TESTFRAMED_H

#include "figpaint.h"
#include "pose.h"
#include "session.h"
#include "sheet.h"
#include "teststage.h"

/* v's figure laid out as sprites.c frame_figure lays it out before the camera (*lay), posed
 * (*fig); false when no catalogue figure is shown. */
static bool framed(const SessionView *v, const FigKeepOut *k, FigLayout *lay, PoseFigure *fig)
{
    const PoseMove *m = move_of(v->figure);
    if (!m)
        return false;
    int ms = sheet_grid_ms(v->anim_ms);
    PoseDraw d = pose_move_draw(m, v->side, v->turned);
    int turn = v->turn_ms < 0 ? -1 : sheet_grid_ms(v->turn_ms);
    figpaint_fit_turn(m, v->anim, ms, v->anim_length_ms, v->rep_hold_ms, TESTSTAGE_W, TESTSTAGE_H, d.mirror,
                      turn < 0 ? -1.0f : (float)turn / (float)SESSION_TURN_MS, k, lay);
    const PoseMove *from = v->blend ? move_of(v->from_figure) : NULL;
    bool eased = false;
    if (from) {
        PoseMoment at_from = {v->from_anim, sheet_grid_ms(v->from_anim_ms), v->from_anim_length_ms, v->from_rep_hold_ms,
                              pose_move_draw(from, v->from_side, v->from_turned)};
        PoseMoment at = {v->anim, ms, v->anim_length_ms, v->rep_hold_ms, d};
        float u = (float)sheet_grid_ms(v->blend_ms) / (float)SESSION_BLEND_MS;
        eased = pose_moves_blend(from, &at_from, m, &at, u, fig, NULL);
        if (eased) {
            FigLayout was;
            figpaint_fit_turn(from, at_from.mode, at_from.anim_ms, at_from.anim_length_ms, at_from.rep_hold_ms,
                              TESTSTAGE_W, TESTSTAGE_H, at_from.draw.mirror, -1.0f, k, &was);
            u = u < 0.0f ? 0.0f : u > 1.0f ? 1.0f : u;
            figpaint_layout_mix(&was, lay, u * u * (3.0f - 2.0f * u), lay);
        }
    }
    if (!eased)
        pose_move_figure_at(m, v->anim, ms, v->anim_length_ms, v->rep_hold_ms, d.swap, fig);
    return true;
}

#endif
