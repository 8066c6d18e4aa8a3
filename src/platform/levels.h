/* levels.h: the routines found in a folder (levels/ by default), for the menu and --list.
 * Files that do not parse are kept with their first error so the menu can say why. */
#ifndef UNKNOT_LEVELS_H
#define UNKNOT_LEVELS_H

#include "routine.h"

#define LEVELS_MAX 64

typedef struct {
    char path[512];
    bool valid;
    Routine routine; /* parsed when valid; owned */
    char error[800]; /* first error when not valid */
} LevelEntry;

typedef struct {
    LevelEntry *items; /* owned, easiest level first (no level last), then by file name */
    int count;
} LevelList;

/* Load every *.routine file in dir (at most LEVELS_MAX). Returns 0 (possibly with count 0) or
 * -1 when dir cannot be read. Free with levels_free. */
int levels_scan(const char *dir, LevelList *out);

void levels_free(LevelList *l);

/* Moves of a routine as "child_pose, cat_camel, ..." (each once, in order) into buf. */
void levels_moves_summary(const Routine *r, char *buf, size_t size);

#endif
