/* sigmoid.c -- the perceptron and the sigmoid neuron (chapter 1).
 *
 * The first model neuron of the book, and the smooth one every later
 * chapter builds on: all of them link this file for sigma and sigma'.
 * Text: chapters/01-sigmoid-neuron/README.md.
 *
 * Notation (doc/notation.md):
 *   x       the inputs of a neuron          x
 *   w, b    its weights and its bias        w, b
 *   z       weighted input w . x + b        weighted_input()
 *   sigma   the sigmoid function            sigmoid()
 *   sigma'  its derivative                  sigmoid_prime()
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <math.h>

#include <gsl/gsl_blas.h>
#include <gsl/gsl_vector.h>

#include "sigmoid.h"

/* z = w . x + b, for weights W and inputs X of the same size. */
static double
weighted_input(const gsl_vector *w, double b, const gsl_vector *x)
{
  double dot;

  /* w . x = sum_k w_k x_k */
  gsl_blas_ddot(w, x, &dot);
  return dot + b;
}

/* ---- Perceptrons ------------------------------------------------- */

int
perceptron(const gsl_vector *w, double b, const gsl_vector *x)
{
  /* A step: 1 strictly above the threshold, 0 at it and below. */
  return weighted_input(w, b, x) > 0 ? 1 : 0;
}

/* ---- Sigmoid neurons --------------------------------------------- */

double
sigmoid(double z)
{
  /* Both branches compute 1 / (1 + e^-z); each calls exp() only on a
   * number <= 0, so that e^1000 is never formed: it would overflow to
   * infinity.  exp() of a large negative number underflows to 0, which
   * gives the right limits, sigma(-1000) = 0 and sigma(1000) = 1. */
  if (z >= 0)
    return 1.0 / (1.0 + exp(-z));
  double e = exp(z);
  return e / (1.0 + e);
}

double
sigmoid_prime(double z)
{
  double s = sigmoid(z);

  /* sigma'(z) = sigma(z) (1 - sigma(z)) */
  return s * (1.0 - s);
}

double
sigmoid_neuron(const gsl_vector *w, double b, const gsl_vector *x)
{
  /* sigma(w . x + b) */
  return sigmoid(weighted_input(w, b, x));
}

/* ---- A layer's worth at once ------------------------------------- */

void
sigmoid_vector(gsl_vector *v)
{
  for (size_t j = 0; j < v->size; j++)
    gsl_vector_set(v, j, sigmoid(gsl_vector_get(v, j)));
}

void
sigmoid_prime_vector(gsl_vector *v)
{
  for (size_t j = 0; j < v->size; j++)
    gsl_vector_set(v, j, sigmoid_prime(gsl_vector_get(v, j)));
}
