/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for the description of the catalog's fields and the names of the core's enumerations. */

#include "config.h"

#include "vt-field.h"
#include "vt-item.h"
#include "vt-types.h"

static void
test_table (void)
{
  for (guint f = 0; f < VT_N_FIELDS; f++)
    {
      const VtFieldInfo *info = vt_field_get_info (f);

      g_assert_cmpint (info->field, ==, f);
      g_assert_nonnull (info->member);
      g_assert_true (vt_field_lookup_member (info->member) == info);
      g_assert_nonnull (info->label);
      g_assert_cmpstr (vt_field_get_label (f), !=, "");
      for (guint k = 0; info->page_keys[k] != NULL; k++)
        g_assert_true (vt_field_lookup_page_key (info->page_keys[k]) == info);
      /* Only facet kinds have facet keys, and they all have one. */
      g_assert_cmpint (info->facet != VT_FIELD_NO_KEY, ==,
                       info->kind == VT_FIELD_KIND_FACET || info->kind == VT_FIELD_KIND_FACET_LIST);
    }

  g_assert_null (vt_field_lookup_member ("mood"));
  g_assert_null (vt_field_lookup_member ("Title"));
  g_assert_null (vt_field_lookup_page_key ("Mood"));
}

/* Every field with text has a limit, a list also a count; the numbers
 * are the ones the README's validate section gives. */
static void
test_limits (void)
{
  for (guint f = 0; f < VT_N_FIELDS; f++)
    {
      const VtFieldInfo *info = vt_field_get_info (f);
      gboolean is_list = info->kind == VT_FIELD_KIND_PARAGRAPHS || info->kind == VT_FIELD_KIND_FACET_LIST;

      g_assert_cmpuint (vt_field_get_max_chars (f), ==, info->max_chars);
      g_assert_cmpuint (vt_field_get_max_values (f), ==, info->max_values);
      g_assert_cmpint (info->max_chars > 0, ==, info->kind != VT_FIELD_KIND_INTEGER);
      g_assert_cmpint (info->max_values > 0, ==, is_list);
      if (info->kind == VT_FIELD_KIND_FACET || info->kind == VT_FIELD_KIND_FACET_LIST
          || info->kind == VT_FIELD_KIND_PRICE)
        g_assert_cmpuint (info->max_chars, ==, 1000);
    }

  g_assert_cmpuint (vt_field_get_max_chars (VT_FIELD_TITLE), ==, 1000);
  g_assert_cmpuint (vt_field_get_max_chars (VT_FIELD_ABOUT), ==, 16000);
  g_assert_cmpuint (vt_field_get_max_chars (VT_FIELD_TEXT), ==, 64000);
  g_assert_cmpuint (vt_field_get_max_values (VT_FIELD_TEXT), ==, 100);
  g_assert_cmpuint (vt_field_get_max_values (VT_FIELD_COUNTRIES), ==, 250);
  g_assert_cmpuint (vt_field_get_max_chars (VT_FIELD_IMAGE), ==, 4096);
}

static void
test_page_keys (void)
{
  /* Compared without case; a page may say Country or Countries. */
  g_assert_cmpint (vt_field_lookup_page_key ("title")->field, ==, VT_FIELD_TITLE);
  g_assert_cmpint (vt_field_lookup_page_key ("IMPACT")->field, ==, VT_FIELD_IMPACT);
  g_assert_cmpint (vt_field_lookup_page_key ("Country")->field, ==, VT_FIELD_COUNTRIES);
  g_assert_cmpint (vt_field_lookup_page_key ("countries")->field, ==, VT_FIELD_COUNTRIES);
  g_assert_cmpstr (vt_field_get_info (VT_FIELD_COUNTRIES)->page_keys[0], ==, "Country");

  /* The text is built from paragraphs and the image set on import. */
  g_assert_null (vt_field_get_info (VT_FIELD_TEXT)->page_keys[0]);
  g_assert_null (vt_field_get_info (VT_FIELD_IMAGE)->page_keys[0]);
  g_assert_null (vt_field_lookup_page_key ("Text"));
  g_assert_null (vt_field_lookup_page_key ("Image"));
}

static void
test_query_keys (void)
{
  for (guint key = 0; key < VT_N_FIELD_FACETS; key++)
    g_assert_cmpint (vt_field_get_info (vt_field_for_facet (key))->facet, ==, key);
  for (guint key = 0; key < VT_N_RANGES; key++)
    g_assert_cmpint (vt_field_get_info (vt_field_for_range (key))->range, ==, key);
  for (guint key = 0; key < VT_N_SORT_KEYS; key++)
    g_assert_cmpint (vt_field_get_info (vt_field_for_sort (key))->sort, ==, key);

  g_assert_cmpint (vt_field_for_facet (VT_FACET_COUNTRY), ==, VT_FIELD_COUNTRIES);
  g_assert_cmpint (vt_field_for_range (VT_RANGE_PRICE), ==, VT_FIELD_PRICE);
  g_assert_cmpint (vt_field_for_sort (VT_SORT_TITLE), ==, VT_FIELD_TITLE);
}

