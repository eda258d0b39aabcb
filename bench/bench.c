/* bench.c -- how fast chapters 5 and 6 train, and how far from the
 * machine's limit (make bench).
 *
 * For each case it trains a network for a few epochs and prints the
 * median seconds per epoch (training only, no evaluation), the
 * arithmetic rate that implies, and how that compares with the lower
 * bound set by the machine's own peak DGEMM rate, measured first with a
 * large square product through the same CBLAS.  It then splits one
 * chapter 6 epoch into its phases, and compares double with single
 * precision on the three products of one mini-batch.  It checks
 * nothing: timings depend on the machine and its load, so they belong
 * in a report (doc/benchmarks.md), never in a test.
 *
 * The flop count of an epoch is that of its matrix products: per
 * example 2 sizes[l] sizes[l-1] for the forward product of each layer
 * l = 1..L, as many for (BP4), and as many for (BP2) at l = 2..L.  The
 * elementwise work (sigma, .*) is left out: it is under 1% of the
 * operations, though not of the time, as the phase table shows.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <gsl/gsl_blas.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_matrix_float.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "minibatch.h"
#include "mnist.h"
#include "network.h"
#include "options.h"
#include "program.h"
#include "sgd.h"

#ifdef HAVE_OPENBLAS_SET_NUM_THREADS
int openblas_get_num_threads(void);
#endif

/* The side of the square product that measures the peak rate: large
 * enough for any CBLAS to reach its top speed, small enough to take
 * seconds even with the reference gslcblas. */
#define PEAK_SIZE 1000
#define PEAK_REPEATS 3

static const struct options_program program = {
  "Time training epochs of chapters 5 and 6 and compare them with the\n"
  "peak DGEMM rate of this machine (make bench).",
  OPTIONS_DATA | OPTIONS_EPOCHS | OPTIONS_SEED
};

/* One row of the table: which chapter trains which network. */
struct bench_case {
  int chapter;               /* 5 or 6 */
  size_t sizes[3];           /* sizes[0..2] */
  size_t m;                  /* mini-batch size */
};

static const struct bench_case cases[] = {
  { 5, { 784, 30, 10 }, 10 },
  { 6, { 784, 30, 10 }, 10 },
  { 5, { 784, 100, 10 }, 10 },
  { 6, { 784, 100, 10 }, 10 },
  { 6, { 784, 100, 10 }, 100 },
};
#define NUM_CASES (sizeof cases / sizeof cases[0])

/* The median of the N numbers of V (sorted in place). */
static int
compare_doubles(const void *p, const void *q)
{
  double a = *(const double *) p, b = *(const double *) q;

  return (a > b) - (a < b);
}

