/* test-model.c -- saving and loading networks: src/model.c, and the
 * atomic writing of src/savefile.c that saving goes through.
 *
 * A model saved and loaded back must hold the very same bits: the test
 * fills a small network with awkward doubles (0.1, -0.0, denormals,
 * +-1e308, the largest double) and random bit patterns, and compares
 * the loaded numbers with memcmp.  Every kind of bad model file, made
 * here by changing one thing in a good one, must be refused with its
 * own message.  Saving must never leave a file half written nor damage
 * the file it would replace: the test makes writes fail (a directory
 * that cannot be written, a file size limit standing in for a full
 * disk) and checks that the old file is intact and no temporary file
 * is left.  Nothing but a regular file may be replaced, even with
 * force: not a FIFO, a device, a directory or a symbolic link.  A name
 * of 250 bytes must be written, the temporary's name not growing with
 * it; and a save stopped by SIGTERM must take its temporary with it.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <errno.h>
#include <float.h>
#include <math.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gsl/gsl_matrix.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_vector.h>

#include "model.h"
#include "savefile.h"
#include "scratch.h"
#include "tap.h"

/* ------------------------------------------------------------------ */
/* A network made by the test */

/* Doubles that a decimal writer or reader could get wrong; they fill
 * the first weights of layer 1, row by row, the rest being random bit
 * patterns. */
static const double awkward[] = {
  0.1, -0.0, 1e-300, 4.9406564584124654e-324 /* smallest denormal */,
  2.2250738585072009e-308 /* largest denormal */, DBL_MIN, 1e308,
  -1e308, DBL_MAX, -DBL_MAX, 1.0 / 3, -2.0 / 3, 1 + DBL_EPSILON,
  0.0, 123456789.98765432, 5e-324 * 3, -1e-310
};
#define NUM_AWKWARD (sizeof awkward / sizeof awkward[0])

static const size_t test_sizes[] = { 7, 5, 4, 3 };
#define TEST_LAYERS 4
#define TEST_NUMBERS (7 * 5 + 5 + 5 * 4 + 4 + 4 * 3 + 3)

/* A finite double with random bits, drawn from R. */
static double
random_double(gsl_rng *r)
{
  for (;;) {
    uint64_t bits = (uint64_t) gsl_rng_get(r) << 32 | gsl_rng_get(r);
    double x;

    memcpy(&x, &bits, sizeof x);
    if (isfinite(x))
      return x;
  }
}

/* Fills M with a network of test_sizes, its own arrays allocated here:
 * the awkward values first, then random bits.  Free with free_made(). */
static void
make_model(struct model *m, gsl_rng *r)
{
  size_t next = 0;

  memset(m, 0, sizeof *m);
  m->num_layers = TEST_LAYERS;
  m->sizes = calloc(TEST_LAYERS, sizeof *m->sizes);
  m->w = calloc(TEST_LAYERS, sizeof *m->w);
  m->b = calloc(TEST_LAYERS, sizeof *m->b);
  if (m->sizes == NULL || m->w == NULL || m->b == NULL)
    exit(EXIT_FAILURE);
  memcpy(m->sizes, test_sizes, sizeof test_sizes);
  /* l = 1..L */
  for (size_t l = 1; l < TEST_LAYERS; l++) {
    m->w[l] = gsl_matrix_alloc(test_sizes[l], test_sizes[l - 1]);
    m->b[l] = gsl_vector_alloc(test_sizes[l]);
    for (size_t j = 0; j < test_sizes[l]; j++) {
      for (size_t k = 0; k < test_sizes[l - 1]; k++)
        gsl_matrix_set(m->w[l], j, k, next < NUM_AWKWARD
                       ? awkward[next++] : random_double(r));
      gsl_vector_set(m->b[l], j, random_double(r));
    }
  }
  strcpy(m->cost, "cross-entropy");
  strcpy(m->output, "softmax");
  model_add_integer(m, "epochs", 30);
  model_add_real(m, "eta", 0.1);
  model_add_real(m, "lambda", 5e-324);
  model_add_string(m, "data", "MNIST, 50000 training images");
}

