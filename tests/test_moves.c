/* test_moves.c: the move catalogue (moves.h) is complete. Every row has its pose file (drawn live),
 * every move a routine may name has its "Get ready. Next: ..." clip and a row in
 * docs/routines.md, and every position has a resting figure in that position. Reads the
 * committed files from the source tree (the test runs there); core only, no SDL. */
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

int main(void)
{
    test_ways();
    test_every_move_has_its_files();
    test_lists_and_lookups();
    test_positions();
    return TEST_END();
}
