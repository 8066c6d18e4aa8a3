/* test_ready_way_words.c: a patient copies the figure, so a get-ready that shows the way to the
 * next move's position (lying -> sitting -> all fours -> standing, no rest between two moves in
 * different positions) says where to be only once the figure is there. Every shipped routine, and
 * routines with no words of their own, played with no input (check-ins skipped) and voiced with
 * assets/voice's clip lengths: in every get-ready after the first that draws a way, "Get ready.
 * Next: ..." is said as it starts, and the step's own words (its start words, the move's how-to, a
 * timer's text and "Press when ...") begin no earlier than the way's end and end before the 3-2-1.
 * Prints, per get-ready, when the way ends and when the words are said. Reads levels/, assets/poses
 * and assets/voice. A way's own words (moves.h MOVES_WAY_WORDS: "Sit back, walk your hands up your
 * thighs, ...") are said as the way begins, after "Get ready. Next: ...", and are not the step's. */
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
#include "voicetable.h"

#define WAY_WORDS_MAX_TICKS 360000 /* 1 h of 10 ms ticks: more than any shipped routine */
#define WAY_WORDS_MAX_CUES 16

/* One cue of a get-ready: when its words start and how long they sound. */
typedef struct {
    int id;
    int64_t asked_ms, spoken_ms; /* spoken_ms: its clip's start, -1 when not said aloud */
    int len_ms;
    char text[64];
} Cue;

/* What one get-ready of a step after the first showed and said. */
typedef struct {
    int step;
    int64_t start_ms, countdown_ms; /* countdown_ms: the "3" is due (the planned end less 3 s) */
    int64_t way_end_ms; /* the first tick the figure is no longer on its way; -1: no way */
    Position to;
    Cue cue[WAY_WORDS_MAX_CUES];
    int cues;
} Ready;

/* Whether the figure drawn as v says is still on its way to position `to`: a way that ends
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

/* Whether text is the words of a way (moves.h MOVES_WAY_WORDS: "Sit back, walk your hands up your
 * thighs, ..."), said as the way begins, not the step's own words (as Cue.text keeps it: 63 bytes). */
static bool way_words(const char *text)
{
    for (int i = 0; i < MOVE_COUNT; i++)
        if (moves_way_words((MoveId)i) && strncmp(moves_way_words((MoveId)i), text, 63) == 0)
            return true;
    return false;
}

/* Play routine src (named path) voiced with no input and check every get-ready after the first
 * that draws a way. *early_ms: the most the step's words began before the way's end; *over_ms: the
 * most they ran into the 3-2-1; *readies: how many such get-readies. Returns false when the
 * routine could not be played. */
