/* soundtrack.c: offline mix of a simulated session. Records where each clip goes (never the mixed
 * samples), then renders block by block when written, so memory is the clips plus a list.
 * Must not open an audio device or use SDL: its output is a file the tests and the user inspect. */
#include "soundtrack.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "files.h"
#include "speech.h"
#include "voicekey.h"

#define SOUNDTRACK_BLOCK 4096
#define SOUNDTRACK_ERR_BYTES 300
#define SOUNDTRACK_MAX_ROUTINE_TEXTS VOICEKEY_MAX_ROUTINE_TEXTS

/* ---- data ---- */

typedef struct {
    char *text;
    int16_t *samples; /* NULL: no clip could be had */
    size_t count;
} SoundtrackClip;

/* One clip or effect placed on the timeline, in samples. */
typedef struct {
    const int16_t *samples;
    int64_t start, end; /* end may be cut short by a pause */
    bool voice;
    bool cut; /* fade out over the last few ms: the sentence was stopped */
} SoundtrackPlace;

struct Soundtrack {
    char data_dir[SPEECH_PATH_BYTES];
    SoundtrackClip *clips;
    int clip_count, clip_cap;
    int16_t *sounds[SOUND_COUNT];
    size_t sound_len[SOUND_COUNT];
    SoundtrackPlace *places;
    int place_count, place_cap;
    int last_voice; /* index in places of the latest voice clip, -1 */
    int64_t now_ms; /* latest event time */
    SpeechSynth *synth; /* opened on the first missing clip */
    bool synth_tried;
    int voice_count;
    bool oom;
    char warning[SOUNDTRACK_ERR_BYTES];
};

static void soundtrack_warn(Soundtrack *st, const char *msg)
{
    if (!st->warning[0])
        snprintf(st->warning, sizeof st->warning, "%s", msg);
}

static int64_t soundtrack_samples(int64_t ms)
{
    return ms * VOICEKEY_RATE_HZ / 1000;
}

/* ---- clips ---- */

/* Find text's clip, loading or rendering it on first use. Returns its index, or -1. */
static int soundtrack_clip(Soundtrack *st, const char *text)
{
    for (int i = 0; i < st->clip_count; i++)
        if (strcmp(st->clips[i].text, text) == 0)
            return i;
    if (st->clip_count == st->clip_cap) {
        int cap = st->clip_cap ? st->clip_cap * 2 : 128;
        SoundtrackClip *grown = realloc(st->clips, (size_t)cap * sizeof *grown);
        if (!grown) {
            st->oom = true;
            return -1;
        }
        st->clips = grown;
        st->clip_cap = cap;
    }
    SoundtrackClip *c = &st->clips[st->clip_count];
    memset(c, 0, sizeof *c);
    c->text = strdup(text);
    if (!c->text) {
        st->oom = true;
        return -1;
    }
    st->clip_count++;

    char path[SPEECH_PATH_BYTES], err[SOUNDTRACK_ERR_BYTES] = "";
    int rate = 0;
    bool found = speech_clip_find(st->data_dir, text, path, sizeof path);
    if (!found && !st->synth_tried) {
        st->synth_tried = true;
        st->synth = speech_synth_new(err, sizeof err);
    }
    if (!found && st->synth)
        found = speech_clip_ensure(st->data_dir, st->synth, text, path, sizeof path, err, sizeof err) == 0;
    if (found && speech_wav_read(path, &c->samples, &c->count, &rate, err, sizeof err) == 0 &&
        rate != VOICEKEY_RATE_HZ) {
        snprintf(err, sizeof err, "%.200s: %d Hz, not %d", path, rate, VOICEKEY_RATE_HZ);
        free(c->samples);
        c->samples = NULL;
    }
    if (!c->samples) {
        char msg[SOUNDTRACK_ERR_BYTES];
        snprintf(msg, sizeof msg, "no voice for \"%.40s\": %.200s", text, err[0] ? err : "no clip");
        soundtrack_warn(st, msg);
    }
    return st->clip_count - 1;
}

