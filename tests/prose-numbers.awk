# prose-numbers.awk -- the numbers a text states in its prose that no
# quoted program output holds.
#
# Usage: awk -f prose-numbers.awk TEXT... TARGET, as tests/quoted-output.sh
# runs it.  Every file given adds the numbers of its quotes (the fenced
# block right after a comment line such as "<!-- output of: ... -->");
# the prose of TARGET, the last file, is what lies outside fenced and
# indented blocks, comments, code spans and math.  Two kinds of number
# in that prose are results that a program prints, and each must be
# backed by a quote:
#
#   - a count of 4 or 5 digits (9542, 48487) that is not a round
#     thousand (10,000 and 5000 are sizes, not results) must be a
#     number of a quote;
#   - a percentage with two decimals (95.42%) must be a quoted count
#     out of 1000, 10000 or 50000, unless "book reports" comes just
#     before it: the book's figures are not ours to print.
#
# Prints "LINE: NUMBER" for each number that is not backed.
#
# Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT

BEGIN {
  target = ARGV[ARGC - 1]
  split("1000 10000 50000", out_of, " ")
}

FNR == 1 {
  state = "prose"; marker = 0; math = 0
  in_target = FILENAME == target && !target_read++
}

# A fenced block: a quote when a comment line comes right before it.
/^```/ {
  if (state == "prose") state = marker ? "quote" : "code"
  else state = "prose"
  marker = 0
  next
}
state == "quote" {
  line = $0
  while (match(line, /[0-9]+(\.[0-9]+)?/)) {
    quoted[substr(line, RSTART, RLENGTH) + 0] = 1
    line = substr(line, RSTART + RLENGTH)
  }
  next
}
state == "code" { next }
{ marker = /^<!--/ }
!in_target || marker { next }

# Display math: from a line with an odd number of "$$" to the next.
/\$\$/ { if (gsub(/\$\$/, "&") % 2) math = !math; next }
math || /^    / { next }

# The prose: each number kept with its line, checked once all quotes
# are known.
{
  line = $0
  gsub(/`[^`]*`/, "", line)
  gsub(/\$[^$]*\$/, "", line)
  rest = line
  while (match(rest, /[0-9][0-9,.]*%?/)) {
    before = substr(line, 1, length(line) - length(rest)) \
      substr(rest, 1, RSTART - 1)
    token = substr(rest, RSTART, RLENGTH)
    rest = substr(rest, RSTART + RLENGTH)
    sub(/[,.]+$/, "", token)
    if (before ~ /[A-Za-z_^-]$/ || before ~ /book reports *$/)
      continue
    if (token ~ /^[0-9]+\.[0-9][0-9]%$/ \
        || token ~ /^[0-9][0-9]?,?[0-9][0-9][0-9]$/)
      found[++n] = FNR ": " token
  }
}

# Whether the percentage P ("95.42") is a quoted count out of 1000,
# 10000 or 50000.
function backed_percent(p,    q, i) {
  for (q in quoted)
    for (i = 1; i <= 3; i++)
      if (q == int(q) && sprintf("%.2f", 100 * q / out_of[i]) == p)
        return 1
  return 0
}

END {
  for (i = 1; i <= n; i++) {
    token = found[i]
    sub(/^[0-9]+: /, "", token)
    if (token ~ /%$/) {
      if (!backed_percent(substr(token, 1, length(token) - 1)))
        print found[i]
    } else {
      gsub(/,/, "", token)
      if (token % 1000 != 0 && !((token + 0) in quoted))
        print found[i]
    }
  }
}
