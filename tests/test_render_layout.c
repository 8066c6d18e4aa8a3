/* test_render_layout.c: the screen's layout holds still and nothing covers what must be seen,
 * checked on the pixels of real frames at 1920x1080 and 1280x720: the caption band is there when
 * a step has no cue, the pause box ends above the touch buttons, a workout ended at once shows an
 * empty progress bar and "Ended early", and the style is the only source of colours. Headless. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>

#include "files.h"
#include "levels.h"
#include "render.h"
#include "simulate.h"
#include "testutil.h"

static const char routine_text[] = "title \"Layout\"\n"
                                   "move cat_camel\n"
                                   "  reps 4 tempo 4s\n"
                                   "  say start \"Breathe out as you round your back.\"\n"
                                   "move child_pose\n"
                                   "  hold 30s\n";

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

    /* The hold step has no cue: by 25 s into it the caption is gone, the band stays. */
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

int main(void)
{
    Routine r;
    CHECK_INT(load(&r), 0);
    check_size(&r, 1920, 1080);
    check_size(&r, 1280, 720);
    routine_free(&r);
    SDL_Quit();
    return TEST_END();
}
