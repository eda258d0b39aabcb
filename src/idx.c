/* idx.c -- the IDX reader (see idx.h for the format).
 *
 * Every way a file can be wrong gets its own message: it cannot be
 * opened, it is not a regular file, it is empty, its magic number is not
 * IDX, its type is not unsigned bytes, its header is cut short, its data
 * is shorter or longer than the header says, its gzip data is corrupt,
 * fails its checksum or is cut short.  The reader checks the sizes
 * before it allocates, so a corrupt header cannot ask for more memory
 * than a real file holds.
 *
 * A gzip file is inflated here with zlib's inflate() rather than read
 * with gzread(): gzread() takes a file whose last few bytes are missing
 * (the checksum and length of the data, which end a gzip stream) for
 * a whole one when it has already handed out all of the data, so a
 * file cut short would be read unchecked.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zlib.h>

#include "idx.h"
#include "readfile.h"

/* The largest data size accepted: four times MNIST's training images. */
#define IDX_MAX_SIZE ((size_t) 1 << 28)

/* The bytes read from the file at a time. */
#define IDX_BUFFER 65536

/* An open IDX file, plain or gzip-compressed.  The bytes read from it
 * and not yet used (copied out, or inflated) are z.next_in and
 * z.avail_in, in either case. */
struct source {
  int fd;
  bool gzip;           /* the file starts with gzip's magic, 1f 8b */
  bool end_of_file;    /* read() has returned 0 */
  bool member_ended;   /* gzip: the stream so far ends whole, its
                        * checksum checked */
  z_stream z;
  unsigned char buf[IDX_BUFFER];
};

/* Reads the next bytes of the file into the buffer once those before
 * are used; at the end of the file the buffer stays empty.  Returns 0,
 * or -1 with a reason in ERR. */
static int
fill(struct source *s, char *err, size_t errlen)
{
  ssize_t got;

  if (s->z.avail_in > 0 || s->end_of_file)
    return 0;
  do
    got = read(s->fd, s->buf, sizeof s->buf);
  while (got < 0 && errno == EINTR);
  if (got < 0) {
    snprintf(err, errlen, "cannot read: %s", strerror(errno));
    return -1;
  }
  s->end_of_file = got == 0;
  s->z.next_in = s->buf;
  s->z.avail_in = (uInt) got;
  return 0;
}

/* Opens the file PATH as *S, which must be a regular file, and tells
 * whether it is gzip-compressed.  Returns 0, or -1 with a reason in
 * ERR. */
static int
source_open(struct source *s, const char *path, char *err, size_t errlen)
{
  memset(s, 0, sizeof *s);
  s->fd = readfile_open(path, err, errlen);
  if (s->fd < 0)
    return -1;
  if (fill(s, err, errlen) == 0) {
    /* As zlib's gzread() does: gzip by its magic, plain otherwise. */
    s->gzip = s->z.avail_in >= 2 && s->buf[0] == 0x1f
              && s->buf[1] == 0x8b;
    if (!s->gzip || inflateInit2(&s->z, 16 + MAX_WBITS) == Z_OK)
      return 0;
    snprintf(err, errlen, "out of memory for the gzip decompression");
  }
  close(s->fd);
  return -1;
}

/* Closes S, opened by source_open(). */
static void
source_close(struct source *s)
{
  if (s->gzip)
    inflateEnd(&s->z);
  close(s->fd);
}

/* Copies up to N bytes of the plain file S into OUT; returns how many,
 * fewer than N only at the end of the file, or -1 with a reason in
 * ERR. */
static long
read_plain(struct source *s, unsigned char *out, size_t n,
           char *err, size_t errlen)
{
  size_t got = 0;

  while (got < n) {
    size_t chunk;

    if (fill(s, err, errlen) != 0)
      return -1;
    if (s->z.avail_in == 0)
      break;
    chunk = n - got < s->z.avail_in ? n - got : s->z.avail_in;
    memcpy(out + got, s->z.next_in, chunk);
    s->z.next_in += chunk;
    s->z.avail_in -= (uInt) chunk;
    got += chunk;
  }
  return (long) got;
}

