/* model.c -- model files: struct model to JSON and back (see model.h).
 *
 * Saving checks the model, builds a tree of jansson values from it and
 * has jansson print the tree; savefile.c writes the text atomically.
 * Loading has jansson parse the text (it rejects what is not JSON, and
 * a number too large for a double), then walks the tree field by field,
 * so that each way a file can be wrong has its own message.  Every
 * shape is checked against the numbers actually present before memory
 * is allocated for it, so a file cannot ask for more memory than its
 * own size implies.
 *
 * Layers are numbered from 0: layer 0 is the input layer, w[0] and b[0]
 * are NULL, and for l = 1..L w[l] is the sizes[l] x sizes[l-1] matrix
 * w^l and b[l] the vector b^l.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>
#include <jansson.h>

#include "model.h"
#include "readfile.h"
#include "savefile.h"

/* One field per line, indented by one space per level; 17 significant
 * digits, so that strtod() gives back the very bits of every double. */
#define MODEL_JSON_FLAGS (JSON_INDENT(1) | JSON_REAL_PRECISION(17))

/* The fields a model file has, at the top and in each layer. */
static const char *const top_fields[] = {
  "format", "version", "sizes", "cost", "output", "training", "layers",
  NULL
};
static const char *const layer_fields[] = { "layer", "b", "w", NULL };

/* ------------------------------------------------------------------ */
/* Names and training options */

/* True when S is a name or string a model file may hold: at least one
 * printable ASCII character, and shorter than MAX bytes.  Only ASCII,
 * so that printing it to a terminal is safe. */
static bool
is_printable(const char *s, size_t max)
{
  size_t len = strnlen(s, max);

  if (len == 0 || len == max)
    return false;
  for (size_t i = 0; i < len; i++)
    if (s[i] < ' ' || s[i] > '~')
      return false;
  return true;
}

/* True when NAME is a known output layer. */
static bool
is_output_name(const char *name)
{
  return strcmp(name, "sigmoid") == 0 || strcmp(name, "softmax") == 0;
}

const struct model_option *
model_find(const struct model *m, const char *key)
{
  for (size_t i = 0; i < m->num_options; i++)
    if (strcmp(m->options[i].key, key) == 0)
      return &m->options[i];
  return NULL;
}

/* Appends an option named KEY to M and returns it, or returns NULL and
 * changes nothing when KEY cannot be added. */
static struct model_option *
new_option(struct model *m, const char *key)
{
  struct model_option *o;

  if (m->num_options >= MODEL_MAX_OPTIONS
      || !is_printable(key, MODEL_NAME_MAX) || model_find(m, key) != NULL)
    return NULL;
  o = &m->options[m->num_options++];
  memset(o, 0, sizeof *o);
  strcpy(o->key, key);
  return o;
}

int
model_add_integer(struct model *m, const char *key, long long value)
{
  struct model_option *o = new_option(m, key);

  if (o == NULL)
    return MODEL_ERROR;
  o->type = MODEL_INTEGER;
  o->integer = value;
  return MODEL_OK;
}

int
model_add_real(struct model *m, const char *key, double value)
{
  struct model_option *o = isfinite(value) ? new_option(m, key) : NULL;

  if (o == NULL)
    return MODEL_ERROR;
  o->type = MODEL_REAL;
  o->real = value;
  return MODEL_OK;
}

int
model_add_string(struct model *m, const char *key, const char *value)
{
  struct model_option *o = is_printable(value, MODEL_STRING_MAX)
                           ? new_option(m, key) : NULL;

  if (o == NULL)
    return MODEL_ERROR;
  o->type = MODEL_STRING;
  strcpy(o->string, value);
  return MODEL_OK;
}

/* ------------------------------------------------------------------ */
/* Checking a model before it is saved */

