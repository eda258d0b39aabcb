/* minibatch.c -- a whole mini-batch as one matrix (chapter 6).
 *
 * Adds to chapter 5 the matrix form of backpropagation: the m examples
 * of a mini-batch are the columns of one matrix, so each layer's
 * forward step, each (BP2) and each (BP4) is one matrix-matrix product
 * (gsl_blas_dgemm, level 3 BLAS) where chapter 4 made m matrix-vector
 * products (dgemv, dger: level 2).  The arithmetic is the same; only
 * the order of the additions changes.  The step of gradient descent is
 * folded into the (BP4) product: dgemm computes C = alpha A B + beta C,
 * and with C = w^l, alpha = -eta/m and beta = 1 it subtracts
 * (eta/m) Delta^l (A^{l-1})^T from w^l without ever storing nabla_w^l.
 * The cost and output layer (mb->cost) and a penalty on the weights
 * (mb->penalty) are hooks for chapters 7, 8 and 10; this file defines
 * only the defaults, the quadratic cost on sigmoid outputs and no
 * penalty.  Text: chapters/06-matrix-minibatch/README.md.
 *
 * Notation (doc/notation.md), layers numbered from 0, L the output;
 * layer 0 has no weights or biases (net->w[0], net->b[0] are NULL):
 *   m              examples in the mini-batch   mb->m
 *   X = A^0        inputs, one per column       mb->a[0]
 *   Z^l, A^l       weighted inputs, activations mb->z[l], mb->a[l]
 *   Y              one-hot targets              mb->y
 *   Delta^l        errors dC_x/dz^l, per column mb->delta[l]
 *   1              m ones                       mb->ones
 *   w^l, b^l       weights, biases              net->w[l], net->b[l]
 *   C_x, f         the cost, layer L's function mb->cost, ->output
 *   lambda, R      a penalty on the weights     mb->lambda, mb->penalty
 *   .*             elementwise product
 * Every matrix with a superscript l is sizes[l] x m; w^l is
 * sizes[l] x sizes[l-1] and b^l has sizes[l] elements.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include <gsl/gsl_blas.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_randist.h>

#include "cost.h"
#include "evaluate.h"
#include "minibatch.h"
#include "program.h"
#include "sigmoid.h"

/* ------------------------------------------------------------------ */
/* sigma on matrices, and the default output layer and cost            */

/* A = sigma(Z), element by element, for two matrices of one shape. */
static void
sigmoid_matrix(gsl_matrix *a, const gsl_matrix *z)
{
  for (size_t j = 0; j < z->size1; j++) {
    const double *z_row = gsl_matrix_const_ptr(z, j, 0);
    double *a_row = gsl_matrix_ptr(a, j, 0);

    for (size_t i = 0; i < z->size2; i++)
      a_row[i] = sigmoid(z_row[i]);
  }
}

/* DELTA .*= sigma'(Z), where A = sigma(Z) is known: sigma'(z) =
 * sigma(z) (1 - sigma(z)) = a (1 - a), the very number chapter 1's
 * sigmoid_prime() computes, without calling exp() a second time. */
static void
mul_sigma_prime(gsl_matrix *delta, const gsl_matrix *a)
{
  for (size_t j = 0; j < delta->size1; j++) {
    double *d = gsl_matrix_ptr(delta, j, 0);
    const double *s = gsl_matrix_const_ptr(a, j, 0);

    for (size_t i = 0; i < delta->size2; i++)
      d[i] *= s[i] * (1.0 - s[i]);
  }
}

const struct minibatch_output minibatch_sigmoid = {
  "sigmoid", sigmoid_matrix
};

/* The sum over the m columns of C_x = 1/2 ||y - a||^2, by chapter 3's
 * cost_quadratic() on each column. */
static double
quadratic_fn(const gsl_matrix *z, const gsl_matrix *a, const gsl_matrix *y)
{
  double sum = 0;

  (void) z;
  for (size_t i = 0; i < a->size2; i++) {
    gsl_vector_const_view a_i = gsl_matrix_const_column(a, i);
    gsl_vector_const_view y_i = gsl_matrix_const_column(y, i);

    sum += cost_quadratic(&a_i.vector, &y_i.vector);
  }
  return sum;
}

