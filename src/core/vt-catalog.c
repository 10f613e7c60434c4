/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A collection loaded from a catalog file: a GListModel of VtItem that saves back losslessly. */

#define G_LOG_DOMAIN "vitrine-catalog"

#include "config.h"

#include "vt-catalog.h"
#include "vt-item-private.h"
#include "vt-json-check.h"

#include <errno.h>
#include <fcntl.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * Loading happens in four steps, all of them in a worker thread for
 * vt_catalog_load_async(): read the file (refusing folders and files
 * above the size limit before reading), scan it with vt_json_check()
 * (refusing what json-glib would crash on or accept too leniently),
 * parse it with json-glib, then build one VtItem per element of "items"
 * and validate them. Only when all of that succeeded does the main
 * thread swap the new items in, in one items-changed; a failed load
 * leaves the catalog as it was.
 *
 * The parsed root object is kept: saving writes it back with the
 * current items in place of "items", so members the program does not
 * know stay, in their order, at every level.
 */

#define MAX_DEPTH 256
#define FORMAT_NAME "vitrine-catalog"
#define FORMAT_VERSION 1

G_DEFINE_QUARK (vt-catalog-error-quark, vt_catalog_error)

struct _VtCatalog
{
  GObject      parent_instance;

  GPtrArray   *items;           /* VtItem, in file order */
  GHashTable  *by_number;       /* number → first VtItem with it */
  GListStore  *problems;        /* VtProblem */
  GPtrArray   *catalog_problems;/* VtProblem of the file as a whole */

  GFile       *file;
  GFile       *base_dir;
  JsonObject  *root;
  JsonObject  *collection;
  char        *name;
  char        *currency;
  guint        total;

  goffset      max_size;
  double       progress;
  guint        n_loading;
  guint        generation;
};

enum
{
  PROP_0,
  PROP_FILE,
  PROP_BASE_DIR,
  PROP_NAME,
  PROP_TOTAL,
  PROP_CURRENCY,
  PROP_PROGRESS,
  PROP_LOADING,
  PROP_MAX_SIZE,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void vt_catalog_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VtCatalog, vt_catalog, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, vt_catalog_list_model_init))

/* {{{ GListModel */

static GType
vt_catalog_get_item_type (GListModel *model)
{
  return VT_TYPE_ITEM;
}

static guint
vt_catalog_get_n_items (GListModel *model)
{
  return VT_CATALOG (model)->items->len;
}

static gpointer
vt_catalog_get_item (GListModel *model,
                     guint       position)
{
  VtCatalog *self = VT_CATALOG (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
vt_catalog_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = vt_catalog_get_item_type;
  iface->get_n_items = vt_catalog_get_n_items;
  iface->get_item = vt_catalog_get_item;
}

/* }}} */
/* {{{ Validation */

/* "1950s" (or "1950's") → 1950. */
static gboolean
parse_decade (const char *text,
              int        *start)
{
  const char *p = text;
  gint64 value = 0;

  if (!g_ascii_isdigit (*p))
    return FALSE;
  for (; g_ascii_isdigit (*p) && p - text < 5; p++)
    value = value * 10 + (*p - '0');
  if (*p == '\'')
    p++;
  if (*p != 's' || p[1] != '\0' || value % 10 != 0)
    return FALSE;
  *start = (int) value;
  return TRUE;
}

static gboolean
has_load_problem (VtItem     *item,
                  const char *field)
{
  GPtrArray *problems = vt_item_get_load_problems (item);

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    if (g_strcmp0 (vt_problem_get_field (g_ptr_array_index (problems, i)), field) == 0)
      return TRUE;
  return FALSE;
}

static void G_GNUC_PRINTF (5, 6)
add_problem (GPtrArray  *problems,
             VtItem     *item,
             VtSeverity  severity,
             const char *field,
             const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (problems,
                   vt_problem_new (severity,
                                   item != NULL ? vt_item_get_number (item) : 0,
                                   item != NULL ? vt_item_get_title (item) : NULL,
                                   field, message));
}

static void
check_image (GPtrArray *problems,
             VtItem    *item,
             gboolean   read_header)
{
  const char *written = vt_item_get_image_path (item);
  GFile *image = vt_item_get_image (item);
  g_autofree char *path = NULL;
  GStatBuf st;

  if (image == NULL)
    {
      if (!has_load_problem (item, "image"))
        add_problem (problems, item, VT_SEVERITY_WARNING, "image",
                     _("missing: the piece has no image"));
      return;
    }

  path = g_file_get_path (image);
  if (path == NULL)
    return;   /* not a local file: nothing cheap to check */

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT || saved_errno == ENOTDIR)
        add_problem (problems, item, VT_SEVERITY_ERROR, "image",
                     _("“%s” does not exist (looked for %s)"), written, path);
      else
        add_problem (problems, item, VT_SEVERITY_ERROR, "image",
                     _("“%s” cannot be read: %s"), written, g_strerror (saved_errno));
      return;
    }

  if (S_ISDIR (st.st_mode))
    {
      add_problem (problems, item, VT_SEVERITY_ERROR, "image",
                   _("“%s” is a folder, not an image"), written);
      return;
    }

  if (read_header && gdk_pixbuf_get_file_info (path, NULL, NULL) == NULL)
    {
      if (g_access (path, R_OK) != 0)
        add_problem (problems, item, VT_SEVERITY_ERROR, "image",
                     _("“%s” cannot be read: %s"), written, g_strerror (errno));
      else
        add_problem (problems, item, VT_SEVERITY_ERROR, "image",
                     _("“%s” is not an image file Vitrine can read"), written);
    }
}

