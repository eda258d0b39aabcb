/* main.c -- chapter 9's program: the same network trained from two
 * starts, weights N(0, 1) and N(0, 1/n_in), side by side.
 *
 * By default it trains [784,100,10] by the cross-entropy (chapter 7)
 * with L2 regularisation, lambda = 5 (chapter 8), eta = 0.1, m = 10,
 * for 60 epochs, twice: once from chapter 2's start and once from
 * initialization_scaled().  Each run has its own random generator,
 * seeded alike, so the two starts are made of the same draws and the
 * two runs see the same mini-batches: the starting weights are the only
 * difference.  After each epoch it prints how many validation images
 * each network reads right, and at the end how many test images.
 * --log writes the per-epoch accuracies to a file that 'make plots'
 * draws.  Text: chapters/09-initialization/README.md.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_rng.h>

#include "crossentropy.h"
#include "initialization.h"
#include "minibatch.h"
#include "mnist.h"
#include "monitor.h"
#include "network.h"
#include "options.h"
#include "program.h"
#include "regularization.h"
#include "savemodel.h"
#include "sigmoid.h"

#define DEFAULT_SEED 3

/* The training images on which the starts are looked at. */
#define START_IMAGES 1000

/* sigma'(z) below this counts as saturated: |z| above about 4.6. */
#define SATURATED 0.01

static const struct options_program program = {
  "Train a network on MNIST from two starts, weights drawn from N(0, 1)\n"
  "(old) and from N(0, 1/n_in) (new), printing after each epoch the\n"
  "evaluation images each reads right, and the test images at the end.",
  OPTIONS_DATA | OPTIONS_EPOCHS | OPTIONS_BATCH_SIZE | OPTIONS_ETA
  | OPTIONS_SIZES | OPTIONS_TRAIN_SIZE | OPTIONS_SEED | OPTIONS_COST
  | OPTIONS_REGULARIZATION | OPTIONS_LAMBDA | OPTIONS_EVAL
  | OPTIONS_LOG | OPTIONS_FORCE | OPTIONS_SAVE
};

/* One of the two runs: a start, and what training it needs. */
struct run {
  const char *name;      /* "old" or "new", as printed */
  void (*init)(struct network *, gsl_rng *);
  gsl_rng *r;            /* its own generator: start, then shuffles */
  struct network *net;
  struct minibatch *mb;
};

/* ------------------------------------------------------------------ */
/* Checks                                                              */

/* Ends the program if the epoch just trained has left RUN's network
 * unable to learn: a weight or bias that is not a number, or (BP1)
 * giving 0 on every training image. */
static void
check_divergence(struct run *run, const struct dataset *training,
                 size_t epoch)
{
  if (!network_is_finite(run->net))
    program_fatal("training diverged in epoch %zu (%s start): a weight "
                  "or bias is no longer a finite number; try a smaller "
                  "--eta", epoch, run->name);
  if (minibatch_is_stuck(run->mb, run->net, training))
    program_fatal("training diverged in epoch %zu (%s start): every "
                  "output neuron is saturated, so every gradient is 0; "
                  "try a smaller --eta", epoch, run->name);
}

/* ------------------------------------------------------------------ */
/* The starts                                                          */

/* Feeds the first N images of DATA (N <= data->n) through RUN's network
 * as it starts, and sets *SPREAD to the standard deviation of the
 * weighted inputs z^1_j of the first hidden layer over every neuron j
 * and image, and *SATURATED_SHARE to the fraction of them with
 * sigma'(z^1_j) < SATURATED. */
static void
start_spread(struct run *run, const struct dataset *data, size_t n,
             double *spread, double *saturated_share)
{
  size_t capacity = run->mb->capacity, count = 0, saturated = 0;
  double sum = 0, sum2 = 0;

  for (size_t first = 0; first < n; first += capacity) {
    size_t m = n - first < capacity ? n - first : capacity;

    /* Z^1 = w^1 X + b^1 1^T   (sizes[1] x m), among the rest */
    minibatch_feed_rows(run->mb, run->net, data, first, m);
    for (size_t j = 0; j < run->net->sizes[1]; j++)
      for (size_t i = 0; i < m; i++) {
        double z = gsl_matrix_get(run->mb->z[1], j, i);

        sum += z;
        sum2 += z * z;
        saturated += sigmoid_prime(z) < SATURATED;
        count++;
      }
  }
  double mean = sum / (double) count;
  *spread = sqrt(fmax(sum2 / (double) count - mean * mean, 0.0));
  *saturated_share = (double) saturated / (double) count;
}

/* ------------------------------------------------------------------ */
/* The log                                                             */

/* Ends the program if LOG has failed to take what was written. */
static void
check_log(FILE *log, const char *path)
{
  if (fflush(log) != 0 || ferror(log))
    program_fatal("%s: cannot write the log: %s", path, strerror(errno));
}

/* Creates the log PATH (replacing a file only if FORCE) with its header
 * row: epoch, then the accuracy on EVAL_NAME data from each start, in
 * per cent, named as chapter 8's logs name columns (ending in
 * "_accuracy"), so that 'make plots' draws it as it draws those.
 * Returns it; ends the program if it cannot. */
