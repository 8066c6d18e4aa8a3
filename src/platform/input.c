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
    "none", "press",     "release",     "pause", "skip", "back", "quit",   "fullscreen",
    "mute", "volume-up", "volume-down", "up",    "down", "hurt", "arrows",
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
            b->items[i].from_file = false;
            return;
        }
    }
    if (b->count < INPUT_MAX_BINDINGS)
        b->items[b->count++] = (Binding){kind, code, a, false};
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
    /* Y is "It hurts", the one button a workout must always have; the volume is on the d-pad's sides */
    bind(b, BIND_PAD_BUTTON, SDL_CONTROLLER_BUTTON_Y, ACT_HURT);
    bind(b, BIND_KEY, SDLK_h, ACT_HURT);
    bind(b, BIND_KEY, SDLK_a, ACT_ARROWS); /* the motion arrows on or off */
    /* ... and on a pad, the right stick pressed in: the one button no workout or menu uses (the
     * left stick moves through the menu, where a press while moving could toggle them) */
    bind(b, BIND_PAD_BUTTON, SDL_CONTROLLER_BUTTON_RIGHTSTICK, ACT_ARROWS);
    bind(b, BIND_PAD_BUTTON, SDL_CONTROLLER_BUTTON_DPAD_RIGHT, ACT_VOLUME_UP);
    bind(b, BIND_PAD_BUTTON, SDL_CONTROLLER_BUTTON_DPAD_LEFT, ACT_VOLUME_DOWN);
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
        return "unknown action (press, pause, skip, back, quit, fullscreen, mute, volume-up, volume-down, up, down, "
               "hurt, arrows)";
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
    for (int i = 0; i < b->count; i++)
        if (b->items[i].kind == kind && b->items[i].code == code)
            b->items[i].from_file = true;
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

/* ---- naming the bound keys and buttons for the screens ---- */

void input_note(Input *in, const SDL_Event *e)
{
    switch (e->type) {
    case SDL_KEYDOWN: in->last_kind = INPUT_KIND_KEYBOARD; break;
    case SDL_CONTROLLERBUTTONDOWN: in->last_kind = INPUT_KIND_PAD; break;
    case SDL_CONTROLLERAXISMOTION:
        if (e->caxis.value < -16000 || e->caxis.value > 16000)
            in->last_kind = INPUT_KIND_PAD; /* a stick pushed, not one resting near the centre */
        break;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_FINGERDOWN: in->last_kind = INPUT_KIND_TOUCH; break;
    default: break;
    }
}

static bool is_arrow(BindKind kind, int code)
{
    if (kind == BIND_KEY)
        return code == SDLK_UP || code == SDLK_DOWN || code == SDLK_LEFT || code == SDLK_RIGHT;
    return code >= SDL_CONTROLLER_BUTTON_DPAD_UP && code <= SDL_CONTROLLER_BUTTON_DPAD_RIGHT;
}

static void key_name(int code, char *buf, size_t size)
{
    switch (code) {
    case SDLK_RETURN: snprintf(buf, size, "Enter"); return;
    case SDLK_ESCAPE: snprintf(buf, size, "Esc"); return;
    case SDLK_UP: snprintf(buf, size, "\xE2\x86\x91"); return;
    case SDLK_DOWN: snprintf(buf, size, "\xE2\x86\x93"); return;
    case SDLK_LEFT: snprintf(buf, size, "\xE2\x86\x90"); return;
    case SDLK_RIGHT: snprintf(buf, size, "\xE2\x86\x92"); return;
    default: break;
    }
    const char *n = SDL_GetKeyName((SDL_Keycode)code);
    snprintf(buf, size, "%s", n && n[0] ? n : "?");
}

/* Pad families label the same buttons differently; SDL names them by position (A is the
 * bottom face button). */
typedef enum { PAD_XBOX360, PAD_XBOXONE, PAD_PS3, PAD_PS4, PAD_PS5, PAD_SWITCH, PAD_OTHER } PadFamily;

