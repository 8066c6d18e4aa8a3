/* app.c: the game loop (window, events, fixed-step simulation, interpolated drawing, audio) and
 * the headless --shot. The loop never spins: it sleeps until the next frame is due, and sleeps
 * on events while paused or in the menu, where a screen on which nothing moves is not redrawn. */
#include "app.h"

#include <errno.h>
#include <limits.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <SDL.h>
#include <stb_image_write.h>

#include <sys/stat.h>
#include <time.h>

#include "arrows.h"
#include "audio.h"
#include "checkin.h"
#include "figpaint.h"
#include "hurt.h"
#include "sidepick.h"
#include "files.h"
#include "history.h"
#include "holdways.h"
#include "input.h"
#include "keyhint.h"
#include "kioskapp.h"
#include "levels.h"
#include "prefault.h"
#include "progress.h"
#include "results.h"
#include "render.h"
#include "sprites.h"
#include "text.h"
#include "voicetable.h"
#include "xwin.h"

#define APP_FPS 60 /* frames a second while a workout runs */
#define APP_MAX_FRAME_MS 250 /* a longer stall is not simulated in one go ("Fix Your Timestep") */
#define APP_STATS_FRAMES 1024 /* UNKNOT_STATS: frame times kept per 5 s report (60 fps: 300) */
#define APP_IDLE_WAIT_MS 1000 /* menu or paused: wake at least this often; redraw only on a change */
#define APP_NOTICE_MS 3000
#define APP_MMAP_THRESHOLD (128 * 1024) /* bytes: glibc's default, kept fixed (app_play) */

struct App {
    SDL_Window *win;
    SDL_Renderer *ren;
    Render rd;
    Input input;
    Audio *audio;
    const AppOptions *opt;
    LevelList levels;
    int selected;
    Routine own; /* the routine given on the command line */
    bool have_own;
    const Routine *routine; /* being played, or NULL in the menu */
    Session session;
    History *history; /* the workout history, or NULL when o->history_path is NULL */
    HistoryRecorder rec; /* the workout being played, as recorded */
    bool in_session;
    bool figures_released; /* the workout is over and its figures were let go (draw) */
    bool from_menu;
    bool confirm_quit; /* the menu asks "Quit unknot?" before closing */
    bool focus_lost;
    bool fullscreen;
    bool running;
    unsigned pending; /* session input gathered since the last tick */
    int pending_pain; /* with INPUT_PAIN in pending: the answer */
    int pending_rule; /* with INPUT_RULE in pending: the answer */
    Sides pending_side; /* with INPUT_SIDE in pending: the answer */
    Sides side_sel; /* "Which side hurts?": the highlighted side, SIDES_NONE at first */
    int hurt_sel; /* "It hurts": the highlighted stop rule row or button (the picker holds the number) */
    HurtStage hurt_seen; /* the question hurt_sel (or the picker) was set up for */
    /* "Skip this move for today": the moves skipped, and the local day (days since 1970) they are for */
    MoveId skip_moves[ROUTINE_MAX_STEPS];
    int skip_count;
    int64_t skip_day;
    MoveId skip_own[ROUTINE_MAX_STEPS]; /* a physio's own moves skipped today: ids of the routine playing */
    int skip_own_count;
    PainPicker picker; /* the pain check-in's highlighted number */
    int picker_seg; /* the segment the picker was set up for, -1 none */
    char notice[96];
    Uint32 notice_until;
    double acc_ms; /* simulation time not yet stepped */
    bool drawn; /* a frame has been presented since the screen last changed */
    bool drawn_notice; /* ... and it showed the notice */
    bool drawn_figure; /* ... and it had the figure on it (the results have none) */
    uint64_t drawn_key; /* screen_key() of the frame presented last */
    bool owns_window; /* app_play made the window and renderer */
    SDL_Rect windowed; /* the window's place and size before full screen */
    /* out of a workout: the menu, or the progress or doctor-advice screen over it */
    enum { VIEW_MENU, VIEW_PROGRESS, VIEW_ADVICE } view;
    HistoryProgress *progress; /* loaded when the progress screen opens; owned */
    MenuInfo menu; /* the streak and level states on the menu, refreshed on entering it */
    KioskApp *kiosk; /* --kiosk, else NULL */
    int volume; /* workouts' volume in percent, -1: the saved one (app_set_volume) */
    char patient_code[16]; /* the kiosk visitor's code for the history, "" when anonymous */
    const char *workout_path; /* the file of the routine app_start_workout was given */
};

/* ---- helpers shared by the window and the shot ---- */

static int load_routine(const char *path, const char *data_dir, Routine *r)
{
    RoutineErrors *errs = malloc(sizeof *errs);
    if (!errs)
        return -1;
    int rc = files_load_routine(path, r, errs);
    if (rc < 0)
        files_print_errors(errs);
    else
        holdways_fill_data(r, data_dir); /* its holds' ways in and out, from the pose files the figure plays */
    free(errs);
    return rc;
}

static Sprites *open_sprites(SDL_Renderer *ren, const char *data_dir)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/assets/poses", data_dir);
    return sprites_new(ren, dir);
}

/* The idle figure for the menu: a view with nothing but the standing figure, still, so the menu
 * costs nothing while nobody touches it. */
static SessionView idle_view(void)
{
    SessionView v;
    memset(&v, 0, sizeof v);
    v.kind = SEG_SAFETY;
    v.step_index = -1;
    v.figure = MOVE_IDLE;
    v.anim = ANIM_LOOP;
    v.anim_ms = 0;
    v.anim_length_ms = SESSION_IDLE_LOOP_MS;
    v.caption = "";
    return v;
}

/* The figure camera's clock (sprites_set_clock) for a frame drawn extra_ms past the session's
 * tick: the time the figure moves in, which stands still while paused, while "It hurts" is open
 * and behind the kiosk's "Still there?" (the session is not stepped), so the camera eases as the
 * figure moves, and --shot plays it over the same frames. */
static long long camera_clock(const Session *s, int extra_ms)
{
    bool runs = !s->paused && !s->ended && s->hurt == HURT_NONE;
    return (long long)s->active_ms + (runs ? extra_ms : 0);
}

/* The input with the user's bindings.conf (the defaults when there is none). */
static void input_open_bindings(Input *in)
{
    char cfg[4096], bindings[4200];
    if (files_config_dir(cfg, sizeof cfg) == 0) {
        snprintf(bindings, sizeof bindings, "%s/bindings.conf", cfg);
        input_init(in, bindings);
    } else {
        input_init(in, NULL);
    }
}

/* ---- window mode ---- */

/* ---- view.conf: the motion arrows on or off, kept between runs (arrows.h) ---- */

/* view.conf in the one config directory files.c decides; -1 when there is none. */
static int view_config_path(char *buf, size_t size)
{
    char dir[1024];
    if (files_config_dir(dir, sizeof dir) != 0)
        return -1;
    int n = snprintf(buf, size, "%s/view.conf", dir);
    return n < 0 || (size_t)n >= size ? -1 : 0;
}

/* Whether the motion arrows are on: view.conf's setting, on when there is none. */
static bool view_arrows_load(void)
{
    char path[1100], err[256];
    bool on = true;
    char *src;
    size_t len;
    if (view_config_path(path, sizeof path) != 0)
        return on;
    if (files_read(path, FILES_MAX_CONFIG_BYTES, &src, &len, err, sizeof err) < 0) {
        if (errno != ENOENT) /* no file yet is the usual case */
            fprintf(stderr, "unknot: warning: %s: %s; motion arrows on\n", path, err);
        return on;
    }
    if (arrows_conf_parse(src, len, &on, err, sizeof err) > 0)
        fprintf(stderr, "unknot: warning: %s: %s; the line is ignored\n", path, err);
    free(src);
    return on;
}

/* Write view.conf whole or not at all; a failure is a debug note, not a warning. */
static void view_arrows_save(bool on)
{
    char path[1100], text[128], err[256];
    int n = arrows_conf_format(on, text, sizeof text);
    if (view_config_path(path, sizeof path) != 0 || n < 0)
        return;
    if (files_write_atomic(path, text, (size_t)n, err, sizeof err) < 0)
        SDL_LogDebug(SDL_LOG_CATEGORY_APPLICATION, "view: %s", err);
}

static void set_notice(App *a, const char *text)
{
    snprintf(a->notice, sizeof a->notice, "%s", text);
    a->notice_until = SDL_GetTicks() + APP_NOTICE_MS;
}

/* The file r was read from, for the history. */
static const char *routine_path_of(const App *a, const Routine *r)
{
    if (a->have_own && r == &a->own)
        return a->opt->routine;
    if (a->workout_path)
        return a->workout_path;
    for (int i = 0; i < a->levels.count; i++)
        if (&a->levels.items[i].routine == r)
            return a->levels.items[i].path;
    return r->title;
}

static void now_and_offset(const App *a, int64_t *now, int32_t *offset);

/* The local day now, for "skip this move for the rest of today". */
static int64_t local_day(const App *a)
{
    int64_t now;
    int32_t offset;
    now_and_offset(a, &now, &offset);
    int64_t t = now + offset;
    return t >= 0 ? t / 86400 : (t - 86399) / 86400;
}

/* Moves skipped earlier today because they hurt are passed over in this workout too, and the
 * notice says which. */
static void skip_today_remember(App *a, MoveId m);
static void skip_today_remember_own(App *a, MoveId m);

/* The moves skipped today as the history has them (also by an unknot run before this one). */
static void skip_today_load(App *a)
{
    if (!a->history)
        return;
    int64_t now;
    int32_t offset;
    now_and_offset(a, &now, &offset);
    char(*names)[HISTORY_MOVE_BYTES] = malloc(sizeof *names * ROUTINE_MAX_STEPS);
    int n = 0;
    if (names && history_skipped_moves(a->history, a->patient_code[0] ? a->patient_code : NULL, now, offset, names,
                                       ROUTINE_MAX_STEPS, &n) == 0)
        for (int i = 0; i < n; i++) {
            MoveId m = moves_find(names[i], -1);
            if (m != MOVE_NONE)
                skip_today_remember(a, m);
            else if (a->routine) /* a physio's own move: the history has its name; this routine's id for it */
                for (int k = 0; k < a->routine->step_count; k++) {
                    MoveId own = a->routine->steps[k].move;
                    if (a->routine->steps[k].kind == STEP_MOVE && own >= MOVE_COUNT &&
                        strcmp(routine_move_info(a->routine, own)->id, names[i]) == 0)
                        skip_today_remember_own(a, own);
                }
        }
    free(names);
}