/* Checks that the names and the options of M can be saved. */
static int
check_names(const struct model *m, char *err, size_t errlen)
{
  if (!is_printable(m->cost, MODEL_NAME_MAX)) {
    snprintf(err, errlen, "the cost name must be 1 to %d printable "
             "ASCII characters", MODEL_NAME_MAX - 1);
    return MODEL_ERROR;
  }
  if (!is_output_name(m->output)) {
    snprintf(err, errlen, "the output layer must be \"sigmoid\" or "
             "\"softmax\"");
    return MODEL_ERROR;
  }
  if (m->num_options > MODEL_MAX_OPTIONS) {
    snprintf(err, errlen, "%zu training options; at most %d",
             m->num_options, MODEL_MAX_OPTIONS);
    return MODEL_ERROR;
  }
  for (size_t i = 0; i < m->num_options; i++) {
    const struct model_option *o = &m->options[i];

    if (!is_printable(o->key, MODEL_NAME_MAX)
        || model_find(m, o->key) != o
        || (o->type == MODEL_REAL && !isfinite(o->real))
        || (o->type == MODEL_STRING
            && !is_printable(o->string, MODEL_STRING_MAX))) {
      snprintf(err, errlen, "training option %zu cannot be saved: its "
               "name is empty, too long or repeated, or its value is "
               "not finite or not printable", i + 1);
      return MODEL_ERROR;
    }
  }
  return MODEL_OK;
}

/* Checks that V holds only finite numbers; WHAT names it ("b", "w row
 * 3") for the message. */
static int
check_finite(const gsl_vector *v, size_t l, const char *what,
             char *err, size_t errlen)
{
  for (size_t j = 0; j < v->size; j++)
    if (!isfinite(gsl_vector_get(v, j))) {
      snprintf(err, errlen, "layer %zu: %s, element %zu, is %g: the "
               "network has diverged", l, what, j,
               gsl_vector_get(v, j));
      return MODEL_ERROR;
    }
  return MODEL_OK;
}

/* Checks the layers of M: their number, sizes, shapes and values. */
static int
check_layers(const struct model *m, char *err, size_t errlen)
{
  if (m->num_layers < 2 || m->num_layers > MODEL_MAX_LAYERS) {
    snprintf(err, errlen, "%zu layers; a network has from 2 to %d",
             m->num_layers, MODEL_MAX_LAYERS);
    return MODEL_ERROR;
  }
  /* l = 0..L */
  for (size_t l = 0; l < m->num_layers; l++)
    if (m->sizes[l] < 1 || m->sizes[l] > MODEL_MAX_SIZE) {
      snprintf(err, errlen, "sizes[%zu] is %zu; from 1 to %u allowed",
               l, m->sizes[l], MODEL_MAX_SIZE);
      return MODEL_ERROR;
    }
  /* l = 1..L */
  for (size_t l = 1; l < m->num_layers; l++) {
    const gsl_matrix *w = m->w[l];
    const gsl_vector *b = m->b[l];
    char what[64];

    if (w == NULL || b == NULL || w->size1 != m->sizes[l]
        || w->size2 != m->sizes[l - 1] || b->size != m->sizes[l]) {
      snprintf(err, errlen, "layer %zu: w and b are not shaped as "
               "sizes[] says (%zu x %zu and %zu)", l, m->sizes[l],
               m->sizes[l - 1], m->sizes[l]);
      return MODEL_ERROR;
    }
    if (check_finite(b, l, "b", err, errlen) != MODEL_OK)
      return MODEL_ERROR;
    for (size_t j = 0; j < w->size1; j++) {
      gsl_vector_const_view row = gsl_matrix_const_row(w, j);

      snprintf(what, sizeof what, "w row %zu", j);
      if (check_finite(&row.vector, l, what, err, errlen) != MODEL_OK)
        return MODEL_ERROR;
    }
  }
  return MODEL_OK;
}

/* ------------------------------------------------------------------ */
/* Saving: struct model to a jansson tree to text */

/* Sets the field KEY of OBJ to VALUE, taking over VALUE (NULL allowed:
 * the result is then false).  False when out of memory. */
