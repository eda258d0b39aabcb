#!/bin/sh
# test-04-program.sh -- chapter 4's program: --help and --version
# succeed; bad options and values fail with one line on stderr; a seed
# gives the same output twice and another seed another output; for
# several seeds the difference between backprop and central differences
# falls at least 30-fold when h falls 10-fold, as an h^2 error does; and
# central differences need two forward passes per parameter.
#
# Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT

: "${top_srcdir:=.}" "${top_builddir:=.}"
. "$top_srcdir/tests/lib.sh"
prog=$top_builddir/chapters/04-backprop/backprop
name=backprop

# The table's rows: "  dC/dw^1   8 x 784     1.1e-03   1.1e-05" and
# "  dC/db^1   8           7.1e-04   7.1e-06"; the last two fields are
# the errors at h = 0.1 and h = 0.01.
rows() {
  grep '^  dC/d[wb]^' "$1" | awk '{ print $(NF - 1), $NF }'
}

echo "1..15"
good '^Usage: ' --help
good "^$name (nnc) " --version
bad --bogus
bad --seed=abc
bad --seed=-1
bad --epochs=3
bad extra

"$prog" >"$work/1a" 2>"$work/err1" &&
"$prog" --seed 1 >"$work/1b" 2>/dev/null &&
"$prog" --seed 2 >"$work/2" 2>/dev/null ||
  { echo "Bail out! $name fails: $(head -1 "$work/err1")"; exit 1; }

cmp -s "$work/1a" "$work/1b"
check $? "the default seed and --seed 1 give the same output"
! cmp -s "$work/1a" "$work/2"
check $? "--seed 2 gives another output"

lines=$(wc -l <"$work/err1")
if [ "$lines" -eq 1 ] &&
   grep -q "^$name: one gradient took .* times as long)\$" "$work/err1"
then
  ok "the timings are one line on stderr: $(cat "$work/err1")"
else
  not_ok "the timings are one line on stderr"
  sed 's/^/# /' "$work/err1" | head -5
fi

# Every row, for seeds 1 to 4: the error at h = 0.01 is below 1e-2 and
# at most 1/30 of the error at h = 0.1.
for seed in 1 2 3 4; do
  "$prog" --seed $seed >"$work/out" 2>/dev/null
  rows "$work/out" >"$work/rows"
  count=$(wc -l <"$work/rows")
  if [ "$count" -eq 6 ] &&
     awk '{ if (!($2 < 1e-2 && $1 >= 30 * $2)) exit 1 }' "$work/rows"
  then
    ok "seed $seed: in all 6 rows the error falls from h = 0.1 to" \
       "h = 0.01 at least 30-fold, to below 1e-2"
  else
    not_ok "seed $seed: in all 6 rows the error falls at least 30-fold"
    sed 's/^/# /' "$work/rows"
  fi
done

# "network 784,30,10, 23860 weights and biases" and "47720 forward
# passes": two per parameter, and 23860 = 784*30 + 30 + 30*10 + 10.
params=$(sed -n 's/^One gradient .*, \([0-9]*\) weights and biases:$/\1/p' \
  "$work/1a")
passes=$(sed -n 's/^  central differences: \([0-9]*\) forward passes.*/\1/p' \
  "$work/1a")
if [ "$params" = $((784 * 30 + 30 + 30 * 10 + 10)) ] &&
   [ "$passes" = $((2 * params)) ]; then
  ok "784,30,10 has $params parameters; central differences need" \
     "$passes forward passes, two per parameter"
else
  not_ok "the count of parameters and forward passes"
  echo "# got '$params' parameters and '$passes' passes"
fi
exit $fail