static PadFamily pad_family(const Input *in)
{
    SDL_GameController *gc = in->active_pad >= 0 ? SDL_GameControllerFromInstanceID(in->active_pad) : NULL;
    if (!gc) {
        for (int i = 0; i < INPUT_MAX_PADS && !gc; i++)
            gc = in->pads[i];
    }
    switch (gc ? SDL_GameControllerGetType(gc) : SDL_CONTROLLER_TYPE_UNKNOWN) {
    case SDL_CONTROLLER_TYPE_XBOX360: return PAD_XBOX360;
    case SDL_CONTROLLER_TYPE_XBOXONE: return PAD_XBOXONE;
    case SDL_CONTROLLER_TYPE_PS3: return PAD_PS3;
    case SDL_CONTROLLER_TYPE_PS4: return PAD_PS4;
    case SDL_CONTROLLER_TYPE_PS5: return PAD_PS5;
    case SDL_CONTROLLER_TYPE_NINTENDO_SWITCH_PRO:
    case SDL_CONTROLLER_TYPE_NINTENDO_SWITCH_JOYCON_LEFT:
    case SDL_CONTROLLER_TYPE_NINTENDO_SWITCH_JOYCON_RIGHT:
    case SDL_CONTROLLER_TYPE_NINTENDO_SWITCH_JOYCON_PAIR: return PAD_SWITCH;
    default: return PAD_OTHER;
    }
}

static void pad_name(PadFamily f, int code, char *buf, size_t size)
{
    bool ps = f == PAD_PS3 || f == PAD_PS4 || f == PAD_PS5;
    const char *n = NULL;
    switch ((SDL_GameControllerButton)code) {
    case SDL_CONTROLLER_BUTTON_A: n = ps ? "Cross" : "A"; break;
    case SDL_CONTROLLER_BUTTON_B: n = ps ? "Circle" : "B"; break;
    case SDL_CONTROLLER_BUTTON_X: n = ps ? "Square" : "X"; break;
    case SDL_CONTROLLER_BUTTON_Y: n = ps ? "Triangle" : "Y"; break;
    case SDL_CONTROLLER_BUTTON_BACK:
        n = f == PAD_XBOXONE  ? "View"
            : f == PAD_PS3    ? "Select"
            : f == PAD_PS4    ? "Share"
            : f == PAD_PS5    ? "Create"
            : f == PAD_SWITCH ? "\xE2\x88\x92"
                              : "Back";
        break;
    case SDL_CONTROLLER_BUTTON_START:
        n = f == PAD_XBOXONE ? "Menu" : (f == PAD_PS4 || f == PAD_PS5) ? "Options" : f == PAD_SWITCH ? "+" : "Start";
        break;
    case SDL_CONTROLLER_BUTTON_GUIDE: n = ps ? "PS" : f == PAD_SWITCH ? "Home" : "Guide"; break;
    case SDL_CONTROLLER_BUTTON_LEFTSTICK: n = ps ? "L3" : "Left stick"; break;
    case SDL_CONTROLLER_BUTTON_RIGHTSTICK: n = ps ? "R3" : "Right stick"; break;
    case SDL_CONTROLLER_BUTTON_LEFTSHOULDER: n = ps ? "L1" : f == PAD_SWITCH ? "L" : "LB"; break;
    case SDL_CONTROLLER_BUTTON_RIGHTSHOULDER: n = ps ? "R1" : f == PAD_SWITCH ? "R" : "RB"; break;
    case SDL_CONTROLLER_BUTTON_DPAD_UP: n = "D-pad \xE2\x86\x91"; break;
    case SDL_CONTROLLER_BUTTON_DPAD_DOWN: n = "D-pad \xE2\x86\x93"; break;
    case SDL_CONTROLLER_BUTTON_DPAD_LEFT: n = "D-pad \xE2\x86\x90"; break;
    case SDL_CONTROLLER_BUTTON_DPAD_RIGHT: n = "D-pad \xE2\x86\x92"; break;
    default: break;
    }
    if (n) {
        snprintf(buf, size, "%s", n);
        return;
    }
    const char *s = SDL_GameControllerGetStringForButton((SDL_GameControllerButton)code);
    snprintf(buf, size, "%s", s ? s : "?");
}

int input_bound_name(const Input *in, InputKind kind, Action a, bool prefer_arrow, char *buf, size_t size)
{
    if (size)
        buf[0] = 0;
    if (kind == INPUT_KIND_TOUCH)
        return -1;
    BindKind bk = kind == INPUT_KIND_PAD ? BIND_PAD_BUTTON : BIND_KEY;
    const Binding *best = NULL;
    int best_rank = 0;
    for (int i = 0; i < in->bindings.count; i++) {
        const Binding *b = &in->bindings.items[i];
        if (b->kind != bk || b->action != a)
            continue;
        int rank = b->from_file ? 3 : prefer_arrow && is_arrow(bk, b->code) ? 2 : 1;
        if (rank > best_rank) {
            best = b;
            best_rank = rank;
        }
    }
    if (!best)
        return -1;
    if (bk == BIND_KEY)
        key_name(best->code, buf, size);
    else
        pad_name(pad_family(in), best->code, buf, size);
    return best->code;
}
