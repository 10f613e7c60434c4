#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Walks a running program's accessibility tree over AT-SPI, as a screen reader sees it, and lists what would read badly.
#
#   a11y-tree.py PID N-WINDOWS
#
# Looks for the application whose process is PID, waits until it shows
# N-WINDOWS windows, then walks each of them. An object that can
# take the focus, and every image, must have a name; no name may be a GTK
# class name ("GtkImage") or hold a mnemonic's underscore ("_Open"). Prints
# one line per problem and exits 1 if there is any, 0 if there is none, 2
# if the program or its windows never show up.

import re
import sys
import time

import pyatspi
from gi.repository import Atspi

# Every question is a round trip to the program, which under the
# sanitizers answers slowly: the default of 25 s per call is not enough
# there. The test program's own 90 s bound still ends a walk that hangs.
Atspi.set_timeout(80000, 80000)

CLASS_NAME = re.compile(r"^Gtk[A-Z]\w*$")
MNEMONIC = re.compile(r"(^|\w|\s)_[^\W_]")
IMAGE_ROLES = {pyatspi.ROLE_IMAGE, pyatspi.ROLE_ICON}
# What a screen reader reads out as it moves: a GTK class name there is
# GTK's fallback for a widget nobody named. Containers and GTK's own parts
# (fillers, panels, scroll bars) are passed over, as Orca does.
READ_ROLES = IMAGE_ROLES | {
    pyatspi.ROLE_CHECK_BOX, pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_ENTRY,
    pyatspi.ROLE_LABEL, pyatspi.ROLE_LIST_ITEM, pyatspi.ROLE_MENU_ITEM,
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_SLIDER,
    pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_TABLE_CELL, pyatspi.ROLE_TEXT,
    pyatspi.ROLE_TOGGLE_BUTTON,
}


def find_application(pid):
    desktop = pyatspi.Registry.getDesktop(0)
    for app in desktop:
        try:
            if app is not None and app.get_process_id() == pid:
                return app
        except Exception:
            continue
    return None


def path_of(obj):
    parts = []
    while obj is not None and obj.getRole() != pyatspi.ROLE_APPLICATION:
        parts.append("%s(%s)" % (obj.getRoleName(), obj.name or ""))
        obj = obj.parent
    return " / ".join(reversed(parts))


def check(obj, problems, counts):
    role = obj.getRole()
    name = obj.name or ""
    states = obj.getState()
    counts[0] += 1

    read = states.contains(pyatspi.STATE_FOCUSABLE) or role in READ_ROLES
    what = None
    if (states.contains(pyatspi.STATE_FOCUSABLE) or role in IMAGE_ROLES) and not name.strip():
        what = "no name"
    elif read and CLASS_NAME.match(name):
        what = "named like a GTK class"
    elif read and MNEMONIC.search(name):
        what = "name holds a mnemonic underscore"
    if what is not None:
        problems.append("%s: %s" % (what, path_of(obj)))

    for i in range(obj.childCount):
        child = obj.getChildAtIndex(i)
        if child is not None:
            check(child, problems, counts)


def main():
    pid = int(sys.argv[1])
    n_windows = int(sys.argv[2])
    deadline = time.monotonic() + 20

    while True:
        app = find_application(pid)
        if app is not None:
            windows = [app.getChildAtIndex(i) for i in range(app.childCount)]
            windows = [w for w in windows if w is not None]
            if len(windows) >= n_windows:
                break
        if time.monotonic() > deadline:
            print("timed out waiting for %d windows of process %d" % (n_windows, pid))
            return 2
        time.sleep(0.2)

    problems = []
    counts = [0]
    for window in windows:
        check(window, problems, counts)
    for problem in problems:
        print(problem)
    print("# %d objects in %d windows, %d problems" % (counts[0], len(windows), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
