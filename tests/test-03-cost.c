/* test-03-cost.c -- chapter 3: the quadratic cost, one-hot targets,
 * evaluation by argmax, the numerical gradient and a step of gradient
 * descent, on small cases worked out by hand.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <math.h>

#include <gsl/gsl_blas.h>
#include <gsl/gsl_matrix_uchar.h>
#include <gsl/gsl_vector.h>

#include "cost.h"
#include "evaluate.h"
#include "gradient.h"
#include "mnist.h"
#include "network.h"
#include "program.h"
#include "tap.h"

/* sigma(-1/2) = 0.3775406687981454 and sigma'(-1/2) = 0.2350037122015945
 * (from 30-digit decimal arithmetic). */
#define SIGMA_MINUS_HALF 0.3775406687981454
#define SIGMA_PRIME_MINUS_HALF 0.2350037122015945

/* A vector of N elements from the array V. */
static gsl_vector *
vector_of(const double *v, size_t n)
{
  gsl_vector *x = gsl_vector_alloc(n);

  for (size_t i = 0; i < n; i++)
    gsl_vector_set(x, i, v[i]);
  return x;
}

/* A dataset of N examples of COLS bytes each, all 0, labels 0. */
static void
dataset_zero(struct dataset *set, size_t n, size_t cols)
{
  set->n = n;
  set->x = gsl_matrix_uchar_calloc(n, cols);
  set->y = program_calloc(n, 1);
}

/* ---- The quadratic cost and its gradient ------------------------- */

/* a = (1/2, 1/4, 1), y = (0, 1, 0): y - a = (-1/2, 3/4, -1), so
 * C_x = 1/2 (1/4 + 9/16 + 1) = 1/2 * 29/16 = 29/32 = 0.90625, and
 * nabla_a C_x = a - y = (1/2, -3/4, 1); all exact in binary. */
static void
test_quadratic(void)
{
  static const double av[] = { 0.5, 0.25, 1 }, yv[] = { 0, 1, 0 };
  gsl_vector *a = vector_of(av, 3), *y = vector_of(yv, 3);
  gsl_vector *nabla = gsl_vector_alloc(3);

  tap_close(cost_quadratic(a, y), 0.90625, 0, "C_x of a = (1/2, 1/4, 1) "
            "for y = (0, 1, 0), 29/32");
  tap_close(cost_quadratic(y, y), 0, 0, "C_x of a = y");
  cost_quadratic_gradient(a, y, nabla);
  tap_ok(gsl_vector_get(nabla, 0) == 0.5
         && gsl_vector_get(nabla, 1) == -0.75
         && gsl_vector_get(nabla, 2) == 1,
         "nabla_a C_x = a - y = (0.5, -0.75, 1): got (%g, %g, %g)",
         gsl_vector_get(nabla, 0), gsl_vector_get(nabla, 1),
         gsl_vector_get(nabla, 2));

  /* The same derivative by central difference in a_1: C_x is quadratic
   * in a, so the difference is exact up to rounding. */
  const double h = 1e-3;
  gsl_vector_set(a, 1, 0.25 + h);
  double plus = cost_quadratic(a, y);
  gsl_vector_set(a, 1, 0.25 - h);
  double minus = cost_quadratic(a, y);
  tap_close((plus - minus) / (2 * h), -0.75, 1e-12,
            "dC_x/da_1 by central difference");
  gsl_vector_free(a);
  gsl_vector_free(y);
  gsl_vector_free(nabla);
}

/* ---- One-hot targets and argmax ---------------------------------- */

static void
test_one_hot_and_argmax(void)
{
  gsl_vector *y = gsl_vector_alloc(10);
  static const double plain[] = { 0.1, 0.7, 0.3 };
  static const double tie[] = { 0.2, 0.9, 0.9, 0.1 };
  static const double flat[] = { 0.5, 0.5, 0.5 };
  gsl_vector *v;

  /* Setting 7 first: setting 3 must also clear it. */
  cost_one_hot(y, 7);
  cost_one_hot(y, 3);
  tap_ok(gsl_vector_get(y, 3) == 1 && gsl_vector_get(y, 7) == 0
         && gsl_vector_sum(y) == 1,
         "one-hot of 3 (after 7): y_3 = %g, y_7 = %g, sum %g",
         gsl_vector_get(y, 3), gsl_vector_get(y, 7), gsl_vector_sum(y));
  gsl_vector_free(y);

  v = vector_of(plain, 3);
  tap_equal((long) evaluate_argmax(v), 1, "argmax of (0.1, 0.7, 0.3)");
  gsl_vector_free(v);
  v = vector_of(tie, 4);
  tap_equal((long) evaluate_argmax(v), 1,
            "argmax of (0.2, 0.9, 0.9, 0.1), a tie: the first");
  gsl_vector_free(v);
  v = vector_of(flat, 3);
  tap_equal((long) evaluate_argmax(v), 0, "argmax of (0.5, 0.5, 0.5)");
  gsl_vector_free(v);
}

