/* test_app_input.c: real SDL events through the platform layer into the session: keyboard
 * (including a rebound key from bindings.conf), mouse/touch buttons, and a virtual gamepad
 * pressing A, plugged in and unplugged mid-workout. Headless: dummy video, software renderer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <SDL.h>

#include "app.h"
#include "apptest.h"
#include "keyhint.h"
#include "levels.h"
#include "render.h"
#include "testutil.h"

/* The key line the app's screen shows now, no-break spaces as plain ones. */
/* The key line shown now, no-break spaces as plain ones (apptest.h). */
static const char *hint(const App *a)
{
    return apptest_keys_hint(a);
}

/* The colour at (x, y) of the screen's surface. */
static SDL_Color pixel_at(const AppTestScreen *scr, int x, int y)
{
    SDL_Color c = {0, 0, 0, 255};
    const Uint8 *row = (const Uint8 *)scr->surface->pixels + y * scr->surface->pitch;
    Uint32 p = ((const Uint32 *)row)[x];
    SDL_GetRGB(p, scr->surface->format, &c.r, &c.g, &c.b);
    return c;
}

/* A timer waits for Ready: the big button is drawn where a tap lands, and a tap there, Space or
 * pad A starts the timer at once; nothing else does (the screen counts the wait down). */
static void test_timer_ready(const char *dir, AppTestScreen *scr)
{
    char path[300];
    snprintf(path, sizeof path, "%s/pack.routine", dir);
    apptest_write_file(path, "title \"Pack\"\ntimer 2m on-back \"Lie on the pack.\"\n  name \"Cold pack\"\n");
    AppOptions o = {0};
    o.data_dir = ".";
    o.levels_dir = "levels";
    o.routine = path;
    o.width = 1280;
    o.height = 720;
    SDL_Rect ready = render_button_rect(&scr->render, BUTTON_READY);
    for (int how = 0; how < 3; how++) {
        App *a = app_new(&o, NULL, scr->renderer);
        CHECK(a != NULL);
        if (!a)
            return;
        const Session *s = app_session(a);
        app_update(a, 10);
        apptest_tap(a, SDLK_SPACE); /* the safety notice */
        apptest_tap(a, SDLK_s); /* the pain check-in: skipped */
        apptest_tap(a, SDLK_RETURN); /* the intro */
        CHECK_INT(apptest_kind(a), SEG_READY);
        apptest_run(a, 5000, 0);
        CHECK_INT(apptest_kind(a), SEG_READY); /* it waits for Ready */
        SessionView v = session_view(s, 0);
        CHECK(v.ready_press);
        CHECK_INT(v.remaining_ms, SESSION_TIMER_READY_MS - 5000);
        CHECK_STR(routine_step_name(v.step), "Cold pack");
        app_draw(a);
        SDL_Color c = pixel_at(scr, ready.x + 4, ready.y + ready.h / 2);
        SDL_Color want = render_style_default.button_active_bg;
        CHECK(c.r == want.r && c.g == want.g && c.b == want.b); /* the button is there to tap */
        if (how == 0) {
            apptest_click(a, ready);
        } else if (how == 1) {
            apptest_tap(a, SDLK_SPACE);
        } else {
            int index;
            SDL_Joystick *joy = apptest_pad_attach(&index);
            CHECK(joy != NULL);
            apptest_pump(a);
            if (joy)
                apptest_pad_tap(a, joy, SDL_CONTROLLER_BUTTON_A, 0);
            apptest_pad_detach(joy, index);
            apptest_pump(a);
        }
        CHECK_INT(apptest_kind(a), SEG_WORK);
        CHECK_INT(s->segments[s->seg].duration_ms, 120000);
        app_free(a);
    }
    unlink(path);
}

