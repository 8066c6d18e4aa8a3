#!/usr/bin/env python3
"""hostile_test.py: the hostile corpus. Every file unknot reads is replaced in turn by something
that once crashed, hung or flooded memory (a directory, a FIFO, a link to /dev/zero, a huge image,
a corrupt clip), and every file it writes is written into a full disk, a file-size limit or a
SIGTERM. Each case must end in time with the documented warning or error, never half a file.

To add a case: one entry in the table of its section (a name, what to plant, what to expect).
Usage: hostile_test.py PATH/TO/unknot (run from the repository root)."""
import os
import resource
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checks import check, finish  # noqa: E402

UNKNOT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/unknot")
ROOT = os.getcwd()
# Time limits are generous so a loaded machine cannot fail them: they catch a hang, not a slow
# second. The aim (SIGTERM ends the window within a second) is printed as a measured figure.
# Sanitizer builds run several times slower: their limits are scaled.
SLOW = 4 if "ASAN_OPTIONS" in os.environ else 1
TIMEOUT = 10 * SLOW  # seconds: any case still running then has hung
# at 40 s the child's pose figure shows (its hold began at 38 s: the get-ready says its how-to)
CHILD = 'title "Child pose"\nmove child_pose hold 30s\n'
CHILD_AT = "40"


def env_for(tmp, **extra):
    e = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
             XDG_CONFIG_HOME=os.path.join(tmp, "config"), XDG_CACHE_HOME=os.path.join(tmp, "cache"),
             HOME=tmp)
    e.update(extra)
    return e


def run(args, tmp, stdout=subprocess.PIPE, fsize=None, **extra):
    """Run unknot; returns (rc, stdout, stderr, seconds). rc is None when it hung."""
    def limit():
        if fsize is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
    start = time.monotonic()
    try:
        p = subprocess.run([UNKNOT, *args], stdout=stdout, stderr=subprocess.PIPE, timeout=TIMEOUT,
                           env=env_for(tmp, **extra), preexec_fn=limit)
    except subprocess.TimeoutExpired:
        return None, b"", b"hung", TIMEOUT
    out = p.stdout if isinstance(p.stdout, bytes) else b""
    return p.returncode, out, p.stderr, time.monotonic() - start


def data_dir(tmp):
    """A private copy of assets/ to spoil."""
    d = os.path.join(tmp, "data")
    shutil.copytree(os.path.join(ROOT, "assets"), os.path.join(d, "assets"))
    return d


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data.encode() if isinstance(data, str) else data)
    return path


