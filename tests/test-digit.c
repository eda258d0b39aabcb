/* test-digit.c -- reading a user's digit: src/digit.c.
 *
 * The test draws a thick, anti-aliased 7 on an 80 x 100 white canvas,
 * writes it as PNG with stb_image_write, and reads it back as a user's
 * drawing: it must come out as MNIST digits are, ink high, its longer
 * side 20 pixels, its centre of mass in pixel (14, 14).  The same 7 as
 * light on dark, as coloured ink on a transparent background, as PGM
 * and PPM files and as a BMP file stored top down must give the same
 * digit, and as a JPEG nearly the same.  Blank images, images without
 * ink before or after scaling, files that are not images and the PGM
 * and PPM files stb_image does not read safely are refused with their
 * own messages.  When MNIST is present, its test digits, written out as
 * PNG and read back, must come back as they were (see check_mnist for
 * the tolerance and why).
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <stb_image_write.h>

#include "digit.h"
#include "idx.h"
#include "mnist.h"
#include "scratch.h"
#include "tap.h"

#define WIDTH 80
#define HEIGHT 100
#define PEN 5.0        /* the radius of the pen, in pixels */
#define INK_GREY 20    /* the grey of the ink on white paper, 255 */
#define SHRINK 8       /* the factor of the small 7 */

/* ------------------------------------------------------------------ */
/* Drawing */

/* The distance from (X, Y) to the segment from (X0, Y0) to (X1, Y1). */
static double
distance(double x, double y, double x0, double y0, double x1, double y1)
{
  double dx = x1 - x0, dy = y1 - y0;
  double t = ((x - x0) * dx + (y - y0) * dy) / (dx * dx + dy * dy);

  t = t < 0 ? 0 : t > 1 ? 1 : t;
  return hypot(x - (x0 + t * dx), y - (y0 + t * dy));
}

/* Adds to COVER, W x H, a stroke of radius RADIUS from (X0, Y0) to
 * (X1, Y1): a pixel whose centre is d from the segment is covered by
 * radius + 0.5 - d, clipped to [0, 1], a simple anti-aliasing. */
static void
stroke(double *cover, size_t w, size_t h, double radius,
       double x0, double y0, double x1, double y1)
{
  for (size_t y = 0; y < h; y++)
    for (size_t x = 0; x < w; x++) {
      double d = distance(x + 0.5, y + 0.5, x0, y0, x1, y1);
      double c = radius + 0.5 - d;

      c = c < 0 ? 0 : c > 1 ? 1 : c;
      if (c > cover[y * w + x])
        cover[y * w + x] = c;
    }
}

/* The coverage of a 7 on the WIDTH x HEIGHT canvas: a bar across the
 * top, and a stroke from its right end down to the left. */
static void
draw_seven(double *cover)
{
  memset(cover, 0, WIDTH * HEIGHT * sizeof *cover);
  stroke(cover, WIDTH, HEIGHT, PEN, 18, 18, 62, 18);
  stroke(cover, WIDTH, HEIGHT, PEN, 62, 18, 34, 84);
}

/* Writes the W x H image of COMP bytes per pixel as the PNG file NAME
 * of the scratch directory; returns its path. */
static const char *
write_png(const char *name, size_t w, size_t h, int comp,
          const unsigned char *pixels)
{
  const char *path = scratch_path(name);

  if (!stbi_write_png(path, (int) w, (int) h, comp, pixels,
                      (int) w * comp)) {
    fprintf(stderr, "%s: cannot write\n", path);
    exit(EXIT_FAILURE);
  }
  return path;
}

/* Stores V at P as 4 bytes, little end first. */
static void
put32(unsigned char *p, unsigned long v)
{
  for (int i = 0; i < 4; i++)
    p[i] = (unsigned char) (v >> (8 * i) & 255);
}

/* Writes the W x H grey image GREY as the BMP file NAME of the scratch
 * directory, 24 bits per pixel, stored top down: the first row first,
 * which the header tells by a negative height.  Returns its path. */
