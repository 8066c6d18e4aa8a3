/* test_arrows.c: the motion arrows (arrows.h) point the way the working part goes on the way into
 * a move: bird dog's arm forward and up, knee rolls' knees sideways, the bridge's hips up; both
 * sides drawn; none for a move with no working part; they show in the get-ready and fade after
 * the first rep; view.conf reads and writes the setting. */
#include <math.h>

#include "arrows.h"
#include "testutil.h"
#include "testposes.h"

static void dump(const char *name, const MoveArrows *a)
{
    for (int i = 0; i < a->count; i++)
        printf("%s arrow %d: (%.3f,%.3f) (%.3f,%.3f) -> (%.3f,%.3f)\n", name, i, a->path[i].x[0], a->path[i].y[0],
               a->path[i].x[1], a->path[i].y[1], a->path[i].x[2], a->path[i].y[2]);
}

static float dx_of(const ArrowPath *p)
{
    return p->x[2] - p->x[0];
}
static float dy_of(const ArrowPath *p)
{
    return p->y[2] - p->y[0];
}

static void all_moves(void)
{
    for (int id = 0; id < MOVE_COUNT; id++) {
        const PoseMove *m = move_of((MoveId)id);
        if (!m)
            continue;
        MoveArrows a, b;
        arrows_of_move(m, false, &a);
        arrows_of_move(m, true, &b);
        if (getenv("ARROWS_DUMP"))
            dump(moves_info((MoveId)id)->id, &a);
        CHECK(a.count <= ARROWS_MAX);
        CHECK_INT(a.count, b.count);
        if (!m->file.highlight)
            CHECK_INT(a.count, 0);
        for (int i = 0; i < a.count; i++) {
            float len = hypotf(dx_of(&a.path[i]), dy_of(&a.path[i]));
            CHECK(len >= ARROWS_MIN_LEN_H - 1e-3f && len <= ARROWS_MAX_LEN_H + 1e-3f);
            CHECK(isfinite(a.path[i].x[1]) && isfinite(a.path[i].y[1]));
        }
    }
}

/* The ways the brief names: bird dog's arm forward and up, its leg back and up; the bridge's hips
 * up; knee rolls none on the side view (its inset shows the knees rolling sideways). */
static void directions(void)
{
    MoveArrows a;
    const PoseMove *bd = move_of(MOVE_BIRD_DOG);
    CHECK_INT(arrows_of_move(bd, false, &a), 2);
    CHECK(dx_of(&a.path[0]) > 0.15f && dy_of(&a.path[0]) > 0.15f); /* the near arm reaches forward, up */
    CHECK(dx_of(&a.path[1]) < -0.1f && dy_of(&a.path[1]) > 0.1f); /* the far leg back, up */
    MoveArrows b;
    CHECK_INT(arrows_of_move(bd, true, &b), 2); /* the other side: the other limbs, the same ways */
    CHECK(dy_of(&b.path[0]) > 0.1f && dy_of(&b.path[1]) > 0.1f);
    const PoseMove *br = move_of(MOVE_BRIDGE);
    CHECK_INT(arrows_of_move(br, false, &a), 1);
    CHECK(dy_of(&a.path[0]) > 2.0f * fabsf(dx_of(&a.path[0]))); /* the hips lift */
    CHECK_INT(arrows_of_move(move_of(MOVE_KNEE_ROLLS), false, &a), 0);
    /* placed: a mirrored picture points the other way; y down on the screen */
    arrows_of_move(bd, false, &a);
    FigPlace pl = {400.0f, 900.0f, 800.0f, true, 0.0f};
    MoveArrows px;
    arrows_place(&a, &pl, 10.0f, 20.0f, &px);
    CHECK(px.path[0].x[2] < px.path[0].x[0] && px.path[0].y[2] < px.path[0].y[0]);
    CHECK(fabsf(px.width - ARROWS_WIDTH_H * 400.0f) < 1e-3f);
    CHECK(fabsf(px.path[0].x[0] - (10.0f + 900.0f - a.path[0].x[0] * 400.0f)) < 1e-2f);
}

/* When they show: the get-ready, the first rep up to its beat, fading to its end; never after. */
static void alpha(void)
{
    const PoseMove *bd = move_of(MOVE_BIRD_DOG);
    SessionView v;
    memset(&v, 0, sizeof v);
    v.kind = SEG_READY, v.anim = ANIM_START;
    CHECK(arrows_alpha(&v, &bd->meta) == 1.0f);
    v.kind = SEG_WORK, v.anim = ANIM_REPS, v.anim_length_ms = 4000, v.rep = 1, v.reps = 6;
    v.anim_ms = 500;
    CHECK(arrows_alpha(&v, &bd->meta) == 1.0f);
    v.anim_ms = 3000;
    float f = arrows_alpha(&v, &bd->meta);
    CHECK(f > 0.0f && f < 1.0f);
    v.anim_ms = 4100, v.rep = 2;
    CHECK(arrows_alpha(&v, &bd->meta) == 0.0f);
    v.kind = SEG_SET_REST, v.anim = ANIM_LOOP, v.anim_ms = 0;
    CHECK(arrows_alpha(&v, &bd->meta) == 0.0f);
}

static void conf(void)
{
    char buf[128], why[64];
    bool on = true;
    int n = arrows_conf_format(false, buf, sizeof buf);
    CHECK(n > 0);
    CHECK_INT(arrows_conf_parse(buf, (size_t)n, &on, why, sizeof why), 0);
    CHECK(!on);
    n = arrows_conf_format(true, buf, sizeof buf);
    CHECK_INT(arrows_conf_parse(buf, (size_t)n, &on, why, sizeof why), 0);
    CHECK(on);
    const char *bad = "arrows = 2\nvolume = 3\n";
    CHECK_INT(arrows_conf_parse(bad, strlen(bad), &on, why, sizeof why), 2);
    CHECK(on);
    CHECK_STR(why, "line 1: arrows must be 0 or 1");
    CHECK_INT(arrows_conf_format(true, buf, 8), -1);
}

int main(void)
{
    (void)testposes_levels;
    directions();
    alpha();
    conf();
    all_moves();
    testposes_free();
    return TEST_END();
}
