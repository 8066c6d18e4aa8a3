/* kneeinset.h: draws kneeview's knees seen from the head end into a box on the stage, through the
 * draw list: painted by figpaint into a small texture, painted again only when the roll moves. */
#ifndef UNKNOT_KNEEINSET_H
#define UNKNOT_KNEEINSET_H

#include <SDL.h>

#include "drawlist.h"

typedef struct KneeInset KneeInset;

/* A new inset, or NULL when out of memory. */
KneeInset *kneeinset_new(void);

/* Free k and its texture (through dl, which may still copy it this frame). */
void kneeinset_free(KneeInset *k, DrawList *dl);

/* Draw the knees rolled right_deg to the person's right (kneeview_figure) centred in box, on
 * whatever is under it (the texture is blended). */
void kneeinset_draw(KneeInset *k, SDL_Renderer *r, DrawList *dl, SDL_Rect box, float right_deg);

#endif
