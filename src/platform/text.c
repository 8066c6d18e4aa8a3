/* text.c: SDL2_ttf text with a small texture cache. Wrapping is done here by words, so long
 * captions never run off the screen at any window size. Must not be used from two threads. */
#include "text.h"

#include <SDL_ttf.h>
#include <fontconfig/fontconfig.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "drawlist.h"
#include "files.h"

typedef struct {
    int px;
    TTF_Font *font;
    unsigned last_use;
} SizedFont;

typedef struct {
    char *str;
    int px, wrap, max_lines;
    TextAlign align;
    SDL_Color color;
    SDL_Texture *tex;
    uint64_t serial; /* the texture's contents, for the draw list */
    int w, h;
    unsigned last_use;
    Uint32 used_at; /* SDL_GetTicks of the last use */
    unsigned used_frame; /* the draw list's frame count at the last use */
    bool cut; /* the text did not fit its lines: the last ends with an ellipsis */
} CacheEntry;

/* A measured paragraph: the size only, for text_measure. */
typedef struct {
    char *str;
    int px, wrap, max_lines;
    int w, h;
    unsigned last_use;
} MeasureEntry;

struct Text {
    SDL_Renderer *r;
    DrawList *dl; /* NULL: lines are drawn at once */
    char path[1024];
    char *font_data; /* the whole font file, read once through files_read; fonts open from it */
    size_t font_len;
    SizedFont fonts[TEXT_MAX_SIZES];
    CacheEntry cache[TEXT_CACHE_ENTRIES];
    MeasureEntry measured[TEXT_MEASURE_ENTRIES];
    TextStats stats;
    unsigned clock;
    bool ttf_inited_here;
    bool wrap_cut; /* the last wrap_lines cut its text short */
    int smallest_px; /* the smallest size drawn since text_smallest last asked (0: none) */
    char smallest[TEXT_SMALLEST_BYTES]; /* the start of the line drawn at it */
};

