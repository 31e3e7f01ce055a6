// SPDX-License-Identifier: GPL-3.0-or-later
// remote.json, run.json updates and event output for remote runs.
#include "fal/remote_store.h"

#include "base/atomic_file.h"
#include "job/run_folder.h"

namespace sa3::fal {

namespace fs = std::filesystem;
using nlohmann::json;
using nlohmann::ordered_json;

void write_remote_record(const fs::path& run_dir, const RemoteRecord& r) {
  const ordered_json j{{"app", r.app},
                       {"request_id", r.handle.request_id},
                       {"status_url", r.handle.status_url},
                       {"response_url", r.handle.response_url},
                       {"cancel_url", r.handle.cancel_url},
                       {"dataset_url", r.dataset_url},
                       {"submitted_at", r.submitted_at},
                       {"cancel_requested_at", r.cancel_requested_at.empty() ? json(nullptr) : json(r.cancel_requested_at)}};
  write_file_atomic(run_dir / "remote.json", j.dump(2) + "\n");
}

RemoteRecord read_remote_record(const fs::path& run_dir) {
  const fs::path path = run_dir / "remote.json";
  if (!fs::exists(path))
    throw_invalid(run_dir.string() + ": not a remote run (no remote.json); start one with sa3 train --remote");
  const json j = json::parse(read_file(path), nullptr, false);
  if (!j.is_object()) throw_invalid(path.string() + ": not a JSON object");
  auto text = [&](const char* key) {
    if (!j.contains(key) || !j[key].is_string()) return std::string();
    return j[key].get<std::string>();
  };
  RemoteRecord r;
  r.app = text("app");
  r.handle = {text("request_id"), text("status_url"), text("response_url"), text("cancel_url")};
  r.dataset_url = text("dataset_url");
  r.submitted_at = text("submitted_at");
  r.cancel_requested_at = text("cancel_requested_at");
  if (r.handle.request_id.empty() || r.handle.status_url.empty() || r.handle.response_url.empty() ||
      r.handle.cancel_url.empty())
    throw_invalid(path.string() + ": lacks request_id or the status/response/cancel URLs");
  return r;
}

void EventWriter::emit(ordered_json event) {
  const std::string line = append_progress_event(run_dir_, std::move(event));
  if (sink_) sink_(line);
}

void EventWriter::log(const std::string& level, const std::string& message) {
  emit({{"event", "log"}, {"level", level}, {"message", message}});
}

void update_run_json(const fs::path& run_dir, const std::function<void(ordered_json&)>& edit) {
  ordered_json run = ordered_json::object();
  if (fs::exists(run_dir / "run.json")) {
    read_run_json(run_dir);  // names the file when it is not a JSON object
    run = ordered_json::parse(read_file(run_dir / "run.json"));
  }
  edit(run);
  run["updated_at"] = iso8601_utc_now();
  write_run_json(run_dir, run);
}

}  // namespace sa3::fal
