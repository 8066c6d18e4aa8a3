/* render.h: draws every screen of unknot from plain state (a SessionView, the menu list) onto
 * an SDL_Renderer of any size. Layout is computed from the output size each frame, so the same
 * code serves a 1280x720 window, a 4K kiosk and a headless --shot. Draws; decides nothing.
 *
 * Every size and colour is in one RenderStyle (as microui's mu_Style): drawing code reads
 * style->caption_bg, never a literal, so "change the caption band's colour" is one line, and a
 * kiosk or high-contrast theme is a second struct put in Render.style.
 *
 * Adding a screen (a check-in, a keypad, a progress chart) in its own file:
 *   1. const RenderStyle *st = render_style(rd); RenderLayout l = render_layout(rd);
 *   2. render_clear(rd); render_header(rd, title, right_text, progress or -1);
 *   3. lay out inside l.stage and l.panel (or l.body for one wide area), converting style sizes
 *      with render_px(rd, st->text_body) and drawing with render_text / render_box /
 *      render_button; a new size or colour goes into RenderStyle, not into the drawing code;
 *   4. render_caption(rd, text) for the bottom band (always drawn, so nothing jumps), and
 *      render_notice(rd, ov) last. Touch targets: compute the same rectangles in a function the
 *      input code also calls (as render_button_rect), so taps land on what is drawn. */
#ifndef UNKNOT_RENDER_H
#define UNKNOT_RENDER_H

#include <SDL.h>
#include <stdbool.h>

#include "arrowdraw.h"
#include "drawlist.h"
#include "history.h"
#include "levels.h"
#include "session.h"
#include "sprites.h"
#include "text.h"

/* Sizes are layout units: 1 unit = 1 px at RENDER_DESIGN_W x RENDER_DESIGN_H (1920x1080), scaled
 * with the smaller of width/1920 and height/1080. Colours are named by purpose; two purposes may
 * share a value but never a field. */
#define RENDER_DESIGN_W 1920
#define RENDER_DESIGN_H 1080
/* The smallest font size (px at 1920x1080, as passed to text_draw) of any text a patient reads
 * during a workout: the move's name, dose, side, next, countdown, caption, pacer labels, buttons.
 * 32 px DejaVu Sans Bold has capitals ~23 px high: ~15 mm on a 55" 1080p TV, ~17 arcmin from a
 * mat 3 m away, about 3x what 6/6 (20/20) vision just resolves, the reserve fluent reading
 * needs (tests/test_render_layout.c checks every shipped routine's workout screens). */