/* The currency the pieces should be priced in: the collection's, or
 * when it names none the one most pieces use. */
static const char *
reference_currency (GPtrArray  *items,
                    const char *collection_currency)
{
  g_autoptr(GHashTable) counts = NULL;
  const char *best = NULL;
  guint best_count = 0;

  if (collection_currency != NULL)
    return g_intern_string (collection_currency);

  counts = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < items->len; i++)
    {
      VtPrice price;
      guint count;

      if (!vt_item_get_price (g_ptr_array_index (items, i), &price) || price.currency == NULL)
        continue;
      count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, price.currency)) + 1;
      g_hash_table_insert (counts, (gpointer) price.currency, GUINT_TO_POINTER (count));
      if (count > best_count)
        {
          best = price.currency;
          best_count = count;
        }
    }
  return best;
}

static int
compare_severity (gconstpointer a,
                  gconstpointer b)
{
  VtProblem *pa = *(VtProblem **) a;
  VtProblem *pb = *(VtProblem **) b;

  /* Errors first. */
  return (int) vt_problem_get_severity (pb) - (int) vt_problem_get_severity (pa);
}

static int
compare_number (gconstpointer a,
                gconstpointer b)
{
  guint na = vt_problem_get_number (*(VtProblem **) a);
  guint nb = vt_problem_get_number (*(VtProblem **) b);

  return na < nb ? -1 : na > nb;
}

static char *
summarize (GPtrArray *problems)
{
  VtProblem *first;
  g_autofree char *text = NULL;

  if (problems->len == 0)
    return NULL;

  first = g_ptr_array_index (problems, 0);
  if (vt_problem_get_field (first) != NULL)
    text = g_strdup_printf ("%s: %s", vt_problem_get_field (first), vt_problem_get_message (first));
  else
    text = g_strdup (vt_problem_get_message (first));

  if (problems->len == 1)
    return g_steal_pointer (&text);

  return g_strdup_printf (ngettext ("%s (and %u more problem)",
                                    "%s (and %u more problems)",
                                    problems->len - 1),
                          text, problems->len - 1);
}

/* Runs every rule over @items and returns all problems, the catalog's
 * own first, then by item number. Sets each item's problem, quietly for
 * items nobody shows yet. */
static GPtrArray *
validate (GPtrArray    *items,
          GPtrArray    *catalog_problems,
          const char   *currency,
          guint         total,
          gboolean      read_image_headers,
          gboolean      notify,
          GCancellable *cancellable)
{
  g_autoptr(GHashTable) first_by_number = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) item_problems = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *all = g_ptr_array_new_with_free_func (g_object_unref);
  const char *expected_currency = reference_currency (items, currency);

  for (guint i = 0; catalog_problems != NULL && i < catalog_problems->len; i++)
    g_ptr_array_add (all, g_object_ref (g_ptr_array_index (catalog_problems, i)));

  for (guint i = 0; i < items->len; i++)
    {
      VtItem *item = g_ptr_array_index (items, i);
      GPtrArray *loaded = vt_item_get_load_problems (item);
      guint number = vt_item_get_number (item);
      const char *decade = vt_item_get_decade (item);
      VtPrice price;

      g_ptr_array_set_size (item_problems, 0);

      for (guint j = 0; loaded != NULL && j < loaded->len; j++)
        g_ptr_array_add (item_problems, g_object_ref (g_ptr_array_index (loaded, j)));

      if (number == 0)
        {
          if (!has_load_problem (item, "number"))
            add_problem (item_problems, item, VT_SEVERITY_ERROR, "number",
                         _("missing: every piece needs its number in the collection"));
        }
      else
        {
          VtItem *first = g_hash_table_lookup (first_by_number, GUINT_TO_POINTER (number));

          if (first == NULL)
            g_hash_table_insert (first_by_number, GUINT_TO_POINTER (number), item);
          else if (vt_item_get_title (first) != NULL)
            add_problem (item_problems, item, VT_SEVERITY_ERROR, "number",
                         _("%u is also the number of “%s”"), number, vt_item_get_title (first));
          else
            add_problem (item_problems, item, VT_SEVERITY_ERROR, "number",
                         _("%u is also the number of another piece"), number);

          if (total > 0 && number > total)
            add_problem (item_problems, item, VT_SEVERITY_WARNING, "number",
                         _("%u is above the collection’s total of %u"), number, total);
        }

      if (vt_item_get_title (item) == NULL && !has_load_problem (item, "title"))
        add_problem (item_problems, item, VT_SEVERITY_ERROR, "title", _("missing"));

      if (vt_item_has_impact (item)
          && (vt_item_get_impact (item) < 1 || vt_item_get_impact (item) > 10))
        add_problem (item_problems, item, VT_SEVERITY_ERROR, "impact",
                     _("%d is outside 1-10"), vt_item_get_impact (item));

      if (decade != NULL)
        {
          int start;

          if (!parse_decade (decade, &start))
            add_problem (item_problems, item, VT_SEVERITY_WARNING, "decade",
                         _("“%s” is not a decade such as “1950s”"), decade);
          else if (vt_item_has_year (item)
                   && (vt_item_get_year (item) < start || vt_item_get_year (item) > start + 9))
            add_problem (item_problems, item, VT_SEVERITY_WARNING, "year",
                         _("%d is outside the decade “%s”"), vt_item_get_year (item), decade);
        }

      if (vt_item_get_price_text (item) != NULL)
        {
          g_autoptr(GError) error = NULL;

          if (!vt_price_parse (vt_item_get_price_text (item), &price, &error))
            add_problem (item_problems, item, VT_SEVERITY_ERROR, "price", "%s", error->message);
          else if (price.currency != NULL && expected_currency != NULL
                   && price.currency != expected_currency)
            {
              if (currency != NULL)
                add_problem (item_problems, item, VT_SEVERITY_WARNING, "price",
                             _("“%s” is in %s, but the collection’s currency is %s"),
                             vt_item_get_price_text (item), price.currency, expected_currency);
              else
                add_problem (item_problems, item, VT_SEVERITY_WARNING, "price",
                             _("“%s” is in %s, but most pieces are priced in %s"),
                             vt_item_get_price_text (item), price.currency, expected_currency);
            }
        }

      check_image (item_problems, item, read_image_headers);

      g_ptr_array_sort (item_problems, compare_severity);
      if (notify)
        {
          g_autofree char *summary = summarize (item_problems);
          vt_item_set_problem (item, summary);
        }
      else
        vt_item_take_problem_quietly (item, summarize (item_problems));

      for (guint j = 0; j < item_problems->len; j++)
        g_ptr_array_add (all, g_object_ref (g_ptr_array_index (item_problems, j)));

      if (i % 1024 == 1023 && g_cancellable_is_cancelled (cancellable))
        break;
    }

  /* Stable: the catalog's own problems (number 0) stay first. */
  g_ptr_array_sort (all, compare_number);
  return all;
}

