/* kioskconf.h: kiosk mode's settings file ($XDG_CONFIG_HOME/unknot/kiosk.conf, INI read with
 * inih) and the admin PIN, kept only as a libsodium crypto_pwhash_str hash in that file.
 * A bad line is one warning with its line number; the rest of the file still applies.
 * docs/kiosk.md lists every setting. */
#ifndef UNKNOT_KIOSKCONF_H
#define UNKNOT_KIOSKCONF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "kiosk.h"

#define KIOSKCONF_SHORT_MS (10 * 60 * 1000) /* without a routines setting, those at most this long */
#define KIOSKCONF_NAME_BYTES 256
#define KIOSKCONF_HASH_BYTES 128 /* crypto_pwhash_STRBYTES */
#define KIOSKCONF_MAX_BYTES (64 * 1024) /* a larger settings file is refused */
#define KIOSKCONF_IDLE_MIN_S 15 /* idle_seconds is kept between these */
#define KIOSKCONF_IDLE_MAX_S 3600

typedef struct {
    char clinic[KIOSKCONF_NAME_BYTES]; /* shown on the attract screen; "" for none */
    char routines[KIOSK_MAX_TILES][KIOSKCONF_NAME_BYTES]; /* file names in the levels folder */
    int routine_count; /* 0: the routines of at most KIOSKCONF_SHORT_MS */
    int idle_seconds; /* KIOSK_IDLE_MS_DEFAULT / 1000 unless set */
    int volume; /* 0..100, or -1 to keep the saved volume */
    bool patient_codes;
    char pin_hash[KIOSKCONF_HASH_BYTES]; /* "" when no PIN is set */
    int warnings; /* bad lines found by the last load */
} KioskConfig;

/* The settings file's default path, $XDG_CONFIG_HOME/unknot/kiosk.conf. Returns 0 or -1. */
int kioskconf_default_path(char *buf, size_t size);

/* The defaults: no clinic name, the short routines, 60 s idle, saved volume, no codes, no PIN. */
void kioskconf_defaults(KioskConfig *c);

/* Defaults, then the file at path. A missing file is no error (returns 0, nothing printed); an
 * unreadable one is one warning (returns -1, defaults kept). Each bad line or value prints
 * "PATH:LINE:1: warning: ..." on stderr and is skipped. */
int kioskconf_load(const char *path, KioskConfig *c);

/* Apply len bytes of kiosk.conf text (named path in warnings) onto c: each bad line or value is
 * one "PATH:LINE:1: warning: ..." on warn_to (NULL: only counted in c->warnings) and skipped. */
void kioskconf_parse(const char *path, const char *text, size_t len, KioskConfig *c, FILE *warn_to);

/* True when pin matches the configured hash (false when no PIN is set). Takes about 0.1 s
 * (the hash's own cost) and briefly 64 MB: call it once per try. */
bool kioskconf_check_pin(const KioskConfig *c, const char *pin);

/* True when pin is KIOSK_PIN_MIN_DIGITS..KIOSK_PIN_MAX_DIGITS digits and nothing else. */
bool kioskconf_pin_valid(const char *pin);

/* Hash pin and write it as pin_hash into the settings file at path, keeping every other line
 * (the file is written whole: a temporary file, then rename; made when missing). Returns 0, or
 * -1 with a one-line reason in err. */
int kioskconf_set_pin(const char *path, const char *pin, char *err, size_t errsize);

#endif
