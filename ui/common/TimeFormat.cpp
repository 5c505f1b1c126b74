#include "TimeFormat.h"

#include <QTimeZone>

namespace sb {

QString TimeFormat::brief(const QDateTime &time, const QDate &today) {
    if (!time.isValid())
        return {};
    const QDateTime local = time.toLocalTime();
    return local.toString(local.date() == today ? QStringLiteral("HH:mm")
                                                : QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString TimeFormat::full(const QDateTime &time) {
    if (!time.isValid())
        return {};
    const QDateTime local = time.toLocalTime();
    const int offset = local.offsetFromUtc();
    const QString utc = QStringLiteral("UTC%1%2:%3")
                            .arg(offset < 0 ? QLatin1Char('-') : QLatin1Char('+'))
                            .arg(qAbs(offset) / 3600, 2, 10, QLatin1Char('0'))
                            .arg(qAbs(offset) % 3600 / 60, 2, 10, QLatin1Char('0'));
    const QString zone = local.timeZoneAbbreviation();
    const QString stamp = local.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (zone.isEmpty() || zone == utc || zone == QLatin1String("UTC"))
        return QStringLiteral("%1 %2").arg(stamp, utc);
    return QStringLiteral("%1 %2 (%3)").arg(stamp, zone, utc);
}

QString TimeFormat::precise(const QDateTime &time) {
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"))
                          : QString();
}

} // namespace sb
