/* backprop.h -- backpropagation: the gradient of C_x for one example
 * (chapter 4).
 *
 * With layers numbered from 0 and L the output layer, the four
 * equations of backpropagation are
 *   (BP1) delta^L = nabla_a C_x .* sigma'(z^L)
 *   (BP2) delta^l = ((w^{l+1})^T delta^{l+1}) .* sigma'(z^l),  l = L-1..1
 *   (BP3) dC_x/db^l = delta^l
 *   (BP4) dC_x/dw^l = delta^l (a^{l-1})^T
 * The text is chapters/04-backprop/README.md.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#ifndef NNC_BACKPROP_H
#define NNC_BACKPROP_H

#include <gsl/gsl_vector.h>

#include "gradient.h"
#include "network.h"

/* The working vectors of one backward pass, made once and reused. */
struct backprop {
  size_t num_layers;    /* L + 1 */
  gsl_vector **delta;   /* delta[1..L], sizes[l]: the error dC_x/dz^l */
  gsl_vector **sp;      /* sp[1..L], sizes[l]: sigma'(z^l) */
};

/* Allocates the working vectors for networks shaped like NET. */
struct backprop *backprop_alloc(const struct network *net);

/* Frees BP; NULL is allowed. */
void backprop_free(struct backprop *bp);

/* Feeds X forward through NET, then ADDS the gradient of the quadratic
 * cost C_x for the target Y (sizes[L] elements) to G: G is a running
 * sum, so zero it first for the gradient of one example. */
void backprop_accumulate(struct backprop *bp, struct network *net,
                         const gsl_vector *x, const gsl_vector *y,
                         struct gradient *g);

#endif /* NNC_BACKPROP_H */
