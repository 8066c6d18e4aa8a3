/* test_kiosk_attract.c: the kiosk's attract loop with the shipped pose files (review 30 #1): every
 * move plays at its own pace, never squeezed into a fixed slot (the twists turned in ~1.4 s);
 * around every slot change the figure is drawn whole, on the stage and at its own size (it was
 * drawn with the slot before's framing: headless legs, a tiny sitting figure, feet off the
 * stage), in two rounds, so every sided move is looked at on both sides and drawn differently on
 * each (review 31 #2: it showed its pose file's side only); the screen's "N to M minutes" is the
 * shipped tiles' own range, up to the most their open holds can take (review 31 #1), and levels/09's
 * tile shows its range in full at 1080p.
 * Headless: dummy video, a software renderer on a surface, the figure painted immediately, the
 * camera run on the loop's clock as a live frame runs it.
 * UNKNOT_ATTRACT_FRAMES=DIR writes every checked frame there as a BMP, for looking at. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>

#include "files.h"
#include "kioskapp.h"
#include "kioskconf.h"
#include "kioskdraw.h"
#include "levels.h"
#include "pose.h"
#include "render.h"
#include "sheet.h"
#include "sprites.h"
#include "testutil.h"

#define ATTRACT_LOOP_MAX_MS 240000 /* the whole loop: a waiting room sees it more than once */
#define ATTRACT_PACE_STEP_MS 100 /* the pace is measured over steps this long */
#define ATTRACT_FILL_MIN 0.45f /* a frame's figure spans at least this share of the stage's width or height */
#define ATTRACT_FRAME_MS 100 /* frames drawn this often (the camera follows at this rate) */
#define ATTRACT_EDGE_PX 2 /* figure pixels this close to the stage's edge: it runs off the stage */

/* ---- the pace ---- */

static PoseMove *move_load(MoveId id)
{
    char path[256], *text = NULL, why[200];
    size_t n = 0;
    snprintf(path, sizeof path, "assets/poses/%s.pose", moves_info(id)->id);
    PoseFile *pf = calloc(1, sizeof *pf);
    RoutineErrors *errs = calloc(1, sizeof *errs);
    PoseMove *m = calloc(1, sizeof *m);
    bool ok = pf && errs && m && files_read(path, FILES_MAX_POSE_BYTES, &text, &n, why, sizeof why) == 0 &&
              pose_parse(path, text, n, pf, errs) == 0 && pose_move_init(m, pf) == 0;
    free(text);
    free(pf);
    free(errs);
    if (!ok) {
        fprintf(stderr, "%s: cannot load\n", path);
        free(m);
        return NULL;
    }
    return m;
}

/* How many times its own pace the figure moved from frame position a to b in
 * ATTRACT_PACE_STEP_MS, when both are in one section of the move (0 otherwise: a jump between
 * sections, a breath loop's wrap). */
static double section_pace(const SheetMeta *mt, double a, double b)
{
    const SheetRange *rs[4] = {&mt->intro, &mt->cycle, &mt->breath, &mt->outro};
    for (int i = 0; i < 4; i++) {
        int lo = rs[i]->first < rs[i]->last ? rs[i]->first : rs[i]->last;
        int hi = rs[i]->first < rs[i]->last ? rs[i]->last : rs[i]->first;
        if (hi == lo || rs[i]->ms <= 0 || a < lo || a > hi || b < lo || b > hi)
            continue;
        double d = b > a ? b - a : a - b;
        if (d > (hi - lo) / 2.0)
            return 0.0; /* a wrap round a loop */
        return d / ATTRACT_PACE_STEP_MS / ((double)(hi - lo) / rs[i]->ms);
    }
    return 0.0;
}

/* Every usable move is in the loop, and its figure never moves faster than its pose file's own
 * pace (each section's samples over its seconds, as a workout plays a hold's ways and a rep at the
 * default tempo); its slot holds its start, its ways and hold, and its end. */
