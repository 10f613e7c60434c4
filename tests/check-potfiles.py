#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks that what users read reaches the translators: po/POTFILES.in against the sources, and no unmarked text in C.
#
#   check-potfiles.py SOURCE-ROOT [EXPECTED]
#
# With EXPECTED, a file of problem lines, it checks itself instead: it
# passes when it finds exactly those problems in SOURCE-ROOT (a fixture).
#
# Fails (exit 1, one line per problem) when
# - a source file holds marked strings (_(), N_(), C_(), NC_(), ngettext,
#   translatable="yes") but po/POTFILES.in does not list it, so xgettext
#   never sees them;
# - po/POTFILES.in lists a file that does not exist, or is not sorted;
# - a C file passes a literal string with words in it, unmarked, to a
#   function that shows text to a user (a label, a title, a tooltip, an
#   accessible name, an error message, a line printed by vitrine-cli).
#   A technical string is let through by a comment on one of the call's
#   lines or on the line above it: /* not translated: why */;
# - a .ui file gives a widget a label, title, tooltip or placeholder with
#   words in it, neither translatable="yes" nor translatable="no".
# Build tools under src/tools are never installed and speak to developers
# only: they are not checked for unmarked strings.

import glob
import os
import re
import sys

MARKED = re.compile(r'(?<![\w])(?:_|N_|C_|NC_|Q_)\s*\(\s*"'
                    r'|(?<![\w])(?:g_d?n?gettext|g_dpgettext2|ngettext)\s*\('
                    r'|translatable="yes"')

# Calls whose string arguments a user reads.
SHOWN = {
    # Labels, buttons, titles, tooltips
    "gtk_label_new", "gtk_label_new_with_mnemonic", "gtk_label_set_text",
    "gtk_label_set_label", "gtk_label_set_markup", "gtk_label_set_text_with_mnemonic",
    "gtk_label_set_markup_with_mnemonic", "gtk_button_new_with_label",
    "gtk_button_new_with_mnemonic", "gtk_button_set_label", "gtk_check_button_new_with_label",
    "gtk_check_button_new_with_mnemonic", "gtk_check_button_set_label",
    "gtk_toggle_button_new_with_label", "gtk_menu_button_set_label", "gtk_frame_new",
    "gtk_frame_set_label", "gtk_expander_new", "gtk_notebook_set_tab_label_text",
    "gtk_window_set_title", "gtk_widget_set_tooltip_text", "gtk_widget_set_tooltip_markup",
    "vt_widget_set_tooltip", "gtk_entry_set_placeholder_text", "gtk_text_set_placeholder_text",
    "gtk_accessible_update_property", "gtk_message_dialog_new",
    "gtk_message_dialog_format_secondary_text", "gtk_file_chooser_native_new",
    "gtk_file_filter_set_name", "gtk_print_operation_set_job_name",
    "g_menu_append", "g_menu_insert", "g_menu_item_new", "g_notification_new",
    "g_set_application_name",
    # Errors
    "g_set_error", "g_set_error_literal", "g_prefix_error", "g_error_new",
    "g_error_new_literal", "g_task_return_new_error",
    # The command line
    "g_option_context_new", "g_option_context_set_summary",
    "g_option_context_set_description", "g_print", "g_printerr",
    "vt_cli_error", "vt_cli_printf", "vt_cli_usage_error", "vt_cli_option_context_new",
}
CALL = re.compile(r"(?<![\w])(" + "|".join(sorted(SHOWN)) + r")\s*\(")
GETTEXT_CALL = re.compile(r"(?<![\w])(?:_|N_|C_|NC_|Q_|g_d?n?gettext|g_dpgettext2|ngettext)\s*\($")
EXEMPT = re.compile(r"/\*\s*not translated:")
# What is left of a string once printf conversions and escapes are gone:
# a word of two letters or more is text a user reads.
CONVERSION = re.compile(r"%[-+ #0']*(?:\*|\d+)?(?:\.(?:\*|\d+))?(?:hh|h|ll|l|L|z|j|t)?[diouxXeEfgGcspn%]"
                        r"|%\"\s*G_G?U?INT\d*_(?:FORMAT|MODIFIER)\s*\"\w*")
