#!/bin/sh
# test-02-program.sh -- chapter 2's program: --help and --version
# succeed; bad options, values and data directories fail with one line
# on stderr that names the program; with MNIST, a seed gives the same
# output twice, another seed another output, and the untrained network
# reads right about as many test images as guessing would (1 in 10).

: "${top_srcdir:=.}" "${top_builddir:=.}"
prog=$top_builddir/chapters/02-feedforward/feedforward
name=feedforward
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT

mnist=
for dir in "$top_builddir/data/mnist" "$top_srcdir/data/mnist"; do
  if [ -f "$dir/t10k-labels-idx1-ubyte" ]; then mnist=$dir; break; fi
done

n=0
fail=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; fail=1; }
skip() {
  n=$((n + 1)); echo "ok $n - $1 # SKIP MNIST not found; run make data"
}

# Passes when "$@" exits 0 with a line matching WANT on stdout and
# nothing on stderr.
good() {
  want=$1; shift
  if "$prog" "$@" >"$work/out" 2>"$work/err" &&
     grep -q "$want" "$work/out" && [ ! -s "$work/err" ]; then
    ok "$name $* exits 0 with '$want' on stdout"
  else
    not_ok "$name $* exits 0 with '$want' on stdout"
    sed 's/^/# /' "$work/out" "$work/err" | head -5
  fi
}

# Passes when "$@" exits non-zero with nothing on stdout and exactly one
# line "name: ..." on stderr.
bad() {
  "$prog" "$@" >"$work/out" 2>"$work/err"
  status=$?
  lines=$(wc -l <"$work/err")
  if [ "$status" -ne 0 ] && [ ! -s "$work/out" ] && [ "$lines" -eq 1 ] &&
     grep -q "^$name: " "$work/err"; then
    ok "$name $* fails (status $status): $(cat "$work/err")"
  else
    not_ok "$name $* fails with one line on stderr"
    echo "# status $status, $lines stderr lines:"
    sed 's/^/# /' "$work/err" | head -5
  fi
}

echo "1..12"
good '^Usage: ' --help
good "^$name (nnc) " --version
bad --bogus
bad --seed=abc
bad --seed=-1
bad --sizes=784,30,9
bad --sizes=784,,10
bad --data="$work/nowhere"

if [ -z "$mnist" ]; then
  for what in "seed 1 twice gives the same output" \
              "seed 2 gives another output" \
              "the answers add up to the 10000 test images" \
              "500 to 2000 of 10000 read right by chance"; do
    skip "$what"
  done
  exit $fail
fi

"$prog" --data "$mnist" >"$work/1a" 2>"$work/err" &&
"$prog" --data "$mnist" --seed 1 >"$work/1b" 2>>"$work/err" &&
"$prog" --data "$mnist" --seed 2 >"$work/2" 2>>"$work/err" ||
  { echo "Bail out! $name fails on $mnist: $(head -1 "$work/err")"; exit 1; }

if cmp -s "$work/1a" "$work/1b"; then
  ok "seed 1 (the default) twice gives the same output"
else
  not_ok "seed 1 (the default) twice gives the same output"
fi
if cmp -s "$work/1a" "$work/2"; then
  not_ok "seed 2 gives another output than seed 1"
else
  ok "seed 2 gives another output than seed 1"
fi

# "Answers given, by digit: n0 ... n9" sums to the test set's size.
sum=$(awk '/^Answers given/ { for (i = 5; i <= NF; i++) s += $i; print s }' \
  "$work/1a")
if [ "$sum" = 10000 ]; then
  ok "the answers per digit add up to the 10000 test images"
else
  not_ok "the answers per digit add up to the 10000 test images (got $sum)"
fi

# An untrained network reads right about 1 in 10, by chance.
right=$(awk '/^Test images read right:/ { print $5 }' "$work/1a")
if [ -n "$right" ] && [ "$right" -ge 500 ] && [ "$right" -le 2000 ]; then
  ok "seed 1 reads $right of 10000 right: from 500 to 2000, chance level"
else
  not_ok "seed 1 reads '$right' of 10000 right: not from 500 to 2000"
fi
exit $fail
