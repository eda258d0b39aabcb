/* main.c -- chapter 3's program: the cost of chapter 2's untrained
 * network on MNIST; gradient descent with a numerical gradient teaching
 * a small network XOR; and the count of feedforwards that the same
 * method would need for [784,30,10], which is why chapter 4 exists.
 *
 * Text: chapters/03-cost/README.md.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include <gsl/gsl_matrix_uchar.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_vector.h>

#include "cost.h"
#include "evaluate.h"
#include "gradient.h"
#include "mnist.h"
#include "network.h"
#include "options.h"
#include "program.h"

static const struct options_program program = {
  "Print the quadratic cost of a random network on MNIST's test images,\n"
  "teach a [2,3,2] network XOR by gradient descent on a numerical "
  "gradient,\nand count what that gradient would cost for the MNIST "
  "network.",
  OPTIONS_DATA | OPTIONS_SIZES | OPTIONS_SEED
};

/* The XOR example: its network, learning rate, step h of the central
 * differences, and the number of steps, printed every XOR_EVERY. */
static const size_t XOR_SIZES[] = { 2, 3, 2 };
#define XOR_ETA 4.0
#define XOR_H 1e-6
#define XOR_STEPS 1000
#define XOR_EVERY 100

/* The mini-batch size of chapter 5; its epoch is MNIST_TRAINING
 * images. */
#define BATCH_SIZE 10

/* ---- The cost of an untrained network ---------------------------- */

/* Prints C and the count of right answers over the test set; returns
 * the mean seconds of one of the 2 n feedforwards they took. */
static double
untrained(struct network *net, const struct dataset *test,
          const char *sizes, unsigned long seed)
{
  gsl_vector *zero = gsl_vector_calloc(MNIST_CLASSES);
  gsl_vector *y = gsl_vector_alloc(MNIST_CLASSES);
  double start = program_seconds();
  double C = cost_total(net, test);
  size_t right = evaluate_count(net, test);
  double seconds = (program_seconds() - start) / (2.0 * (double) test->n);

  /* The cost of an output of all zeros, the same for every digit. */
  cost_one_hot(y, 0);
  printf("Network [%s] from N(0, 1), seed %lu, on the %zu test images:\n",
         sizes, seed, test->n);
  printf("  quadratic cost C = %.4f\n", C);
  printf("  read right: %zu / %zu\n", right, test->n);
  printf("  (an output of all zeros would cost C = %.4f)\n",
         cost_quadratic(zero, y));
  gsl_vector_free(zero);
  gsl_vector_free(y);
  return seconds;
}

/* ---- Gradient descent on XOR ------------------------------------- */

/* The four inputs of XOR as a two-column dataset, labelled x1 XOR x2:
 * pixel bytes 0 and 255 are the inputs 0 and 1. */
static void
xor_dataset(struct dataset *set)
{
  set->n = 4;
  set->x = gsl_matrix_uchar_alloc(4, 2);
  set->y = program_calloc(4, 1);
  for (size_t i = 0; i < 4; i++) {
    unsigned x1 = i / 2, x2 = i % 2;

    gsl_matrix_uchar_set(set->x, i, 0, (unsigned char) (255 * x1));
    gsl_matrix_uchar_set(set->x, i, 1, (unsigned char) (255 * x2));
    set->y[i] = (unsigned char) (x1 ^ x2);
  }
}

/* The output and answer of NET for each of the four inputs. */
static void
xor_answers(struct network *net, const struct dataset *set)
{
  gsl_vector *x = gsl_vector_alloc(2);

  for (size_t i = 0; i < set->n; i++) {
    mnist_image(set, i, x);
    const gsl_vector *a = network_feedforward(net, x);

    printf("  x = (%g, %g): a^L = (%.3f, %.3f), answer %zu, XOR %u\n",
           gsl_vector_get(x, 0), gsl_vector_get(x, 1),
           gsl_vector_get(a, 0), gsl_vector_get(a, 1),
           evaluate_argmax(a), set->y[i]);
  }
  gsl_vector_free(x);
}