static void skip_today_apply(App *a)
{
    if (a->skip_day != local_day(a))
        a->skip_count = 0; /* a new day: every move is back */
    a->skip_own_count = 0; /* own moves' ids are this routine's: found again by name */
    skip_today_load(a);
    if (a->skip_count + a->skip_own_count == 0)
        return;
    /* The notice names every move passed over; the names are appended in place, cut at the notice's size. */
    static const char prefix[] = "Skipped today, it hurt: ";
    char b[sizeof a->notice];
    snprintf(b, sizeof b, "%s", prefix);
    bool any = false;
    for (int i = 0; i < a->skip_count + a->skip_own_count; i++) {
        MoveId m = i < a->skip_count ? a->skip_moves[i] : a->skip_own[i - a->skip_count];
        bool here = false;
        for (int k = 0; k < a->routine->step_count; k++)
            here |= a->routine->steps[k].kind == STEP_MOVE && a->routine->steps[k].move == m;
        if (!here)
            continue;
        session_skip_move(&a->session, m);
        size_t n = strlen(b);
        snprintf(b + n, sizeof b - n, "%s%s", any ? ", " : "", routine_move_info(a->routine, m)->name);
        any = true;
    }
    if (any)
        set_notice(a, b);
}

/* Keep a physio's own move of this routine in the list of its moves skipped today (once). */
static void skip_today_remember_own(App *a, MoveId m)
{
    for (int i = 0; i < a->skip_own_count; i++)
        if (a->skip_own[i] == m)
            return;
    if (a->skip_own_count < ROUTINE_MAX_STEPS)
        a->skip_own[a->skip_own_count++] = m;
}

/* Keep m in the list of today's skipped moves (once). */
static void skip_today_remember(App *a, MoveId m)
{
    if (m >= MOVE_COUNT)
        return; /* a physio's own move: its id is its routine's own, so it is not carried to other workouts */
    int64_t day = local_day(a);
    if (a->skip_day != day)
        a->skip_count = 0;
    a->skip_day = day;
    for (int i = 0; i < a->skip_count; i++)
        if (a->skip_moves[i] == m)
            return;
    if (a->skip_count < ROUTINE_MAX_STEPS)
        a->skip_moves[a->skip_count++] = m;
}

/* "It hurts" closed with "skip this move for today": remember the move until midnight, in the
 * history (a restarted unknot still knows) and in memory (when the history cannot be written). */
static void skip_today_add(App *a, int step)
{
    if (step < 0 || !a->routine || step >= a->routine->step_count || a->routine->steps[step].kind != STEP_MOVE)
        return;
    MoveId m = a->routine->steps[step].move;
    skip_today_remember(a, m);
    int64_t now;
    int32_t offset;
    now_and_offset(a, &now, &offset);
    history_skip_move(a->history, routine_path_of(a, a->routine), routine_move_info(a->routine, m)->id,
                      a->patient_code[0] ? a->patient_code : NULL, now, offset);
}

/* Doses that build are set for today from the routine's completed workouts in the history. The
 * routine is the app's own (the menu's or the command line's); a kiosk's is left as written. */
static void apply_progress(App *a, Routine *r)
{
    int completed = 0;
    if (!routine_has_progress(r))
        return;
    if (!a->history || history_completed_count(a->history, routine_path_of(a, r), &completed) < 0)
        completed = 0;
    routine_apply_progress(r, completed);
}

static void start_session(App *a, const Routine *r)
{
    if (a->in_session)
        session_free(&a->session);
    a->in_session = false; /* until the new one exists: nothing may touch the freed session */
    a->routine = NULL;
    if (session_init(&a->session, r) < 0) {
        set_notice(a, "Out of memory");
        if (!a->from_menu)
            a->running = false;
        return;
    }
    a->routine = r;
    a->in_session = true;
    sprites_set_routine(a->rd.sprites, r); /* its own moves' figures, if it has any */
    history_recorder_init(&a->rec, a->history, routine_path_of(a, r), r, a->patient_code[0] ? a->patient_code : NULL);
    a->rec.week_goal = a->opt->week_goal;
    a->pending = 0;
    a->picker_seg = -1;
    a->hurt_seen = HURT_NONE;
    a->side_sel = SIDES_NONE;
    a->focus_lost = false;
    skip_today_apply(a);
    audio_free(a->audio);
    a->audio = audio_new(a->opt->data_dir, r);
    if (a->volume >= 0)
        audio_set_volume(a->audio, a->volume);
    /* the session decides when each clip is said, with the lengths audio found (as --simulate) */
    int clips = 0;
    const SessionClip *table = audio_voice_clips(a->audio, &clips);
    session_set_voice(&a->session, table, clips);
}

/* After the results, the menu: also when the routine was given on the command line, so the
 * next workout is one press away and nobody lands on the desktop by surprise. */
/* ---- the menu's streak and levels, the progress and advice screens ---- */

static void now_and_offset(const App *a, int64_t *now, int32_t *offset)
{
    *now = a->opt->have_now ? a->opt->now_utc : (int64_t)time(NULL);
    *offset = a->opt->have_now ? a->opt->now_offset : history_local_offset(*now);
}

/* The streak and each routine's level state from history h (may be NULL: none) for the menu. */
static void menu_info_load(History *h, const LevelList *levels, int64_t now, int32_t offset, int week_goal, MenuInfo *m)
{
    memset(m, 0, sizeof *m);
    if (!h || !history_usable(h))
        return;
    m->have_streak = history_streak(h, NULL, now, offset, week_goal, &m->streak) == 0;
    for (int i = 0; i < levels->count && i < LEVELS_MAX; i++)
        if (levels->items[i].valid &&
            history_frequency(h, levels->items[i].path, &levels->items[i].routine, NULL, now, offset, &m->freq[i]) < 0)
            m->freq[i].target = 0; /* unreadable: the menu says the prescription instead */
    int routines_at[STREAK_MAX_LEVEL + 1] = {0}, completed_at[STREAK_MAX_LEVEL + 1] = {0};
    for (int i = 0; i < levels->count; i++)
        if (levels->items[i].valid && levels->items[i].routine.level > 0 &&
            levels->items[i].routine.level <= STREAK_MAX_LEVEL)
            routines_at[levels->items[i].routine.level]++;
    if (history_completed_by_level(h, completed_at, STREAK_MAX_LEVEL) < 0)
        return;
    int open = streak_open_level(routines_at, completed_at, STREAK_MAX_LEVEL);
    int more = streak_workouts_to_next_level(routines_at, completed_at, STREAK_MAX_LEVEL);
    int next_level = 0;
    for (int L = open + 1; L <= STREAK_MAX_LEVEL && !next_level; L++)
        if (routines_at[L] > 0)
            next_level = L;
    if (more > 0 && next_level > 0)
        snprintf(m->next, sizeof m->next, "%d more workout%s at level %d open%s level %d", more, more == 1 ? "" : "s",
                 open, more == 1 ? "s" : "", next_level);
    for (int i = 0; i < levels->count && i < LEVELS_MAX; i++) {
        const LevelEntry *e = &levels->items[i];
        if (!e->valid || e->routine.level <= 0)
            continue;
        int done = 0;
        if (e->routine.level > open)
            m->state[i] = MENU_LEVEL_LOCKED;
        else if (history_completed_count(h, e->path, &done) == 0 && done > 0)
            m->state[i] = MENU_LEVEL_DONE;
        else
            m->state[i] = MENU_LEVEL_OPEN;
    }
}

static void refresh_menu(App *a)
{
    int64_t now;
    int32_t offset;
    now_and_offset(a, &now, &offset);
    menu_info_load(a->history, &a->levels, now, offset, a->opt->week_goal, &a->menu);
}

/* Open the progress screen (from the menu: a key, a button or a tap goes back). */
static void show_progress(App *a)
{
    if (!a->progress)
        a->progress = malloc(sizeof *a->progress);
    if (!a->progress || !a->history) {
        set_notice(a, "No history: progress is not available");
        return;
    }
    int64_t now;
    int32_t offset;
    now_and_offset(a, &now, &offset);
    if (history_progress(a->history, NULL, now, offset, a->opt->week_goal, a->progress) < 0) {
        set_notice(a, "The history cannot be read just now");
        return;
    }
    a->view = VIEW_PROGRESS;
}

/* Start the routine of menu row i, unless it is locked or cannot be played. */
static void menu_start(App *a, int i)
{
    if (i < 0 || i >= a->levels.count)
        return;
    if (!a->levels.items[i].valid) {
        set_notice(a, "This routine has errors: run unknot --check on it");
    } else if (i < LEVELS_MAX && a->menu.state[i] == MENU_LEVEL_LOCKED) {
        char b[sizeof a->notice];
        snprintf(b, sizeof b, "Locked: %.80s", a->menu.next[0] ? a->menu.next : "finish the level before it first");
        set_notice(a, b);
    } else {
        a->from_menu = true;
        apply_progress(a, &a->levels.items[i].routine);
        start_session(a, &a->levels.items[i].routine);
    }
}

static void end_session(App *a)
{
    if (a->in_session)
        session_free(&a->session);
    /* however it ended (the results closed, or the kiosk's "Still there?" or PIN screen dropping
     * it mid-step), its figures and the motion arrows go: the screens after make their own */
    if (a->rd.sprites && !a->figures_released)
        sprites_release(a->rd.sprites);
    render_release(&a->rd);
    a->figures_released = false;
    a->in_session = false;
    a->routine = NULL;
    a->from_menu = true;
    audio_free(a->audio);
    a->audio = audio_new(a->opt->data_dir, NULL);
    /* the results, then the menu: the results already showed the streak and the week, and a
     * press that closes them must not land on yet another screen (the menu's card shows both, and
     * "Your progress" is one press away) */
    a->view = VIEW_MENU;
    refresh_menu(a);
}

static void toggle_fullscreen(App *a)
{
    if (!a->win)
        return;
    a->fullscreen = !a->fullscreen;
    if (a->fullscreen) {
        /* remember the window, and put it on the display first: without a window manager
         * (a kiosk) the full-screen request alone leaves it where it was */
        SDL_GetWindowPosition(a->win, &a->windowed.x, &a->windowed.y);
        SDL_GetWindowSize(a->win, &a->windowed.w, &a->windowed.h);
        SDL_Rect display;
        int index = SDL_GetWindowDisplayIndex(a->win);
        if (SDL_GetDisplayBounds(index < 0 ? 0 : index, &display) == 0) {
            SDL_SetWindowPosition(a->win, display.x, display.y);
            SDL_SetWindowSize(a->win, display.w, display.h);
        }
        SDL_SetWindowFullscreen(a->win, SDL_WINDOW_FULLSCREEN_DESKTOP);
    } else {
        SDL_SetWindowFullscreen(a->win, 0);
        SDL_SetWindowBordered(a->win, SDL_TRUE); /* it opened borderless when it started full screen */
        if (a->windowed.w > 0) {
            SDL_SetWindowSize(a->win, a->windowed.w, a->windowed.h);
            SDL_SetWindowPosition(a->win, a->windowed.x, a->windowed.y);
        }
    }
    text_flush(a->rd.text);
}

