/* xwin.h: what SDL does not say about the X server a window is on: whether that server is
 * Xwayland, and the X window's real geometry. Asked through SDL_GetWindowWMInfo and the libX11
 * that SDL's x11 video driver has loaded already (opened with RTLD_NOLOAD: this module never
 * loads it). Under any other video driver (Wayland, dummy, offscreen) every answer is "no". */
#ifndef UNKNOT_XWIN_H
#define UNKNOT_XWIN_H

#include <SDL.h>
#include <stdbool.h>

/* What shows that win is an X11 window on Xwayland, as a phrase for a log line, or NULL when
 * nothing does (another driver or X server, or libX11 not loaded). What an X client of Xwayland
 * sees whatever its environment, unlike WAYLAND_DISPLAY, which sudo, a service unit or a launcher
 * may clear: the X server's XWAYLAND extension (Xwayland 23.1 and later), else a screen (RandR
 * output) named XWAYLAND<n>, as every Xwayland names its outputs (Debian 12's 22.1.9 has no
 * extension; SDL gives the output's name as the display's). One round trip to the X server. */
const char *xwin_xwayland(SDL_Window *win);

/* The X window of win where the X server has it: *r gets its position on the root window and its
 * size. SDL keeps its own idea of both, which an outside resize of a full-screen window followed
 * by an unmap and a map can leave wrong (SDL then believes the display's size while the X window
 * keeps the outside one). Returns false, *r unchanged, when win is no X11 window. Two round trips. */
bool xwin_geometry(SDL_Window *win, SDL_Rect *r);

#endif
