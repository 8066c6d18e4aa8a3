/* sheet.c: parse sprite sheet metadata and choose the frames to draw for an animation time.
 * Pure C: no SDL, no I/O, no globals. The parser rejects anything it does not understand. */
#include "sheet.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define SHEET_MAX_SHEET_SIDE 16384 /* columns * frame_w and rows * frame_h */
#define SHEET_MAX_MS (10 * 60 * 1000)

/* ------------------------------------------------------------------ parser */

enum {
    KEY_SHEET,
    KEY_MOVE,
    KEY_IMAGE,
    KEY_CANVAS,
    KEY_CROP,
    KEY_FRAME,
    KEY_COLUMNS,
    KEY_FRAMES,
    KEY_FPS,
    KEY_SIDE,
    KEY_INTRO,
    KEY_CYCLE,
    KEY_BREATH,
    KEY_OUTRO,
    KEY_BEAT,
    KEY_HELD,
    KEY_COUNT
};

static const char *const sheet_keys[KEY_COUNT] = {"sheet",   "move",   "image", "canvas", "crop",  "frame",
                                                  "columns", "frames", "fps",   "side",   "intro", "cycle",
                                                  "breath",  "outro",  "beat",  "held"};

static int sheet_fail(char *err, size_t errsize, int line, const char *fmt, ...)
{
    if (err && errsize > 0) {
        char msg[160];
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(msg, sizeof msg, fmt, ap);
        va_end(ap);
        if (line > 0)
            snprintf(err, errsize, "line %d: %s", line, msg);
        else
            snprintf(err, errsize, "%s", msg);
    }
    return -1;
}

/* Split a line into at most max words separated by spaces or tabs. Returns the count, or -1 if
 * there are more. Words are NUL-terminated in place. */
static int sheet_words(char *line, char **words, int max)
{
    int n = 0;
    char *p = line;
    for (;;) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p == '\0')
            return n;
        if (n == max)
            return -1;
        words[n++] = p;
        while (*p && *p != ' ' && *p != '\t')
            p++;
        if (*p)
            *p++ = '\0';
    }
}

/* A non-negative decimal integer of at most 9 digits. */
static bool sheet_int(const char *s, int *out)
{
    int v = 0, digits = 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || ++digits > 9)
            return false;
        v = v * 10 + (*s - '0');
    }
    *out = v;
    return digits > 0;
}

/* Letters, digits, '_', '-' and '.', not starting with '.': no paths. */
static bool sheet_name(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n >= SHEET_NAME_BYTES || s[0] == '.')
        return false;
    for (; *s; s++) {
        char c = *s;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
              c == '.'))
            return false;
    }
    return true;
}

