/* test_configs.c: the two small config parsers, audio.conf (core/audioconf) and bindings.conf
 * (platform/input), line by line: what each accepts, what it refuses and the first reason. */
#include <stdlib.h>
#include <string.h>

#include "audioconf.h"
#include "input.h"
#include "testutil.h"

/* Parse text onto the defaults (volume 80, not muted); returns the bad-line count. */
static int audio(const char *text, AudioConf *c, char *why)
{
    c->volume = AUDIOCONF_VOLUME_DEFAULT;
    c->muted = false;
    return audioconf_parse(text, strlen(text), c, why, 200);
}

static void test_audioconf(void)
{
    AudioConf c;
    char why[200], buf[128];
    CHECK_INT(audio("volume=40\nmuted=1\n", &c, why), 0);
    CHECK_INT(c.volume, 40);
    CHECK(c.muted);
    CHECK_INT(audio("  volume = 50  \r\n# a comment\n\n", &c, why), 0); /* spaces around '=', CRLF */
    CHECK_INT(c.volume, 50);
    CHECK_INT(audio("volume=0\nvolume=100\n", &c, why), 0); /* the bounds; the later line wins */
    CHECK_INT(c.volume, 100);
    /* out of range, not a number, an overflow: refused, the setting kept, the first line named */
    CHECK_INT(audio("volume=101\n", &c, why), 1);
    CHECK_INT(c.volume, AUDIOCONF_VOLUME_DEFAULT);
    CHECK(strstr(why, "line 1") && strstr(why, "0 to 100"));
    CHECK_INT(audio("volume=99999999999999999999\n", &c, why), 1);
    CHECK_INT(c.volume, AUDIOCONF_VOLUME_DEFAULT);
    CHECK_INT(audio("volume=-1\nvolume=5x\nvolume=\nvolume=3.5\n", &c, why), 4);
    CHECK_INT(c.volume, AUDIOCONF_VOLUME_DEFAULT);
    CHECK(strstr(why, "line 1") != NULL);
    CHECK_INT(audio("muted=2\nbogus=1\nvolume 30\n", &c, why), 3);
    CHECK(!c.muted && c.volume == AUDIOCONF_VOLUME_DEFAULT);
    /* a long comment holding "volume=0" past any fixed buffer is still a comment */
    char longc[400];
    memset(longc, ' ', sizeof longc);
    memcpy(longc, "#", 1);
    memcpy(longc + 300, "volume=0\n", 10);
    CHECK_INT(audio(longc, &c, why), 0);
    CHECK_INT(c.volume, AUDIOCONF_VOLUME_DEFAULT);
    /* a NUL inside a line is refused */
    c.volume = 80;
    CHECK_INT(audioconf_parse("volume=3\0 0\n", 11, &c, why, sizeof why), 1);
    CHECK_INT(c.volume, 80);
    /* format then parse gives the same settings back */
    AudioConf out = {37, true}, back = {80, false};
    int n = audioconf_format(&out, buf, sizeof buf);
    CHECK(n > 0);
    CHECK_INT(audioconf_parse(buf, (size_t)n, &back, why, sizeof why), 0);
    CHECK(back.volume == 37 && back.muted);
    CHECK_INT(audioconf_format(&out, buf, 4), -1);
}

/* The action bound to key k, or ACT_NONE. */
static Action key_action(const Bindings *b, SDL_Keycode k)
{
    Action a = ACT_NONE;
    for (int i = 0; i < b->count; i++)
        if (b->items[i].kind == BIND_KEY && b->items[i].code == (int)k)
            a = b->items[i].action;
    return a;
}

static int bindings(const char *text, Bindings *b, char *err)
{
    input_default_bindings(b);
    return input_parse_bindings(text, strlen(text), b, err, 200);
}

static void test_bindings(void)
{
    Bindings b;
    char err[200];
    CHECK_INT(bindings("key f5 = press\n# comment\n\npad rightshoulder = pause  # trailing\n", &b, err), 0);
    CHECK_INT(key_action(&b, SDLK_F5), ACT_PRESS);
    CHECK_STR(err, "");
    /* a key name with a space, as docs/input.md shows it; a BOM; CRLF */
    CHECK_INT(bindings("\xEF\xBB\xBFkey keypad enter = skip\r\n", &b, err), 0);
    CHECK_INT(key_action(&b, SDLK_KP_ENTER), ACT_SKIP);
    /* a later line replaces an earlier one and the default */
    CHECK_INT(bindings("key space = pause\nkey space = skip\n", &b, err), 0);
    CHECK_INT(key_action(&b, SDLK_SPACE), ACT_SKIP);
    /* refused lines: each counted, the first named, the rest still applied */
    CHECK_INT(bindings("key nosuchkey = press\nkey f6 = press\npad nosuch = press\nkey f7 = fly\n"
                       "mouse 1 = press\nkey f8\nkey f9 = release\n",
                       &b, err),
              6);
    CHECK(strstr(err, "line 1") && strstr(err, "unknown key name"));
    CHECK_INT(key_action(&b, SDLK_F6), ACT_PRESS);
    CHECK_INT(key_action(&b, SDLK_F7), ACT_NONE);
    CHECK_INT(bindings("key f5 = fly\n", &b, err), 1);
    CHECK(strstr(err, "unknown action") != NULL);
    CHECK_INT(bindings("key f5 = press\x1b[2J\n", &b, err), 1);
    CHECK(strstr(err, "control character") != NULL);
    CHECK_INT(key_action(&b, SDLK_F5), ACT_NONE);
    /* a line over 255 bytes is refused whole, even when it starts as a good binding */
    char line[400];
    memset(line, ' ', sizeof line);
    memcpy(line, "key f5 = press #", 16);
    line[sizeof line - 2] = '\n';
    line[sizeof line - 1] = 0;
    CHECK_INT(bindings(line, &b, err), 1);
    CHECK(strstr(err, "too long") != NULL);
    CHECK_INT(key_action(&b, SDLK_F5), ACT_NONE);
    /* more than INPUT_MAX_BINDINGS: the table stays whole, the rest are refused */
    size_t cap = 4096, used = 0;
    char *many = malloc(cap);
    for (int i = 1; i <= 24 && many; i++)
        used += (size_t)snprintf(many + used, cap - used, "key f%d = press\n", i);
    for (char c = 'a'; c <= 'z' && many; c++)
        used += (size_t)snprintf(many + used, cap - used, "key %c = press\n", c);
    for (int i = 0; i <= 9 && many; i++)
        used += (size_t)snprintf(many + used, cap - used, "key keypad %d = press\n", i);
    int bad = many ? bindings(many, &b, err) : -1;
    CHECK(bad > 0);
    CHECK_INT(b.count, INPUT_MAX_BINDINGS);
    CHECK(strstr(err, "too many bindings") != NULL);
    free(many);
}

int main(void)
{
    test_audioconf();
    test_bindings();
    return TEST_END();
}
