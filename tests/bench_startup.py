#!/usr/bin/env python3
"""bench_startup.py UNKNOT: time from exec to the first frame on screen, in a window and full
screen, under Xvfb with no window manager (the kiosk case), and where the time goes. unknot prints
each start-up stage on CLOCK_MONOTONIC with UNKNOT_STATS=1; this script reads the same clock just
before exec. Prints the median of 5 runs and each stage; fails only when nothing was measured.
Run it on an idle machine: on a loaded one every figure grows with the load."""
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

RUNS = 5
STAGE = re.compile(r"start-up: (.+?) at monotonic ([0-9.]+) s")


def one_run(unknot, args, env):
    t0 = time.monotonic()
    p = subprocess.Popen([unknot] + args, env=env, stderr=subprocess.PIPE, text=True)
    stages = {}
    try:
        for line in p.stderr:
            m = STAGE.search(line)
            if m:
                stages[m.group(1)] = (float(m.group(2)) - t0) * 1000
                if m.group(1) == "first frame":
                    break
    finally:
        p.kill()
        p.wait()
    return stages


def inner(unknot):
    tmp = tempfile.mkdtemp()
    env = dict(os.environ, UNKNOT_STATS="1", SDL_AUDIODRIVER="dummy", XDG_CONFIG_HOME=tmp, XDG_CACHE_HOME=tmp,
               XDG_DATA_HOME=tmp)
    routine = "levels/01-gentle-start.routine"
    measured = 0
    for label, args in (("window 1280x720", ["--window", routine]), ("full screen 1920x1080", [routine])):
        runs = [one_run(unknot, args, env) for _ in range(RUNS)]
        runs = [r for r in runs if "first frame" in r]
        if not runs:
            print(f"bench_startup: {label}: no first frame reported")
            continue
        measured += 1
        names = [n for n in runs[0] if all(n in r for r in runs)]
        parts = ", ".join(f"{n} {statistics.median(r[n] for r in runs):.0f}" for n in names)
        print(f"bench_startup: {label}, no window manager: exec to first frame median "
              f"{statistics.median(r['first frame'] for r in runs):.0f} ms over {len(runs)} runs "
              f"(stages ended at, ms: {parts})")
    shutil.rmtree(tmp, ignore_errors=True)
    return 0 if measured == 2 else 1


def main():
    if len(sys.argv) == 3 and sys.argv[2] == "--inner":
        return inner(sys.argv[1])
    if not shutil.which("xvfb-run"):
        print("bench_startup: xvfb-run not installed (sh .ci/deps)")
        return 1
    return subprocess.call(["xvfb-run", "-a", "-s", "-screen 0 1920x1080x24", sys.executable,
                            os.path.abspath(__file__), sys.argv[1], "--inner"])


if __name__ == "__main__":
    sys.exit(main())
