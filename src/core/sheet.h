/* sheet.h: the timing of a move's animation (SheetMeta: intro, cycle, breath, outro, beat, held
 * over numbered samples) and the choice of samples for an animation time, used by pose.c's live
 * figure (the timing of the former sprite sheets, whose text format is gone). Pure: no SDL, no
 * I/O, no globals. */
#ifndef UNKNOT_SHEET_H
#define UNKNOT_SHEET_H

#include <stdbool.h>

#include "session.h"

typedef struct {
    int first, last; /* inclusive frame indices, played from first to last: backwards when first > last
                        (a rep move's way in or out of a hold may be part of its rep played back) */
    int ms; /* how long playing first..last takes */
} SheetRange;

typedef struct {
    int frames; /* how many samples (frames) the ranges below index */
    Sides side; /* SIDES_NONE, or the side the frames show; the other is mirrored */
    SheetRange intro; /* neutral start to the held pose */
    SheetRange cycle; /* one rep: neutral, peak at the beat, neutral */
    SheetRange breath; /* a loop of breathing in the held pose, starting at held */
    SheetRange outro; /* held pose back to neutral */
    int beat; /* the frame where a rep is counted: the middle of the cycle */
    int held; /* the frame of the held pose */
    int setup; /* the intro's first this many frames are its setup (a pose file's `ready`: the spinal
                  twist's knee bent and foot set down): the get-ready (ANIM_START) shows the frame
                  after them, eased in, and a hold's way in (ANIM_HOLD) plays on from there, so its
                  time goes to the rest of the way (the slow turn); 0 for most moves. A rep
                  (ANIM_REPS) and a way out back along the way in play the whole intro. */
    bool rep_holds; /* no cycle of its own (a held move's pose file): a rep is its way in (intro), the
                       held pose for the rep's hold (breathing), its way out (outro), as it is taught:
                       "bring the knee up, hold, lower"; beat is then held */
} SheetMeta;

/* Which part of an ANIM_HOLD a moment is in (SheetFrame.part). */
typedef enum { SHEET_PART_OTHER, SHEET_PART_INTRO, SHEET_PART_HELD, SHEET_PART_OUTRO } SheetPart;

/* Two neighbouring frames and how far between them: draw a, then b with alpha blend (0..1). */
typedef struct {
    int a, b; /* a + 1 == b, or a == b */
    float blend;
    SheetPart part; /* ANIM_HOLD: the way in, the held pose or the way out; else SHEET_PART_OTHER */
} SheetFrame;

/* A hold ended early plays its way out in this long at most (faster than its own pace when that
 * is longer): the easing into what follows (SESSION_BLEND_MS) is over by then. */
#define SHEET_WAY_OUT_MS SESSION_BLEND_MS

/* Pick the frames for one moment of an animation (modes and times as in SessionView):
 * ANIM_START: the first intro frame (after its setup: SheetMeta.setup). ANIM_LOOP: the cycle, looped at its own pace.
 * ANIM_HOLD: intro (from its setup's end), then breath loops in the held pose, then outro ending at anim_length_ms
 * (intro and outro shrink when the hold is short); rep_hold_ms > 0 (SessionView.from_rep_hold_ms
 * of a hold ended early): the hold ended then, and from then on it plays its way out from where it
 * was: back along the way in, or the breath to the held pose and the outro, or on along the
 * outro, each at its own pace but in SHEET_WAY_OUT_MS at most, then the way out's last frame.
 * ANIM_REPS: one cycle per anim_length_ms,
 * pausing rep_hold_ms on the beat frame at the middle; with rep_holds, the intro, rep_hold_ms held
 * and the outro per anim_length_ms (the moving time shared as their lengths are). Out-of-range times are clamped. */
void sheet_frame_at(const SheetMeta *m, AnimMode mode, int anim_ms, int anim_length_ms, int rep_hold_ms,
                    SheetFrame *out);

#define SHEET_POSES_PER_S 30 /* distinct poses a second the program draws (issue 12: 30 or more) */

/* An animation time (ms) on the grid of SHEET_POSES_PER_S poses a second, to the nearest step in
 * whole ms (0, 33, 67, 100, ...): the moments the program draws, so a 60 Hz frame shows each
 * pose twice and the painter paints half as often. The tests check the figures at these times. */
int sheet_grid_ms(int ms);

/* True when the frames must be mirrored to show `wanted` (the sheet draws the other side). */
bool sheet_mirrored(const SheetMeta *m, Sides wanted);

#endif