/* }}} */
/* {{{ Loading */

typedef struct
{
  VtCatalog     *catalog;
  GMainContext  *context;        /* NULL for a synchronous load */
  GFile         *file;
  char          *name;           /* for messages */
  goffset        max_size;
  guint          generation;

  /* progress, in thousandths */
  int            progress;
  int            progress_pending;
  guint          last_reported;
  guint          n_expected_objects;
  guint          n_parsed_objects;

  /* results */
  GFile         *base_dir;
  JsonObject    *root;
  JsonObject    *collection;
  char          *collection_name;
  char          *currency;
  guint          total;
  GPtrArray     *items;
  GPtrArray     *catalog_problems;
  GPtrArray     *problems;
} LoadJob;

static void
load_job_clear (LoadJob *job)
{
  g_clear_object (&job->catalog);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_clear_object (&job->file);
  g_clear_pointer (&job->name, g_free);
  g_clear_object (&job->base_dir);
  g_clear_pointer (&job->root, json_object_unref);
  g_clear_pointer (&job->collection, json_object_unref);
  g_clear_pointer (&job->collection_name, g_free);
  g_clear_pointer (&job->currency, g_free);
  g_clear_pointer (&job->items, g_ptr_array_unref);
  g_clear_pointer (&job->catalog_problems, g_ptr_array_unref);
  g_clear_pointer (&job->problems, g_ptr_array_unref);
}

static LoadJob *
load_job_new (VtCatalog *self,
              GFile     *file,
              gboolean   in_thread)
{
  LoadJob *job = g_atomic_rc_box_new0 (LoadJob);

  job->catalog = g_object_ref (self);
  job->context = in_thread ? g_main_context_ref_thread_default () : NULL;
  job->file = g_object_ref (file);
  job->name = g_file_get_parse_name (file);
  job->max_size = self->max_size;
  job->generation = ++self->generation;
  return job;
}

static LoadJob *
load_job_ref (LoadJob *job)
{
  return g_atomic_rc_box_acquire (job);
}

