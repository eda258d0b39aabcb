/* main.c -- chapter 4's program: backprop's gradient checked against
 * central differences, and how much work backprop saves.
 *
 * First it computes the gradient of the mean quadratic cost of a few
 * random images twice, by backprop (chapter 4) and by chapter 3's
 * central differences, on a small network with two hidden layers, and
 * prints the largest relative difference for each w^l and b^l.  Then
 * it counts the passes each method needs for one gradient on
 * [784,30,10], and times both on stderr.  Random images stand in for
 * MNIST, so the program needs no data.
 *
 * Text: chapters/04-backprop/README.md.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <gsl/gsl_matrix.h>
#include <gsl/gsl_rng.h>

#include "backprop.h"
#include "cost.h"
#include "gradient.h"
#include "mnist.h"
#include "network.h"
#include "options.h"
#include "program.h"

/* The network of the check: two hidden layers, so that BP2 runs twice,
 * and few enough weights for central differences to take well under a
 * second. */
static const size_t CHECK_SIZES[] = { 784, 8, 6, 10 };
#define CHECK_LAYERS (sizeof CHECK_SIZES / sizeof CHECK_SIZES[0])
#define CHECK_IMAGES 4

/* The steps h of the central differences, one column each.  Their
 * error is about h^2 times a third derivative, so it falls a hundredfold
 * from one column to the next; rounding adds about 1e-16 / h, far below
 * that for these steps, so the digits printed do not depend on the
 * BLAS's order of additions. */
static const double CHECK_STEPS[] = { 1e-1, 1e-2 };
#define CHECK_NUM_STEPS (sizeof CHECK_STEPS / sizeof CHECK_STEPS[0])

/* One pixel in this many is ink; the rest of an image is blank, as most
 * of a digit's is.  Uniform noise in every pixel would drive nearly
 * every neuron of layer 1 deep into saturation, where its gradients are
 * too small for central differences to measure. */
#define CHECK_INK_ODDS 50

/* Below this, |g| + |n| counts as a gradient of 0 (see
 * relative_error). */
#define TINY 1e-8

/* Backprop is timed over this many gradients, each well under a
 * millisecond. */
#define TIMED_BACKPROPS 1000

/* The network of the speed comparison: the book's. */
static const size_t SPEED_SIZES[] = { 784, 30, 10 };
#define SPEED_LAYERS (sizeof SPEED_SIZES / sizeof SPEED_SIZES[0])

static const struct options_program program = {
  "Check backprop's gradient against central differences on random\n"
  "images, and compare the work of the two methods.",
  OPTIONS_SEED
};

/* N random 28 x 28 images drawn from R: each pixel is blank except
 * with probability 1 / CHECK_INK_ODDS, when it is a uniform byte
 * 0..255.  Their labels are random digits 0..9. */
static struct dataset
random_images(gsl_rng *r, size_t n)
{
  struct dataset set = { n, gsl_matrix_uchar_alloc(n, MNIST_PIXELS),
                         program_calloc(n, 1) };

  for (size_t i = 0; i < n; i++) {
    for (size_t k = 0; k < MNIST_PIXELS; k++)
      gsl_matrix_uchar_set(set.x, i, k,
                           gsl_rng_uniform_int(r, CHECK_INK_ODDS) ? 0
                           : (unsigned char) gsl_rng_uniform_int(r, 256));
    set.y[i] = (unsigned char) gsl_rng_uniform_int(r, MNIST_CLASSES);
  }
  return set;
}

/* A network of SIZES with N(0, 1) weights and biases drawn from R. */
static struct network *
random_network(const size_t *sizes, size_t num_layers, gsl_rng *r)
{
  struct network *net = network_alloc(sizes, num_layers);

  network_init_gaussian(net, r);
  return net;
}

/* Writes into G the gradient of C = (1/n) sum_x C_x over the n
 * examples of DATA, by backprop: the sum of the examples' gradients,
 * then divided by n. */
static void
backprop_mean_gradient(struct backprop *bp, struct network *net,
                       const struct dataset *data, struct gradient *g)
{
  size_t L = net->num_layers - 1;
  gsl_vector *x = gsl_vector_alloc(net->sizes[0]);
  gsl_vector *y = gsl_vector_alloc(net->sizes[L]);

  gradient_set_zero(g);
  for (size_t i = 0; i < data->n; i++) {
    mnist_image(data, i, x);
    cost_one_hot(y, data->y[i]);
    backprop_accumulate(bp, net, x, y, g);
  }
  for (size_t l = 1; l <= L; l++) {  /* l = 1..L */
    gsl_matrix_scale(g->nabla_w[l], 1.0 / (double) data->n);
    gsl_vector_scale(g->nabla_b[l], 1.0 / (double) data->n);
  }
  gsl_vector_free(x);
  gsl_vector_free(y);
}

/* |g - n| / (|g| + |n|): 0 when the two agree, 1 when they differ
 * completely.  Where both are below TINY the gradient is taken as 0 and
 * the difference is measured against TINY instead, so that two tiny
 * numbers differing by rounding alone do not look like a wrong
 * gradient. */
static double
relative_error(double g, double n)
{
  return fabs(g - n) / fmax(fabs(g) + fabs(n), TINY);
}

/* The largest relative_error between matching elements of A and B, two
 * matrices of the same shape. */