static int sheet_parse_line(char *line, int lineno, SheetMeta *m, bool seen[KEY_COUNT], char *err, size_t errsize)
{
    char *w[5];
    int n = sheet_words(line, w, 5);
    if (n == 0)
        return 0;
    if (n < 0)
        return sheet_fail(err, errsize, lineno, "too many words");
    int key = -1;
    for (int k = 0; k < KEY_COUNT; k++)
        if (strcmp(w[0], sheet_keys[k]) == 0)
            key = k;
    if (key < 0)
        return sheet_fail(err, errsize, lineno, "unknown key '%.40s'", w[0]);
    if (seen[key])
        return sheet_fail(err, errsize, lineno, "'%s' given twice", sheet_keys[key]);
    seen[key] = true;
    static const int nargs[KEY_COUNT] = {1, 1, 1, 2, 2, 2, 1, 1, 1, 1, 3, 3, 3, 3, 1, 1};
    if (n - 1 != nargs[key])
        return sheet_fail(err, errsize, lineno, "'%s' takes %d value%s", sheet_keys[key], nargs[key],
                          nargs[key] == 1 ? "" : "s");
    if (key == KEY_MOVE || key == KEY_IMAGE) {
        if (!sheet_name(w[1]))
            return sheet_fail(err, errsize, lineno, "bad name for '%s'", sheet_keys[key]);
        snprintf(key == KEY_MOVE ? m->move : m->image, SHEET_NAME_BYTES, "%s", w[1]);
        return 0;
    }
    if (key == KEY_SIDE) {
        if (strcmp(w[1], "none") == 0)
            m->side = SIDES_NONE;
        else if (strcmp(w[1], "left") == 0)
            m->side = SIDES_LEFT;
        else if (strcmp(w[1], "right") == 0)
            m->side = SIDES_RIGHT;
        else
            return sheet_fail(err, errsize, lineno, "side must be none, left or right");
        return 0;
    }
    int v[3] = {0, 0, 0};
    for (int i = 0; i < nargs[key]; i++)
        if (!sheet_int(w[1 + i], &v[i]))
            return sheet_fail(err, errsize, lineno, "'%s' needs whole numbers", sheet_keys[key]);
    switch (key) {
    case KEY_SHEET:
        if (v[0] != 1)
            return sheet_fail(err, errsize, lineno, "unsupported sheet version %d", v[0]);
        break;
    case KEY_CANVAS: m->canvas_w = v[0], m->canvas_h = v[1]; break;
    case KEY_CROP: m->crop_x = v[0], m->crop_y = v[1]; break;
    case KEY_FRAME: m->frame_w = v[0], m->frame_h = v[1]; break;
    case KEY_COLUMNS: m->columns = v[0]; break;
    case KEY_FRAMES: m->frames = v[0]; break;
    case KEY_FPS: m->fps = v[0]; break;
    case KEY_BEAT: m->beat = v[0]; break;
    case KEY_HELD: m->held = v[0]; break;
    default: {
        SheetRange r = {v[0], v[1], v[2]};
        if (key == KEY_INTRO)
            m->intro = r;
        else if (key == KEY_CYCLE)
            m->cycle = r;
        else if (key == KEY_BREATH)
            m->breath = r;
        else
            m->outro = r;
    }
    }
    return 0;
}

static int sheet_check_range(const SheetMeta *m, const SheetRange *r, const char *name, char *err, size_t errsize)
{
    if (r->first > r->last || r->last >= m->frames)
        return sheet_fail(err, errsize, 0, "%s range %d..%d is outside 0..%d", name, r->first, r->last, m->frames - 1);
    if (r->ms > SHEET_MAX_MS || (r->last > r->first && r->ms == 0))
        return sheet_fail(err, errsize, 0, "%s time %d ms is out of range", name, r->ms);
    return 0;
}

static int sheet_validate(SheetMeta *m, const bool seen[KEY_COUNT], char *err, size_t errsize)
{
    for (int k = 0; k < KEY_COUNT; k++)
        if (!seen[k] && k != KEY_IMAGE)
            return sheet_fail(err, errsize, 0, "missing '%s'", sheet_keys[k]);
    if (!seen[KEY_IMAGE])
        snprintf(m->image, SHEET_NAME_BYTES, "%.50s.png", m->move);
    if (m->canvas_w < 1 || m->canvas_h < 1 || m->canvas_w > SHEET_MAX_SIZE || m->canvas_h > SHEET_MAX_SIZE)
        return sheet_fail(err, errsize, 0, "canvas size out of range");
    if (m->frame_w < 1 || m->frame_h < 1 || m->crop_x > m->canvas_w - m->frame_w ||
        m->crop_y > m->canvas_h - m->frame_h)
        return sheet_fail(err, errsize, 0, "frame does not fit the canvas at the crop offset");
    if (m->frames < 1 || m->frames > SHEET_MAX_FRAMES)
        return sheet_fail(err, errsize, 0, "frame count out of range 1..%d", SHEET_MAX_FRAMES);
    if (m->columns < 1 || m->columns > m->frames)
        return sheet_fail(err, errsize, 0, "columns out of range 1..frames");
    int rows = (m->frames + m->columns - 1) / m->columns;
    if ((long)m->columns * m->frame_w > SHEET_MAX_SHEET_SIDE || (long)rows * m->frame_h > SHEET_MAX_SHEET_SIDE)
        return sheet_fail(err, errsize, 0, "sheet image too large");
    if (m->fps < 1 || m->fps > 240)
        return sheet_fail(err, errsize, 0, "fps out of range 1..240");
    if (sheet_check_range(m, &m->intro, "intro", err, errsize) ||
        sheet_check_range(m, &m->cycle, "cycle", err, errsize) ||
        sheet_check_range(m, &m->breath, "breath", err, errsize) ||
        sheet_check_range(m, &m->outro, "outro", err, errsize))
        return -1;
    if (m->beat < m->cycle.first || m->beat > m->cycle.last)
        return sheet_fail(err, errsize, 0, "beat frame %d is outside the cycle", m->beat);
    if (m->held >= m->frames)
        return sheet_fail(err, errsize, 0, "held frame %d is past the last frame", m->held);
    return 0;
}