static const char *
write_bmp_top_down(const char *name, size_t w, size_t h,
                   const unsigned char *grey)
{
  size_t row = (3 * w + 3) / 4 * 4, len = 54 + row * h;
  unsigned char *bmp = calloc(len, 1);
  const char *path;

  if (bmp == NULL) {
    fprintf(stderr, "%s: out of memory\n", name);
    exit(EXIT_FAILURE);
  }
  bmp[0] = 'B';
  bmp[1] = 'M';
  put32(bmp + 2, len);
  put32(bmp + 10, 54);           /* where the pixels start */
  put32(bmp + 14, 40);           /* the size of the info header */
  put32(bmp + 18, w);
  put32(bmp + 22, (unsigned long) -(long) h);
  bmp[26] = 1;                   /* planes */
  bmp[28] = 24;                  /* bits per pixel */
  put32(bmp + 34, row * h);
  for (size_t y = 0; y < h; y++)
    for (size_t x = 0; x < w; x++)
      memset(bmp + 54 + y * row + 3 * x, grey[y * w + x], 3);
  path = scratch_write(name, bmp, len);
  free(bmp);
  return path;
}

/* Writes the file NAME of the scratch directory: the text HEADER, then
 * the LEN bytes of DATA; returns its path. */
static const char *
write_with_header(const char *name, const char *header,
                  const unsigned char *data, size_t len)
{
  size_t n = strlen(header);
  unsigned char *buf = malloc(n + len + 1);
  const char *path;

  if (buf == NULL) {
    fprintf(stderr, "%s: out of memory\n", name);
    exit(EXIT_FAILURE);
  }
  memcpy(buf, header, n);
  if (len > 0)
    memcpy(buf + n, data, len);
  path = scratch_write(name, buf, n + len);
  free(buf);
  return path;
}

/* ------------------------------------------------------------------ */
/* What a converted digit looks like */

/* The bounding box of the non-zero pixels of DIGIT. */
struct box {
  size_t left, top, width, height;
};

static struct box
ink_box(const unsigned char *digit)
{
  size_t left = MNIST_COLS, right = 0, top = MNIST_ROWS, bottom = 0;
  struct box b;

  for (size_t y = 0; y < MNIST_ROWS; y++)
    for (size_t x = 0; x < MNIST_COLS; x++)
      if (digit[y * MNIST_COLS + x] > 0) {
        left = x < left ? x : left;
        right = x > right ? x : right;
        top = y < top ? y : top;
        bottom = y > bottom ? y : bottom;
      }
  b.left = left;
  b.top = top;
  b.width = right >= left ? right - left + 1 : 0;
  b.height = bottom >= top ? bottom - top + 1 : 0;
  return b;
}

/* The box of the pixels of DIGIT above 1 / DIGIT_FAINT of its
 * strongest, as step 4 finds it: the fainter marks around the ink,
 * kept by the conversion, do not count. */
static struct box
faint_box(const unsigned char *digit)
{
  unsigned char strong[MNIST_PIXELS];
  unsigned top = 0;

  for (size_t k = 0; k < MNIST_PIXELS; k++)
    top = digit[k] > top ? digit[k] : top;
  for (size_t k = 0; k < MNIST_PIXELS; k++)
    strong[k] = digit[k] > top / (double) DIGIT_FAINT;
  return ink_box(strong);
}

/* The centre of mass of DIGIT, pixel (x, y) spanning [x, x + 1) x
 * [y, y + 1), in *X and *Y. */
static void
mass_centre(const unsigned char *digit, double *x, double *y)
{
  double mass = 0, mx = 0, my = 0;

  for (size_t j = 0; j < MNIST_ROWS; j++)
    for (size_t i = 0; i < MNIST_COLS; i++) {
      double v = digit[j * MNIST_COLS + i];

      mass += v;
      mx += v * (i + 0.5);
      my += v * (j + 0.5);
    }
  *x = mass > 0 ? mx / mass : 0;
  *y = mass > 0 ? my / mass : 0;
}

/* The number of pixels of row Y of DIGIT above half ink. */
static size_t
row_ink(const unsigned char *digit, size_t y)
{
  size_t n = 0;

  for (size_t x = 0; x < MNIST_COLS; x++)
    n += digit[y * MNIST_COLS + x] > 127;
  return n;
}

/* The largest difference between the bytes of A and B. */
static int
max_difference(const unsigned char *a, const unsigned char *b)
{
  int most = 0;

  for (size_t k = 0; k < MNIST_PIXELS; k++) {
    int d = abs((int) a[k] - (int) b[k]);

    most = d > most ? d : most;
  }
  return most;
}

