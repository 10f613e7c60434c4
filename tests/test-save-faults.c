/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Saving never loses data: saves killed at hundreds of moments, a full disk, a folder that refuses. */

#define _GNU_SOURCE   /* unshare () */

#include "config.h"

#include "vt-catalog.h"
#include "vt-edit.h"
#include "vt-fault.h"
#include "vt-review-store.h"
#include "vt-test-util.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <unistd.h>

/*
 * A save replaces a file of 10,000 pieces: the catalog, its review
 * sidecar, the catalog through vitrine-cli edit. Whenever the process
 * saving it is killed, the file on disk must be the old version or the
 * new one, byte for byte, and no other file may be left beside it but
 * the copy of the old version a catalog's save keeps ("catalog.json~")
 * and the savers' temporary files, hidden, under the one name the next
 * save of that file removes. Whenever the disk is full, the save must
 * fail with a message naming the file and the cause, the old file whole
 * and no temporary file left.
 *
 * The children saving the catalog and the sidecar are forked from this
 * process, so the catalog is loaded once: each inherits it and saves;
 * vitrine-cli is run, with vt-fault.c loaded into it by LD_PRELOAD.
 * vt-fault.c counts and breaks their system calls: kills before the
 * Nth, for every N of a whole save, with the writes cut into pieces so
 * that a kill lands in the middle of the data too. Kills at delays spread over the time a save takes hit
 * wherever the save happens to be, the serialization included.
 *
 * Then a folder that refuses the file: not writable (which root does
 * not notice: those tests run as another user), the file replaced by a
 * folder, and a real full disk, a small tmpfs, where a mount namespace
 * of our own can be had.
 */

/* Pieces of the catalog saved: $VT_SAVE_FAULT_PIECES, which the
 * sanitizer build lowers too (it checks memory, not the count). */
#define N_PIECES_DEFAULT 10000
#define N_PIECES_MIN 1000

/* Kills at delays: $VT_SAVE_FAULT_KILLS, which the sanitizer build
 * lowers, where each save is several times slower. */
#define N_TIMED_KILLS_DEFAULT 200
#define N_TIMED_KILLS_MIN 50

/* Writes cut into about this many pieces when kills are counted in
 * calls, and into fewer for the full disk, where each call is a save. */
#define N_WRITES_KILLED 32
#define N_WRITES_FULL 16

static char *tmp_root;

/* {{{ The catalogs */

static GBytes *
make_catalog_text (guint       n_pieces,
                   const char *variant)
{
  GString *json = g_string_new (NULL);

  g_string_append_printf (json,
                          "{\"format\": \"vitrine-catalog\", \"version\": 1,\n"
                          " \"collection\": {\"name\": \"Faults\", \"total\": %u, \"currency\": \"ETH\"},\n"
                          " \"items\": [\n", n_pieces);
  for (guint i = 1; i <= n_pieces; i++)
    {
      guint year = 1000 + i % 1000;

      g_string_append_printf (json,
                              "  {\"number\": %u, \"title\": \"%u - The %s event %u\", "
                              "\"about\": \"What happened in %u, as the %s version tells it.\", "
                              "\"text\": [\"The first paragraph of piece %u.\", \"The second.\"], "
                              "\"year\": %u, \"decade\": \"%u0s\", \"region\": \"Europe\", "
                              "\"countries\": [\"Hungary\", \"Austria\"], \"impact\": %u, "
                              "\"artist\": \"Stas Svetlov\", \"price\": \"0.%u ETH\"}%s\n",
                              i, year, variant, i, year, variant, i, year, year / 10,
                              1 + i % 10, 10 + i % 90, i < n_pieces ? "," : "");
    }
  g_string_append (json, " ]\n}\n");
  return g_string_free_to_bytes (json);
}

static VtCatalog *
load_catalog (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  VtCatalog *catalog = vt_catalog_new_for_file (file, NULL, &error);

  g_assert_no_error (error);
  /* The load's worker threads would otherwise wait in GLib's pool of
   * idle threads: the children are forked from a process of one thread. */
  g_thread_pool_stop_unused_threads ();
  return catalog;
}

static void
write_bytes (const char *path,
             GBytes     *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  vt_test_write_file (path, data, (gssize) length);
}

/* A folder in memory when there is one with room: a kill leaves the
 * same files in any file system, and every save syncs to the disk. */
static char *
make_work_root (void)
{
  struct statvfs fs;

  if (statvfs ("/dev/shm", &fs) == 0 && fs.f_bavail * fs.f_frsize >= 128 * 1024 * 1024 &&
      g_access ("/dev/shm", W_OK) == 0)
    {
      g_autofree char *tmpl = g_build_filename ("/dev/shm", "vitrine-save-faults-XXXXXX", NULL);

      if (g_mkdtemp (tmpl) != NULL)
        return g_steal_pointer (&tmpl);
    }
  return vt_test_make_tmp_dir ("vitrine-save-faults-XXXXXX");
}

/* A new folder under the tests' own, its path free of symbolic links as
 * the kernel reports the paths of open files. */
