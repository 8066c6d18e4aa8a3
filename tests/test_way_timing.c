/* test_way_timing.c: the ways between positions as a physio times them (review 31). Every shipped
 * routine, and two of its own, played with no input (check-ins skipped) and voiced with
 * assets/voice's clip lengths, tick by tick: a way's words begin as its motion does, not behind
 * "Get ready. Next: ..." (#3: Camden's way onto the front was said 3.9 s late); in a chain one way
 * follows the other within WAY_TIMING_PAUSE_MS, not after a wait half way there (#2: NHS Inform's
 * figure waited 5 s on all fours between lying and standing); a rest in place (04's "rest 30s
 * on-back" after the cold pack) keeps the figure in its position and plays the way on in its last
 * part, ending just before the get-ready (#1: it got up at once and knelt 22 s). Reads levels/,
 * assets/poses and assets/voice. */
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

#define WAY_TIMING_MAX_TICKS 360000 /* 1 h of 10 ms ticks: more than any shipped routine */
#define WAY_TIMING_MAX 64 /* way motions in one routine */
#define WAY_TIMING_WORDS_LATE_MS 500 /* a way's words begin at most this long after its motion */
#define WAY_TIMING_PAUSE_MS 1000 /* between two ways of a chain, at most this long in the position */
#define WAY_TIMING_ARRIVED_MS 3000 /* a rest in place: its way on ends at most this long before its end */

/* One way's motion as drawn: the way, the segment and its span, and when its words were said. */
typedef struct {
    MoveId way;
    int seg;
    int64_t start_ms, end_ms; /* the first tick it moves, the tick after its last */
    int64_t words_ms; /* its words' clip starts; -1 when they were not said in its segment */
} Motion;

/* A way's words asked: in which segment, and when its clip started (-1: not yet, or never). */
typedef struct {
    MoveId way;
    int seg, id;
    int64_t spoken_ms;
} Words;

/* Whether v's figure is a way in its motion (its intro), not breathing at its end. */
static bool way_moving(const SessionView *v)
{
    if (v->figure < 0 || moves_way_from(v->figure) == POSITION_NONE)
        return false;
    const PoseMove *m = move_of(v->figure);
    if (!m)
        return false;
    SheetFrame f;
    sheet_frame_at(&m->meta, v->anim, sheet_grid_ms(v->anim_ms), v->anim_length_ms, v->rep_hold_ms, &f);
    return f.part == SHEET_PART_INTRO;
}

/* What one routine's play found: the worst of each fault, and how many ways and chains it had. */
typedef struct {
    int worst_late_ms, worst_pause_ms, worded, chained;
    int rest_in_place; /* rests in place seen, each checked */
} Found;

/* Play routine src (named path) and measure its ways; in_place_step: a rest step spent where the
 * person is (the way on in its last part), or -1. */
