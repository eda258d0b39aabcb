/* main.c -- chapter 6's program: chapter 5's training run, with each
 * mini-batch sent through the network as one matrix.
 *
 * It takes the same options, has the same defaults, draws the same
 * random numbers and prints the same lines as chapters/05-sgd/sgd, so
 * either may stand in for the other; only the seconds per epoch on
 * stderr differ.  Text: chapters/06-matrix-minibatch/README.md.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include <gsl/gsl_rng.h>

#include "minibatch.h"
#include "mnist.h"
#include "network.h"
#include "options.h"
#include "program.h"
#include "savemodel.h"

/* Chapter 5's default seed, which every default must match. */
#define DEFAULT_SEED 3

static const struct options_program program = {
  "Train a network on MNIST by mini-batch stochastic gradient descent,\n"
  "each mini-batch one matrix, printing 'Epoch k: n / 10000' (test\n"
  "images read right) after each epoch.",
  OPTIONS_DATA | OPTIONS_EPOCHS | OPTIONS_BATCH_SIZE | OPTIONS_ETA
  | OPTIONS_SIZES | OPTIONS_TRAIN_SIZE | OPTIONS_SEED | OPTIONS_SAVE
  | OPTIONS_FORCE
};

int
main(int argc, char **argv)
{
  struct options opts = {
    .data = "data/mnist", .epochs = 30, .batch_size = 10, .eta = 3.0,
    .sizes = { 784, 30, 10 }, .num_layers = 3,
    .train_size = MNIST_TRAINING, .seed = DEFAULT_SEED
  };
  struct dataset training, test;

  program_init(argv[0]);
  options_parse(argc, argv, &opts, &program);
  options_check_mnist_sizes(&opts);
  options_check_batch_size(&opts);
  if (opts.save != NULL)
    savemodel_check(opts.save, opts.force);
  mnist_load(opts.data, &training, NULL, &test);
  options_take_training(&opts, &training);

  /* The same draws in the same order as chapter 5: the initial weights,
   * then one shuffle per epoch. */
  gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
  gsl_rng_set(r, opts.seed);
  struct network *net = network_alloc(opts.sizes, opts.num_layers);
  network_init_gaussian(net, r);
  /* Every matrix of a mini-batch, made once for the whole run. */
  struct minibatch *mb = minibatch_alloc(net, opts.batch_size, training.n);

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
