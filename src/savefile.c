/* savefile.c -- writing a file whole or not at all (see savefile.h).
 *
 * The steps, each checked: open the target's directory, so that every
 * later name is short and relative to it; create the temporary with
 * O_EXCL, so that two programs never write into the same one; write
 * every byte; fsync; close; give it the target's name with linkat() or
 * renameat(); then fsync the directory, so that the new name too is on
 * the disk.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "savefile.h"

/* Names tried for the temporary file before giving up. */
#define SAVEFILE_TRIES 100

/* The most bytes handed to one write(). */
#define SAVEFILE_CHUNK ((size_t) 1 << 30)

/* Room for the name of a temporary: "nnc-", a process id, "-", a
 * number below SAVEFILE_TRIES and ".tmp". */
#define SAVEFILE_TEMP_MAX 48

/* The signals that stop a program at its user's request. */
static const int stop_signals[] = { SIGHUP, SIGINT, SIGTERM };
#define NUM_STOP_SIGNALS (sizeof stop_signals / sizeof stop_signals[0])

/* What those signals did before the save under way. */
static struct sigaction old_actions[NUM_STOP_SIGNALS];

/* The temporary of the save under way, for remove_temp(): the
 * descriptor of its directory and its name, valid while temp_made. */
static int temp_dir = -1;
static char temp_name[SAVEFILE_TEMP_MAX];
static volatile sig_atomic_t temp_made;

/* What is at a name of mode MODE, neither a regular file nor a
 * symbolic link, for a message. */
static const char *
kind_of(mode_t mode)
{
  if (S_ISDIR(mode))
    return "a directory";
  if (S_ISCHR(mode) || S_ISBLK(mode))
    return "a device";
  if (S_ISFIFO(mode))
    return "a FIFO";
  if (S_ISSOCK(mode))
    return "a socket";
  return "a special file";
}

/* savefile_check() for the entry NAME of the directory DIR (a
 * descriptor, or AT_FDCWD).  Symbolic links are not followed: it is
 * the entry itself that a rename would replace. */
static int
check_entry(int dir, const char *name, bool force,
            char *err, size_t errlen)
{
  struct stat st;

  if (fstatat(dir, name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
    if (errno == ENOENT)
      return SAVEFILE_OK;
    snprintf(err, errlen, "cannot check it: %s", strerror(errno));
    return SAVEFILE_ERROR;
  }
  if (S_ISLNK(st.st_mode)) {
    snprintf(err, errlen, "it is a symbolic link; give the name of the "
             "file it points to");
    return SAVEFILE_ERROR;
  }
  if (!S_ISREG(st.st_mode)) {
    snprintf(err, errlen, "it is %s, not a regular file",
             kind_of(st.st_mode));
    return SAVEFILE_ERROR;
  }
  if (!force) {
    snprintf(err, errlen, "file exists");
    return SAVEFILE_EXISTS;
  }
  return SAVEFILE_OK;
}

int
savefile_check(const char *path, bool force, char *err, size_t errlen)
{
  return check_entry(AT_FDCWD, path, force, err, errlen);
}

/* Stops the program on the stop signal SIG, as SIG would have, but
 * removes the temporary first.  It calls only functions that are safe
 * in a signal handler. */
static void
remove_temp(int sig)
{
  if (temp_made)
    unlinkat(temp_dir, temp_name, 0);
  signal(sig, SIG_DFL);
  raise(sig);
}

/* Has each stop signal that would stop the program call remove_temp();
 * one that the program ignores or handles itself is left as it is. */
static void
catch_stop_signals(void)
{
  struct sigaction action;

  memset(&action, 0, sizeof action);
  action.sa_handler = remove_temp;
  sigemptyset(&action.sa_mask);
  for (size_t i = 0; i < NUM_STOP_SIGNALS; i++) {
    sigaction(stop_signals[i], NULL, &old_actions[i]);
    if (old_actions[i].sa_handler == SIG_DFL)
      sigaction(stop_signals[i], &action, NULL);
  }
}

/* Forgets the temporary, renamed or removed by now, and gives the stop
 * signals back what they did before. */
static void
release_stop_signals(void)
{
  temp_made = 0;
  for (size_t i = 0; i < NUM_STOP_SIGNALS; i++)
    sigaction(stop_signals[i], &old_actions[i], NULL);
}

/* Opens the directory of PATH ("." for a bare name, "/" for "/name")
 * and points *NAME at the last part of PATH; returns the directory's
 * descriptor, or -1 with a reason in ERR. */
static int
open_directory(const char *path, const char **name,
               char *err, size_t errlen)
{
  const char *slash = strrchr(path, '/');
  char *dir;
  int fd;

  if (slash == NULL) {
    *name = path;
    dir = strdup(".");
  } else {
    *name = slash + 1;
    dir = strndup(path, slash == path ? 1 : (size_t) (slash - path));
  }
  if (dir == NULL) {
    snprintf(err, errlen, "out of memory");
    return -1;
  }
  fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0)
    snprintf(err, errlen, "cannot create a file in its directory: %s",
             strerror(errno));
  free(dir);
  return fd;
}

