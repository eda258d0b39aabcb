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
#include "regularization.h"

#define DEFAULT_SEED 3

static const struct options_program program = {
  "Train a network on MNIST by mini-batch stochastic gradient descent on\n"
  "a regularised cost, printing after each epoch what --monitor asks\n"
  "for, and the test images read right at the end.",
  OPTIONS_DATA | OPTIONS_EPOCHS | OPTIONS_BATCH_SIZE | OPTIONS_ETA
  | OPTIONS_SIZES | OPTIONS_TRAIN_SIZE | OPTIONS_SEED | OPTIONS_COST
  | OPTIONS_REGULARIZATION | OPTIONS_LAMBDA | OPTIONS_EVAL
  | OPTIONS_MONITOR | OPTIONS_LOG | OPTIONS_FORCE
};

/* Ends the program unless a mini-batch of M fits in N training images. */
static void
check_batch_size(size_t m, size_t n)
{
  if (m > n)
    program_fatal("--batch-size: %zu is larger than the %zu training "
                  "images", m, n);
}

/* Ends the program unless the penalty's rate eta lambda / n is below
 * 1: at 1 or more, L2's decay 1 - eta lambda / n would zero or flip
 * every weight at every step, and L1 would throw each past 0. */
static void
check_rate(const struct options *opts, size_t n)
{
  double rate = opts->eta * opts->lambda / (double) n;

  if (strcmp(opts->regularization, "none") != 0 && rate >= 1)
    program_fatal("--lambda: eta lambda / n = %g * %g / %zu = %g must be "
                  "below 1; try a smaller --lambda", opts->eta,
                  opts->lambda, n, rate);
}

/* Ends the program if the epoch just trained has left NET unable to
 * learn: a weight or bias that is not a number, or (BP1) giving 0 on
 * every training image, as with the quadratic cost when every output
 * neuron is saturated. */
static void
check_divergence(struct minibatch *mb, const struct network *net,
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
  check_batch_size(opts.batch_size, opts.train_size);
  check_rate(&opts, opts.train_size);
  /* Before loading the data, so that a bad --log fails at once. */
  if (opts.log != NULL)
    monitor_check_log(opts.log, opts.force);
  mnist_load(opts.data, &training, &validation, &test);
  mnist_truncate(&training, opts.train_size);
  check_batch_size(opts.batch_size, training.n);
  check_rate(&opts, training.n);
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
    check_divergence(mb, net, &training, epoch);
    monitor_epoch(&mon, mb, net, epoch, &training, evaluation, NULL);
    fprintf(stderr, "epoch %zu: %.2f s\n", epoch, seconds);
  }
  printf("Test accuracy: %zu / %zu\n",
         minibatch_evaluate_count(mb, net, &test), test.n);

  monitor_close(&mon);
  minibatch_free(mb);
  network_free(net);
  gsl_rng_free(r);
  mnist_free(&training);
  mnist_free(&validation);
  mnist_free(&test);
  return EXIT_SUCCESS;
}
