/* moves.h: the catalogue of moves unknot can show, and the positions a body rests in. Pure data,
 * no SDL, no I/O. A new move is one row of MOVES below plus a pose file assets/poses/<id>.pose;
 * the enum, the names, the "Get ready. Next: ..." voice rows, spritegen's list and the docs check
 * all come from this table (tests/test_moves.c fails when a row lacks its pose, clip or docs entry). */
#ifndef UNKNOT_MOVES_H
#define UNKNOT_MOVES_H

#include <stdbool.h>

/* Where a body is: the position a move starts and ends in, and what a rest or timer may name. */
#define POSITIONS(X)                                                                                                   \
    X(ON_BACK, "on-back", REST)                                                                                        \
    X(ON_FRONT, "on-front", REST_ON_FRONT)                                                                             \
    X(ALL_FOURS, "all-fours", REST_ALL_FOURS)                                                                          \
    X(KNEELING, "kneeling", REST_KNEELING)                                                                             \
    X(SITTING, "sitting", REST_SITTING)                                                                                \
    X(ON_CHAIR, "on-chair", REST_ON_CHAIR)                                                                             \
    X(STANDING, "standing", IDLE)

/* X(ENUM, id, display name, routine_usable, sided, default tempo ms, position).
 * Routine-usable moves come first: moves_usable_list() lists them in this order. A way's tempo is
 * 0: the time it takes is its pose file's `section intro`, read by the platform into
 * Routine.way_ms (holdways_fill), and a chain of ways gives each that long to play (moves_way_ms,
 * session.c). */