static void
load_job_unref (gpointer job)
{
  g_atomic_rc_box_release_full (job, (GDestroyNotify) load_job_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadJob, load_job_unref)

static void
set_progress (VtCatalog *self,
              double     progress)
{
  if (self->progress == progress)
    return;
  self->progress = progress;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

static gboolean
progress_idle_cb (gpointer data)
{
  LoadJob *job = data;

  g_atomic_int_set (&job->progress_pending, 0);
  /* A newer load owns the progress now. */
  if (job->generation == job->catalog->generation && job->catalog->n_loading > 0)
    set_progress (job->catalog, g_atomic_int_get (&job->progress) / 1000.0);
  return G_SOURCE_REMOVE;
}

/* Called from the loading thread; at most every 1% reaches the catalog. */
static void
report_progress (LoadJob *job,
                 double   fraction)
{
  guint value = (guint) (CLAMP (fraction, 0.0, 1.0) * 1000);

  if (value < job->last_reported + 10 && value < 1000)
    return;
  job->last_reported = value;

  if (job->context == NULL)
    {
      set_progress (job->catalog, value / 1000.0);
      return;
    }

  g_atomic_int_set (&job->progress, (int) value);
  /* Not g_main_context_invoke(): it may run the callback right here. */
  if (g_atomic_int_compare_and_exchange (&job->progress_pending, 0, 1))
    {
      g_autoptr(GSource) source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, progress_idle_cb, load_job_ref (job), load_job_unref);
      g_source_set_static_name (source, "[vitrine] catalog load progress");
      g_source_attach (source, job->context);
    }
}

/* Progress while json-glib parses: one step per object. ("array-element"
 * would be finer, but is emitted for every paragraph and costs about a
 * quarter of the parse once a handler is connected.) */
static void
on_object_end_cb (JsonParser *parser,
                  JsonObject *object,
                  LoadJob    *job)
{
  job->n_parsed_objects++;
  if (job->n_expected_objects > 0 && job->n_parsed_objects % 64 == 0)
    report_progress (job, 0.1 + 0.6 * job->n_parsed_objects / job->n_expected_objects);
}

static void
set_too_big_error (LoadJob  *job,
                   goffset   size,
                   GError  **error)
{
  g_autofree char *size_text = g_format_size (size);
  g_autofree char *limit = g_format_size (job->max_size);

  g_set_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_TOO_BIG,
               _("%s: the file is %s, more than the limit of %s"), job->name, size_text, limit);
}

/* @read_error comes from reading the contents, through GIO or g_file_get_contents(). */
static void
set_read_error (LoadJob       *job,
                const GError  *read_error,
                GError       **error)
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
read_file (LoadJob       *job,
           GCancellable  *cancellable,
           GError       **error)
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

  /* A local file in one read of its size; GIO reads in small chunks. */
  if (g_file_peek_path (job->file) != NULL)
    loaded = g_file_get_contents (g_file_peek_path (job->file), &contents, &length, &local_error);
  else
    loaded = g_file_load_contents (job->file, cancellable, &contents, &length, NULL, &local_error);
  if (!loaded)
    {
      set_read_error (job, local_error, error);
      return NULL;
    }

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
set_parse_error (LoadJob     *job,
                 const GError *parse_error,
                 GError     **error)
{
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

  rest = strstr (message, ": Parse error: ");
  if (rest != NULL)
    g_set_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_SYNTAX,
                 "%s%.*s: %s", job->name, (int) (rest - message), message,
                 rest + strlen (": Parse error: "));
  else
    g_set_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_SYNTAX,
                 "%s%s", job->name, message);
}

static gboolean
check_format (LoadJob    *job,
              JsonObject *root,
              GError    **error)
{
  JsonNode *format = json_object_get_member (root, "format");
  JsonNode *version = json_object_get_member (root, "version");
  JsonNode *items = json_object_get_member (root, "items");

  if (format == NULL || !JSON_NODE_HOLDS_VALUE (format)
      || json_node_get_value_type (format) != G_TYPE_STRING)
    {
      g_set_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_FORMAT,
                   _("%s: not a Vitrine catalog (it has no \"format\": \"%s\")"),
                   job->name, FORMAT_NAME);
      return FALSE;
    }
  if (g_strcmp0 (json_node_get_string (format), FORMAT_NAME) != 0)
    {
      g_set_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_FORMAT,
                   _("%s: not a Vitrine catalog (its format is “%s”, not “%s”)"),
                   job->name, json_node_get_string (format), FORMAT_NAME);
      return FALSE;
    }

  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version)
      || json_node_get_value_type (version) != G_TYPE_INT64)
    {
      g_set_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_FORMAT,
                   _("%s: the catalog has no \"version\" number"), job->name);
      return FALSE;
    }
  if (json_node_get_int (version) != FORMAT_VERSION)
    {
      /* Formatted apart: a G_GINT64_FORMAT inside _() cannot be translated. */
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (version));

      g_set_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_FORMAT,
                   /* Translators: "catalog.json: catalog version 3 is not one this Vitrine reads (version 1)" */
                   _("%s: catalog version %s is not one this Vitrine reads (version %d)"),
                   job->name, number, FORMAT_VERSION);
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
catalog_problem (LoadJob    *job,
                 VtSeverity  severity,
                 const char *field,
                 const char *message)
{
  g_ptr_array_add (job->catalog_problems, vt_problem_new (severity, 0, NULL, field, message));
}

static void
read_collection (LoadJob    *job,
                 JsonObject *root)
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
report_duplicates (LoadJob   *job,
                   GPtrArray *duplicates,
                   GPtrArray *items_by_index)
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
          problem = vt_problem_new (VT_SEVERITY_ERROR, vt_item_get_number (item),
                                    vt_item_get_title (item), duplicate->key, message);
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

