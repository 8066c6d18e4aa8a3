/* audio.c: live workout sound with SDL2_mixer: voice clips when the session starts them (it runs
 * the voice queue, with the lengths of voicetable.h), effects that duck under voice, pause, volume and mute saved
 * between runs. Must never block a frame (clips are prepared on a worker thread) and never stop a workout: every
 * failure is one warning, then silence. */
#include "audio.h"

#include <SDL.h>
#include <SDL_mixer.h>
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "audioconf.h"
#include "files.h"
#include "speech.h"
#include "voicekey.h"
#include "voicetable.h"

#define AUDIO_PATH_BYTES 1024
#define AUDIO_ERR_BYTES 300
#define AUDIO_MAX_ROUTINE_TEXTS VOICEKEY_MAX_ROUTINE_TEXTS

/* ---- data ---- */

/* One text the voice may say. The worker finds (or renders) its file, checks it and fills path,
 * then sets ready; the main thread reads path only after seeing ready. The samples are read from
 * the file when the clip is said and freed once it has been (a workout's clips decoded all at
 * once held ~9 MB); only the main thread touches samples and chunk. */
typedef struct {
    char *text;
    uint64_t key;
    SDL_atomic_t ready; /* 1: path is final (NULL: no usable clip) */
    char *path;
    int ms; /* the clip's length, with path */
    int16_t *samples; /* while said */
    size_t count;
    Mix_Chunk *chunk; /* made from samples when said */
} AudioClip;

struct Audio {
    char data_dir[AUDIO_PATH_BYTES];
    bool device; /* a device is open */
    bool subsystem; /* SDL_InitSubSystem(SDL_INIT_AUDIO) succeeded */
    Mix_Chunk *sounds[SOUND_COUNT];
    AudioClip *clips;
    int clip_count;
    SDL_Thread *worker;
    SDL_atomic_t worker_done;
    SDL_atomic_t worker_cancel;
    char worker_err[AUDIO_ERR_BYTES]; /* written by the worker before worker_done */
    bool worker_reported;
    VoiceTable table; /* clip lengths for the session's voice plan; each filled in as the worker makes it */
    int table_seen; /* clips[0..table_seen) the worker is done with, their lengths in the table */
    int next_effect; /* round-robin over the effect channels */
    bool paused;
    bool ducked;
    int volume; /* percent */
    bool muted;
    int problems; /* the first is a warning, the rest debug notes */
    int voice_started;
    bool want_device; /* a workout's Audio: a device should be open, and is retried when it is not */
    double retry_in_ms; /* the app's time left before the next try to open it (audio_update counts it) */
    AudioClip *saying; /* the clip whose samples are loaded (the one said now or last) */
    bool resting; /* the device is closed on purpose (a still, silent screen) and opens on the next sound */
    Uint64 quiet_since; /* SDL ticks since which nothing has sounded (0: sounding, or not yet seen) */
};

/* Read a flag the worker set after its data: the barrier makes that data visible here too. */
static int audio_flag_acquire(SDL_atomic_t *flag)
{
    int v = SDL_AtomicGet(flag);
    SDL_MemoryBarrierAcquire();
    return v;
}

/* ---- warnings: one per Audio, the rest at debug level ---- */

static void audio_warn(Audio *a, const char *what, const char *detail)
{
    if (a->problems == 0)
        fprintf(stderr, "unknot: warning: audio: %s (%s); the workout goes on with captions\n", what, detail);
    else
        SDL_LogDebug(SDL_LOG_CATEGORY_AUDIO, "audio: %s (%s)", what, detail);
    a->problems++;
}

/* ---- SDL2_mixer, loaded when the program runs ----
 *
 * SDL2_mixer is opened with dlopen, not linked: its codec libraries (fluidsynth, glib, libstdc++,
 * jack, libgomp, ... 18 libraries SDL itself does not need) cost ~20 ms of loading before main()
 * ran at all (measured on the 2-core VM: exec to main 45 ms without them, 65 ms with them).
 * audio_preload loads it on a helper thread while the window opens; the first device to open
 * waits for that (or loads it then). Loaded once, never unloaded: the table below is written
 * before any reader sees it (the thread is joined, or the load ran on the same thread). */
