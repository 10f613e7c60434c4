/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Saving a catalog: its bytes written over the file's text, the backup of the file as loaded, the check for changes on disk, the write. */

#define G_LOG_DOMAIN "vitrine-catalog"

#include "config.h"

#include "vt-catalog.h"
#include "vt-catalog-private.h"
#include "vt-file.h"
#include "vt-item-private.h"
#include "vt-json-check.h"
#include "vt-json-splice.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * A save is a job made on the catalog's thread from immutable things:
 * the pieces and a copy of the rest of the catalog (SaveInput), the
 * path, and what the file was when the catalog read it. The job runs
 * there for vt_catalog_save() and in a worker thread for
 * vt_catalog_save_async(): it reads the file and makes the bytes over
 * its text (vt_catalog_to_data()), checks that the file is still what
 * was loaded, keeps it as "FILE~" at the first save after a load, and
 * writes the new bytes atomically (vt_file_write_atomic_vectors()).
 * Only when it succeeded does the catalog's thread take the result: the
 * new stamp, the file, and "modified" as of when the bytes were made, so
 * an edit made while a save runs stays unsaved.
 */

/* {{{ The bytes */

/* An element of "items" as saved: a piece, or an element that is not
 * one (skipped at load, kept in the root). */
typedef struct
{
  VtItem   *item;
  JsonNode *other;
} SavedElement;

/* Where a piece was written: its text's place in the new file. */
typedef struct
{
  VtItem *item;
  gsize   offset;
  gsize   length;
} WrittenPiece;

static void
written_piece_clear (gpointer data)
{
  g_object_unref (((WrittenPiece *) data)->item);
}

/* What a splice over the file's text reads and learns of the pieces:
 * VtJsonSpliceSpans' user data. */
typedef struct
{
  GArray *elements;  /* of SavedElement */
  guint   source;    /* the items' sources that point into the text read; 0: none */
  GArray *written;   /* of WrittenPiece, nullable */
} SpliceJob;

/* What a save makes its bytes from, taken on the catalog's thread, so
 * that the reading of the file and the splice can run in a worker that
 * touches nothing of the catalog's: the pieces (which never change; an
 * edit makes new ones) and copies of the rest. */
typedef struct
{
  GArray      *elements;  /* of SavedElement, each holding a reference */
  JsonNode    *root;      /* a copy of the root, "items" empty */
  GFile       *file;      /* the catalog's file, nullable */
  VtDiskStamp  stamp;     /* of that file, as loaded or last saved */
  guint        source;    /* the items' sources that point into that file's text */
} SaveInput;

static void
saved_element_clear (gpointer data)
{
  SavedElement *element = data;

  g_clear_object (&element->item);
  g_clear_pointer (&element->other, json_node_unref);
}

/* A tree of its own, sharing nothing with @node: not even the values,
 * whose reference counts json-glib does not keep across threads. */
static JsonNode *
copy_tree (JsonNode *node)
{
  JsonNode *copy = json_node_alloc ();

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(JsonObject) copied = json_object_new ();
        g_autoptr(GList) names = json_object_get_members (object);

        for (GList *l = names; l != NULL; l = l->next)
          json_object_set_member (copied, l->data, copy_tree (json_object_get_member (object, l->data)));
        return json_node_init_object (copy, copied);
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        g_autoptr(JsonArray) copied = json_array_sized_new (json_array_get_length (array));

        for (guint i = 0; i < json_array_get_length (array); i++)
          json_array_add_element (copied, copy_tree (json_array_get_element (array, i)));
        return json_node_init_array (copy, copied);
      }
    case JSON_NODE_NULL:
      return json_node_init_null (copy);
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          return json_node_init_int (copy, json_node_get_int (node));
        case G_TYPE_DOUBLE:
          return json_node_init_double (copy, json_node_get_double (node));
        case G_TYPE_BOOLEAN:
          return json_node_init_boolean (copy, json_node_get_boolean (node));
        default:
          return json_node_init_string (copy, json_node_get_string (node));
        }
    }
}

/* "items" as saved: the pieces in order, and the elements that are not
 * pieces back among them where they were, never dropped. */
