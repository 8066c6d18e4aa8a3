/* test_pose.c: the pose model shared by the tools and (next) the program: pose files parse from a
 * buffer with FILE:LINE:COL errors and refuse bad numbers; every committed pose file parses; and
 * every sample of every move (POSE_SAMPLE_FPS a second, solved) keeps its section's contacts on
 * the mat with nothing below it. Core only: no SDL; reads assets/poses from the source tree. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "moves.h"
#include "figpaint.h"
#include "pose.h"
#include "routine.h"
#include "session.h"
#include "sheet.h"
#include "testutil.h"
#include "testfigure.h"
#include "testholdways.h"

static PoseFile pf;
static RoutineErrors errs;

static float figure_moved(const PoseFigure *a, const PoseFigure *b);
static bool load_move(const char *name, PoseFile *file, PoseMove *m);

static int parse(const char *src)
{
    memset(&errs, 0, sizeof errs);
    return pose_parse("t.pose", src, strlen(src), &pf, &errs);
}

/* True when an error at line:col mentions needle. */
static bool has_error(int line, int col, const char *needle)
{
    for (int i = 0; i < errs.count; i++)
        if (errs.items[i].line == line && errs.items[i].col == col && strstr(errs.items[i].message, needle))
            return true;
    for (int i = 0; i < errs.count; i++)
        fprintf(stderr, "    got %d:%d: %s\n", errs.items[i].line, errs.items[i].col, errs.items[i].message);
    return false;
}

#define GOOD "move squat\nside none\nsection cycle 2.0\ncontacts feet\nkey 0 x=0 pelvis=90\nkey 1\n"

static void test_parse(void)
{
    CHECK_INT(parse(GOOD), 0);
    CHECK_STR(pf.move, "squat");
    CHECK_INT(pf.section_count, 1);
    CHECK_INT(pf.sections[0].key_count, 2);
    CHECK(pf.sections[0].contacts == ((1u << CONTACT_NEAR_FOOT) | (1u << CONTACT_FAR_FOOT)));
    /* an old file's fps line and frame count are accepted (no longer used: sampled at POSE_SAMPLE_FPS) */
    CHECK_INT(parse("move squat\nfps 12\nsection cycle 2.0 24\ncontacts feet\nkey 0\nkey 1\n"), 0);
    CHECK_INT(pf.section_count, 1);
    CHECK_INT(parse("move m\nshowcase cycle 0.5\nsection cycle 2\nkey 0 hip=10,20 knee=5\r\nkey 1 # end\n"), 0);
    CHECK(pf.sections[0].keys[0].pose.v[POSE_HIP_N] == 10.0f && pf.sections[0].keys[0].pose.v[POSE_HIP_F] == 20.0f);
    CHECK(pf.sections[0].keys[1].pose.v[POSE_KNEE_F] == 5.0f); /* a key keeps what it does not set */
    CHECK_INT(pf.showcase_count, 1);
    CHECK_INT(pf.showcase[0].section, 0);
    CHECK_INT(parse("move m\nhighlight near_arm far_leg\nsection cycle 2\nkey 0\nkey 1\n"), 0);
    CHECK(pf.highlight == ((1u << POSE_GROUP_NEAR_ARM) | (1u << POSE_GROUP_FAR_LEG)));
    PoseMove m;
    CHECK_INT(pose_move_init(&m, &pf), 0);
    PoseFigure fig;
    pose_move_sample_figure(&m, 0, &fig);
    int lit = 0;
    for (int g = 0; g < fig.count; g++)
        lit += fig.groups[g].highlight ? 1 << fig.groups[g].id : 0;
    CHECK_INT(lit, (1 << POSE_GROUP_NEAR_ARM) | (1 << POSE_GROUP_FAR_LEG));
    CHECK(pf.other_side == POSE_OTHER_MIRROR); /* the default */
    pose_move_free(&m);
    /* other_side far: the other side the same way round, near and far swapped */
    CHECK_INT(parse("move m\nside right\nother_side far\nhighlight near_leg\nsection breath 2\ncontacts head back "
                    "pelvis far_foot\nkey 0 x=0 pelvis=180 hip=-60,40 knee=120,100 ankle=0,5 twist=10 roll=20 "
                    "stance=0.2 shoulder=30,-10 elbow=90,0 wrist=5,-5\nkey 1\n"),
              0);
    CHECK(pf.other_side == POSE_OTHER_FAR);
    CHECK_INT(pose_move_init(&m, &pf), 0);
    CHECK(pose_move_swapped(&m, SIDES_LEFT) && !pose_move_mirrored(&m, SIDES_LEFT));
    CHECK(!pose_move_swapped(&m, SIDES_RIGHT) && !pose_move_swapped(&m, SIDES_NONE));
    Pose q = m.samples[0];
    pose_swap_sides(&q);
    CHECK(q.v[POSE_HIP_N] == m.samples[0].v[POSE_HIP_F] && q.v[POSE_HIP_F] == m.samples[0].v[POSE_HIP_N]);
    CHECK(q.v[POSE_WRIST_N] == m.samples[0].v[POSE_WRIST_F] && q.v[POSE_ELBOW_F] == m.samples[0].v[POSE_ELBOW_N]);
    CHECK(q.v[POSE_TWIST] == -m.samples[0].v[POSE_TWIST] && q.v[POSE_ROLL] == -20.0f && q.v[POSE_STANCE] == -0.2f &&
          q.v[POSE_PELVIS] == m.samples[0].v[POSE_PELVIS]);
    pose_swap_sides(&q);
    CHECK(memcmp(&q, &m.samples[0], sizeof q) == 0); /* swapping twice is no swap */
    unsigned c = (1u << CONTACT_HEAD) | (1u << CONTACT_FAR_FOOT) | (1u << CONTACT_NEAR_TOES);
    CHECK(pose_contacts_swapped(c) == ((1u << CONTACT_HEAD) | (1u << CONTACT_NEAR_FOOT) | (1u << CONTACT_FAR_TOES)));
    CHECK(pose_contacts_swapped(pose_contacts_swapped(c)) == c);
    /* the figure at a moment for the left side is the swapped one: the far leg lit, the same outline */
    PoseFigure right, left;
    PoseDraw dr = pose_move_draw(&m, SIDES_RIGHT, false), dl = pose_move_draw(&m, SIDES_LEFT, false);
    CHECK(!dr.mirror && !dr.swap && !dl.mirror && dl.swap);
    /* turned round (after a roll): mirrored, the right side's limbs swapped so the right still works */
    PoseDraw tr = pose_move_draw(&m, SIDES_RIGHT, true), tl = pose_move_draw(&m, SIDES_LEFT, true);
    CHECK(tr.mirror && tr.swap && tl.mirror && !tl.swap);
    pose_move_figure_at(&m, ANIM_HOLD, 1000, 4000, 0, dr.swap, &right);
    pose_move_figure_at(&m, ANIM_HOLD, 1000, 4000, 0, dl.swap, &left);
    float br[4] = {1e9f, -1e9f, 1e9f, -1e9f}, bl[4] = {1e9f, -1e9f, 1e9f, -1e9f};
    pose_figure_extent(&right, &br[0], &br[1], &br[2], &br[3]);
    pose_figure_extent(&left, &bl[0], &bl[1], &bl[2], &bl[3]);
    for (int i = 0; i < 4; i++)
        CHECK(fabsf(br[i] - bl[i]) < 1e-5f);
    lit = 0;
    for (int g = 0; g < left.count; g++)
        lit += left.groups[g].highlight ? 1 << left.groups[g].id : 0;
    CHECK_INT(lit, 1 << POSE_GROUP_FAR_LEG);
    pose_move_free(&m);
}

/* A `contacts` line after a key changes the contacts from that key on; two keys at one time are a
 * cut (the pose jumps there); `flip` is never eased and mirrors the figure about the hip. */
static void test_cut_and_contacts(void)
{
    CHECK_INT(parse("move m\nsection breath 2\ncontacts feet\nkey 0 pelvis=180\ncontacts pelvis\nkey 0.5 "
                    "hip=40\nkey 0.5 pelvis=0 flip=1\ncontacts\nkey 1 hip=0\n"),
              0);
    const PoseSection *sec = &pf.sections[0];
    unsigned feet = (1u << CONTACT_NEAR_FOOT) | (1u << CONTACT_FAR_FOOT), pelvis = 1u << CONTACT_PELVIS;
    CHECK(sec->contacts == feet && sec->keys[0].contacts == pelvis && sec->keys[1].contacts == pelvis);
    CHECK(sec->keys[2].contacts == 0 && sec->keys[3].contacts == 0);
    CHECK(pose_section_contacts(sec, 0.2f) == pelvis && pose_section_contacts(sec, 0.7f) == 0);
    Pose before, after, late;
    pose_section_at(sec, 0.499f, &before);
    pose_section_at(sec, 0.5f, &after);
    pose_section_at(sec, 0.75f, &late);
    CHECK(before.v[POSE_PELVIS] == 180.0f && before.v[POSE_FLIP] == 0.0f && fabsf(before.v[POSE_HIP_N] - 40.0f) < 0.1f);
    CHECK(after.v[POSE_PELVIS] == 0.0f && after.v[POSE_FLIP] == 1.0f && after.v[POSE_HIP_N] == 40.0f);
    CHECK(late.v[POSE_FLIP] == 1.0f && late.v[POSE_HIP_N] == 20.0f);
    /* flip: the same pose drawn mirrored about the hip joint */
    PoseFigure a, b;
    Pose p = late;
    p.v[POSE_FLIP] = 0.0f;
    int order[POSE_ORDER_COUNT];
    pose_order_default(order);
    pose_figure_build(&p, order, &a);
    pose_figure_build(&late, order, &b);
    CHECK_INT(a.count, b.count);
    float worst = 0.0f;
    for (int g = 0; g < a.count; g++)
        for (int i = 0; i < a.groups[g].count; i++) {
            const PosePart *q = &a.groups[g].parts[i], *r = &b.groups[g].parts[i];
            worst = fmaxf(worst, fabsf(q->ax + r->ax - 2.0f * p.v[POSE_X]) + fabsf(q->ay - r->ay));
        }
    CHECK(worst < 1e-5f);
}

/* Where a group of figure fig is painted (its index), or -1; *parts gets its part count. */
static int group_at(const PoseFigure *fig, int id, int *parts)
{
    for (int g = 0; g < fig->count; g++)
        if (fig->groups[g].id == id && (id != POSE_GROUP_TORSO || g == 0 || fig->groups[g - 1].id != id)) {
            *parts = fig->groups[g].count;
            return g;
        }
    *parts = 0;
    return -1;
}

/* other_side away (the twists): the other side drawn the same way round, turned away from the
 * viewer: near and far swapped, twist and look negated, painted back to front in reverse (the near
 * shin painted apart becomes the far shin, in front of the near leg); the same outline. */
static void test_other_side_away(void)
{
    int order[POSE_ORDER_COUNT], away[POSE_ORDER_COUNT], back[POSE_ORDER_COUNT];
    pose_order_default(order);
    pose_order_away(order, away);
    CHECK(memcmp(order, away, sizeof order) == 0); /* a symmetric order is its own */
    CHECK_INT(parse("move m\nside right\nother_side away\norder near_arm near_shin far_leg torso near_leg far_arm\n"
                    "section breath 2\ncontacts pelvis feet\nkey 0 x=0 pelvis=95 hip=150,88 knee=120,0 twist=55 "
                    "look=100 shoulder=-14,30 elbow=0,62\nkey 1\n"),
              0);
    CHECK(pf.other_side == POSE_OTHER_AWAY);
    pose_order_away(pf.order, away);
    static const int want[POSE_ORDER_COUNT] = {POSE_GROUP_NEAR_ARM, POSE_GROUP_FAR_LEG,  POSE_GROUP_TORSO,
                                               POSE_GROUP_NEAR_LEG, POSE_GROUP_FAR_SHIN, POSE_GROUP_FAR_ARM};
    CHECK(memcmp(away, want, sizeof want) == 0);
    pose_order_away(away, back);
    CHECK(memcmp(back, pf.order, sizeof back) == 0); /* turned away twice: as keyed */
    PoseMove m;
    CHECK_INT(pose_move_init(&m, &pf), 0);
    PoseDraw dl = pose_move_draw(&m, SIDES_LEFT, false);
    CHECK(pose_move_swapped(&m, SIDES_LEFT) && !pose_move_mirrored(&m, SIDES_LEFT) && dl.swap && !dl.mirror);
    PoseFigure right, left;
    pose_move_figure_at(&m, ANIM_HOLD, 1000, 4000, 0, false, &right);
    pose_move_figure_at(&m, ANIM_HOLD, 1000, 4000, 0, true, &left);
    float br[4] = {1e9f, -1e9f, 1e9f, -1e9f}, bl[4] = {1e9f, -1e9f, 1e9f, -1e9f};
    pose_figure_extent(&right, &br[0], &br[1], &br[2], &br[3]);
    pose_figure_extent(&left, &bl[0], &bl[1], &bl[2], &bl[3]);
    for (int i = 0; i < 4; i++)
        CHECK(fabsf(br[i] - bl[i]) < 1e-5f); /* the same outline */
    int parts, near_leg = group_at(&left, POSE_GROUP_NEAR_LEG, &parts),
               far_shin = group_at(&left, POSE_GROUP_FAR_SHIN, &parts);
    CHECK(near_leg >= 0 && far_shin > near_leg && parts > 1); /* the far foot in front of the near leg */
    CHECK(group_at(&left, POSE_GROUP_NEAR_SHIN, &parts) < 0);
    int far_arm = group_at(&left, POSE_GROUP_FAR_ARM, &parts), near_arm = group_at(&left, POSE_GROUP_NEAR_ARM, &parts);
    CHECK(near_arm >= 0 && far_arm > near_arm); /* the hooking arm (now near) behind, the propping one in front */
    /* the face turned away, on past the back of the head to a profile looking back over the far
     * shoulder (physio review s29: turned away only as keyed, no eye and the hair over the back of
     * the head, the side did not read as a twist): one eye, behind the head's centre */
    int eyes_right = 0, eyes_left = 0;
    float eye_left_x = 0.0f, head_left_x = 0.0f;
    for (int g = 0; g < right.count; g++)
        for (int i = 0; i < right.groups[g].count; i++)
            eyes_right += strcmp(right.groups[g].parts[i].name, "eye") == 0;
    for (int g = 0; g < left.count; g++)
        for (int i = 0; i < left.groups[g].count; i++) {
            const PosePart *q = &left.groups[g].parts[i];
            if (strcmp(q->name, "eye") == 0)
                eyes_left++, eye_left_x = q->ax;
            if (strcmp(q->name, "head") == 0)
                head_left_x = q->ax;
        }
    CHECK(eyes_right == 2 && eyes_left == 1);
    CHECK(eye_left_x < head_left_x - 0.03f); /* looking back: the eye 0.048 H behind the centre */
    pose_move_free(&m);
}

/* The paint order: five groups, the near leg one limb; or six, the near shin and foot painted
 * where `near_shin` stands (the twist's foot set beyond the far leg); an `order` line after a key
 * changes it from that key on (the foot lifted over the far leg). */
static void test_paint_order(void)
{
    CHECK_INT(parse("move m\norder near_arm far_leg torso near_leg far_arm\nsection breath 2\ncontacts pelvis\n"
                    "key 0 hip=90,90\nkey 0.5 hip=150,90 knee=120,0\norder near_arm near_shin far_leg torso near_leg "
                    "far_arm\nkey 1\n"),
              0);
    PoseMove m;
    CHECK_INT(pose_move_init(&m, &pf), 0);
    PoseFigure fig;
    int parts, shin_parts, leg_parts;
    pose_move_sample_figure(&m, 0, &fig); /* before the order line: the near leg is one group */
    CHECK(group_at(&fig, POSE_GROUP_NEAR_SHIN, &parts) < 0);
    CHECK(group_at(&fig, POSE_GROUP_NEAR_LEG, &leg_parts) > group_at(&fig, POSE_GROUP_FAR_LEG, &parts));
    CHECK_INT(leg_parts, 6); /* thigh, shank, heel and three of the foot */
    pose_move_sample_figure(&m, m.meta.frames - 1, &fig); /* after it: the shin behind the far leg */
    int shin = group_at(&fig, POSE_GROUP_NEAR_SHIN, &shin_parts);
    int far_leg = group_at(&fig, POSE_GROUP_FAR_LEG, &parts);
    int near_leg = group_at(&fig, POSE_GROUP_NEAR_LEG, &leg_parts);
    CHECK(shin >= 0 && shin < far_leg && far_leg < near_leg);
    CHECK_INT(shin_parts, 5);
    CHECK_INT(leg_parts, 1);
    CHECK_STR(fig.groups[near_leg].parts[0].name, "thigh");
    CHECK_STR(fig.groups[shin].name, "near_"); /* its foot still counts as the near foot */
    pose_move_free(&m);
    /* six names with near_shin right before near_leg draw one limb, as five names do */
    CHECK_INT(
        parse("move m\norder far_arm far_leg torso near_shin near_leg near_arm\nsection breath 2\nkey 0\nkey 1\n"), 0);
    CHECK_INT(pose_move_init(&m, &pf), 0);
    pose_move_sample_figure(&m, 0, &fig);
    CHECK(group_at(&fig, POSE_GROUP_NEAR_SHIN, &parts) < 0);
    pose_move_free(&m);
}

