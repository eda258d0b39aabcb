/* test-06-minibatch.c -- the matrix form of a mini-batch computes what
 * chapters 4 and 5 compute one example at a time (chapter 6).
 *
 * Needs no download: the examples are random 28 x 28 images made here.
 * Checks that loading puts each image in its column; that the matrix
 * gradient equals the sum of chapter 4's per-example gradients and
 * matches central differences; that one update, and one whole epoch,
 * give the weights chapter 5 gives, to rounding; and that evaluating a
 * column at a time counts what chapter 3's evaluate_count() counts.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_blas.h>
#include <gsl/gsl_rng.h>

#include "backprop.h"
#include "cost.h"
#include "evaluate.h"
#include "gradient.h"
#include "minibatch.h"
#include "mnist.h"
#include "network.h"
#include "options.h"
#include "program.h"
#include "sgd.h"
#include "tap.h"

/* Agreement demanded between two computations of the same sums, which
 * differ only in the order of their additions. */
#define SAME_SUMS 1e-12

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

/* N random images, about a fifth of their pixels ink, random labels. */
static void
random_set(struct dataset *set, size_t n, gsl_rng *r)
{
  set->n = n;
  set->x = gsl_matrix_uchar_calloc(n, MNIST_PIXELS);
  set->y = program_calloc(n, 1);
  for (size_t i = 0; i < n; i++) {
    for (size_t k = 0; k < MNIST_PIXELS; k++)
      if (gsl_rng_uniform(r) < 0.2)
        gsl_matrix_uchar_set(set->x, i, k,
                             (unsigned char) gsl_rng_uniform_int(r, 256));
    set->y[i] = (unsigned char) gsl_rng_uniform_int(r, MNIST_CLASSES);
  }
}

/* A network of the given sizes with N(0, 1) weights, those of layer 1
 * scaled by 0.1 so that 784 inputs do not saturate every sigmoid (a
 * saturated network has a gradient too small to test). */
static struct network *
random_network(const size_t *sizes, size_t num_layers, gsl_rng *r)
{
  struct network *net = network_alloc(sizes, num_layers);

  network_init_gaussian(net, r);
  gsl_matrix_scale(net->w[1], 0.1);
  return net;
}

/* max |a - b| over the elements of two equally shaped matrices, and
 * max |b|, accumulated into *DIFF and *SIZE.  A NaN makes *DIFF NaN,
 * so that no comparison with a tolerance passes. */
static void
compare_matrices(const gsl_matrix *a, const gsl_matrix *b,
                 double *diff, double *size)
{
  for (size_t j = 0; j < a->size1; j++)
    for (size_t k = 0; k < a->size2; k++) {
      double x = gsl_matrix_get(a, j, k), y = gsl_matrix_get(b, j, k);
      double d = fabs(x - y);

      if (isnan(d) || d > *diff)
        *diff = d;
      *size = fmax(*size, fabs(y));
    }
}

static void
compare_vectors(const gsl_vector *a, const gsl_vector *b,
                double *diff, double *size)
{
  gsl_matrix_const_view ma = gsl_matrix_const_view_vector(a, a->size, 1);
  gsl_matrix_const_view mb = gsl_matrix_const_view_vector(b, b->size, 1);

  compare_matrices(&ma.matrix, &mb.matrix, diff, size);
}

/* max |w_a - w_b| / max |w_b| over all weights and biases. */
static double
network_rel_diff(const struct network *a, const struct network *b)
{
  double diff = 0, size = 0;

  for (size_t l = 1; l < a->num_layers; l++) {  /* l = 1..L */
    compare_matrices(a->w[l], b->w[l], &diff, &size);
    compare_vectors(a->b[l], b->b[l], &diff, &size);
  }
  return size > 0 ? diff / size : diff;
}

