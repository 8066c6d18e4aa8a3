/* streak.h: the streak rules (docs/streaks.md): which local day a workout counts for, current and
 * best streak with rest days, the weekly goal, the streak bonus and which levels are open.
 * Pure: "now" and the UTC offset come in as numbers; no clock, no time zone database, no I/O. */
#ifndef UNKNOT_STREAK_H
#define UNKNOT_STREAK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define STREAK_DAY_SECONDS 86400
#define STREAK_MAX_OFFSET_SECONDS (18 * 3600) /* UTC offsets outside +-18 h are refused (clamped) */
#define STREAK_WEEK_GOAL_DEFAULT 4 /* days of 7 */
#define STREAK_REST_WINDOW_DAYS 7 /* at most one rest day in any this many days in a row */
#define STREAK_BONUS_PER_DAY 10 /* percent per day in a row: "Day 5 in a row: +50%" */
#define STREAK_BONUS_MAX 100 /* percent: reached on day 10 */
#define STREAK_LEVEL_UNLOCK_WORKOUTS 3 /* completed workouts at level N that open level N+1 */
#define STREAK_MAX_LEVEL 99 /* as ROUTINE_MAX_LEVEL */

/* A local calendar day: days since 1970-01-01 (day 0 is Thursday 1970-01-01), may be negative. */
typedef int32_t StreakDay;

/* How a workout ended. Only COMPLETED and STOPPED_FOR_PAIN make a day count. */
typedef enum {
    STREAK_OUTCOME_RUNNING = 0, /* still going, or cut off (power cut, kill) before the results */
    STREAK_OUTCOME_COMPLETED, /* every step done to its end */
    STREAK_OUTCOME_ENDED_EARLY, /* the user ended it before the last step was done */
    STREAK_OUTCOME_STOPPED_FOR_PAIN /* ended because it hurt: never costs a streak */
} StreakOutcome;

/* Everything the screens and --stats show about the streak, as of one day "today". */
typedef struct {
    StreakDay today; /* the day used: the later of the clock's day and the latest counted day */
    int current; /* counted days in the current streak (rest days do not add); 0 when broken */
    int best; /* the longest streak ever, in counted days (>= current) */
    int total_days; /* distinct counted days ever */
    bool today_counted; /* today already has a counted workout */
    bool rest_day_used; /* the current streak used a rest day in the last 7 days (today included) */
    int rest_days_left; /* 0 or 1: a missed day now would be forgiven ("1 rest day left this week") */
    int week_days; /* counted days in this week, Monday to Sunday */
    int week_goal; /* days of the week's goal (STREAK_WEEK_GOAL_DEFAULT unless set) */
    int bonus_percent; /* streak_bonus_percent(current) */
} StreakSummary;

/* The local day of a moment: utc_seconds since the epoch plus utc_offset_seconds (east positive),
 * the offset in force at the workout's start. A workout over midnight counts for its start day. */
StreakDay streak_local_day(int64_t utc_seconds, int32_t utc_offset_seconds);

/* The day of a calendar date (proleptic Gregorian), and back. */
StreakDay streak_day_from_date(int year, int month, int day);
void streak_day_to_date(StreakDay d, int *year, int *month, int *day);

/* 0 Monday ... 6 Sunday. */
int streak_weekday(StreakDay d);

/* The Monday of the week holding d. */
StreakDay streak_week_start(StreakDay d);

/* True when a workout with this outcome makes its day count. */
bool streak_outcome_counts(StreakOutcome o);

/* Summarise n counted days (any order, duplicates allowed; borrowed, not kept) as of the clock's
 * day today, with a week goal of 1..7 days (0 or out of range: the default). Fills *out. */
void streak_summarize(const StreakDay *days, int n, StreakDay today, int week_goal, StreakSummary *out);

/* The score bonus in percent for day day_in_row of a streak: 0 on day 1 (or 0),
 * STREAK_BONUS_PER_DAY times the day from day 2, capped at STREAK_BONUS_MAX. */
int streak_bonus_percent(int day_in_row);

/* score with bonus_percent added, rounded down. */
long streak_apply_bonus(long score, int bonus_percent);

/* The highest open level. routines_at[L] and completed_at[L] (L = 0..max_level; index 0, no
 * level, is ignored) give the routines of level L and the completed workouts at level L. Level 1
 * (and the lowest level present) is always open; level L+1 opens when level L has at least
 * STREAK_LEVEL_UNLOCK_WORKOUTS completed workouts; a level with no routines is passed through. */
int streak_open_level(const int *routines_at, const int *completed_at, int max_level);

/* The completed workouts still needed at the highest open level to open the next one (0 when
 * no higher level exists), for "2 more workouts open level 3". */
int streak_workouts_to_next_level(const int *routines_at, const int *completed_at, int max_level);

/* ---- how often a routine is prescribed ("times-a-day 3", "days-a-week 5"; docs/routines.md) ---- */

/* A routine's frequency as of one day: done of target (target_max: the top of "times-a-day 6-8",
 * else target), per day or per week. */
typedef struct {
    int done; /* counted workouts of the routine today, or distinct days with one this week */
    int target; /* the low end of the prescription (0: the routine has no frequency) */
    int target_max; /* its top end (== target without a range) */
    bool per_week; /* days-a-week: done counts days Monday to Sunday; else workouts today */
} StreakFrequency;

/* The frequency of a routine on day today from the local days of its counted workouts (completed
 * or stopped for pain: one that hurt is not made up by another; any order, duplicates allowed;
 * borrowed). times_a_day (and its top end, 0: same) or days_a_week (and top) as the routine says;
 * both 0: no frequency (target 0). Days after today in this week count too (a clock set back). */
void streak_frequency(const StreakDay *days, int n, StreakDay today, int times_a_day, int times_a_day_max,
                      int days_a_week, int days_a_week_max, StreakFrequency *out);

/* True when the prescription is met: done >= target (never for no frequency). */
bool streak_frequency_met(const StreakFrequency *f);

/* The menu's line: "2 of 3 today", "2 of 6–8 today", "3 of 5 days this week"; met adds
 * " ✓". Empty for no frequency. */
void streak_frequency_text(const StreakFrequency *f, char *buf, size_t size);

/* The results' line, this workout counted: "2 of 3 today — next one later today",
 * "3 of 3 today: done for today", "3 of 5 days this week — next one another day",
 * "5 of 5 days this week: done for this week". Empty for no frequency. */
void streak_frequency_next_text(const StreakFrequency *f, char *buf, size_t size);

#endif
