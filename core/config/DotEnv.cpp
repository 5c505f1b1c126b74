#include "DotEnv.h"

#include <QFile>

namespace sb {

QHash<QString, QString> DotEnv::parse(const QByteArray &text) {
    QHash<QString, QString> values;
    for (const QByteArray &rawLine : text.split('\n')) {
        QString line = QString::fromUtf8(rawLine).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        if (line.startsWith(QLatin1String("export ")))
            line = line.mid(7).trimmed();
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0)
            continue;
        const QString key = line.left(eq).trimmed();
        QString value = line.mid(eq + 1).trimmed();
        if (value.startsWith(QLatin1Char('"'))) {
            QString out;
            for (qsizetype i = 1; i < value.size(); ++i) {
                const QChar c = value[i];
                if (c == QLatin1Char('"'))
                    break;
                if (c == QLatin1Char('\\') && i + 1 < value.size()) {
                    const QChar n = value[++i];
                    out.append(n == QLatin1Char('n') ? QLatin1Char('\n') : n);
                } else {
                    out.append(c);
                }
            }
            value = out;
        } else if (value.startsWith(QLatin1Char('\''))) {
            const qsizetype end = value.indexOf(QLatin1Char('\''), 1);
            value = value.mid(1, end < 0 ? -1 : end - 1);
        } else {
            const qsizetype comment = value.indexOf(QLatin1String(" #"));
            if (comment >= 0)
                value = value.left(comment).trimmed();
        }
        values.insert(key, value);
    }
    return values;
}

QHash<QString, QString> DotEnv::load(const QString &path) {
    if (path.isEmpty()) // no .env asked for (QFile would warn about the empty name)
        return {};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return parse(file.readAll());
}

} // namespace sb
