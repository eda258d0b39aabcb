#!/bin/sh
# test-03-program.sh -- chapter 3's program: --help and --version
# succeed; bad options, values and data directories fail with one line
# on stderr that names the program; with MNIST, the XOR example's cost
# falls at every printed step and ends with 4 of 4 right, and the
# feedforward counts are 2 per parameter per image.
#
# Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT

: "${top_srcdir:=.}" "${top_builddir:=.}"
. "$top_srcdir/tests/lib.sh"
prog=$top_builddir/chapters/03-cost/cost
name=cost

echo "1..12"
good '^Usage: ' --help
good "^$name (nnc) " --version
bad --epochs=3
bad --seed=12x
bad --sizes=100,30,10
bad --data="$work/nowhere"

needs_mnist "the output of seed 1 repeats" \
  "the XOR cost falls at every printed step" \
  "the XOR network ends with 4 / 4 right" \
  "[784,30,10] has 23860 parameters" \
  "2 feedforwards per parameter per image, for 10 and 50000 images" \
  "--sizes 784,100,10 has 79510 parameters"

"$prog" --data "$mnist" >"$work/a" 2>"$work/err" &&
"$prog" --data "$mnist" --seed 1 >"$work/b" 2>>"$work/err" &&
"$prog" --data "$mnist" --sizes 784,100,10 >"$work/c" 2>>"$work/err" ||
  { echo "Bail out! $name fails on $mnist: $(head -1 "$work/err")"; exit 1; }

cmp -s "$work/a" "$work/b"
check $? "the output of seed 1 repeats"

# The XOR table: lines "step C n / 4"; each C must be below the one
# before, and the last n must be 4.
awk '$1 ~ /^[0-9]+$/ && $4 == "/" { print $2, $3 }' "$work/a" >"$work/xor"
costs=$(awk '{ printf "%s ", $1 }' "$work/xor")
falls=$(awk 'NR > 1 && $1 >= last { f = 1 } { last = $1 }
             END { print (NR >= 3 && !f) ? "yes" : "no" }' "$work/xor")
right=$(awk 'END { print $2 }' "$work/xor")
[ "$falls" = yes ]
check $? "the XOR cost falls at every printed step: $costs"
[ "$right" = 4 ]
check $? "the XOR network ends with $right / 4 right"

# "parameters: P", then "feedforwards for one mini-batch: 2 x P x 10
# images = F" and the same for an epoch of 50000 images, where each F
# must be 2 P times the images.
p=$(awk '/parameters:/ { print $2 }' "$work/a")
[ "$p" = 23860 ]
check $? "[784,30,10] has 23860 parameters (got $p)"
twice=$(awk -v p="$p" '/feedforwards for one/ {
                         n++; if ($NF != 2 * p * $(NF - 3)) bad = 1 }
                       END { print (n == 2 && !bad) ? "yes" : "no" }' \
          "$work/a")
[ "$twice" = yes ]
check $? "2 feedforwards per parameter per image, for 10 and 50000 images"

# 100 x 784 + 100 + 10 x 100 + 10 = 79510
p=$(awk '/parameters:/ { print $2 }' "$work/c")
[ "$p" = 79510 ]
check $? "--sizes 784,100,10 has 79510 parameters (got $p)"
exit $fail
