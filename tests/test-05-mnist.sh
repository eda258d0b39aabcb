#!/bin/sh
# test-05-mnist.sh -- chapter 5's program on MNIST: one stdout line per
# epoch and one stderr line of seconds per epoch; the same seed gives
# byte-identical output, another seed another; a last mini-batch smaller
# than the others is fine; three epochs on 10,000 training images reach
# 85% of the test set; and divergence stops the program with one line
# naming the epoch.  Skipped without MNIST.
#
# Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT

: "${top_srcdir:=.}" "${top_builddir:=.}"
. "$top_srcdir/tests/lib.sh"
prog=$top_builddir/chapters/05-sgd/sgd
name=sgd
[ -n "$mnist" ] || skip_all "MNIST not found; run make data"

echo "1..8"
short="--data $mnist --train-size 1000 --epochs 2"

"$prog" $short --seed 1 >"$work/1a" 2>"$work/err1" &&
"$prog" $short --seed 1 >"$work/1b" 2>/dev/null &&
"$prog" $short --seed 2 >"$work/2" 2>/dev/null ||
  { echo "Bail out! $name fails on $mnist: $(head -1 "$work/err1")"; exit 1; }

grep -Ec '^Epoch [01]: [0-9]+ / 10000$' "$work/1a" | grep -qx 2 &&
  sed -n 2p "$work/1a" | grep -q '^Epoch 1: '
check $? "2 epochs print 'Epoch 0: n / 10000', 'Epoch 1: n / 10000':" \
  $(tr '\n' ' ' <"$work/1a")

grep -Ec '^epoch [01]: [0-9]+\.[0-9][0-9] s$' "$work/err1" | grep -qx 2 &&
  [ "$(wc -l <"$work/err1")" -eq 2 ]
check $? "and 2 lines of seconds per epoch on stderr:" \
  $(tr '\n' ' ' <"$work/err1")

cmp -s "$work/1a" "$work/1b"
check $? "--seed 1 twice gives byte-identical output"

! cmp -s "$work/1a" "$work/2"
check $? "--seed 2 gives another output:" $(tr '\n' ' ' <"$work/2")

# 1003 = 100 mini-batches of 10 and one of 3.
"$prog" --data "$mnist" --train-size 1003 --epochs 1 >"$work/out" \
  2>/dev/null && grep -Eq '^Epoch 0: [0-9]+ / 10000$' "$work/out"
check $? "--train-size 1003, a last mini-batch of 3, trains:" \
  "$(cat "$work/out")"

"$prog" --data "$mnist" --train-size 10000 --epochs 3 --seed 1 \
  >"$work/out" 2>/dev/null
right=$(sed -n 's|^Epoch 2: \([0-9]*\) / 10000$|\1|p' "$work/out")
[ -n "$right" ] && [ "$right" -ge 8500 ]
check $? "3 epochs on 10000 training images, seed 1: ${right:-?} /" \
  "10000 test images read right, at least 8500"

# Divergence: a non-zero exit, nothing on stdout, one line on stderr
# that names epoch 0.
for eta in 1e10 1e300; do
  "$prog" $short --eta $eta >"$work/out" 2>"$work/err"
  status=$?
  [ $status -ne 0 ] && [ ! -s "$work/out" ] &&
    [ "$(wc -l <"$work/err")" -eq 1 ] &&
    grep -q "^$name: training diverged in epoch 0: " "$work/err"
  check $? "--eta $eta exits with status $status: $(cat "$work/err")"
done

exit $fail
