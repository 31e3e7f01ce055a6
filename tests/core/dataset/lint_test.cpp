// SPDX-License-Identifier: GPL-3.0-or-later
// lint(): each rule on clips built as plain data, plus model lengths and token estimates.
#include <gtest/gtest.h>

#include <algorithm>

#include "sa3/dataset.h"

namespace {

sa3::Clip clip(const std::string& id, const std::string& caption, double seconds = 10) {
  sa3::Clip c;
  c.id = id;
  c.name = id;
  c.audio_path = "/data/" + id;
  c.caption_path = std::filesystem::path(c.audio_path).replace_extension(".txt");
  c.has_caption = true;
  c.caption = caption;
  c.format = "wav";
  c.sample_rate = 44100;
  c.channels = 2;
  c.duration_s = seconds;
  c.frames = int64_t(seconds * 44100);
  return c;
}

std::vector<sa3::Clip> four_good() {
  return {clip("a.wav", "warm pad"), clip("b.wav", "deep kick"), clip("c.wav", "airy vocal"),
          clip("d.wav", "bright pluck")};
}

std::vector<const sa3::Issue*> with_rule(const std::vector<sa3::Issue>& issues, const std::string& rule) {
  std::vector<const sa3::Issue*> out;
  for (const auto& i : issues)
    if (i.rule == rule) out.push_back(&i);
  return out;
}

TEST(Lint, CleanDataset_NoIssues) {
  EXPECT_TRUE(sa3::lint(four_good(), {}, {}).empty());
}

TEST(Lint, MissingEmptyAndNonUtf8Captions_AreErrors) {
  auto clips = four_good();
  clips[0].has_caption = false;
  clips[0].caption.clear();
  clips[1].caption = "\xEF\xBB\xBF  \n\t ";  // a byte-order mark and whitespace only
  clips[2].caption = "caf\xe9";
  clips[2].caption_utf8 = false;
  const auto issues = sa3::lint(clips, {}, {});
  ASSERT_EQ(with_rule(issues, "caption-missing").size(), 1u);
  EXPECT_EQ(with_rule(issues, "caption-missing")[0]->clip, "a.wav");
  EXPECT_EQ(with_rule(issues, "caption-missing")[0]->severity, sa3::Severity::Error);
  EXPECT_EQ(with_rule(issues, "caption-missing")[0]->field, "caption");
  ASSERT_EQ(with_rule(issues, "caption-empty").size(), 1u);
  EXPECT_EQ(with_rule(issues, "caption-empty")[0]->clip, "b.wav");
  ASSERT_EQ(with_rule(issues, "caption-not-utf8").size(), 1u);
  EXPECT_EQ(with_rule(issues, "caption-not-utf8")[0]->clip, "c.wav");
}

TEST(Lint, DuplicateCaptions_WarnOnEachNamingTheOther) {
  auto clips = four_good();
  clips[3].caption = "warm pad \n";  // same after trimming
  const auto issues = sa3::lint(clips, {}, {});
  const auto dup = with_rule(issues, "caption-duplicate");
  ASSERT_EQ(dup.size(), 2u);
  EXPECT_EQ(dup[0]->severity, sa3::Severity::Warning);
  EXPECT_NE(dup[0]->message.find("d.wav"), std::string::npos);
  EXPECT_NE(dup[1]->message.find("a.wav"), std::string::npos);
}

TEST(Lint, LongCaption_WarnsPastTokenWindow) {
  auto clips = four_good();
  std::string long_caption;
  for (int i = 0; i < 300; ++i) long_caption += "drum ";
  clips[0].caption = long_caption;
  const auto issues = sa3::lint(clips, {}, {});
  const auto too_long = with_rule(issues, "caption-too-long");
  ASSERT_EQ(too_long.size(), 1u);
  EXPECT_EQ(too_long[0]->clip, "a.wav");
}

TEST(Lint, DurationLimits_FollowTheModel) {
  auto clips = four_good();
  clips[0].duration_s = 0.5;
  clips[1].duration_s = 200;
  const double small = *sa3::model_native_length_s("small-music-base");
  const double medium = *sa3::model_native_length_s("medium-base");
  EXPECT_EQ(small, 120);
  EXPECT_EQ(medium, 380);
  const auto for_small = sa3::lint(clips, {}, {.native_length_s = small});
  EXPECT_EQ(with_rule(for_small, "too-short").size(), 1u);
  ASSERT_EQ(with_rule(for_small, "too-long").size(), 1u);
  EXPECT_EQ(with_rule(for_small, "too-long")[0]->clip, "b.wav");
  EXPECT_TRUE(with_rule(sa3::lint(clips, {}, {.native_length_s = medium}), "too-long").empty());
}

TEST(Lint, UnknownModel_FailsNamingIt) {
  const auto r = sa3::model_native_length_s("large");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("'large'"), std::string::npos);
}

