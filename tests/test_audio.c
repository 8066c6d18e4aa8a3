/* test_audio.c: live audio and the offline soundtrack, headless (SDL_AUDIODRIVER=dummy): the device
 * opens and takes events, a bad data dir or no driver is one warning and no crash, a new text gets a
 * non-silent clip rendered into a temporary cache, volume is remembered, and a soundtrack is loud at
 * its cue times and quiet between. Uses temp XDG dirs: never touches the user's cache or config. */
#include <SDL.h>
#include <SDL_mixer.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audio.h"
#include "soundtrack.h"
#include "speech.h"
#include "voicekey.h"
#include "testutil.h"

#define NEW_TEXT "Unknot test: breathe out through seven oranges."

/* A tiny routine built by hand: one held step with one cue, one rest with a label. */
typedef struct {
    RoutineCue cue;
    RoutineStep steps[2];
    Routine r;
} TinyRoutine;

static void tiny_routine(TinyRoutine *t)
{
    memset(t, 0, sizeof *t);
    t->cue = (RoutineCue){CUE_START, 0, NEW_TEXT, 3};
    t->steps[0].kind = STEP_MOVE;
    t->steps[0].move = MOVE_CHILD_POSE;
    t->steps[0].hold_ms = 20000;
    t->steps[0].sets = 1;
    t->steps[0].cues = &t->cue;
    t->steps[0].cue_count = 1;
    t->steps[1].kind = STEP_REST;
    t->steps[1].mode = MODE_REST;
    t->steps[1].move = MOVE_REST;
    t->steps[1].duration_ms = 10000;
    t->steps[1].sets = 1;
    t->steps[1].text = "Rest.";
    t->r.title = "Test routine";
    t->r.steps = t->steps;
    t->r.step_count = 2;
}

static SessionEvent cue_event(int64_t t, CueKind kind, const char *text)
{
    SessionEvent ev;
    memset(&ev, 0, sizeof ev);
    ev.type = EV_CUE;
    ev.t_ms = t;
    ev.cue_kind = kind;
    ev.step = -1;
    snprintf(ev.text, sizeof ev.text, "%s", text);
    return ev;
}

/* The session's word that a clip starts now (EV_VOICE): what audio and the soundtrack play. */
static SessionEvent voice_event(int64_t t, const char *text)
{
    SessionEvent ev = cue_event(t, CUE_KIND_STANDARD, text);
    ev.type = EV_VOICE;
    ev.voice = SESSION_VOICE_SPOKEN;
    return ev;
}

static SessionEvent sound_event(int64_t t, SoundId s)
{
    SessionEvent ev;
    memset(&ev, 0, sizeof ev);
    ev.type = EV_SOUND;
    ev.t_ms = t;
    ev.sound = s;
    ev.step = -1;
    return ev;
}

static double rms(const int16_t *s, size_t from, size_t to)
{
    double sum = 0.0;
    if (to <= from)
        return 0.0;
    for (size_t i = from; i < to; i++)
        sum += (double)s[i] * s[i];
    return sqrt(sum / (double)(to - from)) / 32768.0;
}

static bool wait_ready(Audio *a)
{
    for (int i = 0; i < 1000 && !audio_voice_ready(a); i++)
        SDL_Delay(10);
    return audio_voice_ready(a);
}

