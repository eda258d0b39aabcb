/* test-10-softmax.c -- the softmax layer and the log-likelihood cost
 * compute what chapter 10 says, even at z = +-1000 (chapter 10).
 *
 * Needs no download: the examples are random 28 x 28 images made here.
 * Checks that softmax gives columns of positive numbers summing to 1,
 * unchanged by a shift of z; that columns with z = 1000 or z = -1000
 * give finite, right outputs and costs; that the cost computed from z
 * equals -ln a_y where a_y is well within range; and that the
 * gradient of the matrix form, with (BP1) Delta^L = A^L - Y, matches
 * central differences of the cost, without a penalty and with L2's.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>

#include <gsl/gsl_matrix.h>
#include <gsl/gsl_rng.h>

#include "crossentropy.h"
#include "gradient.h"
#include "initialization.h"
#include "minibatch.h"
#include "mnist.h"
#include "network.h"
#include "program.h"
#include "regularization.h"
#include "softmax.h"
#include "tap.h"

#define K 10   /* outputs: sizes[L] */

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

/* Z (K x 1) set from the K numbers Z_IN, and A = softmax(Z). */
static void
softmax_of(const double *z_in, gsl_matrix *z, gsl_matrix *a)
{
  for (size_t j = 0; j < K; j++)
    gsl_matrix_set(z, j, 0, z_in[j]);
  softmax_output.activate(a, z);
}

/* C_x of the column Z_IN with the right digit DIGIT. */
static double
cost_of(const double *z_in, size_t digit)
{
  gsl_matrix *z = gsl_matrix_alloc(K, 1), *a = gsl_matrix_alloc(K, 1);
  gsl_matrix *y = gsl_matrix_calloc(K, 1);

  softmax_of(z_in, z, a);
  gsl_matrix_set(y, digit, 0, 1.0);
  double c = softmax_log_likelihood.fn(z, a, y);
  gsl_matrix_free(z);
  gsl_matrix_free(a);
  gsl_matrix_free(y);
  return c;
}

/* True when every element of the column A is finite. */
static bool
all_finite(const gsl_matrix *a)
{
  for (size_t j = 0; j < a->size1; j++)
    if (!isfinite(gsl_matrix_get(a, j, 0)))
      return false;
  return true;
}

/* N random images, about a fifth of their pixels ink, random labels. */
static void
random_set(struct dataset *set, size_t n, gsl_rng *r)
{
  set->n = n;
  set->x = gsl_matrix_uchar_calloc(n, MNIST_PIXELS);
  set->y = program_calloc(n, 1);
  for (size_t i = 0; i < n; i++) {
    for (size_t k = 0; k < MNIST_PIXELS; k++)
      if (gsl_rng_uniform(r) < 0.2)
        gsl_matrix_uchar_set(set->x, i, k,
                             (unsigned char) gsl_rng_uniform_int(r, 256));
    set->y[i] = (unsigned char) gsl_rng_uniform_int(r, MNIST_CLASSES);
  }
}

/* ------------------------------------------------------------------ */
/* The layer and the cost on single columns                            */

/* Columns of random z, spread over [-20, 20]: positive outputs that
 * sum to 1, and the same outputs for z + 500. */
static void
check_sums(gsl_rng *r)
{
  gsl_matrix *z = gsl_matrix_alloc(K, 1), *a = gsl_matrix_alloc(K, 1);
  gsl_matrix *a_shift = gsl_matrix_alloc(K, 1);
  double worst_sum = 0, worst_shift = 0;
  bool positive = true;

  for (int trial = 0; trial < 100; trial++) {
    double z_in[K], z_shift[K], sum = 0;

    for (size_t j = 0; j < K; j++) {
      z_in[j] = 40.0 * gsl_rng_uniform(r) - 20.0;
      z_shift[j] = z_in[j] + 500.0;
    }
    softmax_of(z_shift, z, a_shift);
    softmax_of(z_in, z, a);
    for (size_t j = 0; j < K; j++) {
      double a_j = gsl_matrix_get(a, j, 0);

      sum += a_j;
      positive = positive && a_j > 0 && a_j < 1;
      worst_shift = fmax(worst_shift,
                         fabs(a_j - gsl_matrix_get(a_shift, j, 0)));
    }
    worst_sum = fmax(worst_sum, fabs(sum - 1.0));
  }
  tap_ok(positive && worst_sum <= 1e-15, "100 random columns, z in "
         "[-20, 20]: every a_j in (0, 1), |sum_j a_j - 1| <= %.2g <= "
         "1e-15", worst_sum);
  tap_ok(worst_shift <= 1e-15, "softmax(z + 500) = softmax(z): max "
         "diff %.2g <= 1e-15", worst_shift);
  gsl_matrix_free(z);
  gsl_matrix_free(a);
  gsl_matrix_free(a_shift);
}

