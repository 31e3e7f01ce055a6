// SPDX-License-Identifier: GPL-3.0-or-later
// Merge ids of the studio's undo commands, in one enum so no two command types collide.
#pragma once

namespace sa3::ui {

enum UndoId : int {
  SetCaptionUndoId = 1,  // consecutive typing in one caption merges into one step
};

}  // namespace sa3::ui
