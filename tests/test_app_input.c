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
#include "render.h"
#include "testutil.h"

static void pump(App *a)
{
    SDL_Event e;
    SDL_PumpEvents();
    while (SDL_PollEvent(&e))
        app_event(a, &e);
}

static void key(App *a, SDL_Keycode k, bool down)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = down ? SDL_KEYDOWN : SDL_KEYUP;
    e.key.state = down ? SDL_PRESSED : SDL_RELEASED;
    e.key.keysym.sym = k;
    e.key.keysym.scancode = SDL_GetScancodeFromKey(k);
    SDL_PushEvent(&e);
    pump(a);
}

static void tap(App *a, SDL_Keycode k)
{
    key(a, k, true);
    app_update(a, 0);
    key(a, k, false);
    app_update(a, 0);
}

/* Run the app for ms of wall time in 10 ms frames. */
static void run(App *a, int ms)
{
    for (int t = 0; t < ms; t += 10) {
        pump(a);
        app_update(a, 10);
    }
}

static void click(App *a, SDL_Rect rc)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEBUTTONDOWN;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.x = rc.x + rc.w / 2;
    e.button.y = rc.y + rc.h / 2;
    SDL_PushEvent(&e);
    e.type = SDL_MOUSEBUTTONUP;
    SDL_PushEvent(&e);
    pump(a);
    app_update(a, 0);
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
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
    write_file(bindings, "# a foot pedal that types F5\nkey f5 = press\nnot a binding\n");
    snprintf(path, sizeof path, "%s/t.routine", dir);
    write_file(path, "title \"Input test\"\nmove cat_camel\n  reps 10 tempo 2s\n  pacing self\n"
                     "move child_pose\n  hold 20s\n");

    CHECK(SDL_Init(SDL_INIT_VIDEO | SDL_INIT_GAMECONTROLLER | SDL_INIT_EVENTS) == 0);
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, 1280, 720, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *ren = SDL_CreateSoftwareRenderer(surf);
    CHECK(ren != NULL);
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

    /* Space during the safety notice goes on to the intro, and again to "get ready" */
    CHECK_INT(s->segments[s->seg].kind, SEG_SAFETY);
    tap(a, SDLK_SPACE);
    CHECK_INT(s->segments[s->seg].kind, SEG_INTRO);
    tap(a, SDLK_RETURN);
    CHECK_INT(s->segments[s->seg].kind, SEG_READY);
    run(a, SESSION_READY_MS + 100);
    CHECK_INT(s->segments[s->seg].kind, SEG_WORK);

    /* keyboard: a Space press counts at once, before any tick, so the next frame shows it */
    key(a, SDLK_SPACE, true);
    app_update(a, 0);
    CHECK_INT(s->reps_counted, 1);
    SessionView v = session_view(s, 0);
    CHECK_INT(v.counted, 1);
    key(a, SDLK_SPACE, false);
    /* auto-repeat is not a rep */
    run(a, 500);
    {
        SDL_Event e;
        memset(&e, 0, sizeof e);
        e.type = SDL_KEYDOWN;
        e.key.repeat = 1;
        e.key.keysym.sym = SDLK_SPACE;
        SDL_PushEvent(&e);
        pump(a);
        app_update(a, 0);
    }
    CHECK_INT(s->reps_counted, 1);

    /* the rebound key from bindings.conf counts too (the bad line only warns) */
    run(a, 1500);
    tap(a, SDLK_F5);
    CHECK_INT(s->reps_counted, 2);

    /* touch / mouse: tapping the stage counts; the Pause button pauses and resumes */
    Render rd = {ren, NULL, NULL, 1280, 720};
    run(a, 2000);
    click(a, render_stage_rect(&rd));
    CHECK_INT(s->reps_counted, 3);
    click(a, render_button_rect(&rd, BUTTON_PAUSE));
    CHECK(s->paused);
    click(a, render_button_rect(&rd, BUTTON_PAUSE));
    CHECK(!s->paused);

    /* a virtual gamepad plugged in mid-workout works at once */
    int index = SDL_JoystickAttachVirtual(SDL_JOYSTICK_TYPE_GAMECONTROLLER, 6, SDL_CONTROLLER_BUTTON_MAX, 0);
    CHECK(index >= 0);
    SDL_Joystick *joy = SDL_JoystickOpen(index);
    CHECK(joy != NULL);
    pump(a);
    CHECK(SDL_IsGameController(index));
    run(a, 2000);
    SDL_JoystickSetVirtualButton(joy, SDL_CONTROLLER_BUTTON_A, 1);
    SDL_JoystickUpdate();
    pump(a);
    app_update(a, 0);
    CHECK_INT(s->reps_counted, 4);
    SDL_JoystickSetVirtualButton(joy, SDL_CONTROLLER_BUTTON_A, 0);
    SDL_JoystickUpdate();
    pump(a);
    /* Start pauses and resumes */
    SDL_JoystickSetVirtualButton(joy, SDL_CONTROLLER_BUTTON_START, 1);
    SDL_JoystickUpdate();
    pump(a);
    app_update(a, 0);
    CHECK(s->paused);
    SDL_JoystickSetVirtualButton(joy, SDL_CONTROLLER_BUTTON_START, 0);
    SDL_JoystickUpdate();
    pump(a);
    SDL_JoystickSetVirtualButton(joy, SDL_CONTROLLER_BUTTON_START, 1);
    SDL_JoystickUpdate();
    pump(a);
    app_update(a, 0);
    CHECK(!s->paused);
    SDL_JoystickSetVirtualButton(joy, SDL_CONTROLLER_BUTTON_START, 0);
    SDL_JoystickUpdate();
    pump(a);
    /* the right shoulder skips to the next step */
    SDL_JoystickSetVirtualButton(joy, SDL_CONTROLLER_BUTTON_RIGHTSHOULDER, 1);
    SDL_JoystickUpdate();
    pump(a);
    app_update(a, 0);
    CHECK_INT(s->segments[s->seg].step, 1);
    SDL_JoystickSetVirtualButton(joy, SDL_CONTROLLER_BUTTON_RIGHTSHOULDER, 0);
    SDL_JoystickUpdate();
    pump(a);

    /* unplugging the pad in use pauses the workout */
    run(a, 100);
    CHECK(!s->paused);
    SDL_JoystickClose(joy);
    CHECK(SDL_JoystickDetachVirtual(index) == 0);
    pump(a);
    app_update(a, 0);
    CHECK(s->paused);

    /* keyboard still works after the pad is gone: P resumes, Q ends the workout (results) */
    tap(a, SDLK_p);
    CHECK(!s->paused);
    tap(a, SDLK_q);
    CHECK_INT(s->segments[s->seg].kind, SEG_RESULTS);

    /* a frame draws without trouble in every state reached */
    app_draw(a);
    app_free(a);
    SDL_DestroyRenderer(ren);
    SDL_FreeSurface(surf);
    SDL_Quit();
    unlink(bindings);
    rmdir(cfgdir);
    unlink(path);
    return TEST_END();
}