static void test_errors(void)
{
    static const struct {
        const char *src;
        int line, col;
        const char *needle;
    } cases[] = {
        {GOOD "key 0.5\n", 7, 5, "key times must rise"},
        {"move m\nsection cycle 2\nkey 0 hip=nan\nkey 1\n", 3, 7, "bad value in hip=nan"},
        {"move m\nsection cycle 2\nkey 0 knee=inf\nkey 1\n", 3, 7, "bad value"},
        {"move m\nsection cycle 2\nkey 0 x=1e30\nkey 1\n", 3, 7, "bad value"},
        {"move m\nsection cycle 2\nkey 0 hip=1,2,3\nkey 1\n", 3, 7, "bad value"},
        {"move m\nsection cycle 2\nkey 0  elbw=3\nkey 1\n", 3, 8, "unknown field elbw=3"},
        {"move m\nsection cycle 2\ncontacts feet tail\nkey 0\nkey 1\n", 3, 15, "unknown contact tail"},
        {"move m\nsection cycle nan\nkey 0\nkey 1\n", 2, 15, "section length"},
        {"move m\nsection warmup 2\n", 2, 9, "section must be"},
        {"move m\nfps 0\nsection cycle 2\nkey 0\nkey 1\n", 2, 5, "fps"},
        {"move m\nsection cycle 2 1\nkey 0\nkey 1\n", 2, 17, "frame count"},
        {"move m\nside up\n", 2, 6, "side must be"},
        {"move m\nside right\nother_side flipped\n", 3, 12, "other_side must be mirror, far or away"},
        {"move m\nother_side far\nsection cycle 2\nkey 0\nkey 1\n", 1, 1, "other_side needs a side line"},
        {"move m\ncontacts feet\n", 2, 1, "contacts before any section"},
        {"move m\nwobble 3\n", 2, 1, "unknown line wobble"},
        {"move m\nhighlight near_arm tail\n", 2, 20, "highlight names limbs"},
        {"section cycle 2\nkey 0\nkey 1\n", 1, 1, "no move line"},
        {"move m\nsection intro 2\nkey 0\nkey 1\n", 1, 1, "needs a breath or a cycle"},
        {"move m\nsection cycle 2\nkey 0\nkey 0.5\n", 2, 1, "needs keys at 0 and at 1"},
        {"move m\nshowcase outro 0.5\nsection cycle 2\nkey 0\nkey 1\n", 2, 10, "showcase names no section"},
        {"move m\nsection intro 2\nready 1\nkey 0\nkey 1\n", 3, 7, "ready time must be"},
        {"move m\nready 0.5\nsection cycle 2\nkey 0\nkey 1\n", 2, 1, "ready needs an intro and a breath"},
        {"move m\norder torso torso far_arm near_leg near_arm\n", 2, 13, "order names each"},
        {"move m\norder near_shin torso far_arm near_leg near_arm\n", 2, 7, "order names each"},
        {"move m\norder far_arm far_leg torso near_leg near_arm far_leg\n", 2, 47, "order names each"},
        {"move m\nhighlight near_shin\n", 2, 11, "highlight names limbs"},
        {"move m\x01\n", 1, 7, "unexpected byte 0x01"},
        {"move m\nsection cycle 2\nkey 0\nkey 0\nkey 1\n", 4, 5, "a time given twice is a cut"},
        {"move m\nsection cycle 2\nkey 0\nkey 0.5\nkey 0.5\nkey 0.5\nkey 1\n", 6, 5, "key times must rise"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int rc = parse(cases[i].src);
        CHECK_INT(rc, -1);
        if (!has_error(cases[i].line, cases[i].col, cases[i].needle))
            fprintf(stderr, "case %zu: wanted %d:%d %s\n", i, cases[i].line, cases[i].col, cases[i].needle);
        CHECK(has_error(cases[i].line, cases[i].col, cases[i].needle));
    }
    /* too big, too long a line: refused, never read past */
    size_t big = POSE_MAX_FILE_BYTES + 10;
    char *buf = malloc(big);
    memset(buf, 'x', big);
    memset(&errs, 0, sizeof errs);
    CHECK_INT(pose_parse("t.pose", buf, big, &pf, &errs), -1);
    memset(&errs, 0, sizeof errs);
    CHECK_INT(pose_parse("t.pose", buf, POSE_MAX_LINE + 5, &pf, &errs), -1);
    CHECK(errs.count >= 1 && strstr(errs.items[0].message, "line is longer"));
    free(buf);
}

/* The figure fills the stage: on each stage a window shows it in (the workout stage at 1080p and
 * 4K, the menu's space between its badges and buttons, the kiosk's), its box over every sample
 * of the move takes at least 80% of the stage's width or height, whichever binds first, and
 * stays inside the stage; it is painted at that size (no scaling afterwards). A painted sample
 * touches no pixel outside figpaint_box, and is mirrored exactly when flipped. */
static void check_fills_stage(const PoseMove *m, const char *name)
{
    static const int stages[][2] = {{1072, 700}, {2144, 1400}, {1072, 420}, {900, 640}, {640, 900}};
    for (size_t i = 0; i < sizeof stages / sizeof stages[0]; i++) {
        int w = stages[i][0], h = stages[i][1];
        FigLayout lay;
        figpaint_fit(m, w, h, false, &lay);
        float x0 = 1e9f, x1 = -1e9f, y0 = 1e9f, y1 = -1e9f;
        for (int k = 0; k < m->meta.frames; k++) {
            PoseFigure fig;
            pose_move_sample_figure(m, k, &fig);
            float a = 1e9f, b = -1e9f, c = 1e9f, d = -1e9f;
            pose_figure_extent(&fig, &a, &b, &c, &d);
            x0 = fminf(x0, lay.place.ox + a * lay.place.scale), x1 = fmaxf(x1, lay.place.ox + b * lay.place.scale);
            y0 = fminf(y0, lay.place.oy - d * lay.place.scale), y1 = fmaxf(y1, lay.place.oy - c * lay.place.scale);
        }
        float fw = (x1 - x0) / (float)w, fh = (y1 - y0) / (float)h;
        if (i == 0)
            printf("%-18s fills %.2f of the stage's width, %.2f of its height\n", name, fw, fh);
        CHECK(fw >= 0.80f || fh >= 0.80f);
        CHECK(x0 >= 0.0f && x1 <= (float)w && y0 >= 0.0f && y1 <= (float)h);
        CHECK(lay.mat_y + lay.mat_h <= (float)h && lay.mat_x0 >= 0.0f && lay.mat_x1 <= (float)w);
    }
    /* paint the middle sample on a canvas with room around it, and its mirror image */
    int w = 1072, h = 700;
    uint32_t *px = calloc((size_t)w * (size_t)h * 2, sizeof *px);
    CHECK(px != NULL);
    if (!px)
        return;
    PoseFigure fig;
    pose_move_sample_figure(m, m->meta.frames / 2, &fig);
    int outside = 0, painted = 0, unmirrored = 0;
    for (int flip = 0; flip < 2; flip++) {
        FigLayout lay;
        figpaint_fit(m, w, h, flip, &lay);
        int bx0, by0, bx1, by1;
        figpaint_box(&fig, &lay.place, &bx0, &by0, &bx1, &by1);
        FigCanvas cv = {px + (size_t)flip * (size_t)w * (size_t)h, w, w, h};
        figpaint_figure(&cv, &fig, &lay.place, 0, 0);
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                if (cv.px[(size_t)y * (size_t)w + (size_t)x]) {
                    painted += !flip;
                    outside += x < bx0 || x >= bx1 || y < by0 || y >= by1;
                }
    }
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
            unmirrored += (px[(size_t)y * (size_t)w + (size_t)x] >> 24 > 127) !=
                          (px[(size_t)(h + y) * (size_t)w + (size_t)(w - 1 - x)] >> 24 > 127);
    CHECK(painted > 20000);
    CHECK_INT(outside, 0);
    CHECK(unmirrored < painted / 200);
    free(px);
}

/* What a patient sees in each phase fills the stage too: through a 20 s hold the camera
 * (figpaint_fit_at) keeps every moment's figure inside the stage, and the held pose breathing
 * takes at least 80% of the width or height, whichever binds first (a low pose such as child's
 * pose is not left small in a box sized for the kneeling start). Returns the hold's fill of the
 * first stage's binding side. */
static float check_hold_fills_stage(const PoseMove *m, const char *name)
{
    static const int stages[][2] = {{1072, 700}, {2144, 1400}, {1072, 420}, {900, 640}, {640, 900}};
    float first = 0.0f;
    for (size_t i = 0; i < sizeof stages / sizeof stages[0]; i++) {
        int w = stages[i][0], h = stages[i][1], outside = 0;
        float x0 = 1e9f, x1 = -1e9f, y0 = 1e9f, y1 = -1e9f;
        for (int t = 0; t <= 20000; t += 100) {
            FigLayout lay;
            PoseFigure fig;
            figpaint_fit_at(m, ANIM_HOLD, t, 20000, 0, w, h, false, &lay);
            pose_move_figure_at(m, ANIM_HOLD, t, 20000, 0, false, &fig);
            float a = 1e9f, b = -1e9f, c = 1e9f, d = -1e9f;
            pose_figure_extent(&fig, &a, &b, &c, &d);
            float px0 = lay.place.ox + a * lay.place.scale, px1 = lay.place.ox + b * lay.place.scale;
            float py0 = lay.place.oy - d * lay.place.scale, py1 = lay.place.oy - c * lay.place.scale;
            outside += px0 < -0.5f || px1 > (float)w + 0.5f || py0 < -0.5f || py1 > (float)h + 0.5f;
            SheetFrame f;
            sheet_frame_at(&m->meta, ANIM_HOLD, t, 20000, 0, &f);
            if (f.a >= m->meta.breath.first && f.b <= m->meta.breath.last) /* held, breathing */
                x0 = fminf(x0, px0), x1 = fmaxf(x1, px1), y0 = fminf(y0, py0), y1 = fmaxf(y1, py1);
        }
        float fw = (x1 - x0) / (float)w, fh = (y1 - y0) / (float)h;
        if (i == 0) {
            printf("%-26s held: fills %.2f of the stage's width, %.2f of its height\n", name, fw, fh);
            first = fmaxf(fw, fh);
        }
        if (outside)
            fprintf(stderr, "%s: %d moments of a hold outside a %dx%d stage\n", name, outside, w, h);
        CHECK_INT(outside, 0);
        CHECK(fw >= 0.80f || fh >= 0.80f);
    }
    return first;
}

/* The chair: a key's chair=1 puts it under the figure; the pelvis rests on its seat and the feet
 * on the floor in every sample; the figure's box holds the chair; nothing may pass through the
 * seat or the torso through the back, and the check says so at the key's line. */
static void test_chair(void)
{
    const char *seated = "move sit\nside none\nsection breath 2\ncontacts pelvis feet\n"
                         "key 0 chair=1 x=0 pelvis=90 spine=-3,0,3,2 hip=70,70 knee=60,60 ankle=10,10\n"
                         "key 0.5 chest=1\nkey 1 chest=0\n";
    CHECK_INT(parse(seated), 0);
    CHECK(pf.sections[0].keys[0].pose.v[POSE_CHAIR] == 1.0f && pf.sections[0].keys[2].pose.v[POSE_CHAIR] == 1.0f);
    CHECK_INT(pose_file_position(&pf), POSITION_ON_CHAIR);
    PoseMove m;
    CHECK_INT(pose_move_init(&m, &pf), 0);
    int off = 0;
    for (int k = 0; k < m.meta.frames; k++) {
        PoseFigure fig;
        pose_move_sample_figure(&m, k, &fig);
        CHECK(fig.chair);
        float pelvis = 1e9f, feet = 1e9f, lowest = 1e9f;
        for (int g = 0; g < fig.count; g++)
            for (int i = 0; i < fig.groups[g].count; i++) {
                const PosePart *q = &fig.groups[g].parts[i];
                float y = fminf(q->ay - q->ra, q->by - q->rb);
                if (!fig.groups[g].flat && !q->clip)
                    lowest = fminf(lowest, y);
                if (strcmp(q->name, "pelvis") == 0)
                    pelvis = fminf(pelvis, y);
                if (strcmp(q->name, "foot") == 0 || strcmp(q->name, "heel") == 0 || strcmp(q->name, "toes") == 0)
                    feet = fminf(feet, y);
            }
        /* keyed with the knees too straight for the seat's height: the solver bends them */
        off += fabsf(pelvis - POSE_CHAIR_SEAT_H) > POSE_CONTACT_TOL_H || fabsf(feet) > POSE_CONTACT_TOL_H ||
               lowest < -POSE_CONTACT_TOL_H;
    }
    CHECK_INT(off, 0);
    CHECK(m.x0 <= POSE_CHAIR_BACK_X - POSE_CHAIR_BACK_T && m.y1 >= POSE_CHAIR_TOP_H && m.x1 >= POSE_CHAIR_FRONT_X);
    memset(&errs, 0, sizeof errs);
    CHECK_INT(pose_move_check(&m, "t.pose", &errs), 0);
    /* chair=0 again from a key on: no chair from there (a cut, never eased) */
    Pose at;
    pose_section_at(&pf.sections[0], 0.7f, &at);
    CHECK(at.v[POSE_CHAIR] == 1.0f);
    pose_move_free(&m);

    /* standing inside the chair, resting on the lowest point (no contacts, so no solve): the legs
     * pass through the seat */
    CHECK_INT(parse("move m\nsection breath 1\nkey 0 chair=1 x=-0.05 pelvis=90\nkey 1\n"), 0);
    CHECK_INT(pose_move_init(&m, &pf), 0);
    char faults[256];
    CHECK(pose_move_check_sample(&m, 0, faults, sizeof faults, NULL) > 0);
    CHECK(strstr(faults, "into the chair") != NULL);
    memset(&errs, 0, sizeof errs);
    CHECK(pose_move_check(&m, "t.pose", &errs) > 0);
    CHECK(has_error(3, 1, "into the chair"));
    pose_move_free(&m);
    /* the same without the chair: nothing to pass through */
    CHECK_INT(parse("move m\nsection breath 1\nkey 0 x=-0.05 pelvis=90\nkey 1\n"), 0);
    CHECK_INT(pose_move_init(&m, &pf), 0);
    CHECK_INT(pose_move_check_sample(&m, 0, NULL, 0, NULL), 0);
    pose_move_free(&m);

    /* a torso part in the chair's back goes into it; a hand there reaches past it at its side */
    PoseFigure fig;
    memset(&fig, 0, sizeof fig);
    fig.chair = 1, fig.count = 2;
    float bx = POSE_CHAIR_BACK_X - POSE_CHAIR_BACK_T * 0.5f, by = POSE_CHAIR_SEAT_H + 0.15f;
    PosePart in_back = {bx, by, bx, by + 0.05f, 0.03f, 0.03f, {0, 0, 0}, 0, 0, 0, 0, "trunk"};
    fig.groups[0].name = "", fig.groups[0].count = 1, fig.groups[0].parts[0] = in_back;
    in_back.name = "hand";
    fig.groups[1].name = "near_", fig.groups[1].count = 1, fig.groups[1].parts[0] = in_back;
    CHECK(pose_chair_depth(&fig, &fig.groups[0], &fig.groups[0].parts[0], 0.0f) > 0.03f);
    CHECK(pose_chair_depth(&fig, &fig.groups[1], &fig.groups[1].parts[0], 0.0f) == 0.0f);
    /* ... but not through the seat; and with the floor lower, the same part is clear of it */
    PosePart in_seat = {
        0.0f, POSE_CHAIR_SEAT_H - 0.01f, 0.05f, POSE_CHAIR_SEAT_H - 0.01f, 0.02f, 0.02f, {0, 0, 0}, 0, 0, 0, 0, "hand"};
    fig.groups[1].parts[0] = in_seat;
    CHECK(pose_chair_depth(&fig, &fig.groups[1], &fig.groups[1].parts[0], 0.0f) > 0.025f);
    CHECK(pose_chair_depth(&fig, &fig.groups[1], &fig.groups[1].parts[0], 0.2f) == 0.0f);
    fig.chair = 0;
    CHECK(pose_chair_depth(&fig, &fig.groups[0], &fig.groups[0].parts[0], 0.0f) == 0.0f);

    /* a pelvis keyed in front of the seat is not on it */
    CHECK_INT(parse("move m\nsection breath 1\ncontacts pelvis feet\nkey 0 chair=1 x=0.3 pelvis=90 hip=84,84 "
                    "knee=84,84\nkey 1\n"),
              0);
    CHECK_INT(pose_move_init(&m, &pf), 0);
    CHECK(pose_move_check_sample(&m, 0, faults, sizeof faults, NULL) > 0);
    CHECK(strstr(faults, "pelvis beside the seat") != NULL);
    pose_move_free(&m);
}

/* A sided move a person does lying, on all fours or kneeling on the mat keeps one orientation
 * (`other_side far`): they stay the way they lie and use the other limb. Sitting (the twists, on
 * the mat or a chair) they stay where they sit and turn the other way (`other_side away`: seen from
 * behind, the chest and face turned away); they never spin round on the mat. Standing, the other
 * side is the mirror image (the side bend faces the viewer). Drawn swapped, every sample rests on
 * its (swapped) contacts with nothing below the mat, in the same outline as the side its poses show. */
static void check_other_side(const PoseMove *m, const char *name, MoveId id)
{
    const MoveInfo *info = moves_info(id);
    /* the catalogue's rule (the session draws by it) and the pose file agree */
    bool sits = info->position == POSITION_SITTING || info->position == POSITION_ON_CHAIR;
    CHECK(m->file.other_side == (!moves_same_way_round(info) ? POSE_OTHER_MIRROR
                                 : sits                      ? POSE_OTHER_AWAY
                                                             : POSE_OTHER_FAR));
    /* a way that ends turned round (drawn mirrored about the hip) says so in WAYS: what follows
     * it is drawn turned too */
    CHECK((m->samples[m->meta.frames - 1].v[POSE_FLIP] >= 0.5f) == moves_way_turns(id));
    CHECK(pose_move_swapped(m, SIDES_LEFT) == (m->file.other_side != POSE_OTHER_MIRROR && info->sided));
    CHECK(pose_move_mirrored(m, SIDES_LEFT) == (m->file.other_side == POSE_OTHER_MIRROR && info->sided));
    CHECK(!pose_move_swapped(m, SIDES_RIGHT) && !pose_move_mirrored(m, SIDES_RIGHT));
    if (!pose_move_swapped(m, SIDES_LEFT))
        return;
    int faulty = 0, moved = 0;
    float worst = 0.0f;
    for (int k = 0; k < m->meta.frames; k++) {
        PoseFigure fig, shown;
        float low[CONTACT_COUNT], low_shown[CONTACT_COUNT];
        pose_move_sample_figure_swapped(m, k, &fig);
        pose_move_sample_figure(m, k, &shown);
        unsigned contacts = pose_contacts_swapped(m->sample_contacts[k]);
        float ground = pose_figure_ground(&fig, contacts, low), bad = 0.0f;
        pose_figure_ground(&shown, m->sample_contacts[k], low_shown);
        for (int c = 0; c < CONTACT_COUNT; c++) {
            if (contacts & (1u << c))
                bad = fmaxf(bad, low[c] - ground);
            int was = c >= CONTACT_NEAR_HAND ? c + ((c - CONTACT_NEAR_HAND) % 2 == 0 ? 1 : -1) : c;
            moved += fabsf(low[c] - low_shown[was]) > 1e-5f; /* each part where its other-side twin was */
        }
        float lowest = pose_figure_ground(&fig, 0, low);
        worst = fmaxf(worst, bad);
        faulty += bad > POSE_CONTACT_TOL_H || fabsf(ground) > POSE_CONTACT_TOL_H || lowest < -POSE_CONTACT_TOL_H;
        float a[4] = {1e9f, -1e9f, 1e9f, -1e9f}, b[4] = {1e9f, -1e9f, 1e9f, -1e9f};
        pose_figure_extent(&fig, &a[0], &a[1], &a[2], &a[3]);
        pose_figure_extent(&shown, &b[0], &b[1], &b[2], &b[3]);
        /* the box: the same but for the hair's edge over the crown of a head turned away (`other_side
         * away`), which turns on to look back over the far shoulder about the vertical, not about its
         * own axis (up to 0.00006 H: 0.06 px at 1000 px a body height) */
        for (int i = 0; i < 4; i++)
            moved += fabsf(a[i] - b[i]) > 1e-4f;
        /* the working limbs swap: a near_ group lit on the shown side is the far_ one here */
        for (int g = 0; g < fig.count; g++) {
            int gid = fig.groups[g].id == POSE_GROUP_NEAR_SHIN  ? POSE_GROUP_NEAR_LEG
                      : fig.groups[g].id == POSE_GROUP_FAR_SHIN ? POSE_GROUP_FAR_LEG
                                                                : fig.groups[g].id;
            int twin = gid == POSE_GROUP_NEAR_ARM   ? POSE_GROUP_FAR_ARM
                       : gid == POSE_GROUP_FAR_ARM  ? POSE_GROUP_NEAR_ARM
                       : gid == POSE_GROUP_NEAR_LEG ? POSE_GROUP_FAR_LEG
                       : gid == POSE_GROUP_FAR_LEG  ? POSE_GROUP_NEAR_LEG
                                                    : gid;
            if (gid != POSE_GROUP_TORSO)
                faulty += fig.groups[g].highlight != (int)((m->file.highlight >> twin) & 1u);
        }
    }
    printf("%-18s other side the same way round: highest required contact %.4f H off the mat, %d faulty, %d "
           "moved\n",
           name, worst, faulty, moved);
    CHECK_INT(faulty, 0);
    CHECK_INT(moved, 0);
}

/* How far the figure drawn at one moment of m (mode, ms, len, hold; near and far swapped when
 * swap) breaks the contact rule, in H: its highest required contact (the nearer sample's, as
 * drawn) above the mat, or its lowest part below it, whichever is more. */
static float drawn_fault(const PoseMove *m, AnimMode mode, int ms, int len, int hold, bool swap)
{
    PoseFigure fig;
    pose_move_figure_at(m, mode, ms, len, hold, swap, &fig);
    SheetFrame f;
    sheet_frame_at(&m->meta, mode, ms, len, hold, &f);
    unsigned c = m->sample_contacts[f.blend < 0.5f ? f.a : f.b];
    if (swap)
        c = pose_contacts_swapped(c);
    float low[CONTACT_COUNT], ground = pose_figure_ground(&fig, c, low), worst = fabsf(ground);
    for (int k = 0; k < CONTACT_COUNT; k++)
        if (c & (1u << k))
            worst = fmaxf(worst, low[k] - ground);
    return fmaxf(worst, ground - pose_figure_ground(&fig, 0, low)); /* the lowest part below the mat */
}

/* Every figure drawn of m on the program's 30 Hz grid (sheet_grid_ms) at several rep tempos and
 * rep holds (two reps each), hold lengths (a short hold compresses the way in and out) and a
 * loop, on both sides when the other is drawn swapped. Returns the worst fault (drawn_fault) and
 * counts the faulty moments into *faulty. */
static float check_drawn(const PoseMove *m, const char *name, int *faulty)
{
    static const int reps[] = {3000, 4000, 5000, 7000, 10000}, rep_holds[] = {0, 1000, 3000};
    static const int holds[] = {3000, 5000, 8000, 15000, 30000};
    bool far = m->file.side != SIDES_NONE && m->file.other_side != POSE_OTHER_MIRROR;
    float worst = 0.0f;
    int moments = 0;
    *faulty = 0;
    for (int side = 0; side < (far ? 2 : 1); side++) {
        for (size_t r = 0; r < sizeof reps / sizeof reps[0]; r++)
            for (size_t h = 0; h < sizeof rep_holds / sizeof rep_holds[0]; h++) {
                int len = reps[r] + rep_holds[h], last = -1;
                for (int t = 0; t < 2 * len; t += 10) {
                    int ms = sheet_grid_ms(t);
                    if (ms == last)
                        continue;
                    last = ms, moments++;
                    float f = drawn_fault(m, ANIM_REPS, ms, len, rep_holds[h], side == 1);
                    worst = fmaxf(worst, f);
                    *faulty += f > POSE_CONTACT_TOL_H;
                }
            }
        for (size_t h = 0; h < sizeof holds / sizeof holds[0]; h++)
            for (int t = 0, last = -1; t <= holds[h]; t += 10) {
                int ms = sheet_grid_ms(t);
                if (ms == last)
                    continue;
                last = ms, moments++;
                float f = drawn_fault(m, ANIM_HOLD, ms, holds[h], 0, side == 1);
                worst = fmaxf(worst, f);
                *faulty += f > POSE_CONTACT_TOL_H;
            }
        for (int t = 0, last = -1; t <= 12000; t += 10) {
            int ms = sheet_grid_ms(t);
            if (ms == last)
                continue;
            last = ms, moments++;
            float f = drawn_fault(m, ANIM_LOOP, ms, 0, 0, side == 1);
            worst = fmaxf(worst, f);
            *faulty += f > POSE_CONTACT_TOL_H;
        }
    }
    printf("%-18s %6d moments drawn on the 30 Hz grid, worst %.1f px off or below the mat, %d faulty\n", name, moments,
           (double)(worst / POSE_CONTACT_TOL_H * 2.0f), *faulty);
    return worst;
}

/* The pairs of m's samples drawn as cuts (not a flip, a chair or two sections: eased poses
 * between them would float or sink): each is drawn exactly as its nearer sample and passes the
 * check of drawn frames, and eased instead it floats or sinks (*floated); an eased pair is drawn
 * between its samples. Returns how many cut pairs it checked. */
static int check_cut_pairs(PoseMove *m, int *floated)
{
    int cuts = 0;
    for (int k = 0; k + 1 < m->meta.frames; k++) {
        if (m->sample_section[k] != m->sample_section[k + 1] || !pose_move_pair_cut(m, k) ||
            m->samples[k].v[POSE_FLIP] != m->samples[k + 1].v[POSE_FLIP] ||
            m->samples[k].v[POSE_CHAIR] != m->samples[k + 1].v[POSE_CHAIR])
            continue;
        cuts++;
        /* drawn as the nearer sample, exactly */
        PoseFigure drawn, sample;
        pose_move_blend_at(m, k, 0.3f, false, &drawn);
        pose_move_sample_figure(m, k, &sample);
        CHECK(figure_moved(&drawn, &sample) == 0.0f);
        pose_move_blend_at(m, k, 0.7f, false, &drawn);
        pose_move_sample_figure(m, k + 1, &sample);
        CHECK(figure_moved(&drawn, &sample) == 0.0f);
        CHECK_INT(pose_move_check_drawn(m, k, NULL, 0, NULL), 0);
        /* eased instead, some pose between would float or sink, and the check says so */
        m->sample_cut[k] = 0;
        CHECK(!pose_move_pair_cut(m, k));
        int faults = pose_move_check_drawn(m, k, NULL, 0, NULL);
        for (int i = 1; i < 16; i++)
            faults += pose_move_check_blend(m, k, (float)i / 16.0f, NULL, 0, NULL);
        *floated += faults > 0;
        m->sample_cut[k] = 1;
    }
    /* an eased pair is drawn between its samples: neither the one nor the other */
    for (int k = 0; k + 1 < m->meta.frames; k++)
        if (!pose_move_pair_cut(m, k)) {
            PoseFigure a, b, mid;
            pose_move_sample_figure(m, k, &a);
            pose_move_sample_figure(m, k + 1, &b);
            pose_move_blend_at(m, k, 0.5f, false, &mid);
            if (figure_moved(&a, &b) > 0.001f) {
                CHECK(figure_moved(&mid, &a) > 0.0f && figure_moved(&mid, &b) > 0.0f);
                break;
            }
        }
    return cuts;
}

/* A pair of samples whose eased poses would float is drawn as a cut: shown as one sample, then
 * the next, and the check of drawn frames would catch it if it were eased. Always on a file made
 * here to have cuts (from all fours down to child's pose in 0.1 s: 4 samples, big steps), so
 * the test checks something when the catalogue is re-keyed smooth; and on the first catalogue
 * file with such pairs, while any is keyed so. */
static void test_blend_cuts(void)
{
    const char *steep = "move steep\nsection breath 0.1\ncontacts hands knees feet\n"
                        "key 0.0 x=0 pelvis=13 spine=-0.5,-0.3,-0.1,0.1 neck=0 head=0 hip=77,77 knee=86,86 "
                        "ankle=77.7,77.7 shoulder=77,77 elbow=0,0 wrist=90,90\n"
                        "key 1.0 x=-0.235 pelvis=19.7 spine=9.8,5.7,6.9,8.5 neck=21.4 head=-1.8 hip=143.7,143.7 "
                        "knee=156.1,156.1 ankle=81.5,81.5 shoulder=171.7,171.7 elbow=0,0 wrist=19.4,19.4\n";
    int floated = 0;
    CHECK_INT(parse(steep), 0);
    PoseMove m;
    CHECK_INT(pose_move_init(&m, &pf), 0);
    int cuts = check_cut_pairs(&m, &floated);
    printf("a steep move: %d pairs drawn as cuts, %d of them float or sink when eased\n", cuts, floated);
    CHECK(cuts >= 1);
    CHECK_INT(floated, cuts);
    pose_move_free(&m);
    int catalogue = 0;
    floated = 0;
    for (int id = 0; id < MOVE_COUNT && catalogue == 0; id++) {
        static char src[POSE_MAX_FILE_BYTES];
        char path[256];
        snprintf(path, sizeof path, "assets/poses/%s.pose", moves_info((MoveId)id)->id);
        FILE *f = fopen(path, "rb");
        CHECK(f != NULL);
        if (!f)
            continue;
        size_t n = fread(src, 1, sizeof src, f);
        fclose(f);
        memset(&errs, 0, sizeof errs);
        CHECK_INT(pose_parse(path, src, n, &pf, &errs), 0);
        CHECK_INT(pose_move_init(&m, &pf), 0);
        catalogue = check_cut_pairs(&m, &floated);
        if (catalogue > 0)
            printf("%s: %d pairs drawn as cuts, %d of them float or sink when eased\n", moves_info((MoveId)id)->id,
                   catalogue, floated);
        pose_move_free(&m);
    }
    CHECK_INT(floated, catalogue);
}

/* PoseStop: stops once asked *(int *)ctx times more (< 0: never), counting down. */
static bool stop_after(void *ctx)
{
    int *left = ctx;
    return *left >= 0 && (*left)-- == 0;
}

/* pose_move_init_until stops between two samples when asked (a load no longer wanted: the
 * program's loader after Skip), freeing what it made, and solves as pose_move_init when not. */
static void test_stop(void)
{
    static PoseFile file;
    PoseMove whole, m;
    if (!load_move("cat_camel", &file, &whole))
        return;
    int left = 5; /* five samples, then stop */
    CHECK_INT(pose_move_init_until(&m, &file, stop_after, &left), -2);
    CHECK(m.samples == NULL && m.sample_reach == NULL && m.meta.frames == 0); /* freed (ASan: no leak) */
    CHECK_INT(left, -1); /* asked six times: it stopped at once */
    left = whole.meta.frames + 10; /* in the cut checks, after every sample */
    CHECK_INT(pose_move_init_until(&m, &file, stop_after, &left), -2);
    CHECK(m.samples == NULL);
    left = -1; /* never */
    CHECK_INT(pose_move_init_until(&m, &file, stop_after, &left), 0);
    CHECK_INT(m.meta.frames, whole.meta.frames);
    CHECK(memcmp(m.samples, whole.samples, sizeof *m.samples * (size_t)m.meta.frames) == 0);
    CHECK(memcmp(m.sample_cut, whole.sample_cut, (size_t)m.meta.frames) == 0);
    pose_move_free(&m);
    pose_move_free(&whole);
}

/* Every catalogue move's pose file parses, and every solved sample rests on its contacts. */
static void test_committed_moves(void)
{
    for (int id = 0; id < MOVE_COUNT; id++) {
        const char *name = moves_info((MoveId)id)->id;
        char path[256];
        snprintf(path, sizeof path, "assets/poses/%s.pose", name);
        FILE *f = fopen(path, "rb");
        CHECK(f != NULL);
        if (!f)
            continue;
        static char src[POSE_MAX_FILE_BYTES];
        size_t n = fread(src, 1, sizeof src, f);
        fclose(f);
        memset(&errs, 0, sizeof errs);
        int rc = pose_parse(path, src, n, &pf, &errs);
        if (rc != 0)
            has_error(0, 0, "");
        CHECK_INT(rc, 0);
        CHECK_STR(pf.move, name);
        CHECK(pf.side == (moves_info((MoveId)id)->sided ? SIDES_RIGHT : SIDES_NONE));
        PoseMove m;
        CHECK_INT(pose_move_init(&m, &pf), 0);
        int faulty = 0;
        float worst = 0.0f;
        for (int k = 0; k < m.meta.frames; k++) {
            PoseFigure fig;
            float low[CONTACT_COUNT];
            pose_move_sample_figure(&m, k, &fig);
            unsigned contacts = m.sample_contacts[k];
            float ground = pose_figure_ground(&fig, contacts, low), bad = 0.0f;
            for (int c = 0; c < CONTACT_COUNT; c++)
                if (contacts & (1u << c))
                    bad = fmaxf(bad, low[c] - ground);
            float lowest = pose_figure_ground(&fig, 0, low); /* the lowest point of any part */
            worst = fmaxf(worst, bad);
            faulty += bad > POSE_CONTACT_TOL_H || fabsf(ground) > POSE_CONTACT_TOL_H || lowest < -POSE_CONTACT_TOL_H;
            faulty += contacts == 0; /* every sample names what it rests on (no roll on one shoulder) */
        }
        printf("%-18s %4d samples, highest required contact %.4f H off the mat, %d faulty\n", name, m.meta.frames,
               worst, faulty);
        CHECK_INT(faulty, 0);
        /* the same rules as core applies to a physio's own move (pose_move_check): no error */
        memset(&errs, 0, sizeof errs);
        CHECK_INT(pose_move_check(&m, path, &errs), 0);
        CHECK_INT(errs.count, 0);
        /* where a move starts, as an own move's is worked out; a way starts where it comes from */
        Position want =
            moves_way_from((MoveId)id) != POSITION_NONE ? moves_way_from((MoveId)id) : moves_info((MoveId)id)->position;
        CHECK_INT(pose_file_position(&pf), want);
        /* a hold starts where its way in ends (the solver carries the joints on the way in and the
         * hold is solved from its keys): the spinal twist's hooking arm snapped 0.17 H onto the
         * knee, way_back_to_all_fours' hands slid 0.065 H as it ended, prone_on_elbows' forearms 0.023 H */
        /* a rep move played as a hold (a physio may write `hold` for any move) goes in by the part
         * of its rep nearest the held pose and out the shorter way back (pose_move_init): before,
         * it went in by the rep's first half and cut at the hold's start and end (cat-camel 0.11 H:
         * its held cat is at a quarter, its beat neutral; seated_pelvic_tilt 0.065; superman 0.041) */
        if (pose_section_find(&pf, "breath") >= 0) {
            PoseFigure in, held, held_end, out, start, end;
            pose_move_sample_figure(&m, m.meta.intro.last, &in);
            pose_move_sample_figure(&m, m.meta.breath.first, &held);
            pose_move_sample_figure(&m, m.meta.breath.last, &held_end);
            pose_move_sample_figure(&m, m.meta.outro.first, &out);
            float moved = figure_moved(&in, &held), moved_out = figure_moved(&held_end, &out);
            printf("%-18s the hold starts %.4f H from where the way in ends, ends %.4f H from where the way out "
                   "starts\n",
                   name, (double)moved, (double)moved_out);
            CHECK(moved <= 0.012f);
            CHECK(moved_out <= 0.012f);
            if (pose_section_find(&pf, "cycle") >= 0 && pose_section_find(&pf, "intro") < 0) {
                /* the way in starts, and the way out ends, where a rep does */
                pose_move_sample_figure(&m, m.meta.intro.first, &start);
                pose_move_sample_figure(&m, m.meta.outro.last, &end);
                pose_move_sample_figure(&m, m.meta.cycle.first, &in);
                CHECK(figure_moved(&start, &in) <= 0.006f && figure_moved(&end, &in) <= 0.006f);
                CHECK(moved <= 0.004f && moved_out <= 0.004f); /* a sample of the rep itself */
            }
        }
        /* a hold's way out ends where its way in starts, so a second side or set starts without a
         * jump: the spinal twist's ended 0.042 H off it, then 0.024 H (the elbows bent), now
         * 0.0066 H; prone_on_elbows' ended 0.0925 H off (the chest and head carried up as it lay
         * down), now 0.0004 H: it goes up from and down to the arms folded under the head through
         * the forearms flat on the mat ahead, keyed as they solve */
        if (pose_section_find(&pf, "intro") >= 0 && pose_section_find(&pf, "outro") >= 0) {
            PoseFigure start, end;
            pose_move_sample_figure(&m, m.meta.intro.first, &start);
            pose_move_sample_figure(&m, m.meta.outro.last, &end);
            float moved = figure_moved(&start, &end);
            printf("%-18s the way out ends %.4f H from where the way in starts\n", name, (double)moved);
            CHECK(moved <= 0.010f);
        }
        /* a rep ends where the next one starts: the bridge's hips stayed 0.011 H up at the end of
         * each rep (the pelvis was not a contact) and the press-up's chest 0.064 H */
        if (pose_section_find(&pf, "cycle") >= 0) {
            PoseFigure first, last;
            pose_move_sample_figure(&m, m.meta.cycle.first, &first);
            pose_move_sample_figure(&m, m.meta.cycle.last, &last);
            float seam = figure_moved(&first, &last);
            printf("%-18s a rep ends %.4f H from where it starts\n", name, (double)seam);
            CHECK(seam <= 0.006f);
        }
        /* every figure drawn between two samples rests on the mat too: eased where easing keeps
         * it there, else drawn as one sample, then the next (pose_move_pair_cut). Before, eased
         * frames of the ways floated (way_standing_to_front's knee 272 px off the mat at a
         * figure 1333 px tall) and the twist's hand sank 121 px below it */
        int faulty_drawn = 0;
        check_drawn(&m, name, &faulty_drawn);
        CHECK_INT(faulty_drawn, 0);
        check_other_side(&m, name, (MoveId)id);
        check_fills_stage(&m, name);
        float held = check_hold_fills_stage(&m, name);
        if (id == MOVE_CHILD_POSE) /* the low held pose itself fills the stage, not a box for kneeling */
            CHECK(held >= 0.85f);
        pose_move_free(&m);
    }
}

/* `feet` rests a foot on its lowest point, so a tiptoe with bent knees passes; `flat_feet` needs
 * the heel and the toes down: the solver flattens the foot, and a tiptoe sample is reported. */
static void test_flat_feet(void)
{
    const char *tiptoe = "move m\nsection breath 1\ncontacts feet\nkey 0 x=0 pelvis=90 hip=20,20 knee=40,40 "
                         "ankle=50,50\nkey 1\n";
    CHECK_INT(parse(tiptoe), 0);
    PoseMove m;
    CHECK_INT(pose_move_init(&m, &pf), 0);
    char faults[256] = "";
    CHECK_INT(pose_move_check_sample(&m, 0, faults, sizeof faults, NULL), 0); /* on its toes: passes */
    PoseFigure fig;
    float low[CONTACT_COUNT];
    pose_move_sample_figure(&m, 0, &fig);
    pose_figure_ground(&fig, 0, low);
    CHECK(low[CONTACT_NEAR_HEEL] > 0.02f); /* the heel well off the mat */
    /* the same sample, checked as a section that says flat_feet: the heels are reported */
    m.sample_contacts[0] |= (1u << CONTACT_NEAR_HEEL) | (1u << CONTACT_FAR_HEEL);
    CHECK(pose_move_check_sample(&m, 0, faults, sizeof faults, NULL) >= 1);
    CHECK(strstr(faults, "near_heel") != NULL);
    pose_move_free(&m);
    /* keyed the same with flat_feet: the solver puts the heels and toes down */
    CHECK_INT(parse("move m\nsection breath 1\ncontacts flat_feet\nkey 0 x=0 pelvis=90 hip=20,20 knee=40,40 "
                    "ankle=50,50\nkey 1\n"),
              0);
    CHECK_INT(pose_move_init(&m, &pf), 0);
    CHECK_INT(pose_move_check_sample(&m, 0, faults, sizeof faults, NULL), 0);
    pose_move_sample_figure(&m, 0, &fig);
    pose_figure_ground(&fig, 0, low);
    CHECK(fabsf(low[CONTACT_NEAR_HEEL]) <= POSE_CONTACT_TOL_H && fabsf(low[CONTACT_NEAR_TOES]) <= POSE_CONTACT_TOL_H);
    CHECK(fabsf(low[CONTACT_FAR_HEEL]) <= POSE_CONTACT_TOL_H && fabsf(low[CONTACT_FAR_TOES]) <= POSE_CONTACT_TOL_H);
    pose_move_free(&m);
}

/* Where cat-camel's spine, hip and near arm are at fraction t of its cycle (grounded, in H). */
typedef struct {
    float hip_x, hip_y, sh_x, sh_y; /* the spine's ends: the hip joint and the top of the trunk */
    float lumbar; /* the lower back's middle above (+) or below (-) the hip-shoulder line */
    float slope; /* degrees the hip-shoulder line rises toward the head */
    float arm_x, arm_y, hand_x; /* the near arm's shoulder joint to its wrist; the wrist ahead of the knee */
    float wrist_x, knee_x; /* where the near wrist and knee are along the mat */
} SpineAt;

static SpineAt spine_at(const PoseMove *m, float t)
{
    SpineAt o;
    memset(&o, 0, sizeof o);
    PoseFigure fig;
    const SheetRange *c = &m->meta.cycle;
    pose_move_sample_figure(m, c->first + (int)lroundf(t * (float)(c->last - c->first)), &fig);
    float px[5] = {0}, py[5] = {0}, sx = 0.0f, sy = 0.0f, wx = 0.0f, wy = 0.0f, kx = 0.0f;
    for (int g = 0; g < fig.count; g++) {
        const PoseGroup *gr = &fig.groups[g];
        for (int i = 0, trunk = 0; i < gr->count; i++) {
            const PosePart *q = &gr->parts[i];
            if (gr->id == POSE_GROUP_TORSO && strcmp(q->name, "pelvis") == 0)
                px[0] = q->ax, py[0] = q->ay, px[1] = q->bx, py[1] = q->by;
            if (gr->id == POSE_GROUP_TORSO && strcmp(q->name, "trunk") == 0)
                trunk++, px[trunk + 1] = q->bx, py[trunk + 1] = q->by;
            if (gr->id == POSE_GROUP_NEAR_ARM && strcmp(q->name, "upper_arm") == 0)
                sx = q->ax, sy = q->ay;
            if (gr->id == POSE_GROUP_NEAR_ARM && strcmp(q->name, "forearm") == 0)
                wx = q->bx, wy = q->by;
            if (gr->id == POSE_GROUP_NEAR_LEG && strcmp(q->name, "shank") == 0)
                kx = q->ax;
        }
    }
    o.hip_x = px[0], o.hip_y = py[0], o.sh_x = px[4], o.sh_y = py[4];
    o.arm_x = sx - wx, o.arm_y = sy - wy, o.hand_x = wx - kx;
    o.wrist_x = wx, o.knee_x = kx;
    float dx = px[4] - px[0], dy = py[4] - py[0], len = sqrtf(dx * dx + dy * dy);
    /* the lumbar spine: the middle of the segment above the pelvis, as height above the line */
    float lx = 0.5f * (px[1] + px[2]) - px[0], ly = 0.5f * (py[1] + py[2]) - py[0];
    o.lumbar = (dx * ly - dy * lx) / len;
    o.slope = atan2f(dy, dx) * 180.0f / 3.14159265f;
    return o;
}

/* Cat-camel (issue 12): a deep lower-back sag at 3/4 of the rep (the lumbar spine well below the
 * line from hip to shoulder), rounded up at 1/4, a level back in neutral, and the arms straight
 * down with the hands still: the spine moves, not the body rocking on the hands. */
static void test_cat_camel(void)
{
    static char src[POSE_MAX_FILE_BYTES];
    FILE *f = fopen("assets/poses/cat_camel.pose", "rb");
    CHECK(f != NULL);
    if (!f)
        return;
    size_t n = fread(src, 1, sizeof src, f);
    fclose(f);
    memset(&errs, 0, sizeof errs);
    CHECK_INT(pose_parse("cat_camel.pose", src, n, &pf, &errs), 0);
    PoseMove m;
    CHECK_INT(pose_move_init(&m, &pf), 0);
    float hand_lo = 1e9f, hand_hi = -1e9f;
    for (int i = 0; i <= 8; i++) {
        SpineAt s = spine_at(&m, (float)i / 8.0f);
        float lean = atan2f(s.arm_x, s.arm_y) * 180.0f / 3.14159265f; /* 0: the arm straight down */
        printf("cat_camel t=%.3f lumbar %+.4f H from the hip-shoulder line, line %+.1f deg, arm %+.1f deg from "
               "vertical, wrist %.4f H ahead of the knee\n",
               (double)((float)i / 8.0f), (double)s.lumbar, (double)s.slope, (double)lean, (double)s.hand_x);
        CHECK(fabsf(lean) <= 8.0f);
        hand_lo = fminf(hand_lo, s.hand_x), hand_hi = fmaxf(hand_hi, s.hand_x);
        if (i == 0 || i == 8) { /* neutral: the back level (the joint line ~6 deg, the outline over
                                 * the thicker pelvis ~3), the spine straight; it was 13 deg */
            CHECK(fabsf(s.slope) <= 7.5f);
            CHECK(fabsf(s.lumbar) <= 0.01f);
        }
        if (i == 2) /* cat: the lower back rounded up */
            CHECK(s.lumbar >= 0.02f);
        if (i == 6) /* camel: the lower back sags */
            CHECK(s.lumbar <= -0.04f);
    }
    CHECK(hand_hi - hand_lo <= 0.01f); /* the hands stay put over the knees */
    /* planted hands and knees do not slide (the solver holds them between keys): over every
     * sample of the rep and the held breath, each stays within 0.005 H (~9 mm) along the mat */
    float wrist_lo = 1e9f, wrist_hi = -1e9f, knee_lo = 1e9f, knee_hi = -1e9f;
    const SheetRange *c = &m.meta.cycle;
    for (int k = c->first; k <= c->last; k++) {
        SpineAt s = spine_at(&m, (float)(k - c->first) / (float)(c->last - c->first));
        wrist_lo = fminf(wrist_lo, s.wrist_x), wrist_hi = fmaxf(wrist_hi, s.wrist_x);
        knee_lo = fminf(knee_lo, s.knee_x), knee_hi = fmaxf(knee_hi, s.knee_x);
    }
    printf("cat_camel over the rep: the wrist slides %.4f H, the knee %.4f H along the mat\n",
           (double)(wrist_hi - wrist_lo), (double)(knee_hi - knee_lo));
    CHECK(wrist_hi - wrist_lo <= 0.005f);
    CHECK(knee_hi - knee_lo <= 0.005f);
    /* the camel (3/4): the head in line with the upper back, looking at the floor just ahead, not
     * cranked up above the shoulders (issue 12; its centre was 0.009 H above the shoulder joint) */
    PoseFigure fig;
    pose_move_sample_figure(&m, c->first + (c->last - c->first) * 3 / 4, &fig);
    float head_y = 0.0f, shoulder_y = 0.0f;
    for (int g = 0; g < fig.count; g++)
        for (int i = 0; i < fig.groups[g].count; i++) {
            const PosePart *q = &fig.groups[g].parts[i];
            if (fig.groups[g].id == POSE_GROUP_TORSO && strcmp(q->name, "head") == 0)
                head_y = q->ay;
            if (fig.groups[g].id == POSE_GROUP_NEAR_ARM && strcmp(q->name, "upper_arm") == 0)
                shoulder_y = q->ay;
        }
    printf("cat_camel camel: the head's centre %+.4f H above the shoulder joint\n", (double)(head_y - shoulder_y));
    CHECK(head_y - shoulder_y <= -0.01f);
    pose_move_free(&m);
}

/* The top of the torso's outline (pelvis and trunk cones: a cone is the circles along its axis)
 * at column x of figure fig, in H above the mat; -1 when the torso does not cover x. */
static float torso_top_at(const PoseFigure *fig, float x)
{
    float top = -1.0f;
    for (int g = 0; g < fig->count; g++) {
        const PoseGroup *gr = &fig->groups[g];
        for (int i = 0; gr->id == POSE_GROUP_TORSO && i < gr->count; i++) {
            const PosePart *q = &gr->parts[i];
            if (strcmp(q->name, "pelvis") != 0 && strcmp(q->name, "trunk") != 0)
                continue;
            for (int k = 0; k <= 200; k++) {
                float s = (float)k / 200.0f, cx = q->ax + s * (q->bx - q->ax), cy = q->ay + s * (q->by - q->ay);
                float r = q->ra + s * (q->rb - q->ra), dx = x - cx;
                if (fabsf(dx) <= r)
                    top = fmaxf(top, cy + sqrtf(r * r - dx * dx));
            }
        }
    }
    return top;
}

/* The point of the first part `name` of group id in fig: its far end (b) when end, else its start
 * (a); the first "hand" part is the fingers, ending at the fingertips. */
static void part_point(const PoseFigure *fig, int id, const char *name, int end, float *x, float *y)
{
    for (int g = 0; g < fig->count; g++)
        for (int i = 0; fig->groups[g].id == id && i < fig->groups[g].count; i++) {
            const PosePart *q = &fig->groups[g].parts[i];
            if (strcmp(q->name, name) == 0) {
                *x = end ? q->bx : q->ax, *y = end ? q->by : q->ay;
                return;
            }
        }
}

static bool load_move(const char *name, PoseFile *file, PoseMove *m);
static void joint_of(const PoseFigure *fig, int id, const char *name, float *x, float *y);

/* The stage a move is drawn on at 1920x1080 (the shots: 1073 x 704 px), and a figure painted on
 * it as the program paints it (figpaint_figure: its outline, the warm band of a working part and
 * the contact shadow included), placed by lay. */
#define STAGE_1080_W 1073
#define STAGE_1080_H 704
static uint32_t stage_px[STAGE_1080_W * STAGE_1080_H];

static void paint_on_stage(const PoseFigure *fig, const FigLayout *lay)
{
    memset(stage_px, 0, sizeof stage_px);
    FigCanvas cv = {stage_px, STAGE_1080_W, STAGE_1080_W, STAGE_1080_H};
    figpaint_figure(&cv, fig, &lay->place, 0, 0);
}

/* Whether stage pixel x, y shows the figure (not the stage behind it, nor a soft shadow on it). */
static bool stage_covered(int x, int y)
{
    return x >= 0 && x < STAGE_1080_W && y >= 0 && y < STAGE_1080_H && (stage_px[y * STAGE_1080_W + x] >> 24) >= 128;
}

/* The pixel column of x (H) of a figure placed by lay. */
static int stage_column(const FigLayout *lay, float x)
{
    return (int)lroundf(lay->place.ox + (lay->place.flip ? -x : x) * lay->place.scale);
}

/* The widest gap (px) between the mat line and the figure's underside over pixel columns x0..x1:
 * in each, the rows just above the mat line that do not show the figure. */
static int stage_gap_under(const FigLayout *lay, int x0, int x1)
{
    int best = 0, mat = (int)lroundf(lay->place.oy);
    for (int x = x0 < x1 ? x0 : x1; x <= (x0 < x1 ? x1 : x0); x++) {
        int run = 0;
        while (run < 300 && !stage_covered(x, mat - 1 - run))
            run++;
        best = run > best ? run : best;
    }
    return best;
}

/* The highest row (px from the stage's top) that shows the figure in column x, or the mat line. */
static int stage_top(const FigLayout *lay, int x)
{
    int mat = (int)lroundf(lay->place.oy);
    for (int y = 0; y < mat; y++)
        if (stage_covered(x, y))
            return y;
    return mat;
}

/* Pelvic tilt (issue 12, the s21 audit's item 5: start and top looked alike even at 1080p): at the
 * start the small arch of the lower back leaves a gap between it and the mat, at the top (the
 * beat) the pelvis has turned back and the gap is closed. Painted as the program paints it on the
 * 1080p stage: the gap under the lower back (from the hip joint to the middle of the trunk) at
 * least 24 px wide open (6 px at a quarter size) at the start, at most 4 px at the top (it was 0
 * and 0: the near arm lay over it and the working part's warm band filled it). The near hand
 * rests on the hip, inside the body's outline, at the start and at the top (session 22's file held
 * it up in the air over the belly). */
static void test_pelvic_tilt(void)
{
    PoseMove m;
    if (!load_move("pelvic_tilt", &pf, &m))
        return;
    FigLayout lay;
    figpaint_fit(&m, STAGE_1080_W, STAGE_1080_H, false, &lay);
    const SheetRange *c = &m.meta.cycle;
    int gap[2] = {0, 0}, warm_px[2] = {0, 0}, chest_warm[2] = {0, 0};
    float turn[2] = {0.0f, 0.0f};
    for (int k = 0; k < 2; k++) {
        PoseFigure fig;
        pose_move_sample_figure(&m, k == 0 ? c->first : m.meta.beat, &fig);
        float hip_x = 0, hip_y = 0, mid_x = 0, mid_y = 0, belly_x = 0, belly_y = 0;
        part_point(&fig, POSE_GROUP_TORSO, "pelvis", 0, &hip_x, &hip_y);
        part_point(&fig, POSE_GROUP_TORSO, "pelvis", 1, &belly_x, &belly_y);
        part_point(&fig, POSE_GROUP_TORSO, "trunk", 1, &mid_x, &mid_y); /* the first trunk cone's end */
        turn[k] = atan2f(belly_y - hip_y, hip_x - belly_x) * 180.0f / 3.14159265f;
        /* the near hand rests on the hip, inside the body's outline: its top nowhere above the
         * torso's top (it stood up in the air over the belly: 0.059 H above it at the top, 0.007 at the start) */
        float over = -1.0f;
        for (int g = 0; g < fig.count; g++)
            for (int i = 0; fig.groups[g].id == POSE_GROUP_NEAR_ARM && i < fig.groups[g].count; i++) {
                const PosePart *q = &fig.groups[g].parts[i];
                for (int j = 0; strcmp(q->name, "hand") == 0 && j <= 20; j++) {
                    float u = (float)j / 20.0f, cx = q->ax + u * (q->bx - q->ax), cy = q->ay + u * (q->by - q->ay);
                    over = fmaxf(over, cy + q->ra + u * (q->rb - q->ra) - torso_top_at(&fig, cx));
                }
            }
        printf("pelvic_tilt %s: the near hand's top %.4f H above the torso's outline (< 0: on the body)\n",
               k == 0 ? "start" : "top", (double)over);
        CHECK(over <= 0.0f);
        paint_on_stage(&fig, &lay);
        gap[k] = stage_gap_under(&lay, stage_column(&lay, hip_x), stage_column(&lay, mid_x));
        /* the working part's warm band is the pelvis and the small of the back (`highlight
         * lower_back`), not the whole trunk: at most 2% of it half way on from the lower back's
         * end toward the neck (the rounded end of its band, 23 px at the arch; the chest's half of
         * the trunk's ring, which stays still, drew the eye from the arch at a quarter size: 2876
         * px of 7861 there at the start, 2960 of 8177 at the top) */
        float neck_x = 0, neck_y = 0;
        part_point(&fig, POSE_GROUP_TORSO, "neck", 0, &neck_x, &neck_y);
        int c_mid = stage_column(&lay, mid_x), c_neck = stage_column(&lay, neck_x);
        int c_cut = c_mid + (c_neck - c_mid) / 2, dir = c_neck > c_mid ? 1 : -1;
        for (int y = 0; y < STAGE_1080_H; y++)
            for (int x = 0; x < STAGE_1080_W; x++) {
                uint32_t q = stage_px[y * STAGE_1080_W + x];
                int r = (int)(q >> 16 & 255), gr = (int)(q >> 8 & 255), b = (int)(q & 255);
                bool warm = (q >> 24) >= 128 && r > 220 && gr > 110 && gr < 190 && b < 80;
                warm_px[k] += warm;
                chest_warm[k] += warm && (x - c_cut) * dir > 0;
            }
    }
    printf("pelvic_tilt: the warm band %d px at the start, %d at the top; over the chest %d and %d px\n", warm_px[0],
           warm_px[1], chest_warm[0], chest_warm[1]);
    CHECK(warm_px[0] > 500 && warm_px[1] > 500);
    CHECK(chest_warm[0] * 50 <= warm_px[0] && chest_warm[1] * 50 <= warm_px[1]);
    printf("pelvic_tilt on the 1080p stage (%.0f px/H): the gap under the lower back %d px at the start, %d px at "
           "the top; the pelvis turns %.1f degrees\n",
           (double)lay.place.scale, gap[0], gap[1], (double)(turn[0] - turn[1]));
    CHECK(gap[0] >= 24);
    CHECK(gap[1] <= 4);
    /* the pelvis tipped back, the pubic bone up: a small rock (test_pelvic_tilt: 8 to 16 degrees
     * over the rep; it turned 40.6, a hip lift), the arch of the lower back doing the showing */
    CHECK(turn[0] - turn[1] >= 8.0f && turn[0] - turn[1] <= 16.0f);
    pose_move_free(&m);
}

/* Draw-in (issue 12): the belly visibly draws in on the out-breath. Painted as the program paints
 * it on the 1080p stage, the top of the figure over the belly (from the hip joint to the middle of
 * the trunk) drops at least 70 px (17 px at a quarter size) from the in-breath to the out-breath
 * (it was 5-7 px on the torso, the hands on the belly hiding the rest; 42 px in session 22, small
 * at a quarter size: now 75, the belly let out to 0.8 and drawn in to -1.6), and nothing lies over
 * the belly there. The hands rest on the lower belly (session 26, the lead's decision: a physio has
 * the patient feel the muscle there, fingertips just inside the hip bones; before, the arms lay by
 * the sides and nothing was there to copy): seen from the side on its near flank, below its top
 * line, riding it (within 0.03 H of that line at both breaths, so the hand sinks with the belly,
 * at least 0.05 H). */
static void test_draw_in(void)
{
    PoseMove m;
    if (!load_move("draw_in", &pf, &m))
        return;
    FigLayout lay;
    figpaint_fit(&m, STAGE_1080_W, STAGE_1080_H, false, &lay);
    const SheetRange *b = &m.meta.breath;
    PoseFigure in, out;
    pose_move_sample_figure(&m, b->first, &in); /* breath 0.0: the in-breath, belly relaxed */
    pose_move_sample_figure(&m, b->first + (b->last - b->first) / 2, &out); /* 0.5: drawn in */
    float hip_x = 0, hip_y = 0, mid_x = 0, mid_y = 0;
    part_point(&in, POSE_GROUP_TORSO, "pelvis", 0, &hip_x, &hip_y);
    part_point(&in, POSE_GROUP_TORSO, "trunk", 1, &mid_x, &mid_y);
    int x0 = stage_column(&lay, hip_x), x1 = stage_column(&lay, mid_x);
    if (x0 > x1) {
        int t = x0;
        x0 = x1, x1 = t;
    }
    static int top_in[STAGE_1080_W];
    paint_on_stage(&in, &lay);
    for (int x = x0; x <= x1; x++)
        top_in[x] = stage_top(&lay, x);
    paint_on_stage(&out, &lay);
    int drop = 0, at = x0;
    for (int x = x0; x <= x1; x++)
        if (stage_top(&lay, x) - top_in[x] > drop)
            drop = stage_top(&lay, x) - top_in[x], at = x;
    float x_h = ((float)at - lay.place.ox) / lay.place.scale * (lay.place.flip ? -1.0f : 1.0f);
    printf("draw_in on the 1080p stage (%.0f px/H): the top of the figure over the belly %d px lower at the "
           "out-breath (at %.3f H; hip %.3f, middle of the trunk %.3f)\n",
           (double)lay.place.scale, drop, (double)x_h, (double)hip_x, (double)mid_x);
    CHECK(drop >= 70);
    /* what drops there is the belly's own outline: no arm or hand lies over it (a hand on the belly
     * would hide it, as it did), the hand riding it just below */
    float belly[2] = {0.0f, 0.0f}, hand[2] = {0.0f, 0.0f};
    for (int k = 0; k < 2; k++) {
        const PoseFigure *fig = k == 0 ? &in : &out;
        float arm = -1.0f;
        for (int g = 0; g < fig->count; g++)
            for (int i = 0; (fig->groups[g].id == POSE_GROUP_NEAR_ARM || fig->groups[g].id == POSE_GROUP_FAR_ARM) &&
                            i < fig->groups[g].count;
                 i++) {
                const PosePart *q = &fig->groups[g].parts[i];
                for (int j = 0; j <= 200; j++) {
                    float u = (float)j / 200.0f, cx = q->ax + u * (q->bx - q->ax), cy = q->ay + u * (q->by - q->ay);
                    float r = q->ra + u * (q->rb - q->ra), dx = x_h - cx;
                    if (fabsf(dx) <= r)
                        arm = fmaxf(arm, cy + sqrtf(r * r - dx * dx));
                }
            }
        printf("draw_in %s: the belly's outline there %.4f H, the arms' %.4f H\n", k == 0 ? "in-breath" : "out-breath",
               (double)torso_top_at(fig, x_h), (double)arm);
        belly[k] = torso_top_at(fig, x_h), hand[k] = arm;
        CHECK(arm < belly[k] - 0.01f);
        CHECK(arm >= belly[k] - 0.03f);
    }
    CHECK(belly[0] - belly[1] >= 0.05f && hand[0] - hand[1] >= 0.05f);
    /* its reps (`move draw_in reps N`) breathe too: a rep's beat is the belly drawn in (before, with
     * no cycle of its own, a rep was the hold's way in and out: let out, then back, never drawn in) */
    CHECK(pose_section_find(&pf, "cycle") >= 0);
    CHECK(m.samples[m.meta.beat].v[POSE_BELLY] <= -1.0f);
    pose_move_free(&m);
}

/* The lowest point of the parts named `name` (every group whose id is in ids, 1u << PoseGroupId),
 * in H above the mat. */
static float lowest_of(const PoseFigure *fig, unsigned ids, const char *name)
{
    float lo = 1e9f;
    for (int g = 0; g < fig->count; g++)
        for (int i = 0; (ids >> fig->groups[g].id) & 1u && i < fig->groups[g].count; i++) {
            const PosePart *q = &fig->groups[g].parts[i];
            if (strcmp(q->name, name) == 0)
                lo = fminf(lo, fminf(q->ay - q->ra, q->by - q->rb));
        }
    return lo;
}

/* How far the eye (the face seen from the side) is outside the near arm's outline, in H: negative
 * when the arm covers it (an arm overhead, seen from the side, can hide the head). */
static float eye_clear_of_arm(const PoseFigure *fig)
{
    float clear = -1.0f;
    for (int g = 0; g < fig->count; g++)
        for (int e = 0; fig->groups[g].flat && e < fig->groups[g].count; e++) {
            const PosePart *eye = &fig->groups[g].parts[e];
            float gap = 1e9f;
            for (int h = 0; h < fig->count; h++)
                for (int i = 0; fig->groups[h].id == POSE_GROUP_NEAR_ARM && i < fig->groups[h].count; i++) {
                    const PosePart *q = &fig->groups[h].parts[i];
                    float dx = q->bx - q->ax, dy = q->by - q->ay, len2 = dx * dx + dy * dy;
                    float t = len2 > 0.0f ? ((eye->ax - q->ax) * dx + (eye->ay - q->ay) * dy) / len2 : 0.0f;
                    t = t < 0.0f ? 0.0f : t > 1.0f ? 1.0f : t;
                    gap = fminf(gap, hypotf(eye->ax - q->ax - dx * t, eye->ay - q->ay - dy * t) -
                                         (q->ra + (q->rb - q->ra) * t) - eye->ra);
                }
            clear = fmaxf(clear, gap);
        }
    return clear;
}

/* The share (0..1) of the head's disc (its last painted copy) that no part painted after it covers:
 * what shows of the head as painted (the superman's near arm overhead, painted over it, hid all
 * but the crown; the hair and the eyes, painted on the head, do not count). */
static float head_shown(const PoseFigure *fig)
{
    int at = -1;
    const PosePart *head = NULL;
    for (int g = 0; g < fig->count; g++)
        for (int i = 0; !fig->groups[g].flat && i < fig->groups[g].count; i++)
            if (strcmp(fig->groups[g].parts[i].name, "head") == 0)
                at = g, head = &fig->groups[g].parts[i];
    if (!head)
        return 0.0f;
    int shown = 0, all = 0;
    for (int u = -20; u <= 20; u++)
        for (int v = -20; v <= 20; v++) {
            float x = head->ax + head->ra * (float)u / 20.0f, y = head->ay + head->ra * (float)v / 20.0f;
            if (hypotf(x - head->ax, y - head->ay) > head->ra)
                continue;
            bool covered = false;
            for (int g = at + 1; g < fig->count && !covered; g++) {
                const PoseGroup *gr = &fig->groups[g];
                for (int i = 0; !gr->flat && i < gr->count && !covered; i++) {
                    const PosePart *q = &gr->parts[i];
                    if (strcmp(q->name, "hair") == 0)
                        continue;
                    float dx = q->bx - q->ax, dy = q->by - q->ay, len2 = dx * dx + dy * dy;
                    float t = len2 > 0.0f ? ((x - q->ax) * dx + (y - q->ay) * dy) / len2 : 0.0f;
                    t = t < 0.0f ? 0.0f : t > 1.0f ? 1.0f : t;
                    covered = hypotf(x - q->ax - dx * t, y - q->ay - dy * t) < q->ra + (q->rb - q->ra) * t;
                }
            }
            shown += !covered, all++;
        }
    return all > 0 ? (float)shown / (float)all : 0.0f;
}

/* How far the top of the head is above the near upper arm's outline where it crosses the head's
 * centre, in H (negative: the arm covers the crown; an arm not crossing the head: the head's height). */
static float crown_above_arm(const PoseFigure *fig)
{
    const PosePart *head = NULL, *arm = NULL;
    for (int g = 0; g < fig->count; g++)
        for (int i = 0; i < fig->groups[g].count; i++) {
            const PosePart *q = &fig->groups[g].parts[i];
            head = fig->groups[g].id == POSE_GROUP_TORSO && strcmp(q->name, "head") == 0 ? q : head;
            arm = fig->groups[g].id == POSE_GROUP_NEAR_ARM && strcmp(q->name, "upper_arm") == 0 ? q : arm;
        }
    if (!head || !arm)
        return -1.0f;
    float lo = fminf(arm->ax, arm->bx), hi = fmaxf(arm->ax, arm->bx);
    if (head->ax < lo || head->ax > hi || hi - lo < 1e-6f)
        return 2.0f * head->ra;
    float t = (head->ax - arm->ax) / (arm->bx - arm->ax);
    float top = arm->ay + (arm->by - arm->ay) * t + arm->ra + (arm->rb - arm->ra) * t;
    return head->ay + head->ra - top;
}

/* The part called name in group id of fig (the first), or NULL. */
static const PosePart *part_named(const PoseFigure *fig, int id, const char *name)
{
    for (int g = 0; g < fig->count; g++)
        for (int i = 0; i < fig->groups[g].count && fig->groups[g].id == id && !fig->groups[g].flat; i++)
            if (strcmp(fig->groups[g].parts[i].name, name) == 0)
                return &fig->groups[g].parts[i];
    return NULL;
}

/* Whether stage pixel x, y is the warm band of a working part (figpaint's warm, 255,153,31). */
static bool stage_warm(int x, int y)
{
    if (x < 0 || x >= STAGE_1080_W || y < 0 || y >= STAGE_1080_H)
        return false;
    uint32_t c = stage_px[y * STAGE_1080_W + x];
    int r = (int)(c >> 16 & 255), g = (int)(c >> 8 & 255), b = (int)(c & 255);
    return (c >> 24) >= 128 && r >= 230 && g >= 120 && g <= 185 && b <= 90;
}

/* Whether stage pixel x, y is skin (lit or shaded; not the hair, an outline, the warm band, the
 * shirt or the trousers). */
static bool stage_skin(int x, int y)
{
    if (x < 0 || x >= STAGE_1080_W || y < 0 || y >= STAGE_1080_H)
        return false;
    uint32_t c = stage_px[y * STAGE_1080_W + x];
    int r = (int)(c >> 16 & 255), g = (int)(c >> 8 & 255), b = (int)(c & 255);
    return (c >> 24) >= 128 && r >= 150 && b >= 90 && r > g && g > b;
}

/* Part q of a figure placed by lay, in stage pixels: its ends and radii. */
static void stage_part(const FigLayout *lay, const PosePart *q, float *ax, float *ay, float *bx, float *by, float *ra,
                       float *rb)
{
    float s = lay->place.scale, fx = lay->place.flip ? -s : s;
    *ax = lay->place.ox + q->ax * fx, *ay = lay->place.oy - q->ay * s;
    *bx = lay->place.ox + q->bx * fx, *by = lay->place.oy - q->by * s;
    *ra = q->ra * s, *rb = q->rb * s;
}

/* The head and the neck as the 1080p stage shows fig (placed by lay, painted on stage_px): the
 * warm band's pixels in the ring round the head on its side away from the neck (*warm), and the
 * neck's skin showing outside the head, as a length in head heights (*neck: its skin pixels
 * within the neck as pose.c builds it, from inside the trunk to the head, over its width). */
static void stage_head_and_neck(const FigLayout *lay, const PoseFigure *fig, int *warm, float *neck)
{
    const PosePart *head = part_named(fig, POSE_GROUP_TORSO, "head");
    const PosePart *nk = part_named(fig, POSE_GROUP_TORSO, "neck");
    *warm = 0, *neck = 0.0f;
    CHECK(head != NULL && nk != NULL);
    if (!head || !nk)
        return;
    float hx, hy, hx2, hy2, hr, hr2, ax, ay, bx, by, ra, rb;
    stage_part(lay, head, &hx, &hy, &hx2, &hy2, &hr, &hr2);
    stage_part(lay, nk, &ax, &ay, &bx, &by, &ra, &rb);
    float band = fmaxf(1.5f, lay->place.scale * 0.0045f) * 2.2f + 2.0f, ux = hx - bx, uy = hy - by;
    float dx = bx - ax, dy = by - ay, len2 = fmaxf(dx * dx + dy * dy, 1e-6f);
    int skin = 0;
    for (int y = (int)(hy - hr - band - 2.0f); y <= (int)(hy + hr + band + 2.0f); y++)
        for (int x = (int)(hx - hr - band - 2.0f); x <= (int)(hx + hr + band + 2.0f); x++) {
            float px = (float)x + 0.5f - hx, py = (float)y + 0.5f - hy, d = sqrtf(px * px + py * py);
            if (d > hr + 1.0f && d <= hr + band && px * ux + py * uy >= 0.0f && stage_warm(x, y))
                (*warm)++;
        }
    for (int y = (int)(fminf(ay, by) - ra - 2.0f); y <= (int)(fmaxf(ay, by) + ra + 2.0f); y++)
        for (int x = (int)(fminf(ax, bx) - ra - 2.0f); x <= (int)(fmaxf(ax, bx) + ra + 2.0f); x++) {
            float px = (float)x + 0.5f, py = (float)y + 0.5f;
            float t = fminf(fmaxf(((px - ax) * dx + (py - ay) * dy) / len2, 0.0f), 1.0f);
            float qx = px - (ax + dx * t), qy = py - (ay + dy * t), r = ra + (rb - ra) * t;
            float ex = px - hx, ey = py - hy;
            if (qx * qx + qy * qy <= r * r && ex * ex + ey * ey > (hr + 1.0f) * (hr + 1.0f) && stage_skin(x, y))
                skin++;
        }
    *neck = (float)skin / (ra + rb) / (2.0f * hr);
}

/* The head and the neck (the s25 review's findings 5 and 6), painted as the 1080p stage shows
 * every tenth sample: a move whose working part is the torso (`highlight torso`) rings the trunk
 * with the warm band, never the head (a physio says "head relaxed on the mat" in the draw-in and
 * the pelvic tilt; an orange head invites a curl-up); before, 500-1070 warm pixels round the head's
 * far side (51 in the side bend, given its `highlight torso`). And the neck ends at the collar: facing the viewer (the
 * twists, the side bend) its skin shows at most 0.40 of the head's height (0.26 now; before: 0.71-0.74, from the chin
 * to mid-chest, a bib), and hung below the shoulders (bird dog) likewise (0.26; before: 0.73, a skin bar along the top
 * of the shoulder). */
static void test_head_and_neck(void)
{
    static const struct {
        const char *move;
        bool torso; /* `highlight torso` */
        float neck; /* the most neck skin shown, in head heights; 0: not measured */
    } cases[] = {
        {"draw_in", true, 0.0f},    {"pelvic_tilt", true, 0.0f},   {"seated_pelvic_tilt", true, 0.0f},
        {"cat_camel", true, 0.0f},  {"seated_twist", true, 0.40f}, {"spinal_twist", true, 0.40f},
        {"side_bend", true, 0.40f}, {"bird_dog", false, 0.40f},
    };
    static PoseFile file;
    static PoseMove m;
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        if (!load_move(cases[c].move, &file, &m))
            continue;
        CHECK(((file.highlight >> POSE_GROUP_TORSO) & 1u) == (cases[c].torso ? 1u : 0u));
        FigLayout lay;
        figpaint_fit(&m, STAGE_1080_W, STAGE_1080_H, false, &lay);
        int worst_warm = 0;
        float worst_neck = 0.0f;
        for (int i = 0; i < m.meta.frames; i += 10) {
            PoseFigure fig;
            pose_move_sample_figure(&m, i, &fig);
            paint_on_stage(&fig, &lay);
            int warm;
            float neck;
            stage_head_and_neck(&lay, &fig, &warm, &neck);
            worst_warm = warm > worst_warm ? warm : worst_warm;
            worst_neck = fmaxf(worst_neck, neck);
        }
        printf("%s: warm pixels round the head %d, neck skin shown %.2f head heights\n", cases[c].move, worst_warm,
               (double)worst_neck);
        if (cases[c].torso) /* bird dog's reaching arm is a working limb beside the head */
            CHECK_INT(worst_warm, 0);
        if (cases[c].neck > 0.0f)
            CHECK(worst_neck <= cases[c].neck);
        pose_move_free(&m);
    }
}

