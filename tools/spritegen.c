/* spritegen.c: the contact sheet docs/moves.png (every move and resting position at three
 * moments) and the per-pose contact report, from assets/poses/<move>.pose (docs/sprites.md). It
 * parses, solves and paints with the program's own core code (pose.c, figpaint.c), so the sheet
 * shows exactly what the program draws. Deterministic: same input, byte-identical output. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "figpaint.h"
#include "files.h"
#include "moves.h"
#include "pose.h"
#include "stb_image_write.h"
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wmissing-braces"
#include "stb_easy_font.h"
#pragma GCC diagnostic pop

#define GEN_CELL_W 300 /* one moment of a move on the contact sheet */
#define GEN_CELL_H 170
#define GEN_LABEL_W 210
#define GEN_SHOTS 3
#define GEN_BG 0xfff6f3ecu /* the stage card's light colour */
#define GEN_MAT 0xff8c94d9u
#define GEN_MAT_TOP 0xff9ea6eeu

#define GEN_MOVE_ROW(e, id, name, usable, sided, tempo, pos) id,
static const char *const gen_moves[] = {MOVES(GEN_MOVE_ROW)};
#define GEN_MOVE_COUNT ((int)(sizeof gen_moves / sizeof gen_moves[0]))

/* ------------------------------------------------------------------ loading */

/* Read a pose file as the program does (files_read: a regular file within FILES_MAX_POSE_BYTES,
 * never blocking; then core's pose_parse), and sample it. Errors are printed FILE:LINE:COL. */
static int gen_load(const char *pose_dir, const char *name, PoseMove *m)
{
    char path[1024], why[256];
    snprintf(path, sizeof path, "%s/%s.pose", pose_dir, name);
    char *src = NULL;
    size_t n = 0;
    if (files_read(path, FILES_MAX_POSE_BYTES, &src, &n, why, sizeof why) < 0) {
        fprintf(stderr, "%s:1:1: cannot read: %s\n", path, why);
        return -1;
    }
    PoseFile *pf = calloc(1, sizeof *pf);
    RoutineErrors *errs = calloc(1, sizeof *errs);
    int rc = -1;
    if (!pf || !errs) {
        fprintf(stderr, "%s:1:1: out of memory\n", path);
    } else if (pose_parse(path, src, n, pf, errs) != 0) {
        for (int i = 0; i < errs->count; i++) {
            char line[400];
            routine_error_format(&errs->items[i], line, sizeof line);
            fprintf(stderr, "%s\n", line);
        }
    } else if (pose_move_init(m, pf) != 0) {
        fprintf(stderr, "%s:1:1: cannot sample the move (out of memory, or no breath or cycle)\n", path);
    } else {
        rc = 0;
    }
    free(src);
    free(pf);
    free(errs);
    return rc;
}

/* ------------------------------------------------------------------ the report */

/* Check every sample the program draws from, and the figures it draws between two neighbouring
 * samples (pose_move_check_drawn: eased, or a cut where easing would float): each required contact
 * within POSE_CONTACT_TOL_H of the mat, no part below it, no knee or elbow bent backwards, and (the shipped moves, ways
 * and resting figures) every sample names what it rests on: one resting on its lowest point could hover on a shoulder
 * with the hips and legs in the air (a roll's side-lying). Prints each fault and a summary line (2 px =
 * POSE_CONTACT_TOL_H, a figure 1333 px tall); returns the number of faulty samples. */
static int gen_report(const PoseMove *m)
{
    int bad = 0;
    float worst = 0.0f;
    for (int k = 0; k < m->meta.frames; k++) {
        char faults[512];
        int n = pose_move_check_drawn(m, k, faults, sizeof faults, &worst);
        if (m->sample_contacts[k] == 0) {
            size_t len = strlen(faults);
            snprintf(faults + len, sizeof faults - len, "%s names no contacts", n > 0 ? ";" : " ");
            n++;
        }
        if (n > 0) {
            bad++;
            printf("%s: sample %d (%s):%s\n", m->file.move, k, m->file.sections[m->sample_section[k]].name, faults);
        }
    }
    int cuts = 0;
    for (int k = 0; k + 1 < m->meta.frames; k++)
        cuts += m->sample_section[k] == m->sample_section[k + 1] && pose_move_pair_cut(m, k);
    printf("%s: %d samples (30 a second) and the frames drawn between them checked, %d faulty; highest required "
           "contact %.1f px off the mat; %d neighbouring samples drawn without easing between\n",
           m->file.move, m->meta.frames, bad, worst / POSE_CONTACT_TOL_H * 2.0f, cuts);
    return bad;
}

/* ------------------------------------------------------------------ the contact sheet */

typedef struct {
    uint32_t *px; /* ARGB words */
    int w, h;
} Sheet;

static void sheet_rect(Sheet *s, int x0, int y0, int x1, int y1, uint32_t c)
{
    for (int y = y0 < 0 ? 0 : y0; y < y1 && y < s->h; y++)
        for (int x = x0 < 0 ? 0 : x0; x < x1 && x < s->w; x++)
            s->px[(size_t)y * (size_t)s->w + (size_t)x] = c;
}

