/* test_holdways_read.c: one reading of a pose file for the plan (holdways_read_pose, code review 30
 * finding 3): the session's held moves (holdways_fill) and the kiosk's attract loop
 * (kioskapp_attract_plan) read a catalogue folder through it, so a file one of them takes the
 * other takes too, and one that cannot be read or parsed both leave out. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "files.h"
#include "holdways.h"
#include "kioskapp.h"
#include "pose.h"
#include "testutil.h"

static PoseFile pf;
static RoutineErrors errs;

/* Write n bytes of text to path (text NULL: a read that failed, already counted). */
static void put_file(const char *path, const char *text, size_t n)
{
    FILE *f = text ? fopen(path, "wb") : NULL;
    CHECK(f != NULL);
    if (f) {
        CHECK_INT(fwrite(text, 1, n, f), n);
        fclose(f);
    }
}

/* path's bytes into a new file at to. */
static void copy_file(const char *path, const char *to)
{
    char *text = NULL, why[200];
    size_t n = 0;
    CHECK_INT(files_read(path, FILES_MAX_POSE_BYTES, &text, &n, why, sizeof why), 0);
    put_file(to, text, n);
    free(text);
}

/* Every catalogue pose file reads and parses, as the program's other pose loaders do; the held
 * moves' ways are what pose_file_hold_ways makes of the file read. */
static void test_catalogue(void)
{
    int read = 0;
    for (int m = 0; m < MOVE_COUNT; m++) {
        char path[FILES_PATH_BYTES];
        snprintf(path, sizeof path, "assets/poses/%s.pose", moves_info((MoveId)m)->id);
        errs.count = -1;
        CHECK_INT(holdways_read_pose(path, &pf, &errs), 0);
        CHECK_INT(errs.count, 0); /* cleared before the parse */
        read++;
    }
    CHECK_INT(read, MOVE_COUNT);
    CHECK_INT(holdways_read_pose("assets/poses/spinal_twist.pose", &pf, &errs), 0);
    int in, out;
    pose_file_hold_ways(&pf, &in, &out);
    CHECK_INT(in, 4800);
    CHECK_INT(out, 4600);
}

/* A folder with the twist's file as shipped, the lunge's broken and the others missing: both
 * readers take the twist at its file's times and leave the lunge and the rest out. */
static void test_both_readers_agree(void)
{
    char dir[] = "/tmp/unknot_holdways_readXXXXXX", twist[128], lunge[128], none[128];
    CHECK(mkdtemp(dir) != NULL);
    snprintf(twist, sizeof twist, "%s/spinal_twist.pose", dir);
    snprintf(lunge, sizeof lunge, "%s/hip_flexor_lunge.pose", dir);
    snprintf(none, sizeof none, "%s/bridge.pose", dir);
    copy_file("assets/poses/spinal_twist.pose", twist);
    static const char broken[] = "move hip_flexor_lunge\nsection intro 4.5\nkey 0.0 pelvis=banana\n";
    put_file(lunge, broken, strlen(broken));

    CHECK_INT(holdways_read_pose(twist, &pf, &errs), 0);
    CHECK_INT(holdways_read_pose(lunge, &pf, &errs), -1);
    CHECK(errs.count > 0); /* the parse's reasons, for a caller to show */
    CHECK_INT(holdways_read_pose(none, &pf, &errs), -1);

    static const char text[] =
        "title \"Two holds\"\nmove spinal_twist\n  hold 20s\nmove hip_flexor_lunge\n  hold 20s\n";
    static Routine r;
    CHECK_INT(routine_parse("two.routine", text, strlen(text), &r, &errs), 0);
    CHECK_INT(holdways_fill(&r, dir), 1); /* the lunge's file is broken */
    CHECK_INT(r.hold_ways[MOVE_SPINAL_TWIST].in_ms, 4800);
    CHECK_INT(r.hold_ways[MOVE_SPINAL_TWIST].out_ms, 4600);
    CHECK_INT(r.hold_ways[MOVE_HIP_FLEXOR_LUNGE].in_ms, 0);
    CHECK_INT(r.hold_ways[MOVE_HIP_FLEXOR_LUNGE].out_ms, 0);
    routine_free(&r);

    static KioskAttract a;
    int usable = 0;
    for (int m = 0; m < MOVE_COUNT; m++)
        usable += moves_info((MoveId)m)->routine_usable;
    CHECK_INT(kioskapp_attract_plan(dir, &a), usable - 1); /* all but the twist left out */
    CHECK_INT(a.count, 1);
    CHECK_INT(a.slots[0].move, MOVE_SPINAL_TWIST);

    unlink(twist), unlink(lunge), rmdir(dir);
}

int main(void)
{
    test_catalogue();
    test_both_readers_agree();
    return TEST_END();
}
