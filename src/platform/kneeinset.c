/* kneeinset.c: the knees seen from the head end, on the stage (kneeinset.h). */
#include "kneeinset.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "figpaint.h"
#include "kneeview.h"

#define KNEEINSET_STEP_DEG 0.25f /* a roll this much from the painted one is painted again */

struct KneeInset {
    SDL_Texture *tex;
    uint64_t serial;
    int w, h;
    float painted_deg; /* the roll in the texture */
    uint32_t *px;
};

KneeInset *kneeinset_new(void)
{
    return calloc(1, sizeof(KneeInset));
}

void kneeinset_free(KneeInset *k, DrawList *dl)
{
    if (!k)
        return;
    if (k->tex)
        drawlist_destroy_texture(dl, k->tex);
    free(k->px);
    free(k);
}

/* Paint the knees rolled deg into k's w x h buffer and texture. */
static bool kneeinset_paint(KneeInset *k, DrawList *dl, float deg)
{
    PoseFigure *fig = malloc(sizeof *fig);
    if (!fig)
        return false;
    kneeview_figure(deg, fig);
    memset(k->px, 0, (size_t)k->w * (size_t)k->h * sizeof *k->px);
    /* the view's box fills the buffer's width or height, whichever binds, standing on its bottom */
    float margin = 0.02f, sw = (float)k->w / (2.0f * (KNEEVIEW_HALF_W + margin)),
          sh = (float)k->h / (KNEEVIEW_TOP + 2.0f * margin);
    FigPlace pl = {fminf(sw, sh), (float)k->w * 0.5f, 0.0f, false, 0.0f};
    pl.oy = (float)k->h - margin * pl.scale;
    FigCanvas c = {k->px, k->w, k->w, k->h};
    figpaint_figure(&c, fig, &pl, 0, 0);
    free(fig);
    drawlist_texture_changing(dl, k->tex);
    if (SDL_UpdateTexture(k->tex, NULL, k->px, k->w * (int)sizeof *k->px) != 0)
        return false;
    k->serial = drawlist_serial(dl);
    k->painted_deg = deg;
    return true;
}

void kneeinset_draw(KneeInset *k, SDL_Renderer *r, DrawList *dl, SDL_Rect box, float right_deg)
{
    if (!k || !r || box.w <= 0 || box.h <= 0)
        return;
    bool fresh = false;
    if (!k->tex || k->w != box.w || k->h != box.h) {
        if (k->tex)
            drawlist_destroy_texture(dl, k->tex);
        free(k->px);
        k->tex = SDL_CreateTexture(r, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STREAMING, box.w, box.h);
        k->px = malloc((size_t)box.w * (size_t)box.h * sizeof *k->px);
        k->w = box.w, k->h = box.h;
        if (!k->tex || !k->px) {
            if (k->tex)
                SDL_DestroyTexture(k->tex);
            free(k->px);
            k->tex = NULL, k->px = NULL, k->w = k->h = 0;
            return;
        }
        SDL_SetTextureBlendMode(k->tex, SDL_BLENDMODE_BLEND);
        fresh = true;
    }
    if ((fresh || fabsf(right_deg - k->painted_deg) >= KNEEINSET_STEP_DEG) && !kneeinset_paint(k, dl, right_deg))
        return;
    drawlist_copy(dl, r, k->tex, k->serial, NULL, box.x, box.y);
}
