/* sigmoid.c -- the perceptron and the sigmoid neuron (chapter 1).
 *
 * Text: chapters/01-sigmoid-neuron/README.md.  Every later chapter links
 * this file for sigma and sigma'.
 *
 * Notation (doc/notation.md):
 *   z      weighted input w . x + b     z
 *   sigma  the sigmoid function         sigmoid()
 *   sigma' its derivative               sigmoid_prime()
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <math.h>

#include <gsl/gsl_blas.h>
#include <gsl/gsl_vector.h>

#include "sigmoid.h"

double
sigmoid(double z)
{
  /* Both branches compute 1 / (1 + e^-z); each calls exp() only on a
   * number <= 0, so e^1000 never overflows to infinity. */
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

/* z = w . x + b */
static double
weighted_input(const gsl_vector *w, double b, const gsl_vector *x)
{
  double dot;

  gsl_blas_ddot(w, x, &dot);
  return dot + b;
}

int
perceptron(const gsl_vector *w, double b, const gsl_vector *x)
{
  return weighted_input(w, b, x) > 0 ? 1 : 0;
}

double
sigmoid_neuron(const gsl_vector *w, double b, const gsl_vector *x)
{
  return sigmoid(weighted_input(w, b, x));
}
