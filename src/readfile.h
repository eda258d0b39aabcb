/* readfile.h -- opening a user's file for reading, without waiting.
 *
 * A data file, a model file or an image is named by the user, and the
 * name may be that of a FIFO, a device or a directory.  Opening a FIFO
 * waits for a writer, perhaps for ever; so these functions open
 * without blocking, then accept only a regular file.  Used by the IDX
 * reader, the model loader and the image reader.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#ifndef NNC_READFILE_H
#define NNC_READFILE_H

#include <stddef.h>
#include <stdio.h>

/* Opens PATH for reading, which must be a regular file.  Returns its
 * descriptor, or -1 with a one-line reason in ERR of ERRLEN bytes:
 * strerror's for a file that cannot be opened, "cannot read: Is a
 * directory", or "cannot read: not a regular file". */
int readfile_open(const char *path, char *err, size_t errlen);

/* readfile_open() as a stdio stream, or NULL with the reason in ERR. */
FILE *readfile_fopen(const char *path, char *err, size_t errlen);

#endif /* NNC_READFILE_H */
