/* picture.c -- PNG grids of digits and of weights (see picture.h).
 *
 * A picture is drawn on a canvas of grey bytes at one pixel per image
 * pixel, enlarged by the zoom at the end, encoded as PNG in memory by
 * stb_image_write and saved atomically by savefile_write().  Tiles are
 * GAP pixels apart, on a light grey ground; a caption strip under a
 * tile holds up to PICTURE_CAPTION_MAX characters of stb_easy_font, a
 * font made of rectangles ("quads"), 7 pixels high.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>
#include <stb_image_write.h>

/* stb_easy_font.h is a header of static functions.  Its own code draws
 * a -Wmissing-braces warning, and the functions not used here would be
 * reported as unused; both are silenced for this header only. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-braces"
#pragma GCC diagnostic ignored "-Wunused-function"
#include <stb_easy_font.h>
#pragma GCC diagnostic pop

#include "mnist.h"
#include "picture.h"
#include "savefile.h"

#define GAP 2                /* pixels between tiles and at the edges */
#define CAPTION_HEIGHT 9     /* a 7-pixel font, 1 pixel above and below */
#define GROUND 192           /* the grey between tiles */
#define PAPER 255
#define INK 0
#define MAX_TILE_SIDE 4096   /* the largest tile, in pixels a side */
#define MAX_PIXELS ((double) (1 << 28))   /* in the zoomed picture */
/* Bytes of stb_easy_font quads per character: 64 a quad, and room for
 * 16 quads, more than its busiest character draws ('X', 11).  Its
 * header's figure of 270 bytes is an average; "8>8" needs 23 quads. */
#define QUAD_BYTES_PER_CHAR (16 * 64)

/* A grey image being drawn. */
struct canvas {
  size_t width, height;
  unsigned char *v;   /* row-major, width x height */
};

/* A grid of N tiles of TILE_WIDTH x TILE_HEIGHT pixels, with CAPTION
 * more under each for its caption (0 without captions). */
struct layout {
  size_t n, columns, rows;
  size_t tile_width, tile_height, caption;
};

/* ------------------------------------------------------------------ */
/* Layout and canvas */

/* Fills *L for N tiles laid out as GRID asks, and checks the sizes. */
static int
plan(struct layout *l, size_t n, size_t tile_width, size_t tile_height,
     bool captions, const struct picture_grid *grid,
     char *err, size_t errlen)
{
  size_t zoom = grid->zoom ? grid->zoom : 1;
  double pixels;

  if (n < 1 || n > PICTURE_MAX_TILES) {
    snprintf(err, errlen, "%zu tiles; a picture has from 1 to %d", n,
             PICTURE_MAX_TILES);
    return PICTURE_ERROR;
  }
  if (zoom > PICTURE_MAX_ZOOM || tile_width < 1 || tile_height < 1
      || tile_width > MAX_TILE_SIDE || tile_height > MAX_TILE_SIDE) {
    snprintf(err, errlen, "zoom %zu or tile %zu x %zu out of range "
             "(zoom 1 to %d, tiles up to %d a side)", zoom, tile_width,
             tile_height, PICTURE_MAX_ZOOM, MAX_TILE_SIDE);
    return PICTURE_ERROR;
  }
  l->n = n;
  l->columns = grid->columns ? grid->columns
                             : (size_t) ceil(sqrt((double) n));
  l->columns = l->columns > n ? n : l->columns;
  l->rows = (n + l->columns - 1) / l->columns;
  l->tile_width = tile_width;
  l->tile_height = tile_height;
  l->caption = captions ? CAPTION_HEIGHT : 0;
  pixels = (double) (GAP + l->columns * (tile_width + GAP)) * zoom
           * (double) (GAP + l->rows * (tile_height + l->caption + GAP))
           * zoom;
  if (pixels > MAX_PIXELS) {
    snprintf(err, errlen, "the picture would have %.0f pixels; at most "
             "%.0f", pixels, MAX_PIXELS);
    return PICTURE_ERROR;
  }
  return PICTURE_OK;
}

/* Allocates the canvas for layout L, filled with the ground grey. */
static int
canvas_alloc(struct canvas *c, const struct layout *l,
             char *err, size_t errlen)
{
  c->width = GAP + l->columns * (l->tile_width + GAP);
  c->height = GAP + l->rows * (l->tile_height + l->caption + GAP);
  c->v = malloc(c->width * c->height);
  if (c->v == NULL) {
    snprintf(err, errlen, "out of memory for a picture of %zu x %zu",
             c->width, c->height);
    return PICTURE_ERROR;
  }
  memset(c->v, GROUND, c->width * c->height);
  return PICTURE_OK;
}

