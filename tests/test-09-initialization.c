/* test-09-initialization.c -- the new start draws what it promises
 * (chapter 9).
 *
 * Needs no download.  Checks, on a network with a large first layer,
 * that initialization_scaled() draws the weights into layer l with
 * mean 0 and standard deviation 1/sqrt(n_in), n_in = sizes[l-1], and
 * the biases with standard deviation 1; that from the same seed it
 * makes chapter 2's draws, the weights divided by sqrt(n_in) and the
 * biases unchanged; and that on inputs like MNIST's the weighted
 * inputs of the first layer spread about 1 with the new start and far
 * more with the old.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_rng.h>
#include <gsl/gsl_statistics_double.h>

#include "initialization.h"
#include "network.h"
#include "program.h"
#include "tap.h"

/* The sample standard deviation of the sizes[l] x sizes[l-1] weights of
 * w^l, and their mean into *MEAN.  The matrix is contiguous (GSL
 * allocates it so), so its data is one array of size1 * size2. */
static double
weights_sd(const gsl_matrix *w, double *mean)
{
  size_t count = w->size1 * w->size2;

  *mean = gsl_stats_mean(w->data, 1, count);
  return gsl_stats_sd_m(w->data, 1, count, *mean);
}

/* The spread of the new weights: for each layer l = 1..L, mean within
 * a few standard errors of 0, and standard deviation within TOL
 * (relative) of 1/sqrt(sizes[l-1]). */
static void
check_spread(const struct network *net, const double *tol)
{
  for (size_t l = 1; l < net->num_layers; l++) {  /* l = 1..L */
    size_t n_in = net->sizes[l - 1];
    size_t count = net->sizes[l] * n_in;
    double mean, want = 1.0 / sqrt((double) n_in);
    double sd = weights_sd(net->w[l], &mean);
    /* The standard error of the mean of COUNT draws is
     * want / sqrt(count); five of them is far out of chance's reach. */
    double mean_tol = 5.0 * want / sqrt((double) count);

    tap_ok(fabs(sd / want - 1.0) <= tol[l] && fabs(mean) <= mean_tol,
           "w^%zu (%zu x %zu): sample sd %.5f, 1/sqrt(n_in) = %.5f, "
           "rel diff %.4f <= %g; mean %.2g within %.2g of 0", l,
           net->sizes[l], n_in, sd, want, fabs(sd / want - 1.0), tol[l],
           mean, mean_tol);
  }
}

/* The biases of layer 1 still come from N(0, 1). */
static void
check_biases(const struct network *net)
{
  const gsl_vector *b = net->b[1];
  double sd = gsl_stats_sd(b->data, b->stride, b->size);

  /* 1000 draws: the relative standard error of the sample sd is
   * 1/sqrt(2000) = 0.022, so 0.1 is about 4.5 of them. */
  tap_ok(fabs(sd - 1.0) <= 0.1, "b^1 (%zu): sample sd %.4f within 0.1 "
         "of 1", b->size, sd);
}

/* From one seed, the new start is the old one with each w^l divided by
 * sqrt(n_in), and the same biases. */
static void
check_same_draws(const size_t *sizes, size_t num_layers)
{
  gsl_rng *r_old = gsl_rng_alloc(gsl_rng_mt19937);
  gsl_rng *r_new = gsl_rng_alloc(gsl_rng_mt19937);
  struct network *old = network_alloc(sizes, num_layers);
  struct network *new = network_alloc(sizes, num_layers);
  double w_diff = 0, b_diff = 0;

  gsl_rng_set(r_old, 9);
  gsl_rng_set(r_new, 9);
  network_init_gaussian(old, r_old);
  initialization_scaled(new, r_new);
  for (size_t l = 1; l < num_layers; l++) {  /* l = 1..L */
    double scale = 1.0 / sqrt((double) sizes[l - 1]);

    for (size_t j = 0; j < sizes[l]; j++) {
      for (size_t k = 0; k < sizes[l - 1]; k++) {
        double want = gsl_matrix_get(old->w[l], j, k) * scale;
        double got = gsl_matrix_get(new->w[l], j, k);

        w_diff = fmax(w_diff, fabs(got - want) / fabs(want));
      }
      b_diff = fmax(b_diff, fabs(gsl_vector_get(new->b[l], j)
                                 - gsl_vector_get(old->b[l], j)));
    }
  }
  tap_ok(w_diff <= 1e-15, "same seed: each new weight is the old one "
         "over sqrt(n_in), max rel diff %.2g <= 1e-15", w_diff);
  tap_ok(b_diff == 0, "same seed: the biases are the very same numbers "
         "(max diff %.2g)", b_diff);
  tap_ok(gsl_rng_get(r_old) == gsl_rng_get(r_new), "both starts drew "
         "the same count of numbers, so the shuffles that follow agree");
  network_free(old);
  network_free(new);
  gsl_rng_free(r_old);
  gsl_rng_free(r_new);
}

