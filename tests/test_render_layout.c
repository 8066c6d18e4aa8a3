/* test_render_layout.c: the screen's layout holds still and nothing covers what must be seen,
 * checked on the pixels of real frames at 1920x1080 and 1280x720: the caption band is there when
 * a step shows no words, the pause box ends above the touch buttons, a workout ended at once shows an
 * empty progress bar and "Ended early", the style is the only source of colours, and with the
 * sound off "Sound off" and the streak badge both show, apart, the streak in large type, at every
 * supported size. Headless. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>

#include "files.h"
#include "hurt.h"
#include "levels.h"
#include "render.h"
#include "sidepick.h"
#include "simulate.h"
#include "teststage.h"
#include "testutil.h"

static const char routine_text[] = "title \"Layout\"\n"
                                   "move cat_camel\n"
                                   "  reps 4 tempo 4s\n"
                                   "  say start \"Breathe out as you round your back.\"\n"
                                   "move child_pose\n"
                                   "  hold 30s\n"
                                   "  say start+20s \"Nearly there.\"\n";

static int load(Routine *r)
{
    RoutineErrors *errs = calloc(1, sizeof *errs);
    int rc = routine_parse("layout.routine", routine_text, strlen(routine_text), r, errs);
    if (rc < 0)
        files_print_errors(errs);
    free(errs);
    return rc;
}

static SDL_Color pixel(SDL_Surface *s, int x, int y)
{
    Uint32 p = ((Uint32 *)s->pixels)[y * (s->pitch / 4) + x];
    SDL_Color c;
    SDL_GetRGBA(p, s->format, &c.r, &c.g, &c.b, &c.a);
    return c;
}

static bool same(SDL_Color a, SDL_Color b)
{
    return a.r == b.r && a.g == b.g && a.b == b.b;
}

/* The view at time at_ms after the inputs (times in ms, actions INPUT_*). */
static SessionView view_at(const Routine *r, Session *s, int64_t at_ms, const TimedInput *in, int n)
{
    InputScript script = {(TimedInput *)in, n};
    simulate_until(r, n ? &script : NULL, at_ms, s);
    return session_view(s, 0);
}

static void draw(Render *rd, const SessionView *v)
{
    Overlay ov = {0};
    ov.volume_percent = -1;
    render_session(rd, v, "Layout", &ov);
    SDL_RenderPresent(rd->r);
}

/* The menu of levels/ (more routines than fit on one page at any size): whichever routine is
 * selected, its row is drawn, selected, where a tap finds it; a page after the first has a
 * "more" strip above that leads to the page before, a page before the last one below. */
static void check_menu(Render *rd, SDL_Surface *surf)
{
    const RenderStyle *st = render_style(rd);
    RenderLayout l = render_layout(rd);
    LevelList levels;
    CHECK_INT(levels_scan("levels", NULL, &levels), 0);
    CHECK(levels.count >= 6); /* the list is longer than a page at 1920x1080 (five rows) */
    Overlay ov = {0};
    ov.volume_percent = -1;
    SessionView idle;
    memset(&idle, 0, sizeof idle);
    idle.figure = MOVE_NONE;
    int pages = 0, last_first = -1;
    for (int sel = 0; sel < levels.count; sel++) {
        render_menu(rd, &levels, sel, &idle, &ov);
        SDL_RenderPresent(rd->r);
        int x = l.panel.x + l.panel.w / 2, row_y = -1, up_y = -1, down_y = -1, first = -1;
        for (int y = l.panel.y; y < l.panel.y + l.panel.h; y++) {
            int i = render_menu_row_at(rd, &levels, sel, x, y);
            if (i == sel && row_y < 0)
                row_y = y;
            if (i >= 0 && first < 0)
                first = i;
            int page = render_menu_page_at(rd, &levels, sel, x, y);
            if (page >= 0 && page < sel && up_y < 0)
                up_y = y;
            if (page > sel && down_y < 0)
                down_y = y;
        }
        CHECK(row_y >= 0); /* the selected routine is on the page shown ... */
        if (row_y >= 0)
            CHECK(same(pixel(surf, l.panel.x + 4, row_y + 8), st->selected_bg)); /* ... and drawn selected */
        if (first != last_first) {
            pages++;
            last_first = first;
        }
        CHECK((up_y >= 0) == (first > 0)); /* "more" above exactly when routines are above */
        if (up_y >= 0)
            CHECK(same(pixel(surf, l.panel.x + 4, up_y + 8), st->button_bg));
        if (down_y >= 0)
            CHECK(same(pixel(surf, l.panel.x + 4, down_y + 8), st->button_bg));
        if (sel == 0)
            CHECK(down_y >= 0); /* the first page says there is more */
        if (sel == levels.count - 1)
            CHECK(down_y < 0); /* the last page does not */
    }
    CHECK(pages >= 2);
    levels_free(&levels);
}