int main(void)
{
    char dir[] = "/tmp/unknot-input-XXXXXX";
    if (!mkdtemp(dir))
        return 1;
    char path[256], cfgdir[256], bindings[300];
    snprintf(cfgdir, sizeof cfgdir, "%s/unknot", dir);
    setenv("XDG_CONFIG_HOME", dir, 1);
    setenv("XDG_CACHE_HOME", dir, 1);
    mkdir(cfgdir, 0755);
    snprintf(bindings, sizeof bindings, "%s/bindings.conf", cfgdir);
    apptest_write_file(bindings,
                       "# a foot pedal that types F5\nkey f5 = press\nnot a binding\nkey k = quit\npad y = skip\n");
    snprintf(path, sizeof path, "%s/t.routine", dir);
    apptest_write_file(path, "title \"Input test\"\nmove cat_camel\n  reps 10 tempo 2s\n  pacing self\n"
                             "move child_pose\n  hold 20s\n");

    CHECK(apptest_init());
    AppTestScreen scr;
    CHECK(apptest_screen_open(&scr, 1280, 720));
    SDL_Renderer *ren = scr.renderer;
    test_timer_ready(dir, &scr);
    AppOptions o = {0};
    o.data_dir = ".";
    o.levels_dir = "levels";
    o.routine = path;
    o.width = 1280;
    o.height = 720;
    App *a = app_new(&o, NULL, ren);
    CHECK(a != NULL);
    if (!a)
        return TEST_END();
    const Session *s = app_session(a);
    CHECK(s != NULL);
    app_update(a, 10);

    /* Space during the safety notice goes on (to the pain check-in, skipped with S, then the
     * intro), and again to "get ready" */
    CHECK_INT(s->segments[s->seg].kind, SEG_SAFETY);
    apptest_tap(a, SDLK_SPACE);
    CHECK_INT(s->segments[s->seg].kind, SEG_PAIN_BEFORE); /* the pain check-in: S skips it */
    apptest_tap(a, SDLK_s);
    CHECK_INT(s->segments[s->seg].kind, SEG_INTRO);
    apptest_tap(a, SDLK_RETURN);
    CHECK_INT(s->segments[s->seg].kind, SEG_READY);
    /* the get-ready as planned: cat-camel's how-to is said in it (the routine gives no start words) */
    apptest_run(a, s->segments[s->seg].duration_ms + 100, 0);
    CHECK_INT(s->segments[s->seg].kind, SEG_WORK);

    /* keyboard: a Space press counts at once, before any tick, so the next frame shows it */
    apptest_key(a, SDLK_SPACE, true);
    app_update(a, 0);
    CHECK_INT(s->reps_counted, 1);
    SessionView v = session_view(s, 0);
    CHECK_INT(v.counted, 1);
    apptest_key(a, SDLK_SPACE, false);
    /* auto-repeat is not a rep */
    apptest_run(a, 500, 0);
    {
        SDL_Event e;
        memset(&e, 0, sizeof e);
        e.type = SDL_KEYDOWN;
        e.key.repeat = 1;
        e.key.keysym.sym = SDLK_SPACE;
        SDL_PushEvent(&e);
        apptest_pump(a);
        app_update(a, 0);
    }
    CHECK_INT(s->reps_counted, 1);

    /* the rebound key from bindings.conf counts too (the bad line only warns) */
    apptest_run(a, 1500, 0);
    apptest_tap(a, SDLK_F5);
    CHECK_INT(s->reps_counted, 2);

    /* touch / mouse: tapping the stage counts; the Pause button pauses and resumes */
    Render rd = scr.render;
    apptest_run(a, 2000, 0);
    apptest_click(a, render_stage_rect(&rd));
    CHECK_INT(s->reps_counted, 3);
    apptest_click(a, render_button_rect(&rd, BUTTON_PAUSE));
    CHECK(s->paused);
    CHECK(strncmp(hint(a), "Tap Resume", 10) == 0); /* paused by a tap: the buttons, in words */
    apptest_click(a, render_button_rect(&rd, BUTTON_PAUSE));
    CHECK(!s->paused);

    /* a virtual gamepad plugged in mid-workout works at once */
    int index;
    SDL_Joystick *joy = apptest_pad_attach(&index);
    CHECK(index >= 0);
    CHECK(joy != NULL);
    apptest_pump(a);
    CHECK(SDL_IsGameController(index));
    apptest_run(a, 2000, 0);
    apptest_pad_button(a, joy, SDL_CONTROLLER_BUTTON_A, true);
    CHECK_INT(s->reps_counted, 4);
    apptest_pad_button(a, joy, SDL_CONTROLLER_BUTTON_A, false);
    /* Start pauses and resumes; paused, the screen names the pad's buttons, the rebound Y first */
    apptest_pad_button(a, joy, SDL_CONTROLLER_BUTTON_START, true);
    CHECK(s->paused);
    CHECK_STR(hint(a), "A or Start: resume \xC2\xB7 Y: skip \xC2\xB7 B: back \xC2\xB7 Back: end workout");
    apptest_pad_button(a, joy, SDL_CONTROLLER_BUTTON_START, false);
    apptest_pad_button(a, joy, SDL_CONTROLLER_BUTTON_START, true);
    CHECK(!s->paused);
    apptest_pad_button(a, joy, SDL_CONTROLLER_BUTTON_START, false);
    /* the right shoulder skips to the next step */
    apptest_pad_button(a, joy, SDL_CONTROLLER_BUTTON_RIGHTSHOULDER, true);
    CHECK_INT(s->segments[s->seg].step, 1);
    apptest_pad_button(a, joy, SDL_CONTROLLER_BUTTON_RIGHTSHOULDER, false);

    /* unplugging the pad in use pauses the workout */
    apptest_run(a, 100, 0);
    CHECK(!s->paused);
    CHECK(apptest_pad_detach(joy, index));
    apptest_pump(a);
    app_update(a, 0);
    CHECK(s->paused);

    /* keyboard still works after the pad is gone: P resumes, Q ends the workout (results) */
    apptest_tap(a, SDLK_p);
    CHECK(!s->paused);
    apptest_tap(a, SDLK_p);
    CHECK(s->paused);
    /* paused from the keyboard: its keys, the ones from bindings.conf first */
    CHECK_STR(hint(a), "F5 or Esc: resume \xC2\xB7 S: skip \xC2\xB7 Backspace: back \xC2\xB7 K: end workout");
    apptest_tap(a, SDLK_p);
    CHECK(!s->paused);

    /* losing focus pauses with a note; resuming by a tap on the stage clears the note */
    {
        SDL_Event e;
        memset(&e, 0, sizeof e);
        e.type = SDL_WINDOWEVENT;
        e.window.event = SDL_WINDOWEVENT_FOCUS_LOST;
        SDL_PushEvent(&e);
        apptest_pump(a);
        app_update(a, 0);
        CHECK(s->paused);
        CHECK(app_focus_lost(a));
        apptest_click(a, render_stage_rect(&rd));
        apptest_run(a, 20, 0);
        CHECK(!s->paused);
        CHECK(!app_focus_lost(a));
    }
    apptest_tap(a, SDLK_q);
    CHECK_INT(s->segments[s->seg].kind, SEG_PAIN_AFTER); /* how is the back now; Q again: results */
    apptest_tap(a, SDLK_q);
    CHECK_INT(s->segments[s->seg].kind, SEG_RESULTS);

    /* a frame draws without trouble in every state reached */
    app_draw(a);
    /* after the results, a routine given on the command line goes to the menu, not the desktop */
    apptest_run(a, SESSION_RESULTS_MS + 100, 0);
    CHECK(app_session(a) == NULL);
    CHECK(app_running(a));
    app_draw(a);
    app_free(a);
    apptest_screen_close(&scr);

    /* the menu: only Q (and Esc) leave it; P, Backspace, Left and pad B do not. Taps land on the
     * rows as drawn, also when the list is scrolled. */
    char lvdir[64];
    snprintf(lvdir, sizeof lvdir, "%s/levels", dir);
    mkdir(lvdir, 0755);
    for (int i = 0; i < 9; i++) {
        char p[400], text[200];
        snprintf(p, sizeof p, "%s/%02d.routine", lvdir, i);
        snprintf(text, sizeof text, "title \"Routine %d\"\nmove child_pose\n  hold 20s\n", i);
        apptest_write_file(p, text);
    }
    AppTestScreen mscr;
    CHECK(apptest_screen_open(&mscr, 640, 360));
    SDL_Renderer *mren = mscr.renderer;
    AppOptions mo = o;
    mo.routine = NULL;
    mo.levels_dir = lvdir;
    a = app_new(&mo, NULL, mren);
    CHECK(a != NULL);
    if (a) {
        SDL_Keycode harmless[] = {SDLK_p, SDLK_BACKSPACE, SDLK_LEFT};
        for (int i = 0; i < 3; i++) {
            apptest_tap(a, harmless[i]);
            CHECK(app_running(a));
        }
        int index2;
        SDL_Joystick *pad = apptest_pad_attach(&index2);
        apptest_pump(a);
        SDL_GameControllerButton pad_harmless[] = {SDL_CONTROLLER_BUTTON_B, SDL_CONTROLLER_BUTTON_LEFTSHOULDER,
                                                   SDL_CONTROLLER_BUTTON_START};
        for (int i = 0; pad && i < 3; i++) {
            SDL_JoystickSetVirtualButton(pad, pad_harmless[i], 1);
            SDL_JoystickUpdate();
            apptest_pump(a);
            SDL_JoystickSetVirtualButton(pad, pad_harmless[i], 0);
            SDL_JoystickUpdate();
            apptest_pump(a);
            CHECK(app_running(a));
        }
        if (pad) {
            apptest_pad_detach(pad, index2);
            apptest_pump(a);
        }
        /* the pad's buttons were used last: the menu names them */
        CHECK_STR(hint(a), "D-pad \xE2\x86\x91\xE2\x86\x93 choose \xC2\xB7 A: start \xC2\xB7 B: doctor advice "
                           "\xC2\xB7 Y: progress \xC2\xB7 Back: quit");
        /* scroll to the last routine, then tap the top visible row twice: that one starts */
        for (int i = 0; i < 8; i++)
            apptest_tap(a, SDLK_DOWN);
        CHECK_STR(hint(a), "\xE2\x86\x91\xE2\x86\x93 choose \xC2\xB7 F5: start \xC2\xB7 \xE2\x97\x80 doctor advice "
                           "\xC2\xB7 progress \xE2\x96\xB6 \xC2\xB7 K: quit");
        LevelList shown;
        CHECK_INT(levels_scan(lvdir, NULL, &shown), 0);
        Render mrd = {mren, NULL, NULL, 640, 360};
        SDL_Rect st = render_stage_rect(&mrd);
        int x = st.x + st.w + 40, top = -1, y = st.y;
        for (; y < 360 && top < 0; y++)
            top = render_menu_row_at(&mrd, &shown, 8, x, y);
        CHECK(top > 0); /* scrolled: the top row is not the first routine */
        CHECK_INT(render_menu_row_at(&mrd, &shown, 8, 5, y), -1); /* left of the list: no row */
        SDL_Rect row = {x, y, 1, 1};
        apptest_click(a, row);
        CHECK(app_session(a) == NULL);
        CHECK_STR(hint(a), "Tap a routine, then tap it again to start");
        apptest_click(a, row);
        CHECK(app_session(a) != NULL);
        if (app_session(a) && top > 0)
            CHECK_STR(app_session(a)->routine->title, shown.items[top].routine.title);
        levels_free(&shown);
        apptest_tap(a, SDLK_q); /* ends that workout; the results come, then the menu */
        app_free(a);
    }
    /* by touch alone every routine is reachable: "▼ N more routines" shows the next page and
     * "▲ N more routines" the one before, each with its first row chosen */
    a = app_new(&mo, NULL, mren);
    CHECK(a != NULL);
    if (a) {
        LevelList shown;
        CHECK_INT(levels_scan(lvdir, NULL, &shown), 0);
        Render mrd = {mren, NULL, NULL, 640, 360};
        SDL_Rect st = render_stage_rect(&mrd);
        int x = st.x + st.w + 40, next = -1, y = 0;
        for (y = 0; y < 360 && next < 0; y++)
            next = render_menu_page_at(&mrd, &shown, 0, x, y);
        CHECK(next > 0); /* the first page has the strip below */
        apptest_click(a, (SDL_Rect){x, y, 1, 1});
        int prev = -1, row = -1, ry = 0;
        for (ry = 0; ry < 360 && row < 0; ry++)
            row = render_menu_row_at(&mrd, &shown, next, x, ry);
        CHECK_INT(row, next); /* the next page's first row, where a tap finds it */
        for (int py = 0; py < 360 && prev < 0; py++)
            prev = render_menu_page_at(&mrd, &shown, next, x, py);
        CHECK_INT(prev, 0); /* and a strip above, back to the first page */
        apptest_click(a, (SDL_Rect){x, ry, 1, 1}); /* the page opened with its first row chosen: a tap starts it */
        CHECK(app_session(a) != NULL);
        if (app_session(a) && next > 0)
            CHECK_STR(app_session(a)->routine->title, shown.items[next].routine.title);
        levels_free(&shown);
        app_free(a);
    }
    /* Esc and Q in the menu ask first: the same key again leaves, any other key stays */
    SDL_Keycode leave[] = {SDLK_ESCAPE, SDLK_q};
    Render crd = {mren, NULL, NULL, 640, 360};
    for (int i = 0; i < 2; i++) {
        a = app_new(&mo, NULL, mren);
        CHECK(a != NULL);
        if (!a)
            break;
        apptest_tap(a, leave[i]);
        CHECK(app_running(a));
        CHECK_STR(hint(a), "Esc or K again: quit \xC2\xB7 any other key: stay"); /* K: bindings.conf */
        app_draw(a);
        apptest_tap(a, SDLK_DOWN);
        CHECK(app_running(a));
        apptest_tap(a, leave[i]);
        CHECK(app_running(a));
        apptest_tap(a, leave[i]);
        CHECK(!app_running(a));
        app_free(a);
    }
    /* by touch: "Stay" stays, "Quit" quits */
    a = app_new(&mo, NULL, mren);
    CHECK(a != NULL);
    if (a) {
        apptest_tap(a, SDLK_ESCAPE);
        apptest_click(a, render_confirm_button_rect(&crd, CONFIRM_NO));
        CHECK(app_running(a));
        apptest_tap(a, SDLK_ESCAPE);
        apptest_click(a, render_confirm_button_rect(&crd, CONFIRM_YES));
        CHECK(!app_running(a));
        app_free(a);
    }
    apptest_screen_close(&mscr);
    for (int i = 0; i < 9; i++) {
        char p[400];
        snprintf(p, sizeof p, "%s/%02d.routine", lvdir, i);
        unlink(p);
    }
    rmdir(lvdir);

    apptest_quit();
    unlink(bindings);
    snprintf(path, sizeof path, "%.200s/audio.conf", cfgdir);
    unlink(path);
    rmdir(cfgdir);
    snprintf(path, sizeof path, "%s/t.routine", dir);
    unlink(path);
    rmdir(dir);
    return TEST_END();
}
