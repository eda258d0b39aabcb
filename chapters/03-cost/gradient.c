/* gradient.c -- the gradient of the cost, and gradient descent
 * (chapter 3).
 *
 * The gradient is estimated here by central differences: two costs,
 * each a feedforward of every example, per weight and bias.  That is
 * plenty for a network of 17 parameters and hopeless for one of 23860;
 * chapter 4 computes the same gradient by backpropagation, and keeps
 * this one to check it.  Text: chapters/03-cost/README.md.
 *
 * Notation (doc/notation.md):
 *   dC/dw^l_jk   nabla_w[l] element (j, k)
 *   dC/db^l_j    nabla_b[l] element j
 *   eta          learning rate, the scale of a step
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <stdlib.h>

#include <gsl/gsl_blas.h>

#include "cost.h"
#include "gradient.h"
#include "program.h"

/* ---- Making and clearing a gradient ----------------------------- */

struct gradient *
gradient_alloc(const struct network *net)
{
  struct gradient *g = program_calloc(1, sizeof *g);

  g->num_layers = net->num_layers;
  g->nabla_w = program_calloc(net->num_layers, sizeof *g->nabla_w);
  g->nabla_b = program_calloc(net->num_layers, sizeof *g->nabla_b);
  for (size_t l = 1; l < net->num_layers; l++) {  /* l = 1..L */
    g->nabla_w[l] = gsl_matrix_calloc(net->sizes[l], net->sizes[l - 1]);
    g->nabla_b[l] = gsl_vector_calloc(net->sizes[l]);
  }
  return g;
}

void
gradient_free(struct gradient *g)
{
  if (g == NULL)
    return;
  for (size_t l = 1; l < g->num_layers; l++) {  /* l = 1..L */
    gsl_matrix_free(g->nabla_w[l]);
    gsl_vector_free(g->nabla_b[l]);
  }
  free(g->nabla_w);
  free(g->nabla_b);
  free(g);
}

void
gradient_set_zero(struct gradient *g)
{
  for (size_t l = 1; l < g->num_layers; l++) {  /* l = 1..L */
    gsl_matrix_set_zero(g->nabla_w[l]);
    gsl_vector_set_zero(g->nabla_b[l]);
  }
}

/* ---- The gradient by central differences ------------------------ */

/* (C(p + h) - C(p - h)) / 2h for the parameter *P, which is restored.
 * Each C is a feedforward of every example of DATA. */
static double
central_difference(struct network *net, const struct dataset *data,
                   double *p, double h)
{
  double saved = *p, plus, minus;

  *p = saved + h;
  plus = cost_total(net, data);
  *p = saved - h;
  minus = cost_total(net, data);
  *p = saved;
  return (plus - minus) / (2 * h);
}

void
gradient_numerical(struct network *net, const struct dataset *data,
                   double h, struct gradient *g)
{
  for (size_t l = 1; l < net->num_layers; l++) {  /* l = 1..L */
    /* Neuron j of layer l, reading neuron k of layer l-1. */
    for (size_t j = 0; j < net->sizes[l]; j++) {
      /* dC/dw^l_jk */
      for (size_t k = 0; k < net->sizes[l - 1]; k++)
        gsl_matrix_set(g->nabla_w[l], j, k,
                       central_difference(net, data,
                                          gsl_matrix_ptr(net->w[l], j, k),
                                          h));
      /* dC/db^l_j */
      gsl_vector_set(g->nabla_b[l], j,
                     central_difference(net, data,
                                        gsl_vector_ptr(net->b[l], j), h));
    }
  }
}

/* ---- A step downhill -------------------------------------------- */

void
gradient_descend(struct network *net, const struct gradient *g,
                 double scale)
{
  for (size_t l = 1; l < net->num_layers; l++) {  /* l = 1..L */
    gsl_matrix *w = net->w[l];
    /* A matrix from gsl_matrix_calloc is one block of size1 * size2
     * doubles, so BLAS can treat it as a vector. */
    gsl_vector_view w_all = gsl_vector_view_array(w->data,
                                                  w->size1 * w->size2);
    gsl_vector_view nabla_all =
      gsl_vector_view_array(g->nabla_w[l]->data, w->size1 * w->size2);

    /* w^l -= scale * nabla_w^l;  b^l -= scale * nabla_b^l */
    gsl_blas_daxpy(-scale, &nabla_all.vector, &w_all.vector);
    gsl_blas_daxpy(-scale, g->nabla_b[l], net->b[l]);
  }
}
