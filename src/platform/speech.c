/* speech.c: voice clip lookup (assets, then cache), rendering with libespeak-ng, and the clip WAV
 * format. Plain C and POSIX, no SDL (tools/voicegen links it). Must not print or exit: every
 * failure is returned as a message. The one global is the flag guarding espeak-ng's own state. */
#include "speech.h"

#include <errno.h>
#include <espeak-ng/speak_lib.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "files.h"
#include "voicekey.h"

/* ---- where clips live ---- */

/* The same XDG rules as files_config_dir: a relative $XDG_CACHE_HOME is ignored, and so is a
 * relative $HOME (a cache must not land in the current directory). */
int speech_cache_dir(char *buf, size_t size)
{
    const char *xdg = getenv("XDG_CACHE_HOME");
    const char *home = getenv("HOME");
    int n;
    if (xdg && xdg[0] == '/')
        n = snprintf(buf, size, "%s/unknot/voice", xdg);
    else if (home && home[0] == '/')
        n = snprintf(buf, size, "%s/.cache/unknot/voice", home);
    else
        return -1;
    return n < 0 || (size_t)n >= size ? -1 : 0;
}

static bool speech_file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 44;
}

bool speech_clip_prerendered(const char *data_dir, const char *text)
{
    char name[VOICEKEY_NAME_BYTES], path[SPEECH_PATH_BYTES];
    voicekey_name(text, name, sizeof name);
    snprintf(path, sizeof path, "%s/assets/voice/%s", data_dir ? data_dir : ".", name);
    return speech_file_exists(path);
}

/* A cached clip is the program's own file: one that cannot be read whole at the voice's rate
 * (cut short by a crash, spoiled on disk) is deleted, so it is rendered again instead of warned
 * about on every run. Pre-rendered clips in assets/ are never touched. */
static bool speech_cached_clip_ok(const char *path)
{
    int16_t *samples;
    size_t count;
    int rate = 0;
    char err[SPEECH_PATH_BYTES + 200];
    struct stat st;
    int rc = speech_wav_read(path, &samples, &count, &rate, err, sizeof err);
    free(samples);
    if (rc == 0 && rate == VOICEKEY_RATE_HZ)
        return true;
    if (lstat(path, &st) == 0 && S_ISREG(st.st_mode))
        unlink(path);
    return false;
}

bool speech_clip_find(const char *data_dir, const char *text, char *path, size_t size)
{
    char name[VOICEKEY_NAME_BYTES], dir[SPEECH_PATH_BYTES];
    voicekey_name(text, name, sizeof name);
    snprintf(path, size, "%s/assets/voice/%s", data_dir ? data_dir : ".", name);
    if (speech_file_exists(path))
        return true;
    if (speech_cache_dir(dir, sizeof dir) == 0) {
        snprintf(path, size, "%s/%s", dir, name);
        if (speech_file_exists(path) && speech_cached_clip_ok(path))
            return true;
    }
    return false;
}

/* mkdir -p: create dir and its parents. Returns 0 or -1 (errno set). */
static int speech_mkdirs(const char *dir)
{
    char tmp[SPEECH_PATH_BYTES];
    snprintf(tmp, sizeof tmp, "%s", dir);
    for (char *p = tmp + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(tmp, 0755) != 0 && errno != EEXIST)
            return -1;
        *p = '/';
    }
    if (mkdir(tmp, 0755) != 0 && errno != EEXIST)
        return -1;
    return 0;
}

/* ---- libespeak-ng ---- */

/* espeak-ng's state is process-wide, and with espeak-ng 1.51 a second espeak_Initialize after
 * espeak_Terminate hangs. So it is initialised once, on first use, and left to the process's end
 * (its memory is espeak-ng's, reclaimed at exit). These two atomics are the module's only globals:
 * busy lets one SpeechSynth exist at a time, state remembers the one initialisation. */
static atomic_flag speech_espeak_busy = ATOMIC_FLAG_INIT;
static atomic_int speech_espeak_state; /* 0 not yet, 1 ready, -1 failed */

struct SpeechSynth {
    int rate_hz;
    int (*should_stop)(void *ctx); /* asked between blocks of samples; NULL: never */
    void *stop_ctx;
};

/* Samples collected by the synthesis callback for one text. */
typedef struct {
    int16_t *samples;
    size_t count, cap;
    bool overflow;
    bool stopped;
    const SpeechSynth *synth;
} SpeechBuffer;

