/* main.c -- chapter 8's program: a network trained by a regularised
 * cost, measured after every epoch.
 *
 * By default it trains [784,30,10] by the cross-entropy (chapter 7)
 * with L2 regularisation, lambda = 5, eta = 0.5, printing the accuracy
 * on the validation set after each epoch and the accuracy on the test
 * set at the end.  --regularization, --lambda, --eval and --monitor
 * change what is learnt and what is watched; --log writes what is
 * measured to a file that 'make plots' draws.
 * Text: chapters/08-regularization/README.md.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_rng.h>

#include "crossentropy.h"
#include "minibatch.h"
#include "mnist.h"
#include "monitor.h"
#include "network.h"
#include "options.h"
#include "program.h"
#include "savemodel.h"
#include "regularization.h"

#define DEFAULT_SEED 3

static const struct options_program program = {
  "Train a network on MNIST by mini-batch stochastic gradient descent on\n"
  "a regularised cost, printing after each epoch what --monitor asks\n"
  "for, and the test images read right at the end.",
  OPTIONS_DATA | OPTIONS_EPOCHS | OPTIONS_BATCH_SIZE | OPTIONS_ETA
  | OPTIONS_SIZES | OPTIONS_TRAIN_SIZE | OPTIONS_SEED | OPTIONS_COST
  | OPTIONS_REGULARIZATION | OPTIONS_LAMBDA | OPTIONS_EVAL
  | OPTIONS_MONITOR | OPTIONS_LOG | OPTIONS_FORCE | OPTIONS_SAVE
};

int
main(int argc, char **argv)
{
  struct options opts = {
    .data = "data/mnist", .epochs = 30, .batch_size = 10, .eta = 0.5,
    .sizes = { 784, 30, 10 }, .num_layers = 3,
    .train_size = MNIST_TRAINING, .seed = DEFAULT_SEED,
    .costs = crossentropy_cost_names, .cost = "cross-entropy",
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

  /* Chapters 6 and 7's run, draw for draw: the initial weights, then
   * one shuffle per epoch. */
  gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
  gsl_rng_set(r, opts.seed);
  struct network *net = network_alloc(opts.sizes, opts.num_layers);
  network_init_gaussian(net, r);
  struct minibatch *mb = minibatch_alloc(net, opts.batch_size, training.n);
  mb->cost = crossentropy_find(opts.cost);
  /* The change of this chapter: a penalty, weighed by lambda / n. */
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
