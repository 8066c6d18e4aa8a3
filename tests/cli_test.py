#!/usr/bin/env python3
"""cli_test.py: the unknot command line as a user sees it: help, version, usage errors, --check,
--list and --simulate (JSON Lines read with a real JSON parser). Exit codes: 0 ok, 1 invalid
input, 2 usage. Usage: cli_test.py PATH/TO/unknot (run from the repository root)."""
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checks import check, finish  # noqa: E402

UNKNOT = sys.argv[1] if len(sys.argv) > 1 else "build/unknot"
LEVELS = sorted(glob.glob("levels/*.routine"))


def run(*args, stdin=None):
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    p = subprocess.run([UNKNOT, *args], capture_output=True, text=True, timeout=30, env=env, input=stdin)
    return p.returncode, p.stdout, p.stderr


def write(tmp, name, text):
    path = os.path.join(tmp, name)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    return path


ERROR_LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<msg>.+)$")


def error_lines(stderr):
    """The FILE:LINE:COL errors in stderr (warnings and notes are left out)."""
    return [l for l in stderr.splitlines() if ERROR_LINE.match(l) and ": warning:" not in l and ": note:" not in l]


def test_help_version_usage():
    rc, out, err = run("--help")
    check(rc == 0, "--help exits 0")
    check("Usage: unknot" in out and "--check" in out and "--simulate" in out, "--help prints the usage on stdout")
    check("Exit codes: 0 ok, 1 invalid input, 2 usage" in out, "--help documents the exit codes")
    rc, out, _ = run("-h")
    check(rc == 0 and "Usage" in out, "-h is --help")
    rc, out, _ = run("--version")
    check(rc == 0 and re.fullmatch(r"unknot \d+\.\d+\.\d+\n", out) is not None, f"--version prints 'unknot X.Y.Z': {out!r}")
    for args in (["--bogus"], ["-x"], ["--check"], ["--simulate"], ["--simulate", "a", "b"],
                 ["--shot", "/tmp/unknot-cli.png"], ["--at", "3", LEVELS[0]], ["--input", "x", "--check", LEVELS[0]],
                 ["--shot", "/tmp/unknot-cli.png", "--at", "-1"], ["--shot", "/tmp/unknot-cli.png", "--at", "soon"],
                 ["--size", "10x10", "--shot", "/tmp/unknot-cli.png", "--at", "1"], ["--list", "levels", "extra"],
                 ["--shot"], ["--shot", "/tmp/unknot-cli.png", "--at", "0x10"],
                 ["--shot", "/tmp/unknot-cli.png", "--at", "inf"], ["--shot", "/tmp/unknot-cli.png", "--at", "nan"],
                 ["--shot", "/tmp/unknot-cli.png", "--at", "1e2"],
                 ["--simulate", "--check", LEVELS[0]], ["--check", LEVELS[0], "--list"],
                 ["--shot", "/tmp/unknot-cli.png", "--at", "1", "--list"], ["--list", "--simulate", LEVELS[0]]):
        rc, out, err = run(*args)
        check(rc == 2, f"{args} is a usage error (exit 2), got {rc}")
        check(err.startswith("unknot: ") and err.endswith(" (see unknot --help)\n") and err.count("\n") == 1,
              f"{args}: the usage error is one line that says what and points at --help: {err!r}")
        check(out == "", f"{args}: nothing on stdout")
    rc, out, err = run("--bogus")
    check(err == "unknot: unknown option '--bogus' (see unknot --help)\n", f"unknown option, in one line: {err!r}")
    rc, out, _ = run("--help")
    check("Q end the workout (results)" in out and "quit to the menu" not in out, "--help: Q ends the workout")
    # the command line is documented in both places: every option --help names is in README.md's
    # "Command line" section, and every option that section names is one --help knows
    with open("README.md", encoding="utf-8") as f:
        readme = f.read()
    section = readme.split("## Command line", 1)[1].split("\n## ", 1)[0]
    opts = lambda text: set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", text))
    help_opts, readme_opts = opts(out), opts(section)
    check(len(help_opts) >= 20, f"--help names the options ({len(help_opts)})")
    check(help_opts <= readme_opts, f"README's Command line names every option of --help: missing {sorted(help_opts - readme_opts)}")
    check(readme_opts <= help_opts, f"--help names every option of README's Command line: missing {sorted(readme_opts - help_opts)}")


