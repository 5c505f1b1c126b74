#include "CannedResponses.h"

#include "db/SqlDialect.h"
#include "db/SqlValues.h"
#include "db/StoreWorker.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

#include <utility>

namespace sb {

namespace {

const QString kColumns = QStringLiteral("id, shortcut, body, shared, created_at, updated_at");

CannedResponse readRow(const QSqlQuery &q) {
    CannedResponse r;
    r.id = q.value(0).toLongLong();
    r.shortcut = q.value(1).toString();
    r.body = q.value(2).toString();
    r.shared = q.value(3).toBool();
    r.createdAt = sql::fromMs(q.value(4).toLongLong());
    r.updatedAt = sql::fromMs(q.value(5).toLongLong());
    return r;
}

std::optional<CannedResponse> byId(StoreWorker &w, qint64 id, QString *error) {
    QSqlQuery q(w.database());
    sql::prepare(q, QStringLiteral("SELECT %1 FROM canned_responses WHERE id = ?").arg(kColumns));
    q.addBindValue(id);
    if (!sql::exec(q, error))
        return std::nullopt;
    if (!q.next()) {
        *error = QStringLiteral("no canned response %1").arg(id);
        return std::nullopt;
    }
    return readRow(q);
}

// SQLite's words for a second row with the same shortcut, in the agent's.
QString explain(const QString &error, const QString &shortcut) {
    if (error.contains(QLatin1String("UNIQUE"), Qt::CaseInsensitive))
        return CannedResponses::tr("Another canned response already has the shortcut /%1.")
            .arg(shortcut);
    return error;
}

} // namespace

CannedResponses::CannedResponses(Store *store, QObject *parent)
    : QObject(parent)
    , m_store(store) {
    connect(m_store, &Store::rowsChanged, this, [this](const QString &table) {
        if (table == Table)
            reload();
    });
}

Schema CannedResponses::schema() {
    // Steps are applied in order, once each, and never edited once released.
    const QString now = QStringLiteral("CAST(strftime('%s', 'now') AS INTEGER) * 1000");
    return {
        QStringLiteral("canned"),
        {
            // 1: the table, with examples to start from (shared: the whole team's)
            {
                QStringLiteral(R"(CREATE TABLE canned_responses (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    shortcut TEXT NOT NULL UNIQUE COLLATE NOCASE,
                    body TEXT NOT NULL,
                    shared INTEGER NOT NULL DEFAULT 0,
                    created_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL))"),
                QStringLiteral("INSERT INTO canned_responses (shortcut, body, shared, created_at, "
                               "updated_at) VALUES "
                               "('thanks', 'Thanks — {{contact.name}}, we have your message and "
                               "will get back to you shortly.', 1, %1, %1), "
                               "('intro', 'Hi {{contact.name}}, {{agent.name}} here from the "
                               "support team. How can I help?', 1, %1, %1), "
                               "('order', 'Your order {{order number}} is on its way and should "
                               "arrive by {{delivery date}}.', 1, %1, %1)")
                    .arg(now),
            },
        },
    };
}

void CannedResponses::reload() {
    // One load at a time; a change while one is under way loads once more after it, since
    // that load may have read the table before the change.
    if (m_reloadQueued) {
        m_reloadAgain = true;
        return;
    }
    m_reloadQueued = true;
    Receiver me(this);
    m_store->run<QList<CannedResponse>>(
        me,
        [](StoreWorker &w, QString *error) -> std::optional<QList<CannedResponse>> {
            QSqlQuery q(w.database());
            q.setForwardOnly(true);
            if (!sql::execText(q,
                               QStringLiteral("SELECT %1 FROM canned_responses ORDER BY shortcut "
                                              "COLLATE NOCASE")
                                   .arg(kColumns))) {
                *error = q.lastError().text();
                return std::nullopt;
            }
            QList<CannedResponse> list;
            while (q.next())
                list.append(readRow(q));
            return list;
        },
        [this](const StoreResult<QList<CannedResponse>> &result) {
            m_reloadQueued = false;
            if (std::exchange(m_reloadAgain, false))
                return reload();
            if (!result.ok()) {
                Q_EMIT loadFailed(result.error);
                return;
            }
            m_responses = result.value;
            m_loaded = true;
            Q_EMIT changed();
        });
}