#define RENDER_WORKOUT_TEXT_MIN 32
#define RENDER_SHRINK_PERCENT 90 /* text that does not fit is tried again this much smaller */
#define RENDER_SOUND_OFF "Sound off" /* the lasting badge while muted */
#define RENDER_BUTTON_ROW 3 /* touch buttons under the panel: Back, Pause, Skip */
typedef struct {
    /* colours */
    SDL_Color background; /* behind everything */
    SDL_Color text; /* body text and values */
    SDL_Color text_quiet; /* labels and hints beside the values */
    SDL_Color heading; /* a segment's heading ("Get ready", "Before you start"), the side, the logo */
    SDL_Color attention; /* the last seconds of a countdown, the score, a streak */
    SDL_Color panel_bg; /* boxes on the background: menu rows, the pause box */
    SDL_Color selected_bg, selected_text; /* the chosen menu row */
    SDL_Color caption_bg, caption_text; /* the caption band at the bottom */
    SDL_Color button_bg, button_text; /* touch buttons */
    SDL_Color button_active_bg, button_active_text; /* a button that is "on" (Resume while paused) */
    SDL_Color progress_track, progress_fill; /* the workout progress bar */
    SDL_Color stage_bg, stage_text; /* the card the figure stands on */
    SDL_Color badge_bg, notice_text; /* a badge on the stage; a passing notice's text (in the header) */
    SDL_Color dim; /* over the screen while paused (with alpha) */
    /* the frame: header, stage, panel, caption band */
    int margin; /* left/right edges */
    int gap; /* between areas */
    int header_y, header_h, header_text;
    int progress_y, progress_h; /* the bar, from the header's top */
    double stage_share; /* the stage's share of the width; the panel takes the rest */
    int caption_h, caption_bottom; /* the band's height and its distance from the bottom */
    int caption_size, caption_size_min, caption_pad_x, caption_pad_y, caption_max_lines;
    int radius_stage, radius_caption, radius_button, radius_box, radius_badge;
    /* text in the panel */
    int line_gap; /* below each line */
    int pacer_h; /* the breathing pacer's bar (two thirds of the panel wide) */
    int text_name, text_name_min; /* the move's name */
    int text_heading; /* "Get ready", "Before you start" */
    int text_side; /* "Left side · set 1 of 2" */
    int text_big, text_big_min; /* the count or the seconds */
    int text_body, text_body_min; /* labels, the dose line */
    int text_hint_min; /* a key hint in the header shrinks down to this */
    int text_workout_min; /* a workout's panel lines (the dose, the knees' card, the stop rules, the
                           * streak) shrink down to this, then wrap: RENDER_WORKOUT_TEXT_MIN */
    int text_next; /* "Next: ..." */
    int text_headline; /* results "Well done!" */
    int text_result, text_score;
    /* buttons, notices, the pause box, the menu */
    int button_h, button_size, button_size_min, button_pad;
    int notice_size, badge_size, badge_pad;
    int badge_pad_y; /* above and below the line of the streak and "Sound off" badges (badge_pad: its sides) */
    int pause_title, pause_text, pause_pad;
    int menu_row_h, menu_row_gap, menu_name, menu_name_min, menu_sub, menu_pad, logo_text;
    int menu_more_h; /* the "▼ 4 more routines" strip under (and over) a page of a long list */
    /* the pain picker (check-ins), the results' pain advice, the streak, the progress screen */
    SDL_Color pain_low, pain_high; /* the strip under 0 and under 10 of the pain scale, blended between */
    SDL_Color warning_bg, warning_text; /* "Stop for today" and when to see a doctor */
    SDL_Color heat_empty, heat_low, heat_high; /* calendar days: none, one workout, two or more */
    SDL_Color chart_before, chart_after, chart_grid; /* the pain trend lines and their grid */
    int picker_number; /* the numbers 0..10 */
    int picker_tile_min_w; /* a number tile narrower than this: the picker takes two rows */
    int picker_strip_h; /* the colour strip at the bottom of each tile */
    int text_question; /* the check-in question */
    int text_stat, text_stat_min; /* "Day 5 in a row", the big streak figures */
} RenderStyle;

/* The default style: dark background, light stage card, large type for 3 metres. */
extern const RenderStyle render_style_default;

typedef struct {
    SDL_Renderer *r;
    Text *text;
    Sprites *sprites; /* may be NULL: the stage then shows the move's name */
    int w, h; /* output size in pixels */
    const RenderStyle *style; /* NULL: render_style_default */
    DrawList *dl; /* NULL: every call draws at once (shots, tests); else only what changed (drawlist.h) */
    ArrowDraw *arrows; /* the motion arrows' painter (arrowdraw.h), made on first use; free with render_release */
    bool arrows_off; /* the motion arrows turned off (A; view.conf): none drawn */
} Render;

/* The areas of a frame, in pixels. */
typedef struct {
    double unit; /* pixels per layout unit */
    SDL_Rect header; /* title, right-hand text and the progress bar */
    SDL_Rect stage; /* the figure's card (left) */
    SDL_Rect panel; /* the text column (right); its bottom holds the button row */
    SDL_Rect body; /* stage and panel together: one wide area for a screen with no figure */
    SDL_Rect caption; /* the caption band */
    SDL_Rect panel_text; /* the panel above the button row */
} RenderLayout;

/* A routine's place on the level ladder (docs/streaks.md), as the menu shows it. */
typedef enum { MENU_LEVEL_NONE = 0, MENU_LEVEL_OPEN, MENU_LEVEL_DONE, MENU_LEVEL_LOCKED } MenuLevelState;

/* What the menu shows from the history: the streak now, each routine's level state, what opens next. */
typedef struct {
    bool have_streak;
    StreakSummary streak;
    unsigned char state[LEVELS_MAX]; /* MenuLevelState per levels->items[i] */
    char next[128]; /* "2 more workouts at level 1 open level 2", or "" */
    StreakFrequency freq[LEVELS_MAX]; /* "2 of 3 today" per levels->items[i]; target 0: none known */
} MenuInfo;

