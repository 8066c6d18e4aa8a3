#!/usr/bin/env python3
"""kiosk_cage_test.py UNKNOT: the real kiosk under headless cage (the compositor of docs/kiosk.md)
as an unprivileged user, seen with grim and driven with xdotool through Xwayland: the attract
screen shows, a key opens the tiles and another starts a routine, and Escape, Alt+F4, Ctrl+Q and
Q do not quit; tools/kiosk/unknot-kiosk-session (what the service runs) hands a program's own
exit status out of cage, whose own is always 0; started with WAYLAND_DISPLAY cleared, the kiosk
still knows it is on Xwayland (xwin.h) and sends every frame whole. Prints the kiosk's memory (VmRSS) on the x11-through-Xwayland path docs/kiosk.md
chooses. Skipped (exit 77) where cage, grim, Xwayland or xdotool is not installed.

cage refuses root, so as root the test makes a system user (unknot-kiosk-test) and runs cage as
that user with its own XDG_RUNTIME_DIR; as any other user it runs as that user."""
import os
import pwd
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

from checks import check, finish

USER = "unknot-kiosk-test"
MINT = (96, 228, 192)  # the render style's selected / call-to-action colour
STAGE = (236, 232, 224)  # the light card the figure stands on


def skip(why):
    print(f"SKIP: {why}")
    sys.exit(77)


def read_png(path):
    """Decode an 8-bit RGB or RGBA PNG (what grim writes) to (width, height, rows of bytes, bpp)."""
    with open(path, "rb") as f:
        data = f.read()
    pos, idat, w, h, bpp = 8, b"", 0, 0, 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
            if depth != 8 or ctype not in (2, 6):
                raise ValueError(f"{path}: PNG colour type {ctype} depth {depth}")
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw, stride, rows, prev = zlib.decompress(idat), w * bpp, [], bytearray(w * bpp)
    for y in range(h):
        ftype, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b, c = prev[x], prev[x - bpp] if x >= bpp else 0
            if ftype == 1:
                line[x] = (line[x] + a) & 255
            elif ftype == 2:
                line[x] = (line[x] + b) & 255
            elif ftype == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return w, h, rows, bpp


def pixel(img, fx, fy):
    """The colour at a fraction of the width and height."""
    w, h, rows, bpp = img
    x, y = int(w * fx), int(h * fy)
    return tuple(rows[y][x * bpp:x * bpp + 3])


def near(c, want, tol=12):
    return all(abs(a - b) <= tol for a, b in zip(c, want))


INNER = r"""
T="$1"; U="$2"; D="$3"
# the colour of one pixel, " R G B" (one grim takes about 0.3 s)
px() { grim -g "$1,$2 1x1" -t ppm - 2>/dev/null | tail -c 3 | od -An -tu1 | tr -s ' '; }
# wait (at most $5 looks) until pixel $1,$2 is ($4 = 1) or is not ($4 = 0) the colour "$3"
wait_px() {
    i=0
    while [ $i -lt "$5" ]; do
        p=$(px "$1" "$2")
        if [ "$4" = 1 ] && [ "$p" = " $3" ]; then return 0; fi
        if [ "$4" = 0 ] && [ -n "$p" ] && [ "$p" != " $3" ] && [ "$p" != " 0 0 0" ]; then return 0; fi
        i=$((i+1))
    done
    return 1
}
SDL_AUDIODRIVER=dummy "$U" --kiosk --kiosk-config "$T/kiosk.conf" --data "$D" --history "$T/history.db" \
    2>"$T/unknot.log" &
pid=$!
i=0
while [ $i -lt 100 ] && ! xdotool search --name unknot >/dev/null 2>&1; do sleep 0.1; i=$((i+1)); done
# the first frame: the call to start drawn (a busy machine may take seconds)
t0=$(date +%s%N)
wait_px 40 600 "96 228 192" 1 60
echo $(( ($(date +%s%N) - t0) / 100000000 )) > "$T/first-frame-tenths"
sleep 0.5
grim "$T/attract.png"
grep VmRSS "/proc/$pid/status" > "$T/rss-attract.txt"
xdotool key space
wait_px 128 288 "96 228 192" 1 40
grim "$T/tiles.png"
xdotool key Return
wait_px 128 288 "96 228 192" 0 40
sleep 0.5
grim "$T/workout.png"
for k in Escape alt+F4 ctrl+q q Escape; do xdotool key "$k"; sleep 0.4; done
sleep 1
grim "$T/after.png"
if kill -0 $pid 2>/dev/null; then echo alive > "$T/alive"; fi
grep VmRSS "/proc/$pid/status" > "$T/rss.txt"
kill -TERM $pid
wait $pid
echo $? > "$T/rc"
# a launcher that clears the environment (sudo, a service unit): no WAYLAND_DISPLAY, still Xwayland
env -u WAYLAND_DISPLAY UNKNOT_STATS=1 SDL_AUDIODRIVER=dummy "$U" --kiosk --kiosk-config "$T/kiosk.conf" --data "$D" \
    --history "$T/history-xw.db" 2>"$T/xwayland.log" &
pid=$!
i=0
while [ $i -lt 200 ] && ! grep -q "frames:" "$T/xwayland.log"; do sleep 0.1; i=$((i+1)); done
kill -TERM $pid
wait $pid
"""


