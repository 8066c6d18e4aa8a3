/* test_camera_zoom.c: the figure's scale (pixels per body height) frame by frame, 30 a second, as
 * the program frames it (sprites.c frame_figure: figpaint_fit_turn, the easing in from the figure
 * before, figpaint_camera) on the 1080p workout stage: across the way off the front onto all fours
 * (a rest `on-front`, then one on all fours, then a move there) and across every shipped routine,
 * the scale changes by at most CAMERA_ZOOM_FRAME a frame: no step where a way, a rest or a get-ready
 * begins or ends (the physio and patient review: the figure visibly zoomed going from the front onto
 * all fours). Core only: no SDL; reads levels/ and assets/poses. */
#include <dirent.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "figpaint.h"
#include "moves.h"
#include "pose.h"
#include "session.h"
#include "sheet.h"
#include "testutil.h"
#include "testposes.h"
#include "testholdways.h"
#include "teststage.h"
#include "testframed.h"

#define STAGE_W TESTSTAGE_W
#define STAGE_H TESTSTAGE_H
#define CAMERA_ZOOM_FRAME 0.02f /* the most the scale may change from one frame to the next */
#define CAMERA_ZOOM_STEP 0.006f
#define CAMERA_HURRY 0.025f /* the most one frame's step may be where the camera hurries clear of "It hurts" */
#define CAMERA_AWAY                                                                                                    \
    0.002f /* the most the scale may step away from the framing asked for, a frame */ /* the most that change may      \
                                                                                         change from one frame to the  \
                                                                                         next */

/* What one routine's play found. */
typedef struct {
    int frames;
    float worst; /* the largest |ln(scale / scale before)| from one frame to the next (per 1/30 s) */
    long long worst_at; /* when (ms) */
    float step; /* the largest change of that zoom from one frame to the next: a zoom begun or
                   stopped at once, or in fits and starts */
    long long step_at;
    MoveId worst_fig, worst_prev;
    float lo, hi; /* the least and largest scale drawn */
    int hurried; /* frames the camera hurried on to keep the figure clear of "It hurts" */
    float hurry; /* the largest of those frames' steps (of the scale, in that one frame) */
    float away; /* the largest step of the scale away from the framing asked for (of the scale) */
    long long away_at;
} Zoom;

/* Play routine text src (n bytes, named path) to its end, the scale of every frame printed to
 * trace when it is not NULL (t, scale, figure). */
static Zoom play_text(const char *path, const char *src, size_t n, FILE *trace)
{
    Zoom z = {0, 0.0f, 0, 0.0f, 0, MOVE_NONE, MOVE_NONE, 1e9f, 0.0f};
    Routine r;
    RoutineErrors errs;
    memset(&errs, 0, sizeof errs);
    int rc = routine_parse(path, src, n, &r, &errs);
    CHECK_INT(rc, 0);
    if (rc != 0)
        return z;
    Session s;
    memset(&s, 0, sizeof s);
    testholdways_fill(&r); /* its holds' ways from the pose files, as the app loads them */
    CHECK_INT(session_init(&s, &r), 0);
    session_set_checkin_wait(&s, 0);
    session_set_side_wait(&s, 0);
    static FigCamera cam;
    static PoseFigure fig;
    memset(&cam, 0, sizeof cam);
    const FigKeepOut hurt = {TESTSTAGE_HURT_X, TESTSTAGE_HURT_Y, TESTSTAGE_HURT_W, TESTSTAGE_HURT_H, 0, 0};
    float prev = 0.0f, prev_zoom = 0.0f;
    long long prev_t = 0;
    bool have_zoom = false;
    MoveId prev_id = MOVE_NONE;
    long long frame = 0; /* frames drawn at 60 Hz, as the app draws them, on the session's 10 ms ticks */
    for (int guard = 0; !session_over(&s) && guard < 4000000; guard++) {
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
        FigLayout lay;
        const FigKeepOut *k = session_hurt_allowed_in(v.kind) ? &hurt : NULL; /* as render.c */
        if (!framed(&v, k, &lay, &fig)) {
            prev = 0.0f, have_zoom = false;
            continue;
        }
        float want = lay.place.scale; /* the framing asked for */
        figpaint_camera(&cam, v.figure, &fig, STAGE_W, STAGE_H, &lay, k, s.t_ms, &lay); /* as sprites.c */
        float sc = lay.place.scale;
        /* the camera zooms toward the framing it is asked for, never away from it (its follow once
         * overshot: a seated figure shrank to half its size for a second as its move began) */
        if (prev > 0.0f && (sc - prev) * (want - prev) < 0.0f && fabsf(sc - prev) > z.away * prev)
            z.away = fabsf(sc - prev) / prev, z.away_at = s.t_ms;
        z.frames++;
        z.lo = fminf(z.lo, sc), z.hi = fmaxf(z.hi, sc);
        if (trace)
            fprintf(trace, "%.3f %.2f %s %s\n", (double)s.t_ms / 1000.0, (double)sc, moves_info(v.figure)->id,
                    session_segment_name(v.kind));
        if (prev > 0.0f && cam.hurried) {
            /* a step, not a glide: reported and bounded on its own */
            z.hurried++;
            z.hurry = fmaxf(z.hurry, fabsf(logf(sc / prev)));
            prev = sc, prev_t = s.t_ms, prev_id = v.figure, have_zoom = false;
            continue;
        }
        if (prev > 0.0f && s.t_ms > prev_t) {
            /* frames fall on the 10 ms ticks, 10 or 20 ms apart: the zoom per 1/30 s */
            float zoom = logf(sc / prev) * (1000.0f / 30.0f) / (float)(s.t_ms - prev_t);
            if (fabsf(zoom) > z.worst)
                z.worst = fabsf(zoom), z.worst_at = s.t_ms, z.worst_fig = v.figure, z.worst_prev = prev_id;
            if (have_zoom && fabsf(zoom - prev_zoom) > z.step)
                z.step = fabsf(zoom - prev_zoom), z.step_at = s.t_ms;
            prev_zoom = zoom, have_zoom = true;
        }
        prev = sc, prev_t = s.t_ms, prev_id = v.figure;
    }
    session_free(&s);
    routine_free(&r);
    printf("%-36s %6d frames, scale %.0f..%.0f px/H, zooms at most %.4f a frame (%.2f s, %s after %s), that "
           "changing at most %.4f (%.2f s)\n",
           path, z.frames, (double)z.lo, (double)z.hi, (double)z.worst, (double)z.worst_at / 1000.0,
           z.worst_fig >= 0 ? moves_info(z.worst_fig)->id : "-", z.worst_prev >= 0 ? moves_info(z.worst_prev)->id : "-",
           (double)z.step, (double)z.step_at / 1000.0);
    if (z.hurried)
        printf("%-36s %d frames hurried clear of \"It hurts\", stepping at most %.4f\n", path, z.hurried,
               (double)z.hurry);
    return z;
}

