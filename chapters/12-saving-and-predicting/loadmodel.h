/* loadmodel.h -- a network read back from a model file (chapter 12).
 *
 * src/model.h writes and reads model files; it knows arrays, not
 * chapter 2's struct network.  loadmodel_read() makes a network of the
 * loaded sizes, copies every weight and bias into it (the file keeps
 * 17 significant digits, so these are the very bits that were saved),
 * and finds the cost the model names among the costs of chapters 6, 7
 * and 10, whose output layer is what a feedforward needs.
 * The text is chapters/12-saving-and-predicting/README.md.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#ifndef NNC_LOADMODEL_H
#define NNC_LOADMODEL_H

#include "minibatch.h"
#include "network.h"

/* Loads the model file PATH, which must have 784 inputs and 10
 * outputs, into a new network, returned; stores its cost in *COST.
 * Ends the program with one line for a file that cannot be read, is
 * not a model file, or names a cost nnc does not know. */
struct network *loadmodel_read(const char *path,
                               const struct minibatch_cost **cost);

#endif /* NNC_LOADMODEL_H */
