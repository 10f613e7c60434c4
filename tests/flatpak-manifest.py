#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# The Flatpak manifest kept in step with meson: valid JSON, the program's id
# and command, no access to the whole home folder (catalogs come through the
# file chooser portal), and every dependency('…') of the meson.build files
# either in the GNOME runtime or built as a module of the manifest.
#
#   flatpak-manifest.py MANIFEST SOURCE_ROOT

import json
import os
import re
import sys

# pkg-config names that org.gnome.Platform (and the freedesktop runtime
# under it) provides, with their headers in org.gnome.Sdk.
RUNTIME = {
    'cairo', 'cairo-pdf', 'cairo-png', 'fontconfig', 'freetype2', 'gdk-pixbuf-2.0',
    'gio-2.0', 'gio-unix-2.0', 'glib-2.0', 'gmodule-2.0', 'gobject-2.0', 'gtk4',
    'harfbuzz', 'json-glib-1.0', 'libadwaita-1', 'libjpeg', 'libpng', 'libxml-2.0',
    'pango', 'pangocairo', 'pangoft2', 'zlib',
}

def fail(message):
    print('not ok: ' + message)
    sys.exit(1)


def meson_dependencies(root):
    found = {}
    pattern = re.compile(r"""\bdependency\(\s*['"]([^'"]+)['"]""")
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith('.') and not d.startswith('build')]
        if 'meson.build' in files:
            path = os.path.join(folder, 'meson.build')
            with open(path, encoding='utf-8') as f:
                for name in pattern.findall(f.read()):
                    found.setdefault(name, os.path.relpath(path, root))
    return found


def main():
    manifest_path, root = sys.argv[1], sys.argv[2]
    try:
        with open(manifest_path, encoding='utf-8') as f:
            manifest = json.load(f)
    except ValueError as e:
        fail('%s is not valid JSON: %s' % (manifest_path, e))

    with open(os.path.join(root, 'meson.build'), encoding='utf-8') as f:
        top = f.read()
    app_id = re.search(r"""^app_id\s*=\s*'([^']+)'""", top, re.M).group(1)

    if manifest.get('id', manifest.get('app-id')) != app_id:
        fail('the manifest\'s id is not %s' % app_id)
    if manifest.get('runtime') != 'org.gnome.Platform' or manifest.get('sdk') != 'org.gnome.Sdk':
        fail('the manifest is not on the GNOME runtime')
    if manifest.get('command') != 'vitrine':
        fail('the manifest\'s command is not vitrine')
    for arg in manifest.get('finish-args', []):
        if arg.split(':')[0] in ('--filesystem=home', '--filesystem=host', '--filesystem=~'):
            fail('%s: catalogs are opened through the file chooser portal' % arg)

    modules = [m for m in manifest.get('modules', []) if isinstance(m, dict)]
    if not modules:
        fail('the manifest builds nothing')
    last = modules[-1]
    if last.get('buildsystem') != 'meson':
        fail('the last module (%s) is not built with meson' % last.get('name'))
    if not any(s.get('type') == 'dir' and s.get('path') == '..' for s in last.get('sources', [])):
        fail('the last module is not the project itself (a "dir" source at "..")')

    # A module is named after the pkg-config name it installs.
    built = {m.get('name') for m in modules[:-1]}

    missing = []
    deps = meson_dependencies(root)
    for name, where in sorted(deps.items()):
        if name not in RUNTIME and name not in built:
            missing.append('%s (%s)' % (name, where))
    if missing:
        fail('neither in the GNOME runtime nor a module of the manifest: ' + ', '.join(missing))
    print('ok: %d dependencies of meson.build, all provided' % len(deps))


if __name__ == '__main__':
    main()
