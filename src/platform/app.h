/* app.h: the options every front end shares, and the two ways of showing a workout: a real
 * window with the game loop (app_play) and a single headless frame written to PNG (app_shot). */
#ifndef UNKNOT_APP_H
#define UNKNOT_APP_H

#include <stdbool.h>
#include <stdint.h>

#include <SDL.h>

#include "history.h"
#include "render.h"
#include "session.h"
#include "simulate.h"

typedef struct {
    const char *data_dir; /* where assets/ and levels/ are */
    const char *levels_dir; /* the routine folder for the menu */
    const char *routine; /* a routine to play at once, or NULL for the menu */
    const char *font; /* --font, or NULL to ask fontconfig */
    int width, height; /* window or shot size */
    bool fullscreen;
    const char *shot_out; /* --shot: PNG path */
    int64_t shot_at_ms; /* --at */
    const InputScript *inputs; /* --input for --shot, may be NULL */
    bool shot_muted; /* a workout's --shot as with the sound off (tests; no option sets it) */
    const char *shot_notice; /* a workout's or the menu's --shot with this passing notice showing (tests) */
    const char *history_path; /* the workout history to record into; NULL records nothing (tests) */
    int week_goal; /* --week-goal, 0 for the default */
    const char *screen; /* --screen for --shot: NULL or "session" (a workout at --at), "progress", or a kiosk
                         * screen: "attract", "tiles", "pin" */
    bool have_now; /* --now given: the progress screen as of now_utc / now_offset, else the clock */
    int64_t now_utc;
    int32_t now_offset;
    bool kiosk; /* --kiosk: kiosk mode (kioskapp.h) */
    const char *kiosk_config; /* --kiosk-config, or NULL for $XDG_CONFIG_HOME/unknot/kiosk.conf */
} AppOptions;

typedef struct App App;

/* The app on a window and renderer made by the caller (win may be NULL for a headless
 * renderer). Loads the routine or the menu. NULL after one message on stderr. */
App *app_new(const AppOptions *o, SDL_Window *win, SDL_Renderer *ren);

/* Free the app (and the window and renderer when app_play made them). Safe on NULL. */
void app_free(App *a);

/* Handle one SDL event (keys, pads, mouse/touch, window). */
void app_event(App *a, const SDL_Event *e);

/* Advance by frame_ms of wall time: apply gathered input at once, then fixed ticks. */
void app_update(App *a, double frame_ms);

/* Draw the current frame (interpolated between ticks) and present it. */
void app_draw(App *a);

/* False once the user has quit. */
bool app_running(const App *a);

/* True while the "window lost focus" note is shown (paused by focus loss, not yet resumed). */
bool app_focus_lost(const App *a);

/* True in the menu or while paused: the loop may sleep on events. */
bool app_idle(const App *a);

/* The screen shown: "session", "menu", "progress" or "advice" (when to see a doctor). */
const char *app_screen(const App *a);

/* The key line the screen shows now, for the input used last: in a workout the open question's
 * ("It hurts", a check-in, the side) or the pause line, the quit question's while it is asked,
 * else the menu's (keyhint.h). */
void app_keys_hint(const App *a, char *buf, size_t size);

/* The session being played, or NULL in the menu. */
const Session *app_session(const App *a);

/* The workout being played as recorded in the history (status "Not saved", the streak and bonus
 * once closed), or NULL in the menu. Borrowed from a. */
const HistoryRecorder *app_recorder(const App *a);

/* What the menu shows from the history (streak, level states, "2 of 3 today"), as last loaded on
 * entering the menu. Borrowed from a. */
const MenuInfo *app_menu(const App *a);

/* The menu's chosen row (an index in the routine folder's list). */
int app_menu_selected(const App *a);

/* The open history for the menu and progress screen, or NULL when not recording. Borrowed. */
History *app_history(const App *a);

/* Open a window and run the menu or the routine until the user quits. Returns the exit code. */
int app_play(const AppOptions *o);

/* Render the frame a player would see at o->shot_at_ms of o->routine into o->shot_out (or, with
 * o->screen "progress", the progress screen of o->history_path as of --now; a missing history
 * file shows the empty state and is not created).
 * Needs no display. Returns the exit code (0, or 1 with one message on stderr). */
int app_shot(const AppOptions *o);

/* ---- for kiosk mode (kioskapp.c), which drives the app through these ---- */

typedef struct KioskApp KioskApp;

/* The renderer state the screens draw with. */
Render *app_render(App *a);

/* Start a workout of r (borrowed: must outlive it) read from path, for patient_code (NULL:
 * anonymous). Returns 0, or -1 with a notice (then app_session stays NULL). */
int app_start_workout(App *a, const Routine *r, const char *path, const char *patient_code);

/* Drop the workout at once, without its results (nothing of it stays on screen). */
void app_stop_workout(App *a);

/* End the game loop (the kiosk's admin exit). */
void app_quit(App *a);

/* Play workouts at percent volume (0..100), not saved; -1: the saved volume. */
void app_set_volume(App *a, int percent);

/* The sound of the workout (or the silent one of the menu), for tests. */
typedef struct Audio Audio;
const Audio *app_audio(const App *a);

/* Drop what the renderer holds and can make again (sprite sheets, cached text, open font sizes), waiting for
 * sprite decodes in flight: after a render device reset, or to measure memory at a fixed state.
 * The next draw loads what it needs. */
void app_release_caches(App *a);

/* Bytes held for the figures (loaded moves, paint buffers, textures: sprites_memory_bytes): some
 * during a workout, none once it is over (the check-in after it, the results), as draw lets them go. */
size_t app_figure_bytes(const App *a);

/* Whether the motion arrows' painter (its pixels and texture) is held: while arrows show, and
 * never once the workout is over, however it ended. */
bool app_arrows_held(const App *a);

/* The kiosk mode of a, or NULL. */
KioskApp *app_kiosk(App *a);

#endif
