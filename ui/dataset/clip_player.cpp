// SPDX-License-Identifier: GPL-3.0-or-later
// ClipPlayer: QMediaPlayer wiring.
#include "ui/dataset/clip_player.h"

#include <QAudioOutput>
#include <QMediaPlayer>
#include <QUrl>

#include "ui/logging_categories.h"

namespace sa3::ui {

ClipPlayer::ClipPlayer(QObject* parent)
    : QObject(parent), m_player(new QMediaPlayer(this)), m_output(new QAudioOutput(this)) {
  m_player->setAudioOutput(m_output);
  connect(m_player, &QMediaPlayer::playbackStateChanged, this,
          [this](QMediaPlayer::PlaybackState state) { emit playingChanged(state == QMediaPlayer::PlayingState); });
  connect(m_player, &QMediaPlayer::positionChanged, this, [this](qint64 ms) {
    const qint64 total = m_player->duration();
    emit positionChanged(total > 0 ? double(ms) / double(total) : 0.0);
  });
  connect(m_player, &QMediaPlayer::errorOccurred, this, [this](QMediaPlayer::Error, const QString& message) {
    qCWarning(lcPlayback).noquote() << m_path << message;
    emit errorOccurred(tr("Cannot play %1: %2").arg(m_path, message));
  });
}

void ClipPlayer::setClip(const QString& path) {
  if (path == m_path) return;
  m_player->stop();
  m_path = path;
  m_player->setSource(path.isEmpty() ? QUrl() : QUrl::fromLocalFile(path));
  emit positionChanged(0);
}

void ClipPlayer::play() {
  if (!m_path.isEmpty()) m_player->play();
}

void ClipPlayer::stop() {
  m_player->stop();
  emit positionChanged(0);
}

void ClipPlayer::toggle() { isPlaying() ? stop() : play(); }

void ClipPlayer::seek(double fraction) {
  const qint64 total = m_player->duration();
  if (total > 0) m_player->setPosition(qint64(fraction * double(total)));
}

bool ClipPlayer::isPlaying() const { return m_player->playbackState() == QMediaPlayer::PlayingState; }

}  // namespace sa3::ui
