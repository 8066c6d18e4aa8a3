/* test_hurt_input.c: "It hurts" through real SDL events: H on the keyboard, Y on a virtual
 * gamepad, the red touch button on the stage, and a key rebound in bindings.conf open it; its
 * questions are answered by digits and Enter, the d-pad and A, or taps; it ends the workout
 * (recorded as stopped for pain) or skips the move for the rest of the day, also in the next
 * workout. Headless: dummy video, software renderer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <SDL.h>

#include "app.h"
#include "hurt.h"
#include "input.h"
#include "sidepick.h"
#include "testutil.h"

static void pump(App *a)
{
    SDL_Event e;
    SDL_PumpEvents();
    while (SDL_PollEvent(&e))
        app_event(a, &e);
}

static void key(App *a, SDL_Keycode k, bool down)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = down ? SDL_KEYDOWN : SDL_KEYUP;
    e.key.state = down ? SDL_PRESSED : SDL_RELEASED;
    e.key.keysym.sym = k;
    e.key.keysym.scancode = SDL_GetScancodeFromKey(k);
    SDL_PushEvent(&e);
    pump(a);
}

static void tap(App *a, SDL_Keycode k)
{
    key(a, k, true);
    app_update(a, 0);
    key(a, k, false);
    app_update(a, 0);
}

static void pad_tap(App *a, SDL_Joystick *joy, SDL_GameControllerButton b)
{
    SDL_JoystickSetVirtualButton(joy, b, 1);
    SDL_JoystickUpdate();
    pump(a);
    app_update(a, 0);
    SDL_JoystickSetVirtualButton(joy, b, 0);
    SDL_JoystickUpdate();
    pump(a);
    app_update(a, 0);
}

static void click(App *a, SDL_Rect rc)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEBUTTONDOWN;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.x = rc.x + rc.w / 2;
    e.button.y = rc.y + rc.h / 2;
    SDL_PushEvent(&e);
    e.type = SDL_MOUSEBUTTONUP;
    SDL_PushEvent(&e);
    pump(a);
    app_update(a, 0);
}

static SegmentKind kind(App *a)
{
    const Session *s = app_session(a);
    return s ? s->segments[s->seg].kind : SEG_DONE;
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

/* A fresh app on the routine, 2 s into the first step's work (safety pressed, check-in skipped). */
static App *at_work(const AppOptions *o, SDL_Renderer *ren)
{
    App *a = app_new(o, NULL, ren);
    CHECK(a != NULL);
    if (!a)
        return NULL;
    app_update(a, 10);
    tap(a, SDLK_SPACE); /* safety */
    tap(a, SDLK_s); /* pain before: skipped */
    tap(a, SDLK_SPACE); /* intro */
    for (int i = 0; i < 90; i++)
        app_update(a, 100);
    CHECK_INT(kind(a), SEG_WORK);
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
    write_file(path, ROUTINE);

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

    CHECK(SDL_Init(SDL_INIT_VIDEO | SDL_INIT_GAMECONTROLLER | SDL_INIT_EVENTS) == 0);
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, 1280, 720, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *ren = SDL_CreateSoftwareRenderer(surf);
    CHECK(ren != NULL);
    Render rd = {0};
    rd.r = ren;
    rd.w = 1280;
    rd.h = 720;
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
    tap(a, SDLK_h);
    CHECK(session_hurt_open(s) && s->hurt == HURT_PAIN);
    int el = s->seg_elapsed_ms;
    for (int i = 0; i < 50; i++)
        app_update(a, 100); /* five seconds on the question: the hold waits */
    CHECK_INT(s->seg_elapsed_ms, el);
    app_draw(a);
    tap(a, SDLK_6);
    tap(a, SDLK_RETURN);
    CHECK_INT(s->hurt_pain, 6);
    CHECK_INT(s->hurt, HURT_RULE);
    app_draw(a);
    tap(a, SDLK_DOWN);
    tap(a, SDLK_RETURN);
    CHECK_INT(s->hurt_rule, 2);
    CHECK_INT(s->hurt, HURT_CHOICE);
    app_draw(a);
    tap(a, SDLK_s);
    CHECK_INT(s->hurt, HURT_CHOICE); /* a stop rule applies: skipping the move is not offered */
    tap(a, SDLK_q);
    CHECK_INT(kind(a), SEG_RESULTS);
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
    int index = SDL_JoystickAttachVirtual(SDL_JOYSTICK_TYPE_GAMECONTROLLER, 6, SDL_CONTROLLER_BUTTON_MAX, 0);
    CHECK(index >= 0);
    SDL_Joystick *joy = SDL_JoystickOpen(index);
    CHECK(joy != NULL);
    a = at_work(&o, ren);
    s = app_session(a);
    pump(a);
    pad_tap(a, joy, SDL_CONTROLLER_BUTTON_Y);
    CHECK_INT(s->hurt, HURT_PAIN);
    for (int i = 0; i < 3; i++)
        pad_tap(a, joy, SDL_CONTROLLER_BUTTON_DPAD_RIGHT);
    CHECK_INT(s->hurt, HURT_PAIN); /* the d-pad moves along the scale, it is not the volume here */
    pad_tap(a, joy, SDL_CONTROLLER_BUTTON_A);
    CHECK_INT(s->hurt_pain, 3);
    pad_tap(a, joy, SDL_CONTROLLER_BUTTON_DPAD_DOWN);
    pad_tap(a, joy, SDL_CONTROLLER_BUTTON_DPAD_DOWN);
    pad_tap(a, joy, SDL_CONTROLLER_BUTTON_DPAD_DOWN); /* past the last row: stays on it */
    pad_tap(a, joy, SDL_CONTROLLER_BUTTON_A);
    CHECK_INT(s->hurt_rule, 0);
    CHECK_INT(s->hurt, HURT_CHOICE);
    pad_tap(a, joy, SDL_CONTROLLER_BUTTON_A);
    CHECK(!session_hurt_open(s));
    CHECK_INT(kind(a), SEG_READY);
    CHECK_INT(s->segments[s->seg].step, 1);
    CHECK_INT(s->step_result[0], STEP_RESULT_SKIPPED);

    /* the next workout today with the same move: it is passed over, and a notice says so */
    write_file(path2, "title \"Again\"\nmove knee_rolls\n  hold 10s\nmove pelvic_tilt\n  hold 10s\n");
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
    tap(a, SDLK_SPACE); /* safety */
    tap(a, SDLK_s); /* pain before: skipped */
    tap(a, SDLK_SPACE); /* intro */
    for (int i = 0; i < 300 && s && kind(a) != SEG_READY; i++)
        app_update(a, 100);
    CHECK_INT(kind(a), SEG_READY);
    CHECK_INT(s->segments[s->seg].step, 1); /* straight to the pelvic tilt */
    app_free(a);
    routine_free(&r2);
    SDL_JoystickClose(joy);
    SDL_JoystickDetachVirtual(index);

    /* touch: the red button on the stage opens it (a tap there is not a rep); tap 8 twice; tap
     * "None of these"; tap "End the workout" */
    a = at_work(&o, ren);
    s = app_session(a);
    click(a, render_button_rect(&rd, BUTTON_HURT));
    CHECK_INT(s->hurt, HURT_PAIN);
    PainPickLayout pl = hurt_picker_layout(&rd);
    click(a, pl.number[8]);
    CHECK_INT(s->hurt, HURT_PAIN);
    click(a, pl.number[8]);
    CHECK_INT(s->hurt_pain, 8);
    click(a, hurt_rule_rect(&rd, 2, 2));
    CHECK_INT(s->hurt, HURT_CHOICE);
    CHECK_INT(s->hurt_rule, 0);
    app_draw(a);
    click(a, hurt_button_rect(&rd, HURT_BUTTON_END));
    CHECK_INT(kind(a), SEG_RESULTS);
    CHECK(s->hurt_ended);
    app_free(a);
    /* the buttons are big enough to hit from the floor at 1280x720 */
    SDL_Rect hb = render_button_rect(&rd, BUTTON_HURT);
    CHECK(hb.w >= 200 && hb.h >= 60);
    for (int i = 0; i < 3; i++)
        CHECK(hurt_rule_rect(&rd, 2, i).h >= 60);

    /* rebound: "key f5 = hurt" opens it too */
    write_file(bindings, "key f5 = hurt\n");
    a = at_work(&o, ren);
    s = app_session(a);
    tap(a, SDLK_F5);
    CHECK(session_hurt_open(s));
    tap(a, SDLK_q); /* ends at the first question */
    CHECK_INT(kind(a), SEG_RESULTS);
    app_free(a);
    unlink(bindings);

    /* "Which side hurts?" ("sides chosen"): R answers at once; arrows then Enter; the d-pad then A;
     * a tap on a side; S skips (and the one-sided step is passed over) */
    char path3[300];
    snprintf(path3, sizeof path3, "%s/s.routine", dir);
    write_file(path3,
               "title \"Sides\"\nsides chosen\nmove knee_rolls hold 10s\n  side away\nmove child_pose hold 10s\n");
    AppOptions so = o;
    so.routine = path3;
    so.history_path = NULL;
    for (int way = 0; way < 5; way++) {
        a = app_new(&so, NULL, ren);
        CHECK(a != NULL);
        if (!a)
            break;
        s = app_session(a);
        app_update(a, 10);
        tap(a, SDLK_SPACE); /* safety */
        tap(a, SDLK_s); /* pain before: skipped */
        CHECK_INT(kind(a), SEG_SIDE);
        app_draw(a);
        Sides want = SIDES_RIGHT;
        switch (way) {
        case 0: tap(a, SDLK_r); break;
        case 1:
            tap(a, SDLK_LEFT); /* highlights, does not go back */
            CHECK_INT(kind(a), SEG_SIDE);
            app_draw(a);
            tap(a, SDLK_RETURN);
            want = SIDES_LEFT;
            break;
        case 2: {
            int idx = SDL_JoystickAttachVirtual(SDL_JOYSTICK_TYPE_GAMECONTROLLER, 6, SDL_CONTROLLER_BUTTON_MAX, 0);
            SDL_Joystick *j = SDL_JoystickOpen(idx);
            pump(a);
            pad_tap(a, j, SDL_CONTROLLER_BUTTON_A); /* nothing highlighted yet: nothing */
            CHECK_INT(kind(a), SEG_SIDE);
            pad_tap(a, j, SDL_CONTROLLER_BUTTON_DPAD_RIGHT);
            pad_tap(a, j, SDL_CONTROLLER_BUTTON_A);
            SDL_JoystickClose(j);
            SDL_JoystickDetachVirtual(idx);
            break;
        }
        case 3:
            click(a, sidepick_rect(&rd, SIDES_LEFT));
            want = SIDES_LEFT;
            break;
        case 4:
            tap(a, SDLK_s);
            want = SIDES_NONE;
            break;
        }
        CHECK_INT(kind(a), SEG_INTRO);
        CHECK_INT(s->chosen_side, want);
        /* the knee rolls go away from the side that hurts, or are passed over */
        const Segment *g = &s->segments[0];
        for (int i = 0; i < s->segment_count; i++)
            if (s->segments[i].kind == SEG_WORK && s->segments[i].step == 0)
                g = &s->segments[i];
        if (want != SIDES_NONE)
            CHECK_INT(g->side, want == SIDES_LEFT ? SIDES_RIGHT : SIDES_LEFT);
        else
            CHECK(s->skip_today[0]);
        app_free(a);
    }

    SDL_DestroyRenderer(ren);
    SDL_FreeSurface(surf);
    SDL_Quit();
    return TEST_END();
}
