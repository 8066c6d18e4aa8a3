/* voicequeue.c: the voice queue rules (see voicequeue.h). Plain values in and out; must not read
 * a clock or touch a device: the live mixer and the offline soundtrack both feed it times. */
#include "voicequeue.h"

void voicequeue_init(VoiceQueue *q)
{
    q->count = 0;
    q->next_seq = 0;
    q->playing_clip = -1;
    q->playing_start_ms = INT64_MIN / 2;
    q->playing_end_ms = INT64_MIN / 2;
    q->dropped = 0;
}

static void voicequeue_remove(VoiceQueue *q, int i)
{
    for (int j = i + 1; j < q->count; j++)
        q->items[j - 1] = q->items[j];
    q->count--;
}

VoicePriority voicequeue_priority(CueKind k)
{
    switch (k) {
    case CUE_KIND_ROUTINE: return VOICE_PRIORITY_ROUTINE;
    case CUE_KIND_STANDARD: return VOICE_PRIORITY_CUE;
    case CUE_KIND_COUNT: return VOICE_PRIORITY_COUNT;
    }
    return VOICE_PRIORITY_CUE;
}

/* True when a should be said before b. */
static bool voicequeue_before(const VoiceItem *a, const VoiceItem *b)
{
    if (a->priority != b->priority)
        return a->priority > b->priority;
    if (a->priority == VOICE_PRIORITY_ROUTINE)
        return a->seq < b->seq; /* the routine's cues in the order written */
    if (a->t_ms != b->t_ms)
        return a->t_ms > b->t_ms;
    return a->seq < b->seq;
}

void voicequeue_push(VoiceQueue *q, int clip, VoicePriority priority, int64_t t_ms, int duration_ms)
{
    if (priority == VOICE_PRIORITY_COUNT) {
        for (int i = q->count - 1; i >= 0; i--) {
            if (q->items[i].priority == VOICE_PRIORITY_COUNT) {
                voicequeue_remove(q, i);
                q->dropped++;
            }
        }
    }
    if (q->count == VOICEQUEUE_CAP) {
        /* Drop the least useful: the one that would be said last. */
        int worst = 0;
        for (int i = 1; i < q->count; i++)
            if (voicequeue_before(&q->items[worst], &q->items[i]))
                worst = i;
        voicequeue_remove(q, worst);
        q->dropped++;
    }
    VoiceItem *it = &q->items[q->count++];
    it->clip = clip;
    it->priority = priority;
    it->t_ms = t_ms;
    it->duration_ms = duration_ms > 0 ? duration_ms : 0;
    it->seq = q->next_seq++;
}

static bool voicequeue_stale(const VoiceItem *it, int64_t now_ms)
{
    int64_t age = now_ms - it->t_ms;
    if (it->priority == VOICE_PRIORITY_ROUTINE)
        return false;
    if (it->priority == VOICE_PRIORITY_COUNT && age > VOICEQUEUE_COUNT_STALE_MS)
        return true;
    return age > VOICEQUEUE_CUE_STALE_MS;
}

bool voicequeue_next(VoiceQueue *q, int64_t now_ms, VoiceItem *out)
{
    if (now_ms < voicequeue_free_at(q))
        return false;
    for (int i = q->count - 1; i >= 0; i--) {
        if (voicequeue_stale(&q->items[i], now_ms)) {
            voicequeue_remove(q, i);
            q->dropped++;
        }
    }
    if (q->count == 0)
        return false;
    int best = 0;
    for (int i = 1; i < q->count; i++)
        if (voicequeue_before(&q->items[i], &q->items[best]))
            best = i;
    *out = q->items[best];
    voicequeue_remove(q, best);
    q->playing_clip = out->clip;
    q->playing_start_ms = now_ms;
    q->playing_end_ms = now_ms + out->duration_ms;
    return true;
}

int64_t voicequeue_free_at(const VoiceQueue *q)
{
    return q->playing_end_ms + VOICEQUEUE_GAP_MS;
}

bool voicequeue_voice_playing(const VoiceQueue *q, int64_t t_ms)
{
    return t_ms >= q->playing_start_ms && t_ms < q->playing_end_ms;
}

int voicequeue_pending(const VoiceQueue *q)
{
    return q->count;
}

void voicequeue_clear(VoiceQueue *q, int64_t now_ms)
{
    q->dropped += q->count;
    q->count = 0;
    if (q->playing_end_ms > now_ms)
        q->playing_end_ms = now_ms;
    if (q->playing_start_ms > now_ms)
        q->playing_start_ms = now_ms;
}