static int find_system_font(char *out, size_t size)
{
    int rc = -1;
    if (!FcInit())
        return -1;
    FcPattern *pat = FcNameParse((const FcChar8 *)"DejaVu Sans:bold");
    if (!pat)
        return -1;
    FcConfigSubstitute(NULL, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult res;
    FcPattern *match = FcFontMatch(NULL, pat, &res);
    FcChar8 *file = NULL;
    if (match && FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch) {
        const char *f = (const char *)file;
        size_t n = strlen(f);
        /* TTF_OpenFont reads TrueType and OpenType; skip bitmap fonts fontconfig may offer */
        if (n > 4 && (!strcasecmp(f + n - 4, ".ttf") || !strcasecmp(f + n - 4, ".otf"))) {
            snprintf(out, size, "%s", f);
            rc = 0;
        }
    }
    if (match)
        FcPatternDestroy(match);
    FcPatternDestroy(pat);
    return rc;
}

/* Open the font at px from the bytes read once (SDL_ttf reads them lazily, so they stay). */
static TTF_Font *text_open_font(Text *t, int px)
{
    if (!t->font_data || t->font_len > INT_MAX)
        return NULL;
    SDL_RWops *rw = SDL_RWFromConstMem(t->font_data, (int)t->font_len);
    return rw ? TTF_OpenFontRW(rw, 1, px) : NULL;
}

Text *text_new(SDL_Renderer *r, const char *font, char *err, size_t errsize)
{
    Text *t = calloc(1, sizeof *t);
    if (!t) {
        snprintf(err, errsize, "out of memory");
        return NULL;
    }
    t->r = r;
    if (!TTF_WasInit()) {
        if (TTF_Init() < 0) {
            snprintf(err, errsize, "cannot start the font library: %s", TTF_GetError());
            free(t);
            return NULL;
        }
        t->ttf_inited_here = true;
    }
    /* DejaVu Sans Bold where Debian's fonts-dejavu-core puts it, without asking fontconfig: its
     * FcInit reads every font configuration file and cache, ~10 ms before the first frame */
    const char *debian = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
    if (font)
        snprintf(t->path, sizeof t->path, "%s", font);
    else if (access(debian, R_OK) == 0 || find_system_font(t->path, sizeof t->path) < 0)
        snprintf(t->path, sizeof t->path, "%s", debian);
    char why[256];
    if (files_read(t->path, FILES_MAX_FONT_BYTES, &t->font_data, &t->font_len, why, sizeof why) < 0) {
        snprintf(err, errsize, "%s: cannot open font: %s%s", t->path, why,
                 font ? "" : " (install fonts-dejavu-core or pass --font FILE)");
        text_free(t);
        return NULL;
    }
    TTF_Font *probe = text_open_font(t, 24);
    if (!probe) {
        snprintf(err, errsize, "%s: cannot open font: %s%s", t->path, TTF_GetError(),
                 font ? "" : " (install fonts-dejavu-core or pass --font FILE)");
        text_free(t);
        return NULL;
    }
    TTF_CloseFont(probe);
    return t;
}

void text_set_drawlist(Text *t, DrawList *dl)
{
    if (t)
        t->dl = dl;
}

void text_flush(Text *t)
{
    for (int i = 0; i < TEXT_CACHE_ENTRIES; i++) {
        CacheEntry *e = &t->cache[i];
        drawlist_destroy_texture(t->dl, e->tex);
        free(e->str);
        memset(e, 0, sizeof *e);
    }
    for (int i = 0; i < TEXT_MEASURE_ENTRIES; i++) {
        free(t->measured[i].str);
        memset(&t->measured[i], 0, sizeof t->measured[i]);
    }
}

void text_release(Text *t)
{
    text_flush(t);
    for (int i = 0; i < TEXT_MAX_SIZES; i++) {
        if (t->fonts[i].font)
            TTF_CloseFont(t->fonts[i].font);
        memset(&t->fonts[i], 0, sizeof t->fonts[i]);
    }
}

TextStats text_stats(const Text *t)
{
    TextStats s = t->stats;
    s.cached_bytes = 0;
    s.open_fonts = 0;
    for (int i = 0; i < TEXT_MAX_SIZES; i++)
        s.open_fonts += t->fonts[i].font != NULL;
    for (int i = 0; i < TEXT_CACHE_ENTRIES; i++)
        if (t->cache[i].tex)
            s.cached_bytes += (size_t)t->cache[i].w * (size_t)t->cache[i].h * 4;
    return s;
}

void text_free(Text *t)
{
    if (!t)
        return;
    t->dl = NULL; /* the end: nothing is drawn any more */
    text_flush(t);
    for (int i = 0; i < TEXT_MAX_SIZES; i++)
        if (t->fonts[i].font)
            TTF_CloseFont(t->fonts[i].font);
    if (t->ttf_inited_here)
        TTF_Quit();
    free(t->font_data);
    free(t);
}

const char *text_font_path(const Text *t)
{
    return t->path;
}

static TTF_Font *font_at(Text *t, int px)
{
    if (px < 6)
        px = 6;
    if (px > 600)
        px = 600;
    int oldest = 0;
    for (int i = 0; i < TEXT_MAX_SIZES; i++) {
        if (t->fonts[i].font && t->fonts[i].px == px) {
            t->fonts[i].last_use = ++t->clock;
            return t->fonts[i].font;
        }
        if (!t->fonts[i].font || t->fonts[i].last_use < t->fonts[oldest].last_use)
            oldest = i;
        if (!t->fonts[i].font)
            break;
    }
    SizedFont *f = &t->fonts[oldest];
    if (f->font)
        TTF_CloseFont(f->font); /* cached textures and sizes do not hold the font: they stay */
    f->font = text_open_font(t, px);
    t->stats.font_opens++;
    f->px = px;
    f->last_use = ++t->clock;
    if (f->font)
        TTF_SetFontHinting(f->font, TTF_HINTING_LIGHT);
    return f->font;
}

/* The end of the longest run of whole UTF-8 characters from p (before end, under 1024 bytes)
 * no wider than max_w: at least one character, so wrapping always moves on. */
static const char *fit_prefix(TTF_Font *f, const char *p, const char *end, int max_w)
{
    const char *cuts[1024];
    int n = 0;
    for (const char *c = p + 1; c <= end && c - p < 1020 && n < 1024; c++)
        if (c == end || ((unsigned char)*c & 0xC0) != 0x80)
            cuts[n++] = c; /* a character ends here */
    if (n == 0)
        return end;
    int lo = 0, hi = n - 1; /* cuts[lo] always taken; find the last that fits */
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        char line[1024];
        size_t len = (size_t)(cuts[mid] - p);
        memcpy(line, p, len);
        line[len] = 0;
        int tw = 0, th = 0;
        TTF_SizeUTF8(f, line, &tw, &th);
        if (tw <= max_w)
            lo = mid;
        else
            hi = mid - 1;
    }
    return cuts[lo];
}

