#!/bin/sh
# test-01-program.sh -- chapter 1's program: --help and --version
# succeed on stdout; a bad option or a stray argument fails with one
# line on stderr that names the program.

: "${top_builddir:=.}"
prog=$top_builddir/chapters/01-sigmoid-neuron/sigmoid-neuron
name=sigmoid-neuron
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT

n=0
fail=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; fail=1; }

# Runs the program with "$@"; it passes when the exit status is 0, the
# output has a line starting with "Usage:" (for --help) or naming the
# program (for --version), and stderr is empty.
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

# Runs the program with "$@"; it passes when the exit status is not 0,
# stdout is empty, and stderr is exactly one line "name: ...".
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

echo "1..6"
good '^Usage: ' --help
good "^$name (nnc) " --version
bad --bogus
bad -x
bad --help=yes
bad 3
exit $fail
