#!/usr/bin/env python3
"""history_cli_test.py: the history through the real program: a month of simulated workouts
recorded with --record --now and the exact --stats numbers on the way (docs/streaks.md),
--export-csv read back with a CSV parser, and the faults a user can meet: a corrupt file, a
folder that cannot be written, and two unknots writing the same file at once.
Usage: history_cli_test.py PATH/TO/unknot (run from the repository root)."""
import csv
import datetime
import glob
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checks import check, finish  # noqa: E402

UNKNOT = sys.argv[1] if len(sys.argv) > 1 else "build/unknot"
LEVEL1 = "levels/01-gentle-start.routine"
LEVEL2 = "levels/02-core-strength.routine"


def run(*args, timeout=60):
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    p = subprocess.run([UNKNOT, *args], capture_output=True, text=True, timeout=timeout, env=env)
    return p.returncode, p.stdout, p.stderr


def record(db, routine, now, *extra):
    """Record one simulated workout; returns (exit code, the closing history line, stderr)."""
    rc, out, err = run("--simulate", routine, "--record", "--history", db, "--now", now, *extra)
    lines = out.splitlines()
    last = json.loads(lines[-1]) if lines and lines[-1].startswith('{"event":"history"') else {}
    return rc, last, err


def stats(db, now, levels="levels"):
    rc, out, err = run("--stats", "--json", "--history", db, "--now", now, "--levels", levels)
    check(rc == 0 and err == "", f"--stats at {now} exits 0 quietly: {rc} {err!r}")
    try:
        return json.loads(out)
    except ValueError:
        check(False, f"--stats --json prints one JSON object: {out!r}")
        return {}


def expect(got, when, **want):
    for k, v in want.items():
        check(got.get(k) == v, f"{when}: {k} is {v}, not {got.get(k)}")


def london(day, hh=7, mm=30):
    """Local time in London in March 2026: GMT until the 29th, then BST."""
    off = "+01:00" if day >= 29 else "+00:00"
    return f"2026-03-{day:02d}T{hh:02d}:{mm:02d}:00{off}"


def own_levels(tmp):
    """Routines of levels 1, 2 and 3 of the test's own, so new routines in levels/ change nothing here."""
    folder = os.path.join(tmp, "levels")
    os.makedirs(folder, exist_ok=True)
    paths = []
    for level, name in ((1, "a-gentle"), (2, "b-core"), (3, "c-more")):
        path = os.path.join(folder, f"{name}.routine")
        with open(path, "w", encoding="utf-8") as f:
            f.write(f'title "Level {level}"\nlevel {level}\nmove child_pose\n  hold 20s\nmove forward_fold\n'
                    f'  hold 15s\n')
        paths.append(path)
    return folder, paths


