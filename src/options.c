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

/* Help lines are wrapped to this width, continued under the text. */
#define HELP_WIDTH 79
#define HELP_INDENT 23

/* One option: its bit, its getopt_long entry, and its help line; ARG
 * is NULL for a flag, which takes no value.  CHOICES, when not NULL,
 * lists the names the value may be (NULL-terminated), and --help
 * shows them after the help text. */
struct option_info {
  unsigned flag;
  struct option getopt;
  const char *arg;
  const char *help;
  const char *const *choices;
};

/* getopt_long returns the val field; 256 and up cannot clash with a
 * character. */
enum { KEY_DATA = 256, KEY_EPOCHS, KEY_BATCH_SIZE, KEY_ETA, KEY_SIZES,
       KEY_TRAIN_SIZE, KEY_SEED, KEY_COST, KEY_LAMBDA, KEY_REGULARIZATION,
       KEY_EVAL, KEY_MONITOR, KEY_LOG, KEY_FORCE, KEY_NEURON, KEY_SAVE,
       KEY_MODEL, KEY_SHOW, KEY_CONFUSION, KEY_ERRORS, KEY_WEIGHTS,
       KEY_PATIENCE, KEY_MOMENTUM, KEY_COMPARE };

/* The options that write files, whose --force line says so. */
#define WRITES_FILES (OPTIONS_SAVE | OPTIONS_ERRORS | OPTIONS_WEIGHTS)

/* The choices of the options whose names libnnc knows.  The costs are
 * the program's own (struct options_program). */
static const char *const regularizations[] = { "none", "l2", "l1", NULL };
static const char *const eval_sets[] = { "validation", "test", NULL };
/* Bit i of enum options_monitor is monitor_items[i]. */
static const char *const monitor_items[] = {
  "train-cost", "train-accuracy", "eval-cost", "eval-accuracy", "all",
  "none", NULL
};
#define MONITOR_ITEMS 4   /* the first 4 are quantities, then all, none */

