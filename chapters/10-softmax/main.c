/* main.c -- chapter 10's program: a network with a softmax output
 * layer, trained by the log-likelihood cost.
 *
 * By default it trains [784,100,10] from chapter 9's start, weights
 * N(0, 1/n_in), with chapter 8's L2 regularisation, lambda = 5,
 * eta = 0.1, m = 10, for 60 epochs: chapter 9's budget, with softmax
 * and the log-likelihood in place of sigmoid outputs and the
 * cross-entropy.  --cost cross-entropy trains chapter 9's network
 * instead, from the same start and with the same mini-batches, for a
 * comparison.  After each epoch it prints what --monitor asks for
 * (chapter 8's monitoring), by default the validation images read
 * right, and at the end the test images read right; --log writes what
 * is measured to a file that 'make plots' draws.
 * Text: chapters/10-softmax/README.md.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_rng.h>

#include "initialization.h"
#include "minibatch.h"
#include "mnist.h"
#include "monitor.h"
#include "network.h"
#include "options.h"
#include "program.h"
#include "savemodel.h"
#include "regularization.h"
#include "softmax.h"

#define DEFAULT_SEED 3

static const struct options_program program = {
  "Train a network with a softmax output layer on MNIST by the\n"
  "log-likelihood cost (--cost chooses), printing after each epoch what\n"
  "--monitor asks for, and the test images read right at the end.",
  OPTIONS_DATA | OPTIONS_EPOCHS | OPTIONS_BATCH_SIZE | OPTIONS_ETA
  | OPTIONS_SIZES | OPTIONS_TRAIN_SIZE | OPTIONS_SEED | OPTIONS_COST
  | OPTIONS_REGULARIZATION | OPTIONS_LAMBDA | OPTIONS_EVAL
  | OPTIONS_MONITOR | OPTIONS_LOG | OPTIONS_FORCE | OPTIONS_SAVE
};

int
main(int argc, char **argv)
{
  struct options opts = {
    .data = "data/mnist", .epochs = 60, .batch_size = 10, .eta = 0.1,
    .sizes = { 784, 100, 10 }, .num_layers = 3,
    .train_size = MNIST_TRAINING, .seed = DEFAULT_SEED,
    .costs = softmax_cost_names, .cost = "log-likelihood",
    .regularization = "l2", .lambda = 5.0, .eval = "validation",
    .monitor = OPTIONS_MONITOR_EVAL_ACCURACY
  };
  struct dataset training, validation, test;
  struct monitor mon;

  program_init(argv[0]);
  options_parse(argc, argv, &opts, &program);
  options_check_mnist_sizes(&opts);
  options_check_batch_size(&opts);
  regularization_check_rate(opts.regularization, opts.eta, opts.lambda,
                            opts.train_size);
  /* Before loading the data, so that a bad --log fails at once. */
  if (opts.log != NULL)
    monitor_check_log(opts.log, opts.force);
  if (opts.save != NULL)
    savemodel_check(opts.save, opts.force);
  mnist_load(opts.data, &training, &validation, &test);
  options_take_training(&opts, &training);
  const struct dataset *evaluation =
    strcmp(opts.eval, "test") == 0 ? &test : &validation;

  /* Chapter 9's new start, then one shuffle per epoch, whatever the
   * cost: the same seed gives every cost the same start and the same
   * mini-batches. */
  gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
  gsl_rng_set(r, opts.seed);
  struct network *net = network_alloc(opts.sizes, opts.num_layers);
  initialization_scaled(net, r);
  struct minibatch *mb = minibatch_alloc(net, opts.batch_size, training.n);
  /* The change of this chapter: the cost, and with it layer L's
   * function, softmax for the log-likelihood. */
  mb->cost = softmax_find(opts.cost);
  mb->penalty = regularization_find(opts.regularization);
  mb->lambda = opts.lambda;
  monitor_open(&mon, opts.monitor, opts.eval, opts.log, opts.force);

  for (size_t epoch = 0; epoch < opts.epochs; epoch++) {
    double start = program_seconds();

    minibatch_epoch(mb, net, &training, opts.batch_size, opts.eta, r);
    double seconds = program_seconds() - start;
    minibatch_check_divergence(mb, net, &training, epoch);
    monitor_epoch(&mon, mb, net, epoch, &training, evaluation, NULL);
    fprintf(stderr, "epoch %zu: %.2f s\n", epoch, seconds);
  }
  printf("Test accuracy: %zu / %zu\n",
         minibatch_evaluate_count(mb, net, &test), test.n);
  /* --save: the trained network as a model file (chapter 12). */
  if (opts.save != NULL) {
    struct model m = minibatch_model(mb, net);
    savemodel_write(&m, &opts);
  }

  monitor_close(&mon);
  minibatch_free(mb);
  network_free(net);
  gsl_rng_free(r);
  mnist_free(&training);
  mnist_free(&validation);
  mnist_free(&test);
  return EXIT_SUCCESS;
}