static Found play(const char *path, const char *src, size_t n, int in_place_step)
{
    Found fd = {0, 0, 0, 0, 0};
    static Routine r;
    RoutineErrors errs;
    memset(&errs, 0, sizeof errs);
    int rc = routine_parse(path, src, n, &r, &errs);
    CHECK_INT(rc, 0);
    if (rc != 0)
        return fd;
    static Session s;
    testholdways_fill(&r);
    CHECK_INT(session_init(&s, &r), 0);
    VoiceTable vt = {NULL, 0};
    CHECK_INT(voicetable_load(&vt, ".", &r), 0);
    session_set_voice(&s, vt.rows, vt.count);
    session_set_checkin_wait(&s, 0);
    session_set_side_wait(&s, 0);
    static Motion mo[WAY_TIMING_MAX];
    static Words said[WAY_TIMING_MAX];
    int count = 0, ticks = 0, saids = 0;
    Motion *now = NULL;
    int64_t rest_from = -1, rest_to = -1, rest_first_way = -1, rest_way_end = -1;
    bool rest_left_position = false;
    while (!session_over(&s) && ticks < WAY_TIMING_MAX_TICKS) {
        session_step(&s, NULL, SESSION_TICK_MS);
        ticks++;
        SessionEvent ev;
        while (session_poll_event(&s, &ev)) {
            if (ev.type == EV_CUE && saids < WAY_TIMING_MAX) {
                for (int w = 0; w < MOVE_COUNT; w++)
                    if (moves_way_words((MoveId)w) && strcmp(ev.text, moves_way_words((MoveId)w)) == 0)
                        said[saids++] = (Words){(MoveId)w, s.seg, ev.cue_id, -1};
            } else if (ev.type == EV_VOICE && ev.voice == SESSION_VOICE_SPOKEN) {
                for (int i = 0; i < saids; i++)
                    if (said[i].id == ev.cue_id)
                        said[i].spoken_ms = ev.t_ms;
            }
        }
        const Segment *g = &s.segments[s.seg];
        SessionView v = session_view(&s, 0);
        if (v.kind == SEG_PAIN_AFTER || v.kind == SEG_RESULTS || v.kind == SEG_DONE)
            break;
        bool moving = way_moving(&v);
        if (moving && (!now || now->way != v.figure || now->seg != s.seg || now->end_ms < s.t_ms)) {
            if (count < WAY_TIMING_MAX) {
                now = &mo[count++];
                *now = (Motion){v.figure, s.seg, s.t_ms, s.t_ms + SESSION_TICK_MS, -1};
            }
        } else if (moving && now) {
            now->end_ms = s.t_ms + SESSION_TICK_MS;
        }
        /* the rest in place: where the figure is until its way on, and when that way ends */
        if (g->kind == SEG_WORK && g->step == in_place_step) {
            if (rest_from < 0)
                rest_from = s.t_ms - s.seg_elapsed_ms, rest_to = rest_from + g->duration_ms;
            bool way = moves_way_from(v.figure) != POSITION_NONE;
            if (way && rest_first_way < 0)
                rest_first_way = s.t_ms;
            if (!way && rest_first_way < 0 && v.figure >= 0 &&
                moves_info(v.figure)->position != r.steps[in_place_step].position)
                rest_left_position = true;
            if (moving)
                rest_way_end = s.t_ms + SESSION_TICK_MS;
        }
    }
    /* a way's words as its motion begins; one way of a chain straight after the other */
    for (int i = 0; i < count; i++)
        for (int k = 0; k < saids && mo[i].words_ms < 0; k++)
            if (said[k].way == mo[i].way && said[k].seg == mo[i].seg)
                mo[i].words_ms = said[k].spoken_ms;
    for (int i = 0; i < count; i++) {
        Motion *m = &mo[i];
        if (m->words_ms >= 0) {
            int late = (int)(m->words_ms - m->start_ms);
            printf("%-40s %-28s moves %7.2f-%7.2f s, its words at %7.2f s%s\n", path, moves_info(m->way)->id,
                   (double)m->start_ms / 1000.0, (double)m->end_ms / 1000.0, (double)m->words_ms / 1000.0,
                   late > WAY_TIMING_WORDS_LATE_MS || late < -WAY_TIMING_WORDS_LATE_MS ? "  LATE" : "");
            CHECK(late <= WAY_TIMING_WORDS_LATE_MS);
            CHECK(late >= -WAY_TIMING_WORDS_LATE_MS);
            fd.worded++;
            late = late < 0 ? -late : late;
            fd.worst_late_ms = late > fd.worst_late_ms ? late : fd.worst_late_ms;
        }
        /* played whole at its pose file's pace: not cut short by the next way, nor hurried (review 32:
         * a rest in place's first way of two, its last short, was cut 0.35 s before its end) */
        int keyed = moves_way_ms(r.way_ms, m->way), shown = (int)(m->end_ms - m->start_ms);
        if (shown < keyed - 2 * SESSION_TICK_MS)
            printf("%-40s %-28s moves %7.2f-%7.2f s: %.2f s of its %.2f s  CUT\n", path, moves_info(m->way)->id,
                   (double)m->start_ms / 1000.0, (double)m->end_ms / 1000.0, (double)shown / 1000.0,
                   (double)keyed / 1000.0);
        CHECK(shown >= keyed - 2 * SESSION_TICK_MS);
        if (i + 1 < count && mo[i + 1].seg == m->seg && moves_info(m->way)->position == moves_way_from(mo[i + 1].way)) {
            int pause = (int)(mo[i + 1].start_ms - m->end_ms);
            printf("%-40s %-28s then %-28s after %5.2f s in %s%s\n", path, moves_info(m->way)->id,
                   moves_info(mo[i + 1].way)->id, (double)pause / 1000.0,
                   moves_position_word(moves_info(m->way)->position), pause > WAY_TIMING_PAUSE_MS ? "  WAITS" : "");
            CHECK(pause <= WAY_TIMING_PAUSE_MS);
            fd.chained++;
            fd.worst_pause_ms = pause > fd.worst_pause_ms ? pause : fd.worst_pause_ms;
        }
    }
    if (in_place_step >= 0) {
        printf("%-40s rest %7.2f-%7.2f s in place: its way on %7.2f-%7.2f s%s\n", path, (double)rest_from / 1000.0,
               (double)rest_to / 1000.0, (double)rest_first_way / 1000.0, (double)rest_way_end / 1000.0,
               rest_left_position ? ", LEFT ITS POSITION BEFORE" : "");
        CHECK(rest_from >= 0 && rest_first_way > rest_from && rest_way_end > rest_first_way);
        CHECK(!rest_left_position);
        CHECK(rest_way_end <= rest_to);
        CHECK(rest_way_end >= rest_to - WAY_TIMING_ARRIVED_MS);
        fd.rest_in_place++;
    }
    session_free(&s);
    voicetable_free(&vt);
    routine_free(&r);
    return fd;
}