/* Trains a [2,3,2] network, drawn from N(0, 1) with SEED, on XOR by
 * plain gradient descent, with the gradient of C estimated by central
 * differences at every step. */
static void
xor_descent(unsigned long seed)
{
  gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
  struct dataset set;
  struct network *net = network_alloc(XOR_SIZES, 3);
  struct gradient *g = gradient_alloc(net);
  size_t p = network_num_parameters(net);

  xor_dataset(&set);
  gsl_rng_set(r, seed);
  network_init_gaussian(net, r);
  printf("\nGradient descent on XOR, network [2,3,2], %zu parameters\n",
         p);
  printf("  eta = %g; the gradient by central differences, h = %g:\n",
         XOR_ETA, XOR_H);
  printf("  2 x %zu parameters x %zu examples = %zu feedforwards a step\n",
         p, set.n, 2 * p * set.n);
  printf("  step       C  read right\n");
  for (size_t step = 0; step <= XOR_STEPS; step++) {
    if (step % XOR_EVERY == 0)
      printf("  %4zu  %.4f  %zu / %zu\n", step, cost_total(net, &set),
             evaluate_count(net, &set), set.n);
    if (step == XOR_STEPS)
      break;
    /* nabla C, then w -= eta nabla_w C and b -= eta nabla_b C */
    gradient_numerical(net, &set, XOR_H, g);
    gradient_descend(net, g, XOR_ETA);
  }
  xor_answers(net, &set);
  gradient_free(g);
  network_free(net);
  mnist_free(&set);
  gsl_rng_free(r);
}

/* ---- What the numerical gradient would cost for MNIST ------------ */

/* Prints the feedforwards one numerical gradient needs, 2 per
 * parameter per image, and on stderr what they would take at the
 * measured speed of one feedforward. */
static void
too_slow(const struct network *net, const char *sizes,
         double feedforward_seconds)
{
  size_t p = network_num_parameters(net);
  /* Two costs per parameter, C(p + h) and C(p - h), each a
   * feedforward of every image. */
  double batch = 2.0 * (double) p * BATCH_SIZE;
  double epoch = 2.0 * (double) p * MNIST_TRAINING;

  printf("\nThe numerical gradient of network [%s]\n", sizes);
  printf("  parameters: %zu\n", p);
  printf("  feedforwards for one mini-batch: 2 x %zu x %d images = %.0f\n",
         p, BATCH_SIZE, batch);
  printf("  feedforwards for one epoch: 2 x %zu x %d images = %.0f\n",
         p, MNIST_TRAINING, epoch);
  fflush(stdout);
  fprintf(stderr, "one feedforward: %.2g microseconds (timed on the test "
          "images above)\n", 1e6 * feedforward_seconds);
  fprintf(stderr, "so a numerical gradient would take %.2g s for a "
          "mini-batch, %.2g h for an epoch\n", batch * feedforward_seconds,
          epoch * feedforward_seconds / 3600);
}

int
main(int argc, char **argv)
{
  struct options opts = {
    .data = "data/mnist", .sizes = { 784, 30, 10 }, .num_layers = 3,
    .seed = 1
  };
  struct dataset test;
  char sizes[128];

  program_init(argv[0]);
  options_parse(argc, argv, &opts, &program);
  options_check_mnist_sizes(&opts);
  mnist_load(opts.data, NULL, NULL, &test);
  options_format_sizes(opts.sizes, opts.num_layers, sizes, sizeof sizes);

  gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
  gsl_rng_set(r, opts.seed);
  struct network *net = network_alloc(opts.sizes, opts.num_layers);
  network_init_gaussian(net, r);

  double feedforward_seconds = untrained(net, &test, sizes, opts.seed);
  xor_descent(opts.seed);
  too_slow(net, sizes, feedforward_seconds);

  network_free(net);
  gsl_rng_free(r);
  mnist_free(&test);
  return EXIT_SUCCESS;
}
