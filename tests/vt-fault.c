/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Faults injected into the system calls that save a file: the C library's calls, wrapped. */

#include "config.h"

#include "vt-fault.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/*
 * Only system calls and async-signal-safe functions here: these wrappers
 * run inside GLib's and the C library's own calls, and between fork()
 * and exit() in the tests' children.
 */

static VtFault *attached;

static ssize_t (*real_write) (int, const void *, size_t);
static int (*real_fsync) (int);
static int (*real_fdatasync) (int);
static int (*real_close) (int);
static int (*real_rename) (const char *, const char *);

static void
find_real_calls (void)
{
  real_write = dlsym (RTLD_NEXT, "write");
  real_fsync = dlsym (RTLD_NEXT, "fsync");
  real_fdatasync = dlsym (RTLD_NEXT, "fdatasync");
  real_close = dlsym (RTLD_NEXT, "close");
  real_rename = dlsym (RTLD_NEXT, "rename");
}

#define REAL(name) (real_##name != NULL ? real_##name : (find_real_calls (), real_##name))

static VtFault *
map_file (int fd)
{
  VtFault *fault = mmap (NULL, sizeof *fault, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);

  return fault != MAP_FAILED ? fault : NULL;
}

VtFault *
vt_fault_new_shared (const char *folder)
{
  g_autofree char *file = NULL;
  VtFault *fault;
  int fd;

  g_assert (g_path_is_absolute (folder));
  g_assert (strlen (folder) < sizeof fault->folder);

  fd = g_file_open_tmp ("vitrine-fault-XXXXXX", &file, NULL);
  g_assert (fd >= 0);
  g_assert (ftruncate (fd, sizeof *fault) == 0);
  fault = map_file (fd);
  g_assert (fault != NULL);
  REAL (close) (fd);
  strcpy (fault->folder, folder);
  g_assert (strlen (file) < sizeof fault->file);
  strcpy (fault->file, file);
  return fault;
}

void
vt_fault_free (VtFault *fault)
{
  if (attached == fault)
    attached = NULL;
  unlink (fault->file);
  munmap (fault, sizeof *fault);
}

void
vt_fault_attach (VtFault *fault)
{
  attached = fault;
}

/* A program run with LD_PRELOAD counts into the test's file. */
__attribute__((constructor)) static void
attach_from_environment (void)
{
  const char *file = getenv ("VT_FAULT_FILE");
  int fd;

  if (file == NULL || *file == '\0')
    return;
  fd = open (file, O_RDWR | O_CLOEXEC);
  if (fd < 0 || (attached = map_file (fd)) == NULL)
    abort ();
  REAL (close) (fd);
}

static gboolean
in_folder (const char *path)
{
  size_t n = strlen (attached->folder);

  return strncmp (path, attached->folder, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

/* Whether @fd is a file in the folder or the folder itself, and which. */
static gboolean
fd_in_folder (int       fd,
              gboolean *is_folder)
{
  char link[64];
  char path[PATH_MAX];
  ssize_t n;

  snprintf (link, sizeof link, "/proc/self/fd/%d", fd);
  n = readlink (link, path, sizeof path - 1);
  if (n < 0)
    return FALSE;
  path[n] = '\0';
  *is_folder = strcmp (path, attached->folder) == 0;
  return in_folder (path);
}

/* Counts a call; FALSE when it is the one to fail. */
static gboolean
count (char letter)
{
  guint n = ++attached->calls;
  struct timespec now;

  if (n == 1 && clock_gettime (CLOCK_MONOTONIC, &now) == 0)
    attached->first_call_time = (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;

  if (n <= VT_FAULT_LOG_SIZE)
    attached->log[n - 1] = letter;
  if (n != attached->at)
    return TRUE;
  if (attached->kind == VT_FAULT_KILL)
    kill (getpid (), SIGKILL);
  return attached->kind != VT_FAULT_ENOSPC;
}

ssize_t
write (int         fd,
       const void *data,
       size_t      length)
{
  gboolean is_folder;

  if (attached != NULL && fd_in_folder (fd, &is_folder) && !is_folder)
    {
      if (!count ('w'))
        {
          errno = ENOSPC;
          return -1;
        }
      if (attached->max_write > 0 && length > attached->max_write)
        length = attached->max_write;
    }
  return REAL (write) (fd, data, length);
}

static gboolean
count_sync (int fd)
{
  gboolean is_folder;

  return attached == NULL || !fd_in_folder (fd, &is_folder) || count (is_folder ? 'S' : 's');
}

int
fsync (int fd)
{
  if (!count_sync (fd))
    {
      errno = ENOSPC;
      return -1;
    }
  return REAL (fsync) (fd);
}

int
fdatasync (int fd)
{
  if (!count_sync (fd))
    {
      errno = ENOSPC;
      return -1;
    }
  return REAL (fdatasync) (fd);
}

int
close (int fd)
{
  gboolean is_folder;
  int flags;

  if (attached != NULL && fd_in_folder (fd, &is_folder) && !is_folder &&
      (flags = fcntl (fd, F_GETFL)) >= 0 && (flags & O_ACCMODE) != O_RDONLY &&
      !count ('c'))
    {
      REAL (close) (fd);
      errno = ENOSPC;
      return -1;
    }
  return REAL (close) (fd);
}

int
rename (const char *from,
        const char *to)
{
  if (attached != NULL && in_folder (to) && !count ('r'))
    {
      errno = ENOSPC;
      return -1;
    }
  return REAL (rename) (from, to);
}