/* The side bend faces the viewer (issue 12, review W2-5/W1-6): the figure has hips (a pelvis as
 * wide as the hips, 0.19 H, over both hip joints, the thighs hanging from it, not from the belly),
 * it starts and ends symmetric (both hands on the hips, both sides lit alike: its mirror image, the
 * other side, is the same picture), and a profile figure before it is eased into it (turning to
 * face the viewer joint by joint) even when the side it shows is drawn mirrored. Before: no hips
 * part (the thighs' round tops on the belly), one hand on the hip, and no easing across the mirror
 * (a profile figure cut to a facing one in one frame). A figure not facing the viewer is unchanged:
 * its hips are a point inside the pelvis. */
static void test_side_bend(void)
{
    static PoseFile sf, ef;
    static PoseMove side, ext;
    if (!load_move("side_bend", &sf, &side) || !load_move("standing_extension", &ef, &ext))
        return;
    CHECK(pose_move_faces_viewer(&side) && !pose_move_faces_viewer(&ext));
    for (int k = 0; k < 2; k++) { /* the start, and the end of the rep (its last sample) */
        PoseFigure fig;
        int sample = k == 0 ? side.meta.cycle.first : side.meta.cycle.last;
        pose_move_sample_figure(&side, sample, &fig);
        const PosePart *hips = part_named(&fig, POSE_GROUP_TORSO, "hips");
        const PosePart *pelvis = part_named(&fig, POSE_GROUP_TORSO, "pelvis");
        CHECK(hips != NULL && pelvis != NULL);
        if (!hips || !pelvis)
            return;
        float width = fabsf(hips->bx - hips->ax) + hips->ra + hips->rb, c = pelvis->ax;
        printf("side_bend sample %d: hips %.3f H wide, level within %.4f H\n", sample, (double)width,
               (double)fabsf(hips->ay - hips->by));
        CHECK(width >= 0.18f && width <= 0.23f);
        CHECK(fabsf(hips->ay - hips->by) < 0.002f); /* level */
        const PosePart *thigh[2] = {part_named(&fig, POSE_GROUP_NEAR_LEG, "thigh"),
                                    part_named(&fig, POSE_GROUP_FAR_LEG, "thigh")};
        for (int t = 0; t < 2; t++) { /* each thigh's top inside the hips */
            CHECK(thigh[t] != NULL);
            if (thigh[t])
                CHECK(fabsf(thigh[t]->ay - hips->ay) < 0.01f &&
                      fabsf(thigh[t]->ax - c) < fabsf(hips->bx - hips->ax) * 0.5f + 0.002f);
        }
        /* symmetric: each far part the mirror image of its near one about the pelvis, lit alike */
        float worst = 0.0f, shade = 0.0f;
        for (int id = POSE_GROUP_FAR_ARM; id <= POSE_GROUP_FAR_LEG; id++) {
            int near_id = id == POSE_GROUP_FAR_ARM ? POSE_GROUP_NEAR_ARM : POSE_GROUP_NEAR_LEG;
            const PoseGroup *f = NULL, *n = NULL;
            for (int g = 0; g < fig.count; g++)
                f = fig.groups[g].id == id ? &fig.groups[g] : f, n = fig.groups[g].id == near_id ? &fig.groups[g] : n;
            CHECK(f && n && f->count == n->count);
            for (int i = 0; f && n && i < f->count && i < n->count; i++) {
                const PosePart *a = &f->parts[i], *b = &n->parts[i];
                worst = fmaxf(worst, fmaxf(hypotf(a->ax - (2.0f * c - b->ax), a->ay - b->ay),
                                           hypotf(a->bx - (2.0f * c - b->bx), a->by - b->by)));
                shade = fmaxf(shade, fabsf(a->color.r - b->color.r));
            }
        }
        printf("side_bend sample %d: far limbs %.4f H from the near ones' mirror image, shades %.4f apart\n", sample,
               (double)worst, (double)shade);
        CHECK(worst < 0.002f);
        CHECK(shade < 0.002f);
    }
    /* in profile the hips are a point: every other figure drawn as before */
    PoseFigure prof;
    pose_move_sample_figure(&ext, 0, &prof);
    const PosePart *ph = part_named(&prof, POSE_GROUP_TORSO, "hips");
    CHECK(ph && ph->ra == 0.0f && ph->rb == 0.0f && ph->ax == ph->bx && ph->ay == ph->by);
    /* the back bend's end, drawn as keyed, eased into the side bend's left side (drawn mirrored):
     * turned to face the viewer in the back bend's picture, then the side bend's own */
    PoseMoment from = {ANIM_REPS, 3999, 4000, 0, {false, false}};
    PoseMoment to = {ANIM_START, 0, 10000, 0, pose_move_draw(&side, SIDES_LEFT, true)};
    CHECK(to.draw.mirror);
    PoseFigure eased, own;
    CHECK(pose_moves_blend(&ext, &from, &side, &to, 0.5f, &eased, NULL));
    /* a figure seen from the side is still not eased into its own mirror image (the painter turns it) */
    PoseMoment mirrored = {ANIM_START, 0, 4000, 0, {true, false}};
    CHECK(!pose_moves_blend(&ext, &from, &ext, &mirrored, 0.5f, &eased, NULL));
    /* at the end of the easing the picture is the side bend's start: its mirror image about the hip */
    CHECK(pose_moves_blend(&ext, &from, &side, &to, 1.0f, &eased, NULL));
    pose_move_figure_at(&side, ANIM_START, 0, 10000, 0, false, &own);
    const PosePart *pe = part_named(&eased, POSE_GROUP_TORSO, "pelvis");
    float c = pe ? pe->ax : 0.0f, worst = 0.0f;
    for (int g = 0; g < eased.count && g < own.count; g++) { /* near in one is far in the other */
        const PoseGroup *x = &eased.groups[g];
        int other = x->id == POSE_GROUP_NEAR_ARM   ? POSE_GROUP_FAR_ARM
                    : x->id == POSE_GROUP_FAR_ARM  ? POSE_GROUP_NEAR_ARM
                    : x->id == POSE_GROUP_NEAR_LEG ? POSE_GROUP_FAR_LEG
                    : x->id == POSE_GROUP_FAR_LEG  ? POSE_GROUP_NEAR_LEG
                                                   : -1;
        for (int h = 0; h < own.count && other >= 0; h++)
            for (int i = 0; own.groups[h].id == other && i < x->count && i < own.groups[h].count; i++) {
                const PosePart *a = &x->parts[i], *b = &own.groups[h].parts[i];
                worst = fmaxf(worst, hypotf(a->ax - b->ax, a->ay - b->ay));
            }
        (void)c;
    }
    printf("side_bend eased in across the mirror: at its end %.4f H from the side bend's start\n", (double)worst);
    CHECK(worst < 0.002f);
    /* the working part is the side of the trunk being stretched (review s26, finding 12: a warm ring
     * round the hips and the pelvis below the shirt read as a bulging nappy): painted at the beat
     * as the 1080p stage shows it, no warm band below the shirt's hem, and the band on the trunk's
     * stretched side (away from the bend, -x in the pose), little on the other */
    CHECK(((side.file.highlight >> POSE_GROUP_TORSO) & 1u) && (side.file.highlight & POSE_HIGHLIGHT_FLANK));
    FigLayout lay;
    figpaint_fit(&side, STAGE_1080_W, STAGE_1080_H, false, &lay);
    PoseFigure beat;
    pose_move_sample_figure(&side, side.meta.beat, &beat);
    paint_on_stage(&beat, &lay);
    const PosePart *bp = part_named(&beat, POSE_GROUP_TORSO, "pelvis");
    CHECK(bp != NULL);
    if (bp) {
        float ax, ay, hem_x, hem_y, ra, rb;
        stage_part(&lay, bp, &ax, &ay, &hem_x, &hem_y, &ra, &rb); /* b: the pelvis's top, the hem */
        float band = fmaxf(1.5f, lay.place.scale * 0.0045f) * 2.2f + 2.0f;
        int below = 0, away = 0, toward = 0;
        for (int y = 0; y < STAGE_1080_H; y++)
            for (int x = 0; x < STAGE_1080_W; x++)
                if (stage_warm(x, y)) {
                    below += (float)y > hem_y + band; /* the trunk's band ends at the waist */
                    away += (float)x < hem_x, toward += (float)x >= hem_x;
                }
        printf("side_bend beat: warm pixels a band's width below the hem %d; on the stretched side %d, the other %d\n",
               below, away, toward);
        CHECK(below <= 40); /* 1316 with the hips and the pelvis ringed */
        CHECK(away >= 200 && toward * 4 <= away);
    }
    pose_move_free(&side);
    pose_move_free(&ext);
}