static char *
make_folder (const char *name)
{
  g_autofree char *path = g_build_filename (tmp_root, name, NULL);
  char *real;

  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  real = realpath (path, NULL);
  g_assert_nonnull (real);
  return real;
}

/* }}} */
/* {{{ A file being saved */

typedef struct _Target Target;

struct _Target
{
  char        *folder;
  char        *path;           /* the file saved */
  char        *temp_name;      /* the saver's temporary file, in @folder */
  const char  *others[3];      /* other files of @folder, left alone */
  char        *backup;         /* NULL, or a copy of @old kept beside it */
  GBytes      *old;
  GBytes      *new;
  /* Saves @new over @path in this process. */
  gboolean   (*save)  (Target  *target,
                       GError **error);
  gpointer     data;
  /* Or a program that saves: its arguments. */
  char       **argv;
};

typedef enum
{
  OUTCOME_OLD,
  OUTCOME_NEW,
} Outcome;

static void
target_init (Target     *target,
             const char *folder,
             const char *name)
{
  target->folder = g_strdup (folder);
  target->path = g_build_filename (folder, name, NULL);
  target->temp_name = g_strdup_printf (".%s.saving", name);
}

static void
target_clear (Target *target)
{
  g_free (target->folder);
  g_free (target->path);
  g_free (target->temp_name);
  g_free (target->backup);
  g_clear_pointer (&target->old, g_bytes_unref);
  g_clear_pointer (&target->new, g_bytes_unref);
  g_clear_pointer (&target->argv, g_strfreev);
}

/* The environment of the program that saves: @fault loaded into it. */
static char **
target_environment (VtFault *fault)
{
  char **envp = g_get_environ ();
  g_autofree char *asan = NULL;

  if (fault == NULL)
    return envp;
  envp = g_environ_setenv (envp, "LD_PRELOAD", g_getenv ("VT_FAULT_PRELOAD"), TRUE);
  envp = g_environ_setenv (envp, "VT_FAULT_FILE", fault->file, TRUE);
  /* In a sanitizer build, its runtime is then not the first library
   * loaded, which it otherwise refuses. */
  asan = g_strconcat (g_environ_getenv (envp, "ASAN_OPTIONS") != NULL ? g_environ_getenv (envp, "ASAN_OPTIONS") : "",
                      ":verify_asan_link_order=0", NULL);
  return g_environ_setenv (envp, "ASAN_OPTIONS", asan, TRUE);
}

/* The file back to its old version, written in place (nothing runs
 * meanwhile): whatever temporary file of ours a kill left stays. */
static void
target_reset (Target *target)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  if (g_file_get_contents (target->path, &data, &length, NULL) &&
      length == g_bytes_get_size (target->old) &&
      memcmp (data, g_bytes_get_data (target->old, NULL), length) == 0)
    return;
  g_assert_cmpint (g_unlink (target->path), ==, 0);
  g_file_set_contents_full (target->path, g_bytes_get_data (target->old, NULL),
                            (gssize) g_bytes_get_size (target->old),
                            G_FILE_SET_CONTENTS_NONE, 0644, &error);
  g_assert_no_error (error);
}

static void
assert_contents (const char *path,
                 GBytes     *expected)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (data, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
}

/* Whether the saver's temporary file is there; anything else but the
 * file and @others fails the test. */
static gboolean
target_has_leftover (Target *target)
{
  g_autoptr(GDir) dir = g_dir_open (target->folder, 0, NULL);
  g_autofree char *name = g_path_get_basename (target->path);
  gboolean leftover = FALSE;
  const char *entry;

  g_assert_nonnull (dir);
  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      if (strcmp (entry, name) == 0 || g_strv_contains (target->others, entry))
        continue;
      if (target->backup != NULL && strcmp (entry, target->backup) == 0)
        {
          g_autofree char *path = g_build_filename (target->folder, entry, NULL);

          assert_contents (path, target->old);
          continue;
        }
      /* The saver's temporary file, or that of the copy it keeps. */
      if (strcmp (entry, target->temp_name) == 0 ||
          (target->backup != NULL && g_str_has_prefix (entry, ".") &&
           g_str_has_prefix (entry + 1, target->backup) &&
           strcmp (entry + 1 + strlen (target->backup), ".saving") == 0))
        leftover = TRUE;
      else
        g_error ("%s: “%s” left beside “%s”", target->folder, entry, name);
    }
  return leftover;
}

/* The file is one of the two versions, byte for byte: which. */
static Outcome
target_check (Target *target)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (target->path, &data, &length, &error);
  g_assert_no_error (error);
  if (length == g_bytes_get_size (target->new) &&
      memcmp (data, g_bytes_get_data (target->new, NULL), length) == 0)
    return OUTCOME_NEW;
  if (length == g_bytes_get_size (target->old) &&
      memcmp (data, g_bytes_get_data (target->old, NULL), length) == 0)
    return OUTCOME_OLD;
  g_error ("%s is neither version: %" G_GSIZE_FORMAT " bytes where the old had %" G_GSIZE_FORMAT
           " and the new %" G_GSIZE_FORMAT, target->path, length,
           g_bytes_get_size (target->old), g_bytes_get_size (target->new));
}

