/* test-08-regularization.c -- L2 and L1 regularisation (chapter 8):
 * the penalties, the steps they make through chapter 6's matrix form,
 * the regularised cost (its penalty added once per evaluation), and
 * the gradient of every cost with every penalty against central
 * differences of that cost.
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
#include "regularization.h"
#include "tap.h"
#include "test-07-random.h"

/* Examples of the made-up training set, n in lambda / n. */
#define N_TRAINING 40

/* ------------------------------------------------------------------ */
/* The penalties                                                       */

static void
check_penalties(void)
{
  double data[] = { 1, -2, 3, 0, 0.5, -1 };
  gsl_matrix_view w = gsl_matrix_view_array(data, 2, 3);
  double r2 = regularization_l2.fn(&w.matrix);
  double r1 = regularization_l1.fn(&w.matrix);

  /* 1/2 (1 + 4 + 9 + 0 + 0.25 + 1) and 1 + 2 + 3 + 0 + 0.5 + 1 */
  tap_ok(r2 == 7.625 && r1 == 7.5, "w = [1 -2 3; 0 0.5 -1]: L2's R(w) "
         "= 1/2 sum w^2 = %g (want 7.625), L1's R(w) = sum |w| = %g "
         "(want 7.5)", r2, r1);

  double beta = regularization_l2.step(&w.matrix, 0.1);
  tap_ok(beta == 0.9 && data[2] == 3, "L2's step at rate 0.1 leaves w "
         "to the product and returns beta = %g (want 0.9)", beta);
  beta = regularization_l1.step(&w.matrix, 0.1);
  tap_ok(beta == 1 && data[0] == 0.9 && data[1] == -1.9 && data[3] == 0
         && data[4] == 0.4, "L1's step at rate 0.1 moves each weight 0.1 "
         "towards 0 (1 -> %g, -2 -> %g, 0.5 -> %g), leaves 0 at %g, "
         "returns beta = %g", data[0], data[1], data[4], data[3], beta);
  tap_ok(regularization_find("l2") == &regularization_l2
         && regularization_find("l1") == &regularization_l1
         && regularization_find("none") == NULL,
         "regularization_find(): l2, l1, and NULL for none");
}

/* ------------------------------------------------------------------ */
/* One step with a penalty                                             */

/* From the same start and batch, one update with PENALTY gives
 * w' = w - (eta lambda / n) dR/dw - (eta / m) nabla_w and
 * b' = b - (eta / m) nabla_b, with nabla the unpenalised gradient. */
static void
check_step(const struct minibatch_penalty *penalty,
           const struct dataset *data, gsl_rng *r)
{
  const size_t sizes[] = { 784, 16, 10 }, m = 7;
  const size_t batch[] = { 3, 1, 4, 1, 5, 9, 2 };
  const double eta = 0.5, lambda = 3.0;
  double rate = eta * lambda / N_TRAINING, worst_w = 0, worst_b = 0;
  struct network *net = random_network(sizes, 3, r);
  struct network *start = network_alloc(sizes, 3);
  struct minibatch *mb = minibatch_alloc(net, m, N_TRAINING);
  struct gradient *g = gradient_alloc(net);

  network_memcpy(start, net);
  mb->cost = &crossentropy_cost;
  /* The unpenalised gradient, summed over the batch */
  minibatch_load(mb, data, batch, m);
  minibatch_feedforward(mb, net);
  minibatch_backprop(mb, net);
  minibatch_gradient(mb, net, g);
  /* The step with the penalty */
  mb->penalty = penalty;
  mb->lambda = lambda;
  minibatch_step(mb, net, eta);

  for (size_t l = 1; l <= 2; l++) {  /* l = 1..L */
    for (size_t j = 0; j < sizes[l]; j++) {
      double b = gsl_vector_get(start->b[l], j);
      double want_b = b - eta / m * gsl_vector_get(g->nabla_b[l], j);

      worst_b = fmax(worst_b, fabs(gsl_vector_get(net->b[l], j) - want_b));
      for (size_t k = 0; k < sizes[l - 1]; k++) {
        double w = gsl_matrix_get(start->w[l], j, k);
        double dr = penalty == &regularization_l2 ? w
                    : (double) ((w > 0) - (w < 0));
        double want = w - rate * dr
                      - eta / m * gsl_matrix_get(g->nabla_w[l], j, k);

        worst_w = fmax(worst_w, fabs(gsl_matrix_get(net->w[l], j, k)
                                     - want));
      }
    }
  }
  tap_ok(worst_w < 1e-12, "%s, eta %g, lambda %g, n %d, m %zu: w' = w - "
         "(eta lambda / n) dR/dw - (eta/m) nabla_w, largest difference "
         "%.2g < 1e-12", penalty->name, eta, lambda, N_TRAINING, m,
         worst_w);
  tap_ok(worst_b < 1e-12, "%s: biases are not penalised, b' = b - "
         "(eta/m) nabla_b, largest difference %.2g < 1e-12",
         penalty->name, worst_b);
  gradient_free(g);
  minibatch_free(mb);
  network_free(start);
  network_free(net);
}

/* ------------------------------------------------------------------ */
/* The regularised cost                                                */

