/* kioskapp.c: the platform half of kiosk mode: settings, events into KioskInput, the core's
 * commands carried out, the kiosk screens drawn. Nothing here decides when a screen changes. */
#include "kioskapp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <sodium.h>

#include "files.h"
#include "history.h"
#include "holdways.h"
#include "kioskconf.h"
#include "kioskdraw.h"
#include "levels.h"
#include "pose.h"
#include "render.h"
#include "xwin.h"

struct KioskApp {
    App *app; /* borrowed */
    const AppOptions *opt;
    char conf_path[4096];
    KioskConfig conf;
    LevelList levels; /* owned: the offered routines point into it, and a workout borrows one */
    const Routine *tiles[KIOSK_MAX_TILES];
    const char *tile_paths[KIOSK_MAX_TILES];
    Kiosk core;
    KioskInput pending; /* input gathered since the last step */
    double acc_ms; /* time not yet stepped (whole ms are stepped) */
    bool key_chord; /* Ctrl+Alt+A held */
    bool pad_start, pad_back; /* Start and Back held on a pad */
    bool corner_down; /* a press held in the top-left corner */
    bool cursor_shown;
    bool drawn; /* a first frame is on screen (app_play makes the window full screen after it) */
    bool refill; /* a display came (back) or the window changed: make it fill its display again */
    bool refill_asked; /* by a display or a window shown, restored or moved to another display */
    bool refilled; /* the last refill asked for the display's size: a size change alone asks no more */
    bool display_away; /* a display was disconnected and none has come back: a size change asks nothing */
    double refill_wait_ms; /* time before the next refill may be made (a compositor that refuses) */
    KioskScreen last_screen;
    KioskAttract attract; /* the attract loop's moves, each in a slot at its own pace */
    int64_t attract_serial; /* the attract slot drawn last (-1: none since the loop came back) */
    /* figures from the history, read again when a screen changes or once a minute, not per frame */
    double figures_age_ms;
    int today; /* workouts begun here today, -1 when the history cannot say */
    char code_seen[KIOSK_CODE_MAX_DIGITS + 1]; /* the patient code code_line was made for */
    char code_line[128];
};

#define KIOSKAPP_FIGURES_MS 60000 /* how often the day's figures are read again */
#define KIOSKAPP_REFILL_MS 2000 /* at most one full-screen re-assert this often */

/* ---- the attract loop ---- */

/* What the attract loop needs of move m from its pose file dir/<id>.pose. Returns 0, or -1 when
 * it cannot be read or parsed (the move is then left out of the loop: it has no figure either). */
static int attract_move_read(const char *dir, MoveId m, PoseFile *pf, RoutineErrors *errs, KioskAttractMove *out)
{
    char path[FILES_PATH_BYTES];
    memset(out, 0, sizeof *out);
    out->move = m;
    out->tempo_ms = moves_info(m)->default_tempo_ms;
    if (snprintf(path, sizeof path, "%s/%s.pose", dir, moves_info(m)->id) >= (int)sizeof path ||
        holdways_read_pose(path, pf, errs) < 0)
        return -1;
    int intro = pose_section_find(pf, "intro");
    out->intro_ms = intro >= 0 ? (int)(pf->sections[intro].seconds * 1000.0f + 0.5f) : 0;
    pose_file_hold_ways(pf, &out->way_in_ms, &out->outro_ms);
    out->cycle = pose_section_find(pf, "cycle") >= 0;
    return 0;
}

int kioskapp_attract_plan(const char *pose_dir, KioskAttract *out)
{
    KioskAttractMove moves[MOVE_COUNT];
    PoseFile *pf = malloc(sizeof *pf);
    RoutineErrors *errs = malloc(sizeof *errs);
    int n = 0, missing = 0;
    for (int m = 0; m < MOVE_COUNT; m++) {
        if (!moves_info((MoveId)m)->routine_usable)
            continue;
        if (pf && errs && attract_move_read(pose_dir, (MoveId)m, pf, errs, &moves[n]) == 0)
            n++;
        else
            missing++;
    }
    free(pf);
    free(errs);
    kiosk_attract_plan(moves, n, out);
    return missing + n - out->count;
}

/* ---- settings ---- */