static GArray *
saved_elements (VtCatalog *self)
{
  GArray *elements = g_array_sized_new (FALSE, FALSE, sizeof (SavedElement),
                                       vt_catalog_get_item_array (self)->len);
  GPtrArray *items = vt_catalog_get_item_array (self);
  JsonObject *collection;
  JsonObject *root = vt_catalog_ensure_root (self, &collection);
  JsonNode *old_items = json_object_get_member (root, "items");
  guint next_item = 0;

  if (old_items != NULL && JSON_NODE_HOLDS_ARRAY (old_items))
    {
      JsonArray *old = json_node_get_array (old_items);
      guint n_pieces = 0;

      for (guint i = 0; i < json_array_get_length (old); i++)
        {
          JsonNode *element = json_array_get_element (old, i);
          SavedElement other = { NULL, NULL };

          if (JSON_NODE_HOLDS_OBJECT (element))
            {
              n_pieces++;
              continue;
            }
          other.other = copy_tree (element);
          for (; next_item < MIN (n_pieces, items->len); next_item++)
            {
              SavedElement piece = { g_object_ref (g_ptr_array_index (items, next_item)), NULL };

              g_array_append_val (elements, piece);
            }
          g_array_append_val (elements, other);
        }
    }
  for (; next_item < items->len; next_item++)
    {
      SavedElement piece = { g_object_ref (g_ptr_array_index (items, next_item)), NULL };

      g_array_append_val (elements, piece);
    }

  g_array_set_clear_func (elements, saved_element_clear);
  return elements;
}

/* A VtJsonSpliceElementFunc over saved_elements(). */
static JsonNode *
get_saved_element (guint    index,
                   gpointer user_data)
{
  GArray *elements = user_data;
  SavedElement *element = &g_array_index (elements, SavedElement, index);
  JsonNode *node;

  if (element->item == NULL)
    return json_node_ref (element->other);

  node = json_node_init (json_node_alloc (), JSON_NODE_OBJECT);
  json_node_take_object (node, vt_item_dup_json (element->item));
  return node;
}

static JsonNode *
get_splice_element (guint    index,
                    gpointer user_data)
{
  return get_saved_element (index, ((SpliceJob *) user_data)->elements);
}

/* A piece whose text in the file read is known (it was read or written
 * there, and the file is that same text) is copied from it. */
static gboolean
splice_original (guint    index,
                 gsize   *offset,
                 gsize   *length,
                 gpointer user_data)
{
  SpliceJob *job = user_data;
  SavedElement *element = &g_array_index (job->elements, SavedElement, index);

  return element->item != NULL && vt_item_get_source (element->item, job->source, offset, length);
}

static void
splice_written (guint    index,
                gsize    offset,
                gsize    length,
                gpointer user_data)
{
  SpliceJob *job = user_data;
  SavedElement *element = &g_array_index (job->elements, SavedElement, index);
  WrittenPiece piece = { NULL, offset, length };

  if (job->written == NULL || element->item == NULL)
    return;
  piece.item = g_object_ref (element->item);
  g_array_append_val (job->written, piece);
}

static const VtJsonSpliceSpans splice_spans = { splice_original, splice_written };

/* The catalog's root as it is now, read from the file, with the
 * collection in place (members keep their positions, unknown ones
 * included) and "items" empty: a copy, which the catalog's own tree
 * never shares. */
static JsonNode *
copy_root (VtCatalog *self)
{
  g_autoptr(GList) names = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *collection;
  JsonObject *loaded = vt_catalog_ensure_root (self, &collection);
  JsonObject *root = json_object_new ();

  names = json_object_get_members (loaded);
  for (GList *l = names; l != NULL; l = l->next)
    json_object_set_member (root, l->data, json_node_copy (json_object_get_member (loaded, l->data)));
  if (collection != NULL)
    json_object_set_object_member (root, "collection", json_object_ref (collection));
  json_object_set_array_member (root, "items", json_array_new ());

  node = json_node_init (json_node_alloc (), JSON_NODE_OBJECT);
  json_node_take_object (node, root);
  return copy_tree (node);
}

/* @input's root with "items" filled from its elements. */
static JsonNode *
build_root (SaveInput *input)
{
  g_autoptr(GList) names = NULL;
  JsonObject *template = json_node_get_object (input->root);
  JsonObject *root = json_object_new ();
  JsonArray *items = json_array_new ();
  JsonNode *node;

  names = json_object_get_members (template);
  for (GList *l = names; l != NULL; l = l->next)
    json_object_set_member (root, l->data, json_node_copy (json_object_get_member (template, l->data)));
  for (guint i = 0; i < input->elements->len; i++)
    json_array_add_element (items, get_saved_element (i, input->elements));
  json_object_set_array_member (root, "items", items);

  node = json_node_init (json_node_alloc (), JSON_NODE_OBJECT);
  json_node_take_object (node, root);
  return node;
}

