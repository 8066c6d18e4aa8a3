#!/bin/sh
# voice_regen.sh VOICEGEN: render every voice clip (levels/ and the standard phrases) into a temp
# dir and check it matches assets/voice byte for byte, with no clip missing and none stale.
# A difference means a routine, the phrase table or the voice changed: re-run
#   rm -r assets/voice && mkdir assets/voice && voicegen levels assets/voice
# and commit the clips.
set -eu
gen="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$gen" levels "$tmp" >/dev/null
status=0
for f in "$tmp"/*.wav; do
    b=$(basename "$f")
    if [ ! -e "assets/voice/$b" ]; then
        echo "voice_regen: missing from assets/voice: $b"; status=1
    elif ! cmp -s "$f" "assets/voice/$b"; then
        echo "voice_regen: differs from a fresh render: assets/voice/$b"; status=1
    fi
done
for f in assets/voice/*.wav; do
    [ -e "$tmp/$(basename "$f")" ] || { echo "voice_regen: stale (no text uses it): $f"; status=1; }
done
[ $status -eq 0 ] && echo "voice_regen: $(ls "$tmp" | wc -l) clips byte-identical"
exit $status