/* Forks a child that saves with @fault (NULL: none) and exits. */
static GPid
target_start (Target  *target,
              VtFault *fault)
{
  pid_t pid;

  if (target->argv != NULL)
    {
      g_auto(GStrv) envp = target_environment (fault);
      g_autoptr(GError) error = NULL;

      g_spawn_async (NULL, target->argv, envp,
                     G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL |
                     G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &pid, &error);
      g_assert_no_error (error);
      return pid;
    }

  pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      GError *error = NULL;

      vt_fault_attach (fault);
      _exit (target->save (target, &error) ? 0 : 1);
    }
  return pid;
}

static int wait_for (GPid pid);

/* Saves with @fault in a child, so that nothing a save changes in the
 * catalog or the store stays: whether it saved, and if not, why. */
static gboolean
target_save_in_child (Target   *target,
                      VtFault  *fault,
                      char    **message)
{
  g_autoptr(GString) text = g_string_new (NULL);
  int fds[2];
  char buffer[256];
  gssize n;
  pid_t pid;
  int status;

  if (target->argv != NULL)
    {
      g_auto(GStrv) envp = target_environment (fault);
      g_autoptr(GError) error = NULL;
      g_autofree char *err = NULL;

      g_spawn_sync (NULL, target->argv, envp, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                    NULL, &err, &status, &error);
      g_assert_no_error (error);
      g_assert_true (WIFEXITED (status));
      *message = WEXITSTATUS (status) == 0 ? NULL : g_steal_pointer (&err);
      return WEXITSTATUS (status) == 0;
    }

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      GError *error = NULL;

      close (fds[0]);
      vt_fault_attach (fault);
      if (target->save (target, &error))
        _exit (0);
      vt_fault_attach (NULL);
      if (write (fds[1], error->message, strlen (error->message)) < 0)
        _exit (2);
      _exit (1);
    }
  close (fds[1]);
  while ((n = read (fds[0], buffer, sizeof buffer)) != 0)
    {
      g_assert_true (n > 0 || errno == EINTR);
      if (n > 0)
        g_string_append_len (text, buffer, n);
    }
  close (fds[0]);
  status = wait_for (pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) <= 1);
  *message = WEXITSTATUS (status) == 0 ? NULL : g_strdup (text->str);
  return WEXITSTATUS (status) == 0;
}

static int
wait_for (GPid pid)
{
  int status;

  while (waitpid (pid, &status, 0) < 0)
    g_assert_cmpint (errno, ==, EINTR);
  return status;
}

static void
assert_saved (int status)
{
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("the save did not succeed (wait status %d)", status);
}

static void
assert_saved_or_killed (int status)
{
  if (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL)
    return;
  assert_saved (status);
}

/* }}} */
/* {{{ Kills */

static guint
n_pieces (void)
{
  const char *value = g_getenv ("VT_SAVE_FAULT_PIECES");
  guint64 n = N_PIECES_DEFAULT;

  if (value != NULL)
    g_assert_true (g_ascii_string_to_unsigned (value, 10, N_PIECES_MIN, G_MAXUINT, &n, NULL));
  return (guint) n;
}

static guint
n_timed_kills (void)
{
  const char *value = g_getenv ("VT_SAVE_FAULT_KILLS");
  guint64 n = N_TIMED_KILLS_DEFAULT;

  if (value != NULL)
    g_assert_true (g_ascii_string_to_unsigned (value, 10, N_TIMED_KILLS_MIN, G_MAXUINT,
                                               &n, NULL));
  return (guint) n;
}

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static gint64
median (gint64 *times,
        gsize   n)
{
  qsort (times, n, sizeof times[0], compare_times);
  return times[n / 2];
}

/* Kills at delays spread over a save, as five whole saves took (the
 * middle one): from as long before its first write as its writing
 * takes (a program that saves loads first) to a tenth past its end. */
static void
kill_at_delays (Target *target)
{
  VtFault *fault = vt_fault_new_shared (target->folder);
  guint n_kills = n_timed_kills ();
  guint outcomes[2] = { 0, 0 };
  guint n_leftovers = 0;
  gint64 totals[5], firsts[5];
  gint64 total, first, begin, span;

  for (guint i = 0; i < G_N_ELEMENTS (totals); i++)
    {
      gint64 start;
      GPid pid;

      target_reset (target);
      fault->calls = 0;
      start = g_get_monotonic_time ();
      pid = target_start (target, fault);
      assert_saved (wait_for (pid));
      totals[i] = g_get_monotonic_time () - start;
      firsts[i] = fault->first_call_time - start;
      g_assert_cmpint (target_check (target), ==, OUTCOME_NEW);
      g_assert_false (target_has_leftover (target));
    }
  vt_fault_free (fault);
  total = median (totals, G_N_ELEMENTS (totals));
  first = median (firsts, G_N_ELEMENTS (firsts));
  begin = MAX (0, first - (total - first));
  span = total * 11 / 10 - begin;

  for (guint i = 0; i < n_kills; i++)
    {
      gint64 delay = begin + span * i / n_kills;
      gint64 start, left;
      Outcome outcome;
      GPid pid;

      target_reset (target);
      start = g_get_monotonic_time ();
      pid = target_start (target, NULL);
      /* The time left read once: read again, it may have gone below
       * zero, which g_usleep () would take for a very long time. */
      while ((left = delay - (g_get_monotonic_time () - start)) > 0)
        g_usleep (MIN (left, 1000));
      kill (pid, SIGKILL);
      assert_saved_or_killed (wait_for (pid));

      outcome = target_check (target);
      outcomes[outcome]++;
      if (target_has_leftover (target))
        {
          /* Left by this kill, or by an earlier one when this one came
           * before the save went as far: never once the new version is
           * in place, which renamed it. */
          g_assert_cmpint (outcome, ==, OUTCOME_OLD);
          n_leftovers++;
        }
    }

  g_test_message ("%u kills from %" G_GINT64_FORMAT " ms to %" G_GINT64_FORMAT " ms: "
                  "%u left the old version, %u the new, %u a temporary file",
                  n_kills, begin / 1000, (begin + span) / 1000,
                  outcomes[OUTCOME_OLD], outcomes[OUTCOME_NEW],
                  n_leftovers);
  /* The first kill comes before the save could have written. */
  g_assert_cmpuint (outcomes[OUTCOME_OLD], >, 0);
}

