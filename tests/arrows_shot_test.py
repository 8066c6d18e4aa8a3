#!/usr/bin/env python3
"""arrows_shot_test.py: the motion arrows (docs/sprites.md) on real 1920x1080 frames of
`unknot --shot`: bird dog's get-ready shows arrow-yellow pixels on the stage, one arrow at the
reaching hand's end (front) and one at the foot's (back); none a few reps later; none with
`arrows = 0` in view.conf. The standing back bend's ("lean back") stands behind the shirt, beside
the upper back, where it stood down in front of the belly (physio review, session 29). The
forward fold's stands in front of the standing figure and goes down; the press-up's shows as
the first rep starts and is gone when the chest is up. The side bend's is an arc above and beside
the shirt on the side it bends to, the seated twist's a curl in front of the chest (physio review,
session 31). Usage: arrows_shot_test.py PATH/TO/unknot (from the repository root)."""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checks import check, finish  # noqa: E402
from shot_test import read_png  # noqa: E402

UNKNOT = sys.argv[1] if len(sys.argv) > 1 else "build/unknot"
ROUTINE = 'title "Arrows"\nlevel 1\ndescription "Bird dog."\nmove bird_dog\n  reps 6 tempo 4s\n'
LEAN = 'title "Lean"\nlevel 1\ndescription "Back bend."\nmove standing_extension\n  reps 6 tempo 4s\n'
FOLD = 'title "Fold"\nlevel 1\ndescription "Fold."\nmove forward_fold\n  hold 30s\n'
PRESS = 'title "Press"\nlevel 1\ndescription "Press-up."\nmove press_up\n  reps 6 tempo 4s\n'
SIDE = 'title "Side"\nlevel 1\ndescription "Side bend."\nmove side_bend\n  reps 5 tempo 4s\n  sides both\n'
TWIST = 'title "Twist"\nlevel 1\ndescription "Twist."\nmove seated_twist\n  hold 30s\n  sides both\n'
# the forward fold's get-ready, standing (its 3 at 37 s); the press-up's first rep starts at 46 s
# (its arrow whole for a tenth of the way up, 0.2 s), its beat (the chest up) at 48 s (42 and 44
# before the intro's way down onto the front went through all fours: 10.4 s, was 7 s)
FOLD_READY, PRESS_START, PRESS_BEAT = "36", "46.1", "48"
# the 3-2-1 before the first side (after "Get ready. Next: Bird dog." and its how-to, as the routine
# gives no start words: the 3 at 37 s); its third rep
GET_READY, LATER = "38.5", "52"


def stage_pixels(path):
    """The arrow fill's pixels (255, 214, 0 and its near neighbours) and the shirt's (teal: green
    and blue well over red) on the stage (the left 56% of the screen, below the header and above
    the caption), every 2nd: two lists of (x, y) in pixels, and the stage's width."""
    width, height, bpp, rows = read_png(path)
    arrow, shirt = [], []
    x_end = int(width * 0.56)
    for y in range(int(height * 0.14), int(height * 0.78), 2):
        row = rows[y]
        for x in range(0, x_end, 2):
            r, g, b = row[x * bpp], row[x * bpp + 1], row[x * bpp + 2]
            if r >= 248 and 200 <= g <= 225 and b <= 25:
                arrow.append((x, y))
            elif g > r + 60 and b > r + 60 and g > 100:
                shirt.append((x, y))
    return arrow, shirt, x_end


def arrow_pixels(path):
    """The arrow's pixels (stage_pixels): their x positions as stage fractions."""
    arrow, _, x_end = stage_pixels(path)
    return [x / x_end for x, _ in arrow]


