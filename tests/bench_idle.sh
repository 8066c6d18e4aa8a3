#!/bin/sh
# bench_idle.sh UNKNOT: what a screen on which nothing moves costs, in a real full-screen 1920x1080
# window under Xvfb with no window manager: the menu, a paused workout and the results, each left
# alone and measured from /proc/PID/task/*/schedstat (CPU time of every thread, in ns) over a quiet
# spell.
# The aim is at most 0.2% of one core. Keys go in with xdotool. Figures only: it fails only if
# nothing was measured.
set -u
unknot="$1"
command -v xvfb-run >/dev/null 2>&1 || { echo "bench_idle: xvfb-run not installed (sh .ci/deps)"; exit 1; }
command -v xdotool >/dev/null 2>&1 || { echo "bench_idle: xdotool not installed (sh .ci/deps)"; exit 1; }
out=$(mktemp)
home=$(mktemp -d)
trap 'rm -rf "$out" "$out.a" "$out.b" "$home"' EXIT
xvfb-run -a -s "-screen 0 1920x1080x24" sh -c '
    unknot=$1 home=$2 out=$3
    ticks() { awk "{ print \$14 + \$15 }" /proc/$1/stat 2>/dev/null; }
    # per thread: "TID NAME NS": CPU time on the scheduler'"'"'s nanosecond clock (/proc/.../schedstat;
    # the same as user + system time in /proc/PID/stat, without its 1/CLK_TCK s steps)
    snap() { for t in /proc/$1/task/*; do echo "${t##*/} $(tr " " _ <$t/comm) $(cut -d" " -f1 $t/schedstat)"; done 2>/dev/null; }
    # measure PID for SECONDS after a settling second: "LABEL: N% of a core", then each thread that ran
    measure() {
        sleep 1
        snap $1 >"$out.a"; s0=$(date +%s.%N)
        sleep $2
        snap $1 >"$out.b"; s1=$(date +%s.%N)
        [ -s "$out.b" ] || return
        awk -v label="$(echo "$3" | tr _ " ")" -v secs="$(echo "$s0 $s1" | awk "{ print \$2 - \$1 }")" "
            FNR == NR { before[\$1] = \$3; next }
            { d = (\$3 - before[\$1]) / 1e6; total += d; if (d > 0.05) detail = detail sprintf(\", %s %.1f ms\", \$2, d) }
            END { printf \"bench_idle: %s: %.3f%% of a core (%.1f ms of CPU in %.1f s%s)\\n\", label, 100 * total / 1000 / secs, total, secs, detail }
        " "$out.a" "$out.b" >>"$out"
    }
    key() { # send key $2 to the window of PID $1
        w=$(xdotool search --sync --pid $1 --onlyvisible 2>/dev/null | head -1)
        [ -n "$w" ] && xdotool windowfocus --sync $w 2>/dev/null; xdotool key ${w:+--window $w} $2 2>/dev/null
    }
    run() { SDL_AUDIODRIVER=dummy XDG_CONFIG_HOME=$home XDG_CACHE_HOME=$home XDG_DATA_HOME=$home "$unknot" --fullscreen "$@" 2>/dev/null & }

    # the menu, with nobody there
    run; pid=$!; sleep 3
    measure $pid 20 menu,_20_s
    kill $pid; wait $pid 2>/dev/null

    # a workout paused during its first step
    run levels/03-desk-break.routine; pid=$!; sleep 3
    key $pid space; sleep 1; key $pid s; sleep 1; key $pid space; sleep 2
    key $pid Escape
    measure $pid 20 paused_workout,_20_s
    kill $pid; wait $pid 2>/dev/null

    # the results (they stay 15 s, then the progress screen comes)
    run levels/03-desk-break.routine; pid=$!; sleep 3
    key $pid q; sleep 1
    measure $pid 12 results,_12_s
    kill $pid; wait $pid 2>/dev/null
' sh "$unknot" "$home" "$out"
cat "$out"
grep -q "of a core" "$out"
