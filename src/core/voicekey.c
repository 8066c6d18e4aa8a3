/* voicekey.c: clip names by hashing voice + text, the table of standard phrases, and the list of
 * texts a routine may speak. Pure data and string work: no I/O, no SDL, no mutable state. */
#include "voicekey.h"

#include "session.h"

#include <stdio.h>
#include <string.h>

/* ---- the standard phrases ----
 * Every text the session says that is not written in a routine: the session's list
 * (SESSION_PHRASES in session.h, the one place they are written), then the get-ready line of each
 * move. A text not here still works at run time (synthesised into the cache), but `unknot
 * --check` cannot vouch for it.
 * "Get ready. Next: <name>." rows come from the move catalogue (moves.h), so a new or renamed
 * move has its row; tests/test_voicekey.c checks it. So do the breaths of a move whose rep is one
 * breath (MOVES_BREATHS), the words of a move's sides (MOVES_SIDE_WORDS) and each move's how-to
 * (MOVES_HOWTO), and each way's words (MOVES_WAY_WORDS). */
/* "Get ready. Next: <display name>." for each routine-usable row of the move catalogue. */
#define VOICEKEY_GET_READY_true(name) ROUTINE_READY_NEXT_PREFIX name ROUTINE_READY_NEXT_SUFFIX,
#define VOICEKEY_GET_READY_false(name)
#define VOICEKEY_GET_READY_ROW(e, id, name, usable, sided, tempo, pos) VOICEKEY_GET_READY_##usable(name)

#define VOICEKEY_SESSION_ROW(id, text) text,
/* "Breathe out, draw in.": the out-breath of each rep of a move whose rep is one breath (its
 * in-breath, "Breathe in.", is a session phrase) */
#define VOICEKEY_BREATH_ROW(e, out, out_text) out_text,
/* "Knees to your left.", "Knees to your right.": the sides of a move whose sides have words */
#define VOICEKEY_SIDE_WORDS_ROW(e, left, right) left, right,
/* "Lie on your back, knees bent, ...": each usable move's how-to, said by a get-ready whose routine
 * gives no start words of its own */
#define VOICEKEY_HOWTO_ROW(e, text) text,
/* "Sit back towards your heels, ...": each way's words, said as a way between positions begins */
#define VOICEKEY_WAY_WORDS_ROW(e, text) text,
static const char *const voicekey_standard_table[] = {
    SESSION_PHRASES(VOICEKEY_SESSION_ROW) /* the session's own words (session.h) */
    MOVES(VOICEKEY_GET_READY_ROW) /* "Get ready. Next: <move>." */
    MOVES_BREATHS(VOICEKEY_BREATH_ROW) /* moves.h */
    MOVES_SIDE_WORDS(VOICEKEY_SIDE_WORDS_ROW) /* moves.h */
    MOVES_HOWTO(VOICEKEY_HOWTO_ROW) /* moves.h */
    MOVES_WAY_WORDS(VOICEKEY_WAY_WORDS_ROW) /* moves.h */
};

/* Counts are spoken numbers "1".."60", stored as text so they hash like any other phrase. */
static const char *const voicekey_count_table[VOICEKEY_COUNT_MAX] = {
    "1",  "2",  "3",  "4",  "5",  "6",  "7",  "8",  "9",  "10", "11", "12", "13", "14", "15",
    "16", "17", "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30",
    "31", "32", "33", "34", "35", "36", "37", "38", "39", "40", "41", "42", "43", "44", "45",
    "46", "47", "48", "49", "50", "51", "52", "53", "54", "55", "56", "57", "58", "59", "60",
};

#define VOICEKEY_TABLE_COUNT ((int)(sizeof voicekey_standard_table / sizeof voicekey_standard_table[0]))

/* ---- hashing ---- */

#define VOICEKEY_FNV_OFFSET 0xcbf29ce484222325ull
#define VOICEKEY_FNV_PRIME 0x100000001b3ull

static uint64_t voicekey_fnv_add(uint64_t h, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        h ^= *p;
        h *= VOICEKEY_FNV_PRIME;
    }
    return h;
}

uint64_t voicekey_hash(const char *voice_id, const char *text)
{
    uint64_t h = voicekey_fnv_add(VOICEKEY_FNV_OFFSET, voice_id);
    h = voicekey_fnv_add(h, "\n");
    return voicekey_fnv_add(h, text);
}

void voicekey_name(const char *text, char *name, size_t size)
{
    snprintf(name, size, "v_%016llx.wav", (unsigned long long)voicekey_hash(VOICEKEY_VOICE_ID, text));
}

int voicekey_standard_count(void)
{
    return VOICEKEY_TABLE_COUNT + VOICEKEY_COUNT_MAX;
}

const char *voicekey_standard_phrase(int i)
{
    if (i < 0 || i >= voicekey_standard_count())
        return NULL;
    if (i < VOICEKEY_TABLE_COUNT)
        return voicekey_standard_table[i];
    return voicekey_count_table[i - VOICEKEY_TABLE_COUNT];
}

/* ---- texts of a routine ---- */

/* Add text to out when new. n is how many distinct texts were seen so far; returns the new n. */
static int voicekey_add_text(const char **out, int cap, int n, const char *text)
{
    if (!text || !text[0])
        return n;
    for (int i = 0; i < n && i < cap; i++)
        if (strcmp(out[i], text) == 0)
            return n;
    if (n < cap)
        out[n] = text;
    return n + 1;
}

int voicekey_routine_texts(const Routine *r, const char **out, int cap)
{
    int n = 0;
    if (!r)
        return 0;
    /* in the order they are said (a worker makes a new routine's clips in this order): the
     * stop-if lines with the safety notice, then the intro (or the title) */
    for (int i = 0; i < r->stop_if_count; i++)
        n = voicekey_add_text(out, cap, n, r->stop_if[i]);
    n = voicekey_add_text(out, cap, n, r->title);
    n = voicekey_add_text(out, cap, n, r->intro);
    for (int s = 0; s < r->step_count; s++) {
        const RoutineStep *st = &r->steps[s];
        n = voicekey_add_text(out, cap, n, st->text);
        n = voicekey_add_text(out, cap, n, st->ready_text);
        for (int c = 0; c < st->cue_count; c++)
            n = voicekey_add_text(out, cap, n, st->cues[c].text);
        for (int k = 0; k < st->phase_count; k++)
            n = voicekey_add_text(out, cap, n, st->phases[k].text);
    }
    return n;
}
