/* test-mnist.c -- the MNIST loader of src/mnist.c.
 *
 * The test writes small pairs of image and label files into a temporary
 * directory: a good pair, and one pair for each way a pair can be wrong.
 * Each bad pair must be rejected with its own message naming the file
 * at fault.  It checks that pixels are scaled from bytes to [0, 1], and,
 * when MNIST is present, that mnist_load() splits it into 50,000
 * training, 10,000 validation and 10,000 test images.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gsl/gsl_vector.h>

#include "idx.h"
#include "mnist.h"
#include "tap.h"

/* The temporary directory, and the files made in it, removed at exit. */
static char dir[4096];
static char made[16][4200];
static size_t num_made;

/* Makes the temporary directory, in $TMPDIR or /tmp. */
static void
make_dir(void)
{
  const char *tmp = getenv("TMPDIR");

  snprintf(dir, sizeof dir, "%s/test-mnist.XXXXXX",
           tmp && *tmp ? tmp : "/tmp");
  if (mkdtemp(dir) == NULL) {
    perror(dir);
    exit(EXIT_FAILURE);
  }
}

static void
clean_up(void)
{
  for (size_t i = 0; i < num_made; i++)
    unlink(made[i]);
  rmdir(dir);
}

/* Writes an IDX file of unsigned bytes NAME with the NDIMS dimensions
 * DIMS; data byte i is DATA[i % DATA_LEN].  Returns its path. */
static const char *
write_idx(const char *name, size_t ndims, const size_t *dims,
          const unsigned char *data, size_t data_len)
{
  char *path = made[num_made++];
  unsigned char header[4 + 4 * IDX_MAX_DIMS] = { 0, 0, IDX_TYPE_UBYTE };
  size_t size = 1;
  FILE *f;

  snprintf(path, sizeof made[0], "%s/%s", dir, name);
  header[3] = (unsigned char) ndims;
  for (size_t i = 0; i < ndims; i++) {
    for (size_t j = 0; j < 4; j++)
      header[4 + 4 * i + j] = (unsigned char) (dims[i] >> (24 - 8 * j));
    size *= dims[i];
  }
  f = fopen(path, "wb");
  if (f == NULL || fwrite(header, 1, 4 + 4 * ndims, f) != 4 + 4 * ndims) {
    perror(path);
    exit(EXIT_FAILURE);
  }
  for (size_t i = 0; i < size; i++)
    putc(data[i % data_len], f);
  if (fclose(f) != 0) {
    perror(path);
    exit(EXIT_FAILURE);
  }
  return path;
}

/* Checks that the pair is rejected with a message that starts with the
 * path of the file at fault, AT_FAULT, and contains WANT. */
static void
check_rejected(const char *images, const char *labels,
               const char *at_fault, const char *want, const char *what)
{
  struct dataset set;
  char err[512] = "";
  int status = mnist_read(images, labels, &set, err, sizeof err);
  bool named = strncmp(err, at_fault, strlen(at_fault)) == 0;

  if (!tap_ok(status == -1 && named && strstr(err, want) != NULL
              && set.n == 0 && set.x == NULL && set.y == NULL,
              "%s is rejected: \"%s\"", what,
              err + (named ? strlen(dir) + 1 : 0))) {
    tap_diag("status %d, expected -1", status);
    tap_diag("expected a message starting with %s and containing \"%s\"",
             at_fault, want);
  }
  mnist_free(&set);
}

/* Where MNIST is: $top_builddir/data/mnist, else $top_srcdir/data/mnist
 * (both set by make check), else NULL. */
static const char *
find_mnist(char *buf, size_t len)
{
  const char *roots[] = { getenv("top_builddir"), getenv("top_srcdir") };

  for (size_t i = 0; i < 2; i++) {
    char probe[4300];

    if (roots[i] == NULL)
      continue;
    snprintf(buf, len, "%s/data/mnist", roots[i]);
    snprintf(probe, sizeof probe, "%s/%s", buf, MNIST_TEST_LABELS);
    if (access(probe, R_OK) == 0)
      return buf;
  }
  return NULL;
}

/* A good pair of three images (pixels 0, 255 and 51, in turn) and their
 * labels 3, 0, 9: read right, and pixels scaled by 1/255. */
static void
check_good(void)
{
  const size_t image_dims[] = { 3, 28, 28 }, label_dims[] = { 3 };
  const unsigned char pixels[] = { 0, 255, 51 }, digits[] = { 3, 0, 9 };
  const char *images = write_idx("images", 3, image_dims, pixels, 3);
  const char *labels = write_idx("labels", 1, label_dims, digits, 3);
  struct dataset set;
  char err[512] = "";
  gsl_vector *x = gsl_vector_alloc(MNIST_PIXELS);
  double lo, hi;

  if (!tap_ok(mnist_read(images, labels, &set, err, sizeof err) == 0,
              "a good pair of 3 images is read")) {
    tap_diag("error: %s", err);
    exit(tap_done());
  }
  tap_ok(set.n == 3 && set.y[0] == 3 && set.y[1] == 0 && set.y[2] == 9,
         "it holds 3 examples labelled 3, 0, 9");
  /* Byte k of the file is pixels[k % 3]; a row of 784 = 3 * 261 + 1
   * bytes starts where the previous one left off. */
  mnist_image(&set, 0, x);
  tap_close(gsl_vector_get(x, 0), 0.0, 0.0, "byte 0 scaled");
  tap_close(gsl_vector_get(x, 1), 1.0, 0.0, "byte 255 scaled");
  tap_close(gsl_vector_get(x, 2), 0.2, 1e-15, "byte 51 scaled");
  mnist_image(&set, 2, x);
  gsl_vector_minmax(x, &lo, &hi);
  tap_ok(lo == 0.0 && hi == 1.0,
         "image 2's pixels span [%g, %g] (want [0, 1])", lo, hi);
  mnist_truncate(&set, 2);
  tap_ok(set.n == 2 && set.x->size1 == 2 && set.y[1] == 0,
         "mnist_truncate keeps the first 2 examples");
  mnist_free(&set);
  gsl_vector_free(x);
}