def test_check():
    check(len(LEVELS) >= 4, "levels/ holds the starter routines")
    for path in LEVELS:
        rc, out, err = run("--check", path)
        check(rc == 0, f"--check {path} exits 0 (got {rc}: {err.strip()})")
        check(out.startswith(f"{path}: ok: "), f"--check {path} says ok: {out!r}")
        check(error_lines(err) == [], f"--check {path}: no errors")
        # a chain of ways is a note ("no way is drawn straight from ..."), never the cut's warning
        check("no way is drawn from" not in err, f"--check {path}: the figure never cuts between positions: {err!r}")
    # no way straight from the one position to the next: a note at the step naming the chain of ways
    # the figure shows, and how long a rest too short for it lasts; still ok
    with tempfile.TemporaryDirectory() as tmp:
        chain = write(tmp, "chain.routine", 'title "Chain"\nmove bridge reps 2 tempo 3s\nrest 10s on-chair "Sit on a chair."\n'
                      'move seated_twist hold 10s\n')
        rc, out, err = run("--check", chain)
        notes = [l for l in err.splitlines() if ": note: " in l]
        # (down onto the back and up from it go through all fours: a note for the first step's way too)
        check(rc == 0 and ": ok: " in out and "no way is drawn from" not in err and len(notes) == 2
              and notes[0].startswith(f"{chain}:2:1: note: ") and "standing -> all-fours -> on-back" in notes[0]
              and notes[1].startswith(f"{chain}:3:1: note: ")
              and "on-back -> all-fours -> standing -> on-chair" in notes[1]
              and "the rest lasts 32 s, not 10 s" in notes[1], f"--check names the chain of ways: {err!r}")
        # one way longer than its rest (sitting -> on the back, an 11.75-s log roll): the rest grows so
        # the way (after the twist's own 4.6-s way out: 16.35 s, 17 in whole seconds) plays at its pace,
        # and --check says so
        one = write(tmp, "one.routine", 'title "One"\nmove spinal_twist hold 10s\nrest 10s on-back "Lie down."\n'
                    'move knee_rolls reps 2\n')
        rc, out, err = run("--check", one)
        check(rc == 0 and f"{one}:3:1: note: the way from sitting to on-back takes longer than the rest: the rest "
              "lasts 17 s, not 10 s" in err, f"--check names a rest lengthened for one way: {err!r}")
        # a rest between the sets of a hold too short to come out of one set's pose and into the
        # next's: it grows to 9 s (3 s out, 3 s in, each eased in), so each set's hold is counted in
        # the pose, and --check says so; reps need no such time
        sets = write(tmp, "sets.routine", 'title "Sets"\nmove child_pose\n  hold 20s\n  sets 2 rest 5s\n'
                     'move cat_camel\n  reps 4\n  sets 2 rest 2s\n')
        rc, out, err = run("--check", sets)
        notes = [l for l in err.splitlines() if ": note: " in l]
        check(rc == 0 and len(notes) == 1 and notes[0].startswith(f"{sets}:2:1: note: the rest between sets ")
              and "it lasts 9 s, not 5 s" in notes[0], f"--check names a rest between sets lengthened: {err!r}")
        # a position no chain reaches from the one before (while WAYS has none from sitting to
        # kneeling): a warning at its line, still ok; once a chain reaches it, a note names it
        cut = write(tmp, "cut.routine", 'title "Cut"\nmove spinal_twist hold 10s\nrest 10s kneeling "Kneel up."\n'
                    'move hip_flexor_lunge hold 20s\n')
        rc, out, err = run("--check", cut)
        warns = [l for l in err.splitlines() if "no way is drawn from" in l]
        # the first step sits down through all fours (never a deep squat): a note at line 2
        first_notes = [l for l in err.splitlines() if l.startswith(f"{cut}:2:1: note: ")]
        check(len(first_notes) == 1 and "standing -> all-fours -> sitting" in first_notes[0],
              f"--check names the chain down to sitting: {err!r}")
        notes = [l for l in err.splitlines() if ": note: " in l and l not in first_notes]
        check(rc == 0 and ": ok: " in out and len(warns) + len(notes) == 1, f"--check: a warning or a note: {err!r}")
        check(all(w.startswith(f"{cut}:3:1: warning: ") and "from sitting to kneeling" in w
                  and "the figure cuts" in w for w in warns), f"--check warns where the figure cuts: {err!r}")
        check(all(n.startswith(f"{cut}:3:1: note: ") and "sitting -> " in n and " -> kneeling" in n for n in notes),
              f"--check names the chain from sitting to kneeling: {err!r}")
        # kneeling has its ways down from standing and back up (issue 12): a first move kneeling
        # (from the intro's standing figure), a rest kneeling after a standing move and one
        # standing after the kneeling move no longer cut, and a way now leads from standing to
        # every position, so no first move cuts from standing
        first = write(tmp, "first.routine", 'title "First"\nmove hip_flexor_lunge hold 20s\n')
        rc, out, err = run("--check", first)
        check(rc == 0 and "no way is drawn" not in err, f"--check: the first move kneeling does not cut: {err!r}")
        kneel = write(tmp, "kneel.routine", 'title "Kneel"\nmove side_bend reps 2 tempo 3s\n'
                      'rest 12s kneeling "Come down onto your knees."\nmove hip_flexor_lunge hold 20s\n'
                      'rest 12s standing "Come up to standing."\nmove standing_extension reps 2 tempo 3s\n'
                      'move hip_flexor_lunge hold 20s\nmove side_bend reps 2 tempo 3s\n')
        rc, out, err = run("--check", kneel)
        check(rc == 0 and "no way is drawn" not in err, f"--check: standing to kneeling and back do not cut: {err!r}")
    # the exercises as the menu and the results count them, then every step (rests too)
    rc, out, _ = run("--check", "levels/01-gentle-start.routine")
    check(re.search(r': ok: "Gentle start", 4 exercises, 7 steps, \d+m\d+s$', out.strip()) is not None,
          f"--check says the exercises and the steps: {out!r}")
    rc, out, err = run("--check", *LEVELS)
    check(rc == 0 and len(out.splitlines()) == len(LEVELS), "--check with all levels: one ok line each")

    with tempfile.TemporaryDirectory() as tmp:
        bad = write(tmp, "bad.routine", 'title "Bad"\nmove child_pose\n  hold 30x\n')
        rc, out, err = run("--check", bad)
        check(rc == 1, f"--check on a bad file exits 1, got {rc}")
        errs = error_lines(err)
        check(len(errs) == 1, f"one error line: {err!r}")
        m = ERROR_LINE.match(errs[0]) if errs else None
        check(m is not None and m["file"] == bad and m["line"] == "3" and m["col"] == "8" and "30x" in m["msg"],
              f"FILE:LINE:COL: message with the right place: {errs}")
        check(err.count("\n") == len(err.splitlines()) and all(l.strip() for l in err.splitlines()),
              "each error is one whole line")

        # several errors in one file: all reported, in one run
        many = write(tmp, "many.routine",
                     'title "Many"\nmove dance hold 3s\n  wobble\nrest 10s\n  reps 3\nmove child_pose hold 2h\n')
        rc, out, err = run("--check", many)
        places = [(ERROR_LINE.match(l)["line"], ERROR_LINE.match(l)["col"]) for l in error_lines(err)]
        check(rc == 1, "--check with several errors exits 1")
        for want in [("2", "6"), ("3", "3"), ("5", "3"), ("6", "22")]:
            check(want in places, f"error at {want[0]}:{want[1]} reported: {places}")

        # several files: every one is checked, ok and bad alike
        missing = os.path.join(tmp, "missing.routine")
        rc, out, err = run("--check", LEVELS[0], bad, many, missing, LEVELS[1])
        check(rc == 1, "--check with a bad file among good ones exits 1")
        check(f"{LEVELS[0]}: ok" in out and f"{LEVELS[1]}: ok" in out, "the good files are still reported ok")
        files = {ERROR_LINE.match(l)["file"] for l in error_lines(err)}
        check(files == {bad, many, missing}, f"errors for each bad file: {files}")

        # no title, no steps, a directory
        rc, out, err = run("--check", write(tmp, "empty.routine", ""))
        check(rc == 1 and "title" in err, "an empty file: missing title")
        # a folder: every routine in it is checked, each error on its own line
        rc, out, err = run("--check", tmp)
        files = {ERROR_LINE.match(l)["file"] for l in error_lines(err) if ERROR_LINE.match(l)}
        check(rc == 1 and {bad, many} <= files, f"a folder is checked routine by routine: {err!r}")
        rc, out, err = run("--check", "levels")
        check(rc == 0 and out.count(": ok:") >= 4, f"--check levels: every routine ok: {out!r}")
        empty = os.path.join(tmp, "nothing-here")
        os.mkdir(empty)
        rc, out, err = run("--check", empty)
        check(rc == 1 and len(error_lines(err)) == 1 and "no .routine files" in err, f"an empty folder: one line: {err!r}")


