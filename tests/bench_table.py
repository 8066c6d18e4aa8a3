#!/usr/bin/env python3
"""bench_table.py [BUILD_DIR] [--soak]: the README's table of figures, measured in one run under
Xvfb (1920x1080, the real X11 path, no window manager), each beside a reference measured the same
way in the same run, and printed as the Markdown table the README holds.

  python3 tests/bench_table.py build            # about 9 minutes
  python3 tests/bench_table.py build --soak     # also the 24 h kiosk soak (several more minutes)

The reference is tests/bench_reference.c: a bare SDL program with unknot's renderer set-up
drawing a 900x900 alpha sprite, six cached 96-pt text lines and a bar at 1920x1080. A shared
machine's absolute times drift with the load; the ratio to the reference drifts much less.
Figures only: it fails only when something could not be measured."""
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FRAME_RUNS = 3  # pairs of frame-time runs (reference, unknot); the median pair is the row
BUSY_ROUTINE = "levels/02-core-strength.routine"  # reps on a tempo, holds, captions, the combo
STATS = re.compile(r"drawing p50 ([0-9.]+) ms p99 ([0-9.]+) ms")
FIRST = re.compile(r"start-up: first frame at monotonic ([0-9.]+) s")


def env_for(tmp, **extra):
    e = dict(os.environ, SDL_AUDIODRIVER="dummy", XDG_CONFIG_HOME=tmp, XDG_CACHE_HOME=tmp, XDG_DATA_HOME=tmp,
             UNKNOT_STATS="1")
    e.update(extra)
    return e


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def status_kb(pid, key):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return -1


def xdotool_key(key):
    subprocess.run(["xdotool", "key", key], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=10)


def stop(p):
    p.terminate()
    try:
        out = p.communicate(timeout=10)[1]
    except subprocess.TimeoutExpired:
        p.kill()
        out = p.communicate()[1]
    return out or ""


# ---- 1. frame time, the busiest workout screen, against the reference ----

def frame_times(b, tmp):
    ref = subprocess.run([b["reference"], "25"], stderr=subprocess.PIPE, text=True, env=env_for(tmp), timeout=120)
    m = STATS.search(ref.stderr)
    ref_p99 = float(m.group(2)) if m else None
    # unknot: the safety notice and the pain check-in before wait for a press (a still screen drawn a
    # few times a second, not the workout), so S answers each; then the intro and the first get-ready
    # play and the bridge starts at about 21 s; the 5-s reports from 25 s to 50 s cover reps, a hold
    # and captions
    p = subprocess.Popen([b["unknot"], BUSY_ROUTINE], stderr=subprocess.PIPE, text=True, env=env_for(tmp), cwd=ROOT)
    time.sleep(3)
    xdotool_key("s")  # the safety notice
    time.sleep(2)
    xdotool_key("s")  # the pain check-in before
    time.sleep(47)
    err = stop(p)
    reports = [(float(a), float(c)) for a, c in STATS.findall(err)]
    busy = reports[5:10] if len(reports) >= 10 else reports[-5:]
    p99 = max(c for _, c in busy) if busy else None
    return p99, ref_p99


# ---- 2. exec to first frame, full screen, no window manager ----

def first_frame_ms(cmd, tmp, runs=5):
    times = []
    for _ in range(runs):
        t0 = time.monotonic()
        p = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True, env=env_for(tmp), cwd=ROOT)
        try:
            for line in p.stderr:
                m = FIRST.search(line)
                if m:
                    times.append((float(m.group(1)) - t0) * 1000)
                    break
        finally:
            p.kill()
            p.communicate()
    return statistics.median(times) if times else None


# ---- 3. CPU on a still screen ----

def cpu_still(b, tmp, paused):
    args = [b["unknot"], "levels/01-gentle-start.routine"] if paused else [b["unknot"]]
    p = subprocess.Popen(args, stderr=subprocess.DEVNULL, env=env_for(tmp, UNKNOT_STATS="0"), cwd=ROOT)
    time.sleep(4)
    if paused:
        xdotool_key("p")
    time.sleep(2)
    hz = os.sysconf("SC_CLK_TCK")
    c0, t0 = cpu_ticks(p.pid), time.monotonic()
    time.sleep(15)
    c1, t1 = cpu_ticks(p.pid), time.monotonic()
    stop(p)
    return 100.0 * (c1 - c0) / hz / (t1 - t0)


