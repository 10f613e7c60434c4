/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vitrine-cli thumbnails: makes, or finds valid, the cached thumbnails of a whole collection. */

#define G_LOG_DOMAIN "vitrine-cli"

#include "config.h"

#include "vt-cli-common.h"
#include "vt-text.h"
#include "vt-thumbnailer.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#define DEFAULT_SIZE 256

typedef struct
{
  VtItem *item;
  GFile  *file;
  int     size;
  GError *error;
} Job;

typedef struct
{
  guint       total;
  guint       done;
  guint       made;
  guint       found;
  guint       failed;
  guint       last_percent_shown;
  gboolean    tty;
} Run;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_object (&job->item);
  g_clear_object (&job->file);
  g_clear_error (&job->error);
  g_free (job);
}

/* On a terminal, one line rewritten in place; otherwise a line every tenth. */
static void
show_progress (Run *run)
{
  guint percent = run->total > 0 ? run->done * 100 / run->total : 100;
  gboolean finished = run->done == run->total;

  if (!run->tty && !finished && percent / 10 <= run->last_percent_shown / 10)
    return;
  if (run->tty)
    g_printerr ("\r");
  g_printerr (_("Thumbnails: %'u of %'u (%u%%), %'u failed"),
              run->done, run->total, percent, run->failed);
  if (!run->tty || finished)
    g_printerr ("\n");
  run->last_percent_shown = percent;
}

typedef struct
{
  Run *run;
  Job *job;
} Pending;

static void
on_ensured_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      data)
{
  g_autofree Pending *pending = data;
  Run *run = pending->run;
  Job *job = pending->job;
  VtThumbnailOutcome outcome;

  if (vt_thumbnailer_ensure_finish (VT_THUMBNAILER (object), result, &outcome, &job->error))
    {
      if (outcome == VT_THUMBNAIL_MADE)
        run->made++;
      else
        run->found++;
    }
  else
    run->failed++;

  run->done++;
  show_progress (run);
}

/* "item 2 (1902 - Event 2): message", named as validate names it (a
 * long title cut, see vt-problem.c). */
static char *
describe_failure (VtItem     *item,
                  const char *message)
{
  g_autoptr(VtProblem) problem = vt_problem_new_for_item (VT_SEVERITY_ERROR,
                                                          vt_item_get_index (item),
                                                          vt_item_get_number (item),
                                                          vt_item_get_title (item),
                                                          NULL, message);

  return vt_problem_to_string (problem);
}

static gboolean
parse_sizes (char   **texts,
             GArray  *sizes)
{
  for (guint i = 0; texts != NULL && texts[i] != NULL; i++)
    {
      guint64 value;
      int size;

      if (!g_ascii_string_to_unsigned (texts[i], 10, 1, VT_THUMBNAILER_MAX_CACHED_SIZE, &value, NULL))
        {
          vt_cli_usage_error (_("--size “%s”: give a size in pixels from 1 to %d"),
                              texts[i], VT_THUMBNAILER_MAX_CACHED_SIZE);
          return FALSE;
        }
      /* The array holds ints, not the guint64 (wrong on big-endian). */
      size = (int) value;
      g_array_append_val (sizes, size);
    }

  if (sizes->len == 0)
    {
      int size = DEFAULT_SIZE;

      g_array_append_val (sizes, size);
    }
  return TRUE;
}

