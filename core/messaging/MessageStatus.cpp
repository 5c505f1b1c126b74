#include "MessageStatus.h"

#include <QHash>

namespace sb {

namespace {

const QHash<QString, int> &ranks() {
    static const QHash<QString, int> table = {
        {QStringLiteral("scheduled"), 1},
        {QStringLiteral("accepted"), 2},
        {QStringLiteral("queued"), 3},
        {QStringLiteral("sending"), 4},
        {QStringLiteral("receiving"), 4},
        {QStringLiteral("sent"), 5},
        {QStringLiteral("partially_delivered"), 6},
        {QStringLiteral("delivered"), 10},
        {QStringLiteral("undelivered"), 10},
        {QStringLiteral("failed"), 10},
        {QStringLiteral("canceled"), 10},
        {QStringLiteral("received"), 10},
        {QStringLiteral("read"), 11},
    };
    return table;
}

} // namespace

int MessageStatus::rank(const QString &status) {
    return ranks().value(status, 0);
}

bool MessageStatus::isFinal(const QString &status) {
    return rank(status) >= 10;
}

} // namespace sb
