/* test-04-backprop.c -- backprop's gradient equals the cost's slope.
 *
 * For random networks of 2, 3 and 4 layers and a few random examples,
 * every dC/dw^l_jk and dC/db^l_j that backprop (chapter 4) gives must
 * match chapter 3's central differences, and the gradient must not be
 * trivially zero.  Backprop must also add to the gradient it is given,
 * as the mini-batch sums of chapter 5 need.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <math.h>
#include <stdio.h>

#include <gsl/gsl_matrix.h>
#include <gsl/gsl_rng.h>

#include "backprop.h"
#include "cost.h"
#include "gradient.h"
#include "mnist.h"
#include "network.h"
#include "options.h"
#include "program.h"
#include "tap.h"

#define EXAMPLES 3
#define STEP 1e-5       /* h of the central differences */
#define TOLERANCE 1e-6  /* on the relative error */
#define TINY 1e-8       /* |g| + |n| below this counts as 0 */

/* The networks checked: 2, 3 and 4 layers, small inputs so that no
 * neuron saturates and every gradient is large enough to measure. */
static const size_t SIZES_2[] = { 5, 3 };
static const size_t SIZES_3[] = { 6, 4, 3 };
static const size_t SIZES_4[] = { 7, 5, 4, 3 };

/* |g - n| / max(|g| + |n|, TINY): relative where the gradient is not
 * tiny, and measured against TINY where it is. */
static double
relative_error(double g, double n)
{
  return fabs(g - n) / fmax(fabs(g) + fabs(n), TINY);
}

/* The largest relative_error over matching elements of A and B, seen
 * as arrays of N doubles (GSL's calloc'ed blocks are contiguous). */
static double
max_relative_error(const double *a, const double *b, size_t n)
{
  double worst = 0;

  for (size_t i = 0; i < n; i++)
    worst = fmax(worst, relative_error(a[i], b[i]));
  return worst;
}

/* N examples of SIZE random bytes, labels below CLASSES, drawn from R. */
static struct dataset
random_examples(gsl_rng *r, size_t n, size_t size, size_t classes)
{
  struct dataset set = { n, gsl_matrix_uchar_alloc(n, size),
                         program_calloc(n, 1) };

  for (size_t i = 0; i < n; i++) {
    for (size_t k = 0; k < size; k++)
      gsl_matrix_uchar_set(set.x, i, k,
                           (unsigned char) gsl_rng_uniform_int(r, 256));
    set.y[i] = (unsigned char) gsl_rng_uniform_int(r, classes);
  }
  return set;
}

/* Writes into G the sum over DATA of backprop's dC_x/dw^l, dC_x/db^l. */
static void
backprop_sum(struct network *net, const struct dataset *data,
             struct gradient *g)
{
  struct backprop *bp = backprop_alloc(net);
  size_t L = net->num_layers - 1;
  gsl_vector *x = gsl_vector_alloc(net->sizes[0]);
  gsl_vector *y = gsl_vector_alloc(net->sizes[L]);

  gradient_set_zero(g);
  for (size_t i = 0; i < data->n; i++) {
    mnist_image(data, i, x);
    cost_one_hot(y, data->y[i]);
    backprop_accumulate(bp, net, x, y, g);
  }
  gsl_vector_free(y);
  gsl_vector_free(x);
  backprop_free(bp);
}

/* Checks backprop against central differences on one random network
 * of SIZES; 2L + 1 checks. */
