/* digit.c -- a user's image made into an MNIST-like digit (see digit.h).
 *
 * stb_image decodes the file; stb_image_resize scales the digit.  The
 * rest is the few steps digit.h lists, each a function here, in order.
 * Levels are floats in [0, 1] from step 3 on, and become bytes only at
 * the end, so that rounding happens once.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <stb_image.h>
#include <stb_image_resize.h>

#include "digit.h"

/* Step 3: the background is the level that 9 border pixels in 10 do
 * not exceed, ink high; only what stands above it counts as ink. */
#define DIGIT_BACKGROUND_SHARE 0.9

/* ------------------------------------------------------------------ */
/* Steps 1 to 3: polarity and levels */

/* The level of pixel I of GREY with ink high (step 2). */
static unsigned
ink_at(const unsigned char *grey, size_t i, bool inverted)
{
  return inverted ? 255u - grey[i] : grey[i];
}

/* True when pixel (X, Y) is on the border of a WIDTH x HEIGHT image. */
static bool
on_border(size_t x, size_t y, size_t width, size_t height)
{
  return x == 0 || y == 0 || x == width - 1 || y == height - 1;
}

/* The level, ink high, that a share SHARE of the BORDER pixels do not
 * exceed, from COUNT[g], the number of border pixels of grey level g. */
static unsigned
border_level(const size_t *count, size_t border, bool inverted,
             double share)
{
  size_t below = 0;
  unsigned v;

  for (v = 0; v < 255; v++) {
    below += count[inverted ? 255 - v : v];
    if ((double) below >= share * (double) border)
      break;
  }
  return v;
}

/* Decides whether the image is dark on light (r->inverted) and finds
 * the levels, ink high, of the background and of the strongest ink
 * (steps 2 and 3).  Fails on a blank image and on one with no ink that
 * stands out. */
static int
find_levels(const unsigned char *grey, size_t width, size_t height,
            struct digit_report *r, char *err, size_t errlen)
{
  size_t count[256] = { 0 }, border = 0;
  unsigned min = 255, max = 0;
  double sum = 0;

  for (size_t y = 0; y < height; y++)
    for (size_t x = 0; x < width; x++) {
      unsigned v = grey[y * width + x];

      min = v < min ? v : min;
      max = v > max ? v : max;
      if (on_border(x, y, width, height)) {
        count[v]++;
        sum += v;
        border++;
      }
    }
  if (min == max) {
    snprintf(err, errlen, "blank image: every pixel has grey level %u",
             min);
    return -1;
  }
  /* A light border, nearer the lightest level than the darkest, is
   * paper under dark ink. */
  r->inverted = sum / (double) border > (min + max) / 2.0;
  r->background = border_level(count, border, r->inverted,
                               DIGIT_BACKGROUND_SHARE);
  r->ink = r->inverted ? 255u - min : max;
  if (r->ink < r->background + DIGIT_MIN_CONTRAST) {
    snprintf(err, errlen, "no ink: the strongest mark is %u grey levels "
             "above the background, and %d are needed",
             r->ink - r->background, DIGIT_MIN_CONTRAST);
    return -1;
  }
  return 0;
}

/* ------------------------------------------------------------------ */
/* Step 4: the bounding box of the ink, and its levels */

/* Sets r->left, top, box_width and box_height to the smallest box that
 * holds every pixel above the background.  There is one at least: the
 * strongest. */
static void
find_box(const unsigned char *grey, struct digit_report *r)
{
  size_t left = r->width, right = 0, top = r->height, bottom = 0;

  for (size_t y = 0; y < r->height; y++)
    for (size_t x = 0; x < r->width; x++)
      if (ink_at(grey, y * r->width + x, r->inverted) > r->background) {
        left = x < left ? x : left;
        right = x > right ? x : right;
        top = y < top ? y : top;
        bottom = y > bottom ? y : bottom;
      }
  r->left = left;
  r->top = top;
  r->box_width = right - left + 1;
  r->box_height = bottom - top + 1;
}

