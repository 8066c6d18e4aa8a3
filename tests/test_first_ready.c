/* test_first_ready.c: a patient copies the figure, so when the first step's get-ready names where
 * to be, the figure must be there. Every shipped routine, and routines with no words of their own,
 * played with no input (check-ins skipped), voiced with assets/voice's clip lengths and unvoiced:
 * when the first step's own words begin (its start words, the how-to said for it, a timer's text;
 * "Get ready. Next: ..." when it has none) the figure drawn is the step's (the move's start, or the
 * timer's position), not a way still on its way there. And the way down from the intro's standing
 * figure is shown whole before that: every way of its chain drawn, each moving at its own pace
 * (moves_way_ms, never squeezed). Prints, per routine, how many seconds of the get-ready's words
 * are spoken while the figure is still on its way. Reads levels/, assets/poses and assets/voice. */
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
    int moving_ms[MOVES_PATH_MAX] = {0}, seen = 0, ticks = 0;
    MoveId last_way = MOVE_NONE;
    Cue cue[FIRST_READY_MAX_CUES];
    int cues = 0;
    int64_t ready_ms = -1;
    while (!session_over(&s) && ticks < FIRST_READY_MAX_TICKS) {
        session_step(&s, NULL, SESSION_TICK_MS);
        const Segment *g = &s.segments[s.seg];
        SessionEvent ev;
        while (session_poll_event(&s, &ev)) {
            if (ev.type == EV_CUE && ev.cue_kind != CUE_KIND_COUNT && g->kind == SEG_READY && g->step == 0 &&
                cues < FIRST_READY_MAX_CUES) {
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
             * from standing nor from a way still under way */
            SessionView v = session_view(&s, 0);
            if (ways > 0) {
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
    /* in the step's start (or position) as its words begin, eased in or not, and no longer on the way */
    CHECK(got == want || (first->kind != STEP_MOVE && got >= 0 && moves_way_from(got) == POSITION_NONE &&
                          moves_info(got)->position == to));
    CHECK_INT(*late_ms, 0);
    /* the whole way down, every way of it at its own pace */
    if (ways > 0) {
        CHECK_INT(seen, ways);
        for (int i = 0; i < seen; i++) {
            int keyed = moves_way_ms(chain.way[i]);
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
    testposes_free();
    return TEST_END();
}
