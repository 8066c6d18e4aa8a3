#!/bin/sh
# sounds_regen.sh: regenerate the effect sounds into a temp dir and check they are byte-identical
# to the committed assets/sounds/*.wav. Usage: sounds_regen.sh SOUNDGEN_BINARY (run from the repo root).
# Must not write into assets/: a difference means soundgen changed and the sounds need a re-commit.
set -eu
soundgen=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$soundgen" "$tmp"
mkdir "$tmp/again"
"$soundgen" "$tmp/again"
status=0
for f in tick chime fanfare beat; do
    if ! cmp -s "$tmp/$f.wav" "$tmp/again/$f.wav"; then
        echo "sounds_regen: $f.wav differs between two runs (not deterministic)"; status=1
    fi
    if ! cmp -s "$tmp/$f.wav" "assets/sounds/$f.wav"; then
        echo "sounds_regen: $f.wav differs from assets/sounds/$f.wav (re-run soundgen and commit)"; status=1
    fi
done
[ $status -eq 0 ] && echo "sounds_regen: 4 sounds byte-identical"
exit $status
