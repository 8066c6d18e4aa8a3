/* voicetable.c: clip lengths for the session's voice plan (see voicetable.h). Header reads only,
 * on the caller's thread; must not render (that may take seconds) nor touch a device. */
#include "voicetable.h"

#include <stdlib.h>
#include <string.h>

#include "speech.h"
#include "voicekey.h"

/* Add text unless there; -1 when out of memory. */
static int voicetable_add(VoiceTable *t, const char *text, int cap)
{
    for (int i = 0; i < t->count; i++)
        if (strcmp(t->rows[i].text, text) == 0)
            return 0;
    if (t->count >= cap)
        return 0;
    char *copy = strdup(text);
    if (!copy)
        return -1;
    t->rows[t->count].text = copy;
    t->rows[t->count].ms = SESSION_CLIP_NONE;
    t->count++;
    return 0;
}

int voicetable_load(VoiceTable *t, const char *data_dir, const Routine *r)
{
    memset(t, 0, sizeof *t);
    const char **texts = malloc(sizeof *texts * VOICEKEY_MAX_ROUTINE_TEXTS);
    int n = texts ? voicekey_routine_texts(r, texts, VOICEKEY_MAX_ROUTINE_TEXTS) : 0;
    if (n > VOICEKEY_MAX_ROUTINE_TEXTS)
        n = VOICEKEY_MAX_ROUTINE_TEXTS;
    int cap = n + voicekey_standard_count();
    t->rows = texts ? calloc((size_t)cap, sizeof *t->rows) : NULL;
    bool ok = t->rows != NULL;
    for (int i = 0; ok && i < n; i++)
        ok = voicetable_add(t, texts[i], cap) == 0;
    for (int i = 0; ok && i < voicekey_standard_count(); i++)
        ok = voicetable_add(t, voicekey_standard_phrase(i), cap) == 0;
    free(texts);
    if (!ok) {
        voicetable_free(t);
        return -1;
    }
    voicetable_refresh(t, data_dir);
    return 0;
}

int voicetable_add_routine(VoiceTable *t, const char *data_dir, const Routine *r)
{
    const char **texts = malloc(sizeof *texts * VOICEKEY_MAX_ROUTINE_TEXTS);
    int n = texts ? voicekey_routine_texts(r, texts, VOICEKEY_MAX_ROUTINE_TEXTS) : 0;
    if (n > VOICEKEY_MAX_ROUTINE_TEXTS)
        n = VOICEKEY_MAX_ROUTINE_TEXTS;
    SessionClip *rows = texts ? realloc(t->rows, sizeof *rows * (size_t)(t->count + n)) : NULL;
    bool ok = rows != NULL;
    if (ok)
        t->rows = rows;
    for (int i = 0; ok && i < n; i++)
        ok = voicetable_add(t, texts[i], t->count + n) == 0;
    free(texts);
    voicetable_refresh(t, data_dir);
    return ok ? 0 : -1;
}

int voicetable_refresh(VoiceTable *t, const char *data_dir)
{
    int have = 0;
    for (int i = 0; i < t->count; i++) {
        if (t->rows[i].ms < 0)
            t->rows[i].ms = speech_clip_ms(data_dir, t->rows[i].text);
        have += t->rows[i].ms >= 0;
    }
    return have;
}

void voicetable_set_ms(VoiceTable *t, const char *text, int ms)
{
    for (int i = 0; i < t->count; i++)
        if (t->rows[i].ms < 0 && strcmp(t->rows[i].text, text) == 0)
            t->rows[i].ms = ms;
}

void voicetable_set_coming(VoiceTable *t)
{
    for (int i = 0; i < t->count; i++)
        if (t->rows[i].ms == SESSION_CLIP_NONE)
            t->rows[i].ms = SESSION_CLIP_COMING;
}

void voicetable_set_none(VoiceTable *t, const char *text)
{
    for (int i = 0; i < t->count; i++)
        if (t->rows[i].ms == SESSION_CLIP_COMING && strcmp(t->rows[i].text, text) == 0)
            t->rows[i].ms = SESSION_CLIP_NONE;
}

void voicetable_settle(VoiceTable *t)
{
    for (int i = 0; i < t->count; i++)
        if (t->rows[i].ms == SESSION_CLIP_COMING)
            t->rows[i].ms = SESSION_CLIP_NONE;
}

void voicetable_free(VoiceTable *t)
{
    for (int i = 0; t->rows && i < t->count; i++)
        free((char *)t->rows[i].text);
    free(t->rows);
    memset(t, 0, sizeof *t);
}
