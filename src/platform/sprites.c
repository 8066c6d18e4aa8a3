/* sprites.c: load sprite sheets through stb_image into one SDL texture per frame and draw the
 * figure for a SessionView. Frame choice lives in core (sheet.c); this file only does I/O and
 * drawing, and never fails hard: a bad sheet logs one warning and draws nothing. The next move's
 * sheet is read and decoded on a worker thread (the slow part, up to ~50 ms), so a step change
 * only uploads textures on the render thread. */
#include "sprites.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "files.h"
#include "moves.h"
#include "sheet.h"
#include "stb_image.h"

#define SPRITES_PATH_BYTES 1024

/* What a worker thread reads and decodes for one sheet; the render thread only touches it
 * after SDL_WaitThread has joined the worker. */
typedef struct {
    char dir[SPRITES_PATH_BYTES];
    MoveId id;
    SheetMeta meta;
    unsigned char *pixels; /* ARGB8888 words, w x h, or NULL on failure */
    int w, h;
    char what[SPRITES_PATH_BYTES + 80], why[200]; /* the failure, when pixels is NULL */
    SDL_atomic_t state; /* SHEET_DECODE_*: who frees it when a worker decodes it */
} SheetDecode;

/* A worker's SheetDecode: the render thread waits for one it needs, but abandons one it drops
 * (a quit, a move that is no longer next), so a slow decode never holds up a frame or the exit. */
enum { SHEET_DECODE_RUNNING, SHEET_DECODE_DONE, SHEET_DECODE_ABANDONED };

typedef struct {
    bool tried; /* a load was attempted (so a failure is reported once) */
    bool ok;
    SheetMeta meta;
    SDL_Texture **frames; /* meta.frames textures of frame_w x frame_h */
    unsigned last_used;
    SDL_Thread *worker; /* decoding ahead of need, or NULL */
    SheetDecode *decode; /* the worker's result, owned here */
} SpriteSheet;

struct Sprites {
    SDL_Renderer *renderer;
    char dir[SPRITES_PATH_BYTES];
    SpriteSheet sheets[MOVE_COUNT];
    bool warned[MOVE_COUNT];
    unsigned clock; /* counts draws, for dropping the least recently used sheet */
};

/* ------------------------------------------------------------------ loading */

static void sprites_warn(Sprites *s, MoveId id, const char *what, const char *why)
{
    if (s->warned[id])
        return;
    s->warned[id] = true;
    fprintf(stderr, "unknot: warning: no animation for %s: %s: %s\n", moves_info(id)->id, what, why);
}

/* Read and check the .sheet, decode the PNG to ARGB words. Any thread; touches only d. */
static void sheet_decode(SheetDecode *d)
{
    char path[SPRITES_PATH_BYTES + 80];
    snprintf(path, sizeof path, "%s/%s.sheet", d->dir, moves_info(d->id)->id);
    snprintf(d->what, sizeof d->what, "%s", path);
    size_t len = 0;
    char *text = NULL;
    if (files_read(path, FILES_MAX_SHEET_BYTES, &text, &len, d->why, sizeof d->why) < 0)
        return;
    int rc = sheet_parse(text, len, &d->meta, d->why, sizeof d->why);
    free(text);
    if (rc != 0)
        return;
    const SheetMeta *m = &d->meta;
    snprintf(path, sizeof path, "%s/%s", d->dir, m->image);
    snprintf(d->what, sizeof d->what, "%s", path);
    char *png = NULL;
    if (files_read(path, FILES_MAX_IMAGE_BYTES, &png, &len, d->why, sizeof d->why) < 0)
        return;
    if (len > INT_MAX) {
        snprintf(d->why, sizeof d->why, "image file too large");
        free(png);
        return;
    }
    /* the header first: a picture of any other size (a huge one above all) is never decoded */
    int n = 0;
    int rows = (m->frames + m->columns - 1) / m->columns;
    long want_w = (long)m->columns * m->frame_w, want_h = (long)rows * m->frame_h;
    const stbi_uc *bytes = (const stbi_uc *)png;
    if (!stbi_info_from_memory(bytes, (int)len, &d->w, &d->h, &n)) {
        snprintf(d->why, sizeof d->why, "%s", stbi_failure_reason());
        free(png);
        return;
    }
    if (d->w != want_w || d->h != want_h) {
        snprintf(d->why, sizeof d->why, "image is %dx%d; the sheet says %ldx%ld", d->w, d->h, want_w, want_h);
        free(png);
        return;
    }
    if ((long long)d->w * d->h > FILES_MAX_IMAGE_PIXELS) {
        snprintf(d->why, sizeof d->why, "image is %dx%d; the limit is %d pixels", d->w, d->h, FILES_MAX_IMAGE_PIXELS);
        free(png);
        return;
    }
    int w = 0, h = 0;
    unsigned char *pixels = stbi_load_from_memory(bytes, (int)len, &w, &h, &n, 4);
    free(png);
    if (!pixels) {
        snprintf(d->why, sizeof d->why, "%s", stbi_failure_reason());
        return;
    }
    if (w != d->w || h != d->h) { /* cannot happen: the same bytes were measured */
        snprintf(d->why, sizeof d->why, "image size changed while it was decoded");
        stbi_image_free(pixels);
        return;
    }
    /* RGBA bytes to native ARGB8888 words, the format software framebuffers use */
    for (size_t i = 0; i < (size_t)d->w * (size_t)d->h; i++) {
        unsigned char *p = &pixels[i * 4];
        Uint32 argb = ((Uint32)p[3] << 24) | ((Uint32)p[0] << 16) | ((Uint32)p[1] << 8) | p[2];
        memcpy(p, &argb, 4);
    }
    d->pixels = pixels;
}