/* Counts the calls of a whole save with writes cut to @max_write bytes;
 * returns the fault, its log filled. */
static VtFault *
count_calls (Target *target,
             gsize   max_write)
{
  VtFault *fault = vt_fault_new_shared (target->folder);

  fault->kind = VT_FAULT_COUNT;
  fault->max_write = max_write;
  target_reset (target);
  assert_saved (wait_for (target_start (target, fault)));
  g_assert_cmpint (target_check (target), ==, OUTCOME_NEW);
  g_assert_cmpuint (fault->calls, <=, VT_FAULT_LOG_SIZE);
  /* The file written in several pieces, synced, renamed. */
  g_assert_cmpuint (fault->calls, >=, max_write > 0 ? g_bytes_get_size (target->new) / max_write : 1);
  g_assert_nonnull (memchr (fault->log, 's', fault->calls));
  g_assert_nonnull (memchr (fault->log, 'r', fault->calls));
  return fault;
}

/* The call that puts the new version in place: the last rename. */
static guint
rename_call (VtFault *fault,
             guint    n_calls)
{
  for (guint i = n_calls; i > 0; i--)
    if (fault->log[i - 1] == 'r')
      return i;
  g_assert_not_reached ();
}

/* A kill before each call of a whole save, one after another. */
static void
kill_at_calls (Target *target)
{
  gsize max_write = g_bytes_get_size (target->new) / N_WRITES_KILLED + 1;
  VtFault *fault = count_calls (target, max_write);
  guint n_calls = fault->calls;
  guint renamed = rename_call (fault, n_calls);
  guint n_leftovers = 0;

  g_test_message ("a save of %" G_GSIZE_FORMAT " bytes: %u calls: %.*s",
                  g_bytes_get_size (target->new), n_calls, (int) n_calls, fault->log);
  fault->kind = VT_FAULT_KILL;
  for (guint at = 1; at <= n_calls; at++)
    {
      int status;

      target_reset (target);
      fault->at = at;
      fault->calls = 0;
      status = wait_for (target_start (target, fault));
      g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

      /* Before the rename the old version, after it the new, and the
       * temporary file only while the old is in place. */
      if (at <= renamed)
        {
          g_assert_cmpint (target_check (target), ==, OUTCOME_OLD);
          n_leftovers += target_has_leftover (target);
        }
      else
        {
          g_assert_cmpint (target_check (target), ==, OUTCOME_NEW);
          g_assert_false (target_has_leftover (target));
        }
    }
  /* Killed with its data written, before the rename: the temporary file
   * stays, and the next save removes it. */
  g_assert_cmpuint (n_leftovers, >, 0);
  vt_fault_free (fault);

  target_reset (target);
  assert_saved (wait_for (target_start (target, NULL)));
  g_assert_cmpint (target_check (target), ==, OUTCOME_NEW);
  g_assert_false (target_has_leftover (target));
}

/* }}} */
/* {{{ A full disk */

/* The first call of the writes of the file itself: the last run of
 * writes before the last rename. */
static guint
first_write_call (VtFault *fault,
                  guint    renamed)
{
  guint i = renamed - 1;

  while (i > 0 && fault->log[i - 1] != 'w')
    i--;
  while (i > 1 && fault->log[i - 2] == 'w')
    i--;
  g_assert_cmpint (fault->log[i - 1], ==, 'w');
  return i;
}

/* Each call of a whole save fails with ENOSPC in turn. From the first
 * write of the file to its rename, the save fails saying so and the old
 * file stays; after it, the new version is in place and the save
 * succeeded. Before (a copy of the old version kept first), the save
 * may go on another way: if it fails, it says so, and the old file
 * stays. */