/* Where a click or tap lands: a button, the stage (count), or nothing. */
static void pointer(App *a, int x, int y, bool down)
{
    SDL_Point p = {x, y};
    if (!a->in_session)
        return; /* the menu is chosen with menu_pointer */
    if (down) {
        SDL_Rect pause = render_button_rect(&a->rd, BUTTON_PAUSE);
        SDL_Rect skip = render_button_rect(&a->rd, BUTTON_SKIP);
        SDL_Rect back = render_button_rect(&a->rd, BUTTON_BACK);
        SessionView v = session_view(&a->session, 0); /* where it is drawn (a wide safety notice) */
        SDL_Rect hurt = render_hurt_rect(&a->rd, &v, audio_muted(a->audio));
        if (SDL_PointInRect(&p, &hurt))
            a->pending |= INPUT_HURT; /* over the stage: before a tap there counts a rep */
        else if (SDL_PointInRect(&p, &pause))
            a->pending |= INPUT_TOGGLE_PAUSE;
        else if (SDL_PointInRect(&p, &skip))
            a->pending |= INPUT_SKIP;
        else if (SDL_PointInRect(&p, &back))
            a->pending |= INPUT_BACK;
        else
            a->pending |= INPUT_PRESS;
    } else {
        a->pending |= INPUT_RELEASE;
    }
}

/* ---- the pain check-ins: the picker reads the input first ---- */

static bool checkin_active(const App *a)
{
    return a->in_session && !a->session.paused && session_checkin_open(&a->session);
}

/* The pain picker's answer, from a key, a button or a tap, in a check-in or in "It hurts": a
 * number chosen is the pain to record, skip skips the question. */
static void pain_result(App *a, PainPickResult r)
{
    if (r == PAINPICK_CHOSEN) {
        a->pending |= INPUT_PAIN;
        a->pending_pain = a->picker.value;
    } else if (r == PAINPICK_SKIPPED) {
        a->pending |= INPUT_SKIP;
    }
}

/* A new check-in starts on 0 before the workout, and on the answer given before it after. */
static void checkin_follow(App *a)
{
    if (!a->in_session || !session_checkin_open(&a->session)) {
        a->picker_seg = -1;
        return;
    }
    if (a->picker_seg == a->session.seg)
        return;
    a->picker_seg = a->session.seg;
    painpick_init(&a->picker, a->session.pain_before > 0 ? a->session.pain_before : 0);
}

/* ---- "Which side hurts?" reads the input first ---- */

static bool side_active(const App *a)
{
    return a->in_session && !a->session.paused && session_side_open(&a->session);
}

static void side_result(App *a, SidePickResult r)
{
    if (r == SIDEPICK_CHOSEN) {
        a->pending |= INPUT_SIDE;
        a->pending_side = a->side_sel;
    } else if (r == SIDEPICK_SKIPPED) {
        a->pending |= INPUT_SKIP;
    }
}

/* ---- "It hurts": its questions read the input first ---- */

static bool hurt_active(const App *a)
{
    return a->in_session && session_hurt_open(&a->session);
}

/* Each question starts on its own highlight (hurt_initial_selection). */
static void hurt_follow(App *a)
{
    HurtStage now = a->in_session ? a->session.hurt : HURT_NONE;
    if (now == a->hurt_seen)
        return;
    a->hurt_seen = now;
    if (now == HURT_NONE)
        return;
    SessionView v = session_view(&a->session, 0);
    a->hurt_sel = hurt_initial_selection(&v);
    if (now == HURT_PAIN)
        painpick_init(&a->picker, a->hurt_sel);
}

static void hurt_rule_answer(App *a, int row)
{
    int n = a->routine->stop_if_count;
    a->pending |= INPUT_RULE;
    a->pending_rule = row >= 0 && row < n ? row + 1 : 0; /* the last row: none of these */
}

static void hurt_choose(App *a, HurtButton b)
{
    bool can_skip = a->session.hurt_rule == 0;
    if (b == HURT_BUTTON_SKIP && can_skip)
        a->pending |= INPUT_SKIP;
    else if (b == HURT_BUTTON_END)
        a->pending |= INPUT_QUIT;
}

/* An action while "It hurts" is open: quit ends the workout at any question; the rest answer. */
static void hurt_action(App *a, Action act)
{
    if (act == ACT_QUIT) {
        a->pending |= INPUT_QUIT;
        return;
    }
    int n = a->routine->stop_if_count;
    switch (a->session.hurt) {
    case HURT_PAIN: pain_result(a, painpick_action(&a->picker, act)); break;
    case HURT_RULE:
        if (act == ACT_UP && a->hurt_sel > 0)
            a->hurt_sel--;
        else if (act == ACT_DOWN && a->hurt_sel < n)
            a->hurt_sel++;
        else if (act == ACT_PRESS)
            hurt_rule_answer(a, a->hurt_sel);
        else if (act == ACT_SKIP)
            hurt_rule_answer(a, n);
        break;
    case HURT_CHOICE:
        if ((act == ACT_UP || act == ACT_DOWN) && a->session.hurt_rule == 0)
            a->hurt_sel = a->hurt_sel == HURT_BUTTON_SKIP ? HURT_BUTTON_END : HURT_BUTTON_SKIP;
        else if (act == ACT_PRESS)
            hurt_choose(a, a->session.hurt_rule == 0 ? (HurtButton)a->hurt_sel : HURT_BUTTON_END);
        else if (act == ACT_SKIP)
            hurt_choose(a, HURT_BUTTON_SKIP);
        break;
    case HURT_NONE: break;
    }
}

/* A tap while "It hurts" is open: a number, a rule (one tap answers), or a button. */
static void hurt_tap(App *a, int x, int y)
{
    SDL_Point p = {x, y};
    int n = a->routine->stop_if_count;
    switch (a->session.hurt) {
    case HURT_PAIN: {
        PainPickLayout pl = hurt_picker_layout(&a->rd);
        pain_result(a, painpick_tap(&a->picker, &pl, x, y));
        break;
    }
    case HURT_RULE:
        for (int i = 0; i <= n; i++) {
            SDL_Rect rc = hurt_rule_rect(&a->rd, n, i);
            if (SDL_PointInRect(&p, &rc)) {
                a->hurt_sel = i;
                hurt_rule_answer(a, i);
            }
        }
        break;
    case HURT_CHOICE:
        for (int b = HURT_BUTTON_SKIP; b <= HURT_BUTTON_END; b++) {
            SDL_Rect rc = hurt_button_rect(&a->rd, (HurtButton)b);
            if (SDL_PointInRect(&p, &rc))
                hurt_choose(a, (HurtButton)b);
        }
        break;
    case HURT_NONE: break;
    }
}

static void menu_pointer(App *a, int x, int y)
{
    if (a->confirm_quit) {
        SDL_Point p = {x, y};
        SDL_Rect quit = render_confirm_button_rect(&a->rd, CONFIRM_YES);
        if (SDL_PointInRect(&p, &quit))
            a->running = false;
        else
            a->confirm_quit = false; /* "Stay", or anywhere else */
        return;
    }
    SDL_Point p = {x, y};
    SDL_Rect prog = render_menu_button_rect(&a->rd, MENU_BUTTON_PROGRESS);
    SDL_Rect advice = render_menu_button_rect(&a->rd, MENU_BUTTON_ADVICE);
    if (SDL_PointInRect(&p, &prog)) {
        show_progress(a);
        return;
    }
    if (SDL_PointInRect(&p, &advice)) {
        a->view = VIEW_ADVICE;
        return;
    }
    int page = render_menu_page_at(&a->rd, &a->levels, a->selected, x, y);
    if (page >= 0) {
        a->selected = page; /* "▲/▼ N more routines": the page before or after */
        return;
    }
    int row = render_menu_row_at(&a->rd, &a->levels, a->selected, x, y);
    if (row < 0)
        return;
    if (row == a->selected)
        menu_start(a, row);
    else
        a->selected = row;
}

static void handle_action(App *a, Action act)
{
    if (a->kiosk && (act == ACT_FULLSCREEN || act == ACT_MUTE || act == ACT_VOLUME_UP || act == ACT_VOLUME_DOWN ||
                     act == ACT_ARROWS))
        return; /* a kiosk's sound and screen are set by its settings, not by the visitor */
    switch (act) {
    case ACT_FULLSCREEN: toggle_fullscreen(a); return;
    case ACT_ARROWS:
        a->rd.arrows_off = !a->rd.arrows_off;
        view_arrows_save(!a->rd.arrows_off);
        set_notice(a, a->rd.arrows_off ? "Arrows off" : "Arrows on");
        return;
    case ACT_MUTE:
        audio_toggle_mute(a->audio);
        set_notice(a, audio_muted(a->audio) ? "Sound off" : "Sound on");
        return;
    case ACT_VOLUME_UP:
    case ACT_VOLUME_DOWN: {
        char b[32];
        if (audio_muted(a->audio))
            audio_toggle_mute(a->audio); /* changing the volume means the user wants to hear it */
        audio_volume_step(a->audio, act == ACT_VOLUME_UP ? 1 : -1);
        snprintf(b, sizeof b, "Volume %d%%", audio_volume_percent(a->audio));
        set_notice(a, b);
        return;
    }
    default: break;
    }
    if (!a->in_session && a->confirm_quit) {
        /* "Quit unknot?": the quit key again leaves, anything else stays */
        if (act == ACT_QUIT)
            a->running = false;
        else if (act != ACT_RELEASE && act != ACT_NONE)
            a->confirm_quit = false;
        return;
    }
    if (!a->in_session) {
        switch (act) {
        case ACT_UP:
            if (a->selected > 0)
                a->selected--;
            break;
        case ACT_DOWN:
            if (a->selected + 1 < a->levels.count)
                a->selected++;
            break;
        case ACT_PRESS: menu_start(a, a->selected); break;
        case ACT_QUIT: a->confirm_quit = true; break; /* Q, pad Back; Esc is handled in handle_event */
        case ACT_SKIP: show_progress(a); break; /* Right, S, pad right shoulder: "Your progress ▶" */
        case ACT_BACK: /* Left, Backspace, pad B: "◀ When to see a doctor" */
        case ACT_HURT: a->view = VIEW_ADVICE; break; /* pad Y, "It hurts": the same advice */
        default: break; /* pause, back (P, Backspace, pad B): never close the menu by accident */
        }
        return;
    }
    if (hurt_active(a)) {
        hurt_action(a, act);
        return;
    }
    if (act == ACT_HURT) {
        a->pending |= INPUT_HURT;
        a->focus_lost = false;
        return;
    }
    if (side_active(a) && act != ACT_PAUSE && act != ACT_QUIT && act != ACT_HURT) {
        side_result(a, sidepick_action(&a->side_sel, act));
        return;
    }
    if (checkin_active(a) && act != ACT_PAUSE && act != ACT_QUIT) {
        pain_result(a, painpick_action(&a->picker, act)); /* press answers; skip and back skip */
        return;
    }
    switch (act) {
    case ACT_PRESS: a->pending |= INPUT_PRESS; break;
    case ACT_RELEASE: a->pending |= INPUT_RELEASE; break;
    case ACT_PAUSE:
        a->pending |= INPUT_TOGGLE_PAUSE;
        a->focus_lost = false;
        break;
    case ACT_SKIP: a->pending |= INPUT_SKIP; break;
    case ACT_BACK: a->pending |= INPUT_BACK; break;
    case ACT_QUIT: a->pending |= INPUT_QUIT; break;
    default: break;
    }
}

