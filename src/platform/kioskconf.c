/* kioskconf.c: reads kiosk.conf through inih, line by line so every bad line can be named, and
 * keeps the admin PIN as an Argon2id hash (libsodium). Never prints the PIN or the hash. */
#include "kioskconf.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <ini.h>
#include <sodium.h>

#include "files.h"

/* ---- reading ---- */

typedef struct {
    const char *path;
    const char *p, *end; /* the file's text still to read */
    int line; /* number of the line last handed to inih */
    bool at_line_start;
    KioskConfig *c;
    FILE *warn_to; /* NULL: count the warnings only */
} Reader;

static void warn(Reader *rd, const char *fmt, const char *arg)
{
    rd->c->warnings++;
    if (!rd->warn_to)
        return;
    char msg[KIOSKCONF_NAME_BYTES + 160], where[FILES_PATH_BYTES];
    snprintf(msg, sizeof msg, fmt, arg);
    snprintf(where, sizeof where, "%s", rd->path);
    routine_text_printable(msg); /* a value from the file: no raw control character reaches the terminal */
    routine_text_printable(where);
    fprintf(rd->warn_to, "%s:%d:1: warning: %s\n", where, rd->line, msg);
}

/* A line inih cannot read at all (it would skip it silently after the first): say so. */
static void check_syntax(Reader *rd, const char *s, size_t n)
{
    while (n > 0 && isspace((unsigned char)*s)) {
        s++;
        n--;
    }
    while (n > 0 && isspace((unsigned char)s[n - 1]))
        n--;
    if (n == 0 || *s == ';' || *s == '#')
        return;
    if (*s == '[') {
        if (!memchr(s, ']', n))
            warn(rd, "a section header needs a closing ']'%s", "");
        return;
    }
    if (!memchr(s, '=', n) && !memchr(s, ':', n))
        warn(rd, "cannot read this line: settings are written 'name = value'%s", "");
}

/* inih's fgets-style reader over the file in memory, counting lines. */
static char *reader_next(char *str, int num, void *stream)
{
    Reader *rd = stream;
    if (rd->p >= rd->end || num < 2)
        return NULL;
    const char *nl = memchr(rd->p, '\n', (size_t)(rd->end - rd->p));
    size_t line_len = nl ? (size_t)(nl - rd->p) + 1 : (size_t)(rd->end - rd->p);
    size_t n = line_len < (size_t)num - 1 ? line_len : (size_t)num - 1;
    if (rd->at_line_start) {
        rd->line++;
        check_syntax(rd, rd->p, line_len);
    }
    memcpy(str, rd->p, n);
    str[n] = 0;
    rd->p += n;
    rd->at_line_start = n > 0 && str[n - 1] == '\n';
    return str;
}

static bool parse_int(const char *s, long lo, long hi, int *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    while (*end && isspace((unsigned char)*end))
        end++;
    if (end == s || *end || errno || v < lo || v > hi)
        return false;
    *out = (int)v;
    return true;
}

static bool parse_bool(const char *s, bool *out)
{
    static const char *const yes[] = {"yes", "true", "on", "1"}, *const no[] = {"no", "false", "off", "0"};
    for (int i = 0; i < 4; i++) {
        if (!strcasecmp(s, yes[i]))
            return *out = true, true;
        if (!strcasecmp(s, no[i]))
            return *out = false, true;
    }
    return false;
}

/* The routines setting: "01-gentle-start.routine, 03-desk-break" (".routine" may be left out). */
static void parse_routines(Reader *rd, const char *value)
{
    KioskConfig *c = rd->c;
    c->routine_count = 0;
    const char *p = value;
    while (*p) {
        while (*p == ',' || isspace((unsigned char)*p))
            p++;
        const char *start = p;
        while (*p && *p != ',')
            p++;
        const char *end = p;
        while (end > start && isspace((unsigned char)end[-1]))
            end--;
        if (end == start)
            continue;
        if (c->routine_count >= KIOSK_MAX_TILES) {
            warn(rd, "more than %s routines: the rest are left out", "8");
            return;
        }
        size_t n = (size_t)(end - start);
        bool has_ext = n > 8 && memcmp(end - 8, ".routine", 8) == 0;
        char *dst = c->routines[c->routine_count];
        if (n + (has_ext ? 0 : 8) >= KIOSKCONF_NAME_BYTES || memchr(start, '/', n)) {
            warn(rd, "routines are file names in the levels folder, without folders%s", "");
            continue;
        }
        memcpy(dst, start, n);
        strcpy(dst + n, has_ext ? "" : ".routine");
        c->routine_count++;
    }
}

