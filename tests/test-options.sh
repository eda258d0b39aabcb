#!/bin/sh
# test-options.sh -- chapter 5's program refuses bad command lines.
#
# Each bad command line must end the program with a non-zero status,
# nothing on stdout, and exactly one line on stderr in GNU form,
# "sgd: subject: problem", that says what is wrong.  --help and
# --version must print to stdout and exit 0.  The options are parsed by
# src/options.c, shared by every chapter program.  One check needs MNIST
# and is skipped without it.
#
# Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT

: "${top_srcdir:=.}" "${top_builddir:=.}"
. "$top_srcdir/tests/lib.sh"
sgd=$top_builddir/chapters/05-sgd/sgd
nowhere=$work/no-such-directory

echo "1..23"

# This test's bad and good, stricter than those of tests/lib.sh, stand
# in for them: the status must be 1, and each result says WHAT it tries.

# bad WHAT WANT ARG...: runs sgd with ARG... and checks that it fails
# with one stderr line "sgd: ..." containing the fixed string WANT.
bad() {
  what=$1 want=$2
  shift 2
  "$sgd" "$@" >"$work/out" 2>"$work/err" </dev/null
  status=$?
  lines=$(wc -l <"$work/err")
  line=$(head -n 1 "$work/err")
  case $line in
    "sgd: "*) form=yes ;;
    *) form=no ;;
  esac
  if [ "$status" -eq 1 ] && [ ! -s "$work/out" ] && [ "$lines" -eq 1 ] &&
     [ "$form" = yes ] && grep -q -F -e "$want" "$work/err"; then
    ok "$what: $line"
  else
    not_ok "$what"
    echo "# command: sgd $*"
    echo "# exit status $status (want 1), $lines stderr lines (want 1)"
    echo "# want a line 'sgd: ...' containing: $want"
    sed 's/^/# stdout: /' "$work/out" | head -n 3
    sed 's/^/# stderr: /' "$work/err" | head -n 5
  fi
}

# good WHAT WANT ARG...: runs sgd with ARG... and checks that it exits 0
# with nothing on stderr and a first stdout line starting with WANT.
good() {
  what=$1 want=$2
  shift 2
  "$sgd" "$@" >"$work/out" 2>"$work/err" </dev/null
  status=$?
  first=$(head -n 1 "$work/out")
  case $first in
    "$want"*) start=yes ;;
    *) start=no ;;
  esac
  if [ "$status" -eq 0 ] && [ ! -s "$work/err" ] && [ "$start" = yes ]; then
    ok "$what: $first"
  else
    not_ok "$what"
    echo "# exit status $status (want 0); want stdout to start '$want'"
    sed 's/^/# stdout: /' "$work/out" | head -n 3
    sed 's/^/# stderr: /' "$work/err" | head -n 5
  fi
}

# Every bad command line names a missing data directory first, so that
# one the parser wrongly accepted fails fast instead of training.
bad "a word for a count" "--epochs: 'ten' is not a whole number" \
  --data "$nowhere" --epochs ten
bad "a count with a unit" "--epochs: '3x' is not a whole number" \
  --data "$nowhere" --epochs 3x
bad "a word for the learning rate" "--eta: 'fast' is not a number" \
  --data "$nowhere" --eta fast
bad "a negative count" "--batch-size: '-10' is not a whole number" \
  --data "$nowhere" --batch-size -10
bad "a negative learning rate" "--eta: '-3' is out of range" \
  --data "$nowhere" --eta -3
bad "zero epochs" "--epochs: '0' is out of range (1 to 100000)" \
  --data "$nowhere" --epochs 0
bad "more training images than there are" \
  "--train-size: '50001' is out of range (1 to 50000)" \
  --data "$nowhere" --train-size 50001
bad "a count past 64 bits" \
  "--seed: '99999999999999999999999' is out of range" \
  --data "$nowhere" --seed 99999999999999999999999
bad "an infinite learning rate" "--eta: 'inf' is out of range" \
  --data "$nowhere" --eta inf
bad "empty --sizes" "--sizes: '' is not a list like 784,30,10" \
  --data "$nowhere" --sizes ""
bad "--sizes with a trailing comma" \
  "--sizes: '784,30,' is not a list like 784,30,10" \
  --data "$nowhere" --sizes 784,30,
bad "--sizes with an empty layer" \
  "--sizes: '784,,10' is not a list like 784,30,10" \
  --data "$nowhere" --sizes 784,,10
bad "--sizes of one layer" "--sizes: '784' needs at least two layers" \
  --data "$nowhere" --sizes 784
bad "--sizes with the wrong input size" \
  "--sizes: the input layer must have 784 neurons" \
  --data "$nowhere" --sizes 100,30,10
bad "--sizes with the wrong output size" \
  "--sizes: the output layer must have 10 neurons" \
  --data "$nowhere" --sizes 784,30,9
bad "an unknown option" "unknown option '--learning-rate'" \
  --data "$nowhere" --learning-rate 3
bad "a value for --help" "option '--help' takes no value" \
  --data "$nowhere" --help=all
bad "an option without its value" "option '--epochs' needs a value" \
  --data "$nowhere" --epochs
bad "a stray argument" "unexpected argument 'mnist'" \
  --data "$nowhere" mnist
bad "a missing data directory" \
  "no-such-directory: MNIST directory not found; run 'make data'" \
  --data "$nowhere"

if [ -n "$mnist" ]; then
  bad "a mini-batch larger than the training set" \
    "--batch-size: 10 is larger than the 5 training images" \
    --data "$mnist" --train-size 5 --batch-size 10
else
  skip "a mini-batch larger than the training set"
fi

good "--help" "Usage: sgd [OPTION]..." --help
good "--version" "sgd (nnc) " --version

exit $fail
