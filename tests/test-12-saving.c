/* test-12-saving.c -- chapter 12: a network saved and loaded back is
 * the same network, bit for bit, and so reads every image the same;
 * and a test digit written out as a picture, light on dark or dark on
 * light, is read as the network reads the original.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_matrix.h>
#include <gsl/gsl_rng.h>

#include "crossentropy.h"
#include "digit.h"
#include "evaluate.h"
#include "initialization.h"
#include "loadmodel.h"
#include "minibatch.h"
#include "mnist.h"
#include "model.h"
#include "momentum.h"
#include "network.h"
#include "program.h"
#include "regularization.h"
#include "scratch.h"
#include "softmax.h"
#include "tap.h"

#include <stb_image_write.h>

#define SYNTHETIC 500     /* made-up training and test images */
#define PICTURES 10       /* test digits written out as PNG */

/* A set of N random images, about a fifth of their pixels ink, with
 * random labels. */
static void
make_set(struct dataset *set, size_t n, gsl_rng *r)
{
  set->n = n;
  set->x = gsl_matrix_uchar_alloc(n, MNIST_PIXELS);
  set->y = program_calloc(n, 1);
  for (size_t i = 0; i < n; i++) {
    for (size_t k = 0; k < MNIST_PIXELS; k++)
      gsl_matrix_uchar_set(set->x, i, k,
                           gsl_rng_uniform(r) < 0.2
                           ? (unsigned char) gsl_rng_uniform_int(r, 256)
                           : 0);
    set->y[i] = (unsigned char) gsl_rng_uniform_int(r, MNIST_CLASSES);
  }
}

/* Trains [784,30,10] for 2 epochs of momentum on TRAINING with COST
 * and an L2 penalty: a network whose weights are no longer the round
 * numbers of a fresh start. */
static struct network *
train(const struct dataset *training, const struct minibatch_cost *cost,
      gsl_rng *r)
{
  size_t sizes[] = { MNIST_PIXELS, 30, MNIST_CLASSES };
  struct network *net = network_alloc(sizes, 3);
  initialization_scaled(net, r);
  struct minibatch *mb = minibatch_alloc(net, 10, training->n);
  struct momentum *v = momentum_alloc(net);

  mb->cost = cost;
  mb->penalty = &regularization_l2;
  mb->lambda = 1.0;
  for (int epoch = 0; epoch < 2; epoch++)
    momentum_epoch(v, mb, net, training, 10, 0.1, 0.5, r);
  momentum_free(v);
  minibatch_free(mb);
  return net;
}

/* Saves NET with COST to PATH; true on success. */
static bool
save(const struct network *net, const struct minibatch_cost *cost,
     const char *path)
{
  struct model m = { .num_layers = net->num_layers, .sizes = net->sizes,
                     .w = net->w, .b = net->b };
  char err[512];

  snprintf(m.cost, sizeof m.cost, "%s", cost->name);
  snprintf(m.output, sizeof m.output, "%s", cost->output->name);
  if (model_save(&m, path, false, err, sizeof err) != MODEL_OK) {
    tap_diag("model_save: %s", err);
    return false;
  }
  return true;
}

/* The number of weights and biases of A and B that differ in any bit;
 * A and B have the same sizes. */
static size_t
bits_differing(const struct network *a, const struct network *b)
{
  size_t differ = 0;

  for (size_t l = 1; l < a->num_layers; l++) {   /* l = 1..L */
    for (size_t j = 0; j < a->sizes[l]; j++) {
      double ab = gsl_vector_get(a->b[l], j), bb = gsl_vector_get(b->b[l], j);

      differ += memcmp(&ab, &bb, sizeof ab) != 0;
      for (size_t k = 0; k < a->sizes[l - 1]; k++) {
        double aw = gsl_matrix_get(a->w[l], j, k);
        double bw = gsl_matrix_get(b->w[l], j, k);

        differ += memcmp(&aw, &bw, sizeof aw) != 0;
      }
    }
  }
  return differ;
}

/* The examples of DATA whose output activations, all ten, differ in
 * any bit between A and B (same sizes, same output layer COST); the
 * digits read, argmax of the outputs, are stored in READ_A and READ_B. */
static size_t
outputs_differing(const struct network *a, const struct network *b,
                  const struct minibatch_cost *cost,
                  const struct dataset *data,
                  unsigned char *read_a, unsigned char *read_b)
{
  struct minibatch *ma = minibatch_alloc(a, 100, 0);
  struct minibatch *mb = minibatch_alloc(b, 100, 0);
  size_t L = a->num_layers - 1, differ = 0;

  ma->cost = mb->cost = cost;
  for (size_t first = 0; first < data->n; first += 100) {
    size_t m = data->n - first < 100 ? data->n - first : 100;

    minibatch_feed_rows(ma, a, data, first, m);
    minibatch_feed_rows(mb, b, data, first, m);
    for (size_t i = 0; i < m; i++) {
      gsl_vector_const_view ca = gsl_matrix_const_column(ma->a[L], i);
      gsl_vector_const_view cb = gsl_matrix_const_column(mb->a[L], i);
      bool same = true;

      for (size_t j = 0; j <= 9; j++) {
        double x = gsl_vector_get(&ca.vector, j);
        double y = gsl_vector_get(&cb.vector, j);

        same = same && memcmp(&x, &y, sizeof x) == 0;
      }
      differ += !same;
      read_a[first + i] = (unsigned char) evaluate_argmax(&ca.vector);
      read_b[first + i] = (unsigned char) evaluate_argmax(&cb.vector);
    }
  }
  minibatch_free(ma);
  minibatch_free(mb);
  return differ;
}

/* Trains a network with COST on TRAINING, saves it, loads it back, and
 * checks parameters, cost and the outputs on TEST (4 checks). */
