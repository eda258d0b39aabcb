/* main.c -- chapter 1's program: one neuron computing NAND, first as a
 * perceptron, then as a sigmoid neuron, and what a small change in its
 * bias does to each; then sigma and sigma' at a few points.
 *
 * Text: chapters/01-sigmoid-neuron/README.md.  No data is needed.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include <gsl/gsl_vector.h>

#include "options.h"
#include "program.h"
#include "sigmoid.h"

static const struct options_program program = {
  "Show a perceptron and a sigmoid neuron computing NAND, how a small\n"
  "change in the bias moves each, and sigma and sigma' at a few points.",
  0
};

/* The NAND neuron: weights -2, -2 and bias 3. */
#define NAND_W1 (-2.0)
#define NAND_W2 (-2.0)
#define NAND_B 3.0

/* The truth table of both neurons, for the four inputs x in {0,1}^2. */
static void
print_nand(const gsl_vector *w, gsl_vector *x)
{
  printf("NAND with weights %g, %g and bias %g\n", NAND_W1, NAND_W2, NAND_B);
  printf("x1 x2     z  perceptron  sigmoid neuron\n");
  for (int x1 = 0; x1 <= 1; x1++)
    for (int x2 = 0; x2 <= 1; x2++) {
      gsl_vector_set(x, 0, x1);
      gsl_vector_set(x, 1, x2);
      printf("%2d %2d %5g %11d %15.4f\n", x1, x2,
             NAND_W1 * x1 + NAND_W2 * x2 + NAND_B,
             perceptron(w, NAND_B, x), sigmoid_neuron(w, NAND_B, x));
    }
}

/* Input (1, 1), bias raised from 3.90 to 4.10 in steps of 0.05: z
 * crosses 0, where the perceptron jumps and sigma only passes 0.5. */
static void
print_nudges(const gsl_vector *w, gsl_vector *x)
{
  double previous = 0;

  gsl_vector_set(x, 0, 1);
  gsl_vector_set(x, 1, 1);
  printf("\nInput 1 1, the bias raised from 3.90 to 4.10 in steps of "
         "0.05\n");
  printf("   b      z  perceptron  sigmoid neuron  change\n");
  for (int i = 0; i <= 4; i++) {
    /* Hundredths counted as integers, so that b = 4 exactly. */
    double b = (390 + 5 * i) / 100.0;
    double out = sigmoid_neuron(w, b, x);

    printf("%4.2f %6.2f %11d %15.4f", b, NAND_W1 + NAND_W2 + b,
           perceptron(w, b, x), out);
    if (i > 0)
      printf(" %+7.4f", out - previous);
    printf("\n");
    previous = out;
  }
}

/* sigma and sigma' at a few points, computed a vector at a time. */
static void
print_sigma(void)
{
  static const double points[] = { -1000, -5, -2, -1, 0, 1, 2, 5, 1000 };
  const size_t n = sizeof points / sizeof points[0];
  gsl_vector_const_view z = gsl_vector_const_view_array(points, n);
  gsl_vector *s = gsl_vector_alloc(n);
  gsl_vector *sp = gsl_vector_alloc(n);

  gsl_vector_memcpy(s, &z.vector);
  sigmoid_vector(s);
  gsl_vector_memcpy(sp, &z.vector);
  sigmoid_prime_vector(sp);
  printf("\n    z  sigma(z)  sigma'(z)\n");
  for (size_t i = 0; i < n; i++)
    printf("%5g  %8.6f  %9.6f\n", points[i], gsl_vector_get(s, i),
           gsl_vector_get(sp, i));
  gsl_vector_free(s);
  gsl_vector_free(sp);
}

int
main(int argc, char **argv)
{
  struct options opts = { 0 };

  program_init(argv[0]);
  options_parse(argc, argv, &opts, &program);

  gsl_vector *w = gsl_vector_alloc(2);
  gsl_vector *x = gsl_vector_alloc(2);

  gsl_vector_set(w, 0, NAND_W1);
  gsl_vector_set(w, 1, NAND_W2);
  print_nand(w, x);
  print_nudges(w, x);
  print_sigma();

  gsl_vector_free(w);
  gsl_vector_free(x);
  return EXIT_SUCCESS;
}
