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
#include "testholdways.h"
#include "testfigure.h"
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

/* The figure drawn for v as the program draws it (sprites.c draw_move): eased in from the figure
 * before while v.blend (pose_moves_blend), else the move's own at ms; *mirror: drawn mirrored.
 * *required: while eased, the contacts it keeps on the mat (those of both ends). Returns false
 * when nothing is drawn (no figure). */
static bool drawn_figure(const SessionView *v, PoseFigure *fig, bool *mirror, bool *eased, unsigned *required)
{
    const PoseMove *m = move_of(v->figure);
    if (!m)
        return false;
    int ms = sheet_grid_ms(v->anim_ms);
    PoseDraw d = pose_move_draw(m, v->side, v->turned);
    *mirror = d.mirror;
    *eased = false;
    *required = 0u;
    const PoseMove *from = v->blend ? move_of(v->from_figure) : NULL;
    if (from) {
        PoseMoment at_from = {v->from_anim, sheet_grid_ms(v->from_anim_ms), v->from_anim_length_ms, v->from_rep_hold_ms,
                              pose_move_draw(from, v->from_side, v->from_turned)};
        PoseMoment at = {v->anim, ms, v->anim_length_ms, v->rep_hold_ms, d};
        *eased = pose_moves_blend(from, &at_from, m, &at, (float)sheet_grid_ms(v->blend_ms) / (float)SESSION_BLEND_MS,
                                  fig, required);
    }
    if (!*eased)
        pose_move_figure_at(m, v->anim, ms, v->anim_length_ms, v->rep_hold_ms, d.swap, fig);
    return true;
}

/* Where the pelvis is along the mat in fig (H), as drawn (mirrored: -x). */
static float pelvis_x(const PoseFigure *fig, bool mirror)
{
    for (int g = 0; g < fig->count; g++)
        for (int i = 0; i < fig->groups[g].count; i++)
            if (strcmp(fig->groups[g].parts[i].name, "pelvis") == 0)
                return mirror ? -fig->groups[g].parts[i].ax : fig->groups[g].parts[i].ax;
    return 0.0f;
}

/* How far part p (of a, mirrored when ma) is from part q (of b, mirrored when mb, then moved by
 * shift) as drawn: the farther of their ends; a part of one radius (the hips, a capsule across
 * both hip joints) is the same shape either way round, so its ends may match crosswise. */
static float part_moved(const PosePart *p, bool ma, const PosePart *q, bool mb, float shift)
{
    float pax = ma ? -p->ax : p->ax, pbx = ma ? -p->bx : p->bx;
    float qax = (mb ? -q->ax : q->ax) + shift, qbx = (mb ? -q->bx : q->bx) + shift;
    float d = fmaxf(hypotf(pax - qax, p->ay - q->ay), hypotf(pbx - qbx, p->by - q->by));
    if (p->ra == p->rb && q->ra == q->rb)
        d = fminf(d, fmaxf(hypotf(pax - qbx, p->ay - q->by), hypotf(pbx - qax, p->by - q->ay)));
    return d;
}

/* The group of b that group x of a is matched with: its like (group_like), or, when sides, its
 * other side's (near_arm for far_arm, ...), -1 when there is none. */
static int group_matched(const PoseFigure *a, const PoseFigure *b, int g, bool sides)
{
    const PoseGroup *x = &a->groups[g];
    int nth = 0;
    for (int i = 0; i < g; i++)
        nth += a->groups[i].id == x->id && a->groups[i].flat == x->flat && strcmp(a->groups[i].name, x->name) == 0;
    PoseGroup other = *x;
    if (sides && (x->id == POSE_GROUP_NEAR_ARM || x->id == POSE_GROUP_FAR_ARM)) {
        other.id = x->id == POSE_GROUP_NEAR_ARM ? POSE_GROUP_FAR_ARM : POSE_GROUP_NEAR_ARM;
        other.name = x->id == POSE_GROUP_NEAR_ARM ? "far_" : "near_";
    } else if (sides && (x->id == POSE_GROUP_NEAR_LEG || x->id == POSE_GROUP_FAR_LEG)) {
        other.id = x->id == POSE_GROUP_NEAR_LEG ? POSE_GROUP_FAR_LEG : POSE_GROUP_NEAR_LEG;
        other.name = x->id == POSE_GROUP_NEAR_LEG ? "far_" : "near_";
    } else if (sides && (x->id == POSE_GROUP_NEAR_SHIN || x->id == POSE_GROUP_FAR_SHIN)) {
        return -1;
    }
    return group_like(b, &other, nth);
}