/* Everything but swapping the result in: safe in a worker thread. */
/* Items are built from their JSON objects on every core: folding each
 * one's search text is most of the work after the parse, and the objects
 * are only read. */
typedef struct
{
  JsonArray    *array;
  GFile        *base_dir;
  GPtrArray    *built;     /* one slot per element, NULL for a non-object */
  guint         start;
  guint         end;
  GCancellable *cancellable;
} BuildChunk;

static gpointer
build_chunk (gpointer data)
{
  BuildChunk *chunk = data;

  for (guint i = chunk->start; i < chunk->end; i++)
    {
      JsonNode *element = json_array_get_element (chunk->array, i);

      if (JSON_NODE_HOLDS_OBJECT (element))
        chunk->built->pdata[i] = vt_item_new_from_json (json_node_get_object (element),
                                                        chunk->base_dir, NULL);
      if (i % 256 == 255 && g_cancellable_is_cancelled (chunk->cancellable))
        break;
    }

  return NULL;
}

/* Elements below this many are built on the loading thread alone. */
#define PARALLEL_BUILD_MIN 2048
#define PARALLEL_BUILD_MAX_THREADS 8

static void
unref_if_any (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static GPtrArray *
build_items (LoadJob      *job,
             JsonArray    *array,
             guint         n_elements,
             GCancellable *cancellable)
{
  GPtrArray *built = g_ptr_array_new_full (n_elements, unref_if_any);
  BuildChunk chunks[PARALLEL_BUILD_MAX_THREADS];
  GThread *threads[PARALLEL_BUILD_MAX_THREADS] = { NULL, };
  guint n_chunks = 1;

  g_ptr_array_set_size (built, n_elements);
  if (n_elements >= PARALLEL_BUILD_MIN)
    n_chunks = CLAMP ((guint) g_get_num_processors (), 1, PARALLEL_BUILD_MAX_THREADS);

  for (guint c = 0; c < n_chunks; c++)
    chunks[c] = (BuildChunk) {
      .array = array,
      .base_dir = job->base_dir,
      .built = built,
      .start = (guint) ((guint64) n_elements * c / n_chunks),
      .end = (guint) ((guint64) n_elements * (c + 1) / n_chunks),
      .cancellable = cancellable,
    };

  /* The others on threads of their own, the first one here. */
  for (guint c = 1; c < n_chunks; c++)
    threads[c] = g_thread_new ("vitrine-items", build_chunk, &chunks[c]);
  build_chunk (&chunks[0]);
  for (guint c = 1; c < n_chunks; c++)
    g_thread_join (threads[c]);

  return built;
}

static gboolean
load_job_run (LoadJob       *job,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GPtrArray) items_by_index = NULL;
  g_autoptr(GPtrArray) built = NULL;
  g_auto(VtJsonCheck) check = { NULL, 0, 0 };
  const char *data;
  gsize length;
  JsonArray *array;
  guint n_elements;

  report_progress (job, 0.0);

  bytes = read_file (job, cancellable, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &length);
  report_progress (job, 0.05);

  if (!vt_json_check (data != NULL ? data : "", length, job->name, MAX_DEPTH, &check, error))
    return FALSE;
  job->n_expected_objects = check.n_objects;
  report_progress (job, 0.1);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  parser = json_parser_new ();
  g_signal_connect (parser, "object-end", G_CALLBACK (on_object_end_cb), job);
  if (!json_parser_load_from_data (parser, data + check.start, (gssize) (length - check.start),
                                   &parse_error))
    {
      set_parse_error (job, parse_error, error);
      return FALSE;
    }
  g_clear_pointer (&bytes, g_bytes_unref);
  report_progress (job, 0.7);

  /* The scan let only an object through. */
  job->root = json_object_ref (json_node_get_object (json_parser_get_root (parser)));
  if (!check_format (job, job->root, error))
    return FALSE;

  job->base_dir = g_file_get_parent (job->file);
  job->catalog_problems = g_ptr_array_new_with_free_func (g_object_unref);
  read_collection (job, job->root);

  array = json_object_get_array_member (job->root, "items");
  n_elements = json_array_get_length (array);
  job->items = g_ptr_array_new_full (n_elements, g_object_unref);
  items_by_index = g_ptr_array_new_full (n_elements, NULL);

  built = build_items (job, array, n_elements, cancellable);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

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

      g_ptr_array_add (job->items, g_object_ref (item));
      g_ptr_array_add (items_by_index, item);
    }

  report_duplicates (job, check.duplicates, items_by_index);
  vt_json_check_clear (&check);
  report_progress (job, 0.9);

  job->problems = validate (job->items, job->catalog_problems, job->currency, job->total,
                            FALSE, FALSE, cancellable);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  report_progress (job, 1.0);
  return TRUE;
}

static void
rebuild_index (VtCatalog *self)
{
  g_hash_table_remove_all (self->by_number);
  for (guint i = 0; i < self->items->len; i++)
    {
      VtItem *item = g_ptr_array_index (self->items, i);
      guint number = vt_item_get_number (item);

      if (number > 0 && !g_hash_table_contains (self->by_number, GUINT_TO_POINTER (number)))
        g_hash_table_insert (self->by_number, GUINT_TO_POINTER (number), item);
    }
}