static void
check_network(gsl_rng *r, const size_t *sizes, size_t num_layers)
{
  struct network *net = network_alloc(sizes, num_layers);
  size_t L = num_layers - 1;
  struct dataset data = random_examples(r, EXAMPLES, sizes[0], sizes[L]);
  struct gradient *exact = gradient_alloc(net);
  struct gradient *numerical = gradient_alloc(net);
  double largest = 0;
  char name[64];

  network_init_gaussian(net, r);
  backprop_sum(net, &data, exact);
  gradient_numerical(net, &data, STEP, numerical);
  options_format_sizes(sizes, num_layers, name, sizeof name);

  for (size_t l = 1; l <= L; l++) {  /* l = 1..L */
    gsl_matrix *w = exact->nabla_w[l];
    gsl_vector *b = exact->nabla_b[l];
    size_t nw = w->size1 * w->size2, nb = b->size;
    double err;

    /* cost_total is the mean over the examples; backprop gave the sum */
    gsl_matrix_scale(w, 1.0 / EXAMPLES);
    gsl_vector_scale(b, 1.0 / EXAMPLES);
    for (size_t i = 0; i < nw; i++)
      largest = fmax(largest, fabs(w->data[i]));
    for (size_t i = 0; i < nb; i++)
      largest = fmax(largest, fabs(b->data[i]));

    err = max_relative_error(w->data, numerical->nabla_w[l]->data, nw);
    tap_ok(err < TOLERANCE, "%s: all %zu of backprop's dC/dw^%zu match "
           "central differences: max rel err %.1e < %g", name, nw, l,
           err, TOLERANCE);
    err = max_relative_error(b->data, numerical->nabla_b[l]->data, nb);
    tap_ok(err < TOLERANCE, "%s: all %zu of backprop's dC/db^%zu match "
           "central differences: max rel err %.1e < %g", name, nb, l,
           err, TOLERANCE);
  }
  tap_ok(largest > 1e-3, "%s: the gradient is not trivially zero: "
         "largest |dC/dp| = %.3g > 1e-3", name, largest);

  gradient_free(numerical);
  gradient_free(exact);
  mnist_free(&data);
  network_free(net);
}

/* backprop_accumulate adds to G: two calls on one example give twice
 * what one call gives.  1 check. */
static void
check_accumulates(gsl_rng *r)
{
  struct network *net = network_alloc(SIZES_3, 3);
  struct dataset data = random_examples(r, 1, SIZES_3[0], SIZES_3[2]);
  struct dataset twice = { 2, gsl_matrix_uchar_alloc(2, SIZES_3[0]),
                           program_calloc(2, 1) };
  struct gradient *once = gradient_alloc(net);
  struct gradient *sum = gradient_alloc(net);
  double worst = 0;

  for (size_t i = 0; i < 2; i++) {
    gsl_vector_uchar_const_view row = gsl_matrix_uchar_const_row(data.x, 0);

    gsl_matrix_uchar_set_row(twice.x, i, &row.vector);
    twice.y[i] = data.y[0];
  }
  network_init_gaussian(net, r);
  backprop_sum(net, &data, once);
  backprop_sum(net, &twice, sum);
  for (size_t l = 1; l < net->num_layers; l++) {  /* l = 1..L */
    for (size_t j = 0; j < net->sizes[l]; j++) {
      worst = fmax(worst, fabs(gsl_vector_get(sum->nabla_b[l], j)
                               - 2 * gsl_vector_get(once->nabla_b[l], j)));
      for (size_t k = 0; k < net->sizes[l - 1]; k++)
        worst = fmax(worst, fabs(gsl_matrix_get(sum->nabla_w[l], j, k)
                                 - 2 * gsl_matrix_get(once->nabla_w[l],
                                                      j, k)));
    }
  }
  tap_ok(worst < 1e-12, "backprop adds to the gradient it is given: "
         "two calls give twice one call (largest difference %g < 1e-12)",
         worst);

  gradient_free(sum);
  gradient_free(once);
  mnist_free(&twice);
  mnist_free(&data);
  network_free(net);
}

int
main(int argc, char **argv)
{
  gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);

  (void) argc;
  program_init(argv[0]);
  gsl_rng_set(r, 4);
  tap_plan(3 + 5 + 7 + 1);  /* 2L + 1 per network, then 1 */
  check_network(r, SIZES_2, 2);
  check_network(r, SIZES_3, 3);
  check_network(r, SIZES_4, 4);
  check_accumulates(r);
  gsl_rng_free(r);
  return tap_done();
}
