#!/bin/sh
# test-11-program.sh -- chapter 11's program: bad values of its own
# options get one line on stderr, and so does --save with --compare;
# on MNIST, training that diverges is stopped, a short run keeps its best
# epoch (the kept count is the largest one printed), and --compare
# prints its four rows, whose plain SGD and schedule rows agree until
# the schedule first halves eta.
#
# The runs on MNIST are skipped when it is absent.  Copyright 2026 the
# nnc authors.  SPDX-License-Identifier: MIT

: "${top_srcdir:=.}" "${top_builddir:=.}"
. "$top_srcdir/tests/lib.sh"
prog=$top_builddir/chapters/11-hyperparameters/hyperparameters
name=hyperparameters
# The bad options are tried on MNIST when there is one.
bad_data=$data

echo "1..10"
bad_with "--momentum: '1' is out of range" --momentum 1
bad_with "--momentum: '-0.5' is out of range" --momentum -0.5
bad_with "--patience: '0' is out of range" --patience 0
bad_with "--cost: 'cubic' is not one of" --cost cubic
bad_with "eta lambda / n = 0.05 * 1000 / 10 = 5 must be below 1" \
  --train-size=10 --batch-size=10 --lambda=1000
bad_with "--save: --compare trains four networks" \
  --compare --save "$work/cmp.json"

needs_mnist "a run that diverges is stopped" \
  "a short run keeps its best validation count" \
  "--compare prints four rows" \
  "--compare: plain SGD and the schedule agree before any halving"

# The quadratic cost at a huge eta saturates every output neuron at
# once; training must stop there, not print chance-level counts.
bad_with "training diverged in epoch 0: every output neuron is saturated" \
  --train-size 1000 --epochs 3 --eta 1e10 --lambda 0 --cost quadratic

"$prog" --data "$mnist" --train-size 1000 --epochs 6 --patience 2 \
  >"$work/run" 2>/dev/null
best=$(sed -n 's/^Epoch [0-9]*: \([0-9]*\) \/ 10000$/\1/p' "$work/run" |
  sort -n | tail -n 1)
kept=$(sed -n 's/^Kept epoch \([0-9]*\): \([0-9]*\) .*/\2/p' "$work/run")
epoch=$(sed -n 's/^Kept epoch \([0-9]*\): .*/\1/p' "$work/run")
grep -q "^Epoch $epoch: $kept / 10000$" "$work/run" && [ "$kept" = "$best" ]
check $? "the kept epoch $epoch has the best validation count printed \
($kept, best $best)"

"$prog" --data "$mnist" --train-size 1000 --epochs 3 --patience 5 \
  --compare >"$work/cmp" 2>/dev/null
[ "$(wc -l <"$work/cmp")" -eq 5 ] &&
  [ "$(grep -c -E '^(plain SGD|momentum|schedule|both) ' "$work/cmp")" -eq 4 ]
check $? "--compare prints a header and four rows"
# With patience 5 and 3 epochs nothing is halved: the schedule is plain
# SGD, and "both" is momentum, to the bit.
plain=$(sed -n 's/^plain SGD  0.00 //p' "$work/cmp")
sched=$(sed -n 's/^schedule   0.00 //p' "$work/cmp")
[ -n "$plain" ] && [ "$plain" = "$sched" ]
check $? "--compare: with no halving the schedule's row is plain SGD's \
($plain)"
exit $fail
