/* fuzz-digit.c -- fuzzing the conversion of a user's digit,
 * digit_convert() of src/digit.c.
 *
 * An input is a small grey image: its first two bytes give the width
 * and height, 1 to 64 pixels each, and the bytes after them the pixels,
 * row by row (pixels past the end of the input are white paper).  The
 * conversion is mostly arithmetic on sizes and offsets, handed to
 * stb_image_resize, which stops the program with an assertion when
 * asked for a scaling it cannot do; so the odd shapes the fuzzer makes
 * (a box one pixel wide, ink at the very edge) matter more than large
 * images.  A digit that is accepted must have ink, and a report that
 * agrees with the image.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "digit.h"
#include "fuzz.h"

#define SIDE_MAX 64

int
fuzz_check(const uint8_t *data, size_t size)
{
  static unsigned char grey[SIDE_MAX * SIDE_MAX];
  unsigned char digit[MNIST_PIXELS];
  struct digit_report r;
  char err[256] = "";
  size_t width, height, n, longer, sum = 0;

  if (size < 2)
    return 0;
  width = 1 + data[0] % SIDE_MAX;
  height = 1 + data[1] % SIDE_MAX;
  n = size - 2 < width * height ? size - 2 : width * height;
  memset(grey, 255, width * height);
  memcpy(grey, data + 2, n);
  if (digit_convert(grey, width, height, digit, &r, err, sizeof err)
      != 0) {
    if (err[0] == '\0')
      abort();
    return 0;
  }
  longer = r.box_width > r.box_height ? r.box_width : r.box_height;
  if (r.width != width || r.height != height || r.box_width < 1
      || r.box_height < 1 || r.left + r.box_width > width
      || r.top + r.box_height > height
      || r.scale != (double) DIGIT_BOX / (double) longer)
    abort();
  for (size_t k = 0; k < MNIST_PIXELS; k++)
    sum += digit[k];
  if (sum == 0)
    abort();
  return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  fuzz_check(data, size);
  return 0;
}