/* ---- Evaluation and the mean cost over a dataset ------------------ */

/* A [784,2] network whose neuron 0 sees only pixel 0 and neuron 1 only
 * pixel 1, with weight 1 and bias 0, on four images:
 *
 *   image  pixels        a^1                argmax  label  right
 *   0      p0 = 255      (sigma(1), 1/2)    0       0      yes
 *   1      p1 = 255      (1/2, sigma(1))    1       1      yes
 *   2      p0 = 255      (sigma(1), 1/2)    0       1      no
 *   3      all 0         (1/2, 1/2), a tie  0       0      yes
 *
 * so 3 are right.  With sigma(1) = 0.7310585786300049 the costs are
 * 1/2 ((1 - sigma(1))^2 + 1/4) for images 0 and 1 each,
 * 1/2 (sigma(1)^2 + 1/4) for image 2 and 1/2 (1/4 + 1/4) = 1/4 for
 * image 3.  As (1 - sigma(1))^2 = 0.0723294881285133 and
 * sigma(1)^2 = 0.5344466453885230, their mean is
 * (0.3223294881285133 + 0.3922233226942615 + 0.25) / 4
 * = 0.2411382027056937. */
static void
test_dataset(void)
{
  const size_t sizes[] = { MNIST_PIXELS, 2 };
  struct network *net = network_alloc(sizes, 2);
  struct dataset set;

  gsl_matrix_set(net->w[1], 0, 0, 1);
  gsl_matrix_set(net->w[1], 1, 1, 1);
  dataset_zero(&set, 4, MNIST_PIXELS);
  gsl_matrix_uchar_set(set.x, 0, 0, 255);
  gsl_matrix_uchar_set(set.x, 1, 1, 255);
  gsl_matrix_uchar_set(set.x, 2, 0, 255);
  set.y[1] = 1;
  set.y[2] = 1;
  tap_equal((long) evaluate_count(net, &set), 3,
            "evaluate_count on four hand-made 784-pixel images");
  tap_close(cost_total(net, &set), 0.2411382027056937, 1e-15,
            "cost_total on the same images");
  mnist_free(&set);
  network_free(net);
}

/* ---- The numerical gradient --------------------------------------- */

/* One sigmoid neuron, a [1,1] network with w = 1/2 and b = -1/2, and
 * two examples, x = 1 and x = 0, both with target y = 1 (label 0).
 * With z = w x + b and a = sigma(z), C_x = 1/2 (1 - a)^2, so
 *   dC_x/dw = (a - 1) sigma'(z) x,   dC_x/db = (a - 1) sigma'(z).
 * Example 1: z = 0, a = 1/2, sigma'(0) = 1/4: both derivatives -1/8,
 *   except that dC_x/dw has the factor x = 1.
 * Example 2: z = -1/2, x = 0: dC_x/dw = 0, and
 *   dC_x/db = (sigma(-1/2) - 1) sigma'(-1/2) = -0.1462802535269576.
 * C is their mean: dC/dw = -1/16 = -0.0625 and
 *   dC/db = (-0.125 - 0.1462802535269576) / 2 = -0.1356401267634788.
 * A central difference with h = 1e-5 errs by about h^2 C''' / 6, under
 * 1e-10 here. */