static FILE *
open_log(const char *path, bool force, const char *eval_name)
{
  FILE *log = fopen(path, force ? "w" : "wx");

  if (log == NULL && errno == EEXIST)
    program_fatal("%s: the log file exists; add --force to replace it",
                  path);
  if (log == NULL)
    program_fatal("%s: cannot create the log: %s", path, strerror(errno));
  fprintf(log, "epoch\told_start_%s_accuracy\tnew_start_%s_accuracy\n",
          eval_name, eval_name);
  check_log(log, path);
  return log;
}

/* ------------------------------------------------------------------ */
/* The program                                                         */

int
main(int argc, char **argv)
{
  struct options opts = {
    .data = "data/mnist", .epochs = 60, .batch_size = 10, .eta = 0.1,
    .sizes = { 784, 100, 10 }, .num_layers = 3,
    .train_size = MNIST_TRAINING, .seed = DEFAULT_SEED,
    .costs = crossentropy_cost_names, .cost = "cross-entropy",
    .regularization = "l2", .lambda = 5.0, .eval = "validation"
  };
  struct run runs[2] = {
    { "old", network_init_gaussian, NULL, NULL, NULL },
    { "new", initialization_scaled, NULL, NULL, NULL }
  };
  struct dataset training, validation, test;
  FILE *log = NULL;

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
  bool on_test = strcmp(opts.eval, "test") == 0;
  const struct dataset *evaluation = on_test ? &test : &validation;

  /* Chapter 8's training, once per start. */
  for (size_t i = 0; i < 2; i++) {
    struct run *run = &runs[i];

    run->r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(run->r, opts.seed);
    run->net = network_alloc(opts.sizes, opts.num_layers);
    run->init(run->net, run->r);
    run->mb = minibatch_alloc(run->net, opts.batch_size, training.n);
    run->mb->cost = crossentropy_find(opts.cost);
    run->mb->penalty = regularization_find(opts.regularization);
    run->mb->lambda = opts.lambda;
  }
  if (opts.log != NULL)
    log = open_log(opts.log, opts.force, opts.eval);

  /* What each start makes of the first hidden layer. */
  size_t n_start = training.n < START_IMAGES ? training.n : START_IMAGES;
  printf("Layer 1 at the start, on the first %zu training images:\n",
         n_start);
  for (size_t i = 0; i < 2; i++) {
    double spread, share;

    start_spread(&runs[i], &training, n_start, &spread, &share);
    printf("%s: z has standard deviation %.2f; sigma'(z) < %g for "
           "%.1f%%\n", runs[i].name, spread, SATURATED, 100.0 * share);
  }

  printf("%s images read right (of %zu) after each epoch,\n"
         "from weights N(0, 1) (old) and N(0, 1/n_in) (new):\n",
         on_test ? "Test" : "Validation", evaluation->n);
  for (size_t epoch = 0; epoch < opts.epochs; epoch++) {
    size_t correct[2];
    double seconds[2];

    for (size_t i = 0; i < 2; i++) {
      double start = program_seconds();

      minibatch_epoch(runs[i].mb, runs[i].net, &training,
                      opts.batch_size, opts.eta, runs[i].r);
      seconds[i] = program_seconds() - start;
      check_divergence(&runs[i], &training, epoch);
      correct[i] = minibatch_evaluate_count(runs[i].mb, runs[i].net,
                                            evaluation);
    }
    printf("Epoch %zu: old %zu, new %zu\n", epoch, correct[0],
           correct[1]);
    fflush(stdout);
    fprintf(stderr, "epoch %zu: old %.2f s, new %.2f s\n", epoch,
            seconds[0], seconds[1]);
    if (log != NULL) {
      fprintf(log, "%zu\t%.3f\t%.3f\n", epoch,
              100.0 * (double) correct[0] / (double) evaluation->n,
              100.0 * (double) correct[1] / (double) evaluation->n);
      check_log(log, opts.log);
    }
  }
  printf("Test accuracy: old %zu / %zu, new %zu / %zu\n",
         minibatch_evaluate_count(runs[0].mb, runs[0].net, &test), test.n,
         minibatch_evaluate_count(runs[1].mb, runs[1].net, &test), test.n);

  /* --save: the network from the new start, as a model file (chapter
   * 12). */
  if (opts.save != NULL) {
    struct model m = minibatch_model(runs[1].mb, runs[1].net);
    savemodel_write(&m, &opts);
  }

  if (log != NULL && fclose(log) != 0)
    program_fatal("%s: cannot write the log: %s", opts.log,
                  strerror(errno));
  for (size_t i = 0; i < 2; i++) {
    minibatch_free(runs[i].mb);
    network_free(runs[i].net);
    gsl_rng_free(runs[i].r);
  }
  mnist_free(&training);
  mnist_free(&validation);
  mnist_free(&test);
  return EXIT_SUCCESS;
}
