/* test_arrowdraw.c: the motion arrows through the draw list (arrowdraw.h): the frame they appear
 * in sends their box, a frame where they stay the same sends nothing, a fade step sends their box
 * again, and the frame after they are gone sends the box they left, whose pixels are the clear
 * colour again; the drawn pixels equal drawing every frame whole (no list). */
#include <SDL.h>
#include <stdint.h>
#include <string.h>

#include "arrowdraw.h"
#include "drawlist.h"
#include "testutil.h"

#define W 800
#define H 480

typedef struct {
    SDL_Surface *surf;
    SDL_Renderer *r;
    DrawList *dl;
    ArrowDraw *ad;
} Canvas;

static void canvas_open(Canvas *c, bool list)
{
    c->surf = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_RGB888);
    c->r = c->surf ? SDL_CreateSoftwareRenderer(c->surf) : NULL;
    c->dl = list && c->r ? drawlist_new(c->r, NULL) : NULL;
    c->ad = c->r ? arrowdraw_new(c->r) : NULL;
    CHECK(c->r != NULL && c->ad != NULL && (!list || c->dl != NULL));
}

static void canvas_close(Canvas *c)
{
    arrowdraw_free(c->ad, c->dl);
    drawlist_free(c->dl);
    SDL_DestroyRenderer(c->r);
    SDL_FreeSurface(c->surf);
}

static void frame(Canvas *c, const MoveArrows *a, float alpha)
{
    SDL_Color bg = {235, 230, 222, 255};
    drawlist_clear(c->dl, c->r, bg);
    drawlist_fill(c->dl, c->r, (SDL_Rect){0, 250, W, 20}, (SDL_Color){140, 148, 217, 255}, SDL_BLENDMODE_NONE);
    if (alpha > 0.0f)
        arrowdraw_draw(c->ad, c->dl, a, alpha);
    drawlist_present(c->dl, c->r);
}

static bool inside(const SDL_Rect *r, int n, int x, int y)
{
    for (int i = 0; i < n; i++)
        if (x >= r[i].x && x < r[i].x + r[i].w && y >= r[i].y && y < r[i].y + r[i].h)
            return true;
    return false;
}

/* Whether pixel (x, y) of c is the arrows' fill. */
static bool yellow_at(const Canvas *c, int x, int y)
{
    Uint32 p = ((const Uint32 *)c->surf->pixels)[(size_t)y * (size_t)(c->surf->pitch / 4) + (size_t)x];
    Uint8 r, g, b;
    SDL_GetRGB(p, c->surf->format, &r, &g, &b);
    return r >= 248 && g >= 200 && g <= 225 && b <= 25;
}

int main(void)
{
    SDL_SetHint(SDL_HINT_VIDEODRIVER, "dummy");
    CHECK(SDL_Init(SDL_INIT_VIDEO) == 0);
    Canvas list, whole;
    canvas_open(&list, true);
    canvas_open(&whole, false);
    /* one arrow, bent, from the lower left up to the right: 40 px wide shaft at 1080p-like scale */
    MoveArrows a = {{{{100.0f, 220.0f, 330.0f}, {240.0f, 150.0f, 90.0f}}}, 1, 30.0f};
    float alphas[] = {1.0f, 1.0f, 0.5f, 0.5f, 0.0f, 0.0f};
    int sent_expect[] = {-1, 0, 1, 0, 1, 0}; /* -1: the first frame, sent whole */
    int mid_x = 220, mid_y = 150; /* on the curve's middle point: filled while shown */
    for (int f = 0; f < 6; f++) {
        frame(&list, &a, alphas[f]);
        frame(&whole, &a, alphas[f]);
        SDL_Rect r[DRAWLIST_RECTS];
        int n = drawlist_last_rects(list.dl, r, DRAWLIST_RECTS);
        if (sent_expect[f] == 0)
            CHECK_INT(n, 0);
        else if (sent_expect[f] > 0) {
            CHECK(n >= 1);
            CHECK(inside(r, n, mid_x, mid_y));
            CHECK(inside(r, n, 330, 90)); /* the tip */
            CHECK(!inside(r, n, 5, 5)); /* not the whole screen */
        }
        CHECK(yellow_at(&list, mid_x, mid_y) == (alphas[f] >= 1.0f));
        CHECK(memcmp(list.surf->pixels, whole.surf->pixels, (size_t)list.surf->pitch * H) == 0);
    }
    canvas_close(&list);
    canvas_close(&whole);
    SDL_Quit();
    return TEST_END();
}
