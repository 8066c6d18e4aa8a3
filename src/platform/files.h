/* files.h: reading the user's files safely: regular files only, bounded size, one-line errors.
 * Nothing here parses; the core does that from the bytes returned. */
#ifndef UNKNOT_FILES_H
#define UNKNOT_FILES_H

#include <stddef.h>

#include "routine.h"
#include "simulate.h"

/* Read a whole regular file of at most max_bytes. Returns 0 with *out (malloc'd, NUL-terminated,
 * caller frees) and *len, or -1 with a reason in err. Directories, devices, FIFOs and larger
 * files are refused without reading them. */
int files_read(const char *path, size_t max_bytes, char **out, size_t *len, char *err, size_t errsize);

/* Read and parse a routine. I/O problems come back as one error at line 1, column 1.
 * Returns 0 and fills *r (free with routine_free), or -1 and fills errs. */
int files_load_routine(const char *path, Routine *r, RoutineErrors *errs);

/* Read and parse an input script (see simulate.h), errors as for files_load_routine. */
int files_load_inputs(const char *path, InputScript *in, RoutineErrors *errs);

/* Write data to path atomically: a temporary file beside it, fsync, then rename. Returns 0 or -1. */
int files_write_atomic(const char *path, const void *data, size_t len);

/* The user's config directory for unknot ($XDG_CONFIG_HOME/unknot or ~/.config/unknot), created
 * (with its parents) when missing. A relative $XDG_CONFIG_HOME is ignored, as the XDG spec says.
 * The one place that decides where settings live. Returns 0 and fills buf, or -1. */
int files_config_dir(char *buf, size_t size);

/* The user's data directory for unknot ($XDG_DATA_HOME/unknot or ~/.local/share/unknot), where
 * the history lives, created when missing; the same rules as files_config_dir. Returns 0 or -1. */
int files_data_dir(char *buf, size_t size);

/* Print each error of errs as one FILE:LINE:COL line on stderr, then a "too many errors" line
 * when the list was cut. */
void files_print_errors(const RoutineErrors *errs);

#endif
