/* test_drawn_levels.c: every shipped routine played to its end with no input (check-ins skipped),
 * with its real voice timing (the clip lengths of assets/voice, as the program plans them) and
 * without, and every figure the program would draw checked as `--shot` draws it (session_view,
 * pose_move_draw, sheet_grid_ms's 30 Hz grid, pose_move_figure_at): each contact the nearer
 * sample requires within 2 px of the mat (a figure 1333 px tall), no part more than 2 px below
 * it. Also the issue's `rest 10s on-front` after a standing move, which drew a figure on one toe
 * with its head out of the stage. Reads levels/, assets/poses and assets/voice. */
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "moves.h"
#include "pose.h"
#include "routine.h"
#include "session.h"
#include "sheet.h"
#include "testutil.h"
#include "testposes.h"
#include "voicetable.h"

/* How far the figure drawn for v at ms breaks the contact rule, in H (as test_pose's drawn_fault):
 * the highest required contact of the nearer sample above the mat, or the lowest part below it. */
static float drawn_fault(const PoseMove *m, const SessionView *v, int ms)
{
    PoseDraw d = pose_move_draw(m, v->side, v->turned);
    PoseFigure fig;
    pose_move_figure_at(m, v->anim, ms, v->anim_length_ms, v->rep_hold_ms, d.swap, &fig);
    SheetFrame f;
    sheet_frame_at(&m->meta, v->anim, ms, v->anim_length_ms, v->rep_hold_ms, &f);
    unsigned c = m->sample_contacts[f.blend < 0.5f ? f.a : f.b];
    if (d.swap)
        c = pose_contacts_swapped(c);
    float low[CONTACT_COUNT], ground = pose_figure_ground(&fig, c, low), worst = fabsf(ground);
    for (int k = 0; k < CONTACT_COUNT; k++)
        if (c & (1u << k))
            worst = fmaxf(worst, low[k] - ground);
    return fmaxf(worst, ground - pose_figure_ground(&fig, 0, low));
}

/* Play routine src (named path) to its end, voiced or not; returns the number of faulty frames. */
static int play(const char *path, const char *src, size_t n, bool voiced)
{
    static Routine r;
    RoutineErrors errs;
    memset(&errs, 0, sizeof errs);
    int rc = routine_parse(path, src, n, &r, &errs);
    CHECK_INT(rc, 0);
    if (rc != 0)
        return 0;
    static Session s;
    memset(&s, 0, sizeof s);
    CHECK_INT(session_init(&s, &r), 0);
    VoiceTable vt = {NULL, 0};
    if (voiced) {
        CHECK_INT(voicetable_load(&vt, ".", &r), 0);
        session_set_voice(&s, vt.rows, vt.count);
    }
    session_set_checkin_wait(&s, 0);
    session_set_side_wait(&s, 0);
    int frames = 0, faulty = 0, last_ms = -1;
    MoveId last_fig = MOVE_NONE;
    float worst = 0.0f;
    char where[160] = "";
    for (int guard = 0; !session_over(&s) && guard < 4000000; guard++) {
        session_step(&s, NULL, SESSION_TICK_MS);
        SessionEvent ev;
        while (session_poll_event(&s, &ev))
            ;
        SessionView v = session_view(&s, 0);
        const PoseMove *m = move_of(v.figure);
        if (!m)
            continue;
        int ms = sheet_grid_ms(v.anim_ms);
        if (ms == last_ms && v.figure == last_fig)
            continue; /* the same pose as the frame before */
        last_ms = ms, last_fig = v.figure, frames++;
        float f = drawn_fault(m, &v, ms);
        if (f > worst) {
            worst = f;
            snprintf(where, sizeof where, "%.2f s, %s", (double)s.t_ms / 1000.0, moves_info(v.figure)->id);
        }
        if (f > POSE_CONTACT_TOL_H && faulty++ < 5)
            printf("  %s%s: %.2f s, %s: %.1f px off or below the mat\n", path, voiced ? " (voiced)" : "",
                   (double)s.t_ms / 1000.0, moves_info(v.figure)->id, (double)(f / POSE_CONTACT_TOL_H * 2.0f));
    }
    printf("%-40s %-8s %6d poses drawn, %d faulty, worst %.1f px (%s)\n", path, voiced ? "voiced" : "unvoiced", frames,
           faulty, (double)(worst / POSE_CONTACT_TOL_H * 2.0f), where);
    CHECK(frames > 100);
    session_free(&s);
    voicetable_free(&vt);
    routine_free(&r);
    return faulty;
}

int main(void)
{
    char *names[64];
    int count = testposes_levels(names, 64);
    CHECK(count >= 9);
    int faulty = 0;
    for (int i = 0; i < count; i++) {
        size_t n = 0;
        char *src = read_all(names[i], &n);
        CHECK(src != NULL);
        for (int voiced = 1; src && voiced >= 0; voiced--)
            faulty += play(names[i], src, n, voiced == 1);
        free(src);
        free(names[i]);
    }
    /* a standing move, then a short rest on the front: its way down is compressed into the rest
     * (before: a frame on one toe, the other shin in the air, at 42.90 s) */
    static const char front[] = "title \"Front rest\"\n"
                                "move standing_extension\n  reps 2 tempo 4s\n"
                                "rest 10s on-front \"Roll onto your front.\"\n"
                                "move prone_on_elbows\n  hold 20s\n";
    for (int voiced = 1; voiced >= 0; voiced--)
        faulty += play("front10.routine", front, sizeof front - 1, voiced == 1);
    CHECK_INT(faulty, 0);
    testposes_free();
    return TEST_END();
}