/* The same for two gradients. */
static double
gradient_rel_diff(const struct gradient *a, const struct gradient *b)
{
  double diff = 0, size = 0;

  for (size_t l = 1; l < a->num_layers; l++) {  /* l = 1..L */
    compare_matrices(a->nabla_w[l], b->nabla_w[l], &diff, &size);
    compare_vectors(a->nabla_b[l], b->nabla_b[l], &diff, &size);
  }
  return size > 0 ? diff / size : diff;
}

/* ------------------------------------------------------------------ */
/* The checks                                                          */

/* Column i of X is mnist_image(batch[i]) exactly, and column i of Y the
 * one-hot target of its label. */
static void
check_load(const struct dataset *data)
{
  const size_t sizes[] = { 784, 30, 10 };
  const size_t batch[] = { 4, 0, 17, 4, 9 }, m = 5;
  struct network *net = network_alloc(sizes, 3);
  struct minibatch *mb = minibatch_alloc(net, 8, 0);
  gsl_vector *x = gsl_vector_alloc(MNIST_PIXELS);
  gsl_vector *y = gsl_vector_alloc(MNIST_CLASSES);
  size_t wrong_x = 0, wrong_y = 0;

  minibatch_load(mb, data, batch, m);
  for (size_t i = 0; i < m; i++) {
    mnist_image(data, batch[i], x);
    cost_one_hot(y, data->y[batch[i]]);
    for (size_t k = 0; k < MNIST_PIXELS; k++)
      wrong_x += gsl_matrix_get(mb->a[0], k, i) != gsl_vector_get(x, k);
    for (size_t j = 0; j < MNIST_CLASSES; j++)
      wrong_y += gsl_matrix_get(mb->y, j, i) != gsl_vector_get(y, j);
  }
  tap_ok(mb->m == m && wrong_x == 0 && wrong_y == 0,
         "loading 5 examples: each column of X equals mnist_image() "
         "(%zu pixels differ) and of Y the one-hot label (%zu differ)",
         wrong_x, wrong_y);
  gsl_vector_free(x);
  gsl_vector_free(y);
  minibatch_free(mb);
  network_free(net);
}

/* The matrix gradient (BP1-BP4 on X) equals the sum over the batch of
 * chapter 4's backprop_accumulate(). */
static void
check_gradient_vs_backprop(const struct dataset *data, gsl_rng *r)
{
  const size_t sizes[] = { 784, 16, 12, 10 };
  const size_t batch[] = { 3, 1, 4, 1, 5, 9, 2 }, m = 7;
  struct network *net = random_network(sizes, 4, r);
  struct minibatch *mb = minibatch_alloc(net, 10, 0);
  struct gradient *g = gradient_alloc(net), *want = gradient_alloc(net);
  struct backprop *bp = backprop_alloc(net);
  gsl_vector *x = gsl_vector_alloc(MNIST_PIXELS);
  gsl_vector *y = gsl_vector_alloc(MNIST_CLASSES);

  for (size_t i = 0; i < m; i++) {
    mnist_image(data, batch[i], x);
    cost_one_hot(y, data->y[batch[i]]);
    backprop_accumulate(bp, net, x, y, want);
  }
  minibatch_load(mb, data, batch, m);
  minibatch_feedforward(mb, net);
  minibatch_backprop(mb, net);
  minibatch_gradient(mb, net, g);
  double rel = gradient_rel_diff(g, want);
  tap_ok(rel <= SAME_SUMS, "[784,16,12,10], m = 7 of capacity 10: "
         "matrix gradient = sum of chapter 4's per-example gradients, "
         "rel diff %.2g <= %g", rel, SAME_SUMS);
  gsl_vector_free(x);
  gsl_vector_free(y);
  backprop_free(bp);
  gradient_free(g);
  gradient_free(want);
  minibatch_free(mb);
  network_free(net);
}

/* sum over the M examples ROWS of C_x: m times cost_total() on a set
 * holding just them. */
static double
batch_cost(struct network *net, const struct dataset *rows)
{
  return cost_total(net, rows) * (double) rows->n;
}