static void check_size(const Routine *r, int w, int h)
{
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *ren = SDL_CreateSoftwareRenderer(surf);
    char err[256];
    Render rd = {ren, text_new(ren, NULL, err, sizeof err), NULL, w, h, NULL};
    CHECK(rd.text != NULL);
    if (!rd.text)
        return;
    const RenderStyle *st = render_style(&rd);
    CHECK(st == &render_style_default);
    RenderLayout l = render_layout(&rd);
    Session s;

    /* The hold step's only words come 20 s in (so it has no how-to, which would stay on screen): as
     * it starts the get-ready's caption is gone, the band stays. */
    SessionView v;
    int64_t t = 0;
    for (t = 0; t < 200000; t += 500) {
        v = view_at(r, &s, t, NULL, 0);
        bool found = v.kind == SEG_WORK && v.step_index == 1 && (!v.caption || !*v.caption);
        if (found)
            break;
        session_free(&s);
    }
    CHECK(t < 200000);
    if (t < 200000) {
        draw(&rd, &v);
        SDL_Color band = pixel(surf, l.caption.x + l.caption.w / 2, l.caption.y + l.caption.h / 2);
        CHECK(same(band, st->caption_bg));
        /* paused: the box ends above the buttons, whose tops stay clear */
        v.paused = true;
        draw(&rd, &v);
        SDL_Rect back = render_button_rect(&rd, BUTTON_BACK);
        int gap = render_px(&rd, st->gap);
        SDL_Color above = pixel(surf, back.x + back.w / 2, back.y - gap / 2);
        CHECK(!same(above, st->panel_bg));
        SDL_Color top = pixel(surf, back.x + back.w / 2, back.y + 2);
        CHECK(same(top, st->button_bg));
        SDL_Rect pause = render_button_rect(&rd, BUTTON_PAUSE);
        CHECK(same(pixel(surf, pause.x + pause.w / 2, pause.y + 2), st->button_active_bg));
        /* and the box is there, under the header */
        CHECK(same(pixel(surf, l.body.x + 4, l.body.y + l.body.h / 3), st->panel_bg) ||
              same(pixel(surf, l.body.x + 4, l.body.y + l.body.h / 2), st->panel_bg));
        session_free(&s);
    }

    /* Quit at once: the results show an empty bar, not a full one. */
    TimedInput quit[] = {{1000, INPUT_PRESS, 0}, {1100, INPUT_RELEASE, 1}, {2000, INPUT_QUIT, 2}};
    v = view_at(r, &s, 4000, quit, 3);
    CHECK(v.kind == SEG_RESULTS && v.ended_early);
    draw(&rd, &v);
    int bar_y = l.header.y + render_px(&rd, st->progress_y) + render_px(&rd, st->progress_h) / 2;
    CHECK(same(pixel(surf, l.header.x + l.header.w / 2, bar_y), st->progress_track));
    session_free(&s);

    /* Near the end of a planned workout, the bar is filled that far. */
    v = view_at(r, &s, 60000, NULL, 0);
    draw(&rd, &v);
    CHECK(v.progress > 0.55);
    CHECK(same(pixel(surf, l.header.x + l.header.w / 2, bar_y), st->progress_fill));
    session_free(&s);

    check_menu(&rd, surf);

    text_free(rd.text);
    SDL_DestroyRenderer(ren);
    SDL_FreeSurface(surf);
}

/* ---- "Sound off" and the streak badge ---- */

static void step_starts(void *ctx, const Session *s, const SessionEvent *ev)
{
    int64_t *t = ctx;
    (void)s;
    if (ev->type == EV_STEP_START && *t < 0)
        *t = ev->t_ms;
}

typedef struct {
    int x0, y0, x1, y1; /* [x0, x1) x [y0, y1) */
} Box;

/* The boxes of the areas of colour c (4-connected, at least 200 pixels, not touching r's edge,
 * not inside another's box) inside r, at most max. */
static int areas(SDL_Surface *surf, SDL_Rect r, SDL_Color c, Box *out, int max)
{
    int n = 0, w = surf->w;
    unsigned char *seen = calloc((size_t)w * surf->h, 1);
    int *stack = malloc(sizeof *stack * (size_t)w * surf->h);
    for (int y = r.y; seen && stack && y < r.y + r.h; y++)
        for (int x = r.x; x < r.x + r.w; x++) {
            if (seen[y * w + x] || !same(pixel(surf, x, y), c))
                continue;
            Box b = {x, y, x + 1, y + 1};
            int top = 0, count = 0;
            stack[top++] = y * w + x;
            seen[y * w + x] = 1;
            while (top > 0) {
                int i = stack[--top], px = i % w, py = i / w;
                count++;
                b.x0 = px < b.x0 ? px : b.x0, b.x1 = px + 1 > b.x1 ? px + 1 : b.x1;
                b.y0 = py < b.y0 ? py : b.y0, b.y1 = py + 1 > b.y1 ? py + 1 : b.y1;
                const int nx[4] = {px - 1, px + 1, px, px}, ny[4] = {py, py, py - 1, py + 1};
                for (int k = 0; k < 4; k++)
                    if (nx[k] >= r.x && nx[k] < r.x + r.w && ny[k] >= r.y && ny[k] < r.y + r.h &&
                        !seen[ny[k] * w + nx[k]] && same(pixel(surf, nx[k], ny[k]), c)) {
                        seen[ny[k] * w + nx[k]] = 1;
                        stack[top++] = ny[k] * w + nx[k];
                    }
            }
            bool edge = b.x0 == r.x || b.y0 == r.y || b.x1 == r.x + r.w ||
                        b.y1 == r.y + r.h; /* the background
                                            * beyond the card's rounded corners */
            if (count >= 200 && !edge && n < max)
                out[n++] = b;
        }
    free(seen);
    free(stack);
    /* the holes of letters (the inside of an "o") are areas of their own, inside a badge's box */
    int kept = 0;
    for (int i = 0; i < n; i++) {
        bool inside = false;
        for (int j = 0; j < n && !inside; j++)
            inside = j != i && out[i].x0 >= out[j].x0 && out[i].x1 <= out[j].x1 && out[i].y0 >= out[j].y0 &&
                     out[i].y1 <= out[j].y1;
        if (!inside)
            out[kept++] = out[i];
    }
    return kept;
}

static bool apart(Box a, Box b, int gap)
{
    return a.x1 + gap <= b.x0 || b.x1 + gap <= a.x0 || a.y1 + gap <= b.y0 || b.y1 + gap <= a.y0;
}

static bool clear_of(Box a, SDL_Rect r)
{
    return apart(a, (Box){r.x, r.y, r.x + r.w, r.y + r.h}, 1);
}

