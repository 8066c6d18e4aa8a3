/* pose.c: pose files, easing, the contact solver and the figure's shapes (pose.h). Pure C: no SDL,
 * no I/O, no globals. Units are body heights H (FIGURE-NOTES proportions), degrees, seconds. */
#include "pose.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ pose file parser */

typedef struct {
    const char *name;
    int first, count;
} PoseParamName;

static const PoseParamName pose_params[] = {
    {"x", POSE_X, 1},           {"pelvis", POSE_PELVIS, 1},       {"spine", POSE_SPINE0, 4},
    {"neck", POSE_NECK, 1},     {"head", POSE_HEAD, 1},           {"twist", POSE_TWIST, 1},
    {"look", POSE_LOOK, 1},     {"chest", POSE_CHEST, 1},         {"hip", POSE_HIP_N, 2},
    {"knee", POSE_KNEE_N, 2},   {"ankle", POSE_ANKLE_N, 2},       {"shoulder", POSE_SHOULDER_N, 2},
    {"elbow", POSE_ELBOW_N, 2}, {"wrist", POSE_WRIST_N, 2},       {"roll", POSE_ROLL, 1},
    {"belly", POSE_BELLY, 1},   {"stance", POSE_STANCE, 1},       {"flip", POSE_FLIP, 1},
    {"chair", POSE_CHAIR, 1},   {"girdle", POSE_GIRDLE, 1},       {"spread", POSE_SPREAD, 1},
    {"shade", POSE_SHADE, 1},   {"head_over", POSE_HEAD_OVER, 1},
};

static const char *const pose_group_names[POSE_ORDER_COUNT] = {"far_arm",  "far_leg",  "torso",
                                                               "near_leg", "near_arm", "near_shin"};

void pose_order_default(int order[POSE_ORDER_COUNT])
{
    static const int def[POSE_ORDER_COUNT] = {POSE_GROUP_FAR_ARM,   POSE_GROUP_FAR_LEG,  POSE_GROUP_TORSO,
                                              POSE_GROUP_NEAR_SHIN, POSE_GROUP_NEAR_LEG, POSE_GROUP_NEAR_ARM};
    memcpy(order, def, sizeof def);
}

static const char *const pose_contact_names[CONTACT_COUNT] = {
    "head",         "back",      "pelvis",    "near_hand", "far_hand",   "near_forearm",   "far_forearm",
    "near_knee",    "far_knee",  "near_foot", "far_foot",  "near_thigh", "far_thigh",      "near_shoulder",
    "far_shoulder", "near_heel", "far_heel",  "near_toes", "far_toes",   "near_flat_hand", "far_flat_hand"};

const char *pose_contact_name(int c)
{
    return c < 0 || c >= CONTACT_COUNT ? NULL : pose_contact_names[c];
}

/* A word of a `contacts` line: one part, or a pair ("hands" = near_hand + far_hand). 0 if unknown. */
static unsigned pose_contact_word(const char *w)
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
        {"shoulders", (1u << CONTACT_NEAR_SHOULDER) | (1u << CONTACT_FAR_SHOULDER)},
        /* a flat foot: heel and toes both on the mat, not only its lowest point (no tiptoe) */
        {"flat_feet", (1u << CONTACT_NEAR_FOOT) | (1u << CONTACT_FAR_FOOT) | (1u << CONTACT_NEAR_HEEL) |
                          (1u << CONTACT_FAR_HEEL) | (1u << CONTACT_NEAR_TOES) | (1u << CONTACT_FAR_TOES)},
        /* a flat hand: its heel and its fingertips both on the mat, not standing on either */
        {"flat_hands", (1u << CONTACT_NEAR_HAND) | (1u << CONTACT_FAR_HAND) | (1u << CONTACT_NEAR_FLAT_HAND) |
                           (1u << CONTACT_FAR_FLAT_HAND)},
        {"near_flat_foot", (1u << CONTACT_NEAR_FOOT) | (1u << CONTACT_NEAR_HEEL) | (1u << CONTACT_NEAR_TOES)},
        {"far_flat_foot", (1u << CONTACT_FAR_FOOT) | (1u << CONTACT_FAR_HEEL) | (1u << CONTACT_FAR_TOES)},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
        if (strcmp(w, pairs[i].word) == 0)
            return pairs[i].bits;
    for (int c = 0; c < CONTACT_COUNT; c++)
        if (strcmp(w, pose_contact_names[c]) == 0)
            return 1u << c;
    return 0;
}

static void pose_neutral(Pose *p)
{
    memset(p, 0, sizeof *p);
    p->v[POSE_PELVIS] = 90.0f;
}

int pose_section_find(const PoseFile *pf, const char *name)
{
    for (int i = 0; i < pf->section_count; i++)
        if (strcmp(pf->sections[i].name, name) == 0)
            return i;
    return -1;
}

/* A finite number within POSE_MAX_VALUE filling the whole of s. */
static bool pose_number(const char *s, float *out)
{
    char *end;
    if (!*s)
        return false;
    double v = strtod(s, &end);
    if (end == s || *end != '\0' || !isfinite(v) || fabs(v) > POSE_MAX_VALUE)
        return false;
    *out = (float)v;
    return true;
}

/* A whole number lo..hi filling the whole of s. */
static bool pose_int(const char *s, int lo, int hi, int *out)
{
    float v;
    if (!pose_number(s, &v) || v != floorf(v) || v < (float)lo || v > (float)hi)
        return false;
    *out = (int)v;
    return true;
}

/* Apply "name=v" or "name=v1,v2,..." to pose; returns 0, -1 on an unknown name, -2 on a bad number. */
static int pose_set_field(Pose *p, const char *tok)
{
    const char *eq = strchr(tok, '=');
    if (!eq)
        return -1;
    size_t n = (size_t)(eq - tok);
    for (size_t i = 0; i < sizeof pose_params / sizeof pose_params[0]; i++) {
        const PoseParamName *pn = &pose_params[i];
        if (strlen(pn->name) != n || memcmp(pn->name, tok, n) != 0)
            continue;
        float vals[4];
        int got = 0;
        char num[64];
        const char *s = eq + 1;
        for (;;) {
            const char *comma = strchr(s, ',');
            size_t len = comma ? (size_t)(comma - s) : strlen(s);
            if (got == pn->count || len >= sizeof num)
                return -2;
            memcpy(num, s, len);
            num[len] = '\0';
            if (!pose_number(num, &vals[got]))
                return -2;
            got++;
            if (!comma)
                break;
            s = comma + 1;
        }
        for (int k = 0; k < pn->count; k++)
            p->v[pn->first + k] = vals[got == 1 ? 0 : (k < got ? k : got - 1)];
        return 0;
    }
    return -1;
}

#define POSE_MAX_WORDS 40

typedef struct {
    const char *path;
    RoutineErrors *errs;
    int line;
    char *word[POSE_MAX_WORDS];
    int col[POSE_MAX_WORDS];
    int count;
} PoseLine;

#define POSE_ERR(pl, w, ...) routine_errors_add((pl)->errs, (pl)->path, (pl)->line, (pl)->col[w], __VA_ARGS__)

/* One line of a pose file; errors go to pl->errs. */
static void pose_parse_line(PoseLine *pl, PoseFile *pf, Pose *last)
{
    char **tok = pl->word;
    int nt = pl->count;
    if (strcmp(tok[0], "move") == 0 && nt == 2) {
        if (strlen(tok[1]) >= sizeof pf->move)
            POSE_ERR(pl, 1, "move name is longer than %d bytes", (int)sizeof pf->move - 1);
        else
            snprintf(pf->move, sizeof pf->move, "%s", tok[1]);
        pf->move_line = pl->line;
        pf->move_col = pl->col[1];
    } else if (strcmp(tok[0], "side") == 0 && nt == 2) {
        if (strcmp(tok[1], "none") == 0)
            pf->side = SIDES_NONE;
        else if (strcmp(tok[1], "left") == 0)
            pf->side = SIDES_LEFT;
        else if (strcmp(tok[1], "right") == 0)
            pf->side = SIDES_RIGHT;
        else
            POSE_ERR(pl, 1, "side must be none, left or right");
    } else if (strcmp(tok[0], "other_side") == 0 && nt == 2) {
        if (strcmp(tok[1], "mirror") == 0)
            pf->other_side = POSE_OTHER_MIRROR;
        else if (strcmp(tok[1], "far") == 0)
            pf->other_side = POSE_OTHER_FAR;
        else if (strcmp(tok[1], "away") == 0)
            pf->other_side = POSE_OTHER_AWAY;
        else
            POSE_ERR(pl, 1, "other_side must be mirror, far or away");
    } else if (strcmp(tok[0], "fps") == 0 && nt == 2) {
        int fps; /* no longer used (the program samples POSE_SAMPLE_FPS poses a second): accepted in old files */
        if (!pose_int(tok[1], 1, 60, &fps))
            POSE_ERR(pl, 1, "fps must be a whole number 1..60");
    } else if (strcmp(tok[0], "order") == 0 && (nt == POSE_ORDER_COUNT || nt == 1 + POSE_ORDER_COUNT)) {
        /* five groups (the near leg one limb) or six (near_shin painted where it is named) */
        int seen = 0, order[POSE_ORDER_COUNT] = {0}, n = 0;
        for (int i = 1; i < nt; i++) {
            int g = -1;
            for (int k = 0; k < POSE_ORDER_COUNT; k++)
                if (strcmp(tok[i], pose_group_names[k]) == 0)
                    g = k;
            if (g < 0 || (seen & (1 << g)) || (nt == POSE_ORDER_COUNT && g == POSE_GROUP_NEAR_SHIN)) {
                POSE_ERR(pl, i,
                         "order names each of far_arm far_leg torso near_leg near_arm once (and near_shin, if "
                         "the near shin and foot are painted apart)");
                return;
            }
            seen |= 1 << g;
            if (nt == POSE_ORDER_COUNT && g == POSE_GROUP_NEAR_LEG)
                order[n++] = POSE_GROUP_NEAR_SHIN;
            order[n++] = g;
        }
        /* before any key: the file's order; after a key: the order from that key on */
        PoseKey *last_key = NULL;
        for (int i = pf->section_count - 1; i >= 0 && !last_key; i--)
            if (pf->sections[i].key_count > 0)
                last_key = &pf->sections[i].keys[pf->sections[i].key_count - 1];
        memcpy(last_key ? last_key->order : pf->order, order, sizeof order);
    } else if (strcmp(tok[0], "section") == 0 && (nt == 3 || nt == 4)) {
        if (pf->section_count == POSE_MAX_SECTIONS) {
            POSE_ERR(pl, 0, "too many sections (at most %d)", POSE_MAX_SECTIONS);
            return;
        }
        if (strcmp(tok[1], "intro") && strcmp(tok[1], "breath") && strcmp(tok[1], "outro") && strcmp(tok[1], "cycle")) {
            POSE_ERR(pl, 1, "section must be intro, breath, outro or cycle");
            return;
        }
        if (pose_section_find(pf, tok[1]) >= 0) {
            POSE_ERR(pl, 1, "section %s given twice", tok[1]);
            return;
        }
        PoseSection *sec = &pf->sections[pf->section_count++];
        snprintf(sec->name, sizeof sec->name, "%s", tok[1]);
        sec->line = pl->line;
        if (!pose_number(tok[2], &sec->seconds) || sec->seconds < 0.1f || sec->seconds > POSE_MAX_SECONDS) {
            POSE_ERR(pl, 2, "section length must be 0.1 to %.0f seconds", (double)POSE_MAX_SECONDS);
            sec->seconds = 1.0f;
        }
        int frames; /* the former frame count: no longer used (sampled at POSE_SAMPLE_FPS), accepted in old files */
        if (nt == 4 && !pose_int(tok[3], 2, 128, &frames))
            POSE_ERR(pl, 3, "frame count must be a whole number 2..128");
    } else if (strcmp(tok[0], "contacts") == 0) {
        if (pf->section_count == 0) {
            POSE_ERR(pl, 0, "contacts before any section");
            return;
        }
        PoseSection *sec = &pf->sections[pf->section_count - 1];
        unsigned contacts = 0;
        for (int i = 1; i < nt; i++) {
            unsigned bits = pose_contact_word(tok[i]);
            if (!bits)
                POSE_ERR(pl, i,
                         "unknown contact %s: expected head, back, pelvis, hands, flat_hands, forearms, knees, feet, "
                         "flat_feet, "
                         "thighs, shoulders, or near_/far_ one of them",
                         tok[i]);
            contacts |= bits;
        }
        if (sec->key_count == 0) /* before the keys: the section's contacts */
            sec->contacts = contacts;
        else /* after a key: the contacts from that key on (a roll, getting up) */
            sec->keys[sec->key_count - 1].contacts = contacts;
    } else if (strcmp(tok[0], "key") == 0 && nt >= 2) {
        if (pf->section_count == 0) {
            POSE_ERR(pl, 0, "key before any section");
            return;
        }
        PoseSection *sec = &pf->sections[pf->section_count - 1];
        if (sec->key_count == POSE_MAX_KEYS) {
            POSE_ERR(pl, 0, "too many keys in one section (at most %d)", POSE_MAX_KEYS);
            return;
        }
        PoseKey *k = &sec->keys[sec->key_count];
        int n = sec->key_count;
        /* times rise; one repeated time is a cut (not at 0 or 1, and not three at once) */
        if (!pose_number(tok[1], &k->t) || k->t < 0.0f || k->t > 1.0f || (n > 0 && k->t < sec->keys[n - 1].t) ||
            (n > 0 && k->t == sec->keys[n - 1].t && (k->t == 0.0f || k->t == 1.0f)) ||
            (n > 1 && k->t == sec->keys[n - 2].t)) {
            POSE_ERR(pl, 1, "key times must rise from 0 to 1 (a time given twice is a cut, inside the section)");
            return;
        }
        k->pose = *last;
        k->line = pl->line;
        k->contacts = n > 0 ? sec->keys[n - 1].contacts : sec->contacts;
        const PoseKey *before = n > 0 ? &sec->keys[n - 1] : NULL; /* the order goes on across sections */
        for (int i = pf->section_count - 2; i >= 0 && !before; i--)
            if (pf->sections[i].key_count > 0)
                before = &pf->sections[i].keys[pf->sections[i].key_count - 1];
        memcpy(k->order, before ? before->order : pf->order, sizeof k->order);
        for (int i = 2; i < nt; i++) {
            int rc = pose_set_field(&k->pose, tok[i]);
            if (rc == -1)
                POSE_ERR(pl, i, "unknown field %s", tok[i]);
            else if (rc == -2)
                POSE_ERR(pl, i, "bad value in %s: numbers must be finite and within %.0f, one per side at most", tok[i],
                         (double)POSE_MAX_VALUE);
        }
        k->pose.v[POSE_FLIP] = k->pose.v[POSE_FLIP] >= 0.5f ? 1.0f : 0.0f;
        k->pose.v[POSE_CHAIR] = k->pose.v[POSE_CHAIR] >= 0.5f ? 1.0f : 0.0f;
        *last = k->pose;
        sec->key_count++;
    } else if (strcmp(tok[0], "highlight") == 0) {
        pf->highlight = 0;
        for (int i = 1; i < nt; i++) {
            int g = -1;
            for (int k = 0; k < POSE_ORDER_COUNT; k++)
                if (strcmp(tok[i], pose_group_names[k]) == 0)
                    g = k;
            if (strcmp(tok[i], "flank") == 0) /* the torso, outlined on its stretched side only */
                pf->highlight |= 1u << POSE_GROUP_TORSO | POSE_HIGHLIGHT_FLANK;
            else if (strcmp(tok[i], "lower_back") == 0) /* the torso's pelvis and lower back only */
                pf->highlight |= 1u << POSE_GROUP_TORSO | POSE_HIGHLIGHT_LOWER_BACK;
            else if (g < 0 || g == POSE_GROUP_NEAR_SHIN)
                POSE_ERR(pl, i,
                         "highlight names limbs or the torso: near_arm, far_arm, near_leg, far_leg, torso, flank or "
                         "lower_back");
            else
                pf->highlight |= 1u << g;
        }
    } else if (strcmp(tok[0], "inset") == 0) {
        if (nt != 2 || strcmp(tok[1], "knees") != 0)
            POSE_ERR(pl, nt > 1 ? 1 : 0, "inset names the second view: knees (seen from the head end)");
        else
            pf->inset = POSE_INSET_KNEES;
    } else if (strcmp(tok[0], "ready") == 0 && nt == 2) {
        float t; /* the intro's setup ends at t (the spinal twist's knee bent, its foot set down) */
        if (!pose_number(tok[1], &t) || t < 0.0f || t >= 1.0f) {
            POSE_ERR(pl, 1, "ready time must be 0 up to (not) 1: a fraction of the intro");
            return;
        }
        pf->ready = t;
        pf->ready_line = pl->line;
    } else if (strcmp(tok[0], "showcase") == 0 && nt == 3) {
        if (pf->showcase_count == POSE_MAX_SHOWCASE) {
            POSE_ERR(pl, 0, "at most %d showcase lines", POSE_MAX_SHOWCASE);
            return;
        }
        float t;
        if (!pose_number(tok[2], &t) || t < 0.0f || t > 1.0f) {
            POSE_ERR(pl, 2, "showcase time must be 0..1");
            return;
        }
        snprintf(pf->showcase[pf->showcase_count].name, sizeof pf->showcase[0].name, "%s", tok[1]);
        pf->showcase[pf->showcase_count].line = pl->line;
        pf->showcase[pf->showcase_count].col = pl->col[1];
        pf->showcase[pf->showcase_count++].t = t;
    } else {
        POSE_ERR(pl, 0,
                 "unknown line %s: expected move, side, other_side, fps, order, highlight, inset, section, contacts, "
                 "key, ready or showcase",
                 tok[0]);
    }
}

