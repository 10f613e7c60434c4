/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The work of a catalog load that runs in a worker thread: read, check, parse, build the items. */

#define G_LOG_DOMAIN "vitrine-catalog"

#include "config.h"

#include "vt-catalog-private.h"
#include "vt-item-private.h"
#include "vt-json-check.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/*
 * Four steps: read the file (refusing folders and files above the size
 * limit before reading), scan it with vt_json_check() (refusing what
 * json-glib would crash on or accept too leniently, and more pieces
 * than VT_CATALOG_MAX_ITEMS), parse it with json-glib, then build one
 * VtItem per element of "items" and validate them. The results stay in
 * the job until vt-catalog.c swaps them in.
 *
 * The whole file is never one json-glib tree, which would take about
 * three times its size: json-glib parses the file with each piece cut
 * out (an empty object in its place, so "items" keeps its shape), and
 * each piece on its own from the span the scan found, on every core,
 * its tree dropped as soon as its item is built. When any of those
 * parses fails, the whole file is parsed for json-glib's message, so
 * it names the line and column of the file.
 */

#define MAX_DEPTH 256

static void
set_too_big_error (VtCatalogLoadJob *job,
                   goffset           size,
                   GError          **error)
{
  g_autofree char *size_text = g_format_size (size);
  g_autofree char *limit = g_format_size (job->max_size);

  g_set_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_TOO_BIG,
               _("%s: the file is %s, more than the limit of %s"), job->name, size_text, limit);
}

/* @read_error comes from reading the contents, through GIO or g_file_get_contents(). */
static void
set_read_error (VtCatalogLoadJob *job,
                const GError     *read_error,
                GError          **error)
{
  if (g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_error_copy (read_error));
  else if (g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED)
           || g_error_matches (read_error, G_FILE_ERROR, G_FILE_ERROR_ACCES))
    g_set_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_READ,
                 _("%s: no permission to read the file"), job->name);
  else
    g_set_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_READ,
                 _("%s: cannot read the file: %s"), job->name, read_error->message);
}

static GBytes *
read_file (VtCatalogLoadJob *job,
           GCancellable     *cancellable,
           GError          **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  gboolean loaded;

  info = g_file_query_info (job->file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_READ,
                     _("%s: the file does not exist"), job->name);
      else
        g_set_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_READ,
                     _("%s: cannot read the file: %s"), job->name, local_error->message);
      return NULL;
    }

  switch (g_file_info_get_file_type (info))
    {
    case G_FILE_TYPE_REGULAR:
      break;
    case G_FILE_TYPE_DIRECTORY:
      g_set_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_READ,
                   _("%s: this is a folder, not a catalog file"), job->name);
      return NULL;
    default:
      g_set_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_READ,
                   _("%s: this is not a regular file"), job->name);
      return NULL;
    }

  if (g_file_info_get_size (info) > job->max_size)
    {
      set_too_big_error (job, g_file_info_get_size (info), error);
      return NULL;
    }

  /* A local file in one read of its size; GIO reads in small chunks. A
   * change after the look shows as one at the next save: safe. */
  if (g_file_peek_path (job->file) != NULL)
    {
      vt_disk_stamp_stat (&job->stamp, g_file_peek_path (job->file));
      loaded = g_file_get_contents (g_file_peek_path (job->file), &contents, &length, &local_error);
    }
  else
    loaded = g_file_load_contents (job->file, cancellable, &contents, &length, NULL, &local_error);
  if (!loaded)
    {
      set_read_error (job, local_error, error);
      return NULL;
    }
  if (job->stamp.known)
    vt_disk_stamp_hash (&job->stamp, contents, length);

  /* It may have grown since we looked. */
  if ((goffset) length > job->max_size)
    {
      set_too_big_error (job, length, error);
      return NULL;
    }

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

/* json-glib says "<data>:3:17: Parse error: unexpected ..."; we say
 * "/path/catalog.json:3:17: unexpected ...". */
static void
set_parse_error (VtCatalogLoadJob *job,
                 const GError     *parse_error,
                 GError          **error)
{
  /* json-glib's own words between the position and its message. */
  static const char separator[] = ": Parse error: ";
  const char *message = parse_error->message;
  const char *rest;

  if (g_str_has_prefix (message, "<data>:"))
    message += strlen ("<data>");
  else
    {
      g_set_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_SYNTAX,
                   "%s: %s", job->name, message);
      return;
    }

  rest = strstr (message, separator);
  if (rest != NULL)
    g_set_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_SYNTAX,
                 "%s%.*s: %s", job->name, (int) (rest - message), message,
                 rest + strlen (separator));
  else
    g_set_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_SYNTAX,
                 "%s%s", job->name, message);
}