int
vt_cli_thumbnails (int    argc,
                   char **argv)
{
  g_auto(GStrv) paths = NULL;
  g_auto(GStrv) size_texts = NULL;
  gboolean allow_outside = FALSE;
  const GOptionEntry entries[] = {
    VT_CLI_ALLOW_OUTSIDE_ENTRY (allow_outside),
    { "size", 's', 0, G_OPTION_ARG_STRING_ARRAY, &size_texts,
      N_("Thumbnail size in pixels, up to 1024 (default 256; may be given more than once)"),
      N_("N") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, N_("CATALOG") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GPtrArray) jobs = g_ptr_array_new_with_free_func (job_free);
  g_autoptr(VtCatalog) catalog = NULL;
  g_autoptr(VtThumbnailer) thumbnailer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cache_dir = NULL;
  Run run = { 0 };
  guint n_items;

  context = vt_cli_option_context_new (NULL,
                                       _("Makes the thumbnails of every piece of a catalog in "
                                         "the shared thumbnail cache, or finds them already "
                                         "there and current, so the collection opens with "
                                         "every picture ready."),
                                       entries);
  description = g_strdup_printf (_("Exit status: %d when every thumbnail is ready, %d when "
                                   "some could not be made, %d when the catalog cannot be "
                                   "read."),
                                 VT_CLI_EXIT_OK, VT_CLI_EXIT_PROBLEMS, VT_CLI_EXIT_FAILURE);
  g_option_context_set_description (context, description);
  if (!vt_cli_parse_options (context, &argc, &argv))
    return VT_CLI_EXIT_FAILURE;

  if (paths == NULL || paths[0] == NULL)
    {
      vt_cli_usage_error (_("no catalog given"));
      return VT_CLI_EXIT_FAILURE;
    }
  if (paths[1] != NULL)
    {
      vt_cli_usage_error (_("one catalog at a time"));
      return VT_CLI_EXIT_FAILURE;
    }
  if (!parse_sizes (size_texts, sizes))
    return VT_CLI_EXIT_FAILURE;

  catalog = vt_cli_load_catalog (paths[0], allow_outside, &error);
  if (catalog == NULL)
    {
      vt_cli_file_error (error);
      return VT_CLI_EXIT_FAILURE;
    }

  run.tty = isatty (fileno (stderr));
  thumbnailer = vt_thumbnailer_new ();
  g_object_get (thumbnailer, "cache-dir", &cache_dir, NULL);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (catalog));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(VtItem) item = g_list_model_get_item (G_LIST_MODEL (catalog), i);
      GFile *file = vt_item_get_image (item);

      for (guint s = 0; s < sizes->len; s++)
        {
          Job *job = g_new0 (Job, 1);

          job->item = g_object_ref (item);
          job->file = file != NULL ? g_object_ref (file) : NULL;
          job->size = g_array_index (sizes, int, s);
          g_ptr_array_add (jobs, job);
        }
    }

  run.total = jobs->len;
  for (guint i = 0; i < jobs->len; i++)
    {
      Job *job = jobs->pdata[i];
      Pending *pending;

      if (job->file == NULL)
        {
          g_autofree char *refusal = vt_item_dup_image_refusal (job->item);

          g_set_error_literal (&job->error, VT_THUMBNAILER_ERROR, VT_THUMBNAILER_ERROR_NOT_FOUND,
                               refusal != NULL ? refusal : _("no image given"));
          run.failed++;
          run.done++;
          continue;
        }

      pending = g_new0 (Pending, 1);
      pending->run = &run;
      pending->job = job;
      vt_thumbnailer_ensure_async (thumbnailer, job->file, job->size, NULL,
                                   on_ensured_cb, pending);
    }

  show_progress (&run);
  while (run.done < run.total)
    g_main_context_iteration (NULL, TRUE);

  /* Reasons, per file, in the catalog's order */
  for (guint i = 0; i < jobs->len; i++)
    {
      Job *job = jobs->pdata[i];
      g_autofree char *sized = NULL;
      g_autofree char *failure = NULL;

      if (job->error == NULL)
        continue;
      if (sizes->len > 1)
        sized = g_strdup_printf ("%d px: %s", job->size, job->error->message);
      failure = describe_failure (job->item, sized != NULL ? sized : job->error->message);
      g_printerr ("%s: %s\n", paths[0], failure);
    }

  vt_cli_printf (_("Thumbnails in %s: made %'u, already valid %'u, failed %'u\n"),
                 cache_dir, run.made, run.found, run.failed);
  vt_cli_hint_outside (paths[0], catalog);

  return run.failed > 0 ? VT_CLI_EXIT_PROBLEMS : VT_CLI_EXIT_OK;
}
