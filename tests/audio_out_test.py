#!/usr/bin/env python3
"""audio_out_test.py UNKNOT: `--simulate ROUTINE --audio-out FILE.wav` writes the session's
soundtrack: loud at every cue and effect time, quiet in the long gaps between them. Also a
routine with a cue text no clip exists for gets one synthesised (the cache is a temp dir)."""
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


with tempfile.TemporaryDirectory() as tmp:
    env = dict(os.environ, XDG_CACHE_HOME=tmp)
    for name in ("01-gentle-start", "02-core-strength"):
        events, rate, samples = soundtrack(f"levels/{name}.routine", f"{tmp}/{name}.wav", env)
        timed = [e for e in events if e["type"] in ("cue", "sound")]
        check(len(timed) > 20, f"{name}: cues and sounds were planned")
        lengths = {"tick": 0.06, "beat": 0.15, "chime": 1.0, "fanfare": 1.2}
        for e in timed:
            level = rms(samples, rate, e["t"], e["t"] + lengths.get(e.get("sound"), 1.2))
            check(level > 0.02, f"{name}: loud at {e['t']} s ({e.get('text', e.get('sound'))}): RMS {level:.4f}")
        # long gaps (holds, rests): silent once the last clip has ended (longest clip ~6 s)
        times = sorted(e["t"] for e in timed)
        gaps = 0
        for a, b in zip(times, times[1:]):
            if b - a >= 12:
                gaps += 1
                level = rms(samples, rate, a + 7.5, b - 0.5)
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

sys.exit(finish("audio_out_test"))
