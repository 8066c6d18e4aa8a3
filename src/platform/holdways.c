/* holdways.c: each held move's way in and out, from its pose file (pose_file_hold_ways), and each
 * way's time, from its pose file's `section intro`, for the session's plan (Routine.hold_ways,
 * Routine.way_ms). */
#include "holdways.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "files.h"
#include "pose.h"
#include "session.h"

/* holdways_read_pose; when the file cannot be read, the reason in why (files_read's). */
static int holdways_read_why(const char *path, PoseFile *pf, RoutineErrors *errs, char *why, size_t why_size)
{
    char *text = NULL;
    size_t n = 0;
    if (files_read(path, FILES_MAX_POSE_BYTES, &text, &n, why, why_size) < 0)
        return -1;
    memset(errs, 0, sizeof *errs);
    int rc = pose_parse(path, text, n, pf, errs);
    free(text);
    return rc != 0 ? -1 : 0;
}

int holdways_read_pose(const char *path, PoseFile *pf, RoutineErrors *errs)
{
    char why[200];
    return holdways_read_why(path, pf, errs, why, sizeof why);
}

/* Read and parse catalogue file path for move m into *pf. Returns 0, or -1 when it cannot be read
 * or parsed, told to report (when not NULL) as one line naming the file and the problem. */
static int holdways_read(const char *path, MoveId m, PoseFile *pf, RoutineErrors *errs, HoldwaysReport report,
                         void *ctx)
{
    char why[200], what[FILES_PATH_BYTES + 512];
    why[0] = '\0';
    errs->count = 0;
    if (holdways_read_why(path, pf, errs, why, sizeof why) == 0)
        return 0;
    if (report) {
        if (errs->count > 0)
            routine_error_format(&errs->items[0], what, sizeof what);
        else
            snprintf(what, sizeof what, "%s: %s", path, why[0] ? why : "cannot be read");
        routine_text_printable(what);
        report(ctx, m, what);
    }
    return -1;
}

/* Fill r->way_ms for every way from pose_dir/<id>.pose's `section intro` (0: not known). */
static void holdways_fill_ways(Routine *r, const char *pose_dir, PoseFile *pf, RoutineErrors *errs,
                               HoldwaysReport report, void *ctx)
{
    for (int i = 0; i < MOVE_COUNT; i++) {
        MoveId w = (MoveId)i;
        r->way_ms[i] = 0;
        char path[FILES_PATH_BYTES], what[FILES_PATH_BYTES + 64];
        if (moves_way_from(w) == POSITION_NONE || !pose_dir || !pf || !errs ||
            snprintf(path, sizeof path, "%s/%s.pose", pose_dir, moves_info(w)->id) >= (int)sizeof path ||
            holdways_read(path, w, pf, errs, report, ctx) < 0)
            continue;
        int si = pose_section_find(pf, "intro");
        if (si >= 0) /* rounded as pose_file_hold_ways rounds a hold's */
            r->way_ms[i] = (int)lroundf(pf->sections[si].seconds * 1000.0f);
        else if (report) {
            snprintf(what, sizeof what, "%s: no `section intro`", path);
            routine_text_printable(what);
            report(ctx, w, what);
        }
    }
}

int holdways_fill_report(Routine *r, const char *pose_dir, HoldwaysReport report, void *ctx)
{
    PoseFile *pf = malloc(sizeof *pf);
    RoutineErrors *errs = malloc(sizeof *errs);
    bool done[MOVE_COUNT + ROUTINE_MAX_OWN_MOVES] = {false};
    int missing = 0;
    struct stat st;
    if (!pose_dir || stat(pose_dir, &st) != 0 || !S_ISDIR(st.st_mode))
        report = NULL; /* no catalogue at all: said once where the data folder is chosen */
    for (int i = 0; i < r->step_count; i++) {
        const RoutineStep *rs = &r->steps[i];
        MoveId m = rs->move;
        if (rs->kind != STEP_MOVE || session_mode_rules(rs->mode).anim != ANIM_HOLD || m < 0 ||
            m >= MOVE_COUNT + ROUTINE_MAX_OWN_MOVES || done[m])
            continue;
        done[m] = true;
        RoutineHoldWay *way = &r->hold_ways[m];
        *way = (RoutineHoldWay){0, 0};
        char path[FILES_PATH_BYTES];
        const char *file = NULL;
        if (m >= MOVE_COUNT) { /* a physio's own move: its own pose file, its errors the routine's */
            if (m - MOVE_COUNT < r->own_move_count)
                file = r->own_moves[m - MOVE_COUNT].path;
        } else if (pose_dir &&
                   snprintf(path, sizeof path, "%s/%s.pose", pose_dir, moves_info(m)->id) < (int)sizeof path)
            file = path;
        if (!file || !pf || !errs || holdways_read(file, m, pf, errs, m < MOVE_COUNT ? report : NULL, ctx) < 0)
            missing++;
        else
            pose_file_hold_ways(pf, &way->in_ms, &way->out_ms);
    }
    holdways_fill_ways(r, pose_dir, pf, errs, report, ctx);
    free(pf);
    free(errs);
    return missing;
}

int holdways_fill(Routine *r, const char *pose_dir)
{
    return holdways_fill_report(r, pose_dir, NULL, NULL);
}

int holdways_fill_data_report(Routine *r, const char *data_dir, HoldwaysReport report, void *ctx)
{
    char dir[FILES_PATH_BYTES];
    if (!data_dir || snprintf(dir, sizeof dir, "%s/assets/poses", data_dir) >= (int)sizeof dir)
        return holdways_fill_report(r, NULL, report, ctx);
    return holdways_fill_report(r, dir, report, ctx);
}

int holdways_fill_data(Routine *r, const char *data_dir)
{
    return holdways_fill_data_report(r, data_dir, NULL, NULL);
}
