/* options.c -- parsing and checking the shared command-line options.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mnist.h"
#include "options.h"
#include "program.h"

/* Upper bounds that keep a typing slip from asking for hours of work or
 * gigabytes of memory. */
#define MAX_EPOCHS 100000
#define MAX_LAYER_SIZE 100000

/* One option: its bit, its getopt_long entry, and its help line. */
struct option_info {
  unsigned flag;
  struct option getopt;
  const char *arg;
  const char *help;
};

/* getopt_long returns the val field; 256 and up cannot clash with a
 * character. */
enum { KEY_DATA = 256, KEY_EPOCHS, KEY_BATCH_SIZE, KEY_ETA, KEY_SIZES,
       KEY_TRAIN_SIZE, KEY_SEED };

static const struct option_info table[] = {
  { OPTIONS_DATA, { "data", required_argument, NULL, KEY_DATA },
    "DIR", "directory of the MNIST files" },
  { OPTIONS_EPOCHS, { "epochs", required_argument, NULL, KEY_EPOCHS },
    "N", "passes over the training data" },
  { OPTIONS_BATCH_SIZE,
    { "batch-size", required_argument, NULL, KEY_BATCH_SIZE },
    "N", "examples per mini-batch" },
  { OPTIONS_ETA, { "eta", required_argument, NULL, KEY_ETA },
    "X", "learning rate, greater than 0" },
  { OPTIONS_SIZES, { "sizes", required_argument, NULL, KEY_SIZES },
    "LIST", "neurons per layer, input first" },
  { OPTIONS_TRAIN_SIZE,
    { "train-size", required_argument, NULL, KEY_TRAIN_SIZE },
    "N", "training images used, 1 to 50000" },
  { OPTIONS_SEED, { "seed", required_argument, NULL, KEY_SEED },
    "N", "seed of the random number generator" },
};
#define TABLE_SIZE (sizeof table / sizeof table[0])

void
options_format_sizes(const size_t *sizes, size_t num_layers,
                     char *buf, size_t len)
{
  size_t used = 0;

  buf[0] = '\0';
  for (size_t l = 0; l < num_layers && used < len; l++)
    used += (size_t) snprintf(buf + used, len - used, "%s%zu",
                              l ? "," : "", sizes[l]);
}

/* The default of one option, as --help shows it. */
static void
format_default(const struct options *opts, unsigned flag,
               char *buf, size_t len)
{
  switch (flag) {
  case OPTIONS_DATA: snprintf(buf, len, "%s", opts->data); break;
  case OPTIONS_EPOCHS: snprintf(buf, len, "%zu", opts->epochs); break;
  case OPTIONS_BATCH_SIZE: snprintf(buf, len, "%zu", opts->batch_size); break;
  case OPTIONS_ETA: snprintf(buf, len, "%g", opts->eta); break;
  case OPTIONS_SIZES:
    options_format_sizes(opts->sizes, opts->num_layers, buf, len);
    break;
  case OPTIONS_TRAIN_SIZE: snprintf(buf, len, "%zu", opts->train_size); break;
  case OPTIONS_SEED: snprintf(buf, len, "%lu", opts->seed); break;
  default: buf[0] = '\0';
  }
}

static void
print_help(const struct options *opts, const struct options_program *p)
{
  char left[40], def[128];

  printf("Usage: %s [OPTION]...\n%s\n\n", program_name(), p->summary);
  for (size_t i = 0; i < TABLE_SIZE; i++) {
    if (!(p->accepted & table[i].flag))
      continue;
    snprintf(left, sizeof left, "--%s=%s", table[i].getopt.name,
             table[i].arg);
    format_default(opts, table[i].flag, def, sizeof def);
    printf("  %-20s %s (default: %s)\n", left, table[i].help, def);
  }
  printf("  %-20s %s\n", "-h, --help", "display this help and exit");
  printf("  %-20s %s\n", "-V, --version",
         "output version information and exit");
}

/* Parses a whole number from MIN to MAX, or ends the program. */
static size_t
parse_count(const char *name, const char *text, size_t min, size_t max)
{
  char *end;
  unsigned long long v;

  /* strtoull would skip blanks and wrap "-1" round to a huge number:
   * only digits are accepted. */
  if (!isdigit((unsigned char) *text))
    program_fatal("--%s: '%s' is not a whole number", name, text);
  errno = 0;
  v = strtoull(text, &end, 10);
  if (*end != '\0')
    program_fatal("--%s: '%s' is not a whole number", name, text);
  if (errno == ERANGE || v < min || v > max)
    program_fatal("--%s: '%s' is out of range (%zu to %zu)",
                  name, text, min, max);
  return (size_t) v;
}

