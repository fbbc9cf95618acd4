#!/usr/bin/env bash
# Packs the Linux build into a .deb: mkdeb.sh BINARY VERSION OUT.deb
#   /usr/bin/liankanping, /usr/share/applications/liankanping.desktop,
#   /usr/share/icons/hicolor/<size>/apps/liankanping.png.
# Depends is computed by dpkg-shlibdeps from the libraries the binary links (on Debian 12:
# libc6, libgtk-3-0, libwebkit2gtk-4.0-37, libjavascriptcoregtk-4.0-18, libglib2.0-0, libsoup2.4-1),
# and the script fails if GTK 3 or WebKitGTK 4.0 is missing from it.
# No maintainer scripts: dpkg's triggers of hicolor-icon-theme and desktop-file-utils refresh
# the icon cache and the menu, and removing the package never touches the users' data.
set -euo pipefail
bin=$(readlink -f "${1:?usage: mkdeb.sh BINARY VERSION OUT.deb}")
version=${2:?version}
out=${3:?out.deb}
here=$(cd "$(dirname "$0")" && pwd)

root=$(mktemp -d)
chmod 0755 "$root"
trap 'rm -rf "$root"' EXIT
install -D -m 0755 "$bin" "$root/usr/bin/liankanping"
install -D -m 0644 "$here/liankanping.desktop" "$root/usr/share/applications/liankanping.desktop"
for png in "$here"/icons/*.png; do
  size=$(basename "$png" .png)
  install -D -m 0644 "$png" "$root/usr/share/icons/hicolor/$size/apps/liankanping.png"
done
install -d "$root/usr/share/doc/liankanping"
printf '联看评 %s\n数据：~/.config/liankanping/liankanping.db（卸载软件包不会删除）。\n命令行：liankanping help\n' "$version" \
  > "$root/usr/share/doc/liankanping/README"

# dpkg-shlibdeps wants a debian/control to read; a throwaway one in a scratch folder will do.
work=$(mktemp -d)
trap 'rm -rf "$root" "$work"' EXIT
mkdir -p "$work/debian"
printf 'Source: liankanping\n\nPackage: liankanping\nArchitecture: amd64\n' > "$work/debian/control"
depends=$(cd "$work" && dpkg-shlibdeps -O "$root/usr/bin/liankanping" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
for lib in libgtk-3-0 libwebkit2gtk-4.0-37; do
  case ", $depends," in
    *", $lib "*|*", $lib,"*) ;;
    *) echo "mkdeb: $lib is missing from Depends ($depends)" >&2; exit 1 ;;
  esac
done

install -d -m 0755 "$root/DEBIAN"
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@SIZE@/$size/" -e "s/@DEPENDS@/$depends/" "$here/control.in" > "$root/DEBIAN/control"
mkdir -p "$(dirname "$out")"
dpkg-deb --root-owner-group -Zxz --build "$root" "$out" >/dev/null
echo "deb: $out"
