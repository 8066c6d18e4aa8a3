/* spritegen.c: renders the move sprite sheets (assets/sprites/<move>.png + .sheet) and the contact
 * sheet docs/moves.png from the pose keyframes in assets/poses/<move>.pose (format: docs/sprites.md).
 * Pure C and deterministic: same input, byte-identical output. Never reads a clock. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "moves.h"
#include "posecheck.h"
#include "stb_image_write.h"
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wmissing-braces"
#include "stb_easy_font.h"
#pragma GCC diagnostic pop

/* ------------------------------------------------------------------ limits and layout */

#define GEN_CANVAS_W 576 /* every frame is cut from a canvas of this size ... */
#define GEN_CANVAS_H 324 /* ... so all moves share one scale and one mat line */
#define GEN_HEIGHT_PX 262.0f /* standing height H in canvas pixels */
#define GEN_MAT_Y 302.0f /* canvas row of the mat's top surface (the mat line) */
#define GEN_MAX_KEYS 32 /* keys in one section */
#define GEN_MAX_SECTIONS 4
#define GEN_MAX_FRAMES 256
#define GEN_MAX_SHOWCASE 4
#define GEN_MAX_PARTS 16 /* round cones in one drawn group */
#define GEN_MAX_GROUPS 12
#define GEN_LINE_BYTES 512

/* every move of the catalogue (moves.h), in its order */
#define GEN_MOVE_ROW(e, id, name, usable, sided, tempo, pos) id,
static const char *const gen_moves[] = {MOVES(GEN_MOVE_ROW)};
#define GEN_MOVE_COUNT ((int)(sizeof gen_moves / sizeof gen_moves[0]))

/* ------------------------------------------------------------------ pose parameters */

enum {
    P_X,
    P_PELVIS,
    P_SPINE0,
    P_SPINE1,
    P_SPINE2,
    P_SPINE3,
    P_NECK,
    P_HEAD,
    P_TWIST,
    P_LOOK,
    P_CHEST,
    P_HIP_N,
    P_HIP_F,
    P_KNEE_N,
    P_KNEE_F,
    P_ANKLE_N,
    P_ANKLE_F,
    P_SHOULDER_N,
    P_SHOULDER_F,
    P_ELBOW_N,
    P_ELBOW_F,
    P_WRIST_N,
    P_WRIST_F,
    P_ROLL,
    P_BELLY,
    P_STANCE,
    P_COUNT
};

typedef struct {
    const char *name;
    int first, count;
} ParamName;

static const ParamName gen_params[] = {
    {"x", P_X, 1},           {"pelvis", P_PELVIS, 1}, {"spine", P_SPINE0, 4},  {"neck", P_NECK, 1},
    {"head", P_HEAD, 1},     {"twist", P_TWIST, 1},   {"look", P_LOOK, 1},     {"chest", P_CHEST, 1},
    {"hip", P_HIP_N, 2},     {"knee", P_KNEE_N, 2},   {"ankle", P_ANKLE_N, 2}, {"shoulder", P_SHOULDER_N, 2},
    {"elbow", P_ELBOW_N, 2}, {"wrist", P_WRIST_N, 2}, {"roll", P_ROLL, 1},     {"belly", P_BELLY, 1},
    {"stance", P_STANCE, 1},
};

typedef struct {
    float v[P_COUNT];
} Pose;

typedef struct {
    float t;
    Pose pose;
} Key;

typedef struct {
    char name[16];
    float seconds;
    int frames;
    Key keys[GEN_MAX_KEYS];
    int key_count;
    int first_frame; /* filled when frames are laid out */
    unsigned contacts; /* CONTACT_* bits: the parts that stay on the mat through the section */
} Section;

/* Body parts a section may name on its `contacts` line: the solver keeps them on the mat. */
enum {
    CONTACT_HEAD,
    CONTACT_BACK,
    CONTACT_PELVIS,
    CONTACT_NEAR_HAND,
    CONTACT_FAR_HAND,
    CONTACT_NEAR_FOREARM,
    CONTACT_FAR_FOREARM,
    CONTACT_NEAR_KNEE,
    CONTACT_FAR_KNEE,
    CONTACT_NEAR_FOOT,
    CONTACT_FAR_FOOT,
    CONTACT_NEAR_THIGH,
    CONTACT_FAR_THIGH,
    CONTACT_COUNT
};
static const char *const gen_contact_names[CONTACT_COUNT] = {
    "head",      "back",     "pelvis",    "near_hand", "far_hand",   "near_forearm", "far_forearm",
    "near_knee", "far_knee", "near_foot", "far_foot",  "near_thigh", "far_thigh"};

