#!/bin/sh
# test-11-full.sh -- the full default run of chapter 11's program
# prints the line chapters/11-hyperparameters/README.md quotes from it;
# only with NNC_FULL_RUNS set, through test-09-full.sh.
#
# Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT

: "${top_srcdir:=.}"
exec sh "$top_srcdir/tests/test-09-full.sh" \
  "$top_srcdir/chapters/11-hyperparameters/README.md"
