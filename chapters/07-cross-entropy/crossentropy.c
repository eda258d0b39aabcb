/* crossentropy.c -- the cross-entropy cost for sigmoid outputs
 * (chapter 7).
 *
 * Adds to chapter 6 a second cost, the one that cures the learning
 * slowdown of a saturated sigmoid output: its (BP1) is A^L - Y, with
 * no sigma'(Z^L) in it.  It is a struct minibatch_cost, so chapter 6's
 * training runs it unchanged once mb->cost points to it.
 * Text: chapters/07-cross-entropy/README.md.
 *
 * Notation (doc/notation.md), layers numbered from 0, L the output:
 *   z, a = sigma(z)  one output neuron's weighted input and output
 *   y                its target, 0 or 1 for a one-hot y(x)
 *   C_x              the cost of one example     crossentropy_neuron()
 *                                                summed over j
 *   Z^L, A^L, Y      sizes[L] x m, one column per example
 *   Delta^L          (BP1), dC_x/dz^L per column
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <math.h>
#include <string.h>

#include <gsl/gsl_matrix.h>

#include "crossentropy.h"
#include "minibatch.h"

/* ------------------------------------------------------------------ */
/* The cost of one neuron                                              */

/* softplus(t) = ln(1 + e^t), for any finite t.  Written as
 * max(t, 0) + ln(1 + e^-|t|), it only ever exponentiates a number
 * <= 0, so e^t never overflows, and log1p() keeps every digit of
 * ln(1 + u) when u = e^-|t| is tiny. */
static double
softplus(double t)
{
  return fmax(t, 0.0) + log1p(exp(-fabs(t)));
}

double
crossentropy_neuron(double z, double y)
{
  double c = 0;

  /* -ln a = -ln sigma(z) = ln(1 + e^-z) = softplus(-z), and
   * -ln(1 - a) = -ln sigma(-z) = softplus(z), since
   * 1 - sigma(z) = sigma(-z).  A zero factor y or 1 - y skips its term,
   * so that 0 ln 0 counts as 0 even for an infinite softplus. */
  if (y != 0)
    c += y * softplus(-z);
  if (y != 1)
    c += (1 - y) * softplus(z);
  return c;
}

/* ------------------------------------------------------------------ */
/* The cost of a mini-batch, and its (BP1)                             */

/* The sum over the m columns, and over the sizes[L] neurons of each,
 * of crossentropy_neuron(z, y): the sum of C_x over the examples. */
static double
crossentropy_fn(const gsl_matrix *z, const gsl_matrix *a,
                const gsl_matrix *y)
{
  double sum = 0;

  (void) a;
  for (size_t j = 0; j < z->size1; j++)
    for (size_t i = 0; i < z->size2; i++)
      sum += crossentropy_neuron(gsl_matrix_get(z, j, i),
                                 gsl_matrix_get(y, j, i));
  return sum;
}

/* (BP1) for the cross-entropy on sigmoid outputs. */
static void
crossentropy_delta(const gsl_matrix *z, const gsl_matrix *a,
                   const gsl_matrix *y, gsl_matrix *delta)
{
  (void) z;
  /* (BP1) Delta^L = A^L - Y   (sizes[L] x m): nabla_a C_x is
   * (a - y) / (a (1 - a)) and sigma'(z^L) = a (1 - a) cancels it. */
  gsl_matrix_memcpy(delta, a);
  gsl_matrix_sub(delta, y);
}

const struct minibatch_cost crossentropy_cost = {
  "cross-entropy", &minibatch_sigmoid, crossentropy_fn, crossentropy_delta
};

/* ------------------------------------------------------------------ */
/* Choosing a cost by name                                             */

const char *const crossentropy_cost_names[] = {
  "quadratic", "cross-entropy", NULL
};

const struct minibatch_cost *
crossentropy_find(const char *name)
{
  const struct minibatch_cost *const costs[] = {
    &minibatch_quadratic, &crossentropy_cost
  };

  for (size_t i = 0; i < sizeof costs / sizeof costs[0]; i++)
    if (strcmp(costs[i]->name, name) == 0)
      return costs[i];
  return NULL;
}
