/* input.c: SDL events to actions. Keyboard, game controllers (hot-plug, several at once) and
 * mouse/touch buttons are bound through one table; touch areas are resolved by the caller,
 * who knows the layout. */
#include "input.h"

#include <errno.h>
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

/* Trim spaces and tabs at both ends of [*s, *e). */
static void trim(const char **s, const char **e)
{
    while (*s < *e && (**s == ' ' || **s == '\t' || **s == '\r'))
        (*s)++;
    while (*e > *s && ((*e)[-1] == ' ' || (*e)[-1] == '\t' || (*e)[-1] == '\r'))
        (*e)--;
}

/* One line "key NAME = ACTION" or "pad BUTTON = ACTION"; NAME may hold spaces ("keypad enter").
 * Returns NULL when bound, else why not. */
static const char *parse_binding(const char *p, const char *le, Bindings *b)
{
    const char *eq = memchr(p, '=', (size_t)(le - p));
    if (!eq)
        return "expected 'key NAME = ACTION' or 'pad BUTTON = ACTION'";
    const char *ks = p, *ke = p;
    while (ke < eq && ke[0] != ' ' && ke[0] != '\t')
        ke++;
    const char *ns = ke, *ne = eq, *as = eq + 1, *ae = le;
    trim(&ns, &ne);
    trim(&as, &ae);
    if (ns == ne || as == ae || memchr(as, ' ', (size_t)(ae - as)) || memchr(as, '=', (size_t)(ae - as)))
        return "expected 'key NAME = ACTION' or 'pad BUTTON = ACTION'";
    for (const char *c = p; c < le; c++)
        if ((unsigned char)*c < 0x20 && *c != '\t' && *c != '\r')
            return "a control character in the line";
    Action a = action_from_name(as, (size_t)(ae - as));
    if (a == ACT_NONE || a == ACT_RELEASE)
        return "unknown action (press, pause, skip, back, quit, fullscreen, mute, volume-up, volume-down, up, down)";
    char name[64];
    if ((size_t)(ne - ns) >= sizeof name)
        return "the key or button name is too long";
    memcpy(name, ns, (size_t)(ne - ns));
    name[ne - ns] = 0;
    size_t klen = (size_t)(ke - ks);
    BindKind kind;
    int code;
    if (klen == 3 && !strncasecmp(ks, "key", 3)) {
        SDL_Keycode k = SDL_GetKeyFromName(name);
        if (k == SDLK_UNKNOWN)
            return "unknown key name (SDL key names: space, return, keypad enter, f5, a, ...)";
        kind = BIND_KEY;
        code = (int)k;
    } else if (klen == 3 && !strncasecmp(ks, "pad", 3)) {
        SDL_GameControllerButton btn = SDL_GameControllerGetButtonFromString(name);
        if (btn == SDL_CONTROLLER_BUTTON_INVALID)
            return "unknown pad button (a, b, x, y, start, back, leftshoulder, rightshoulder, dpup, ...)";
        kind = BIND_PAD_BUTTON;
        code = (int)btn;
    } else {
        return "a binding starts with 'key' or 'pad'";
    }
    int before = b->count;
    bool replaced = false;
    for (int i = 0; i < b->count; i++)
        replaced |= b->items[i].kind == kind && b->items[i].code == code;
    bind(b, kind, code, a);
    if (!replaced && b->count == before)
        return "too many bindings (at most " INPUT_MAX_BINDINGS_TEXT ")";
    return NULL;
}

int input_parse_bindings(const char *src, size_t len, Bindings *b, char *err, size_t errsize)
{
    int bad = 0, line = 0;
    const char *p = src, *end = src + len;
    if (err && errsize)
        err[0] = 0;
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3; /* a UTF-8 byte order mark, as some editors write */
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        const char *next = nl ? nl + 1 : end;
        line++;
        const char *why = NULL;
        if ((size_t)(le - p) > INPUT_MAX_BINDING_LINE) {
            why = "line too long (over " INPUT_MAX_BINDING_LINE_TEXT " bytes)";
        } else {
            const char *hash = memchr(p, '#', (size_t)(le - p));
            const char *s = p, *e = hash ? hash : le;
            trim(&s, &e);
            if (s < e)
                why = parse_binding(s, e, b);
        }
        if (why) {
            if (bad == 0 && err)
                snprintf(err, errsize, "line %d: %s", line, why);
            bad++;
        }
        p = next;
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
    if (files_read(bindings_path, FILES_MAX_CONFIG_BYTES, &src, &len, err, sizeof err) < 0) {
        if (errno != ENOENT) /* no file is the usual case: the defaults, silently */
            fprintf(stderr, "unknot: warning: %s: %s; the default bindings apply\n", bindings_path, err);
        return;
    }
    char why[200];
    int bad = input_parse_bindings(src, len, &in->bindings, why, sizeof why);
    if (bad > 1)
        fprintf(stderr, "unknot: warning: %s: %s (and %d more lines); the rest of the bindings apply\n", bindings_path,
                why, bad - 1);
    else if (bad == 1)
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
