/* tap.h -- a small producer of TAP (the Test Anything Protocol) for the
 * tests, read by automake's tap-driver.sh.
 *
 * A test prints its plan with tap_plan(N), then one "ok N - what" or
 * "not ok N - what" line per check; a failed check adds "#" lines with
 * what it got and what it expected.  tap_done() returns the exit status:
 * 0 when every check passed, 1 otherwise, so a failure shows as FAIL and
 * as an ERROR exit.  A test that cannot run calls tap_skip_all().
 *
 * Header-only: each test is one .c file that includes it.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#ifndef NNC_TAP_H
#define NNC_TAP_H

#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

static int tap_count;    /* checks made so far */
static int tap_failed;   /* of which failed */

/* Announces N checks. */
static inline void
tap_plan(int n)
{
  printf("1..%d\n", n);
  fflush(stdout);
}

/* Announces that no check runs, and why; exits 0. */
static inline void
tap_skip_all(const char *reason)
{
  printf("1..0 # SKIP %s\n", reason);
  exit(EXIT_SUCCESS);
}

/* Reports one check: PASSED, described by the printf-style FORMAT.
 * Returns PASSED, so a caller can add diagnostics on failure. */
static inline bool
tap_ok(bool passed, const char *format, ...)
  __attribute__((format(printf, 2, 3)));

static inline bool
tap_ok(bool passed, const char *format, ...)
{
  va_list ap;

  tap_count++;
  if (!passed)
    tap_failed++;
  printf("%sok %d - ", passed ? "" : "not ", tap_count);
  va_start(ap, format);
  vprintf(format, ap);
  va_end(ap);
  putchar('\n');
  fflush(stdout);
  return passed;
}

/* Prints a "# " diagnostic line. */
static inline void
tap_diag(const char *format, ...) __attribute__((format(printf, 1, 2)));

static inline void
tap_diag(const char *format, ...)
{
  va_list ap;

  fputs("# ", stdout);
  va_start(ap, format);
  vprintf(format, ap);
  va_end(ap);
  putchar('\n');
}

/* Checks |GOT - WANT| <= TOL (absolute), naming the quantity WHAT; on
 * failure prints both values to 17 digits.  A NaN never passes. */
static inline bool
tap_close(double got, double want, double tol, const char *what)
{
  bool passed = fabs(got - want) <= tol;

  if (!tap_ok(passed, "%s = %.10g (want %.10g, tolerance %g)",
              what, got, want, tol))
    tap_diag("got %.17g, expected %.17g", got, want);
  return passed;
}

/* Checks that the integers GOT and WANT are equal. */
static inline bool
tap_equal(long got, long want, const char *what)
{
  if (!tap_ok(got == want, "%s = %ld (want %ld)", what, got, want)) {
    tap_diag("got %ld, expected %ld", got, want);
    return false;
  }
  return true;
}

/* The exit status: 0 if every check passed, else 1. */
static inline int
tap_done(void)
{
  return tap_failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

#endif /* NNC_TAP_H */
