#pragma once

#include <QHash>
#include <QString>

namespace sb {

// Reads a .env file: KEY=VALUE lines, optional `export `, # comments, single or double quotes
// (double quotes understand \n, \" and \\).
class DotEnv {
public:
    static QHash<QString, QString> parse(const QByteArray &text);
    static QHash<QString, QString> load(const QString &path); // empty when the file is absent
};

} // namespace sb
