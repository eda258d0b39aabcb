/* sgd.c -- mini-batch stochastic gradient descent (chapter 5).
 *
 * Adds to chapter 4 the training loop: estimate the gradient from a
 * small random sample, step, repeat.  Text: chapters/05-sgd/README.md.
 *
 * The examples of a mini-batch go through backprop one at a time, which
 * mirrors the equations; chapter 6 sends a whole mini-batch through as
 * one matrix, the same arithmetic several times faster.
 *
 * Notation (doc/notation.md):
 *   n     training examples      s->n, data->n
 *   m     mini-batch size        m
 *   eta   learning rate          eta
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <stdlib.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_randist.h>

#include "cost.h"
#include "program.h"
#include "sgd.h"
#include "sigmoid.h"

struct sgd *
sgd_alloc(const struct network *net, size_t n)
{
  struct sgd *s = program_calloc(1, sizeof *s);

  s->bp = backprop_alloc(net);
  s->g = gradient_alloc(net);
  s->x = gsl_vector_alloc(net->sizes[0]);
  s->y = gsl_vector_alloc(net->sizes[net->num_layers - 1]);
  s->order = program_calloc(n, sizeof *s->order);
  for (size_t i = 0; i < n; i++)
    s->order[i] = i;
  s->n = n;
  return s;
}

void
sgd_free(struct sgd *s)
{
  if (s == NULL)
    return;
  backprop_free(s->bp);
  gradient_free(s->g);
  gsl_vector_free(s->x);
  gsl_vector_free(s->y);
  free(s->order);
  free(s);
}

void
sgd_update_mini_batch(struct sgd *s, struct network *net,
                      const struct dataset *data,
                      const size_t *batch, size_t m, double eta)
{
  /* sum over the mini-batch of dC_x/dw^l and dC_x/db^l */
  gradient_set_zero(s->g);
  for (size_t i = 0; i < m; i++) {
    mnist_image(data, batch[i], s->x);
    cost_one_hot(s->y, data->y[batch[i]]);
    backprop_accumulate(s->bp, net, s->x, s->y, s->g);
  }
  /* w^l -= (eta / m) sum_x dC_x/dw^l, and the same for b^l */
  gradient_descend(net, s->g, eta / (double) m);
}

void
sgd_epoch(struct sgd *s, struct network *net, const struct dataset *data,
          size_t m, double eta, gsl_rng *r)
{
  if (data->n != s->n)
    GSL_ERROR_VOID("sgd_epoch: the data set is not the size given to "
                   "sgd_alloc", GSL_EBADLEN);

  /* A new random order each epoch, so that the mini-batches differ. */
  gsl_ran_shuffle(r, s->order, s->n, sizeof *s->order);
  for (size_t start = 0; start < s->n; start += m) {
    /* The last mini-batch takes what is left: n mod m examples when m
     * does not divide n.  Its step is still the mean of its gradients. */
    size_t size = s->n - start < m ? s->n - start : m;

    sgd_update_mini_batch(s, net, data, s->order + start, size, eta);
  }
}

bool
sgd_is_stuck(struct sgd *s, struct network *net,
             const struct dataset *data)
{
  size_t L = net->num_layers - 1;

  for (size_t i = 0; i < data->n; i++) {
    mnist_image(data, i, s->x);
    network_feedforward(net, s->x);
    /* (BP1) delta^L = (a^L - y) .* sigma'(z^L) is 0 for every target y
     * only if every sigma'(z^L_j) is. */
    for (size_t j = 0; j < net->sizes[L]; j++)
      if (sigmoid_prime(gsl_vector_get(net->z[L], j)) != 0)
        return false;
  }
  return true;
}
