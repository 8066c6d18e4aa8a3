/* fuzz_parsers.c: every parser of a user file against mutated inputs: routines, --input scripts,
 * pose files, audio.conf, bindings.conf and kiosk.conf. Two ways to run it:
 *   - as a ctest (always): a deterministic mutation loop over committed files and example
 *     configs, many thousands of cases, under ASan/UBSan in CI's sanitizer pass;
 *   - as a libFuzzer target (cmake -DUNKNOT_FUZZ=ON with clang): coverage-guided, open-ended
 *     (docs/testing.md: how to run it and the figures of the last long run).
 * Either way the parsers must return an answer for any bytes: no crash, no hang, no leak. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audioconf.h"
#include "input.h"
#include "kioskconf.h"
#include "pose.h"
#include "routine.h"
#include "simulate.h"

#ifdef UNKNOT_LIBFUZZER
#define FUZZ_SOLVE_ALL 0
#else
#define FUZZ_SOLVE_ALL 1
#endif

/* One input through every parser. */
static void parse_all(const uint8_t *data, size_t size)
{
    static RoutineErrors errs; /* large: keep them off the stack (single-threaded) */
    static PoseFile pf;
    static KioskConfig kc;
    const char *text = (const char *)data;
    Routine r;
    /* two own moves offered (a physio's pose files): "squat" and a sided one */
    static const RoutineOwnMove own[] = {
        {{"squat", "Squat", true, false, 4000, POSITION_STANDING}, "moves/squat.pose"},
        {{"quad_stretch", "Quad stretch", true, true, 6000, POSITION_STANDING}, "moves/quad_stretch.pose"},
    };
    if (routine_parse_with("fuzz.routine", text, size, own, 2, &r, &errs) == 0) {
        /* a routine that parses must also simulate to its end */
        Session s;
        if (session_init(&s, &r) == 0) {
            for (int i = 0; i < 200000 && !session_over(&s); i++) {
                SessionInput in = {(unsigned)(i % 97 == 0 ? INPUT_PRESS : 0)};
                session_step(&s, &in, SESSION_TICK_MS * 50);
                SessionEvent ev;
                while (session_poll_event(&s, &ev)) {
                }
            }
            session_free(&s);
        }
        routine_free(&r);
    }
    InputScript in;
    if (inputscript_parse("fuzz.txt", text, size, &in, &errs) == 0)
        inputscript_free(&in);
    if (pose_parse("fuzz.pose", text, size, &pf, &errs) == 0) {
        /* a pose file that parses must also sample and solve. Solving takes about a millisecond
         * a sample natively and many times that under libFuzzer's instrumentation (a whole move:
         * over 10 s), so there only short files are solved; the parser sees every input */
        PoseMove pm;
        float seconds = 0;
        for (int i = 0; i < pf.section_count; i++)
            seconds += pf.sections[i].seconds;
        if ((FUZZ_SOLVE_ALL || seconds * POSE_SAMPLE_FPS <= 90) && pose_move_init(&pm, &pf) == 0) {
            PoseFigure fig;
            for (int t = 0; t < 8000; t += 1499)
                pose_move_figure_at(&pm, (AnimMode)(t % 4), t, 4000, 500, t % 3 == 1, &fig);
            pose_move_free(&pm);
        }
    }
    char err[200];
    AudioConf ac = {AUDIOCONF_VOLUME_DEFAULT, false};
    audioconf_parse(text, size, &ac, err, sizeof err);
    Bindings b;
    input_default_bindings(&b);
    input_parse_bindings(text, size, &b, err, sizeof err);
    kioskconf_defaults(&kc);
    kioskconf_parse("fuzz.conf", text, size, &kc, NULL);
}

#ifdef UNKNOT_LIBFUZZER
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    parse_all(data, size);
    return 0;
}
#else

static uint32_t rng_state = 12345;

static uint32_t rng(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return rng_state;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = malloc(1 << 20);
    *len = buf ? fread(buf, 1, (1 << 20) - 1, f) : 0;
    fclose(f);
    return buf;
}

static const char *const seeds[] = {
    "levels/01-gentle-start.routine", "levels/02-core-strength.routine", "levels/03-desk-break.routine",
    "levels/04-cold-pack.routine",    "assets/poses/cat_camel.pose",     "assets/poses/superman.pose",
    "assets/poses/child_pose.pose",   "assets/poses/bird_dog.pose",
};

