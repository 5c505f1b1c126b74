#pragma once

#include <QList>
#include <QMutex>
#include <QRegularExpression>
#include <QString>
#include <QStringMatcher>

namespace sb {

// Takes secrets out of a log line before it is written, whichever category (Qt's own
// qt.httpserver dumps included) produced it:
// - every registered secret value (and its percent-encoded and debug-quoted forms);
// - the value of any Authorization, Proxy-Authorization or X-Twilio-Signature header, in the
//   forms Qt's debug output prints them: "name: value", ("name": "value"),
//   std::pair("name","value"), "name"="value", escaped inside a quoted string.
// Thread-safe: secrets become known on several threads, and every thread logs.
class LogRedactor {
public:
    LogRedactor();

    // Secrets shorter than MinSecretLength are ignored: masking every "ab" in every line
    // would make the log unreadable and hide nothing worth hiding.
    void addSecret(const QString &secret);
    QString redact(const QString &line) const;

    static constexpr qsizetype MinSecretLength = 4;
    static constexpr QLatin1String Mask{"[redacted]"};

private:
    mutable QMutex m_mutex;
    QList<QStringMatcher> m_secrets; // longest first, so a secret containing another goes whole
    QRegularExpression m_header;
    // Most lines name no credential header: these skip the expression for them, cheaply.
    QStringMatcher m_authorization{u"authorization", Qt::CaseInsensitive};
    QStringMatcher m_signature{u"signature", Qt::CaseInsensitive};
};

} // namespace sb