/* Superman (issue 12, audit F7): a back-care lift, not a "banana" balanced on the pelvis. Lying flat
 * at the start (hands, feet and forehead on the mat); at the top the belly and the front of the
 * pelvis stay down, the spine extends at most 25 degrees in all (it was 38 with the hips 14 more),
 * and chest, arms and legs are clearly lifted (seen from across a room) but only a few centimetres. */
static void test_superman(void)
{
    static char src[POSE_MAX_FILE_BYTES];
    FILE *f = fopen("assets/poses/superman.pose", "rb");
    CHECK(f != NULL);
    if (!f)
        return;
    size_t n = fread(src, 1, sizeof src, f);
    fclose(f);
    memset(&errs, 0, sizeof errs);
    CHECK_INT(pose_parse("superman.pose", src, n, &pf, &errs), 0);
    PoseMove m;
    CHECK_INT(pose_move_init(&m, &pf), 0);
    const SheetRange *c = &m.meta.cycle;
    const unsigned arms = (1u << POSE_GROUP_NEAR_ARM) | (1u << POSE_GROUP_FAR_ARM);
    const unsigned legs = (1u << POSE_GROUP_NEAR_LEG) | (1u << POSE_GROUP_FAR_LEG) | (1u << POSE_GROUP_NEAR_SHIN);
    const unsigned torso = 1u << POSE_GROUP_TORSO;
    for (int k = 0; k < 2; k++) {
        int i = k == 0 ? c->first : m.meta.beat;
        PoseFigure fig;
        pose_move_sample_figure(&m, i, &fig);
        const float *v = m.samples[i].v;
        float ext = -(v[POSE_SPINE0] + v[POSE_SPINE1] + v[POSE_SPINE2] + v[POSE_SPINE3]);
        float hand = lowest_of(&fig, arms, "hand"), toes = lowest_of(&fig, legs, "toes");
        float head = lowest_of(&fig, torso, "head"), belly = lowest_of(&fig, torso, "pelvis");
        float chest = lowest_of(&fig, torso, "trunk"), eye = eye_clear_of_arm(&fig);
        printf("superman %s: spine extension %.1f deg, hips %.1f; above the mat: hands %.3f H, toes %.3f, head %.3f, "
               "pelvis %.3f, trunk %.3f; the eye %.3f H clear of the near arm\n",
               k == 0 ? "start" : "top", (double)ext, (double)v[POSE_HIP_N], (double)hand, (double)toes, (double)head,
               (double)belly, (double)chest, (double)eye);
        CHECK(belly <= 0.005f && chest <= 0.005f); /* the belly and the front of the pelvis on the mat */
        if (k == 0) { /* lying flat */
            CHECK(hand <= 0.005f && head <= 0.005f && lowest_of(&fig, legs, "heel") <= 0.005f);
        } else { /* the lift: modest, from a spine that extends a little, but seen across a room (issue 12:
                  * at 25% the start and the top looked alike, the hands 0.06 H and the head 0.02 H up) */
            CHECK(ext <= 25.0f);
            CHECK(hand >= 0.10f && hand <= 0.16f);
            CHECK(toes >= 0.09f && toes <= 0.15f);
            CHECK(head >= 0.03f && head <= 0.07f);
            CHECK(eye >= 0.005f); /* the face shows below the arm, not hidden behind it */
        }
    }
    /* the head shows above the near arm at the top and all through the hold (physio review s26 #5:
     * the arms held level with the head hid all of it but the eye, the crown 0.014 H above the
     * upper arm; now the arms lower, the elbows a little bent, the hands forward at head level) */
    float crown = 1.0f;
    for (int i = m.meta.beat; i <= m.meta.breath.last; i += i < m.meta.breath.first ? m.meta.breath.first - i : 5) {
        PoseFigure fig;
        pose_move_sample_figure(&m, i, &fig);
        crown = fminf(crown, crown_above_arm(&fig));
    }
    printf("superman top and hold: the crown at least %.3f H above the near upper arm\n", (double)crown);
    CHECK(crown >= 0.025f);
    /* the head reads at a quarter size (a mat 3 m from a TV): painted over the near arm overhead
     * (`head_over`), all of it shows, lying and lifted (before: 0.35 of it lying, the crown only,
     * and 0.34 at the top, the crown and the chin) */
    float shown = 1.0f;
    for (int i = 0; i < m.meta.frames; i++) {
        PoseFigure fig;
        pose_move_sample_figure(&m, i, &fig);
        shown = fminf(shown, head_shown(&fig));
    }
    printf("superman: at least %.2f of the head shows\n", (double)shown);
    CHECK(shown >= 0.95f);
    pose_move_free(&m);
}

/* The knee hugs (physio review s26 #13): "pull the knee right in, hands on the shin". Held, the
 * hugged thigh is drawn to the chest (hip flexion 132-145 degrees; it was 122-126, the shin
 * sticking out level), the knee bent 110-125, and each hand lies on the front of the shin just below
 * the knee (its knuckles 0.02-0.10 H down the shin from the knee, on the shin's front half or its
 * surface); the head, back and pelvis stay on the mat (the contacts). */
static void test_knee_hugs(void)
{
    static const char *const moves[] = {"knee_to_chest", "knees_to_chest"};
    for (size_t k = 0; k < sizeof moves / sizeof moves[0]; k++) {
        static PoseFile file;
        PoseMove m;
        if (!load_move(moves[k], &file, &m))
            continue;
        float hip_lo = 1e9f, hip_hi = -1e9f, knee_lo = 1e9f, knee_hi = -1e9f, along_lo = 1e9f, along_hi = -1e9f,
              side_lo = 1e9f, side_hi = -1e9f;
        for (int i = m.meta.breath.first; i <= m.meta.breath.last; i += 5) {
            const float *v = m.samples[i].v;
            bool both = k == 1;
            for (int leg = 0; leg < (both ? 2 : 1); leg++) {
                hip_lo = fminf(hip_lo, v[POSE_HIP_N + leg]), hip_hi = fmaxf(hip_hi, v[POSE_HIP_N + leg]);
                knee_lo = fminf(knee_lo, v[POSE_KNEE_N + leg]), knee_hi = fmaxf(knee_hi, v[POSE_KNEE_N + leg]);
            }
            PoseFigure fig;
            pose_move_sample_figure(&m, i, &fig);
            const PosePart *shank = part_named(&fig, POSE_GROUP_NEAR_LEG, "shank");
            CHECK(shank != NULL);
            if (!shank)
                break;
            float dx = shank->bx - shank->ax, dy = shank->by - shank->ay, len = hypotf(dx, dy);
            float ux = dx / len, uy = dy / len; /* down the shin, knee to ankle */
            for (int arm = POSE_GROUP_FAR_ARM; arm <= POSE_GROUP_NEAR_ARM; arm += POSE_GROUP_NEAR_ARM) {
                const PosePart *hand = part_named(&fig, arm, "hand"); /* knuckles to fingertips */
                CHECK(hand != NULL);
                if (!hand)
                    continue;
                float px = hand->ax - shank->ax, py = hand->ay - shank->ay;
                float along = px * ux + py * uy, side = px * -uy + py * ux; /* + toward the shin's front */
                along_lo = fminf(along_lo, along), along_hi = fmaxf(along_hi, along);
                side_lo = fminf(side_lo, side), side_hi = fmaxf(side_hi, side);
            }
        }
        printf("%s held: hip flexion %.1f-%.1f deg, knee %.1f-%.1f; the knuckles %.3f-%.3f H down the shin from the "
               "knee, %.3f-%.3f H in front of its line\n",
               moves[k], (double)hip_lo, (double)hip_hi, (double)knee_lo, (double)knee_hi, (double)along_lo,
               (double)along_hi, (double)side_lo, (double)side_hi);
        CHECK(hip_lo >= 132.0f && hip_hi <= 145.0f);
        CHECK(knee_lo >= 110.0f && knee_hi <= 125.0f);
        CHECK(along_lo >= 0.02f && along_hi <= 0.10f);
        CHECK(side_lo >= 0.0f && side_hi <= 0.042f + 0.025f); /* the front half, on it: not above it */
        pose_move_free(&m);
    }
}

/* The spinal twist sits tall (physio review s26 #9: "leans back and sideways instead of sit tall";
 * the breath key was keyed leaning back 10 degrees, pelvis 98, and the propping arm slanted out 13
 * degrees, the wrist 0.166 H behind the hip joint, the fingers 0.25 H): all through the hold the
 * trunk is upright (pelvis less the spine's bends within 4 degrees of vertical), the propping hand
 * close behind the pelvis (the wrist at most 0.145 H behind the hip joint) under a forearm within
 * 8 degrees of vertical. */
