// SPDX-License-Identifier: GPL-3.0-or-later
// ClipPlayer: plays one clip at a time through QtMultimedia (QMediaPlayer + QAudioOutput) and
// reports the playhead as a fraction of the clip. Decoding happens in QtMultimedia's backend,
// never on the GUI thread.
#pragma once

#include <QObject>
#include <QString>

class QAudioOutput;
class QMediaPlayer;

namespace sa3::ui {

class ClipPlayer : public QObject {
  Q_OBJECT
 public:
  explicit ClipPlayer(QObject* parent = nullptr);

  // Loads `path` (stopping the current clip) without starting playback.
  void setClip(const QString& path);
  QString clip() const { return m_path; }
  void play();
  void stop();
  void toggle();
  void seek(double fraction);
  bool isPlaying() const;

 signals:
  void playingChanged(bool playing);
  void positionChanged(double fraction);
  void errorOccurred(const QString& message);

 private:
  QMediaPlayer* m_player;
  QAudioOutput* m_output;
  QString m_path;
};

}  // namespace sa3::ui
