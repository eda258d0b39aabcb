/* softmax.c -- a softmax output layer and the log-likelihood cost
 * (chapter 10).
 *
 * Adds to chapter 9 a new output layer: instead of ten independent
 * sigmoid neurons, one softmax over the ten, whose outputs form a
 * probability distribution, and the cost that goes with it, the
 * log-likelihood of the right digit.  They are chapter 6's hooks, a
 * struct minibatch_output and a struct minibatch_cost, so the matrix
 * form trains them unchanged once mb->cost points to the cost.
 * Both are computed so that no finite z makes them overflow or give
 * a NaN.  Softmax comes only with the log-likelihood: with another
 * cost its (BP1) would need the whole Jacobian da_k/dz_j, not
 * A^L - Y, and nothing here needs that.
 * Text: chapters/10-softmax/README.md.
 *
 * Notation (doc/notation.md), layers numbered from 0, L the output:
 *   z, a          one column of Z^L, A^L: an example's weighted
 *                 inputs and outputs of layer L, sizes[L] each
 *   y             its one-hot target, a column of Y
 *   lse(z)        ln sum_j e^{z_j}               softmax_log_sum_exp()
 *   C_x           -ln a_y = lse(z) - z_y         softmax_log_likelihood
 *   Delta^L       (BP1), dC_x/dz^L per column    ->delta
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <math.h>
#include <string.h>

#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>

#include "crossentropy.h"
#include "minibatch.h"
#include "softmax.h"

/* ------------------------------------------------------------------ */
/* The softmax layer                                                   */

double
softmax_log_sum_exp(const gsl_vector *z)
{
  double max = gsl_vector_max(z), sum = 0;

  /* sum_j e^{z_j - max}: each term in (0, 1], the largest exactly 1 */
  for (size_t j = 0; j < z->size; j++)
    sum += exp(gsl_vector_get(z, j) - max);
  /* ln sum_j e^{z_j} = max + ln sum_j e^{z_j - max} */
  return max + log(sum);
}

/* A = softmax(Z), one column (one example) at a time. */
static void
softmax_activate(gsl_matrix *a, const gsl_matrix *z)
{
  for (size_t i = 0; i < z->size2; i++) {
    gsl_vector_const_view z_i = gsl_matrix_const_column(z, i);
    gsl_vector_view a_i = gsl_matrix_column(a, i);
    double max = gsl_vector_max(&z_i.vector), sum = 0;

    /* a_j = e^{z_j - max}: the same quotient as e^{z_j}, and never
     * more than 1 */
    for (size_t j = 0; j < z->size1; j++) {
      double e = exp(gsl_vector_get(&z_i.vector, j) - max);

      gsl_vector_set(&a_i.vector, j, e);
      sum += e;
    }
    /* a_j /= sum_k e^{z_k - max}, with sum >= 1 */
    gsl_vector_scale(&a_i.vector, 1.0 / sum);
  }
}

const struct minibatch_output softmax_output = {
  "softmax", softmax_activate
};

/* ------------------------------------------------------------------ */
/* The log-likelihood cost, and its (BP1)                              */

/* The sum over the m columns of C_x = sum_j y_j (lse(z) - z_j), which
 * is -ln a_y for a one-hot y.  A term whose y_j is 0 is skipped. */
static double
log_likelihood_fn(const gsl_matrix *z, const gsl_matrix *a,
                  const gsl_matrix *y)
{
  double sum = 0;

  (void) a;
  for (size_t i = 0; i < z->size2; i++) {
    gsl_vector_const_view z_i = gsl_matrix_const_column(z, i);
    double lse = softmax_log_sum_exp(&z_i.vector);

    /* -ln a_j = -(z_j - lse) = lse - z_j, from z alone */
    for (size_t j = 0; j < z->size1; j++) {
      double y_j = gsl_matrix_get(y, j, i);

      if (y_j != 0)
        sum += y_j * (lse - gsl_matrix_get(z, j, i));
    }
  }
  return sum;
}

/* (BP1) for the log-likelihood on softmax outputs. */
static void
log_likelihood_delta(const gsl_matrix *z, const gsl_matrix *a,
                     const gsl_matrix *y, gsl_matrix *delta)
{
  (void) z;
  /* (BP1) Delta^L = A^L - Y   (sizes[L] x m): dC_x/dz_j = a_j - y_j
   * when the y_j of a column sum to 1. */
  gsl_matrix_memcpy(delta, a);
  gsl_matrix_sub(delta, y);
}

const struct minibatch_cost softmax_log_likelihood = {
  "log-likelihood", &softmax_output, log_likelihood_fn,
  log_likelihood_delta
};

/* ------------------------------------------------------------------ */
/* Choosing a cost by name                                             */

const char *const softmax_cost_names[] = {
  "quadratic", "cross-entropy", "log-likelihood", NULL
};

const struct minibatch_cost *
softmax_find(const char *name)
{
  if (strcmp(name, softmax_log_likelihood.name) == 0)
    return &softmax_log_likelihood;
  /* the sigmoid costs of chapters 6 and 7 */
  return crossentropy_find(name);
}
