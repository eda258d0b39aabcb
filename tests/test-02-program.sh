#!/bin/sh
# test-02-program.sh -- chapter 2's program: --help and --version
# succeed; bad options, values and data directories fail with one line
# on stderr that names the program; with MNIST, a seed gives the same
# output twice, another seed another output, and the untrained network
# reads right about as many test images as guessing would (1 in 10).
#
# Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT

: "${top_srcdir:=.}" "${top_builddir:=.}"
. "$top_srcdir/tests/lib.sh"
prog=$top_builddir/chapters/02-feedforward/feedforward
name=feedforward

echo "1..12"
good '^Usage: ' --help
good "^$name (nnc) " --version
bad --bogus
bad --seed=abc
bad --seed=-1
bad --sizes=784,30,9
bad --sizes=784,,10
bad --data="$work/nowhere"

needs_mnist "seed 1 twice gives the same output" \
  "seed 2 gives another output" \
  "the answers add up to the 10000 test images" \
  "500 to 2000 of 10000 read right by chance"

"$prog" --data "$mnist" >"$work/1a" 2>"$work/err" &&
"$prog" --data "$mnist" --seed 1 >"$work/1b" 2>>"$work/err" &&
"$prog" --data "$mnist" --seed 2 >"$work/2" 2>>"$work/err" ||
  { echo "Bail out! $name fails on $mnist: $(head -1 "$work/err")"; exit 1; }

cmp -s "$work/1a" "$work/1b"
check $? "seed 1 (the default) twice gives the same output"
! cmp -s "$work/1a" "$work/2"
check $? "seed 2 gives another output than seed 1"

# "Answers given, by digit: n0 ... n9" sums to the test set's size.
sum=$(awk '/^Answers given/ { for (i = 5; i <= NF; i++) s += $i; print s }' \
  "$work/1a")
if [ "$sum" = 10000 ]; then
  ok "the answers per digit add up to the 10000 test images"
else
  not_ok "the answers per digit add up to the 10000 test images (got $sum)"
fi

# An untrained network reads right about 1 in 10, by chance.
right=$(awk '/^Test images read right:/ { print $5 }' "$work/1a")
if [ -n "$right" ] && [ "$right" -ge 500 ] && [ "$right" -le 2000 ]; then
  ok "seed 1 reads $right of 10000 right: from 500 to 2000, chance level"
else
  not_ok "seed 1 reads '$right' of 10000 right: not from 500 to 2000"
fi
exit $fail