static int speech_callback(short *wav, int numsamples, espeak_EVENT *events)
{
    SpeechBuffer *b = events ? (SpeechBuffer *)events->user_data : NULL;
    if (b && b->synth->should_stop && b->synth->should_stop(b->synth->stop_ctx)) {
        b->stopped = true;
        return 1; /* the program is ending: stop synthesis within a few milliseconds */
    }
    if (!b || !wav || numsamples <= 0)
        return 0;
    if (b->count + (size_t)numsamples > SPEECH_MAX_CLIP_SAMPLES) {
        b->overflow = true;
        return 1; /* stop synthesis */
    }
    if (b->count + (size_t)numsamples > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 22050;
        while (cap < b->count + (size_t)numsamples)
            cap *= 2;
        int16_t *grown = realloc(b->samples, cap * sizeof *grown);
        if (!grown) {
            b->overflow = true;
            return 1;
        }
        b->samples = grown;
        b->cap = cap;
    }
    memcpy(b->samples + b->count, wav, (size_t)numsamples * sizeof *wav);
    b->count += (size_t)numsamples;
    return 0;
}

/* Initialise espeak-ng once with unknot's voice. Called with speech_espeak_busy held. */
static int speech_espeak_start(char *err, size_t errsize)
{
    if (atomic_load(&speech_espeak_state) == 0) {
        int rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, NULL, espeakINITIALIZE_DONT_EXIT);
        bool ok = rate == VOICEKEY_RATE_HZ && espeak_SetVoiceByName(VOICEKEY_ESPEAK_VOICE) == EE_OK;
        if (ok) {
            espeak_SetParameter(espeakRATE, VOICEKEY_ESPEAK_RATE, 0);
            espeak_SetParameter(espeakPITCH, VOICEKEY_ESPEAK_PITCH, 0);
            espeak_SetParameter(espeakRANGE, VOICEKEY_ESPEAK_RANGE, 0);
            espeak_SetSynthCallback(speech_callback);
        }
        atomic_store(&speech_espeak_state, ok ? 1 : -1);
    }
    if (atomic_load(&speech_espeak_state) < 0) {
        snprintf(err, errsize, "espeak-ng could not start with voice %s at %d Hz", VOICEKEY_ESPEAK_VOICE,
                 VOICEKEY_RATE_HZ);
        return -1;
    }
    return 0;
}

SpeechSynth *speech_synth_new(char *err, size_t errsize)
{
    if (atomic_flag_test_and_set(&speech_espeak_busy)) {
        snprintf(err, errsize, "espeak-ng is already in use in this process");
        return NULL;
    }
    SpeechSynth *s = NULL;
    if (speech_espeak_start(err, errsize) == 0) {
        s = malloc(sizeof *s);
        if (s) {
            s->rate_hz = VOICEKEY_RATE_HZ;
            s->should_stop = NULL;
            s->stop_ctx = NULL;
        } else
            snprintf(err, errsize, "out of memory");
    }
    if (!s)
        atomic_flag_clear(&speech_espeak_busy);
    return s;
}

void speech_synth_set_stop(SpeechSynth *s, int (*should_stop)(void *ctx), void *ctx)
{
    if (!s)
        return;
    s->should_stop = should_stop;
    s->stop_ctx = ctx;
}

void speech_synth_free(SpeechSynth *s)
{
    if (!s)
        return;
    free(s);
    atomic_flag_clear(&speech_espeak_busy);
}

/* Trim near-silence at both ends (keeping a few ms), normalise the peak, fade the edges. */
static void speech_shape(SpeechBuffer *b)
{
    const int threshold = 100;
    const size_t pad = 22050 / 50; /* 20 ms kept around the speech */
    size_t first = 0, last = b->count;
    while (first < b->count && abs(b->samples[first]) < threshold)
        first++;
    while (last > first && abs(b->samples[last - 1]) < threshold)
        last--;
    first = first > pad ? first - pad : 0;
    last = last + pad < b->count ? last + pad : b->count;
    size_t n = last - first;
    memmove(b->samples, b->samples + first, n * sizeof *b->samples);
    b->count = n;

    int peak = 1;
    for (size_t i = 0; i < n; i++)
        if (abs(b->samples[i]) > peak)
            peak = abs(b->samples[i]);
    double gain = SPEECH_PEAK * 32767.0 / peak;
    size_t fade = pad < n / 2 ? pad : n / 2;
    for (size_t i = 0; i < n; i++) {
        double g = gain;
        if (i < fade)
            g *= (double)i / (double)fade;
        else if (n - 1 - i < fade)
            g *= (double)(n - 1 - i) / (double)fade;
        double v = b->samples[i] * g;
        b->samples[i] = (int16_t)(v > 32767.0 ? 32767 : v < -32768.0 ? -32768 : (int)(v < 0 ? v - 0.5 : v + 0.5));
    }
}

