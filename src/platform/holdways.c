/* holdways.c: each held move's way in and out, from its pose file (pose_file_hold_ways), for the
 * session's plan (Routine.hold_ways). */
#include "holdways.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "files.h"
#include "pose.h"
#include "session.h"

int holdways_read_pose(const char *path, PoseFile *pf, RoutineErrors *errs)
{
    char *text = NULL, why[200];
    size_t n = 0;
    if (files_read(path, FILES_MAX_POSE_BYTES, &text, &n, why, sizeof why) < 0)
        return -1;
    memset(errs, 0, sizeof *errs);
    int rc = pose_parse(path, text, n, pf, errs);
    free(text);
    return rc != 0 ? -1 : 0;
}

/* Read and parse path; fill *way. Returns 0, or -1 when the file cannot be read or parsed. */
static int holdways_read(const char *path, PoseFile *pf, RoutineErrors *errs, RoutineHoldWay *way)
{
    if (holdways_read_pose(path, pf, errs) < 0)
        return -1;
    pose_file_hold_ways(pf, &way->in_ms, &way->out_ms);
    return 0;
}

int holdways_fill(Routine *r, const char *pose_dir)
{
    PoseFile *pf = malloc(sizeof *pf);
    RoutineErrors *errs = malloc(sizeof *errs);
    bool done[MOVE_COUNT + ROUTINE_MAX_OWN_MOVES] = {false};
    int missing = 0;
    for (int i = 0; i < r->step_count; i++) {
        const RoutineStep *st = &r->steps[i];
        MoveId m = st->move;
        if (st->kind != STEP_MOVE || session_mode_rules(st->mode).anim != ANIM_HOLD || m < 0 ||
            m >= MOVE_COUNT + ROUTINE_MAX_OWN_MOVES || done[m])
            continue;
        done[m] = true;
        r->hold_ways[m] = (RoutineHoldWay){0, 0};
        char path[FILES_PATH_BYTES];
        const char *file = NULL;
        if (m >= MOVE_COUNT) { /* a physio's own move: its own pose file */
            if (m - MOVE_COUNT < r->own_move_count)
                file = r->own_moves[m - MOVE_COUNT].path;
        } else if (pose_dir &&
                   snprintf(path, sizeof path, "%s/%s.pose", pose_dir, moves_info(m)->id) < (int)sizeof path)
            file = path;
        if (!file || !pf || !errs || holdways_read(file, pf, errs, &r->hold_ways[m]) < 0)
            missing++;
    }
    free(pf);
    free(errs);
    return missing;
}

int holdways_fill_data(Routine *r, const char *data_dir)
{
    char dir[FILES_PATH_BYTES];
    if (!data_dir || snprintf(dir, sizeof dir, "%s/assets/poses", data_dir) >= (int)sizeof dir)
        return holdways_fill(r, NULL);
    return holdways_fill(r, dir);
}
