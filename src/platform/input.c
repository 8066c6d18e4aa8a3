/* input.c: SDL events to actions. Keyboard, game controllers (hot-plug, several at once) and
 * mouse/touch buttons are bound through one table; touch areas are resolved by the caller,
 * who knows the layout. */
#include "input.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "files.h"

static const char *const action_names[ACT_COUNT] = {
    "none",       "press", "release",   "pause",       "skip", "back", "quit",
    "fullscreen", "mute",  "volume-up", "volume-down", "up",   "down",
};

const char *input_action_name(Action a)
{
    return a >= 0 && a < ACT_COUNT ? action_names[a] : "none";
}

static void bind(Bindings *b, BindKind kind, int code, Action a)
{
    /* a later binding for the same key replaces the earlier one */
    for (int i = 0; i < b->count; i++) {
        if (b->items[i].kind == kind && b->items[i].code == code) {
            b->items[i].action = a;
            return;
        }
    }
    if (b->count < INPUT_MAX_BINDINGS)
        b->items[b->count++] = (Binding){kind, code, a};
}

void input_default_bindings(Bindings *b)
{
    memset(b, 0, sizeof *b);
    bind(b, BIND_KEY, SDLK_SPACE, ACT_PRESS);
    bind(b, BIND_KEY, SDLK_RETURN, ACT_PRESS);
    bind(b, BIND_KEY, SDLK_KP_ENTER, ACT_PRESS);
    bind(b, BIND_KEY, SDLK_ESCAPE, ACT_PAUSE);
    bind(b, BIND_KEY, SDLK_p, ACT_PAUSE);
    bind(b, BIND_KEY, SDLK_s, ACT_SKIP);
    bind(b, BIND_KEY, SDLK_BACKSPACE, ACT_BACK);
    bind(b, BIND_KEY, SDLK_q, ACT_QUIT);
    bind(b, BIND_KEY, SDLK_F11, ACT_FULLSCREEN);
    bind(b, BIND_KEY, SDLK_m, ACT_MUTE);
    bind(b, BIND_KEY, SDLK_PLUS, ACT_VOLUME_UP);
    bind(b, BIND_KEY, SDLK_EQUALS, ACT_VOLUME_UP);
    bind(b, BIND_KEY, SDLK_KP_PLUS, ACT_VOLUME_UP);
    bind(b, BIND_KEY, SDLK_MINUS, ACT_VOLUME_DOWN);
    bind(b, BIND_KEY, SDLK_KP_MINUS, ACT_VOLUME_DOWN);
    bind(b, BIND_KEY, SDLK_UP, ACT_UP);
    bind(b, BIND_KEY, SDLK_DOWN, ACT_DOWN);
    bind(b, BIND_KEY, SDLK_LEFT, ACT_BACK);
    bind(b, BIND_KEY, SDLK_RIGHT, ACT_SKIP);
    bind(b, BIND_PAD_BUTTON, SDL_CONTROLLER_BUTTON_A, ACT_PRESS);
    bind(b, BIND_PAD_BUTTON, SDL_CONTROLLER_BUTTON_B, ACT_BACK);
    bind(b, BIND_PAD_BUTTON, SDL_CONTROLLER_BUTTON_START, ACT_PAUSE);
    bind(b, BIND_PAD_BUTTON, SDL_CONTROLLER_BUTTON_BACK, ACT_QUIT);
    bind(b, BIND_PAD_BUTTON, SDL_CONTROLLER_BUTTON_RIGHTSHOULDER, ACT_SKIP);
    bind(b, BIND_PAD_BUTTON, SDL_CONTROLLER_BUTTON_LEFTSHOULDER, ACT_BACK);
    bind(b, BIND_PAD_BUTTON, SDL_CONTROLLER_BUTTON_DPAD_UP, ACT_UP);
    bind(b, BIND_PAD_BUTTON, SDL_CONTROLLER_BUTTON_DPAD_DOWN, ACT_DOWN);
    bind(b, BIND_PAD_BUTTON, SDL_CONTROLLER_BUTTON_X, ACT_MUTE);
    bind(b, BIND_PAD_BUTTON, SDL_CONTROLLER_BUTTON_Y, ACT_VOLUME_UP);
}

static Action action_from_name(const char *s, size_t n)
{
    for (int i = 1; i < ACT_COUNT; i++)
        if (strlen(action_names[i]) == n && !strncasecmp(action_names[i], s, n))
            return (Action)i;
    return ACT_NONE;
}

