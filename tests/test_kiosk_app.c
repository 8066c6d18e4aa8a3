/* test_kiosk_app.c: kiosk mode through the real SDL event path (pushed events, a virtual pad)
 * into the app: the quit keys and the window's close do not quit; the chord plus the right PIN
 * does, a wrong one does not, five wrong ones lock; the idle reset fires at the set time and not
 * during a running hold; attract -> tiles -> workout -> results -> attract twice with nothing
 * carried over; kiosk.conf's bad lines are warnings and the rest applies; --set-pin's file; the
 * pad, the sound device (announced, and by its own 10 s retry) and the display going away and
 * coming back (full screen re-asserted on a real dummy-driver window).
 * Headless: dummy video, a software renderer on a surface (a window for the display test). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <SDL.h>
#include <sodium.h>

#include "app.h"
#include "apptest.h"
#include "audio.h"
#include "kioskapp.h"
#include "kioskconf.h"
#include "history.h"
#include "kioskdraw.h"
#include "render.h"
#include "sprites.h"
#include "testutil.h"

static const Kiosk *K(App *a)
{
    return kioskapp_state(app_kiosk(a));
}

/* Hold Ctrl+Alt+A for ms. */
static void chord_keys(App *a, int ms)
{
    apptest_push_key(SDLK_LCTRL, KMOD_LCTRL, true);
    apptest_push_key(SDLK_LALT, KMOD_LCTRL | KMOD_LALT, true);
    apptest_push_key(SDLK_a, KMOD_LCTRL | KMOD_LALT, true);
    apptest_run(a, ms, 1000);
    apptest_push_key(SDLK_a, KMOD_LCTRL | KMOD_LALT, false);
    apptest_push_key(SDLK_LALT, KMOD_LCTRL, false);
    apptest_push_key(SDLK_LCTRL, KMOD_NONE, false);
    apptest_run(a, 20, 1000);
}

static void type_digits(App *a, const char *d)
{
    for (; *d; d++)
        apptest_tap_mod(a, SDLK_0 + (*d - '0'), KMOD_NONE, 10);
    apptest_tap_mod(a, SDLK_RETURN, KMOD_NONE, 10);
}

static App *new_app(AppOptions *o, SDL_Renderer *ren)
{
    App *a = app_new(o, NULL, ren);
    CHECK(a != NULL);
    if (a) {
        app_update(a, 10);
        app_draw(a);
    }
    return a;
}

/* The quit keys and the window's close, on the attract loop and in a workout: still running. */
static void test_no_quit(AppOptions *o, SDL_Renderer *ren)
{
    App *a = new_app(o, ren);
    if (!a)
        return;
    apptest_push_type(SDL_QUIT);
    apptest_pump(a);
    app_update(a, 10);
    CHECK(app_running(a));
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_WINDOWEVENT;
    e.window.event = SDL_WINDOWEVENT_CLOSE;
    SDL_PushEvent(&e);
    apptest_pump(a);
    app_update(a, 10);
    CHECK(app_running(a));
    apptest_tap_mod(a, SDLK_F4, KMOD_LALT, 10);
    apptest_tap_mod(a, SDLK_q, KMOD_LCTRL, 10);
    CHECK(app_running(a));
    CHECK_INT(K(a)->screen, KIOSK_ATTRACT); /* Alt+F4 and Ctrl+Q are not "any button" either */
    apptest_tap_mod(a, SDLK_ESCAPE, KMOD_NONE, 10); /* on the attract loop any key starts: Esc too */
    CHECK(app_running(a));
    CHECK_INT(K(a)->screen, KIOSK_TILES);
    apptest_tap_mod(a, SDLK_q, KMOD_NONE, 10);
    apptest_tap_mod(a, SDLK_ESCAPE, KMOD_NONE, 10); /* Esc on the tiles goes back to the attract loop */
    CHECK_INT(K(a)->screen, KIOSK_ATTRACT);
    apptest_tap_mod(a, SDLK_SPACE, KMOD_NONE, 10);
    apptest_tap_mod(a, SDLK_RETURN, KMOD_NONE, 10);
    CHECK_INT(K(a)->screen, KIOSK_WORKOUT);
    CHECK(app_session(a) != NULL);
    /* in a workout: Esc pauses (as at home), the rest does nothing; nothing quits the program */
    apptest_tap_mod(a, SDLK_ESCAPE, KMOD_NONE, 10);
    CHECK(app_session(a) && app_session(a)->paused);
    apptest_tap_mod(a, SDLK_F4, KMOD_LALT, 10);
    apptest_tap_mod(a, SDLK_q, KMOD_LCTRL, 10);
    apptest_push_type(SDL_QUIT);
    apptest_pump(a);
    app_update(a, 10);
    CHECK(app_running(a));
    CHECK(app_session(a) != NULL);
    app_free(a);
}