static void test_paces(const KioskAttract *a)
{
    int usable = 0;
    for (int m = 0; m < MOVE_COUNT; m++)
        usable += moves_info((MoveId)m)->routine_usable;
    CHECK_INT(a->count, usable);
    CHECK(a->loop_ms <= ATTRACT_LOOP_MAX_MS);
    printf("attract loop: %d moves, %.1f s\n", a->count, (double)a->loop_ms / 1000.0);
    int64_t t0 = 0;
    for (int i = 0; i < a->count; i++) {
        const KioskAttractSlot *s = &a->slots[i];
        PoseMove *m = move_load(s->move);
        CHECK(m != NULL);
        if (!m) {
            t0 += s->slot_ms;
            continue;
        }
        const SheetMeta *mt = &m->meta;
        printf("  %5.1f s  %-20s %4.1f s  %s\n", (double)t0 / 1000.0, moves_info(s->move)->id, s->slot_ms / 1000.0,
               s->anim == ANIM_HOLD ? "held"
               : mt->rep_holds      ? "held, one rep"
                                    : "one rep");
        /* the slot holds its ways at their own pace */
        int ways = mt->rep_holds ? mt->intro.ms + mt->outro.ms : 0;
        CHECK(s->slot_ms >= KIOSK_ATTRACT_START_MS + ways + KIOSK_ATTRACT_END_MS);
        double fastest = 0.0; /* the fastest step as a multiple of its section's own pace */
        double last = -1.0;
        for (int t = 0; t < s->slot_ms; t += ATTRACT_PACE_STEP_MS) {
            SessionView v;
            memset(&v, 0, sizeof v);
            kiosk_attract_view(a, t0 + t, &v);
            CHECK_INT(v.figure, s->move);
            CHECK_INT(v.side, s->side); /* one side all through a slot */
            SheetFrame f;
            sheet_frame_at(mt, v.anim, v.anim_ms, v.anim_length_ms, v.rep_hold_ms, &f);
            double pos = f.a + (double)f.blend * (f.b - f.a);
            double pace = last >= 0.0 ? section_pace(mt, last, pos) : 0.0;
            fastest = pace > fastest ? pace : fastest;
            last = pos;
        }
        if (fastest > 1.1)
            fprintf(stderr, "%s: %.2f times its own pace\n", moves_info(s->move)->id, fastest);
        CHECK(fastest <= 1.1);
        pose_move_free(m);
        free(m);
        t0 += s->slot_ms;
    }
}

/* ---- the sides ---- */

/* Every sided move shows on both sides in two rounds of the loop, and one round shows some on the
 * left and some on the right. */
static void test_sides(const KioskAttract *a)
{
    int sided = 0, left = 0, right = 0;
    int64_t t0 = 0;
    for (int i = 0; i < a->count; i++) {
        const KioskAttractSlot *s = &a->slots[i];
        SessionView v0, v1;
        memset(&v0, 0, sizeof v0);
        memset(&v1, 0, sizeof v1);
        kiosk_attract_view(a, t0 + s->slot_ms / 2, &v0);
        kiosk_attract_view(a, a->loop_ms + t0 + s->slot_ms / 2, &v1);
        t0 += s->slot_ms;
        if (!moves_info(s->move)->sided) {
            CHECK_INT(v0.side, SIDES_NONE);
            CHECK_INT(v1.side, SIDES_NONE);
            continue;
        }
        sided++;
        left += v0.side == SIDES_LEFT;
        right += v0.side == SIDES_RIGHT;
        CHECK(v0.side == SIDES_LEFT || v0.side == SIDES_RIGHT);
        CHECK(v1.side == SIDES_LEFT || v1.side == SIDES_RIGHT);
        if (v0.side == v1.side)
            fprintf(stderr, "%s: the same side in both rounds\n", moves_info(s->move)->id);
        CHECK(v0.side != v1.side);
    }
    printf("attract sides: %d sided moves, %d on the left and %d on the right in the first round\n", sided, left,
           right);
    CHECK(sided >= 2);
    CHECK(left > 0 && right > 0);
}

/* ---- the frames at slot changes ---- */

static bool same(Uint32 p, Uint32 c)
{
    return (p & 0xFFFFFF) == (c & 0xFFFFFF);
}

/* The box of the figure's pixels on the stage (not the card, the page in its corners or the mat's
 * two colours, sprites.c's). Returns false when none is drawn. */
static bool figure_box(SDL_Surface *surf, SDL_Rect stage, const RenderStyle *st, SDL_Rect *box)
{
    Uint32 card = SDL_MapRGB(surf->format, st->stage_bg.r, st->stage_bg.g, st->stage_bg.b);
    Uint32 page = SDL_MapRGB(surf->format, st->background.r, st->background.g, st->background.b);
    Uint32 mat = SDL_MapRGB(surf->format, 140, 148, 217), mat_top = SDL_MapRGB(surf->format, 158, 166, 238);
    int x0 = 1 << 30, y0 = 1 << 30, x1 = -1, y1 = -1;
    for (int y = stage.y; y < stage.y + stage.h; y++) {
        const Uint32 *row = (const Uint32 *)((const Uint8 *)surf->pixels + (size_t)y * (size_t)surf->pitch);
        for (int x = stage.x; x < stage.x + stage.w; x++) {
            Uint32 p = row[x];
            if (same(p, card) || same(p, page) || same(p, mat) || same(p, mat_top))
                continue;
            x0 = x < x0 ? x : x0, x1 = x > x1 ? x : x1, y0 = y < y0 ? y : y0, y1 = y > y1 ? y : y1;
        }
    }
    *box = (SDL_Rect){x0, y0, x1 - x0 + 1, y1 - y0 + 1};
    return x1 >= 0;
}

