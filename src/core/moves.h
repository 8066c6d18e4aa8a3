/* moves.h: the catalogue of moves unknot can show. Pure data, no SDL, no I/O.
 * A new move is one row in moves.c plus a pose file in assets/poses/; nothing else changes. */
#ifndef UNKNOT_MOVES_H
#define UNKNOT_MOVES_H

#include <stdbool.h>

typedef enum {
    MOVE_NONE = -1,
    MOVE_CHILD_POSE = 0,
    MOVE_CAT_CAMEL,
    MOVE_FORWARD_FOLD,
    MOVE_SPINAL_TWIST,
    MOVE_SUPERMAN,
    MOVE_BRIDGE,
    MOVE_BIRD_DOG,
    MOVE_IDLE, /* standing, breathing: menus, safety notice, attract screen */
    MOVE_REST, /* lying, breathing: rest steps and timers */
    MOVE_COUNT
} MoveId;

typedef struct {
    const char *id; /* name used in routine files and sprite files: "child_pose" */
    const char *name; /* display name: "Child's pose" */
    bool routine_usable; /* false for idle/rest, which routines cannot name with `move` */
    bool sided; /* true when the move is normally done on each side */
    int default_tempo_ms; /* tempo used when a routine gives reps without a tempo */
} MoveInfo;

/* Look up a move by its routine/sprite id. Returns MOVE_NONE if unknown. len may be -1 for a C string. */
MoveId moves_find(const char *id, int len);

/* Information for a valid MoveId; never NULL for 0 <= id < MOVE_COUNT. */
const MoveInfo *moves_info(MoveId id);

/* Comma-separated list of move ids a routine may use, for error messages. Static storage. */
const char *moves_usable_list(void);

#endif
