#!/bin/sh
# plot.sh -- the figures of the texts, from the runs that make them
# ('make plots').
#
# Usage: plot.sh GNUPLOT DATA SRCDIR NAME...
#
# For each NAME, such as doc/figures/08-overfitting, SRCDIR/NAME.run
# holds a title on its first line, after '#', and on its first line
# that is not a comment a chapter program's command line, with the
# options that make it measure after each epoch (--monitor).  plot.sh
# runs that command from the current directory, the build tree, with
# --data DATA --log NAME.tsv --force (its stderr going to NAME.err),
# then draws the log with GNUPLOT
# into SRCDIR/NAME.svg, where the texts show it: cost against epoch on
# the left (log scale), accuracy against epoch on the right, each with
# every curve the log has (training data, evaluation data).
#
# Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT

if [ $# -lt 4 ]; then
  echo "usage: $0 GNUPLOT DATA SRCDIR NAME..." >&2
  exit 2
fi
gnuplot=$1 data=$2 src=$3
shift 3
tab=$(printf '\t')

# draw LOG SVG TITLE: the figure of one log.
draw() {
  log=$1 svg=$2 title=$3
  costs= accuracies= i=1
  # One "plot" clause per column after the epoch, by the column's name:
  # "test_cost" is drawn as "test cost" in the cost panel.
  for column in $(head -n 1 "$log" | tr "$tab" ' '); do
    if [ $i -gt 1 ]; then
      clause="'$log' using 1:$i with lines lw 1.5 title '$(echo "$column" |
        tr _ ' ')'"
      case $column in
        *_cost) costs="${costs:+$costs, }$clause" ;;
        *_accuracy) accuracies="${accuracies:+$accuracies, }$clause" ;;
      esac
    fi
    i=$((i + 1))
  done
  {
    echo "set terminal svg size 900,380 font 'sans,11' background 'white'"
    echo "set output '$svg'"
    echo "set datafile separator tab"
    echo "set key noenhanced"
    echo "set grid"
    echo "set xlabel 'epoch'"
    panels=1
    [ -n "$costs" ] && [ -n "$accuracies" ] && panels=2
    echo "set multiplot layout 1,$panels title '$title' noenhanced"
    if [ -n "$costs" ]; then
      echo "set title 'cost'"
      echo "set logscale y"
      echo "plot $costs"
      echo "unset logscale y"
    fi
    if [ -n "$accuracies" ]; then
      echo "set title 'accuracy (%)'"
      echo "set key bottom right"
      echo "plot $accuracies"
    fi
    echo "unset multiplot"
  } | "$gnuplot"
}

for name in "$@"; do
  spec=$src/$name.run
  if [ ! -f "$spec" ]; then
    echo "$0: $spec: no such file" >&2
    exit 1
  fi
  title=$(sed -n '1s/^# *//p' "$spec")
  command=$(grep -v -e '^#' -e '^ *$' "$spec" | head -n 1)
  mkdir -p "$(dirname "$name")" || exit 1
  echo "$command > $name.tsv"
  # The command is split into words by the shell, as written; its
  # timings on stderr go to NAME.err, shown if it fails.
  if ! $command --data "$data" --log "$name.tsv" --force >/dev/null \
       2>"$name.err"; then
    tail -n 1 "$name.err" >&2
    exit 1
  fi
  draw "$name.tsv" "$src/$name.svg" "$title" || exit 1
  echo "  wrote $src/$name.svg"
done
