// SPDX-License-Identifier: GPL-3.0-or-later
// One parity fixture file (see ../shared/fixtures/parity/README.md): its tensors, its `kind`
// and its parsed `config` metadata, as handed to the checker registered for that kind.
#pragma once

#include <ATen/core/Tensor.h>

#include <filesystem>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "io/safetensors_reader.h"

namespace sa3::test {

class ParityFixture {
 public:
  explicit ParityFixture(const std::filesystem::path& path);

  const SafetensorsFile& file() const { return file_; }
  const std::filesystem::path& path() const { return file_.path(); }
  // "" when the file has no `kind` metadata.
  const std::string& kind() const { return kind_; }
  // The `config` metadata parsed as JSON (null when absent).
  const nlohmann::json& config() const { return config_; }

  bool has(std::string_view key) const { return file_.contains(key); }
  // The tensor in its stored dtype (a read-mostly view of the file); throws naming the key.
  at::Tensor tensor(std::string_view key) const;

 private:
  SafetensorsFile file_;
  std::string kind_;
  nlohmann::json config_;
};

}  // namespace sa3::test
