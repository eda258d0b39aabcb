#!/bin/sh
# test-09-full.sh -- the full default run of chapter 9's program prints
# the last lines chapters/09-initialization/README.md quotes from it.
#
# That run trains two [784,100,10] networks for 60 epochs, about 70 s
# with OpenBLAS (several times that under a sanitizer), too long for
# every 'make check'; so it runs only when NNC_FULL_RUNS is set, as in
# 'make check NNC_FULL_RUNS=1'.  The quote follows a marker
#
#   <!-- full run (needs MNIST): CMD -->
#
# which tests/quoted-output.sh passes over.  This test copies the text
# with each such marker made an ordinary "output of (needs MNIST)"
# marker, and the other markers taken out, and has quoted-output.sh
# check the copy, by its rules: CMD runs where chapters/ is the build
# tree's, and with another CBLAS than OpenBLAS each number may differ
# by 3%.  Usage: test-09-full.sh [TEXT]; chapter 10's full run is
# checked by test-10-full.sh through this one.
#
# Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT

: "${top_srcdir:=.}" "${top_builddir:=.}"
text=${1:-$top_srcdir/chapters/09-initialization/README.md}

if [ -z "${NNC_FULL_RUNS:-}" ]; then
  echo "1..0 # SKIP the full 60-epoch run takes minutes; set" \
       "NNC_FULL_RUNS=1 to run it"
  exit 0
fi
marker='<!-- full run (needs MNIST): '
if ! grep -q "^$marker" "$text"; then
  echo "1..1"
  echo "not ok 1 - $text quotes no full run"
  exit 1
fi
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT
awk -v marker="$marker" '
  /^<!-- output of/ { next }
  index($0, marker) == 1 {
    $0 = "<!-- output of (needs MNIST): " substr($0, length(marker) + 1)
  }
  { print }
' "$text" >"$work/$(basename "$(dirname "$text")").md"
sh "$top_srcdir/tests/quoted-output.sh" "$work"/*.md