static bool
set(json_t *obj, const char *key, json_t *value)
{
  return json_object_set_new(obj, key, value) == 0;
}

/* Appends VALUE to ARRAY, taking it over as set() does. */
static bool
append(json_t *array, json_t *value)
{
  return json_array_append_new(array, value) == 0;
}

/* The new JSON array of the numbers of V; NULL when out of memory. */
static json_t *
json_vector(const gsl_vector *v)
{
  json_t *array = json_array();

  for (size_t j = 0; array != NULL && j < v->size; j++)
    if (!append(array, json_real(gsl_vector_get(v, j)))) {
      json_decref(array);
      return NULL;
    }
  return array;
}

/* The new JSON array of the rows of W, each an array of numbers. */
static json_t *
json_matrix(const gsl_matrix *w)
{
  json_t *array = json_array();

  for (size_t j = 0; array != NULL && j < w->size1; j++) {
    gsl_vector_const_view row = gsl_matrix_const_row(w, j);

    if (!append(array, json_vector(&row.vector))) {
      json_decref(array);
      return NULL;
    }
  }
  return array;
}

/* The new JSON array of sizes[0..L]. */
static json_t *
json_sizes(const struct model *m)
{
  json_t *array = json_array();

  /* l = 0..L */
  for (size_t l = 0; array != NULL && l < m->num_layers; l++)
    if (!append(array, json_integer((json_int_t) m->sizes[l]))) {
      json_decref(array);
      return NULL;
    }
  return array;
}

/* The object of the training options, in the order they were added. */
static json_t *
json_training(const struct model *m)
{
  json_t *obj = json_object();

  for (size_t i = 0; obj != NULL && i < m->num_options; i++) {
    const struct model_option *o = &m->options[i];
    json_t *value = o->type == MODEL_INTEGER ? json_integer(o->integer)
                    : o->type == MODEL_REAL ? json_real(o->real)
                    : json_string(o->string);

    if (!set(obj, o->key, value)) {
      json_decref(obj);
      return NULL;
    }
  }
  return obj;
}

/* The entry of layer L: its number, b^l and w^l. */
static json_t *
json_layer(const struct model *m, size_t l)
{
  json_t *layer = json_object();

  if (layer != NULL
      && set(layer, "layer", json_integer((json_int_t) l))
      && set(layer, "b", json_vector(m->b[l]))
      && set(layer, "w", json_matrix(m->w[l])))
    return layer;
  json_decref(layer);
  return NULL;
}

/* The new JSON array of the entries of layers 1..L. */
static json_t *
json_layers(const struct model *m)
{
  json_t *array = json_array();

  /* l = 1..L */
  for (size_t l = 1; array != NULL && l < m->num_layers; l++)
    if (!append(array, json_layer(m, l))) {
      json_decref(array);
      return NULL;
    }
  return array;
}

/* The whole model as a jansson tree, its fields in the order of
 * model.h; NULL when out of memory. */
static json_t *
json_model(const struct model *m)
{
  json_t *root = json_object();

  if (root != NULL
      && set(root, "format", json_string(MODEL_FORMAT))
      && set(root, "version", json_integer(MODEL_VERSION))
      && set(root, "sizes", json_sizes(m))
      && set(root, "cost", json_string(m->cost))
      && set(root, "output", json_string(m->output))
      && set(root, "training", json_training(m))
      && set(root, "layers", json_layers(m)))
    return root;
  json_decref(root);
  return NULL;
}