TEST(Lint, ClipCountLimits_AreDatasetErrors) {
  auto clips = four_good();
  clips.pop_back();
  const auto issues = sa3::lint(clips, {}, {});
  const auto few = with_rule(issues, "too-few-clips");
  ASSERT_EQ(few.size(), 1u);
  EXPECT_EQ(few[0]->severity, sa3::Severity::Error);
  EXPECT_TRUE(few[0]->clip.empty());
  EXPECT_EQ(few[0]->field, "dataset");

  std::vector<sa3::Clip> many;
  for (int i = 0; i < 2001; ++i) many.push_back(clip("c" + std::to_string(i) + ".wav", "caption " + std::to_string(i)));
  EXPECT_EQ(with_rule(sa3::lint(many, {}, {}), "too-many-clips").size(), 1u);
}

TEST(Lint, ExcludedClips_AreNotLintedOrCounted) {
  auto clips = four_good();
  clips[0].has_caption = false;
  sa3::DatasetState state;
  state.excluded = {"a.wav"};
  const auto issues = sa3::lint(clips, state, {});
  EXPECT_TRUE(with_rule(issues, "caption-missing").empty());
  EXPECT_EQ(with_rule(issues, "too-few-clips").size(), 1u);  // 3 clips left
}

TEST(Lint, DuplicateAudioAndBasenames_Warn) {
  auto clips = four_good();
  for (auto& c : clips) {
    c.qc = sa3::ClipQc{};
    c.qc->peak_dbfs = -3;
    c.qc->decoded_frames = c.frames;
    c.qc->content_hash = "hash-" + c.id;
  }
  clips[1].qc->content_hash = clips[0].qc->content_hash;
  sa3::Clip twin = clip("a.flac", "another take");
  twin.caption_path = clips[0].caption_path;  // a.wav and a.flac share a.txt
  clips.push_back(twin);
  const auto issues = sa3::lint(clips, {}, {});
  EXPECT_EQ(with_rule(issues, "audio-duplicate").size(), 2u);
  const auto base = with_rule(issues, "basename-duplicate");
  ASSERT_EQ(base.size(), 2u);
  EXPECT_NE(base[0]->message.find("a."), std::string::npos);
}

TEST(Lint, QcProblems_ReportDecodeErrorsSilenceAndClipping) {
  auto clips = four_good();
  for (auto& c : clips) {
    c.qc = sa3::ClipQc{};
    c.qc->peak_dbfs = -3;
    c.qc->decoded_frames = c.frames;
    c.qc->content_hash = c.id;
  }
  clips[0].qc->decode_error = "a.wav: decoding failed";
  clips[1].qc->peak_dbfs = -120;
  clips[2].qc->clipped_samples = clips[2].frames;  // half of all samples
  clips[3].qc->leading_silence_s = 2.5;
  const auto issues = sa3::lint(clips, {}, {});
  ASSERT_EQ(with_rule(issues, "decode-error").size(), 1u);
  EXPECT_EQ(with_rule(issues, "decode-error")[0]->severity, sa3::Severity::Error);
  EXPECT_EQ(with_rule(issues, "silent").size(), 1u);
  EXPECT_EQ(with_rule(issues, "clipping").size(), 1u);
  ASSERT_EQ(with_rule(issues, "silence-edges").size(), 1u);
  EXPECT_EQ(with_rule(issues, "silence-edges")[0]->severity, sa3::Severity::Info);
}

TEST(Lint, TriggerWordAndAcknowledgement_WarnUnlessAcknowledged) {
  auto clips = four_good();
  for (auto& c : clips) c.caption = "zxq " + c.caption;
  clips[2].caption = "airy vocal";
  clips[3].has_caption = false;
  sa3::DatasetState state;
  state.trigger_word = "zxq";
  state.acknowledged = {"trigger-missing:c.wav", "caption-missing:d.wav"};
  const auto issues = sa3::lint(clips, state, {});
  const auto trigger = with_rule(issues, "trigger-missing");
  ASSERT_EQ(trigger.size(), 1u);
  EXPECT_EQ(trigger[0]->key(), "trigger-missing:c.wav");
  EXPECT_TRUE(trigger[0]->acknowledged);
  // Errors cannot be acknowledged away.
  ASSERT_EQ(with_rule(issues, "caption-missing").size(), 1u);
  EXPECT_FALSE(with_rule(issues, "caption-missing")[0]->acknowledged);
}

TEST(TokenCount, ShortCaption_CountsWordsAndPunctuation) {
  EXPECT_EQ(sa3::approximate_token_count("warm pad, 90 bpm"), 1u + 1 + 1 + 1 + 1 + 1);
  EXPECT_EQ(sa3::approximate_token_count(""), 1u);
  // Long words split into pieces of about four characters.
  EXPECT_EQ(sa3::approximate_token_count("synthesizer"), 1u + 3);
  // Each non-ASCII character counts once, whatever its UTF-8 length.
  EXPECT_EQ(sa3::approximate_token_count("\xc3\xa9\xe2\x82\xac"), 1u + 2);
}

}  // namespace
