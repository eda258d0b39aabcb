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
. "$top_srcdir/tests/lib.sh"
text=${1:-$top_srcdir/chapters/09-initialization/README.md}

[ -n "${NNC_FULL_RUNS:-}" ] ||
  skip_all "the full 60-epoch run takes minutes; set NNC_FULL_RUNS=1 to" \
    "run it"
quoted_runs '<!-- full run (needs MNIST): ' "full run" "$text"
