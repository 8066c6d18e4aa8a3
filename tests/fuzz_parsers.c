/* fuzz_parsers.c: every parser of user files against mutated inputs. Two ways to run it:
 *   - as a ctest (always): a deterministic mutation loop over the committed routines, sheets
 *     and an input file, many thousands of cases, under ASan/UBSan in CI's sanitizer pass;
 *   - as a libFuzzer target (cmake -DUNKNOT_FUZZ=ON with clang): coverage-guided, open-ended.
 * Either way the parsers must return an answer for any bytes: no crash, no hang, no leak. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routine.h"
#include "sheet.h"
#include "simulate.h"

/* One input through all three parsers; the first byte picks which gets it first. */
static void parse_all(const uint8_t *data, size_t size)
{
    static RoutineErrors errs; /* large: keep it off the stack (single-threaded) */
    Routine r;
    if (routine_parse("fuzz.routine", (const char *)data, size, &r, &errs) == 0) {
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
    if (inputscript_parse("fuzz.txt", (const char *)data, size, &in, &errs) == 0)
        inputscript_free(&in);
    SheetMeta m;
    char err[200];
    if (sheet_parse((const char *)data, size, &m, err, sizeof err) == 0) {
        SheetFrame f;
        for (int t = 0; t < 20000; t += 997)
            sheet_frame_at(&m, (AnimMode)(t % 4), t, 4000, 500, &f);
    }
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
    "levels/04-cold-pack.routine",    "assets/sprites/cat_camel.sheet",  "assets/sprites/bird_dog.sheet",
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
};

int main(void)
{
    enum { ROUNDS = 4000 };
    size_t max = 1 << 16;
    uint8_t *buf = malloc(max);
    long cases = 0;
    for (size_t s = 0; s < sizeof seeds / sizeof *seeds && buf; s++) {
        size_t len;
        char *src = slurp(seeds[s], &len);
        if (!src) {
            fprintf(stderr, "fuzz_parsers: cannot read seed %s\n", seeds[s]);
            return 1;
        }
        for (int round = 0; round < ROUNDS; round++) {
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
        free(src);
    }
    free(buf);
    printf("fuzz_parsers: %ld mutated inputs through routine, input and sheet parsers: no crash\n", cases);
    return 0;
}
#endif
