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

/* One gradient-descent step on the M examples DATA rows BATCH[0..M-1]. */
void sgd_update_mini_batch(struct sgd *s, struct network *net,
                           const struct dataset *data,
                           const size_t *batch, size_t m, double eta);

/* One epoch: shuffles the examples with R, then steps once per
 * mini-batch of M (the last one smaller when M does not divide n). */
void sgd_epoch(struct sgd *s, struct network *net,
               const struct dataset *data, size_t m, double eta,
               gsl_rng *r);

#endif /* NNC_SGD_H */
