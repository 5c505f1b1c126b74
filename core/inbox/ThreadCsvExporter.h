#pragma once

#include "ThreadItem.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace sb {

// A contact's thread as CSV (RFC 4180: fields with a comma, quote or line break are quoted,
// quotes doubled, CRLF between records), one item a row under a header: time (ISO 8601 UTC),
// channel, direction, from, to, text, status, error, media links, author. It starts with a
// UTF-8 byte order mark, without which Excel reads UTF-8 as the local code page. A cell that a
// spreadsheet would run as a formula (starting with = + - @, or a tab or carriage return) gets
// a leading apostrophe, so a customer's message cannot become one (CSV injection); this also
// keeps "+1555…" numbers as text.
class ThreadCsvExporter {
public:
    static QStringList header();
    static QStringList row(const ThreadItem &item);
    static QByteArray toCsv(const Thread &thread);
    // Writes atomically (QSaveFile); false with *error set when it cannot.
    static bool write(const Thread &thread, const QString &path, QString *error);

    // One field, guarded and quoted as needed.
    static QString cell(const QString &value);
};

} // namespace sb