int pose_parse(const char *path, const char *src, size_t len, PoseFile *out, RoutineErrors *errs)
{
    memset(out, 0, sizeof *out);
    int errors_before = errs->count;
    pose_order_default(out->order);
    Pose last;
    pose_neutral(&last);
    if (len > POSE_MAX_FILE_BYTES) {
        routine_errors_add(errs, path, 1, 1, "file is larger than %d bytes", POSE_MAX_FILE_BYTES);
        return -1;
    }
    PoseLine pl = {path, errs, 0, {0}, {0}, 0};
    char line[POSE_MAX_LINE + 1];
    size_t pos = 0;
    while (pos < len) {
        size_t end = pos;
        while (end < len && src[end] != '\n')
            end++;
        pl.line++;
        size_t n = end - pos;
        if (n > 0 && src[pos + n - 1] == '\r')
            n--;
        if (n > POSE_MAX_LINE) {
            routine_errors_add(errs, path, pl.line, POSE_MAX_LINE + 1, "line is longer than %d bytes", POSE_MAX_LINE);
            pos = end + 1;
            continue;
        }
        memcpy(line, src + pos, n);
        line[n] = '\0';
        pos = end + 1;
        pl.count = 0;
        bool bad_byte = false;
        for (size_t i = 0; i < n && !bad_byte; i++)
            if (line[i] == '\0' || (unsigned char)line[i] >= 0x80 || (line[i] < ' ' && line[i] != '\t')) {
                if (line[i] == '#')
                    break;
                routine_errors_add(errs, path, pl.line, (int)i + 1, "unexpected byte 0x%02x", (unsigned char)line[i]);
                bad_byte = true;
            } else if (line[i] == '#') {
                line[i] = '\0';
                break;
            }
        if (bad_byte)
            continue;
        char *p = line;
        while (*p && pl.count < POSE_MAX_WORDS) {
            while (*p == ' ' || *p == '\t')
                p++;
            if (!*p)
                break;
            pl.word[pl.count] = p;
            pl.col[pl.count++] = (int)(p - line) + 1;
            while (*p && *p != ' ' && *p != '\t')
                p++;
            if (*p)
                *p++ = '\0';
        }
        if (pl.count == POSE_MAX_WORDS && *p) {
            routine_errors_add(errs, path, pl.line, (int)(p - line) + 1, "more than %d words on a line",
                               POSE_MAX_WORDS);
            continue;
        }
        if (pl.count > 0)
            pose_parse_line(&pl, out, &last);
    }
    if (errs->count == errors_before) {
        if (out->move[0] == '\0')
            routine_errors_add(errs, path, 1, 1, "no move line");
        if (out->other_side != POSE_OTHER_MIRROR && out->side == SIDES_NONE)
            routine_errors_add(errs, path, 1, 1, "other_side needs a side line: a move with no side has no other side");
        if (pose_section_find(out, "breath") < 0 && pose_section_find(out, "cycle") < 0)
            routine_errors_add(errs, path, 1, 1, "needs a breath or a cycle section");
        if (out->ready > 0.0f && (pose_section_find(out, "intro") < 0 || pose_section_find(out, "breath") < 0))
            routine_errors_add(errs, path, out->ready_line, 1,
                               "ready needs an intro and a breath section: a hold's way in");
        for (int i = 0; i < out->showcase_count; i++)
            if ((out->showcase[i].section = pose_section_find(out, out->showcase[i].name)) < 0)
                routine_errors_add(errs, path, out->showcase[i].line, out->showcase[i].col,
                                   "showcase names no section of this file: %s", out->showcase[i].name);
        for (int i = 0; i < out->section_count; i++) {
            const PoseSection *sec = &out->sections[i];
            if (sec->key_count < 2 || sec->keys[0].t != 0.0f || sec->keys[sec->key_count - 1].t != 1.0f)
                routine_errors_add(errs, path, sec->line, 1, "section %s needs keys at 0 and at 1", sec->name);
        }
    }
    return errs->count == errors_before ? 0 : -1;
}

/* ------------------------------------------------------------------ easing */

static float pose_ease(float u)
{
    return u * u * (3.0f - 2.0f * u);
}

/* The key that starts the stretch of sec holding t: the last key at or before t with a later key
 * after it (a cut's second key from its time on). */
static int pose_key_before(const PoseSection *sec, float t)
{
    int i = 0;
    while (i + 2 < sec->key_count && t >= sec->keys[i + 1].t)
        i++;
    return i;
}

void pose_section_at(const PoseSection *sec, float t, Pose *out)
{
    int i = pose_key_before(sec, t);
    const PoseKey *a = &sec->keys[i], *b = &sec->keys[i + 1];
    float span = b->t - a->t, u = span > 0.0f ? (t - a->t) / span : 1.0f;
    u = pose_ease(u < 0.0f ? 0.0f : u > 1.0f ? 1.0f : u);
    for (int p = 0; p < POSE_PARAM_COUNT; p++)
        out->v[p] = a->pose.v[p] + (b->pose.v[p] - a->pose.v[p]) * u;
    out->v[POSE_FLIP] = (u >= 1.0f ? b : a)->pose.v[POSE_FLIP];
    out->v[POSE_CHAIR] = (u >= 1.0f ? b : a)->pose.v[POSE_CHAIR];
}

unsigned pose_section_contacts(const PoseSection *sec, float t)
{
    if (sec->key_count < 2)
        return sec->contacts;
    int i = pose_key_before(sec, t);
    return (t >= sec->keys[i + 1].t ? &sec->keys[i + 1] : &sec->keys[i])->contacts;
}

const int *pose_section_order(const PoseSection *sec, float t)
{
    int i = pose_key_before(sec, t);
    if (sec->key_count < 2)
        return NULL;
    return (t >= sec->keys[i + 1].t ? &sec->keys[i + 1] : &sec->keys[i])->order;
}

/* ------------------------------------------------------------------ the figure */

