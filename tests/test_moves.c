/* test_moves.c: the move catalogue (moves.h) is complete. Every row has its pose file (drawn live),
 * every move a routine may name has its "Get ready. Next: ..." clip and a row in
 * docs/routines.md, and every position has a resting figure in that position. Reads the
 * committed files from the source tree (the test runs there); core only, no SDL. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "moves.h"
#include "testutil.h"
#include "voicekey.h"

static bool file_exists(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f)
        fclose(f);
    return f != NULL;
}

/* The whole of a small text file, NUL-terminated, or NULL. The caller frees it. */
static char *file_text(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = calloc(1, 1 << 20);
    size_t n = buf ? fread(buf, 1, (1 << 20) - 1, f) : 0;
    fclose(f);
    if (buf)
        buf[n] = '\0';
    return buf;
}

static void test_every_move_has_its_files(void)
{
    char *docs = file_text("docs/routines.md");
    CHECK(docs != NULL);
    for (int i = 0; i < MOVE_COUNT; i++) {
        const MoveInfo *m = moves_info((MoveId)i);
        char path[256];
        CHECK(moves_find(m->id, -1) == (MoveId)i);
        snprintf(path, sizeof path, "assets/poses/%s.pose", m->id);
        if (!file_exists(path))
            fprintf(stderr, "move %s has no pose file %s\n", m->id, path);
        CHECK(file_exists(path));
        CHECK(m->position >= 0 && m->position < POSITION_COUNT);
        if (!m->routine_usable)
            continue;
        char text[200], clip[VOICEKEY_NAME_BYTES];
        snprintf(text, sizeof text, "Get ready. Next: %s.", m->name);
        voicekey_name(text, clip, sizeof clip);
        snprintf(path, sizeof path, "assets/voice/%s", clip);
        if (!file_exists(path))
            fprintf(stderr, "move %s has no clip for \"%s\" (%s; run voicegen)\n", m->id, text, path);
        CHECK(file_exists(path));
        char row[80];
        snprintf(row, sizeof row, "| `%s` |", m->id);
        if (docs && !strstr(docs, row))
            fprintf(stderr, "move %s has no row in docs/routines.md\n", m->id);
        CHECK(docs && strstr(docs, row));
        CHECK(strstr(moves_usable_list(), m->id) != NULL);
    }
    free(docs);
}

/* Every move a routine may name has its how-to (moves.h MOVES_HOWTO), said by a get-ready whose
 * routine gives no start words, so it needs its clip and its row in docs/routines.md; one line,
 * short enough to read in the caption from the mat, each its own; no rest figure or way has one. */
static void test_every_usable_move_has_its_howto(void)
{
    char *docs = file_text("docs/routines.md");
    CHECK(docs != NULL);
    for (int i = 0; i < MOVE_COUNT; i++) {
        const MoveInfo *m = moves_info((MoveId)i);
        const char *h = moves_howto((MoveId)i);
        if (!m->routine_usable) {
            CHECK(h == NULL);
            continue;
        }
        if (!h) {
            fprintf(stderr, "move %s has no how-to: add its row to MOVES_HOWTO in moves.h\n", m->id);
            CHECK(h != NULL);
            continue;
        }
        size_t n = strlen(h);
        CHECK(n >= 20 && n <= MOVES_HOWTO_MAX_BYTES && h[n - 1] == '.' && !strchr(h, '\n'));
        for (int j = 0; j < i; j++)
            CHECK(!moves_howto((MoveId)j) || strcmp(moves_howto((MoveId)j), h) != 0);
        char clip[VOICEKEY_NAME_BYTES], path[256];
        voicekey_name(h, clip, sizeof clip);
        snprintf(path, sizeof path, "assets/voice/%s", clip);
        if (!file_exists(path))
            fprintf(stderr, "move %s has no clip for its how-to \"%s\" (%s; run voicegen)\n", m->id, h, path);
        CHECK(file_exists(path));
        char row[256]; /* docs/routines.md's table of how-tos says the same words */
        snprintf(row, sizeof row, "| `%s` | %s |", m->id, h);
        if (docs && !strstr(docs, row))
            fprintf(stderr, "move %s: docs/routines.md has no row \"%s\"\n", m->id, row);
        CHECK(docs && strstr(docs, row));
    }
    free(docs);
    CHECK(moves_howto(MOVE_NONE) == NULL && moves_howto(MOVE_COUNT) == NULL && moves_howto(MOVE_REST) == NULL);
    CHECK(strcmp(moves_howto(MOVE_KNEE_ROLLS),
                 "Lie on your back, knees bent, shoulders on the mat. Roll both knees slowly to one side and back.") ==
          0);
}

