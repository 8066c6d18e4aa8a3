/* test_checkin_input.c: the pain check-ins answered through real SDL events: arrows, digits
 * ("1" then "0" is 10) and Enter on the keyboard; d-pad and A on a virtual gamepad; taps on the
 * numbers and the OK button; skipped with one press of S, pad B or the Skip button; a digit
 * bound to an action keeps its action. Headless: dummy video, software renderer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <SDL.h>

#include "app.h"
#include "apptest.h"
#include "checkin.h"
#include "testutil.h"

/* A fresh app on the routine, at the before check-in (the safety notice pressed away). */
static App *at_checkin(const AppOptions *o, SDL_Renderer *ren)
{
    App *a = app_new(o, NULL, ren);
    CHECK(a != NULL);
    if (!a)
        return NULL;
    app_update(a, 10);
    apptest_tap(a, SDLK_SPACE);
    CHECK_INT(apptest_kind(a), SEG_PAIN_BEFORE);
    CHECK(session_checkin_open(app_session(a)));
    return a;
}

int main(void)
{
    char dir[] = "/tmp/unknot-checkin-XXXXXX";
    if (!mkdtemp(dir))
        return 1;
    char path[256], cfgdir[256], bindings[300];
    snprintf(cfgdir, sizeof cfgdir, "%s/unknot", dir);
    setenv("XDG_CONFIG_HOME", dir, 1);
    setenv("XDG_CACHE_HOME", dir, 1);
    setenv("XDG_DATA_HOME", dir, 1);
    mkdir(cfgdir, 0755);
    snprintf(bindings, sizeof bindings, "%s/bindings.conf", cfgdir);
    snprintf(path, sizeof path, "%s/t.routine", dir);
    apptest_write_file(path, "title \"Check-in test\"\nmove child_pose\n  hold 20s\nmove child_pose\n  hold 20s\n");

    CHECK(apptest_init());
    AppTestScreen scr;
    CHECK(apptest_screen_open(&scr, 1280, 720));
    SDL_Renderer *ren = scr.renderer;
    Render rd = scr.render;
    PainPickLayout pl = checkin_picker_layout(&rd);
    AppOptions o = {0};
    o.data_dir = ".";
    o.levels_dir = "levels";
    o.routine = path;
    o.width = 1280;
    o.height = 720;

    /* keyboard: arrows move along the scale (Right is not "skip" here), Enter answers */
    App *a = at_checkin(&o, ren);
    if (!a)
        return TEST_END();
    const Session *s = app_session(a);
    CHECK_STR(apptest_keys_hint(a), "arrows or 0\xE2\x80\x93"
                                    "10, then Space"); /* the keys that answer it */
    apptest_tap(a, SDLK_RIGHT);
    apptest_tap(a, SDLK_RIGHT);
    apptest_tap(a, SDLK_RIGHT);
    apptest_tap(a, SDLK_LEFT);
    CHECK_INT(apptest_kind(a), SEG_PAIN_BEFORE); /* moving is not answering */
    app_draw(a);
    apptest_tap(a, SDLK_RETURN);
    CHECK_INT(s->pain_before, 2);
    CHECK_INT(apptest_kind(a), SEG_INTRO);
    /* Q during the first step: the after check-in, starting on the answer before; digits choose */
    apptest_tap(a, SDLK_SPACE); /* intro -> get ready */
    /* the get-ready as planned: child's pose's how-to is said in it (the routine gives no start words) */
    for (int i = 0, n = s->segments[s->seg].duration_ms / 10 + 10; i < n; i++)
        app_update(a, 10);
    CHECK_INT(apptest_kind(a), SEG_WORK);
    apptest_tap(a, SDLK_q);
    CHECK_INT(apptest_kind(a), SEG_PAIN_AFTER);
    app_draw(a);
    apptest_tap(a, SDLK_1);
    apptest_tap(a, SDLK_0); /* "1" then "0" at once: 10 */
    apptest_tap(a, SDLK_KP_ENTER);
    CHECK_INT(s->pain_after, 10);
    CHECK_INT(apptest_kind(a), SEG_RESULTS);
    CHECK(session_view(s, 0).pain_stop);
    app_draw(a);
    app_free(a);

    /* a single digit, then the main button; and the S key skips with one press */
    a = at_checkin(&o, ren);
    s = app_session(a);
    apptest_tap(a, SDLK_7);
    apptest_tap(a, SDLK_SPACE);
    CHECK_INT(s->pain_before, 7);
    app_free(a);
    a = at_checkin(&o, ren);
    s = app_session(a);
    apptest_tap(a, SDLK_RIGHT);
    apptest_tap(a, SDLK_s);
    CHECK_INT(s->pain_before, -1);
    CHECK_INT(apptest_kind(a), SEG_INTRO);
    /* Esc still pauses a check-in; the session waits */
    app_free(a);
    a = at_checkin(&o, ren);
    s = app_session(a);
    apptest_tap(a, SDLK_ESCAPE);
    CHECK(s->paused);
    CHECK_INT(apptest_kind(a), SEG_PAIN_BEFORE);
    CHECK(strstr(apptest_keys_hint(a), ": resume") != NULL); /* paused: the pause screen's keys */
    apptest_tap(a, SDLK_ESCAPE);
    CHECK(!s->paused);
    app_free(a);

    /* gamepad: d-pad right four times (and back one, up one), A answers; B skips */
    int index;
    SDL_Joystick *joy = apptest_pad_attach(&index);
    CHECK(index >= 0);
    CHECK(joy != NULL);
    a = at_checkin(&o, ren);
    s = app_session(a);
    apptest_pump(a);
    for (int i = 0; i < 4; i++)
        apptest_pad_tap(a, joy, SDL_CONTROLLER_BUTTON_DPAD_RIGHT, 0);
    apptest_pad_tap(a, joy, SDL_CONTROLLER_BUTTON_DPAD_LEFT, 0);
    apptest_pad_tap(a, joy, SDL_CONTROLLER_BUTTON_DPAD_UP, 0);
    CHECK_INT(apptest_kind(a), SEG_PAIN_BEFORE);
    CHECK_STR(apptest_keys_hint(a), "D-pad, then A");
    apptest_pad_tap(a, joy, SDL_CONTROLLER_BUTTON_A, 0);
    CHECK_INT(s->pain_before, 4);
    CHECK_INT(apptest_kind(a), SEG_INTRO);
    /* the pad's Back ends the workout; at the after check-in B skips with one press */
    apptest_pad_tap(a, joy, SDL_CONTROLLER_BUTTON_A, 0); /* intro -> get ready */
    for (int i = 0; i < 800; i++)
        app_update(a, 10);
    apptest_pad_tap(a, joy, SDL_CONTROLLER_BUTTON_BACK, 0);
    CHECK_INT(apptest_kind(a), SEG_PAIN_AFTER);
    apptest_pad_tap(a, joy, SDL_CONTROLLER_BUTTON_B, 0);
    CHECK_INT(s->pain_after, -1);
    CHECK_INT(apptest_kind(a), SEG_RESULTS);
    app_free(a);
    apptest_pad_detach(joy, index);

    /* touch: a tap highlights a number, a second tap on it answers; OK answers; Skip skips */
    a = at_checkin(&o, ren);
    s = app_session(a);
    apptest_click(a, pl.number[6]);
    CHECK_INT(apptest_kind(a), SEG_PAIN_BEFORE);
    CHECK_STR(apptest_keys_hint(a), "Tap a number");
    apptest_click(a, pl.number[6]);
    CHECK_INT(s->pain_before, 6);
    app_free(a);
    a = at_checkin(&o, ren);
    s = app_session(a);
    apptest_click(a, pl.number[3]);
    apptest_click(a, pl.number[5]);
    apptest_click(a, pl.ok);
    CHECK_INT(s->pain_before, 5);
    app_free(a);
    a = at_checkin(&o, ren);
    s = app_session(a);
    apptest_click_at(a, 2, 2, 0); /* off the picker: nothing */
    CHECK_INT(apptest_kind(a), SEG_PAIN_BEFORE);
    apptest_click(a, pl.skip);
    CHECK_INT(s->pain_before, -1);
    CHECK_INT(apptest_kind(a), SEG_INTRO);
    app_free(a);
    /* the numbers are big enough to hit from the floor: at 1280x720 each tile is >= 80 px a side */
    for (int i = 0; i <= PAINPICK_MAX; i++)
        CHECK(pl.number[i].w >= 80 && pl.number[i].h >= 80);

    /* nobody answers: skipped after SESSION_CHECKIN_WAIT_MS, the workout goes on */
    a = at_checkin(&o, ren);
    s = app_session(a);
    for (int t = 0; t < SESSION_CHECKIN_WAIT_MS + 100; t += 50)
        app_update(a, 50);
    CHECK_INT(apptest_kind(a), SEG_INTRO);
    CHECK_INT(s->pain_before, -1);
    app_free(a);

    /* a digit bound to an action (an accessibility switch sending "1") keeps its action */
    apptest_write_file(bindings, "key 1 = press\n");
    a = at_checkin(&o, ren);
    s = app_session(a);
    CHECK_STR(apptest_keys_hint(a), "arrows or 0\xE2\x80\x93"
                                    "10, then 1"); /* bindings.conf's press first */
    apptest_tap(a, SDLK_RIGHT);
    apptest_tap(a, SDLK_RIGHT);
    apptest_tap(a, SDLK_1);
    CHECK_INT(s->pain_before, 2);
    app_free(a);

    unlink(bindings);

    /* the menu: the doctor advice and the progress screen one press away by key, pad or tap;
     * a routine of a locked level does not start; after a workout the progress screen comes */
    char lv[300], hist[300], p1[400], p2[400];
    snprintf(lv, sizeof lv, "%s/levels", dir);
    mkdir(lv, 0755);
    snprintf(p1, sizeof p1, "%s/01.routine", lv);
    snprintf(p2, sizeof p2, "%s/02.routine", lv);
    apptest_write_file(p1, "title \"First\"\nlevel 1\nmove child_pose\n  hold 20s\n");
    apptest_write_file(p2, "title \"Second\"\nlevel 2\nmove child_pose\n  hold 20s\n");
    snprintf(hist, sizeof hist, "%s/history.db", dir);
    AppOptions mo = o;
    mo.routine = NULL;
    mo.levels_dir = lv;
    mo.history_path = hist;
    a = app_new(&mo, NULL, ren);
    CHECK(a != NULL);
    if (a) {
        CHECK_STR(app_screen(a), "menu");
        apptest_tap(a, SDLK_h);
        CHECK_STR(app_screen(a), "advice");
        app_draw(a);
        apptest_tap(a, SDLK_SPACE);
        CHECK_STR(app_screen(a), "menu");
        apptest_tap(a, SDLK_RIGHT);
        CHECK_STR(app_screen(a), "progress");
        app_draw(a);
        apptest_click_at(a, 640, 360, 0);
        CHECK_STR(app_screen(a), "menu");
        apptest_click(a, render_menu_button_rect(&rd, MENU_BUTTON_ADVICE));
        CHECK_STR(app_screen(a), "advice");
        apptest_tap(a, SDLK_ESCAPE);
        CHECK_STR(app_screen(a), "menu");
        CHECK(app_running(a));
        apptest_click(a, render_menu_button_rect(&rd, MENU_BUTTON_PROGRESS));
        CHECK_STR(app_screen(a), "progress");
        apptest_tap(a, SDLK_g);
        /* level 2 is locked until level 1 has its workouts: it does not start */
        apptest_tap(a, SDLK_DOWN);
        apptest_tap(a, SDLK_RETURN);
        CHECK_STR(app_screen(a), "menu");
        CHECK(app_session(a) == NULL);
        /* level 1 starts; Q at the first step, skip the check-in, press away the results */
        apptest_tap(a, SDLK_UP);
        apptest_tap(a, SDLK_RETURN);
        CHECK_STR(app_screen(a), "session");
        apptest_tap(a, SDLK_SPACE); /* safety */
        apptest_tap(a, SDLK_s); /* pain before: skipped */
        apptest_tap(a, SDLK_SPACE); /* intro */
        for (int i = 0; i < 800; i++)
            app_update(a, 10);
        apptest_tap(a, SDLK_q);
        apptest_tap(a, SDLK_s); /* pain after: skipped */
        CHECK_INT(apptest_kind(a), SEG_RESULTS);
        app_draw(a);
        apptest_tap(a, SDLK_SPACE);
        for (int i = 0; i < 10 && app_session(a); i++)
            app_update(a, 10);
        /* the results, then the menu (the results showed the week; "Your progress" is one press
         * away), not a further screen the press lands on */
        CHECK_STR(app_screen(a), "menu");
        app_draw(a);
        app_free(a);
    }
    unlink(p1);
    unlink(p2);
    rmdir(lv);
    {
        const char *suffix[] = {"", "-wal", "-shm", "-journal"};
        for (int i = 0; i < 4; i++) {
            char f[400];
            snprintf(f, sizeof f, "%s%s", hist, suffix[i]);
            unlink(f);
        }
    }

    apptest_screen_close(&scr);
    apptest_quit();
    snprintf(path, sizeof path, "%.200s/audio.conf", cfgdir);
    unlink(path);
    rmdir(cfgdir);
    snprintf(path, sizeof path, "%s/t.routine", dir);
    unlink(path);
    rmdir(dir);
    return TEST_END();
}