/* The chord, wrong and right PINs, the lock-out, the admin exit. */
static void test_pin(AppOptions *o, SDL_Renderer *ren)
{
    App *a = new_app(o, ren);
    if (!a)
        return;
    chord_keys(a, 3000); /* too short */
    CHECK_INT(K(a)->screen, KIOSK_ATTRACT);
    chord_keys(a, KIOSK_CHORD_MS + 50);
    CHECK_INT(K(a)->screen, KIOSK_PIN);
    type_digits(a, "1357");
    CHECK_INT(K(a)->screen, KIOSK_PIN);
    CHECK_INT(K(a)->note, KIOSK_NOTE_WRONG_PIN);
    CHECK(app_running(a));
    type_digits(a, "2468");
    CHECK_INT(K(a)->screen, KIOSK_ADMIN);
    apptest_run(a, 100, 1000);
    apptest_tap_mod(a, SDLK_DOWN, KMOD_NONE, 10);
    apptest_tap_mod(a, SDLK_RETURN, KMOD_NONE, 10); /* "Exit the kiosk" */
    CHECK(!app_running(a));
    app_free(a);

    /* five wrong PINs lock the keypad: the right one is then refused for a minute */
    a = new_app(o, ren);
    if (!a)
        return;
    chord_keys(a, KIOSK_CHORD_MS + 50);
    for (int i = 0; i < KIOSK_PIN_TRIES; i++)
        type_digits(a, "0000");
    CHECK_INT(K(a)->note, KIOSK_NOTE_LOCKED);
    type_digits(a, "2468");
    CHECK_INT(K(a)->screen, KIOSK_PIN);
    CHECK(app_running(a));
    apptest_run(a, KIOSK_LOCKOUT_MS - 5000, 1000);
    CHECK(kiosk_locked_ms(K(a)) > 0);
    apptest_run(a, 5000, 1000);
    CHECK_INT(kiosk_locked_ms(K(a)), 0);
    /* the keypad by touch: the PIN screen went back to attract while idle, so chord again */
    chord_keys(a, KIOSK_CHORD_MS + 50);
    CHECK_INT(K(a)->screen, KIOSK_PIN);
    Render *rd = app_render(a);
    /* tap 2, 4, 6, 8, OK on the drawn keypad (found by scanning for the item under the point) */
    const int want[] = {KEYPAD_2, KEYPAD_4, KEYPAD_6, KEYPAD_8, KEYPAD_OK};
    for (int i = 0; i < 5; i++) {
        bool tapped = false;
        for (int y = 0; y < rd->h && !tapped; y += 20)
            for (int x = 0; x < rd->w && !tapped; x += 20)
                if (kioskdraw_item_at(rd, K(a), x, y) == want[i]) {
                    apptest_click_at(a, x, y, 10);
                    tapped = true;
                }
        CHECK(tapped);
    }
    CHECK_INT(K(a)->screen, KIOSK_ADMIN);
    app_free(a);

    /* the pad chord: Start + Back held on a virtual pad */
    a = new_app(o, ren);
    if (!a)
        return;
    int index;
    SDL_Joystick *joy = apptest_pad_attach(&index);
    CHECK(index >= 0);
    apptest_pump(a);
    SDL_JoystickSetVirtualButton(joy, SDL_CONTROLLER_BUTTON_START, 1);
    SDL_JoystickSetVirtualButton(joy, SDL_CONTROLLER_BUTTON_BACK, 1);
    SDL_JoystickUpdate();
    apptest_run(a, KIOSK_CHORD_MS + 50, 1000);
    CHECK_INT(K(a)->screen, KIOSK_PIN);
    SDL_JoystickSetVirtualButton(joy, SDL_CONTROLLER_BUTTON_START, 0);
    SDL_JoystickSetVirtualButton(joy, SDL_CONTROLLER_BUTTON_BACK, 0);
    SDL_JoystickUpdate();
    apptest_run(a, 20, 1000);
    apptest_pad_detach(joy, index);
    apptest_pump(a);
    app_free(a);
}

