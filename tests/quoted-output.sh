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
# by default, README.md and every chapters/*/README.md.

: "${top_srcdir:=.}" "${top_builddir:=.}"
src=$(cd "$top_srcdir" && pwd) || exit 1
build=$(cd "$top_builddir" && pwd) || exit 1

if [ $# -eq 0 ]; then
  set -- "$src/README.md" "$src"/chapters/*/README.md
fi

mnist=
for dir in "$build/data/mnist" "$src/data/mnist"; do
  if [ -f "$dir/t10k-labels-idx1-ubyte" ]; then mnist=$dir; break; fi
done

work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT
ln -s "$build/chapters" "$work/chapters"
mkdir "$work/data"
[ -n "$mnist" ] && ln -s "$mnist" "$work/data/mnist"

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

count=$(ls "$work" | grep -c '\.cmd$')
echo "1..$count"
fail=0
i=1
while [ "$i" -le "$count" ]; do
  line=$(cat "$work/q.$i.cmd")
  cmd=${line#??}
  file=$(cat "$work/q.$i.file")
  file=${file#"$src/"}
  if [ ! -f "$work/q.$i.want" ]; then
    echo "not ok $i - $file: no fenced block after the marker of '$cmd'"
    fail=1
  elif [ "${line%% *}" = M ] && [ -z "$mnist" ]; then
    echo "ok $i - $file: '$cmd' # SKIP MNIST not found; run make data"
  elif (cd "$work" && sh -c "$cmd") >"$work/got" 2>"$work/err" &&
       cmp -s "$work/got" "$work/q.$i.want"; then
    echo "ok $i - $file: '$cmd' prints the quoted output"
  else
    echo "not ok $i - $file: '$cmd' does not print the quoted output"
    diff "$work/q.$i.want" "$work/got" | sed 's/^/# /' | head -20
    sed 's/^/# stderr: /' "$work/err" | tail -3
    fail=1
  fi
  i=$((i + 1))
done
exit $fail
