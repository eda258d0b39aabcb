/* stopping.c -- early stopping and a learning-rate schedule (chapter
 * 11).  See stopping.h; the text is
 * chapters/11-hyperparameters/README.md.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <stdlib.h>

#include "network.h"
#include "program.h"
#include "stopping.h"

struct stopping *
stopping_alloc(const struct network *net, double eta, size_t patience,
               bool schedule)
{
  struct stopping *st = program_calloc(1, sizeof *st);

  st->patience = patience;
  st->schedule = schedule;
  st->eta = eta;
  st->best = network_alloc(net->sizes, net->num_layers);
  return st;
}

void
stopping_free(struct stopping *st)
{
  if (st == NULL)
    return;
  network_free(st->best);
  free(st);
}

enum stopping_action
stopping_update(struct stopping *st, const struct network *net,
                size_t epoch, size_t correct)
{
  /* A new best: remember the network, and patience starts again. */
  if (!st->seen || correct > st->best_correct) {
    st->seen = true;
    st->best_correct = correct;
    st->best_epoch = epoch;
    st->stalls = 0;
    network_memcpy(st->best, net);
    return STOPPING_GO_ON;
  }
  if (++st->stalls < st->patience)
    return STOPPING_GO_ON;

  /* PATIENCE stalls in a row: stop, or halve eta and wait again. */
  if (!st->schedule)
    return STOPPING_STOP;
  st->eta /= 2;
  st->halvings++;
  st->stalls = 0;
  return st->halvings == STOPPING_HALVINGS ? STOPPING_STOP
                                           : STOPPING_HALVE;
}

void
stopping_restore(const struct stopping *st, struct network *net)
{
  network_memcpy(net, st->best);
}
