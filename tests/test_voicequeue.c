/* test_voicequeue.c: the voice queue rules, with plain times: no overlap, cues before counts,
 * newest first, counts superseded, stale requests dropped, ducking window, clear on pause.
 * Core only: no SDL, no clock. */
#include <stdio.h>

#include "voicequeue.h"
#include "testutil.h"

/* Run the queue like the soundtrack does, from t to until: start each clip as soon as voice is
 * free. Records start times and clips in order; returns how many started. */
static int run(VoiceQueue *q, int64_t t, int64_t until, int *clips, int64_t *starts, int cap)
{
    int n = 0;
    while (voicequeue_pending(q) > 0) {
        int64_t at = voicequeue_free_at(q) > t ? voicequeue_free_at(q) : t;
        if (at > until)
            break;
        VoiceItem it;
        if (!voicequeue_next(q, at, &it))
            break;
        if (n < cap) {
            clips[n] = it.clip;
            starts[n] = at;
        }
        n++;
        t = at;
    }
    return n;
}

static void test_no_overlap(void)
{
    VoiceQueue q;
    voicequeue_init(&q);
    voicequeue_push(&q, 1, 0, VOICE_PRIORITY_CUE, 0, 2000);
    voicequeue_push(&q, 2, 0, VOICE_PRIORITY_CUE, 0, 1500);
    VoiceItem it;
    CHECK(voicequeue_next(&q, 0, &it) && it.clip == 1); /* same time: push order */
    CHECK(voicequeue_voice_playing(&q, 0));
    CHECK(voicequeue_voice_playing(&q, 1999));
    CHECK(!voicequeue_voice_playing(&q, 2000));
    CHECK(!voicequeue_next(&q, 1000, &it)); /* still speaking */
    CHECK(!voicequeue_next(&q, 2000 + VOICEQUEUE_GAP_MS - 1, &it)); /* the breath between clips */
    CHECK(voicequeue_next(&q, 2000 + VOICEQUEUE_GAP_MS, &it) && it.clip == 2);
    CHECK(voicequeue_pending(&q) == 0);
    CHECK(!voicequeue_next(&q, 10000, &it));
}

static void test_cues_before_counts_and_newest_first(void)
{
    VoiceQueue q;
    voicequeue_init(&q);
    voicequeue_push(&q, 100, 0, VOICE_PRIORITY_CUE, 0, 3000); /* a long cue starts at once */
    VoiceItem it;
    CHECK(voicequeue_next(&q, 0, &it) && it.clip == 100);
    voicequeue_push(&q, 1, 0, VOICE_PRIORITY_COUNT, 2500, 400);
    voicequeue_push(&q, 200, 0, VOICE_PRIORITY_CUE, 2600, 800);
    voicequeue_push(&q, 300, 0, VOICE_PRIORITY_CUE, 2700, 800);
    int clips[8];
    int64_t starts[8];
    int n = run(&q, 2700, 20000, clips, starts, 8);
    /* Newest cue, then the older cue; the count waited too long (> 1 s) and is dropped. */
    CHECK(n == 2);
    CHECK(clips[0] == 300 && starts[0] == 3000 + VOICEQUEUE_GAP_MS);
    CHECK(clips[1] == 200 && starts[1] == 3000 + 800 + 2 * VOICEQUEUE_GAP_MS);
    CHECK(q.dropped == 1);
}

static void test_count_superseded(void)
{
    VoiceQueue q;
    voicequeue_init(&q);
    voicequeue_push(&q, 100, 0, VOICE_PRIORITY_CUE, 0, 1200);
    VoiceItem it;
    CHECK(voicequeue_next(&q, 0, &it));
    voicequeue_push(&q, 5, 0, VOICE_PRIORITY_COUNT, 300, 400);
    voicequeue_push(&q, 4, 0, VOICE_PRIORITY_COUNT, 1000, 400);
    CHECK(voicequeue_pending(&q) == 1); /* "5" is replaced by "4" */
    CHECK(voicequeue_next(&q, 1350, &it) && it.clip == 4);
}

