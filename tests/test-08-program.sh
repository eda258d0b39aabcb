#!/bin/sh
# test-08-program.sh -- chapter 8's program: --help and --version; one
# line on stderr for each bad option and each bad --log (in a missing
# directory, or existing without --force, which must leave the file as
# it was); and on MNIST the log's columns, a short run, and with no
# penalty the very training of chapter 7.
#
# The runs on MNIST are skipped when it is absent.  Copyright 2026 the
# nnc authors.  SPDX-License-Identifier: MIT

: "${top_srcdir:=.}" "${top_builddir:=.}"
. "$top_srcdir/tests/lib.sh"
prog=$top_builddir/chapters/08-regularization/regularization
ch07=$top_builddir/chapters/07-cross-entropy/cross-entropy
name=regularization
# The bad options are tried on MNIST when there is one, so that only
# the option can be at fault.
bad_data=$data

echo "1..26"
good '^Usage: regularization ' --help
good '^  --lambda=X .*(default: 5)$' --help
good '^ *the penalty on the weights: none, l2 or l1 (default: l2)$' --help
good '^ *validation)$' --help
good '(default: eval-accuracy)$' --help
good "^$name (nnc) " --version

bad_with "--lambda: '-1' is out of range (must be finite and at least 0)" \
  --lambda=-1
bad_with "--lambda: 'x' is not a number" --lambda=x
bad_with "--lambda: 'inf' is out of range" --lambda=inf
bad_with "--regularization: 'l3' is not one of none, l2, l1" \
  --regularization=l3
bad_with "--eval: 'training' is not one of validation, test" --eval=training
bad_with "--monitor: 'cost' is not one of train-cost, train-accuracy," \
  --monitor=cost
bad_with "--monitor: 'eval-cost,' is not a list" --monitor=eval-cost,
bad_with "--cost: 'log-likelihood' is not one of quadratic, cross-entropy" \
  --cost=log-likelihood
bad_with "option '--force' takes no value" --force=yes
bad_with "--log: the file name is empty" --log=
bad_with "eta lambda / n = 3 * 5 / 10 = 1.5 must be below 1" \
  --train-size=10 --batch-size=10 --eta=3

# A log in a directory that does not exist, and one that exists.
bad_with "$work/no-such-dir/log.tsv: cannot create the log: there is no \
directory '$work/no-such-dir'" --log="$work/no-such-dir/log.tsv"
printf 'keep me\n' >"$work/old.tsv"
bad_with "$work/old.tsv: the log file exists; add --force to replace it" \
  --log="$work/old.tsv"
[ "$(cat "$work/old.tsv")" = "keep me" ]
check $? "the existing log was left as it was"

needs_mnist "--log writes a header and a row per epoch" \
  "the log's accuracies are the printed counts in per cent" \
  "--force replaces the log" "--monitor train-cost logs one column" \
  "2 epochs on 10000 images with L2" \
  "--regularization none trains as chapter 7 does"
small="--data $mnist --train-size 1000 --epochs 2"
"$prog" $small --monitor all --log "$work/old.tsv" --force \
  >"$work/out" 2>/dev/null
status=$?
header=$(head -n 1 "$work/old.tsv")
want=$(printf 'epoch\t%s\t%s\t%s\t%s' training_cost \
  training_accuracy validation_cost validation_accuracy)
[ $status -eq 0 ] && [ "$header" = "$want" ] &&
  [ "$(wc -l <"$work/old.tsv")" -eq 3 ] &&
  awk -F '\t' 'NR > 1 && (NF != 5 || $1 != NR - 2) { exit 1 }' \
    "$work/old.tsv"
check $? "$small --monitor all --log --force: a header row and 2 rows \
of 5 tab-separated columns, epochs 0 and 1"
# Epoch 1's accuracies, as counts on stdout and per cent in the log
a=$(awk '/^Epoch 1: / { for (i = 1; i < NF; i++) if ($i == "accuracy") {
  printf "%s%s", sep, $(i + 1); sep = " " } }' "$work/out")
b=$(awk -F '\t' 'NR == 3 {
  printf "%d %d", $3 * 10 + 0.5, $5 * 100 + 0.5 }' "$work/old.tsv")
[ -n "$a" ] && [ "$a" = "$b" ]
check $? "the log's accuracies in per cent are the counts printed on \
stdout (training, validation: ${a:-?} and ${b:-?})"
"$prog" $small --monitor train-cost --eval test --log "$work/old.tsv" \
  --force >/dev/null 2>&1
status=$?
[ $status -eq 0 ] &&
  [ "$(head -n 1 "$work/old.tsv")" = "$(printf 'epoch\ttraining_cost')" ]
check $? "--force replaces the log (status $status)"
awk -F '\t' 'NR > 1 && (NF != 2 || !($2 > 0)) { exit 1 }
  END { exit NR != 3 }' "$work/old.tsv"
check $? "--monitor train-cost logs epoch and a positive training cost \
only"

args="--data $mnist --train-size 10000 --epochs 2"
"$prog" $args >"$work/l2" 2>/dev/null
status=$?
v=$(sed -n 's|^Epoch 1: validation accuracy \([0-9]*\) / 10000$|\1|p' \
    "$work/l2")
t=$(sed -n 's|^Test accuracy: \([0-9]*\) / 10000$|\1|p' "$work/l2")
[ $status -eq 0 ] && [ -n "$v" ] && [ -n "$t" ] && [ "$v" -ge 8750 ] &&
  [ "$t" -ge 8700 ]
check $? "$args: with L2, lambda 5, ${v:-?} validation images read \
right after epoch 1 (at least 8750) and ${t:-?} test images (at least \
8700; recorded 9013 and 9000 with seed 3)"
"$prog" $args --regularization none --monitor none >"$work/none" \
  2>/dev/null
t=$(sed -n 's|^Test accuracy: \([0-9]*\) / 10000$|\1|p' "$work/none")
"$ch07" $args >"$work/ch07" 2>/dev/null
t7=$(sed -n 's|^Epoch 1: \([0-9]*\) / 10000$|\1|p' "$work/ch07")
[ -n "$t" ] && [ "$t" = "$t7" ] &&
  [ "$(head -n 1 "$work/none")" = "Epoch 0" ]
check $? "$args --regularization none --monitor none: prints 'Epoch k' \
lines and the test count of chapter 7's run (${t:-?} and ${t7:-?})"
exit $fail
