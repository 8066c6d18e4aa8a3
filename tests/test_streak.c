/* test_streak.c: the streak rules of docs/streaks.md with exact dates: local days across DST
 * changes (Europe/London, America/New_York), a flight across the date line, a clock set
 * backwards, a workout over midnight, rest days, the weekly goal, the bonus and levels. */
#include <stdint.h>

#include "streak.h"
#include "testutil.h"

#define H 3600

/* UTC seconds of a local wall time with the given offset (seconds east of UTC). */
static int64_t at(int y, int mo, int d, int hh, int mm, int32_t offset)
{
    return (int64_t)streak_day_from_date(y, mo, d) * 86400 + hh * 3600 + mm * 60 - offset;
}

static StreakDay day(int y, int mo, int d)
{
    return streak_day_from_date(y, mo, d);
}

static StreakSummary summarize(const StreakDay *days, int n, StreakDay today)
{
    StreakSummary s;
    streak_summarize(days, n, today, 0, &s);
    return s;
}

static void test_calendar(void)
{
    CHECK_INT(day(1970, 1, 1), 0);
    CHECK_INT(day(2026, 3, 2), 20514);
    CHECK_INT(day(1969, 12, 31), -1);
    CHECK_INT(streak_weekday(day(2026, 3, 2)), 0); /* a Monday */
    CHECK_INT(streak_weekday(day(2026, 3, 8)), 6); /* a Sunday */
    CHECK_INT(streak_weekday(day(1969, 12, 29)), 0);
    CHECK_INT(streak_week_start(day(2026, 3, 8)), day(2026, 3, 2));
    CHECK_INT(day(2024, 2, 29) + 1, day(2024, 3, 1)); /* leap year */
    CHECK_INT(day(2100, 2, 28) + 1, day(2100, 3, 1)); /* not a leap year */
    for (StreakDay d = day(1999, 12, 25); d < day(2001, 3, 5); d++) {
        int y, m, dd;
        streak_day_to_date(d, &y, &m, &dd);
        if (day(y, m, dd) != d) {
            CHECK_INT(day(y, m, dd), d);
            break;
        }
    }
    int y, m, dd;
    streak_day_to_date(day(2026, 12, 31), &y, &m, &dd);
    CHECK(y == 2026 && m == 12 && dd == 31);
}

static void test_local_day_dst(void)
{
    /* Europe/London: BST starts Sunday 2026-03-29 at 01:00 UTC, ends Sunday 2026-10-25 at 01:00 UTC */
    CHECK_INT(streak_local_day(at(2026, 3, 28, 23, 30, 0), 0), day(2026, 3, 28));
    CHECK_INT(streak_local_day(at(2026, 3, 29, 0, 30, 0), 0), day(2026, 3, 29)); /* before the change, GMT */
    CHECK_INT(streak_local_day(at(2026, 3, 29, 23, 30, H), H), day(2026, 3, 29)); /* 22:30 UTC */
    CHECK_INT(streak_local_day(at(2026, 3, 30, 0, 15, H), H), day(2026, 3, 30)); /* 23:15 UTC on the 29th */
    CHECK_INT(streak_local_day(at(2026, 10, 25, 1, 30, H), H), day(2026, 10, 25)); /* 01:30 BST */
    CHECK_INT(streak_local_day(at(2026, 10, 25, 1, 30, 0), 0), day(2026, 10, 25)); /* 01:30 GMT, an hour later */
    CHECK_INT(streak_local_day(at(2026, 10, 24, 23, 59, H), H), day(2026, 10, 24));
    /* America/New_York: EDT from Sunday 2026-03-08 07:00 UTC to Sunday 2026-11-01 06:00 UTC */
    CHECK_INT(streak_local_day(at(2026, 3, 7, 23, 0, -5 * H), -5 * H), day(2026, 3, 7)); /* 04:00 UTC on the 8th */
    CHECK_INT(streak_local_day(at(2026, 3, 8, 23, 0, -4 * H), -4 * H), day(2026, 3, 8)); /* 03:00 UTC on the 9th */
    CHECK_INT(streak_local_day(at(2026, 11, 1, 1, 30, -4 * H), -4 * H), day(2026, 11, 1));
    CHECK_INT(streak_local_day(at(2026, 11, 1, 1, 30, -5 * H), -5 * H), day(2026, 11, 1));
    CHECK_INT(streak_local_day(at(2026, 11, 1, 23, 30, -5 * H), -5 * H), day(2026, 11, 1)); /* 04:30 UTC, 2nd */
    /* a week of mornings across both New York changes is a week of days in a row */
    StreakDay days[8];
    for (int i = 0; i < 8; i++) {
        int d = 4 + i; /* 4..11 March: EST then EDT */
        int32_t off = d < 8 ? -5 * H : -4 * H;
        days[i] = streak_local_day(at(2026, 3, d, 7, 0, off), off);
    }
    StreakSummary s = summarize(days, 8, day(2026, 3, 11));
    CHECK_INT(s.current, 8);
    CHECK(!s.rest_day_used);
    /* and evenings across both London changes (23:30 local is the next UTC day in BST) */
    StreakDay ev[6];
    for (int i = 0; i < 6; i++) {
        int d = 22 + i; /* 22..27 October: BST until the 25th */
        int32_t off = d < 25 ? H : 0;
        ev[i] = streak_local_day(at(2026, 10, d, 23, 30, off), off);
    }
    s = summarize(ev, 6, day(2026, 10, 27));
    CHECK_INT(s.current, 6);
    CHECK(!s.rest_day_used);
}