/* A copy of the pixels of r (NULL: out of memory), to compare with stage_same. */
static Uint32 *stage_copy(SDL_Surface *surf, SDL_Rect r)
{
    Uint32 *c = malloc(sizeof *c * (size_t)r.w * r.h);
    for (int y = 0; c && y < r.h; y++)
        for (int x = 0; x < r.w; x++)
            c[y * r.w + x] = ((Uint32 *)surf->pixels)[(r.y + y) * (surf->pitch / 4) + r.x + x];
    return c;
}

/* Whether r shows the same pixels as the copy c: nothing on it moved, came or went. */
static bool stage_same(SDL_Surface *surf, SDL_Rect r, const Uint32 *c)
{
    int differ = 0;
    for (int y = 0; c && y < r.h; y++)
        for (int x = 0; x < r.w; x++)
            differ += c[y * r.w + x] != ((Uint32 *)surf->pixels)[(r.y + y) * (surf->pitch / 4) + r.x + x];
    if (differ)
        fprintf(stderr, "  %d stage pixels changed\n", differ);
    return c && differ == 0;
}

/* A passing notice shows at the header's right end: one box in panel_bg there, above the stage
 * (and above the progress bar's top), right-aligned with the header, left of it no box, its type
 * at least text_body_min and as tall as the header's line allows. */
static void check_header_notice(Render *rd, SDL_Surface *surf, const char *notice)
{
    const RenderStyle *st = render_style(rd);
    RenderLayout l = render_layout(rd);
    SDL_Rect top = {0, 0, rd->w, l.header.y + render_px(rd, st->progress_y)};
    Box b[16];
    int n = areas(surf, top, st->panel_bg, b, 16);
    CHECK_INT(n, 1);
    if (n != 1)
        return;
    int tw, th;
    text_measure(rd->text, notice, render_px(rd, st->text_body_min), 0, 1, &tw, &th);
    fprintf(stderr, "  notice \"%s\": box %dx%d at %d,%d\n", notice, b[0].x1 - b[0].x0, b[0].y1 - b[0].y0, b[0].x0,
            b[0].y0);
    CHECK_INT(b[0].x1, l.header.x + l.header.w);
    CHECK(b[0].y0 >= 0 && b[0].y1 <= top.h && b[0].y1 < l.stage.y);
    CHECK(b[0].y1 - b[0].y0 >= th); /* readable: at least text_body_min's line */
    /* the notice's own text colour inside it */
    bool ink = false;
    for (int y = b[0].y0; y < b[0].y1 && !ink; y++)
        for (int x = b[0].x0; x < b[0].x1 && !ink; x++)
            ink = same(pixel(surf, x, y), st->notice_text);
    CHECK(ink);
}

/* On the menu the same: its streak's badges and "Sound off" apart. In a workout: a rep step
 * pressed on the beat long enough for the longest kind of streak text ("10 on the
 * beat · points ×3") and a confirmed hold with its streak, drawn with the sound off: on the stage
 * exactly two badges show (the INK boxes), the streak on the top left and "Sound off" under
 * "It hurts", a gap apart and clear of the button; the streak is one line, its type at least
 * text_body (the panel's lines; it was ~31 px at 1920x1080), as large as without "Sound off". */
