#include "ThreadCsvExporter.h"

#include <QSaveFile>

namespace sb {

QStringList ThreadCsvExporter::header() {
    return {QStringLiteral("time"),   QStringLiteral("channel"), QStringLiteral("direction"),
            QStringLiteral("from"),   QStringLiteral("to"),      QStringLiteral("text"),
            QStringLiteral("status"), QStringLiteral("error"),   QStringLiteral("media links"),
            QStringLiteral("author")};
}

QStringList ThreadCsvExporter::row(const ThreadItem &item) {
    QString error;
    if (item.errorCode && !item.errorMessage.isEmpty())
        error = QStringLiteral("%1 %2").arg(item.errorCode).arg(item.errorMessage);
    else if (item.errorCode)
        error = QString::number(item.errorCode);
    else
        error = item.errorMessage;
    return {item.at.toUTC().toString(Qt::ISODate),
            item.channel,
            item.direction,
            item.from,
            item.to,
            item.text,
            item.status,
            error,
            item.mediaLinks.join(QLatin1Char(' ')),
            item.author};
}

QString ThreadCsvExporter::cell(const QString &value) {
    QString v = value;
    static const QString formulaStarts = QStringLiteral("=+-@\t\r");
    if (!v.isEmpty() && formulaStarts.contains(v.front()))
        v.prepend(QLatin1Char('\''));
    const bool quote = v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('"')) ||
                       v.contains(QLatin1Char('\n')) || v.contains(QLatin1Char('\r'));
    if (!quote)
        return v;
    v.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + v + QLatin1Char('"');
}

QByteArray ThreadCsvExporter::toCsv(const Thread &thread) {
    QString out;
    auto line = [&out](const QStringList &fields) {
        for (qsizetype i = 0; i < fields.size(); ++i) {
            if (i)
                out += QLatin1Char(',');
            out += cell(fields.at(i));
        }
        out += QLatin1String("\r\n");
    };
    line(header());
    for (const ThreadItem &item : thread)
        line(row(item));
    return QByteArrayLiteral("\xEF\xBB\xBF") + out.toUtf8();
}

bool ThreadCsvExporter::write(const Thread &thread, const QString &path, QString *error) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(toCsv(thread)) < 0 || !file.commit()) {
        *error = QStringLiteral("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace sb
