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
. "$top_srcdir/tests/lib.sh"
text=$top_srcdir/chapters/12-saving-and-predicting/README.md
fashion=/usr/share/datasets/fashion-mnist

if [ ! -f "$fashion/t10k-labels-idx1-ubyte.gz" ] &&
   [ ! -f "$fashion/t10k-labels-idx1-ubyte" ]; then
  skip_all "Fashion-MNIST not found; apt-get install dataset-fashion-mnist"
fi
quoted_runs '<!-- Fashion-MNIST run: ' "Fashion-MNIST run" "$text"
