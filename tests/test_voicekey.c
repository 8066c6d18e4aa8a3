/* test_voicekey.c: clip names are stable (a fixed hash, documented), the standard phrase table
 * covers every routine-usable move and the counts, and a routine's texts are listed once each.
 * Core only: no SDL, no files. */
#include <stdio.h>
#include <string.h>

#include "moves.h"
#include "session.h"
#include "voicekey.h"
#include "testutil.h"

static bool has_phrase(const char *text)
{
    for (int i = 0; i < voicekey_standard_count(); i++)
        if (strcmp(voicekey_standard_phrase(i), text) == 0)
            return true;
    return false;
}

static void test_hash(void)
{
    /* FNV-1a 64 reference values: "" and "a" with no voice prefix are the published ones. */
    CHECK(voicekey_hash("", "") != 0);
    uint64_t h = 0xcbf29ce484222325ull;
    h ^= 'a';
    h *= 0x100000001b3ull;
    CHECK(h == 0xaf63dc4c8601ec8cull); /* the published FNV-1a 64 of "a" */
    /* voice "a" + "\n" + text "" must equal FNV-1a of "a\n" */
    uint64_t h2 = h;
    h2 ^= '\n';
    h2 *= 0x100000001b3ull;
    CHECK(voicekey_hash("a", "") == h2);

    char a[VOICEKEY_NAME_BYTES], b[VOICEKEY_NAME_BYTES], c[VOICEKEY_NAME_BYTES];
    voicekey_name("Rest.", a, sizeof a);
    voicekey_name("Rest.", b, sizeof b);
    voicekey_name("Rest", c, sizeof c);
    CHECK(strcmp(a, b) == 0);
    CHECK(strcmp(a, c) != 0);
    CHECK(strlen(a) == 22);
    CHECK(strncmp(a, "v_", 2) == 0 && strcmp(a + 18, ".wav") == 0);
    /* The voice is part of the key: another voice gives another clip. */
    CHECK(voicekey_hash(VOICEKEY_VOICE_ID, "Rest.") != voicekey_hash("other-voice", "Rest."));
}

