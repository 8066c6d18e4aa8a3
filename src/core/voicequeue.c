/* voicequeue.c: the voice queue rules (see voicequeue.h). Plain values in and out; must not read
 * a clock or touch a device: the live mixer and the offline soundtrack both feed it times. */
#include "voicequeue.h"

void voicequeue_init(VoiceQueue *q)
{
    q->count = 0;
    q->next_seq = 0;
    q->playing_clip = -1;
    q->playing_tag = 0;
    q->playing_start_ms = INT64_MIN / 2;
    q->playing_end_ms = INT64_MIN / 2;
    q->dropped = 0;
    q->dropped_head = q->dropped_count = 0;
}

/* Count a drop and keep it, with why, for voicequeue_take_dropped. */
static void voicequeue_note_drop(VoiceQueue *q, const VoiceItem *it, VoiceDrop why)
{
    q->dropped++;
    if (q->dropped_count == VOICEQUEUE_DROPPED_CAP)
        return;
    VoiceItem *d = &q->dropped_items[(q->dropped_head + q->dropped_count) % VOICEQUEUE_DROPPED_CAP];
    *d = *it;
    d->drop = why;
    q->dropped_count++;
}

bool voicequeue_take_dropped(VoiceQueue *q, VoiceItem *out)
{
    if (q->dropped_count == 0)
        return false;
    *out = q->dropped_items[q->dropped_head];
    q->dropped_head = (q->dropped_head + 1) % VOICEQUEUE_DROPPED_CAP;
    q->dropped_count--;
    return true;
}

static void voicequeue_remove(VoiceQueue *q, int i)
{
    for (int j = i + 1; j < q->count; j++)
        q->items[j - 1] = q->items[j];
    q->count--;
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

void voicequeue_push(VoiceQueue *q, int clip, int tag, VoicePriority priority, int64_t t_ms, int duration_ms)
{
    if (priority == VOICE_PRIORITY_COUNT) {
        for (int i = 0; i < q->count;) {
            if (q->items[i].priority == VOICE_PRIORITY_COUNT) {
                voicequeue_note_drop(q, &q->items[i], VOICE_DROP_SUPERSEDED);
                voicequeue_remove(q, i);
            } else {
                i++;
            }
        }
    }
    if (q->count == VOICEQUEUE_CAP) {
        /* Drop the least useful: the one that would be said last. */
        int worst = 0;
        for (int i = 1; i < q->count; i++)
            if (voicequeue_before(&q->items[worst], &q->items[i]))
                worst = i;
        voicequeue_note_drop(q, &q->items[worst], VOICE_DROP_FULL);
        voicequeue_remove(q, worst);
    }
    VoiceItem *it = &q->items[q->count++];
    it->clip = clip;
    it->tag = tag;
    it->drop = VOICE_DROP_NONE;
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
    for (int i = 0; i < q->count;) {
        if (voicequeue_stale(&q->items[i], now_ms)) {
            voicequeue_note_drop(q, &q->items[i], VOICE_DROP_STALE);
            voicequeue_remove(q, i);
        } else {
            i++;
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
    q->playing_tag = out->tag;
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

void voicequeue_drop_waiting(VoiceQueue *q)
{
    for (int i = 0; i < q->count; i++)
        voicequeue_note_drop(q, &q->items[i], VOICE_DROP_CLEARED);
    q->count = 0;
}

void voicequeue_clear(VoiceQueue *q, int64_t now_ms)
{
    voicequeue_drop_waiting(q);
    if (q->playing_end_ms > now_ms)
        q->playing_end_ms = now_ms;
    if (q->playing_start_ms > now_ms)
        q->playing_start_ms = now_ms;
}
