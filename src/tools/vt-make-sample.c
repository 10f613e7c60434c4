/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Build tool: renders the sample collection's posters and writes synthetic collections. */

/*
 * Two commands:
 *
 *   vt-make-sample artwork CATALOG OUTDIR [--size 2048]
 *     one poster per item of CATALOG, written to OUTDIR/<item's image path>;
 *   vt-make-sample synthetic N OUTDIR [--image-size S] [--text-kb K] [--no-images]
 *     OUTDIR/catalog.json with N invented pieces, and their posters.
 *
 * The posters are drawn in vt-make-sample-art.c; this file reads the
 * catalog or invents the pieces, and writes the files on every core.
 *
 * This is a developer tool run by the build, never installed: its messages
 * are not translated.
 */

#define G_LOG_DOMAIN "vitrine-make-sample"

#include "config.h"

#include "vt-make-sample.h"
#include "vt-file.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gio/gio.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define JPEG_QUALITY "90"
#define MIN_SIZE     16
#define MAX_SIZE  16384

/* ------------------------------------------------------------------------ */
/* Pieces: read from a catalog or invented, each drawn and written apart.    */

void
piece_free (Piece *piece)
{
  g_free (piece->collection);
  g_free (piece->title);
  g_free (piece->region);
  g_free (piece->conflict);
  g_free (piece->path);
  g_free (piece);
}

/* Renders @piece and writes it as a JPEG. */
static gboolean
write_piece (const Piece  *piece,
             int           size,
             GError      **error)
{
  g_autoptr(GdkPixbuf) pixbuf = render_piece (piece, size);
  g_autofree char *folder = g_path_get_dirname (piece->path);
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;

  if (g_mkdir_with_parents (folder, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "Cannot create the folder “%s”: %s", folder, g_strerror (saved));
      return FALSE;
    }

  if (!gdk_pixbuf_save_to_buffer (pixbuf, &data, &length, "jpeg", &local_error,
                                  "quality", JPEG_QUALITY, NULL))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   "Cannot encode “%s” as JPEG: %s", piece->path, local_error->message);
      return FALSE;
    }

  /* Build products: made again if a crash loses them. */
  return vt_file_write_atomic (piece->path, data, length, 0644, VT_FILE_WRITE_CACHE, error);
}

/* ------------------------------------------------------------------------ */
/* Rendering many pieces on every core.                                      */

typedef struct
{
  GMutex  lock;
  GError *error;    /* the first failure; the rest of the work is skipped */
  int     size;
  guint   done;
  guint   count;
  gboolean progress;
} Batch;

static void
render_job (gpointer data,
            gpointer user_data)
{
  Piece *piece = data;
  Batch *batch = user_data;
  g_autoptr(GError) error = NULL;
  gboolean failed;
  guint done;

  g_mutex_lock (&batch->lock);
  failed = batch->error != NULL;
  g_mutex_unlock (&batch->lock);
  if (failed)
    return;

  if (!write_piece (piece, batch->size, &error))
    {
      g_mutex_lock (&batch->lock);
      if (batch->error == NULL)
        batch->error = g_steal_pointer (&error);
      g_mutex_unlock (&batch->lock);
      return;
    }

  g_mutex_lock (&batch->lock);
  done = ++batch->done;
  g_mutex_unlock (&batch->lock);
  if (batch->progress && (done % 100 == 0 || done == batch->count))
    g_printerr ("\r%u / %u images", done, batch->count);
}

/* Renders every piece of @pieces in a thread pool; the pieces stay owned by the caller. */
static gboolean
render_all (GPtrArray  *pieces,
            int         size,
            GError    **error)
{
  GThreadPool *pool;
  Batch batch = { .size = size, .count = pieces->len };

  g_mutex_init (&batch.lock);
  batch.progress = pieces->len >= 200 && isatty (fileno (stderr));
  pool = g_thread_pool_new (render_job, &batch, (int) MAX (1u, g_get_num_processors ()),
                            TRUE, error);
  if (pool == NULL)
    return FALSE;

  for (guint i = 0; i < pieces->len; i++)
    if (!g_thread_pool_push (pool, g_ptr_array_index (pieces, i), error))
      break;

  g_thread_pool_free (pool, FALSE, TRUE);
  if (batch.progress)
    g_printerr ("\n");
  g_mutex_clear (&batch.lock);

  if (batch.error != NULL)
    {
      g_propagate_error (error, batch.error);
      return FALSE;
    }
  return error == NULL || *error == NULL;
}