static int on_setting(void *user, const char *section, const char *name, const char *value)
{
    Reader *rd = user;
    KioskConfig *c = rd->c;
    if (section[0] && strcmp(section, "kiosk") != 0) {
        warn(rd, "unknown section [%s]: kiosk settings go in [kiosk]", section);
        return 1;
    }
    if (!strcmp(name, "clinic")) {
        snprintf(c->clinic, sizeof c->clinic, "%s", value);
    } else if (!strcmp(name, "routines")) {
        parse_routines(rd, value);
    } else if (!strcmp(name, "idle_seconds")) {
        if (!parse_int(value, KIOSKCONF_IDLE_MIN_S, KIOSKCONF_IDLE_MAX_S, &c->idle_seconds))
            warn(rd, "idle_seconds must be a whole number from 15 to 3600, not '%s'", value);
    } else if (!strcmp(name, "volume")) {
        if (!parse_int(value, 0, 100, &c->volume))
            warn(rd, "volume must be a whole number from 0 to 100, not '%s'", value);
    } else if (!strcmp(name, "patient_codes")) {
        if (!parse_bool(value, &c->patient_codes))
            warn(rd, "patient_codes must be yes or no, not '%s'", value);
    } else if (!strcmp(name, "pin_hash")) {
        if (sodium_init() < 0 || strlen(value) >= sizeof c->pin_hash ||
            crypto_pwhash_str_needs_rehash(value, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                           crypto_pwhash_MEMLIMIT_INTERACTIVE) < 0)
            warn(rd, "pin_hash is not a PIN hash written by unknot --set-pin%s; no PIN is set", "");
        else
            snprintf(c->pin_hash, sizeof c->pin_hash, "%s", value);
    } else {
        warn(rd, "unknown setting '%s'", name);
    }
    return 1;
}

void kioskconf_defaults(KioskConfig *c)
{
    memset(c, 0, sizeof *c);
    c->idle_seconds = KIOSK_IDLE_MS_DEFAULT / 1000;
    c->volume = -1;
}

int kioskconf_default_path(char *buf, size_t size)
{
    char dir[4096];
    if (files_config_dir(dir, sizeof dir) < 0)
        return -1;
    return snprintf(buf, size, "%s/kiosk.conf", dir) < (int)size ? 0 : -1;
}

int kioskconf_load(const char *path, KioskConfig *c)
{
    kioskconf_defaults(c);
    char *text = NULL, err[512];
    size_t len = 0;
    if (files_read(path, KIOSKCONF_MAX_BYTES, &text, &len, err, sizeof err) < 0) {
        if (errno == ENOENT)
            return 0; /* no settings yet: the defaults */
        fprintf(stderr, "unknot: warning: %s: %s; the kiosk runs with its defaults\n", path, err);
        c->warnings++;
        return -1;
    }
    kioskconf_parse(path, text, len, c, stderr);
    free(text);
    return 0;
}

void kioskconf_parse(const char *path, const char *text, size_t len, KioskConfig *c, FILE *warn_to)
{
    Reader rd = {path, text, text + len, 0, true, c, warn_to};
    ini_parse_stream(reader_next, &rd, on_setting, &rd);
}

/* ---- the PIN ---- */

bool kioskconf_pin_valid(const char *pin)
{
    size_t n = strlen(pin);
    if (n < KIOSK_PIN_MIN_DIGITS || n > KIOSK_PIN_MAX_DIGITS)
        return false;
    for (size_t i = 0; i < n; i++)
        if (pin[i] < '0' || pin[i] > '9')
            return false;
    return true;
}