/* Extra state shown over the workout that the session does not own. */
typedef struct {
    const char *notice; /* a short notice (gamepad connected, volume 70%), or NULL */
    bool focus_lost; /* paused because the window lost focus */
    int volume_percent; /* -1 when there is no audio */
    bool muted;
    const char *keys_hint; /* the pause or menu key line for the input used last, or NULL */
    const char *question_keys; /* the key part of the open question's line ("It hurts", the pain
                                * check-in, the side), keyhint.h; NULL: the default keys */
    int pain_value; /* a pain check-in: the number highlighted on the picker, 0..10 */
    int hurt_selected; /* "It hurts" open: the highlighted number, stop rule row or button (hurt.h) */
    Sides side_selected; /* "Which side hurts?": the highlighted side, or SIDES_NONE */
    const HistoryRecorder *record; /* the results: the streak and whether it was saved; NULL: none */
    const MenuInfo *menu; /* the menu: streak and levels from the history; NULL: none */
} Overlay;

/* ---- whole screens ---- */

/* Draw one whole frame of a workout. */
/* Free what drawing made for itself (the arrows' painter); before the renderer is destroyed. */
void render_release(Render *rd);

void render_session(Render *rd, const SessionView *v, const char *routine_title, const Overlay *ov);

/* Whether render_session draws v's figure: not under "It hurts", whose questions take the whole
 * screen, nor in a check-in or the results, which use the whole width. */
bool render_session_figure(const SessionView *v);

/* The safety notice's place (SEG_SAFETY): in the panel beside the figure, or across the width in
 * the figure's place (wide) when the routine's stop rules are many or long; its body text in px;
 * the height it takes from area's top; how many of the stop rules show (the rest give way to
 * "...and N more." only when even that does not fit). Wide and muted, it starts below the
 * "Sound off" badge under "It hurts". For tests. */
typedef struct {
    SDL_Rect area, head; /* head: the heading's place when wide (beside "It hurts"), else w 0 */
    int px, height, rules_shown;
    bool wide;
} RenderSafetyLayout;
RenderSafetyLayout render_safety_layout(Render *rd, const SessionView *v, bool muted);

/* Where render_session draws "It hurts" for v (muted: the sound is off): on the stage's top right
 * (render_button_rect), or at the right end of the safety notice's heading row when the notice
 * takes the width. The input code taps on it (app.c), so a tap lands on what is drawn. */
SDL_Rect render_hurt_rect(Render *rd, const SessionView *v, bool muted);

/* Where the lasting "Sound off" badge shows in a workout's screens: under "It hurts" (on the stage). */
SDL_Rect render_sound_off_rect(Render *rd);

/* What render_session does to the figure's camera for v, drawing nothing (sprites_follow_clear):
 * --shot plays the frames before its moment so. Returns true when the frame shows the figure. */
bool render_session_follow(Render *rd, const SessionView *v, const Overlay *ov);

/* Draw the menu: the routines, the selected one highlighted, the idle figure, and the key line
 * ov->keys_hint (NULL: the default keys). */
void render_menu(Render *rd, const LevelList *levels, int selected, const SessionView *idle, const Overlay *ov);

/* The routine row of render_menu (same layout and scrolling) at pixel x, y: its index in
 * levels, or -1 when x, y is on no row. */
int render_menu_row_at(const Render *rd, const LevelList *levels, int selected, int x, int y);

/* A list longer than a page shows a "▲ N more routines" strip above the page (after the first)
 * and "▼ N more routines" below it (before the last). At pixel x, y on a strip: the routine to
 * select to show that page (the first of the page before or after), else -1. */
int render_menu_page_at(const Render *rd, const LevelList *levels, int selected, int x, int y);

/* The screen rectangles of the touch buttons, in the same layout render_session draws them. */
/* BUTTON_READY: a timer's "Ready" (its get-ready only), over the panel just above the button row. */
typedef enum {
    BUTTON_COUNT_REP,
    BUTTON_PAUSE,
    BUTTON_SKIP,
    BUTTON_BACK,
    BUTTON_HURT,
    BUTTON_READY,
    BUTTON_TOTAL
} ButtonId;
SDL_Rect render_button_rect(const Render *rd, ButtonId b);

