/* audio.h: live sound for a workout through SDL2_mixer: voice clips for cues, effect sounds, pause,
 * volume and mute (remembered in $XDG_CONFIG_HOME/unknot/audio.conf). Voice follows voicequeue.h's
 * rules. Never fatal: without a device or clips it warns once and stays silent (captions carry on).
 *
 * Channels: 0 is voice, 1..3 are effects. Effects duck to AUDIO_DUCK_PERCENT while voice plays.
 * The session decides when each clip starts (give it audio_voice_clips with session_set_voice);
 * this plays EV_VOICE's clip at once. Voice clips are found or made on a worker thread (speech.h)
 * so no frame ever waits for them; a cue whose clip is not ready yet is captioned only. A clip's
 * samples are read when it is said and freed when it has been, so only one is held at a time. Pause
 * stops the sentence being said and pauses the effects; resuming never repeats what was said. */
#ifndef UNKNOT_AUDIO_H
#define UNKNOT_AUDIO_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "routine.h"
#include "session.h"

#define AUDIO_RATE_HZ 22050 /* device rate: the clips' own rate, so no resampling */
#define AUDIO_VOICE_CHANNEL 0
#define AUDIO_EFFECT_CHANNELS 3 /* channels 1..3 */
#define AUDIO_DUCK_PERCENT 35 /* effects' level while voice plays */
#define AUDIO_VOLUME_DEFAULT 80 /* percent, before any audio.conf exists */
#define AUDIO_VOLUME_STEP 10 /* percent per audio_volume_step */
#define AUDIO_RETRY_MS 10000 /* a workout without its sound device tries to open it again this often */
#define AUDIO_REST_MS 1000 /* a still screen closes the device after this long without a sound */

typedef struct Audio Audio;

/* Starts loading SDL2_mixer (opened at run time: audio.c says why) on a helper thread, so that it
 * is ready when the first device opens; nothing when it is loaded or loading. Main thread only.
 * Optional: without it the first device to open loads it then. Without the library every Audio
 * is silent (one warning). */
void audio_preload(void);

/* Waits for audio_preload's thread, if one runs (the program's end: a menu that never played
 * anything never waited for it). The library stays loaded until the program ends. */
void audio_preload_join(void);

/* Open the audio device, load DATA_DIR/assets/sounds and start preparing the voice clips of r's
 * texts and the standard phrases (r is read during the call only). With r NULL (the menu) only
 * the volume and mute settings are loaded and no device is opened, so a waiting menu costs no
 * mixing. Initialises SDL's audio subsystem itself. Without a device: one warning, a silent Audio
 * that accepts every call. Returns NULL only when out of memory. Free with audio_free. */
Audio *audio_new(const char *data_dir, const Routine *r);

/* Stop sound, wait for the clip worker, close the device, free everything. Safe on NULL. */
void audio_free(Audio *a);

/* React to a session event: EV_VOICE (spoken) plays its clip now, EV_SOUND plays an effect,
 * EV_PAUSE and EV_RESUME pause and resume; other events are ignored. Call as events are drained. */
void audio_handle_event(Audio *a, const SessionEvent *ev);

/* Once a frame, with the milliseconds since the last call: duck effects while voice sounds; once
 * the worker is done, report its outcome and fill the clip lengths of the clips it rendered; a
 * workout's Audio without its device tries to open it again each AUDIO_RETRY_MS of that time.
 * Never blocks (except for that try). */
void audio_update(Audio *a, double elapsed_ms);

/* Pause (stop the sentence, drop waiting cues, pause effects) or resume (effects go on). */
void audio_set_paused(Audio *a, bool paused);

/* Change the volume by delta steps of AUDIO_VOLUME_STEP percent (clamped 0..100) and save it. */
void audio_volume_step(Audio *a, int delta);

/* Set the volume to percent (clamped 0..100) for this Audio only, unmuted, not saved (a kiosk's
 * volume comes from its settings). */
void audio_set_volume(Audio *a, int percent);

/* Mute or unmute (sound keeps its timing, just silent) and save it. */
void audio_toggle_mute(Audio *a);

/* Volume 0..100 percent, and whether muted. */
int audio_volume_percent(const Audio *a);
bool audio_muted(const Audio *a);

/* True once the voice worker has finished (every clip found, made or given up on). */
bool audio_voice_ready(const Audio *a);

/* The sound device went away (SDL_AUDIODEVICEREMOVED: the mixer is closed, the workout goes on
 * silently with its captions) or one appeared (SDL_AUDIODEVICEADDED: a lost device is opened
 * again). A workout's Audio without a device also retries by itself every AUDIO_RETRY_MS of the
 * time given to audio_update. Other events are ignored. */
void audio_device_event(Audio *a, const SDL_Event *e);

/* Call every turn of the main loop: still is true while the screen shows nothing moving (paused,
 * results, a check-in waiting). After AUDIO_REST_MS of silence on a still screen the device is
 * closed ("resting"), because SDL's mixing thread otherwise wakes ~20 times a second to mix
 * silence. It opens again when still goes false, on resume, and before the next voice clip or
 * effect, so nothing is cut and nothing waits longer than the device's open call. */
void audio_set_still(Audio *a, bool still);

/* True while the device is closed by audio_set_still (for tests and benchmarks). */
bool audio_resting(const Audio *a);

/* True when a device is open or resting (false: silent Audio). */
bool audio_has_device(const Audio *a);

/* Warnings printed so far (at most one per Audio; for tests). */
int audio_warning_count(const Audio *a);

/* The clip lengths to plan the session's voice with (session_set_voice): every text r and the
 * session may say. Owned by a; valid until audio_free; lengths fill in as the worker renders. */
const SessionClip *audio_voice_clips(const Audio *a, int *count);

/* Voice clips started so far (for tests and --verbose). */
int audio_voice_started(const Audio *a);

/* Bytes of decoded voice held now: only the clip being said (for tests and benchmarks). */
size_t audio_clip_bytes(const Audio *a);

#endif
