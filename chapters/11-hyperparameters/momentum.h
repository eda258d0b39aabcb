/* momentum.h -- momentum-based gradient descent (chapter 11).
 *
 * Plain SGD moves every weight by -(eta/m) nabla_w, the mini-batch's
 * gradient, and forgets it.  Momentum keeps a velocity v per weight
 * and bias, the same shape as the parameter, and lets the gradient
 * change the velocity rather than the weight:
 *
 *   v^l <- mu v^l - (eta/m) nabla_w^l,   w^l <- w^l + v^l
 *
 * and the same for b^l, with the coefficient mu in [0, 1): mu = 0 is
 * plain SGD; near 1, steps that point the same way add up, and steps
 * that zig-zag cancel.  nabla_w^l and nabla_b^l come from chapter 6's
 * (BP4) and (BP3), computed by minibatch_bp4() and minibatch_bp3()
 * straight into the velocity.  Layers are numbered from 0: v_w[l] and
 * v_b[l], l = 1..L, go with w^l and b^l; index 0 is NULL.
 *
 * A penalty (chapter 8) does not go through the velocity: its part of
 * the step, the decay of L2 or the shrinking of L1, is taken on w^l
 * directly in each step, as plain SGD takes it.
 * The text is chapters/11-hyperparameters/README.md.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#ifndef NNC_MOMENTUM_H
#define NNC_MOMENTUM_H

#include <gsl/gsl_matrix.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_vector.h>

#include "minibatch.h"
#include "mnist.h"
#include "network.h"

/* The velocities, shaped like the network's parameters. */
struct momentum {
  size_t num_layers;   /* L + 1 */
  gsl_matrix **v_w;    /* v_w[1..L], sizes[l] x sizes[l-1]; [0] NULL */
  gsl_vector **v_b;    /* v_b[1..L], sizes[l]; [0] NULL */
};

/* Allocates zero velocities for networks shaped like NET. */
struct momentum *momentum_alloc(const struct network *net);

/* Frees V; NULL is allowed. */
void momentum_free(struct momentum *v);

/* Sets every velocity to 0: the state at the start of training. */
void momentum_set_zero(struct momentum *v);

/* After minibatch_backprop() on MB, one step of momentum for l = 1..L:
 * the penalty's part on w^l, if MB has a penalty, then
 *   (BP3) v_b^l <- mu v_b^l - (eta/m) nabla_b^l,  b^l <- b^l + v_b^l
 *   (BP4) v_w^l <- mu v_w^l - (eta/m) nabla_w^l,  w^l <- w^l + v_w^l
 * With MU = 0 this is chapter 6's minibatch_step(), up to rounding. */
void momentum_step(struct momentum *v, const struct minibatch *mb,
                   struct network *net, double eta, double mu);

/* One epoch of momentum over the mb->n examples of DATA: shuffles them
 * with R, as minibatch_epoch() does, then for each mini-batch of M
 * loads, feeds forward, backpropagates and takes momentum_step(). */
void momentum_epoch(struct momentum *v, struct minibatch *mb,
                    struct network *net, const struct dataset *data,
                    size_t m, double eta, double mu, gsl_rng *r);

#endif /* NNC_MOMENTUM_H */