/* Idle: a running hold keeps the workout; a self-paced step waiting for presses does not. */
static void test_idle(AppOptions *o, SDL_Renderer *ren)
{
    App *a = new_app(o, ren);
    if (!a)
        return;
    apptest_tap_mod(a, SDLK_SPACE, KMOD_NONE, 10);
    apptest_tap_mod(a, SDLK_RETURN, KMOD_NONE, 10);
    CHECK_INT(K(a)->screen, KIOSK_WORKOUT);
    const Session *s = app_session(a);
    CHECK(s != NULL);
    if (!s) {
        app_free(a);
        return;
    }
    /* the safety notice runs by itself (as long as the session planned it: read aloud, then a few
     * seconds for a press); the pain check-in waits for an answer: S skips it */
    apptest_run(a, s->segments[0].duration_ms + 100, 1000);
    CHECK_INT(s->segments[s->seg].kind, SEG_PAIN_BEFORE);
    apptest_tap_mod(a, SDLK_s, KMOD_NONE, 10);
    /* intro + get ready (as planned) + 10 s into the 30 s hold, with no input; idle is 20 s */
    CHECK_INT(s->segments[s->seg].kind, SEG_INTRO);
    apptest_run(a, s->segments[s->seg].duration_ms + s->segments[s->seg + 1].duration_ms + 10000, 1000);
    CHECK_INT(K(a)->screen, KIOSK_WORKOUT);
    CHECK_INT(s->segments[s->seg].kind, SEG_WORK);
    CHECK_INT(s->segments[s->seg].step, 0);
    /* the rest of the hold (30 s in all, longer than the idle time) with no input: never reset;
     * then the self-paced step: it waits for presses, so idle time counts from its start */
    while (app_session(a) && K(a)->screen == KIOSK_WORKOUT && !session_view(s, 0).awaiting_press)
        apptest_run(a, 10, 1000);
    CHECK_INT(K(a)->screen, KIOSK_WORKOUT);
    if (K(a)->screen != KIOSK_WORKOUT) {
        app_free(a);
        return;
    }
    apptest_run(a, 19900, 1000);
    CHECK_INT(K(a)->screen, KIOSK_WORKOUT);
    apptest_run(a, 200, 1000);
    CHECK_INT(K(a)->screen, KIOSK_STILL_THERE);
    app_draw(a);
    /* a press brings the workout back where it was */
    int seg = s->seg;
    apptest_tap_mod(a, SDLK_SPACE, KMOD_NONE, 10);
    CHECK_INT(K(a)->screen, KIOSK_WORKOUT);
    CHECK_INT(s->seg, seg);
    CHECK_INT(s->reps_counted, 0); /* the press that answered "Still there?" was not a rep */
    /* nobody again: "Still there?" after 20 s, then 10 s later the attract loop, workout gone */
    apptest_run(a, 20100, 1000);
    CHECK_INT(K(a)->screen, KIOSK_STILL_THERE);
    apptest_run(a, KIOSK_STILL_THERE_MS - 200, 1000);
    CHECK_INT(K(a)->screen, KIOSK_STILL_THERE);
    apptest_run(a, 300, 1000);
    CHECK_INT(K(a)->screen, KIOSK_ATTRACT);
    CHECK(app_session(a) == NULL);
    /* dropped mid-step: the motion arrows it showed went with it */
    CHECK(!app_arrows_held(a));
    app_free(a);
}

/* attract -> tiles -> workout -> results -> attract, twice; the first visitor with a patient code. */
static void test_loop(AppOptions *o, SDL_Renderer *ren)
{
    App *a = new_app(o, ren);
    if (!a)
        return;
    for (int round = 0; round < 2; round++) {
        CHECK_INT(K(a)->screen, KIOSK_ATTRACT);
        CHECK_STR(K(a)->code, "");
        CHECK(app_session(a) == NULL);
        apptest_tap_mod(a, SDLK_SPACE, KMOD_NONE, 10);
        CHECK_INT(K(a)->screen, KIOSK_TILES);
        CHECK_INT(K(a)->focus, 0);
        if (round == 0) {
            apptest_tap_mod(a, SDLK_DOWN, KMOD_NONE, 10); /* the patient-code button under the tiles */
            apptest_tap_mod(a, SDLK_RETURN, KMOD_NONE, 10);
            CHECK_INT(K(a)->screen, KIOSK_CODE);
            type_digits(a, "4711");
            CHECK_INT(K(a)->screen, KIOSK_TILES);
            CHECK_STR(K(a)->code, "4711");
            app_draw(a);
            apptest_tap_mod(a, SDLK_UP, KMOD_NONE, 10);
        }
        apptest_tap_mod(a, SDLK_RETURN, KMOD_NONE, 10);
        CHECK_INT(K(a)->screen, KIOSK_WORKOUT);
        const Session *s = app_session(a);
        CHECK(s != NULL);
        if (!s)
            break;
        CHECK_INT(s->segments[s->seg].kind, SEG_SAFETY);
        CHECK_INT(s->score.score, 0);
        apptest_run(a, s->segments[0].duration_ms + 100, 1000); /* the safety notice as planned (read aloud) */
        apptest_tap_mod(a, SDLK_s, KMOD_NONE, 10); /* no pain check-in */
        apptest_run(a, 25000, 1000);
        apptest_tap_mod(a, SDLK_q, KMOD_NONE, 10); /* end the workout: the pain check-in after it, then its results */
        apptest_tap_mod(a, SDLK_q, KMOD_NONE, 10);
        CHECK(app_session(a) != NULL);
        CHECK_INT(s->segments[s->seg].kind, SEG_RESULTS);
        apptest_run(a, SESSION_RESULTS_MS + 100, 1000);
        CHECK_INT(K(a)->screen, KIOSK_ATTRACT);
        CHECK(app_session(a) == NULL);
    }
    CHECK_INT(K(a)->workouts_started, 2);
    app_free(a);
}

