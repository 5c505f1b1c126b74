#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace sb {

// The attributes of each TwiML verb and noun, as Twilio documents them
// (https://www.twilio.com/docs/voice/twiml). An empty string, an empty list or an unset
// optional leaves the attribute out, so Twilio applies its default. Lists are written
// space-separated ("initiated ringing answered completed"). Methods are GET or POST.

struct SayAttributes {
    QString voice{};    // "alice", "man", "woman", "Polly.Joanna", "Google.en-US-Neural2-A", ...
    QString language{}; // BCP-47, e.g. "en-US"
    std::optional<int> loop{};
};

struct PlayAttributes {
    std::optional<int> loop{}; // 0: until the call ends
    QString digits{};          // DTMF to play instead of a URL ("wwww1928")
};

struct PauseAttributes {
    std::optional<int> length{}; // seconds
};

struct GatherAttributes {
    QString input{}; // "dtmf", "speech" or "dtmf speech"
    std::optional<int> numDigits{};
    QString action{};
    QString method{};
    std::optional<int> timeout{};         // seconds
    QString speechTimeout{};              // seconds, or "auto"
    std::optional<QString> finishOnKey{}; // "" (the empty string) turns the key off
    QString hints{};
    QString language{};
    std::optional<bool> actionOnEmptyResult{};
    QString partialResultCallback{};
    QString partialResultCallbackMethod{};
    std::optional<bool> profanityFilter{};
    QString speechModel{};
    std::optional<bool> enhanced{};
};

struct RecordAttributes {
    std::optional<int> maxLength{}; // seconds
    std::optional<bool> playBeep{};
    QString action{};
    QString method{};
    std::optional<int> timeout{}; // seconds of silence that end the recording
    std::optional<QString> finishOnKey{};
    QString trim{}; // "trim-silence" or "do-not-trim"
    QString recordingStatusCallback{};
    QString recordingStatusCallbackMethod{};
    QStringList recordingStatusCallbackEvent{}; // in-progress, completed, absent
    std::optional<bool> transcribe{};
    QString transcribeCallback{};
};

struct DialAttributes {
    QString callerId{};
    std::optional<int> timeout{}; // seconds of ringing
    QString record{};             // do-not-record, record-from-answer, record-from-ringing, ...-dual
    QString action{};
    QString method{};
    std::optional<bool> answerOnBridge{};
    std::optional<bool> hangupOnStar{};
    std::optional<int> timeLimit{}; // seconds
    QString ringTone{};             // ISO 3166-1 country code
    QString trim{};
    QString recordingStatusCallback{};
    QString recordingStatusCallbackMethod{};
    QStringList recordingStatusCallbackEvent{};
    QString recordingTrack{}; // both, inbound, outbound
    std::optional<bool> sequential{};
    QString referUrl{};
    QString referMethod{};
};

struct NumberAttributes {
    QString sendDigits{};
    QString url{}; // TwiML run on the callee's side before connecting
    QString method{};
    QStringList statusCallbackEvent{}; // initiated, ringing, answered, completed
    QString statusCallback{};
    QString statusCallbackMethod{};
    QString byoc{};
    QString machineDetection{}; // "Enable" or "DetectMessageEnd"
    std::optional<int> machineDetectionTimeout{};
    QString amdStatusCallback{};
    QString amdStatusCallbackMethod{};
};

struct ClientAttributes {
    QString url{};
    QString method{};
    QStringList statusCallbackEvent{};
    QString statusCallback{};
    QString statusCallbackMethod{};
};

struct ConferenceAttributes {
    std::optional<bool> muted{};
    QString beep{}; // "true", "false", "onEnter", "onExit"
    std::optional<bool> startConferenceOnEnter{};
    std::optional<bool> endConferenceOnExit{};
    QString waitUrl{};
    QString waitMethod{};
    std::optional<int> maxParticipants{};
    QString record{}; // do-not-record, record-from-start
    QString region{};
    QString coach{}; // a call SID
    QString trim{};
    QStringList statusCallbackEvent{}; // start end join leave mute hold modify speaker announcement
    QString statusCallback{};
    QString statusCallbackMethod{};
    QString recordingStatusCallback{};
    QString recordingStatusCallbackMethod{};
    QStringList recordingStatusCallbackEvent{};
    QString eventCallbackUrl{};
    QString jitterBufferSize{}; // off, small, medium, large
    QString participantLabel{};
};

struct RedirectAttributes {
    QString method{};
};

struct RejectAttributes {
    QString reason{}; // "rejected" or "busy"
};

struct MessageAttributes {
    QString to{};
    QString from{};
    QString action{};
    QString method{};
    QString statusCallback{};
};

struct EnqueueAttributes {
    QString action{};
    QString method{};
    QString waitUrl{};
    QString waitUrlMethod{};
    QString workflowSid{};
};

} // namespace sb