static void test_spinal_twist_tall(void)
{
    static PoseFile file;
    PoseMove m;
    if (!load_move("spinal_twist", &file, &m))
        return;
    int sec = pose_section_find(&file, "breath");
    CHECK(sec >= 0);
    const float *kv = sec >= 0 ? file.sections[sec].keys[0].pose.v : NULL;
    float keyed = kv ? kv[POSE_PELVIS] - (kv[POSE_SPINE0] + kv[POSE_SPINE1] + kv[POSE_SPINE2] + kv[POSE_SPINE3]) : 0.0f;
    float lean = 0.0f, behind = 0.0f, slant = 0.0f;
    for (int i = m.meta.breath.first; i <= m.meta.breath.last; i += 5) {
        const float *v = m.samples[i].v;
        lean = fmaxf(
            lean, fabsf(v[POSE_PELVIS] - (v[POSE_SPINE0] + v[POSE_SPINE1] + v[POSE_SPINE2] + v[POSE_SPINE3]) - 90.0f));
        PoseFigure fig;
        pose_move_sample_figure(&m, i, &fig);
        const PosePart *fore = part_named(&fig, POSE_GROUP_NEAR_ARM, "forearm");
        const PosePart *pelvis = part_named(&fig, POSE_GROUP_TORSO, "pelvis");
        CHECK(fore != NULL && pelvis != NULL);
        if (!fore || !pelvis)
            break;
        behind = fmaxf(behind, pelvis->ax - fore->bx);
        slant = fmaxf(slant, fabsf(atan2f(fore->bx - fore->ax, fore->ay - fore->by)) * 57.29578f);
    }
    printf("spinal_twist held: the trunk within %.1f deg of upright (keyed %.1f), the propping wrist %.3f H behind "
           "the hip joint, its forearm %.1f deg off vertical\n",
           (double)lean, (double)(keyed - 90.0f), (double)behind, (double)slant);
    CHECK(lean <= 4.0f);
    CHECK(fabsf(keyed - 90.0f) <= 4.0f); /* keyed as drawn: not leaning back for the solver to undo */
    CHECK(behind <= 0.145f);
    CHECK(slant <= 8.0f);
    pose_move_free(&m);
}

/* The hooking arm at the knee (physio review s28: the spinal twist's left side, turned away, read
 * ambiguously from across the room: the hooking forearm lay level under the bent knee and on along
 * the shin, the hand 0.193 H from the knee, near the foot, so seen from behind nothing of it showed
 * at the knee). Held, on both sides (the other side turned away, the near arm hooking the far knee),
 * the hooking wrist is within 0.10 H of the bent knee and its forearm passes within 0.07 H of the
 * knee (the knee's and the forearm's radii, 0.043 + 0.030: against it), for the twist on the mat and
 * the one on a chair alike. */
static float segment_distance(float px, float py, float ax, float ay, float bx, float by)
{
    float dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
    float u = len2 > 0.0f ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0.0f;
    u = u < 0.0f ? 0.0f : u > 1.0f ? 1.0f : u;
    return hypotf(ax + u * dx - px, ay + u * dy - py);
}

static void test_twist_hooks_knee(void)
{
    static PoseFile file;
    static const char *const twists[] = {"spinal_twist", "seated_twist"};
    for (size_t t = 0; t < sizeof twists / sizeof twists[0]; t++) {
        PoseMove m;
        if (!load_move(twists[t], &file, &m))
            continue;
        for (int side = 0; side < 2; side++) {
            float wrist = 0.0f, fore = 0.0f;
            for (int i = m.meta.breath.first; i <= m.meta.breath.last; i += 5) {
                PoseFigure fig;
                if (side)
                    pose_move_sample_figure_swapped(&m, i, &fig);
                else
                    pose_move_sample_figure(&m, i, &fig);
                /* the right side: the far arm hooks the near knee; the other side, the near the far */
                const PosePart *arm = part_named(&fig, side ? POSE_GROUP_NEAR_ARM : POSE_GROUP_FAR_ARM, "forearm");
                const PosePart *thigh = part_named(&fig, side ? POSE_GROUP_FAR_LEG : POSE_GROUP_NEAR_LEG, "thigh");
                CHECK(arm != NULL && thigh != NULL);
                if (!arm || !thigh)
                    break;
                wrist = fmaxf(wrist, hypotf(arm->bx - thigh->bx, arm->by - thigh->by));
                fore = fmaxf(fore, segment_distance(thigh->bx, thigh->by, arm->ax, arm->ay, arm->bx, arm->by));
            }
            printf("%s held%s: the hooking wrist at most %.3f H from the bent knee, its forearm %.3f H\n", twists[t],
                   side ? " (other side, turned away)" : "", (double)wrist, (double)fore);
            CHECK(wrist <= 0.10f);
            CHECK(fore <= 0.07f);
        }
        pose_move_free(&m);
    }
}

/* The spinal twist's way in (physio review s29 #3, a safety point: "physios teach twisting
 * slowly"). Played as levels/01 plays it, in its get-ready and its "switch sides" (both sides):
 * from the first third of each on, the figure shows the setup the words ask for (the knee bent,
 * its foot set down outside the other knee: the near shin painted behind the far leg), and the
 * trunk turns slowly into the twist: from 10% to 90% of its turn in at least 3 s. Before, the
 * get-ready showed straight legs until its 3-2-1, and knee, foot and turn all came in those 3 s:
 * the turn from 10% to 90% in about 1 s. */
static float twist_frame_value(const PoseMove *m, const SheetFrame *f, int param)
{
    return m->samples[f->a].v[param] + (m->samples[f->b].v[param] - m->samples[f->a].v[param]) * f->blend;
}

static bool twist_frame_set_up(const PoseMove *m, const SheetFrame *f)
{
    int k = f->blend < 0.5f ? f->a : f->b, shin = -1, far = -1;
    const int *order = &m->sample_order[(size_t)k * POSE_ORDER_COUNT];
    for (int i = 0; i < POSE_ORDER_COUNT; i++) {
        if (order[i] == POSE_GROUP_NEAR_SHIN)
            shin = i;
        if (order[i] == POSE_GROUP_FAR_LEG)
            far = i;
    }
    return twist_frame_value(m, f, POSE_KNEE_N) >= 100.0f && twist_frame_value(m, f, POSE_HIP_N) >= 120.0f &&
           shin >= 0 && shin < far;
}

static void test_spinal_twist_slow_in(void)
{
    static PoseFile file;
    static char src[1 << 14];
    PoseMove m;
    if (!load_move("spinal_twist", &file, &m))
        return;
    FILE *f = fopen("levels/01-gentle-start.routine", "rb");
    CHECK(f != NULL);
    if (!f) {
        pose_move_free(&m);
        return;
    }
    size_t n = fread(src, 1, sizeof src, f);
    fclose(f);
    static Routine r;
    RoutineErrors rerrs;
    memset(&rerrs, 0, sizeof rerrs);
    CHECK_INT(routine_parse("levels/01-gentle-start.routine", src, n, &r, &rerrs), 0);
    testholdways_fill(&r); /* its holds' ways from the pose files, as the platform loads them */
    static Session s;
    CHECK_INT(session_init(&s, &r), 0);
    session_set_checkin_wait(&s, 0);
    session_set_side_wait(&s, 0);
    float held = m.samples[m.meta.held].v[POSE_TWIST];
    int sides = 0, seg = -1, set_up_from = -1, shown_from = -1, len = 0, low_ms = -1, high_ms = -1;
    int moving_in = 0; /* the count whose first moving moment was printed */
    int done = -1; /* the get-ready or switch whose turn was measured (it may end there) */
    int counts = 0, counts_in_pose = 0, counts_moving = 0; /* the holds' counts, how many start in the pose */
    bool all_set_up = true;
    for (int guard = 0; guard < 100000 && !session_over(&s); guard++) {
        int was = s.seg;
        session_step(&s, NULL, SESSION_TICK_MS);
        const Segment *g = &s.segments[s.seg];
        const RoutineStep *st = g->step >= 0 ? &r.steps[g->step] : NULL;
        if (g->kind == SEG_WORK && st && st->move == MOVE_SPINAL_TWIST) {
            /* the counted hold (holdstep): starts with the trunk turned (90 % of its range) and
             * never moves out of the pose before its count ends */
            SessionView hv = session_view(&s, 0);
            SheetFrame hf;
            sheet_frame_at(&m.meta, hv.anim, sheet_grid_ms(hv.anim_ms), hv.anim_length_ms, hv.rep_hold_ms, &hf);
            if (s.seg != was) {
                counts++;
                float turned = twist_frame_value(&m, &hf, POSE_TWIST);
                printf("spinal_twist count %d starts with the trunk at %.0f %% of its turn\n", counts,
                       (double)(100.0f * turned / held));
                if (turned >= 0.9f * held)
                    counts_in_pose++;
            }
            if ((hf.part == SHEET_PART_OUTRO || hf.part == SHEET_PART_INTRO) && hv.elapsed_ms > 0 &&
                hv.elapsed_ms < g->duration_ms - 1000 / SHEET_POSES_PER_S) {
                /* its ends are the pose's (the way in's last frame, the way out's first: the pose
                 * grid, sheet_grid_ms, shows the count's end a step early) */
                if (moving_in != counts) /* the first moving moment of this count */
                    moving_in = counts,
                    printf("spinal_twist count %d: %s at %d ms of %d\n", counts,
                           hf.part == SHEET_PART_INTRO ? "way in" : "way out", hv.elapsed_ms, g->duration_ms);
                counts_moving++;
            }
        }
        bool before = (g->kind == SEG_READY || g->kind == SEG_SWITCH) && st && st->move == MOVE_SPINAL_TWIST;
        if (before && s.seg != seg && s.seg != done) /* a get-ready or switch of the twist begins */
            seg = s.seg, len = g->duration_ms, set_up_from = shown_from = -1, low_ms = high_ms = -1, all_set_up = true;
        SessionView v = session_view(&s, 0);
        int el = v.elapsed_ms;
        /* the side to come (a switch begins with the way out of the side before), eased in */
        if (seg < 0 || (s.seg != seg && s.seg != seg + 1) || v.figure != MOVE_SPINAL_TWIST ||
            v.side != s.segments[seg + 1].side || v.blend)
            continue;
        if (shown_from < 0)
            shown_from = el;
        if (s.seg == seg + 1)
            el += len; /* its hold: the time since the get-ready began */
        SheetFrame fr;
        sheet_frame_at(&m.meta, v.anim, sheet_grid_ms(v.anim_ms), v.anim_length_ms, v.rep_hold_ms, &fr);
        float twist = twist_frame_value(&m, &fr, POSE_TWIST);
        if (s.seg == seg && twist < 0.1f * held) { /* before the turn: set up, from the first third on */
            if (twist_frame_set_up(&m, &fr)) {
                if (set_up_from < 0)
                    set_up_from = el;
            } else if (set_up_from >= 0)
                all_set_up = false;
        }
        if (low_ms < 0 && twist >= 0.1f * held)
            low_ms = el;
        if (high_ms < 0 && twist >= 0.9f * held) {
            high_ms = el;
            sides++;
            printf("spinal_twist side %d (%s): shown %.2f s and set up %.2f s into its %.1f s %s, the turn 10%%-90%% "
                   "at %.2f-%.2f s (%.2f s)\n",
                   sides, g->side == SIDES_LEFT ? "left" : "right", (double)shown_from / 1000.0,
                   (double)set_up_from / 1000.0, (double)len / 1000.0,
                   s.segments[seg].kind == SEG_READY ? "get-ready" : "switch", (double)low_ms / 1000.0,
                   (double)high_ms / 1000.0, (double)(high_ms - low_ms) / 1000.0);
            /* set up once shown (a get-ready: from its first third; a switch: once the way out of the
             * side before is over and the new side eased in) */
            CHECK(set_up_from >= 0 && set_up_from == shown_from);
            if (s.segments[seg].kind == SEG_READY)
                CHECK(set_up_from <= len / 3);
            CHECK(all_set_up);
            CHECK(low_ms >= 0 && high_ms - low_ms >= 3000);
            CHECK(high_ms <= len); /* turned before the count starts (holdstep; main: 1.8 s into it) */
            done = seg, seg = -1;
        }
    }
    CHECK_INT(sides, 2);
    CHECK_INT(counts, 2);
    CHECK_INT(counts_in_pose, 2);
    CHECK_INT(counts_moving, 0); /* no way in nor out in the counted time (main: 1.6 s of way out) */
    session_free(&s);
    routine_free(&r);
    pose_move_free(&m);
}

/* Where a held move's count falls in its animation when played alone ("move NAME / hold 20s", both
 * sides when sided) with r's hold_ways as given: counts is how many counts were played, moving how
 * many of their moments show the way in (or, with out_too, the way out) instead of the pose, and
 * start_ms the step-in the get-ready gave (the view turns to the hold's animation that long
 * before the count). */
static void hold_alone(const PoseMove *m, Routine *r, bool out_too, int *counts, int *moving, int *start_ms)
{
    static Session s;
    *counts = *moving = 0, *start_ms = -1;
    CHECK_INT(session_init(&s, r), 0);
    session_set_checkin_wait(&s, 0);
    session_set_side_wait(&s, 0);
    for (int guard = 0; guard < 100000 && !session_over(&s); guard++) {
        int was = s.seg;
        session_step(&s, NULL, SESSION_TICK_MS);
        const Segment *g = &s.segments[s.seg];
        SessionView v = session_view(&s, 0);
        if (g->kind == SEG_READY && *start_ms < 0 && v.anim == ANIM_HOLD)
            *start_ms = v.remaining_ms;
        if (g->kind != SEG_WORK || g->step < 0)
            continue;
        if (s.seg != was)
            (*counts)++;
        SheetFrame f;
        sheet_frame_at(&m->meta, v.anim, sheet_grid_ms(v.anim_ms), v.anim_length_ms, v.rep_hold_ms, &f);
        if ((f.part == SHEET_PART_INTRO || (out_too && f.part == SHEET_PART_OUTRO)) && v.elapsed_ms > 0 &&
            v.elapsed_ms < g->duration_ms - 1000 / SHEET_POSES_PER_S)
            (*moving)++;
    }
    session_free(&s);
}

/* A held move steps into (out of) its pose at its pose file's own pace when that is longer than
 * SESSION_STEP_IN_MS (holdstep), and the time comes from the pose file itself (the platform reads
 * it, pose_file_hold_ways, into Routine.hold_ways; it was a table in sheet.c kept beside the files):
 * for every catalogue move, the file's ways are the sampled animation's (what the figure plays),
 * and each held move whose way in is slower than the step-in is in its pose for all of its count
 * with the file's times, and not without them (the session takes the times from the routine). */
static void test_hold_ways_from_pose_files(void)
{
    static PoseFile file;
    static char src[POSE_MAX_FILE_BYTES];
    int slow = 0;
    for (int id = 0; id < MOVE_COUNT; id++) {
        const MoveInfo *info = moves_info((MoveId)id);
        char path[128];
        snprintf(path, sizeof path, "assets/poses/%s.pose", info->id);
        FILE *f = fopen(path, "rb");
        if (!f)
            continue; /* a move without a pose file of its own (rest figures drawn from another) */
        size_t n = fread(src, 1, sizeof src, f);
        fclose(f);
        memset(&errs, 0, sizeof errs);
        CHECK_INT(pose_parse(path, src, n, &file, &errs), 0);
        int in = 0, out = 0;
        pose_file_hold_ways(&file, &in, &out);
        if (in <= SESSION_STEP_IN_MS || !info->routine_usable)
            continue;
        slow++;
        PoseMove m;
        if (!load_move(info->id, &file, &m))
            continue;
        int span = m.meta.intro.last - m.meta.intro.first;
        double played_in = m.meta.intro.ms * (1.0 - (double)m.meta.setup / (span < 0 ? -span : span));
        CHECK(fabs(played_in - in) < 1.0);
        CHECK_INT(m.meta.outro.ms, out);
        char text[256];
        snprintf(text, sizeof text, "title \"t\"\nmove %s\n  hold 20s\n%s", info->id,
                 info->sided ? "  sides both\n" : "");
        static Routine r;
        RoutineErrors rerrs;
        CHECK_INT(routine_parse("t.routine", text, strlen(text), &r, &rerrs), 0);
        int counts, moving, start_ms, counts0, moving0, start0_ms;
        hold_alone(&m, &r, false, &counts0, &moving0, &start0_ms); /* no times given: the standard 3 s */
        testholdways_fill(&r);
        CHECK_INT(r.hold_ways[id].in_ms, in);
        hold_alone(&m, &r, true, &counts, &moving, &start_ms);
        printf("%s: way in %d ms, out %d ms (pose file); alone, its get-ready steps in %d ms before the count "
               "(%d without the file's times), %d of %d counts' moments moving (%d without)\n",
               info->id, in, out, start_ms, start0_ms, moving, counts, moving0);
        CHECK_INT(counts, info->sided ? 2 : 1);
        CHECK_INT(moving, 0);
        CHECK(start_ms >= in && start_ms < in + 1000);
        CHECK(moving0 > 0 && start0_ms < in); /* without them the way in runs into the count */
        routine_free(&r);
        pose_move_free(&m);
    }
    CHECK(slow >= 3); /* the spinal twist, the hip flexor lunge, lying on elbows */
}

/* Forward fold's roll-up (issue 12, physio review s24): "Roll up slowly, one vertebra at a time"
 * took under a second (levels/01: folded at 203.5 s, nearly upright at 204.0 s; 54% of the trunk's
 * rise in 0.5 s, the head coming up with it). Drawn as levels/01 plays it (a 40 s hold), the way
 * out takes at least 3.5 s; the shoulders (the top of the trunk) rise steadily, from 10% to 90% of
 * the way up in at least 1.8 s (was 1.39) and at most 35% in any 0.5 s; the lower back comes up
 * first and the head last: the head's lift over the shoulders (hanging below them folded, above
 * them standing) is not half done before the trunk is 80% up (was 72%); the knees stay soft (bent
 * at least 5 degrees, was 2.7) until the trunk is 80% up; the feet stay planted (heels within
 * 0.002 H of where they were). */
static float trunk_top_y(const PoseFigure *fig)
{
    float y = 0.0f;
    for (int g = 0; g < fig->count; g++)
        for (int i = 0; fig->groups[g].id == POSE_GROUP_TORSO && i < fig->groups[g].count; i++)
            if (strcmp(fig->groups[g].parts[i].name, "trunk") == 0)
                y = fig->groups[g].parts[i].by; /* the last trunk part ends at the shoulders */
    return y;
}

static void test_forward_fold(void)
{
    static PoseFile file;
    PoseMove m;
    if (!load_move("forward_fold", &file, &m))
        return;
    const int len = 40000; /* levels/01-gentle-start: move forward_fold hold 40s */
    const SheetRange *o = &m.meta.outro;
    PoseFigure fig;
    pose_move_sample_figure(&m, o->first, &fig);
    float top0 = trunk_top_y(&fig), lift0 = part_named(&fig, POSE_GROUP_TORSO, "head")->ay - top0;
    float heel_n = part_named(&fig, POSE_GROUP_NEAR_LEG, "heel")->bx;
    float heel_f = part_named(&fig, POSE_GROUP_FAR_LEG, "heel")->bx;
    pose_move_sample_figure(&m, o->last, &fig);
    float top1 = trunk_top_y(&fig), lift1 = part_named(&fig, POSE_GROUP_TORSO, "head")->ay - top1;
    enum { STEP_MS = 1000 / POSE_SAMPLE_FPS, WINDOW = 500 / STEP_MS };
    float up[8000 / STEP_MS + 1];
    int n = 0, t10 = -1, t90 = -1;
    float head_half_at = -1.0f, slid = 0.0f;
    for (int ms = len - 8000; ms <= len; ms += STEP_MS, n++) {
        pose_move_figure_at(&m, ANIM_HOLD, ms, len, 0, false, &fig);
        float top = trunk_top_y(&fig), lift = part_named(&fig, POSE_GROUP_TORSO, "head")->ay - top;
        up[n] = (top - top0) / (top1 - top0);
        if (t10 < 0 && up[n] >= 0.1f)
            t10 = ms;
        if (t90 < 0 && up[n] >= 0.9f)
            t90 = ms;
        if (head_half_at < 0.0f && (lift - lift0) / (lift1 - lift0) >= 0.5f)
            head_half_at = up[n];
        slid = fmaxf(slid, fabsf(part_named(&fig, POSE_GROUP_NEAR_LEG, "heel")->bx - heel_n));
        slid = fmaxf(slid, fabsf(part_named(&fig, POSE_GROUP_FAR_LEG, "heel")->bx - heel_f));
    }
    float steepest = 0.0f;
    for (int k = 0; k + WINDOW < n; k++)
        steepest = fmaxf(steepest, up[k + WINDOW] - up[k]);
    float knee = 180.0f; /* the straighter knee while the trunk is below 80% up */
    for (int i = o->first; i <= o->last; i++) {
        pose_move_sample_figure(&m, i, &fig);
        if ((trunk_top_y(&fig) - top0) / (top1 - top0) < 0.8f)
            knee = fminf(knee, fminf(m.samples[i].v[POSE_KNEE_N], m.samples[i].v[POSE_KNEE_F]));
    }
    printf("forward_fold roll-up (40 s hold): way out %.1f s; shoulders 10%% to 90%% up in %.2f s, at most %.0f%% in "
           "0.5 s; trunk %.0f%% up when the head's lift is half done; knees bent >= %.1f deg below 80%% up; heels "
           "move %.4f H\n",
           o->ms / 1000.0, (t90 - t10) / 1000.0, 100.0 * steepest, 100.0 * head_half_at, (double)knee, (double)slid);
    CHECK(o->ms >= 3500);
    CHECK(t10 >= 0 && t90 - t10 >= 1800);
    CHECK(steepest <= 0.35f);
    CHECK(head_half_at >= 0.8f);
    CHECK(knee >= 5.0f);
    CHECK(slid <= 0.002f);
    pose_move_free(&m);
}

/* The standing back extension as a physio teaches it (review s25, finding 2): hands on the lower
 * back, fingers down, the hips pushed forward, the bend from the lower back, the chin about level.
 * At the top of the rep: both wrists well above the hip joints (on the top of the pelvis and the
 * lumbar area, not the buttocks), the hip joints ahead of the ankles, the lower spine joints
 * carrying the arch, the head not thrown back. Before (b222726): wrists 0.035 H above the hip
 * joints, hip joints 0.020 H ahead of the ankles' midpoint, the head tipped 36 degrees back (the
 * solver turned the keyed pelvis 94 to 101, the feet flat where the key had not put them). */
static void test_standing_extension(void)
{
    static PoseFile file;
    PoseMove m;
    if (!load_move("standing_extension", &file, &m))
        return;
    const SheetRange *c = &m.meta.cycle;
    int top = c->first + (c->last - c->first) / 2; /* key 0.5: the top of the bend */
    float ahead[2] = {0.0f, 0.0f}, wrist_up = 1.0f, wrist_back = 1.0f, dir[2] = {0.0f, 0.0f};
    for (int k = 0; k < 2; k++) {
        PoseFigure fig;
        pose_move_sample_figure(&m, k ? top : c->first, &fig);
        const PosePart *thigh = part_named(&fig, POSE_GROUP_NEAR_LEG, "thigh");
        const PosePart *shank[2] = {part_named(&fig, POSE_GROUP_NEAR_LEG, "shank"),
                                    part_named(&fig, POSE_GROUP_FAR_LEG, "shank")};
        const PosePart *fore[2] = {part_named(&fig, POSE_GROUP_NEAR_ARM, "forearm"),
                                   part_named(&fig, POSE_GROUP_FAR_ARM, "forearm")};
        CHECK(thigh && shank[0] && shank[1] && fore[0] && fore[1]);
        if (!thigh || !shank[0] || !shank[1] || !fore[0] || !fore[1])
            return;
        ahead[k] = thigh->ax - 0.5f * (shank[0]->bx + shank[1]->bx); /* the hip joints ahead of the ankles */
        for (int a = 0; k && a < 2; a++) { /* the wrists (the forearm's far end) against the hip joint */
            wrist_up = fminf(wrist_up, fore[a]->by - thigh->ay);
            wrist_back = fminf(wrist_back, thigh->ax - fore[a]->bx);
        }
        /* the head's direction: the pelvis's, less every flexion above it */
        const float *v = m.samples[k ? top : c->first].v;
        dir[k] = v[POSE_PELVIS] - v[POSE_SPINE0] - v[POSE_SPINE1] - v[POSE_SPINE2] - v[POSE_SPINE3] - v[POSE_NECK] -
                 v[POSE_HEAD];
    }
    const float *v = m.samples[top].v;
    float lower = -(v[POSE_SPINE0] + v[POSE_SPINE1]), upper = -(v[POSE_SPINE2] + v[POSE_SPINE3]);
    printf("standing_extension top (sample %d): wrists %.3f H above the hip joints, at least %.3f H behind them; hip "
           "joints %.3f H ahead of the ankles (%.3f at the start); spine a+b %.0f deg back, c+d %.0f; head tipped "
           "%.0f deg back from the start\n",
           top, (double)wrist_up, (double)wrist_back, (double)ahead[1], (double)ahead[0], (double)lower, (double)upper,
           (double)(dir[1] - dir[0]));
    CHECK(wrist_up >= 0.05f); /* the lower back, not the buttocks */
    CHECK(wrist_back >= 0.06f); /* on the back, behind the trunk */
    CHECK(ahead[1] >= 0.03f && ahead[1] <= 0.06f); /* the hips forward over the feet */
    CHECK(ahead[1] - ahead[0] >= 0.03f); /* and they moved forward */
    CHECK(lower >= 20.0f && upper <= 0.5f * lower); /* the bend from the lower back */
    CHECK(dir[1] - dir[0] <= 35.0f); /* following the trunk, not thrown back: test_standing_extension_head */
    /* knees straight all through the rep (levels/08: "knees straight"; review s26: the near knee
     * bent 13.6 degrees at the top, the feet staggered under hips pushed forward) */
    float knee = 0.0f;
    for (int i = c->first; i <= c->last; i++)
        knee = fmaxf(knee, fmaxf(m.samples[i].v[POSE_KNEE_N], m.samples[i].v[POSE_KNEE_F]));
    printf("standing_extension: knees bent at most %.1f deg in the rep\n", (double)knee);
    CHECK(knee <= 3.0f);
    pose_move_free(&m);
}

/* Sitting on a chair as the desk break's cue says (physio review s26, findings 3 and 4): "on the
 * front half of your chair, feet flat on the floor", and "sit tall" with the trunk upright and the
 * chin level, the movement from the pelvis. In every seated file's resting figure (the ways' sitting
 * ends too: they meet rest_on_chair) the buttocks (the pelvis's rearmost point) lie on the seat's
 * front half and the ankles under the knees; the seated twist's hand still holds the chair's back
 * (its upright, between the seat and the back's top). The slump-and-sit-tall's sit tall (cycle 0.75,
 * and the held pose) rolls the pelvis forward and arches the lower back, the trunk within 3 degrees
 * of vertical and the head tipped no further back than sitting's. Before: the buttocks 0.036 H
 * behind the seat's middle (its back near the back rest); at sit tall the trunk leaned 4.3 degrees
 * back and the head was tipped 14 degrees back from sitting's (the chin up). */
