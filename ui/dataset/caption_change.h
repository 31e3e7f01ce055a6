// SPDX-License-Identifier: GPL-3.0-or-later
// CaptionChange: one caption's text before and after an edit, as previewed and applied.
#pragma once

#include <QString>

namespace sa3::ui {

struct CaptionChange {
  QString clipId;
  QString before;
  QString after;
};

}  // namespace sa3::ui