static void test_live(const TinyRoutine *t)
{
    Audio *a = audio_new(".", &t->r);
    CHECK(a != NULL);
    if (!a)
        return;
    CHECK(wait_ready(a));
    audio_update(a, 0);
    printf("live: device %d, warnings %d\n", audio_has_device(a), audio_warning_count(a));
    CHECK(audio_warning_count(a) == 0);

    /* The new text was rendered into the temporary cache, and it is speech, not silence. */
    char path[SPEECH_PATH_BYTES], err[256];
    CHECK(!speech_clip_prerendered(".", NEW_TEXT));
    CHECK(speech_clip_find(".", NEW_TEXT, path, sizeof path));
    int16_t *samples = NULL;
    size_t count = 0;
    int rate = 0;
    CHECK(speech_wav_read(path, &samples, &count, &rate, err, sizeof err) == 0);
    CHECK(rate == VOICEKEY_RATE_HZ);
    double r = rms(samples, 0, count);
    printf("live: synthesised clip %.2f s, RMS %.3f\n", (double)count / VOICEKEY_RATE_HZ, r);
    CHECK(count > (size_t)VOICEKEY_RATE_HZ && r > 0.05);
    free(samples);

    /* The session plans with every text's length, the rendered one too once the worker is done. */
    int rows = 0, with_ms = -1;
    const SessionClip *clips = audio_voice_clips(a, &rows);
    for (int i = 0; i < rows; i++)
        if (strcmp(clips[i].text, NEW_TEXT) == 0)
            with_ms = clips[i].ms;
    CHECK(rows > voicekey_standard_count());
    CHECK(with_ms == (int)(count * 1000 / VOICEKEY_RATE_HZ));

    /* Events are taken; a voice clip starts; pause, resume and volume work. */
    SessionEvent ev = cue_event(0, CUE_KIND_STANDARD, "Get ready.");
    audio_handle_event(a, &ev); /* a cue alone says nothing: the session's EV_VOICE does */
    CHECK(audio_voice_started(a) == 0);
    ev = voice_event(0, "Get ready.");
    audio_handle_event(a, &ev);
    ev = sound_event(0, SOUND_TICK);
    audio_handle_event(a, &ev);
    ev = voice_event(0, "A text nobody rendered.");
    audio_handle_event(a, &ev);
    for (int i = 0; i < 20; i++) {
        audio_update(a, 0);
        SDL_Delay(5);
    }
    if (audio_has_device(a))
        CHECK(audio_voice_started(a) >= 1);
    ev.type = EV_PAUSE;
    audio_handle_event(a, &ev);
    ev = voice_event(0, "Rest.");
    ev.voice = SESSION_VOICE_CUT; /* a press went on: the sentence stops */
    audio_handle_event(a, &ev);
    audio_update(a, 0);
    ev.type = EV_RESUME;
    audio_handle_event(a, &ev);
    audio_update(a, 0);

    int v = audio_volume_percent(a);
    CHECK(v == AUDIO_VOLUME_DEFAULT);
    audio_volume_step(a, +1);
    CHECK(audio_volume_percent(a) == v + 10);
    audio_volume_step(a, +5);
    CHECK(audio_volume_percent(a) == 100);
    audio_volume_step(a, -3);
    CHECK(audio_volume_percent(a) == 70);
    CHECK(!audio_muted(a));
    audio_toggle_mute(a);
    CHECK(audio_muted(a));
    CHECK(audio_warning_count(a) == 0);
    audio_free(a);

    /* Remembered between runs. */
    a = audio_new(".", NULL);
    CHECK(a && audio_volume_percent(a) == 70 && audio_muted(a));
    audio_free(a);
}

/* Still until resting: call audio_set_still as the app's loop does, at most max_ms. */
static bool rest_within(Audio *a, int max_ms)
{
    for (int waited = 0; waited < max_ms && !audio_resting(a); waited += 20) {
        audio_set_still(a, true);
        audio_update(a, 20);
        SDL_Delay(20);
    }
    return audio_resting(a);
}

/* A still screen closes the device (no mixing thread), but never over a sound, and the next
 * sound, voice, resume or moving screen opens it again before it plays. */