static gboolean
check_format (VtCatalogLoadJob *job,
              JsonObject       *root,
              GError          **error)
{
  JsonNode *format = json_object_get_member (root, "format");
  JsonNode *version = json_object_get_member (root, "version");
  JsonNode *items = json_object_get_member (root, "items");

  if (format == NULL || !JSON_NODE_HOLDS_VALUE (format)
      || json_node_get_value_type (format) != G_TYPE_STRING)
    {
      g_set_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_FORMAT,
                   _("%s: not a Vitrine catalog (it has no \"format\": \"%s\")"),
                   job->name, VT_CATALOG_FORMAT_NAME);
      return FALSE;
    }
  if (g_strcmp0 (json_node_get_string (format), VT_CATALOG_FORMAT_NAME) != 0)
    {
      g_set_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_FORMAT,
                   _("%s: not a Vitrine catalog (its format is “%s”, not “%s”)"),
                   job->name, json_node_get_string (format), VT_CATALOG_FORMAT_NAME);
      return FALSE;
    }

  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version)
      || json_node_get_value_type (version) != G_TYPE_INT64)
    {
      g_set_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_FORMAT,
                   _("%s: the catalog has no \"version\" number"), job->name);
      return FALSE;
    }
  if (json_node_get_int (version) != VT_CATALOG_FORMAT_VERSION)
    {
      /* Formatted apart: a G_GINT64_FORMAT inside _() cannot be translated. */
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (version));

      g_set_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_FORMAT,
                   /* Translators: "catalog.json: catalog version 3 is not one this Vitrine reads (version 1)" */
                   _("%s: catalog version %s is not one this Vitrine reads (version %d)"),
                   job->name, number, VT_CATALOG_FORMAT_VERSION);
      return FALSE;
    }

  if (items == NULL || !JSON_NODE_HOLDS_ARRAY (items))
    {
      g_set_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_FORMAT,
                   _("%s: the catalog has no \"items\" list"), job->name);
      return FALSE;
    }

  return TRUE;
}

static void
catalog_problem (VtCatalogLoadJob *job,
                 VtSeverity        severity,
                 const char       *field,
                 const char       *message)
{
  g_ptr_array_add (job->catalog_problems, vt_problem_new (severity, 0, NULL, field, message));
}

static void
read_collection (VtCatalogLoadJob *job,
                 JsonObject       *root)
{
  JsonNode *node = json_object_get_member (root, "collection");
  JsonObject *collection;
  JsonNode *member;

  if (node == NULL)
    {
      catalog_problem (job, VT_SEVERITY_WARNING, "collection",
                       _("missing: the collection’s name, total and currency are unknown"));
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      catalog_problem (job, VT_SEVERITY_ERROR, "collection",
                       _("not an object with the collection’s name, total and currency"));
      return;
    }

  collection = json_node_get_object (node);
  job->collection = json_object_ref (collection);

  member = json_object_get_member (collection, "name");
  if (member != NULL && JSON_NODE_HOLDS_VALUE (member)
      && json_node_get_value_type (member) == G_TYPE_STRING)
    job->collection_name = g_strdup (json_node_get_string (member));
  else if (member != NULL)
    catalog_problem (job, VT_SEVERITY_ERROR, "collection.name", _("not text"));

  member = json_object_get_member (collection, "total");
  if (member != NULL && JSON_NODE_HOLDS_VALUE (member)
      && json_node_get_value_type (member) == G_TYPE_INT64
      && json_node_get_int (member) >= 0 && json_node_get_int (member) <= G_MAXUINT)
    job->total = (guint) json_node_get_int (member);
  else if (member != NULL)
    catalog_problem (job, VT_SEVERITY_ERROR, "collection.total",
                     _("not a whole number of pieces"));

  member = json_object_get_member (collection, "currency");
  if (member != NULL && JSON_NODE_HOLDS_VALUE (member)
      && json_node_get_value_type (member) == G_TYPE_STRING)
    job->currency = g_strdup (json_node_get_string (member));
  else if (member != NULL)
    catalog_problem (job, VT_SEVERITY_ERROR, "collection.currency", _("not text"));
}

