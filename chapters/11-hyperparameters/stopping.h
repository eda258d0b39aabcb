/* stopping.h -- early stopping and a learning-rate schedule, both
 * driven by the validation accuracy (chapter 11).
 *
 * After each epoch the program measures how many validation images the
 * network reads right and hands the count to stopping_update().  The
 * best count so far, and a copy of the network that reached it, are
 * kept.  An epoch that does not beat the best is a stall; after
 * PATIENCE stalls in a row,
 *   - without a schedule, training stops (early stopping);
 *   - with a schedule, eta is halved and the count of stalls starts
 *     again; training stops once eta has been halved STOPPING_HALVINGS
 *     times, when it is 1/128 of where it started.
 * Either way, the network to keep is the best one, not the last: after
 * training, stopping_restore() copies it back.  The test set plays no
 * part in any of these choices.
 * The text is chapters/11-hyperparameters/README.md.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#ifndef NNC_STOPPING_H
#define NNC_STOPPING_H

#include <stdbool.h>
#include <stddef.h>

#include "network.h"

/* Halvings of eta after which a schedule stops: 2^7 = 128. */
#define STOPPING_HALVINGS 7

/* What to do after an epoch. */
enum stopping_action {
  STOPPING_GO_ON,   /* train another epoch with the same eta */
  STOPPING_HALVE,   /* eta was halved; train on with the new eta */
  STOPPING_STOP     /* stop, and restore the best network */
};

struct stopping {
  size_t patience;         /* stalls in a row before acting, >= 1 */
  bool schedule;           /* halve eta rather than stop */
  double eta;              /* the learning rate to use next */
  size_t halvings;         /* times eta has been halved */
  size_t best_correct;     /* the best validation count so far */
  size_t best_epoch;       /* the epoch that reached it */
  size_t stalls;           /* epochs since it was reached */
  bool seen;               /* whether any epoch was measured yet */
  struct network *best;    /* a copy of the network at best_epoch */
};

/* Starts watching a training of NET's shape with learning rate ETA. */
struct stopping *stopping_alloc(const struct network *net, double eta,
                                size_t patience, bool schedule);

/* Frees ST; NULL is allowed. */
void stopping_free(struct stopping *st);

/* Records that NET, after EPOCH, reads CORRECT validation images
 * right: copies NET when CORRECT beats every epoch before (the first
 * epoch always does), and says what to do next.  st->eta is the
 * learning rate for the next epoch. */
enum stopping_action stopping_update(struct stopping *st,
                                     const struct network *net,
                                     size_t epoch, size_t correct);

/* Copies the best network seen into NET. */
void stopping_restore(const struct stopping *st, struct network *net);

#endif /* NNC_STOPPING_H */