static const PoseColor col_skin = POSE_COLOR_SKIN;
static const PoseColor col_shirt = POSE_COLOR_SHIRT;
static const PoseColor col_pants = POSE_COLOR_PANTS;
static const PoseColor col_hair = {0.33f, 0.22f, 0.17f};
static const PoseColor col_eye = {0.18f, 0.13f, 0.12f};
static PoseColor rgb_scale(PoseColor c, float k)
{
    PoseColor o = {c.r * k, c.g * k, c.b * k};
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

static void group_add(PoseGroup *g, Vec a, float ra, Vec b, float rb, PoseColor c, const char *name)
{
    if (g->count == POSE_MAX_PARTS)
        return;
    PosePart *p = &g->parts[g->count++];
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
#define B_KNUCKLE_R 0.022f /* the palm's half-thickness at the knuckles */
#define B_NECK 0.058f
#define B_HEAD_R 0.062f
#define B_GIRDLE 0.035f /* how far the shoulder joints can ride toward the back */

/* Arm from shoulder s with the trunk top pointing along top_deg. spread (degrees) takes the elbow
 * out to the side and the forearm back in to the body (hands resting on the belly): seen from the
 * side, the upper arm shortens by its cosine and the forearm by as much as it comes back across.
 * k scales the joint angles: 1 as keyed, -1 their mirror image (the limb on the right of a figure
 * facing the viewer: pose_figure_build's k_far). */
static void figure_arm(PoseGroup *g, Vec s, float top_deg, float sh, float el, float wr, float spread, float k,
                       float shade)
{
    float a1 = top_deg + 180.0f + k * sh, a2 = a1 + k * el, a3 = a2 + k * wr;
    float upper = B_UPPER_ARM, fore = B_FOREARM;
    if (spread != 0.0f) {
        float out = fminf(B_UPPER_ARM * fabsf(sinf(spread * 3.14159265f / 180.0f)), 0.9f * B_FOREARM);
        upper = B_UPPER_ARM * cosf(spread * 3.14159265f / 180.0f), fore = sqrtf(B_FOREARM * B_FOREARM - out * out);
    }
    Vec e = vadd(s, vdir(a1), upper);
    Vec mid = vadd(s, vdir(a1), upper * 0.5f);
    Vec w = vadd(e, vdir(a2), fore);
    Vec h = vadd(w, vdir(a3), B_HAND);
    group_add(g, e, 0.030f, w, 0.022f, rgb_scale(col_skin, shade), "forearm");
    /* a hand, not a spike: the palm widens to the knuckles, the fingers taper beyond them */
    Vec knuckles = vadd(w, vdir(a3), B_HAND * 0.55f);
    group_add(g, knuckles, 0.019f, h, 0.013f, rgb_scale(col_skin, shade), "hand");
    group_add(g, w, 0.021f, knuckles, B_KNUCKLE_R, rgb_scale(col_skin, shade), "hand");
    group_add(g, s, 0.034f, e, 0.030f, rgb_scale(col_skin, shade), "upper_arm");
    group_add(g, s, 0.043f, mid, 0.039f, rgb_scale(col_shirt, shade), "sleeve"); /* sleeve */
}

/* Leg from hip joint hip. fore: the foot's length across the picture (1 in profile; less, or
 * negative, pointing at the viewer); mk as figure_arm's k, the foot's toes mirrored about the ankle
 * with it; narrow: the thigh's top radius (0.062 H, its depth seen from the side; narrower seen from the front). */
static void figure_leg(PoseGroup *g, Vec hip, float pelvis_deg, float hp, float kn, float an, float roll, float fore,
                       float mk, float narrow, float shade)
{
    float a1 = pelvis_deg + 180.0f + mk * hp, a2 = a1 - mk * kn, a3 = pelvis_deg + 180.0f + hp - kn + 90.0f - an;
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
    /* a foot, not a sausage: a round heel, the sole to the ball, shorter toes, and an instep from
     * the ankle; every sole point lies on one line 0.039 H below the ankle (its height standing) */
    Vec sole = vdir(a3 - 90.0f);
    Vec heel = vadd(vadd(a, vdir(a3), -0.030f * fore), sole, 0.013f);
    Vec ball = vadd(vadd(a, vdir(a3), 0.085f * fore), sole, 0.018f);
    Vec toe = vadd(vadd(a, vdir(a3), 0.118f * fore), sole, 0.026f);
    if (mk != 1.0f) { /* the foot as keyed, mirrored about the ankle with the leg: its sole on the same line */
        heel.x = a.x + (heel.x - a.x) * mk, ball.x = a.x + (ball.x - a.x) * mk, toe.x = a.x + (toe.x - a.x) * mk;
    }
    group_add(g, ball, 0.021f, toe, 0.013f, rgb_scale(col_skin, shade), "toes");
    group_add(g, heel, 0.026f, ball, 0.021f, rgb_scale(col_skin, shade), "foot");
    group_add(g, a, 0.026f, ball, 0.018f, rgb_scale(col_skin, shade), "foot");
    group_add(g, a, 0.027f, heel, 0.026f, rgb_scale(col_skin, shade), "heel");
    group_add(g, k, 0.042f, a, 0.027f, rgb_scale(col_pants, shade), "shank");
    group_add(g, hip, narrow, k, 0.043f, rgb_scale(col_pants, shade), "thigh");
}

/* The near shoulder is painted over the back (turned away) from this turn on, degrees: not at a
 * turn eased back to 0 that stops a hair short of it, where the parts would change */
#define POSE_AWAY_CAP_FROM 1.0f

/* Build the figure for pose p in H units, feet-up y; the caller grounds and scales it. */
void pose_figure_build(const Pose *p, const int order[POSE_ORDER_COUNT], PoseFigure *fig)
{
    const float *v = p->v;
    fig->count = 0; /* parts are written as they are added: no need to clear 12 KB each build */
    fig->chair = v[POSE_CHAIR] >= 0.5f;
    fig->roll = v[POSE_FLIP] >= 0.5f ? -v[POSE_ROLL] : v[POSE_ROLL];
    Vec P[5];
    float d[4];
    P[0].x = v[POSE_X], P[0].y = 0.0f;
    float prev = v[POSE_PELVIS];
    for (int i = 0; i < 4; i++) {
        d[i] = prev - v[POSE_SPINE0 + i];
        prev = d[i];
        P[i + 1] = vadd(P[i], vdir(d[i]), B_TRUNK / 4.0f);
    }
    float tw = v[POSE_TWIST] * 3.14159265f / 180.0f;
    Vec ant = vdir(d[3] - 90.0f);
    /* girdle: on hands and knees the chest hangs between the shoulder blades, so the shoulder
     * joints sit toward the back (anatomical posterior) and the back can be level over straight arms */
    Vec shoulder_base = vadd(vadd(P[4], vdir(d[3]), -0.012f), ant, -B_GIRDLE * v[POSE_GIRDLE]);
    Vec sh_near = vadd(shoulder_base, ant, -sinf(tw) * 0.10f);
    Vec sh_far = vadd(shoulder_base, ant, sinf(tw) * 0.10f);

    PoseGroup torso, far_arm, near_arm, far_leg, near_leg, hair, eyes;
    PoseGroup *all[] = {&torso, &far_arm, &near_arm, &far_leg, &near_leg, &hair, &eyes};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        all[i]->count = all[i]->flat = all[i]->highlight = 0, all[i]->name = "";
    /* torso: pelvis in pants, then shirt; radii are half the body's depth, widened by twist */
    static const float radius[5] = {0.066f, 0.056f, 0.060f, 0.064f, 0.056f};
    float rr[5];
    for (int i = 0; i < 5; i++) {
        float share = (float)i / 4.0f;
        rr[i] = radius[i] * (1.0f + 0.55f * fabsf(sinf(tw * share)));
    }
    /* turned toward the viewer, the top of the trunk narrows to the neck between the shoulders
     * (the trapezius slope), so a turned chest reads as shoulders and a neck, not a slab */
    rr[4] = radius[4] * (1.0f - 0.30f * fabsf(sinf(tw)));
    /* upright with the hips turned toward the viewer (stance), and facing the viewer: the hips and
     * the chest (twist) both turned, 0..1 (not the hips alone, turning to kneel up from sitting) */
    float hips_turned = fabsf(v[POSE_PELVIS] - 90.0f) < 45.0f ? fminf(fabsf(v[POSE_STANCE]), 1.0f) : 0.0f;
    float facing = hips_turned * fabsf(sinf(tw));
    /* breathing in fills the chest toward the front only, so the back stays where it rests */
    Vec T[5];
    for (int i = 0; i < 5; i++) {
        T[i] = P[i];
        if (i == 1) { /* the belly: drawn in (< 0) or let out, the back staying where it rests */
            float grow = rr[i] * 0.34f * v[POSE_BELLY]; /* -1: ~7 cm, drawn larger than life to read across a room */
            rr[i] += grow;
            T[i] = vadd(P[i], vdir(d[i - 1] - 90.0f), grow);
        }
        if (i == 2 || i == 3) {
            float grow = rr[i] * 0.08f * v[POSE_CHEST];
            rr[i] += grow;
            T[i] = vadd(P[i], vdir(d[i - 1] - 90.0f), grow);
        }
    }
    /* hips: seen from the front, the pelvis is wider than the waist, across both hip joints (0.20 H
     * in trousers, 0.19 H over the trochanters), so the thighs hang from hips, not from the belly. Painted first, under
     * the pelvis, growing out of it as the body turns to face the viewer; of no size otherwise (a
     * point inside the pelvis: never seen, no shadow), so every figure has the same parts */
    Vec hip_side = vdir(v[POSE_PELVIS] - 90.0f);
    float hips_half = 0.048f * facing * (v[POSE_STANCE] < 0.0f ? -1.0f : 1.0f), hips_r = 0.052f * facing;
    group_add(&torso, vadd(P[0], hip_side, -hips_half), hips_r, vadd(P[0], hip_side, hips_half), hips_r,
              rgb_scale(col_pants, 0.95f), "hips");
    group_add(&torso, T[0], rr[0], T[1], rr[1], rgb_scale(col_pants, 0.95f), "pelvis");
    for (int i = 1; i < 4; i++)
        group_add(&torso, T[i], rr[i], T[i + 1], rr[i + 1], rgb_scale(col_shirt, 0.95f), "trunk");
    float dn = d[3] - v[POSE_NECK], dh = dn - v[POSE_HEAD];
    Vec n0 = vadd(P[4], vdir(d[3]), -0.02f);
    Vec n1 = vadd(P[4], vdir(dn), B_NECK);
    /* the head's centre a little in front of the neck: seen from the front, right above it */
    Vec hc = vadd(vadd(n1, vdir(dh), 0.048f), vdir(dh - 90.0f), 0.014f * (1.0f - facing));
    group_add(&torso, n0, 0.030f, n1, 0.027f, rgb_scale(col_skin, 0.95f), "neck");
    group_add(&torso, hc, B_HEAD_R, hc, B_HEAD_R, rgb_scale(col_skin, 0.97f), "head");
    /* hair: the head circle cut by a plane that turns with the look (yaw toward the viewer) */
    float look = v[POSE_LOOK] * 3.14159265f / 180.0f;
    Vec face_fwd = vdir(dh - 90.0f), up = vdir(dh);
    if (look < -1.5707963f) {
        /* looking back past the back of the head (the other side of a twist, turned on to look over
         * the far shoulder: pose_move_other_side), the head turns about the vertical, not about its
         * own axis, so a chin level or a little down stays so in the profile looking back (about
         * its axis, a head bent 10 degrees forward looked 10 degrees up at the sky); eased in from
         * the back of the head (90 degrees, where only its top and nape show) to 135 */
        float w = fminf((-look - 1.5707963f) / 0.7853982f, 1.0f),
              turn = (180.0f - 2.0f * dh) * w * w * (3.0f - 2.0f * w);
        face_fwd = vdir(dh - 90.0f + turn), up = vdir(dh + turn);
    }
    Vec hn = {face_fwd.x * cosf(look) * 0.85f - up.x * 0.5f, face_fwd.y * cosf(look) * 0.85f - up.y * 0.5f};
    float hl = sqrtf(hn.x * hn.x + hn.y * hn.y);
    hn.x /= hl, hn.y /= hl;
    Vec hcen = vadd(hc, up, 0.004f);
    group_add(&hair, hcen, B_HEAD_R + 0.005f, hcen, B_HEAD_R + 0.005f, col_hair, "hair");
    hair.parts[0].clip = 1;
    hair.parts[0].nx = hn.x, hair.parts[0].ny = hn.y;
    /* turned away (look < 0: the other side of a twist, `other_side away`), the back of the head:
     * the hair reaches down over it, leaving the nape (0.74 of the head's height at look -90) */
    float away = look < 0.0f ? -sinf(look) : 0.0f;
    hair.parts[0].k = hn.x * hc.x + hn.y * hc.y - 0.012f + 0.046f * away;
    /* past the back of the head (looking back over the far shoulder) the hair leaves the face's
     * profile again, and the body is still seen from behind */
    fig->away = look < -1.5707963f ? 1.0f : away;
    /* eyes: two points on the face, turned by the look; only those facing the viewer are drawn */
    for (int e = 0; e < 2; e++) {
        float lat = e == 0 ? 0.024f : -0.024f; /* + toward the viewer */
        float fw = 0.052f;
        float f2 = fw * cosf(look) - lat * sinf(look);
        float l2 = fw * sinf(look) + lat * cosf(look);
        float shown = (l2 + 0.012f) / 0.016f; /* an eye turning away shrinks, never pops out */
        if (shown <= 0.15f)
            continue;
        shown = shown > 1.0f ? 1.0f : shown;
        Vec ep = vadd(vadd(hc, face_fwd, f2), up, 0.012f);
        group_add(&eyes, ep, 0.0075f * shown, ep, 0.0075f * shown, col_eye, "eye");
    }
    eyes.flat = 1;
    far_arm.name = "far_", near_arm.name = "near_", far_leg.name = "far_", near_leg.name = "near_";
    torso.name = hair.name = eyes.name = "";
    far_arm.id = POSE_GROUP_FAR_ARM, near_arm.id = POSE_GROUP_NEAR_ARM;
    far_leg.id = POSE_GROUP_FAR_LEG, near_leg.id = POSE_GROUP_NEAR_LEG;
    torso.id = hair.id = eyes.id = POSE_GROUP_TORSO;
    /* far limbs darker than near ones; alike (their mean) as `shade` goes to 1 */
    float even = fminf(fmaxf(v[POSE_SHADE], 0.0f), 1.0f);
    float far_shade = 0.80f + (0.915f - 0.80f) * even, near_shade = 1.03f + (0.915f - 1.03f) * even;
    /* facing the viewer, the limbs on the right of the picture are keyed as the mirror image of
     * those on the left: the same numbers, the same movement of either side (a shoulder's -36 takes
     * either elbow out from the body), so a pose keyed alike on both sides is symmetric and its
     * mirror image is itself. Eased from profile (k 1) through the limb hanging straight (k 0). */
    float k_right = 1.0f - 2.0f * facing, k_far = v[POSE_STANCE] < 0.0f ? 1.0f : k_right,
          k_near = v[POSE_STANCE] < 0.0f ? k_right : 1.0f;
    figure_arm(&far_arm, sh_far, d[3], v[POSE_SHOULDER_F], v[POSE_ELBOW_F], v[POSE_WRIST_F], v[POSE_SPREAD], k_far,
               far_shade);
    figure_arm(&near_arm, sh_near, d[3], v[POSE_SHOULDER_N], v[POSE_ELBOW_N], v[POSE_WRIST_N], v[POSE_SPREAD], k_near,
               near_shade);
    /* turned away (the other side of `other_side away`: the chest and the face turned away), the near
     * shoulder is nearer the viewer than the back: where the near arm is painted behind the torso
     * (its hand across the front, to the far knee), its sleeve, the shoulder's cap, is painted again
     * right after the torso, so the back shows both shoulders and the line between them turning, as
     * the chest does turned toward the viewer (physio review s29: painted behind, the near shoulder
     * showed an edge past the back, 4510 of its 14900 pixels held at 1000 px a body height; turned
     * toward the viewer the near one shows 9328). It comes out over the back's front edge as the
     * trunk turns, whole from 30 degrees, never in one frame. */
    int arm_at = -1, torso_at = -1;
    for (int i = 0; i < POSE_ORDER_COUNT; i++) {
        if (order[i] == POSE_GROUP_NEAR_ARM)
            arm_at = i;
        else if (order[i] == POSE_GROUP_TORSO)
            torso_at = i;
    }
    PoseGroup cap = near_arm;
    cap.count = 0;
    if (v[POSE_TWIST] < -POSE_AWAY_CAP_FROM && v[POSE_LOOK] < -POSE_AWAY_CAP_FROM && arm_at >= 0 && arm_at < torso_at &&
        near_arm.count > 0) {
        cap.parts[0] = near_arm.parts[near_arm.count - 1]; /* figure_arm adds the sleeve last */
        cap.count = 1;
        float out = fminf(fabsf(sinf(tw)) / 0.5f, 1.0f); /* 1 from 30 degrees */
        float from = ant.x * sh_near.x + ant.y * sh_near.y + 0.043f - 2.0f * 0.043f * out;
        cap.parts[0].clip = 1, cap.parts[0].nx = -ant.x, cap.parts[0].ny = -ant.y, cap.parts[0].k = -from;
    }
    /* stance: the hip joints apart across the image, for a figure facing the viewer */
    Vec hip_near = vadd(P[0], hip_side, -0.048f * v[POSE_STANCE]),
        hip_far = vadd(P[0], hip_side, 0.048f * v[POSE_STANCE]);
    /* upright with the hips turned toward the viewer (stance), the feet point at the viewer: seen end
     * on, each is short under its ankle, not a foot in profile; facing the viewer, toes a little out
     * (0.4 of its length, toward its own side) */
    float fore = 1.0f - 0.6f * hips_turned - 0.8f * facing, narrow = 0.062f - 0.012f * facing;
    /* the knees roll together, the leg on the side they roll toward the furthest: a positive roll
     * turns the near leg fully and the far one 0.85 of it; a negative roll (the other side drawn
     * the same way round, pose_swap_sides) the far leg fully, so the outline stays the same */
    float roll = v[POSE_ROLL], roll_far = roll < 0.0f ? roll : roll * 0.85f,
          roll_near = roll < 0.0f ? roll * 0.85f : roll;
    figure_leg(&far_leg, hip_far, v[POSE_PELVIS], v[POSE_HIP_F], v[POSE_KNEE_F], v[POSE_ANKLE_F], roll_far, fore, k_far,
               narrow, far_shade);
    figure_leg(&near_leg, hip_near, v[POSE_PELVIS], v[POSE_HIP_N], v[POSE_KNEE_N], v[POSE_ANKLE_N], roll_near, fore,
               k_near, narrow, near_shade);
    if (v[POSE_FLIP] >= 0.5f) { /* mirrored about the hip: the far half of a roll */
        PoseGroup *mirror[] = {&torso, &far_arm, &near_arm, &far_leg, &near_leg, &hair, &eyes, &cap};
        for (size_t i = 0; i < sizeof mirror / sizeof mirror[0]; i++)
            for (int j = 0; j < mirror[i]->count; j++) {
                PosePart *q = &mirror[i]->parts[j];
                q->ax = 2.0f * P[0].x - q->ax, q->bx = 2.0f * P[0].x - q->bx;
                q->k -= 2.0f * P[0].x * q->nx; /* n.(2c - x, y) = k - 2c n.x for the flipped normal */
                q->nx = -q->nx;
            }
    }
    /* the near shin and foot painted apart from the thigh (a foot set beyond the far leg, which
     * the near thigh crosses in front of); right before near_leg they are one limb, as drawn. The
     * far shin likewise, in the order of a side drawn turned away (pose_order_away) */
    PoseGroup near_shin = near_leg, far_shin = far_leg;
    near_shin.id = POSE_GROUP_NEAR_SHIN, far_shin.id = POSE_GROUP_FAR_SHIN;
    bool near_apart = false, far_apart = false;
    for (int i = 0; i < POSE_ORDER_COUNT; i++) {
        if (order[i] == POSE_GROUP_NEAR_SHIN)
            near_apart = i + 1 == POSE_ORDER_COUNT || order[i + 1] != POSE_GROUP_NEAR_LEG;
        else if (order[i] == POSE_GROUP_FAR_SHIN)
            far_apart = i + 1 == POSE_ORDER_COUNT || order[i + 1] != POSE_GROUP_FAR_LEG;
    }
    /* head_over: an arm overhead seen from the side passes in front of the head, and at a quarter
     * size hid all of it but the crown (the superman); painted over the near arm too, it reads */
    bool head_over = v[POSE_HEAD_OVER] >= 0.5f;
    PoseGroup *legs[2] = {near_apart ? &near_leg : NULL, far_apart ? &far_leg : NULL};
    PoseGroup *shins[2] = {&near_shin, &far_shin};
    for (int l = 0; l < 2; l++)
        if (legs[l] && legs[l]->count > 0) { /* figure_leg adds the thigh last */
            shins[l]->count = legs[l]->count - 1;
            legs[l]->parts[0] = legs[l]->parts[legs[l]->count - 1];
            legs[l]->count = 1;
        }
    for (int i = 0; i < POSE_ORDER_COUNT; i++) {
        switch (order[i]) {
        case POSE_GROUP_FAR_ARM: fig->groups[fig->count++] = far_arm; break;
        case POSE_GROUP_FAR_LEG: fig->groups[fig->count++] = far_leg; break;
        case POSE_GROUP_NEAR_LEG: fig->groups[fig->count++] = near_leg; break;
        case POSE_GROUP_NEAR_SHIN:
            if (near_apart)
                fig->groups[fig->count++] = near_shin;
            break;
        case POSE_GROUP_FAR_SHIN:
            if (far_apart)
                fig->groups[fig->count++] = far_shin;
            break;
        case POSE_GROUP_NEAR_ARM: fig->groups[fig->count++] = near_arm; break;
        default:
            fig->groups[fig->count++] = torso;
            if (cap.count > 0)
                fig->groups[fig->count++] = cap;
            if (!head_over) {
                fig->groups[fig->count++] = hair;
                fig->groups[fig->count++] = eyes;
            }
            break;
        }
    }
    if (head_over) { /* the head again, over all, then its hair and eyes; the torso keeps its own */
        PoseGroup head = torso;
        head.count = 0;
        for (int i = 0; i < torso.count; i++)
            if (strcmp(torso.parts[i].name, "head") == 0)
                head.parts[head.count++] = torso.parts[i];
        fig->groups[fig->count++] = head;
        fig->groups[fig->count++] = hair;
        fig->groups[fig->count++] = eyes;
    }
}

/* Lowest point of the figure's surface (H units). Round cones are lowest at an end sphere. */
static float figure_lowest(const PoseFigure *fig)
{
    float lo = 1e9f;
    for (int g = 0; g < fig->count; g++) {
        if (fig->groups[g].flat)
            continue;
        for (int i = 0; i < fig->groups[g].count; i++) {
            const PosePart *p = &fig->groups[g].parts[i];
            if (p->clip)
                continue;
            lo = fminf(lo, fminf(p->ay - p->ra, p->by - p->rb));
        }
    }
    return lo;
}

/* Which contact a part of a group counts for, or -1. */
static int part_contact(const PoseGroup *g, const PosePart *p)
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
    else if (strcmp(p->name, "foot") == 0 || strcmp(p->name, "heel") == 0 || strcmp(p->name, "toes") == 0)
        c = CONTACT_NEAR_FOOT;
    else if (strcmp(p->name, "thigh") == 0)
        c = CONTACT_NEAR_THIGH;
    else if (strcmp(p->name, "sleeve") == 0 || strcmp(p->name, "upper_arm") == 0)
        c = CONTACT_NEAR_SHOULDER;
    return c < 0 ? -1 : c + far; /* every FAR_ follows its NEAR_ */
}

/* Lowest surface point of each contact (low[c]) and of every part (H units). Returns the ground:
 * the lowest of the required contacts, or of the whole figure when none is required. */
float pose_figure_ground(const PoseFigure *fig, unsigned contacts, float low[CONTACT_COUNT])
{
    for (int c = 0; c < CONTACT_COUNT; c++)
        low[c] = 1e9f;
    for (int g = 0; g < fig->count; g++) {
        if (fig->groups[g].flat)
            continue;
        int hand_part = 0; /* an arm's first "hand" part is the fingers, its second the palm (figure_arm) */
        for (int i = 0; i < fig->groups[g].count; i++) {
            const PosePart *p = &fig->groups[g].parts[i];
            int c = p->clip ? -1 : part_contact(&fig->groups[g], p);
            if (c < 0)
                continue;
            float lo = fminf(p->ay - p->ra, p->by - p->rb);
            low[c] = fminf(low[c], lo);
            if ((c == CONTACT_NEAR_HAND || c == CONTACT_FAR_HAND) && hand_part < 2) {
                /* a flat hand: the higher of its two ends, the fingertips (measured as if the fingers
                 * were as thick as the knuckles: they taper) and the heel of the palm, is down too;
                 * a hand standing on its heel or on its fingertips is not */
                float end = hand_part++ == 0 ? p->by - B_KNUCKLE_R : p->ay - p->ra;
                float *flat = &low[CONTACT_NEAR_FLAT_HAND + c - CONTACT_NEAR_HAND];
                *flat = *flat > 1e8f ? end : fmaxf(*flat, end);
            }
            int side = c - CONTACT_NEAR_FOOT; /* a foot's heel and toes count on their own too */
            if ((side == 0 || side == 1) && strcmp(p->name, "heel") == 0)
                low[CONTACT_NEAR_HEEL + side] = fminf(low[CONTACT_NEAR_HEEL + side], lo);
            if ((side == 0 || side == 1) && strcmp(p->name, "toes") == 0)
                low[CONTACT_NEAR_TOES + side] = fminf(low[CONTACT_NEAR_TOES + side], lo);
        }
    }
    if (fig->chair) /* the pelvis and thighs rest on the seat: measured from its top */
        for (int c = CONTACT_PELVIS; c < CONTACT_COUNT; c++)
            if (low[c] < 1e8f && (c == CONTACT_PELVIS || c == CONTACT_NEAR_THIGH || c == CONTACT_FAR_THIGH))
                low[c] -= POSE_CHAIR_SEAT_H;
    float ground = 1e9f;
    for (int c = 0; c < CONTACT_COUNT; c++) /* a flat hand's ends only must not stand above it */
        if ((contacts & (1u << c)) && c != CONTACT_NEAR_FLAT_HAND && c != CONTACT_FAR_FLAT_HAND)
            ground = fminf(ground, low[c]);
    return ground < 1e8f ? ground : figure_lowest(fig);
}

bool pose_figure_anchor(const PoseFigure *fig, int c, float *x)
{
    static const char *const part[] = {
        [CONTACT_NEAR_HAND] = "hand",      [CONTACT_FAR_HAND] = "hand",   [CONTACT_NEAR_FOREARM] = "forearm",
        [CONTACT_FAR_FOREARM] = "forearm", [CONTACT_NEAR_KNEE] = "shank", [CONTACT_FAR_KNEE] = "shank",
        [CONTACT_NEAR_FOOT] = "toes",      [CONTACT_FAR_FOOT] = "toes",   [CONTACT_NEAR_HEEL] = "toes",
        [CONTACT_FAR_HEEL] = "toes",       [CONTACT_NEAR_TOES] = "toes",  [CONTACT_FAR_TOES] = "toes",
    };
    if (c < 0 || c >= CONTACT_COUNT || !part[c])
        return false;
    bool far = c >= CONTACT_NEAR_HEEL ? (c - CONTACT_NEAR_HEEL) % 2 == 1 : (c - CONTACT_NEAR_HAND) % 2 == 1;
    const char *side = far ? "far_" : "near_";
    for (int g = 0; g < fig->count; g++) {
        if (!fig->groups[g].name || strcmp(fig->groups[g].name, side) != 0)
            continue;
        for (int i = 0; i < fig->groups[g].count; i++) /* the first such part starts at the point */
            if (strcmp(fig->groups[g].parts[i].name, part[c]) == 0) {
                *x = fig->groups[g].parts[i].ax;
                return true;
            }
    }
    return false;
}

/* How far a disc (centre x, y, radius r) reaches into the box x0..x1, y0..y1: r less its centre's
 * distance to the box, or r plus the centre's depth inside it; <= 0 when clear. */
static float disc_into_box(float x, float y, float r, float x0, float x1, float y0, float y1)
{
    float dx = x < x0 ? x0 - x : x > x1 ? x - x1 : 0.0f, dy = y < y0 ? y0 - y : y > y1 ? y - y1 : 0.0f;
    if (dx > 0.0f || dy > 0.0f)
        return r - sqrtf(dx * dx + dy * dy);
    return r + fminf(fminf(x - x0, x1 - x), fminf(y - y0, y1 - y));
}

float pose_chair_depth(const PoseFigure *fig, const PoseGroup *g, const PosePart *q, float floor)
{
    if (!fig->chair || g->flat || q->clip)
        return 0.0f;
    bool torso = g->name && g->name[0] == '\0'; /* trunk, pelvis, neck, head: the back stops them */
    float seat = floor + POSE_CHAIR_SEAT_H, depth = 0.0f;
    for (int i = 0; i <= 6; i++) { /* a round cone is the discs along its axis */
        float t = (float)i / 6.0f, x = q->ax + (q->bx - q->ax) * t, y = q->ay + (q->by - q->ay) * t;
        float r = q->ra + (q->rb - q->ra) * t;
        depth =
            fmaxf(depth, disc_into_box(x, y, r, POSE_CHAIR_BACK_X, POSE_CHAIR_FRONT_X, seat - POSE_CHAIR_SEAT_T, seat));
        if (torso)
            depth = fmaxf(depth, disc_into_box(x, y, r, POSE_CHAIR_BACK_X - POSE_CHAIR_BACK_T, POSE_CHAIR_BACK_X, seat,
                                               floor + POSE_CHAIR_TOP_H));
    }
    return depth;
}

/* The joints the solver may turn to keep the contacts down; where the figure is, how it breathes
 * and which way it looks stay as keyed. */
static const int pose_solve_params[] = {POSE_PELVIS,  POSE_SPINE0,  POSE_SPINE1,  POSE_SPINE2,     POSE_SPINE3,
                                        POSE_NECK,    POSE_HEAD,    POSE_HIP_N,   POSE_HIP_F,      POSE_KNEE_N,
                                        POSE_KNEE_F,  POSE_ANKLE_N, POSE_ANKLE_F, POSE_SHOULDER_N, POSE_SHOULDER_F,
                                        POSE_ELBOW_N, POSE_ELBOW_F, POSE_WRIST_N, POSE_WRIST_F};
#define POSE_SOLVE_COUNT ((int)(sizeof pose_solve_params / sizeof pose_solve_params[0]))

#define POSE_SOLVE_MAX_RES (CONTACT_COUNT + POSE_MAX_GROUPS * POSE_MAX_PARTS + POSE_SOLVE_COUNT + CONTACT_COUNT)
#define POSE_SOLVE_PULL 1e-5f /* weight of the pull back to the keyed pose, per degree */
#define POSE_HOLD_WEIGHT 0.5f /* a planted contact slid along the mat, per H, against one lifted off it */
#define POSE_HOLD_TOL_H 0.001f /* a planted contact this close to its place is held (1.3 px of 1333) */
#define POSE_HOLD_MOVE_H 0.01f /* a contact two keys put this far apart (~2 cm) is set down afresh: not held */

/* The residuals of pose p, whose squares sum to how far it is from resting on its contacts: the
 * heights of the contacts above the ground, twice the depths of parts below it, a small pull back
 * to the keyed pose, and how far each held contact has slid from its place. Returns how many were
 * written to r (always the same number). */
static int pose_residuals(const Pose *p, const Pose *keyed, const int order[POSE_ORDER_COUNT], unsigned contacts,
                          const PoseHold *hold, float *r)
{
    PoseFigure fig;
    float low[CONTACT_COUNT];
    int n = 0;
    pose_figure_build(p, order, &fig);
    float ground = pose_figure_ground(&fig, contacts, low);
    for (int c = 0; c < CONTACT_COUNT; c++)
        r[n++] = contacts & (1u << c) ? low[c] - ground : 0.0f;
    for (int g = 0; g < POSE_MAX_GROUPS; g++)
        for (int i = 0; i < POSE_MAX_PARTS; i++) {
            float depth = 0.0f;
            if (g < fig.count && i < fig.groups[g].count && !fig.groups[g].flat && !fig.groups[g].parts[i].clip) {
                const PosePart *q = &fig.groups[g].parts[i];
                depth = fmaxf(0.0f, ground - fminf(q->ay - q->ra, q->by - q->rb));
                depth = fmaxf(depth, pose_chair_depth(&fig, &fig.groups[g], q, ground));
            }
            r[n++] = 2.0f * depth;
        }
    for (int k = 0; k < POSE_SOLVE_COUNT; k++)
        r[n++] = POSE_SOLVE_PULL * (p->v[pose_solve_params[k]] - keyed->v[pose_solve_params[k]]);
    for (int c = 0; c < CONTACT_COUNT; c++) {
        float x = 0.0f;
        bool held = hold && (hold->mask & (1u << c)) && pose_figure_anchor(&fig, c, &x);
        r[n++] = held ? POSE_HOLD_WEIGHT * (x - hold->x[c]) : 0.0f;
    }
    return n;
}

/* The farthest a held contact has slid from its place (H), from residuals r. */
static float pose_slide(const float *r)
{
    float worst = 0.0f;
    for (int c = 0; c < CONTACT_COUNT; c++)
        worst = fmaxf(worst, fabsf(r[POSE_SOLVE_MAX_RES - CONTACT_COUNT + c]) / POSE_HOLD_WEIGHT);
    return worst;
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
    for (int j = POSE_KNEE_N; j <= POSE_KNEE_F; j++) /* never bend a knee or an elbow backwards */
        p->v[j] = fmaxf(p->v[j], 0.0f);
    for (int j = POSE_ELBOW_N; j <= POSE_ELBOW_F; j++)
        p->v[j] = fmaxf(p->v[j], 0.0f);
}

/* Keep the section's contacts on the mat: turn the joints (Levenberg-Marquardt from the keyed pose,
 * numeric derivatives) until every required contact rests on the ground and no part is below it,
 * changing the keyed pose as little as that allows. Deterministic: the same pose in gives the same
 * pose out. */
/* The worst fault among residuals r: a contact's height or a part's depth, in H. */
static float pose_violation(const float *r)
{
    float worst = 0.0f;
    for (int i = 0; i < CONTACT_COUNT; i++)
        worst = fmaxf(worst, r[i]);
    for (int i = CONTACT_COUNT; i < CONTACT_COUNT + POSE_MAX_GROUPS * POSE_MAX_PARTS; i++)
        worst = fmaxf(worst, r[i] * 0.5f);
    return worst;
}

#define POSE_DRIFT_DEG 15.0f /* a solved joint this far from its key has drifted */
#define POSE_SPARE_SOLVES 120 /* second tries at most, in one move (a solve costs ~100 figures) */

/* The largest turn of a joint the solver may move between keyed pose k and its solution p. */
static float pose_drift(const Pose *p, const Pose *k)
{
    float worst = 0.0f;
    for (int i = 0; i < POSE_SOLVE_COUNT; i++)
        worst = fmaxf(worst, fabsf(p->v[pose_solve_params[i]] - k->v[pose_solve_params[i]]));
    return worst;
}

/* How far pose p is from resting on its contacts: the highest required contact above the ground,
 * or the deepest part below it (as spritegen --report measures). */
static float pose_fault(const Pose *p, const int order[POSE_ORDER_COUNT], unsigned contacts)
{
    float r[POSE_SOLVE_MAX_RES];
    pose_residuals(p, p, order, contacts, NULL, r);
    return pose_violation(r);
}

void pose_solve(Pose *p, const Pose *guess, const int order[POSE_ORDER_COUNT], unsigned contacts, const PoseHold *hold)
{
    if (!contacts)
        return;
    const Pose keyed = *p;
    if (guess)
        *p = *guess;
    float r[POSE_SOLVE_MAX_RES], r2[POSE_SOLVE_MAX_RES], jac[POSE_SOLVE_COUNT][POSE_SOLVE_MAX_RES];
    int n = pose_residuals(p, &keyed, order, contacts, hold, r);
    float cost = sum_squares(r, n);
    double mu = 1e-6;
    for (int it = 0, stalls = 0;
         it < 100 && (pose_violation(r) > POSE_CONTACT_TOL_H * 0.3f || pose_slide(r) > POSE_HOLD_TOL_H); it++) {
        for (int k = 0; k < POSE_SOLVE_COUNT; k++) {
            Pose q = *p;
            q.v[pose_solve_params[k]] += 0.05f;
            pose_residuals(&q, &keyed, order, contacts, hold, r2);
            for (int i = 0; i < n; i++)
                jac[k][i] = (r2[i] - r[i]) / 0.05f;
        }
        /* only the residuals that are not zero here or nearby take part in the sums */
        int active[POSE_SOLVE_MAX_RES], na = 0;
        for (int i = 0; i < n; i++) {
            bool used = r[i] != 0.0f;
            for (int k = 0; k < POSE_SOLVE_COUNT && !used; k++)
                used = jac[k][i] != 0.0f;
            if (used)
                active[na++] = i;
        }
        double a[POSE_SOLVE_COUNT * POSE_SOLVE_COUNT], b[POSE_SOLVE_COUNT];
        int accepted = 0;
        for (int tries = 0; tries < 8 && !accepted; tries++) {
            for (int k = 0; k < POSE_SOLVE_COUNT; k++) {
                b[k] = 0.0;
                for (int j = 0; j < na; j++)
                    b[k] -= (double)jac[k][active[j]] * r[active[j]];
                for (int l = 0; l < POSE_SOLVE_COUNT; l++) {
                    double s = 0.0;
                    for (int j = 0; j < na; j++)
                        s += (double)jac[k][active[j]] * jac[l][active[j]];
                    a[k * POSE_SOLVE_COUNT + l] = s + (k == l ? mu * (1.0 + s) : 0.0);
                }
            }
            if (solve_linear(a, b, POSE_SOLVE_COUNT) != 0) {
                mu *= 10.0;
                continue;
            }
            Pose q = *p;
            for (int k = 0; k < POSE_SOLVE_COUNT; k++)
                q.v[pose_solve_params[k]] += (float)fmax(-20.0, fmin(20.0, b[k]));
            pose_clamp(&q);
            pose_residuals(&q, &keyed, order, contacts, hold, r2);
            float c2 = sum_squares(r2, n);
            if (c2 < cost) {
                if (c2 > cost * 0.995f)
                    stalls++; /* barely better: the contacts are as close as this pose allows */
                *p = q, cost = c2, accepted = 1;
                memcpy(r, r2, sizeof(float) * (size_t)n);
                mu = fmax(mu * 0.3, 1e-9);
            } else {
                mu *= 10.0;
            }
        }
        if (!accepted) /* stalled in a kink of the min(): start the damping afresh, a few times */
            stalls++, mu = 1e-6;
        if (stalls >= 4)
            break;
    }
}

/* Shift every part (and its clip plane) by (dx, dy). */
void pose_figure_shift(PoseFigure *fig, float dx, float dy)
{
    for (int g = 0; g < fig->count; g++)
        for (int i = 0; i < fig->groups[g].count; i++) {
            PosePart *p = &fig->groups[g].parts[i];
            p->ax += dx, p->bx += dx, p->ay += dy, p->by += dy;
            p->k += p->nx * dx + p->ny * dy;
        }
}

void pose_figure_extent(const PoseFigure *fig, float *x0, float *x1, float *y0, float *y1)
{
    if (fig->chair) {
        *x0 = fminf(*x0, POSE_CHAIR_BACK_X - POSE_CHAIR_BACK_T), *x1 = fmaxf(*x1, POSE_CHAIR_FRONT_X);
        *y0 = fminf(*y0, 0.0f), *y1 = fmaxf(*y1, POSE_CHAIR_TOP_H);
    }
    for (int g = 0; g < fig->count; g++)
        for (int i = 0; i < fig->groups[g].count; i++) {
            const PosePart *p = &fig->groups[g].parts[i];
            float r = fmaxf(p->ra, p->rb);
            *x0 = fminf(*x0, fminf(p->ax, p->bx) - r), *x1 = fmaxf(*x1, fmaxf(p->ax, p->bx) + r);
            *y0 = fminf(*y0, fminf(p->ay, p->by) - r), *y1 = fmaxf(*y1, fmaxf(p->ay, p->by) + r);
        }
}

/* The figure's reach: for each level k, the x extent (reach[2k], reach[2k + 1]) of every part that
 * rises to k * POSE_REACH_STEP or above. A round cone is walked as discs no further apart than its
 * smaller radius, so the extent is that of the parts' outlines within a small fraction of a radius. */
static void pose_figure_reach(const PoseFigure *fig, short *out)
{
    float reach[2 * POSE_REACH_LEVELS];
    for (int k = 0; k < POSE_REACH_LEVELS; k++)
        reach[2 * k] = 1e9f, reach[2 * k + 1] = -1e9f;
    if (fig->chair) { /* the chair's back, up to its top */
        int top = (int)(POSE_CHAIR_TOP_H / POSE_REACH_STEP);
        top = top >= POSE_REACH_LEVELS ? POSE_REACH_LEVELS - 1 : top;
        reach[2 * top] = POSE_CHAIR_BACK_X - POSE_CHAIR_BACK_T, reach[2 * top + 1] = POSE_CHAIR_FRONT_X;
    }
    for (int g = 0; g < fig->count; g++)
        for (int i = 0; i < fig->groups[g].count; i++) {
            const PosePart *p = &fig->groups[g].parts[i];
            float len = hypotf(p->bx - p->ax, p->by - p->ay), rmin = fmaxf(0.004f, fminf(p->ra, p->rb));
            int n = 1 + (int)ceilf(len / rmin);
            n = n > 64 ? 64 : n;
            for (int j = 0; j <= n; j++) {
                float t = (float)j / (float)n;
                float x = p->ax + (p->bx - p->ax) * t, y = p->ay + (p->by - p->ay) * t, r = p->ra + (p->rb - p->ra) * t;
                int top = (int)floorf((y + r) / POSE_REACH_STEP);
                top = top < 0 ? 0 : top >= POSE_REACH_LEVELS ? POSE_REACH_LEVELS - 1 : top;
                reach[2 * top] = fminf(reach[2 * top], x - r), reach[2 * top + 1] = fmaxf(reach[2 * top + 1], x + r);
            }
        }
    for (int k = POSE_REACH_LEVELS - 2; k >= 0; k--) /* a level holds every part reaching it or higher */
        reach[2 * k] = fminf(reach[2 * k], reach[2 * k + 2]),
                  reach[2 * k + 1] = fmaxf(reach[2 * k + 1], reach[2 * k + 3]);
    for (int i = 0; i < 2 * POSE_REACH_LEVELS; i++) { /* rounded outward; an empty level stays empty */
        float u = (i % 2 ? ceilf(reach[i] * POSE_REACH_UNIT) : floorf(reach[i] * POSE_REACH_UNIT));
        out[i] = (short)(u < -32767.0f ? -32767.0f : u > 32767.0f ? 32767.0f : u);
    }
}

/* ------------------------------------------------------------------ a move, sampled */

static SheetRange pose_range(int first, int last, float seconds)
{
    SheetRange r = {first, last, (int)lroundf(seconds * 1000.0f)};
    return r;
}

/* The planted contacts of one stretch of a section (from a key to the next): where each rests at
 * both keys, each key's pose solved onto the stretch's contacts. */
typedef struct {
    int section, key; /* the stretch: keys[key] to keys[key + 1]; -1 before the first */
    unsigned mask;
    float xa[CONTACT_COUNT], xb[CONTACT_COUNT];
} PoseStretch;

/* Where the planted contacts of sec stay at fraction t: a hand, forearm, knee or foot on the mat
 * from one key to the next, which both keys (each key's pose solved onto the mat) put at one place
 * within POSE_HOLD_MOVE_H, does not slide between them: its anchor goes straight from one key's
 * place to the other's, eased as the keys are, not where the joints swing it (easing each joint on
 * its own slid cat-camel's planted hands ~0.02 H forward and back through neutral). A contact the
 * keys move farther (a hand set down elsewhere, legs sliding long) is left to the joints' easing. */
static void pose_hold_at(const PoseFile *pf, int s, float t, unsigned contacts, PoseStretch *st, PoseHold *hold)
{
    const PoseSection *sec = &pf->sections[s];
    hold->mask = 0;
    if (sec->key_count < 2)
        return;
    int i = pose_key_before(sec, t);
    const PoseKey *a = &sec->keys[i], *b = &sec->keys[i + 1];
    float span = b->t - a->t;
    if (span <= 0.0f || a->pose.v[POSE_FLIP] != b->pose.v[POSE_FLIP])
        return;
    if (st->section != s || st->key != i) {
        unsigned held = contacts;
        for (int side = 0; side < 2; side++) /* a flat foot's heel or toes: the foot does not slide */
            if (held & ((1u << (CONTACT_NEAR_HEEL + side)) | (1u << (CONTACT_NEAR_TOES + side))))
                held |= 1u << (CONTACT_NEAR_FOOT + side);
        held &= POSE_HOLD_CONTACTS;
        st->section = s, st->key = i, st->mask = 0;
        if (held) {
            Pose pa = a->pose, pb = b->pose;
            PoseFigure fa, fb;
            pose_solve(&pa, NULL, pf->order, contacts, NULL);
            pose_solve(&pb, NULL, pf->order, contacts, NULL);
            pose_figure_build(&pa, pf->order, &fa);
            pose_figure_build(&pb, pf->order, &fb);
            for (int c = 0; c < CONTACT_COUNT; c++)
                if ((held & (1u << c)) && pose_figure_anchor(&fa, c, &st->xa[c]) &&
                    pose_figure_anchor(&fb, c, &st->xb[c]) && fabsf(st->xb[c] - st->xa[c]) <= POSE_HOLD_MOVE_H)
                    st->mask |= 1u << c;
        }
    }
    float u = (t - a->t) / span;
    u = pose_ease(u < 0.0f ? 0.0f : u > 1.0f ? 1.0f : u);
    hold->mask = st->mask;
    for (int c = 0; c < CONTACT_COUNT; c++)
        hold->x[c] = (st->mask & (1u << c)) ? st->xa[c] + (st->xb[c] - st->xa[c]) * u : 0.0f;
}

/* How far apart two figures of one move are: the largest move of any part's end (H), parts
 * matched by group and name. */
static float pose_figures_apart(const PoseFigure *a, const PoseFigure *b)
{
    float worst = 0.0f;
    for (int g = 0; g < a->count; g++)
        for (int h = 0; h < b->count; h++) {
            const PoseGroup *x = &a->groups[g], *y = &b->groups[h];
            if (x->id != y->id || x->count != y->count || x->flat != y->flat || strcmp(x->name, y->name) != 0)
                continue;
            for (int i = 0; i < x->count; i++) {
                const PosePart *p = &x->parts[i], *q = &y->parts[i];
                worst = fmaxf(worst, fmaxf(hypotf(p->ax - q->ax, p->ay - q->ay), hypotf(p->bx - q->bx, p->by - q->by)));
            }
        }
    return worst;
}

/* The sample of first..last whose figure is nearest sample k's (the first such). */
static int pose_nearest_sample(const PoseMove *m, int first, int last, int k)
{
    PoseFigure want, fig;
    pose_move_sample_figure(m, k, &want);
    int best = first;
    float best_d = 1e9f;
    for (int i = first; i <= last; i++) {
        pose_move_sample_figure(m, i, &fig);
        float d = pose_figures_apart(&fig, &want);
        if (d < best_d)
            best = i, best_d = d;
    }
    return best;
}

static bool pose_move_find_cuts(PoseMove *m, PoseStop stop, void *ctx);

int pose_move_init(PoseMove *out, const PoseFile *pf)
{
    return pose_move_init_until(out, pf, NULL, NULL);
}

/* How many poses pose_move_init samples section s of pf at: POSE_SAMPLE_FPS a second, both ends. */
static int pose_section_samples(const PoseFile *pf, int s)
{
    int n = (int)lroundf(pf->sections[s].seconds * (float)POSE_SAMPLE_FPS) + 1;
    if (strcmp(pf->sections[s].name, "cycle") == 0 && n % 2 == 0)
        n++; /* odd, so the beat (the middle) is a sample of its own */
    return n < 2 ? 2 : n;
}

int pose_move_init_until(PoseMove *out, const PoseFile *pf, PoseStop stop, void *ctx)
{
    memset(out, 0, sizeof *out);
    out->file = *pf;
    int first[POSE_MAX_SECTIONS], count[POSE_MAX_SECTIONS], total = 0;
    for (int s = 0; s < pf->section_count; s++) {
        first[s] = total, count[s] = pose_section_samples(pf, s);
        total += count[s];
    }
    out->samples = calloc((size_t)total, sizeof *out->samples);
    out->sample_section = calloc((size_t)total, sizeof *out->sample_section);
    out->sample_contacts = calloc((size_t)total, sizeof *out->sample_contacts);
    out->sample_order = calloc((size_t)total * POSE_ORDER_COUNT, sizeof *out->sample_order);
    out->sample_box = calloc((size_t)total * 4, sizeof *out->sample_box);
    out->sample_reach = calloc((size_t)total * POSE_REACH_LEVELS * 2, sizeof *out->sample_reach);
    out->sample_cut = calloc((size_t)total, sizeof *out->sample_cut);
    if (!out->samples || !out->sample_section || !out->sample_contacts || !out->sample_order || !out->sample_box ||
        !out->sample_reach || !out->sample_cut) {
        pose_move_free(out);
        return -1;
    }
    out->x0 = out->y0 = 1e9f, out->x1 = out->y1 = -1e9f;
    Pose prev_keyed;
    PoseStretch stretch = {.section = -1, .key = -1};
    int spare = POSE_SPARE_SOLVES; /* a file whose contacts cannot be met costs little more */
    for (int s = 0; s < pf->section_count; s++)
        for (int i = 0; i < count[s]; i++) {
            int k = first[s] + i;
            if (stop && stop(ctx)) { /* no longer wanted: between two samples */
                pose_move_free(out);
                return -2;
            }
            const PoseSection *sec = &pf->sections[s];
            Pose keyed;
            float t = (float)i / (float)(count[s] - 1);
            unsigned contacts = pose_section_contacts(sec, t);
            PoseHold hold;
            pose_hold_at(pf, s, t, contacts, &stretch, &hold);
            pose_section_at(sec, t, &keyed);
            out->samples[k] = keyed;
            Pose guess = keyed; /* start from the last sample's solution, moved on by what the keys move */
            bool warm = i > 0 && keyed.v[POSE_FLIP] == prev_keyed.v[POSE_FLIP];
            for (int j = 0; j < POSE_PARAM_COUNT && warm; j++)
                guess.v[j] = out->samples[k - 1].v[j] + keyed.v[j] - prev_keyed.v[j];
            pose_solve(&out->samples[k], warm ? &guess : NULL, pf->order, contacts, &hold);
            /* stuck short of the mat (the solver stalls in a kink): go on from there afresh, then
             * from the keys; keep the best. Samples already resting are never touched. */
            float fault = contacts ? pose_fault(&out->samples[k], pf->order, contacts) : 0.0f;
            if (i > 0 && contacts && spare > 0 && pose_drift(&out->samples[k], &keyed) > POSE_DRIFT_DEG) {
                spare--;
                /* carried far from the keys by the warm start (a change of contacts): a solve from
                 * the keys that rests as well and stays closer to them wins */
                Pose cold = keyed;
                pose_solve(&cold, NULL, pf->order, contacts, &hold);
                float f2 = pose_fault(&cold, pf->order, contacts);
                if (f2 <= POSE_CONTACT_TOL_H * 0.9f && pose_drift(&cold, &keyed) < pose_drift(&out->samples[k], &keyed))
                    out->samples[k] = cold, fault = f2;
            }
            /* the last tries let the planted contacts slide: resting on the mat comes first */
            for (int attempt = 0; attempt < 4 && spare > 0 && fault > POSE_CONTACT_TOL_H * 0.9f; attempt++) {
                spare--;
                Pose again = keyed;
                const Pose *from = attempt == 0 ? &out->samples[k] : attempt == 2 && warm ? &guess : NULL;
                pose_solve(&again, from, pf->order, contacts, attempt < 2 ? &hold : NULL);
                float f2 = pose_fault(&again, pf->order, contacts);
                if (f2 < fault)
                    out->samples[k] = again, fault = f2;
            }
            prev_keyed = keyed;
            out->sample_section[k] = s;
            out->sample_contacts[k] = contacts;
            const int *order = pose_section_order(sec, t);
            memcpy(&out->sample_order[(size_t)k * POSE_ORDER_COUNT], order ? order : pf->order,
                   sizeof(int) * POSE_ORDER_COUNT);
            PoseFigure fig;
            pose_move_sample_figure(out, k, &fig);
            float *box = &out->sample_box[(size_t)k * 4];
            box[0] = box[2] = 1e9f, box[1] = box[3] = -1e9f;
            pose_figure_extent(&fig, &box[0], &box[1], &box[2], &box[3]);
            pose_figure_reach(&fig, &out->sample_reach[(size_t)k * POSE_REACH_LEVELS * 2]);
            out->x0 = fminf(out->x0, box[0]), out->x1 = fmaxf(out->x1, box[1]);
            out->y0 = fminf(out->y0, box[2]), out->y1 = fmaxf(out->y1, box[3]);
        }
    /* the timing of a sprite sheet (sheet.h) over the samples */
    SheetMeta *m = &out->meta;
    m->frames = total, m->side = pf->side;
    int si = pose_section_find(pf, "intro"), sb = pose_section_find(pf, "breath");
    int so = pose_section_find(pf, "outro"), sc = pose_section_find(pf, "cycle");
    int sm = sb >= 0 ? sb : sc; /* the section breathed through: breath, else the cycle */
    if (sm < 0) { /* pose_parse refuses such a file; a PoseFile built by hand might not */
        pose_move_free(out);
        return -1;
    }
    SheetRange breath = pose_range(first[sm], first[sm] + count[sm] - 1, pf->sections[sm].seconds);
    SheetRange cycle = sc >= 0 ? pose_range(first[sc], first[sc] + count[sc] - 1, pf->sections[sc].seconds) : breath;
    m->beat = cycle.first + (cycle.last - cycle.first) / 2;
    SheetRange intro = {breath.first, breath.first, 0}, outro = intro;
    /* a rep move played as a hold: its way in is the part of its rep from its start to the pose
     * nearest the held one (the breath's first), its way out from there back to its start, each
     * the shorter way round the rep (played backwards if need be: the rep ends where it starts),
     * so neither cuts (cat-camel's held cat is a quarter of the way in, not at its beat) */
    int near = sc >= 0 && sb >= 0 ? pose_nearest_sample(out, cycle.first, cycle.last, breath.first) : m->beat;
    int span = cycle.last - cycle.first > 0 ? cycle.last - cycle.first : 1;
    if (si >= 0) {
        intro = pose_range(first[si], first[si] + count[si] - 1, pf->sections[si].seconds);
        m->setup = (int)lroundf(pf->ready * (float)(count[si] - 1));
    } else if (sc >= 0 && sb >= 0) {
        int from = near - cycle.first <= cycle.last - near ? cycle.first : cycle.last;
        intro = (SheetRange){from, near, (int)((long long)cycle.ms * abs(near - from) / span)};
    }
    if (so >= 0)
        outro = pose_range(first[so], first[so] + count[so] - 1, pf->sections[so].seconds);
    else if (sc >= 0 && sb >= 0) {
        int to = cycle.last - near <= near - cycle.first ? cycle.last : cycle.first;
        outro = (SheetRange){near, to, (int)((long long)cycle.ms * abs(to - near) / span)};
    }
    m->intro = intro, m->cycle = cycle, m->breath = breath, m->outro = outro;
    m->held = breath.first;
    /* a held move's rep (no cycle of its own): up, held, down (sheet.h); its beat is the held pose */
    m->rep_holds = sc < 0 && intro.ms + outro.ms > 0;
    if (m->rep_holds)
        m->beat = m->held;
    if (!pose_move_find_cuts(out, stop, ctx)) {
        pose_move_free(out);
        return -2;
    }
    return 0;
}

void pose_move_free(PoseMove *m)
{
    if (!m)
        return;
    free(m->samples);
    free(m->sample_section);
    free(m->sample_contacts);
    free(m->sample_order);
    free(m->sample_box);
    free(m->sample_reach);
    free(m->sample_cut);
    memset(m, 0, sizeof *m);
}

bool pose_move_faces_viewer(const PoseMove *m)
{
    return m->meta.frames > 0 && m->samples[0].v[POSE_STANCE] >= 0.5f;
}

bool pose_move_mirrored(const PoseMove *m, Sides wanted)
{
    return m->file.other_side == POSE_OTHER_MIRROR && sheet_mirrored(&m->meta, wanted);
}

bool pose_move_swapped(const PoseMove *m, Sides wanted)
{
    return m->file.other_side != POSE_OTHER_MIRROR && sheet_mirrored(&m->meta, wanted);
}

PoseDraw pose_move_draw(const PoseMove *m, Sides side, bool turned)
{
    PoseDraw d = {false, false};
    if (pose_move_mirrored(m, side)) /* a mirrored sided move's other side, turned or not */
        d.mirror = true;
    else if (m->meta.side != SIDES_NONE && m->file.other_side == POSE_OTHER_MIRROR)
        d.mirror = false; /* its own side */
    else /* not sided, or the same way round: turned with the body, the wanted side working */
        d.mirror = turned, d.swap = m->meta.side != SIDES_NONE && pose_move_swapped(m, side) != turned;
    return d;
}

void pose_swap_sides(Pose *p)
{
    static const int pairs[] = {POSE_HIP_N, POSE_KNEE_N, POSE_ANKLE_N, POSE_SHOULDER_N, POSE_ELBOW_N, POSE_WRIST_N};
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) { /* each _F follows its _N */
        float t = p->v[pairs[i]];
        p->v[pairs[i]] = p->v[pairs[i] + 1], p->v[pairs[i] + 1] = t;
    }
    p->v[POSE_TWIST] = -p->v[POSE_TWIST];
    p->v[POSE_STANCE] = -p->v[POSE_STANCE];
    p->v[POSE_ROLL] = -p->v[POSE_ROLL];
}