int speech_synth_render(SpeechSynth *s, const char *text, int16_t **samples, size_t *count, char *err, size_t errsize)
{
    SpeechBuffer b = {0};
    b.synth = s;
    *samples = NULL;
    *count = 0;
    if (!s) {
        snprintf(err, errsize, "no speech synthesiser");
        return -1;
    }
    /* espeak-ng's voice variants draw on rand(): a fixed seed per clip keeps that part repeatable.
     * Its pitch flutter also carries over between utterances, which is why tools/voicegen renders
     * each committed clip in a process of its own. */
    srand(1);
    espeak_ERROR rc = espeak_Synth(text, strlen(text) + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, NULL, &b);
    /* Synchronous output: espeak_Synth returns when the text is rendered (espeak_Synchronize would
     * hang here after a re-initialisation with espeak-ng 1.51). */
    if (rc != EE_OK || b.overflow || b.stopped || b.count == 0) {
        snprintf(err, errsize, "espeak-ng could not render \"%.60s\"%s", text,
                 b.stopped    ? " (stopped)"
                 : b.overflow ? " (too long or out of memory)"
                              : "");
        free(b.samples);
        return -1;
    }
    speech_shape(&b);
    *samples = b.samples;
    *count = b.count;
    return 0;
}

int speech_clip_ensure(const char *data_dir, SpeechSynth *synth, const char *text, char *path, size_t size, char *err,
                       size_t errsize)
{
    char dir[SPEECH_PATH_BYTES], name[VOICEKEY_NAME_BYTES];
    if (speech_clip_find(data_dir, text, path, size))
        return 0;
    if (!synth) {
        snprintf(err, errsize, "no clip for \"%.60s\" and no synthesiser", text);
        return -1;
    }
    if (speech_cache_dir(dir, sizeof dir) != 0) {
        snprintf(err, errsize, "no cache directory (neither XDG_CACHE_HOME nor HOME is set)");
        return -1;
    }
    if (speech_mkdirs(dir) != 0) {
        snprintf(err, errsize, "cannot create %s: %s", dir, strerror(errno));
        return -1;
    }
    files_out_clean_stale(dir); /* what a killed render left behind */
    voicekey_name(text, name, sizeof name);
    snprintf(path, size, "%s/%s", dir, name);
    int16_t *samples;
    size_t count;
    if (speech_synth_render(synth, text, &samples, &count, err, errsize) != 0)
        return -1;
    int rc = speech_wav_write(path, samples, count, VOICEKEY_RATE_HZ, err, errsize);
    free(samples);
    return rc;
}

/* ---- the clip format: 16-bit PCM WAV ---- */

static void speech_put_u16(unsigned char *p, unsigned v)
{
    p[0] = (unsigned char)(v & 0xff);
    p[1] = (unsigned char)((v >> 8) & 0xff);
}

static void speech_put_u32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)((v >> (8 * i)) & 0xff);
}

static uint32_t speech_get_u32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static unsigned speech_get_u16(const unsigned char *p)
{
    return (unsigned)p[0] | (unsigned)p[1] << 8;
}

int speech_wav_write(const char *path, const int16_t *samples, size_t count, int rate, char *err, size_t errsize)
{
    unsigned char header[44];
    uint32_t data_bytes = (uint32_t)(count * 2);
    memcpy(header, "RIFF", 4);
    speech_put_u32(header + 4, 36 + data_bytes);
    memcpy(header + 8, "WAVEfmt ", 8);
    speech_put_u32(header + 16, 16);
    speech_put_u16(header + 20, 1); /* PCM */
    speech_put_u16(header + 22, 1); /* mono */
    speech_put_u32(header + 24, (uint32_t)rate);
    speech_put_u32(header + 28, (uint32_t)rate * 2);
    speech_put_u16(header + 32, 2);
    speech_put_u16(header + 34, 16);
    memcpy(header + 36, "data", 4);
    speech_put_u32(header + 40, data_bytes);

    FilesOut f; /* whole or not at all: a temporary file renamed into place at the end */
    if (files_out_open(&f, path, err, errsize) < 0)
        return -1;
    bool ok = files_out_write(&f, header, sizeof header) == 0;
    unsigned char chunk[4096];
    size_t i = 0;
    while (ok && i < count) {
        size_t n = 0;
        for (; n + 2 <= sizeof chunk && i < count; i++, n += 2)
            speech_put_u16(chunk + n, (unsigned)(uint16_t)samples[i]);
        ok = files_out_write(&f, chunk, n) == 0;
    }
    return files_out_commit(&f, err, errsize);
}