/* The offered routines: those named in the settings, else the short ones, in file order. */
static void choose_tiles(KioskApp *k)
{
    int n = 0;
    memset(k->tiles, 0, sizeof k->tiles);
    if (k->conf.routine_count > 0) {
        for (int i = 0; i < k->conf.routine_count && n < KIOSK_MAX_TILES; i++) {
            bool found = false;
            for (int j = 0; j < k->levels.count && !found; j++) {
                const LevelEntry *e = &k->levels.items[j];
                const char *base = strrchr(e->path, '/');
                base = base ? base + 1 : e->path;
                if (strcmp(base, k->conf.routines[i]) != 0)
                    continue;
                found = true;
                if (!e->valid) {
                    fprintf(stderr, "unknot: warning: kiosk: %s cannot be played (see unknot --check); left out\n",
                            e->path);
                    continue;
                }
                k->tile_paths[n] = e->path;
                k->tiles[n++] = &e->routine;
            }
            if (!found)
                fprintf(stderr, "unknot: warning: kiosk: no routine %s in %s; left out\n", k->conf.routines[i],
                        k->opt->levels_dir);
        }
    }
    /* no routines setting, or none of those named is there: the short ones; failing that, any */
    for (int pass = 0; pass < 2 && n == 0; pass++)
        for (int j = 0; j < k->levels.count && n < KIOSK_MAX_TILES; j++) {
            const LevelEntry *e = &k->levels.items[j];
            if (e->valid && (pass == 1 || session_routine_ms(&e->routine) <= KIOSKCONF_SHORT_MS)) {
                k->tile_paths[n] = e->path;
                k->tiles[n++] = &e->routine;
            }
        }
    if (n == 0)
        fprintf(stderr, "unknot: warning: kiosk: no routine to offer in %s\n", k->opt->levels_dir);
    KioskSettings s;
    memset(&s, 0, sizeof s);
    s.idle_ms = k->conf.idle_seconds * 1000;
    s.tile_count = n;
    s.tile_columns = kioskdraw_tile_columns(n);
    s.patient_codes = k->conf.patient_codes;
    s.have_pin = k->conf.pin_hash[0] != 0;
    kiosk_apply_settings(&k->core, &s);
}

static void load(KioskApp *k)
{
    levels_free(&k->levels);
    kioskconf_load(k->conf_path, &k->conf);
    if (levels_scan(k->opt->levels_dir, k->opt->data_dir, &k->levels) < 0)
        fprintf(stderr, "unknot: warning: %s: cannot read the routine folder\n", k->opt->levels_dir);
    choose_tiles(k);
    app_set_volume(k->app, k->conf.volume);
}

KioskApp *kioskapp_new(App *a, const AppOptions *o)
{
    KioskApp *k = calloc(1, sizeof *k);
    if (!k)
        return NULL;
    k->app = a;
    k->opt = o;
#ifdef __GLIBC__
    /* A day-long run: every worker thread (figure loader, painter, voice clips, SDL's audio) would
     * otherwise get a malloc arena of its own, and what they free stays resident there between
     * workouts; the 24 h soak measured VmRSS swinging 22.7-28.9 MB from hour to hour with them,
     * and 22.9-23.3 MB with a single arena (bench_kiosk_soak, docs/kiosk.md). */
    mallopt(M_ARENA_MAX, 1);
#endif
    if (o->kiosk_config)
        snprintf(k->conf_path, sizeof k->conf_path, "%s", o->kiosk_config);
    else if (kioskconf_default_path(k->conf_path, sizeof k->conf_path) < 0)
        snprintf(k->conf_path, sizeof k->conf_path, "kiosk.conf");
    KioskSettings s;
    memset(&s, 0, sizeof s);
    kiosk_init(&k->core, &s);
    load(k);
    char dir[FILES_PATH_BYTES];
    snprintf(dir, sizeof dir, "%s/assets/poses", o->data_dir ? o->data_dir : ".");
    int left_out = kioskapp_attract_plan(dir, &k->attract);
    if (left_out > 0)
        fprintf(stderr, "unknot: warning: kiosk: %d move%s left out of the attract loop (no pose file, or too slow)\n",
                left_out, left_out == 1 ? "" : "s");
    k->attract_serial = -1;
    if (!k->conf.pin_hash[0] && !o->screen)
        fprintf(stderr, "unknot: warning: kiosk: no admin PIN is set (unknot --set-pin); the kiosk can only be stopped "
                        "from outside, by its service\n");
    SDL_ShowCursor(SDL_DISABLE);
    return k;
}

