// SPDX-License-Identifier: GPL-3.0-or-later
// parity_test: one gtest per *.safetensors in the parity folder (SA3_PARITY_DIR or the folder
// configured at build time), dispatched on the file's `kind` to the registered checker. Any
// fixture set in the README's format is checked the same way, whatever its file names.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <vector>

#include "model/torch_threads.h"
#include "parity/parity_registry.h"
#include "test_support.h"

namespace sa3::test {
namespace {

class ParityFileTest : public testing::Test {
 public:
  explicit ParityFileTest(std::filesystem::path path) : path_(std::move(path)) {}

  void TestBody() override {
    init_torch_threads();
    const ParityFixture fixture(path_);
    if (fixture.kind().empty())
      GTEST_SKIP() << path_ << " has no `kind` metadata (a companion file another fixture names)";
    const ParityChecker* checker = find_parity_checker(fixture.kind());
    if (!checker) GTEST_SKIP() << "no checker registered for kind '" << fixture.kind() << "' yet";
    (*checker)(fixture);
  }

 private:
  std::filesystem::path path_;
};

class MissingParityFolderTest : public testing::Test {
 public:
  explicit MissingParityFolderTest(std::filesystem::path dir) : dir_(std::move(dir)) {}
  void TestBody() override {
    GTEST_SKIP() << "no parity fixtures in " << dir_ << " (set SA3_PARITY_DIR)";
  }

 private:
  std::filesystem::path dir_;
};

std::string test_name(const std::filesystem::path& file) {
  std::string name = file.stem().string();
  std::replace_if(name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
  return name;
}

// Registration happens during static initialisation, like TEST(), so gtest_main sees it.
bool register_parity_tests() {
  const std::filesystem::path dir = parity_dir();
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
    if (entry.path().extension() == ".safetensors") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    testing::RegisterTest("Parity", "Fixtures", nullptr, nullptr, __FILE__, __LINE__,
                          [dir]() -> testing::Test* { return new MissingParityFolderTest(dir); });
    return false;
  }
  for (const auto& file : files) {
    testing::RegisterTest("Parity", test_name(file).c_str(), nullptr, file.string().c_str(),
                          __FILE__, __LINE__,
                          [file]() -> testing::Test* { return new ParityFileTest(file); });
  }
  return true;
}

const bool registered = register_parity_tests();

}  // namespace
}  // namespace sa3::test
