/* apptest.h: the harness the app tests share to drive the real SDL event path headless: SDL with
 * dummy drivers and a software renderer on a surface, keys, virtual-pad buttons and taps pushed as
 * SDL events into app_event, and frames stepped with app_update. Test code only. */
#ifndef UNKNOT_APPTEST_H
#define UNKNOT_APPTEST_H

#include <stdbool.h>

#include <SDL.h>

#include "app.h"
#include "render.h"

/* A headless screen: a surface and the software renderer drawing on it. */
typedef struct AppTestScreen {
    SDL_Surface *surface;
    SDL_Renderer *renderer;
    Render render; /* r, w and h filled in: enough for the layout functions (button rects) */
} AppTestScreen;

/* Start SDL's video, gamepad and event parts (dummy drivers unless the environment names others).
 * Returns false when SDL cannot start. */
bool apptest_init(void);

/* Quit SDL (after every screen is closed). */
void apptest_quit(void);

/* Make a w x h screen. Returns false when the surface or the renderer cannot be made. */
bool apptest_screen_open(AppTestScreen *scr, int w, int h);

/* Free the screen. */
void apptest_screen_close(AppTestScreen *scr);

/* Hand every queued SDL event to the app. */
void apptest_pump(App *a);

/* Queue a key press (down) or release of k with modifiers mod (not handed to the app yet). */
void apptest_push_key(SDL_Keycode k, Uint16 mod, bool down);

/* Press or release k and hand it to the app at once (no frame stepped). */
void apptest_key(App *a, SDL_Keycode k, bool down);

/* Press and release k with modifiers mod, stepping one frame of frame_ms after each. */
void apptest_tap_mod(App *a, SDL_Keycode k, Uint16 mod, int frame_ms);

/* Press and release k, stepping a zero-length frame after each. */
void apptest_tap(App *a, SDL_Keycode k);

/* Queue an event carrying only its type (SDL_QUIT, a device reset...). */
void apptest_push_type(Uint32 type);

/* Run the app for ms in 10 ms frames, handing it the events first; draw every draw_every_ms of
 * them (0: never draw). */
void apptest_run(App *a, int ms, int draw_every_ms);

/* A left-button press and release at (x, y), then one frame of frame_ms. */
void apptest_click_at(App *a, int x, int y, int frame_ms);

/* A tap in the middle of rc, then a zero-length frame. */
void apptest_click(App *a, SDL_Rect rc);

/* Plug in a virtual gamepad: returns it open and sets *index, or NULL. */
SDL_Joystick *apptest_pad_attach(int *index);

/* Unplug the virtual gamepad apptest_pad_attach gave. Returns false when SDL could not. */
bool apptest_pad_detach(SDL_Joystick *joy, int index);

/* Press or release a virtual pad's button and let the app see it at once (a zero-length frame). */
void apptest_pad_button(App *a, SDL_Joystick *joy, SDL_GameControllerButton b, bool down);

/* Press and release a virtual pad's button, one frame of frame_ms after each. */
void apptest_pad_tap(App *a, SDL_Joystick *joy, SDL_GameControllerButton b, int frame_ms);

/* The kind of the segment the app's workout is in (SEG_DONE with no workout). */
SegmentKind apptest_kind(const App *a);

/* The key line the app's screen shows now (app_keys_hint), no-break spaces as plain ones. */
const char *apptest_keys_hint(const App *a);

/* Write text to path (a routine, a config file); a failure shows up in the test that reads it. */
void apptest_write_file(const char *path, const char *text);

#endif
