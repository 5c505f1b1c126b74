#pragma once

#include "TwimlElement.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace sb {

// The outcome of TwimlBuilder::build(): the document, or why there is none.
struct TwimlDocument {
    QByteArray xml;
    QString error; // set: xml is empty
    bool ok() const { return error.isEmpty(); }
};

// A TwiML <Response> document, written with QXmlStreamWriter in the form Twilio's helper
// libraries give it (declaration with encoding="UTF-8", no indentation).
// - Escaping is the writer's: &, < and > in text, and also " and white space in attributes.
// - Characters XML 1.0 forbids (C0 controls other than tab, LF and CR; U+FFFE, U+FFFF; lone
//   surrogates) are dropped from text and attribute values: no parser would read the document
//   otherwise (Twilio fails the whole call with error 12100), and they carry nothing a caller
//   could hear or read.
// - build() refuses what Twilio would not run rather than writing it: a verb the response
//   kind does not know, a verb nested where Twilio does not allow it (Gather holds only Say,
//   Play and Pause; Dial only Number, Client, Conference; Message only Body and Media), a
//   Dial with nothing to dial, a Play, Redirect, Number, ... without its URL or name, a method
//   other than GET or POST, an attribute value outside its documented set.
class TwimlBuilder {
    Q_DECLARE_TR_FUNCTIONS(TwimlBuilder)
public:
    enum class Kind {
        Voice,     // answers a call (VoiceResponse)
        Messaging, // answers an incoming message (MessagingResponse)
    };

    explicit TwimlBuilder(Kind kind = Kind::Voice);

    TwimlBuilder &add(const TwimlElement &verb);
    Kind kind() const { return m_kind; }
    const QList<TwimlElement> &verbs() const { return m_verbs; }

    TwimlDocument build() const;

    // Text with the characters XML 1.0 forbids removed (what build() writes).
    static QString xmlSafe(const QString &text);

private:
    QString check(const TwimlElement &element, const QString &parent, const QString &where) const;

    Kind m_kind;
    QList<TwimlElement> m_verbs;
};

} // namespace sb