/* The farthest any body part's end moves from figure a to figure b as drawn (as test_pose's
 * parts_moved: groups by id, name and turn, parts by name), each mirrored left-right as drawn;
 * when b is another figure (line_up) or only one is mirrored (a roll's end, mirrored about the
 * hip, then the figure drawn turned), the two are first lined up at the pelvis, as the camera
 * draws them (figpaint_camera keeps the pelvis where it was drawn when the figure changes: the
 * files place the body differently along the mat, way_standing_to_all_fours 0.22 H ahead of
 * standing's figure, and the camera eases that over FIGPAINT_CAMERA_MS; test_figure_seams checks
 * the pelvis there). What a patient sees is the picture, not which limb
 * is near: a figure facing the viewer, drawn the other way round (a symmetric pose, mirrored), is
 * also matched limb for limb with its other side's, where those are lit alike (the same colour, to
 * ~2/255: a far limb drawn darker would be seen to change), and the nearer matching counts. */
static float drawn_moved(const PoseFigure *a, bool ma, const PoseFigure *b, bool mb, bool line_up, const char **group,
                         const char **what)
{
    float shift = line_up || ma != mb ? pelvis_x(a, ma) - pelvis_x(b, mb) : 0.0f, best = 1e9f;
    for (int sides = 0; sides < 2; sides++) {
        float worst = 0.0f;
        const char *wg = "", *ww = "";
        for (int g = 0; g < a->count && worst < 1e9f; g++) {
            const PoseGroup *x = &a->groups[g];
            int h = group_matched(a, b, g, sides == 1);
            if (x->flat || (h < 0 && sides == 0))
                continue;
            if (h < 0) { /* no other side to match with */
                worst = 1e9f;
                break;
            }
            const PoseGroup *y = &b->groups[h];
            for (int i = 0; i < x->count && i < y->count; i++) {
                const PosePart *p = &x->parts[i], *q = &y->parts[i];
                if (strcmp(p->name, q->name) != 0)
                    continue;
                bool lit_alike =
                    fabsf(p->color.r - q->color.r) + fabsf(p->color.g - q->color.g) + fabsf(p->color.b - q->color.b) <
                    0.02f; /* within ~2/255 a channel: not to be seen */
                if (sides == 1 && x->id != POSE_GROUP_TORSO && !lit_alike) {
                    worst = 1e9f;
                    break;
                }
                float d = part_moved(p, ma, q, mb, shift);
                if (d > worst)
                    worst = d, wg = x->name, ww = p->name;
            }
        }
        if (worst < best)
            best = worst, *group = wg, *what = ww;
    }
    return best;
}

#define JUMP_H 0.03f /* a body part's end between two frames 1/30 s apart (test_pose: 0.9 H a second) */

/* Cuts between two figures 1/30 s apart that other work owns; the list only shrinks (a listed
 * pair that no longer jumps fails the test). Each: the figure before, the figure after, why. */
static const struct {
    const char *from, *to;
    const char *cause;
} cuts_left[] = {
    {"", "", "none left: an empty row, as C has no empty initialiser"},
    /* the press-up's end (hands flat by the face, elbows out) to the superman's start (arms long
     * overhead) is eased since session 27: eased joint by joint the forearms swung 0.019 H through
     * the mat, so it cut 0.20 H; now the hands slide forward on the mat (pose_moves_blend's last
     * try, pose_limbs_to_mat: each arm turned at the shoulder to rest on the mat, not through it) */
    /* the four ways that cut in from a move ending off its position's figure (cat-camel's level
     * back, the superman, the pelvic tilt's hands on the hips, the standing extension's hands on
     * the lower back: 0.054-0.240 H) are eased into since session 26 (pose_moves_blend: the move's
     * end eased to where the way was as the easing began, plus the way's own motion since, contacts
     * kept by the solver), and left the list */
};

static bool cut_listed(MoveId from, MoveId to, int *which)
{
    for (int i = 0; i < (int)(sizeof cuts_left / sizeof cuts_left[0]); i++)
        if (cuts_left[i].from[0] && strcmp(cuts_left[i].from, moves_info(from)->id) == 0 &&
            strcmp(cuts_left[i].to, moves_info(to)->id) == 0) {
            *which = i;
            return true;
        }
    return false;
}

static bool cut_seen[sizeof cuts_left / sizeof cuts_left[0]];

/* One frame as the 30 Hz smoothness check keeps it. */
typedef struct {
    bool drawn, mirror, eased;
    unsigned required;
    PoseFigure fig;
    SessionView v;
    int seg;
} Frame;

