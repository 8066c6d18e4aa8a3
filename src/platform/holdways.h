/* holdways.h: the ways into and out of the held moves a routine names, read from their pose files
 * (the catalogue's in assets/poses, a physio's own by its path) into Routine.hold_ways, so that
 * the session, --simulate, --check and the menu plan each hold with its pose file's own times.
 * Reads and parses only (pose_parse): nothing is solved or drawn. No SDL. */
#ifndef UNKNOT_HOLDWAYS_H
#define UNKNOT_HOLDWAYS_H

#include "pose.h"
#include "routine.h"

/* Read and parse the pose file at path into *pf (errs: the parse's errors, cleared first). Returns
 * 0, or -1 when the file cannot be read (errs then untouched) or parsed. The one reading of a pose
 * file for the plan: holdways_fill and the kiosk's attract loop use it. The caller owns pf and errs
 * (both large: allocate them). */
int holdways_read_pose(const char *path, PoseFile *pf, RoutineErrors *errs);

/* Fill r->hold_ways for every move a held step of r names: a catalogue move from
 * pose_dir/<id>.pose (pose_dir NULL: none), an own move from its own file. A file that cannot be
 * read or parsed leaves its move at 0 (the session's standard SESSION_STEP_IN_MS / OUT_MS; the
 * figure then has no pose to draw either). Returns how many moves were left so. */
int holdways_fill(Routine *r, const char *pose_dir);

/* holdways_fill with the catalogue's pose files in data_dir/assets/poses (data_dir NULL: none). */
int holdways_fill_data(Routine *r, const char *data_dir);

#endif
