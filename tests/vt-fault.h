/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Faults injected into the system calls that save a file: a kill, a full disk, short writes. */

#pragma once

#include <glib.h>
#include <limits.h>

G_BEGIN_DECLS

/*
 * The calls that change files in one folder are counted: write(),
 * fsync() and fdatasync() of a file or of the folder itself, close() of
 * a file open for writing, rename() to a name in the folder. Each
 * counted call is logged by a letter: 'w', 's' (a file's sync), 'S'
 * (the folder's), 'c', 'r'.
 *
 * The definitions of those calls in vt-fault.c take the place of the C
 * library's in a program that links it (a test, for the children it
 * forks) or loads it by LD_PRELOAD (a program a test runs, with
 * $VT_FAULT_FILE naming the file that holds its VtFault: it counts into
 * it, as the test sees).
 */

typedef enum
{
  VT_FAULT_COUNT,    /* only count */
  VT_FAULT_KILL,     /* SIGKILL the process instead of making call @at */
  VT_FAULT_ENOSPC,   /* call @at fails with ENOSPC (a close() after closing) */
} VtFaultKind;

#define VT_FAULT_LOG_SIZE 4096

typedef struct
{
  VtFaultKind kind;
  guint       at;                       /* 1 for the first counted call */
  gsize       max_write;                /* a longer write() is cut short; 0: not */
  char        folder[PATH_MAX];         /* absolute, no symbolic link in it */
  char        file[PATH_MAX];           /* where it is kept */
  guint       calls;                    /* counted so far */
  gint64      first_call_time;          /* g_get_monotonic_time () of the first */
  char        log[VT_FAULT_LOG_SIZE];   /* the first calls' letters */
} VtFault;

/* A VtFault in a file, its @file, shared with the children this
 * process forks or runs from now on, counting calls in @folder. */
VtFault *vt_fault_new_shared (const char *folder);
void     vt_fault_free       (VtFault    *fault);

/* From now on (in this process), counts calls into @fault and injects
 * its fault. NULL: stops. */
void     vt_fault_attach     (VtFault    *fault);

G_END_DECLS
