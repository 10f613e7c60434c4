/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writing a whole file atomically: a temporary file beside it, synced, renamed over it. */

#define G_LOG_DOMAIN "vitrine-file"
#define _GNU_SOURCE   /* sync_file_range () */

#include "config.h"

#include "vt-file.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <limits.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * This does what g_file_set_contents_full() with CONSISTENT | DURABLE
 * does (write a temporary file in the same folder, fsync it, rename it
 * over PATH, fsync the folder so the rename survives a crash), but with
 * a temporary file that a later save can recognise. GLib names it
 * "PATH.XXXXXX", random, like a user's own "catalog.json.backup": a
 * process killed between the write and the rename leaves one that
 * nothing can tell from the user's files, so nothing may ever remove
 * it. Ours is ".NAME.saving", hidden, one name per file, held under an
 * flock() from its creation until it is renamed:
 * - a save finds one left by a save that was killed (it is not locked)
 *   and removes it before it writes its own, so a kill leaves at most
 *   one, and only until the next save of that file;
 * - a save finds one being written by another process (it is locked),
 *   waits for that save to end and then writes its own: two saves of
 *   one file never write into one temporary file;
 * - finding it costs no listing of the folder, which for the thumbnail
 *   cache holds thousands of files.
 *
 * Also:
 * - a file replaced keeps its permissions: a shared catalog (0664) must
 *   not lose its group's write permission at the first save;
 * - a PATH that is a folder is refused before anything is written;
 * - messages name PATH and its folder in words a user can act on, never
 *   the temporary file or the system call that failed.
 */

#define TEMP_SUFFIX ".saving"

static void
set_error (GError     **error,
           const char  *path,
           int          saved_errno)
{
  GFileError code = g_file_error_from_errno (saved_errno);
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *folder_path = g_path_get_dirname (path);
  g_autofree char *folder = g_filename_display_name (folder_path);

  switch (code)
    {
    case G_FILE_ERROR_ISDIR:
      g_set_error (error, G_FILE_ERROR, code,
                   _("Cannot save %s: it is a folder"), name);
      break;
    case G_FILE_ERROR_NOENT:
      g_set_error (error, G_FILE_ERROR, code,
                   _("Cannot save %s: the folder %s does not exist"), name, folder);
      break;
    case G_FILE_ERROR_ACCES:
    case G_FILE_ERROR_PERM:
    case G_FILE_ERROR_ROFS:
    case G_FILE_ERROR_NOTDIR:
      g_set_error (error, G_FILE_ERROR, code,
                   _("Cannot save %s: the folder %s is not writable"), name, folder);
      break;
    case G_FILE_ERROR_NOSPC:
      g_set_error (error, G_FILE_ERROR, code,
                   _("Cannot save %s: the disk is full"), name);
      break;
    default:
      g_set_error (error, G_FILE_ERROR, code,
                   _("Cannot save %s: %s"), name, g_strerror (saved_errno));
      break;
    }
}

/* ".NAME.saving" beside @path, NAME shortened when the whole would be
 * longer than a file name may be. */
static char *
temp_path_for (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *temp_name = NULL;
  int room = NAME_MAX - (int) strlen ("." TEMP_SUFFIX);

  temp_name = g_strdup_printf (".%.*s" TEMP_SUFFIX, room, name);
  return g_build_filename (folder, temp_name, NULL);
}

gboolean
vt_file_is_temporary_name (const char *name)
{
  g_return_val_if_fail (name != NULL, FALSE);

  return name[0] == '.' && strlen (name) > strlen ("." TEMP_SUFFIX) &&
         g_str_has_suffix (name, TEMP_SUFFIX);
}

static void
lock_fd (int fd)
{
  /* Where locks are not supported (some network file systems), saves
   * of one file by two processes at once are not kept apart. */
  while (flock (fd, LOCK_EX) != 0 && errno == EINTR)
    ;
}

/* Whether @fd is still the file named @path: not renamed or removed by
 * the save that held its lock before us. */
static gboolean
is_named (int         fd,
          const char *path)
{
  struct stat fd_st, path_st;

  return fstat (fd, &fd_st) == 0 && lstat (path, &path_st) == 0 &&
         fd_st.st_dev == path_st.st_dev && fd_st.st_ino == path_st.st_ino;
}

