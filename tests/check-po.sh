#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# po/LANG.po is valid and complete: every message the sources mark is there,
# translated and not fuzzy. Usage: check-po.sh SOURCE_ROOT LANG.po
set -eu
top=$1
po=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

msgfmt --check --output-file /dev/null "$po"
# The same extraction as meson's i18n.gettext (preset: glib).
xgettext --files-from="$top/po/POTFILES.in" --directory="$top" --from-code=UTF-8 \
  --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --output="$tmp/messages.pot" 2>/dev/null
# Fails, naming each message, when one is missing, untranslated or fuzzy.
msgcmp "$po" "$tmp/messages.pot"