/* ------------------------------------------------------------------------ */
/* artwork: the posters of a catalog.                                        */

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
member_int (JsonObject *object,
            const char *name,
            gint64     *value)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *value = json_node_get_int (node);
  return TRUE;
}

/* The event's part of "1956 - Hungarian Revolution". */
static char *
event_of (const char *title)
{
  const char *dash = strstr (title, " - ");

  if (dash != NULL && dash[3] != '\0')
    return g_strdup (dash + 3);
  return g_strdup (title);
}

static Piece *
piece_from_item (JsonNode    *node,
                 guint        index,
                 const char  *catalog_path,
                 const char  *outdir,
                 const char  *collection,
                 guint        total,
                 GError     **error)
{
  g_autoptr(Piece) piece = g_new0 (Piece, 1);
  JsonObject *item;
  const char *title, *image;
  gint64 number = 0, year = 0;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: item %u is not an object", catalog_path, index + 1);
      return NULL;
    }
  item = json_node_get_object (node);

  if (!member_int (item, "number", &number) || number < 1 || number > G_MAXINT)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: item %u: “number” is missing or not a positive integer",
                   catalog_path, index + 1);
      return NULL;
    }
  title = member_string (item, "title");
  if (title == NULL || *title == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: item %u (number %" G_GINT64_FORMAT "): “title” is missing",
                   catalog_path, index + 1, number);
      return NULL;
    }
  if (!member_int (item, "year", &year) || year < 0 || year > 9999)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: item %u (number %" G_GINT64_FORMAT "): “year” is missing or not a year",
                   catalog_path, index + 1, number);
      return NULL;
    }
  image = member_string (item, "image");
  if (image == NULL || *image == '\0' || g_path_is_absolute (image)
      || strstr (image, "..") != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: item %u (number %" G_GINT64_FORMAT "): “image” must be a relative path "
                   "inside the catalog's folder, like \"images/%03" G_GINT64_FORMAT ".jpg\"",
                   catalog_path, index + 1, number, number);
      return NULL;
    }

  piece->number = (guint) number;
  piece->total = MAX (total, piece->number);
  piece->year = (int) year;
  piece->collection = g_strdup (collection);
  piece->title = event_of (title);
  piece->region = g_strdup (member_string (item, "region"));
  piece->conflict = g_strdup (member_string (item, "conflict"));
  piece->path = g_build_filename (outdir, image, NULL);
  return g_steal_pointer (&piece);
}

static int
compare_numbers (gconstpointer a,
                 gconstpointer b)
{
  const Piece *pa = *(Piece * const *) a;
  const Piece *pb = *(Piece * const *) b;

  return (pa->number > pb->number) - (pa->number < pb->number);
}

