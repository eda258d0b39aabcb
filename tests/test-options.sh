#!/bin/sh
# test-options.sh -- chapter 5's program refuses bad command lines.
#
# Each bad command line must end the program with a non-zero status,
# nothing on stdout, and exactly one line on stderr in GNU form,
# "sgd: subject: problem", that says what is wrong.  --help and
# --version must print to stdout and exit 0.  The options are parsed by
# src/options.c, shared by every chapter program.  A newline typed in
# an argument must not break that line in two, and output that cannot
# be written (a full disk) must end in an error, not in exit status 0.
#
# Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT

: "${top_srcdir:=.}" "${top_builddir:=.}"
. "$top_srcdir/tests/lib.sh"
sgd=$top_builddir/chapters/05-sgd/sgd
nowhere=$work/no-such-directory

echo "1..26"

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

bad "a mini-batch larger than the training set" \
  "--batch-size: 10 is larger than the 5 training images of --train-size" \
  --data "$nowhere" --train-size 5 --batch-size 10

# A data set of MNIST's shape but only 10005 training images, blank
# and labelled 0: once the last 10000 are kept for validation, 5 are
# left for training.  be32 N: the 4 bytes of N, most significant first,
# as IDX headers store counts.
be32() {
  for shift in 24 16 8 0; do
    printf "\\$(printf %o $(($1 >> shift & 255)))"
  done
}
tiny=$work/tiny
mkdir "$tiny"
for set in train:10005 t10k:1; do
  prefix=${set%:*} count=${set#*:}
  { printf '\0\0\10\3'; be32 "$count"; be32 28; be32 28
    head -c $((count * 784)) /dev/zero; } >"$tiny/$prefix-images-idx3-ubyte"
  { printf '\0\0\10\1'; be32 "$count"
    head -c "$count" /dev/zero; } >"$tiny/$prefix-labels-idx1-ubyte"
done
bad "--train-size beyond the training images the data holds" \
  "--train-size: 6 is more than the 5 training images in $tiny" \
  --data "$tiny" --train-size 6 --batch-size 1

good "--help" "Usage: sgd [OPTION]..." --help
good "--version" "sgd (nnc) " --version

# A newline in what the user typed stays inside the one line.
bad "a data directory whose name holds a newline" \
  "a?b: MNIST directory not found" --data "$(printf 'a\nb')"

# Output that cannot be written is an error, not a silent exit 0.
if [ -c /dev/full ]; then
  "$sgd" --help >/dev/full 2>"$work/err"
  status=$?
  [ "$status" -eq 1 ] && [ "$(wc -l <"$work/err")" -eq 1 ] &&
    grep -q '^sgd: write error: ' "$work/err"
  check $? "--help onto a full disk fails (status $status):" \
    "$(head -n 1 "$work/err")"
else
  ok "--help onto a full disk fails # SKIP no /dev/full here"
fi

exit $fail
