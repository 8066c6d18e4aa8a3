/* pose.h: the figure's pose model, shared by the program (drawn live each frame) and the tools.
 * Parses pose files (docs/sprites.md) from a buffer, eases between keyframes, keeps a section's
 * floor contacts on the mat (a small solver), and builds the figure as round cones in body
 * heights. Pure: no SDL, no I/O, no globals; any bytes are safe to parse. */
#ifndef UNKNOT_POSE_H
#define UNKNOT_POSE_H

#include <stdbool.h>
#include <stddef.h>

#include "routine.h"
#include "sheet.h"

#define POSE_MAX_FILE_BYTES (64 * 1024) /* a pose file is a page of text */
#define POSE_MAX_LINE 512
#define POSE_MAX_KEYS 32 /* keys in one section */
#define POSE_MAX_SECTIONS 4
#define POSE_MAX_SHOWCASE 4
#define POSE_MAX_SECONDS 60.0f /* one section */
#define POSE_MAX_VALUE 1000.0f /* any field, in absolute value: degrees, body heights or 0..1 */
#define POSE_MAX_PARTS 16 /* round cones in one drawn group */
#define POSE_MAX_GROUPS 12
#define POSE_CONTACT_TOL_H 0.0015f /* 2 px of a figure 1333 px tall: stricter than any 1080p stage */
#define POSE_REACH_LEVELS 128 /* heights a sample's reach is kept for (pose_move_reach_at) */
#define POSE_REACH_STEP 0.0125f /* H between two of them: 0 to 1.6 H */
#define POSE_REACH_UNIT 4096.0f /* a reach is kept in 1/4096 H, as a short: 512 bytes a sample */
#define POSE_SAMPLE_FPS 30 /* solved poses a second kept for drawing; eased between when drawn */

/* The chair of a seated move (a key's `chair=1`), in body heights H, standing on the floor (y = 0
 * of a grounded figure) at a fixed place: its seat's front edge 0.10 H in front of x = 0, where a
 * seated figure's hip joint is keyed. A desk chair for a person 1.75 m tall: seat 43 cm high and
 * 45 cm deep, back up to 91 cm. With a chair, the `pelvis` and `thighs` contacts rest on the seat
 * and every other contact on the floor; no part may pass through the seat, and the torso not
 * through the back (an arm may reach past it, at its side). */
#define POSE_CHAIR_SEAT_H 0.245f /* top of the seat above the floor */
#define POSE_CHAIR_SEAT_T 0.032f /* the seat's thickness */
#define POSE_CHAIR_FRONT_X 0.10f /* the seat's front edge */
#define POSE_CHAIR_BACK_X (-0.16f) /* the seat's back edge: the back rises behind it */
#define POSE_CHAIR_BACK_T 0.028f /* the back's thickness */
#define POSE_CHAIR_TOP_H 0.52f /* top of the back above the floor */

typedef enum {
    POSE_X,
    POSE_PELVIS,
    POSE_SPINE0,
    POSE_SPINE1,
    POSE_SPINE2,
    POSE_SPINE3,
    POSE_NECK,
    POSE_HEAD,
    POSE_TWIST,
    POSE_LOOK,
    POSE_CHEST,
    POSE_HIP_N,
    POSE_HIP_F,
    POSE_KNEE_N,
    POSE_KNEE_F,
    POSE_ANKLE_N,
    POSE_ANKLE_F,
    POSE_SHOULDER_N,
    POSE_SHOULDER_F,
    POSE_ELBOW_N,
    POSE_ELBOW_F,
    POSE_WRIST_N,
    POSE_WRIST_F,
    POSE_ROLL,
    POSE_BELLY,
    POSE_STANCE,
    POSE_FLIP, /* 0 or 1, never eased: 1 draws the figure mirrored about the hip (a roll's far half) */
    POSE_CHAIR, /* 0 or 1, never eased: 1 puts the chair below (POSE_CHAIR_* : seat, back, legs) */
    POSE_GIRDLE, /* 0..1: the shoulder joints toward the back, the chest hanging between the arms */
    POSE_SPREAD, /* degrees: the elbows out to the sides, the hands back on the body; the arms foreshorten */
    POSE_SHADE, /* 0..1: the near and far limbs lit alike at 1 (a roll's flip: lying on the side facing the
                   viewer, neither leg is nearer; eased in and out, the shades cross over, never swap at once) */
    POSE_HEAD_OVER, /* 0 or 1 (from half-way when eased): 1 paints the head, its hair and eyes over the near arm
                       too (an arm overhead, seen from the side, passes in front of it: the superman) */
    POSE_PARAM_COUNT
} PoseParam;

