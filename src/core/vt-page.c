/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reads a published piece page (Title:, About:, paragraphs, Key: Value) into a catalog item. */

#define G_LOG_DOMAIN "vitrine-page"

#include "config.h"

#include "vt-page.h"

#include "vt-field.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/*
 * A page, as published, reads:
 *
 *   top of page
 *   1956 - Hungarian Revolution          (the bare title, boilerplate)
 *   Title: 1956 - Hungarian Revolution
 *   About: One paragraph.
 *   Paragraph of history.                (paragraphs split by blank lines)
 *   Decade: 1950s                        (Key: Value attributes)
 *   ...
 *   bottom of page
 *
 * The text runs from the paragraph after About to the first line that
 * starts with a known attribute key; from there on every line is an
 * attribute, its value on the same line or on the next non-blank one.
 * Lines are trimmed of every kind of space, CRLF and a BOM are accepted.
 */

/* A page is a few kilobytes; anything this big is not one. */
#define MAX_PAGE_SIZE (4 * 1024 * 1024)
/* Keys are short words ("Decade", "Edition size"). */
#define MAX_KEY_LENGTH 40

typedef enum
{
  STATE_HEAD,         /* before Title: */
  STATE_AFTER_TITLE,  /* between Title: and About: */
  STATE_ABOUT,        /* in the About paragraph */
  STATE_TEXT,         /* paragraphs of history */
  STATE_ATTRIBUTES,   /* Key: Value lines */
} State;

typedef struct
{
  char  *key;         /* as written, trimmed */
  char  *member;      /* lower-cased, spaces to underscores */
  char  *value;
  guint  line;
} Extra;

typedef struct
{
  const char *filename;

  State       state;
  guint       line;           /* of the line being read, from 1 */

  /* A key line without its value: the value is the next non-blank line.
   * The field is NULL for a key the catalog does not know. */
  const VtFieldInfo *pending_field;
  char       *pending_key;
  guint       pending_line;

  /* Of the fields a page key gives (see vt-field.c). */
  char       *values[VT_N_FIELDS];
  guint       lines[VT_N_FIELDS];   /* where each field was given, 0: not yet */
  GPtrArray  *text;              /* paragraphs */
  GString    *paragraph;         /* the paragraph being read */
  GPtrArray  *extras;            /* Extra, in page order */
  GHashTable *extra_members;     /* member name -> Extra: a page may have many keys */
  GArray     *head_lines;        /* line numbers of unknown lines before Title: */
  GPtrArray  *head_texts;
} Parser;

G_DEFINE_QUARK (vt-page-error-quark, vt_page_error)

static void
extra_free (gpointer data)
{
  Extra *extra = data;

  g_free (extra->key);
  g_free (extra->member);
  g_free (extra->value);
  g_free (extra);
}

static void
parser_init (Parser     *parser,
             const char *filename)
{
  memset (parser, 0, sizeof *parser);
  parser->filename = filename;
  parser->state = STATE_HEAD;
  parser->text = g_ptr_array_new_with_free_func (g_free);
  parser->paragraph = g_string_new (NULL);
  parser->extras = g_ptr_array_new_with_free_func (extra_free);
  parser->extra_members = g_hash_table_new (g_str_hash, g_str_equal);
  parser->head_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  parser->head_texts = g_ptr_array_new_with_free_func (g_free);
}

static void
parser_clear (Parser *parser)
{
  for (guint i = 0; i < VT_N_FIELDS; i++)
    g_free (parser->values[i]);
  g_free (parser->pending_key);
  g_ptr_array_unref (parser->text);
  g_string_free (parser->paragraph, TRUE);
  g_hash_table_unref (parser->extra_members);
  g_ptr_array_unref (parser->extras);
  g_array_unref (parser->head_lines);
  g_ptr_array_unref (parser->head_texts);
}

static gboolean
is_space (gunichar c)
{
  /* g_unichar_isspace() covers the no-break and other Unicode spaces;
   * a BOM or zero-width space left in the middle of a file is no text
   * either. */
  return g_unichar_isspace (c) || c == 0xFEFF || c == 0x200B;
}

