/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the commands of vitrine-cli share: the command table, option parsing, output, loading. */

#pragma once

#include <gio/gio.h>

#include <json-glib/json-glib.h>

#include "vt-catalog.h"
#include "vt-query.h"
#include "vt-review-store.h"
#include "vt-sorter.h"

G_BEGIN_DECLS

/* Exit statuses of every command. */
enum
{
  VT_CLI_EXIT_OK       = 0,
  VT_CLI_EXIT_PROBLEMS = 1,   /* validate: the catalog has problems */
  VT_CLI_EXIT_FAILURE  = 2,   /* bad usage, unreadable input, nothing written */
};

/* A page is a few kilobytes: a larger file is not one. */
#define VT_CLI_MAX_PAGE_SIZE (4 * 1024 * 1024)

/* A command's main: argv[0] is the command's name. */
typedef int (*VtCliCommandFunc) (int    argc,
                                 char **argv);

typedef struct
{
  const char       *name;
  VtCliCommandFunc  run;
  const char       *summary;   /* N_() */
} VtCliCommand;

/* One per command, each in its own vt-cli-NAME.c. */
int             vt_cli_edit                (int                 argc,
                                            char              **argv);
int             vt_cli_export              (int                 argc,
                                            char              **argv);
int             vt_cli_import              (int                 argc,
                                            char              **argv);
int             vt_cli_query               (int                 argc,
                                            char              **argv);
int             vt_cli_review              (int                 argc,
                                            char              **argv);
int             vt_cli_thumbnails          (int                 argc,
                                            char              **argv);
int             vt_cli_validate            (int                 argc,
                                            char              **argv);

/* A context for one command, "vitrine-cli CMD [OPTION…] @parameters"; @parameters
 * may be NULL when a G_OPTION_REMAINING entry describes the arguments. */
GOptionContext *vt_cli_option_context_new  (const char         *parameters,
                                            const char         *summary,
                                            const GOptionEntry *entries);
/* Parses, or prints the error and a hint to stderr and returns FALSE. */
gboolean        vt_cli_parse_options       (GOptionContext     *context,
                                            int                *argc,
                                            char             ***argv);

/* "vitrine-cli CMD: message" on stderr. */
void            vt_cli_error               (const char         *format,
                                            ...) G_GNUC_PRINTF (1, 2);
/* Bad usage: the message and "Try “vitrine-cli CMD --help”." on stderr. */
void            vt_cli_usage_error         (const char         *format,
                                            ...) G_GNUC_PRINTF (1, 2);
/* A message that names its file itself ("pages/x.txt:12: ..."), on stderr. */
void            vt_cli_file_error          (const GError       *error);

/* Data on stdout, as UTF-8 bytes whatever the locale. */
void            vt_cli_write               (const char         *data,
                                            gssize              length);
void            vt_cli_printf              (const char         *format,
                                            ...) G_GNUC_PRINTF (1, 2);

/* @node pretty-printed, two spaces an indent, and a line end. */
void            vt_cli_print_json          (JsonNode           *node);
/* RFC 4180: a field quoted when it holds a comma, a quote or a line
 * end, its quotes doubled; NULL is empty. */
void            vt_cli_append_csv_field    (GString            *line,
                                            const char         *text);
/* Ends @line with CRLF, writes it and empties it. */
void            vt_cli_end_csv_line        (GString            *line);

/* Columns @text takes in a terminal (wide characters count twice). */
guint           vt_cli_text_width          (const char         *text);

/* The file at @path as given on the command line; errors name @path:
 * missing, a folder, larger than @max_size, unreadable. */
char           *vt_cli_read_file           (const char         *path,
                                            goffset             max_size,
                                            gsize              *length,
                                            GError            **error);
/* The option of every command that opens a catalog's images. */
#define VT_CLI_ALLOW_OUTSIDE_ENTRY(variable) \
  { "allow-outside", 0, 0, G_OPTION_ARG_NONE, &(variable), \
    N_("Open images outside the catalog’s folder too: only for a catalog you trust"), NULL }

/* TRUE when @paths (the command's arguments) name exactly one catalog;
 * else says what is wrong as a usage error. */
gboolean        vt_cli_check_one_catalog   (char              **paths);

/* Loads the catalog at @path; errors name the file and the place.
 * Images outside its folder are opened only when @allow_outside. */