static void
free_made(struct model *m)
{
  /* l = 1..L */
  for (size_t l = 1; l < m->num_layers; l++) {
    gsl_matrix_free(m->w[l]);
    gsl_vector_free(m->b[l]);
  }
  free(m->sizes);
  free(m->w);
  free(m->b);
}

/* The number of weights and biases of A and B, of the same sizes,
 * whose bits differ. */
static size_t
count_different(const struct model *a, const struct model *b)
{
  size_t n = 0;

  /* l = 1..L */
  for (size_t l = 1; l < a->num_layers; l++)
    for (size_t j = 0; j < a->sizes[l]; j++) {
      const double *x = gsl_vector_const_ptr(a->b[l], j);
      const double *y = gsl_vector_const_ptr(b->b[l], j);

      n += memcmp(x, y, sizeof *x) != 0;
      for (size_t k = 0; k < a->sizes[l - 1]; k++) {
        x = gsl_matrix_const_ptr(a->w[l], j, k);
        y = gsl_matrix_const_ptr(b->w[l], j, k);
        n += memcmp(x, y, sizeof *x) != 0;
      }
    }
  return n;
}

/* True when the training options of A and B are the same, bit for bit
 * and in the same order. */
static bool
same_options(const struct model *a, const struct model *b)
{
  if (a->num_options != b->num_options)
    return false;
  for (size_t i = 0; i < a->num_options; i++) {
    const struct model_option *x = &a->options[i], *y = &b->options[i];

    if (strcmp(x->key, y->key) != 0 || x->type != y->type
        || (x->type == MODEL_INTEGER && x->integer != y->integer)
        || (x->type == MODEL_REAL
            && memcmp(&x->real, &y->real, sizeof x->real) != 0)
        || (x->type == MODEL_STRING && strcmp(x->string, y->string) != 0))
      return false;
  }
  return true;
}

/* Reads the whole file PATH into BUF, of LEN bytes, as a string;
 * returns its length, or -1 if it cannot be read. */
static long
slurp(const char *path, char *buf, size_t len)
{
  FILE *f = fopen(path, "rb");
  size_t got;

  if (f == NULL)
    return -1;
  got = fread(buf, 1, len - 1, f);
  fclose(f);
  buf[got] = '\0';
  return (long) got;
}

/* ------------------------------------------------------------------ */
/* The round trip */

#define ROUND_TRIP_CHECKS 8

static void
check_round_trip(gsl_rng *r)
{
  static char text[1 << 16];
  struct model saved, loaded;
  char err[256] = "";
  const char *path = scratch_path("round-trip.json");
  char *again = NULL;
  size_t again_len = 0;
  long len;
  int status;

  make_model(&saved, r);
  status = model_save(&saved, path, false, err, sizeof err);
  if (!tap_ok(status == MODEL_OK, "a [7, 5, 4, 3] network is saved"))
    tap_diag("status %d: %s", status, err);
  status = model_load(path, 7, 3, &loaded, err, sizeof err);
  if (!tap_ok(status == MODEL_OK, "and loaded back, 7 inputs and 3 "
              "outputs expected"))
    tap_diag("status %d: %s", status, err);
  if (status != MODEL_OK) {
    for (int i = 0; i < ROUND_TRIP_CHECKS - 2; i++)
      tap_ok(false, "(no model to check)");
    free_made(&saved);
    return;
  }
  tap_ok(loaded.num_layers == TEST_LAYERS
         && memcmp(loaded.sizes, test_sizes, sizeof test_sizes) == 0,
         "the loaded sizes are 7, 5, 4, 3");
  tap_ok(count_different(&saved, &loaded) == 0,
         "all %d weights and biases have the same bits (memcmp), "
         "%zu awkward values and the rest random bit patterns: %zu differ",
         TEST_NUMBERS, NUM_AWKWARD, count_different(&saved, &loaded));
  tap_ok(signbit(gsl_matrix_get(loaded.w[1], 0, 1))
         && gsl_matrix_get(loaded.w[1], 0, 3) == awkward[3]
         && gsl_matrix_get(loaded.w[1], 0, 3) > 0,
         "-0.0 keeps its sign, and the smallest denormal, 4.9e-324, "
         "is not rounded to 0");
  tap_ok(strcmp(loaded.cost, "cross-entropy") == 0
         && strcmp(loaded.output, "softmax") == 0
         && same_options(&saved, &loaded),
         "the cost, the output layer and the 4 training options, "
         "in order, are those saved");
  len = slurp(path, text, sizeof text);
  tap_ok(len > 0 && strncmp(text, "{\n \"format\": \"nnc-model\",\n "
                            "\"version\": 1,\n", 40) == 0,
         "the file starts with its format and version");
  status = model_encode(&loaded, &again, &again_len, err, sizeof err);
  tap_ok(status == MODEL_OK && (long) again_len == len
         && memcmp(again, text, again_len) == 0,
         "the loaded model, saved again, gives the same %ld bytes", len);
  free(again);
  model_free(&loaded);
  free_made(&saved);
}

