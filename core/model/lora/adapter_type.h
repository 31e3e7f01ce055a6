// SPDX-License-Identifier: GPL-3.0-or-later
// The nine adapter types of upstream's LoRAParametrization and what each one trains (spec §6.4).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sa3 {

enum class AdapterType {
  Lora,        // W0 + s·B·A
  DoraRows,    // diag(m)·V / ‖V‖_row, V = W0 + s·B·A ("dora" is its legacy name)
  DoraCols,    // V / ‖V‖_col · diag(m)
  Bora,        // rows then columns
  LoraXs,      // W0 + s·U·M·Vᵀ with frozen SVD bases
  DoraRowsXs,
  DoraColsXs,
  BoraXs,
};

// Accepts the nine names of fal's `adapter_type` (lora, dora, dora-rows, dora-cols, bora,
// lora-xs, dora-rows-xs, dora-cols-xs, bora-xs); `dora` resolves to DoraRows as upstream does
// when no magnitude shape says otherwise. Throws InvalidInput naming `field` for anything else.
AdapterType parse_adapter_type(std::string_view name, std::string_view field = "adapter_type");
const char* to_string(AdapterType type);
const std::vector<std::string>& adapter_type_names();

// Trains A [r,in] and B [out,r] (the non -xs types).
bool uses_ab(AdapterType type);
// Trains M [r,r] against frozen SVD bases U [out,r], V [in,r].
bool uses_xs(AdapterType type);
// Trains a magnitude over output rows (`magnitude` [out], or `magnitude_r` for BoRA).
bool normalises_rows(AdapterType type);
// Trains a magnitude over input columns (`magnitude` [in], or `magnitude_c` for BoRA).
bool normalises_cols(AdapterType type);

}  // namespace sa3
