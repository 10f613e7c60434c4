#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The README's quick start: install what is missing, build, then run Vitrine or every test.
#
#   sh tests/quickstart.sh run    builds and opens Vitrine on the bundled sample
#   sh tests/quickstart.sh test   builds and runs every test, then builds again with
#                                 AddressSanitizer and UndefinedBehaviorSanitizer (in
#                                 build-asan/, -Werror) and runs every suite there
#                                 too; ends with "N passed, N failed" for both builds
#   sh tests/quickstart.sh fuzz   also installs clang and builds the fuzz targets in build-fuzz/
set -eu

mode=${1:-run}
top=$(cd "$(dirname "$0")/.." && pwd)
build="$top/build"
asan_build="$top/build-asan"

# Debian 12 packages: to build, to run, and to test (Xvfb, validators).
# shared-mime-info: the rules that translate the file type's description.
packages="meson ninja-build pkg-config gcc libc6-dev gettext
libglib2.0-dev libglib2.0-bin libgtk-4-dev libgtk-4-bin libjson-glib-dev
libgdk-pixbuf-2.0-dev libgdk-pixbuf2.0-bin libpng-dev fonts-cantarell shared-mime-info"
if [ "$mode" = test ]; then
  # libasan8 and libubsan1: gcc 12's sanitizer runtimes; at-spi2-core and
  # python3-pyatspi: the accessibility tree test reads the windows over
  # AT-SPI; poppler-utils reads the PDFs back; libxml2-utils, groff-base:
  # the file type's XML and the manual pages checked; xdotool finds the
  # installed program's window; libjpeg62-turbo-dev: the thumbnail
  # benchmark's decode floor (tests/bench/run).
  packages="$packages xvfb xauth dbus desktop-file-utils appstream libasan8 libubsan1
at-spi2-core python3-pyatspi poppler-utils libxml2-utils groff-base xdotool libjpeg62-turbo-dev"
fi
# Only the fuzz targets need clang and its sanitizer and libFuzzer runtimes.
if [ "$mode" = fuzz ]; then
  packages="$packages clang libclang-rt-14-dev"
fi

missing=""
for p in $packages; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  case "$status" in
    *" installed") ;;
    *) missing="$missing $p" ;;
  esac
done

if [ -n "$missing" ]; then
  echo "Installing:$missing"
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -q
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $missing
fi

if [ "$mode" = fuzz ]; then
  if [ ! -f "$top/build-fuzz/build.ninja" ]; then
    CC=clang meson setup "$top/build-fuzz" "$top" -Dfuzzing=true -Db_lundef=false
  fi
  meson compile -C "$top/build-fuzz"
  echo "Run one with: sh tests/fuzz/run.sh catalog|image|page|price|query [SECONDS]"
  exit 0
fi

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$top"
fi
meson compile -C "$build"

case "$mode" in
  run)
    exec "$build/src/vitrine" "$build/data/sample/genesis/catalog.json"
    ;;
  test)
    rc=0
    dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" \
      meson test -C "$build" --print-errorlogs --num-processes 2 || rc=$?

    # The same code under the sanitizers. -Dwerror applies to our own code
    # only; leaks of the libraries themselves are in tests/lsan.supp, which
    # the build and the tests pass to LeakSanitizer.
    if [ ! -f "$asan_build/build.ninja" ]; then
      meson setup "$asan_build" "$top" -Db_sanitize=address,undefined -Dwerror=true
    fi
    meson compile -C "$asan_build"
    asan_options=detect_leaks=1
    ubsan_options=print_stacktrace=1:halt_on_error=1
    ASAN_OPTIONS=$asan_options UBSAN_OPTIONS=$ubsan_options \
      dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" \
      meson test -C "$asan_build" --print-errorlogs --num-processes 2 --timeout-multiplier 3 \
        --logbase testlog-core --no-suite ui || rc=$?
    # GTK's own leaks are suppressed by the function that made them, which
    # needs whole stacks: Debian's GLib has no frame pointers, so the slow
    # unwinder, for the ui suite only (it slows every allocation down).
    ASAN_OPTIONS=$asan_options:fast_unwind_on_malloc=0 UBSAN_OPTIONS=$ubsan_options \
      dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" \
      meson test -C "$asan_build" --print-errorlogs --num-processes 2 --timeout-multiplier 3 \
        --logbase testlog-ui --suite ui || rc=$?

    # Count meson's own results (one JSON object per test) of both builds
    # (three runs) into the closing line.
    counts=$(python3 -c '
import json, sys
passed = failed = skipped = 0
for log in sys.argv[1:]:
    for line in open(log):
        result = json.loads(line)["result"]
        if result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result == "SKIP":
            skipped += 1
        else:
            failed += 1
print(passed, failed, skipped)' "$build/meson-logs/testlog.json" \
      "$asan_build/meson-logs/testlog-core.json" "$asan_build/meson-logs/testlog-ui.json")
    set -- $counts
    passed=$1 failed=$2
    echo "$passed passed, $failed failed"
    if [ "$failed" -gt 0 ] || [ "$rc" -ne 0 ]; then exit 1; fi
    ;;
  *)
    echo "usage: sh tests/quickstart.sh run|test|fuzz" >&2
    exit 2
    ;;
esac
