#!/bin/sh
# test-05-program.sh -- chapter 5's program, without MNIST: --help
# shows the book's defaults, --version succeeds, and bad options, bad
# values, a mini-batch larger than the training set and a missing data
# directory each fail with one line on stderr.
#
# Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT

: "${top_srcdir:=.}" "${top_builddir:=.}"
. "$top_srcdir/tests/lib.sh"
prog=$top_builddir/chapters/05-sgd/sgd
name=sgd

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
