/* test-02-feedforward.c -- chapter 2: the shape of a network, its
 * random initial weights, and feedforward through a small network whose
 * every value is worked out by hand.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <math.h>

#include <gsl/gsl_matrix.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_vector.h>

#include "network.h"
#include "program.h"
#include "tap.h"

#define TOL 1e-15

/* Feedforward through a [2,2,1] network chosen so that every sigma is
 * taken of +-ln 3, where sigma(ln 3) = 1 / (1 + 1/3) = 3/4 and
 * sigma(-ln 3) = 1/4 exactly:
 *
 *   x = a^0 = (1, 2)
 *   w^1 = [  2  -1  ]   b^1 = (  ln 3 )
 *         [ -1  1/2 ]         ( -ln 3 )
 *   z^1 = (2 - 2 + ln 3, -1 + 1 - ln 3) = (ln 3, -ln 3)
 *   a^1 = (3/4, 1/4)
 *   w^2 = [ 4  -4 ]       b^2 = ln 3 - 2
 *   z^2 = 3 - 1 + ln 3 - 2 = ln 3
 *   a^2 = 3/4 */
static void
test_by_hand(void)
{
  const size_t sizes[] = { 2, 2, 1 };
  const double ln3 = log(3.0);
  struct network *net = network_alloc(sizes, 3);
  gsl_vector *x = gsl_vector_alloc(2);

  gsl_vector_set(x, 0, 1);
  gsl_vector_set(x, 1, 2);
  gsl_matrix_set(net->w[1], 0, 0, 2);
  gsl_matrix_set(net->w[1], 0, 1, -1);
  gsl_matrix_set(net->w[1], 1, 0, -1);
  gsl_matrix_set(net->w[1], 1, 1, 0.5);
  gsl_vector_set(net->b[1], 0, ln3);
  gsl_vector_set(net->b[1], 1, -ln3);
  gsl_matrix_set(net->w[2], 0, 0, 4);
  gsl_matrix_set(net->w[2], 0, 1, -4);
  gsl_vector_set(net->b[2], 0, ln3 - 2);

  const gsl_vector *out = network_feedforward(net, x);

  tap_close(gsl_vector_get(net->z[1], 0), ln3, TOL, "z^1_0 = ln 3");
  tap_close(gsl_vector_get(net->z[1], 1), -ln3, TOL, "z^1_1 = -ln 3");
  tap_close(gsl_vector_get(net->a[1], 0), 0.75, TOL, "a^1_0 = 3/4");
  tap_close(gsl_vector_get(net->a[1], 1), 0.25, TOL, "a^1_1 = 1/4");
  tap_close(gsl_vector_get(net->z[2], 0), ln3, TOL, "z^2_0 = ln 3");
  tap_close(gsl_vector_get(out, 0), 0.75, TOL, "output a^2_0 = 3/4");
  tap_ok(out == net->a[2], "the output returned is net->a[L], L = 2");
  tap_ok(gsl_vector_equal(net->a[0], x), "a^0 holds the input x");
  gsl_vector_free(x);
  network_free(net);
}

/* A new network has every weight and bias 0, so each neuron's z is 0
 * and its output sigma(0) = 1/2. */
static void
test_zero(void)
{
  const size_t sizes[] = { 3, 4, 2 };
  struct network *net = network_alloc(sizes, 3);
  gsl_vector *x = gsl_vector_alloc(3);

  gsl_vector_set_all(x, 7);
  const gsl_vector *out = network_feedforward(net, x);
  tap_ok(gsl_vector_get(out, 0) == 0.5 && gsl_vector_get(out, 1) == 0.5,
         "a new [3,4,2] network outputs (1/2, 1/2): got (%g, %g)",
         gsl_vector_get(out, 0), gsl_vector_get(out, 1));
  gsl_vector_free(x);
  network_free(net);
}

/* The shapes of [784,30,10]: w^l is sizes[l] x sizes[l-1]; layer 0 has
 * no weights, biases or z; 30 x 784 + 30 + 10 x 30 + 10 = 23860. */
