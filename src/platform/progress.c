/* progress.c: the progress screen (progress.h). Four big figures (streak, best, week, days), the
 * 12-week calendar on the left, the pain lines on the right, the routines below. Everything is
 * sized from the style, so it reads from 3 m at 1080p; no history gives a friendly empty state. */
#include "progress.h"

#include <stdio.h>
#include <string.h>

#include "streak.h"

static const char *const MONTHS[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
static const char *const WEEKDAYS[7] = {"M", "T", "W", "T", "F", "S", "S"};

ProgressLayout progress_layout(const Render *rd)
{
    const RenderStyle *st = render_style(rd);
    RenderLayout l = render_layout(rd);
    ProgressLayout p;
    int gap = render_px(rd, st->gap), m = render_px(rd, st->margin);
    int top = l.body.y, bottom = rd->h - render_px(rd, st->caption_bottom);
    int hint_h = render_px(rd, st->text_body) * 3 / 2;
    p.hint = (SDL_Rect){l.body.x, bottom - hint_h, l.body.w, hint_h};
    int tiles_h = render_px(rd, st->text_stat) * 2 + 2 * gap;
    p.tiles = (SDL_Rect){l.body.x, top, l.body.w, tiles_h};
    /* below the figures: the calendar on the left, as tall as it can be; on the right the pain
     * lines above the routines */
    int mid_top = top + tiles_h + 2 * gap, mid_h = p.hint.y - gap - mid_top;
    int cal_w = l.body.w / 2;
    p.calendar = (SDL_Rect){l.body.x, mid_top, cal_w, mid_h};
    int rx = l.body.x + cal_w + m, rw = l.body.w - cal_w - m;
    int chart_h = mid_h / 2;
    p.chart = (SDL_Rect){rx, mid_top, rw, chart_h};
    p.table = (SDL_Rect){rx, mid_top + chart_h + 2 * gap, rw, mid_h - chart_h - 2 * gap};
    return p;
}

/* ---- the four figures ---- */

static void tile(Render *rd, SDL_Rect rc, const char *big, const char *label, SDL_Color c)
{
    const RenderStyle *st = render_style(rd);
    int pad = render_px(rd, st->gap);
    render_box(rd, rc, render_px(rd, st->radius_box) / 2, st->panel_bg);
    int y = rc.y + pad;
    y += render_text(rd, big, st->text_stat, st->text_stat_min, c, rc.x + rc.w / 2, y, TEXT_CENTER, rc.w - 2 * pad, 1);
    render_text(rd, label, st->text_body, st->text_body_min, st->text_quiet, rc.x + rc.w / 2, y, TEXT_CENTER,
                rc.w - 2 * pad, 1);
}

static void draw_tiles(Render *rd, SDL_Rect area, const HistoryProgress *p)
{
    const RenderStyle *st = render_style(rd);
    const StreakSummary *s = &p->streak;
    int gap = render_px(rd, st->gap) * 2, w = (area.w - 3 * gap) / 4;
    char big[32], label[64];
    SDL_Rect rc = {area.x, area.y, w, area.h};
    snprintf(big, sizeof big, "%d", s->current);
    snprintf(label, sizeof label, "%s", s->current == 1 ? "day in a row" : "days in a row");
    tile(rd, rc, big, label, st->attention);
    rc.x += w + gap;
    snprintf(big, sizeof big, "%d", s->best);
    tile(rd, rc, big, "best streak", st->text);
    rc.x += w + gap;
    snprintf(big, sizeof big, "%d of %d", s->week_days, s->week_goal);
    /* short enough to stay whole in a quarter of a 1280-wide screen */
    snprintf(label, sizeof label, "%s",
             s->rest_day_used        ? "week \xC2\xB7 rest day used"
             : s->rest_days_left > 0 ? "week \xC2\xB7 1 rest day left"
                                     : "this week");
    tile(rd, rc, big, label, s->week_days >= s->week_goal ? st->heading : st->text);
    rc.x += w + gap;
    snprintf(big, sizeof big, "%d", s->total_days);
    snprintf(label, sizeof label, "days \xC2\xB7 %d workout%s", p->sessions, p->sessions == 1 ? "" : "s");
    tile(rd, rc, big, label, st->text);
}

/* ---- the calendar ---- */

static void draw_calendar(Render *rd, SDL_Rect area, const HistoryProgress *p)
{
    const RenderStyle *st = render_style(rd);
    int gap = render_px(rd, st->gap) / 2;
    int label_px = render_px(rd, st->text_body_min);
    int head = label_px * 3 / 2, side = label_px * 3 / 2;
    int legend_h = label_px * 3 / 2;
    int cell_w = (area.w - side - (HISTORY_HEATMAP_WEEKS - 1) * gap) / HISTORY_HEATMAP_WEEKS;
    int cell_h = (area.h - head - legend_h - 7 * gap) / 7;
    int cell = cell_w < cell_h ? cell_w : cell_h;
    if (cell < 2)
        cell = 2;
    int x0 = area.x + side, y0 = area.y + head;
    for (int d = 0; d < 7; d++)
        text_draw(rd->text, WEEKDAYS[d], label_px, st->text_quiet, area.x,
                  y0 + d * (cell + gap) + (cell - label_px) / 2, TEXT_LEFT, 0, 1);
    int last_month = -1;
    for (int w = 0; w < HISTORY_HEATMAP_WEEKS; w++) {
        int x = x0 + w * (cell + gap);
        /* the month's name over the week holding its 1st (or over the first week) */
        StreakDay monday = p->heatmap_first_day + w * 7;
        int yy, mm, dd;
        streak_day_to_date(monday + 6, &yy, &mm, &dd);
        if (mm != last_month && (w == 0 || dd <= 7)) {
            if (w < HISTORY_HEATMAP_WEEKS - 1 || last_month < 0)
                text_draw(rd->text, MONTHS[(mm - 1) % 12], label_px, st->text_quiet, x, area.y, TEXT_LEFT, 0, 1);
            last_month = mm;
        }
        for (int d = 0; d < 7; d++) {
            StreakDay day = monday + d;
            SDL_Rect rc = {x, y0 + d * (cell + gap), cell, cell};
            if (day > p->streak.today)
                continue; /* the rest of this week is still to come */
            int n = p->heatmap[w * 7 + d];
            SDL_Color c = n <= 0 ? st->heat_empty : n == 1 ? st->heat_low : st->heat_high;
            if (day == p->streak.today) {
                int ring = render_px(rd, 4) > 1 ? render_px(rd, 4) : 1;
                render_box(rd, (SDL_Rect){rc.x - ring, rc.y - ring, rc.w + 2 * ring, rc.h + 2 * ring}, cell / 5 + ring,
                           st->text);
            }
            render_box(rd, rc, cell / 5, c);
        }
    }
    /* the legend: colour is never the only sign, the words say it */
    int ly = y0 + 7 * (cell + gap) + gap, lx = x0, sq = label_px;
    static const char *const words[] = {"no workout", "one", "two or more"};
    SDL_Color cols[3] = {st->heat_empty, st->heat_low, st->heat_high};
    for (int i = 0; i < 3; i++) {
        render_box(rd, (SDL_Rect){lx, ly + label_px / 8, sq, sq}, sq / 5, cols[i]);
        lx += sq + gap;
        int tw, th;
        text_measure(rd->text, words[i], label_px, 0, 1, &tw, &th);
        text_draw(rd->text, words[i], label_px, st->text_quiet, lx, ly, TEXT_LEFT, 0, 1);
        lx += tw + 3 * gap;
    }
}

/* ---- the pain trend ---- */

/* A line of width w px between two points, drawn as parallel 1 px lines. */
static void thick_line(const Render *rd, int x1, int y1, int x2, int y2, int w, SDL_Color c)
{
    for (int i = -w / 2; i <= w / 2; i++) {
        bool steep = (y2 - y1) * (y2 - y1) > (x2 - x1) * (x2 - x1);
        if (steep)
            drawlist_line(rd->dl, rd->r, x1 + i, y1, x2 + i, y2, c);
        else
            drawlist_line(rd->dl, rd->r, x1, y1 + i, x2, y2 + i, c);
    }
}

static void draw_series(Render *rd, SDL_Rect plot, const HistoryProgress *p, bool after, SDL_Color c)
{
    int n = p->pain_count, lw = render_px(rd, 5) > 1 ? render_px(rd, 5) : 1;
    int px = -1, py = -1, dot = lw * 2;
    for (int i = 0; i < n; i++) {
        int v = after ? p->pain[i].after : p->pain[i].before;
        if (v < 0) {
            px = -1; /* a skipped check-in: a gap in the line */
            continue;
        }
        int x = n > 1 ? plot.x + (int)((long)plot.w * i / (n - 1)) : plot.x + plot.w / 2;
        int y = plot.y + plot.h - plot.h * v / 10;
        if (px >= 0)
            thick_line(rd, px, py, x, y, lw, c);
        render_box(rd, (SDL_Rect){x - dot / 2, y - dot / 2, dot, dot}, after ? 0 : dot / 2, c);
        px = x;
        py = y;
    }
}

static void draw_chart(Render *rd, SDL_Rect area, const HistoryProgress *p)
{
    const RenderStyle *st = render_style(rd);
    int label_px = render_px(rd, st->text_body_min), gap = render_px(rd, st->gap);
    int head = label_px * 3 / 2;
    /* title and legend in one line: "Pain  ● before  ■ after" */
    int tw, th, x = area.x;
    text_measure(rd->text,
                 "Pain (0\xE2\x80\x93"
                 "10)",
                 label_px, 0, 1, &tw, &th);
    text_draw(rd->text,
              "Pain (0\xE2\x80\x93"
              "10)",
              label_px, st->text, x, area.y, TEXT_LEFT, 0, 1);
    x += tw + 2 * gap;
    render_box(rd, (SDL_Rect){x, area.y + label_px / 4, label_px * 2 / 3, label_px * 2 / 3}, label_px / 3,
               st->chart_before);
    x += label_px + gap / 2;
    text_measure(rd->text, "before", label_px, 0, 1, &tw, &th);
    text_draw(rd->text, "before", label_px, st->chart_before, x, area.y, TEXT_LEFT, 0, 1);
    x += tw + 2 * gap;
    render_box(rd, (SDL_Rect){x, area.y + label_px / 4, label_px * 2 / 3, label_px * 2 / 3}, 0, st->chart_after);
    x += label_px + gap / 2;
    text_draw(rd->text, "after", label_px, st->chart_after, x, area.y, TEXT_LEFT, 0, 1);
    int axis_w = label_px * 2;
    SDL_Rect plot = {area.x + axis_w, area.y + head + label_px / 2, area.w - axis_w - gap,
                     area.h - head - label_px * 2 - label_px / 2};
    if (plot.h < 4 || plot.w < 4)
        return;
    for (int v = 0; v <= 10; v += 5) {
        int y = plot.y + plot.h - plot.h * v / 10;
        render_box(rd, (SDL_Rect){plot.x, y - 1, plot.w, 2}, 0, st->chart_grid);
        char b[4];
        snprintf(b, sizeof b, "%d", v);
        text_draw(rd->text, b, label_px, st->text_quiet, area.x, y - label_px * 2 / 3, TEXT_LEFT, 0, 1);
    }
    if (p->pain_count == 0) {
        text_draw(rd->text, "Your answers to the pain check-ins will show here.", label_px, st->text_quiet,
                  plot.x + plot.w / 2, plot.y + plot.h / 3, TEXT_CENTER, plot.w - 2 * gap, 3);
        return;
    }
    draw_series(rd, plot, p, false, st->chart_before);
    draw_series(rd, plot, p, true, st->chart_after);
    /* the dates of the first and last points under the axis */
    char b[32];
    int y, m, d;
    streak_day_to_date(p->pain[0].day, &y, &m, &d);
    snprintf(b, sizeof b, "%d %s %d", d, MONTHS[(m - 1) % 12], y);
    int ly = plot.y + plot.h + label_px / 3;
    text_draw(rd->text, b, label_px, st->text_quiet, plot.x, ly, TEXT_LEFT, 0, 1);
    if (p->pain_count > 1) {
        streak_day_to_date(p->pain[p->pain_count - 1].day, &y, &m, &d);
        snprintf(b, sizeof b, "%d %s %d", d, MONTHS[(m - 1) % 12], y);
        text_draw(rd->text, b, label_px, st->text_quiet, plot.x + plot.w, ly, TEXT_RIGHT, 0, 1);
    }
}

/* ---- the routines ---- */

static void draw_table(Render *rd, SDL_Rect area, const HistoryProgress *p)
{
    const RenderStyle *st = render_style(rd);
    int px = render_px(rd, st->text_body), gap = render_px(rd, st->gap);
    int row_h = px * 4 / 3;
    int c1 = area.x + area.w * 9 / 20, c2 = area.x + area.w * 7 / 10, c3 = area.x + area.w;
    int y = area.y;
    int qpx = render_px(rd, st->text_body_min);
    text_draw(rd->text, "Routine", qpx, st->text_quiet, area.x, y, TEXT_LEFT, 0, 1);
    text_draw(rd->text, "best score", qpx, st->text_quiet, c1, y, TEXT_LEFT, 0, 1);
    text_draw(rd->text, "on tempo", qpx, st->text_quiet, c2, y, TEXT_LEFT, 0, 1);
    text_draw(rd->text, "done", qpx, st->text_quiet, c3, y, TEXT_RIGHT, 0, 1);
    y += qpx * 3 / 2;
    if (p->routine_count == 0) {
        text_draw(rd->text, "Your best score and tempo for each routine will show here.", qpx, st->text_quiet, area.x,
                  y, TEXT_LEFT, area.w, 3);
        return;
    }
    int fit = (area.y + area.h - y) / row_h;
    int shown = p->routine_count <= fit ? p->routine_count : fit - 1; /* keep a line for "and N more" */
    if (shown < 0)
        shown = 0;
    /* the routines played most come first: they matter most to this user */
    int order[HISTORY_MAX_ROUTINES];
    int n = p->routine_count < HISTORY_MAX_ROUTINES ? p->routine_count : HISTORY_MAX_ROUTINES;
    for (int i = 0; i < n; i++)
        order[i] = i;
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && p->routines[order[j]].sessions > p->routines[order[j - 1]].sessions; j--) {
            int t = order[j];
            order[j] = order[j - 1];
            order[j - 1] = t;
        }
    for (int k = 0; k < shown && k < n; k++) {
        const HistoryRoutineBest *r = &p->routines[order[k]];
        char b[64];
        if (k % 2 == 0)
            render_box(rd, (SDL_Rect){area.x - gap, y, area.w + 2 * gap, row_h}, gap, st->panel_bg);
        int ty = y + (row_h - px) / 3;
        int name_px = text_fit(rd->text, r->title, px, qpx, c1 - area.x - gap);
        text_draw(rd->text, r->title, name_px, st->text, area.x, ty, TEXT_LEFT, c1 - area.x - gap, 1);
        /* the best score against what was possible, as on the results ("200 of 460"); a row
         * written before the history kept score_max shows the score alone */
        snprintf(b, sizeof b, "%ld", r->best_score);
        int sw = 0, sh = 0;
        text_measure(rd->text, b, px, 0, 1, &sw, &sh);
        text_draw(rd->text, b, px, st->attention, c1, ty, TEXT_LEFT, 0, 1);
        if (r->best_score_max > 0) {
            snprintf(b, sizeof b, " of %ld", r->best_score_max);
            text_draw(rd->text, b, qpx, st->text_quiet, c1 + sw, ty + (px - qpx) * 2 / 3, TEXT_LEFT, c2 - c1 - sw - gap,
                      1);
        }
        if (r->best_on_tempo_percent > 0)
            snprintf(b, sizeof b, "%d%%", r->best_on_tempo_percent);
        else
            snprintf(b, sizeof b, "\xE2\x80\x93");
        text_draw(rd->text, b, px, st->text, c2, ty, TEXT_LEFT, 0, 1);
        snprintf(b, sizeof b, "%d\xC3\x97", r->completed);
        text_draw(rd->text, b, px, st->text, c3, ty, TEXT_RIGHT, 0, 1);
        y += row_h;
    }
    if (shown < n) {
        char b[64];
        snprintf(b, sizeof b, "and %d more", n - shown);
        text_draw(rd->text, b, qpx, st->text_quiet, area.x, y + (row_h - qpx) / 3, TEXT_LEFT, 0, 1);
    }
}

