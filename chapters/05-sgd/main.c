/* main.c -- chapter 5's program: train [784,30,10] on MNIST by mini-batch
 * stochastic gradient descent, printing the test accuracy after each
 * epoch.  This is the main job of Part I.
 *
 * Text: chapters/05-sgd/README.md.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include <gsl/gsl_rng.h>

#include "evaluate.h"
#include "mnist.h"
#include "network.h"
#include "options.h"
#include "program.h"
#include "sgd.h"

static const struct options_program program = {
  "Train a network on MNIST by mini-batch stochastic gradient descent,\n"
  "printing 'Epoch k: n / 10000' (test images read right) after each "
  "epoch.",
  OPTIONS_DATA | OPTIONS_EPOCHS | OPTIONS_BATCH_SIZE | OPTIONS_ETA
  | OPTIONS_SIZES | OPTIONS_TRAIN_SIZE | OPTIONS_SEED
};

int
main(int argc, char **argv)
{
  struct options opts = {
    .data = "data/mnist", .epochs = 30, .batch_size = 10, .eta = 3.0,
    .sizes = { 784, 30, 10 }, .num_layers = 3,
    .train_size = MNIST_TRAINING, .seed = 1
  };
  struct dataset training, test;

  program_init(argv[0]);
  options_parse(argc, argv, &opts, &program);
  options_check_mnist_sizes(&opts);
  mnist_load(opts.data, &training, NULL, &test);
  mnist_truncate(&training, opts.train_size);
  if (opts.batch_size > training.n)
    program_fatal("--batch-size: %zu is larger than the %zu training "
                  "images", opts.batch_size, training.n);

  gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
  gsl_rng_set(r, opts.seed);
  struct network *net = network_alloc(opts.sizes, opts.num_layers);
  network_init_gaussian(net, r);
  struct sgd *s = sgd_alloc(net, training.n);

  for (size_t epoch = 0; epoch < opts.epochs; epoch++) {
    double start = program_seconds();

    sgd_epoch(s, net, &training, opts.batch_size, opts.eta, r);
    double seconds = program_seconds() - start;
    if (!network_is_finite(net))
      program_fatal("training diverged in epoch %zu: a weight is no "
                    "longer a finite number; try a smaller --eta", epoch);
    printf("Epoch %zu: %zu / %zu\n", epoch, evaluate_count(net, &test),
           test.n);
    fflush(stdout);
    fprintf(stderr, "epoch %zu: %.2f s\n", epoch, seconds);
  }

  sgd_free(s);
  network_free(net);
  gsl_rng_free(r);
  mnist_free(&training);
  mnist_free(&test);
  return EXIT_SUCCESS;
}
