/* main.c -- chapter 2's program: an untrained network, its weights and
 * biases drawn at random, reads MNIST's test digits.  It prints the
 * output vector a^L for the first few images, then how many of the
 * 10,000 it reads right: about one in ten, as good as a guess.
 *
 * Text: chapters/02-feedforward/README.md.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include <gsl/gsl_rng.h>
#include <gsl/gsl_vector.h>

#include "mnist.h"
#include "network.h"
#include "options.h"
#include "program.h"

static const struct options_program program = {
  "Feed MNIST's test digits through a network with random weights and\n"
  "biases: print its output for the first images, and how many of all "
  "the\ntest images it reads right.",
  OPTIONS_DATA | OPTIONS_SIZES | OPTIONS_SEED
};

/* How many images are shown one by one. */
#define SHOWN 5

/* The network's answer: the digit whose output neuron is the most
 * active, the first one on a tie.  Chapter 3 makes this
 * evaluate_argmax(). */
static size_t
answer(const gsl_vector *a)
{
  return gsl_vector_max_index(a);
}

/* One line per shown image: its label, a^L and the answer. */
static void
show(struct network *net, const struct dataset *test, gsl_vector *x)
{
  size_t L = net->num_layers - 1;

  printf("%12s output a^L of neurons j = 0..%zu\n", "",
         net->sizes[L] - 1);
  printf("image label ");
  for (size_t j = 0; j < net->sizes[L]; j++)
    printf(" %5zu", j);
  printf(" answer\n");
  for (size_t i = 0; i < SHOWN && i < test->n; i++) {
    mnist_image(test, i, x);
    const gsl_vector *a = network_feedforward(net, x);

    printf("%5zu %5u ", i, test->y[i]);
    for (size_t j = 0; j < a->size; j++)
      printf(" %5.3f", gsl_vector_get(a, j));
    printf(" %6zu\n", answer(a));
  }
}

/* Counts the test images read right, and which answers were given. */
static void
count(struct network *net, const struct dataset *test, gsl_vector *x)
{
  size_t right = 0, answers[MNIST_CLASSES] = { 0 };

  for (size_t i = 0; i < test->n; i++) {
    mnist_image(test, i, x);
    size_t d = answer(network_feedforward(net, x));

    answers[d]++;
    right += d == test->y[i];
  }
  printf("\nAnswers given, by digit:");
  for (size_t d = 0; d < MNIST_CLASSES; d++)
    printf(" %zu", answers[d]);
  printf("\nTest images read right: %zu / %zu (%.2f%%)\n", right, test->n,
         100.0 * (double) right / (double) test->n);
}

int
main(int argc, char **argv)
{
  struct options opts = {
    .data = "data/mnist", .sizes = { 784, 30, 10 }, .num_layers = 3,
    .seed = 1
  };
  struct dataset test;
  char sizes[128];

  program_init(argv[0]);
  options_parse(argc, argv, &opts, &program);
  options_check_mnist_sizes(&opts);
  mnist_load(opts.data, NULL, NULL, &test);

  gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
  gsl_rng_set(r, opts.seed);
  struct network *net = network_alloc(opts.sizes, opts.num_layers);
  network_init_gaussian(net, r);
  gsl_vector *x = gsl_vector_alloc(MNIST_PIXELS);

  options_format_sizes(opts.sizes, opts.num_layers, sizes, sizeof sizes);
  printf("Test images: %zu of %d x %d = %d pixels\n", test.n, MNIST_ROWS,
         MNIST_COLS, MNIST_PIXELS);
  printf("Network [%s]: %zu weights and biases drawn from N(0, 1), "
         "seed %lu\n\n", sizes, network_num_parameters(net), opts.seed);
  show(net, &test, x);
  count(net, &test, x);

  gsl_vector_free(x);
  network_free(net);
  gsl_rng_free(r);
  mnist_free(&test);
  return EXIT_SUCCESS;
}
