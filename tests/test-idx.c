/* test-idx.c -- the IDX reader of src/idx.c.
 *
 * The test writes small IDX files of its own into a temporary directory:
 * one good file, plain and gzip-compressed, and one file for each way a
 * file can be wrong, among them gzip files cut short in the checksum
 * and length that end them, or whose checksum does not match, and a
 * directory and a FIFO in place of a file.  Each bad file must be
 * rejected with its own message, and leave the struct idx empty.  When
 * MNIST is present, the test also reads known values of the real files;
 * without it, those checks are reported as skipped.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <zlib.h>

#include "idx.h"
#include "mnist.h"
#include "tap.h"

/* The temporary directory, and the files made in it, removed at exit. */
static char dir[4096];
static char made[32][4200];
static size_t num_made;

/* A good file: type 0x08, 2 dimensions, 2 x 3, then its 6 bytes. */
static const unsigned char good[] = {
  0x00, 0x00, 0x08, 0x02,  0, 0, 0, 2,  0, 0, 0, 3,
  10, 20, 30, 40, 50, 255
};
#define GOOD_HEADER 12

/* Makes the temporary directory, in $TMPDIR or /tmp. */
static void
make_dir(void)
{
  const char *tmp = getenv("TMPDIR");

  snprintf(dir, sizeof dir, "%s/test-idx.XXXXXX",
           tmp && *tmp ? tmp : "/tmp");
  if (mkdtemp(dir) == NULL) {
    perror(dir);
    exit(EXIT_FAILURE);
  }
}

/* The path of NAME in the temporary directory. */
static const char *
path_of(const char *name)
{
  snprintf(made[num_made], sizeof made[num_made], "%s/%s", dir, name);
  return made[num_made++];
}

/* Writes the LEN bytes of DATA to a new file NAME; returns its path.
 * With GZIP, the file is written gzip-compressed through zlib. */
static const char *
write_file(const char *name, const unsigned char *data, size_t len,
           bool gzip)
{
  const char *path = path_of(name);

  if (gzip) {
    gzFile gz = gzopen(path, "wb");

    if (gz == NULL || (len && gzwrite(gz, data, (unsigned) len) == 0)
        || gzclose(gz) != Z_OK) {
      fprintf(stderr, "%s: cannot write\n", path);
      exit(EXIT_FAILURE);
    }
  } else {
    FILE *f = fopen(path, "wb");

    if (f == NULL || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
      perror(path);
      exit(EXIT_FAILURE);
    }
  }
  return path;
}

/* Reads up to LEN bytes of PATH into BUF; returns how many. */
static size_t
read_file(const char *path, unsigned char *buf, size_t len)
{
  FILE *f = fopen(path, "rb");
  size_t got;

  if (f == NULL) {
    perror(path);
    exit(EXIT_FAILURE);
  }
  got = fread(buf, 1, len, f);
  fclose(f);
  return got;
}

/* Removes what the test made. */
static void
clean_up(void)
{
  for (size_t i = 0; i < num_made; i++)
    unlink(made[i]);
  rmdir(dir);
}

/* Checks that reading PATH fails with a message containing WANT and
 * leaves *IDX empty; WHAT names the kind of bad file. */
static void
check_rejected(const char *path, const char *want, const char *what)
{
  struct idx idx;
  char err[256] = "";
  int status = idx_read(path, &idx, err, sizeof err);
  bool empty = idx.data == NULL && idx.ndims == 0 && idx.size == 0;

  if (!tap_ok(status == -1 && strstr(err, want) != NULL && empty,
              "%s is rejected: \"%s\"", what, err)) {
    tap_diag("status %d, expected -1; idx %s", status,
             empty ? "empty" : "not emptied");
    tap_diag("expected the message to contain \"%s\"", want);
  }
  idx_free(&idx);
}

/* Checks that PATH reads back as the good file; WHAT names its form. */
static void
check_good(const char *path, const char *what)
{
  struct idx idx;
  char err[256] = "";
  int status = idx_read(path, &idx, err, sizeof err);

  if (!tap_ok(status == 0, "%s: read without error", what)) {
    tap_diag("error: %s", err);
    return;
  }
  tap_ok(idx.ndims == 2 && idx.dims[0] == 2 && idx.dims[1] == 3
         && idx.size == 6,
         "%s: dimensions %zu, %zu x %zu, %zu bytes (want 2, 2 x 3, 6)",
         what, idx.ndims, idx.dims[0], idx.dims[1], idx.size);
  tap_ok(memcmp(idx.data, good + GOOD_HEADER, 6) == 0,
         "%s: the 6 data bytes are 10 20 30 40 50 255", what);
  idx_free(&idx);
}

