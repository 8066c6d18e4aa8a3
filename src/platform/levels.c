/* levels.c: scanning the routine folder. Reads and parses each file once; never fails on a
 * bad file, only records why it is bad. */
#include "levels.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "files.h"

static int cmp_path(const void *a, const void *b)
{
    return strcmp(((const LevelEntry *)a)->path, ((const LevelEntry *)b)->path);
}

/* The menu's order: by level, easiest first; routines with no level (a timer) and files that
 * cannot be played after them; the file name within one level. */
static int level_rank(const LevelEntry *e)
{
    return e->valid && e->routine.level > 0 ? e->routine.level : e->valid ? 1000 : 2000;
}

static int cmp_level(const void *a, const void *b)
{
    int ra = level_rank(a), rb = level_rank(b);
    return ra != rb ? (ra < rb ? -1 : 1) : cmp_path(a, b);
}

int levels_scan(const char *dir, LevelList *out)
{
    memset(out, 0, sizeof *out);
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    out->items = calloc(LEVELS_MAX, sizeof *out->items);
    if (!out->items) {
        closedir(d);
        return -1;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL && out->count < LEVELS_MAX) {
        size_t n = strlen(e->d_name);
        if (n < 9 || strcmp(e->d_name + n - 8, ".routine") != 0 || e->d_name[0] == '.')
            continue;
        LevelEntry *le = &out->items[out->count];
        if (snprintf(le->path, sizeof le->path, "%s/%s", dir, e->d_name) >= (int)sizeof le->path)
            continue;
        out->count++;
    }
    closedir(d);
    qsort(out->items, (size_t)out->count, sizeof *out->items, cmp_path);
    RoutineErrors *errs = malloc(sizeof *errs);
    for (int i = 0; i < out->count; i++) {
        LevelEntry *le = &out->items[i];
        if (!errs) {
            snprintf(le->error, sizeof le->error, "%s: out of memory", le->path);
            continue;
        }
        le->valid = files_load_routine(le->path, &le->routine, errs) == 0;
        if (!le->valid && errs->count > 0)
            routine_error_format(&errs->items[0], le->error, sizeof le->error);
    }
    free(errs);
    qsort(out->items, (size_t)out->count, sizeof *out->items, cmp_level);
    return 0;
}

void levels_free(LevelList *l)
{
    for (int i = 0; i < l->count; i++)
        routine_free(&l->items[i].routine);
    free(l->items);
    memset(l, 0, sizeof *l);
}

void levels_moves_summary(const Routine *r, char *buf, size_t size)
{
    bool seen[MOVE_COUNT] = {0};
    size_t n = 0;
    buf[0] = 0;
    for (int i = 0; i < r->step_count && n < size; i++) {
        const RoutineStep *s = &r->steps[i];
        if (s->kind != STEP_MOVE || seen[s->move])
            continue;
        seen[s->move] = true;
        n += (size_t)snprintf(buf + n, size - n, "%s%s", n ? ", " : "", moves_info(s->move)->id);
    }
}
