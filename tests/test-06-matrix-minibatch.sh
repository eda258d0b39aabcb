#!/bin/sh
# test-06-matrix-minibatch.sh -- chapter 6's program can stand in for
# chapter 5's: the same options, the same messages for bad input, and,
# from the same seed, the same accuracy to within a few images.
#
# The runs on MNIST are skipped when it is absent.  Copyright 2026 the
# nnc authors.  SPDX-License-Identifier: MIT

: "${top_srcdir:=.}" "${top_builddir:=.}"
. "$top_srcdir/tests/lib.sh"
ch05=$top_builddir/chapters/05-sgd/sgd
ch06=$top_builddir/chapters/06-matrix-minibatch/matrix-minibatch

# Each bad invocation below is one check (its arguments separated by
# spaces, invocations by '|'); so are the three fixed checks and each
# epoch of the comparison.  The last one diverges: so large an eta
# saturates every output neuron (with MNIST; without, both programs
# stop at the missing data).
bad_args="--epochs=x|--batch-size=0|--eta=-1|--sizes=784,30,9|--bogus|\
--data=$work/nowhere|extra|--batch-size=600 --train-size=500|\
--train-size=100 --epochs=2 --eta=1e300"
echo "1..14"

"$ch06" --help >"$work/help6" 2>"$work/err"
status=$?
head -n 1 "$work/help6" | grep -q '^Usage: matrix-minibatch ' &&
  [ $status -eq 0 ] && [ ! -s "$work/err" ]
check $? "--help prints usage on stdout and exits 0 (status $status)"

"$ch05" --help | grep '^  -' >"$work/opts5"
grep '^  -' "$work/help6" >"$work/opts6"
cmp -s "$work/opts5" "$work/opts6"
check $? "--help lists the same options and defaults as chapter 5's sgd"

"$ch06" --version >"$work/version" 2>&1
status=$?
[ $status -eq 0 ] && grep -q '^CBLAS: ' "$work/version"
check $? "--version exits 0 and names the CBLAS (status $status)"

# A bad value: non-zero exit, nothing on stdout, one line on stderr,
# and the very line chapter 5 prints, but for the program's name.
IFS='|'
for args in $bad_args; do
  unset IFS
  "$ch06" --data="$data" $args >"$work/out" 2>"$work/err6"
  status=$?
  "$ch05" --data="$data" $args >/dev/null 2>"$work/err5"
  sed -e 's/^sgd: /matrix-minibatch: /' \
    -e "s/'sgd --help'/'matrix-minibatch --help'/" "$work/err5" \
    >"$work/want"
  lines=$(wc -l <"$work/err6")
  [ $status -ne 0 ] && [ ! -s "$work/out" ] && [ "$lines" -eq 1 ] &&
    grep -q '^matrix-minibatch: ' "$work/err6" &&
    cmp -s "$work/err6" "$work/want"
  check $? "'$args' exits with status $status and one stderr line, as \
chapter 5 does: $(cat "$work/err6")"
  IFS='|'
done
unset IFS

# The same short run of both programs from the same seed.
needs_mnist "chapters 5 and 6 agree on epoch 0" \
  "chapters 5 and 6 agree on epoch 1"
args="--data $mnist --train-size 5000 --epochs 2 --seed 3"
"$ch05" $args >"$work/run5" 2>/dev/null
s5=$?
"$ch06" $args >"$work/run6" 2>/dev/null
s6=$?
for k in 0 1; do
  a=$(sed -n "s|^Epoch $k: \([0-9]*\) / 10000\$|\1|p" "$work/run5")
  b=$(sed -n "s|^Epoch $k: \([0-9]*\) / 10000\$|\1|p" "$work/run6")
  [ $s5 -eq 0 ] && [ $s6 -eq 0 ] && [ -n "$a" ] && [ -n "$b" ] &&
    [ $((a - b)) -le 10 ] && [ $((b - a)) -le 10 ]
  check $? "$args: epoch $k, chapter 5 reads ${a:-?} and chapter 6 \
${b:-?} test images right, within 10"
done
exit $fail