static void check_badges(int w, int h)
{
    static const char src[] = "title \"Badges\"\n"
                              "move cat_camel\n  reps 12 tempo 4s\n"
                              "move spinal_twist\n  hold 10s\n  confirm-hold\n";
    Routine r;
    RoutineErrors *errs = calloc(1, sizeof *errs);
    CHECK(errs && routine_parse("badges.routine", src, strlen(src), &r, errs) == 0);
    free(errs);
    int64_t start = -1;
    simulate_run(&r, NULL, step_starts, &start);
    CHECK(start > 0);
    TimedInput in[2 * 10];
    for (int b = 0; b < 10; b++) { /* on each beat, the middle of a 4 s rep */
        in[2 * b] = (TimedInput){start + b * 4000 + 2000, INPUT_PRESS, 2 * b};
        in[2 * b + 1] = (TimedInput){start + b * 4000 + 2100, INPUT_RELEASE, 2 * b + 1};
    }
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *ren = SDL_CreateSoftwareRenderer(surf);
    char err[256];
    Render rd = {ren, text_new(ren, NULL, err, sizeof err), NULL, w, h, NULL};
    CHECK(rd.text != NULL);
    const RenderStyle *st = render_style(&rd);
    RenderLayout l = render_layout(&rd);
    SDL_Rect hurt = render_button_rect(&rd, BUTTON_HURT);
    int gap = render_px(&rd, st->gap), pad = 2 * render_px(&rd, st->badge_pad_y); /* above and below */
    Session s;
    /* the rep step after ten presses on the beat, between beats; the hold held down from its start */
    struct {
        int64_t t;
        const TimedInput *in;
        int n;
    } frames[2] = {{start + 10 * 4000 + 1000, in, 2 * 10}, {-1, NULL, 0}};
    SessionView v = view_at(&r, &s, frames[0].t, in, 2 * 10);
    CHECK(v.kind == SEG_WORK && v.score && v.score->combo >= 10 && v.multiplier > 1);
    session_free(&s);
    /* the hold held down from its first side: on the second side one hold is in the streak */
    int64_t hold = -1;
    for (int64_t t = frames[0].t; rd.text && t < frames[0].t + 120000 && hold < 0; t += 250) {
        v = view_at(&r, &s, t, NULL, 0);
        if (v.kind == SEG_WORK && v.step_index == 1)
            hold = t;
        session_free(&s);
    }
    CHECK(hold > 0);
    TimedInput held[] = {{hold + 300, INPUT_PRESS, 0}};
    for (int64_t t = hold; hold > 0 && t < hold + 120000 && frames[1].t < 0; t += 250) {
        v = view_at(&r, &s, t, held, 1);
        if (v.kind == SEG_WORK && v.score && v.score->hold_streak >= 1)
            frames[1].t = t + 2000, frames[1].in = held, frames[1].n = 1;
        session_free(&s);
    }
    CHECK(frames[1].t > 0);
    for (int f = 0; f < 2 && rd.text && frames[f].t > 0; f++) {
        v = view_at(&r, &s, frames[f].t, frames[f].in, frames[f].n);
        char line[96];
        if (f == 0)
            snprintf(line, sizeof line, "%d on the beat \xC2\xB7 points \xC3\x97%d", v.score->combo, v.multiplier);
        else
            snprintf(line, sizeof line, "Hold streak %d", v.score ? v.score->hold_streak : 0);
        CHECK(f == 0 || (v.kind == SEG_WORK && v.step_index == 1 && v.score && v.score->hold_streak >= 1));
        Box b[16], alone[16];
        Overlay ov = {0};
        ov.volume_percent = -1;
        render_session(&rd, &v, "Badges", &ov);
        SDL_RenderPresent(ren);
        int n_alone = areas(surf, l.stage, st->badge_bg, alone, 16);
        Uint32 *stage_on = stage_copy(surf, l.stage);
        /* a passing notice with the sound on: in the header, the stage unchanged */
        ov.notice = "Volume 70%";
        render_session(&rd, &v, "Badges", &ov);
        SDL_RenderPresent(ren);
        check_header_notice(&rd, surf, "Volume 70%");
        CHECK(stage_same(surf, l.stage, stage_on));
        ov.notice = NULL;
        ov.muted = true;
        render_session(&rd, &v, "Badges", &ov);
        SDL_RenderPresent(ren);
        int n = areas(surf, l.stage, st->badge_bg, b, 16);
        Uint32 *stage_off = stage_copy(surf, l.stage);
        ov.notice = RENDER_SOUND_OFF; /* as M is pressed: in the header too, the stage unchanged */
        render_session(&rd, &v, "Badges", &ov);
        SDL_RenderPresent(ren);
        check_header_notice(&rd, surf, RENDER_SOUND_OFF);
        CHECK(stage_same(surf, l.stage, stage_off));
        ov.notice = "Gamepad connected: Wireless Controller"; /* a long one, paused: over the dim */
        v.paused = true;
        render_session(&rd, &v, "Badges", &ov);
        SDL_RenderPresent(ren);
        check_header_notice(&rd, surf, ov.notice);
        v.paused = false;
        free(stage_on);
        free(stage_off);
        session_free(&s);
        CHECK_INT(n_alone, 1); /* the streak */
        CHECK_INT(n, 2); /* and "Sound off" */
        if (n != 2 || n_alone != 1)
            continue;
        Box streak = b[0].x0 < b[1].x0 ? b[0] : b[1], off = b[0].x0 < b[1].x0 ? b[1] : b[0];
        int body_w, body_h, one_w, one_h;
        text_measure(rd.text, line, render_px(&rd, st->text_body), 0, 1, &body_w, &body_h);
        text_measure(rd.text, line, render_px(&rd, st->badge_size), 0, 1, &one_w, &one_h);
        fprintf(stderr,
                "%dx%d \"%s\": streak %dx%d at %d,%d, \"Sound off\" %dx%d at %d,%d; at text_body the badge "
                "would be %d tall\n",
                w, h, line, streak.x1 - streak.x0, streak.y1 - streak.y0, streak.x0 - l.stage.x, streak.y0 - l.stage.y,
                off.x1 - off.x0, off.y1 - off.y0, off.x0 - l.stage.x, off.y0 - l.stage.y, body_h + pad);
        CHECK(memcmp(&streak, &alone[0], sizeof streak) == 0); /* the streak does not move for "Sound off" */
        CHECK(apart(streak, off, gap)); /* they do not overlap: a gap between */
        CHECK(clear_of(streak, hurt) && clear_of(off, hurt));
        CHECK(streak.x1 + gap <= hurt.x); /* one line up to "It hurts" */
        CHECK(off.y0 >= hurt.y + hurt.h && off.x1 <= l.stage.x + l.stage.w && off.y1 < l.caption.y);
        CHECK(streak.y1 - streak.y0 >= body_h + pad); /* type of at least text_body ... */
        CHECK(streak.y1 - streak.y0 <= one_h + pad); /* ... in one line */
    }
    /* the menu: "Sound off" under the streak's badges (in the next level's line when it has none),
     * apart from them, and they stay where they are */
    static MenuInfo m;
    memset(&m, 0, sizeof m);
    m.have_streak = true;
    m.streak.current = 3, m.streak.week_days = 2, m.streak.week_goal = 3;
    LevelList none = {0};
    SessionView idle;
    memset(&idle, 0, sizeof idle);
    idle.figure = MOVE_NONE;
    for (int with_next = 0; with_next < 2 && rd.text; with_next++) {
        snprintf(m.next, sizeof m.next, "%s", with_next ? "2 more workouts at level 1 open level 2" : "");
        Box on[16], off[16];
        Overlay ov = {0};
        ov.volume_percent = -1;
        ov.menu = &m;
        render_menu(&rd, &none, 0, &idle, &ov);
        SDL_RenderPresent(ren);
        int n_on = areas(surf, l.stage, st->badge_bg, on, 16);
        ov.muted = true;
        render_menu(&rd, &none, 0, &idle, &ov);
        SDL_RenderPresent(ren);
        int n_off = areas(surf, l.stage, st->badge_bg, off, 16);
        Uint32 *stage_off = stage_copy(surf, l.stage);
        ov.notice = "Sound off"; /* as M is pressed: in the key line's place, the stage unchanged */
        render_menu(&rd, &none, 0, &idle, &ov);
        SDL_RenderPresent(ren);
        check_header_notice(&rd, surf, ov.notice);
        CHECK(stage_same(surf, l.stage, stage_off));
        free(stage_off);
        fprintf(stderr, "%dx%d menu%s: %d badges, %d with the sound off\n", w, h, with_next ? " (next level)" : "",
                n_on, n_off);
        CHECK_INT(n_on, 1 + with_next);
        CHECK_INT(n_off, 2 + with_next);
        if (n_on != 1 + with_next || n_off != 2 + with_next)
            continue;
        for (int i = 0; i < n_on; i++)
            CHECK(memcmp(&on[i], &off[i], sizeof on[i]) == 0); /* found top down: the same, then "Sound off" */
        for (int i = 0; i < n_off; i++)
            for (int j = i + 1; j < n_off; j++)
                CHECK(apart(off[i], off[j], gap / 2));
        CHECK(off[n_off - 1].y0 > off[n_off - 2].y1); /* under them */
    }
    routine_free(&r);
    text_free(rd.text);
    SDL_DestroyRenderer(ren);
    SDL_FreeSurface(surf);
}

