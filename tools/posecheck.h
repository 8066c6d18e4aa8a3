/* posecheck.h: spritegen's one way into a pose file. Kept apart from spritegen.c because that
 * file has its own Pose and PoseFile types, which would clash with core's pose.h. */
#ifndef UNKNOT_POSECHECK_H
#define UNKNOT_POSECHECK_H

#include <stddef.h>

/* Read path through files_read (a regular file within FILES_MAX_POSE_BYTES, never blocking) and
 * check it with core's pose_parse (finite numbers within POSE_MAX_VALUE, known names, FILE:LINE:COL
 * errors printed on stderr). Returns 0 with *out (malloc'd, NUL-terminated, caller frees) and
 * *len, or -1 once every error is printed. */
int posecheck_read(const char *path, char **out, size_t *len);

#endif
