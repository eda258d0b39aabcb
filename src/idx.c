/* idx.c -- the IDX reader (see idx.h for the format).
 *
 * Every way a file can be wrong gets its own message: it cannot be
 * opened, it is not a regular file, it is empty, its magic number is not
 * IDX, its type is not unsigned bytes, its header is cut short, its data
 * is shorter or longer than the header says.  The reader checks the
 * sizes before it allocates, so a corrupt header cannot ask for more
 * memory than a real file holds.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <zlib.h>

#include "idx.h"

/* The largest data size accepted: four times MNIST's training images. */
#define IDX_MAX_SIZE ((size_t) 1 << 28)

/* Reads up to N bytes; returns how many were read, or -1 on a
 * decompression error. */
static long
read_bytes(gzFile f, unsigned char *buf, size_t n)
{
  size_t got = 0;

  while (got < n) {
    unsigned chunk = n - got > (1u << 30) ? (1u << 30) : (unsigned) (n - got);
    int r = gzread(f, buf + got, chunk);

    if (r < 0)
      return -1;
    if (r == 0)
      break;
    got += (size_t) r;
  }
  return (long) got;
}

static uint32_t
big_endian_32(const unsigned char *p)
{
  return (uint32_t) p[0] << 24 | (uint32_t) p[1] << 16
         | (uint32_t) p[2] << 8 | (uint32_t) p[3];
}

/* Reads and checks the header; fills ndims, dims and size. */
static int
read_header(gzFile f, struct idx *idx, char *err, size_t errlen)
{
  unsigned char magic[4], dim[4];
  long got = read_bytes(f, magic, 4);

  if (got < 0) {
    snprintf(err, errlen, "corrupt gzip data");
    return -1;
  }
  if (got == 0) {
    snprintf(err, errlen, "empty file");
    return -1;
  }
  if (got < 4) {
    snprintf(err, errlen, "truncated: the 4-byte magic number is cut short");
    return -1;
  }
  if (magic[0] != 0 || magic[1] != 0 || magic[3] == 0
      || magic[3] > IDX_MAX_DIMS) {
    snprintf(err, errlen, "not an IDX file: wrong magic number 0x%08lx",
             (unsigned long) big_endian_32(magic));
    return -1;
  }
  if (magic[2] != IDX_TYPE_UBYTE) {
    snprintf(err, errlen, "IDX type 0x%02x not supported "
             "(only 0x08, unsigned bytes)", magic[2]);
    return -1;
  }
  idx->ndims = magic[3];
  idx->size = 1;
  for (size_t i = 0; i < idx->ndims; i++) {
    if (read_bytes(f, dim, 4) != 4) {
      snprintf(err, errlen, "truncated: header ends before dimension %zu",
               i + 1);
      return -1;
    }
    idx->dims[i] = big_endian_32(dim);
    if (idx->dims[i] == 0 || idx->dims[i] > IDX_MAX_SIZE / idx->size) {
      snprintf(err, errlen, "dimension %zu is %zu: sizes must be from 1 "
               "to a total of %zu bytes", i + 1, idx->dims[i], IDX_MAX_SIZE);
      return -1;
    }
    idx->size *= idx->dims[i];
  }
  return 0;
}

/* Reads exactly idx->size bytes of data and checks that nothing follows. */
static int
read_data(gzFile f, struct idx *idx, char *err, size_t errlen)
{
  unsigned char extra;
  long got, more;
  int zerr;

  idx->data = malloc(idx->size);
  if (idx->data == NULL) {
    snprintf(err, errlen, "out of memory for %zu bytes of data", idx->size);
    return -1;
  }
  got = read_bytes(f, idx->data, idx->size);
  if (got < 0) {
    snprintf(err, errlen, "corrupt gzip data");
    return -1;
  }
  if ((size_t) got < idx->size) {
    snprintf(err, errlen, "truncated: the header promises %zu bytes of "
             "data, the file holds %ld", idx->size, got);
    return -1;
  }
  more = read_bytes(f, &extra, 1);
  if (more < 0) {
    snprintf(err, errlen, "corrupt gzip data after the last byte");
    return -1;
  }
  if (more > 0) {
    snprintf(err, errlen, "the file is longer than its header says "
             "(%zu bytes of data)", idx->size);
    return -1;
  }
  /* zlib hands over the data of a gzip file whose end is missing, and
   * remembers the fault: without this check the file would be taken
   * unchecked, since its checksum is in the missing end. */
  gzerror(f, &zerr);
  if (zerr == Z_BUF_ERROR) {
    snprintf(err, errlen, "the gzip data is cut short before its end");
    return -1;
  }
  return 0;
}

/* Opens PATH for reading, which must be a regular file; returns its
 * descriptor, or -1 with a reason in ERR. */
static int
open_regular(const char *path, char *err, size_t errlen)
{
  struct stat st;
  /* O_NONBLOCK, because opening a FIFO would wait for a writer, maybe
   * for ever (fstat() then refuses it); a regular file is read the
   * same with it or without. */
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

int
idx_read(const char *path, struct idx *idx, char *err, size_t errlen)
{
  gzFile f;
  int fd, status;

  memset(idx, 0, sizeof *idx);
  fd = open_regular(path, err, errlen);
  if (fd < 0)
    return -1;
  f = gzdopen(fd, "rb");
  if (f == NULL) {
    close(fd);
    snprintf(err, errlen, "out of memory");
    return -1;
  }
  status = read_header(f, idx, err, errlen);
  if (status == 0)
    status = read_data(f, idx, err, errlen);
  gzclose(f);
  if (status != 0)
    idx_free(idx);
  return status;
}

void
idx_free(struct idx *idx)
{
  free(idx->data);
  memset(idx, 0, sizeof *idx);
}