static void
test_item_properties (void)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (VT_TYPE_ITEM);

  /* Each field is a property of the item, named by its member, so that
   * expressions and exports can read it by name. */
  for (guint f = 0; f < VT_N_FIELDS; f++)
    {
      const VtFieldInfo *info = vt_field_get_info (f);
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), info->member);
      GType expected;

      g_assert_nonnull (pspec);
      switch (info->kind)
        {
        case VT_FIELD_KIND_TEXT:
        case VT_FIELD_KIND_FACET:
        case VT_FIELD_KIND_PRICE:
          expected = G_TYPE_STRING;
          break;
        case VT_FIELD_KIND_PARAGRAPHS:
        case VT_FIELD_KIND_FACET_LIST:
          expected = G_TYPE_STRV;
          break;
        case VT_FIELD_KIND_INTEGER:
          expected = f == VT_FIELD_NUMBER ? G_TYPE_UINT : G_TYPE_INT;
          break;
        case VT_FIELD_KIND_IMAGE:
          expected = G_TYPE_FILE;
          break;
        default:
          g_assert_not_reached ();
        }
      g_assert_cmpstr (g_type_name (G_PARAM_SPEC_VALUE_TYPE (pspec)), ==, g_type_name (expected));
    }
}

static void
test_names (void)
{
  VtFacetKey facet;
  VtSortKey sort;

  for (guint key = 0; key < VT_N_FACETS; key++)
    {
      g_assert_true (vt_facet_key_from_string (vt_facet_key_to_string (key), &facet));
      g_assert_cmpint (facet, ==, key);
    }
  for (guint key = 0; key < VT_N_SORT_KEYS; key++)
    {
      g_assert_true (vt_sort_key_from_string (vt_sort_key_to_string (key), &sort));
      g_assert_cmpint (sort, ==, key);
    }

  g_assert_cmpstr (vt_facet_key_to_string (VT_FACET_COUNTRY), ==, "country");
  g_assert_cmpstr (vt_sort_key_to_string (VT_SORT_NUMBER), ==, "number");
  g_assert_null (vt_facet_key_to_string (VT_N_FACETS));

  /* Without case, and the catalog member's name for the countries. */
  g_assert_true (vt_facet_key_from_string ("Decade", &facet));
  g_assert_cmpint (facet, ==, VT_FACET_DECADE);
  g_assert_true (vt_facet_key_from_string ("countries", &facet));
  g_assert_cmpint (facet, ==, VT_FACET_COUNTRY);
  g_assert_true (vt_sort_key_from_string ("IMPACT", &sort));
  g_assert_cmpint (sort, ==, VT_SORT_IMPACT);

  g_assert_false (vt_facet_key_from_string ("impact", &facet));
  g_assert_false (vt_facet_key_from_string (NULL, &facet));
  g_assert_false (vt_sort_key_from_string ("decade", &sort));
}

static void
test_labels (void)
{
  g_assert_cmpstr (vt_facet_key_get_label (VT_FACET_COUNTRY), ==, "Country");
  g_assert_cmpstr (vt_facet_key_get_label (VT_FACET_GROUP), ==, "Group");
  g_assert_cmpstr (vt_range_key_get_label (VT_RANGE_IMPACT), ==, "Impact");
  g_assert_cmpstr (vt_range_key_get_label (VT_RANGE_PRICE), ==, "Price");

  /* The curators' facets are no fields, but have labels all the same. */
  g_assert_cmpstr (vt_facet_key_get_label (VT_FACET_REVIEW), ==, "Review");
  g_assert_cmpstr (vt_facet_value_get_label (VT_FACET_REVIEW, "needs-changes"), ==, "Needs changes");
  g_assert_cmpstr (vt_facet_value_get_label (VT_FACET_PROBLEMS, VT_FACET_VALUE_HAS_PROBLEMS), ==, "Has problems");
  g_assert_cmpstr (vt_facet_value_get_label (VT_FACET_DECADE, "1950s"), ==, "1950s");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/field/table", test_table);
  g_test_add_func ("/field/limits", test_limits);
  g_test_add_func ("/field/page-keys", test_page_keys);
  g_test_add_func ("/field/query-keys", test_query_keys);
  g_test_add_func ("/field/item-properties", test_item_properties);
  g_test_add_func ("/types/names", test_names);
  g_test_add_func ("/types/labels", test_labels);

  return g_test_run ();
}