static double
median(double *v, size_t n)
{
  qsort(v, n, sizeof *v, compare_doubles);
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

/* The flops of one epoch over N examples, as the header counts them. */
static double
epoch_flops(const size_t *sizes, size_t num_layers, size_t n)
{
  double per_example = 0;

  for (size_t l = 1; l < num_layers; l++) {  /* l = 1..L */
    double product = 2.0 * (double) sizes[l] * (double) sizes[l - 1];

    /* forward and (BP4) at every layer, (BP2) from layer 2 on */
    per_example += (l >= 2 ? 3 : 2) * product;
  }
  return per_example * (double) n;
}

/* The best rate, in GFLOP/s, of C = A B for PEAK_SIZE-square
 * matrices. */
static double
peak_dgemm_rate(void)
{
  size_t n = PEAK_SIZE;
  gsl_matrix *a = gsl_matrix_alloc(n, n), *b = gsl_matrix_alloc(n, n);
  gsl_matrix *c = gsl_matrix_calloc(n, n);
  double best = 0;

  gsl_matrix_set_all(a, 0.5);
  gsl_matrix_set_all(b, 0.25);
  for (int rep = 0; rep < PEAK_REPEATS; rep++) {
    double start = program_seconds();

    gsl_blas_dgemm(CblasNoTrans, CblasNoTrans, 1.0, a, b, 0.0, c);
    double rate = 2.0 * n * n * n / (program_seconds() - start) / 1e9;
    if (rate > best)
      best = rate;
  }
  gsl_matrix_free(a);
  gsl_matrix_free(b);
  gsl_matrix_free(c);
  return best;
}

/* Fills SET with N random 28 x 28 images, about a fifth of their
 * pixels ink (as in MNIST) and the rest 0, with random labels: data of
 * MNIST's shape, for a machine without MNIST. */
static void
synthetic_set(struct dataset *set, size_t n, gsl_rng *r)
{
  set->n = n;
  set->x = gsl_matrix_uchar_calloc(n, MNIST_PIXELS);
  set->y = program_calloc(n, 1);
  for (size_t i = 0; i < n; i++) {
    for (size_t k = 0; k < MNIST_PIXELS; k++)
      if (gsl_rng_uniform(r) < 0.2)
        gsl_matrix_uchar_set(set->x, i, k,
                             (unsigned char) gsl_rng_uniform_int(r, 256));
    set->y[i] = (unsigned char) gsl_rng_uniform_int(r, MNIST_CLASSES);
  }
}

/* The median seconds per epoch of EPOCHS epochs of case C on DATA. */
static double
time_case(const struct bench_case *c, const struct dataset *data,
          size_t epochs, unsigned long seed)
{
  gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
  struct network *net = network_alloc(c->sizes, 3);
  struct sgd *s = NULL;
  struct minibatch *mb = NULL;
  double *seconds = program_calloc(epochs, sizeof *seconds);

  gsl_rng_set(r, seed);
  network_init_gaussian(net, r);
  if (c->chapter == 5)
    s = sgd_alloc(net, data->n);
  else
    mb = minibatch_alloc(net, c->m, data->n);
  for (size_t e = 0; e < epochs; e++) {
    double start = program_seconds();

    if (c->chapter == 5)
      sgd_epoch(s, net, data, c->m, 3.0, r);
    else
      minibatch_epoch(mb, net, data, c->m, 3.0, r);
    seconds[e] = program_seconds() - start;
  }
  double result = median(seconds, epochs);
  free(seconds);
  sgd_free(s);
  minibatch_free(mb);
  network_free(net);
  gsl_rng_free(r);
  return result;
}

/* Seconds since *SINCE, which becomes now. */
static double
lap(double *since)
{
  double now = program_seconds(), elapsed = now - *since;

  *since = now;
  return elapsed;
}

/* Seconds spent in each phase of one chapter 6 epoch on [784,30,10],
 * m = 10: the same calls as minibatch_epoch(), timed one by one. */
enum { PHASE_SHUFFLE, PHASE_LOAD, PHASE_FORWARD, PHASE_BACKPROP,
       PHASE_STEP, NUM_PHASES };

static void
time_phases(const struct dataset *data, unsigned long seed,
            double phase[NUM_PHASES])
{
  const size_t sizes[] = { 784, 30, 10 }, m = 10;
  gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
  struct network *net = network_alloc(sizes, 3);
  struct minibatch *mb = minibatch_alloc(net, m, data->n);
  double t;

  gsl_rng_set(r, seed);
  network_init_gaussian(net, r);
  memset(phase, 0, NUM_PHASES * sizeof *phase);
  t = program_seconds();
  gsl_ran_shuffle(r, mb->order, mb->n, sizeof *mb->order);
  phase[PHASE_SHUFFLE] += lap(&t);
  for (size_t start = 0; start + m <= mb->n; start += m) {
    minibatch_load(mb, data, mb->order + start, m);
    phase[PHASE_LOAD] += lap(&t);
    minibatch_feedforward(mb, net);
    phase[PHASE_FORWARD] += lap(&t);
    minibatch_backprop(mb, net);
    phase[PHASE_BACKPROP] += lap(&t);
    minibatch_step(mb, net, 3.0);
    phase[PHASE_STEP] += lap(&t);
  }
  minibatch_free(mb);
  network_free(net);
  gsl_rng_free(r);
}

/* GFLOP/s of REPEATS products C = op(A) op(B) + C of the given shapes,
 * in double (dgemm) or single (sgemm) precision: C is M x N, the inner
 * dimension K. */
static double
gemm_rate(int single, CBLAS_TRANSPOSE_t ta, CBLAS_TRANSPOSE_t tb,
          size_t m, size_t n, size_t k, size_t repeats)
{
  size_t a1 = ta == CblasNoTrans ? m : k, a2 = ta == CblasNoTrans ? k : m;
  size_t b1 = tb == CblasNoTrans ? k : n, b2 = tb == CblasNoTrans ? n : k;
  double start, seconds;

  if (single) {
    gsl_matrix_float *a = gsl_matrix_float_alloc(a1, a2);
    gsl_matrix_float *b = gsl_matrix_float_alloc(b1, b2);
    gsl_matrix_float *c = gsl_matrix_float_calloc(m, n);

    gsl_matrix_float_set_all(a, 0.01f);
    gsl_matrix_float_set_all(b, 0.01f);
    start = program_seconds();
    for (size_t i = 0; i < repeats; i++)
      gsl_blas_sgemm(ta, tb, 1.0f, a, b, 1.0f, c);
    seconds = program_seconds() - start;
    gsl_matrix_float_free(a);
    gsl_matrix_float_free(b);
    gsl_matrix_float_free(c);
  } else {
    gsl_matrix *a = gsl_matrix_alloc(a1, a2);
    gsl_matrix *b = gsl_matrix_alloc(b1, b2);
    gsl_matrix *c = gsl_matrix_calloc(m, n);

    gsl_matrix_set_all(a, 0.01);
    gsl_matrix_set_all(b, 0.01);
    start = program_seconds();
    for (size_t i = 0; i < repeats; i++)
      gsl_blas_dgemm(ta, tb, 1.0, a, b, 1.0, c);
    seconds = program_seconds() - start;
    gsl_matrix_free(a);
    gsl_matrix_free(b);
    gsl_matrix_free(c);
  }
  return 2.0 * m * n * k * repeats / seconds / 1e9;
}

/* Loads MNIST's 50,000 training images from DIR, or makes synthetic
 * ones when DIR does not hold MNIST; returns the data's description. */
static const char *
load_data(const char *dir, struct dataset *data, gsl_rng *r)
{
  char path[4096];
  struct stat st;

  snprintf(path, sizeof path, "%s/%s", dir, MNIST_TRAIN_IMAGES);
  if (stat(path, &st) == 0) {
    mnist_load(dir, data, NULL, NULL);
    return "MNIST";
  }
  synthetic_set(data, MNIST_TRAINING, r);
  return "synthetic (MNIST not found)";
}

static void
print_cases(const struct dataset *data, size_t epochs, unsigned long seed,
            double peak)
{
  char sizes[64];

  printf("CBLAS     chapter  sizes        m    GFLOP  s/epoch  GFLOP/s  "
         "bound s  ratio\n");
  for (size_t i = 0; i < NUM_CASES; i++) {
    const struct bench_case *c = &cases[i];
    double s = time_case(c, data, epochs, seed);
    double flops = epoch_flops(c->sizes, 3, data->n);
    double bound = flops / (peak * 1e9);

    options_format_sizes(c->sizes, 3, sizes, sizeof sizes);
    printf("%-9s %-8d %-12s %-4zu %5.2f  %7.3f  %7.1f  %7.3f  %5.1f\n",
           NNC_CBLAS, c->chapter, sizes, c->m, flops / 1e9, s,
           flops / s / 1e9, bound, s / bound);
    fflush(stdout);
  }
}

static void
print_phases(const struct dataset *data, unsigned long seed)
{
  static const char *names[NUM_PHASES] = {
    "shuffle", "load X, Y (gather, bytes to doubles)",
    "feedforward (dgemm, sigma)", "backprop (BP1, BP2)",
    "step (BP3, BP4 dgemm into w)"
  };
  double phase[NUM_PHASES], total = 0;

  time_phases(data, seed, phase);
  for (int p = 0; p < NUM_PHASES; p++)
    total += phase[p];
  printf("\nOne chapter 6 epoch, [784,30,10], m = 10, by phase:\n");
  for (int p = 0; p < NUM_PHASES; p++)
    printf("  %-38s %6.3f s  %3.0f%%\n", names[p], phase[p],
           100 * phase[p] / total);
}

static void
print_precision(void)
{
  /* The three products of one mini-batch of [784,30,10], m = 10. */
  static const struct {
    const char *what;
    CBLAS_TRANSPOSE_t ta, tb;
    size_t m, n, k;
  } shapes[] = {
    { "w^1 A^0      (30x784)(784x10)", CblasNoTrans, CblasNoTrans,
      30, 10, 784 },
    { "(w^2)^T D^2  (10x30)^T(10x10)", CblasTrans, CblasNoTrans,
      30, 10, 10 },
    { "D^1 (A^0)^T  (30x10)(784x10)^T", CblasNoTrans, CblasTrans,
      30, 784, 10 },
  };

  printf("\nDouble and single precision, one mini-batch's products:\n");
  printf("  %-33s %8s %8s\n", "product", "dgemm", "sgemm");
  for (size_t i = 0; i < sizeof shapes / sizeof shapes[0]; i++) {
    /* About 0.2 GFLOP per timing, the best of three timings. */
    size_t repeats = 200000000 / (2 * shapes[i].m * shapes[i].n
                                  * shapes[i].k) + 1;
    double d = 0, s = 0;

    for (int rep = 0; rep < 3; rep++) {
      d = fmax(d, gemm_rate(0, shapes[i].ta, shapes[i].tb, shapes[i].m,
                            shapes[i].n, shapes[i].k, repeats));
      s = fmax(s, gemm_rate(1, shapes[i].ta, shapes[i].tb, shapes[i].m,
                            shapes[i].n, shapes[i].k, repeats));
    }

    printf("  %-33s %8.1f %8.1f GFLOP/s\n", shapes[i].what, d, s);
  }
}

int
main(int argc, char **argv)
{
  struct options opts = { .data = "data/mnist", .epochs = 5, .seed = 1 };
  struct dataset data;
  int threads = 1;

  program_init(argv[0]);
  options_parse(argc, argv, &opts, &program);
#ifdef HAVE_OPENBLAS_SET_NUM_THREADS
  threads = openblas_get_num_threads();
#endif
  gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
  gsl_rng_set(r, opts.seed);
  const char *source = load_data(opts.data, &data, r);
  gsl_rng_free(r);

  double peak = peak_dgemm_rate();
  printf("CBLAS: %s, %d thread%s; data: %s, %zu training images\n",
         NNC_CBLAS, threads, threads == 1 ? "" : "s", source, data.n);
  printf("Peak DGEMM (%d x %d times %d x %d): %.1f GFLOP/s\n",
         PEAK_SIZE, PEAK_SIZE, PEAK_SIZE, PEAK_SIZE, peak);
  printf("Seconds per epoch: median of %zu epochs, training only;\n"
         "GFLOP per epoch, of the matrix products; bound = GFLOP / peak\n\n",
         opts.epochs);
  print_cases(&data, opts.epochs, opts.seed, peak);
  print_phases(&data, opts.seed);
  print_precision();
  mnist_free(&data);
  return EXIT_SUCCESS;
}
