/* digit.h -- a digit drawn by a user, made to look like an MNIST digit.
 *
 * A network trained on MNIST has only ever seen digits prepared in one
 * way: white ink on black, the digit scaled to fit a 20 x 20 box with
 * its aspect ratio kept, and placed in a 28 x 28 image so that its
 * centre of mass is in the middle.  A digit from a paint program, a
 * scanner or a phone must be prepared the same way before the network
 * can read it.  digit_convert() does, in these steps:
 *
 *   1. grey levels (colours and transparency were already turned into
 *      grey on white paper by digit_read);
 *   2. ink high: when the border of the image is light, the digit is
 *      dark on light, and every level v becomes 255 - v;
 *   3. levels stretched so that the background becomes 0 and the
 *      strongest ink 1; the background is the level that 9 in 10
 *      pixels of the border do not exceed, which takes in most of the
 *      noise of paper or a scanner;
 *   4. the bounding box of the ink: of the pixels that stand more
 *      than 1 / DIGIT_FAINT of the way from the background to the
 *      strongest ink.  Fainter marks (the faintest edge of a smooth
 *      stroke, the ripples JPEG leaves beside one) do not widen the
 *      box, but they are kept, and scaled and placed with the rest;
 *   5. scale so that the box's longer side is 20 pixels, averaging
 *      over the area each new pixel covers when shrinking, and
 *      interpolating linearly when enlarging;
 *   6. place the digit in 28 x 28 so that its centre of mass falls in
 *      the middle pixel, row 14 and column 14 (counting from 0), where
 *      MNIST's own digits have it; a digit whose mass lies so far to
 *      one side that its box would stick out is moved back in just
 *      enough to fit, and only faint marks beyond the box can fall
 *      outside the field and be lost;
 *   7. bytes, 0 for paper to 255 for ink: one row of a struct dataset.
 *
 * MNIST's own digits, written out and read back, come back as they
 * were: the same bytes, or within 1 level for a digit whose strongest
 * pixel is 254 (step 3 stretches it to 255), for every digit whose ink
 * box is 20 pixels long, as nearly all are (tests/test-digit.c checks
 * the 10,000 test digits).  What the steps cannot undo: a speck of dirt
 * away from the digit widens the box and so shrinks the digit, and a
 * thin pen in a large image leaves faint strokes once scaled down, or
 * none, and the image is refused.  Crop the image close to the digit,
 * and draw with a thick pen: at 20 pixels high, the strokes should
 * still be as thick as MNIST's.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#ifndef NNC_DIGIT_H
#define NNC_DIGIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "mnist.h"

#define DIGIT_BOX 20      /* the digit's longer side, in pixels */
#define DIGIT_CENTRE 14   /* row and column of its centre of mass */

/* The largest image read: 32 megapixels, 64 MB as grey and alpha. */
#define DIGIT_MAX_PIXELS ((size_t) 1 << 25)

/* Ink must differ from the background by at least this many of the
 * 255 grey levels; less is taken for a blank page with some noise. */
#define DIGIT_MIN_CONTRAST 32

/* Pixels less than 1 / DIGIT_FAINT of the way from the background to
 * the strongest ink do not count toward the digit's box (step 4). */
#define DIGIT_FAINT 16

/* What digit_convert() found, for a program to tell the user. */
struct digit_report {
  size_t width, height;       /* of the whole image */
  bool inverted;              /* the background was light: step 2 */
  unsigned background, ink;   /* their levels after step 2, 0..255 */
  size_t left, top;           /* the ink's bounding box in the */
  size_t box_width, box_height;   /* image, of step 4 */
  double scale;               /* of step 5: new pixels per old pixel */
};

/* Reads the image file PATH (PNG, JPEG, BMP, GIF, 8-bit PGM/PPM and the
 * other formats stb_image reads) and converts it with digit_convert(),
 * writing MNIST_PIXELS bytes into DIGIT.  Colours become grey by their
 * luminance, and a transparent pixel shows white paper.  REPORT may be
 * NULL.  Returns 0, or -1 with a one-line reason in ERR, of ERRLEN
 * bytes: the file cannot be opened, is not an image stb_image can read
 * (with its reason, or, where it gives none that helps, the format
 * known by the first bytes and that the file is corrupt or truncated),
 * is a PGM or PPM file of 16-bit samples or too short for its pixels,
 * is larger than DIGIT_MAX_PIXELS, or one of the reasons of
 * digit_convert(). */
int digit_read(const char *path, unsigned char digit[MNIST_PIXELS],
               struct digit_report *report, char *err, size_t errlen);

/* Converts the WIDTH x HEIGHT grey image GREY (row-major, one byte per
 * pixel, any polarity) as listed above into DIGIT.  REPORT may be NULL.
 * Returns 0, or -1 with a reason in ERR: an image of no pixels; a
 * blank image, every pixel the same; no ink, nothing that stands
 * DIGIT_MIN_CONTRAST levels above the background; or no ink left once
 * scaled, every byte of DIGIT 0, the marks too thin for the length of
 * their box. */
int digit_convert(const unsigned char *grey, size_t width, size_t height,
                  unsigned char digit[MNIST_PIXELS],
                  struct digit_report *report, char *err, size_t errlen);

/* Prints the 28 x 28 DIGIT to OUT as 28 lines of text in a frame, two
 * characters per pixel so that it looks square: ' ' for a level below
 * 64, then '.', '+' and, from 192 up, '#'. */
void digit_print(FILE *out, const unsigned char digit[MNIST_PIXELS]);

#endif /* NNC_DIGIT_H */