void kioskapp_free(KioskApp *k)
{
    if (!k)
        return;
    levels_free(&k->levels);
    sodium_memzero(&k->core.digits, sizeof k->core.digits);
    free(k);
}

const Kiosk *kioskapp_state(const KioskApp *k)
{
    return &k->core;
}

/* ---- events ---- */

static void show_cursor(KioskApp *k)
{
    if (!k->cursor_shown) {
        SDL_ShowCursor(SDL_ENABLE);
        k->cursor_shown = true;
    }
}

/* A mouse or touch position in renderer pixels (a high-DPI window's differ from its points). */
static void to_pixels(KioskApp *k, int x, int y, int *px, int *py)
{
    Render *rd = app_render(k->app);
    SDL_Window *win = SDL_RenderGetWindow(rd->r);
    int ww = rd->w, wh = rd->h;
    if (win)
        SDL_GetWindowSize(win, &ww, &wh);
    *px = ww > 0 ? x * rd->w / ww : x;
    *py = wh > 0 ? y * rd->h / wh : y;
}

static void add(KioskApp *k, unsigned actions)
{
    k->pending.actions |= actions;
}

/* Keys on the kiosk's own screens. */
static void key_down(KioskApp *k, const SDL_KeyboardEvent *e)
{
    SDL_Keycode s = e->keysym.sym;
    if (s >= SDLK_0 && s <= SDLK_9) {
        add(k, KIOSK_IN_DIGIT | KIOSK_IN_ANY);
        k->pending.digit = s - SDLK_0;
    } else if (s >= SDLK_KP_1 && s <= SDLK_KP_9) {
        add(k, KIOSK_IN_DIGIT | KIOSK_IN_ANY);
        k->pending.digit = s - SDLK_KP_1 + 1;
    } else if (s == SDLK_KP_0) {
        add(k, KIOSK_IN_DIGIT | KIOSK_IN_ANY);
        k->pending.digit = 0;
    } else if (s == SDLK_RETURN || s == SDLK_KP_ENTER) {
        add(k, KIOSK_IN_ENTER | KIOSK_IN_ANY); /* typed digits, then Enter: OK */
    } else if (s == SDLK_SPACE) {
        add(k, KIOSK_IN_PRESS | KIOSK_IN_ANY);
    } else if (s == SDLK_BACKSPACE || s == SDLK_ESCAPE) {
        add(k, KIOSK_IN_BACK | KIOSK_IN_ANY);
    } else if (s == SDLK_UP) {
        add(k, KIOSK_IN_UP | KIOSK_IN_ANY);
    } else if (s == SDLK_DOWN) {
        add(k, KIOSK_IN_DOWN | KIOSK_IN_ANY);
    } else if (s == SDLK_LEFT) {
        add(k, KIOSK_IN_LEFT | KIOSK_IN_ANY);
    } else if (s == SDLK_RIGHT) {
        add(k, KIOSK_IN_RIGHT | KIOSK_IN_ANY);
    } else if (s == SDLK_LCTRL || s == SDLK_RCTRL || s == SDLK_LALT || s == SDLK_RALT || s == SDLK_LSHIFT ||
               s == SDLK_RSHIFT || s == SDLK_LGUI || s == SDLK_RGUI) {
        add(k, KIOSK_IN_ACTIVITY); /* a modifier alone (the chord's start) wakes nothing */
    } else if (e->keysym.mod & (KMOD_CTRL | KMOD_ALT | KMOD_GUI)) {
        add(k, KIOSK_IN_ACTIVITY); /* a shortcut (the chord's Ctrl+Alt+A) is not "any button" */
    } else {
        add(k, KIOSK_IN_ANY);
    }
}

