/* testsheet.h: the hand-built move test_sheet and test_session time against: 60 samples, the way
 * in 0..20 in 2 s, the cycle 21..41 in 4 s (the beat at 31), breathing 21..33, the way out
 * 40..59 in 2 s; the poses show the right side. */
#ifndef UNKNOT_TESTSHEET_H
#define UNKNOT_TESTSHEET_H

#include "sheet.h"

static SheetMeta testsheet_meta(void)
{
    SheetMeta m = {0};
    m.frames = 60;
    m.side = SIDES_RIGHT;
    m.intro = (SheetRange){0, 20, 2000};
    m.cycle = (SheetRange){21, 41, 4000};
    m.breath = (SheetRange){21, 33, 4000};
    m.outro = (SheetRange){40, 59, 2000};
    m.beat = 31;
    m.held = 21;
    return m;
}

#endif
