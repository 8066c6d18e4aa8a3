/* test_sheet.c: sprite sheet metadata parser (valid, each error, garbage bytes) and the frame
 * choice rules of sheet_frame_at (intro, hold, outro, reps with the beat in the middle). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "moves.h"
#include "sheet.h"
#include "testutil.h"

static const char *valid = "# a comment\n"
                           "sheet 1\nmove child_pose\nimage child_pose.png\ncanvas 576 324\ncrop 10 20\nframe 200 150\n"
                           "columns 8\nframes 60\nfps 10\nside right\n"
                           "intro 0 20 2000\ncycle 21 41 4000\nbreath 21 33 4000\noutro 40 59 2000\nbeat 31\nheld 21\n";

static int parse(const char *src, SheetMeta *m, char *err)
{
    return sheet_parse(src, strlen(src), m, err, 200);
}

/* valid with one line replaced (key given) or removed (replacement NULL) */
static int parse_with(const char *key, const char *replacement, char *err)
{
    char buf[2048] = "";
    const char *p = valid;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = (size_t)(nl - p) + 1;
        if (strncmp(p, key, strlen(key)) == 0 && p[strlen(key)] == ' ') {
            if (replacement)
                strcat(buf, replacement), strcat(buf, "\n");
        } else {
            strncat(buf, p, n);
        }
        p += n;
    }
    SheetMeta m;
    return parse(buf, &m, err);
}

static void test_parse(void)
{
    SheetMeta m;
    char err[200];
    CHECK(parse(valid, &m, err) == 0);
    CHECK(strcmp(m.move, "child_pose") == 0 && strcmp(m.image, "child_pose.png") == 0);
    CHECK(m.canvas_w == 576 && m.canvas_h == 324 && m.crop_x == 10 && m.crop_y == 20);
    CHECK(m.frame_w == 200 && m.frame_h == 150 && m.columns == 8 && m.frames == 60 && m.fps == 10);
    CHECK(m.side == SIDES_RIGHT);
    CHECK(m.intro.first == 0 && m.intro.last == 20 && m.intro.ms == 2000);
    CHECK(m.cycle.first == 21 && m.outro.last == 59 && m.beat == 31 && m.held == 21);
    CHECK(sheet_mirrored(&m, SIDES_LEFT) && !sheet_mirrored(&m, SIDES_RIGHT) && !sheet_mirrored(&m, SIDES_NONE));

    /* CRLF line ends and no image line (defaults to move.png) */
    char crlf[2048];
    size_t k = 0;
    for (const char *p = valid; *p; p++) {
        if (*p == '\n')
            crlf[k++] = '\r';
        crlf[k++] = *p;
    }
    crlf[k] = '\0';
    CHECK(parse(crlf, &m, err) == 0);
    CHECK(parse_with("image", NULL, err) == 0);
}

