/* levels.h: the routines found in a folder (levels/ by default), for the menu and --list.
 * Files that do not parse are kept with their first error so the menu can say why. */
#ifndef UNKNOT_LEVELS_H
#define UNKNOT_LEVELS_H

#include "routine.h"

#define LEVELS_MAX 64 /* routines in the menu and --list; more is an error that says so */

typedef struct {
    char path[512];
    bool valid;
    Routine routine; /* parsed when valid; owned */
    char error[800]; /* first error when not valid */
} LevelEntry;

typedef struct {
    LevelEntry *items; /* owned, easiest level first (no level last), then by file name */
    int count;
    int left_out; /* routines past LEVELS_MAX (or with too long a path): not loaded */
} LevelList;

/* Every *.routine file name in dir (hidden files left out), in strcmp order, however many.
 * Returns 0 with *names (free with levels_names_free) and *count, or -1 (errno set). */
int levels_names(const char *dir, char ***names, int *count);
void levels_names_free(char **names, int count);

/* Load the *.routine files in dir: the first LEVELS_MAX by name; any more are counted in
 * left_out, for the caller to report as an error. With data_dir (not NULL), each valid routine's
 * length is planned with the voice clips found from there (levels_plan). Returns 0 (possibly
 * with count 0) or -1 when dir cannot be read. Free with levels_free. */
int levels_scan(const char *dir, const char *data_dir, LevelList *out);

/* Plan the length of every valid routine in l with the voice clips' lengths (data_dir/assets/voice
 * and the cache), so the menu and --list show what a run takes (session_routine_plan). Reads
 * clip headers only. */
void levels_plan(LevelList *l, const char *data_dir);

void levels_free(LevelList *l);

/* Moves of a routine as "child_pose, cat_camel, ..." (each once, in order) into buf. */
void levels_moves_summary(const Routine *r, char *buf, size_t size);

#endif
