/* sigmoid.h -- the perceptron and the sigmoid neuron (chapter 1).
 *
 * A neuron with weights w and bias b reads inputs x through its
 * weighted input z = w . x + b.  A perceptron outputs 1 when z > 0 and
 * 0 otherwise; a sigmoid neuron outputs sigma(z) = 1 / (1 + e^-z), a
 * smooth version of the same step, so that a small change in a weight
 * or the bias makes a small change in the output.
 * The text is chapters/01-sigmoid-neuron/README.md.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#ifndef NNC_SIGMOID_H
#define NNC_SIGMOID_H

#include <gsl/gsl_vector.h>

/* The perceptron with weights W and bias B, on inputs X (W and X of the
 * same size): 1 if w . x + b > 0, else 0. */
int perceptron(const gsl_vector *w, double b, const gsl_vector *x);

/* sigma(z) = 1 / (1 + e^-z), in (0, 1) for moderate z; it is exactly 0
 * or 1 only where no double lies closer to the true value (z below
 * about -745 or above about 37), and it is never NaN for a finite z. */
double sigmoid(double z);

/* sigma'(z) = sigma(z) (1 - sigma(z)), the slope of sigma at z: 0.25 at
 * z = 0, falling towards 0 on both sides. */
double sigmoid_prime(double z);

/* The sigmoid neuron with weights W and bias B, on inputs X (W and X of
 * the same size): sigma(w . x + b). */
double sigmoid_neuron(const gsl_vector *w, double b, const gsl_vector *x);

/* Replace every element v_j of V, in place, by sigma(v_j) or by
 * sigma'(v_j): what a whole layer of neurons does to its weighted
 * inputs. */
void sigmoid_vector(gsl_vector *v);
void sigmoid_prime_vector(gsl_vector *v);

#endif /* NNC_SIGMOID_H */
