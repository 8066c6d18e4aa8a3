/* test_kneeview: the knees seen from the head end (kneeview.c), and the knee rolls' pose file that
 * asks for them: the view shows the knees going to the side the step names, which the side view
 * cannot (issue 12, review W1-2). */
#include <math.h>

#include "testutil.h"

#include "kneeview.h"
#include "moves.h"
#include "session.h"
#include "testposes.h"

/* The centre of the knee (the end of the thigh) of leg s (-1 left, +1 right). */
static void knee_of(const PoseFigure *fig, int s, float *x, float *y)
{
    *x = *y = 0.0f;
    for (int g = 0; g < fig->count; g++)
        for (int i = 0; i < fig->groups[g].count; i++) {
            const PosePart *p = &fig->groups[g].parts[i];
            if (strcmp(p->name, "thigh") == 0 && (p->ax > 0.0f) == (s > 0)) /* a: its hip */
                *x = p->bx, *y = p->by;
        }
}

static void test_view(void)
{
    PoseFigure fig;
    float lx, ly, rx, ry;
    kneeview_figure(0.0f, &fig);
    knee_of(&fig, -1, &lx, &ly), knee_of(&fig, 1, &rx, &ry);
    CHECK(lx < 0.0f && rx > 0.0f); /* up together: one each side of the middle, level */
    CHECK(fabsf(lx + rx) < 1e-4f && fabsf(ly - ry) < 1e-4f);
    CHECK(ly > 0.2f); /* the knees stand up, well above the mat */
    kneeview_figure(65.0f, &fig); /* to the right: both knees right of the middle, the right one lowest */
    knee_of(&fig, -1, &lx, &ly), knee_of(&fig, 1, &rx, &ry);
    CHECK(lx > 0.05f && rx > 0.15f);
    CHECK(ry < ly && ry < 0.2f);
    float lx2, ly2, rx2, ry2;
    kneeview_figure(-65.0f, &fig); /* to the left: the mirror image */
    knee_of(&fig, -1, &lx2, &ly2), knee_of(&fig, 1, &rx2, &ry2);
    CHECK(fabsf(lx2 + rx) < 1e-4f && fabsf(rx2 + lx) < 1e-4f && fabsf(ly2 - ry) < 1e-4f);
    for (float deg = -90.0f; deg <= 90.0f; deg += 5.0f) { /* every part in the box, none under the mat */
        kneeview_figure(deg, &fig);
        bool inside = true;
        for (int g = 0; g < fig.count; g++)
            for (int i = 0; i < fig.groups[g].count; i++) {
                const PosePart *p = &fig.groups[g].parts[i];
                inside = inside && fabsf(p->ax) + p->ra <= KNEEVIEW_HALF_W && fabsf(p->bx) + p->rb <= KNEEVIEW_HALF_W;
                inside = inside && p->ay + p->ra <= KNEEVIEW_TOP && p->by + p->rb <= KNEEVIEW_TOP;
                inside = inside && p->ay - p->ra >= -0.01f && p->by - p->rb >= -0.01f;
            }
        CHECK(inside);
        CHECK(fig.groups[0].highlight && fig.groups[1].highlight); /* the working legs, as in the side view */
    }
    PoseFigure side = {.roll = 40.0f};
    CHECK(kneeview_right_deg(&side, false) > 0.0f && kneeview_right_deg(&side, true) < 0.0f);
}

/* The knee rolls file asks for the view, and through a whole rep the figure drawn for each side
 * (pose_move_draw, as the program draws it) rolls to that side and never the other way. */
static void test_knee_rolls(void)
{
    const PoseMove *m = move_of(MOVE_KNEE_ROLLS);
    if (!m)
        return;
    CHECK(m->file.inset == POSE_INSET_KNEES);
    for (int turned = 0; turned < 2; turned++)
        for (int s = 0; s < 2; s++) {
            Sides side = s ? SIDES_RIGHT : SIDES_LEFT;
            PoseDraw d = pose_move_draw(m, side, turned);
            float most = 0.0f, against = 0.0f, sign = side == SIDES_RIGHT ? 1.0f : -1.0f;
            PoseFigure fig;
            for (int ms = 0; ms < 6000; ms += 100) {
                pose_move_figure_at(m, ANIM_REPS, ms, 6000, 0, d.swap, &fig);
                float r = kneeview_right_deg(&fig, d.mirror) * sign;
                most = fmaxf(most, r), against = fminf(against, r);
            }
            printf("knee_rolls %s%s: %.1f degrees to that side at most, %.1f the other way\n",
                   side == SIDES_RIGHT ? "right" : "left", turned ? " (turned)" : "", (double)most, (double)-against);
            CHECK(most > 40.0f);
            CHECK(against > -1.0f);
        }
    /* no other move asks for it: a roll over (the ways) is not a knee roll */
    for (int id = 0; id < MOVE_COUNT; id++)
        if (id != MOVE_KNEE_ROLLS && move_of((MoveId)id))
            CHECK(move_of((MoveId)id)->file.inset == POSE_INSET_NONE);
}

int main(void)
{
    (void)testposes_levels; /* testposes.h's, for the tests that play routines */
    test_view();
    test_knee_rolls();
    testposes_free();
    return TEST_END();
}