/* One visitor: a patient code (or none), the first routine, done to the end or ended early. */
static void visit(App *a, const char *code, bool complete)
{
    apptest_tap_mod(a, SDLK_SPACE, KMOD_NONE, 10);
    if (code) {
        apptest_tap_mod(a, SDLK_DOWN, KMOD_NONE, 10);
        apptest_tap_mod(a, SDLK_RETURN, KMOD_NONE, 10);
        type_digits(a, code);
        apptest_tap_mod(a, SDLK_UP, KMOD_NONE, 10);
    }
    apptest_tap_mod(a, SDLK_RETURN, KMOD_NONE, 10);
    const Session *s = app_session(a);
    CHECK(s != NULL);
    if (!s)
        return;
    apptest_run(a, s->segments[0].duration_ms + 100, 1000); /* the safety notice as planned (read aloud) */
    apptest_tap_mod(a, SDLK_s, KMOD_NONE, 10); /* skip the pain check-in */
    if (!complete) {
        apptest_run(a, 30000, 1000);
        apptest_tap_mod(a, SDLK_q, KMOD_NONE, 10);
    } else {
        /* the hold runs by itself; the self-paced reps are pressed, a little over a second apart */
        while (app_session(a) && !session_view(s, 0).awaiting_press)
            apptest_run(a, 100, 1000);
        for (int i = 0; i < 10 && app_session(a); i++) {
            apptest_tap_mod(a, SDLK_SPACE, KMOD_NONE, 10);
            apptest_run(a, 1200, 1000);
        }
    }
    apptest_run(a, 12000, 1000);
    if (app_session(a) && s->segments[s->seg].kind == SEG_PAIN_AFTER)
        apptest_tap_mod(a, SDLK_s, KMOD_NONE, 10);
    if (app_session(a)) {
        CHECK_INT(s->segments[s->seg].kind, SEG_RESULTS);
        CHECK_INT(s->ended_early, !complete);
    }
    apptest_run(a, SESSION_RESULTS_MS, 1000);
    CHECK(app_session(a) == NULL);
    CHECK_INT(K(a)->screen, KIOSK_ATTRACT);
}

/* Patient codes keep apart in the history; the attract loop counts every workout of the day. */
static void test_codes(AppOptions *o, SDL_Renderer *ren)
{
    App *a = new_app(o, ren);
    if (!a)
        return;
    visit(a, "4711", true);
    visit(a, "5555", false);
    visit(a, NULL, true);
    History *h = app_history(a);
    CHECK(h != NULL);
    int64_t now = (int64_t)time(NULL);
    int32_t off = history_local_offset(now);
    StreakSummary sum;
    int n = -1;
    CHECK_INT(history_streak(h, "4711", now, off, 0, &sum), 0);
    CHECK_INT(sum.current, 1);
    CHECK_INT(history_streak(h, "5555", now, off, 0, &sum), 0);
    CHECK_INT(sum.current, 0); /* ended early: the day does not count for that code */
    CHECK_INT(history_streak(h, "1234", now, off, 0, &sum), 0);
    CHECK_INT(sum.current, 0);
    CHECK_INT(history_today_count(h, "4711", now, off, &n), 0);
    CHECK_INT(n, 1);
    CHECK_INT(history_today_count(h, "5555", now, off, &n), 0);
    CHECK_INT(n, 0); /* "done today" counts the workouts that count for a streak */
    CHECK_INT(history_today_count(h, NULL, now, off, &n), 0);
    CHECK_INT(n, 2);
    /* the attract loop says so */
    app_update(a, 10);
    app_draw(a);
    /* the next visit with 4711 is told its streak on the tiles */
    apptest_tap_mod(a, SDLK_SPACE, KMOD_NONE, 10);
    apptest_tap_mod(a, SDLK_DOWN, KMOD_NONE, 10);
    apptest_tap_mod(a, SDLK_RETURN, KMOD_NONE, 10);
    type_digits(a, "4711");
    CHECK_STR(K(a)->code, "4711");
    app_free(a);
}