static void test_chair_sitting(void)
{
    static PoseFile file;
    static const char *const seated[] = {"rest_on_chair", "seated_pelvic_tilt", "seated_twist", "way_standing_to_chair",
                                         "way_chair_to_standing"};
    const float middle = 0.5f * (POSE_CHAIR_BACK_X + POSE_CHAIR_FRONT_X);
    float rest_head = 0.0f;
    for (size_t i = 0; i < sizeof seated / sizeof seated[0]; i++) {
        PoseMove m;
        if (!load_move(seated[i], &file, &m))
            continue;
        /* the sitting figure: the intro's first sample (a way off the chair, the twist), else the
         * breath's (a way onto it, the rests); the pelvic tilt's cycle starts sitting */
        bool from_start = i == 2 || i == 4;
        int k = from_start ? m.meta.intro.first : i == 1 ? m.meta.cycle.first : m.meta.breath.first;
        PoseFigure fig;
        pose_move_sample_figure(&m, k, &fig);
        CHECK(fig.chair);
        const PosePart *pelvis = part_named(&fig, POSE_GROUP_TORSO, "pelvis");
        const PosePart *thigh = part_named(&fig, POSE_GROUP_NEAR_LEG, "thigh");
        const PosePart *shank = part_named(&fig, POSE_GROUP_NEAR_LEG, "shank");
        CHECK(pelvis && thigh && shank);
        if (!pelvis || !thigh || !shank) {
            pose_move_free(&m);
            continue;
        }
        float back = fminf(pelvis->ax - pelvis->ra, pelvis->bx - pelvis->rb);
        float under = shank->bx - thigh->bx; /* the ankle ahead of the knee */
        printf("%-22s sitting (sample %d): the buttocks' back %.3f H from the seat's middle (front edge %.3f H "
               "ahead of the hip joint), the ankle %.3f H ahead of the knee\n",
               seated[i], k, (double)(back - middle), (double)(POSE_CHAIR_FRONT_X - thigh->ax), (double)under);
        CHECK(back >= middle); /* on the front half */
        CHECK(thigh->ax <= POSE_CHAIR_FRONT_X - 0.01f); /* the sitting bones on the seat, not its edge */
        CHECK(fabsf(under) <= 0.03f); /* feet flat under the knees */
        const float *v = m.samples[k].v;
        if (i == 0)
            rest_head = v[POSE_PELVIS] - v[POSE_SPINE0] - v[POSE_SPINE1] - v[POSE_SPINE2] - v[POSE_SPINE3] -
                        v[POSE_NECK] - v[POSE_HEAD];
        if (i == 2) { /* the twist's held pose: the near hand on the back's upright */
            pose_move_sample_figure(&m, m.meta.held, &fig);
            const PosePart *fore = part_named(&fig, POSE_GROUP_NEAR_ARM, "forearm");
            CHECK(fore != NULL);
            if (fore) {
                float wx = fore->bx, wy = fore->by; /* the wrist */
                printf("seated_twist held: the near wrist at %.3f, %.3f H (the back from %.3f to %.3f, the seat's top "
                       "%.3f, the back's top %.3f)\n",
                       (double)wx, (double)wy, (double)(POSE_CHAIR_BACK_X - POSE_CHAIR_BACK_T),
                       (double)POSE_CHAIR_BACK_X, (double)POSE_CHAIR_SEAT_H, (double)POSE_CHAIR_TOP_H);
                CHECK(wx >= POSE_CHAIR_BACK_X - POSE_CHAIR_BACK_T - 0.02f && wx <= POSE_CHAIR_BACK_X + 0.02f);
                CHECK(wy >= POSE_CHAIR_SEAT_H && wy <= POSE_CHAIR_TOP_H);
            }
        }
        if (i == 1) { /* sit tall: cycle 0.75 and the held pose */
            int tall[2] = {m.meta.cycle.first + 3 * (m.meta.cycle.last - m.meta.cycle.first) / 4, m.meta.held};
            for (int t = 0; t < 2; t++) {
                pose_move_sample_figure(&m, tall[t], &fig);
                const float *w = m.samples[tall[t]].v;
                float top_x = 0.0f, top_y = 0.0f, bx = 0.0f, by = 0.0f;
                for (int g = 0; g < fig.count; g++) /* the last trunk part's top end */
                    for (int q = 0; q < fig.groups[g].count && fig.groups[g].id == POSE_GROUP_TORSO; q++)
                        if (strcmp(fig.groups[g].parts[q].name, "trunk") == 0)
                            top_x = fig.groups[g].parts[q].bx, top_y = fig.groups[g].parts[q].by;
                const PosePart *p = part_named(&fig, POSE_GROUP_TORSO, "pelvis");
                if (p)
                    bx = p->ax, by = p->ay;
                float lean = atan2f(bx - top_x, top_y - by) * 180.0f / 3.14159265f; /* + back */
                float head = w[POSE_PELVIS] - w[POSE_SPINE0] - w[POSE_SPINE1] - w[POSE_SPINE2] - w[POSE_SPINE3] -
                             w[POSE_NECK] - w[POSE_HEAD];
                float lumbar = -(w[POSE_SPINE0] + w[POSE_SPINE1]);
                printf(
                    "seated_pelvic_tilt sit tall (sample %d): pelvis %.0f, the lower back arched %.0f deg, the trunk "
                    "%.1f deg back of vertical, the head %.0f deg back of sitting's\n",
                    tall[t], (double)w[POSE_PELVIS], (double)lumbar, (double)lean, (double)(head - rest_head));
                CHECK(w[POSE_PELVIS] <= 80.0f); /* the pelvis rolled forward */
                CHECK(lumbar >= 10.0f); /* a hollow in the lower back */
                CHECK(fabsf(lean) <= 3.0f); /* upright */
                CHECK(head - rest_head <= 5.0f && head - rest_head >= -8.0f); /* the chin level */
            }
        }
        pose_move_free(&m);
    }
}

/* Load and sample assets/poses/NAME.pose into *m; false (and a failed check) when it cannot. */
static bool load_move(const char *name, PoseFile *file, PoseMove *m)
{
    static char src[POSE_MAX_FILE_BYTES];
    char path[128];
    snprintf(path, sizeof path, "assets/poses/%s.pose", name);
    FILE *f = fopen(path, "rb");
    CHECK(f != NULL);
    if (!f)
        return false;
    size_t n = fread(src, 1, sizeof src, f);
    fclose(f);
    memset(&errs, 0, sizeof errs);
    CHECK_INT(pose_parse(path, src, n, file, &errs), 0);
    CHECK_INT(pose_move_init(m, file), 0);
    return errs.count == 0 && m->meta.frames > 0;
}

/* The farthest any part's end moves between two grounded figures built in the same order (H). */
static float figure_moved(const PoseFigure *a, const PoseFigure *b)
{
    float worst = 0.0f;
    for (int g = 0; g < a->count && g < b->count; g++)
        for (int i = 0; i < a->groups[g].count && i < b->groups[g].count; i++) {
            const PosePart *p = &a->groups[g].parts[i], *q = &b->groups[g].parts[i];
            worst = fmaxf(worst, fmaxf(hypotf(p->ax - q->ax, p->ay - q->ay), hypotf(p->bx - q->bx, p->by - q->by)));
        }
    return worst;
}

/* The gap between the outlines of part `an` of group ga and part `bn` of group gb (negative when
 * they overlap), walking both round cones' axes in small steps. */
static float part_gap(const PoseFigure *fig, int ga, const char *an, int gb, const char *bn)
{
    float gap = 1e9f;
    for (int g = 0; g < fig->count; g++)
        for (int i = 0; fig->groups[g].id == ga && i < fig->groups[g].count; i++)
            for (int h = 0; h < fig->count; h++)
                for (int j = 0; fig->groups[h].id == gb && j < fig->groups[h].count; j++) {
                    const PosePart *p = &fig->groups[g].parts[i], *q = &fig->groups[h].parts[j];
                    if (strcmp(p->name, an) != 0 || strcmp(q->name, bn) != 0)
                        continue;
                    for (int u = 0; u <= 32; u++)
                        for (int v = 0; v <= 32; v++) {
                            float s = (float)u / 32.0f, t = (float)v / 32.0f;
                            float px = p->ax + (p->bx - p->ax) * s, py = p->ay + (p->by - p->ay) * s;
                            float qx = q->ax + (q->bx - q->ax) * t, qy = q->ay + (q->by - q->ay) * t;
                            float r = p->ra + (p->rb - p->ra) * s + q->ra + (q->rb - q->ra) * t;
                            gap = fminf(gap, hypotf(px - qx, py - qy) - r);
                        }
                }
    return gap;
}

/* The farthest any body part's end moves between two figures of one move, groups matched by id,
 * name and their turn among such (the torso, the hair and the eyes are all torso groups; a roll's
 * paint order may change between the two), parts by name; the eyes (flat) go with the head. */
static float parts_moved(const PoseFigure *a, const PoseFigure *b, const char **group, const char **what)
{
    float worst = 0.0f;
    for (int g = 0; g < a->count; g++) {
        const PoseGroup *x = &a->groups[g];
        int nth = 0;
        for (int i = 0; i < g; i++)
            nth += a->groups[i].id == x->id && a->groups[i].flat == x->flat && strcmp(a->groups[i].name, x->name) == 0;
        int h = group_like(b, x, nth);
        if (!x->flat && h >= 0) {
            const PoseGroup *y = &b->groups[h];
            for (int i = 0; i < x->count && i < y->count; i++) {
                const PosePart *p = &x->parts[i], *q = &y->parts[i];
                float d = fmaxf(hypotf(p->ax - q->ax, p->ay - q->ay), hypotf(p->bx - q->bx, p->by - q->by));
                if (strcmp(p->name, q->name) == 0 && d > worst)
                    worst = d, *group = x->name, *what = p->name;
            }
        }
    }
    return worst;
}

/* How far grounded figure fig breaks the contact rule standing on contacts (H): one of them above
 * the mat, or any part below it (as test_drawn_levels checks an eased figure). */
static float eased_off(const PoseFigure *fig, unsigned contacts)
{
    float low[CONTACT_COUNT], lowest = pose_figure_ground(fig, 0u, low), off = fabsf(lowest);
    for (int c = 0; c < CONTACT_COUNT; c++)
        if (contacts & (1u << c))
            off = fmaxf(off, low[c] - lowest);
    return off;
}

/* A way (moves.h WAYS) eased in from a move's end that is not its position's figure (the cuts of
 * test_drawn_levels' cuts_left: the superman's arms overhead, the rest on the front's folded under
 * the forehead): eased on each 30 Hz frame of SESSION_BLEND_MS, the contacts both keep on the mat,
 * a's figure at its start and the way's own at its end, and no part moving more than 0.03 H in
 * 1/30 s on top of the way's own motion (eased plainly towards the moving way, the easing dropped
 * out mid-way, 0.074 H in a frame, and contacts lifted 2-20 px). */
static void test_ways_eased_in(void)
{
    static const struct {
        const char *from, *way;
        AnimMode mode;
        int ms, length, hold;
    } pairs[] = {
        {"superman", "way_front_to_all_fours", ANIM_REPS, 6999, 7000, 3000},
        {"cat_camel", "way_all_fours_to_standing", ANIM_REPS, 5999, 6000, 0},
        {"pelvic_tilt", "way_back_to_all_fours", ANIM_REPS, 5999, 6000, 0},
        {"standing_extension", "way_standing_to_front", ANIM_REPS, 3999, 4000, 0},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        static PoseFile fa, fw;
        static PoseMove a, w;
        if (!load_move(pairs[i].from, &fa, &a) || !load_move(pairs[i].way, &fw, &w))
            return;
        PoseMoment at_a = {pairs[i].mode, pairs[i].ms, pairs[i].length, pairs[i].hold,
                           pose_move_draw(&a, SIDES_NONE, false)};
        static PoseFigure prev, prev_own, own, fig;
        float worst_off = 0.0f, worst_move = 0.0f, start = 0.0f, end = 0.0f;
        int dropped = 0;
        for (int ms = 0; ms <= SESSION_BLEND_MS; ms = sheet_grid_ms(ms + 34)) {
            PoseMoment at = {ANIM_HOLD, ms, 20000, 0, pose_move_draw(&w, SIDES_NONE, false)};
            unsigned required = 0u;
            bool eased = pose_moves_blend(&a, &at_a, &w, &at, (float)ms / (float)SESSION_BLEND_MS, &fig, &required);
            pose_move_figure_at(&w, ANIM_HOLD, ms, 20000, 0, false, &own);
            if (!eased)
                fig = own, dropped++;
            worst_off = fmaxf(worst_off, eased_off(&fig, required));
            const char *g = "", *x = "";
            if (ms == 0) {
                PoseFigure end_a;
                pose_move_figure_at(&a, at_a.mode, at_a.anim_ms, at_a.anim_length_ms, at_a.rep_hold_ms, false, &end_a);
                start = parts_moved(&end_a, &fig, &g, &x);
            } else {
                worst_move = fmaxf(worst_move, parts_moved(&prev, &fig, &g, &x) - parts_moved(&prev_own, &own, &g, &x));
            }
            if (ms >= SESSION_BLEND_MS)
                end = parts_moved(&own, &fig, &g, &x);
            prev = fig, prev_own = own;
        }
        printf("%s -> %s eased in: %d frames not eased, contacts %.1f px off, %.4f H a frame beyond the way's own; "
               "%.4f H from %s's end at the start, %.4f H from the way's own at the end\n",
               pairs[i].from, pairs[i].way, dropped, (double)(worst_off / POSE_CONTACT_TOL_H * 2.0f),
               (double)worst_move, (double)start, pairs[i].from, (double)end);
        CHECK_INT(dropped, 0);
        CHECK(worst_off <= POSE_CONTACT_TOL_H);
        CHECK(worst_move <= 0.03f);
        CHECK(start < 0.002f);
        CHECK(end < 0.002f);
        pose_move_free(&a);
        pose_move_free(&w);
    }
}

/* One move's end eased into the next one's start in the same position, where eased joint by joint
 * (or with the arms tucked) a limb swings through the mat: the press-up's end (hands flat by the
 * face, elbows out) into the superman's (arms long overhead), whose forearms went 0.019 H through
 * the mat half-way, so it cut (test_drawn_levels' cuts_left). Eased on each 30 Hz frame of
 * SESSION_BLEND_MS: eased throughout, nothing below the mat and the contacts both keep (the hands)
 * on it, no part moving more than 0.03 H in 1/30 s, a's figure at the start and b's at the end. */
static void test_moves_eased_in_place(void)
{
    static const struct {
        const char *from, *to;
        AnimMode mode;
        int ms, length, hold;
    } pairs[] = {
        {"press_up", "superman", ANIM_REPS, 7999, 8000, 0},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        static PoseFile fa, fb;
        static PoseMove a, b;
        if (!load_move(pairs[i].from, &fa, &a) || !load_move(pairs[i].to, &fb, &b))
            return;
        PoseMoment at_a = {pairs[i].mode, pairs[i].ms, pairs[i].length, pairs[i].hold,
                           pose_move_draw(&a, SIDES_NONE, false)};
        PoseMoment at_b = {ANIM_START, 0, 7000, 0, pose_move_draw(&b, SIDES_NONE, false)};
        static PoseFigure prev, own, fig, end_a;
        pose_move_figure_at(&a, at_a.mode, at_a.anim_ms, at_a.anim_length_ms, at_a.rep_hold_ms, false, &end_a);
        pose_move_figure_at(&b, at_b.mode, at_b.anim_ms, at_b.anim_length_ms, at_b.rep_hold_ms, false, &own);
        float worst_off = 0.0f, worst_move = 0.0f, start = 0.0f, end = 0.0f;
        int dropped = 0;
        unsigned kept = 0u;
        const char *wg = "", *ww = "";
        for (int ms = 0; ms <= SESSION_BLEND_MS; ms = sheet_grid_ms(ms + 34)) {
            unsigned required = 0u;
            if (!pose_moves_blend(&a, &at_a, &b, &at_b, (float)ms / (float)SESSION_BLEND_MS, &fig, &required))
                fig = own, dropped++;
            else
                worst_off = fmaxf(worst_off, eased_off(&fig, required)), kept |= required;
            const char *g = "", *x = "";
            if (ms == 0)
                start = parts_moved(&end_a, &fig, &g, &x);
            else if (parts_moved(&prev, &fig, &g, &x) > worst_move)
                worst_move = parts_moved(&prev, &fig, &wg, &ww);
            if (ms >= SESSION_BLEND_MS)
                end = parts_moved(&own, &fig, &g, &x);
            prev = fig;
        }
        printf("%s -> %s eased in place: %d frames not eased, contacts %.1f px off, %.4f H a frame at most (%s%s); "
               "%.4f H from %s's end at the start, %.4f H from %s's start at the end\n",
               pairs[i].from, pairs[i].to, dropped, (double)(worst_off / POSE_CONTACT_TOL_H * 2.0f), (double)worst_move,
               wg, ww, (double)start, pairs[i].from, (double)end, pairs[i].to);
        CHECK_INT(dropped, 0);
        CHECK(worst_off <= POSE_CONTACT_TOL_H);
        CHECK(worst_move <= 0.03f);
        CHECK(start < 0.002f);
        CHECK(end < 0.002f);
        /* the hands, on the mat at both ends, stay on it: they slide, never lift */
        CHECK((kept & (1u << CONTACT_NEAR_HAND | 1u << CONTACT_FAR_HAND)) ==
              (1u << CONTACT_NEAR_HAND | 1u << CONTACT_FAR_HAND));
        pose_move_free(&a);
        pose_move_free(&b);
    }
}

/* Whether section sec keys a cut (two keys at one time: a roll's flip) after fraction t0, up to t1. */
static bool keys_cut(const PoseSection *sec, float t0, float t1)
{
    for (int i = 0; i + 1 < sec->key_count; i++)
        if (sec->keys[i].t == sec->keys[i + 1].t && sec->keys[i].t > t0 && sec->keys[i].t <= t1)
            return true;
    return false;
}

#define JUMP_H 0.03f /* a body part's end between two samples 1/30 s apart: 0.9 H a second */

/* Motion as smooth as 30 poses a second (issue 12): between neighbouring samples of a section no
 * body part's end moves more than JUMP_H, except across a cut the file keys (a roll's flip), on
 * either side of a sided move (`other_side far` swaps near and far; a mirror moves as far). Before,
 * the solver's warm start carried a joint away from its keys until a solve from the keys took over
 * in one sample: a foot leapt 0.76 H as a way knelt, the spinal twist snapped upright 0.42 H. The
 * files listed here still jump (each with the bound it keeps); the list only shrinks. */
static const struct {
    const char *move;
    float bound;
} jumps_left[] = {
    {"way_back_to_front", 0.055f},
    {"way_front_to_back", 0.11f},
};

static void test_no_jumps(void)
{
    static PoseFile file;
    int over = 0;
    for (int id = 0; id < MOVE_COUNT; id++) {
        const char *name = moves_info((MoveId)id)->id;
        PoseMove m;
        if (!load_move(name, &file, &m))
            continue;
        float bound = JUMP_H;
        for (size_t j = 0; j < sizeof jumps_left / sizeof jumps_left[0]; j++)
            if (strcmp(jumps_left[j].move, name) == 0)
                bound = jumps_left[j].bound;
        bool swapped = file.side != SIDES_NONE && file.other_side != POSE_OTHER_MIRROR;
        float worst = 0.0f;
        int steps = 0, first = 0;
        for (int k = 0; k + 1 < m.meta.frames; k++) {
            int s = m.sample_section[k];
            if (k > 0 && m.sample_section[k - 1] != s)
                first = k;
            if (m.sample_section[k + 1] != s)
                continue;
            const PoseSection *sec = &file.sections[s];
            int count = 0;
            for (int i = first; i < m.meta.frames && m.sample_section[i] == s; i++)
                count++;
            float t0 = (float)(k - first) / (float)(count - 1), t1 = (float)(k + 1 - first) / (float)(count - 1);
            if (keys_cut(sec, t0, t1))
                continue;
            for (int side = 0; side < (swapped ? 2 : 1); side++) {
                PoseFigure a, b;
                const char *group = "", *what = "";
                if (side == 0) {
                    pose_move_sample_figure(&m, k, &a);
                    pose_move_sample_figure(&m, k + 1, &b);
                } else {
                    pose_move_sample_figure_swapped(&m, k, &a);
                    pose_move_sample_figure_swapped(&m, k + 1, &b);
                }
                float d = parts_moved(&a, &b, &group, &what);
                if (d > JUMP_H) {
                    steps++;
                    if (steps <= 3)
                        printf("%-26s %s samples %d-%d%s: %s%s moves %.3f H in 1/%d s\n", name, sec->name, k, k + 1,
                               side ? " (other side)" : "", group, what, (double)d, POSE_SAMPLE_FPS);
                }
                worst = fmaxf(worst, d);
            }
        }
        printf("%-26s largest move between neighbouring samples %.3f H, %d over %.2f H (bound %.3f)\n", name,
               (double)worst, steps, (double)JUMP_H, (double)bound);
        over += steps > 0;
        CHECK(worst <= bound);
        if (bound > JUMP_H) /* a listed file that no longer jumps leaves the list */
            CHECK(worst > JUMP_H);
        pose_move_free(&m);
    }
    printf("%d pose files jump more than %.2f H between neighbouring samples\n", over, (double)JUMP_H);
}

/* Where the torso's first part starts along the mat in fig (H): what two figures of one body are
 * lined up by, a file's `x` being where it puts the body on the mat. */
static float torso_x(const PoseFigure *fig)
{
    for (int g = 0; g < fig->count; g++)
        if (fig->groups[g].id == POSE_GROUP_TORSO && !fig->groups[g].flat && fig->groups[g].name[0] == '\0')
            return fig->groups[g].parts[0].ax;
    return 0.0f;
}

/* How far a way's figure at sample k is from the figure position p rests in, breathing (its
 * first breath sample), lined up along the mat; mirrored: compared with that figure's mirror
 * image (a roll ends turned round, WAYS' turns). */
static float way_seam(const PoseMove *way, int k, Position p, bool mirrored)
{
    static PoseFile file;
    PoseMove rest;
    if (!load_move(moves_info(moves_position_figure(p))->id, &file, &rest))
        return 1.0f;
    PoseFigure a, b;
    pose_move_sample_figure(way, k, &a);
    pose_move_sample_figure(&rest, rest.meta.breath.first, &b);
    pose_move_free(&rest);
    if (mirrored)
        for (int g = 0; g < b.count; g++)
            for (int i = 0; i < b.groups[g].count; i++)
                b.groups[g].parts[i].ax = -b.groups[g].parts[i].ax, b.groups[g].parts[i].bx = -b.groups[g].parts[i].bx;
    pose_figure_shift(&b, torso_x(&a) - torso_x(&b), 0.0f);
    const char *group = "", *what = "";
    float d = parts_moved(&a, &b, &group, &what);
    if (getenv("DBG"))
        printf("  seam %s %s %.4f\n", group, what, (double)d);
    return d;
}

/* A way (WAYS) starts where its first position's figure breathes and ends where its last one's
 * does, so a rest that plays it neither cuts into it nor out of it (issue 12: the ways to and from
 * kneeling, which had none). The three rolls from the back started 0.021 H off (their first key
 * was the resting pose as keyed, not as the solver rests it, and their contacts change at once:
 * the near hand); they key it as rest's figure is solved. way_front_to_back started 0.035 H off
 * (its forearms left the mat at once); it keys rest_on_front's folded arms as they solve and
 * starts 0.0001 H from them (session 25). */

static void test_way_seams(void)
{
    static PoseFile file;
#define WAY_SEAM_ROW(from, to, way, turns) {POSITION_##from, POSITION_##to, MOVE_##way, turns},
    static const struct {
        Position from, to;
        MoveId way;
        bool turns;
    } ways[] = {WAYS(WAY_SEAM_ROW)};
#undef WAY_SEAM_ROW
    for (size_t w = 0; w < sizeof ways / sizeof ways[0]; w++) {
        const char *name = moves_info(ways[w].way)->id;
        PoseMove m;
        if (!load_move(name, &file, &m))
            continue;
        float start = way_seam(&m, m.meta.intro.first, ways[w].from, false);
        float end = way_seam(&m, m.meta.intro.last, ways[w].to, ways[w].turns);
        float bound = 0.012f; /* as a hold starts where its way in ends (test_committed_moves) */
        printf("%-26s starts %.4f H from %s's figure, ends %.4f H from %s's (bound %.3f)\n", name, (double)start,
               moves_position_word(ways[w].from), (double)end, moves_position_word(ways[w].to), (double)bound);
        CHECK(start <= bound);
        CHECK(end <= 0.012f);
        /* the chair stands on stage only while the body is on it or getting on or off: the
         * breathing a way ends in has it exactly when it ends on the chair (physio review s25:
         * after way_chair_to_standing it stayed through the rest, the figure standing) */
        PoseFigure breath;
        pose_move_sample_figure(&m, m.meta.breath.first, &breath);
        CHECK_INT(breath.chair, ways[w].to == POSITION_ON_CHAIR);
        pose_move_sample_figure(&m, m.meta.breath.last, &breath);
        CHECK_INT(breath.chair, ways[w].to == POSITION_ON_CHAIR);
        pose_move_free(&m);
    }
    /* the hip flexor lunge starts and ends in tall kneeling, where the way down from standing
     * ends and the way up starts: it cut from and back to its half-kneel (0.25 H, the front leg) */
    PoseMove m;
    if (load_move("hip_flexor_lunge", &file, &m)) {
        float start = way_seam(&m, m.meta.intro.first, POSITION_KNEELING, false);
        float end = way_seam(&m, m.meta.outro.last, POSITION_KNEELING, false);
        printf("hip_flexor_lunge starts %.4f H from kneeling's figure, ends %.4f H from it\n", (double)start,
               (double)end);
        CHECK(start <= 0.012f && end <= 0.012f);
        pose_move_free(&m);
    }
    /* the spinal twist starts and ends sitting, where the ways to sitting end and the ways up start
     * (issue 12: sitting now sits tall, and the twist must start from it, not the old slump) */
    if (load_move("spinal_twist", &file, &m)) {
        float start = way_seam(&m, m.meta.intro.first, POSITION_SITTING, false);
        float end = way_seam(&m, m.meta.outro.last, POSITION_SITTING, false);
        printf("spinal_twist starts %.4f H from sitting's figure, ends %.4f H from it\n", (double)start, (double)end);
        CHECK(start <= 0.012f && end <= 0.012f);
        pose_move_free(&m);
    }
}

/* Child's pose (issue 12) starts and ends on hands and knees, as the catalogue rests it (the way
 * onto all fours plays before it): its first and last samples are rest_all_fours' pose, so the
 * figure does not cut at the 3-2-1 or at the way out. Held, the hips reach the heels and the
 * forehead rests on the mat with the knees; the hands and knees stay where they are planted. */
/* How far point (x, y) lies outside round cone q (H; negative inside). */
static float part_gap_to(const PosePart *q, float x, float y)
{
    float dx = q->bx - q->ax, dy = q->by - q->ay, len2 = dx * dx + dy * dy;
    float u = len2 > 0.0f ? ((x - q->ax) * dx + (y - q->ay) * dy) / len2 : 0.0f;
    u = fminf(fmaxf(u, 0.0f), 1.0f);
    return hypotf(x - (q->ax + u * dx), y - (q->ay + u * dy)) - (q->ra + u * (q->rb - q->ra));
}