/* The config files have no committed copy: these are their documented examples. */
static const char *const text_seeds[] = {
    "# audio.conf\nvolume = 70\nmuted = 0\n",
    "# bindings.conf\nkey f5 = press\nkey keypad enter = press\nkey 1 = press\npad rightshoulder = pause\n"
    "pad a = press\nkey escape = back\n",
    "[kiosk]\nclinic = Riverside Physiotherapy ; shown\nroutines = 01-gentle-start, 03-desk-break\n"
    "idle_seconds = 60\nvolume = 70\npatient_codes = yes\npin_hash = $argon2id$v=19$m=65536,t=2,p=1$abc$def\n",
    "0 pain 3\n21.0 rep\n28.0 rep\n40 pause\n40 resume\n60 skip\n9.5 pain skip\n",
    "title \"Own\"\nmove squat\n  reps 5 tempo 4s\nmove quad_stretch\n  hold 20s\nmove squat\n  hold 10s\n",
};

static const char *const tokens[] = {
    "move ",
    "reps ",
    "hold ",
    "tempo ",
    "sides both",
    "sets 3 rest 1s",
    "say end-10s ",
    "say each-rep ",
    "\"",
    "\\",
    "\n",
    "\r\n",
    "#",
    "9999999999",
    "-1",
    "1h",
    "0.001s",
    "pacing self",
    "confirm-hold",
    "\xEF\xBB\xBF",
    "\xC3\xA9",
    "\xFF",
    "\0",
    "frames 0",
    "columns 0",
    "frame 100000 100000",
    "cycle 5 2 0",
    "beat 9999",
    " = ",
    "volume=",
    "muted = 1",
    "key ",
    "pad ",
    "[kiosk]",
    "\n[",
    "x=",
    "nan",
    "inf",
    "1e39",
    "-0",
    "section cycle 2 ",
    "key 0.5 ",
    "contacts ",
    "spine=1,2,3,4,5",
    "pain ",
    " skip",
    "\x1b[2J",
    "\xC2\x9B",
};

/* Mutate src (len bytes) rounds times, each mutant through parse_all. Returns the cases run. */
static long fuzz_seed(const char *src, size_t len, int rounds, uint8_t *buf, size_t max)
{
    long cases = 0;
    for (int round = 0; round < rounds; round++) {
        size_t n = len < max ? len : max;
        memcpy(buf, src, n);
        int edits = 1 + (int)(rng() % 8);
        for (int e = 0; e < edits && n > 0; e++) {
            size_t at = rng() % n;
            switch (rng() % 5) {
            case 0: buf[at] = (uint8_t)rng(); break; /* flip a byte */
            case 1:
                memmove(buf + at, buf + at + 1, n - at - 1);
                n--;
                break; /* delete */
            case 2: { /* insert a token */
                const char *t = tokens[rng() % (sizeof tokens / sizeof *tokens)];
                size_t tl = strlen(t) ? strlen(t) : 1;
                if (n + tl < max) {
                    memmove(buf + at + tl, buf + at, n - at);
                    memcpy(buf + at, t, tl);
                    n += tl;
                }
                break;
            }
            case 3: n = at; break; /* truncate */
            default: { /* duplicate a span */
                size_t span = rng() % 64;
                if (at + span <= n && n + span < max) {
                    memmove(buf + at + span, buf + at, n - at);
                    n += span;
                }
                break;
            }
            }
        }
        parse_all(buf, n);
        cases++;
    }
    return cases;
}

int main(void)
{
    enum { ROUNDS = 4000 };
    size_t max = 1 << 16;
    uint8_t *buf = malloc(max);
    long cases = 0;
    if (!buf)
        return 1;
    for (size_t s = 0; s < sizeof seeds / sizeof *seeds; s++) {
        size_t len;
        char *src = slurp(seeds[s], &len);
        if (!src) {
            fprintf(stderr, "fuzz_parsers: cannot read seed %s\n", seeds[s]);
            free(buf);
            return 1;
        }
        /* a pose file that parses is solved (tens of milliseconds): fewer rounds keep the test short */
        cases += fuzz_seed(src, len, strstr(seeds[s], ".pose") ? ROUNDS / 4 : ROUNDS, buf, max);
        free(src);
    }
    for (size_t s = 0; s < sizeof text_seeds / sizeof *text_seeds; s++)
        cases += fuzz_seed(text_seeds[s], strlen(text_seeds[s]), ROUNDS, buf, max);
    free(buf);
    printf("fuzz_parsers: %ld mutated inputs through the routine, input, pose, audio.conf, bindings and "
           "kiosk.conf parsers: no crash\n",
           cases);
    return 0;
}
#endif