/* The standard deviation of z^1_j over the neurons j of layer 1 and
 * N random inputs, each pixel lit (1) with probability P, else 0. */
static double
z_spread(struct network *net, size_t n, double p, gsl_rng *r)
{
  gsl_vector *x = gsl_vector_alloc(net->sizes[0]);
  double sum = 0, sum2 = 0;
  size_t count = 0;

  for (size_t i = 0; i < n; i++) {
    for (size_t k = 0; k < x->size; k++)
      gsl_vector_set(x, k, gsl_rng_uniform(r) < p ? 1.0 : 0.0);
    network_feedforward(net, x);
    for (size_t j = 0; j < net->sizes[1]; j++) {
      double z = gsl_vector_get(net->z[1], j);

      sum += z;
      sum2 += z * z;
      count++;
    }
  }
  gsl_vector_free(x);
  double mean = sum / (double) count;
  return sqrt(sum2 / (double) count - mean * mean);
}

/* The point of the chapter: with about 150 of 784 inputs lit, z^1 has
 * standard deviation sqrt(150 + 1) ~ 12.3 from the old start and
 * sqrt(150/784 + 1) ~ 1.09 from the new, 1 of which is the bias's.
 * SIZES has a wide layer 1, so that its many biases sample N(0, 1)
 * well. */
static void
check_z(const size_t *sizes, size_t num_layers)
{
  const double p = 150.0 / 784.0;
  gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
  struct network *net = network_alloc(sizes, num_layers);

  gsl_rng_set(r, 12);
  network_init_gaussian(net, r);
  double old = z_spread(net, 200, p, r);
  initialization_scaled(net, r);
  double new = z_spread(net, 200, p, r);
  tap_ok(fabs(old - sqrt(151.0)) <= 0.1 * sqrt(151.0),
         "old start, 150 of 784 inputs lit: z^1 sd %.2f, within 10%% of "
         "sqrt(151) = %.2f", old, sqrt(151.0));
  tap_ok(fabs(new - sqrt(150.0 / 784 + 1)) <= 0.1,
         "new start, 150 of 784 inputs lit: z^1 sd %.3f, within 0.1 of "
         "sqrt(150/784 + 1) = %.3f", new, sqrt(150.0 / 784 + 1));
  network_free(net);
  gsl_rng_free(r);
}

int
main(int argc, char **argv)
{
  const size_t big[] = { 784, 1000, 100, 10 };
  const size_t small[] = { 784, 30, 10 }, wide[] = { 784, 1000, 10 };
  /* Relative tolerances on the sd of w^1, w^2, w^3 (index l): the
   * sample sd of N draws has a relative standard error 1/sqrt(2N),
   * 0.0008, 0.0022 and 0.022 for these layers; each tolerance is about
   * 5 of them, far from the factor sqrt(n_in) that a scale of 1/n_in
   * or of 1 would give. */
  const double tol[] = { 0, 0.005, 0.012, 0.11 };
  gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
  struct network *net = network_alloc(big, 4);

  (void) argc;
  program_init(argv[0]);
  tap_plan(9);
  gsl_rng_set(r, 2026);
  initialization_scaled(net, r);
  check_spread(net, tol);
  check_biases(net);
  check_same_draws(small, 3);
  check_z(wide, 3);
  network_free(net);
  gsl_rng_free(r);
  return tap_done();
}
