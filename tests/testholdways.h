/* testholdways.h: a routine parsed by a core test gets its held moves' ways in and out from the
 * catalogue's pose files (assets/poses, pose_file_hold_ways), as the platform's holdways_fill gives
 * them to every routine it loads: the session plans and plays the same times as the app. Core only
 * (stdio here, in the test); the tests run from the source folder. */
#ifndef UNKNOT_TESTHOLDWAYS_H
#define UNKNOT_TESTHOLDWAYS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pose.h"
#include "routine.h"

/* The ways of catalogue move m from assets/poses/<id>.pose into *way; false when the file cannot be
 * read or parsed (then *way is 0, 0). */
static bool testholdways_move(MoveId m, RoutineHoldWay *way)
{
    static PoseFile pf;
    static RoutineErrors errs;
    static char text[64 * 1024];
    char path[256];
    *way = (RoutineHoldWay){0, 0};
    if (m < 0 || m >= MOVE_COUNT)
        return false;
    snprintf(path, sizeof path, "assets/poses/%s.pose", moves_info(m)->id);
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    size_t n = fread(text, 1, sizeof text, f);
    fclose(f);
    memset(&errs, 0, sizeof errs);
    if (pose_parse(path, text, n, &pf, &errs) != 0)
        return false;
    pose_file_hold_ways(&pf, &way->in_ms, &way->out_ms);
    return true;
}

/* Fill r->hold_ways for every catalogue move its steps name (own moves are left at 0). */
static void testholdways_fill(Routine *r)
{
    for (int i = 0; i < r->step_count; i++)
        if (r->steps[i].kind == STEP_MOVE && r->steps[i].move >= 0 && r->steps[i].move < MOVE_COUNT)
            testholdways_move(r->steps[i].move, &r->hold_ways[r->steps[i].move]);
}

#endif