/* Draw the attract screen at t ms as a live frame would (the camera on the loop's clock), new_slot
 * when t is a slot's first frame. */
static void draw_at(Render *rd, Kiosk *k, KioskDrawInfo *info, int64_t t, int64_t *serial)
{
    int64_t now;
    kiosk_attract_at(info->attract, t, NULL, &now);
    info->attract_new_slot = now != *serial;
    *serial = now;
    kiosk_step(k, NULL, (int)(t - k->attract_ms));
    sprites_set_clock(rd->sprites, t); /* a live frame's camera runs; kioskdraw may set its own clock */
    kioskdraw_screen(rd, k, info);
}

/* A hash of the stage's pixels: two frames of a sided move, one on each side, must differ. */
static Uint32 stage_hash(SDL_Surface *surf, SDL_Rect stage)
{
    Uint32 h = 2166136261u;
    for (int y = stage.y; y < stage.y + stage.h; y++) {
        const Uint32 *row = (const Uint32 *)((const Uint8 *)surf->pixels + (size_t)y * (size_t)surf->pitch);
        for (int x = stage.x; x < stage.x + stage.w; x++)
            h = (h ^ (row[x] & 0xFFFFFF)) * 16777619u;
    }
    return h;
}

/* Two whole rounds of the loop and into a third, every ATTRACT_FRAME_MS, as the live camera sees
 * it (every slot change among them, every sided move on each side): the figure is drawn, clear of
 * the stage's edges, and spans at least ATTRACT_FILL_MIN of the stage one way; a sided move's
 * frame halfway through its slot differs from one round to the next (its other side is drawn). */
static void test_slot_changes(const KioskAttract *a)
{
    const int w = 960, h = 540;
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *ren = surf ? SDL_CreateSoftwareRenderer(surf) : NULL;
    CHECK(ren != NULL);
    if (!ren)
        return;
    char err[256];
    Render rd = {ren, text_new(ren, NULL, err, sizeof err), sprites_new(ren, "assets/poses"), w, h, NULL};
    CHECK(rd.text != NULL && rd.sprites != NULL);
    sprites_set_immediate(rd.sprites, true);
    sprites_set_target_format(rd.sprites, surf->format->format);
    Kiosk k;
    KioskSettings set;
    memset(&set, 0, sizeof set);
    set.idle_ms = KIOSK_IDLE_MS_DEFAULT;
    kiosk_init(&k, &set);
    KioskDrawInfo info;
    memset(&info, 0, sizeof info);
    info.today = -1;
    info.attract = a;
    const char *dump = getenv("UNKNOT_ATTRACT_FRAMES");
    SDL_Rect stage = kioskdraw_attract_figure_area(&rd); /* the card less its margin: the figure's */
    const RenderStyle *st = render_style(&rd);
    int64_t serial = -1;
    int frames = 0, bad = 0;
    for (int64_t t = 0; t < 2 * a->loop_ms + 2000; t += ATTRACT_FRAME_MS) {
        draw_at(&rd, &k, &info, t, &serial);
        SDL_Rect box;
        bool drawn = figure_box(surf, stage, st, &box);
        float fill_w = (float)box.w / (float)stage.w, fill_h = (float)box.h / (float)stage.h;
        bool edge = drawn && (box.x < stage.x + ATTRACT_EDGE_PX || box.y < stage.y + ATTRACT_EDGE_PX ||
                              box.x + box.w > stage.x + stage.w - ATTRACT_EDGE_PX ||
                              box.y + box.h > stage.y + stage.h - ATTRACT_EDGE_PX);
        bool small = drawn && fill_w < ATTRACT_FILL_MIN && fill_h < ATTRACT_FILL_MIN;
        SessionView v;
        memset(&v, 0, sizeof v);
        kiosk_attract_view(a, t, &v);
        if (!drawn || edge || small) {
            if (bad++ < 12)
                fprintf(stderr, "%.2f s %s: %s (box %d,%d %dx%d on a stage %d,%d %dx%d)\n", (double)t / 1000.0,
                        moves_info(v.figure)->id,
                        !drawn ? "no figure"
                        : edge ? "runs off the stage"
                               : "smaller than the fill rule",
                        box.x, box.y, box.w, box.h, stage.x, stage.y, stage.w, stage.h);
        }
        if (dump) {
            char path[512];
            snprintf(path, sizeof path, "%s/a_%06.2f.bmp", dump, (double)t / 1000.0);
            SDL_SaveBMP(surf, path);
        }
        frames++;
    }
    printf("attract frames: %d frames looked at, %d bad\n", frames, bad);
    CHECK_INT(bad, 0);
    /* each sided move halfway through its slot in one round and the next, each drawn as a slot's
     * first frame (framed afresh) so the two differ only by what the round changes */
    int64_t t0 = 0;
    for (int i = 0; i < a->count; i++) {
        int64_t mid = t0 + a->slots[i].slot_ms / 2;
        t0 += a->slots[i].slot_ms;
        if (!moves_info(a->slots[i].move)->sided)
            continue;
        Uint32 hash[2];
        for (int round = 0; round < 2; round++) {
            serial = -1;
            kiosk_init(&k, &set);
            draw_at(&rd, &k, &info, round * a->loop_ms + mid, &serial);
            hash[round] = stage_hash(surf, stage);
        }
        if (hash[0] == hash[1])
            fprintf(stderr, "%s: drawn the same in both rounds\n", moves_info(a->slots[i].move)->id);
        CHECK(hash[0] != hash[1]);
    }
    render_release(&rd);
    sprites_free(rd.sprites);
    text_free(rd.text);
    SDL_DestroyRenderer(ren);
    SDL_FreeSurface(surf);
}

