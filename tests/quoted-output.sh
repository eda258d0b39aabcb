#!/bin/sh
# quoted-output.sh -- every program output quoted in a text is what the
# program prints now.
#
# A text quotes output as a fenced block right after a comment line
#
#   <!-- output of: chapters/01-sigmoid-neuron/sigmoid-neuron -->
#   <!-- output of (needs MNIST): chapters/05-sgd/sgd | tail -n 3 -->
#
# This test runs each such command with sh from a directory where
# chapters/ is the build tree's and data/mnist the MNIST files, and
# compares its stdout with the block, line for line.  Commands that need
# MNIST are skipped when it is absent.  Usage: quoted-output.sh [FILE...];
# by default, README.md and every chapters/*/README.md.  'make check'
# runs it once for each text, so that each text passes or fails as a
# test of its own.  Last, the prose of each text is checked against
# the quotes: the counts and percentages it states must be printed
# ones (tests/prose-numbers.awk).
#
# The quotes were recorded with OpenBLAS.  Another CBLAS adds the same
# products in another order, and the rounding can move a trained
# network's counts a little; when the programs are linked with another
# CBLAS, a quote that is not matched exactly may still pass if every
# line has the same words and each number is within 3% of the quote.
#
# Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT

: "${top_srcdir:=.}" "${top_builddir:=.}"
. "$top_srcdir/tests/lib.sh"
src=$(cd "$top_srcdir" && pwd) || exit 1
build=$(cd "$top_builddir" && pwd) || exit 1

if [ $# -eq 0 ]; then
  set -- "$src/README.md" "$src"/chapters/*/README.md
fi

ln -s "$build/chapters" "$work/chapters"
mkdir "$work/data"
[ -n "$mnist" ] && ln -s "$(cd "$mnist" && pwd)" "$work/data/mnist"

# Splits each text into numbered pairs: N.cmd (the marker's command,
# with "M " in front when it needs MNIST) and N.want (the block).
awk -v out="$work/q" '
  FNR == 1 { state = 0 }
  state == 0 && /^<!-- output of( \(needs MNIST\))?: .* -->$/ {
    n++; cmd = $0
    sub(/^<!-- output of/, "", cmd); sub(/ -->$/, "", cmd)
    mnist = (cmd ~ /^ \(needs MNIST\)/)
    sub(/^( \(needs MNIST\))?: /, "", cmd)
    printf "%s%s\n", (mnist ? "M " : "- "), cmd > (out "." n ".cmd")
    printf "%s\n", FILENAME > (out "." n ".file")
    close(out "." n ".cmd"); close(out "." n ".file")
    state = 1; next
  }
  state == 1 && /^```/ { state = 2; printf "" > (out "." n ".want"); next }
  state == 1 { state = 0; next }
  state == 2 && /^```/ { close(out "." n ".want"); state = 0; next }
  state == 2 { print > (out "." n ".want") }
' "$@"

# The CBLAS the programs are linked with, from any program's --version.
cblas=$("$build/chapters/01-sigmoid-neuron/sigmoid-neuron" --version |
        sed -n 's/^CBLAS: //p')

# Whether the files $1 and $2 have the same words, and numbers that
# differ by at most 3%.
close_enough() {
  awk 'NR == FNR { want[FNR] = $0; n = FNR; next }
    { got[FNR] = $0; m = FNR }
    END {
      if (n != m) exit 1
      for (i = 1; i <= n; i++) {
        a = want[i]; b = got[i]
        while (a != "" || b != "") {
          if (match(a, /^[-+]?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?/)) {
            x = substr(a, 1, RLENGTH) + 0; a = substr(a, RLENGTH + 1)
            if (!match(b, /^[-+]?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?/))
              exit 1
            y = substr(b, 1, RLENGTH) + 0; b = substr(b, RLENGTH + 1)
            d = x - y; if (d < 0) d = -d
            s = x < 0 ? -x : x
            if (d > 0.03 * s && d > 1e-12) exit 1
          } else if (substr(a, 1, 1) == substr(b, 1, 1)) {
            a = substr(a, 2); b = substr(b, 2)
          } else exit 1
        }
      }
    }' "$1" "$2"
}

# Runs the command $1 in $work.  A command "chapters/... ARGS | FILTER"
# runs the program once per ARGS: a second quote of the same run, such
# as its last lines, reads the saved output through its own FILTER.
run() {
  case $1 in
    *';'*|*'&'*) (cd "$work" && sh -c "$1"); return ;;
    'chapters/'*' | '*)
      prog=${1%% | *}
      filter=${1#* | } ;;
    'chapters/'*)
      prog=$1
      filter=cat ;;
    *) (cd "$work" && sh -c "$1"); return ;;
  esac
  key=$(printf '%s' "$prog" | cksum | tr ' ' _)
  if [ ! -f "$work/run.$key.status" ]; then
    (cd "$work" && sh -c "$prog") >"$work/run.$key.out" \
      2>"$work/run.$key.err"
    echo $? >"$work/run.$key.status"
  fi
  cat "$work/run.$key.err" >&2
  (cd "$work" && sh -c "$filter") <"$work/run.$key.out" || return
  return "$(cat "$work/run.$key.status")"
}

count=$(ls "$work" | grep -c '\.cmd$')
echo "1..$((count + $#))"
i=1
while [ "$i" -le "$count" ]; do
  line=$(cat "$work/q.$i.cmd")
  cmd=${line#??}
  file=$(cat "$work/q.$i.file")
  # The text's name from the top of the source tree, however given.
  file=$(cd "$(dirname "$file")" && pwd)/$(basename "$file")
  file=${file#"$src/"}
  if [ ! -f "$work/q.$i.want" ]; then
    not_ok "$file: no fenced block after the marker of '$cmd'"
  elif [ "${line%% *}" = M ] && [ -z "$mnist" ]; then
    skip "$file: '$cmd'"
  elif run "$cmd" >"$work/got" 2>"$work/err" &&
       cmp -s "$work/got" "$work/q.$i.want"; then
    ok "$file: '$cmd' prints the quoted output"
  elif [ "$cblas" != openblas ] && [ -s "$work/got" ] &&
       close_enough "$work/q.$i.want" "$work/got"; then
    ok "$file: '$cmd' prints the quoted output, numbers" \
       "within 3% (quoted with OpenBLAS, run with $cblas)"
  else
    not_ok "$file: '$cmd' does not print the quoted output"
    diff "$work/q.$i.want" "$work/got" | sed 's/^/# /' | head -20
    sed 's/^/# stderr: /' "$work/err" | tail -3
  fi
  i=$((i + 1))
done

# And each text's prose: a count or a percentage it states must be one
# that a quote holds (tests/prose-numbers.awk says which are checked).
for text in "$@"; do
  name=$(cd "$(dirname "$text")" && pwd)/$(basename "$text")
  name=${name#"$src/"}
  awk -f "$src/tests/prose-numbers.awk" "$src/README.md" \
    "$src"/chapters/*/README.md "$text" >"$work/unbacked"
  if [ -s "$work/unbacked" ]; then
    not_ok "$name: the prose states numbers that no quote prints"
    sed 's/^/# line /' "$work/unbacked"
  else
    ok "$name: every count and percentage of its prose is in a quote"
  fi
done
exit $fail