/* ------------------------------------------------------------------ */
/* The drawn 7 */

/* Checks that the 7 of GREY as a JPEG file of quality 90 gives nearly
 * SEVEN, read from PNG with the report R.  JPEG leaves faint ripples
 * beside the strokes; at this quality they stay below 1 / DIGIT_FAINT
 * of the ink, so they do not widen the box, and the digit differs from
 * SEVEN only by JPEG's own errors, a few levels on average. */
static void
check_jpeg(const unsigned char *grey, const unsigned char *seven,
           const struct digit_report *r)
{
  const char *path = scratch_path("seven.jpg");
  unsigned char digit[MNIST_PIXELS];
  struct digit_report rj;
  char err[256] = "";
  double mean = 0;
  int status;

  if (!stbi_write_jpg(path, WIDTH, HEIGHT, 1, grey, 90)) {
    fprintf(stderr, "%s: cannot write\n", path);
    exit(EXIT_FAILURE);
  }
  status = digit_read(path, digit, &rj, err, sizeof err);
  for (size_t k = 0; k < MNIST_PIXELS; k++)
    mean += abs((int) digit[k] - (int) seven[k]) / (double) MNIST_PIXELS;
  tap_ok(status == 0 && rj.box_width == r->box_width
         && rj.box_height == r->box_height && mean < 3,
         "the 7 as a JPEG of quality 90 has the same %zu x %zu box, and "
         "its levels differ by %.2f on average (under 3)", rj.box_width,
         rj.box_height, mean);
}

/* Checks that the 7 of GREY, shrunk SHRINK times to 10 x 12 pixels, is
 * enlarged to the 20-pixel box. */
static void
check_enlarged(const unsigned char *grey)
{
  static unsigned char small[(WIDTH / SHRINK) * (HEIGHT / SHRINK)];
  unsigned char digit[MNIST_PIXELS];
  struct digit_report r;
  char err[256] = "";
  struct box b;
  int status;

  /* Each pixel of SMALL is the mean of a square of GREY. */
  for (size_t y = 0; y < HEIGHT / SHRINK; y++)
    for (size_t x = 0; x < WIDTH / SHRINK; x++) {
      unsigned sum = 0;

      for (size_t k = 0; k < SHRINK * SHRINK; k++)
        sum += grey[(SHRINK * y + k / SHRINK) * WIDTH + SHRINK * x
                    + k % SHRINK];
      small[y * (WIDTH / SHRINK) + x] =
        (unsigned char) ((sum + SHRINK * SHRINK / 2) / (SHRINK * SHRINK));
    }
  status = digit_convert(small, WIDTH / SHRINK, HEIGHT / SHRINK, digit,
                         &r, err, sizeof err);
  /* Linear interpolation softens each edge of the box by up to one
   * new pixel. */
  b = faint_box(digit);
  tap_ok(status == 0 && r.scale == (double) DIGIT_BOX / r.box_height
         && b.height >= DIGIT_BOX && b.height <= DIGIT_BOX + 2,
         "the 7 shrunk to %zu pixels high is enlarged %.2f times, to a "
         "box %zu high (20 to 22)", r.box_height, r.scale, b.height);
}

/* Checks what digit_print() makes of DIGIT. */
static void
check_print(const unsigned char *digit)
{
  char *text = NULL;
  size_t len = 0, lines = 0, hashes = 0;
  FILE *out = open_memstream(&text, &len);

  if (out == NULL) {
    tap_ok(false, "digit_print: open_memstream failed");
    tap_ok(false, "digit_print: no text");
    return;
  }
  digit_print(out, digit);
  fclose(out);
  for (size_t i = 0; i < len; i++) {
    lines += text[i] == '\n';
    hashes += text[i] == '#';
  }
  tap_ok(lines == MNIST_ROWS + 2
         && len == (MNIST_ROWS + 2) * (2 * MNIST_COLS + 3)
         && strncmp(text, "+--", 3) == 0 && strncmp(text + 59, "|  ", 3) == 0,
         "digit_print draws 30 lines of 58 characters, a frame around "
         "28 rows");
  tap_ok(hashes > 0 && hashes % 2 == 0,
         "with two '#' for each pixel of strong ink (%zu)", hashes);
  free(text);
}

/* Checks that the 7 of GREY as a PGM file, and as a PPM file, gives
 * SEVEN, read from PNG. */