static void test_config(const char *dir)
{
    char path[512];
    snprintf(path, sizeof path, "%s/bad.conf", dir);
    apptest_write_file(path,
                       "# a kiosk\n[kiosk]\nclinic = Riverside Physio\nthis line is nonsense\nidle_seconds = soon\n"
                       "volume = 55\nwobble = 3\npatient_codes = yes\nroutines = a, b.routine\n[other]\nx = 1\n");
    KioskConfig c;
    CHECK_INT(kioskconf_load(path, &c), 0);
    CHECK_INT(c.warnings, 4); /* lines 4, 5, 7 and 11 */
    CHECK_STR(c.clinic, "Riverside Physio");
    CHECK_INT(c.idle_seconds, 60);
    CHECK_INT(c.volume, 55);
    CHECK(c.patient_codes);
    CHECK_INT(c.routine_count, 2);
    CHECK_STR(c.routines[0], "a.routine");
    CHECK_STR(c.routines[1], "b.routine");
    CHECK(!c.pin_hash[0]);
    /* --set-pin's writer: the PIN only as a hash, every other line kept, written whole */
    char err[256];
    CHECK(kioskconf_set_pin(path, "12", err, sizeof err) < 0);
    CHECK_INT(kioskconf_set_pin(path, "97531", err, sizeof err), 0);
    CHECK_INT(kioskconf_load(path, &c), 0);
    CHECK_STR(c.clinic, "Riverside Physio");
    CHECK(c.pin_hash[0] == '$');
    CHECK(kioskconf_check_pin(&c, "97531"));
    CHECK(!kioskconf_check_pin(&c, "97532"));
    CHECK_INT(kioskconf_set_pin(path, "8642", err, sizeof err), 0);
    KioskConfig c2;
    kioskconf_load(path, &c2);
    CHECK(kioskconf_check_pin(&c2, "8642"));
    CHECK(!kioskconf_check_pin(&c2, "97531"));
    char *text = NULL;
    FILE *f = fopen(path, "r");
    if (f) {
        text = calloc(1, 4096);
        if (text)
            fread(text, 1, 4095, f);
        fclose(f);
    }
    CHECK(text && !strstr(text, "8642"));
    int hashes = 0;
    for (const char *p = text; p && (p = strstr(p, "pin_hash")) != NULL; p++)
        hashes++;
    CHECK_INT(hashes, 1); /* the old hash replaced, not added to */
    free(text);
    struct stat st;
    CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600); /* the hash is as private as the PIN */
    /* a missing file is the defaults without a word */
    snprintf(path, sizeof path, "%s/none.conf", dir);
    CHECK_INT(kioskconf_load(path, &c), 0);
    CHECK_INT(c.warnings, 0);
    CHECK_INT(c.idle_seconds, 60);
}

static void push_device(Uint32 type, Uint32 which, bool capture)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = type;
    e.adevice.which = which;
    e.adevice.iscapture = capture;
    SDL_PushEvent(&e);
}

/* Draw until the figure's move has loaded on its worker: it is then on screen. The loader parses and
 * solves the move's pose file, which under ASan on a loaded machine took more than 2 s, so the wait
 * is bounded only to keep a broken loader from hanging the test (60 s). */
static void draw_figure(App *a)
{
    for (int i = 0; i < 6000; i++) {
        app_draw(a);
        if (sprites_memory_bytes(app_render(a)->sprites) > 0)
            break;
        SDL_Delay(10);
    }
}

/* The pad, the sound device and the display going away and coming back, through SDL's events:
 * the kiosk carries on by itself each time. */