static void handle_event(App *a, const SDL_Event *e)
{
    input_note(&a->input, e); /* the key lines name the keys, buttons or taps used last */
    if (a->kiosk && kioskapp_event(a->kiosk, e))
        return;
    if (e->type == SDL_QUIT) {
        a->running = false;
        return;
    }
    if (e->type == SDL_AUDIODEVICEADDED || e->type == SDL_AUDIODEVICEREMOVED) {
        audio_device_event(a->audio, e); /* a workout carries on without sound, and gets it back */
        return;
    }
    if (e->type == SDL_RENDER_DEVICE_RESET) {
        drawlist_invalidate(a->rd.dl);
        app_release_caches(a); /* every texture is gone: sheets and text are made again */
        return;
    }
    if (e->type == SDL_RENDER_TARGETS_RESET || e->type == SDL_DISPLAYEVENT) {
        /* a screen unplugged, plugged back or turned: every frame lays out for the renderer's
         * size as it is then, and text is rendered again for it */
        drawlist_invalidate(a->rd.dl);
        text_flush(a->rd.text);
        return;
    }
    if (e->type == SDL_WINDOWEVENT) {
        /* shown, exposed, moved, resized, full screen: the window's pixels may not be the last
         * frame's, so the next frame is sent whole */
        drawlist_invalidate(a->rd.dl);
        if (e->window.event == SDL_WINDOWEVENT_FOCUS_LOST && a->in_session && !a->session.paused &&
            !session_over(&a->session)) {
            a->pending |= INPUT_PAUSE;
            a->focus_lost = true;
        }
        if (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED)
            text_flush(a->rd.text);
        return;
    }
    if (!a->in_session && a->view != VIEW_MENU) {
        /* the progress and advice screens: any key, button or tap goes back to the menu */
        if ((e->type == SDL_KEYDOWN && !e->key.repeat) || e->type == SDL_CONTROLLERBUTTONDOWN ||
            (e->type == SDL_MOUSEBUTTONDOWN && e->button.button == SDL_BUTTON_LEFT)) {
            a->view = VIEW_MENU;
        }
        return;
    }
    if (!a->in_session && !a->confirm_quit && e->type == SDL_KEYDOWN && !e->key.repeat &&
        (e->key.keysym.sym == SDLK_g || e->key.keysym.sym == SDLK_h)) {
        /* the menu's two screens, as their buttons say: G progress, H when to see a doctor */
        if (e->key.keysym.sym == SDLK_g)
            show_progress(a);
        else
            a->view = VIEW_ADVICE;
        return;
    }
    if (e->type == SDL_MOUSEBUTTONDOWN || e->type == SDL_MOUSEBUTTONUP) {
        if (e->button.button != SDL_BUTTON_LEFT)
            return;
        /* mouse events also stand for touches (SDL's default), so one path serves both */
        int rw, rh, ww, wh;
        SDL_GetRendererOutputSize(a->ren, &rw, &rh);
        ww = rw;
        wh = rh;
        if (a->win)
            SDL_GetWindowSize(a->win, &ww, &wh);
        int x = ww > 0 ? e->button.x * rw / ww : e->button.x;
        int y = wh > 0 ? e->button.y * rh / wh : e->button.y;
        if (hurt_active(a)) {
            if (e->type == SDL_MOUSEBUTTONDOWN)
                hurt_tap(a, x, y);
        } else if (side_active(a)) {
            if (e->type == SDL_MOUSEBUTTONDOWN)
                side_result(a, sidepick_tap(&a->side_sel, &a->rd, x, y));
        } else if (checkin_active(a)) {
            if (e->type == SDL_MOUSEBUTTONDOWN) {
                PainPickLayout pl = checkin_picker_layout(&a->rd);
                pain_result(a, painpick_tap(&a->picker, &pl, x, y));
            }
        } else if (a->in_session)
            pointer(a, x, y, e->type == SDL_MOUSEBUTTONDOWN);
        else if (e->type == SDL_MOUSEBUTTONDOWN)
            menu_pointer(a, x, y);
        return;
    }
    if (!a->in_session && e->type == SDL_KEYDOWN && !e->key.repeat && e->key.keysym.sym == SDLK_ESCAPE) {
        /* Esc asks to leave the menu whatever it is bound to in a workout; Esc again leaves */
        if (a->confirm_quit)
            a->running = false;
        else
            a->confirm_quit = true;
        return;
    }
    if (checkin_active(a) && painpick_event(&a->picker, e, &a->input.bindings) != PAINPICK_IGNORED)
        return; /* arrows, digits, d-pad: the scale's own keys */
    if (side_active(a)) {
        SidePickResult r = sidepick_event(&a->side_sel, e);
        if (r != SIDEPICK_IGNORED) {
            side_result(a, r); /* arrows, L, R, the d-pad: the question's own keys */
            return;
        }
    }
    if (hurt_active(a) && a->session.hurt == HURT_PAIN &&
        painpick_event(&a->picker, e, &a->input.bindings) != PAINPICK_IGNORED)
        return; /* "How bad is it?": the same scale */
    InputResult r = input_translate(&a->input, e);
    if (r.notice[0])
        set_notice(a, r.notice);
    if (r.pad_removed && a->in_session && !a->session.paused)
        a->pending |= INPUT_PAUSE;
    for (int i = 0; i < r.count; i++)
        handle_action(a, r.actions[i]);
}

static void drain_events(App *a)
{
    SessionEvent ev;
    while (session_poll_event(&a->session, &ev)) {
        int64_t now = (int64_t)time(NULL);
        history_recorder_event(&a->rec, &a->session, &ev, now, history_local_offset(now));
        if (ev.type == EV_HURT_END && !ev.completed)
            skip_today_add(a, ev.n);
        audio_handle_event(a->audio, &ev);
    }
}

static void draw(App *a, int extra_ms)
{
    SDL_GetRendererOutputSize(a->ren, &a->rd.w, &a->rd.h);
    Overlay ov = {0};
    ov.notice = SDL_TICKS_PASSED(SDL_GetTicks(), a->notice_until) ? NULL : a->notice;
    ov.focus_lost = a->focus_lost;
    ov.volume_percent = audio_has_device(a->audio) ? audio_volume_percent(a->audio) : -1;
    ov.muted = audio_muted(a->audio);
    sprites_set_clock(a->rd.sprites, a->in_session ? camera_clock(&a->session, extra_ms) : -1);
    if (a->kiosk && kioskapp_draw(a->kiosk)) {
        drawlist_present(a->rd.dl, a->ren);
        return;
    }
    char keys[KEYHINT_BYTES], quit_keys[KEYHINT_BYTES];
    if (a->in_session) {
        keyhint_pause(&a->input, keys, sizeof keys);
        ov.keys_hint = keys;
        SessionView v = session_view(&a->session, extra_ms);
        if (keyhint_question(&a->input, &v, quit_keys, sizeof quit_keys))
            ov.question_keys = quit_keys;
        /* the workout is over (the check-in after it, the results): no figure is drawn any more,
         * so its buffers, textures and posed moves go before those screens make theirs (a
         * real-time levels/08 peaked at 51.2 MB on them, 48.8 MB before its end); going back
         * into a step loads them again */
        bool over = v.kind == SEG_PAIN_AFTER || v.kind == SEG_RESULTS || v.kind == SEG_DONE;
        if (over && !a->figures_released) {
            if (a->rd.sprites)
                sprites_release(a->rd.sprites);
            render_release(&a->rd); /* the motion arrows' pixels and texture, if one showed at the end */
        }
        a->figures_released = over;
        if (a->rd.sprites && !over) {
            const RoutineStep *next = v.next;
            sprites_prepare_from(a->rd.sprites, v.figure, next ? v.next_figure : MOVE_NONE,
                                 v.blend ? v.from_figure : MOVE_NONE);
        }
        ov.pain_value = a->picker.value;
        ov.hurt_selected = a->session.hurt == HURT_PAIN ? a->picker.value : a->hurt_sel;
        ov.side_selected = a->side_sel;
        ov.record = &a->rec;
        render_session(&a->rd, &v, a->routine->title, &ov);
    } else if (a->view == VIEW_PROGRESS && a->progress) {
        progress_draw(&a->rd, a->progress, NULL);
    } else if (a->view == VIEW_ADVICE) {
        RenderLayout l = render_layout(&a->rd);
        const RenderStyle *st = render_style(&a->rd);
        render_clear(&a->rd);
        render_header(&a->rd, "Your back: when to stop, when to see a doctor", NULL, -1, &ov);
        SDL_Rect box = l.body;
        box.h -= render_px(&a->rd, st->text_body) * 2;
        results_draw_advice(&a->rd, box, "Stop for today if the pain gets worse as you move.");
        render_text(&a->rd, "Press to go back to the menu.", st->text_body, st->text_body_min, st->text_quiet, l.body.x,
                    box.y + box.h + render_px(&a->rd, st->gap), TEXT_LEFT, l.body.w, 1);
        render_notice(&a->rd, &ov);
    } else {
        SessionView v = idle_view();
        if (a->rd.sprites)
            sprites_prepare(a->rd.sprites, MOVE_IDLE, MOVE_IDLE);
        ov.menu = &a->menu;
        keyhint_menu(&a->input, keys, sizeof keys);
        ov.keys_hint = keys;
        render_menu(&a->rd, &a->levels, a->selected, &v, &ov);
        if (a->confirm_quit) {
            keyhint_quit(&a->input, quit_keys, sizeof quit_keys);
            render_confirm(&a->rd, "Quit unknot?", quit_keys, "Stay", "Quit");
        }
    }
    drawlist_present(a->rd.dl, a->ren);
}

static int app_cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The calling thread's CPU time in ms: what a frame cost, whatever else the machine runs. */
static double thread_cpu_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* UNKNOT_STATS=1: print when a start-up stage ends, on CLOCK_MONOTONIC (the clock a launcher
 * can read before exec), so a benchmark can tell exec to first frame and where the time went. */