/* ------------------------------------------------------------------ */
/* Bad files */

/* A good model, small enough to write by hand; each bad file below
 * changes one thing in it. */
static const char good[] =
  "{\"format\": \"nnc-model\", \"version\": 1, \"sizes\": [3, 2, 1],\n"
  " \"cost\": \"quadratic\", \"output\": \"sigmoid\",\n"
  " \"training\": {\"eta\": 3.0, \"epochs\": 30, \"note\": \"by hand\"},\n"
  " \"layers\": [\n"
  "  {\"layer\": 1, \"b\": [0.5, -0.5], \"w\": [[1, 2, 3], [4, 5, 6]]},\n"
  "  {\"layer\": 2, \"b\": [0.25], \"w\": [[-1, 1]]}]}\n";

/* One bad file: the good one with FROM replaced by TO (or, when FROM is
 * NULL, the text TO), and what its message must contain. */
struct bad_file {
  const char *what, *from, *to, *want;
};

static const struct bad_file bad_files[] = {
  { "an empty file", NULL, "", "empty file" },
  { "plain text", NULL, "hello, world\n", "not JSON" },
  { "a JSON array", NULL, "[1, 2, 3]\n",
    "the JSON is an array, not an object" },
  { "JSON with no \"format\"", NULL, "{\"sizes\": [3, 2, 1]}",
    "not an nnc model: no \"format\" field" },
  { "another format", "\"nnc-model\"", "\"keras\"",
    "another format: \"keras\", not \"nnc-model\"" },
  { "a format that is a number", "\"nnc-model\"", "7",
    "\"format\" is an integer, not the string \"nnc-model\"" },
  { "version 2", "\"version\": 1", "\"version\": 2",
    "version 2, but only version 1 can be read" },
  { "a version in quotes", "\"version\": 1", "\"version\": \"1\"",
    "field \"version\" is a string, not an integer" },
  { "an unknown field", "\"cost\"", "\"comment\": \"hi\", \"cost\"",
    "unknown field \"comment\"" },
  { "a field given twice", "\"cost\": \"quadratic\"",
    "\"cost\": \"quadratic\", \"cost\": \"log\"", "a field named twice" },
  { "no \"sizes\"", "\"sizes\": [3, 2, 1],", "",
    "missing field \"sizes\"" },
  { "one layer", "[3, 2, 1]", "[3]",
    "\"sizes\" must list from 2 to 16 layers, not 1" },
  { "a layer of 0 neurons", "[3, 2, 1]", "[3, 0, 1]",
    "sizes[1] is not an integer from 1 to" },
  { "a cost that is null", "\"quadratic\"", "null",
    "field \"cost\" is null, not a string" },
  { "no \"output\"", "\"output\": \"sigmoid\",", "",
    "missing field \"output\"" },
  { "an unknown output layer", "\"sigmoid\"", "\"tanh\"",
    "output layer \"tanh\" unknown" },
  { "a training option that is an array", "\"by hand\"", "[1]",
    "training option \"note\" is an array, not a string or a number" },
  { "one entry missing from \"layers\"",
    ",\n  {\"layer\": 2, \"b\": [0.25], \"w\": [[-1, 1]]}", "",
    "\"layers\" has length 1, but \"sizes\" calls for 2 entries" },
  { "layers out of order", "\"layer\": 2", "\"layer\": 3",
    "layer 2: its entry says layer 3" },
  { "b^1 shorter than sizes[1]", "[0.5, -0.5]", "[0.5]",
    "layer 1: \"b\" has length 1, but sizes[1] is 2" },
  { "w^1 with a row missing", "[[1, 2, 3], [4, 5, 6]]", "[[1, 2, 3]]",
    "layer 1: \"w\" has length 1, but sizes[1] is 2" },
  { "a row of w^1 too short", "[4, 5, 6]", "[4, 5]",
    "layer 1: \"w\" row 1 has length 2, but sizes[0] is 3" },
  { "a weight in quotes", "[4, 5, 6]", "[4, \"5\", 6]",
    "layer 1: w row 1, element 1, is a string, not a number" },
  { "a weight too large for a double", "[4, 5, 6]", "[4, 1e999, 6]",
    "a number out of the range of a double" },
  { "a weight written NaN", "[4, 5, 6]", "[4, NaN, 6]",
    "invalid token near 'NaN'" }
};
#define NUM_BAD_FILES (sizeof bad_files / sizeof bad_files[0])

