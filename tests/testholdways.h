/* testholdways.h: a routine parsed by a core test gets its held moves' ways in and out from the
 * catalogue's pose files (assets/poses, pose_file_hold_ways), and every way's time from its pose
 * file's `section intro` (Routine.way_ms), as the platform's holdways_fill gives them to every
 * routine it loads: the session plans and plays the same times as the app. Core only (stdio here,
 * in the test); the tests run from the source folder. */
#ifndef UNKNOT_TESTHOLDWAYS_H
#define UNKNOT_TESTHOLDWAYS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pose.h"
#include "routine.h"

/* Catalogue move m's assets/poses/<id>.pose read and parsed: the test's one copy, or NULL when it
 * cannot be read or parsed. */
static const PoseFile *testholdways_pose(MoveId m)
{
    static PoseFile pf;
    static RoutineErrors errs;
    static char text[64 * 1024];
    char path[256];
    if (m < 0 || m >= MOVE_COUNT)
        return NULL;
    snprintf(path, sizeof path, "assets/poses/%s.pose", moves_info(m)->id);
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t n = fread(text, 1, sizeof text, f);
    fclose(f);
    memset(&errs, 0, sizeof errs);
    return pose_parse(path, text, n, &pf, &errs) == 0 ? &pf : NULL;
}

/* The ways of catalogue move m from assets/poses/<id>.pose into *way; false when the file cannot be
 * read or parsed (then *way is 0, 0). */
static bool testholdways_move(MoveId m, RoutineHoldWay *way)
{
    const PoseFile *pf = testholdways_pose(m);
    *way = (RoutineHoldWay){0, 0};
    if (!pf)
        return false;
    pose_file_hold_ways(pf, &way->in_ms, &way->out_ms);
    return true;
}

/* Way w's time: its assets/poses/<id>.pose's `section intro` in ms, or 0 when w is not a way or
 * its file cannot be read or has no intro. */
static int testholdways_way_ms(MoveId w)
{
    const PoseFile *pf = moves_way_from(w) != POSITION_NONE ? testholdways_pose(w) : NULL;
    int si = pf ? pose_section_find(pf, "intro") : -1;
    return si >= 0 ? (int)(pf->sections[si].seconds * 1000.0f + 0.5f) : 0;
}

/* Fill r->hold_ways for every catalogue move its steps name (own moves are left at 0), and
 * r->way_ms for every way. */
static void testholdways_fill(Routine *r)
{
    for (int i = 0; i < r->step_count; i++)
        if (r->steps[i].kind == STEP_MOVE && r->steps[i].move >= 0 && r->steps[i].move < MOVE_COUNT)
            testholdways_move(r->steps[i].move, &r->hold_ways[r->steps[i].move]);
    for (int w = 0; w < MOVE_COUNT; w++)
        r->way_ms[w] = testholdways_way_ms((MoveId)w);
}

#endif