bool kioskconf_check_pin(const KioskConfig *c, const char *pin)
{
    if (!c->pin_hash[0] || sodium_init() < 0)
        return false;
    return crypto_pwhash_str_verify(c->pin_hash, pin, strlen(pin)) == 0;
}

/* The key of an INI line ("pin_hash" of "  pin_hash = ..."), compared with name. */
static bool line_is(const char *s, size_t n, const char *name)
{
    size_t k = strlen(name);
    while (n > 0 && (*s == ' ' || *s == '\t')) {
        s++;
        n--;
    }
    if (n < k || memcmp(s, name, k) != 0)
        return false;
    s += k;
    n -= k;
    while (n > 0 && (*s == ' ' || *s == '\t')) {
        s++;
        n--;
    }
    return n > 0 && (*s == '=' || *s == ':');
}

static const char conf_template[] = "# unknot kiosk settings (docs/kiosk.md)\n"
                                    "[kiosk]\n"
                                    "# clinic = Riverside Physiotherapy\n"
                                    "# routines = 01-gentle-start, 03-desk-break\n"
                                    "# idle_seconds = 60\n"
                                    "# volume = 80\n"
                                    "# patient_codes = no\n";

int kioskconf_set_pin(const char *path, const char *pin, char *err, size_t errsize)
{
    char hash[crypto_pwhash_STRBYTES];
    if (!kioskconf_pin_valid(pin)) {
        snprintf(err, errsize, "the PIN must be 4 to 8 digits");
        return -1;
    }
    if (sodium_init() < 0 || crypto_pwhash_str(hash, pin, strlen(pin), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                               crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        snprintf(err, errsize, "cannot hash the PIN (out of memory)");
        return -1;
    }
    char *old = NULL;
    size_t old_len = 0;
    /* through files_read, which refuses a FIFO, device or directory without waiting on it */
    if (files_read(path, KIOSKCONF_MAX_BYTES, &old, &old_len, err, errsize) < 0) {
        if (errno != ENOENT)
            return -1;
        old = strdup(conf_template); /* no settings yet */
        old_len = old ? strlen(old) : 0;
    }
    char line[sizeof hash + 32];
    int line_len = snprintf(line, sizeof line, "pin_hash = %s\n", hash);
    size_t cap = old_len + (size_t)line_len + 2;
    char *out = malloc(cap);
    if (!old || !out) {
        free(old);
        free(out);
        snprintf(err, errsize, "out of memory");
        return -1;
    }
    /* every line kept but the old pin_hash; the new one where it was, else at the top */
    size_t o = 0;
    bool placed = false;
    for (size_t i = 0; i < old_len;) {
        const char *nl = memchr(old + i, '\n', old_len - i);
        size_t n = nl ? (size_t)(nl - (old + i)) + 1 : old_len - i;
        if (line_is(old + i, n, "pin_hash")) {
            if (!placed) {
                memcpy(out + o, line, (size_t)line_len);
                o += (size_t)line_len;
                placed = true;
            }
        } else {
            memcpy(out + o, old + i, n);
            o += n;
            if (n > 0 && old[i + n - 1] != '\n')
                out[o++] = '\n';
        }
        i += n;
    }
    if (!placed) {
        memmove(out + line_len, out, o);
        memcpy(out, line, (size_t)line_len);
        o += (size_t)line_len;
    }
    sodium_memzero(hash, sizeof hash);
    /* Only the kiosk's user may read the file: a 4 to 8 digit PIN can be found from its hash by
     * trying them all, so the hash is as private as the PIN. The mode is set before a byte is in. */
    FilesOut fo;
    int rc = files_out_open(&fo, path, err, errsize);
    if (rc == 0 && fo.tmp[0] && fchmod(fo.fd, 0600) != 0) {
        snprintf(err, errsize, "cannot make %s private: %s", path, strerror(errno));
        files_out_abort(&fo);
        rc = -1;
    }
    if (rc == 0) {
        files_out_write(&fo, out, o);
        rc = files_out_commit(&fo, err, errsize);
    }
    sodium_memzero(out, o);
    free(old);
    free(out);
    return rc;
}
