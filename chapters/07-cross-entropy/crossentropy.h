/* crossentropy.h -- the cross-entropy cost for sigmoid outputs
 * (chapter 7).
 *
 * For one example x with target y and output a = a^L = sigma(z^L),
 *   C_x = -sum_j [y_j ln a_j + (1 - y_j) ln(1 - a_j)],
 * and over n examples C = (1/n) sum_x C_x.  With sigmoid outputs its
 * (BP1) loses the factor sigma'(z^L) that slows the quadratic cost
 * down when an output neuron saturates at the wrong value:
 *   (BP1) delta^L = a^L - y.
 * The cost plugs into chapter 6's matrix form as a struct
 * minibatch_cost.  The text is chapters/07-cross-entropy/README.md.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#ifndef NNC_CROSSENTROPY_H
#define NNC_CROSSENTROPY_H

#include "minibatch.h"

/* The cross-entropy of one sigmoid neuron with weighted input Z and
 * target Y in [0, 1]: -[y ln a + (1 - y) ln(1 - a)], a = sigma(z).
 * Computed from z, never from a, so that it stays finite and right
 * where a rounds to exactly 0 or 1: for z = 800 and y = 0 it is 800,
 * not infinity.  A term whose factor y or 1 - y is 0 counts as 0
 * (the limit of t ln t at 0), whatever z. */
double crossentropy_neuron(double z, double y);

/* The cross-entropy on sigmoid outputs as a chapter 6 cost: fn sums
 * crossentropy_neuron() over every neuron of every column, and
 * (BP1) is Delta^L = A^L - Y. */
extern const struct minibatch_cost crossentropy_cost;

/* The costs known so far, by name, for --cost: "quadratic" (chapter
 * 6's minibatch_quadratic) and "cross-entropy"; NULL-terminated. */
extern const char *const crossentropy_cost_names[];

/* The cost of crossentropy_cost_names called NAME, or NULL. */
const struct minibatch_cost *crossentropy_find(const char *name);

#endif /* NNC_CROSSENTROPY_H */