/* A word of a `contacts` line: one part, or a pair ("hands" = near_hand + far_hand). 0 if unknown. */
static unsigned contact_word(const char *w)
{
    static const struct {
        const char *word;
        unsigned bits;
    } pairs[] = {
        {"forehead", 1u << CONTACT_HEAD},
        {"hands", (1u << CONTACT_NEAR_HAND) | (1u << CONTACT_FAR_HAND)},
        {"forearms", (1u << CONTACT_NEAR_FOREARM) | (1u << CONTACT_FAR_FOREARM)},
        {"elbows", (1u << CONTACT_NEAR_FOREARM) | (1u << CONTACT_FAR_FOREARM)},
        {"knees", (1u << CONTACT_NEAR_KNEE) | (1u << CONTACT_FAR_KNEE)},
        {"shins", (1u << CONTACT_NEAR_KNEE) | (1u << CONTACT_FAR_KNEE)},
        {"feet", (1u << CONTACT_NEAR_FOOT) | (1u << CONTACT_FAR_FOOT)},
        {"thighs", (1u << CONTACT_NEAR_THIGH) | (1u << CONTACT_FAR_THIGH)},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
        if (strcmp(w, pairs[i].word) == 0)
            return pairs[i].bits;
    for (int c = 0; c < CONTACT_COUNT; c++)
        if (strcmp(w, gen_contact_names[c]) == 0)
            return 1u << c;
    return 0;
}

enum { G_FAR_ARM, G_FAR_LEG, G_TORSO, G_NEAR_LEG, G_NEAR_ARM, G_ORDER_COUNT };
static const char *const gen_group_names[G_ORDER_COUNT] = {"far_arm", "far_leg", "torso", "near_leg", "near_arm"};

typedef struct {
    char move[32];
    char side[8];
    int fps;
    int order[G_ORDER_COUNT];
    Section sections[GEN_MAX_SECTIONS];
    int section_count;
    struct {
        char section[16];
        int index;
        float t;
    } showcase[GEN_MAX_SHOWCASE];
    int showcase_count;
} PoseFile;

/* ------------------------------------------------------------------ pose file parser */

static int gen_error(const char *path, int line, const char *msg, const char *arg)
{
    fprintf(stderr, "%s:%d: %s%s%s\n", path, line, msg, arg ? ": " : "", arg ? arg : "");
    return -1;
}

static void pose_neutral(Pose *p)
{
    memset(p, 0, sizeof *p);
    p->v[P_PELVIS] = 90.0f;
}

static int section_find(const PoseFile *pf, const char *name)
{
    for (int i = 0; i < pf->section_count; i++)
        if (strcmp(pf->sections[i].name, name) == 0)
            return i;
    return -1;
}

/* Apply "name=v" or "name=v1,v2,..." to pose; returns 0 or -1 on an unknown name or bad number. */
static int pose_set_field(Pose *p, const char *tok)
{
    const char *eq = strchr(tok, '=');
    if (!eq)
        return -1;
    size_t n = (size_t)(eq - tok);
    for (size_t i = 0; i < sizeof gen_params / sizeof gen_params[0]; i++) {
        const ParamName *pn = &gen_params[i];
        if (strlen(pn->name) != n || memcmp(pn->name, tok, n) != 0)
            continue;
        const char *s = eq + 1;
        float vals[4];
        int got = 0;
        while (got < pn->count) {
            char *end;
            vals[got] = strtof(s, &end);
            if (end == s)
                return -1;
            got++;
            s = end;
            if (*s == ',')
                s++;
            else
                break;
        }
        if (*s != '\0')
            return -1;
        for (int k = 0; k < pn->count; k++)
            p->v[pn->first + k] = vals[got == 1 ? 0 : (k < got ? k : got - 1)];
        return 0;
    }
    return -1;
}

static int posefile_parse(const char *path, PoseFile *pf)
{
    char *text;
    size_t text_len;
    if (posecheck_read(path, &text, &text_len) != 0)
        return -1; /* a FIFO, a device, a huge file, inf, nan or 1e6: refused, errors printed */
    FILE *f = fmemopen(text, text_len, "rb");
    if (!f) {
        free(text);
        return gen_error(path, 0, "out of memory", NULL);
    }
    memset(pf, 0, sizeof *pf);
    strcpy(pf->side, "none");
    pf->fps = 10;
    for (int i = 0; i < G_ORDER_COUNT; i++)
        pf->order[i] = i;
    Pose last;
    pose_neutral(&last);
    char line[GEN_LINE_BYTES];
    int lineno = 0, rc = 0;
    while (rc == 0 && fgets(line, sizeof line, f)) {
        lineno++;
        char *hash = strchr(line, '#');
        if (hash)
            *hash = '\0';
        char *tok[40];
        int nt = 0;
        for (char *s = strtok(line, " \t\r\n"); s && nt < 40; s = strtok(NULL, " \t\r\n"))
            tok[nt++] = s;
        if (nt == 0)
            continue;
        if (strcmp(tok[0], "move") == 0 && nt == 2) {
            snprintf(pf->move, sizeof pf->move, "%s", tok[1]);
        } else if (strcmp(tok[0], "side") == 0 && nt == 2) {
            if (strcmp(tok[1], "none") && strcmp(tok[1], "left") && strcmp(tok[1], "right"))
                rc = gen_error(path, lineno, "side must be none, left or right", tok[1]);
            snprintf(pf->side, sizeof pf->side, "%s", tok[1]);
        } else if (strcmp(tok[0], "fps") == 0 && nt == 2) {
            pf->fps = atoi(tok[1]);
            if (pf->fps < 1 || pf->fps > 60)
                rc = gen_error(path, lineno, "fps out of range 1..60", tok[1]);
        } else if (strcmp(tok[0], "order") == 0 && nt == 1 + G_ORDER_COUNT) {
            for (int i = 0; i < G_ORDER_COUNT && rc == 0; i++) {
                int g = -1;
                for (int k = 0; k < G_ORDER_COUNT; k++)
                    if (strcmp(tok[1 + i], gen_group_names[k]) == 0)
                        g = k;
                if (g < 0)
                    rc = gen_error(path, lineno, "unknown group in order", tok[1 + i]);
                pf->order[i] = g;
            }
        } else if (strcmp(tok[0], "section") == 0 && (nt == 3 || nt == 4)) {
            if (pf->section_count == GEN_MAX_SECTIONS)
                rc = gen_error(path, lineno, "too many sections", NULL);
            else if (strcmp(tok[1], "intro") && strcmp(tok[1], "breath") && strcmp(tok[1], "outro") &&
                     strcmp(tok[1], "cycle"))
                rc = gen_error(path, lineno, "section must be intro, breath, outro or cycle", tok[1]);
            else if (section_find(pf, tok[1]) >= 0)
                rc = gen_error(path, lineno, "section given twice", tok[1]);
            else {
                Section *sec = &pf->sections[pf->section_count++];
                snprintf(sec->name, sizeof sec->name, "%s", tok[1]);
                sec->seconds = strtof(tok[2], NULL);
                sec->frames = nt == 4 ? atoi(tok[3]) : (int)lroundf(sec->seconds * (float)pf->fps) + 1;
                if (strcmp(sec->name, "cycle") == 0 && sec->frames % 2 == 0)
                    sec->frames++; /* odd, so the beat (the middle) is a frame of its own */
                if (sec->seconds <= 0.0f || sec->frames < 2 || sec->frames > 128)
                    rc = gen_error(path, lineno, "bad section length or frame count", tok[2]);
            }
        } else if (strcmp(tok[0], "key") == 0 && nt >= 2) {
            if (pf->section_count == 0) {
                rc = gen_error(path, lineno, "key before any section", NULL);
                break;
            }
            Section *sec = &pf->sections[pf->section_count - 1];
            if (sec->key_count == GEN_MAX_KEYS) {
                rc = gen_error(path, lineno, "too many keys in section", NULL);
                break;
            }
            Key *k = &sec->keys[sec->key_count];
            k->t = strtof(tok[1], NULL);
            if (k->t < 0.0f || k->t > 1.0f || (sec->key_count > 0 && k->t <= sec->keys[sec->key_count - 1].t))
                rc = gen_error(path, lineno, "key times must rise from 0 to 1", tok[1]);
            k->pose = last;
            for (int i = 2; i < nt && rc == 0; i++)
                if (pose_set_field(&k->pose, tok[i]) != 0)
                    rc = gen_error(path, lineno, "bad field", tok[i]);
            last = k->pose;
            sec->key_count++;
        } else if (strcmp(tok[0], "contacts") == 0) {
            if (pf->section_count == 0) {
                rc = gen_error(path, lineno, "contacts before any section", NULL);
                break;
            }
            Section *sec = &pf->sections[pf->section_count - 1];
            sec->contacts = 0;
            for (int i = 1; i < nt && rc == 0; i++) {
                unsigned bits = contact_word(tok[i]);
                if (!bits)
                    rc = gen_error(path, lineno,
                                   "unknown contact (head, back, pelvis, hands, forearms, knees, feet, "
                                   "thighs, or near_/far_ one of them)",
                                   tok[i]);
                sec->contacts |= bits;
            }
        } else if (strcmp(tok[0], "showcase") == 0 && nt == 3) {
            if (pf->showcase_count == GEN_MAX_SHOWCASE)
                rc = gen_error(path, lineno, "at most 4 showcase lines", tok[1]);
            else {
                snprintf(pf->showcase[pf->showcase_count].section, 16, "%s", tok[1]);
                pf->showcase[pf->showcase_count++].t = strtof(tok[2], NULL);
            }
        } else {
            rc = gen_error(path, lineno, "unknown line", tok[0]);
        }
    }
    fclose(f);
    free(text);
    if (rc != 0)
        return rc;
    if (pf->move[0] == '\0')
        return gen_error(path, 0, "no move line", NULL);
    if (section_find(pf, "breath") < 0 && section_find(pf, "cycle") < 0)
        return gen_error(path, 0, "needs a breath or a cycle section", NULL);
    for (int i = 0; i < pf->showcase_count; i++)
        if ((pf->showcase[i].index = section_find(pf, pf->showcase[i].section)) < 0)
            return gen_error(path, 0, "showcase names no section of this file", pf->showcase[i].section);
    for (int i = 0; i < pf->section_count; i++) {
        Section *sec = &pf->sections[i];
        if (sec->key_count < 2 || sec->keys[0].t != 0.0f || sec->keys[sec->key_count - 1].t != 1.0f)
            return gen_error(path, 0, "each section needs keys at 0 and at 1", sec->name);
    }
    return 0;
}

/* ------------------------------------------------------------------ interpolation */

static float ease(float u)
{
    return u * u * (3.0f - 2.0f * u);
}

static void section_pose_at(const Section *sec, float t, Pose *out)
{
    int i = 0;
    while (i + 2 < sec->key_count && t > sec->keys[i + 1].t)
        i++;
    const Key *a = &sec->keys[i], *b = &sec->keys[i + 1];
    float u = (t - a->t) / (b->t - a->t);
    u = ease(u < 0.0f ? 0.0f : u > 1.0f ? 1.0f : u);
    for (int p = 0; p < P_COUNT; p++)
        out->v[p] = a->pose.v[p] + (b->pose.v[p] - a->pose.v[p]) * u;
}

/* ------------------------------------------------------------------ skeleton to shapes */

typedef struct {
    float r, g, b;
} Rgb;

/* A round cone from a (radius ra) to b (radius rb), optionally clipped by a half-plane
 * dot(p, n) <= k. Units: H while posing, canvas pixels while drawing. */
typedef struct {
    float ax, ay, bx, by, ra, rb;
    Rgb color;
    int clip;
    float nx, ny, k;
    const char *name; /* for --report */
} Part;

typedef struct {
    Part parts[GEN_MAX_PARTS];
    int count;
    int flat; /* no shading and no outline: eyes */
    const char *name;
} Group;

typedef struct {
    Group groups[GEN_MAX_GROUPS];
    int count;
} Figure;

static const Rgb col_skin = {0.93f, 0.72f, 0.58f};
static const Rgb col_shirt = {0.24f, 0.64f, 0.68f};
static const Rgb col_pants = {0.29f, 0.33f, 0.50f};
static const Rgb col_hair = {0.33f, 0.22f, 0.17f};
static const Rgb col_eye = {0.18f, 0.13f, 0.12f};
static const Rgb col_mat = {0.55f, 0.58f, 0.85f};

static Rgb rgb_scale(Rgb c, float k)
{
    Rgb o = {c.r * k, c.g * k, c.b * k};
    return o;
}

typedef struct {
    float x, y;
} Vec;

static Vec vdir(float deg)
{
    float r = deg * 3.14159265f / 180.0f;
    Vec v = {cosf(r), sinf(r)};
    return v;
}

static Vec vadd(Vec a, Vec b, float k)
{
    Vec v = {a.x + b.x * k, a.y + b.y * k};
    return v;
}

static void group_add(Group *g, Vec a, float ra, Vec b, float rb, Rgb c, const char *name)
{
    if (g->count == GEN_MAX_PARTS)
        return;
    Part *p = &g->parts[g->count++];
    memset(p, 0, sizeof *p);
    p->ax = a.x, p->ay = a.y, p->bx = b.x, p->by = b.y, p->ra = ra, p->rb = rb, p->color = c;
    p->name = name;
}

/* Body proportions (fractions of H, FIGURE-NOTES.md). */
#define B_TRUNK 0.290f
#define B_UPPER_ARM 0.186f
#define B_FOREARM 0.146f
#define B_HAND 0.085f
#define B_THIGH 0.245f
#define B_SHANK 0.246f
#define B_NECK 0.058f
#define B_HEAD_R 0.062f

/* Arm from shoulder s with the trunk top pointing along top_deg. */
static void figure_arm(Group *g, Vec s, float top_deg, float sh, float el, float wr, float shade)
{
    float a1 = top_deg + 180.0f + sh, a2 = a1 + el, a3 = a2 + wr;
    Vec e = vadd(s, vdir(a1), B_UPPER_ARM);
    Vec mid = vadd(s, vdir(a1), B_UPPER_ARM * 0.5f);
    Vec w = vadd(e, vdir(a2), B_FOREARM);
    Vec h = vadd(w, vdir(a3), B_HAND);
    group_add(g, e, 0.030f, w, 0.022f, rgb_scale(col_skin, shade), "forearm");
    group_add(g, w, 0.021f, h, 0.017f, rgb_scale(col_skin, shade), "hand");
    group_add(g, s, 0.034f, e, 0.030f, rgb_scale(col_skin, shade), "upper_arm");
    group_add(g, s, 0.043f, mid, 0.039f, rgb_scale(col_shirt, shade), "sleeve"); /* sleeve */
}

static void figure_leg(Group *g, Vec hip, float pelvis_deg, float hp, float kn, float an, float roll, float shade)
{
    float a1 = pelvis_deg + 180.0f + hp, a2 = a1 - kn, a3 = a2 + 90.0f - an;
    Vec k = vadd(hip, vdir(a1), B_THIGH);
    Vec a = vadd(k, vdir(a2), B_SHANK);
    if (roll != 0.0f) {
        /* the bent leg turns about a line through the ankle along the pelvis: seen from the side,
         * the knee sinks toward the ankle's level (the thigh foreshortens) while the foot stays */
        Vec u = vdir(pelvis_deg), ka = {k.x - a.x, k.y - a.y};
        float along = ka.x * u.x + ka.y * u.y, c = cosf(roll * 3.14159265f / 180.0f);
        k.x = a.x + u.x * along + (ka.x - u.x * along) * c;
        k.y = a.y + u.y * along + (ka.y - u.y * along) * c;
    }
    Vec sole = vdir(a3 - 90.0f);
    Vec heel = vadd(vadd(a, vdir(a3), -0.028f), sole, 0.015f);
    Vec toe = vadd(vadd(a, vdir(a3), 0.110f), sole, 0.022f);
    group_add(g, heel, 0.024f, toe, 0.017f, rgb_scale(col_skin, shade), "foot");
    group_add(g, a, 0.027f, heel, 0.024f, rgb_scale(col_skin, shade), "heel");
    group_add(g, k, 0.042f, a, 0.027f, rgb_scale(col_pants, shade), "shank");
    group_add(g, hip, 0.062f, k, 0.043f, rgb_scale(col_pants, shade), "thigh");
}

/* Build the figure for pose p in H units, feet-up y; the caller grounds and scales it. */
static void figure_build(const Pose *p, const int order[G_ORDER_COUNT], Figure *fig)
{
    const float *v = p->v;
    memset(fig, 0, sizeof *fig);
    Vec P[5];
    float d[4];
    P[0].x = v[P_X], P[0].y = 0.0f;
    float prev = v[P_PELVIS];
    for (int i = 0; i < 4; i++) {
        d[i] = prev - v[P_SPINE0 + i];
        prev = d[i];
        P[i + 1] = vadd(P[i], vdir(d[i]), B_TRUNK / 4.0f);
    }
    float tw = v[P_TWIST] * 3.14159265f / 180.0f;
    Vec ant = vdir(d[3] - 90.0f);
    Vec shoulder_base = vadd(P[4], vdir(d[3]), -0.012f);
    Vec sh_near = vadd(shoulder_base, ant, -sinf(tw) * 0.10f);
    Vec sh_far = vadd(shoulder_base, ant, sinf(tw) * 0.10f);

    Group torso = {0}, far_arm = {0}, near_arm = {0}, far_leg = {0}, near_leg = {0}, hair = {0}, eyes = {0};
    /* torso: pelvis in pants, then shirt; radii are half the body's depth, widened by twist */
    static const float radius[5] = {0.066f, 0.056f, 0.060f, 0.064f, 0.056f};
    float rr[5];
    for (int i = 0; i < 5; i++) {
        float share = (float)i / 4.0f;
        rr[i] = radius[i] * (1.0f + 0.55f * fabsf(sinf(tw * share)));
    }
    /* breathing in fills the chest toward the front only, so the back stays where it rests */
    Vec T[5];
    for (int i = 0; i < 5; i++) {
        T[i] = P[i];
        if (i == 1) { /* the belly: drawn in (< 0) or let out, the back staying where it rests */
            float grow = rr[i] * 0.14f * v[P_BELLY];
            rr[i] += grow;
            T[i] = vadd(P[i], vdir(d[i - 1] - 90.0f), grow);
        }
        if (i == 2 || i == 3) {
            float grow = rr[i] * 0.08f * v[P_CHEST];
            rr[i] += grow;
            T[i] = vadd(P[i], vdir(d[i - 1] - 90.0f), grow);
        }
    }
    group_add(&torso, T[0], rr[0], T[1], rr[1], rgb_scale(col_pants, 0.95f), "pelvis");
    for (int i = 1; i < 4; i++)
        group_add(&torso, T[i], rr[i], T[i + 1], rr[i + 1], rgb_scale(col_shirt, 0.95f), "trunk");
    float dn = d[3] - v[P_NECK], dh = dn - v[P_HEAD];
    Vec n0 = vadd(P[4], vdir(d[3]), -0.02f);
    Vec n1 = vadd(P[4], vdir(dn), B_NECK);
    Vec hc = vadd(vadd(n1, vdir(dh), 0.048f), vdir(dh - 90.0f), 0.014f);
    group_add(&torso, n0, 0.030f, n1, 0.027f, rgb_scale(col_skin, 0.95f), "neck");
    group_add(&torso, hc, B_HEAD_R, hc, B_HEAD_R, rgb_scale(col_skin, 0.97f), "head");
    /* hair: the head circle cut by a plane that turns with the look (yaw toward the viewer) */
    float look = v[P_LOOK] * 3.14159265f / 180.0f;
    Vec face_fwd = vdir(dh - 90.0f), up = vdir(dh);
    Vec hn = {face_fwd.x * cosf(look) * 0.85f - up.x * 0.5f, face_fwd.y * cosf(look) * 0.85f - up.y * 0.5f};
    float hl = sqrtf(hn.x * hn.x + hn.y * hn.y);
    hn.x /= hl, hn.y /= hl;
    Vec hcen = vadd(hc, up, 0.004f);
    group_add(&hair, hcen, B_HEAD_R + 0.005f, hcen, B_HEAD_R + 0.005f, col_hair, "hair");
    hair.parts[0].clip = 1;
    hair.parts[0].nx = hn.x, hair.parts[0].ny = hn.y;
    hair.parts[0].k = hn.x * hc.x + hn.y * hc.y - 0.012f;
    /* eyes: two points on the face, turned by the look; only those facing the viewer are drawn */
    for (int e = 0; e < 2; e++) {
        float lat = e == 0 ? 0.024f : -0.024f; /* + toward the viewer */
        float fw = 0.052f;
        float f2 = fw * cosf(look) - lat * sinf(look);
        float l2 = fw * sinf(look) + lat * cosf(look);
        if (l2 < -0.012f)
            continue;
        Vec ep = vadd(vadd(hc, face_fwd, f2), up, 0.012f);
        group_add(&eyes, ep, 0.0075f, ep, 0.0075f, col_eye, "eye");
    }
    eyes.flat = 1;
    far_arm.name = "far_", near_arm.name = "near_", far_leg.name = "far_", near_leg.name = "near_";
    torso.name = hair.name = eyes.name = "";
    figure_arm(&far_arm, sh_far, d[3], v[P_SHOULDER_F], v[P_ELBOW_F], v[P_WRIST_F], 0.80f);
    figure_arm(&near_arm, sh_near, d[3], v[P_SHOULDER_N], v[P_ELBOW_N], v[P_WRIST_N], 1.03f);
    /* stance: the hip joints apart across the image, for a figure facing the viewer */
    Vec hip_side = vdir(v[P_PELVIS] - 90.0f);
    Vec hip_near = vadd(P[0], hip_side, -0.048f * v[P_STANCE]), hip_far = vadd(P[0], hip_side, 0.048f * v[P_STANCE]);
    figure_leg(&far_leg, hip_far, v[P_PELVIS], v[P_HIP_F], v[P_KNEE_F], v[P_ANKLE_F], v[P_ROLL] * 0.85f, 0.80f);
    figure_leg(&near_leg, hip_near, v[P_PELVIS], v[P_HIP_N], v[P_KNEE_N], v[P_ANKLE_N], v[P_ROLL], 1.03f);
    for (int i = 0; i < G_ORDER_COUNT; i++) {
        switch (order[i]) {
        case G_FAR_ARM: fig->groups[fig->count++] = far_arm; break;
        case G_FAR_LEG: fig->groups[fig->count++] = far_leg; break;
        case G_NEAR_LEG: fig->groups[fig->count++] = near_leg; break;
        case G_NEAR_ARM: fig->groups[fig->count++] = near_arm; break;
        default:
            fig->groups[fig->count++] = torso;
            fig->groups[fig->count++] = hair;
            fig->groups[fig->count++] = eyes;
            break;
        }
    }
}

/* Lowest point of the figure's surface (H units). Round cones are lowest at an end sphere. */
static float figure_lowest(const Figure *fig)
{
    float lo = 1e9f;
    for (int g = 0; g < fig->count; g++) {
        if (fig->groups[g].flat)
            continue;
        for (int i = 0; i < fig->groups[g].count; i++) {
            const Part *p = &fig->groups[g].parts[i];
            if (p->clip)
                continue;
            lo = fminf(lo, fminf(p->ay - p->ra, p->by - p->rb));
        }
    }
    return lo;
}

static void figure_extent_x(const Figure *fig, float *lo, float *hi)
{
    for (int g = 0; g < fig->count; g++)
        for (int i = 0; i < fig->groups[g].count; i++) {
            const Part *p = &fig->groups[g].parts[i];
            *lo = fminf(*lo, fminf(p->ax - p->ra, p->bx - p->rb));
            *hi = fmaxf(*hi, fmaxf(p->ax + p->ra, p->bx + p->rb));
        }
}

/* ------------------------------------------------------------------ contacts and the solver */

#define GEN_CONTACT_TOL_H 0.0015f /* 2 px for a figure shown 1333 px tall: stricter than any 1080p stage */

/* Which contact a part of a group counts for, or -1. */
static int part_contact(const Group *g, const Part *p)
{
    int far = g->name && strcmp(g->name, "far_") == 0, near = g->name && strcmp(g->name, "near_") == 0;
    if (!far && !near) {
        if (strcmp(p->name, "head") == 0)
            return CONTACT_HEAD;
        if (strcmp(p->name, "trunk") == 0)
            return CONTACT_BACK;
        if (strcmp(p->name, "pelvis") == 0)
            return CONTACT_PELVIS;
        return -1;
    }
    int c = -1;
    if (strcmp(p->name, "hand") == 0)
        c = CONTACT_NEAR_HAND;
    else if (strcmp(p->name, "forearm") == 0)
        c = CONTACT_NEAR_FOREARM;
    else if (strcmp(p->name, "shank") == 0)
        c = CONTACT_NEAR_KNEE;
    else if (strcmp(p->name, "foot") == 0 || strcmp(p->name, "heel") == 0)
        c = CONTACT_NEAR_FOOT;
    else if (strcmp(p->name, "thigh") == 0)
        c = CONTACT_NEAR_THIGH;
    return c < 0 ? -1 : c + far; /* every FAR_ follows its NEAR_ */
}

/* Lowest surface point of each contact (low[c]) and of every part (H units). Returns the ground:
 * the lowest of the required contacts, or of the whole figure when none is required. */
static float figure_ground(const Figure *fig, unsigned contacts, float low[CONTACT_COUNT])
{
    for (int c = 0; c < CONTACT_COUNT; c++)
        low[c] = 1e9f;
    for (int g = 0; g < fig->count; g++) {
        if (fig->groups[g].flat)
            continue;
        for (int i = 0; i < fig->groups[g].count; i++) {
            const Part *p = &fig->groups[g].parts[i];
            int c = p->clip ? -1 : part_contact(&fig->groups[g], p);
            if (c >= 0)
                low[c] = fminf(low[c], fminf(p->ay - p->ra, p->by - p->rb));
        }
    }
    float ground = 1e9f;
    for (int c = 0; c < CONTACT_COUNT; c++)
        if (contacts & (1u << c))
            ground = fminf(ground, low[c]);
    return contacts ? ground : figure_lowest(fig);
}

/* The joints the solver may turn to keep the contacts down; where the figure is, how it breathes
 * and which way it looks stay as keyed. */
static const int gen_solve_params[] = {
    P_PELVIS, P_SPINE0,  P_SPINE1,  P_SPINE2,     P_SPINE3,     P_NECK,    P_HEAD,    P_HIP_N,   P_HIP_F,  P_KNEE_N,
    P_KNEE_F, P_ANKLE_N, P_ANKLE_F, P_SHOULDER_N, P_SHOULDER_F, P_ELBOW_N, P_ELBOW_F, P_WRIST_N, P_WRIST_F};
#define GEN_SOLVE_COUNT ((int)(sizeof gen_solve_params / sizeof gen_solve_params[0]))

#define GEN_SOLVE_MAX_RES (CONTACT_COUNT + GEN_MAX_GROUPS * GEN_MAX_PARTS + GEN_SOLVE_COUNT)
#define GEN_SOLVE_PULL 1e-5f /* weight of the pull back to the keyed pose, per degree */

/* The residuals of pose p, whose squares sum to how far it is from resting on its contacts: the
 * heights of the contacts above the ground, twice the depths of parts below it, and a small pull
 * back to the keyed pose. Returns how many were written to r (always the same number). */
static int pose_residuals(const Pose *p, const Pose *keyed, const int order[G_ORDER_COUNT], unsigned contacts, float *r)
{
    Figure fig;
    float low[CONTACT_COUNT];
    int n = 0;
    figure_build(p, order, &fig);
    float ground = figure_ground(&fig, contacts, low);
    for (int c = 0; c < CONTACT_COUNT; c++)
        r[n++] = contacts & (1u << c) ? low[c] - ground : 0.0f;
    for (int g = 0; g < GEN_MAX_GROUPS; g++)
        for (int i = 0; i < GEN_MAX_PARTS; i++) {
            float depth = 0.0f;
            if (g < fig.count && i < fig.groups[g].count && !fig.groups[g].flat && !fig.groups[g].parts[i].clip) {
                const Part *q = &fig.groups[g].parts[i];
                depth = fmaxf(0.0f, ground - fminf(q->ay - q->ra, q->by - q->rb));
            }
            r[n++] = 2.0f * depth;
        }
    for (int k = 0; k < GEN_SOLVE_COUNT; k++)
        r[n++] = GEN_SOLVE_PULL * (p->v[gen_solve_params[k]] - keyed->v[gen_solve_params[k]]);
    return n;
}

static float sum_squares(const float *r, int n)
{
    float s = 0.0f;
    for (int i = 0; i < n; i++)
        s += r[i] * r[i];
    return s;
}

/* Solve the small dense system a x = b (n unknowns, a row-major) by Gaussian elimination with
 * partial pivoting. Returns 0, or -1 when it is singular. */
static int solve_linear(double *a, double *b, int n)
{
    for (int c = 0; c < n; c++) {
        int piv = c;
        for (int r = c + 1; r < n; r++)
            if (fabs(a[r * n + c]) > fabs(a[piv * n + c]))
                piv = r;
        if (fabs(a[piv * n + c]) < 1e-18)
            return -1;
        if (piv != c) {
            for (int k = 0; k < n; k++) {
                double t = a[c * n + k];
                a[c * n + k] = a[piv * n + k], a[piv * n + k] = t;
            }
            double t = b[c];
            b[c] = b[piv], b[piv] = t;
        }
        for (int r = c + 1; r < n; r++) {
            double f = a[r * n + c] / a[c * n + c];
            for (int k = c; k < n; k++)
                a[r * n + k] -= f * a[c * n + k];
            b[r] -= f * b[c];
        }
    }
    for (int c = n - 1; c >= 0; c--) {
        double s = b[c];
        for (int k = c + 1; k < n; k++)
            s -= a[c * n + k] * b[k];
        b[c] = s / a[c * n + c];
    }
    return 0;
}

static void pose_clamp(Pose *p)
{
    for (int j = P_KNEE_N; j <= P_KNEE_F; j++) /* never bend a knee or an elbow backwards */
        p->v[j] = fmaxf(p->v[j], 0.0f);
    for (int j = P_ELBOW_N; j <= P_ELBOW_F; j++)
        p->v[j] = fmaxf(p->v[j], 0.0f);
}

/* Keep the section's contacts on the mat: turn the joints (Levenberg-Marquardt from the keyed pose,
 * numeric derivatives) until every required contact rests on the ground and no part is below it,
 * changing the keyed pose as little as that allows. Deterministic: the same pose in gives the same
 * pose out. */
static void pose_solve(Pose *p, const int order[G_ORDER_COUNT], unsigned contacts)
{
    if (!contacts)
        return;
    const Pose keyed = *p;
    float r[GEN_SOLVE_MAX_RES], r2[GEN_SOLVE_MAX_RES], jac[GEN_SOLVE_COUNT][GEN_SOLVE_MAX_RES];
    int n = pose_residuals(p, &keyed, order, contacts, r);
    float cost = sum_squares(r, n);
    double mu = 1e-6;
    for (int it = 0, stalls = 0; it < 200 && cost > GEN_CONTACT_TOL_H * GEN_CONTACT_TOL_H * 0.01f; it++) {
        for (int k = 0; k < GEN_SOLVE_COUNT; k++) {
            Pose q = *p;
            q.v[gen_solve_params[k]] += 0.05f;
            pose_residuals(&q, &keyed, order, contacts, r2);
            for (int i = 0; i < n; i++)
                jac[k][i] = (r2[i] - r[i]) / 0.05f;
        }
        double a[GEN_SOLVE_COUNT * GEN_SOLVE_COUNT], b[GEN_SOLVE_COUNT];
        int accepted = 0;
        for (int tries = 0; tries < 8 && !accepted; tries++) {
            for (int k = 0; k < GEN_SOLVE_COUNT; k++) {
                b[k] = 0.0;
                for (int i = 0; i < n; i++)
                    b[k] -= (double)jac[k][i] * r[i];
                for (int l = 0; l < GEN_SOLVE_COUNT; l++) {
                    double s = 0.0;
                    for (int i = 0; i < n; i++)
                        s += (double)jac[k][i] * jac[l][i];
                    a[k * GEN_SOLVE_COUNT + l] = s + (k == l ? mu * (1.0 + s) : 0.0);
                }
            }
            if (solve_linear(a, b, GEN_SOLVE_COUNT) != 0) {
                mu *= 10.0;
                continue;
            }
            Pose q = *p;
            for (int k = 0; k < GEN_SOLVE_COUNT; k++)
                q.v[gen_solve_params[k]] += (float)fmax(-20.0, fmin(20.0, b[k]));
            pose_clamp(&q);
            pose_residuals(&q, &keyed, order, contacts, r2);
            float c2 = sum_squares(r2, n);
            if (c2 < cost) {
                *p = q, cost = c2, accepted = 1;
                memcpy(r, r2, sizeof(float) * (size_t)n);
                mu = fmax(mu * 0.3, 1e-9);
            } else {
                mu *= 10.0;
            }
        }
        if (!accepted) { /* stalled in a kink of the min(): start the damping afresh, a few times */
            if (++stalls == 4)
                break;
            mu = 1e-6;
        }
    }
}

/* Ground the figure (its contacts, or its lowest point, on the mat), then map H units to canvas pixels. */
static void figure_place(Figure *fig, float offset_x, unsigned contacts)
{
    float low[CONTACT_COUNT];
    float lift = -figure_ground(fig, contacts, low);
    for (int g = 0; g < fig->count; g++)
        for (int i = 0; i < fig->groups[g].count; i++) {
            Part *p = &fig->groups[g].parts[i];
            p->k = p->k + p->ny * lift; /* the clip plane moves with the lift */
            p->ax = GEN_CANVAS_W * 0.5f + (p->ax + offset_x) * GEN_HEIGHT_PX;
            p->bx = GEN_CANVAS_W * 0.5f + (p->bx + offset_x) * GEN_HEIGHT_PX;
            p->ay = GEN_MAT_Y - (p->ay + lift) * GEN_HEIGHT_PX;
            p->by = GEN_MAT_Y - (p->by + lift) * GEN_HEIGHT_PX;
            p->ra *= GEN_HEIGHT_PX, p->rb *= GEN_HEIGHT_PX;
            /* plane dot(n,q) <= k in H units becomes, with q = ((X-cx)/s - off, (my-Y)/s):
             * n.x*X - n.y*Y <= s*k + n.x*(cx + off*s) - n.y*my */
            float s = GEN_HEIGHT_PX;
            float nx = p->nx, ny = p->ny;
            p->k = s * p->k + nx * (GEN_CANVAS_W * 0.5f + offset_x * s) - ny * GEN_MAT_Y;
            p->nx = nx, p->ny = -ny;
        }
}

/* ------------------------------------------------------------------ rasteriser */

typedef struct {
    int w, h;
    float *px; /* premultiplied RGBA, w*h*4 */
} Canvas;

/* Signed distance (pixels) from (x,y) to a round cone; *t gets the position along the axis. */
static float part_distance(const Part *p, float x, float y, float *t)
{
    float dx = p->bx - p->ax, dy = p->by - p->ay;
    float len = sqrtf(dx * dx + dy * dy);
    float px = x - p->ax, py = y - p->ay;
    float d;
    if (len < 1e-4f) {
        *t = 0.0f;
        d = sqrtf(px * px + py * py) - fmaxf(p->ra, p->rb);
    } else {
        float ux = dx / len, uy = dy / len;
        float ly = px * ux + py * uy; /* along the axis */
        float lx = fabsf(-px * uy + py * ux); /* across it */
        float tt = ly / len;
        *t = tt < 0.0f ? 0.0f : tt > 1.0f ? 1.0f : tt;
        float b = (p->ra - p->rb) / len;
        if (fabsf(b) >= 1.0f) {
            float d0 = sqrtf(px * px + py * py) - p->ra;
            float d1 = sqrtf((lx * lx) + (ly - len) * (ly - len)) - p->rb;
            d = fminf(d0, d1);
        } else {
            float a = sqrtf(1.0f - b * b);
            float k = -b * lx + a * ly;
            if (k < 0.0f)
                d = sqrtf(lx * lx + ly * ly) - p->ra;
            else if (k > a * len)
                d = sqrtf(lx * lx + (ly - len) * (ly - len)) - p->rb;
            else
                d = lx * a + ly * b - p->ra;
        }
    }
    if (p->clip)
        d = fmaxf(d, x * p->nx + y * p->ny - p->k);
    return d;
}

static void canvas_blend(Canvas *c, int x, int y, Rgb col, float a)
{
    float *d = &c->px[((size_t)y * (size_t)c->w + (size_t)x) * 4];
    d[0] = col.r * a + d[0] * (1.0f - a);
    d[1] = col.g * a + d[1] * (1.0f - a);
    d[2] = col.b * a + d[2] * (1.0f - a);
    d[3] = a + d[3] * (1.0f - a);
}

/* Colour of part p at pixel (fx, fy), lit as a rounded solid; t is the position along its axis. */
static Rgb part_shade(const Part *p, float t, float fx, float fy, int flat)
{
    const float lx = -0.38f, ly = -0.62f, lz = 0.69f; /* light: upper left, toward the viewer */
    if (flat)
        return p->color;
    float qx = p->ax + (p->bx - p->ax) * t, qy = p->ay + (p->by - p->ay) * t;
    float r = p->ra + (p->rb - p->ra) * t;
    float nx = (fx - qx) / r, ny = (fy - qy) / r;
    float n2 = nx * nx + ny * ny;
    if (n2 > 1.0f)
        nx /= sqrtf(n2), ny /= sqrtf(n2), n2 = 1.0f;
    float nz = sqrtf(1.0f - n2);
    float lam = nx * lx + ny * ly + nz * lz;
    return rgb_scale(p->color, 0.72f + 0.36f * (lam < 0.0f ? 0.0f : lam));
}

/* Paint one group: the union of its parts, soft-lit as rounded solids, with a dark outline. */
static void canvas_group(Canvas *c, const Group *g)
{
    if (g->count == 0)
        return;
    float x0 = 1e9f, y0 = 1e9f, x1 = -1e9f, y1 = -1e9f;
    for (int i = 0; i < g->count; i++) {
        const Part *p = &g->parts[i];
        float r = fmaxf(p->ra, p->rb) + 2.0f;
        x0 = fminf(x0, fminf(p->ax, p->bx) - r), x1 = fmaxf(x1, fmaxf(p->ax, p->bx) + r);
        y0 = fminf(y0, fminf(p->ay, p->by) - r), y1 = fmaxf(y1, fmaxf(p->ay, p->by) + r);
    }
    int ix0 = (int)fmaxf(0.0f, floorf(x0)), iy0 = (int)fmaxf(0.0f, floorf(y0));
    int ix1 = (int)fminf((float)c->w - 1, ceilf(x1)), iy1 = (int)fminf((float)c->h - 1, ceilf(y1));
    const float outline = 1.25f;
    for (int y = iy0; y <= iy1; y++) {
        for (int x = ix0; x <= ix1; x++) {
            float fx = (float)x + 0.5f, fy = (float)y + 0.5f;
            float best = 1e9f, bt = 0.0f, second = 1e9f, st = 0.0f;
            int bi = 0, si = -1;
            for (int i = 0; i < g->count; i++) {
                float t, d = part_distance(&g->parts[i], fx, fy, &t);
                if (d < best) {
                    second = best, si = bi, st = bt;
                    best = d, bi = i, bt = t;
                } else if (d < second) {
                    second = d, si = i, st = t;
                }
            }
            float a = 0.5f - best;
            if (a <= 0.0f)
                continue;
            if (a > 1.0f)
                a = 1.0f;
            const Part *p = &g->parts[bi];
            Rgb col = part_shade(p, bt, fx, fy, g->flat);
            /* where two differently coloured parts meet (a sleeve's hem), blend across a pixel */
            if (si >= 0 && second - best < 1.0f && memcmp(&g->parts[si].color, &p->color, sizeof(Rgb)) != 0) {
                Rgb c2 = part_shade(&g->parts[si], st, fx, fy, g->flat);
                float w = 0.5f - 0.5f * (second - best);
                col.r += (c2.r - col.r) * w, col.g += (c2.g - col.g) * w, col.b += (c2.b - col.b) * w;
            }
            if (!g->flat) {
                float inside = -best;
                if (inside < outline + 0.5f) {
                    float e = 1.0f - (inside - outline + 0.5f);
                    e = e < 0.0f ? 0.0f : e > 1.0f ? 1.0f : e;
                    Rgb dark = rgb_scale(p->color, 0.42f);
                    col.r += (dark.r - col.r) * e, col.g += (dark.g - col.g) * e, col.b += (dark.b - col.b) * e;
                }
            }
            canvas_blend(c, x, y, col, a);
        }
    }
}

/* The mat: a rounded slab whose top is the mat line, spanning [mx0, mx1] canvas pixels. */
static void canvas_mat(Canvas *c, float mx0, float mx1)
{
    const float thick = 9.0f, round = 4.0f;
    for (int y = (int)GEN_MAT_Y - 1; y <= (int)(GEN_MAT_Y + thick) + 1 && y < c->h; y++)
        for (int x = (int)mx0 - 1; x <= (int)mx1 + 1; x++) {
            if (x < 0 || x >= c->w)
                continue;
            float fx = (float)x + 0.5f, fy = (float)y + 0.5f;
            /* rounded box SDF */
            float cx = (mx0 + mx1) * 0.5f, cy = GEN_MAT_Y + thick * 0.5f;
            float hx = (mx1 - mx0) * 0.5f - round, hy = thick * 0.5f - round;
            float qx = fabsf(fx - cx) - hx, qy = fabsf(fy - cy) - hy;
            float ox = fmaxf(qx, 0.0f), oy = fmaxf(qy, 0.0f);
            float d = sqrtf(ox * ox + oy * oy) + fminf(fmaxf(qx, qy), 0.0f) - round;
            float a = 0.5f - d;
            if (a <= 0.0f)
                continue;
            Rgb col = fy < GEN_MAT_Y + 1.5f ? rgb_scale(col_mat, 1.12f) : col_mat;
            canvas_blend(c, x, y, col, a > 1.0f ? 1.0f : a);
        }
}

/* A soft contact shadow on the mat under every part near the floor. */
static void canvas_shadow(Canvas *c, const Figure *fig, float mx0, float mx1)
{
    const float sy = 5.0f;
    Rgb black = {0.05f, 0.04f, 0.10f};
    for (int y = (int)(GEN_MAT_Y - 3.0f * sy); y <= (int)(GEN_MAT_Y + 2.0f * sy) && y < c->h; y++)
        for (int x = (int)mx0; x <= (int)mx1 && x < c->w; x++) {
            float fx = (float)x + 0.5f, fy = (float)y + 0.5f, best = 0.0f;
            for (int g = 0; g < fig->count; g++) {
                if (fig->groups[g].flat)
                    continue;
                for (int i = 0; i < fig->groups[g].count; i++) {
                    const Part *p = &fig->groups[g].parts[i];
                    if (p->clip)
                        continue;
                    float lo = fmaxf(p->ay + p->ra, p->by + p->rb);
                    float h = fmaxf(0.0f, GEN_MAT_Y - lo) / GEN_HEIGHT_PX;
                    float xa = fminf(p->ax, p->bx), xb = fmaxf(p->ax, p->bx);
                    float dx = fx < xa ? xa - fx : fx > xb ? fx - xb : 0.0f;
                    float sx = 4.0f + 0.6f * h * GEN_HEIGHT_PX;
                    float dy = (fy - GEN_MAT_Y) / sy;
                    float s = expf(-(dx * dx) / (sx * sx) - dy * dy) * 0.42f * expf(-h / 0.06f);
                    best = fmaxf(best, s);
                }
            }
            if (best > 0.004f)
                canvas_blend(c, x, y, black, best);
        }
}

/* ------------------------------------------------------------------ frames of one move */

typedef struct {
    PoseFile pf;
    int frame_count;
    int frame_section[GEN_MAX_FRAMES];
    float frame_t[GEN_MAX_FRAMES];
    float offset_x, mat_x0, mat_x1;
    unsigned char *rgba[GEN_MAX_FRAMES]; /* canvas-sized straight-alpha frames */
} Move;

/* The pose of a frame, solved so its section's contacts rest on the mat. */
static void move_pose(const Move *m, int frame, Pose *out)
{
    const Section *sec = &m->pf.sections[m->frame_section[frame]];
    section_pose_at(sec, m->frame_t[frame], out);
    pose_solve(out, m->pf.order, sec->contacts);
}

/* Returns 0, or -1 (printed) when the move is wider than the canvas: a figure that does not fit
 * is an error in the pose file, never drawn off the canvas. */
static int move_layout(Move *m, const char *path)
{
    m->frame_count = 0;
    for (int s = 0; s < m->pf.section_count; s++) {
        Section *sec = &m->pf.sections[s];
        sec->first_frame = m->frame_count;
        for (int i = 0; i < sec->frames && m->frame_count < GEN_MAX_FRAMES; i++) {
            m->frame_section[m->frame_count] = s;
            m->frame_t[m->frame_count] = (float)i / (float)(sec->frames - 1);
            m->frame_count++;
        }
    }
    /* centre the move's whole horizontal extent; size the mat to it */
    float lo = 1e9f, hi = -1e9f;
    for (int f = 0; f < m->frame_count; f++) {
        Pose p;
        Figure fig;
        move_pose(m, f, &p);
        figure_build(&p, m->pf.order, &fig);
        figure_extent_x(&fig, &lo, &hi);
    }
    m->offset_x = -(lo + hi) * 0.5f;
    float half = (hi - lo) * 0.5f + 0.07f;
    m->mat_x0 = GEN_CANVAS_W * 0.5f - half * GEN_HEIGHT_PX;
    m->mat_x1 = GEN_CANVAS_W * 0.5f + half * GEN_HEIGHT_PX;
    if (!(m->mat_x0 >= 0.0f && m->mat_x1 <= (float)GEN_CANVAS_W)) {
        char width[64];
        snprintf(width, sizeof width, "%.2f body heights, the canvas holds %.2f", (double)(2.0f * half),
                 (double)(GEN_CANVAS_W / GEN_HEIGHT_PX));
        return gen_error(path, 0, "the move is wider than the canvas", width);
    }
    return 0;
}

static unsigned char *move_render_frame(const Move *m, int frame, Canvas *c)
{
    Pose p;
    Figure fig;
    move_pose(m, frame, &p);
    figure_build(&p, m->pf.order, &fig);
    figure_place(&fig, m->offset_x, m->pf.sections[m->frame_section[frame]].contacts);
    memset(c->px, 0, sizeof(float) * 4 * (size_t)c->w * (size_t)c->h);
    canvas_mat(c, m->mat_x0, m->mat_x1);
    canvas_shadow(c, &fig, m->mat_x0, m->mat_x1);
    for (int g = 0; g < fig.count; g++)
        canvas_group(c, &fig.groups[g]);
    unsigned char *out = malloc((size_t)c->w * (size_t)c->h * 4);
    if (!out)
        return NULL;
    for (size_t i = 0; i < (size_t)c->w * (size_t)c->h; i++) {
        float a = c->px[i * 4 + 3];
        for (int k = 0; k < 3; k++) {
            float v = a > 0.0f ? c->px[i * 4 + k] / a : 0.0f;
            v = v < 0.0f ? 0.0f : v > 1.0f ? 1.0f : v;
            out[i * 4 + k] = a > 0.0f ? (unsigned char)(v * 255.0f + 0.5f) : 0;
        }
        out[i * 4 + 3] = (unsigned char)(a * 255.0f + 0.5f);
    }
    return out;
}

/* Check every frame as it is drawn: each required contact within GEN_CONTACT_TOL_H of the mat,
 * no part below it, no knee or elbow bent backwards. Prints each fault and a summary line;
 * returns the number of faulty frames. */
static int move_report(const Move *m)
{
    int bad_frames = 0;
    float worst = 0.0f;
    for (int f = 0; f < m->frame_count; f++) {
        const Section *sec = &m->pf.sections[m->frame_section[f]];
        Pose p;
        Figure fig;
        float low[CONTACT_COUNT];
        move_pose(m, f, &p);
        figure_build(&p, m->pf.order, &fig);
        float ground = figure_ground(&fig, sec->contacts, low);
        char faults[512] = "";
        size_t n = 0;
        for (int c = 0; c < CONTACT_COUNT; c++) {
            float h = low[c] - ground;
            if ((sec->contacts & (1u << c)) && h > GEN_CONTACT_TOL_H && n < sizeof faults)
                n += (size_t)snprintf(faults + n, sizeof faults - n, " %s %.1f px off the mat", gen_contact_names[c],
                                      h / GEN_CONTACT_TOL_H * 2.0f);
            if (sec->contacts & (1u << c))
                worst = fmaxf(worst, h);
        }
        for (int g = 0; g < fig.count; g++)
            for (int i = 0; i < fig.groups[g].count && !fig.groups[g].flat; i++) {
                const Part *q = &fig.groups[g].parts[i];
                float depth = ground - fminf(q->ay - q->ra, q->by - q->rb);
                if (!q->clip && depth > GEN_CONTACT_TOL_H && n < sizeof faults)
                    n += (size_t)snprintf(faults + n, sizeof faults - n, " %s%s %.1f px below the mat",
                                          fig.groups[g].name, q->name, depth / GEN_CONTACT_TOL_H * 2.0f);
            }
        for (int j = P_KNEE_N; j <= P_ELBOW_F; j++)
            if ((j == P_KNEE_N || j == P_KNEE_F) && p.v[j] < -1.0f && n < sizeof faults)
                n += (size_t)snprintf(faults + n, sizeof faults - n, " knee bent backwards");
            else if ((j == P_ELBOW_N || j == P_ELBOW_F) && p.v[j] < -5.0f && n < sizeof faults)
                n += (size_t)snprintf(faults + n, sizeof faults - n, " elbow bent backwards");
        if (n > 0) {
            bad_frames++;
            printf("%s: frame %d (%s %.2f):%s\n", m->pf.move, f, sec->name, m->frame_t[f], faults);
        }
    }
    printf("%s: %d frames checked, %d faulty; highest required contact %.1f px off the mat\n", m->pf.move,
           m->frame_count, bad_frames, worst / GEN_CONTACT_TOL_H * 2.0f);
    return bad_frames;
}

/* ------------------------------------------------------------------ sheet output */

typedef struct {
    int first, last, ms;
} Range;

static Range range_of(const Move *m, const char *name)
{
    Range r = {-1, -1, 0};
    int s = section_find(&m->pf, name);
    if (s >= 0) {
        const Section *sec = &m->pf.sections[s];
        r.first = sec->first_frame;
        r.last = sec->first_frame + sec->frames - 1;
        r.ms = (int)lroundf(sec->seconds * 1000.0f);
    }
    return r;
}

static int move_write(Move *m, const char *out_dir)
{
    /* union of the drawn pixels over all frames: every frame is cut to it */
    int x0 = GEN_CANVAS_W, y0 = GEN_CANVAS_H, x1 = -1, y1 = -1;
    for (int f = 0; f < m->frame_count; f++)
        for (int y = 0; y < GEN_CANVAS_H; y++)
            for (int x = 0; x < GEN_CANVAS_W; x++)
                if (m->rgba[f][((size_t)y * GEN_CANVAS_W + (size_t)x) * 4 + 3]) {
                    if (x < x0)
                        x0 = x;
                    if (x > x1)
                        x1 = x;
                    if (y < y0)
                        y0 = y;
                    if (y > y1)
                        y1 = y;
                }
    x0 = x0 > 2 ? x0 - 2 : 0, y0 = y0 > 2 ? y0 - 2 : 0;
    x1 = x1 + 2 < GEN_CANVAS_W ? x1 + 2 : GEN_CANVAS_W - 1;
    y1 = y1 + 2 < GEN_CANVAS_H ? y1 + 2 : GEN_CANVAS_H - 1;
    int fw = x1 - x0 + 1, fh = y1 - y0 + 1;
    int cols = 1;
    while (cols * cols * fw < m->frame_count * fh && cols < m->frame_count)
        cols++;
    int rows = (m->frame_count + cols - 1) / cols;
    int sw = cols * fw, sh = rows * fh;
    unsigned char *sheet = calloc((size_t)sw * (size_t)sh, 4);
    if (!sheet)
        return -1;
    for (int f = 0; f < m->frame_count; f++) {
        int ox = (f % cols) * fw, oy = (f / cols) * fh;
        for (int y = 0; y < fh; y++)
            memcpy(&sheet[((size_t)(oy + y) * (size_t)sw + (size_t)ox) * 4],
                   &m->rgba[f][((size_t)(y0 + y) * GEN_CANVAS_W + (size_t)x0) * 4], (size_t)fw * 4);
    }
    char path[1024];
    snprintf(path, sizeof path, "%s/%s.png", out_dir, m->pf.move);
    int ok = stbi_write_png(path, sw, sh, 4, sheet, sw * 4);
    free(sheet);
    if (!ok) {
        fprintf(stderr, "spritegen: cannot write %s\n", path);
        return -1;
    }

    Range intro = range_of(m, "intro"), breath = range_of(m, "breath");
    Range outro = range_of(m, "outro"), cycle = range_of(m, "cycle");
    int beat;
    if (cycle.first < 0)
        cycle = breath;
    beat = cycle.first + (cycle.last - cycle.first) / 2;
    if (breath.first < 0) {
        breath = cycle;
    }
    if (intro.first < 0 && range_of(m, "cycle").first >= 0 && section_find(&m->pf, "breath") >= 0) {
        /* a rep move: in = first half of the cycle, out = second half; held at the peak */
        intro.first = cycle.first, intro.last = beat, intro.ms = cycle.ms / 2;
        outro.first = beat, outro.last = cycle.last, outro.ms = cycle.ms - cycle.ms / 2;
    }
    if (intro.first < 0)
        intro.first = intro.last = breath.first, intro.ms = 0;
    if (outro.first < 0)
        outro.first = outro.last = breath.first, outro.ms = 0;
    int held = breath.first;

    snprintf(path, sizeof path, "%s/%s.sheet", out_dir, m->pf.move);
    FILE *f = fopen(path, "wb");
    if (!f) {
        fprintf(stderr, "spritegen: cannot write %s\n", path);
        return -1;
    }
    fprintf(f, "# %s.sheet: written by spritegen from assets/poses/%s.pose; format in docs/sprites.md\n", m->pf.move,
            m->pf.move);
    fprintf(f, "sheet 1\nmove %s\nimage %s.png\n", m->pf.move, m->pf.move);
    fprintf(f, "canvas %d %d\ncrop %d %d\nframe %d %d\ncolumns %d\nframes %d\nfps %d\nside %s\n", GEN_CANVAS_W,
            GEN_CANVAS_H, x0, y0, fw, fh, cols, m->frame_count, m->pf.fps, m->pf.side);
    fprintf(f, "intro %d %d %d\ncycle %d %d %d\nbreath %d %d %d\noutro %d %d %d\n", intro.first, intro.last, intro.ms,
            cycle.first, cycle.last, cycle.ms, breath.first, breath.last, breath.ms, outro.first, outro.last, outro.ms);
    fprintf(f, "beat %d\nheld %d\n", beat, held);
    fclose(f);
    printf("spritegen: %s: %d frames of %dx%d, sheet %dx%d\n", m->pf.move, m->frame_count, fw, fh, sw, sh);
    return 0;
}

/* ------------------------------------------------------------------ contact sheet */

#define CS_LABEL_W 200

static void cs_text(unsigned char *img, int w, int h, int x, int y, const char *text, int scale)
{
    static char buf[60000];
    int quads = stb_easy_font_print(0, 0, (char *)text, NULL, buf, (int)sizeof buf);
    for (int q = 0; q < quads; q++) {
        float *v = (float *)(buf + q * 64);
        int qx0 = (int)v[0], qy0 = (int)v[1], qx1 = (int)v[8], qy1 = (int)v[9];
        for (int yy = y + qy0 * scale; yy < y + qy1 * scale; yy++)
            for (int xx = x + qx0 * scale; xx < x + qx1 * scale; xx++)
                if (xx >= 0 && yy >= 0 && xx < w && yy < h) {
                    unsigned char *p = &img[((size_t)yy * (size_t)w + (size_t)xx) * 4];
                    p[0] = 40, p[1] = 44, p[2] = 70, p[3] = 255;
                }
    }
}

/* Downscale one canvas frame by CS_SCALE (box filter) onto the contact sheet's light background. */
static void cs_frame(unsigned char *img, int w, int ox, int oy, const unsigned char *rgba, int scale)
{
    for (int y = 0; y < GEN_CANVAS_H / scale; y++)
        for (int x = 0; x < GEN_CANVAS_W / scale; x++) {
            float acc[3] = {0, 0, 0}, alpha = 0.0f;
            for (int sy = 0; sy < scale; sy++)
                for (int sx = 0; sx < scale; sx++) {
                    const unsigned char *s =
                        &rgba[((size_t)(y * scale + sy) * GEN_CANVAS_W + (size_t)(x * scale + sx)) * 4];
                    float a = s[3] / 255.0f;
                    for (int k = 0; k < 3; k++)
                        acc[k] += s[k] * a;
                    alpha += a;
                }
            unsigned char *d = &img[((size_t)(oy + y) * (size_t)w + (size_t)(ox + x)) * 4];
            float n = (float)(scale * scale);
            for (int k = 0; k < 3; k++)
                d[k] = (unsigned char)((acc[k] + d[k] * (n - alpha)) / n + 0.5f);
        }
}

static unsigned char *cs_new(int w, int h)
{
    unsigned char *img = malloc((size_t)w * (size_t)h * 4);
    if (!img)
        return NULL;
    for (size_t i = 0; i < (size_t)w * (size_t)h; i++) {
        img[i * 4 + 0] = 246, img[i * 4 + 1] = 243, img[i * 4 + 2] = 236, img[i * 4 + 3] = 255;
    }
    return img;
}

/* ------------------------------------------------------------------ main */

int main(int argc, char **argv)
{
    int report = 0;
    const char *only = NULL; /* --only MOVE: render one move while tuning its poses */
    for (;;) {
        if (argc > 1 && strcmp(argv[1], "--report") == 0)
            report = 1, argc--, argv++;
        else if (argc > 2 && strcmp(argv[1], "--only") == 0)
            only = argv[2], argc -= 2, argv += 2;
        else
            break;
    }
    if (argc != 4) {
        fprintf(stderr, "usage: spritegen [--report] [--only MOVE] POSE_DIR OUT_SPRITE_DIR CONTACT_SHEET.png\n");
        return 2;
    }
    const char *pose_dir = argv[1], *out_dir = argv[2], *cs_path = argv[3];
    float *buf = malloc(sizeof(float) * 4 * GEN_CANVAS_W * GEN_CANVAS_H);
    /* the contact sheet shows three frames a move at half size; --only shows four at full size */
    int cs_scale = only ? 1 : 2, cs_cols = only ? 2 : 3, cs_shots = only ? 4 : 3;
    int cell_w = GEN_CANVAS_W / cs_scale, cell_h = GEN_CANVAS_H / cs_scale;
    int cs_w = CS_LABEL_W + cs_cols * cell_w, cs_h = (only ? 2 : GEN_MOVE_COUNT) * cell_h + 20;
    unsigned char *cs = cs_new(cs_w, cs_h);
    Move *m = calloc(1, sizeof *m);
    int rc = 0, faulty = 0;
    if (!buf || !cs || !m) {
        fprintf(stderr, "spritegen: out of memory\n");
        rc = 1;
        goto cleanup;
    }
    Canvas c = {GEN_CANVAS_W, GEN_CANVAS_H, buf};
    for (int mi = 0; mi < GEN_MOVE_COUNT && rc == 0; mi++) {
        char path[1024];
        if (only && strcmp(only, gen_moves[mi]) != 0)
            continue;
        snprintf(path, sizeof path, "%s/%s.pose", pose_dir, gen_moves[mi]);
        memset(m, 0, sizeof *m);
        if (posefile_parse(path, &m->pf) != 0) {
            rc = 1;
            break;
        }
        if (move_layout(m, path) != 0) {
            rc = 1;
            break;
        }
        if (report && move_report(m) > 0)
            faulty++;
        for (int f = 0; f < m->frame_count && rc == 0; f++)
            if (!(m->rgba[f] = move_render_frame(m, f, &c)))
                rc = 1;
        if (rc == 0 && move_write(m, out_dir) != 0)
            rc = 1;
        /* contact sheet row: label, then up to three showcase frames */
        int oy = 10 + (only ? 0 : mi) * cell_h;
        cs_text(cs, cs_w, cs_h, 14, oy + cell_h / 2 - 12, m->pf.move, 3);
        for (int k = 0; k < m->pf.showcase_count && k < cs_shots && rc == 0; k++) {
            const Section *sec = &m->pf.sections[m->pf.showcase[k].index];
            int f = sec->first_frame + (int)lroundf(m->pf.showcase[k].t * (float)(sec->frames - 1));
            cs_frame(cs, cs_w, CS_LABEL_W + (k % cs_cols) * cell_w, oy + (k / cs_cols) * cell_h, m->rgba[f], cs_scale);
        }
        for (int f = 0; f < m->frame_count; f++)
            free(m->rgba[f]), m->rgba[f] = NULL;
    }
    if (rc == 0 && !stbi_write_png(cs_path, cs_w, cs_h, 4, cs, cs_w * 4)) {
        fprintf(stderr, "spritegen: cannot write %s\n", cs_path);
        rc = 1;
    }
    if (rc == 0 && faulty > 0) {
        fprintf(stderr, "spritegen: %d moves have frames with a contact off the mat or a part below it\n", faulty);
        rc = 1;
    }
cleanup:
    if (m)
        for (int f = 0; f < GEN_MAX_FRAMES; f++)
            free(m->rgba[f]);
    free(m);
    free(cs);
    free(buf);
    return rc;
}
