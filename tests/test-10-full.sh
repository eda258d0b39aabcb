#!/bin/sh
# test-10-full.sh -- the full default run of chapter 10's program
# prints the last lines chapters/10-softmax/README.md quotes from it:
# tests/test-09-full.sh on chapter 10's text, so only when NNC_FULL_RUNS
# is set, as in 'make check NNC_FULL_RUNS=1'.
#
# Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT

: "${top_srcdir:=.}"
exec sh "$top_srcdir/tests/test-09-full.sh" \
  "$top_srcdir/chapters/10-softmax/README.md"
