#pragma once

#include <QString>
#include <QStringList>

namespace sb {

// What an inbound message says about the customer's consent, as Twilio reads it for a long
// code: the whole body, trimmed and case-insensitive, is one of the keywords ("stop please" is
// not); Twilio's own OptOutType (Advanced Opt-Out) wins when the webhook carries it.
class OptOutKeywords {
public:
    enum class Kind { None, OptOut, OptIn, Help };
    struct Reading {
        Kind kind = Kind::None;
        QString keyword;       // upper case, as matched (or OptOutType's value)
        bool fromType = false; // decided by OptOutType rather than the body
    };

    static Reading read(const QString &body, const QString &optOutType = {});
    static const QStringList &optOut(); // STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT
    static const QStringList &optIn();  // START, UNSTOP, YES
    static const QStringList &help();   // HELP, INFO
};

} // namespace sb
