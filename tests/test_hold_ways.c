/* test_hold_ways.c: a held move steps into and out of its pose at its pose file's own pace when
 * that is slower than the session's 3 s (holdstep), the times read from the pose files by the
 * platform (holdways_fill) as a routine is loaded: a physio's own move too (it stepped in for 3 s,
 * whatever its file said), and the catalogue's held moves as the shipped routines name them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "files.h"
#include "holdways.h"
#include "pose.h"
#include "session.h"
#include "sheet.h"
#include "testutil.h"

#define STAND "x=0 pelvis=90 spine=-3,0,3,2 neck=2 head=3 hip=0,0 knee=2,2 ankle=2,2 shoulder=5,5 elbow=10,10 wrist=0,0"
#define SQUAT                                                                                                          \
    "x=-0.1 pelvis=60 spine=0,2,2,2 neck=-18 head=-8 hip=88,88 knee=98,98 ankle=-32,-32 shoulder=112,112 "             \
    "elbow=5,5 wrist=0,0"

/* A physio's own held move: down into a squat over 5 s, held breathing, up again over 4.5 s. */
static const char wall_sit[] =
    "move wall_sit\nside none\n"
    "section intro 5.0\ncontacts flat_feet\nkey 0.0 " STAND "\nkey 1.0 " SQUAT "\n"
    "section breath 4.0\ncontacts flat_feet\nkey 0.0 " SQUAT "\nkey 0.45 chest=1\nkey 1.0 chest=0\n"
    "section outro 4.5\ncontacts flat_feet\nkey 0.0 " SQUAT "\nkey 1.0 " STAND "\n";

static const char routine_text[] = "title \"Wall sits\"\nmove wall_sit\n  hold 20s\n  sets 2 rest 5s\n";

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

/* The ms before its end at which the first get-ready turns to the hold's way in, and how many
 * moments of the counted holds show the way in or out (m: the move's animation) instead of the pose. */
static void play(const Routine *r, const PoseMove *m, int *step_in_ms, int *moving, int *counts)
{
    static Session s;
    *step_in_ms = -1, *moving = *counts = 0;
    CHECK_INT(session_init(&s, r), 0);
    session_set_checkin_wait(&s, 0);
    session_set_side_wait(&s, 0);
    for (int guard = 0; guard < 200000 && !session_over(&s); guard++) {
        int was = s.seg;
        session_step(&s, NULL, SESSION_TICK_MS);
        const Segment *g = &s.segments[s.seg];
        SessionView v = session_view(&s, 0);
        if (g->kind == SEG_READY && *step_in_ms < 0 && v.anim == ANIM_HOLD)
            *step_in_ms = v.remaining_ms;
        if (g->kind != SEG_WORK)
            continue;
        if (s.seg != was)
            (*counts)++;
        SheetFrame f;
        sheet_frame_at(&m->meta, v.anim, sheet_grid_ms(v.anim_ms), v.anim_length_ms, v.rep_hold_ms, &f);
        if ((f.part == SHEET_PART_INTRO || f.part == SHEET_PART_OUTRO) && v.elapsed_ms > 0 &&
            v.elapsed_ms < g->duration_ms - 1000 / SHEET_POSES_PER_S)
            (*moving)++;
    }
    session_free(&s);
}

/* A physio's own held move with a 5 s way in and a 4.5 s way out (a pose file in moves/ beside the
 * routine): the routine loaded as the program loads it gets the file's times, its get-ready steps
 * in for 5 s (was 3: the squat went on 2 s into the count), its count is all in the pose, and the
 * rest between its sets has room for both ways (13 s, was 9). */