void pose_order_away(const int order[POSE_ORDER_COUNT], int out[POSE_ORDER_COUNT])
{
    static const int other[] = {
        [POSE_GROUP_FAR_ARM] = POSE_GROUP_NEAR_ARM,  [POSE_GROUP_FAR_LEG] = POSE_GROUP_NEAR_LEG,
        [POSE_GROUP_TORSO] = POSE_GROUP_TORSO,       [POSE_GROUP_NEAR_LEG] = POSE_GROUP_FAR_LEG,
        [POSE_GROUP_NEAR_ARM] = POSE_GROUP_FAR_ARM,  [POSE_GROUP_NEAR_SHIN] = POSE_GROUP_FAR_SHIN,
        [POSE_GROUP_FAR_SHIN] = POSE_GROUP_NEAR_SHIN};
    int n = 0;
    bool whole = false; /* the shin painted with its thigh: near_shin right before near_leg, as parsed */
    for (int i = POSE_ORDER_COUNT - 1; i >= 0; i--) {
        int g = other[order[i]];
        int next = i + 1 < POSE_ORDER_COUNT ? order[i + 1] : -1;
        if ((order[i] == POSE_GROUP_NEAR_SHIN && next == POSE_GROUP_NEAR_LEG) ||
            (order[i] == POSE_GROUP_FAR_SHIN && next == POSE_GROUP_FAR_LEG))
            whole = true;
        else
            out[n++] = g;
    }
    if (!whole)
        return;
    for (int i = POSE_ORDER_COUNT - 1, j = n - 1; j >= 0; j--) { /* near_shin back in, before near_leg */
        out[i--] = out[j];
        if (out[j] == POSE_GROUP_NEAR_LEG)
            out[i--] = POSE_GROUP_NEAR_SHIN;
    }
}

