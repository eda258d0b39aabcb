/* scratch.h -- a scratch directory for the files a test makes, and the
 * place of MNIST, for the tests of the model, digit and picture code.
 *
 * scratch_init() makes a new directory in $TMPDIR (or /tmp) and has it
 * removed, with everything in it, when the test exits.  Header-only,
 * like tap.h.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#ifndef NNC_SCRATCH_H
#define NNC_SCRATCH_H

#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SCRATCH_PATH_MAX 4200
#define SCRATCH_PATHS 16   /* paths scratch_path() keeps at once */

static char scratch_dir[4096];

/* Removes PATH, and everything in it if it is a directory. */
static inline void
scratch_remove_tree(const char *path)
{
  struct stat st;
  DIR *d;
  struct dirent *e;

  if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)
      && (d = opendir(path)) != NULL) {
    while ((e = readdir(d)) != NULL)
      if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
        char inner[SCRATCH_PATH_MAX];

        snprintf(inner, sizeof inner, "%s/%s", path, e->d_name);
        scratch_remove_tree(inner);
      }
    closedir(d);
  }
  remove(path);
}

static inline void
scratch_remove(void)
{
  scratch_remove_tree(scratch_dir);
}

/* Makes the scratch directory, named after the test NAME; exits if it
 * cannot. */
static inline void
scratch_init(const char *name)
{
  const char *tmp = getenv("TMPDIR");

  snprintf(scratch_dir, sizeof scratch_dir, "%s/%s.XXXXXX",
           tmp && *tmp ? tmp : "/tmp", name);
  if (mkdtemp(scratch_dir) == NULL) {
    perror(scratch_dir);
    exit(EXIT_FAILURE);
  }
  atexit(scratch_remove);
}

/* The path of NAME in the scratch directory.  The result stays valid
 * for the next SCRATCH_PATHS - 1 calls. */
static inline const char *
scratch_path(const char *name)
{
  static char paths[SCRATCH_PATHS][SCRATCH_PATH_MAX];
  static size_t next;
  char *path = paths[next++ % SCRATCH_PATHS];

  snprintf(path, SCRATCH_PATH_MAX, "%s/%s", scratch_dir, name);
  return path;
}

/* Writes the LEN bytes of DATA to the new file NAME of the scratch
 * directory; returns its path.  Exits if it cannot. */
static inline const char *
scratch_write(const char *name, const void *data, size_t len)
{
  const char *path = scratch_path(name);
  FILE *f = fopen(path, "wb");

  if (f == NULL || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
    perror(path);
    exit(EXIT_FAILURE);
  }
  return path;
}

/* Where MNIST is: $top_builddir/data/mnist, else $top_srcdir/data/mnist
 * (both set by make check), written into BUF of LEN bytes; or NULL. */
static inline const char *
scratch_find_mnist(char *buf, size_t len)
{
  const char *roots[] = { getenv("top_builddir"), getenv("top_srcdir") };

  for (size_t i = 0; i < 2; i++) {
    char probe[SCRATCH_PATH_MAX + 64];

    if (roots[i] == NULL)
      continue;
    snprintf(buf, len, "%s/data/mnist", roots[i]);
    snprintf(probe, sizeof probe, "%s/t10k-images-idx3-ubyte", buf);
    if (access(probe, R_OK) == 0)
      return buf;
  }
  return NULL;
}

/* The number of entries in the directory DIR, "." and ".." aside; -1
 * if it cannot be read. */
static inline long
scratch_count(const char *dir)
{
  DIR *d = opendir(dir);
  struct dirent *e;
  long n = 0;

  if (d == NULL)
    return -1;
  while ((e = readdir(d)) != NULL)
    if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
      n++;
  closedir(d);
  return n;
}

#endif /* NNC_SCRATCH_H */
