/* test_first_ready.c: a patient copies the figure, so when the first step's get-ready names where
 * to be, the figure must be there. Every shipped routine, and routines with no words of their own,
 * played with no input (check-ins skipped), voiced with assets/voice's clip lengths and unvoiced:
 * when the first step's own words begin (its start words, the how-to said for it, a timer's text;
 * "Get ready. Next: ..." when it has none) the figure drawn is the step's (the move's start, or the
 * timer's position), not a way still on its way there. And the way down from the intro's standing
 * figure is shown whole before that: every way of its chain drawn, each moving at its own pace
 * (moves_way_ms, never squeezed): over the intro for a first move, in its get-ready for a first
 * timer, whose intro's figure stands while the intro's words ask for what is done first (04: "Wrap
 * the cold pack in a thin towel" came with the figure lying down: physio review s30). Prints, per
 * routine, how many seconds of the get-ready's words are spoken while the figure is still on its way.
 * Then the intro pressed through ("Press to start now", review 29b), at its start, 1 s in and once
 * the way down is over: the get-ready goes on with the rest of the way from where the figure was
 * (every 1/30 s frame as drawn, no body part jumping), its words and 3-2-1 come with the figure in
 * the step's start, and the 3-2-1 no sooner than the rest of the way takes. Reads levels/,
 * assets/poses and assets/voice. A way's own words (moves.h MOVES_WAY_WORDS: what to do on the
 * way, said as it begins) are not the step's words and are left out here (test_way_guidance). */
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

#define FIRST_READY_MAX_TICKS 60000 /* 10 min of 10 ms ticks: far more than any way down */
#define FIRST_READY_MAX_CUES 16
#define FIRST_READY_PACE_SLACK_MS 60 /* a way's motion, counted in 10 ms ticks, against its keyed time */

/* One cue of the first step's get-ready: when its words start and how long they sound. */
typedef struct {
    int id;
    int64_t asked_ms, spoken_ms; /* spoken_ms: its clip's start, -1 when not said aloud */
    int len_ms;
    char text[64];
} Cue;

/* Whether text is the words of a way (moves.h MOVES_WAY_WORDS), said as the way begins: what to do
 * on the way, not the step's own words, which wait for the figure to arrive. */
static bool way_words(const char *text)
{
    for (int i = 0; i < MOVE_COUNT; i++)
        if (moves_way_words((MoveId)i) && strcmp(moves_way_words((MoveId)i), text) == 0)
            return true;
    return false;
}

/* Whether figure fig, drawn as v says, is still on its way to position `to`: a way that ends
 * elsewhere (the chain goes on), or the last way still moving (its intro, at its pace). */
static bool on_the_way(const SessionView *v, Position to)
{
    if (v->figure < 0 || moves_way_from(v->figure) == POSITION_NONE)
        return false;
    if (moves_info(v->figure)->position != to)
        return true;
    const PoseMove *m = move_of(v->figure);
    if (!m)
        return true;
    SheetFrame f;
    sheet_frame_at(&m->meta, v->anim, sheet_grid_ms(v->anim_ms), v->anim_length_ms, v->rep_hold_ms, &f);
    return f.part == SHEET_PART_INTRO;
}

/* Whether way w's frame drawn as v says is its motion (the way's intro). */
static bool way_moving(const SessionView *v)
{
    const PoseMove *m = move_of(v->figure);
    if (!m)
        return false;
    SheetFrame f;
    sheet_frame_at(&m->meta, v->anim, v->anim_ms, v->anim_length_ms, v->rep_hold_ms, &f);
    return f.part == SHEET_PART_INTRO;
}

/* Play routine src (named path) from the start to the first step's work, voiced or not; check the
 * figure at the first step's words and the way down before them. *late_ms: how long after those
 * words begin the figure is still on its way; *words_ms: the get-ready's words spoken (voiced)
 * while it is. Returns false when the routine could not be played. */
