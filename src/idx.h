/* idx.h -- reading IDX files, the format MNIST is distributed in.
 *
 * An IDX file is a 4-byte magic number (two zero bytes, a type code,
 * and the number of dimensions), one big-endian 32-bit size per
 * dimension, then the data in row-major order.  MNIST uses type 0x08,
 * unsigned bytes: 3 dimensions for images (count, rows, columns) and 1
 * for labels.  Files may be gzip-compressed; zlib reads both forms.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#ifndef NNC_IDX_H
#define NNC_IDX_H

#include <stddef.h>

#define IDX_MAX_DIMS 4
#define IDX_TYPE_UBYTE 0x08

/* One IDX file in memory: dims[0..ndims-1] and size = their product
 * bytes of DATA. */
struct idx {
  size_t ndims;
  size_t dims[IDX_MAX_DIMS];
  size_t size;
  unsigned char *data;
};

/* Reads the IDX file at PATH into *IDX.  Only regular files of unsigned
 * bytes with 1 to IDX_MAX_DIMS dimensions are accepted; a directory or
 * a FIFO is refused at once.  A gzip file must be whole, down to its
 * checksum.  Returns 0 on success; on failure returns -1, leaves *IDX
 * empty, and writes a one-line reason (without the path) into ERR, of
 * ERRLEN bytes. */
int idx_read(const char *path, struct idx *idx, char *err, size_t errlen);

/* Frees the data of *IDX and empties it; safe on an empty idx. */
void idx_free(struct idx *idx);

#endif /* NNC_IDX_H */