/* The column *X and row *Y of the top left pixel of tile I. */
static void
tile_origin(const struct layout *l, size_t i, size_t *x, size_t *y)
{
  *x = GAP + (i % l->columns) * (l->tile_width + GAP);
  *y = GAP + (i / l->columns) * (l->tile_height + l->caption + GAP);
}

/* ------------------------------------------------------------------ */
/* Captions */

/* Fills the rectangle [X0, X1) x [Y0, Y1) of C with LEVEL, clipped to
 * the box LEFT..LEFT+WIDTH-1 of the caption strip. */
static void
fill_rect(struct canvas *c, long x0, long y0, long x1, long y1,
          size_t left, size_t width, unsigned char level)
{
  for (long y = y0 < 0 ? 0 : y0; y < y1 && (size_t) y < c->height; y++)
    for (long x = x0; x < x1; x++)
      if (x >= (long) left && x < (long) (left + width))
        c->v[(size_t) y * c->width + (size_t) x] = level;
}

/* Writes TEXT in ink, centred in the strip of WIDTH pixels whose top
 * left corner is (LEFT, TOP) of C: the strip is painted white, then
 * each quad stb_easy_font makes is filled. */
static void
draw_caption(struct canvas *c, size_t left, size_t top, size_t width,
             const char *text)
{
  char shown[PICTURE_CAPTION_MAX + 1];
  char quads[PICTURE_CAPTION_MAX * QUAD_BYTES_PER_CHAR];
  size_t len = 0;
  int num_quads;
  long x0;

  fill_rect(c, (long) left, (long) top, (long) (left + width),
            (long) (top + CAPTION_HEIGHT), left, width, PAPER);
  /* stb_easy_font draws ' ' to '~' only. */
  for (; text[len] != '\0' && len < PICTURE_CAPTION_MAX; len++)
    shown[len] = text[len] >= ' ' && text[len] <= '~' ? text[len] : '?';
  shown[len] = '\0';
  if (len == 0)
    return;
  x0 = (long) left + ((long) width - stb_easy_font_width(shown)) / 2;
  num_quads = stb_easy_font_print((float) x0, (float) top + 1, shown,
                                  NULL, quads, sizeof quads);
  /* A quad is 4 vertices of 16 bytes: x, y, z as floats, then a
   * colour; vertex 0 is its top left corner, vertex 2 its bottom
   * right. */
  for (int q = 0; q < num_quads; q++) {
    float corner[4];

    memcpy(&corner[0], quads + 64 * q, 2 * sizeof(float));
    memcpy(&corner[2], quads + 64 * q + 32, 2 * sizeof(float));
    fill_rect(c, lroundf(corner[0]), lroundf(corner[1]),
              lroundf(corner[2]), lroundf(corner[3]), left, width, INK);
  }
}

/* ------------------------------------------------------------------ */
/* Encoding and saving */

/* A growing buffer for the bytes stb_image_write hands over. */
struct bytes {
  unsigned char *data;
  size_t len;
  bool failed;   /* out of memory */
};

/* Appends the SIZE bytes at DATA to the struct bytes at CONTEXT. */
static void
append_bytes(void *context, void *data, int size)
{
  struct bytes *b = context;
  unsigned char *bigger;

  if (b->failed || size <= 0)
    return;
  bigger = realloc(b->data, b->len + (size_t) size);
  if (bigger == NULL) {
    b->failed = true;
    return;
  }
  memcpy(bigger + b->len, data, (size_t) size);
  b->data = bigger;
  b->len += (size_t) size;
}

/* The canvas C enlarged ZOOM times, as a new array; NULL when out of
 * memory. */
static unsigned char *
zoomed(const struct canvas *c, size_t zoom)
{
  size_t width = c->width * zoom;
  unsigned char *v = malloc(width * c->height * zoom);

  if (v == NULL)
    return NULL;
  for (size_t y = 0; y < c->height * zoom; y++)
    for (size_t x = 0; x < width; x++)
      v[y * width + x] = c->v[(y / zoom) * c->width + x / zoom];
  return v;
}

/* Encodes C, enlarged by the grid's zoom, as PNG, saves it at PATH
 * and frees the canvas. */
