/* test_sprites.c: the live figure against SDL's software renderer on a plain surface (no
 * window): every move draws, 30 poses a second are all different pictures, left and right are
 * mirror images (or, lying, the same outline with the other limb working), the figure fills the stage, a missing or
 * broken pose file returns false without crashing, the painter thread delivers in live mode, and the
 * figure painted onto its backdrop and copied as it is gives the pixels of a blended copy. */
#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "moves.h"
#include "render.h"
#include "sprites.h"
#include "testutil.h"

#define W 1920
#define H 1080
static const SDL_Rect stage = {384, 216, 1152, 648}; /* the middle 60% the lead passes */
#define BG 0xff141a24u

static void clear(SDL_Surface *s)
{
    SDL_FillRect(s, NULL, BG);
}

static Uint32 px(SDL_Surface *s, int x, int y)
{
    return ((Uint32 *)s->pixels)[y * (s->pitch / 4) + x];
}

/* Count non-background pixels inside r; also the vertical extent of the figure. */
static int count_drawn(SDL_Surface *s, SDL_Rect r, int *top, int *bottom)
{
    int n = 0;
    *top = H, *bottom = -1;
    for (int y = r.y; y < r.y + r.h; y++)
        for (int x = r.x; x < r.x + r.w; x++)
            if (px(s, x, y) != BG) {
                n++;
                if (y < *top)
                    *top = y;
                if (y > *bottom)
                    *bottom = y;
            }
    return n;
}

/* Pixels of a and b whose colour channels differ by more than tol (each of the three low bytes),
 * or whose top byte differs when top is set (a format with alpha). */
static int count_diff_tol(const Uint32 *a, const Uint32 *b, size_t n, int tol, bool top)
{
    int d = 0;
    for (size_t i = 0; i < n; i++) {
        bool differ = top && a[i] >> 24 != b[i] >> 24;
        for (int k = 0; k < 24 && !differ; k += 8)
            differ = abs((int)(a[i] >> k & 255) - (int)(b[i] >> k & 255)) > tol;
        d += differ;
    }
    return d;
}

static int count_diff(const Uint32 *a, const Uint32 *b, size_t n)
{
    int d = 0;
    for (size_t i = 0; i < n; i++)
        d += a[i] != b[i];
    return d;
}

static SessionView view(MoveId id, AnimMode mode, int t, int len, Sides side)
{
    SessionView v;
    memset(&v, 0, sizeof v);
    v.figure = id;
    v.anim = mode;
    v.anim_ms = t;
    v.anim_length_ms = len;
    v.side = side;
    return v;
}

/* The page, then the stage card as the screens draw it (render_box), then the figure: blended, or
 * (bd given) painted onto the card and copied as it is. */
static void draw_on_card(SDL_Renderer *r, Sprites *sp, const SessionView *v, const SpritesBackdrop *card, bool copy)
{
    Render rd;
    memset(&rd, 0, sizeof rd);
    rd.r = r;
    rd.w = W, rd.h = H;
    SDL_SetRenderDrawColor(r, card->page_color.r, card->page_color.g, card->page_color.b, 255);
    SDL_RenderClear(r);
    render_box(&rd, card->card, card->radius, card->card_color);
    CHECK(sprites_draw_clear(sp, v, stage, (SDL_Rect){0, 0, 0, 0}, (SDL_Rect){0, 0, 0, 0}, copy ? card : NULL));
    SDL_RenderPresent(r);
}

/* The figure painted onto its backdrop and copied as it is gives the same pixels as the figure
 * blended onto the target, in the format of a plain surface, of --shot's and of an X11 window's,
 * with the card's rounded corners and the page inside the figure's box (the card here is smaller
 * than the stage); immediate, and on the painter thread (the window's format). */
