/* minibatch.h -- a whole mini-batch as one matrix (chapter 6).
 *
 * The m examples of a mini-batch become the m columns of one matrix,
 * X = A^0 (sizes[0] x m), and every layer works on all of them at once.
 * With layers numbered from 0, L the output layer, and 1 the column of
 * m ones:
 *
 *   Z^l = w^l A^{l-1} + b^l 1^T,   A^l = sigma(Z^l),       l = 1..L
 *   (BP1) Delta^L = (A^L - Y) .* sigma'(Z^L)
 *   (BP2) Delta^l = ((w^{l+1})^T Delta^{l+1}) .* sigma'(Z^l), l = L-1..1
 *   (BP3) nabla_b^l = Delta^l 1
 *   (BP4) nabla_w^l = Delta^l (A^{l-1})^T
 *
 * Z^l, A^l and Delta^l are sizes[l] x m; column i of each is the z^l,
 * a^l and delta^l of example i in chapter 4.  nabla_w^l and nabla_b^l
 * are the SUMS over the mini-batch of chapter 4's dC_x/dw^l and
 * dC_x/db^l.  The text is chapters/06-matrix-minibatch/README.md.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#ifndef NNC_MINIBATCH_H
#define NNC_MINIBATCH_H

#include <stdbool.h>
#include <stddef.h>

#include <gsl/gsl_matrix.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_vector.h>

#include "gradient.h"
#include "mnist.h"
#include "network.h"

/* The matrices of one mini-batch, allocated once for at most CAPACITY
 * examples and reused for every mini-batch, so that training allocates
 * nothing per batch.  A mini-batch of m <= capacity examples uses the
 * first m columns of each matrix. */
struct minibatch {
  size_t num_layers;   /* L + 1, as in the network */
  size_t capacity;     /* the most columns a mini-batch may have */
  size_t m;            /* columns in use: the current mini-batch size */
  gsl_matrix **a;      /* a[0..L], sizes[l] x capacity: A^l; A^0 = X */
  gsl_matrix **z;      /* z[1..L], sizes[l] x capacity: Z^l; z[0] NULL */
  gsl_matrix **delta;  /* delta[1..L], sizes[l] x capacity; [0] NULL */
  gsl_matrix *y;       /* sizes[L] x capacity: one-hot targets Y */
  gsl_vector *ones;    /* capacity ones: the vector 1 */
  size_t *order;       /* order[0..n-1], the shuffled example indices */
  size_t n;            /* training examples, the length of order */
  size_t *rows;        /* rows[0..capacity-1]: examples to evaluate */
  const unsigned char **image;  /* image[0..capacity-1]: the bytes of
                                 * the examples being loaded */
  double pixel[256];   /* pixel[v] = v / 255.0, as mnist_image() has
                        * it: loading then divides nothing */
};

/* Allocates the matrices for mini-batches of up to CAPACITY examples
 * through networks shaped like NET, and an order of N examples (N may
 * be 0 when only minibatch_evaluate_count() is used). */
struct minibatch *minibatch_alloc(const struct network *net,
                                  size_t capacity, size_t n);

/* Frees MB; NULL is allowed. */
void minibatch_free(struct minibatch *mb);

/* Gathers the M examples DATA rows BATCH[0..M-1] (M <= capacity) into
 * the columns of X = A^0 (pixels in [0, 1], as mnist_image() gives
 * them) and of the targets Y (one-hot), and sets mb->m = M. */
void minibatch_load(struct minibatch *mb, const struct dataset *data,
                    const size_t *batch, size_t m);

/* Feeds the loaded X forward through NET, l = 1..L, filling Z^l and
 * A^l; A^L (sizes[L] x m) holds the outputs, one column per example. */
void minibatch_feedforward(struct minibatch *mb, const struct network *net);

/* After minibatch_feedforward(), fills Delta^l for l = L down to 1 by
 * (BP1) and (BP2), for the quadratic cost and the loaded targets Y. */
void minibatch_backprop(struct minibatch *mb, const struct network *net);

/* After minibatch_backprop(), writes into G the gradient summed over
 * the mini-batch: (BP3) and (BP4) for l = 1..L.  G is overwritten, not
 * added to.  Training does not need this (minibatch_step() folds it
 * into the step); it is here for the tests and the text. */
void minibatch_gradient(const struct minibatch *mb,
                        const struct network *net, struct gradient *g);

/* After minibatch_backprop(), takes one step of gradient descent,
 * w^l -= (eta / m) nabla_w^l and b^l -= (eta / m) nabla_b^l for
 * l = 1..L, with (BP4) and (BP3) computed straight into w^l and b^l. */
void minibatch_step(const struct minibatch *mb, struct network *net,
                    double eta);

/* One gradient-descent step on the M examples DATA rows BATCH[0..M-1]:
 * load, feedforward, backprop, step.  Computes what chapter 5's
 * sgd_update_mini_batch() computes, up to rounding. */
void minibatch_update(struct minibatch *mb, struct network *net,
                      const struct dataset *data,
                      const size_t *batch, size_t m, double eta);

/* One epoch over the mb->n examples of DATA: shuffles them with R, then
 * steps once per mini-batch of M (the last one smaller when M does not
 * divide n).  Uses R as chapter 5's sgd_epoch() does, so one seed gives
 * both the same mini-batches. */
void minibatch_epoch(struct minibatch *mb, struct network *net,
                     const struct dataset *data, size_t m, double eta,
                     gsl_rng *r);

/* The number of examples of DATA whose label is the argmax of NET's
 * output, as chapter 3's evaluate_count() counts them, but fed forward
 * mb->capacity examples at a time. */
size_t minibatch_evaluate_count(struct minibatch *mb,
                                const struct network *net,
                                const struct dataset *data);

/* True when every output neuron is saturated on every example of DATA,
 * sigma'(z^L_j) = 0 to double precision, so that every gradient is 0
 * and training can no longer change NET: chapter 5's sgd_is_stuck(),
 * fed forward mb->capacity examples at a time. */
bool minibatch_is_stuck(struct minibatch *mb, const struct network *net,
                        const struct dataset *data);

#endif /* NNC_MINIBATCH_H */
