/* routine.c: the .routine parser (docs/routines.md). Line-based: each line is a sequence of
 * clauses "keyword args..."; step clauses attach to the step opened last. Pure and bounded:
 * every limit in routine.h is checked, every error is collected with its line and column. */
#include "routine.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- parser state ---- */

typedef enum { TOK_END, TOK_WORD, TOK_STRING, TOK_BAD } TokenType;

typedef struct {
    TokenType type;
    const char *start; /* WORD: the bytes; STRING: decoded text in Parser.text */
    int len;
    int col;
} Token;

typedef struct {
    const char *path;
    RoutineErrors *errs;
    Routine *r;
    int steps_cap;
    int cues_cap; /* capacity of the current step's cue array */
    int line;
    const char *line_start;
    const char *p, *end; /* cursor in the current line */
    char text[ROUTINE_MAX_TEXT_BYTES + 8];
    bool seen_title, seen_level, seen_description, seen_intro, seen_breath, seen_sides_chosen;
    int sides_chosen_line, sides_chosen_col; /* where "sides chosen" is, for messages */
    bool any_side_rel; /* a step says "side away" or "side toward" */
    bool seen_frequency; /* "times-a-day" or "days-a-week" was given */
    bool step_has_hold, step_has_reps, step_has_tempo, step_has_sides, step_has_sets, step_has_pacing;
    bool step_has_name;
    Token reps_count_at; /* where "in all" or "each side" was written, for messages */
    int reps_count_line;
    bool too_many_steps;
    bool skipped_lines;
    const RoutineOwnMove *own; /* own moves offered (routine_parse_with) */
    int own_count;
    int errors_at_open; /* errors found before the current step opened */ /* a line was not parsed (bad bytes, too
                                                                             long): no "missing ..." guesses */
} Parser;

static int utf8_column(const char *line_start, const char *at)
{
    int col = 1;
    for (const char *q = line_start; q < at; q++)
        if (((unsigned char)*q & 0xC0) != 0x80)
            col++;
    return col;
}

static int utf8_sequence(const unsigned char *p, const unsigned char *end);

void routine_text_printable(char *s)
{
    unsigned char *p = (unsigned char *)s, *end = p + strlen(s);
    while (p < end) {
        int n = utf8_sequence(p, end);
        if (n == 0 || *p < 0x20 || *p == 0x7F || (n == 2 && p[0] == 0xC2 && p[1] < 0xA0)) {
            for (int i = 0; i < (n ? n : 1); i++)
                p[i] = '?'; /* a control character (C0, DEL, C1) or a broken sequence */
            p += n ? n : 1;
        } else {
            p += n;
        }
    }
}

void routine_errors_vadd(RoutineErrors *e, const char *path, int line, int col, const char *fmt, va_list ap)
{
    if (e->count >= ROUTINE_MAX_ERRORS) {
        e->truncated = true;
        return;
    }
    RoutineError *it = &e->items[e->count++];
    snprintf(it->path, sizeof it->path, "%s", path);
    it->line = line;
    it->col = col;
    vsnprintf(it->message, sizeof it->message, fmt, ap);
    /* one error is one line, whatever the file held: no raw newline, ESC or C1 control reaches
     * the terminal, and a message cut mid-character is made whole */
    routine_text_printable(it->path);
    routine_text_printable(it->message);
}

void routine_errors_add(RoutineErrors *e, const char *path, int line, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    routine_errors_vadd(e, path, line, col, fmt, ap);
    va_end(ap);
}

static void add_error(Parser *ps, int line, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    routine_errors_vadd(ps->errs, ps->path, line, col, fmt, ap);
    va_end(ap);
}

#define ERR_AT(ps, tok, ...) add_error((ps), (ps)->line, (tok)->col, __VA_ARGS__)