typedef struct {
    float v[POSE_PARAM_COUNT];
} Pose;

/* Body parts a section may name on its `contacts` line; each FAR_ follows its NEAR_. */
typedef enum {
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
    CONTACT_NEAR_SHOULDER, /* the sleeve and upper arm: lying on one side, the body rests on it */
    CONTACT_FAR_SHOULDER,
    CONTACT_NEAR_HEEL, /* the heel and the toes of a foot: both down is a flat foot (`flat_feet`) */
    CONTACT_FAR_HEEL,
    CONTACT_NEAR_TOES,
    CONTACT_FAR_TOES,
    CONTACT_NEAR_FLAT_HAND, /* the higher of a hand's heel and fingertips: both down is a flat hand (`flat_hands`) */
    CONTACT_FAR_FLAT_HAND,
    CONTACT_COUNT
} PoseContact;

typedef enum {
    POSE_GROUP_FAR_ARM,
    POSE_GROUP_FAR_LEG,
    POSE_GROUP_TORSO,
    POSE_GROUP_NEAR_LEG,
    POSE_GROUP_NEAR_ARM,
    POSE_GROUP_NEAR_SHIN, /* the near leg's shin and foot, when an `order` line paints them apart from its thigh */
    POSE_GROUP_FAR_SHIN /* the far leg's, apart: never in a file; near_shin's place in the order of a side
                           drawn turned away (`other_side away`, pose_order_away) */
} PoseGroupId;
#define POSE_ORDER_COUNT 6

typedef struct {
    float t;
    Pose pose;
    int line; /* where the key is in the file, for messages */
    unsigned contacts; /* the parts on the mat from this key on (the section's, or a later line's) */
    int order[POSE_ORDER_COUNT]; /* the paint order from this key on (the file's, or a later line's) */
} PoseKey;

typedef struct {
    char name[16]; /* intro, breath, outro or cycle */
    float seconds;
    PoseKey keys[POSE_MAX_KEYS];
    int key_count;
    unsigned contacts; /* 1u << PoseContact for each part on the mat at the section's start */
    int line; /* of its `section` line */
} PoseSection;

/* How a sided move draws the side its poses do not show (an `other_side` line). */
typedef enum {
    POSE_OTHER_MIRROR, /* mirrored left-right: a front view (the side bend) */
    POSE_OTHER_FAR, /* the same way round, the other limbs working: near and far swapped (lying on a mat) */
    POSE_OTHER_AWAY /* the same way round, the body turned away from the viewer: near and far swapped, the
                       chest and face turned the other way (twist, look) and the paint order reversed, as
                       the side the poses show seen from behind (the twists: sitting, a person does the
                       other side where they sit, turning the other way) */
} PoseOtherSide;

/* A second, small view drawn beside the figure where its side view cannot show the move (an
 * `inset` line): the knees seen from the head end (knee rolls: seen from the side, knees rolling
 * toward or away from the viewer only seem to sink). */
typedef enum { POSE_INSET_NONE, POSE_INSET_KNEES } PoseInset;

/* `highlight flank`: the working part is the side of the trunk being stretched (a side bend), not
 * the whole torso: PoseFile.highlight has the torso's bit and this one, and the torso group's
 * PoseGroup.highlight is POSE_GROUP_FLANK. */