static void
check_netpbm(const unsigned char *grey, const unsigned char *seven)
{
  static unsigned char rgb[3 * WIDTH * HEIGHT];
  unsigned char digit[MNIST_PIXELS];
  char header[64], err[256] = "";
  int status;

  snprintf(header, sizeof header, "P5\n# a comment\n%d %d\n255\n", WIDTH,
           HEIGHT);
  status = digit_read(write_with_header("seven.pgm", header, grey,
                                        WIDTH * HEIGHT),
                      digit, NULL, err, sizeof err);
  if (!tap_ok(status == 0 && memcmp(digit, seven, MNIST_PIXELS) == 0,
              "the 7 as a PGM file, a comment in its header, gives the "
              "same 784 bytes"))
    tap_diag("%s", err);
  for (size_t i = 0; i < 3 * WIDTH * HEIGHT; i++)
    rgb[i] = grey[i / 3];
  snprintf(header, sizeof header, "P6 %d %d 255 ", WIDTH, HEIGHT);
  status = digit_read(write_with_header("seven.ppm", header, rgb,
                                        sizeof rgb),
                      digit, NULL, err, sizeof err);
  if (!tap_ok(status == 0 && memcmp(digit, seven, MNIST_PIXELS) == 0,
              "and so does the 7 as a PPM file"))
    tap_diag("%s", err);
}

#define SEVEN_CHECKS 15

static void
check_seven(void)
{
  static double cover[WIDTH * HEIGHT];
  static unsigned char grey[WIDTH * HEIGHT], light[WIDTH * HEIGHT];
  static unsigned char rgba[4 * WIDTH * HEIGHT];
  unsigned char seven[MNIST_PIXELS], other[MNIST_PIXELS];
  struct digit_report r, r2;
  char err[256] = "";
  struct box b;
  double cx, cy;
  int status;

  draw_seven(cover);
  for (size_t i = 0; i < WIDTH * HEIGHT; i++) {
    grey[i] = (unsigned char) lround(255 - (255 - INK_GREY) * cover[i]);
    light[i] = (unsigned char) (255 - grey[i]);
    /* Dark blue ink whose alpha is the coverage, on nothing. */
    rgba[4 * i] = 10;
    rgba[4 * i + 1] = 20;
    rgba[4 * i + 2] = 120;
    rgba[4 * i + 3] = (unsigned char) lround(255 * cover[i]);
  }

  status = digit_read(write_png("seven.png", WIDTH, HEIGHT, 1, grey),
                      seven, &r, err, sizeof err);
  if (!tap_ok(status == 0, "a 7 drawn dark on white, 80 x 100, is read"))
    tap_diag("%s", err);
  tap_ok(r.inverted && r.background == 0 && r.ink == 255 - INK_GREY,
         "it is seen as dark on light: inverted, background %u (want 0), "
         "ink %u (want %d)", r.background, r.ink, 255 - INK_GREY);
  b = faint_box(seven);
  tap_ok(b.height == DIGIT_BOX && b.width <= DIGIT_BOX && b.width >= 12,
         "its ink fills a box %zu high (want 20) and %zu wide (12 to 20)",
         b.height, b.width);
  mass_centre(seven, &cx, &cy);
  tap_ok(floor(cx) == DIGIT_CENTRE && floor(cy) == DIGIT_CENTRE,
         "its centre of mass, (%.2f, %.2f), is in pixel (14, 14)", cx, cy);
  tap_ok(seven[0] == 0 && seven[MNIST_PIXELS - 1] == 0
         && seven[(b.top + 1) * MNIST_COLS + b.left + b.width / 2] > 200,
         "ink is high: the corners are 0, the middle of the bar %u",
         seven[(b.top + 1) * MNIST_COLS + b.left + b.width / 2]);
  tap_ok(row_ink(seven, b.top + 1) >= 12
         && row_ink(seven, b.top + b.height - 2) <= 6,
         "it is still a 7: %zu pixels of ink across its top, %zu across "
         "its bottom", row_ink(seven, b.top + 1),
         row_ink(seven, b.top + b.height - 2));

  status = digit_read(write_png("light.png", WIDTH, HEIGHT, 1, light),
                      other, &r2, err, sizeof err);
  tap_ok(status == 0 && !r2.inverted
         && memcmp(seven, other, MNIST_PIXELS) == 0,
         "the same 7 light on dark gives the same 784 bytes");
  status = digit_read(write_png("rgba.png", WIDTH, HEIGHT, 4, rgba),
                      other, NULL, err, sizeof err);
  tap_ok(status == 0 && max_difference(seven, other) <= 2,
         "drawn in blue on a transparent background, it differs by at "
         "most 2 levels (rounding of alpha): %d",
         max_difference(seven, other));

  check_jpeg(grey, seven, &r);
  check_netpbm(grey, seven);
  status = digit_read(write_bmp_top_down("seven.bmp", WIDTH, HEIGHT, grey),
                      other, NULL, err, sizeof err);
  if (!tap_ok(status == 0 && memcmp(seven, other, MNIST_PIXELS) == 0,
              "the 7 as a BMP file stored top down, of negative height, "
              "gives the same 784 bytes"))
    tap_diag("%s", err);
  check_enlarged(grey);
  check_print(seven);
}

