/* levels.c: scanning the routine folder. Reads and parses each file once; never fails on a
 * bad file, only records why it is bad. */
#include "levels.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "files.h"
#include "holdways.h"
#include "session.h"
#include "voicetable.h"

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

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

void levels_names_free(char **names, int count)
{
    for (int i = 0; names && i < count; i++)
        free(names[i]);
    free(names);
}

int levels_names(const char *dir, char ***names, int *count)
{
    *names = NULL;
    *count = 0;
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    char **list = NULL;
    int n = 0, cap = 0;
    struct dirent *e;
    int rc = 0;
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len < 9 || strcmp(e->d_name + len - 8, ".routine") != 0 || e->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **grown = realloc(list, (size_t)cap * sizeof *grown);
            if (!grown) {
                rc = -1;
                break;
            }
            list = grown;
        }
        if (!(list[n] = strdup(e->d_name))) {
            rc = -1;
            break;
        }
        n++;
    }
    closedir(d);
    if (rc < 0) {
        levels_names_free(list, n);
        errno = ENOMEM;
        return -1;
    }
    if (n > 0)
        qsort(list, (size_t)n, sizeof *list, cmp_names);
    *names = list;
    *count = n;
    return 0;
}

void levels_plan(LevelList *l, const char *data_dir)
{
    VoiceTable t; /* one table for all: the standard phrases are looked up once */
    if (voicetable_load(&t, data_dir, NULL) < 0)
        return;
    for (int i = 0; i < l->count; i++)
        if (l->items[i].valid && voicetable_add_routine(&t, data_dir, &l->items[i].routine) == 0)
            session_routine_plan(&l->items[i].routine, t.rows, t.count);
    voicetable_free(&t);
}

int levels_scan(const char *dir, const char *data_dir, LevelList *out)
{
    memset(out, 0, sizeof *out);
    char **names;
    int n;
    if (levels_names(dir, &names, &n) < 0)
        return -1;
    out->items = calloc(LEVELS_MAX, sizeof *out->items);
    if (!out->items) {
        levels_names_free(names, n);
        return -1;
    }
    for (int i = 0; i < n; i++) {
        LevelEntry *le = &out->items[out->count];
        if (out->count == LEVELS_MAX)
            out->left_out++; /* the first LEVELS_MAX by name are kept; the caller says so */
        else if (snprintf(le->path, sizeof le->path, "%s/%s", dir, names[i]) >= (int)sizeof le->path)
            out->left_out++;
        else
            out->count++;
    }
    levels_names_free(names, n);
    RoutineErrors *errs = malloc(sizeof *errs);
    for (int i = 0; i < out->count; i++) {
        LevelEntry *le = &out->items[i];
        if (!errs) {
            snprintf(le->error, sizeof le->error, "%s: out of memory", le->path);
            continue;
        }
        le->valid = files_load_routine(le->path, &le->routine, errs) == 0;
        if (le->valid) /* planned (levels_plan) and played with its pose files' ways into and out of its holds */
            holdways_fill_data(&le->routine, data_dir);
        if (!le->valid && errs->count > 0)
            routine_error_format(&errs->items[0], le->error, sizeof le->error);
    }
    free(errs);
    qsort(out->items, (size_t)out->count, sizeof *out->items, cmp_level);
    if (data_dir)
        levels_plan(out, data_dir);
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
    bool seen[MOVE_COUNT + ROUTINE_MAX_OWN_MOVES] = {0};
    size_t n = 0;
    buf[0] = 0;
    for (int i = 0; i < r->step_count && n < size; i++) {
        const RoutineStep *s = &r->steps[i];
        const MoveInfo *mi = routine_move_info(r, s->move);
        if (s->kind != STEP_MOVE || !mi || seen[s->move])
            continue;
        seen[s->move] = true;
        n += (size_t)snprintf(buf + n, size - n, "%s%s", n ? ", " : "", mi->id);
    }
}