Soundtrack *soundtrack_new(const char *data_dir, const Routine *r)
{
    Soundtrack *st = calloc(1, sizeof *st);
    if (!st)
        return NULL;
    snprintf(st->data_dir, sizeof st->data_dir, "%s", data_dir ? data_dir : ".");
    st->last_voice = -1;
    for (int s = 0; s < SOUND_COUNT; s++) {
        char path[SPEECH_PATH_BYTES + 32], err[SOUNDTRACK_ERR_BYTES];
        int rate = 0;
        snprintf(path, sizeof path, "%s/assets/sounds/%s.wav", st->data_dir, session_sound_name((SoundId)s));
        if (speech_wav_read(path, &st->sounds[s], &st->sound_len[s], &rate, err, sizeof err) != 0)
            soundtrack_warn(st, err);
        else if (rate != VOICEKEY_RATE_HZ) {
            soundtrack_warn(st, "a sound is not at the clip rate; left out");
            free(st->sounds[s]);
            st->sounds[s] = NULL;
        }
    }
    const char **texts = malloc(sizeof *texts * SOUNDTRACK_MAX_ROUTINE_TEXTS);
    int n = texts ? voicekey_routine_texts(r, texts, SOUNDTRACK_MAX_ROUTINE_TEXTS) : 0;
    for (int i = 0; i < n && i < SOUNDTRACK_MAX_ROUTINE_TEXTS; i++)
        soundtrack_clip(st, texts[i]);
    for (int i = 0; i < voicekey_standard_count(); i++)
        soundtrack_clip(st, voicekey_standard_phrase(i));
    free(texts);
    if (!texts || st->oom) {
        soundtrack_free(st);
        return NULL;
    }
    return st;
}

void soundtrack_free(Soundtrack *st)
{
    if (!st)
        return;
    speech_synth_free(st->synth);
    for (int i = 0; i < st->clip_count; i++) {
        free(st->clips[i].text);
        free(st->clips[i].samples);
    }
    free(st->clips);
    for (int s = 0; s < SOUND_COUNT; s++)
        free(st->sounds[s]);
    free(st->places);
    free(st);
}

/* ---- placing ---- */

static void soundtrack_place(Soundtrack *st, const int16_t *samples, size_t count, int64_t start_ms, bool voice)
{
    if (!samples || count == 0)
        return;
    if (st->place_count == st->place_cap) {
        int cap = st->place_cap ? st->place_cap * 2 : 256;
        SoundtrackPlace *grown = realloc(st->places, (size_t)cap * sizeof *grown);
        if (!grown) {
            st->oom = true;
            return;
        }
        st->places = grown;
        st->place_cap = cap;
    }
    SoundtrackPlace *p = &st->places[st->place_count];
    p->samples = samples;
    p->start = soundtrack_samples(start_ms);
    p->end = p->start + (int64_t)count;
    p->voice = voice;
    p->cut = false;
    if (voice)
        st->last_voice = st->place_count;
    st->place_count++;
}

/* The sentence being said at t_ms stops there, with a short fade. */
static void soundtrack_cut(Soundtrack *st, int64_t t_ms)
{
    int64_t cut = soundtrack_samples(t_ms);
    if (st->last_voice >= 0 && st->places[st->last_voice].end > cut) {
        SoundtrackPlace *p = &st->places[st->last_voice];
        p->end = cut > p->start ? cut : p->start;
        p->cut = true;
    }
}

void soundtrack_add_event(Soundtrack *st, const SessionEvent *ev)
{
    if (!st || !ev)
        return;
    if (ev->t_ms > st->now_ms)
        st->now_ms = ev->t_ms;
    switch (ev->type) {
    case EV_VOICE: {
        if (ev->voice == SESSION_VOICE_CUT) {
            soundtrack_cut(st, ev->t_ms);
            break;
        }
        /* the session decided (session_set_voice): this clip starts now */
        if (ev->voice != SESSION_VOICE_SPOKEN)
            break;
        int i = soundtrack_clip(st, ev->text);
        if (i < 0 || !st->clips[i].samples)
            break;
        soundtrack_place(st, st->clips[i].samples, st->clips[i].count, ev->t_ms, true);
        st->voice_count++;
        break;
    }
    case EV_SOUND:
        if (ev->sound >= 0 && ev->sound < SOUND_COUNT)
            soundtrack_place(st, st->sounds[ev->sound], st->sound_len[ev->sound], ev->t_ms, false);
        break;
    case EV_PAUSE:
    case EV_HURT:
        /* As live: the sentence stops (the session drops what waited), nothing is repeated later. */
        soundtrack_cut(st, ev->t_ms);
        break;
    default: break;
    }
}

/* ---- mixing and writing ---- */

static int soundtrack_compare(const void *a, const void *b)
{
    const SoundtrackPlace *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start ? 1 : 0;
}