static void opaque_same_as_blended(void)
{
    static const Uint32 formats[] = {SDL_PIXELFORMAT_ARGB8888, SDL_PIXELFORMAT_ABGR8888, SDL_PIXELFORMAT_RGB888};
    const SpritesBackdrop card = {
        {stage.x + 150, stage.y + 100, stage.w - 300, stage.h - 200}, 90, {236, 232, 224, 255}, {20, 26, 36, 255}};
    MoveId sided = MOVE_NONE;
    for (int id = 0; id < MOVE_COUNT && sided == MOVE_NONE; id++)
        if (moves_info((MoveId)id)->sided)
            sided = (MoveId)id;
    const SessionView cases[] = {
        view(MOVE_BRIDGE, ANIM_REPS, 2000, 4000, SIDES_NONE), view(MOVE_CHILD_POSE, ANIM_HOLD, 9000, 20000, SIDES_NONE),
        view(MOVE_SEATED_TWIST, ANIM_HOLD, 6000, 12000, SIDES_LEFT), view(sided, ANIM_HOLD, 6000, 12000, SIDES_RIGHT)};
    for (size_t f = 0; f < sizeof formats / sizeof formats[0]; f++) {
        SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, formats[f]);
        SDL_Renderer *r = surf ? SDL_CreateSoftwareRenderer(surf) : NULL;
        CHECK(r != NULL);
        if (!r)
            return;
        size_t n = (size_t)surf->pitch / 4 * H;
        Uint32 *blended = malloc(n * 4);
        Sprites *a = sprites_new(r, "assets/poses"), *b = sprites_new(r, "assets/poses");
        sprites_set_immediate(a, true);
        sprites_set_immediate(b, true);
        sprites_set_target_format(b, formats[f]);
        for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
            draw_on_card(r, a, &cases[c], &card, false);
            memcpy(blended, surf->pixels, n * 4);
            SDL_RenderClear(r);
            draw_on_card(r, b, &cases[c], &card, true);
            /* the window's formats are painted straight onto the backdrop in figpaint's float
             * "over"; SDL blends the figure alone in 8-bit steps: an edge pixel may round up to 5 of
             * 255 apart (measured: at most 5; a backdrop or figure out of place differs by far more),
             * and the top byte (unused in RGB888, 255 on the backdrop) is not compared */
            bool own = formats[f] == SDL_PIXELFORMAT_ARGB8888 || formats[f] == SDL_PIXELFORMAT_RGB888;
            int diff = own ? count_diff_tol(blended, surf->pixels, n, 5, false) : count_diff(blended, surf->pixels, n),
                page = 0;
            for (int y = stage.y; y < stage.y + stage.h; y++) /* the figure over the page too */
                for (int x = stage.x; x < stage.x + stage.w; x++)
                    page += (x < card.card.x || x >= card.card.x + card.card.w || y < card.card.y ||
                             y >= card.card.y + card.card.h) &&
                            px(surf, x, y) != px(surf, 0, 0);
            printf("%s %s: copied onto its backdrop, %d px differ from blended (%d px of figure over the page)\n",
                   SDL_GetPixelFormatName(formats[f]), moves_info(cases[c].figure)->id, diff, page);
            CHECK_INT(diff, 0);
            CHECK(page > 100);
        }
        if (formats[f] == SDL_PIXELFORMAT_RGB888) { /* a window's: the painter thread paints it */
            sprites_free(b);
            b = sprites_new(r, "assets/poses");
            sprites_set_target_format(b, formats[f]);
            CHECK(sprites_wait(b, MOVE_BRIDGE));
            int frames = 0, diff = -1;
            for (; frames < 2000 && diff != 0; frames++) { /* 10 s at most (ASan, a loaded machine) */
                draw_on_card(r, b, &cases[0], &card, true);
                sprites_frame_shown(b);
                diff = count_diff_tol(blended, surf->pixels, n, 5, false); /* the last case's blended picture */
                if (frames == 0) {
                    draw_on_card(r, a, &cases[0], &card, false);
                    memcpy(blended, surf->pixels, n * 4);
                }
                SDL_Delay(5);
            }
            printf("live, copied onto its backdrop: the same pixels as blended after %d frames\n", frames);
            CHECK_INT(diff, 0);
        }
        sprites_free(a);
        sprites_free(b);
        free(blended);
        SDL_DestroyRenderer(r);
        SDL_FreeSurface(surf);
    }
}

/* The columns [*x0, *x1] of the figure's pixels (not background) inside r, in the rows above the
 * mat (the first row drawn over nine tenths of r's width); false when none. */
