/* test-01-sigmoid.c -- chapter 1: sigma, sigma', the perceptron and the
 * sigmoid neuron against values worked out by hand.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <math.h>

#include <gsl/gsl_vector.h>

#include "program.h"
#include "sigmoid.h"
#include "tap.h"

/* sigma(2) = 1 / (1 + e^-2) = 1 / 1.1353352832366127 = 0.8807970779778824
 * sigma(-2) = 1 - sigma(2) = 0.11920292202211755
 * sigma'(2) = sigma'(-2) = sigma(2) sigma(-2) = 0.10499358540350652
 * sigma(-1) = 1 / (1 + e) = 0.2689414213699951
 * sigma(3) = 1 / (1 + e^-3) = 0.9525741268224332
 * Each to 16 or 17 digits, from 30-digit decimal arithmetic. */
#define SIGMA_2 0.8807970779778824
#define SIGMA_MINUS_2 0.11920292202211755
#define SIGMA_PRIME_2 0.10499358540350652
#define SIGMA_MINUS_1 0.2689414213699951
#define SIGMA_3 0.9525741268224332

/* Relative to values near 1: a few units in the last place. */
#define TOL 1e-15

static void
test_scalars(void)
{
  /* sigma(0) = 1 / (1 + 1) = 1/2, and sigma'(0) = 1/2 * 1/2 = 1/4: both
   * exact in binary, so no tolerance. */
  tap_close(sigmoid(0), 0.5, 0, "sigma(0)");
  tap_close(sigmoid_prime(0), 0.25, 0, "sigma'(0)");
  tap_close(sigmoid(2), SIGMA_2, TOL, "sigma(2)");
  tap_close(sigmoid(-2), SIGMA_MINUS_2, TOL, "sigma(-2)");
  tap_close(sigmoid(-2) + sigmoid(2), 1, TOL, "sigma(-2) + sigma(2)");
  tap_close(sigmoid_prime(2), SIGMA_PRIME_2, TOL, "sigma'(2)");
  tap_close(sigmoid_prime(-2), SIGMA_PRIME_2, TOL, "sigma'(-2)");
}

/* Far from 0, e^-z over- or underflows; sigma must stay a number. */
static void
test_saturation(void)
{
  tap_ok(sigmoid(1000) == 1, "sigma(1000) = %.17g is exactly 1",
         sigmoid(1000));
  tap_ok(sigmoid(-1000) == 0, "sigma(-1000) = %.17g is exactly 0",
         sigmoid(-1000));
  tap_ok(sigmoid_prime(1000) == 0 && sigmoid_prime(-1000) == 0,
         "sigma'(1000) = %g and sigma'(-1000) = %g are exactly 0",
         sigmoid_prime(1000), sigmoid_prime(-1000));
}

/* sigma' is the slope of sigma: a central difference at z = 1 agrees to
 * about h^2 = 1e-10 (its error term is sigma'''(1) h^2 / 6). */
static void
test_slope(void)
{
  const double h = 1e-5;
  double slope = (sigmoid(1 + h) - sigmoid(1 - h)) / (2 * h);

  tap_close(sigmoid_prime(1), slope, 1e-9,
            "sigma'(1) beside a central difference of sigma (h = 1e-5)");
}

/* The vector forms, element by element. */
static void
test_vectors(void)
{
  static const double z[] = { -1000, -2, 0, 2, 1000 };
  static const double sigma[] = { 0, SIGMA_MINUS_2, 0.5, SIGMA_2, 1 };
  static const double prime[] = { 0, SIGMA_PRIME_2, 0.25, SIGMA_PRIME_2,
                                  0 };
  gsl_vector_const_view zv = gsl_vector_const_view_array(z, 5);
  gsl_vector *v = gsl_vector_alloc(5);
  double worst_sigma = 0, worst_prime = 0;

  gsl_vector_memcpy(v, &zv.vector);
  sigmoid_vector(v);
  for (size_t j = 0; j < 5; j++)
    worst_sigma = fmax(worst_sigma, fabs(gsl_vector_get(v, j) - sigma[j]));
  gsl_vector_memcpy(v, &zv.vector);
  sigmoid_prime_vector(v);
  for (size_t j = 0; j < 5; j++)
    worst_prime = fmax(worst_prime, fabs(gsl_vector_get(v, j) - prime[j]));
  tap_ok(worst_sigma <= TOL, "sigmoid_vector on (-1000, -2, 0, 2, 1000): "
         "largest error %g <= %g", worst_sigma, TOL);
  tap_ok(worst_prime <= TOL, "sigmoid_prime_vector on the same: "
         "largest error %g <= %g", worst_prime, TOL);
  gsl_vector_free(v);
}

/* The NAND neuron of the text: weights -2, -2, bias 3. */
static void
test_nand(void)
{
  static const int want[2][2] = { { 1, 1 }, { 1, 0 } };  /* NAND */
  gsl_vector *w = gsl_vector_alloc(2);
  gsl_vector *x = gsl_vector_alloc(2);

  gsl_vector_set(w, 0, -2);
  gsl_vector_set(w, 1, -2);
  for (int x1 = 0; x1 <= 1; x1++)
    for (int x2 = 0; x2 <= 1; x2++) {
      gsl_vector_set(x, 0, x1);
      gsl_vector_set(x, 1, x2);
      tap_ok(perceptron(w, 3, x) == want[x1][x2],
             "perceptron NAND(%d, %d) = %d (want %d)", x1, x2,
             perceptron(w, 3, x), want[x1][x2]);
    }

  /* At (1, 1), z = -2 - 2 + 4 = 0 exactly: the perceptron says 0, as
   * its rule is z > 0. */
  tap_equal(perceptron(w, 4, x), 0,
            "perceptron output at z = 0 (bias 4, input (1, 1))");

  /* The sigmoid neuron: z = 3 at (0, 0), z = -1 at (1, 1). */
  tap_close(sigmoid_neuron(w, 3, x), SIGMA_MINUS_1, TOL,
            "sigmoid neuron at (1, 1), sigma(-1)");
  gsl_vector_set_zero(x);
  tap_close(sigmoid_neuron(w, 3, x), SIGMA_3, TOL,
            "sigmoid neuron at (0, 0), sigma(3)");
  gsl_vector_free(w);
  gsl_vector_free(x);
}

int
main(int argc, char **argv)
{
  (void) argc;
  program_init(argv[0]);
  tap_plan(20);
  test_scalars();
  test_saturation();
  test_slope();
  test_vectors();
  test_nand();
  return tap_done();
}
