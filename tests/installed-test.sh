#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The installed test: `meson install --destdir` into a temporary folder, then
# the programs as installed there, with XDG_DATA_DIRS pointing at it:
# vitrine-cli validates the installed sample and speaks Hungarian from the
# installed translations; vitrine starts, finds its schema, opens the
# installed sample in its window; the desktop file's icon is in the
# installed theme.
#
#   installed-test.sh MESON BUILD_DIR BINDIR DATADIR LOCALEDIR MANDIR PKGDATADIR
#
# The folders are the configured ones (absolute, under the prefix). The
# window's part needs an X display (the ui tests' Xvfb) and xdotool;
# without them it is skipped once the rest has passed.
set -u

meson=$1 build=$2 bindir=$3 datadir=$4 localedir=$5 mandir=$6 pkgdatadir=$7
app_id=io.github.vitrine.Vitrine

dir=$(mktemp -d "${TMPDIR:-/tmp}/vitrine-installed-XXXXXX") || exit 1
pid=
cleanup () {
  if [ -n "$pid" ]; then
    kill "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  fi
  rm -rf "$dir"
}
trap cleanup EXIT

fail () {
  echo "not ok: $*"
  exit 1
}

root="$dir/root"
"$meson" install -C "$build" --destdir "$root" --no-rebuild >"$dir/install.log" 2>&1 \
  || { cat "$dir/install.log"; fail "meson install --destdir"; }

bin="$root$bindir"
share="$root$datadir"
sample="$root$pkgdatadir/sample/genesis/catalog.json"
for f in "$bin/vitrine" "$bin/vitrine-cli" \
         "$share/applications/$app_id.desktop" \
         "$share/metainfo/$app_id.metainfo.xml" \
         "$share/mime/packages/$app_id.xml" \
         "$share/glib-2.0/schemas/$app_id.gschema.xml" \
         "$share/icons/hicolor/scalable/apps/$app_id.svg" \
         "$share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg" \
         "$root$mandir/man1/vitrine.1" "$root$mandir/man1/vitrine-cli.1" \
         "$root$localedir/hu/LC_MESSAGES/vitrine.mo" \
         "$sample"; do
  [ -f "$f" ] || fail "not installed: ${f#"$root"}"
done
echo "ok: every file installed"

# meson leaves the post-install steps to the packager under DESTDIR.
glib-compile-schemas --strict "$share/glib-2.0/schemas" || fail "glib-compile-schemas"

"$bin/vitrine-cli" validate "$sample" >"$dir/out" 2>"$dir/err" \
  || { cat "$dir/out" "$dir/err"; fail "the installed vitrine-cli finds problems in the installed sample"; }
echo "ok: the installed sample validates"

# Hungarian from the installed translations: the build tree's are not
# where the installed program looks.
hu="env LC_ALL=hu_HU.UTF-8 LANGUAGE=hu"
$hu "$bin/vitrine-cli" --help >"$dir/out" 2>&1
grep -q "Parancsok:" "$dir/out" \
  || { cat "$dir/out"; fail "the installed vitrine-cli --help is not in Hungarian"; }
echo "ok: vitrine-cli speaks Hungarian"

export XDG_DATA_DIRS="$share:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"
export GSETTINGS_SCHEMA_DIR="$share/glib-2.0/schemas"
export XDG_DATA_HOME="$dir/data" XDG_CACHE_HOME="$dir/cache" XDG_CONFIG_HOME="$dir/config"

$hu "$bin/vitrine" --help >"$dir/out" 2>&1 \
  || { cat "$dir/out"; fail "the installed vitrine --help"; }
grep -q "A katalógus bemutatása teljes képernyőn" "$dir/out" \
  || { cat "$dir/out"; fail "the installed vitrine --help is not in Hungarian"; }
echo "ok: vitrine speaks Hungarian"

# The desktop's icon (the window's own comes from the program's resources):
# the desktop file's Icon in a folder of the hicolor theme.
icon=$(sed -n 's/^Icon=//p' "$share/applications/$app_id.desktop")
[ "$icon" = "$app_id" ] || fail "the desktop file's icon is “$icon”"
theme=/usr/share/icons/hicolor/index.theme
if [ -f "$theme" ]; then
  grep -q "^\[scalable/apps\]" "$theme" || fail "the hicolor theme has no scalable/apps folder"
fi
[ -f "$share/icons/hicolor/scalable/apps/$icon.svg" ] \
  || fail "the icon $icon is not in the installed hicolor theme"
exec_line=$(sed -n 's/^Exec=//p' "$share/applications/$app_id.desktop" | head -n 1)
[ -x "$bin/${exec_line%% *}" ] || fail "the desktop file runs “$exec_line”, not an installed program"
echo "ok: the desktop file's icon and program are installed"

if [ -z "${DISPLAY:-}" ] || ! command -v xdotool >/dev/null; then
  echo "skip: the window's part needs an X display and xdotool"
  exit 77
fi

# No catalog given and none open before (GSETTINGS_BACKEND=memory): the
# window opens the sample, the installed one, and is named after it.
"$bin/vitrine" >"$dir/vitrine.log" 2>&1 &
pid=$!
window=
for _ in $(seq 1 100); do
  window=$(xdotool search --onlyvisible --pid "$pid" --name "^Genesis — Vitrine$" 2>/dev/null | head -n 1)
  [ -n "$window" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$dir/vitrine.log"; fail "the installed vitrine exited"; }
  sleep 0.2
done
[ -n "$window" ] || { cat "$dir/vitrine.log"; fail "no window of the installed vitrine showing the sample within 20 s"; }
# The sample of this install, not the build tree's: the thumbnails it
# caches (XDG_CACHE_HOME) name their pictures' files.
images="file://$root$pkgdatadir/sample/genesis/images/"
for _ in $(seq 1 100); do
  grep -rqaF "$images" "$XDG_CACHE_HOME/thumbnails" 2>/dev/null && break
  sleep 0.2
done
grep -rqaF "$images" "$XDG_CACHE_HOME/thumbnails" 2>/dev/null \
  || { cat "$dir/vitrine.log"; fail "no thumbnail of the installed sample's images within 20 s"; }
kill "$pid"
wait "$pid" 2>/dev/null
pid=
if [ -s "$dir/vitrine.log" ]; then
  cat "$dir/vitrine.log"
  fail "the installed vitrine wrote warnings"
fi
echo "ok: the installed vitrine shows the installed sample, without a warning"
