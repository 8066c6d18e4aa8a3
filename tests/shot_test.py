#!/usr/bin/env python3
"""shot_test.py: `unknot --shot` renders real frames headless: the PNG exists, has the size asked
for, has text drawn in the right-hand panel, and changes with the time. The PNG is decoded here
with zlib alone (no PIL). Usage: shot_test.py PATH/TO/unknot (run from the repository root)."""
import os
import struct
import subprocess
import sys
import tempfile
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checks import check, finish  # noqa: E402

UNKNOT = sys.argv[1] if len(sys.argv) > 1 else "build/unknot"
ROUTINE = "levels/01-gentle-start.routine"


def run(*args):
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    p = subprocess.run([UNKNOT, *args], capture_output=True, text=True, timeout=60, env=env)
    return p.returncode, p.stdout, p.stderr


def read_png(path):
    """Return (width, height, rows) with rows a list of bytes objects of RGB(A) pixels."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG signature")
    pos, idat, ihdr = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        crc = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])[0]
        if zlib.crc32(kind + body) & 0xFFFFFFFF != crc:
            raise ValueError(f"bad CRC in {kind!r}")
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        pos += 12 + length
    width, height, depth, color, _, _, interlace = ihdr
    if depth != 8 or color not in (2, 6) or interlace != 0:
        raise ValueError(f"unsupported PNG: depth {depth}, color type {color}, interlace {interlace}")
    bpp = 4 if color == 6 else 3
    raw = zlib.decompress(b"".join(idat))
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + b) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[i] = (line[i] + pred) & 0xFF
            elif kind != 0:
                raise ValueError(f"bad filter {kind}")
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


def luminance(px):
    return (299 * px[0] + 587 * px[1] + 114 * px[2]) // 1000


def bright_fraction(img, x0, y0, x1, y1):
    """Fraction of pixels in the box (fractions of the size) much brighter than the background,
    taken as the most common pixel along the frame's left edge."""
    width, height, bpp, rows = img
    edge = [luminance(rows[y][0:3]) for y in range(height)]
    background = max(set(edge), key=edge.count)
    bright = total = 0
    for y in range(int(y0 * height), int(y1 * height), 2):
        row = rows[y]
        for x in range(int(x0 * width), int(x1 * width), 2):
            total += 1
            if luminance(row[x * bpp:x * bpp + 3]) > background + 120:
                bright += 1
    return bright / max(total, 1), background


def shot(tmp, name, at, *extra):
    out = os.path.join(tmp, name)
    rc, _, err = run("--shot", out, "--at", str(at), *extra, ROUTINE)
    check(rc == 0, f"--shot --at {at} exits 0 ({err.strip()})")
    check(os.path.exists(out) and os.path.getsize(out) > 1000, f"--shot --at {at} writes {out}")
    return out