#define AUDIO_MIXER_LIB "libSDL2_mixer-2.0.so.0"

static struct {
    int state; /* 0 not tried, 1 loaded, -1 failed (err says why) */
    char err[AUDIO_ERR_BYTES];
    const SDL_version *(*Linked_Version)(void);
    int (*OpenAudioDevice)(int, Uint16, int, int, const char *, int);
    int (*AllocateChannels)(int);
    Mix_Chunk *(*LoadWAV_RW)(SDL_RWops *, int);
    Mix_Chunk *(*QuickLoad_RAW)(Uint8 *, Uint32);
    void (*FreeChunk)(Mix_Chunk *);
    int (*PlayChannelTimed)(int, Mix_Chunk *, int, int);
    int (*Volume)(int, int);
    int (*HaltChannel)(int);
    void (*Pause)(int);
    void (*Resume)(int);
    int (*Playing)(int);
    void (*CloseAudio)(void);
} mix;
static SDL_Thread *mix_loader; /* audio_preload's thread until the first audio_mixer_ready joins it */

static int audio_mixer_load(void *unused)
{
    (void)unused;
    void *lib = dlopen(AUDIO_MIXER_LIB, RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        snprintf(mix.err, sizeof mix.err, "%s", dlerror());
        mix.state = -1;
        return 0;
    }
    /* object to function pointer through memcpy: ISO C has no cast between them (POSIX allows it) */
#define AUDIO_MIX_SYM(name)                                                                                            \
    do {                                                                                                               \
        void *sym = dlsym(lib, "Mix_" #name);                                                                          \
        if (!sym) {                                                                                                    \
            snprintf(mix.err, sizeof mix.err, "%s has no Mix_%s", AUDIO_MIXER_LIB, #name);                             \
            mix.state = -1;                                                                                            \
            return 0;                                                                                                  \
        }                                                                                                              \
        memcpy(&mix.name, &sym, sizeof sym);                                                                           \
    } while (0)
    AUDIO_MIX_SYM(Linked_Version);
    AUDIO_MIX_SYM(OpenAudioDevice);
    AUDIO_MIX_SYM(AllocateChannels);
    AUDIO_MIX_SYM(LoadWAV_RW);
    AUDIO_MIX_SYM(QuickLoad_RAW);
    AUDIO_MIX_SYM(FreeChunk);
    AUDIO_MIX_SYM(PlayChannelTimed);
    AUDIO_MIX_SYM(Volume);
    AUDIO_MIX_SYM(HaltChannel);
    AUDIO_MIX_SYM(Pause);
    AUDIO_MIX_SYM(Resume);
    AUDIO_MIX_SYM(Playing);
    AUDIO_MIX_SYM(CloseAudio);
#undef AUDIO_MIX_SYM
    const SDL_version *v = mix.Linked_Version();
    if (!v || v->major != SDL_MIXER_MAJOR_VERSION) {
        snprintf(mix.err, sizeof mix.err, "%s is version %d, unknot needs %d", AUDIO_MIXER_LIB, v ? v->major : 0,
                 SDL_MIXER_MAJOR_VERSION);
        mix.state = -1;
        return 0;
    }
    mix.state = 1;
    return 0;
}

void audio_preload(void)
{
    if (!mix_loader && mix.state == 0) /* state is the thread's until it is joined */
        mix_loader = SDL_CreateThread(audio_mixer_load, "unknot-mixer", NULL);
}

void audio_preload_join(void)
{
    if (mix_loader) {
        SDL_WaitThread(mix_loader, NULL);
        mix_loader = NULL;
    }
}

/* True when SDL2_mixer is loaded: waits for audio_preload's thread, or loads it now. */
static bool audio_mixer_ready(void)
{
    audio_preload_join();
    if (mix.state == 0)
        audio_mixer_load(NULL);
    return mix.state == 1;
}

/* ---- settings: volume and mute in audio.conf ---- */

/* audio.conf in the one config directory files.c decides (XDG rules live there). */
static int audio_config_path(char *buf, size_t size)
{
    char dir[AUDIO_PATH_BYTES];
    if (files_config_dir(dir, sizeof dir) != 0)
        return -1;
    int n = snprintf(buf, size, "%s/audio.conf", dir);
    return n < 0 || (size_t)n >= size ? -1 : 0;
}

static void audio_load_settings(Audio *a)
{
    char path[AUDIO_PATH_BYTES + 16], err[AUDIO_ERR_BYTES];
    a->volume = AUDIO_VOLUME_DEFAULT;
    a->muted = false;
    if (audio_config_path(path, sizeof path) != 0)
        return;
    char *src;
    size_t len;
    if (files_read(path, FILES_MAX_CONFIG_BYTES, &src, &len, err, sizeof err) < 0) {
        if (errno != ENOENT) /* no file yet is the usual case */
            fprintf(stderr, "unknot: warning: %s: %s; using volume %d%%, sound on\n", path, err, a->volume);
        return;
    }
    AudioConf c = {a->volume, a->muted};
    if (audioconf_parse(src, len, &c, err, sizeof err) > 0)
        fprintf(stderr, "unknot: warning: %s: %s; the line is ignored\n", path, err);
    free(src);
    a->volume = c.volume;
    a->muted = c.muted;
}

/* Write audio.conf whole or not at all; a failure is a debug note, not a warning. */
static void audio_save_settings(const Audio *a)
{
    char path[AUDIO_PATH_BYTES + 16], text[128], err[AUDIO_ERR_BYTES];
    AudioConf c = {a->volume, a->muted};
    int n = audioconf_format(&c, text, sizeof text);
    if (audio_config_path(path, sizeof path) != 0 || n < 0)
        return;
    if (files_write_atomic(path, text, (size_t)n, err, sizeof err) < 0)
        SDL_LogDebug(SDL_LOG_CATEGORY_AUDIO, "audio: %s", err);
}

/* Apply volume, mute and ducking to the channels. */
static void audio_apply_volume(Audio *a)
{
    if (!a->device)
        return;
    int level = a->muted ? 0 : a->volume * MIX_MAX_VOLUME / 100;
    int effects = a->ducked ? level * AUDIO_DUCK_PERCENT / 100 : level;
    mix.Volume(AUDIO_VOICE_CHANNEL, level);
    for (int c = 1; c <= AUDIO_EFFECT_CHANNELS; c++)
        mix.Volume(c, effects);
}

/* ---- the clip worker: find or render every clip, off the main thread ---- */

/* The synthesiser's question: is the program ending? */
static int audio_worker_cancelled(void *data)
{
    Audio *a = data;
    return SDL_AtomicGet(&a->worker_cancel);
}

static int SDLCALL audio_worker(void *data)
{
    Audio *a = data;
    SpeechSynth *synth = NULL;
    bool tried_synth = false;
    int missing = 0;
    char err[AUDIO_ERR_BYTES] = "", first_err[AUDIO_ERR_BYTES] = "";
    for (int i = 0; i < a->clip_count && !SDL_AtomicGet(&a->worker_cancel); i++) {
        AudioClip *c = &a->clips[i];
        char path[SPEECH_PATH_BYTES];
        int rate = 0;
        bool found = speech_clip_find(a->data_dir, c->text, path, sizeof path);
        if (!found && !tried_synth) {
            tried_synth = true;
            synth = speech_synth_new(err, sizeof err);
            speech_synth_set_stop(synth, audio_worker_cancelled, a);
            if (!synth)
                snprintf(first_err, sizeof first_err, "%s", err);
        }
        if (!found && synth)
            found = speech_clip_ensure(a->data_dir, synth, c->text, path, sizeof path, err, sizeof err) == 0;
        /* read whole once, so a clip that is said is known good (and in the page cache) */
        int16_t *samples = NULL;
        size_t count = 0;
        if (found && speech_wav_read(path, &samples, &count, &rate, err, sizeof err) == 0) {
            if (rate != VOICEKEY_RATE_HZ)
                snprintf(err, sizeof err, "%.200s is %d Hz, not %d", path, rate, VOICEKEY_RATE_HZ);
            else if (count > 0 && !(c->path = SDL_strdup(path)))
                snprintf(err, sizeof err, "out of memory");
            else
                c->ms = (int)(count * 1000 / VOICEKEY_RATE_HZ);
        }
        free(samples);
        if (!c->path) {
            missing++;
            if (!first_err[0])
                snprintf(first_err, sizeof first_err, "%s", err);
        }
        SDL_MemoryBarrierRelease(); /* path is visible before ready */
        SDL_AtomicSet(&c->ready, 1);
    }
    speech_synth_free(synth);
    if (missing)
        snprintf(a->worker_err, sizeof a->worker_err, "%d of %d voice clips unavailable: %.200s", missing,
                 a->clip_count, first_err);
    SDL_MemoryBarrierRelease(); /* worker_err is visible before worker_done */
    SDL_AtomicSet(&a->worker_done, 1);
    return 0;
}

/* Add text to the clip table unless there. */
static int audio_add_clip(Audio *a, const char *text, int cap)
{
    uint64_t key = voicekey_hash(VOICEKEY_VOICE_ID, text);
    for (int i = 0; i < a->clip_count; i++)
        if (a->clips[i].key == key && strcmp(a->clips[i].text, text) == 0)
            return 0;
    if (a->clip_count >= cap)
        return 0;
    AudioClip *c = &a->clips[a->clip_count];
    memset(c, 0, sizeof *c);
    c->text = SDL_strdup(text);
    if (!c->text)
        return -1;
    c->key = key;
    a->clip_count++;
    return 0;
}

static AudioClip *audio_find_clip(Audio *a, const char *text)
{
    uint64_t key = voicekey_hash(VOICEKEY_VOICE_ID, text);
    for (int i = 0; i < a->clip_count; i++)
        if (a->clips[i].key == key && strcmp(a->clips[i].text, text) == 0)
            return &a->clips[i];
    return NULL;
}

/* ---- set-up and tear-down ---- */

/* True when some sound output can exist: a sound server's socket or an ALSA playback device.
 * Without either, opening the device only makes libasound print a page of errors first. An
 * explicit SDL_AUDIODRIVER (dummy, disk, ...) is always tried. */
static bool audio_output_possible(void)
{
    const char *driver = SDL_getenv("SDL_AUDIODRIVER");
    if (driver && driver[0])
        return true;
    if (SDL_getenv("PULSE_SERVER"))
        return true;
    const char *run = SDL_getenv("XDG_RUNTIME_DIR");
    char path[AUDIO_PATH_BYTES];
    struct stat st;
    if (run && run[0]) {
        snprintf(path, sizeof path, "%.900s/pulse/native", run);
        if (stat(path, &st) == 0)
            return true;
        snprintf(path, sizeof path, "%.900s/pipewire-0", run);
        if (stat(path, &st) == 0)
            return true;
    }
    DIR *d = opendir("/dev/snd");
    bool found = false;
    if (d) {
        struct dirent *e;
        while (!found && (e = readdir(d)) != NULL)
            found = strncmp(e->d_name, "pcmC", 4) == 0;
        closedir(d);
    }
    return found;
}

static void audio_open_device(Audio *a)
{
    if (!audio_output_possible()) {
        audio_warn(a, "no sound device found", "no sound server and no /dev/snd playback device");
        return;
    }
    if (!a->subsystem && SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        audio_warn(a, "no audio", SDL_GetError());
        return;
    }
    a->subsystem = true;
    if (!audio_mixer_ready()) {
        audio_warn(a, "cannot load SDL2_mixer", mix.err);
        return;
    }
    /* allowed_changes 0: SDL converts to the real device, chunks stay in the clips' own format. */
    if (mix.OpenAudioDevice(AUDIO_RATE_HZ, AUDIO_S16SYS, 1, 1024, NULL, 0) != 0) {
        audio_warn(a, "cannot open the audio device", Mix_GetError());
        return;
    }
    a->device = true;
    mix.AllocateChannels(1 + AUDIO_EFFECT_CHANNELS);
    char path[AUDIO_PATH_BYTES];
    for (int s = 0; s < SOUND_COUNT; s++) {
        snprintf(path, sizeof path, "%.900s/assets/sounds/%s.wav", a->data_dir, session_sound_name((SoundId)s));
        char *wav = NULL, err[AUDIO_ERR_BYTES] = "too large", what[AUDIO_PATH_BYTES + AUDIO_ERR_BYTES + 8];
        size_t len = 0;
        if (files_read(path, FILES_MAX_SOUND_BYTES, &wav, &len, err, sizeof err) == 0 && len <= INT_MAX) {
            SDL_RWops *rw = SDL_RWFromConstMem(wav, (int)len);
            a->sounds[s] = rw ? mix.LoadWAV_RW(rw, 1) : NULL; /* the chunk holds its own copy */
            if (!a->sounds[s])
                snprintf(err, sizeof err, "%s", Mix_GetError());
        }
        free(wav);
        if (!a->sounds[s]) {
            snprintf(what, sizeof what, "%s: %s", path, err);
            audio_warn(a, "cannot load a sound", what);
        }
    }
}

/* Start the clip worker (made late when the workout began without a device). */
static void audio_start_worker(Audio *a)
{
    SDL_AtomicSet(&a->worker_done, 0);
    a->worker_reported = false;
    a->worker = SDL_CreateThread(audio_worker, "unknot-voice", a);
    if (!a->worker) {
        audio_warn(a, "cannot start the voice worker", SDL_GetError());
        SDL_AtomicSet(&a->worker_done, 1);
        return;
    }
    /* the clips the worker is to make are coming: a routine's own cue waits for its clip (a new
     * routine's stop-if lines, asked at 0 s) instead of being captioned only */
    voicetable_set_coming(&a->table);
}

Audio *audio_new(const char *data_dir, const Routine *r)
{
    Audio *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    snprintf(a->data_dir, sizeof a->data_dir, "%s", data_dir ? data_dir : ".");
    audio_load_settings(a);
    a->want_device = r != NULL; /* the menu says nothing: no device, so no mixing thread while it waits */
    if (r)
        audio_open_device(a);
    audio_apply_volume(a);
    a->retry_in_ms = AUDIO_RETRY_MS;

    const char **texts = malloc(sizeof *texts * AUDIO_MAX_ROUTINE_TEXTS);
    int n = texts ? voicekey_routine_texts(r, texts, AUDIO_MAX_ROUTINE_TEXTS) : 0;
    if (n > AUDIO_MAX_ROUTINE_TEXTS)
        n = AUDIO_MAX_ROUTINE_TEXTS;
    int cap = n + voicekey_standard_count();
    a->clips = calloc((size_t)cap, sizeof *a->clips);
    bool ok = texts && a->clips;
    /* Routine texts first: the title and intro are said before any standard phrase. */
    for (int i = 0; ok && i < n; i++)
        ok = audio_add_clip(a, texts[i], cap) == 0;
    for (int i = 0; ok && i < voicekey_standard_count(); i++)
        ok = audio_add_clip(a, voicekey_standard_phrase(i), cap) == 0;
    free(texts);
    if (!ok || (r && voicetable_load(&a->table, a->data_dir, r) < 0)) {
        audio_free(a);
        return NULL;
    }
    if (!a->device) {
        SDL_AtomicSet(&a->worker_done, 1); /* silent: no clips needed until a device opens */
        return a;
    }
    audio_start_worker(a);
    return a;
}

/* Free the samples of a clip that is not playing (any more). */
static void audio_clip_release(Audio *a, AudioClip *c)
{
    if (!c)
        return;
    if (c->chunk)
        mix.FreeChunk(c->chunk); /* stops it first if it still sounds; QuickLoad chunks do not own samples */
    c->chunk = NULL;
    free(c->samples);
    c->samples = NULL;
    c->count = 0;
    if (a->saying == c)
        a->saying = NULL;
}

/* Close the mixer, keeping the clips: the device is gone (or never came). */
static void audio_close_device(Audio *a)
{
    if (!a->device)
        return;
    mix.HaltChannel(-1);
    audio_clip_release(a, a->saying);
    for (int s = 0; s < SOUND_COUNT; s++) {
        mix.FreeChunk(a->sounds[s]);
        a->sounds[s] = NULL;
    }
    mix.CloseAudio();
    a->device = false;
}

/* Open the device again after it was lost; the clips' worker starts if it never did. */
static void audio_reopen(Audio *a)
{
    a->retry_in_ms = AUDIO_RETRY_MS;
    audio_open_device(a);
    if (!a->device)
        return;
    fprintf(stderr, "unknot: sound device open again\n");
    audio_apply_volume(a);
    if (!a->worker && a->clip_count > 0)
        audio_start_worker(a);
}

/* A resting device opens again, before the sound that needs it (or as the screen moves again).
 * If it cannot, this is the lost-device case: warned once, retried every AUDIO_RETRY_MS. */
static void audio_wake(Audio *a)
{
    if (!a->resting)
        return;
    a->resting = false;
    a->quiet_since = 0;
    a->retry_in_ms = AUDIO_RETRY_MS;
    audio_open_device(a);
    audio_apply_volume(a);
}

void audio_set_still(Audio *a, bool still)
{
    if (!a)
        return;
    if (!still) {
        audio_wake(a); /* the screen moves: its next tick or word must not wait for the device */
        return;
    }
    if (!a->device)
        return;
    Uint64 now = SDL_GetTicks64();
    if (mix.Playing(-1) > 0) { /* a paused effect counts too: it goes on when the workout does */
        a->quiet_since = 0;
        return;
    }
    if (a->quiet_since == 0)
        a->quiet_since = now;
    if (now - a->quiet_since < AUDIO_REST_MS)
        return;
    /* SDL's mixing thread wakes ~20 times a second even for silence (and when the device is
     * paused): closing is the only way a still screen costs nothing. The clips stay loaded. */
    audio_close_device(a);
    a->resting = true;
}

bool audio_resting(const Audio *a)
{
    return a && a->resting;
}

void audio_device_event(Audio *a, const SDL_Event *e)
{
    if (!a || !a->want_device || a->resting) /* resting: it opens when a sound needs it */
        return;
    if (e->type == SDL_AUDIODEVICEREMOVED && !e->adevice.iscapture && a->device) {
        /* SDL sends this only for a device this program opened: the mixer's */
        audio_close_device(a);
        a->retry_in_ms = AUDIO_RETRY_MS;
        fprintf(stderr, "unknot: warning: the sound device went away; captions go on, sound comes back when it "
                        "does\n");
    } else if (e->type == SDL_AUDIODEVICEADDED && !e->adevice.iscapture && !a->device) {
        audio_reopen(a);
    }
}

void audio_free(Audio *a)
{
    if (!a)
        return;
    if (a->worker) {
        SDL_AtomicSet(&a->worker_cancel, 1);
        SDL_WaitThread(a->worker, NULL);
    }
    if (a->device) {
        mix.HaltChannel(-1);
        for (int s = 0; s < SOUND_COUNT; s++)
            mix.FreeChunk(a->sounds[s]);
    }
    for (int i = 0; a->clips && i < a->clip_count; i++) {
        audio_clip_release(a, &a->clips[i]);
        SDL_free(a->clips[i].path);
        SDL_free(a->clips[i].text);
    }
    free(a->clips);
    voicetable_free(&a->table);
    if (a->device)
        mix.CloseAudio();
    if (a->subsystem)
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
    free(a);
}

/* ---- playing ---- */

/* The chunk of a clip that is ready and has a file: its samples read now (a clip of a few
 * seconds from the page cache: well under a millisecond). NULL when not possible. */
static Mix_Chunk *audio_clip_chunk(Audio *a, AudioClip *c)
{
    if (!audio_flag_acquire(&c->ready) || !c->path)
        return NULL;
    if (c->chunk)
        return c->chunk;
    char err[AUDIO_ERR_BYTES];
    int rate = 0;
    if (speech_wav_read(c->path, &c->samples, &c->count, &rate, err, sizeof err) < 0 || rate != VOICEKEY_RATE_HZ ||
        c->count == 0) {
        audio_warn(a, "cannot read a voice clip", rate && rate != VOICEKEY_RATE_HZ ? c->path : err);
        audio_clip_release(a, c);
        return NULL;
    }
    c->chunk = mix.QuickLoad_RAW((Uint8 *)c->samples, (Uint32)(c->count * sizeof *c->samples));
    if (!c->chunk) {
        audio_warn(a, "cannot use a voice clip", Mix_GetError());
        audio_clip_release(a, c);
    }
    return c->chunk;
}

void audio_handle_event(Audio *a, const SessionEvent *ev)
{
    if (!a || !ev)
        return;
    switch (ev->type) {
    case EV_VOICE: {
        if (ev->voice == SESSION_VOICE_CUT && a->device) {
            mix.HaltChannel(AUDIO_VOICE_CHANNEL); /* a press went on, a skip, a quit */
            audio_update(a, 0);
        }
        /* the session decided this clip starts now (it never overlaps the one before) */
        if (ev->voice != SESSION_VOICE_SPOKEN)
            break;
        audio_wake(a);
        AudioClip *c = audio_find_clip(a, ev->text);
        AudioClip *before = a->saying;
        Mix_Chunk *chunk = c && a->device ? audio_clip_chunk(a, c) : NULL; /* none while the device is lost */
        if (!chunk) {
            SDL_LogDebug(SDL_LOG_CATEGORY_AUDIO, "audio: no clip yet for \"%s\": caption only", ev->text);
            break;
        }
        if (a->device && mix.PlayChannelTimed(AUDIO_VOICE_CHANNEL, chunk, 0, -1) >= 0)
            a->voice_started++;
        if (before != c)
            audio_clip_release(a, before); /* the channel plays the new clip now */
        a->saying = c;
        audio_update(a, 0); /* duck the effects from now, not a frame later */
        break;
    }
    case EV_SOUND:
        if (!a->paused)
            audio_wake(a);
        if (a->device && ev->sound >= 0 && ev->sound < SOUND_COUNT && a->sounds[ev->sound] && !a->paused) {
            int channel = 1 + a->next_effect;
            a->next_effect = (a->next_effect + 1) % AUDIO_EFFECT_CHANNELS;
            mix.PlayChannelTimed(channel, a->sounds[ev->sound], 0, -1);
        }
        break;
    case EV_PAUSE:
    case EV_HURT: audio_set_paused(a, true); break; /* "It hurts" stops the voice as a pause does */
    case EV_RESUME:
    case EV_HURT_END: audio_set_paused(a, false); break;
    default: break;
    }
}

void audio_update(Audio *a, double elapsed_ms)
{
    if (!a)
        return;
    /* a clip the worker has just made is planned from now on, not only once every clip is done: a
     * new routine's words are said from their first cue after the clip exists (the worker goes
     * through them in the order the routine says them) */
    while (a->table_seen < a->clip_count && audio_flag_acquire(&a->clips[a->table_seen].ready)) {
        const AudioClip *c = &a->clips[a->table_seen++];
        if (c->path && c->ms > 0)
            voicetable_set_ms(&a->table, c->text, c->ms);
        else
            voicetable_set_none(&a->table, c->text); /* a cue waiting for it goes on, captioned */
    }
    if (!a->worker_reported && audio_flag_acquire(&a->worker_done)) {
        a->worker_reported = true;
        voicetable_settle(&a->table); /* nothing is being made any more */
        if (a->worker_err[0])
            audio_warn(a, "voice unavailable", a->worker_err);
        if (a->device || a->resting)
            voicetable_refresh(&a->table, a->data_dir); /* clips the worker rendered can be planned now */
    }
    if (a->want_device && !a->device && !a->resting) {
        /* a lost (or never found) device may be back without an ADDED event: the retry runs on the
         * app's frame time, so a stalled or simulated clock tries exactly as often as it says */
        a->retry_in_ms -= elapsed_ms;
        if (a->retry_in_ms <= 0)
            audio_reopen(a);
    }
    bool duck = a->device && mix.Playing(AUDIO_VOICE_CHANNEL);
    if (!duck && a->saying)
        audio_clip_release(a, a->saying); /* said: its samples go until it is said again */
    if (duck != a->ducked) {
        a->ducked = duck;
        audio_apply_volume(a);
    }
}

void audio_set_paused(Audio *a, bool paused)
{
    if (!a || paused == a->paused)
        return;
    a->paused = paused;
    if (paused) {
        /* The sentence stops and is not repeated later (the session drops what waited). */
        if (a->device) {
            mix.HaltChannel(AUDIO_VOICE_CHANNEL);
            for (int c = 1; c <= AUDIO_EFFECT_CHANNELS; c++)
                mix.Pause(c);
        }
    } else {
        audio_wake(a);
        if (a->device)
            for (int c = 1; c <= AUDIO_EFFECT_CHANNELS; c++)
                mix.Resume(c);
    }
}

/* ---- volume ---- */

void audio_volume_step(Audio *a, int delta)
{
    if (!a)
        return;
    int v = a->volume + delta * AUDIO_VOLUME_STEP;
    v = (v + AUDIO_VOLUME_STEP / 2) / AUDIO_VOLUME_STEP * AUDIO_VOLUME_STEP; /* stay on the 10% grid */
    a->volume = v < 0 ? 0 : v > 100 ? 100 : v;
    audio_apply_volume(a);
    audio_save_settings(a);
}

void audio_set_volume(Audio *a, int percent)
{
    if (!a)
        return;
    a->volume = percent < 0 ? 0 : percent > 100 ? 100 : percent;
    a->muted = false;
    audio_apply_volume(a);
}

void audio_toggle_mute(Audio *a)
{
    if (!a)
        return;
    a->muted = !a->muted;
    audio_apply_volume(a);
    audio_save_settings(a);
}

int audio_volume_percent(const Audio *a)
{
    return a ? a->volume : 0;
}

bool audio_muted(const Audio *a)
{
    return a ? a->muted : true;
}

bool audio_voice_ready(const Audio *a)
{
    return a && audio_flag_acquire((SDL_atomic_t *)&a->worker_done);
}

bool audio_has_device(const Audio *a)
{
    return a && (a->device || a->resting);
}

int audio_warning_count(const Audio *a)
{
    return a && a->problems > 0 ? 1 : 0;
}

const SessionClip *audio_voice_clips(const Audio *a, int *count)
{
    *count = a ? a->table.count : 0;
    return a ? a->table.rows : NULL;
}

int audio_voice_started(const Audio *a)
{
    return a ? a->voice_started : 0;
}

size_t audio_clip_bytes(const Audio *a)
{
    size_t bytes = 0;
    for (int i = 0; a && i < a->clip_count; i++)
        bytes += a->clips[i].count * sizeof *a->clips[i].samples;
    return bytes;
}