static void
check_round_trip(const char *what, const struct minibatch_cost *cost,
                 const struct dataset *training, const struct dataset *test,
                 const char *path, gsl_rng *r)
{
  struct network *net = train(training, cost, r);
  const struct minibatch_cost *loaded_cost = NULL;
  unsigned char *read_a = program_calloc(test->n, 1);
  unsigned char *read_b = program_calloc(test->n, 1);

  tap_ok(save(net, cost, path), "%s: the trained network is saved", what);
  struct network *back = loadmodel_read(path, &loaded_cost);
  tap_ok(loaded_cost == cost, "%s: the loaded model names the cost %s",
         what, cost->name);
  size_t differ = bits_differing(net, back);
  tap_ok(differ == 0, "%s: all %zu weights and biases come back bit for "
         "bit (%zu differ)", what, network_num_parameters(net), differ);
  differ = outputs_differing(net, back, cost, test, read_a, read_b);
  tap_ok(differ == 0 && memcmp(read_a, read_b, test->n) == 0,
         "%s: the %zu images give the same ten outputs, bit for bit, "
         "and the same digit, before saving and after loading (%zu "
         "differ)", what, test->n, differ);
  free(read_a);
  free(read_b);
  network_free(net);
  network_free(back);
}

/* The digit NET reads in the 784 BYTES, fed forward by MB. */
static size_t
read_bytes(struct minibatch *mb, const struct network *net,
           unsigned char *bytes)
{
  gsl_matrix_uchar_view x = gsl_matrix_uchar_view_array(bytes, 1,
                                                         MNIST_PIXELS);
  unsigned char label = 0;
  struct dataset one = { 1, &x.matrix, &label };

  minibatch_feed_rows(mb, net, &one, 0, 1);
  gsl_vector_const_view a =
    gsl_matrix_const_column(mb->a[net->num_layers - 1], 0);
  return evaluate_argmax(&a.vector);
}

/* Writes the first PICTURES test digits as 28 x 28 PNG files, light
 * on dark as MNIST has them and, inverted, dark on light as a person
 * draws; reads each back with digit_read() and checks that NET reads
 * it as it reads the original bytes (2 checks). */
static void
check_pictures(const struct network *net, const struct minibatch_cost *cost,
               const struct dataset *test)
{
  struct minibatch *mb = minibatch_alloc(net, 1, 0);
  size_t same[2] = { 0, 0 };
  char err[512];

  mb->cost = cost;
  for (size_t i = 0; i < PICTURES; i++) {
    unsigned char orig[MNIST_PIXELS], inverted[MNIST_PIXELS];
    unsigned char back[MNIST_PIXELS];
    const unsigned char *tiles[2] = { orig, inverted };

    memcpy(orig, gsl_matrix_uchar_const_ptr(test->x, i, 0), MNIST_PIXELS);
    for (size_t k = 0; k < MNIST_PIXELS; k++)
      inverted[k] = (unsigned char) (255 - orig[k]);
    size_t want = read_bytes(mb, net, orig);
    for (int t = 0; t < 2; t++) {
      const char *path = scratch_path(t == 0 ? "mnist.png" : "drawn.png");

      snprintf(err, sizeof err, "cannot write %s", path);
      if (!stbi_write_png(path, MNIST_COLS, MNIST_ROWS, 1, tiles[t],
                          MNIST_COLS)
          || digit_read(path, back, NULL, err, sizeof err) != 0) {
        tap_diag("test digit %zu: %s", i, err);
        continue;
      }
      size_t got = read_bytes(mb, net, back);
      same[t] += got == want;
      if (got != want)
        tap_diag("test digit %zu, %s: read %zu, original %zu", i,
                 t == 0 ? "light on dark" : "dark on light", got, want);
    }
  }
  tap_ok(same[0] == PICTURES, "%d test digits written as PNG, light on "
         "dark, are read as the originals (%zu are)", PICTURES, same[0]);
  tap_ok(same[1] == PICTURES, "%d test digits written as PNG, dark on "
         "light, are read as the originals (%zu are)", PICTURES, same[1]);
  minibatch_free(mb);
}

int
main(void)
{
  char mnist_buf[4096];
  const char *mnist_dir;
  struct dataset training, test;
  gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);

  program_init("test-12-saving");
  scratch_init("test-12-saving");
  mnist_dir = scratch_find_mnist(mnist_buf, sizeof mnist_buf);
  tap_plan(mnist_dir ? 18 : 8);

  /* Made-up data: the round trip needs no MNIST. */
  make_set(&training, SYNTHETIC, r);
  make_set(&test, SYNTHETIC, r);
  check_round_trip("made-up data, cross-entropy", &crossentropy_cost,
                   &training, &test, scratch_path("ce.json"), r);
  check_round_trip("made-up data, softmax", &softmax_log_likelihood,
                   &training, &test, scratch_path("softmax.json"), r);
  mnist_free(&training);
  mnist_free(&test);

  if (mnist_dir != NULL) {
    mnist_load(mnist_dir, &training, NULL, &test);
    mnist_truncate(&training, 2000);
    check_round_trip("MNIST, cross-entropy", &crossentropy_cost,
                     &training, &test, scratch_path("mnist-ce.json"), r);
    check_round_trip("MNIST, softmax", &softmax_log_likelihood,
                     &training, &test, scratch_path("mnist-sm.json"), r);

    const struct minibatch_cost *cost;
    struct network *net = loadmodel_read(scratch_path("mnist-ce.json"),
                                         &cost);
    check_pictures(net, cost, &test);
    network_free(net);
    mnist_free(&training);
    mnist_free(&test);
  }
  gsl_rng_free(r);
  return tap_done();
}