/* Effects' gain at sample s: SOUNDTRACK_DUCK inside voice, ramping back to 1 outside it. */
static double soundtrack_duck(const SoundtrackPlace *places, int lo, int count, int64_t s)
{
    const int64_t ramp = soundtrack_samples(SOUNDTRACK_DUCK_RAMP_MS);
    double g = 1.0;
    for (int i = lo; i < count && places[i].start <= s + ramp; i++) {
        const SoundtrackPlace *p = &places[i];
        if (!p->voice || p->end + ramp <= s)
            continue;
        int64_t d = s < p->start ? p->start - s : s >= p->end ? s - p->end + 1 : 0;
        double v = SOUNDTRACK_DUCK + (1.0 - SOUNDTRACK_DUCK) * (double)d / (double)ramp;
        if (v < g)
            g = v;
    }
    return g;
}

static void soundtrack_put_u32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)((v >> (8 * i)) & 0xff);
}

int soundtrack_write(Soundtrack *st, const char *path, char *err, size_t errsize)
{
    if (st->oom) {
        snprintf(err, errsize, "out of memory while placing sounds");
        return -1;
    }
    SoundtrackPlace *places = st->places;
    int count = st->place_count;
    qsort(places, (size_t)count, sizeof *places, soundtrack_compare);
    st->last_voice = -1; /* indices changed; no more events are expected */
    int64_t total = soundtrack_samples(st->now_ms);
    for (int i = 0; i < count; i++)
        if (places[i].end > total)
            total = places[i].end;
    total += soundtrack_samples(SOUNDTRACK_TAIL_MS);
    if (total * 2 > (int64_t)UINT32_MAX - 44) {
        snprintf(err, errsize, "soundtrack too long for a WAV file");
        return -1;
    }

    FilesOut f; /* whole or not at all: a temporary file renamed into place at the end */
    if (files_out_open(&f, path, err, errsize) < 0)
        return -1;
    unsigned char header[44] = {'R', 'I', 'F', 'F', 0,  0, 0,   0,   'W', 'A', 'V', 'E', 'f', 'm', 't',
                                ' ', 16,  0,   0,   0,  1, 0,   1,   0,   0,   0,   0,   0,   0,   0,
                                0,   0,   2,   0,   16, 0, 'd', 'a', 't', 'a', 0,   0,   0,   0};
    soundtrack_put_u32(header + 4, (uint32_t)(36 + total * 2));
    soundtrack_put_u32(header + 24, VOICEKEY_RATE_HZ);
    soundtrack_put_u32(header + 28, VOICEKEY_RATE_HZ * 2);
    soundtrack_put_u32(header + 40, (uint32_t)(total * 2));
    bool ok = files_out_write(&f, header, sizeof header) == 0;

    const int64_t fade = soundtrack_samples(10);
    int lo = 0; /* places before lo have all ended */
    double mix[SOUNDTRACK_BLOCK];
    unsigned char out[SOUNDTRACK_BLOCK * 2];
    for (int64_t b = 0; ok && b < total; b += SOUNDTRACK_BLOCK) {
        int64_t n = total - b < SOUNDTRACK_BLOCK ? total - b : SOUNDTRACK_BLOCK;
        memset(mix, 0, sizeof mix);
        while (lo < count && places[lo].end + soundtrack_samples(1000) <= b) /* voice < 60 s, ramps short */
            lo++;
        for (int i = lo; i < count && places[i].start < b + n; i++) {
            const SoundtrackPlace *p = &places[i];
            int64_t from = p->start > b ? p->start : b, to = p->end < b + n ? p->end : b + n;
            for (int64_t s = from; s < to; s++) {
                double v = p->samples[s - p->start];
                if (p->cut && p->end - s < fade)
                    v *= (double)(p->end - s) / (double)fade;
                if (!p->voice)
                    v *= soundtrack_duck(places, lo, count, s);
                mix[s - b] += v;
            }
        }
        for (int64_t i = 0; i < n; i++) {
            double v = mix[i];
            long x = (long)(v > 32767.0 ? 32767.0 : v < -32768.0 ? -32768.0 : v);
            out[2 * i] = (unsigned char)(x & 0xff);
            out[2 * i + 1] = (unsigned char)((x >> 8) & 0xff);
        }
        ok = files_out_write(&f, out, 2 * (size_t)n) == 0;
    }
    return files_out_commit(&f, err, errsize);
}

const char *soundtrack_warning(const Soundtrack *st)
{
    return st ? st->warning : "";
}

int soundtrack_voice_count(const Soundtrack *st)
{
    return st ? st->voice_count : 0;
}