#define MOVES(X)                                                                                                       \
    X(CHILD_POSE, "child_pose", "Child's pose", true, false, 6000, ALL_FOURS)                                          \
    X(CAT_CAMEL, "cat_camel", "Cat-camel", true, false, 4000, ALL_FOURS)                                               \
    X(FORWARD_FOLD, "forward_fold", "Forward fold", true, false, 6000, STANDING)                                       \
    X(SPINAL_TWIST, "spinal_twist", "Spinal twist", true, true, 6000, SITTING)                                         \
    X(SUPERMAN, "superman", "Superman", true, false, 4000, ON_FRONT)                                                   \
    X(BRIDGE, "bridge", "Bridge", true, false, 4000, ON_BACK)                                                          \
    X(BIRD_DOG, "bird_dog", "Bird dog", true, true, 4000, ALL_FOURS)                                                   \
    X(KNEE_ROLLS, "knee_rolls", "Knee rolls", true, true, 6000, ON_BACK)                                               \
    X(PELVIC_TILT, "pelvic_tilt", "Pelvic tilt", true, false, 4000, ON_BACK)                                           \
    X(KNEE_TO_CHEST, "knee_to_chest", "Knee to chest", true, true, 6000, ON_BACK)                                      \
    X(KNEES_TO_CHEST, "knees_to_chest", "Knees to chest", true, false, 6000, ON_BACK)                                  \
    X(PRESS_UP, "press_up", "Lying press-up", true, false, 4000, ON_FRONT)                                             \
    X(PRONE_ON_ELBOWS, "prone_on_elbows", "Lying on elbows", true, false, 6000, ON_FRONT)                              \
    X(DRAW_IN, "draw_in", "Belly draw-in", true, false, 5000, ON_BACK)                                                 \
    X(STANDING_EXTENSION, "standing_extension", "Standing back bend", true, false, 4000, STANDING)                     \
    X(HAMSTRING_STRETCH, "hamstring_stretch", "Hamstring stretch", true, true, 6000, ON_BACK)                          \
    X(HIP_FLEXOR_LUNGE, "hip_flexor_lunge", "Hip flexor lunge", true, true, 6000, KNEELING)                            \
    X(SIDE_BEND, "side_bend", "Side bend", true, true, 4000, STANDING)                                                 \
    X(SEATED_TWIST, "seated_twist", "Seated twist", true, true, 6000, ON_CHAIR)                                        \
    X(SEATED_PELVIC_TILT, "seated_pelvic_tilt", "Slump and sit tall", true, false, 4000, ON_CHAIR)                     \
    X(IDLE, "idle", "Stand and breathe", false, false, 4000, STANDING)                                                 \
    X(REST, "rest", "Rest on your back", false, false, 4000, ON_BACK)                                                  \
    X(REST_ON_FRONT, "rest_on_front", "Rest on your front", false, false, 4000, ON_FRONT)                              \
    X(REST_ALL_FOURS, "rest_all_fours", "Rest on hands and knees", false, false, 4000, ALL_FOURS)                      \
    X(REST_KNEELING, "rest_kneeling", "Rest kneeling", false, false, 4000, KNEELING)                                   \
    X(REST_SITTING, "rest_sitting", "Rest sitting", false, false, 4000, SITTING)                                       \
    X(REST_ON_CHAIR, "rest_on_chair", "Sit on a chair", false, false, 4000, ON_CHAIR)                                  \
    X(WAY_BACK_TO_FRONT, "way_back_to_front", "Roll onto your front", false, false, 0, ON_FRONT)                       \
    X(WAY_FRONT_TO_ALL_FOURS, "way_front_to_all_fours", "Onto hands and knees", false, false, 0, ALL_FOURS)            \
    X(WAY_ALL_FOURS_TO_STANDING, "way_all_fours_to_standing", "Up to standing", false, false, 0, STANDING)             \
    X(WAY_ALL_FOURS_TO_BACK, "way_all_fours_to_back", "Onto your back", false, false, 0, ON_BACK)                      \
    X(WAY_BACK_TO_ALL_FOURS, "way_back_to_all_fours", "Onto hands and knees", false, false, 0, ALL_FOURS)              \
    X(WAY_STANDING_TO_CHAIR, "way_standing_to_chair", "Sit down on the chair", false, false, 0, ON_CHAIR)              \
    X(WAY_CHAIR_TO_STANDING, "way_chair_to_standing", "Stand up from the chair", false, false, 0, STANDING)            \
    X(WAY_STANDING_TO_FRONT, "way_standing_to_front", "Down onto your front", false, false, 0, ON_FRONT)               \
    X(WAY_FRONT_TO_BACK, "way_front_to_back", "Roll onto your back", false, false, 0, ON_BACK)                         \
    X(WAY_STANDING_TO_ALL_FOURS, "way_standing_to_all_fours", "Down onto hands and knees", false, false, 0, ALL_FOURS) \
    X(WAY_STANDING_TO_KNEELING, "way_standing_to_kneeling", "Down onto your knees", false, false, 0, KNEELING)         \
    X(WAY_KNEELING_TO_STANDING, "way_kneeling_to_standing", "Up to standing", false, false, 0, STANDING)               \
    X(WAY_ALL_FOURS_TO_KNEELING, "way_all_fours_to_kneeling", "Up onto your knees", false, false, 0, KNEELING)         \
    X(WAY_KNEELING_TO_ALL_FOURS, "way_kneeling_to_all_fours", "Onto hands and knees", false, false, 0, ALL_FOURS)      \
    X(WAY_SITTING_TO_ALL_FOURS, "way_sitting_to_all_fours", "Onto hands and knees", false, false, 0, ALL_FOURS)        \
    X(WAY_SITTING_TO_BACK, "way_sitting_to_back", "Lie down on your back", false, false, 0, ON_BACK)                   \
    X(WAY_BACK_TO_SITTING, "way_back_to_sitting", "Sit up", false, false, 0, SITTING)                                  \
    X(WAY_ALL_FOURS_TO_FRONT, "way_all_fours_to_front", "Down onto your front", false, false, 0, ON_FRONT)             \
    X(WAY_ALL_FOURS_TO_SITTING, "way_all_fours_to_sitting", "Sit down on the mat", false, false, 0, SITTING)

