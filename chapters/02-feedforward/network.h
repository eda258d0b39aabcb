/* network.h -- a network of sigmoid neurons, and feedforward (chapter 2).
 *
 * Layers are numbered from 0.  Layer 0 is the input layer and has no
 * weights or biases (w[0] and b[0] are NULL); for l = 1..L, w[l] is the
 * sizes[l] x sizes[l-1] matrix w^l of the weights from layer l-1 into
 * layer l, and b[l] is the bias vector b^l, of sizes[l] elements:
 *
 *   a^0 = x,   z^l = w^l a^{l-1} + b^l,   a^l = sigma(z^l),  l = 1..L.
 *
 * The text is chapters/02-feedforward/README.md.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#ifndef NNC_NETWORK_H
#define NNC_NETWORK_H

#include <stdbool.h>
#include <stddef.h>

#include <gsl/gsl_matrix.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_vector.h>

struct network {
  size_t num_layers;   /* L + 1 */
  size_t *sizes;       /* sizes[0..L], neurons per layer */
  gsl_matrix **w;      /* w[1..L], sizes[l] x sizes[l-1]; w[0] NULL */
  gsl_vector **b;      /* b[1..L], sizes[l]; b[0] NULL */
  /* The last feedforward's values, kept for backprop (chapter 4): */
  gsl_vector **z;      /* z[1..L], sizes[l]; z[0] NULL */
  gsl_vector **a;      /* a[0..L], sizes[l]; a[0] is the input x */
};

/* Allocates a network with NUM_LAYERS layers of SIZES[0..L] neurons,
 * every weight and bias 0.  NUM_LAYERS must be at least 2. */
struct network *network_alloc(const size_t *sizes, size_t num_layers);

/* Frees NET and everything it holds; NULL is allowed. */
void network_free(struct network *net);

/* Draws every weight and bias from the Gaussian N(0, 1) using R. */
void network_init_gaussian(struct network *net, gsl_rng *r);

/* Copies the weights and biases of SRC, which has the same sizes. */
void network_memcpy(struct network *dest, const struct network *src);

/* The number of weights and biases: sum over l = 1..L of
 * sizes[l] * sizes[l-1] + sizes[l]. */
size_t network_num_parameters(const struct network *net);

/* Feeds X (sizes[0] elements) forward, l = 1..L, keeping every z^l and
 * a^l in NET; returns a^L, the output, which stays valid until the next
 * call. */
const gsl_vector *network_feedforward(struct network *net,
                                      const gsl_vector *x);

/* True when every weight and bias is a finite number. */
bool network_is_finite(const struct network *net);

#endif /* NNC_NETWORK_H */
