/* xwin.c: the X server's own answers about a window (xwin.h). Xlib is reached through dlopen
 * with RTLD_NOLOAD: SDL's x11 driver loaded it, on the display connection SDL_GetWindowWMInfo
 * gives; with any other driver nothing is loaded and every function answers "no". */
#include "xwin.h"

#include <SDL_syswm.h>
#include <dlfcn.h>
#include <string.h>

#define XWIN_LIB "libX11.so.6"

#if defined(SDL_VIDEO_DRIVER_X11)

typedef int (*QueryExtensionFn)(Display *, const char *, int *, int *, int *);
typedef Status (*GetWindowAttributesFn)(Display *, Window, XWindowAttributes *);
typedef Bool (*TranslateCoordinatesFn)(Display *, Window, Window, int, int, int *, int *, Window *);

/* win's X display and window, when win is an X11 window. */
static bool x11_window(SDL_Window *win, Display **d, Window *w)
{
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (!win || !SDL_GetWindowWMInfo(win, &info) || info.subsystem != SDL_SYSWM_X11)
        return false;
    *d = info.info.x11.display;
    *w = info.info.x11.window;
    return *d != NULL && *w != 0;
}

/* Put the function name of lib (the loaded libX11, or NULL) in *fn, of size bytes. Object to
 * function pointer through memcpy: ISO C has no cast between them (POSIX allows it). */
static bool xlib_sym(void *lib, const char *name, void *fn, size_t size)
{
    void *sym = lib ? dlsym(lib, name) : NULL;
    if (!sym || size != sizeof sym)
        return false;
    memcpy(fn, &sym, sizeof sym);
    return true;
}

const char *xwin_xwayland(SDL_Window *win)
{
    Display *d;
    Window w;
    if (!x11_window(win, &d, &w))
        return NULL;
    void *lib = dlopen(XWIN_LIB, RTLD_NOW | RTLD_NOLOAD);
    QueryExtensionFn query;
    int opcode, event, error;
    bool ext = xlib_sym(lib, "XQueryExtension", &query, sizeof query) && query(d, "XWAYLAND", &opcode, &event, &error);
    if (lib)
        dlclose(lib);
    if (ext)
        return "the X server has the XWAYLAND extension";
    for (int i = 0; i < SDL_GetNumVideoDisplays(); i++) {
        const char *name = SDL_GetDisplayName(i);
        if (name && strncmp(name, "XWAYLAND", 8) == 0)
            return "its screens are named XWAYLAND<n>";
    }
    return NULL;
}

bool xwin_geometry(SDL_Window *win, SDL_Rect *r)
{
    Display *d;
    Window w;
    if (!x11_window(win, &d, &w))
        return false;
    void *lib = dlopen(XWIN_LIB, RTLD_NOW | RTLD_NOLOAD);
    GetWindowAttributesFn attributes;
    TranslateCoordinatesFn translate;
    XWindowAttributes a;
    int x = 0, y = 0;
    Window child;
    bool ok = xlib_sym(lib, "XGetWindowAttributes", &attributes, sizeof attributes) &&
              xlib_sym(lib, "XTranslateCoordinates", &translate, sizeof translate) && attributes(d, w, &a) &&
              translate(d, w, a.root, 0, 0, &x, &y, &child);
    if (lib)
        dlclose(lib);
    if (ok)
        *r = (SDL_Rect){x, y, a.width, a.height};
    return ok;
}

#else /* an SDL built without X11: no X window to ask about */

const char *xwin_xwayland(SDL_Window *win)
{
    (void)win;
    return NULL;
}

bool xwin_geometry(SDL_Window *win, SDL_Rect *r)
{
    (void)win, (void)r;
    return false;
}

#endif
