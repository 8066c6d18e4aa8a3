#!/bin/sh
# sprites_regen.sh SPRITEGEN: repaint the contact sheet into a temp dir and compare it byte for
# byte with the committed docs/moves.png. --report checks every sample the program draws from (30
# solved poses a second of every move) on the way: a required contact more than 2 px off the mat,
# a part below it or a joint bent backwards fails the test (and names the move, sample and part).
set -eu
gen="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
"$gen" --report assets/poses "$tmp/moves.png" >"$tmp/report.txt" || {
    grep -v ' 0 faulty' "$tmp/report.txt" | grep -v '^spritegen: ' || true
    echo "sprites_regen: spritegen --report found poses with a body part floating or sunk"; status=1
}
cmp -s docs/moves.png "$tmp/moves.png" || { echo "differs from a fresh run: docs/moves.png"; status=1; }
# written whole or not at all: a failed write is an error, not a half sheet and exit 0
if "$gen" assets/poses /dev/full 2>"$tmp/full.txt"; then
    echo "sprites_regen: writing to /dev/full did not fail"; status=1
elif ! grep -q "cannot write /dev/full" "$tmp/full.txt"; then
    echo "sprites_regen: writing to /dev/full said: $(cat "$tmp/full.txt")"; status=1
fi
[ $status -eq 0 ] && echo "sprites_regen: byte-identical, every pose on its contacts"
exit $status