static void test_rest(const TinyRoutine *t)
{
    Audio *a = audio_new(".", &t->r);
    CHECK(a != NULL && wait_ready(a));
    if (!a || !audio_has_device(a)) {
        printf("rest: no device, nothing to rest\n");
        audio_free(a);
        return;
    }
    audio_update(a, 0);
    /* a moving screen never rests */
    for (int i = 0; i < AUDIO_REST_MS / 20 + 20; i++) {
        audio_set_still(a, false);
        SDL_Delay(20);
    }
    CHECK(!audio_resting(a));
    /* a clip being said is never cut: the device stays open until it has ended, then rests */
    CHECK(audio_clip_bytes(a) == 0); /* no clip is held before it is said */
    SessionEvent ev = voice_event(0, "Get ready.");
    Uint64 v0 = SDL_GetPerformanceCounter();
    audio_handle_event(a, &ev);
    double say_ms = (double)(SDL_GetPerformanceCounter() - v0) * 1000.0 / (double)SDL_GetPerformanceFrequency();
    printf("rest: a voice clip read and started in %.2f ms (%zu bytes)\n", say_ms, audio_clip_bytes(a));
    CHECK(Mix_Playing(AUDIO_VOICE_CHANNEL) == 1);
    CHECK(audio_clip_bytes(a) > 0); /* the clip being said, only */
    int started = audio_voice_started(a);
    Uint64 t0 = SDL_GetTicks64();
    while (Mix_Playing(AUDIO_VOICE_CHANNEL) && SDL_GetTicks64() - t0 < 30000) {
        audio_set_still(a, true);
        CHECK(!audio_resting(a));
        SDL_Delay(10);
    }
    audio_update(a, 0);
    CHECK(audio_clip_bytes(a) == 0); /* said: freed */
    CHECK(rest_within(a, 30000));
    CHECK(audio_has_device(a)); /* the volume is still shown: the device is ours, resting */
    CHECK(Mix_QuerySpec(NULL, NULL, NULL) == 0); /* closed: no mixing thread */
    /* a device appearing, or the retry, does not open a resting device */
    SDL_Event added = {0};
    added.type = SDL_AUDIODEVICEADDED;
    audio_device_event(a, &added);
    audio_update(a, AUDIO_RETRY_MS + 1); /* the retry is due, and leaves it resting */
    CHECK(audio_resting(a));

    /* the next effect opens it first and plays at once; the cost of that is the open call */
    ev = sound_event(0, SOUND_TICK);
    Uint64 c0 = SDL_GetPerformanceCounter();
    audio_handle_event(a, &ev);
    double wake_ms = (double)(SDL_GetPerformanceCounter() - c0) * 1000.0 / (double)SDL_GetPerformanceFrequency();
    CHECK(!audio_resting(a) && Mix_QuerySpec(NULL, NULL, NULL) == 1);
    CHECK(Mix_Playing(-1) == 1);
    printf("rest: woke for an effect in %.2f ms (driver %s)\n", wake_ms, SDL_GetCurrentAudioDriver());

    /* the next voice clip too */
    CHECK(rest_within(a, 30000));
    ev = voice_event(0, "Get ready.");
    audio_handle_event(a, &ev);
    CHECK(!audio_resting(a) && Mix_Playing(AUDIO_VOICE_CHANNEL) == 1);
    CHECK(audio_voice_started(a) == started + 1);

    /* paused: the voice stops, the device rests; resuming opens it again */
    ev.type = EV_PAUSE;
    audio_handle_event(a, &ev);
    CHECK(rest_within(a, 30000));
    ev = sound_event(0, SOUND_TICK); /* no effects while paused: it stays closed */
    audio_handle_event(a, &ev);
    CHECK(audio_resting(a));
    ev.type = EV_RESUME;
    audio_handle_event(a, &ev);
    CHECK(!audio_resting(a) && Mix_QuerySpec(NULL, NULL, NULL) == 1);

    /* a screen that moves again opens it too */
    CHECK(rest_within(a, 30000));
    audio_set_still(a, false);
    CHECK(!audio_resting(a) && Mix_QuerySpec(NULL, NULL, NULL) == 1);
    CHECK(audio_warning_count(a) == 0);
    audio_free(a);
}

static void test_bad_setups(const TinyRoutine *t)
{
    /* A data dir with no sounds: one warning, every call accepted. */
    Audio *a = audio_new("/nonexistent/unknot", &t->r);
    CHECK(a != NULL);
    wait_ready(a);
    SessionEvent ev = cue_event(0, CUE_KIND_STANDARD, "Rest.");
    audio_handle_event(a, &ev);
    ev = sound_event(0, SOUND_CHIME);
    audio_handle_event(a, &ev);
    audio_update(a, 0);
    CHECK(audio_warning_count(a) == 1);
    audio_free(a);

    /* No audio driver at all: one warning, a silent Audio. */
    char *saved = getenv("SDL_AUDIODRIVER") ? strdup(getenv("SDL_AUDIODRIVER")) : NULL;
    setenv("SDL_AUDIODRIVER", "no-such-driver", 1);
    a = audio_new(".", &t->r);
    CHECK(a != NULL && !audio_has_device(a));
    audio_handle_event(a, &ev);
    audio_update(a, 0);
    audio_set_paused(a, true);
    audio_set_paused(a, false);
    audio_volume_step(a, 1);
    CHECK(audio_warning_count(a) == 1);
    audio_free(a);
    if (saved)
        setenv("SDL_AUDIODRIVER", saved, 1);
    else
        unsetenv("SDL_AUDIODRIVER");
    free(saved);
}