/* The stage and the "It hurts" button at 1920x1080 are where teststage.h says: test_figure_seams
 * keeps the figure clear of that button as the program lays it out, without SDL. */
static void check_teststage(void)
{
    Render rd = {NULL, NULL, NULL, 1920, 1080, NULL, NULL};
    SDL_Rect stage = render_stage_rect(&rd), hurt = render_button_rect(&rd, BUTTON_HURT);
    CHECK_INT(stage.w, TESTSTAGE_W);
    CHECK_INT(stage.h, TESTSTAGE_H);
    CHECK_INT(hurt.x - stage.x, TESTSTAGE_HURT_X);
    CHECK_INT(hurt.y - stage.y, TESTSTAGE_HURT_Y);
    CHECK_INT(hurt.w, TESTSTAGE_HURT_W);
    CHECK_INT(hurt.h, TESTSTAGE_HURT_H);
}

/* ---- the smallest workout text at 1920x1080 ---- */

/* What a frame of the workout shows in text, beyond its numbers: a new one is drawn. */
typedef struct {
    SegmentKind kind;
    int step, side, set, phase_on, breath_in, press, ready, minutes;
    char caption[SESSION_TEXT_BYTES];
    const char *phase;
} WorkoutShown;

typedef struct {
    Render *rd;
    const char *routine, *title;
    WorkoutShown last;
    int frames, smallest, cut;
    char smallest_text[TEXT_SMALLEST_BYTES], smallest_where[160];
} WorkoutText;

/* The screens a patient reads during a workout, from its safety notice to its last step. */
static bool workout_screen(SegmentKind k)
{
    return k == SEG_SAFETY || k == SEG_INTRO || k == SEG_READY || k == SEG_SWITCH || k == SEG_SET_REST || k == SEG_WORK;
}

/* simulate_until_each's tick: each time what the workout shows in words changes, draw it (and the
 * first frame of each segment paused too) and keep the smallest size any line was drawn at. */
static void workout_frame(void *ctx, const Session *s)
{
    WorkoutText *w = ctx;
    SessionView v = session_view(s, 0);
    if (!workout_screen(v.kind))
        return;
    WorkoutShown now = {v.kind,
                        v.step_index,
                        (int)v.side_named,
                        v.set,
                        v.phases > 0 && v.phase_text,
                        v.breaths > 0 && v.breath_in,
                        v.awaiting_press,
                        v.ready_press,
                        v.remaining_ms > 60000,
                        "",
                        v.phase_text};
    snprintf(now.caption, sizeof now.caption, "%s", v.caption ? v.caption : "");
    WorkoutShown *was = &w->last;
    bool segment = now.kind != was->kind || now.step != was->step || now.side != was->side || now.set != was->set;
    if (!segment && now.phase_on == was->phase_on && now.breath_in == was->breath_in && now.press == was->press &&
        now.ready == was->ready && now.minutes == was->minutes && strcmp(now.caption, was->caption) == 0 &&
        (now.phase == was->phase || (now.phase && was->phase && strcmp(now.phase, was->phase) == 0)))
        return;
    *was = now;
    Overlay ov = {0};
    ov.volume_percent = -1;
    for (int paused = 0; paused < (segment ? 2 : 1); paused++) {
        v.paused = paused;
        text_smallest(w->rd->text, NULL, 0);
        unsigned cut = text_stats(w->rd->text).cut_draws;
        render_session(w->rd, &v, w->title, &ov);
        char what[TEXT_SMALLEST_BYTES];
        int px = text_smallest(w->rd->text, what, sizeof what);
        w->frames++;
        if (text_stats(w->rd->text).cut_draws != cut) {
            fprintf(stderr, "%s, step %d, segment %d: a line is cut short\n", w->routine, v.step_index, (int)v.kind);
            w->cut++;
        }
        if (px > 0 && (w->smallest == 0 || px < w->smallest)) {
            w->smallest = px;
            snprintf(w->smallest_text, sizeof w->smallest_text, "%s", what);
            snprintf(w->smallest_where, sizeof w->smallest_where, "%s, step %d, segment %d%s", w->routine, v.step_index,
                     (int)v.kind, paused ? ", paused" : "");
        }
    }
}

/* Play routine r's workout screens through on rd (workout_frame) and check the smallest text drawn
 * and that nothing was cut short. */
static void check_workout_text_of(Render *rd, const Routine *r, const char *name)
{
    WorkoutText w = {rd, name, r->title};
    w.last.kind = (SegmentKind)-1;
    Session s;
    CHECK_INT(simulate_until_each(r, NULL, NULL, 0, 0, INT64_C(24) * 3600 * 1000, &s, workout_frame, &w), 0);
    session_free(&s);
    printf("%s: %d workout frames, smallest text %d px (\"%s\" in %s)\n", name, w.frames, w.smallest, w.smallest_text,
           w.smallest_where);
    CHECK(w.frames > 10);
    if (w.smallest < RENDER_WORKOUT_TEXT_MIN)
        fprintf(stderr, "%s: \"%s\" drawn at %d px, under the %d px floor\n", w.smallest_where, w.smallest_text,
                w.smallest, RENDER_WORKOUT_TEXT_MIN);
    CHECK(w.smallest >= RENDER_WORKOUT_TEXT_MIN);
    CHECK_INT(w.cut, 0); /* fitted or wrapped, never cut short */
}

