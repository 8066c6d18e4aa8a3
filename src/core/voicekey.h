/* voicekey.h: names of pre-rendered voice clips, the voice they are rendered with, the standard
 * phrases the session speaks, and the texts a routine may speak. Pure: no I/O, no SDL, no globals.
 *
 * Clip naming: key = FNV-1a 64-bit over the bytes of VOICEKEY_VOICE_ID, one '\n', then the exact
 * UTF-8 bytes of the text (no trimming, no case folding). File name = "v_%016llx.wav" of the key
 * (lower-case hex). Changing the voice settings changes VOICEKEY_VOICE_ID, so every old clip is
 * simply no longer found and gets re-rendered. Clips: 16-bit mono PCM WAV at VOICEKEY_RATE_HZ. */
#ifndef UNKNOT_VOICEKEY_H
#define UNKNOT_VOICEKEY_H

#include <stddef.h>
#include <stdint.h>

#include "routine.h"

/* The espeak-ng settings every clip is rendered with (tools/voicegen.c and src/platform/speech.c). */
#define VOICEKEY_ESPEAK_VOICE "gmw/en+f2" /* British English (voice file gmw/en), soft female variant f2 */
#define VOICEKEY_ESPEAK_RATE 140 /* words per minute: calm and slow */
#define VOICEKEY_ESPEAK_PITCH 42 /* 0..100, 50 normal: a little lower */
#define VOICEKEY_ESPEAK_RANGE 40 /* 0..100, 50 normal: a little less sing-song */
#define VOICEKEY_VOICE_ID "espeak-ng:" VOICEKEY_ESPEAK_VOICE ":rate140:pitch42:range40"
#define VOICEKEY_RATE_HZ 22050

#define VOICEKEY_NAME_BYTES 24 /* "v_" + 16 hex + ".wav" + NUL = 23 */
#define VOICEKEY_COUNT_MAX 60 /* counts "1".."60" are standard phrases */

/* FNV-1a 64 of voice_id, '\n', text. Both NUL-terminated; text may be any bytes. */
uint64_t voicekey_hash(const char *voice_id, const char *text);

/* Write the clip file name ("v_0123456789abcdef.wav") of text spoken by VOICEKEY_VOICE_ID into
 * name (size >= VOICEKEY_NAME_BYTES; truncated otherwise). */
void voicekey_name(const char *text, char *name, size_t size);

/* Number of standard phrases: session texts (see the table in voicekey.c) then "1".."60". */
int voicekey_standard_count(void);

/* Standard phrase i (0 <= i < voicekey_standard_count()), static storage; NULL when out of range. */
const char *voicekey_standard_phrase(int i);

/* The most distinct texts a routine may speak: title, intro, and per step its text, its
 * "get ready" line and its cues. */
#define VOICEKEY_MAX_ROUTINE_TEXTS                                                                                     \
    (ROUTINE_MAX_STEPS * (ROUTINE_MAX_CUES + 2 + ROUTINE_MAX_PHASES) + 2 + ROUTINE_MAX_STOP_RULES)

/* Fill out[0..cap) with the distinct texts routine r may speak (title, intro, stop-if lines, each step's rest or
 * timer text, its "get ready" line, each say cue), borrowed from r, first occurrence order. Returns the number of
 * distinct texts found, or an upper bound of it when above cap (only cap are written).
 * Empty texts are skipped. */
int voicekey_routine_texts(const Routine *r, const char **out, int cap);

#endif