VtCatalog      *vt_cli_load_catalog        (const char         *path,
                                            gboolean            allow_outside,
                                            GError            **error);
/* When images of @catalog lie outside its folder and were not opened,
 * says how many and how to allow them, on stderr. */
void            vt_cli_hint_outside        (const char         *path,
                                            VtCatalog          *catalog);

/* @path relative to the folder @base ("../images/056.jpg"). */
char           *vt_cli_relative_path       (const char         *base,
                                            const char         *path);

/* The options of "vitrine-cli query" that choose and order the pieces,
 * shared by the commands that work on a view of a catalog. */
typedef struct
{
  char  *search;
  char **facets;
  char  *impact;
  char  *price;
  char  *year;
  char  *sort;
} VtCliQueryOptions;

void            vt_cli_query_options_clear (VtCliQueryOptions  *options);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (VtCliQueryOptions, vt_cli_query_options_clear)

#define VT_CLI_QUERY_ENTRIES(options) \
  { "search", 's', 0, G_OPTION_ARG_STRING, &(options).search, \
    N_("Keep the pieces that contain every word of TEXT (case and accents ignored)"), N_("TEXT") }, \
  { "facet", 'f', 0, G_OPTION_ARG_STRING_ARRAY, &(options).facets, \
    N_("Keep the pieces whose KEY is VALUE; repeat it: values of one key are alternatives, " \
       "different keys must all match. Keys: decade, region, country, politics, conflict, " \
       "type, artist, group; and for curators review (not-reviewed, approved, needs-changes, " \
       "from the reviews beside the catalog) and problems (has-problems, no-problems, as " \
       "“vitrine-cli validate” finds them)"), \
    N_("KEY=VALUE") }, \
  { "impact", 0, 0, G_OPTION_ARG_STRING, &(options).impact, \
    N_("Keep the pieces of impact MIN to MAX (either may be left out: 7..)"), N_("MIN..MAX") }, \
  { "price", 0, 0, G_OPTION_ARG_STRING, &(options).price, \
    N_("Keep the pieces priced MIN to MAX (0.5..2 ETH)"), N_("MIN..MAX") }, \
  { "year", 0, 0, G_OPTION_ARG_STRING, &(options).year, \
    N_("Keep the pieces of the years MIN to MAX"), N_("MIN..MAX") }, \
  { "sort", 0, 0, G_OPTION_ARG_STRING, &(options).sort, \
    N_("Order by impact, price, year, number or title, ascending or descending " \
       "(default: number:asc)"), \
    N_("KEY[:asc|:desc]") }

/* The query and the sorter @options ask for; on a mistake, says what is
 * wrong (vt_cli_usage_error()) and returns FALSE. */
gboolean        vt_cli_query_options_apply (VtCliQueryOptions  *options,
                                            VtQuery           **query,
                                            VtSorter          **sorter);
/* What vt_cli_load_curator_facets () reads the reviews for, besides
 * selecting by them (which needs them whatever this says). */
typedef enum
{
  VT_CLI_REVIEWS_TO_SELECT,  /* only that */
  VT_CLI_REVIEWS_TO_SHOW,    /* shown as well: needed */
  VT_CLI_REVIEWS_TO_COUNT,   /* counted as well: broken ones are left out */
} VtCliReviews;

/* What the curators' facets of @query select by, given to @catalog's
 * pieces as the window gives them: their reviews, from the file beside
 * the catalog, when @query selects by review or @reviews_for asks (the
 * store read in *@reviews, else NULL); their problems, image headers
 * read, when by problems or @want_problems. FALSE with @error when the
 * reviews cannot be read and are needed; only to count, a warning
 * naming the file says so, and *@reviews is NULL. */
gboolean        vt_cli_load_curator_facets (VtCatalog          *catalog,
                                            VtQuery            *query,
                                            VtCliReviews        reviews_for,
                                            gboolean            want_problems,
                                            VtReviewStore     **reviews,
                                            GError            **error);
/* The pieces of @items that @query matches, in @sorter's order: the same
 * functions the window's filter and sort models call. The order is total
 * (ties go by number), so sorting in one go gives the window's order. */
GPtrArray      *vt_cli_match_and_sort      (GListModel         *items,
                                            VtQuery            *query,
                                            VtSorter           *sorter);

G_END_DECLS