def replace(path, how):
    """Put something hostile where path was: 'dir', 'fifo', 'zero', 'urandom' or bytes."""
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path)
    elif os.path.lexists(path):
        os.remove(path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if how == "dir":
        os.mkdir(path)
    elif how == "fifo":
        os.mkfifo(path)
    elif how in ("zero", "urandom"):
        os.symlink("/dev/" + how, path)
    else:
        write(path, how)


# ---- every file read: a pose file, a font, a sound, a config ----
# (name, file under the data dir or config dir, what to plant, words the warning must hold)
READS = [
    ("pose file is a directory", "data/assets/poses/child_pose.pose", "dir", "directory"),
    ("pose file is a FIFO", "data/assets/poses/child_pose.pose", "fifo", "FIFO"),
    ("pose file links to /dev/zero", "data/assets/poses/child_pose.pose", "zero", "device"),
    ("pose file links to /dev/urandom", "data/assets/poses/child_pose.pose", "urandom", "device"),
    ("pose file is garbage", "data/assets/poses/child_pose.pose", b"\x89PNG junk" * 100, "child_pose.pose:1:"),
    ("pose file is 1 MB", "data/assets/poses/child_pose.pose", b"# x\n" * 262144, "limit"),
]


def test_reads():
    for name, rel, how, want in READS:
        with tempfile.TemporaryDirectory() as tmp:
            d = data_dir(tmp)
            replace(os.path.join(tmp, rel), how)
            r = write(os.path.join(tmp, "c.routine"), CHILD)
            out = os.path.join(tmp, "o.png")
            rc, _, err, secs = run(["--data", d, "--shot", out, "--at", CHILD_AT, r], tmp)
            err = err.decode(errors="replace")
            check(rc == 0, f"{name}: --shot exits 0 without the figure, got {rc}: {err[:300]}")
            lines = [l for l in err.splitlines() if "child_pose" in l]
            check(len(lines) == 1 and lines[0].startswith("unknot: warning: no animation for child_pose")
                  and want in lines[0], f"{name}: one warning naming the problem ('{want}'): {err[:400]}")
            check(os.path.getsize(out) > 1000 if os.path.exists(out) else False, f"{name}: the shot is written")


# (name, sound to spoil, what to plant)
SOUNDS = [
    ("tick.wav is a FIFO", "tick", "fifo"),
    ("tick.wav links to /dev/zero", "tick", "zero"),
    ("chime.wav is a directory", "chime", "dir"),
    ("tick.wav is cut short", "tick", None),  # planted below: a header claiming more than is there
]


def test_sounds():
    routine = os.path.join(ROOT, "levels", sorted(os.listdir(os.path.join(ROOT, "levels")))[0])
    for name, sound, how in SOUNDS:
        with tempfile.TemporaryDirectory() as tmp:
            d = data_dir(tmp)
            path = os.path.join(d, "assets/sounds", sound + ".wav")
            if how is None:
                with open(path, "rb") as f:
                    how = f.read()[:200]
            replace(path, how)
            wav = os.path.join(tmp, "o.wav")
            rc, _, err, secs = run(["--data", d, "--simulate", routine, "--audio-out", wav], tmp,
                                   stdout=subprocess.DEVNULL)
            err = err.decode(errors="replace")
            check(rc == 0, f"{name}: --audio-out ends (exit 0), got {rc} after {secs:.1f} s")
            check(sound + ".wav" in err and "warning" in err, f"{name}: a warning names {sound}.wav: {err[:300]}")


# (name, config file, what to plant, words of the warning)
CONFIGS = [
    ("audio.conf is a FIFO", "audio.conf", "fifo", "FIFO"),
    ("audio.conf links to /dev/zero", "audio.conf", "zero", "device"),
    ("audio.conf links to /dev/urandom", "audio.conf", "urandom", "device"),
    ("audio.conf is a directory", "audio.conf", "dir", "directory"),
    ("audio.conf volume out of range", "audio.conf", "volume=99999999999999999999\n", "0 to 100"),
    ("audio.conf is huge", "audio.conf", "#" * (100 * 1024), "limit"),
    ("bindings.conf is a FIFO", "bindings.conf", "fifo", "FIFO"),
    ("bindings.conf is a directory", "bindings.conf", "dir", "directory"),
    ("bindings.conf is over 64 KiB", "bindings.conf", "# x\n" * 20000, "limit"),
    ("bindings.conf has a line over 255 bytes", "bindings.conf", "key f5 = press " + "#" * 300 + "\n", "too long"),
    ("bindings.conf has over 64 bindings", "bindings.conf",
     "".join(f"key {c} = press\n" for c in "abcdefghijklmnopqrstuvwxyz0123456789") +
     "".join(f"key f{i} = press\n" for i in range(1, 25)) +
     "".join(f"key keypad {i} = press\n" for i in range(0, 10)), "too many"),
]


# (name, config file, contents that are fine: no warning at all)
QUIET_CONFIGS = [
    ("bindings.conf: a key name with a space (docs/input.md's example)", "bindings.conf", "key keypad enter = press\n"),
    ("audio.conf: spaces around '='", "audio.conf", "volume = 50\nmuted = 0\n"),
    ("audio.conf: volume=0 inside a comment over 127 bytes", "audio.conf", "#" + " " * 200 + "volume=0\nvolume=60\n"),
]


def test_quiet_configs():
    routine = os.path.join(ROOT, "levels", sorted(os.listdir(os.path.join(ROOT, "levels")))[0])
    for name, conf, text in QUIET_CONFIGS:
        with tempfile.TemporaryDirectory() as tmp:
            replace(os.path.join(tmp, "config/unknot", conf), text)
            rc, err, secs = play_and_stop(tmp, [routine], after=1.5)
            check(rc is not None and conf not in err, f"{name}: read without a warning: {err[:300]}")


def play_and_stop(tmp, args, after=2.0):
    """Start a workout window (dummy video), SIGTERM it after `after` s. Returns (rc, stderr, secs
    from the signal to the exit); rc None when it did not end within 3 seconds."""
    p = subprocess.Popen([UNKNOT, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env_for(tmp))
    time.sleep(after)
    start = time.monotonic()
    p.send_signal(signal.SIGTERM)
    try:
        _, err = p.communicate(timeout=3 * SLOW)
    except subprocess.TimeoutExpired:
        p.kill()
        _, err = p.communicate()
        return None, err.decode(errors="replace"), 99
    return p.returncode, err.decode(errors="replace"), time.monotonic() - start


SIGTERM_SECONDS = []


def test_configs():
    routine = os.path.join(ROOT, "levels", sorted(os.listdir(os.path.join(ROOT, "levels")))[0])
    for name, conf, how, want in CONFIGS:
        with tempfile.TemporaryDirectory() as tmp:
            replace(os.path.join(tmp, "config/unknot", conf), how)
            rc, err, secs = play_and_stop(tmp, [routine])
            check(rc is not None, f"{name}: SIGTERM ends the window ({secs:.2f} s)")
            SIGTERM_SECONDS.append(secs)
            lines = [l for l in err.splitlines() if conf in l]
            check(len(lines) == 1 and lines[0].startswith("unknot: warning:") and want in lines[0],
                  f"{name}: one warning with '{want}': {err[:400]}")


def test_kiosk_conf():
    """kiosk.conf is read by the kiosk (and its --shot screens) and rewritten by --set-pin: a FIFO there
    once hung both for ever (a bare fopen probe before the safe reader), a directory or a device must
    not be read either. Each ends at once with one line naming the problem, and nothing is replaced."""
    for how, want in (("fifo", "FIFO"), ("dir", "directory"), ("zero", "device")):
        with tempfile.TemporaryDirectory() as tmp:
            conf = os.path.join(tmp, "config", "unknot", "kiosk.conf")
            replace(conf, how)
            start = time.monotonic()
            try:
                p = subprocess.run([UNKNOT, "--set-pin"], input=b"1234\n", stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, timeout=TIMEOUT, env=env_for(tmp))
                rc, err = p.returncode, p.stderr.decode(errors="replace")
            except subprocess.TimeoutExpired:
                rc, err = None, "hung"
            secs = time.monotonic() - start
            check(rc == 1, f"--set-pin, kiosk.conf {how}: exit 1 without hanging, got {rc} after {secs:.1f} s")
            check(want in err and len(err.strip().splitlines()) == 1, f"--set-pin, kiosk.conf {how}: one line: {err[:300]}")
            kind = os.lstat(conf).st_mode
            check({"fifo": stat.S_ISFIFO, "dir": stat.S_ISDIR, "zero": stat.S_ISLNK}[how](kind),
                  f"--set-pin, kiosk.conf {how}: left as it was")
            out = os.path.join(tmp, "attract.png")
            rc, _, err, secs = run(["--shot", out, "--screen", "attract"], tmp)
            err = err.decode(errors="replace")
            check(rc == 0 and os.path.exists(out), f"--shot --screen attract, kiosk.conf {how}: drawn with the defaults, "
                  f"got {rc} after {secs:.1f} s")
            lines = [l for l in err.splitlines() if "kiosk.conf" in l]
            check(len(lines) == 1 and lines[0].startswith("unknot: warning:") and want in lines[0],
                  f"--shot --screen attract, kiosk.conf {how}: one warning with '{want}': {err[:300]}")


def test_font():
    for how, want in (("fifo", "FIFO"), ("dir", "directory"), ("zero", "device")):
        with tempfile.TemporaryDirectory() as tmp:
            font = os.path.join(tmp, "font.ttf")
            replace(font, how)
            rc, _, err, secs = run(["--font", font, "--shot", os.path.join(tmp, "o.png"), "--at", "1"], tmp)
            err = err.decode(errors="replace")
            check(rc == 1, f"--font {how}: exit 1 without hanging, got {rc} after {secs:.1f} s")
            check(want in err and len(err.strip().splitlines()) == 1, f"--font {how}: one error line: {err[:300]}")
            check(not os.path.exists(os.path.join(tmp, "o.png")), f"--font {how}: no PNG left")


# ---- every file written: whole or not at all ----

def leftovers(tmp, name):
    return [f for f in os.listdir(tmp) if f.startswith(name)]


def whole_wav(path, seconds):
    """A complete RIFF/WAVE file: its sizes agree with the file's and it holds at least `seconds`."""
    import wave
    try:
        size = os.path.getsize(path)
        with open(path, "rb") as f:
            head = f.read(12)
        with wave.open(path, "rb") as w:
            frames, rate, width, channels = w.getnframes(), w.getframerate(), w.getsampwidth(), w.getnchannels()
    except (OSError, EOFError, wave.Error):
        return False
    riff = int.from_bytes(head[4:8], "little") if head[:4] == b"RIFF" and head[8:12] == b"WAVE" else -1
    return riff + 8 == size and frames * width * channels <= size and frames >= seconds * rate


def test_writes():
    routine = os.path.join(ROOT, "levels", sorted(os.listdir(os.path.join(ROOT, "levels")))[0])
    with tempfile.TemporaryDirectory() as tmp:
        shot = os.path.join(tmp, "shot.png")
        rc, _, err, _ = run(["--shot", shot, "--at", "10", routine], tmp, fsize=64 * 1024)
        check(rc == 1 and b"File too large" in err, f"--shot under a 64 KiB limit: exit 1 with the reason: {err[:200]}")
        check(leftovers(tmp, "shot") == [], f"--shot under a limit leaves nothing: {leftovers(tmp, 'shot')}")
        wav = os.path.join(tmp, "o.wav")
        rc, _, err, _ = run(["--simulate", routine, "--audio-out", wav], tmp, stdout=subprocess.DEVNULL,
                            fsize=1024 * 1024)
        check(rc == 1 and b"File too large" in err, f"--audio-out under 1 MiB: exit 1 with the reason: {err[:200]}")
        check(leftovers(tmp, "o.wav") == [], f"--audio-out under a limit leaves nothing: {leftovers(tmp, 'o.wav')}")
        # a 20-minute soundtrack takes long enough to write that a SIGTERM lands in the middle
        long_routine = write(os.path.join(tmp, "long.routine"), 'title "Long"\nrest 20m\n')
        for delay in (0.05, 0.2, 0.4):
            p = subprocess.Popen([UNKNOT, "--simulate", long_routine, "--audio-out", wav], stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL, env=env_for(tmp))
            time.sleep(delay)
            p.send_signal(signal.SIGTERM)
            rc = p.wait(timeout=TIMEOUT)
            left = leftovers(tmp, "o.wav")
            # nothing at all, or the whole soundtrack: a signal that lands after the rename (the
            # file is complete) but before the process exits still ends it with -15
            check(left == [] and rc != 0 or left == ["o.wav"] and whole_wav(wav, 20 * 60),
                  f"SIGTERM after {delay} s into --audio-out: whole file or nothing, got exit {rc} and {left}")
            if left == ["o.wav"]:
                os.remove(wav)
        # a device cannot be replaced: written directly, and its error is an error
        full = os.path.join(tmp, "full")
        try:
            os.mknod(full, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
        except OSError:
            full = None  # not root: /dev/full itself is only written to as standard output below
        if full:
            rc, _, err, _ = run(["--shot", full, "--at", "10", routine], tmp)
            check(rc == 1 and b"No space" in err, f"--shot to a full device: exit 1: {err[:200]}")
            check(stat.S_ISCHR(os.stat(full).st_mode), "--shot to a device leaves the device in place")
    # standard output is an output: /dev/full is exit 1 with the reason
    with tempfile.TemporaryDirectory() as tmp, open("/dev/full", "wb") as devfull:
        for args in (["--help"], ["--version"], ["--check", routine], ["--simulate", routine],
                     ["--list", os.path.join(ROOT, "levels")]):
            rc, _, err, _ = run(args, tmp, stdout=devfull)
            check(rc == 1 and b"No space left" in err, f"{args} to /dev/full: exit 1 with the reason, got {rc}: {err[:200]}")


# ---- routine files: (name, bytes, the first error must hold this; None: valid) ----
T = b'title "T"\n'
ROUTINES = [
    ("unknown move with a hold", T + b"move not_a_move hold 30s\n", "unknown move 'not_a_move'"),
    ("unknown move, UTF-8 name", T + "move child_pöse hold 30s\n".encode(), "unknown move 'child_pöse'"),
    ("hold 30s30s", T + b"move child_pose hold 30s30s\n", "each unit once"),
    ("hold 1s1m", T + b"move child_pose hold 1s1m\n", "each unit once"),
    ("hold 5.s", T + b"move child_pose hold 5.s\n", "digits after the '.'"),
    ("hold 1m30s is fine", T + b"move child_pose hold 1m30s\n", None),
    ("a title of spaces", b'title "   "\nmove child_pose hold 30s\n', "blank"),
    ("a title of a zero-width space", 'title "\u200b"\nmove child_pose hold 30s\n'.encode(), "blank"),
    ("a C1 control in a line", T + b"move child_pose hold 30s \xc2\x9b2J\n", "control character"),
    ("DEL in a string", b'title "T\x7f"\nmove child_pose hold 30s\n', "control character"),
]


def test_routines():
    with tempfile.TemporaryDirectory() as tmp:
        for name, data, want in ROUTINES:
            path = write(os.path.join(tmp, "x.routine"), data)
            rc, out, err, _ = run(["--check", path], tmp)
            errors = [l for l in err.decode(errors="replace").splitlines() if ": warning:" not in l]
            if want is None:
                check(rc == 0 and not errors, f"{name}: valid, got {rc}: {errors}")
                continue
            check(rc == 1 and errors and want in errors[0], f"{name}: first error has {want!r}: {errors}")
            check(all(c >= " " or c == "\n" for c in err.decode(errors="replace")), f"{name}: no raw control character")
        # a newline escape in a title is echoed as '?', never as a second line
        path = write(os.path.join(tmp, "x.routine"), b'title "A\\nB\\t"\nmove child_pose hold 30s\n')
        rc, out, err, _ = run(["--check", path], tmp)
        check(rc == 0 and out.count(b"\n") == 1 and b'"A?B?"' in out, f"a title with \\n: one line: {out!r}")
        check(all(l.startswith(path.encode()) for l in err.splitlines()), f"warnings stay one line each: {err!r}")


def test_folders():
    """101 routines, the first invalid: --check reads all in name order, --list says what it leaves out."""
    with tempfile.TemporaryDirectory() as tmp:
        d = os.path.join(tmp, "many")
        write(os.path.join(d, "000.routine"), T + b"move not_a_move hold 30s\n")
        for i in range(1, 101):
            write(os.path.join(d, f"r{i:03}.routine"), f'title "R {i}"\nmove child_pose hold 30s\n')
        rc, out, err, _ = run(["--check", d], tmp)
        oks = [l for l in out.decode().splitlines() if ": ok:" in l]
        check(rc == 1 and len(oks) == 100, f"--check on 101 routines: all read, exit 1: {rc}, {len(oks)} ok")
        check(oks == sorted(oks), "--check goes in name order")
        rc, out, err, _ = run(["--list", d], tmp)
        check(rc == 1 and b"37 more routines not listed" in err, f"--list past the limit is an error: {err[-300:]!r}")


# ---- --input files: (name, bytes, what the events must show) ----
GENTLE = os.path.join(ROOT, "levels", "01-gentle-start.routine")


def simulate(tmp, data, routine=GENTLE):
    """--simulate routine with data as its --input: (rc, events as dicts, stderr text)."""
    import json
    path = write(os.path.join(tmp, "x.in"), data)
    rc, out, err, _ = run(["--simulate", routine, "--input", path], tmp)
    events = [json.loads(l) for l in out.decode().splitlines() if l.startswith("{")]
    return rc, events, err.decode(errors="replace")


def types(events):
    return [e["type"] for e in events]


def test_inputs():
    with tempfile.TemporaryDirectory() as tmp:
        # equal times keep their order: the resume is not lost in the pause's tick
        rc, ev, err = simulate(tmp, "10 pause\n10 resume\n")
        pr = [e for e in ev if e["type"] in ("pause", "resume")]
        check(rc == 0 and types(pr) == ["pause", "resume"] and pr[0]["t"] == 10.0 and pr[1]["t"] >= 10.0,
              f"10 pause + 10 resume: both act, in order, exit 0: rc {rc}, {pr}, {err[:200]}")
        rc, ev, err = simulate(tmp, "10 resume\n10 pause\n10 resume\n")
        check(rc == 0 and types([e for e in ev if e["type"] in ("pause", "resume")]) == ["pause", "resume"],
              f"resume, pause, resume at one time: the pause and the last resume act: {rc} {err[:200]}")
        # 1000 skips at one time: each acts, so every step is skipped and the workout ends
        rc, ev, err = simulate(tmp, "22 skip\n" * 1000)
        steps = ev[0]["steps"] if ev else -1
        ends = [e for e in ev if e["type"] == "step_end"]
        check(rc == 0 and ev and ev[-1]["type"] == "session_end" and ev[-1]["steps_skipped"] == steps,
              f"1000 x 22 skip: every step skipped: {ev[-1] if ev else err[:200]}")
        check(all(not e["completed"] for e in ends) and ev[-1]["t"] < 60,
              f"1000 x 22 skip: the skips act at 22 s, not as one: ends at {ev[-1]['t'] if ev else None}")
        # two skips at one time skip one step more than one skip does
        one, two = simulate(tmp, "22 skip\n")[1], simulate(tmp, "22 skip\n22 skip\n")[1]
        check(one and two and two[-1]["steps_skipped"] == one[-1]["steps_skipped"] + 1,
              f"two skips at 22 s skip two steps: {one[-1] if one else None} / {two[-1] if two else None}")
        # nothing after session_end, whatever is pressed on the results screen
        for name, data in (("quit, then pause/resume on the results", "0 quit\n1 pause\n2 resume\n3 pause\n"),
                           ("pause on the results of a whole workout", "".join(f"{t} pause\n{t} resume\n"
                                                                             for t in range(270, 300))),
                           ("skipped to the end while paused", "30 pause\n" + "31 skip\n" * 10 + "40 resume\n")):
            rc, ev, err = simulate(tmp, data)
            check(rc == 0 and ev and ev[-1]["type"] == "session_end" and types(ev).count("session_end") == 1,
                  f"{name}: session_end is the last line: {types(ev)[-4:]}, rc {rc}, {err[:200]}")
        # a BOM, as some editors write it, is accepted as in routines
        rc, ev, err = simulate(tmp, b"\xef\xbb\xbf10 pause\n11 resume\n")
        check(rc == 0 and "pause" in types(ev), f"--input with a BOM: accepted: {rc} {err[:200]}")
        # control characters in an action: refused, and every error is one printable line
        for name, data in (("ESC in an action", b"10 rep\x1b[2J\n"), ("a C1 CSI as the action", b"10 \xc2\x9b2J\n"),
                           ("BEL and a raw CR mid-line", b"10 re\x07p\n11 pause\rX\n"),
                           ("a vertical tab", b"10\x0bpause\n")):
            rc, ev, err = simulate(tmp, data)
            lines = err.splitlines()
            check(rc == 1 and lines and all(l.startswith(os.path.join(tmp, "x.in") + ":") for l in lines),
                  f"{name}: refused, one FILE:LINE:COL line per error: {rc} {err!r}")
            check(all(c >= " " or c == "\n" for c in err), f"{name}: no raw control character echoed: {err!r}")


# ---- the voice cache: the program's own files, mended, never warned about forever ----

def test_voice_cache():
    """A cached clip cut short or spoiled is deleted and rendered again; the temporary files of a
    killed render (NAME.tmpPID whose process is gone) are removed, a live process's are kept."""
    import wave
    with tempfile.TemporaryDirectory() as tmp:
        r = write(os.path.join(tmp, "v.routine"),
                  'title "V"\nmove child_pose hold 30s\n  say start "Hostile corpus: a clip only the cache holds."\n')
        wav = os.path.join(tmp, "o.wav")
        rc, _, err, _ = run(["--simulate", r, "--audio-out", wav], tmp, stdout=subprocess.DEVNULL)
        cache = os.path.join(tmp, "cache", "unknot", "voice")
        clips = sorted(os.listdir(cache)) if os.path.isdir(cache) else []
        check(rc == 0 and clips, f"voice cache: the new cues are rendered into the cache: {rc} {clips} {err[:200]}")
        if not clips:
            return
        paths = [os.path.join(cache, c) for c in clips]
        whole = {p: open(p, "rb").read() for p in paths}
        gone = os.path.join(cache, "other.wav.tmp4194309")  # above any pid_max: no such process
        alive = os.path.join(cache, f"other.wav.tmp{os.getpid()}")
        for name, spoil in (("cut short", lambda b: b[: len(b) // 2]), ("not a WAV", lambda b: b"junk" * 100),
                            ("a header only", lambda b: b[:44] + b"\0\0")):
            for p in paths:
                write(p, spoil(whole[p]))
            write(gone, b"half a clip")
            write(alive, b"being written")
            rc, _, err, _ = run(["--simulate", r, "--audio-out", wav], tmp, stdout=subprocess.DEVNULL)
            err = err.decode(errors="replace")
            check(rc == 0 and "warning" not in err, f"cached clips {name}: rendered again, no warning: {rc} {err[:300]}")
            for p in paths:
                try:
                    with wave.open(p) as w:
                        frames = w.getnframes()
                except (wave.Error, EOFError, OSError):
                    frames = 0
                check(frames > 22050 // 4 and os.path.getsize(p) == 44 + 2 * frames,
                      f"cached clip {os.path.basename(p)} {name}: whole again ({frames} frames)")
            check(sorted(os.listdir(cache)) == sorted(clips + [os.path.basename(alive)]),
                  f"cached clips {name}: the dead render's temporary file removed, a live one's kept: "
                  f"{os.listdir(cache)}")


# ---- pose files (assets/poses): user input once a physiotherapist adds a move ----
SPRITEGEN = os.path.join(os.path.dirname(UNKNOT), "tools", "spritegen")
# (name, what replaces the first key's "x=0 ", or a hostile file). x=999 is no longer refused: the
# figure is fitted to its own box, so a move far from x=0 is drawn like any other.
POSES = [
    ("x=inf", b"x=inf "), ("x=1000000", b"x=1000000 "), ("pelvis=nan", b"pelvis=nan "),
    ("x=1e308", b"x=1e308 "),
    ("a FIFO", "fifo"), ("a link to /dev/zero", "zero"), ("a directory", "dir"),
]


def test_poses():
    """spritegen reads a pose file through files_read and core's pose_parse: refused with a
    FILE:LINE message and exit 1, in seconds, nothing written."""
    if not os.path.exists(SPRITEGEN):
        check(False, f"spritegen not built at {SPRITEGEN}")
        return
    with open(os.path.join(ROOT, "assets/poses/child_pose.pose"), "rb") as f:
        good = f.read()
    for name, how in POSES:
        with tempfile.TemporaryDirectory() as tmp:
            pose = os.path.join(tmp, "poses", "child_pose.pose")
            replace(pose, good.replace(b"key 0.0  x=0 ", b"key 0.0  " + how, 1) if isinstance(how, bytes) else how)
            try:
                p = subprocess.run([SPRITEGEN, "--only", "child_pose", os.path.dirname(pose),
                                    os.path.join(tmp, "m.png")], capture_output=True, timeout=30 * SLOW)
                rc, err = p.returncode, p.stderr.decode(errors="replace")
            except subprocess.TimeoutExpired:
                rc, err = None, "hung"
            check(rc == 1 and err.startswith(pose + ":"), f"pose file {name}: refused with FILE:LINE, exit 1: {rc} {err[:300]}")
            check(not os.path.exists(os.path.join(tmp, "m.png")), f"pose file {name}: nothing written")


# ---- drawing: a long unbreakable title or caption stays on the screen ----

def test_long_words():
    """A title and a cue of one 100+ letter word: broken inside the word, so nothing bright is
    drawn in the screen's outer 30-pixel strips (the margin is 40) at any of these moments."""
    from shot_test import luminance, read_png
    word = "A" + "a" * 110
    cue = "B" + "b" * 150
    with tempfile.TemporaryDirectory() as tmp:
        r = write(os.path.join(tmp, "long.routine"),
                  f'title "{word}"\nintro "{cue}"\nmove child_pose hold 30s\n  say start "{cue}"\n')
        for at in (10, 22):
            out = os.path.join(tmp, f"s{at}.png")
            rc, _, err, _ = run(["--shot", out, "--at", str(at), "--size", "1920x1080", r], tmp)
            check(rc == 0, f"long words at {at} s: --shot exits 0: {err[:200]}")
            if rc != 0:
                continue
            width, height, bpp, rows = read_png(out)
            edge = [luminance(rows[y][0:3]) for y in range(height)]
            background = max(set(edge), key=edge.count)
            off = [(x, y) for y in range(0, height, 2) for x in list(range(0, 30)) + list(range(width - 30, width))
                   if luminance(rows[y][x * bpp:x * bpp + 3]) > background + 120]
            check(not off, f"long words at {at} s: nothing bright in the outer strips, found {len(off)} px, "
                  f"first at {off[:3]}")


def main():
    test_long_words()
    test_poses()
    test_voice_cache()
    test_inputs()
    test_routines()
    test_folders()
    test_reads()
    test_sounds()
    test_configs()
    test_quiet_configs()
    test_font()
    test_kiosk_conf()
    test_writes()
    if SIGTERM_SECONDS:
        print(f"SIGTERM to exit of the window: slowest {max(SIGTERM_SECONDS):.2f} s of {len(SIGTERM_SECONDS)} "
              "(aim: under 1 s)")
    return finish("hostile_test")


if __name__ == "__main__":
    sys.exit(main())