void progress_draw(Render *rd, const HistoryProgress *p, const char *note)
{
    const RenderStyle *st = render_style(rd);
    ProgressLayout pl = progress_layout(rd);
    char date[48];
    int y, m, d;
    streak_day_to_date(p->streak.today, &y, &m, &d);
    static const char *const DAYNAMES[7] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                            "Friday", "Saturday", "Sunday"};
    snprintf(date, sizeof date, "%s %d %s", DAYNAMES[streak_weekday(p->streak.today)], d, MONTHS[(m - 1) % 12]);
    render_clear(rd);
    render_header(rd, "Your progress", date, -1, NULL);
    if (p->sessions == 0) {
        /* the friendly empty state: what will be here, and how to start it */
        SDL_Rect box = pl.tiles;
        render_box(rd, box, render_px(rd, st->radius_box) / 2, st->panel_bg);
        int pad = render_px(rd, st->gap) * 2;
        int yy = box.y + pad / 2;
        yy += render_text(rd, "No workouts yet", st->text_stat, st->text_stat_min, st->heading, box.x + pad, yy,
                          TEXT_LEFT, box.w - 2 * pad, 1);
        render_text(rd, "Do your first one today: it is day 1 of your streak.", st->text_body, st->text_body_min,
                    st->text, box.x + pad, yy, TEXT_LEFT, box.w - 2 * pad, 1);
    } else {
        draw_tiles(rd, pl.tiles, p);
    }
    draw_calendar(rd, pl.calendar, p);
    draw_chart(rd, pl.chart, p);
    draw_table(rd, pl.table, p);
    char hint[160];
    snprintf(hint, sizeof hint, "%s%sPress to go on.", note ? note : "", note ? " \xC2\xB7 " : "");
    render_text(rd, hint, st->text_body, st->text_body_min, st->text_quiet, pl.hint.x, pl.hint.y, TEXT_LEFT, pl.hint.w,
                1);
}
