#!/bin/sh
# sprites_regen.sh SPRITEGEN: regenerate every sprite sheet and the contact sheet into a temp
# dir and compare byte for byte with the committed assets/sprites/* and docs/moves.png.
set -eu
gen="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/sprites"
"$gen" assets/poses "$tmp/sprites" "$tmp/moves.png" >/dev/null
status=0
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
