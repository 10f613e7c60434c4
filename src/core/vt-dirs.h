/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The folders Vitrine installs into, found from where the running program is. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The root the running program is installed under: "" when it runs from
 * BINDIR itself, ROOT when it runs from ROOT/BINDIR (a staged install under
 * DESTDIR, or a copy of the whole installed tree); NULL when it is not an
 * installed program (the build tree, a test). */
char *vt_dirs_dup_install_root (void);

/* @dir, a folder of the install (LOCALEDIR, PKGDATADIR), under the root
 * the running program is installed under when that root is not "/" and
 * @dir exists there; else @dir itself. */
char *vt_dirs_dup_installed    (const char *dir);

G_END_DECLS