/* The ways from one position to another: X(from, to, the row above that shows it: it starts in
 * `from`, ends breathing in `to`; turns: it ends turned round, drawn mirrored about the hip (a
 * roll keeps the head where it was, so a body rolled from its back onto its front lies with its
 * head where every move on the front has its feet)). A rest or timer that starts in another
 * position than the one the person is in plays the way over its first seconds, and so does a
 * move's get-ready that follows a move in another position with no rest between (session.c);
 * what follows a way that turns is drawn turned too, so nothing jumps (SessionView.turned).
 * Sitting has no way straight up to standing, nor standing straight down to sitting: a
 * physiotherapist teaches getting up from the floor and down to it through all fours and half
 * kneeling, not a deep squat, so moves_path chains sitting -> all fours -> standing (sitting's row
 * onto all fours comes before its row onto the back: the search takes it first, not the roll up
 * from the back) and standing -> all fours -> sitting (standing's row onto all fours comes before
 * its row onto the back, so the search reaches sitting through all fours before the way down onto
 * the back and up again); kneeling -> all fours -> sitting likewise. Nor has standing a way straight
 * down onto the back, nor the back one straight up to standing (physio review s25: a squat down,
 * and up over the front and a press-up): standing -> all fours -> on the back (onto the side, a
 * roll onto the back) and on the back -> all fours -> standing (a roll onto the side, pushing up to
 * side-sitting and all fours, up through half kneeling); all fours' row onto the back and the
 * back's onto all fours come before the rolls through the front, so the search takes them. The
 * back and sitting go to each other with a log roll and the arms, never a sit-up nor a curl down
 * (physio review s25, 3b): both ways roll, so both turn. */
#define WAYS(X)                                                                                                        \
    X(ON_BACK, ON_FRONT, WAY_BACK_TO_FRONT, true)                                                                      \
    X(ON_FRONT, ALL_FOURS, WAY_FRONT_TO_ALL_FOURS, false)                                                              \
    X(ALL_FOURS, STANDING, WAY_ALL_FOURS_TO_STANDING, false)                                                           \
    X(STANDING, ALL_FOURS, WAY_STANDING_TO_ALL_FOURS, false)                                                           \
    X(ALL_FOURS, ON_BACK, WAY_ALL_FOURS_TO_BACK, true)                                                                 \
    X(ON_BACK, ALL_FOURS, WAY_BACK_TO_ALL_FOURS, true)                                                                 \
    X(STANDING, ON_CHAIR, WAY_STANDING_TO_CHAIR, false)                                                                \
    X(ON_CHAIR, STANDING, WAY_CHAIR_TO_STANDING, false)                                                                \
    X(STANDING, ON_FRONT, WAY_STANDING_TO_FRONT, false)                                                                \
    X(ON_FRONT, ON_BACK, WAY_FRONT_TO_BACK, true)                                                                      \
    X(STANDING, KNEELING, WAY_STANDING_TO_KNEELING, false)                                                             \
    X(KNEELING, STANDING, WAY_KNEELING_TO_STANDING, false)                                                             \
    X(ALL_FOURS, KNEELING, WAY_ALL_FOURS_TO_KNEELING, false)                                                           \
    X(KNEELING, ALL_FOURS, WAY_KNEELING_TO_ALL_FOURS, false)                                                           \
    X(SITTING, ALL_FOURS, WAY_SITTING_TO_ALL_FOURS, false)                                                             \
    X(SITTING, ON_BACK, WAY_SITTING_TO_BACK, true)                                                                     \
    X(ON_BACK, SITTING, WAY_BACK_TO_SITTING, true)                                                                     \
    X(ALL_FOURS, ON_FRONT, WAY_ALL_FOURS_TO_FRONT, false)                                                              \
    X(ALL_FOURS, SITTING, WAY_ALL_FOURS_TO_SITTING, false)

/* The in-breath's words, of a rep that is one breath (MOVES_BREATHS) and of each breath of a hold
 * dosed in breaths (session.c): one phrase, listed once for its clip (session.h SESSION_PHRASES). */
#define MOVES_BREATHE_IN "Breathe in."

/* Moves whose rep is one breath: X(ENUM, out, out text). The in-breath (MOVES_BREATHE_IN) starts
 * with the rep; the out-breath `out` thousandths into the rep's cycle: where its pose file's
 * `section cycle` has the breath in and starts to breathe out (draw_in: the belly let out at key
 * 0.25, drawn in at the beat, 0.5; tests/test_session.c checks the pose agrees). A guided rep of
 * such a move, with no `each-rep` cue or phases of the routine's own, says and captions the two
 * texts at those moments and shows the breathing pacer (session.c); voicekey.c lists the out text
 * for its clip. */
#define MOVES_BREATHS(X) X(DRAW_IN, 250, "Breathe out, draw in.")

