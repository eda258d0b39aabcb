/* savefile.h -- writing a file so that it is either whole or not there.
 *
 * A program that saves a trained network, or a picture, must not leave
 * half a file behind when the disk fills up or the program is stopped,
 * and must not damage the file it replaces.  So savefile_write() puts
 * the data first in a temporary file in the same directory as the
 * target; only when all of it is written and on the disk (fsync) does
 * the temporary take the target's name, in one step (rename).  On any
 * failure the temporary is removed and the target is as it was.
 *
 * Without FORCE an existing target is never replaced, not even one that
 * appears while the data is being written: the last step is then link(),
 * which fails when the target exists, instead of rename(), which would
 * replace it.  On file systems without hard links (FAT, for one) the
 * target is checked once more and then renamed to, which leaves a small
 * window in which a file made by another program could be replaced.
 *
 * Only a regular file is ever replaced, FORCE or not.  A directory, a
 * device (a program run as root would otherwise replace /dev/null), a
 * FIFO or a socket is refused.  So is a symbolic link, even one to a
 * regular file: renaming onto it would replace the link itself, not
 * the file it names, which is seldom what the user meant, and the name
 * of that file can be given instead.  With FORCE the target is checked
 * once more just before the rename, which again leaves a small window
 * for another program.
 *
 * The temporary file is named "nnc-", the process id, "-", a number and
 * ".tmp": a short name, however long the target's, so that any target
 * whose name can exist can be written.  Should SIGINT, SIGTERM or SIGHUP
 * stop the program while it writes, the temporary is removed first
 * (unless the program ignores or handles that signal itself); if the
 * program is killed otherwise, the temporary stays behind.  The name of
 * the temporary is kept for the signal handler in static storage, so a
 * program must not save from two threads at once.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#ifndef NNC_SAVEFILE_H
#define NNC_SAVEFILE_H

#include <stdbool.h>
#include <stddef.h>

/* The statuses of savefile_write() and savefile_check(). */
#define SAVEFILE_OK 0
#define SAVEFILE_ERROR (-1)
#define SAVEFILE_EXISTS (-2)   /* the target is a file and FORCE is false */

/* Writes the LEN bytes of DATA to the file PATH, atomically as above.
 * An existing PATH is replaced only when FORCE is true, and only when it
 * is a regular file.  Returns SAVEFILE_OK; SAVEFILE_EXISTS when PATH is
 * a regular file and FORCE is false; or SAVEFILE_ERROR.  On failure ERR,
 * of ERRLEN bytes, holds a one-line reason without the path, such as
 * "cannot write: No space left on device" or "it is a directory, not a
 * regular file", and PATH is untouched.  The new file's permissions are
 * those of any new file (0666 less the umask), even when it replaces
 * one. */
int savefile_write(const char *path, const void *data, size_t len,
                   bool force, char *err, size_t errlen);

/* Tells, without writing anything, whether savefile_write() would
 * accept PATH as its target: SAVEFILE_OK when nothing is there, or a
 * regular file and FORCE is true; else the status and the reason in ERR
 * that savefile_write() would give.  A program calls it before long
 * work whose result it will save, so that the work is not done in vain
 * (the directory is not checked here: see src/savemodel.h). */
int savefile_check(const char *path, bool force, char *err,
                   size_t errlen);

#endif /* NNC_SAVEFILE_H */
