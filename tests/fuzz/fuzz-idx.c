/* fuzz-idx.c -- fuzzing the IDX reader, idx_read() of src/idx.c.
 *
 * idx_read() reads a file through zlib (plain or gzip-compressed), so
 * each input is written to a temporary file first.  The file is created
 * once and unlinked at once, so that nothing is left behind however the
 * fuzzer ends; it is read through its descriptor's name, /dev/fd/N.
 * An input that is accepted must describe itself: 1 to IDX_MAX_DIMS
 * dimensions, none of them 0, whose product is the size of the data.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "idx.h"

/* The descriptor of the temporary file, and its name; fd < 0 until the
 * first input. */
static int fd = -1;
static char fd_path[64];

/* Creates the temporary file, or exits: without it nothing can run. */
static void
open_temp(void)
{
  const char *tmp = getenv("TMPDIR");
  char path[4096];

  snprintf(path, sizeof path, "%s/fuzz-idx.XXXXXX",
           tmp && *tmp ? tmp : "/tmp");
  fd = mkstemp(path);
  if (fd < 0) {
    perror(path);
    exit(EXIT_FAILURE);
  }
  unlink(path);
  snprintf(fd_path, sizeof fd_path, "/dev/fd/%d", fd);
}

/* Makes the temporary file hold exactly the SIZE bytes at DATA. */
static void
fill_temp(const uint8_t *data, size_t size)
{
  if (fd < 0)
    open_temp();
  if (ftruncate(fd, 0) != 0
      || (size > 0 && pwrite(fd, data, size, 0) != (ssize_t) size)
      || lseek(fd, 0, SEEK_SET) != 0) {
    perror(fd_path);
    exit(EXIT_FAILURE);
  }
}

int
fuzz_check(const uint8_t *data, size_t size)
{
  struct idx idx;
  char err[256] = "";
  size_t product = 1;

  fill_temp(data, size);
  if (idx_read(fd_path, &idx, err, sizeof err) != 0) {
    if (err[0] == '\0' || idx.data != NULL || idx.size != 0)
      abort();
    return 0;
  }
  if (idx.ndims < 1 || idx.ndims > IDX_MAX_DIMS || idx.data == NULL)
    abort();
  for (size_t i = 0; i < idx.ndims; i++) {
    if (idx.dims[i] == 0)
      abort();
    product *= idx.dims[i];
  }
  if (product != idx.size)
    abort();
  /* Touch every byte, so that AddressSanitizer sees a short buffer. */
  for (size_t i = 0; i < idx.size; i++)
    product += idx.data[i];
  idx_free(&idx);
  return product > 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  fuzz_check(data, size);
  return 0;
}
