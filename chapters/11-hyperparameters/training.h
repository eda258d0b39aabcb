/* training.h -- one training run with the choices of chapter 11: plain
 * SGD or momentum, a fixed eta or a schedule, and early stopping.
 *
 * A run trains for at most setup->epochs epochs; after each it counts
 * the validation images read right and lets stopping_update() decide
 * whether to go on, to halve eta, or to stop; at the end the network
 * of the best epoch is restored.
 * The text is chapters/11-hyperparameters/README.md.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#ifndef NNC_TRAINING_H
#define NNC_TRAINING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <gsl/gsl_rng.h>

#include "minibatch.h"
#include "mnist.h"
#include "network.h"

/* How to train. */
struct training_setup {
  size_t epochs;       /* at most this many epochs */
  size_t batch_size;   /* m */
  double eta;          /* the learning rate to start with */
  double mu;           /* the momentum coefficient; 0 for plain SGD */
  size_t patience;     /* stalls before stopping or halving eta */
  bool schedule;       /* halve eta on a stall instead of stopping */
};

/* What a run did. */
struct training_result {
  size_t epochs;         /* epochs trained */
  size_t best_epoch;     /* the epoch whose network was kept */
  size_t best_correct;   /* its validation images read right */
  double last_eta;       /* eta when training stopped */
};

/* Trains NET, with the cost and penalty of MB (allocated for the
 * examples of TRAINING), as SETUP says, drawing the shuffles from R;
 * then restores the network of the best epoch.  With OUT not NULL,
 * prints one line per epoch there: "Epoch k: n / N", the validation
 * images read right, and when eta changes a line saying so.  Ends the
 * program if the network diverges.  Fills *RESULT. */
void training_run(const struct training_setup *setup,
                  struct minibatch *mb, struct network *net,
                  const struct dataset *training,
                  const struct dataset *validation, gsl_rng *r,
                  FILE *out, struct training_result *result);

#endif /* NNC_TRAINING_H */
