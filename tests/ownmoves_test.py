#!/usr/bin/env python3
"""ownmoves_test.py: a physio's own moves, as a physio meets them on the command line: a pose file
moves/NAME.pose beside the routine (or in $XDG_DATA_HOME/unknot/moves/) named by `move NAME`;
--check with FILE:LINE:COL errors in the pose file and the contact rules of the built-in moves;
--simulate; the runtime voice saying its name; --shot drawing its figure (pixels in the stage).
Usage: ownmoves_test.py PATH/TO/unknot (run from the repository root)."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checks import check, finish  # noqa: E402
from shot_test import read_png  # noqa: E402

UNKNOT = sys.argv[1] if len(sys.argv) > 1 else "build/unknot"
SQUAT = "levels/moves/squat.pose"
ERROR_LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<msg>.+)$")
ROUTINE = 'title "Squats"\nmove squat\n  reps 5 tempo 4s\n  say start "Sit back and down as if onto a chair."\n'


def run(*args, env_extra=None):
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    env.pop("XDG_DATA_HOME", None)
    env.update(env_extra or {})
    p = subprocess.run([UNKNOT, *args], capture_output=True, text=True, timeout=120, env=env)
    return p.returncode, p.stdout, p.stderr


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def errors(err):
    return [ERROR_LINE.match(l) for l in err.splitlines() if ERROR_LINE.match(l) and ": warning:" not in l and ": note:" not in l]


def squat_text():
    with open(SQUAT, encoding="utf-8") as f:
        return f.read()


def line_of(text, start):
    """1-based number of the first line of text starting with start."""
    return next(i + 1 for i, l in enumerate(text.splitlines()) if l.startswith(start))


def test_check(tmp):
    home = os.path.join(tmp, "home")  # no own moves of the user's unless a test puts them there
    env = {"HOME": home}
    d = os.path.join(tmp, "good")
    routine = write(os.path.join(d, "squats.routine"), ROUTINE)
    shutil.copy(SQUAT, write(os.path.join(d, "moves", "squat.pose"), ""))
    rc, out, err = run("--check", routine, env_extra=env)
    check(rc == 0 and out.startswith(f"{routine}: ok: "), f"--check a routine with an own move: ok ({rc}: {err})")
    rc, out, err = run("--check", SQUAT, env_extra=env)
    check(rc == 0 and "poses checked" in out, f"--check the pose file itself: ok ({rc}: {out} {err})")

    # a bad value: the error is in the pose file, at its LINE:COL
    text = squat_text()
    bad_at = line_of(text, "key 0.5")
    bad = text.replace("key 0.5  x=-0.1", "key 0.5  x=nope", 1)
    d = os.path.join(tmp, "badvalue")
    routine = write(os.path.join(d, "squats.routine"), ROUTINE)
    pose = write(os.path.join(d, "moves", "squat.pose"), bad)
    rc, out, err = run("--check", routine, env_extra=env)
    es = errors(err)
    check(rc == 1 and es and es[0]["file"] == pose and es[0]["line"] == str(bad_at) and es[0]["col"] == "10",
          f"a bad value in an own move: FILE:LINE:COL in the pose file ({rc}: {err!r})")

    # the contact rules: knees named as resting on the mat while the figure stands
    contacts_bad = text.replace("contacts flat_feet", "contacts knees flat_feet", 1)
    d = os.path.join(tmp, "contacts")
    routine = write(os.path.join(d, "squats.routine"), ROUTINE)
    pose = write(os.path.join(d, "moves", "squat.pose"), contacts_bad)
    rc, out, err = run("--check", routine, env_extra=env)
    es = errors(err)
    first_key = line_of(contacts_bad, "key 0.0")
    check(rc == 1 and es and es[0]["file"] == pose and es[0]["line"] == str(first_key) and es[0]["col"] == "1"
          and "knee" in es[0]["msg"] and "off the mat" in es[0]["msg"],
          f"contacts off the mat: an error at the key before it ({rc}: {err!r})")
    rc, out, err = run("--check", pose, env_extra=env)
    check(rc == 1 and errors(err), f"--check of the bad pose file alone fails too ({rc})")

    # the move line must name the file
    d = os.path.join(tmp, "renamed")
    routine = write(os.path.join(d, "squats.routine"), ROUTINE)
    pose = write(os.path.join(d, "moves", "squat.pose"), text.replace("move squat", "move deep_squat", 1))
    rc, out, err = run("--check", routine, env_extra=env)
    es = errors(err)
    check(rc == 1 and es and es[0]["file"] == pose and es[0]["line"] == str(line_of(text, "move squat"))
          and es[0]["col"] == "6" and "named by its file" in es[0]["msg"],
          f"a move line naming another move: error at its LINE:COL ({err!r})")

    # no such file: the routine's error says where the file would go
    d = os.path.join(tmp, "missing")
    routine = write(os.path.join(d, "squats.routine"), ROUTINE)
    rc, out, err = run("--check", routine, env_extra=env)
    es = errors(err)
    check(rc == 1 and es and es[0]["file"] == routine and (es[0]["line"], es[0]["col"]) == ("2", "6")
          and "moves/squat.pose" in es[0]["msg"], f"an own move with no file: error at the move line ({err!r})")

    # a name clashing with a built-in move is refused where the routine names it (docs/sprites.md)
    d = os.path.join(tmp, "clash")
    routine = write(os.path.join(d, "bridge.routine"), 'title "B"\nmove bridge\n  reps 5 tempo 4s\n')
    write(os.path.join(d, "moves", "bridge.pose"), text.replace("move squat", "move bridge", 1))
    rc, out, err = run("--check", routine, env_extra=env)
    es = errors(err)
    check(rc == 1 and es and (es[0]["line"], es[0]["col"]) == ("2", "6") and "built in" in es[0]["msg"],
          f"own bridge.pose with `move bridge`: an error at 2:6 ({err!r})")
    other = write(os.path.join(d, "other.routine"), 'title "O"\nmove child_pose\n  hold 30s\n')
    rc, out, err = run("--check", other, env_extra=env)
    check(rc == 0, f"a routine not naming the clashing move is not troubled by it ({err!r})")


def test_xdg(tmp):
    text = squat_text()
    d = os.path.join(tmp, "xdg-routine")
    routine = write(os.path.join(d, "squats.routine"), ROUTINE)
    data = os.path.join(tmp, "data")
    write(os.path.join(data, "unknot", "moves", "squat.pose"), text)
    rc, out, err = run("--check", routine, env_extra={"XDG_DATA_HOME": data, "HOME": os.path.join(tmp, "h")})
    check(rc == 0, f"an own move in $XDG_DATA_HOME/unknot/moves is found ({err!r})")
    home = os.path.join(tmp, "home2")
    write(os.path.join(home, ".local", "share", "unknot", "moves", "squat.pose"), text)
    rc, out, err = run("--check", routine, env_extra={"HOME": home})
    check(rc == 0, f"without $XDG_DATA_HOME: ~/.local/share/unknot/moves ({err!r})")
    rc, out, err = run("--check", routine, env_extra={"XDG_DATA_HOME": "relative/data", "HOME": os.path.join(tmp, "h")})
    check(rc == 1, "a relative $XDG_DATA_HOME is ignored")
    # beside the routine wins over the user's folder: a broken file there is not used
    write(os.path.join(d, "moves", "squat.pose"), text)
    write(os.path.join(data, "unknot", "moves", "squat.pose"), "move squat\nnonsense\n")
    rc, out, err = run("--check", routine, env_extra={"XDG_DATA_HOME": data})
    check(rc == 0, f"the pose file beside the routine is the one used ({err!r})")


def figure_pixels(path):
    """Shirt-coloured (teal) pixels in the 1920x1080 workout stage, and the highest one's row."""
    w, h, bpp, rows = read_png(path)
    n, top = 0, h
    for y in range(150, 840):
        r = rows[y]
        for x in range(45, 1100):
            red, green, blue = r[x * bpp], r[x * bpp + 1], r[x * bpp + 2]
            if green > red + 40 and blue > red + 40:
                n += 1
                top = min(top, y)
    return n, top


