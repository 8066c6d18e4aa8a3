/* testutil.h: the smallest assertion helper for unknot's C tests. CHECK keeps going after a
 * failure (printing file:line and the expression) so one run shows every broken case;
 * TEST_END() prints a summary and is what main returns: nonzero when anything failed. */
#ifndef UNKNOT_TESTUTIL_H
#define UNKNOT_TESTUTIL_H

#include <stdio.h>
#include <string.h>

static int testutil_checks;
static int testutil_failures;

/* Check cond; on failure print where and what, and count it. */
#define CHECK(cond)                                                                                                    \
    do {                                                                                                               \
        testutil_checks++;                                                                                             \
        if (!(cond)) {                                                                                                 \
            testutil_failures++;                                                                                       \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);                                   \
        }                                                                                                              \
    } while (0)

/* Check two integers are equal, printing both values when they are not. */
#define CHECK_INT(a, b)                                                                                                \
    do {                                                                                                               \
        long long testutil_a = (long long)(a), testutil_b = (long long)(b);                                            \
        testutil_checks++;                                                                                             \
        if (testutil_a != testutil_b) {                                                                                \
            testutil_failures++;                                                                                       \
            fprintf(stderr, "%s:%d: CHECK failed: %s == %s (%lld != %lld)\n", __FILE__, __LINE__, #a, #b, testutil_a,  \
                    testutil_b);                                                                                       \
        }                                                                                                              \
    } while (0)

/* Check two C strings are equal (NULL only equals NULL), printing both when they are not. */
#define CHECK_STR(a, b)                                                                                                \
    do {                                                                                                               \
        const char *testutil_x = (a), *testutil_y = (b);                                                               \
        testutil_checks++;                                                                                             \
        if (!(testutil_x == testutil_y || (testutil_x && testutil_y && strcmp(testutil_x, testutil_y) == 0))) {        \
            testutil_failures++;                                                                                       \
            fprintf(stderr, "%s:%d: CHECK failed: %s == %s (\"%s\" != \"%s\")\n", __FILE__, __LINE__, #a, #b,          \
                    testutil_x ? testutil_x : "(null)", testutil_y ? testutil_y : "(null)");                           \
        }                                                                                                              \
    } while (0)

/* Print the summary; the value to return from main. */
#define TEST_END()                                                                                                     \
    (fprintf(testutil_failures ? stderr : stdout, "%s: %d checks, %d failed\n", __FILE__, testutil_checks,             \
             testutil_failures),                                                                                       \
     testutil_failures ? 1 : 0)

#endif
