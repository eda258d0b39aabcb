/* gradient.h -- the gradient of the cost, and one step of gradient
 * descent (chapter 3).
 *
 * A gradient has one number per weight and bias: nabla_w[l] has the
 * shape of w^l (sizes[l] x sizes[l-1]) and holds dC/dw^l, nabla_b[l]
 * the shape of b^l, for l = 1..L; index 0 is NULL as in the network.
 * This chapter estimates it by central differences, which is simple and
 * very slow; chapter 4 computes it exactly by backpropagation.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#ifndef NNC_GRADIENT_H
#define NNC_GRADIENT_H

#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>

#include "mnist.h"
#include "network.h"

struct gradient {
  size_t num_layers;     /* L + 1, as in the network */
  gsl_matrix **nabla_w;  /* nabla_w[1..L], sizes[l] x sizes[l-1] */
  gsl_vector **nabla_b;  /* nabla_b[1..L], sizes[l] */
};

/* Allocates a zero gradient shaped like NET. */
struct gradient *gradient_alloc(const struct network *net);

/* Frees G; NULL is allowed. */
void gradient_free(struct gradient *g);

/* Sets every element of G to 0. */
void gradient_set_zero(struct gradient *g);

/* Estimates the gradient of C = cost_total(NET, DATA) by central
 * differences, dC/dp ~ (C(p + h) - C(p - h)) / 2h, for every weight and
 * bias p, writing it into G.  NET's parameters are restored. */
void gradient_numerical(struct network *net, const struct dataset *data,
                        double h, struct gradient *g);

/* One step of gradient descent: w^l -= SCALE * nabla_w[l] and
 * b^l -= SCALE * nabla_b[l] for l = 1..L.  SCALE is eta for the mean
 * gradient, eta / m for a sum over m examples. */
void gradient_descend(struct network *net, const struct gradient *g,
                      double scale);

#endif /* NNC_GRADIENT_H */