ESCAPE = re.compile(r"\\(?:[abfnrtv\\'\"?]|[0-7]{1,3}|x[0-9a-fA-F]+)")
WORD = re.compile(r"[^\W\d_]{2,}")
UI_TEXT = re.compile(r'<(?:property|attribute) name="(?:label|title|subtitle|tooltip-text|tooltip-markup|'
                     r'placeholder-text|description)"([^>]*)>([^<]*)<')


def sources(root):
    patterns = ["src/**/*.c", "src/**/*.h", "resources/ui/*.ui", "data/*.in", "data/*.xml"]
    found = set()
    for pattern in patterns:
        for path in glob.glob(os.path.join(root, pattern), recursive=True):
            found.add(os.path.relpath(path, root))
    return sorted(found)


def read(root, path):
    with open(os.path.join(root, path), encoding="utf-8") as f:
        return f.read()


def call_arguments(text, start):
    """Splits the arguments of the call whose '(' is at text[start - 1].

    Returns the end of the call and the string literals in it, each as
    (offset, contents, marked), marked when inside a gettext call."""
    depth = 1
    i = start
    literals = []
    # Stack of booleans: is this parenthesis a gettext call's?
    gettext_stack = [False]
    while i < len(text) and depth > 0:
        c = text[i]
        if text.startswith("/*", i):
            i = text.find("*/", i + 2)
            i = len(text) if i < 0 else i + 2
            continue
        if text.startswith("//", i):
            i = text.find("\n", i)
            i = len(text) if i < 0 else i
            continue
        if c == '"':
            j = i + 1
            while j < len(text) and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            literals.append((i, text[i + 1:j], any(gettext_stack)))
            i = j + 1
            continue
        if c == "'":
            j = i + 1
            while j < len(text) and text[j] != "'":
                j += 2 if text[j] == "\\" else 1
            i = j + 1
            continue
        if c == "(":
            depth += 1
            gettext_stack.append(bool(GETTEXT_CALL.search(text[max(0, i - 20):i + 1])))
        elif c == ")":
            depth -= 1
            gettext_stack.pop()
        i += 1
    return i, literals


def looks_shown(contents):
    bare = ESCAPE.sub(" ", CONVERSION.sub(" ", contents))
    return WORD.search(bare) is not None


def unmarked_strings(path, text):
    problems = []
    lines = text.split("\n")
    for match in CALL.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        prefix = text[line_start:match.start()]
        # Skip a declaration or a mention in a comment.
        if "/*" in prefix or prefix.lstrip().startswith("*") or prefix.lstrip().startswith("//"):
            continue
        end, literals = call_arguments(text, match.end())
        first = text.count("\n", 0, match.start())
        last = text.count("\n", 0, end)
        if any(EXEMPT.search(line) for line in lines[max(0, first - 1):last + 1]):
            continue
        for offset, contents, marked in literals:
            if not marked and looks_shown(contents):
                line = text.count("\n", 0, offset) + 1
                problems.append(f'{path}:{line}: "{contents}" passed to {match.group(1)} () '
                                f'without _(): mark it, or say /* not translated: why */')
    return problems


def untranslatable_ui_text(path, text):
    problems = []
    for match in UI_TEXT.finditer(text):
        if "translatable=" not in match.group(1) and WORD.search(match.group(2)):
            line = text.count("\n", 0, match.start()) + 1
            problems.append(f'{path}:{line}: "{match.group(2)}" is neither translatable="yes" '
                            f'nor translatable="no"')
    return problems


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
    problems = []

    listed = []
    with open(os.path.join(root, "po", "POTFILES.in"), encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            listed.append(line)
            if not os.path.isfile(os.path.join(root, line)):
                problems.append(f"po/POTFILES.in:{number}: {line} does not exist")
    if listed != sorted(listed):
        problems.append("po/POTFILES.in: not sorted (LC_ALL=C sort)")

    for path in sources(root):
        text = read(root, path)
        if MARKED.search(text) and path not in listed:
            problems.append(f"{path}: has strings marked for translation but is not in po/POTFILES.in")
        if path.endswith((".c", ".h")) and not path.startswith("src/tools/"):
            problems.extend(unmarked_strings(path, text))
        if path.endswith(".ui"):
            problems.extend(untranslatable_ui_text(path, text))

    if len(sys.argv) > 2:
        with open(sys.argv[2], encoding="utf-8") as f:
            expected = [line.rstrip("\n") for line in f if line.strip()]
        if problems == expected:
            return 0
        print("expected:", *("  " + line for line in expected),
              "found:", *("  " + line for line in problems), sep="\n")
        return 1

    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