static SaveInput *
save_input_new (VtCatalog *self)
{
  SaveInput *input = g_new0 (SaveInput, 1);
  VtCatalogSaveState *state = vt_catalog_get_save_state (self);
  GFile *file = vt_catalog_get_file (self);

  input->elements = saved_elements (self);
  input->root = copy_root (self);
  input->file = file != NULL ? g_object_ref (file) : NULL;
  input->stamp = state->stamp;
  input->source = state->source;
  return input;
}

static void
save_input_free (SaveInput *input)
{
  g_array_unref (input->elements);
  json_node_unref (input->root);
  g_clear_object (&input->file);
  g_free (input);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveInput, save_input_free)

/* The text of the file the catalog was loaded from, as it is now; NULL
 * when it cannot be read. Read again rather than kept: a catalog would
 * otherwise hold its file's size in memory for a save that may never
 * come. */
static gboolean same_stat (const VtDiskStamp *a,
                           const VtDiskStamp *b);

/* @source is set to the catalog's source when the text read is the one
 * the items' sources point into: the file looked the same, by its
 * stamp, just before and just after it was read. @compare is set when
 * the bytes should also be compared with the stamp's hash: then the save
 * need not read the file again to know that nobody rewrote it. */
static GBytes *
read_loaded_file (SaveInput *input,
                  guint     *source,
                  gboolean  *compare)
{
  GFile *file = input->file;
  const VtDiskStamp *stamp = &input->stamp;
  const char *path;
  VtDiskStamp before, after;
  char *contents = NULL;
  gsize length = 0;

  *source = 0;
  *compare = FALSE;
  if (file == NULL)
    return NULL;
  path = g_file_peek_path (file);
  if (path == NULL)
    {
      if (!g_file_load_contents (file, NULL, &contents, &length, NULL, NULL))
        return NULL;
      return g_bytes_new_take (contents, length);
    }

  vt_disk_stamp_stat (&before, path);
  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;
  vt_disk_stamp_stat (&after, path);
  if (stamp->known && same_stat (stamp, &before) && same_stat (stamp, &after))
    {
      *source = input->source;
      *compare = stamp->hashed;
    }
  return g_bytes_new_take (contents, length);
}

/* The stamp's hash of bytes, taken in a thread of its own while the
 * caller splices or writes them: with a second core, a save's two
 * hashes of the whole file cost it no time. */
typedef struct
{
  GThread             *thread;
  const GOutputVector *vectors;
  guint                n_vectors;
  GOutputVector        one;
  VtDiskStamp          stamp;
} Hashing;

static gpointer
hashing_run (gpointer data)
{
  Hashing *hashing = data;

  vt_disk_stamp_hash_vectors (&hashing->stamp, hashing->vectors, hashing->n_vectors);
  return NULL;
}

/* @vectors (or, when NULL, @bytes) must stay as they are until
 * hashing_finish(). */
static Hashing *
hashing_start (const GOutputVector *vectors,
               guint                n_vectors,
               GBytes              *bytes)
{
  Hashing *hashing = g_new0 (Hashing, 1);

  if (vectors == NULL)
    {
      hashing->one.buffer = g_bytes_get_data (bytes, &hashing->one.size);
      vectors = &hashing->one;
      n_vectors = 1;
    }
  hashing->vectors = vectors;
  hashing->n_vectors = n_vectors;
  hashing->thread = g_thread_try_new ("vitrine-hash", hashing_run, hashing, NULL);
  if (hashing->thread == NULL)
    hashing_run (hashing);
  return hashing;
}

/* Sets @stamp's hash, and frees @hashing. */
static void
hashing_finish (Hashing     *hashing,
                VtDiskStamp *stamp)
{
  if (hashing->thread != NULL)
    g_thread_join (hashing->thread);
  memcpy (stamp->hash, hashing->stamp.hash, sizeof stamp->hash);
  stamp->hashed = TRUE;
  g_free (hashing);
}