static void
set_problems (VtCatalog *self,
              GPtrArray *problems)
{
  g_list_store_splice (self->problems, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->problems)),
                       problems->pdata, problems->len);
}

/* The name, total and currency properties, each notified when it changes. */
static void
set_collection_fields (VtCatalog  *self,
                       const char *name,
                       guint       total,
                       const char *currency)
{
  if (g_strcmp0 (self->name, name) != 0)
    {
      g_free (self->name);
      self->name = g_strdup (name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
    }
  if (self->total != total)
    {
      self->total = total;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
    }
  if (g_strcmp0 (self->currency, currency) != 0)
    {
      g_free (self->currency);
      self->currency = g_strdup (currency);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENCY]);
    }
}

/* On the main thread, after a successful load. */
static void
load_job_apply (LoadJob *job)
{
  VtCatalog *self = job->catalog;
  g_autoptr(GPtrArray) old_items = NULL;
  guint n_removed = self->items->len;

  g_object_freeze_notify (G_OBJECT (self));

  old_items = g_steal_pointer (&self->items);
  self->items = g_steal_pointer (&job->items);
  rebuild_index (self);

  g_clear_pointer (&self->root, json_object_unref);
  self->root = g_steal_pointer (&job->root);
  g_clear_pointer (&self->collection, json_object_unref);
  self->collection = g_steal_pointer (&job->collection);
  g_clear_pointer (&self->catalog_problems, g_ptr_array_unref);
  self->catalog_problems = g_steal_pointer (&job->catalog_problems);

  if (g_set_object (&self->file, job->file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  if (g_set_object (&self->base_dir, job->base_dir))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASE_DIR]);
  set_collection_fields (self, job->collection_name, job->total, job->currency);

  set_problems (self, job->problems);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, n_removed, self->items->len);
  if (n_removed != self->items->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);

  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
vt_catalog_load (VtCatalog     *self,
                 GFile         *file,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(LoadJob) job = NULL;
  gboolean ok;

  g_return_val_if_fail (VT_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  job = load_job_new (self, file, FALSE);

  if (self->n_loading++ == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);

  ok = load_job_run (job, cancellable, error);
  if (ok)
    load_job_apply (job);

  if (--self->n_loading == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);

  return ok;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (load_job_run (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
load_thread_done_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  VtCatalog *self = VT_CATALOG (object);
  g_autoptr(GTask) outer = user_data;
  LoadJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (--self->n_loading == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }

  if (job->generation != self->generation)
    {
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               _("A newer load replaced this one"));
      return;
    }

  load_job_apply (job);
  /* The last progress idle may come after this: it would be ignored. */
  set_progress (self, 1.0);
  g_task_return_boolean (outer, TRUE);
}

void
vt_catalog_load_async (VtCatalog           *self,
                       GFile               *file,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) inner = NULL;

  g_return_if_fail (VT_IS_CATALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, vt_catalog_load_async);

  inner = g_task_new (self, cancellable, load_thread_done_cb, g_object_ref (outer));
  g_task_set_source_tag (inner, load_thread);
  g_task_set_task_data (inner, load_job_new (self, file, TRUE), load_job_unref);

  if (self->n_loading++ == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  set_progress (self, 0.0);

  g_task_run_in_thread (inner, load_thread);
}

gboolean
vt_catalog_load_finish (VtCatalog     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (VT_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == vt_catalog_load_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

VtCatalog *
vt_catalog_new_for_file (GFile         *file,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(VtCatalog) self = vt_catalog_new ();

  if (!vt_catalog_load (self, file, cancellable, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* }}} */
/* {{{ Saving */

char *
vt_catalog_to_data (VtCatalog *self,
                    gsize     *length)
{
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonNode *old_items;
  JsonArray *items;
  guint next_item = 0;
  GString *out;
  gsize n;

  g_return_val_if_fail (VT_IS_CATALOG (self), NULL);

  if (self->root == NULL)
    {
      self->root = json_object_new ();
      json_object_set_string_member (self->root, "format", FORMAT_NAME);
      json_object_set_int_member (self->root, "version", FORMAT_VERSION);
      if (self->collection == NULL)
        self->collection = json_object_new ();
    }

  /* Set in place: members keep their position, unknown ones included. */
  if (self->collection != NULL)
    json_object_set_object_member (self->root, "collection", json_object_ref (self->collection));

  /* Elements of "items" that are not pieces were skipped at load: they
   * go back among the pieces where they were, never dropped. */
  old_items = json_object_get_member (self->root, "items");
  items = json_array_sized_new (self->items->len);
  if (old_items != NULL && JSON_NODE_HOLDS_ARRAY (old_items))
    {
      JsonArray *old = json_node_get_array (old_items);
      guint n_pieces = 0;

      for (guint i = 0; i < json_array_get_length (old); i++)
        {
          JsonNode *element = json_array_get_element (old, i);

          if (JSON_NODE_HOLDS_OBJECT (element))
            {
              n_pieces++;
              continue;
            }
          for (; next_item < MIN (n_pieces, self->items->len); next_item++)
            json_array_add_object_element (items, json_object_ref (vt_item_get_json (g_ptr_array_index (self->items, next_item))));
          json_array_add_element (items, json_node_copy (element));
        }
    }
  for (; next_item < self->items->len; next_item++)
    json_array_add_object_element (items, json_object_ref (vt_item_get_json (g_ptr_array_index (self->items, next_item))));
  json_object_set_array_member (self->root, "items", items);

  node = json_node_init_object (json_node_alloc (), self->root);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);

  out = g_string_new (NULL);
  json_generator_to_gstring (generator, out);
  vt_json_fix_generated (out);
  g_string_append_c (out, '\n');
  n = out->len;
  if (length != NULL)
    *length = n;
  return g_string_free (out, FALSE);
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        length)
{
  while (length > 0)
    {
      gssize written = write (fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        return FALSE;
      data += written;
      length -= (gsize) written;
    }
  return TRUE;
}

/* Removes the temporary file @temp and says why @name was not saved. */
static gboolean
fail_write (const char  *name,
            const char  *temp,
            int          saved_errno,
            GError     **error)
{
  g_unlink (temp);
  g_set_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_WRITE,
               _("Cannot save %s: %s"), name, g_strerror (saved_errno));
  return FALSE;
}

/* A temporary file in the same folder, fsync, rename over the target,
 * fsync the folder: the old file stays whole until the new one is. */
static gboolean
write_atomically (GFile       *file,
                  const char  *data,
                  gsize        length,
                  GError     **error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp = NULL;
  GStatBuf st;
  gboolean exists;
  int saved_errno;
  int fd;

  if (path == NULL)
    {
      g_set_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_WRITE,
                   _("Cannot save %s: only local files can be saved"), name);
      return FALSE;
    }

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  temp = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);

  exists = g_stat (path, &st) == 0;
  if (exists && S_ISDIR (st.st_mode))
    {
      g_set_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_WRITE,
                   _("Cannot save %s: it is a folder"), name);
      return FALSE;
    }

  fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_WRITE,
                   _("Cannot save %s: the folder %s is not writable (%s)"),
                   name, dir, g_strerror (saved_errno));
      return FALSE;
    }

  /* Keep the permissions of the file we replace. */
  if (exists)
    (void) fchmod (fd, st.st_mode & 07777);

  if (!write_all (fd, data, length) || fsync (fd) != 0)
    {
      saved_errno = errno;
      close (fd);
      return fail_write (name, temp, saved_errno, error);
    }
  if (close (fd) != 0)
    return fail_write (name, temp, errno, error);
  if (g_rename (temp, path) != 0)
    return fail_write (name, temp, errno, error);

  /* Make the rename itself durable. */
  fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0)
    {
      (void) fsync (fd);
      close (fd);
    }

  return TRUE;
}

