/* files.c: bounded, type-checked file reading and whole-or-nothing writing. Refuses anything
 * that could hang (FIFOs, devices) or exhaust memory (files over the limit) before reading a
 * byte. The one global is the table of temporary files a signal must remove. */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700 /* realpath (the SDL flags define 600, which has it too) */
#endif
#include "files.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <fcntl.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ownmoves.h"

/* Fail files_read: the reason in err, errno kept for the caller (ENOENT: no such file). */
static int files_read_fail(int fd, char *buf, int e, char *err, size_t errsize, const char *fmt, const char *detail)
{
    snprintf(err, errsize, fmt, detail);
    free(buf);
    if (fd >= 0)
        close(fd);
    errno = e;
    return -1;
}

/* Open path for reading if it is a regular file of at most max_bytes: the descriptor and its size
 * in *size, or -1 with the reason in err (errno kept). */
static int files_open_regular(const char *path, size_t max_bytes, size_t *size, char *err, size_t errsize)
{
    /* O_NONBLOCK: opening a FIFO with no writer returns at once (and is then refused) */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        int e = errno;
        return files_read_fail(-1, NULL, e, err, errsize, "cannot open: %s", strerror(e));
    }
    struct stat st;
    if (fstat(fd, &st) < 0) {
        int e = errno;
        return files_read_fail(fd, NULL, e, err, errsize, "cannot read: %s", strerror(e));
    }
    if (S_ISDIR(st.st_mode))
        return files_read_fail(fd, NULL, EISDIR, err, errsize, "%s", "is a directory, not a file");
    if (!S_ISREG(st.st_mode))
        return files_read_fail(fd, NULL, EINVAL, err, errsize, "%s",
                               S_ISFIFO(st.st_mode) ? "is a FIFO, not a regular file"
                                                    : "is a device or socket, not a regular file");
    if (st.st_size < 0 || (unsigned long long)st.st_size > max_bytes) {
        char why[96];
        snprintf(why, sizeof why, "file is %lld bytes; the limit is %zu", (long long)st.st_size, max_bytes);
        return files_read_fail(fd, NULL, EFBIG, err, errsize, "%s", why);
    }
    *size = (size_t)st.st_size;
    return fd;
}

/* Read up to cap bytes from fd into buf; the count read, or -1 (errno set). */
static ssize_t files_read_up_to(int fd, char *buf, size_t cap)
{
    size_t n = 0;
    while (n < cap) {
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return -1;
        if (r == 0)
            break;
        n += (size_t)r;
    }
    return (ssize_t)n;
}

int files_read_head(const char *path, size_t max_bytes, void *buf, size_t cap, size_t *len, size_t *file_size,
                    char *err, size_t errsize)
{
    *len = 0;
    *file_size = 0;
    int fd = files_open_regular(path, max_bytes, file_size, err, errsize);
    if (fd < 0)
        return -1;
    ssize_t n = files_read_up_to(fd, buf, cap);
    if (n < 0) {
        int e = errno;
        return files_read_fail(fd, NULL, e, err, errsize, "cannot read: %s", strerror(e));
    }
    close(fd);
    *len = (size_t)n;
    return 0;
}

int files_read(const char *path, size_t max_bytes, char **out, size_t *len, char *err, size_t errsize)
{
    *out = NULL;
    *len = 0;
    size_t size = 0;
    int fd = files_open_regular(path, max_bytes, &size, err, errsize);
    if (fd < 0)
        return -1;
    size_t cap = size + 1;
    char *buf = malloc(cap);
    if (!buf)
        return files_read_fail(fd, NULL, ENOMEM, err, errsize, "%s", "out of memory");
    ssize_t n = files_read_up_to(fd, buf, cap - 1); /* a file that grew meanwhile: read to its size at open */
    if (n < 0) {
        int e = errno;
        return files_read_fail(fd, buf, e, err, errsize, "cannot read: %s", strerror(e));
    }
    close(fd);
    buf[n] = 0;
    *out = buf;
    *len = (size_t)n;
    return 0;
}

static void io_error(RoutineErrors *errs, const char *path, const char *msg)
{
    memset(errs, 0, sizeof *errs);
    routine_errors_add(errs, path, 1, 1, "%s", msg);
}

int files_load_routine(const char *path, Routine *r, RoutineErrors *errs)
{
    char *src;
    size_t len;
    char err[200];
    memset(r, 0, sizeof *r);
    if (files_read(path, ROUTINE_MAX_FILE_BYTES, &src, &len, err, sizeof err) < 0) {
        io_error(errs, path, err);
        return -1;
    }
    /* a physio's own moves: pose files in moves/ beside the routine or in the user's data folder */
    OwnMoves *own = calloc(1, sizeof *own);
    if (!own) {
        free(src);
        io_error(errs, path, "out of memory");
        return -1;
    }
    ownmoves_find(path, src, len, own);
    int rc = routine_parse_with(path, src, len, own->items, own->count, r, errs);
    if (rc == 0 && ownmoves_report(own, r, errs) > 0) {
        routine_free(r);
        rc = -1;
    }
    ownmoves_free(own);
    free(own);
    free(src);
    return rc;
}

