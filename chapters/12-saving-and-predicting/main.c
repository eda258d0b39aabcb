/* main.c -- chapter 12's program: load a saved network and read the
 * digits in image files; or show what it gets wrong on the test set.
 *
 * For each image file given, stdout gets the file name and the digit
 * read, then the ten output activations, and with --show the 28 x 28
 * image the network was given, as text.  --confusion prints the
 * confusion matrix of the 10,000 test images, --errors FILE draws the
 * test digits read wrong, captioned "true>read", --weights FILE the
 * weights into each neuron of layer 1.
 * Text: chapters/12-saving-and-predicting/README.md.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <gsl/gsl_matrix.h>
#include <gsl/gsl_matrix_uchar.h>

#include "digit.h"
#include "evaluate.h"
#include "loadmodel.h"
#include "minibatch.h"
#include "mnist.h"
#include "network.h"
#include "options.h"
#include "picture.h"
#include "program.h"

/* Test images fed forward at a time, unless the network is so wide
 * that their activations would take more than BATCH_BYTES. */
#define BATCH 100
#define BATCH_BYTES (64u << 20)

/* The most misread digits drawn by --errors. */
#define MAX_ERRORS 400

static const struct options_program program = {
  "Read the digits in image files (PNG, JPEG, BMP, PGM...) with a network\n"
  "saved by --save; or, with --confusion, --errors and --weights, show\n"
  "what it gets wrong on the MNIST test images.",
  OPTIONS_MODEL | OPTIONS_SHOW | OPTIONS_DATA | OPTIONS_CONFUSION
  | OPTIONS_ERRORS | OPTIONS_WEIGHTS | OPTIONS_FORCE | OPTIONS_FILES
};

/* The columns of the mini-batch that feeds images forward: BATCH, or
 * fewer for a network so wide that z^l, a^l and delta^l of BATCH
 * images, for l = 0..L, would take more than BATCH_BYTES.  A model file
 * of a few megabytes can ask for a layer of a million neurons. */
static size_t
batch_capacity(const struct network *net)
{
  size_t neurons = 0;

  for (size_t l = 0; l < net->num_layers; l++)   /* l = 0..L */
    neurons += net->sizes[l];
  size_t m = BATCH_BYTES / (3 * neurons * sizeof(double));
  return m < 1 ? 1 : m > BATCH ? BATCH : m;
}

/* Ends the program unless the M outputs a^L that MB holds are finite
 * numbers: a model file may hold weights so large, yet finite, that
 * z^L overflows and softmax gives NaN, and an answer read from NaN
 * would be no answer at all.  WHAT names the input. */
static void
check_outputs(const struct minibatch *mb, const char *model, size_t L,
              size_t m, const char *what)
{
  gsl_matrix_const_view a = gsl_matrix_const_submatrix(mb->a[L], 0, 0,
                                                       mb->a[L]->size1, m);

  for (size_t j = 0; j < a.matrix.size1; j++)
    for (size_t i = 0; i < m; i++)
      if (!isfinite(gsl_matrix_get(&a.matrix, j, i)))
        program_fatal("%s: the network's outputs for %s are not numbers; "
                      "its weights are too large", model, what);
}

/* Reads the image file PATH, feeds it forward and prints the answer;
 * ends the program with one line if PATH cannot be read as a digit. */
static void
predict_file(struct minibatch *mb, const struct network *net,
             const char *model, const char *path, bool show)
{
  unsigned char bytes[MNIST_PIXELS];
  char err[512];
  size_t L = net->num_layers - 1;

  if (digit_read(path, bytes, NULL, err, sizeof err) != 0)
    program_fatal("%s: %s", path, err);

  /* A data set of one image, so that chapter 6's code, which knows the
   * model's output layer, feeds it forward. */
  gsl_matrix_uchar_view x = gsl_matrix_uchar_view_array(bytes, 1,
                                                         MNIST_PIXELS);
  unsigned char label = 0;
  struct dataset one = { 1, &x.matrix, &label };
  minibatch_feed_rows(mb, net, &one, 0, 1);
  check_outputs(mb, model, L, 1, path);
  gsl_vector_const_view a = gsl_matrix_const_column(mb->a[L], 0);

  printf("%s: %zu\n", path, evaluate_argmax(&a.vector));
  printf("  outputs:");
  for (size_t j = 0; j < a.vector.size; j++)
    printf(" %.4f", gsl_vector_get(&a.vector, j));
  printf("\n");
  if (show)
    digit_print(stdout, bytes);
}

/* Feeds every test image forward: READ[i] is the digit the network
 * reads in image i, COUNTS[t][r] how many images of digit t it reads
 * as r.  Returns the number read right. */