static void
test_shape(void)
{
  const size_t sizes[] = { 784, 30, 10 };
  struct network *net = network_alloc(sizes, 3);

  tap_ok(net->w[0] == NULL && net->b[0] == NULL && net->z[0] == NULL,
         "w[0], b[0] and z[0] are NULL: layer 0 has no weights");
  tap_ok(net->a[0] != NULL && net->a[0]->size == 784,
         "a[0] holds the 784 inputs");
  tap_ok(net->w[1]->size1 == 30 && net->w[1]->size2 == 784
         && net->b[1]->size == 30,
         "w^1 is 30 x 784 (got %zu x %zu), b^1 has 30 (got %zu)",
         net->w[1]->size1, net->w[1]->size2, net->b[1]->size);
  tap_ok(net->w[2]->size1 == 10 && net->w[2]->size2 == 30
         && net->b[2]->size == 10,
         "w^2 is 10 x 30 (got %zu x %zu), b^2 has 10 (got %zu)",
         net->w[2]->size1, net->w[2]->size2, net->b[2]->size);
  tap_equal((long) network_num_parameters(net), 23860,
            "parameters of [784,30,10]");
  network_free(net);
}

/* True when A and B hold the same weights and biases. */
static bool
same_parameters(const struct network *a, const struct network *b)
{
  for (size_t l = 1; l < a->num_layers; l++)  /* l = 1..L */
    if (!gsl_matrix_equal(a->w[l], b->w[l])
        || !gsl_vector_equal(a->b[l], b->b[l]))
      return false;
  return true;
}

/* A fresh network of SIZES initialised from a generator seeded SEED. */
static struct network *
seeded(const size_t *sizes, unsigned long seed)
{
  struct network *net = network_alloc(sizes, 3);
  gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);

  gsl_rng_set(r, seed);
  network_init_gaussian(net, r);
  gsl_rng_free(r);
  return net;
}

/* The same seed gives the same network, another seed another one; the
 * 23860 numbers look like draws from N(0, 1).  Their mean has standard
 * deviation 1 / sqrt(23860) = 0.0065 and their variance about
 * sqrt(2 / 23860) = 0.0092, so 0.05 is more than five of those. */
static void
test_gaussian(void)
{
  const size_t sizes[] = { 784, 30, 10 };
  struct network *a = seeded(sizes, 42), *b = seeded(sizes, 42);
  struct network *c = seeded(sizes, 43);
  double sum = 0, sum2 = 0;
  size_t n = 0;

  tap_ok(same_parameters(a, b), "seed 42 twice gives the same network");
  tap_ok(!same_parameters(a, c), "seeds 42 and 43 give different networks");
  for (size_t l = 1; l < a->num_layers; l++) {  /* l = 1..L */
    for (size_t j = 0; j < a->sizes[l]; j++) {
      for (size_t k = 0; k < a->sizes[l - 1]; k++) {
        double w = gsl_matrix_get(a->w[l], j, k);
        sum += w;
        sum2 += w * w;
        n++;
      }
      sum += gsl_vector_get(a->b[l], j);
      sum2 += gsl_vector_get(a->b[l], j) * gsl_vector_get(a->b[l], j);
      n++;
    }
  }
  double mean = sum / (double) n;
  tap_close(mean, 0, 0.05, "mean of the 23860 initial parameters");
  tap_close(sum2 / (double) n - mean * mean, 1, 0.05,
            "variance of the 23860 initial parameters");
  network_free(a);
  network_free(b);
  network_free(c);
}

/* network_memcpy copies every parameter; network_is_finite sees a NaN
 * or an infinity anywhere. */
static void
test_copy_and_finite(void)
{
  const size_t sizes[] = { 784, 30, 10 };
  struct network *a = seeded(sizes, 7);
  struct network *b = network_alloc(sizes, 3);

  network_memcpy(b, a);
  tap_ok(same_parameters(a, b), "network_memcpy copies w and b");
  tap_ok(network_is_finite(a), "a Gaussian network is finite");
  gsl_matrix_set(a->w[2], 9, 29, NAN);
  tap_ok(!network_is_finite(a), "a NaN in w^2 (last element) is seen");
  gsl_matrix_set(a->w[2], 9, 29, 0);
  gsl_vector_set(a->b[1], 0, INFINITY);
  tap_ok(!network_is_finite(a), "an infinity in b^1 (first element) is "
         "seen");
  network_free(a);
  network_free(b);
}

int
main(int argc, char **argv)
{
  (void) argc;
  program_init(argv[0]);
  tap_plan(22);
  test_by_hand();
  test_zero();
  test_shape();
  test_gaussian();
  test_copy_and_finite();
  return tap_done();
}
