/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers the test programs share: temporary folders, running a built program, counting signals. */

#pragma once

#include <glib-object.h>
#include <string.h>

G_BEGIN_DECLS

/* A new folder under the temporary directory, from @tmpl ("vitrine-x-XXXXXX"). */
char *vt_test_make_tmp_dir (const char *tmpl);

/* Removes @path and, for a folder, everything in it; links are removed,
 * never followed. */
void  vt_test_remove_tree  (const char *path);

/* Copies the catalog @catalog_path into @dir as "catalog.json" and makes
 * beside it the images tests/data/hostile/images.json names that git
 * cannot hold: "fifo.jpg" a fifo, "folder.jpg" a folder, "loop.jpg" a
 * symbolic link to itself, "empty.jpg" an empty file. Returns the copy's
 * path. */
char *vt_test_make_hostile_images (const char *dir,
                                   const char *catalog_path);

/* Copies the catalog @catalog_path into @dir as "catalog.json" with what
 * tests/data/outside/catalog.json names beside it: "images/inside.png", a
 * copy of @image_path, and "link.png", a symbolic link to @image_path
 * itself (outside @dir). Returns the copy's path. */
char *vt_test_make_outside_images (const char *dir,
                                   const char *catalog_path,
                                   const char *image_path);

/* For a test of what file modes forbid (a file that cannot be read, a
 * folder that cannot be written), which root passes through.
 *
 * Not root: returns TRUE at once. Root: runs this test again in a
 * subprocess, asserts that it passed and returns FALSE: the caller returns.
 * That subprocess becomes the user "nobody" and returns TRUE, so the rest
 * of the test runs with file modes in force; @dir, a folder the test made
 * before the call (NULL: none), is first given to that user with all it
 * holds, so the test can use it and remove it. Its HOME and XDG_*_HOME are
 * a new folder of its own (a program that sets them in main() sets them
 * again in the subprocess: they must then be under @dir). Skips the test
 * when that user could not reach the tests' files or the temporary folder. */
gboolean vt_test_unprivileged (const char *dir);

/* What a program run by vt_test_run() did. */
typedef struct
{
  int   status;   /* the exit status, 0 on success */
  char *out;
  char *err;
} VtTestRun;

void  vt_test_run_clear    (VtTestRun *run);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (VtTestRun, vt_test_run_clear)

/* Runs @argv (NULL-terminated; argv[0] a path) in @cwd (NULL: here) with the
 * environment @envp (NULL: this one), and waits for it. Fails the test unless
 * the program exits normally; @run takes its exit status and output. */
void  vt_test_run          (VtTestRun          *run,
                            const char         *cwd,
                            const char * const *envp,
                            const char * const *argv);

/* vt_test_run(), but a program still running after @seconds is killed and
 * fails the test: for programs that must not hang on what they are given. */
void  vt_test_run_within   (VtTestRun          *run,
                            const char         *cwd,
                            const char * const *envp,
                            const char * const *argv,
                            guint               seconds);

/* A handler for "notify" that counts its emissions in @count:
 * g_signal_connect (object, "notify::x", G_CALLBACK (vt_test_count_notify_cb), &count). */
void  vt_test_count_notify_cb (GObject    *object,
                               GParamSpec *pspec,
                               guint      *count);

/* The hints of a "changed" signal whose one argument is an enum
 * (VtChange, GtkFilterChange...), in the order they came. */
typedef struct
{
  GArray *hints;   /* of int */
} VtTestHints;

/* Starts recording @signal of @instance into @hints. */
void  vt_test_hints_watch  (VtTestHints *hints,
                            gpointer     instance,
                            const char  *signal);
/* Exactly one emission since the last call, with @expected as its hint;
 * -1 for none at all. */
void  vt_test_hints_expect (VtTestHints *hints,
                            int          expected);
void  vt_test_hints_clear  (VtTestHints *hints);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (VtTestHints, vt_test_hints_clear)

/* Fails the test unless @needle is in @haystack, quoting both. */
#define vt_test_assert_contains(haystack, needle) \
  G_STMT_START { \
    if (strstr ((haystack), (needle)) == NULL) \
      g_error ("“%s” does not contain “%s”", (haystack), (needle)); \
  } G_STMT_END

/* A value of /proc/self/status ("VmRSS:", "VmHWM:"), in kB, or fails the test. */
guint64 vt_test_status_kb  (const char *key);

/* Writes @data (@length bytes, or up to its NUL if -1) to @path, or fails the test. */
void  vt_test_write_file   (const char *path,
                            const char *data,
                            gssize      length);

/* Runs the main loop until @cond holds. A condition that never holds
 * fails the test after 20 s: a bound on a hang, not a timed assertion. */
#define WAIT_UNTIL(cond) \
  G_STMT_START { \
    gint64 deadline_ = g_get_monotonic_time () + 20 * G_USEC_PER_SEC; \
    while (!(cond)) \
      { \
        if (g_get_monotonic_time () > deadline_) \
          g_error ("%s:%d: timed out waiting for %s", __FILE__, __LINE__, #cond); \
        if (!g_main_context_iteration (NULL, FALSE)) \
          g_usleep (2000); \
      } \
  } G_STMT_END

G_END_DECLS
