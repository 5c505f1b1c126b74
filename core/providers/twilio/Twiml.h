#pragma once

#include "TwimlAttributes.h"
#include "TwimlElement.h"

#include <QList>

namespace sb {

// Factories for the TwiML verbs and nouns Switchboard uses, each with its documented
// attributes. They only build values; TwimlBuilder refuses what Twilio would not run (a Dial
// inside a Gather, a Dial with nothing to dial, ...) and writes the XML.
//   TwimlBuilder doc(TwimlBuilder::Kind::Voice);
//   doc.add(Twiml::gather({.input = "dtmf", .numDigits = 1}, {Twiml::say("Press 1")}));
class Twiml {
public:
    Twiml() = delete;

    // Voice verbs.
    static TwimlElement say(const QString &text, const SayAttributes &attributes = {});
    static TwimlElement play(const QString &url, const PlayAttributes &attributes = {});
    static TwimlElement pause(const PauseAttributes &attributes = {});
    // Nests Say, Play and Pause only.
    static TwimlElement gather(const GatherAttributes &attributes,
                               const QList<TwimlElement> &nested = {});
    static TwimlElement record(const RecordAttributes &attributes = {});
    // A number (or SIP address) as the Dial's text...
    static TwimlElement dial(const QString &number, const DialAttributes &attributes = {});
    // ... or Number, Client or Conference nouns.
    static TwimlElement dial(const DialAttributes &attributes, const QList<TwimlElement> &nouns);
    static TwimlElement redirect(const QString &url, const RedirectAttributes &attributes = {});
    static TwimlElement hangup();
    static TwimlElement reject(const RejectAttributes &attributes = {});
    static TwimlElement enqueue(const QString &queueName, const EnqueueAttributes &attributes = {});

    // Dial's nouns.
    static TwimlElement number(const QString &phoneNumber, const NumberAttributes &attributes = {});
    static TwimlElement client(const QString &identity, const ClientAttributes &attributes = {});
    static TwimlElement conference(const QString &roomName,
                                   const ConferenceAttributes &attributes = {});

    // Messaging (also allowed in a voice response, where it sends an SMS during the call).
    static TwimlElement message(const QString &body, const MessageAttributes &attributes = {});
    // With Body and Media nouns.
    static TwimlElement message(const MessageAttributes &attributes,
                                const QList<TwimlElement> &nouns);
    static TwimlElement body(const QString &text);
    static TwimlElement media(const QString &url);
};

} // namespace sb
