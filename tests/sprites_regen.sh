#!/bin/sh
# sprites_regen.sh SPRITEGEN: regenerate every sprite sheet and the contact sheet into a temp
# dir and compare byte for byte with the committed assets/sprites/* and docs/moves.png. --report
# checks every rendered frame on the way: a required contact more than 2 px off the mat or a part
# below it fails the test (and names the move, frame and part).
set -eu
gen="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/sprites"
status=0
"$gen" --report assets/poses "$tmp/sprites" "$tmp/moves.png" >"$tmp/report.txt" || {
    grep -v ' 0 faulty' "$tmp/report.txt" | grep -v '^spritegen: ' || true
    echo "sprites_regen: spritegen --report found frames with a body part floating or sunk"; status=1
}
for f in assets/sprites/*; do
    if ! cmp -s "$f" "$tmp/sprites/$(basename "$f")"; then
        echo "differs from a fresh run: $f"; status=1
    fi
done
for f in "$tmp"/sprites/*; do
    [ -e "assets/sprites/$(basename "$f")" ] || { echo "not committed: assets/sprites/$(basename "$f")"; status=1; }
done
cmp -s docs/moves.png "$tmp/moves.png" || { echo "differs from a fresh run: docs/moves.png"; status=1; }
[ $status -eq 0 ] && echo "sprites_regen: byte-identical"
exit $status