/* The size of the data of a big file: more than zlib's gzread() would
 * inflate through a buffer of its own. */
#define BIG_SIZE 60000

#define BIG_GZIP_CHECKS 4

/* Checks a gzip-compressed file of BIG_SIZE bytes of data: it is read
 * whole; without its last K bytes, for each K of 1 to 8 (the checksum
 * and length that end a gzip stream), it is refused as cut short; with
 * its checksum changed, as corrupt; followed by a byte that is not gzip
 * data, too. */
static void
check_big_gzip(void)
{
  static unsigned char data[8 + BIG_SIZE], gz[2 * BIG_SIZE];
  struct idx idx;
  char err[256] = "";
  const char *path;
  size_t len;
  int status, cut;

  data[2] = IDX_TYPE_UBYTE;
  data[3] = 1;
  data[6] = BIG_SIZE >> 8;
  data[7] = BIG_SIZE & 0xff;
  for (size_t i = 0; i < BIG_SIZE; i++)
    data[8 + i] = (unsigned char) (i * 7 % 251);
  path = write_file("big.gz", data, sizeof data, true);
  status = idx_read(path, &idx, err, sizeof err);
  if (!tap_ok(status == 0 && idx.size == BIG_SIZE
              && memcmp(idx.data, data + 8, BIG_SIZE) == 0,
              "a gzip file of %d bytes of data is read", BIG_SIZE))
    tap_diag("status %d: %s", status, err);
  idx_free(&idx);

  len = read_file(path, gz, sizeof gz);
  for (cut = 1; cut <= 8; cut++) {
    status = idx_read(write_file("big-cut.gz", gz, len - cut, false), &idx,
                      err, sizeof err);
    idx_free(&idx);
    if (status != -1 || strstr(err, "cut short before its end") == NULL)
      break;
  }
  if (!tap_ok(cut > 8, "without its last byte, or last 2, ... or 8, it "
              "is refused each time: \"%s\"", err))
    tap_diag("without its last %d byte%s: status %d, \"%s\"", cut,
             cut == 1 ? "" : "s", status, status == 0 ? "" : err);

  gz[len - 8] ^= 0xff;
  check_rejected(write_file("big-crc.gz", gz, len, false),
                 "corrupt gzip data: its checksum does not match",
                 "the big gzip file with its checksum changed");
  gz[len - 8] ^= 0xff;
  gz[len] = 0;
  check_rejected(write_file("big-more.gz", gz, len + 1, false),
                 "the file goes on after the end of its gzip data",
                 "the big gzip file followed by a zero byte");
}

/* Where MNIST is: $top_builddir/data/mnist, else $top_srcdir/data/mnist
 * (both set by make check), else NULL. */
static const char *
find_mnist(char *buf, size_t len)
{
  const char *roots[] = { getenv("top_builddir"), getenv("top_srcdir") };

  for (size_t i = 0; i < 2; i++) {
    char probe[4300];

    if (roots[i] == NULL)
      continue;
    snprintf(buf, len, "%s/data/mnist", roots[i]);
    snprintf(probe, sizeof probe, "%s/%s", buf, MNIST_TEST_LABELS);
    if (access(probe, R_OK) == 0)
      return buf;
  }
  return NULL;
}

/* Reads file NAME of MNIST in MNIST_DIR into *IDX; false on error. */
static bool
read_mnist(const char *mnist_dir, const char *name, struct idx *idx)
{
  char path[4300], err[256];

  snprintf(path, sizeof path, "%s/%s", mnist_dir, name);
  if (idx_read(path, idx, err, sizeof err) == 0)
    return true;
  tap_diag("%s: %s", path, err);
  return false;
}

/* Known facts of the real files: sizes from the IDX headers, labels as
 * the MNIST page lists them (the first training digit is a 5, the first
 * test digits are 7, 2, 1). */
static const char *const mnist_checks[] = {
  MNIST_TRAIN_IMAGES " is 60000 x 28 x 28",
  MNIST_TRAIN_LABELS " holds 60000 labels",
  "the first training label is 5",
  MNIST_TEST_LABELS " holds 10000 labels, starting 7, 2, 1"
};
#define NUM_MNIST_CHECKS 4

/* Makes the checks of mnist_checks[], or reports them skipped when
 * MNIST_DIR is NULL. */
