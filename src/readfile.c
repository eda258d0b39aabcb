/* readfile.c -- opening a user's file for reading (see readfile.h).
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "readfile.h"

int
readfile_open(const char *path, char *err, size_t errlen)
{
  struct stat st;
  /* O_NONBLOCK, because opening a FIFO would wait for a writer (fstat()
   * then refuses it); a regular file reads the same with it or
   * without. */
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);

  if (fd < 0) {
    snprintf(err, errlen, "%s", strerror(errno));
    return -1;
  }
  if (fstat(fd, &st) != 0)
    snprintf(err, errlen, "cannot read: %s", strerror(errno));
  else if (S_ISDIR(st.st_mode))
    snprintf(err, errlen, "cannot read: %s", strerror(EISDIR));
  else if (!S_ISREG(st.st_mode))
    snprintf(err, errlen, "cannot read: not a regular file");
  else
    return fd;
  close(fd);
  return -1;
}

FILE *
readfile_fopen(const char *path, char *err, size_t errlen)
{
  int fd = readfile_open(path, err, errlen);
  FILE *f;

  if (fd < 0)
    return NULL;
  f = fdopen(fd, "rb");
  if (f == NULL) {
    snprintf(err, errlen, "%s", strerror(errno));
    close(fd);
  }
  return f;
}
