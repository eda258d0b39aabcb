#!/bin/sh
# test-10-program.sh -- chapter 10's program: --help shows chapter 9's
# budget and the log-likelihood as the defaults, bad options and values
# fail with one line on stderr, and, with MNIST, short seeded runs show
# that the softmax network learns, that its costs are finite numbers,
# and that --cost cross-entropy trains chapter 9's network, draw for
# draw.
#
# The thresholds come from a recorded run (5000 training images, 3
# epochs, seed 3), whose softmax network read 8606, 8865 and 9013
# validation images, with OpenBLAS, and by the quadratic cost 7528
# after 3 epochs; each is set a margin below, so that another CBLAS's
# rounding cannot trip it, while a network that did not learn would.
# (Guessing reads about 1000 of 10000 right.)
#
# Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT

: "${top_srcdir:=.}" "${top_builddir:=.}"
. "$top_srcdir/tests/lib.sh"
prog=$top_builddir/chapters/10-softmax/softmax
ch09=$top_builddir/chapters/09-initialization/initialization
name=softmax

echo "1..31"
good "^Usage: $name " --help
# Chapter 9's budget, and the log-likelihood, are the defaults.
good '^  --epochs=N .*(default: 60)$' --help
good '^  --batch-size=N .*(default: 10)$' --help
good '^  --eta=X .*(default: 0.1)$' --help
good '^  --sizes=LIST .*(default: 784,100,10)$' --help
good '^  --lambda=X .*(default: 5)$' --help
good 'the cost to learn by: quadratic, cross-entropy or$' --help
good '^  *log-likelihood (default: log-likelihood)$' --help
good "^$name (nnc) " --version

bad --bogus
bad --cost=softmax
bad --eta=0
bad --epochs=0
bad --lambda=-1
bad --monitor=everything
bad --eval=training
bad --sizes=784,100,9
bad extra
bad --batch-size=2000 --train-size=1000
bad --data="$work/nowhere"
bad --data="$data" --log="$work/no/such/dir/log.tsv"
: >"$work/exists.tsv"
bad --data="$data" --log="$work/exists.tsv"
bad --data="$data" --train-size=100 --lambda=1000 --eta=1

needs_mnist "the softmax network at 8800 or more after 3 epochs" \
  "every epoch better than the one before" \
  "a finite training and validation cost each epoch" \
  "the log's header" "the test accuracy line" \
  "--cost cross-entropy is chapter 9's new start, draw for draw" \
  "--cost quadratic learns too, from the same start" \
  "the cost changes the numbers"

args="--data $mnist --train-size 5000 --epochs 3 --seed 3"
"$prog" $args --monitor all --log "$work/run.tsv" >"$work/run" \
  2>"$work/err"
status=$?
[ $status -eq 0 ] || { echo "# '$name $args' exited $status:";
  sed 's/^/# /' "$work/err" | tail -3; }

# "Epoch 2: training cost 0.45, training accuracy 4711 / 5000,
#  validation cost 0.51, validation accuracy 9031 / 10000" (one line)
num='\([0-9.]*\)'
line="^Epoch $num: training cost $num, training accuracy [0-9]* \/ 5000,"
line="$line validation cost $num, validation accuracy $num \/ 10000\$"
sed -n "s/$line/\\1 \\2 \\3 \\4/p" "$work/run" >"$work/epochs"
set -- $(sed -n '3p' "$work/epochs")
[ $# -eq 4 ] && [ "$4" -ge 8800 ]
check $? "the softmax network at 8800 or more after 3 epochs: ${4:-?}"
awk 'END { exit !(NR == 3) } NR > 1 && $4 <= last { exit 1 }
  { last = $4 }' "$work/epochs"
check $? "every epoch better than the one before: \
$(cut -d' ' -f4 "$work/epochs" | tr '\n' ' ')"
awk 'END { exit !(NR == 3) } !($2 > 0 && $2 < 10 && $3 > 0 && $3 < 10) {
  exit 1 }' "$work/epochs"
check $? "a finite training and validation cost each epoch, between 0 \
and 10: $(cut -d' ' -f2,3 "$work/epochs" | tr '\n' ';')"
printf 'epoch\t%s\t%s\t%s\t%s\n' training_cost training_accuracy \
  validation_cost validation_accuracy >"$work/header"
head -n 1 "$work/run.tsv" | cmp -s - "$work/header" &&
  [ "$(wc -l <"$work/run.tsv")" -eq 4 ]
check $? "the log's header, and a row per epoch: $(head -n 1 \
"$work/run.tsv" | tr '\t' ' ')"
grep -q '^Test accuracy: [0-9]* / 10000$' "$work/run"
check $? "the test accuracy line: $(grep '^Test' "$work/run")"

# Chapter 9's new start, trained by the cross-entropy, is what this
# program trains with --cost cross-entropy: the same start, the same
# shuffles, the same steps.
"$prog" $args --cost cross-entropy >"$work/ce" 2>/dev/null
"$ch09" $args >"$work/ch09" 2>/dev/null
sed -n "s/^Epoch $num: validation accuracy $num \/ 10000\$/\\1 \\2/p" \
  "$work/ce" >"$work/ce-epochs"
sed -n 's/^Epoch \([0-9]*\): old [0-9]*, new \([0-9]*\)$/\1 \2/p' \
  "$work/ch09" >"$work/ch09-epochs"
[ "$(wc -l <"$work/ce-epochs")" -eq 3 ] &&
  cmp -s "$work/ce-epochs" "$work/ch09-epochs"
check $? "--cost cross-entropy is chapter 9's new start, draw for draw: \
$(cut -d' ' -f2 "$work/ce-epochs" | tr '\n' ' ')and \
$(cut -d' ' -f2 "$work/ch09-epochs" | tr '\n' ' ')"

"$prog" $args --cost quadratic >"$work/quad" 2>/dev/null
q=$(sed -n 's/^Epoch 2: validation accuracy \([0-9]*\) \/ 10000$/\1/p' \
  "$work/quad")
[ -n "$q" ] && [ "$q" -ge 7000 ]
check $? "--cost quadratic learns too, from the same start: ${q:-?} \
after 3 epochs (want 7000 or more)"
s=$(sed -n '3p' "$work/epochs" | cut -d' ' -f4)
c=$(sed -n '3p' "$work/ce-epochs" | cut -d' ' -f2)
[ -n "$s" ] && [ -n "$c" ] && [ -n "$q" ] && [ "$s" -ne "$c" ] &&
  [ "$s" -ne "$q" ]
check $? "the cost changes the numbers: log-likelihood ${s:-?}, \
cross-entropy ${c:-?}, quadratic ${q:-?} after 3 epochs"
exit $fail