/* The good text with FROM replaced by TO, in BUF of LEN bytes; false
 * when FROM is not in it (a mistake in the test). */
static bool
edit_good(const char *from, const char *to, char *buf, size_t len)
{
  const char *at = from ? strstr(good, from) : NULL;

  if (from == NULL)
    snprintf(buf, len, "%s", to);
  else if (at == NULL)
    return false;
  else
    snprintf(buf, len, "%.*s%s%s", (int) (at - good), good, to,
             at + strlen(from));
  return true;
}

/* Checks that loading PATH, expecting INPUTS and OUTPUTS, fails with a
 * message containing WANT and leaves the model empty. */
static void
check_refused(const char *path, size_t inputs, size_t outputs,
              const char *want, const char *what)
{
  struct model m;
  char err[256] = "";
  int status = model_load(path, inputs, outputs, &m, err, sizeof err);
  bool empty = m.num_layers == 0 && m.sizes == NULL && m.w == NULL;

  if (!tap_ok(status == MODEL_ERROR && strstr(err, want) != NULL && empty,
              "%s is refused: \"%s\"", what, err)) {
    tap_diag("status %d, expected %d; model %s", status, MODEL_ERROR,
             empty ? "empty" : "not emptied");
    tap_diag("expected the message to contain \"%s\"", want);
  }
  model_free(&m);
}

#define BAD_FILE_CHECKS (2 + NUM_BAD_FILES + 5)

