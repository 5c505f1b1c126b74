#pragma once

#include "http/HttpServer.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>

// A stand-in for Twilio's Recordings media, on loopback in the test's thread: it serves a WAV
// (or the statuses a test scripts) at /2010-04-01/Accounts/{account}/Recordings/{sid}.wav and
// notes every request with its Authorization header and when it came. Until the sandbox serves
// recordings (another branch), the downloads under test go through TwilioClient to this, as
// the configured API base.
class FakeTwilioMedia {
public:
    struct Seen {
        QByteArray method;
        QString path;
        QByteArray authorization;
        qint64 atMs = 0;
    };

    FakeTwilioMedia();
    quint16 port() const { return m_port; }
    QString base() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    QString recordingUrl(const QString &account, const QString &sid) const {
        return base() + QStringLiteral("/2010-04-01/Accounts/%1/Recordings/%2").arg(account, sid);
    }
    // What the next requests for `sid` are answered with, in turn; then the WAV.
    void script(const QString &sid, const QList<int> &statuses) { m_script[sid] = statuses; }
    void setAudio(const QByteArray &wav) { m_wav = wav; }
    QByteArray audio() const { return m_wav; }
    QList<Seen> seen(const QString &sid = {}) const;

    // A valid mono 16-bit 8 kHz PCM WAV of `ms` milliseconds (a 440 Hz tone).
    static QByteArray makeWav(int ms);

private:
    sb::HttpServer m_server{QStringLiteral("fake-twilio")};
    quint16 m_port = 0;
    QByteArray m_wav;
    QHash<QString, QList<int>> m_script;
    QList<Seen> m_seen;
    QElapsedTimer m_clock;
};
