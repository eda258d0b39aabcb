/* test-07-crossentropy.c -- the cross-entropy cost (chapter 7): its
 * value, also where an output saturates, its (BP1) through chapter
 * 6's matrix form, and its gradient against central differences.
 *
 * Needs no download: the examples are random images made here.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_matrix.h>
#include <gsl/gsl_rng.h>

#include "crossentropy.h"
#include "gradient.h"
#include "minibatch.h"
#include "mnist.h"
#include "network.h"
#include "program.h"
#include "sigmoid.h"
#include "tap.h"
#include "test-07-random.h"

/* ------------------------------------------------------------------ */
/* The cost of one neuron                                              */

/* -[y ln a + (1 - y) ln(1 - a)], straight from the definition: right
 * where a is well inside (0, 1), and what the safe form must match. */
static double
by_definition(double z, double y)
{
  double a = sigmoid(z);

  return -(y * log(a) + (1 - y) * log(1 - a));
}

static void
check_definition(void)
{
  const double zs[] = { -6, -2, -0.5, 0, 0.3, 1, 4, 6 };
  const double ys[] = { 0, 0.25, 1 };
  double worst = 0;

  for (size_t i = 0; i < sizeof zs / sizeof zs[0]; i++)
    for (size_t k = 0; k < sizeof ys / sizeof ys[0]; k++) {
      double want = by_definition(zs[i], ys[k]);
      double got = crossentropy_neuron(zs[i], ys[k]);

      worst = fmax(worst, fabs(got - want) / fabs(want));
    }
  tap_ok(worst < 1e-12, "crossentropy_neuron(z, y) = -[y ln a + (1-y) "
         "ln(1-a)] for z from -6 to 6 and y = 0, 0.25, 1: rel diff %.2g "
         "< 1e-12", worst);
}

/* Where a = sigma(z) is exactly 0 or 1 as a double, the definition
 * gives infinity or NaN; computed from z, the cost is z's size or 0. */
static void
check_saturated(void)
{
  double c;

  c = crossentropy_neuron(800, 0);
  tap_ok(sigmoid(800) == 1.0 && isfinite(c) && fabs(c - 800) < 1e-9,
         "a = sigma(800) = 1 exactly, y = 0: C = %g, finite and = 800 "
         "(the definition gives %g)", c, by_definition(800, 0));
  c = crossentropy_neuron(-800, 1);
  tap_ok(sigmoid(-800) == 0.0 && isfinite(c) && fabs(c - 800) < 1e-9,
         "a = sigma(-800) = 0 exactly, y = 1: C = %g, finite and = 800",
         c);
  c = crossentropy_neuron(40, 0);
  tap_ok(sigmoid(40) == 1.0 && fabs(c - 40) < 1e-12,
         "a = sigma(40) rounds to 1, y = 0: C = %.15g = 40 + ln(1 + "
         "e^-40), within 1e-12", c);
  tap_ok(crossentropy_neuron(800, 1) == 0 && crossentropy_neuron(-800, 0)
         == 0, "a = 1 with y = 1, and a = 0 with y = 0: C = 0 exactly "
         "(0 ln 0 counts as 0)");
  c = crossentropy_neuron(-INFINITY, 0) + crossentropy_neuron(INFINITY, 1);
  tap_ok(c == 0, "even z = -inf with y = 0 and z = +inf with y = 1: "
         "C = %g, not NaN", c);
}

/* ------------------------------------------------------------------ */
/* The cost of a mini-batch, and (BP1)                                 */

/* fn of the matrix form sums the neuron costs, finite where outputs
 * saturate; (BP1) is A^L - Y exactly. */
static void
check_matrix(const struct dataset *data, gsl_rng *r)
{
  const size_t sizes[] = { 784, 20, 10 }, m = 6;
  const size_t batch[] = { 0, 1, 2, 3, 4, 5 };
  struct network *net = random_network(sizes, 3, r);
  struct minibatch *mb = minibatch_alloc(net, m, 0);
  double want = 0, worst = 0;

  /* Two output neurons saturate, one at 1 and one at 0. */
  gsl_vector_set(net->b[2], 3, 900);
  gsl_vector_set(net->b[2], 7, -900);
  mb->cost = &crossentropy_cost;
  minibatch_load(mb, data, batch, m);
  minibatch_feedforward(mb, net);
  minibatch_backprop(mb, net);
  for (size_t j = 0; j < 10; j++)
    for (size_t i = 0; i < m; i++) {
      double a = gsl_matrix_get(mb->a[2], j, i);
      double y = gsl_matrix_get(mb->y, j, i);

      want += crossentropy_neuron(gsl_matrix_get(mb->z[2], j, i), y);
      worst = fmax(worst, fabs(gsl_matrix_get(mb->delta[2], j, i)
                               - (a - y)));
    }
  double got = crossentropy_cost.fn(mb->z[2], mb->a[2], mb->y);
  tap_ok(isfinite(got) && fabs(got - want) <= 1e-12 * want,
         "fn over 6 columns with outputs saturated at 0 and 1 = sum of "
         "the neuron costs: %.10g, finite", got);
  tap_ok(worst == 0, "(BP1) Delta^L = A^L - Y exactly: largest "
         "difference %g", worst);
  minibatch_free(mb);
  network_free(net);
}