/* ------------------------------------------------------------------ */
/* Images that are refused */

#define REFUSED_CHECKS 10
#define THIN_WIDTH 10400   /* a line 1 pixel thick and this long */

/* Checks that reading PATH fails with a message containing WANT. */
static void
check_refused(const char *path, const char *want, const char *what)
{
  unsigned char digit[MNIST_PIXELS];
  char err[256] = "";
  int status = digit_read(path, digit, NULL, err, sizeof err);

  if (!tap_ok(status == -1 && strstr(err, want) != NULL,
              "%s is refused: \"%s\"", what, err))
    tap_diag("expected the message to contain \"%s\"", want);
}

/* Writes the first LEN bytes of the scratch file FROM, or its first
 * half when LEN is 0, to the scratch file TO; returns the path of TO. */
static const char *
write_truncated(const char *from, const char *to, size_t len)
{
  static unsigned char buf[1 << 16];
  FILE *f = fopen(scratch_path(from), "rb");
  size_t got = f ? fread(buf, 1, sizeof buf, f) : 0;

  if (f != NULL)
    fclose(f);
  return scratch_write(to, buf, len == 0 || len > got ? got / 2 : len);
}

static void
check_refused_images(void)
{
  static unsigned char page[50 * 50], thin[THIN_WIDTH * 3];

  memset(page, 255, sizeof page);
  check_refused(write_png("blank.png", 50, 50, 1, page),
                "blank image: every pixel has grey level 255",
                "a white page");
  for (size_t y = 20; y < 30; y++)
    for (size_t x = 20; x < 30; x++)
      page[y * 50 + x] = 240;
  check_refused(write_png("faint.png", 50, 50, 1, page),
                "no ink: the strongest mark is 15 grey levels above the "
                "background, and 32 are needed",
                "a white page with a faint grey square (level 240)");
  /* Scaled by 20 / 10398, a new pixel covers 520 rows, one of them the
   * line: 0.49 of a grey level, which rounds to 0. */
  memset(thin, 255, sizeof thin);
  memset(thin + THIN_WIDTH + 1, 0, THIN_WIDTH - 2);
  check_refused(write_png("thin.png", THIN_WIDTH, 3, 1, thin),
                "no ink left once scaled to 20 x 20: the marks are too "
                "thin for the image's size",
                "a line 1 pixel thick and 10398 long");
  check_refused(scratch_write("text.png", "hello, world\n", 13),
                "not an image that can be read (unknown image type)",
                "a text file named .png");
  check_refused(scratch_path("missing.png"), "No such file or directory",
                "a missing file");
  check_refused(write_truncated("seven.png", "cut.png", 0),
                "cannot decode the image (outofdata)",
                "the PNG of the 7 cut in half");
  /* Where stb_image gives no reason of its own, or one left by its
   * tests of other formats ("bad png sig" for a JPEG), the format and
   * what is wrong with it are named. */
  check_refused(write_truncated("seven.png", "ihdr.png", 30),
                "cannot decode the image (corrupt or truncated PNG data)",
                "the PNG of the 7 cut after its IHDR chunk");
  check_refused(write_truncated("seven.jpg", "cut.jpg", 200),
                "cannot decode the image (corrupt or truncated JPEG "
                "data)", "the JPEG of the 7 cut to its first 200 bytes");
  check_refused(write_truncated("seven.jpg", "head.jpg", 20),
                "not an image that can be read (corrupt or truncated "
                "JPEG header)", "the JPEG of the 7 cut in its header");
  check_refused(scratch_dir, "cannot read: Is a directory", "a directory");
}

