/* SPDX-License-Identifier: GPL-3.0-or-later */
/* (being written) */

#include "config.h"

#include "vt-price.h"
