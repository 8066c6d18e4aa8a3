/* checkin.h: the pain check-in screens before and after a workout: the question, the 0-10
 * picker across the whole width, and how long until it is skipped. Draws; the answer goes to the
 * session through the app (SessionInput.pain). */
#ifndef UNKNOT_CHECKIN_H
#define UNKNOT_CHECKIN_H

#include "painpick.h"
#include "render.h"
#include "session.h"

/* Where the picker sits on the check-in screen at rd's output size: drawing and taps share it. */
PainPickLayout checkin_picker_layout(const Render *rd);

/* Draw the body of a check-in (v->kind SEG_PAIN_BEFORE or SEG_PAIN_AFTER) below the header,
 * with value highlighted on the picker, naming keys (keyhint_checkin; NULL: the default keys).
 * render_session calls it and adds the caption. */
void checkin_draw(Render *rd, const SessionView *v, int value, const char *keys);

#endif