static void test_own_move(void)
{
    char dir[] = "/tmp/unknot-holdways-XXXXXX", moves[64], pose[96], path[96];
    CHECK(mkdtemp(dir) != NULL);
    snprintf(moves, sizeof moves, "%s/moves", dir);
    snprintf(pose, sizeof pose, "%s/wall_sit.pose", moves);
    snprintf(path, sizeof path, "%s/wall_sits.routine", dir);
    CHECK_INT(mkdir(moves, 0700), 0);
    write_file(pose, wall_sit);
    write_file(path, routine_text);

    static Routine r;
    static RoutineErrors errs;
    CHECK_INT(files_load_routine(path, &r, &errs), 0);
    CHECK_INT(r.own_move_count, 1);
    MoveId own = ROUTINE_OWN_MOVE(0);
    CHECK_INT(r.steps[0].move, own);
    CHECK_INT(r.hold_ways[own].in_ms, 0); /* parsing alone knows no times */

    static PoseFile pf;
    PoseMove m;
    memset(&errs, 0, sizeof errs);
    CHECK_INT(pose_parse(pose, wall_sit, strlen(wall_sit), &pf, &errs), 0);
    CHECK_INT(pose_move_init(&m, &pf), 0);

    int step_in0, moving0, counts0, rest0 = session_set_rest_ms(&r, 0);
    play(&r, &m, &step_in0, &moving0, &counts0); /* as before: no times, the standard 3 s */

    CHECK_INT(holdways_fill_data(&r, NULL), 0); /* no catalogue here: its own file is read all the same */
    CHECK_INT(r.hold_ways[own].in_ms, 5000);
    CHECK_INT(r.hold_ways[own].out_ms, 4500);
    int step_in, moving, counts, rest = session_set_rest_ms(&r, 0);
    play(&r, &m, &step_in, &moving, &counts);
    printf("own move wall_sit (way in 5.0 s, out 4.5 s): the get-ready steps in %d ms before the count (without "
           "its file's times %d), %d of its counts' moments moving (%d), the rest between sets %d ms (%d)\n",
           step_in, step_in0, moving, moving0, rest, rest0);
    CHECK_INT(counts, 2);
    CHECK(step_in >= 5000 && step_in < 5000 + SESSION_TICK_MS + 1);
    CHECK_INT(moving, 0);
    CHECK_INT(rest, 13000); /* 4.5 s out, the position and the start eased in (1.5 s each), 5 s in */
    CHECK(step_in0 < 5000 && moving0 > 0 && rest0 == 9000); /* without them: the way in ran into the count */

    pose_move_free(&m);
    routine_free(&r);
    unlink(pose), unlink(path), rmdir(moves), rmdir(dir);
}

/* Every shipped routine loaded as the program loads it: each held move's times are its pose file's
 * (pose_file_hold_ways of assets/poses/<id>.pose), the moves with a slow way in among them. */
static void test_shipped(void)
{
    static const char *const levels[] = {"levels/01-gentle-start.routine", "levels/08-camden-acute-back.routine"};
    static const char *const slow[] = {"spinal_twist", "prone_on_elbows"};
    for (int i = 0; i < 2; i++) {
        static Routine r;
        static RoutineErrors errs;
        CHECK_INT(files_load_routine(levels[i], &r, &errs), 0);
        CHECK_INT(holdways_fill_data(&r, "."), 0);
        MoveId id = moves_find(slow[i], -1);
        printf("%s: %s way in %d ms, out %d ms\n", levels[i], slow[i], r.hold_ways[id].in_ms, r.hold_ways[id].out_ms);
        CHECK(r.hold_ways[id].in_ms > SESSION_STEP_IN_MS);
        for (int k = 0; k < r.step_count; k++) {
            MoveId mv = r.steps[k].move;
            if (r.steps[k].kind != STEP_MOVE || session_mode_rules(r.steps[k].mode).anim != ANIM_HOLD)
                continue;
            char path[128], *text = NULL, why[200];
            size_t n = 0;
            snprintf(path, sizeof path, "assets/poses/%s.pose", moves_info(mv)->id);
            CHECK_INT(files_read(path, FILES_MAX_POSE_BYTES, &text, &n, why, sizeof why), 0);
            static PoseFile pf;
            memset(&errs, 0, sizeof errs);
            CHECK_INT(pose_parse(path, text, n, &pf, &errs), 0);
            free(text);
            int in, out;
            pose_file_hold_ways(&pf, &in, &out);
            CHECK_INT(r.hold_ways[mv].in_ms, in);
            CHECK_INT(r.hold_ways[mv].out_ms, out);
        }
        routine_free(&r);
    }
}

int main(void)
{
    test_own_move();
    test_shipped();
    return TEST_END();
}
