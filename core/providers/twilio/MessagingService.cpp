#include "MessagingService.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace sb {

bool MessagingService::isSid(const QString &text) {
    static const QRegularExpression pattern(QStringLiteral("^MG[0-9a-fA-F]{32}$"));
    return pattern.match(text).hasMatch();
}

QString MessagingService::invalidReason() {
    return QCoreApplication::translate(
        "MessagingService",
        "A Messaging Service's SID is MG followed by 32 hexadecimal characters.");
}

} // namespace sb
