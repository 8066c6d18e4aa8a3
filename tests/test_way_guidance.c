/* test_way_guidance.c: getting down to the floor and up from it, as a patient on the mat sees it
 * (physio review 30 #3 and #5). Every shipped routine played with no input (check-ins skipped),
 * framed frame by frame at 60 Hz as the program frames it on the 1080p stage (as
 * test_camera_zoom: figpaint_fit_turn, the easing in, figpaint_camera): on every frame that draws
 * a way between positions the head is inside the stage and clear of "It hurts" (coming up from all
 * fours, the head went behind the button and off the top of the stage for about a second); and
 * every way that moves for longer than WAY_GUIDANCE_WORDS_MS is captioned, while it moves, with its
 * words (moves.h MOVES_WAY_WORDS) or the routine's own words for that step (a rest's text, the
 * intro's), never only "Get ready. Next: ..." or "Rest.". Core only: reads levels/ and assets/poses. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "figpaint.h"
#include "moves.h"
#include "pose.h"
#include "routine.h"
#include "session.h"
#include "sheet.h"
#include "testutil.h"
#include "testposes.h"
#include "testholdways.h"
#include "teststage.h"
#include "testframed.h"

#define STAGE_W TESTSTAGE_W
#define STAGE_H TESTSTAGE_H
#define WAY_GUIDANCE_WORDS_MS 3000 /* a way that moves longer than this says what to do */
#define WAY_GUIDANCE_MAX_FRAMES 2000000

/* The head's box in stage pixels (its cone and radii, as figpaint places points); false when the
 * figure has no head part. */
static bool head_box(const PoseFigure *fig, const FigPlace *pl, float *x0, float *y0, float *x1, float *y1)
{
    bool found = false;
    float f = (pl->flip ? -1.0f : 1.0f) * (1.0f - pl->narrow);
    *x0 = *y0 = 1e9f, *x1 = *y1 = -1e9f;
    for (int g = 0; g < fig->count; g++)
        for (int i = 0; i < fig->groups[g].count; i++) {
            const PosePart *q = &fig->groups[g].parts[i];
            if (!q->name || strcmp(q->name, "head") != 0)
                continue;
            found = true;
            float xs[2] = {q->ax, q->bx}, ys[2] = {q->ay, q->by}, rs[2] = {q->ra, q->rb};
            for (int e = 0; e < 2; e++) {
                float x = pl->ox + f * xs[e] * pl->scale, y = pl->oy - ys[e] * pl->scale, r = rs[e] * pl->scale;
                *x0 = fminf(*x0, x - r), *x1 = fmaxf(*x1, x + r), *y0 = fminf(*y0, y - r), *y1 = fmaxf(*y1, y + r);
            }
        }
    return found;
}

/* Whether the moving part of way figure v is drawn (its intro, not the breathing after it). */
static bool way_moving(const SessionView *v)
{
    if (v->figure < 0 || moves_way_from(v->figure) == POSITION_NONE)
        return false;
    const PoseMove *m = move_of(v->figure);
    SheetFrame f;
    sheet_frame_at(&m->meta, v->anim, sheet_grid_ms(v->anim_ms), v->anim_length_ms, v->rep_hold_ms, &f);
    return f.part == SHEET_PART_INTRO;
}

/* What one routine's play found. */
typedef struct {
    int way_frames, head_out, head_hurt, ways, unworded;
} Found;

/* Whether caption text tells way `way` shown in step `step` of r: its words, or the step's own. */
static bool words_for(const Routine *r, int step, MoveId way, const char *text)
{
    if (!text[0])
        return false;
    if (moves_way_words(way) && strcmp(text, moves_way_words(way)) == 0)
        return true;
    if (step < 0)
        return r->intro && strcmp(text, r->intro) == 0;
    const RoutineStep *st = &r->steps[step];
    return st->text && strcmp(text, st->text) == 0;
}

