// SPDX-License-Identifier: GPL-3.0-or-later
// Saving audition renders into the run folder (contracts.md: <run>/renders/): one wav per
// render, as rendered, and beside it a JSON with the settings that reproduce it.
// Threading: any thread (files only); the page calls it from a worker.
// Errors: the failing file is named; a JSON is written only after its wav succeeded.
#pragma once

#include <QDateTime>
#include <QStringList>

#include "sa3/audio.h"
#include "sa3/error.h"
#include "ui/audition/audition_settings.h"

namespace sa3::ui {

// Writes <run>/renders/<yyyyMMdd-HHmmss>-seed<N>-{base,lora}.{wav,json} (a "-2", "-3", ...
// suffix when that name is taken). Returns the wav paths, base first.
sa3::Result<QStringList> saveRenders(const AuditionSettings& settings, const sa3::AudioBuffer& base,
                                     const sa3::AudioBuffer& lora, const QDateTime& when);

}  // namespace sa3::ui
