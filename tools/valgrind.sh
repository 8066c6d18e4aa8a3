#!/bin/sh
# tools/valgrind.sh [BUILD_DIR]: unknot under valgrind memcheck, three runs:
#   1. --simulate of every routine in levels/ (the whole core: parser, session, scoring);
#   2. a real window (SDL's dummy video driver, dummy audio) playing a short routine from the
#      safety notice to the results and back to the menu, then SIGTERM;
#   3. the menu alone for a few seconds, then SIGTERM.
# Passes when memcheck finds no invalid read/write, no use of an uninitialised value and nothing
# "definitely lost" in unknot's own code. Suppressions (tools/valgrind.supp) cover allocations
# made and kept by system libraries (fontconfig, D-Bus, espeak-ng...), each with the reason.
# Takes a few minutes (valgrind runs code ~30x slower). Build with RelWithDebInfo or Debug and
# without UNKNOT_SANITIZE (ASan and valgrind do not mix). Documented in docs/testing.md.
set -u
cd "$(dirname "$0")/.."
build="${1:-build}"
unknot="$build/unknot"
[ -x "$unknot" ] || { echo "valgrind.sh: no $unknot (cmake --build $build)"; exit 2; }
command -v valgrind >/dev/null 2>&1 || { echo "valgrind.sh: valgrind is not installed (sh .ci/deps)"; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy
export XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache" XDG_DATA_HOME="$tmp/data" HOME="$tmp"
vg() { # vg NAME ARGS...: one memcheck run, its log in $tmp/NAME.log (exec: run it in a subshell)
    name="$1"
    shift
    exec valgrind --tool=memcheck --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite \
        --track-origins=yes --error-exitcode=99 --suppressions=tools/valgrind.supp --log-file="$tmp/$name.log" \
        "$unknot" "$@"
}
parts="${UNKNOT_VALGRIND_PARTS:-simulate window menu}" # a subset, e.g. UNKNOT_VALGRIND_PARTS=menu
status=0
report() { # report NAME RC: one line per run; the log's errors when it failed
    errors=$(grep -E "ERROR SUMMARY" "$tmp/$1.log" | tail -1 | sed 's/.*ERROR SUMMARY: \([0-9]*\).*/\1/')
    lost=$(grep -E "definitely lost:" "$tmp/$1.log" | tail -1 | sed 's/.*definitely lost: //')
    echo "valgrind.sh: $1: exit $2, errors ${errors:-?}, definitely lost ${lost:-0 bytes}"
    [ -n "${UNKNOT_VALGRIND_LOGS:-}" ] && cp "$tmp/$1.log" "$UNKNOT_VALGRIND_LOGS/"
    if [ "${errors:-1}" != 0 ]; then
        sed -n '/^==[0-9]*== .*\(Invalid\|uninitialised\|definitely lost in\)/,/^==[0-9]*== $/p' "$tmp/$1.log" | head -80
        status=1
    fi
}

# 1. every routine, simulated
run_simulate() {
    for r in levels/*.routine; do
        n=$(basename "$r" .routine)
        (vg "simulate-$n" --simulate "$r" >/dev/null)
        report "simulate-$n" $?
    done
}

# 2. and 3.: a window played for SECONDS, then SIGTERM (the way a service stops it)
run_window() { # run_window NAME SECONDS ARGS...
    name="$1" secs="$2"
    shift 2
    (vg "$name" --window "$@" 2>"$tmp/$name.err") &
    pid=$!
    sleep "$secs"
    kill -TERM "$pid" 2>/dev/null
    wait "$pid"
    report "$name" $?
}

printf 'title "Valgrind"\nmove child_pose hold 5s\nrest 3s\nmove cat_camel reps 2 tempo 3s\n' >"$tmp/short.routine"
for part in $parts; do
    case "$part" in
    simulate) run_simulate ;;
    # about 60 s of workout (notice, intro, steps, results, then the menu); slower under valgrind
    window) run_window window "${UNKNOT_VALGRIND_WORKOUT_S:-120}" "$tmp/short.routine" ;;
    menu) run_window menu "${UNKNOT_VALGRIND_MENU_S:-20}" ;;
    *) echo "valgrind.sh: unknown part $part (simulate, window, menu)"; exit 2 ;;
    esac
done
exit $status