static void
check_mnist(const char *mnist_dir)
{
  struct idx images, labels, test;
  bool ok;

  if (mnist_dir == NULL) {
    for (int i = 0; i < NUM_MNIST_CHECKS; i++)
      tap_ok(true, "%s # SKIP MNIST not found; run make data",
             mnist_checks[i]);
    return;
  }

  ok = read_mnist(mnist_dir, MNIST_TRAIN_IMAGES, &images);
  tap_ok(ok && images.ndims == 3 && images.dims[0] == 60000
         && images.dims[1] == 28 && images.dims[2] == 28,
         "%s", mnist_checks[0]);
  idx_free(&images);

  ok = read_mnist(mnist_dir, MNIST_TRAIN_LABELS, &labels);
  tap_ok(ok && labels.ndims == 1 && labels.dims[0] == 60000,
         "%s", mnist_checks[1]);
  tap_ok(ok && labels.data[0] == 5, "%s", mnist_checks[2]);
  idx_free(&labels);

  ok = read_mnist(mnist_dir, MNIST_TEST_LABELS, &test);
  tap_ok(ok && test.ndims == 1 && test.dims[0] == 10000
         && test.data[0] == 7 && test.data[1] == 2 && test.data[2] == 1,
         "%s", mnist_checks[3]);
  idx_free(&test);
}

int
main(void)
{
  unsigned char bytes[64];
  size_t len;
  const char *good_gz, *fifo;
  char mnist_buf[4200];
  const char *mnist_dir = find_mnist(mnist_buf, sizeof mnist_buf);

  make_dir();
  atexit(clean_up);
  tap_plan(6 + 14 + BIG_GZIP_CHECKS + NUM_MNIST_CHECKS);

  /* The good file, plain and gzip-compressed. */
  check_good(write_file("good", good, sizeof good, false), "plain file");
  good_gz = write_file("good.gz", good, sizeof good, true);
  check_good(good_gz, "gzip-compressed file");

  /* One bad file per way to be wrong. */
  check_rejected(path_of("missing"), "No such file", "a missing file");
  check_rejected(write_file("empty", good, 0, false), "empty file",
                 "an empty file");
  check_rejected(write_file("short-magic", good, 3, false),
                 "magic number is cut short",
                 "a file of 3 bytes");
  check_rejected(write_file("pgm", (const unsigned char *) "P5\n2 3\n255\n",
                            11, false),
                 "wrong magic number 0x50350a32",
                 "a PGM image (wrong magic)");
  memcpy(bytes, good, sizeof good);
  bytes[3] = 5;
  check_rejected(write_file("five-dims", bytes, sizeof good, false),
                 "wrong magic number 0x00000805",
                 "a file claiming 5 dimensions (wrong magic)");
  memcpy(bytes, good, sizeof good);
  bytes[2] = 0x0d;
  check_rejected(write_file("floats", bytes, sizeof good, false),
                 "IDX type 0x0d not supported",
                 "a file of floats (type 0x0d)");
  check_rejected(write_file("short-header", good, 9, false),
                 "header ends before dimension 2",
                 "a header cut short in dimension 2");
  memcpy(bytes, good, sizeof good);
  bytes[11] = 0;
  check_rejected(write_file("zero-dim", bytes, sizeof good, false),
                 "dimension 2 is 0",
                 "a file with a dimension of size 0");
  check_rejected(write_file("short-data", good, sizeof good - 2, false),
                 "header promises 6 bytes of data, the file holds 4",
                 "data cut short");
  memcpy(bytes, good, sizeof good);
  bytes[sizeof good] = 0;
  check_rejected(write_file("long-data", bytes, sizeof good + 1, false),
                 "longer than its header says",
                 "a file with a byte after its data");
  check_rejected(write_file("short-data.gz", good, sizeof good - 2, true),
                 "header promises 6 bytes of data, the file holds 4",
                 "gzip-compressed data cut short");
  len = read_file(good_gz, bytes, sizeof bytes);
  check_rejected(write_file("cut.gz", bytes, len - 4, false),
                 "gzip data is cut short before its end",
                 "the good gzip file without its last 4 bytes");
  check_big_gzip();

  /* Files that are not regular files.  Opening a FIFO can wait for a
   * writer for ever: the alarm makes such a wait fail the test (SIGALRM
   * ends it) rather than hang it. */
  check_rejected(dir, "cannot read: Is a directory", "a directory");
  fifo = path_of("fifo");
  if (mkfifo(fifo, 0600) != 0) {
    perror(fifo);
    exit(EXIT_FAILURE);
  }
  alarm(60);
  check_rejected(fifo, "cannot read: not a regular file", "a FIFO");
  alarm(0);

  /* The real files. */
  check_mnist(mnist_dir);
  return tap_done();
}