/* Every shipped routine's workout screens played through at 1920x1080 (no input, check-ins
 * skipped), the figures drawn (so the knees' card is too), and a routine of every usable move with
 * no words of its own (so each get-ready captions the move's how-to): no line a patient reads is
 * drawn smaller than RENDER_WORKOUT_TEXT_MIN, after every fitting and shrinking, and none is cut
 * short with an ellipsis to keep that size. */
static void check_workout_text_sizes(void)
{
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, 1920, 1080, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *ren = SDL_CreateSoftwareRenderer(surf);
    char err[256];
    Render rd = {ren, text_new(ren, NULL, err, sizeof err), sprites_new(ren, "assets/poses"), 1920, 1080, NULL};
    CHECK(rd.text != NULL && rd.sprites != NULL);
    sprites_set_immediate(rd.sprites, true);
    sprites_set_target_format(rd.sprites, surf->format->format);
    char **names = NULL;
    int count = 0;
    CHECK_INT(levels_names("levels", &names, &count), 0);
    CHECK(count >= 9);
    for (int i = 0; rd.text && i < count; i++) {
        char path[512];
        snprintf(path, sizeof path, "levels/%s", names[i]);
        Routine r;
        RoutineErrors *errs = calloc(1, sizeof *errs);
        int rc = files_load_routine(path, &r, errs);
        CHECK_INT(rc, 0);
        free(errs);
        if (rc < 0)
            continue;
        check_workout_text_of(&rd, &r, names[i]);
        routine_free(&r);
    }
    levels_names_free(names, count);
    /* every usable move, reps held at the top, no words: the how-to captions and every dose */
    static char src[8192];
    int n = snprintf(src, sizeof src, "title \"Every move\"\n");
    for (int m = 0; m < MOVE_COUNT && n < (int)sizeof src - 128; m++)
        if (moves_info((MoveId)m)->routine_usable)
            n += snprintf(src + n, sizeof src - (size_t)n, "move %s\n  reps 8-10 hold 5s\n", moves_info((MoveId)m)->id);
    Routine r;
    RoutineErrors *errs = calloc(1, sizeof *errs);
    int rc = routine_parse("every.routine", src, strlen(src), &r, errs);
    CHECK_INT(rc, 0);
    free(errs);
    if (rd.text && rc == 0) {
        check_workout_text_of(&rd, &r, "every move");
        routine_free(&r);
    }
    render_release(&rd);
    sprites_free(rd.sprites);
    text_free(rd.text);
    SDL_DestroyRenderer(ren);
    SDL_FreeSurface(surf);
}

/* ---- the safety notice with a physio's stop rules ---- */

/* A routine with n stop rules of about 95 characters each (the long kind a physio writes). */
static int stop_rules_routine(int n, Routine *r)
{
    char src[4096];
    int len = snprintf(src, sizeof src, "title \"Stop rules\"\n");
    for (int i = 0; i < n; i++)
        len += snprintf(src + len, sizeof src - (size_t)len,
                        "stop-if \"Pain spreads down into your leg or below the knee, or you feel pins and "
                        "needles in the foot %d\"\n",
                        i);
    len += snprintf(src + len, sizeof src - (size_t)len, "move bridge\n  reps 4 tempo 4s\n");
    RoutineErrors *errs = calloc(1, sizeof *errs);
    int rc = routine_parse("stop.routine", src, (size_t)len, r, errs);
    free(errs);
    return rc;
}

/* "It hurts"'s "Does one of these apply?" with eight long stop rules: each row's text sits inside
 * its row, centred: as much room above it as below (the rows' text was measured at full size on two lines and drawn
 * fitted to one at a smaller size, high in the row: the first row's text ran above it). */
static void check_rule_rows(Render *rd, SDL_Surface *surf, const Routine *r)
{
    const RenderStyle *st = render_style(rd);
    TimedInput hurt[] = {{500, INPUT_HURT, 0, 0, 0, false, SIDES_NONE}, {600, INPUT_PAIN, 1, 5, 0, true, SIDES_NONE}};
    Session s;
    SessionView v = view_at(r, &s, 1000, hurt, 2);
    CHECK(v.hurt == HURT_RULE);
    Overlay ov = {0};
    ov.volume_percent = -1;
    render_session(rd, &v, r->title, &ov);
    for (int i = 0; v.hurt == HURT_RULE && i < r->stop_if_count; i++) {
        SDL_Rect rc = hurt_rule_rect(rd, r->stop_if_count, i);
        SDL_Color box = i == 0 ? st->selected_bg : st->panel_bg;
        int top = -1, bottom = -1;
        for (int y = rc.y; y < rc.y + rc.h; y++)
            for (int x = rc.x + rc.w / 8; x < rc.x + rc.w / 2; x++) {
                SDL_Color c = pixel(surf, x, y);
                bool ink = i == 0 ? same(c, st->selected_text) : same(c, st->text);
                if (ink && !same(c, box)) {
                    if (top < 0)
                        top = y;
                    bottom = y;
                    break;
                }
            }
        int above = top - rc.y, below = rc.y + rc.h - 1 - bottom;
        if (top < rc.y || bottom >= rc.y + rc.h || abs(above - below) > rc.h / 4)
            fprintf(stderr, "rule row %d (y %d..%d): its text at y %d..%d\n", i, rc.y, rc.y + rc.h, top, bottom);
        CHECK(top >= rc.y && bottom >= top);
        CHECK(abs(above - below) <= rc.h / 4);
    }
    session_free(&s);
}

/* Whether the red "It hurts" is drawn at rc in surf: its box's colour inside it, to the left of
 * its words (the box's middle-left). */