#define POSE_HIGHLIGHT_FLANK (1u << 16)
#define POSE_GROUP_FLANK 2
/* `highlight lower_back`: the working part is the pelvis and the lower back (the pelvic tilt: the
 * pelvis rolling back, the small of the back pressing into the mat), not the whole trunk: the
 * torso's bit and this one; the torso group's PoseGroup.highlight is POSE_GROUP_LOWER_BACK. */
#define POSE_HIGHLIGHT_LOWER_BACK (1u << 17)
#define POSE_GROUP_LOWER_BACK 3

typedef struct {
    char move[32];
    int move_line, move_col; /* where the move line names it */
    Sides side; /* SIDES_NONE, or the side the poses show; the other is drawn as other_side says */
    PoseOtherSide other_side;
    int order[POSE_ORDER_COUNT]; /* paint order of the groups; near_shin just before near_leg = one limb */
    unsigned highlight; /* 1u << PoseGroupId for each working limb (a `highlight` line), and
                           POSE_HIGHLIGHT_FLANK with the torso's `flank`, POSE_HIGHLIGHT_LOWER_BACK
                           with its `lower_back` */
    PoseInset inset; /* a second view drawn beside the figure (an `inset` line) */
    PoseSection sections[POSE_MAX_SECTIONS];
    int section_count;
    struct {
        char name[16]; /* the section named, resolved to section after the whole file is read */
        int section;
        float t;
        int line, col;
    } showcase[POSE_MAX_SHOWCASE];
    int showcase_count;
    float ready; /* a `ready` line: the intro's setup ends at this fraction; the get-ready shows the
                    figure there and the way into the hold plays on from it (0: the intro's start) */
    int ready_line;
} PoseFile;

/* Parse len bytes of src (a pose file named path in messages). Returns 0 and fills *out, or -1 and
 * adds FILE:LINE:COL errors to errs. Numbers must be finite and within POSE_MAX_VALUE. */
int pose_parse(const char *path, const char *src, size_t len, PoseFile *out, RoutineErrors *errs);

/* Index of the section called name, or -1. */
int pose_section_find(const PoseFile *pf, const char *name);

/* The keyed pose at fraction t (0..1) of section sec, eased between keys (smoothstep). Two keys at
 * the same time are a cut: the first is the pose just before t, the second the pose from t on.
 * `flip` is never eased: it is the last key's at or before t. */
void pose_section_at(const PoseSection *sec, float t, Pose *out);

/* The contacts in force at fraction t of sec: the section's, changed by any `contacts` line after
 * a key from that key on. */
unsigned pose_section_contacts(const PoseSection *sec, float t);

/* The paint order in force at fraction t of sec: the file's, changed by any `order` line after a
 * key from that key on (a foot lifted over the far leg and set down beyond it). */
const int *pose_section_order(const PoseSection *sec, float t);

/* Where planted contacts stay along the mat while the solver turns the joints: for each contact c
 * in mask (1u << c), the x (H) its anchor point must keep (pose_figure_anchor). */
typedef struct {
    unsigned mask;
    float x[CONTACT_COUNT];
} PoseHold;

/* The contacts a body plants and does not slide on: hands, forearms, knees, feet (a foot's heel or
 * toes counts as its foot). The head, back, pelvis, thighs and shoulders roll on the mat instead. */
#define POSE_HOLD_CONTACTS                                                                                             \
    ((1u << CONTACT_NEAR_HAND) | (1u << CONTACT_FAR_HAND) | (1u << CONTACT_NEAR_FOREARM) |                             \
     (1u << CONTACT_FAR_FOREARM) | (1u << CONTACT_NEAR_KNEE) | (1u << CONTACT_FAR_KNEE) | (1u << CONTACT_NEAR_FOOT) |  \
     (1u << CONTACT_FAR_FOOT))

