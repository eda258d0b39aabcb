/* program.h -- what every nnc program does first, and how it fails.
 *
 * program_init() names the program for messages, replaces GSL's
 * aborting error handler with one that prints a single line and exits,
 * and sets the number of BLAS threads.  program_fatal() is the one way
 * a program reports an error it cannot recover from.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#ifndef NNC_PROGRAM_H
#define NNC_PROGRAM_H

#include <stddef.h>

/* Remembers the base name of ARGV0 for messages, installs the GSL error
 * handler, has the program fail at exit if its stdout could not all be
 * written ("write error: No space left on device"), and, unless
 * OPENBLAS_NUM_THREADS is set, runs OpenBLAS on one thread (faster for
 * the small products of these networks). */
void program_init(const char *argv0);

/* The name given to program_init(), or "nnc" before it is called. */
const char *program_name(void);

/* Prints "program: MESSAGE" and a newline to stderr, then exits with
 * EXIT_FAILURE.  FORMAT is printf-style; a control character in the
 * message, such as a newline in a file name, is printed as '?'. */
void program_fatal(const char *format, ...)
  __attribute__((noreturn, format(printf, 1, 2)));

/* Prints "program: warning: MESSAGE" to stderr and returns. */
void program_warn(const char *format, ...)
  __attribute__((format(printf, 1, 2)));

/* calloc() that exits through program_fatal() when memory runs out.
 * Returns zeroed memory for N objects of SIZE bytes. */
void *program_calloc(size_t n, size_t size);

/* Seconds on a monotonic clock, for timing epochs. */
double program_seconds(void);

#endif /* NNC_PROGRAM_H */
