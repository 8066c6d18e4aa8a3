/* test_way_times.c: a way's time (the figure getting from one position to another) is its pose
 * file's `section intro` and nowhere else: the platform reads every way's file as it loads a routine
 * (holdways_fill: Routine.way_ms) and the session plans each way of a get-ready's or a rest's chain
 * with it, so a physio or artist who retimes a way file changes the plan by just that much. A file
 * that cannot be read or parsed is reported once and planned as the standard way (MOVES_WAY_MS). */
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "files.h"
#include "holdways.h"
#include "pose.h"
#include "session.h"
#include "testutil.h"

static PoseFile pf;
static RoutineErrors errs;
static Routine r;
static Session s;

/* bridge (on the back), a rest on the front (its chain: the roll onto the front, 4.0 s, longer than
 * the rest's 3 s), the superman, the side bend (up from the front through all fours), then the
 * press-up (its get-ready: down onto the front from standing, 10.4 s, longer than the get-ready's
 * 4 s before the 3-2-1 and SESSION_READY_WAY_MS together) */
static const char ROUTINE[] = "title \"Ways\"\n"
                              "move bridge reps 2 tempo 3s\n"
                              "rest 3s on-front\n"
                              "move superman reps 2 tempo 3s\n"
                              "move side_bend reps 2 tempo 3s sides both\n"
                              "move press_up reps 2 tempo 3s\n";

/* The `section intro` of way w's file in dir, in ms (-1: not read). */
static int file_intro_ms(const char *dir, MoveId w)
{
    char path[FILES_PATH_BYTES];
    snprintf(path, sizeof path, "%s/%s.pose", dir, moves_info(w)->id);
    if (holdways_read_pose(path, &pf, &errs) < 0)
        return -1;
    int si = pose_section_find(&pf, "intro");
    return si >= 0 ? (int)lroundf(pf.sections[si].seconds * 1000.0f) : -1;
}

/* Every way of the shipped catalogue is planned at its file's time; nothing else has a way time. */
static void test_shipped(void)
{
    CHECK_INT(routine_parse("ways.routine", ROUTINE, strlen(ROUTINE), &r, &errs), 0);
    CHECK_INT(holdways_fill_data(&r, "."), 0);
    int ways = 0;
    for (int i = 0; i < MOVE_COUNT; i++) {
        MoveId w = (MoveId)i;
        if (moves_way_from(w) == POSITION_NONE) {
            CHECK_INT(r.way_ms[i], 0);
            continue;
        }
        ways++;
        int ms = file_intro_ms("assets/poses", w);
        CHECK(ms > 0);
        CHECK_INT(r.way_ms[i], ms);
        CHECK_INT(moves_way_ms(r.way_ms, w), ms);
    }
    CHECK(ways >= 19);
    CHECK_INT(r.way_ms[MOVE_WAY_BACK_TO_FRONT], 4000);
    CHECK_INT(r.way_ms[MOVE_WAY_STANDING_TO_FRONT], 10400);
    routine_free(&r);
}

/* Write n bytes to path. */
static void put_file(const char *path, const char *text, size_t n)
{
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (f) {
        CHECK_INT(fwrite(text, 1, n, f), n);
        fclose(f);
    }
}

/* Copy every assets/poses/<name>.pose into dir, with `from` replaced by `to` in way w's file and
 * in way v's. Returns how many files were copied. */
static int copy_poses(const char *dir, MoveId w, MoveId v, const char *from_w, const char *to_w, const char *from_v,
                      const char *to_v)
{
    DIR *d = opendir("assets/poses");
    CHECK(d != NULL);
    if (!d)
        return 0;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len < 6 || strcmp(e->d_name + len - 5, ".pose") != 0)
            continue;
        char src[FILES_PATH_BYTES], dst[FILES_PATH_BYTES], why[200];
        snprintf(src, sizeof src, "assets/poses/%s", e->d_name);
        snprintf(dst, sizeof dst, "%s/%s", dir, e->d_name);
        char *text = NULL;
        size_t bytes = 0;
        CHECK_INT(files_read(src, FILES_MAX_POSE_BYTES, &text, &bytes, why, sizeof why), 0);
        if (!text)
            continue;
        const char *from = NULL, *to = NULL;
        if (len - 5 == strlen(moves_info(w)->id) && strncmp(e->d_name, moves_info(w)->id, len - 5) == 0)
            from = from_w, to = to_w;
        if (len - 5 == strlen(moves_info(v)->id) && strncmp(e->d_name, moves_info(v)->id, len - 5) == 0)
            from = from_v, to = to_v;
        char *at = from ? strstr(text, from) : NULL;
        if (from)
            CHECK(at != NULL); /* the shipped file says what the test changes */
        if (at) {
            size_t head = (size_t)(at - text), fl = strlen(from), tl = strlen(to);
            char *out = malloc(bytes - fl + tl);
            CHECK(out != NULL);
            if (out) {
                memcpy(out, text, head);
                memcpy(out + head, to, tl);
                memcpy(out + head + tl, at + fl, bytes - head - fl);
                put_file(dst, out, bytes - fl + tl);
                free(out);
            }
        } else {
            put_file(dst, text, bytes);
        }
        free(text);
        n++;
    }
    closedir(d);
    return n;
}

/* The plan of ROUTINE with its pose files from pose_dir: each segment's kind, step and length. */
#define PLAN_MAX 64 /* segments: ROUTINE has about 20 */

typedef struct {
    int count;
    int kind[PLAN_MAX], step[PLAN_MAX], ms[PLAN_MAX];
    int64_t total_ms;
} Plan;