static void
check_bad_files(void)
{
  char text[2048], name[32], err[256] = "";
  const char *good_path = scratch_write("good.json", good, strlen(good));
  struct model m;
  int status;

  status = model_load(good_path, 3, 1, &m, err, sizeof err);
  if (!tap_ok(status == MODEL_OK, "the hand-written model loads"))
    tap_diag("%s", err);
  tap_ok(status == MODEL_OK && gsl_matrix_get(m.w[1], 1, 2) == 6
         && gsl_vector_get(m.b[2], 0) == 0.25
         && model_find(&m, "epochs") != NULL
         && model_find(&m, "epochs")->integer == 30,
         "its w^1[1][2] is 6, b^2[0] is 0.25, and \"epochs\" is 30");
  model_free(&m);

  for (size_t i = 0; i < NUM_BAD_FILES; i++) {
    const struct bad_file *bad = &bad_files[i];

    snprintf(name, sizeof name, "bad-%zu.json", i);
    if (!edit_good(bad->from, bad->to, text, sizeof text)) {
      tap_ok(false, "%s: the test's good file has no %s", bad->what,
             bad->from);
      continue;
    }
    check_refused(scratch_write(name, text, strlen(text)), 0, 0,
                  bad->want, bad->what);
  }
  check_refused(scratch_write("cut.json", good, strlen(good) / 2), 0, 0,
                "truncated: the JSON stops at line",
                "the good file cut in half");
  check_refused(good_path, 784, 0, "the network's input layer has "
                "size 3, not 784",
                "a network of 3 inputs, where 784 are expected");
  check_refused(good_path, 0, 10, "the network's output layer has "
                "size 1, not 10",
                "a network of 1 output, where 10 are expected");
  check_refused(scratch_path("missing.json"), 0, 0,
                "No such file or directory", "a missing file");
  check_refused(scratch_dir, 0, 0, "cannot read: Is a directory",
                "a directory");
}

/* ------------------------------------------------------------------ */
/* Models that must not be saved, options that must not be added */

#define REFUSED_SAVE_CHECKS 7

static void
check_refused_saves(gsl_rng *r)
{
  struct model m;
  char err[256] = "", key[MODEL_NAME_MAX + 8];
  const char *path = scratch_path("never.json");
  int status, full = MODEL_OK;

  make_model(&m, r);
  gsl_matrix_set(m.w[2], 1, 2, NAN);
  status = model_save(&m, path, true, err, sizeof err);
  tap_ok(status == MODEL_ERROR && strstr(err, "layer 2: w row 1, element "
                                         "2, is nan: the network has "
                                         "diverged") != NULL
         && access(path, F_OK) != 0,
         "a network with a NaN weight is not saved: \"%s\"", err);
  gsl_matrix_set(m.w[2], 1, 2, 0);
  m.sizes[2] = 6;
  status = model_save(&m, path, true, err, sizeof err);
  tap_ok(status == MODEL_ERROR && strstr(err, "not shaped as sizes[] "
                                         "says") != NULL,
         "nor one whose sizes[] disagree with its matrices: \"%s\"", err);
  m.sizes[2] = 4;
  strcpy(m.output, "relu");
  status = model_save(&m, path, true, err, sizeof err);
  tap_ok(status == MODEL_ERROR && strstr(err, "the output layer must "
                                         "be") != NULL,
         "nor one with an unknown output layer: \"%s\"", err);

  tap_ok(model_add_real(&m, "eta", 1.0) == MODEL_ERROR,
         "a training option cannot be added twice (\"eta\")");
  memset(key, 'k', sizeof key - 1);
  key[sizeof key - 1] = '\0';
  tap_ok(model_add_integer(&m, key, 1) == MODEL_ERROR,
         "nor one with a name of %zu characters", sizeof key - 1);
  tap_ok(model_add_real(&m, "infinite", INFINITY) == MODEL_ERROR,
         "nor an infinite real number");
  for (int i = 0; full == MODEL_OK && i <= MODEL_MAX_OPTIONS; i++) {
    snprintf(key, sizeof key, "option-%d", i);
    full = model_add_integer(&m, key, i);
  }
  tap_ok(full == MODEL_ERROR && m.num_options == MODEL_MAX_OPTIONS,
         "and at most %d options are kept", MODEL_MAX_OPTIONS);
  free_made(&m);
}

/* ------------------------------------------------------------------ */
/* Atomic writing */

#define OLD_TEXT "the old file, to be kept\n"

/* True when PATH holds exactly OLD_TEXT. */
static bool
is_old(const char *path)
{
  char buf[256];

  return slurp(path, buf, sizeof buf) == (long) strlen(OLD_TEXT)
         && strcmp(buf, OLD_TEXT) == 0;
}