def test_list():
    rc, out, err = run("--list", "levels")
    lines = out.splitlines()
    check(rc == 0, f"--list exits 0 ({err.strip()})")
    check(len(lines) == len(LEVELS), f"--list prints one line per routine: {lines}")
    titles = []
    for line in lines:
        fields = line.split("\t")
        check(len(fields) >= 4 and fields[0].endswith(".routine") and fields[2].startswith("level "),
              f"--list line: path, title, level, length: {line!r}")
        titles.append(fields[1] if len(fields) > 1 else "")
    check("Gentle start" in titles and "Cold pack timer" in titles, f"--list shows the titles: {titles}")
    # the length --list (and the menu) shows is what a run with nobody pressing takes to the results:
    # the get-readies lengthened to their words, the spoken safety notice, a timer's wait for Ready
    for line in lines:
        fields = line.split("\t")
        # whole seconds, as a person reads a length (a dose that builds made NHS Inform's "2m51.373s")
        check(len(fields) > 3 and re.fullmatch(r"(?:\d+h)?(?:\d+m)?(?:\d+s)?", fields[3]) is not None,
              f"--list length in whole seconds: {line!r}")
        m = re.fullmatch(r"(?:(\d+)h)?(?:(\d+)m)?(?:([\d.]+)s)?", fields[3] if len(fields) > 3 else "")
        listed = (int(m.group(1) or 0) * 3600 + int(m.group(2) or 0) * 60 + float(m.group(3) or 0)) if m else -1
        with tempfile.TemporaryDirectory() as side_tmp:  # "Which side hurts?" answered: every step runs
            rc, sim, _ = run("--simulate", fields[0], *side_answer(fields[0], side_tmp))
        events = parse_jsonl(sim, fields[0])
        end = [e for e in events if e["type"] == "session_end"]
        # an open hold ("hold open": held until the press, at most 3 min) is planned as a typical
        # 30 s hold, not the 3 minutes nobody pressing spends in it
        open_extra = sum(e["duration"] - 30 for e in events
                         if e["type"] == "step_start" and e.get("mode") == "hold_until_press" and e["duration"] >= 180)
        check(bool(end) and abs(end[0]["t"] - open_extra - listed) <= 3,
              f"{fields[0]}: --list says {fields[3] if len(fields) > 3 else '?'}, --simulate ends at "
              f"{end[0]['t'] if end else '?'} s")
    rc, out, _ = run("--list")
    check(rc == 0 and len(out.splitlines()) == len(LEVELS), "--list defaults to levels/")
    with tempfile.TemporaryDirectory() as tmp:
        write(tmp, "a.routine", 'title "A"\nmove child_pose hold 30s\n')
        write(tmp, "b.routine", 'title "B"\nmove nope hold 30s\n')
        write(tmp, "notes.txt", "not a routine\n")
        rc, out, err = run("--list", tmp)
        check(len(out.splitlines()) == 1 and "\tA\t" in out, f"--list shows the valid routine only: {out!r}")
        check(rc == 1 and "b.routine" in err, f"--list reports the invalid one and exits 1: {rc} {err!r}")
        rc, out, err = run("--list", os.path.join(tmp, "nowhere"))
        check(rc == 1 and out == "", "--list on a missing folder exits 1")
    with tempfile.TemporaryDirectory() as tmp:
        rc, out, err = run("--list", tmp)
        check(rc == 1 and out == "" and len(err.splitlines()) == 1, f"--list of a folder with no routines exits 1: {rc} {err!r}")
        write(tmp, "nolevel.routine", 'title "No level"\nmove child_pose hold 30s\n')
        rc, out, err = run("--list", tmp)
        fields = out.rstrip("\n").split("\t")
        check(rc == 0 and len(fields) >= 3 and fields[2] == "level -", f"a routine without level lists 'level -': {out!r}")

        # --data without assets/: one warning line, and the mode still runs
        rc, out, err = run("--data", tmp, "--check", LEVELS[0])
        warn = [l for l in err.splitlines() if "assets/" in l]
        check(rc == 0 and len(warn) == 1 and warn[0].startswith(f"unknot: warning: {tmp}: no assets/ folder"),
              f"--data without assets/ warns once and goes on: {rc} {err!r}")