static void pad_button(KioskApp *k, Uint8 b)
{
    switch (b) {
    case SDL_CONTROLLER_BUTTON_A: add(k, KIOSK_IN_PRESS | KIOSK_IN_ANY); break;
    case SDL_CONTROLLER_BUTTON_B: add(k, KIOSK_IN_BACK | KIOSK_IN_ANY); break;
    case SDL_CONTROLLER_BUTTON_DPAD_UP: add(k, KIOSK_IN_UP | KIOSK_IN_ANY); break;
    case SDL_CONTROLLER_BUTTON_DPAD_DOWN: add(k, KIOSK_IN_DOWN | KIOSK_IN_ANY); break;
    case SDL_CONTROLLER_BUTTON_DPAD_LEFT: add(k, KIOSK_IN_LEFT | KIOSK_IN_ANY); break;
    case SDL_CONTROLLER_BUTTON_DPAD_RIGHT: add(k, KIOSK_IN_RIGHT | KIOSK_IN_ANY); break;
    case SDL_CONTROLLER_BUTTON_START:
    case SDL_CONTROLLER_BUTTON_BACK: add(k, KIOSK_IN_ACTIVITY); break; /* the chord's buttons start nothing */
    default: add(k, KIOSK_IN_ANY); break;
    }
}

/* Keys that would end the program or leave full screen anywhere else: Alt+F4, Ctrl+Q, F11. */
static bool is_quit_key(const SDL_KeyboardEvent *e)
{
    SDL_Keycode s = e->keysym.sym;
    Uint16 mod = e->keysym.mod;
    return (s == SDLK_F4 && (mod & KMOD_ALT)) || (s == SDLK_q && (mod & KMOD_CTRL)) || s == SDLK_F11;
}

bool kioskapp_event(KioskApp *k, const SDL_Event *e)
{
    bool own_screen = k->core.screen != KIOSK_WORKOUT;
    switch (e->type) {
    case SDL_QUIT: return true; /* the window's close, Alt+F4 through a window manager, SIGTERM: ignored */
    case SDL_DISPLAYEVENT:
        if (e->display.event == SDL_DISPLAYEVENT_CONNECTED || e->display.event == SDL_DISPLAYEVENT_ORIENTATION)
            k->refill = k->refill_asked = true;
        if (e->display.event == SDL_DISPLAYEVENT_CONNECTED || e->display.event == SDL_DISPLAYEVENT_DISCONNECTED)
            k->display_away = e->display.event == SDL_DISPLAYEVENT_DISCONNECTED;
        return false; /* the app renders its text again for it */
    case SDL_WINDOWEVENT:
        /* moved to another display, or given back after the window system minimised or resized it */
        if (e->window.event == SDL_WINDOWEVENT_DISPLAY_CHANGED || e->window.event == SDL_WINDOWEVENT_RESTORED ||
            e->window.event == SDL_WINDOWEVENT_SHOWN)
            k->refill = k->refill_asked = true;
        /* resized or moved from outside (xdotool, a stray window manager): cover the display
         * again, once; a window system that answers with its own size again keeps it (no fight
         * every KIOSKAPP_REFILL_MS) until one of the events above. Not while a display is away:
         * the window system shrinks the window then, and its return says when to fill it again */
        if ((e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED || e->window.event == SDL_WINDOWEVENT_MOVED) &&
            !k->display_away)
            k->refill = true;
        return e->window.event == SDL_WINDOWEVENT_CLOSE;
    case SDL_MOUSEMOTION:
        add(k, KIOSK_IN_ACTIVITY);
        if (e->motion.which != SDL_TOUCH_MOUSEID)
            show_cursor(k);
        return own_screen;
    case SDL_FINGERDOWN:
        show_cursor(k);
        add(k, KIOSK_IN_ACTIVITY);
        return false; /* SDL turns the touch into a mouse press too: that is what acts */
    case SDL_KEYDOWN:
        if (e->key.repeat)
            return own_screen || is_quit_key(&e->key);
        if (e->key.keysym.sym == SDLK_a && (e->key.keysym.mod & KMOD_CTRL) && (e->key.keysym.mod & KMOD_ALT))
            k->key_chord = true;
        if (is_quit_key(&e->key)) {
            add(k, KIOSK_IN_ACTIVITY);
            return true;
        }
        if (!own_screen) {
            add(k, KIOSK_IN_ACTIVITY); /* Esc pauses and Q ends the workout, as at home */
            return false;
        }
        key_down(k, &e->key);
        return true;
    case SDL_KEYUP: {
        SDL_Keycode s = e->key.keysym.sym;
        if (s == SDLK_a || s == SDLK_LCTRL || s == SDLK_RCTRL || s == SDLK_LALT || s == SDLK_RALT)
            k->key_chord = false;
        return own_screen;
    }
    case SDL_CONTROLLERBUTTONDOWN:
    case SDL_CONTROLLERBUTTONUP: {
        bool down = e->type == SDL_CONTROLLERBUTTONDOWN;
        if (e->cbutton.button == SDL_CONTROLLER_BUTTON_START)
            k->pad_start = down;
        if (e->cbutton.button == SDL_CONTROLLER_BUTTON_BACK)
            k->pad_back = down;
        if (!own_screen) {
            if (down)
                add(k, KIOSK_IN_ACTIVITY);
            return false;
        }
        if (down)
            pad_button(k, e->cbutton.button);
        return true;
    }
    case SDL_CONTROLLERDEVICEREMOVED:
        k->pad_start = k->pad_back = false; /* a pad unplugged mid-chord lets go of it */
        return false;
    case SDL_CONTROLLERAXISMOTION: add(k, KIOSK_IN_ACTIVITY); return false;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP: {
        if (e->button.button != SDL_BUTTON_LEFT)
            return own_screen;
        bool down = e->type == SDL_MOUSEBUTTONDOWN;
        int x, y;
        to_pixels(k, e->button.x, e->button.y, &x, &y);
        int corner = render_px(app_render(k->app), KIOSKAPP_CORNER_UNITS);
        k->corner_down = down && x < corner && y < corner;
        if (!own_screen) {
            add(k, KIOSK_IN_ACTIVITY);
            return false;
        }
        if (down) {
            int item = kioskdraw_item_at(app_render(k->app), &k->core, x, y);
            add(k, KIOSK_IN_ANY);
            if (item >= 0) {
                add(k, KIOSK_IN_TAP);
                k->pending.item = item;
            }
        }
        return true;
    }
    default: return false;
    }
}

