#include "LogRedactor.h"

#include <QMutexLocker>
#include <QUrl>

#include <algorithm>

namespace sb {

namespace {

// A credential header's name, what separates it from its value, and the value itself.
// The separator after a quoted name may be ',' (std::pair("name","value")); after a bare name
// only ':' or '=', so prose such as "Authorization failed, ..." is left alone.
const char *const HeaderPattern =
    R"((?<name>(?<![a-z])(?:proxy[-_])?authorization|x[-_]twilio[-_]signature))"
    R"((?<sep>\\?["']\s*[:=,]\s*|\s*[:=]\s*))"
    R"((?<variant>QVariant\(\w+,\s*)?)"
    R"((?<value>\\"(?:(?!\\").)*\\"|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^\r\n"',;)\]}&\\]+))";

// How a value reads inside QDebug's quotes: "a\"b" for a"b.
QString debugQuoted(const QString &s) {
    QString out = s;
    out.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    out.replace(QLatin1Char('"'), QLatin1String("\\\""));
    return out;
}

// The masked value, keeping the quoting it came in so the line still parses the same way.
QString maskKeepingQuotes(QStringView value) {
    if (value.startsWith(QLatin1String("\\\"")))
        return QLatin1String("\\\"") + QString(LogRedactor::Mask) + QLatin1String("\\\"");
    if (value.startsWith(QLatin1Char('"')) || value.startsWith(QLatin1Char('\''))) {
        const QChar quote = value.front();
        return quote + QString(LogRedactor::Mask) + quote;
    }
    return LogRedactor::Mask;
}

} // namespace

LogRedactor::LogRedactor()
    : m_header(QString::fromLatin1(HeaderPattern), QRegularExpression::CaseInsensitiveOption) {
    m_header.optimize();
}

void LogRedactor::addSecret(const QString &secret) {
    if (secret.size() < MinSecretLength)
        return;
    const QString forms[] = {secret, QString::fromLatin1(QUrl::toPercentEncoding(secret)),
                             debugQuoted(secret)};
    QMutexLocker lock(&m_mutex);
    for (const QString &form : forms) {
        if (std::none_of(m_secrets.cbegin(), m_secrets.cend(),
                         [&](const QStringMatcher &m) { return m.pattern() == form; }))
            m_secrets.append(QStringMatcher(form));
    }
    std::stable_sort(m_secrets.begin(), m_secrets.end(),
                     [](const QStringMatcher &a, const QStringMatcher &b) {
                         return a.pattern().size() > b.pattern().size();
                     });
}

QString LogRedactor::redact(const QString &line) const {
    QList<QStringMatcher> secrets;
    {
        QMutexLocker lock(&m_mutex);
        secrets = m_secrets; // a shared copy: the lock is not held while replacing
    }
    QString out = line;
    for (const QStringMatcher &secret : std::as_const(secrets)) {
        if (secret.indexIn(out) >= 0)
            out.replace(secret.pattern(), Mask);
    }
    if (m_authorization.indexIn(out) < 0 && m_signature.indexIn(out) < 0)
        return out;
    QString result;
    qsizetype copied = 0;
    QRegularExpressionMatchIterator it = m_header.globalMatch(out);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const qsizetype valueStart = match.capturedStart(QStringLiteral("value"));
        result += QStringView(out).mid(copied, valueStart - copied);
        result += maskKeepingQuotes(match.capturedView(QStringLiteral("value")));
        copied = match.capturedEnd(QStringLiteral("value"));
    }
    if (copied == 0)
        return out;
    result += QStringView(out).mid(copied);
    return result;
}

} // namespace sb