static bool play(const char *path, const char *src, size_t n, bool voiced, int *late_ms, int *words_ms)
{
    static Routine r;
    RoutineErrors errs;
    memset(&errs, 0, sizeof errs);
    int rc = routine_parse(path, src, n, &r, &errs);
    CHECK_INT(rc, 0);
    if (rc != 0)
        return false;
    Position from, to;
    MovesPath chain;
    int rest_ms;
    int ways = session_step_chain(&r, 0, &from, &to, &chain, &rest_ms);
    const RoutineStep *first = &r.steps[0];
    static Session s;
    testholdways_fill(&r); /* its holds' ways from the pose files, as the app loads them */
    CHECK_INT(session_init(&s, &r), 0);
    VoiceTable vt = {NULL, 0};
    if (voiced) {
        CHECK_INT(voicetable_load(&vt, ".", &r), 0);
        session_set_voice(&s, vt.rows, vt.count);
    }
    session_set_checkin_wait(&s, 0);
    session_set_side_wait(&s, 0);
    static bool way_tick[FIRST_READY_MAX_TICKS];
    static MoveId fig_tick[FIRST_READY_MAX_TICKS];
    int moving_ms[MOVES_PATH_MAX] = {0}, seen = 0, ticks = 0, intro_away = 0;
    MoveId last_way = MOVE_NONE;
    Cue cue[FIRST_READY_MAX_CUES];
    int cues = 0;
    int64_t ready_ms = -1;
    while (!session_over(&s) && ticks < FIRST_READY_MAX_TICKS) {
        session_step(&s, NULL, SESSION_TICK_MS);
        const Segment *g = &s.segments[s.seg];
        SessionEvent ev;
        while (session_poll_event(&s, &ev)) {
            if (ev.type == EV_CUE && ev.cue_kind != CUE_KIND_COUNT && !way_words(ev.text) && g->kind == SEG_READY &&
                g->step == 0 && cues < FIRST_READY_MAX_CUES) {
                cue[cues].id = ev.cue_id;
                cue[cues].asked_ms = ev.t_ms;
                cue[cues].spoken_ms = voiced ? -1 : ev.t_ms;
                cue[cues].len_ms = 0;
                snprintf(cue[cues].text, sizeof cue[cues].text, "%.63s", ev.text);
                cues++;
            } else if (ev.type == EV_VOICE && ev.voice == SESSION_VOICE_SPOKEN) {
                for (int i = 0; i < cues; i++)
                    if (cue[i].id == ev.cue_id)
                        cue[i].spoken_ms = ev.t_ms, cue[i].len_ms = ev.n;
            }
        }
        if (g->kind == SEG_READY && g->step == 0 && ready_ms < 0) {
            ready_ms = s.t_ms - SESSION_TICK_MS;
            /* the get-ready's figure is eased in from where the way down left the body, not cut
             * from standing nor from a way still under way; a timer's begins the way down from the
             * intro's standing figure */
            SessionView v = session_view(&s, 0);
            if (ways > 0 && first->kind == STEP_TIMER) {
                /* voiced, the way waits standing for "Get ready. Next: ..." (review 31 #3) */
                CHECK(v.figure == chain.way[0] || (voiced && v.figure == moves_position_figure(from)));
            } else if (ways > 0) {
                SessionView left = v;
                left.figure = v.from_figure, left.anim = v.from_anim, left.anim_ms = v.from_anim_ms;
                left.anim_length_ms = v.from_anim_length_ms, left.rep_hold_ms = v.from_rep_hold_ms;
                CHECK(v.blend && v.from_figure == chain.way[ways - 1] && v.from_anim == ANIM_HOLD);
                CHECK(!on_the_way(&left, to)); /* the way over: the body in the position */
            }
        }
        if (g->kind == SEG_WORK && g->step == 0)
            break;
        SessionView v = session_view(&s, 0);
        bool shown = v.kind == SEG_INTRO || v.kind == SEG_READY;
        if (v.kind == SEG_INTRO && first->kind == STEP_TIMER && v.figure != moves_position_figure(POSITION_STANDING)) {
            if (intro_away++ == 0)
                printf("%s: the intro shows %s %.2f s in, not the standing figure\n", path,
                       v.figure >= 0 ? moves_info(v.figure)->id : "-", (double)s.seg_elapsed_ms / 1000.0);
        }
        fig_tick[ticks] = shown ? v.figure : MOVE_NONE;
        way_tick[ticks] = shown && on_the_way(&v, to);
        if (shown && moves_way_from(v.figure) != POSITION_NONE) { /* a way of the chain down */
            if (v.figure != last_way && seen < MOVES_PATH_MAX && seen < ways) {
                CHECK(chain.way[seen] == v.figure);
                last_way = v.figure, seen++;
            }
            if (seen > 0 && way_moving(&v))
                moving_ms[seen - 1] += SESSION_TICK_MS;
        }
        ticks++;
    }
    CHECK(ready_ms >= 0);
    /* the first step's own words: those after the announcement, or the announcement itself */
    CHECK(cues >= 1);
    int ref = cues >= 2 ? 1 : 0;
    int64_t at = cues > 0 ? cue[ref].spoken_ms : -1;
    if (at < 0 && cues > 0) /* not said aloud (no clip): captioned when asked */
        at = cue[ref].asked_ms;
    int tick = at >= SESSION_TICK_MS ? (int)(at / SESSION_TICK_MS) - 1 : 0;
    if (tick >= ticks)
        tick = ticks - 1;
    int last_on_way = -1;
    for (int i = 0; i < ticks; i++)
        if (way_tick[i])
            last_on_way = i;
    *late_ms = last_on_way >= tick ? (last_on_way - tick + 1) * SESSION_TICK_MS : 0;
    *words_ms = 0;
    for (int c = 0; c < cues; c++)
        for (int64_t t = cue[c].spoken_ms; cue[c].spoken_ms >= 0 && t < cue[c].spoken_ms + cue[c].len_ms;
             t += SESSION_TICK_MS) {
            int i = (int)(t / SESSION_TICK_MS) - 1;
            if (i >= 0 && i < ticks && way_tick[i])
                *words_ms += SESSION_TICK_MS;
        }
    MoveId want = first->kind == STEP_MOVE ? first->move : moves_position_figure(to);
    MoveId got = tick >= 0 ? fig_tick[tick] : MOVE_NONE;
    printf("%-40s %-8s ways %d, get-ready at %6.2f s, \"%.30s\" at %6.2f s: %s, on its way %5.2f s after, "
           "%5.2f s of words on the way\n",
           path, voiced ? "voiced" : "unvoiced", ways, (double)ready_ms / 1000.0, cues > 0 ? cue[ref].text : "",
           (double)at / 1000.0, got >= 0 ? moves_info(got)->id : "-", (double)*late_ms / 1000.0,
           (double)*words_ms / 1000.0);
    /* in the step's start (or position: its figure, or the way there over) as its words begin, eased
     * in or not, and no longer on the way */
    CHECK(got == want || (first->kind != STEP_MOVE && got >= 0 && moves_info(got)->position == to &&
                          (moves_way_from(got) == POSITION_NONE || (tick >= 0 && !way_tick[tick]))));
    CHECK_INT(*late_ms, 0);
    /* a first timer's intro: the figure stands all through it */
    CHECK_INT(intro_away, 0);
    /* the whole way down, every way of it at its own pace */
    if (ways > 0) {
        CHECK_INT(seen, ways);
        for (int i = 0; i < seen; i++) {
            int keyed = moves_way_ms(r.way_ms, chain.way[i]);
            if (moving_ms[i] < keyed - FIRST_READY_PACE_SLACK_MS || moving_ms[i] > keyed + FIRST_READY_PACE_SLACK_MS)
                printf("  %s: %s moves for %d ms, keyed %d ms\n", path, moves_info(chain.way[i])->id, moving_ms[i],
                       keyed);
            CHECK(moving_ms[i] >= keyed - FIRST_READY_PACE_SLACK_MS);
            CHECK(moving_ms[i] <= keyed + FIRST_READY_PACE_SLACK_MS);
        }
    }
    session_free(&s);
    voicetable_free(&vt);
    routine_free(&r);
    return true;
}