def parse_jsonl(out, what):
    events = []
    for i, line in enumerate(out.splitlines()):
        try:
            events.append(json.loads(line))
        except ValueError as e:
            check(False, f"{what}: line {i + 1} is not JSON ({e}): {line!r}")
    return events


def check_stream(events, what):
    check(len(events) > 5, f"{what}: events printed")
    if not events:
        return
    check(events[0]["type"] == "session_start", f"{what}: session_start first")
    types = [e["type"] for e in events]
    check(types.count("session_start") == 1 and types.count("session_end") == 1, f"{what}: one start, one end")
    end = types.index("session_end") if "session_end" in types else -1
    check(end >= len(events) - 3 and all(t in ("cue", "sound") for t in types[end + 1:]),
          f"{what}: session_end near the end, only the results' cue and sound after it: {types[end:]}")
    last_t, open_step = -1.0, None
    for e in events:
        check(isinstance(e.get("t"), (int, float)) and e["t"] >= last_t, f"{what}: times never go back at {e}")
        last_t = e.get("t", last_t)
        if e["type"] == "step_start":
            check(open_step is None, f"{what}: step_start inside another step: {e}")
            open_step = (e["index"], e["side"], e["set"])
            check(e["kind"] in ("move", "rest", "timer") and e["duration"] > 0, f"{what}: step fields {e}")
        elif e["type"] == "step_end":
            check(open_step == (e["index"], e["side"], e["set"]), f"{what}: step_end pairs with its start: {e}")
            open_step = None
        elif e["type"] == "cue":
            check(isinstance(e.get("text"), str) and e["text"] != "" and e["cue"] in ("routine", "standard", "count"),
                  f"{what}: cue with text: {e}")
    check(open_step is None, f"{what}: every step_start has its step_end")