static void startup_mark(const char *stage)
{
    const char *env = getenv("UNKNOT_STATS");
    if (!env || env[0] != '1')
        return;
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    struct timespec cpu;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu);
    fprintf(stderr, "unknot: start-up: %s at monotonic %.6f s (main thread CPU %.1f ms)\n", stage,
            (double)ts.tv_sec + ts.tv_nsec / 1e9, cpu.tv_sec * 1e3 + cpu.tv_nsec / 1e6);
}

/* SDL_Init connects to the D-Bus session bus (to inhibit a screensaver, for input methods). With
 * no bus address and no $XDG_RUNTIME_DIR/bus (a kiosk, Xvfb, a bare X session), libdbus then forks
 * `dbus-launch --autolaunch`, 10-30 ms measured before the first frame, and where dbus-launch is
 * installed leaves a bus daemon running for nothing; SDL goes on without the bus either way, and
 * the X screensaver is still suspended through X itself. So say there is no session bus. */
static void no_bus_autolaunch(void)
{
    if (getenv("DBUS_SESSION_BUS_ADDRESS"))
        return;
    const char *run = getenv("XDG_RUNTIME_DIR");
    char bus[PATH_MAX];
    struct stat sb;
    if (run && run[0] && snprintf(bus, sizeof bus, "%s/bus", run) < (int)sizeof bus && stat(bus, &sb) == 0)
        return; /* libdbus finds the user's bus there */
    SDL_setenv("DBUS_SESSION_BUS_ADDRESS", "disabled:", 0);
}

/* With no display SDL falls back to its offscreen driver, and the workout would play for minutes
 * with no window and no word (over ssh, on a text console: it looks like a hang). Unless the user
 * chose a driver (SDL_VIDEODRIVER: the tests do), say what is missing and what to do. Returns -1
 * when there is no display. */
static int need_display(void)
{
    const char *chosen = SDL_getenv("SDL_VIDEODRIVER"), *driver = SDL_GetCurrentVideoDriver();
    if ((chosen && chosen[0]) || !driver || (strcmp(driver, "offscreen") != 0 && strcmp(driver, "dummy") != 0))
        return 0;
    const char *x = SDL_getenv("DISPLAY"), *wl = SDL_getenv("WAYLAND_DISPLAY");
    bool hx = x && x[0], hw = wl && wl[0];
    char why[160];
    if (!hx && !hw)
        snprintf(why, sizeof why, "DISPLAY and WAYLAND_DISPLAY are not set");
    else
        snprintf(why, sizeof why, "cannot connect to %s%.40s%s%s%.40s", hx ? "DISPLAY=" : "", hx ? x : "",
                 hx && hw ? " or " : "", hw ? "WAYLAND_DISPLAY=" : "", hw ? wl : "");
    fprintf(stderr,
            "unknot: no display found (%s): run it in a desktop session, or with no screen put xvfb-run -a before "
            "the command\n",
            why);
    return -1;
}

/* Gamepads start after the first frame (3-4 ms of scanning devices, measured): the pads already
 * plugged in then arrive as SDL_CONTROLLERDEVICEADDED like any other, and input.c opens them. */
static void open_gamepads(void)
{
    if (SDL_InitSubSystem(SDL_INIT_GAMECONTROLLER) < 0)
        fprintf(stderr, "unknot: warning: no gamepad support: %s\n", SDL_GetError());
    startup_mark("gamepads");
}

static int open_window(const AppOptions *o, SDL_Window **win, SDL_Renderer **ren)
{
    /* Measured (shared/SDL-NOTES.md): without a GPU the software renderer presenting through the
     * native framebuffer is the fastest and smallest. The environment can override both hints. */
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "linear");
    if (o->kiosk) /* SIGTERM (the service stopping) ends a kiosk at once; its close button does not */
        SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) < 0) {
        fprintf(stderr, "unknot: cannot start video: %s\n", SDL_GetError());
        return -1;
    }
    if (need_display() < 0)
        return -1;
    startup_mark("video");
    /* A routine given on the command line opens its sound device in app_new: SDL2_mixer loads on
     * the other core while the window opens; not earlier, as loading holds the dynamic loader's
     * lock, which SDL_Init's own dlsym calls wait for. The menu opens no device: it loads after
     * the first frame (app_play), so that its 20 ms of CPU do not compete with the X server's
     * work on the first frame for the second core. */
    if (o->routine)
        audio_preload();
    /* Full screen is asked for after the first frame (app_play): SDL's X11 code asks the window
     * manager for full screen on a mapped window and then polls up to 100 ms for the window to
     * move and resize (X11_SetWindowFullscreenViaWM), which without a window manager (a kiosk)
     * never happens. So the window opens borderless, already covering the display: the first
     * frame comes at once and looks the same, and the full-screen state follows. */
    Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI | (o->fullscreen ? SDL_WINDOW_BORDERLESS : 0);
    if (o->kiosk)
        flags &= ~(Uint32)SDL_WINDOW_RESIZABLE; /* a kiosk's window is the whole display, and stays so */
    int x = SDL_WINDOWPOS_CENTERED, y = SDL_WINDOWPOS_CENTERED, w = o->width, h = o->height;
    SDL_Rect display;
    if (o->fullscreen && SDL_GetDisplayBounds(0, &display) == 0) {
        x = display.x;
        y = display.y;
        w = display.w;
        h = display.h;
    }
    *win = SDL_CreateWindow("unknot", x, y, w, h, flags);
    if (!*win) {
        fprintf(stderr, "unknot: cannot open a window: %s\n", SDL_GetError());
        return -1;
    }
    startup_mark("window");
    SDL_SetWindowMinimumSize(*win, 640, 360);
    *ren = SDL_CreateRenderer(*win, -1, SDL_RENDERER_PRESENTVSYNC);
    if (!*ren)
        *ren = SDL_CreateRenderer(*win, -1, 0);
    if (!*ren) {
        fprintf(stderr, "unknot: cannot draw in the window: %s\n", SDL_GetError());
        return -1;
    }
    return 0;
}

/* Draw only what changed (drawlist.h) where the software renderer draws on the window's own
 * surface: there the last frame's pixels stay, and SDL_UpdateWindowSurfaceRects sends a part.
 * Any other renderer's back buffer is not kept between frames: every frame drawn and sent whole.
 * Only on an X server of its own (X11, and SDL's headless drivers): through Xwayland under cage
 * (Debian 12, the kiosk of docs/kiosk.md) a whole frame sent before parts did not reach the
 * screen where the parts did not cover it (kiosk_cage_test: black around the attract screen's
 * figure), so a Wayland session gets every frame whole, as before. Xwayland is known by
 * WAYLAND_DISPLAY, or else by what its X server shows any client, whatever its environment (its
 * XWAYLAND extension or its XWAYLAND<n> screens: xwin.h). */
static DrawList *drawlist_for_window(SDL_Renderer *ren, SDL_Window *win)
{
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(ren, &info) != 0 || !(info.flags & SDL_RENDERER_SOFTWARE))
        return NULL;
    const char *driver = SDL_GetCurrentVideoDriver(), *stats = getenv("UNKNOT_STATS");
    bool x11 = driver && strcmp(driver, "x11") == 0;
    const char *xwayland = !x11 ? NULL : getenv("WAYLAND_DISPLAY") ? "WAYLAND_DISPLAY is set" : xwin_xwayland(win);
    bool headless = driver && (strcmp(driver, "dummy") == 0 || strcmp(driver, "offscreen") == 0);
    if (stats && stats[0] == '1')
        fprintf(stderr, "unknot: frames: %s (%s%s%s)\n",
                (x11 && !xwayland) || headless ? "only what changed is drawn and sent" : "drawn and sent whole",
                driver ? driver : "no video driver", xwayland ? ", Xwayland: " : "", xwayland ? xwayland : "");
    if ((!x11 || xwayland) && !headless)
        return NULL;
    return drawlist_new(ren, win);
}

/* The window's framebuffer, which the software renderer draws into (a 1920x1080 screen: 8 MB,
 * shared with the X server); NULL when the renderer draws elsewhere. */
static SDL_Surface *window_framebuffer(SDL_Window *win, SDL_Renderer *ren)
{
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(ren, &info) != 0 || strcmp(info.name, "software") != 0)
        return NULL;
    SDL_Surface *ws = SDL_GetWindowSurface(win);
    return ws && ws->pixels && ws->h > 0 && ws->pitch > 0 ? ws : NULL;
}

/* Nothing has touched the new window's framebuffer yet: touch it on the other core while the
 * main thread loads the program (prefault.c says why). NULL when there is none. */
static Prefault *prefault_window(SDL_Window *win, SDL_Renderer *ren)
{
    SDL_Surface *ws = window_framebuffer(win, ren);
    return ws ? prefault_start(ws->pixels, (size_t)ws->pitch * (size_t)ws->h) : NULL;
}

/* The routine folder, scanned on a helper thread while SDL opens the window: reading and checking
 * every routine (and each one's voice plan) is ~10 ms of the start-up, and the other core is
 * idle then. levels_scan only reads files (no output, no SDL), so starting it before the display
 * is known to work changes nothing when it is not. */
typedef struct {
    const AppOptions *o;
    LevelList levels;
    int rc;
    bool taken; /* app_create moved levels into the app */
    SDL_Thread *thread;
} LevelsPreload;

static int levels_preload_run(void *data)
{
    LevelsPreload *p = data;
    p->rc = levels_scan(p->o->levels_dir, p->o->data_dir, &p->levels);
    return 0;
}

/* Starts the scan for the menu (none for a kiosk, which has its own); false when it cannot start,
 * and app_create then scans on the main thread. */
static bool levels_preload_start(LevelsPreload *p, const AppOptions *o)
{
    memset(p, 0, sizeof *p);
    p->o = o;
    if (o->kiosk)
        return false;
    p->thread = SDL_CreateThread(levels_preload_run, "unknot-levels", p);
    return p->thread != NULL;
}

/* Waits for the scan; the list is p->levels until app_create takes it. */
static void levels_preload_join(LevelsPreload *p)
{
    if (p->thread)
        SDL_WaitThread(p->thread, NULL);
    p->thread = NULL;
}

/* Waits for the scan and frees the list when the app did not take it (start-up failed first). */
static void levels_preload_end(LevelsPreload *p)
{
    levels_preload_join(p);
    if (!p->taken)
        levels_free(&p->levels);
}

static App *app_create(const AppOptions *o, SDL_Window *win, SDL_Renderer *ren, LevelsPreload *pre);

App *app_new(const AppOptions *o, SDL_Window *win, SDL_Renderer *ren)
{
    return app_create(o, win, ren, NULL);
}