/* Turn the keyed pose p's joints as little as possible so every contact in `contacts` rests on
 * the mat and no part is below it, and each contact in hold (may be NULL) keeps its anchor at
 * hold->x, starting from guess (a neighbouring solution) or, when NULL, from p itself.
 * Deterministic: the same arguments give the same pose. */
void pose_solve(Pose *p, const Pose *guess, const int order[POSE_ORDER_COUNT], unsigned contacts, const PoseHold *hold);

/* ---- the figure: round cones in body heights H, y up, feet-up; grounded by the caller ---- */

typedef struct {
    float r, g, b;
} PoseColor;

/* The figure's clothes and skin (pose.c; kneeview.c draws the same body). */
#define POSE_COLOR_SKIN                                                                                                \
    {                                                                                                                  \
        0.93f, 0.72f, 0.58f                                                                                            \
    }
#define POSE_COLOR_SHIRT                                                                                               \
    {                                                                                                                  \
        0.24f, 0.64f, 0.68f                                                                                            \
    }
#define POSE_COLOR_PANTS                                                                                               \
    {                                                                                                                  \
        0.29f, 0.33f, 0.50f                                                                                            \
    }

typedef struct {
    float ax, ay, bx, by, ra, rb; /* a round cone from a (radius ra) to b (radius rb) */
    PoseColor color;
    int clip; /* clipped by the half-plane dot(q, n) <= k */
    float nx, ny, k;
    const char *name; /* "hand", "thigh", ... */
} PosePart;

typedef struct {
    PosePart parts[POSE_MAX_PARTS];
    int count;
    int flat; /* no shading and no outline: eyes */
    const char *name; /* "near_", "far_" or "" */
    int id; /* PoseGroupId; the hair and the eyes count as the torso */
    int highlight; /* the working limb: drawn with a warm outline; POSE_GROUP_FLANK: the torso's
                      stretched side only (figpaint), the side away from positive spine flexion;
                      POSE_GROUP_LOWER_BACK: its pelvis and lowest trunk part only */
} PoseGroup;

typedef struct {
    PoseGroup groups[POSE_MAX_GROUPS];
    int count;
    int chair; /* sits on the chair (POSE_CHAIR_*), which stands on y = 0 whatever the shift */
    float roll; /* the knees' roll as built (POSE_ROLL, degrees): + toward the viewer's side of the
                   picture's body, - away; negated for a figure mirrored about the hip (POSE_FLIP) */
    float away; /* how far the body is seen from behind, 0..1 (figpaint paints the shirt as a back
                   from it): the sine of the head's turn away from the viewer (look below 0), 1 from
                   90 degrees on; on the other side of `other_side away` (pose_move_* drawing it), of
                   the keyed look, before the head turns on to look over the far shoulder */
} PoseFigure;

/* The default paint order: far_arm far_leg torso near_shin near_leg near_arm. */
void pose_order_default(int order[POSE_ORDER_COUNT]);

/* Build the figure of pose p, painted in the given group order (near_shin right before near_leg:
 * the near leg is one group; anywhere else: its shin and foot are a group of their own there). */
void pose_figure_build(const Pose *p, const int order[POSE_ORDER_COUNT], PoseFigure *fig);

/* The lowest point of each contact (low[c]), measured from the surface it rests on (with a chair,
 * the seat's top for the pelvis and thighs), and the ground (the floor's height): the lowest
 * required contact so measured, or the lowest point of the figure when contacts is 0. */
float pose_figure_ground(const PoseFigure *fig, unsigned contacts, float low[CONTACT_COUNT]);

/* The x (H) of the point of contact c that rests on the mat and does not slide: the knuckles of a
 * hand, the elbow of a forearm, the knee of a shank, the ball of a foot (its heel and toes count as
 * the foot). Returns false for a contact with no such point (head, back, pelvis, thigh, shoulder). */
bool pose_figure_anchor(const PoseFigure *fig, int c, float *x);

/* How deep part q of group g of fig goes into the chair when the floor is at height floor: into
 * the seat (any part) or the back (the torso's); 0 when clear or there is no chair. */
