/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Vitrine application: one instance, opens catalogs given on the command line. */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VT_TYPE_APPLICATION (vt_application_get_type ())

G_DECLARE_FINAL_TYPE (VtApplication, vt_application, VT, APPLICATION, GtkApplication)

VtApplication *vt_application_new             (void);

/* The bundled sample's catalog.json: the one in the build tree when
 * running uninstalled, else the installed one; NULL when neither
 * exists. */
GFile         *vt_application_dup_sample_file (void);

G_END_DECLS
