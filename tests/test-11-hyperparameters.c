/* test-11-hyperparameters.c -- chapter 11: momentum's step against
 * chapter 6's gradient, early stopping that restores the best epoch
 * and not the last, and the schedule's halvings.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <gsl/gsl_matrix.h>
#include <gsl/gsl_rng.h>

#include "crossentropy.h"
#include "gradient.h"
#include "initialization.h"
#include "minibatch.h"
#include "mnist.h"
#include "momentum.h"
#include "network.h"
#include "program.h"
#include "regularization.h"
#include "stopping.h"
#include "tap.h"

#define M 5   /* examples per mini-batch */

/* A set of N random 6-pixel images with labels 0..2. */
static void
make_set(struct dataset *set, size_t n, gsl_rng *r)
{
  set->n = n;
  set->x = gsl_matrix_uchar_alloc(n, 6);
  set->y = program_calloc(n, 1);
  for (size_t i = 0; i < n; i++) {
    for (size_t k = 0; k < 6; k++)
      gsl_matrix_uchar_set(set->x, i, k,
                           (unsigned char) gsl_rng_uniform_int(r, 256));
    set->y[i] = (unsigned char) gsl_rng_uniform_int(r, 3);
  }
}

/* The largest |a - b| over every weight and bias of two networks. */
static double
max_difference(const struct network *a, const struct network *b)
{
  double d = 0;

  for (size_t l = 1; l < a->num_layers; l++) {   /* l = 1..L */
    for (size_t j = 0; j < a->sizes[l]; j++) {
      d = fmax(d, fabs(gsl_vector_get(a->b[l], j)
                       - gsl_vector_get(b->b[l], j)));
      for (size_t k = 0; k < a->sizes[l - 1]; k++)
        d = fmax(d, fabs(gsl_matrix_get(a->w[l], j, k)
                         - gsl_matrix_get(b->w[l], j, k)));
    }
  }
  return d;
}

/* Loads rows BATCH of DATA into MB and backpropagates through NET. */
static void
forward_backward(struct minibatch *mb, const struct network *net,
                 const struct dataset *data, const size_t *batch)
{
  minibatch_load(mb, data, batch, M);
  minibatch_feedforward(mb, net);
  minibatch_backprop(mb, net);
}

/* With mu = 0, a momentum step is chapter 6's step (1 check). */
static void
check_mu_zero(const struct network *start, const struct dataset *data)
{
  struct network *a = network_alloc(start->sizes, start->num_layers);
  struct network *b = network_alloc(start->sizes, start->num_layers);
  struct minibatch *mb = minibatch_alloc(start, M, data->n);
  struct momentum *v = momentum_alloc(start);
  size_t batch[M] = { 0, 1, 2, 3, 4 };

  mb->cost = &crossentropy_cost;
  mb->penalty = &regularization_l2;
  mb->lambda = 2.0;
  network_memcpy(a, start);
  network_memcpy(b, start);
  forward_backward(mb, a, data, batch);
  minibatch_step(mb, a, 0.5);
  forward_backward(mb, b, data, batch);
  momentum_step(v, mb, b, 0.5, 0.0);
  double d = max_difference(a, b);
  tap_ok(d < 1e-14, "mu = 0: a momentum step is chapter 6's step with "
         "L2: max difference %.1e < 1e-14", d);
  momentum_free(v);
  minibatch_free(mb);
  network_free(a);
  network_free(b);
}

/* Two momentum steps against v1 = -(eta/m) grad1,
 * v2 = mu v1 - (eta/m) grad2, w2 = w0 + v1 + v2 (2 checks). */