int
model_encode(const struct model *m, char **json, size_t *len,
             char *err, size_t errlen)
{
  json_t *root;
  char *text, *longer;
  size_t n;

  *json = NULL;
  *len = 0;
  if (check_layers(m, err, errlen) != MODEL_OK
      || check_names(m, err, errlen) != MODEL_OK)
    return MODEL_ERROR;
  root = json_model(m);
  text = root ? json_dumps(root, MODEL_JSON_FLAGS) : NULL;
  json_decref(root);
  /* A text file ends with a newline. */
  n = text ? strlen(text) : 0;
  longer = text ? realloc(text, n + 2) : NULL;
  if (longer == NULL) {
    free(text);
    snprintf(err, errlen, "out of memory");
    return MODEL_ERROR;
  }
  longer[n] = '\n';
  longer[n + 1] = '\0';
  *json = longer;
  *len = n + 1;
  return MODEL_OK;
}

int
model_save(const struct model *m, const char *path, bool force,
           char *err, size_t errlen)
{
  char *json;
  size_t len;
  int status;

  if (model_encode(m, &json, &len, err, errlen) != MODEL_OK)
    return MODEL_ERROR;
  status = savefile_write(path, json, len, force, err, errlen);
  free(json);
  if (status == SAVEFILE_EXISTS)
    return MODEL_EXISTS;
  return status == SAVEFILE_OK ? MODEL_OK : MODEL_ERROR;
}

/* ------------------------------------------------------------------ */
/* Loading: text to a jansson tree, checked field by field */

/* "an array", "a string", ... for the messages. */
static const char *
type_name(json_type type)
{
  switch (type) {
  case JSON_OBJECT: return "an object";
  case JSON_ARRAY: return "an array";
  case JSON_STRING: return "a string";
  case JSON_INTEGER: return "an integer";
  case JSON_REAL: return "a real number";
  case JSON_TRUE: return "true";
  case JSON_FALSE: return "false";
  case JSON_NULL: return "null";
  }
  return "of no known JSON type";
}

/* Says in ERR why jansson could not parse the text. */
static void
explain_json_error(const json_error_t *e, char *err, size_t errlen)
{
  switch (json_error_code(e)) {
  case json_error_premature_end_of_input:
    snprintf(err, errlen, "truncated: the JSON stops at line %d before "
             "it is complete", e->line);
    break;
  case json_error_numeric_overflow:
    snprintf(err, errlen, "line %d: a number out of the range of a "
             "double, which would not be finite (%s)", e->line, e->text);
    break;
  case json_error_duplicate_key:
    snprintf(err, errlen, "line %d: a field named twice (%s)", e->line,
             e->text);
    break;
  case json_error_out_of_memory:
    snprintf(err, errlen, "out of memory");
    break;
  default:
    snprintf(err, errlen, "not JSON: %s (line %d, column %d)", e->text,
             e->line, e->column);
    break;
  }
}

/* Checks that OBJ has no field but those of NAMES (NULL-terminated);
 * WHERE starts the message ("" or "layer 2: "). */
static int
check_fields(json_t *obj, const char *const *names, const char *where,
             char *err, size_t errlen)
{
  const char *key;
  json_t *value;

  json_object_foreach(obj, key, value) {
    size_t i = 0;

    while (names[i] != NULL && strcmp(names[i], key) != 0)
      i++;
    if (names[i] == NULL) {
      snprintf(err, errlen, "%sunknown field \"%.40s\"", where, key);
      return MODEL_ERROR;
    }
  }
  return MODEL_OK;
}

/* The field KEY of OBJ, which must be of type TYPE; NULL, with a reason
 * in ERR that starts with WHERE, when it is missing or of another
 * type. */
static json_t *
get_field(json_t *obj, const char *key, json_type type, const char *where,
          char *err, size_t errlen)
{
  json_t *value = json_object_get(obj, key);

  if (value == NULL)
    snprintf(err, errlen, "%smissing field \"%s\"", where, key);
  else if (json_typeof(value) != type)
    snprintf(err, errlen, "%sfield \"%s\" is %s, not %s", where, key,
             type_name(json_typeof(value)), type_name(type));
  else
    return value;
  return NULL;
}

/* Checks "format" and "version": is this a model file this code can
 * read?  Done first, so that another kind of file is named as such. */