/* Frames a then b more than one segment apart: a check-in between (skipped here at once) showed
 * no figure. Whether frames a then b (1/30 s apart) are one move playing on (same figure, side and turn,
 * played the same way, neither eased in): test_pose's test_no_jumps checks those between its samples.
 * A get-ready's still start (ANIM_START) into the move's first rep or hold is measured here: the
 * start is the intro's first pose, the first rep a cycle's (104 such seams in the routines, 0.0014 H
 * at most; a pelvic tilt given an intro from rest cut 0.177 H there and nothing caught it). */
static bool same_playing(const Frame *a, const Frame *b)
{
    return a->v.figure == b->v.figure && a->v.side == b->v.side && a->mirror == b->mirror && a->v.anim == b->v.anim &&
           !a->eased && !b->eased;
}

/* Play routine src (named path) to its end, voiced or not, the k-th hold a press ends (`hold open`,
 * `hold up to`) pressed press_after[k] ms into it (k < presses; later ones not pressed); returns
 * the number of faulty frames. */
static int play_pressed(const char *path, const char *src, size_t n, bool voiced, const int *press_after, int presses)
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
    testholdways_fill(&r); /* its holds' ways from the pose files, as the app loads them */
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
    float worst = 0.0f, worst_jump = 0.0f;
    char where[160] = "", jump_where[200] = "";
    static Frame fr[2];
    int cur = 0, jumps = 0, eased_frames = 0;
    float eased_off = 0.0f;
    long last_frame = -1;
    fr[0].drawn = fr[1].drawn = false;
    int pressed = 0, press_seg = -1;
    for (int guard = 0; !session_over(&s) && guard < 4000000; guard++) {
        SessionInput in = {0};
        const RoutineStep *st = s.segments[s.seg].step >= 0 ? &r.steps[s.segments[s.seg].step] : NULL;
        if (s.segments[s.seg].kind == SEG_WORK && st && st->mode == MODE_HOLD_UNTIL_PRESS && s.seg != press_seg &&
            pressed < presses && s.seg_elapsed_ms >= press_after[pressed])
            in.actions = INPUT_PRESS, press_seg = s.seg, pressed++;
        session_step(&s, &in, SESSION_TICK_MS);
        SessionEvent ev;
        while (session_poll_event(&s, &ev))
            ;
        SessionView v = session_view(&s, 0);
        long frame = (long)(s.t_ms * 30 / 1000); /* a 30 Hz display: one frame each 1/30 s */
        if (frame != last_frame) {
            last_frame = frame;
            Frame *a = &fr[cur], *b = &fr[cur ^ 1];
            b->v = v, b->seg = s.seg;
            /* as render_session: no figure on a check-in or the results; a turn is the painter's
             * (narrowed to a line halfway), except a figure facing the viewer's, which the painter
             * draws as it is (figpaint_fit_turn): compared as any other */
            const PoseMove *vm = move_of(v.figure);
            bool shown = v.kind != SEG_PAIN_BEFORE && v.kind != SEG_PAIN_AFTER && v.kind != SEG_SIDE &&
                         v.kind != SEG_RESULTS && v.kind != SEG_DONE &&
                         (v.turn_ms < 0 || (vm && pose_move_faces_viewer(vm)));
            b->drawn = shown && drawn_figure(&v, &b->fig, &b->mirror, &b->eased, &b->required);
            eased_frames += b->drawn && b->eased;
            if (b->drawn && b->eased) { /* grounded: nothing below the mat, the contacts of both ends on it */
                float low[CONTACT_COUNT], lowest = pose_figure_ground(&b->fig, 0u, low), off = fabsf(lowest);
                for (int k = 0; k < CONTACT_COUNT; k++)
                    if (b->required & (1u << k))
                        off = fmaxf(off, low[k] - lowest);
                eased_off = fmaxf(eased_off, off);
                if (off > POSE_CONTACT_TOL_H && faulty++ < 5)
                    printf("  %s%s: %.2f s, %s eased in from %s: %.1f px off or below the mat\n", path,
                           voiced ? " (voiced)" : "", (double)s.t_ms / 1000.0, moves_info(v.figure)->id,
                           moves_info(v.from_figure)->id, (double)(off / POSE_CONTACT_TOL_H * 2.0f));
            }
            if (a->drawn && b->drawn && !same_playing(a, b) && b->seg <= a->seg + 1) {
                const char *group = "", *what = "";
                float d =
                    drawn_moved(&a->fig, a->mirror, &b->fig, b->mirror, a->v.figure != b->v.figure, &group, &what);
                if (a->eased && b->eased && a->v.figure == b->v.figure) {
                    /* easing into a figure that moves (a way): what the easing adds to its own move */
                    bool ma, mb, ea, eb;
                    unsigned ra, rb;
                    PoseFigure fa, fb;
                    SessionView va = a->v, vb = b->v;
                    va.blend = vb.blend = false;
                    drawn_figure(&va, &fa, &ma, &ea, &ra);
                    drawn_figure(&vb, &fb, &mb, &eb, &rb);
                    const char *g2 = "", *w2 = "";
                    d -= drawn_moved(&fa, ma, &fb, mb, false, &g2, &w2);
                }
                int which = -1;
                bool listed = d > JUMP_H && cut_listed(a->v.figure, b->v.figure, &which);
                if (listed)
                    cut_seen[which] = true;
                if (d > JUMP_H && !listed && jumps++ < 8)
                    printf("  %s%s: %.3f s, %s -> %s: %s%s moves %.3f H in 1/30 s\n", path, voiced ? " (voiced)" : "",
                           (double)s.t_ms / 1000.0, moves_info(a->v.figure)->id, moves_info(b->v.figure)->id, group,
                           what, (double)d);
                if (!listed && d > worst_jump) {
                    worst_jump = d;
                    snprintf(jump_where, sizeof jump_where, "%.2f s, %s -> %s", (double)s.t_ms / 1000.0,
                             moves_info(a->v.figure)->id, moves_info(b->v.figure)->id);
                }
            }
            cur ^= 1;
        }
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
    printf("%-40s %-8s figures change: largest move %.3f H in 1/30 s (%s), %d over %.2f H, %d frames eased in "
           "(worst %.1f px off the mat)\n",
           path, voiced ? "voiced" : "unvoiced", (double)worst_jump, jump_where, jumps, (double)JUMP_H, eased_frames,
           (double)(eased_off / POSE_CONTACT_TOL_H * 2.0f));
    CHECK(frames > 100);
    CHECK_INT(jumps, 0);
    CHECK_INT(pressed, presses);
    session_free(&s);
    voicetable_free(&vt);
    routine_free(&r);
    return faulty;
}

