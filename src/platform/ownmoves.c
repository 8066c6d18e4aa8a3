/* ownmoves.c: a physio's own moves, found beside the routine or in the user's data folder, read
 * through files_read and checked with core's pose model. */
#include "ownmoves.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "files.h"
#include "pose.h"

int ownmoves_user_dir(char *buf, size_t size)
{
    char data[FILES_PATH_BYTES];
    if (files_data_home(data, sizeof data) < 0)
        return -1;
    int n = snprintf(buf, size, "%s/moves", data);
    return n < 0 || (size_t)n >= size ? -1 : 0;
}

/* The stem of a pose file's name ("squat" of "squat.pose") into stem, or false when the name is
 * not NAME.pose with NAME of [a-z0-9_], 1 to 31 bytes. */
static bool pose_stem(const char *file, char stem[OWNMOVES_NAME_BYTES])
{
    size_t n = strlen(file);
    if (n <= 5 || n - 5 >= OWNMOVES_NAME_BYTES || strcmp(file + n - 5, ".pose") != 0)
        return false;
    for (size_t i = 0; i < n - 5; i++)
        if (!((file[i] >= 'a' && file[i] <= 'z') || (file[i] >= '0' && file[i] <= '9') || file[i] == '_'))
            return false;
    memcpy(stem, file, n - 5);
    stem[n - 5] = '\0';
    return true;
}

/* Whether src holds word as a whole word (a routine naming the move says `move word`). */
static bool mentions(const char *src, size_t len, const char *word)
{
    size_t w = strlen(word);
    for (size_t i = 0; i + w <= len; i++) {
        if (memcmp(src + i, word, w) != 0)
            continue;
        char before = i > 0 ? src[i - 1] : ' ', after = i + w < len ? src[i + w] : ' ';
        bool inner_b = (before >= 'a' && before <= 'z') || (before >= '0' && before <= '9') || before == '_';
        bool inner_a = (after >= 'a' && after <= 'z') || (after >= '0' && after <= '9') || after == '_';
        if (!inner_b && !inner_a)
            return true;
    }
    return false;
}

/* "Squat" of "squat", "Quad stretch" of "quad_stretch". */
static void display_name(const char *stem, char *buf, size_t size)
{
    snprintf(buf, size, "%s", stem);
    for (char *p = buf; *p; p++)
        if (*p == '_')
            *p = ' ';
    if (buf[0] >= 'a' && buf[0] <= 'z')
        buf[0] = (char)(buf[0] - 'a' + 'A');
}

static char *dup_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

/* Read and parse path into *pf; the `move` line must say name. Errors go to errs. */
static int load_pose(const char *path, const char *name, PoseFile *pf, RoutineErrors *errs)
{
    char *text = NULL, why[200];
    size_t n = 0;
    if (files_read(path, FILES_MAX_POSE_BYTES, &text, &n, why, sizeof why) < 0) {
        routine_errors_add(errs, path, 1, 1, "cannot read the pose file: %s", why);
        return -1;
    }
    int before = errs->count;
    int rc = pose_parse(path, text, n, pf, errs);
    free(text);
    if (rc == 0 && name && strcmp(pf->move, name) != 0)
        routine_errors_add(errs, path, pf->move_line, pf->move_col,
                           "the move line names '%s', but the file is %s.pose: an own move is named by its file",
                           pf->move, name);
    return errs->count == before ? 0 : -1;
}