def test_simulate_and_shot(tmp):
    d = os.path.join(tmp, "run")
    routine = write(os.path.join(d, "squats.routine"), ROUTINE)
    shutil.copy(SQUAT, write(os.path.join(d, "moves", "squat.pose"), ""))
    env = {"HOME": os.path.join(tmp, "home3"), "XDG_CACHE_HOME": os.path.join(tmp, "cache")}
    rc, out, err = run("--simulate", routine, env_extra=env)
    events = [json.loads(l) for l in out.splitlines()]
    starts = [e for e in events if e["type"] == "step_start"]
    check(rc == 0 and starts and starts[0]["move"] == "squat" and starts[0]["name"] == "Squat",
          f"--simulate: the own move's step starts as 'squat', named 'Squat' ({rc}: {err})")
    check(any(e["type"] == "session_end" for e in events), "--simulate runs to its end")
    # the runtime voice (espeak-ng, into the cache) says its name
    wav = os.path.join(tmp, "squats.wav")
    rc, out, err = run("--simulate", routine, "--audio-out", wav, env_extra=env)
    voiced = [json.loads(l) for l in out.splitlines()]
    ready = [e for e in voiced if e["type"] == "cue" and e["text"] == "Get ready. Next: Squat."]
    check(rc == 0 and ready and "spoken" in ready[0], f"'Get ready. Next: Squat.' is spoken ({ready}, {err})")
    # the figure on the stage: standing at the start of a rep, down in the squat at its beat (the
    # shot plans the voice as the app does, with the clips now in the cache, as the run above)
    t0 = next(e["t"] for e in voiced if e["type"] == "step_start")
    standing, low = os.path.join(tmp, "standing.png"), os.path.join(tmp, "low.png")
    for png, at in ((standing, t0), (low, t0 + 2.0)):
        rc, _, err = run("--shot", png, "--at", f"{at:.3f}", "--size", "1920x1080", routine, env_extra=env)
        check(rc == 0 and os.path.exists(png), f"--shot at {at} s ({rc}: {err})")
    try:
        n_up, top_up = figure_pixels(standing)
        n_low, top_low = figure_pixels(low)
        check(n_up > 2000 and n_low > 2000, f"the figure is drawn on the stage ({n_up}, {n_low} shirt pixels)")
        check(top_low > top_up + 60, f"the own move's poses are drawn: its shirt is lower in the squat "
                                     f"(top row {top_up} standing, {top_low} in the squat)")
    except (OSError, ValueError) as e:
        check(False, f"the shots decode ({e})")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        test_check(tmp)
        test_xdg(tmp)
        test_simulate_and_shot(tmp)
    return finish("ownmoves_test")


if __name__ == "__main__":
    sys.exit(main())
