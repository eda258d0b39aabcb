/* initialization.c -- better starting weights (chapter 9).
 *
 * Adds to chapter 8 a second way to start a network: the weights into
 * layer l drawn from N(0, 1/n_in), n_in = sizes[l-1], rather than
 * chapter 2's N(0, 1), so that no hidden neuron starts saturated.
 * Everything else (the matrix form of chapter 6, the cross-entropy of
 * chapter 7, the L2 penalty of chapter 8) is used as it is.  Other
 * scalings, by n_in + n_out or by 2/n_in (for rectified linear units,
 * which nnc has not), are left out: this one cures the saturation the
 * chapter is about.  Text: chapters/09-initialization/README.md.
 *
 * Notation (doc/notation.md), layers numbered from 0, L the output;
 * layer 0 has no weights or biases (net->w[0], net->b[0] are NULL):
 *   w^l, b^l   weights, biases of layer l      net->w[l], net->b[l]
 *   n_in       inputs of a neuron of layer l   net->sizes[l - 1]
 *   N(0, s^2)  the Gaussian of mean 0 and standard deviation s,
 *              one draw of which is gsl_ran_gaussian(r, s)
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <math.h>

#include <gsl/gsl_matrix.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_vector.h>

#include "initialization.h"

void
initialization_scaled(struct network *net, gsl_rng *r)
{
  for (size_t l = 1; l < net->num_layers; l++) {  /* l = 1..L */
    gsl_matrix *w = net->w[l];                     /* sizes[l] x n_in */
    double sigma_w = 1.0 / sqrt((double) net->sizes[l - 1]);

    /* w^l_jk ~ N(0, 1/n_in), row by row, then b^l_j ~ N(0, 1): the
     * order of network_init_gaussian(), so that one seed gives both
     * starts the same underlying draws. */
    for (size_t j = 0; j < w->size1; j++)
      for (size_t k = 0; k < w->size2; k++)
        gsl_matrix_set(w, j, k, gsl_ran_gaussian(r, sigma_w));
    for (size_t j = 0; j < net->b[l]->size; j++)
      gsl_vector_set(net->b[l], j, gsl_ran_gaussian(r, 1.0));
  }
}
