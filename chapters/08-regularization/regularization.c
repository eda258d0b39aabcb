/* regularization.c -- L2 and L1 regularisation (chapter 8).
 *
 * Adds to chapter 7 a penalty on large weights, which makes a network
 * generalise better: the two penalties of the text as chapter 6's
 * struct minibatch_penalty, so that the matrix form's step takes them
 * in, and the regularised cost, measured on any data.  L2's step needs
 * no pass of its own: its decay w^l <- (1 - eta lambda / n) w^l is the
 * beta of the dgemm that already adds -(eta / m) nabla_w^l to w^l.
 * L1's step is a pass over the weights before that product.
 * Text: chapters/08-regularization/README.md.
 *
 * Notation (doc/notation.md), layers numbered from 0, L the output;
 * layer 0 has no weights (net->w[0] is NULL):
 *   w^l            sizes[l] x sizes[l-1] weights    net->w[l]
 *   R(w^l)         the penalty of layer l           penalty->fn
 *   lambda         the regularisation parameter     mb->lambda
 *   n              training examples                mb->n
 *   eta lambda/n   the penalty's rate in a step     RATE
 *   C_x, C         a cost of one example, of a set  mb->cost->fn, C
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <string.h>

#include <gsl/gsl_blas.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_matrix.h>

#include "minibatch.h"
#include "program.h"
#include "regularization.h"

/* ------------------------------------------------------------------ */
/* L2: R(w) = 1/2 sum w^2                                              */

static double
l2_fn(const gsl_matrix *w)
{
  double sum = 0;

  /* 1/2 sum_jk w_jk^2, one row j at a time: w_j . w_j */
  for (size_t j = 0; j < w->size1; j++) {
    gsl_vector_const_view row = gsl_matrix_const_row(w, j);
    double dot;

    gsl_blas_ddot(&row.vector, &row.vector, &dot);
    sum += dot;
  }
  return 0.5 * sum;
}

static double
l2_step(gsl_matrix *w, double rate)
{
  (void) w;
  /* w <- w - rate dR/dw = (1 - rate) w: the beta of the (BP4) step */
  return 1.0 - rate;
}

const struct minibatch_penalty regularization_l2 = { "l2", l2_fn, l2_step };

/* ------------------------------------------------------------------ */
/* L1: R(w) = sum |w|                                                  */

static double
l1_fn(const gsl_matrix *w)
{
  double sum = 0;

  /* sum_jk |w_jk|, one row j at a time (dasum: sum of magnitudes) */
  for (size_t j = 0; j < w->size1; j++) {
    gsl_vector_const_view row = gsl_matrix_const_row(w, j);

    sum += gsl_blas_dasum(&row.vector);
  }
  return sum;
}

/* sgn(x): 1, -1, or 0 for x = 0. */
static double
sgn(double x)
{
  return (double) ((x > 0) - (x < 0));
}

static double
l1_step(gsl_matrix *w, double rate)
{
  /* w <- w - rate sgn(w): every weight moves RATE towards 0 (and may
   * step over it, as in the book; sgn(0) = 0 leaves a 0 alone) */
  for (size_t j = 0; j < w->size1; j++) {
    double *row = gsl_matrix_ptr(w, j, 0);

    for (size_t k = 0; k < w->size2; k++)
      row[k] -= rate * sgn(row[k]);
  }
  return 1.0;
}

const struct minibatch_penalty regularization_l1 = { "l1", l1_fn, l1_step };

/* ------------------------------------------------------------------ */
/* Choosing a penalty, and the regularised cost                        */

const struct minibatch_penalty *
regularization_find(const char *name)
{
  if (strcmp(name, regularization_l2.name) == 0)
    return &regularization_l2;
  if (strcmp(name, regularization_l1.name) == 0)
    return &regularization_l1;
  return NULL;
}

double
regularization_penalty(const struct minibatch_penalty *penalty,
                       const struct network *net)
{
  double sum = 0;

  if (penalty == NULL)
    return 0;
  for (size_t l = 1; l < net->num_layers; l++)  /* l = 1..L */
    sum += penalty->fn(net->w[l]);
  return sum;
}

double
regularization_cost(struct minibatch *mb, const struct network *net,
                    const struct dataset *data, size_t *correct)
{
  double sum, c;
  size_t count;

  if (mb->penalty != NULL && mb->n == 0)
    GSL_ERROR_VAL("regularization_cost: a penalty needs the number of "
                  "training examples n, given to minibatch_alloc",
                  GSL_EINVAL, GSL_NAN);

  /* sum_x C_x, fed forward a matrix of examples at a time */
  count = minibatch_evaluate(mb, net, data, &sum);
  if (correct != NULL)
    *correct = count;
  /* C_0 = (1/N) sum_x C_x */
  c = sum / (double) data->n;
  /* C = C_0 + (lambda / n) sum_l R(w^l), once for the whole set */
  if (mb->penalty != NULL)
    c += mb->lambda / (double) mb->n * regularization_penalty(mb->penalty,
                                                               net);
  return c;
}

void
regularization_check_rate(const char *name, double eta, double lambda,
                          size_t n)
{
  double rate = eta * lambda / (double) n;

  if (strcmp(name, "none") != 0 && rate >= 1)
    program_fatal("--lambda: eta lambda / n = %g * %g / %zu = %g must be "
                  "below 1; try a smaller --lambda", eta, lambda, n, rate);
}