def test_month(tmp):
    global LEVEL1, LEVEL2
    levels, (LEVEL1, LEVEL2, _) = own_levels(tmp)
    db = os.path.join(tmp, "month.db")
    quit_early = os.path.join(tmp, "quit.input")
    with open(quit_early, "w", encoding="utf-8") as f:
        f.write("60 quit\n")  # in the first step: after the spoken safety notice, intro and get-ready
    saved = 0
    done = [2, 3, 4, 5, 6, 8, 9, 10, 14, 15, 16, 17, 18, 19, 20, 22, 23, 24, 25, 26, 28, 29, 30]
    for day in done:
        routine = LEVEL2 if 22 <= day <= 26 else LEVEL1
        extra = []
        if day <= 6:  # the first week answers both check-ins: pain falls from 6 to 2 before, 5 to 1 after
            answers = os.path.join(tmp, f"pain{day}.input")
            with open(answers, "w", encoding="utf-8") as f:
                f.write(f"0 pain {8 - day}\n0 pain {7 - day}\n")
            extra = ["--input", answers]
        rc, last, err = record(db, routine, london(day), *extra)
        saved += rc == 0 and last.get("status") == "saved"
        if day == 9:  # twice on the 9th: one day, two workouts
            rc, last, _ = record(db, LEVEL1, london(9, 19, 0))
            saved += rc == 0 and last.get("status") == "saved"
        if day == 6:
            expect(stats(db, london(6, 21)), "Friday 6 March", current_streak=5, best_streak=5, week_days=5,
                   rest_day_used=False, rest_days_left=1, today_counted=True, bonus_percent=50)
        if day == 8:
            # Saturday the 7th missed: a rest day, so Sunday makes 6
            expect(stats(db, london(8, 21)), "Sunday 8 March", current_streak=6, best_streak=6, week_days=6,
                   rest_day_used=True, rest_days_left=0)
        if day == 10:
            expect(stats(db, london(11, 21)), "Wednesday 11 March, not done yet", current_streak=8,
                   today_counted=False)
            expect(stats(db, london(12, 21)), "Thursday 12 March, two days missed", current_streak=0,
                   best_streak=8)
            # the 13th: ended early after 30 s, which keeps the row but does not count
            rc, last, _ = record(db, LEVEL1, london(13), "--input", quit_early)
            check(rc == 0 and last.get("status") == "saved", f"an ended-early workout is saved too: {rc} {last}")
            saved += 1
            expect(stats(db, london(13, 21)), "Friday 13 March, ended early", current_streak=0, sessions=10,
                   completed=9, today_workouts=0)
        if day == 26:
            expect(stats(db, london(26, 21)), "Thursday 26 March", current_streak=12, best_streak=12,
                   rest_day_used=True, rest_days_left=0, bonus_percent=100)
    check(saved == 25, f"all 25 workouts of the month are saved ({saved})")
    # the 27th was missed only 6 days after the rest day of the 21st: the streak broke at 12;
    # the test's own levels go up to 3: 19 completed at level 1 and 5 at level 2 open it
    expect(stats(db, "2026-03-31T20:00:00+01:00", levels), "Tuesday 31 March", today="2026-03-31", current_streak=3,
           best_streak=12, sessions=25, completed=24, days=23, today_workouts=0, today_counted=False, week_days=1,
           week_goal=4, rest_day_used=False, rest_days_left=1, bonus_percent=30, level=3, workouts_to_next_level=0)
    rc, out, err = run("--stats", "--history", db, "--now", "2026-03-31T20:00:00+01:00", "--levels", levels,
                       "--week-goal", "2")
    check(rc == 0 and out == "Streak: 3 days in a row (best 12), 1 rest day left this week\n"
          "This week: 1 of 2 days\nWorkouts: 25 begun, 24 completed, on 23 days; 0 today\n"
          "Level 3 is open\n", f"--stats as text: {out!r} {err!r}")
    # a week later with nothing done: no streak, the best is kept
    expect(stats(db, "2026-04-07T20:00:00+01:00"), "7 April", current_streak=0, best_streak=12, week_days=0)

    # the CSV: a header and one row per workout, RFC 4180, written whole
    out_csv = os.path.join(tmp, "month.csv")
    rc, out, err = run("--export-csv", out_csv, "--history", db)
    check(rc == 0 and out == "" and err == "", f"--export-csv exits 0 quietly: {rc} {err!r}")
    with open(out_csv, "rb") as f:
        raw = f.read()
    check(raw.count(b"\r\n") == 26 and raw.endswith(b"\r\n"), "CSV lines end in CRLF, header + 25 rows")
    rows = list(csv.DictReader(raw.decode("utf-8").splitlines()))
    check(len(rows) == 25, f"25 rows ({len(rows)})")
    check(rows[0]["start"] == "2026-03-02T07:30:21+00:00" or rows[0]["start"].startswith("2026-03-02T07:3"),
          f"times in local time with the offset: {rows[0]['start']}")
    check(rows[-1]["start"].endswith("+01:00") and rows[-1]["local_date"] == "2026-03-30",
          f"after the change to BST: {rows[-1]}")
    check(sum(r["outcome"] == "completed" for r in rows) == 24, "24 completed rows")
    check([r["outcome"] for r in rows if r["local_date"] == "2026-03-13"] == ["ended_early"], "the 13th ended early")
    check([(r["pain_before"], r["pain_after"]) for r in rows[:6]] == [("6", "5"), ("5", "4"), ("4", "3"), ("3", "2"),
                                                                     ("2", "1"), ("", "")],
          f"the check-in answers are stored, skipped ones empty: {[(r['pain_before'], r['pain_after']) for r in rows[:6]]}")
    check(not glob.glob(os.path.join(tmp, "month.csv.tmp*")), "no temporary file is left")
    rc, _, err = run("--export-csv", os.path.join(tmp, "no", "such", "dir.csv"), "--history", db)
    check(rc == 1 and err.count("\n") == 1 and "cannot write" in err, f"an unwritable CSV path: one line: {err!r}")