static GPtrArray *
read_catalog (const char  *catalog_path,
              const char  *outdir,
              GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) pieces = g_ptr_array_new_with_free_func ((GDestroyNotify) piece_free);
  g_autoptr(GError) local_error = NULL;
  const char *collection = "Genesis";
  JsonObject *root, *meta = NULL;
  JsonNode *items;
  gint64 total = 0;

  if (!json_parser_load_from_file (parser, catalog_path, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "Cannot read the catalog “%s”: %s", catalog_path, local_error->message);
      return NULL;
    }

  if (json_parser_get_root (parser) == NULL
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: not a Vitrine catalog (the top level is not an object)", catalog_path);
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));

  if (json_object_has_member (root, "collection")
      && JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "collection")))
    meta = json_object_get_object_member (root, "collection");
  if (meta != NULL && member_string (meta, "name") != NULL)
    collection = member_string (meta, "name");
  if (meta != NULL)
    member_int (meta, "total", &total);

  items = json_object_get_member (root, "items");
  if (items == NULL || !JSON_NODE_HOLDS_ARRAY (items))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: not a Vitrine catalog (no “items” array)", catalog_path);
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (json_node_get_array (items)); i++)
    {
      JsonNode *node = json_array_get_element (json_node_get_array (items), i);
      Piece *piece = piece_from_item (node, i, catalog_path, outdir, collection,
                                      (guint) CLAMP (total, 0, G_MAXINT), error);

      if (piece == NULL)
        return NULL;
      g_ptr_array_add (pieces, piece);
    }

  g_ptr_array_sort (pieces, compare_numbers);
  for (guint i = 0; i < pieces->len; i++)
    ((Piece *) g_ptr_array_index (pieces, i))->rank = i;

  return g_steal_pointer (&pieces);
}

