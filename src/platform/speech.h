/* speech.h: where voice clips live and how a missing one is made. Finds a text's clip in
 * DATA_DIR/assets/voice (pre-rendered by tools/voicegen), else in the user's cache, else renders it
 * with libespeak-ng into the cache. Also reads and writes the clip format (16-bit mono PCM WAV).
 * No SDL here, so tools/voicegen builds it too; errors come back as strings, never printed.
 *
 * Global state: libespeak-ng keeps its own process-wide state, so at most one SpeechSynth exists
 * at a time in a process (an atomic flag here), and espeak-ng is initialised once, on first use,
 * and never terminated (espeak-ng 1.51 hangs when re-initialised); the OS reclaims it at exit. */
#ifndef UNKNOT_SPEECH_H
#define UNKNOT_SPEECH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SPEECH_PATH_BYTES 1024
#define SPEECH_PEAK 0.8 /* clips are normalised to this peak (-2 dBFS) */
#define SPEECH_MAX_CLIP_SAMPLES (22050 * 60) /* a clip longer than a minute is refused */

/* Fill buf with the cache directory: $XDG_CACHE_HOME/unknot/voice, else $HOME/.cache/unknot/voice.
 * Returns 0, or -1 when neither variable is set. The directory may not exist yet. */
int speech_cache_dir(char *buf, size_t size);

/* True when DATA_DIR/assets/voice holds text's pre-rendered clip (for `unknot --check`). */
bool speech_clip_prerendered(const char *data_dir, const char *text);

/* Find text's clip: pre-rendered first, then the cache. True and path filled, or false. A cached
 * clip that cannot be read whole at VOICEKEY_RATE_HZ is deleted (and so rendered again). */
bool speech_clip_find(const char *data_dir, const char *text, char *path, size_t size);

typedef struct SpeechSynth SpeechSynth;

/* Start libespeak-ng with unknot's voice (voicekey.h). Returns NULL and fills err when espeak-ng
 * cannot start or another SpeechSynth is alive. Free with speech_synth_free. */
SpeechSynth *speech_synth_new(char *err, size_t errsize);

/* Make s ask should_stop(ctx) (from the rendering thread) between blocks of samples; when it
 * returns nonzero, the render in progress stops within milliseconds and fails. NULL: never. */
void speech_synth_set_stop(SpeechSynth *s, int (*should_stop)(void *ctx), void *ctx);

/* Release the synthesiser so another may be made (espeak-ng itself stays loaded). Safe on NULL. */
void speech_synth_free(SpeechSynth *s);

/* Render text to *samples (malloc'd, caller frees) of *count samples at VOICEKEY_RATE_HZ, with the
 * silence around it trimmed and the peak at SPEECH_PEAK. Returns 0, or -1 and fills err. */
int speech_synth_render(SpeechSynth *s, const char *text, int16_t **samples, size_t *count, char *err, size_t errsize);

/* Find text's clip, or render it with synth (if not NULL) into the cache, creating the directory
 * and removing temporary files there whose writer is gone (files_out_clean_stale).
 * Returns 0 with path filled, or -1 with err filled. */
int speech_clip_ensure(const char *data_dir, SpeechSynth *synth, const char *text, char *path, size_t size, char *err,
                       size_t errsize);

/* Write count mono 16-bit samples at rate Hz as a PCM WAV, atomically (temp file, then rename).
 * Returns 0, or -1 and fills err. */
int speech_wav_write(const char *path, const int16_t *samples, size_t count, int rate, char *err, size_t errsize);

/* Parse len bytes of a 16-bit PCM WAV, as speech_wav_read. Any bytes are safe; a data chunk cut
 * short (a killed writer) is refused. Returns 0, or -1 and fills why. */
int speech_wav_parse(const unsigned char *bytes, size_t len, int16_t **samples, size_t *count, int *rate, char *why,
                     size_t whysize);

/* Read (through files_read, at most FILES_MAX_VOICE_BYTES) a 16-bit PCM WAV (mono, or the first channel of stereo) into
 * *samples (malloc'd, caller frees), *count samples, *rate Hz. Returns 0, or -1 and fills err. */
int speech_wav_read(const char *path, int16_t **samples, size_t *count, int *rate, char *err, size_t errsize);

/* The length in ms of the 16-bit PCM WAV at path at VOICEKEY_RATE_HZ, from its header alone (as
 * speech_wav_read would count it), or -1 when it cannot be read as such a clip. */
int speech_wav_length_ms(const char *path);

/* The length in ms of text's clip (found as speech_clip_find does), or -1 when there is none. */
int speech_clip_ms(const char *data_dir, const char *text);

#endif