static void test_offsets_clamped(void)
{
    CHECK_INT(streak_local_day(0, 40 * H), streak_local_day(0, 18 * H));
    CHECK_INT(streak_local_day(0, -40 * H), -1);
    CHECK_INT(streak_local_day(-1, 0), -1); /* floor, not truncation, before 1970 */
}

static void test_midnight(void)
{
    /* started 23:50 on Monday 2 March in Paris, ended 00:20 on Tuesday: counts for Monday only */
    int64_t start = at(2026, 3, 2, 23, 50, H);
    CHECK_INT(streak_local_day(start, H), day(2026, 3, 2));
    StreakDay d[1] = {streak_local_day(start, H)};
    StreakSummary s = summarize(d, 1, day(2026, 3, 3));
    CHECK_INT(s.current, 1);
    CHECK(!s.today_counted); /* Tuesday is still to do */
}

static void test_date_line(void)
{
    /* eastwards, Tokyo to Honolulu: Monday 2 March in Tokyo, then Sunday 1 March in Honolulu */
    StreakDay d[5] = {day(2026, 2, 27), day(2026, 2, 28), streak_local_day(at(2026, 3, 2, 8, 0, 9 * H), 9 * H),
                      streak_local_day(at(2026, 3, 1, 18, 0, -10 * H), -10 * H)};
    CHECK_INT(d[2], day(2026, 3, 2));
    CHECK_INT(d[3], day(2026, 3, 1));
    StreakSummary s = summarize(d, 4, day(2026, 3, 1)); /* the clock in Honolulu says Sunday */
    CHECK_INT(s.current, 4);
    CHECK_INT(s.today, day(2026, 3, 2)); /* never behind the latest workout */
    CHECK(s.today_counted);
    /* Monday again in Honolulu: the same day, nothing added; Tuesday adds one */
    d[4] = streak_local_day(at(2026, 3, 2, 18, 0, -10 * H), -10 * H);
    s = summarize(d, 5, day(2026, 3, 2));
    CHECK_INT(s.current, 4);
    CHECK_INT(s.total_days, 4);
    /* westwards, Honolulu to Tokyo: Saturday 28 Feb, then Monday 2 March; Sunday never happened
     * there, so it is a missed day and the rest day bridges it */
    StreakDay w[4] = {day(2026, 2, 26), day(2026, 2, 27), streak_local_day(at(2026, 2, 28, 8, 0, -10 * H), -10 * H),
                      streak_local_day(at(2026, 3, 2, 9, 0, 9 * H), 9 * H)};
    s = summarize(w, 4, day(2026, 3, 2));
    CHECK_INT(s.current, 4);
    CHECK(s.rest_day_used);
    CHECK_INT(s.rest_days_left, 0);
}

