#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace sb {

// The parts of Twilio's JSON resources that Switchboard uses, read leniently.
struct TwilioMessage {
    QString sid;
    QString accountSid;
    QString from;
    QString to;
    QString body;
    QString status;
    QString direction;
    int numSegments = 0;
    int numMedia = -1; // num_media; -1 when the answer did not say
    int errorCode = 0;
    QString errorMessage;
    QDateTime dateCreated;
    QDateTime dateSent;
    QDateTime dateUpdated;

    static TwilioMessage fromJson(const QJsonObject &json);
};

struct TwilioMessagePage {
    QList<TwilioMessage> messages;
    QString nextPageUri;
};

struct TwilioAccount {
    QString sid;
    QString friendlyName;
    QString status;
    QString type;
    static TwilioAccount fromJson(const QJsonObject &json);
};

struct TwilioBalance {
    QString accountSid;
    QString balance;
    QString currency;
    static TwilioBalance fromJson(const QJsonObject &json);
};

struct TwilioIncomingNumber {
    QString sid;
    QString phoneNumber;
    QString friendlyName;
    bool sms = false;
    bool mms = false;
    bool voice = false;
    QString smsUrl;
    QString voiceUrl;
    QString statusCallback; // the number's call status callback
    // A URL setting by the name Twilio's update takes (SmsUrl, VoiceUrl, StatusCallback);
    // empty for any other name.
    QString setting(const QString &field) const;
    static TwilioIncomingNumber fromJson(const QJsonObject &json);
};

// A number in a Messaging Service's sender pool (Messaging API v1, Services/{Sid}/PhoneNumbers).
struct TwilioServiceNumber {
    QString sid; // PN…, the same as the IncomingPhoneNumber's
    QString phoneNumber;
    QStringList capabilities;                  // as Twilio lists them, e.g. "SMS", "MMS", "Voice"
    bool has(const QString &capability) const; // case-insensitive
    static TwilioServiceNumber fromJson(const QJsonObject &json);
};

// A Messaging Service (Messaging API v1, Services): where messages to its numbers go, and
// the numbers in its pool (filled in by MessagingServicesClient::listServicesWithNumbers).
struct TwilioMessagingService {
    QString sid; // MG…
    QString friendlyName;
    QString inboundRequestUrl;
    QString inboundMethod;
    QString fallbackUrl;
    QString statusCallback;
    // True: inbound messages go to each number's own webhook, not inboundRequestUrl.
    bool useInboundWebhookOnNumber = false;
    QString usecase;
    QList<TwilioServiceNumber> numbers;
    static TwilioMessagingService fromJson(const QJsonObject &json);
};

// A voice call (Calls resource). Status: queued, ringing, in-progress, completed, busy,
// failed, no-answer, canceled.
struct TwilioCall {
    QString sid;
    QString accountSid;
    QString parentCallSid;
    QString from;
    QString to;
    QString status;
    QString direction;  // inbound, outbound-api, outbound-dial
    QString answeredBy; // human, machine_start, fax, unknown, ... (with MachineDetection)
    int durationSeconds = 0;
    QString price; // negative decimal as Twilio writes it ("-0.200"); empty until billed
    QString priceUnit;
    QDateTime startTime;
    QDateTime endTime;
    QDateTime dateCreated;
    QDateTime dateUpdated;

    static TwilioCall fromJson(const QJsonObject &json);
};

struct TwilioCallPage {
    QList<TwilioCall> calls;
    QString nextPageUri; // empty on the last page
};

struct TwilioRecording {
    QString sid;
    QString accountSid;
    QString callSid;
    QString conferenceSid;
    QString status; // in-progress, paused, stopped, processing, completed, absent, deleted
    QString source; // RecordVerb, DialVerb, OutboundAPI, ...
    int channels = 0;
    int durationSeconds = -1; // -1 while still recording
    QString price;
    QString priceUnit;
    int errorCode = 0;
    QDateTime dateCreated;
    QDateTime startTime;
    QString uri;      // the JSON resource, relative to the API base
    QString mediaUrl; // the audio (WAV by default), absolute

    static TwilioRecording fromJson(const QJsonObject &json);
};

struct TwilioRecordingPage {
    QList<TwilioRecording> recordings;
    QString nextPageUri;
};

struct TwilioRecordingAudio {
    QByteArray data;
    QByteArray contentType; // audio/x-wav, audio/mpeg
};

// Twilio writes dates as RFC 2822 ("Wed, 25 Nov 2026 11:00:00 +0000").
QDateTime parseTwilioDate(const QString &text);
QString formatTwilioDate(const QDateTime &time);

} // namespace sb