static bool figure_columns(SDL_Surface *s, SDL_Rect r, int *x0, int *x1)
{
    *x0 = W, *x1 = -1;
    for (int y = r.y; y < r.y + r.h; y++) {
        int drawn = 0, lo = W, hi = -1;
        for (int x = r.x; x < r.x + r.w; x++)
            if (px(s, x, y) != BG)
                drawn++, lo = x < lo ? x : lo, hi = x > hi ? x : hi;
        if (drawn * 10 > r.w * 9)
            break; /* the mat */
        if (drawn)
            *x0 = lo < *x0 ? lo : *x0, *x1 = hi > *x1 ? hi : *x1;
    }
    return *x1 >= *x0;
}

/* A figure eased in from another (SessionView.blend) is framed as its pose is eased: from where
 * the one before was framed. Each pose file stands its body at its own place along the mat (rest's
 * pelvis ~0.26 H from knee rolls'), so eased poses drawn in the new move's framing jumped sideways
 * at the first eased frame, knee rolls' get-ready putting the head off the stage. Drawn as --shot
 * draws (immediate, no camera): every 1/30 s of the easing the figure's ends move at most 2% of
 * the stage, and it never touches the stage's side. */
static void eased_framing(SDL_Surface *surf, SDL_Renderer *r)
{
    Sprites *sp = sprites_new(r, "assets/poses");
    sprites_set_immediate(sp, true);
    SessionView rest = view(MOVE_WAY_SITTING_TO_BACK, ANIM_HOLD, 9000, 10000, SIDES_NONE);
    rest.turn_ms = -1; /* not turning round */
    /* the workout's stage at 1920x1080 and "It hurts" on its top right (render_layout): the knees
     * rising into it move knee rolls' framing aside */
    const SDL_Rect on_stage = {40, 146, 1073, 704}, hurt = {777, 162, 320, 110};
    SDL_Rect none = {0, 0, 0, 0};
    clear(surf);
    CHECK(sprites_draw_clear(sp, &rest, on_stage, hurt, none, NULL));
    int a0, a1, b0, b1;
    CHECK(figure_columns(surf, on_stage, &a0, &a1));
    SessionView eased = view(MOVE_KNEE_ROLLS, ANIM_START, 0, 4000, SIDES_NONE);
    eased.blend = true;
    eased.from_figure = MOVE_WAY_SITTING_TO_BACK, eased.from_anim = ANIM_HOLD;
    eased.from_anim_ms = 9000, eased.from_anim_length_ms = 10000;
    eased.turn_ms = -1;
    int worst = 0, inside = 1;
    for (int ms = 0; ms <= SESSION_BLEND_MS + 34; ms += 33) {
        eased.blend_ms = ms, eased.blend = ms < SESSION_BLEND_MS, eased.anim_ms = ms;
        clear(surf);
        CHECK(sprites_draw_clear(sp, &eased, on_stage, hurt, none, NULL));
        if (!figure_columns(surf, on_stage, &b0, &b1))
            continue;
        int step = abs(b0 - a0) > abs(b1 - a1) ? abs(b0 - a0) : abs(b1 - a1);
        worst = step > worst ? step : worst;
        if (!(b0 > on_stage.x && b1 < on_stage.x + on_stage.w - 1))
            printf("at %d ms of the easing: columns %d..%d, the stage %d..%d\n", ms, b0, b1, on_stage.x,
                   on_stage.x + on_stage.w - 1);
        inside = inside && b0 > on_stage.x && b1 < on_stage.x + on_stage.w - 1;
        a0 = b0, a1 = b1;
    }
    printf("the way down onto the back eased into knee rolls: the figure's ends move %d px in 1/30 s at most (stage %d "
           "px wide)\n",
           worst, on_stage.w);
    CHECK(worst <= on_stage.w / 50);
    CHECK(inside);
    sprites_free(sp);
}