gboolean
vt_catalog_save (VtCatalog  *self,
                 GFile      *file,
                 GError    **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (VT_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = vt_catalog_to_data (self, &length);
  return write_atomically (file, data, length, error);
}

/* }}} */
/* {{{ Contents */

VtItem *
vt_catalog_lookup (VtCatalog *self,
                   guint      number)
{
  g_return_val_if_fail (VT_IS_CATALOG (self), NULL);

  return g_hash_table_lookup (self->by_number, GUINT_TO_POINTER (number));
}

void
vt_catalog_put_item (VtCatalog *self,
                     VtItem    *item)
{
  guint number;
  guint position;
  VtItem *existing;

  g_return_if_fail (VT_IS_CATALOG (self));
  g_return_if_fail (VT_IS_ITEM (item));

  number = vt_item_get_number (item);
  existing = number > 0 ? vt_catalog_lookup (self, number) : NULL;

  if (existing != NULL)
    {
      if (!g_ptr_array_find (self->items, existing, &position))
        g_assert_not_reached ();
      g_ptr_array_index (self->items, position) = g_object_ref (item);
      g_hash_table_insert (self->by_number, GUINT_TO_POINTER (number), item);
      g_object_unref (existing);
      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
      return;
    }

  /* Before the first item of a higher number; numberless ones at the end. */
  for (position = 0; number > 0 && position < self->items->len; position++)
    {
      guint other = vt_item_get_number (g_ptr_array_index (self->items, position));

      if (other == 0 || other > number)
        break;
    }
  if (number == 0)
    position = self->items->len;

  g_ptr_array_insert (self->items, (int) position, g_object_ref (item));
  if (number > 0)
    g_hash_table_insert (self->by_number, GUINT_TO_POINTER (number), item);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

GListModel *
vt_catalog_get_problems (VtCatalog *self)
{
  g_return_val_if_fail (VT_IS_CATALOG (self), NULL);

  return G_LIST_MODEL (self->problems);
}

void
vt_catalog_validate (VtCatalog *self)
{
  g_autoptr(GPtrArray) problems = NULL;

  g_return_if_fail (VT_IS_CATALOG (self));

  problems = validate (self->items, self->catalog_problems, self->currency, self->total,
                       TRUE, TRUE, NULL);
  set_problems (self, problems);
}

GFile *
vt_catalog_get_file (VtCatalog *self)
{
  g_return_val_if_fail (VT_IS_CATALOG (self), NULL);

  return self->file;
}

GFile *
vt_catalog_get_base_dir (VtCatalog *self)
{
  g_return_val_if_fail (VT_IS_CATALOG (self), NULL);

  return self->base_dir;
}

const char *
vt_catalog_get_name (VtCatalog *self)
{
  g_return_val_if_fail (VT_IS_CATALOG (self), NULL);

  return self->name;
}

guint
vt_catalog_get_total (VtCatalog *self)
{
  g_return_val_if_fail (VT_IS_CATALOG (self), 0);

  return self->total;
}

const char *
vt_catalog_get_currency (VtCatalog *self)
{
  g_return_val_if_fail (VT_IS_CATALOG (self), NULL);

  return self->currency;
}

void
vt_catalog_set_collection (VtCatalog  *self,
                           const char *name,
                           guint       total,
                           const char *currency)
{
  g_return_if_fail (VT_IS_CATALOG (self));

  if (self->collection == NULL)
    self->collection = json_object_new ();

  /* Changed in place, so the collection's unknown members stay. */
  if (name != NULL)
    json_object_set_string_member (self->collection, "name", name);
  else if (json_object_has_member (self->collection, "name"))
    json_object_remove_member (self->collection, "name");
  if (total > 0)
    json_object_set_int_member (self->collection, "total", total);
  else if (json_object_has_member (self->collection, "total"))
    json_object_remove_member (self->collection, "total");
  if (currency != NULL)
    json_object_set_string_member (self->collection, "currency", currency);
  else if (json_object_has_member (self->collection, "currency"))
    json_object_remove_member (self->collection, "currency");

  g_object_freeze_notify (G_OBJECT (self));
  set_collection_fields (self, name, total, currency);
  g_object_thaw_notify (G_OBJECT (self));
}

double
vt_catalog_get_progress (VtCatalog *self)
{
  g_return_val_if_fail (VT_IS_CATALOG (self), 0.0);

  return self->progress;
}

gboolean
vt_catalog_get_loading (VtCatalog *self)
{
  g_return_val_if_fail (VT_IS_CATALOG (self), FALSE);

  return self->n_loading > 0;
}

goffset
vt_catalog_get_max_size (VtCatalog *self)
{
  g_return_val_if_fail (VT_IS_CATALOG (self), 0);

  return self->max_size;
}

void
vt_catalog_set_max_size (VtCatalog *self,
                         goffset    max_size)
{
  g_return_if_fail (VT_IS_CATALOG (self));
  g_return_if_fail (max_size >= 0);

  if (self->max_size == max_size)
    return;
  self->max_size = max_size;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_SIZE]);
}

