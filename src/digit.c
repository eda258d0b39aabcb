/* digit.c -- a user's image made into an MNIST-like digit (see digit.h).
 *
 * stb_image decodes the file, once the header of a PGM or PPM file,
 * which stb_image 2.27 does not read safely, has been checked here;
 * stb_image_resize scales the digit.  The rest is the few steps digit.h
 * lists, each a function here, in order.
 * Levels are floats in [0, 1] from step 3 on, and become bytes only at
 * the end, so that rounding happens once.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <stb_image.h>
#include <stb_image_resize.h>

#include "digit.h"
#include "readfile.h"

/* Step 3: the background is the level that 9 border pixels in 10 do
 * not exceed, ink high; only what stands above it counts as ink. */
#define DIGIT_BACKGROUND_SHARE 0.9

/* Sizes times the scale are whole numbers in exact arithmetic (20, for
 * the box's longer side) but may come out a hair above or below in
 * doubles; rounding up or down allows this much. */
#define DIGIT_EPSILON 1e-9

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
/* Step 4: the box of the ink, and the region around it */

/* Sets r->left, top, box_width and box_height to the smallest box that
 * holds every pixel more than 1 / DIGIT_FAINT of the way from the
 * background to the strongest ink.  There is one at least: the
 * strongest. */
static void
find_box(const unsigned char *grey, struct digit_report *r)
{
  double threshold = r->background
                     + (r->ink - r->background) / (double) DIGIT_FAINT;
  size_t left = r->width, right = 0, top = r->height, bottom = 0;

  for (size_t y = 0; y < r->height; y++)
    for (size_t x = 0; x < r->width; x++)
      if (ink_at(grey, y * r->width + x, r->inverted) > threshold) {
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

/* A rectangle of the image, which may reach a little beyond it. */
struct region {
  long left, top;
  size_t width, height;
};

/* The box widened on every side by as many pixels as become, once
 * scaled, the 8 pixels by which the 28 x 28 field is wider than the
 * box, and one more: all that can land in the field.  It is cut at a
 * frame of a few pixels around the image, paper, where scaling may
 * still look for neighbours of the image's edge pixels. */
static struct region
around_box(const struct digit_report *r)
{
  long margin = (long) ceil((MNIST_COLS - DIGIT_BOX) / r->scale) + 1;
  long frame = (long) ceil(1 / r->scale) + 1;
  long left = (long) r->left - margin, top = (long) r->top - margin;
  long right = (long) (r->left + r->box_width) + margin;
  long bottom = (long) (r->top + r->box_height) + margin;
  struct region g;

  g.left = left > -frame ? left : -frame;
  g.top = top > -frame ? top : -frame;
  right = right < (long) r->width + frame ? right
                                          : (long) r->width + frame;
  bottom = bottom < (long) r->height + frame ? bottom
                                             : (long) r->height + frame;
  g.width = (size_t) (right - g.left);
  g.height = (size_t) (bottom - g.top);
  return g;
}

/* The pixels of region G as levels in [0, 1] (step 3): background 0,
 * strongest ink 1, and 0 outside the image.  Returns a new array of
 * G's width x height floats, or NULL when out of memory. */
static float *
region_levels(const unsigned char *grey, const struct digit_report *r,
              const struct region *g)
{
  float *levels = malloc(g->width * g->height * sizeof *levels);
  double range = r->ink - r->background;

  if (levels == NULL)
    return NULL;
  for (size_t y = 0; y < g->height; y++)
    for (size_t x = 0; x < g->width; x++) {
      long row = g->top + (long) y, col = g->left + (long) x;
      double v = 0;

      if (row >= 0 && row < (long) r->height && col >= 0
          && col < (long) r->width)
        v = (ink_at(grey, (size_t) row * r->width + (size_t) col,
                    r->inverted) - (double) r->background) / range;
      levels[y * g->width + x] = (float) (v < 0 ? 0 : v > 1 ? 1 : v);
    }
  return levels;
}

/* ------------------------------------------------------------------ */
/* Steps 5 to 7: scale, centre, bytes */

/* The scaled region of step 5: its levels, and where in it the box
 * lands, its first pixels aligned with the pixel grid. */
struct scaled {
  float *v;                /* width x height levels */
  size_t width, height;
  long box_left, box_top;  /* the box's first column and row */
  long box_right, box_bottom;  /* and its last */
};

/* Along one axis, for region pixels 0..N-1 scaled by SCALE, with the
 * box starting at region pixel AT: sets *FIRST, the new pixel where the
 * box starts, and *SIZE, the number of new pixels, and returns the
 * shift stb_image_resize wants (new pixel x is region pixel
 * (x + shift) / scale).  The box starts on a whole pixel, so that it
 * covers 20 new pixels and not parts of 21; and the new pixels lie
 * wholly inside the region, which stb_image_resize requires. */
static double
align(long at, size_t n, double scale, long *first, size_t *size)
{
  *first = (long) floor(at * scale + DIGIT_EPSILON);
  *size = (size_t) floor(((double) n - at) * scale + *first);
  return at * scale - *first;
}

/* Scales the LEVELS of region G by r->scale, the same for both axes,
 * into *S (step 5).  Returns 0, or -1 when out of memory.  Beyond the
 * region is paper, level 0. */
static int
scale_region(const float *levels, const struct region *g,
             const struct digit_report *r, struct scaled *s)
{
  double shift_x = align((long) r->left - g->left, g->width, r->scale,
                         &s->box_left, &s->width);
  double shift_y = align((long) r->top - g->top, g->height, r->scale,
                         &s->box_top, &s->height);
  /* The box filter averages over the area a new pixel covers; the
   * triangle filter is linear interpolation. */
  stbir_filter filter = r->scale <= 1 ? STBIR_FILTER_BOX
                                      : STBIR_FILTER_TRIANGLE;

  s->box_right = s->box_left
                 + (long) ceil(r->box_width * r->scale - DIGIT_EPSILON) - 1;
  s->box_bottom = s->box_top
                  + (long) ceil(r->box_height * r->scale - DIGIT_EPSILON) - 1;
  s->v = malloc(s->width * s->height * sizeof *s->v);
  if (s->v != NULL
      && !stbir_resize_subpixel(levels, (int) g->width, (int) g->height,
                                (int) (g->width * sizeof *levels),
                                s->v, (int) s->width, (int) s->height,
                                (int) (s->width * sizeof *s->v),
                                STBIR_TYPE_FLOAT, 1,
                                STBIR_ALPHA_CHANNEL_NONE, 0,
                                STBIR_EDGE_ZERO, STBIR_EDGE_ZERO,
                                filter, filter, STBIR_COLORSPACE_LINEAR,
                                NULL, (float) r->scale, (float) r->scale,
                                (float) shift_x, (float) shift_y)) {
    free(s->v);
    s->v = NULL;
  }
  return s->v != NULL ? 0 : -1;
}

/* The centre of mass of the WIDTH x HEIGHT levels V, pixel (x, y)
 * spanning [x, x + 1) x [y, y + 1), into *X and *Y. */
static void
mass_centre(const float *v, size_t width, size_t height,
            double *x, double *y)
{
  double mass = 0, mass_x = 0, mass_y = 0;

  for (size_t j = 0; j < height; j++)
    for (size_t i = 0; i < width; i++) {
      mass += v[j * width + i];
      mass_x += v[j * width + i] * (i + 0.5);
      mass_y += v[j * width + i] * (j + 0.5);
    }
  *x = mass > 0 ? mass_x / mass : width / 2.0;
  *y = mass > 0 ? mass_y / mass : height / 2.0;
}

/* Along one axis: the offset that moves the centre of mass MASS into
 * pixel DIGIT_CENTRE of the field (step 6), then just enough more to
 * keep the box, pixels FIRST to LAST, inside it. */
static long
offset_for(double mass, long first, long last)
{
  long offset = DIGIT_CENTRE - (long) floor(mass);

  if (offset + last > MNIST_COLS - 1)
    offset = MNIST_COLS - 1 - last;
  if (offset + first < 0)
    offset = -first;
  return offset;
}

/* Copies the WIDTH x HEIGHT levels of SMALL, moved by (LEFT, TOP), into
 * the 28 x 28 field as bytes (step 7); what falls outside is lost. */
static void
place(const float *small, size_t width, size_t height, long left,
      long top, unsigned char digit[MNIST_PIXELS])
{
  memset(digit, 0, MNIST_PIXELS);
  for (size_t y = 0; y < height; y++)
    for (size_t x = 0; x < width; x++) {
      long row = top + (long) y, col = left + (long) x;
      double v = small[y * width + x];

      if (row >= 0 && row < MNIST_ROWS && col >= 0 && col < MNIST_COLS)
        digit[row * MNIST_COLS + col] =
          (unsigned char) lround(255 * (v < 0 ? 0 : v > 1 ? 1 : v));
    }
}

/* True when a pixel of DIGIT is above 0. */
static bool
has_ink(const unsigned char digit[MNIST_PIXELS])
{
  for (size_t k = 0; k < MNIST_PIXELS; k++)
    if (digit[k] > 0)
      return true;
  return false;
}

int
digit_convert(const unsigned char *grey, size_t width, size_t height,
              unsigned char digit[MNIST_PIXELS],
              struct digit_report *report, char *err, size_t errlen)
{
  struct digit_report r = { .width = width, .height = height };
  struct scaled small = { NULL, 0, 0, 0, 0, 0, 0 };
  struct region g;
  size_t longer;
  double cx, cy;
  float *levels;

  if (width == 0 || height == 0) {
    snprintf(err, errlen, "empty image: %zu x %zu pixels", width, height);
    return -1;
  }
  if (find_levels(grey, width, height, &r, err, errlen) != 0)
    return -1;
  find_box(grey, &r);
  longer = r.box_width > r.box_height ? r.box_width : r.box_height;
  r.scale = (double) DIGIT_BOX / (double) longer;
  g = around_box(&r);
  levels = region_levels(grey, &r, &g);
  if (levels == NULL || scale_region(levels, &g, &r, &small) != 0) {
    free(levels);
    snprintf(err, errlen, "out of memory");
    return -1;
  }
  free(levels);
  mass_centre(small.v, small.width, small.height, &cx, &cy);
  place(small.v, small.width, small.height,
        offset_for(cx, small.box_left, small.box_right),
        offset_for(cy, small.box_top, small.box_bottom), digit);
  free(small.v);
  /* A thin mark across a long box is averaged with so much paper that
   * it rounds to 0. */
  if (!has_ink(digit)) {
    snprintf(err, errlen, "no ink left once scaled to %d x %d: the marks "
             "are too thin for the image's size", DIGIT_BOX, DIGIT_BOX);
    return -1;
  }
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

/* True for the bytes stb_image takes for white space in the header of
 * a PGM or PPM file. */
static bool
pnm_space(int c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f'
         || c == '\r';
}

/* Reads a number of the header of the PGM or PPM file F into *VALUE,
 * *C holding the byte read last: skips white space and '#' comments to
 * the end of their line, as stb_image does, then reads the digits and
 * leaves in *C the byte after them.  A number too large for a size_t
 * is taken as SIZE_MAX.  Returns 0, or -1 when no digit comes first. */
static int
pnm_number(FILE *f, int *c, size_t *value)
{
  for (;;) {
    while (pnm_space(*c))
      *c = getc(f);
    if (*c != '#')
      break;
    while (*c != EOF && *c != '\n' && *c != '\r')
      *c = getc(f);
  }
  if (*c < '0' || *c > '9')
    return -1;
  for (*value = 0; *c >= '0' && *c <= '9'; *c = getc(f)) {
    size_t d = (size_t) (*c - '0');

    *value = *value > (SIZE_MAX - d) / 10 ? SIZE_MAX : *value * 10 + d;
  }
  return 0;
}

/* Checks that an image of WIDTH x HEIGHT pixels has at most
 * DIGIT_MAX_PIXELS, and no side longer.  Returns 0, or -1 with a reason
 * in ERR. */
static int
check_size(size_t width, size_t height, char *err, size_t errlen)
{
  if (width > DIGIT_MAX_PIXELS || height > DIGIT_MAX_PIXELS
      || (height > 0 && width > DIGIT_MAX_PIXELS / height)) {
    snprintf(err, errlen, "too large: %zu x %zu pixels, and at most %zu "
             "megapixels are read", width, height, DIGIT_MAX_PIXELS >> 20);
    return -1;
  }
  return 0;
}

/* The length of a side of an image, of which stbi_info gives V: for a
 * BMP stored top down, the height as its header has it, negative. */
static size_t
side(int v)
{
  return v < 0 ? 0 - (size_t) v : (size_t) v;
}

/* Checks that the file F holds, from where it stands, the CHANNELS
 * bytes of each of the WIDTH x HEIGHT pixels of a NAME file.  Returns
 * 0, or -1 with a reason in ERR. */
static int
check_pixels(FILE *f, const char *name, size_t width, size_t height,
             size_t channels, char *err, size_t errlen)
{
  long at = ftell(f), end;
  size_t need = width * height * channels;

  if (at < 0 || fseek(f, 0, SEEK_END) != 0 || (end = ftell(f)) < 0) {
    snprintf(err, errlen, "%s", strerror(errno));
    return -1;
  }
  if ((size_t) (end - at) < need) {
    snprintf(err, errlen, "truncated: %zu x %zu pixels need %zu bytes of "
             "%s data, and the file holds %zu", width, height, need, name,
             (size_t) (end - at));
    return -1;
  }
  return 0;
}

/* Checks the header of F, a PGM file (magic P5) or a PPM file (P6)
 * named NAME, of CHANNELS samples per pixel, before stb_image reads it:
 * stb_image 2.27 reads past the end of its own buffer when it converts
 * 16-bit samples, keeps the sides in an int that a long number
 * overflows, and leaves what a short file lacks of its pixels
 * uninitialised.  Returns 0 for a file of 8-bit samples and of 1 to
 * DIGIT_MAX_PIXELS pixels that holds all of them, or -1 with a reason
 * in ERR.  Leaves F at its start. */
static int
check_pnm(FILE *f, const char *name, size_t channels, char *err,
          size_t errlen)
{
  size_t width = 0, height = 0, maxval = 0;
  int c = fseek(f, 2, SEEK_SET) == 0 ? getc(f) : EOF, status = -1;

  if (pnm_number(f, &c, &width) != 0 || pnm_number(f, &c, &height) != 0
      || pnm_number(f, &c, &maxval) != 0) {
    if (c == EOF)
      snprintf(err, errlen, "truncated: the file ends within its %s "
               "header", name);
    else
      snprintf(err, errlen, "not an image that can be read (a %s header "
               "without its width, height and maximum value)", name);
  } else if (maxval == 0 || maxval > 65535)
    snprintf(err, errlen, "not an image that can be read (a %s maximum "
             "value of %zu, and 1 to 65535 are allowed)", name, maxval);
  else if (maxval > 255)
    snprintf(err, errlen, "16-bit PGM/PPM files are not read; save the "
             "image with 8 bits per sample");
  else if (width == SIZE_MAX || height == SIZE_MAX)
    snprintf(err, errlen, "too large: a side of %zu pixels or more, and "
             "at most %zu megapixels are read", SIZE_MAX,
             DIGIT_MAX_PIXELS >> 20);
  else if (width == 0 || height == 0)
    snprintf(err, errlen, "empty image: %zu x %zu pixels", width, height);
  /* The pixels follow the byte of white space after the maximum value,
   * read into C. */
  else if (check_size(width, height, err, errlen) == 0)
    status = check_pixels(f, name, width, height, channels, err, errlen);
  rewind(f);
  return status;
}

/* The formats known by their first bytes, named in messages. */
struct signature {
  const char *bytes;
  size_t len;
  const char *name;
  size_t channels;           /* of a PGM or PPM file, for check_pnm */
};

static const struct signature signatures[] = {
  { "\x89PNG\r\n\x1a\n", 8, "PNG", 0 },
  { "\xff\xd8\xff", 3, "JPEG", 0 },
  { "GIF8", 4, "GIF", 0 },
  { "BM", 2, "BMP", 0 },
  { "8BPS", 4, "PSD", 0 },
  { "P5", 2, "PGM", 1 },
  { "P6", 2, "PPM", 3 }
};

/* The format of the file F, by its first bytes, or NULL when they are
 * not those of one of SIGNATURES.  Leaves F at its start. */
static const struct signature *
signature_of(FILE *f)
{
  unsigned char head[8];
  size_t len = fread(head, 1, sizeof head, f);

  rewind(f);
  for (size_t i = 0; i < sizeof signatures / sizeof *signatures; i++)
    if (len >= signatures[i].len
        && memcmp(head, signatures[i].bytes, signatures[i].len) == 0)
      return &signatures[i];
  return NULL;
}

/* Writes to ERR why stb_image could not decode the image of the file
 * of format SIG, NULL when not known by its first bytes.  stb_image
 * keeps the last reason given, and does not always give one of its
 * own: a reason that its tests of other formats leave, or none, is
 * replaced by one that says the data is corrupt or truncated. */
static void
decode_failed(const struct signature *sig, char *err, size_t errlen)
{
  static const char *const stale[] = {
    "", "bad png sig", "no SOI", "not GIF", "unknown image type"
  };
  const char *reason = stbi_failure_reason();

  for (size_t i = 0; reason != NULL && i < sizeof stale / sizeof *stale;
       i++)
    if (strcmp(reason, stale[i]) == 0)
      reason = NULL;
  if (reason != NULL)
    snprintf(err, errlen, "cannot decode the image (%s)", reason);
  else
    snprintf(err, errlen, "cannot decode the image (corrupt or truncated "
             "%s%sdata)", sig != NULL ? sig->name : "",
             sig != NULL ? " " : "");
}

int
digit_read(const char *path, unsigned char digit[MNIST_PIXELS],
           struct digit_report *report, char *err, size_t errlen)
{
  FILE *f = readfile_fopen(path, err, errlen);
  const struct signature *sig;
  int width, height, channels, status;
  unsigned char *ga, *grey;
  size_t n;

  if (f == NULL)
    return -1;
  sig = signature_of(f);
  if (sig != NULL && sig->channels > 0
      && check_pnm(f, sig->name, sig->channels, err, errlen) != 0) {
    fclose(f);
    return -1;
  }
  /* The size first, from the header, before any memory is taken.
   * stbi_info's reason for refusing a header is "unknown image type",
   * whatever its format. */
  if (!stbi_info_from_file(f, &width, &height, &channels)) {
    if (sig != NULL)
      snprintf(err, errlen, "not an image that can be read (corrupt or "
               "truncated %s header)", sig->name);
    else
      snprintf(err, errlen, "not an image that can be read (%s)",
               stbi_failure_reason());
    fclose(f);
    return -1;
  }
  if (check_size(side(width), side(height), err, errlen) != 0) {
    fclose(f);
    return -1;
  }
  /* Two channels: stb_image turns colour into grey, and adds an opaque
   * alpha channel to an image that has none. */
  ga = stbi_load_from_file(f, &width, &height, &channels, 2);
  fclose(f);
  if (ga == NULL) {
    decode_failed(sig, err, errlen);
    return -1;
  }
  n = (size_t) width * (size_t) height;
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
