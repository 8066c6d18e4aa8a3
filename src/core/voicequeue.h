/* voicequeue.h: the rules for when a voice clip is said. The session runs one queue (session.c), so
 * the live mixer (audio.c), the offline soundtrack (soundtrack.c) and --simulate's JSON all follow
 * the same decisions. Pure: times and clip lengths come in as plain milliseconds; no clock, file,
 * device or SDL here, so the rules are unit-tested on their own.
 *
 * The rules:
 *  - Voice never overlaps voice: a clip starts only once the previous one has ended, plus a short
 *    breath of VOICEQUEUE_GAP_MS.
 *  - A routine's own cue (what the physio wrote) is never dropped: it waits for the clip before
 *    it, and routine cues are said in the order they were asked for, before anything else.
 *  - unknot's own cues (standard phrases) come next, then counts. Within those two the newest
 *    request goes first; requests made at the same time keep the order they were pushed in.
 *  - A new count replaces any count still waiting (hearing "4" after "5" would be wrong).
 *  - Stale requests are dropped when their turn would come: a count older than
 *    VOICEQUEUE_COUNT_STALE_MS, a standard cue older than VOICEQUEUE_CUE_STALE_MS.
 *  - Effects duck while voice plays: voicequeue_voice_playing() says when.
 *  - Every request dropped is kept, with why, for voicequeue_take_dropped(): nothing vanishes unsaid. */
#ifndef UNKNOT_VOICEQUEUE_H
#define UNKNOT_VOICEQUEUE_H

#include <stdbool.h>
#include <stdint.h>

#define VOICEQUEUE_CAP 32 /* waiting requests; when full the least useful one goes */
#define VOICEQUEUE_COUNT_STALE_MS 1000 /* a count later than this is pointless */
#define VOICEQUEUE_CUE_STALE_MS 4000 /* a standard cue later than this refers to something gone */
#define VOICEQUEUE_GAP_MS 150 /* silence between two clips */

typedef enum {
    VOICE_PRIORITY_COUNT = 0, /* spoken numbers: superseded by the next, stale after 1 s */
    VOICE_PRIORITY_CUE = 1, /* unknot's standard cues: stale after 4 s */
    VOICE_PRIORITY_ROUTINE = 2 /* the routine's own cues: never dropped, said in order */
} VoicePriority;

/* Why a request was dropped. */
typedef enum {
    VOICE_DROP_NONE = 0,
    VOICE_DROP_STALE, /* its turn came too late to mean anything */
    VOICE_DROP_SUPERSEDED, /* a newer count replaced it */
    VOICE_DROP_FULL, /* the queue was full and it was the least useful */
    VOICE_DROP_CLEARED /* voicequeue_clear or voicequeue_drop_waiting (pause, skip, end) */
} VoiceDrop;

typedef struct {
    int clip; /* the caller's handle for the clip (e.g. an index in its clip table) */
    int tag; /* a second caller's handle (e.g. the cue's number) */
    VoicePriority priority;
    int64_t t_ms; /* when it was asked for */
    int duration_ms; /* length of the clip */
    unsigned seq; /* push order, set by voicequeue_push */
    VoiceDrop drop; /* in voicequeue_take_dropped's answer: why it was dropped */
} VoiceItem;

#define VOICEQUEUE_DROPPED_CAP (2 * VOICEQUEUE_CAP + 2) /* drops kept until taken; more are only counted */

typedef struct {
    VoiceItem items[VOICEQUEUE_CAP];
    int count;
    unsigned next_seq;
    int playing_clip; /* clip of the last started item, -1 before any */
    int playing_tag; /* its tag */
    int64_t playing_start_ms, playing_end_ms;
    int dropped; /* requests dropped as stale, superseded or by overflow */
    VoiceItem dropped_items[VOICEQUEUE_DROPPED_CAP]; /* dropped, not yet taken, oldest first */
    int dropped_head, dropped_count;
} VoiceQueue;

/* Empty queue, nothing playing. */
void voicequeue_init(VoiceQueue *q);

/* Ask for clip (duration_ms long) to be said, asked at t_ms. Never fails: a full queue drops its
 * least useful request (a count before a cue, the oldest first). */
void voicequeue_push(VoiceQueue *q, int clip, int tag, VoicePriority priority, int64_t t_ms, int duration_ms);

/* When voice is free at now_ms: drop stale requests, take the one to say now, mark it playing from
 * now_ms and return true with *out filled. False when voice is still playing or nothing waits. */
bool voicequeue_next(VoiceQueue *q, int64_t now_ms, VoiceItem *out);

/* Earliest time a next clip may start: the end of the last started clip plus VOICEQUEUE_GAP_MS. */
int64_t voicequeue_free_at(const VoiceQueue *q);

/* True while a started clip is sounding at t_ms (start <= t_ms < end): effects duck then. */
bool voicequeue_voice_playing(const VoiceQueue *q, int64_t t_ms);

/* Number of requests waiting. */
int voicequeue_pending(const VoiceQueue *q);

/* Forget every waiting request and end the current clip at now_ms (pause or stop): nothing said
 * before is said again. */
void voicequeue_clear(VoiceQueue *q, int64_t now_ms);

/* Forget every waiting request; the clip sounding now goes on (a skip: what was waiting is moot). */
void voicequeue_drop_waiting(VoiceQueue *q);

/* Take the oldest dropped request not taken yet, with why in out->drop. False when none is left.
 * Drops beyond VOICEQUEUE_DROPPED_CAP untaken are only counted in q->dropped. */
bool voicequeue_take_dropped(VoiceQueue *q, VoiceItem *out);

#endif