/* (BP1) for the quadratic cost on sigmoid outputs. */
static void
quadratic_delta(const gsl_matrix *z, const gsl_matrix *a,
                const gsl_matrix *y, gsl_matrix *delta)
{
  (void) z;
  /* (BP1) Delta^L = (A^L - Y) .* sigma'(Z^L)   (sizes[L] x m); A^L - Y
   * is nabla_a C_x of the quadratic cost, one column per example. */
  gsl_matrix_memcpy(delta, a);
  gsl_matrix_sub(delta, y);
  mul_sigma_prime(delta, a);
}

const struct minibatch_cost minibatch_quadratic = {
  "quadratic", &minibatch_sigmoid, quadratic_fn, quadratic_delta
};

/* ------------------------------------------------------------------ */
/* Allocation                                                          */

struct minibatch *
minibatch_alloc(const struct network *net, size_t capacity, size_t n)
{
  struct minibatch *mb = program_calloc(1, sizeof *mb);
  size_t L = net->num_layers - 1;

  for (size_t v = 0; v < 256; v++)
    mb->pixel[v] = (double) v / 255.0;
  mb->num_layers = net->num_layers;
  mb->capacity = capacity;
  mb->a = program_calloc(net->num_layers, sizeof *mb->a);
  mb->z = program_calloc(net->num_layers, sizeof *mb->z);
  mb->delta = program_calloc(net->num_layers, sizeof *mb->delta);
  /* X = A^0: sizes[0] x capacity */
  mb->a[0] = gsl_matrix_calloc(net->sizes[0], capacity);
  for (size_t l = 1; l <= L; l++) {  /* l = 1..L: sizes[l] x capacity */
    mb->z[l] = gsl_matrix_calloc(net->sizes[l], capacity);
    mb->a[l] = gsl_matrix_calloc(net->sizes[l], capacity);
    mb->delta[l] = gsl_matrix_calloc(net->sizes[l], capacity);
  }
  mb->y = gsl_matrix_calloc(net->sizes[L], capacity);
  mb->ones = gsl_vector_alloc(capacity);
  gsl_vector_set_all(mb->ones, 1.0);
  mb->rows = program_calloc(capacity, sizeof *mb->rows);
  mb->image = program_calloc(capacity, sizeof *mb->image);
  mb->order = program_calloc(n, sizeof *mb->order);
  for (size_t i = 0; i < n; i++)
    mb->order[i] = i;
  mb->n = n;
  mb->cost = &minibatch_quadratic;
  mb->penalty = NULL;
  mb->lambda = 0;
  return mb;
}

void
minibatch_free(struct minibatch *mb)
{
  if (mb == NULL)
    return;
  gsl_matrix_free(mb->a[0]);
  for (size_t l = 1; l < mb->num_layers; l++) {  /* l = 1..L */
    gsl_matrix_free(mb->z[l]);
    gsl_matrix_free(mb->a[l]);
    gsl_matrix_free(mb->delta[l]);
  }
  gsl_matrix_free(mb->y);
  gsl_vector_free(mb->ones);
  free(mb->a);
  free(mb->z);
  free(mb->delta);
  free(mb->rows);
  free(mb->image);
  free(mb->order);
  free(mb);
}

/* ------------------------------------------------------------------ */
/* Views of the first m columns                                        */

/* The first M columns of M_ALL (size1 x capacity): size1 x M.  Its rows
 * are still capacity apart in memory (tda), which BLAS is told. */
static gsl_matrix_view
columns(gsl_matrix *m_all, size_t m)
{
  return gsl_matrix_submatrix(m_all, 0, 0, m_all->size1, m);
}

/* The vector 1 of M ones. */
static gsl_vector_view
ones(const struct minibatch *mb)
{
  return gsl_vector_subvector(mb->ones, 0, mb->m);
}

/* ------------------------------------------------------------------ */
/* Loading a mini-batch                                                */

