/* app.h: the options every front end shares, and the two ways of showing a workout: a real
 * window with the game loop (app_play) and a single headless frame written to PNG (app_shot). */
#ifndef UNKNOT_APP_H
#define UNKNOT_APP_H

#include <stdbool.h>
#include <stdint.h>

#include "simulate.h"

typedef struct {
    const char *data_dir;    /* where assets/ and levels/ are */
    const char *levels_dir;  /* the routine folder for the menu */
    const char *routine;     /* a routine to play at once, or NULL for the menu */
    const char *font;        /* --font, or NULL to ask fontconfig */
    int width, height;       /* window or shot size */
    bool fullscreen;
    const char *shot_out;    /* --shot: PNG path */
    int64_t shot_at_ms;      /* --at */
    const InputScript *inputs; /* --input for --shot, may be NULL */
} AppOptions;

/* Open a window and run the menu or the routine until the user quits. Returns the exit code. */
int app_play(const AppOptions *o);

/* Render the frame a player would see at o->shot_at_ms of o->routine into o->shot_out.
 * Needs no display. Returns the exit code (0, or 1 with one message on stderr). */
int app_shot(const AppOptions *o);

#endif