/* On 5 examples and on 20, the regularised cost exceeds the plain one
 * by (lambda / n) sum_l R(w^l) exactly: the penalty is added once per
 * evaluation, whatever the number of examples. */
static void
check_penalty_once(const struct dataset *data, gsl_rng *r)
{
  const size_t sizes[] = { 784, 16, 10 }, counts[] = { 5, 20 };
  const double lambda = 2.0;
  struct network *net = random_network(sizes, 3, r);
  struct minibatch *mb = minibatch_alloc(net, 8, N_TRAINING);
  double penalty = lambda / N_TRAINING
                   * regularization_penalty(&regularization_l2, net);

  mb->cost = &crossentropy_cost;
  for (size_t c = 0; c < 2; c++) {
    struct dataset rows = first_examples(data, counts[c]);
    double plain, sum, with;
    size_t correct, count;

    mb->penalty = NULL;
    plain = regularization_cost(mb, net, &rows, NULL);
    count = minibatch_evaluate(mb, net, &rows, &sum);
    mb->penalty = &regularization_l2;
    mb->lambda = lambda;
    with = regularization_cost(mb, net, &rows, &correct);
    tap_ok(fabs(plain - sum / (double) counts[c]) <= 1e-12 * plain
           && fabs((with - plain) - penalty) <= 1e-12 * penalty
           && correct == count, "%zu examples: C = (1/N) sum C_x + "
           "(lambda/n) R = %.6f + %.6f, the penalty once (got %.6f); "
           "%zu read right in the same pass", counts[c], plain, penalty,
           with - plain, correct);
  }
  minibatch_free(mb);
  network_free(net);
}

/* ------------------------------------------------------------------ */
/* The gradient against central differences                            */

/* The gradient that one step with COST and PENALTY follows, (w - w') /
 * eta for every weight and bias, against central differences of the
 * regularised cost C = (1/m) sum_x C_x + (lambda/n) sum_l R(w^l) on
 * the batch, for every bias and every 53rd weight. */
static void
check_gradient(const struct minibatch_cost *cost,
               const struct minibatch_penalty *penalty,
               const struct dataset *data, gsl_rng *r)
{
  const size_t sizes[] = { 784, 12, 11, 10 }, m = 5;
  const size_t batch[] = { 0, 1, 2, 3, 4 };
  const double h = 1e-5, tolerance = 1e-6, eta = 1.0, lambda = 2.0;
  struct dataset rows = first_examples(data, m);
  struct network *net = random_network(sizes, 4, r);
  struct network *stepped = network_alloc(sizes, 4);
  struct minibatch *mb = minibatch_alloc(net, m, N_TRAINING);
  double diff2 = 0, norm2 = 0;
  size_t checked = 0;

  mb->cost = cost;
  mb->penalty = penalty;
  mb->lambda = lambda;
  /* One step on a copy: w' = w - eta dC/dw */
  network_memcpy(stepped, net);
  minibatch_update(mb, stepped, data, batch, m, eta);

  for (size_t l = 1; l < net->num_layers; l++) {  /* l = 1..L */
    size_t count = net->w[l]->size1 * net->w[l]->size2;

    for (size_t p = 0; p < count + net->sizes[l]; p++) {
      double *param = p < count ? net->w[l]->data + p
                                : net->b[l]->data + (p - count);
      double after = p < count ? stepped->w[l]->data[p]
                               : stepped->b[l]->data[p - count];
      double saved = *param, plus, minus;

      if (p < count && p % 53 != 0)
        continue;
      double analytic = (saved - after) / eta;
      *param = saved + h;
      plus = regularization_cost(mb, net, &rows, NULL);
      *param = saved - h;
      minus = regularization_cost(mb, net, &rows, NULL);
      *param = saved;
      double numerical = (plus - minus) / (2 * h);
      diff2 += (analytic - numerical) * (analytic - numerical);
      norm2 += numerical * numerical;
      checked++;
    }
  }
  double rel = sqrt(diff2 / norm2);
  tap_ok(rel < tolerance && sqrt(norm2) > 1e-3, "%s cost, %s, lambda "
         "%g, n %d: the step's (w - w')/eta matches central differences "
         "of the regularised cost (h = %g) on %zu parameters: rel err "
         "%.2g < %g, norm %.3g", cost->name,
         penalty ? penalty->name : "no penalty", lambda, N_TRAINING, h,
         checked, rel, tolerance, sqrt(norm2));
  minibatch_free(mb);
  network_free(stepped);
  network_free(net);
}

int
main(int argc, char **argv)
{
  const struct minibatch_cost *costs[] = {
    &minibatch_quadratic, &crossentropy_cost
  };
  const struct minibatch_penalty *penalties[] = {
    NULL, &regularization_l2, &regularization_l1
  };
  struct dataset data;
  gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);

  (void) argc;
  program_init(argv[0]);
  gsl_rng_set(r, 8);
  random_set(&data, N_TRAINING, r);

  tap_plan(16);
  check_penalties();
  check_step(&regularization_l2, &data, r);
  check_step(&regularization_l1, &data, r);
  check_penalty_once(&data, r);
  for (size_t c = 0; c < 2; c++)
    for (size_t p = 0; p < 3; p++)
      check_gradient(costs[c], penalties[p], &data, r);
  mnist_free(&data);
  gsl_rng_free(r);
  return tap_done();
}