/* Pose p of m for its other side, drawn the same way round (pose_swap_sides); turned away
 * (`other_side away`), the face turns the other way with the chest, and further: in step with the
 * keyed look, as far as POSE_AWAY_HELD_LOOK where the move is held, a profile looking back over the
 * far shoulder. Turned only as keyed (the keyed look negated), the held head showed its back and at
 * most an edge of the jaw, and the side did not read as a twist from across a room (physio review
 * s29): the face now turns from one profile, past the back of the head, to the other. */
#define POSE_AWAY_HELD_LOOK 160.0f
#define POSE_AWAY_MOST_LOOK 175.0f /* never round past the back to the chest's side */
static void pose_move_other_side(const PoseMove *m, Pose *p)
{
    pose_swap_sides(p);
    if (m->file.other_side != POSE_OTHER_AWAY)
        return;
    int k = m->meta.held;
    float held = k >= 0 && k < m->meta.frames ? fabsf(m->samples[k].v[POSE_LOOK]) : 0.0f;
    float scale = held > 1.0f ? fmaxf(1.0f, POSE_AWAY_HELD_LOOK / held) : 1.0f;
    p->v[POSE_LOOK] = -fminf(POSE_AWAY_MOST_LOOK, fmaxf(-POSE_AWAY_MOST_LOOK, p->v[POSE_LOOK] * scale));
}

/* The paint order of m's other side drawn the same way round from order, its own, into buf: the
 * order itself (`far`: a far limb stays behind), or back to front (`away`). Returns which. */
static const int *pose_move_other_order(const PoseMove *m, const int *order, int buf[POSE_ORDER_COUNT])
{
    if (m->file.other_side != POSE_OTHER_AWAY)
        return order;
    pose_order_away(order, buf);
    return buf;
}

unsigned pose_contacts_swapped(unsigned c)
{
    unsigned out = c;
    for (int n = CONTACT_NEAR_HAND; n + 1 < CONTACT_COUNT; n += 2) { /* each FAR_ follows its NEAR_ */
        out &= ~((1u << n) | (1u << (n + 1)));
        out |= ((c >> n) & 1u) << (n + 1) | ((c >> (n + 1)) & 1u) << n;
    }
    return out;
}

/* The working limbs h (1u << PoseGroupId) with near and far swapped. */
static unsigned pose_highlight_swapped(unsigned h)
{
    unsigned out = h & (1u << POSE_GROUP_TORSO | POSE_HIGHLIGHT_FLANK | POSE_HIGHLIGHT_LOWER_BACK);
    static const int pairs[][2] = {{POSE_GROUP_NEAR_ARM, POSE_GROUP_FAR_ARM},
                                   {POSE_GROUP_NEAR_LEG, POSE_GROUP_FAR_LEG}};
    for (int i = 0; i < 2; i++)
        out |= ((h >> pairs[i][0]) & 1u) << pairs[i][1] | ((h >> pairs[i][1]) & 1u) << pairs[i][0];
    return out;
}

