/* model.h -- saving a trained network to a file, and loading it back.
 *
 * A model file is JSON, written and read with the jansson library, so
 * that a person can open it and see what it holds (shown here in short;
 * the file has one value per line):
 *
 *   {
 *     "format": "nnc-model",
 *     "version": 1,
 *     "sizes": [784, 30, 10],
 *     "cost": "quadratic",
 *     "output": "sigmoid",
 *     "training": {"eta": 3.0, "epochs": 30, "batch-size": 10, ...},
 *     "layers": [
 *       {"layer": 1, "b": [30 numbers], "w": [30 rows of 784]},
 *       {"layer": 2, "b": [10 numbers], "w": [10 rows of 30]}
 *     ]
 *   }
 *
 * Layers are numbered from 0, as everywhere in nnc: layer 0 is the input
 * layer and has no weights or biases, so "layers" starts with layer 1,
 * and says so in each entry.  For l = 1..L, "w" is w^l, sizes[l] rows of
 * sizes[l-1] numbers, and "b" is b^l, sizes[l] numbers.  "cost" names
 * the cost the network was trained with, "output" the function of its
 * output layer ("sigmoid" or "softmax"), and "training" holds whatever
 * the training program chose to record (learning rate, epochs, seed...)
 * as strings and numbers.  Every double is written with 17 significant
 * digits, which is enough for strtod() to give back the same bits: a
 * loaded network computes exactly what the saved one did.
 *
 * Why plain arrays and not struct network: libnnc is linked into every
 * program, and chapter 2's network is a concept of the book, not of the
 * library, so the library does not know it.  struct model holds the
 * same three things a network is made of, in the same layout (sizes,
 * then w and b indexed by layer, with w[0] and b[0] NULL), so that
 * saving a network takes no copy:
 *
 *   struct model m = { .num_layers = net->num_layers,
 *                      .sizes = net->sizes, .w = net->w, .b = net->b,
 *                      .cost = "quadratic", .output = "sigmoid" };
 *   model_add_real(&m, "eta", eta);
 *   status = model_save(&m, path, force, err, sizeof err);
 *
 * and loading one takes a copy of each matrix into a network allocated
 * with the loaded sizes, after which model_free() releases the model:
 *
 *   model_load(path, MNIST_PIXELS, MNIST_CLASSES, &m, err, sizeof err);
 *   net = network_alloc(m.sizes, m.num_layers);
 *   ... gsl_matrix_memcpy(net->w[l], m.w[l]), for l = 1..L ...
 *   model_free(&m);
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#ifndef NNC_MODEL_H
#define NNC_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>

#define MODEL_FORMAT "nnc-model"
#define MODEL_VERSION 1

#define MODEL_MAX_LAYERS 16          /* layers, input and output included */
#define MODEL_MAX_SIZE (1u << 20)    /* neurons in one layer */
#define MODEL_MAX_OPTIONS 32         /* entries of "training" */
#define MODEL_NAME_MAX 32            /* bytes of a name, with its '\0' */
#define MODEL_STRING_MAX 256         /* bytes of a string option, '\0' too */
#define MODEL_MAX_BYTES ((size_t) 1 << 28)  /* the largest file loaded */

/* The statuses the functions below return. */
#define MODEL_OK 0
#define MODEL_ERROR (-1)
#define MODEL_EXISTS (-2)   /* model_save(): the file exists, no FORCE */

/* One entry of "training": KEY and a value of one of three types. */
enum model_type { MODEL_INTEGER, MODEL_REAL, MODEL_STRING };

struct model_option {
  char key[MODEL_NAME_MAX];        /* "eta", "batch-size", ... */
  enum model_type type;
  long long integer;               /* the value, if MODEL_INTEGER */
  double real;                     /* the value, if MODEL_REAL */
  char string[MODEL_STRING_MAX];   /* the value, if MODEL_STRING */
};

/* A network and what is known of its training.  Filled by the caller
 * for model_save(), around arrays the caller owns; or by model_load(),
 * which allocates sizes, w and b, released by model_free(). */
struct model {
  size_t num_layers;         /* L + 1, from 2 to MODEL_MAX_LAYERS */
  size_t *sizes;             /* sizes[0..L], neurons per layer */
  gsl_matrix **w;            /* w[1..L], sizes[l] x sizes[l-1]; w[0] NULL */
  gsl_vector **b;            /* b[1..L], sizes[l]; b[0] NULL */
  char cost[MODEL_NAME_MAX];     /* "quadratic", "cross-entropy", ... */
  char output[MODEL_NAME_MAX];   /* "sigmoid" or "softmax" */
  size_t num_options;            /* entries used in options[] */
  struct model_option options[MODEL_MAX_OPTIONS];
};

/* Appends the training option KEY = VALUE to M.  Returns MODEL_OK, or
 * MODEL_ERROR when M has MODEL_MAX_OPTIONS options already, when KEY is
 * empty, too long or already there, when a string VALUE is too long, or
 * when a real VALUE is not finite (JSON has no infinity or NaN). */
int model_add_integer(struct model *m, const char *key, long long value);
int model_add_real(struct model *m, const char *key, double value);
int model_add_string(struct model *m, const char *key, const char *value);

/* The training option KEY of M, or NULL when M has none. */
const struct model_option *model_find(const struct model *m,
                                      const char *key);

/* Writes M as JSON into a new buffer, its address stored in *JSON and
 * its length (not counting a final '\0') in *LEN; the caller frees it
 * with free().  Checks M first: the sizes against the shapes of w and b,
 * the names, and that every weight and bias is finite (a network that
 * diverged to NaN is refused, with the place of the first bad number).
 * Returns MODEL_OK, or MODEL_ERROR with a one-line reason in ERR, of
 * ERRLEN bytes. */
int model_encode(const struct model *m, char **json, size_t *len,
                 char *err, size_t errlen);

/* Reads the LEN bytes of JSON at DATA into *M, allocating its arrays.
 * INPUTS and OUTPUTS are the sizes the caller needs for the input and
 * output layers (784 and 10 for MNIST), or 0 for any.  Returns MODEL_OK;
 * or MODEL_ERROR, with *M emptied (model_free() may still be called on
 * it) and a one-line reason in ERR that says what is wrong: not JSON,
 * cut short, another format or version, a field missing, unknown or of
 * the wrong type, sizes that disagree with the matrices or with INPUTS
 * and OUTPUTS, a number too large for a double. */
int model_decode(const char *data, size_t len, size_t inputs,
                 size_t outputs, struct model *m, char *err, size_t errlen);

/* Saves M to the file PATH: model_encode(), then savefile_write(), so
 * that PATH is either the whole new model or as it was before.  An
 * existing file is replaced only when FORCE is true.  Returns MODEL_OK,
 * MODEL_EXISTS (PATH exists and FORCE is false: a program may then say
 * how to force it), or MODEL_ERROR, with a reason in ERR either way. */
int model_save(const struct model *m, const char *path, bool force,
               char *err, size_t errlen);

/* Loads the model file PATH into *M, as model_decode() does, and with
 * the same results; the reasons add those of reading the file (missing,
 * unreadable, empty, larger than MODEL_MAX_BYTES). */
int model_load(const char *path, size_t inputs, size_t outputs,
               struct model *m, char *err, size_t errlen);

/* Frees the arrays of a model filled by model_decode() or model_load()
 * and empties it.  Not for a model around the caller's own arrays. */
void model_free(struct model *m);

#endif /* NNC_MODEL_H */