/*
 * A catalog loaded from a file is written over that file's text
 * (vt_json_splice()): what did not change keeps its bytes, numbers as
 * written and formatting included, so an edit changes only its own
 * lines. Without the file (a new catalog, or the file gone or no
 * longer JSON) it is written afresh, as Vitrine formats catalogs.
 */
/* vt_catalog_to_data() as a VtJsonText, which may point into
 * *@original (the file's text, kept for it); where each piece was
 * written in it when @written is given: an array of WrittenPiece, for
 * the items' sources once the bytes are on the disk; and (@unchanged)
 * whether the file read is byte for byte the one loaded or last saved
 * (read_loaded_file()). */
static VtJsonText *
catalog_to_text (SaveInput  *input,
                 GBytes    **original,
                 GArray    **written,
                 gboolean   *unchanged)
{
  g_autoptr(JsonNode) node = NULL;
  GArray *elements = input->elements;
  VtJsonText *text = NULL;
  SpliceJob job = { NULL, };
  Hashing *hashing = NULL;
  gboolean compare;
  GString *out;

  if (unchanged != NULL)
    *unchanged = FALSE;
  *original = read_loaded_file (input, &job.source, &compare);
  if (compare && unchanged != NULL)
    hashing = hashing_start (NULL, 0, *original);
  if (*original != NULL)
    {
      gsize original_length;
      const char *data = g_bytes_get_data (*original, &original_length);

      job.elements = elements;
      if (written != NULL)
        {
          job.written = g_array_sized_new (FALSE, FALSE, sizeof (WrittenPiece), elements->len);
          g_array_set_clear_func (job.written, written_piece_clear);
        }
      /* One piece's tree at a time, and none for a piece that is still
       * the text it was read from: the save holds little beyond the
       * file's text and the pieces that changed. */
      text = vt_json_splice_full (data != NULL ? data : "", original_length, input->root,
                                  "items", elements->len, get_splice_element, &splice_spans, &job);
      if (text != NULL && written != NULL)
        *written = g_steal_pointer (&job.written);
      g_clear_pointer (&job.written, g_array_unref);
    }
  if (hashing != NULL)
    {
      VtDiskStamp now = { 0, };

      hashing_finish (hashing, &now);
      *unchanged = memcmp (now.hash, input->stamp.hash, sizeof now.hash) == 0;
    }
  if (text != NULL)
    return text;

  g_clear_pointer (original, g_bytes_unref);
  node = build_root (input);
  out = vt_json_write (node);
  g_string_append_c (out, '\n');
  return vt_json_text_new_take (out);
}