static void
check_velocity(const struct network *start, const struct dataset *data)
{
  const double eta = 0.5, mu = 0.8;
  struct network *net = network_alloc(start->sizes, start->num_layers);
  struct network *want = network_alloc(start->sizes, start->num_layers);
  struct minibatch *mb = minibatch_alloc(start, M, data->n);
  struct momentum *v = momentum_alloc(start);
  struct gradient *g1 = gradient_alloc(start), *g2 = gradient_alloc(start);
  size_t first[M] = { 0, 1, 2, 3, 4 }, second[M] = { 5, 6, 7, 8, 9 };
  double d1 = 0, d2;

  mb->cost = &crossentropy_cost;
  network_memcpy(net, start);
  network_memcpy(want, start);
  forward_backward(mb, net, data, first);
  minibatch_gradient(mb, net, g1);
  momentum_step(v, mb, net, eta, mu);
  forward_backward(mb, net, data, second);
  minibatch_gradient(mb, net, g2);
  momentum_step(v, mb, net, eta, mu);

  /* want = w0 + v1 + v2 = w0 - (eta/m)(1 + mu) grad1 - (eta/m) grad2 */
  gradient_descend(want, g1, eta / M * (1 + mu));
  gradient_descend(want, g2, eta / M);
  for (size_t l = 1; l < start->num_layers; l++)   /* l = 1..L */
    for (size_t j = 0; j < start->sizes[l]; j++) {
      double g = mu * gsl_vector_get(g1->nabla_b[l], j)
                 + gsl_vector_get(g2->nabla_b[l], j);

      d1 = fmax(d1, fabs(gsl_vector_get(v->v_b[l], j) - (-eta / M) * g));
    }
  d2 = max_difference(net, want);
  tap_ok(d1 < 1e-13, "after two steps v_b = mu v1 - (eta/m) grad2 = "
         "-(eta/m)(mu grad1 + grad2): max difference %.1e < 1e-13", d1);
  tap_ok(d2 < 1e-13, "after two steps w = w0 + v1 + v2, mu = 0.8: max "
         "difference %.1e < 1e-13", d2);
  gradient_free(g1);
  gradient_free(g2);
  momentum_free(v);
  minibatch_free(mb);
  network_free(net);
  network_free(want);
}

/* Sets every weight and bias of NET to X. */
static void
fill(struct network *net, double x)
{
  for (size_t l = 1; l < net->num_layers; l++) {   /* l = 1..L */
    gsl_matrix_set_all(net->w[l], x);
    gsl_vector_set_all(net->b[l], x);
  }
}

/* Early stopping on the counts 50, 70, 60, 65, 69: patience 3 stops
 * after epoch 4 and restores the network of epoch 1, not of epoch 4
 * (4 checks). */
static void
check_early_stopping(const struct network *shape)
{
  const size_t counts[] = { 50, 70, 60, 65, 69 };
  struct network *net = network_alloc(shape->sizes, shape->num_layers);
  struct stopping *st = stopping_alloc(net, 0.5, 3, false);
  enum stopping_action action = STOPPING_GO_ON;
  size_t epoch;

  for (epoch = 0; epoch < 5 && action != STOPPING_STOP; epoch++) {
    fill(net, (double) epoch);   /* each epoch's network is different */
    action = stopping_update(st, net, epoch, counts[epoch]);
  }
  tap_ok(action == STOPPING_STOP && epoch == 5, "patience 3: stops after "
         "3 epochs without a better count, epoch 4");
  tap_equal((long) st->best_epoch, 1, "the best epoch is 1 (count 70)");
  stopping_restore(st, net);
  tap_ok(gsl_matrix_get(net->w[1], 0, 0) == 1.0
         && gsl_vector_get(net->b[net->num_layers - 1], 0) == 1.0,
         "the restored network is epoch 1's, not the last (epoch 4's)");
  tap_ok(st->eta == 0.5, "without a schedule eta stays 0.5");
  stopping_free(st);
  network_free(net);
}

/* A schedule with patience 2 on a count that never improves: eta is
 * halved after epochs 2, 4, ..., 14, and training stops at the 7th
 * halving, eta = 1/128 of its start (3 checks). */
static void
check_schedule(const struct network *shape)
{
  struct stopping *st = stopping_alloc(shape, 0.5, 2, true);
  size_t halves = 0, epoch;
  enum stopping_action action = STOPPING_GO_ON;

  for (epoch = 0; epoch < 100 && action != STOPPING_STOP; epoch++) {
    action = stopping_update(st, shape, epoch, 42);
    halves += action == STOPPING_HALVE;
  }
  tap_equal((long) epoch - 1, 14, "the schedule stops after epoch 14");
  tap_equal((long) halves, 6, "eta was halved 6 times before the "
            "7th, which stops");
  tap_ok(st->eta == 0.5 / 128, "eta at the stop is 0.5 / 128 = %g (got "
         "%g)", 0.5 / 128, st->eta);
  stopping_free(st);
}

int
main(void)
{
  size_t sizes[] = { 6, 4, 3 };
  struct dataset data;
  gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);

  program_init("test-11-hyperparameters");
  tap_plan(10);
  make_set(&data, 10, r);
  struct network *net = network_alloc(sizes, 3);
  initialization_scaled(net, r);

  check_mu_zero(net, &data);
  check_velocity(net, &data);
  check_early_stopping(net);
  check_schedule(net);

  network_free(net);
  mnist_free(&data);
  gsl_rng_free(r);
  return tap_done();
}
