/* streak.c: the streak rules of docs/streaks.md as pure functions of counted days and "today".
 * No clock and no time zone database: the local day comes from UTC seconds plus the offset
 * recorded at the workout's start, so it never changes afterwards. */
#include "streak.h"

#include <stdio.h>
#include <stdlib.h>

/* ---- calendar ---- */

static int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

StreakDay streak_local_day(int64_t utc_seconds, int32_t utc_offset_seconds)
{
    if (utc_offset_seconds > STREAK_MAX_OFFSET_SECONDS)
        utc_offset_seconds = STREAK_MAX_OFFSET_SECONDS;
    if (utc_offset_seconds < -STREAK_MAX_OFFSET_SECONDS)
        utc_offset_seconds = -STREAK_MAX_OFFSET_SECONDS;
    return (StreakDay)floor_div(utc_seconds + utc_offset_seconds, STREAK_DAY_SECONDS);
}

/* Howard Hinnant's days_from_civil / civil_from_days: exact for the proleptic Gregorian calendar. */
StreakDay streak_day_from_date(int year, int month, int day)
{
    int64_t y = (int64_t)year - (month <= 2);
    int64_t era = floor_div(y, 400);
    int64_t yoe = y - era * 400;
    int64_t mp = (month + 9) % 12;
    int64_t doy = (153 * mp + 2) / 5 + day - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (StreakDay)(era * 146097 + doe - 719468);
}

void streak_day_to_date(StreakDay d, int *year, int *month, int *day)
{
    int64_t z = (int64_t)d + 719468;
    int64_t era = floor_div(z, 146097);
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int64_t dd = doy - (153 * mp + 2) / 5 + 1;
    int64_t mm = mp < 10 ? mp + 3 : mp - 9;
    *year = (int)(yoe + era * 400 + (mm <= 2));
    *month = (int)mm;
    *day = (int)dd;
}

int streak_weekday(StreakDay d)
{
    return (int)(((int64_t)d % 7 + 7 + 3) % 7); /* day 0, 1970-01-01, was a Thursday */
}

StreakDay streak_week_start(StreakDay d)
{
    return d - streak_weekday(d);
}

bool streak_outcome_counts(StreakOutcome o)
{
    switch (o) {
    case STREAK_OUTCOME_COMPLETED:
    case STREAK_OUTCOME_STOPPED_FOR_PAIN: return true;
    case STREAK_OUTCOME_RUNNING:
    case STREAK_OUTCOME_ENDED_EARLY: return false;
    }
    return false;
}

/* ---- streaks ---- */

static int cmp_day(const void *a, const void *b)
{
    StreakDay x = *(const StreakDay *)a, y = *(const StreakDay *)b;
    return x < y ? -1 : x > y;
}

/* A missed day m can be a rest day when the streak's last rest day is at least
 * STREAK_REST_WINDOW_DAYS before it: then no 7 days in a row hold two missed days. */
static bool rest_allowed(int64_t missed, int64_t last_rest)
{
    return missed - last_rest >= STREAK_REST_WINDOW_DAYS;
}

#define NO_REST INT64_MIN / 4 /* far enough back that any missed day may be a rest day */

void streak_summarize(const StreakDay *days, int n, StreakDay today, int week_goal, StreakSummary *out)
{
    StreakSummary s = {0};
    s.week_goal = week_goal >= 1 && week_goal <= 7 ? week_goal : STREAK_WEEK_GOAL_DEFAULT;
    StreakDay *sorted = NULL;
    int unique = 0;
    if (n > 0 && (sorted = malloc(sizeof *sorted * (size_t)n)) != NULL) {
        for (int i = 0; i < n; i++)
            sorted[i] = days[i];
        qsort(sorted, (size_t)n, sizeof *sorted, cmp_day);
        for (int i = 0; i < n; i++)
            if (unique == 0 || sorted[i] != sorted[unique - 1])
                sorted[unique++] = sorted[i];
    }
    /* a clock set backwards never costs a streak: today is at least the latest counted day */
    if (unique > 0 && sorted[unique - 1] > today)
        today = sorted[unique - 1];
    s.today = today;
    s.total_days = unique;

    /* walk forward: one streak at a time, a single missed day bridged when a rest day is allowed */
    int count = 0;
    int64_t last_rest = NO_REST;
    for (int i = 0; i < unique; i++) {
        int64_t gap = i > 0 ? (int64_t)sorted[i] - sorted[i - 1] : 0;
        if (i > 0 && gap == 1) {
            count++;
        } else if (i > 0 && gap == 2 && rest_allowed((int64_t)sorted[i] - 1, last_rest)) {
            last_rest = (int64_t)sorted[i] - 1;
            count++;
        } else {
            count = 1;
            last_rest = NO_REST;
        }
        if (count > s.best)
            s.best = count;
    }

    /* the streak is current when its last day is today or yesterday, or the day before
     * yesterday with yesterday allowed as a rest day (today is still open) */
    if (unique > 0) {
        int64_t last = sorted[unique - 1];
        int64_t t = today;
        if (t - last <= 1) {
            s.current = count;
        } else if (t - last == 2 && rest_allowed(last + 1, last_rest)) {
            s.current = count;
            last_rest = last + 1;
        }
        s.today_counted = last == t;
    }
    if (s.current > 0 && (int64_t)today - last_rest < STREAK_REST_WINDOW_DAYS)
        s.rest_day_used = true;
    s.rest_days_left = s.rest_day_used ? 0 : 1;

    StreakDay week = streak_week_start(today);
    for (int i = 0; i < unique; i++)
        if (sorted[i] >= week && sorted[i] <= today)
            s.week_days++;
    s.bonus_percent = streak_bonus_percent(s.current);
    free(sorted);
    *out = s;
}

