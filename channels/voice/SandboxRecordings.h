#pragma once

#include "http/FormEncoding.h"
#include "http/HttpMessage.h"

#include <QDateTime>
#include <QHash>
#include <QStringList>

namespace sb {

class Sandbox;

struct SandboxRecording {
    QString sid;
    QString callSid;
    QString source; // RecordVerb, DialVerb
    int seconds = 0;
    QDateTime started;
    QDateTime created;
    QString mediaUrl; // Twilio's RecordingUrl: the audio, without an extension
};

// Twilio's Recordings resource in the sandbox, behind its Basic auth:
//   GET    /2010-04-01/Accounts/{AC}/Calls/{CA}/Recordings.json          a call's recordings
//   GET    .../Calls/{CA}/Recordings/{RE}.json                           one, Twilio's fields
//   GET    .../Calls/{CA}/Recordings/{RE} (or .wav)                      its audio, a real WAV
//   DELETE .../Calls/{CA}/Recordings/{RE}.json                           204, then 404
// and the same under /2010-04-01/Accounts/{AC}/Recordings/{RE}, where Twilio's RecordingUrl
// points. A call's TwiML (Record, Dial record=...) makes them with create().
class SandboxRecordings {
public:
    explicit SandboxRecordings(Sandbox &sandbox);
    SandboxRecordings(const SandboxRecordings &) = delete;
    SandboxRecordings &operator=(const SandboxRecordings &) = delete;

    // Adds the routes above; the object must outlive the sandbox's server.
    void install();
    SandboxRecording create(const QString &callSid, int seconds, const QString &source,
                            const QDateTime &started);
    // What Twilio posts to a recordingStatusCallback for a completed recording.
    static FormFields completedCallbackParams(const QString &accountSid,
                                              const SandboxRecording &recording);

private:
    HttpResponse list(const HttpRequest &request) const;
    // `name` is the last path segment (RE... with its extension); `callSid` empty for the
    // account-level path.
    HttpResponse one(const HttpRequest &request, const QString &callSid, const QString &name);
    QJsonObject json(const SandboxRecording &r) const;
    HttpResponse notFound(const HttpRequest &request) const;

    Sandbox &m_sandbox;
    QHash<QString, SandboxRecording> m_recordings;
    QStringList m_order; // oldest first
};

} // namespace sb