float pose_chair_depth(const PoseFigure *fig, const PoseGroup *g, const PosePart *q, float floor);

/* Grow *x0..*x1, *y0..*y1 to hold the figure (and its chair, on y = 0). */
void pose_figure_extent(const PoseFigure *fig, float *x0, float *x1, float *y0, float *y1);

/* Move the figure by (dx, dy). */
void pose_figure_shift(PoseFigure *fig, float dx, float dy);

/* The word for contact c ("near_hand"), or NULL. */
const char *pose_contact_name(int c);

/* ---- a whole move, sampled for drawing ---- */

/* Every section sampled at POSE_SAMPLE_FPS and solved, with the timing of sheet.h (intro, cycle,
 * breath, outro, beat, held) over those samples. Owned; free with pose_move_free. */
typedef struct {
    PoseFile file;
    SheetMeta meta; /* frames = samples; timing as a sprite sheet's */
    Pose *samples;
    int *sample_section;
    unsigned *sample_contacts; /* the contacts each sample rests on */
    int *sample_order; /* the paint order of each sample: POSE_ORDER_COUNT ints a sample */
    float *sample_box; /* x0, x1, y0, y1 of each grounded sample, in H: what the camera frames */
    short *sample_reach; /* per sample, POSE_REACH_LEVELS pairs: the figure's x0, x1 above each level */
    unsigned char *sample_cut; /* per sample k: 1 when k and k + 1 are never eased (pose_move_pair_cut) */
    float x0, x1, y0, y1; /* extent of the grounded figure over every sample, in H */
} PoseMove;

/* Sample and solve pf into *out. Returns 0, or -1 when out of memory or pf has neither a breath nor a cycle section. */
int pose_move_init(PoseMove *out, const PoseFile *pf);

/* Asked between two samples (and two pairs checked for a cut) whether to stop: true stops. */
typedef bool (*PoseStop)(void *ctx);

/* pose_move_init, asking stop(ctx) (NULL: never stops) as it goes: a load no longer wanted (the
 * program's loader when Skip passes the move) stops within one sample's solve, *out freed and
 * zeroed, and returns -2. */
int pose_move_init_until(PoseMove *out, const PoseFile *pf, PoseStop stop, void *ctx);
void pose_move_free(PoseMove *m);

/* Whether m starts facing the viewer (its first sample's stance: the side bend): its mirror image
 * is nearly itself, so it is never drawn turning round (figpaint_fit_turn). */
bool pose_move_faces_viewer(const PoseMove *m);

/* Whether side `wanted` of m is drawn mirrored left-right (a sided move whose other side is a
 * mirror image, wanted not the side its poses show). */
bool pose_move_mirrored(const PoseMove *m, Sides wanted);

/* Whether side `wanted` of m is drawn the same way round with near and far swapped (`other_side
 * far` or `away`, wanted not the side its poses show): the same outline, the other limbs working. */
bool pose_move_swapped(const PoseMove *m, Sides wanted);

/* How a figure of a move is drawn (pose_move_draw). */
typedef struct {
    bool mirror; /* the picture mirrored left-right (figpaint's flip) */
    bool swap; /* near and far swapped (pose_move_figure_at): the other limbs working */
} PoseDraw;

/* How m is drawn for side `side` (SIDES_NONE when not sided) with the body turned round or not
 * (`turned`: SessionView.turned, as a roll left it): a move that is not sided, or is drawn the
 * same way round on both sides (`other_side far` or `away`), turns with the body, mirrored, its near and far
 * swapped so that side's limbs still work; a mirrored sided move is drawn as its side says. */
PoseDraw pose_move_draw(const PoseMove *m, Sides side, bool turned);

/* Pose p for the other side, the same way round: the near and far joints swapped (hip, knee,
 * ankle, shoulder, elbow, wrist), twist, stance and roll negated. Its figure has the same outline
 * (a negative roll turns the far leg fully, the near one 0.85 of it); only which limb is near and
 * which far (their shade, their place in the paint order, their contacts) changes. */
