#pragma once

#include "SandboxCallScript.h"
#include "SandboxRecordings.h"
#include "http/FormEncoding.h"
#include "http/HttpMessage.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>

class QNetworkAccessManager;

namespace sb {

class Sandbox;

// Voice in the sandbox: Twilio's Calls resource, behind the sandbox's Basic auth, in Twilio's
// JSON shapes and error format:
//   POST /2010-04-01/Accounts/{AccountSid}/Calls.json          create (To, From, Url or Twiml,
//        StatusCallback, StatusCallbackEvent...); refused at once as Twilio refuses it: no To
//        (21201), no From (21213), neither Url nor Twiml (21205), an invalid To (21211), a
//        From that is not one of the account's numbers (21210), an unreadable Url (21205)
//   GET  .../Calls.json                                        list (To, From, Status,
//        PageSize, Page; newest first, next_page_uri)
//   GET  .../Calls/{CallSid}.json                              fetch (20404 when unknown)
//   POST .../Calls/{CallSid}.json                              update: Status=canceled ends a
//        call not yet answered, Status=completed any call not yet ended; Url or Twiml on a call
//        in progress is fetched (or taken) as its new TwiML; 21220 on a call that has ended
// A call walks queued -> initiated -> ringing -> in-progress -> completed, one step every
// SandboxOptions::statusDelayMs (in progress for two), each posted, signed, to its
// StatusCallback when its StatusCallbackEvent asks for it (initiated, ringing, answered,
// completed; completed only when none is given, as Twilio). The resource itself reads
// "queued" while a call is initiated: Twilio's Calls resource has no such status. Test
// numbers, as To:
//   +15005554001 busy, +15005554002 no-answer (rings, nobody answers), +15005554003 failed
//   (never rings), +15005554004 canceled (the caller hangs up while it rings).
// Once answered, a call with a Url fetches its TwiML with a signed POST, as Twilio does
// (Method GET: a signed GET with the parameters in the query), and follows it (or its Twiml)
// verb by verb (SandboxCallScript); the end of the document, <Hangup> or an update with
// Status=completed ends it. A call with neither (a <Dial>'s child leg) talks for two steps.
// Record=true records a call from its answer to its end: once it has completed, a recording
// (source OutboundAPI, as long as the call) is made and posted signed to
// RecordingStatusCallback when RecordingStatusCallbackEvent asks for "completed" (the default);
// its in-progress and absent events are not simulated (noted on the call).
// Sandbox-only parameter of create: SandboxDigits, keys (0-9, *, #) the caller will press,
// queued from the start for the call's <Gather> and <Record>.
// Its recordings are Twilio's Recordings resource (SandboxRecordings).
// Control endpoints, behind the sandbox's Basic auth like /sandbox/inbound:
//   POST /sandbox/calls/{CallSid}/digits (Digits)  the caller presses keys: queued for the
//        call, a waiting <Gather> takes them at once; w waits half a second (of TwiML time)
//        before the keys after it; 404 unknown call, 409 one that ended
//   POST /sandbox/inbound-call (From, To?, Url?, StatusCallback?)  a customer calls one of the
//        account's numbers (To, the first by default): an inbound call that rings, is answered
//        and follows the console's voice-response (publicBase + /twilio/voice-response, or
//        Url), with its status posted to /twilio/call-status (or StatusCallback); 201, the call
// Lives on the sandbox's thread, a child of the sandbox.
class VoiceSandbox : public QObject, private CallScriptHost {
    Q_OBJECT
public:
    // `publicBase`: the console's URL, whose webhooks inbound calls go to (empty: none).
    static void install(Sandbox &sandbox, const QString &publicBase = QString());