/* Build pose p and stand it on the mat (y = 0) by its contacts; the groups in highlight (1u <<
 * PoseGroupId) are the working limbs. */
static void pose_grounded_figure(const Pose *p, unsigned contacts, const int *order, unsigned highlight,
                                 PoseFigure *fig)
{
    float low[CONTACT_COUNT];
    pose_figure_build(p, order, fig);
    pose_figure_shift(fig, 0.0f, -pose_figure_ground(fig, contacts, low));
    for (int g = 0; g < fig->count; g++) { /* the torso's hair and eyes are never outlined */
        PoseGroup *gr = &fig->groups[g];
        int limb = gr->id == POSE_GROUP_NEAR_SHIN  ? POSE_GROUP_NEAR_LEG
                   : gr->id == POSE_GROUP_FAR_SHIN ? POSE_GROUP_FAR_LEG
                                                   : gr->id;
        gr->highlight = (int)(highlight >> limb) & 1 &&
                        (gr->id != POSE_GROUP_TORSO || (gr->count > 0 && strcmp(gr->parts[0].name, "hips") == 0));
        if (gr->highlight && gr->id == POSE_GROUP_TORSO && (highlight & POSE_HIGHLIGHT_FLANK))
            gr->highlight = POSE_GROUP_FLANK;
        if (gr->highlight && gr->id == POSE_GROUP_TORSO && (highlight & POSE_HIGHLIGHT_LOWER_BACK))
            gr->highlight = POSE_GROUP_LOWER_BACK;
        /* a working far limb is shaded a little less deep (0.88 of the near limbs' light, not 0.80),
         * so it reads as working at a quarter size, behind the resting near one, and still as far */
        if (gr->highlight && (limb == POSE_GROUP_FAR_ARM || limb == POSE_GROUP_FAR_LEG))
            for (int i = 0; i < gr->count; i++)
                gr->parts[i].color = rgb_scale(gr->parts[i].color, 1.10f);
    }
}

/* A side drawn turned away (`other_side away`) starts and ends in profile, where it is the same
 * picture as the side the poses show, but its paint order is that side's reversed: the near arm
 * (its hand on the near thigh) went behind the torso and the near leg, and no hand showed at the
 * start (physio review s29: the seated twist's left side; 136 of the near hand's 5490 pixels at
 * 1000 px a body height). So the near arm is painted again over the near leg, clipped by a line
 * across the picture that sweeps forward along it as the trunk turns away: whole in profile, the
 * upper arm going behind the trunk's front edge first and the hand last, gone from
 * POSE_AWAY_ARM_TURN degrees (where the near shoulder's cap is whole over the back). Never in one
 * frame: the line moves with the turn. */
#define POSE_AWAY_ARM_TURN 40.0f
static void pose_away_near_arm(const Pose *q, PoseFigure *fig)
{
    float s = fminf(fmaxf(-q->v[POSE_TWIST] / POSE_AWAY_ARM_TURN, 0.0f), 1.0f);
    int arm = -1, after = -1;
    for (int g = 0; g < fig->count; g++) {
        int id = fig->groups[g].id;
        if (id == POSE_GROUP_NEAR_ARM && arm < 0)
            arm = g;
        else if (id == POSE_GROUP_NEAR_LEG || id == POSE_GROUP_NEAR_SHIN)
            after = g;
    }
    if (s >= 1.0f || arm < 0 || after < arm || fig->count >= POSE_MAX_GROUPS || fig->groups[arm].count == 0)
        return;
    for (int g = 0; g < fig->count; g++) /* only where no arm is painted over the torso */
        if (fig->groups[g].id == POSE_GROUP_TORSO)
            for (int h = g + 1; h < fig->count; h++)
                if (fig->groups[h].id == POSE_GROUP_FAR_ARM ||
                    (fig->groups[h].id == POSE_GROUP_NEAR_ARM && h != arm && fig->groups[h].count > 1))
                    return;
    PoseGroup copy = fig->groups[arm];
    float dir = q->v[POSE_FLIP] >= 0.5f ? -1.0f : 1.0f; /* the way the body faces across the picture */
    float sh = copy.parts[copy.count - 1].ax * dir; /* figure_arm adds the sleeve last, from the shoulder */
    float line = sh - 0.045f + 0.545f * s * s; /* from the sleeve's back to past the hand, slowly over the upper arm */
    for (int i = 0; i < copy.count; i++) /* keep what is in front of the line: dot(q, -dir) <= -line */
        copy.parts[i].clip = 1, copy.parts[i].nx = -dir, copy.parts[i].ny = 0.0f, copy.parts[i].k = -line;
    memmove(&fig->groups[after + 2], &fig->groups[after + 1], sizeof fig->groups[0] * (size_t)(fig->count - after - 1));
    fig->groups[after + 1] = copy;
    fig->count++;
}

/* How far the other side of `other_side away` is seen from behind in pose p as keyed (before
 * pose_move_other_side turns the head on past the back): the sine of the keyed look, 1 from 90
 * degrees on (PoseFigure.away). */
static float pose_keyed_away(const Pose *p)
{
    float keyed = fabsf(p->v[POSE_LOOK]) * 3.14159265f / 180.0f;
    return keyed >= 1.5707963f ? 1.0f : sinf(keyed);
}

/* Stand pose p (of m, resting on contacts, painted in order) on the mat, near and far swapped when
 * swap: the other side of `other_side far`, drawn the same way round. */
static void pose_move_grounded(const PoseMove *m, const Pose *p, unsigned contacts, const int *order, bool swap,
                               PoseFigure *fig)
{
    if (!swap) {
        pose_grounded_figure(p, contacts, order, m->file.highlight, fig);
        return;
    }
    Pose q = *p;
    int buf[POSE_ORDER_COUNT];
    pose_move_other_side(m, &q);
    pose_grounded_figure(&q, pose_contacts_swapped(contacts), pose_move_other_order(m, order, buf),
                         pose_highlight_swapped(m->file.highlight), fig);
    if (m->file.other_side == POSE_OTHER_AWAY) { /* seen from behind as far as the keyed look turns */
        pose_away_near_arm(&q, fig);
        fig->away = pose_keyed_away(p);
    }
}

void pose_move_sample_figure(const PoseMove *m, int i, PoseFigure *fig)
{
    pose_move_grounded(m, &m->samples[i], m->sample_contacts[i], &m->sample_order[(size_t)i * POSE_ORDER_COUNT], false,
                       fig);
}

void pose_move_sample_figure_swapped(const PoseMove *m, int i, PoseFigure *fig)
{
    pose_move_grounded(m, &m->samples[i], m->sample_contacts[i], &m->sample_order[(size_t)i * POSE_ORDER_COUNT], true,
                       fig);
}

/* Grow the box b (x0, x1, y0, y1) by samples first..last. */
static void pose_box_grow(const PoseMove *m, int first, int last, float b[4])
{
    for (int k = first < 0 ? 0 : first; k <= last && k < m->meta.frames; k++) {
        const float *s = &m->sample_box[(size_t)k * 4];
        b[0] = fminf(b[0], s[0]), b[1] = fmaxf(b[1], s[1]), b[2] = fminf(b[2], s[2]), b[3] = fmaxf(b[3], s[3]);
    }
}

static int imin(int a, int b)
{
    return a < b ? a : b;
}

static int imax(int a, int b)
{
    return a > b ? a : b;
}

/* The sample ranges (first, last) the stage frames at an animation moment; returns how many. */
static int pose_framed_ranges(const PoseMove *m, AnimMode mode, int anim_ms, int anim_length_ms, int rep_hold_ms,
                              int r[2][2])
{
    const SheetMeta *mt = &m->meta;
    if (mode == ANIM_START) {
        r[0][0] = imin(mt->intro.first, mt->intro.last), r[0][1] = imax(mt->intro.first, mt->intro.last);
        r[1][0] = mt->breath.first, r[1][1] = mt->breath.last;
        return 2;
    }
    if (mode == ANIM_HOLD) {
        SheetFrame f;
        sheet_frame_at(mt, mode, anim_ms, anim_length_ms, rep_hold_ms, &f);
        r[0][0] = mt->breath.first, r[0][1] = mt->breath.last; /* the held pose breathing */
        bool at_in_end = f.a == f.b && f.a == mt->intro.last, at_out_start = f.a == f.b && f.a == mt->outro.first;
        if (f.part == SHEET_PART_INTRO && mt->intro.last != mt->intro.first &&
            !at_in_end) { /* the rest of the way in */
            r[1][0] = imin(imin(f.a, f.b), mt->intro.last), r[1][1] = imax(imax(f.a, f.b), mt->intro.last);
            return 2;
        }
        if (f.part == SHEET_PART_OUTRO && mt->outro.last != mt->outro.first && !at_out_start) { /* the way out so far */
            r[1][0] = imin(imin(f.a, f.b), mt->outro.first), r[1][1] = imax(imax(f.a, f.b), mt->outro.first);
            return 2;
        }
        return 1;
    }
    r[0][0] = 0, r[0][1] = mt->frames - 1; /* reps and loops: the whole move */
    return 1;
}

void pose_move_box_at(const PoseMove *m, AnimMode mode, int anim_ms, int anim_length_ms, int rep_hold_ms, float *x0,
                      float *x1, float *y0, float *y1)
{
    float b[4] = {1e9f, -1e9f, 1e9f, -1e9f};
    if (mode == ANIM_START || mode == ANIM_HOLD) {
        int r[2][2], n = pose_framed_ranges(m, mode, anim_ms, anim_length_ms, rep_hold_ms, r);
        for (int i = 0; i < n; i++)
            pose_box_grow(m, r[i][0], r[i][1], b);
    } else {
        b[0] = m->x0, b[1] = m->x1, b[2] = m->y0, b[3] = m->y1;
    }
    *x0 = b[0], *x1 = b[1], *y0 = b[2], *y1 = b[3];
}

void pose_move_reach_at(const PoseMove *m, AnimMode mode, int anim_ms, int anim_length_ms, int rep_hold_ms, float y,
                        float *x0, float *x1)
{
    *x0 = 1e9f, *x1 = -1e9f;
    if (!m->sample_reach)
        return;
    int level = (int)floorf(y / POSE_REACH_STEP); /* at or below y: parts a little lower count too */
    level = level < 0 ? 0 : level >= POSE_REACH_LEVELS ? POSE_REACH_LEVELS - 1 : level;
    int r[2][2], n = pose_framed_ranges(m, mode, anim_ms, anim_length_ms, rep_hold_ms, r);
    for (int i = 0; i < n; i++)
        for (int k = r[i][0] < 0 ? 0 : r[i][0]; k <= r[i][1] && k < m->meta.frames; k++) {
            const short *e = &m->sample_reach[((size_t)k * POSE_REACH_LEVELS + (size_t)level) * 2];
            if (e[0] <= e[1])
                *x0 = fminf(*x0, (float)e[0] / POSE_REACH_UNIT), *x1 = fmaxf(*x1, (float)e[1] / POSE_REACH_UNIT);
        }
}

bool pose_move_pair_cut(const PoseMove *m, int k)
{
    if (k < 0 || k + 1 >= m->meta.frames)
        return true;
    const Pose *a = &m->samples[k], *b = &m->samples[k + 1];
    return a->v[POSE_FLIP] != b->v[POSE_FLIP] || a->v[POSE_CHAIR] != b->v[POSE_CHAIR] ||
           (m->sample_cut && m->sample_cut[k]);
}

/* The pose drawn u (0..1) of the way from sample a to its neighbour b (b == a or a + 1) into *p:
 * eased joint by joint, or the nearer sample where the pair is a cut (pose_move_pair_cut). Returns
 * the sample it rests on: the nearer one, whose contacts and paint order it takes. */
static int pose_move_blend(const PoseMove *m, int a, int b, float u, Pose *p)
{
    int near = u < 0.5f ? a : b;
    if (a == b || pose_move_pair_cut(m, a < b ? a : b)) {
        *p = m->samples[near]; /* exactly: a + (b - a) * 1 need not be b */
        return near;
    }
    const Pose *pa = &m->samples[a], *pb = &m->samples[b];
    for (int k = 0; k < POSE_PARAM_COUNT; k++)
        p->v[k] = pa->v[k] + (pb->v[k] - pa->v[k]) * u;
    return near;
}

/* The grounded figure drawn u of the way from sample a to b (pose_move_blend), near and far
 * swapped when swap; *pose and *contacts (may be NULL): its pose and required contacts, swapped too. */
static void pose_move_blend_figure(const PoseMove *m, int a, int b, float u, bool swap, PoseFigure *fig, Pose *pose,
                                   unsigned *contacts)
{
    Pose p;
    int near = pose_move_blend(m, a, b, u, &p);
    unsigned c = m->sample_contacts[near];
    pose_move_grounded(m, &p, c, &m->sample_order[(size_t)near * POSE_ORDER_COUNT], swap, fig);
    if (swap)
        pose_move_other_side(m, &p), c = pose_contacts_swapped(c);
    if (pose)
        *pose = p;
    if (contacts)
        *contacts = c;
}

void pose_move_figure_at(const PoseMove *m, AnimMode mode, int anim_ms, int anim_length_ms, int rep_hold_ms, bool swap,
                         PoseFigure *fig)
{
    SheetFrame f;
    sheet_frame_at(&m->meta, mode, anim_ms, anim_length_ms, rep_hold_ms, &f);
    pose_move_blend_figure(m, f.a, f.b, f.blend, swap, fig, NULL, NULL);
}

/* The pose drawn at moment `at` of m (near and far swapped as at->draw says), with the contacts
 * and paint order (in buf when it is the other side's, turned away) of the sample it rests on. */
static const int *pose_moment(const PoseMove *m, const PoseMoment *at, Pose *p, unsigned *contacts,
                              int buf[POSE_ORDER_COUNT])
{
    SheetFrame f;
    sheet_frame_at(&m->meta, at->mode, at->anim_ms, at->anim_length_ms, at->rep_hold_ms, &f);
    int near = pose_move_blend(m, f.a, f.b, f.blend, p);
    const int *order = &m->sample_order[(size_t)near * POSE_ORDER_COUNT];
    *contacts = m->sample_contacts[near];
    if (!at->draw.swap)
        return order;
    pose_move_other_side(m, p), *contacts = pose_contacts_swapped(*contacts);
    return pose_move_other_order(m, order, buf);
}

/* How far m's figure at moment `at` is seen from behind as pose_move_figure_at draws it
 * (PoseFigure.away): a side turned away (`other_side away`) as far as its keyed look turns, any
 * other as far as its drawn head turns away. */
static float pose_moment_away(const PoseMove *m, const PoseMoment *at)
{
    SheetFrame f;
    Pose p;
    sheet_frame_at(&m->meta, at->mode, at->anim_ms, at->anim_length_ms, at->rep_hold_ms, &f);
    pose_move_blend(m, f.a, f.b, f.blend, &p);
    if (at->draw.swap && m->file.other_side == POSE_OTHER_AWAY)
        return pose_keyed_away(&p);
    if (at->draw.swap)
        pose_move_other_side(m, &p);
    float look = p.v[POSE_LOOK] * 3.14159265f / 180.0f;
    return look < -1.5707963f ? 1.0f : look < 0.0f ? -sinf(look) : 0.0f;
}

/* The pose eased e (0..1, eased already) of the way from pa to pb into *q (pose_moves_blend). With
 * tuck, the elbows out (`spread`) lead when they go out and lag when they come in (cubic), the
 * shoulders the other way round (quadratic), so an arm swings short in profile: the folded arms
 * under the forehead (rest_on_front: elbows out, the upper arm short and steep) turn to arms long
 * on the mat (superman's overhead) first flattening at the shoulder, then reaching out, and back
 * the same way, never through the mat (eased plainly, the forearms went 0.009 H below it). */
static void pose_ease_between(const Pose *pa, const Pose *pb, float e, bool tuck, Pose *q)
{
    for (int k = 0; k < POSE_PARAM_COUNT; k++)
        q->v[k] = pa->v[k] + (pb->v[k] - pa->v[k]) * e;
    if (tuck) {
        bool out = fabsf(pb->v[POSE_SPREAD]) > fabsf(pa->v[POSE_SPREAD]);
        float s = out ? 1.0f - (1.0f - e) * (1.0f - e) * (1.0f - e) : e * e * e;
        float lead = out ? e * e : 1.0f - (1.0f - e) * (1.0f - e);
        q->v[POSE_SPREAD] = pa->v[POSE_SPREAD] + (pb->v[POSE_SPREAD] - pa->v[POSE_SPREAD]) * s;
        for (int k = POSE_SHOULDER_N; k <= POSE_SHOULDER_F; k++)
            q->v[k] = pa->v[k] + (pb->v[k] - pa->v[k]) * lead;
    }
    q->v[POSE_FLIP] = pb->v[POSE_FLIP]; /* the chair (a prop) only when both have it: a standing figure
                                          beside it, then one without */
    q->v[POSE_CHAIR] = fminf(pa->v[POSE_CHAIR], pb->v[POSE_CHAIR]);
    /* the head over the near arm while either has it: switched where the other is drawn as it is
     * (the press-up's own figure, whose arm barely meets the head), not half-way as the arm
     * slides past the face, where the face popped out from behind it */
    q->v[POSE_HEAD_OVER] = fmaxf(pa->v[POSE_HEAD_OVER], pb->v[POSE_HEAD_OVER]);
}

/* How far pose q, standing on the lowest of contacts, breaks the contact rule (H): a part below
 * the mat, or one of contacts above it. */