/* A get-ready whose "Get ready. Next: ..." clip is still being made as it begins (a physio's own
 * move, its name spoken by espeak-ng while the workout runs): its chain waits for the words as
 * guessed from their text, and when the clip comes, 2 s longer than guessed, a second into the
 * way, the figure goes on where it was: no way starts again or steps back, no figure shows twice (review 32: the chain
 * moved with the new length, and the figure jumped). Returns how many ticks the figure stepped back. */
static int clip_made_during_ready(void)
{
    static const char src[] = "title \"C\"\nmove bridge\n  reps 4\nmove superman\n  hold 10s\n";
    static Routine r;
    RoutineErrors errs;
    memset(&errs, 0, sizeof errs);
    CHECK_INT(routine_parse("clip.routine", src, sizeof src - 1, &r, &errs), 0);
    testholdways_fill(&r);
    static Session s;
    CHECK_INT(session_init(&s, &r), 0);
    VoiceTable vt = {NULL, 0};
    CHECK_INT(voicetable_load(&vt, ".", &r), 0);
    int row = -1;
    for (int i = 0; i < vt.count; i++)
        if (strstr(vt.rows[i].text, "Get ready. Next: Superman"))
            row = i;
    CHECK(row >= 0 && vt.rows[row].ms > 0);
    if (row < 0) {
        session_free(&s), voicetable_free(&vt), routine_free(&r);
        return 1;
    }
    int real = (int)strlen(vt.rows[row].text) * SESSION_CLIP_GUESS_MS_PER_BYTE + 2000;
    vt.rows[row].ms = SESSION_CLIP_COMING;
    session_set_voice(&s, vt.rows, vt.count);
    session_set_checkin_wait(&s, 0);
    session_set_side_wait(&s, 0);
    int ready = -1, back = 0, ways = 0, prev_fig = -1, prev_anim = 0, prev_mode = -1;
    bool made = false;
    MoveId seen[16];
    int nseen = 0;
    for (int ticks = 0; !session_over(&s) && ticks < WAY_TIMING_MAX_TICKS; ticks++) {
        session_step(&s, NULL, SESSION_TICK_MS);
        SessionEvent ev;
        while (session_poll_event(&s, &ev))
            ;
        const Segment *g = &s.segments[s.seg];
        if (g->kind == SEG_READY && g->step == 1 && ready < 0)
            ready = s.seg;
        if (ready >= 0 && s.seg != ready)
            break;
        if (ready < 0)
            continue;
        SessionView v = session_view(&s, 0);
        if (!made && moves_way_from(v.figure) != POSITION_NONE && v.anim_ms >= 1000)
            vt.rows[row].ms = real, made = true; /* the clip is made, the way a second on */
        if (moves_way_from(v.figure) != POSITION_NONE && v.figure != prev_fig)
            ways++;
        bool again = false; /* a figure shown before in this get-ready, another between */
        for (int i = 0; i < nseen && v.figure != prev_fig; i++)
            again = again || seen[i] == v.figure;
        if (again) {
            printf("clip made during the get-ready: at %.2f s %s again\n", (double)s.t_ms / 1000.0,
                   moves_info(v.figure)->id);
            back++;
        }
        if (v.figure != prev_fig && nseen < 16)
            seen[nseen++] = v.figure;
        if (v.figure == prev_fig && (int)v.anim == prev_mode && v.anim_ms < prev_anim) {
            if (back == 0)
                printf("clip made during the get-ready: at %.2f s the figure steps back from %.2f to %.2f s into %s\n",
                       (double)s.t_ms / 1000.0, (double)prev_anim / 1000.0, (double)v.anim_ms / 1000.0,
                       moves_info(v.figure)->id);
            back++;
        }
        prev_fig = v.figure, prev_anim = v.anim_ms, prev_mode = (int)v.anim;
    }
    printf("clip made during the get-ready: %d way(s) shown, the figure stepped back in %d ticks\n", ways, back);
    CHECK(ready >= 0 && made);
    CHECK(ways >= 1); /* from the back onto the front */
    session_free(&s);
    voicetable_free(&vt);
    routine_free(&r);
    return back;
}