static size_t
classify_test(struct minibatch *mb, const struct network *net,
              const char *model, const struct dataset *test,
              unsigned char *read,
              size_t counts[MNIST_CLASSES][MNIST_CLASSES])
{
  size_t L = net->num_layers - 1, right = 0, batch = mb->capacity;

  for (size_t first = 0; first < test->n; first += batch) {
    size_t m = test->n - first < batch ? test->n - first : batch;

    minibatch_feed_rows(mb, net, test, first, m);
    check_outputs(mb, model, L, m, "the test images");
    for (size_t i = 0; i < m; i++) {
      gsl_vector_const_view a = gsl_matrix_const_column(mb->a[L], i);
      size_t t = test->y[first + i], r = evaluate_argmax(&a.vector);

      read[first + i] = (unsigned char) r;
      counts[t][r]++;
      right += t == r;
    }
  }
  return right;
}

/* Prints COUNTS as a table, a row per true digit. */
static void
print_confusion(size_t counts[MNIST_CLASSES][MNIST_CLASSES], size_t right,
                size_t n)
{
  printf("Confusion matrix, %zu test images (rows: digit, columns: "
         "read as)\n     ", n);
  for (size_t r = 0; r < MNIST_CLASSES; r++)
    printf(" %5zu", r);
  printf("\n");
  for (size_t t = 0; t < MNIST_CLASSES; t++) {
    printf("  %zu: ", t);
    for (size_t r = 0; r < MNIST_CLASSES; r++)
      printf(" %5zu", counts[t][r]);
    printf("\n");
  }
  printf("Read right: %zu / %zu\n", right, n);
}

/* Ends the program with one line for a picture that was not saved. */
static void
check_picture(int status, const char *path, const char *err)
{
  if (status == PICTURE_EXISTS)
    program_fatal("%s: the file exists; add --force to replace it", path);
  if (status != PICTURE_OK)
    program_fatal("%s: cannot draw the picture: %s", path, err);
}

/* Draws the first MAX_ERRORS test digits read wrong into PATH, each
 * captioned "t>r", and lists them on stdout. */
static void
draw_errors(const char *path, bool force, const struct dataset *test,
            const unsigned char *read)
{
  static const unsigned char *digits[MAX_ERRORS];
  static char text[MAX_ERRORS][8];
  static const char *captions[MAX_ERRORS];
  struct picture_grid grid = { .columns = 20, .zoom = 2, .force = force };
  char err[512];
  size_t n = 0;

  for (size_t i = 0; i < test->n && n < MAX_ERRORS; i++)
    if (read[i] != test->y[i]) {
      digits[n] = gsl_matrix_uchar_const_ptr(test->x, i, 0);
      snprintf(text[n], sizeof text[n], "%u>%u", test->y[i], read[i]);
      captions[n] = text[n];
      n++;
    }
  if (n == 0) {
    printf("No test digit read wrong: %s not drawn\n", path);
    return;
  }
  check_picture(picture_write_digits(path, digits, captions, n, &grid,
                                     err, sizeof err), path, err);
  printf("Drew %zu misread test digits into %s, captioned "
         "digit>read\n", n, path);
}

int
main(int argc, char **argv)
{
  struct options opts = { .data = "data/mnist" };
  const struct minibatch_cost *cost;
  char err[512];

  program_init(argv[0]);
  options_parse(argc, argv, &opts, &program);
  if (opts.model == NULL)
    program_fatal("no model given; name one with --model FILE");
  if (opts.num_operands == 0 && !opts.confusion && opts.errors == NULL
      && opts.weights == NULL)
    program_fatal("nothing to do: give image files, or --confusion, "
                  "--errors or --weights; try '%s --help'",
                  program_name());

  struct network *net = loadmodel_read(opts.model, &cost);
  struct minibatch *mb = minibatch_alloc(net, batch_capacity(net), 0);
  mb->cost = cost;

  for (size_t i = 0; i < opts.num_operands; i++)
    predict_file(mb, net, opts.model, opts.operands[i], opts.show);

  if (opts.weights != NULL) {
    struct picture_grid grid = { .columns = 0, .zoom = 2,
                                 .force = opts.force };
    check_picture(picture_write_weights(opts.weights, net->w[1],
                                        MNIST_ROWS, MNIST_COLS, &grid,
                                        err, sizeof err),
                  opts.weights, err);
    printf("Drew the weights into the %zu neurons of layer 1 into %s\n",
           net->sizes[1], opts.weights);
  }

  if (opts.confusion || opts.errors != NULL) {
    struct dataset test;
    size_t counts[MNIST_CLASSES][MNIST_CLASSES] = { { 0 } };

    mnist_load(opts.data, NULL, NULL, &test);
    unsigned char *read = program_calloc(test.n, 1);
    size_t right = classify_test(mb, net, opts.model, &test, read,
                                 counts);
    if (opts.confusion)
      print_confusion(counts, right, test.n);
    if (opts.errors != NULL)
      draw_errors(opts.errors, opts.force, &test, read);
    free(read);
    mnist_free(&test);
  }

  minibatch_free(mb);
  network_free(net);
  return EXIT_SUCCESS;
}
