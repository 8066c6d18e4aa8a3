/* test_arrows_key.c: A turns the motion arrows off and on in a workout, says so ("Arrows off"),
 * and keeps the setting in view.conf, which the next start reads; on a pad, the right stick
 * pressed in does the same. */
#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "apptest.h"
#include "render.h"
#include "testutil.h"

/* The text of path (at most size - 1 bytes), "" when it cannot be read. */
static void slurp(const char *path, char *buf, size_t size)
{
    FILE *f = fopen(path, "rb");
    size_t n = f ? fread(buf, 1, size - 1, f) : 0;
    buf[n] = 0;
    if (f)
        fclose(f);
}

int main(void)
{
    char dir[] = "/tmp/unknot-arrows-XXXXXX";
    if (!mkdtemp(dir))
        return 1;
    char path[400], cfgdir[256], conf[300], text[256];
    snprintf(cfgdir, sizeof cfgdir, "%s/unknot", dir);
    setenv("XDG_CONFIG_HOME", dir, 1);
    setenv("XDG_CACHE_HOME", dir, 1);
    mkdir(cfgdir, 0755);
    snprintf(conf, sizeof conf, "%s/view.conf", cfgdir);
    snprintf(path, sizeof path, "%s/t.routine", dir);
    apptest_write_file(path, "title \"Arrows\"\nmove bird_dog\n  reps 6 tempo 4s\n");
    CHECK(apptest_init());
    AppTestScreen scr;
    CHECK(apptest_screen_open(&scr, 1280, 720));
    AppOptions o = {0};
    o.data_dir = ".";
    o.levels_dir = "levels";
    o.routine = path;
    o.width = 1280;
    o.height = 720;
    App *a = app_new(&o, NULL, scr.renderer);
    CHECK(a != NULL);
    if (a) {
        app_update(a, 10);
        CHECK(!app_render(a)->arrows_off); /* on with no view.conf */
        apptest_tap(a, SDLK_a);
        CHECK(app_render(a)->arrows_off);
        slurp(conf, text, sizeof text);
        CHECK(strstr(text, "arrows = 0") != NULL);
        app_free(a);
    }
    a = app_new(&o, NULL, scr.renderer); /* the next start keeps them off */
    CHECK(a != NULL);
    if (a) {
        app_update(a, 10);
        CHECK(app_render(a)->arrows_off);
        apptest_tap(a, SDLK_a);
        CHECK(!app_render(a)->arrows_off);
        slurp(conf, text, sizeof text);
        CHECK(strstr(text, "arrows = 1") != NULL);
        /* review 28 #3b: a pad user has a button for them too (the right stick pressed in) */
        int index;
        SDL_Joystick *joy = apptest_pad_attach(&index);
        CHECK(joy != NULL);
        apptest_pump(a);
        if (joy) {
            apptest_pad_tap(a, joy, SDL_CONTROLLER_BUTTON_RIGHTSTICK, 0);
            CHECK(app_render(a)->arrows_off);
            slurp(conf, text, sizeof text);
            CHECK(strstr(text, "arrows = 0") != NULL);
            apptest_pad_tap(a, joy, SDL_CONTROLLER_BUTTON_RIGHTSTICK, 0);
            CHECK(!app_render(a)->arrows_off);
        }
        apptest_pad_detach(joy, index);
        apptest_pump(a);
        app_free(a);
    }
    apptest_screen_close(&scr);
    apptest_quit();
    unlink(conf);
    unlink(path);
    snprintf(path, sizeof path, "%s/audio.conf", cfgdir);
    unlink(path);
    rmdir(cfgdir);
    rmdir(dir);
    return TEST_END();
}
