/* program.c -- start-up, error reporting and timing for nnc programs.
 *
 * GSL's default error handler prints a message and calls abort(); a core
 * dump is a crash, so every program replaces it here.  An error GSL
 * reports through the handler (a wrong shape, an index out of range,
 * memory exhausted) is a bug or an impossible request: the program prints
 * one line and exits.  Where failure is expected, as when reading a
 * user's file, the code checks and reports before GSL is involved.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <gsl/gsl_errno.h>

#include "program.h"

#ifdef HAVE_OPENBLAS_SET_NUM_THREADS
void openblas_set_num_threads(int num_threads);
#endif

static const char *name = "nnc";

/* GSL calls this instead of abort()ing: one line, then exit. */
static void
gsl_handler(const char *reason, const char *file, int line, int gsl_errno)
{
  program_fatal("GSL error: %s (%s, %s:%d)",
                reason, gsl_strerror(gsl_errno), file, line);
}

void
program_init(const char *argv0)
{
  const char *slash = argv0 ? strrchr(argv0, '/') : NULL;

  if (argv0 && *argv0)
    name = slash ? slash + 1 : argv0;
  gsl_set_error_handler(gsl_handler);
#ifdef HAVE_OPENBLAS_SET_NUM_THREADS
  /* OpenBLAS starts one thread per core; for products as small as
   * 30 x 784 times 784 x 10 the threads cost more than they save. */
  if (getenv("OPENBLAS_NUM_THREADS") == NULL)
    openblas_set_num_threads(1);
#endif
}

const char *
program_name(void)
{
  return name;
}

void
program_fatal(const char *format, ...)
{
  va_list ap;

  fflush(stdout);
  fprintf(stderr, "%s: ", name);
  va_start(ap, format);
  vfprintf(stderr, format, ap);
  va_end(ap);
  fputc('\n', stderr);
  exit(EXIT_FAILURE);
}

void
program_warn(const char *format, ...)
{
  va_list ap;

  fflush(stdout);
  fprintf(stderr, "%s: warning: ", name);
  va_start(ap, format);
  vfprintf(stderr, format, ap);
  va_end(ap);
  fputc('\n', stderr);
}

void *
program_calloc(size_t n, size_t size)
{
  void *p = calloc(n ? n : 1, size ? size : 1);

  if (p == NULL)
    program_fatal("out of memory (%zu x %zu bytes)", n, size);
  return p;
}

double
program_seconds(void)
{
  struct timespec t;

  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double) t.tv_sec + 1e-9 * (double) t.tv_nsec;
}