static float pose_eased_fault(const Pose *q, const int *order, unsigned contacts)
{
    PoseFigure fig;
    float low[CONTACT_COUNT];
    pose_figure_build(q, order, &fig);
    float ground = pose_figure_ground(&fig, contacts, low), worst = ground - pose_figure_ground(&fig, 0u, low);
    for (int c = 0; c < CONTACT_COUNT; c++)
        if (contacts & (1u << c))
            worst = fmaxf(worst, low[c] - ground);
    return worst;
}

/* The limbs pose_limbs_to_mat turns: the joint at the root and at the end, the group, and the
 * contacts of its parts. */
static const struct {
    int root, end, group;
    unsigned parts;
} pose_limbs[] = {
    {POSE_SHOULDER_N, POSE_WRIST_N, POSE_GROUP_NEAR_ARM,
     1u << CONTACT_NEAR_HAND | 1u << CONTACT_NEAR_FOREARM | 1u << CONTACT_NEAR_SHOULDER},
    {POSE_SHOULDER_F, POSE_WRIST_F, POSE_GROUP_FAR_ARM,
     1u << CONTACT_FAR_HAND | 1u << CONTACT_FAR_FOREARM | 1u << CONTACT_FAR_SHOULDER},
    {POSE_HIP_N, POSE_ANKLE_N, POSE_GROUP_NEAR_LEG,
     1u << CONTACT_NEAR_KNEE | 1u << CONTACT_NEAR_FOOT | 1u << CONTACT_NEAR_THIGH | 1u << CONTACT_NEAR_HEEL |
         1u << CONTACT_NEAR_TOES},
    {POSE_HIP_F, POSE_ANKLE_F, POSE_GROUP_FAR_LEG,
     1u << CONTACT_FAR_KNEE | 1u << CONTACT_FAR_FOOT | 1u << CONTACT_FAR_THIGH | 1u << CONTACT_FAR_HEEL |
         1u << CONTACT_FAR_TOES},
};
#define POSE_LIMB_COUNT ((int)(sizeof pose_limbs / sizeof pose_limbs[0]))
#define POSE_LIMB_TURN_DEG 60.0f /* the most a limb is turned at a joint to rest on the mat */
#define POSE_TORSO_CONTACTS (1u << CONTACT_HEAD | 1u << CONTACT_BACK | 1u << CONTACT_PELVIS)

/* Pose q (built in order) measured against the ground its torso's contacts among contacts rest
 * on, for each limb l: low[l], the lowest point of the limb (all its parts), and kept[l], the
 * lowest of its parts that are in contacts (1e9 when none is), H above that ground. */
static void pose_limbs_low(const Pose *q, const int *order, unsigned contacts, float low[POSE_LIMB_COUNT],
                           float kept[POSE_LIMB_COUNT])
{
    PoseFigure fig;
    float c_low[CONTACT_COUNT];
    pose_figure_build(q, order, &fig);
    float ground = pose_figure_ground(&fig, contacts & POSE_TORSO_CONTACTS, c_low);
    for (int l = 0; l < POSE_LIMB_COUNT; l++) {
        low[l] = kept[l] = 1e9f;
        for (int c = 0; c < CONTACT_COUNT; c++)
            if (contacts & pose_limbs[l].parts & (1u << c))
                kept[l] = fminf(kept[l], c_low[c] - ground);
    }
    for (int g = 0; g < fig.count; g++) {
        const PoseGroup *gr = &fig.groups[g];
        int id = gr->id == POSE_GROUP_NEAR_SHIN  ? POSE_GROUP_NEAR_LEG
                 : gr->id == POSE_GROUP_FAR_SHIN ? POSE_GROUP_FAR_LEG
                                                 : gr->id;
        for (int l = 0; l < POSE_LIMB_COUNT; l++)
            for (int i = 0; id == pose_limbs[l].group && i < gr->count; i++)
                low[l] =
                    fminf(low[l], fminf(gr->parts[i].ay - gr->parts[i].ra, gr->parts[i].by - gr->parts[i].rb) - ground);
    }
}

/* An eased limb kept on the mat, not through it (pose_moves_blend's last try): each limb of pose
 * q (built in order) that goes below the ground its torso rests on (contacts: the head, back or
 * pelvis among them), or whose contacts (a hand, a foot) are kept there and lift off it, is turned
 * at its root (shoulder, hip) as little as it takes to rest its lowest point on the mat, and at its
 * end (wrist, ankle) as little as it takes to lay the kept part down there (a hand on its heel, its
 * fingers up, laid flat): the hands slide forward on the mat from beside the face to overhead, as
 * a person's do, instead of swinging through it. Newton's method on those angles, every limb at
 * once (a limb's height hangs on its own joints only). A limb below the mat that keeps no contact
 * is lifted by its root, its middle (elbow, knee) and its end at once, each as much as it lifts
 * (the least turn of the three): by its root alone, an arm hanging near straight down (the spinal
 * twist's hooking arm coming down beside the hip) lifted its hand barely either way, so 0.002 H
 * under the mat took an 11 degree turn at the shoulder, forward in one eased frame and back in the
 * next. No torso contact: q as it was. */
static void pose_limbs_to_mat(Pose *q, const int *order, unsigned contacts)
{
    if (!(contacts & POSE_TORSO_CONTACTS))
        return;
    const Pose eased = *q;
    const float tol = POSE_CONTACT_TOL_H * 0.2f, d = 0.5f; /* d: the finite difference, degrees */
    for (int it = 0; it < 8; it++) {
        float low[POSE_LIMB_COUNT], kept[POSE_LIMB_COUNT], lu[POSE_LIMB_COUNT], ku[POSE_LIMB_COUNT];
        pose_limbs_low(q, order, contacts, low, kept);
        bool root[POSE_LIMB_COUNT], end[POSE_LIMB_COUNT], any = false;
        for (int l = 0; l < POSE_LIMB_COUNT; l++) {
            bool has = kept[l] < 1e8f;
            root[l] = low[l] < -tol || (has && low[l] > tol);
            end[l] = has && kept[l] - low[l] > tol;
            any = any || root[l] || end[l];
        }
        if (!any)
            return;
        Pose t = *q;
        for (int l = 0; l < POSE_LIMB_COUNT; l++)
            t.v[pose_limbs[l].root] += d;
        pose_limbs_low(&t, order, contacts, lu, ku);
        float root_slope[POSE_LIMB_COUNT];
        for (int l = 0; l < POSE_LIMB_COUNT; l++)
            root_slope[l] = (lu[l] - low[l]) / d;
        t = *q;
        for (int l = 0; l < POSE_LIMB_COUNT; l++)
            t.v[pose_limbs[l].end] += d;
        pose_limbs_low(&t, order, contacts, lu, ku);
        float mid_slope[POSE_LIMB_COUNT], mu[POSE_LIMB_COUNT], mk[POSE_LIMB_COUNT];
        t = *q;
        for (int l = 0; l < POSE_LIMB_COUNT; l++)
            t.v[pose_limbs[l].root + 2] += d; /* the elbow, the knee */
        pose_limbs_low(&t, order, contacts, mu, mk);
        for (int l = 0; l < POSE_LIMB_COUNT; l++)
            mid_slope[l] = (mu[l] - low[l]) / d;
        for (int l = 0; l < POSE_LIMB_COUNT; l++) {
            float end_slope = (ku[l] - lu[l] - (kept[l] - low[l])) / d, lift_slope = (lu[l] - low[l]) / d;
            int joint[3] = {pose_limbs[l].root, pose_limbs[l].end, pose_limbs[l].root + 2};
            float step[3] = {root[l] && fabsf(root_slope[l]) > 1e-5f ? -low[l] / root_slope[l] : 0.0f,
                             end[l] && fabsf(end_slope) > 1e-5f ? -(kept[l] - low[l]) / end_slope : 0.0f, 0.0f};
            float norm = root_slope[l] * root_slope[l] + lift_slope * lift_slope + mid_slope[l] * mid_slope[l];
            if (kept[l] >= 1e8f && low[l] < -tol && norm > 1e-10f) { /* free, under the mat: the least turn */
                step[0] = -low[l] * root_slope[l] / norm, step[1] = -low[l] * lift_slope / norm;
                step[2] = -low[l] * mid_slope[l] / norm;
            }
            for (int j = 0; j < 3; j++) {
                float *a = &q->v[joint[j]], from = eased.v[joint[j]];
                *a = fmaxf(from - POSE_LIMB_TURN_DEG,
                           fminf(from + POSE_LIMB_TURN_DEG, *a + fmaxf(-15.0f, fminf(15.0f, step[j]))));
            }
        }
    }
}

#define POSE_BLEND_PROBES 16 /* eased poses tried before easing two figures into each other */

/* The turns pose_limbs_to_mat gives pose pa eased to probe k of POSE_BLEND_PROBES on its way to
 * pb (as pose_slide_between) into turn; none at the two ends and beyond. */
static void pose_slide_probe(const Pose *pa, const Pose *pb, int k, bool tuck, const int *oa, const int *ob, float half,
                             unsigned contacts, float turn[POSE_PARAM_COUNT])
{
    for (int j = 0; j < POSE_PARAM_COUNT; j++)
        turn[j] = 0.0f;
    if (k <= 0 || k >= POSE_BLEND_PROBES)
        return;
    Pose eased, slid;
    float e = pose_ease((float)k / POSE_BLEND_PROBES);
    pose_ease_between(pa, pb, e, tuck, &eased);
    slid = eased;
    pose_limbs_to_mat(&slid, e < half ? oa : ob, contacts);
    for (int j = 0; j < POSE_PARAM_COUNT; j++)
        turn[j] = slid.v[j] - eased.v[j];
}

/* Pose q, eased u (0..1, not eased yet) of the way from pa to pb (tuck: as pose_ease_between),
 * slid onto the mat (pose_limbs_to_mat, painted in oa before half, else ob). A limb keeping a
 * contact is solved at u, its hand or foot kept on the mat. A free limb (none of its parts among
 * contacts) is turned as the probes around u turn it (POSE_BLEND_PROBES, at u = k / 16: none at
 * the two ends): each probe's largest turn among itself and its two neighbours, so a turn begins a
 * probe early and ends a probe late, eased over three probes (1/4, 1/2, 1/4) and between two in
 * u, so its joints turn a little from frame to frame. Solved at u itself, a free limb's turns
 * followed whichever of its parts was lowest and how far the solve stopped short of the mat: the
 * spinal twist's hooking arm, coming down from the knee to hang beside the hip, at most 0.006 H
 * into the mat, jumped 0.08-0.28 stage heights in one eased frame (0.02 now). Between probes a
 * part may dip under the mat by a hair (0.0002 H there; pose_moves_blend lifts the figure by it). */
static void pose_slide_between(const Pose *pa, const Pose *pb, float u, bool tuck, const int *oa, const int *ob,
                               float half, unsigned contacts, const int *order, Pose *q)
{
    Pose solved = *q;
    pose_limbs_to_mat(&solved, order, contacts);
    float at = (u < 0.0f ? 0.0f : u > 1.0f ? 1.0f : u) * POSE_BLEND_PROBES;
    int k = (int)at;
    float f = at - (float)k, turn[6][POSE_PARAM_COUNT];
    for (int i = 0; i < 6; i++)
        pose_slide_probe(pa, pb, k - 2 + i, tuck, oa, ob, half, contacts, turn[i]);
    for (int l = 0; l < POSE_LIMB_COUNT; l++)
        for (int j = pose_limbs[l].root; j <= pose_limbs[l].end; j += 2) { /* root, middle, end */
            if (contacts & pose_limbs[l].parts) {
                q->v[j] = solved.v[j];
                continue;
            }
            float most[4]; /* probes k - 1 .. k + 2: the largest turn of each and its two neighbours */
            for (int i = 0; i < 4; i++) {
                most[i] = turn[i + 1][j];
                for (int n = i; n <= i + 2; n += 2)
                    most[i] = fabsf(turn[n][j]) > fabsf(most[i]) ? turn[n][j] : most[i];
            }
            float lo = (most[0] + 2.0f * most[1] + most[2]) * 0.25f;
            float hi = (most[1] + 2.0f * most[2] + most[3]) * 0.25f;
            q->v[j] += lo + (hi - lo) * f;
        }
}

#define POSE_WAY_MET_H 0.03f /* a way starting this near the figure before (H, any part's end): not eased */

/* Whether m is a way from one position to another (moves.h WAYS). */
static bool pose_move_is_way(const PoseMove *m)
{
    return moves_way_from(moves_find(m->file.move, (int)strlen(m->file.move))) != POSITION_NONE;
}

/* How far two parts' round cones overlap (H; 0 when apart): their radii less the distance between
 * their axes, at five points along p. */
static float pose_parts_overlap(const PosePart *p, const PosePart *q)
{
    float most = 0.0f, dx = q->bx - q->ax, dy = q->by - q->ay, l2 = dx * dx + dy * dy;
    for (int i = 0; i <= 4; i++) {
        float t = (float)i / 4.0f, x = p->ax + (p->bx - p->ax) * t, y = p->ay + (p->by - p->ay) * t;
        float f = l2 > 1e-10f ? ((x - q->ax) * dx + (y - q->ay) * dy) / l2 : 0.0f;
        f = f < 0.0f ? 0.0f : f > 1.0f ? 1.0f : f;
        float over =
            p->ra + (p->rb - p->ra) * t + q->ra + (q->rb - q->ra) * f - hypotf(x - q->ax - dx * f, y - q->ay - dy * f);
        most = over > most ? over : most;
    }
    return most;
}

/* How much the groups that orders oa and ob stack differently overlap in fig (H, summed over their
 * parts' pairs): what changes in front when the order goes from one to the other. */
static float pose_orders_overlap(const PoseFigure *fig, const int *oa, const int *ob)
{
    enum { IDS = POSE_GROUP_FAR_SHIN + 1 };
    int at_a[IDS], at_b[IDS];
    for (int i = 0; i < IDS; i++)
        at_a[i] = at_b[i] = -1;
    for (int i = 0; i < POSE_ORDER_COUNT; i++)
        at_a[oa[i]] = i, at_b[ob[i]] = i;
    float over = 0.0f;
    for (int g = 0; g < fig->count; g++)
        for (int h = g + 1; h < fig->count; h++) {
            const PoseGroup *x = &fig->groups[g], *y = &fig->groups[h];
            if (x->flat || y->flat || x->id < 0 || y->id < 0 || x->id >= IDS || y->id >= IDS || x->id == y->id ||
                at_a[x->id] < 0 || at_a[y->id] < 0 || at_b[x->id] < 0 || at_b[y->id] < 0 ||
                (at_a[x->id] < at_a[y->id]) == (at_b[x->id] < at_b[y->id]))
                continue;
            for (int i = 0; i < x->count; i++)
                for (int j = 0; j < y->count; j++)
                    over += pose_parts_overlap(&x->parts[i], &y->parts[j]);
        }
    return over;
}

/* Where, in the ease e (0..1) from pose pa painted in order oa to pb in ob (tuck: as
 * pose_ease_between; contacts: those both keep), pose_moves_blend goes over from a's order to
 * b's, at one of its probes (POSE_BLEND_PROBES), nearest half-way among equals: half-way when the
 * orders are the same; from or to a side turned away (away_a, away_b: `other_side away`, its groups
 * painted back to front with the near arm over the back, pose_away_near_arm), where the eased body
 * is nearest to profile (the least trunk turn, then head turn), as a side turned away is drawn to
 * look as the other side does there; else where the groups the orders stack differently overlap
 * least (the spinal twist's legs uncrossing). At half-way, eased from the seated twist turned away
 * into its other side's start, its torso and both sleeves went from behind to in front of each
 * other in one frame, the shirt from a back to a chest (physio review s30). */
static float pose_order_switch(const Pose *pa, const Pose *pb, bool tuck, const int *oa, const int *ob, bool away_a,
                               bool away_b, unsigned contacts)
{
    if (away_a == away_b && memcmp(oa, ob, sizeof oa[0] * POSE_ORDER_COUNT) == 0)
        return 0.5f;
    float best = 0.5f, least = 1e9f;
    bool turned = away_a != away_b; /* its ends too: a side's start is in profile */
    for (int k = turned ? 0 : 1; k <= (turned ? POSE_BLEND_PROBES : POSE_BLEND_PROBES - 1); k++) {
        float e = (float)k / POSE_BLEND_PROBES, cost;
        Pose q;
        pose_ease_between(pa, pb, e, tuck, &q);
        if (turned) {
            cost = fabsf(q.v[POSE_TWIST]) + 0.01f * fabsf(q.v[POSE_LOOK]);
        } else {
            PoseFigure f;
            pose_grounded_figure(&q, contacts, oa, 0u, &f);
            cost = pose_orders_overlap(&f, oa, ob);
        }
        if (cost < least - 1e-3f || (cost < least + 1e-3f && fabsf(e - 0.5f) < fabsf(best - 0.5f)))
            least = cost, best = e;
    }
    return best;
}