void
minibatch_load(struct minibatch *mb, const struct dataset *data,
               const size_t *batch, size_t m)
{
  gsl_matrix *x = mb->a[0];
  size_t pixels = x->size1;

  if (m > mb->capacity)
    GSL_ERROR_VOID("minibatch_load: more examples than columns",
                   GSL_EBADLEN);
  if (data->x->size2 != pixels)
    GSL_ERROR_VOID("minibatch_load: images and input layer differ in "
                   "size", GSL_EBADLEN);
  mb->m = m;
  gsl_matrix_set_zero(mb->y);
  for (size_t i = 0; i < m; i++) {
    mb->image[i] = gsl_matrix_uchar_const_ptr(data->x, batch[i], 0);
    /* Column i of Y is the one-hot target of its digit. */
    gsl_matrix_set(mb->y, data->y[batch[i]], i, 1.0);
  }
  /* Column i of X is image batch[i], each byte v as v / 255.  X is
   * filled row by row: row k is pixel k of the m images, read side by
   * side.  Its memory is then written in order, which measured faster
   * than one image, one column of doubles tda apart, at a time. */
  for (size_t k = 0; k < pixels; k++) {
    double *row = gsl_matrix_ptr(x, k, 0);

    for (size_t i = 0; i < m; i++)
      row[i] = mb->pixel[mb->image[i][k]];
  }
}

/* ------------------------------------------------------------------ */
/* Feedforward                                                         */

/* Z = b 1^T: every column of Z (size1 x m) becomes the vector B. */
static void
set_columns(gsl_matrix *z, const gsl_vector *b)
{
  for (size_t j = 0; j < z->size1; j++) {
    double *row = gsl_matrix_ptr(z, j, 0), b_j = gsl_vector_get(b, j);

    for (size_t i = 0; i < z->size2; i++)
      row[i] = b_j;
  }
}

void
minibatch_feedforward(struct minibatch *mb, const struct network *net)
{
  size_t L = net->num_layers - 1;

  for (size_t l = 1; l <= L; l++) {  /* l = 1..L, forward */
    gsl_matrix_view z = columns(mb->z[l], mb->m);
    gsl_matrix_view a = columns(mb->a[l], mb->m);
    gsl_matrix_view a_prev = columns(mb->a[l - 1], mb->m);

    /* Z^l = b^l 1^T: every column starts as the bias vector b^l */
    set_columns(&z.matrix, net->b[l]);
    /* Z^l += w^l A^{l-1}
     *   (sizes[l] x sizes[l-1]) times (sizes[l-1] x m) */
    gsl_blas_dgemm(CblasNoTrans, CblasNoTrans, 1.0, net->w[l],
                   &a_prev.matrix, 1.0, &z.matrix);
    /* A^l = sigma(Z^l) for l < L; A^L = f(Z^L), the cost's output
     * layer (sigma by default) */
    if (l < L)
      sigmoid_matrix(&a.matrix, &z.matrix);
    else
      mb->cost->output->activate(&a.matrix, &z.matrix);
  }
}

/* ------------------------------------------------------------------ */
/* Backpropagation: (BP1) and (BP2)                                    */

void
minibatch_backprop(struct minibatch *mb, const struct network *net)
{
  size_t L = net->num_layers - 1;
  gsl_matrix_view delta_L = columns(mb->delta[L], mb->m);
  gsl_matrix_view z_L = columns(mb->z[L], mb->m);
  gsl_matrix_view a_L = columns(mb->a[L], mb->m);
  gsl_matrix_view y = columns(mb->y, mb->m);

  /* (BP1) Delta^L = nabla_a C_x .* f'(Z^L), as the cost computes it:
   * (A^L - Y) .* sigma'(Z^L) for the quadratic cost (sizes[L] x m) */
  mb->cost->delta(&z_L.matrix, &a_L.matrix, &y.matrix, &delta_L.matrix);

  /* (BP2) Delta^l = ((w^{l+1})^T Delta^{l+1}) .* sigma'(Z^l),
   * l = L-1 down to 1; stopping at 1 keeps the size_t from wrapping.
   * (sizes[l+1] x sizes[l])^T times (sizes[l+1] x m) = sizes[l] x m. */
  for (size_t l = L - 1; l >= 1; l--) {
    gsl_matrix_view delta = columns(mb->delta[l], mb->m);
    gsl_matrix_view delta_next = columns(mb->delta[l + 1], mb->m);
    gsl_matrix_view a = columns(mb->a[l], mb->m);

    gsl_blas_dgemm(CblasTrans, CblasNoTrans, 1.0, net->w[l + 1],
                   &delta_next.matrix, 0.0, &delta.matrix);
    mul_sigma_prime(&delta.matrix, &a.matrix);
  }
}