/* Writes into ERR why inflate() returned STATUS on the stream Z. */
static void
gzip_error(const z_stream *z, int status, char *err, size_t errlen)
{
  /* zlib tells a checksum that does not match only by its message. */
  if (status == Z_MEM_ERROR)
    snprintf(err, errlen, "out of memory for the gzip decompression");
  else if (z->msg != NULL && strcmp(z->msg, "incorrect data check") == 0)
    snprintf(err, errlen, "corrupt gzip data: its checksum does not "
             "match");
  else
    snprintf(err, errlen, "corrupt gzip data%s%s", z->msg ? ": " : "",
             z->msg ? z->msg : "");
}

/* Inflates up to N bytes of the gzip file S into OUT; returns how many,
 * fewer than N only at the end of the file, or -1 with a reason in
 * ERR.  N must fit in a uInt. */
static long
read_gzip(struct source *s, unsigned char *out, size_t n,
          char *err, size_t errlen)
{
  s->z.next_out = out;
  s->z.avail_out = (uInt) n;
  while (s->z.avail_out > 0) {
    int status;

    if (fill(s, err, errlen) != 0)
      return -1;
    if (s->member_ended) {
      if (s->z.avail_in == 0)
        break;
      /* Only another gzip member may follow, as in files joined by
       * cat, which gzip reads as one. */
      if (s->z.next_in[0] != 0x1f) {
        snprintf(err, errlen, "the file goes on after the end of its "
                 "gzip data");
        return -1;
      }
      inflateReset(&s->z);
      s->member_ended = false;
    }
    if (s->z.avail_in == 0) {
      snprintf(err, errlen, "the gzip data is cut short before its end");
      return -1;
    }
    status = inflate(&s->z, Z_NO_FLUSH);
    if (status == Z_STREAM_END) {
      s->member_ended = true;
    } else if (status != Z_OK) {
      gzip_error(&s->z, status, err, errlen);
      return -1;
    }
  }
  return (long) (n - s->z.avail_out);
}

/* Reads up to N bytes, at most IDX_MAX_SIZE, of S into BUF; returns how
 * many, fewer than N only at the end of the data, or -1 with a reason
 * in ERR. */
static long
read_bytes(struct source *s, unsigned char *buf, size_t n,
           char *err, size_t errlen)
{
  return s->gzip ? read_gzip(s, buf, n, err, errlen)
                 : read_plain(s, buf, n, err, errlen);
}

static uint32_t
big_endian_32(const unsigned char *p)
{
  return (uint32_t) p[0] << 24 | (uint32_t) p[1] << 16
         | (uint32_t) p[2] << 8 | (uint32_t) p[3];
}

/* Reads and checks the header; fills ndims, dims and size. */
static int
read_header(struct source *s, struct idx *idx, char *err, size_t errlen)
{
  unsigned char magic[4], dim[4];
  long got = read_bytes(s, magic, 4, err, errlen);

  if (got < 0)
    return -1;
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
    got = read_bytes(s, dim, 4, err, errlen);
    if (got < 0)
      return -1;
    if (got != 4) {
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

/* Reads exactly idx->size bytes of data and checks that nothing follows.
 * Reading on to the end of the file, expecting nothing more, is also
 * what has zlib check the end of a gzip stream: the checksum and the
 * length of the data, which a file cut short lacks. */
static int
read_data(struct source *s, struct idx *idx, char *err, size_t errlen)
{
  unsigned char extra;
  long got, more;

  idx->data = malloc(idx->size);
  if (idx->data == NULL) {
    snprintf(err, errlen, "out of memory for %zu bytes of data", idx->size);
    return -1;
  }
  got = read_bytes(s, idx->data, idx->size, err, errlen);
  if (got < 0)
    return -1;
  if ((size_t) got < idx->size) {
    snprintf(err, errlen, "truncated: the header promises %zu bytes of "
             "data, the file holds %ld", idx->size, got);
    return -1;
  }
  more = read_bytes(s, &extra, 1, err, errlen);
  if (more < 0)
    return -1;
  if (more > 0) {
    snprintf(err, errlen, "the file is longer than its header says "
             "(%zu bytes of data)", idx->size);
    return -1;
  }
  return 0;
}

int
idx_read(const char *path, struct idx *idx, char *err, size_t errlen)
{
  struct source *s = malloc(sizeof *s);
  int status;

  memset(idx, 0, sizeof *idx);
  if (s == NULL) {
    snprintf(err, errlen, "out of memory");
    return -1;
  }
  status = source_open(s, path, err, errlen);
  if (status == 0) {
    status = read_header(s, idx, err, errlen);
    if (status == 0)
      status = read_data(s, idx, err, errlen);
    source_close(s);
  }
  free(s);
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
