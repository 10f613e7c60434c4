/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs the built vitrine-cli under other locales: its messages translated, its counts grouped as the locale groups them. */

#include "config.h"

#include "vt-test-util.h"

#include <glib/gstdio.h>
#include <langinfo.h>
#include <locale.h>
#include <string.h>

static gboolean
have_locale (const char *name)
{
  locale_t locale = newlocale (LC_ALL_MASK, name, (locale_t) 0);

  if (locale == (locale_t) 0)
    return FALSE;
  freelocale (locale);
  return TRUE;
}

/* This environment with @first and what follows as NAME, VALUE pairs;
 * a NULL value unsets the name. */
static char **
environ_with (const char *first,
              ...)
{
  char **envp = g_get_environ ();
  const char *name;
  va_list args;

  va_start (args, first);
  for (name = first; name != NULL; name = va_arg (args, const char *))
    {
      const char *value = va_arg (args, const char *);

      if (value != NULL)
        envp = g_environ_setenv (envp, name, value, TRUE);
      else
        envp = g_environ_unsetenv (envp, name);
    }
  va_end (args);
  return envp;
}

static void
run_cli (VtTestRun          *run,
         const char * const *envp,
         const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) VITRINE_CLI);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  vt_test_run (run, NULL, envp, (const char * const *) argv->pdata);
}

#define RUN(run, envp, ...) \
  run_cli ((run), (const char * const *) (envp), (const char * const []) { __VA_ARGS__, NULL })

/* The built program finds the Hungarian translation built beside it,
 * not only the installed one. */
static void
test_messages_translated (void)
{
  g_auto(GStrv) envp = NULL;
  g_auto(VtTestRun) run = { 0 };

  /* glibc reads LANGUAGE under C.UTF-8, which every glibc system has;
   * under plain C it would not. */
  if (!have_locale ("C.UTF-8"))
    {
      g_test_skip ("no C.UTF-8 locale: gettext reads LANGUAGE only under a locale other than C");
      return;
    }
  envp = environ_with ("LC_ALL", "C.UTF-8", "LANGUAGE", "hu", NULL);

  RUN (&run, envp, "--help");
  g_assert_cmpint (run.status, ==, 0);
  vt_test_assert_contains (run.out, "Parancsok:");
  vt_test_assert_contains (run.out, "Vitrine-katalógusok importálása, ellenőrzése és lekérdezése.");

  RUN (&run, envp, "frobnicate");
  g_assert_cmpint (run.status, ==, 2);
  vt_test_assert_contains (run.err, "A(z) „frobnicate” nem parancs");
  vt_test_assert_contains (run.err, "További információért adja ki a „vitrine-cli --help” parancsot.");

  /* The C locale's English, not a translation, without LANGUAGE. */
  g_strfreev (envp);
  envp = environ_with ("LC_ALL", "C.UTF-8", "LANGUAGE", NULL, NULL);
  RUN (&run, envp, "frobnicate");
  vt_test_assert_contains (run.err, "“frobnicate” is not a command");
}

/* A catalog of @n pieces: piece i is from the year 1000 + i % 1000 and
 * costs "1234.50 ETH". */
static char *
write_catalog (const char *dir,
               guint       n)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "catalog.json", NULL);

  g_string_append_printf (json,
                          "{\"format\": \"vitrine-catalog\", \"version\": 1,\n"
                          " \"collection\": {\"name\": \"Large\", \"total\": %u, \"currency\": \"ETH\"},\n"
                          " \"items\": [\n", n);
  for (guint i = 1; i <= n; i++)
    g_string_append_printf (json, "  {\"number\": %u, \"title\": \"Piece\", \"year\": %u, "
                            "\"price\": \"1234.50 ETH\"}%s\n",
                            i, 1000 + i % 1000, i < n ? "," : "");
  g_string_append (json, "]}\n");
  g_file_set_contents (path, json->str, json->len, &error);
  g_assert_no_error (error);
  return path;
}

/* "1.234 of 1.234 pieces" under a locale that groups thousands with a
 * dot; piece numbers and years are names, not quantities, and a price
 * keeps its written form. */
static void
test_counts_grouped (void)
{
  static const char * const candidates[] = { "de_DE.UTF-8", "hu_HU.UTF-8" };
  const char *numeric = NULL;
  g_autofree char *separator = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *catalog = NULL;
  g_autofree char *grouped = NULL;
  g_autofree char *count_line = NULL;
  g_auto(GStrv) envp = NULL;
  g_auto(VtTestRun) run = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (candidates) && numeric == NULL; i++)
    {
      locale_t locale = newlocale (LC_ALL_MASK, candidates[i], (locale_t) 0);

      if (locale == (locale_t) 0)
        continue;
      if (*nl_langinfo_l (THOUSEP, locale) != '\0')
        {
          numeric = candidates[i];
          separator = g_strdup (nl_langinfo_l (THOUSEP, locale));
        }
      freelocale (locale);
    }
  if (numeric == NULL)
    {
      g_test_skip ("neither de_DE.UTF-8 nor hu_HU.UTF-8 is generated (locale -a): no locale that groups thousands");
      return;
    }
  g_test_message ("numbers as in %s, thousands separated by “%s”", numeric, separator);

  tmp = vt_test_make_tmp_dir ("vitrine-cli-locale-XXXXXX");
  catalog = write_catalog (tmp, 1234);
  /* English messages, so the line does not depend on a translation. */
  envp = environ_with ("LC_ALL", NULL, "LANGUAGE", NULL, "LANG", "C.UTF-8",
                       "LC_MESSAGES", "C.UTF-8", "LC_NUMERIC", numeric, NULL);

  RUN (&run, envp, "query", catalog);
  g_assert_cmpint (run.status, ==, 0);
  grouped = g_strdup_printf ("1%s234", separator);
  count_line = g_strdup_printf ("\n%s of %s pieces\n", grouped, grouped);
  g_assert_true (g_str_has_suffix (run.out, count_line));
  /* Piece 1234, from the year 1234 (as piece 234 is), for 1234.50 ETH. */
  vt_test_assert_contains (run.out, "\n1234  Piece  1234");
  vt_test_assert_contains (run.out, "\n 234  Piece  1234");
  vt_test_assert_contains (run.out, "1234.50 ETH\n");
  g_assert_true (strstr (run.out, grouped) == strstr (run.out, count_line) + 1);

  vt_test_remove_tree (tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/locale/messages-translated", test_messages_translated);
  g_test_add_func ("/cli/locale/counts-grouped", test_counts_grouped);

  return g_test_run ();
}