def test_no_history(tmp):
    db = os.path.join(tmp, "never.db")
    expect(stats(db, "2026-03-02T20:00:00+01:00"), "no history yet", current_streak=0, best_streak=0, sessions=0,
           days=0, week_days=0, week_goal=4, level=1)
    out_csv = os.path.join(tmp, "empty.csv")
    rc, _, err = run("--export-csv", out_csv, "--history", db)
    with open(out_csv, "rb") as f:
        check(rc == 0 and f.read().count(b"\r\n") == 1, f"no history: the CSV is the header alone ({err!r})")
    check(not os.path.exists(db), "--stats and --export-csv do not create a history that is not there")


def test_corrupt(tmp):
    db = os.path.join(tmp, "corrupt.db")
    junk = b"SQLite format 3\x00" + b"\xff" * 5000  # looks like SQLite, is not
    with open(db, "wb") as f:
        f.write(junk)
    rc, last, err = record(db, LEVEL1, "2026-03-02T07:30:00+01:00")
    lines = err.splitlines()
    check(rc == 0 and last.get("status") == "saved", f"a corrupt file: the workout is saved in a new one: {last}")
    check(len(lines) == 1 and lines[0].startswith("unknot: warning: ") and ".corrupt-" in lines[0],
          f"one warning line says where the old file went: {err!r}")
    aside = glob.glob(db + ".corrupt-*")
    check(len(aside) == 1, f"the old file is moved aside, not deleted: {aside}")
    if aside:
        with open(aside[0], "rb") as f:
            check(f.read() == junk, "the old file is kept byte for byte")
    check(len(aside) == 1 and aside[0][len(db) + 9:len(db) + 24].replace("-", "").isdigit(),
          "its name is history.db.corrupt-YYYYMMDD-HHMMSS")
    expect(stats(db, "2026-03-02T20:00:00+01:00"), "after the new start", sessions=1, current_streak=1)


def test_cannot_write(tmp):
    plain = os.path.join(tmp, "plain")
    with open(plain, "w", encoding="utf-8") as f:
        f.write("x")
    fifo = os.path.join(tmp, "fifo.db")
    os.mkfifo(fifo)
    for db in (os.path.join(plain, "history.db"), "/proc/unknot-test/history.db", fifo, tmp):
        rc, out, err = run("--simulate", LEVEL1, "--record", "--history", db, "--now", "2026-03-02T07:30:00+01:00")
        lines = out.splitlines()
        check(any('"type":"session_end"' in l for l in lines), f"{db}: the workout still runs to its end")
        check(lines and json.loads(lines[-1]).get("status") == "not_saved", f"{db}: status not_saved: {lines[-1:]}")
        check(rc == 1, f"{db}: exit 1 when nothing could be saved ({rc})")
        check(err.count("\n") == 1 and err.startswith("unknot: warning: ") and "not saved" in err,
              f"{db}: one warning line: {err!r}")


