#!/bin/sh
# test-01-program.sh -- chapter 1's program: --help and --version
# succeed on stdout; a bad option or a stray argument fails with one
# line on stderr that names the program.
#
# Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT

: "${top_srcdir:=.}" "${top_builddir:=.}"
. "$top_srcdir/tests/lib.sh"
prog=$top_builddir/chapters/01-sigmoid-neuron/sigmoid-neuron
name=sigmoid-neuron

echo "1..6"
good '^Usage: ' --help
good "^$name (nnc) " --version
bad --bogus
bad -x
bad --help=yes
bad 3
exit $fail