static int
decode_header(json_t *root, char *err, size_t errlen)
{
  json_t *format, *version;

  if (!json_is_object(root)) {
    snprintf(err, errlen, "not an nnc model: the JSON is %s, not an "
             "object", type_name(json_typeof(root)));
    return MODEL_ERROR;
  }
  format = json_object_get(root, "format");
  if (format == NULL) {
    snprintf(err, errlen, "not an nnc model: no \"format\" field");
    return MODEL_ERROR;
  }
  if (!json_is_string(format)) {
    snprintf(err, errlen, "another format: \"format\" is %s, not the "
             "string \"%s\"", type_name(json_typeof(format)),
             MODEL_FORMAT);
    return MODEL_ERROR;
  }
  if (strcmp(json_string_value(format), MODEL_FORMAT) != 0) {
    snprintf(err, errlen, "another format: \"%.40s\", not \"%s\"",
             json_string_value(format), MODEL_FORMAT);
    return MODEL_ERROR;
  }
  version = get_field(root, "version", JSON_INTEGER, "", err, errlen);
  if (version == NULL)
    return MODEL_ERROR;
  if (json_integer_value(version) != MODEL_VERSION) {
    snprintf(err, errlen, "version %" JSON_INTEGER_FORMAT ", but only "
             "version %d can be read", json_integer_value(version),
             MODEL_VERSION);
    return MODEL_ERROR;
  }
  return check_fields(root, top_fields, "", err, errlen);
}

/* Reads "sizes" into M, allocating M's arrays, and checks the input
 * and output sizes against INPUTS and OUTPUTS (0 for any). */
static int
decode_sizes(json_t *root, size_t inputs, size_t outputs,
             struct model *m, char *err, size_t errlen)
{
  json_t *sizes = get_field(root, "sizes", JSON_ARRAY, "", err, errlen);
  size_t n;

  if (sizes == NULL)
    return MODEL_ERROR;
  n = json_array_size(sizes);
  if (n < 2 || n > MODEL_MAX_LAYERS) {
    snprintf(err, errlen, "\"sizes\" must list from 2 to %d layers, "
             "not %zu", MODEL_MAX_LAYERS, n);
    return MODEL_ERROR;
  }
  m->sizes = calloc(n, sizeof *m->sizes);
  m->w = calloc(n, sizeof *m->w);
  m->b = calloc(n, sizeof *m->b);
  if (m->sizes == NULL || m->w == NULL || m->b == NULL) {
    snprintf(err, errlen, "out of memory");
    return MODEL_ERROR;
  }
  m->num_layers = n;
  /* l = 0..L */
  for (size_t l = 0; l < n; l++) {
    json_t *size = json_array_get(sizes, l);
    json_int_t value = json_integer_value(size);

    if (!json_is_integer(size) || value < 1 || value > MODEL_MAX_SIZE) {
      snprintf(err, errlen, "sizes[%zu] is not an integer from 1 to %u",
               l, MODEL_MAX_SIZE);
      return MODEL_ERROR;
    }
    m->sizes[l] = (size_t) value;
  }
  if (inputs != 0 && m->sizes[0] != inputs) {
    snprintf(err, errlen, "the network's input layer has size %zu, not "
             "%zu", m->sizes[0], inputs);
    return MODEL_ERROR;
  }
  if (outputs != 0 && m->sizes[n - 1] != outputs) {
    snprintf(err, errlen, "the network's output layer has size %zu, not "
             "%zu", m->sizes[n - 1], outputs);
    return MODEL_ERROR;
  }
  return MODEL_OK;
}

/* Copies the string field KEY of ROOT into NAME, of MODEL_NAME_MAX. */
static int
decode_name(json_t *root, const char *key, char *name,
            char *err, size_t errlen)
{
  json_t *value = get_field(root, key, JSON_STRING, "", err, errlen);

  if (value == NULL)
    return MODEL_ERROR;
  if (!is_printable(json_string_value(value), MODEL_NAME_MAX)) {
    snprintf(err, errlen, "\"%s\" must be 1 to %d printable ASCII "
             "characters", key, MODEL_NAME_MAX - 1);
    return MODEL_ERROR;
  }
  strcpy(name, json_string_value(value));
  return MODEL_OK;
}

