/* soundtrack.h: the offline mix for `unknot --simulate ROUTINE --audio-out FILE.wav`: every voice
 * clip where the session started it (EV_VOICE: the session runs the voice queue, so live audio
 * and --simulate's "spoken" times agree) and every effect at its event time, effects ducked under
 * voice, written as 16-bit mono WAV at VOICEKEY_RATE_HZ. Plain C file I/O, no audio device;
 * memory stays small for hours of session. */
#ifndef UNKNOT_SOUNDTRACK_H
#define UNKNOT_SOUNDTRACK_H

#include <stddef.h>

#include "routine.h"
#include "session.h"

#define SOUNDTRACK_DUCK 0.35 /* effects' gain while voice plays (AUDIO_DUCK_PERCENT live) */
#define SOUNDTRACK_DUCK_RAMP_MS 40
#define SOUNDTRACK_TAIL_MS 500 /* silence kept after the last sound */

typedef struct Soundtrack Soundtrack;

/* Load DATA_DIR/assets/sounds and the voice clips of r's texts and the standard phrases, rendering
 * missing ones into the cache (speech.h). r is read during the call only (NULL: none). Returns NULL
 * only when out of memory; problems are kept for soundtrack_warning. Free with soundtrack_free. */
Soundtrack *soundtrack_new(const char *data_dir, const Routine *r);

/* Place the sound of one session event, in the order drained: EV_VOICE's clip (when spoken),
 * EV_SOUND's effect; EV_PAUSE cuts the sentence being said. */
void soundtrack_add_event(Soundtrack *st, const SessionEvent *ev);

/* Mix everything placed and write path as a WAV. Returns 0, or -1 and fills err. */
int soundtrack_write(Soundtrack *st, const char *path, char *err, size_t errsize);

/* The first problem met (missing sound or clip), "" when none. Valid until soundtrack_free. */
const char *soundtrack_warning(const Soundtrack *st);

/* Voice clips placed so far (said, not dropped by the queue rules). */
int soundtrack_voice_count(const Soundtrack *st);

/* Free everything. Safe on NULL. */
void soundtrack_free(Soundtrack *st);

#endif