static void test_errors(void)
{
    char err[200];
    SheetMeta m;
    struct {
        const char *key, *line, *expect;
    } cases[] = {
        {"sheet", "sheet 2", "version"},
        {"move", "move ../etc", "bad name"},
        {"image", "image /abs.png", "bad name"},
        {"canvas", "canvas 0 10", "canvas"},
        {"canvas", "canvas 100000 10", "canvas"},
        {"crop", "crop 500 20", "fit"},
        {"frame", "frame 200", "takes 2"},
        {"frame", "frame -1 5", "whole numbers"},
        {"columns", "columns 0", "columns"},
        {"columns", "columns 61", "columns"},
        {"frames", "frames 0", "frame count"},
        {"frames", "frames 5000", "frame count"},
        {"fps", "fps 0", "fps"},
        {"side", "side up", "side must"},
        {"intro", "intro 5 2 100", "intro range"},
        {"intro", "intro 0 60 100", "intro range"},
        {"cycle", "cycle 21 41 0", "time"},
        {"outro", "outro 40 59", "takes 3"},
        {"beat", "beat 5", "beat"},
        {"held", "held 60", "held"},
        {"fps", "fps 10 extra", "takes 1"},
        {"fps", "fps 99999999999", "whole numbers"},
        {"held", "wobble 3", "unknown key"},
        {"held", NULL, "missing 'held'"},
        {"move", NULL, "missing 'move'"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        err[0] = '\0';
        int rc = parse_with(cases[i].key, cases[i].line, err);
        if (rc == 0 || !strstr(err, cases[i].expect))
            fprintf(stderr, "case %zu (%s): rc %d, err '%s'\n", i, cases[i].line ? cases[i].line : "(removed)", rc,
                    err);
        CHECK(rc == -1 && strstr(err, cases[i].expect));
    }
    /* duplicates, NUL bytes, binary, long lines, oversized input, empty input, tiny err buffer */
    char buf[4096];
    snprintf(buf, sizeof buf, "%sfps 12\n", valid);
    CHECK(parse(buf, &m, err) == -1 && strstr(err, "twice"));
    char nul[] = "sheet 1\nmo\0ve x\n";
    CHECK(sheet_parse(nul, sizeof nul - 1, &m, err, sizeof err) == -1 && strstr(err, "line 2"));
    char longline[400];
    memset(longline, 'a', sizeof longline - 1);
    longline[sizeof longline - 1] = '\0';
    CHECK(parse(longline, &m, err) == -1 && strstr(err, "longer"));
    CHECK(sheet_parse("", 0, &m, err, sizeof err) == -1);
    CHECK(sheet_parse(NULL, 0, &m, err, sizeof err) == -1);
    char *big = calloc(SHEET_MAX_BYTES + 10, 1);
    memset(big, '\n', SHEET_MAX_BYTES + 9);
    CHECK(sheet_parse(big, SHEET_MAX_BYTES + 9, &m, err, sizeof err) == -1);
    free(big);
    CHECK(sheet_parse(valid, strlen(valid), &m, NULL, 0) == 0);
    CHECK(sheet_parse("x", 1, &m, err, 4) == -1 && strlen(err) < 4);
    /* garbage: random bytes and random mutations of a valid file never crash and never pass bad data */
    unsigned seed = 12345;
    for (int round = 0; round < 20000; round++) {
        size_t n = strlen(valid);
        memcpy(buf, valid, n);
        int edits = 1 + round % 4;
        for (int e = 0; e < edits; e++) {
            seed = seed * 1103515245u + 12345u;
            size_t at = (seed >> 8) % n;
            seed = seed * 1103515245u + 12345u;
            const char *alphabet = "0123456789 \n-#x";
            buf[at] = round < 10000 ? (char)((seed >> 16) & 0xff) : alphabet[(seed >> 16) % 16];
        }
        if (sheet_parse(buf, n, &m, err, sizeof err) == 0) {
            CHECK(m.frames >= 1 && m.frames <= SHEET_MAX_FRAMES);
            CHECK(m.intro.last < m.frames && m.cycle.last < m.frames && m.breath.last < m.frames &&
                  m.outro.last < m.frames);
            CHECK(m.held < m.frames && m.beat >= m.cycle.first && m.beat <= m.cycle.last);
        }
    }
}

static SheetMeta test_meta(void)
{
    SheetMeta m;
    char err[200];
    if (parse(valid, &m, err) != 0)
        abort();
    return m;
}

static void test_frames(void)
{
    SheetMeta m = test_meta();
    SheetFrame f;
    /* start: the first intro frame */
    sheet_frame_at(&m, ANIM_START, 5000, 0, 0, &f);
    CHECK(f.a == 0 && f.b == 0 && f.blend == 0.0f);
    /* hold of 20 s: intro 2 s, breathing, outro in the last 2 s */
    sheet_frame_at(&m, ANIM_HOLD, 0, 20000, 0, &f);
    CHECK(f.a == 0 && f.blend == 0.0f);
    sheet_frame_at(&m, ANIM_HOLD, 1000, 20000, 0, &f);
    CHECK(f.a == 10 && f.blend < 0.01f);
    sheet_frame_at(&m, ANIM_HOLD, 1050, 20000, 0, &f);
    CHECK(f.a == 10 && f.b == 11 && f.blend > 0.4f && f.blend < 0.6f);
    sheet_frame_at(&m, ANIM_HOLD, 2000, 20000, 0, &f);
    CHECK(f.a == 21 && f.blend < 0.01f); /* hold starts at the held frame */
    for (int t = 2000; t < 18000; t += 37) {
        sheet_frame_at(&m, ANIM_HOLD, t, 20000, 0, &f);
        CHECK(f.a >= m.breath.first && f.b <= m.breath.last);
        CHECK(f.blend >= 0.0f && f.blend <= 1.0f);
    }
    sheet_frame_at(&m, ANIM_HOLD, 17999, 20000, 0, &f);
    CHECK(f.a == m.breath.last || f.a == m.breath.first || f.b == m.breath.last); /* whole breaths: ends at held */
    sheet_frame_at(&m, ANIM_HOLD, 18000, 20000, 0, &f);
    CHECK(f.a == 40);
    sheet_frame_at(&m, ANIM_HOLD, 20000, 20000, 0, &f);
    CHECK(f.a == 59 && f.b == 59);
    sheet_frame_at(&m, ANIM_HOLD, 99999, 20000, 0, &f); /* clamped past the end */
    CHECK(f.a == 59);
    sheet_frame_at(&m, ANIM_HOLD, -500, 20000, 0, &f); /* clamped before the start */
    CHECK(f.a == 0);
    /* a short hold squeezes intro and outro into 60% of it */
    sheet_frame_at(&m, ANIM_HOLD, 1199, 2000, 0, &f);
    CHECK(f.a == m.held);
    sheet_frame_at(&m, ANIM_HOLD, 599, 2000, 0, &f);
    CHECK(f.a >= 19 && f.a <= 20);
    sheet_frame_at(&m, ANIM_HOLD, 2000, 2000, 0, &f);
    CHECK(f.a == 59);
    sheet_frame_at(&m, ANIM_HOLD, 100, 0, 0, &f);
    CHECK(f.a == m.held);
    /* reps: 4 s movement + 1 s hold; beat (frame 31) at exactly the middle, paused for the hold */
    sheet_frame_at(&m, ANIM_REPS, 0, 5000, 1000, &f);
    CHECK(f.a == 21 && f.blend == 0.0f);
    sheet_frame_at(&m, ANIM_REPS, 1000, 5000, 1000, &f);
    CHECK(f.a == 26);
    sheet_frame_at(&m, ANIM_REPS, 2500, 5000, 1000, &f);
    CHECK(f.a == m.beat && f.b == m.beat);
    sheet_frame_at(&m, ANIM_REPS, 2000, 5000, 1000, &f);
    CHECK(f.a == m.beat && f.blend == 0.0f);
    sheet_frame_at(&m, ANIM_REPS, 2999, 5000, 1000, &f);
    CHECK(f.a == m.beat);
    sheet_frame_at(&m, ANIM_REPS, 4000, 5000, 1000, &f);
    CHECK(f.a == 36);
    sheet_frame_at(&m, ANIM_REPS, 5000, 5000, 1000, &f); /* second rep starts again */
    CHECK(f.a == 21);
    sheet_frame_at(&m, ANIM_REPS, 7500, 5000, 1000, &f);
    CHECK(f.a == m.beat);
    /* the beat sits at 50% of every rep, with or without a hold */
    for (int hold = 0; hold <= 3000; hold += 1000) {
        sheet_frame_at(&m, ANIM_REPS, (4000 + hold) / 2, 4000 + hold, hold, &f);
        CHECK(f.a == m.beat && f.blend < 0.001f);
    }
    /* frames rise monotonically through the first half, blend always 0..1 */
    int last = -1;
    for (int t = 0; t < 2000; t += 7) {
        sheet_frame_at(&m, ANIM_REPS, t, 4000, 0, &f);
        CHECK(f.a >= last && f.blend >= 0.0f && f.blend < 1.0f && f.b <= f.a + 1);
        last = f.a;
    }
    sheet_frame_at(&m, ANIM_REPS, 100, 0, 0, &f); /* no length: the sheet's own cycle */
    CHECK(f.a >= 21 && f.a <= 41);
    sheet_frame_at(&m, ANIM_REPS, 100, 1000, 5000, &f); /* hold longer than the rep: stays on the beat */
    CHECK(f.a == m.beat);
    /* loop: the cycle at its own pace */
    sheet_frame_at(&m, ANIM_LOOP, 0, 0, 0, &f);
    CHECK(f.a == 21);
    sheet_frame_at(&m, ANIM_LOOP, 2000, 0, 0, &f);
    CHECK(f.a == 31);
    sheet_frame_at(&m, ANIM_LOOP, 4000 * 1000 + 2000, 0, 0, &f);
    CHECK(f.a == 31);
    sheet_frame_at(&m, ANIM_LOOP, -100, 0, 0, &f);
    CHECK(f.a == 21);
}

int main(void)
{
    test_parse();
    test_errors();
    test_frames();
    return TEST_END();
}