def shot(tmp, name, at, cfg, routine="a.routine"):
    out = os.path.join(tmp, name)
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", XDG_CONFIG_HOME=cfg,
               XDG_DATA_HOME=os.path.join(tmp, "data"))
    p = subprocess.run([UNKNOT, "--shot", out, "--at", at, "--size", "1920x1080", os.path.join(tmp, routine)],
                       capture_output=True, text=True, timeout=90, env=env)
    check(p.returncode == 0, f"--shot {name}: exit {p.returncode}: {p.stderr.strip()}")
    return out


def counts_in(tmp, routine):
    """The times (s) of the simulated workout of routine's "3" before each step's side."""
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    p = subprocess.run([UNKNOT, "--simulate", os.path.join(tmp, routine)], capture_output=True, text=True,
                       timeout=90, env=env)
    check(p.returncode == 0, f"--simulate {routine}: exit {p.returncode}")
    events = [json.loads(line) for line in p.stdout.splitlines()]
    return [e["t"] for e in events if e.get("type") == "cue" and e.get("cue") == "count" and e.get("text") == "3"]


def box(pixels):
    xs, ys = [x for x, _ in pixels], [y for _, y in pixels]
    return min(xs), min(ys), max(xs), max(ys)


def turns_and_bends(tmp, cfg):
    """Physio review 31: the side bend's arrow lay straight across the chest ("shift sideways"),
    the seated twist's straight back at the shoulder ("lean back against the chair"). On both
    sides' get-ready: the side bend's is an arc clear of the shirt, starting above it (above the
    shoulders) and going down more than a third as far as across, on the side it bends to (the two
    sides' on either side of the shirt); the twist's is a curl in front of the chest, clear of the
    shirt, at least as tall as it is wide (the straight arrow back was half as tall)."""
    for name, text in (("side", SIDE), ("twist", TWIST)):
        with open(os.path.join(tmp, name + ".routine"), "w") as f:
            f.write(text)
        starts = counts_in(tmp, name + ".routine")
        check(len(starts) == 2, f"{name}: {len(starts)} counts in, want the two sides'")
        centres = []
        for k, t in enumerate(starts[:2]):
            arrow, shirt, _ = stage_pixels(shot(tmp, f"{name}{k}.png", f"{t - 0.2:.1f}", cfg, name + ".routine"))
            check(len(arrow) > 200 and len(shirt) > 300,
                  f"{name} side {k + 1}: {len(arrow)} arrow, {len(shirt)} shirt pixels")
            if len(arrow) <= 200 or len(shirt) <= 300:
                continue
            sx0, sy0, sx1, sy1 = box(shirt)
            ax0, ay0, ax1, ay1 = box(arrow)
            over = [p for p in arrow if sx0 <= p[0] <= sx1 and sy0 <= p[1] <= sy1]
            check(not over, f"{name} side {k + 1}: {len(over)} arrow pixels over the shirt's box")
            if name == "side":
                check(ay0 < sy0, f"side bend {k + 1}: the arrow's top at y {ay0}, want above the shirt's {sy0}")
                check(ay1 - ay0 > (ax1 - ax0) / 3, f"side bend {k + 1}: {ax1 - ax0} px across, {ay1 - ay0} down")
                centres.append((sum(x for x, _ in arrow) / len(arrow), (sx0 + sx1) / 2))
            else:
                check(ax0 > sx1, f"twist {k + 1}: the arrow from x {ax0}, want in front of the shirt (to x {sx1})")
                check(ay1 - ay0 >= ax1 - ax0, f"twist {k + 1}: {ax1 - ax0} px across, {ay1 - ay0} tall")
        if name == "side" and len(centres) == 2:
            check((centres[0][0] - centres[0][1]) * (centres[1][0] - centres[1][1]) < 0,
                  f"side bend: the two sides' arrows at x {centres[0][0]:.0f} and {centres[1][0]:.0f}, "
                  "want on either side of the shirt")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, "a.routine"), "w") as f:
            f.write(ROUTINE)
        on_cfg, off_cfg = os.path.join(tmp, "on"), os.path.join(tmp, "off")
        os.makedirs(on_cfg)  # no view.conf: arrows on by default
        os.makedirs(os.path.join(off_cfg, "unknot"))
        with open(os.path.join(off_cfg, "unknot", "view.conf"), "w") as f:
            f.write("arrows = 0\n")

        ready = arrow_pixels(shot(tmp, "ready.png", GET_READY, on_cfg))
        check(len(ready) > 1500, f"get-ready: {len(ready)} arrow pixels (sampled every 2nd), want > 1500")
        front = [x for x in ready if x > 0.6]
        back = [x for x in ready if x < 0.4]
        check(len(front) > 500, f"get-ready: {len(front)} arrow pixels at the hand's end (front), want > 500")
        check(len(back) > 300, f"get-ready: {len(back)} arrow pixels at the foot's end (back), want > 300")

        later = arrow_pixels(shot(tmp, "later.png", LATER, on_cfg))
        check(len(later) == 0, f"third rep: {len(later)} arrow pixels, want none (faded after the first rep)")

        off = arrow_pixels(shot(tmp, "off.png", GET_READY, off_cfg))
        check(len(off) == 0, f"arrows = 0: {len(off)} arrow pixels in the get-ready, want none")

        # the back bend's get-ready (its 3 at 37 s too): the figure faces right, its back is left
        with open(os.path.join(tmp, "lean.routine"), "w") as f:
            f.write(LEAN)
        arrow, shirt, _ = stage_pixels(shot(tmp, "lean.png", GET_READY, on_cfg, "lean.routine"))
        check(len(arrow) > 300 and len(shirt) > 300, f"back bend: {len(arrow)} arrow, {len(shirt)} shirt pixels")
        if arrow and shirt:
            back = min(x for x, _ in shirt)
            ahead = [p for p in arrow if p[0] >= back]
            check(not ahead, f"back bend: {len(ahead)} arrow pixels level with or in front of the back (x {back})")
            mid = sum(y for _, y in shirt) / len(shirt)
            high = sum(y for _, y in arrow) / len(arrow)
            check(high < mid, f"back bend: the arrow's pixels at y {high:.0f} on average, want above the shirt's {mid:.0f}")

        # the forward fold's get-ready: the arc stands in front of the standing figure (facing
        # right), going down more than across
        with open(os.path.join(tmp, "fold.routine"), "w") as f:
            f.write(FOLD)
        arrow, shirt, _ = stage_pixels(shot(tmp, "fold.png", FOLD_READY, on_cfg, "fold.routine"))
        check(len(arrow) > 300 and len(shirt) > 300, f"forward fold: {len(arrow)} arrow, {len(shirt)} shirt pixels")
        if arrow and shirt:
            front = max(x for x, _ in shirt)
            behind = [p for p in arrow if p[0] <= front]
            check(not behind, f"forward fold: {len(behind)} arrow pixels level with or behind the chest (x {front})")
            xs, ys = [x for x, _ in arrow], [y for _, y in arrow]
            check(max(ys) - min(ys) > max(xs) - min(xs),
                  f"forward fold: the arrow spans {max(xs) - min(xs)} px across, {max(ys) - min(ys)} down; want down")

        # the press-up: shown as the first rep starts, gone when the chest is up (it rose into it)
        with open(os.path.join(tmp, "press.routine"), "w") as f:
            f.write(PRESS)
        start = stage_pixels(shot(tmp, "press0.png", PRESS_START, on_cfg, "press.routine"))[0]
        check(len(start) > 300, f"press-up, the first rep's start: {len(start)} arrow pixels, want > 300")
        top = stage_pixels(shot(tmp, "press1.png", PRESS_BEAT, on_cfg, "press.routine"))[0]
        check(not top, f"press-up, the chest up: {len(top)} arrow pixels, want none")
        turns_and_bends(tmp, on_cfg)
    return finish("arrows_shot_test")


if __name__ == "__main__":
    sys.exit(main())