def main():
    if not os.path.exists(UNKNOT):
        print(f"shot_test: no program at {UNKNOT}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        images = {}
        # 3 s: safety notice; 16 s: get ready; 30 s and 31 s: the first hold counting down
        for at in (3, 16, 30, 31):
            path = shot(tmp, f"at{at}.png", at, "--size", "1280x720")
            try:
                img = read_png(path)
            except (OSError, ValueError, zlib.error, TypeError) as e:
                check(False, f"--at {at}: PNG decodes ({e})")
                continue
            images[at] = img
            check(img[0] == 1280 and img[1] == 720, f"--at {at}: size 1280x720, got {img[0]}x{img[1]}")
            if at >= 30:
                # the hold screen: move name and countdown in the right-hand panel
                frac, bg = bright_fraction(img, 0.58, 0.13, 0.98, 0.65)
                check(frac > 0.03, f"--at {at}: text drawn in the right-hand panel ({frac:.4f} bright, background {bg})")
                frac, _ = bright_fraction(img, 0.05, 0.82, 0.95, 0.96)
                check(frac > 0.01, f"--at {at}: the caption is drawn ({frac:.4f})")
            # something beyond a blank frame anywhere
            frac, _ = bright_fraction(img, 0.0, 0.0, 1.0, 1.0)
            check(frac > 0.01, f"--at {at}: the frame is not blank ({frac:.4f})")
        if 30 in images and 31 in images:
            check(images[30][3] != images[31][3], "one second later the countdown differs")
        if 3 in images and 30 in images:
            check(images[3][3] != images[30][3], "the safety notice and the hold differ")
        if 16 in images and 30 in images:
            check(images[16][3] != images[30][3], "get ready and the hold differ")
        # the same time twice: the same picture
        again = shot(tmp, "again30.png", 30, "--size", "1280x720")
        try:
            check(read_png(again)[3] == images.get(30, (0, 0, 0, None))[3], "the same time renders the same frame")
        except (OSError, ValueError, zlib.error) as e:
            check(False, f"repeat PNG decodes ({e})")

        # nothing is drawn outside the stage card: the margin left of it stays the background
        # through Gentle start's way down to sitting (the mat, moved with the figure by the
        # camera, reached 20 px past the stage's left edge at 216 s)
        for at in range(204, 232, 3):
            path = shot(tmp, f"margin{at}.png", at, "--size", "1920x1080")
            try:
                width, height, bpp, rows = read_png(path)
            except (OSError, ValueError, zlib.error, TypeError) as e:
                check(False, f"--at {at}: PNG decodes ({e})")
                continue
            back = luminance(rows[2][0:3])
            mid = rows[int(0.3 * height)]  # the stage card's left edge: the first pixel off the background
            left = next((x for x in range(width // 4) if abs(luminance(mid[x * bpp:x * bpp + 3]) - back) > 30), 0)
            lit = [y for y in range(int(0.1 * height), int(0.8 * height))
                   if any(abs(luminance(rows[y][x * bpp:x * bpp + 3]) - back) > 30 for x in range(2, left - 2, 2))]
            check(left > 8, f"--at {at}: the stage card found ({left} px in)")
            check(not lit, f"--at {at}: the margin left of the stage is empty (drawn at y {lit[:3]})")

        # other sizes, and the default
        path = shot(tmp, "small.png", 30, "--size", "640x480")
        with open(path, "rb") as f:
            head = f.read(24)
        check(head[12:16] == b"IHDR" and struct.unpack(">II", head[16:24]) == (640, 480), "--size 640x480 is honoured")
        out = os.path.join(tmp, "default.png")
        rc, _, _ = run("--shot", out, "--at", "30", ROUTINE)
        if rc == 0 and os.path.exists(out):
            with open(out, "rb") as f:
                head = f.read(24)
            w, h = struct.unpack(">II", head[16:24])
            check(w >= 1280 and h >= 720 and w * 9 == h * 16, f"the default size is a 16:9 frame, got {w}x{h}")
        else:
            check(False, f"--shot without --size exits 0 ({rc})")

        # usage errors and bad input
        rc, _, err = run("--shot", os.path.join(tmp, "x.png"), ROUTINE)
        check(rc == 2 and "--at" in err, f"--shot without --at exits 2 ({rc})")
        check(not os.path.exists(os.path.join(tmp, "x.png")), "--shot without --at writes nothing")
        rc, _, _ = run("--shot", os.path.join(tmp, "x.png"), "--at", "3", "--size", "12x12", ROUTINE)
        check(rc == 2, f"--shot with a bad --size exits 2 ({rc})")
        bad = os.path.join(tmp, "bad.routine")
        with open(bad, "w") as f:
            f.write('title "x"\nmove nope hold 3s\n')
        rc, _, err = run("--shot", os.path.join(tmp, "y.png"), "--at", "3", bad)
        check(rc == 1 and ":2:6: " in err, f"--shot of an invalid routine exits 1 with FILE:LINE:COL ({rc}: {err.strip()})")
        check(not os.path.exists(os.path.join(tmp, "y.png")), "--shot of an invalid routine writes nothing")

        # --screen progress and menu: a missing history is the empty state and is not created
        hist = os.path.join(tmp, "none.db")
        for screen in ("progress", "menu"):
            out = os.path.join(tmp, f"{screen}.png")
            rc, _, err = run("--shot", out, "--screen", screen, "--history", hist, "--now", "2026-03-02T07:30:00+01:00",
                             "--size", "1280x720")
            check(rc == 0 and os.path.exists(out), f"--screen {screen} renders ({rc}: {err.strip()})")
            try:
                frac, _ = bright_fraction(read_png(out), 0.0, 0.0, 1.0, 1.0)
                check(frac > 0.01, f"--screen {screen}: the frame is not blank ({frac:.4f})")
            except (OSError, ValueError, zlib.error) as e:
                check(False, f"--screen {screen}: PNG decodes ({e})")
        check(not os.path.exists(hist), "a shot never creates the history")
        rc, _, err = run("--shot", os.path.join(tmp, "z.png"), "--screen", "nope")
        check(rc == 2 and "--screen" in err, f"--screen with an unknown name exits 2 ({rc})")
        rc, _, err = run("--shot", os.path.join(tmp, "z.png"), "--screen", "progress", "--at", "3")
        check(rc == 2, f"--screen progress with --at exits 2 ({rc})")
        rc, _, err = run("--screen", "progress")
        check(rc == 2, f"--screen without --shot exits 2 ({rc})")
    return finish("shot_test")


if __name__ == "__main__":
    sys.exit(main())
