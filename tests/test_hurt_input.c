/* test_hurt_input.c: "It hurts" through real SDL events: H on the keyboard, Y on a virtual
 * gamepad, the red touch button on the stage, and a key rebound in bindings.conf open it; its
 * questions are answered by digits and Enter, the d-pad and A, or taps; it ends the workout
 * (recorded as stopped for pain) or skips the move for the rest of the day, also in the next
 * workout. Headless: dummy video, software renderer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <SDL.h>

#include "app.h"
#include "apptest.h"
#include "history.h"
#include "hurt.h"
#include "input.h"
#include "sidepick.h"
#include "testutil.h"

/* A fresh app on the routine, 2 s into the work of its first step not skipped today (safety pressed,
 * check-in skipped). */
static App *at_work(const AppOptions *o, SDL_Renderer *ren)
{
    App *a = app_new(o, NULL, ren);
    CHECK(a != NULL);
    if (!a)
        return NULL;
    app_update(a, 10);
    apptest_tap(a, SDLK_SPACE); /* safety */
    apptest_tap(a, SDLK_s); /* pain before: skipped */
    apptest_tap(a, SDLK_SPACE); /* intro */
    /* through the get-ready (longer when it shows the way from the position before), then 2 s */
    for (int i = 0; i < 300 && apptest_kind(a) != SEG_WORK; i++)
        app_update(a, 100);
    for (int i = 0; i < 20; i++)
        app_update(a, 100);
    CHECK_INT(apptest_kind(a), SEG_WORK);
    return a;
}

#define ROUTINE                                                                                                        \
    "title \"Hurt test\"\nstop-if \"Pain spreads down your leg\"\nstop-if \"Numbness in a leg\"\n"                     \
    "move knee_rolls\n  name \"Knee rolls\"\n  hold 30s\nmove child_pose\n  hold 20s\n"

