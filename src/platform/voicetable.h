/* voicetable.h: the clip lengths a session plans its voice with (session_set_voice): every text a
 * routine and the session may say, with the length of its clip in DATA_DIR/assets/voice or the
 * user's cache. Shared by live audio (audio.c) and --simulate (main.c), so both plan alike.
 * Reads clip headers only; renders nothing (audio.c's worker and soundtrack.c do that). */
#ifndef UNKNOT_VOICETABLE_H
#define UNKNOT_VOICETABLE_H

#include "routine.h"
#include "session.h"

typedef struct {
    SessionClip *rows; /* owned, texts owned too */
    int count;
} VoiceTable;

/* Fill t with r's texts (r may be NULL; read during the call only) and the standard phrases, each
 * with its clip's length or -1 when no clip exists yet. Returns 0, or -1 when out of memory (t
 * is then empty). Free with voicetable_free. */
int voicetable_load(VoiceTable *t, const char *data_dir, const Routine *r);

/* Add r's texts not yet in t, with their clips' lengths, so one table can plan many routines
 * (the menu's durations). Returns 0, or -1 when out of memory (t keeps what it had). */
int voicetable_add_routine(VoiceTable *t, const char *data_dir, const Routine *r);

/* Look again for the rows without a clip (rendered since): fills their lengths. Returns how many
 * rows have a clip now. */
int voicetable_refresh(VoiceTable *t, const char *data_dir);

/* A clip for text was made (ms long): its row, when it had none, has that length from now on. */
void voicetable_set_ms(VoiceTable *t, const char *text, int ms);

/* The rows without a clip are being made now (a worker renders them): SESSION_CLIP_COMING, so a
 * routine's own cue waits for its clip (session.h). */
void voicetable_set_coming(VoiceTable *t);

/* The clip for text could not be made: its row, when still coming, has none from now on. */
void voicetable_set_none(VoiceTable *t, const char *text);

/* No clip is being made any more: every row still coming has none. */
void voicetable_settle(VoiceTable *t);

/* Free the rows. Safe on a zeroed VoiceTable. */
void voicetable_free(VoiceTable *t);

#endif
