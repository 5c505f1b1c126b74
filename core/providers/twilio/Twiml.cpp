#include "Twiml.h"

namespace sb {

namespace {

TwimlElement withChildren(TwimlElement element, const QList<TwimlElement> &children) {
    for (const TwimlElement &child : children)
        element.append(child);
    return element;
}

} // namespace

TwimlElement Twiml::say(const QString &text, const SayAttributes &a) {
    TwimlElement e(QStringLiteral("Say"), text);
    e.set(QStringLiteral("voice"), a.voice)
        .set(QStringLiteral("language"), a.language)
        .set(QStringLiteral("loop"), a.loop);
    return e;
}

TwimlElement Twiml::play(const QString &url, const PlayAttributes &a) {
    TwimlElement e(QStringLiteral("Play"), url);
    e.set(QStringLiteral("loop"), a.loop).set(QStringLiteral("digits"), a.digits);
    return e;
}

TwimlElement Twiml::pause(const PauseAttributes &a) {
    TwimlElement e(QStringLiteral("Pause"));
    e.set(QStringLiteral("length"), a.length);
    return e;
}

TwimlElement Twiml::gather(const GatherAttributes &a, const QList<TwimlElement> &nested) {
    TwimlElement e(QStringLiteral("Gather"));
    e.set(QStringLiteral("input"), a.input)
        .set(QStringLiteral("numDigits"), a.numDigits)
        .set(QStringLiteral("action"), a.action)
        .set(QStringLiteral("method"), a.method)
        .set(QStringLiteral("timeout"), a.timeout)
        .set(QStringLiteral("speechTimeout"), a.speechTimeout)
        .set(QStringLiteral("finishOnKey"), a.finishOnKey)
        .set(QStringLiteral("hints"), a.hints)
        .set(QStringLiteral("language"), a.language)
        .set(QStringLiteral("actionOnEmptyResult"), a.actionOnEmptyResult)
        .set(QStringLiteral("partialResultCallback"), a.partialResultCallback)
        .set(QStringLiteral("partialResultCallbackMethod"), a.partialResultCallbackMethod)
        .set(QStringLiteral("profanityFilter"), a.profanityFilter)
        .set(QStringLiteral("speechModel"), a.speechModel)
        .set(QStringLiteral("enhanced"), a.enhanced);
    return withChildren(e, nested);
}

TwimlElement Twiml::record(const RecordAttributes &a) {
    TwimlElement e(QStringLiteral("Record"));
    e.set(QStringLiteral("maxLength"), a.maxLength)
        .set(QStringLiteral("playBeep"), a.playBeep)
        .set(QStringLiteral("action"), a.action)
        .set(QStringLiteral("method"), a.method)
        .set(QStringLiteral("timeout"), a.timeout)
        .set(QStringLiteral("finishOnKey"), a.finishOnKey)
        .set(QStringLiteral("trim"), a.trim)
        .set(QStringLiteral("recordingStatusCallback"), a.recordingStatusCallback)
        .set(QStringLiteral("recordingStatusCallbackMethod"), a.recordingStatusCallbackMethod)
        .set(QStringLiteral("recordingStatusCallbackEvent"), a.recordingStatusCallbackEvent)
        .set(QStringLiteral("transcribe"), a.transcribe)
        .set(QStringLiteral("transcribeCallback"), a.transcribeCallback);
    return e;
}

namespace {

TwimlElement dialElement(const QString &text, const DialAttributes &a) {
    TwimlElement e(QStringLiteral("Dial"), text);
    e.set(QStringLiteral("callerId"), a.callerId)
        .set(QStringLiteral("timeout"), a.timeout)
        .set(QStringLiteral("record"), a.record)
        .set(QStringLiteral("action"), a.action)
        .set(QStringLiteral("method"), a.method)
        .set(QStringLiteral("answerOnBridge"), a.answerOnBridge)
        .set(QStringLiteral("hangupOnStar"), a.hangupOnStar)
        .set(QStringLiteral("timeLimit"), a.timeLimit)
        .set(QStringLiteral("ringTone"), a.ringTone)
        .set(QStringLiteral("trim"), a.trim)
        .set(QStringLiteral("recordingStatusCallback"), a.recordingStatusCallback)
        .set(QStringLiteral("recordingStatusCallbackMethod"), a.recordingStatusCallbackMethod)
        .set(QStringLiteral("recordingStatusCallbackEvent"), a.recordingStatusCallbackEvent)
        .set(QStringLiteral("recordingTrack"), a.recordingTrack)
        .set(QStringLiteral("sequential"), a.sequential)
        .set(QStringLiteral("referUrl"), a.referUrl)
        .set(QStringLiteral("referMethod"), a.referMethod);
    return e;
}

} // namespace

TwimlElement Twiml::dial(const QString &number, const DialAttributes &a) {
    return dialElement(number, a);
}

TwimlElement Twiml::dial(const DialAttributes &a, const QList<TwimlElement> &nouns) {
    return withChildren(dialElement({}, a), nouns);
}

TwimlElement Twiml::redirect(const QString &url, const RedirectAttributes &a) {
    TwimlElement e(QStringLiteral("Redirect"), url);
    e.set(QStringLiteral("method"), a.method);
    return e;
}

TwimlElement Twiml::hangup() {
    return TwimlElement(QStringLiteral("Hangup"));
}

TwimlElement Twiml::reject(const RejectAttributes &a) {
    TwimlElement e(QStringLiteral("Reject"));
    e.set(QStringLiteral("reason"), a.reason);
    return e;
}

TwimlElement Twiml::enqueue(const QString &queueName, const EnqueueAttributes &a) {
    TwimlElement e(QStringLiteral("Enqueue"), queueName);
    e.set(QStringLiteral("action"), a.action)
        .set(QStringLiteral("method"), a.method)
        .set(QStringLiteral("waitUrl"), a.waitUrl)
        .set(QStringLiteral("waitUrlMethod"), a.waitUrlMethod)
        .set(QStringLiteral("workflowSid"), a.workflowSid);
    return e;
}

TwimlElement Twiml::number(const QString &phoneNumber, const NumberAttributes &a) {
    TwimlElement e(QStringLiteral("Number"), phoneNumber);
    e.set(QStringLiteral("sendDigits"), a.sendDigits)
        .set(QStringLiteral("url"), a.url)
        .set(QStringLiteral("method"), a.method)
        .set(QStringLiteral("statusCallbackEvent"), a.statusCallbackEvent)
        .set(QStringLiteral("statusCallback"), a.statusCallback)
        .set(QStringLiteral("statusCallbackMethod"), a.statusCallbackMethod)
        .set(QStringLiteral("byoc"), a.byoc)
        .set(QStringLiteral("machineDetection"), a.machineDetection)
        .set(QStringLiteral("machineDetectionTimeout"), a.machineDetectionTimeout)
        .set(QStringLiteral("amdStatusCallback"), a.amdStatusCallback)
        .set(QStringLiteral("amdStatusCallbackMethod"), a.amdStatusCallbackMethod);
    return e;
}

TwimlElement Twiml::client(const QString &identity, const ClientAttributes &a) {
    TwimlElement e(QStringLiteral("Client"), identity);
    e.set(QStringLiteral("url"), a.url)
        .set(QStringLiteral("method"), a.method)
        .set(QStringLiteral("statusCallbackEvent"), a.statusCallbackEvent)
        .set(QStringLiteral("statusCallback"), a.statusCallback)
        .set(QStringLiteral("statusCallbackMethod"), a.statusCallbackMethod);
    return e;
}

TwimlElement Twiml::conference(const QString &roomName, const ConferenceAttributes &a) {
    TwimlElement e(QStringLiteral("Conference"), roomName);
    e.set(QStringLiteral("muted"), a.muted)
        .set(QStringLiteral("beep"), a.beep)
        .set(QStringLiteral("startConferenceOnEnter"), a.startConferenceOnEnter)
        .set(QStringLiteral("endConferenceOnExit"), a.endConferenceOnExit)
        .set(QStringLiteral("waitUrl"), a.waitUrl)
        .set(QStringLiteral("waitMethod"), a.waitMethod)
        .set(QStringLiteral("maxParticipants"), a.maxParticipants)
        .set(QStringLiteral("record"), a.record)
        .set(QStringLiteral("region"), a.region)
        .set(QStringLiteral("coach"), a.coach)
        .set(QStringLiteral("trim"), a.trim)
        .set(QStringLiteral("statusCallbackEvent"), a.statusCallbackEvent)
        .set(QStringLiteral("statusCallback"), a.statusCallback)
        .set(QStringLiteral("statusCallbackMethod"), a.statusCallbackMethod)
        .set(QStringLiteral("recordingStatusCallback"), a.recordingStatusCallback)
        .set(QStringLiteral("recordingStatusCallbackMethod"), a.recordingStatusCallbackMethod)
        .set(QStringLiteral("recordingStatusCallbackEvent"), a.recordingStatusCallbackEvent)
        .set(QStringLiteral("eventCallbackUrl"), a.eventCallbackUrl)
        .set(QStringLiteral("jitterBufferSize"), a.jitterBufferSize)
        .set(QStringLiteral("participantLabel"), a.participantLabel);
    return e;
}

namespace {

TwimlElement messageElement(const QString &text, const MessageAttributes &a) {
    TwimlElement e(QStringLiteral("Message"), text);
    e.set(QStringLiteral("to"), a.to)
        .set(QStringLiteral("from"), a.from)
        .set(QStringLiteral("action"), a.action)
        .set(QStringLiteral("method"), a.method)
        .set(QStringLiteral("statusCallback"), a.statusCallback);
    return e;
}

} // namespace

TwimlElement Twiml::message(const QString &body, const MessageAttributes &a) {
    return messageElement(body, a);
}

TwimlElement Twiml::message(const MessageAttributes &a, const QList<TwimlElement> &nouns) {
    return withChildren(messageElement({}, a), nouns);
}

TwimlElement Twiml::body(const QString &text) {
    return TwimlElement(QStringLiteral("Body"), text);
}

TwimlElement Twiml::media(const QString &url) {
    return TwimlElement(QStringLiteral("Media"), url);
}

} // namespace sb