QString CannedResponses::problemWith(const CannedResponse &response) {
    const QString shortcut = response.shortcut.trimmed();
    if (shortcut.isEmpty())
        return tr("Give the response a shortcut (the word typed after /).");
    static const QRegularExpression word(QStringLiteral("^[\\w.-]+$"),
                                         QRegularExpression::UseUnicodePropertiesOption);
    if (!word.match(shortcut).hasMatch())
        return tr("The shortcut must be one word (letters, digits, - _ .), not \"%1\".")
            .arg(shortcut);
    if (response.body.trimmed().isEmpty())
        return tr("The response /%1 has no text.").arg(shortcut);
    return {};
}

void CannedResponses::add(const CannedResponse &response, Done done) {
    CannedResponse added = response;
    added.id = 0;
    save(added, std::move(done));
}

void CannedResponses::update(const CannedResponse &response, Done done) {
    save(response, std::move(done));
}

void CannedResponses::save(const CannedResponse &response, Done done) {
    const QString problem = problemWith(response);
    if (!problem.isEmpty()) {
        if (done)
            done(StoreResult<CannedResponse>{response, problem});
        return;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_store->run<CannedResponse>(
        Receiver(this),
        [response, now](StoreWorker &w, QString *error) -> std::optional<CannedResponse> {
            const QString shortcut = response.shortcut.trimmed();
            QSqlQuery q(w.database());
            if (response.id == 0) {
                sql::prepare(q,
                             QStringLiteral("INSERT INTO canned_responses (shortcut, body, shared, "
                                            "created_at, updated_at) VALUES (?, ?, ?, ?, ?) "
                                            "RETURNING id"));
                q.addBindValue(shortcut);
                q.addBindValue(sql::text(response.body));
                q.addBindValue(response.shared ? 1 : 0);
                q.addBindValue(now);
                q.addBindValue(now);
            } else {
                sql::prepare(q,
                             QStringLiteral("UPDATE canned_responses SET shortcut = ?, body = ?, "
                                            "shared = ?, updated_at = ? WHERE id = ?"));
                q.addBindValue(shortcut);
                q.addBindValue(sql::text(response.body));
                q.addBindValue(response.shared ? 1 : 0);
                q.addBindValue(now);
                q.addBindValue(response.id);
            }
            if (!sql::exec(q, error)) {
                *error = explain(*error, shortcut);
                return std::nullopt;
            }
            // RETURNING id: PostgreSQL has no last insert id to ask for.
            const qint64 id = response.id ? response.id : (q.next() ? q.value(0).toLongLong() : 0);
            if (response.id && q.numRowsAffected() == 0) {
                *error = tr("The canned response /%1 no longer exists.").arg(shortcut);
                return std::nullopt;
            }
            w.touchedRow(Table, id, response.id == 0);
            return byId(w, id, error);
        },
        [done](const StoreResult<CannedResponse> &result) {
            if (done)
                done(result);
        });
}

void CannedResponses::remove(qint64 id, std::function<void(const StoreResult<bool> &)> done) {
    m_store->run<bool>(
        Receiver(this),
        [id](StoreWorker &w, QString *error) -> std::optional<bool> {
            QSqlQuery q(w.database());
            sql::prepare(q, QStringLiteral("DELETE FROM canned_responses WHERE id = ?"));
            q.addBindValue(id);
            if (!sql::exec(q, error))
                return std::nullopt;
            w.touchedRow(Table, id);
            return q.numRowsAffected() > 0;
        },
        [done](const StoreResult<bool> &result) {
            if (done)
                done(result);
        });
}

QList<CannedResponse> CannedResponses::match(const QList<CannedResponse> &responses,
                                             const QString &filter) {
    const QString f = filter.trimmed();
    if (f.isEmpty())
        return responses;
    QList<CannedResponse> starting;
    QList<CannedResponse> containing;
    for (const CannedResponse &r : responses) {
        if (r.shortcut.startsWith(f, Qt::CaseInsensitive))
            starting.append(r);
        else if (r.shortcut.contains(f, Qt::CaseInsensitive) ||
                 r.body.contains(f, Qt::CaseInsensitive))
            containing.append(r);
    }
    return starting + containing;
}

} // namespace sb