static void test_backwards_clock(void)
{
    StreakDay d[6];
    for (int i = 0; i < 5; i++)
        d[i] = day(2026, 3, 1 + i);
    /* the clock set back to 20 February: the streak is kept */
    StreakSummary s = summarize(d, 5, day(2026, 2, 20));
    CHECK_INT(s.current, 5);
    CHECK_INT(s.today, day(2026, 3, 5));
    /* a workout while the clock is wrong is recorded on the 20th: a day on its own */
    d[5] = day(2026, 2, 20);
    s = summarize(d, 6, day(2026, 2, 20));
    CHECK_INT(s.current, 5);
    CHECK_INT(s.best, 5);
    CHECK_INT(s.total_days, 6);
}

static void test_rest_days(void)
{
    StreakDay d[32];
    int n = 0;
    /* five days, a missed day, a sixth day: 6 */
    for (int i = 1; i <= 5; i++)
        d[n++] = day(2026, 3, i);
    d[n++] = day(2026, 3, 7);
    StreakSummary s = summarize(d, n, day(2026, 3, 7));
    CHECK_INT(s.current, 6);
    CHECK_INT(s.best, 6);
    CHECK(s.rest_day_used);
    CHECK_INT(s.rest_days_left, 0);
    CHECK(s.today_counted);
    /* on the 12th the rest day of the 6th is 6 days back: still used */
    for (int i = 8; i <= 12; i++)
        d[n++] = day(2026, 3, i);
    s = summarize(d, n, day(2026, 3, 12));
    CHECK_INT(s.current, 11);
    CHECK(s.rest_day_used);
    /* on the 13th it is 7 days back: a rest day is left again */
    s = summarize(d, n, day(2026, 3, 13));
    CHECK_INT(s.current, 11); /* 12th was done; the 13th is still open */
    CHECK(!s.rest_day_used);
    CHECK_INT(s.rest_days_left, 1);
    /* missing the 13th (7 days after the last rest day) is forgiven: the 14th makes 12 */
    d[n++] = day(2026, 3, 14);
    s = summarize(d, n, day(2026, 3, 14));
    CHECK_INT(s.current, 12);
    CHECK(s.rest_day_used);
    /* today open, yesterday missed: alive on the rest day, the day after it is gone */
    s = summarize(d, n, day(2026, 3, 16));
    CHECK_INT(s.current, 0); /* the 15th missed and the rest day of the 13th is too close */
    int m = 0;
    StreakDay e[8];
    for (int i = 1; i <= 4; i++)
        e[m++] = day(2026, 4, i);
    s = summarize(e, m, day(2026, 4, 6)); /* the 5th missed, the 6th not done yet */
    CHECK_INT(s.current, 4);
    CHECK(s.rest_day_used);
    CHECK_INT(s.rest_days_left, 0);
    CHECK(!s.today_counted);
    s = summarize(e, m, day(2026, 4, 7)); /* two missed days: broken */
    CHECK_INT(s.current, 0);
    CHECK_INT(s.best, 4);
    /* two missed in a row between days: broken, the new streak starts at 1 */
    e[m++] = day(2026, 4, 7);
    s = summarize(e, m, day(2026, 4, 7));
    CHECK_INT(s.current, 1);
    CHECK_INT(s.best, 4);
    CHECK(!s.rest_day_used);
    /* two single missed days 6 days apart: the second breaks it (two in 7 days) */
    StreakDay f[] = {day(2026, 5, 1), day(2026, 5, 3), day(2026, 5, 4), day(2026, 5, 5),
                     day(2026, 5, 6), day(2026, 5, 7), day(2026, 5, 9)};
    s = summarize(f, 7, day(2026, 5, 9));
    CHECK_INT(s.current, 1);
    CHECK_INT(s.best, 6);
    /* ... and 7 days apart both are forgiven */
    StreakDay g[] = {day(2026, 5, 1), day(2026, 5, 3), day(2026, 5, 4), day(2026, 5, 5),
                     day(2026, 5, 6), day(2026, 5, 7), day(2026, 5, 8), day(2026, 5, 10)};
    s = summarize(g, 8, day(2026, 5, 10));
    CHECK_INT(s.current, 8);
    /* duplicates and any order */
    StreakDay h[] = {day(2026, 6, 3), day(2026, 6, 1), day(2026, 6, 2), day(2026, 6, 2), day(2026, 6, 1)};
    s = summarize(h, 5, day(2026, 6, 3));
    CHECK_INT(s.current, 3);
    CHECK_INT(s.total_days, 3);
    /* no history at all */
    s = summarize(NULL, 0, day(2026, 6, 3));
    CHECK_INT(s.current, 0);
    CHECK_INT(s.best, 0);
    CHECK_INT(s.total_days, 0);
    CHECK_INT(s.week_goal, STREAK_WEEK_GOAL_DEFAULT);
    CHECK_INT(s.rest_days_left, 1);
}

