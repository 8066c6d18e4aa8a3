/* holdways.h: the ways into and out of the held moves a routine names, read from their pose files
 * (the catalogue's in assets/poses, a physio's own by its path) into Routine.hold_ways, and the
 * time of every way from one position to another (assets/poses/way_*.pose) into Routine.way_ms,
 * so that the session, --simulate, --check and the menu plan each hold and each way with its pose
 * file's own times. Reads and parses only (pose_parse): nothing is solved or drawn. No SDL. */
#ifndef UNKNOT_HOLDWAYS_H
#define UNKNOT_HOLDWAYS_H

#include "pose.h"
#include "routine.h"

/* Read and parse the pose file at path into *pf (errs: the parse's errors, cleared first). Returns
 * 0, or -1 when the file cannot be read (errs then untouched) or parsed. The one reading of a pose
 * file for the plan: holdways_fill and the kiosk's attract loop use it. The caller owns pf and errs
 * (both large: allocate them). */
int holdways_read_pose(const char *path, PoseFile *pf, RoutineErrors *errs);

/* Told of a catalogue pose file holdways_fill could not use, for move m (a way: the session gives
 * it MOVES_WAY_MS; a held move: SESSION_STEP_IN_MS / OUT_MS). what names the file and the problem,
 * one printable line: "PATH: cannot open: ...", "PATH:LINE:COL: ..." or "PATH: no `section
 * intro`". Borrowed for the call. */
typedef void (*HoldwaysReport)(void *ctx, MoveId m, const char *what);

/* Fill r->hold_ways for every move a held step of r names: a catalogue move from
 * pose_dir/<id>.pose (pose_dir NULL: none), an own move from its own file; and r->way_ms for every
 * way (a row of moves.h WAYS, whichever the routine shows: that depends on the answers given) from
 * pose_dir/<id>.pose's `section intro`. A file that cannot be read or parsed leaves its move at 0
 * (the session's standard SESSION_STEP_IN_MS / OUT_MS, or MOVES_WAY_MS for a way; the figure then
 * has no pose to draw either). Returns how many held moves were left so (the ways are not
 * counted). */
int holdways_fill(Routine *r, const char *pose_dir);

/* holdways_fill, telling report (when not NULL) of each catalogue file it could not use, once: not
 * of a physio's own move (its errors are the routine's, files_load_routine) nor of any file when
 * pose_dir is NULL or not a folder (main warns of a data folder without assets/ once). */
int holdways_fill_report(Routine *r, const char *pose_dir, HoldwaysReport report, void *ctx);

/* holdways_fill(_report) with the catalogue's pose files in data_dir/assets/poses (data_dir NULL:
 * none). */
int holdways_fill_data(Routine *r, const char *data_dir);
int holdways_fill_data_report(Routine *r, const char *data_dir, HoldwaysReport report, void *ctx);

#endif