int sheet_parse(const char *src, size_t len, SheetMeta *out, char *err, size_t errsize)
{
    SheetMeta m;
    bool seen[KEY_COUNT] = {false};
    memset(&m, 0, sizeof m);
    memset(out, 0, sizeof *out);
    if (err && errsize > 0)
        err[0] = '\0';
    if (!src && len > 0)
        return sheet_fail(err, errsize, 0, "no data");
    if (len > SHEET_MAX_BYTES)
        return sheet_fail(err, errsize, 0, "file larger than %d bytes", SHEET_MAX_BYTES);
    size_t pos = 0;
    int lineno = 0;
    while (pos < len) {
        char line[SHEET_MAX_LINE];
        size_t n = 0;
        lineno++;
        while (pos < len && src[pos] != '\n') {
            unsigned char c = (unsigned char)src[pos++];
            if (c == '\r' && (pos == len || src[pos] == '\n'))
                continue;
            if (c == '\t')
                c = ' ';
            if (c < 0x20 || c >= 0x7f)
                return sheet_fail(err, errsize, lineno, "unexpected byte 0x%02x", c);
            if (n + 1 >= sizeof line)
                return sheet_fail(err, errsize, lineno, "line longer than %d bytes", SHEET_MAX_LINE - 1);
            line[n++] = (char)c;
        }
        pos++; /* the newline */
        line[n] = '\0';
        char *hash = strchr(line, '#');
        if (hash)
            *hash = '\0';
        if (sheet_parse_line(line, lineno, &m, seen, err, errsize) != 0)
            return -1;
    }
    if (sheet_validate(&m, seen, err, errsize) != 0)
        return -1;
    *out = m;
    return 0;
}

/* ------------------------------------------------------------------ frame choice */

/* The frames at position p (0..1) through first..last. */
static void sheet_range_at(int first, int last, double p, SheetFrame *out)
{
    if (p < 0.0)
        p = 0.0;
    if (p > 1.0)
        p = 1.0;
    double f = first + p * (last - first);
    int a = (int)floor(f);
    if (a >= last) {
        out->a = out->b = last;
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

void sheet_frame_at(const SheetMeta *m, AnimMode mode, int anim_ms, int anim_length_ms, int rep_hold_ms,
                    SheetFrame *out)
{
    double t = anim_ms < 0 ? 0.0 : (double)anim_ms;
    switch (mode) {
    case ANIM_START: sheet_still(m->intro.first, out); return;
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
        if (t > len)
            t = len;
        double in = m->intro.ms, outro = m->outro.ms;
        if (in + outro > 0.6 * len) { /* a short hold: keep at least 40% of it still */
            double k = 0.6 * len / (in + outro);
            in *= k, outro *= k;
        }
        if (t < in)
            sheet_range_at(m->intro.first, m->intro.last, t / in, out);
        else if (outro > 0.0 && t >= len - outro)
            sheet_range_at(m->outro.first, m->outro.last, (t - (len - outro)) / outro, out);
        else
            sheet_breathe(m, t - in, len - in - outro, out);
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

bool sheet_mirrored(const SheetMeta *m, Sides wanted)
{
    return (m->side == SIDES_LEFT && wanted == SIDES_RIGHT) || (m->side == SIDES_RIGHT && wanted == SIDES_LEFT);
}