/* Sided moves whose sides have words of their own: X(ENUM, left text, right text). A patient
 * lying on their back looks at the ceiling, not at the screen, so the voice must say the way:
 * each run of such a move (each rep of alternating reps, each side of "sides both" or a held
 * step) says and captions its side's words as it starts, where other sided moves say "Other
 * side." or "Switch sides." (session.c); the panel and the knees' card show the same words
 * (SessionView.side_words); voicekey.c lists them for their clips. "left" is the person's left, as
 * the knees' view draws it (kneeview.h). */
#define MOVES_SIDE_WORDS(X) X(KNEE_ROLLS, "Knees to your left.", "Knees to your right.")

/* Each usable move's how-to: X(ENUM, text), one calm line a physiotherapist would say to get a
 * patient into the move and through it, for a step whose routine gives no words of its own at its
 * start (no `say start...` cue, no phases): its get-ready says and captions it once, after "Get
 * ready. Next: ...", and plans the time for it (session.c). A routine's own start words win.
 * voicekey.c lists them for their clips; tests/test_moves.c fails when a usable move has none. */
#define MOVES_HOWTO_MAX_BYTES 110 /* a how-to fits the caption band in two lines at its full size */
#define MOVES_HOWTO(X)                                                                                                 \
    X(CHILD_POSE, "Kneel, sit back towards your heels and rest your arms forward on the mat.")                         \
    X(CAT_CAMEL, "On your hands and knees, slowly round your back up, then let it gently dip.")                        \
    X(FORWARD_FOLD, "Stand with soft knees, bend slowly forward from your hips, arms hanging, then roll up slowly.")   \
    X(SPINAL_TWIST, "Sit tall, one foot outside the other knee, and turn gently towards the bent knee.")               \
    X(SUPERMAN,                                                                                                        \
      "Lie face down, arms forward. Lift your arms, chest and legs a little, only as far as is comfortable.")          \
    X(BRIDGE, "Lie on your back, knees bent. Squeeze your buttocks, lift your hips, then lower slowly.")               \
    X(BIRD_DOG, "On your hands and knees, reach one arm forward and the opposite leg back. Keep your back flat.")      \
    X(KNEE_ROLLS, "Lie on your back, knees bent, shoulders on the mat. Roll both knees slowly to one side and back.")  \
    X(PELVIC_TILT, "Lie on your back, knees bent. Gently flatten your lower back into the mat, then relax.")           \
    X(KNEE_TO_CHEST, "Lie on your back, hold behind one thigh and gently pull that knee towards your chest.")          \
    X(KNEES_TO_CHEST, "Lie on your back and gently hug both knees towards your chest.")                                \
    X(PRESS_UP,                                                                                                        \
      "Lie face down, hands under your shoulders. Push your chest up, hips down, only as far as is comfortable.")      \
    X(PRONE_ON_ELBOWS, "Lie face down and rest on your elbows. Let your lower back relax.")                            \
    X(DRAW_IN, "Lie on your back, knees bent. Keep breathing, and as you breathe out, gently draw your belly in.")     \
    X(STANDING_EXTENSION,                                                                                              \
      "Stand with your hands on your lower back and lean back gently, only as far as is comfortable.")                 \
    X(HAMSTRING_STRETCH,                                                                                               \
      "Lie on your back, hold behind one thigh and slowly straighten the knee to a gentle stretch.")                   \
    X(HIP_FLEXOR_LUNGE,                                                                                                \
      "Kneel on one knee, the other foot forward. Tuck your bottom under and ease your hips forward.")                 \
    X(SIDE_BEND, "Stand tall and slowly slide one hand down the side of your leg, without leaning forward.")           \
    X(SEATED_TWIST, "Sit tall on your chair and turn gently to one side, a hand on the chair's back.")                 \
    X(SEATED_PELVIC_TILT, "Sit near the front of your chair. Slowly slump, then sit up tall.")