/* The matrix gradient against central differences of the summed cost,
 * for every bias and every 53rd weight. */
static void
check_gradient_numerical(const struct dataset *data, gsl_rng *r)
{
  const size_t sizes[] = { 784, 12, 11, 10 }, m = 5;
  const double h = 1e-5, tolerance = 1e-6;
  struct dataset rows;
  struct network *net = random_network(sizes, 4, r);
  struct minibatch *mb = minibatch_alloc(net, m, 0);
  struct gradient *g = gradient_alloc(net);
  size_t batch[5], checked = 0;
  double diff2 = 0, norm2 = 0;

  /* The first m examples, so that ROWS is exactly the batch. */
  rows = *data;
  rows.n = m;
  for (size_t i = 0; i < m; i++)
    batch[i] = i;
  minibatch_load(mb, data, batch, m);
  minibatch_feedforward(mb, net);
  minibatch_backprop(mb, net);
  minibatch_gradient(mb, net, g);

  for (size_t l = 1; l < net->num_layers; l++) {  /* l = 1..L */
    double *w = net->w[l]->data;
    size_t count = net->w[l]->size1 * net->w[l]->size2;

    for (size_t p = 0; p < count + net->sizes[l]; p++) {
      double *param = p < count ? w + p : net->b[l]->data + (p - count);
      double analytic = p < count ? g->nabla_w[l]->data[p]
                                  : g->nabla_b[l]->data[p - count];
      double saved = *param, plus, minus;

      if (p < count && p % 53 != 0)
        continue;
      *param = saved + h;
      plus = batch_cost(net, &rows);
      *param = saved - h;
      minus = batch_cost(net, &rows);
      *param = saved;
      double numerical = (plus - minus) / (2 * h);
      diff2 += (analytic - numerical) * (analytic - numerical);
      norm2 += numerical * numerical;
      checked++;
    }
  }
  double rel = sqrt(diff2 / norm2);
  tap_ok(rel < tolerance, "[784,12,11,10], m = 5: matrix gradient "
         "matches central differences (h = %g) on %zu parameters: "
         "rel err %.2g < %g", h, checked, rel, tolerance);
  tap_ok(sqrt(norm2) > 1e-3, "the gradient checked is not trivially "
         "small: norm %.3g > 0.001", sqrt(norm2));
  gradient_free(g);
  minibatch_free(mb);
  network_free(net);
}

/* One update of chapter 6 gives the weights of chapter 5's
 * sgd_update_mini_batch() from the same start and batch. */
static void
check_update(const struct dataset *data, const size_t *sizes,
             size_t num_layers, size_t m, gsl_rng *r)
{
  const double eta = 3.0;
  struct network *start = random_network(sizes, num_layers, r);
  struct network *net5 = network_alloc(sizes, num_layers);
  struct network *net6 = network_alloc(sizes, num_layers);
  struct sgd *s = sgd_alloc(start, data->n);
  struct minibatch *mb = minibatch_alloc(start, m, 0);
  size_t batch[m];
  char name[64];

  for (size_t i = 0; i < m; i++)
    batch[i] = gsl_rng_uniform_int(r, data->n);
  network_memcpy(net5, start);
  network_memcpy(net6, start);
  sgd_update_mini_batch(s, net5, data, batch, m, eta);
  minibatch_update(mb, net6, data, batch, m, eta);

  options_format_sizes(sizes, num_layers, name, sizeof name);
  double moved = network_rel_diff(net5, start);
  double rel = network_rel_diff(net6, net5);
  tap_ok(rel <= SAME_SUMS && moved > 1e-6, "%s, m = %zu: one update "
         "gives chapter 5's weights, rel diff %.2g <= %g (the step "
         "itself moved them by %.2g)", name, m, rel, SAME_SUMS, moved);
  minibatch_free(mb);
  sgd_free(s);
  network_free(start);
  network_free(net5);
  network_free(net6);
}