static double
max_relative_error(const gsl_matrix *a, const gsl_matrix *b)
{
  double worst = 0;

  for (size_t j = 0; j < a->size1; j++)
    for (size_t k = 0; k < a->size2; k++)
      worst = fmax(worst, relative_error(gsl_matrix_get(a, j, k),
                                         gsl_matrix_get(b, j, k)));
  return worst;
}

/* The same for two vectors, seen as one-column matrices. */
static double
max_relative_error_vector(const gsl_vector *a, const gsl_vector *b)
{
  gsl_matrix_const_view ma = gsl_matrix_const_view_vector(a, a->size, 1);
  gsl_matrix_const_view mb = gsl_matrix_const_view_vector(b, b->size, 1);

  return max_relative_error(&ma.matrix, &mb.matrix);
}

/* Prints one row of the check's table: the name and shape of one
 * gradient, then its largest relative difference at each step h. */
static void
print_row(const char *name, size_t l, const char *shape,
          const double *errors)
{
  char label[32];

  snprintf(label, sizeof label, "%s^%zu", name, l);
  printf("  %-9s %-9s", label, shape);
  for (size_t i = 0; i < CHECK_NUM_STEPS; i++)
    printf("   %.1e", errors[i]);
  putchar('\n');
}

/* Part 1: the two gradients of a small network side by side. */
static void
check_gradient(gsl_rng *r)
{
  struct network *net = random_network(CHECK_SIZES, CHECK_LAYERS, r);
  struct dataset data = random_images(r, CHECK_IMAGES);
  struct backprop *bp = backprop_alloc(net);
  struct gradient *exact = gradient_alloc(net);
  struct gradient *numerical = gradient_alloc(net);
  size_t L = net->num_layers - 1;
  double err_w[CHECK_LAYERS][CHECK_NUM_STEPS];
  double err_b[CHECK_LAYERS][CHECK_NUM_STEPS];
  char text[64];

  backprop_mean_gradient(bp, net, &data, exact);
  for (size_t i = 0; i < CHECK_NUM_STEPS; i++) {
    gradient_numerical(net, &data, CHECK_STEPS[i], numerical);
    for (size_t l = 1; l <= L; l++) {  /* l = 1..L */
      err_w[l][i] = max_relative_error(exact->nabla_w[l],
                                       numerical->nabla_w[l]);
      err_b[l][i] = max_relative_error_vector(exact->nabla_b[l],
                                              numerical->nabla_b[l]);
    }
  }

  options_format_sizes(net->sizes, net->num_layers, text, sizeof text);
  printf("Gradient check: network %s, %zu weights and biases, "
         "%d random images\n", text, network_num_parameters(net),
         CHECK_IMAGES);
  printf("largest relative difference, backprop vs central "
         "differences:\n");
  printf("  %-19s", "");
  for (size_t i = 0; i < CHECK_NUM_STEPS; i++) {
    snprintf(text, sizeof text, "h = %g", CHECK_STEPS[i]);
    printf("%10s", text);
  }
  putchar('\n');
  for (size_t l = 1; l <= L; l++) {  /* l = 1..L */
    snprintf(text, sizeof text, "%zu x %zu", net->sizes[l],
             net->sizes[l - 1]);
    print_row("dC/dw", l, text, err_w[l]);
    snprintf(text, sizeof text, "%zu", net->sizes[l]);
    print_row("dC/db", l, text, err_b[l]);
  }

  gradient_free(numerical);
  gradient_free(exact);
  backprop_free(bp);
  mnist_free(&data);
  network_free(net);
}

/* Part 2: the work of one gradient of C_x on the book's network, by
 * each method; the counts on stdout, the measured times on stderr. */
static void
compare_speed(gsl_rng *r)
{
  struct network *net = random_network(SPEED_SIZES, SPEED_LAYERS, r);
  struct dataset data = random_images(r, 1);
  struct backprop *bp = backprop_alloc(net);
  struct gradient *g = gradient_alloc(net);
  size_t params = network_num_parameters(net);
  double start, backprop_seconds, numerical_seconds;
  char sizes[64];

  options_format_sizes(net->sizes, net->num_layers, sizes, sizeof sizes);
  printf("\nOne gradient of C_x, network %s, %zu weights and biases:\n",
         sizes, params);
  printf("  backprop:            1 forward pass and 1 backward pass\n");
  printf("  central differences: %zu forward passes (2 per parameter)\n",
         2 * params);
  fflush(stdout);

  start = program_seconds();
  for (int i = 0; i < TIMED_BACKPROPS; i++)
    backprop_mean_gradient(bp, net, &data, g);
  backprop_seconds = (program_seconds() - start) / TIMED_BACKPROPS;

  start = program_seconds();
  gradient_numerical(net, &data, CHECK_STEPS[0], g);
  numerical_seconds = program_seconds() - start;

  fprintf(stderr, "%s: one gradient took %.3g s by backprop, %.3g s by "
          "central differences (%.0f times as long)\n", program_name(),
          backprop_seconds, numerical_seconds,
          numerical_seconds / backprop_seconds);

  gradient_free(g);
  backprop_free(bp);
  mnist_free(&data);
  network_free(net);
}

int
main(int argc, char **argv)
{
  struct options opts = { .seed = 1 };

  program_init(argv[0]);
  options_parse(argc, argv, &opts, &program);

  gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
  gsl_rng_set(r, opts.seed);
  check_gradient(r);
  compare_speed(r);
  gsl_rng_free(r);
  return EXIT_SUCCESS;
}