/* Columns at z = +-1000, where e^z overflows to infinity or underflows
 * to 0 and a naive softmax gives NaN. */
static void
check_extremes(void)
{
  gsl_matrix *z = gsl_matrix_alloc(K, 1), *a = gsl_matrix_alloc(K, 1);
  double one_high[K] = { 0 }, all_high[K], all_low[K], one_low[K];

  one_high[3] = 1000.0;
  for (size_t j = 0; j < K; j++) {
    all_high[j] = 1000.0;
    all_low[j] = -1000.0;
    one_low[j] = 0.0;
  }
  one_low[3] = -1000.0;

  softmax_of(one_high, z, a);
  tap_ok(all_finite(a) && gsl_matrix_get(a, 3, 0) == 1.0
         && gsl_matrix_get(a, 0, 0) == 0.0,
         "z_3 = 1000, other z_j = 0: a_3 = %g (want 1), a_0 = %g "
         "(want e^-1000, 0 in doubles)", gsl_matrix_get(a, 3, 0),
         gsl_matrix_get(a, 0, 0));
  softmax_of(all_high, z, a);
  tap_ok(all_finite(a) && fabs(gsl_matrix_get(a, 0, 0) - 0.1) <= 1e-15
         && fabs(gsl_matrix_get(a, 9, 0) - 0.1) <= 1e-15,
         "every z_j = 1000: a_j = %.17g (want 0.1)",
         gsl_matrix_get(a, 0, 0));
  softmax_of(all_low, z, a);
  tap_ok(all_finite(a) && fabs(gsl_matrix_get(a, 0, 0) - 0.1) <= 1e-15
         && fabs(gsl_matrix_get(a, 9, 0) - 0.1) <= 1e-15,
         "every z_j = -1000: a_j = %.17g (want 0.1, not 0/0)",
         gsl_matrix_get(a, 0, 0));
  softmax_of(one_low, z, a);
  tap_ok(all_finite(a) && gsl_matrix_get(a, 3, 0) == 0.0
         && fabs(gsl_matrix_get(a, 0, 0) - 1.0 / 9) <= 1e-15,
         "z_3 = -1000, other z_j = 0: a_3 = %g (want 0), a_0 = %.17g "
         "(want 1/9)", gsl_matrix_get(a, 3, 0), gsl_matrix_get(a, 0, 0));

  /* The cost, from z: finite where -ln a_y would be -ln 0. */
  double right = cost_of(one_high, 3), wrong = cost_of(one_high, 0);
  double low = cost_of(all_low, 7);
  tap_ok(right == 0.0 && wrong == 1000.0,
         "z_3 = 1000, other z_j = 0: C_x = %g for y = 3 (want 0), %.17g "
         "for y = 0 (want 1000, where -ln a_0 is inf)", right, wrong);
  tap_ok(fabs(low - log(10.0)) <= 1e-12, "every z_j = -1000: C_x = "
         "%.17g (want ln 10)", low);
  gsl_matrix_free(z);
  gsl_matrix_free(a);
}

