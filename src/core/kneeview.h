/* kneeview.h: the knees seen from the head end, drawn small beside a figure whose side view cannot
 * show which way its knees go (a pose file's `inset knees`: knee rolls, where knees rolling toward
 * or away from the viewer only seem to sink). As the person sees their own knees, lying on their
 * back and looking down the body: their right is the picture's right. Pure: no SDL, no I/O; it
 * builds pose.h's round cones, which figpaint paints. */
#ifndef UNKNOT_KNEEVIEW_H
#define UNKNOT_KNEEVIEW_H

#include "pose.h"

/* The box every knee roll's view fits in, in body heights H: x from -KNEEVIEW_HALF_W to
 * KNEEVIEW_HALF_W (the person's right +), y from 0 (the mat) to KNEEVIEW_TOP. */
#define KNEEVIEW_HALF_W 0.32f
#define KNEEVIEW_TOP 0.38f

/* The person's roll to their right, in degrees (negative: to the left), of figure fig as drawn:
 * its roll (PoseFigure.roll, + toward the viewer's side) seen in a picture mirrored or not. In
 * the side view the figure's near side is its right (docs/sprites.md), so a roll toward the
 * viewer is to the right unless the picture is mirrored. */
float kneeview_right_deg(const PoseFigure *fig, bool mirrored);

/* The pelvis, thighs, shins and feet seen from the head end with the knees rolled right_deg to the
 * person's right (0: knees up together), into *fig: standing on the mat (y = 0), the legs
 * highlighted as the working limbs. The knee on the side they roll to goes the whole way, the
 * other 0.85 of it (as pose.c draws the side view); the feet stay where they are; the pelvis turns
 * 0.3 of the way with them. Deterministic; parts within KNEEVIEW_HALF_W and KNEEVIEW_TOP for any
 * roll up to 90 degrees either way. */
void kneeview_figure(float right_deg, PoseFigure *fig);

#endif
