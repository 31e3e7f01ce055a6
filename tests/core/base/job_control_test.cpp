// SPDX-License-Identifier: GPL-3.0-or-later
#include "sa3/job_control.h"

#include <gtest/gtest.h>

#include "sa3/error.h"

namespace sa3 {

TEST(JobControl, Progress_ManyUpdates_ThrottledButFinalAlwaysDelivered) {
  JobControl job;
  int calls = 0;
  double last = -1;
  job.on_progress = [&](double done, double, const std::string&) {
    ++calls;
    last = done;
  };
  for (int i = 0; i <= 1000; ++i) job.progress(i, 1000);
  EXPECT_LT(calls, 10);
  EXPECT_EQ(last, 1000);
}

TEST(JobControl, Cancel_CheckThrowsCancelled) {
  JobControl job;
  EXPECT_NO_THROW(job.check_cancelled());
  job.cancel();
  EXPECT_THROW(job.check_cancelled(), Cancelled);
}

}  // namespace sa3