static void sheet_decode_free(SheetDecode *d)
{
    if (d)
        stbi_image_free(d->pixels);
    free(d);
}

static int sheet_decode_thread(void *data)
{
    SheetDecode *d = data;
    sheet_decode(d);
    if (!SDL_AtomicCAS(&d->state, SHEET_DECODE_RUNNING, SHEET_DECODE_DONE))
        sheet_decode_free(d); /* abandoned: nobody else will */
    return 0;
}

static void sheet_unload(SpriteSheet *sh)
{
    if (sh->worker) {
        if (SDL_AtomicCAS(&sh->decode->state, SHEET_DECODE_RUNNING, SHEET_DECODE_ABANDONED)) {
            SDL_DetachThread(sh->worker); /* it frees its SheetDecode when done */
            sh->decode = NULL;
        } else {
            SDL_WaitThread(sh->worker, NULL); /* finished already: a moment */
        }
    }
    sheet_decode_free(sh->decode);
    if (sh->frames) {
        for (int i = 0; i < sh->meta.frames; i++)
            if (sh->frames[i])
                SDL_DestroyTexture(sh->frames[i]);
        free(sh->frames);
    }
    memset(sh, 0, sizeof *sh);
}

/* Start decoding id's sheet on a worker thread, unless it is loaded or on its way. */
static void sheet_start_decode(Sprites *s, MoveId id)
{
    SpriteSheet *sh = &s->sheets[id];
    if (sh->tried || sh->decode)
        return;
    SheetDecode *d = calloc(1, sizeof *d);
    if (!d)
        return;
    snprintf(d->dir, sizeof d->dir, "%s", s->dir);
    d->id = id;
    sh->decode = d;
    sh->worker = SDL_CreateThread(sheet_decode_thread, "unknot-sprite", d);
    /* no thread: the decode happens when the sheet is first drawn */
}

/* Make id's frame textures from its decoded sheet (decoding it here if no worker did). */
static void sheet_load(Sprites *s, MoveId id)
{
    SpriteSheet *sh = &s->sheets[id];
    SheetDecode *d = sh->decode;
    if (sh->worker) {
        SDL_WaitThread(sh->worker, NULL);
        sh->worker = NULL;
    }
    if (!d) {
        d = calloc(1, sizeof *d);
        if (!d)
            return;
        snprintf(d->dir, sizeof d->dir, "%s", s->dir);
        d->id = id;
        sheet_decode(d);
    } else if (!d->pixels && !d->why[0]) {
        sheet_decode(d); /* the worker could not be started */
    }
    sh->decode = NULL;
    sh->tried = true;
    sh->meta = d->meta;
    const SheetMeta *m = &sh->meta;
    if (!d->pixels) {
        sprites_warn(s, id, d->what, d->why);
        sheet_decode_free(d);
        return;
    }
    sh->frames = calloc((size_t)m->frames, sizeof *sh->frames);
    if (!sh->frames) {
        sprites_warn(s, id, d->what, "out of memory");
        goto fail;
    }
    for (int f = 0; f < m->frames; f++) {
        SDL_Texture *t =
            SDL_CreateTexture(s->renderer, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STATIC, m->frame_w, m->frame_h);
        if (!t) {
            sprites_warn(s, id, d->what, SDL_GetError());
            goto fail;
        }
        sh->frames[f] = t;
        const unsigned char *src = &d->pixels[((size_t)(f / m->columns) * (size_t)m->frame_h * (size_t)d->w +
                                               (size_t)(f % m->columns) * (size_t)m->frame_w) *
                                              4];
        SDL_UpdateTexture(t, NULL, src, d->w * 4);
        SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
        SDL_SetTextureScaleMode(t, SDL_ScaleModeLinear);
    }
    sheet_decode_free(d);
    sh->ok = true;
    return;
fail:
    sheet_decode_free(d);
    SheetMeta keep = sh->meta;
    sheet_unload(sh);
    sh->meta = keep;
    sh->tried = true;
}

