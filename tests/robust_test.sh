#!/bin/sh
# robust_test.sh: `unknot --check` on hostile input (huge lines, huge files, random bytes, NUL,
# invalid UTF-8, a folder with no routines, a missing file, /dev/zero, a FIFO). Each must exit 1 with one clear
# error line, quickly, without crashing or hanging. Usage: robust_test.sh PATH/TO/unknot
UNKNOT=${1:?usage: robust_test.sh PATH/TO/unknot}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
failures=0
checks=0

fail() {
    failures=$((failures + 1))
    echo "FAIL: $*" >&2
}

# expect_refused NAME PATH [WANT]: exit 1, exactly one FILE:LINE:COL error line naming PATH
# (and containing WANT when given), nothing on stdout, in under 2 seconds.
expect_refused() {
    name=$1 path=$2 want=$3
    checks=$((checks + 1))
    start=$(date +%s%N)
    timeout 5 "$UNKNOT" --check "$path" >"$TMP/out" 2>"$TMP/err"
    rc=$?
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    lines=$(grep -c . "$TMP/err")
    if [ "$rc" -ge 124 ]; then
        fail "$name: crashed, hung or was killed (exit $rc)"
    elif [ "$rc" -ne 1 ]; then
        fail "$name: exit $rc, want 1"
    fi
    [ "$ms" -lt 2000 ] || fail "$name: took $ms ms, want under 2000"
    [ "$lines" -eq 1 ] || fail "$name: $lines error lines, want 1: $(head -c 600 "$TMP/err")"
    [ -s "$TMP/out" ] && fail "$name: printed on stdout: $(head -c 200 "$TMP/out")"
    grep -q -F -e "$path:" "$TMP/err" && grep -q -E ':[0-9]+:[0-9]+: ' "$TMP/err" ||
        fail "$name: error is not FILE:LINE:COL: message: $(head -c 300 "$TMP/err")"
    if [ -n "$want" ] && ! sed 's/^.*:[0-9][0-9]*:[0-9][0-9]*: //' "$TMP/err" | grep -q -i -e "$want"; then
        fail "$name: error does not mention '$want': $(head -c 300 "$TMP/err")"
    fi
    echo "ok: $name (${ms} ms): $(head -c 160 "$TMP/err")"
}

python3 - "$TMP" <<'PY'
import os, random, sys
tmp = sys.argv[1]
def put(name, data):
    with open(os.path.join(tmp, name), "wb") as f:
        f.write(data)
head = b'title "T"\n'
# one line of 2 MB (the file is over the size limit too)
put("longline.routine", head + b"# " + b"x" * (2 * 1024 * 1024) + b"\n")
# one line just over the line limit, in a file under the size limit
put("line.routine", head + b"# " + b"x" * 2000 + b"\nmove child_pose hold 30s\n")
# 200,000 steps
put("steps.routine", head + b"rest 1s\n" * 200000)
# 200,000 steps' worth, but under the size limit: too many steps, said once
put("steps_small.routine", head + b"rest 1s\n" * 30000)
# 1 MB of random bytes from a fixed seed
random.seed(20240601)
put("random.routine", bytes(random.getrandbits(8) for _ in range(1024 * 1024)))
# 64 KB of random bytes: under the size limit, so the parser itself meets them
random.seed(7)
put("random_small.routine", bytes(random.getrandbits(8) for _ in range(64 * 1024)))
put("nul.routine", head + b"move child_pose\x00 hold 30s\n")
put("allnul.routine", b"\x00" * 4096)
put("utf8.routine", b'title "caf\xc3\xa9 \xff\xfe"\nmove child_pose hold 30s\n')
put("control.routine", head + b"move child_pose hold 30s\x1b[2J\n")
PY

expect_refused "2 MB single line" "$TMP/longline.routine" "limit"
expect_refused "line over 1024 bytes" "$TMP/line.routine" "line"
expect_refused "200,000 steps" "$TMP/steps.routine" "limit"
expect_refused "30,000 steps" "$TMP/steps_small.routine" "too many steps"
expect_refused "1 MB of random bytes" "$TMP/random.routine" "limit"
expect_refused "NUL byte" "$TMP/nul.routine" "NUL"
expect_refused "only NUL bytes" "$TMP/allnul.routine" "NUL"
expect_refused "invalid UTF-8" "$TMP/utf8.routine" "UTF-8"
expect_refused "control character" "$TMP/control.routine" "control"
mkdir "$TMP/emptydir"
expect_refused "a folder with no routines" "$TMP/emptydir" "no .routine files"
expect_refused "a missing file" "$TMP/missing.routine" ""
expect_refused "/dev/zero" /dev/zero "regular file"
mkfifo "$TMP/fifo.routine"
expect_refused "a FIFO" "$TMP/fifo.routine" "regular file"

# random bytes under the size limit: refused (one or more errors), never a crash
checks=$((checks + 1))
timeout 5 "$UNKNOT" --check "$TMP/random_small.routine" >/dev/null 2>"$TMP/err"
rc=$?
[ "$rc" -eq 1 ] || fail "64 KB of random bytes: exit $rc, want 1"
[ "$(grep -c . "$TMP/err")" -le 51 ] || fail "64 KB of random bytes: more than 50 errors and a summary"

# the same hostile files given to --simulate and --list: refused, never a crash or hang
for f in longline random nul fifo; do
    checks=$((checks + 1))
    timeout 5 "$UNKNOT" --simulate "$TMP/$f.routine" >"$TMP/out" 2>"$TMP/err"
    rc=$?
    [ "$rc" -eq 1 ] || fail "--simulate $f: exit $rc, want 1"
    [ -s "$TMP/out" ] && fail "--simulate $f: printed events"
done
checks=$((checks + 1))
timeout 10 "$UNKNOT" --list "$TMP" >"$TMP/out" 2>"$TMP/err"
rc=$?
[ "$rc" -ge 124 ] && fail "--list on the hostile folder: exit $rc (crash or hang)"
[ "$rc" -eq 1 ] || fail "--list on the hostile folder: exit $rc, want 1"

# a hostile --input file
checks=$((checks + 1))
head -c 100000 /dev/zero >"$TMP/zeros.txt"
timeout 5 "$UNKNOT" --simulate levels/03-desk-break.routine --input "$TMP/zeros.txt" >"$TMP/out" 2>"$TMP/err"
rc=$?
[ "$rc" -eq 1 ] || fail "--input of NUL bytes: exit $rc, want 1"
[ -s "$TMP/out" ] && fail "--input of NUL bytes: printed events"
checks=$((checks + 1))
timeout 5 "$UNKNOT" --simulate levels/03-desk-break.routine --input /dev/zero >"$TMP/out" 2>"$TMP/err"
rc=$?
[ "$rc" -eq 1 ] || fail "--input /dev/zero: exit $rc, want 1"

echo "robust_test: $checks checks, $failures failed"
[ "$failures" -eq 0 ]
