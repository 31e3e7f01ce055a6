// SPDX-License-Identifier: GPL-3.0-or-later
// BulkEdit: what prefix/suffix and plain/regex find-replace do to a caption.
#include "ui/dataset/bulk_edit.h"

#include <gtest/gtest.h>

namespace sa3::ui {
namespace {

TEST(BulkEdit, Prefix_SkipsCaptionsThatAlreadyStartWithIt) {
  BulkEdit edit;
  edit.prefix = QStringLiteral("zyx, ");
  EXPECT_EQ(edit.apply(QStringLiteral("warm pad")), QStringLiteral("zyx, warm pad"));
  EXPECT_EQ(edit.apply(QStringLiteral("zyx, warm pad")), QStringLiteral("zyx, warm pad"));
  edit.skipPresent = false;
  EXPECT_EQ(edit.apply(QStringLiteral("zyx, warm pad")), QStringLiteral("zyx, zyx, warm pad"));
}

TEST(BulkEdit, PrefixOnEmptyCaption_GivesTheTriggerWordWithoutSeparator) {
  BulkEdit edit;
  edit.prefix = QStringLiteral("zyx, ");
  EXPECT_EQ(edit.apply(QString()), QStringLiteral("zyx"));
  EXPECT_EQ(edit.apply(QStringLiteral("  ")), QStringLiteral("zyx"));
}

TEST(BulkEdit, PlainFind_TreatsRegexCharactersAndBackslashesLiterally) {
  BulkEdit edit;
  edit.find = QStringLiteral("(120 bpm)");
  edit.replace = QStringLiteral("\\1");
  EXPECT_EQ(edit.apply(QStringLiteral("loop (120 bpm)")), QStringLiteral("loop \\1"));
}

TEST(BulkEdit, RegexFind_ReplacesWithCaptureGroupsThenAddsSuffix) {
  BulkEdit edit;
  edit.find = QStringLiteral("(\\d+) ?bpm");
  edit.replace = QStringLiteral("\\1 BPM");
  edit.regex = true;
  edit.suffix = QStringLiteral(", stereo");
  EXPECT_EQ(edit.apply(QStringLiteral("drums 90bpm")), QStringLiteral("drums 90 BPM, stereo"));
}

TEST(BulkEdit, CaseInsensitivePlainFind_MatchesAnyCase) {
  BulkEdit edit;
  edit.find = QStringLiteral("PAD");
  edit.replace = QStringLiteral("drone");
  edit.caseSensitive = false;
  EXPECT_EQ(edit.apply(QStringLiteral("warm Pad")), QStringLiteral("warm drone"));
}

TEST(BulkEdit, InvalidRegex_IsAProblemNamingThePosition) {
  BulkEdit edit;
  edit.find = QStringLiteral("(unclosed");
  edit.regex = true;
  EXPECT_TRUE(edit.problem().contains(QStringLiteral("position")));
  edit.regex = false;
  EXPECT_TRUE(edit.problem().isEmpty());
}

TEST(BulkEdit, NothingToDo_IsAProblem) {
  EXPECT_FALSE(BulkEdit{}.problem().isEmpty());
}

TEST(BulkEdit, TriggerWord_DropsSeparatorsOfThePrefix) {
  BulkEdit edit;
  edit.prefix = QStringLiteral(" zyxsynth, ");
  EXPECT_EQ(edit.triggerWord(), QStringLiteral("zyxsynth"));
}

}  // namespace
}  // namespace sa3::ui
