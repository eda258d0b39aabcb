/* main.c -- chapter 7's program: a network trained by the cross-entropy
 * cost, and one neuron that shows what that cost cures.
 *
 * By default it trains [784,30,10] as chapter 6 does, but by the
 * cross-entropy (--cost chooses) with eta = 0.5, printing
 * 'Epoch k: n / 10000' (test images read right) after each epoch.
 * With --neuron it needs no data: it trains one sigmoid neuron by each
 * cost from the same start and prints them side by side.
 * Text: chapters/07-cross-entropy/README.md.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include <gsl/gsl_matrix.h>
#include <gsl/gsl_rng.h>

#include "crossentropy.h"
#include "minibatch.h"
#include "mnist.h"
#include "network.h"
#include "options.h"
#include "program.h"
#include "savemodel.h"

#define DEFAULT_SEED 3

static const struct options_program program = {
  "Train a network on MNIST by mini-batch stochastic gradient descent\n"
  "and the cost --cost, printing 'Epoch k: n / 10000' (test images read\n"
  "right) after each epoch; or, with --neuron, show one sigmoid neuron\n"
  "learning by each cost.",
  OPTIONS_DATA | OPTIONS_EPOCHS | OPTIONS_BATCH_SIZE | OPTIONS_ETA
  | OPTIONS_SIZES | OPTIONS_TRAIN_SIZE | OPTIONS_SEED | OPTIONS_COST
  | OPTIONS_NEURON
  | OPTIONS_SAVE | OPTIONS_FORCE
};

/* ------------------------------------------------------------------ */
/* One neuron                                                          */

/* The neuron of the text: one input x = 1, to be answered with y = 0,
 * trained by gradient descent on this one example, one step an epoch;
 * the values of Nielsen's book. */
#define NEURON_X 1.0
#define NEURON_Y 0.0
#define NEURON_ETA 0.15
#define NEURON_EPOCHS 300
#define NEURON_EVERY 30   /* epochs between printed rows */

/* For the neuron with weight W and bias B, sets *A to its output and
 * *DW, *DB to dC/dw and dC/db, and returns C, for COST: its output
 * layer, fn and (BP1), called on 1 x 1 matrices, as a network's layer
 * L of one neuron and a mini-batch of one example. */
static double
neuron_cost(const struct minibatch_cost *cost, double w, double b,
            double *a, double *dw, double *db)
{
  double z = w * NEURON_X + b, y = NEURON_Y, delta;
  gsl_matrix_view zm = gsl_matrix_view_array(&z, 1, 1);
  gsl_matrix_view am = gsl_matrix_view_array(a, 1, 1);
  gsl_matrix_view ym = gsl_matrix_view_array(&y, 1, 1);
  gsl_matrix_view dm = gsl_matrix_view_array(&delta, 1, 1);

  /* a = f(z), sigma for both costs */
  cost->output->activate(&am.matrix, &zm.matrix);
  /* (BP1) delta = dC/dz */
  cost->delta(&zm.matrix, &am.matrix, &ym.matrix, &dm.matrix);
  /* (BP3) dC/db = delta; (BP4) dC/dw = delta x */
  *db = delta;
  *dw = delta * NEURON_X;
  return cost->fn(&zm.matrix, &am.matrix, &ym.matrix);
}

/* Trains the neuron from weight W0 and bias B0 by the quadratic cost
 * and by the cross-entropy, side by side, printing every NEURON_EVERY
 * epochs the output a, the cost C and the gradient dC/dw of each. */
static void
neuron_compare(double w0, double b0)
{
  const struct minibatch_cost *costs[2] = {
    &minibatch_quadratic, &crossentropy_cost
  };
  double w[2] = { w0, w0 }, b[2] = { b0, b0 };

  printf("Start w = %.1f, b = %.1f\n", w0, b0);
  printf("         quadratic cost            cross-entropy cost\n");
  printf("epoch    output     C   dC/dw      output     C   dC/dw\n");
  for (int epoch = 0; epoch <= NEURON_EPOCHS; epoch++) {
    double a[2], c[2], dw[2], db[2];

    for (int k = 0; k < 2; k++)
      c[k] = neuron_cost(costs[k], w[k], b[k], &a[k], &dw[k], &db[k]);
    if (epoch % NEURON_EVERY == 0)
      printf("%5d    %6.4f %6.4f %6.4f      %6.4f %6.4f %6.4f\n", epoch,
             a[0], c[0], dw[0], a[1], c[1], dw[1]);
    /* w -= eta dC/dw, b -= eta dC/db: the step of chapter 3 */
    for (int k = 0; k < 2; k++) {
      w[k] -= NEURON_ETA * dw[k];
      b[k] -= NEURON_ETA * db[k];
    }
  }
}

/* The --neuron run: a start where the neuron is wrong but not
 * saturated, then one where it is badly saturated. */
static void
neuron_run(void)
{
  printf("One sigmoid neuron, input x = %g, target y = %g, "
         "eta = %g, %d epochs\n\n", NEURON_X, NEURON_Y, NEURON_ETA,
         NEURON_EPOCHS);
  neuron_compare(0.6, 0.9);
  printf("\n");
  neuron_compare(2.0, 2.0);
}

/* ------------------------------------------------------------------ */
/* The network                                                         */

int
main(int argc, char **argv)
{
  struct options opts = {
    .data = "data/mnist", .epochs = 30, .batch_size = 10, .eta = 0.5,
    .sizes = { 784, 30, 10 }, .num_layers = 3,
    .train_size = MNIST_TRAINING, .seed = DEFAULT_SEED,
    .costs = crossentropy_cost_names, .cost = "cross-entropy"
  };
  struct dataset training, test;

  program_init(argv[0]);
  options_parse(argc, argv, &opts, &program);
  if (opts.neuron) {
    neuron_run();
    return EXIT_SUCCESS;
  }
  options_check_mnist_sizes(&opts);
  options_check_batch_size(&opts);
  if (opts.save != NULL)
    savemodel_check(opts.save, opts.force);
  mnist_load(opts.data, &training, NULL, &test);
  options_take_training(&opts, &training);

  /* Chapter 6's run, draw for draw: the initial weights, then one
   * shuffle per epoch. */
  gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
  gsl_rng_set(r, opts.seed);
  struct network *net = network_alloc(opts.sizes, opts.num_layers);
  network_init_gaussian(net, r);
  struct minibatch *mb = minibatch_alloc(net, opts.batch_size, training.n);
  /* The one change: the cost, and with it (BP1). */
  mb->cost = crossentropy_find(opts.cost);

  for (size_t epoch = 0; epoch < opts.epochs; epoch++) {
    double start = program_seconds();

    minibatch_epoch(mb, net, &training, opts.batch_size, opts.eta, r);
    double seconds = program_seconds() - start;
    minibatch_check_divergence(mb, net, &training, epoch);
    printf("Epoch %zu: %zu / %zu\n", epoch,
           minibatch_evaluate_count(mb, net, &test), test.n);
    fflush(stdout);
    fprintf(stderr, "epoch %zu: %.2f s\n", epoch, seconds);
  }

  /* --save: the trained network as a model file (chapter 12). */
  if (opts.save != NULL) {
    struct model m = minibatch_model(mb, net);
    savemodel_write(&m, &opts);
  }

  minibatch_free(mb);
  network_free(net);
  gsl_rng_free(r);
  mnist_free(&training);
  mnist_free(&test);
  return EXIT_SUCCESS;
}