int main(void)
{
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        fprintf(stderr, "SDL_Init: %s\n", SDL_GetError());
        return 1;
    }
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = surf ? SDL_CreateSoftwareRenderer(surf) : NULL;
    if (!r) {
        fprintf(stderr, "renderer: %s\n", SDL_GetError());
        return 1;
    }
    size_t npx = (size_t)surf->pitch / 4 * H;
    Uint32 *snap = malloc(npx * 4), *snap2 = malloc(npx * 4);
    Sprites *sp = sprites_new(r, "assets/poses");
    CHECK(sp != NULL);
    sprites_set_immediate(sp, true);
    int top, bottom;

    for (int id = 0; id < MOVE_COUNT; id++) {
        if (moves_way_from((MoveId)id) != POSITION_NONE)
            continue; /* the ways between positions: test_pose and test_shot_moves draw them */
        bool rest_like = !moves_info((MoveId)id)->routine_usable; /* idle and the resting figures */
        AnimMode mode = rest_like ? ANIM_LOOP : ANIM_REPS;
        sprites_prepare(sp, (MoveId)id, MOVE_NONE);
        /* a rep of 4 s: start and beat (2 s) differ; for held moves the reps loop the breath */
        clear(surf);
        SessionView v = view((MoveId)id, mode, 0, 4000, SIDES_NONE);
        CHECK(sprites_draw(sp, &v, stage));
        SDL_RenderPresent(r);
        int n = count_drawn(surf, stage, &top, &bottom);
        SDL_Rect whole = {0, 0, W, H};
        int all = count_drawn(surf, whole, &top, &bottom);
        printf("%-13s drawn %6d px, figure rows %d..%d\n", moves_info((MoveId)id)->id, n, top, bottom);
        CHECK(n > 20000);
        CHECK(all == n); /* nothing outside the stage */
        /* 30 poses a second through the first second and a half of a rep (a rep of a moving
         * move; a breath of a resting figure): every one a different picture, and over the whole
         * step the figure and its mat fill 80% of the stage's width or height */
        int x0 = W, x1 = -1, y0 = H, y1 = -1, same_as_last = 0;
        memcpy(snap2, surf->pixels, npx * 4);
        for (int k = 1; k <= 30; k++) {
            clear(surf);
            SessionView w = view((MoveId)id, mode, k * 1000 / 30, 4000, SIDES_NONE);
            CHECK(sprites_draw(sp, &w, stage));
            same_as_last +=
                count_diff(snap2 + stage.y * W, (Uint32 *)surf->pixels + stage.y * W, (size_t)stage.h * W) == 0;
            memcpy(snap2, surf->pixels, npx * 4);
        }
        for (int k = 0; k <= 28; k++) { /* a rep every 500 ms, then a 20 s hold every second */
            clear(surf);
            SessionView w = k <= 8 ? view((MoveId)id, mode, k * 500, 4000, SIDES_NONE)
                                   : view((MoveId)id, ANIM_HOLD, (k - 9) * 1000, 20000, SIDES_NONE);
            CHECK(sprites_draw(sp, &w, stage));
            for (int y = stage.y; y < stage.y + stage.h; y++)
                for (int x = stage.x; x < stage.x + stage.w; x++)
                    if (px(surf, x, y) != BG) {
                        x0 = x < x0 ? x : x0, x1 = x > x1 ? x : x1;
                        y0 = y < y0 ? y : y0, y1 = y > y1 ? y : y1;
                    }
        }
        printf("%-18s 30/s: %d of 30 poses repeat the last; box %.2f of the width, %.2f of the height\n",
               moves_info((MoveId)id)->id, same_as_last, (x1 - x0 + 1) / (double)stage.w,
               (y1 - y0 + 1) / (double)stage.h);
        if (!rest_like)
            CHECK_INT(same_as_last, 0);
        CHECK((x1 - x0 + 1) * 5 >= stage.w * 4 || (y1 - y0 + 1) * 5 >= stage.h * 4);
        clear(surf);
        CHECK(sprites_draw(sp, &v, stage));
        memcpy(snap, surf->pixels, npx * 4);
        clear(surf);
        v.anim_ms = rest_like ? 1800 : 2000;
        CHECK(sprites_draw(sp, &v, stage));
        int diff = count_diff(snap, surf->pixels, npx);
        CHECK(diff > (rest_like ? 50 : 2000));
        /* a held step: get ready frame, into the pose, out again */
        clear(surf);
        v = view((MoveId)id, ANIM_HOLD, 10000, 20000, SIDES_NONE);
        CHECK(sprites_draw(sp, &v, stage));
        memcpy(snap2, surf->pixels, npx * 4);
        clear(surf);
        v = view((MoveId)id, ANIM_START, 0, 0, SIDES_NONE);
        CHECK(sprites_draw(sp, &v, stage));
        if (!rest_like)
            CHECK(count_diff(snap2, surf->pixels, npx) > 2000);
    }

    /* left and right are mirror images about the stage's centre line; a lying move (`other_side
     * far`) is drawn the same way round on both sides, the other limb working */
    MoveId sided[MOVE_COUNT];
    int nsided = 0, nfar = 0;
    for (int id = 0; id < MOVE_COUNT; id++)
        if (moves_info((MoveId)id)->sided)
            sided[nsided++] = (MoveId)id;
    CHECK(nsided >= 7); /* every sided move of the catalogue */
    for (int i = 0; i < nsided; i++) {
        if (moves_same_way_round(moves_info(sided[i]))) {
            clear(surf);
            SessionView v = view(sided[i], ANIM_HOLD, 6000, 12000, SIDES_LEFT);
            CHECK(sprites_draw(sp, &v, stage));
            memcpy(snap, surf->pixels, npx * 4);
            clear(surf);
            v.side = SIDES_RIGHT;
            CHECK(sprites_draw(sp, &v, stage));
            int pitch = surf->pitch / 4, shape = 0, drawn = 0, differ = 0;
            for (int y = stage.y; y < stage.y + stage.h; y++)
                for (int x = stage.x; x < stage.x + stage.w; x++) {
                    Uint32 a = snap[y * pitch + x], b = ((Uint32 *)surf->pixels)[y * pitch + x];
                    drawn += a != BG;
                    shape += (a != BG) != (b != BG);
                    differ += a != BG && a != b;
                }
            printf("same way round %s: %d drawn, %d differ in outline, %d in colour\n", moves_info(sided[i])->id, drawn,
                   shape, differ);
            /* the same outline where it stands; a twist's (`other_side away`) but for the hair's rim
             * (0.005 H) round the head, which turned away looks back over the other shoulder, the
             * face on the other side (the seated twist: 634 of 115876 pixels) */
            Position at = moves_info(sided[i])->position;
            bool twist = at == POSITION_SITTING || at == POSITION_ON_CHAIR;
            CHECK(drawn > 20000 && shape < drawn / (twist ? 100 : 200));
            CHECK(differ > drawn / 20); /* the other limb working: other shades, the warm outline elsewhere */
            nfar++;
            continue;
        }
        clear(surf);
        SessionView v = view(sided[i], ANIM_HOLD, 6000, 12000, SIDES_LEFT);
        CHECK(sprites_draw(sp, &v, stage));
        memcpy(snap, surf->pixels, npx * 4);
        clear(surf);
        v.side = SIDES_RIGHT;
        CHECK(sprites_draw(sp, &v, stage));
        int pitch = surf->pitch / 4, mism = 0, drawn = 0, same = 0;
        for (int y = stage.y; y < stage.y + stage.h; y++)
            for (int x = stage.x; x < stage.x + stage.w; x++) {
                Uint32 a = snap[y * pitch + x];
                Uint32 b = ((Uint32 *)surf->pixels)[y * pitch + (2 * stage.x + stage.w - 1 - x)];
                if (a != BG)
                    drawn++;
                mism += (a != BG) != (b != BG); /* the silhouettes (the light stays upper left) */
                same += a != BG && a == ((Uint32 *)surf->pixels)[y * pitch + x];
            }
        printf("mirror %s: %d drawn, %d differ from the mirrored other side, %d unmirrored overlap\n",
               moves_info(sided[i])->id, drawn, mism, same);
        CHECK(drawn > 20000 && mism < drawn / 100);
        CHECK(same < drawn * 9 / 10); /* and the two sides really are different pictures */
    }
    CHECK(nfar >= 5); /* knee rolls, knee to chest, hamstring stretch, bird dog, the lunge */
    sprites_free(sp);

    /* missing directory: false, no crash, and again (the warning is logged once) */
    sp = sprites_new(r, "/nonexistent/unknot-poses");
    sprites_set_immediate(sp, true);
    sprites_prepare(sp, MOVE_BRIDGE, MOVE_IDLE);
    SessionView v = view(MOVE_BRIDGE, ANIM_REPS, 100, 4000, SIDES_NONE);
    CHECK(!sprites_draw(sp, &v, stage));
    CHECK(!sprites_draw(sp, &v, stage));
    v.figure = MOVE_NONE;
    CHECK(!sprites_draw(sp, &v, stage));
    sprites_free(sp);

    /* broken pose files: garbage, a directory in its place; and a good one beside them */
    char dir[] = "/tmp/unknot-poses-XXXXXX";
    if (mkdtemp(dir)) {
        char path[256];
        snprintf(path, sizeof path, "%s/bridge.pose", dir);
        FILE *f = fopen(path, "wb");
        if (f) {
            fputs("move bridge\n\x01\x02garbage\n", f);
            fclose(f);
        }
        char sub[256];
        snprintf(sub, sizeof sub, "%s/idle.pose", dir);
        CHECK(mkdir(sub, 0700) == 0);
        snprintf(path, sizeof path, "%s/rest.pose", dir);
        FILE *in = fopen("assets/poses/rest.pose", "rb");
        f = fopen(path, "wb");
        if (in && f) {
            char buf[8192];
            size_t n = fread(buf, 1, sizeof buf, in);
            fwrite(buf, 1, n, f);
        }
        if (in)
            fclose(in);
        if (f)
            fclose(f);
        sp = sprites_new(r, dir);
        sprites_set_immediate(sp, true);
        v = view(MOVE_BRIDGE, ANIM_REPS, 100, 4000, SIDES_NONE);
        CHECK(!sprites_draw(sp, &v, stage));
        v.figure = MOVE_IDLE;
        CHECK(!sprites_draw(sp, &v, stage));
        CHECK_INT(sprites_memory_bytes(sp), 0);
        v.figure = MOVE_REST;
        clear(surf);
        CHECK(sprites_draw(sp, &v, stage));
        CHECK(count_drawn(surf, stage, &top, &bottom) > 20000);
        sprites_free(sp);
        remove(path);
        rmdir(sub);
        snprintf(path, sizeof path, "%s/bridge.pose", dir);
        remove(path);
        remove(dir);
    }

    /* live mode: the painter thread catches up within a few frames, and a still pose is painted
     * once (the same picture frame after frame) */
    v = view(MOVE_BIRD_DOG, ANIM_REPS, 1000, 4000, SIDES_NONE);
    sp = sprites_new(r, "assets/poses");
    sprites_set_immediate(sp, true);
    clear(surf);
    CHECK(sprites_draw(sp, &v, stage));
    memcpy(snap, surf->pixels, npx * 4);
    sprites_free(sp);
    sp = sprites_new(r, "assets/poses");
    CHECK(sprites_wait(sp, MOVE_BIRD_DOG));
    int frames = 0, live_diff = -1;
    for (; frames < 2000 && live_diff != 0; frames++) { /* 10 s at most: ASan and a loaded machine slow the painter */
        clear(surf);
        CHECK(sprites_draw(sp, &v, stage));
        if (frames == 0)
            CHECK(sprites_pending(sp)); /* painted on the painter thread: not on this frame yet */
        live_diff = count_diff(snap, surf->pixels, npx);
        SDL_Delay(5);
    }
    printf("live: the painted pose arrived after %d frames\n", frames);
    CHECK_INT(live_diff, 0);
    CHECK(!sprites_pending(sp)); /* a screen redrawn only on a change may now sleep */
    SDL_Delay(20);
    clear(surf);
    CHECK(sprites_draw(sp, &v, stage));
    CHECK_INT(count_diff(snap, surf->pixels, npx), 0);
    sprites_free(sp);

    /* Skip or Back while a figure loads: the dropped load is told to stop, ends on its thread
     * and is freed later, never waited for on the frame path (before, sprites_prepare joined the
     * loader: up to 426 ms). A load takes tens of ms: dropped at once, each is still running,
     * and stops early (before, each ran to its end beside the drawing thread, up to 16 at once). */
    sp = sprites_new(r, "assets/poses");
    int dropped = 0;
    for (int k = 0; k < 4; k++) {
        sprites_prepare(sp, MOVE_SPINAL_TWIST, MOVE_BIRD_DOG);
        sprites_prepare(sp, MOVE_NONE, MOVE_NONE); /* both dropped mid-load */
        dropped = sprites_dropped_loads(sp) > dropped ? sprites_dropped_loads(sp) : dropped;
    }
    printf("dropped mid-load: up to %d loads left to finish on their threads\n", dropped);
    CHECK(dropped >= 1);
    for (int i = 0; i < 6000 && sprites_dropped_loads(sp) > 0; i++) { /* 60 s at most (ASan, a loaded machine) */
        SDL_Delay(10);
        sprites_prepare(sp, MOVE_NONE, MOVE_NONE); /* joins and frees those done */
    }
    CHECK_INT(sprites_dropped_loads(sp), 0);
    printf("dropped mid-load: %d of the 8 loads dropped stopped early\n", sprites_stopped_loads(sp));
    CHECK(sprites_stopped_loads(sp) >= 1);
    CHECK(sprites_wait(sp, MOVE_CAT_CAMEL)); /* loading goes on as before, and shows */
    SessionView cat = view(MOVE_CAT_CAMEL, ANIM_HOLD, 0, 4000, SIDES_NONE);
    CHECK(sprites_draw(sp, &cat, stage));
    sprites_prepare(sp, MOVE_SPINAL_TWIST, MOVE_BIRD_DOG);
    sprites_prepare(sp, MOVE_NONE, MOVE_NONE);
    sprites_free(sp); /* with loads still running: waits for them and frees them (ASan: no leak) */

    /* Across a change of figure eased in (SessionView.blend, 1.5 s at each change): the frame
     * path starts no load but the next figure's (sprites_prepare_from) and waits for no loader.
     * Live, a figure eased from that is not loaded (sprites_release drops every figure: a render
     * device reset) is not loaded again for the easing: before, the draw started a third load
     * beside the painter on the frame path, and the figure would cut to the eased pose when it
     * arrived mid-way. It is drawn as its own pose, as where no easing is wanted. */
    sp = sprites_new(r, "assets/poses");
    sprites_prepare(sp, MOVE_CAT_CAMEL, MOVE_BIRD_DOG);
    CHECK(sprites_wait(sp, MOVE_CAT_CAMEL));
    CHECK(sprites_wait(sp, MOVE_BIRD_DOG)); /* may wait: counted, before the counts below */
    CHECK_INT(sprites_started_loads(sp), 2);
    int waited = sprites_waited_loads(sp);
    SessionView before = view(MOVE_CAT_CAMEL, ANIM_HOLD, 4000, 4000, SIDES_NONE);
    for (int k = 0; k < 10; k++) {
        sprites_prepare(sp, MOVE_CAT_CAMEL, MOVE_BIRD_DOG);
        clear(surf);
        CHECK(sprites_draw(sp, &before, stage));
    }
    SessionView eased = view(MOVE_BIRD_DOG, ANIM_REPS, 0, 4000, SIDES_NONE);
    eased.blend = true;
    eased.from_figure = MOVE_CAT_CAMEL, eased.from_anim = ANIM_HOLD;
    eased.from_anim_ms = 4000, eased.from_anim_length_ms = 4000;
    for (int ms = 0; ms <= SESSION_BLEND_MS; ms += 50) { /* the easing, frame by frame */
        eased.blend_ms = eased.anim_ms = ms;
        sprites_prepare_from(sp, MOVE_BIRD_DOG, MOVE_CHILD_POSE, MOVE_CAT_CAMEL);
        clear(surf);
        CHECK(sprites_draw(sp, &eased, stage));
    }
    printf("eased change: %d loads started (the next figure's), %d loaders waited for\n", sprites_started_loads(sp) - 2,
           sprites_waited_loads(sp) - waited);
    CHECK_INT(sprites_started_loads(sp), 3);
    CHECK_INT(sprites_waited_loads(sp), waited);
    sprites_release(sp); /* a render device reset mid-easing */
    sprites_prepare_from(sp, MOVE_BIRD_DOG, MOVE_CHILD_POSE, MOVE_CAT_CAMEL);
    CHECK_INT(sprites_started_loads(sp), 5); /* the figure and the next, again */
    CHECK(sprites_wait(sp, MOVE_BIRD_DOG));
    eased.blend_ms = eased.anim_ms = SESSION_BLEND_MS / 2;
    for (int k = 0; k < 10; k++) {
        sprites_prepare_from(sp, MOVE_BIRD_DOG, MOVE_CHILD_POSE, MOVE_CAT_CAMEL);
        clear(surf);
        CHECK(sprites_draw(sp, &eased, stage));
    }
    printf("eased change after a release: %d loads started for the figure eased from\n", sprites_started_loads(sp) - 5);
    CHECK_INT(sprites_started_loads(sp), 5);
    sprites_free(sp);

    eased_framing(surf, r);
    opaque_same_as_blended();

    free(snap);
    free(snap2);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(surf);
    SDL_Quit();
    return TEST_END();
}