/* Where a_y is well within range, C_x from z is -ln a_y. */
static void
check_cost(gsl_rng *r)
{
  gsl_matrix *z = gsl_matrix_alloc(K, 1), *a = gsl_matrix_alloc(K, 1);
  double worst = 0;

  for (int trial = 0; trial < 100; trial++) {
    double z_in[K];
    size_t digit = gsl_rng_uniform_int(r, K);

    for (size_t j = 0; j < K; j++)
      z_in[j] = 10.0 * gsl_rng_uniform(r) - 5.0;
    softmax_of(z_in, z, a);
    double want = -log(gsl_matrix_get(a, digit, 0));
    worst = fmax(worst, fabs(cost_of(z_in, digit) - want) / want);
  }
  tap_ok(worst <= 1e-12, "100 random columns, z in [-5, 5]: C_x from "
         "z = -ln a_y, max rel diff %.2g <= 1e-12", worst);
  gsl_matrix_free(z);
  gsl_matrix_free(a);
}

/* --cost names: the log-likelihood, and chapter 7's two. */
static void
check_find(void)
{
  tap_ok(softmax_find("log-likelihood") == &softmax_log_likelihood
         && softmax_log_likelihood.output == &softmax_output
         && softmax_find("cross-entropy") == &crossentropy_cost
         && softmax_find("quadratic") == &minibatch_quadratic
         && softmax_find("softmax") == NULL,
         "softmax_find() knows log-likelihood (on softmax outputs), "
         "cross-entropy and quadratic, and nothing else");
}

/* ------------------------------------------------------------------ */
/* The gradient through the matrix form                                */

/* The cost that a step on the M examples loaded in MB descends:
 * sum_x C_x, plus (m lambda / n) sum_l R(w^l) with a penalty.  Fed
 * forward as one matrix. */
static double
batch_cost(struct minibatch *mb, const struct network *net)
{
  size_t L = net->num_layers - 1;
  gsl_matrix_view z = gsl_matrix_submatrix(mb->z[L], 0, 0, K, mb->m);
  gsl_matrix_view a = gsl_matrix_submatrix(mb->a[L], 0, 0, K, mb->m);
  gsl_matrix_view y = gsl_matrix_submatrix(mb->y, 0, 0, K, mb->m);

  minibatch_feedforward(mb, net);
  double c = mb->cost->fn(&z.matrix, &a.matrix, &y.matrix);
  if (mb->penalty != NULL)
    c += (double) mb->m * mb->lambda / (double) mb->n
         * regularization_penalty(mb->penalty, net);
  return c;
}

/* The gradient of batch_cost() that one step of MB takes, read off the
 * step itself: with eta = m, w^l <- beta w^l - nabla_w^l and
 * b^l <- b^l - nabla_b^l, so that G = (start - after) is nabla plus
 * the penalty's (m lambda / n) dR/dw^l. */
static void
step_gradient(struct minibatch *mb, const struct network *net,
              struct gradient *g)
{
  struct network *after = network_alloc(net->sizes, net->num_layers);

  network_memcpy(after, net);
  minibatch_feedforward(mb, after);
  minibatch_backprop(mb, after);
  minibatch_step(mb, after, (double) mb->m);
  for (size_t l = 1; l < net->num_layers; l++) {  /* l = 1..L */
    gsl_matrix_memcpy(g->nabla_w[l], net->w[l]);
    gsl_matrix_sub(g->nabla_w[l], after->w[l]);
    gsl_vector_memcpy(g->nabla_b[l], net->b[l]);
    gsl_vector_sub(g->nabla_b[l], after->b[l]);
  }
  network_free(after);
}

/* The gradient G of MB's batch cost against central differences, over
 * every bias and every 37th weight; returns the norm of the gradient
 * checked and sets *REL to the relative error ||G - num|| / ||num||. */
