/* text.h: fonts and text drawing. Finds a sans font through fontconfig (or takes a file),
 * opens it at the pixel sizes asked for, and caches rendered lines as textures so a steady
 * screen costs no text rendering per frame. */
#ifndef UNKNOT_TEXT_H
#define UNKNOT_TEXT_H

#include <SDL.h>
#include <stdbool.h>

#define TEXT_CACHE_ENTRIES 96 /* rendered lines kept as textures */
/* ... holding at most this many pixel bytes (lines on screen excepted). 3 MB, was 4: a real-time
 * levels/08 peaked at 50.6 MB with 4 and 47.8 MB with 3 (session 28, tests/bench_workouts.py) */
#define TEXT_CACHE_BYTES (3u << 20)
#define TEXT_KEEP_MS 1000 /* a line drawn this recently is on the screen: always kept */
/* Font sizes kept open at once, the least recently used closed first. Each holds ~200-300 kB
 * (FreeType's face and glyphs, HarfBuzz's copy of the tables); 24 held ~3.6 MB at a real-time
 * workout's peak. A closed size opens again in ~0.03 ms (its lines and measures stay cached). */
#define TEXT_MAX_SIZES 8
#define TEXT_MEASURE_ENTRIES 128 /* measured sizes kept, so fitting loops cost nothing per frame */
#define TEXT_MAX_LINES 8 /* a wrapped paragraph is cut to this many lines, with an ellipsis */

typedef struct Text Text;

typedef enum { TEXT_LEFT, TEXT_CENTER, TEXT_RIGHT } TextAlign;

/* Open text drawing on r with the font file `font`, or the system's bold sans font when NULL.
 * Returns NULL with a one-line reason in err when no usable font is found. */
Text *text_new(SDL_Renderer *r, const char *font, char *err, size_t errsize);

void text_free(Text *t);

/* Draw through dl from now on (drawlist.h; NULL: draw at once). */
typedef struct DrawList DrawList;
void text_set_drawlist(Text *t, DrawList *dl);

/* The font file in use. */
const char *text_font_path(const Text *t);

/* Draw s (UTF-8) at px size, wrapped to max_w (0: no wrapping) and cut to max_lines lines,
 * aligned around x with its top at y. Returns the height drawn, in pixels. */
int text_draw(Text *t, const char *s, int px, SDL_Color color, int x, int y, TextAlign align, int max_w, int max_lines);

/* The smallest size text_draw drew at since the last call (0: nothing drawn), and the start of the
 * line drawn at it in what[0..size) (what may be NULL); then starts again. For the layout tests
 * (no text a patient needs in a workout smaller than RENDER_WORKOUT_TEXT_MIN). */
#define TEXT_SMALLEST_BYTES 64
int text_smallest(Text *t, char *what, size_t size);

/* The size s would take with the same arguments, without drawing it. Measures with the font's
 * metrics (no texture is made) and remembers the answer. */
void text_measure(Text *t, const char *s, int px, int max_w, int max_lines, int *w, int *h);

/* The largest size <= px at which s fits in one line of max_w (at least min_px). */
int text_fit(Text *t, const char *s, int px, int min_px, int max_w);

/* Drop cached textures and measurements (after the renderer's target size changes). */
void text_flush(Text *t);

/* text_flush, and close the font at every size too: all a Text holds besides the font file's
 * bytes (after a render device reset, or to measure memory at a fixed state). Reopened on use. */
void text_release(Text *t);

/* Work done since text_new, for tests and benchmarks: lines rendered to pixels, fonts opened
 * and paragraphs wrapped (a steady screen adds nothing to any of them), and the pixel bytes the
 * cached lines hold now. */
typedef struct {
    unsigned renders, font_opens, wraps;
    unsigned recycled; /* lines off the screen freed to make room for a new one of about their size */
    unsigned cut_draws; /* text drawn cut short (too long for its lines: an ellipsis ends it) */
    size_t cached_bytes;
    int open_fonts; /* font sizes open now (at most TEXT_MAX_SIZES) */
} TextStats;
TextStats text_stats(const Text *t);

#endif