void pose_swap_sides(Pose *p);

/* The paint order of a side drawn turned away (`other_side away`) from order, the side's own, into
 * out: back to front reversed, near and far swapped (near_shin painted apart becomes far_shin; a
 * leg painted whole stays whole). A symmetric order (the default) is its own. */
void pose_order_away(const int order[POSE_ORDER_COUNT], int out[POSE_ORDER_COUNT]);

/* Contacts c with every near_ part and its far_ one swapped. */
unsigned pose_contacts_swapped(unsigned c);

/* The grounded figure at an animation moment (as sheet_frame_at), eased between samples, near and
 * far swapped when swap (pose_move_draw; mirroring is the painter's). */
void pose_move_figure_at(const PoseMove *m, AnimMode mode, int anim_ms, int anim_length_ms, int rep_hold_ms, bool swap,
                         PoseFigure *fig);

/* One moment of a move as it is drawn: the animation moment (as sheet_frame_at) and how. */
typedef struct {
    AnimMode mode;
    int anim_ms, anim_length_ms, rep_hold_ms;
    PoseDraw draw;
} PoseMoment;

/* The grounded figure drawn u (0..1) of the way from move a's figure at moment at_a to move b's at
 * at_b (SessionView.blend: one figure eased in from where another left the body): the joints eased
 * from one pose to the other (smoothstep in u), standing on the contacts both require, painted in
 * the nearer one's order (from or to a side turned away, `other_side away`, the order goes over
 * where the body is nearest to profile; between two other orders, where what they stack
 * differently overlaps least), seen from behind (PoseFigure.away) eased from a's to b's, with b's
 * working limbs; *required (may be NULL): those contacts. u = 0 is a's figure, u = 1 b's, as
 * pose_move_figure_at draws them. Drawn as b is (at_b->draw.mirror: a
 * figure a rolled way left mirrored about the hip counts as mirrored); the chair (a prop) stands
 * there while both have it. Returns false, *fig untouched, when they are not eased between (drawn
 * as b: a cut): one is drawn as the other's mirror image (a turn: SessionView.turn_ms) and b does
 * not face the viewer (pose_move_faces_viewer: one that does, keyed symmetric where it starts, is
 * eased in a's picture, mirrored about the hip, and turns to face the viewer), or an
 * eased pose would break the contact rule (POSE_BLEND_PROBES of them tried: a part swinging through
 * the mat, or a contact both require lifting off it), eased joint by joint, then with the arms
 * tucked, then with each limb turned at its root (shoulder, hip) and end (wrist, ankle) as little
 * as it takes to rest on the mat its torso lies on, the contacts both require sliding along it
 * (the press-up's hands by the face slid forward to the superman's overhead); a limb keeping no
 * contact is turned at its middle joint (elbow, knee) too, by the turns the probes around u give
 * it, eased between them, so it moves a little a frame. A way (moves.h
 * WAYS), which moves from its first moment, is eased as its own motion plus its start's offset
 * from a's pose, fading (the probes check a's pose into the way's pose SESSION_BLEND_MS * u
 * earlier, both still; a contact the offset lifts is put back by pose_solve), and not at all when
 * it starts within 0.03 H of a's figure. Deterministic, no state: the same arguments, the same
 * figure. */
bool pose_moves_blend(const PoseMove *a, const PoseMoment *at_a, const PoseMove *b, const PoseMoment *at_b, float u,
                      PoseFigure *fig, unsigned *required);

/* The box (in H) the stage frames at an animation moment (as sheet_frame_at): a hold's intro frames
 * what is still to come of it (the samples from now to its end, and the held pose), so the camera
 * closes in as the body settles; the hold frames the held pose breathing; the outro what has been
 * of it. The get-ready frames the whole intro and the held pose; reps and loops the whole move. */
void pose_move_box_at(const PoseMove *m, AnimMode mode, int anim_ms, int anim_length_ms, int rep_hold_ms, float *x0,
                      float *x1, float *y0, float *y1);

