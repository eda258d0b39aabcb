/* backprop.c -- backpropagation (chapter 4).
 *
 * Adds to chapter 3 the exact gradient of C_x for one example, in one
 * forward and one backward pass, in place of one pair of forward passes
 * per parameter.  Text: chapters/04-backprop/README.md.
 *
 * Notation (doc/notation.md), layers numbered from 0, L the output:
 *   z^l, a^l     net->z[l], net->a[l]  (kept by network_feedforward)
 *   sigma'(z^l)  bp->sp[l]
 *   delta^l      bp->delta[l], the error dC_x/dz^l
 *   dC/db^l      g->nabla_b[l]        dC/dw^l   g->nabla_w[l]
 *   .*           elementwise product, gsl_vector_mul
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <stdlib.h>

#include <gsl/gsl_blas.h>

#include "backprop.h"
#include "cost.h"
#include "program.h"
#include "sigmoid.h"

struct backprop *
backprop_alloc(const struct network *net)
{
  struct backprop *bp = program_calloc(1, sizeof *bp);

  bp->num_layers = net->num_layers;
  bp->delta = program_calloc(net->num_layers, sizeof *bp->delta);
  bp->sp = program_calloc(net->num_layers, sizeof *bp->sp);
  for (size_t l = 1; l < net->num_layers; l++) {  /* l = 1..L */
    bp->delta[l] = gsl_vector_alloc(net->sizes[l]);
    bp->sp[l] = gsl_vector_alloc(net->sizes[l]);
  }
  return bp;
}

void
backprop_free(struct backprop *bp)
{
  if (bp == NULL)
    return;
  for (size_t l = 1; l < bp->num_layers; l++) {  /* l = 1..L */
    gsl_vector_free(bp->delta[l]);
    gsl_vector_free(bp->sp[l]);
  }
  free(bp->delta);
  free(bp->sp);
  free(bp);
}

/* sp[l] = sigma'(z^l) */
static void
sigma_prime_of_z(struct backprop *bp, const struct network *net, size_t l)
{
  gsl_vector_memcpy(bp->sp[l], net->z[l]);
  sigmoid_prime_vector(bp->sp[l]);
}

void
backprop_accumulate(struct backprop *bp, struct network *net,
                    const gsl_vector *x, const gsl_vector *y,
                    struct gradient *g)
{
  size_t L = net->num_layers - 1;

  /* Forward pass: z^l and a^l for l = 1..L, kept in net. */
  network_feedforward(net, x);

  /* (BP1) delta^L = nabla_a C_x .* sigma'(z^L), nabla_a C_x = a^L - y */
  cost_quadratic_gradient(net->a[L], y, bp->delta[L]);
  sigma_prime_of_z(bp, net, L);
  gsl_vector_mul(bp->delta[L], bp->sp[L]);

  /* (BP2) delta^l = ((w^{l+1})^T delta^{l+1}) .* sigma'(z^l),
   * l = L-1 down to 1; stopping at 1 keeps the size_t from wrapping. */
  for (size_t l = L - 1; l >= 1; l--) {
    gsl_blas_dgemv(CblasTrans, 1.0, net->w[l + 1], bp->delta[l + 1],
                   0.0, bp->delta[l]);
    sigma_prime_of_z(bp, net, l);
    gsl_vector_mul(bp->delta[l], bp->sp[l]);
  }

  for (size_t l = 1; l <= L; l++) {  /* l = 1..L */
    /* (BP3) dC_x/db^l = delta^l, added to the running sum */
    gsl_vector_add(g->nabla_b[l], bp->delta[l]);
    /* (BP4) dC_x/dw^l = delta^l (a^{l-1})^T, the outer product of a
     * sizes[l] and a sizes[l-1] vector, added by one rank-1 update;
     * a^{l-1} is the one the forward line z^l = w^l a^{l-1} + b^l read. */
    gsl_blas_dger(1.0, bp->delta[l], net->a[l - 1], g->nabla_w[l]);
  }
}