static void test_soundtrack(const TinyRoutine *t, const char *dir)
{
    Soundtrack *st = soundtrack_new(".", &t->r);
    CHECK(st != NULL);
    if (!st)
        return;
    CHECK(soundtrack_warning(st)[0] == '\0');
    SessionEvent evs[] = {
        cue_event(1000, CUE_KIND_ROUTINE, NEW_TEXT), /* a cue places nothing: its EV_VOICE does */
        voice_event(1000, NEW_TEXT),
        sound_event(8000, SOUND_CHIME),
        voice_event(12000, "3"),
        sound_event(12100, SOUND_TICK), /* ducked under the voice */
        voice_event(12600, "2"),
    };
    for (size_t i = 0; i < sizeof evs / sizeof evs[0]; i++)
        soundtrack_add_event(st, &evs[i]);
    char path[600], err[256];
    snprintf(path, sizeof path, "%s/soundtrack.wav", dir);
    CHECK(soundtrack_write(st, path, err, sizeof err) == 0);
    CHECK(soundtrack_voice_count(st) == 3);
    soundtrack_free(st);

    int16_t *s = NULL;
    size_t n = 0;
    int rate = 0;
    CHECK(speech_wav_read(path, &s, &n, &rate, err, sizeof err) == 0);
    if (!s)
        return;
#define AT(ms) ((size_t)(ms)*VOICEKEY_RATE_HZ / 1000)
    double before = rms(s, 0, AT(1000));
    double cue = rms(s, AT(1000), AT(3000));
    double gap = rms(s, AT(5000), AT(7900));
    double chime = rms(s, AT(8000), AT(8500));
    double count = rms(s, AT(12000), AT(12500));
    printf("soundtrack: %.1f s; RMS before %.4f, cue %.3f, gap %.4f, chime %.3f, count %.3f\n",
           (double)n / VOICEKEY_RATE_HZ, before, cue, gap, chime, count);
    CHECK(rate == VOICEKEY_RATE_HZ && n > AT(13000));
    CHECK(before < 0.001 && gap < 0.001);
    CHECK(cue > 0.05 && chime > 0.05 && count > 0.05);
    free(s);
}

/* A routine of new words: each clip is planned as soon as the worker has made it, while it still
 * makes the rest, so the intro is said from its first cue instead of being captioned only. */
static void test_clip_by_clip(void)
{
    char src[4096];
    int n = snprintf(src, sizeof src,
                     "title \"Unknot clip by clip\"\nintro \"Unknot test: an intro made while you wait.\"\n"
                     "move child_pose\n  hold 20s\n");
    for (int k = 0; k < 24 && n > 0 && (size_t)n < sizeof src; k++)
        n += snprintf(src + n, sizeof src - (size_t)n, "  say start+%ds \"Unknot test cue number %d, slowly.\"\n",
                      k / 2 + 1, k);
    Routine r;
    RoutineErrors *errs = malloc(sizeof *errs);
    CHECK(errs && routine_parse("p.routine", src, strlen(src), &r, errs) == 0);
    free(errs);
    Audio *a = audio_new(".", &r);
    CHECK(a != NULL);
    if (!a || !audio_has_device(a)) {
        printf("clip by clip: no device, not run\n");
        audio_free(a);
        routine_free(&r);
        return;
    }
    int rows = 0, intro = -1;
    const SessionClip *clips = audio_voice_clips(a, &rows);
    for (int i = 0; i < rows; i++)
        if (strcmp(clips[i].text, r.intro) == 0)
            intro = i;
    CHECK(intro >= 0);
    for (int i = 0; i < 6000 && intro >= 0 && clips[intro].ms < 0; i++) { /* bounded: 60 s */
        audio_update(a, 10);
        SDL_Delay(10);
    }
    CHECK(intro >= 0 && clips[intro].ms > 0);
    CHECK(!audio_voice_ready(a)); /* planned while the worker still makes the other 24 */
    /* the session plans with the table as it is now: the intro is said */
    Session *s = malloc(sizeof *s);
    CHECK(s && session_init(s, &r) == 0);
    session_set_checkin_wait(s, 0);
    session_set_voice(s, clips, rows);
    SessionVoice fate = SESSION_VOICE_UNPLANNED;
    for (int t = 0; t < 120000 && fate == SESSION_VOICE_UNPLANNED; t += SESSION_TICK_MS) {
        session_step(s, NULL, SESSION_TICK_MS);
        SessionEvent ev;
        while (session_poll_event(s, &ev))
            if ((ev.type == EV_CUE || ev.type == EV_VOICE) && strcmp(ev.text, r.intro) == 0 &&
                ev.voice != SESSION_VOICE_WAITING)
                fate = ev.voice;
    }
    CHECK_INT(fate, SESSION_VOICE_SPOKEN);
    session_free(s);
    free(s);
    audio_free(a);
    routine_free(&r);
}