static double
compare_numerical(struct minibatch *mb, struct network *net,
                  const struct gradient *g, double *rel, size_t *checked)
{
  const double h = 1e-5;
  double diff2 = 0, norm2 = 0;

  *checked = 0;
  for (size_t l = 1; l < net->num_layers; l++) {  /* l = 1..L */
    size_t count = net->w[l]->size1 * net->w[l]->size2;

    for (size_t p = 0; p < count + net->sizes[l]; p++) {
      double *param = p < count ? net->w[l]->data + p
                                : net->b[l]->data + (p - count);
      double analytic = p < count ? g->nabla_w[l]->data[p]
                                  : g->nabla_b[l]->data[p - count];
      double saved = *param;

      if (p < count && p % 37 != 0)
        continue;
      *param = saved + h;
      double plus = batch_cost(mb, net);
      *param = saved - h;
      double minus = batch_cost(mb, net);
      *param = saved;
      double numerical = (plus - minus) / (2 * h);
      diff2 += (analytic - numerical) * (analytic - numerical);
      norm2 += numerical * numerical;
      (*checked)++;
    }
  }
  *rel = sqrt(diff2 / norm2);
  return sqrt(norm2);
}

/* Softmax and the log-likelihood through [784, 12, 11, 10], m = 5 of
 * 60 examples: (BP1)-(BP4) of the matrix form against central
 * differences, without a penalty and with L2, lambda = 5. */
static void
check_gradient(const struct dataset *data, gsl_rng *r)
{
  const size_t sizes[] = { 784, 12, 11, K }, m = 5;
  const double tolerance = 1e-6;
  struct network *net = network_alloc(sizes, 4);
  struct minibatch *mb = minibatch_alloc(net, m, data->n);
  struct gradient *g = gradient_alloc(net), *g_l2 = gradient_alloc(net);
  size_t batch[5], checked;
  double rel, norm;

  initialization_scaled(net, r);
  mb->cost = &softmax_log_likelihood;
  for (size_t i = 0; i < m; i++)
    batch[i] = gsl_rng_uniform_int(r, data->n);
  minibatch_load(mb, data, batch, m);

  /* Without a penalty: minibatch_gradient(), sum_x dC_x/dw^l. */
  minibatch_feedforward(mb, net);
  minibatch_backprop(mb, net);
  minibatch_gradient(mb, net, g);
  norm = compare_numerical(mb, net, g, &rel, &checked);
  tap_ok(rel < tolerance, "softmax, log-likelihood, [784,12,11,10], "
         "m = 5: matrix gradient matches central differences on %zu "
         "parameters, rel err %.2g < %g", checked, rel, tolerance);
  tap_ok(norm > 1e-3, "the gradient checked is not trivially small: "
         "norm %.3g > 0.001", norm);

  /* With L2: the gradient the step takes, penalty included. */
  mb->penalty = &regularization_l2;
  mb->lambda = 5.0;
  step_gradient(mb, net, g_l2);
  norm = compare_numerical(mb, net, g_l2, &rel, &checked);
  tap_ok(rel < tolerance, "... with L2, lambda = 5, n = %zu: the step's "
         "gradient matches central differences of sum_x C_x + (m "
         "lambda / n) R(w), rel err %.2g < %g", data->n, rel, tolerance);

  /* The penalty's part must be large enough to be seen. */
  double diff2 = 0, size2 = 0;
  for (size_t l = 1; l < net->num_layers; l++) {  /* l = 1..L */
    for (size_t p = 0; p < net->w[l]->size1 * net->w[l]->size2; p++) {
      double d = g_l2->nabla_w[l]->data[p] - g->nabla_w[l]->data[p];

      diff2 += d * d;
      size2 += g_l2->nabla_w[l]->data[p] * g_l2->nabla_w[l]->data[p];
    }
  }
  tap_ok(sqrt(diff2 / size2) > 0.01, "L2's part of that gradient is "
         "%.2g of its norm (> 0.01): the check sees the penalty",
         sqrt(diff2 / size2));
  gradient_free(g);
  gradient_free(g_l2);
  minibatch_free(mb);
  network_free(net);
}

int
main(int argc, char **argv)
{
  struct dataset data;
  gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);

  (void) argc;
  program_init(argv[0]);
  gsl_rng_set(r, 10);
  random_set(&data, 60, r);

  tap_plan(14);
  check_sums(r);
  check_extremes();
  check_cost(r);
  check_find();
  check_gradient(&data, r);
  mnist_free(&data);
  gsl_rng_free(r);
  return tap_done();
}
