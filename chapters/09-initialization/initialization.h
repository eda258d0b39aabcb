/* initialization.h -- better starting weights (chapter 9).
 *
 * Chapter 2 draws every weight and bias from N(0, 1).  A neuron of
 * layer l then sums sizes[l-1] such weights times its inputs, and its
 * weighted input z is spread far more widely than 1: with 784 inputs
 * of which a few hundred are lit, z is typically tens away from 0, and
 * sigma(z) starts saturated, where it learns slowly.  Drawing the
 * weights into layer l from N(0, 1/n_in) instead, n_in = sizes[l-1],
 * keeps the spread of z near 1 whatever n_in is.  The biases stay
 * N(0, 1).  The text is chapters/09-initialization/README.md.
 *
 * Layers are numbered from 0: layer 0 is the input layer and has no
 * weights or biases (w[0] and b[0] are NULL); for l = 1..L, w[l] is the
 * sizes[l] x sizes[l-1] matrix w^l and b[l] the vector b^l.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#ifndef NNC_INITIALIZATION_H
#define NNC_INITIALIZATION_H

#include <gsl/gsl_rng.h>

#include "network.h"

/* Draws, for l = 1..L, every weight of w^l from the Gaussian
 * N(0, 1/n_in) of standard deviation 1/sqrt(n_in), n_in = sizes[l-1]
 * the number of inputs of a neuron of layer l, and every bias of b^l
 * from N(0, 1), using R.  The draws are made in the order of chapter
 * 2's network_init_gaussian(), and GSL's gsl_ran_gaussian() scales one
 * standard normal draw by its sigma; so from the same state of R the
 * two give the same biases, and weights that differ only by the factor
 * 1/sqrt(n_in), up to rounding. */
void initialization_scaled(struct network *net, gsl_rng *r);

#endif /* NNC_INITIALIZATION_H */