static gboolean
ensure_folder (const char  *folder,
               GError     **error)
{
  if (g_mkdir_with_parents (folder, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "Cannot create the output folder “%s”: %s", folder, g_strerror (saved));
      return FALSE;
    }
  if (g_access (folder, W_OK) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "Cannot write into the output folder “%s”: %s", folder, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static gboolean
run_artwork (const char  *catalog_path,
             const char  *outdir,
             int          size,
             GError     **error)
{
  g_autoptr(GPtrArray) pieces = NULL;

  pieces = read_catalog (catalog_path, outdir, error);
  if (pieces == NULL)
    return FALSE;
  if (!ensure_folder (outdir, error))
    return FALSE;
  return render_all (pieces, size, error);
}

/* ------------------------------------------------------------------------ */
/* synthetic: invented collections of any size, for benchmarks and tests.   */

static const char *const syllables[] = {
  "val", "mor", "kes", "trin", "or", "lan", "bel", "dar", "ost", "vi", "na", "ra",
  "sel", "tor", "am", "ber", "gen", "lo", "cas", "mi", "ren", "ta", "hal", "dun",
};
static const char *const event_forms[] = {
  "Treaty of %s", "%s Uprising", "Siege of %s", "%s Accord", "Fall of %s",
  "%s General Strike", "%s Earthquake", "Founding of %s", "%s Election",
  "%s Expedition", "Battle of %s", "%s Conference", "%s Blockade", "Flight from %s",
  "%s Broadcast", "%s Airlift",
};
static const char *const regions[] = {
  "Europe", "Asia", "Africa", "North America", "South America", "Oceania", "Middle East",
};
static const char *const conflicts[] = {
  "None", "None", "None", "World War I", "World War II", "Cold War", "Decolonization",
  "Civil War", "Revolution",
};
static const char *const politics[] = {
  "Revolution", "Democracy", "Independence", "Diplomacy", "Civil Rights", "Dictatorship",
  "Reform", "Nationalism",
};
static const char *const types[] = {
  "Historical Event", "Battle", "Treaty", "Disaster", "Discovery", "Protest", "Election",
};
static const char *const artists[] = {
  "Stas Svetlov", "Ada Varga", "Tomas Lind", "Mina Okafor", "Jun Sato",
};
static const char *const words[] = {
  "the", "city", "council", "delegates", "river", "archive", "newspapers", "crowd",
  "government", "harbour", "treaty", "winter", "railway", "soldiers", "workers",
  "ministers", "border", "province", "march", "assembly", "radio", "signed", "gathered",
  "refused", "announced", "crossed", "returned", "elected", "after", "before", "during",
  "within", "weeks", "months", "thousands", "several", "new", "old", "northern",
  "southern", "of", "and", "in", "to", "a", "by", "from", "with", "for",
};

static char *
invent_place (Rng *rng)
{
  GString *name = g_string_new (NULL);
  int count = rng_int (rng, 2, 3);

  for (int i = 0; i < count; i++)
    g_string_append (name, syllables[rng_int (rng, 0, G_N_ELEMENTS (syllables) - 1)]);
  name->str[0] = g_ascii_toupper (name->str[0]);
  return g_string_free (name, FALSE);
}

static void
invent_sentence (GString *out,
                 Rng     *rng)
{
  int count = rng_int (rng, 8, 20);

  for (int i = 0; i < count; i++)
    {
      const char *word = words[rng_int (rng, 0, G_N_ELEMENTS (words) - 1)];

      if (i == 0)
        {
          g_string_append_c (out, g_ascii_toupper (word[0]));
          g_string_append (out, word + 1);
        }
      else
        {
          g_string_append_c (out, ' ');
          g_string_append (out, word);
        }
    }
  g_string_append_c (out, '.');
}

static void
json_append_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

static Piece *
synthetic_piece (guint       number,
                 guint       total,
                 const char *outdir,
                 double      text_kb,
                 GString    *json)
{
  Piece *piece = g_new0 (Piece, 1);
  g_autofree char *place = NULL;
  g_autofree char *event = NULL;
  g_autofree char *title = NULL;
  g_autofree char *image = NULL;
  gsize text_bytes = (gsize) MAX (0.0, text_kb * 1024);
  int paragraphs;
  int countries;
  Rng rng;

  rng_init (&rng, G_GUINT64_CONSTANT (0x5E7E71C) + number);
  place = invent_place (&rng);
  event = g_strdup_printf (event_forms[rng_int (&rng, 0, G_N_ELEMENTS (event_forms) - 1)], place);

  piece->number = number;
  piece->rank = number - 1;
  piece->total = total;
  piece->year = rng_int (&rng, 1900, 1999);
  piece->collection = g_strdup ("Synthetic");
  piece->title = g_strdup (event);
  piece->region = g_strdup (regions[rng_int (&rng, 0, G_N_ELEMENTS (regions) - 1)]);
  piece->conflict = g_strdup (conflicts[rng_int (&rng, 0, G_N_ELEMENTS (conflicts) - 1)]);
  image = g_strdup_printf ("images/%06u.jpg", number);
  piece->path = g_build_filename (outdir, image, NULL);

  if (json == NULL)
    return piece;

  title = g_strdup_printf ("%d - %s", piece->year, event);
  g_string_append (json, "    {\n      \"number\": ");
  g_string_append_printf (json, "%u,\n      \"title\": ", number);
  json_append_string (json, title);
  g_string_append (json, ",\n      \"about\": ");
  {
    g_autoptr(GString) about = g_string_new (NULL);

    invent_sentence (about, &rng);
    g_string_append_c (about, ' ');
    invent_sentence (about, &rng);
    json_append_string (json, about->str);
  }

  /* Paragraphs adding up to about text_kb kilobytes. */
  g_string_append (json, ",\n      \"text\": [");
  paragraphs = rng_int (&rng, 2, 4);
  for (int p = 0; p < paragraphs; p++)
    {
      g_autoptr(GString) paragraph = g_string_new (NULL);

      while (paragraph->len < text_bytes / paragraphs || paragraph->len == 0)
        {
          if (paragraph->len > 0)
            g_string_append_c (paragraph, ' ');
          invent_sentence (paragraph, &rng);
        }
      g_string_append (json, p == 0 ? "\n        " : ",\n        ");
      json_append_string (json, paragraph->str);
    }
  g_string_append (json, "\n      ],\n");

  g_string_append_printf (json,
                          "      \"year\": %d,\n"
                          "      \"decade\": \"%ds\",\n"
                          "      \"region\": ",
                          piece->year, piece->year / 10 * 10);
  json_append_string (json, piece->region);
  g_string_append (json, ",\n      \"countries\": [");
  countries = rng_int (&rng, 1, 3);
  for (int c = 0; c < countries; c++)
    {
      g_autofree char *country = invent_place (&rng);

      if (c > 0)
        g_string_append (json, ", ");
      json_append_string (json, country);
    }
  g_string_append (json, "],\n      \"politics\": ");
  json_append_string (json, politics[rng_int (&rng, 0, G_N_ELEMENTS (politics) - 1)]);
  g_string_append (json, ",\n      \"conflict\": ");
  json_append_string (json, piece->conflict);
  g_string_append (json, ",\n      \"type\": ");
  json_append_string (json, types[rng_int (&rng, 0, G_N_ELEMENTS (types) - 1)]);
  g_string_append_printf (json, ",\n      \"impact\": %d,\n      \"artist\": ",
                          rng_int (&rng, 1, 10));
  json_append_string (json, artists[rng_int (&rng, 0, G_N_ELEMENTS (artists) - 1)]);
  g_string_append (json, ",\n      \"group\": \"Synthetic\",\n");
  /* Prices with one to three decimals, from 0.05 to about 25 ETH. */
  switch (rng_int (&rng, 0, 2))
    {
    case 0:
      g_string_append_printf (json, "      \"price\": \"%d.%d ETH\",\n",
                              rng_int (&rng, 0, 24), rng_int (&rng, 1, 9));
      break;
    case 1:
      g_string_append_printf (json, "      \"price\": \"%d.%02d ETH\",\n",
                              rng_int (&rng, 0, 9), rng_int (&rng, 5, 99));
      break;
    default:
      g_string_append_printf (json, "      \"price\": \"%d.%03d ETH\",\n",
                              rng_int (&rng, 0, 3), rng_int (&rng, 1, 999));
      break;
    }
  g_string_append (json, "      \"image\": ");
  json_append_string (json, image);
  g_string_append (json, "\n    }");

  return piece;
}

static gboolean
write_all (GOutputStream  *out,
           GString        *text,
           const char     *path,
           GError        **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_output_stream_write_all (out, text->str, text->len, NULL, NULL, &local_error))
    {
      g_set_error (error, G_IO_ERROR, local_error->code,
                   "Cannot write the catalog “%s”: %s", path, local_error->message);
      return FALSE;
    }
  g_string_truncate (text, 0);
  return TRUE;
}

static gboolean
run_synthetic (guint        count,
               const char  *outdir,
               int          size,
               double       text_kb,
               gboolean     images,
               GError     **error)
{
  g_autofree char *path = g_build_filename (outdir, "catalog.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GPtrArray) pieces = g_ptr_array_new_with_free_func ((GDestroyNotify) piece_free);
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GError) local_error = NULL;

  if (!ensure_folder (outdir, error))
    return FALSE;

  /* Written as it is made, not held whole as vt_file_write_atomic()
   * would need: g_file_replace() writes beside the target and renames
   * it over on close. */
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, G_IO_ERROR, local_error->code,
                   "Cannot write the catalog “%s”: %s", path, local_error->message);
      return FALSE;
    }
  out = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (stream), 1 << 20);

  g_string_append_printf (json,
                          "{\n"
                          "  \"format\": \"vitrine-catalog\",\n"
                          "  \"version\": 1,\n"
                          "  \"collection\": { \"name\": \"Synthetic\", \"total\": %u, \"currency\": \"ETH\" },\n"
                          "  \"items\": [\n",
                          count);
  for (guint number = 1; number <= count; number++)
    {
      g_ptr_array_add (pieces, synthetic_piece (number, count, outdir, text_kb, json));
      g_string_append (json, number < count ? ",\n" : "\n");
      if (json->len > (1 << 20) && !write_all (out, json, path, error))
        return FALSE;
    }
  g_string_append (json, "  ]\n}\n");
  if (!write_all (out, json, path, error))
    return FALSE;

  if (!g_output_stream_close (out, NULL, &local_error))
    {
      g_set_error (error, G_IO_ERROR, local_error->code,
                   "Cannot write the catalog “%s”: %s", path, local_error->message);
      return FALSE;
    }

  if (!images)
    return TRUE;
  return render_all (pieces, size, error);
}