static void
report_duplicates (VtCatalogLoadJob *job,
                   GPtrArray        *duplicates,
                   GPtrArray        *items_by_index)
{
  for (guint i = 0; i < duplicates->len; i++)
    {
      VtJsonDuplicate *duplicate = g_ptr_array_index (duplicates, i);
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("appears twice (again at line %u): only the last value is used, and saving drops the other"),
                                 duplicate->line);

      if (duplicate->scope == VT_JSON_SCOPE_ITEM)
        {
          VtItem *item = duplicate->item_index < items_by_index->len
                         ? g_ptr_array_index (items_by_index, duplicate->item_index) : NULL;
          g_autoptr(VtProblem) problem = NULL;

          if (item == NULL)
            continue;
          problem = vt_problem_new_for_item (VT_SEVERITY_ERROR, vt_item_get_index (item),
                                             vt_item_get_number (item), vt_item_get_title (item),
                                             duplicate->key, message);
          vt_item_add_load_problem (item, problem);
        }
      else if (duplicate->scope == VT_JSON_SCOPE_COLLECTION)
        {
          g_autofree char *field = g_strconcat ("collection.", duplicate->key, NULL);
          catalog_problem (job, VT_SEVERITY_ERROR, field, message);
        }
      else
        catalog_problem (job, VT_SEVERITY_ERROR, duplicate->key, message);
    }
}

/* Items are parsed and built on every core: parsing each piece and
 * folding its search text are most of a load. The elements are cut
 * into one chunk per core; the loading thread and the workers of a
 * thread pool each take the next chunk nobody has taken until none is
 * left. Only the loading thread reports progress. */
typedef struct
{
  VtCatalogLoadJob *job;
  const char   *data;
  GArray       *starts;      /* of each piece in data, as VtJsonCheck has them */
  GArray       *ends;
  JsonArray    *array;       /* "items" with the pieces cut out */
  GPtrArray    *built;       /* one slot per element, NULL for a non-object */
  guint         n_elements;
  guint         n_chunks;
  gint          next_chunk;  /* atomic */
  gint          n_built;     /* atomic */
  gint          failed;      /* atomic: a piece did not parse */
  GError       *parse_error; /* of the first that did not */
  GCancellable *cancellable;
} BuildJob;

static void
build_chunks (BuildJob *build,
              gboolean  reports)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  guint c;

  while ((c = (guint) g_atomic_int_add (&build->next_chunk, 1)) < build->n_chunks)
    {
      guint start = (guint) ((guint64) build->n_elements * c / build->n_chunks);
      guint end = (guint) ((guint64) build->n_elements * (c + 1) / build->n_chunks);

      for (guint i = start; i < end; i++)
        {
          JsonNode *element = json_array_get_element (build->array, i);
          gsize from, to;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            continue;
          from = g_array_index (build->starts, gsize, i);
          to = g_array_index (build->ends, gsize, i);
          if (!json_parser_load_from_data (parser, build->data + from, (gssize) (to - from), &error))
            {
              if (g_atomic_int_compare_and_exchange (&build->failed, FALSE, TRUE))
                build->parse_error = g_steal_pointer (&error);
              return;
            }
          build->built->pdata[i] = vt_item_new_in_scope (json_node_get_object (json_parser_get_root (parser)),
                                                         build->job->scope, (int) i, NULL);

          if (g_atomic_int_add (&build->n_built, 1) % 256 == 255)
            {
              if (g_cancellable_is_cancelled (build->cancellable) || g_atomic_int_get (&build->failed))
                return;
              if (reports)
                vt_catalog_load_job_report_progress (build->job, 0.15 + 0.75 * g_atomic_int_get (&build->n_built)
                                                                        / build->n_elements);
            }
        }
    }
}

static void
build_worker (gpointer data,
              gpointer user_data)
{
  build_chunks (data, FALSE);
}

/* Elements below this many are built on the loading thread alone. */
#define PARALLEL_BUILD_MIN 2048
#define PARALLEL_BUILD_MAX_THREADS 8
/* Each thread takes chunks of the pieces one after another until none is
 * left, so a thread slowed down (page faults, another process) leaves
 * the rest to the others rather than finishing last with half the work. */