/* Reads "cost" and "output" into M. */
static int
decode_names(json_t *root, struct model *m, char *err, size_t errlen)
{
  if (decode_name(root, "cost", m->cost, err, errlen) != MODEL_OK
      || decode_name(root, "output", m->output, err, errlen) != MODEL_OK)
    return MODEL_ERROR;
  if (!is_output_name(m->output)) {
    snprintf(err, errlen, "output layer \"%s\" unknown: it must be "
             "\"sigmoid\" or \"softmax\"", m->output);
    return MODEL_ERROR;
  }
  return MODEL_OK;
}

/* Reads the entries of "training" into M's options, in file order. */
static int
decode_training(json_t *root, struct model *m, char *err, size_t errlen)
{
  json_t *training = get_field(root, "training", JSON_OBJECT, "",
                               err, errlen);
  const char *key;
  json_t *value;

  if (training == NULL)
    return MODEL_ERROR;
  if (json_object_size(training) > MODEL_MAX_OPTIONS) {
    snprintf(err, errlen, "\"training\" has %zu options; at most %d",
             json_object_size(training), MODEL_MAX_OPTIONS);
    return MODEL_ERROR;
  }
  json_object_foreach(training, key, value) {
    int status;

    if (json_is_integer(value))
      status = model_add_integer(m, key, json_integer_value(value));
    else if (json_is_real(value))
      status = model_add_real(m, key, json_real_value(value));
    else if (json_is_string(value))
      status = model_add_string(m, key, json_string_value(value));
    else {
      snprintf(err, errlen, "training option \"%.40s\" is %s, not a "
               "string or a number", key, type_name(json_typeof(value)));
      return MODEL_ERROR;
    }
    if (status != MODEL_OK) {
      snprintf(err, errlen, "training option \"%.40s\": the name must "
               "be 1 to %d printable ASCII characters, a string value "
               "1 to %d", key, MODEL_NAME_MAX - 1, MODEL_STRING_MAX - 1);
      return MODEL_ERROR;
    }
  }
  return MODEL_OK;
}

/* Copies the JSON array NUMBERS, already known to have v->size
 * elements, into V.  WHAT names it for the message ("b", "w row 3"). */
static int
decode_numbers(json_t *numbers, gsl_vector *v, size_t l, const char *what,
               char *err, size_t errlen)
{
  for (size_t j = 0; j < v->size; j++) {
    json_t *x = json_array_get(numbers, j);

    if (!json_is_number(x)) {
      snprintf(err, errlen, "layer %zu: %s, element %zu, is %s, not a "
               "number", l, what, j, type_name(json_typeof(x)));
      return MODEL_ERROR;
    }
    gsl_vector_set(v, j, json_number_value(x));
  }
  return check_finite(v, l, what, err, errlen);
}

/* Checks the JSON array W, w^l, against sizes[]: sizes[l] rows of
 * sizes[l-1] numbers. */
static int
check_w_shape(json_t *w, const struct model *m, size_t l,
              char *err, size_t errlen)
{
  if (json_array_size(w) != m->sizes[l]) {
    snprintf(err, errlen, "layer %zu: \"w\" has length %zu, but sizes[%zu] "
             "is %zu", l, json_array_size(w), l, m->sizes[l]);
    return MODEL_ERROR;
  }
  for (size_t j = 0; j < m->sizes[l]; j++) {
    json_t *row = json_array_get(w, j);

    if (!json_is_array(row)) {
      snprintf(err, errlen, "layer %zu: \"w\" row %zu is %s, not an "
               "array", l, j, type_name(json_typeof(row)));
      return MODEL_ERROR;
    }
    if (json_array_size(row) != m->sizes[l - 1]) {
      snprintf(err, errlen, "layer %zu: \"w\" row %zu has length %zu, "
               "but sizes[%zu] is %zu", l, j, json_array_size(row),
               l - 1, m->sizes[l - 1]);
      return MODEL_ERROR;
    }
  }
  return MODEL_OK;
}