# ---- 4. peak RSS over a workout of each routine ----

def peak_rss(b, tmp, routine):
    """Play routine in the window, walking through every step with the skip key (each step's
    figure and voice are loaded as in a full workout) to its results; VmHWM there (MB)."""
    with open(os.path.join(ROOT, routine)) as f:
        steps = sum(1 for line in f if re.match(r"\s*(move|rest|timer)\b", line))
    p = subprocess.Popen([b["unknot"], routine], stderr=subprocess.DEVNULL, env=env_for(tmp, UNKNOT_STATS="0"),
                         cwd=ROOT)
    time.sleep(3)
    # one skip per step (its get-ready, sides and sets included), and one for each of the safety
    # notice, the pain check-in before, the intro and the check-in after: then the results show
    for _ in range(steps + 4):
        xdotool_key("s")
        time.sleep(0.8)
    time.sleep(3)
    hwm = status_kb(p.pid, "VmHWM")
    stop(p)
    return hwm / 1024.0


def reference_rss(b, tmp):
    p = subprocess.Popen([b["reference"], "6"], stderr=subprocess.DEVNULL, env=env_for(tmp))
    time.sleep(4)
    hwm = status_kb(p.pid, "VmHWM")
    p.wait(timeout=30)
    return hwm / 1024.0


# ---- 5. --simulate of a 20-minute routine ----

def simulate_speed(b, tmp):
    path = os.path.join(tmp, "twenty.routine")
    with open(path, "w") as f:
        f.write('title "Twenty minutes"\n')
        for _ in range(8):
            f.write("move bridge reps 10 tempo 4s\nrest 30s\nmove child_pose hold 60s\nrest 20s\n")
    out = subprocess.run([b["unknot"], "--simulate", path], capture_output=True, text=True, env=env_for(tmp))
    m = re.search(r'"planned":([0-9.]+)', out.stdout)
    planned = float(m.group(1)) if m else 0
    times = []
    for _ in range(7):
        t0 = time.monotonic()
        subprocess.run([b["unknot"], "--simulate", path], stdout=subprocess.DEVNULL, env=env_for(tmp))
        times.append(time.monotonic() - t0)
    return planned, statistics.median(times)


# ---- 6. the kiosk soak ----

