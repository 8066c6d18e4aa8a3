/* input.h: turns SDL events from keyboard, gamepads, mouse and touch into unknot's actions,
 * through a binding table that a small config file can change (docs/input.md). Owns the open
 * game controllers and follows hot-plugging. Knows nothing of sessions or screens. */
#ifndef UNKNOT_INPUT_H
#define UNKNOT_INPUT_H

#include <SDL.h>
#include <stdbool.h>

typedef enum {
    ACT_NONE = 0,
    ACT_PRESS, /* main button down: count a rep, hold, confirm */
    ACT_RELEASE, /* main button up */
    ACT_PAUSE, /* toggle pause */
    ACT_SKIP,
    ACT_BACK,
    ACT_QUIT, /* end the workout (results), or leave the menu */
    ACT_FULLSCREEN,
    ACT_MUTE,
    ACT_VOLUME_UP,
    ACT_VOLUME_DOWN,
    ACT_UP, /* menu navigation */
    ACT_DOWN,
    ACT_HURT, /* "It hurts": stops the workout and asks how bad (session INPUT_HURT) */
    ACT_ARROWS, /* the motion arrows on or off (saved in view.conf) */
    ACT_COUNT
} Action;

#define INPUT_MAX_BINDINGS 64
#define INPUT_MAX_BINDINGS_TEXT "64"
#define INPUT_MAX_BINDING_LINE 255 /* bytes in one bindings.conf line */
#define INPUT_MAX_BINDING_LINE_TEXT "255"
#define INPUT_MAX_PADS 8

typedef enum { BIND_KEY, BIND_PAD_BUTTON } BindKind;

typedef struct {
    BindKind kind;
    int code; /* SDL_Keycode or SDL_GameControllerButton */
    Action action; /* for the main button, ACT_PRESS (its release gives ACT_RELEASE) */
    bool from_file; /* set by bindings.conf, not a default: what the screen names first */
} Binding;

/* The kind of input the user used last, so the screens name its keys or buttons. */
typedef enum { INPUT_KIND_KEYBOARD = 0, INPUT_KIND_PAD, INPUT_KIND_TOUCH } InputKind;

typedef struct {
    Binding items[INPUT_MAX_BINDINGS];
    int count;
} Bindings;

/* What one SDL event means: up to two actions, and a notice for the screen. */
typedef struct {
    Action actions[2];
    int count;
    char notice[96]; /* "Gamepad connected: Xbox Controller", or "" */
    bool pad_removed; /* the pad in use was unplugged: the caller pauses */
} InputResult;

typedef struct {
    Bindings bindings;
    SDL_GameController *pads[INPUT_MAX_PADS];
    SDL_JoystickID pad_ids[INPUT_MAX_PADS];
    SDL_JoystickID active_pad; /* the pad used last, -1 when none */
    Sint16 last_axis_y;
    InputKind last_kind; /* keyboard until something else is used */
} Input;

/* The default bindings (keys and pad buttons of docs/input.md). */
void input_default_bindings(Bindings *b);

/* Parse a bindings file's text ("key space = press", "pad a = press"). Lines it cannot read
 * are reported in err (the first one) and skipped; returns the number of bad lines. */
int input_parse_bindings(const char *src, size_t len, Bindings *b, char *err, size_t errsize);

/* Set up with default bindings, then those in path when it exists (NULL: none). A bad file
 * gives one warning on stderr and the defaults. */
void input_init(Input *in, const char *bindings_path);

/* Close all pads. */
void input_close(Input *in);

/* Translate one event. Keyboard auto-repeat is ignored. */
InputResult input_translate(Input *in, const SDL_Event *e);

/* Follow which kind of input e is (a key, a pad button or stick, a tap or click) into
 * in->last_kind; other events change nothing. Call it for every event, before anything else. */
void input_note(Input *in, const SDL_Event *e);

/* The on-screen name of the key (kind INPUT_KIND_KEYBOARD) or pad button (INPUT_KIND_PAD, named
 * as the active pad's family labels it: "A", "Cross", "RB", "R1") bound to a: a bindings.conf
 * binding first, then with prefer_arrow an arrow key or d-pad direction, then the first default.
 * Writes "" and returns -1 when nothing of that kind is bound to a; else returns its code. */
int input_bound_name(const Input *in, InputKind kind, Action a, bool prefer_arrow, char *buf, size_t size);

/* Action's name as used in the bindings file. */
const char *input_action_name(Action a);

#endif