int speech_wav_parse(const unsigned char *b, size_t len, int16_t **samples, size_t *count, int *rate, char *why,
                     size_t whysize)
{
    int channels = 0;
    bool have_fmt = false;
    *samples = NULL;
    *count = 0;
    if (len < 12 || memcmp(b, "RIFF", 4) != 0 || memcmp(b + 8, "WAVE", 4) != 0) {
        snprintf(why, whysize, "not a WAV file");
        return -1;
    }
    size_t at = 12;
    while (len - at >= 8) {
        const unsigned char *ch = b + at;
        size_t size = speech_get_u32(ch + 4);
        at += 8;
        size_t avail = len - at;
        if (memcmp(ch, "fmt ", 4) == 0) {
            if (size < 16 || avail < 16) {
                snprintf(why, whysize, "a short format chunk");
                return -1;
            }
            unsigned format = speech_get_u16(b + at);
            channels = (int)speech_get_u16(b + at + 2);
            *rate = (int)speech_get_u32(b + at + 4);
            int bits = (int)speech_get_u16(b + at + 14);
            if ((format != 1 && format != 0xfffe) || bits != 16 || channels < 1 || channels > 2 || *rate <= 0) {
                snprintf(why, whysize, "only 16-bit PCM mono or stereo WAV is supported");
                return -1;
            }
            have_fmt = true;
        } else if (memcmp(ch, "data", 4) == 0) {
            if (!have_fmt) {
                snprintf(why, whysize, "the data comes before the format");
                return -1;
            }
            size_t frame = (size_t)(2 * channels);
            size_t frames = (size < avail ? size : avail) / frame; /* a short file keeps what it has */
            if (frames > SPEECH_MAX_CLIP_SAMPLES * 4) {
                snprintf(why, whysize, "longer than the limit of %d seconds", SPEECH_MAX_CLIP_SAMPLES * 4 / 22050);
                return -1;
            }
            if (size > avail || frames == 0) { /* cut off: a killed writer, a full disk */
                snprintf(why, whysize, "the data is cut short (%zu of %zu bytes)", avail, size);
                return -1;
            }
            int16_t *out = malloc(frames * sizeof *out + 1);
            if (!out) {
                snprintf(why, whysize, "out of memory");
                return -1;
            }
            for (size_t i = 0; i < frames; i++)
                out[i] = (int16_t)speech_get_u16(b + at + i * frame);
            *samples = out;
            *count = frames;
            return 0;
        }
        if (size > avail)
            break;
        at += size + (size & 1 && size < avail ? 1 : 0);
    }
    snprintf(why, whysize, "no sound data");
    return -1;
}

int speech_wav_read(const char *path, int16_t **samples, size_t *count, int *rate, char *err, size_t errsize)
{
    char *bytes, why[200];
    size_t len;
    *samples = NULL;
    *count = 0;
    if (files_read(path, FILES_MAX_VOICE_BYTES, &bytes, &len, why, sizeof why) < 0) {
        snprintf(err, errsize, "cannot open %s: %s", path, why);
        return -1;
    }
    int rc = speech_wav_parse((const unsigned char *)bytes, len, samples, count, rate, why, sizeof why);
    free(bytes);
    if (rc < 0)
        snprintf(err, errsize, "%s: not a readable WAV file: %s", path, why);
    return rc;
}

int speech_wav_length_ms(const char *path)
{
    /* the header only: a clip's length without reading its samples (the session plans with it) */
    unsigned char b[512];
    size_t len = 0, file_size = 0;
    char why[200];
    if (files_read_head(path, FILES_MAX_VOICE_BYTES, b, sizeof b, &len, &file_size, why, sizeof why) < 0)
        return -1;
    if (len < 12 || memcmp(b, "RIFF", 4) != 0 || memcmp(b + 8, "WAVE", 4) != 0)
        return -1;
    int channels = 0, rate = 0;
    size_t at = 12;
    while (len - at >= 8) {
        const unsigned char *ch = b + at;
        size_t size = speech_get_u32(ch + 4);
        at += 8;
        if (memcmp(ch, "fmt ", 4) == 0) {
            if (size < 16 || len - at < 16)
                return -1;
            unsigned format = speech_get_u16(b + at);
            channels = (int)speech_get_u16(b + at + 2);
            rate = (int)speech_get_u32(b + at + 4);
            if ((format != 1 && format != 0xfffe) || speech_get_u16(b + at + 14) != 16 || channels < 1 ||
                channels > 2 || rate != VOICEKEY_RATE_HZ)
                return -1;
        } else if (memcmp(ch, "data", 4) == 0) {
            /* as speech_wav_parse: a data chunk cut short is refused, so no length for it either */
            size_t frames = size / (size_t)(2 * (channels > 0 ? channels : 1));
            if (channels == 0 || at + size > file_size || frames == 0 || frames > SPEECH_MAX_CLIP_SAMPLES * 4)
                return -1;
            return (int)(frames * 1000 / (size_t)rate);
        }
        if (size > len - at)
            return -1; /* a chunk before the data larger than what was read: not a clip we made */
        at += size + (size & 1);
    }
    return -1;
}

int speech_clip_ms(const char *data_dir, const char *text)
{
    char path[SPEECH_PATH_BYTES];
    if (!speech_clip_find(data_dir, text, path, sizeof path))
        return -1;
    return speech_wav_length_ms(path);
}