/* Bird dog (review s25, finding 1): the point of it is the opposite arm and leg. At the beat, on
 * each side, one working limb is painted in front of the trunk and the other behind it, each where
 * its side puts it (a near limb after the torso, a far one before), so the pair reads as opposite:
 * the near arm reaching is painted over the head (it was under the trunk and head, and with the far
 * leg under the near thigh both read as far, a same-side lift). The eye still shows: its centre is
 * outside every part painted after it. It was kept 0.05 H clear by flexing the neck 15 degrees
 * under the arm (0.068 H), the head hanging 42 degrees below the back; issue 12's physiotherapist
 * wants the head in line with the back (test_figure_seams: test_bird_dog_head), which puts the
 * reaching arm by the ear, over the side of the head: the eye showed at its lower edge, 0.006 H,
 * and at a quarter size the reaching figure looked headless (0.10 of the head showed). The head is
 * painted over the arm (`head_over`, as the superman's): the eye is clear of it again, and all of
 * the head shows in every sample, either side. */
static void test_bird_dog(void)
{
    static PoseFile file;
    PoseMove m;
    if (!load_move("bird_dog", &file, &m))
        return;
    CHECK(pose_move_swapped(&m, SIDES_LEFT));
    for (int side = 0; side < 2; side++) {
        PoseFigure fig;
        if (side == 0)
            pose_move_sample_figure(&m, m.meta.beat, &fig);
        else
            pose_move_sample_figure_swapped(&m, m.meta.beat, &fig);
        int parts, torso = group_at(&fig, POSE_GROUP_TORSO, &parts), arm = -1, leg = -1, eye = -1;
        for (int g = 0; g < fig.count; g++) {
            int id = fig.groups[g].id;
            if (fig.groups[g].highlight && (id == POSE_GROUP_NEAR_ARM || id == POSE_GROUP_FAR_ARM))
                arm = g;
            if (fig.groups[g].highlight && (id == POSE_GROUP_NEAR_LEG || id == POSE_GROUP_FAR_LEG))
                leg = g;
            for (int i = 0; i < fig.groups[g].count; i++)
                if (strcmp(fig.groups[g].parts[i].name, "eye") == 0)
                    eye = g * POSE_MAX_PARTS + i;
        }
        CHECK(torso >= 0 && arm >= 0 && leg >= 0 && eye >= 0);
        if (torso < 0 || arm < 0 || leg < 0 || eye < 0)
            continue;
        bool arm_front = arm > torso, leg_front = leg > torso;
        bool arm_near = fig.groups[arm].id == POSE_GROUP_NEAR_ARM, leg_near = fig.groups[leg].id == POSE_GROUP_NEAR_LEG;
        const PosePart *e = &fig.groups[eye / POSE_MAX_PARTS].parts[eye % POSE_MAX_PARTS];
        float clear = 1.0f;
        for (int g = eye / POSE_MAX_PARTS + 1; g < fig.count; g++)
            for (int i = 0; i < fig.groups[g].count; i++)
                clear = fminf(clear, part_gap_to(&fig.groups[g].parts[i], e->ax, e->ay));
        printf("bird_dog %s side at the beat: reaching %s arm painted %s the trunk, lifted %s leg %s it, "
               "the eye %.4f H clear of the parts painted over it\n",
               side == 0 ? "shown" : "other", arm_near ? "near" : "far", arm_front ? "in front of" : "behind",
               leg_near ? "near" : "far", leg_front ? "in front of" : "behind", (double)clear);
        CHECK(arm_near != leg_near); /* opposite arm and leg */
        CHECK(arm_front == arm_near && leg_front == leg_near);
        CHECK(arm_front != leg_front);
        CHECK(clear >= 0.05f);
    }
    float shown = 1.0f;
    for (int k = 0; k < m.meta.frames; k++)
        for (int side = 0; side < 2; side++) {
            PoseFigure fig;
            if (side == 0)
                pose_move_sample_figure(&m, k, &fig);
            else
                pose_move_sample_figure_swapped(&m, k, &fig);
            shown = fminf(shown, head_shown(&fig));
        }
    printf("bird_dog: at least %.2f of the head shows, either side\n", (double)shown);
    CHECK(shown >= 0.95f);
    pose_move_free(&m);
}

static void test_child_pose(void)
{
    static PoseFile child_file, fours_file;
    PoseMove child, fours;
    if (!load_move("child_pose", &child_file, &child))
        return;
    if (!load_move("rest_all_fours", &fours_file, &fours)) {
        pose_move_free(&child);
        return;
    }
    CHECK_INT(pose_file_position(&child_file), POSITION_ALL_FOURS);
    PoseFigure start, end, rest, fig;
    pose_move_sample_figure(&child, child.meta.intro.first, &start);
    pose_move_sample_figure(&child, child.meta.outro.last, &end);
    pose_move_sample_figure(&fours, fours.meta.breath.first, &rest);
    float in = figure_moved(&start, &rest), out = figure_moved(&end, &rest);
    printf("child_pose: start %.4f H and end %.4f H from rest_all_fours' pose (largest move of a part's end)\n",
           (double)in, (double)out);
    CHECK(in <= 0.002f);
    CHECK(out <= 0.003f);
    /* a rep (reps of it: "bottom to heels") goes from there and back, the hips back over the heels
     * at the beat */
    PoseFigure rep0, rep1, beat;
    pose_move_sample_figure(&child, child.meta.cycle.first, &rep0);
    pose_move_sample_figure(&child, child.meta.cycle.last, &rep1);
    pose_move_sample_figure(&child, child.meta.beat, &beat);
    float r0 = figure_moved(&rep0, &rest), r1 = figure_moved(&rep1, &rest);
    float beat_gap = part_gap(&beat, POSE_GROUP_TORSO, "pelvis", POSE_GROUP_NEAR_LEG, "heel");
    printf("child_pose rep: start %.4f H and end %.4f H from rest_all_fours' pose; at the beat the hips %.4f H "
           "from the heels, the forehead %.4f H above the mat\n",
           (double)r0, (double)r1, (double)beat_gap, (double)lowest_of(&beat, 1u << POSE_GROUP_TORSO, "head"));
    CHECK(child.meta.cycle.last > child.meta.cycle.first);
    CHECK(r0 <= 0.002f && r1 <= 0.003f);
    /* The rep's forehead is not on the mat (the held child's pose below keeps that check): as a
     * physiotherapist teaches "bottom to heels" (issue 12, lead's decision), the hands stay planted
     * where they were on all fours, the arms long, and the hips move back toward the heels with the
     * head in line with the spine. With the hands under the shoulders and the arms straight the
     * forehead cannot reach the mat (the shoulders would have to pass behind the knees), and sliding
     * the hands forward to get it there is what a patient should not copy. What the beat must show
     * is the hips back over the heels. */
    CHECK(beat_gap <= 0.05f);
    /* and how deep: a top with the hips a third of the way back read, at a quarter size, nearly as
     * the start (issue 12, lead: knees bent 142 degrees, the hip joint 0.155 H above the ankle and
     * 0.03 H in front of it). Bottom to heels is knees bent near full kneeling, the bottom low over
     * the heels, the arms reaching from hands that stay planted (shoulders flexed well past their
     * 77 degrees on all fours) */
    const Pose *top = &child.samples[child.meta.beat];
    float hip_x, hip_y, ankle_x, ankle_y;
    joint_of(&beat, POSE_GROUP_NEAR_LEG, "thigh", &hip_x, &hip_y);
    joint_of(&beat, POSE_GROUP_NEAR_LEG, "heel", &ankle_x, &ankle_y);
    printf("child_pose rep: at the beat the knees bent %.1f and %.1f deg, the hip joint %.4f H above the ankle "
           "and %.4f H in front of it, the shoulders flexed %.1f deg\n",
           (double)top->v[POSE_KNEE_N], (double)top->v[POSE_KNEE_F], (double)(hip_y - ankle_y),
           (double)(hip_x - ankle_x), (double)top->v[POSE_SHOULDER_N]);
    CHECK(top->v[POSE_KNEE_N] >= 150.0f && top->v[POSE_KNEE_F] >= 150.0f);
    CHECK(hip_y - ankle_y <= 0.12f);
    CHECK(fabsf(hip_x - ankle_x) <= 0.025f);
    CHECK(top->v[POSE_SHOULDER_N] >= 125.0f && top->v[POSE_SHOULDER_F] >= 125.0f);
    /* in the reps ("bottom to heels", levels/06) the hands stay planted where they were on all
     * fours while the hips go back over the heels and return (physio review, issue 12): over every
     * sample of the cycle each hand's knuckles stay within 0.005 H (~9 mm) along the mat; before,
     * they slid 0.08 H forward and back on every rep */
    float hand_lo[2] = {1e9f, 1e9f}, hand_hi[2] = {-1e9f, -1e9f};
    for (int k = child.meta.cycle.first; k <= child.meta.cycle.last; k++) {
        pose_move_sample_figure(&child, k, &fig);
        for (int h = 0; h < 2; h++) {
            float x = 0.0f;
            CHECK(pose_figure_anchor(&fig, h == 0 ? CONTACT_NEAR_HAND : CONTACT_FAR_HAND, &x));
            hand_lo[h] = fminf(hand_lo[h], x), hand_hi[h] = fmaxf(hand_hi[h], x);
        }
    }
    printf("child_pose rep: the near hand slides %.4f H, the far hand %.4f H along the mat\n",
           (double)(hand_hi[0] - hand_lo[0]), (double)(hand_hi[1] - hand_lo[1]));
    CHECK(hand_hi[0] - hand_lo[0] <= 0.005f);
    CHECK(hand_hi[1] - hand_lo[1] <= 0.005f);
    const unsigned torso = 1u << POSE_GROUP_TORSO;
    float worst_gap = -1e9f, worst_head = 0.0f, worst_knee = 0.0f, slide = 0.0f, x0[2] = {0.0f, 0.0f};
    for (int k = child.meta.breath.first; k <= child.meta.breath.last; k++) {
        pose_move_sample_figure(&child, k, &fig);
        float low[CONTACT_COUNT], x[2];
        pose_figure_ground(&fig, 0, low);
        worst_head = fmaxf(worst_head, lowest_of(&fig, torso, "head"));
        worst_knee = fmaxf(worst_knee, fmaxf(low[CONTACT_NEAR_KNEE], low[CONTACT_FAR_KNEE]));
        worst_gap = fmaxf(worst_gap, part_gap(&fig, POSE_GROUP_TORSO, "pelvis", POSE_GROUP_NEAR_LEG, "heel"));
        CHECK(pose_figure_anchor(&fig, CONTACT_NEAR_HAND, &x[0]) && pose_figure_anchor(&fig, CONTACT_NEAR_KNEE, &x[1]));
        for (int c = 0; c < 2; c++) {
            if (k == child.meta.breath.first)
                x0[c] = x[c];
            slide = fmaxf(slide, fabsf(x[c] - x0[c]));
        }
    }
    printf("child_pose held: hips %.4f H from the heels, forehead %.4f H and knees %.4f H above the mat, "
           "hands and knees slide %.4f H\n",
           (double)worst_gap, (double)worst_head, (double)worst_knee, (double)slide);
    CHECK(worst_gap <= 0.01f); /* the buttocks on (or just above) the heels on every breath */
    CHECK(worst_head <= POSE_CONTACT_TOL_H && worst_knee <= POSE_CONTACT_TOL_H);
    CHECK(slide <= 0.003f);
    pose_move_free(&child);
    pose_move_free(&fours);
}

/* Child's pose's rep, "bottom to heels" (levels/06; physio review s29): at its top, bottom on the
 * heels and arms reaching to hands planted on the mat, the head hung in line with the trunk, level
 * with the shoulders, and the near arm, painted over it, hid the face: from across a room the
 * figure read as headless. A physiotherapist expects the head dropped between the arms, just below
 * them, the forehead toward the mat and the face in profile under the near arm, the neck long. Over
 * the top (the beat and the pause after it) the eye is clear of the near arm as painted, the face
 * turned down (the eye below the head's centre), the head's centre below the near upper arm's axis,
 * and the arm crosses no more than half the head's disc; over the whole rep the arm sweeps past the
 * face only briefly, once each way. */
static float child_face_below_arm(const PoseFigure *fig)
{
    const PosePart *head = part_named(fig, POSE_GROUP_TORSO, "head"),
                   *arm = part_named(fig, POSE_GROUP_NEAR_ARM, "upper_arm");
    if (!head || !arm)
        return -1.0f;
    /* signed distance of the head's centre below the upper arm's axis (shoulder to elbow), + below */
    float dx = arm->bx - arm->ax, dy = arm->by - arm->ay, len = hypotf(dx, dy);
    return len > 0.0f ? ((head->ax - arm->ax) * dy - (head->ay - arm->ay) * dx) / len * (dx < 0.0f ? -1.0f : 1.0f)
                      : -1.0f;
}

static void test_child_pose_face(void)
{
    static PoseFile file;
    PoseMove m;
    if (!load_move("child_pose", &file, &m))
        return;
    int top0 = m.meta.cycle.first + (int)(0.45f * (float)(m.meta.cycle.last - m.meta.cycle.first)),
        top1 = m.meta.cycle.first + (int)(0.55f * (float)(m.meta.cycle.last - m.meta.cycle.first));
    float eye = 1.0f, shown = 1.0f, below = 1.0f, down = -1.0f, eye_rep = 1.0f;
    int hidden = 0;
    for (int k = m.meta.cycle.first; k <= m.meta.cycle.last; k++) {
        PoseFigure fig;
        pose_move_sample_figure(&m, k, &fig);
        float e = eye_clear_of_arm(&fig);
        eye_rep = fminf(eye_rep, e);
        hidden += e < 0.0f;
        if (k < top0 || k > top1)
            continue;
        const PosePart *head = part_named(&fig, POSE_GROUP_TORSO, "head"), *ep = NULL;
        for (int g = 0; g < fig.count; g++)
            for (int i = 0; fig.groups[g].flat && i < fig.groups[g].count; i++)
                ep = &fig.groups[g].parts[i];
        CHECK(head != NULL && ep != NULL);
        if (!head || !ep)
            continue;
        eye = fminf(eye, e);
        shown = fminf(shown, head_shown(&fig));
        below = fminf(below, child_face_below_arm(&fig));
        down = fmaxf(down, ep->ay - head->ay);
    }
    printf("child_pose rep top (samples %d-%d): the eye %.4f H clear of the near arm (%.4f over the whole rep, "
           "covered in %d of its %d samples), %.2f of the head shows, its centre %.4f H below the near upper arm's "
           "axis, the eye %.4f H above the head's centre\n",
           top0, top1, (double)eye, (double)eye_rep, hidden, m.meta.cycle.last - m.meta.cycle.first + 1, (double)shown,
           (double)below, (double)down);
    /* before: the eye 0.003 H inside the near arm, the head's centre 0.068 H above its axis (the
     * arm across the face, 0.81 of the head's disc showing: the crown and the chin) and the eye
     * covered in 17 samples of the rep; now 0.042 H clear, 0.036 H below, 10 samples (the arm
     * sweeps past the face once each way) */
    CHECK(eye >= 0.02f);
    CHECK(below >= 0.02f);
    CHECK(down <= 0.0f); /* the face toward the mat and the knees, the crown toward the hands */
    CHECK(shown >= 0.45f); /* the arm crosses the crown, most of the face shows */
    CHECK(hidden <= 12);
    pose_move_free(&m);
}

/* Where part `name` of the near group id of fig starts (its a end: a joint), in H. */
static void joint_of(const PoseFigure *fig, int id, const char *name, float *x, float *y)
{
    *x = *y = 0.0f;
    for (int g = 0; g < fig->count; g++)
        for (int i = 0; fig->groups[g].id == id && i < fig->groups[g].count; i++)
            if (strcmp(fig->groups[g].parts[i].name, name) == 0)
                *x = fig->groups[g].parts[i].ax, *y = fig->groups[g].parts[i].ay;
}

/* The McKenzie press-up (issue 12): the hands stay where they are planted through a rep and lie
 * flat on the mat in every sample (heel and fingertips down: they stood on their heels, the
 * fingertips up to 0.03 H above the mat), every rep starts where the last ended (lying flat, the
 * chest on the mat), a hold starts where the rep's way up ends, and at the top the hips stay down
 * while the arms are nearly straight (elbows bent 45 degrees at most; they stayed at 62). What a
 * lower back extends with the pelvis on the mat: at the top the trunk (hip joint to shoulder joint)
 * 35-50 degrees up from the mat (it stood 73 degrees up, a seal's or a cobra's), the hands planted
 * by the shoulders (lying, the wrist at most 0.13 H in front of the shoulder joint and not behind
 * it: they lay by the ribs, 0.10 H behind, then by the face, 0.15 H in front, which a physio found
 * too far forward) and, at the top, in front of the shoulders, at most 0.21 H (it was 0.236): with
 * the trunk ~45 degrees up the shoulder is ~0.25 H above the mat, so arms bent ~40 degrees still
 * slope forward to the hands (hands under the shoulders would need the elbows at 90, or the trunk
 * up like a seal's). */
static void test_press_up(void)
{
    static PoseFile file;
    PoseMove m;
    if (!load_move("press_up", &file, &m))
        return;
    PoseFigure first, last, beat, held, fig;
    pose_move_sample_figure(&m, m.meta.cycle.first, &first);
    pose_move_sample_figure(&m, m.meta.cycle.last, &last);
    pose_move_sample_figure(&m, m.meta.beat, &beat);
    pose_move_sample_figure(&m, m.meta.breath.first, &held);
    float lo = 1e9f, hi = -1e9f, flat = 0.0f;
    for (int k = m.meta.cycle.first; k <= m.meta.cycle.last; k++) {
        float x;
        pose_move_sample_figure(&m, k, &fig);
        CHECK(pose_figure_anchor(&fig, CONTACT_NEAR_HAND, &x));
        lo = fminf(lo, x), hi = fmaxf(hi, x);
    }
    for (int k = 0; k < m.meta.frames; k++) { /* every sample, the hold too: both hands flat */
        float low[CONTACT_COUNT];
        pose_move_sample_figure(&m, k, &fig);
        float ground = pose_figure_ground(&fig, m.sample_contacts[k], low);
        flat = fmaxf(flat, fmaxf(low[CONTACT_NEAR_FLAT_HAND], low[CONTACT_FAR_FLAT_HAND]) - ground);
    }
    float seam = figure_moved(&last, &first), hold = figure_moved(&beat, &held);
    float low[CONTACT_COUNT], elbow = m.samples[m.meta.beat].v[POSE_ELBOW_N];
    pose_figure_ground(&beat, 0, low);
    printf("press_up: rep ends %.4f H from its start, the hold starts %.4f H from the top, hands slide %.4f H, the "
           "higher end of a hand %.4f H above the mat; top: elbows %.1f deg, pelvis %.4f H above the mat\n",
           (double)seam, (double)hold, (double)(hi - lo), (double)flat, (double)elbow, (double)low[CONTACT_PELVIS]);
    CHECK(seam <= 0.003f);
    CHECK(hold <= 0.002f);
    CHECK(hi - lo <= 0.01f);
    CHECK(flat <= POSE_CONTACT_TOL_H);
    CHECK(elbow <= 45.0f);
    CHECK(low[CONTACT_PELVIS] <= POSE_CONTACT_TOL_H);
    float hx, hy, sx, sy, wx, wy, dx[2];
    for (int k = 0; k < 2; k++) { /* lying at the start, then the top */
        const PoseFigure *f = k == 0 ? &first : &beat;
        joint_of(f, POSE_GROUP_NEAR_LEG, "thigh", &hx, &hy);
        joint_of(f, POSE_GROUP_NEAR_ARM, "upper_arm", &sx, &sy);
        joint_of(f, POSE_GROUP_NEAR_ARM, "hand", &wx, &wy); /* the wrist: the palm's first cone */
        dx[k] = wx - sx;
    }
    float trunk = atan2f(sy - hy, sx - hx) * 180.0f / 3.14159265f;
    printf("press_up: top: trunk %.1f deg up from the mat; the wrist %.3f H in front of the shoulder lying, %.3f at "
           "the top\n",
           (double)trunk, (double)dx[0], (double)dx[1]);
    CHECK(trunk >= 35.0f && trunk <= 50.0f);
    CHECK(dx[0] >= 0.0f && dx[0] <= 0.13f);
    CHECK(dx[1] >= 0.0f && dx[1] <= 0.21f);
    pose_move_free(&m);
}

/* Up from the front onto all fours (physio review s26 #7: "the hands push on their heels with the
 * fingers in the air"): while the hands are a contact, the push up and the rise onto hands and
 * knees, each hand lies flat on the mat, fingers forward, its wrist-to-fingertips line within a few
 * degrees of level. */
static void test_front_to_all_fours_hands(void)
{
    PoseFile file;
    PoseMove m;
    if (!load_move("way_front_to_all_fours", &file, &m))
        return;
    float lo = 1e9f, hi = -1e9f;
    int counted = 0;
    for (int k = 0; k < m.meta.frames; k++) {
        if (!(m.sample_contacts[k] & (1u << CONTACT_NEAR_HAND)))
            continue;
        PoseFigure fig;
        pose_move_sample_figure(&m, k, &fig);
        for (int arm = POSE_GROUP_FAR_ARM; arm <= POSE_GROUP_NEAR_ARM; arm += POSE_GROUP_NEAR_ARM) {
            const PosePart *fingers = part_named(&fig, arm, "hand"); /* knuckles to fingertips */
            float wx, wy;
            joint_of(&fig, arm, "hand", &wx, &wy); /* the wrist: the palm's first cone */
            CHECK(fingers != NULL);
            if (!fingers)
                continue;
            float deg = atan2f(fingers->by - wy, fingers->bx - wx) * 180.0f / 3.14159265f;
            lo = fminf(lo, deg), hi = fmaxf(hi, deg), counted++;
        }
    }
    printf("way_front_to_all_fours: %d hands on the mat, wrist to fingertips %.1f to %.1f deg from level\n", counted,
           (double)lo, (double)hi);
    CHECK(counted > 0);
    CHECK(lo >= -4.0f && hi <= 4.0f);
    pose_move_free(&m);
}

/* The named part of a group (the last of that name), or NULL. */
static const PosePart *part_of(const PoseFigure *fig, int id, const char *name)
{
    const PosePart *q = NULL;
    for (int g = 0; g < fig->count; g++)
        for (int i = 0; fig->groups[g].id == id && i < fig->groups[g].count; i++)
            if (strcmp(fig->groups[g].parts[i].name, name) == 0)
                q = &fig->groups[g].parts[i];
    return q;
}

/* The hamstring stretch (issue 12, a physiotherapist's review): at the top, the raised foot is
 * relaxed or flexed (toes toward the face), not pointed: the foot (heel to toe tip) makes 90
 * degrees or more with the shank (knee to ankle; it was ~84 keyed ankle=5, reading as pointed);
 * and the hands hold the back of the thigh: both arms are painted behind the raised leg, so the
 * forearms are seen going behind it (they were painted over the front of the thigh). */
static void test_hamstring_stretch(void)
{
    static PoseFile file;
    PoseMove m;
    if (!load_move("hamstring_stretch", &file, &m))
        return;
    PoseFigure fig;
    pose_move_sample_figure(&m, m.meta.beat, &fig);
    const PosePart *shank = part_of(&fig, POSE_GROUP_NEAR_LEG, "shank"),
                   *heel = part_of(&fig, POSE_GROUP_NEAR_LEG, "heel"),
                   *toes = part_of(&fig, POSE_GROUP_NEAR_LEG, "toes");
    CHECK(shank && heel && toes);
    if (!shank || !heel || !toes) {
        pose_move_free(&m);
        return;
    }
    float sx = shank->bx - shank->ax, sy = shank->by - shank->ay, fx = toes->bx - heel->bx, fy = toes->by - heel->by;
    float foot = acosf((sx * fx + sy * fy) / (hypotf(sx, sy) * hypotf(fx, fy))) * 180.0f / 3.14159265f;
    int leg = -1, arm_n = -1, arm_f = -1;
    for (int g = 0; g < fig.count; g++) {
        int id = fig.groups[g].id;
        if (id == POSE_GROUP_NEAR_LEG && leg < 0)
            leg = g;
        if (id == POSE_GROUP_NEAR_ARM)
            arm_n = g;
        if (id == POSE_GROUP_FAR_ARM)
            arm_f = g;
    }
    printf("hamstring_stretch top: foot %.1f deg from the shank (90 neutral, more: toes toward the face); arms painted "
           "%s and %s the raised leg\n",
           (double)foot, arm_n < leg ? "behind" : "in front of", arm_f < leg ? "behind" : "in front of");
    CHECK(foot >= 90.0f);
    CHECK(leg >= 0 && arm_n >= 0 && arm_f >= 0 && arm_n < leg && arm_f < leg);
    pose_move_free(&m);
}

/* On all fours (issue 12, a physiotherapist's review): the head in line with the spine, the neck
 * long and the eyes to the floor a little ahead, not hanging. Measured in rest_all_fours and where
 * cat_camel, bird_dog and child_pose start: the shoulder-to-head-centre line against the trunk's
 * (hip joint to shoulder joint) is at most 5 degrees below it and 15 above (with neck=0 head=0 it
 * hung 7 below in rest_all_fours and child_pose, 30 below in cat_camel and bird_dog; now 1.5 above
 * in rest_all_fours and child_pose, 2.3-2.7 below in cat_camel and bird_dog). Raised further
 * (neck=-16 head=6, 5 above), the head rose into the "It hurts" corner's reach at the start of
 * way_all_fours_to_sitting: the camera hurried clear and the body jumped 0.057 stage heights. */
static void test_all_fours_head(void)
{
    static const char *const names[] = {"rest_all_fours", "cat_camel", "bird_dog", "child_pose"};
    for (int n = 0; n < 4; n++) {
        static PoseFile file;
        PoseMove m;
        if (!load_move(names[n], &file, &m))
            continue;
        PoseFigure fig;
        pose_move_sample_figure(&m, 0, &fig);
        float hx, hy, sx, sy, cx, cy;
        joint_of(&fig, POSE_GROUP_NEAR_LEG, "thigh", &hx, &hy);
        joint_of(&fig, POSE_GROUP_NEAR_ARM, "upper_arm", &sx, &sy);
        joint_of(&fig, POSE_GROUP_TORSO, "head", &cx, &cy);
        float trunk = atan2f(sy - hy, sx - hx), head = atan2f(cy - sy, cx - sx);
        float dev = (head - trunk) * 180.0f / 3.14159265f;
        printf("%s start: the head %.1f deg off the trunk's line (negative: below it)\n", names[n], (double)dev);
        CHECK(dev >= -5.0f && dev <= 15.0f);
        pose_move_free(&m);
    }
}

/* Lying on elbows' way in and way out (issue 12): the hands come down from under the forehead and
 * stay on or near the mat, the forearms sliding till the elbows are under the shoulders, and back
 * the same way. The forearm swung up through vertical instead, the hand 0.30 H above the mat (the
 * folded arms hold it 0.18 H up, under the forehead): "fling your arm up". The highest point of
 * either hand (its cones' centres plus their radii) is measured above the mat in every sample of
 * the intro, and of the outro played backwards: it never goes above where the folded arms hold
 * it, nor more than 0.05 H above the lowest it has been so far (down, then along the mat: turning
 * over beside the face it rises 0.043 H). */
static float hand_top(const PoseFigure *fig, int id)
{
    float top = -1e9f;
    for (int g = 0; g < fig->count; g++)
        for (int i = 0; fig->groups[g].id == id && i < fig->groups[g].count; i++) {
            const PosePart *q = &fig->groups[g].parts[i];
            if (strcmp(q->name, "hand") == 0)
                top = fmaxf(top, fmaxf(q->ay + q->ra, q->by + q->rb));
        }
    return top;
}

