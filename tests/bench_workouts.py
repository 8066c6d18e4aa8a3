#!/usr/bin/env python3
"""bench_workouts.py [BUILD_DIR] [ROUTINE...]: every routine played as a patient plays it, in real time,
in a real 1920x1080 window (Xvfb, no window manager, the software renderer): peak RSS and frame times
measured in the same run (issue 12), each frame time beside the reference scene's (tests/bench_reference.c)
measured the same way before and after.

  python3 tests/bench_workouts.py build                                  # every levels/ routine: about 70 min
  python3 tests/bench_workouts.py build levels/06-nhs-lower-back.routine   # one

The safety notice and the pain check-in before are answered at once (S, as tests/bench_table.py does);
then nothing is pressed: every get-ready, voice cue, caption, rep count, rest, way between positions and
timer plays as in a real workout, to the check-in after it. tests/bench_table.py's RSS row skips through
the steps instead (S every 0.8 s): quicker, but not a workout.

Per routine it prints: VmHWM (peak RSS) at the end; the drawing time's p99 over each 5-s window of the
workout (UNKNOT_STATS=1), the worst window and the median window; and the worst window's ratio to the
reference's p99. As root, Xvfb, the reference and every workout run at real-time priority (SCHED_FIFO,
as bench_table's frame row), so the frame times hold still while other work runs; without it they are the
loaded machine's. Figures only: it fails only when something could not be measured."""
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_table as bt  # noqa: E402  (its helpers: env, keys, stop, the reference)

ROOT = bt.ROOT
STATS = re.compile(r"drawing p50 ([0-9.]+) ms p99 ([0-9.]+) ms")  # unknot's 5-s reports and the reference's


def planned_seconds(b, tmp, routine):
    out = subprocess.run([b["unknot"], "--simulate", routine], capture_output=True, text=True, env=bt.env_for(tmp),
                         cwd=ROOT)
    m = re.search(r'"planned":([0-9.]+)', out.stdout)
    return float(m.group(1)) if m else None


RT = {"on": False}  # Xvfb and the runs in SCHED_FIFO (bench_table.realtime), when the system allows it


def run_priority():
    """preexec_fn of every measured run: real-time priority when Xvfb has it, so the frame times
    measure the program and not whatever else the two cores run (bench_table's frame row does the same)."""
    if RT["on"]:
        bt.realtime(0, True)


def reference_p99(b, tmp):
    ref = subprocess.run([b["reference"], "25"], stderr=subprocess.PIPE, text=True, env=bt.env_for(tmp), timeout=120,
                         preexec_fn=run_priority)
    m = re.search(r"reference: all: .*?drawing p50 ([0-9.]+) ms p99 ([0-9.]+) ms", ref.stderr)  # the whole run's
    return float(m.group(2)) if m else None


def workout(b, tmp, routine, say):
    planned = planned_seconds(b, tmp, routine)
    if planned is None:
        return None
    log = os.path.join(tmp, "stderr.txt")
    with open(log, "w") as err:
        p = subprocess.Popen([b["unknot"], routine], stderr=err, env=bt.env_for(tmp), cwd=ROOT, preexec_fn=run_priority)
        time.sleep(3)
        bt.xdotool_key("s")  # the safety notice
        time.sleep(2)
        bt.xdotool_key("s")  # the pain check-in before
        # the intro, every step and its get-ready as planned, and some slack for the voice: the
        # check-in after the workout waits on its own
        end = time.monotonic() + planned + 20
        hwm = 0
        while time.monotonic() < end and p.poll() is None:
            time.sleep(5)
            hwm = max(hwm, bt.status_kb(p.pid, "VmHWM"))
            say(f"  {os.path.basename(routine)}: {planned + 20 - (end - time.monotonic()):.0f} of "
                f"{planned + 20:.0f} s, peak RSS {hwm / 1024:.1f} MB")
        crashed = p.poll() not in (None, 0)
        if p.poll() is None:
            hwm = max(hwm, bt.status_kb(p.pid, "VmHWM"))  # the high-water mark, to the end
        bt.stop(p)
    if crashed:
        say(f"  {os.path.basename(routine)}: unknot exited with {p.returncode} before the workout ended")
        return None
    with open(log) as f:
        text = f.read()
    windows = [float(c) for _, c in STATS.findall(text)][1:]  # the first holds the start-up
    if not windows:
        return None
    return {"planned": planned, "rss": hwm / 1024.0, "worst": max(windows), "median": statistics.median(windows),
            "windows": len(windows)}


def inner(build, routines):
    b = {"unknot": os.path.abspath(os.path.join(build, "unknot")),
         "reference": os.path.abspath(os.path.join(build, "tests", "bench_reference"))}
    say = lambda *a: print("bench_workouts:", *a, file=sys.stderr, flush=True)  # noqa: E731
    tmp = tempfile.mkdtemp()
    xvfb = bt.xvfb_pid()
    RT["on"] = xvfb is not None and bt.realtime(xvfb, True)
    say("real-time priority (SCHED_FIFO) for Xvfb and the runs" if RT["on"] else "normal priority (shared with the load)")
    try:
        return measure(b, tmp, build, routines, say)
    finally:
        if RT["on"]:
            bt.realtime(xvfb, False)


def measure(b, tmp, build, routines, say):
    say("reference scene (25 s)")
    refs = [reference_p99(b, tmp)]
    rows = []
    for r in routines:
        sub = tempfile.mkdtemp(dir=tmp)  # each workout on a fresh history, as a first visit
        res = workout(b, sub, r, say)
        rows.append((r, res))
    say("reference scene again (25 s)")
    refs.append(reference_p99(b, tmp))
    refs = [x for x in refs if x]
    ref = statistics.mean(refs) if refs else None
    shutil.rmtree(tmp, ignore_errors=True)
    print(f"Measured {time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC with `python3 tests/bench_workouts.py "
          f"{build}` (Xvfb 1920x1080, no window manager, {os.cpu_count()} cores, load average "
          f"{os.getloadavg()[0]:.1f} at the end, {'real-time' if RT['on'] else 'normal'} priority); reference p99 {', '.join(f'{x:.1f}' for x in refs)} ms:\n")
    print("| routine | played | peak RSS | frame p99, worst 5-s window | median window | worst ÷ reference |")
    print("|---|---|---|---|---|---|")
    ok = True
    for r, res in rows:
        if not res:
            print(f"| {os.path.basename(r)} | — | — | — | — | — |")
            ok = False
            continue
        ratio = f"{res['worst'] / ref:.2f}" if ref else "—"
        print(f"| {os.path.basename(r)} | {res['planned'] / 60:.1f} min | {res['rss']:.1f} MB | {res['worst']:.1f} ms | "
              f"{res['median']:.1f} ms | {ratio} |")
    measured = [res for _, res in rows if res]
    if measured:
        print(f"\nPeak RSS over every workout: {max(x['rss'] for x in measured):.1f} MB (aim < 50 MB).")
    return 0 if ok and ref else 1


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    build = args[0] if args else "build"
    routines = args[1:] or sorted("levels/" + r for r in os.listdir(os.path.join(ROOT, "levels"))
                                  if r.endswith(".routine"))
    if "--inner" in sys.argv:
        return inner(build, routines)
    return bt.under_xvfb(__file__, args)


if __name__ == "__main__":
    sys.exit(main())