/* Allocates a ROWS x COLS matrix, reporting failure in ERR rather than
 * through GSL's error handler, which would end the program. */
static gsl_matrix *
matrix_alloc(size_t rows, size_t cols, char *err, size_t errlen)
{
  gsl_error_handler_t *handler = gsl_set_error_handler_off();
  gsl_matrix *w = gsl_matrix_alloc(rows, cols);

  gsl_set_error_handler(handler);
  if (w == NULL)
    snprintf(err, errlen, "out of memory for a %zu x %zu matrix",
             rows, cols);
  return w;
}

/* Likewise for a vector of N elements. */
static gsl_vector *
vector_alloc(size_t n, char *err, size_t errlen)
{
  gsl_error_handler_t *handler = gsl_set_error_handler_off();
  gsl_vector *b = gsl_vector_alloc(n);

  gsl_set_error_handler(handler);
  if (b == NULL)
    snprintf(err, errlen, "out of memory for a vector of %zu", n);
  return b;
}

/* Reads the entry LAYER of layer L into m->b[l] and m->w[l]. */
static int
decode_layer(json_t *layer, struct model *m, size_t l,
             char *err, size_t errlen)
{
  char where[32], what[64];
  json_t *number, *b, *w;

  snprintf(where, sizeof where, "layer %zu: ", l);
  if (!json_is_object(layer)) {
    snprintf(err, errlen, "%sits entry is %s, not an object", where,
             type_name(json_typeof(layer)));
    return MODEL_ERROR;
  }
  number = get_field(layer, "layer", JSON_INTEGER, where, err, errlen);
  if (number == NULL)
    return MODEL_ERROR;
  if (json_integer_value(number) != (json_int_t) l) {
    snprintf(err, errlen, "%sits entry says layer %" JSON_INTEGER_FORMAT
             "; the entries go in order from layer 1", where,
             json_integer_value(number));
    return MODEL_ERROR;
  }
  if (check_fields(layer, layer_fields, where, err, errlen) != MODEL_OK)
    return MODEL_ERROR;
  b = get_field(layer, "b", JSON_ARRAY, where, err, errlen);
  w = b ? get_field(layer, "w", JSON_ARRAY, where, err, errlen) : NULL;
  if (w == NULL)
    return MODEL_ERROR;
  if (json_array_size(b) != m->sizes[l]) {
    snprintf(err, errlen, "%s\"b\" has length %zu, but sizes[%zu] is %zu",
             where, json_array_size(b), l, m->sizes[l]);
    return MODEL_ERROR;
  }
  if (check_w_shape(w, m, l, err, errlen) != MODEL_OK)
    return MODEL_ERROR;

  /* The shapes are right: allocate b^l and w^l and fill them. */
  m->b[l] = vector_alloc(m->sizes[l], err, errlen);
  m->w[l] = m->b[l] ? matrix_alloc(m->sizes[l], m->sizes[l - 1],
                                   err, errlen) : NULL;
  if (m->w[l] == NULL
      || decode_numbers(b, m->b[l], l, "b", err, errlen) != MODEL_OK)
    return MODEL_ERROR;
  for (size_t j = 0; j < m->sizes[l]; j++) {
    gsl_vector_view row = gsl_matrix_row(m->w[l], j);

    snprintf(what, sizeof what, "w row %zu", j);
    if (decode_numbers(json_array_get(w, j), &row.vector, l, what,
                       err, errlen) != MODEL_OK)
      return MODEL_ERROR;
  }
  return MODEL_OK;
}