/* Offer one pose file (already known to be named NAME.pose with its NAME in the routine). */
static void offer(OwnMoves *out, const char *path, const char *stem)
{
    for (int i = 0; i < out->count; i++)
        if (strcmp(out->items[i].info.id, stem) == 0)
            return; /* found beside the routine already */
    if (out->count == OWNMOVES_MAX)
        return;
    PoseFile *pf = calloc(1, sizeof *pf);
    RoutineErrors *errs = calloc(1, sizeof *errs);
    char name[OWNMOVES_NAME_BYTES];
    display_name(stem, name, sizeof name);
    RoutineOwnMove *m = &out->items[out->count];
    m->info.id = dup_str(stem);
    m->info.name = dup_str(name);
    m->path = dup_str(path);
    if (!pf || !errs || !m->info.id || !m->info.name || !m->path) {
        free((char *)m->info.id), free((char *)m->info.name), free(m->path);
        free(pf), free(errs);
        memset(m, 0, sizeof *m);
        return;
    }
    out->count++;
    if (load_pose(path, stem, pf, errs) == 0) {
        m->info.routine_usable = true;
        m->info.sided = pf->side != SIDES_NONE;
        /* the session draws its sides as the file does: turned round for a mirrored left side */
        m->info.own_sides = m->info.sided;
        m->info.own_same_way_round = pf->other_side != POSE_OTHER_MIRROR;
        int cycle = pose_section_find(pf, "cycle");
        /* reps without a tempo last the cycle the file draws */
        int ms = cycle >= 0 ? (int)(pf->sections[cycle].seconds * 1000.0f + 0.5f) : 4000;
        m->info.default_tempo_ms = ms < 1000 ? 1000 : ms;
        m->info.position = pose_file_position(pf);
        free(errs);
    } else {
        m->info.position = POSITION_STANDING;
        m->info.default_tempo_ms = 4000;
        out->errs[out->count - 1] = errs;
    }
    free(pf);
}

static void find_in(OwnMoves *out, const char *dir, const char *src, size_t len)
{
    DIR *d = opendir(dir);
    if (!d)
        return; /* no such folder: no own moves there */
    struct dirent *de;
    while ((de = readdir(d))) {
        char stem[OWNMOVES_NAME_BYTES], path[FILES_PATH_BYTES];
        if (!pose_stem(de->d_name, stem) || !mentions(src, len, stem))
            continue;
        if (snprintf(path, sizeof path, "%s/%s", dir, de->d_name) < (int)sizeof path)
            offer(out, path, stem);
    }
    closedir(d);
}

void ownmoves_find(const char *routine_path, const char *src, size_t len, OwnMoves *out)
{
    memset(out, 0, sizeof *out);
    char dir[FILES_PATH_BYTES];
    const char *slash = strrchr(routine_path, '/');
    int n = slash ? snprintf(dir, sizeof dir, "%.*s/moves", (int)(slash - routine_path), routine_path)
                  : snprintf(dir, sizeof dir, "moves");
    if (n > 0 && n < (int)sizeof dir)
        find_in(out, dir, src, len);
    if (ownmoves_user_dir(dir, sizeof dir) == 0)
        find_in(out, dir, src, len);
}

int ownmoves_report(const OwnMoves *own, const Routine *r, RoutineErrors *errs)
{
    int bad = 0;
    for (int k = 0; k < r->own_move_count; k++) {
        if (r->own_moves[k].info.routine_usable)
            continue;
        bad++;
        for (int i = 0; i < own->count; i++)
            if (own->errs[i] && strcmp(own->items[i].path, r->own_moves[k].path) == 0)
                for (int e = 0; e < own->errs[i]->count; e++) {
                    const RoutineError *x = &own->errs[i]->items[e];
                    routine_errors_add(errs, x->path, x->line, x->col, "%s", x->message);
                }
    }
    return bad;
}

void ownmoves_free(OwnMoves *o)
{
    for (int i = 0; i < o->count; i++) {
        free((char *)o->items[i].info.id);
        free((char *)o->items[i].info.name);
        free(o->items[i].path);
        free(o->errs[i]);
    }
    memset(o, 0, sizeof *o);
}

int ownmoves_check_file(const char *path, RoutineErrors *errs, int *samples)
{
    const char *slash = strrchr(path, '/');
    char name[OWNMOVES_NAME_BYTES];
    if (!pose_stem(slash ? slash + 1 : path, name)) {
        routine_errors_add(errs, path, 1, 1,
                           "a move's pose file is named NAME.pose, NAME of a-z, 0-9 and _ (at most %d)",
                           OWNMOVES_NAME_BYTES - 1);
        return -1;
    }
    PoseFile *pf = calloc(1, sizeof *pf);
    PoseMove move = {0};
    int before = errs->count, rc = -1;
    if (!pf) {
        routine_errors_add(errs, path, 1, 1, "out of memory");
    } else if (load_pose(path, name, pf, errs) == 0) {
        if (pose_move_init(&move, pf) != 0) {
            routine_errors_add(errs, path, 1, 1, "out of memory");
        } else {
            pose_move_check(&move, path, errs);
            if (samples)
                *samples = move.meta.frames;
        }
        rc = errs->count == before ? 0 : -1;
    }
    pose_move_free(&move);
    free(pf);
    return rc;
}
