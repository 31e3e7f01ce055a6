// SPDX-License-Identifier: GPL-3.0-or-later
// Step and loss values in trainer log lines. fal's trainer prints lines such as
// "step 50/1000 loss=0.21"; the parser accepts the usual variants (Step: 50, loss: 0.21,
// step=50, train/loss 0.21) and ignores lines without both a step and a loss.
#include <regex>

#include "sa3/fal.h"

namespace sa3 {

std::optional<LoggedStep> parse_logged_step(std::string_view message) {
  static const std::regex step_re(R"((?:^|[^A-Za-z_])step\s*[:=]?\s*(\d+)(?:\s*(?:/|of)\s*(\d+))?)", std::regex::icase);
  static const std::regex loss_re(R"((?:^|[^A-Za-z_])loss\s*[:=]?\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|nan|inf))",
                                  std::regex::icase);
  const std::string text(message);
  std::smatch step, loss;
  if (!std::regex_search(text, step, step_re) || !std::regex_search(text, loss, loss_re)) return std::nullopt;
  LoggedStep out;
  out.step = std::stol(step[1].str());
  out.total = step[2].matched ? std::stol(step[2].str()) : 0;
  try {
    out.loss = std::stod(loss[1].str());
  } catch (const std::exception&) {
    return std::nullopt;
  }
  return out;
}

}  // namespace sa3