/* Trims every kind of space at both ends; @text is valid UTF-8. */
static char *
trim_dup (const char *text,
          gsize       length)
{
  const char *start = text;
  const char *end = text + length;

  while (start < end && is_space (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *prev = g_utf8_find_prev_char (start, end);

      if (prev == NULL || !is_space (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  return g_strndup (start, end - start);
}

static gboolean
is_boilerplate (const char *line)
{
  return g_ascii_strcasecmp (line, "top of page") == 0
         || g_ascii_strcasecmp (line, "bottom of page") == 0;
}

static gboolean
is_bare_title (Parser     *parser,
               const char *line)
{
  return parser->values[VT_FIELD_TITLE] != NULL
         && strcmp (line, parser->values[VT_FIELD_TITLE]) == 0;
}

/*
 * Splits "Key: value" into the key (trimmed, as written) and the value
 * (trimmed, maybe empty). A key starts with a letter and holds letters,
 * digits, spaces, '-' and '_'; the colon is followed by a space or ends
 * the line, so "5:20 a.m." in a paragraph is no key.
 */
static gboolean
split_key_line (const char  *line,
                char       **key,
                const char **value)
{
  const char *p = line;
  const char *colon;
  guint n_chars = 0;

  if (!g_unichar_isalpha (g_utf8_get_char (p)))
    return FALSE;
  while (*p != '\0' && *p != ':')
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalnum (c) && c != ' ' && c != '-' && c != '_')
        return FALSE;
      if (++n_chars > MAX_KEY_LENGTH)
        return FALSE;
      p = g_utf8_next_char (p);
    }
  if (*p != ':')
    return FALSE;
  colon = p;
  p++;
  if (*p != '\0' && !is_space (g_utf8_get_char (p)))
    return FALSE;

  *key = trim_dup (line, colon - line);
  *value = p;
  while (**value != '\0' && is_space (g_utf8_get_char (*value)))
    *value = g_utf8_next_char (*value);
  return TRUE;
}

/* "Edition Size" → "edition_size". */
static char *
member_name_for_key (const char *key)
{
  g_autofree char *lower = g_utf8_strdown (key, -1);
  GString *member = g_string_new (NULL);

  for (const char *p = lower; *p != '\0'; p++)
    {
      if (*p == ' ')
        {
          if (member->len > 0 && member->str[member->len - 1] != '_')
            g_string_append_c (member, '_');
        }
      else
        g_string_append_c (member, *p);
    }
  return g_string_free (member, FALSE);
}

static void G_GNUC_PRINTF (4, 5)
set_syntax_error (Parser      *parser,
                  GError     **error,
                  guint        line,
                  const char  *format,
                  ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, VT_PAGE_ERROR, VT_PAGE_ERROR_SYNTAX,
               "%s:%u: %s", parser->filename, line, message);
}

static void
finish_paragraph (Parser *parser)
{
  if (parser->paragraph->len == 0)
    return;

  if (parser->state == STATE_ABOUT)
    {
      parser->values[VT_FIELD_ABOUT] = g_strdup (parser->paragraph->str);
      parser->state = STATE_TEXT;
    }
  else
    g_ptr_array_add (parser->text, g_strdup (parser->paragraph->str));
  g_string_truncate (parser->paragraph, 0);
}

static void
append_to_paragraph (Parser     *parser,
                     const char *line)
{
  /* Lines of one paragraph join with a space: a paragraph is never split. */
  if (parser->paragraph->len > 0)
    g_string_append_c (parser->paragraph, ' ');
  g_string_append (parser->paragraph, line);
}

/* Records @value (not empty) for the known @field given as @key on @line. */
static gboolean
set_field (Parser      *parser,
           VtField      field,
           const char  *key,
           const char  *value,
           guint        line,
           GError     **error)
{
  if (parser->lines[field] != 0)
    {
      set_syntax_error (parser, error, line, _("%s: given a second time (first on line %u)"),
                        key, parser->lines[field]);
      return FALSE;
    }
  parser->lines[field] = line;

  if (field == VT_FIELD_ABOUT)
    {
      /* The About paragraph may run over several lines. */
      parser->state = STATE_ABOUT;
      g_string_assign (parser->paragraph, value);
      return TRUE;
    }

  parser->values[field] = g_strdup (value);
  if (field == VT_FIELD_TITLE)
    {
      if (parser->state == STATE_HEAD)
        parser->state = STATE_AFTER_TITLE;
    }
  else
    parser->state = STATE_ATTRIBUTES;
  return TRUE;
}

static gboolean
add_extra (Parser      *parser,
           const char  *key,
           const char  *value,
           guint        line,
           GError     **error)
{
  g_autofree char *member = member_name_for_key (key);
  const VtFieldInfo *info;
  Extra *extra, *other;

  /* Members of the catalog format that a page cannot set by a key of
   * the same name: they are built from other lines, or set on import. */
  info = vt_field_lookup_member (member);
  if (info != NULL && info->page_keys[0] == NULL)
    {
      set_syntax_error (parser, error, line,
                        _("%s: is not read from pages (the catalog sets it)"), key);
      return FALSE;
    }

  other = g_hash_table_lookup (parser->extra_members, member);
  if (other != NULL)
    {
      set_syntax_error (parser, error, line, _("%s: given a second time (first on line %u)"),
                        key, other->line);
      return FALSE;
    }

  extra = g_new0 (Extra, 1);
  extra->key = g_strdup (key);
  extra->member = g_steal_pointer (&member);
  extra->value = g_strdup (value);
  extra->line = line;
  g_ptr_array_add (parser->extras, extra);
  g_hash_table_insert (parser->extra_members, extra->member, extra);
  return TRUE;
}

/* A "Key: value" line, or a "Key:" line followed by its value. */
static gboolean
take_attribute (Parser             *parser,
                const VtFieldInfo  *field,
                const char         *key,
                const char         *value,
                guint               line,
                GError            **error)
{
  if (field == NULL)
    return add_extra (parser, key, value, line, error);
  return set_field (parser, field->field, key, value, line, error);
}

static gboolean
read_line (Parser      *parser,
           const char  *line,
           GError     **error)
{
  g_autofree char *key = NULL;
  const char *value = NULL;
  const VtFieldInfo *field = NULL;
  gboolean is_key;

  if (*line == '\0')
    {
      if (parser->state == STATE_ABOUT || parser->state == STATE_TEXT)
        finish_paragraph (parser);
      return TRUE;
    }

  is_key = split_key_line (line, &key, &value);
  if (is_key)
    field = vt_field_lookup_page_key (key);

  /* The value of a key given alone on its line. */
  if (parser->pending_key != NULL)
    {
      g_autofree char *pending_key = g_steal_pointer (&parser->pending_key);

      if (is_key && field != NULL)
        {
          set_syntax_error (parser, error, parser->pending_line,
                            _("%s: has no value"), pending_key);
          return FALSE;
        }
      return take_attribute (parser, parser->pending_field, pending_key,
                             line, parser->line, error);
    }

  if (is_boilerplate (line))
    {
      if (parser->state == STATE_ABOUT || parser->state == STATE_TEXT)
        finish_paragraph (parser);
      return TRUE;
    }

  /* Known keys end the text wherever they come; in the attributes,
   * unknown keys are attributes too. */
  if (is_key && (field != NULL || parser->state == STATE_ATTRIBUTES))
    {
      if (parser->state == STATE_ABOUT || parser->state == STATE_TEXT)
        finish_paragraph (parser);
      if (*value == '\0')
        {
          parser->pending_field = field;
          parser->pending_key = g_steal_pointer (&key);
          parser->pending_line = parser->line;
          return TRUE;
        }
      return take_attribute (parser, field, key, value, parser->line, error);
    }

  switch (parser->state)
    {
    case STATE_HEAD:
      /* Checked against the title once it is known. */
      g_array_append_val (parser->head_lines, parser->line);
      g_ptr_array_add (parser->head_texts, g_strdup (line));
      return TRUE;

    case STATE_AFTER_TITLE:
      if (is_bare_title (parser, line))
        return TRUE;
      /* No About: the paragraphs are the text. */
      parser->state = STATE_TEXT;
      append_to_paragraph (parser, line);
      return TRUE;

    case STATE_ABOUT:
    case STATE_TEXT:
      if (parser->paragraph->len == 0 && is_bare_title (parser, line))
        return TRUE;
      append_to_paragraph (parser, line);
      return TRUE;

    case STATE_ATTRIBUTES:
      if (is_bare_title (parser, line))
        return TRUE;
      set_syntax_error (parser, error, parser->line,
                        _("“%s” is not a “Key: Value” line"), line);
      return FALSE;

    default:
      g_assert_not_reached ();
    }
}

static gboolean
finish (Parser      *parser,
        GError     **error)
{
  if (parser->pending_key != NULL)
    {
      set_syntax_error (parser, error, parser->pending_line,
                        _("%s: has no value"), parser->pending_key);
      return FALSE;
    }
  if (parser->state == STATE_ABOUT || parser->state == STATE_TEXT)
    finish_paragraph (parser);
  if (parser->lines[VT_FIELD_ABOUT] != 0 && parser->values[VT_FIELD_ABOUT] == NULL)
    {
      set_syntax_error (parser, error, parser->lines[VT_FIELD_ABOUT],
                        _("%s: has no value"), vt_field_get_info (VT_FIELD_ABOUT)->page_keys[0]);
      return FALSE;
    }

  if (parser->values[VT_FIELD_TITLE] == NULL)
    {
      g_set_error (error, VT_PAGE_ERROR, VT_PAGE_ERROR_MISSING,
                   _("%s: no “Title:” line; every page needs a title"),
                   parser->filename);
      return FALSE;
    }

  for (guint i = 0; i < parser->head_texts->len; i++)
    {
      const char *text = g_ptr_array_index (parser->head_texts, i);

      if (!is_bare_title (parser, text))
        {
          set_syntax_error (parser, error, g_array_index (parser->head_lines, guint, i),
                            _("“%s” before the “Title:” line is neither the title nor an attribute"),
                            text);
          return FALSE;
        }
    }
  return TRUE;
}

static void
set_value_error (Parser      *parser,
                 GError     **error,
                 VtField      field,
                 const char  *what)
{
  g_autofree char *message = g_strdup_printf (what, parser->values[field]);

  set_syntax_error (parser, error, parser->lines[field], "%s: %s",
                    vt_field_get_info (field)->page_keys[0], message);
}

static gboolean
parse_integer (const char *text,
               gint64      min,
               gint64      max,
               gint64     *out)
{
  return g_ascii_string_to_signed (text, 10, min, max, out, NULL);
}

/* "0.7 ETH", "1,250.5 USD", "3": an amount of digits with an optional
 * point and grouping commas, then optionally a currency of letters. */
static gboolean
split_price (const char  *text,
             char       **currency)
{
  const char *p = text;
  gboolean digits = FALSE;
  gboolean point = FALSE;

  for (; *p != '\0' && !is_space (g_utf8_get_char (p)); p++)
    {
      if (g_ascii_isdigit (*p))
        digits = TRUE;
      else if (*p == '.' && !point)
        point = TRUE;
      else if (*p == ',' && !point && digits)
        continue;
      else
        return FALSE;
    }
  if (!digits)
    return FALSE;

  while (*p != '\0' && is_space (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  if (*p == '\0')
    {
      *currency = NULL;
      return TRUE;
    }
  for (const char *c = p; *c != '\0'; c = g_utf8_next_char (c))
    if (!g_unichar_isalpha (g_utf8_get_char (c)))
      return FALSE;
  *currency = g_strdup (p);
  return TRUE;
}

static JsonObject *
build_object (Parser      *parser,
              VtPageInfo  *info,
              GError     **error)
{
  g_autoptr(JsonObject) object = json_object_new ();
  gint64 number = 0, total = 0, year = 0, impact = 0;
  g_autofree char *currency = NULL;
  g_auto(GStrv) countries = NULL;

  /* Check every value first, in the order of the page. */
  if (parser->values[VT_FIELD_NUMBER] != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (parser->values[VT_FIELD_NUMBER], "/", -1);
      guint n_parts = g_strv_length (parts);
      g_autofree char *n = n_parts > 0 ? trim_dup (parts[0], strlen (parts[0])) : NULL;
      g_autofree char *t = n_parts > 1 ? trim_dup (parts[1], strlen (parts[1])) : NULL;

      if (n_parts < 1 || n_parts > 2
          || !parse_integer (n, 1, G_MAXINT, &number)
          || (t != NULL && !parse_integer (t, 1, G_MAXINT, &total)))
        {
          /* Translators: %s is the value as written on the page. */
          set_value_error (parser, error, VT_FIELD_NUMBER,
                           _("“%s” is not a piece number like 56/100"));
          return NULL;
        }
    }

  if (parser->values[VT_FIELD_YEAR] != NULL
      && !parse_integer (parser->values[VT_FIELD_YEAR], -9999, 9999, &year))
    {
      set_value_error (parser, error, VT_FIELD_YEAR, _("“%s” is not a year"));
      return NULL;
    }

  if (parser->values[VT_FIELD_IMPACT] != NULL
      && !parse_integer (parser->values[VT_FIELD_IMPACT], 0, G_MAXINT, &impact))
    {
      set_value_error (parser, error, VT_FIELD_IMPACT, _("“%s” is not a number"));
      return NULL;
    }

  if (parser->values[VT_FIELD_COUNTRIES] != NULL)
    {
      countries = g_strsplit (parser->values[VT_FIELD_COUNTRIES], "+", -1);
      for (guint i = 0; countries[i] != NULL; i++)
        {
          char *trimmed = trim_dup (countries[i], strlen (countries[i]));

          g_free (countries[i]);
          countries[i] = trimmed;
          if (*trimmed == '\0')
            {
              set_value_error (parser, error, VT_FIELD_COUNTRIES,
                               _("“%s” has an empty country between the “+” signs"));
              return NULL;
            }
        }
    }

  if (parser->values[VT_FIELD_PRICE] != NULL
      && !split_price (parser->values[VT_FIELD_PRICE], &currency))
    {
      set_value_error (parser, error, VT_FIELD_PRICE,
                       _("“%s” is not an amount and a currency like 0.7 ETH"));
      return NULL;
    }

  /* Members in the catalog's order. */
  for (guint f = 0; f < VT_N_FIELDS; f++)
    {
      const char *member = vt_field_get_member (f);

      if (f == VT_FIELD_TEXT)
        {
          JsonArray *text;

          if (parser->text->len == 0)
            continue;
          text = json_array_sized_new (parser->text->len);
          for (guint i = 0; i < parser->text->len; i++)
            json_array_add_string_element (text, g_ptr_array_index (parser->text, i));
          json_object_set_array_member (object, member, text);
        }
      else if (parser->values[f] == NULL)
        continue;
      else if (f == VT_FIELD_NUMBER)
        json_object_set_int_member (object, member, number);
      else if (f == VT_FIELD_YEAR)
        json_object_set_int_member (object, member, year);
      else if (f == VT_FIELD_IMPACT)
        json_object_set_int_member (object, member, impact);
      else if (f == VT_FIELD_COUNTRIES)
        {
          JsonArray *array = json_array_new ();

          for (guint i = 0; countries[i] != NULL; i++)
            json_array_add_string_element (array, countries[i]);
          json_object_set_array_member (object, member, array);
        }
      else
        json_object_set_string_member (object, member, parser->values[f]);
    }

  for (guint i = 0; i < parser->extras->len; i++)
    {
      Extra *extra = g_ptr_array_index (parser->extras, i);

      /* A member the catalog knows ("number", "price"...) comes from
       * its own key only; an unknown key of the same name would clash. */
      if (json_object_has_member (object, extra->member)
          || vt_field_lookup_page_key (extra->member) != NULL)
        {
          set_syntax_error (parser, error, extra->line,
                            _("%s: clashes with the “%s” member of the catalog"),
                            extra->key, extra->member);
          return NULL;
        }
      json_object_set_string_member (object, extra->member, extra->value);
    }

  if (info != NULL)
    {
      info->total = (guint) total;
      info->currency = g_steal_pointer (&currency);
    }
  return g_steal_pointer (&object);
}

/* Checks the bytes are text: no NUL, valid UTF-8. */
static gboolean
check_encoding (const char  *data,
                gsize        length,
                const char  *filename,
                GError     **error)
{
  const char *end = NULL;
  const char *nul = memchr (data, '\0', length);
  guint line = 1;

  if (nul == NULL && g_utf8_validate_len (data, length, &end))
    return TRUE;

  if (nul == NULL || (end != NULL && end < nul))
    {
      for (const char *p = data; p < end; p++)
        if (*p == '\n')
          line++;
      g_set_error (error, VT_PAGE_ERROR, VT_PAGE_ERROR_ENCODING,
                   _("%s:%u: the page is not UTF-8 text (byte 0x%02x)"),
                   filename, line, (guchar) *end);
      return FALSE;
    }

  for (const char *p = data; p < nul; p++)
    if (*p == '\n')
      line++;
  g_set_error (error, VT_PAGE_ERROR, VT_PAGE_ERROR_ENCODING,
               _("%s:%u: the page holds a NUL byte; it is not a text file"),
               filename, line);
  return FALSE;
}

JsonObject *
vt_page_parse (const char  *data,
               gssize       length,
               const char  *filename,
               VtPageInfo  *info,
               GError     **error)
{
  Parser parser;
  const char *p, *end;
  JsonObject *object = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (filename == NULL)
    filename = _("page");
  if (info != NULL)
    memset (info, 0, sizeof *info);
  if (length < 0)
    length = strlen (data);

  if (!check_encoding (data, length, filename, error))
    return NULL;

  p = data;
  end = data + length;
  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;

  parser_init (&parser, filename);
  while (ok && p < end)
    {
      const char *eol = p;
      g_autofree char *line = NULL;

      while (eol < end && *eol != '\n' && *eol != '\r')
        eol++;
      parser.line++;
      line = trim_dup (p, eol - p);
      ok = read_line (&parser, line, error);

      /* \n, \r\n, or a lone \r end a line. */
      if (eol < end && *eol == '\r' && eol + 1 < end && eol[1] == '\n')
        eol++;
      p = eol + 1;
    }

  if (ok && finish (&parser, error))
    object = build_object (&parser, info, error);
  parser_clear (&parser);
  return object;
}

JsonObject *
vt_page_parse_file (GFile         *file,
                    VtPageInfo    *info,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autofree char *name = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GFileInfo) file_info = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_parse_name (file);

  file_info = g_file_query_info (file,
                                 G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                 G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                 G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (file_info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, VT_PAGE_ERROR, VT_PAGE_ERROR_READ,
                     _("%s: no such file"), name);
      else
        g_set_error (error, VT_PAGE_ERROR, VT_PAGE_ERROR_READ,
                     _("%s: cannot be read: %s"), name, local_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (file_info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, VT_PAGE_ERROR, VT_PAGE_ERROR_READ,
                   _("%s: is a folder, not a page"), name);
      return NULL;
    }
  if (g_file_info_get_file_type (file_info) != G_FILE_TYPE_REGULAR)
    {
      /* A fifo or a device could block or never end. */
      g_set_error (error, VT_PAGE_ERROR, VT_PAGE_ERROR_READ,
                   _("%s: is not a regular file"), name);
      return NULL;
    }
  if (g_file_info_get_size (file_info) > MAX_PAGE_SIZE)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (file_info));

      g_set_error (error, VT_PAGE_ERROR, VT_PAGE_ERROR_READ,
                   _("%s: is too big to be a page (%s)"), name, size);
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &data, &length, NULL, &local_error))
    {
      g_set_error (error, VT_PAGE_ERROR, VT_PAGE_ERROR_READ,
                   _("%s: cannot be read: %s"), name, local_error->message);
      return NULL;
    }

  return vt_page_parse (data, length, name, info, error);
}

void
vt_page_info_clear (VtPageInfo *info)
{
  if (info == NULL)
    return;
  info->total = 0;
  g_clear_pointer (&info->currency, g_free);
}