/* ---- the history's figures ---- */

static void read_figures(KioskApp *k)
{
    History *h = app_history(k->app);
    int64_t now = (int64_t)time(NULL);
    int32_t offset = history_local_offset(now);
    k->figures_age_ms = 0;
    k->today = -1;
    HistoryProgress *pr = malloc(sizeof *pr);
    if (h && pr && history_progress(h, NULL, now, offset, 0, pr) == 0) {
        k->today = pr->today_workouts;
    }
    free(pr);
    snprintf(k->code_seen, sizeof k->code_seen, "%s", k->core.code);
    k->code_line[0] = 0;
    if (!k->core.code[0])
        return;
    StreakSummary sum;
    if (h && history_streak(h, k->core.code, now, offset, 0, &sum) == 0 && sum.current > 0)
        snprintf(k->code_line, sizeof k->code_line, "Code %s \xC2\xB7 day %d in a row \xC2\xB7 touch to change",
                 k->core.code, sum.current + (sum.today_counted ? 0 : 1));
    else
        snprintf(k->code_line, sizeof k->code_line,
                 "Code %s \xC2\xB7 your streak starts today \xC2\xB7 touch to change", k->core.code);
}

/* ---- commands ---- */

static void run_command(KioskApp *k, const KioskCommand *c)
{
    switch (c->type) {
    case KIOSK_CMD_START_WORKOUT:
        if (c->tile >= 0 && c->tile < KIOSK_MAX_TILES && k->tiles[c->tile])
            app_start_workout(k->app, k->tiles[c->tile], k->tile_paths[c->tile], c->code[0] ? c->code : NULL);
        break; /* a workout that could not start is seen as over at the next step */
    case KIOSK_CMD_END_WORKOUT: app_stop_workout(k->app); break;
    case KIOSK_CMD_CHECK_PIN: {
        KioskCommand copy = *c;
        bool ok = kioskconf_check_pin(&k->conf, copy.digits);
        sodium_memzero(copy.digits, sizeof copy.digits);
        kiosk_pin_checked(&k->core, ok);
        if (ok)
            fprintf(stderr, "unknot: kiosk: the admin screen was opened\n");
        else if (k->core.note == KIOSK_NOTE_LOCKED)
            fprintf(stderr, "unknot: kiosk: %d wrong PINs: the keypad is locked for %d s\n", KIOSK_PIN_TRIES,
                    KIOSK_LOCKOUT_MS / 1000);
        break;
    }
    case KIOSK_CMD_RELOAD:
        load(k);
        fprintf(stderr, "unknot: kiosk: settings read again from %s\n", k->conf_path);
        break;
    case KIOSK_CMD_EXIT:
        fprintf(stderr, "unknot: kiosk: left by the admin\n");
        app_quit(k->app);
        break;
    }
}