/* ------------------------------------------------------------------ */
/* The gradient, (BP3) and (BP4), and the step                         */

void
minibatch_bp3(const struct minibatch *mb, size_t l, double alpha,
              double beta, gsl_vector *nabla_b)
{
  gsl_matrix_view delta = columns(mb->delta[l], mb->m);
  gsl_vector_view one = ones(mb);

  /* (BP3) nabla_b^l = Delta^l 1: the sum of the m columns of Delta^l,
   *   (sizes[l] x m) times (m) */
  gsl_blas_dgemv(CblasNoTrans, alpha, &delta.matrix, &one.vector,
                 beta, nabla_b);
}

void
minibatch_bp4(const struct minibatch *mb, size_t l, double alpha,
              double beta, gsl_matrix *nabla_w)
{
  gsl_matrix_view delta = columns(mb->delta[l], mb->m);
  gsl_matrix_view a_prev = columns(mb->a[l - 1], mb->m);

  /* (BP4) nabla_w^l = Delta^l (A^{l-1})^T: the sum over the m examples
   * of delta^l (a^{l-1})^T, with A^{l-1} the matrix the forward line
   * Z^l = w^l A^{l-1} + b^l 1^T read.
   *   (sizes[l] x m) times (sizes[l-1] x m)^T = sizes[l] x sizes[l-1] */
  gsl_blas_dgemm(CblasNoTrans, CblasTrans, alpha, &delta.matrix,
                 &a_prev.matrix, beta, nabla_w);
}

void
minibatch_gradient(const struct minibatch *mb, const struct network *net,
                   struct gradient *g)
{
  for (size_t l = 1; l < net->num_layers; l++) {  /* l = 1..L */
    minibatch_bp3(mb, l, 1.0, 0.0, g->nabla_b[l]);
    minibatch_bp4(mb, l, 1.0, 0.0, g->nabla_w[l]);
  }
}

void
minibatch_step(const struct minibatch *mb, struct network *net, double eta)
{
  double alpha = -eta / (double) mb->m;

  if (mb->penalty != NULL && mb->n == 0)
    GSL_ERROR_VOID("minibatch_step: a penalty needs the number of "
                   "training examples n, given to minibatch_alloc",
                   GSL_EINVAL);

  /* w^l = beta w^l - (eta/m) nabla_w^l, b^l = b^l - (eta/m) nabla_b^l,
   * in the products themselves: alpha = -eta/m, and beta = 1 but for a
   * penalty that folds its decay into it.  Every Delta^l is already
   * known, so changing w^{l+1} cannot disturb (BP2). */
  for (size_t l = 1; l < net->num_layers; l++) {  /* l = 1..L */
    double beta = 1.0;

    /* w^l -= (eta lambda / n) dR/dw^l, or the factor that does it */
    if (mb->penalty != NULL)
      beta = mb->penalty->step(net->w[l],
                               eta * mb->lambda / (double) mb->n);
    minibatch_bp3(mb, l, alpha, 1.0, net->b[l]);
    minibatch_bp4(mb, l, alpha, beta, net->w[l]);
  }
}

/* ------------------------------------------------------------------ */
/* Training and evaluation                                             */

void
minibatch_update(struct minibatch *mb, struct network *net,
                 const struct dataset *data,
                 const size_t *batch, size_t m, double eta)
{
  minibatch_load(mb, data, batch, m);
  minibatch_feedforward(mb, net);
  minibatch_backprop(mb, net);
  minibatch_step(mb, net, eta);
}

