#!/bin/sh
# test-11-program.sh -- chapter 11's program: bad values of its own
# options get one line on stderr; on MNIST, a short run keeps its best
# epoch (the kept count is the largest one printed), and --compare
# prints its four rows, whose plain SGD and schedule rows agree until
# the schedule first halves eta.
#
# The runs on MNIST are skipped when it is absent.  Copyright 2026 the
# nnc authors.  SPDX-License-Identifier: MIT

: "${top_srcdir:=.}" "${top_builddir:=.}"
prog=$top_builddir/chapters/11-hyperparameters/hyperparameters

mnist=
for dir in "$top_builddir/data/mnist" "$top_srcdir/data/mnist"; do
  if [ -f "$dir/t10k-labels-idx1-ubyte" ]; then mnist=$dir; break; fi
done

work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT

n=0
fail=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $*"; fail=1; }
check() {  # check STATUS DESCRIPTION
  if [ "$1" -eq 0 ]; then ok "$2"; else not_ok "$2"; fi
}
skip() {
  n=$((n + 1)); echo "ok $n - $1 # SKIP MNIST not found; run make data"
}

bad() {  # bad WANT ARG...
  want=$1; shift
  "$prog" --data "${mnist:-$work/nowhere}" "$@" >"$work/out" 2>"$work/err"
  status=$?
  [ $status -ne 0 ] && [ ! -s "$work/out" ] &&
    [ "$(wc -l <"$work/err")" -eq 1 ] && grep -q -F -e "$want" "$work/err"
  check $? "hyperparameters $* fails with one line: $(head -n 1 "$work/err")"
}

echo "1..8"
bad "--momentum: '1' is out of range" --momentum 1
bad "--momentum: '-0.5' is out of range" --momentum -0.5
bad "--patience: '0' is out of range" --patience 0
bad "--cost: 'cubic' is not one of" --cost cubic
bad "eta lambda / n = 0.05 * 1000 / 10 = 5 must be below 1" \
  --train-size=10 --batch-size=10 --lambda=1000

if [ -z "$mnist" ]; then
  skip "a short run keeps its best validation count"
  skip "--compare prints four rows"
  skip "--compare: plain SGD and the schedule agree before any halving"
  exit $fail
fi

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
