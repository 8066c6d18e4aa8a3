/* voicegen.c: pre-render every text unknot speaks into OUT_VOICE_DIR/<voicekey>.wav: the standard
 * phrases (voicekey.c) and every text of the LEVELS_DIR/NAME.routine files. Usage: voicegen LEVELS_DIR OUT_VOICE_DIR.
 * Existing clips are kept (a clip's name already pins its voice and text); nothing is deleted.
 * Each clip is rendered in its own child process: libespeak-ng keeps state from one utterance to the
 * next (pitch flutter), so a clip rendered after others would depend on what came before it. */
#include <dirent.h>
#include <sys/wait.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routine.h"
#include "speech.h"
#include "voicekey.h"

#define VOICEGEN_MAX_FILES 256
#define VOICEGEN_MAX_TEXTS VOICEKEY_MAX_ROUTINE_TEXTS

typedef struct {
    int made, kept, failed;
    long bytes;
} VoicegenTally;

static int voicegen_compare(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Render one text into path in a fresh process, so the clip depends on its text alone. */
static int voicegen_render_isolated(const char *text, const char *path)
{
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        char err[256];
        int16_t *samples;
        size_t count;
        SpeechSynth *synth = speech_synth_new(err, sizeof err);
        if (!synth || speech_synth_render(synth, text, &samples, &count, err, sizeof err) != 0 ||
            speech_wav_write(path, samples, count, VOICEKEY_RATE_HZ, err, sizeof err) != 0) {
            fprintf(stderr, "voicegen: %s\n", err);
            _exit(1);
        }
        _exit(0); /* espeak-ng is left to the process exit: it hangs if shut down and restarted */
    }
    int status = 0;
    if (waitpid(pid, &status, 0) < 0)
        return -1;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

/* Render text into out_dir unless its clip is there. */
static void voicegen_text(const char *out_dir, const char *text, VoicegenTally *t)
{
    char name[VOICEKEY_NAME_BYTES], path[SPEECH_PATH_BYTES];
    voicekey_name(text, name, sizeof name);
    snprintf(path, sizeof path, "%s/%s", out_dir, name);
    FILE *f = fopen(path, "rb");
    bool existed = f != NULL;
    if (!f) {
        if (voicegen_render_isolated(text, path) != 0) {
            t->failed++;
            return;
        }
        f = fopen(path, "rb");
    }
    if (f) {
        fseek(f, 0, SEEK_END);
        t->bytes += ftell(f);
        fclose(f);
    }
    if (existed)
        t->kept++;
    else
        t->made++;
}

/* Read, parse and render one routine file. Returns 0, or -1 when it cannot be read or parsed. */
static int voicegen_routine(const char *path, const char *out_dir, VoicegenTally *t)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "voicegen: cannot open %s\n", path);
        return -1;
    }
    char *src = malloc(ROUTINE_MAX_FILE_BYTES + 1);
    size_t len = src ? fread(src, 1, ROUTINE_MAX_FILE_BYTES + 1, f) : 0;
    fclose(f);
    if (!src)
        return -1;
    Routine r = {0};
    RoutineErrors *errs = calloc(1, sizeof *errs);
    int rc = errs ? routine_parse(path, src, len, &r, errs) : -1;
    if (rc != 0) {
        for (int i = 0; errs && i < errs->count; i++) {
            char line[600];
            routine_error_format(&errs->items[i], line, sizeof line);
            fprintf(stderr, "%s\n", line);
        }
    } else {
        const char **texts = malloc(sizeof *texts * VOICEGEN_MAX_TEXTS); /* borrowed from r */
        int n = texts ? voicekey_routine_texts(&r, texts, VOICEGEN_MAX_TEXTS) : 0;
        for (int i = 0; i < n && i < VOICEGEN_MAX_TEXTS; i++)
            voicegen_text(out_dir, texts[i], t);
        free(texts);
    }
    routine_free(&r);
    free(errs);
    free(src);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: voicegen LEVELS_DIR OUT_VOICE_DIR\n");
        return 2;
    }
    VoicegenTally t = {0};
    int status = 0;
    for (int i = 0; i < voicekey_standard_count(); i++)
        voicegen_text(argv[2], voicekey_standard_phrase(i), &t);

    char *names[VOICEGEN_MAX_FILES];
    int nfiles = 0;
    DIR *d = opendir(argv[1]);
    if (!d) {
        fprintf(stderr, "voicegen: cannot open %s\n", argv[1]);
        status = 1;
    }
    for (struct dirent *e; d && (e = readdir(d)) != NULL;) {
        size_t n = strlen(e->d_name);
        if (n > 8 && strcmp(e->d_name + n - 8, ".routine") == 0 && nfiles < VOICEGEN_MAX_FILES)
            names[nfiles++] = strdup(e->d_name);
    }
    if (d)
        closedir(d);
    qsort(names, (size_t)nfiles, sizeof names[0], voicegen_compare);
    for (int i = 0; i < nfiles; i++) {
        char path[SPEECH_PATH_BYTES];
        snprintf(path, sizeof path, "%s/%s", argv[1], names[i]);
        if (names[i] && voicegen_routine(path, argv[2], &t) != 0)
            status = 1;
        free(names[i]);
    }
    printf("voicegen: %d routine(s), %d clip(s) made, %d kept, %d failed, %.1f MB referenced\n", nfiles, t.made, t.kept,
           t.failed, t.bytes / 1e6);
    return status || t.failed ? 1 : 0;
}
