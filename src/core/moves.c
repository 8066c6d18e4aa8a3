/* moves.c: the move catalogue, expanded from the MOVES table in moves.h. Data only. */
#include "moves.h"

#include <string.h>

#define MOVES_INFO_ROW(e, id, name, usable, sided, tempo, pos)                                                         \
    [MOVE_##e] = {id, name, usable, sided, tempo, POSITION_##pos},
static const MoveInfo moves_table[MOVE_COUNT] = {MOVES(MOVES_INFO_ROW)};
#undef MOVES_INFO_ROW

/* ", id" for each usable row, pasted at compile time; the list starts after the first ", ". */
#define MOVES_LIST_true(id) ", " id
#define MOVES_LIST_false(id)
#define MOVES_LIST_ROW(e, id, name, usable, sided, tempo, pos) MOVES_LIST_##usable(id)
static const char moves_list[] = "" MOVES(MOVES_LIST_ROW);
#undef MOVES_LIST_ROW

#define MOVES_BREATH_ROW(e, out, out_text) {MOVE_##e, out, MOVES_BREATHE_IN, out_text},
static const MovesBreath moves_breaths[] = {MOVES_BREATHS(MOVES_BREATH_ROW)};
#undef MOVES_BREATH_ROW

#define MOVES_SIDE_WORDS_ROW(e, left, right) {MOVE_##e, left, right},
static const MovesSideWords moves_side_words_table[] = {MOVES_SIDE_WORDS(MOVES_SIDE_WORDS_ROW)};
#undef MOVES_SIDE_WORDS_ROW

#define MOVES_HOWTO_ROW(e, text) [MOVE_##e] = text,
static const char *const moves_howto_table[MOVE_COUNT] = {MOVES_HOWTO(MOVES_HOWTO_ROW)};
#undef MOVES_HOWTO_ROW

#define MOVES_WAY_WORDS_ROW(e, text) [MOVE_##e] = text,
static const char *const moves_way_words_table[MOVE_COUNT] = {MOVES_WAY_WORDS(MOVES_WAY_WORDS_ROW)};
#undef MOVES_WAY_WORDS_ROW

#define POSITIONS_WORD_ROW(e, word, figure) [POSITION_##e] = word,
static const char *const positions_words[POSITION_COUNT] = {POSITIONS(POSITIONS_WORD_ROW)};
#undef POSITIONS_WORD_ROW

#define POSITIONS_FIGURE_ROW(e, word, figure) [POSITION_##e] = MOVE_##figure,
static const MoveId positions_figures[POSITION_COUNT] = {POSITIONS(POSITIONS_FIGURE_ROW)};
#undef POSITIONS_FIGURE_ROW

#define POSITIONS_LIST_ROW(e, word, figure) ", " word
static const char positions_list[] = "" POSITIONS(POSITIONS_LIST_ROW);
#undef POSITIONS_LIST_ROW

MoveId moves_find(const char *id, int len)
{
    size_t n = len < 0 ? strlen(id) : (size_t)len;
    for (int i = 0; i < MOVE_COUNT; i++) {
        if (strlen(moves_table[i].id) == n && memcmp(moves_table[i].id, id, n) == 0)
            return (MoveId)i;
    }
    return MOVE_NONE;
}

const MoveInfo *moves_info(MoveId id)
{
    if (id < 0 || id >= MOVE_COUNT)
        return 0;
    return &moves_table[id];
}

const MovesBreath *moves_breath(MoveId id)
{
    for (size_t i = 0; i < sizeof moves_breaths / sizeof moves_breaths[0]; i++)
        if (moves_breaths[i].move == id)
            return &moves_breaths[i];
    return NULL;
}

const MovesSideWords *moves_side_words(MoveId id)
{
    for (size_t i = 0; i < sizeof moves_side_words_table / sizeof moves_side_words_table[0]; i++)
        if (moves_side_words_table[i].move == id)
            return &moves_side_words_table[i];
    return NULL;
}

const char *moves_howto(MoveId id)
{
    return id < 0 || id >= MOVE_COUNT ? NULL : moves_howto_table[id];
}

const char *moves_way_words(MoveId id)
{
    return id < 0 || id >= MOVE_COUNT ? NULL : moves_way_words_table[id];
}

const char *moves_usable_list(void)
{
    return moves_list + 2;
}

Position moves_position_find(const char *word, int len)
{
    size_t n = len < 0 ? strlen(word) : (size_t)len;
    for (int i = 0; i < POSITION_COUNT; i++)
        if (strlen(positions_words[i]) == n && memcmp(positions_words[i], word, n) == 0)
            return (Position)i;
    return POSITION_NONE;
}

const char *moves_position_word(Position p)
{
    return p < 0 || p >= POSITION_COUNT ? 0 : positions_words[p];
}

MoveId moves_position_figure(Position p)
{
    return p < 0 || p >= POSITION_COUNT ? MOVE_NONE : positions_figures[p];
}

const char *moves_position_list(void)
{
    return positions_list + 2;
}

#define WAYS_ROW(from, to, way, turns) {POSITION_##from, POSITION_##to, MOVE_##way, turns},
static const struct {
    Position from, to;
    MoveId way;
    bool turns;
} ways_table[] = {WAYS(WAYS_ROW)};
#undef WAYS_ROW

MoveId moves_way(Position from, Position to)
{
    for (size_t i = 0; i < sizeof ways_table / sizeof ways_table[0]; i++)
        if (ways_table[i].from == from && ways_table[i].to == to)
            return ways_table[i].way;
    return MOVE_NONE;
}

Position moves_way_from(MoveId id)
{
    for (size_t i = 0; i < sizeof ways_table / sizeof ways_table[0]; i++)
        if (ways_table[i].way == id)
            return ways_table[i].from;
    return POSITION_NONE;
}

/* A breadth-first search from `from`, the ways tried in the order of WAYS: each position is
 * reached first by the fewest ways, and of as few, by the chain whose first way to differ comes
 * first in the table. Seven positions: the queue and the marks fit on the stack. */
int moves_path(Position from, Position to, MovesPath *out)
{
    out->count = 0;
    if (from < 0 || from >= POSITION_COUNT || to < 0 || to >= POSITION_COUNT)
        return -1;
    if (from == to)
        return 0;
    int by[POSITION_COUNT]; /* the row of WAYS that first reached each position, -1 when none */
    Position queue[POSITION_COUNT];
    int head = 0, tail = 0;
    for (int p = 0; p < POSITION_COUNT; p++)
        by[p] = -1;
    queue[tail++] = from;
    while (head < tail && by[to] < 0) {
        Position at = queue[head++];
        for (int i = 0; i < (int)(sizeof ways_table / sizeof ways_table[0]); i++) {
            Position next = ways_table[i].to;
            if (ways_table[i].from != at || next == from || by[next] >= 0)
                continue;
            by[next] = i;
            queue[tail++] = next;
        }
    }
    if (by[to] < 0)
        return -1;
    int n = 0;
    for (Position p = to; p != from; p = ways_table[by[p]].from)
        n++;
    out->count = n;
    for (Position p = to; p != from; p = ways_table[by[p]].from)
        out->way[--n] = ways_table[by[p]].way;
    return out->count;
}

int moves_way_ms(const int *way_ms, MoveId id)
{
    if (moves_way_from(id) == POSITION_NONE)
        return 0;
    return way_ms && way_ms[id] > 0 ? way_ms[id] : MOVES_WAY_MS;
}

bool moves_way_turns(MoveId id)
{
    for (size_t i = 0; i < sizeof ways_table / sizeof ways_table[0]; i++)
        if (ways_table[i].way == id)
            return ways_table[i].turns;
    return false;
}

bool moves_same_way_round(const MoveInfo *info)
{
    if (!info || !info->sided)
        return false;
    if (info->own_sides)
        return info->own_same_way_round;
    return info->position != POSITION_STANDING; /* lying, kneeling or sitting: they stay where they are */
}
