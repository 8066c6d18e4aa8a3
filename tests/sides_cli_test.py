#!/usr/bin/env python3
"""sides_cli_test.py: "Which side hurts?" through the real program, driven by --input files:
`side both` ("Both / the middle") runs Camden's knee rolls on both sides, left then right;
`side skip` leaves them out for today, and the end counts "4 of 4" exercises, not "4 of 5".
Recorded with --record, the history's row and --export-csv keep their columns: steps done and
skipped, the routine's steps, and what was asked for today.
Usage: sides_cli_test.py PATH/TO/unknot (run from the repository root)."""
import csv
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checks import check, finish  # noqa: E402

UNKNOT = sys.argv[1] if len(sys.argv) > 1 else "build/unknot"
CAMDEN = "levels/08-camden-acute-back.routine"


def run(*args):
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    p = subprocess.run([UNKNOT, *args], capture_output=True, text=True, timeout=120, env=env)
    return p.returncode, p.stdout, p.stderr


def simulate(tmp, answer, *extra):
    path = os.path.join(tmp, f"side-{answer}.input")
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"# Camden: \"Which side hurts?\" answered by the file\n30 side {answer}\n")
    rc, out, err = run("--simulate", CAMDEN, "--input", path, *extra)
    check(rc == 0 and err == "", f"side {answer}: exits 0 quietly: {rc} {err!r}")
    events = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    return events


def of(events, kind):
    return [e for e in events if e.get("type") == kind]


def test_both(tmp):
    events = simulate(tmp, "both")
    chosen = of(events, "side_chosen")
    check(len(chosen) == 1 and chosen[0]["side"] == "both", f"side both is the answer: {chosen}")
    rolls = [(e["side"], e["t"]) for e in of(events, "step_start") if e["move"] == "knee_rolls"]
    check([s for s, _ in rolls] == ["left", "right"], f"the knee rolls run left, then right: {rolls}")
    switch = [e for e in of(events, "cue") if e.get("text") == "Knees to your right."]
    check(len(switch) == 1, f"the switch names the second side once: {[e['t'] for e in switch]}")
    end = of(events, "session_end")
    check(len(end) == 1, "one session_end")
    if end:
        e = end[0]
        check(e["completed"] and e["exercises_done"] == 5 and e["exercises"] == 5,
              f"side both: 5 of 5 exercises, completed: {e}")
        check(e["steps_done"] == 5 and e["steps_skipped"] == 0, f"side both: 5 steps done: {e}")
    one = simulate(tmp, "left")
    one_end = of(one, "session_end")
    if end and one_end:
        check(end[0]["reps_target"] == one_end[0]["reps_target"] + 10,
              f"both sides ask for the knee rolls' 10 reps twice: {end[0]['reps_target']} vs "
              f"{one_end[0]['reps_target']}")


def test_skip(tmp):
    events = simulate(tmp, "skip")
    check([e["side"] for e in of(events, "side_chosen")] == [None], "side skip: no side chosen")
    check(not [e for e in of(events, "step_start") if e["move"] == "knee_rolls"], "the knee rolls are left out")
    # the last words agree with the results' "Workout done": not "Workout ended." (review 30 #6)
    said = [e["text"] for e in of(events, "cue") if e["text"].startswith("Workout")]
    check(said and not said[-1].startswith("Workout ended"), f"side skip: the end is not said 'ended': {said}")
    check([e["sound"] for e in of(events, "sound")][-1:] == ["fanfare"], "side skip: a workout done ends on the fanfare")
    end = of(events, "session_end")
    check(len(end) == 1, "one session_end")
    if end:
        e = end[0]
        check(e["completed"] and e["exercises_done"] == 4 and e["exercises"] == 4,
              f"side skip: 4 of 4 exercises (not 4 of 5), completed: {e}")
        check(e["steps_skipped"] == 0, f"side skip: the left-out step is not a skipped one: {e}")
        one = of(simulate(tmp, "left"), "session_end")
        check(one and e["score_max"] < one[0]["score_max"],
              f"side skip: the left-out step's points are not in what could be earned: {e['score_max']}")


def test_history(tmp):
    """The row: steps_total stays the routine's steps (old rows and new read alike); a step left
    out is neither done nor skipped; what was asked (reps_target) is today's."""
    db = os.path.join(tmp, "h.db")
    rows = {}
    for n, answer in enumerate(("skip", "both", "right")):
        path = os.path.join(tmp, f"rec-{answer}.input")
        with open(path, "w", encoding="utf-8") as f:
            f.write(f"30 side {answer}\n")
        rc, out, err = run("--simulate", CAMDEN, "--input", path, "--record", "--history", db, "--now",
                           f"2026-03-0{n + 2}T08:00:00+00:00")
        check(rc == 0, f"recorded side {answer}: {rc} {err!r}")
    out_csv = os.path.join(tmp, "h.csv")
    rc, out, err = run("--export-csv", out_csv, "--history", db)
    check(rc == 0 and err == "", f"--export-csv exits 0 quietly: {rc} {err!r}")
    with open(out_csv, newline="", encoding="utf-8") as f:
        table = list(csv.DictReader(f))
    check(len(table) == 3, f"three rows: {len(table)}")
    for answer, row in zip(("skip", "both", "right"), table):
        rows[answer] = row
        check(row["outcome"] == "completed", f"side {answer}: completed: {row['outcome']}")
        check(row["steps_total"] == "5", f"side {answer}: steps_total is the routine's 5: {row['steps_total']}")
        check(row["steps_skipped"] == "0", f"side {answer}: nothing skipped: {row['steps_skipped']}")
    if len(rows) == 3:
        check(rows["skip"]["steps_done"] == "4" and rows["both"]["steps_done"] == "5",
              f"steps done: {rows['skip']['steps_done']} (skip), {rows['both']['steps_done']} (both)")
        r_skip, r_one, r_both = (int(rows[a]["reps_target"]) for a in ("skip", "right", "both"))
        check(r_one - r_skip == 10 and r_both - r_one == 10,
              f"reps asked: {r_skip} without the knee rolls, {r_one} one side, {r_both} both")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        test_both(tmp)
        test_skip(tmp)
        test_history(tmp)
    return finish("sides_cli")


if __name__ == "__main__":
    sys.exit(main())