static bool hurt_drawn_at(Render *rd, SDL_Surface *surf, SDL_Rect rc)
{
    SDL_Color c = pixel(surf, rc.x + rc.w / 12, rc.y + rc.h / 2);
    return same(c, render_style(rd)->warning_bg);
}

/* "It hurts" on the safety notice (drawn in surf for v) where the notice beside the figure has it
 * (review s30): in the corner of what is shown, the top right. Beside the figure, on the stage's
 * top right; across the width, at the right end of the heading's row, level with and as big as
 * there, where it stood mid-row in the stage's corner with no stage; and render_hurt_rect (where
 * taps land) is where it is drawn. */
static void check_notice_hurt(Render *rd, SDL_Surface *surf, const SessionView *v, bool wide, int w, int h)
{
    RenderLayout l = render_layout(rd);
    SDL_Rect corner = render_button_rect(rd, BUTTON_HURT), at = render_hurt_rect(rd, v, false);
    bool there = hurt_drawn_at(rd, surf, at), left = hurt_drawn_at(rd, surf, corner);
    if (wide && (at.x + at.w != l.body.x + l.body.w || !there || left))
        fprintf(stderr,
                "%dx%d wide notice: \"It hurts\" at x %d..%d (drawn %d), the row ends at %d, %s at the "
                "stage's corner x %d..%d\n",
                w, h, at.x, at.x + at.w, there, l.body.x + l.body.w, left ? "drawn" : "not drawn", corner.x,
                corner.x + corner.w);
    CHECK(there);
    CHECK(at.y == corner.y && at.w == corner.w && at.h == corner.h);
    if (wide) {
        CHECK_INT(at.x + at.w, l.body.x + l.body.w);
        CHECK(!left || SDL_HasIntersection(&at, &corner)); /* not also in the middle of the row */
    } else {
        CHECK(SDL_RectEquals(&at, &corner));
    }
}

/* The safety notice, drawn as the workout begins, at every supported size: all of it inside the
 * body (above the caption band, below "It hurts" when it takes the width), its text no smaller
 * than the workout's floor and never cut. The shipped routines' notices (none, two and three stop
 * rules) stay beside the figure; four long rules at 1080p take the width and all show; eight long
 * ones show as many as fit and "...and N more.", with "Starting in" still on screen (on main four
 * ran off the panel's foot under the caption band, "Starting in" with them). */
static void check_safety_notice(int w, int h)
{
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *ren = SDL_CreateSoftwareRenderer(surf);
    char err[256];
    Render rd = {ren, text_new(ren, NULL, err, sizeof err), NULL, w, h, NULL};
    CHECK(rd.text != NULL);
    if (!rd.text)
        return;
    RenderLayout l = render_layout(&rd);
    SDL_Rect hurt = render_button_rect(&rd, BUTTON_HURT);
    const char *shipped[] = {"levels/01-gentle-start.routine", "levels/05-nhs-inform-back.routine",
                             "levels/08-camden-acute-back.routine"};
    for (int k = 0; k < 6; k++) {
        Routine r;
        int rules = k < 3 ? -1 : k == 3 ? 1 : k == 4 ? 4 : 8;
        RoutineErrors *errs = calloc(1, sizeof *errs);
        int rc = k < 3 ? files_load_routine(shipped[k], &r, errs) : stop_rules_routine(rules, &r);
        free(errs);
        CHECK_INT(rc, 0);
        if (rc < 0)
            continue;
        Session s;
        SessionView v = view_at(&r, &s, 1000, NULL, 0);
        CHECK(v.kind == SEG_SAFETY);
        RenderSafetyLayout lay = render_safety_layout(&rd, &v, false);
        /* muted: the "Sound off" badge under "It hurts" covers neither the heading nor the text */
        RenderSafetyLayout quiet = render_safety_layout(&rd, &v, true);
        SDL_Rect badge = render_sound_off_rect(&rd);
        CHECK(!quiet.wide || (!SDL_HasIntersection(&badge, &quiet.head) && quiet.area.y >= badge.y + badge.h));
        CHECK(quiet.area.y + quiet.height <= l.body.y + l.body.h && quiet.height <= quiet.area.h);
        text_smallest(rd.text, NULL, 0);
        unsigned cut = text_stats(rd.text).cut_draws;
        Overlay ov = {0};
        ov.volume_percent = -1;
        render_session(&rd, &v, r.title, &ov);
        char what[TEXT_SMALLEST_BYTES];
        int px = text_smallest(rd.text, what, sizeof what);
        bool fits = lay.area.y >= l.body.y && lay.area.y + lay.height <= l.body.y + l.body.h &&
                    lay.height <= lay.area.h && (!lay.wide || lay.area.y >= hurt.y + hurt.h);
        if (!fits || px < render_px(&rd, RENDER_WORKOUT_TEXT_MIN) || text_stats(rd.text).cut_draws != cut)
            fprintf(stderr, "%dx%d, %s: notice at y %d, %d px tall in %d (body %d..%d), %s, smallest %d px (\"%s\")\n",
                    w, h, k < 3 ? shipped[k] : "stop rules", lay.area.y, lay.height, lay.area.h, l.body.y,
                    l.body.y + l.body.h, lay.wide ? "wide" : "beside the figure", px, what);
        CHECK(fits);
        CHECK(px >= render_px(&rd, RENDER_WORKOUT_TEXT_MIN));
        CHECK(text_stats(rd.text).cut_draws == cut);
        check_notice_hurt(&rd, surf, &v, lay.wide, w, h);
        CHECK_INT(lay.rules_shown, rules == 8 ? lay.rules_shown : r.stop_if_count);
        if (rules == 8) /* all of them where there is room (portrait), else as many as fit */
            CHECK(lay.rules_shown >= 1);
        if (w == 1920 && h == 1080) {
            if (k == 5)
                CHECK(lay.rules_shown < 8);
            if (k < 4)
                CHECK(!lay.wide);
            if (k >= 4)
                CHECK(lay.wide);
            if (k == 4)
                CHECK_INT(lay.rules_shown, 4);
        }
        session_free(&s);
        if (rules == 8)
            check_rule_rows(&rd, surf, &r);
        routine_free(&r);
    }
    text_free(rd.text);
    SDL_DestroyRenderer(ren);
    SDL_FreeSurface(surf);
}