#define PNM_SIDE 100
#define PNM_CHECKS 7

/* Fills SQUARE, of PNM_SIDE x PNM_SIDE samples of BYTES bytes each, big
 * end first, with a dark square on white paper, MAXVAL. */
static void
draw_square(unsigned char *square, size_t bytes, unsigned maxval)
{
  for (size_t y = 0; y < PNM_SIDE; y++)
    for (size_t x = 0; x < PNM_SIDE; x++) {
      bool ink = x >= 30 && x < 70 && y >= 30 && y < 70;
      unsigned char *p = square + (y * PNM_SIDE + x) * bytes;

      p[0] = (unsigned char) (ink ? 0 : bytes == 2 ? maxval >> 8 : maxval);
      if (bytes == 2)
        p[1] = (unsigned char) (ink ? 0 : maxval & 255);
    }
}

/* PGM and PPM files that stb_image 2.27 does not read safely: 16-bit
 * samples, which it converts past the end of its buffer, sides that
 * overflow its int, and files too short for their pixels, of which it
 * leaves the missing part uninitialised. */
static void
check_refused_pnm(void)
{
  static unsigned char square[2 * 3 * PNM_SIDE * PNM_SIDE];
  unsigned char small[10 * 10];

  draw_square(square, 2, 65535);
  check_refused(write_with_header("wide.pgm", "P5 100 100 65535\n",
                                  square, 2 * PNM_SIDE * PNM_SIDE),
                "16-bit PGM/PPM files are not read; save the image with "
                "8 bits per sample", "a 16-bit PGM file");
  memset(square, 1, sizeof square);
  check_refused(write_with_header("wide.ppm", "P6 100 100 256\n",
                                  square, sizeof square),
                "16-bit PGM/PPM files are not read",
                "a PPM file of maximum value 256");
  /* Read in an int, 2^32 + 10 would be 10: a 10 x 10 image of a dot. */
  memset(small, 255, sizeof small);
  small[4 * 10 + 4] = small[4 * 10 + 5] = 0;
  small[5 * 10 + 4] = small[5 * 10 + 5] = 0;
  check_refused(write_with_header("long.pgm", "P5 4294967306 10 255\n",
                                  small, sizeof small),
                "too large: 4294967306 x 10 pixels",
                "a PGM file 2^32 + 10 pixels wide");
  check_refused(write_with_header("longer.pgm", "P5 0 "
                                  "100000000000000000000000000 255\n",
                                  NULL, 0),
                "too large: a side of ", "a PGM file 10^26 pixels high");
  check_refused(write_with_header("header.pgm", "P5 100", NULL, 0),
                "truncated: the file ends within its PGM header",
                "a PGM file cut in its header");
  draw_square(square, 1, 255);
  check_refused(write_with_header("short.pgm", "P5 100 100 255\n",
                                  square, 50),
                "truncated: 100 x 100 pixels need 10000 bytes of PGM "
                "data, and the file holds 50",
                "a 100 x 100 PGM file of 50 bytes of pixels");
  check_refused(write_with_header("short.ppm", "P6 100 100 255\n",
                                  square, PNM_SIDE * PNM_SIDE),
                "truncated: 100 x 100 pixels need 30000 bytes of PPM "
                "data, and the file holds 10000",
                "a 100 x 100 PPM file of one byte per pixel");
}

/* ------------------------------------------------------------------ */
/* MNIST's own digits */

#define MNIST_PNG 100   /* test digits written as PNG and read back */
#define MNIST_CHECKS 3

/* The longer side of the box of step 4 of the MNIST digit DIGIT (the
 * background of an MNIST digit is 0). */
static size_t
longer_side(const unsigned char *digit)
{
  struct box b = faint_box(digit);

  return b.width > b.height ? b.width : b.height;
}

