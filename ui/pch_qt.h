// SPDX-License-Identifier: GPL-3.0-or-later
// Precompiled header shared by the Qt targets (the studio library, its app and GUI tests).
#pragma once
#include <QtCore>
#include <QtGui>
#include <QtWidgets>
