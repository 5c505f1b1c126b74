#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

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
    static TwilioIncomingNumber fromJson(const QJsonObject &json);
};

// Twilio writes dates as RFC 2822 ("Wed, 25 Nov 2026 11:00:00 +0000").
QDateTime parseTwilioDate(const QString &text);
QString formatTwilioDate(const QDateTime &time);

} // namespace sb
