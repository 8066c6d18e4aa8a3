/* audioconf.c: parse and format audio.conf. A line is read whole, however long (a comment of any
 * length stays a comment), and a number is refused rather than wrapped or clamped. */
#include "audioconf.h"

#include <stdio.h>
#include <string.h>

/* Trim spaces, tabs and a CR at both ends of [*s, *e). */
static void audioconf_trim(const char **s, const char **e)
{
    while (*s < *e && (**s == ' ' || **s == '\t' || **s == '\r'))
        (*s)++;
    while (*e > *s && ((*e)[-1] == ' ' || (*e)[-1] == '\t' || (*e)[-1] == '\r'))
        (*e)--;
}

/* A whole number from 0 to max written in [s, e), digits only. Returns it, or -1. */
static int audioconf_number(const char *s, const char *e, int max)
{
    if (s == e || e - s > 6)
        return -1;
    int v = 0;
    for (const char *p = s; p < e; p++) {
        if (*p < '0' || *p > '9')
            return -1;
        v = v * 10 + (*p - '0');
    }
    return v <= max ? v : -1;
}

/* One setting of audio.conf into the AudioConf ctx. */
static const char *audioconf_setting(void *ctx, const char *ks, const char *ke, const char *vs, const char *ve)
{
    AudioConf *c = ctx;
    size_t klen = (size_t)(ke - ks);
    if (klen == 6 && memcmp(ks, "volume", 6) == 0) {
        int v = audioconf_number(vs, ve, 100);
        if (v < 0)
            return "volume must be a whole number from 0 to 100";
        c->volume = v;
        return NULL;
    }
    if (klen == 5 && memcmp(ks, "muted", 5) == 0) {
        int v = audioconf_number(vs, ve, 1);
        if (v < 0)
            return "muted must be 0 or 1";
        c->muted = v == 1;
        return NULL;
    }
    return "unknown setting (volume, muted)";
}

/* One line without its newline: NULL when read (or blank), else why not. */
static const char *audioconf_line(const char *s, const char *e, AudioconfSetting setting, void *ctx, const char *no_eq)
{
    if (memchr(s, '\0', (size_t)(e - s)))
        return "a NUL byte in the line";
    const char *hash = memchr(s, '#', (size_t)(e - s));
    if (hash)
        e = hash;
    audioconf_trim(&s, &e);
    if (s == e)
        return NULL;
    const char *eq = memchr(s, '=', (size_t)(e - s));
    if (!eq)
        return no_eq;
    const char *ks = s, *ke = eq, *vs = eq + 1, *ve = e;
    audioconf_trim(&ks, &ke);
    audioconf_trim(&vs, &ve);
    return setting(ctx, ks, ke, vs, ve);
}

int audioconf_settings(const char *src, size_t len, AudioconfSetting setting, void *ctx, const char *no_eq, char *why,
                       size_t whysize)
{
    const char *p = src, *end = src + len;
    int bad = 0, line = 0;
    if (why && whysize)
        why[0] = 0;
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        line++;
        const char *w = audioconf_line(p, le, setting, ctx, no_eq);
        if (w) {
            if (bad == 0 && why && whysize)
                snprintf(why, whysize, "line %d: %s", line, w);
            bad++;
        }
        p = nl ? nl + 1 : end;
    }
    return bad;
}

int audioconf_parse(const char *src, size_t len, AudioConf *c, char *why, size_t whysize)
{
    return audioconf_settings(src, len, audioconf_setting, c, "expected 'volume = N' or 'muted = 0|1'", why, whysize);
}

int audioconf_format(const AudioConf *c, char *buf, size_t size)
{
    int n = snprintf(buf, size, "# unknot audio settings\nvolume=%d\nmuted=%d\n", c->volume, c->muted ? 1 : 0);
    return n < 0 || (size_t)n >= size ? -1 : n;
}
