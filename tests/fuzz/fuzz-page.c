/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the page importer, and that every item it gives is a catalog piece. */

#include "config.h"

#include "vt-item.h"
#include "vt-page.h"

#include <stdint.h>
#include <stdlib.h>

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(VtItem) item = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = NULL;
  VtPageInfo info = { 0 };

  object = vt_page_parse ((const char *) data, size, "fuzz.txt", &info, &error);
  if (object == NULL)
    {
      /* Every refusal says why, naming the page. */
      if (error == NULL || error->domain != VT_PAGE_ERROR
          || !g_str_has_prefix (error->message, "fuzz.txt"))
        abort ();
      vt_page_info_clear (&info);
      return 0;
    }

  /* What the importer writes is valid UTF-8 JSON that reads as a piece. */
  node = json_node_init_object (json_node_alloc (), object);
  json = json_to_string (node, FALSE);
  if (!g_utf8_validate (json, -1, NULL))
    abort ();
  problems = g_ptr_array_new_with_free_func (g_object_unref);
  item = vt_item_new_from_json (object, NULL, problems);
  if (item == NULL)
    abort ();

  vt_page_info_clear (&info);
  return 0;
}