/* Parses a finite real number greater than 0, or ends the program. */
static double
parse_positive(const char *name, const char *text)
{
  char *end;
  double v;

  errno = 0;
  v = strtod(text, &end);
  if (*text == '\0' || isspace((unsigned char) *text) || *end != '\0')
    program_fatal("--%s: '%s' is not a number", name, text);
  if (errno == ERANGE || !isfinite(v) || v <= 0)
    program_fatal("--%s: '%s' is out of range (must be finite and "
                  "greater than 0)", name, text);
  return v;
}

/* Parses "784,30,10" into opts->sizes, or ends the program.  Every
 * comma must separate two numbers: "784,,10" and "784,30," are errors,
 * not lists with a layer left out. */
static void
parse_sizes(const char *text, struct options *opts)
{
  char token[32];
  const char *p = text;
  size_t n = 0;

  for (;;) {
    size_t len = strcspn(p, ",");

    if (len == 0)
      program_fatal("--sizes: '%s' is not a list like 784,30,10", text);
    if (len >= sizeof token)
      program_fatal("--sizes: '%.*s' is not a layer size (1 to %d)",
                    (int) len, p, MAX_LAYER_SIZE);
    if (n == OPTIONS_MAX_LAYERS)
      program_fatal("--sizes: '%s' has more than %d layers",
                    text, OPTIONS_MAX_LAYERS);
    memcpy(token, p, len);
    token[len] = '\0';
    opts->sizes[n++] = parse_count("sizes", token, 1, MAX_LAYER_SIZE);
    if (p[len] == '\0')
      break;
    p += len + 1;
  }
  if (n < 2)
    program_fatal("--sizes: '%s' needs at least two layers, input and "
                  "output", text);
  opts->num_layers = n;
}

/* Stores one option's value. */
static void
store(int key, const char *arg, struct options *opts)
{
  switch (key) {
  case KEY_DATA:
    if (*arg == '\0')
      program_fatal("--data: the directory name is empty");
    opts->data = arg;
    break;
  case KEY_EPOCHS:
    opts->epochs = parse_count("epochs", arg, 1, MAX_EPOCHS);
    break;
  case KEY_BATCH_SIZE:
    opts->batch_size = parse_count("batch-size", arg, 1, MNIST_TRAINING);
    break;
  case KEY_ETA: opts->eta = parse_positive("eta", arg); break;
  case KEY_SIZES: parse_sizes(arg, opts); break;
  case KEY_TRAIN_SIZE:
    opts->train_size = parse_count("train-size", arg, 1, MNIST_TRAINING);
    break;
  case KEY_SEED:
    opts->seed = (unsigned long) parse_count("seed", arg, 0, 4294967295u);
    break;
  }
}

void
options_parse(int argc, char **argv, struct options *opts,
              const struct options_program *program)
{
  struct option longopts[TABLE_SIZE + 3];
  size_t n = 0;
  int key;

  for (size_t i = 0; i < TABLE_SIZE; i++)
    if (program->accepted & table[i].flag)
      longopts[n++] = table[i].getopt;
  longopts[n++] = (struct option) { "help", no_argument, NULL, 'h' };
  longopts[n++] = (struct option) { "version", no_argument, NULL, 'V' };
  longopts[n] = (struct option) { NULL, 0, NULL, 0 };

  opterr = 0;
  while ((key = getopt_long(argc, argv, ":hV", longopts, NULL)) != -1) {
    switch (key) {
    case 'h':
      print_help(opts, program);
      exit(EXIT_SUCCESS);
    case 'V':
      printf("%s (%s) %s\nCBLAS: %s\n", program_name(), PACKAGE_NAME,
             PACKAGE_VERSION, NNC_CBLAS);
      exit(EXIT_SUCCESS);
    case ':':
      program_fatal("option '%s' needs a value; try '%s --help'",
                    argv[optind - 1], program_name());
    case '?':
      /* getopt_long sets optopt to 'h' or 'V' for "--help=X" and
       * "--version=X", to the letter for an unknown short option, and
       * to 0 for an unknown long one. */
      if (optopt == 'h' || optopt == 'V')
        program_fatal("option '--%s' takes no value; try '%s --help'",
                      optopt == 'h' ? "help" : "version", program_name());
      if (optopt)
        program_fatal("unknown option '-%c'; try '%s --help'",
                      optopt, program_name());
      program_fatal("unknown option '%s'; try '%s --help'",
                    argv[optind - 1], program_name());
    default:
      store(key, optarg, opts);
    }
  }
  if (optind < argc)
    program_fatal("unexpected argument '%s'; try '%s --help'",
                  argv[optind], program_name());
}

void
options_check_mnist_sizes(const struct options *opts)
{
  size_t L = opts->num_layers - 1;

  if (opts->sizes[0] != MNIST_PIXELS)
    program_fatal("--sizes: the input layer must have %d neurons, one "
                  "per pixel, not %zu", MNIST_PIXELS, opts->sizes[0]);
  if (opts->sizes[L] != MNIST_CLASSES)
    program_fatal("--sizes: the output layer must have %d neurons, one "
                  "per digit, not %zu", MNIST_CLASSES, opts->sizes[L]);
}