    // The test numbers above.
    static QString busyNumber() { return QStringLiteral("+15005554001"); }
    static QString noAnswerNumber() { return QStringLiteral("+15005554002"); }
    static QString failedNumber() { return QStringLiteral("+15005554003"); }
    static QString canceledNumber() { return QStringLiteral("+15005554004"); }

Q_SIGNALS:
    void callbackDelivered(const QString &callSid, const QString &status, int httpStatus);
    void twimlFetched(const QString &callSid, const QString &url, int httpStatus,
                      const QByteArray &twiml);
    // A call's <Gather> (or <Record>) waits for keys: what a keypad would show.
    void waitingForDigits(const QString &callSid, const QString &verb);
    // What Twilio's debugger would show for a call (code 0: a remark only).
    void noted(const QString &callSid, int errorCode, const QString &text);
    void recordingMade(const QString &callSid, const QString &recordingSid);

private:
    struct Call {
        QString sid;
        QString parentSid;
        QString direction = QStringLiteral("outbound-api");
        QString from;
        QString to;
        QString status;
        QString url;
        QString method;
        QString twiml;
        QString statusCallback;
        QString statusCallbackMethod;
        QSet<QString> events;
        QStringList remaining; // statuses still to come
        int step = 0;          // bumps when an update changes the plan: stale timers stop
        int sequence = 0;      // SequenceNumber of the next callback
        QDateTime created;
        QDateTime updated;
        QDateTime started;
        QDateTime ended;
        int duration = 0;
        int fetchStatus = 0; // the TwiML fetch's HTTP status; 0: not fetched
        QString digits;      // keys pressed, not yet taken by the script
        QStringList notes;
        // Record=true: the whole call is recorded once answered, and the recording is posted
        // to RecordingStatusCallback when it completes (for its "completed" event).
        bool record = false;
        QString recordingStatusCallback;
        QString recordingStatusCallbackMethod;
        QSet<QString> recordingEvents;
    };

    VoiceSandbox(Sandbox &sandbox, QString publicBase);
    HttpResponse pressDigits(const HttpRequest &request);
    // Queues `keys` for the call's script; each w waits half a second before the rest.
    void pressKeys(const QString &sid, const QString &keys);
    HttpResponse inboundCall(const HttpRequest &request);
    static QStringList walkTo(const QString &to);
    void startScript(const QString &sid);
    void stopScript(const QString &sid);
    void endChildren(const QString &parentSid);

    // CallScriptHost
    int secondMs() const override;
    FormFields callParams(const QString &callSid) const override;
    void request(const QString &url, const QString &method, const FormFields &params,
                 std::function<void(int, const QByteArray &)> done) override;
    QDateTime now() const override;
    void documentFetched(const QString &callSid, const QString &url, int httpStatus,
                         const QByteArray &body) override;
    QChar takeDigit(const QString &callSid) override;
    void digitsWanted(const QString &callSid, const QString &verb) override;
    QString dial(const QString &parentSid, const Dial &spec) override;
    SandboxRecording record(const QString &callSid, int seconds, const QString &source,
                            const QDateTime &started) override;
    void end(const QString &callSid, const QString &status) override;
    void note(const QString &callSid, int errorCode, const QString &text) override;

    HttpResponse create(const HttpRequest &request);
    HttpResponse list(const HttpRequest &request) const;
    HttpResponse fetch(const HttpRequest &request) const;
    HttpResponse update(const HttpRequest &request);
    void schedule(const QString &sid, int delayMs);
    void advance(const QString &sid, int step);
    void moveTo(Call &call, const QString &status);
    void finishCallRecording(const Call &call);
    void send(const QString &url, const QString &method, const FormFields &params,
              std::function<void(int, const QByteArray &)> done);
    FormFields paramsOf(const Call &call) const;
    QJsonObject callJson(const Call &call) const;
    HttpResponse notFound(const HttpRequest &request) const;

    Sandbox &m_sandbox;
    const QString m_publicBase;
    QNetworkAccessManager *m_nam;
    SandboxRecordings m_recordings;
    QHash<QString, SandboxCallScript *> m_scripts; // by CallSid, while one runs
    QHash<QString, Call> m_calls;
    QStringList m_order; // oldest first
};

} // namespace sb
