#include "SendAt.h"

#include "FieldErrors.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace sb {

namespace {

const QString Field = QStringLiteral("sendAt");

} // namespace

QString SendAt::problem(const QDateTime &sendAt, const QDateTime &now) {
    const qint64 ahead = now.secsTo(sendAt);
    if (ahead < MinLeadSeconds)
        return SendAt::tr("The time to send must be at least %1 seconds from now (it is %2 UTC).")
            .arg(MinLeadSeconds)
            .arg(now.toUTC().toString(Qt::ISODate));
    if (ahead > qint64(MaxDays) * 24 * 3600)
        return SendAt::tr("The time to send can be at most %1 days ahead.").arg(MaxDays);
    return {};
}

QDateTime SendAt::read(const QJsonObject &json, const QDateTime &now, FieldErrors &errors) {
    const QJsonValue value = json.value(Field);
    if (value.isUndefined() || value.isNull())
        return {};
    // An offset is required: a time without one would be read in this machine's zone, which the
    // caller may not share.
    static const QRegularExpression withOffset(QStringLiteral(
        "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:?\\d{2})$"));
    const QString text = value.toString();
    if (!value.isString() || !withOffset.match(text).hasMatch()) {
        errors.add(Field, SendAt::tr("Must be an ISO 8601 time with its offset, e.g. "
                                     "2026-11-20T14:30:00Z or 2026-11-20T09:30:00-05:00."));
        return {};
    }
    const QDateTime at = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!at.isValid()) {
        errors.add(Field, SendAt::tr("'%1' is not a real time.").arg(text));
        return {};
    }
    if (const QString why = problem(at, now); !why.isEmpty()) {
        errors.add(Field, why);
        return {};
    }
    return at.toUTC();
}

} // namespace sb