/* ---- pressing on during the intro ---- */

#define FIRST_READY_JUMP_H 0.03f /* a body part's end between two frames 1/30 s apart (as test_drawn_levels) */
#define FIRST_READY_ANIM_STEP_MS 60 /* one animation going on: at most this far between two 1/30 s frames */

/* The figure drawn for v as the program draws it (sprites.c draw_move, as test_drawn_levels): eased
 * in from the figure before while v.blend (pose_moves_blend), else the move's own; *mirror: drawn
 * mirrored. Returns false when nothing is drawn. */
static bool drawn_figure(const SessionView *v, PoseFigure *fig, bool *mirror, bool *eased)
{
    const PoseMove *m = move_of(v->figure);
    if (!m)
        return false;
    int ms = sheet_grid_ms(v->anim_ms);
    PoseDraw d = pose_move_draw(m, v->side, v->turned);
    *mirror = d.mirror;
    *eased = false;
    unsigned required = 0u;
    const PoseMove *from = v->blend ? move_of(v->from_figure) : NULL;
    if (from) {
        PoseMoment at_from = {v->from_anim, sheet_grid_ms(v->from_anim_ms), v->from_anim_length_ms, v->from_rep_hold_ms,
                              pose_move_draw(from, v->from_side, v->from_turned)};
        PoseMoment at = {v->anim, ms, v->anim_length_ms, v->rep_hold_ms, d};
        *eased = pose_moves_blend(from, &at_from, m, &at, (float)sheet_grid_ms(v->blend_ms) / (float)SESSION_BLEND_MS,
                                  fig, &required);
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

/* The farthest any body part's end moves from figure a to figure b as drawn (test_drawn_levels's
 * drawn_moved, without its matching of a limb with its other side's): groups by id, name and
 * turn, parts by name, each mirrored as drawn, lined up at the pelvis when the figures differ or
 * only one is mirrored (the camera keeps the pelvis where it was). *what: the part that moved most. */
static float drawn_moved(const PoseFigure *a, bool ma, const PoseFigure *b, bool mb, bool line_up, const char **what)
{
    float shift = line_up || ma != mb ? pelvis_x(a, ma) - pelvis_x(b, mb) : 0.0f, worst = 0.0f;
    for (int g = 0; g < a->count; g++) {
        const PoseGroup *x = &a->groups[g];
        int nth = 0;
        for (int i = 0; i < g; i++)
            nth += a->groups[i].id == x->id && a->groups[i].flat == x->flat && strcmp(a->groups[i].name, x->name) == 0;
        int h = group_like(b, x, nth);
        if (x->flat || h < 0)
            continue;
        const PoseGroup *y = &b->groups[h];
        for (int i = 0; i < x->count && i < y->count; i++) {
            const PosePart *p = &x->parts[i], *q = &y->parts[i];
            if (strcmp(p->name, q->name) != 0)
                continue;
            float pax = ma ? -p->ax : p->ax, pbx = ma ? -p->bx : p->bx;
            float qax = (mb ? -q->ax : q->ax) + shift, qbx = (mb ? -q->bx : q->bx) + shift;
            float d = fmaxf(hypotf(pax - qax, p->ay - q->ay), hypotf(pbx - qbx, p->by - q->by));
            if (p->ra == p->rb && q->ra == q->rb) /* the hips: the same shape either way round */
                d = fminf(d, fmaxf(hypotf(pax - qbx, p->ay - q->by), hypotf(pbx - qax, p->by - q->ay)));
            if (d > worst)
                worst = d, *what = p->name;
        }
    }
    return worst;
}

/* One 1/30 s frame as drawn. */
typedef struct {
    bool drawn, mirror, eased;
    PoseFigure fig;
    SessionView v;
} Frame;

/* Load routine src into *r and a session *s for it, voiced or not (*vt freed by the caller). */
static bool start_session(const char *path, const char *src, size_t n, bool voiced, Routine *r, Session *s,
                          VoiceTable *vt)
{
    RoutineErrors errs;
    memset(&errs, 0, sizeof errs);
    int rc = routine_parse(path, src, n, r, &errs);
    CHECK_INT(rc, 0);
    if (rc != 0)
        return false;
    testholdways_fill(r); /* its holds' ways from the pose files, as the app loads them */
    CHECK_INT(session_init(s, r), 0);
    vt->rows = NULL, vt->count = 0;
    if (voiced) {
        CHECK_INT(voicetable_load(vt, ".", r), 0);
        session_set_voice(s, vt->rows, vt->count);
    }
    session_set_checkin_wait(s, 0);
    session_set_side_wait(s, 0);
    return true;
}

/* The intro of routine src played to its end with no input: how long it lasts (*intro_ms) and how
 * far into it the way down is over (*over_ms: the last moment a way is on its way to `to`, 0 when
 * none is). Returns false when it could not be played. */
static bool intro_way(const char *path, const char *src, size_t n, bool voiced, Position to, int *intro_ms,
                      int *over_ms)
{
    static Routine r;
    static Session s;
    VoiceTable vt;
    if (!start_session(path, src, n, voiced, &r, &s, &vt))
        return false;
    *intro_ms = *over_ms = 0;
    for (int ticks = 0; !session_over(&s) && ticks < FIRST_READY_MAX_TICKS; ticks++) {
        session_step(&s, NULL, SESSION_TICK_MS);
        SessionEvent ev;
        while (session_poll_event(&s, &ev))
            ;
        const Segment *g = &s.segments[s.seg];
        if (g->kind != SEG_INTRO) {
            if (*intro_ms > 0)
                break;
            continue;
        }
        *intro_ms = g->duration_ms;
        SessionView v = session_view(&s, 0);
        if (on_the_way(&v, to))
            *over_ms = s.seg_elapsed_ms;
    }
    session_free(&s);
    voicetable_free(&vt);
    routine_free(&r);
    return *intro_ms > 0;
}

/* Play routine src, pressing ("start now") press_at ms into the intro (at the first tick that far
 * in), to the first step's work; check every frame from the one before the press to the work for
 * jumps, the figure at the first step's words and at its 3-2-1, and the time left to get there.
 * over_ms: how far into the unpressed intro the way down is over. Returns false when not played. */
static bool play_pressed(const char *path, const char *src, size_t n, bool voiced, int press_at, int over_ms)
{
    static Routine r;
    static Session s;
    VoiceTable vt;
    if (!start_session(path, src, n, voiced, &r, &s, &vt))
        return false;
    Position from, to;
    MovesPath chain;
    int rest_ms;
    int ways = session_step_chain(&r, 0, &from, &to, &chain, &rest_ms);
    const RoutineStep *first = &r.steps[0];
    MoveId want = first->kind == STEP_MOVE ? first->move : moves_position_figure(to);
    static Frame fr[2];
    fr[0].drawn = fr[1].drawn = false;
    int cur = 0, jumps = 0, anim_jumps = 0, left = -1, moving_ms[MOVES_PATH_MAX] = {0}, seen = 0;
    long last_frame = -1;
    int64_t press_t = -1, words_t = -1, count_t = -1, arrived_t = -1;
    float worst = 0.0f;
    char worst_at[160] = "";
    MoveId last_way = MOVE_NONE, at_words = MOVE_NONE, at_count = MOVE_NONE;
    bool way_at_words = false, way_at_count = false;
    Cue cue[FIRST_READY_MAX_CUES];
    int cues = 0;
    static bool way_tick[FIRST_READY_MAX_TICKS];
    static MoveId fig_tick[FIRST_READY_MAX_TICKS];
    for (int ticks = 0; !session_over(&s) && ticks < FIRST_READY_MAX_TICKS; ticks++) {
        SessionInput in = {0};
        if (press_t < 0 && s.segments[s.seg].kind == SEG_INTRO && s.seg_elapsed_ms >= press_at) {
            in.actions = INPUT_PRESS, press_t = s.t_ms, left = s.seg_elapsed_ms;
        } else if (press_t >= 0 && press_t + SESSION_TICK_MS == s.t_ms) {
            in.actions = INPUT_RELEASE;
        }
        session_step(&s, &in, SESSION_TICK_MS);
        const Segment *g = &s.segments[s.seg];
        SessionEvent ev;
        while (session_poll_event(&s, &ev)) {
            if (ev.type == EV_CUE && g->kind == SEG_READY && g->step == 0 && ev.cue_kind == CUE_KIND_COUNT) {
                count_t = count_t < 0 ? ev.t_ms : count_t;
            } else if (ev.type == EV_CUE && g->kind == SEG_READY && g->step == 0 && !way_words(ev.text) &&
                       cues < FIRST_READY_MAX_CUES) {
                cue[cues].id = ev.cue_id;
                cue[cues].asked_ms = ev.t_ms;
                cue[cues].spoken_ms = voiced ? -1 : ev.t_ms;
                snprintf(cue[cues].text, sizeof cue[cues].text, "%.63s", ev.text);
                cues++;
            } else if (ev.type == EV_VOICE && ev.voice == SESSION_VOICE_SPOKEN) {
                for (int i = 0; i < cues; i++)
                    if (cue[i].id == ev.cue_id)
                        cue[i].spoken_ms = ev.t_ms;
            }
        }
        SessionView v = session_view(&s, 0);
        bool on_way = (v.kind == SEG_INTRO || v.kind == SEG_READY) && on_the_way(&v, to);
        if (ticks < FIRST_READY_MAX_TICKS)
            fig_tick[ticks] = v.figure, way_tick[ticks] = on_way;
        if (press_t >= 0 && !on_way && arrived_t < 0)
            arrived_t = s.t_ms;
        if (press_t >= 0 && on_way)
            arrived_t = -1; /* still (or again) on its way */
        if ((v.kind == SEG_INTRO || v.kind == SEG_READY) && moves_way_from(v.figure) != POSITION_NONE) {
            if (v.figure != last_way && seen < ways && seen < MOVES_PATH_MAX) {
                CHECK(chain.way[seen] == v.figure); /* the chain in its order, each way once */
                last_way = v.figure, seen++;
            }
            if (seen > 0 && way_moving(&v))
                moving_ms[seen - 1] += SESSION_TICK_MS;
        }
        long frame = (long)(s.t_ms * 30 / 1000);
        if (frame != last_frame) {
            last_frame = frame;
            Frame *a = &fr[cur], *b = &fr[cur ^ 1];
            b->v = v;
            const PoseMove *vm = move_of(v.figure);
            b->drawn = (v.turn_ms < 0 || (vm && pose_move_faces_viewer(vm))) &&
                       drawn_figure(&v, &b->fig, &b->mirror, &b->eased);
            /* from the frame before the press on: each pair of frames as drawn, one animation going
             * on (the same figure played the same way) by its time, any other change by its parts */
            if (press_t >= 0 && a->drawn && b->drawn) {
                bool same = a->v.figure == b->v.figure && a->v.side == b->v.side && a->mirror == b->mirror &&
                            a->v.anim == b->v.anim && !a->eased && !b->eased;
                if (same && a->v.anim == ANIM_HOLD) {
                    int step = b->v.anim_ms - a->v.anim_ms;
                    if (b->v.anim_length_ms != a->v.anim_length_ms || step < 0 || step > FIRST_READY_ANIM_STEP_MS) {
                        if (anim_jumps++ < 4)
                            printf("  %s %s: %.2f s, %s jumps from %d of %d ms to %d of %d ms\n", path,
                                   voiced ? "voiced" : "unvoiced", (double)s.t_ms / 1000.0, moves_info(v.figure)->id,
                                   a->v.anim_ms, a->v.anim_length_ms, b->v.anim_ms, b->v.anim_length_ms);
                    }
                } else if (!same) {
                    const char *what = "";
                    float d = drawn_moved(&a->fig, a->mirror, &b->fig, b->mirror, a->v.figure != b->v.figure, &what);
                    if (d > worst) {
                        worst = d;
                        snprintf(worst_at, sizeof worst_at, "%.2f s, %s -> %s, %s", (double)s.t_ms / 1000.0,
                                 moves_info(a->v.figure)->id, moves_info(b->v.figure)->id, what);
                    }
                    if (d > FIRST_READY_JUMP_H && jumps++ < 4)
                        printf("  %s %s: %.2f s, %s -> %s: %s moves %.3f H in 1/30 s\n", path,
                               voiced ? "voiced" : "unvoiced", (double)s.t_ms / 1000.0, moves_info(a->v.figure)->id,
                               moves_info(b->v.figure)->id, what, (double)d);
                }
            }
            cur ^= 1;
        }
        if (g->kind == SEG_WORK && g->step == 0)
            break;
    }
    /* the first step's own words (after the announcement, or the announcement) as they begin (said,
     * or captioned when not said aloud), and the 3-2-1: what the figure is then (drawn in the tick
     * after: a word asked at a press is asked as the tick begins, before it is drawn) */
    CHECK(press_t >= 0 && cues >= 1 && count_t >= 0);
    if (cues >= 1) {
        int ref = cues >= 2 ? 1 : 0;
        words_t = cue[ref].spoken_ms >= 0 ? cue[ref].spoken_ms : cue[ref].asked_ms;
        int tick = (int)(words_t / SESSION_TICK_MS);
        if (tick >= 0 && tick < FIRST_READY_MAX_TICKS)
            at_words = fig_tick[tick], way_at_words = way_tick[tick];
    }
    if (count_t >= 0 && count_t / SESSION_TICK_MS < FIRST_READY_MAX_TICKS) {
        int tick = (int)(count_t / SESSION_TICK_MS);
        at_count = fig_tick[tick], way_at_count = way_tick[tick];
    }
    int rest = over_ms > left ? over_ms - left : 0; /* the way still to go at the press */
    printf("%-40s %-8s pressed %5.2f s into the intro (way over at %5.2f s): words %5.2f s after (%s%s), "
           "3-2-1 %5.2f s after (%s%s), in position %5.2f s after; largest move %.3f H in 1/30 s (%s)\n",
           path, voiced ? "voiced" : "unvoiced", (double)left / 1000.0, (double)over_ms / 1000.0,
           (double)(words_t - press_t) / 1000.0, at_words >= 0 ? moves_info(at_words)->id : "-",
           way_at_words ? ", on its way" : "", (double)(count_t - press_t) / 1000.0,
           at_count >= 0 ? moves_info(at_count)->id : "-", way_at_count ? ", on its way" : "",
           arrived_t >= 0 ? (double)(arrived_t - press_t) / 1000.0 : -1.0, (double)worst, worst_at);
    /* no jump: from what was drawn at the press, every frame eases on */
    CHECK_INT(jumps, 0);
    CHECK_INT(anim_jumps, 0);
    /* the step's words and its 3-2-1 with the figure in the step's start (or its position: a timer's
     * way there over, the figure breathing at its end) */
    CHECK((at_words == want || (first->kind == STEP_TIMER && ways > 0 && at_words == chain.way[ways - 1])) &&
          !way_at_words);
    CHECK(at_count == want && !way_at_count);
    /* time for the rest of the way before the 3-2-1, and the figure there before the words */
    CHECK(count_t - press_t >= rest);
    CHECK(arrived_t >= 0 && arrived_t <= words_t + SESSION_TICK_MS);
    /* the ways still to go each at its pace (all of them when pressed before the first was over) */
    for (int i = 0; i < seen && left <= 0; i++) {
        int keyed = moves_way_ms(r.way_ms, chain.way[i]);
        CHECK(moving_ms[i] >= keyed - FIRST_READY_PACE_SLACK_MS && moving_ms[i] <= keyed + FIRST_READY_PACE_SLACK_MS);
    }
    if (ways > 0 && left < over_ms)
        CHECK_INT(seen, ways);
    session_free(&s);
    voicetable_free(&vt);
    routine_free(&r);
    return true;
}

/* Routine src pressed through its intro at its start, 1 s in, and once its way down is over (when
 * the intro lasts longer than the way), voiced and unvoiced. */
static void press_through(const char *path, const char *src, size_t n)
{
    for (int voiced = 1; voiced >= 0; voiced--) {
        static Routine r;
        RoutineErrors errs;
        memset(&errs, 0, sizeof errs);
        if (routine_parse(path, src, n, &r, &errs) != 0) {
            CHECK(false);
            continue;
        }
        Position from, to;
        MovesPath chain;
        int rest_ms;
        CHECK(session_step_chain(&r, 0, &from, &to, &chain, &rest_ms) > 0); /* a way down to press through */
        bool timer = r.steps[0].kind == STEP_TIMER;
        routine_free(&r);
        int intro_ms = 0, over_ms = 0;
        if (!intro_way(path, src, n, voiced == 1, to, &intro_ms, &over_ms))
            continue;
        /* a first timer's way down is its get-ready's (its intro's figure stands) */
        CHECK(timer ? over_ms == 0 : over_ms > 1000);
        play_pressed(path, src, n, voiced == 1, 0, over_ms);
        play_pressed(path, src, n, voiced == 1, 1000, over_ms);
        if (over_ms + 300 < intro_ms)
            play_pressed(path, src, n, voiced == 1, over_ms + 300, over_ms);
        else
            printf("%-40s %-8s the intro ends as its way does: no press after it\n", path,
                   voiced ? "voiced" : "unvoiced");
    }
}

int main(void)
{
    char *names[64];
    int count = testposes_levels(names, 64);
    CHECK(count >= 9);
    int late, words, worst_late = 0, total_words = 0;
    for (int i = 0; i < count; i++) {
        size_t n = 0;
        char *src = read_all(names[i], &n);
        CHECK(src != NULL);
        for (int voiced = 1; src && voiced >= 0; voiced--)
            if (play(names[i], src, n, voiced == 1, &late, &words)) {
                worst_late = late > worst_late ? late : worst_late;
                total_words += words;
            }
        free(src);
        free(names[i]);
    }
    /* no words of their own: the get-ready says the move's how-to, or only "Get ready. Next: ..."
     * (an own move has none; superman's and child pose's are said); a first hold steps into its
     * pose before its count; a first timer lies down before "Press when you are in position." */
    static const struct {
        const char *name, *src;
    } wordless[] = {
        {"wordless-bridge.routine", "title \"Bridge\"\nmove bridge\n  reps 4 tempo 4s\n"},
        {"wordless-superman.routine", "title \"Front\"\nmove superman\n  reps 4\n"},
        {"wordless-child.routine", "title \"Child\"\nmove child_pose\n  hold 20s\n"},
        {"wordless-hug.routine", "title \"Hug\"\nmove knee_to_chest\n  hold 15s\n  sides both\n"},
        {"wordless-seated.routine", "title \"Seated\"\nmove seated_twist\n  hold 10s\n  sides both\n"},
        {"wordless-timer.routine", "title \"Pack\"\ntimer 10m on-back\n"},
    };
    for (size_t i = 0; i < sizeof wordless / sizeof wordless[0]; i++)
        for (int voiced = 1; voiced >= 0; voiced--)
            if (play(wordless[i].name, wordless[i].src, strlen(wordless[i].src), voiced == 1, &late, &words)) {
                worst_late = late > worst_late ? late : worst_late;
                total_words += words;
            }
    printf("worst: on its way %.2f s after the first step's words began; %.2f s of words on the way in all\n",
           (double)worst_late / 1000.0, (double)total_words / 1000.0);
    /* "Press to start now" during the intro (review 29b: the figure cut from standing to lying and
     * the 3-2-1 came 4 s after the press) */
    static const char *pressed[] = {"levels/02-core-strength.routine", "levels/05-nhs-inform-back.routine",
                                    "levels/07-versus-arthritis-back.routine"};
    for (size_t i = 0; i < sizeof pressed / sizeof pressed[0]; i++) {
        size_t n = 0;
        char *src = read_all(pressed[i], &n);
        CHECK(src != NULL);
        if (src)
            press_through(pressed[i], src, n);
        free(src);
    }
    press_through(wordless[0].name, wordless[0].src, strlen(wordless[0].src));
    press_through(wordless[5].name, wordless[5].src, strlen(wordless[5].src));
    testposes_free();
    return TEST_END();
}
