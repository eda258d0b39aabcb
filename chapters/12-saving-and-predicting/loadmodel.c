/* loadmodel.c -- a network read back from a model file (chapter 12).
 * See loadmodel.h; the text is chapters/12-saving-and-predicting/
 * README.md.
 *
 * Layers are numbered from 0: layer 0 is the input layer and has no
 * weights or biases; for l = 1..L, w[l] is w^l, sizes[l] x sizes[l-1],
 * and b[l] is b^l, in the model as in the network.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>

#include "loadmodel.h"
#include "mnist.h"
#include "model.h"
#include "network.h"
#include "program.h"
#include "softmax.h"

struct network *
loadmodel_read(const char *path, const struct minibatch_cost **cost)
{
  struct model m;
  char err[512];

  if (model_load(path, MNIST_PIXELS, MNIST_CLASSES, &m, err, sizeof err)
      != MODEL_OK)
    program_fatal("%s: %s", path, err);
  /* softmax_find() knows every cost of chapters 6, 7 and 10. */
  *cost = softmax_find(m.cost);
  if (*cost == NULL || strcmp((*cost)->output->name, m.output) != 0) {
    char why[2 * MODEL_NAME_MAX + 64];

    snprintf(why, sizeof why, "the cost \"%s\" on %s outputs is not "
             "one this program knows", m.cost, m.output);
    model_free(&m);
    program_fatal("%s: %s", path, why);
  }

  struct network *net = network_alloc(m.sizes, m.num_layers);
  for (size_t l = 1; l < m.num_layers; l++) {   /* l = 1..L */
    gsl_matrix_memcpy(net->w[l], m.w[l]);
    gsl_vector_memcpy(net->b[l], m.b[l]);
  }
  model_free(&m);
  return net;
}
