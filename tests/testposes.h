/* testposes.h: the catalogue's pose files, read and solved once each for tests that play whole
 * routines (test_figure_seams, test_drawn_levels), and read_all for the routines themselves.
 * Include after testutil.h; call testposes_free() before TEST_END(). */
#ifndef UNKNOT_TESTPOSES_H
#define UNKNOT_TESTPOSES_H

#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "moves.h"
#include "pose.h"

static PoseMove moves[MOVE_COUNT];
static bool loaded[MOVE_COUNT];

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *more = realloc(buf, cap * 2);
            if (!more) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = more, cap *= 2;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

static const PoseMove *move_of(MoveId id)
{
    if (id < 0 || id >= MOVE_COUNT)
        return NULL;
    if (!loaded[id]) {
        char path[256];
        snprintf(path, sizeof path, "assets/poses/%s.pose", moves_info(id)->id);
        size_t n = 0;
        char *src = read_all(path, &n);
        static PoseFile pf;
        RoutineErrors errs;
        memset(&errs, 0, sizeof errs);
        CHECK(src != NULL);
        if (!src)
            return NULL;
        CHECK_INT(pose_parse(path, src, n, &pf, &errs), 0);
        free(src);
        CHECK_INT(pose_move_init(&moves[id], &pf), 0);
        loaded[id] = true;
    }
    return &moves[id];
}

static int testposes_by_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The paths of levels/'s routines (at most max), sorted by name, each malloc'd: their count. */
static int testposes_levels(char **names, int max)
{
    DIR *d = opendir("levels");
    CHECK(d != NULL);
    int count = 0;
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL && count < max) {
        size_t len = strlen(e->d_name);
        if (len > 8 && strcmp(e->d_name + len - 8, ".routine") == 0) {
            names[count] = malloc(len + 8);
            if (names[count])
                snprintf(names[count++], len + 8, "levels/%s", e->d_name);
        }
    }
    if (d)
        closedir(d);
    qsort(names, (size_t)count, sizeof names[0], testposes_by_name);
    return count;
}

static void testposes_free(void)
{
    for (int i = 0; i < MOVE_COUNT; i++)
        if (loaded[i])
            pose_move_free(&moves[i]);
}

#endif