/* app_new, with the routine folder already being scanned by pre (NULL: scan it here). */
static App *app_create(const AppOptions *o, SDL_Window *win, SDL_Renderer *ren, LevelsPreload *pre)
{
    App *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    a->opt = o;
    a->win = win;
    a->ren = ren;
    a->running = true;
    if (o->routine) {
        if (load_routine(o->routine, o->data_dir, &a->own) < 0) {
            free(a);
            return NULL;
        }
        a->have_own = true;
    }
    char err[512];
    a->rd.r = ren;
    SDL_GetRendererOutputSize(ren, &a->rd.w, &a->rd.h);
    a->rd.text = text_new(ren, o->font, err, sizeof err);
    if (!a->rd.text) {
        fprintf(stderr, "unknot: %s\n", err);
        app_free(a);
        return NULL;
    }
    a->rd.sprites = open_sprites(ren, o->data_dir);
    a->rd.dl = win ? drawlist_for_window(ren, win) : NULL;
    text_set_drawlist(a->rd.text, a->rd.dl);
    sprites_set_drawlist(a->rd.sprites, a->rd.dl);
    a->rd.arrows_off = !view_arrows_load();
    input_open_bindings(&a->input);
    if (o->history_path) {
        a->history = history_open(o->history_path);
        history_set_busy_ms(a->history, HISTORY_APP_BUSY_MS); /* never freeze the workout for long */
    }
    a->volume = -1;
    if (o->kiosk) {
        a->from_menu = true;
        a->audio = audio_new(o->data_dir, NULL);
        a->kiosk = kioskapp_new(a, o);
        if (!a->kiosk) {
            app_free(a);
            return NULL;
        }
        return a;
    }
    int levels_rc;
    if (pre) {
        levels_preload_join(pre);
        a->levels = pre->levels, levels_rc = pre->rc;
        pre->taken = true;
    } else {
        levels_rc = levels_scan(o->levels_dir, o->data_dir, &a->levels);
    }
    if (levels_rc < 0 && !a->have_own)
        fprintf(stderr, "unknot: warning: %s: cannot read the routine folder\n", o->levels_dir);
    if (a->levels.left_out > 0)
        fprintf(stderr,
                "unknot: warning: %s: %d routines are not in the menu; it shows at most %d, the first by file "
                "name\n",
                o->levels_dir, a->levels.left_out, LEVELS_MAX);
    refresh_menu(a);
    if (a->have_own) {
        /* the menu that follows the results has this routine chosen, when it is in the list */
        char want[PATH_MAX], have[PATH_MAX];
        for (int i = 0; i < a->levels.count && realpath(o->routine, want); i++)
            if (realpath(a->levels.items[i].path, have) && strcmp(want, have) == 0)
                a->selected = i;
        a->from_menu = false;
        apply_progress(a, &a->own);
        start_session(a, &a->own);
    } else {
        a->from_menu = true;
        a->audio = audio_new(o->data_dir, NULL);
    }
    return a;
}

void app_free(App *a)
{
    if (!a)
        return;
    if (a->in_session) {
        history_recorder_abandon(&a->rec, &a->session, (int64_t)time(NULL)); /* closed mid-workout */
        session_free(&a->session);
    }
    free(a->progress);
    kioskapp_free(a->kiosk);
    audio_free(a->audio);
    input_close(&a->input);
    history_close(a->history);
    levels_free(&a->levels);
    if (a->have_own)
        routine_free(&a->own);
    render_release(&a->rd);
    sprites_free(a->rd.sprites);
    text_free(a->rd.text);
    drawlist_free(a->rd.dl);
    if (a->owns_window) {
        if (a->ren)
            SDL_DestroyRenderer(a->ren);
        if (a->win)
            SDL_DestroyWindow(a->win);
    }
    free(a);
}

void app_event(App *a, const SDL_Event *e)
{
    handle_event(a, e);
}

bool app_running(const App *a)
{
    return a->running;
}

bool app_focus_lost(const App *a)
{
    return a->focus_lost;
}

bool app_idle(const App *a)
{
    if (a->kiosk)
        return false; /* the attract loop and the countdowns move all the time */
    return !a->in_session || a->session.paused;
}

/* A workout screen on which nothing moves while the session's clock runs: the results and the
 * pain check-ins (their only change, "skipped in N s", is in whole seconds). */
static bool app_still(const App *a)
{
    if (a->kiosk || !a->in_session || a->session.paused || a->session.ended)
        return false;
    SegmentKind k = a->session.segments[a->session.seg].kind;
    return k == SEG_RESULTS || k == SEG_PAIN_BEFORE || k == SEG_PAIN_AFTER;
}

/* How long a still screen may sleep: until the session does something of its own (its voice
 * included), or the check-in's "skipped in N s" changes, at most APP_IDLE_WAIT_MS. */
static Uint32 still_wait_ms(const App *a)
{
    int64_t wait = session_quiet_ms(&a->session);
    if (session_checkin_open(&a->session)) {
        int left = session_view(&a->session, 0).remaining_ms;
        if (left > 0 && left % 1000 + 1 < wait)
            wait = left % 1000 + 1;
    }
    wait += SESSION_TICK_MS; /* past the moment, so the step that reaches it is taken */
    return wait > APP_IDLE_WAIT_MS ? APP_IDLE_WAIT_MS : (Uint32)wait;
}

/* What a still screen shows, as one number: when it is unchanged the frame is too. */
static uint64_t screen_key(const App *a)
{
    uint64_t h = 1469598103934665603u; /* FNV-1a */
#define MIX(v) (h = (h ^ (uint64_t)(v)) * 1099511628211u)
    MIX(a->in_session);
    MIX(a->view);
    MIX(a->confirm_quit);
    if (a->in_session) {
        SessionView v = session_view(&a->session, 0);
        MIX(a->session.seg);
        MIX(v.paused);
        MIX((v.remaining_ms + 999) / 1000);
        MIX(a->picker.value);
        MIX(history_recorder_status(&a->rec));
        for (const char *c = v.caption ? v.caption : ""; *c; c++)
            MIX((unsigned char)*c);
    }
#undef MIX
    return h;
}

void app_update(App *a, double frame_ms)
{
    if (frame_ms > APP_MAX_FRAME_MS)
        frame_ms = APP_MAX_FRAME_MS;
    if (a->kiosk && !kioskapp_update(a->kiosk, frame_ms)) {
        a->acc_ms = 0; /* behind "Still there?" or the keypad the workout stands still */
        return;
    }
    if (!a->in_session) {
        a->acc_ms = 0;
        return;
    }
    if (a->pending) {
        /* inputs are applied at once, so a counted rep shows on the very next frame */
        SessionInput in = {a->pending, a->pending_pain, a->pending_rule, a->pending_side};
        a->pending = 0;
        session_step(&a->session, &in, 0);
    }
    checkin_follow(a);
    hurt_follow(a);
    a->acc_ms += frame_ms;
    while (a->acc_ms >= SESSION_TICK_MS) {
        session_step(&a->session, NULL, SESSION_TICK_MS);
        a->acc_ms -= SESSION_TICK_MS;
    }
    checkin_follow(a);
    if (!a->session.paused)
        a->focus_lost = false; /* resumed by any means: tap, press, pad */
    drain_events(a);
    audio_update(a->audio, frame_ms);
    if (session_over(&a->session))
        end_session(a);
}

void app_draw(App *a)
{
    unsigned figures = sprites_draw_count(a->rd.sprites);
    draw(a, (int)a->acc_ms);
    a->drawn = true;
    a->drawn_figure = sprites_draw_count(a->rd.sprites) != figures;
    a->drawn_key = screen_key(a);
    a->drawn_notice = !SDL_TICKS_PASSED(SDL_GetTicks(), a->notice_until);
}

const MenuInfo *app_menu(const App *a)
{
    return &a->menu;
}

const char *app_screen(const App *a)
{
    if (a->in_session)
        return "session";
    return a->view == VIEW_PROGRESS ? "progress" : a->view == VIEW_ADVICE ? "advice" : "menu";
}

void app_keys_hint(const App *a, char *buf, size_t size)
{
    if (a->in_session && !a->session.paused) {
        SessionView v = session_view(&a->session, 0);
        if (keyhint_question(&a->input, &v, buf, size))
            return; /* "It hurts", a check-in or the side question */
    }
    if (a->in_session)
        keyhint_pause(&a->input, buf, size);
    else if (a->confirm_quit)
        keyhint_quit(&a->input, buf, size);
    else
        keyhint_menu(&a->input, buf, size);
}

const Session *app_session(const App *a)
{
    return a->in_session ? &a->session : NULL;
}

const HistoryRecorder *app_recorder(const App *a)
{
    return a->in_session ? &a->rec : NULL;
}

int app_menu_selected(const App *a)
{
    return a->selected;
}

History *app_history(const App *a)
{
    return a->history;
}

/* ---- kiosk hooks ---- */

Render *app_render(App *a)
{
    SDL_GetRendererOutputSize(a->ren, &a->rd.w, &a->rd.h);
    return &a->rd;
}

int app_start_workout(App *a, const Routine *r, const char *path, const char *patient_code)
{
    a->workout_path = path;
    snprintf(a->patient_code, sizeof a->patient_code, "%s", patient_code ? patient_code : "");
    a->from_menu = true;
    start_session(a, r);
    return a->in_session ? 0 : -1;
}

void app_stop_workout(App *a)
{
    if (a->in_session)
        audio_set_paused(a->audio, true); /* not a word more of the dropped workout */
    end_session(a);
    a->patient_code[0] = 0;
}

void app_quit(App *a)
{
    a->running = false;
}

void app_set_volume(App *a, int percent)
{
    a->volume = percent < 0 ? -1 : percent > 100 ? 100 : percent;
    if (a->volume >= 0)
        audio_set_volume(a->audio, a->volume);
}

const Audio *app_audio(const App *a)
{
    return a->audio;
}

void app_release_caches(App *a)
{
    sprites_release(a->rd.sprites);
    render_release(&a->rd); /* the motion arrows' texture was the lost device's too */
    text_release(a->rd.text);
}

size_t app_figure_bytes(const App *a)
{
    return sprites_memory_bytes(a->rd.sprites);
}

bool app_arrows_held(const App *a)
{
    return a->rd.arrows != NULL;
}

KioskApp *app_kiosk(App *a)
{
    return a->kiosk;
}