def side_answer(path, tmp):
    """--input answering "Which side hurts?" at once for a routine with `sides chosen` (else none),
    so that its one-sided steps run too."""
    with open(path, encoding="utf-8") as f:
        if not re.search(r"^sides\s+chosen\b", f.read(), re.M):
            return []
    return ["--input", write(tmp, "side.txt", "0 side left\n")]


def test_simulate():
    side_tmp = tempfile.TemporaryDirectory()
    for path in LEVELS:
        side = side_answer(path, side_tmp.name)
        rc, out, err = run("--simulate", path, *side)
        check(rc == 0, f"--simulate {path} exits 0 ({err.strip()})")
        events = parse_jsonl(out, path)
        check_stream(events, path)
        if events:
            start, end = events[0], [e for e in events if e["type"] == "session_end"]
            check(start.get("steps", 0) >= 1 and start.get("planned", 0) > 0 and start.get("title"),
                  f"{path}: session_start has title, steps and planned")
            check(bool(end) and end[0]["completed"] is True and end[0]["steps_skipped"] == 0,
                  f"{path}: with nobody pressing, every step runs to its end")
            check(any(e["type"] == "cue" and e["cue"] == "routine" for e in events), f"{path}: the routine's cues are said")
        if end:
            e = end[0]
            parts = e.get("points", {})
            check(e.get("score_max", 0) >= e["score"] and sum(parts.values()) == e["score"],
                  f"{path}: the score is out of score_max and its parts add up to it: {e.get('score_max')} {parts}")
            check(all(parts[k] <= e["points_max"][k] for k in ("reps", "holds", "steps")),
                  f"{path}: no part scores above what was possible: {parts} {e.get('points_max')}")
            check(e["reps_target"] == 0 or parts.get("reps") == 0,
                  f"{path}: with nobody pressing, no rep earns a point: {parts}")
        rc2, out2, _ = run("--simulate", path, *side)
        check(out == out2, f"{path}: the same run prints the same bytes")
    side_tmp.cleanup()

    # Desk break with no presses at all: what it earned is the holds and the steps, shown against
    # what counting the reps would have added (issue 11: "Score: 280" said nothing)
    rc, out, err = run("--simulate", "levels/03-desk-break.routine")
    end = [e for e in parse_jsonl(out, "desk") if e["type"] == "session_end"]
    check(rc == 0 and bool(end), "desk break simulates")
    if end:
        e = end[0]
        check(e["reps_done"] == 0 and e["points"]["reps"] == 0 and e["points_max"]["reps"] > 0,
              f"desk break, no presses: no points for reps, which could have earned some: {e['points_max']}")
        check(e["score"] == e["points"]["holds"] + e["points"]["steps"] and e["score"] < e["score_max"] / 2,
              f"desk break, no presses: {e['score']} of {e['score_max']}, well under half")
        check(e["verdict"].startswith("Nothing was pressed") and "count each rep" in e["verdict"],
              f"the verdict says nothing was counted and asks for counting: {e['verdict']}")

    with tempfile.TemporaryDirectory() as tmp:
        # belly draw-in (issue 12): one rep is one breath, and --simulate lists when to breathe: each
        # rep says "Breathe in." as it starts and "Breathe out, draw in." 1.25 s in (a quarter of the
        # 5 s rep), both spoken on their moment from the committed clips
        routine = write(tmp, "draw.routine", 'title "Draw"\nmove draw_in\n  reps 4\n')
        rc, out, err = run("--simulate", routine)
        events = parse_jsonl(out, "draw_in")
        start = [e["t"] for e in events if e["type"] == "step_start"]
        breaths = [(e["text"], round(e["t"] - start[0], 3), e.get("spoken")) for e in events
                   if e["type"] == "cue" and e["text"].startswith("Breathe")] if start else []
        want = [(text, k * 5.0 + at) for k in range(4) for text, at in (("Breathe in.", 0.0),
                                                                        ("Breathe out, draw in.", 1.25))]
        check(rc == 0 and [(t, at) for t, at, _ in breaths] == want,
              f"draw_in reps: a breath in and out per rep, {[(t, at) for t, at, _ in breaths]}")
        check(breaths and all(sp is not None and abs(sp - (start[0] + at)) < 1e-6 for _, at, sp in breaths),
              f"draw_in reps: every breath spoken on its moment: {breaths}")

    # NHS lower back (physio review 27): knee rolls say which way as each rep starts, left then
    # right ("Other side." said nothing a patient looking at the ceiling could use), and each hold
    # of one 6 s breath says "Breathe in." at the top (2 s into the 4 s tempo) and "Breathe out."
    # 2.4 s later, in Bottom to heels (face down) and in the knee rolls; all spoken on their moment
    nhs = [p for p in LEVELS if "06-nhs-lower-back" in p]
    check(len(nhs) == 1, "levels/06-nhs-lower-back.routine is there")
    if nhs:
        rc, out, err = run("--simulate", nhs[0])
        events = parse_jsonl(out, "levels/06")
        starts = [e for e in events if e["type"] == "step_start"]
        cues = [e for e in events if e["type"] == "cue"]
        rolls = [e for e in starts if e["move"] == "knee_rolls"]
        sides = [e["text"] for e in cues if e["text"].startswith("Knees to your")]
        want = ["Knees to your left.", "Knees to your right."] * (len(rolls) // 2)
        check(rc == 0 and len(rolls) == 8 and sides == want, f"knee rolls name the side each rep: {sides}")
        check(not any(e["text"] == "Other side." for e in cues), "knee rolls no longer say only \"Other side.\"")
        for e in rolls:
            said = [c for c in cues if c["text"].startswith("Knees to your") and abs(c["t"] - e["t"]) < 1e-6]
            check(len(said) == 1 and said[0]["text"].endswith(e["side"] + ".") and said[0].get("spoken") == e["t"],
                  f"the rep on the {e['side']} at {e['t']} says its side as it starts: {said}")
        # the holds: 8 reps of 10 s of Bottom to heels, then one per knee roll
        heels = [e for e in starts if e["move"] == "child_pose"]
        holds = [round(e["t"] + 10.0 * r + 2.0, 3) for e in heels for r in range(8)] + \
                [round(e["t"] + 2.0, 3) for e in rolls]
        ins = [c for c in cues if c["text"] == "Breathe in."]
        outs = [c for c in cues if c["text"] == "Breathe out."]
        check(len(heels) == 1 and [round(c["t"], 3) for c in ins] == holds and
              [round(c["t"], 3) for c in outs] == [round(h + 2.4, 3) for h in holds],
              f"each hold of one breath: in at the top, out 2.4 s later: {[c['t'] for c in ins]}")
        check(ins and all(c.get("spoken") == c["t"] for c in ins + outs), "every breath spoken on its moment")

    with tempfile.TemporaryDirectory() as tmp:
        # bridge: beats 2, 6, 10, 14 s into the work, whose start the events say (the safety notice
        # and the get-ready last as long as their words take to say)
        routine = write(tmp, "reps.routine",
                        'title "Reps \\"quoted\\""\nmove bridge\n  reps 4 tempo 4s\n  say each-rep "Up, \\"high\\"."\n')
        rc, out, err = run("--simulate", routine)
        work = [e["t"] for e in parse_jsonl(out, "reps, no input") if e["type"] == "step_start"]
        w = work[0] if work else 21.0
        inputs = write(tmp, "in.txt", f"# two reps\n{w + 2:.3f} rep\n{w + 8:.3f} rep\n{w + 19:.3f} skip\n")
        rc, out, err = run("--simulate", routine, "--input", inputs)
        check(rc == 0, f"--simulate with --input exits 0 ({err.strip()})")
        events = parse_jsonl(out, "reps")
        check_stream(events, "reps")
        reps = [e for e in events if e["type"] == "rep"]
        check(len(reps) == 2, f"two rep events: {reps}")
        if len(reps) == 2:
            check(reps[0]["on_tempo"] is True and reps[0]["n"] == 1 and reps[0]["t"] == round(w + 2, 3), f"a rep at the beat is on tempo: {reps[0]}")
            check(reps[1]["on_tempo"] is False and reps[1]["n"] == 2, f"a rep between beats is not: {reps[1]}")
            check(reps[0]["move"] == "bridge" and reps[0]["index"] == 0, "rep events name the move")
        check(events and events[0]["title"] == 'Reps "quoted"', "titles with quotes survive JSON")
        check(any(e["type"] == "cue" and e["text"] == 'Up, "high".' for e in events), "cue text with quotes survives JSON")
        end = [e for e in events if e["type"] == "session_end"]
        check(bool(end) and end[0]["reps_done"] == 2 and end[0]["reps_on_tempo"] == 1, f"session_end sums the reps: {end}")
        if end:
            # one rep on the beat (10) and one off it (3) of the four possible on the beat (40)
            check(end[0]["points"]["reps"] == 13 and end[0]["points_max"]["reps"] == 40,
                  f"session_end says what the points were for: {end[0]['points']} of {end[0]['points_max']}")

        # bad input file: FILE:LINE:COL and exit 1, nothing on stdout
        bad_in = write(tmp, "bad.txt", "1 pause\n2 fly\n")
        rc, out, err = run("--simulate", routine, "--input", bad_in)
        errs = error_lines(err)
        check(rc == 1 and out == "", f"a bad input file exits 1 with no events ({rc})")
        check(len(errs) == 1 and errs[0].startswith(f"{bad_in}:2:3: "), f"input error at FILE:2:3: {errs}")
        rc, out, err = run("--simulate", routine, "--input", os.path.join(tmp, "none.txt"))
        check(rc == 1 and len(error_lines(err)) == 1, "a missing input file exits 1 in one line")
        rc, out, err = run("--simulate", os.path.join(tmp, "none.routine"))
        check(rc == 1 and len(error_lines(err)) == 1 and out == "", "a missing routine exits 1 in one line")

        # an input file with nothing in it but comments: the same as no input
        empty = write(tmp, "empty.txt", "# nobody presses\n\n")
        rc, out, err = run("--simulate", routine, "--input", empty)
        rc0, out0, _ = run("--simulate", routine)
        check(rc == 0 and out == out0 and err == "", f"an input of only comments runs like no input ({rc}: {err.strip()[:200]})")

        # paused forever: the simulation stops with one message
        stuck = write(tmp, "stuck.txt", "20 pause\n")
        rc, out, err = run("--simulate", routine, "--input", stuck)
        events = parse_jsonl(out, "stuck")
        check(rc == 1 and events and events[-1]["type"] == "pause", f"stuck paused: stops after the pause, exit 1 ({rc})")

        # stdout that cannot be written: one line and exit 1, never a silent success
        if os.path.exists("/dev/full"):
            env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
            with open("/dev/full", "w") as full:
                p = subprocess.run([UNKNOT, "--simulate", routine], stdout=full, stderr=subprocess.PIPE, text=True,
                                   timeout=30, env=env)
            check(p.returncode == 1 and len(p.stderr.splitlines()) == 1 and p.stderr.startswith("unknot: "),
                  f"--simulate > /dev/full: exit 1 with one line ({p.returncode}: {p.stderr!r})")
        check(len(err.strip().splitlines()) == 1 and "paused" in err, f"stuck paused: one message: {err!r}")


def test_completed():
    """--completed N plays a dose that builds as after N completed workouts; with --record the
    history's count is used unless it is given."""
    with tempfile.TemporaryDirectory() as tmp:
        path = write(tmp, "build.routine", 'title "B"\nmove bridge\n  reps 5 building to 30 by 2 every 3 workouts\n')
        for n, want in ((None, 5), ("0", 5), ("7", 9), ("1000", 30)):
            rc, out, err = run("--simulate", path, *(["--completed", n] if n else []))
            starts = [e for e in parse_jsonl(out, f"--completed {n}") if e.get("type") == "step_start"]
            check(rc == 0 and starts and starts[0].get("reps") == want and starts[0].get("reps_building_to") == 30,
                  f"--completed {n}: today's reps {want} ({rc}, {starts[:1]}, {err!r})")
        for bad in (["--completed", "x"], ["--completed", "-1"], ["--completed"], ["--completed", "3", "--check", path]):
            rc, _, err = run("--simulate", path, *bad) if bad[-1] != path else run(*bad)
            check(rc == 2 and len(err.strip().splitlines()) == 1, f"{bad} is a usage error: {rc} {err!r}")
        db = os.path.join(tmp, "h.db")
        for i, want in enumerate((5, 5, 5, 7)):  # three completed workouts, then the fourth builds
            rc, out, err = run("--simulate", path, "--record", "--history", db, "--now", f"2026-03-0{i + 2}T09:00:00+00:00")
            starts = [e for e in parse_jsonl(out, "--record") if e.get("type") == "step_start"]
            check(rc == 0 and starts and starts[0].get("reps") == want, f"--record workout {i + 1}: {want} reps ({starts[:1]})")
        rc, out, _ = run("--simulate", path, "--record", "--history", db, "--completed", "0",
                         "--now", "2026-03-07T09:00:00+00:00")
        starts = [e for e in parse_jsonl(out, "--record --completed 0") if e.get("type") == "step_start"]
        check(rc == 0 and starts and starts[0].get("reps") == 5, "--completed wins over the history")


def test_no_display():
    """With no display and no SDL_VIDEODRIVER chosen, the modes that need a screen (play, menu) say
    so in one line and exit 1 at once, instead of playing the workout on SDL's offscreen driver with
    no window; the headless modes work as before."""
    with tempfile.TemporaryDirectory() as tmp:
        env = {k: v for k, v in os.environ.items()
               if k not in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER", "XDG_RUNTIME_DIR")}
        env.update(SDL_AUDIODRIVER="dummy", HOME=tmp, XDG_CONFIG_HOME=os.path.join(tmp, "c"),
                   XDG_DATA_HOME=os.path.join(tmp, "d"), XDG_CACHE_HOME=os.path.join(tmp, "k"))
        cases = ((LEVELS[0],), (), ("--window", LEVELS[0]))
        for display in (None, ":97"):
            if display:
                env["DISPLAY"] = display
            for args in cases:
                try:
                    p = subprocess.run([UNKNOT, *args], capture_output=True, text=True, timeout=30, env=env)
                except subprocess.TimeoutExpired:
                    check(False, f"no display {display}: unknot {args} still running after 30 s")
                    continue
                mine = [l for l in p.stderr.splitlines() if l.startswith("unknot: no display found")]
                check(p.returncode == 1 and len(mine) == 1 and "xvfb-run -a" in mine[0],
                      f"no display {display}: unknot {args} exits 1 saying so ({p.returncode}: {p.stderr!r})")
                want = "DISPLAY and WAYLAND_DISPLAY are not set" if not display else f"DISPLAY={display}"
                check(bool(mine) and want in mine[0], f"no display {display}: the line says why: {mine}")
        env.pop("DISPLAY", None)
        out_png = os.path.join(tmp, "s.png")
        for args in (("--check", LEVELS[0]), ("--list",), ("--simulate", LEVELS[0]),
                     ("--shot", out_png, "--at", "5", "--size", "640x360", LEVELS[0])):
            p = subprocess.run([UNKNOT, *args], capture_output=True, text=True, timeout=60, env=env)
            check(p.returncode == 0 and "no display" not in p.stderr,
                  f"no display: unknot {args[0]} needs none ({p.returncode}: {p.stderr[-300:]!r})")
        check(os.path.exists(out_png), "no display: --shot writes its PNG")


def main():
    if not os.path.exists(UNKNOT):
        print(f"cli_test: no program at {UNKNOT}", file=sys.stderr)
        return 1
    test_help_version_usage()
    test_check()
    test_list()
    test_simulate()
    test_completed()
    test_no_display()
    return finish("cli_test")


if __name__ == "__main__":
    sys.exit(main())
