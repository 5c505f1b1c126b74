#pragma once

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonValue>
#include <QUrlQuery>

#include <optional>

namespace sb {

class FieldErrors;

// The paging every listing of the local API shares (messages, calls, emails): `limit`
// (1–MaxLimit, default DefaultLimit) and `before`, the `next` cursor of the previous page
// (a row id: newest first, stable while rows arrive). Answers carry {"<items>": [...],
// "next": "<cursor>" | null}.
struct KeysetPage {
    Q_DECLARE_TR_FUNCTIONS(KeysetPage)

public:
    static constexpr int DefaultLimit = 50;
    static constexpr int MaxLimit = 500;

    int limit = DefaultLimit;
    qint64 beforeId = 0; // 0: from the newest

    // Adds an error per invalid parameter to `errors`.
    static KeysetPage fromQuery(const QUrlQuery &query, FieldErrors &errors);
    // One more row than the page is read (limit + 1), to know whether a next page exists
    // without a count: the cursor of the last row shown, or null.
    template <typename Rows, typename IdOf>
    static QJsonValue next(const Rows &rowsRead, int limit, IdOf idOf) {
        if (rowsRead.size() <= limit)
            return QJsonValue(QJsonValue::Null);
        return QJsonValue(QString::number(idOf(rowsRead[limit - 1])));
    }
};

} // namespace sb
