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

#include <stdbool.h>
#include <stddef.h>

struct dataset;   /* mnist.h */

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
  OPTIONS_SEED = 1u << 6,        /* --seed N */
  OPTIONS_COST = 1u << 7,        /* --cost NAME */
  OPTIONS_LAMBDA = 1u << 8,      /* --lambda X */
  OPTIONS_REGULARIZATION = 1u << 9,  /* --regularization none|l2|l1 */
  OPTIONS_EVAL = 1u << 10,       /* --eval validation|test */
  OPTIONS_MONITOR = 1u << 11,    /* --monitor LIST */
  OPTIONS_LOG = 1u << 12,        /* --log FILE */
  OPTIONS_FORCE = 1u << 13,      /* --force */
  OPTIONS_NEURON = 1u << 14,     /* --neuron */
  OPTIONS_SAVE = 1u << 15,       /* --save FILE */
  OPTIONS_MODEL = 1u << 16,      /* --model FILE */
  OPTIONS_SHOW = 1u << 17,       /* --show */
  OPTIONS_CONFUSION = 1u << 18,  /* --confusion */
  OPTIONS_ERRORS = 1u << 19,     /* --errors FILE */
  OPTIONS_WEIGHTS = 1u << 20,    /* --weights FILE */
  OPTIONS_PATIENCE = 1u << 21,   /* --patience N */
  OPTIONS_MOMENTUM = 1u << 22,   /* --momentum X */
  OPTIONS_COMPARE = 1u << 23,    /* --compare */
  OPTIONS_FILES = 1u << 24       /* FILE... after the options */
};

/* The quantities --monitor can ask for after each epoch, one bit each,
 * in the order of its list: train-cost, train-accuracy, eval-cost,
 * eval-accuracy ("all" is every one, "none" is 0). */
enum options_monitor {
  OPTIONS_MONITOR_TRAIN_COST = 1u << 0,
  OPTIONS_MONITOR_TRAIN_ACCURACY = 1u << 1,
  OPTIONS_MONITOR_EVAL_COST = 1u << 2,
  OPTIONS_MONITOR_EVAL_ACCURACY = 1u << 3
};
#define OPTIONS_MONITOR_ALL 15u

struct options {
  const char *data;               /* MNIST directory */
  size_t epochs;                  /* passes over the training data */
  size_t batch_size;              /* m, examples per mini-batch */
  double eta;                     /* learning rate, > 0 */
  size_t sizes[OPTIONS_MAX_LAYERS];  /* sizes[0..L] */
  size_t num_layers;              /* L + 1 */
  size_t train_size;              /* n, training examples used */
  unsigned long seed;             /* seed of the random generator */
  const char *const *costs;       /* with OPTIONS_COST: the names
                                   * --cost accepts, NULL-terminated */
  const char *cost;               /* one of costs[] */
  double lambda;                  /* weight of the penalty, >= 0 */
  const char *regularization;     /* "none", "l2" or "l1" */
  const char *eval;               /* evaluation data: "validation" or
                                   * "test" */
  unsigned monitor;               /* enum options_monitor bits */
  const char *log;                /* file to log to, or NULL */
  bool force;                     /* replace files that exist */
  bool neuron;                    /* chapter 7's single neuron */
  const char *save;               /* file to save the model to, or NULL */
  const char *model;              /* model file to load, or NULL */
  bool show;                      /* print each image as text */
  bool confusion;                 /* print the confusion matrix */
  const char *errors;             /* PNG of misread digits, or NULL */
  const char *weights;            /* PNG of layer 1's weights, or NULL */
  size_t patience;                /* epochs without progress allowed */
  double momentum;                /* mu, 0 <= mu < 1; 0 is plain SGD */
  bool compare;                   /* compare ways of training */
  char **operands;                /* the arguments after the options */
  size_t num_operands;            /* how many; 0 unless accepted */
};

/* What --help says about a program. */
struct options_program {
  const char *summary;   /* one line: what the program shows */
  unsigned accepted;     /* the enum options_flag bits it takes */
};

/* Parses ARGV into *OPTS, which holds the program's defaults.  Handles
 * --help and --version (printing to stdout and exiting 0); ends the
 * program with one line on stderr for an unknown option, a missing or
 * malformed value, a value out of range, a name that is not one of an
 * option's choices, or a stray argument.  A name chosen (--cost,
 * --regularization, --eval) is stored as a pointer to the string of
 * its list, for the program to compare with strcmp().  Arguments
 * after the options are an error unless PROGRAM accepts OPTIONS_FILES;
 * then they are left in opts->operands[0..num_operands-1]. */
void options_parse(int argc, char **argv, struct options *opts,
                   const struct options_program *program);

/* Ends the program unless opts->sizes fit MNIST: 784 inputs, one per
 * pixel, and 10 outputs, one per digit. */
void options_check_mnist_sizes(const struct options *opts);

/* Ends the program unless a mini-batch of opts->batch_size examples
 * fits in the opts->train_size training images. */
void options_check_batch_size(const struct options *opts);

/* Keeps the first opts->train_size images of TRAINING, as loaded from
 * opts->data, or ends the program if it holds fewer: a smaller set
 * than asked for would train on less without a word, and a model file
 * would record the wrong size. */
void options_take_training(const struct options *opts,
                           struct dataset *training);

/* Writes SIZES[0..NUM_LAYERS-1] as "784,30,10" into BUF of LEN bytes. */
void options_format_sizes(const size_t *sizes, size_t num_layers,
                          char *buf, size_t len);

#endif /* NNC_OPTIONS_H */