/* Split s into lines no wider than max_w (0: only at newlines). Writes NUL-separated lines into
 * buf and returns the count, at most max_lines; the last line gets an ellipsis when text is cut. */
static int wrap_lines(Text *t, TTF_Font *f, const char *s, int max_w, int max_lines, char *buf, size_t size,
                      const char **lines)
{
    t->stats.wraps++;
    t->wrap_cut = false;
    int count = 0;
    size_t used = 0;
    const char *p = s;
    while (*p && count < max_lines) {
        /* take words while they fit */
        char line[1024];
        size_t n = 0;
        const char *q = p, *last_fit_end = NULL, *last_fit_next = NULL;
        while (*q && *q != '\n') {
            const char *w = q;
            while (*w == ' ')
                w++;
            const char *we = w;
            while (*we && *we != ' ' && *we != '\n')
                we++;
            size_t cand = (size_t)(we - p);
            if (cand >= sizeof line - 4)
                break;
            memcpy(line, p, cand);
            line[cand] = 0;
            int tw = 0, th = 0;
            TTF_SizeUTF8(f, line, &tw, &th);
            if (max_w > 0 && tw > max_w && last_fit_end)
                break;
            if (max_w > 0 && tw > max_w) {
                /* one word wider than the whole line: broken inside, after the last character that fits */
                last_fit_end = last_fit_next = q = fit_prefix(f, p, we, max_w);
                break;
            }
            last_fit_end = we;
            last_fit_next = we;
            q = we;
        }
        if (!last_fit_end) {
            last_fit_end = q;
            last_fit_next = q;
        }
        n = (size_t)(last_fit_end - p);
        if (n >= sizeof line)
            n = sizeof line - 1;
        memcpy(line, p, n);
        line[n] = 0;
        p = last_fit_next;
        while (*p == ' ')
            p++;
        if (*p == '\n')
            p++;
        if (count == max_lines - 1 && *p) {
            /* cut: end the last line with an ellipsis that fits */
            t->wrap_cut = true;
            size_t m = strlen(line);
            for (;;) {
                char tmp[1024];
                if (m > sizeof tmp - 4)
                    m = sizeof tmp - 4;
                snprintf(tmp, sizeof tmp, "%.*s\xE2\x80\xA6", (int)m, line);
                int tw = 0, th = 0;
                TTF_SizeUTF8(f, tmp, &tw, &th);
                if (max_w <= 0 || tw <= max_w || m == 0) {
                    memcpy(line, tmp, sizeof line);
                    break;
                }
                m--;
                while (m > 0 && ((unsigned char)line[m] & 0xC0) == 0x80)
                    m--;
            }
        }
        size_t len = strlen(line);
        if (used + len + 1 > size)
            break;
        memcpy(buf + used, line, len + 1);
        lines[count++] = buf + used;
        used += len + 1;
    }
    return count;
}