/* A new routine played at once (its clips not made yet): its stop-if lines, asked at 0 s with
 * the safety notice, wait for the worker to make their clips and are said (they were captioned
 * only, "no_clip"); the session runs as the app runs it, the worker on real time. */
static void test_clip_waits(void)
{
    const char *src = "title \"Unknot wait test\"\nstop-if \"Unknot test: your leg feels numb, stop now.\"\n"
                      "stop-if \"Unknot test: the pain spreads, stop now.\"\nmove child_pose\n  hold 20s\n";
    Routine r;
    RoutineErrors *errs = malloc(sizeof *errs);
    CHECK(errs && routine_parse("w.routine", src, strlen(src), &r, errs) == 0);
    free(errs);
    Audio *a = audio_new(".", &r);
    CHECK(a != NULL);
    if (!a || !audio_has_device(a)) {
        printf("clip waits: no device, not run\n");
        audio_free(a);
        routine_free(&r);
        return;
    }
    int rows = 0;
    const SessionClip *clips = audio_voice_clips(a, &rows);
    int coming = 0;
    for (int i = 0; i < rows; i++)
        coming += clips[i].ms == SESSION_CLIP_COMING;
    CHECK(coming >= 2); /* at least the two stop-if lines are being made */
    Session *s = malloc(sizeof *s);
    CHECK(s && session_init(s, &r) == 0);
    session_set_checkin_wait(s, 0);
    session_set_voice(s, clips, rows);
    SessionVoice fate[2] = {SESSION_VOICE_UNPLANNED, SESSION_VOICE_UNPLANNED};
    int cue[2] = {-1, -1};
    /* the session's clock runs as fast as it can except while a cue waits for its clip: then on real
     * time, as in the app (bounded: 120 s of session time) */
    for (int t = 0; t < 120000 && (fate[0] == SESSION_VOICE_UNPLANNED || fate[1] == SESSION_VOICE_UNPLANNED);
         t += SESSION_TICK_MS) {
        session_step(s, NULL, SESSION_TICK_MS);
        audio_update(a, SESSION_TICK_MS);
        SessionEvent ev;
        while (session_poll_event(s, &ev))
            for (int k = 0; k < 2; k++) {
                if (ev.type == EV_CUE && strcmp(ev.text, r.stop_if[k]) == 0)
                    cue[k] = ev.cue_id;
                if (ev.type == EV_VOICE && ev.cue_id == cue[k])
                    fate[k] = ev.voice;
            }
        if (s->clip_waits > 0)
            SDL_Delay(SESSION_TICK_MS);
    }
    CHECK_INT(fate[0], SESSION_VOICE_SPOKEN);
    CHECK_INT(fate[1], SESSION_VOICE_SPOKEN);
    session_free(s);
    free(s);
    audio_free(a);
    routine_free(&r);
}

int main(void)
{
    char cache[] = "/tmp/unknot-audio-cache-XXXXXX", config[] = "/tmp/unknot-audio-config-XXXXXX";
    char out[] = "/tmp/unknot-audio-out-XXXXXX";
    if (!mkdtemp(cache) || !mkdtemp(config) || !mkdtemp(out)) {
        fprintf(stderr, "test_audio: cannot make temp dirs\n");
        return 1;
    }
    setenv("XDG_CACHE_HOME", cache, 1);
    setenv("XDG_CONFIG_HOME", config, 1);
    if (!getenv("SDL_AUDIODRIVER"))
        setenv("SDL_AUDIODRIVER", "dummy", 1);

    TinyRoutine t;
    tiny_routine(&t);
    test_live(&t);
    test_clip_by_clip();
    test_clip_waits();
    test_rest(&t);
    test_bad_setups(&t);
    test_soundtrack(&t, out);
    SDL_Quit();

    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s' '%s' '%s'", cache, config, out);
    if (system(cmd) != 0)
        fprintf(stderr, "test_audio: could not remove temp dirs\n");
    return TEST_END();
}