/* The window full screen on its display and exactly its size, as at start: after a display was
 * unplugged and plugged back (or came back at another size, or turned) the window system may
 * have taken full screen away or left the old size; an outside resize may have made it smaller.
 * Nothing happens when it already fills the display, so the events this causes end here. Where
 * the window is an X window, the X server says whether it fills the display, not SDL: resized
 * from outside, then unmapped and mapped with no window manager, the X window kept the outside
 * size while SDL took the display's back as it restored full screen, and the kiosk was drawn for
 * the display, cropped to the window (xwin.h). When it does not fill it and act is false, nothing
 * is asked either. Returns 1 when it asked for the display's size, 0 when the window fills the
 * display (or there is none to fill), -1 when it does not and nothing was asked. */
static int refill_display(KioskApp *k, bool act)
{
    SDL_Window *win = SDL_RenderGetWindow(app_render(k->app)->r);
    if (!win)
        return 0; /* drawing into a surface (tests, --shot): no window to fill */
    int index = SDL_GetWindowDisplayIndex(win);
    SDL_Rect d;
    if (SDL_GetDisplayBounds(index < 0 ? 0 : index, &d) != 0 || d.w <= 0 || d.h <= 0)
        return 0; /* no display at the moment: the next CONNECTED brings us back here */
    int x, y, w, h;
    SDL_GetWindowPosition(win, &x, &y);
    SDL_GetWindowSize(win, &w, &h);
    SDL_Rect real;
    if (xwin_geometry(win, &real)) /* the X server's own answer */
        x = real.x, y = real.y, w = real.w, h = real.h;
    Uint32 full = SDL_GetWindowFlags(win) & SDL_WINDOW_FULLSCREEN_DESKTOP;
    if (full == SDL_WINDOW_FULLSCREEN_DESKTOP && x == d.x && y == d.y && w == d.w && h == d.h)
        return 0;
    if (!act)
        return -1;
    SDL_SetWindowFullscreen(win, 0); /* a full-screen window keeps its size until it leaves full screen */
    SDL_SetWindowPosition(win, d.x, d.y);
    SDL_SetWindowSize(win, d.w, d.h);
    SDL_SetWindowFullscreen(win, SDL_WINDOW_FULLSCREEN_DESKTOP);
    fprintf(stderr, "unknot: kiosk: full screen again on display %d (%dx%d; the window was %dx%d at %d,%d)\n",
            index < 0 ? 0 : index, d.w, d.h, w, h, x, y);
    return 1;
}