int app_play(const AppOptions *o)
{
#ifdef __GLIBC__
    /* Blocks of 128 kB and more (text lines, painted figures, voice clips) are mapped and handed
     * back when freed. glibc otherwise raises this threshold to the largest block freed so far,
     * and such blocks then stay in the heap: measured over a workout, 2-4 MB more peak RSS. */
    mallopt(M_MMAP_THRESHOLD, APP_MMAP_THRESHOLD);
#endif
    App *a = NULL;
    SDL_Window *win = NULL;
    SDL_Renderer *ren = NULL;
    no_bus_autolaunch(); /* sets the environment: before any other thread reads it */
    LevelsPreload levels;
    bool preload = levels_preload_start(&levels, o);
    if (open_window(o, &win, &ren) < 0) {
        if (preload)
            levels_preload_end(&levels);
        audio_preload_join();
        if (ren)
            SDL_DestroyRenderer(ren);
        if (win)
            SDL_DestroyWindow(win);
        SDL_Quit();
        return 1;
    }
    startup_mark("renderer");
    Prefault *prefault = prefault_window(win, ren);
    a = app_create(o, win, ren, preload ? &levels : NULL);
    startup_mark("app");
    prefault_join(prefault); /* before anything draws into the window */
    if (preload)
        levels_preload_end(&levels); /* frees the list when app_create failed before taking it */
    if (!a) {
        audio_preload_join();
        SDL_DestroyRenderer(ren);
        SDL_DestroyWindow(win);
        SDL_Quit();
        return 1;
    }
    a->owns_window = true;
    a->fullscreen = o->fullscreen;
    bool fullscreen_pending = o->fullscreen, gamepads_open = false;
    Uint64 freq = SDL_GetPerformanceFrequency();
    Uint64 last = SDL_GetPerformanceCounter();
    /* UNKNOT_STATS=1 prints frames per second and the slowest frame every 5 s on stderr */
    const char *stats_env = getenv("UNKNOT_STATS");
    bool stats = stats_env && stats_env[0] == '1';
    Uint64 stats_start = last, next_frame = last;
    int stats_frames = 0, stats_drawn = 0;
    double stats_worst = 0;
    double stats_draw_ms[APP_STATS_FRAMES]; /* each frame's update + draw + present, for p50/p99 */
    double stats_cpu_ms[APP_STATS_FRAMES]; /* the same frames' main-thread CPU time */
    double cpu_before = 0;
    unsigned stats_paints = 0, stats_own_paints = 0; /* the painter's counts and CPU ms at the last report */
    uint64_t stats_sent_px = 0; /* the draw list's pixels and frames sent at the last report */
    unsigned stats_sent_frames = 0;
    double stats_paint_ms = 0;
    bool stats_first_done = false, stats_figure_done = false;
    while (a->running) {
        bool idle = app_idle(a);
        bool still = !idle && app_still(a);
        audio_set_still(a->audio, idle || still); /* a still screen lets the sound device rest */
        bool woke = false;
        SDL_Event e;
        /* sleep on events in the menu or while paused: wake for input, or when a notice is due
         * to go, and redraw only then, so a still screen costs next to nothing; on the results
         * and check-ins also wake when the session has something to do, and draw only changes */
        /* the figure still loading or being painted: look again in a frame, or it never shows */
        bool figure_due = a->drawn && a->drawn_figure && sprites_pending(a->rd.sprites);
        if (idle || still) {
            Uint32 wait = idle ? APP_IDLE_WAIT_MS : still_wait_ms(a);
            if (figure_due && wait > 1000 / APP_FPS)
                wait = 1000 / APP_FPS;
            Uint32 now_ms = SDL_GetTicks();
            if (!SDL_TICKS_PASSED(now_ms, a->notice_until) && a->notice_until - now_ms + 1 < wait)
                wait = a->notice_until - now_ms + 1;
            if (SDL_WaitEventTimeout(&e, (int)wait)) {
                handle_event(a, &e);
                woke = true;
            }
        }
        while (SDL_PollEvent(&e)) {
            handle_event(a, &e);
            woke = true;
        }
        bool notice_shown = !SDL_TICKS_PASSED(SDL_GetTicks(), a->notice_until);
        if (idle && app_idle(a) && a->running && !woke && a->drawn && notice_shown == a->drawn_notice && !figure_due) {
            last = SDL_GetPerformanceCounter();
            continue; /* nothing changed on a still screen: no redraw */
        }
        Uint64 now = SDL_GetPerformanceCounter();
        if (stats)
            cpu_before = thread_cpu_ms();
        double frame_ms = (double)(now - last) * 1000.0 / (double)freq;
        last = now;
        app_update(a, frame_ms);
        if (!a->running)
            break;
        if (still && app_still(a) && !woke && a->drawn && notice_shown == a->drawn_notice &&
            screen_key(a) == a->drawn_key && !figure_due)
            continue; /* the clock ran, the screen is the same: no redraw */
        app_draw(a);
        /* the first frame is on screen here (SDL_RenderPresent waits for the X server to take it),
         * before the full-screen request below, which can wait up to 100 ms for a window manager */
        if (stats && !stats_first_done)
            startup_mark("first frame");
        if (stats && !stats_figure_done && a->drawn_figure && !sprites_pending(a->rd.sprites)) {
            startup_mark("figure"); /* the first frame that shows the figure painted (it loads on a thread) */
            stats_figure_done = true;
        }
        sprites_frame_shown(a->rd.sprites); /* the figure's next pose is painted while this loop sleeps */
        if (!gamepads_open) {
            open_gamepads();
            gamepads_open = true;
            audio_preload(); /* nothing when it already runs (open_window) */
        }
        if (fullscreen_pending) {
            /* the first frame is on screen: now the full-screen state (see open_window) */
            SDL_SetWindowFullscreen(a->win, SDL_WINDOW_FULLSCREEN_DESKTOP);
            fullscreen_pending = false;
            /* SDL makes the window a new framebuffer then, even at the same size: map it now, in
             * one system call, rather than a page at a time while the next frame draws (the
             * figure's first frame, usually: prefault.c) */
            SDL_Surface *fb = window_framebuffer(a->win, a->ren);
            if (fb)
                prefault_populate(fb->pixels, (size_t)fb->pitch * (size_t)fb->h);
        }
        if (stats) {
            stats_first_done = true;
            stats_frames++;
            if (frame_ms > stats_worst)
                stats_worst = frame_ms;
            if (stats_drawn < APP_STATS_FRAMES) {
                stats_cpu_ms[stats_drawn] = thread_cpu_ms() - cpu_before;
                stats_draw_ms[stats_drawn++] = (double)(SDL_GetPerformanceCounter() - now) * 1000.0 / (double)freq;
            }
            double span = (double)(SDL_GetPerformanceCounter() - stats_start) / (double)freq;
            if (span >= 5.0) {
                qsort(stats_draw_ms, (size_t)stats_drawn, sizeof *stats_draw_ms, app_cmp_double);
                qsort(stats_cpu_ms, (size_t)stats_drawn, sizeof *stats_cpu_ms, app_cmp_double);
                unsigned paints, late_ms, own_paints;
                double paint_ms;
                sprites_paint_stats(a->rd.sprites, &paints, &paint_ms, &late_ms, &own_paints);
                uint64_t sent_px;
                unsigned sent_frames;
                drawlist_stats(a->rd.dl, &sent_px, &sent_frames);
                double screen_px = (double)a->rd.w * a->rd.h * (sent_frames - stats_sent_frames);
                fprintf(stderr,
                        "unknot: %.1f frames/s, slowest frame %.1f ms, drawing p50 %.2f ms p99 %.2f ms, "
                        "main-thread CPU p50 %.2f ms p99 %.2f ms, figure %.1f poses/s painted, painter CPU %.1f%%, "
                        "a pose out of date at most %u ms, %u painted on the main thread, "
                        "%.1f%% of the screen drawn and sent a frame\n",
                        stats_frames / span, stats_worst, stats_draw_ms[stats_drawn / 2],
                        stats_draw_ms[stats_drawn * 99 / 100], stats_cpu_ms[stats_drawn / 2],
                        stats_cpu_ms[stats_drawn * 99 / 100], (paints - stats_paints) / span,
                        (paint_ms - stats_paint_ms) / span / 10.0, late_ms, own_paints - stats_own_paints,
                        a->rd.dl ? 100.0 * (double)(sent_px - stats_sent_px) / (screen_px > 0 ? screen_px : 1) : 100.0);
                stats_sent_px = sent_px, stats_sent_frames = sent_frames;
                stats_own_paints = own_paints;
                stats_paints = paints, stats_paint_ms = paint_ms;
                stats_start = SDL_GetPerformanceCounter();
                stats_frames = stats_drawn = 0;
                stats_worst = 0;
            }
        }
        if (!idle && !still) {
            /* the software renderer does not wait for vsync: sleep until the next frame is due,
             * on a fixed schedule so the rate averages 60 frames a second exactly */
            Uint64 period = freq / APP_FPS;
            Uint64 t = SDL_GetPerformanceCounter();
            next_frame += period;
            if (next_frame + period < t)
                next_frame = t; /* fell behind (a stall): start the schedule again */
            if (next_frame > t)
                SDL_Delay((Uint32)((next_frame - t) * 1000 / freq));
        } else {
            next_frame = SDL_GetPerformanceCounter();
        }
    }
    app_free(a);
    audio_preload_join();
    SDL_Quit();
    return 0;
}

/* ---- headless shot ---- */

/* The progress of o->history_path as of --now (or the clock) into *p. A history file that does
 * not exist is the empty history (and is not created by a shot). Returns 0, or -1. */
static int load_progress(const AppOptions *o, HistoryProgress *p)
{
    int64_t now = o->have_now ? o->now_utc : (int64_t)time(NULL);
    int32_t offset = o->have_now ? o->now_offset : history_local_offset(now);
    struct stat sb;
    memset(p, 0, sizeof *p);
    if (!o->history_path || stat(o->history_path, &sb) != 0) {
        StreakDay today = streak_local_day(now, offset);
        streak_summarize(NULL, 0, today, o->week_goal, &p->streak);
        p->heatmap_first_day = streak_week_start(today) - (HISTORY_HEATMAP_WEEKS - 1) * 7;
        return 0;
    }
    History *h = history_open(o->history_path);
    int rc = h ? history_progress(h, NULL, now, offset, o->week_goal, p) : -1;
    history_close(h);
    return rc;
}

/* stb's PNG writer hands over the encoded file here. */
static void shot_write(void *ctx, void *data, int size)
{
    if (size > 0)
        files_out_write(ctx, data, (size_t)size);
}

/* --shot --screen: a kiosk screen, drawn by the real kiosk on a headless renderer. */
static int shot_screen(const AppOptions *o)
{
    int rc = 1;
    AppOptions ko = *o;
    ko.kiosk = true;
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, o->width, o->height, 32, SDL_PIXELFORMAT_ABGR8888);
    SDL_Renderer *ren = surf ? SDL_CreateSoftwareRenderer(surf) : NULL;
    App *a = NULL;
    if (!ren) {
        fprintf(stderr, "unknot: cannot create an image of %dx%d: %s\n", o->width, o->height, SDL_GetError());
        goto done;
    }
    a = app_new(&ko, NULL, ren);
    if (!a)
        goto done;
    sprites_set_immediate(a->rd.sprites, true); /* a still picture: the figure is on it when drawn */
    sprites_set_target_format(a->rd.sprites, surf->format->format);
    if (kioskapp_show(a->kiosk, o->screen) < 0) {
        fprintf(stderr, "unknot: --screen must be attract, tiles or pin, not '%s' (see unknot --help)\n", o->screen);
        rc = 2;
        goto done;
    }
    app_draw(a);
    FilesOut out; /* the PNG is written whole or not at all */
    char werr[FILES_PATH_BYTES + 200];
    if (files_out_open(&out, o->shot_out, werr, sizeof werr) < 0) {
        fprintf(stderr, "unknot: %s\n", werr);
        goto done;
    }
    if (!stbi_write_png_to_func(shot_write, &out, surf->w, surf->h, 4, surf->pixels, surf->pitch) && !out.error)
        out.error = ENOMEM;
    if (files_out_commit(&out, werr, sizeof werr) < 0) {
        fprintf(stderr, "unknot: %s\n", werr);
        goto done;
    }
    rc = 0;
