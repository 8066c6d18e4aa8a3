#!/bin/sh
# bench_window.sh UNKNOT: a real full-screen 1920x1080 window under Xvfb (SDL's software renderer,
# X11 shared-memory present) playing a routine for 16 s. Prints the frame rate and slowest frame
# (UNKNOT_STATS) and the resident memory at the end. Figures only: it fails only if nothing ran.
set -u
unknot="$1"
command -v xvfb-run >/dev/null 2>&1 || { echo "bench_window: xvfb-run not installed (sh .ci/deps)"; exit 1; }
out=$(mktemp)
trap 'rm -f "$out"' EXIT
xvfb-run -a -s "-screen 0 1920x1080x24" sh -c '
    UNKNOT_STATS=1 SDL_AUDIODRIVER=dummy XDG_CONFIG_HOME="$2" XDG_CACHE_HOME="$2" XDG_DATA_HOME="$2" "$1" --fullscreen levels/02-core-strength.routine 2>"$3" &
    pid=$!
    sleep 16
    rss=$(grep VmRSS /proc/$pid/status 2>/dev/null | tr -s " " | cut -d" " -f2)
    cpu=$(ps -o %cpu= -p $pid 2>/dev/null)
    kill $pid 2>/dev/null
    wait $pid 2>/dev/null
    echo "bench_window: resident memory ${rss:-?} kB, average CPU ${cpu:-?}% over the run" >>"$3"
' sh "$unknot" "$(mktemp -d)" "$out"
grep -E "frames/s|bench_window" "$out" | sed 's/^unknot: /bench_window: 1920x1080 full screen: /'
grep -q "frames/s" "$out"
