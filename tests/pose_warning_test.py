#!/usr/bin/env python3
"""pose_warning_test.py: a catalogue pose file in the data folder (assets/poses) that cannot be read
or parsed, as --simulate meets it: one warning line on stderr naming the file and the problem and
the standard time used instead (a way: the standard 4 s way; a held move: the standard step in
and out), then the workout runs as before (exit 0). Once per file, not once per use; --shot keeps
its one warning (the figure's), not two. A physio's own move's broken pose file is still an error
at FILE:LINE:COL and exit 1.
Usage: pose_warning_test.py PATH/TO/unknot (run from the repository root)."""
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checks import check, finish  # noqa: E402

UNKNOT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/unknot")
ROOT = os.getcwd()
# the roll onto the front twice (two rests show it), the way down onto the front once, the bridge
# held twice: each file is read once all the same
ROUTINE = ('title "Ways"\nmove bridge\n  hold 10s\nrest 3s on-front\nmove superman reps 2 tempo 3s\n'
           'move bridge\n  hold 10s\nrest 3s on-front\nmove side_bend reps 2 tempo 3s sides both\n'
           'move press_up reps 2 tempo 3s\n')
WAY = "way_back_to_front"
HOLD = "bridge"

# (name, file, what to plant, words the warning must hold, what it says is used instead)
CASES = [
    ("a way's file is a FIFO", WAY, "fifo", "FIFO", "using the standard 4 s way"),
    ("a way's file links to /dev/zero", WAY, "zero", "device", "using the standard 4 s way"),
    ("a way's file is a directory", WAY, "dir", "directory", "using the standard 4 s way"),
    ("a way's file is broken", WAY, "move way_back_to_front\nsection intro 4.0\nkey 0.0 pelvis=banana\n",
     f"{WAY}.pose:3:", "using the standard 4 s way"),
    ("a way's file has no intro", WAY, "nointro", "no `section intro`", "using the standard 4 s way"),
    ("a held move's file is garbage", HOLD, b"\x89PNG junk" * 100, f"{HOLD}.pose:1:", "using the standard 3 s step"),
]


def env_for(tmp):
    return dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", HOME=tmp,
                XDG_CONFIG_HOME=os.path.join(tmp, "config"), XDG_CACHE_HOME=os.path.join(tmp, "cache"),
                XDG_DATA_HOME=os.path.join(tmp, "share"))


def run(args, tmp):
    try:
        p = subprocess.run([UNKNOT, *args], capture_output=True, timeout=60, env=env_for(tmp))
    except subprocess.TimeoutExpired:
        return None, "", "hung"
    return p.returncode, p.stdout.decode(errors="replace"), p.stderr.decode(errors="replace")


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data.encode() if isinstance(data, str) else data)
    return path


def plant(path, how):
    os.remove(path)
    if how == "dir":
        os.mkdir(path)
    elif how == "fifo":
        os.mkfifo(path)
    elif how == "zero":
        os.symlink("/dev/zero", path)
    elif how == "nointro":  # the shipped file with its intro named otherwise: it parses, with no intro
        with open(os.path.join(ROOT, "assets", "poses", os.path.basename(path)), encoding="utf-8") as f:
            text = f.read().replace("\nsection intro ", "\nsection outro ")
            write(path, text.replace("\nshowcase intro ", "\nshowcase outro "))
    else:
        write(path, how)


def data_dir(tmp):
    d = os.path.join(tmp, "data")
    shutil.copytree(os.path.join(ROOT, "assets"), os.path.join(d, "assets"))
    return d


def events(out):
    return [json.loads(l) for l in out.splitlines() if l.startswith("{")]


