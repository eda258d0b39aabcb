/* fuzz-model.c -- fuzzing the model loader, model_decode() of
 * src/model.c.
 *
 * Every input is decoded as a model file.  One that is refused must
 * come with a message and leave the model empty.  One that is accepted
 * must be a model the encoder takes too, and that model, encoded and
 * decoded again, must come back with the same bits: whatever the loader
 * lets through, the saver can write and the loader read back.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>

#include "fuzz.h"
#include "model.h"

/* True when the options X and Y are the same, bit for bit. */
static bool
same_option(const struct model_option *x, const struct model_option *y)
{
  return strcmp(x->key, y->key) == 0 && x->type == y->type
         && (x->type != MODEL_INTEGER || x->integer == y->integer)
         && (x->type != MODEL_REAL
             || memcmp(&x->real, &y->real, sizeof x->real) == 0)
         && (x->type != MODEL_STRING || strcmp(x->string, y->string) == 0);
}

/* True when A and B hold the same network and options, bit for bit. */
static bool
same_model(const struct model *a, const struct model *b)
{
  if (a->num_layers != b->num_layers
      || memcmp(a->sizes, b->sizes, a->num_layers * sizeof *a->sizes) != 0
      || strcmp(a->cost, b->cost) != 0 || strcmp(a->output, b->output) != 0
      || a->num_options != b->num_options)
    return false;
  for (size_t i = 0; i < a->num_options; i++)
    if (!same_option(&a->options[i], &b->options[i]))
      return false;
  /* l = 1..L; the matrices are freshly allocated, so each is one block
   * of sizes[l] * sizes[l-1] doubles. */
  for (size_t l = 1; l < a->num_layers; l++)
    if (memcmp(a->w[l]->data, b->w[l]->data,
               a->sizes[l] * a->sizes[l - 1] * sizeof(double)) != 0
        || memcmp(a->b[l]->data, b->b[l]->data,
                  a->sizes[l] * sizeof(double)) != 0)
      return false;
  return true;
}

int
fuzz_check(const uint8_t *data, size_t size)
{
  struct model m, again;
  char err[256] = "";
  char *json;
  size_t len;

  if (model_decode((const char *) data, size, 0, 0, &m, err, sizeof err)
      != MODEL_OK) {
    if (err[0] == '\0' || m.num_layers != 0 || m.sizes != NULL)
      abort();
    return 0;
  }
  if (model_encode(&m, &json, &len, err, sizeof err) != MODEL_OK)
    abort();
  if (model_decode(json, len, 0, 0, &again, err, sizeof err) != MODEL_OK
      || !same_model(&m, &again))
    abort();
  free(json);
  model_free(&again);
  model_free(&m);
  return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  fuzz_check(data, size);
  return 0;
}
