#include "IvrVersions.h"

#include "IvrMenu.h"
#include "db/SqlDialect.h"
#include "db/SqlValues.h"
#include "db/StoreWorker.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace sb {

namespace {

IvrVersion builtIn() {
    return {0, IvrConfig::defaultJson(), QDateTime(), true};
}

} // namespace

QList<QStringList> IvrVersions::schema() {
    return {
        // 1: the IVR's versions, and the one each call runs
        {
            QStringLiteral(R"(CREATE TABLE voice_ivr_versions (
                version INTEGER PRIMARY KEY AUTOINCREMENT,
                json TEXT NOT NULL,
                created_at INTEGER NOT NULL))"),
            QStringLiteral(R"(CREATE TABLE voice_call_ivr (
                call_sid TEXT PRIMARY KEY,
                version INTEGER NOT NULL,
                created_at INTEGER NOT NULL))"),
        },
    };
}

std::optional<IvrVersion> IvrVersions::load(StoreWorker &w, qint64 version, QString *error) {
    if (version == 0)
        return builtIn();
    QSqlQuery q(w.database());
    sql::prepare(
        q, QStringLiteral("SELECT json, created_at FROM voice_ivr_versions WHERE version = ?"));
    q.addBindValue(version);
    if (!sql::exec(q, error))
        return std::nullopt;
    if (!q.next()) {
        IvrVersion missing;
        missing.version = version;
        missing.found = false;
        return missing;
    }
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(q.value(0).toByteArray(), &parseError);
    if (!doc.isObject()) {
        *error = QStringLiteral("IVR version %1 is not a JSON object: %2")
                     .arg(version)
                     .arg(parseError.errorString());
        return std::nullopt;
    }
    return IvrVersion{version, doc.object(),
                      QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong(), Qt::UTC), true};
}

std::optional<IvrVersion> IvrVersions::latest(StoreWorker &w, QString *error) {
    QSqlQuery q(w.database());
    if (!sql::execText(q, QStringLiteral("SELECT max(version) FROM voice_ivr_versions"))) {
        *error = q.lastError().text();
        return std::nullopt;
    }
    const qint64 version = q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    return load(w, version, error);
}

std::optional<IvrVersion> IvrVersions::store(StoreWorker &w, const QJsonObject &json,
                                             const QDateTime &now, QString *error) {
    QSqlQuery q(w.database());
    sql::prepare(q,
                 QStringLiteral("INSERT INTO voice_ivr_versions (json, created_at) VALUES (?, ?) "
                                "RETURNING version"));
    q.addBindValue(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)));
    q.addBindValue(now.toMSecsSinceEpoch());
    if (!sql::exec(q, error))
        return std::nullopt;
    const qint64 version = q.next() ? q.value(0).toLongLong() : 0;
    return IvrVersion{version, json, now, true};
}

std::optional<IvrVersion> IvrVersions::startCall(StoreWorker &w, const QString &callSid,
                                                 const QDateTime &now, QString *error) {
    QSqlQuery q(w.database());
    sql::prepare(
        q, QStringLiteral("INSERT OR IGNORE INTO voice_call_ivr (call_sid, version, created_at) "
                          "SELECT ?, coalesce(max(version), 0), ? FROM voice_ivr_versions"));
    q.addBindValue(callSid);
    q.addBindValue(now.toMSecsSinceEpoch());
    if (!sql::exec(q, error))
        return std::nullopt;
    return forCall(w, callSid, 0, error);
}

std::optional<IvrVersion> IvrVersions::forCall(StoreWorker &w, const QString &callSid,
                                               qint64 fallback, QString *error) {
    QSqlQuery q(w.database());
    sql::prepare(q, QStringLiteral("SELECT version FROM voice_call_ivr WHERE call_sid = ?"));
    q.addBindValue(callSid);
    if (!sql::exec(q, error))
        return std::nullopt;
    const qint64 version = q.next() ? q.value(0).toLongLong() : fallback;
    q.finish();
    return load(w, version, error);
}

} // namespace sb
