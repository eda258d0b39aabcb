/* minibatch.h -- a whole mini-batch as one matrix (chapter 6).
 *
 * The m examples of a mini-batch become the m columns of one matrix,
 * X = A^0 (sizes[0] x m), and every layer works on all of them at once.
 * With layers numbered from 0, L the output layer, and 1 the column of
 * m ones:
 *
 *   Z^l = w^l A^{l-1} + b^l 1^T,   A^l = sigma(Z^l),       l = 1..L
 *   (BP1) Delta^L = (A^L - Y) .* sigma'(Z^L)
 *   (BP2) Delta^l = ((w^{l+1})^T Delta^{l+1}) .* sigma'(Z^l), l = L-1..1
 *   (BP3) nabla_b^l = Delta^l 1
 *   (BP4) nabla_w^l = Delta^l (A^{l-1})^T
 *
 * Z^l, A^l and Delta^l are sizes[l] x m; column i of each is the z^l,
 * a^l and delta^l of example i in chapter 4.  nabla_w^l and nabla_b^l
 * are the SUMS over the mini-batch of chapter 4's dC_x/dw^l and
 * dC_x/db^l.  The text is chapters/06-matrix-minibatch/README.md.
 *
 * Three hooks let the later chapters change what is learnt without
 * copying this file; by default they give exactly the training above.
 *   - mb->cost, a struct minibatch_cost: the cost C_x, its value, its
 *     (BP1), and the output layer's activation that (BP1) is derived
 *     for (chapter 7's cross-entropy, chapter 10's softmax).  Default:
 *     &minibatch_quadratic, the quadratic cost on sigmoid outputs.
 *   - mb->penalty and mb->lambda, a struct minibatch_penalty: a term
 *     (lambda/n) R(w) added to the cost, and with it to the step
 *     (chapter 8's weight decay).  Default: NULL, no penalty.
 *   - minibatch_bp3() and minibatch_bp4() compute the gradient of one
 *     layer into any matrix, scaled and added, so that another kind of
 *     step (one with a velocity, say) can be built from them.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#ifndef NNC_MINIBATCH_H
#define NNC_MINIBATCH_H

#include <stdbool.h>
#include <stddef.h>

#include <gsl/gsl_matrix.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_vector.h>

#include "gradient.h"
#include "mnist.h"
#include "model.h"
#include "network.h"

/* ------------------------------------------------------------------ */
/* The hooks: output layer, cost, penalty                              */

/* The activation function of the output layer L: A^L = f(Z^L), both
 * sizes[L] x m.  It may mix the elements of a column (softmax does),
 * never two columns. */
struct minibatch_output {
  const char *name;   /* "sigmoid", as model files name it */
  void (*activate)(gsl_matrix *a, const gsl_matrix *z);
};

/* A cost C_x of one example and its (BP1), written for one output
 * layer: Delta^L = nabla_a C_x .* f'(Z^L) simplifies differently for
 * each f, so a cost names the output layer it is derived for, and
 * choosing the cost chooses the output layer.  Z, A, Y and DELTA are
 * sizes[L] x m, one column per example. */
struct minibatch_cost {
  const char *name;                        /* "quadratic", as model
                                            * files and --cost name it */
  const struct minibatch_output *output;   /* f of layer L */
  /* The SUM over the m columns of C_x, for outputs A = f(Z) and
   * targets Y.  Z is there so that a cost may be computed from it
   * where A has lost precision, as near a = 0 or a = 1. */
  double (*fn)(const gsl_matrix *z, const gsl_matrix *a,
               const gsl_matrix *y);
  /* (BP1) DELTA = dC_x/dz^L for every column. */
  void (*delta)(const gsl_matrix *z, const gsl_matrix *a,
                const gsl_matrix *y, gsl_matrix *delta);
};

/* A penalty R(w) on the weights, added to the cost as
 * (lambda/n) sum_l R(w^l), n the training examples; biases are not
 * penalised.  Its gradient (lambda/n) dR/dw^l joins the step. */
struct minibatch_penalty {
  const char *name;                        /* "l2", "l1" */
  double (*fn)(const gsl_matrix *w);       /* R(w^l) of one layer */
  /* Takes W = w^l its part of a step, w^l -= RATE dR/dw^l with
   * RATE = eta lambda / n, and returns the factor beta by which the
   * (BP4) step must then scale w^l: a penalty may take its part
   * itself and return 1, or leave W as it is and return a factor,
   * when its part is a multiple of w^l. */
  double (*step)(gsl_matrix *w, double rate);
};

