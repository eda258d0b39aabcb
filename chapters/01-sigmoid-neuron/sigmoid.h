/* sigmoid.h -- the perceptron and the sigmoid neuron (chapter 1).
 *
 * A perceptron outputs 1 when w . x + b > 0 and 0 otherwise; a sigmoid
 * neuron outputs sigma(w . x + b), a smooth version of the same step,
 * so a small change in a weight makes a small change in the output.
 * The text is chapters/01-sigmoid-neuron/README.md.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#ifndef NNC_SIGMOID_H
#define NNC_SIGMOID_H

#include <gsl/gsl_vector.h>

/* sigma(z) = 1 / (1 + e^-z), in (0, 1); exact 0 and 1 only where a
 * double cannot tell them apart, and never NaN for finite z. */
double sigmoid(double z);

/* sigma'(z) = sigma(z) (1 - sigma(z)), the slope of sigma at z. */
double sigmoid_prime(double z);

/* Applies sigma, or sigma', to every element of V in place. */
void sigmoid_vector(gsl_vector *v);
void sigmoid_prime_vector(gsl_vector *v);

/* The perceptron with weights W and bias B: 1 if w . x + b > 0, else 0. */
int perceptron(const gsl_vector *w, double b, const gsl_vector *x);

/* The sigmoid neuron with weights W and bias B: sigma(w . x + b). */
double sigmoid_neuron(const gsl_vector *w, double b, const gsl_vector *x);

#endif /* NNC_SIGMOID_H */