/* ---- score bonus and levels ---- */

int streak_bonus_percent(int day_in_row)
{
    if (day_in_row < 2)
        return 0;
    int64_t p = (int64_t)day_in_row * STREAK_BONUS_PER_DAY;
    return p > STREAK_BONUS_MAX ? STREAK_BONUS_MAX : (int)p;
}

long streak_apply_bonus(long score, int bonus_percent)
{
    if (bonus_percent <= 0 || score <= 0)
        return score;
    return score + score / 100 * bonus_percent + score % 100 * bonus_percent / 100;
}

int streak_open_level(const int *routines_at, const int *completed_at, int max_level)
{
    if (max_level > STREAK_MAX_LEVEL)
        max_level = STREAK_MAX_LEVEL;
    int open = 1;
    for (int l = 1; l <= max_level; l++) {
        if (routines_at[l] <= 0)
            continue; /* no routine at this level: passed through */
        open = l;
        if (completed_at[l] < STREAK_LEVEL_UNLOCK_WORKOUTS)
            break;
    }
    return open;
}

int streak_workouts_to_next_level(const int *routines_at, const int *completed_at, int max_level)
{
    if (max_level > STREAK_MAX_LEVEL)
        max_level = STREAK_MAX_LEVEL;
    int open = streak_open_level(routines_at, completed_at, max_level);
    for (int l = open + 1; l <= max_level; l++)
        if (routines_at[l] > 0) {
            int left = STREAK_LEVEL_UNLOCK_WORKOUTS - completed_at[open];
            return left > 0 ? left : 0;
        }
    return 0;
}

/* ---- frequency ---- */

void streak_frequency(const StreakDay *days, int n, StreakDay today, int times_a_day, int times_a_day_max,
                      int days_a_week, int days_a_week_max, StreakFrequency *out)
{
    out->done = 0;
    out->per_week = times_a_day <= 0 && days_a_week > 0;
    out->target = out->per_week ? days_a_week : times_a_day > 0 ? times_a_day : 0;
    int top = out->per_week ? days_a_week_max : times_a_day_max;
    out->target_max = top > out->target ? top : out->target;
    if (out->target <= 0)
        return;
    if (!out->per_week) {
        for (int i = 0; i < n; i++)
            out->done += days[i] == today;
        return;
    }
    /* distinct days of this week: seven flags, whatever the order and repeats */
    StreakDay week = streak_week_start(today);
    bool seen[7] = {false};
    for (int i = 0; i < n; i++) {
        int64_t k = (int64_t)days[i] - week;
        if (k >= 0 && k < 7 && !seen[k]) {
            seen[k] = true;
            out->done++;
        }
    }
}

bool streak_frequency_met(const StreakFrequency *f)
{
    return f->target > 0 && f->done >= f->target;
}

/* "3" or "6\u20138" */
static void target_text(const StreakFrequency *f, char *buf, size_t size)
{
    if (f->target_max > f->target)
        snprintf(buf, size, "%d\xE2\x80\x93%d", f->target, f->target_max);
    else
        snprintf(buf, size, "%d", f->target);
}

void streak_frequency_text(const StreakFrequency *f, char *buf, size_t size)
{
    if (size == 0)
        return;
    buf[0] = '\0';
    if (f->target <= 0)
        return;
    char t[32];
    target_text(f, t, sizeof t);
    snprintf(buf, size, "%d of %s %s%s", f->done, t, f->per_week ? "days this week" : "today",
             streak_frequency_met(f) ? " \xE2\x9C\x93" : "");
}

void streak_frequency_next_text(const StreakFrequency *f, char *buf, size_t size)
{
    if (size == 0)
        return;
    buf[0] = '\0';
    if (f->target <= 0)
        return;
    char t[32];
    target_text(f, t, sizeof t);
    const char *when = f->per_week ? "days this week" : "today";
    if (!streak_frequency_met(f))
        snprintf(buf, size, "%d of %s %s \xE2\x80\x94 next one %s", f->done, t, when,
                 f->per_week ? "another day" : "later today");
    else
        snprintf(buf, size, "%d of %s %s: done for %s", f->done, t, when, f->per_week ? "this week" : "today");
}