static Found play(const char *path, const char *src, size_t n)
{
    Found fd = {0, 0, 0, 0, 0};
    static Routine r;
    RoutineErrors errs;
    memset(&errs, 0, sizeof errs);
    int rc = routine_parse(path, src, n, &r, &errs);
    CHECK_INT(rc, 0);
    if (rc != 0)
        return fd;
    static Session s;
    memset(&s, 0, sizeof s);
    testholdways_fill(&r);
    CHECK_INT(session_init(&s, &r), 0);
    session_set_checkin_wait(&s, 0);
    session_set_side_wait(&s, 0);
    static FigCamera cam;
    static PoseFigure fig;
    memset(&cam, 0, sizeof cam);
    const FigKeepOut hurt = {TESTSTAGE_HURT_X, TESTSTAGE_HURT_Y, TESTSTAGE_HURT_W, TESTSTAGE_HURT_H, 0, 0};
    long long frame = 0;
    /* the way moving now: since when, in which step, and whether its words were on screen */
    MoveId way = MOVE_NONE;
    int way_step = -1;
    long long way_from = 0, way_last = 0;
    bool worded = false;
    for (int guard = 0; !session_over(&s) && guard < WAY_GUIDANCE_MAX_FRAMES; guard++) {
        session_step(&s, NULL, SESSION_TICK_MS);
        SessionEvent ev;
        while (session_poll_event(&s, &ev))
            ;
        if (s.t_ms < frame * 1000 / 60)
            continue;
        frame++;
        SessionView v = session_view(&s, 0);
        if (v.kind == SEG_PAIN_AFTER || v.kind == SEG_RESULTS || v.kind == SEG_DONE)
            break;
        /* the words of a way that moved, checked when it stops moving */
        MoveId moving = way_moving(&v) ? v.figure : MOVE_NONE;
        if (moving != way && way != MOVE_NONE) {
            if (way_last - way_from > WAY_GUIDANCE_WORDS_MS) {
                fd.ways++;
                if (!worded) {
                    fd.unworded++;
                    fprintf(stderr, "%s: %s moved %.1f-%.1f s with no words for it on screen\n", path,
                            moves_info(way)->id, (double)way_from / 1000.0, (double)way_last / 1000.0);
                }
            }
        }
        if (moving != way)
            way = moving, way_step = v.step_index, way_from = s.t_ms, worded = false;
        if (way != MOVE_NONE) {
            way_last = s.t_ms;
            worded = worded || words_for(&r, way_step, way, v.caption);
        }
        FigLayout lay;
        const FigKeepOut *k = session_hurt_allowed_in(v.kind) ? &hurt : NULL; /* as render.c */
        if (!framed(&v, k, &lay, &fig))
            continue;
        figpaint_camera(&cam, v.figure, &fig, STAGE_W, STAGE_H, &lay, k, s.t_ms, &lay); /* as sprites.c */
        if (moves_way_from(v.figure) == POSITION_NONE)
            continue;
        fd.way_frames++;
        float x0, y0, x1, y1;
        if (!head_box(&fig, &lay.place, &x0, &y0, &x1, &y1))
            continue;
        if (y0 < 0.0f || x0 < 0.0f || x1 > (float)STAGE_W) {
            if (fd.head_out++ == 0)
                fprintf(stderr, "%s: %s at %.2f s: the head (%.0f..%.0f, %.0f..%.0f) leaves the stage\n", path,
                        moves_info(v.figure)->id, (double)s.t_ms / 1000.0, (double)x0, (double)x1, (double)y0,
                        (double)y1);
        }
        if (k && x1 > (float)k->x && x0 < (float)(k->x + k->w) && y0 < (float)(k->y + k->h) && y1 > (float)k->y) {
            if (fd.head_hurt++ == 0)
                fprintf(stderr, "%s: %s at %.2f s: the head (%.0f..%.0f, %.0f..%.0f) is behind \"It hurts\"\n", path,
                        moves_info(v.figure)->id, (double)s.t_ms / 1000.0, (double)x0, (double)x1, (double)y0,
                        (double)y1);
        }
    }
    session_free(&s);
    routine_free(&r);
    printf("%-40s %6d frames of ways: head off the stage on %d, behind \"It hurts\" on %d; %d ways over %d s, %d "
           "without words\n",
           path, fd.way_frames, fd.head_out, fd.head_hurt, fd.ways, WAY_GUIDANCE_WORDS_MS / 1000, fd.unworded);
    return fd;
}

int main(void)
{
    char *names[64];
    int count = testposes_levels(names, 64);
    CHECK(count > 0);
    int frames = 0, ways = 0;
    for (int i = 0; i < count; i++) {
        size_t n = 0;
        char *src = read_all(names[i], &n);
        CHECK(src != NULL);
        if (src) {
            Found fd = play(names[i], src, n);
            CHECK_INT(fd.head_out, 0);
            CHECK_INT(fd.head_hurt, 0);
            CHECK_INT(fd.unworded, 0);
            frames += fd.way_frames, ways += fd.ways;
        }
        free(src);
        free(names[i]);
    }
    CHECK(frames > 0 && ways > 0);
    testposes_free();
    return TEST_END();
}