def test_two_at_once(tmp):
    db = os.path.join(tmp, "shared.db")
    results = []

    def worker(first):
        for i in range(8):
            rc, last, err = record(db, LEVEL1, f"2026-05-{first + i:02d}T07:30:00+02:00")
            results.append((rc, last.get("status"), err))

    threads = [threading.Thread(target=worker, args=(first,)) for first in (1, 11)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    check(len(results) == 16 and all(r[0] == 0 and r[1] == "saved" for r in results),
          f"two unknots writing at once both save every workout: {[r for r in results if r[1] != 'saved']}")
    con = sqlite3.connect(db, check_same_thread=False)
    check(con.execute("SELECT count(*) FROM workouts WHERE outcome = 'completed'").fetchone()[0] == 16,
          "all 16 are in the file")
    check(con.execute("PRAGMA integrity_check").fetchone()[0] == "ok", "integrity_check ok")
    # another program holds the write lock for 1.5 s: unknot waits for it and loses nothing
    con.execute("BEGIN IMMEDIATE")
    con.execute("INSERT INTO workouts (start_utc, utc_offset, local_day, end_utc, routine_file, title, outcome) "
                "VALUES (0, 0, 0, 0, 'x', 'held', 'completed')")
    releaser = threading.Timer(1.5, con.commit)
    releaser.start()
    t0 = time.monotonic()
    rc, last, err = record(db, LEVEL1, "2026-05-30T07:30:00+02:00")
    waited = time.monotonic() - t0
    releaser.join()
    check(rc == 0 and last.get("status") == "saved" and waited >= 1.4,
          f"a locked file: unknot waits ({waited:.1f} s) and saves: {last} {err!r}")
    check(con.execute("SELECT count(*) FROM workouts").fetchone()[0] == 18, "both writers' rows are there")
    con.close()


def test_new_file_race(tmp):
    """Four unknots start at once on a history that does not exist yet, 50 times over (kept short:
    CI runs it under ASan too). Each must find
    either an empty file or a whole unknot history, never "not an unknot history" (seen in CI when the
    version and the tables were read in two statements: about 1 open in 600 on this machine)."""
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    failed = []
    for i in range(50):
        db = os.path.join(tmp, f"race-{i}.db")
        procs = [subprocess.Popen([UNKNOT, "--simulate", LEVEL1, "--record", "--history", db, "--now",
                                   f"2026-05-0{k + 1}T07:30:00+02:00"], stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE, env=env, text=True) for k in range(4)]
        for p in procs:
            _, err = p.communicate(timeout=60)
            if p.returncode != 0 or err:
                failed.append((i, p.returncode, err.strip()))
        if not failed:
            con = sqlite3.connect(db)
            n = con.execute("SELECT count(*) FROM workouts").fetchone()[0]
            con.close()
            if n != 4:
                failed.append((i, "rows", n))
    check(not failed, f"200 unknots opening new files four at a time all save, quietly: {failed[:3]}")


def test_usage():
    for args in (["--now", "2026-03-02T07:30:00", "--stats"], ["--now", "yesterday", "--stats"],
                 ["--record", "--stats"], ["--json", "--list"], ["--week-goal", "8", "--stats"],
                 ["--patient", "A1", "--list"], ["--export-csv"], ["--history", "", "--stats"]):
        rc, out, err = run(*args)
        check(rc == 2 and err.count("\n") == 1 and err.endswith("(see unknot --help)\n"),
              f"{args}: usage error, one line: {rc} {err!r}")


def test_stopped_for_pain(tmp):
    """Ended early with the after check-in meeting the stop rule: stopped for pain, and the day counts."""
    db = os.path.join(tmp, "pain.db")
    levels, paths = own_levels(tmp)
    routine = paths[0]
    rc, _, err = record(db, routine, london(2))
    check(rc == 0, f"day 1 completed: {rc} {err!r}")
    for name, after, want in (("hurts", 8, "stopped_for_pain"), ("fine", 2, "ended_early")):
        script = os.path.join(tmp, name + ".input")
        with open(script, "w", encoding="utf-8") as f:
            f.write(f"1 pain 2\n60 quit\n61 pain {after}\n")
        day = 3 if after == 8 else 5
        rc, _, err = record(db, routine, london(day), "--input", script)
        check(rc == 0, f"quit with pain after {after}: {rc} {err!r}")
    out_csv = os.path.join(tmp, "pain.csv")
    rc, _, err = run("--export-csv", out_csv, "--history", db)
    with open(out_csv, encoding="utf-8") as f:
        rows = list(csv.DictReader(f.read().splitlines()))
    got = [(r["local_date"], r["outcome"]) for r in rows]
    check(got == [("2026-03-02", "completed"), ("2026-03-03", "stopped_for_pain"), ("2026-03-05", "ended_early")],
          f"outcomes by pain after: {got}")
    expect(stats(db, london(3, 20), levels), "the evening it hurt", current_streak=2, days=2)


def main():
    with tempfile.TemporaryDirectory(prefix="unknot-history-cli-") as tmp:
        test_month(tmp)
        test_no_history(tmp)
        test_corrupt(tmp)
        test_cannot_write(tmp)
        test_two_at_once(tmp)
        test_new_file_race(tmp)
        test_stopped_for_pain(tmp)
        test_usage()
    return finish("history_cli_test")


if __name__ == "__main__":
    sys.exit(main())