int input_parse_bindings(const char *src, size_t len, Bindings *b, char *err, size_t errsize)
{
    int bad = 0, line = 0;
    const char *p = src, *end = src + len;
    if (err && errsize)
        err[0] = 0;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        char buf[256];
        size_t n = (size_t)(le - p) < sizeof buf - 1 ? (size_t)(le - p) : sizeof buf - 1;
        memcpy(buf, p, n);
        buf[n] = 0;
        p = nl ? nl + 1 : end;
        line++;
        char *hash = strchr(buf, '#');
        if (hash)
            *hash = 0;
        char kind[32], name[64], eq[8], act[32];
        int got = sscanf(buf, "%31s %63s %7s %31s", kind, name, eq, act);
        if (got <= 0)
            continue;
        const char *why = NULL;
        Action a = ACT_NONE;
        if (got != 4 || strcmp(eq, "="))
            why = "expected 'key NAME = ACTION' or 'pad BUTTON = ACTION'";
        else if ((a = action_from_name(act, strlen(act))) == ACT_NONE || a == ACT_RELEASE)
            why = "unknown action";
        else if (!strcasecmp(kind, "key")) {
            SDL_Keycode k = SDL_GetKeyFromName(name);
            if (k == SDLK_UNKNOWN)
                why = "unknown key name (SDL key names: space, return, f5, a, ...)";
            else
                bind(b, BIND_KEY, k, a);
        } else if (!strcasecmp(kind, "pad")) {
            SDL_GameControllerButton btn = SDL_GameControllerGetButtonFromString(name);
            if (btn == SDL_CONTROLLER_BUTTON_INVALID)
                why = "unknown pad button (a, b, x, y, start, back, leftshoulder, rightshoulder, dpup, ...)";
            else
                bind(b, BIND_PAD_BUTTON, btn, a);
        } else
            why = "a binding starts with 'key' or 'pad'";
        if (why) {
            if (bad == 0 && err)
                snprintf(err, errsize, "line %d: %s", line, why);
            bad++;
        }
    }
    return bad;
}

void input_init(Input *in, const char *bindings_path)
{
    memset(in, 0, sizeof *in);
    in->active_pad = -1;
    input_default_bindings(&in->bindings);
    if (!bindings_path)
        return;
    char *src;
    size_t len;
    char err[256];
    if (files_read(bindings_path, 64 * 1024, &src, &len, err, sizeof err) < 0)
        return; /* no file: the defaults */
    char why[200];
    if (input_parse_bindings(src, len, &in->bindings, why, sizeof why) > 0)
        fprintf(stderr, "unknot: warning: %s: %s; the rest of the bindings apply\n", bindings_path, why);
    free(src);
}

void input_close(Input *in)
{
    for (int i = 0; i < INPUT_MAX_PADS; i++)
        if (in->pads[i])
            SDL_GameControllerClose(in->pads[i]);
    memset(in->pads, 0, sizeof in->pads);
}

static Action lookup(const Input *in, BindKind kind, int code)
{
    for (int i = 0; i < in->bindings.count; i++)
        if (in->bindings.items[i].kind == kind && in->bindings.items[i].code == code)
            return in->bindings.items[i].action;
    return ACT_NONE;
}

static void add(InputResult *r, Action a)
{
    if (a != ACT_NONE && r->count < 2)
        r->actions[r->count++] = a;
}

InputResult input_translate(Input *in, const SDL_Event *e)
{
    InputResult r;
    memset(&r, 0, sizeof r);
    switch (e->type) {
    case SDL_KEYDOWN:
        if (!e->key.repeat)
            add(&r, lookup(in, BIND_KEY, e->key.keysym.sym));
        break;
    case SDL_KEYUP:
        if (lookup(in, BIND_KEY, e->key.keysym.sym) == ACT_PRESS)
            add(&r, ACT_RELEASE);
        break;
    case SDL_CONTROLLERDEVICEADDED: {
        int index = e->cdevice.which;
        for (int i = 0; i < INPUT_MAX_PADS; i++) {
            if (in->pads[i])
                continue;
            SDL_GameController *gc = SDL_GameControllerOpen(index);
            if (!gc)
                break;
            in->pads[i] = gc;
            in->pad_ids[i] = SDL_JoystickInstanceID(SDL_GameControllerGetJoystick(gc));
            const char *name = SDL_GameControllerName(gc);
            snprintf(r.notice, sizeof r.notice, "Gamepad connected: %s", name ? name : "gamepad");
            break;
        }
        break;
    }
    case SDL_CONTROLLERDEVICEREMOVED:
        for (int i = 0; i < INPUT_MAX_PADS; i++) {
            if (in->pads[i] && in->pad_ids[i] == e->cdevice.which) {
                SDL_GameControllerClose(in->pads[i]);
                in->pads[i] = NULL;
                snprintf(r.notice, sizeof r.notice, "Gamepad disconnected");
                if (in->active_pad == e->cdevice.which) {
                    r.pad_removed = true;
                    in->active_pad = -1;
                }
            }
        }
        break;
    case SDL_CONTROLLERBUTTONDOWN:
        in->active_pad = e->cbutton.which;
        add(&r, lookup(in, BIND_PAD_BUTTON, e->cbutton.button));
        break;
    case SDL_CONTROLLERBUTTONUP:
        if (lookup(in, BIND_PAD_BUTTON, e->cbutton.button) == ACT_PRESS)
            add(&r, ACT_RELEASE);
        break;
    case SDL_CONTROLLERAXISMOTION:
        /* the left stick navigates menus: an edge past half travel */
        if (e->caxis.axis == SDL_CONTROLLER_AXIS_LEFTY) {
            Sint16 v = e->caxis.value, old = in->last_axis_y;
            in->active_pad = e->caxis.which;
            if (v < -16000 && old >= -16000)
                add(&r, ACT_UP);
            else if (v > 16000 && old <= 16000)
                add(&r, ACT_DOWN);
            in->last_axis_y = v;
        }
        break;
    default: break;
    }
    return r;
}
