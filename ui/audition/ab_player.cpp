// SPDX-License-Identifier: GPL-3.0-or-later
// ABPlayer: two synchronised QMediaPlayers, one muted.
#include "ui/audition/ab_player.h"

#include <QAudioOutput>
#include <QMediaPlayer>
#include <QUrl>

namespace sa3::ui {

ABPlayer::ABPlayer(QObject* parent) : QObject(parent) {
  for (int i = 0; i < 2; ++i) {
    m_players[i] = new QMediaPlayer(this);
    m_outputs[i] = new QAudioOutput(this);
    m_players[i]->setAudioOutput(m_outputs[i]);
    connect(m_players[i], &QMediaPlayer::errorOccurred, this,
            [this](QMediaPlayer::Error, const QString& message) { emit errorOccurred(message); });
    connect(m_players[i], &QMediaPlayer::positionChanged, this, [this, i](qint64 ms) {
      if (i != index(m_side) || !m_playing) return;
      m_position = ms;
      emit positionChanged(ms);
    });
    connect(m_players[i], &QMediaPlayer::durationChanged, this, [this, i](qint64 ms) {
      if (i == index(m_side)) emit durationChanged(ms);
    });
    connect(m_players[i], &QMediaPlayer::mediaStatusChanged, this, [this, i](QMediaPlayer::MediaStatus status) {
      // The audible side ran out: the transport stops at the start, as a player's Stop does.
      if (status == QMediaPlayer::EndOfMedia && i == index(m_side)) stop();
    });
  }
  applyVolumes();
}

void ABPlayer::setSources(const QString& a, const QString& b) {
  stop();
  m_sources = {a, b};
  for (int i = 0; i < 2; ++i)
    m_players[i]->setSource(m_sources[i].isEmpty() ? QUrl() : QUrl::fromLocalFile(m_sources[i]));
}

void ABPlayer::setSide(Side side) {
  if (side == m_side) return;
  const qint64 at = position();
  m_side = side;
  // Re-align the newly audible player with where the listener was, so a switch never jumps.
  m_players[index(side)]->setPosition(at);
  m_position = at;
  applyVolumes();
  emit sideChanged(side);
}

void ABPlayer::toggleSide() { setSide(m_side == Side::A ? Side::B : Side::A); }

void ABPlayer::applyVolumes() {
  for (int i = 0; i < 2; ++i) m_outputs[i]->setMuted(i != index(m_side));
}

void ABPlayer::play() {
  if (m_playing || m_sources[0].isEmpty()) return;
  for (QMediaPlayer* p : m_players) {
    p->setPosition(m_position);
    p->play();
  }
  m_playing = true;
  emit playingChanged(true);
}

void ABPlayer::pause() {
  if (!m_playing) return;
  m_position = audible()->position();
  for (QMediaPlayer* p : m_players) p->pause();
  m_playing = false;
  emit playingChanged(false);
}

void ABPlayer::stop() {
  for (QMediaPlayer* p : m_players) p->stop();
  m_position = 0;
  if (m_playing) {
    m_playing = false;
    emit playingChanged(false);
  }
  emit positionChanged(0);
}

void ABPlayer::togglePlay() { m_playing ? pause() : play(); }

qint64 ABPlayer::position() const { return m_playing ? audible()->position() : m_position; }

void ABPlayer::seek(qint64 ms) {
  m_position = std::max<qint64>(0, ms);
  for (QMediaPlayer* p : m_players) p->setPosition(m_position);
  emit positionChanged(m_position);
}

qint64 ABPlayer::duration() const { return audible()->duration(); }

}  // namespace sa3::ui