def main():
    unknot = os.path.abspath(sys.argv[1])
    data = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
    for tool in ("cage", "grim", "Xwayland", "xdotool"):
        if not shutil.which(tool):
            skip(f"{tool} is not installed (sh .ci/deps installs cage, grim, xwayland and xdotool)")
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(USER)
        except KeyError:
            if not shutil.which("useradd"):
                skip("running as root and cannot make an unprivileged user for cage (no useradd)")
            subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", USER],
                           check=True)
        pw = pwd.getpwnam(USER)
        as_user = ["setpriv", f"--reuid={pw.pw_uid}", f"--regid={pw.pw_gid}", "--clear-groups"]
        uid, gid = pw.pw_uid, pw.pw_gid
    else:
        as_user, uid, gid = [], os.getuid(), os.getgid()
    # the binary, the service's wrapper and the data must be reachable by that user: a clone under a
    # private folder (/root, or `mktemp -d`, both mode 0700) is not, and cage could start nothing
    wrapper = os.path.join(data, "tools", "kiosk", "unknot-kiosk-session")
    probe = subprocess.run(as_user + ["sh", "-c", 'test -x "$1" && test -r "$2" && test -r "$3/levels"', "sh",
                                      unknot, wrapper, data], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if probe.returncode != 0:
        skip(f"the unprivileged user {USER} cannot reach {unknot} or {data} (a folder on the way is private, "
             "as /root or a `mktemp -d` folder are); clone where others may enter to run this test")
    tmp = tempfile.mkdtemp(prefix="unknot-cage-")
    try:
        run_dir = os.path.join(tmp, "run")
        os.mkdir(run_dir, 0o700)
        for d in (tmp, run_dir):
            os.chown(d, uid, gid)
        os.chmod(tmp, 0o700)
        env = {
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "HOME": tmp,
            "XDG_RUNTIME_DIR": run_dir,
            "XDG_CONFIG_HOME": tmp,
            "XDG_DATA_HOME": tmp,
            "XDG_CACHE_HOME": tmp,
            "WLR_BACKENDS": "headless",
            "WLR_RENDERER": "pixman",
            "WLR_LIBINPUT_NO_DEVICES": "1",
        }
        conf = os.path.join(tmp, "kiosk.conf")
        r = subprocess.run(as_user + [unknot, "--set-pin", "--kiosk-config", conf], input="2468\n", env=env,
                           capture_output=True, text=True, timeout=60)
        check(r.returncode == 0, f"--set-pin as the kiosk user: {r.stderr.strip()}")
        with open(conf, encoding="utf-8") as f:
            text = f.read()
        check("pin_hash = $argon2id$" in text and "2468" not in text, "kiosk.conf holds the PIN's hash, not the PIN")
        inner = os.path.join(tmp, "inner.sh")
        with open(inner, "w", encoding="utf-8") as f:
            f.write(INNER)
        os.chmod(inner, 0o755)
        # cage always exits 0 and aborts on a signal: the time limit is inside it (KIOSK-NOTES)
        cmd = as_user + ["cage", "-d", "--", "timeout", "120", "sh", inner, tmp, unknot, data]
        r = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=170)
        log = ""
        if os.path.exists(os.path.join(tmp, "unknot.log")):
            with open(os.path.join(tmp, "unknot.log"), encoding="utf-8", errors="replace") as f:
                log = f.read()
        check(os.path.exists(os.path.join(tmp, "alive")),
              f"the kiosk is still running after Escape, Alt+F4, Ctrl+Q and Q (log: {log.strip()[-400:]})")
        shots = {}
        for name in ("attract", "tiles", "workout", "after"):
            path = os.path.join(tmp, name + ".png")
            check(os.path.exists(path), f"grim took {name}.png")
            if os.path.exists(path):
                shots[name] = read_png(path)
        if len(shots) == 4:
            a, t, w = shots["attract"], shots["tiles"], shots["workout"]
            check(near(pixel(a, 0.03, 0.835), MINT), f"attract: the call to start at the bottom {pixel(a, 0.03, 0.835)}")
            check(near(pixel(a, 0.1, 0.4), STAGE), f"attract: the figure's card {pixel(a, 0.1, 0.4)}")
            check(near(pixel(t, 0.1, 0.4), MINT), f"tiles: the first tile, chosen {pixel(t, 0.1, 0.4)}")
            check(not near(pixel(w, 0.1, 0.4), MINT), f"a key started the routine {pixel(w, 0.1, 0.4)}")
            check(not near(pixel(shots["after"], 0.03, 0.835), MINT), "still in the workout, not back to attract")
        # Xwayland is known by what its X server shows too (on Debian 12's Xwayland 22.1.9, which has
        # no XWAYLAND extension yet: its screen is named XWAYLAND0), so the frames are sent whole
        xw = ""
        if os.path.exists(os.path.join(tmp, "xwayland.log")):
            with open(os.path.join(tmp, "xwayland.log"), encoding="utf-8", errors="replace") as f:
                xw = "".join(ln for ln in f if "frames:" in ln).strip()
        print(f"without WAYLAND_DISPLAY: {xw}")
        check("drawn and sent whole (x11, Xwayland: " in xw,
              f"without WAYLAND_DISPLAY the kiosk still knows Xwayland and sends whole frames ({xw!r})")
        rc_path = os.path.join(tmp, "rc")
        if os.path.exists(rc_path):
            with open(rc_path, encoding="utf-8") as f:
                rc = f.read().strip()
            check(rc in ("143", "0"), f"SIGTERM (the service stopping) ends the kiosk: status {rc}")
        # the service's wrapper hands the program's own exit status out of cage (whose own is always
        # 0): 0 (the admin's exit) stops the service, anything else restarts it (Restart=on-failure)
        session = os.path.join(data, "tools", "kiosk", "unknot-kiosk-session")
        fake = os.path.join(tmp, "fake-unknot")
        with open(fake, "w", encoding="utf-8") as f:
            f.write('#!/bin/sh\ncase "$FAKE_END" in segv) kill -SEGV $$ ;; *) exit "$FAKE_END" ;; esac\n')
        os.chmod(fake, 0o755)
        os.chown(fake, uid, gid)
        for end, want in (("0", 0), ("3", 3), ("segv", 139)):
            r = subprocess.run(as_user + [session], env=dict(env, UNKNOT=fake, FAKE_END=end), capture_output=True,
                               text=True, timeout=90)
            check(r.returncode == want, f"unknot-kiosk-session passes out the status of a program that ended with "
                                        f"{end}: want {want}, got {r.returncode} ({r.stderr.strip()[-200:]})")
        path = os.path.join(tmp, "first-frame-tenths")
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                print(f"attract screen shown {int(f.read().strip() or 0) / 10:.1f} s after the window appeared")
        for name in ("rss-attract", "rss"):
            path = os.path.join(tmp, name + ".txt")
            if os.path.exists(path):
                with open(path, encoding="utf-8") as f:
                    print(f"kiosk under cage (x11 via Xwayland, 1280x720), {name}: {f.read().strip()}")
        if r.returncode != 0:
            print(f"cage: {r.stderr.strip()[-400:]}", file=sys.stderr)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return finish("kiosk_cage_test")


if __name__ == "__main__":
    sys.exit(main())