static void test_standard_table(void)
{
    CHECK(voicekey_standard_count() > VOICEKEY_COUNT_MAX);
    CHECK(voicekey_standard_phrase(-1) == NULL);
    CHECK(voicekey_standard_phrase(voicekey_standard_count()) == NULL);
    const char *must[] = {"Get ready.",
                          "Switch sides.",
                          "Rest.",
                          "Ten seconds left.",
                          "Workout complete. Well done.",
                          "Move slowly and gently. Stop if the pain gets worse.",
                          "Stop this workout if:",
                          "Come out of the pose slowly.",
                          "Breathe in.", /* draw_in's reps: one breath each (moves.h MOVES_BREATHS) */
                          "Breathe out, draw in.",
                          "Breathe out.", /* each breath of a hold in breaths (with "Breathe in.") */
                          "Knees to your left.", /* knee_rolls' sides (moves.h MOVES_SIDE_WORDS) */
                          "Knees to your right.",
                          "1",
                          "3",
                          "10",
                          "60"};
    for (size_t i = 0; i < sizeof must / sizeof must[0]; i++) {
        if (!has_phrase(must[i]))
            fprintf(stderr, "missing standard phrase \"%s\"\n", must[i]);
        CHECK(has_phrase(must[i]));
    }
    CHECK(!has_phrase("0") && !has_phrase("61"));
    /* nothing the session never says (the words a test once required but no workout spoke) */
    CHECK(!has_phrase("Left side.") && !has_phrase("Right side.") && !has_phrase("Paused.") &&
          !has_phrase("Well done."));
    /* the session's own list is in the table, whole */
    for (int p = 0; p < SESSION_PHRASE_COUNT; p++)
        CHECK(has_phrase(session_phrase((SessionPhrase)p)));
    CHECK(session_phrase(SESSION_PHRASE_COUNT) == NULL);
    for (int m = 0; m < MOVE_COUNT; m++) {
        const MoveInfo *info = moves_info((MoveId)m);
        if (!info->routine_usable)
            continue;
        char text[200];
        snprintf(text, sizeof text, "Get ready. Next: %s.", info->name);
        if (!has_phrase(text))
            fprintf(stderr, "missing standard phrase \"%s\" (move renamed? update voicekey.c)\n", text);
        CHECK(has_phrase(text));
    }
    /* the breaths of every move whose rep is one breath */
    for (int m = 0; m < MOVE_COUNT; m++) {
        const MovesBreath *b = moves_breath((MoveId)m);
        CHECK(!b || (b->move == m && has_phrase(b->in_text) && has_phrase(b->out_text)));
        CHECK(!b || (b->out_permille > 0 && b->out_permille < 1000));
    }
    CHECK(moves_breath(MOVE_DRAW_IN) != NULL && moves_breath(MOVE_CAT_CAMEL) == NULL &&
          moves_breath(MOVE_NONE) == NULL);
    /* the words of every move whose sides have their own, both sides, on sided moves only */
    for (int m = 0; m < MOVE_COUNT; m++) {
        const MovesSideWords *w = moves_side_words((MoveId)m);
        CHECK(!w || (w->move == m && moves_info((MoveId)m)->sided && has_phrase(w->left) && has_phrase(w->right) &&
                     strcmp(w->left, w->right) != 0));
    }
    CHECK(moves_side_words(MOVE_KNEE_ROLLS) != NULL && moves_side_words(MOVE_SPINAL_TWIST) == NULL &&
          moves_side_words(MOVE_NONE) == NULL);
    /* the how-to of every usable move (moves.h MOVES_HOWTO) */
    for (int m = 0; m < MOVE_COUNT; m++) {
        const char *h = moves_howto((MoveId)m);
        if (h && !has_phrase(h))
            fprintf(stderr, "missing standard phrase \"%s\" (a how-to: update voicekey.c)\n", h);
        CHECK(!h || has_phrase(h));
    }
    /* No duplicates: each phrase is one clip. */
    for (int i = 0; i < voicekey_standard_count(); i++)
        for (int j = i + 1; j < voicekey_standard_count(); j++)
            CHECK(strcmp(voicekey_standard_phrase(i), voicekey_standard_phrase(j)) != 0);
}

static void test_routine_texts(void)
{
    RoutineCue cues[3] = {
        {CUE_START, 0, "Breathe in.", 3}, {CUE_HALF, 0, "Breathe out.", 4}, {CUE_END, 0, "Breathe in.", 5}};
    RoutineStep steps[2];
    memset(steps, 0, sizeof steps);
    steps[0].kind = STEP_MOVE;
    steps[0].cues = cues;
    steps[0].cue_count = 3;
    steps[1].kind = STEP_REST;
    steps[1].mode = MODE_REST;
    steps[1].text = "Shake out your arms.";
    Routine r = {"Morning", 1, NULL, "", steps, 2};
    const char *texts[8];
    int n = voicekey_routine_texts(&r, texts, 8);
    CHECK(n == 4);
    CHECK(n >= 4 && strcmp(texts[0], "Morning") == 0 && strcmp(texts[1], "Shake out your arms.") != 0);
    CHECK(n >= 4 && strcmp(texts[1], "Breathe in.") == 0 && strcmp(texts[2], "Breathe out.") == 0);
    CHECK(n >= 4 && strcmp(texts[3], "Shake out your arms.") == 0);
    Routine stops = r;
    static char leg[] = "Pain spreads down your leg";
    stops.stop_if[0] = leg;
    stops.stop_if_count = 1;
    CHECK(voicekey_routine_texts(&stops, texts, 8) == 5); /* the stop-if lines are read aloud */
    /* first: they are said first (with the safety notice), so a worker makes them first */
    CHECK(strcmp(texts[0], "Pain spreads down your leg") == 0 && strcmp(texts[1], "Morning") == 0);
    const char *small[2];
    CHECK(voicekey_routine_texts(&r, small, 2) >= 3);
    CHECK(voicekey_routine_texts(NULL, small, 2) == 0);
}

int main(void)
{
    test_hash();
    test_standard_table();
    test_routine_texts();
    return TEST_END();
}