char *
vt_catalog_to_data (VtCatalog *self,
                    gsize     *length)
{
  g_autoptr(SaveInput) input = NULL;
  g_autoptr(GBytes) original = NULL;
  VtJsonText *text;
  GString *out;

  g_return_val_if_fail (VT_IS_CATALOG (self), NULL);

  input = save_input_new (self);
  text = catalog_to_text (input, &original, NULL, NULL);
  out = vt_json_text_free_to_string (text);
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

/* }}} */
/* {{{ Stamps */

guint
vt_catalog_new_source (void)
{
  static gint last = 0;
  guint source;

  /* 0 means none: skipped when the count comes round. */
  while ((source = (guint) g_atomic_int_add (&last, 1) + 1) == 0)
    ;
  return source;
}

void
vt_disk_stamp_stat (VtDiskStamp *stamp,
                    const char  *path)
{
  GStatBuf st;

  memset (stamp, 0, sizeof *stamp);
  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    return;

  stamp->known = TRUE;
  stamp->device = st.st_dev;
  stamp->inode = st.st_ino;
  stamp->size = st.st_size;
  stamp->mtime_sec = st.st_mtim.tv_sec;
  stamp->mtime_nsec = st.st_mtim.tv_nsec;
}

/*
 * The hash only tells a file another program rewrote with the same size
 * within the file system's time resolution from the one read: it defends
 * against accidents, not against anyone, and is taken at every load and
 * save of files of hundreds of megabytes. So it is not a cryptographic
 * digest (MD5 took 48 ms for 30 MB here) but four interleaved 64-bit
 * multiply-rotate chains over 8-byte words, which the processor runs side
 * by side: 4.3 ms for 30 MB here, against 6.6 ms with two chains.
 */
#define N_LANES 4

G_STATIC_ASSERT (sizeof ((VtDiskStamp *) NULL)->hash == 2 * sizeof (guint64));

static inline guint64
mix (guint64 hash,
     guint64 word)
{
  hash ^= word;
  hash *= G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  return (hash << 31) | (hash >> 33);
}

/* The hash of bytes that may come in several spans: the same as of
 * the spans' bytes in one. */
typedef struct
{
  guint64 lanes[N_LANES];
  guint8  block[N_LANES * sizeof (guint64)];
  gsize   buffered;
  guint64 length;
} Hasher;

static void
hasher_init (Hasher *h)
{
  static const guint64 seeds[N_LANES] = {
    G_GUINT64_CONSTANT (0x243f6a8885a308d3), G_GUINT64_CONSTANT (0x13198a2e03707344),
    G_GUINT64_CONSTANT (0xa4093822299f31d0), G_GUINT64_CONSTANT (0x082efa98ec4e6c89),
  };

  memcpy (h->lanes, seeds, sizeof seeds);
  h->buffered = 0;
  h->length = 0;
}

static inline void
hasher_block (Hasher       *h,
              const guint8 *bytes)
{
  guint64 words[N_LANES];

  memcpy (words, bytes, sizeof words);
  for (guint k = 0; k < N_LANES; k++)
    h->lanes[k] = mix (h->lanes[k], words[k]);
}

static void
hasher_update (Hasher     *h,
               const void *data,
               gsize       length)
{
  const guint8 *bytes = data;

  h->length += length;
  if (h->buffered > 0)
    {
      gsize n = MIN (length, sizeof h->block - h->buffered);

      memcpy (h->block + h->buffered, bytes, n);
      h->buffered += n;
      bytes += n;
      length -= n;
      if (h->buffered < sizeof h->block)
        return;
      hasher_block (h, h->block);
      h->buffered = 0;
    }
  for (; length >= sizeof h->block; bytes += sizeof h->block, length -= sizeof h->block)
    hasher_block (h, bytes);
  memcpy (h->block, bytes, length);
  h->buffered = length;
}

static void
hasher_finish (Hasher      *h,
               VtDiskStamp *stamp)
{
  guint64 folded[2];

  /* The last bytes, zero-padded to a block, and the length. */
  memset (h->block + h->buffered, 0, sizeof h->block - h->buffered);
  hasher_block (h, h->block);
  folded[0] = mix (h->lanes[0] ^ mix (h->lanes[2], h->length), h->lanes[1]);
  folded[1] = mix (h->lanes[1] ^ mix (h->lanes[3], ~h->length), h->lanes[0]);

  memcpy (stamp->hash, folded, sizeof folded);
  stamp->hashed = TRUE;
}

void
vt_disk_stamp_hash (VtDiskStamp *stamp,
                    const void  *data,
                    gsize        length)
{
  Hasher h;

  hasher_init (&h);
  hasher_update (&h, data, length);
  hasher_finish (&h, stamp);
}

void
vt_disk_stamp_hash_vectors (VtDiskStamp         *stamp,
                            const GOutputVector *vectors,
                            guint                n_vectors)
{
  Hasher h;

  hasher_init (&h);
  for (guint i = 0; i < n_vectors; i++)
    hasher_update (&h, vectors[i].buffer, vectors[i].size);
  hasher_finish (&h, stamp);
}

static gboolean
same_stat (const VtDiskStamp *a,
           const VtDiskStamp *b)
{
  return a->known == b->known
         && a->device == b->device
         && a->inode == b->inode
         && a->size == b->size
         && a->mtime_sec == b->mtime_sec
         && a->mtime_nsec == b->mtime_nsec;
}

/* Whether the file at @path is no longer what @loaded says: another
 * size, time or file, or (for the same) other bytes. */
static gboolean
changed_on_disk (const VtDiskStamp *loaded,
                 const char        *path,
                 gboolean           compare_bytes)
{
  VtDiskStamp now;
  g_autofree char *contents = NULL;
  gsize length;

  vt_disk_stamp_stat (&now, path);
  if (!same_stat (loaded, &now))
    return TRUE;
  if (!compare_bytes || !loaded->hashed)
    return FALSE;

  /* A write within the file system's time resolution that kept the size. */
  if (!g_file_get_contents (path, &contents, &length, NULL))
    return TRUE;
  vt_disk_stamp_hash (&now, contents, length);
  return memcmp (now.hash, loaded->hash, sizeof now.hash) != 0;
}

gboolean
vt_catalog_get_changed_on_disk (VtCatalog *self)
{
  VtCatalogSaveState *state;
  GFile *file;

  g_return_val_if_fail (VT_IS_CATALOG (self), FALSE);

  state = vt_catalog_get_save_state (self);
  file = vt_catalog_get_file (self);
  if (file == NULL || g_file_peek_path (file) == NULL || !state->stamp.known)
    return FALSE;
  return changed_on_disk (&state->stamp, g_file_peek_path (file), FALSE);
}

/* }}} */
/* {{{ The job */

typedef struct
{
  char        *path;
  SaveInput   *input;          /* what the bytes are made of, in the job */
  gboolean     check;          /* the catalog's own file, as loaded */
  gboolean     keep_backup;
  VtDiskStamp  loaded;
  guint        serial;         /* of the edits the data holds */
  guint        n_loads;
  GFile       *file;
  GArray      *pieces;         /* WrittenPiece, nullable: where each piece lands */
  VtCatalogMove *move;         /* nullable: saved into another folder */

  VtDiskStamp  written;        /* result */
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_free (job->path);
  g_clear_pointer (&job->input, save_input_free);
  g_clear_object (&job->file);
  g_clear_pointer (&job->pieces, g_array_unref);
  g_clear_pointer (&job->move, vt_catalog_move_free);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveJob, save_job_free)

static SaveJob *
save_job_new (VtCatalog    *self,
              GFile        *file,
              VtSaveFlags   flags,
              GError      **error)
{
  g_autoptr(SaveJob) job = g_new0 (SaveJob, 1);
  g_autoptr(GFile) folder = NULL;
  VtCatalogSaveState *state = vt_catalog_get_save_state (self);
  GFile *own = vt_catalog_get_file (self);

  if (g_file_peek_path (file) == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_WRITE,
                   _("Cannot save %s: only local files can be saved"), name);
      return NULL;
    }
  if (state->saving)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PENDING,
                   _("Cannot save %s: the catalog is being saved already"), name);
      return NULL;
    }

  job->input = save_input_new (self);
  job->path = g_strdup (g_file_peek_path (file));
  job->file = g_object_ref (file);
  job->serial = vt_catalog_history_get_serial (self);
  job->n_loads = state->n_loads;
  folder = g_file_get_parent (file);
  job->move = vt_catalog_move_new (self, folder);
  if (own != NULL && g_file_equal (own, file))
    {
      job->check = state->stamp.known && !(flags & VT_SAVE_OVERWRITE);
      job->keep_backup = state->keep_backup;
      job->loaded = state->stamp;
    }
  return g_steal_pointer (&job);
}

