/* ownmoves.h: a physio's own moves. A move is added by writing a pose file NAME.pose (the format
 * of assets/poses, docs/sprites.md) in a `moves/` folder beside the routine, or in the user's
 * $XDG_DATA_HOME/unknot/moves/ (~/.local/share/unknot/moves/); a routine then says `move NAME`.
 * Files are read through files_read and parsed by core's pose_parse; the contact rules are core's
 * (pose_move_check), the same as spritegen --report applies to the built-in moves. No SDL. */
#ifndef UNKNOT_OWNMOVES_H
#define UNKNOT_OWNMOVES_H

#include <stddef.h>

#include "routine.h"

#define OWNMOVES_MAX 32 /* pose files offered to one routine */
#define OWNMOVES_NAME_BYTES 32 /* a move's file name, without .pose: [a-z0-9_], at most 31 bytes */

typedef struct {
    RoutineOwnMove items[OWNMOVES_MAX]; /* strings owned here */
    RoutineErrors *errs[OWNMOVES_MAX]; /* a file with errors: what they are (owned); else NULL */
    int count;
} OwnMoves;

/* The own moves the routine at routine_path (whose text is src, len bytes) may name: each
 * NAME.pose in the two folders whose NAME its text holds, beside the routine first (a name in both
 * is the one beside it). Each is read and parsed; a file with errors is offered all the same
 * (routine_usable false), so that a routine naming it reports them (ownmoves_report). */
void ownmoves_find(const char *routine_path, const char *src, size_t len, OwnMoves *out);

/* After routine_parse_with succeeded on r: add the pose file errors of every own move r names
 * whose file has errors. Returns how many such moves there are. */
int ownmoves_report(const OwnMoves *own, const Routine *r, RoutineErrors *errs);

void ownmoves_free(OwnMoves *o);

/* --check of one pose file NAME.pose: read, parse, sample and solve it (pose_move_init), and apply
 * the contact rules (pose_move_check); its `move` line must say NAME (a move is named by its file).
 * Adds FILE:LINE:COL errors; returns 0 when the file is good, and then *samples (may be NULL) is
 * how many solved poses were checked. */
int ownmoves_check_file(const char *path, RoutineErrors *errs, int *samples);

/* The user's moves folder ($XDG_DATA_HOME/unknot/moves, else ~/.local/share/unknot/moves; a
 * relative $XDG_DATA_HOME is ignored), not created. Returns 0, or -1 when there is no home. */
int ownmoves_user_dir(char *buf, size_t size);

#endif
