/* files.c: bounded, type-checked file reading and atomic writing. Refuses anything that could
 * hang (FIFOs, devices) or exhaust memory (files over the limit) before reading a byte. */
#include "files.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int files_read(const char *path, size_t max_bytes, char **out, size_t *len, char *err, size_t errsize)
{
    *out = NULL;
    *len = 0;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, errsize, "cannot open: %s", strerror(errno));
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) < 0) {
        snprintf(err, errsize, "cannot read: %s", strerror(errno));
        close(fd);
        return -1;
    }
    if (S_ISDIR(st.st_mode)) {
        snprintf(err, errsize, "is a directory, not a file");
        close(fd);
        return -1;
    }
    if (!S_ISREG(st.st_mode)) {
        snprintf(err, errsize, "is not a regular file");
        close(fd);
        return -1;
    }
    if ((size_t)st.st_size > max_bytes) {
        snprintf(err, errsize, "file is %lld bytes; the limit is %zu", (long long)st.st_size, max_bytes);
        close(fd);
        return -1;
    }
    size_t cap = (size_t)st.st_size + 1;
    char *buf = malloc(cap);
    if (!buf) {
        snprintf(err, errsize, "out of memory");
        close(fd);
        return -1;
    }
    size_t n = 0;
    for (;;) {
        ssize_t r = read(fd, buf + n, cap - 1 - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            snprintf(err, errsize, "cannot read: %s", strerror(errno));
            free(buf);
            close(fd);
            return -1;
        }
        if (r == 0 || (n += (size_t)r) == cap - 1)
            break;
    }
    close(fd);
    buf[n] = 0;
    *out = buf;
    *len = n;
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
    int rc = routine_parse(path, src, len, r, errs);
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

int files_write_atomic(const char *path, const void *data, size_t len)
{
    char tmp[4096];
    if (snprintf(tmp, sizeof tmp, "%s.tmp.%ld", path, (long)getpid()) >= (int)sizeof tmp)
        return -1;
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return -1;
    const char *p = data;
    size_t left = len;
    while (left > 0) {
        ssize_t w = write(fd, p, left);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            close(fd);
            unlink(tmp);
            return -1;
        }
        p += w;
        left -= (size_t)w;
    }
    if (fsync(fd) < 0 || close(fd) < 0) {
        unlink(tmp);
        return -1;
    }
    if (rename(tmp, path) < 0) {
        unlink(tmp);
        return -1;
    }
    return 0;
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

int files_data_dir(char *buf, size_t size)
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
    if (n < 0 || (size_t)n >= size)
        return -1;
    return make_dirs(buf);
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
