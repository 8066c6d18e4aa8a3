/* test_sheet.c: the frame choice rules of sheet_frame_at (intro, hold, outro, reps with the beat in
 * the middle) and which side is mirrored, over a move's timing built by hand. */
#include <stdio.h>

#include "sheet.h"
#include "testsheet.h" /* a move's timing as pose.c builds it, by hand */
#include "testutil.h"

/* The other side is drawn mirrored; a move with no side never is. */
static void test_mirrored(void)
{
    SheetMeta m = testsheet_meta();
    CHECK(sheet_mirrored(&m, SIDES_LEFT) && !sheet_mirrored(&m, SIDES_RIGHT) && !sheet_mirrored(&m, SIDES_NONE));
    m.side = SIDES_LEFT;
    CHECK(sheet_mirrored(&m, SIDES_RIGHT) && !sheet_mirrored(&m, SIDES_LEFT));
    m.side = SIDES_NONE;
    CHECK(!sheet_mirrored(&m, SIDES_LEFT) && !sheet_mirrored(&m, SIDES_RIGHT));
}

static void test_frames(void)
{
    SheetMeta m = testsheet_meta();
    SheetFrame f;
    /* start: the first intro frame */
    sheet_frame_at(&m, ANIM_START, 5000, 0, 0, &f);
    CHECK(f.a == 0 && f.b == 0 && f.blend == 0.0f);
    /* hold of 20 s: intro 2 s, breathing, outro in the last 2 s */
    sheet_frame_at(&m, ANIM_HOLD, 0, 20000, 0, &f);
    CHECK(f.a == 0 && f.blend == 0.0f);
    sheet_frame_at(&m, ANIM_HOLD, 1000, 20000, 0, &f);
    CHECK(f.a == 10 && f.blend < 0.01f);
    sheet_frame_at(&m, ANIM_HOLD, 1050, 20000, 0, &f);
    CHECK(f.a == 10 && f.b == 11 && f.blend > 0.4f && f.blend < 0.6f);
    sheet_frame_at(&m, ANIM_HOLD, 2000, 20000, 0, &f);
    CHECK(f.a == 21 && f.blend < 0.01f); /* hold starts at the held frame */
    for (int t = 2000; t < 18000; t += 37) {
        sheet_frame_at(&m, ANIM_HOLD, t, 20000, 0, &f);
        CHECK(f.a >= m.breath.first && f.b <= m.breath.last);
        CHECK(f.blend >= 0.0f && f.blend <= 1.0f);
    }
    sheet_frame_at(&m, ANIM_HOLD, 17999, 20000, 0, &f);
    CHECK(f.a == m.breath.last || f.a == m.breath.first || f.b == m.breath.last); /* whole breaths: ends at held */
    sheet_frame_at(&m, ANIM_HOLD, 18000, 20000, 0, &f);
    CHECK(f.a == 40);
    sheet_frame_at(&m, ANIM_HOLD, 20000, 20000, 0, &f);
    CHECK(f.a == 59 && f.b == 59);
    sheet_frame_at(&m, ANIM_HOLD, 99999, 20000, 0, &f); /* clamped past the end */
    CHECK(f.a == 59);
    sheet_frame_at(&m, ANIM_HOLD, -500, 20000, 0, &f); /* clamped before the start */
    CHECK(f.a == 0);
    /* a short hold squeezes intro and outro into 60% of it */
    sheet_frame_at(&m, ANIM_HOLD, 1199, 2000, 0, &f);
    CHECK(f.a == m.held);
    sheet_frame_at(&m, ANIM_HOLD, 599, 2000, 0, &f);
    CHECK(f.a >= 19 && f.a <= 20);
    sheet_frame_at(&m, ANIM_HOLD, 2000, 2000, 0, &f);
    CHECK(f.a == 59);
    sheet_frame_at(&m, ANIM_HOLD, 100, 0, 0, &f);
    CHECK(f.a == m.held);
    /* reps: 4 s movement + 1 s hold; beat (frame 31) at exactly the middle, paused for the hold */
    sheet_frame_at(&m, ANIM_REPS, 0, 5000, 1000, &f);
    CHECK(f.a == 21 && f.blend == 0.0f);
    sheet_frame_at(&m, ANIM_REPS, 1000, 5000, 1000, &f);
    CHECK(f.a == 26);
    sheet_frame_at(&m, ANIM_REPS, 2500, 5000, 1000, &f);
    CHECK(f.a == m.beat && f.b == m.beat);
    sheet_frame_at(&m, ANIM_REPS, 2000, 5000, 1000, &f);
    CHECK(f.a == m.beat && f.blend == 0.0f);
    sheet_frame_at(&m, ANIM_REPS, 2999, 5000, 1000, &f);
    CHECK(f.a == m.beat);
    sheet_frame_at(&m, ANIM_REPS, 4000, 5000, 1000, &f);
    CHECK(f.a == 36);
    sheet_frame_at(&m, ANIM_REPS, 5000, 5000, 1000, &f); /* second rep starts again */
    CHECK(f.a == 21);
    sheet_frame_at(&m, ANIM_REPS, 7500, 5000, 1000, &f);
    CHECK(f.a == m.beat);
    /* the beat sits at 50% of every rep, with or without a hold */
    for (int hold = 0; hold <= 3000; hold += 1000) {
        sheet_frame_at(&m, ANIM_REPS, (4000 + hold) / 2, 4000 + hold, hold, &f);
        CHECK(f.a == m.beat && f.blend < 0.001f);
    }
    /* frames rise monotonically through the first half, blend always 0..1 */
    int last = -1;
    for (int t = 0; t < 2000; t += 7) {
        sheet_frame_at(&m, ANIM_REPS, t, 4000, 0, &f);
        CHECK(f.a >= last && f.blend >= 0.0f && f.blend < 1.0f && f.b <= f.a + 1);
        last = f.a;
    }
    sheet_frame_at(&m, ANIM_REPS, 100, 0, 0, &f); /* no length: the sheet's own cycle */
    CHECK(f.a >= 21 && f.a <= 41);
    sheet_frame_at(&m, ANIM_REPS, 100, 1000, 5000, &f); /* hold longer than the rep: stays on the beat */
    CHECK(f.a == m.beat);
    /* loop: the cycle at its own pace */
    sheet_frame_at(&m, ANIM_LOOP, 0, 0, 0, &f);
    CHECK(f.a == 21);
    sheet_frame_at(&m, ANIM_LOOP, 2000, 0, 0, &f);
    CHECK(f.a == 31);
    sheet_frame_at(&m, ANIM_LOOP, 4000 * 1000 + 2000, 0, 0, &f);
    CHECK(f.a == 31);
    sheet_frame_at(&m, ANIM_LOOP, -100, 0, 0, &f);
    CHECK(f.a == 21);
}

