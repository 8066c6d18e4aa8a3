/* posecheck.c: a pose file is user input (a physiotherapist adds a move), so spritegen reads it
 * as the program does: through files_read, and through the validated parser of src/core/pose.c
 * before its own drawing code sees a number. Prints the errors; no other output. */
#include "posecheck.h"

#include <stdio.h>
#include <stdlib.h>

#include "files.h"
#include "pose.h"

int posecheck_read(const char *path, char **out, size_t *len)
{
    char why[256];
    if (files_read(path, FILES_MAX_POSE_BYTES, out, len, why, sizeof why) < 0) {
        fprintf(stderr, "%s:1:1: cannot read: %s\n", path, why);
        return -1;
    }
    PoseFile *pf = malloc(sizeof *pf);
    RoutineErrors *errs = calloc(1, sizeof *errs);
    int rc = pf && errs ? pose_parse(path, *out, *len, pf, errs) : -1;
    if (!pf || !errs)
        fprintf(stderr, "%s:1:1: out of memory\n", path);
    for (int i = 0; errs && i < errs->count; i++)
        fprintf(stderr, "%s:%d:%d: %s\n", errs->items[i].path, errs->items[i].line, errs->items[i].col,
                errs->items[i].message);
    free(pf);
    free(errs);
    if (rc < 0) {
        free(*out);
        *out = NULL;
    }
    return rc < 0 ? -1 : 0;
}