/* True when CONVERTED is what the conversion should give back for the
 * MNIST digit ORIGINAL.  The steps rebuild what MNIST did: the box of
 * the ink, scaled so that its longer side is 20 pixels, placed by its
 * centre of mass in pixel (14, 14), where MNIST has it.  A digit whose
 * box is already 20 pixels long is scaled by exactly 1 and placed where
 * it was, so it must come back unchanged, except that step 3 stretches
 * the levels to reach 255: a digit whose strongest pixel is 254 has
 * each level v made round(v * 255 / 254), at most 1 more.  A digit
 * whose box is shorter is rescaled, and not compared. */
static bool
comes_back(const unsigned char *original, const unsigned char *converted,
           bool *exact)
{
  unsigned char top = 0;

  for (size_t k = 0; k < MNIST_PIXELS; k++)
    top = original[k] > top ? original[k] : top;
  *exact = memcmp(original, converted, MNIST_PIXELS) == 0;
  if (longer_side(original) != DIGIT_BOX)
    return true;
  return top == 255 ? *exact : max_difference(original, converted) <= 1;
}

static void
check_mnist(const char *mnist_dir)
{
  static const char *const what[MNIST_CHECKS] = {
    "the first 100 MNIST test digits, written as PNG and read back, "
    "come back as they were",
    "and so does each of them written dark on light",
    "every MNIST test digit with a 20-pixel ink box comes back, "
    "converted in memory"
  };
  char path[SCRATCH_PATH_MAX + 64], err[256] = "";
  struct idx images;
  size_t failed_png = 0, failed_dark = 0, failed_all = 0;
  size_t exact_all = 0, short_boxes = 0;

  if (mnist_dir == NULL) {
    for (int i = 0; i < MNIST_CHECKS; i++)
      tap_ok(true, "%s # SKIP MNIST not found; run make data", what[i]);
    return;
  }
  snprintf(path, sizeof path, "%s/%s", mnist_dir, MNIST_TEST_IMAGES);
  if (idx_read(path, &images, err, sizeof err) != 0) {
    for (int i = 0; i < MNIST_CHECKS; i++)
      tap_ok(false, "%s (%s: %s)", what[i], path, err);
    return;
  }
  for (size_t i = 0; i < MNIST_PNG; i++) {
    const unsigned char *original = images.data + i * MNIST_PIXELS;
    unsigned char dark[MNIST_PIXELS], converted[MNIST_PIXELS];
    unsigned char from_dark[MNIST_PIXELS];
    bool exact;

    if (digit_read(write_png("mnist.png", MNIST_COLS, MNIST_ROWS, 1,
                             original), converted, NULL, err, sizeof err)
        != 0 || !comes_back(original, converted, &exact))
      failed_png++;
    for (size_t k = 0; k < MNIST_PIXELS; k++)
      dark[k] = (unsigned char) (255 - original[k]);
    if (digit_read(write_png("mnist-dark.png", MNIST_COLS, MNIST_ROWS, 1,
                             dark), from_dark, NULL, err, sizeof err) != 0
        || memcmp(from_dark, converted, MNIST_PIXELS) != 0)
      failed_dark++;
  }
  tap_ok(failed_png == 0, "%s: %zu do not", what[0], failed_png);
  tap_ok(failed_dark == 0, "%s: %zu differ", what[1], failed_dark);

  for (size_t i = 0; i < images.dims[0]; i++) {
    const unsigned char *original = images.data + i * MNIST_PIXELS;
    unsigned char converted[MNIST_PIXELS];
    bool exact = false;

    if (digit_convert(original, MNIST_COLS, MNIST_ROWS, converted, NULL,
                      err, sizeof err) != 0
        || !comes_back(original, converted, &exact))
      failed_all++;
    exact_all += exact;
    short_boxes += longer_side(original) != DIGIT_BOX;
  }
  tap_ok(failed_all == 0, "%s: %zu do not (%zu of %zu come back "
         "byte for byte; %zu have a shorter box and are rescaled)",
         what[2], failed_all, exact_all, images.dims[0], short_boxes);
  idx_free(&images);
}

int
main(void)
{
  char mnist_buf[SCRATCH_PATH_MAX];
  const char *mnist_dir = scratch_find_mnist(mnist_buf, sizeof mnist_buf);

  scratch_init("test-digit");
  tap_plan(SEVEN_CHECKS + REFUSED_CHECKS + PNM_CHECKS + MNIST_CHECKS);
  check_seven();
  check_refused_images();
  check_refused_pnm();
  check_mnist(mnist_dir);
  return tap_done();
}
