/* options.h -- the command-line options shared by the chapter programs.
 *
 * Each program fills a struct options with its defaults, then calls
 * options_parse() with the set of options it accepts.  Parsing is done
 * by getopt_long; every value is checked (a number, in range) before a
 * program sees it, and --help lists only the options that program takes,
 * with its defaults.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#ifndef NNC_OPTIONS_H
#define NNC_OPTIONS_H

#include <stddef.h>

/* At most this many layers, input and output included. */
#define OPTIONS_MAX_LAYERS 16

/* One bit per option a program may accept. */
enum options_flag {
  OPTIONS_DATA = 1u << 0,        /* --data DIR */
  OPTIONS_EPOCHS = 1u << 1,      /* --epochs N */
  OPTIONS_BATCH_SIZE = 1u << 2,  /* --batch-size N */
  OPTIONS_ETA = 1u << 3,         /* --eta X */
  OPTIONS_SIZES = 1u << 4,       /* --sizes 784,30,10 */
  OPTIONS_TRAIN_SIZE = 1u << 5,  /* --train-size N */
  OPTIONS_SEED = 1u << 6         /* --seed N */
};

struct options {
  const char *data;               /* MNIST directory */
  size_t epochs;                  /* passes over the training data */
  size_t batch_size;              /* m, examples per mini-batch */
  double eta;                     /* learning rate, > 0 */
  size_t sizes[OPTIONS_MAX_LAYERS];  /* sizes[0..L] */
  size_t num_layers;              /* L + 1 */
  size_t train_size;              /* n, training examples used */
  unsigned long seed;             /* seed of the random generator */
};

/* What --help says about a program. */
struct options_program {
  const char *summary;   /* one line: what the program shows */
  unsigned accepted;     /* the enum options_flag bits it takes */
};

/* Parses ARGV into *OPTS, which holds the program's defaults.  Handles
 * --help and --version (printing to stdout and exiting 0); ends the
 * program with one line on stderr for an unknown option, a missing or
 * malformed value, a value out of range, or a stray argument. */
void options_parse(int argc, char **argv, struct options *opts,
                   const struct options_program *program);

/* Ends the program unless opts->sizes fit MNIST: 784 inputs, one per
 * pixel, and 10 outputs, one per digit. */
void options_check_mnist_sizes(const struct options *opts);

/* Writes SIZES[0..NUM_LAYERS-1] as "784,30,10" into BUF of LEN bytes. */
void options_format_sizes(const size_t *sizes, size_t num_layers,
                          char *buf, size_t len);

#endif /* NNC_OPTIONS_H */