/* A held move's rep (no cycle of its own, rep_holds): the way in, the held pose breathing for the
 * rep's hold, the way out, ending where it began; the moving time shared as the ways' lengths are. */
static void test_rep_holds(void)
{
    SheetMeta m = testsheet_meta();
    m.rep_holds = true;
    m.intro = (SheetRange){0, 20, 3000}; /* 3 s in, 1 s out: a 9 s rep of 5 s hold moves 3 s up, 1 s down */
    m.outro = (SheetRange){40, 59, 1000};
    SheetFrame f;
    sheet_frame_at(&m, ANIM_REPS, 0, 9000, 5000, &f);
    CHECK(f.a == 0 && f.blend == 0.0f);
    sheet_frame_at(&m, ANIM_REPS, 1500, 9000, 5000, &f);
    CHECK(f.a == 10);
    sheet_frame_at(&m, ANIM_REPS, 3000, 9000, 5000, &f);
    CHECK(f.a == m.held && f.blend == 0.0f);
    for (int t = 3000; t < 8000; t += 50) { /* held: breathing */
        sheet_frame_at(&m, ANIM_REPS, t, 9000, 5000, &f);
        CHECK(f.a >= m.breath.first && f.b <= m.breath.last);
    }
    sheet_frame_at(&m, ANIM_REPS, 8500, 9000, 5000, &f);
    CHECK(f.a == 49 || f.a == 50);
    sheet_frame_at(&m, ANIM_REPS, 8999, 9000, 5000, &f);
    CHECK(f.a >= 58);
    sheet_frame_at(&m, ANIM_REPS, 9000, 9000, 5000, &f); /* the next rep starts from the start again */
    CHECK(f.a == 0);
    sheet_frame_at(&m, ANIM_REPS, 3000, 4000, 0, &f); /* no hold: straight into the way out */
    CHECK(f.a == 40);
    m.rep_holds = false; /* the cycle as before */
    sheet_frame_at(&m, ANIM_REPS, 0, 9000, 5000, &f);
    CHECK(f.a == 21);
}

/* A rep move's way out of a hold may be part of its rep played backwards (first > last): the
 * frames run down from first to last, never past either, and each moment says its part. */
static void test_backwards(void)
{
    SheetMeta m = testsheet_meta();
    m.intro = (SheetRange){21, 27, 1200}; /* the rep's start to the held pose */
    m.outro = (SheetRange){27, 21, 1200}; /* and back */
    SheetFrame f;
    sheet_frame_at(&m, ANIM_HOLD, 0, 20000, 0, &f);
    CHECK(f.a == 21 && f.part == SHEET_PART_INTRO);
    sheet_frame_at(&m, ANIM_HOLD, 5000, 20000, 0, &f);
    CHECK(f.part == SHEET_PART_HELD);
    sheet_frame_at(&m, ANIM_HOLD, 18800, 20000, 0, &f); /* the way out's start: the held pose's frame */
    CHECK(f.a == 27 && f.b == 27 && f.part == SHEET_PART_OUTRO);
    sheet_frame_at(&m, ANIM_HOLD, 19400, 20000, 0, &f); /* halfway back: between 24 and 25 */
    CHECK(f.a == 24 && f.b == 25 && f.blend >= 0.0f && f.blend <= 1.0f);
    int last = 99;
    for (int t = 18800; t <= 20000; t += 10) {
        sheet_frame_at(&m, ANIM_HOLD, t, 20000, 0, &f);
        float at = (float)f.a + f.blend * (float)(f.b - f.a);
        CHECK(f.a >= 21 && f.b <= 27 && at <= (float)last + 0.01f); /* only down */
        last = (int)(at + 0.999f);
    }
    sheet_frame_at(&m, ANIM_HOLD, 20000, 20000, 0, &f);
    CHECK(f.a == 21 && f.blend == 0.0f);
    sheet_frame_at(&m, ANIM_REPS, 100, 5000, 1000, &f);
    CHECK(f.part == SHEET_PART_OTHER);
}

int main(void)
{
    test_mirrored();
    test_frames();
    test_rep_holds();
    test_backwards();
    return TEST_END();
}