static void test_stale(void)
{
    VoiceQueue q;
    voicequeue_init(&q);
    voicequeue_push(&q, 100, 0, VOICE_PRIORITY_CUE, 0, 6000); /* a very long clip */
    VoiceItem it;
    CHECK(voicequeue_next(&q, 0, &it));
    voicequeue_push(&q, 200, 0, VOICE_PRIORITY_CUE, 1000, 500); /* 5.15 s old at its turn: dropped */
    voicequeue_push(&q, 300, 0, VOICE_PRIORITY_CUE, 3000, 500); /* 3.15 s old: still said */
    voicequeue_push(&q, 7, 0, VOICE_PRIORITY_COUNT, 6000, 300); /* waits behind 300: 0.8 s old, said */
    int clips[8];
    int64_t starts[8];
    int n = run(&q, 6000, 20000, clips, starts, 8);
    CHECK(n == 2 && clips[0] == 300 && clips[1] == 7);
    CHECK(q.dropped == 1);

    /* A count alone is dropped past 1 s, a cue is not. */
    voicequeue_init(&q);
    voicequeue_push(&q, 1, 0, VOICE_PRIORITY_COUNT, 0, 300);
    CHECK(!voicequeue_next(&q, VOICEQUEUE_COUNT_STALE_MS + 1, &it));
    CHECK(voicequeue_take_dropped(&q, &it) && it.clip == 1 && it.drop == VOICE_DROP_STALE);
    voicequeue_push(&q, 2, 0, VOICE_PRIORITY_CUE, 0, 300);
    CHECK(voicequeue_next(&q, VOICEQUEUE_CUE_STALE_MS, &it) && it.clip == 2);
}

/* The cold-pack case: a routine's own cues asked for during a long clip wait for it, however
 * long, and are said in the order written, before unknot's own cue asked for meanwhile. */
static void test_routine_cues_never_dropped(void)
{
    VoiceQueue q;
    voicequeue_init(&q);
    voicequeue_push(&q, 100, 0, VOICE_PRIORITY_ROUTINE, 0, 9000); /* a long instruction */
    VoiceItem it;
    CHECK(voicequeue_next(&q, 0, &it));
    voicequeue_push(&q, 200, 0, VOICE_PRIORITY_ROUTINE, 500, 600); /* "Rest." */
    voicequeue_push(&q, 300, 0, VOICE_PRIORITY_ROUTINE, 1000, 1500); /* "Let your skin warm up." */
    voicequeue_push(&q, 400, 0, VOICE_PRIORITY_CUE, 8000, 800); /* "Ten seconds left." */
    int clips[8];
    int64_t starts[8];
    int n = run(&q, 9000, 30000, clips, starts, 8);
    CHECK(n == 3 && clips[0] == 200 && clips[1] == 300 && clips[2] == 400);
    CHECK(starts[0] == 9000 + VOICEQUEUE_GAP_MS);
    CHECK(q.dropped == 0);
    CHECK(!voicequeue_take_dropped(&q, &it));
}

static void test_overflow_and_clear(void)
{
    VoiceQueue q;
    voicequeue_init(&q);
    voicequeue_push(&q, 0, 0, VOICE_PRIORITY_CUE, 0, 100000);
    VoiceItem it;
    CHECK(voicequeue_next(&q, 0, &it));
    for (int i = 1; i <= VOICEQUEUE_CAP + 5; i++)
        voicequeue_push(&q, i, 0, VOICE_PRIORITY_CUE, i, 100);
    CHECK(voicequeue_pending(&q) == VOICEQUEUE_CAP);
    CHECK(q.dropped == 5);
    /* every drop is kept with why, so nothing vanishes unreported: the newest were the least useful */
    for (int i = 0; i < 5; i++)
        CHECK(voicequeue_take_dropped(&q, &it) && it.drop == VOICE_DROP_FULL);
    CHECK(!voicequeue_take_dropped(&q, &it));
    /* Pause: the clip stops, nothing waiting is said later. */
    voicequeue_clear(&q, 500);
    CHECK(voicequeue_pending(&q) == 0);
    int cleared = 0;
    while (voicequeue_take_dropped(&q, &it))
        cleared += it.drop == VOICE_DROP_CLEARED;
    CHECK(cleared == VOICEQUEUE_CAP);
    CHECK(!voicequeue_voice_playing(&q, 500));
    CHECK(voicequeue_free_at(&q) == 500 + VOICEQUEUE_GAP_MS);
    voicequeue_push(&q, 99, 0, VOICE_PRIORITY_CUE, 510, 700); /* "Paused." */
    CHECK(voicequeue_next(&q, 650, &it) && it.clip == 99);
    CHECK(voicequeue_voice_playing(&q, 1000) && !voicequeue_voice_playing(&q, 1350));
}

int main(void)
{
    test_no_overlap();
    test_cues_before_counts_and_newest_first();
    test_count_superseded();
    test_stale();
    test_routine_cues_never_dropped();
    test_overflow_and_clear();
    return TEST_END();
}
