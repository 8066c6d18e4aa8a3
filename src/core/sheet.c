/* sheet.c: choose the samples (frames) to draw for an animation time from a move's timing.
 * Pure C: no SDL, no I/O, no globals. */
#include "sheet.h"

#include <math.h>

/* The frames at position p (0..1) through first..last (backwards when first > last). */
static void sheet_range_at(int first, int last, double p, SheetFrame *out)
{
    if (p < 0.0)
        p = 0.0;
    if (p > 1.0)
        p = 1.0;
    double f = first + p * (last - first);
    int a = (int)floor(f), hi = first > last ? first : last;
    if (a >= hi) {
        out->a = out->b = hi;
        out->blend = 0.0f;
        return;
    }
    out->a = a;
    out->b = a + 1;
    out->blend = (float)(f - a);
}

static void sheet_still(int frame, SheetFrame *out)
{
    out->a = out->b = frame;
    out->blend = 0.0f;
}

/* The frames at position p (0..1) on the way from frame position from to to (fractional: between
 * two frames), either way round. */
static void sheet_span_at(double from, double to, double p, SheetFrame *out)
{
    if (p < 0.0)
        p = 0.0;
    if (p > 1.0)
        p = 1.0;
    double f = from + p * (to - from), a = floor(f);
    if (f - a < 1e-6) { /* on a frame: that one alone (a + 1 may be past the last) */
        sheet_still((int)a, out);
        return;
    }
    out->a = (int)a;
    out->b = (int)a + 1;
    out->blend = (float)(f - a);
}

/* Breathing in the held pose for hold_ms: a whole number of breath loops, so it ends where it began. */
static void sheet_breathe(const SheetMeta *m, double t, double hold_ms, SheetFrame *out)
{
    const SheetRange *r = &m->breath;
    if (r->ms <= 0 || r->last == r->first || hold_ms < r->ms * 0.5) {
        sheet_still(m->held, out);
        return;
    }
    double loops = floor(hold_ms / r->ms + 0.5);
    if (loops < 1.0)
        loops = 1.0;
    double period = hold_ms / loops;
    double p = fmod(t, period) / period;
    sheet_range_at(r->first, r->last, p, out);
}

/* The frame the get-ready shows (ANIM_START) and a hold's way in starts from: after the intro's
 * setup (SheetMeta.setup), which is eased into there. */
static int sheet_start(const SheetMeta *m)
{
    return m->intro.first + (m->intro.last >= m->intro.first ? m->setup : -m->setup);
}

/* How long a hold's way in takes at its own pace: the intro after its setup. */
static double sheet_way_in_ms(const SheetMeta *m)
{
    int span = m->intro.last - m->intro.first;
    if (span == 0 || m->setup == 0)
        return m->intro.ms;
    return m->intro.ms * (1.0 - (double)m->setup / fabs((double)span));
}

/* The way out of a hold (length len, its way in and out in and outro ms long) ended at end ms, d ms
 * after the end: from where it was, back along the way in (ended on the way in), or the breath
 * to the held pose and then the way out (ended while held), or on along the way out, each at
 * its own pace, in SHEET_WAY_OUT_MS at most. */
static void sheet_way_out(const SheetMeta *m, double end, double d, double len, double in, double outro,
                          SheetFrame *out)
{
    /* up to two pieces: from position a to b in ms_ab, then from b2 to c in ms_bc */
    double a, b, b2, c, ms_ab, ms_bc = 0.0;
    if (end < in) { /* back along the way in, its setup too */
        double p = end / in, from = sheet_start(m);
        a = from + p * (m->intro.last - from);
        b = b2 = c = m->intro.first;
        ms_ab = end + (m->intro.ms - sheet_way_in_ms(m));
    } else if (outro > 0.0 && end >= len - outro) {
        double p = (end - (len - outro)) / outro;
        a = m->outro.first + p * (m->outro.last - m->outro.first);
        b = b2 = c = m->outro.last;
        ms_ab = (1.0 - p) * outro;
    } else {
        SheetFrame at;
        sheet_breathe(m, end - in, len - in - outro, &at);
        double pos = at.a + (double)at.blend * (at.b - at.a), span = m->breath.last - m->breath.first;
        double q = span != 0.0 ? (pos - m->breath.first) / span : 0.0;
        a = pos;
        b = b2 = c = q < 0.5 ? m->breath.first : m->breath.last; /* the nearer end: both are the held pose */
        ms_ab = (q < 0.5 ? q : 1.0 - q) * m->breath.ms;
        if (m->outro.last != m->outro.first) {
            b2 = m->outro.first, c = m->outro.last;
            ms_bc = m->outro.ms > 0 ? m->outro.ms : 1.0;
        }
    }
    double total = ms_ab + ms_bc, k = total > SHEET_WAY_OUT_MS ? SHEET_WAY_OUT_MS / total : 1.0;
    ms_ab *= k, ms_bc *= k;
    out->part = SHEET_PART_OUTRO;
    if (d < ms_ab)
        sheet_span_at(a, b, d / ms_ab, out);
    else if (d - ms_ab < ms_bc)
        sheet_span_at(b2, c, (d - ms_ab) / ms_bc, out);
    else
        sheet_still((int)floor(c + 0.5), out);
}

