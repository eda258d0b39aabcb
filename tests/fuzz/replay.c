/* replay.c -- a fuzz target's corpus, replayed as a plain TAP test.
 *
 * Linked with one fuzz target (see fuzz.h) instead of libFuzzer, it
 * feeds each file of the target's corpus, FUZZ_CORPUS under
 * $top_srcdir, to fuzz_check(), in name order.  The name of a file says
 * what must happen to it: "good-*" must be accepted, "bad-*" refused,
 * and any other file, such as a "crash-*" input the fuzzer once found,
 * must simply be handled without a crash.  Under AddressSanitizer (the
 * sanitized build of CI) a memory error in any of them fails the test.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "../tap.h"

#ifndef FUZZ_CORPUS
#error "FUZZ_CORPUS must name the corpus directory, as the Makefile does"
#endif

/* The largest corpus file read. */
#define REPLAY_MAX_INPUT (1 << 20)

/* Skips "." and "..". */
static int
is_entry(const struct dirent *e)
{
  return e->d_name[0] != '.';
}

/* Reads the file PATH into BUF, of REPLAY_MAX_INPUT bytes; returns its size,
 * or -1 if it cannot be read. */
static long
read_input(const char *path, unsigned char *buf)
{
  FILE *f = fopen(path, "rb");
  size_t got;

  if (f == NULL)
    return -1;
  got = fread(buf, 1, REPLAY_MAX_INPUT, f);
  fclose(f);
  return (long) got;
}

int
main(void)
{
  static unsigned char buf[REPLAY_MAX_INPUT];
  const char *top = getenv("top_srcdir");
  char dir[4096], path[4400];
  struct dirent **names;
  int n;

  snprintf(dir, sizeof dir, "%s/%s", top ? top : ".", FUZZ_CORPUS);
  n = scandir(dir, &names, is_entry, alphasort);
  if (n <= 0) {
    printf("1..1\nnot ok 1 - the corpus %s has no files\n", dir);
    return EXIT_FAILURE;
  }
  tap_plan(n);
  for (int i = 0; i < n; i++) {
    const char *name = names[i]->d_name;
    long size;
    int accepted;

    snprintf(path, sizeof path, "%s/%s", dir, name);
    size = read_input(path, buf);
    if (size < 0) {
      tap_ok(false, "%s cannot be read", name);
      continue;
    }
    accepted = fuzz_check(buf, (size_t) size);
    if (strncmp(name, "good-", 5) == 0)
      tap_ok(accepted == 1, "%s (%ld bytes) is accepted", name, size);
    else if (strncmp(name, "bad-", 4) == 0)
      tap_ok(accepted == 0, "%s (%ld bytes) is refused", name, size);
    else
      tap_ok(accepted == 0 || accepted == 1, "%s (%ld bytes) is %s "
             "without a crash", name, size,
             accepted ? "accepted" : "refused");
    free(names[i]);
  }
  free(names);
  return tap_done();
}
