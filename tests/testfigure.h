/* testfigure.h: small look-ups on a posed figure shared by the tests that compare two figures
 * part by part (test_pose, test_drawn_levels). */
#ifndef UNKNOT_TESTFIGURE_H
#define UNKNOT_TESTFIGURE_H

#include <string.h>

#include "pose.h"

/* The index in fig of the nth group (from 0) with group g's id, name and flatness, or -1. */
static inline int group_like(const PoseFigure *fig, const PoseGroup *g, int nth)
{
    for (int h = 0; h < fig->count; h++) {
        const PoseGroup *y = &fig->groups[h];
        if (y->id == g->id && y->flat == g->flat && strcmp(y->name, g->name) == 0 && nth-- == 0)
            return h;
    }
    return -1;
}

#endif