static void
fill_disk_at_calls (Target *target)
{
  gsize max_write = g_bytes_get_size (target->new) / N_WRITES_FULL + 1;
  VtFault *fault = count_calls (target, max_write);
  guint n_calls = fault->calls;
  guint renamed = rename_call (fault, n_calls);
  guint first_write = first_write_call (fault, renamed);

  fault->kind = VT_FAULT_ENOSPC;
  for (guint at = 1; at <= n_calls; at++)
    {
      g_autofree char *message = NULL;
      gboolean saved;

      target_reset (target);
      fault->at = at;
      fault->calls = 0;
      saved = target_save_in_child (target, fault, &message);

      if (at >= first_write && at <= renamed)
        g_assert_false (saved);
      else if (at > renamed)
        g_assert_true (saved);
      if (saved)
        g_assert_cmpint (target_check (target), ==, OUTCOME_NEW);
      else
        {
          vt_test_assert_contains (message, target->path);
          vt_test_assert_contains (message, "the disk is full");
          g_assert_cmpint (target_check (target), ==, OUTCOME_OLD);
        }
      g_assert_false (target_has_leftover (target));
    }
  vt_fault_free (fault);
}

/* }}} */
/* {{{ The catalog */

static gboolean
save_catalog (Target  *target,
              GError **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (target->path);

  /* The file is written again between saves, as another program would:
   * each save overwrites it. */
  return vt_catalog_save_full (target->data, file, VT_SAVE_OVERWRITE, error);
}

/* The catalog at @folder/catalog.json, loaded, every thousandth piece's
 * title changed: saved, the first save after the load keeps the old
 * version as "catalog.json~". */
static void
catalog_target_init (Target     *target,
                     const char *folder)
{
  VtCatalog *catalog;
  char *data;
  gsize length;

  target_init (target, folder, "catalog.json");
  target->backup = g_strdup ("catalog.json~");
  target->old = make_catalog_text (n_pieces (), "old");
  write_bytes (target->path, target->old);

  catalog = load_catalog (target->path);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, n_pieces ());
  for (guint i = 0; i < n_pieces (); i += 1000)
    {
      g_autoptr(VtItem) item = g_list_model_get_item (G_LIST_MODEL (catalog), i);
      g_autofree char *title = g_strdup_printf ("%d - The new event %u",
                                                vt_item_get_year (item), i + 1);
      g_autoptr(JsonNode) value = json_node_init_string (json_node_alloc (), title);
      g_autoptr(VtEdit) edit = vt_edit_new_set (item, VT_FIELD_TITLE, value);
      g_autoptr(GError) error = NULL;

      g_assert_true (vt_catalog_apply_edit (catalog, edit, &error));
      g_assert_no_error (error);
    }
  data = vt_catalog_to_data (catalog, &length);
  target->new = g_bytes_new_take (data, length);
  target->save = save_catalog;
  target->data = catalog;
}

static void
catalog_target_clear (Target *target)
{
  g_assert_finalize_object (target->data);
  target_clear (target);
}

/* }}} */
/* {{{ The review sidecar */

static gboolean
save_reviews (Target  *target,
              GError **error)
{
  return vt_review_store_save (target->data, error);
}

/* Reviews of the 10,000 pieces of @folder/catalog.json: the old version
 * every third piece approved, the new one a note on every piece too. */
