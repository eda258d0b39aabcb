/* evaluate.h -- how many digits a network reads right (chapter 3).
 *
 * The network's answer for an image is the index of its most active
 * output neuron: argmax_j a^L_j.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#ifndef NNC_EVALUATE_H
#define NNC_EVALUATE_H

#include <stddef.h>

#include <gsl/gsl_vector.h>

#include "mnist.h"
#include "network.h"

/* The index of the largest element of A; the first one on a tie. */
size_t evaluate_argmax(const gsl_vector *a);

/* The number of examples of DATA whose label is the argmax of the
 * network's output.  DATA's examples must have sizes[0] elements
 * (columns of data->x); a mismatch is reported through GSL's error
 * handler. */
size_t evaluate_count(struct network *net, const struct dataset *data);

#endif /* NNC_EVALUATE_H */
