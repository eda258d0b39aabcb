/* main.c -- chapter 11's program: train with momentum, a learning-rate
 * schedule and early stopping, all judged on the validation set; or,
 * with --compare, train four ways from the same start and print a
 * table.
 *
 * stdout: one line per epoch, "Epoch k: n / 10000" (validation images
 * read right), the lines of the schedule, then the epoch kept and how
 * many test images that network reads right.  With --compare, only
 * the table.  stderr: seconds per epoch.
 * Text: chapters/11-hyperparameters/README.md.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_rng.h>

#include "softmax.h"
#include "initialization.h"
#include "minibatch.h"
#include "mnist.h"
#include "network.h"
#include "options.h"
#include "program.h"
#include "regularization.h"
#include "savemodel.h"
#include "training.h"

#define DEFAULT_SEED 3

static const struct options_program program = {
  "Train a network on MNIST with momentum and a learning-rate schedule\n"
  "(eta halved after --patience epochs without a better validation\n"
  "accuracy, until it is 1/128 of --eta), keeping the best epoch; print\n"
  "its test accuracy.  --compare trains plain SGD, momentum, the\n"
  "schedule and both from the same start, and prints a table.",
  OPTIONS_DATA | OPTIONS_EPOCHS | OPTIONS_BATCH_SIZE | OPTIONS_ETA
  | OPTIONS_SIZES | OPTIONS_TRAIN_SIZE | OPTIONS_SEED | OPTIONS_COST
  | OPTIONS_REGULARIZATION | OPTIONS_LAMBDA | OPTIONS_MOMENTUM
  | OPTIONS_PATIENCE | OPTIONS_COMPARE | OPTIONS_SAVE
  | OPTIONS_FORCE
};

/* A network of OPTS's sizes, its weights drawn by chapter 9's
 * initialization_scaled() from a generator seeded with opts->seed,
 * which is returned in *R for the shuffles; and its mini-batch
 * matrices with OPTS's cost and penalty. */
static struct network *
start(const struct options *opts, size_t n, gsl_rng **r,
      struct minibatch **mb)
{
  struct network *net = network_alloc(opts->sizes, opts->num_layers);

  *r = gsl_rng_alloc(gsl_rng_mt19937);
  gsl_rng_set(*r, opts->seed);
  initialization_scaled(net, *r);
  *mb = minibatch_alloc(net, opts->batch_size, n);
  (*mb)->cost = softmax_find(opts->cost);
  (*mb)->penalty = regularization_find(opts->regularization);
  (*mb)->lambda = opts->lambda;
  return net;
}

/* The training of OPTS, with MU and SCHEDULE as given. */
static struct training_setup
setup_of(const struct options *opts, double mu, bool schedule)
{
  return (struct training_setup) {
    .epochs = opts->epochs, .batch_size = opts->batch_size,
    .eta = opts->eta, .mu = mu, .patience = opts->patience,
    .schedule = schedule
  };
}

/* --compare: four runs from the same start and the same shuffles, one
 * row each.  Momentum uses --momentum, or 0.9 when that is 0. */
static void
compare(const struct options *opts, const struct dataset *training,
        const struct dataset *validation, const struct dataset *test)
{
  double mu = opts->momentum > 0 ? opts->momentum : 0.9;
  const struct { const char *name; double mu; bool schedule; } rows[] = {
    { "plain SGD", 0, false }, { "momentum", mu, false },
    { "schedule", 0, true }, { "both", mu, true }
  };

  printf("%-10s %4s %6s %6s %10s %10s %7s\n", "training", "mu", "epochs",
         "kept", "validation", "test", "eta");
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    gsl_rng *r;
    struct minibatch *mb;
    struct network *net = start(opts, training->n, &r, &mb);
    struct training_setup s = setup_of(opts, rows[i].mu, rows[i].schedule);
    struct training_result res;

    training_run(&s, mb, net, training, validation, r, NULL, &res);
    printf("%-10s %4.2f %6zu %6zu %10zu %10zu %7.5f\n", rows[i].name,
           rows[i].mu, res.epochs, res.best_epoch, res.best_correct,
           minibatch_evaluate_count(mb, net, test), res.last_eta);
    fflush(stdout);
    minibatch_free(mb);
    network_free(net);
    gsl_rng_free(r);
  }
}

int
main(int argc, char **argv)
{
  struct options opts = {
    .data = "data/mnist", .epochs = 40, .batch_size = 10, .eta = 0.05,
    .sizes = { 784, 100, 10 }, .num_layers = 3,
    .train_size = MNIST_TRAINING, .seed = DEFAULT_SEED,
    .costs = softmax_cost_names, .cost = "cross-entropy",
    .regularization = "l2", .lambda = 5.0, .momentum = 0.9,
    .patience = 3
  };
  struct dataset training, validation, test;

  program_init(argv[0]);
  options_parse(argc, argv, &opts, &program);
  options_check_mnist_sizes(&opts);
  options_check_batch_size(&opts);
  regularization_check_rate(opts.regularization, opts.eta, opts.lambda,
                            opts.train_size);
  if (opts.save != NULL && opts.compare)
    program_fatal("--save: --compare trains four networks; leave out "
                  "--compare to train and save one");
  if (opts.save != NULL)
    savemodel_check(opts.save, opts.force);
  mnist_load(opts.data, &training, &validation, &test);
  options_take_training(&opts, &training);

  if (opts.compare) {
    compare(&opts, &training, &validation, &test);
  } else {
    gsl_rng *r;
    struct minibatch *mb;
    struct network *net = start(&opts, training.n, &r, &mb);
    /* The best of the four: momentum and the schedule. */
    struct training_setup s = setup_of(&opts, opts.momentum, true);
    struct training_result res;

    training_run(&s, mb, net, &training, &validation, r, stdout, &res);
    printf("Kept epoch %zu: %zu / %zu validation, %zu / %zu test\n",
           res.best_epoch, res.best_correct, validation.n,
           minibatch_evaluate_count(mb, net, &test), test.n);
    if (opts.save != NULL) {
      struct model m = minibatch_model(mb, net);
      model_add_real(&m, "momentum", opts.momentum);
      model_add_integer(&m, "patience", (long long) opts.patience);
      model_add_integer(&m, "kept-epoch", (long long) res.best_epoch);
      savemodel_write(&m, &opts);
    }
    minibatch_free(mb);
    network_free(net);
    gsl_rng_free(r);
  }

  mnist_free(&training);
  mnist_free(&validation);
  mnist_free(&test);
  return EXIT_SUCCESS;
}