static void test_prone_on_elbows_hands(void)
{
    static PoseFile file;
    PoseMove m;
    if (!load_move("prone_on_elbows", &file, &m))
        return;
    float above[2] = {0.0f, 0.0f}, back_up[2] = {0.0f, 0.0f}, folded[2] = {0.0f, 0.0f};
    for (int w = 0; w < 2; w++) { /* the intro, then the outro played backwards */
        int sec = pose_section_find(&m.file, w == 0 ? "intro" : "outro");
        CHECK(sec >= 0);
        float lowest = 1e9f;
        int seen = 0;
        for (int i = 0; i < m.meta.frames; i++) {
            int k = w == 0 ? i : m.meta.frames - 1 - i;
            if (m.sample_section[k] != sec)
                continue;
            PoseFigure fig;
            float low[CONTACT_COUNT];
            pose_move_sample_figure(&m, k, &fig);
            float ground = pose_figure_ground(&fig, m.sample_contacts[k], low);
            float top = fmaxf(hand_top(&fig, POSE_GROUP_NEAR_ARM), hand_top(&fig, POSE_GROUP_FAR_ARM)) - ground;
            if (!seen++)
                folded[w] = top;
            above[w] = fmaxf(above[w], top - folded[w]);
            lowest = fminf(lowest, top);
            back_up[w] = fmaxf(back_up[w], top - lowest);
        }
        CHECK(seen > 0);
    }
    printf("prone_on_elbows: the folded arms hold the hands %.3f H above the mat (way in), %.3f (way out); the hands "
           "rise %.4f / %.4f H above that, and %.4f / %.4f H back up from their lowest\n",
           (double)folded[0], (double)folded[1], (double)above[0], (double)above[1], (double)back_up[0],
           (double)back_up[1]);
    for (int w = 0; w < 2; w++) {
        CHECK(above[w] <= 0.005f);
        CHECK(back_up[w] <= 0.05f);
    }
    pose_move_free(&m);
}

/* Lying on the front to rest (physio review s25, finding 12): the forehead rests on the stacked
 * hands, the elbows out, the forearms on the mat, and the face shows in profile just above the
 * hands. It was keyed with the forearm pointing back up over the head: a hand lay on top of the head
 * (0.19 H above the mat, the head's underside 0.06) and the near arm hid the face. Every breath:
 * no hand above the head's underside (+0.01 H, the head resting on them), the eye clear of the near
 * arm, and the head off the mat (on the hands). */
static void test_rest_on_front(void)
{
    static PoseFile file;
    PoseMove m;
    if (!load_move("rest_on_front", &file, &m))
        return;
    const unsigned arms = (1u << POSE_GROUP_NEAR_ARM) | (1u << POSE_GROUP_FAR_ARM), torso = 1u << POSE_GROUP_TORSO;
    float hand_over = -1.0f, eye = 1.0f, head = 1.0f;
    for (int k = m.meta.breath.first; k <= m.meta.breath.last; k++) {
        PoseFigure fig;
        pose_move_sample_figure(&m, k, &fig);
        float under = lowest_of(&fig, torso, "head"), top = -1.0f;
        for (int g = 0; g < fig.count; g++)
            for (int i = 0; (arms >> fig.groups[g].id) & 1u && i < fig.groups[g].count; i++) {
                const PosePart *q = &fig.groups[g].parts[i];
                if (strcmp(q->name, "hand") == 0)
                    top = fmaxf(top, fmaxf(q->ay + q->ra, q->by + q->rb));
            }
        hand_over = fmaxf(hand_over, top - under);
        eye = fminf(eye, eye_clear_of_arm(&fig));
        head = fminf(head, under);
    }
    printf("rest_on_front: the hands' top %.3f H above the head's underside, the eye %.3f H clear of the near arm, "
           "the head %.3f H above the mat\n",
           (double)hand_over, (double)eye, (double)head);
    CHECK(hand_over <= 0.01f);
    CHECK(eye > 0.0f);
    CHECK(head >= 0.03f);
    pose_move_free(&m);
}

/* Every log roll keeps the knees bent and together (issue 12): lying on the side, just before and
 * just after the picture flips, the lower knee is among the contacts and rests on the mat with the
 * shoulder, hip and foot (with straight legs it stayed ~0.011 H above it). */
/* The shade a limb is lit with (far ones darker): its part `part`'s red over base_r, or -1. */
static float limb_shade(const PoseFigure *fig, int id, const char *part, float base_r)
{
    for (int g = 0; g < fig->count; g++)
        for (int i = 0; fig->groups[g].id == id && i < fig->groups[g].count; i++)
            if (strcmp(fig->groups[g].parts[i].name, part) == 0)
                return fig->groups[g].parts[i].color.r / base_r;
    return -1.0f;
}

static void test_roll_knee(void)
{
    static const char *const rolls[] = {"way_back_to_front", "way_back_to_all_fours", "way_front_to_back",
                                        "way_all_fours_to_back"};
    const unsigned knees = (1u << CONTACT_NEAR_KNEE) | (1u << CONTACT_FAR_KNEE);
    for (size_t r = 0; r < sizeof rolls / sizeof rolls[0]; r++) {
        static PoseFile file;
        PoseMove m;
        if (!load_move(rolls[r], &file, &m))
            continue;
        int cut = -1;
        for (int k = 1; k < m.meta.frames && cut < 0; k++)
            if (m.samples[k].v[POSE_FLIP] != m.samples[k - 1].v[POSE_FLIP])
                cut = k;
        CHECK(cut > 0);
        float off[2] = {1.0f, 1.0f};
        for (int side = 0; side < 2 && cut > 0; side++) {
            int k = cut - 1 + side;
            PoseFigure fig;
            float low[CONTACT_COUNT];
            pose_move_sample_figure(&m, k, &fig);
            float ground = pose_figure_ground(&fig, m.sample_contacts[k], low);
            CHECK(m.sample_contacts[k] & knees);
            for (int c = CONTACT_NEAR_KNEE; c <= CONTACT_FAR_KNEE; c++)
                if (m.sample_contacts[k] & (1u << c))
                    off[side] = fminf(off[side], low[c] - ground);
            CHECK(off[side] <= POSE_CONTACT_TOL_H);
        }
        printf("%s: lying on the side the lower knee is %.4f H above the mat before the flip, %.4f H after\n", rolls[r],
               (double)off[0], (double)off[1]);
        /* the limbs' shades cross over as the body lies facing the viewer (`shade` 1 at the flip:
         * near and far alike), a little a sample; they swapped in one sample before (near 1.03,
         * far 0.80: the lower leg went from lit to dark as the picture turned over) */
        float step = 0.0f, apart = 0.0f;
        PoseFigure prev;
        memset(&prev, 0, sizeof prev); /* read only from the second sample on */
        for (int k = 0; k < m.meta.frames; k++) {
            PoseFigure fig;
            pose_move_sample_figure(&m, k, &fig);
            float sh[4] = {limb_shade(&fig, POSE_GROUP_NEAR_LEG, "thigh", 0.29f),
                           limb_shade(&fig, POSE_GROUP_FAR_LEG, "thigh", 0.29f),
                           limb_shade(&fig, POSE_GROUP_NEAR_ARM, "upper_arm", 0.93f),
                           limb_shade(&fig, POSE_GROUP_FAR_ARM, "upper_arm", 0.93f)};
            if (k == cut - 1 || k == cut)
                apart = fmaxf(apart, fmaxf(fabsf(sh[0] - sh[1]), fabsf(sh[2] - sh[3])));
            if (k > 0 && k != cut) {
                float was[4] = {limb_shade(&prev, POSE_GROUP_NEAR_LEG, "thigh", 0.29f),
                                limb_shade(&prev, POSE_GROUP_FAR_LEG, "thigh", 0.29f),
                                limb_shade(&prev, POSE_GROUP_NEAR_ARM, "upper_arm", 0.93f),
                                limb_shade(&prev, POSE_GROUP_FAR_ARM, "upper_arm", 0.93f)};
                for (int i = 0; i < 4; i++)
                    step = fmaxf(step, fabsf(sh[i] - was[i]));
            }
            prev = fig;
        }
        printf("%s: at the flip near and far limbs are lit %.3f apart; a shade changes at most %.3f a sample\n",
               rolls[r], (double)apart, (double)step);
        CHECK(apart <= 0.01f);
        CHECK(step <= 0.06f); /* 0.23 spread over 4 samples or more, eased */
        pose_move_free(&m);
    }
}

/* The log rolls keep the arms low (physio review: "no arm goes up at the ceiling or overhead"):
 * knees bent, the arms by the sides, the body turning as one, then the hands push up. While the
 * body lies on its back or side (the back or a shoulder among the sample's contacts), no hand's
 * highest point rises more than 0.15 H above its own shoulder joint: way_back_to_front and
 * way_front_to_back, arms by the sides since session 25, reach 0.096 and 0.091 H. The rolls to and
 * from all fours flung both arms up at the ceiling and overhead (0.423 H) until session 26: now
 * the arms stay by the sides and fold in on the body (`spread`) through the roll, and on the side
 * the underneath hand and then forearm slide forward under the shoulder as the trunk rises (and
 * back), each key as the solver rests it, 0.094 and 0.108 H; way_back_to_sitting and
 * way_sitting_to_back, the same keys to and from side-sitting, 0.094 and 0.109 H. (Keyed by the
 * sides with a shoulder on the mat, their push up from the side had snapped an arm 0.5-0.85 H
 * between samples: the solver held the limb at the mat and let it go at once, see
 * notes/s25arms.md, s26arms.md.) */
static void test_roll_arms_low(void)
{
    static const char *const rolls[] = {"way_back_to_front",     "way_front_to_back",   "way_back_to_all_fours",
                                        "way_all_fours_to_back", "way_back_to_sitting", "way_sitting_to_back"};
    const unsigned lying = (1u << CONTACT_BACK) | (1u << CONTACT_NEAR_SHOULDER) | (1u << CONTACT_FAR_SHOULDER);
    const float low = 0.15f;
    for (size_t r = 0; r < sizeof rolls / sizeof rolls[0]; r++) {
        static PoseFile file;
        PoseMove m;
        if (!load_move(rolls[r], &file, &m))
            continue;
        float worst = -1e9f;
        int at = -1;
        for (int k = m.meta.intro.first; k <= m.meta.intro.last; k++) {
            if (!(m.sample_contacts[k] & lying))
                continue;
            PoseFigure fig;
            pose_move_sample_figure(&m, k, &fig);
            for (int a = 0; a < 2; a++) {
                int id = a == 0 ? POSE_GROUP_NEAR_ARM : POSE_GROUP_FAR_ARM;
                float sx, sy;
                joint_of(&fig, id, "upper_arm", &sx, &sy);
                float up = hand_top(&fig, id) - sy;
                if (up > worst)
                    worst = up, at = k;
            }
        }
        printf("%s: lying on the back or side, a hand at most %.3f H above its shoulder (sample %d of %d; bound "
               "%.3f)\n",
               rolls[r], (double)worst, at, m.meta.frames, (double)low);
        CHECK(at >= 0);
        CHECK(worst <= low);
        pose_move_free(&m);
    }
}

/* Pushing up from the side (the log rolls up to all fours and to side-sitting, and the same keys
 * down again), as a physiotherapist teaches: "put your top hand on the floor in front of you and
 * push up". While the underneath forearm bears the weight (far_forearm among the sample's
 * contacts) it lies flat with its hand (the higher of the hand's heel and fingertips within
 * 0.02 H of the mat), and the top hand comes across the chest and down onto the mat, on it (within
 * 0.012 H) for at least 10 samples (a third of a second) from half a second before the forearm
 * goes down to half a second after it comes up. Until session 27 the top arm copied the
 * underneath one's angles, so its hand rose to the face like a boxer's guard (0.24 H above the
 * mat) and was never on the mat then, and the underneath forearm rested on its elbow with the
 * hand in the air (its fingertips 0.19 H up). */
static void test_roll_push_hands(void)
{
    static const char *const rolls[] = {"way_back_to_all_fours", "way_all_fours_to_back", "way_back_to_sitting",
                                        "way_sitting_to_back"};
    const int margin = 15; /* samples, half a second */
    for (size_t r = 0; r < sizeof rolls / sizeof rolls[0]; r++) {
        static PoseFile file;
        PoseMove m;
        if (!load_move(rolls[r], &file, &m))
            continue;
        int first = -1, last = -1;
        for (int k = m.meta.intro.first; k <= m.meta.intro.last; k++)
            if (m.sample_contacts[k] & (1u << CONTACT_FAR_FOREARM))
                last = k, first = first < 0 ? k : first;
        CHECK(first >= 0);
        float under = -1.0f;
        int planted = 0;
        for (int k = first - margin; first >= 0 && k <= last + margin; k++) {
            if (k < m.meta.intro.first || k > m.meta.intro.last)
                continue;
            PoseFigure fig;
            float low[CONTACT_COUNT];
            pose_move_sample_figure(&m, k, &fig);
            float ground = pose_figure_ground(&fig, m.sample_contacts[k], low);
            if (m.sample_contacts[k] & (1u << CONTACT_FAR_FOREARM))
                under = fmaxf(under, low[CONTACT_FAR_FLAT_HAND] - ground);
            planted += low[CONTACT_NEAR_HAND] - ground <= 0.012f;
        }
        printf("%s: on the underneath forearm (samples %d-%d) its hand's higher end at most %.4f H above the mat; "
               "the top hand on the mat in %d samples from %d before to %d after\n",
               rolls[r], first, last, (double)under, planted, margin, margin);
        CHECK(under >= 0.0f && under <= 0.02f);
        CHECK(planted >= 10);
        pose_move_free(&m);
    }
}

/* Up from the back to sitting and down again as a physiotherapist teaches a sore back (physio
 * review s25, 3b): never a sit-up nor a curl down, the trunk raised or lowered square with the chest
 * to the ceiling, but a log roll onto the side and pushing up with the arms (and back down so). So
 * no sample of either way has the trunk between 20 and 70 degrees off the mat (pelvis 110..160, the
 * head end up from lying on the back) unless the body is turned onto its side (twist 30 or more, or
 * the hips turned toward the viewer, stance 0.3 or more) or drawn past a roll (flip: keyed chest
 * down, the arms under it); and each way lies on its side facing the viewer at some sample (the
 * roll). The curl-up and curl-down they were had 81 and 83 such samples and none on the side. */
static void test_sit_up_ways(void)
{
    static const char *const ways[] = {"way_back_to_sitting", "way_sitting_to_back"};
    for (size_t w = 0; w < sizeof ways / sizeof ways[0]; w++) {
        static PoseFile file;
        PoseMove m;
        if (!load_move(ways[w], &file, &m))
            continue;
        int curled = 0, on_side = 0;
        for (int k = m.meta.intro.first; k <= m.meta.intro.last; k++) {
            const float *v = m.samples[k].v;
            bool turned = fabsf(v[POSE_TWIST]) >= 30.0f || v[POSE_STANCE] >= 0.3f || v[POSE_FLIP] >= 0.5f;
            if (v[POSE_PELVIS] > 110.0f && v[POSE_PELVIS] < 160.0f && !turned)
                curled++;
            on_side += v[POSE_STANCE] >= 0.9f && fabsf(v[POSE_TWIST]) >= 70.0f;
        }
        printf("%s: %d samples with the trunk 20-70 degrees up, square to the ceiling (a curl); %d lying on the "
               "side\n",
               ways[w], curled, on_side);
        CHECK_INT(curled, 0);
        CHECK(on_side > 0);
        pose_move_free(&m);
    }
}

/* A pose whose contacts cannot rest on the mat: one error at the key before each faulty stretch. */
static void test_contact_errors(void)
{
    const char *src = "move squat\nside none\nsection cycle 2.0\ncontacts knees feet\n"
                      "key 0 x=0 pelvis=90 hip=0,0 knee=2,2\nkey 1\n";
    memset(&errs, 0, sizeof errs);
    CHECK_INT(pose_parse("own/squat.pose", src, strlen(src), &pf, &errs), 0);
    CHECK_INT(pf.move_line, 1);
    CHECK_INT(pf.move_col, 6);
    CHECK_INT(pf.sections[0].line, 3);
    CHECK_INT(pf.sections[0].keys[1].line, 6);
    PoseMove m;
    CHECK_INT(pose_move_init(&m, &pf), 0);
    memset(&errs, 0, sizeof errs);
    CHECK(pose_move_check(&m, "own/squat.pose", &errs) > 0);
    CHECK(errs.count >= 1);
    CHECK(has_error(5, 1, "off the mat"));
    CHECK(has_error(5, 1, "near_knee"));
    char faults[256];
    CHECK(pose_move_check_sample(&m, 0, faults, sizeof faults, NULL) >= 2);
    CHECK(strstr(faults, "near_knee") && strstr(faults, ";"));
    pose_move_free(&m);
}

/* The standing back extension's head follows the trunk (physio review 27, finding 3: at the top the
 * chin dropped to the chest while the trunk arched back, so from across a room the outline read as
 * a forward stoop). At the top of the rep the neck and head are flexed on the trunk at most 24
 * degrees in all (22 now; the chin on the chest was 48; standing's 16, neck=3 head=13, was the
 * bound's base until session 28 lifted standing's face to near level, 5 now: test_figure_seams'
 * test_standing_tall; the top keeps its head so its eyes stay under 35 degrees up), the eyes level
 * to slightly up (the head's centre to its eye 0-35 degrees above level), the trunk leaning back
 * from the hips (the hip joints to the shoulders at least 25 degrees from vertical) with the arch
 * in the lower back (the pelvis less upright than the trunk above it by at least 15 degrees: the
 * lumbar curve), the shoulders at least 0.08 H behind the ankles, knees straight, heels and toes
 * on the mat. */
static void test_standing_extension_head(void)
{
    static PoseFile file;
    PoseMove m;
    if (!load_move("standing_extension", &file, &m))
        return;
    const SheetRange *c = &m.meta.cycle;
    int top = c->first + (c->last - c->first) / 2;
    const float *v0 = m.samples[c->first].v, *v = m.samples[top].v;
    float neck = v[POSE_NECK] + v[POSE_HEAD], standing = v0[POSE_NECK] + v0[POSE_HEAD];
    PoseFigure fig;
    pose_move_sample_figure(&m, top, &fig);
    const PosePart *head = part_named(&fig, POSE_GROUP_TORSO, "head");
    const PosePart *pelvis = part_named(&fig, POSE_GROUP_TORSO, "pelvis");
    const PosePart *shank[2] = {part_named(&fig, POSE_GROUP_NEAR_LEG, "shank"),
                                part_named(&fig, POSE_GROUP_FAR_LEG, "shank")};
    float eye_x = 0.0f, eye_y = 0.0f, top_y = trunk_top_y(&fig), top_x = 0.0f, upper = 0.0f;
    for (int g = 0; g < fig.count; g++)
        for (int i = 0; i < fig.groups[g].count; i++) {
            const PosePart *q = &fig.groups[g].parts[i];
            if (strcmp(q->name, "eye") == 0)
                eye_x = q->ax, eye_y = q->ay;
            if (fig.groups[g].id == POSE_GROUP_TORSO && strcmp(q->name, "trunk") == 0 && q->by == top_y)
                top_x = q->bx, upper = atan2f(q->by - q->ay, q->bx - q->ax) * 57.29578f;
        }
    CHECK(head && pelvis && shank[0] && shank[1]);
    if (!head || !pelvis || !shank[0] || !shank[1])
        return;
    float gaze = atan2f(eye_y - head->ay, eye_x - head->ax) * 57.29578f;
    float lean = atan2f(pelvis->ax - top_x, top_y - pelvis->ay) * 57.29578f;
    float curve = upper - atan2f(pelvis->by - pelvis->ay, pelvis->bx - pelvis->ax) * 57.29578f;
    float behind = 0.5f * (shank[0]->bx + shank[1]->bx) - top_x;
    printf("standing_extension top: neck and head flexed %.1f deg on the trunk (standing %.1f), eyes %.1f deg above "
           "level; trunk %.1f deg back from vertical, the upper trunk %.1f deg further back than the pelvis; "
           "shoulders %.3f H behind the ankles\n",
           (double)neck, (double)standing, (double)gaze, (double)lean, (double)curve, (double)behind);
    CHECK(neck <= 24.0f && neck >= standing - 10.0f); /* 48 with the chin on the chest */
    CHECK(gaze >= 0.0f && gaze <= 35.0f);
    CHECK(lean >= 25.0f);
    CHECK(curve >= 15.0f);
    CHECK(behind >= 0.08f);
    CHECK(fmaxf(v[POSE_KNEE_N], v[POSE_KNEE_F]) <= 3.0f);
    CHECK(m.sample_contacts[top] != 0);
    pose_move_free(&m);
}

/* The knee hugs' reps go straight to the hug (physio review 27, finding 6: "reaches only about 90
 * degrees, table-top legs"). The held pose was 136 degrees, but the way in and out passed through
 * the thigh vertical with the shin level (hip 92, knee 100), drawn for 0.75 s of each way: the
 * frame a patient sees as the top. Played as levels/08 (tempo 4 s, hold 5 s) and as a short rep
 * (4 s, hold 3 s), no moment draws the working thigh within 15 degrees of vertical with its shin
 * within 12 degrees of level (the heel stays tucked toward the buttock as the knee comes up), and
 * the middle of the rep's hold draws the hip flexed at least 132 degrees. */
static void test_knee_hug_reps(void)
{
    static const char *const moves[] = {"knee_to_chest", "knees_to_chest"};
    static const int reps[][2] = {{9000, 5000}, {7000, 3000}};
    for (size_t k = 0; k < sizeof moves / sizeof moves[0]; k++) {
        static PoseFile file;
        PoseMove m;
        if (!load_move(moves[k], &file, &m))
            continue;
        for (size_t r = 0; r < sizeof reps / sizeof reps[0]; r++) {
            int table = 0;
            float top = 0.0f;
            for (int ms = 0; ms <= reps[r][0]; ms = sheet_grid_ms(ms + 1000 / POSE_SAMPLE_FPS)) {
                PoseFigure fig;
                pose_move_figure_at(&m, ANIM_REPS, ms, reps[r][0], reps[r][1], false, &fig);
                const PosePart *thigh = part_named(&fig, POSE_GROUP_NEAR_LEG, "thigh");
                const PosePart *shank = part_named(&fig, POSE_GROUP_NEAR_LEG, "shank");
                CHECK(thigh && shank);
                if (!thigh || !shank)
                    break;
                float t = atan2f(thigh->by - thigh->ay, thigh->bx - thigh->ax) * 57.29578f; /* head on the left */
                float sh = fabsf(atan2f(shank->by - shank->ay, shank->bx - shank->ax) * 57.29578f);
                sh = fminf(sh, 180.0f - sh); /* off level */
                if (fabsf(t - 90.0f) <= 15.0f && sh <= 12.0f)
                    table++;
                if (ms >= reps[r][0] / 2 - 100 && ms <= reps[r][0] / 2 + 100)
                    top = fmaxf(top, t);
            }
            printf("%s rep %d ms, hold %d: %d moments with table-top legs; hip flexed %.1f deg mid-hold\n", moves[k],
                   reps[r][0], reps[r][1], table, (double)top);
            CHECK_INT(table, 0);
            CHECK(top >= 132.0f);
        }
        pose_move_free(&m);
    }
}

/* Forward fold's hold shows soft knees and a level-1 range (physio review 27, finding 9: "knees
 * locked straight with a deep fold, hands near the feet, for the whole hold" while the voice says
 * "Soften your knees if your hamstrings pull"). The knees were bent 17-25 degrees, but with the
 * shins vertical under thighs leaning forward the bend did not show. All through the hold each knee
 * is bent 10-25 degrees and drawn at least 0.025 H ahead of its ankle (the shins tilted forward;
 * the near one was 0.008 H behind it), and the fingertips hang at least 0.12 H above the mat (the
 * hands by the shins, not at the feet: they were 0.022 H above it). */
static void test_forward_fold_soft_knees(void)
{
    static PoseFile file;
    PoseMove m;
    if (!load_move("forward_fold", &file, &m))
        return;
    float bend_lo = 180.0f, bend_hi = 0.0f, ahead = 1.0f, tips = 1.0f;
    for (int i = m.meta.breath.first; i <= m.meta.breath.last; i += 5) {
        const float *v = m.samples[i].v;
        bend_lo = fminf(bend_lo, fminf(v[POSE_KNEE_N], v[POSE_KNEE_F]));
        bend_hi = fmaxf(bend_hi, fmaxf(v[POSE_KNEE_N], v[POSE_KNEE_F]));
        PoseFigure fig;
        pose_move_sample_figure(&m, i, &fig);
        for (int leg = POSE_GROUP_FAR_LEG; leg <= POSE_GROUP_NEAR_LEG;
             leg += POSE_GROUP_NEAR_LEG - POSE_GROUP_FAR_LEG) {
            const PosePart *thigh = part_named(&fig, leg, "thigh"), *shank = part_named(&fig, leg, "shank");
            CHECK(thigh && shank);
            if (!thigh || !shank)
                return;
            ahead = fminf(ahead, shank->ax - shank->bx); /* the knee ahead of the ankle: the shin tilted */
        }
        for (int g = 0; g < fig.count; g++)
            for (int k = 0; fig.groups[g].id != POSE_GROUP_TORSO && k < fig.groups[g].count; k++)
                if (strcmp(fig.groups[g].parts[k].name, "hand") == 0)
                    tips = fminf(tips, fminf(fig.groups[g].parts[k].ay, fig.groups[g].parts[k].by));
    }
    printf("forward_fold held: knees bent %.1f-%.1f deg, at least %.3f H ahead of the ankles; fingertips "
           "%.3f H above the mat\n",
           (double)bend_lo, (double)bend_hi, (double)ahead, (double)tips);
    CHECK(bend_lo >= 10.0f && bend_hi <= 25.0f);
    CHECK(ahead >= 0.025f);
    CHECK(tips >= 0.12f);
    pose_move_free(&m);
}

int main(void)
{
    test_other_side_away();
    test_parse();
    test_contact_errors();
    test_errors();
    test_cut_and_contacts();
    test_chair();
    test_paint_order();
    test_flat_feet();
    test_cat_camel();
    test_pelvic_tilt();
    test_draw_in();
    test_side_bend();
    test_ways_eased_in();
    test_moves_eased_in_place();
    test_head_and_neck();
    test_superman();
    test_knee_hugs();
    test_spinal_twist_tall();
    test_twist_hooks_knee();
    test_spinal_twist_slow_in();
    test_hold_ways_from_pose_files();
    test_forward_fold();
    test_bird_dog();
    test_standing_extension();
    test_chair_sitting();
    test_child_pose();
    test_child_pose_face();
    test_press_up();
    test_front_to_all_fours_hands();
    test_hamstring_stretch();
    test_all_fours_head();
    test_prone_on_elbows_hands();
    test_rest_on_front();
    test_roll_knee();
    test_roll_arms_low();
    test_roll_push_hands();
    test_blend_cuts();
    test_stop();
    test_committed_moves();
    test_no_jumps();
    test_way_seams();
    test_sit_up_ways();
    test_standing_extension_head();
    test_knee_hug_reps();
    test_forward_fold_soft_knees();
    return TEST_END();
}
