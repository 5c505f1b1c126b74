#pragma once

#include "TwimlTree.h"
#include "http/FormEncoding.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>

#include <functional>

class QTimer;

namespace sb {

struct SandboxRecording;

// What a call's script asks of the sandbox around it (VoiceSandbox).
class CallScriptHost {
public:
    virtual ~CallScriptHost() = default;
    // How long one second of the call takes, in ms.
    virtual int secondMs() const = 0;
    // The parameters Twilio sends with every request about the call (CallSid, From, To...).
    virtual FormFields callParams(const QString &callSid) const = 0;
    // A signed request to the application, as Twilio makes it.
    virtual void request(const QString &url, const QString &method, const FormFields &params,
                         std::function<void(int httpStatus, const QByteArray &body)> done) = 0;
    virtual QDateTime now() const = 0;
    // A TwiML document was fetched for the call (whatever its HTTP status).
    virtual void documentFetched(const QString &callSid, const QString &url, int httpStatus,
                                 const QByteArray &body) = 0;
    // The next digit pressed on the call (keypad or scripted), QChar() when none is waiting.
    virtual QChar takeDigit(const QString &callSid) = 0;
    // The call waits for digits (a Gather collecting, a Record that a key may end).
    virtual void digitsWanted(const QString &callSid, const QString &verb) = 0;
    struct Dial {
        QString to;
        QString callerId;
        QString statusCallback;
        QString statusCallbackMethod;
        QStringList statusCallbackEvents;
    };
    // Starts a child leg; its ending comes back through SandboxCallScript::dialEnded().
    virtual QString dial(const QString &parentSid, const Dial &dial) = 0;
    virtual SandboxRecording record(const QString &callSid, int seconds, const QString &source,
                                    const QDateTime &started) = 0;
    // Ends the call with this status (completed, busy, no-answer...).
    virtual void end(const QString &callSid, const QString &status) = 0;
    // Something Twilio would report in its debugger (an unknown verb, a failed fetch...).
    virtual void note(const QString &callSid, int errorCode, const QString &text) = 0;
};

// Follows a call's TwiML as Twilio does, verb after verb, once the call is answered: Say (time
// proportional to its text), Play, Pause, Gather (DTMF from the keypad or a scripted list, then
// its action), Redirect, Record (a recording, its status callback, then its action), Dial (a
// child leg with its own status walk, then its action), Hangup, Reject, Message (noted only).
// An unknown verb or a document that is not TwiML ends the call (Twilio's 12100); the end of
// the document ends it too. Every request it makes is signed as Twilio signs (the host's
// request()). Times are in the call's seconds (CallScriptHost::secondMs()).
// stop() (or deleting it) ends the script wherever it is: nothing it started calls back.
class SandboxCallScript : public QObject {
    Q_OBJECT
public:
    SandboxCallScript(CallScriptHost &host, QString callSid, QObject *parent = nullptr);

    // Fetches the TwiML at `url` (signed, `method` POST unless GET) and follows it.
    void start(const QString &url, const QString &method);
    // Follows a document given as it is (a call's Twiml parameter).
    void startWith(const QByteArray &twiml);
    void stop();

    // New digits were queued for the call.
    void digitsAvailable();
    // The leg a <Dial> started has ended.
    void dialEnded(const QString &childSid, const QString &status, int seconds);

    // The verb being followed (e.g. "Gather"), empty between verbs.
    QString currentVerb() const { return m_waiting; }

private:
    void fetch(const QString &url, const QString &method, const FormFields &extra);
    void follow(const QByteArray &twiml, const QString &documentUrl);
    void next();
    void execute(const TwimlNode &verb);
    void after(int seconds, std::function<void()> then);
    void afterMs(int ms, std::function<void()> then);
    // Plays Say/Play/Pause nodes one after the other, then `then`.
    void playAll(const QList<TwimlNode> &prompts, int index, std::function<void()> then);
    int playMs(const TwimlNode &prompt) const;
    QString resolve(const QString &url) const;
    // POSTs (or GETs) `extra` to the verb's action and follows what it answers; without any
    // URL to go to, carries on with the next verb.
    void submit(const TwimlNode &verb, const FormFields &extra, bool defaultToDocument);
    void end(const QString &status);
    void fail(int errorCode, const QString &text);

    void gather(const TwimlNode &verb);
    void collect();
    void gatherTimedOut();
    void finishGather(const QString &finishedOnKey);
    void record(const TwimlNode &verb);
    void finishRecord(const QString &digits);
    void dial(const TwimlNode &verb);
    void postRecordingStatus(const QString &url, const QString &method,
                             const SandboxRecording &recording);

    CallScriptHost &m_host;
    const QString m_callSid;
    QList<TwimlNode> m_verbs;
    int m_index = 0;
    QString m_documentUrl;
    int m_generation = 0; // bumps with each document and at stop(): stale replies are dropped
    bool m_stopped = false;

    QString m_waiting; // the verb waiting for input or a leg: Gather, Record, Dial
    TwimlNode m_verb;  // that verb
    QString m_digits;  // what a Gather collected so far
    QTimer *m_inputTimer;
    QElapsedTimer m_recordClock;
    QDateTime m_recordStarted;
    QString m_dialSid;
};

} // namespace sb
