// SPDX-License-Identifier: GPL-3.0-or-later
// remote.json: what a run folder remembers about its fal request (spec/contracts.md), written
// at submit and when a cancel is requested; plus the run's event writer.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "fal/fal_api.h"
#include "sa3/fal.h"

namespace sa3::fal {

struct RemoteRecord {
  std::string app;
  QueueHandle handle;
  std::string dataset_url;         // the uploaded zip's file_url (or the job's URL)
  std::string submitted_at;
  std::string cancel_requested_at;  // empty unless the user asked fal to cancel
};

void write_remote_record(const std::filesystem::path& run_dir, const RemoteRecord& record);
// Throws sa3::Error (InvalidInput) naming the folder when it holds no remote run.
RemoteRecord read_remote_record(const std::filesystem::path& run_dir);

// Appends events to progress.jsonl and passes each line on to the caller's sink.
class EventWriter {
 public:
  EventWriter(std::filesystem::path run_dir, const RemoteEventSink& sink) : run_dir_(std::move(run_dir)), sink_(sink) {}
  void emit(nlohmann::ordered_json event);
  void log(const std::string& level, const std::string& message);

 private:
  std::filesystem::path run_dir_;
  const RemoteEventSink& sink_;
};

// Reads run.json (or starts one), applies `edit`, stamps updated_at and rewrites it atomically.
void update_run_json(const std::filesystem::path& run_dir, const std::function<void(nlohmann::ordered_json&)>& edit);

}  // namespace sa3::fal
