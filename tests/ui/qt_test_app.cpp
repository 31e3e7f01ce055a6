// SPDX-License-Identifier: GPL-3.0-or-later
// The GUI tests' QApplication environment and WAV writer.
#include "qt_test_app.h"

#include <gtest/gtest.h>

#include <QApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <numbers>
#include <vector>

#include "ui/studio_resources.h"

namespace sa3::test {
namespace {

class QtApplicationEnvironment : public ::testing::Environment {
 public:
  void SetUp() override {
    // Test mode moves QSettings and data paths to throwaway locations, so tests never read or
    // write the user's studio settings.
    QStandardPaths::setTestModeEnabled(true);
    // QSettings ignores test mode, so point its user scope into a folder removed at exit.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir_.path());
    QCoreApplication::setOrganizationName(QStringLiteral("sa3studio-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("sa3studio-gui-tests"));
    app_ = new QApplication(argc_, argv_);
    sa3::ui::initStudioResources();
  }
  void TearDown() override {
    delete app_;
    app_ = nullptr;
  }

 private:
  int argc_ = 1;
  char name_[16] = "sa3-gui-test";
  char* argv_[2] = {name_, nullptr};
  QApplication* app_ = nullptr;
  QTemporaryDir settingsDir_;
};

[[maybe_unused]] ::testing::Environment* const kQtEnvironment =
    ::testing::AddGlobalTestEnvironment(new QtApplicationEnvironment);

template <typename T>
void put(std::ofstream& out, T value) {
  out.write(reinterpret_cast<const char*>(&value), sizeof value);  // WAV is little-endian, as is x86
}
}  // namespace

void write_sine_wav(const std::filesystem::path& path, double seconds, int sample_rate, int channels, double hz,
                    double amplitude) {
  const auto frames = static_cast<uint32_t>(seconds * sample_rate);
  std::vector<int16_t> samples;
  samples.reserve(size_t(frames) * channels);
  for (uint32_t i = 0; i < frames; ++i) {
    const double v = amplitude * std::sin(2 * std::numbers::pi * hz * i / sample_rate);
    for (int c = 0; c < channels; ++c) samples.push_back(static_cast<int16_t>(std::lround(v * 32767)));
  }
  const auto data_bytes = static_cast<uint32_t>(samples.size() * 2);
  std::ofstream out(path, std::ios::binary);
  out.write("RIFF", 4);
  put<uint32_t>(out, 36 + data_bytes);
  out.write("WAVEfmt ", 8);
  put<uint32_t>(out, 16);
  put<uint16_t>(out, 1);  // PCM
  put<uint16_t>(out, static_cast<uint16_t>(channels));
  put<uint32_t>(out, static_cast<uint32_t>(sample_rate));
  put<uint32_t>(out, static_cast<uint32_t>(sample_rate * channels * 2));
  put<uint16_t>(out, static_cast<uint16_t>(channels * 2));
  put<uint16_t>(out, 16);
  out.write("data", 4);
  put<uint32_t>(out, data_bytes);
  out.write(reinterpret_cast<const char*>(samples.data()), data_bytes);
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

}  // namespace sa3::test
