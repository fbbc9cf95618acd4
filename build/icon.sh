#!/usr/bin/env bash
# Draws the app icon (white 联看评 on a deep red rounded square) and derives every size the
# packages use. Run it again only to change the icon; its outputs are committed, because
# `wails build` reads build/appicon.png and build/windows/icon.ico as they are.
# Needs ImageMagick 6 (/usr/bin/convert: /usr/local/bin/convert on CI machines is a stand-in)
# and the Noto Sans CJK fonts (apt fonts-noto-cjk).
set -euo pipefail
cd "$(dirname "$0")"
IM=/usr/bin/convert
RED='#b71c1c'
GOLD='#ffd54f'
FONT=Noto-Sans-CJK-SC-Bold
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# square SIZE TEXT POINTSIZE OUT: the red rounded square with TEXT centred, and a gold rule under
# it when the text is the full name.
square() {
  local size=$1 text=$2 pt=$3 out=$4
  local m=$((size * 3 / 64)) r=$((size * 11 / 64))
  local args=(-size "${size}x${size}" xc:none
    -fill "$RED" -draw "roundrectangle $m,$m $((size - m - 1)),$((size - m - 1)) $r,$r"
    -font "$FONT" -pointsize "$pt" -fill white -gravity center)
  if [ "${#text}" -gt 1 ]; then
    local bar=$((size * 5 / 128)) w=$((size * 30 / 64))
    args+=(-annotate "+0-$((size * 6 / 64))" "$text"
      -fill "$GOLD" -draw "roundrectangle $(((size - w) / 2)),$((size * 43 / 64)) $(((size + w) / 2)),$((size * 43 / 64 + bar)) $((bar / 2)),$((bar / 2))")
  else
    args+=(-annotate +0+0 "$text")
  fi
  "$IM" "${args[@]}" -depth 8 "$out"
}

# The full name from 48 px up; below that three characters blur, so the small sizes show 评 alone.
square 1024 联看评 270 appicon.png
for s in 16 24 32; do square "$s" 评 $((s * 3 / 4)) "$tmp/$s.png"; done
for s in 48 64 128 256 512; do "$IM" appicon.png -filter Lanczos -resize "${s}x${s}" "$tmp/$s.png"; done

mkdir -p windows linux/icons
"$IM" "$tmp/16.png" "$tmp/24.png" "$tmp/32.png" "$tmp/48.png" "$tmp/64.png" "$tmp/128.png" "$tmp/256.png" -depth 8 windows/icon.ico
for s in 16 24 32 48 64 128 256 512; do cp "$tmp/$s.png" "linux/icons/${s}x${s}.png"; done
echo "icon: appicon.png, windows/icon.ico, linux/icons/*"