/* One epoch of each chapter from the same seed: same shuffles, same
 * mini-batches (the last one smaller), same weights to rounding. */
static void
check_epoch(const struct dataset *data)
{
  const size_t sizes[] = { 784, 16, 10 }, m = 7;
  gsl_rng *r5 = gsl_rng_alloc(gsl_rng_mt19937);
  gsl_rng *r6 = gsl_rng_alloc(gsl_rng_mt19937);
  struct network *net5 = network_alloc(sizes, 3);
  struct network *net6 = network_alloc(sizes, 3);

  gsl_rng_set(r5, 42);
  gsl_rng_set(r6, 42);
  network_init_gaussian(net5, r5);
  network_init_gaussian(net6, r6);
  struct sgd *s = sgd_alloc(net5, data->n);
  struct minibatch *mb = minibatch_alloc(net6, m, data->n);
  sgd_epoch(s, net5, data, m, 3.0, r5);
  minibatch_epoch(mb, net6, data, m, 3.0, r6);
  double rel = network_rel_diff(net6, net5);
  tap_ok(rel <= SAME_SUMS, "one epoch of %zu examples in batches of %zu "
         "from seed 42: chapter 6's weights = chapter 5's, rel diff "
         "%.2g <= %g", data->n, m, rel, SAME_SUMS);
  tap_ok(gsl_rng_get(r5) == gsl_rng_get(r6), "both epochs drew the same "
         "random numbers");
  minibatch_free(mb);
  sgd_free(s);
  network_free(net5);
  network_free(net6);
  gsl_rng_free(r5);
  gsl_rng_free(r6);
}

/* Evaluating CAPACITY columns at a time counts what evaluate_count()
 * counts, one example at a time. */
static void
check_evaluate(const struct dataset *data, size_t capacity, gsl_rng *r)
{
  const size_t sizes[] = { 784, 20, 10 };
  struct network *net = random_network(sizes, 3, r);
  struct minibatch *mb = minibatch_alloc(net, capacity, 0);

  size_t want = evaluate_count(net, data);
  size_t got = minibatch_evaluate_count(mb, net, data);
  tap_ok(got == want, "evaluating %zu examples %zu at a time: %zu right, "
         "as evaluate_count() says (%zu)", data->n, capacity, got, want);
  minibatch_free(mb);
  network_free(net);
}

/* A network whose output biases are huge is stuck; the same network
 * with N(0, 1) output biases is not. */
static void
check_stuck(const struct dataset *data, gsl_rng *r)
{
  const size_t sizes[] = { 784, 20, 10 };
  struct network *net = random_network(sizes, 3, r);
  struct minibatch *mb = minibatch_alloc(net, 8, 0);

  tap_ok(!minibatch_is_stuck(mb, net, data), "a network with N(0, 1) "
         "output biases is not stuck");
  gsl_vector_set_all(net->b[2], 1e3);
  tap_ok(minibatch_is_stuck(mb, net, data), "with every output bias "
         "1000, sigma'(z^L) = 0 on all %zu examples: stuck", data->n);
  minibatch_free(mb);
  network_free(net);
}

int
main(int argc, char **argv)
{
  const size_t shallow[] = { 784, 30, 10 }, deep[] = { 784, 16, 12, 10 };
  struct dataset data;
  gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);

  (void) argc;
  program_init(argv[0]);
  gsl_rng_set(r, 6);
  random_set(&data, 60, r);

  tap_plan(13);
  check_load(&data);
  check_gradient_vs_backprop(&data, r);
  check_gradient_numerical(&data, r);
  check_update(&data, shallow, 3, 10, r);
  check_update(&data, shallow, 3, 1, r);
  check_update(&data, deep, 4, 7, r);
  check_epoch(&data);
  check_evaluate(&data, 7, r);
  check_evaluate(&data, 100, r);
  check_stuck(&data, r);
  mnist_free(&data);
  gsl_rng_free(r);
  return tap_done();
}
