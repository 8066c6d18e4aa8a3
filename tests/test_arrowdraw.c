/* test_arrowdraw.c: the motion arrows through the draw list (arrowdraw.h): the frame they appear
 * in sends their box, a frame where they stay the same sends nothing, a fade step sends their box
 * again, and the frame after they are gone sends the box they left, whose pixels are the clear
 * colour again; the drawn pixels equal drawing every frame whole (no list). They keep clear of
 * the boxes on the stage: moved the least way, never over "It hurts", on real frames of every
 * move's get-ready at 1920x1080 and 1280x720. */
#include <SDL.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "arrowdraw.h"
#include "drawlist.h"
#include "render.h"
#include "simulate.h"
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

/* Whether pixel (x, y) of c is other than the colours frame() clears to (the stage, the mat). */
static bool painted_at(const Canvas *c, int x, int y)
{
    Uint32 p = ((const Uint32 *)c->surf->pixels)[(size_t)y * (size_t)(c->surf->pitch / 4) + (size_t)x];
    Uint8 r, g, b;
    SDL_GetRGB(p, c->surf->format, &r, &g, &b);
    return !(r == 235 && g == 230 && b == 222) && !(r == 140 && g == 148 && b == 217);
}

static bool overlaps(SDL_Rect a, SDL_Rect b, int gap)
{
    return a.x < b.x + b.w + gap && b.x - gap < a.x + a.w && a.y < b.y + b.h + gap && b.y - gap < a.y + a.h;
}

/* Review 28 #3a (cat-camel's tip touched "It hurts" at 1920x1080): arrowdraw_extent holds every
 * pixel drawn; an arrow reaching into a box is moved the least way out, gap apart, within the
 * stage; one clear of it stays where it is; one with nowhere clear is left out. */
static void keep_clear(Canvas *c)
{
    MoveArrows a = {{{{100.0f, 220.0f, 330.0f}, {240.0f, 150.0f, 90.0f}}}, 1, 30.0f};
    SDL_Rect e = arrowdraw_extent(&a.path[0], a.width);
    frame(c, &a, 1.0f);
    int outside = 0, inside_n = 0;
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++)
            if (painted_at(c, x, y) && !(y >= 250 && y < 270))
                (x >= e.x && x < e.x + e.w && y >= e.y && y < e.y + e.h) ? inside_n++ : outside++;
    CHECK_INT(outside, 0);
    CHECK(inside_n > 3000);
    CHECK(e.w < 330 - 100 + 120 && e.h < 240 - 90 + 120); /* not much more than the arrow */
    SDL_Rect stage = {0, 0, W, H}, button = {330, 40, 200, 160}; /* the tip reaches into the button */
    CHECK(overlaps(e, button, 0));
    MoveArrows b = a;
    arrowdraw_keep_clear(&b, stage, &button, 1, 16);
    CHECK_INT(b.count, 1);
    SDL_Rect moved = arrowdraw_extent(&b.path[0], b.width);
    CHECK(!overlaps(moved, button, 16 - 1));
    float dx = b.path[0].x[2] - a.path[0].x[2], dy = b.path[0].y[2] - a.path[0].y[2];
    CHECK(dx < 0.0f && dy == 0.0f); /* left is the shortest way out, not down under the button */
    CHECK(b.path[0].x[0] - a.path[0].x[0] == dx && b.path[0].y[1] - a.path[0].y[1] == dy); /* moved whole */
    frame(c, &b, 1.0f);
    for (int y = button.y - 15; y < button.y + button.h + 15; y++)
        for (int x = button.x - 15; x < button.x + button.w + 15; x++)
            if (painted_at(c, x, y) && !(y >= 250 && y < 270)) {
                CHECK(false);
                y = H, x = W;
            }
    b = a; /* clear already: not moved */
    SDL_Rect far = {600, 380, 100, 60};
    arrowdraw_keep_clear(&b, stage, &far, 1, 16);
    CHECK(b.count == 1 && memcmp(&b.path[0], &a.path[0], sizeof a.path[0]) == 0);
    b = a; /* off the stage's top: moved down into it */
    SDL_Rect low = {0, 100, W, H - 100};
    arrowdraw_keep_clear(&b, low, NULL, 0, 16);
    CHECK(b.count == 1 && arrowdraw_extent(&b.path[0], b.width).y >= 100);
    b = a; /* nowhere clear */
    arrowdraw_keep_clear(&b, stage, &stage, 1, 16);
    CHECK_INT(b.count, 0);
}