bool pose_moves_blend(const PoseMove *a, const PoseMoment *at_a, const PoseMove *b, const PoseMoment *at_b, float u,
                      PoseFigure *fig, unsigned *required)
{
    Pose pa, pb, q;
    unsigned ca, cb;
    int buf_a[POSE_ORDER_COUNT], buf_b[POSE_ORDER_COUNT];
    const int *oa = pose_moment(a, at_a, &pa, &ca, buf_a), *ob = pose_moment(b, at_b, &pb, &cb, buf_b);
    /* a way (moves.h WAYS) moves from its first moment at its own pace: eased in as its own move
     * from where it was when the easing began plus what that start is off from a's pose, the
     * offset fading (pose_ease_between from a's pose to the way's start, both still, and the way's
     * motion since added), standing on the contacts a's pose, the way's start and the way now all
     * keep. Eased plainly towards the moving way, the pair's probes and contacts changed from
     * frame to frame: contacts lifted 2-20 px, the easing dropped out and in. Where the way starts
     * within POSE_WAY_MET_H of a's figure there is nothing to ease: drawn as the way. */
    Pose pb_now = pb, pb0 = pb;
    unsigned cb_now = cb;
    bool way = pose_move_is_way(b);
    if (way) {
        PoseMoment at0 = *at_b;
        at0.anim_ms -= (int)((u < 0.0f ? 0.0f : u > 1.0f ? 1.0f : u) * (float)SESSION_BLEND_MS + 0.5f);
        if (at0.anim_ms < 0)
            at0.anim_ms = 0;
        unsigned c0;
        int buf0[POSE_ORDER_COUNT];
        const int *o0 = pose_moment(b, &at0, &pb0, &c0, buf0);
        PoseFigure fa, f0;
        pose_grounded_figure(&pa, ca, oa, 0u, &fa);
        pose_grounded_figure(&pb0, c0, o0, 0u, &f0);
        if (pose_figures_apart(&fa, &f0) < POSE_WAY_MET_H)
            return false;
        pb = pb0, cb &= c0;
    }
    bool flip_a = pa.v[POSE_FLIP] >= 0.5f, flip_b = pb.v[POSE_FLIP] >= 0.5f;
    bool across = (flip_a != at_a->draw.mirror) != (flip_b != at_b->draw.mirror);
    if (across && !pose_move_faces_viewer(b))
        return false;
    unsigned contacts = ca & cb;
    /* eased joint by joint, a limb may swing through the mat on its way (folded arms to hands under
     * the shoulders), or a contact both keep lift off it (the feet, as the hips turn): such a pair
     * is not eased at all (drawn as b, a cut, as the samples of a way whose blends would float).
     * Where the elbows go out or in, the arms are tried tucked too (pose_ease_between) */
    bool tuck = false, slide = false, eased = false;
    for (int t = 0; t < 3 && !eased; t++) {
        tuck = t == 1, slide = t == 2;
        if (tuck && pa.v[POSE_SPREAD] == pb.v[POSE_SPREAD])
            continue;
        eased = true;
        for (int k = 1; k < POSE_BLEND_PROBES && eased; k++) {
            const int *o = (float)k / POSE_BLEND_PROBES < 0.5f ? oa : ob;
            pose_ease_between(&pa, &pb, pose_ease((float)k / POSE_BLEND_PROBES), tuck, &q);
            if (slide)
                pose_limbs_to_mat(&q, o, contacts);
            eased = pose_eased_fault(&q, o, contacts) <= POSE_CONTACT_TOL_H;
        }
    }
    if (!eased)
        return false;
    float e = pose_ease(u < 0.0f ? 0.0f : u > 1.0f ? 1.0f : u);
    bool away_a = at_a->draw.swap && a->file.other_side == POSE_OTHER_AWAY;
    bool away_b = at_b->draw.swap && b->file.other_side == POSE_OTHER_AWAY;
    float half = pose_order_switch(&pa, &pb, tuck, oa, ob, away_a, away_b, contacts);
    const int *order = e < half ? oa : ob;
    pose_ease_between(&pa, &pb, e, tuck, &q);
    if (slide)
        pose_slide_between(&pa, &pb, u, tuck, oa, ob, half, contacts, order, &q);
    if (way) { /* the way's own motion since the easing began */
        for (int k = 0; k < POSE_PARAM_COUNT; k++)
            q.v[k] += pb_now.v[k] - pb0.v[k];
        pb = pb_now;
        /* the offset may tilt what the way plants a little (a foot 2.4 px off the mat, one leg
         * stepping as the other stands): the solver puts it back, moving the joints as little */
        if (e > 0.0f && e < 1.0f && pose_eased_fault(&q, order, contacts) > POSE_CONTACT_TOL_H) {
            Pose keyed = q;
            pose_solve(&q, NULL, order, contacts, NULL);
            /* the solver may stall where two contacts tie for the ground (one foot's ball level
             * with the other's, its heel 5 px up: standing_extension's feet side by side eased into
             * the way's staggered step): solved again from the legs half and then all the way
             * turned to the way's own (whose feet are down), still pulled to the eased pose */
            for (int t = 1; t <= 2 && pose_eased_fault(&q, order, contacts) > POSE_CONTACT_TOL_H; t++) {
                Pose guess = keyed;
                for (int k = POSE_HIP_N; k <= POSE_ANKLE_F; k++)
                    guess.v[k] += (pb_now.v[k] - keyed.v[k]) * 0.5f * (float)t;
                Pose r = keyed;
                pose_solve(&r, &guess, order, contacts, NULL);
                if (pose_eased_fault(&r, order, contacts) < pose_eased_fault(&q, order, contacts))
                    q = r;
            }
        }
    }
    if (e <= 0.0f)
        q = pa, q.v[POSE_FLIP] = pb.v[POSE_FLIP], contacts = ca; /* a's (a flip mirrors about the hip) */
    else if (e >= 1.0f)
        q = pb, contacts = cb_now;
    if (across) /* b faces the viewer, keyed symmetric where it starts: turned to face it in a's picture */
        q.v[POSE_FLIP] = q.v[POSE_FLIP] >= 0.5f ? 0.0f : 1.0f;
    unsigned hl = at_b->draw.swap ? pose_highlight_swapped(b->file.highlight) : b->file.highlight;
    pose_grounded_figure(&q, contacts, order, hl, fig);
    /* seen from behind as each end is drawn on its own, eased as the joints are: read from the
     * eased head (turned on past the back on a side turned away), a twist eased in mid-turn (a Skip
     * on its way in) showed its shirt as a back in one frame where it had been half a chest (physio
     * review s30: the seated twist's from 0.34 to 0.88) */
    float seen_a = pose_moment_away(a, at_a), seen_b = pose_moment_away(b, at_b);
    fig->away = e <= 0.0f ? seen_a : e >= 1.0f ? seen_b : seen_a + (seen_b - seen_a) * e;
    if (e < half ? away_a : away_b) /* painted in the order of a side turned away */
        pose_away_near_arm(&q, fig); /* as the side turned away is drawn on its own */
    if (required)
        *required = contacts;
    float low[CONTACT_COUNT], under = pose_figure_ground(fig, 0u, low);
    if (contacts != 0u && under < 0.0f && e > 0.0f && e < 1.0f) /* between the probes: nothing sinks */
        pose_figure_shift(fig, 0.0f, -under);
    return true;
}

void pose_move_blend_at(const PoseMove *m, int k, float u, bool swap, PoseFigure *fig)
{
    int b = k + 1 < m->meta.frames ? k + 1 : k;
    pose_move_blend_figure(m, k, b, u, swap, fig, NULL, NULL);
}

/* ---- the contact rules ---- */

/* Check the figure drawn u of the way from sample k to k2 (k2 == k: sample k; else k + 1) as it is
 * keyed or, when swap, near and far swapped; faults are added to buf (n bytes of size written so
 * far, *faults of them) with `label` after each. */
static void pose_check_side(const PoseMove *m, int k, int k2, float u, bool swap, const char *label, char *buf,
                            size_t size, size_t *written, int *fault_count, float *highest)
{
    unsigned contacts; /* the nearer sample's: its section's, or a later `contacts` line's */
    Pose p;
    PoseFigure fig;
    float low[CONTACT_COUNT];
    pose_move_blend_figure(m, k, k2, u, swap, &fig, &p, &contacts);
    float ground = pose_figure_ground(&fig, contacts, low);
    int faults = *fault_count;
    size_t n = *written;
#define POSE_FAULT(...)                                                                                                \
    do {                                                                                                               \
        faults++;                                                                                                      \
        if (n < size)                                                                                                  \
            n += (size_t)snprintf(buf + n, size - n, "%s", faults > 1 ? ";" : "");                                     \
        if (n < size)                                                                                                  \
            n += (size_t)snprintf(buf + n, size - n, __VA_ARGS__);                                                     \
        if (n < size)                                                                                                  \
            n += (size_t)snprintf(buf + n, size - n, "%s", label);                                                     \
    } while (0)
    for (int c = 0; c < CONTACT_COUNT; c++) {
        if (!(contacts & (1u << c)))
            continue;
        float h = low[c] - ground;
        if (highest && h > *highest)
            *highest = h;
        if (h > POSE_CONTACT_TOL_H)
            POSE_FAULT(" %s %.1f px off the mat", pose_contact_name(c), (double)(h / POSE_CONTACT_TOL_H * 2.0f));
    }
    for (int g = 0; g < fig.count; g++)
        for (int i = 0; i < fig.groups[g].count && !fig.groups[g].flat; i++) {
            const PosePart *q = &fig.groups[g].parts[i];
            float depth = ground - fminf(q->ay - q->ra, q->by - q->rb);
            if (!q->clip && depth > POSE_CONTACT_TOL_H)
                POSE_FAULT(" %s%s %.1f px below the mat", fig.groups[g].name, q->name,
                           (double)(depth / POSE_CONTACT_TOL_H * 2.0f));
            float into = pose_chair_depth(&fig, &fig.groups[g], q, ground);
            if (into > POSE_CONTACT_TOL_H)
                POSE_FAULT(" %s%s %.1f px into the chair", fig.groups[g].name, q->name,
                           (double)(into / POSE_CONTACT_TOL_H * 2.0f));
        }
    for (int g = 0; g < fig.count && fig.chair && (contacts & (1u << CONTACT_PELVIS)); g++)
        for (int i = 0; i < fig.groups[g].count; i++) { /* the pelvis sits on the seat, not beside it */
            const PosePart *q = &fig.groups[g].parts[i];
            float x = q->ay - q->ra <= q->by - q->rb ? q->ax : q->bx;
            if (part_contact(&fig.groups[g], q) == CONTACT_PELVIS && (x < POSE_CHAIR_BACK_X || x > POSE_CHAIR_FRONT_X))
                POSE_FAULT(" pelvis beside the seat");
        }
    for (int j = POSE_KNEE_N; j <= POSE_KNEE_F; j++)
        if (p.v[j] < -1.0f)
            POSE_FAULT(" %s knee bent backwards", j == POSE_KNEE_N ? "near" : "far");
    for (int j = POSE_ELBOW_N; j <= POSE_ELBOW_F; j++)
        if (p.v[j] < -5.0f)
            POSE_FAULT(" %s elbow bent backwards", j == POSE_ELBOW_N ? "near" : "far");
#undef POSE_FAULT
    *written = n, *fault_count = faults;
}

/* The pose drawn u of the way from sample k to k2, checked on its contacts (and the other side,
 * drawn swapped, of a move that has one): the number of faults, described into buf. */
static int check_drawn_pose(const PoseMove *m, int k, int k2, float u, char *buf, size_t size, float *highest)
{
    int faults = 0;
    size_t n = 0;
    char none[1];
    if (!buf || size == 0)
        buf = none, size = sizeof none;
    buf[0] = '\0';
    pose_check_side(m, k, k2, u, false, "", buf, size, &n, &faults, highest);
    if (m->file.side != SIDES_NONE && m->file.other_side != POSE_OTHER_MIRROR) /* the other side, drawn swapped */
        pose_check_side(m, k, k2, u, true, " (other side)", buf, size, &n, &faults, highest);
    return faults;
}

int pose_move_check_sample(const PoseMove *m, int k, char *buf, size_t size, float *highest)
{
    return check_drawn_pose(m, k, k, 0.0f, buf, size, highest);
}

int pose_move_check_blend(const PoseMove *m, int k, float u, char *buf, size_t size, float *highest)
{
    return check_drawn_pose(m, k, k + 1 < m->meta.frames ? k + 1 : k, u, buf, size, highest);
}

/* Mark each neighbouring pair of samples whose eased poses between would not rest on the mat as a
 * cut (m->sample_cut, 0 before): such a pair is drawn as one sample, then the other (30 distinct
 * poses a second), never as a pose between. A pair of two sections is never eased (sheet.h's
 * ranges lie in one section). Tried at a quarter, just short of half (resting on the first
 * sample), half (on the second) and three quarters: a blend strays from the sample it rests on
 * the more the further it is from it, so its worst lies at the half on either side. */
/* Mark the pairs never eased; false when stop said to stop (checked between two pairs). */
static bool pose_move_find_cuts(PoseMove *m, PoseStop stop, void *ctx)
{
    static const float at[] = {0.25f, 0.4999f, 0.5f, 0.75f};
    for (int k = 0; k + 1 < m->meta.frames; k++) {
        if (stop && stop(ctx))
            return false;
        if (m->sample_section[k] != m->sample_section[k + 1]) {
            m->sample_cut[k] = 1;
            continue;
        }
        if (pose_move_pair_cut(m, k))
            continue; /* a flip or a chair: never eased */
        float highest = 0.0f;
        for (size_t i = 0; i < sizeof at / sizeof at[0] && !m->sample_cut[k]; i++)
            m->sample_cut[k] = pose_move_check_blend(m, k, at[i], NULL, 0, &highest) > 0;
        /* near the limit there (a contact more than 1 px off): every sixteenth of the way */
        for (int i = 1; i < 16 && !m->sample_cut[k] && highest > 0.5f * POSE_CONTACT_TOL_H; i++)
            m->sample_cut[k] = pose_move_check_blend(m, k, (float)i / 16.0f, NULL, 0, NULL) > 0;
    }
    return true;
}

int pose_move_check_drawn(const PoseMove *m, int k, char *buf, size_t size, float *highest)
{
    char none[1];
    if (!buf || size == 0)
        buf = none, size = sizeof none;
    int faults = pose_move_check_sample(m, k, buf, size, highest);
    for (int i = 0; i <= 20 && !pose_move_pair_cut(m, k); i++) { /* 0.05, 0.10, ..., 0.95 and just short of 0.5 */
        float u = i == 0 ? 0.4999f : (float)i / 20.0f;
        if (i == 20)
            break;
        size_t n = strlen(buf);
        char more[256];
        int f = pose_move_check_blend(m, k, u, more, sizeof more, highest);
        if (f > 0 && n < size)
            snprintf(buf + n, size - n, "%s drawn %.2f of the way to the next sample:%s", faults > 0 ? ";" : "",
                     (double)u, more);
        faults += f;
    }
    return faults;
}

int pose_move_check(const PoseMove *m, const char *path, RoutineErrors *errs)
{
    int bad = 0, first = 0, reported_key = -1;
    for (int k = 0; k < m->meta.frames; k++) {
        if (k > 0 && m->sample_section[k] != m->sample_section[k - 1])
            first = k, reported_key = -1; /* a new section */
        char faults[256];
        if (pose_move_check_drawn(m, k, faults, sizeof faults, NULL) == 0)
            continue;
        bad++;
        const PoseSection *sec = &m->file.sections[m->sample_section[k]];
        int count = k - first; /* samples of this section before k; they run from t = 0 to 1 */
        while (first + count + 1 < m->meta.frames && m->sample_section[first + count + 1] == m->sample_section[k])
            count++;
        float t = count > 0 ? (float)(k - first) / (float)count : 0.0f;
        int key = 0;
        while (key + 1 < sec->key_count && sec->keys[key + 1].t <= t)
            key++;
        if (key == reported_key)
            continue; /* one message for each stretch between keys */
        reported_key = key;
        routine_errors_add(errs, path, sec->keys[key].line, 1, "section %s at %.2f s, after this key:%s", sec->name,
                           (double)(t * sec->seconds), faults);
    }
    return bad;
}

Position pose_file_position(const PoseFile *pf)
{
    if (pf->section_count == 0 || pf->sections[0].key_count == 0)
        return POSITION_STANDING;
    const PoseKey *key = &pf->sections[0].keys[0];
    const Pose *p = &key->pose;
    unsigned knees = (1u << CONTACT_NEAR_KNEE) | (1u << CONTACT_FAR_KNEE), contacts = key->contacts;
    float pelvis = p->v[POSE_PELVIS];
    if (p->v[POSE_CHAIR] >= 0.5f && (contacts & (1u << CONTACT_PELVIS)))
        return POSITION_ON_CHAIR;
    if (pelvis >= 135.0f)
        return POSITION_ON_BACK;
    if (pelvis <= 45.0f)
        return contacts & knees ? POSITION_ALL_FOURS : POSITION_ON_FRONT;
    if (contacts & knees)
        return POSITION_KNEELING;
    if (contacts & (1u << CONTACT_PELVIS))
        return POSITION_SITTING;
    return POSITION_STANDING;
}

void pose_file_hold_ways(const PoseFile *pf, int *in_ms, int *out_ms)
{
    int si = pose_section_find(pf, "intro"), so = pose_section_find(pf, "outro");
    *in_ms = *out_ms = 0;
    if (si >= 0) { /* as sheet.c times the way in: the intro's ms less its setup's share of its samples */
        int ms = (int)lroundf(pf->sections[si].seconds * 1000.0f), span = pose_section_samples(pf, si) - 1;
        int setup = (int)lroundf(pf->ready * (float)span);
        *in_ms = (int)lround(ms * (1.0 - (double)setup / span));
    }
    if (so >= 0)
        *out_ms = (int)lroundf(pf->sections[so].seconds * 1000.0f);
}