/* Creates @temp_path, a new file or (@source not NULL) a hard link to
 * @source, locked, removing first one that a killed save left. Returns
 * its file descriptor, or -1 with errno set. */
static int
create_temp (const char *temp_path,
             const char *source,
             int         mode)
{
  for (guint attempt = 0; attempt < 100; attempt++)
    {
      int fd, other;

      if (source == NULL)
        fd = open (temp_path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
      else if (link (source, temp_path) == 0)
        {
          fd = open (temp_path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
          /* Taken for a leftover and removed at once: make another. */
          if (fd < 0 && errno == ENOENT)
            continue;
          if (fd < 0)
            {
              int saved_errno = errno;

              (void) unlink (temp_path);
              errno = saved_errno;
              return -1;
            }
        }
      else
        fd = -1;
      if (fd >= 0)
        {
          lock_fd (fd);
          if (is_named (fd, temp_path))
            return fd;
          /* Taken for a leftover and removed between our open() and
           * flock(): make another. */
          close (fd);
          continue;
        }
      if (errno != EEXIST)
        return -1;

      /* Another save's: one in progress holds the lock until it is
       * renamed, so once we hold the lock, one still there was left by
       * a save that did not finish. */
      other = open (temp_path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
      if (other < 0)
        {
          if (errno == ENOENT)
            continue;
          /* Not a file we can lock (a symbolic link, another user's
           * without read permission): not a save of ours in progress. */
          if (unlink (temp_path) != 0 && errno != ENOENT)
            return -1;
          continue;
        }
      lock_fd (other);
      if (is_named (other, temp_path) && unlink (temp_path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          close (other);
          errno = saved_errno;
          return -1;
        }
      close (other);
    }

  errno = EEXIST;
  return -1;
}

static gboolean
write_all (int         fd,
           const char *data,
           gsize       length)
{
  while (length > 0)
    {
      gssize n = write (fd, data, MIN (length, (gsize) G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return FALSE;
      if (n == 0)
        {
          /* No progress and no error: what a full disk looks like to a
           * loop that would otherwise spin. */
          errno = ENOSPC;
          return FALSE;
        }
      data += n;
      length -= (gsize) n;
    }
  return TRUE;
}

static void
sync_folder (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  int fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  /* The new file is in place whatever happens here: a failure only
   * means the rename might not survive a crash, and cannot be undone. */
  if (fd < 0)
    return;
  (void) fsync (fd);
  close (fd);
}

/* The bytes handed to the kernel between two requests to start writing
 * them to the disk. */
#define WRITE_BACK_CHUNK (4 * 1024 * 1024)

/* Vectors shorter than this are gathered into one write(). */
#define GATHER_SIZE (64 * 1024)

typedef struct
{
  int      fd;
  gboolean durable;
  goffset  written;
  goffset  started;   /* of the bytes not yet asked to be written back */
  char    *gathered;
  gsize    n_gathered;
} Writer;

/* When @durable, the disk is asked to start writing each few megabytes
 * as soon as they are written, so the fsync() after the last waits for
 * the last few rather than for the whole file: a 30 MB catalog's save
 * waits about half as long. */
static gboolean
writer_write (Writer     *w,
              const char *data,
              gsize       length)
{
  while (length > 0)
    {
      gsize n = MIN (length, (gsize) WRITE_BACK_CHUNK);

      if (!write_all (w->fd, data, n))
        return FALSE;
      data += n;
      length -= n;
      w->written += (goffset) n;
#ifdef HAVE_SYNC_FILE_RANGE
      if (w->durable && w->written - w->started >= WRITE_BACK_CHUNK)
        {
          /* Only a hint: the fsync() that follows is what counts. */
          (void) sync_file_range (w->fd, w->started, w->written - w->started,
                                  SYNC_FILE_RANGE_WRITE);
          w->started = w->written;
        }
#endif
    }
  return TRUE;
}

static gboolean
writer_flush (Writer *w)
{
  gsize n = w->n_gathered;

  w->n_gathered = 0;
  return writer_write (w, w->gathered, n);
}

static gboolean
write_vectors (int                  fd,
               const GOutputVector *vectors,
               guint                n_vectors,
               gboolean             durable)
{
  g_autofree char *gathered = NULL;
  Writer w = { fd, durable, 0, 0, NULL, 0 };

  for (guint i = 0; i < n_vectors; i++)
    {
      gsize size = vectors[i].size;

      if (size == 0)
        continue;
      if (size < GATHER_SIZE)
        {
          if (w.gathered == NULL)
            w.gathered = gathered = g_malloc (GATHER_SIZE);
          if (w.n_gathered + size > GATHER_SIZE && !writer_flush (&w))
            return FALSE;
          memcpy (w.gathered + w.n_gathered, vectors[i].buffer, size);
          w.n_gathered += size;
          continue;
        }
      if ((w.n_gathered > 0 && !writer_flush (&w)) || !writer_write (&w, vectors[i].buffer, size))
        return FALSE;
    }
  return w.n_gathered == 0 || writer_flush (&w);
}

gboolean
vt_file_write_atomic (const char        *path,
                      const void        *data,
                      gsize              length,
                      int                mode,
                      VtFileWriteFlags   flags,
                      GError           **error)
{
  GOutputVector vector = { data, length };

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (length <= G_MAXSSIZE, FALSE);

  return vt_file_write_atomic_vectors (path, &vector, 1, mode, flags, error);
}

gboolean
vt_file_write_atomic_vectors (const char           *path,
                              const GOutputVector  *vectors,
                              guint                 n_vectors,
                              int                   mode,
                              VtFileWriteFlags      flags,
                              GError              **error)
{
  g_autofree char *temp_path = NULL;
  struct stat st;
  gboolean replacing;
  gboolean durable;
  int fd, lock, saved_errno;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (vectors != NULL || n_vectors == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  replacing = stat (path, &st) == 0;
  if (replacing && S_ISDIR (st.st_mode))
    {
      set_error (error, path, EISDIR);
      return FALSE;
    }
  /* A file that can be made again skips the syncs when there is no old
   * contents to lose (no file, or an empty one). */
  durable = !(flags & VT_FILE_WRITE_CACHE) || (replacing && st.st_size > 0);

  temp_path = temp_path_for (path);
  fd = create_temp (temp_path, NULL, mode);
  if (fd < 0)
    {
      set_error (error, path, errno);
      return FALSE;
    }

  /* Written through @fd, locked through @lock, which outlives the
   * close() of @fd (where some file systems report write errors) until
   * the temporary file is renamed. */
  lock = fcntl (fd, F_DUPFD_CLOEXEC, 0);
  if (lock < 0 ||
      (replacing && fchmod (fd, st.st_mode & 07777) != 0) ||
      !write_vectors (fd, vectors, n_vectors, durable) ||
      (durable && fsync (fd) != 0))
    {
      saved_errno = errno;
      close (fd);
      goto failed;
    }
  if (close (fd) != 0 && errno != EINTR)
    {
      saved_errno = errno;
      goto failed;
    }
  if (rename (temp_path, path) != 0)
    {
      saved_errno = errno;
      goto failed;
    }
  close (lock);

  if (durable && !(flags & VT_FILE_WRITE_RENAME_UNSYNCED))
    sync_folder (path);
  return TRUE;

failed:
  (void) unlink (temp_path);
  if (lock >= 0)
    close (lock);
  set_error (error, path, saved_errno);
  return FALSE;
}

gboolean
vt_file_link_atomic (const char  *path,
                     const char  *link_path,
                     GError     **error)
{
  g_autofree char *temp_path = NULL;
  int fd, saved_errno;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (link_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  temp_path = temp_path_for (link_path);
  fd = create_temp (temp_path, path, 0);
  if (fd < 0)
    {
      set_error (error, link_path, errno);
      return FALSE;
    }
  if (rename (temp_path, link_path) != 0)
    {
      saved_errno = errno;
      (void) unlink (temp_path);
      close (fd);
      set_error (error, link_path, saved_errno);
      return FALSE;
    }
  /* rename() of one name of a file over another of the same file does
   * nothing, and leaves both: @link_path already was @path's. */
  (void) unlink (temp_path);
  close (fd);

  sync_folder (link_path);
  return TRUE;
}