/* Makes the directory NAME in the scratch directory, its path put in
 * *DIR, holding the file "model.json" with OLD_TEXT; returns the path
 * of that file. */
static const char *
make_old(const char *name, const char **dir)
{
  static char file[SCRATCH_PATH_MAX + 16];
  FILE *f;

  *dir = scratch_path(name);
  snprintf(file, sizeof file, "%s/model.json", *dir);
  f = mkdir(*dir, 0700) == 0 ? fopen(file, "w") : NULL;
  if (f == NULL || fputs(OLD_TEXT, f) == EOF || fclose(f) != 0) {
    perror(file);
    exit(EXIT_FAILURE);
  }
  return file;
}

#define ATOMIC_CHECKS 12

static void
check_atomic(gsl_rng *r)
{
  struct model m, loaded;
  struct rlimit limit, saved_limit;
  char err[256] = "";
  const char *dir, *path;
  int status;
  bool writable;

  make_model(&m, r);

  /* No overwriting without FORCE. */
  path = make_old("exists", &dir);
  status = model_save(&m, path, false, err, sizeof err);
  tap_ok(status == MODEL_EXISTS && strcmp(err, "file exists") == 0,
         "saving over an existing file without force returns "
         "MODEL_EXISTS: \"%s\"", err);
  tap_ok(is_old(path) && scratch_count(dir) == 1,
         "and leaves that file as it was, and no other file");
  status = model_save(&m, path, true, err, sizeof err);
  tap_ok(status == MODEL_OK
         && model_load(path, 0, 0, &loaded, err, sizeof err) == MODEL_OK
         && count_different(&m, &loaded) == 0,
         "with force, the file is replaced by the model");
  model_free(&loaded);
  tap_ok(scratch_count(dir) == 1, "and no temporary file is left");

  /* A directory that cannot be written. */
  path = make_old("read-only", &dir);
  chmod(dir, 0500);
  writable = access(dir, W_OK) == 0;
  status = model_save(&m, path, true, err, sizeof err);
  if (writable) {
    tap_ok(true, "saving in a directory that cannot be written fails "
           "# SKIP permissions do not stop this user (root?)");
    tap_ok(true, "and leaves the old file # SKIP as above");
  } else {
    tap_ok(status == MODEL_ERROR && strstr(err, "Permission denied"),
           "saving in a directory that cannot be written fails: \"%s\"",
           err);
    tap_ok(is_old(path) && scratch_count(dir) == 1,
           "and leaves the old file as it was, and no other file");
  }
  chmod(dir, 0700);

  /* A full disk, played by a limit on the size of files: write()
   * fails with EFBIG as it would with ENOSPC.  The signal SIGXFSZ that
   * comes with it would end the test, so it is ignored. */
  path = make_old("full", &dir);
  signal(SIGXFSZ, SIG_IGN);
  getrlimit(RLIMIT_FSIZE, &saved_limit);
  limit = saved_limit;
  limit.rlim_cur = 1024;
  setrlimit(RLIMIT_FSIZE, &limit);
  status = model_save(&m, path, true, err, sizeof err);
  setrlimit(RLIMIT_FSIZE, &saved_limit);
  tap_ok(status == MODEL_ERROR && strstr(err, "cannot write: File too "
                                         "large") != NULL,
         "saving fails when the disk is full (files limited to 1 kB, "
         "the model is larger): \"%s\"", err);
  tap_ok(is_old(path), "and the old file is intact");
  tap_ok(scratch_count(dir) == 1, "and the temporary file is removed");

  /* Nowhere to write. */
  status = model_save(&m, scratch_path("no-such-dir/model.json"), true,
                      err, sizeof err);
  tap_ok(status == MODEL_ERROR && strstr(err, "cannot create a file in "
                                         "its directory: No such file "
                                         "or directory") != NULL,
         "saving into a missing directory fails: \"%s\"", err);
  dir = scratch_path("is-a-dir");
  mkdir(dir, 0700);
  status = model_save(&m, dir, true, err, sizeof err);
  tap_ok(status == MODEL_ERROR && strstr(err, "it is a directory, not "
                                         "a regular file") != NULL,
         "saving over a directory fails, even with force: \"%s\"", err);
  tap_ok(scratch_count(dir) == 0,
         "and the directory is still there, empty");
  free_made(&m);
}

