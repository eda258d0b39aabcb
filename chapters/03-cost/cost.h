/* cost.h -- the quadratic cost and one-hot targets (chapter 3).
 *
 * For one example x with target y(x) and output a = a^L(x),
 *   C_x = 1/2 ||y(x) - a||^2,
 * and over n examples C = (1/n) sum_x C_x.  The target of digit d is the
 * one-hot vector with 1 in place d and 0 elsewhere.
 * The text is chapters/03-cost/README.md.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#ifndef NNC_COST_H
#define NNC_COST_H

#include <gsl/gsl_vector.h>

#include "mnist.h"
#include "network.h"

/* Sets Y to the one-hot vector of DIGIT (DIGIT < y->size). */
void cost_one_hot(gsl_vector *y, size_t digit);

/* C_x = 1/2 ||y - a||^2 for an output A and target Y of equal size. */
double cost_quadratic(const gsl_vector *a, const gsl_vector *y);

/* Writes the gradient of C_x with respect to a, namely a - y, into
 * NABLA_A (all three of the same size). */
void cost_quadratic_gradient(const gsl_vector *a, const gsl_vector *y,
                             gsl_vector *nabla_a);

/* C = (1/n) sum_x C_x over the n >= 1 examples of DATA, each fed
 * forward through NET.  DATA's examples must have sizes[0] elements
 * (columns of data->x) and its labels be below sizes[L]; a mismatch
 * in the first is reported through GSL's error handler. */
double cost_total(struct network *net, const struct dataset *data);

#endif /* NNC_COST_H */