bool kioskapp_update(KioskApp *k, double frame_ms)
{
    const Session *s = app_session(k->app);
    KioskInput in = k->pending;
    memset(&k->pending, 0, sizeof k->pending);
    in.chord = k->key_chord || (k->pad_start && k->pad_back) || k->corner_down;
    if (s) {
        SessionView v = session_view(s, 0);
        in.workout_busy = kiosk_session_busy(&v);
    }
    in.workout_over = k->core.screen == KIOSK_WORKOUT && !s;
    k->acc_ms += frame_ms > 250 ? 250 : frame_ms < 0 ? 0 : frame_ms;
    int dt = (int)k->acc_ms;
    k->acc_ms -= dt;
    kiosk_step(&k->core, &in, dt);
    KioskCommand c;
    while (kiosk_poll_command(&k->core, &c))
        run_command(k, &c);
    if (k->core.screen == KIOSK_ATTRACT && k->last_screen != KIOSK_ATTRACT) {
        if (k->cursor_shown) {
            SDL_ShowCursor(SDL_DISABLE); /* the next person starts with a clean screen */
            k->cursor_shown = false;
        }
#ifdef __GLIBC__
        malloc_trim(0); /* the visit's memory (its voice clips, its figures) goes back to the system */
#endif
    }
    if (k->refill_wait_ms > 0)
        k->refill_wait_ms -= frame_ms;
    if (k->refill && k->drawn && k->refill_wait_ms <= 0) {
        k->refill = false;
        int r = refill_display(k, k->refill_asked || !k->refilled);
        if (k->refill_asked)
            k->display_away = false; /* it came back (moved to a display, shown, restored) */
        if (r > 0) { /* asked: the next ask waits (a window system that refuses is not pressed) */
            k->refilled = true;
            k->refill_wait_ms = KIOSKAPP_REFILL_MS;
        } else if (r == 0) {
            k->refilled = false; /* it fills the display: the next outside resize is answered again */
        }
        k->refill_asked = false;
    }
    k->figures_age_ms += frame_ms;
    if (k->core.screen != k->last_screen || strcmp(k->code_seen, k->core.code) != 0 ||
        k->figures_age_ms >= KIOSKAPP_FIGURES_MS)
        read_figures(k);
    k->last_screen = k->core.screen;
    return kiosk_workout_runs(&k->core);
}

/* ---- drawing ---- */

bool kioskapp_draw(KioskApp *k)
{
    k->drawn = true;
    if (k->core.screen == KIOSK_WORKOUT)
        return false;
    KioskDrawInfo info;
    memset(&info, 0, sizeof info);
    info.clinic = k->conf.clinic;
    info.today = k->today;
    for (int i = 0; i < KIOSK_MAX_TILES; i++)
        info.tiles[i] = k->tiles[i];
    info.attract = &k->attract;
    if (k->core.screen == KIOSK_ATTRACT) {
        /* a new slot is framed on its own poses from its first frame, never eased from the slot
         * before's framing (a standing figure drawn where a lying one was: headless legs) */
        int64_t serial;
        kiosk_attract_at(&k->attract, k->core.attract_ms, NULL, &serial);
        info.attract_new_slot = serial != k->attract_serial;
        k->attract_serial = serial;
    } else {
        k->attract_serial = -1;
    }
    char today[96], started[96], saved[160];
    if (k->core.code[0] && k->code_line[0])
        info.code_line = k->code_line;
    int line = 0;
    if (k->today >= 0) {
        snprintf(today, sizeof today, "Workouts begun today: %d", k->today);
        info.admin_lines[line++] = today;
    }
    snprintf(started, sizeof started, "Begun since this kiosk started: %d", k->core.workouts_started);
    info.admin_lines[line++] = started;
    History *h = app_history(k->app);
    snprintf(saved, sizeof saved, "History: %s", h && history_usable(h) ? "saved" : "NOT SAVED (see the log)");
    info.admin_lines[line++] = saved;
    info.admin_lines[line++] = k->conf.pin_hash[0] ? "Admin PIN: set" : "Admin PIN: none";
    kioskdraw_screen(app_render(k->app), &k->core, &info);
    return true;
}

int kioskapp_show(KioskApp *k, const char *screen)
{
    KioskInput in;
    memset(&in, 0, sizeof in);
    if (!strcmp(screen, "attract")) { /* the second move, halfway through its slot */
        kiosk_step(&k->core, NULL,
                   k->attract.count > 1 ? k->attract.slots[0].slot_ms + k->attract.slots[1].slot_ms / 2 : 0);
        return 0;
    }
    in.actions = KIOSK_IN_ANY;
    kiosk_step(&k->core, &in, 0);
    if (!strcmp(screen, "tiles"))
        return 0;
    if (!strcmp(screen, "pin")) {
        k->core.set.have_pin = true; /* the keypad looks the same with or without a PIN set */
        memset(&in, 0, sizeof in);
        in.chord = true;
        kiosk_step(&k->core, &in, KIOSK_CHORD_MS);
        memset(&in, 0, sizeof in);
        for (int d = 1; d <= 3; d++) {
            in.actions = KIOSK_IN_DIGIT;
            in.digit = d;
            kiosk_step(&k->core, &in, 0);
        }
        return 0;
    }
    return -1;
}
