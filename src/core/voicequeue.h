/* voicequeue.h: the rules for when a voice clip is said, shared by the live mixer (audio.c) and the
 * offline soundtrack (soundtrack.c). Pure: times and clip lengths come in as plain milliseconds;
 * no clock, file, device or SDL here, so the rules are unit-tested on their own.
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
 *  - Effects duck while voice plays: voicequeue_voice_playing() says when. */
#ifndef UNKNOT_VOICEQUEUE_H
#define UNKNOT_VOICEQUEUE_H

#include <stdbool.h>
#include <stdint.h>

#include "session.h"

#define VOICEQUEUE_CAP 32 /* waiting requests; when full the least useful one goes */
#define VOICEQUEUE_COUNT_STALE_MS 1000 /* a count later than this is pointless */
#define VOICEQUEUE_CUE_STALE_MS 4000 /* a standard cue later than this refers to something gone */
#define VOICEQUEUE_GAP_MS 150 /* silence between two clips */

typedef enum {
    VOICE_PRIORITY_COUNT = 0, /* spoken numbers: superseded by the next, stale after 1 s */
    VOICE_PRIORITY_CUE = 1, /* unknot's standard cues: stale after 4 s */
    VOICE_PRIORITY_ROUTINE = 2 /* the routine's own cues: never dropped, said in order */
} VoicePriority;

/* The priority of a cue of kind k: the one mapping the live mixer and the soundtrack share. */
VoicePriority voicequeue_priority(CueKind k);

typedef struct {
    int clip; /* the caller's handle for the clip (e.g. an index in its clip table) */
    VoicePriority priority;
    int64_t t_ms; /* when it was asked for */
    int duration_ms; /* length of the clip */
    unsigned seq; /* push order, set by voicequeue_push */
} VoiceItem;

typedef struct {
    VoiceItem items[VOICEQUEUE_CAP];
    int count;
    unsigned next_seq;
    int playing_clip; /* clip of the last started item, -1 before any */
    int64_t playing_start_ms, playing_end_ms;
    int dropped; /* requests dropped as stale, superseded or by overflow */
} VoiceQueue;

/* Empty queue, nothing playing. */
void voicequeue_init(VoiceQueue *q);

/* Ask for clip (duration_ms long) to be said, asked at t_ms. Never fails: a full queue drops its
 * least useful request (a count before a cue, the oldest first). */
void voicequeue_push(VoiceQueue *q, int clip, VoicePriority priority, int64_t t_ms, int duration_ms);

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

#endif
