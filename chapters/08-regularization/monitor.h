/* monitor.h -- watching a network learn, epoch by epoch (chapter 8).
 *
 * After each epoch a program may measure any of four quantities: the
 * cost and the accuracy of the network on its training data, and on
 * its evaluation data (the validation set or the test set).  The cost
 * is the regularised one of regularization_cost(); the accuracy counts
 * the examples read right.  They are printed on one line, as in
 * chapter 8's default run with --monitor all:
 *
 *   Epoch 4: training cost 0.4871, training accuracy 47923 / 50000,
 *   validation cost 0.5208, validation accuracy 9549 / 10000
 *
 * (one line, wrapped here; only the quantities asked for, and just
 * "Epoch 4" when none is), and, with a log file, written as a row of
 * tab-separated columns under a header row: "epoch", then one column
 * per quantity, training_cost, training_accuracy, validation_cost (or
 * test_cost) and validation_accuracy (or test_accuracy), costs to 6
 * significant digits and accuracies in per cent, which 'make plots'
 * draws (doc/figures/plot.sh).
 *
 * The log is written as training goes, a row per epoch, so that a long
 * run can be watched; a run that is stopped leaves the rows it wrote.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#ifndef NNC_MONITOR_H
#define NNC_MONITOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "minibatch.h"
#include "mnist.h"
#include "network.h"

/* What to measure, and where to write it. */
struct monitor {
  unsigned items;          /* enum options_monitor bits */
  const char *eval_name;   /* "validation" or "test" */
  FILE *log;               /* the open log, or NULL */
  const char *log_path;    /* its name, for messages */
};

/* What one epoch measured; only the quantities asked for are set. */
struct monitor_values {
  double training_cost, eval_cost;
  size_t training_correct, eval_correct;
};

/* Checks, before any long work, that a log can be made at PATH: ends
 * the program with one line if PATH exists and FORCE is false, or if
 * the directory it names does not exist or cannot be written to. */
void monitor_check_log(const char *path, bool force);

/* Starts monitoring ITEMS (enum options_monitor bits), naming the
 * evaluation data EVAL_NAME in what it prints.  With LOG_PATH not
 * NULL, creates that file (replacing one that exists only when FORCE
 * is true) and writes its header row; ends the program with one line
 * when it cannot. */
void monitor_open(struct monitor *mon, unsigned items,
                  const char *eval_name, const char *log_path, bool force);

/* Measures NET after EPOCH (counted from 0) on TRAINING and
 * EVALUATION, as asked, with the cost, penalty and lambda of MB, whose
 * matrices it overwrites; prints the line on stdout, writes the row to
 * the log, and stores what it measured in *VALUES (which may be NULL).
 * Ends the program if a cost is not a number or the log cannot be
 * written. */
void monitor_epoch(struct monitor *mon, struct minibatch *mb,
                   const struct network *net, size_t epoch,
                   const struct dataset *training,
                   const struct dataset *evaluation,
                   struct monitor_values *values);

/* Closes the log, if any; ends the program if its last rows could not
 * be written. */
void monitor_close(struct monitor *mon);

#endif /* NNC_MONITOR_H */
