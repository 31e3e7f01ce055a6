// SPDX-License-Identifier: GPL-3.0-or-later
// ABPlayer: one transport over two renders. Both play in step (one QMediaPlayer each) and only
// the selected side is audible, so switching between A and B is instant and keeps the position.
// Decoding happens in QtMultimedia's backend, never on the GUI thread.
#pragma once

#include <QObject>
#include <QString>
#include <array>

class QAudioOutput;
class QMediaPlayer;

namespace sa3::ui {

class ABPlayer : public QObject {
  Q_OBJECT
 public:
  enum class Side { A = 0, B = 1 };
  Q_ENUM(Side)

  explicit ABPlayer(QObject* parent = nullptr);

  // Loads both files (stopping playback, position 0); empty paths unload.
  void setSources(const QString& a, const QString& b);
  QString source(Side side) const { return m_sources[index(side)]; }
  // The file of the side that is heard.
  QString audibleSource() const { return source(m_side); }

  Side side() const { return m_side; }
  void setSide(Side side);
  void toggleSide();

  void play();
  void pause();
  void stop();  // pauses and returns to the start
  void togglePlay();
  bool isPlaying() const { return m_playing; }

  // Milliseconds; while stopped or paused, the position playback resumes from.
  qint64 position() const;
  void seek(qint64 ms);
  qint64 duration() const;

 signals:
  void sideChanged(sa3::ui::ABPlayer::Side side);
  void playingChanged(bool playing);
  void positionChanged(qint64 ms);
  void durationChanged(qint64 ms);
  void errorOccurred(const QString& message);

 private:
  static int index(Side side) { return static_cast<int>(side); }
  QMediaPlayer* audible() const { return m_players[index(m_side)]; }
  void applyVolumes();

  std::array<QMediaPlayer*, 2> m_players{};
  std::array<QAudioOutput*, 2> m_outputs{};
  std::array<QString, 2> m_sources;
  Side m_side = Side::A;
  bool m_playing = false;
  qint64 m_position = 0;
};

}  // namespace sa3::ui