/* ------------------------------------------------------------------------ */

static const char summary[] =
  "Commands:\n"
  "  artwork CATALOG OUTDIR     render one poster per item of CATALOG into OUTDIR,\n"
  "                             at each item's \"image\" path (e.g. OUTDIR/images/056.jpg)\n"
  "  synthetic N OUTDIR         write OUTDIR/catalog.json with N invented pieces\n"
  "                             and their posters in OUTDIR/images/NNNNNN.jpg\n"
  "\n"
  "The posters are JPEG images, the same bytes on every run.";

static gboolean
parse_size (const char  *text,
            const char  *option,
            int         *size,
            GError     **error)
{
  guint64 value = 0;

  if (!g_ascii_string_to_unsigned (text, 10, MIN_SIZE, MAX_SIZE, &value, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "%s must be a whole number of pixels from %d to %d, not “%s”",
                   option, MIN_SIZE, MAX_SIZE, text);
      return FALSE;
    }
  *size = (int) value;
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *size_text = NULL;
  g_autofree char *image_size_text = NULL;
  double text_kb = 2.5;
  gboolean no_images = FALSE;
  GOptionEntry entries[] = {
    { "size", 0, 0, G_OPTION_ARG_STRING, &size_text,
      "artwork: pixels a side (default 2048)", "PIXELS" },
    { "image-size", 0, 0, G_OPTION_ARG_STRING, &image_size_text,
      "synthetic: pixels a side (default 2048)", "PIXELS" },
    { "text-kb", 0, 0, G_OPTION_ARG_DOUBLE, &text_kb,
      "synthetic: kilobytes of text per piece (default 2.5)", "KB" },
    { "no-images", 0, 0, G_OPTION_ARG_NONE, &no_images,
      "synthetic: write the catalog only", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const char *command;
  int size = 2048;
  gboolean ok;

  setlocale (LC_ALL, "");
  context = g_option_context_new ("artwork CATALOG OUTDIR | synthetic N OUTDIR");
  g_option_context_set_summary (context, "Renders the posters of Vitrine's sample collection.");
  g_option_context_set_description (context, summary);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("vt-make-sample: %s\nTry “vt-make-sample --help”.\n", error->message);
      return 2;
    }

  command = argc > 1 ? argv[1] : NULL;
  if (g_strcmp0 (command, "artwork") == 0 && argc == 4)
    {
      if (image_size_text != NULL || no_images || text_kb != 2.5)
        {
          g_printerr ("vt-make-sample: --image-size, --text-kb and --no-images apply to "
                      "“synthetic”; “artwork” takes --size\n");
          return 2;
        }
      if (size_text != NULL && !parse_size (size_text, "--size", &size, &error))
        {
          g_printerr ("vt-make-sample: %s\n", error->message);
          return 2;
        }
      ok = run_artwork (argv[2], argv[3], size, &error);
    }
  else if (g_strcmp0 (command, "synthetic") == 0 && argc == 4)
    {
      guint64 count = 0;

      if (size_text != NULL)
        {
          g_printerr ("vt-make-sample: “synthetic” takes --image-size, not --size\n");
          return 2;
        }
      if (!g_ascii_string_to_unsigned (argv[2], 10, 1, 10000000, &count, NULL))
        {
          g_printerr ("vt-make-sample: N must be a number of pieces from 1 to 10000000, "
                      "not “%s”\n", argv[2]);
          return 2;
        }
      if (image_size_text != NULL
          && !parse_size (image_size_text, "--image-size", &size, &error))
        {
          g_printerr ("vt-make-sample: %s\n", error->message);
          return 2;
        }
      if (!(text_kb >= 0 && text_kb <= 1024))
        {
          g_printerr ("vt-make-sample: --text-kb must be from 0 to 1024\n");
          return 2;
        }
      ok = run_synthetic ((guint) count, argv[3], size, text_kb, !no_images, &error);
    }
  else
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      if (command == NULL)
        g_printerr ("%s", help);
      else
        g_printerr ("vt-make-sample: expected “artwork CATALOG OUTDIR” or "
                    "“synthetic N OUTDIR”\nTry “vt-make-sample --help”.\n");
      return 2;
    }

  if (!ok)
    {
      g_printerr ("vt-make-sample: %s\n", error->message);
      return 1;
    }
  return 0;
}