static void test_week_goal(void)
{
    /* week of Monday 2 March 2026: Monday, Wednesday, Thursday done; Sunday 1 March is last week */
    StreakDay d[] = {day(2026, 3, 1), day(2026, 3, 2), day(2026, 3, 4), day(2026, 3, 5)};
    StreakSummary s = summarize(d, 4, day(2026, 3, 5));
    CHECK_INT(s.week_days, 3);
    CHECK_INT(s.week_goal, 4);
    streak_summarize(d, 4, day(2026, 3, 8), 5, &s);
    CHECK_INT(s.week_days, 3);
    CHECK_INT(s.week_goal, 5);
    streak_summarize(d, 4, day(2026, 3, 9), 9, &s); /* next Monday; goal out of range */
    CHECK_INT(s.week_days, 0);
    CHECK_INT(s.week_goal, STREAK_WEEK_GOAL_DEFAULT);
}

static void test_bonus(void)
{
    CHECK_INT(streak_bonus_percent(0), 0);
    CHECK_INT(streak_bonus_percent(1), 0);
    CHECK_INT(streak_bonus_percent(2), 20);
    CHECK_INT(streak_bonus_percent(5), 50);
    CHECK_INT(streak_bonus_percent(10), 100);
    CHECK_INT(streak_bonus_percent(400), STREAK_BONUS_MAX);
    CHECK_INT(streak_apply_bonus(1234, 50), 1851);
    CHECK_INT(streak_apply_bonus(1234, 0), 1234);
    CHECK_INT(streak_apply_bonus(199, 100), 398);
    CHECK_INT(streak_apply_bonus(0, 100), 0);
    StreakDay d[] = {day(2026, 3, 1), day(2026, 3, 2), day(2026, 3, 3), day(2026, 3, 4), day(2026, 3, 5)};
    StreakSummary s = summarize(d, 5, day(2026, 3, 5));
    CHECK_INT(s.bonus_percent, 50); /* "Day 5 in a row: +50%" */
}

static void test_outcomes(void)
{
    CHECK(streak_outcome_counts(STREAK_OUTCOME_COMPLETED));
    CHECK(streak_outcome_counts(STREAK_OUTCOME_STOPPED_FOR_PAIN));
    CHECK(!streak_outcome_counts(STREAK_OUTCOME_ENDED_EARLY));
    CHECK(!streak_outcome_counts(STREAK_OUTCOME_RUNNING));
}

static void test_levels(void)
{
    int routines[STREAK_MAX_LEVEL + 1] = {0}, done[STREAK_MAX_LEVEL + 1] = {0};
    CHECK_INT(streak_open_level(routines, done, STREAK_MAX_LEVEL), 1); /* no routines */
    routines[1] = routines[2] = routines[3] = routines[4] = 1;
    CHECK_INT(streak_open_level(routines, done, 4), 1);
    CHECK_INT(streak_workouts_to_next_level(routines, done, 4), 3);
    done[1] = 2;
    CHECK_INT(streak_open_level(routines, done, 4), 1);
    CHECK_INT(streak_workouts_to_next_level(routines, done, 4), 1);
    done[1] = 3;
    CHECK_INT(streak_open_level(routines, done, 4), 2);
    CHECK_INT(streak_workouts_to_next_level(routines, done, 4), 3);
    done[2] = 5;
    done[3] = 3;
    CHECK_INT(streak_open_level(routines, done, 4), 4);
    CHECK_INT(streak_workouts_to_next_level(routines, done, 4), 0); /* nothing above */
    /* a level with no routines is passed through: 1 and 3 only */
    routines[2] = routines[4] = 0;
    done[2] = done[3] = 0;
    CHECK_INT(streak_open_level(routines, done, 4), 3);
    /* the lowest level present is open even when it is not 1 */
    int r2[6] = {0, 0, 1, 0, 0, 1}, d2[6] = {0};
    CHECK_INT(streak_open_level(r2, d2, 5), 2);
    CHECK_INT(streak_workouts_to_next_level(r2, d2, 5), 3);
}

