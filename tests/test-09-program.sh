#!/bin/sh
# test-09-program.sh -- chapter 9's program: --help shows the book's
# setup as the defaults, bad options and values fail with one line on
# stderr, and, with MNIST, a short seeded run shows what the text
# says: the new start leaves no neuron of layer 1 saturated where the
# old one saturates most, learns faster in every epoch, and is logged
# as the text describes.
#
# The thresholds come from a recorded run (5000 training images, 3
# epochs, seed 3), which read, with OpenBLAS: old 7438, 8133, 8471
# and new 8418, 8888, 9038 validation images; each is set a margin
# away from what was recorded, so that another CBLAS's rounding cannot
# trip it, while a start that made no difference would.
#
# Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT

: "${top_srcdir:=.}" "${top_builddir:=.}"
. "$top_srcdir/tests/lib.sh"
prog=$top_builddir/chapters/09-initialization/initialization
name=initialization

echo "1..34"
good "^Usage: $name " --help
# The book's setup for its figure is the default.
good '^  --epochs=N .*(default: 60)$' --help
good '^  --batch-size=N .*(default: 10)$' --help
good '^  --eta=X .*(default: 0.1)$' --help
good '^  --sizes=LIST .*(default: 784,100,10)$' --help
good '(default: cross-entropy)$' --help
good '(default: l2)$' --help
good '^  --lambda=X .*(default: 5)$' --help
# (--help wraps this one's default onto a line of its own.)
good '[ (]validation)$' --help
good "^$name (nnc) " --version

bad --bogus
bad --eta=0
bad --eta=x
bad --epochs=0
bad --lambda=-1
bad --cost=log-likelihood
bad --regularization=l3
bad --eval=training
bad --sizes=784,100,9
bad --seed=-1
bad extra
bad --batch-size=2000 --train-size=1000
bad --data="$work/nowhere"
bad --data="$data" --log="$work/no/such/dir/log.tsv"
: >"$work/exists.tsv"
bad --data="$data" --log="$work/exists.tsv"
# Checked once the training images are counted: eta lambda / n >= 1
# (without MNIST, the missing data is the one line instead).
bad --data="$data" --train-size=100 --lambda=1000 --eta=1

needs_mnist "layer 1 saturated from the old start only" \
  "the new start ahead in epoch 0 by 500 images" \
  "the new start ahead in every epoch" \
  "the new start at 8800 or more after 3 epochs" \
  "a test accuracy line for each start" \
  "the log's header" "a log row per epoch, as printed" \
  "--force replaces the log"

args="--data $mnist --train-size 5000 --epochs 3 --seed 3"
"$prog" $args --log "$work/run.tsv" >"$work/run" 2>"$work/err"
status=$?
[ $status -eq 0 ] || { echo "# '$name $args' exited $status:";
  sed 's/^/# /' "$work/err" | tail -3; }

# "old: z has standard deviation 9.14; sigma'(z) < 0.01 for 59.8%"
sd_old=$(sed -n 's/^old: z has standard deviation \([0-9.]*\);.*/\1/p' \
  "$work/run")
sat_old=$(sed -n 's/^old: .* for \([0-9.]*\)%$/\1/p' "$work/run")
sd_new=$(sed -n 's/^new: z has standard deviation \([0-9.]*\);.*/\1/p' \
  "$work/run")
sat_new=$(sed -n 's/^new: .* for \([0-9.]*\)%$/\1/p' "$work/run")
awk -v a="$sd_old" -v b="$sat_old" -v c="$sd_new" -v d="$sat_new" \
  'BEGIN { exit !(a != "" && c != "" && a > 5 && b > 40 &&
                  c > 0.8 && c < 1.3 && d < 1) }'
check $? "layer 1 saturated from the old start only: sd ${sd_old:-?}, \
${sat_old:-?}% saturated (want > 5, > 40%); new sd ${sd_new:-?}, \
${sat_new:-?}% (want 0.8 to 1.3, < 1%)"

# "Epoch k: old N, new M"
sed -n 's/^Epoch \([0-9]*\): old \([0-9]*\), new \([0-9]*\)$/\1 \2 \3/p' \
  "$work/run" >"$work/epochs"
set -- $(sed -n '1p' "$work/epochs")
[ $# -eq 3 ] && [ $(($3 - $2)) -ge 500 ]
check $? "the new start ahead in epoch 0 by 500 images or more: old \
${2:-?}, new ${3:-?}"
awk 'END { exit !(NR == 3) } $3 <= $2 { exit 1 }' "$work/epochs"
check $? "the new start ahead in every epoch: \
$(tr '\n' ';' <"$work/epochs")"
set -- $(sed -n '3p' "$work/epochs")
[ $# -eq 3 ] && [ "$3" -ge 8800 ]
check $? "the new start at 8800 or more after 3 epochs: ${3:-?}"
grep -q '^Test accuracy: old [0-9]* / 10000, new [0-9]* / 10000$' \
  "$work/run"
check $? "a test accuracy line for each start: \
$(grep '^Test' "$work/run")"

printf 'epoch\t%s\t%s\n' old_start_validation_accuracy \
  new_start_validation_accuracy >"$work/header"
head -n 1 "$work/run.tsv" | cmp -s - "$work/header"
check $? "the log's header: $(head -n 1 "$work/run.tsv" | tr '\t' ' ')"
# Each row is the epoch and the two counts in per cent.
awk '{ printf "%d\t%.3f\t%.3f\n", $1, $2 / 100, $3 / 100 }' \
  "$work/epochs" >"$work/rows"
tail -n +2 "$work/run.tsv" | cmp -s - "$work/rows"
check $? "a log row per epoch, the printed counts in per cent"

"$prog" --data "$mnist" --train-size 100 --epochs 1 --force \
  --log "$work/run.tsv" >/dev/null 2>&1 &&
  [ "$(wc -l <"$work/run.tsv")" -eq 2 ]
check $? "--force replaces the log: $(wc -l <"$work/run.tsv") lines"
exit $fail