/* Reads "layers", one entry per layer l = 1..L, into M. */
static int
decode_layers(json_t *root, struct model *m, char *err, size_t errlen)
{
  json_t *layers = get_field(root, "layers", JSON_ARRAY, "", err, errlen);
  size_t L = m->num_layers - 1;

  if (layers == NULL)
    return MODEL_ERROR;
  if (json_array_size(layers) != L) {
    snprintf(err, errlen, "\"layers\" has length %zu, but \"sizes\" "
             "calls for %zu entries (layers 1 to %zu)",
             json_array_size(layers), L, L);
    return MODEL_ERROR;
  }
  /* l = 1..L; layer l is entry l - 1 */
  for (size_t l = 1; l <= L; l++)
    if (decode_layer(json_array_get(layers, l - 1), m, l,
                     err, errlen) != MODEL_OK)
      return MODEL_ERROR;
  return MODEL_OK;
}

int
model_decode(const char *data, size_t len, size_t inputs,
             size_t outputs, struct model *m, char *err, size_t errlen)
{
  json_error_t error;
  json_t *root;
  int status;

  memset(m, 0, sizeof *m);
  if (len == 0) {
    snprintf(err, errlen, "empty file");
    return MODEL_ERROR;
  }
  root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &error);
  if (root == NULL) {
    explain_json_error(&error, err, errlen);
    return MODEL_ERROR;
  }
  status = decode_header(root, err, errlen);
  if (status == MODEL_OK)
    status = decode_sizes(root, inputs, outputs, m, err, errlen);
  if (status == MODEL_OK)
    status = decode_names(root, m, err, errlen);
  if (status == MODEL_OK)
    status = decode_training(root, m, err, errlen);
  if (status == MODEL_OK)
    status = decode_layers(root, m, err, errlen);
  json_decref(root);
  if (status != MODEL_OK)
    model_free(m);
  return status;
}

/* Reads the whole file PATH into a new buffer *DATA of *LEN bytes. */
static int
read_file(const char *path, char **data, size_t *len,
          char *err, size_t errlen)
{
  FILE *f = readfile_fopen(path, err, errlen);
  size_t size = 1 << 16, got = 0;
  char *buf = NULL, *bigger;

  if (f == NULL)
    return MODEL_ERROR;
  /* Grow the buffer until the file fits; one byte past the limit is
   * enough to know that the file is too large. */
  for (;;) {
    bigger = realloc(buf, size);
    if (bigger == NULL) {
      snprintf(err, errlen, "out of memory");
      break;
    }
    buf = bigger;
    got += fread(buf + got, 1, size - got, f);
    if (ferror(f)) {
      snprintf(err, errlen, "cannot read: %s", strerror(errno));
      break;
    }
    if (got > MODEL_MAX_BYTES) {
      snprintf(err, errlen, "too large for a model file (over %zu MB)",
               MODEL_MAX_BYTES >> 20);
      break;
    }
    if (got < size) {
      fclose(f);
      *data = buf;
      *len = got;
      return MODEL_OK;
    }
    size = size * 2 > MODEL_MAX_BYTES ? MODEL_MAX_BYTES + 1 : size * 2;
  }
  fclose(f);
  free(buf);
  return MODEL_ERROR;
}

int
model_load(const char *path, size_t inputs, size_t outputs,
           struct model *m, char *err, size_t errlen)
{
  char *data;
  size_t len;
  int status;

  memset(m, 0, sizeof *m);
  if (read_file(path, &data, &len, err, errlen) != MODEL_OK)
    return MODEL_ERROR;
  status = model_decode(data, len, inputs, outputs, m, err, errlen);
  free(data);
  return status;
}

void
model_free(struct model *m)
{
  if (m->w != NULL && m->b != NULL)
    /* l = 1..L */
    for (size_t l = 1; l < m->num_layers; l++) {
      gsl_matrix_free(m->w[l]);
      gsl_vector_free(m->b[l]);
    }
  free(m->sizes);
  free(m->w);
  free(m->b);
  memset(m, 0, sizeof *m);
}