#define PARALLEL_BUILD_CHUNKS_PER_THREAD 16

static void
unref_if_any (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

/* NULL when a piece does not parse, with json-glib's error in
 * @parse_error. */
static GPtrArray *
build_items (VtCatalogLoadJob  *job,
             const char        *data,
             const VtJsonCheck *check,
             JsonArray         *array,
             GCancellable      *cancellable,
             GError           **parse_error)
{
  guint n_elements = json_array_get_length (array);
  g_autoptr(GPtrArray) built = g_ptr_array_new_full (n_elements, unref_if_any);
  BuildJob build = {
    .job = job,
    .data = data,
    .starts = check->item_starts,
    .ends = check->item_ends,
    .array = array,
    .built = built,
    .n_elements = n_elements,
    .n_chunks = 1,
    .cancellable = cancellable,
  };
  GThreadPool *pool = NULL;
  guint n_threads = 1;

  g_ptr_array_set_size (built, n_elements);
  if (n_elements >= PARALLEL_BUILD_MIN)
    {
      n_threads = CLAMP ((guint) g_get_num_processors (), 1, PARALLEL_BUILD_MAX_THREADS);
      build.n_chunks = n_threads * PARALLEL_BUILD_CHUNKS_PER_THREAD;
    }

  /* A shared pool (never fails to be made) whose threads GLib keeps for
   * the next load. If a worker cannot be started, the chunks it would
   * have taken are built here. */
  if (n_threads > 1)
    {
      pool = g_thread_pool_new (build_worker, NULL, (int) n_threads - 1, FALSE, NULL);
      for (guint t = 1; t < n_threads; t++)
        g_thread_pool_push (pool, &build, NULL);
    }

  build_chunks (&build, TRUE);

  /* Every chunk is taken: wait for the workers still building theirs,
   * and drop those that found nothing left to do before they began. */
  if (pool != NULL)
    g_thread_pool_free (pool, TRUE, TRUE);

  if (build.failed)
    {
      g_propagate_error (parse_error, build.parse_error);
      return NULL;
    }
  return g_steal_pointer (&built);
}

/* The pieces' places in "items" (empty objects, one per piece, from
 * cut_out_items()) made one shared empty object: the catalog keeps the
 * root for its save, which puts the items back there. */
static void
share_placeholders (JsonObject *root)
{
  JsonArray *items = json_object_get_array_member (root, "items");
  guint n = json_array_get_length (items);
  JsonArray *shared = json_array_sized_new (n);
  g_autoptr(JsonObject) empty = json_object_new ();
  g_autoptr(JsonNode) placeholder = json_node_init_object (json_node_alloc (), empty);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (items, i);

      if (JSON_NODE_HOLDS_OBJECT (element))
        json_array_add_element (shared, json_node_ref (placeholder));
      else
        json_array_add_element (shared, json_node_copy (element));
    }
  json_object_set_array_member (root, "items", shared);
}

/* The file's text from its start, each piece replaced by "{}". */
static GString *
cut_out_items (const char        *data,
               gsize              length,
               const VtJsonCheck *check)
{
  GString *text = g_string_sized_new (4096);
  gsize copied = check->start;

  for (guint i = 0; i < check->item_starts->len; i++)
    {
      gsize start = g_array_index (check->item_starts, gsize, i);

      if (start == 0)
        continue;
      g_string_append_len (text, data + copied, (gssize) (start - copied));
      g_string_append (text, "{}");
      copied = g_array_index (check->item_ends, gsize, i);
    }
  g_string_append_len (text, data + copied, (gssize) (length - copied));
  return text;
}

/* json-glib's message for what it cannot parse in the file, which
 * @part_error, from the parse of a part, would place wrongly. */
static void
set_whole_parse_error (VtCatalogLoadJob *job,
                       const char       *data,
                       gsize             length,
                       const GError     *part_error,
                       GError          **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) parse_error = NULL;

  if (!json_parser_load_from_data (parser, data, (gssize) length, &parse_error))
    set_parse_error (job, parse_error, error);
  else
    set_parse_error (job, part_error, error);
}

/* The line each item starts on, from where the scan found it, counted
 * in one pass over the data (the starts ascend); 0 for an element that
 * is no object. */