void sheet_frame_at(const SheetMeta *m, AnimMode mode, int anim_ms, int anim_length_ms, int rep_hold_ms,
                    SheetFrame *out)
{
    double t = anim_ms < 0 ? 0.0 : (double)anim_ms;
    out->part = SHEET_PART_OTHER;
    switch (mode) {
    case ANIM_START: sheet_still(sheet_start(m), out); return;
    case ANIM_LOOP:
        if (m->cycle.ms <= 0 || m->cycle.last == m->cycle.first) {
            sheet_still(m->cycle.first, out);
            return;
        }
        sheet_range_at(m->cycle.first, m->cycle.last, fmod(t, m->cycle.ms) / m->cycle.ms, out);
        return;
    case ANIM_HOLD: {
        double len = anim_length_ms;
        if (len <= 0.0) {
            sheet_still(m->held, out);
            return;
        }
        double in = sheet_way_in_ms(m), outro = m->outro.ms;
        double moving = SESSION_HOLD_MOVES_PERCENT / 100.0 * len;
        if (in + outro > moving) { /* a short hold: keep the rest of it still */
            double k = moving / (in + outro);
            in *= k, outro *= k;
        }
        if (rep_hold_ms > 0 && rep_hold_ms < len && t > rep_hold_ms) { /* ended early: on its way out */
            sheet_way_out(m, rep_hold_ms, t - rep_hold_ms, len, in, outro, out);
            return;
        }
        if (t > len)
            t = len;
        if (t < in)
            sheet_range_at(sheet_start(m), m->intro.last, t / in, out), out->part = SHEET_PART_INTRO;
        else if (outro > 0.0 && t >= len - outro)
            sheet_range_at(m->outro.first, m->outro.last, (t - (len - outro)) / outro, out),
                out->part = SHEET_PART_OUTRO;
        else
            sheet_breathe(m, t - in, len - in - outro, out), out->part = SHEET_PART_HELD;
        return;
    }
    case ANIM_REPS:
    default: {
        double len = anim_length_ms > 0 ? anim_length_ms : m->cycle.ms + (rep_hold_ms > 0 ? rep_hold_ms : 0);
        if (len <= 0.0) {
            sheet_still(m->beat, out);
            return;
        }
        double hold = rep_hold_ms < 0 ? 0.0 : rep_hold_ms > len ? len : rep_hold_ms;
        double move = len - hold, half = move / 2.0;
        t = fmod(t, len);
        if (m->rep_holds && m->intro.ms + m->outro.ms > 0) {
            /* up (the way in), held (breathing), down (the way out): each rep starts and ends at
             * the move's start, so a change of side or the step's end shows no jump */
            double in = move * m->intro.ms / (m->intro.ms + m->outro.ms);
            if (t < in)
                sheet_range_at(m->intro.first, m->intro.last, t / in, out);
            else if (t < in + hold || move - in <= 0.0)
                sheet_breathe(m, t - in, hold, out);
            else
                sheet_range_at(m->outro.first, m->outro.last, (t - in - hold) / (move - in), out);
            return;
        }
        if (t < half)
            sheet_range_at(m->cycle.first, m->beat, t / half, out);
        else if (t < half + hold || move <= 0.0)
            sheet_still(m->beat, out);
        else
            sheet_range_at(m->beat, m->cycle.last, (t - half - hold) / (move - half), out);
        return;
    }
    }
}

int sheet_grid_ms(int ms)
{
    long long steps = ((long long)ms * SHEET_POSES_PER_S + (ms < 0 ? -500 : 500)) / 1000;
    return (int)(steps * 1000 / SHEET_POSES_PER_S);
}

bool sheet_mirrored(const SheetMeta *m, Sides wanted)
{
    return (m->side == SIDES_LEFT && wanted == SIDES_RIGHT) || (m->side == SIDES_RIGHT && wanted == SIDES_LEFT);
}
