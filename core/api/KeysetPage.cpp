#include "KeysetPage.h"

#include "FieldErrors.h"

#include <QCoreApplication>

namespace sb {

KeysetPage KeysetPage::fromQuery(const QUrlQuery &query, FieldErrors &errors) {
    KeysetPage page;
    if (query.hasQueryItem(QStringLiteral("limit"))) {
        bool ok = false;
        page.limit = query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok || page.limit < 1 || page.limit > MaxLimit)
            errors.add(QStringLiteral("limit"),
                       KeysetPage::tr("limit must be a whole number from 1 to %1.").arg(MaxLimit));
    }
    if (query.hasQueryItem(QStringLiteral("before"))) {
        bool ok = false;
        page.beforeId = query.queryItemValue(QStringLiteral("before")).toLongLong(&ok);
        if (!ok || page.beforeId < 1)
            errors.add(QStringLiteral("before"),
                       KeysetPage::tr("before must be the `next` cursor of a previous page."));
    }
    return page;
}

} // namespace sb