static const struct option_info table[] = {
  { OPTIONS_DATA, { "data", required_argument, NULL, KEY_DATA },
    "DIR", "directory of the MNIST files", NULL },
  { OPTIONS_EPOCHS, { "epochs", required_argument, NULL, KEY_EPOCHS },
    "N", "passes over the training data", NULL },
  { OPTIONS_BATCH_SIZE,
    { "batch-size", required_argument, NULL, KEY_BATCH_SIZE },
    "N", "examples per mini-batch", NULL },
  { OPTIONS_ETA, { "eta", required_argument, NULL, KEY_ETA },
    "X", "learning rate, greater than 0", NULL },
  { OPTIONS_SIZES, { "sizes", required_argument, NULL, KEY_SIZES },
    "LIST", "neurons per layer, input first", NULL },
  { OPTIONS_TRAIN_SIZE,
    { "train-size", required_argument, NULL, KEY_TRAIN_SIZE },
    "N", "training images used, 1 to 50000", NULL },
  { OPTIONS_SEED, { "seed", required_argument, NULL, KEY_SEED },
    "N", "seed of the random number generator", NULL },
  { OPTIONS_COST, { "cost", required_argument, NULL, KEY_COST },
    "NAME", "the cost to learn by", NULL },
  { OPTIONS_REGULARIZATION,
    { "regularization", required_argument, NULL, KEY_REGULARIZATION },
    "NAME", "the penalty on the weights", regularizations },
  { OPTIONS_LAMBDA, { "lambda", required_argument, NULL, KEY_LAMBDA },
    "X", "regularisation parameter, 0 or more", NULL },
  { OPTIONS_EVAL, { "eval", required_argument, NULL, KEY_EVAL },
    "SET", "evaluation data", eval_sets },
  { OPTIONS_MONITOR, { "monitor", required_argument, NULL, KEY_MONITOR },
    "LIST", "what to measure after each epoch, a comma-separated list "
    "of", monitor_items },
  { OPTIONS_LOG, { "log", required_argument, NULL, KEY_LOG },
    "FILE", "write what is measured to FILE, tab-separated", NULL },
  { OPTIONS_NEURON, { "neuron", no_argument, NULL, KEY_NEURON },
    NULL, "show one neuron learning by each cost, and exit", NULL },
  { OPTIONS_SAVE, { "save", required_argument, NULL, KEY_SAVE },
    "FILE", "save the trained network to FILE (JSON)", NULL },
  { OPTIONS_MODEL, { "model", required_argument, NULL, KEY_MODEL },
    "FILE", "the model file of the network to use", NULL },
  { OPTIONS_SHOW, { "show", no_argument, NULL, KEY_SHOW },
    NULL, "print each image as the network sees it, as text", NULL },
  { OPTIONS_CONFUSION,
    { "confusion", no_argument, NULL, KEY_CONFUSION },
    NULL, "print the confusion matrix of the test set", NULL },
  { OPTIONS_ERRORS, { "errors", required_argument, NULL, KEY_ERRORS },
    "FILE", "draw the misread test digits into FILE (PNG)", NULL },
  { OPTIONS_WEIGHTS, { "weights", required_argument, NULL, KEY_WEIGHTS },
    "FILE", "draw the weights into layer 1 into FILE (PNG)", NULL },
  { OPTIONS_PATIENCE,
    { "patience", required_argument, NULL, KEY_PATIENCE },
    "N", "epochs without a better validation accuracy before acting",
    NULL },
  { OPTIONS_MOMENTUM,
    { "momentum", required_argument, NULL, KEY_MOMENTUM },
    "X", "momentum coefficient mu, 0 (plain SGD) to below 1", NULL },
  { OPTIONS_COMPARE, { "compare", no_argument, NULL, KEY_COMPARE },
    NULL, "compare ways of training, and print a table", NULL },
  { OPTIONS_FORCE, { "force", no_argument, NULL, KEY_FORCE },
    NULL, "replace a --log file that exists", NULL },
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

/* Writes the names of the bits of MONITOR into BUF, "none" for 0. */
static void
format_monitor(unsigned monitor, char *buf, size_t len)
{
  size_t used = 0;

  if (monitor == 0) {
    snprintf(buf, len, "none");
    return;
  }
  buf[0] = '\0';
  for (size_t i = 0; i < MONITOR_ITEMS && used < len; i++)
    if (monitor & (1u << i))
      used += (size_t) snprintf(buf + used, len - used, "%s%s",
                                used ? "," : "", monitor_items[i]);
}

/* The default of one option, as --help shows it; "" for none. */
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
  case OPTIONS_COST: snprintf(buf, len, "%s", opts->cost); break;
  case OPTIONS_LAMBDA: snprintf(buf, len, "%g", opts->lambda); break;
  case OPTIONS_REGULARIZATION:
    snprintf(buf, len, "%s", opts->regularization);
    break;
  case OPTIONS_EVAL: snprintf(buf, len, "%s", opts->eval); break;
  case OPTIONS_MONITOR: format_monitor(opts->monitor, buf, len); break;
  case OPTIONS_LOG: snprintf(buf, len, "%s", opts->log ? opts->log : "");
    break;
  case OPTIONS_SAVE:
    snprintf(buf, len, "%s", opts->save ? opts->save : "");
    break;
  case OPTIONS_MODEL:
    snprintf(buf, len, "%s", opts->model ? opts->model : "");
    break;
  case OPTIONS_PATIENCE: snprintf(buf, len, "%zu", opts->patience); break;
  case OPTIONS_MOMENTUM: snprintf(buf, len, "%g", opts->momentum); break;
  default: buf[0] = '\0';
  }
}

/* Prints one help line: LEFT in a column of 20, then TEXT, wrapped at
 * HELP_WIDTH with continuation lines indented to HELP_INDENT.  A LEFT
 * too wide for its column gets a line of its own. */
static void
print_wrapped(const char *left, const char *text)
{
  size_t column = (size_t) printf("  %-20s", left);
  const char *p = text;

  if (column > HELP_INDENT - 1) {
    printf("\n%*s", HELP_INDENT - 1, "");
    column = HELP_INDENT - 1;
  }
  while (*p != '\0') {
    size_t word = strcspn(p, " ");

    if (column + 1 + word > HELP_WIDTH && column > HELP_INDENT) {
      printf("\n%*s", HELP_INDENT - 1, "");
      column = HELP_INDENT - 1;
    }
    column += (size_t) printf(" %.*s", (int) word, p);
    p += word;
    while (*p == ' ')
      p++;
  }
  putchar('\n');
}

