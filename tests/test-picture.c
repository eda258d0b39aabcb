/* test-picture.c -- the PNG pictures of src/picture.c.
 *
 * The test draws grids of digits and of weights made up here, reads the
 * PNG files back with stb_image, and checks the picture pixel by pixel
 * where it knows what must be there: the size of the grid, ink drawn
 * black on white, the grey between tiles, captions (drawn whole), the
 * zoom, and the weights' grey scale around 0.  Bad requests must be
 * refused, and an existing file kept unless the caller forces.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_matrix.h>
#include <stb_image.h>

#include "mnist.h"
#include "picture.h"
#include "scratch.h"
#include "tap.h"

#define NUM_DIGITS 12
#define COLUMNS 5

/* A grey PNG read back. */
struct image {
  int width, height;
  unsigned char *v;
};

/* Reads the PNG at PATH as grey; an image of 0 x 0 if it cannot. */
static struct image
read_png(const char *path)
{
  struct image im = { 0, 0, NULL };
  int channels;

  im.v = stbi_load(path, &im.width, &im.height, &channels, 1);
  if (im.v == NULL)
    im.width = im.height = 0;
  return im;
}

/* The pixel (X, Y) of IM. */
static unsigned
at(const struct image *im, size_t x, size_t y)
{
  return im->v[y * (size_t) im->width + x];
}

/* Digit I: a bar of full ink across row I + 4, on paper; and a pixel
 * of half ink at (3, 3). */
static void
make_digit(unsigned char *digit, size_t i)
{
  memset(digit, 0, MNIST_PIXELS);
  memset(digit + (i + 4) * MNIST_COLS + 4, 255, 20);
  digit[3 * MNIST_COLS + 3] = 128;
}

/* The number of pixels darker than mid-grey in the caption strip of a
 * tile whose top left corner is (LEFT, TOP), zoom 1. */
static size_t
caption_ink(const struct image *im, size_t left, size_t top)
{
  size_t n = 0;

  for (size_t y = top + MNIST_ROWS; y < top + MNIST_ROWS + 9; y++)
    for (size_t x = left; x < left + MNIST_COLS; x++)
      n += at(im, x, y) < 128;
  return n;
}

#define DIGIT_CHECKS 8

static void
check_digits(void)
{
  static unsigned char storage[NUM_DIGITS][MNIST_PIXELS];
  const unsigned char *digits[NUM_DIGITS];
  const char *captions[NUM_DIGITS] = {
    "4>9", "7>1", "", NULL, "3>5", "0>6", "1>7", "2>8", "5>3", "6>0",
    "8>2", "9>4"
  };
  struct picture_grid grid = { COLUMNS, 1, false };
  const char *path = scratch_path("digits.png");
  char err[256] = "";
  struct image im, big;
  int status;
  bool same = true;

  for (size_t i = 0; i < NUM_DIGITS; i++) {
    make_digit(storage[i], i);
    digits[i] = storage[i];
  }
  status = picture_write_digits(path, digits, captions, NUM_DIGITS, &grid,
                                err, sizeof err);
  if (!tap_ok(status == PICTURE_OK, "12 captioned digits are drawn, 5 "
              "a row"))
    tap_diag("%s", err);
  im = read_png(path);
  /* 5 columns of 28 + 2 pixels, 3 rows of 28 + 9 + 2, 2 at the edge. */
  tap_ok(im.width == 2 + 5 * 30 && im.height == 2 + 3 * 39,
         "the PNG is %d x %d (want 152 x 119)", im.width, im.height);
  if (im.v == NULL) {
    for (int i = 0; i < DIGIT_CHECKS - 2; i++)
      tap_ok(false, "(no picture to check)");
    return;
  }
  /* Digit 7 is tile (2, 1): its corner is (2 + 2 * 30, 2 + 39). */
  tap_ok(at(&im, 62 + 4, 41 + 11) == 0 && at(&im, 62 + 3, 41 + 11) == 255
         && at(&im, 62 + 3, 41 + 3) == 127,
         "digit 7 is drawn in its tile: full ink black, paper white, half "
         "ink grey 127");
  tap_ok(at(&im, 0, 0) == 192 && at(&im, 61, 60) == 192,
         "the ground between tiles is grey 192");
  tap_ok(caption_ink(&im, 2, 2) > 10 && caption_ink(&im, 62, 2) == 0
         && caption_ink(&im, 92, 2) == 0 && at(&im, 62, 2 + 28) == 255,
         "tile 0 has a caption (%zu dark pixels); tiles 2 and 3, with "
         "\"\" and NULL, a blank white strip", caption_ink(&im, 2, 2));

  grid.zoom = 3;
  grid.force = true;
  status = picture_write_digits(path, digits, captions, NUM_DIGITS, &grid,
                                err, sizeof err);
  big = read_png(path);
  for (int y = 0; status == PICTURE_OK && same && y < big.height; y++)
    for (int x = 0; x < big.width; x++)
      same = same && at(&big, (size_t) x, (size_t) y)
                     == at(&im, (size_t) x / 3, (size_t) y / 3);
  tap_ok(status == PICTURE_OK && big.width == 3 * im.width
         && big.height == 3 * im.height && same,
         "at zoom 3 the picture is %d x %d, each pixel a 3 x 3 square",
         big.width, big.height);
  stbi_image_free(big.v);

  grid.zoom = 0;
  grid.columns = 0;
  status = picture_write_digits(path, digits, NULL, NUM_DIGITS, &grid,
                                err, sizeof err);
  stbi_image_free(im.v);
  im = read_png(path);
  tap_ok(status == PICTURE_OK && im.width == 2 + 4 * 30
         && im.height == 2 + 3 * 30,
         "without captions and with columns 0, 12 tiles are 4 a row, "
         "%d x %d (want 122 x 92)", im.width, im.height);
  tap_ok(scratch_count(scratch_dir) == 1,
         "only the picture is in the directory: no temporary file left");
  stbi_image_free(im.v);
}