/* "Which side hurts?" (Camden's `sides chosen`) at every supported size: its three answers, Left,
 * Both (or the middle) and Right, side by side inside the body, apart from each other and from
 * Skip, each drawn, with its words inside its button at one size (never below the workout's floor,
 * never cut). On main there were two: a third had no place of its own (sidepick_rect gave it
 * Skip's), so pain in the middle had no answer. */
static void check_side_question(int w, int h)
{
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *ren = SDL_CreateSoftwareRenderer(surf);
    char err[256];
    Render rd = {ren, text_new(ren, NULL, err, sizeof err), NULL, w, h, NULL};
    CHECK(rd.text != NULL);
    Routine r;
    RoutineErrors *errs = calloc(1, sizeof *errs);
    int rc = rd.text ? files_load_routine("levels/08-camden-acute-back.routine", &r, errs) : -1;
    free(errs);
    CHECK_INT(rc, 0);
    if (rc < 0) {
        if (rd.text)
            text_free(rd.text);
        SDL_DestroyRenderer(ren);
        SDL_FreeSurface(surf);
        return;
    }
    /* the question open: answered only later, so it waits */
    const TimedInput answer[] = {{120000, INPUT_SIDE, 0, 0, SIDES_LEFT, false, SIDES_LEFT}};
    Session s;
    SessionView v = view_at(&r, &s, 60000, answer, 1);
    CHECK_INT(v.kind, SEG_SIDE);
    const RenderStyle *st = render_style(&rd);
    RenderLayout l = render_layout(&rd);
    text_smallest(rd.text, NULL, 0);
    unsigned cut = text_stats(rd.text).cut_draws;
    Overlay ov = {0};
    ov.volume_percent = -1;
    ov.side_selected = SIDES_NONE;
    render_session(&rd, &v, r.title, &ov);
    char what[TEXT_SMALLEST_BYTES];
    int smallest = text_smallest(rd.text, what, sizeof what);
    if (smallest < render_px(&rd, RENDER_WORKOUT_TEXT_MIN))
        fprintf(stderr, "%dx%d: \"Which side hurts?\" draws \"%s\" at %d px\n", w, h, what, smallest);
    CHECK(smallest >= render_px(&rd, RENDER_WORKOUT_TEXT_MIN));
    CHECK(text_stats(rd.text).cut_draws == cut);
    SDL_Rect skip = sidepick_rect(&rd, SIDES_NONE);
    int px = sidepick_word_px(&rd);
    CHECK(px >= render_px(&rd, st->text_body)); /* the answers' words stay large */
    for (int i = 0; i < SIDEPICK_ANSWERS; i++) {
        Sides a = sidepick_answers[i];
        SDL_Rect box = sidepick_rect(&rd, a);
        bool inside = box.w > 0 && box.h > 0 && box.x >= l.body.x && box.y >= l.body.y &&
                      box.x + box.w <= l.body.x + l.body.w && box.y + box.h <= l.body.y + l.body.h;
        if (!inside)
            fprintf(stderr, "%dx%d: answer %d at %d,%d %dx%d outside the body %d,%d %dx%d\n", w, h, i, box.x, box.y,
                    box.w, box.h, l.body.x, l.body.y, l.body.w, l.body.h);
        CHECK(inside);
        CHECK(!SDL_HasIntersection(&box, &skip));
        for (int j = 0; j < i; j++) {
            SDL_Rect other = sidepick_rect(&rd, sidepick_answers[j]);
            CHECK(!SDL_HasIntersection(&box, &other));
            CHECK(other.x + other.w <= box.x); /* in order, left to right */
            CHECK_INT(other.w, box.w);
        }
        /* large enough to hit from the mat with a finger, and drawn */
        CHECK(box.h >= render_px(&rd, st->button_h));
        CHECK(same(pixel(surf, box.x + box.w / 2, box.y + 4), st->panel_bg));
        const char *word, *sub;
        sidepick_words(a, &word, &sub);
        CHECK(word && sub);
        if (!word || !sub)
            continue;
        int tw, th, sw, sh;
        text_measure(rd.text, word, px, 0, 1, &tw, &th);
        text_measure(rd.text, sub, render_px(&rd, st->text_body_min), 0, 1, &sw, &sh);
        CHECK(tw <= box.w && sw <= box.w && th + sh <= box.h);
    }
    /* a tap in the middle of each answer chooses it */
    for (int i = 0; i < SIDEPICK_ANSWERS; i++) {
        SDL_Rect box = sidepick_rect(&rd, sidepick_answers[i]);
        Sides sel = SIDES_NONE;
        CHECK_INT(sidepick_tap(&sel, &rd, box.x + box.w / 2, box.y + box.h / 2), SIDEPICK_CHOSEN);
        CHECK_INT(sel, sidepick_answers[i]);
    }
    session_free(&s);
    routine_free(&r);
    text_free(rd.text);
    SDL_DestroyRenderer(ren);
    SDL_FreeSurface(surf);
}

int main(void)
{
    check_teststage();
    check_workout_text_sizes();
    Routine r;
    CHECK_INT(load(&r), 0);
    check_size(&r, 1920, 1080);
    check_size(&r, 1280, 720);
    routine_free(&r);
    const int sizes[][2] = {{1920, 1080}, {1280, 720}, {3840, 2160}, {2560, 1440}, {1366, 768}, {1080, 1920}};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
        check_badges(sizes[i][0], sizes[i][1]);
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
        check_safety_notice(sizes[i][0], sizes[i][1]);
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
        check_side_question(sizes[i][0], sizes[i][1]);
    SDL_Quit();
    return TEST_END();
}