/* The pixels of the box as levels in [0, 1] (step 3): background 0,
 * strongest ink 1.  Returns a new array of box_width x box_height
 * floats, or NULL when out of memory. */
static float *
box_levels(const unsigned char *grey, const struct digit_report *r)
{
  float *box = malloc(r->box_width * r->box_height * sizeof *box);
  double range = r->ink - r->background;

  if (box == NULL)
    return NULL;
  for (size_t y = 0; y < r->box_height; y++)
    for (size_t x = 0; x < r->box_width; x++) {
      size_t i = (r->top + y) * r->width + r->left + x;
      double v = (ink_at(grey, i, r->inverted) - (double) r->background)
                 / range;

      box[y * r->box_width + x] = (float) (v < 0 ? 0 : v > 1 ? 1 : v);
    }
  return box;
}

/* ------------------------------------------------------------------ */
/* Steps 5 to 7: scale, centre, bytes */

/* Scales the box (step 5) into SMALL, of DIGIT_BOX x DIGIT_BOX floats,
 * setting *WIDTH and *HEIGHT to the size used, one of them DIGIT_BOX.
 * Outside the box is paper: level 0.  Returns 0, or -1 when out of
 * memory. */
static int
scale_box(const float *box, struct digit_report *r, float *small,
          size_t *width, size_t *height)
{
  size_t longer = r->box_width > r->box_height ? r->box_width
                                               : r->box_height;
  stbir_filter filter;

  r->scale = (double) DIGIT_BOX / (double) longer;
  *width = (size_t) lround(r->box_width * r->scale);
  *height = (size_t) lround(r->box_height * r->scale);
  *width = *width < 1 ? 1 : *width;
  *height = *height < 1 ? 1 : *height;
  /* The box filter averages over the area a new pixel covers; the
   * triangle filter is linear interpolation. */
  filter = r->scale <= 1 ? STBIR_FILTER_BOX : STBIR_FILTER_TRIANGLE;
  return stbir_resize_float_generic(box, (int) r->box_width,
                                    (int) r->box_height,
                                    (int) (r->box_width * sizeof *box),
                                    small, (int) *width, (int) *height,
                                    (int) (*width * sizeof *small), 1,
                                    STBIR_ALPHA_CHANNEL_NONE, 0,
                                    STBIR_EDGE_ZERO, filter,
                                    STBIR_COLORSPACE_LINEAR, NULL)
         ? 0 : -1;
}

/* The offset that puts the centre of mass of a line of N pixels, at
 * MASS (pixel x spanning [x, x + 1)), into pixel DIGIT_CENTRE of the
 * 28 x 28 field, moved in just enough to keep all N pixels inside. */
static size_t
offset_for(double mass, size_t n)
{
  long offset = DIGIT_CENTRE - (long) floor(mass);
  long most = (long) (MNIST_COLS - n);

  return (size_t) (offset < 0 ? 0 : offset > most ? most : offset);
}

/* Places the WIDTH x HEIGHT levels of SMALL in the 28 x 28 field by its
 * centre of mass (step 6), as bytes (step 7). */
static void
place(const float *small, size_t width, size_t height,
      unsigned char digit[MNIST_PIXELS])
{
  double mass = 0, mass_x = 0, mass_y = 0;
  size_t left, top;

  for (size_t y = 0; y < height; y++)
    for (size_t x = 0; x < width; x++) {
      double v = small[y * width + x];

      mass += v;
      mass_x += v * (x + 0.5);
      mass_y += v * (y + 0.5);
    }
  left = offset_for(mass > 0 ? mass_x / mass : width / 2.0, width);
  top = offset_for(mass > 0 ? mass_y / mass : height / 2.0, height);
  memset(digit, 0, MNIST_PIXELS);
  for (size_t y = 0; y < height; y++)
    for (size_t x = 0; x < width; x++) {
      double v = small[y * width + x];

      digit[(top + y) * MNIST_COLS + left + x] =
        (unsigned char) lround(255 * (v < 0 ? 0 : v > 1 ? 1 : v));
    }
}