done:
    app_free(a);
    if (ren)
        SDL_DestroyRenderer(ren);
    SDL_FreeSurface(surf);
    return rc;
}

/* ---- the camera before a shot ---- */

#define APP_SHOT_CAMERA_MAX_MS 120000 /* a shot plays the camera over at most this much before it */

/* The frames a window draws before a shot's moment, played through the figure's camera. */
typedef struct {
    Render *rd;
    const Overlay *ov;
    int64_t last; /* the shot's frame: the session's time it shows */
    int k; /* the next frame to play, k frames (at APP_FPS) before it */
    bool paused; /* the frame played last was paused */
} ShotFrames;

static int64_t shot_frame_ms(const ShotFrames *sf, int k)
{
    return sf->last - ((int64_t)k * 1000 + APP_FPS / 2) / APP_FPS;
}

/* After a tick of the shot's simulation: the frames a window draws until the next tick (app_update
 * steps the session to it, app_draw draws extra_ms past it), through the camera only. */
static void shot_tick(void *ctx, const Session *s)
{
    ShotFrames *sf = ctx;
    for (; sf->k > 0; sf->k--) {
        int64_t f = shot_frame_ms(sf, sf->k);
        if (f >= s->t_ms + SESSION_TICK_MS)
            break;
        /* a paused screen is redrawn only on a change, each time the same: as once */
        if (f < s->t_ms || (s->paused && sf->paused))
            continue;
        sf->paused = s->paused;
        int extra = (int)(f - s->t_ms);
        SessionView v = session_view(s, extra);
        sprites_prepare_from(sf->rd->sprites, v.figure, MOVE_NONE, v.blend ? v.from_figure : MOVE_NONE);
        sprites_set_clock(sf->rd->sprites, camera_clock(s, extra));
        render_session_follow(sf->rd, &v, sf->ov);
    }
}

/* Simulate r to the shot's moment into *s, playing the figure's camera over the frames a window
 * (APP_FPS) draws before it, so the shot frames the figure as the window does then (mid-ease
 * where the figure or its framing changed less than FIGPAINT_CAMERA_MS before): from twice that
 * before, further back while the camera is not settled (sprites_camera_settled: an ease then could
 * have begun from a framing an earlier frame set), up to APP_SHOT_CAMERA_MAX_MS or the session's
 * start. Returns 0, or -1 when out of memory. */
static int shot_simulate(const Routine *r, const AppOptions *o, const VoiceTable *voices, Render *rd, const Overlay *ov,
                         Session *s)
{
    if (!rd->sprites)
        return simulate_until_voiced(r, o->inputs, voices->rows, voices->count, o->shot_at_ms, s);
    ShotFrames sf = {rd, ov, (o->shot_at_ms + SESSION_TICK_MS - 1) / SESSION_TICK_MS * SESSION_TICK_MS, 0, false};
    for (int window = 2 * FIGPAINT_CAMERA_MS;; window *= 2) {
        sf.k = window * APP_FPS / 1000, sf.paused = false;
        int64_t from = shot_frame_ms(&sf, sf.k) - SESSION_TICK_MS;
        sprites_camera_reset(rd->sprites);
        if (simulate_until_each(r, o->inputs, voices->rows, voices->count, from, o->shot_at_ms, s, shot_tick, &sf) < 0)
            return -1;
        SessionView v = session_view(s, 0);
        if (sprites_camera_settled(rd->sprites) || !render_session_figure(&v) || from < 0 ||
            window >= APP_SHOT_CAMERA_MAX_MS)
            break; /* settled, or no figure to frame (a check-in, the results) */
        session_free(s);
    }
    sprites_set_clock(rd->sprites, camera_clock(s, 0)); /* the shot's own frame */
    return 0;
}

/* True for the kiosk's screens (attract, tiles, pin), which the kiosk draws itself. */
static bool kiosk_screen(const char *screen)
{
    return screen && (!strcmp(screen, "attract") || !strcmp(screen, "tiles") || !strcmp(screen, "pin"));
}

int app_shot(const AppOptions *o)
{
    if (kiosk_screen(o->screen))
        return shot_screen(o);
    Routine own = {0};
    LevelList levels = {0};
    const Routine *r = NULL;
    int rc = 1;
    SDL_Surface *surf = NULL;
    SDL_Renderer *ren = NULL;
    Render rd = {0};
    Session s = {0};
    bool have_session = false;
    char keys[KEYHINT_BYTES] = "", question_keys[KEYHINT_BYTES] = "";
    Input in = {0}; /* the keys from bindings.conf, as the window starts */
    VoiceTable voices = {0};
    bool progress = o->screen && strcmp(o->screen, "progress") == 0;
    bool menu = o->screen && strcmp(o->screen, "menu") == 0;
    if (progress || menu) {
        /* no workout on this screen */
    } else if (o->routine) {
        if (load_routine(o->routine, o->data_dir, &own) < 0)
            return 1;
        r = &own;
    } else {
        levels_scan(o->levels_dir, NULL, &levels);
        for (int i = 0; i < levels.count && !r; i++)
            if (levels.items[i].valid)
                r = &levels.items[i].routine;
        if (!r) {
            fprintf(stderr, "unknot: %s: no valid routine to show\n", o->levels_dir);
            goto done;
        }
    }
    surf = SDL_CreateRGBSurfaceWithFormat(0, o->width, o->height, 32, SDL_PIXELFORMAT_ABGR8888);
    ren = surf ? SDL_CreateSoftwareRenderer(surf) : NULL;
    if (!ren) {
        fprintf(stderr, "unknot: cannot create an image of %dx%d: %s\n", o->width, o->height, SDL_GetError());
        goto done;
    }
    char err[512];
    rd.r = ren;
    rd.w = o->width;
    rd.h = o->height;
    rd.arrows_off = !view_arrows_load();
    rd.text = text_new(ren, o->font, err, sizeof err);
    if (!rd.text) {
        fprintf(stderr, "unknot: %s\n", err);
        goto done;
    }
    rd.sprites = open_sprites(ren, o->data_dir);
    input_open_bindings(&in);
    if (menu)
        keyhint_menu(&in, keys, sizeof keys);
    else
        keyhint_pause(&in, keys, sizeof keys);
    sprites_set_immediate(rd.sprites, true); /* a still picture: the figure is on it when drawn */
    sprites_set_target_format(rd.sprites, surf->format->format);
    if (progress) {
        HistoryProgress *p = malloc(sizeof *p);
        if (!p || load_progress(o, p) < 0) {
            fprintf(stderr, "unknot: %s: cannot read the history\n", o->history_path ? o->history_path : "");
            free(p);
            goto done;
        }
        progress_draw(&rd, p, NULL);
        free(p);
        goto write;
    }
    if (menu) {
        MenuInfo *m = calloc(1, sizeof *m);
        struct stat sb;
        History *h = o->history_path && stat(o->history_path, &sb) == 0 ? history_open(o->history_path) : NULL;
        int64_t now = o->have_now ? o->now_utc : (int64_t)time(NULL);
        levels_scan(o->levels_dir, o->data_dir, &levels);
        if (m)
            menu_info_load(h, &levels, now, o->have_now ? o->now_offset : history_local_offset(now), o->week_goal, m);
        history_close(h);
        SessionView idle = idle_view();
        if (rd.sprites)
            sprites_prepare(rd.sprites, MOVE_IDLE, MOVE_IDLE);
        Overlay ov = {0};
        ov.volume_percent = -1;
        ov.menu = m;
        ov.notice = o->shot_notice;
        ov.keys_hint = keys; /* the keyboard's keys from bindings.conf, as the window starts */
        render_menu(&rd, &levels, 0, &idle, &ov);
        free(m);
        goto write;
    }
    Overlay ov = {0};
    ov.volume_percent = -1;
    ov.muted = o->shot_muted;
    ov.notice = o->shot_notice;
    ov.keys_hint = keys;
    sprites_set_routine(rd.sprites, r);
    /* the voice planned as the app plans it: a get-ready lengthened for its words is drawn so; the
     * camera played over the frames before, as a window frames the figure */
    if (voicetable_load(&voices, o->data_dir, r) < 0 || shot_simulate(r, o, &voices, &rd, &ov, &s) < 0) {
        fprintf(stderr, "unknot: out of memory\n");
        goto done;
    }
    have_session = true;
    SessionView v = session_view(&s, 0);
    if (rd.sprites) /* a still picture: the figure shown, not the next one (a window loads that ahead) */
        sprites_prepare_from(rd.sprites, v.figure, MOVE_NONE, v.blend ? v.from_figure : MOVE_NONE);
    if (keyhint_question(&in, &v, question_keys, sizeof question_keys))
        ov.question_keys = question_keys;
    ov.pain_value = v.kind == SEG_PAIN_AFTER && v.pain_before > 0 ? v.pain_before : 0; /* as the app starts it */
    ov.hurt_selected = hurt_initial_selection(&v);
    render_session(&rd, &v, r->title, &ov);
write:
    SDL_RenderPresent(ren);
    /* the PNG is encoded in memory and written whole or not at all */
    FilesOut out;
    char werr[FILES_PATH_BYTES + 200];
    if (files_out_open(&out, o->shot_out, werr, sizeof werr) < 0) {
        fprintf(stderr, "unknot: %s\n", werr);
        goto done;
    }
    if (!stbi_write_png_to_func(shot_write, &out, surf->w, surf->h, 4, surf->pixels, surf->pitch) && !out.error)
        out.error = ENOMEM; /* stb could not allocate the encoded image */
    if (files_out_commit(&out, werr, sizeof werr) < 0) {
        fprintf(stderr, "unknot: %s\n", werr);
        goto done;
    }
    rc = 0;
done:
    input_close(&in);
    if (have_session)
        session_free(&s);
    voicetable_free(&voices);
    render_release(&rd);
    sprites_free(rd.sprites);
    text_free(rd.text);
    if (ren)
        SDL_DestroyRenderer(ren);
    SDL_FreeSurface(surf);
    levels_free(&levels);
    routine_free(&own);
    return rc;
}
