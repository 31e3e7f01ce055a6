// SPDX-License-Identifier: GPL-3.0-or-later
// InterruptScope: Ctrl+C reaches the innermost scope's stop action, and each scope gives the
// signal back to what was there before it.
#include "interrupt_scope.h"

#include <gtest/gtest.h>

#include <atomic>
#include <csignal>

namespace sa3::cli {
namespace {

std::atomic<int> g_outer_handler_calls{0};
extern "C" void count_outer(int) { g_outer_handler_calls.fetch_add(1); }

struct Stoppable {
  std::atomic<bool> stopped{false};
};

TEST(InterruptScope, SigintCancelsTheJobThenThePreviousHandlerReturns) {
  std::signal(SIGINT, count_outer);
  JobControl job;
  {
    const InterruptScope interrupt(job);
    std::raise(SIGINT);
    EXPECT_TRUE(job.cancelled());
    EXPECT_EQ(g_outer_handler_calls.load(), 0);
  }
  std::raise(SIGINT);
  EXPECT_EQ(g_outer_handler_calls.load(), 1);
  std::signal(SIGINT, SIG_DFL);
}

TEST(InterruptScope, NestedScopes_InnermostStopsAndOuterComesBack) {
  JobControl outer;
  Stoppable trainer;
  const InterruptScope outer_scope(outer);
  {
    const InterruptScope inner_scope([](void* t) { static_cast<Stoppable*>(t)->stopped.store(true); }, &trainer);
    std::raise(SIGINT);
    EXPECT_TRUE(trainer.stopped.load());
    EXPECT_FALSE(outer.cancelled());
  }
  std::raise(SIGINT);
  EXPECT_TRUE(outer.cancelled());
}

}  // namespace
}  // namespace sa3::cli
