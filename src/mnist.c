/* mnist.c -- loading MNIST's IDX files into struct dataset.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <gsl/gsl_matrix_uchar.h>
#include <gsl/gsl_vector.h>

#include "idx.h"
#include "mnist.h"
#include "program.h"

/* Writes the dimensions of IDX as "60000 x 28 x 28" into BUF. */
static void
format_dims(const struct idx *idx, char *buf, size_t len)
{
  size_t used = 0;

  buf[0] = '\0';
  for (size_t i = 0; i < idx->ndims && used < len; i++)
    used += (size_t) snprintf(buf + used, len - used, "%s%zu",
                              i ? " x " : "", idx->dims[i]);
}

/* Checks the shapes of the two files against each other and MNIST's. */
static int
check_pair(const char *images_path, const struct idx *images,
           const char *labels_path, const struct idx *labels,
           char *err, size_t errlen)
{
  char shape[128];

  if (images->ndims != 3 || images->dims[1] != MNIST_ROWS
      || images->dims[2] != MNIST_COLS) {
    format_dims(images, shape, sizeof shape);
    snprintf(err, errlen, "%s: not a file of 28 x 28 images (its "
             "dimensions are %s)", images_path, shape);
    return -1;
  }
  if (labels->ndims != 1) {
    snprintf(err, errlen, "%s: not a file of labels (it has %zu "
             "dimensions, labels have 1)", labels_path, labels->ndims);
    return -1;
  }
  if (images->dims[0] != labels->dims[0]) {
    snprintf(err, errlen, "%s: holds %zu labels, but %s holds %zu images",
             labels_path, labels->dims[0], images_path, images->dims[0]);
    return -1;
  }
  for (size_t i = 0; i < labels->size; i++)
    if (labels->data[i] >= MNIST_CLASSES) {
      snprintf(err, errlen, "%s: label %zu is %u, not a digit 0-9",
               labels_path, i, (unsigned) labels->data[i]);
      return -1;
    }
  return 0;
}

int
mnist_read(const char *images_path, const char *labels_path,
           struct dataset *set, char *err, size_t errlen)
{
  struct idx images, labels;
  char why[256];
  int status = -1;

  memset(set, 0, sizeof *set);
  if (idx_read(images_path, &images, why, sizeof why) != 0) {
    snprintf(err, errlen, "%s: %s", images_path, why);
    return -1;
  }
  if (idx_read(labels_path, &labels, why, sizeof why) != 0)
    snprintf(err, errlen, "%s: %s", labels_path, why);
  else if (check_pair(images_path, &images, labels_path, &labels,
                      err, errlen) == 0) {
    set->n = labels.size;
    set->x = gsl_matrix_uchar_alloc(set->n, MNIST_PIXELS);
    memcpy(set->x->data, images.data, images.size);
    set->y = labels.data;
    labels.data = NULL;
    status = 0;
  }
  idx_free(&images);
  idx_free(&labels);
  return status;
}

void
mnist_image(const struct dataset *set, size_t i, gsl_vector *x)
{
  const unsigned char *row = gsl_matrix_uchar_const_ptr(set->x, i, 0);

  /* Bytes 0..255 become pixels in [0, 1], one per column of set->x. */
  for (size_t k = 0; k < set->x->size2; k++)
    gsl_vector_set(x, k, row[k] / 255.0);
}

/* Copies rows FIRST..FIRST+N-1 of *FROM into a new set *TO. */
static void
split(const struct dataset *from, size_t first, size_t n, struct dataset *to)
{
  gsl_matrix_uchar_const_view rows =
    gsl_matrix_uchar_const_submatrix(from->x, first, 0, n, MNIST_PIXELS);

  to->n = n;
  to->x = gsl_matrix_uchar_alloc(n, MNIST_PIXELS);
  gsl_matrix_uchar_memcpy(to->x, &rows.matrix);
  to->y = program_calloc(n, 1);
  memcpy(to->y, from->y + first, n);
}

/* Writes DIR/NAME into PATH, of LEN bytes; or DIR/NAME.gz when only
 * that exists. */
static void
find_file(const char *dir, const char *name, char *path, size_t len)
{
  struct stat st;

  snprintf(path, len, "%s/%s.gz", dir, name);
  if (stat(path, &st) == 0) {
    snprintf(path, len, "%s/%s", dir, name);
    if (stat(path, &st) != 0 && errno == ENOENT)
      snprintf(path, len, "%s/%s.gz", dir, name);
    return;
  }
  snprintf(path, len, "%s/%s", dir, name);
}

/* Reads one pair of files, or ends the program saying why. */
static void
read_or_die(const char *dir, const char *images, const char *labels,
            struct dataset *set)
{
  char images_path[4096], labels_path[4096], err[512];
  struct stat st;

  if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
    program_fatal("%s: MNIST directory not found; run 'make data' to "
                  "fetch MNIST, or give its place with --data DIR", dir);
  /* Each file as named, else gzip-compressed as NAME.gz, the form in
   * which some distributions ship MNIST and Fashion-MNIST (idx_read()
   * reads both). */
  find_file(dir, images, images_path, sizeof images_path);
  find_file(dir, labels, labels_path, sizeof labels_path);
  if (stat(images_path, &st) != 0 && errno == ENOENT)
    program_fatal("%s: not found; run 'make data' to fetch MNIST",
                  images_path);
  if (stat(labels_path, &st) != 0 && errno == ENOENT)
    program_fatal("%s: not found; run 'make data' to fetch MNIST",
                  labels_path);
  if (mnist_read(images_path, labels_path, set, err, sizeof err) != 0)
    program_fatal("%s", err);
}

void
mnist_load(const char *dir, struct dataset *training,
           struct dataset *validation, struct dataset *test)
{
  if (training || validation) {
    struct dataset all;

    read_or_die(dir, MNIST_TRAIN_IMAGES, MNIST_TRAIN_LABELS, &all);
    if (all.n <= MNIST_VALIDATION)
      program_fatal("%s/%s: %zu images are too few to keep %d for "
                    "validation", dir, MNIST_TRAIN_IMAGES, all.n,
                    MNIST_VALIDATION);
    /* The last 10,000 training images are the validation set. */
    if (training)
      split(&all, 0, all.n - MNIST_VALIDATION, training);
    if (validation)
      split(&all, all.n - MNIST_VALIDATION, MNIST_VALIDATION, validation);
    mnist_free(&all);
  }
  if (test)
    read_or_die(dir, MNIST_TEST_IMAGES, MNIST_TEST_LABELS, test);
}

void
mnist_truncate(struct dataset *set, size_t n)
{
  struct dataset first;

  if (n >= set->n)
    return;
  split(set, 0, n, &first);
  mnist_free(set);
  *set = first;
}

void
mnist_free(struct dataset *set)
{
  if (set->x)
    gsl_matrix_uchar_free(set->x);
  free(set->y);
  memset(set, 0, sizeof *set);
}
