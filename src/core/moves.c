/* moves.c: the move catalogue. Data only; the order matches MoveId. */
#include "moves.h"

#include <string.h>

static const MoveInfo moves_table[MOVE_COUNT] = {
    [MOVE_CHILD_POSE] = {"child_pose", "Child's pose", true, false, 6000},
    [MOVE_CAT_CAMEL] = {"cat_camel", "Cat-camel", true, false, 4000},
    [MOVE_FORWARD_FOLD] = {"forward_fold", "Forward fold", true, false, 6000},
    [MOVE_SPINAL_TWIST] = {"spinal_twist", "Spinal twist", true, true, 6000},
    [MOVE_SUPERMAN] = {"superman", "Superman", true, false, 4000},
    [MOVE_BRIDGE] = {"bridge", "Bridge", true, false, 4000},
    [MOVE_BIRD_DOG] = {"bird_dog", "Bird dog", true, true, 4000},
    [MOVE_IDLE] = {"idle", "Stand and breathe", false, false, 4000},
    [MOVE_REST] = {"rest", "Rest", false, false, 4000},
};

MoveId moves_find(const char *id, int len)
{
    size_t n = len < 0 ? strlen(id) : (size_t)len;
    for (int i = 0; i < MOVE_COUNT; i++) {
        if (strlen(moves_table[i].id) == n && memcmp(moves_table[i].id, id, n) == 0)
            return (MoveId)i;
    }
    return MOVE_NONE;
}

const MoveInfo *moves_info(MoveId id)
{
    if (id < 0 || id >= MOVE_COUNT)
        return 0;
    return &moves_table[id];
}

const char *moves_usable_list(void)
{
    return "child_pose, cat_camel, forward_fold, spinal_twist, superman, bridge, bird_dog";
}
