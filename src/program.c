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

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

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

/* Run at exit: the results a program printed may still sit in stdout's
 * buffer, and writing them can fail (a full disk, a closed file).  A
 * program whose results were not all written must not exit 0. */
static void
close_stdout(void)
{
  bool failed = ferror(stdout) != 0;

  errno = 0;
  if (fclose(stdout) != 0 || failed) {
    fprintf(stderr, "%s: write error%s%s\n", name, errno ? ": " : "",
            errno ? strerror(errno) : "");
    _exit(EXIT_FAILURE);
  }
}

void
program_init(const char *argv0)
{
  const char *slash = argv0 ? strrchr(argv0, '/') : NULL;

  if (argv0 && *argv0)
    name = slash ? slash + 1 : argv0;
  gsl_set_error_handler(gsl_handler);
  atexit(close_stdout);
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

/* Prints "program: PREFIXmessage" as one line on stderr.  A message
 * may quote what the user typed, a file name or an option's value, and
 * that may hold a newline or a terminal's escape codes: each control
 * character is shown as '?', so that the message stays one line and
 * prints as text. */
static void
report(const char *prefix, const char *format, va_list ap)
{
  char line[8192];

  vsnprintf(line, sizeof line, format, ap);
  for (char *p = line; *p != '\0'; p++)
    if ((unsigned char) *p < ' ' || *p == '\177')
      *p = '?';
  fflush(stdout);
  fprintf(stderr, "%s: %s%s\n", name, prefix, line);
}

void
program_fatal(const char *format, ...)
{
  va_list ap;

  va_start(ap, format);
  report("", format, ap);
  va_end(ap);
  exit(EXIT_FAILURE);
}

void
program_warn(const char *format, ...)
{
  va_list ap;

  va_start(ap, format);
  report("warning: ", format, ap);
  va_end(ap);
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
