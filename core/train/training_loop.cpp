// SPDX-License-Identifier: GPL-3.0-or-later
// The local LoRA training loop: steps, checkpoints, events, resume and outputs.
#include "train/training_loop.h"

#include <chrono>
#include <cmath>
#include <thread>

#include <ATen/ATen.h>

#include "base/atomic_file.h"
#include "sa3/error.h"
#include "sa3/job.h"
#include "train/training_checkpoint.h"

namespace sa3 {
namespace {

nlohmann::ordered_json optional_list(const std::optional<std::vector<std::string>>& list) {
  return list ? nlohmann::ordered_json(*list) : nlohmann::ordered_json();
}

std::string relative_checkpoint(const std::filesystem::path& dir) {
  return (dir.parent_path().filename() / dir.filename()).generic_string();
}

}  // namespace

LoraConfig TrainingSettings::lora_config() const {
  LoraConfig c;
  c.rank = rank;
  c.alpha = rank;
  c.alpha_is_integer = true;
  c.adapter_type = adapter_type;
  c.include = include;
  c.exclude = exclude;
  return c;
}

std::string TrainingSettings::run_changing_json() const {
  nlohmann::ordered_json j;
  j["model"] = model;
  j["adapter_type"] = adapter_type;
  j["rank"] = rank;
  j["include"] = optional_list(include);
  j["exclude"] = optional_list(exclude);
  j["batch_size"] = batch_size;
  j["duration_frames"] = crop_frames;
  j["seed"] = seed;
  return j.dump();
}

TrainingLoop::TrainingLoop(TrainingModel& model, std::vector<TrainingExample> examples,
                           TrainingSettings settings, const RunFolder& run, TrainingControl& control)
    : model_(model),
      examples_(std::move(examples)),
      settings_(std::move(settings)),
      run_(run),
      control_(control),
      rng_(settings_.seed) {
  if (examples_.empty()) throw_invalid("audio_data_url: the dataset has no usable clips");
  if (settings_.crop_frames < 1) throw_invalid("duration: must cover at least one latent frame");
  LoraAdapterOptions options;
  options.type = parse_adapter_type(settings_.adapter_type);
  options.rank = settings_.rank;
  options.alpha = settings_.rank;
  network_ = std::make_unique<LoraNetwork>(options);
  const auto include = settings_.include;
  const auto exclude = settings_.exclude;
  const auto select = [include, exclude](const std::string& name) {
    return module_selected(name, include, exclude);
  };
  int adapted = 0;
  for (auto& [prefix, root] : model_.lora_roots()) {
    for (auto& p : root->parameters()) p.set_requires_grad(false);
    adapted += network_->attach(*root, prefix, select, rng_.generator());
  }
  if (adapted == 0) {
    throw_invalid("include: the include/exclude patterns select no module (names look like "
                  "model.transformer.layers.3.self_attn.to_qkv)");
  }
  optimizer_ = std::make_unique<AdamW>(network_->parameters(), AdamWOptions{.lr = settings_.learning_rate});
}

int TrainingLoop::warm_start(const LoraFile& file) {
  const auto unused = network_->load_state_dict(file.tensors);
  return static_cast<int>(file.tensors.size() - unused.size());
}

int64_t TrainingLoop::resume() {
  const auto checkpoints = run_.checkpoints();
  if (checkpoints.empty()) {
    throw_invalid(run_.dir().string() + ": no complete checkpoint to resume from");
  }
  const auto& [step, dir] = checkpoints.back();
  auto state = load_training_checkpoint(dir, *network_);
  const auto saved = nlohmann::json::parse(state.settings, nullptr, false);
  const auto now = nlohmann::json::parse(settings_.run_changing_json());
  std::string differences;
  for (const auto& [key, value] : now.items()) {
    const auto other = saved.is_object() && saved.contains(key) ? saved[key] : nlohmann::json();
    if (other != value) {
      differences += "\n  " + key + ": run has " + other.dump() + ", job has " + value.dump();
    }
  }
  if (!differences.empty()) {
    throw_invalid(run_.dir().string() + ": cannot resume, these settings differ from the run's" +
                  differences + "\n(start a new run, or restore the run's job.json)");
  }
  optimizer_->load_state(state.moments, state.step);
  rng_.set_state(state.rng_state);
  order_ = state.data_order;
  cursor_ = state.data_cursor;
  step_ = state.step;
  last_loss_ = state.last_loss;
  return step_;
}

std::vector<int64_t> TrainingLoop::next_batch_indices() {
  std::vector<int64_t> out;
  for (int b = 0; b < settings_.batch_size; ++b) {
    if (cursor_ >= static_cast<int64_t>(order_.size())) {
      order_ = rng_.permutation(static_cast<int64_t>(examples_.size()));
      cursor_ = 0;
    }
    out.push_back(order_[cursor_++]);
  }
  return out;
}

double TrainingLoop::train_step() {
  const auto indices = next_batch_indices();
  const int64_t crop = settings_.crop_frames;
  const auto device = model_.device();
  std::vector<at::Tensor> latents, masks, prompts;
  std::vector<double> seconds;
  for (const auto i : indices) {
    const auto& ex = examples_[static_cast<size_t>(i)];
    const int64_t full = ex.latents.size(1);
    const int64_t start = full > crop ? rng_.integer(0, full - crop) : 0;
    const int64_t valid = std::min(crop, full - start);
    auto x = at::zeros({ex.latents.size(0), crop}, at::kFloat);
    x.narrow(1, 0, valid).copy_(ex.latents.narrow(1, start, valid));
    latents.push_back(x);
    masks.push_back(at::arange(crop) < valid);
    prompts.push_back(ex.prompt);
    seconds.push_back(ex.seconds_total);
  }
  const auto padding = at::stack(masks);
  const auto x0 = at::stack(latents).to(device);
  const auto seconds_t = at::tensor(seconds, at::kDouble);
  const auto draws = draw_flow_randomness(rng_, padding, x0.size(1), settings_.objective);
  const auto in = prepare_flow_inputs(x0, seconds_t, draws, settings_.objective);

  VelocityBatch batch;
  batch.noised = in.noised;
  batch.t = in.t;
  batch.prompt = at::stack(prompts).to(device);
  batch.seconds = seconds_t.to(device);
  batch.cfg_drop = draws.cfg_drop.to(device);
  batch.local_cond = in.local_cond;
  batch.padding_mask = draws.aug_mask.to(device);
  const auto v = model_.velocity(batch);
  const auto loss = flow_loss(v, in.target, draws.aug_mask, draws.inpaint_mask,
                              settings_.objective.mask_loss_weight).loss;
  const double value = loss.item<double>();
  if (!std::isfinite(value)) return value;
  loss.backward();
  optimizer_->step();
  optimizer_->zero_grad();
  return value;
}

void TrainingLoop::emit(nlohmann::ordered_json event) {
  const auto written = run_.append_event(std::move(event));
  if (control_.on_event) control_.on_event(written);
}

void TrainingLoop::save_checkpoint(const std::vector<uint8_t>& rng_state, double loss) {
  const auto dir = run_.checkpoint_dir(step_);
  if (checkpoint_complete(dir)) return;
  TrainingState state;
  state.step = step_;
  state.moments = optimizer_->state();
  state.rng_state = rng_state;
  state.data_order = order_;
  state.data_cursor = cursor_;
  state.last_loss = loss;
  state.settings = settings_.run_changing_json();
  save_training_checkpoint(dir, *network_, settings_.lora_config(), state);
  run_.prune_checkpoints(settings_.keep_checkpoints);
  emit({{"event", "checkpoint"}, {"step", step_}, {"path", relative_checkpoint(dir)}});
}

void TrainingLoop::write_outputs(double loss) {
  const auto config = settings_.lora_config();
  const bool xs = uses_xs(parse_adapter_type(settings_.adapter_type));
  write_lora_file(run_.lora_path(), network_->state_dict(xs), config);
  auto out = nlohmann::ordered_json::parse(lora_config_to_json(config));
  out["base_model"] = settings_.model;
  out["inference_model"] = inference_model_for(settings_.model);
  out["hf_repo"] = "stabilityai/stable-audio-3-" + inference_model_for(settings_.model);
  out["sample_rate"] = 44100;
  out["latent_frames_per_second"] = 44100.0 / 4096.0;
  out["steps"] = step_;
  out["final_loss"] = loss;
  std::error_code ec;
  if (std::filesystem::is_regular_file(run_.job_path(), ec)) {
    out["job"] = nlohmann::ordered_json::parse(read_file(run_.job_path()), nullptr, false);
  }
  write_file_atomic(run_.config_path(), out.dump(2) + "\n");
}

TrainingOutcome TrainingLoop::run() {
  RunStatus status;
  status.model = settings_.model;
  status.device = settings_.device;
  status.created_at = iso8601_utc_now();
  if (step_ > 0) {
    // A resumed run keeps its creation time.
    try {
      status.created_at = run_.read_status().created_at;
    } catch (const Error&) {
      // run.json damaged or missing: the resumed run starts a fresh status
    }
  }
  status.total_steps = settings_.steps;
  status.step = step_;
  run_.write_status(status);
  emit({{"event", "start"}, {"step", step_}, {"total_steps", settings_.steps},
        {"model", settings_.model}, {"device", settings_.device}});

  const auto demo_due = [&] { return on_demo && settings_.demo_every > 0 && step_ % settings_.demo_every == 0; };
  if (demo_due()) on_demo(step_);

  double sec_per_step = 0;
  const auto finish = [&](TrainingOutcome::Kind kind, const std::string& event, const std::string& error) {
    status.status = event;
    status.step = step_;
    status.final_loss = last_loss_;
    status.error = error;
    run_.write_status(status);
    nlohmann::ordered_json e{{"event", event}, {"step", step_}};
    if (!error.empty()) e["error"] = error;
    emit(e);
    return TrainingOutcome{kind, step_, last_loss_, error};
  };

  while (step_ < settings_.steps) {
    if (control_.pause_requested()) {
      status.status = "paused";
      status.step = step_;
      run_.write_status(status);
      emit({{"event", "paused"}, {"step", step_}});
      while (control_.pause_requested()) std::this_thread::sleep_for(std::chrono::milliseconds(50));
      if (!control_.stop_requested()) {
        status.status = "running";
        run_.write_status(status);
        emit({{"event", "resumed"}, {"step", step_}});
      }
    }
    if (control_.stop_requested()) break;

    const auto rng_before = rng_.state();
    const auto order_before = order_;
    const auto cursor_before = cursor_;
    const auto t0 = std::chrono::steady_clock::now();
    const double loss = train_step();
    if (!std::isfinite(loss)) {
      order_ = order_before;
      cursor_ = cursor_before;
      save_checkpoint(rng_before, last_loss_);
      return finish(TrainingOutcome::Kind::Failed, "failed",
                    "the loss became " + std::string(std::isnan(loss) ? "NaN" : "infinite") +
                        " at step " + std::to_string(step_ + 1) +
                        "; the last good step is checkpointed (try a lower learning_rate)");
    }
    ++step_;
    last_loss_ = loss;
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    sec_per_step = sec_per_step == 0 ? secs : 0.9 * sec_per_step + 0.1 * secs;
    emit({{"event", "step"}, {"step", step_}, {"loss", loss}, {"lr", settings_.learning_rate},
          {"sec_per_step", sec_per_step}, {"eta_s", sec_per_step * static_cast<double>(settings_.steps - step_)}});
    const bool demo = demo_due();
    if (step_ % settings_.checkpoint_every == 0 || step_ == settings_.steps || demo) {
      save_checkpoint(rng_.state(), loss);
    }
    if (demo) on_demo(step_);
  }
  if (step_ < settings_.steps) {
    save_checkpoint(rng_.state(), last_loss_);
    return finish(TrainingOutcome::Kind::Stopped, "stopped", "");
  }
  write_outputs(last_loss_);
  return finish(TrainingOutcome::Kind::Finished, "finished", "");
}

}  // namespace sa3