static void test_devices(AppOptions *o, SDL_Renderer *ren)
{
    App *a = new_app(o, ren);
    if (!a)
        return;
    Render *rd = app_render(a);
    /* the display: a render device reset loses every texture; they are made again */
    apptest_run(a, 1000, 1000);
    draw_figure(a);
    CHECK(sprites_memory_bytes(rd->sprites) > 0);
    CHECK(text_stats(rd->text).cached_bytes > 0);
    unsigned renders = text_stats(rd->text).renders;
    apptest_push_type(SDL_RENDER_DEVICE_RESET);
    apptest_pump(a);
    CHECK_INT(sprites_memory_bytes(rd->sprites), 0);
    CHECK_INT(text_stats(rd->text).cached_bytes, 0);
    app_update(a, 10);
    draw_figure(a);
    CHECK(sprites_memory_bytes(rd->sprites) > 0);
    CHECK(text_stats(rd->text).renders > renders);
    CHECK_INT(K(a)->screen, KIOSK_ATTRACT);
    /* targets reset, a size change, a display unplugged and back: text is rendered again */
    Uint32 kinds[] = {SDL_RENDER_TARGETS_RESET, SDL_WINDOWEVENT, SDL_DISPLAYEVENT, SDL_DISPLAYEVENT};
    for (int i = 0; i < 4; i++) {
        SDL_Event e;
        memset(&e, 0, sizeof e);
        e.type = kinds[i];
        if (kinds[i] == SDL_WINDOWEVENT)
            e.window.event = SDL_WINDOWEVENT_SIZE_CHANGED;
        if (kinds[i] == SDL_DISPLAYEVENT)
            e.display.event = i == 2 ? SDL_DISPLAYEVENT_DISCONNECTED : SDL_DISPLAYEVENT_CONNECTED;
        SDL_PushEvent(&e);
        apptest_pump(a);
        renders = text_stats(rd->text).renders;
        apptest_run(a, 100, 1000);
        app_draw(a);
        CHECK(text_stats(rd->text).renders > renders);
        CHECK(app_running(a));
        CHECK_INT(K(a)->screen, KIOSK_ATTRACT);
    }

    /* the pad: unplugged on the tiles, plugged back, and it starts the workout */
    int index;
    SDL_Joystick *joy = apptest_pad_attach(&index);
    CHECK(index >= 0);
    apptest_pump(a);
    apptest_pad_tap(a, joy, SDL_CONTROLLER_BUTTON_A, 10);
    CHECK_INT(K(a)->screen, KIOSK_TILES);
    apptest_pad_detach(joy, index); /* SDL_CONTROLLERDEVICEREMOVED */
    apptest_run(a, 2000, 1000);
    CHECK(app_running(a));
    CHECK_INT(K(a)->screen, KIOSK_TILES);
    joy = apptest_pad_attach(&index); /* SDL_CONTROLLERDEVICEADDED */
    CHECK(index >= 0);
    apptest_pump(a);
    apptest_pad_tap(a, joy, SDL_CONTROLLER_BUTTON_A, 10);
    CHECK_INT(K(a)->screen, KIOSK_WORKOUT);
    CHECK(app_session(a) != NULL);

    /* the sound device: lost mid-workout (silent, captions go on), then back */
    CHECK(audio_has_device(app_audio(a)));
    push_device(SDL_AUDIODEVICEREMOVED, 2, true); /* a microphone: not ours */
    apptest_pump(a);
    CHECK(audio_has_device(app_audio(a)));
    push_device(SDL_AUDIODEVICEREMOVED, 2, false);
    apptest_pump(a);
    CHECK(!audio_has_device(app_audio(a)));
    const Session *s = app_session(a);
    int64_t t0 = s ? s->t_ms : 0;
    apptest_run(a, 3000, 1000);
    CHECK(app_running(a));
    CHECK_INT(K(a)->screen, KIOSK_WORKOUT);
    s = app_session(a);
    CHECK(s && s->t_ms > t0);
    push_device(SDL_AUDIODEVICEADDED, 0, false);
    apptest_pump(a);
    CHECK(audio_has_device(app_audio(a)));
    /* lost again and never announced back: the next workout opens it again */
    push_device(SDL_AUDIODEVICEREMOVED, 2, false);
    apptest_pump(a);
    CHECK(!audio_has_device(app_audio(a)));
    apptest_tap_mod(a, SDLK_q, KMOD_NONE, 10);
    apptest_tap_mod(a, SDLK_q, KMOD_NONE, 10);
    apptest_run(a, SESSION_RESULTS_MS + 100, 1000);
    CHECK_INT(K(a)->screen, KIOSK_ATTRACT);
    apptest_pad_tap(a, joy, SDL_CONTROLLER_BUTTON_A, 10);
    apptest_pad_tap(a, joy, SDL_CONTROLLER_BUTTON_A, 10);
    CHECK_INT(K(a)->screen, KIOSK_WORKOUT);
    CHECK(audio_has_device(app_audio(a)));
    CHECK_INT(K(a)->workouts_started, 2);
    apptest_pad_detach(joy, index);
    apptest_pump(a);
    app_free(a);
}