static bool play(const char *path, const char *src, size_t n, int *early_ms, int *over_ms, int *readies)
{
    static Routine r;
    RoutineErrors errs;
    memset(&errs, 0, sizeof errs);
    int rc = routine_parse(path, src, n, &r, &errs);
    CHECK_INT(rc, 0);
    if (rc != 0)
        return false;
    static Session s;
    testholdways_fill(&r); /* its holds' ways from the pose files, as the app loads them */
    CHECK_INT(session_init(&s, &r), 0);
    VoiceTable vt = {NULL, 0};
    CHECK_INT(voicetable_load(&vt, ".", &r), 0);
    session_set_voice(&s, vt.rows, vt.count);
    session_set_checkin_wait(&s, 0);
    session_set_side_wait(&s, 0);
    static Ready ready[ROUTINE_MAX_STEPS];
    int count = 0, ticks = 0, seg = -1;
    Ready *cur = NULL;
    while (!session_over(&s) && ticks < WAY_WORDS_MAX_TICKS) {
        session_step(&s, NULL, SESSION_TICK_MS);
        const Segment *g = &s.segments[s.seg];
        if (s.seg != seg) {
            seg = s.seg;
            cur = NULL;
            if (g->kind == SEG_READY && g->step > 0 && count < ROUTINE_MAX_STEPS) {
                cur = &ready[count++];
                memset(cur, 0, sizeof *cur);
                cur->step = g->step;
                cur->start_ms = s.t_ms - s.seg_elapsed_ms;
                cur->countdown_ms = cur->start_ms + g->duration_ms - SESSION_COUNTDOWN * 1000;
                cur->way_end_ms = -1;
                Position from;
                MovesPath p;
                int rest_ms;
                session_step_chain(&r, g->step, &from, &cur->to, &p, &rest_ms);
            }
        }
        SessionEvent ev;
        while (session_poll_event(&s, &ev)) {
            if (ev.type == EV_CUE && ev.cue_kind != CUE_KIND_COUNT && cur && cur->cues < WAY_WORDS_MAX_CUES) {
                Cue *c = &cur->cue[cur->cues++];
                c->id = ev.cue_id;
                c->asked_ms = ev.t_ms;
                c->spoken_ms = -1;
                c->len_ms = 0;
                snprintf(c->text, sizeof c->text, "%.63s", ev.text);
            } else if (ev.type == EV_VOICE && ev.voice == SESSION_VOICE_SPOKEN) {
                for (int i = 0; i < count; i++)
                    for (int k = 0; k < ready[i].cues; k++)
                        if (ready[i].cue[k].id == ev.cue_id)
                            ready[i].cue[k].spoken_ms = ev.t_ms, ready[i].cue[k].len_ms = ev.n;
            }
        }
        if (cur && g->kind == SEG_READY) {
            SessionView v = session_view(&s, 0);
            if (moves_way_from(v.figure) != POSITION_NONE && cur->way_end_ms < 0)
                cur->way_end_ms = 0; /* a way is drawn */
            if (on_the_way(&v, cur->to))
                cur->way_end_ms = s.t_ms + SESSION_TICK_MS; /* still on its way this tick */
        }
        ticks++;
    }
    CHECK(session_over(&s));
    int worst_early = 0, worst_over = 0, ways = 0;
    for (int i = 0; i < count; i++) {
        Ready *rd = &ready[i];
        if (rd->way_end_ms < 0)
            continue; /* no way shown: the words at the start, as before */
        ways++;
        /* "Get ready. Next: ..." as the get-ready (and the way) starts */
        CHECK(rd->cues >= 1);
        if (rd->cues < 1)
            continue;
        CHECK(rd->cue[0].asked_ms == rd->start_ms);
        CHECK(strncmp(rd->cue[0].text, "Get ready.", 10) == 0);
        /* the step's own words: every cue after it */
        const RoutineStep *st = &r.steps[rd->step];
        CHECK(rd->cues >= 2 || (st->kind == STEP_MOVE && !moves_howto(st->move)));
        for (int k = 1; k < rd->cues; k++) {
            Cue *c = &rd->cue[k];
            CHECK(c->spoken_ms >= 0); /* said aloud, within the get-ready */
            if (way_words(c->text))
                continue; /* what to do on the way, said as the way begins (test_way_guidance) */
            int64_t end = c->spoken_ms + c->len_ms;
            int early = c->spoken_ms >= 0 && c->spoken_ms < rd->way_end_ms ? (int)(rd->way_end_ms - c->spoken_ms) : 0;
            int over = end > rd->countdown_ms ? (int)(end - rd->countdown_ms) : 0;
            printf("%-40s step %d get-ready %7.2f s: way ends %7.2f s, \"%.34s\" %7.2f-%7.2f s, 3-2-1 at %7.2f s%s%s\n",
                   path, rd->step, (double)rd->start_ms / 1000.0, (double)rd->way_end_ms / 1000.0, c->text,
                   (double)c->spoken_ms / 1000.0, (double)end / 1000.0, (double)rd->countdown_ms / 1000.0,
                   early > 0 ? "  EARLY" : "", over > 0 ? "  INTO THE 3-2-1" : "");
            CHECK(c->spoken_ms >= rd->way_end_ms);
            CHECK(end <= rd->countdown_ms);
            worst_early = early > worst_early ? early : worst_early;
            worst_over = over > worst_over ? over : worst_over;
        }
    }
    printf("%-40s %d get-ready(s) with a way: words at most %.2f s before the way's end, %.2f s into the 3-2-1\n", path,
           ways, (double)worst_early / 1000.0, (double)worst_over / 1000.0);
    *early_ms = worst_early, *over_ms = worst_over, *readies = ways;
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
    int early, over, readies, worst_early = 0, worst_over = 0, all = 0;
    for (int i = 0; i < count; i++) {
        size_t n = 0;
        char *src = read_all(names[i], &n);
        CHECK(src != NULL);
        if (src && play(names[i], src, n, &early, &over, &readies)) {
            worst_early = early > worst_early ? early : worst_early;
            worst_over = over > worst_over ? over : worst_over;
            all += readies;
        }
        free(src);
        free(names[i]);
    }
    CHECK(all >= 3); /* 05's back bends, 08's extension on elbows and knee hug at least */
    /* no words of their own (the move's how-to is said), a held move, a chain of several ways, a
     * timer after a move (its text and "Press when you are in position."), a way longer than the
     * get-ready's words (which lengthen it) */
    static const struct {
        const char *name, *src;
        int ways;
    } wordless[] = {
        {"wordless-bridge-superman.routine", "title \"B\"\nmove bridge\n  reps 4\nmove superman\n  reps 4\n", 1},
        {"wordless-hug-child.routine", "title \"H\"\nmove knee_to_chest\n  hold 15s\nmove child_pose\n  hold 20s\n", 1},
        {"wordless-superman-stand.routine", "title \"S\"\nmove superman\n  reps 4\nmove standing_extension\n  reps 4\n",
         1},
        {"wordless-bridge-timer.routine", "title \"T\"\nmove bridge\n  reps 4\ntimer 5m on-front\n", 1},
        /* the longest ways (sitting down onto the back, 11.75 s; back up to sitting, 11.38 s) */
        {"wordless-twist-bridge.routine",
         "title \"L\"\nmove spinal_twist\n  hold 10s\n  sides both\nmove bridge\n  reps 4\n", 1},
        {"wordless-bridge-twist.routine",
         "title \"U\"\nmove bridge\n  reps 4\nmove spinal_twist\n  hold 10s\n  sides both\n", 1},
    };
    for (size_t i = 0; i < sizeof wordless / sizeof wordless[0]; i++)
        if (play(wordless[i].name, wordless[i].src, strlen(wordless[i].src), &early, &over, &readies)) {
            CHECK_INT(readies, wordless[i].ways);
            worst_early = early > worst_early ? early : worst_early;
            worst_over = over > worst_over ? over : worst_over;
        }
    printf("worst: the step's words %.2f s before the way's end, %.2f s into the 3-2-1\n", (double)worst_early / 1000.0,
           (double)worst_over / 1000.0);
    testposes_free();
    return TEST_END();
}