static int play(const char *path, const char *src, size_t n, bool voiced)
{
    return play_pressed(path, src, n, voiced, NULL, 0);
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
    /* the review's cuts (s23review W1-13): a rest's figure, then a move's start in the same
     * position (arms folded -> hands under the shoulders, arms hanging -> hands on the back, profile
     * -> the side bend facing the viewer), and one move's end, then the next one's start */
    static const char cuts[] = "title \"Cuts\"\n"
                               "rest 12s on-front \"Lie on your front.\"\n"
                               "move prone_on_elbows\n  hold 10s\n"
                               "move press_up\n  reps 2\n"
                               "move superman\n  reps 2\n"
                               "rest 12s on-front \"Rest.\"\n"
                               "move superman\n  reps 2\n"
                               "rest 12s standing \"Stand up.\"\n"
                               "move standing_extension\n  reps 2\n"
                               "move side_bend\n  reps 2\n  sides both\n"
                               "rest 12s standing \"Rest.\"\n"
                               "move side_bend\n  reps 2\n  sides both\n";
    for (int voiced = 1; voiced >= 0; voiced--)
        faulty += play("cuts.routine", cuts, sizeof cuts - 1, voiced == 1);
    /* holds a press ends early (review W1-14): levels/09's knee hug pressed while held and on its
     * way in, levels/08's double knee hug while held; each plays its way out into what follows
     * (before: the knee at the chest cut to the foot on the mat, 0.3 H in one frame) */
    static const char early[] = "title \"Early\"\n"
                                "move knee_to_chest\n  hold open\n  sides alternate\n"
                                "move knees_to_chest\n  hold up to 10s\n"
                                "move knee_rolls\n  reps 2\n"
                                "move knees_to_chest\n  hold up to 10s\n"
                                "rest 10s \"Rest.\"\n";
    static const int early_ms[] = {20000, 1500, 6000, 9700};
    for (int voiced = 1; voiced >= 0; voiced--)
        faulty += play_pressed("early.routine", early, sizeof early - 1, voiced == 1, early_ms,
                               (int)(sizeof early_ms / sizeof early_ms[0]));
    for (size_t i = 0; i < sizeof cuts_left / sizeof cuts_left[0]; i++) { /* the list only shrinks */
        if (!cuts_left[i].from[0])
            continue;
        if (!cut_seen[i])
            printf("cuts_left: %s -> %s no longer jumps: take it off the list\n", cuts_left[i].from, cuts_left[i].to);
        CHECK(cut_seen[i]);
    }
    CHECK_INT(faulty, 0);
    testposes_free();
    return TEST_END();
}
