#!/bin/sh
# test-07-program.sh -- chapter 7's program: --help and --version,
# one line on stderr for each bad option, the single neuron's learning
# slowdown under the quadratic cost (no data needed), and on MNIST a
# short run of each cost.
#
# The runs on MNIST are skipped when it is absent.  Copyright 2026 the
# nnc authors.  SPDX-License-Identifier: MIT

: "${top_srcdir:=.}" "${top_builddir:=.}"
. "$top_srcdir/tests/lib.sh"
prog=$top_builddir/chapters/07-cross-entropy/cross-entropy
ch06=$top_builddir/chapters/06-matrix-minibatch/matrix-minibatch
name=cross-entropy
# The bad options are tried on MNIST when there is one.
bad_data=$data

# The value in column COL of the row for EPOCH of the neuron table
# that starts at "Start w = W" in $work/neuron.
neuron() {
  awk -v start="Start w = $1," -v epoch="$2" -v col="$3" '
    index($0, start) == 1 { on = 1; next }
    on && /^Start/ { on = 0 }
    on && $1 == epoch { print $col; exit }' "$work/neuron"
}

echo "1..16"
good '^Usage: cross-entropy ' --help
good '^  --cost=NAME .*quadratic or cross-entropy$' --help
good '^ *(default: cross-entropy)$' --help
good '^  --eta=X .*(default: 0.5)$' --help
good "^$name (nnc) " --version

bad_with "--cost: 'hinge' is not one of quadratic, cross-entropy" \
  --cost=hinge
bad_with "--cost: '' is not one of" --cost=
bad_with "option '--neuron' takes no value" --neuron=yes
bad_with "--eta: '0' is out of range" --eta=0

# The single neuron: no data needed, and what the text says of it.
"$prog" --neuron --data="$work/nowhere" >"$work/neuron" 2>"$work/err"
status=$?
q0=$(neuron 2.0 0 4) c0=$(neuron 2.0 0 7)
q30=$(neuron 2.0 30 2) c30=$(neuron 2.0 30 5)
q300=$(neuron 2.0 300 2)
[ $status -eq 0 ] && [ ! -s "$work/err" ] && [ -n "$q0" ] &&
  awk -v q="$q0" -v c="$c0" 'BEGIN { exit !(q > 0 && q * 40 < c) }'
check $? "--neuron from w = b = 2: at the start the quadratic dC/dw \
($q0) is less than 1/40 of the cross-entropy's ($c0)"
awk -v q="$q30" -v c="$c30" 'BEGIN { exit !(q > 0.95 && c < 0.3) }'
check $? "--neuron from w = b = 2, epoch 30: the quadratic output is \
still above 0.95 ($q30), the cross-entropy's below 0.3 ($c30)"
awk -v q="$q300" 'BEGIN { exit !(q != "" && q < 0.3) }'
check $? "--neuron from w = b = 2: by epoch 300 the quadratic output \
has fallen below 0.3 too ($q300)"
q30=$(neuron 0.6 30 2) c30=$(neuron 0.6 30 5)
awk -v q="$q30" -v c="$c30" 'BEGIN { exit !(q < 0.7 && c < 0.3) }'
check $? "--neuron from w = 0.6, b = 0.9: by epoch 30 both outputs \
fell from 0.82 (quadratic $q30, cross-entropy $c30)"

needs_mnist "2 epochs on 10000 images by the cross-entropy" \
  "--cost quadratic --eta 3 prints chapter 6's lines" \
  "a huge eta with the quadratic cost ends as chapter 6 does"
args="--data $mnist --train-size 10000 --epochs 2"
"$prog" $args >"$work/ce" 2>/dev/null
status=$?
count=$(sed -n 's|^Epoch 1: \([0-9]*\) / 10000$|\1|p' "$work/ce")
[ $status -eq 0 ] && [ -n "$count" ] && [ "$count" -ge 8600 ]
check $? "$args: the cross-entropy reads ${count:-?} test images \
right after epoch 1, at least 8600 (recorded: 8883 with seed 3)"
"$prog" $args --cost quadratic --eta 3 >"$work/q" 2>/dev/null &&
  "$ch06" $args >"$work/q6" 2>/dev/null && [ -s "$work/q" ] &&
  cmp -s "$work/q" "$work/q6"
check $? "$args --cost quadratic --eta 3 prints chapter 6's very \
lines: $(tr '\n' ' ' <"$work/q")"
"$prog" --data "$mnist" --train-size 100 --epochs 2 --eta 1e300 \
  --cost quadratic >/dev/null 2>"$work/err"
status=$?
lines=$(wc -l <"$work/err")
[ $status -ne 0 ] && [ "$lines" -eq 1 ] &&
  grep -q "^$name: training diverged in epoch 0: " "$work/err"
check $? "--eta 1e300 --cost quadratic stops in epoch 0 with one \
line: $(cat "$work/err")"
exit $fail