/* }}} */
/* {{{ GObject */

static void
vt_catalog_finalize (GObject *object)
{
  VtCatalog *self = VT_CATALOG (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->by_number, g_hash_table_unref);
  g_clear_object (&self->problems);
  g_clear_pointer (&self->catalog_problems, g_ptr_array_unref);
  g_clear_object (&self->file);
  g_clear_object (&self->base_dir);
  g_clear_pointer (&self->root, json_object_unref);
  g_clear_pointer (&self->collection, json_object_unref);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->currency, g_free);

  G_OBJECT_CLASS (vt_catalog_parent_class)->finalize (object);
}

static void
vt_catalog_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  VtCatalog *self = VT_CATALOG (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_BASE_DIR:
      g_value_set_object (value, self->base_dir);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_TOTAL:
      g_value_set_uint (value, self->total);
      break;
    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->n_loading > 0);
      break;
    case PROP_MAX_SIZE:
      g_value_set_int64 (value, self->max_size);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_catalog_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  VtCatalog *self = VT_CATALOG (object);

  switch (prop_id)
    {
    case PROP_MAX_SIZE:
      vt_catalog_set_max_size (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_catalog_class_init (VtCatalogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags read_only = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vt_catalog_finalize;
  object_class->get_property = vt_catalog_get_property;
  object_class->set_property = vt_catalog_set_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, read_only);
  properties[PROP_BASE_DIR] =
    g_param_spec_object ("base-dir", NULL, NULL, G_TYPE_FILE, read_only);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, read_only);
  properties[PROP_TOTAL] =
    g_param_spec_uint ("total", NULL, NULL, 0, G_MAXUINT, 0, read_only);
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL, NULL, read_only);
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0, read_only);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE, read_only);
  properties[PROP_MAX_SIZE] =
    g_param_spec_int64 ("max-size", NULL, NULL, 0, G_MAXINT64, VT_CATALOG_DEFAULT_MAX_SIZE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, read_only);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vt_catalog_init (VtCatalog *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_number = g_hash_table_new (NULL, NULL);
  self->problems = g_list_store_new (VT_TYPE_PROBLEM);
  self->max_size = VT_CATALOG_DEFAULT_MAX_SIZE;
}

VtCatalog *
vt_catalog_new (void)
{
  return g_object_new (VT_TYPE_CATALOG, NULL);
}

/* }}} */
