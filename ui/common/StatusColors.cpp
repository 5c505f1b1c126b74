#include "StatusColors.h"

#include <QCoreApplication>

namespace sb {

QString StatusColors::label(const QString &status) {
    if (status == QLatin1String("pending"))
        return QCoreApplication::translate("StatusColors", "sending…");
    if (status.isEmpty())
        return QStringLiteral("-");
    QString text = status;
    text.replace(QLatin1Char('_'), QLatin1Char(' '));
    return text;
}

QColor StatusColors::color(const QString &status) {
    if (status == QLatin1String("delivered") || status == QLatin1String("read") ||
        status == QLatin1String("received"))
        return QColor(0x2e, 0x7d, 0x32); // green
    if (status == QLatin1String("failed") || status == QLatin1String("undelivered") ||
        status == QLatin1String("canceled"))
        return QColor(0xc6, 0x28, 0x28); // red
    if (status == QLatin1String("sent"))
        return QColor(0x15, 0x65, 0xc0); // blue
    return QColor(0x75, 0x75, 0x75);     // grey: pending, queued, sending, accepted...
}

QString StatusColors::tick(const QString &status) {
    if (status == QLatin1String("delivered") || status == QLatin1String("read"))
        return QStringLiteral("✓✓");
    if (status == QLatin1String("sent"))
        return QStringLiteral("✓");
    if (status == QLatin1String("failed") || status == QLatin1String("undelivered"))
        return QStringLiteral("!");
    return QStringLiteral("…");
}

} // namespace sb
