#!/usr/bin/env python3
"""kiosk_x11_test.py UNKNOT: the kiosk on an X server with no window manager (Xvfb 1920x1080, the
real X11 path) covers the display again after its window is made smaller from outside, both while
it stays mapped and when it is then unmapped and mapped again: SDL restored its own idea of the
size (the display's) but the X window kept the outside one, so the kiosk was drawn for 1920x1080
and cropped to 1200x700 (session-20 review). Reads the X window's geometry with xdotool, as the X
server has it. Skipped (exit 77) where xvfb-run or xdotool is not installed."""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

from checks import check, finish

GEOMETRY = re.compile(r"Geometry: (\d+)x(\d+)")


def geometry(win):
    r = subprocess.run(["xdotool", "getwindowgeometry", win], capture_output=True, text=True)
    m = GEOMETRY.search(r.stdout)
    return (int(m.group(1)), int(m.group(2))) if m else None


def wait_geometry(win, want, seconds):
    """Poll until the X window is want (w, h), at most seconds (generous: a loaded machine, ASan).
    Returns the last geometry seen."""
    end = time.monotonic() + seconds
    g = geometry(win)
    while g != want and time.monotonic() < end:
        time.sleep(0.2)
        g = geometry(win)
    return g


def inner(unknot):
    tmp = tempfile.mkdtemp(prefix="unknot-kiosk-x11-")
    conf = os.path.join(tmp, "kiosk.conf")
    with open(conf, "w") as f:
        f.write("[kiosk]\n")
    env = dict(os.environ, SDL_VIDEODRIVER="x11", SDL_AUDIODRIVER="dummy", XDG_CONFIG_HOME=tmp, XDG_CACHE_HOME=tmp,
               XDG_DATA_HOME=tmp)
    env.pop("WAYLAND_DISPLAY", None)
    log = open(os.path.join(tmp, "unknot.log"), "w")
    p = subprocess.Popen([unknot, "--kiosk", "--kiosk-config", conf, "--history", os.path.join(tmp, "h.db")],
                         env=env, stderr=log)
    try:
        win, seen = None, None
        end = time.monotonic() + 120  # the window, within 120 s: it took over 60 s once, on a machine
        while time.monotonic() < end:  # building with 8 helpers beside it (ASan, load ~20)
            r = subprocess.run(["xdotool", "search", "--pid", str(p.pid)], capture_output=True, text=True)
            ids = r.stdout.split()
            seen = (ids, geometry(ids[-1])) if ids else seen
            if ids and seen[1] == (1920, 1080):
                win = ids[-1]
                break
            if p.poll() is not None:
                break
            time.sleep(0.2)
        check(win is not None, "the kiosk's window opens covering the 1920x1080 display (last seen: window "
              f"{seen}, the kiosk {'running' if p.poll() is None else f'exited with {p.returncode}'})")
        if win is None:
            return
        time.sleep(2)  # past the first frame and the full-screen request
        # made smaller from outside, still mapped: it covers the display again
        subprocess.run(["xdotool", "windowsize", win, "1200", "700"])
        g = wait_geometry(win, (1920, 1080), 30)
        print(f"kiosk_x11: resized to 1200x700 from outside: the window is {g} again")
        check(g == (1920, 1080), f"resized from outside: covers the display again (is {g})")
        # made smaller, then unmapped and mapped (no window manager), all within the kiosk's wait
        # between two requests (KIOSKAPP_REFILL_MS, 2 s from the one above): SDL took the display's
        # size back as it restored full screen, the X window did not; the kiosk asks the X server
        subprocess.run(["xdotool", "windowsize", win, "1200", "700"])
        subprocess.run(["xdotool", "windowunmap", "--sync", win])
        time.sleep(0.5)
        subprocess.run(["xdotool", "windowmap", "--sync", win])
        g = wait_geometry(win, (1920, 1080), 30)
        print(f"kiosk_x11: resized, unmapped and mapped: the window is {g}")
        check(g == (1920, 1080), f"resized, unmapped and mapped: covers the display again (is {g})")
        time.sleep(3)  # and stays so: no request answered by another
        g = geometry(win)
        check(g == (1920, 1080), f"it stays covering the display (is {g})")
        check(p.poll() is None, "the kiosk is still running")
    finally:
        p.terminate()
        p.wait(timeout=30)
        log.close()
        with open(os.path.join(tmp, "unknot.log")) as f:
            lines = [ln.rstrip() for ln in f if "full screen again" in ln]
        for ln in lines:
            print(f"kiosk_x11: log: {ln}")
        if win is None:  # what the kiosk said, to tell a slow start from a window that never covered the display
            with open(os.path.join(tmp, "unknot.log")) as f:
                for ln in f.read().splitlines()[-20:]:
                    print(f"kiosk_x11: log: {ln}")
        check(1 <= len(lines) <= 4, f"one request per outside change, not a fight ({len(lines)} in the log)")
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    if len(sys.argv) == 3 and sys.argv[2] == "--inner":
        inner(sys.argv[1])
        return finish("kiosk_x11_test")
    for tool in ("xvfb-run", "xdotool"):
        if not shutil.which(tool):
            print(f"SKIP: {tool} is not installed (sh .ci/deps)")
            return 77
    return subprocess.call(["xvfb-run", "-a", "-s", "-screen 0 1920x1080x24", sys.executable,
                            os.path.abspath(__file__), sys.argv[1], "--inner"])


if __name__ == "__main__":
    sys.exit(main())
