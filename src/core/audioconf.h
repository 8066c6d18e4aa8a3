/* audioconf.h: the text of audio.conf (volume and mute kept between runs). Pure: parses bytes
 * given, formats into a buffer; no I/O, no SDL. Any bytes are safe to parse. */
#ifndef UNKNOT_AUDIOCONF_H
#define UNKNOT_AUDIOCONF_H

#include <stdbool.h>
#include <stddef.h>

#define AUDIOCONF_VOLUME_DEFAULT 80 /* percent, as AUDIO_VOLUME_DEFAULT */

typedef struct {
    int volume; /* percent, 0..100 */
    bool muted;
} AudioConf;

/* A `key = value` setting of a settings file (audio.conf, view.conf): the key and the value,
 * trimmed, as [ks, ke) and [vs, ve). Returns NULL when taken, else why not. */
typedef const char *(*AudioconfSetting)(void *ctx, const char *ks, const char *ke, const char *vs, const char *ve);

/* Read len bytes of a settings file: a UTF-8 BOM skipped, one setting a line, blank lines and '#'
 * comments, spaces around '='. Each setting goes to setting(ctx, ...); a line without '=' is
 * refused with no_eq, a NUL byte with its own reason. The first refused line is described in why
 * ("line 3: ..."). Returns the number of refused lines. */
int audioconf_settings(const char *src, size_t len, AudioconfSetting setting, void *ctx, const char *no_eq, char *why,
                       size_t whysize);

/* Parse len bytes of audio.conf into *c, which holds the defaults (or earlier values) on entry:
 * lines "volume = N" (N a whole number from 0 to 100), "muted = 0|1", blank lines and '#'
 * comments; spaces around '=' allowed. A line it cannot read leaves its setting as it was; the
 * first such line is described in why ("line 3: ..."). Returns the number of such lines. */
int audioconf_parse(const char *src, size_t len, AudioConf *c, char *why, size_t whysize);

/* The text audio.conf holds for c, into buf. Returns its length, or -1 when buf is too small. */
int audioconf_format(const AudioConf *c, char *buf, size_t size);

#endif
