#!/usr/bin/env python3
"""history_kill_test.py: the history survives SIGKILL at any moment. A child records workouts
through the real binary (--simulate --record, one local day each) while this test kills it at
random moments, 200 times. Afterwards every workout acknowledged before a kill is in the file,
complete; the workout that was running keeps every step it had printed as ended; nothing is
duplicated; PRAGMA integrity_check says ok. Usage: history_kill_test.py PATH/TO/unknot [RUNS]"""
import datetime
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checks import check, finish  # noqa: E402

UNKNOT = sys.argv[1] if len(sys.argv) > 1 else "build/unknot"
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 200
SEED = int(os.environ.get("UNKNOT_KILL_SEED", "20260302"))

ROUTINE = """title "Kill test"
level 1
move child_pose
  hold 3s
move cat_camel
  reps 2 tempo 2s
rest 2s
move forward_fold
  hold 2s
move bridge
  reps 2 tempo 2s
"""
STEPS = 5


def start_of(i):
    """Run i happens on its own local day, at 07:30 in Paris (winter time)."""
    day = datetime.date(2020, 1, 1) + datetime.timedelta(days=i)
    return day, f"{day.isoformat()}T07:30:00+01:00"


def spawn(db, routine, i):
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    _, now = start_of(i)
    return subprocess.Popen([UNKNOT, "--simulate", routine, "--record", "--history", db, "--now", now],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)


def acknowledged(out):
    """(steps printed as ended, whether the closing 'history' line said saved)."""
    ended, saved = 0, False
    for line in out.decode("utf-8", "replace").splitlines():
        if '"type":"step_end"' in line:
            ended += 1
        if line.startswith('{"event":"history"') and '"status":"saved"' in line:
            saved = True
    return ended, saved


def main():
    rng = random.Random(SEED)
    with tempfile.TemporaryDirectory(prefix="unknot-kill-") as tmp:
        routine = os.path.join(tmp, "kill.routine")
        with open(routine, "w", encoding="utf-8") as f:
            f.write(ROUTINE)
        db = os.path.join(tmp, "history.db")
        # how long the program takes to start (before it can write anything), and how long a
        # recorded workout runs after its first printed line (session_start, printed once the
        # history is open): a fifth of the kills land while starting and opening the history,
        # the rest anywhere in the workout, so the load of the machine does not skew them
        starts, spans = [], []
        score_max = 0
        for i in range(3):
            t0 = time.monotonic()
            p = spawn(db, routine, 10000 + i)
            p.stdout.readline()
            t1 = time.monotonic()
            whole, _ = p.communicate(timeout=60)
            for line in whole.decode("utf-8", "replace").splitlines():
                if '"type":"session_end"' in line:
                    score_max = json.loads(line)["score_max"]
            starts.append(t1 - t0)
            spans.append(time.monotonic() - t1)
            check(p.returncode == 0, f"a whole recorded workout exits 0 (got {p.returncode})")
        startup, span = sorted(starts)[1], sorted(spans)[1]
        check(score_max > 0, f"the workout's session_end says what could be earned ({score_max})")
        expect = {}
        kills = 0
        t_start = time.monotonic()
        for i in range(RUNS):
            p = spawn(db, routine, i)
            first = b""
            if rng.random() < 0.2:
                time.sleep(rng.uniform(0, startup * 1.2))
            else:
                first = p.stdout.readline()
                time.sleep(rng.uniform(0, span * 1.05))
            if p.poll() is None:
                p.send_signal(signal.SIGKILL)
                kills += 1
            out, _ = p.communicate(timeout=60)
            expect[i] = acknowledged(first + out)
        elapsed = time.monotonic() - t_start
        print(f"history_kill_test: {RUNS} runs ({kills} killed) in {elapsed:.1f} s; one workout takes {span:.3f} s, "
              f"starting {startup:.3f} s; seed {SEED}")
        check(kills >= RUNS // 4, f"most runs are really killed mid-way ({kills} of {RUNS})")

        con = sqlite3.connect(db)
        check(con.execute("PRAGMA integrity_check").fetchone()[0] == "ok", "PRAGMA integrity_check says ok")
        rows = {}
        for day, outcome, done, skipped, most in con.execute(
                "SELECT local_day, outcome, steps_done, steps_skipped, score_max FROM workouts"):
            rows.setdefault(day, []).append((outcome, done, skipped, most))
        epoch = datetime.date(1970, 1, 1)
        acked = partial = 0
        for i, (ended, saved) in expect.items():
            day, _ = start_of(i)
            got = rows.get((day - epoch).days, [])
            check(len(got) <= 1, f"run {i}: at most one row ({got})")
            if saved:
                acked += 1
                check(got and got[0][0] == "completed" and got[0][1] == STEPS and got[0][3] == score_max,
                      f"run {i}: an acknowledged workout is there, completed with {STEPS} steps, out of "
                      f"{score_max} ({got})")
            elif ended > 0:
                partial += 1
                check(got and got[0][1] + got[0][2] >= ended,
                      f"run {i}: the {ended} steps printed as ended before the kill are kept ({got})")
        print(f"history_kill_test: {acked} acknowledged whole, {partial} cut off after at least one step")
        check(acked > 0 and partial > 0, "the kills land both after and during workouts")
        con.close()
    return finish("history_kill_test")


if __name__ == "__main__":
    sys.exit(main())