int main(void)
{
    char dir[] = "/tmp/unknot-hurt-XXXXXX";
    if (!mkdtemp(dir))
        return 1;
    char path[256], path2[256], cfgdir[256], bindings[300], hist[300];
    snprintf(cfgdir, sizeof cfgdir, "%s/unknot", dir);
    setenv("XDG_CONFIG_HOME", dir, 1);
    setenv("XDG_CACHE_HOME", dir, 1);
    setenv("XDG_DATA_HOME", dir, 1);
    mkdir(cfgdir, 0755);
    snprintf(bindings, sizeof bindings, "%s/bindings.conf", cfgdir);
    snprintf(path, sizeof path, "%s/t.routine", dir);
    snprintf(path2, sizeof path2, "%s/u.routine", dir);
    snprintf(hist, sizeof hist, "%s/history.db", dir);
    apptest_write_file(path, ROUTINE);

    /* the defaults: H and pad Y open it; the volume moved from Y to the d-pad's sides */
    Bindings b;
    input_default_bindings(&b);
    int y_act = ACT_NONE, h_act = ACT_NONE, right_act = ACT_NONE;
    for (int i = 0; i < b.count; i++) {
        if (b.items[i].kind == BIND_PAD_BUTTON && b.items[i].code == SDL_CONTROLLER_BUTTON_Y)
            y_act = b.items[i].action;
        if (b.items[i].kind == BIND_PAD_BUTTON && b.items[i].code == SDL_CONTROLLER_BUTTON_DPAD_RIGHT)
            right_act = b.items[i].action;
        if (b.items[i].kind == BIND_KEY && b.items[i].code == SDLK_h)
            h_act = b.items[i].action;
    }
    CHECK_INT(y_act, ACT_HURT);
    CHECK_INT(h_act, ACT_HURT);
    CHECK_INT(right_act, ACT_VOLUME_UP);
    CHECK_STR(input_action_name(ACT_HURT), "hurt");

    CHECK(apptest_init());
    AppTestScreen scr;
    CHECK(apptest_screen_open(&scr, 1280, 720));
    SDL_Renderer *ren = scr.renderer;
    Render rd = scr.render;
    AppOptions o = {0};
    o.data_dir = ".";
    o.levels_dir = "levels";
    o.routine = path;
    o.width = 1280;
    o.height = 720;
    o.history_path = hist;

    /* keyboard: H stops the step; 6 and Enter; Down and Enter: the second rule applies, so S
     * (skip the move) is refused and Q ends; the results say stop, the history stopped for pain */
    App *a = at_work(&o, ren);
    if (!a)
        return TEST_END();
    const Session *s = app_session(a);
    app_draw(a);
    apptest_tap(a, SDLK_h);
    CHECK(session_hurt_open(s) && s->hurt == HURT_PAIN);
    /* each question names the keys that answer it (keyhint_hurt): here the default keys */
    CHECK_STR(apptest_keys_hint(a), "arrows or 0\xE2\x80\x93"
                                    "10, then Space \xC2\xB7 Q: end the workout");
    int el = s->seg_elapsed_ms;
    for (int i = 0; i < 50; i++)
        app_update(a, 100); /* five seconds on the question: the hold waits */
    CHECK_INT(s->seg_elapsed_ms, el);
    app_draw(a);
    apptest_tap(a, SDLK_6);
    apptest_tap(a, SDLK_RETURN);
    CHECK_INT(s->hurt_pain, 6);
    CHECK_INT(s->hurt, HURT_RULE);
    CHECK_STR(apptest_keys_hint(a), "\xE2\x86\x91/\xE2\x86\x93, then Space \xC2\xB7 Q: end the workout");
    app_draw(a);
    apptest_tap(a, SDLK_DOWN);
    apptest_tap(a, SDLK_RETURN);
    CHECK_INT(s->hurt_rule, 2);
    CHECK_INT(s->hurt, HURT_CHOICE);
    CHECK_STR(apptest_keys_hint(a), "Q or Space: end the workout"); /* no skipping: both end */
    app_draw(a);
    apptest_tap(a, SDLK_s);
    CHECK_INT(s->hurt, HURT_CHOICE); /* a stop rule applies: skipping the move is not offered */
    apptest_tap(a, SDLK_q);
    CHECK_INT(apptest_kind(a), SEG_RESULTS);
    CHECK_INT(s->pain_after, 6);
    CHECK(session_view(s, 0).pain_stop);
    const HistoryRecorder *rec = app_recorder(a);
    CHECK(rec && rec->stopped_for_pain && rec->closed);
    CHECK(rec && rec->w.outcome == STREAK_OUTCOME_STOPPED_FOR_PAIN);
    app_draw(a);
    app_free(a);

    /* gamepad: Y opens; d-pad right three times and A: 3; d-pad down twice ("None of these") and
     * A; the last question starts on "Skip this move for today" (pain under 7): A skips it, the
     * next step's get-ready comes */
    int index;
    SDL_Joystick *joy = apptest_pad_attach(&index);
    CHECK(index >= 0);
    CHECK(joy != NULL);
    a = at_work(&o, ren);
    s = app_session(a);
    apptest_pump(a);
    apptest_pad_tap(a, joy, SDL_CONTROLLER_BUTTON_Y, 0);
    CHECK_INT(s->hurt, HURT_PAIN);
    CHECK_STR(apptest_keys_hint(a), "D-pad, then A \xC2\xB7 Back: end the workout"); /* the pad's buttons */
    for (int i = 0; i < 3; i++)
        apptest_pad_tap(a, joy, SDL_CONTROLLER_BUTTON_DPAD_RIGHT, 0);
    CHECK_INT(s->hurt, HURT_PAIN); /* the d-pad moves along the scale, it is not the volume here */
    apptest_pad_tap(a, joy, SDL_CONTROLLER_BUTTON_A, 0);
    CHECK_INT(s->hurt_pain, 3);
    CHECK_STR(apptest_keys_hint(a), "D-pad \xE2\x86\x91\xE2\x86\x93, then A \xC2\xB7 Back: end the workout");
    apptest_pad_tap(a, joy, SDL_CONTROLLER_BUTTON_DPAD_DOWN, 0);
    apptest_pad_tap(a, joy, SDL_CONTROLLER_BUTTON_DPAD_DOWN, 0);
    apptest_pad_tap(a, joy, SDL_CONTROLLER_BUTTON_DPAD_DOWN, 0); /* past the last row: stays on it */
    apptest_pad_tap(a, joy, SDL_CONTROLLER_BUTTON_A, 0);
    CHECK_INT(s->hurt_rule, 0);
    CHECK_INT(s->hurt, HURT_CHOICE);
    CHECK_STR(apptest_keys_hint(a), "RB: skip this move \xC2\xB7 Back: end the workout \xC2\xB7 A: the chosen one");
    apptest_pad_tap(a, joy, SDL_CONTROLLER_BUTTON_A, 0);
    CHECK(!session_hurt_open(s));
    CHECK_INT(apptest_kind(a), SEG_READY);
    CHECK_INT(s->segments[s->seg].step, 1);
    CHECK_INT(s->step_result[0], STEP_RESULT_SKIPPED);

    /* the next workout today with the same move: it is passed over, and a notice says so */
    apptest_write_file(path2, "title \"Again\"\nmove knee_rolls\n  hold 10s\nmove pelvic_tilt\n  hold 10s\n");
    Routine r2;
    RoutineErrors errs;
    char *src = NULL;
    {
        FILE *f = fopen(path2, "r");
        static char buf[512];
        size_t n = f ? fread(buf, 1, sizeof buf - 1, f) : 0;
        if (f)
            fclose(f);
        buf[n] = 0;
        src = buf;
    }
    CHECK_INT(routine_parse(path2, src, strlen(src), &r2, &errs), 0);
    CHECK_INT(app_start_workout(a, &r2, path2, NULL), 0);
    s = app_session(a);
    CHECK(s && s->skip_today[0] && !s->skip_today[1]);
    apptest_tap(a, SDLK_SPACE); /* safety */
    apptest_tap(a, SDLK_s); /* pain before: skipped */
    apptest_tap(a, SDLK_SPACE); /* intro */
    for (int i = 0; i < 300 && s && apptest_kind(a) != SEG_READY; i++)
        app_update(a, 100);
    CHECK_INT(apptest_kind(a), SEG_READY);
    CHECK_INT(s->segments[s->seg].step, 1); /* straight to the pelvic tilt */
    app_free(a);
    routine_free(&r2);
    apptest_pad_detach(joy, index);

    /* unknot restarted (a new app, the history opened again): the move is still skipped today,
     * from the history; tomorrow it is back */
    AppOptions o2 = o;
    o2.routine = path2;
    a = app_new(&o2, NULL, ren);
    CHECK(a != NULL);
    app_update(a, 10);
    s = app_session(a);
    CHECK(s && s->skip_today[0] && !s->skip_today[1]);
    app_free(a);
    o2.have_now = true;
    o2.now_utc = (int64_t)time(NULL) + 86400;
    o2.now_offset = history_local_offset(o2.now_utc);
    a = app_new(&o2, NULL, ren);
    CHECK(a != NULL);
    app_update(a, 10);
    s = app_session(a);
    CHECK(s && !s->skip_today[0] && !s->skip_today[1]);
    app_free(a);
    /* the tests below start from a day with nothing skipped */
    snprintf(hist, sizeof hist, "%s/history2.db", dir);

    /* touch: the red button on the stage opens it (a tap there is not a rep); tap 8 twice; tap
     * "None of these"; tap "End the workout" */
    a = at_work(&o, ren);
    s = app_session(a);
    apptest_click(a, render_button_rect(&rd, BUTTON_HURT));
    CHECK_INT(s->hurt, HURT_PAIN);
    CHECK_STR(apptest_keys_hint(a), "Tap a number"); /* touch: in words */
    PainPickLayout pl = hurt_picker_layout(&rd);
    apptest_click(a, pl.number[8]);
    CHECK_INT(s->hurt, HURT_PAIN);
    apptest_click(a, pl.number[8]);
    CHECK_INT(s->hurt_pain, 8);
    apptest_click(a, hurt_rule_rect(&rd, 2, 2));
    CHECK_INT(s->hurt, HURT_CHOICE);
    CHECK_INT(s->hurt_rule, 0);
    CHECK_STR(apptest_keys_hint(a), "Tap one");
    app_draw(a);
    apptest_click(a, hurt_button_rect(&rd, HURT_BUTTON_END));
    CHECK_INT(apptest_kind(a), SEG_RESULTS);
    CHECK(s->hurt_ended);
    app_free(a);
    /* the buttons are big enough to hit from the floor at 1280x720 */
    SDL_Rect hb = render_button_rect(&rd, BUTTON_HURT);
    CHECK(hb.w >= 200 && hb.h >= 60);
    for (int i = 0; i < 3; i++)
        CHECK(hurt_rule_rect(&rd, 2, i).h >= 60);

    /* rebound: "key f5 = hurt" opens it too; the questions name the keys bindings.conf gives */
    apptest_write_file(bindings, "key f5 = hurt\nkey k = quit\nkey n = skip\nkey f6 = press\n");
    a = at_work(&o, ren);
    s = app_session(a);
    apptest_tap(a, SDLK_F5);
    CHECK(session_hurt_open(s));
    CHECK_STR(apptest_keys_hint(a), "arrows or 0\xE2\x80\x93"
                                    "10, then F6 \xC2\xB7 K: end the workout");
    apptest_tap(a, SDLK_q); /* ends at the first question */
    CHECK_INT(apptest_kind(a), SEG_RESULTS);
    app_free(a);
    a = at_work(&o, ren);
    s = app_session(a);
    apptest_tap(a, SDLK_F5);
    apptest_tap(a, SDLK_3);
    apptest_tap(a, SDLK_F6);
    CHECK_INT(s->hurt, HURT_RULE);
    CHECK_STR(apptest_keys_hint(a), "\xE2\x86\x91/\xE2\x86\x93, then F6 \xC2\xB7 K: end the workout");
    apptest_tap(a, SDLK_DOWN);
    apptest_tap(a, SDLK_DOWN);
    apptest_tap(a, SDLK_F6); /* none of these */
    CHECK_INT(s->hurt, HURT_CHOICE);
    CHECK_STR(apptest_keys_hint(a), "N: skip this move \xC2\xB7 K: end the workout \xC2\xB7 F6: the chosen one");
    app_draw(a);
    apptest_tap(a, SDLK_k);
    CHECK_INT(apptest_kind(a), SEG_RESULTS);
    app_free(a);
    unlink(bindings);

    /* "Which side hurts?" ("sides chosen"): R answers at once; arrows then Enter; the d-pad then A;
     * a tap on a side; S skips (and the one-sided step is passed over); "Both / the middle" as the
     * other two: B, the arrows or the d-pad across to the middle then press, or a tap (the step then
     * runs on both sides) */
    char path3[300];
    snprintf(path3, sizeof path3, "%s/s.routine", dir);
    apptest_write_file(
        path3, "title \"Sides\"\nsides chosen\nmove knee_rolls hold 10s\n  side away\nmove child_pose hold 10s\n");
    AppOptions so = o;
    so.routine = path3;
    so.history_path = NULL;
    for (int way = 0; way < 9; way++) {
        a = app_new(&so, NULL, ren);
        CHECK(a != NULL);
        if (!a)
            break;
        s = app_session(a);
        app_update(a, 10);
        apptest_tap(a, SDLK_SPACE); /* safety */
        apptest_tap(a, SDLK_s); /* pain before: skipped */
        CHECK_INT(apptest_kind(a), SEG_SIDE);
        CHECK_STR(apptest_keys_hint(a), "L, B or R, or arrows, then Space");
        app_draw(a);
        Sides want = SIDES_RIGHT;
        switch (way) {
        case 0: apptest_tap(a, SDLK_r); break;
        case 1:
            apptest_tap(a, SDLK_LEFT); /* highlights, does not go back */
            CHECK_INT(apptest_kind(a), SEG_SIDE);
            app_draw(a);
            apptest_tap(a, SDLK_RETURN);
            want = SIDES_LEFT;
            break;
        case 2: {
            int idx;
            SDL_Joystick *j = apptest_pad_attach(&idx);
            apptest_pump(a);
            apptest_pad_tap(a, j, SDL_CONTROLLER_BUTTON_A, 0); /* nothing highlighted yet: nothing */
            CHECK_INT(apptest_kind(a), SEG_SIDE);
            apptest_pad_tap(a, j, SDL_CONTROLLER_BUTTON_DPAD_RIGHT, 0);
            apptest_pad_tap(a, j, SDL_CONTROLLER_BUTTON_A, 0);
            apptest_pad_detach(j, idx);
            break;
        }
        case 3:
            apptest_click(a, sidepick_rect(&rd, SIDES_LEFT));
            want = SIDES_LEFT;
            break;
        case 4:
            apptest_tap(a, SDLK_s);
            want = SIDES_NONE;
            break;
        case 5:
            apptest_tap(a, SDLK_b);
            want = SIDES_BOTH;
            break;
        case 6:
            apptest_tap(a, SDLK_RIGHT); /* Right, then one to the left: the middle */
            apptest_tap(a, SDLK_LEFT);
            CHECK_INT(apptest_kind(a), SEG_SIDE);
            app_draw(a);
            apptest_tap(a, SDLK_RETURN);
            want = SIDES_BOTH;
            break;
        case 7: {
            int idx;
            SDL_Joystick *j = apptest_pad_attach(&idx);
            apptest_pump(a);
            apptest_pad_tap(a, j, SDL_CONTROLLER_BUTTON_DPAD_LEFT, 0);
            apptest_pad_tap(a, j, SDL_CONTROLLER_BUTTON_DPAD_RIGHT, 0);
            apptest_pad_tap(a, j, SDL_CONTROLLER_BUTTON_A, 0);
            apptest_pad_detach(j, idx);
            want = SIDES_BOTH;
            break;
        }
        case 8:
            apptest_click(a, sidepick_rect(&rd, SIDES_BOTH));
            want = SIDES_BOTH;
            break;
        }
        CHECK_INT(apptest_kind(a), SEG_INTRO);
        CHECK_INT(s->chosen_side, want);
        /* the knee rolls go away from the side that hurts, or are passed over */
        const Segment *g = &s->segments[0];
        for (int i = 0; i < s->segment_count; i++)
            if (s->segments[i].kind == SEG_WORK && s->segments[i].step == 0)
                g = &s->segments[i];
        int runs = 0;
        for (int i = 0; i < s->segment_count; i++)
            runs += s->segments[i].kind == SEG_WORK && s->segments[i].step == 0;
        if (want == SIDES_BOTH) /* left, then right */
            CHECK(runs == 2 && g->side == SIDES_RIGHT);
        else if (want != SIDES_NONE)
            CHECK_INT(g->side, want == SIDES_LEFT ? SIDES_RIGHT : SIDES_LEFT);
        else
            CHECK(s->skip_today[0]);
        if (want != SIDES_BOTH)
            CHECK_INT(runs, 1);
        app_free(a);
    }

    /* a physio's own move (moves/squat.pose beside the routine): "skip this move for today" is
     * recorded by its name, the step is passed over, and the next step follows */
    {
        char own_dir[300], own_path[400], own_pose[400];
        snprintf(own_dir, sizeof own_dir, "%s/own", dir);
        mkdir(own_dir, 0755);
        snprintf(own_pose, sizeof own_pose, "%s/moves", own_dir);
        mkdir(own_pose, 0755);
        snprintf(own_pose, sizeof own_pose, "%s/moves/squat.pose", own_dir);
        FILE *in = fopen("levels/moves/squat.pose", "rb");
        static char pose[8192];
        size_t n = in ? fread(pose, 1, sizeof pose - 1, in) : 0;
        if (in)
            fclose(in);
        pose[n] = 0;
        CHECK(n > 0);
        apptest_write_file(own_pose, pose);
        snprintf(own_path, sizeof own_path, "%s/squats.routine", own_dir);
        apptest_write_file(own_path, "title \"Own\"\nmove squat\n  hold 30s\nmove child_pose\n  hold 20s\n");
        AppOptions o3 = o;
        o3.routine = own_path;
        a = at_work(&o3, ren);
        s = a ? app_session(a) : NULL;
        CHECK(s && s->routine->own_move_count == 1 && s->routine->steps[0].move == ROUTINE_OWN_MOVE(0));
        if (s) {
            app_draw(a); /* its figure, from the pose file */
            apptest_tap(a, SDLK_h);
            apptest_tap(a, SDLK_3);
            apptest_tap(a, SDLK_RETURN);
            CHECK_INT(s->hurt, HURT_CHOICE); /* no stop-if lines: no rule question */
            apptest_tap(a, SDLK_s);
            CHECK(!session_hurt_open(s));
            CHECK_INT(s->step_result[0], STEP_RESULT_SKIPPED);
            CHECK_INT(s->segments[s->seg].step, 1);
            app_draw(a);
        }
        app_free(a);
        /* a new unknot the same day finds the own move by its name in the history: passed over again */
        a = at_work(&o3, ren);
        s = a ? app_session(a) : NULL;
        CHECK(s && s->skip_today[0] && !s->skip_today[1]);
        app_free(a);
    }

    /* the safety notice across the width (four long stop rules): "It hurts" at the right end of its
     * heading row, where it is drawn (render_hurt_rect, muted or not), not where the stage's corner
     * was, mid-row (review s30); a tap there opens it, not "Press to start now" */
    {
        char wide_path[300], wide_src[1024];
        int len = snprintf(wide_src, sizeof wide_src, "title \"Wide\"\n");
        for (int i = 0; i < 4; i++)
            len += snprintf(wide_src + len, sizeof wide_src - (size_t)len,
                            "stop-if \"Pain spreads down into your leg or below the knee, or you feel pins and "
                            "needles in the foot %d\"\n",
                            i);
        snprintf(wide_src + len, sizeof wide_src - (size_t)len, "move child_pose\n  hold 20s\n");
        snprintf(wide_path, sizeof wide_path, "%s/wide.routine", dir);
        apptest_write_file(wide_path, wide_src);
        AppOptions o4 = o;
        o4.routine = wide_path;
        a = app_new(&o4, NULL, ren);
        CHECK(a != NULL);
        if (a) {
            app_update(a, 10);
            app_draw(a);
            s = app_session(a);
            CHECK_INT(apptest_kind(a), SEG_SAFETY);
            SessionView v = session_view(s, 0);
            Render *ard = app_render(a); /* the app's, with its text (the notice is measured) */
            SDL_Rect stage_hurt = render_button_rect(ard, BUTTON_HURT), body = render_layout(ard).body;
            for (int muted = 0; muted < 2; muted++) {
                SDL_Rect hr = render_hurt_rect(ard, &v, muted == 1);
                CHECK(render_safety_layout(ard, &v, muted == 1).wide);
                CHECK_INT(hr.x + hr.w, body.x + body.w);
                CHECK(hr.y == stage_hurt.y && hr.w == stage_hurt.w && hr.h == stage_hurt.h);
            }
            apptest_click(a, render_hurt_rect(ard, &v, true));
            CHECK(session_hurt_open(s) && s->hurt == HURT_PAIN);
            app_free(a);
        }
    }

    apptest_screen_close(&scr);
    apptest_quit();
    return TEST_END();
}