int main(void)
{
    char *names[64];
    int count = testposes_levels(names, 64);
    CHECK(count >= 9);
    Found all = {0, 0, 0, 0, 0};
    for (int i = 0; i < count; i++) {
        size_t n = 0;
        char *src = read_all(names[i], &n);
        CHECK(src != NULL);
        if (src) {
            /* 04: the cold pack's rest, its step 2, is spent on the back */
            Found fd = play(names[i], src, n, strstr(names[i], "04-cold-pack") ? 1 : -1);
            all.worded += fd.worded, all.chained += fd.chained, all.rest_in_place += fd.rest_in_place;
            all.worst_late_ms = fd.worst_late_ms > all.worst_late_ms ? fd.worst_late_ms : all.worst_late_ms;
            all.worst_pause_ms = fd.worst_pause_ms > all.worst_pause_ms ? fd.worst_pause_ms : all.worst_pause_ms;
        }
        free(src);
        free(names[i]);
    }
    CHECK(all.worded >= 5); /* 04's ways down and up, 05's chain up, 08's way onto the front at least */
    CHECK(all.chained >= 2); /* 04's way down to the pack, 05's up to standing */
    CHECK_INT(all.rest_in_place, 1);
    /* a chain off the front up to standing in a get-ready, after a hold; a rest in place after
     * reps, then a chain up from the back to standing */
    static const struct {
        const char *name, *src;
        int in_place;
    } own[] = {
        {"own-superman-stand.routine", "title \"S\"\nmove superman\n  hold 10s\nmove standing_extension\n  reps 4\n",
         -1},
        {"own-bridge-rest-stand.routine",
         "title \"R\"\nmove bridge\n  reps 4\nrest 40s on-back \"Breathe.\"\nmove standing_extension\n  reps 4\n", 1},
        /* a rest in place whose chain's last way is short (all fours to kneeling, under 5 s): the
         * way before it was squeezed to give the last SESSION_READY_WAY_MS (review 32) */
        {"own-hamstring-rest-lunge.routine",
         "title \"A\"\nmove hamstring_stretch\n  hold 20s\nrest 20s on-back \"Breathe easy.\"\nmove "
         "hip_flexor_lunge\n  hold 20s\n",
         1},
    };
    for (size_t i = 0; i < sizeof own / sizeof own[0]; i++) {
        Found fd = play(own[i].name, own[i].src, strlen(own[i].src), own[i].in_place);
        CHECK(fd.chained >= 1);
    }
    CHECK_INT(clip_made_during_ready(), 0);
    printf("worst: a way's words %.2f s from its motion's start, %.2f s between two ways of a chain\n",
           (double)all.worst_late_ms / 1000.0, (double)all.worst_pause_ms / 1000.0);
    testposes_free();
    return TEST_END();
}