/* Whether win is full screen on display 0 at exactly its size. */
static bool fills_display(SDL_Window *win)
{
    SDL_Rect d;
    int x, y, w, h;
    if (SDL_GetDisplayBounds(0, &d) != 0)
        return false;
    SDL_GetWindowPosition(win, &x, &y);
    SDL_GetWindowSize(win, &w, &h);
    return (SDL_GetWindowFlags(win) & SDL_WINDOW_FULLSCREEN_DESKTOP) == SDL_WINDOW_FULLSCREEN_DESKTOP && x == d.x &&
           y == d.y && w == d.w && h == d.h;
}

/* The display unplugged and plugged back, through SDL's events into a real (dummy driver) window:
 * the window system dropped full screen and shrank the window meanwhile; the kiosk makes it fill
 * the display again by itself, on the display's return and on the window's own events, and when
 * the window is made smaller from outside while the display is there. */
static void test_display(AppOptions *o)
{
    SDL_Rect d;
    CHECK(SDL_GetDisplayBounds(0, &d) == 0);
    SDL_Window *win = SDL_CreateWindow("unknot", d.x, d.y, d.w, d.h, SDL_WINDOW_BORDERLESS);
    CHECK(win != NULL);
    SDL_Renderer *ren = win ? SDL_CreateRenderer(win, -1, SDL_RENDERER_SOFTWARE) : NULL;
    CHECK(ren != NULL);
    App *a = ren ? app_new(o, win, ren) : NULL;
    CHECK(a != NULL);
    if (!a) {
        if (ren)
            SDL_DestroyRenderer(ren);
        if (win)
            SDL_DestroyWindow(win);
        return;
    }
    app_update(a, 10);
    app_draw(a);
    SDL_SetWindowFullscreen(win, SDL_WINDOW_FULLSCREEN_DESKTOP); /* as app_play does after the first frame */
    apptest_run(a, 3000, 1000);
    CHECK(fills_display(win)); /* nothing to re-assert: nothing changed */
    SDL_Event e;
    for (int round = 0; round < 3; round++) {
        /* the display goes: the window system takes full screen away and shrinks the window */
        memset(&e, 0, sizeof e);
        e.type = SDL_DISPLAYEVENT;
        e.display.event = SDL_DISPLAYEVENT_DISCONNECTED;
        SDL_PushEvent(&e);
        SDL_SetWindowFullscreen(win, 0);
        SDL_SetWindowSize(win, 640, 360);
        SDL_SetWindowPosition(win, 50, 40);
        apptest_run(a, 3000, 1000);
        CHECK(!fills_display(win)); /* no display yet: nothing to fill, and nothing tried on it */
        CHECK(app_running(a));
        /* it comes back: round 0 as a display connected, 1 as the window moved to a display,
         * 2 as the window restored */
        memset(&e, 0, sizeof e);
        if (round == 0) {
            e.type = SDL_DISPLAYEVENT;
            e.display.event = SDL_DISPLAYEVENT_CONNECTED;
        } else {
            e.type = SDL_WINDOWEVENT;
            e.window.windowID = SDL_GetWindowID(win);
            e.window.event = round == 1 ? SDL_WINDOWEVENT_DISPLAY_CHANGED : SDL_WINDOWEVENT_RESTORED;
        }
        SDL_PushEvent(&e);
        apptest_run(a, 3000, 1000);
        CHECK(fills_display(win));
        CHECK_INT(K(a)->screen, KIOSK_ATTRACT);
        int w = 0, h = 0;
        SDL_GetRendererOutputSize(ren, &w, &h);
        CHECK_INT(w, d.w); /* and it draws at the display's size */
        CHECK_INT(h, d.h);
    }
    /* made smaller and moved from outside with the display there (xdotool, a stray window
     * manager): it covers the display again by itself (kiosk_x11_test does it on a real X server) */
    SDL_SetWindowSize(win, 640, 360);
    SDL_SetWindowPosition(win, 50, 40);
    apptest_run(a, 3000, 1000);
    CHECK(fills_display(win));
    app_free(a);
    SDL_DestroyRenderer(ren);
    SDL_DestroyWindow(win);
}

/* Run the app for ms in 10 ms frames with the mouse moved every second: someone is there, so the
 * idle reset stays away whatever step the workout is on. */
static void run_active(App *a, int ms)
{
    for (int t = 0; t < ms; t += 1000) {
        SDL_Event e;
        memset(&e, 0, sizeof e);
        e.type = SDL_MOUSEMOTION;
        e.motion.x = 400 + t / 1000 % 2;
        e.motion.y = 300;
        SDL_PushEvent(&e);
        apptest_run(a, ms - t < 1000 ? ms - t : 1000, 1000);
    }
}

/* The sound device's own retry, with no SDL_AUDIODEVICEADDED ever sent: SDL's disk driver writing
 * into a folder that does not exist cannot open (the device is away), one that exists can (it is
 * back). The retry counts the app's frame time, so the interval is checked on simulated time: not
 * before AUDIO_RETRY_MS, then at it; a retry that fails waits a whole interval again. */
