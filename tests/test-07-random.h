/* test-07-random.h -- made-up data and networks for the tests of
 * chapters 7 and 8, which need no download.
 *
 * Header-only, like tap.h: each test is one .c file that includes it.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#ifndef NNC_TEST_07_RANDOM_H
#define NNC_TEST_07_RANDOM_H

#include <gsl/gsl_matrix.h>
#include <gsl/gsl_rng.h>

#include "mnist.h"
#include "network.h"
#include "program.h"

/* N random 28 x 28 images, about a fifth of their pixels ink, with
 * random labels 0..9. */
static inline void
random_set(struct dataset *set, size_t n, gsl_rng *r)
{
  set->n = n;
  set->x = gsl_matrix_uchar_calloc(n, MNIST_PIXELS);
  set->y = program_calloc(n, 1);
  for (size_t i = 0; i < n; i++) {
    for (size_t k = 0; k < MNIST_PIXELS; k++)
      if (gsl_rng_uniform(r) < 0.2)
        gsl_matrix_uchar_set(set->x, i, k,
                             (unsigned char) gsl_rng_uniform_int(r, 256));
    set->y[i] = (unsigned char) gsl_rng_uniform_int(r, MNIST_CLASSES);
  }
}

/* The first N examples of SET, sharing its memory (not to be freed). */
static inline struct dataset
first_examples(const struct dataset *set, size_t n)
{
  struct dataset head = *set;

  head.n = n;
  return head;
}

/* A network of the given sizes with N(0, 1) weights, those of layer 1
 * scaled by 0.1 so that 784 inputs do not saturate every sigmoid (a
 * saturated network has a gradient too small to check). */
static inline struct network *
random_network(const size_t *sizes, size_t num_layers, gsl_rng *r)
{
  struct network *net = network_alloc(sizes, num_layers);

  network_init_gaussian(net, r);
  gsl_matrix_scale(net->w[1], 0.1);
  return net;
}

#endif /* NNC_TEST_07_RANDOM_H */
