/* evaluate.c -- counting the digits a network reads right (chapter 3).
 *
 * Text: chapters/03-cost/README.md.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_vector.h>

#include "evaluate.h"

size_t
evaluate_argmax(const gsl_vector *a)
{
  /* gsl_vector_max_index returns the first index of the maximum. */
  return gsl_vector_max_index(a);
}

size_t
evaluate_count(struct network *net, const struct dataset *data)
{
  if (data->x->size2 != net->sizes[0])
    GSL_ERROR_VAL("evaluate_count: examples and input layer differ in "
                  "size", GSL_EBADLEN, 0);

  gsl_vector *x = gsl_vector_alloc(net->sizes[0]);   /* sizes[0] */
  size_t correct = 0;

  for (size_t i = 0; i < data->n; i++) {
    mnist_image(data, i, x);
    if (evaluate_argmax(network_feedforward(net, x)) == data->y[i])
      correct++;
  }
  gsl_vector_free(x);
  return correct;
}
