/* files.h: the one way unknot reads and writes files. Every file the program opens (routines,
 * input scripts, images, sounds, voice clips, configs, fonts, pose files) is read whole
 * through files_read: regular files only, opened without blocking, bounded by a limit per kind.
 * Every file it makes is written whole or not at all (a temporary file, then rename). Nothing here
 * parses or prints; callers warn once and fall back as their module documents. No SDL. */
#ifndef UNKNOT_FILES_H
#define UNKNOT_FILES_H

#include <stddef.h>

#include "routine.h"
#include "simulate.h"

#define FILES_PATH_BYTES 4096

/* Size limits, one per kind of file: a few times the biggest legitimate file, so a link to
 * /dev/zero or a huge file is refused before a byte is read. */
#define FILES_MAX_IMAGE_BYTES (32 * 1024 * 1024) /* a sprite sheet PNG (the largest is 1.3 MB) */
#define FILES_MAX_IMAGE_PIXELS (16 * 1024 * 1024) /* decoded: 64 MB of RGBA at most (largest 4 M) */
#define FILES_MAX_SOUND_BYTES (8 * 1024 * 1024) /* an effect sound WAV (the largest is 0.1 MB) */
#define FILES_MAX_VOICE_BYTES (4 * 22050 * 60 + 4096) /* a voice clip: a minute of stereo 16-bit */
#define FILES_MAX_CONFIG_BYTES (64 * 1024) /* audio.conf, bindings.conf, kiosk.conf */
#define FILES_MAX_FONT_BYTES (64 * 1024 * 1024) /* a TrueType/OpenType font (DejaVu: 0.7 MB) */
#define FILES_MAX_POSE_BYTES (64 * 1024) /* an assets/poses file (.pose) (about 1 KB) */

/* Read a whole regular file of at most max_bytes (one of the FILES_MAX_* limits). Returns 0 with *out (malloc'd,
 * NUL-terminated, caller frees) and *len, or -1 with a reason in err. Directories, devices, FIFOs and larger files are
 * refused without reading them. */
int files_read(const char *path, size_t max_bytes, char **out, size_t *len, char *err, size_t errsize);

/* Read the first cap bytes (or fewer) of a regular file of at most max_bytes into buf, with the same
 * refusals as files_read: *len bytes read, *file_size the whole file's. Returns 0, or -1 with a reason
 * in err (errno kept). */
int files_read_head(const char *path, size_t max_bytes, void *buf, size_t cap, size_t *len, size_t *file_size,
                    char *err, size_t errsize);

/* Read and parse a routine. I/O problems come back as one error at line 1, column 1.
 * Returns 0 and fills *r (free with routine_free), or -1 and fills errs. */
int files_load_routine(const char *path, Routine *r, RoutineErrors *errs);

/* Read and parse an input script (see simulate.h), errors as for files_load_routine. */
int files_load_inputs(const char *path, InputScript *in, RoutineErrors *errs);

/* An output file being written: bytes go to PATH.tmpPID beside it, and only files_out_commit
 * renames that into place, after every write, fsync and the close succeeded. Until then a
 * SIGINT or SIGTERM removes the temporary file (files_catch_signals). */
typedef struct {
    int fd;
    int error; /* the first errno met, 0 while all is well */
    char path[FILES_PATH_BYTES];
    char tmp[FILES_PATH_BYTES + 32];
} FilesOut;

/* Create path's temporary file. Returns 0, or -1 with the reason in err. */
int files_out_open(FilesOut *o, const char *path, char *err, size_t errsize);

/* Append len bytes. Returns 0, or -1 once any write has failed (the error is kept for commit). */
int files_out_write(FilesOut *o, const void *data, size_t len);

/* Overwrite len bytes at offset (a header patched after the data). Returns 0 or -1, as above. */
int files_out_pwrite(FilesOut *o, const void *data, size_t len, long long offset);

/* Flush, close and rename into place. Returns 0, or -1 with the reason in err, and then nothing
 * is left at path's temporary name and path itself is untouched. */
int files_out_commit(FilesOut *o, char *err, size_t errsize);

/* Give up: close and remove the temporary file. Safe after a failed open or a commit. */
void files_out_abort(FilesOut *o);

/* Remove the temporary files (NAME.tmpPID) in dir left by processes that are gone (a killed
 * render, a power cut); those of a live process are kept. Returns how many were removed. */
int files_out_clean_stale(const char *dir);

/* Write data to path whole or not at all (files_out_*). Returns 0, or -1 with the reason in err. */
int files_write_atomic(const char *path, const void *data, size_t len, char *err, size_t errsize);

/* For command-line modes: SIGINT and SIGTERM remove the temporary files of open FilesOut and end
 * the process at once (exit status as if killed by the signal); SIGXFSZ is ignored so that a
 * file-size limit becomes a write error (EFBIG) instead of a silent kill. */
void files_catch_signals(void);

/* The user's config directory for unknot ($XDG_CONFIG_HOME/unknot or ~/.config/unknot), created
 * (with its parents) when missing. A relative $XDG_CONFIG_HOME is ignored, as the XDG spec says.
 * The one place that decides where settings live. Returns 0 and fills buf, or -1. */
int files_config_dir(char *buf, size_t size);

/* The user's data directory for unknot ($XDG_DATA_HOME/unknot or ~/.local/share/unknot), where
 * the history lives, created when missing; the same rules as files_config_dir. Returns 0 or -1. */
int files_data_dir(char *buf, size_t size);

/* files_data_dir's path, not created (where a physio's own moves are looked for). Returns 0 or -1. */
int files_data_home(char *buf, size_t size);

/* Print each error of errs as one FILE:LINE:COL line on stderr, then a "too many errors" line
 * when the list was cut. */
void files_print_errors(const RoutineErrors *errs);

#endif