#define WEIGHT_CHECKS 4

static void
check_weights(void)
{
  gsl_matrix *w = gsl_matrix_calloc(3, MNIST_PIXELS);
  struct picture_grid grid = { 0, 1, false };
  const char *path = scratch_path("weights.png");
  char err[256] = "";
  struct image im;
  int status;
  bool grey = true;

  /* Neuron 0: a ramp from -2 to 2.  Neuron 1: zeros.  Neuron 2: zeros
   * but for a weight of 0.5 at pixel (3, 2) and -0.125 at (4, 2). */
  for (size_t k = 0; k < MNIST_PIXELS; k++)
    gsl_matrix_set(w, 0, k, -2 + 4.0 * k / (MNIST_PIXELS - 1));
  gsl_matrix_set(w, 2, 2 * MNIST_COLS + 3, 0.5);
  gsl_matrix_set(w, 2, 2 * MNIST_COLS + 4, -0.125);
  status = picture_write_weights(path, w, MNIST_ROWS, MNIST_COLS, &grid,
                                 err, sizeof err);
  if (!tap_ok(status == PICTURE_OK, "3 neurons' weights are drawn"))
    tap_diag("%s", err);
  im = read_png(path);
  tap_ok(im.width == 2 + 2 * 30 && im.height == 2 + 2 * 30,
         "in a grid of 2 x 2 tiles, %d x %d (want 62 x 62)", im.width,
         im.height);
  if (im.v == NULL) {
    tap_ok(false, "(no picture to check)");
    tap_ok(false, "(no picture to check)");
    gsl_matrix_free(w);
    return;
  }
  tap_ok(at(&im, 2, 2) == 1 && at(&im, 2 + 27, 2 + 27) == 255,
         "the ramp goes from black (%u, want 1) to white (%u, want 255)",
         at(&im, 2, 2), at(&im, 29, 29));
  for (size_t y = 0; y < MNIST_ROWS; y++)
    for (size_t x = 0; x < MNIST_COLS; x++)
      grey = grey && at(&im, 32 + x, 2 + y) == 128;
  tap_ok(grey && at(&im, 2 + 3, 32 + 2) == 255
         && at(&im, 2 + 4, 32 + 2) == 96 && at(&im, 2, 32) == 128,
         "zeros are grey 128; in tile 2, 0.5 is white and -0.125 is %u "
         "(want 128 - 127 / 4, 96)", at(&im, 2 + 4, 32 + 2));
  stbi_image_free(im.v);
  gsl_matrix_free(w);
}

#define REFUSED_CHECKS 6

