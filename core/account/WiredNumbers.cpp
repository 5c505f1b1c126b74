#include "WiredNumbers.h"

#include "db/SqlDialect.h"
#include "db/StoreWorker.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace sb {

namespace {

QString toJson(const QMap<QString, QString> &map) {
    QJsonObject json;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        json.insert(it.key(), it.value());
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

QMap<QString, QString> fromJson(const QString &text) {
    QMap<QString, QString> map;
    const QJsonObject json = QJsonDocument::fromJson(text.toUtf8()).object();
    for (auto it = json.constBegin(); it != json.constEnd(); ++it)
        map.insert(it.key(), it.value().toString());
    return map;
}

bool failed(const QSqlQuery &q, QString *error) {
    *error = q.lastError().text();
    return false;
}

WiredNumber readRow(const QSqlQuery &q) {
    WiredNumber n;
    n.numberSid = q.value(0).toString();
    n.phoneNumber = q.value(1).toString();
    n.previous = fromJson(q.value(2).toString());
    n.wiredTo = fromJson(q.value(3).toString());
    n.onlyWhileRunning = q.value(4).toBool();
    n.wiredAt = QDateTime::fromMSecsSinceEpoch(q.value(5).toLongLong(), Qt::UTC);
    n.runToken = q.value(6).toString();
    return n;
}

const char *const kColumns =
    "number_sid, phone_number, previous, wired_to, only_while_running, wired_at, run_token";

} // namespace

Schema WiredNumbers::schema() {
    // Steps are applied in order, once each, and never edited once released.
    return {QStringLiteral("account"), {{QStringLiteral(R"(CREATE TABLE number_wiring (
                    number_sid TEXT PRIMARY KEY,
                    phone_number TEXT NOT NULL,
                    previous TEXT NOT NULL,
                    wired_to TEXT NOT NULL,
                    only_while_running INTEGER NOT NULL,
                    wired_at INTEGER NOT NULL,
                    run_token TEXT NOT NULL))")}}};
}

std::optional<bool> WiredNumbers::save(StoreWorker &w, const WiredNumber &wiring, QString *error) {
    const auto existing = find(w, wiring.numberSid, error);
    if (!existing)
        return std::nullopt;
    QSqlQuery q(w.database());
    if (*existing) {
        sql::prepare(
            q, QStringLiteral("UPDATE number_wiring SET wired_to = ?, only_while_running = ?, "
                              "wired_at = ?, run_token = ? WHERE number_sid = ?"));
    } else {
        sql::prepare(q,
                     QStringLiteral("INSERT INTO number_wiring (phone_number, previous, wired_to, "
                                    "only_while_running, wired_at, run_token, number_sid) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?)"));
        q.addBindValue(wiring.phoneNumber);
        q.addBindValue(toJson(wiring.previous));
    }
    q.addBindValue(toJson(wiring.wiredTo));
    q.addBindValue(wiring.onlyWhileRunning ? 1 : 0); // an integer column in both stores
    q.addBindValue(wiring.wiredAt.toMSecsSinceEpoch());
    q.addBindValue(wiring.runToken);
    q.addBindValue(wiring.numberSid);
    if (!q.exec()) {
        failed(q, error);
        return std::nullopt;
    }
    w.touchedRow(QString(Table), 0);
    return !*existing;
}

std::optional<std::optional<WiredNumber>>
WiredNumbers::find(StoreWorker &w, const QString &numberSid, QString *error) {
    QSqlQuery q(w.database());
    q.setForwardOnly(true);
    sql::prepare(q, QStringLiteral("SELECT %1 FROM number_wiring WHERE number_sid = ?")
                        .arg(QLatin1String(kColumns)));
    q.addBindValue(numberSid);
    if (!q.exec()) {
        failed(q, error);
        return std::nullopt;
    }
    if (!q.next())
        return std::optional<WiredNumber>();
    return std::optional<WiredNumber>(readRow(q));
}

std::optional<QList<WiredNumber>> WiredNumbers::all(StoreWorker &w, QString *error) {
    QSqlQuery q(w.database());
    q.setForwardOnly(true);
    if (!sql::execText(q, QStringLiteral("SELECT %1 FROM number_wiring ORDER BY wired_at")
                              .arg(QLatin1String(kColumns)))) {
        failed(q, error);
        return std::nullopt;
    }
    QList<WiredNumber> list;
    while (q.next())
        list.append(readRow(q));
    return list;
}

std::optional<bool> WiredNumbers::remove(StoreWorker &w, const QString &numberSid, QString *error) {
    QSqlQuery q(w.database());
    sql::prepare(q, QStringLiteral("DELETE FROM number_wiring WHERE number_sid = ?"));
    q.addBindValue(numberSid);
    if (!q.exec()) {
        failed(q, error);
        return std::nullopt;
    }
    w.touchedRow(QString(Table), 0);
    return q.numRowsAffected() > 0;
}

} // namespace sb