static void
reviews_target_init (Target     *target,
                     const char *folder)
{
  g_autofree char *catalog_path = g_build_filename (folder, "catalog.json", NULL);
  g_autoptr(GBytes) catalog_text = make_catalog_text (n_pieces (), "reviewed");
  g_autoptr(VtCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  VtReviewStore *store;
  char *data;
  gsize length;

  write_bytes (catalog_path, catalog_text);
  catalog = load_catalog (catalog_path);
  store = vt_review_store_new (catalog);
  g_assert_true (vt_review_store_load (store, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (vt_review_store_get_in_data_dir (store));

  target_init (target, folder, "catalog.review.json");
  target->others[0] = "catalog.json";
  target->save = save_reviews;
  target->data = store;

  for (guint i = 1; i <= n_pieces (); i += 3)
    g_assert_true (vt_review_store_set_state (store, i, VT_REVIEW_STATE_APPROVED, NULL));
  g_assert_true (vt_review_store_save (store, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (target->path, &data, &length, NULL));
  target->old = g_bytes_new_take (data, length);

  for (guint i = 1; i <= n_pieces (); i++)
    {
      g_autofree char *note = g_strdup_printf ("Checked against the sources, piece %u.", i);

      g_assert_true (vt_review_store_set_note (store, i, note, NULL));
    }
  data = vt_review_store_to_data (store, &length);
  target->new = g_bytes_new_take (data, length);
}

static void
reviews_target_clear (Target *target)
{
  g_assert_finalize_object (target->data);
  target_clear (target);
}

/* }}} */
/* {{{ vitrine-cli edit */

/* vitrine-cli edit changing the title of the middle piece of the catalog at
 * @folder/catalog.json: each run loads it, keeps it as "catalog.json~"
 * and saves. */
static void
cli_target_init (Target     *target,
                 const char *folder)
{
  g_autofree char *data = NULL;
  g_autofree char *number = NULL;
  g_autofree char *title = NULL;
  gsize length;

  target_init (target, folder, "catalog.json");
  target->backup = g_strdup ("catalog.json~");
  target->old = make_catalog_text (n_pieces (), "old");
  write_bytes (target->path, target->old);
  number = g_strdup_printf ("%u", n_pieces () / 2);
  title = g_strdup_printf ("title=1000 - The new event %s", number);
  target->argv = g_strdupv ((char *[]) { (char *) g_getenv ("VITRINE_CLI"), "edit", target->path, number,
                                         title, NULL });

  assert_saved (wait_for (target_start (target, NULL)));
  g_assert_true (g_file_get_contents (target->path, &data, &length, NULL));
  target->new = g_bytes_new_take (g_steal_pointer (&data), length);
  g_assert_false (g_bytes_equal (target->old, target->new));
}

/* {{{ Each saver under each fault */

typedef struct
{
  const char *folder;
  void      (*init)  (Target *target, const char *folder);
  void      (*clear) (Target *target);
  void      (*fault) (Target *target);
} FaultCase;

static void
test_fault (gconstpointer data)
{
  const FaultCase *c = data;
  g_autofree char *folder = make_folder (c->folder);
  Target target = { 0 };

  c->init (&target, folder);
  c->fault (&target);
  c->clear (&target);
}

/* }}} */
/* }}} */
/* {{{ A folder that refuses the file */

/* Only @names in @folder. */
static void
assert_folder_holds (const char         *folder,
                     const char * const *names)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *entry;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      if (!g_strv_contains (names, entry))
        g_error ("%s: “%s” left there", folder, entry);
      n++;
    }
  g_assert_cmpuint (n, ==, g_strv_length ((char **) names));
}

/* A catalog of 100 pieces in a new folder, loaded. */
static VtCatalog *
make_small_catalog (char   **folder,
                    char   **path,
                    GBytes **text)
{
  *folder = vt_test_make_tmp_dir ("vitrine-save-faults-XXXXXX");
  *path = g_build_filename (*folder, "catalog.json", NULL);
  *text = make_catalog_text (100, "old");
  write_bytes (*path, *text);
  return load_catalog (*path);
}

static void
test_catalog_read_only_folder (void)
{
  const char * const names[] = { "catalog.json", NULL };
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) text = NULL;
  g_autoptr(VtCatalog) catalog = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saved;

  if (!vt_test_unprivileged (NULL))
    return;

  catalog = make_small_catalog (&folder, &path, &text);
  file = g_file_new_for_path (path);
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);
  saved = vt_catalog_save (catalog, file, &error);
  g_assert_cmpint (g_chmod (folder, 0755), ==, 0);

  g_assert_false (saved);
  g_assert_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_WRITE);
  vt_test_assert_contains (error->message, path);
  vt_test_assert_contains (error->message, "the folder");
  vt_test_assert_contains (error->message, "is not writable");
  assert_contents (path, text);
  assert_folder_holds (folder, names);

  vt_test_remove_tree (folder);
}

/* The catalog's file made a folder (by another program) after the load. */
static void
test_catalog_replaced_by_folder (void)
{
  const char * const names[] = { "catalog.json", NULL };
  const char * const inside[] = { "notes.txt", NULL };
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autofree char *notes = NULL;
  g_autoptr(GBytes) text = NULL;
  g_autoptr(GBytes) notes_text = g_bytes_new_static ("a folder's file", 15);
  g_autoptr(VtCatalog) catalog = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  catalog = make_small_catalog (&folder, &path, &text);
  file = g_file_new_for_path (path);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  notes = g_build_filename (path, "notes.txt", NULL);
  write_bytes (notes, notes_text);

  /* Overwriting, told that it changed: the folder is still not a file. */
  g_assert_false (vt_catalog_save_full (catalog, file, VT_SAVE_OVERWRITE, &error));
  g_assert_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_WRITE);
  vt_test_assert_contains (error->message, path);
  vt_test_assert_contains (error->message, "it is a folder");
  assert_folder_holds (folder, names);
  assert_folder_holds (path, inside);
  assert_contents (notes, notes_text);

  vt_test_remove_tree (folder);
}

/* Another program wrote the file between the load and the save: the
 * save refuses, writes nothing, and says why. */
static void
test_catalog_changed_on_disk (void)
{
  const char * const names[] = { "catalog.json", NULL };
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) text = NULL;
  g_autoptr(GBytes) theirs = make_catalog_text (101, "other program's");
  g_autoptr(VtCatalog) catalog = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  catalog = make_small_catalog (&folder, &path, &text);
  file = g_file_new_for_path (path);
  write_bytes (path, theirs);

  g_assert_false (vt_catalog_save (catalog, file, &error));
  g_assert_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_CHANGED_ON_DISK);
  vt_test_assert_contains (error->message, path);
  vt_test_assert_contains (error->message, "another program changed the file");
  assert_contents (path, theirs);
  assert_folder_holds (folder, names);

  vt_test_remove_tree (folder);
}