static void test_lists_and_lookups(void)
{
    /* the usable list is every usable id, comma-separated, and nothing else */
    char want[2048] = "";
    for (int i = 0; i < MOVE_COUNT; i++)
        if (moves_info((MoveId)i)->routine_usable) {
            if (want[0])
                strcat(want, ", ");
            strcat(want, moves_info((MoveId)i)->id);
        }
    CHECK(strcmp(moves_usable_list(), want) == 0);
    CHECK(moves_find("knee_rolls", -1) == MOVE_KNEE_ROLLS);
    CHECK(moves_find("knee_roll", -1) == MOVE_NONE);
    CHECK(moves_find("knee_rollsX", 10) == MOVE_KNEE_ROLLS);
    CHECK(moves_info(MOVE_NONE) == NULL && moves_info(MOVE_COUNT) == NULL);
    CHECK(moves_info(MOVE_HAMSTRING_STRETCH)->sided);
    CHECK(!moves_info(MOVE_REST)->routine_usable && !moves_info(MOVE_IDLE)->routine_usable);
}

static void test_positions(void)
{
    CHECK(moves_position_find("on-front", -1) == POSITION_ON_FRONT);
    CHECK(moves_position_find("on-frontal", -1) == POSITION_NONE);
    CHECK(moves_position_find("standingX", 8) == POSITION_STANDING);
    CHECK(strcmp(moves_position_list(), "on-back, on-front, all-fours, kneeling, sitting, on-chair, standing") == 0);
    CHECK(moves_position_word(POSITION_NONE) == NULL);
    for (int p = 0; p < POSITION_COUNT; p++) {
        MoveId fig = moves_position_figure((Position)p);
        CHECK(fig >= 0 && fig < MOVE_COUNT);
        CHECK(!moves_info(fig)->routine_usable); /* a resting figure, not a move */
        CHECK(moves_info(fig)->position == (Position)p);
        CHECK(moves_position_find(moves_position_word((Position)p), -1) == (Position)p);
    }
    CHECK(moves_position_figure(POSITION_ON_BACK) == MOVE_REST);
    CHECK(moves_position_figure(POSITION_STANDING) == MOVE_IDLE);
}

/* The ways between positions: each is a resting figure's row (not a routine move) that ends in
 * the position it leads to, and the lookups agree with the WAYS table. */
