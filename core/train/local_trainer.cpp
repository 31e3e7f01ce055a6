// SPDX-License-Identifier: GPL-3.0-or-later
// LocalTrainer (sa3/trainer.h): job → model, encoded data, TrainingLoop on a worker thread.
#include "sa3/trainer.h"

#include <functional>
#include <mutex>
#include <thread>

#include <ATen/ATen.h>
#include <ATen/Context.h>

#include "base/atomic_file.h"
#include "base/sha256.h"
#include "job/job_json.h"
#include "model/lora/lora_file.h"
#include "model/sa3_model.h"
#include "model/torch_threads.h"
#include "net/file_download.h"
#include "sa3/dataset.h"
#include "sa3/paths.h"
#include "train/job_inputs.h"
#include "train/sa3_training_model.h"
#include "train/training_data.h"
#include "train/training_demos.h"
#include "train/training_loop.h"

namespace sa3 {
namespace {

at::Device resolve_device(const std::string& device) {
  if (device == "cpu") return at::kCPU;
  if (device == "cuda") {
    if (!at::hasCUDA()) throw_environment("--device cuda: this build or machine has no CUDA device");
    return at::kCUDA;
  }
  if (device != "auto") throw_invalid("--device: expected auto, cpu or cuda (got '" + device + "')");
  return at::hasCUDA() ? at::Device(at::kCUDA) : at::Device(at::kCPU);
}

// The dataset as given: --dataset, else audio_data_url (a URL is downloaded into the run).
std::filesystem::path dataset_source(const LocalTrainingRequest& r, JobControl& job) {
  if (r.dataset) return *r.dataset;
  return local_job_input(r.job.audio_data_url, r.run_dir / "dataset.zip", "audio_data_url", job);
}

// The pre_encode cache's model part of the key: the id alone would let a tiny test model
// (`sa3 models make-tiny`) and the real one of the same id share latents of other shapes.
std::string model_fingerprint(const std::string& id, const Sa3ModelPaths& paths) {
  std::error_code size_error, config_error;
  const auto weights_size = std::filesystem::file_size(paths.checkpoint, size_error);
  const bool has_config = std::filesystem::is_regular_file(paths.model_config, config_error);
  return id + " " + std::to_string(size_error ? 0 : weights_size) + " " +
         (has_config ? sha256_file_hex(paths.model_config) : std::string());
}

// A zip dataset is unpacked into the run folder once.
std::filesystem::path unpacked_dataset(const std::filesystem::path& source, const std::filesystem::path& run_dir,
                                       JobControl& job) {
  if (std::filesystem::is_directory(source)) return source;
  if (!std::filesystem::is_regular_file(source)) throw_invalid("audio_data_url: " + source.string() + ": no such folder or zip");
  const auto target = run_dir / "dataset";
  if (!std::filesystem::is_directory(target)) {
    auto imported = import_zip(source, target, job);
    if (!imported) throw Error(imported.error().kind, imported.error().message);
  }
  return target;
}

}  // namespace

struct LocalTrainer::State {
  std::thread worker;
  TrainingControl control;
  std::mutex mutex;
  std::optional<Result<LocalTrainingResult>> result;
  JobControl job;
};

LocalTrainer::LocalTrainer() : state_(std::make_unique<State>()) {}

LocalTrainer::~LocalTrainer() {
  stop();
  if (state_->worker.joinable()) state_->worker.join();
}

void LocalTrainer::pause() { state_->control.request_pause(); }
void LocalTrainer::unpause() { state_->control.request_resume(); }
void LocalTrainer::stop() {
  state_->control.request_stop();
  state_->job.cancel();
}

namespace {

// A failure the TrainingLoop has already written to the run folder.
class TrainingFailed : public Error {
 public:
  explicit TrainingFailed(const std::string& message) : Error(ErrorKind::InvalidInput, message) {}
};

LocalTrainingResult train_in(const LocalTrainingRequest& request, bool resuming, const RunFolder& run,
                             TrainingControl& control, JobControl& job,
                             const std::function<void(const std::string&, const std::string&)>& emit_log);

Result<LocalTrainingResult> train(const LocalTrainingRequest& request, bool resuming, TrainingControl& control,
                                  JobControl& job) {
  return capture([&]() -> LocalTrainingResult {
    init_torch_threads();
    const auto& j = request.job;
    auto run = RunFolder::open(request.run_dir, !resuming);
    if (!resuming) {
      // job.json names the dataset actually used, so `--resume RUN` finds it again.
      auto recorded = j;
      if (request.dataset) recorded.audio_data_url = std::filesystem::absolute(*request.dataset).string();
      run.write_job(job_to_json(recorded, JobFlavour::WithStudio));
    }
    const auto emit_log = [&](const std::string& level, const std::string& message) {
      const auto line = run.append_event({{"event", "log"}, {"level", level}, {"message", message}});
      if (control.on_event) control.on_event(line);
    };

    try {
      return train_in(request, resuming, run, control, job, emit_log);
    } catch (const Cancelled&) {
      throw;
    } catch (const TrainingFailed&) {
      throw;  // the loop has recorded it in run.json and progress.jsonl
    } catch (const std::exception& e) {
      RunStatus failed;
      failed.status = "failed";
      failed.model = j.model;
      failed.error = e.what();
      run.write_status(failed);
      const auto line = run.append_event({{"event", "failed"}, {"step", 0}, {"error", e.what()}});
      if (control.on_event) control.on_event(line);
      throw;
    }
  });
}

LocalTrainingResult train_in(const LocalTrainingRequest& request, bool resuming, const RunFolder& run,
                             TrainingControl& control, JobControl& job,
                             const std::function<void(const std::string&, const std::string&)>& emit_log) {
    const auto& j = request.job;
    const auto device = resolve_device(request.device);
    at::ScalarType dtype = (j.base_precision == "fp16" || j.base_precision == "float16") ? at::kHalf : at::kBFloat16;
    if (dtype == at::kHalf && device.is_cpu()) {
      dtype = at::kFloat;
      emit_log("info", "base_precision fp16 on CPU: computing in fp32 (CPU has no fast fp16 matmul)");
    }
    const auto paths = Sa3ModelPaths::in_folder(request.models_dir / j.model);
    const auto model = load_sa3_model(j.model, paths, Sa3LoadOptions{device, dtype}, &job);

    const auto root = unpacked_dataset(dataset_source(request, job), request.run_dir, job);
    auto scan = scan_dataset(root, job);
    if (!scan) throw Error(scan.error().kind, scan.error().message);
    std::vector<Clip> clips;
    for (const auto& c : scan->clips) {
      if (c.has_caption && c.header_error.empty()) clips.push_back(c);
      else emit_log("warning", c.id + ": skipped (" + (c.header_error.empty() ? "no caption" : c.header_error) + ")");
    }
    if (clips.empty()) throw_invalid("audio_data_url: " + root.string() + ": no audio file with a caption (.txt)");

    DatasetEncoders encoders;
    encoders.model_key = model_fingerprint(j.model, paths);
    encoders.pretransform = model->pretransform;
    encoders.tokenizer = model->tokenizer.get();
    encoders.text_encoder = model->t5gemma;
    encoders.padding_embedding = model->prompt_padding_embedding;
    encoders.max_prompt_tokens = model->config.prompt_max_length;
    encoders.device = device;
    std::optional<std::filesystem::path> cache;
    if (j.pre_encode) cache = data_dir() / "cache" / "training";
    auto encoded = encode_training_examples(clips, encoders, cache, job);
    if (cache) {
      emit_log("info", "pre_encode: " + std::to_string(encoded.from_cache) + " from the cache, " +
                           std::to_string(encoded.encoded) + " encoded (" + cache->string() + ")");
    }

    const int64_t native = model->config.sample_size / model->config.downsampling_ratio;
    const int64_t crop = training_crop_frames(j.duration, clips, native);

    TrainingSettings s;
    s.model = j.model;
    s.device = device.is_cuda() ? "cuda" : "cpu";
    s.steps = j.number_of_steps;
    s.learning_rate = j.learning_rate;
    s.adapter_type = j.adapter_type;
    s.rank = j.rank;
    s.batch_size = j.batch_size;
    s.seed = static_cast<uint64_t>(j.seed);
    s.crop_frames = crop;
    s.include = j.include;
    s.exclude = j.exclude;
    if (j.studio) {
      s.checkpoint_every = j.studio->checkpoint_every;
      s.keep_checkpoints = j.studio->keep_checkpoints;
    }
    const auto demos = TrainingDemos::for_job(j, *model, request.run_dir, [&](nlohmann::ordered_json event) {
      const auto line = run.append_event(std::move(event));
      if (control.on_event) control.on_event(line);
    });
    if (demos) s.demo_every = demos->every();
    Sa3TrainingModel trainable(model->dit, model->seconds_conditioner, device);
    TrainingLoop loop(trainable, std::move(encoded.examples), s, run, control);
    if (demos) loop.on_demo = [&](int64_t step) { demos->render(step, job); };
    if (resuming) {
      loop.resume();
    } else if (j.lora_checkpoint_url) {
      const auto file = local_job_input(*j.lora_checkpoint_url, request.run_dir / "warm_start.safetensors",
                                        "lora_checkpoint_url", job);
      const auto loaded = loop.warm_start(read_lora_file(file));
      emit_log("info", "warm start: " + std::to_string(loaded) + " adapter tensors from " +
                            net::redact_url(*j.lora_checkpoint_url));
    }
    const auto outcome = loop.run();
    if (outcome.kind == TrainingOutcome::Kind::Stopped) throw Cancelled();
    if (outcome.kind == TrainingOutcome::Kind::Failed) throw TrainingFailed(outcome.error);
    return {outcome.step, outcome.last_loss, run.lora_path(), run.config_path()};
}

}  // namespace

Status LocalTrainer::start(const LocalTrainingRequest& request) {
  return capture_status([&] {
    if (state_->worker.joinable()) throw_internal("LocalTrainer: a run was already started");
    const auto problems = validate_job(request.job, {.require_audio_data_url = !request.dataset});
    if (!problems.empty()) throw_invalid(describe_problems(problems));
    state_->control.on_event = [this](const nlohmann::ordered_json& e) {
      if (on_event) on_event(e.dump());
    };
    state_->worker = std::thread([this, request] {
      auto r = train(request, false, state_->control, state_->job);
      std::lock_guard<std::mutex> lock(state_->mutex);
      state_->result = std::move(r);
    });
  });
}

Status LocalTrainer::resume(const std::filesystem::path& run_dir, const std::filesystem::path& models_dir,
                            const std::string& device) {
  return capture_status([&] {
    if (state_->worker.joinable()) throw_internal("LocalTrainer: a run was already started");
    auto job = load_job_file(run_dir / "job.json", {.require_audio_data_url = false});
    if (!job) throw Error(job.error().kind, job.error().message);
    LocalTrainingRequest request;
    request.job = *job;
    request.run_dir = run_dir;
    request.models_dir = models_dir;
    request.device = device;
    if (std::filesystem::is_directory(run_dir / "dataset")) request.dataset = run_dir / "dataset";
    state_->control.on_event = [this](const nlohmann::ordered_json& e) {
      if (on_event) on_event(e.dump());
    };
    state_->worker = std::thread([this, request] {
      auto r = train(request, true, state_->control, state_->job);
      std::lock_guard<std::mutex> lock(state_->mutex);
      state_->result = std::move(r);
    });
  });
}

Result<LocalTrainingResult> LocalTrainer::wait() {
  if (state_->worker.joinable()) state_->worker.join();
  std::lock_guard<std::mutex> lock(state_->mutex);
  if (!state_->result) return Failure{ErrorKind::Internal, "LocalTrainer: no run was started"};
  return *state_->result;
}

}  // namespace sa3
