#pragma once

#include <QHash>
#include <QObject>
#include <QStringList>

#include <functional>

namespace sb {

// Secrets (auth token, SendGrid key, API token) in the OS keychain through QtKeychain, never in
// QSettings or the database. Asynchronous; where no keychain service answers (a headless box,
// CI) reads come back empty within the timeout and the environment / .env still apply.
class SecretStore : public QObject {
    Q_OBJECT
public:
    explicit SecretStore(QString service = QStringLiteral("switchboard"),
                         QObject *parent = nullptr);

    static QStringList secretNames();

    void readAll(std::function<void(const QHash<QString, QString> &secrets)> done,
                 int timeoutMs = 3000);
    void write(const QString &name, const QString &value,
               std::function<void(bool ok, const QString &error)> done);

private:
    QString m_service;
};

} // namespace sb
