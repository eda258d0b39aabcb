/* momentum.c -- momentum-based gradient descent (chapter 11): a
 * velocity per weight and bias, built from chapter 6's (BP3) and (BP4).
 * See momentum.h; the text is chapters/11-hyperparameters/README.md.
 *
 * Layers are numbered from 0: layer 0 is the input layer and has no
 * weights or biases; for l = 1..L, w[l] is w^l, sizes[l] x sizes[l-1],
 * and v_w[l] its velocity.
 *
 * Notation: mu = mu, eta = eta, m = mb->m, v_w[l] = v_w^l,
 * v_b[l] = v_b^l.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <stdlib.h>

#include <gsl/gsl_blas.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_randist.h>

#include "minibatch.h"
#include "momentum.h"
#include "program.h"

struct momentum *
momentum_alloc(const struct network *net)
{
  struct momentum *v = program_calloc(1, sizeof *v);

  v->num_layers = net->num_layers;
  v->v_w = program_calloc(net->num_layers, sizeof *v->v_w);
  v->v_b = program_calloc(net->num_layers, sizeof *v->v_b);
  for (size_t l = 1; l < net->num_layers; l++) {   /* l = 1..L */
    v->v_w[l] = gsl_matrix_calloc(net->sizes[l], net->sizes[l - 1]);
    v->v_b[l] = gsl_vector_calloc(net->sizes[l]);
  }
  return v;
}

void
momentum_free(struct momentum *v)
{
  if (v == NULL)
    return;
  for (size_t l = 1; l < v->num_layers; l++) {   /* l = 1..L */
    gsl_matrix_free(v->v_w[l]);
    gsl_vector_free(v->v_b[l]);
  }
  free(v->v_w);
  free(v->v_b);
  free(v);
}

void
momentum_set_zero(struct momentum *v)
{
  for (size_t l = 1; l < v->num_layers; l++) {   /* l = 1..L */
    gsl_matrix_set_zero(v->v_w[l]);
    gsl_vector_set_zero(v->v_b[l]);
  }
}

void
momentum_step(struct momentum *v, const struct minibatch *mb,
              struct network *net, double eta, double mu)
{
  double alpha = -eta / (double) mb->m;

  if (mb->penalty != NULL && mb->n == 0)
    GSL_ERROR_VOID("momentum_step: a penalty needs the number of "
                   "training examples n, given to minibatch_alloc",
                   GSL_EINVAL);

  for (size_t l = 1; l < net->num_layers; l++) {   /* l = 1..L */
    /* w^l -= (eta lambda / n) dR/dw^l, or the factor that does it */
    if (mb->penalty != NULL) {
      double decay = mb->penalty->step(net->w[l],
                                       eta * mb->lambda / (double) mb->n);
      if (decay != 1.0)
        gsl_matrix_scale(net->w[l], decay);
    }

    /* (BP3) v_b^l = mu v_b^l - (eta/m) Delta^l 1;  b^l += v_b^l */
    minibatch_bp3(mb, l, alpha, mu, v->v_b[l]);
    gsl_vector_add(net->b[l], v->v_b[l]);

    /* (BP4) v_w^l = mu v_w^l - (eta/m) Delta^l (A^{l-1})^T;
     * w^l += v_w^l */
    minibatch_bp4(mb, l, alpha, mu, v->v_w[l]);
    gsl_matrix_add(net->w[l], v->v_w[l]);
  }
}

void
momentum_epoch(struct momentum *v, struct minibatch *mb,
               struct network *net, const struct dataset *data,
               size_t m, double eta, double mu, gsl_rng *r)
{
  if (data->n != mb->n)
    GSL_ERROR_VOID("momentum_epoch: the data set is not the size given "
                   "to minibatch_alloc", GSL_EBADLEN);

  /* The same draws from r as minibatch_epoch(). */
  gsl_ran_shuffle(r, mb->order, mb->n, sizeof *mb->order);
  for (size_t start = 0; start < mb->n; start += m) {
    size_t size = mb->n - start < m ? mb->n - start : m;

    minibatch_load(mb, data, mb->order + start, size);
    minibatch_feedforward(mb, net);
    minibatch_backprop(mb, net);
    momentum_step(v, mb, net, eta, mu);
  }
}