/* f(z) = sigma(z), element by element: chapter 1's sigmoid(). */
extern const struct minibatch_output minibatch_sigmoid;

/* C_x = 1/2 ||y - a||^2 (chapter 3's cost_quadratic()) on sigmoid
 * outputs, with (BP1) Delta^L = (A^L - Y) .* sigma'(Z^L). */
extern const struct minibatch_cost minibatch_quadratic;

/* ------------------------------------------------------------------ */
/* The mini-batch                                                      */

/* The matrices of one mini-batch, allocated once for at most CAPACITY
 * examples and reused for every mini-batch, so that training allocates
 * nothing per batch.  A mini-batch of m <= capacity examples uses the
 * first m columns of each matrix. */
struct minibatch {
  size_t num_layers;   /* L + 1, as in the network */
  size_t capacity;     /* the most columns a mini-batch may have */
  size_t m;            /* columns in use: the current mini-batch size */
  gsl_matrix **a;      /* a[0..L], sizes[l] x capacity: A^l; A^0 = X */
  gsl_matrix **z;      /* z[1..L], sizes[l] x capacity: Z^l; z[0] NULL */
  gsl_matrix **delta;  /* delta[1..L], sizes[l] x capacity; [0] NULL */
  gsl_matrix *y;       /* sizes[L] x capacity: one-hot targets Y */
  gsl_vector *ones;    /* capacity ones: the vector 1 */
  size_t *order;       /* order[0..n-1], the shuffled example indices */
  size_t n;            /* training examples, the length of order */
  size_t *rows;        /* rows[0..capacity-1]: examples to evaluate */
  const unsigned char **image;  /* image[0..capacity-1]: the bytes of
                                 * the examples being loaded */
  double pixel[256];   /* pixel[v] = v / 255.0, as mnist_image() has
                        * it: loading then divides nothing */
  /* The hooks, set by minibatch_alloc() to chapter 6's training and
   * changed by the caller before use: */
  const struct minibatch_cost *cost;        /* &minibatch_quadratic */
  const struct minibatch_penalty *penalty;  /* NULL: none */
  double lambda;       /* the penalty's weight, >= 0; 0 */
};

/* Allocates the matrices for mini-batches of up to CAPACITY examples
 * through networks shaped like NET, and an order of N examples (N may
 * be 0 when only minibatch_evaluate_count() is used).  N is also the n
 * of a penalty's weight lambda/n, so it must be the number of training
 * examples when mb->penalty is set. */
struct minibatch *minibatch_alloc(const struct network *net,
                                  size_t capacity, size_t n);

/* Frees MB; NULL is allowed. */
void minibatch_free(struct minibatch *mb);

/* Gathers the M examples DATA rows BATCH[0..M-1] (M <= capacity) into
 * the columns of X = A^0 (pixels in [0, 1], as mnist_image() gives
 * them) and of the targets Y (one-hot), and sets mb->m = M. */
void minibatch_load(struct minibatch *mb, const struct dataset *data,
                    const size_t *batch, size_t m);

/* Feeds the loaded X forward through NET, l = 1..L, filling Z^l and
 * A^l; A^L (sizes[L] x m) holds the outputs, one column per example.
 * Layers 1..L-1 are sigmoid; layer L is mb->cost->output. */
void minibatch_feedforward(struct minibatch *mb, const struct network *net);

/* Loads examples FIRST..FIRST+M-1 of DATA (M <= capacity), in order,
 * and feeds them forward: column i of A^L is then the output for
 * example FIRST + i, and column i of Y its target.  For evaluating a
 * data set a mini-batch of columns at a time. */
void minibatch_feed_rows(struct minibatch *mb, const struct network *net,
                         const struct dataset *data, size_t first,
                         size_t m);

/* After minibatch_feedforward(), fills Delta^l for l = L down to 1 by
 * (BP1), the cost's mb->cost->delta, and (BP2), for the loaded
 * targets Y. */
void minibatch_backprop(struct minibatch *mb, const struct network *net);