/* A store of the reviews of a small catalog, one piece approved and saved. */
static VtReviewStore *
make_small_reviews (char   **folder,
                    char   **sidecar,
                    GBytes **sidecar_text)
{
  g_autofree char *path = NULL;
  g_autoptr(GBytes) text = NULL;
  g_autoptr(VtCatalog) catalog = make_small_catalog (folder, &path, &text);
  VtReviewStore *store = vt_review_store_new (catalog);
  g_autoptr(GError) error = NULL;
  char *data;
  gsize length;

  g_assert_true (vt_review_store_load (store, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (vt_review_store_get_in_data_dir (store));
  g_assert_true (vt_review_store_set_state (store, 7, VT_REVIEW_STATE_APPROVED, NULL));
  g_assert_true (vt_review_store_save (store, &error));
  g_assert_no_error (error);

  *sidecar = g_file_get_path (vt_review_store_get_file (store));
  g_assert_true (g_file_get_contents (*sidecar, &data, &length, NULL));
  *sidecar_text = g_bytes_new_take (data, length);
  g_assert_true (vt_review_store_set_state (store, 8, VT_REVIEW_STATE_NEEDS_CHANGES, NULL));
  return store;
}

static void
test_reviews_read_only_folder (void)
{
  const char * const names[] = { "catalog.json", "catalog.review.json", NULL };
  g_autofree char *folder = NULL;
  g_autofree char *sidecar = NULL;
  g_autoptr(GBytes) sidecar_text = NULL;
  g_autoptr(VtReviewStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saved;

  if (!vt_test_unprivileged (NULL))
    return;

  store = make_small_reviews (&folder, &sidecar, &sidecar_text);
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);
  saved = vt_review_store_save (store, &error);
  g_assert_cmpint (g_chmod (folder, 0755), ==, 0);

  g_assert_false (saved);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ACCES);
  vt_test_assert_contains (error->message, sidecar);
  vt_test_assert_contains (error->message, "is not writable");
  assert_contents (sidecar, sidecar_text);
  assert_folder_holds (folder, names);

  vt_test_remove_tree (folder);
}

static void
test_reviews_replaced_by_folder (void)
{
  const char * const names[] = { "catalog.json", "catalog.review.json", NULL };
  g_autofree char *folder = NULL;
  g_autofree char *sidecar = NULL;
  g_autoptr(GBytes) sidecar_text = NULL;
  g_autoptr(VtReviewStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = make_small_reviews (&folder, &sidecar, &sidecar_text);
  g_assert_cmpint (g_unlink (sidecar), ==, 0);
  g_assert_cmpint (g_mkdir (sidecar, 0755), ==, 0);

  g_assert_false (vt_review_store_save (store, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR);
  vt_test_assert_contains (error->message, sidecar);
  vt_test_assert_contains (error->message, "it is a folder");
  g_assert_true (g_file_test (sidecar, G_FILE_TEST_IS_DIR));
  assert_folder_holds (folder, names);

  vt_test_remove_tree (folder);
}

/* }}} */
/* {{{ A real full disk */

/* Whether this process could enter a mount namespace of its own, as
 * root or as the root of a user namespace of its own. */
static gboolean
enter_mount_namespace (void)
{
  static const char *const files[] = { "/proc/self/setgroups", "/proc/self/uid_map", "/proc/self/gid_map" };
  g_autofree char *uid_map = g_strdup_printf ("0 %u 1", (guint) geteuid ());
  g_autofree char *gid_map = g_strdup_printf ("0 %u 1", (guint) getegid ());
  const char *contents[] = { "deny", uid_map, gid_map };

  if (unshare (CLONE_NEWNS) != 0)
    {
      if (unshare (CLONE_NEWUSER | CLONE_NEWNS) != 0)
        return FALSE;
      for (gsize i = 0; i < G_N_ELEMENTS (files); i++)
        if (!g_file_set_contents_full (files[i], contents[i], -1, G_FILE_SET_CONTENTS_NONE,
                                       0644, NULL))
          return FALSE;
    }
  /* Nothing mounted here shows outside. */
  return mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == 0;
}

static gboolean
mount_tmpfs (const char *folder,
             gsize       size)
{
  g_autofree char *options = g_strdup_printf ("size=%" G_GSIZE_FORMAT, size);

  return mount ("vitrine-save-faults", folder, "tmpfs", 0, options) == 0;
}

/* A child tries: containers often forbid it. */
static gboolean
can_mount_tmpfs (void)
{
  g_autofree char *folder = vt_test_make_tmp_dir ("vitrine-save-faults-XXXXXX");
  int status;
  pid_t pid;

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    _exit (enter_mount_namespace () && mount_tmpfs (folder, 65536) ? 0 : 1);
  status = wait_for (pid);
  vt_test_remove_tree (folder);
  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

/* A 1 MB tmpfs holding the catalog and a file that leaves a little room:
 * every save fails with ENOSPC somewhere in its writes, as a real file
 * system reports it, until the room is made. */
static void
save_on_full_tmpfs (void)
{
  const char * const names[] = { "catalog.json", "catalog.json~", "filler", NULL };
  const char *folder = g_getenv ("VT_SAVE_FAULTS_TMPFS");
  g_autofree char *path = g_build_filename (folder, "catalog.json", NULL);
  g_autofree char *filler = g_build_filename (folder, "filler", NULL);
  g_autoptr(GBytes) old = make_catalog_text (1000, "old");
  g_autoptr(VtCatalog) catalog = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) new = NULL;
  char *data;
  gsize length;

  g_assert_true (enter_mount_namespace ());
  g_assert_true (mount_tmpfs (folder, 1024 * 1024));
  write_bytes (path, old);
  catalog = load_catalog (path);
  data = vt_catalog_to_data (catalog, &length);
  new = g_bytes_new_take (data, length);
  g_assert_cmpuint (g_bytes_get_size (old) + g_bytes_get_size (new), <, 1024 * 1024);

  for (gsize room = 0; room < g_bytes_get_size (new); room += g_bytes_get_size (new) / 7)
    {
      struct statvfs fs;
      int fd;

      g_assert_cmpint (statvfs (folder, &fs), ==, 0);
      fd = open (filler, O_WRONLY | O_CREAT | O_TRUNC, 0644);
      g_assert_cmpint (fd, >=, 0);
      g_assert_cmpint (posix_fallocate (fd, 0, (off_t) (fs.f_bavail * fs.f_frsize - room)), ==, 0);
      g_assert_cmpint (close (fd), ==, 0);

      g_assert_false (vt_catalog_save (catalog, file, &error));
      g_assert_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_WRITE);
      vt_test_assert_contains (error->message, path);
      vt_test_assert_contains (error->message, "the disk is full");
      g_clear_error (&error);
      assert_contents (path, old);
      assert_folder_holds (folder, names);
      g_assert_cmpint (g_unlink (filler), ==, 0);
    }

  g_assert_true (vt_catalog_save (catalog, file, &error));
  g_assert_no_error (error);
  assert_contents (path, new);
}

static void
test_catalog_full_tmpfs (void)
{
  g_autofree char *folder = NULL;

  if (g_test_subprocess ())
    {
      save_on_full_tmpfs ();
      return;
    }
  if (!can_mount_tmpfs ())
    {
      g_test_skip ("No tmpfs can be mounted here: the disk-full tests inject ENOSPC instead");
      return;
    }
  /* Made here, so that it is removed with the others. */
  folder = make_folder ("tmpfs");
  g_setenv ("VT_SAVE_FAULTS_TMPFS", folder, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT |
                                   G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("VT_SAVE_FAULTS_TMPFS");
  g_test_trap_assert_passed ();
}

/* }}} */

static const struct
{
  const char *path;
  FaultCase   c;
} fault_cases[] = {
  { "/save-faults/catalog/killed-at-delays", { "catalog-delays", catalog_target_init, catalog_target_clear, kill_at_delays } },
  { "/save-faults/catalog/killed-at-calls", { "catalog-calls", catalog_target_init, catalog_target_clear, kill_at_calls } },
  { "/save-faults/catalog/disk-full", { "catalog-full", catalog_target_init, catalog_target_clear, fill_disk_at_calls } },
  { "/save-faults/reviews/killed-at-delays", { "reviews-delays", reviews_target_init, reviews_target_clear, kill_at_delays } },
  { "/save-faults/reviews/killed-at-calls", { "reviews-calls", reviews_target_init, reviews_target_clear, kill_at_calls } },
  { "/save-faults/reviews/disk-full", { "reviews-full", reviews_target_init, reviews_target_clear, fill_disk_at_calls } },
  { "/save-faults/cli/killed-at-delays", { "cli-delays", cli_target_init, target_clear, kill_at_delays } },
  { "/save-faults/cli/killed-at-calls", { "cli-calls", cli_target_init, target_clear, kill_at_calls } },
  { "/save-faults/cli/disk-full", { "cli-full", cli_target_init, target_clear, fill_disk_at_calls } },
};

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);

  /* A test run again in a subprocess (as another user, in a mount
   * namespace of its own) makes its own folders. */
  if (!g_test_subprocess ())
    tmp_root = make_work_root ();

  for (guint i = 0; i < G_N_ELEMENTS (fault_cases); i++)
    if (!g_str_has_prefix (fault_cases[i].path, "/save-faults/cli/"))
      g_test_add_data_func (fault_cases[i].path, &fault_cases[i].c, test_fault);

  g_test_add_func ("/save-faults/catalog/read-only-folder", test_catalog_read_only_folder);
  g_test_add_func ("/save-faults/catalog/replaced-by-folder", test_catalog_replaced_by_folder);
  g_test_add_func ("/save-faults/catalog/full-tmpfs", test_catalog_full_tmpfs);
  g_test_add_func ("/save-faults/catalog/changed-on-disk", test_catalog_changed_on_disk);
  for (guint i = 0; i < G_N_ELEMENTS (fault_cases); i++)
    if (g_str_has_prefix (fault_cases[i].path, "/save-faults/cli/"))
      g_test_add_data_func (fault_cases[i].path, &fault_cases[i].c, test_fault);
  g_test_add_func ("/save-faults/reviews/read-only-folder", test_reviews_read_only_folder);
  g_test_add_func ("/save-faults/reviews/replaced-by-folder", test_reviews_replaced_by_folder);

  result = g_test_run ();
  if (tmp_root != NULL)
    vt_test_remove_tree (tmp_root);
  return result;
}
