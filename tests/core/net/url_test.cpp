// SPDX-License-Identifier: GPL-3.0-or-later
// URL helpers: host identity, redirect resolution, signed-URL path appends.
#include "net/url.h"

#include <gtest/gtest.h>

#include "sa3/error.h"

namespace sa3::net {
namespace {

TEST(Url, HostKey_FillsDefaultPortAndLowercases) {
  EXPECT_EQ(host_key("https://Queue.Fal.Run/fal-ai/x"), "queue.fal.run:443");
  EXPECT_EQ(host_key("http://127.0.0.1:8080/a?b=c"), "127.0.0.1:8080");
  EXPECT_EQ(host_key_of("rest.fal.ai", "https"), "rest.fal.ai:443");
  EXPECT_THROW(host_key("not a url"), Error);
}

TEST(Url, ResolveRelativeAndAbsoluteLocations) {
  EXPECT_EQ(resolve_url("https://a.example/x/y?q=1", "/z"), "https://a.example/z");
  EXPECT_EQ(resolve_url("https://a.example/x/y", "w"), "https://a.example/x/w");
  EXPECT_EQ(resolve_url("https://a.example/x", "https://cdn.example/f?sig=1"), "https://cdn.example/f?sig=1");
}

TEST(Url, AppendPathSegment_KeepsQueryVerbatim) {
  EXPECT_EQ(append_path_segment("http://127.0.0.1:9/multipart/tok?sig=a%2Bb&x=1", "3"),
            "http://127.0.0.1:9/multipart/tok/3?sig=a%2Bb&x=1");
  EXPECT_EQ(append_path_segment("https://h/u/", "complete"), "https://h/u/complete");
}

TEST(Url, Encode_EscapesReservedCharacters) { EXPECT_EQ(url_encode("https://a/b?c=d"), "https%3A%2F%2Fa%2Fb%3Fc%3Dd"); }

}  // namespace
}  // namespace sa3::net
