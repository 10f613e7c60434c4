#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs one libFuzzer target from build-fuzz on its seeds and dictionary.
#
#   sh tests/fuzz/run.sh TARGET [SECONDS [LIBFUZZER-OPTION...]]
#
# TARGET is one of catalog, image, page, price, query; SECONDS defaults
# to 600. To keep going past crashes and collect them all, add
# -fork=1 -ignore_crashes=1.
#
# New inputs go to build-fuzz/fuzz-corpus/TARGET; a crash, leak or
# timeout is written to build-fuzz/fuzz-artifacts/ and ends the run
# with a non-zero status. Replay one with: build-fuzz/tests/fuzz/fuzz-TARGET FILE
set -eu

target=${1:?usage: sh tests/fuzz/run.sh catalog|image|page|price|query [SECONDS]}
seconds=${2:-600}
shift $(( $# < 2 ? $# : 2 ))
extra="$*"
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD_FUZZ:-$top/build-fuzz}
data="$top/tests/data"

case "$target" in
  catalog) seeds="$data/*.json $data/cli/*.json $data/sample/*.json $data/query/*.json
                  $data/detail/*.json $data/hostile/*.json"
           dict=json.dict ;;
  image)   seeds="$data/images/* $data/detail/images/* $data/hostile/images/*"
           dict="" ;;
  page)    seeds="$data/pages/* $data/hostile/pages/*"
           dict=page.dict ;;
  price|query) seeds=""
           dict=price.dict ;;
  *) echo "unknown target: $target" >&2; exit 2 ;;
esac

work="$build/fuzz-corpus/$target"
artifacts="$build/fuzz-artifacts/$target/"
mkdir -p "$work" "$artifacts"
for seed in $seeds; do
  if [ -f "$seed" ]; then cp "$seed" "$work/"; fi
done

# shellcheck disable=SC2086
set -- $extra -max_total_time="$seconds" -timeout=1 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix="$artifacts"
if [ -n "$dict" ]; then set -- "$@" -dict="$top/tests/fuzz/$dict"; fi
if [ -d "$top/tests/fuzz/corpus/$target" ]; then set -- "$@" "$work" "$top/tests/fuzz/corpus/$target"; else set -- "$@" "$work"; fi

# Leaks are checked after each input. The suppressions (GLib's own
# deliberate leaks) need whole stacks: GLib has no frame pointers.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:fast_unwind_on_malloc=0}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$top/tests/fuzz/lsan.supp}"
export G_SLICE=always-malloc
exec "$build/tests/fuzz/fuzz-$target" "$@"