int
digit_convert(const unsigned char *grey, size_t width, size_t height,
              unsigned char digit[MNIST_PIXELS],
              struct digit_report *report, char *err, size_t errlen)
{
  struct digit_report r = { .width = width, .height = height };
  float small[DIGIT_BOX * DIGIT_BOX];
  size_t small_width, small_height;
  float *box;
  int status;

  if (width == 0 || height == 0) {
    snprintf(err, errlen, "empty image: %zu x %zu pixels", width, height);
    return -1;
  }
  if (find_levels(grey, width, height, &r, err, errlen) != 0)
    return -1;
  find_box(grey, &r);
  box = box_levels(grey, &r);
  status = box ? scale_box(box, &r, small, &small_width, &small_height)
               : -1;
  free(box);
  if (status != 0) {
    snprintf(err, errlen, "out of memory");
    return -1;
  }
  place(small, small_width, small_height, digit);
  if (report != NULL)
    *report = r;
  return 0;
}

/* ------------------------------------------------------------------ */
/* Reading the file */

/* Step 1 for an image of grey and alpha pairs, GA: each pixel as it
 * shows on white paper, grey * alpha + white * (1 - alpha).  Returns a
 * new array of N bytes, or NULL when out of memory. */
static unsigned char *
grey_on_white(const unsigned char *ga, size_t n)
{
  unsigned char *grey = malloc(n);

  if (grey == NULL)
    return NULL;
  for (size_t i = 0; i < n; i++) {
    unsigned v = ga[2 * i], alpha = ga[2 * i + 1];

    grey[i] = (unsigned char) ((v * alpha + 255 * (255 - alpha) + 127)
                               / 255);
  }
  return grey;
}

int
digit_read(const char *path, unsigned char digit[MNIST_PIXELS],
           struct digit_report *report, char *err, size_t errlen)
{
  FILE *f = fopen(path, "rb");
  int width, height, channels, status;
  unsigned char *ga, *grey;
  size_t n;

  if (f == NULL) {
    snprintf(err, errlen, "%s", strerror(errno));
    return -1;
  }
  /* The size first, from the header, before any memory is taken. */
  if (!stbi_info_from_file(f, &width, &height, &channels)) {
    snprintf(err, errlen, "not an image that can be read (%s)",
             stbi_failure_reason());
    fclose(f);
    return -1;
  }
  n = (size_t) width * (size_t) height;
  if (n > DIGIT_MAX_PIXELS) {
    snprintf(err, errlen, "too large: %d x %d pixels, and at most %zu "
             "megapixels are read", width, height, DIGIT_MAX_PIXELS >> 20);
    fclose(f);
    return -1;
  }
  /* Two channels: stb_image turns colour into grey, and adds an opaque
   * alpha channel to an image that has none. */
  ga = stbi_load_from_file(f, &width, &height, &channels, 2);
  fclose(f);
  if (ga == NULL) {
    snprintf(err, errlen, "cannot decode the image (%s)",
             stbi_failure_reason());
    return -1;
  }
  grey = grey_on_white(ga, n);
  stbi_image_free(ga);
  if (grey == NULL) {
    snprintf(err, errlen, "out of memory");
    return -1;
  }
  status = digit_convert(grey, (size_t) width, (size_t) height, digit,
                         report, err, errlen);
  free(grey);
  return status;
}

/* ------------------------------------------------------------------ */
/* Showing what was read */

void
digit_print(FILE *out, const unsigned char digit[MNIST_PIXELS])
{
  static const char shade[] = " .+#";
  char line[2 * MNIST_COLS + 3];

  memset(line, '-', sizeof line - 1);
  line[0] = line[sizeof line - 2] = '+';
  line[sizeof line - 1] = '\0';
  fprintf(out, "%s\n", line);
  for (size_t y = 0; y < MNIST_ROWS; y++) {
    fputc('|', out);
    for (size_t x = 0; x < MNIST_COLS; x++) {
      char c = shade[digit[y * MNIST_COLS + x] / 64];

      fputc(c, out);
      fputc(c, out);
    }
    fputs("|\n", out);
  }
  fprintf(out, "%s\n", line);
}