/* The stage rectangle where the figure is drawn (also the large touch count area). */
SDL_Rect render_stage_rect(const Render *rd);

/* A question over the dimmed screen ("Quit unknot?") with a key hint and two touch buttons, "no"
 * on the left and "yes" on the right; render_confirm_button_rect gives their rectangles. */
typedef enum { CONFIRM_NO, CONFIRM_YES } ConfirmButton;
void render_confirm(Render *rd, const char *question, const char *hint, const char *no_label, const char *yes_label);
SDL_Rect render_confirm_button_rect(const Render *rd, ConfirmButton b);

/* The menu's touch buttons on the stage card: the progress screen and when to see a doctor. */
typedef enum { MENU_BUTTON_PROGRESS, MENU_BUTTON_ADVICE } MenuButton;
SDL_Rect render_menu_button_rect(const Render *rd, MenuButton b);

/* The safety advice shown before every workout: whole sentences, wrapped to the panel. */
extern const char *const render_safety_lines[];

/* ---- building blocks for screens (see the top of this file) ---- */

/* The style in use: rd->style or render_style_default. */
const RenderStyle *render_style(const Render *rd);

/* Layout units to pixels at the current output size. */
int render_px(const Render *rd, int units);

/* The frame's areas at the current output size. */
RenderLayout render_layout(const Render *rd);

/* Fill the whole output with style->background. */
void render_clear(Render *rd);

/* A filled rectangle with rounded corners of radius px (0: square). */
void render_box(Render *rd, SDL_Rect rc, int radius_px, SDL_Color c);

/* The header: title on the left (shrunk to fit), right_text (may be NULL) on the right, and the
 * progress bar at progress 0..1 below them (progress < 0: no bar). While ov (may be NULL) has a
 * passing notice, the notice takes right_text's place: render_notice draws it there, last. */
void render_header(Render *rd, const char *title, const char *right_text, double progress, const Overlay *ov);

/* The stage card with the figure of v (or the move's name when there are no sprites), clear of
 * "It hurts", the streak badge and, while ov->muted, "Sound off" under "It hurts"; ov may be NULL. */
void render_figure(Render *rd, const SessionView *v, const Overlay *ov);

/* The step panel's dose line for v's step as it runs today, in words: "10 reps × 4 s · hold 2 s at
 * the top · each side" ("each side" too for a one-sided step run on both for "Both / the middle");
 * "" outside a step and for a rest. */
void render_dose_text(const SessionView *v, char *buf, size_t size);

/* The header's right-hand text: where the user is in the workout ("Exercise 2 of 4 · 50 s left");
 * at the end "Finished", "Ended early", or "Stopped" after "It hurts" ended it. */
void render_header_text(const SessionView *v, char *buf, size_t size);

/* The caption band with text centred and shrunk to fit; the band is drawn even for "" or NULL,
 * so the layout never jumps. */
void render_caption(Render *rd, const char *text);

/* A touch button with label centred in rc; active draws it in the "on" colours. */
void render_button(Render *rd, SDL_Rect rc, const char *label, bool active);

/* Text (UTF-8) of size units (a style size) at x, y, aligned around x, wrapped to max_w px
 * (0: one line) and at most max_lines lines; when min_units > 0 and max_w > 0 one line is first
 * shrunk towards min_units to fit. Returns the pixel height drawn plus style->line_gap, so
 * calls stack: y += render_text(...). Nothing is drawn (returns 0) for NULL or "". */
int render_text(Render *rd, const char *s, int units, int min_units, SDL_Color c, int x, int y, TextAlign a, int max_w,
                int max_lines);

/* The "Sound off" badge while ov->muted, in the stage's top left corner (a workout's screens put
 * it under "It hurts": render_session), then ov's passing notice ("Volume 70%", "Gamepad
 * connected") at the header's right end, in the place render_header left for it: never on the
 * stage, so it covers neither the figure nor a streak badge, and the figure never moves for it.
 * ov may be NULL. */
void render_notice(Render *rd, const Overlay *ov);

#endif