/* The loaded sheet for id, loading it (and dropping the least recently used) if needed. */
static SpriteSheet *sprites_get(Sprites *s, MoveId id)
{
    SpriteSheet *sh = &s->sheets[id];
    if (!sh->tried) {
        int loaded = 0;
        for (int i = 0; i < MOVE_COUNT; i++)
            loaded += s->sheets[i].ok;
        while (loaded >= SPRITES_MAX_LOADED) {
            int oldest = -1;
            for (int i = 0; i < MOVE_COUNT; i++)
                if (s->sheets[i].ok && (oldest < 0 || s->sheets[i].last_used < s->sheets[oldest].last_used))
                    oldest = i;
            sheet_unload(&s->sheets[oldest]);
            loaded--;
        }
        sheet_load(s, id);
    }
    sh->last_used = ++s->clock;
    return sh->ok ? sh : NULL;
}

/* ------------------------------------------------------------------ public */

Sprites *sprites_new(SDL_Renderer *r, const char *sprite_dir)
{
    Sprites *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->renderer = r;
    snprintf(s->dir, sizeof s->dir, "%s", sprite_dir ? sprite_dir : ".");
    return s;
}

void sprites_free(Sprites *s)
{
    if (!s)
        return;
    for (int i = 0; i < MOVE_COUNT; i++)
        sheet_unload(&s->sheets[i]);
    free(s);
}

void sprites_prepare(Sprites *s, MoveId current, MoveId next)
{
    if (!s)
        return;
    for (int i = 0; i < MOVE_COUNT; i++)
        if (i != (int)current && i != (int)next && (s->sheets[i].tried || s->sheets[i].decode))
            sheet_unload(&s->sheets[i]); /* forgets failures too: a fixed file is retried later */
    if (current >= 0 && current < MOVE_COUNT)
        sprites_get(s, current);
    if (next >= 0 && next < MOVE_COUNT && next != current)
        sheet_start_decode(s, next); /* ready by the time it is drawn */
}

bool sprites_draw(Sprites *s, const SessionView *v, SDL_Rect stage)
{
    if (!s || !v || v->figure < 0 || v->figure >= MOVE_COUNT || stage.w <= 0 || stage.h <= 0)
        return false;
    SpriteSheet *sh = sprites_get(s, v->figure);
    if (!sh)
        return false;
    const SheetMeta *m = &sh->meta;
    SheetFrame f;
    sheet_frame_at(m, v->anim, v->anim_ms, v->anim_length_ms, v->rep_hold_ms, &f);
    /* fit the whole canvas into the stage, so every move shares one scale and one mat line */
    double scale = fmin((double)stage.w / m->canvas_w, (double)stage.h / m->canvas_h);
    double ox = stage.x + (stage.w - m->canvas_w * scale) / 2.0;
    double oy = stage.y + (stage.h - m->canvas_h * scale) / 2.0;
    bool flip = sheet_mirrored(m, v->side);
    int crop_x = flip ? m->canvas_w - m->crop_x - m->frame_w : m->crop_x;
    SDL_Rect dst;
    dst.x = (int)lround(ox + crop_x * scale);
    dst.y = (int)lround(oy + m->crop_y * scale);
    dst.w = (int)lround(ox + (crop_x + m->frame_w) * scale) - dst.x;
    dst.h = (int)lround(oy + (m->crop_y + m->frame_h) * scale) - dst.y;
    int alpha_b = (int)lroundf(f.blend * 255.0f);
    int frames[2] = {f.a, f.b};
    int alphas[2] = {255, alpha_b};
    for (int i = 0; i < 2; i++) {
        if (i == 1 && (f.b == f.a || alpha_b <= 0))
            break;
        SDL_Texture *t = sh->frames[frames[i]];
        SDL_SetTextureAlphaMod(t, (Uint8)alphas[i]);
        if (flip)
            SDL_RenderCopyEx(s->renderer, t, NULL, &dst, 0.0, NULL, SDL_FLIP_HORIZONTAL);
        else
            SDL_RenderCopy(s->renderer, t, NULL, &dst);
    }
    return true;
}

size_t sprites_texture_bytes(const Sprites *s)
{
    size_t bytes = 0;
    for (int i = 0; s && i < MOVE_COUNT; i++)
        if (s->sheets[i].ok)
            bytes += (size_t)s->sheets[i].meta.frames * (size_t)s->sheets[i].meta.frame_w *
                     (size_t)s->sheets[i].meta.frame_h * 4;
    return bytes;
}
