// SPDX-License-Identifier: GPL-3.0-or-later
// The Audition page's RenderFunction on sa3::Generator. Lives in sa3_ui_generate, not sa3_ui,
// because the generator's implementation (sa3_sample) links torch.
#pragma once

#include "ui/audition/render_function.h"

namespace sa3::ui {

// Keeps the last opened model between calls (opening loads gigabytes), reopening only when the
// models folder or model id changes. Calls are serialised: a Generator renders one at a time.
RenderFunction makeGeneratorRenderFunction();

}  // namespace sa3::ui