/* The review's case: off the front (a move there, a rest `on-front`) onto all fours (a rest there,
 * then cat-camel), the rests' ways and the get-ready frame by frame. */
static const char front_to_fours[] = "title \"Front to fours\"\n"
                                     "move prone_on_elbows\n hold 10s\n"
                                     "rest 15s on-front \"Lie on your front.\"\n"
                                     "rest 15s all-fours \"Come up onto your hands and knees.\"\n"
                                     "move cat_camel\n reps 2 tempo 4s\n"
                                     "move press_up\n reps 2 tempo 4s\n";

int main(int argc, char **argv)
{
    FILE *trace = NULL; /* --trace FILE [ROUTINE]: the scale of every frame (of ROUTINE's), for a plot */
    if (argc > 2 && strcmp(argv[1], "--trace") == 0)
        trace = fopen(argv[2], "w");
    if (trace && argc > 3) {
        size_t n = 0;
        char *src = read_all(argv[3], &n);
        if (src)
            play_text(argv[3], src, n, trace);
        free(src);
        fclose(trace);
        testposes_free();
        return 0;
    }
    Zoom z = play_text("front to all fours", front_to_fours, strlen(front_to_fours), trace);
    if (trace)
        fclose(trace);
    CHECK(z.frames > 0);
    CHECK(z.worst <= CAMERA_ZOOM_FRAME && z.step <= CAMERA_ZOOM_STEP);
    CHECK(z.away <= CAMERA_AWAY);
    float worst = 0.0f, step = 0.0f, away = 0.0f, hurry = 0.0f;
    int hurried = 0;
    char *names[64];
    int count = testposes_levels(names, 64);
    CHECK(count > 0);
    for (int i = 0; i < count; i++) {
        size_t n = 0;
        char *src = read_all(names[i], &n);
        CHECK(src != NULL);
        if (src) {
            Zoom l = play_text(names[i], src, n, NULL);
            worst = fmaxf(worst, l.worst), step = fmaxf(step, l.step), away = fmaxf(away, l.away);
            hurry = fmaxf(hurry, l.hurry), hurried += l.hurried;
            if (l.away > CAMERA_AWAY)
                fprintf(stderr, "%s: the camera zoomed %.4f away from its framing at %.2f s\n", names[i],
                        (double)l.away, (double)l.away_at / 1000.0);
        }
        free(src);
        free(names[i]);
    }
    printf("every routine: the largest step away from the framing asked for %.4f (bound %.4f)\n", (double)away,
           (double)CAMERA_AWAY);
    CHECK(away <= CAMERA_AWAY);
    printf("every routine: %d frames hurried clear of \"It hurts\", stepping at most %.4f (bound %.3f)\n", hurried,
           (double)hurry, (double)CAMERA_HURRY);
    CHECK(hurry <= CAMERA_HURRY);
    printf("every routine: the scale changes at most %.4f a frame (bound %.3f), that change at most %.4f (bound "
           "%.3f)\n",
           (double)worst, (double)CAMERA_ZOOM_FRAME, (double)step, (double)CAMERA_ZOOM_STEP);
    CHECK(worst <= CAMERA_ZOOM_FRAME && step <= CAMERA_ZOOM_STEP);
    testposes_free();
    return TEST_END();
}
