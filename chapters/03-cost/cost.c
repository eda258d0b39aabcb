/* cost.c -- the quadratic cost and one-hot targets (chapter 3).
 *
 * Adds to chapter 2 a number that says how wrong the network is, and
 * its derivative with respect to the output, which chapter 4 starts
 * backpropagation from.  Text: chapters/03-cost/README.md.
 *
 * Notation (doc/notation.md), layers numbered from 0:
 *   x      an example's input, a^0         x
 *   y(x)   its one-hot target              y
 *   a      the output a^L(x)               a
 *   C_x    the cost of one example         cost_quadratic()
 *   C      the mean cost over n examples   cost_total()
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <math.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_vector.h>

#include "cost.h"

void
cost_one_hot(gsl_vector *y, size_t digit)
{
  /* y_j = 1 for j = digit, else 0 */
  gsl_vector_set_basis(y, digit);
}

double
cost_quadratic(const gsl_vector *a, const gsl_vector *y)
{
  double sum = 0;

  /* C_x = 1/2 sum_j (y_j - a_j)^2 */
  for (size_t j = 0; j < a->size; j++) {
    double diff = gsl_vector_get(y, j) - gsl_vector_get(a, j);
    sum += diff * diff;
  }
  return 0.5 * sum;
}

void
cost_quadratic_gradient(const gsl_vector *a, const gsl_vector *y,
                        gsl_vector *nabla_a)
{
  /* nabla_a C_x = a - y, since dC_x/da_j = -(y_j - a_j) */
  gsl_vector_memcpy(nabla_a, a);
  gsl_vector_sub(nabla_a, y);
}

double
cost_total(struct network *net, const struct dataset *data)
{
  size_t L = net->num_layers - 1;

  if (data->x->size2 != net->sizes[0])
    GSL_ERROR_VAL("cost_total: examples and input layer differ in size",
                  GSL_EBADLEN, NAN);

  gsl_vector *x = gsl_vector_alloc(net->sizes[0]);   /* sizes[0] */
  gsl_vector *y = gsl_vector_alloc(net->sizes[L]);   /* sizes[L] */
  double sum = 0;

  for (size_t i = 0; i < data->n; i++) {
    mnist_image(data, i, x);
    cost_one_hot(y, data->y[i]);
    sum += cost_quadratic(network_feedforward(net, x), y);
  }
  gsl_vector_free(x);
  gsl_vector_free(y);
  /* C = (1/n) sum_x C_x */
  return sum / (double) data->n;
}