static void
test_numerical(void)
{
  const size_t sizes[] = { 1, 1 };
  struct network *net = network_alloc(sizes, 2);
  struct gradient *g = gradient_alloc(net);
  struct dataset set;

  dataset_zero(&set, 2, 1);
  gsl_matrix_uchar_set(set.x, 0, 0, 255);
  gsl_matrix_set(net->w[1], 0, 0, 0.5);
  gsl_vector_set(net->b[1], 0, -0.5);
  gradient_numerical(net, &set, 1e-5, g);
  tap_close(gsl_matrix_get(g->nabla_w[1], 0, 0), -0.0625, 1e-9,
            "numerical dC/dw of one neuron");
  tap_close(gsl_vector_get(g->nabla_b[1], 0),
            (-0.125 + (SIGMA_MINUS_HALF - 1) * SIGMA_PRIME_MINUS_HALF) / 2,
            1e-9, "numerical dC/db of one neuron");
  tap_ok(gsl_matrix_get(net->w[1], 0, 0) == 0.5
         && gsl_vector_get(net->b[1], 0) == -0.5,
         "gradient_numerical leaves w = 0.5 and b = -0.5 as they were");

  /* A step by hand: w -= 2 * 0.25 and b -= 2 * (-0.5). */
  gsl_matrix_set(g->nabla_w[1], 0, 0, 0.25);
  gsl_vector_set(g->nabla_b[1], 0, -0.5);
  gradient_descend(net, g, 2);
  tap_ok(gsl_matrix_get(net->w[1], 0, 0) == 0
         && gsl_vector_get(net->b[1], 0) == 0.5,
         "gradient_descend by 2: w 0.5 -> 0, b -0.5 -> 0.5; got %g, %g",
         gsl_matrix_get(net->w[1], 0, 0), gsl_vector_get(net->b[1], 0));
  gradient_set_zero(g);
  tap_ok(gsl_matrix_get(g->nabla_w[1], 0, 0) == 0
         && gsl_vector_get(g->nabla_b[1], 0) == 0,
         "gradient_set_zero");
  mnist_free(&set);
  gradient_free(g);
  network_free(net);
}

/* ---- A step of gradient descent ----------------------------------- */

/* The sum of squares of every element of G. */
static double
norm2(const struct gradient *g)
{
  double sum = 0, d;

  for (size_t l = 1; l < g->num_layers; l++) {  /* l = 1..L */
    gsl_vector_view w = gsl_vector_view_array(g->nabla_w[l]->data,
      g->nabla_w[l]->size1 * g->nabla_w[l]->size2);
    gsl_blas_ddot(&w.vector, &w.vector, &d);
    sum += d;
    gsl_blas_ddot(g->nabla_b[l], g->nabla_b[l], &d);
    sum += d;
  }
  return sum;
}

/* XOR on a [2,2,2] network with hand-picked weights: one small step
 * eta against the gradient lowers C by about eta |nabla C|^2, the first
 * term of C's Taylor series; for eta = 0.01 the other terms are some
 * percent of it. */
static void
test_descent(void)
{
  const size_t sizes[] = { 2, 2, 2 };
  static const double w1[] = { 0.5, -1, 1.5, 0.25 }, w2[] = { 1, -2, 0.5,
                                                              0.75 };
  struct network *net = network_alloc(sizes, 3);
  struct gradient *g = gradient_alloc(net);
  struct dataset set;
  const double eta = 0.01;

  dataset_zero(&set, 4, 2);
  for (size_t i = 0; i < 4; i++) {
    gsl_matrix_uchar_set(set.x, i, 0, (unsigned char) (255 * (i / 2)));
    gsl_matrix_uchar_set(set.x, i, 1, (unsigned char) (255 * (i % 2)));
    set.y[i] = (unsigned char) ((i / 2) ^ (i % 2));
  }
  for (size_t i = 0; i < 4; i++) {
    gsl_matrix_set(net->w[1], i / 2, i % 2, w1[i]);
    gsl_matrix_set(net->w[2], i / 2, i % 2, w2[i]);
  }
  gsl_vector_set(net->b[1], 0, -0.5);
  gsl_vector_set(net->b[2], 1, 0.3);

  double before = cost_total(net, &set);
  gradient_numerical(net, &set, 1e-6, g);
  double n2 = norm2(g);
  gradient_descend(net, g, eta);
  double after = cost_total(net, &set);

  tap_ok(n2 > 1e-4, "the XOR gradient is not zero: |nabla C|^2 = %g",
         n2);
  tap_ok(after < before, "a step of eta = %g lowers C: %.10f -> %.10f",
         eta, before, after);
  tap_close((before - after) / (eta * n2), 1, 0.05,
            "(C before - C after) / (eta |nabla C|^2)");
  mnist_free(&set);
  gradient_free(g);
  network_free(net);
}

int
main(int argc, char **argv)
{
  (void) argc;
  program_init(argv[0]);
  tap_plan(18);
  test_quadratic();
  test_one_hot_and_argmax();
  test_dataset();
  test_numerical();
  test_descent();
  return tap_done();
}