/* Each way's words: X(ENUM, text), what to do as the figure starts that way (a row of WAYS), the way
 * a physiotherapist talks a sore back down to the floor and up from it. A rest, a timer or a
 * get-ready that shows the way says and captions them as the way begins (session.c), unless the
 * rest's own words tell it; a chain of ways says each way's words as that way begins. voicekey.c
 * lists them for their clips; tests/test_moves.c fails when a way has none or they are too long for
 * the caption band (MOVES_HOWTO_MAX_BYTES). Physio review 30 #5: getting down and up from the floor
 * is what a patient with back pain most needs told, and only "Get ready. Next: ..." was shown. */
#define MOVES_WAY_WORDS(X)                                                                                             \
    X(WAY_BACK_TO_FRONT, "Knees bent, roll slowly over onto your front.")                                              \
    X(WAY_FRONT_TO_ALL_FOURS, "Push up gently onto your hands and knees.")                                             \
    X(WAY_ALL_FOURS_TO_STANDING, "Sit back, walk your hands up your thighs, then stand up slowly.")                    \
    X(WAY_ALL_FOURS_TO_BACK, "Sit to one side, lower onto your side, then roll onto your back.")                       \
    X(WAY_BACK_TO_ALL_FOURS, "Roll onto your side, then push up onto your hands and knees.")                           \
    X(WAY_STANDING_TO_CHAIR, "Sit down slowly on the front of the chair.")                                             \
    X(WAY_CHAIR_TO_STANDING, "Lean forward and stand up slowly.")                                                      \
    X(WAY_STANDING_TO_FRONT, "Kneel down, hands to the mat, then lower onto your front.")                              \
    X(WAY_FRONT_TO_BACK, "Roll slowly onto your side, then onto your back.")                                           \
    X(WAY_STANDING_TO_ALL_FOURS, "Kneel down slowly, sit back, then walk your hands onto the mat.")                    \
    X(WAY_STANDING_TO_KNEELING, "Step one foot back and kneel down slowly.")                                           \
    X(WAY_KNEELING_TO_STANDING, "One foot forward, hands on your thigh, stand up slowly.")                             \
    X(WAY_ALL_FOURS_TO_KNEELING, "Walk your hands back and come up onto your knees.")                                  \
    X(WAY_KNEELING_TO_ALL_FOURS, "Lean forward and put your hands on the mat.")                                        \
    X(WAY_SITTING_TO_ALL_FOURS, "Bend your knees, turn and come onto your hands and knees.")                           \
    X(WAY_SITTING_TO_BACK, "Lower onto your side, then roll onto your back.")                                          \
    X(WAY_BACK_TO_SITTING, "Roll onto your side and push up with your arms to sit.")                                   \
    X(WAY_ALL_FOURS_TO_FRONT, "Lower your hips and chest slowly onto the mat.")                                        \
    X(WAY_ALL_FOURS_TO_SITTING, "Sit back to one side, then bring your legs round in front.")

#define MOVES_ENUM_ROW(e, id, name, usable, sided, tempo, pos) MOVE_##e,
typedef enum { MOVE_NONE = -1, MOVES(MOVES_ENUM_ROW) MOVE_COUNT } MoveId;
#undef MOVES_ENUM_ROW

#define POSITIONS_ENUM_ROW(e, id, figure) POSITION_##e,
typedef enum { POSITION_NONE = -1, POSITIONS(POSITIONS_ENUM_ROW) POSITION_COUNT } Position;
#undef POSITIONS_ENUM_ROW

typedef struct {
    const char *id; /* name used in routine files and pose files: "child_pose" */
    const char *name; /* display name: "Child's pose" */
    bool routine_usable; /* false for idle and the rest figures, which routines cannot name with `move` */
    bool sided; /* true when the move is normally done on each side */
    int default_tempo_ms; /* tempo used when a routine gives reps without a tempo */
    Position position; /* where the move starts and ends */
    /* a physio's own sided move: how its pose file draws the other side (`other_side`), which the
     * session follows (moves_same_way_round); false in the catalogue, whose files follow the rule */
    bool own_sides, own_same_way_round;
} MoveInfo;

/* Look up a move by its routine/sprite id. Returns MOVE_NONE if unknown. len may be -1 for a C string. */
MoveId moves_find(const char *id, int len);

/* Information for a valid MoveId; NULL outside 0 <= id < MOVE_COUNT. */
const MoveInfo *moves_info(MoveId id);

/* Comma-separated list of move ids a routine may use, for error messages. Static storage. */
const char *moves_usable_list(void);

