/* network.c -- a network of sigmoid neurons, and feedforward (chapter 2).
 *
 * Adds to chapter 1 the layer: many sigmoid neurons side by side, all
 * reading the previous layer's activations through one weight matrix.
 * Text: chapters/02-feedforward/README.md.
 *
 * Notation (doc/notation.md), layers numbered from 0:
 *   L          index of the output layer    net->num_layers - 1
 *   w^l, b^l   weights, biases of layer l   net->w[l], net->b[l]
 *   z^l        weighted input of layer l    net->z[l]
 *   a^l        activation of layer l        net->a[l]; a^0 = x
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_blas.h>
#include <gsl/gsl_randist.h>

#include "network.h"
#include "program.h"
#include "sigmoid.h"

/* ---- Making and freeing a network -------------------------------- */

struct network *
network_alloc(const size_t *sizes, size_t num_layers)
{
  struct network *net = program_calloc(1, sizeof *net);
  size_t L = num_layers - 1;

  net->num_layers = num_layers;
  net->sizes = program_calloc(num_layers, sizeof *net->sizes);
  net->w = program_calloc(num_layers, sizeof *net->w);
  net->b = program_calloc(num_layers, sizeof *net->b);
  net->z = program_calloc(num_layers, sizeof *net->z);
  net->a = program_calloc(num_layers, sizeof *net->a);
  for (size_t l = 0; l <= L; l++)  /* l = 0..L */
    net->sizes[l] = sizes[l];
  /* a^0 holds a copy of the input x; layer 0 has no w, b or z. */
  net->a[0] = gsl_vector_calloc(sizes[0]);
  for (size_t l = 1; l <= L; l++) {  /* l = 1..L */
    net->w[l] = gsl_matrix_calloc(sizes[l], sizes[l - 1]);
    net->b[l] = gsl_vector_calloc(sizes[l]);
    net->z[l] = gsl_vector_calloc(sizes[l]);
    net->a[l] = gsl_vector_calloc(sizes[l]);
  }
  return net;
}

void
network_free(struct network *net)
{
  if (net == NULL)
    return;
  gsl_vector_free(net->a[0]);
  for (size_t l = 1; l < net->num_layers; l++) {  /* l = 1..L */
    gsl_matrix_free(net->w[l]);
    gsl_vector_free(net->b[l]);
    gsl_vector_free(net->z[l]);
    gsl_vector_free(net->a[l]);
  }
  free(net->a);
  free(net->z);
  free(net->b);
  free(net->w);
  free(net->sizes);
  free(net);
}

/* ---- Random weights and biases ---------------------------------- */

void
network_init_gaussian(struct network *net, gsl_rng *r)
{
  for (size_t l = 1; l < net->num_layers; l++) {  /* l = 1..L */
    gsl_matrix *w = net->w[l];

    /* Row by row, then the biases: the order fixes what a seed gives. */
    for (size_t j = 0; j < w->size1; j++)
      for (size_t k = 0; k < w->size2; k++)
        gsl_matrix_set(w, j, k, gsl_ran_gaussian(r, 1.0));
    for (size_t j = 0; j < net->b[l]->size; j++)
      gsl_vector_set(net->b[l], j, gsl_ran_gaussian(r, 1.0));
  }
}

void
network_memcpy(struct network *dest, const struct network *src)
{
  for (size_t l = 1; l < src->num_layers; l++) {  /* l = 1..L */
    gsl_matrix_memcpy(dest->w[l], src->w[l]);
    gsl_vector_memcpy(dest->b[l], src->b[l]);
  }
}

size_t
network_num_parameters(const struct network *net)
{
  size_t count = 0;

  for (size_t l = 1; l < net->num_layers; l++)  /* l = 1..L */
    count += net->sizes[l] * net->sizes[l - 1] + net->sizes[l];
  return count;
}

/* ---- Feedforward ------------------------------------------------- */

const gsl_vector *
network_feedforward(struct network *net, const gsl_vector *x)
{
  size_t L = net->num_layers - 1;

  /* a^0 = x */
  gsl_vector_memcpy(net->a[0], x);
  for (size_t l = 1; l <= L; l++) {  /* l = 1..L, forward */
    /* z^l = w^l a^{l-1} + b^l: z^l starts as b^l, then dgemv adds
     * (sizes[l] x sizes[l-1]) times (sizes[l-1]) to it. */
    gsl_vector_memcpy(net->z[l], net->b[l]);
    gsl_blas_dgemv(CblasNoTrans, 1.0, net->w[l], net->a[l - 1],
                   1.0, net->z[l]);
    /* a^l = sigma(z^l) */
    gsl_vector_memcpy(net->a[l], net->z[l]);
    sigmoid_vector(net->a[l]);
  }
  return net->a[L];
}

/* ---- Checking for divergence ------------------------------------ */

/* True when all N doubles from P on are finite. */
static bool
all_finite(const double *p, size_t n)
{
  for (size_t i = 0; i < n; i++)
    if (!isfinite(p[i]))
      return false;
  return true;
}

bool
network_is_finite(const struct network *net)
{
  for (size_t l = 1; l < net->num_layers; l++) {  /* l = 1..L */
    const gsl_matrix *w = net->w[l];

    /* gsl_matrix_calloc gives contiguous rows: tda == size2. */
    if (!all_finite(w->data, w->size1 * w->size2)
        || !all_finite(net->b[l]->data, net->b[l]->size))
      return false;
  }
  return true;
}