/* Length of a valid UTF-8 sequence at p (1-4), or 0 when invalid. */
static int utf8_sequence(const unsigned char *p, const unsigned char *end)
{
    unsigned c = p[0];
    int n;
    unsigned min;
    if (c < 0x80)
        return 1;
    if ((c & 0xE0) == 0xC0) {
        n = 2;
        min = 0x80;
        c &= 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        n = 3;
        min = 0x800;
        c &= 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        n = 4;
        min = 0x10000;
        c &= 0x07;
    } else
        return 0;
    if (end - p < n)
        return 0;
    for (int i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (p[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    return n;
}

/* ---- tokens ---- */

#define EN_DASH "\xE2\x80\x93"

/* Split a range word "5-10s" or "8–10" at its dash (a hyphen or an en dash, not first).
 * Returns false when there is no dash. */
static bool split_range(const char *s, int len, int *lo_len, const char **hi, int *hi_len)
{
    for (int i = 1; i < len; i++) {
        int dash = s[i] == '-' ? 1 : len - i >= 3 && memcmp(s + i, EN_DASH, 3) == 0 ? 3 : 0;
        if (dash) {
            *lo_len = i;
            *hi = s + i + dash;
            *hi_len = len - i - dash;
            return true;
        }
    }
    return false;
}

static bool is_word_char(char c)
{
    return (unsigned char)c >= 0x80 ||
           /* UTF-8 (checked per line): a word such as 'child_pöse' stays whole */ (c >= 'a' && c <= 'z') ||
           (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '+' || c == '.' || c == '%';
}

static void skip_space(Parser *ps)
{
    while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\t'))
        ps->p++;
    if (ps->p < ps->end && *ps->p == '#')
        ps->p = ps->end;
}

/* Read the next token. Strings are decoded into ps->text. */
static Token next_token(Parser *ps)
{
    Token t = {TOK_END, 0, 0, 0};
    skip_space(ps);
    t.col = utf8_column(ps->line_start, ps->p);
    if (ps->p >= ps->end)
        return t;
    char c = *ps->p;
    if (c == '"') {
        size_t n = 0;
        bool too_long = false;
        ps->p++;
        while (ps->p < ps->end && *ps->p != '"') {
            char ch = *ps->p++;
            if (ch == '\\') {
                if (ps->p >= ps->end)
                    break;
                char esc = *ps->p++;
                switch (esc) {
                case 'n': ch = '\n'; break;
                case 't': ch = '\t'; break;
                case '"': ch = '"'; break;
                case '\\': ch = '\\'; break;
                default:
                    add_error(ps, ps->line, utf8_column(ps->line_start, ps->p - 2),
                              "unknown escape '\\%c' in string (use \\\", \\\\, \\n or \\t)", esc);
                    t.type = TOK_BAD;
                    ps->p = ps->end;
                    return t;
                }
            }
            if (n < ROUTINE_MAX_TEXT_BYTES)
                ps->text[n++] = ch;
            else
                too_long = true;
        }
        if (ps->p >= ps->end) {
            ERR_AT(ps, &t, "unterminated string: expected a closing '\"' before the end of the line");
            t.type = TOK_BAD;
            return t;
        }
        ps->p++; /* closing quote */
        if (too_long) {
            ERR_AT(ps, &t, "string is longer than %d bytes", ROUTINE_MAX_TEXT_BYTES);
            t.type = TOK_BAD;
            return t;
        }
        ps->text[n] = 0;
        t.type = TOK_STRING;
        t.start = ps->text;
        t.len = (int)n;
        return t;
    }
    if (is_word_char(c)) {
        t.start = ps->p;
        /* an en dash inside a word is a range's dash: "8–10", as leaflets print it */
        while (ps->p < ps->end && (is_word_char(*ps->p) || (ps->end - ps->p >= 3 && memcmp(ps->p, EN_DASH, 3) == 0)))
            ps->p += is_word_char(*ps->p) ? 1 : 3;
        t.len = (int)(ps->p - t.start);
        t.type = TOK_WORD;
        return t;
    }
    ERR_AT(ps, &t, "unexpected character '%.*s'",
           utf8_sequence((const unsigned char *)ps->p, (const unsigned char *)ps->end) > 0
               ? utf8_sequence((const unsigned char *)ps->p, (const unsigned char *)ps->end)
               : 1,
           ps->p);
    t.type = TOK_BAD;
    ps->p = ps->end;
    return t;
}

static bool tok_is(const Token *t, const char *word)
{
    return t->type == TOK_WORD && (int)strlen(word) == t->len && memcmp(t->start, word, (size_t)t->len) == 0;
}

/* A short printable form of a token for messages. */
static const char *tok_show(const Token *t, char *buf, size_t size)
{
    if (t->type == TOK_END)
        return "end of line";
    if (t->type == TOK_STRING)
        snprintf(buf, size, "a string");
    else {
        int n = t->len > 40 ? 40 : t->len;
        while (n > 0 && n < t->len && ((unsigned char)t->start[n] & 0xC0) == 0x80)
            n--; /* never cut a character in two */
        snprintf(buf, size, "'%.*s'", n, t->start);
    }
    return buf;
}

/* ---- numbers and durations ---- */

/* Parse a non-negative integer; returns false on anything else or overflow past 1e9. */
static bool parse_int(const char *s, int len, int *out)
{
    if (len <= 0 || len > 9)
        return false;
    int v = 0;
    for (int i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

/* Parse "30s", "1m30s", "1.5s", "20m", "1h", "500ms" into ms. Returns NULL on success, else why. */
static const char *parse_duration(const char *s, int len, int *out_ms)
{
    double total = 0;
    int i = 0, last_rank = 5; /* h 4, m 3, s 2, ms 1 */
    if (len == 0)
        return "expected a duration such as 30s";
    while (i < len) {
        double v = 0;
        int digits = 0, frac_digits = 0;
        double scale = 0.1;
        while (i < len && s[i] >= '0' && s[i] <= '9') {
            v = v * 10 + (s[i++] - '0');
            if (++digits > 7)
                return "number too large";
        }
        if (i < len && s[i] == '.') {
            i++;
            if (i >= len || s[i] < '0' || s[i] > '9')
                return "expected digits after the '.' (e.g. 1.5s)";
            while (i < len && s[i] >= '0' && s[i] <= '9') {
                v += (s[i++] - '0') * scale;
                scale /= 10;
                if (++frac_digits > 3)
                    return "at most three decimals";
            }
        }
        if (digits == 0 && frac_digits == 0)
            return "expected a number";
        double unit;
        if (i + 1 < len && s[i] == 'm' && s[i + 1] == 's') {
            unit = 1;
            i += 2;
        } else if (i < len && s[i] == 'h') {
            unit = 3600000;
            i++;
        } else if (i < len && s[i] == 'm') {
            unit = 60000;
            i++;
        } else if (i < len && s[i] == 's') {
            unit = 1000;
            i++;
        } else if (i == len)
            return "a duration needs a unit: h, m, s or ms (e.g. 30s)";
        else
            return "expected a unit h, m, s or ms";
        int rank = unit == 3600000 ? 4 : unit == 60000 ? 3 : unit == 1000 ? 2 : 1;
        if (rank >= last_rank)
            return "each unit once, largest first (e.g. 1m30s)";
        last_rank = rank;
        total += v * unit;
        if (total > (double)ROUTINE_MAX_DURATION_MS)
            return "longer than the 1h limit";
    }
    *out_ms = (int)(total + 0.5);
    return NULL;
}

/* Read a duration token; reports and returns false on error. */
static bool expect_duration(Parser *ps, const char *what, int min_ms, int *out_ms)
{
    Token t = next_token(ps);
    char b[64];
    if (t.type != TOK_WORD) {
        if (t.type != TOK_BAD)
            ERR_AT(ps, &t, "expected a duration after '%s' (e.g. 30s), found %s", what, tok_show(&t, b, sizeof b));
        return false;
    }
    const char *why = parse_duration(t.start, t.len, out_ms);
    if (why) {
        ERR_AT(ps, &t, "bad duration '%.*s' after '%s': %s", t.len > 40 ? 40 : t.len, t.start, what, why);
        return false;
    }
    if (*out_ms < min_ms) {
        char d[32];
        routine_format_duration(min_ms, d, sizeof d);
        ERR_AT(ps, &t, "'%s' must be at least %s", what, d);
        return false;
    }
    return true;
}

static bool expect_int(Parser *ps, const char *what, int min, int max, int *out)
{
    Token t = next_token(ps);
    char b[64];
    if (t.type != TOK_WORD || !parse_int(t.start, t.len, out)) {
        if (t.type != TOK_BAD)
            ERR_AT(ps, &t, "expected a whole number after '%s', found %s", what, tok_show(&t, b, sizeof b));
        return false;
    }
    if (*out < min || *out > max) {
        ERR_AT(ps, &t, "'%s' must be between %d and %d, found %d", what, min, max, *out);
        return false;
    }
    return true;
}

static char *dup_text(const char *s, int len)
{
    char *d = malloc((size_t)len + 1);
    if (d) {
        memcpy(d, s, (size_t)len);
        d[len] = 0;
    }
    return d;
}

/* True when s shows nothing: only spaces, tabs, newlines and invisible characters (no-break and
 * other Unicode spaces, zero-width spaces and joiners, word joiner, byte order mark). */
static bool text_is_blank(const char *s, int len)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    while (p < end) {
        int n = utf8_sequence(p, end);
        if (n == 0)
            return false;
        unsigned c = n == 1   ? p[0]
                     : n == 2 ? ((p[0] & 0x1Fu) << 6) | (p[1] & 0x3Fu)
                     : n == 3 ? ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu)
                              : 0x10000;
        bool blank = c == ' ' || c == '\t' || c == '\n' || c == 0xA0 || c == 0x1680 || c == 0x180E ||
                     (c >= 0x2000 && c <= 0x200F) || (c >= 0x2028 && c <= 0x202F) || (c >= 0x205F && c <= 0x2064) ||
                     c == 0x3000 || c == 0xFEFF;
        if (!blank)
            return false;
        p += n;
    }
    return true;
}

static bool expect_string(Parser *ps, const char *what, char **out)
{
    Token t = next_token(ps);
    char b[64];
    if (t.type != TOK_STRING) {
        if (t.type != TOK_BAD)
            ERR_AT(ps, &t, "expected a quoted string after '%s', found %s", what, tok_show(&t, b, sizeof b));
        return false;
    }
    if (t.len == 0 || text_is_blank(t.start, t.len)) {
        ERR_AT(ps, &t, "the text after '%s' is %s", what,
               t.len == 0 ? "empty" : "blank (only spaces or invisible characters)");
        return false;
    }
    free(*out);
    *out = dup_text(t.start, t.len);
    return *out != NULL;
}

/* ---- steps ---- */

static RoutineStep *current_step(Parser *ps)
{
    return ps->r->step_count > 0 && !ps->too_many_steps ? &ps->r->steps[ps->r->step_count - 1] : NULL;
}

static RoutineStep *open_step(Parser *ps, StepKind kind, const Token *at)
{
    Routine *r = ps->r;
    if (r->step_count >= ROUTINE_MAX_STEPS) {
        if (!ps->too_many_steps)
            ERR_AT(ps, at, "too many steps: the limit is %d", ROUTINE_MAX_STEPS);
        ps->too_many_steps = true;
        return NULL;
    }
    if (r->step_count == ps->steps_cap) {
        int cap = ps->steps_cap ? ps->steps_cap * 2 : 16;
        RoutineStep *n = realloc(r->steps, sizeof *n * (size_t)cap);
        if (!n)
            return NULL;
        r->steps = n;
        ps->steps_cap = cap;
    }
    RoutineStep *s = &r->steps[r->step_count++];
    memset(s, 0, sizeof *s);
    s->kind = kind;
    s->mode = routine_step_mode(s); /* final once the step's clauses are read (close_step) */
    s->line = ps->line;
    s->move = MOVE_REST;
    s->position = POSITION_NONE;
    s->sets = 1;
    ps->cues_cap = 0;
    ps->step_has_hold = ps->step_has_reps = ps->step_has_tempo = false;
    ps->step_has_sides = ps->step_has_sets = ps->step_has_pacing = ps->step_has_name = false;
    ps->reps_count_at.type = TOK_END;
    ps->errors_at_open = ps->errs->count;
    return s;
}

static const char *step_word(const RoutineStep *s)
{
    return s->kind == STEP_MOVE ? "move" : s->kind == STEP_REST ? "rest" : "timer";
}

/* Parse "say ANCHOR \"text\"". */
static void parse_say(Parser *ps, RoutineStep *s, const Token *kw)
{
    Token a = next_token(ps);
    char b[64];
    RoutineCue cue = {CUE_START, 0, NULL, ps->line, 1, false};
    if (a.type != TOK_WORD) {
        if (a.type != TOK_BAD)
            ERR_AT(ps, &a, "expected when to say it (start, end, end-10s, start+5s, half, each-rep), found %s",
                   tok_show(&a, b, sizeof b));
        ps->p = ps->end;
        return;
    }
    if (tok_is(&a, "once")) {
        cue.once = true;
        a = next_token(ps);
        if (a.type != TOK_WORD) {
            if (a.type != TOK_BAD)
                ERR_AT(ps, &a, "expected when to say it after 'once' (start, end, half...), found %s",
                       tok_show(&a, b, sizeof b));
            ps->p = ps->end;
            return;
        }
    }
    const char *w = a.start;
    int n = a.len;
    cue.col = a.col;
    const char *why = NULL;
    if (tok_is(&a, "start"))
        cue.anchor = CUE_START;
    else if (tok_is(&a, "end"))
        cue.anchor = CUE_END;
    else if (tok_is(&a, "half"))
        cue.anchor = CUE_HALF;
    else if (tok_is(&a, "each-rep"))
        cue.anchor = CUE_EACH_REP;
    else if (n > 6 && memcmp(w, "start+", 6) == 0)
        why = parse_duration(w + 6, n - 6, &cue.offset_ms);
    else if (n > 4 && memcmp(w, "end-", 4) == 0) {
        cue.anchor = CUE_END;
        why = parse_duration(w + 4, n - 4, &cue.offset_ms);
    } else if (n > 1 && w[0] == '+')
        why = parse_duration(w + 1, n - 1, &cue.offset_ms);
    else if (w[0] >= '0' && w[0] <= '9')
        why = parse_duration(w, n, &cue.offset_ms);
    else
        why = "expected start, end, end-10s, start+5s, half or each-rep";
    if (why) {
        ERR_AT(ps, &a, "bad cue time '%.*s': %s", n > 40 ? 40 : n, w, why);
        ps->p = ps->end;
        return;
    }
    if (cue.anchor == CUE_EACH_REP && s->kind != STEP_MOVE) {
        ERR_AT(ps, &a, "'each-rep' needs a move with reps, not a %s", step_word(s));
        ps->p = ps->end;
        return;
    }
    char *text = NULL;
    if (!expect_string(ps, "say", &text)) {
        ps->p = ps->end;
        return;
    }
    if (s->cue_count >= ROUTINE_MAX_CUES) {
        ERR_AT(ps, kw, "too many say lines in one step: the limit is %d", ROUTINE_MAX_CUES);
        free(text);
        return;
    }
    if (s->cue_count == ps->cues_cap) {
        int cap = ps->cues_cap ? ps->cues_cap * 2 : 4;
        RoutineCue *nc = realloc(s->cues, sizeof *nc * (size_t)cap);
        if (!nc) {
            free(text);
            return;
        }
        s->cues = nc;
        ps->cues_cap = cap;
    }
    cue.text = text;
    s->cues[s->cue_count++] = cue;
}

/* Parse a duration range "30s", "5-10s", "5s-10s" or "1m–2m" (the low end takes the high end's
 * unit when it has none) into lo and hi. Reports and returns false on error. */
static bool parse_duration_range(Parser *ps, const Token *t, const char *what, int *lo, int *hi)
{
    char b[64];
    const char *hs;
    int ll, hl;
    if (t->type != TOK_WORD) {
        if (t->type != TOK_BAD)
            ERR_AT(ps, t, "expected a duration after '%s' (e.g. 30s, 5-10s, up to 10s, open), found %s", what,
                   tok_show(t, b, sizeof b));
        return false;
    }
    const char *why = NULL;
    if (t->start[0] >= '0' && t->start[0] <= '9' && split_range(t->start, t->len, &ll, &hs, &hl)) {
        char low[48];
        int unit = hl;
        while (unit > 0 && !((hs[unit - 1] >= '0' && hs[unit - 1] <= '9') || hs[unit - 1] == '.'))
            unit--;
        bool low_has_unit = !(t->start[ll - 1] >= '0' && t->start[ll - 1] <= '9') && t->start[ll - 1] != '.';
        int n =
            snprintf(low, sizeof low, "%.*s%.*s", ll > 20 ? 20 : ll, t->start, low_has_unit ? 0 : hl - unit, hs + unit);
        why = parse_duration(low, n, lo);
        if (!why)
            why = parse_duration(hs, hl, hi);
        if (!why && *hi < *lo)
            why = "a range goes from low to high (e.g. 5-10s)";
    } else {
        why = parse_duration(t->start, t->len, lo);
        *hi = *lo;
    }
    if (why) {
        ERR_AT(ps, t, "bad duration '%.*s' after '%s': %s", t->len > 40 ? 40 : t->len, t->start, what, why);
        return false;
    }
    if (*lo < 1000) {
        ERR_AT(ps, t, "'%s' must be at least 1s", what);
        return false;
    }
    return true;
}

/* "hold 30s", "hold 5-10s", "hold 3 breaths", "hold 3-5 breaths", "hold up to 10s", "hold open". */
static bool parse_hold(Parser *ps, RoutineStep *s)
{
    const char *save = ps->p;
    Token t = next_token(ps);
    if (tok_is(&t, "open")) {
        s->hold_open = true;
        s->hold_ms = s->hold_max_ms = ROUTINE_OPEN_HOLD_MS;
        return true;
    }
    if (tok_is(&t, "up")) {
        Token to = next_token(ps);
        char b[64];
        if (!tok_is(&to, "to")) {
            if (to.type != TOK_BAD)
                ERR_AT(ps, &to, "expected 'to' in 'hold up to 10s', found %s", tok_show(&to, b, sizeof b));
            return false;
        }
        Token d = next_token(ps);
        if (!parse_duration_range(ps, &d, "hold up to", &s->hold_ms, &s->hold_max_ms))
            return false;
        if (s->hold_max_ms != s->hold_ms) {
            ERR_AT(ps, &d, "'hold up to' takes one duration, the most to hold (e.g. hold up to 10s)");
            return false;
        }
        s->hold_up_to = true;
        return true;
    }
    Token unit = next_token(ps);
    if (t.type == TOK_WORD && (tok_is(&unit, "breaths") || tok_is(&unit, "breath"))) {
        const char *hs;
        int ll, hl, lo, hi;
        bool range = split_range(t.start, t.len, &ll, &hs, &hl);
        if (range ? !parse_int(t.start, ll, &lo) || !parse_int(hs, hl, &hi) : !parse_int(t.start, t.len, &lo)) {
            ERR_AT(ps, &t, "expected a number of breaths (3) or a range (3-5) after 'hold'");
            return false;
        }
        if (!range)
            hi = lo;
        if (lo < 1 || hi > ROUTINE_MAX_BREATHS || hi < lo) {
            ERR_AT(ps, &t, "'hold' must be between 1 and %d breaths, low to high, found %.*s", ROUTINE_MAX_BREATHS,
                   t.len > 20 ? 20 : t.len, t.start);
            return false;
        }
        s->hold_breaths = lo;
        s->hold_breaths_max = hi;
        s->hold_ms = lo * ROUTINE_BREATH_MS; /* set again with the routine's breath length at close_step */
        s->hold_max_ms = hi * ROUTINE_BREATH_MS;
        return true;
    }
    ps->p = save;
    t = next_token(ps);
    return parse_duration_range(ps, &t, "hold", &s->hold_ms, &s->hold_max_ms);
}

/* ---- doses that grow: "building to 30 by 2 every 3 workouts" ---- */

/* Read one number of reps (hold false) or one duration (hold true) after what into *out. */
static bool build_value(Parser *ps, bool hold, const char *what, int *out)
{
    if (hold)
        return expect_duration(ps, what, 1000, out);
    return expect_int(ps, what, 1, ROUTINE_MAX_REPS, out);
}

/* Expect the word want (e.g. "to"); reports "expected 'to' in EXAMPLE" when it is not there. */
static bool build_word(Parser *ps, const char *want, const char *alt, bool hold)
{
    Token t = next_token(ps);
    if (tok_is(&t, want) || (alt && tok_is(&t, alt)))
        return true;
    char b[64];
    if (t.type != TOK_BAD)
        ERR_AT(ps, &t, "expected '%s' in a dose that builds (e.g. %s), found %s", want,
               hold ? "hold 10s building to 30s by 5s every 2 workouts" : "reps 5 building to 30 by 2 every 3 workouts",
               tok_show(&t, b, sizeof b));
    return false;
}

/* After "reps 5" or "hold 10s": an optional "building to CEILING by STEP every N workouts".
 * start is the dose just read; ranged says it was a range (which cannot build). */
static bool parse_building(Parser *ps, RoutineStep *s, bool hold, bool ranged)
{
    const char *save = ps->p;
    Token kw = next_token(ps);
    if (!tok_is(&kw, "building")) {
        ps->p = save;
        return true;
    }
    RoutineBuild b = {hold ? s->hold_ms : s->reps, 0, 0, 0};
    if (ranged) {
        ERR_AT(ps, &kw, "a dose that builds starts from one number, not a range (e.g. %s)",
               hold ? "hold 10s building to 30s by 5s every 2 workouts"
                    : "reps 5 building to 30 by 2 every 3 workouts");
        return false;
    }
    if (hold && (s->hold_breaths > 0 || s->hold_open || s->hold_up_to)) {
        ERR_AT(ps, &kw, "only a hold in seconds can build (e.g. hold 10s building to 30s by 5s every 2 workouts)");
        return false;
    }
    if (!build_word(ps, "to", NULL, hold))
        return false;
    const char *at = ps->p;
    skip_space(ps);
    int col = utf8_column(ps->line_start, ps->p);
    ps->p = at;
    if (!build_value(ps, hold, "building to", &b.ceiling))
        return false;
    if (b.ceiling <= b.start) {
        add_error(ps, ps->line, col, "'building to' must be above the start (%s)", hold ? "the hold" : "the reps");
        return false;
    }
    if (!build_word(ps, "by", NULL, hold) || !build_value(ps, hold, "by", &b.by))
        return false;
    if (!build_word(ps, "every", NULL, hold) || !expect_int(ps, "every", 1, ROUTINE_MAX_BUILD_EVERY, &b.every))
        return false;
    if (!build_word(ps, "workouts", "workout", hold))
        return false;
    if (hold)
        s->build_hold = b;
    else
        s->build_reps = b;
    return true;
}

/* Parse one step clause starting with keyword kw. Returns false when kw is not a step clause. */
static bool parse_step_clause(Parser *ps, const Token *kw)
{
    RoutineStep *s = current_step(ps);
    bool known = tok_is(kw, "hold") || tok_is(kw, "reps") || tok_is(kw, "tempo") || tok_is(kw, "sides") ||
                 tok_is(kw, "sets") || tok_is(kw, "pacing") || tok_is(kw, "confirm-hold") ||
                 tok_is(kw, "count-aloud") || tok_is(kw, "say") || tok_is(kw, "name") || tok_is(kw, "phase") ||
                 tok_is(kw, "side");
    if (!known)
        return false;
    if (!s) {
        if (!ps->too_many_steps)
            ERR_AT(ps, kw, "'%.*s' must follow a move, rest or timer step", kw->len, kw->start);
        ps->p = ps->end;
        return true;
    }
    if (tok_is(kw, "say")) {
        parse_say(ps, s, kw);
        return true;
    }
    if (tok_is(kw, "name")) {
        if (ps->step_has_name)
            ERR_AT(ps, kw, "'name' given twice in one step");
        ps->step_has_name = true;
        const char *save = ps->p;
        Token t = next_token(ps);
        ps->p = save;
        if (!expect_string(ps, "name", &s->name))
            ps->p = ps->end;
        else if (strlen(s->name) > ROUTINE_MAX_NAME_BYTES || strchr(s->name, '\n')) {
            ERR_AT(ps, &t, "a step's name is a heading: one line of at most %d bytes", ROUTINE_MAX_NAME_BYTES);
            ps->p = ps->end;
        }
        return true;
    }
    if (s->kind != STEP_MOVE) {
        ERR_AT(ps, kw, "'%.*s' belongs to a move, not to a %s step", kw->len, kw->start, step_word(s));
        ps->p = ps->end;
        return true;
    }
    bool ok = true;
    if (tok_is(kw, "side")) {
        /* side away / side toward: one side, the one the workout is told hurts or the other */
        Token t = next_token(ps);
        char b[64];
        if (ps->step_has_sides)
            ERR_AT(ps, kw, "'sides' or 'side' given twice in one step");
        ps->step_has_sides = true;
        if (tok_is(&t, "away") || tok_is(&t, "toward") || tok_is(&t, "towards")) {
            s->side_rel = tok_is(&t, "away") ? SIDE_REL_AWAY : SIDE_REL_TOWARD;
            s->sides = SIDES_LEFT; /* until the workout is told which side hurts */
            ps->any_side_rel = true;
            if (!ps->r->sides_chosen)
                ERR_AT(ps, kw,
                       "'side %.*s' needs 'sides chosen' at the top of the file (the workout then asks which "
                       "side hurts)",
                       t.len, t.start);
        } else {
            if (t.type != TOK_BAD)
                ERR_AT(ps, &t, "expected away or toward after 'side' (the side that hurts), found %s",
                       tok_show(&t, b, sizeof b));
            ok = false;
        }
    } else if (tok_is(kw, "phase")) {
        /* phase "Flatten your back" 5s: one named, held part of every rep */
        char *text = NULL;
        const char *save = ps->p;
        Token t = next_token(ps);
        ps->p = save;
        if (!expect_string(ps, "phase", &text)) {
            ok = false;
        } else if (strlen(text) > ROUTINE_MAX_NAME_BYTES || strchr(text, '\n')) {
            ERR_AT(ps, &t, "a phase's words are a caption: one line of at most %d bytes", ROUTINE_MAX_NAME_BYTES);
            ok = false;
        } else if (s->phase_count >= ROUTINE_MAX_PHASES) {
            ERR_AT(ps, kw, "too many phases in one step: the limit is %d", ROUTINE_MAX_PHASES);
            ok = false;
        }
        int ms = 0;
        if (ok)
            ok = expect_duration(ps, "phase", 1000, &ms);
        if (ok && ms > ROUTINE_MAX_PHASE_MS) {
            ERR_AT(ps, kw, "a phase lasts at most 1m (a longer one is a hold of its own)");
            ok = false;
        }
        if (ok) {
            RoutinePhase *ph = &s->phases[s->phase_count++];
            ph->text = text;
            ph->ms = ms;
            ph->line = ps->line;
            ph->col = kw->col;
        } else {
            free(text);
        }
    } else if (tok_is(kw, "hold")) {
        if (ps->step_has_hold)
            ERR_AT(ps, kw, "'hold' given twice in one step");
        ps->step_has_hold = true;
        ok = parse_hold(ps, s);
        if (ok)
            ok = parse_building(ps, s, true, s->hold_max_ms > s->hold_ms);
    } else if (tok_is(kw, "reps")) {
        if (ps->step_has_reps)
            ERR_AT(ps, kw, "'reps' given twice in one step");
        ps->step_has_reps = true;
        Token t = next_token(ps);
        char b[64];
        const char *hs;
        int lo, hi, ll, hl;
        if (t.type == TOK_WORD && split_range(t.start, t.len, &ll, &hs, &hl) && parse_int(t.start, ll, &lo) &&
            parse_int(hs, hl, &hi)) {
            if (lo < 1 || hi > ROUTINE_MAX_REPS || hi < lo) {
                ERR_AT(ps, &t, "'reps' range must be low-high within 1 to %d, found %.*s", ROUTINE_MAX_REPS, t.len,
                       t.start);
                ok = false;
            } else {
                s->reps = lo;
                s->reps_max = hi;
            }
        } else if (t.type == TOK_WORD && parse_int(t.start, t.len, &lo)) {
            if (lo < 1 || lo > ROUTINE_MAX_REPS) {
                ERR_AT(ps, &t, "'reps' must be between 1 and %d, found %d", ROUTINE_MAX_REPS, lo);
                ok = false;
            } else {
                s->reps = s->reps_max = lo;
            }
        } else {
            if (t.type != TOK_BAD)
                ERR_AT(ps, &t, "expected a number of reps (8) or a range (8-10) after 'reps', found %s",
                       tok_show(&t, b, sizeof b));
            ok = false;
        }
        if (ok)
            ok = parse_building(ps, s, false, s->reps_max > s->reps);
        /* "reps 8 each side" (the default on a sided step) or "reps 8 in all" */
        const char *save = ps->p;
        Token w = next_token(ps);
        if (ok && (tok_is(&w, "each") || tok_is(&w, "per") || tok_is(&w, "in"))) {
            Token w2 = next_token(ps);
            bool in_all = tok_is(&w, "in");
            if (in_all ? !tok_is(&w2, "all") : !tok_is(&w2, "side")) {
                if (w2.type != TOK_BAD)
                    ERR_AT(ps, &w2, "expected '%.*s %s' after the reps (e.g. reps 8 %s), found %s", w.len, w.start,
                           in_all ? "all" : "side", in_all ? "in all" : "each side", tok_show(&w2, b, sizeof b));
                ok = false;
            } else {
                s->reps_count = in_all ? REPS_IN_ALL : REPS_EACH_SIDE;
                ps->reps_count_at = w;
                ps->reps_count_line = ps->line;
            }
        } else {
            ps->p = save;
        }
    } else if (tok_is(kw, "tempo")) {
        if (ps->step_has_tempo)
            ERR_AT(ps, kw, "'tempo' given twice in one step");
        ps->step_has_tempo = true;
        ok = expect_duration(ps, "tempo", 1000, &s->tempo_ms);
    } else if (tok_is(kw, "sides")) {
        if (ps->step_has_sides)
            ERR_AT(ps, kw, "'sides' given twice in one step");
        ps->step_has_sides = true;
        Token t = next_token(ps);
        char b[64];
        if (tok_is(&t, "both") || tok_is(&t, "each"))
            s->sides = SIDES_BOTH;
        else if (tok_is(&t, "left"))
            s->sides = SIDES_LEFT;
        else if (tok_is(&t, "right"))
            s->sides = SIDES_RIGHT;
        else if (tok_is(&t, "none"))
            s->sides = SIDES_NONE;
        else if (tok_is(&t, "alternate") || tok_is(&t, "alternating"))
            s->sides = SIDES_ALTERNATE;
        else if (tok_is(&t, "chosen")) {
            ERR_AT(ps, &t, "'sides chosen' belongs at the top of the file; a step says 'side away' or 'side toward'");
            ok = false;
        } else {
            if (t.type != TOK_BAD)
                ERR_AT(ps, &t, "expected both, each, alternate, left, right or none after 'sides', found %s",
                       tok_show(&t, b, sizeof b));
            ok = false;
        }
    } else if (tok_is(kw, "sets")) {
        if (ps->step_has_sets)
            ERR_AT(ps, kw, "'sets' given twice in one step");
        ps->step_has_sets = true;
        ok = expect_int(ps, "sets", 1, ROUTINE_MAX_SETS, &s->sets);
        if (ok) {
            const char *save = ps->p;
            Token t = next_token(ps);
            if (tok_is(&t, "rest"))
                ok = expect_duration(ps, "rest", 1000, &s->set_rest_ms);
            else
                ps->p = save;
        }
        if (ok && s->sets > 1 && s->set_rest_ms == 0)
            s->set_rest_ms = 30000;
    } else if (tok_is(kw, "pacing")) {
        if (ps->step_has_pacing)
            ERR_AT(ps, kw, "'pacing' given twice in one step");
        ps->step_has_pacing = true;
        Token t = next_token(ps);
        char b[64];
        if (tok_is(&t, "guided"))
            s->pacing = PACING_GUIDED;
        else if (tok_is(&t, "self"))
            s->pacing = PACING_SELF;
        else {
            if (t.type != TOK_BAD)
                ERR_AT(ps, &t, "expected guided or self after 'pacing', found %s", tok_show(&t, b, sizeof b));
            ok = false;
        }
    } else if (tok_is(kw, "confirm-hold")) {
        s->confirm_hold = true;
    } else if (tok_is(kw, "count-aloud")) {
        s->count_aloud = true;
    }
    if (!ok)
        ps->p = ps->end;
    return true;
}

/* Check a finished step and fill defaults. */
static void close_step(Parser *ps)
{
    RoutineStep *s = current_step(ps);
    if (!s)
        return;
    int save_line = ps->line;
    ps->line = s->line;
    Token at = {TOK_WORD, 0, 0, 1};
    if (s->kind == STEP_MOVE) {
        const MoveInfo *mi = routine_move_info(ps->r, s->move);
        if (s->move >= MOVE_COUNT && !s->name)
            s->name = dup_text(mi->name, (int)strlen(mi->name)); /* an own move is announced by its name */
        /* only when the step's own lines were clean: one mistake should give one message */
        bool clean = ps->errs->count == ps->errors_at_open;
        if (clean && !ps->step_has_reps && !ps->step_has_hold)
            ERR_AT(ps, &at, "move %s needs 'hold' (e.g. hold 30s) or 'reps' (e.g. reps 8 tempo 4s)", mi->id);
        if (!ps->step_has_reps && ps->step_has_tempo)
            ERR_AT(ps, &at, "move %s has 'tempo' but no 'reps'", mi->id);
        if (!ps->step_has_reps && s->pacing == PACING_SELF)
            ERR_AT(ps, &at, "move %s has 'pacing self' but no 'reps'", mi->id);
        if (s->reps > 0 && s->confirm_hold)
            ERR_AT(ps, &at, "move %s has 'confirm-hold' with 'reps': confirmed holds are for held steps", mi->id);
        if ((s->hold_open || s->hold_up_to) && s->reps > 0)
            ERR_AT(ps, &at, "move %s has 'hold %s' with 'reps': a hold ended by a press is for held steps", mi->id,
                   s->hold_open ? "open" : "up to");
        if ((s->hold_open || s->hold_up_to) && s->confirm_hold)
            ERR_AT(ps, &at, "move %s has 'hold %s' with 'confirm-hold': use one or the other", mi->id,
                   s->hold_open ? "open" : "up to");
        if (s->phase_count > 0) {
            /* a rep made of phases: its length is theirs, its figure follows them */
            const RoutinePhase *p0 = &s->phases[0];
            if (s->phase_count < 2)
                add_error(ps, p0->line, p0->col,
                          "a rep of phases needs two or more (e.g. phase \"Arch\" 5s, phase \"Flatten\" 5s)");
            if (!ps->step_has_reps)
                add_error(ps, p0->line, p0->col, "phases make up a rep: give 'reps' too (e.g. reps 10)");
            if (ps->step_has_hold || ps->step_has_tempo)
                add_error(ps, p0->line, p0->col, "phases give the rep its times: remove '%s'",
                          ps->step_has_hold ? "hold" : "tempo");
            if (s->pacing == PACING_SELF)
                add_error(ps, p0->line, p0->col, "phases are led by the clock: remove 'pacing self'");
            int sum = 0;
            for (int i = 0; i < s->phase_count; i++)
                sum += s->phases[i].ms;
            s->tempo_ms = sum;
            s->hold_ms = s->hold_max_ms = 0;
        }
        if (s->reps > 0 && s->tempo_ms == 0)
            s->tempo_ms = mi->default_tempo_ms;
        if (!ps->step_has_sides &&
            (mi->sided || (ps->reps_count_at.type == TOK_WORD && s->reps_count == REPS_EACH_SIDE)))
            s->sides = SIDES_BOTH; /* "reps 5 each side" says the step is sided */
        if (s->reps_count == REPS_IN_ALL && s->sides != SIDES_BOTH && s->sides != SIDES_ALTERNATE)
            add_error(ps, ps->reps_count_line, ps->reps_count_at.col,
                      "'in all' needs 'sides both' or 'sides alternate'");
        if (s->hold_breaths > 0) {
            s->hold_ms = s->hold_breaths * ps->r->breath_ms;
            s->hold_max_ms = s->hold_breaths_max * ps->r->breath_ms;
        }
    }
    if (s->hold_max_ms < s->hold_ms)
        s->hold_max_ms = s->hold_ms;
    /* a timer is called by what it is for: its name, else its text; with neither, by its length */
    if (s->kind == STEP_TIMER && !s->name && !s->text) {
        char what[48];
        if (s->duration_ms % 60000 == 0)
            snprintf(what, sizeof what, "%d-minute timer", s->duration_ms / 60000);
        else
            snprintf(what, sizeof what, "%d-second timer", s->duration_ms / 1000);
        s->name = dup_text(what, (int)strlen(what));
    }
    /* what "get ready" says: a named step is announced by its own name */
    char ready[ROUTINE_MAX_NAME_BYTES + 32];
    if (s->kind == STEP_MOVE || s->name)
        snprintf(ready, sizeof ready, "%s%s%s", ROUTINE_READY_NEXT_PREFIX, routine_step_name(s),
                 ROUTINE_READY_NEXT_SUFFIX);
    else
        snprintf(ready, sizeof ready, "%s", ROUTINE_READY_TEXT);
    free(s->ready_text);
    s->ready_text = dup_text(ready, (int)strlen(ready));
    s->mode = routine_step_mode(s);
    int run = routine_step_run_ms(s);
    for (int i = 0; i < s->cue_count; i++) {
        RoutineCue *c = &s->cues[i];
        Token ct = {TOK_WORD, 0, 0, c->col};
        ps->line = c->line;
        if (c->anchor == CUE_EACH_REP && s->reps == 0)
            ERR_AT(ps, &ct, "'say each-rep' needs 'reps' in the step");
        else if (s->pacing == PACING_SELF && c->anchor == CUE_END && c->offset_ms > 0)
            ERR_AT(ps, &ct, "with 'pacing self' the end is not known in advance: use 'say end', 'half' or 'each-rep'");
        else if ((c->anchor == CUE_START || c->anchor == CUE_END) && c->offset_ms > run) {
            char d[32], r[32];
            routine_format_duration(c->offset_ms, d, sizeof d);
            routine_format_duration(run, r, sizeof r);
            ERR_AT(ps, &ct, "cue at %s%s falls outside the step, which lasts %s",
                   c->anchor == CUE_END ? "end-" : "start+", d, r);
        }
    }
    ps->line = save_line;
}

/* ---- top level ---- */

static bool is_frequency_word(const Token *t)
{
    return tok_is(t, "times-a-day") || tok_is(t, "days-a-week");
}

/* "times-a-day 3", "times-a-day 6-8", "days-a-week 5": how often the routine is prescribed. */
static void parse_frequency(Parser *ps, const Token *kw)
{
    bool per_day = tok_is(kw, "times-a-day");
    const char *what = per_day ? "times-a-day" : "days-a-week";
    int max = per_day ? ROUTINE_MAX_TIMES_A_DAY : 7;
    if (ps->r->step_count > 0)
        ERR_AT(ps, kw, "'%s' belongs at the top of the file, before the first step", what);
    else if (ps->seen_frequency)
        ERR_AT(ps, kw, "a routine has one frequency: 'times-a-day' or 'days-a-week', given once");
    bool first = !ps->seen_frequency && ps->r->step_count == 0;
    ps->seen_frequency = true;
    Token t = next_token(ps);
    char b[64];
    const char *hs;
    int ll, hl, lo = 0, hi = 0;
    bool range = t.type == TOK_WORD && split_range(t.start, t.len, &ll, &hs, &hl);
    bool number = t.type == TOK_WORD &&
                  (range ? parse_int(t.start, ll, &lo) && parse_int(hs, hl, &hi) : parse_int(t.start, t.len, &lo));
    if (!number) {
        if (t.type != TOK_BAD)
            ERR_AT(ps, &t, "expected a number after '%s' (e.g. %s %s), found %s", what, what, per_day ? "3" : "5",
                   tok_show(&t, b, sizeof b));
        ps->p = ps->end;
        return;
    }
    if (!range)
        hi = lo;
    if (lo < 1 || hi > max || hi < lo) {
        ERR_AT(ps, &t, "'%s' must be between 1 and %d%s, found %.*s", what, max, range ? ", low to high" : "",
               t.len > 20 ? 20 : t.len, t.start);
        ps->p = ps->end;
        return;
    }
    if (!first)
        return;
    if (per_day) {
        ps->r->times_a_day = lo;
        ps->r->times_a_day_max = hi;
    } else {
        ps->r->days_a_week = lo;
        ps->r->days_a_week_max = hi;
    }
}

/* `move NAME` where NAME is one of the own moves offered: sets *m to its id in the routine (copying
 * it in at its first use) and clears *unknown, or reports why it cannot be used. Returns false when
 * no own move of that name is offered. */
static bool own_move_name(Parser *ps, const Token *name, MoveId *m, bool *unknown)
{
    const RoutineOwnMove *o = NULL;
    for (int i = 0; i < ps->own_count && !o; i++)
        if ((int)strlen(ps->own[i].info.id) == name->len &&
            memcmp(ps->own[i].info.id, name->start, (size_t)name->len) == 0)
            o = &ps->own[i];
    if (!o)
        return false;
    char b[64];
    if (!*unknown || *m != MOVE_NONE) {
        /* both: which one is meant is not clear, so neither is guessed */
        ERR_AT(ps, name,
               "move %s is built in, and %s is also a pose file of that name: rename the file (e.g. my_%.*s.pose)",
               tok_show(name, b, sizeof b), o->path, name->len > 20 ? 20 : name->len, name->start);
        *unknown = true;
        *m = MOVE_NONE;
        return true;
    }
    Routine *r = ps->r;
    int k = 0;
    while (k < r->own_move_count && strcmp(r->own_moves[k].info.id, o->info.id) != 0)
        k++;
    if (k == ROUTINE_MAX_OWN_MOVES) {
        ERR_AT(ps, name, "too many own moves: a routine may name at most %d", ROUTINE_MAX_OWN_MOVES);
        return true;
    }
    if (k == r->own_move_count) {
        RoutineOwnMove *c = &r->own_moves[k];
        *c = *o;
        c->info.id = dup_text(o->info.id, (int)strlen(o->info.id));
        c->info.name = dup_text(o->info.name, (int)strlen(o->info.name));
        c->path = dup_text(o->path, (int)strlen(o->path));
        r->own_move_count++;
        if (!c->info.id || !c->info.name || !c->path) {
            ERR_AT(ps, name, "out of memory");
            return true;
        }
    }
    *m = ROUTINE_OWN_MOVE(k);
    *unknown = false;
    return true;
}

static void parse_line(Parser *ps)
{
    Token kw = next_token(ps);
    char b[64];
    bool first = true;
    while (kw.type != TOK_END) {
        if (kw.type == TOK_BAD)
            return;
        if (kw.type != TOK_WORD) {
            ERR_AT(ps, &kw, "expected a keyword, found %s", tok_show(&kw, b, sizeof b));
            return;
        }
        if (first && (tok_is(&kw, "title") || tok_is(&kw, "description") || tok_is(&kw, "intro"))) {
            bool *seen = tok_is(&kw, "title")   ? &ps->seen_title
                         : tok_is(&kw, "intro") ? &ps->seen_intro
                                                : &ps->seen_description;
            char **dst = tok_is(&kw, "title")   ? &ps->r->title
                         : tok_is(&kw, "intro") ? &ps->r->intro
                                                : &ps->r->description;
            if (ps->r->step_count > 0)
                ERR_AT(ps, &kw, "'%.*s' belongs at the top of the file, before the first step", kw.len, kw.start);
            else if (*seen)
                ERR_AT(ps, &kw, "'%.*s' given twice", kw.len, kw.start);
            *seen = true;
            const char *name = tok_is(&kw, "title") ? "title" : tok_is(&kw, "intro") ? "intro" : "description";
            if (!expect_string(ps, name, dst))
                return;
        } else if (first && tok_is(&kw, "sides") && ps->r->step_count == 0) {
            /* "sides chosen": ask which side hurts before the first step */
            Token t = next_token(ps);
            if (!tok_is(&t, "chosen")) {
                if (t.type != TOK_BAD)
                    ERR_AT(ps, &t,
                           "at the top of the file 'sides' is 'sides chosen' (ask which side hurts); 'sides "
                           "%s' belongs to a step",
                           tok_show(&t, b, sizeof b));
                return;
            }
            if (ps->seen_sides_chosen)
                ERR_AT(ps, &kw, "'sides chosen' given twice");
            ps->seen_sides_chosen = true;
            ps->r->sides_chosen = true;
            ps->sides_chosen_line = ps->line;
            ps->sides_chosen_col = kw.col;
        } else if (first && tok_is(&kw, "stop-if")) {
            if (ps->r->step_count > 0)
                ERR_AT(ps, &kw, "'stop-if' belongs at the top of the file, before the first step");
            else if (ps->r->stop_if_count >= ROUTINE_MAX_STOP_RULES)
                ERR_AT(ps, &kw, "too many stop-if lines: the limit is %d", ROUTINE_MAX_STOP_RULES);
            char *rule = NULL;
            if (!expect_string(ps, "stop-if", &rule))
                return;
            if (ps->r->step_count == 0 && ps->r->stop_if_count < ROUTINE_MAX_STOP_RULES)
                ps->r->stop_if[ps->r->stop_if_count++] = rule;
            else
                free(rule);
        } else if (first && is_frequency_word(&kw)) {
            parse_frequency(ps, &kw);
        } else if (first && tok_is(&kw, "breath")) {
            if (ps->r->step_count > 0)
                ERR_AT(ps, &kw, "'breath' belongs at the top of the file, before the first step");
            else if (ps->seen_breath)
                ERR_AT(ps, &kw, "'breath' given twice");
            ps->seen_breath = true;
            if (!expect_duration(ps, "breath", ROUTINE_MIN_BREATH_MS, &ps->r->breath_ms))
                return;
            if (ps->r->breath_ms > ROUTINE_MAX_BREATH_MS) {
                ERR_AT(ps, &kw, "'breath' must be at most %ds (one slow breath in and out)",
                       ROUTINE_MAX_BREATH_MS / 1000);
                ps->r->breath_ms = ROUTINE_BREATH_MS;
            }
        } else if (first && tok_is(&kw, "level")) {
            if (ps->seen_level)
                ERR_AT(ps, &kw, "'level' given twice");
            ps->seen_level = true;
            if (!expect_int(ps, "level", 1, ROUTINE_MAX_LEVEL, &ps->r->level))
                return;
        } else if (first && tok_is(&kw, "move")) {
            close_step(ps);
            Token name = next_token(ps);
            MoveId m = name.type == TOK_WORD ? moves_find(name.start, name.len) : MOVE_NONE;
            bool unknown = m == MOVE_NONE || !moves_info(m)->routine_usable;
            int errors_before = ps->errs->count;
            if (name.type == TOK_WORD && own_move_name(ps, &name, &m, &unknown)) {
                /* a physio's own move: found, reported or refused there */
            } else if (unknown && name.type == TOK_WORD && ps->own) {
                ERR_AT(ps, &name, "unknown move %s (and no pose file moves/%.*s.pose): expected one of %s",
                       tok_show(&name, b, sizeof b), name.len > 31 ? 31 : name.len, name.start, moves_usable_list());
            } else if (unknown && name.type != TOK_BAD) {
                ERR_AT(ps, &name, "unknown move %s: expected one of %s", tok_show(&name, b, sizeof b),
                       moves_usable_list());
            }
            RoutineStep *s = open_step(ps, STEP_MOVE, &kw);
            if (!s) {
                ps->p = ps->end;
                return;
            }
            if (unknown) {
                /* a child_pose stand-in, so the rest of the line is still checked; the step is not
                 * clean, so no second message ("needs 'hold'") is made up about it */
                ps->errors_at_open = errors_before;
                m = MOVE_CHILD_POSE;
                s->hold_ms = 1000;
                if (name.type == TOK_BAD) {
                    s->move = m;
                    return; /* already reported; reading on would report it twice */
                }
            }
            s->move = m;
        } else if (first && (tok_is(&kw, "rest") || tok_is(&kw, "timer"))) {
            close_step(ps);
            bool is_rest = tok_is(&kw, "rest");
            RoutineStep *s = open_step(ps, is_rest ? STEP_REST : STEP_TIMER, &kw);
            if (!s) {
                ps->p = ps->end;
                return;
            }
            if (!expect_duration(ps, is_rest ? "rest" : "timer", 1000, &s->duration_ms)) {
                s->duration_ms = 1000;
                return;
            }
            const char *save = ps->p;
            Token t = next_token(ps);
            if (t.type == TOK_BAD)
                return; /* already reported; reading it again would report it twice */
            if (t.type == TOK_WORD &&
                (t.len > 3 && (memcmp(t.start, "on-", 3) == 0 || memcmp(t.start, "all-", 4) == 0 ||
                               moves_position_find(t.start, t.len) != POSITION_NONE))) {
                /* the position the rest or timer is spent in: `rest 20s on-front "..."` */
                s->position = moves_position_find(t.start, t.len);
                if (s->position == POSITION_NONE)
                    ERR_AT(ps, &t, "unknown position %s: expected %s", tok_show(&t, b, sizeof b),
                           moves_position_list());
                save = ps->p;
                t = next_token(ps);
                if (t.type == TOK_BAD)
                    return;
            }
            if (t.type == TOK_STRING) {
                s->text = dup_text(t.start, t.len);
            } else {
                ps->p = save;
            }
        } else if (!parse_step_clause(ps, &kw)) {
            ERR_AT(ps, &kw,
                   "unknown keyword %s: expected title, level, description, intro, stop-if, breath, sides, "
                   "times-a-day, days-a-week, move, "
                   "rest, timer, name, hold, reps, tempo, sides, side, sets, pacing, confirm-hold, count-aloud, "
                   "phase or say",
                   tok_show(&kw, b, sizeof b));
            return;
        }
        if (ps->p >= ps->end)
            return;
        first = false;
        kw = next_token(ps);
        if (kw.type == TOK_STRING) {
            ERR_AT(ps, &kw, "unexpected extra text on the line");
            return;
        }
        if (kw.type == TOK_WORD &&
            (tok_is(&kw, "title") || tok_is(&kw, "level") || tok_is(&kw, "move") || tok_is(&kw, "rest") ||
             tok_is(&kw, "timer") || tok_is(&kw, "intro") || tok_is(&kw, "description") || tok_is(&kw, "stop-if") ||
             tok_is(&kw, "breath") || is_frequency_word(&kw))) {
            ERR_AT(ps, &kw, "'%.*s' must start its own line", kw.len, kw.start);
            return;
        }
    }
}

int routine_parse(const char *path, const char *src, size_t len, Routine *out, RoutineErrors *errs)
{
    return routine_parse_with(path, src, len, NULL, 0, out, errs);
}

int routine_parse_with(const char *path, const char *src, size_t len, const RoutineOwnMove *own, int own_count,
                       Routine *out, RoutineErrors *errs)
{
    Parser ps;
    memset(&ps, 0, sizeof ps);
    memset(out, 0, sizeof *out);
    memset(errs, 0, sizeof *errs);
    ps.own = own;
    ps.own_count = own ? own_count : 0;
    ps.path = path;
    ps.errs = errs;
    ps.r = out;
    out->breath_ms = ROUTINE_BREATH_MS;
    if (len > ROUTINE_MAX_FILE_BYTES) {
        add_error(&ps, 1, 1, "file is %zu bytes; the limit is %d", len, ROUTINE_MAX_FILE_BYTES);
        return -1;
    }
    const char *p = src, *end = src + len;
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    int line = 0;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        const char *next = nl ? nl + 1 : end;
        if (le > p && le[-1] == '\r')
            le--;
        line++;
        ps.line = line;
        ps.line_start = p;
        /* bytes first: a binary file is refused with one line, whatever its line lengths */
        const char *bad = NULL;
        const char *why = NULL;
        for (const char *q = p; q < le;) {
            unsigned char c = (unsigned char)*q;
            if (c == 0) {
                bad = q;
                why = "NUL byte: this is not a text file";
                break;
            }
            if ((c < 0x20 && c != '\t') || c == 0x7F ||
                (c == 0xC2 && q + 1 < le && (unsigned char)q[1] >= 0x80 && (unsigned char)q[1] < 0xA0)) {
                bad = q;
                why = "control character in the file (is this a text file?)";
                break;
            }
            int n = utf8_sequence((const unsigned char *)q, (const unsigned char *)le);
            if (n == 0) {
                bad = q;
                why = "invalid UTF-8 (save the file as UTF-8)";
                break;
            }
            q += n;
        }
        if (bad) {
            add_error(&ps, line, utf8_column(p, bad), "%s", why);
            ps.skipped_lines = true;
            if (*bad == 0)
                break; /* binary: one error is enough */
            p = next;
            if (errs->truncated)
                break;
            continue;
        }
        if (le - p > ROUTINE_MAX_LINE_BYTES) {
            add_error(&ps, line, 1, "line is %ld bytes long; the limit is %d", (long)(le - p), ROUTINE_MAX_LINE_BYTES);
            ps.skipped_lines = true;
            p = next;
            continue;
        }
        ps.p = p;
        ps.end = le;
        parse_line(&ps);
        p = next;
        if (errs->truncated)
            break;
    }
    close_step(&ps);
    ps.line = line;
    if (ps.seen_sides_chosen && !ps.any_side_rel)
        add_error(&ps, ps.sides_chosen_line, ps.sides_chosen_col,
                  "'sides chosen' asks which side hurts, but no step says 'side away' or 'side toward'");
    if (!ps.seen_title && !ps.skipped_lines)
        add_error(&ps, 1, 1, "missing 'title \"...\"' at the top of the file");
    if (out->step_count == 0 && errs->count == 0)
        add_error(&ps, line > 0 ? line : 1, 1, "the routine has no steps: add a move, rest or timer");
    if (errs->count == 0 && routine_total_ms(out) > ROUTINE_MAX_TOTAL_MS)
        add_error(&ps, 1, 1, "the routine lasts over 3 hours; the limit is 3h");
    if (errs->count == 0 && routine_has_progress(out)) { /* and once every dose has grown in full */
        routine_apply_progress(out, ROUTINE_MAX_BUILD_EVERY * ROUTINE_MAX_REPS * 1000);
        if (routine_total_ms(out) > ROUTINE_MAX_TOTAL_MS)
            add_error(&ps, 1, 1, "the routine would last over 3 hours once its doses have built up; the limit is 3h");
        routine_apply_progress(out, 0);
    }
    if (errs->count > 0) {
        /* in file order: a step's own errors are found when it closes, after later lines */
        for (int i = 1; i < errs->count; i++) {
            RoutineError e = errs->items[i];
            int j = i - 1;
            while (j >= 0 &&
                   (errs->items[j].line > e.line || (errs->items[j].line == e.line && errs->items[j].col > e.col))) {
                errs->items[j + 1] = errs->items[j];
                j--;
            }
            errs->items[j + 1] = e;
        }
        routine_free(out);
        return -1;
    }
    return 0;
}

void routine_free(Routine *r)
{
    if (!r)
        return;
    for (int i = 0; i < r->step_count; i++) {
        for (int j = 0; j < r->steps[i].cue_count; j++)
            free(r->steps[i].cues[j].text);
        free(r->steps[i].cues);
        free(r->steps[i].text);
        free(r->steps[i].name);
        free(r->steps[i].ready_text);
        for (int j = 0; j < r->steps[i].phase_count; j++)
            free(r->steps[i].phases[j].text);
    }
    for (int i = 0; i < r->stop_if_count; i++)
        free(r->stop_if[i]);
    for (int i = 0; i < r->own_move_count; i++) {
        free((char *)r->own_moves[i].info.id);
        free((char *)r->own_moves[i].info.name);
        free(r->own_moves[i].path);
    }
    free(r->steps);
    free(r->title);
    free(r->description);
    free(r->intro);
    memset(r, 0, sizeof *r);
}

/* ---- derived figures ---- */

StepMode routine_step_mode(const RoutineStep *s)
{
    switch (s->kind) {
    case STEP_REST: return MODE_REST;
    case STEP_TIMER: return MODE_TIMER;
    case STEP_MOVE: break;
    }
    if (s->reps > 0)
        return s->pacing == PACING_SELF ? MODE_REPS_SELF : MODE_REPS_GUIDED;
    if (s->hold_open || s->hold_up_to)
        return MODE_HOLD_UNTIL_PRESS;
    return s->confirm_hold ? MODE_HOLD_CONFIRMED : MODE_HOLD;
}

const MoveInfo *routine_move_info(const Routine *r, MoveId m)
{
    if (m >= MOVE_COUNT && r && m < ROUTINE_OWN_MOVE(r->own_move_count))
        return &r->own_moves[m - MOVE_COUNT].info;
    return moves_info(m);
}

bool routine_step_is_exercise(const RoutineStep *s)
{
    return s->kind != STEP_REST;
}

int routine_exercise_count(const Routine *r)
{
    int n = 0;
    for (int i = 0; i < r->step_count; i++)
        n += routine_step_is_exercise(&r->steps[i]);
    return n;
}

void routine_exercises_text(int n, char *buf, size_t size)
{
    snprintf(buf, size, "%d exercise%s", n, n == 1 ? "" : "s");
}

const char *routine_step_name(const RoutineStep *s)
{
    if (s->name)
        return s->name;
    switch (s->kind) {
    case STEP_REST: return "Rest";
    case STEP_TIMER: return s->text ? s->text : "Timer"; /* the parser names a timer with neither */
    case STEP_MOVE: break;
    }
    const MoveInfo *mi = moves_info(s->move); /* an own move has its name in s->name */
    return mi ? mi->name : "Move";
}

int routine_step_runs(const RoutineStep *s)
{
    switch (s->sides) {
    case SIDES_BOTH: return 2;
    case SIDES_ALTERNATE:
        if (s->reps == 0)
            return 2; /* a held step: one hold on each side */
        return s->reps_count == REPS_IN_ALL ? s->reps : 2 * s->reps;
    case SIDES_NONE:
    case SIDES_LEFT:
    case SIDES_RIGHT: break;
    }
    return 1;
}

Sides routine_run_side(const RoutineStep *s, int run)
{
    switch (s->sides) {
    case SIDES_BOTH:
    case SIDES_ALTERNATE: return run % 2 == 0 ? SIDES_LEFT : SIDES_RIGHT;
    case SIDES_NONE:
    case SIDES_LEFT:
    case SIDES_RIGHT: break;
    }
    return s->sides;
}

int routine_run_reps(const RoutineStep *s, int run)
{
    if (s->reps == 0)
        return 0;
    switch (s->sides) {
    case SIDES_ALTERNATE: return 1;
    case SIDES_BOTH:
        if (s->reps_count == REPS_IN_ALL) /* the left side takes the odd one */
            return run == 0 ? (s->reps + 1) / 2 : s->reps / 2;
        break;
    case SIDES_NONE:
    case SIDES_LEFT:
    case SIDES_RIGHT: break;
    }
    return s->reps;
}

const char *routine_mode_name(StepMode m)
{
    switch (m) {
    case MODE_HOLD: return "hold";
    case MODE_HOLD_CONFIRMED: return "confirmed_hold";
    case MODE_REPS_GUIDED: return "guided_reps";
    case MODE_REPS_SELF: return "self_paced_reps";
    case MODE_HOLD_UNTIL_PRESS: return "hold_until_press";
    case MODE_REST: return "rest";
    case MODE_TIMER: return "timer";
    }
    return "unknown";
}

int routine_step_run_ms(const RoutineStep *s)
{
    switch (s->mode) {
    case MODE_REST:
    case MODE_TIMER: return s->duration_ms;
    case MODE_REPS_GUIDED:
    case MODE_REPS_SELF: return s->reps * (s->tempo_ms + s->hold_ms);
    case MODE_HOLD:
    case MODE_HOLD_CONFIRMED:
    case MODE_HOLD_UNTIL_PRESS: return s->hold_ms;
    }
    return 0;
}

int routine_run_ms(const RoutineStep *s, int run)
{
    int reps = routine_run_reps(s, run);
    return reps > 0 ? reps * (s->tempo_ms + s->hold_ms) : routine_step_run_ms(s);
}

int routine_step_total_ms(const RoutineStep *s)
{
    long run = 0;
    for (int i = 0; i < routine_step_runs(s); i++)
        run += routine_run_ms(s, i);
    long total = run * s->sets + (long)s->set_rest_ms * (s->sets - 1);
    return total > ROUTINE_MAX_TOTAL_MS ? ROUTINE_MAX_TOTAL_MS + 1 : (int)total;
}

int routine_step_planned_ms(const RoutineStep *s)
{
    if (!s->hold_open)
        return routine_step_total_ms(s);
    long runs = routine_step_runs(s);
    return (int)(runs * ROUTINE_OPEN_HOLD_PLAN_MS * s->sets + (long)s->set_rest_ms * (s->sets - 1));
}

long routine_total_ms(const Routine *r)
{
    long t = 0;
    for (int i = 0; i < r->step_count; i++)
        t += routine_step_total_ms(&r->steps[i]);
    return t;
}

void routine_error_format(const RoutineError *e, char *buf, size_t size)
{
    snprintf(buf, size, "%s:%d:%d: %s", e->path, e->line, e->col, e->message);
}

void routine_format_duration(int ms, char *buf, size_t size)
{
    int h = ms / 3600000, m = ms / 60000 % 60, s = ms / 1000 % 60, rest = ms % 1000;
    size_t n = 0;
    buf[0] = 0;
    if (h)
        n += (size_t)snprintf(buf + n, size - n, "%dh", h);
    if (m && n < size)
        n += (size_t)snprintf(buf + n, size - n, "%dm", m);
    if ((s || rest || (!h && !m)) && n < size) {
        if (rest)
            snprintf(buf + n, size - n, "%d.%03ds", s, rest);
        else
            snprintf(buf + n, size - n, "%ds", s);
    }
}

/* ---- doses that grow ---- */

int routine_build_dose(const RoutineBuild *b, int completed)
{
    if (b->every <= 0 || completed <= 0)
        return b->start;
    long dose = (long)b->start + (long)b->by * (completed / b->every);
    return dose > b->ceiling ? b->ceiling : (int)dose;
}

void routine_apply_progress(Routine *r, int completed)
{
    for (int i = 0; i < r->step_count; i++) {
        RoutineStep *s = &r->steps[i];
        if (s->build_reps.every > 0)
            s->reps = s->reps_max = routine_build_dose(&s->build_reps, completed);
        if (s->build_hold.every > 0)
            s->hold_ms = s->hold_max_ms = routine_build_dose(&s->build_hold, completed);
    }
}

bool routine_has_progress(const Routine *r)
{
    for (int i = 0; i < r->step_count; i++)
        if (r->steps[i].build_reps.every > 0 || r->steps[i].build_hold.every > 0)
            return true;
    return false;
}
