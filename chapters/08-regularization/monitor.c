/* monitor.c -- watching a network learn, epoch by epoch (chapter 8).
 *
 * Measures the cost and the accuracy of a network on its training and
 * evaluation data after each epoch, prints them and logs them: how the
 * text sees overfitting, and how doc/plots draws it.  The measuring is
 * chapter 6's feedforward of a mini-batch of columns at a time, with
 * the cost of chapter 7 and the penalty of regularization.c.
 * Text: chapters/08-regularization/README.md.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <errno.h>
#include <libgen.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "minibatch.h"
#include "monitor.h"
#include "options.h"
#include "program.h"
#include "regularization.h"

/* ------------------------------------------------------------------ */
/* The log file                                                        */

void
monitor_check_log(const char *path, bool force)
{
  struct stat st;
  char *copy, *dir;

  if (!force && stat(path, &st) == 0)
    program_fatal("%s: the log file exists; add --force to replace it",
                  path);
  /* dirname() may change its argument, so it gets a copy. */
  copy = program_calloc(strlen(path) + 1, 1);
  strcpy(copy, path);
  dir = dirname(copy);
  if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
    program_fatal("%s: cannot create the log: there is no directory "
                  "'%s'", path, dir);
  if (access(dir, W_OK) != 0)
    program_fatal("%s: cannot create the log in '%s': %s", path, dir,
                  strerror(errno));
  free(copy);
}

/* Ends the program if the log has failed to take what was written. */
static void
check_written(const struct monitor *mon)
{
  if (fflush(mon->log) != 0 || ferror(mon->log))
    program_fatal("%s: cannot write the log: %s", mon->log_path,
                  strerror(errno));
}

void
monitor_open(struct monitor *mon, unsigned items, const char *eval_name,
             const char *log_path, bool force)
{
  mon->items = items;
  mon->eval_name = eval_name;
  mon->log = NULL;
  mon->log_path = log_path;
  if (log_path == NULL)
    return;

  /* "x": create the file, and fail if it exists, all in one step, so
   * that a file made since monitor_check_log() is not replaced either */
  mon->log = fopen(log_path, force ? "w" : "wx");
  if (mon->log == NULL && errno == EEXIST)
    program_fatal("%s: the log file exists; add --force to replace it",
                  log_path);
  if (mon->log == NULL)
    program_fatal("%s: cannot create the log: %s", log_path,
                  strerror(errno));
  /* The header row: epoch, then a column per quantity, in the order
   * of the bits of enum options_monitor. */
  fprintf(mon->log, "epoch");
  if (items & OPTIONS_MONITOR_TRAIN_COST)
    fprintf(mon->log, "\ttraining_cost");
  if (items & OPTIONS_MONITOR_TRAIN_ACCURACY)
    fprintf(mon->log, "\ttraining_accuracy");
  if (items & OPTIONS_MONITOR_EVAL_COST)
    fprintf(mon->log, "\t%s_cost", eval_name);
  if (items & OPTIONS_MONITOR_EVAL_ACCURACY)
    fprintf(mon->log, "\t%s_accuracy", eval_name);
  fprintf(mon->log, "\n");
  check_written(mon);
}

void
monitor_close(struct monitor *mon)
{
  if (mon->log == NULL)
    return;
  check_written(mon);
  if (fclose(mon->log) != 0)
    program_fatal("%s: cannot write the log: %s", mon->log_path,
                  strerror(errno));
  mon->log = NULL;
}

/* ------------------------------------------------------------------ */
/* One epoch                                                           */

/* Measures NET on DATA, called NAME in messages, in one feedforward:
 * its regularised cost into *COST if WANT_COST, the examples it reads
 * right into *CORRECT if WANT_ACCURACY.  Ends the program if the cost
 * is not a number. */
static void
measure(struct minibatch *mb, const struct network *net,
        const struct dataset *data, bool want_cost, bool want_accuracy,
        const char *name, size_t epoch, double *cost, size_t *correct)
{
  if (want_cost) {
    *cost = regularization_cost(mb, net, data, correct);
    if (isnan(*cost))
      program_fatal("training diverged in epoch %zu: the %s cost is not "
                    "a number; try a smaller --eta", epoch, name);
  } else if (want_accuracy) {
    *correct = minibatch_evaluate_count(mb, net, data);
  }
}

/* Prints ", NAME cost C" (": " before the first item of a line), and
 * logs C. */
static void
put_cost(const struct monitor *mon, const char **sep, const char *name,
         double c)
{
  printf("%s%s cost %.4f", *sep, name, c);
  *sep = ", ";
  if (mon->log != NULL)
    fprintf(mon->log, "\t%.6g", c);
}

/* Prints ", NAME accuracy CORRECT / N", and logs it in per cent. */
static void
put_accuracy(const struct monitor *mon, const char **sep, const char *name,
             size_t correct, size_t n)
{
  printf("%s%s accuracy %zu / %zu", *sep, name, correct, n);
  *sep = ", ";
  if (mon->log != NULL)
    fprintf(mon->log, "\t%.3f", 100.0 * (double) correct / (double) n);
}

void
monitor_epoch(struct monitor *mon, struct minibatch *mb,
              const struct network *net, size_t epoch,
              const struct dataset *training,
              const struct dataset *evaluation,
              struct monitor_values *values)
{
  struct monitor_values v = { 0, 0, 0, 0 };
  const char *sep = ": ";
  unsigned items = mon->items;

  measure(mb, net, training, items & OPTIONS_MONITOR_TRAIN_COST,
          items & OPTIONS_MONITOR_TRAIN_ACCURACY, "training", epoch,
          &v.training_cost, &v.training_correct);
  measure(mb, net, evaluation, items & OPTIONS_MONITOR_EVAL_COST,
          items & OPTIONS_MONITOR_EVAL_ACCURACY, mon->eval_name, epoch,
          &v.eval_cost, &v.eval_correct);

  printf("Epoch %zu", epoch);
  if (mon->log != NULL)
    fprintf(mon->log, "%zu", epoch);
  if (items & OPTIONS_MONITOR_TRAIN_COST)
    put_cost(mon, &sep, "training", v.training_cost);
  if (items & OPTIONS_MONITOR_TRAIN_ACCURACY)
    put_accuracy(mon, &sep, "training", v.training_correct, training->n);
  if (items & OPTIONS_MONITOR_EVAL_COST)
    put_cost(mon, &sep, mon->eval_name, v.eval_cost);
  if (items & OPTIONS_MONITOR_EVAL_ACCURACY)
    put_accuracy(mon, &sep, mon->eval_name, v.eval_correct,
                 evaluation->n);
  printf("\n");
  fflush(stdout);
  if (mon->log != NULL) {
    fprintf(mon->log, "\n");
    check_written(mon);
  }
  if (values != NULL)
    *values = v;
}