/* Creates a new file in the directory DIR, writing its name into TEMP
 * (of LEN bytes); returns its descriptor, or -1 with a reason in ERR. */
static int
create_temp(int dir, char *temp, size_t len, char *err, size_t errlen)
{
  for (unsigned n = 0; n < SAVEFILE_TRIES; n++) {
    int fd;

    snprintf(temp, len, "nnc-%ld-%u.tmp", (long) getpid(), n);
    fd = openat(dir, temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0)
      return fd;
    if (errno != EEXIST) {
      snprintf(err, errlen, "cannot create a file in its directory: %s",
               strerror(errno));
      return -1;
    }
  }
  snprintf(err, errlen, "cannot create a temporary file: %d names "
           "tried, all taken", SAVEFILE_TRIES);
  return -1;
}

/* Writes the LEN bytes of DATA to FD, syncs it to the disk and closes
 * it.  Returns SAVEFILE_OK, or SAVEFILE_ERROR with a reason in ERR. */
static int
write_all(int fd, const unsigned char *data, size_t len,
          char *err, size_t errlen)
{
  while (len > 0) {
    size_t chunk = len < SAVEFILE_CHUNK ? len : SAVEFILE_CHUNK;
    ssize_t n = write(fd, data, chunk);

    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0) {
      snprintf(err, errlen, "cannot write: %s",
               n < 0 ? strerror(errno) : "no byte was written");
      close(fd);
      return SAVEFILE_ERROR;
    }
    data += n;
    len -= (size_t) n;
  }
  if (fsync(fd) != 0) {
    snprintf(err, errlen, "cannot write to the disk: %s", strerror(errno));
    close(fd);
    return SAVEFILE_ERROR;
  }
  if (close(fd) != 0) {
    snprintf(err, errlen, "cannot close: %s", strerror(errno));
    return SAVEFILE_ERROR;
  }
  return SAVEFILE_OK;
}

/* True when link() failed with ERRNUM because the file system has no
 * hard links. */
static bool
no_hard_links(int errnum)
{
  return errnum == EPERM || errnum == EOPNOTSUPP || errnum == ENOTSUP
         || errnum == ENOSYS;
}

/* Gives the complete file TEMP of the directory DIR the name NAME
 * there: renameat() with FORCE, else linkat() (which never replaces
 * NAME), then removes the name TEMP.  Returns a SAVEFILE_ status; on
 * failure TEMP is still there. */
static int
move_into_place(int dir, const char *temp, const char *name, bool force,
                char *err, size_t errlen)
{
  int status;

  if (!force) {
    if (linkat(dir, temp, dir, name, 0) == 0) {
      /* NAME now holds the data; should removing the second name fail,
       * the temporary stays, but the save itself has succeeded. */
      unlinkat(dir, temp, 0);
      return SAVEFILE_OK;
    }
    if (errno == EEXIST) {
      snprintf(err, errlen, "file exists");
      return SAVEFILE_EXISTS;
    }
    if (!no_hard_links(errno)) {
      snprintf(err, errlen, "cannot link the new file to its name: %s",
               strerror(errno));
      return SAVEFILE_ERROR;
    }
  }
  /* What is at NAME may have changed since savefile_write() began. */
  status = check_entry(dir, name, force, err, errlen);
  if (status != SAVEFILE_OK)
    return status;
  if (renameat(dir, temp, dir, name) != 0) {
    snprintf(err, errlen, "cannot rename the new file to its name: %s",
             strerror(errno));
    return SAVEFILE_ERROR;
  }
  return SAVEFILE_OK;
}

int
savefile_write(const char *path, const void *data, size_t len,
               bool force, char *err, size_t errlen)
{
  char temp[SAVEFILE_TEMP_MAX];
  const char *name;
  int dir, fd, status;

  /* Checked first so that no time is spent writing in vain; checked
   * again by move_into_place(). */
  status = savefile_check(path, force, err, errlen);
  if (status != SAVEFILE_OK)
    return status;
  dir = open_directory(path, &name, err, errlen);
  if (dir < 0)
    return SAVEFILE_ERROR;
  /* A signal in the instant between the creation of the temporary and
   * temp_made leaves it behind. */
  catch_stop_signals();
  fd = create_temp(dir, temp, sizeof temp, err, errlen);
  if (fd < 0) {
    release_stop_signals();
    close(dir);
    return SAVEFILE_ERROR;
  }
  memcpy(temp_name, temp, sizeof temp_name);
  temp_dir = dir;
  temp_made = 1;
  status = write_all(fd, data, len, err, errlen);
  if (status == SAVEFILE_OK)
    status = move_into_place(dir, temp, name, force, err, errlen);
  /* Once the file is complete under its name, the directory is synced
   * so that the name too is on the disk.  Some file systems cannot sync
   * a directory, so a failure is not reported: at worst a crash in the
   * next seconds loses the new name, and the old file, if any, is what
   * remains. */
  if (status == SAVEFILE_OK)
    fsync(dir);
  else
    unlinkat(dir, temp, 0);
  release_stop_signals();
  close(dir);
  return status;
}