/* The figure's x extent *x0..*x1 (in H, outline not included) over its parts above height y (H
 * above the mat), over the samples pose_move_box_at frames at that moment: what could reach into a
 * corner of the stage (the "It hurts" button). Conservative by up to POSE_REACH_STEP in y; an
 * empty extent (*x0 > *x1) when nothing is that high. */
void pose_move_reach_at(const PoseMove *m, AnimMode mode, int anim_ms, int anim_length_ms, int rep_hold_ms, float y,
                        float *x0, float *x1);
/* Whether samples k and k + 1 are drawn without easing between them (the nearer of the two is
 * drawn): a flip or a chair between them, two sections, or eased poses between them that would
 * not rest on the mat (a required contact off it or a part below it: pose_move_check_blend). */
bool pose_move_pair_cut(const PoseMove *m, int k);

/* The grounded figure drawn u (0..1) of the way from sample k to k + 1, as pose_move_figure_at
 * draws it: eased joint by joint (or the nearer sample, where the pair is a cut) and resting on
 * the nearer sample's contacts; near and far swapped when swap. */
void pose_move_blend_at(const PoseMove *m, int k, float u, bool swap, PoseFigure *fig);

/* The grounded figure of sample i. */
void pose_move_sample_figure(const PoseMove *m, int i, PoseFigure *fig);

/* The grounded figure of sample i with near and far swapped (the other side of `other_side far`). */
void pose_move_sample_figure_swapped(const PoseMove *m, int i, PoseFigure *fig);

/* ---- the contact rules every move must meet (spritegen --report, --check of a physio's move) ---- */

/* Check sample k of m as it is drawn: each contact its section requires within POSE_CONTACT_TOL_H of
 * the mat, no part below the mat, no knee or elbow bent backwards; for `other_side far`, on both
 * sides (the other's faults say "(other side)"). Writes the faults as text
 * (" feet 3.1 px off the mat", in px of a figure 1333 px tall) into buf (may be NULL) and returns
 * how many there are; *highest (may be NULL) is raised to the highest required contact off the mat, in H. */
int pose_move_check_sample(const PoseMove *m, int k, char *buf, size_t size, float *highest);

/* Check the figure drawn u (0..1) of the way from sample k to k + 1 (pose_move_blend_at) by the
 * rules of pose_move_check_sample, with the contacts of the nearer sample; both sides as there. */
int pose_move_check_blend(const PoseMove *m, int k, float u, char *buf, size_t size, float *highest);

/* Check sample k of m and the figures drawn between it and sample k + 1 (every twentieth of the
 * way and just short of half, unless the pair is a cut): pose_move_check_sample's rules
 * for each. Returns the number of faults (written into buf, may be NULL, as there). */
int pose_move_check_drawn(const PoseMove *m, int k, char *buf, size_t size, float *highest);

/* Check every sample of m (a pose file parsed from path) and every figure drawn between two
 * (pose_move_check_drawn), and add one FILE:LINE:COL error for the first faulty sample after each
 * key, at that key's line. Returns the number of faulty samples. */
int pose_move_check(const PoseMove *m, const char *path, RoutineErrors *errs);

/* Where the move starts, from its first section's first key and contacts: lying on the back
 * (pelvis 135 degrees or more), on the front or on all fours (45 or less; knees on the mat for all
 * fours), kneeling (knees on the mat), sitting (pelvis on the mat) or standing. */
Position pose_file_position(const PoseFile *pf);

/* A held move's way into its pose and out of it at its own pace, in ms, as the file keys them: the
 * intro after its `ready` setup (the part a hold's way in plays, sheet.h SheetMeta.setup) and the
 * outro, each as pose_move_init times them; 0 for a section the file has not (a rep move held plays
 * part of its cycle: its way is then not known here). Parsing alone: nothing is solved. */
void pose_file_hold_ways(const PoseFile *pf, int *in_ms, int *out_ms);

#endif