static int
save_png(struct canvas *c, const char *path,
         const struct picture_grid *grid, char *err, size_t errlen)
{
  size_t zoom = grid->zoom ? grid->zoom : 1;
  unsigned char *v = zoomed(c, zoom);
  struct bytes png = { NULL, 0, false };
  int status;

  free(c->v);
  c->v = NULL;
  if (v == NULL
      || !stbi_write_png_to_func(append_bytes, &png, (int) (c->width * zoom),
                                 (int) (c->height * zoom), 1, v,
                                 (int) (c->width * zoom))
      || png.failed) {
    free(v);
    free(png.data);
    snprintf(err, errlen, "out of memory making the PNG");
    return PICTURE_ERROR;
  }
  free(v);
  status = savefile_write(path, png.data, png.len, grid->force,
                          err, errlen);
  free(png.data);
  if (status == SAVEFILE_EXISTS)
    return PICTURE_EXISTS;
  return status == SAVEFILE_OK ? PICTURE_OK : PICTURE_ERROR;
}

/* ------------------------------------------------------------------ */
/* The two pictures */

int
picture_write_digits(const char *path,
                     const unsigned char *const *digits,
                     const char *const *captions, size_t n,
                     const struct picture_grid *grid,
                     char *err, size_t errlen)
{
  struct layout l;
  struct canvas c;

  if (plan(&l, n, MNIST_COLS, MNIST_ROWS, captions != NULL, grid,
           err, errlen) != PICTURE_OK
      || canvas_alloc(&c, &l, err, errlen) != PICTURE_OK)
    return PICTURE_ERROR;
  for (size_t i = 0; i < n; i++) {
    size_t left, top;

    tile_origin(&l, i, &left, &top);
    /* Ink high in the data; dark on the page. */
    for (size_t y = 0; y < MNIST_ROWS; y++)
      for (size_t x = 0; x < MNIST_COLS; x++)
        c.v[(top + y) * c.width + left + x] =
          (unsigned char) (PAPER - digits[i][y * MNIST_COLS + x]);
    if (captions != NULL)
      draw_caption(&c, left, top + MNIST_ROWS, MNIST_COLS,
                   captions[i] ? captions[i] : "");
  }
  return save_png(&c, path, grid, err, errlen);
}

/* Draws row J of W, ROWS x COLS weights, into the tile at (LEFT, TOP):
 * 0 is grey 128, and the largest magnitude of the row 128 +- 127. */
static void
draw_weights(struct canvas *c, const gsl_matrix *w, size_t j,
             size_t rows, size_t cols, size_t left, size_t top)
{
  gsl_vector_const_view row = gsl_matrix_const_row(w, j);
  double largest = fmax(fabs(gsl_vector_max(&row.vector)),
                        fabs(gsl_vector_min(&row.vector)));

  for (size_t y = 0; y < rows; y++)
    for (size_t x = 0; x < cols; x++) {
      double v = gsl_vector_get(&row.vector, y * cols + x);

      c->v[(top + y) * c->width + left + x] =
        (unsigned char) lround(128 + (largest > 0 ? 127 * v / largest
                                                  : 0));
    }
}

int
picture_write_weights(const char *path, const gsl_matrix *w,
                      size_t rows, size_t cols,
                      const struct picture_grid *grid,
                      char *err, size_t errlen)
{
  struct layout l;
  struct canvas c;

  if (plan(&l, w->size1, cols, rows, false, grid, err, errlen)
      != PICTURE_OK)
    return PICTURE_ERROR;
  if (rows * cols != w->size2) {
    snprintf(err, errlen, "tiles of %zu x %zu do not hold the %zu "
             "weights of a neuron", rows, cols, w->size2);
    return PICTURE_ERROR;
  }
  for (size_t j = 0; j < w->size1; j++)
    for (size_t k = 0; k < w->size2; k++)
      if (!isfinite(gsl_matrix_get(w, j, k))) {
        snprintf(err, errlen, "weight %zu of neuron %zu is not finite",
                 k, j);
        return PICTURE_ERROR;
      }
  if (canvas_alloc(&c, &l, err, errlen) != PICTURE_OK)
    return PICTURE_ERROR;
  for (size_t j = 0; j < w->size1; j++) {
    size_t left, top;

    tile_origin(&l, j, &left, &top);
    draw_weights(&c, w, j, rows, cols, left, top);
  }
  return save_png(&c, path, grid, err, errlen);
}