def test_simulate():
    with tempfile.TemporaryDirectory() as tmp:
        routine = write(os.path.join(tmp, "w.routine"), ROUTINE)
        d = data_dir(tmp)
        rc, good, err = run(["--data", d, "--simulate", routine], tmp)
        check(rc == 0 and "warning" not in err, f"the shipped files: no warning: {rc} {err[:300]}")
        planned = events(good)[0]["planned"] if good else 0
    for name, move, how, want, instead in CASES:
        with tempfile.TemporaryDirectory() as tmp:
            routine = write(os.path.join(tmp, "w.routine"), ROUTINE)
            d = data_dir(tmp)
            path = os.path.join(d, "assets", "poses", move + ".pose")
            plant(path, how)
            rc, out, err = run(["--data", d, "--simulate", routine], tmp)
            lines = [l for l in err.splitlines() if move + ".pose" in l]
            check(rc == 0, f"{name}: --simulate goes on (exit 0): {rc} {err[:300]}")
            check(len(lines) == 1 and len(err.splitlines()) == 1,
                  f"{name}: one line on stderr, once for the file: {err[:600]!r}")
            line = lines[0] if lines else ""
            check(line.startswith(f"unknot: warning: {path}") and want in line and instead in line,
                  f"{name}: the warning names the file, the problem ('{want}') and '{instead}': {line!r}")
            ev = events(out)
            check(ev and ev[-1]["type"] == "session_end", f"{name}: the workout runs to its end")
            if move == WAY and ev:  # the roll is 4.0 s in its file too: the plan is the same
                check(ev[0]["planned"] == planned, f"{name}: planned as the standard way: {ev[0]['planned']}")


def test_shot_once():
    """--shot of the rest that shows the broken way: the figure's one warning, not a second."""
    with tempfile.TemporaryDirectory() as tmp:
        routine = write(os.path.join(tmp, "w.routine"), ROUTINE)
        d = data_dir(tmp)
        plant(os.path.join(d, "assets", "poses", WAY + ".pose"), "fifo")
        rc, out, err = run(["--data", d, "--simulate", routine], tmp)
        rest = next((e for e in events(out) if e["type"] == "step_start" and e["kind"] == "rest"), None)
        check(rest is not None, "the rest's start is in the events")
        at = rest["t"] + rest["duration"] - 0.5 if rest else 0  # the roll drawn: at the rest's end
        png = os.path.join(tmp, "o.png")
        rc, _, err = run(["--data", d, "--shot", png, "--at", f"{at:.1f}", "--size", "640x360", routine], tmp)
        lines = [l for l in err.splitlines() if WAY + ".pose" in l]
        check(rc == 0 and len(lines) == 1 and lines[0].startswith("unknot: warning:"),
              f"--shot with the way's file a FIFO: one warning: {rc} {err[:600]!r}")


def test_check_once():
    """--check of two routines that both use the broken way: ok for each (its plan uses the standard
    way), and the file named once in the run, not once per routine."""
    with tempfile.TemporaryDirectory() as tmp:
        one = write(os.path.join(tmp, "r", "a.routine"), ROUTINE)
        write(os.path.join(tmp, "r", "b.routine"), ROUTINE)
        d = data_dir(tmp)
        plant(os.path.join(d, "assets", "poses", WAY + ".pose"), "fifo")
        rc, out, err = run(["--data", d, "--check", os.path.dirname(one)], tmp)
        lines = [l for l in err.splitlines() if WAY + ".pose" in l]
        check(rc == 0 and out.count(": ok:") == 2, f"--check with the way's file a FIFO: both ok: {rc} {out!r}")
        check(len(lines) == 1 and lines[0].startswith("unknot: warning:") and "standard 4 s way" in lines[0],
              f"--check names the broken file once: {err[:600]!r}")


def test_own_move_still_an_error():
    """A physio's own move's broken pose file: FILE:LINE:COL and exit 1, as before."""
    with tempfile.TemporaryDirectory() as tmp:
        routine = write(os.path.join(tmp, "own", "s.routine"), 'title "Own"\nmove squat\n  reps 2 tempo 4s\n')
        pose = write(os.path.join(tmp, "own", "moves", "squat.pose"), "move squat\nkey 0.0 pelvis=banana\n")
        rc, out, err = run(["--simulate", routine], tmp)
        check(rc == 1 and out == "" and any(l.startswith(pose + ":") for l in err.splitlines())
              and "warning" not in err, f"an own move's broken pose file: FILE:LINE:COL, exit 1: {rc} {err[:400]!r}")


if __name__ == "__main__":
    test_simulate()
    test_shot_once()
    test_check_once()
    test_own_move_still_an_error()
    sys.exit(finish("pose_warning_test"))