/* Appends ": a, b or c" to BUF (of LEN bytes, holding USED) for the
 * NULL-terminated CHOICES; returns the new USED. */
static size_t
append_choices(char *buf, size_t len, size_t used,
               const char *const *choices)
{
  for (size_t i = 0; choices[i] != NULL && used < len; i++)
    used += (size_t) snprintf(buf + used, len - used, "%s%s",
                              i == 0 ? ": "
                              : choices[i + 1] == NULL ? " or " : ", ",
                              choices[i]);
  return used;
}

/* The choices of table entry I, or NULL. */
static const char *const *
choices_of(size_t i, const struct options *opts)
{
  return table[i].flag == OPTIONS_COST ? opts->costs : table[i].choices;
}

static void
print_help(const struct options *opts, const struct options_program *p)
{
  char left[40], def[128], text[512];

  printf("Usage: %s [OPTION]...%s\n%s\n\n", program_name(),
         p->accepted & OPTIONS_FILES ? " [FILE]..." : "", p->summary);
  for (size_t i = 0; i < TABLE_SIZE; i++) {
    const char *const *choices = choices_of(i, opts);
    size_t used;

    if (!(p->accepted & table[i].flag))
      continue;
    if (table[i].arg != NULL)
      snprintf(left, sizeof left, "--%s=%s", table[i].getopt.name,
               table[i].arg);
    else
      snprintf(left, sizeof left, "--%s", table[i].getopt.name);
    used = (size_t) snprintf(text, sizeof text, "%s",
                             table[i].flag == OPTIONS_FORCE
                             && (p->accepted & WRITES_FILES)
                             ? "replace files that exist" : table[i].help);
    if (choices != NULL)
      used = append_choices(text, sizeof text, used, choices);
    format_default(opts, table[i].flag, def, sizeof def);
    if (def[0] != '\0' && used < sizeof text)
      snprintf(text + used, sizeof text - used, " (default: %s)", def);
    print_wrapped(left, text);
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

/* Parses a real number from 0 up to but not including 1, or ends the
 * program. */
static double
parse_fraction(const char *name, const char *text)
{
  char *end;
  double v;

  errno = 0;
  v = strtod(text, &end);
  if (*text == '\0' || isspace((unsigned char) *text) || *end != '\0')
    program_fatal("--%s: '%s' is not a number", name, text);
  if (errno == ERANGE || !isfinite(v) || v < 0 || v >= 1)
    program_fatal("--%s: '%s' is out of range (must be at least 0 and "
                  "less than 1)", name, text);
  return v;
}

/* Stores a file name, or ends the program if it is empty. */
static const char *
parse_file(const char *name, const char *text)
{
  if (*text == '\0')
    program_fatal("--%s: the file name is empty", name);
  return text;
}

/* Parses a finite real number of at least 0, or ends the program. */
static double
parse_nonnegative(const char *name, const char *text)
{
  char *end;
  double v;

  errno = 0;
  v = strtod(text, &end);
  if (*text == '\0' || isspace((unsigned char) *text) || *end != '\0')
    program_fatal("--%s: '%s' is not a number", name, text);
  if (errno == ERANGE || !isfinite(v) || v < 0)
    program_fatal("--%s: '%s' is out of range (must be finite and at "
                  "least 0)", name, text);
  return v;
}

/* The index among the NULL-terminated CHOICES of the LEN characters at
 * TEXT, or ends the program with a line that lists the choices. */
static size_t
parse_choice_n(const char *name, const char *text, size_t len,
               const char *const *choices)
{
  char list[256];
  size_t used = 0;

  for (size_t i = 0; choices[i] != NULL; i++)
    if (strlen(choices[i]) == len && memcmp(text, choices[i], len) == 0)
      return i;
  list[0] = '\0';
  for (size_t i = 0; choices[i] != NULL && used < sizeof list; i++)
    used += (size_t) snprintf(list + used, sizeof list - used, "%s%s",
                              i ? ", " : "", choices[i]);
  program_fatal("--%s: '%.*s' is not one of %s", name, (int) len, text,
                list);
}

/* The index of TEXT among CHOICES, or ends the program. */
static size_t
parse_choice(const char *name, const char *text, const char *const *choices)
{
  return parse_choice_n(name, text, strlen(text), choices);
}

/* Parses the --monitor list "eval-cost,eval-accuracy" into enum
 * options_monitor bits, or ends the program.  As for --sizes, every
 * comma must separate two names. */
static unsigned
parse_monitor(const char *text)
{
  const char *p = text;
  unsigned bits = 0;

  for (;;) {
    size_t len = strcspn(p, ",");

    if (len == 0)
      program_fatal("--monitor: '%s' is not a list like "
                    "eval-cost,eval-accuracy", text);
    size_t i = parse_choice_n("monitor", p, len, monitor_items);
    if (i < MONITOR_ITEMS)
      bits |= 1u << i;
    else if (strcmp(monitor_items[i], "all") == 0)
      bits = OPTIONS_MONITOR_ALL;
    if (p[len] == '\0')
      break;
    p += len + 1;
  }
  return bits;
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

/* Stores one option's value; ARG is NULL for a flag. */
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
  case KEY_COST:
    opts->cost = opts->costs[parse_choice("cost", arg, opts->costs)];
    break;
  case KEY_LAMBDA: opts->lambda = parse_nonnegative("lambda", arg); break;
  case KEY_REGULARIZATION:
    opts->regularization =
      regularizations[parse_choice("regularization", arg, regularizations)];
    break;
  case KEY_EVAL:
    opts->eval = eval_sets[parse_choice("eval", arg, eval_sets)];
    break;
  case KEY_MONITOR: opts->monitor = parse_monitor(arg); break;
  case KEY_LOG:
    if (*arg == '\0')
      program_fatal("--log: the file name is empty");
    opts->log = arg;
    break;
  case KEY_FORCE: opts->force = true; break;
  case KEY_NEURON: opts->neuron = true; break;
  case KEY_SAVE: opts->save = parse_file("save", arg); break;
  case KEY_MODEL: opts->model = parse_file("model", arg); break;
  case KEY_SHOW: opts->show = true; break;
  case KEY_CONFUSION: opts->confusion = true; break;
  case KEY_ERRORS: opts->errors = parse_file("errors", arg); break;
  case KEY_WEIGHTS: opts->weights = parse_file("weights", arg); break;
  case KEY_PATIENCE:
    opts->patience = parse_count("patience", arg, 1, MAX_EPOCHS);
    break;
  case KEY_MOMENTUM: opts->momentum = parse_fraction("momentum", arg); break;
  case KEY_COMPARE: opts->compare = true; break;
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
      for (size_t i = 0; i < TABLE_SIZE; i++)
        if (optopt == table[i].getopt.val)   /* "--force=X" */
          program_fatal("option '--%s' takes no value; try '%s --help'",
                        table[i].getopt.name, program_name());
      if (optopt)
        program_fatal("unknown option '-%c'; try '%s --help'",
                      optopt, program_name());
      program_fatal("unknown option '%s'; try '%s --help'",
                    argv[optind - 1], program_name());
    default:
      store(key, optarg, opts);
    }
  }
  if (program->accepted & OPTIONS_FILES) {
    opts->operands = argv + optind;
    opts->num_operands = (size_t) (argc - optind);
  } else if (optind < argc)
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

void
options_check_batch_size(const struct options *opts)
{
  if (opts->batch_size > opts->train_size)
    program_fatal("--batch-size: %zu is larger than the %zu training "
                  "images of --train-size", opts->batch_size,
                  opts->train_size);
}

void
options_take_training(const struct options *opts, struct dataset *training)
{
  if (training->n < opts->train_size)
    program_fatal("--train-size: %zu is more than the %zu training images "
                  "in %s", opts->train_size, training->n, opts->data);
  mnist_truncate(training, opts->train_size);
}