/* The defaults and the names. */
static void
check_names(const struct network *net)
{
  struct minibatch *mb = minibatch_alloc(net, 1, 0);

  tap_ok(mb->cost == &minibatch_quadratic
         && mb->cost->output == &minibatch_sigmoid && mb->penalty == NULL,
         "a new mini-batch trains as chapter 6 did: quadratic cost, "
         "sigmoid output, no penalty");
  tap_ok(crossentropy_find("quadratic") == &minibatch_quadratic
         && crossentropy_find("cross-entropy") == &crossentropy_cost
         && crossentropy_find("log-likelihood") == NULL,
         "crossentropy_find() knows quadratic and cross-entropy, and no "
         "other");
  tap_ok(crossentropy_cost.output == &minibatch_sigmoid,
         "the cross-entropy's (BP1) is derived for sigmoid outputs");
  minibatch_free(mb);
}

/* ------------------------------------------------------------------ */
/* The gradient against central differences                           */

/* The matrix gradient of the summed cost by COST on the first M = 5
 * examples against central differences of that sum, for every bias
 * and every 53rd weight. */
static void
check_gradient(const struct minibatch_cost *cost,
               const struct dataset *data, gsl_rng *r)
{
  const size_t sizes[] = { 784, 12, 11, 10 }, m = 5;
  const size_t batch[] = { 0, 1, 2, 3, 4 };
  const double h = 1e-5, tolerance = 1e-6;
  struct dataset rows = first_examples(data, m);
  struct network *net = random_network(sizes, 4, r);
  struct minibatch *mb = minibatch_alloc(net, m, 0);
  struct gradient *g = gradient_alloc(net);
  double diff2 = 0, norm2 = 0;
  size_t checked = 0;

  mb->cost = cost;
  minibatch_load(mb, data, batch, m);
  minibatch_feedforward(mb, net);
  minibatch_backprop(mb, net);
  minibatch_gradient(mb, net, g);

  for (size_t l = 1; l < net->num_layers; l++) {  /* l = 1..L */
    size_t count = net->w[l]->size1 * net->w[l]->size2;

    for (size_t p = 0; p < count + net->sizes[l]; p++) {
      double *param = p < count ? net->w[l]->data + p
                                : net->b[l]->data + (p - count);
      double analytic = p < count ? g->nabla_w[l]->data[p]
                                  : g->nabla_b[l]->data[p - count];
      double saved = *param, plus, minus;

      if (p < count && p % 53 != 0)
        continue;
      /* sum_x C_x with the parameter moved by +h and by -h */
      *param = saved + h;
      minibatch_evaluate(mb, net, &rows, &plus);
      *param = saved - h;
      minibatch_evaluate(mb, net, &rows, &minus);
      *param = saved;
      double numerical = (plus - minus) / (2 * h);
      diff2 += (analytic - numerical) * (analytic - numerical);
      norm2 += numerical * numerical;
      checked++;
    }
  }
  double rel = sqrt(diff2 / norm2);
  tap_ok(rel < tolerance, "%s cost, [784,12,11,10], m = 5: matrix "
         "gradient matches central differences (h = %g) on %zu "
         "parameters: rel err %.2g < %g", cost->name, h, checked, rel,
         tolerance);
  tap_ok(sqrt(norm2) > 1e-3, "%s cost: the gradient checked is not "
         "trivially small: norm %.3g > 0.001", cost->name, sqrt(norm2));
  gradient_free(g);
  minibatch_free(mb);
  network_free(net);
}

/* ------------------------------------------------------------------ */
/* Saturation: stuck for one cost, not for the other                   */

static void
check_stuck(const struct dataset *data, gsl_rng *r)
{
  const size_t sizes[] = { 784, 20, 10 };
  struct network *net = random_network(sizes, 3, r);
  struct minibatch *mb = minibatch_alloc(net, 8, 0);

  gsl_vector_set_all(net->b[2], 1e3);
  tap_ok(minibatch_is_stuck(mb, net, data), "every output bias 1000: "
         "with the quadratic cost every Delta^L is 0, stuck");
  mb->cost = &crossentropy_cost;
  tap_ok(!minibatch_is_stuck(mb, net, data), "the same network with the "
         "cross-entropy: Delta^L = A^L - Y is not 0, not stuck");
  minibatch_free(mb);
  network_free(net);
}

int
main(int argc, char **argv)
{
  const size_t sizes[] = { 784, 30, 10 };
  struct dataset data;
  gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);

  (void) argc;
  program_init(argv[0]);
  gsl_rng_set(r, 7);
  random_set(&data, 40, r);
  struct network *net = network_alloc(sizes, 3);

  tap_plan(17);
  check_definition();
  check_saturated();
  check_matrix(&data, r);
  check_names(net);
  check_gradient(&crossentropy_cost, &data, r);
  check_gradient(&minibatch_quadratic, &data, r);
  check_stuck(&data, r);
  network_free(net);
  mnist_free(&data);
  gsl_rng_free(r);
  return tap_done();
}
