#include "SandboxCallScript.h"

#include "SandboxRecordings.h"
#include "VoiceLogging.h"
#include "providers/twilio/TwilioResources.h"

#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <cmath>

namespace sb {

namespace {

// A caller leaving a message speaks this long (in the call's seconds) before falling silent.
constexpr int SpeechSeconds = 2;
// Speech runs at about 15 characters a second; a long Say is cut short so tests stay fast.
constexpr int SayCharactersPerSecond = 15;
constexpr int SayMaxSeconds = 5;

} // namespace

SandboxCallScript::SandboxCallScript(CallScriptHost &host, QString callSid, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_callSid(std::move(callSid))
    , m_inputTimer(new QTimer(this)) {
    m_inputTimer->setSingleShot(true);
    connect(m_inputTimer, &QTimer::timeout, this, [this] {
        if (m_waiting == QLatin1String("Gather"))
            gatherTimedOut();
        else if (m_waiting == QLatin1String("Record"))
            finishRecord(QString());
    });
}

void SandboxCallScript::start(const QString &url, const QString &method) {
    fetch(url, method, {});
}

void SandboxCallScript::startWith(const QByteArray &twiml) {
    follow(twiml, QString());
}

void SandboxCallScript::stop() {
    m_stopped = true;
    ++m_generation;
    m_inputTimer->stop();
    m_waiting.clear();
}

void SandboxCallScript::fetch(const QString &url, const QString &method, const FormFields &extra) {
    const int generation = ++m_generation;
    m_waiting.clear();
    FormFields params = m_host.callParams(m_callSid);
    params.append(extra);
    const QString verb =
        method.toUpper() == QLatin1String("GET") ? QStringLiteral("GET") : QStringLiteral("POST");
    m_host.request(url, verb, params,
                   [self = QPointer<SandboxCallScript>(this), generation,
                    url](int httpStatus, const QByteArray &body) {
                       if (!self || self->m_stopped || self->m_generation != generation)
                           return; // the call ended or moved on meanwhile
                       self->m_host.documentFetched(self->m_callSid, url, httpStatus, body);
                       if (httpStatus < 200 || httpStatus >= 300)
                           return self->fail(11200, QStringLiteral("HTTP retrieval failure: %1 "
                                                                   "answered %2")
                                                        .arg(url)
                                                        .arg(httpStatus));
                       self->follow(body, url);
                   });
}

void SandboxCallScript::follow(const QByteArray &twiml, const QString &documentUrl) {
    QString error;
    const std::optional<TwimlNode> root = TwimlTree::parse(twiml, &error);
    if (!root)
        return fail(12100, QStringLiteral("Document parse failure: %1").arg(error));
    ++m_generation;
    m_verbs = root->children;
    m_index = 0;
    m_documentUrl = documentUrl;
    next();
}

void SandboxCallScript::next() {
    if (m_stopped)
        return;
    m_waiting.clear();
    if (m_index >= m_verbs.size())
        return end(QStringLiteral("completed")); // the end of the document ends the call
    execute(m_verbs.at(m_index++));
}

void SandboxCallScript::after(int seconds, std::function<void()> then) {
    afterMs(seconds * m_host.secondMs(), std::move(then));
}

void SandboxCallScript::afterMs(int ms, std::function<void()> then) {
    const int generation = m_generation;
    QTimer::singleShot(qMax(0, ms), this, [this, generation, then = std::move(then)] {
        if (!m_stopped && m_generation == generation)
            then();
    });
}

int SandboxCallScript::playMs(const TwimlNode &prompt) const {
    const int second = m_host.secondMs();
    if (prompt.name == QLatin1String("Say")) {
        const qint64 ms = qint64(prompt.text.size()) * second / SayCharactersPerSecond;
        return int(qBound(qint64(second), ms, qint64(SayMaxSeconds) * second));
    }
    if (prompt.name == QLatin1String("Pause"))
        return qMax(0, prompt.intAttribute(QStringLiteral("length"), 1)) * second;
    return second; // Play: a short clip
}

void SandboxCallScript::playAll(const QList<TwimlNode> &prompts, int index,
                                std::function<void()> then) {
    while (index < prompts.size() && prompts.at(index).name != QLatin1String("Say") &&
           prompts.at(index).name != QLatin1String("Play") &&
           prompts.at(index).name != QLatin1String("Pause"))
        ++index; // Gather nests only these three
    if (index >= prompts.size())
        return then();
    afterMs(playMs(prompts.at(index)),
            [this, prompts, index, then = std::move(then)] { playAll(prompts, index + 1, then); });
}

QString SandboxCallScript::resolve(const QString &url) const {
    if (m_documentUrl.isEmpty())
        return url;
    return QUrl(m_documentUrl).resolved(QUrl(url)).toString();
}

void SandboxCallScript::execute(const TwimlNode &verb) {
    const QString &name = verb.name;
    qCDebug(lcVoice) << "sandbox call" << m_callSid << "follows" << name;
    if (name == QLatin1String("Say") || name == QLatin1String("Play") ||
        name == QLatin1String("Pause")) {
        afterMs(playMs(verb), [this] { next(); });
    } else if (name == QLatin1String("Gather")) {
        gather(verb);
    } else if (name == QLatin1String("Redirect")) {
        if (verb.text.isEmpty())
            return fail(12100, QStringLiteral("Document parse failure: <Redirect> without a URL"));
        fetch(resolve(verb.text), verb.attribute(QStringLiteral("method"), QStringLiteral("POST")),
              {});
    } else if (name == QLatin1String("Record")) {
        record(verb);
    } else if (name == QLatin1String("Dial")) {
        dial(verb);
    } else if (name == QLatin1String("Hangup")) {
        end(QStringLiteral("completed"));
    } else if (name == QLatin1String("Reject")) {
        // reason="busy" plays a busy signal; "rejected" (the default) a not-in-service tone,
        // which Twilio's call logs show as no-answer.
        end(verb.attribute(QStringLiteral("reason")) == QLatin1String("busy")
                ? QStringLiteral("busy")
                : QStringLiteral("no-answer"));
    } else if (name == QLatin1String("Message")) {
        m_host.note(m_callSid, 0,
                    QStringLiteral("<Message> to %1 noted, not sent: the sandbox's calls send "
                                   "no SMS")
                        .arg(verb.attribute(QStringLiteral("to"), QStringLiteral("the caller"))));
        next();
    } else {
        fail(12100, QStringLiteral("Document parse failure: unknown verb <%1>").arg(name));
    }
}

void SandboxCallScript::submit(const TwimlNode &verb, const FormFields &extra,
                               bool defaultToDocument) {
    const QString action = verb.attribute(QStringLiteral("action"));
    const QString url =
        action.isEmpty() ? (defaultToDocument ? m_documentUrl : QString()) : resolve(action);
    if (url.isEmpty())
        return next(); // nowhere to go (no action, a document given inline): carry on
    fetch(url, verb.attribute(QStringLiteral("method"), QStringLiteral("POST")), extra);
}

void SandboxCallScript::end(const QString &status) {
    if (m_stopped)
        return;
    stop();
    m_host.end(m_callSid, status);
}

void SandboxCallScript::fail(int errorCode, const QString &text) {
    m_host.note(m_callSid, errorCode, text);
    end(QStringLiteral("completed")); // Twilio says "an application error has occurred"
}

// <Gather>: plays its prompts, then collects DTMF until numDigits, finishOnKey or timeout
// seconds without a key.
void SandboxCallScript::gather(const TwimlNode &verb) {
    m_verb = verb;
    m_digits.clear();
    m_waiting = QStringLiteral("Prompts");
    const QString input = verb.attribute(QStringLiteral("input"), QStringLiteral("dtmf"));
    if (!input.contains(QLatin1String("dtmf")))
        m_host.note(
            m_callSid, 0,
            QStringLiteral("<Gather input=\"%1\">: the sandbox simulates DTMF only").arg(input));
    playAll(verb.children, 0, [this] {
        m_waiting = QStringLiteral("Gather");
        m_host.digitsWanted(m_callSid, m_waiting);
        collect();
    });
}

void SandboxCallScript::collect() {
    const int numDigits = m_verb.intAttribute(QStringLiteral("numDigits"), 0);
    const QString finishOnKey = m_verb.attributes.contains(QStringLiteral("finishOnKey"))
                                    ? m_verb.attribute(QStringLiteral("finishOnKey"))
                                    : QStringLiteral("#");
    for (QChar key = m_host.takeDigit(m_callSid); !key.isNull();
         key = m_host.takeDigit(m_callSid)) {
        if (finishOnKey.contains(key))
            return finishGather(QString(key));
        m_digits += key;
        if (numDigits > 0 && m_digits.size() >= numDigits)
            return finishGather(QString());
    }
    // Twilio's timeout runs from the prompts' end and again from each key.
    m_inputTimer->start(qMax(0, m_verb.intAttribute(QStringLiteral("timeout"), 5)) *
                        m_host.secondMs());
}

void SandboxCallScript::gatherTimedOut() {
    finishGather(QString());
}

void SandboxCallScript::finishGather(const QString &finishedOnKey) {
    m_inputTimer->stop();
    m_waiting.clear();
    if (m_digits.isEmpty() && !m_verb.boolAttribute(QStringLiteral("actionOnEmptyResult"), false))
        return next(); // no input: the verb after <Gather>
    FormFields extra{{QStringLiteral("Digits"), m_digits}};
    if (!finishedOnKey.isEmpty())
        extra.append({QStringLiteral("FinishedOnKey"), finishedOnKey});
    submit(m_verb, extra, true);
}

// <Record>: after the beep the caller speaks for SpeechSeconds, then is silent; the recording
// ends after `timeout` seconds of silence, at maxLength, or on a finishOnKey key.
void SandboxCallScript::record(const TwimlNode &verb) {
    m_verb = verb;
    m_waiting = QStringLiteral("Beep");
    const bool beep = verb.boolAttribute(QStringLiteral("playBeep"), true);
    afterMs(beep ? m_host.secondMs() / 2 : 0, [this] {
        m_waiting = QStringLiteral("Record");
        m_recordStarted = m_host.now();
        m_recordClock.start();
        const int maxLength = qMax(1, m_verb.intAttribute(QStringLiteral("maxLength"), 3600));
        const int timeout = qMax(0, m_verb.intAttribute(QStringLiteral("timeout"), 5));
        m_inputTimer->start(qMin(maxLength, SpeechSeconds + timeout) * m_host.secondMs());
        m_host.digitsWanted(m_callSid, m_waiting);
        digitsAvailable(); // a key already pressed may end it at once
    });
}

void SandboxCallScript::finishRecord(const QString &digits) {
    m_inputTimer->stop();
    m_waiting.clear();
    const int maxLength = qMax(1, m_verb.intAttribute(QStringLiteral("maxLength"), 3600));
    const int second = qMax(1, m_host.secondMs());
    // Ended by a key: as long as it ran; by silence: the speech alone (Twilio trims silence).
    const int seconds =
        digits.isEmpty()
            ? qMin(maxLength, SpeechSeconds)
            : qBound(1, int(std::lround(double(m_recordClock.elapsed()) / second)), maxLength);
    const SandboxRecording recording =
        m_host.record(m_callSid, seconds, QStringLiteral("RecordVerb"), m_recordStarted);
    const QString statusCallback = m_verb.attribute(QStringLiteral("recordingStatusCallback"));
    if (!statusCallback.isEmpty())
        postRecordingStatus(resolve(statusCallback),
                            m_verb.attribute(QStringLiteral("recordingStatusCallbackMethod"),
                                             QStringLiteral("POST")),
                            recording);
    submit(m_verb,
           {{QStringLiteral("RecordingUrl"), recording.mediaUrl},
            {QStringLiteral("RecordingSid"), recording.sid},
            {QStringLiteral("RecordingDuration"), QString::number(recording.seconds)},
            {QStringLiteral("Digits"), digits}},
           true);
}

void SandboxCallScript::digitsAvailable() {
    if (m_stopped)
        return;
    if (m_waiting == QLatin1String("Gather")) {
        collect();
    } else if (m_waiting == QLatin1String("Record")) {
        const QString finishOnKey = m_verb.attributes.contains(QStringLiteral("finishOnKey"))
                                        ? m_verb.attribute(QStringLiteral("finishOnKey"))
                                        : QStringLiteral("1234567890*#");
        // Other keys are lost, as a real caller's are while recording.
        for (QChar key = m_host.takeDigit(m_callSid); !key.isNull();
             key = m_host.takeDigit(m_callSid)) {
            if (finishOnKey.contains(key))
                return finishRecord(QString(key));
        }
    }
}

void SandboxCallScript::postRecordingStatus(const QString &url, const QString &method,
                                            const SandboxRecording &recording) {
    const FormFields call = m_host.callParams(m_callSid);
    const FormFields params = SandboxRecordings::completedCallbackParams(
        FormEncoding::value(call, QStringLiteral("AccountSid")), recording);
    const QString sid = m_callSid;
    CallScriptHost *host = &m_host;
    m_host.request(url,
                   method.toUpper() == QLatin1String("GET") ? QStringLiteral("GET")
                                                            : QStringLiteral("POST"),
                   params, [host, sid, url](int httpStatus, const QByteArray &) {
                       if (httpStatus < 200 || httpStatus >= 300)
                           host->note(sid, 11200,
                                      QStringLiteral("recordingStatusCallback %1 answered %2")
                                          .arg(url)
                                          .arg(httpStatus));
                   });
}

// <Dial>: one child leg to the first <Number> (or the Dial's own text); when it ends, its
// outcome goes to the Dial's action, or the document carries on without one.
void SandboxCallScript::dial(const TwimlNode &verb) {
    m_verb = verb;
    m_waiting = QStringLiteral("Dial");
    QList<TwimlNode> numbers;
    for (const TwimlNode &child : verb.children) {
        if (child.name == QLatin1String("Number"))
            numbers.append(child);
        else
            m_host.note(m_callSid, 0,
                        QStringLiteral("<Dial><%1>: not simulated by the sandbox").arg(child.name));
    }
    if (numbers.isEmpty() && verb.children.isEmpty() && !verb.text.isEmpty()) {
        TwimlNode number;
        number.name = QStringLiteral("Number");
        number.text = verb.text;
        numbers.append(number);
    }
    if (numbers.isEmpty())
        return fail(12100, QStringLiteral("Document parse failure: <Dial> with nothing to dial"));
    if (numbers.size() > 1)
        m_host.note(m_callSid, 0,
                    QStringLiteral("<Dial>: the sandbox rings the first of %1 numbers only")
                        .arg(numbers.size()));
    const TwimlNode &number = numbers.first();
    CallScriptHost::Dial leg;
    leg.to = number.text;
    leg.callerId = verb.attribute(QStringLiteral("callerId"));
    const QString statusCallback = number.attribute(QStringLiteral("statusCallback"));
    leg.statusCallback = statusCallback.isEmpty() ? QString() : resolve(statusCallback);
    leg.statusCallbackMethod = number.attribute(QStringLiteral("statusCallbackMethod"));
    leg.statusCallbackEvents = number.attribute(QStringLiteral("statusCallbackEvent"))
                                   .split(QLatin1Char(' '), Qt::SkipEmptyParts);
    m_dialSid = m_host.dial(m_callSid, leg);
    if (m_dialSid.isEmpty()) { // not a number Twilio could ring
        m_host.note(m_callSid, 13224,
                    QStringLiteral("<Dial>: %1 is not a valid phone number").arg(leg.to));
        afterMs(0, [this] { dialEnded(QString(), QStringLiteral("failed"), 0); });
    }
}

void SandboxCallScript::dialEnded(const QString &childSid, const QString &status, int seconds) {
    if (m_stopped || m_waiting != QLatin1String("Dial") || childSid != m_dialSid)
        return;
    m_waiting.clear();
    FormFields extra{{QStringLiteral("DialCallStatus"), status},
                     {QStringLiteral("DialCallSid"), childSid},
                     {QStringLiteral("DialCallDuration"), QString::number(seconds)}};
    // record-from-answer, record-from-ringing and their -dual forms: the bridged talk.
    if (m_verb.attribute(QStringLiteral("record")).startsWith(QLatin1String("record-from")) &&
        status == QLatin1String("completed") && seconds > 0) {
        const SandboxRecording recording = m_host.record(
            m_callSid, seconds, QStringLiteral("DialVerb"), m_host.now().addSecs(-seconds));
        const QString statusCallback = m_verb.attribute(QStringLiteral("recordingStatusCallback"));
        if (!statusCallback.isEmpty())
            postRecordingStatus(resolve(statusCallback),
                                m_verb.attribute(QStringLiteral("recordingStatusCallbackMethod"),
                                                 QStringLiteral("POST")),
                                recording);
        extra.append({QStringLiteral("RecordingUrl"), recording.mediaUrl});
        extra.append({QStringLiteral("RecordingSid"), recording.sid});
        extra.append({QStringLiteral("RecordingDuration"), QString::number(recording.seconds)});
    }
    submit(m_verb, extra, false);
}

} // namespace sb
