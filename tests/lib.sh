# lib.sh -- the helpers the shell tests share, in one place.
#
# Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
#
# A test sources it once top_srcdir and top_builddir are set:
#
#   : "${top_srcdir:=.}" "${top_builddir:=.}"
#   . "$top_srcdir/tests/lib.sh"
#
# which finds MNIST, makes a scratch directory (mnist, data and work,
# below) and sets n and fail to 0.  The helpers print TAP results: n
# counts them, and fail becomes 1 with the first "not ok", so that the
# test ends with 'exit $fail'.  good and bad run the program $prog,
# which starts its messages with "$name: ".

# mnist: the build tree's or else the source tree's data/mnist, the
# first that holds MNIST; empty when neither does.
mnist=
for dir in "$top_builddir/data/mnist" "$top_srcdir/data/mnist"; do
  if [ -f "$dir/t10k-labels-idx1-ubyte" ]; then mnist=$dir; break; fi
done

# work: a scratch directory, removed when the test exits.  data: MNIST
# when there is one, else a directory that does not exist.
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT
data=${mnist:-$work/nowhere}

n=0
fail=0

# ok DESCRIPTION...: prints the next result, a pass.
ok() { n=$((n + 1)); echo "ok $n - $*"; }

# not_ok DESCRIPTION...: prints the next result, a failure, and makes
# the test fail.
not_ok() { n=$((n + 1)); echo "not ok $n - $*"; fail=1; }

# skip DESCRIPTION...: prints the next result, skipped for want of MNIST.
skip() {
  n=$((n + 1)); echo "ok $n - $* # SKIP MNIST not found; run make data"
}

# check STATUS DESCRIPTION...: ok when STATUS (say $?) is 0, else not_ok.
check() {
  if [ "$1" -eq 0 ]; then shift; ok "$@"; else shift; not_ok "$@"; fi
}

# needs_mnist DESCRIPTION...: without MNIST, skips one check for each
# DESCRIPTION and ends the test; with it, does nothing.
needs_mnist() {
  [ -n "$mnist" ] && return 0
  for what in "$@"; do skip "$what"; done
  exit $fail
}

# skip_all REASON...: plans no checks, giving REASON, and ends the test.
skip_all() { echo "1..0 # SKIP $*"; exit 0; }

# good WANT ARG...: ok when "$prog" ARG... exits 0 with a line matching
# the regular expression WANT on stdout and nothing on stderr.
good() {
  want=$1; shift
  "$prog" "$@" >"$work/out" 2>"$work/err"
  status=$?
  if [ "$status" -eq 0 ] && grep -q -e "$want" "$work/out" &&
     [ ! -s "$work/err" ]; then
    ok "$name $* exits 0 with '$want' on stdout"
  else
    not_ok "$name $* exits 0 with '$want' on stdout"
    echo "# status $status; stdout and stderr:"
    sed 's/^/# /' "$work/out" "$work/err" | head -5
  fi
}

# bad ARG...: ok when "$prog" ARG... exits non-zero with nothing on
# stdout and one line "$name: ..." on stderr.  When bad_data is set,
# --data=$bad_data comes first, left out of the result's description.
bad() { bad_with '' "$@"; }

# bad_with WANT ARG...: the same as bad, and the line on stderr must
# contain the string WANT (any line does when WANT is empty).
bad_with() {
  want=$1; shift
  "$prog" ${bad_data:+--data="$bad_data"} "$@" >"$work/out" 2>"$work/err"
  status=$?
  lines=$(wc -l <"$work/err")
  if [ "$status" -ne 0 ] && [ ! -s "$work/out" ] && [ "$lines" -eq 1 ] &&
     grep -q "^$name: " "$work/err" &&
     { [ -z "$want" ] || grep -q -F -e "$want" "$work/err"; }; then
    ok "$name $* fails (status $status): $(cat "$work/err")"
  else
    not_ok "$name $* fails with one line on stderr"
    [ -z "$want" ] || echo "# want a line '$name: ...' containing: $want"
    echo "# status $status, $lines stderr lines:"
    sed 's/^/# /' "$work/err" | head -5
  fi
}

# quoted_runs MARKER WHAT TEXT: has tests/quoted-output.sh check the
# output TEXT quotes after each line starting with MARKER (a comment
# that names a run of kind WHAT) as if that line were an "output of
# (needs MNIST)" marker, the other markers taken out; ends the test.
quoted_runs() {
  if ! grep -q "^$1" "$3"; then
    echo "1..1"
    not_ok "$3 quotes no $2"
    exit $fail
  fi
  awk -v marker="$1" '
    /^<!-- output of/ { next }
    index($0, marker) == 1 {
      $0 = "<!-- output of (needs MNIST): " substr($0, length(marker) + 1)
    }
    { print }
  ' "$3" >"$work/$(basename "$(dirname "$3")").md"
  sh "$top_srcdir/tests/quoted-output.sh" "$work"/*.md
  exit
}