/* After minibatch_backprop(), for one layer l = 1..L:
 *   (BP3) NABLA_B = ALPHA Delta^l 1 + BETA NABLA_B
 *   (BP4) NABLA_W = ALPHA Delta^l (A^{l-1})^T + BETA NABLA_W
 * with NABLA_B of sizes[l] and NABLA_W sizes[l] x sizes[l-1]: the
 * gradient summed over the mini-batch when ALPHA = 1 and BETA = 0, a
 * step of gradient descent when ALPHA = -eta/m, BETA = 1 and they are
 * b^l and w^l themselves. */
void minibatch_bp3(const struct minibatch *mb, size_t l, double alpha,
                   double beta, gsl_vector *nabla_b);
void minibatch_bp4(const struct minibatch *mb, size_t l, double alpha,
                   double beta, gsl_matrix *nabla_w);

/* After minibatch_backprop(), writes into G the gradient of the cost
 * summed over the mini-batch: (BP3) and (BP4) for l = 1..L, without
 * any penalty.  G is overwritten, not added to.  Training does not need
 * this (minibatch_step() folds it into the step); it is here for the
 * tests and the text. */
void minibatch_gradient(const struct minibatch *mb,
                        const struct network *net, struct gradient *g);

/* After minibatch_backprop(), takes one step of gradient descent,
 * w^l -= (eta / m) nabla_w^l and b^l -= (eta / m) nabla_b^l for
 * l = 1..L, with (BP4) and (BP3) computed straight into w^l and b^l.
 * With a penalty, w^l first takes its part of the step,
 * w^l -= (eta lambda / n) dR/dw^l (biases are not penalised). */
void minibatch_step(const struct minibatch *mb, struct network *net,
                    double eta);

/* One gradient-descent step on the M examples DATA rows BATCH[0..M-1]:
 * load, feedforward, backprop, step.  Computes what chapter 5's
 * sgd_update_mini_batch() computes, up to rounding. */
void minibatch_update(struct minibatch *mb, struct network *net,
                      const struct dataset *data,
                      const size_t *batch, size_t m, double eta);

/* One epoch over the mb->n examples of DATA: shuffles them with R, then
 * steps once per mini-batch of M (the last one smaller when M does not
 * divide n).  Uses R as chapter 5's sgd_epoch() does, so one seed gives
 * both the same mini-batches. */
void minibatch_epoch(struct minibatch *mb, struct network *net,
                     const struct dataset *data, size_t m, double eta,
                     gsl_rng *r);

/* The number of examples of DATA whose label is the argmax of NET's
 * output, as chapter 3's evaluate_count() counts them, but fed forward
 * mb->capacity examples at a time. */
size_t minibatch_evaluate_count(struct minibatch *mb,
                                const struct network *net,
                                const struct dataset *data);

/* The same count; and, when COST_SUM is not NULL, the sum over the
 * examples of DATA of their cost C_x, by mb->cost->fn, stored in
 * *COST_SUM: both from one feedforward of each example. */
size_t minibatch_evaluate(struct minibatch *mb, const struct network *net,
                          const struct dataset *data, double *cost_sum);

/* True when (BP1) gives Delta^L = 0 exactly on every example of DATA,
 * so that by (BP2) to (BP4) every gradient is 0 and training can no
 * longer change NET (but for a penalty's decay).  For the quadratic
 * cost this is chapter 5's sgd_is_stuck(), every output neuron
 * saturated, sigma'(z^L_j) = 0 to double precision (or a = y exactly);
 * for a cost whose (BP1) has no sigma'(z^L), such as the
 * cross-entropy, saturation does not stop learning and this is all but
 * never true.  Fed forward mb->capacity examples at a time. */
bool minibatch_is_stuck(struct minibatch *mb, const struct network *net,
                        const struct dataset *data);

/* Ends the program with one line on stderr if the epoch EPOCH just
 * trained has left NET unable to learn: a weight or bias that is no
 * longer a finite number, or minibatch_is_stuck() on TRAINING.  Both
 * messages name the epoch and suggest a smaller --eta. */
void minibatch_check_divergence(struct minibatch *mb,
                                const struct network *net,
                                const struct dataset *training,
                                size_t epoch);

/* NET, trained by mb->cost, as a model for src/savemodel.h's --save:
 * its sizes and arrays themselves, not copies, and the names of the
 * cost and of its output layer; no training options yet. */
struct model minibatch_model(const struct minibatch *mb,
                             const struct network *net);

#endif /* NNC_MINIBATCH_H */
