#!/bin/sh
# test-12-fashion.sh -- the Fashion-MNIST run that
# chapters/12-saving-and-predicting/README.md quotes prints what it
# quotes.  Fashion-MNIST is read from Debian's dataset-fashion-mnist;
# the test is skipped when it is not installed.  The quote follows a
# marker
#
#   <!-- Fashion-MNIST run: CMD -->
#
# which tests/quoted-output.sh passes over; this test copies the text
# with that marker made an "output of (needs MNIST)" marker and the
# other markers taken out, and has quoted-output.sh check the copy.
#
# Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT

: "${top_srcdir:=.}" "${top_builddir:=.}"
text=$top_srcdir/chapters/12-saving-and-predicting/README.md
fashion=/usr/share/datasets/fashion-mnist

if [ ! -f "$fashion/t10k-labels-idx1-ubyte.gz" ] &&
   [ ! -f "$fashion/t10k-labels-idx1-ubyte" ]; then
  echo "1..0 # SKIP Fashion-MNIST not found; apt-get install" \
       "dataset-fashion-mnist"
  exit 0
fi
marker='<!-- Fashion-MNIST run: '
if ! grep -q "^$marker" "$text"; then
  echo "1..1"
  echo "not ok 1 - $text quotes no Fashion-MNIST run"
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
' "$text" >"$work/12-saving-and-predicting.md"
sh "$top_srcdir/tests/quoted-output.sh" "$work"/*.md