/* One bad pair per way to be wrong. */
static void
check_bad(void)
{
  const size_t three[] = { 3, 28, 28 }, skinny[] = { 3, 28, 27 },
    flat[] = { 3, 784 }, two[] = { 2 }, one_by_three[] = { 3 },
    grid[] = { 3, 1 };
  const unsigned char zero = 0, digits[] = { 1, 10, 2 };
  const char *images = write_idx("images-3", 3, three, &zero, 1);
  const char *labels = write_idx("labels-3", 1, one_by_three, &zero, 1);
  const char *bad;
  char missing[4200], *fifo;

  bad = write_idx("labels-2", 1, two, &zero, 1);
  check_rejected(images, bad, bad, "holds 2 labels, but",
                 "3 images with 2 labels");
  bad = write_idx("labels-10", 1, one_by_three, digits, 3);
  check_rejected(images, bad, bad, "label 1 is 10, not a digit 0-9",
                 "a label 10");
  bad = write_idx("images-28x27", 3, skinny, &zero, 1);
  check_rejected(bad, labels, bad, "not a file of 28 x 28 images (its "
                 "dimensions are 3 x 28 x 27)", "images of 28 x 27");
  bad = write_idx("images-784", 2, flat, &zero, 1);
  check_rejected(bad, labels, bad, "not a file of 28 x 28 images (its "
                 "dimensions are 3 x 784)", "images as rows of 784");
  bad = write_idx("labels-3x1", 2, grid, &zero, 1);
  check_rejected(images, bad, bad, "not a file of labels",
                 "labels in 2 dimensions");
  snprintf(missing, sizeof missing, "%s/labels-missing", dir);
  check_rejected(images, missing, missing, "No such file",
                 "a missing labels file");

  /* Opening a FIFO can wait for a writer for ever: the alarm makes such
   * a wait fail the test (SIGALRM ends it) rather than hang it. */
  fifo = made[num_made++];
  snprintf(fifo, sizeof made[0], "%s/images-fifo", dir);
  if (mkfifo(fifo, 0600) != 0) {
    perror(fifo);
    exit(EXIT_FAILURE);
  }
  alarm(60);
  check_rejected(fifo, labels, fifo, "cannot read: not a regular file",
                 "a FIFO in place of the images file");
  alarm(0);
}

/* mnist_load() on the real files: the sizes of the three sets, and the
 * validation set taken from the end of the training file. */
static const char *const load_checks[] = {
  "training examples = 50000",
  "validation examples = 10000",
  "test examples = 10000",
  "training is labels 0..49999 of the file, validation 50000..59999"
};
#define NUM_LOAD_CHECKS 4

/* Makes the checks of load_checks[], or reports them skipped when
 * MNIST_DIR is NULL. */
static void
check_load(const char *mnist_dir)
{
  struct dataset training, validation, test;
  struct idx labels;
  char path[4300], err[256];

  if (mnist_dir == NULL) {
    for (int i = 0; i < NUM_LOAD_CHECKS; i++)
      tap_ok(true, "%s # SKIP MNIST not found; run make data",
             load_checks[i]);
    return;
  }
  mnist_load(mnist_dir, &training, &validation, &test);
  tap_ok(training.n == 50000, "%s (got %zu)", load_checks[0], training.n);
  tap_ok(validation.n == 10000, "%s (got %zu)", load_checks[1],
         validation.n);
  tap_ok(test.n == 10000, "%s (got %zu)", load_checks[2], test.n);
  snprintf(path, sizeof path, "%s/%s", mnist_dir, MNIST_TRAIN_LABELS);
  if (idx_read(path, &labels, err, sizeof err) != 0) {
    tap_ok(false, "%s: %s", path, err);
  } else {
    tap_ok(memcmp(validation.y, labels.data + 50000, 10000) == 0
           && memcmp(training.y, labels.data, 50000) == 0,
           "%s", load_checks[3]);
    idx_free(&labels);
  }
  mnist_free(&training);
  mnist_free(&validation);
  mnist_free(&test);
}

int
main(void)
{
  char buf[4200];
  const char *mnist_dir = find_mnist(buf, sizeof buf);

  make_dir();
  atexit(clean_up);
  tap_plan(7 + 7 + NUM_LOAD_CHECKS);
  check_good();
  check_bad();
  check_load(mnist_dir);
  return tap_done();
}