/* ------------------------------------------------------------------ */
/* Targets that are not regular files */

/* True when PATH itself, not what it may link to, is of the type TYPE
 * (S_IFIFO, S_IFLNK, ...). */
static bool
is_type(const char *path, mode_t type)
{
  struct stat st;

  return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == type;
}

/* Makes the directory NAME in the scratch directory, its path put in
 * *DIR; returns the path of "model.json" in it, not yet made. */
static const char *
make_dir(const char *name, const char **dir)
{
  static char file[SCRATCH_PATH_MAX + 16];

  *dir = scratch_path(name);
  snprintf(file, sizeof file, "%s/model.json", *dir);
  if (mkdir(*dir, 0700) != 0) {
    perror(*dir);
    exit(EXIT_FAILURE);
  }
  return file;
}

/* Checks that saving M at PATH, in the directory DIR, is refused with a
 * message containing WANT, and leaves PATH of the type TYPE and DIR
 * with its ENTRIES entries; WHAT names what PATH is. */
static void
check_not_replaced(const struct model *m, const char *path, bool force,
                   mode_t type, const char *dir, long entries,
                   const char *want, const char *what)
{
  char err[256] = "";
  int status = model_save(m, path, force, err, sizeof err);

  if (!tap_ok(status == MODEL_ERROR && strstr(err, want) != NULL,
              "saving over %s%s is refused: \"%s\"", what,
              force ? ", with force," : "", err)) {
    tap_diag("status %d, expected %d", status, MODEL_ERROR);
    tap_diag("expected the message to contain \"%s\"", want);
  }
  tap_ok(is_type(path, type) && scratch_count(dir) == entries,
         "and %s is left as it was, and no other file", what);
}

#define NOT_REGULAR_CHECKS 8

static void
check_not_regular(gsl_rng *r)
{
  struct model m;
  const char *dir, *path;
  struct stat full;

  make_model(&m, r);

  path = make_dir("fifo", &dir);
  if (mkfifo(path, 0600) != 0) {
    perror(path);
    exit(EXIT_FAILURE);
  }
  check_not_replaced(&m, path, true, S_IFIFO, dir, 1,
                     "it is a FIFO, not a regular file", "a FIFO");

  /* A copy of /dev/full, which only root may make; run as root, a
   * program could otherwise replace /dev/null. */
  path = make_dir("device", &dir);
  if (stat("/dev/full", &full) == 0 && S_ISCHR(full.st_mode)
      && mknod(path, S_IFCHR | 0600, full.st_rdev) == 0) {
    check_not_replaced(&m, path, true, S_IFCHR, dir, 1,
                       "it is a device, not a regular file",
                       "a character device");
  } else {
    tap_ok(true, "saving over a character device is refused "
           "# SKIP cannot make one: %s", strerror(errno));
    tap_ok(true, "and it is left as it was # SKIP as above");
  }

  /* Links: one to a regular file, and one to nothing. */
  make_old("link", &dir);
  path = make_dir("link/to", &dir);
  if (symlink("../model.json", path) != 0) {
    perror(path);
    exit(EXIT_FAILURE);
  }
  check_not_replaced(&m, path, true, S_IFLNK, dir, 1,
                     "it is a symbolic link; give the name of the file it "
                     "points to", "a symbolic link to a file");
  path = make_dir("dangling", &dir);
  if (symlink("no-such-dir/model.json", path) != 0) {
    perror(path);
    exit(EXIT_FAILURE);
  }
  check_not_replaced(&m, path, false, S_IFLNK, dir, 1,
                     "it is a symbolic link", "a symbolic link to nothing");

  free_made(&m);
}

