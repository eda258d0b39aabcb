/* softmax.h -- a softmax output layer and the log-likelihood cost
 * (chapter 10).
 *
 * A softmax layer turns the weighted inputs z^L of the output layer L
 * into a probability distribution over the sizes[L] digits:
 *   a^L_j = e^{z^L_j} / sum_k e^{z^L_k},
 * every a^L_j in (0, 1) and their sum 1.  Its cost, the
 * log-likelihood of the right digit y,
 *   C_x = -ln a^L_y,
 * has the (BP1) of chapter 7's cross-entropy on sigmoid outputs:
 *   (BP1) delta^L = a^L - y.
 * Both plug into chapter 6's matrix form: the layer as a struct
 * minibatch_output, the cost as a struct minibatch_cost, each column
 * of Z^L, A^L and Y one example.  Layers are numbered from 0, as in
 * every chapter; only layer L changes.  The text is
 * chapters/10-softmax/README.md.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#ifndef NNC_SOFTMAX_H
#define NNC_SOFTMAX_H

#include <gsl/gsl_vector.h>

#include "minibatch.h"

/* ln sum_j e^{z_j} of the vector Z, computed as
 * max + ln sum_j e^{z_j - max}, max the largest z_j: every exponent is
 * then <= 0, so nothing overflows, and the largest term is 1, so the
 * sum is at least 1 and its logarithm exact to rounding.  Finite for
 * every finite Z, however large or small. */
double softmax_log_sum_exp(const gsl_vector *z);

/* A = softmax(Z), column by column, for two matrices of one shape
 * (sizes[L] x m): each column of A is e^{z - max} / sum e^{z - max}
 * of the same column of Z, max the column's largest element, which
 * leaves the quotient unchanged and keeps e^{...} from overflowing
 * (z = 1000 gives 1, not infinity divided by infinity). */
extern const struct minibatch_output softmax_output;

/* The log-likelihood cost on softmax outputs:
 *   C_x = -sum_j y_j ln a^L_j = sum_j y_j (lse(z^L) - z^L_j),
 * lse = softmax_log_sum_exp(), which is -ln a^L_y for a one-hot y;
 * computed from Z, never from A, so that it stays finite where a^L_y
 * rounds to 0.  (BP1) Delta^L = A^L - Y, which assumes that every
 * column of Y sums to 1, as a one-hot target does. */
extern const struct minibatch_cost softmax_log_likelihood;

/* The costs the chapter 10 program knows, by name, for --cost:
 * "quadratic" and "cross-entropy" (on sigmoid outputs, chapters 6 and
 * 7) and "log-likelihood" (on softmax outputs); NULL-terminated. */
extern const char *const softmax_cost_names[];

/* The cost of softmax_cost_names called NAME, or NULL. */
const struct minibatch_cost *softmax_find(const char *name);

#endif /* NNC_SOFTMAX_H */