int files_load_inputs(const char *path, InputScript *in, RoutineErrors *errs)
{
    char *src;
    size_t len;
    char err[200];
    memset(in, 0, sizeof *in);
    if (files_read(path, SIMULATE_MAX_FILE_BYTES, &src, &len, err, sizeof err) < 0) {
        io_error(errs, path, err);
        return -1;
    }
    int rc = inputscript_parse(path, src, len, in, errs);
    free(src);
    return rc;
}

/* ---- output: temporary file, then rename ---- */

/* Temporary files being written, for the signal handler: a slot is 0 free, 1 being set up or
 * torn down, 2 holding a path the handler may unlink. Lock-free atomics: safe in a handler. */
#define FILES_MAX_OUT 8
static atomic_int files_out_state[FILES_MAX_OUT];
static char files_out_paths[FILES_MAX_OUT][FILES_PATH_BYTES + 32];

static int files_out_register(const char *tmp)
{
    for (int i = 0; i < FILES_MAX_OUT; i++) {
        int expected = 0;
        if (atomic_compare_exchange_strong(&files_out_state[i], &expected, 1)) {
            snprintf(files_out_paths[i], sizeof files_out_paths[i], "%s", tmp);
            atomic_store(&files_out_state[i], 2);
            return i;
        }
    }
    return -1; /* more than FILES_MAX_OUT at once: written all the same, only not cleaned on a signal */
}

static void files_out_unregister(const char *tmp)
{
    for (int i = 0; i < FILES_MAX_OUT; i++) {
        int expected = 2;
        if (strcmp(files_out_paths[i], tmp) == 0 && atomic_compare_exchange_strong(&files_out_state[i], &expected, 1)) {
            files_out_paths[i][0] = 0;
            atomic_store(&files_out_state[i], 0);
            return;
        }
    }
}

static void files_signal(int sig)
{
    for (int i = 0; i < FILES_MAX_OUT; i++)
        if (atomic_load(&files_out_state[i]) == 2)
            unlink(files_out_paths[i]);
    signal(sig, SIG_DFL);
    raise(sig);
}

void files_catch_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = files_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    signal(SIGXFSZ, SIG_IGN);
}

int files_out_open(FilesOut *o, const char *path, char *err, size_t errsize)
{
    memset(o, 0, sizeof *o);
    o->fd = -1;
    /* A link is followed, so the file it names is replaced, not the link. A device or FIFO
     * (/dev/null, /dev/stdout, /dev/full, a pipe) cannot be replaced: it is written directly,
     * and a failed write is still an error. */
    char real[PATH_MAX];
    struct stat st;
    const char *target = path;
    if (stat(path, &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            snprintf(err, errsize, "cannot write %s: %s", path, strerror(EISDIR));
            o->error = EISDIR;
            return -1;
        }
        if (!S_ISREG(st.st_mode)) {
            snprintf(o->path, sizeof o->path, "%s", path);
            o->fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY);
            if (o->fd < 0) {
                o->error = errno;
                snprintf(err, errsize, "cannot write %s: %s", path, strerror(o->error));
                return -1;
            }
            return 0;
        }
        if (realpath(path, real))
            target = real;
    }
    if (snprintf(o->path, sizeof o->path, "%s", target) >= (int)sizeof o->path ||
        snprintf(o->tmp, sizeof o->tmp, "%s.tmp%ld", target, (long)getpid()) >= (int)sizeof o->tmp) {
        snprintf(err, errsize, "cannot write %s: the path is too long", path);
        o->error = ENAMETOOLONG;
        o->tmp[0] = 0;
        return -1;
    }
    files_out_register(o->tmp);
    o->fd = open(o->tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (o->fd < 0) {
        o->error = errno;
        files_out_unregister(o->tmp);
        snprintf(err, errsize, "cannot write %s: %s", path, strerror(o->error));
        o->tmp[0] = 0;
        return -1;
    }
    return 0;
}

int files_out_write(FilesOut *o, const void *data, size_t len)
{
    const char *p = data;
    while (!o->error && len > 0) {
        ssize_t w = write(o->fd, p, len);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            o->error = w < 0 ? errno : EIO;
            break;
        }
        p += w;
        len -= (size_t)w;
    }
    return o->error ? -1 : 0;
}