/* ------------------------------------------------------------------ */
/* A long name */

#define LONG_NAME_CHECKS 2

static void
check_long_name(gsl_rng *r)
{
  struct model m, loaded;
  char err[256] = "", name[256];
  const char *dir, *path;
  int status;

  make_model(&m, r);

  /* "long/" and a name of 250 bytes, where a name may have 255: the
   * temporary's name must not grow with it. */
  memset(name, 'n', sizeof name - 1);
  name[sizeof name - 1] = '\0';
  memcpy(name, "long/", 5);
  dir = scratch_path("long");
  if (mkdir(dir, 0700) != 0) {
    perror(dir);
    exit(EXIT_FAILURE);
  }
  path = scratch_path(name);
  status = model_save(&m, path, false, err, sizeof err);
  if (status == MODEL_OK)
    status = model_load(path, 0, 0, &loaded, err, sizeof err);
  if (!tap_ok(status == MODEL_OK && count_different(&m, &loaded) == 0,
              "a model is saved under a name of %zu bytes, and loads "
              "back", strlen(name) - 5))
    tap_diag("status %d: %s", status, err);
  if (status == MODEL_OK)
    model_free(&loaded);
  tap_ok(scratch_count(dir) == 1, "and no other file is left");
  free_made(&m);
}

/* ------------------------------------------------------------------ */
/* A save stopped by a signal */

/* Enough bytes to take a while to write and sync. */
#define STOPPED_BYTES ((size_t) 32 << 20)

#define STOPPED_CHECKS 1

/* A child process saves STOPPED_BYTES; the test sends it SIGTERM as
 * soon as its temporary file appears.  The temporary must go with the
 * child.  Should the save be over before the signal, there is nothing
 * to check. */
static void
check_stopped(void)
{
  const char *dir = scratch_path("stopped");
  char path[SCRATCH_PATH_MAX + 16], err[256];
  unsigned char *data = calloc(STOPPED_BYTES, 1);
  int status = 0;
  bool stopped = false;
  pid_t pid;

  snprintf(path, sizeof path, "%s/big", dir);
  if (data == NULL || mkdir(dir, 0700) != 0) {
    perror(dir);
    exit(EXIT_FAILURE);
  }
  fflush(stdout);
  pid = fork();
  if (pid < 0) {
    perror("fork");
    exit(EXIT_FAILURE);
  }
  if (pid == 0) {
    /* _exit(), so as not to remove the scratch directory. */
    savefile_write(path, data, STOPPED_BYTES, false, err, sizeof err);
    _exit(EXIT_SUCCESS);
  }
  for (;;) {
    if (scratch_count(dir) > 0) {
      kill(pid, SIGTERM);
      waitpid(pid, &status, 0);
      stopped = WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM;
      break;
    }
    if (waitpid(pid, &status, WNOHANG) != 0)
      break;
  }
  free(data);
  if (!stopped || access(path, F_OK) == 0)
    tap_ok(true, "a save stopped by SIGTERM leaves no temporary file "
           "# SKIP the save was over before the signal");
  else
    tap_ok(scratch_count(dir) == 0, "a save stopped by SIGTERM while it "
           "writes leaves no file (%ld left)", scratch_count(dir));
}

int
main(void)
{
  gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);

  scratch_init("test-model");
  tap_plan((int) (ROUND_TRIP_CHECKS + BAD_FILE_CHECKS
                  + REFUSED_SAVE_CHECKS + ATOMIC_CHECKS
                  + NOT_REGULAR_CHECKS + LONG_NAME_CHECKS
                  + STOPPED_CHECKS));
  check_round_trip(r);
  check_bad_files();
  check_refused_saves(r);
  check_atomic(r);
  check_not_regular(r);
  check_long_name(r);
  check_stopped();
  gsl_rng_free(r);
  return tap_done();
}
