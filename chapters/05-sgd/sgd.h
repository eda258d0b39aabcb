/* sgd.h -- mini-batch stochastic gradient descent (chapter 5).
 *
 * One epoch shuffles the n training examples, cuts them into mini-batches
 * of m, and for each mini-batch takes one step down the mean of its
 * examples' gradients:
 *   w^l -= (eta / m) sum_x dC_x/dw^l,   b^l -= (eta / m) sum_x dC_x/db^l.
 * The text is chapters/05-sgd/README.md.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#ifndef NNC_SGD_H
#define NNC_SGD_H

#include <stdbool.h>
#include <stddef.h>

#include <gsl/gsl_rng.h>

#include "backprop.h"
#include "gradient.h"
#include "mnist.h"
#include "network.h"

/* What one run of SGD keeps from mini-batch to mini-batch, allocated
 * once so that the training loop allocates nothing. */
struct sgd {
  struct backprop *bp;   /* backprop's working vectors */
  struct gradient *g;    /* the sum of the mini-batch's gradients */
  gsl_vector *x;         /* one input image, sizes[0] */
  gsl_vector *y;         /* its one-hot target, sizes[L] */
  size_t *order;         /* order[0..n-1], the shuffled example indices */
  size_t n;              /* training examples */
};

/* Allocates the state for training NET on N examples. */
struct sgd *sgd_alloc(const struct network *net, size_t n);

/* Frees S; NULL is allowed. */
void sgd_free(struct sgd *s);

/* One step of gradient descent on the M >= 1 examples of DATA whose
 * rows are BATCH[0..M-1]: the gradient of each by backprop, summed, then
 * w^l -= (eta / m) sum and b^l likewise, for l = 1..L. */
void sgd_update_mini_batch(struct sgd *s, struct network *net,
                           const struct dataset *data,
                           const size_t *batch, size_t m, double eta);

/* One epoch: shuffles the examples with R, then steps once per
 * mini-batch of M (the last one smaller when M does not divide n).
 * DATA must hold the N examples S was allocated for. */
void sgd_epoch(struct sgd *s, struct network *net,
               const struct dataset *data, size_t m, double eta,
               gsl_rng *r);

/* True when training can no longer change NET: on every example of
 * DATA, every output neuron is saturated, sigma'(z^L_j) = 0 to double
 * precision, so that by BP1 and BP2 every delta^l, and with it every
 * gradient, is exactly 0.  This is how too large an eta shows with
 * sigmoid neurons: the first steps throw the weights so far that every
 * z^L is huge.  Returns at the first example with an unsaturated output
 * neuron, so a network still learning costs one feedforward. */
bool sgd_is_stuck(struct sgd *s, struct network *net,
                  const struct dataset *data);

#endif /* NNC_SGD_H */