/* Physio review 31: the side bend's arc beside "It hurts" was moved whole, over the face. An arc
 * whose box reaches over a button's corner while its pixels keep the gap stays where it is; one
 * whose pixels reach into it is drawn as its first nearer way round (MoveArrows.inner) that needs
 * no move, unmoved, and has none left; with none that fits unmoved, the path or way needing the
 * least move. */
static void keep_clear_inner(Canvas *cv)
{
    SDL_Rect stage = {0, 0, W, H}, button = {420, 0, 300, 120};
    /* an arc from the upper left bending down past the button's lower left corner */
    MoveArrows a = {{{{250.0f, 360.0f, 420.0f}, {60.0f, 110.0f, 230.0f}}}, 1, 24.0f};
    SDL_Rect e = arrowdraw_extent(&a.path[0], a.width);
    CHECK(overlaps(e, button, 16)); /* its box reaches over the corner */
    MoveArrows b = a;
    arrowdraw_keep_clear(&b, stage, &button, 1, 16);
    CHECK(b.count == 1 && memcmp(&b.path[0], &a.path[0], sizeof a.path[0]) == 0); /* its pixels do not: unmoved */
    frame(cv, &b, 1.0f);
    int near = 0;
    for (int y = 0; y < button.y + button.h + 16; y++)
        for (int x = button.x - 16; x < button.x + button.w; x++)
            near += painted_at(cv, x, y) && !(y >= 250 && y < 270);
    CHECK_INT(near, 0); /* nor as drawn */
    /* the same arc further out: into the button; its nearer ways, the first still into it, the
     * second clear */
    MoveArrows c = {{{{250.0f, 430.0f, 520.0f}, {40.0f, 100.0f, 230.0f}}}, 1, 24.0f};
    c.inner[0][0] = (ArrowPath){{250.0f, 420.0f, 500.0f}, {60.0f, 110.0f, 230.0f}};
    c.inner[0][1] = a.path[0];
    c.inners[0] = 2;
    MoveArrows d = c;
    arrowdraw_keep_clear(&d, stage, &button, 1, 16);
    CHECK_INT(d.count, 1);
    CHECK(memcmp(&d.path[0], &a.path[0], sizeof a.path[0]) == 0); /* the way that fits, unmoved */
    CHECK_INT(d.inners[0], 0);
    d = c; /* without nearer ways: moved */
    d.inners[0] = 0;
    arrowdraw_keep_clear(&d, stage, &button, 1, 16);
    CHECK(d.count == 1 && memcmp(&d.path[0], &c.path[0], sizeof c.path[0]) != 0);
    CHECK(d.path[0].x[1] - c.path[0].x[1] == d.path[0].x[0] - c.path[0].x[0]); /* moved whole */
}

static void step_starts(void *ctx, const Session *s, const SessionEvent *ev)
{
    int64_t *t = ctx;
    (void)s;
    if (ev->type == EV_STEP_START && ev->n_run >= 0 && t[0] < 2 && (t[0] == 0 || ev->side != (Sides)t[3]))
        t[1 + t[0]++] = ev->t_ms, t[3] = ev->side;
}

/* The arrows on real frames (the figures painted, the layout's boxes): in every move's get-ready
 * and, a sided move, its other side's 3-2-1 (the arrows at full strength), no arrow pixel within
 * the style's gap of "It hurts" or outside the stage. Returns the frames with arrows. */
