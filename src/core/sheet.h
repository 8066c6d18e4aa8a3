/* sheet.h: the timing of a move's animation (SheetMeta: intro, cycle, breath, outro, beat, held
 * over numbered samples) and the choice of samples for an animation time, used by pose.c's live
 * figure. sheet_parse reads the same metadata from text (the format of the former sprite sheets,
 * kept for tools and tests). Pure: no SDL, no I/O, no globals; any bytes are safe to parse. */
#ifndef UNKNOT_SHEET_H
#define UNKNOT_SHEET_H

#include <stdbool.h>
#include <stddef.h>

#include "session.h"

#define SHEET_MAX_BYTES (16 * 1024) /* a .sheet file is a screen of text */
#define SHEET_MAX_LINE 256
#define SHEET_MAX_FRAMES 1024
#define SHEET_MAX_SIZE 8192 /* canvas, frame and sheet sides in pixels */
#define SHEET_NAME_BYTES 64

typedef struct {
    int first, last; /* inclusive frame indices, first <= last */
    int ms; /* how long playing first..last takes */
} SheetRange;

typedef struct {
    char move[SHEET_NAME_BYTES];
    char image[SHEET_NAME_BYTES]; /* file name of the PNG, beside the .sheet */
    int canvas_w, canvas_h; /* every frame is cut from a canvas of this size ... */
    int crop_x, crop_y; /* ... at this offset, so frames of all moves line up */
    int frame_w, frame_h;
    int columns, frames, fps;
    Sides side; /* SIDES_NONE, or the side the frames show; the other is mirrored */
    SheetRange intro; /* neutral start to the held pose */
    SheetRange cycle; /* one rep: neutral, peak at the beat, neutral */
    SheetRange breath; /* a loop of breathing in the held pose, starting at held */
    SheetRange outro; /* held pose back to neutral */
    int beat; /* the frame where a rep is counted: the middle of the cycle */
    int held; /* the frame of the held pose */
} SheetMeta;

/* Two neighbouring frames and how far between them: draw a, then b with alpha blend (0..1). */
typedef struct {
    int a, b;
    float blend;
} SheetFrame;

/* Parse len bytes of src (need not be NUL-terminated). Returns 0 and fills *out, or -1 and
 * writes "line N: reason" into err (errsize bytes, may be 0). */
int sheet_parse(const char *src, size_t len, SheetMeta *out, char *err, size_t errsize);

/* Pick the frames for one moment of an animation (modes and times as in SessionView):
 * ANIM_START: the first intro frame. ANIM_LOOP: the cycle, looped at its own pace.
 * ANIM_HOLD: intro, then breath loops in the held pose, then outro ending at anim_length_ms
 * (intro and outro shrink when the hold is short). ANIM_REPS: one cycle per anim_length_ms,
 * pausing rep_hold_ms on the beat frame at the middle. Out-of-range times are clamped. */
void sheet_frame_at(const SheetMeta *m, AnimMode mode, int anim_ms, int anim_length_ms, int rep_hold_ms,
                    SheetFrame *out);

/* True when the frames must be mirrored to show `wanted` (the sheet draws the other side). */
bool sheet_mirrored(const SheetMeta *m, Sides wanted);

#endif