/* "PATH~": the file as it was, the same bytes under a second name, made
 * by a hard link renamed into place (vt_file_link_atomic()); where the
 * file system has no hard links, a copy written atomically. Either way
 * an old "PATH~" is replaced whole or not at all. */
static gboolean
keep_backup (const char  *path,
             GError     **error)
{
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;
  gsize length;

  /* Nothing to keep; a folder in the way is for the write to report. */
  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    return TRUE;

  if (vt_file_link_atomic (path, backup, NULL))
    return TRUE;

  if (!g_file_get_contents (path, &contents, &length, &local_error)
      || !vt_file_write_atomic (backup, contents, length, (int) (st.st_mode & 07777),
                                VT_FILE_WRITE_NONE, &local_error))
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_WRITE,
                   _("Cannot save %s: the copy of the file as it was could not be kept (%s)"),
                   name, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* Any thread: touches nothing but @job. */
static gboolean
save_job_run (SaveJob  *job,
              GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(VtJsonText) text = NULL;
  const GOutputVector *vectors;
  guint n_vectors;
  gboolean unchanged;
  Hashing *hashing;

  text = catalog_to_text (job->input, &original, &job->pieces, &unchanged);
  /* The bytes were compared as they were read for the splice: then only
   * the file's stamp is looked at again. */
  if (job->check && changed_on_disk (&job->loaded, job->path, !unchanged))
    {
      g_autofree char *name = g_filename_display_name (job->path);

      g_set_error (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_CHANGED_ON_DISK,
                   _("Cannot save %s: another program changed the file since it was opened; "
                     "saving would lose those changes"), name);
      return FALSE;
    }

  if (job->keep_backup && !keep_backup (job->path, error))
    return FALSE;

  vectors = vt_json_text_get_vectors (text, &n_vectors);
  hashing = hashing_start (vectors, n_vectors, NULL);
  if (!vt_file_write_atomic_vectors (job->path, vectors, n_vectors, 0644, VT_FILE_WRITE_NONE,
                                     &local_error))
    {
      hashing_finish (hashing, &job->written);
      g_set_error_literal (error, VT_CATALOG_ERROR, VT_CATALOG_ERROR_WRITE, local_error->message);
      return FALSE;
    }

  vt_disk_stamp_stat (&job->written, job->path);
  hashing_finish (hashing, &job->written);
  if (job->move != NULL)
    vt_catalog_move_run (job->move);
  return TRUE;
}

/* On the catalog's thread, after the job succeeded. */
static void
save_job_apply (VtCatalog *self,
                SaveJob   *job)
{
  VtCatalogSaveState *state = vt_catalog_get_save_state (self);

  /* The catalog holds another file's pieces now: the file saved is not
   * what it shows, nor what it would save. */
  if (state->n_loads != job->n_loads)
    return;

  state->stamp = job->written;
  /* The pieces' text is where this save wrote it: the next save copies
   * what is unchanged from there. An item given no place keeps its old
   * source, which names another text and so is never used. */
  state->source = 0;
  if (job->pieces != NULL && job->written.known)
    {
      state->source = vt_catalog_new_source ();
      for (guint i = 0; i < job->pieces->len; i++)
        {
          WrittenPiece *piece = &g_array_index (job->pieces, WrittenPiece, i);

          vt_item_set_source (piece->item, state->source, piece->offset, piece->length);
        }
    }
  /* Saved as another file, the catalog is that file now (Save As); the
   * file as it was loaded is not this one, so there is none to keep. */
  state->keep_backup = FALSE;
  vt_catalog_set_file (self, job->file);
  if (job->move != NULL)
    vt_catalog_move_apply (self, job->move);
  vt_catalog_history_mark_saved (self, job->serial);
}

/* }}} */
/* {{{ Saving */

gboolean
vt_catalog_save_full (VtCatalog    *self,
                      GFile        *file,
                      VtSaveFlags   flags,
                      GError      **error)
{
  g_autoptr(SaveJob) job = NULL;

  g_return_val_if_fail (VT_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  job = save_job_new (self, file, flags, error);
  if (job == NULL || !save_job_run (job, error))
    return FALSE;
  save_job_apply (self, job);
  return TRUE;
}

gboolean
vt_catalog_save (VtCatalog  *self,
                 GFile      *file,
                 GError    **error)
{
  return vt_catalog_save_full (self, file, VT_SAVE_NONE, error);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (save_job_run (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
save_thread_done_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  VtCatalog *self = VT_CATALOG (object);
  g_autoptr(GTask) outer = user_data;
  g_autoptr(GError) error = NULL;

  vt_catalog_get_save_state (self)->saving = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }
  save_job_apply (self, g_task_get_task_data (G_TASK (result)));
  g_task_return_boolean (outer, TRUE);
}

void
vt_catalog_save_async (VtCatalog           *self,
                       GFile               *file,
                       VtSaveFlags          flags,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) inner = NULL;
  GError *error = NULL;
  SaveJob *job;

  g_return_if_fail (VT_IS_CATALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, vt_catalog_save_async);
  /* A save that was written is reported as done, cancelled or not. */
  g_task_set_check_cancellable (outer, FALSE);

  job = save_job_new (self, file, flags, &error);
  if (job == NULL)
    {
      g_task_return_error (outer, error);
      return;
    }

  /* Cancelled before the worker starts, nothing is written; once begun,
   * a write runs to its end, so the user knows what is on the disk. */
  inner = g_task_new (self, cancellable, save_thread_done_cb, g_object_ref (outer));
  g_task_set_check_cancellable (inner, FALSE);
  g_task_set_source_tag (inner, save_thread);
  g_task_set_task_data (inner, job, (GDestroyNotify) save_job_free);
  vt_catalog_get_save_state (self)->saving = TRUE;
  g_task_run_in_thread (inner, save_thread);
}

gboolean
vt_catalog_save_finish (VtCatalog     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (VT_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == vt_catalog_save_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* }}} */
