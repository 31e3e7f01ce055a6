// SPDX-License-Identifier: GPL-3.0-or-later
// Opening a parity fixture and reading its metadata.
#include "parity/parity_fixture.h"

#include "model/tensor_io.h"
#include "sa3/error.h"

namespace sa3::test {

ParityFixture::ParityFixture(const std::filesystem::path& path)
    : file_(SafetensorsFile::open(path)) {
  kind_ = file_.metadata_value("kind").value_or("");
  if (auto config = file_.metadata_value("config")) {
    try {
      config_ = nlohmann::json::parse(*config);
    } catch (const nlohmann::json::exception& e) {
      throw_invalid(path.string() + ": metadata 'config' is not JSON (" + e.what() + ")");
    }
  }
}

at::Tensor ParityFixture::tensor(std::string_view key) const { return load_tensor(file_, key); }

}  // namespace sa3::test
