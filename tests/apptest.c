/* apptest.c: the shared harness of the app tests (see apptest.h): real SDL events, pushed and
 * pumped into app_event, frames stepped by app_update. */
#include "apptest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool apptest_init(void)
{
    setenv("SDL_VIDEODRIVER", "dummy", 0);
    setenv("SDL_AUDIODRIVER", "dummy", 0);
    return SDL_Init(SDL_INIT_VIDEO | SDL_INIT_GAMECONTROLLER | SDL_INIT_EVENTS) == 0;
}

void apptest_quit(void)
{
    SDL_Quit();
}

bool apptest_screen_open(AppTestScreen *scr, int w, int h)
{
    memset(scr, 0, sizeof *scr);
    scr->surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    scr->renderer = scr->surface ? SDL_CreateSoftwareRenderer(scr->surface) : NULL;
    scr->render.r = scr->renderer;
    scr->render.w = w;
    scr->render.h = h;
    return scr->renderer != NULL;
}

void apptest_screen_close(AppTestScreen *scr)
{
    if (scr->renderer)
        SDL_DestroyRenderer(scr->renderer);
    if (scr->surface)
        SDL_FreeSurface(scr->surface);
    memset(scr, 0, sizeof *scr);
}

void apptest_pump(App *a)
{
    SDL_Event e;
    SDL_PumpEvents();
    while (SDL_PollEvent(&e))
        app_event(a, &e);
}

void apptest_push_key(SDL_Keycode k, Uint16 mod, bool down)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = down ? SDL_KEYDOWN : SDL_KEYUP;
    e.key.state = down ? SDL_PRESSED : SDL_RELEASED;
    e.key.keysym.sym = k;
    e.key.keysym.mod = mod;
    e.key.keysym.scancode = SDL_GetScancodeFromKey(k);
    SDL_PushEvent(&e);
}

void apptest_key(App *a, SDL_Keycode k, bool down)
{
    apptest_push_key(k, KMOD_NONE, down);
    apptest_pump(a);
}

void apptest_tap_mod(App *a, SDL_Keycode k, Uint16 mod, int frame_ms)
{
    apptest_push_key(k, mod, true);
    apptest_pump(a);
    app_update(a, frame_ms);
    apptest_push_key(k, mod, false);
    apptest_pump(a);
    app_update(a, frame_ms);
}

void apptest_tap(App *a, SDL_Keycode k)
{
    apptest_tap_mod(a, k, KMOD_NONE, 0);
}

void apptest_push_type(Uint32 type)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = type;
    SDL_PushEvent(&e);
}

void apptest_run(App *a, int ms, int draw_every_ms)
{
    for (int t = 0; t < ms; t += 10) {
        apptest_pump(a);
        app_update(a, 10);
        if (draw_every_ms > 0 && t % draw_every_ms == 0)
            app_draw(a);
    }
}

void apptest_click_at(App *a, int x, int y, int frame_ms)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEBUTTONDOWN;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.x = x;
    e.button.y = y;
    SDL_PushEvent(&e);
    e.type = SDL_MOUSEBUTTONUP;
    SDL_PushEvent(&e);
    apptest_pump(a);
    app_update(a, frame_ms);
}

void apptest_click(App *a, SDL_Rect rc)
{
    apptest_click_at(a, rc.x + rc.w / 2, rc.y + rc.h / 2, 0);
}

SDL_Joystick *apptest_pad_attach(int *index)
{
    *index = SDL_JoystickAttachVirtual(SDL_JOYSTICK_TYPE_GAMECONTROLLER, 6, SDL_CONTROLLER_BUTTON_MAX, 0);
    return *index >= 0 ? SDL_JoystickOpen(*index) : NULL;
}

bool apptest_pad_detach(SDL_Joystick *joy, int index)
{
    if (joy)
        SDL_JoystickClose(joy);
    return index >= 0 && SDL_JoystickDetachVirtual(index) == 0;
}

void apptest_pad_button(App *a, SDL_Joystick *joy, SDL_GameControllerButton b, bool down)
{
    SDL_JoystickSetVirtualButton(joy, b, down ? 1 : 0);
    SDL_JoystickUpdate();
    apptest_pump(a);
    app_update(a, 0);
}

void apptest_pad_tap(App *a, SDL_Joystick *joy, SDL_GameControllerButton b, int frame_ms)
{
    SDL_JoystickSetVirtualButton(joy, b, 1);
    SDL_JoystickUpdate();
    apptest_pump(a);
    app_update(a, frame_ms);
    SDL_JoystickSetVirtualButton(joy, b, 0);
    SDL_JoystickUpdate();
    apptest_pump(a);
    app_update(a, frame_ms);
}

const char *apptest_keys_hint(const App *a)
{
    static char out[512];
    char raw[512];
    app_keys_hint(a, raw, sizeof raw);
    size_t n = 0;
    for (const char *c = raw; *c && n + 1 < sizeof out; c++) {
        if ((unsigned char)c[0] == 0xC2 && (unsigned char)c[1] == 0xA0) {
            out[n++] = ' ';
            c++;
        } else {
            out[n++] = *c;
        }
    }
    out[n] = 0;
    return out;
}

SegmentKind apptest_kind(const App *a)
{
    const Session *s = app_session(a);
    return s ? s->segments[s->seg].kind : SEG_DONE;
}

void apptest_write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}
