#!/usr/bin/env python3
"""audio_out_test.py UNKNOT: `--simulate ROUTINE --audio-out FILE.wav` writes the session's
soundtrack: loud at every cue and effect time, quiet in the long gaps between them. Also a
routine with a cue text no clip exists for gets one synthesised (the cache is a temp dir).
And --simulate agrees with it: for every routine in levels/, each cue line's "spoken" time has
voice in the soundtrack, no routine cue is dropped (the cold pack's "Rest." and "Let your skin
warm up." after a long clip included), and after a long intro the first instruction is said.
A check-in answered at once cuts the question: the intro and the first 3-2-1 are said on time."""
import json
import math
import os
import struct
import subprocess
import sys
import tempfile
import wave

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checks import check, finish  # noqa: E402

unknot = sys.argv[1]


def soundtrack(routine, wav, env):
    out = subprocess.run([unknot, "--simulate", routine, "--audio-out", wav], capture_output=True, text=True,
                         timeout=120, env=env)
    check(out.returncode == 0, f"{routine}: exit {out.returncode}: {out.stderr.strip()}")
    events = [json.loads(line) for line in out.stdout.splitlines()]
    with wave.open(wav) as w:
        rate, n = w.getframerate(), w.getnframes()
        check(w.getnchannels() == 1 and w.getsampwidth() == 2, "16-bit mono WAV")
        samples = struct.unpack("<%dh" % n, w.readframes(n))
    return events, rate, samples


def rms(samples, rate, t0, t1):
    a, b = max(0, int(t0 * rate)), min(len(samples), int(t1 * rate))
    if b <= a:
        return 0.0
    return math.sqrt(sum(x * x for x in samples[a:b]) / (b - a)) / 32768.0


def window_rms(wav, t0, t1):
    """RMS of the WAV between t0 and t1 seconds, reading only that window."""
    with wave.open(wav) as w:
        rate = w.getframerate()
        a = max(0, int(t0 * rate))
        w.setpos(min(a, w.getnframes()))
        n = max(0, int((t1 - t0) * rate))
        data = w.readframes(n)
    k = len(data) // 2
    if k == 0:
        return 0.0
    x = struct.unpack("<%dh" % k, data[:2 * k])
    return math.sqrt(sum(v * v for v in x) / k) / 32768.0


def spoken_matches(routine, wav, env, extra=()):
    """Run routine with --audio-out; check each cue's "spoken"/"dropped" against the WAV."""
    out = subprocess.run([unknot, "--simulate", routine, "--audio-out", wav, *extra], capture_output=True,
                         text=True, timeout=300, env=env)
    check(out.returncode == 0, f"{routine}: exit {out.returncode}: {out.stderr.strip()}")
    cues = [json.loads(line) for line in out.stdout.splitlines()]
    cues = [e for e in cues if e["type"] == "cue"]
    check(len(cues) > 0, f"{routine}: has cues")
    for e in cues:
        check(("spoken" in e) != bool(e.get("dropped")), f"{routine}: {e['text']!r} is spoken or dropped: {e}")
        if e.get("dropped"):
            # only unknot's own counts and stale reminders may be dropped by design
            # (with answers: a question answered before its turn is not asked: "stopped")
            check(e["cue"] != "routine" and e["reason"] in ("stale", "superseded") + (("stopped",) if extra else ()),
                  f"{routine}: {e['text']!r} at {e['t']} dropped ({e.get('reason')})")
            continue
        check(e["spoken"] >= e["t"], f"{routine}: {e['text']!r} spoken before it was asked")
        level = window_rms(wav, e["spoken"], e["spoken"] + 0.3)
        check(level > 0.02, f"{routine}: voice at {e['spoken']} s ({e['text']!r}): RMS {level:.4f}")
    return cues


