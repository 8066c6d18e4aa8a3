/* report.h: session events as JSON Lines (the --simulate output, docs/simulate.md). Pure:
 * formats into caller buffers, never prints. */
#ifndef UNKNOT_REPORT_H
#define UNKNOT_REPORT_H

#include <stddef.h>

#include "session.h"

/* Write ev as one JSON object (no newline) into buf. s gives the routine for names and the
 * score for session_end. Returns the length, truncated to size-1. */
size_t report_event_json(const Session *s, const SessionEvent *ev, char *buf, size_t size);

/* Write text as a JSON string body (without quotes), escaping as JSON requires. Returns length. */
size_t report_json_escape(const char *text, char *buf, size_t size);

#endif