def soak(b, tmp):
    out = subprocess.run([b["soak"]], capture_output=True, text=True, cwd=ROOT, timeout=3600,
                         env=env_for(tmp, SDL_VIDEODRIVER="dummy"))
    m = re.search(r"growth hour 1 -> (\d+): heap in use ([+-]?\d+) kB, VmRSS ([+-]?\d+) kB", out.stdout)
    return (int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def fmt(v, spec, unit=""):
    return "—" if v is None else f"{v:{spec}}{unit}"


def inner(build, with_soak):
    b = {"unknot": os.path.abspath(os.path.join(build, "unknot")),
         "reference": os.path.abspath(os.path.join(build, "tests", "bench_reference")),
         "soak": os.path.abspath(os.path.join(build, "tests", "bench_kiosk_soak"))}
    tmp = tempfile.mkdtemp()
    rows = []
    say = lambda *a: print("bench_table:", *a, file=sys.stderr, flush=True)  # noqa: E731
    # one pair of runs gave ratios from 0.39 to 2.30 on the shared machine (session 25): the row is the
    # median pair of FRAME_RUNS, each reference run just before its unknot run, every ratio listed
    say(f"frame times ({FRAME_RUNS} pairs of runs, about {FRAME_RUNS * 80} s)")
    pairs = []
    for i in range(FRAME_RUNS):
        p99, ref_p99 = frame_times(b, tmp)
        if p99 and ref_p99:
            pairs.append((p99 / ref_p99, p99, ref_p99))
        say(f"  run {i + 1}: " + (f"{p99:.1f} ms ÷ {ref_p99:.1f} ms = {p99 / ref_p99:.2f}" if p99 and ref_p99 else "—"))
    pairs.sort()
    ratio, p99, ref_p99 = pairs[len(pairs) // 2] if pairs else (None, None, None)
    runs = ", ".join(f"{r:.2f}" for r, _, _ in pairs)
    rows.append(("frame time p99, busiest workout screen, 1080p software, ÷ reference p99", f"{fmt(ratio, '.2f')} "
                 f"(median of {len(pairs)} runs: {runs})",
                 f"{fmt(p99, '.1f', ' ms')} ÷ {fmt(ref_p99, '.1f', ' ms')}", "≤ 0.61 (issue 12: no worse than when filed)"))
    say("exec to first frame (10 starts)")
    ff = first_frame_ms([b["unknot"], "levels/01-gentle-start.routine"], tmp)
    ref_ff = first_frame_ms([b["reference"], "1"], tmp)
    rows.append(("exec → first frame, full screen, no window manager", fmt(ff, ".0f", " ms"),
                 f"reference {fmt(ref_ff, '.0f', ' ms')}", "< 100 ms"))
    say("CPU on still screens (about 45 s)")
    paused, menu = cpu_still(b, tmp, True), cpu_still(b, tmp, False)
    rows.append(("CPU while paused / static menu", f"{paused:.2f}% / {menu:.2f}% of a core", "—", "≤ 0.2% both"))
    say("peak RSS, a workout of each routine (a few minutes)")
    rss = []
    for r in sorted(os.listdir(os.path.join(ROOT, "levels"))):
        if r.endswith(".routine"):
            rss.append((peak_rss(b, tmp, "levels/" + r), r))
            say(f"  {r}: {rss[-1][0]:.0f} MB")
    top = max(rss) if rss else (None, "")
    rows.append(("peak RSS, every step of each routine skipped through (a real-time workout: tests/bench_workouts.py)", f"{fmt(top[0], '.0f', ' MB')} ({top[1]}; "
                 f"least {min(rss)[0]:.0f} MB)" if rss else "—",
                 f"reference scene {reference_rss(b, tmp):.0f} MB", "< 50 MB"))
    say("--simulate of a 20-minute routine")
    planned, secs = simulate_speed(b, tmp)
    rows.append(("`--simulate` of a 20-minute routine", f"{planned / secs:,.0f}× real time",
                 f"{planned / 60:.0f} min in {secs * 1000:.0f} ms, incl. process start", "≥ 1,000×"))
    if with_soak:
        say("24 h kiosk soak (several minutes)")
        s = soak(b, tmp)
        rows.append(("24 h kiosk soak, memory growth", f"heap {s[1]:+d} kB, RSS {s[2]:+d} kB over {s[0]} h" if s else "—",
                     "tests/bench_kiosk_soak", "< 1 MB"))
    else:
        rows.append(("24 h kiosk soak, memory growth", "not run (add --soak)", "tests/bench_kiosk_soak", "< 1 MB"))
    shutil.rmtree(tmp, ignore_errors=True)
    print(f"Measured {time.strftime('%Y-%m-%d', time.gmtime())} with `python3 tests/bench_table.py build"
          f"{' --soak' if with_soak else ''}` (Xvfb 1920x1080, no window manager, {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.1f} at the end):\n")
    print("| figure | now | beside it, same run | aim |")
    print("|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    return 0 if ratio is not None and ff is not None else 1


def under_xvfb(script, args):
    """Runs script again with args and --inner under a 1920x1080 Xvfb (no window manager)."""
    for tool in ("xvfb-run", "xdotool"):
        if not shutil.which(tool):
            print(f"{os.path.basename(script)}: {tool} not installed (sh .ci/deps)")
            return 1
    return subprocess.call(["xvfb-run", "-a", "-s", "-screen 0 1920x1080x24", sys.executable, os.path.abspath(script)]
                           + args + ["--inner"], cwd=ROOT)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    build = args[0] if args else "build"
    with_soak = "--soak" in sys.argv
    if "--inner" in sys.argv:
        return inner(build, with_soak)
    return under_xvfb(__file__, [build] + (["--soak"] if with_soak else []))


if __name__ == "__main__":
    sys.exit(main())