static int clamp_lines(int max_lines)
{
    return max_lines < 1 ? 1 : max_lines > TEXT_MAX_LINES ? TEXT_MAX_LINES : max_lines;
}

/* Free the least recently used lines until the cache holds at most TEXT_CACHE_BYTES of pixels,
 * never one drawn in the last TEXT_KEEP_MS (it is on the screen: dropping it would render it again
 * every frame). A workout's lines kept by count alone grew to ~15 MB at 1080p. */
static void text_trim(Text *t)
{
    size_t bytes = 0;
    for (int i = 0; i < TEXT_CACHE_ENTRIES; i++)
        if (t->cache[i].tex)
            bytes += (size_t)t->cache[i].w * (size_t)t->cache[i].h * 4;
    Uint32 now = SDL_GetTicks();
    while (bytes > TEXT_CACHE_BYTES) {
        CacheEntry *oldest = NULL;
        for (int i = 0; i < TEXT_CACHE_ENTRIES; i++) {
            CacheEntry *e = &t->cache[i];
            if (e->tex && SDL_TICKS_PASSED(now, e->used_at + TEXT_KEEP_MS) &&
                (!oldest || e->last_use < oldest->last_use))
                oldest = e;
        }
        if (!oldest)
            return; /* all on the screen now */
        bytes -= (size_t)oldest->w * (size_t)oldest->h * 4;
        drawlist_destroy_texture(t->dl, oldest->tex);
        free(oldest->str);
        memset(oldest, 0, sizeof *oldest);
    }
}

/* Frames the draw list has presented: a line used in frame n (counted before it is presented) and
 * not in n + 1 is off the screen from frame n + 2 on, whatever the clock says. */
static unsigned text_frame(const Text *t)
{
    uint64_t pixels = 0;
    unsigned frames = 0;
    if (t->dl)
        drawlist_stats(t->dl, &pixels, &frames);
    return frames;
}

/* Whether e's line is surely off the screen now: with a draw list, not drawn in this frame or the
 * one before; without one, not drawn in the last TEXT_KEEP_MS. */
static bool text_gone(const Text *t, const CacheEntry *e)
{
    if (t->dl)
        return text_frame(t) - e->used_frame >= 2;
    return SDL_TICKS_PASSED(SDL_GetTicks(), e->used_at + TEXT_KEEP_MS);
}

/* Free the least recently used line off the screen whose pixels take between bytes and twice
 * that, skipping keep, just before a new line of bytes gets its texture: the block it frees is
 * then the one the new texture is made in (blockcache.h keeps it, and hands out a block at most
 * twice the size asked for). Otherwise a workout's one-off lines (each countdown second, each cue)
 * stay cached until the cache is full, and every new line takes fresh memory, which the first
 * write faults in page by page on the drawing thread: 47 faults for a countdown second, 150 for a
 * caption, measured at 1080p, 1-8 ms of CPU each time. */
static void text_recycle(Text *t, size_t bytes, const CacheEntry *keep)
{
    CacheEntry *best = NULL;
    for (int i = 0; i < TEXT_CACHE_ENTRIES; i++) {
        CacheEntry *e = &t->cache[i];
        size_t have = (size_t)e->w * (size_t)e->h * 4;
        if (e != keep && e->tex && have >= bytes && have <= 2 * bytes && text_gone(t, e) &&
            (!best || e->last_use < best->last_use))
            best = e;
    }
    if (!best)
        return;
    drawlist_destroy_texture(t->dl, best->tex);
    free(best->str);
    memset(best, 0, sizeof *best);
    t->stats.recycled++;
}

