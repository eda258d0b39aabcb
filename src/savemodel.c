/* savemodel.c -- the --save option of the training programs (see
 * savemodel.h).
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model.h"
#include "options.h"
#include "program.h"
#include "savefile.h"
#include "savemodel.h"

void
savemodel_check(const char *path, bool force)
{
  char dir[4096], err[512];
  const char *slash = strrchr(path, '/');
  struct stat st;
  int status = savefile_check(path, force, err, sizeof err);

  if (status == SAVEFILE_EXISTS)
    program_fatal("%s: the model file exists; add --force to replace it",
                  path);
  if (status != SAVEFILE_OK)
    program_fatal("%s: cannot save the model: %s", path, err);
  /* The directory of PATH: "." for a bare name, "/" for "/name". */
  if (slash == NULL)
    snprintf(dir, sizeof dir, ".");
  else
    snprintf(dir, sizeof dir, "%.*s",
             slash == path ? 1 : (int) (slash - path), path);
  if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
    program_fatal("%s: cannot save the model: directory %s not found",
                  path, dir);
  if (access(dir, W_OK) != 0)
    program_fatal("%s: cannot save the model: directory %s: %s", path,
                  dir, strerror(errno));
}

void
savemodel_write(struct model *m, const struct options *opts)
{
  char err[512];

  /* Adding fails only for a key added twice or a full table, both
   * mistakes of the caller that the save below would not show. */
  if (model_add_integer(m, "epochs", (long long) opts->epochs) != MODEL_OK
      || model_add_integer(m, "batch-size",
                           (long long) opts->batch_size) != MODEL_OK
      || model_add_real(m, "eta", opts->eta) != MODEL_OK
      || model_add_integer(m, "train-size",
                           (long long) opts->train_size) != MODEL_OK
      || model_add_integer(m, "seed", (long long) opts->seed) != MODEL_OK)
    program_fatal("%s: cannot record the training options", opts->save);
  if (opts->regularization != NULL
      && (model_add_string(m, "regularization", opts->regularization)
          != MODEL_OK
          || model_add_real(m, "lambda", opts->lambda) != MODEL_OK))
    program_fatal("%s: cannot record the training options", opts->save);

  switch (model_save(m, opts->save, opts->force, err, sizeof err)) {
  case MODEL_OK:
    fprintf(stderr, "%s: saved the network to %s\n", program_name(),
            opts->save);
    return;
  case MODEL_EXISTS:
    program_fatal("%s: the model file exists; add --force to replace it",
                  opts->save);
  default:
    program_fatal("%s: cannot save the model: %s", opts->save, err);
  }
}