static void sheet_text(Sheet *s, int x, int y, const char *text, int scale)
{
    static char buf[60000];
    int quads = stb_easy_font_print(0, 0, (char *)text, NULL, buf, (int)sizeof buf);
    for (int q = 0; q < quads; q++) {
        float *v = (float *)(buf + q * 64);
        sheet_rect(s, x + (int)v[0] * scale, y + (int)v[1] * scale, x + (int)v[8] * scale, y + (int)v[9] * scale,
                   0xff282c46u);
    }
}

/* A move's name in the label column at (x, y_mid): broken after an underscore where a line would
 * run wider than w (way_standing_to_front is 3 lines, way_standing_to_all_fours 4: 144 of the
 * row's 170 px), and at 2/3 size when a part alone is wider or it takes more than 4 lines, so no
 * label reaches into the first figure's cell or the next row. */
static void sheet_label(Sheet *s, int x, int y_mid, int w, const char *name)
{
    char text[96];
    for (int scale = 3; scale >= 2; scale--) {
        size_t n = 0, line = 0;
        int lines = 1, fits = 1;
        for (const char *p = name; *p && n + 2 < sizeof text;) {
            size_t len = strcspn(p, "_"); /* the next part, with its underscore */
            if (p[len] == '_')
                len++;
            char part[64];
            snprintf(part, sizeof part, "%.*s", (int)len, p);
            if (stb_easy_font_width(part) * scale > w)
                fits = 0;
            text[n] = '\0';
            char trial[96];
            snprintf(trial, sizeof trial, "%s%s", text + line, part);
            if (n > line && stb_easy_font_width(trial) * scale > w && n + 1 < sizeof text)
                text[n++] = '\n', line = n, lines++;
            n += (size_t)snprintf(text + n, sizeof text - n, "%s", part);
            if (n >= sizeof text)
                n = sizeof text - 1;
            p += len;
        }
        text[n] = '\0';
        if ((fits && lines <= 4) || scale == 2) {
            sheet_text(s, x, y_mid - stb_easy_font_height(text) * scale / 2, text, scale);
            return;
        }
    }
}

/* Straight-alpha ARGB over an opaque pixel. */
static uint32_t over(uint32_t dst, uint32_t src)
{
    uint32_t a = src >> 24, r = 0;
    for (int sh = 0; sh < 24; sh += 8) {
        uint32_t s = (src >> sh) & 255, d = (dst >> sh) & 255;
        r |= ((s * a + d * (255 - a) + 127) / 255) << sh;
    }
    return 0xff000000u | r;
}

/* The sample a showcase line names: its section's first sample plus t of the section. */
static int showcase_sample(const PoseMove *m, int k)
{
    int sec = m->file.showcase[k].section, first = -1, count = 0;
    for (int i = 0; i < m->meta.frames; i++)
        if (m->sample_section[i] == sec) {
            first = first < 0 ? i : first;
            count++;
        }
    return first < 0 ? 0 : first + (int)lroundf(m->file.showcase[k].t * (float)(count - 1));
}

/* Paint sample k of m, fitted to a cell at (ox, oy) as the program fits it to its stage. */
static void sheet_cell(Sheet *s, const PoseMove *m, int k, int ox, int oy, int cw, int ch, uint32_t *canvas)
{
    FigLayout lay;
    figpaint_fit(m, cw, ch, false, &lay);
    sheet_rect(s, ox + (int)lroundf(lay.mat_x0), oy + (int)lroundf(lay.mat_y), ox + (int)lroundf(lay.mat_x1),
               oy + (int)lroundf(lay.mat_y + lay.mat_h), GEN_MAT);
    sheet_rect(s, ox + (int)lroundf(lay.mat_x0), oy + (int)lroundf(lay.mat_y), ox + (int)lroundf(lay.mat_x1),
               oy + (int)lroundf(lay.mat_y + fmaxf(2.0f, lay.mat_h * 0.25f)), GEN_MAT_TOP);
    PoseFigure fig;
    pose_move_sample_figure(m, k, &fig);
    memset(canvas, 0, sizeof *canvas * (size_t)cw * (size_t)ch);
    FigCanvas cv = {canvas, cw, cw, ch};
    figpaint_figure(&cv, &fig, &lay.place, 0, 0);
    for (int y = 0; y < ch && oy + y < s->h; y++)
        for (int x = 0; x < cw && ox + x < s->w; x++) {
            uint32_t *d = &s->px[(size_t)(oy + y) * (size_t)s->w + (size_t)(ox + x)];
            *d = over(*d, canvas[(size_t)y * (size_t)cw + (size_t)x]);
        }
}

static void sheet_out(void *ctx, void *data, int size)
{
    if (size > 0)
        files_out_write(ctx, data, (size_t)size);
}

/* Write the sheet to path as a PNG, whole or not at all (files_out_*, as the program's --shot:
 * stbi_write_png wrote straight to the path and did not see a failed write, so a full disk left
 * half a sheet, and /dev/full "succeeded"). Returns 0, or -1 with the reason in err. */