static guint *
count_item_lines (const char *data,
                  GArray     *starts)
{
  guint *lines = g_new0 (guint, MAX (starts->len, 1));
  const char *p = data;
  guint line = 1;

  for (guint i = 0; i < starts->len; i++)
    {
      const char *start = data + g_array_index (starts, gsize, i);
      const char *newline;

      if (start == data)
        continue;
      while ((newline = memchr (p, '\n', (gsize) (start - p))) != NULL)
        {
          line++;
          p = newline + 1;
        }
      lines[i] = line;
    }

  return lines;
}

gboolean
vt_catalog_load_job_run (VtCatalogLoadJob *job,
                         GCancellable     *cancellable,
                         GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GString) root_text = NULL;
  g_autoptr(GPtrArray) items_by_index = NULL;
  g_autoptr(GPtrArray) built = NULL;
  g_auto(VtJsonCheck) check = { NULL, };
  g_autofree guint *lines = NULL;
  const char *data;
  gsize length;
  JsonArray *array;
  guint n_elements;

  vt_catalog_load_job_report_progress (job, 0.0);

  bytes = read_file (job, cancellable, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &length);
  vt_catalog_load_job_report_progress (job, 0.05);

  if (!vt_json_check (data != NULL ? data : "", length, job->name, MAX_DEPTH, &check, error))
    return FALSE;
  if (check.n_items > VT_CATALOG_MAX_ITEMS)
    {
      g_set_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_TOO_BIG,
                   _("%s: the catalog has %'u pieces, more than the %'u Vitrine opens"),
                   job->name, check.n_items, VT_CATALOG_MAX_ITEMS);
      return FALSE;
    }
  lines = count_item_lines (data, check.item_starts);
  vt_catalog_load_job_report_progress (job, 0.1);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  root_text = cut_out_items (data, length, &check);
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, root_text->str, (gssize) root_text->len, &parse_error))
    {
      set_whole_parse_error (job, data + check.start, length - check.start, parse_error, error);
      return FALSE;
    }
  g_string_free (g_steal_pointer (&root_text), TRUE);
  vt_catalog_load_job_report_progress (job, 0.15);

  /* The scan let only an object through. */
  job->root = json_object_ref (json_node_get_object (json_parser_get_root (parser)));
  if (!check_format (job, job->root, error))
    return FALSE;

  job->base_dir = g_file_get_parent (job->file);
  job->source = vt_catalog_new_source ();
  job->scope = vt_image_scope_new (job->base_dir);
  vt_image_scope_set_allow_outside (job->scope, job->allow_outside);
  job->catalog_problems = g_ptr_array_new_with_free_func (g_object_unref);
  read_collection (job, job->root);

  array = json_object_get_array_member (job->root, "items");
  n_elements = json_array_get_length (array);
  job->items = g_ptr_array_new_full (n_elements, g_object_unref);
  items_by_index = g_ptr_array_new_full (n_elements, NULL);

  built = build_items (job, data, &check, array, cancellable, &parse_error);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (built == NULL)
    {
      set_whole_parse_error (job, data + check.start, length - check.start, parse_error, error);
      return FALSE;
    }
  g_clear_pointer (&bytes, g_bytes_unref);
  share_placeholders (job->root);

  for (guint i = 0; i < n_elements; i++)
    {
      VtItem *item = g_ptr_array_index (built, i);

      if (item == NULL)
        {
          g_autofree char *field = g_strdup_printf ("items[%u]", i);

          catalog_problem (job, VT_SEVERITY_ERROR, field,
                           _("not a piece (an object with a number, a title...): skipped"));
          g_ptr_array_add (items_by_index, NULL);
          continue;
        }

      if (i < check.item_starts->len)
        {
          gsize start = g_array_index (check.item_starts, gsize, i);

          vt_item_set_line (item, lines[i]);
          vt_item_set_source (item, job->source, start,
                              g_array_index (check.item_ends, gsize, i) - start);
        }
      g_ptr_array_add (job->items, g_object_ref (item));
      g_ptr_array_add (items_by_index, item);
    }

  report_duplicates (job, check.duplicates, items_by_index);
  vt_json_check_clear (&check);
  vt_catalog_load_job_report_progress (job, 0.9);

  job->problems = vt_catalog_find_problems (job->items, job->catalog_problems, job->currency,
                                            job->total, FALSE, FALSE, cancellable);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  vt_catalog_load_job_report_progress (job, 1.0);
  return TRUE;
}
