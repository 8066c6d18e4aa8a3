/* sprites.h: the animated figure. Loads assets/sprites/<move>.sheet + .png lazily into SDL
 * textures and draws the frame for a SessionView, blending neighbouring frames and mirroring
 * the other side. A missing or broken sheet is a warning, never an error. */
#ifndef UNKNOT_SPRITES_H
#define UNKNOT_SPRITES_H

#include <SDL.h>
#include <stdbool.h>

#include "session.h"

#define SPRITES_MAX_LOADED 3 /* sheets kept in memory at once: current, next and one more */

typedef struct Sprites Sprites;

/* Make a sprite set reading sheets from sprite_dir (copied) for renderer r (borrowed). Loads
 * nothing yet. Returns NULL only when out of memory. Free with sprites_free. */
Sprites *sprites_new(SDL_Renderer *r, const char *sprite_dir);

/* Free every texture and the set. Safe on NULL. */
void sprites_free(Sprites *s);

/* Load the sheets of current and next (MOVE_NONE allowed) and drop all others. */
void sprites_prepare(Sprites *s, MoveId current, MoveId next);

/* Draw v->figure at v's animation time, fitted and centred in stage. Returns false (and draws
 * nothing) when the move has no usable sheet: the caller then shows the move's name. */
bool sprites_draw(Sprites *s, const SessionView *v, SDL_Rect stage);

/* Bytes of pixel data held in textures now, for benchmarks. */
size_t sprites_texture_bytes(const Sprites *s);

#endif