/* Look up a position by its routine word ("on-front"). Returns POSITION_NONE if unknown. len may be -1. */
Position moves_position_find(const char *word, int len);

/* The routine word of a valid position ("on-front"), or NULL. */
const char *moves_position_word(Position p);

/* The figure that breathes at rest in position p (MOVE_REST for on-back, MOVE_IDLE for standing). */
MoveId moves_position_figure(Position p);

/* The way from position `from` to `to` (a row of WAYS), or MOVE_NONE when there is none. */
MoveId moves_way(Position from, Position to);

/* The position way `id` starts in (a row of WAYS), or POSITION_NONE when id is not a way. */
Position moves_way_from(MoveId id);

/* The most ways a chain between two positions takes: a shortest one passes each position once. */
#define MOVES_PATH_MAX (POSITION_COUNT - 1)

/* A chain of ways from one position to another: way[0] starts where the person is, each next way
 * starts where the one before ends, the last ends in the position wanted. */
typedef struct {
    int count; /* ways in it: 0 when the two positions are the same */
    MoveId way[MOVES_PATH_MAX];
} MovesPath;

/* The chain with the fewest ways from `from` to `to` over WAYS: the direct way when there is one,
 * else a chain through positions in between (on-front -> all-fours -> standing). Of chains as
 * short, the one whose first way to differ comes first in WAYS. Fills *out and returns out->count
 * (0 when from == to), or returns -1 (out->count 0) when no chain reaches `to` or either is no
 * position. Searches the compile-time table only: no state. */
int moves_path(Position from, Position to, MovesPath *out);

/* The time a way takes to play when its pose file could not be read (a file missing or broken, a
 * routine not filled by the platform): the standard way. */
#define MOVES_WAY_MS 4000

/* The time way id (a row of WAYS) takes to play: way_ms[id] (by MoveId: its pose file's `section
 * intro`, Routine.way_ms), or MOVES_WAY_MS when that is 0 (not known) or way_ms is NULL. 0 for any
 * other move. */
int moves_way_ms(const int *way_ms, MoveId id);

/* Whether way id (a row of WAYS) ends turned round (drawn mirrored about the hip); false for any
 * other move. */
bool moves_way_turns(MoveId id);

/* Whether a sided move is drawn the same way round on both sides, the other limbs working (its
 * pose file says `other_side far`, or `away` sitting): a move done on the mat (on the back, on the
 * front, on all fours, kneeling) or sitting (the twists, on the mat or a chair), where the person
 * stays the way they lie or sit and never spins round. Standing (the side bend, facing the viewer),
 * the other side is the mirror image. A physio's own move: as its file says (own_sides). False for
 * a move that is not sided. */
bool moves_same_way_round(const MoveInfo *info);

/* A move whose rep is one breath (a row of MOVES_BREATHS). */
typedef struct {
    MoveId move;
    int out_permille; /* the out-breath starts this far into the rep's cycle, in thousandths */
    const char *in_text, *out_text; /* said as each starts: "Breathe in.", "Breathe out, draw in." */
} MovesBreath;

/* The breath of move id's rep (a row of MOVES_BREATHS), or NULL when its rep is not one breath.
 * Static storage. */
const MovesBreath *moves_breath(MoveId id);

/* A sided move whose sides have words of their own (a row of MOVES_SIDE_WORDS). */
typedef struct {
    MoveId move;
    const char *left, *right; /* said as a run on that side starts: "Knees to your left." */
} MovesSideWords;

/* The words of move id's sides (a row of MOVES_SIDE_WORDS), or NULL when it has none. Static
 * storage. */
const MovesSideWords *moves_side_words(MoveId id);

/* The how-to of move id (a row of MOVES_HOWTO): "Lie on your back, knees bent, and let both knees
 * roll slowly to one side.", or NULL for a move with none (a rest's figure, a way, an own move).
 * Static storage. */
const char *moves_howto(MoveId id);

/* The words of way id (a row of MOVES_WAY_WORDS): "Sit back towards your heels, ...", or NULL for
 * any other move. Static storage. */
const char *moves_way_words(MoveId id);

/* Comma-separated list of the position words, for error messages. Static storage. */
const char *moves_position_list(void);

#endif