static void
check_refused(void)
{
  unsigned char digit[MNIST_PIXELS] = { 0 };
  const unsigned char *digits[1] = { digit };
  gsl_matrix *w = gsl_matrix_calloc(2, 100);
  struct picture_grid grid = { 0, 1, false };
  const char *path = scratch_write("old.png", "old", 3);
  char err[256] = "", buf[8] = "";
  struct image im;
  FILE *f;
  int status;

  status = picture_write_digits(scratch_path("none.png"), digits, NULL,
                                0, &grid, err, sizeof err);
  tap_ok(status == PICTURE_ERROR && strstr(err, "0 tiles") != NULL,
         "a picture of no digits is refused: \"%s\"", err);
  grid.zoom = PICTURE_MAX_ZOOM + 1;
  status = picture_write_digits(scratch_path("zoom.png"), digits, NULL,
                                1, &grid, err, sizeof err);
  tap_ok(status == PICTURE_ERROR && strstr(err, "zoom 17") != NULL,
         "so is zoom 17: \"%s\"", err);
  grid.zoom = 1;
  status = picture_write_weights(scratch_path("w.png"), w, MNIST_ROWS,
                                 MNIST_COLS, &grid, err, sizeof err);
  tap_ok(status == PICTURE_ERROR && strstr(err, "do not hold the 100 "
                                           "weights") != NULL,
         "so are 28 x 28 tiles for 100 weights: \"%s\"", err);
  gsl_matrix_set(w, 1, 7, NAN);
  status = picture_write_weights(scratch_path("w.png"), w, 10, 10, &grid,
                                 err, sizeof err);
  tap_ok(status == PICTURE_ERROR && strstr(err, "weight 7 of neuron 1 is "
                                           "not finite") != NULL,
         "and a NaN weight: \"%s\"", err);

  status = picture_write_digits(path, digits, NULL, 1, &grid,
                                err, sizeof err);
  f = fopen(path, "rb");
  if (f != NULL) {
    if (fgets(buf, sizeof buf, f) == NULL)
      buf[0] = '\0';
    fclose(f);
  }
  tap_ok(status == PICTURE_EXISTS && strcmp(buf, "old") == 0,
         "an existing file is kept without force: \"%s\"", err);
  grid.force = true;
  status = picture_write_digits(path, digits, NULL, 1, &grid,
                                err, sizeof err);
  im = read_png(path);
  tap_ok(status == PICTURE_OK && im.width == 32 && im.height == 32,
         "and replaced with force");
  stbi_image_free(im.v);
  gsl_matrix_free(w);
}

#define CAPTION_CHECKS 1

/* A caption is drawn whole, however many strokes its characters take:
 * "8>8", the busiest caption of --errors, has exactly the ink of two
 * "8"s and a ">" drawn alone. */
static void
check_caption_whole(void)
{
  static unsigned char storage[MNIST_PIXELS];
  const unsigned char *digits[3] = { storage, storage, storage };
  const char *captions[3] = { "8", ">", "8>8" };
  struct picture_grid grid = { 3, 1, true };
  const char *path = scratch_path("caption.png");
  char err[256] = "";
  struct image im;
  size_t eight, arrow, whole;

  if (picture_write_digits(path, digits, captions, 3, &grid, err,
                           sizeof err) != PICTURE_OK) {
    tap_ok(false, "three captioned tiles are drawn");
    tap_diag("%s", err);
    return;
  }
  im = read_png(path);
  if (im.v == NULL) {
    tap_ok(false, "the picture of three captions can be read back");
    return;
  }
  eight = caption_ink(&im, 2, 2);
  arrow = caption_ink(&im, 32, 2);
  whole = caption_ink(&im, 62, 2);
  tap_ok(eight > 0 && arrow > 0 && whole == 2 * eight + arrow,
         "the caption \"8>8\" has %zu dark pixels, two \"8\"s (%zu) "
         "and a \">\" (%zu)", whole, eight, arrow);
  stbi_image_free(im.v);
}

int
main(void)
{
  scratch_init("test-picture");
  tap_plan(DIGIT_CHECKS + CAPTION_CHECKS + WEIGHT_CHECKS + REFUSED_CHECKS);
  check_digits();
  check_caption_whole();
  check_weights();
  check_refused();
  return tap_done();
}