static CacheEntry *render_entry(Text *t, const char *s, int px, SDL_Color c, int max_w, int max_lines, TextAlign align)
{
    max_lines = clamp_lines(max_lines);
    int oldest = -1, empty = -1; /* text_trim leaves gaps: the whole table is searched */
    for (int i = 0; i < TEXT_CACHE_ENTRIES; i++) {
        CacheEntry *e = &t->cache[i];
        if (e->str && e->px == px && e->wrap == max_w && e->max_lines == max_lines && e->align == align &&
            e->color.r == c.r && e->color.g == c.g && e->color.b == c.b && e->color.a == c.a && !strcmp(e->str, s)) {
            e->last_use = ++t->clock;
            e->used_at = SDL_GetTicks();
            e->used_frame = text_frame(t);
            return e;
        }
        if (!e->str) {
            if (empty < 0)
                empty = i;
        } else if (oldest < 0 || e->last_use < t->cache[oldest].last_use) {
            oldest = i;
        }
    }
    if (empty >= 0)
        oldest = empty;
    TTF_Font *f = font_at(t, px);
    if (!f)
        return NULL;
    char buf[4096];
    const char *lines[TEXT_MAX_LINES];
    int n = wrap_lines(t, f, s, max_w, max_lines, buf, sizeof buf, lines);
    bool cut = t->wrap_cut;
    int line_h = TTF_FontLineSkip(f);
    int w = 1;
    for (int i = 0; i < n; i++) { /* the line's size, to free an old line of about its size first */
        int lw = 0;
        if (lines[i][0] && TTF_SizeUTF8(f, lines[i], &lw, NULL) == 0 && lw > w)
            w = lw;
    }
    int h = n > 0 ? line_h * n : 1;
    text_recycle(t, (size_t)w * (size_t)h * 4, &t->cache[oldest]);
    CacheEntry *e = &t->cache[oldest];
    drawlist_destroy_texture(t->dl, e->tex);
    free(e->str);
    memset(e, 0, sizeof *e);
    /* the lines are rendered one at a time straight into the texture's pixels (the software
     * renderer's surface): each line's surface goes before the next is made, and no whole-text
     * surface is made beside the texture: a text of n lines takes (1 + 1/n) times its texture's bytes
     * while it is made, not twice (a two-line caption at 1080p: ~1.1 MB, not ~1.5 MB). SDL_ttf
     * renders a line as wide as it sizes it (w). */
    e->tex = SDL_CreateTexture(t->r, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STREAMING, w, h);
    void *pixels = NULL;
    int pitch = 0;
    SDL_Surface *all = NULL;
    if (e->tex && SDL_LockTexture(e->tex, NULL, &pixels, &pitch) == 0)
        all = SDL_CreateRGBSurfaceWithFormatFrom(pixels, w, h, 32, pitch, SDL_PIXELFORMAT_ARGB8888);
    if (all) {
        SDL_FillRect(all, NULL, SDL_MapRGBA(all->format, c.r, c.g, c.b, 0));
        for (int i = 0; i < n; i++) {
            SDL_Surface *part = lines[i][0] ? TTF_RenderUTF8_Blended(f, lines[i], c) : NULL;
            t->stats.renders++;
            if (!part)
                continue;
            SDL_SetSurfaceBlendMode(part, SDL_BLENDMODE_NONE);
            int x = align == TEXT_CENTER ? (w - part->w) / 2 : align == TEXT_RIGHT ? w - part->w : 0;
            SDL_Rect dst = {x, i * line_h, part->w, part->h};
            SDL_BlitSurface(part, NULL, all, &dst);
            SDL_FreeSurface(part);
        }
        SDL_FreeSurface(all); /* the header only: the pixels are the texture's */
    }
    if (pixels)
        SDL_UnlockTexture(e->tex);
    if (!all) {
        if (e->tex)
            SDL_DestroyTexture(e->tex);
        e->tex = NULL;
        return NULL;
    }
    SDL_SetTextureBlendMode(e->tex, SDL_BLENDMODE_BLEND);
    e->serial = drawlist_serial(t->dl);
    e->str = strdup(s);
    e->px = px;
    e->wrap = max_w;
    e->max_lines = max_lines;
    e->align = align;
    e->color = c;
    e->w = w;
    e->h = h;
    e->cut = cut;
    e->last_use = ++t->clock;
    e->used_at = SDL_GetTicks();
    e->used_frame = text_frame(t);
    text_trim(t);
    return e;
}

