#!/bin/sh
# test-05-program.sh -- chapter 5's program, without MNIST: --help
# shows the book's defaults, --version succeeds, and bad options, bad
# values, a mini-batch larger than the training set and a missing data
# directory each fail with one line on stderr.
#
# Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT

: "${top_builddir:=.}"
prog=$top_builddir/chapters/05-sgd/sgd
name=sgd
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT

n=0
fail=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $*"; fail=1; }

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

echo "1..21"
good '^Usage: sgd ' --help
# The book's network and hyper-parameters are the defaults.
good '^  --epochs=N .*(default: 30)$' --help
good '^  --batch-size=N .*(default: 10)$' --help
good '^  --eta=X .*(default: 3)$' --help
good '^  --sizes=LIST .*(default: 784,30,10)$' --help
good '^  --train-size=N .*(default: 50000)$' --help
good "^$name (nnc) " --version

bad --bogus
bad --eta=abc
bad --eta=0
bad --eta=-1
bad --eta=inf
bad --epochs=0
bad --batch-size=0
bad --train-size=50001
bad --sizes=784,30,9
bad --sizes=785,30,10
bad --seed=x
bad extra
bad --batch-size=2000 --train-size=1000
bad --data="$work/nowhere"
exit $fail