static void test_ways(void)
{
#define WAY_ROW(from, to, way, turns)                                                                                  \
    CHECK(POSITION_##from != POSITION_##to);                                                                           \
    CHECK(moves_way(POSITION_##from, POSITION_##to) == MOVE_##way);                                                    \
    CHECK(moves_way_from(MOVE_##way) == POSITION_##from);                                                              \
    CHECK(moves_info(MOVE_##way)->position == POSITION_##to);                                                          \
    CHECK(!moves_info(MOVE_##way)->routine_usable);
    WAYS(WAY_ROW)
#undef WAY_ROW
    CHECK(moves_way(POSITION_ON_BACK, POSITION_ON_FRONT) == MOVE_WAY_BACK_TO_FRONT);
    CHECK(moves_way(POSITION_ON_BACK, POSITION_ON_BACK) == MOVE_NONE);
    CHECK(moves_way_from(MOVE_BRIDGE) == POSITION_NONE && moves_way_from(MOVE_NONE) == POSITION_NONE);
}

/* A way's time is its pose file's `section intro` and nowhere else: the catalogue's tempo of a way
 * is 0, every way file has an intro, and moves_way_ms gives the routine's time (Routine.way_ms,
 * filled from the files by the platform), or MOVES_WAY_MS when it is not known. */
static void test_way_times(void)
{
    int way_ms[MOVE_COUNT] = {0};
    for (int i = 0; i < MOVE_COUNT; i++)
        way_ms[i] = 1000 + i; /* as if read from files: a time for every move, way or not */
    for (int i = 0; i < MOVE_COUNT; i++) {
        if (moves_way_from((MoveId)i) == POSITION_NONE) {
            CHECK_INT(moves_way_ms(way_ms, (MoveId)i), 0);
            CHECK_INT(moves_way_ms(NULL, (MoveId)i), 0);
            continue;
        }
        const MoveInfo *m = moves_info((MoveId)i);
        CHECK_INT(m->default_tempo_ms, 0); /* no second copy of the file's time */
        CHECK_INT(moves_way_ms(way_ms, (MoveId)i), 1000 + i);
        CHECK_INT(moves_way_ms(NULL, (MoveId)i), MOVES_WAY_MS);
        char path[256];
        snprintf(path, sizeof path, "assets/poses/%s.pose", m->id);
        char *text = file_text(path);
        const char *intro = text ? strstr(text, "\nsection intro ") : NULL;
        double seconds = -1.0;
        CHECK(intro != NULL && sscanf(intro, "\nsection intro %lf", &seconds) == 1 && seconds > 0.0);
        free(text);
    }
    way_ms[MOVE_WAY_BACK_TO_FRONT] = 0; /* not known: the standard way */
    CHECK_INT(moves_way_ms(way_ms, MOVE_WAY_BACK_TO_FRONT), MOVES_WAY_MS);
    CHECK_INT(moves_way_ms(way_ms, MOVE_NONE), 0);
    CHECK_INT(moves_way_ms(way_ms, MOVE_COUNT), 0);
}

/* Every way says what to do as it begins (moves.h MOVES_WAY_WORDS): one line, short enough for the
 * caption band, ending with a full stop, with its clip; no other move has way words. */
static void test_every_way_has_its_words(void)
{
    for (int i = 0; i < MOVE_COUNT; i++) {
        const char *w = moves_way_words((MoveId)i);
        if (moves_way_from((MoveId)i) == POSITION_NONE) {
            CHECK(w == NULL);
            continue;
        }
        if (!w) {
            fprintf(stderr, "way %s has no words: add its row to MOVES_WAY_WORDS in moves.h\n",
                    moves_info((MoveId)i)->id);
            CHECK(w != NULL);
            continue;
        }
        size_t n = strlen(w);
        CHECK(n >= 20 && n <= MOVES_HOWTO_MAX_BYTES && w[n - 1] == '.' && !strchr(w, '\n'));
        char clip[VOICEKEY_NAME_BYTES], path[256];
        voicekey_name(w, clip, sizeof clip);
        snprintf(path, sizeof path, "assets/voice/%s", clip);
        if (!file_exists(path))
            fprintf(stderr, "way %s has no clip for \"%s\" (%s; run voicegen)\n", moves_info((MoveId)i)->id, w, path);
        CHECK(file_exists(path));
    }
    CHECK(moves_way_words(MOVE_NONE) == NULL && moves_way_words(MOVE_COUNT) == NULL);
}

#define MOVES_LIFT_FLAT 25.0 /* the trunk (pelvis=) this low: on all fours */
#define MOVES_LIFT_UPRIGHT 80.0 /* this high: kneeling or standing tall */
#define MOVES_LIFT_LEAST_MS 2000 /* the least time the trunk takes from flat to upright, or back */
#define MOVES_LIFT_MOST_DEG_PER_S 50.0 /* the fastest the trunk may turn between two keys of the lift */

/* The keyed pelvis (trunk) angles of a way's `section intro`: times[i] in ms, deg[i]; their count. */
static int intro_pelvis(const char *text, double *times, double *deg, int max)
{
    const char *intro = strstr(text, "\nsection intro ");
    double seconds = 0.0;
    if (!intro || sscanf(intro, "\nsection intro %lf", &seconds) != 1)
        return 0;
    const char *end = strstr(intro + 1, "\nsection ");
    int n = 0;
    for (const char *k = strstr(intro, "\nkey "); k && (!end || k < end) && n < max; k = strstr(k + 1, "\nkey ")) {
        double at = 0.0;
        const char *p = strstr(k, " pelvis="), *eol = strchr(k + 1, '\n');
        if (sscanf(k, "\nkey %lf", &at) == 1 && p && (!eol || p < eol))
            times[n] = at * seconds * 1000.0, deg[n++] = atof(p + 8);
    }
    return n;
}

/* Up from all fours to kneeling or standing, and down again, to all fours or onto the front
 * (physio review 30 #3: the trunk came up from flat to upright kneeling in 0.6 s, 81 degrees a
 * second, the hands off the floor; standing to the front dropped it in 0.85 s, 90 a second): the
 * trunk takes at least MOVES_LIFT_LEAST_MS from its last flat key to its first upright one, and
 * turns no faster than MOVES_LIFT_MOST_DEG_PER_S between two keys in between. */
static void test_lift_times(void)
{
    for (int i = 0; i < MOVE_COUNT; i++) {
        Position from = moves_way_from((MoveId)i), to = moves_info((MoveId)i)->position;
        bool up = from == POSITION_ALL_FOURS && (to == POSITION_STANDING || to == POSITION_KNEELING);
        bool down = (to == POSITION_ALL_FOURS || to == POSITION_ON_FRONT) &&
                    (from == POSITION_STANDING || from == POSITION_KNEELING);
        if (!up && !down)
            continue;
        char path[256];
        snprintf(path, sizeof path, "assets/poses/%s.pose", moves_info((MoveId)i)->id);
        char *text = file_text(path);
        CHECK(text != NULL);
        double t[64], d[64];
        int n = text ? intro_pelvis(text, t, d, 64) : 0;
        free(text);
        CHECK(n >= 2);
        double flat = -1.0, upright = -1.0, fastest = 0.0;
        for (int k = 0; k < n; k++) {
            int j = up ? k : n - 1 - k; /* down: read backwards, as if coming up */
            double at = up ? t[j] : t[n - 1] - t[j];
            if (upright < 0.0 && d[j] <= MOVES_LIFT_FLAT)
                flat = at;
            if (upright < 0.0 && d[j] >= MOVES_LIFT_UPRIGHT)
                upright = at;
        }
        for (int k = 1; k < n; k++) { /* between the two: up, from flat; down, from upright */
            double a = up ? t[k - 1] : t[n - 1] - t[k], b = up ? t[k] : t[n - 1] - t[k - 1];
            if (a >= flat && b <= upright && t[k] > t[k - 1])
                fastest = fmax(fastest, fabs(d[k] - d[k - 1]) * 1000.0 / (t[k] - t[k - 1]));
        }
        printf("%-28s the trunk from flat to upright in %.2f s, at most %.0f degrees a second\n",
               moves_info((MoveId)i)->id, (upright - flat) / 1000.0, fastest);
        CHECK(flat >= 0.0 && upright > flat && upright - flat >= MOVES_LIFT_LEAST_MS);
        CHECK(fastest <= MOVES_LIFT_MOST_DEG_PER_S);
    }
}

/* The fewest hops from every position to every other over WAYS, worked out apart from moves_path
 * (Floyd-Warshall): dist[a][b], or POSITION_COUNT when no chain reaches. */
static void hops(int dist[POSITION_COUNT][POSITION_COUNT])
{
    for (int a = 0; a < POSITION_COUNT; a++)
        for (int b = 0; b < POSITION_COUNT; b++)
            dist[a][b] = a == b ? 0 : moves_way((Position)a, (Position)b) != MOVE_NONE ? 1 : POSITION_COUNT;
    for (int k = 0; k < POSITION_COUNT; k++)
        for (int a = 0; a < POSITION_COUNT; a++)
            for (int b = 0; b < POSITION_COUNT; b++)
                if (dist[a][k] + dist[k][b] < dist[a][b])
                    dist[a][b] = dist[a][k] + dist[k][b];
}

/* moves_path: for every ordered pair a chain of ways where one exists, continuous (each way starts
 * where the one before ends: the first in `from`, the last ends in `to`), with the fewest ways (the
 * direct way alone where WAYS has one), the same every time; -1 where none reaches. */
static void test_paths(void)
{
    int dist[POSITION_COUNT][POSITION_COUNT];
    hops(dist);
    int chains = 0, unreachable = 0;
    for (int a = 0; a < POSITION_COUNT; a++)
        for (int b = 0; b < POSITION_COUNT; b++) {
            MovesPath p, again;
            int n = moves_path((Position)a, (Position)b, &p);
            CHECK_INT(moves_path((Position)a, (Position)b, &again), n);
            if (dist[a][b] == POSITION_COUNT) {
                CHECK_INT(n, -1);
                CHECK_INT(p.count, 0);
                unreachable++;
                continue;
            }
            CHECK_INT(n, dist[a][b]);
            CHECK_INT(p.count, n);
            Position at = (Position)a;
            for (int i = 0; i < n; i++) {
                CHECK(moves_way_from(p.way[i]) == at); /* starts where the one before ended */
                CHECK(again.way[i] == p.way[i]);
                at = moves_info(p.way[i])->position;
            }
            CHECK(at == (Position)b);
            if (n == 1)
                CHECK(p.way[0] == moves_way((Position)a, (Position)b));
            chains += n > 1;
        }
    printf("moves_path: %d ordered pairs need a chain of ways, %d have none\n", chains, unreachable);
    MovesPath p; /* the example: off the front, onto all fours, up to standing */
    CHECK_INT(moves_path(POSITION_ON_FRONT, POSITION_STANDING, &p), 2);
    CHECK(p.way[0] == MOVE_WAY_FRONT_TO_ALL_FOURS && p.way[1] == MOVE_WAY_ALL_FOURS_TO_STANDING);
    /* down to the mat as up from it, through all fours, never a deep squat (issue 12): standing and
     * kneeling reach sitting through all fours and its side-sit, not the squat down from standing
     * nor the way down onto the back and up again; up from sitting through all fours */
    CHECK_INT(moves_path(POSITION_STANDING, POSITION_SITTING, &p), 2);
    CHECK(p.way[0] == MOVE_WAY_STANDING_TO_ALL_FOURS && p.way[1] == MOVE_WAY_ALL_FOURS_TO_SITTING);
    CHECK_INT(moves_path(POSITION_KNEELING, POSITION_SITTING, &p), 2);
    CHECK(p.way[0] == MOVE_WAY_KNEELING_TO_ALL_FOURS && p.way[1] == MOVE_WAY_ALL_FOURS_TO_SITTING);
    CHECK_INT(moves_path(POSITION_SITTING, POSITION_STANDING, &p), 2);
    CHECK(p.way[0] == MOVE_WAY_SITTING_TO_ALL_FOURS && p.way[1] == MOVE_WAY_ALL_FOURS_TO_STANDING);
    CHECK(moves_way(POSITION_STANDING, POSITION_SITTING) == MOVE_NONE);
    CHECK(moves_way(POSITION_SITTING, POSITION_STANDING) == MOVE_NONE);
    /* onto the back and up from it through all fours (physio review s25): down from standing onto
     * hands and knees, onto the side and a roll onto the back, never a squat; up by a roll onto the
     * side, pushing up to side-sitting and all fours, then half kneeling, never via the front and a
     * press-up */
    CHECK_INT(moves_path(POSITION_STANDING, POSITION_ON_BACK, &p), 2);
    CHECK(p.way[0] == MOVE_WAY_STANDING_TO_ALL_FOURS && p.way[1] == MOVE_WAY_ALL_FOURS_TO_BACK);
    CHECK_INT(moves_path(POSITION_ON_BACK, POSITION_STANDING, &p), 2);
    CHECK(p.way[0] == MOVE_WAY_BACK_TO_ALL_FOURS && p.way[1] == MOVE_WAY_ALL_FOURS_TO_STANDING);
    CHECK_INT(moves_path(POSITION_KNEELING, POSITION_ON_BACK, &p), 2);
    CHECK(p.way[0] == MOVE_WAY_KNEELING_TO_ALL_FOURS && p.way[1] == MOVE_WAY_ALL_FOURS_TO_BACK);
    CHECK(moves_way(POSITION_STANDING, POSITION_ON_BACK) == MOVE_NONE);
    CHECK(moves_way(POSITION_ON_BACK, POSITION_STANDING) == MOVE_NONE);
    CHECK_INT(moves_path(POSITION_ON_BACK, POSITION_ON_BACK, &p), 0);
    CHECK_INT(moves_path(POSITION_NONE, POSITION_ON_BACK, &p), -1);
    CHECK_INT(moves_path(POSITION_ON_BACK, POSITION_COUNT, &p), -1);
}

int main(void)
{
    test_ways();
    test_way_times();
    test_every_way_has_its_words();
    test_lift_times();
    test_paths();
    test_every_move_has_its_files();
    test_every_usable_move_has_its_howto();
    test_lists_and_lookups();
    test_positions();
    return TEST_END();
}