static int keep_clear_on_stage(int w, int h)
{
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *ren = surf ? SDL_CreateSoftwareRenderer(surf) : NULL;
    Sprites *sp = ren ? sprites_new(ren, "assets/poses") : NULL;
    CHECK(sp != NULL);
    if (!sp)
        return 0;
    sprites_set_immediate(sp, true);
    sprites_set_target_format(sp, surf->format->format);
    char err[256];
    Render rd = {ren, ren ? text_new(ren, NULL, err, sizeof err) : NULL, sp, w, h, NULL};
    CHECK(rd.text != NULL);
    if (!rd.text)
        return 0;
    SDL_Rect hurt = render_button_rect(&rd, BUTTON_HURT), stage = render_layout(&rd).stage;
    int gap = render_px(&rd, render_style(&rd)->gap), shown = 0;
    for (int id = 0; id < MOVE_COUNT; id++) {
        const MoveInfo *mi = moves_info((MoveId)id);
        if (!mi->routine_usable)
            continue;
        char src[256];
        snprintf(src, sizeof src, "title \"A\"\nmove %s\n  reps 3 tempo 4s\n%s", mi->id,
                 mi->sided ? "  sides both\n" : "");
        Routine r;
        RoutineErrors *errs = calloc(1, sizeof *errs);
        int rc = errs ? routine_parse("a.routine", src, strlen(src), &r, errs) : -1;
        free(errs);
        if (rc < 0)
            continue;
        int64_t t[4] = {0, -1, -1, -1}; /* count, the sides' starts, the last side */
        simulate_run(&r, NULL, step_starts, t);
        for (int k = 0; k < t[0]; k++) {
            Session s;
            simulate_until(&r, NULL, t[1 + k] - 1500, &s);
            SessionView v = session_view(&s, 0);
            sprites_camera_reset(sp);
            sprites_prepare(sp, v.figure, MOVE_NONE);
            Overlay ov = {0};
            ov.volume_percent = -1;
            render_session(&rd, &v, "A", &ov);
            SDL_RenderPresent(ren);
            int yellow = 0, near = 0, off = 0;
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++) {
                    Uint32 p = ((const Uint32 *)surf->pixels)[(size_t)y * (size_t)(surf->pitch / 4) + (size_t)x];
                    Uint8 pr, pg, pb;
                    SDL_GetRGB(p, surf->format, &pr, &pg, &pb);
                    if (!(pr >= 248 && pg >= 200 && pg <= 225 && pb <= 25))
                        continue;
                    yellow++;
                    near += x >= hurt.x - gap && x < hurt.x + hurt.w + gap && y >= hurt.y - gap &&
                            y < hurt.y + hurt.h + gap;
                    off += x < stage.x || x >= stage.x + stage.w || y < stage.y || y >= stage.y + stage.h;
                }
            if (near || off)
                printf("%dx%d %s side %d: %d arrow pixels within %d px of \"It hurts\", %d off the stage\n", w, h,
                       mi->id, k + 1, near, gap, off);
            CHECK_INT(near, 0);
            CHECK_INT(off, 0);
            shown += yellow > 0;
            session_free(&s);
            if (yellow > 0) {
                CHECK(rd.arrows != NULL);
                /* the third rep: faded since the first, their pixels and textures let go */
                simulate_until(&r, NULL, t[1 + k] + 9000, &s);
                v = session_view(&s, 0);
                render_session(&rd, &v, "A", &ov);
                CHECK(rd.arrows == NULL);
                session_free(&s);
            }
        }
        routine_free(&r);
    }
    text_free(rd.text);
    sprites_free(sp);
    SDL_DestroyRenderer(ren);
    SDL_FreeSurface(surf);
    return shown;
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
    keep_clear(&whole);
    keep_clear_inner(&whole);
    canvas_close(&list);
    canvas_close(&whole);
    int shown = keep_clear_on_stage(1920, 1080);
    printf("1920x1080: %d get-readies with arrows\n", shown);
    CHECK(shown >= 10);
    shown = keep_clear_on_stage(1280, 720);
    printf("1280x720: %d get-readies with arrows\n", shown);
    CHECK(shown >= 10);
    SDL_Quit();
    return TEST_END();
}
