/* kioskapp.h: kiosk mode on top of the app (unknot --kiosk, docs/kiosk.md). Reads kiosk.conf,
 * turns SDL events into the core's KioskInput (keys, pads, touch, the admin chord), keeps the
 * quit keys and the window's close from ending the program, runs the core's commands (start or
 * drop a workout, check the PIN, reload, exit) and draws the kiosk's own screens. The app calls
 * it through four hooks; the rules themselves are in core/kiosk.h. */
#ifndef UNKNOT_KIOSKAPP_H
#define UNKNOT_KIOSKAPP_H

#include <SDL.h>
#include <stdbool.h>

#include "app.h"
#include "kiosk.h"

#define KIOSKAPP_CORNER_UNITS 160 /* the long-press corner (top left), in layout units */

typedef struct KioskApp KioskApp;

/* Kiosk mode for app a (borrowed) with o's levels folder and o->kiosk_config (NULL: the default
 * path). Prints one warning when no PIN is set. Returns NULL only when out of memory. */
KioskApp *kioskapp_new(App *a, const AppOptions *o);

void kioskapp_free(KioskApp *k);

/* Look at one event first. Returns true when the kiosk used it up (the app must not see it). */
bool kioskapp_event(KioskApp *k, const SDL_Event *e);

/* Advance by frame_ms and carry out the core's commands. Returns true when the workout may
 * advance too (it is on screen and not behind "Still there?"). */
bool kioskapp_update(KioskApp *k, double frame_ms);

/* Draw the kiosk's screen. Returns false when the workout is on screen (the app draws it). */
bool kioskapp_draw(KioskApp *k);

/* The attract loop of the catalogue's usable moves, each timed from its pose file in pose_dir
 * (kiosk_attract_plan). Returns how many were left out (no readable pose file, or too slow). */
int kioskapp_attract_plan(const char *pose_dir, KioskAttract *out);

/* The core state, for tests. */
const Kiosk *kioskapp_state(const KioskApp *k);

/* Show screen s as a still picture for --shot --screen (attract, tiles, pin): the first offered
 * routines and a few typed digits, nothing from a real visitor. Returns 0, or -1 for an unknown s. */
int kioskapp_show(KioskApp *k, const char *screen);

#endif
