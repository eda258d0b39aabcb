/* test-05-sgd.c -- mini-batch stochastic gradient descent learns.
 *
 * On a made-up problem with MNIST's shape (784-pixel images, digit
 * labels) whose three classes differ in where the ink is: one SGD step
 * with a small eta lowers its mini-batch's cost; an epoch visits every
 * example once; a few epochs read every image right, training and
 * fresh ones; the same seed gives the same weights, another seed other
 * weights; and sgd_is_stuck() tells a saturated network from one that
 * learns.  No MNIST is needed.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <stdbool.h>
#include <string.h>


#include <gsl/gsl_rng.h>

#include "cost.h"
#include "evaluate.h"
#include "mnist.h"
#include "network.h"
#include "program.h"
#include "sgd.h"
#include "tap.h"

static const size_t SIZES[] = { MNIST_PIXELS, 30, MNIST_CLASSES };
#define NUM_LAYERS 3

/* The problem: class c, labelled LABELS[c], is a horizontal bar of ink
 * 4 rows high and 12 columns wide whose top row is BAR_TOP[c] or the
 * row below, at random; each ink pixel has a random shade. */
static const unsigned char LABELS[] = { 1, 4, 7 };
static const size_t BAR_TOP[] = { 4, 12, 20 };
#define CLASSES (sizeof LABELS / sizeof LABELS[0])

/* With N(0, 1) weights an output neuron can start saturated and learn
 * slowly; for a few seeds in a hundred one class is still unlearned
 * after these epochs.  The seeds below are fixed, and they learn. */
#define TRAINING 1000
#define FRESH 300
#define EPOCHS 10
#define BATCH 10
#define ETA 3.0

/* N images of the problem, classes drawn at random from R. */
static struct dataset
bars(gsl_rng *r, size_t n)
{
  struct dataset set = { n, gsl_matrix_uchar_calloc(n, MNIST_PIXELS),
                         program_calloc(n, 1) };

  for (size_t i = 0; i < n; i++) {
    size_t c = gsl_rng_uniform_int(r, CLASSES);
    size_t top = BAR_TOP[c] + gsl_rng_uniform_int(r, 2);

    for (size_t row = top; row < top + 4; row++)
      for (size_t col = 8; col < 20; col++)
        gsl_matrix_uchar_set(set.x, i, row * MNIST_COLS + col,
                             (unsigned char)
                             (128 + gsl_rng_uniform_int(r, 128)));
    set.y[i] = LABELS[c];
  }
  return set;
}

/* A network of SIZES with N(0, 1) parameters from a generator seeded
 * with SEED, trained for EPOCHS epochs on DATA with the same
 * generator's shuffles.  The caller frees it. */
static struct network *
trained(unsigned long seed, const struct dataset *data, size_t epochs,
        double eta)
{
  gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
  struct network *net = network_alloc(SIZES, NUM_LAYERS);
  struct sgd *s = sgd_alloc(net, data->n);

  gsl_rng_set(r, seed);
  network_init_gaussian(net, r);
  for (size_t e = 0; e < epochs; e++)
    sgd_epoch(s, net, data, BATCH, eta, r);
  sgd_free(s);
  gsl_rng_free(r);
  return net;
}

/* True when A and B have bit for bit the same weights and biases. */
static bool
same_parameters(const struct network *a, const struct network *b)
{
  for (size_t l = 1; l < a->num_layers; l++) {  /* l = 1..L */
    const gsl_matrix *wa = a->w[l], *wb = b->w[l];

    if (memcmp(wa->data, wb->data, wa->size1 * wa->size2 * sizeof (double))
        || memcmp(a->b[l]->data, b->b[l]->data,
                  a->b[l]->size * sizeof (double)))
      return false;
  }
  return true;
}

/* One step with a small eta lowers the cost of its own mini-batch. */
static void
check_one_step(gsl_rng *r)
{
  struct dataset batch = bars(r, BATCH);
  struct network *net = network_alloc(SIZES, NUM_LAYERS);
  struct sgd *s = sgd_alloc(net, batch.n);
  size_t rows[BATCH];
  double before, after;

  for (size_t i = 0; i < BATCH; i++)
    rows[i] = i;
  network_init_gaussian(net, r);
  before = cost_total(net, &batch);
  sgd_update_mini_batch(s, net, &batch, rows, BATCH, 0.1);
  after = cost_total(net, &batch);
  tap_ok(after < before, "one step with eta = 0.1 lowers the cost of "
         "its mini-batch of %d: %.6f -> %.6f", BATCH, before, after);

  sgd_free(s);
  network_free(net);
  mnist_free(&batch);
}

/* After an epoch, the order visited holds every example once. */
static void
check_epoch_order(gsl_rng *r)
{
  struct dataset data = bars(r, 25);
  struct network *net = network_alloc(SIZES, NUM_LAYERS);
  struct sgd *s = sgd_alloc(net, data.n);
  size_t seen[25] = { 0 }, moved = 0;
  bool once = true;

  network_init_gaussian(net, r);
  sgd_epoch(s, net, &data, BATCH, ETA, r);
  for (size_t i = 0; i < data.n; i++) {
    seen[s->order[i]]++;
    moved += s->order[i] != i;
  }
  for (size_t i = 0; i < data.n; i++)
    once = once && seen[i] == 1;
  tap_ok(once && moved > 0, "an epoch of 25 examples in mini-batches of "
         "%d visits each example once, shuffled (%zu of 25 moved)",
         BATCH, moved);

  sgd_free(s);
  network_free(net);
  mnist_free(&data);
}

int
main(int argc, char **argv)
{
  gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);

  (void) argc;
  program_init(argv[0]);
  gsl_rng_set(r, 1);
  tap_plan(9);

  check_one_step(r);
  check_epoch_order(r);

  struct dataset training = bars(r, TRAINING), fresh = bars(r, FRESH);
  struct network *net = trained(1, &training, EPOCHS, ETA);
  struct network *again = trained(1, &training, EPOCHS, ETA);
  struct network *other = trained(2, &training, EPOCHS, ETA);
  size_t right;

  right = evaluate_count(net, &training);
  tap_ok(right == TRAINING, "%d epochs on %d bar images: %zu / %d of "
         "them read right (want all)", EPOCHS, TRAINING, right, TRAINING);
  right = evaluate_count(net, &fresh);
  tap_ok(right == FRESH, "and %zu / %d fresh bar images (want all)",
         right, FRESH);
  right = evaluate_count(other, &fresh);
  tap_ok(right == FRESH, "with seed 2: %zu / %d fresh bar images (want "
         "all)", right, FRESH);
  tap_ok(same_parameters(net, again), "the same seed gives bit for bit "
         "the same weights and biases");
  tap_ok(!same_parameters(net, other), "another seed gives other weights "
         "and biases");

  /* Output biases of +-1000 put every z^L_j beyond where sigma' is
   * 0 in double precision: |w^L a^{L-1}| is at most a few dozen. */
  struct sgd *s = sgd_alloc(net, training.n);
  tap_ok(!sgd_is_stuck(s, net, &training), "a trained network is not "
         "stuck");
  for (size_t j = 0; j < MNIST_CLASSES; j++)
    gsl_vector_set(net->b[NUM_LAYERS - 1], j, j % 2 ? 1e3 : -1e3);
  tap_ok(sgd_is_stuck(s, net, &training), "with output biases of "
         "+-1000 every output neuron is saturated: stuck");
  sgd_free(s);

  network_free(other);
  network_free(again);
  network_free(net);
  mnist_free(&fresh);
  mnist_free(&training);
  gsl_rng_free(r);
  return tap_done();
}