int files_out_pwrite(FilesOut *o, const void *data, size_t len, long long offset)
{
    const char *p = data;
    while (!o->error && len > 0) {
        ssize_t w = pwrite(o->fd, p, len, (off_t)offset);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            o->error = w < 0 ? errno : EIO;
            break;
        }
        p += w;
        len -= (size_t)w;
        offset += w;
    }
    return o->error ? -1 : 0;
}

void files_out_abort(FilesOut *o)
{
    if (o->fd >= 0)
        close(o->fd);
    o->fd = -1;
    if (o->tmp[0]) {
        unlink(o->tmp);
        files_out_unregister(o->tmp);
        o->tmp[0] = 0;
    }
}

int files_out_commit(FilesOut *o, char *err, size_t errsize)
{
    if (o->fd < 0 && !o->error)
        o->error = EBADF;
    bool direct = !o->tmp[0]; /* a device or FIFO, written in place */
    if (!o->error && !direct && fsync(o->fd) < 0)
        o->error = errno;
    if (o->fd >= 0) {
        if (close(o->fd) < 0 && !o->error)
            o->error = errno;
        o->fd = -1;
    }
    if (!o->error && !direct && rename(o->tmp, o->path) < 0)
        o->error = errno;
    if (o->error) {
        snprintf(err, errsize, "cannot write %s: %s", o->path, strerror(o->error));
        files_out_abort(o);
        return -1;
    }
    if (!direct)
        files_out_unregister(o->tmp);
    o->tmp[0] = 0;
    return 0;
}

int files_out_clean_stale(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    int removed = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        const char *tmp = strstr(e->d_name, ".tmp");
        const char *last = tmp;
        while (last && (tmp = strstr(last + 4, ".tmp")) != NULL)
            last = tmp;
        if (!last || last == e->d_name || !last[4] || strspn(last + 4, "0123456789") != strlen(last + 4) ||
            strlen(last + 4) > 9)
            continue;
        long pid = strtol(last + 4, NULL, 10);
        if (pid <= 0 || pid == (long)getpid() || kill((pid_t)pid, 0) == 0 || errno != ESRCH)
            continue; /* its writer may still be writing (EPERM: alive, someone else's) */
        char path[FILES_PATH_BYTES];
        struct stat st;
        if (snprintf(path, sizeof path, "%s/%s", dir, e->d_name) < (int)sizeof path && lstat(path, &st) == 0 &&
            S_ISREG(st.st_mode) && unlink(path) == 0)
            removed++;
    }
    closedir(d);
    return removed;
}

int files_write_atomic(const char *path, const void *data, size_t len, char *err, size_t errsize)
{
    FilesOut o;
    if (files_out_open(&o, path, err, errsize) < 0)
        return -1;
    files_out_write(&o, data, len);
    return files_out_commit(&o, err, errsize);
}

/* mkdir -p: create p and its missing parents. */
static int make_dirs(char *p)
{
    for (char *q = p + 1; *q; q++) {
        if (*q != '/')
            continue;
        *q = 0;
        int rc = mkdir(p, 0755) == 0 || errno == EEXIST ? 0 : -1;
        *q = '/';
        if (rc < 0)
            return -1;
    }
    return mkdir(p, 0755) == 0 || errno == EEXIST ? 0 : -1;
}

int files_config_dir(char *buf, size_t size)
{
    const char *xdg = getenv("XDG_CONFIG_HOME");
    const char *home = getenv("HOME");
    int n;
    if (xdg && xdg[0] == '/')
        n = snprintf(buf, size, "%s/unknot", xdg);
    else if (home && home[0] == '/')
        n = snprintf(buf, size, "%s/.config/unknot", home);
    else
        return -1;
    if (n < 0 || (size_t)n >= size)
        return -1;
    return make_dirs(buf);
}

int files_data_home(char *buf, size_t size)
{
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    int n;
    if (xdg && xdg[0] == '/')
        n = snprintf(buf, size, "%s/unknot", xdg);
    else if (home && home[0] == '/')
        n = snprintf(buf, size, "%s/.local/share/unknot", home);
    else
        return -1;
    return n < 0 || (size_t)n >= size ? -1 : 0;
}

int files_data_dir(char *buf, size_t size)
{
    return files_data_home(buf, size) < 0 ? -1 : make_dirs(buf);
}

void files_print_errors(const RoutineErrors *errs)
{
    char line[1024];
    for (int i = 0; i < errs->count; i++) {
        routine_error_format(&errs->items[i], line, sizeof line);
        fprintf(stderr, "%s\n", line);
    }
    if (errs->truncated && errs->count > 0)
        fprintf(stderr, "%s: too many errors; stopped after %d\n", errs->items[0].path, errs->count);
}