static void test_audio_retry(AppOptions *o, SDL_Renderer *ren, const char *dir)
{
    char away[400], back[400];
    snprintf(away, sizeof away, "%s/no-such-folder/sound.raw", dir);
    snprintf(back, sizeof back, "%s/sound.raw", dir);
    setenv("SDL_AUDIODRIVER", "disk", 1);
    setenv("SDL_DISKAUDIOFILE", away, 1);
    App *a = new_app(o, ren);
    if (a) {
        apptest_tap_mod(a, SDLK_SPACE, KMOD_NONE, 10);
        apptest_tap_mod(a, SDLK_RETURN, KMOD_NONE, 10); /* the workout's Audio is made now, and finds no device */
        CHECK_INT(K(a)->screen, KIOSK_WORKOUT);
        CHECK(!audio_has_device(app_audio(a)));
        setenv("SDL_DISKAUDIOFILE", back, 1); /* the device is back, and nothing says so */
        run_active(a, AUDIO_RETRY_MS - 1000);
        CHECK(!audio_has_device(app_audio(a))); /* not tried yet: no try at every frame */
        run_active(a, 1100);
        CHECK(audio_has_device(app_audio(a))); /* tried once the interval was up: open */
        struct stat st;
        CHECK(stat(back, &st) == 0); /* it is SDL's disk device that opened */

        /* lost mid-workout, and still away at the first retry */
        setenv("SDL_DISKAUDIOFILE", away, 1);
        push_device(SDL_AUDIODEVICEREMOVED, 2, false);
        apptest_pump(a);
        CHECK(!audio_has_device(app_audio(a)));
        run_active(a, AUDIO_RETRY_MS + 100);
        CHECK(!audio_has_device(app_audio(a))); /* tried, failed */
        setenv("SDL_DISKAUDIOFILE", back, 1);
        run_active(a, AUDIO_RETRY_MS - 1000);
        CHECK(!audio_has_device(app_audio(a))); /* the failed try waits a whole interval again */
        run_active(a, 1100);
        CHECK(audio_has_device(app_audio(a)));
        CHECK_INT(K(a)->screen, KIOSK_WORKOUT); /* the same visitor's workout all along */
        CHECK(app_running(a));
        app_free(a);
    }
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    unsetenv("SDL_DISKAUDIOFILE");
}

int main(void)
{
    char dir[] = "/tmp/unknot-kiosk-XXXXXX";
    if (!mkdtemp(dir) || sodium_init() < 0)
        return 1;
    char levels[300], conf[300], path[400];
    setenv("XDG_CONFIG_HOME", dir, 1);
    setenv("XDG_CACHE_HOME", dir, 1);
    setenv("XDG_DATA_HOME", dir, 1);
    snprintf(levels, sizeof levels, "%s/levels", dir);
    mkdir(levels, 0755);
    snprintf(path, sizeof path, "%s/k.routine", levels);
    apptest_write_file(path, "title \"Kiosk test\"\nmove child_pose\n  hold 30s\nmove cat_camel\n  reps 10 tempo 2s\n"
                             "  pacing self\n");
    /* a cheap hash for the test (the real --set-pin uses the interactive cost) */
    char hash[crypto_pwhash_STRBYTES], text[512];
    CHECK(crypto_pwhash_str(hash, "2468", 4, crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN) == 0);
    snprintf(conf, sizeof conf, "%s/kiosk.conf", dir);
    snprintf(text, sizeof text, "[kiosk]\nidle_seconds = 20\npatient_codes = yes\npin_hash = %s\n", hash);
    apptest_write_file(conf, text);

    test_config(dir);

    CHECK(apptest_init());
    AppTestScreen scr;
    CHECK(apptest_screen_open(&scr, 1280, 720));
    SDL_Renderer *ren = scr.renderer;
    AppOptions o = {0};
    o.data_dir = ".";
    o.levels_dir = levels;
    o.width = 1280;
    o.height = 720;
    o.kiosk = true;
    o.kiosk_config = conf;
    test_no_quit(&o, ren);
    test_pin(&o, ren);
    test_idle(&o, ren);
    test_loop(&o, ren);
    test_devices(&o, ren);
    test_audio_retry(&o, ren, dir);
    test_display(&o);
    char db[400];
    snprintf(db, sizeof db, "%s/history.db", dir);
    o.history_path = db;
    test_codes(&o, ren);
    apptest_screen_close(&scr);
    apptest_quit();
    return TEST_END();
}