/* ---- the words ---- */

/* The kiosk's default tiles (kioskapp.c: the shipped routines of at most KIOSKCONF_SHORT_MS, each
 * planned with its pose files' ways, as levels_scan plans them): the attract screen's words give
 * their range of minutes as the tiles show them, from the least to the most (it said "Two to five
 * minutes" over tiles of 6 and 7, then "3 to 7" over levels/09's open holds that can take 8);
 * levels/09's tile gives its range. */
static void test_length_words(void)
{
    LevelList list;
    memset(&list, 0, sizeof list);
    CHECK_INT(levels_scan("levels", ".", &list), 0);
    const Routine *tiles[KIOSK_MAX_TILES];
    int n = 0, lo = 0, hi = 0, ranges = 0;
    for (int i = 0; i < list.count && n < KIOSK_MAX_TILES; i++) {
        const LevelEntry *e = &list.items[i];
        if (!e->valid || session_routine_ms(&e->routine) > KIOSKCONF_SHORT_MS)
            continue;
        tiles[n++] = &e->routine;
        int least = kiosk_tile_minutes(&e->routine), most = kiosk_tile_minutes_max(&e->routine);
        lo = lo == 0 || least < lo ? least : lo;
        hi = most > hi ? most : hi;
        char got[32], want[32];
        kiosk_tile_time_text(&e->routine, got, (int)sizeof got);
        if (most > least) {
            snprintf(want, sizeof want, "%d\xE2\x80\x93%d min", least, most);
            ranges++;
        } else {
            snprintf(want, sizeof want, "%d min", least);
        }
        CHECK_STR(got, want);
        if (strstr(e->path, "09-guys-easy-start")) { /* its knee hug held open on each side */
            CHECK(most >= least + 4);
            printf("levels/09's tile: %s\n", got);
        }
    }
    CHECK(n >= 2);
    CHECK(ranges >= 1); /* levels/09 */
    CHECK(hi > 7); /* what the words left out */
    char want[96], got[96];
    snprintf(want, sizeof want, "%d to %d minutes, step by step, with spoken cues.", lo, hi);
    kiosk_length_text(tiles, n, got, (int)sizeof got);
    CHECK_STR(got, want);
    printf("attract words: %s\n", got);
    levels_free(&list);
}

int main(void)
{
    setenv("SDL_VIDEODRIVER", "dummy", 0);
    CHECK(SDL_Init(SDL_INIT_VIDEO) == 0);
    KioskAttract a;
    CHECK_INT(kioskapp_attract_plan("assets/poses", &a), 0);
    test_paces(&a);
    test_sides(&a);
    test_slot_changes(&a);
    test_length_words();
    SDL_Quit();
    return TEST_END();
}