static int sheet_write(const Sheet *s, const char *path, char *err, size_t errsize)
{
    snprintf(err, errsize, "%s: out of memory", path);
    unsigned char *rgba = malloc((size_t)s->w * (size_t)s->h * 4);
    if (!rgba)
        return -1;
    for (size_t i = 0; i < (size_t)s->w * (size_t)s->h; i++) {
        uint32_t p = s->px[i];
        rgba[i * 4] = (unsigned char)(p >> 16), rgba[i * 4 + 1] = (unsigned char)(p >> 8);
        rgba[i * 4 + 2] = (unsigned char)p, rgba[i * 4 + 3] = 255;
    }
    FilesOut out;
    if (files_out_open(&out, path, err, errsize) < 0) {
        free(rgba);
        return -1;
    }
    if (!stbi_write_png_to_func(sheet_out, &out, s->w, s->h, 4, rgba, s->w * 4) && !out.error)
        out.error = ENOMEM;
    free(rgba);
    return files_out_commit(&out, err, errsize);
}

/* ------------------------------------------------------------------ main */

int main(int argc, char **argv)
{
    int report = 0;
    const char *only = NULL; /* --only MOVE: one move, its showcase moments large, while tuning */
    int strip = 0; /* --frames N (with --only): N samples evenly over the whole move instead */
    int from = 0, to = -1; /* --samples A B (with --frames): evenly over samples A..B only */
    for (;;) {
        if (argc > 1 && strcmp(argv[1], "--report") == 0)
            report = 1, argc--, argv++;
        else if (argc > 2 && strcmp(argv[1], "--only") == 0)
            only = argv[2], argc -= 2, argv += 2;
        else if (argc > 2 && strcmp(argv[1], "--frames") == 0)
            strip = atoi(argv[2]), argc -= 2, argv += 2;
        else if (argc > 3 && strcmp(argv[1], "--samples") == 0)
            from = atoi(argv[2]), to = atoi(argv[3]), argc -= 3, argv += 3;
        else
            break;
    }
    if (argc != 3 || strip < 0 || strip > 64 || (strip && !only) || from < 0 || (to >= 0 && (to < from || !strip))) {
        fprintf(stderr,
                "usage: spritegen [--report] [--only MOVE [--frames N [--samples A B]]] POSE_DIR CONTACT_SHEET.png\n");
        return 2;
    }
    const char *pose_dir = argv[1], *out = argv[2];
    int scale = strip ? 2 : only ? 3 : 1, cw = GEN_CELL_W * scale, ch = GEN_CELL_H * scale;
    int shots = only ? POSE_MAX_SHOWCASE : GEN_SHOTS, cols = strip ? 4 : only ? 2 : GEN_SHOTS;
    int rows = strip ? (strip + 3) / 4 : only ? 2 : GEN_MOVE_COUNT;
    Sheet s = {NULL, GEN_LABEL_W + cols * cw, rows * ch + 20};
    s.px = malloc(sizeof *s.px * (size_t)s.w * (size_t)s.h);
    uint32_t *canvas = malloc(sizeof *canvas * (size_t)cw * (size_t)ch);
    PoseMove *m = calloc(1, sizeof *m);
    int rc = 0, faulty = 0, row = 0;
    if (!s.px || !canvas || !m) {
        fprintf(stderr, "spritegen: out of memory\n");
        rc = 1;
        goto done;
    }
    sheet_rect(&s, 0, 0, s.w, s.h, GEN_BG);
    for (int mi = 0; mi < GEN_MOVE_COUNT && rc == 0; mi++) {
        if (only && strcmp(only, gen_moves[mi]) != 0)
            continue;
        if (gen_load(pose_dir, gen_moves[mi], m) != 0) {
            rc = 1;
            break;
        }
        if (report && gen_report(m) > 0)
            faulty++;
        int oy = 10 + row * ch;
        sheet_label(&s, 14, oy + ch / 2, GEN_LABEL_W - 28, m->file.move);
        int last = to >= 0 && to < m->meta.frames ? to : m->meta.frames - 1, first = from < last ? from : last;
        for (int k = 0; k < strip; k++)
            sheet_cell(&s, m, first + (strip > 1 ? k * (last - first) / (strip - 1) : 0), GEN_LABEL_W + (k % cols) * cw,
                       oy + (k / cols) * ch, cw, ch, canvas);
        for (int k = 0; k < m->file.showcase_count && k < shots && !strip; k++)
            sheet_cell(&s, m, showcase_sample(m, k), GEN_LABEL_W + (k % cols) * cw, oy + (k / cols) * ch, cw, ch,
                       canvas);
        row++;
        pose_move_free(m);
    }
    char werr[FILES_PATH_BYTES + 200];
    if (rc == 0 && sheet_write(&s, out, werr, sizeof werr) != 0) {
        fprintf(stderr, "spritegen: %s\n", werr);
        rc = 1;
    }
    if (rc == 0 && faulty > 0) {
        fprintf(stderr, "spritegen: %d moves have poses with a contact off the mat or a part below it\n", faulty);
        rc = 1;
    }
done:
    free(m);
    free(canvas);
    free(s.px);
    return rc;
}
