/* regularization.h -- L2 and L1 regularisation (chapter 8).
 *
 * A regularised cost adds to the cost C_0 of chapter 3 or 7 a penalty
 * on the size of the weights, summed over every weight of the layers
 * l = 1..L (biases are not penalised):
 *   L2: C = C_0 + (lambda / 2n) sum_w w^2
 *   L1: C = C_0 + (lambda / n) sum_w |w|
 * with n the number of training examples and lambda >= 0 the
 * regularisation parameter.  The gradient gains (lambda / n) w, or
 * (lambda / n) sgn(w), and a step of gradient descent becomes
 *   L2: w^l <- (1 - eta lambda / n) w^l - (eta / m) nabla_w^l
 *   L1: w^l <- w^l - (eta lambda / n) sgn(w^l) - (eta / m) nabla_w^l
 * L2 shrinks every weight by the same factor ("weight decay"), L1 by
 * the same amount.  Both are chapter 6 penalties (struct
 * minibatch_penalty), with R(w) = 1/2 sum w^2 and R(w) = sum |w|.
 * The text is chapters/08-regularization/README.md.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#ifndef NNC_REGULARIZATION_H
#define NNC_REGULARIZATION_H

#include "minibatch.h"
#include "mnist.h"
#include "network.h"

/* R(w) = 1/2 sum_jk w_jk^2; its step leaves w^l to the (BP4) product
 * and returns beta = 1 - eta lambda / n, the decay. */
extern const struct minibatch_penalty regularization_l2;

/* R(w) = sum_jk |w_jk|; its step takes eta lambda / n off every
 * weight's magnitude (sgn(0) = 0: a zero weight stays 0) and returns
 * beta = 1. */
extern const struct minibatch_penalty regularization_l1;

/* The penalty named NAME, "l2" or "l1"; NULL for "none" (and for any
 * other name). */
const struct minibatch_penalty *regularization_find(const char *name);

/* Ends the program with one line on stderr unless the rate
 * eta lambda / n of the penalty named NAME is below 1 (any rate is
 * allowed for "none"): at 1 or more, L2's decay 1 - eta lambda / n
 * would zero or flip every weight at every step, and L1 would throw
 * each past 0. */
void regularization_check_rate(const char *name, double eta,
                               double lambda, size_t n);

/* sum_l R(w^l) over the layers l = 1..L of NET; 0 when PENALTY is
 * NULL. */
double regularization_penalty(const struct minibatch_penalty *penalty,
                              const struct network *net);

/* The regularised cost of NET on the N >= 1 examples of DATA, with the
 * cost, penalty and lambda of MB:
 *   C = (1/N) sum_x C_x + (lambda / n) sum_l R(w^l),
 * n being mb->n, the training examples MB was allocated for (the
 * penalty is the same whichever data C_0 is measured on, and is added
 * once, not once per example).  When CORRECT is not NULL, also stores
 * there the number of examples read right, counted on the same
 * feedforward.  Fed forward mb->capacity examples at a time, which
 * overwrites MB's matrices. */
double regularization_cost(struct minibatch *mb, const struct network *net,
                           const struct dataset *data, size_t *correct);

#endif /* NNC_REGULARIZATION_H */