int text_draw(Text *t, const char *s, int px, SDL_Color color, int x, int y, TextAlign align, int max_w, int max_lines)
{
    if (!s || !*s)
        return 0;
    if (t->smallest_px == 0 || px < t->smallest_px) {
        t->smallest_px = px;
        snprintf(t->smallest, sizeof t->smallest, "%s", s);
    }
    CacheEntry *e = render_entry(t, s, px, color, max_w, max_lines, align);
    if (!e)
        return 0;
    if (e->cut)
        t->stats.cut_draws++;
    int dx = x;
    if (align == TEXT_CENTER)
        dx = x - e->w / 2;
    else if (align == TEXT_RIGHT)
        dx = x - e->w;
    SDL_Rect src = {0, 0, e->w, e->h};
    drawlist_copy(t->dl, t->r, e->tex, e->serial, &src, dx, y);
    return e->h;
}

int text_smallest(Text *t, char *what, size_t size)
{
    int px = t->smallest_px;
    if (what && size > 0)
        snprintf(what, size, "%s", px > 0 ? t->smallest : "");
    t->smallest_px = 0;
    t->smallest[0] = 0;
    return px;
}

void text_measure(Text *t, const char *s, int px, int max_w, int max_lines, int *w, int *h)
{
    *w = *h = 0;
    if (!s || !*s)
        return;
    max_lines = clamp_lines(max_lines);
    /* a line drawn in any colour or alignment has the size asked for */
    for (int i = 0; i < TEXT_CACHE_ENTRIES; i++) {
        CacheEntry *e = &t->cache[i];
        if (e->str && e->px == px && e->wrap == max_w && e->max_lines == max_lines && !strcmp(e->str, s)) {
            *w = e->w;
            *h = e->h;
            return;
        }
    }
    int oldest = 0;
    for (int i = 0; i < TEXT_MEASURE_ENTRIES; i++) {
        MeasureEntry *m = &t->measured[i];
        if (m->str && m->px == px && m->wrap == max_w && m->max_lines == max_lines && !strcmp(m->str, s)) {
            m->last_use = ++t->clock;
            *w = m->w;
            *h = m->h;
            return;
        }
        if (!m->str) {
            oldest = i;
            break;
        }
        if (m->last_use < t->measured[oldest].last_use)
            oldest = i;
    }
    TTF_Font *f = font_at(t, px);
    if (!f)
        return;
    char buf[4096];
    const char *lines[TEXT_MAX_LINES];
    int n = wrap_lines(t, f, s, max_w, max_lines, buf, sizeof buf, lines);
    int mw = 1;
    for (int i = 0; i < n; i++) {
        int lw = 0, lh = 0;
        if (lines[i][0] && TTF_SizeUTF8(f, lines[i], &lw, &lh) == 0 && lw > mw)
            mw = lw;
    }
    *w = mw;
    *h = n > 0 ? TTF_FontLineSkip(f) * n : 1;
    MeasureEntry *m = &t->measured[oldest];
    free(m->str);
    m->str = strdup(s);
    if (!m->str) {
        memset(m, 0, sizeof *m);
        return;
    }
    m->px = px;
    m->wrap = max_w;
    m->max_lines = max_lines;
    m->w = *w;
    m->h = *h;
    m->last_use = ++t->clock;
}

int text_fit(Text *t, const char *s, int px, int min_px, int max_w)
{
    while (px > min_px) {
        int w = 0, h = 0;
        text_measure(t, s, px, 0, 1, &w, &h);
        if (w <= max_w)
            break;
        px = px * 9 / 10;
    }
    return px < min_px ? min_px : px;
}
