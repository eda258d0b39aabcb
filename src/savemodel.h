/* savemodel.h -- the --save option of the training programs.
 *
 * A training program that takes --save FILE checks at start-up that it
 * will be able to save (so that an hour of training is not lost to a
 * file that exists), and after training writes the network as a model
 * file (src/model.h), with the options it was trained with.  These two
 * calls are all a program's main() adds; chapter 12's text tells the
 * story.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#ifndef NNC_SAVEMODEL_H
#define NNC_SAVEMODEL_H

#include <stdbool.h>

#include "model.h"
#include "options.h"

/* Ends the program with one line unless a model can be saved at PATH:
 * PATH exists and FORCE is false, PATH is not a regular file (a
 * directory, a device, a symbolic link, even with FORCE), PATH is not a
 * name that can exist (too long, say), or its directory does not exist
 * or cannot be written to.  These are the checks of savefile_check(),
 * which the save after training makes again.  Nothing is written. */
void savemodel_check(const char *path, bool force);

/* Records in M the training options of OPTS common to every training
 * program (epochs, batch-size, eta, train-size, seed), and
 * regularization and lambda for a program that has them (when
 * opts->regularization is not NULL), then saves M to
 * opts->save, replacing a file only with opts->force, and says so on
 * stderr.  M holds the network, its cost and its output, and any other
 * option the caller added with model_add_*().  Ends the program with
 * one line when the model cannot be saved; the file is then as it was
 * (see src/savefile.h). */
void savemodel_write(struct model *m, const struct options *opts);

#endif /* NNC_SAVEMODEL_H */