with tempfile.TemporaryDirectory() as tmp:
    env = dict(os.environ, XDG_CACHE_HOME=tmp)
    for name in ("01-gentle-start", "02-core-strength"):
        events, rate, samples = soundtrack(f"levels/{name}.routine", f"{tmp}/{name}.wav", env)
        timed = [e for e in events if e["type"] in ("cue", "sound")]
        for e in timed:  # a cue is heard when its clip starts, which may be after it was asked for
            e["t"] = e.get("spoken", e["t"])
        check(len(timed) > 20, f"{name}: cues and sounds were planned")
        lengths = {"tick": 0.06, "beat": 0.15, "chime": 1.0, "fanfare": 1.2}
        for e in timed:
            level = rms(samples, rate, e["t"], e["t"] + lengths.get(e.get("sound"), 1.2))
            check(level > 0.02, f"{name}: loud at {e['t']} s ({e.get('text', e.get('sound'))}): RMS {level:.4f}")
        # long gaps (holds, rests): silent once the last clip has ended (longest clip ~9.5 s, the
        # safety notice's doctor line)
        times = sorted(e["t"] for e in timed)
        gaps = 0
        for a, b in zip(times, times[1:]):
            if b - a >= 12:
                gaps += 1
                level = rms(samples, rate, a + 11, b - 0.5)
                check(level < 0.003, f"{name}: quiet between {a} s and {b} s: RMS {level:.4f}")
        check(gaps >= 1, f"{name}: has a long quiet stretch to test")

    # a new cue text: no clip is committed, so one is synthesised and the cue is heard
    routine = os.path.join(tmp, "new.routine")
    with open(routine, "w") as f:
        f.write('title "Brand new words"\nmove bridge\n  hold 20s\n  say start+4s "Press your heels into the floor, gently."\n')
    events, rate, samples = soundtrack(routine, f"{tmp}/new.wav", env)
    cue = [e for e in events if e["type"] == "cue" and e["text"].startswith("Press your heels")]
    check(len(cue) == 1, "the new cue is said")
    if cue:
        check(rms(samples, rate, cue[0]["t"], cue[0]["t"] + 1.5) > 0.02, "the new cue is voiced by synthesis")
    check(any(n.endswith(".wav") for _, _, files in os.walk(tmp) for n in files if n.startswith("v_")),
          "the synthesised clip is cached")

    # --simulate's "spoken" agrees with the soundtrack, for every routine in levels/
    for name in sorted(os.listdir("levels")):
        if name.endswith(".routine"):
            cues = spoken_matches(f"levels/{name}", f"{tmp}/{name}.wav", env)
            if name.startswith("04-cold-pack"):
                for text in ("Rest.", "Let your skin warm up."):
                    said = [e for e in cues if e["text"] == text and "spoken" in e]
                    check(len(said) == 1, f"cold pack: {text!r} is spoken")

    # the check-in (and "Which side hurts?") answered as it is asked: the answer cuts the question's
    # clip, so the intro starts on the answer and the first 3-2-1 is said in full
    answers = os.path.join(tmp, "answers.in")
    with open(answers, "w") as f:
        f.write("0 pain 2\n0 side left\n")
    for name in ("01-gentle-start", "08-camden-acute-back"):
        out = subprocess.run([unknot, "--simulate", f"levels/{name}.routine", "--input", answers],
                             capture_output=True, text=True, timeout=120, env=env)
        lines = [json.loads(line) for line in out.stdout.splitlines()]
        answered = [e["t"] for e in lines if (e["type"] == "pain" and e["when"] == "before") or
                    e["type"] == "side_chosen"]
        cues = spoken_matches(f"levels/{name}.routine", f"{tmp}/{name}-answered.wav", env, ("--input", answers))
        check(len(answered) >= 1, f"{name}: the check-in is answered")
        if not answered:
            continue
        after = [e for e in cues if e["t"] >= answered[-1] and "Choose" not in e["text"]]
        check(len(after) > 0 and "spoken" in after[0] and after[0]["spoken"] <= answered[-1] + 0.3,
              f"{name}: the intro starts as the question is answered at {answered[-1]}: {after[:1]}")
        first_count = [e for e in after if e["cue"] == "count"][:3]
        check([e["text"] for e in first_count] == ["3", "2", "1"] and all("spoken" in e for e in first_count),
              f"{name}: the first 3-2-1 is said in full: {first_count}")

    # a long intro (well past the 6 s intro screen): the first step's instruction is still said
    routine = os.path.join(tmp, "long-intro.routine")
    with open(routine, "w") as f:
        f.write('title "Long intro"\n'
                'intro "Welcome. This routine is slow and gentle. Move only as far as is comfortable, breathe '
                'steadily all the way through, and stop at once if the pain spreads or gets worse."\n'
                'move bridge\n  hold 20s\n  say start "Lie on your back with your knees bent."\n')
    cues = spoken_matches(routine, f"{tmp}/long-intro.wav", env)
    first = [e for e in cues if e["text"].startswith("Lie on your back")]
    check(len(first) == 1 and "spoken" in first[0], "after a long intro the first instruction is spoken")

sys.exit(finish("audio_out_test"))
