/* picture.h -- PNG pictures of digits and of weights.
 *
 * Two kinds of picture help to see what a network does.  A grid of
 * digits, each a 28 x 28 tile drawn as dark ink on white paper, with an
 * optional caption under each tile in a small built-in font (stb's
 * stb_easy_font): the test digits a network reads wrong, captioned with
 * what they are and what the network read, say "4>9".  And a grid of
 * weights, one tile per neuron of layer 1, its sizes[0] = 784 weights
 * w^1_jk laid out as the 28 x 28 pixels k they come from: what each
 * hidden neuron looks for in an image.
 *
 * The PNG is made in memory by stb_image_write and saved through
 * savefile_write(), so that the file is either whole or untouched.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#ifndef NNC_PICTURE_H
#define NNC_PICTURE_H

#include <stdbool.h>
#include <stddef.h>

#include <gsl/gsl_matrix.h>

/* The statuses the functions below return. */
#define PICTURE_OK 0
#define PICTURE_ERROR (-1)
#define PICTURE_EXISTS (-2)   /* the file exists and FORCE is false */

#define PICTURE_MAX_TILES 10000   /* tiles in one picture */
#define PICTURE_MAX_ZOOM 16
#define PICTURE_CAPTION_MAX 4     /* characters of a caption that fit */

/* How the tiles are laid out. */
struct picture_grid {
  size_t columns;   /* tiles per row; 0 for about as many as rows */
  size_t zoom;      /* each pixel drawn as a zoom x zoom square, 1 to
                     * PICTURE_MAX_ZOOM; 0 means 1 */
  bool force;       /* replace an existing file */
};

/* Draws the N digits DIGITS[0..N-1], each 28 x 28 bytes from 0 (paper)
 * to 255 (ink), as the rows of a struct dataset hold them, in a grid,
 * left to right and top to bottom, and saves it as a PNG file at PATH.
 * CAPTIONS is NULL, or holds N strings (NULL or "" for none) shown
 * under their tiles; only the first PICTURE_CAPTION_MAX characters fit.
 * Returns PICTURE_OK; PICTURE_EXISTS when PATH exists and grid->force
 * is false; or PICTURE_ERROR, with a one-line reason in ERR, of ERRLEN
 * bytes, either way (N is 0 or above PICTURE_MAX_TILES, a bad zoom, out
 * of memory, or the reasons of savefile_write()). */
int picture_write_digits(const char *path,
                         const unsigned char *const *digits,
                         const char *const *captions, size_t n,
                         const struct picture_grid *grid,
                         char *err, size_t errlen);

/* Draws the rows of W as a grid of ROWS x COLS tiles, one per row:
 * tile j shows the weights w_jk of neuron j, k = 0..ROWS*COLS-1 row by
 * row, which must be all of W's columns.  Each tile is scaled on its
 * own, so that 0 is mid-grey and the weight of largest magnitude is
 * white if positive, black if negative; a tile of zeros is all grey.
 * Saves the PNG at PATH and returns as picture_write_digits() does; W
 * must hold only finite numbers. */
int picture_write_weights(const char *path, const gsl_matrix *w,
                          size_t rows, size_t cols,
                          const struct picture_grid *grid,
                          char *err, size_t errlen);

#endif /* NNC_PICTURE_H */
