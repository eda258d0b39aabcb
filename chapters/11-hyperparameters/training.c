/* training.c -- one training run with momentum, a schedule and early
 * stopping (chapter 11).  See training.h; the text is
 * chapters/11-hyperparameters/README.md.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <stdio.h>

#include "minibatch.h"
#include "momentum.h"
#include "program.h"
#include "stopping.h"
#include "training.h"

void
training_run(const struct training_setup *setup, struct minibatch *mb,
             struct network *net, const struct dataset *training,
             const struct dataset *validation, gsl_rng *r, FILE *out,
             struct training_result *result)
{
  struct momentum *v = momentum_alloc(net);
  struct stopping *st = stopping_alloc(net, setup->eta, setup->patience,
                                       setup->schedule);
  size_t epoch = 0;
  enum stopping_action action = STOPPING_GO_ON;

  while (epoch < setup->epochs && action != STOPPING_STOP) {
    double start = program_seconds();

    /* With mu = 0 the velocity is the step: plain SGD. */
    momentum_epoch(v, mb, net, training, setup->batch_size, st->eta,
                   setup->mu, r);
    double seconds = program_seconds() - start;
    minibatch_check_divergence(mb, net, training, epoch);
    size_t correct = minibatch_evaluate_count(mb, net, validation);
    fprintf(stderr, "epoch %zu: %.2f s\n", epoch, seconds);
    if (out != NULL)
      fprintf(out, "Epoch %zu: %zu / %zu\n", epoch, correct,
              validation->n);
    action = stopping_update(st, net, epoch, correct);
    if (out != NULL && action == STOPPING_HALVE)
      fprintf(out, "No better for %zu epochs: eta halved to %g\n",
              setup->patience, st->eta);
    if (out != NULL)
      fflush(out);
    epoch++;
  }
  if (out != NULL && action == STOPPING_STOP)
    fprintf(out, "No better for %zu epochs: stopped%s\n", setup->patience,
            setup->schedule ? ", eta fell to 1/128" : "");

  stopping_restore(st, net);
  result->epochs = epoch;
  result->best_epoch = st->best_epoch;
  result->best_correct = st->best_correct;
  result->last_eta = st->eta;
  stopping_free(st);
  momentum_free(v);
}