void
minibatch_epoch(struct minibatch *mb, struct network *net,
                const struct dataset *data, size_t m, double eta,
                gsl_rng *r)
{
  if (data->n != mb->n)
    GSL_ERROR_VOID("minibatch_epoch: the data set is not the size given "
                   "to minibatch_alloc", GSL_EBADLEN);

  /* The same draws from r as chapter 5's sgd_epoch(). */
  gsl_ran_shuffle(r, mb->order, mb->n, sizeof *mb->order);
  for (size_t start = 0; start < mb->n; start += m) {
    size_t size = mb->n - start < m ? mb->n - start : m;

    minibatch_update(mb, net, data, mb->order + start, size, eta);
  }
}

void
minibatch_feed_rows(struct minibatch *mb, const struct network *net,
                    const struct dataset *data, size_t first, size_t m)
{
  for (size_t i = 0; i < m; i++)
    mb->rows[i] = first + i;
  minibatch_load(mb, data, mb->rows, m);
  minibatch_feedforward(mb, net);
}

size_t
minibatch_evaluate(struct minibatch *mb, const struct network *net,
                   const struct dataset *data, double *cost_sum)
{
  size_t L = net->num_layers - 1;
  size_t correct = 0;
  double sum = 0;

  for (size_t first = 0; first < data->n; first += mb->capacity) {
    size_t m = data->n - first < mb->capacity ? data->n - first
                                              : mb->capacity;

    minibatch_feed_rows(mb, net, data, first, m);
    for (size_t i = 0; i < m; i++) {
      gsl_vector_view a = gsl_matrix_column(mb->a[L], i);

      if (evaluate_argmax(&a.vector) == data->y[first + i])
        correct++;
    }
    if (cost_sum != NULL) {
      gsl_matrix_view z_L = columns(mb->z[L], m);
      gsl_matrix_view a_L = columns(mb->a[L], m);
      gsl_matrix_view y = columns(mb->y, m);

      /* sum_x C_x over these m examples */
      sum += mb->cost->fn(&z_L.matrix, &a_L.matrix, &y.matrix);
    }
  }
  if (cost_sum != NULL)
    *cost_sum = sum;
  return correct;
}

size_t
minibatch_evaluate_count(struct minibatch *mb, const struct network *net,
                         const struct dataset *data)
{
  return minibatch_evaluate(mb, net, data, NULL);
}

bool
minibatch_is_stuck(struct minibatch *mb, const struct network *net,
                   const struct dataset *data)
{
  size_t L = net->num_layers - 1;

  for (size_t first = 0; first < data->n; first += mb->capacity) {
    size_t m = data->n - first < mb->capacity ? data->n - first
                                              : mb->capacity;

    minibatch_feed_rows(mb, net, data, first, m);
    gsl_matrix_view delta_L = columns(mb->delta[L], m);
    gsl_matrix_view z_L = columns(mb->z[L], m);
    gsl_matrix_view a_L = columns(mb->a[L], m);
    gsl_matrix_view y = columns(mb->y, m);

    /* (BP1) Delta^L of these m examples; for the quadratic cost
     * (A^L - Y) .* A^L .* (1 - A^L), 0 where sigma'(z^L_j) is */
    mb->cost->delta(&z_L.matrix, &a_L.matrix, &y.matrix,
                    &delta_L.matrix);
    if (!gsl_matrix_isnull(&delta_L.matrix))
      return false;
  }
  return true;
}

void
minibatch_check_divergence(struct minibatch *mb, const struct network *net,
                           const struct dataset *training, size_t epoch)
{
  if (!network_is_finite(net))
    program_fatal("training diverged in epoch %zu: a weight or bias is "
                  "no longer a finite number; try a smaller --eta", epoch);
  if (minibatch_is_stuck(mb, net, training))
    program_fatal("training diverged in epoch %zu: every output neuron "
                  "is saturated, so every gradient is 0; try a smaller "
                  "--eta", epoch);
}

/* ------------------------------------------------------------------ */
/* Saving                                                              */

struct model
minibatch_model(const struct minibatch *mb, const struct network *net)
{
  struct model m = { .num_layers = net->num_layers, .sizes = net->sizes,
                     .w = net->w, .b = net->b };

  snprintf(m.cost, sizeof m.cost, "%s", mb->cost->name);
  snprintf(m.output, sizeof m.output, "%s", mb->cost->output->name);
  return m;
}