static void plan_of(const char *pose_dir, Plan *p)
{
    memset(p, 0, sizeof *p);
    CHECK_INT(routine_parse("ways.routine", ROUTINE, strlen(ROUTINE), &r, &errs), 0);
    CHECK_INT(holdways_fill(&r, pose_dir), 0);
    CHECK_INT(session_init(&s, &r), 0);
    CHECK(s.segment_count <= PLAN_MAX);
    p->count = s.segment_count;
    for (int i = 0; i < s.segment_count && i < PLAN_MAX; i++) {
        p->kind[i] = s.segments[i].kind;
        p->step[i] = s.segments[i].step;
        p->ms[i] = s.segments[i].duration_ms;
    }
    p->total_ms = session_routine_ms(&r);
    session_free(&s);
    routine_free(&r);
}

static int report_count;
static MoveId report_move;
static char report_what[FILES_PATH_BYTES + 512];

static void report(void *ctx, MoveId m, const char *what)
{
    (void)ctx;
    report_count++;
    report_move = m;
    snprintf(report_what, sizeof report_what, "%s", what);
}

/* A copy of the catalogue with the roll onto the front 4.0 -> 5.0 s and the way down onto the front
 * 10.4 -> 11.4 s: the rest that shows the roll and the press-up's get-ready that shows the way down
 * are each 1 s longer, and nothing else changes. Then the roll's file broken: told once, and
 * planned as the standard way. */
static void test_changed_files(void)
{
    char dir[] = "/tmp/unknot_way_timesXXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    static Plan shipped, changed;
    plan_of("assets/poses", &shipped);
    int files = copy_poses(dir, MOVE_WAY_BACK_TO_FRONT, MOVE_WAY_STANDING_TO_FRONT, "\nsection intro 4.0\n",
                           "\nsection intro 5.0\n", "\nsection intro 10.4\n", "\nsection intro 11.4\n");
    CHECK(files > MOVE_COUNT / 2);
    CHECK_INT(file_intro_ms(dir, MOVE_WAY_BACK_TO_FRONT), 5000);
    CHECK_INT(file_intro_ms(dir, MOVE_WAY_STANDING_TO_FRONT), 11400);
    plan_of(dir, &changed);

    CHECK_INT(changed.count, shipped.count);
    int rest = -1, ready = -1, other = 0;
    for (int i = 0; i < shipped.count && i < changed.count; i++) {
        CHECK_INT(changed.kind[i], shipped.kind[i]);
        CHECK_INT(changed.step[i], shipped.step[i]);
        if (shipped.kind[i] == SEG_WORK && shipped.step[i] == 1)
            rest = i;
        else if (shipped.kind[i] == SEG_READY && shipped.step[i] == 4)
            ready = i;
        else
            other += changed.ms[i] != shipped.ms[i];
    }
    CHECK(rest >= 0 && ready >= 0);
    if (rest >= 0 && ready >= 0) {
        printf("the rest's roll onto the front: %d -> %d ms; the press-up's get-ready: %d -> %d ms\n", shipped.ms[rest],
               changed.ms[rest], shipped.ms[ready], changed.ms[ready]);
        CHECK_INT(shipped.ms[rest], 4000); /* longer than written: the roll's whole 4 s */
        CHECK_INT(changed.ms[rest] - shipped.ms[rest], 1000);
        CHECK_INT(changed.ms[ready] - shipped.ms[ready], 1000);
    }
    CHECK_INT(other, 0);
    CHECK_INT(changed.total_ms - shipped.total_ms, 2000);

    /* the roll's file broken: reported once, naming the file and the line; the standard way */
    char path[FILES_PATH_BYTES];
    snprintf(path, sizeof path, "%s/%s.pose", dir, moves_info(MOVE_WAY_BACK_TO_FRONT)->id);
    static const char broken[] = "move way_back_to_front\nsection intro 5.0\nkey 0.0 pelvis=banana\n";
    put_file(path, broken, strlen(broken));
    CHECK_INT(routine_parse("ways.routine", ROUTINE, strlen(ROUTINE), &r, &errs), 0);
    report_count = 0;
    CHECK_INT(holdways_fill_report(&r, dir, report, NULL), 0);
    CHECK_INT(report_count, 1);
    CHECK_INT(report_move, MOVE_WAY_BACK_TO_FRONT);
    CHECK(strncmp(report_what, path, strlen(path)) == 0 && report_what[strlen(path)] == ':');
    CHECK_INT(r.way_ms[MOVE_WAY_BACK_TO_FRONT], 0);
    CHECK_INT(moves_way_ms(r.way_ms, MOVE_WAY_BACK_TO_FRONT), MOVES_WAY_MS);
    CHECK_INT(r.way_ms[MOVE_WAY_STANDING_TO_FRONT], 11400); /* the others are read all the same */
    routine_free(&r);

    /* no catalogue folder: nothing to report (main warns of a data folder without assets/ once) */
    CHECK_INT(routine_parse("ways.routine", ROUTINE, strlen(ROUTINE), &r, &errs), 0);
    report_count = 0;
    holdways_fill_report(&r, "/nonexistent/unknot/poses", report, NULL);
    CHECK_INT(report_count, 0);
    CHECK_INT(moves_way_ms(r.way_ms, MOVE_WAY_STANDING_TO_FRONT), MOVES_WAY_MS);
    routine_free(&r);

    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
        char p[FILES_PATH_BYTES];
        if (e->d_name[0] != '.' && snprintf(p, sizeof p, "%s/%s", dir, e->d_name) < (int)sizeof p)
            unlink(p);
    }
    if (d)
        closedir(d);
    rmdir(dir);
}

int main(void)
{
    test_shipped();
    test_changed_files();
    return TEST_END();
}
