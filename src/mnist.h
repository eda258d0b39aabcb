/* mnist.h -- the MNIST digits as GSL matrices.
 *
 * MNIST's 60,000 training images are split, as in Nielsen's book, into
 * 50,000 for training and 10,000 for validation; its 10,000 test images
 * are the test set.  Each image is one row of 784 = 28 x 28 bytes, kept
 * as bytes (a sixth of the memory of doubles); mnist_image() gives it to
 * the network as 784 doubles in [0, 1], each byte divided by 255.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#ifndef NNC_MNIST_H
#define NNC_MNIST_H

#include <stddef.h>

#include <gsl/gsl_matrix_uchar.h>
#include <gsl/gsl_vector.h>

#define MNIST_ROWS 28
#define MNIST_COLS 28
#define MNIST_PIXELS (MNIST_ROWS * MNIST_COLS)
#define MNIST_CLASSES 10
#define MNIST_TRAINING 50000
#define MNIST_VALIDATION 10000
#define MNIST_TEST 10000

/* The file names inside the data directory. */
#define MNIST_TRAIN_IMAGES "train-images-idx3-ubyte"
#define MNIST_TRAIN_LABELS "train-labels-idx1-ubyte"
#define MNIST_TEST_IMAGES "t10k-images-idx3-ubyte"
#define MNIST_TEST_LABELS "t10k-labels-idx1-ubyte"

/* A set of n labelled examples: row i of x (n x 784 bytes, 0 white to
 * 255 black) is image i, and y[i] (0..9) its digit.  A hand-made set
 * may have fewer columns (chapter 3's two-input example, the tests):
 * mnist_image() reads them all, and y[i] must be below the number of
 * output neurons. */
struct dataset {
  size_t n;
  gsl_matrix_uchar *x;
  unsigned char *y;
};

/* Writes image I of SET into X as pixels in [0, 1]: x_k = byte k / 255,
 * one element per column of set->x (784 for MNIST). */
void mnist_image(const struct dataset *set, size_t i, gsl_vector *x);

/* Reads an images file and its labels file into *SET, checking that the
 * images are 28 x 28, that both files count the same examples, and that
 * every label is a digit.  Returns 0, or -1 with a one-line reason in
 * ERR (naming the file at fault). */
int mnist_read(const char *images_path, const char *labels_path,
               struct dataset *set, char *err, size_t errlen);

/* Loads the three sets from the directory DIR.  Any of TRAINING,
 * VALIDATION and TEST may be NULL when not needed.  Missing or malformed
 * files end the program with one line that says what is wrong and, for
 * a missing file, that 'make data' fetches MNIST. */
void mnist_load(const char *dir, struct dataset *training,
                struct dataset *validation, struct dataset *test);

/* Keeps only the first N examples of *SET (N <= set->n). */
void mnist_truncate(struct dataset *set, size_t n);

/* Frees a set filled by mnist_read() or mnist_load(). */
void mnist_free(struct dataset *set);

#endif /* NNC_MNIST_H */