/* "times-a-day" / "days-a-week": what counts, and the menu's and results' words. */
static void test_frequency(void)
{
    StreakFrequency f;
    char b[128];
    StreakDay mon = day(2026, 3, 2), tue = mon + 1, sun = mon + 6;
    /* no frequency: target 0, no words */
    streak_frequency(NULL, 0, mon, 0, 0, 0, 0, &f);
    CHECK_INT(f.target, 0);
    CHECK(!streak_frequency_met(&f));
    streak_frequency_text(&f, b, sizeof b);
    CHECK_STR(b, "");
    /* times a day: the workouts of today, however many on other days; duplicates are workouts */
    StreakDay w[] = {mon - 1, tue, mon, mon - 1, mon + 7};
    streak_frequency(w, 5, mon, 3, 0, 0, 0, &f);
    CHECK_INT(f.done, 1);
    CHECK_INT(f.target, 3);
    CHECK_INT(f.target_max, 3);
    CHECK(!f.per_week);
    streak_frequency_text(&f, b, sizeof b);
    CHECK_STR(b, "1 of 3 today");
    streak_frequency(w, 5, mon - 1, 3, 0, 0, 0, &f);
    CHECK_INT(f.done, 2);
    streak_frequency_next_text(&f, b, sizeof b);
    CHECK_STR(b, "2 of 3 today \xE2\x80\x94 next one later today");
    StreakDay three[] = {tue, tue, tue};
    streak_frequency(three, 3, tue, 3, 0, 0, 0, &f);
    CHECK(streak_frequency_met(&f));
    streak_frequency_text(&f, b, sizeof b);
    CHECK_STR(b, "3 of 3 today \xE2\x9C\x93");
    streak_frequency_next_text(&f, b, sizeof b);
    CHECK_STR(b, "3 of 3 today: done for today");
    /* a range: met at its low end, shown whole */
    streak_frequency(three, 3, tue, 6, 8, 0, 0, &f);
    CHECK_INT(f.target_max, 8);
    CHECK(!streak_frequency_met(&f));
    streak_frequency_text(&f, b, sizeof b);
    CHECK_STR(b, "3 of 6\xE2\x80\x93"
                 "8 today");
    /* days a week: distinct days, Monday to Sunday; last week's Sunday and next Monday are out */
    StreakDay d[] = {mon - 1, mon, mon, tue, sun, sun + 1, tue};
    streak_frequency(d, 7, tue, 0, 0, 5, 0, &f);
    CHECK(f.per_week);
    CHECK_INT(f.done, 3);
    CHECK_INT(f.target, 5);
    streak_frequency_text(&f, b, sizeof b);
    CHECK_STR(b, "3 of 5 days this week");
    streak_frequency_next_text(&f, b, sizeof b);
    CHECK_STR(b, "3 of 5 days this week \xE2\x80\x94 next one another day");
    streak_frequency(d, 7, sun, 0, 0, 3, 4, &f);
    CHECK(streak_frequency_met(&f));
    streak_frequency_next_text(&f, b, sizeof b);
    CHECK_STR(b, "3 of 3\xE2\x80\x93"
                 "4 days this week: done for this week");
    /* the next Monday starts a new week */
    streak_frequency(d, 7, sun + 1, 0, 0, 5, 0, &f);
    CHECK_INT(f.done, 1);
    /* times-a-day wins if a caller passes both (the parser allows one) */
    streak_frequency(d, 7, mon, 2, 0, 5, 0, &f);
    CHECK(!f.per_week);
    CHECK_INT(f.done, 2);
    CHECK(streak_frequency_met(&f));
    /* a buffer of one byte holds the empty string */
    char tiny[1] = {'x'};
    streak_frequency_text(&f, tiny, 1);
    CHECK_INT(tiny[0], 0);
}

int main(void)
{
    test_calendar();
    test_local_day_dst();
    test_offsets_clamped();
    test_midnight();
    test_date_line();
    test_backwards_clock();
    test_rest_days();
    test_week_goal();
    test_bonus();
    test_outcomes();
    test_levels();
    test_frequency();
    return TEST_END();
}
