#include "StoreWorker.h"

#include "common/Metrics.h"

#include <QElapsedTimer>

#include "Migrations.h"
#include "PgConnection.h"
#include "PgStatement.h"
#include "SqlValues.h"
#include "Store.h"
#include "WalCheckpointer.h"
#include "common/Logging.h"
#include "messaging/MessageStatus.h"
#include <sqlite3.h>

#include <QDir>
#include <QFile>

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMetaMethod>
#include <QRandomGenerator>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QSysInfo>
#include <QUuid>
#include <algorithm>
#include <cerrno>
#include <csignal>

namespace sb {

namespace {

// This process as claims name it: host, process namespace (containers on one host with one
// name each have their own), process id.
QString thisProcess() {
    static const QString self = QSysInfo::machineHostName() + QLatin1Char('|') +
                                QFile::symLinkTarget(QStringLiteral("/proc/self/ns/pid")) +
                                QLatin1Char('|') +
                                QString::number(QCoreApplication::applicationPid());
    return self;
}

qint64 nowMs() {
    return QDateTime::currentMSecsSinceEpoch();
}

QDateTime fromMs(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

// An entry's media URLs as one column: a JSON array, '' when there are none.
QString mediaUrlsToJson(const QStringList &urls) {
    if (urls.isEmpty())
        return QString();
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(urls)).toJson(QJsonDocument::Compact));
}

QStringList mediaUrlsFromJson(const QString &text) {
    QStringList urls;
    if (text.isEmpty())
        return urls;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue &v : array)
        urls.append(v.toString());
    return urls;
}

// The last column: a scheduled message's time to go (outbox_message makes this a lookup).
#define SB_MESSAGE_COLUMNS                                                                         \
    "id, sid, channel, direction, from_number, to_number, body, status, error_code, "              \
    "error_message, segments, created_at, updated_at, "                                            \
    "CASE WHEN status = 'scheduled' THEN (SELECT send_at FROM outbox o WHERE "                     \
    "o.message_id = messages.id AND o.state = 'scheduled') END, agent"

const QString kMessageColumns = QStringLiteral(SB_MESSAGE_COLUMNS);
// The change feed reads every changed message back after each commit: one prepared statement
// stepped per id (an IN list built as text was parsed anew for every batch).
constexpr char kMessageById[] = "SELECT " SB_MESSAGE_COLUMNS " FROM messages WHERE id = ?1";
#undef SB_MESSAGE_COLUMNS

// The one place that knows the columns' order (SB_MESSAGE_COLUMNS above), whichever API the
// row comes from: `text`, `number` and `isNull` read cell N.
template <typename Text, typename Number, typename IsNull>
MessageRecord messageFrom(Text text, Number number, IsNull isNull) {
    MessageRecord m;
    m.id = number(0);
    m.sid = text(1);
    m.channel = text(2);
    m.direction = text(3);
    m.from = text(4);
    m.to = text(5);
    m.body = text(6);
    m.status = text(7);
    m.errorCode = int(number(8));
    m.errorMessage = text(9);
    m.segments = int(number(10));
    m.createdAt = fromMs(number(11));
    m.updatedAt = fromMs(number(12));
    if (!isNull(13))
        m.scheduledFor = fromMs(number(13));
    m.agent = text(14);
    return m;
}

MessageRecord readMessage(const Statement &q) {
    return messageFrom([&q](int c) { return q.columnText(c); },
                       [&q](int c) { return q.columnInt64(c); },
                       [&q](int c) { return q.columnIsNull(c); });
}

MessageRecord readMessage(const QSqlQuery &q) {
    return messageFrom([&q](int c) { return q.value(c).toString(); },
                       [&q](int c) { return q.value(c).toLongLong(); },
                       [&q](int c) { return q.value(c).isNull(); });
}

bool run(QSqlQuery &q, QString *error) {
    if (q.exec())
        return true;
    *error = q.lastError().text();
    qCWarning(lcStore).noquote() << "SQL failed:" << *error;
    return false;
}

} // namespace

StoreWorker::StoreWorker(Store *store, QString path, std::optional<DatabaseUrl> shared)
    : m_store(store)
    , m_path(std::move(path))
    , m_shared(std::move(shared))
    , m_connectionName(QStringLiteral("switchboard-store-") +
                       QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_claimant(thisProcess() + QLatin1Char('|') +
                 QString::number(QRandomGenerator::global()->generate() & 0xffffff, 16))
    , m_webhookCooldown(new QTimer(this)) {
    m_webhookCooldown->setSingleShot(true);
    m_webhookCooldown->setInterval(Store::WebhookAnnounceMs);
    connect(m_webhookCooldown, &QTimer::timeout, this, [this] {
        if (std::exchange(m_webhookAnnouncementDue, false))
            announceWebhooks();
    });
}

StoreWorker::~StoreWorker() {
    if (m_open && isPostgres()) {
        // A clean stop hands this process's unfinished entries to the others at once (a
        // submitted one is asked about at its provider before any resend, as after a crash).
        QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
        q.prepare(QStringLiteral("UPDATE outbox SET lease_until = 0 WHERE claimed_by = ? AND "
                                 "state IN ('pending', 'submitted')"));
        q.addBindValue(m_claimant);
        if (!q.exec())
            qCWarning(lcStore).noquote() << "outbox claims not released:" << q.lastError().text();
    }
    if (m_checkpointer) {
        m_checkpointer->detach(m_handle);
        m_checkpointer.reset(); // waits for a checkpoint under way
    }
    m_queries.clear();
    m_statements.clear();
    m_beforeCommit.clear();
    m_insertEvent.reset();
    m_advanceStatus.reset();
    m_stubMessage.reset();
    m_savepoint.finalize();
    m_release.finalize();
    m_rollbackTo.finalize();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    if (isPostgres())
        PgConnection::endThread();
}

bool StoreWorker::open(QString *error) {
    if (m_open)
        return true;
    if (!(m_shared ? openPostgres(error) : openSqlite(error)))
        return false;
    m_open = true;
    qCInfo(lcStore).noquote() << "opened" << (m_shared ? m_shared->redacted() : m_path);
    return true;
}

bool StoreWorker::openPostgres(QString *error) {
    QSqlDatabase db = PgConnection::open(*m_shared, m_connectionName, error);
    if (!db.isOpen())
        return false;
    const bool resuming = m_changePoll != nullptr; // a reconnection: the log goes on from where
                                                   // it was read
    if (!Migrations::applyPostgres(db, m_schemas, error) || !prepareHotStatements(error))
        return false;
    for (const Schema &schema : std::as_const(m_schemas)) {
        for (const QString &sql : schema.postgresBeforeCommit) {
            auto statement = std::make_unique<PgStatement>();
            if (!statement->prepare(db, sql.toUtf8().constData(), error))
                return false;
            m_beforeCommit.push_back(std::move(statement));
        }
    }
    // Other processes' changes from now on (history is what reads are for), as they commit
    // (NOTIFY), and every few seconds in case a notification was missed.
    QSqlQuery last(db);
    if (!resuming) {
        if (!last.exec(QStringLiteral("SELECT coalesce(max(id), 0) FROM change_log")) ||
            !last.next()) {
            *error = last.lastError().text();
            return false;
        }
        m_lastChange = last.value(0).toLongLong();
    }
    if (!db.driver()->subscribeToNotification(QLatin1String(Migrations::ChangeChannel))) {
        *error = QStringLiteral("cannot listen for other processes' changes: %1")
                     .arg(db.driver()->lastError().text());
        return false;
    }
    connect(db.driver(), &QSqlDriver::notification, this, [this](const QString &name) {
        if (name == QLatin1String(Migrations::ChangeChannel))
            readOthersChanges();
    });
    if (!resuming) {
        m_changePoll = new QTimer(this);
        m_changePoll->setInterval(5000);
        connect(m_changePoll, &QTimer::timeout, this, &StoreWorker::readOthersChanges);
        m_changePoll->start();
        m_reconnect = new QTimer(this);
        m_reconnect->setSingleShot(true);
        connect(m_reconnect, &QTimer::timeout, this, &StoreWorker::reconnect);
    }
    return true;
}

bool StoreWorker::connectionLost() {
    if (!m_shared || !m_open)
        return false;
    QString why;
    {
        // QPSQL marks the connection closed once it sees the socket go; else ask the server.
        const QSqlDatabase db = database();
        QSqlQuery probe(db);
        if (db.isOpen() && probe.exec(QStringLiteral("SELECT 1")))
            return false;
        why = PgConnection::describe(probe.lastError(), *m_shared);
    }
    if (why.isEmpty())
        why = QStringLiteral("the server closed the connection");
    qCWarning(lcStore).noquote() << "lost the database at" << m_shared->redacted() << ":" << why;
    closeConnection();
    m_open = false;
    m_reconnectDelayMs = ReconnectFirstMs;
    m_reconnect->start(m_reconnectDelayMs);
    m_store->m_reachable.store(false, std::memory_order_relaxed);
    Q_EMIT m_store->connectionChanged(false, why);
    return true;
}

void StoreWorker::closeConnection() {
    // Every statement and query on the old connection first: it cannot go while they hold it.
    m_statements.clear();
    m_queries.clear();
    m_beforeCommit.clear();
    m_insertEvent.reset();
    m_advanceStatus.reset();
    m_stubMessage.reset();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isValid() && db.driver())
            db.driver()->disconnect(this);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

void StoreWorker::reconnect() {
    QString error;
    if (!openPostgres(&error)) {
        closeConnection();
        m_reconnectDelayMs = std::min(m_reconnectDelayMs * 2, ReconnectMaxMs);
        qCInfo(lcStore).noquote() << "the database is still unreachable; next try in"
                                  << m_reconnectDelayMs << "ms:" << error;
        m_reconnect->start(m_reconnectDelayMs);
        return;
    }
    m_open = true;
    qCInfo(lcStore).noquote() << "reconnected to" << m_shared->redacted();
    m_store->m_reachable.store(true, std::memory_order_relaxed);
    Q_EMIT m_store->connectionChanged(true, QString());
    readOthersChanges(); // what the other desks committed meanwhile
}

bool StoreWorker::appendChangeLog(QString *error) {
    QStringList kinds;
    QStringList ids;
    QStringList created;
    auto add = [&](const QString &kind, qint64 id, bool fresh) {
        kinds << kind;
        ids << QString::number(id);
        created << (fresh ? QStringLiteral("t") : QStringLiteral("f"));
    };
    for (qint64 id : std::as_const(m_changed))
        add(QStringLiteral("message"), id, m_arrived.contains(id));
    for (auto it = m_rowsChanged.cbegin(); it != m_rowsChanged.cend(); ++it) {
        const QSet<qint64> &fresh = m_rowsCreated.value(it.key());
        for (qint64 id : *it)
            add(it.key(), id, fresh.contains(id));
    }
    if (kinds.isEmpty())
        return true;
    QSqlQuery q(database());
    // Table names are identifiers (no comma, quote or brace), so the arrays are plain lists.
    const auto array = [](const QStringList &items) {
        return QLatin1Char('{') + items.join(QLatin1Char(',')) + QLatin1Char('}');
    };
    if (!q.exec(
            QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(Migrations::ChangeLogLockKey))) {
        *error = q.lastError().text();
        return false;
    }
    q.prepare(QStringLiteral("INSERT INTO change_log (kind, record_id, created) SELECT * FROM "
                             "unnest(?::text[], ?::bigint[], ?::boolean[]) RETURNING id"));
    q.addBindValue(array(kinds));
    q.addBindValue(array(ids));
    q.addBindValue(array(created));
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    while (q.next())
        m_batchChanges.append(q.value(0).toLongLong());
    if (!q.exec(QStringLiteral("SELECT pg_notify('%1', '')")
                    .arg(QLatin1String(Migrations::ChangeChannel)))) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

void StoreWorker::readOthersChanges() {
    if (!m_open || !m_shared)
        return;
    QSqlQuery q(database());
    q.setForwardOnly(true);
    for (;;) {
        q.prepare(QStringLiteral("SELECT id, kind, record_id, created FROM change_log WHERE id > ? "
                                 "ORDER BY id LIMIT 5000"));
        q.addBindValue(m_lastChange);
        if (!q.exec()) {
            const QString why = q.lastError().text();
            q = QSqlQuery();
            if (!connectionLost())
                qCWarning(lcStore).noquote() << "cannot read other processes' changes:" << why;
            return;
        }
        int rows = 0;
        while (q.next()) {
            ++rows;
            m_lastChange = q.value(0).toLongLong();
            if (m_ownChanges.remove(m_lastChange))
                continue; // announced here when it was committed
            const QString kind = q.value(1).toString();
            const qint64 id = q.value(2).toLongLong();
            const bool fresh = q.value(3).toBool();
            if (kind == QLatin1String("message")) {
                m_changed.insert(id);
                if (fresh)
                    m_arrived.insert(id);
            } else {
                m_rowsChanged[kind].insert(id);
                if (fresh)
                    m_rowsCreated[kind].insert(id);
            }
        }
        q.finish();
        if (rows < 5000)
            break;
    }
    // Ours that were read are gone from the set; any left are newer than what was read.
    announce();
}

bool StoreWorker::openSqlite(QString *error) {
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath())) {
        *error = QStringLiteral("cannot create the folder %1").arg(info.absolutePath());
        return false;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(m_path);
    if (!db.open()) {
        *error =
            QStringLiteral("cannot open the database %1: %2").arg(m_path, db.lastError().text());
        return false;
    }
    QSqlQuery pragma(db);
    for (const char *statement :
         {"PRAGMA journal_mode=WAL",
          // NORMAL in WAL mode: a commit survives a crash of the process (what the outbox
          // needs); only a power cut can lose the last transactions.
          "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=5000",
          // Reads through mmap and a 64 MiB page cache: index look-ups by SID otherwise cost a
          // system call each once the database outgrows SQLite's 2 MiB default cache.
          "PRAGMA cache_size=-65536", "PRAGMA mmap_size=268435456", "PRAGMA temp_store=MEMORY"}) {
        if (!pragma.exec(QString::fromLatin1(statement))) {
            *error = pragma.lastError().text();
            return false;
        }
    }
    if (!Migrations::apply(db, error))
        return false;
    for (const Schema &schema : std::as_const(m_schemas)) {
        if (!Migrations::apply(db, schema, error))
            return false;
    }
    const QVariant native = db.driver()->handle(); // documented to hold "sqlite3*"
    sqlite3 *handle = native.isValid() && qstrcmp(native.typeName(), "sqlite3*") == 0
                          ? *static_cast<sqlite3 *const *>(native.constData())
                          : nullptr;
    if (!handle) {
        *error = QStringLiteral("the SQLite driver gave no native handle");
        return false;
    }
    m_handle = handle;
    if (!prepareHotStatements(error))
        return false;
    for (const Schema &schema : std::as_const(m_schemas)) {
        for (const QString &sql : schema.beforeCommit) {
            auto statement = std::make_unique<SqliteStatement>();
            if (!statement->prepare(handle, sql.toUtf8().constData(), error))
                return false;
            m_beforeCommit.push_back(std::move(statement));
        }
    }
    // A file in WAL mode checkpoints off this thread (an in-memory database has no log).
    if (pragma.exec(QStringLiteral("PRAGMA journal_mode")) && pragma.next() &&
        pragma.value(0).toString() == QLatin1String("wal")) {
        m_checkpointer = std::make_unique<WalCheckpointer>(m_path);
        m_checkpointer->setMetrics(m_metrics.load());
        connect(m_checkpointer.get(), &WalCheckpointer::checkpointed, m_store,
                &Store::walCheckpointed, Qt::DirectConnection); // emitted where it happened
        m_checkpointer->attach(handle);
    }
    pragma.finish();
    return true;
}

bool StoreWorker::prepareHotStatements(QString *error) {
    if (m_handle && !(m_savepoint.prepare(m_handle, "SAVEPOINT job", error) &&
                      m_release.prepare(m_handle, "RELEASE job", error) &&
                      m_rollbackTo.prepare(m_handle, "ROLLBACK TO job", error)))
        return false;
    // Text columns bind '' for "none" (QString() converts to an empty UTF-8 string).
    m_insertEvent = prepareStatement(
        "INSERT INTO message_events (message_sid, status, error_code, idempotency_token, "
        "received_at, payload, source) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO NOTHING",
        error);
    if (m_insertEvent)
        m_advanceStatus =
            prepareStatement("UPDATE messages SET status = ?1, status_rank = ?2, "
                             "error_code = CASE WHEN ?3 > 0 THEN ?3 ELSE error_code END, "
                             "error_message = CASE WHEN ?3 > 0 THEN ?4 ELSE error_message END, "
                             "updated_at = ?5 WHERE sid = ?6 AND status_rank < ?2 RETURNING id",
                             error);
    if (m_advanceStatus)
        m_stubMessage = prepareStatement(
            "INSERT INTO messages (sid, direction, from_number, to_number, status, "
            "status_rank, error_code, error_message, created_at, updated_at) VALUES (?1, "
            "'outbound', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8) ON CONFLICT DO NOTHING RETURNING id",
            error);
    return m_stubMessage != nullptr;
}

std::unique_ptr<Statement> StoreWorker::prepareStatement(const char *sql, QString *error) {
    if (m_shared) {
        auto statement = std::make_unique<PgStatement>();
        if (!statement->prepare(database(), sql, error))
            return nullptr;
        return statement;
    }
    auto statement = std::make_unique<SqliteStatement>();
    if (!m_handle || !statement->prepare(m_handle, sql, error)) {
        if (!m_handle)
            *error = QStringLiteral("the store is not open");
        return nullptr;
    }
    return statement;
}

bool StoreWorker::savepoint(const char *command, QString *error) {
    if (m_shared) {
        QSqlQuery q(database());
        if (q.exec(QString::fromLatin1(command)))
            return true;
        *error = q.lastError().text();
        if (error->trimmed().isEmpty())
            *error = QStringLiteral("the connection to the database is lost");
        return false;
    }
    SqliteStatement &statement = qstrcmp(command, "SAVEPOINT job") == 0 ? m_savepoint
                                 : qstrcmp(command, "RELEASE job") == 0 ? m_release
                                                                        : m_rollbackTo;
    const bool ok = statement.step(error) != Statement::Step::Error;
    statement.reset();
    return ok;
}

QSqlQuery &StoreWorker::prepared(const char *key, const QString &sql) {
    auto it = m_queries.find(key);
    if (it == m_queries.end()) {
        auto query = std::make_shared<QSqlQuery>(QSqlDatabase::database(m_connectionName, false));
        if (!query->prepare(sql))
            qCWarning(lcStore).noquote() << "cannot prepare" << key << query->lastError().text();
        it = m_queries.insert(key, query);
    }
    return **it;
}

Statement *StoreWorker::statement(const char *sql, QString *error) {
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        std::unique_ptr<Statement> statement = prepareStatement(sql, error);
        if (!statement)
            return nullptr;
        it = m_statements.emplace(sql, std::move(statement)).first;
    }
    it->second->reset();
    return it->second.get();
}

void StoreWorker::drain() {
    for (;;) {
        const QList<Store::Job> jobs = m_store->takeJobs(2000);
        if (jobs.isEmpty())
            return;
        const QStringList lost = runBatch(jobs);
        const qsizetype lostCount = std::count_if(lost.cbegin(), lost.cend(),
                                                  [](const QString &e) { return !e.isEmpty(); });
        if (lostCount > 0) {
            connectionLost(); // PostgreSQL: gone? then reconnect with back-off
            const auto first = std::find_if(lost.cbegin(), lost.cend(),
                                            [](const QString &e) { return !e.isEmpty(); });
            qCWarning(lcStore).noquote()
                << lostCount << "of" << jobs.size() << "changes were not stored:" << *first;
            // What the views would be told may not be what is stored: they re-read on demand.
            m_changed.clear();
            m_arrived.clear();
            m_rowsChanged.clear();
            m_rowsCreated.clear();
            m_webhookEvents = 0;
        }
        // Every caller learns the outcome only now, after the commit (or its failure).
        const QList<PendingAction> actions = std::exchange(m_afterCommit, {});
        for (const PendingAction &pending : actions)
            pending.action(lost.value(pending.job));
        announce();
    }
}

QStringList StoreWorker::runBatch(const QList<Store::Job> &jobs) {
    QStringList lost(jobs.size()); // per job: why its changes are gone; empty when kept
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    // Should BEGIN fail, each job's savepoint below is a transaction of its own (SQLite's
    // autocommit mode), and a job whose RELEASE fails reports it.
    bool inTransaction = m_open && db.transaction();
    qsizetype segmentStart = 0; // first job of the current outer transaction
    for (qsizetype i = 0; i < jobs.size(); ++i) {
        m_currentJob = int(i);
        if (!m_open) { // only the job that opens the database runs before it is open
            jobs[i](*this);
            continue;
        }
        QString error;
        const bool opened = savepoint("SAVEPOINT job", &error);
        if (!opened)
            lost[i] = QStringLiteral("cannot open a savepoint: %1").arg(error);
        const bool keep = jobs[i](*this);
        if (opened && !keep)
            savepoint("ROLLBACK TO job", &error);
        if (opened && !savepoint("RELEASE job", &error)) {
            if (!inTransaction)
                lost[i] = QStringLiteral("the change could not be committed: %1").arg(error);
            // PostgreSQL refuses everything after a failed statement until the savepoint is
            // rolled back: a job that went on after one loses its own changes, not the batch.
            if (m_shared && savepoint("ROLLBACK TO job", &error) &&
                savepoint("RELEASE job", &error) && lost[i].isEmpty())
                lost[i] = QStringLiteral("the change was rolled back: a statement failed");
        }
        // SQLite rolls a whole transaction back by itself on some errors (a full disk, I/O):
        // everything since it began is gone. The rest of the batch gets a new one.
        if (inTransaction && m_handle && sqlite3_get_autocommit(m_handle)) {
            const QString why = QStringLiteral("the transaction was rolled back (%1)")
                                    .arg(error.isEmpty() ? QStringLiteral("by SQLite") : error);
            for (qsizetype j = segmentStart; j <= i; ++j) {
                if (lost[j].isEmpty())
                    lost[j] = why;
            }
            segmentStart = i + 1;
            inTransaction = db.transaction();
        }
    }
    if (inTransaction) {
        catchUp(); // in the batch's transaction, after every job's savepoint
        m_batchChanges.clear();
        QString commitError;
        if (QString logError; m_shared && !appendChangeLog(&logError)) {
            db.rollback(); // the other desks would never hear of it: nothing is kept
            commitError = QStringLiteral("the change log could not be written: %1").arg(logError);
        } else {
            commitError = commitBatch(db);
        }
        if (commitError.isEmpty())
            m_ownChanges.unite(QSet<qint64>(m_batchChanges.cbegin(), m_batchChanges.cend()));
        for (qsizetype j = segmentStart; !commitError.isEmpty() && j < jobs.size(); ++j) {
            if (lost[j].isEmpty())
                lost[j] = commitError;
        }
    }
    return lost;
}

QString StoreWorker::commitBatch(QSqlDatabase &db) {
    if (m_fault == StoreFault::CommitFails) {
        db.rollback();
        return QStringLiteral("injected fault: the commit failed");
    }
    QElapsedTimer timer;
    timer.start();
    const bool committed = db.commit();
    if (Metrics *metrics = m_metrics.load())
        metrics->observe(QStringLiteral("switchboard_store_commit_seconds"),
                         timer.nsecsElapsed() / 1e9);
    if (committed)
        return {};
    const QString error = db.lastError().text();
    db.rollback();
    return QStringLiteral("the commit failed: %1")
        .arg(error.isEmpty() ? QStringLiteral("unknown") : error);
}

bool StoreWorker::catchUp() {
    for (const auto &statement : m_beforeCommit) {
        QString error;
        const Statement::Step step = statement->step(&error);
        statement->reset();
        if (step == Statement::Step::Error) {
            qCWarning(lcStore).noquote() << "deferred work failed, kept for later:" << error;
            return false;
        }
    }
    return true;
}

void StoreWorker::announce() {
    if (m_webhookEvents > 0) {
        m_webhookEvents = 0;
        m_lastWebhookAt = QDateTime::currentDateTimeUtc();
        if (m_webhookCooldown->isActive()) {
            m_webhookAnnouncementDue = true;
        } else {
            announceWebhooks();
        }
    }
    static const QMetaMethod changedSignal = QMetaMethod::fromSignal(&Store::messagesChanged);
    static const QMetaMethod arrivedSignal = QMetaMethod::fromSignal(&Store::messagesArrived);
    // Nobody listening (headless): skip reading the rows back.
    if (!m_store->isSignalConnected(changedSignal))
        m_changed.clear();
    if (!m_store->isSignalConnected(arrivedSignal))
        m_arrived.clear();
    QList<MessageRecord> changed;
    if (!m_changed.isEmpty()) {
        const QList<qint64> ids(m_changed.cbegin(), m_changed.cend());
        m_changed.clear();
        changed = messagesByIds(ids);
    }
    QList<MessageRecord> arrived;
    if (!m_arrived.isEmpty()) {
        const QList<qint64> ids(m_arrived.cbegin(), m_arrived.cend());
        m_arrived.clear();
        arrived = messagesByIds(ids);
    }
    const QHash<QString, QSet<qint64>> rows = std::exchange(m_rowsChanged, {});
    const QHash<QString, QSet<qint64>> created = std::exchange(m_rowsCreated, {});
    if (!changed.isEmpty() || !arrived.isEmpty() || !rows.isEmpty())
        m_store->announce(std::move(changed), std::move(arrived), rows, created);
}

void StoreWorker::announceWebhooks() {
    Q_EMIT m_store->webhooksCommitted(m_lastWebhookAt);
    m_webhookCooldown->start();
}

bool StoreWorker::execPragma(const QString &statement, QString *error) {
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (q.exec(statement))
        return true;
    *error = q.lastError().text();
    return false;
}

QString StoreWorker::dataFolder() const {
    return QFileInfo(m_path).absolutePath();
}

QSqlDatabase StoreWorker::database() const {
    return QSqlDatabase::database(m_connectionName, false);
}

void StoreWorker::setFault(StoreFault fault) {
    m_fault = fault;
    QString error;
    if (m_shared) {
        // PostgreSQL has no page limit to fill: a full disk is played as a server refusing
        // every write, as one out of space does.
        const bool refuse = fault == StoreFault::ReadOnly || fault == StoreFault::DiskFull;
        if (!execPragma(
                QStringLiteral("SET SESSION CHARACTERISTICS AS TRANSACTION %1")
                    .arg(refuse ? QStringLiteral("READ ONLY") : QStringLiteral("READ WRITE")),
                &error))
            qCWarning(lcStore).noquote() << "cannot inject the fault:" << error;
        return;
    }
    bool ok = execPragma(
        QStringLiteral("PRAGMA query_only = %1").arg(fault == StoreFault::ReadOnly ? 1 : 0),
        &error);
    if (ok && fault == StoreFault::DiskFull) {
        QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
        ok = q.exec(QStringLiteral("PRAGMA page_count")) && q.next();
        if (ok)
            ok = execPragma(
                QStringLiteral("PRAGMA max_page_count = %1").arg(q.value(0).toLongLong()), &error);
    } else if (ok) {
        ok = execPragma(QStringLiteral("PRAGMA max_page_count = 4294967294"), &error);
    }
    if (!ok)
        qCWarning(lcStore).noquote() << "cannot inject the fault:" << error;
}

QList<MessageRecord> StoreWorker::messagesByIds(const QList<qint64> &ids) {
    QList<MessageRecord> records;
    records.reserve(ids.size());
    // In id order, as the IN list gave them: the views add arrivals oldest first.
    QList<qint64> ordered = ids;
    std::sort(ordered.begin(), ordered.end());
    QString error;
    if (m_shared) {
        // One round trip for them all: a server's is worth many of SQLite's in-process steps,
        // and every desk reads back every change.
        QSqlQuery &q =
            prepared("messagesByIds", QStringLiteral("SELECT ") + kMessageColumns +
                                          QStringLiteral(" FROM messages WHERE id = "
                                                         "ANY(?::bigint[]) ORDER BY id"));
        QStringList list;
        list.reserve(ordered.size());
        for (qint64 id : std::as_const(ordered))
            list.append(QString::number(id));
        q.bindValue(0, QLatin1Char('{') + list.join(QLatin1Char(',')) + QLatin1Char('}'));
        if (!run(q, &error))
            return records;
        while (q.next())
            records.append(readMessage(q));
        q.finish();
        return records;
    }
    Statement *q = statement(kMessageById, &error);
    for (qsizetype i = 0; q && i < ordered.size(); ++i) {
        q->bind(1, ordered[i]);
        const Statement::Step step = q->step(&error);
        if (step == Statement::Step::Row)
            records.append(readMessage(*q));
        q->reset();
        if (step == Statement::Step::Error)
            break;
    }
    if (!error.isEmpty()) // only the live views miss these rows; they re-read on demand
        qCWarning(lcStore).noquote() << "cannot read changed messages back:" << error;
    return records;
}

bool StoreWorker::applyStatusCallback(const StatusCallback &cb, QString *error) {
    if (!m_open) {
        *error = QStringLiteral("store not open");
        return false;
    }
    const qint64 now = nowMs();
    bool inserted = false;
    if (!insertEvent(cb, now, &inserted, error))
        return false;
    if (!inserted)
        return true; // a replay

    // Only ever move forward: a late `sent` after `delivered` is history, not state.
    const qint64 rank = MessageStatus::rank(cb.status);
    Statement &update = *m_advanceStatus;
    update.bind(1, cb.status);
    update.bind(2, rank);
    update.bind(3, qint64(cb.errorCode));
    update.bind(4, cb.errorMessage);
    update.bind(5, now);
    update.bind(6, cb.messageSid);
    Statement::Step step = update.step(error);
    if (step == Statement::Step::Row)
        touched(update.columnInt64(0));
    update.reset();
    if (step == Statement::Step::Error)
        return false;
    if (step == Statement::Step::Row)
        return true;

    // No row moved: either the message is ahead already, or we have never seen it (the
    // callback beat our own record of the send, or the message was sent elsewhere).
    Statement &stub = *m_stubMessage;
    stub.bind(1, cb.messageSid);
    stub.bind(2, cb.from);
    stub.bind(3, cb.to);
    stub.bind(4, cb.status);
    stub.bind(5, rank);
    stub.bind(6, qint64(cb.errorCode));
    stub.bind(7, cb.errorMessage);
    stub.bind(8, now);
    step = stub.step(error);
    if (step == Statement::Step::Row)
        touched(stub.columnInt64(0));
    stub.reset();
    return step != Statement::Step::Error;
}

bool StoreWorker::insertEvent(const StatusCallback &cb, qint64 now, bool *inserted,
                              QString *error) {
    // Dedupe: the same idempotency token, or the same sid + status, is stored once. Only a
    // uniqueness conflict is skipped; any other violation fails loudly.
    Statement &q = *m_insertEvent;
    q.bind(1, cb.messageSid);
    q.bind(2, cb.status);
    q.bind(3, qint64(cb.errorCode));
    if (cb.idempotencyToken.isEmpty())
        q.bindNull(4);
    else
        q.bind(4, cb.idempotencyToken);
    q.bind(5, now);
    q.bind(6, QString::fromUtf8(cb.payload));
    q.bind(7, cb.polled ? QStringLiteral("poll") : QStringLiteral("webhook"));
    const bool ok = q.step(error) == Statement::Step::Done;
    *inserted = ok && q.changes() > 0;
    q.reset();
    return ok;
}

bool StoreWorker::addInboundMessage(const InboundMessage &message, QString *error) {
    if (!m_open) {
        *error = QStringLiteral("store not open");
        return false;
    }
    const qint64 now =
        message.receivedAt.isValid() ? message.receivedAt.toMSecsSinceEpoch() : nowMs();
    QSqlQuery &insert = prepared(
        "insertInbound",
        QStringLiteral(
            "INSERT INTO messages (sid, channel, direction, from_number, "
            "to_number, body, status, status_rank, created_at, updated_at, segments) "
            "VALUES (?, ?, 'inbound', ?, ?, ?, 'received', ?, ?, ?, ?) ON CONFLICT DO NOTHING "
            "RETURNING id"));
    insert.bindValue(0, sql::text(message.sid));
    insert.bindValue(1, sql::text(message.channel));
    insert.bindValue(2, sql::text(message.from));
    insert.bindValue(3, sql::text(message.to));
    insert.bindValue(4, sql::text(message.body));
    insert.bindValue(5, MessageStatus::rank(QStringLiteral("received")));
    insert.bindValue(6, now);
    insert.bindValue(7, now);
    insert.bindValue(8, message.segments);
    if (!run(insert, error))
        return false;
    if (!insert.next()) {
        insert.finish();
        return true; // Twilio retried a webhook we already have
    }
    const qint64 id = insert.value(0).toLongLong();
    insert.finish();
    StatusCallback event;
    event.messageSid = message.sid;
    event.status = QStringLiteral("received");
    event.payload = message.payload;
    event.polled = message.polled;
    bool inserted = false;
    if (!insertEvent(event, now, &inserted, error))
        return false;
    touched(id);
    m_arrived.insert(id);
    return true;
}

std::optional<OutboxEntry> StoreWorker::outboxEntry(qint64 outboxId, QString *error) {
    QSqlQuery &q = prepared(
        "outboxEntry",
        QStringLiteral("SELECT o.id, o.state, o.attempts, o.last_error, o.status_callback, "
                       "o.client_ref, m.id, m.sid, m.channel, m.direction, m.from_number, "
                       "m.to_number, m.body, m.status, m.error_code, m.error_message, m.segments, "
                       "m.created_at, m.updated_at, o.content_sid, o.content_variables, "
                       "o.media_urls, o.send_at, o.messaging_service_sid, o.created_at, m.agent "
                       "FROM outbox o JOIN messages m ON m.id = o.message_id WHERE o.id = ?"));
    q.bindValue(0, outboxId);
    if (!run(q, error))
        return std::nullopt;
    std::optional<OutboxEntry> entry;
    if (q.next()) {
        OutboxEntry e;
        e.id = q.value(0).toLongLong();
        e.state = OutboxEntry::stateFromName(q.value(1).toString());
        e.attempts = q.value(2).toInt();
        e.lastError = q.value(3).toString();
        e.statusCallback = q.value(4).toString();
        e.clientRef = q.value(5).toString();
        MessageRecord &m = e.message;
        m.id = q.value(6).toLongLong();
        m.sid = q.value(7).toString();
        m.channel = q.value(8).toString();
        m.direction = q.value(9).toString();
        m.from = q.value(10).toString();
        m.to = q.value(11).toString();
        m.body = q.value(12).toString();
        m.status = q.value(13).toString();
        m.errorCode = q.value(14).toInt();
        m.errorMessage = q.value(15).toString();
        m.segments = q.value(16).toInt();
        m.createdAt = fromMs(q.value(17).toLongLong());
        m.updatedAt = fromMs(q.value(18).toLongLong());
        e.contentSid = q.value(19).toString();
        e.contentVariables = q.value(20).toString();
        e.mediaUrls = mediaUrlsFromJson(q.value(21).toString());
        if (!q.value(22).isNull())
            e.sendAt = fromMs(q.value(22).toLongLong());
        e.messagingServiceSid = q.value(23).toString();
        e.createdAt = fromMs(q.value(24).toLongLong());
        m.agent = q.value(25).toString();
        entry = e;
    } else {
        *error = QStringLiteral("no outbox entry %1").arg(outboxId);
    }
    q.finish();
    return entry;
}

std::optional<OutboxEntry> StoreWorker::createOutbound(const OutboundDraft &draft, QString *error) {
    if (!m_open) {
        *error = QStringLiteral("store not open");
        return std::nullopt;
    }
    if (!draft.clientRef.isEmpty()) {
        QSqlQuery &existing =
            prepared("outboxByRef", QStringLiteral("SELECT id FROM outbox WHERE client_ref = ?"));
        existing.bindValue(0, draft.clientRef);
        if (!run(existing, error))
            return std::nullopt;
        if (existing.next()) {
            const qint64 id = existing.value(0).toLongLong();
            existing.finish();
            auto entry = outboxEntry(id, error);
            if (entry)
                entry->existing = true;
            return entry;
        }
        existing.finish();
    }
    const qint64 now = nowMs();
    QSqlQuery &message = prepared(
        "insertOutbound",
        QStringLiteral("INSERT INTO messages (channel, direction, from_number, to_number, body, "
                       "status, status_rank, segments, created_at, updated_at, agent) "
                       "VALUES (?, 'outbound', ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    const bool scheduled = draft.sendAt.isValid();
    const QString status = scheduled ? QStringLiteral("scheduled") : QStringLiteral("pending");
    message.bindValue(0, sql::text(draft.channel));
    message.bindValue(1, sql::text(draft.from));
    message.bindValue(2, sql::text(draft.to));
    message.bindValue(3, sql::text(draft.body));
    message.bindValue(4, status);
    message.bindValue(5, MessageStatus::rank(status));
    message.bindValue(6, draft.segments);
    message.bindValue(7, now);
    message.bindValue(8, now);
    message.bindValue(9, sql::text(draft.agent));
    if (!run(message, error))
        return std::nullopt;
    const qint64 messageId = message.next() ? message.value(0).toLongLong() : 0;
    message.finish();

    QSqlQuery &outbox = prepared(
        "insertOutbox",
        QStringLiteral("INSERT INTO outbox (message_id, state, status_callback, client_ref, "
                       "content_sid, content_variables, media_urls, created_at, updated_at, "
                       "send_at, messaging_service_sid, claimed_by, lease_until) VALUES (?, ?, "
                       "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    outbox.bindValue(0, messageId);
    outbox.bindValue(1, status);
    outbox.bindValue(2, sql::text(draft.statusCallback));
    outbox.bindValue(3, draft.clientRef.isEmpty() ? QVariant() : QVariant(draft.clientRef));
    outbox.bindValue(4, sql::text(draft.contentSid));
    outbox.bindValue(5, sql::text(draft.contentVariables));
    outbox.bindValue(6, sql::text(mediaUrlsToJson(draft.mediaUrls)));
    outbox.bindValue(7, now);
    outbox.bindValue(8, now);
    outbox.bindValue(9, scheduled ? QVariant(draft.sendAt.toMSecsSinceEpoch())
                                  : QVariant(QMetaType::fromType<qint64>()));
    outbox.bindValue(10, sql::text(draft.messagingServiceSid));
    // The process that made it sends it: claimed from the start (this machine's clock; the
    // claim only has to outlast the first request). A scheduled one is anyone's at its time.
    outbox.bindValue(11, scheduled ? QString(QLatin1String("")) : m_claimant);
    outbox.bindValue(12, scheduled ? 0 : now + Store::OutboxLeaseMs);
    if (!run(outbox, error))
        return std::nullopt;
    const qint64 outboxId = outbox.next() ? outbox.value(0).toLongLong() : 0;
    outbox.finish();
    touched(messageId);
    return outboxEntry(outboxId, error);
}

namespace {

// The states a transition may start from: each step happens once, whoever asks twice.
QStringList allowedSources(OutboxEntry::State target) {
    switch (target) {
    case OutboxEntry::State::Submitted:
        return {QStringLiteral("pending")};
    case OutboxEntry::State::Accepted:
        return {QStringLiteral("submitted")};
    case OutboxEntry::State::Failed:
        return {QStringLiteral("pending"), QStringLiteral("submitted")};
    case OutboxEntry::State::Pending:
        return {QStringLiteral("submitted"), QStringLiteral("scheduled")};
    case OutboxEntry::State::Scheduled:
        return {};
    case OutboxEntry::State::Cancelled:
        return {QStringLiteral("scheduled")};
    }
    return {};
}

} // namespace

std::optional<OutboxEntry> StoreWorker::transition(qint64 outboxId, OutboxEntry::State state,
                                                   const QString &sid, const QString &twilioStatus,
                                                   int errorCode, const QString &errorText,
                                                   QString *error) {
    if (!m_open) {
        *error = QStringLiteral("store not open");
        return std::nullopt;
    }
    const QStringList sources = allowedSources(state);
    const qint64 now = nowMs();
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    // The steps towards a request (submitted; pending again, to be sent anew) need this
    // process's claim, or one that lapsed (taken over, renewed): a process whose claim another
    // took changes nothing and so never posts.
    // SQLite's file has one process, which owns every claim.
    const bool claimed = isPostgres() && (state == OutboxEntry::State::Submitted ||
                                          state == OutboxEntry::State::Pending);
    if (claimed) {
        const std::optional<qint64> clock = claimClockMs(error);
        if (!clock)
            return std::nullopt;
        q.prepare(QStringLiteral("UPDATE outbox SET state = ?, attempts = attempts + ?, "
                                 "last_error = ?, updated_at = ?, claimed_by = ?, lease_until = "
                                 "? WHERE id = ? AND state IN (?, ?) AND (claimed_by = ? OR "
                                 "lease_until < ?)"));
        q.addBindValue(OutboxEntry::stateName(state));
        q.addBindValue(state == OutboxEntry::State::Submitted ? 1 : 0);
        q.addBindValue(sql::text(errorText));
        q.addBindValue(now);
        q.addBindValue(m_claimant);
        q.addBindValue(*clock + Store::OutboxLeaseMs);
        q.addBindValue(outboxId);
        q.addBindValue(sources.value(0));
        q.addBindValue(sources.value(1, sources.value(0)));
        q.addBindValue(m_claimant);
        q.addBindValue(*clock);
    } else {
        q.prepare(QStringLiteral("UPDATE outbox SET state = ?, attempts = attempts + ?, "
                                 "last_error = ?, updated_at = ? WHERE id = ? AND state IN (?, "
                                 "?)"));
        q.addBindValue(OutboxEntry::stateName(state));
        q.addBindValue(state == OutboxEntry::State::Submitted ? 1 : 0);
        q.addBindValue(sql::text(errorText));
        q.addBindValue(now);
        q.addBindValue(outboxId);
        q.addBindValue(sources.value(0));
        q.addBindValue(sources.value(1, sources.value(0)));
    }
    if (!run(q, error))
        return std::nullopt;
    if (q.numRowsAffected() == 0) {
        // Compare-and-set: not in a state this step starts from (it happened already, or
        // another path owns the entry). Nothing changes; the caller sees the entry as it is.
        std::optional<OutboxEntry> entry = outboxEntry(outboxId, error);
        if (entry) {
            entry->applied = false;
            entry->claimedElsewhere =
                claimed && sources.contains(OutboxEntry::stateName(entry->state));
        }
        return entry;
    }
    std::optional<OutboxEntry> entry = outboxEntry(outboxId, error);
    if (!entry)
        return std::nullopt;
    const qint64 messageId = entry->message.id;

    if (state == OutboxEntry::State::Accepted) {
        // A status callback may have arrived before this answer and made a stub row for the
        // SID: fold it into ours, keeping whichever status is further along.
        QString status = twilioStatus;
        int rank = MessageStatus::rank(status);
        int stubErrorCode = 0;
        QString stubErrorMessage;
        q.prepare(QStringLiteral("SELECT id, status, status_rank, error_code, error_message FROM "
                                 "messages WHERE sid = ? AND id != ?"));
        q.addBindValue(sid);
        q.addBindValue(messageId);
        if (!run(q, error))
            return std::nullopt;
        if (q.next()) {
            const qint64 stubId = q.value(0).toLongLong();
            if (q.value(2).toInt() > rank) {
                status = q.value(1).toString();
                rank = q.value(2).toInt();
            }
            stubErrorCode = q.value(3).toInt();
            stubErrorMessage = q.value(4).toString();
            q.finish();
            q.prepare(QStringLiteral("DELETE FROM messages WHERE id = ?"));
            q.addBindValue(stubId);
            if (!run(q, error))
                return std::nullopt;
        }
        q.prepare(QStringLiteral(
            "UPDATE messages SET sid = ?, status = ?, status_rank = ?, error_code = ?, "
            "error_message = ?, updated_at = ? WHERE id = ?"));
        q.addBindValue(sid);
        q.addBindValue(sql::text(status));
        q.addBindValue(rank);
        q.addBindValue(stubErrorCode);
        q.addBindValue(sql::text(stubErrorMessage));
        q.addBindValue(now);
        q.addBindValue(messageId);
        if (!run(q, error))
            return std::nullopt;
    } else if (state == OutboxEntry::State::Cancelled ||
               (state == OutboxEntry::State::Pending &&
                entry->message.status == QLatin1String("scheduled"))) {
        // Twilio's words: a scheduled message is "canceled", or on its way once it is due.
        const QString status = state == OutboxEntry::State::Cancelled ? QStringLiteral("canceled")
                                                                      : QStringLiteral("pending");
        q.prepare(QStringLiteral("UPDATE messages SET status = ?, status_rank = ?, updated_at = ? "
                                 "WHERE id = ?"));
        q.addBindValue(status);
        q.addBindValue(MessageStatus::rank(status));
        q.addBindValue(now);
        q.addBindValue(messageId);
        if (!run(q, error))
            return std::nullopt;
    } else if (state == OutboxEntry::State::Failed) {
        q.prepare(QStringLiteral("UPDATE messages SET status = 'failed', status_rank = ?, "
                                 "error_code = ?, error_message = ?, updated_at = ? WHERE id = ?"));
        q.addBindValue(MessageStatus::rank(QStringLiteral("failed")));
        q.addBindValue(errorCode);
        q.addBindValue(sql::text(errorText));
        q.addBindValue(now);
        q.addBindValue(messageId);
        if (!run(q, error))
            return std::nullopt;
    }
    touched(messageId);
    return outboxEntry(outboxId, error);
}

std::optional<QList<OutboxEntry>> StoreWorker::unfinishedOutbox(QString *error) {
    if (!m_open) {
        *error = QStringLiteral("store not open");
        return std::nullopt;
    }
    const std::optional<qint64> clock = claimClockMs(error);
    if (!clock)
        return std::nullopt;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (isPostgres()) {
        QString failed;
        const QStringList dead = deadLocalClaimants(&failed);
        if (!failed.isEmpty()) {
            *error = failed;
            return std::nullopt;
        }
        QStringList quoted;
        for (const QString &claimant : dead)
            quoted.append(QLatin1Char('"') + claimant + QLatin1Char('"'));
        // Rows another process is claiming right now are skipped, not waited for: each entry
        // goes to exactly one claimant. A batch at a time; the rest at the next sweep.
        q.prepare(QStringLiteral(
            "UPDATE outbox SET claimed_by = ?, lease_until = ? WHERE id IN (SELECT id FROM outbox "
            "WHERE state IN ('pending', 'submitted') AND (claimed_by = ? OR lease_until < ? OR "
            "claimed_by = ANY(CAST(? AS TEXT[]))) ORDER BY id LIMIT 500 FOR UPDATE SKIP LOCKED) "
            "RETURNING id"));
        q.addBindValue(m_claimant);
        q.addBindValue(*clock + Store::OutboxLeaseMs);
        q.addBindValue(m_claimant);
        q.addBindValue(*clock);
        q.addBindValue(QLatin1Char('{') + quoted.join(QLatin1Char(',')) + QLatin1Char('}'));
    } else {
        q.prepare(QStringLiteral("UPDATE outbox SET claimed_by = ?, lease_until = ? WHERE state "
                                 "IN ('pending', 'submitted') RETURNING id"));
        q.addBindValue(m_claimant);
        q.addBindValue(*clock + Store::OutboxLeaseMs);
    }
    if (!run(q, error))
        return std::nullopt;
    QList<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    q.finish();
    std::sort(ids.begin(), ids.end());
    QList<OutboxEntry> entries;
    for (qint64 id : ids) {
        std::optional<OutboxEntry> entry = outboxEntry(id, error);
        if (!entry)
            return std::nullopt;
        entries.append(*entry);
    }
    return entries;
}

std::optional<int> StoreWorker::renewOutboxClaims(const QList<qint64> &ids, QString *error) {
    if (!m_open) {
        *error = QStringLiteral("store not open");
        return std::nullopt;
    }
    if (ids.isEmpty())
        return 0;
    const std::optional<qint64> clock = claimClockMs(error);
    if (!clock)
        return std::nullopt;
    QStringList list;
    for (const qint64 id : ids)
        list.append(QString::number(id));
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("UPDATE outbox SET lease_until = ? WHERE claimed_by = ? AND state IN "
                             "('pending', 'submitted') AND id IN (%1)")
                  .arg(list.join(QLatin1Char(','))));
    q.addBindValue(*clock + Store::OutboxLeaseMs);
    q.addBindValue(m_claimant);
    if (!run(q, error))
        return std::nullopt;
    return q.numRowsAffected();
}

QStringList StoreWorker::deadLocalClaimants(QString *error) {
    // Claims of processes on this machine (the same host and process namespace) whose process
    // is gone: a receiver restarted after a kill -9 need not wait out its predecessor's lease.
    // A process id reused by a live process only makes it wait, which is safe.
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.exec(QStringLiteral("SELECT DISTINCT claimed_by FROM outbox WHERE state IN "
                               "('pending', 'submitted') AND claimed_by != ''"))) {
        *error = q.lastError().text();
        return {};
    }
    QStringList dead;
    const QString here = thisProcess().section(QLatin1Char('|'), 0, 1);
    while (q.next()) {
        const QString claimant = q.value(0).toString();
        const QStringList parts = claimant.split(QLatin1Char('|'));
        if (parts.size() != 4 || parts.at(1).isEmpty() ||
            parts.at(0) + QLatin1Char('|') + parts.at(1) != here || claimant == m_claimant)
            continue;
        bool ok = false;
        const qint64 pid = parts.at(2).toLongLong(&ok);
        if (ok && pid > 0 && pid != QCoreApplication::applicationPid() &&
            ::kill(pid_t(pid), 0) != 0 && errno == ESRCH)
            dead.append(claimant);
    }
    return dead;
}

std::optional<qint64> StoreWorker::claimClockMs(QString *error) {
    if (!isPostgres())
        return nowMs();
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.exec(QStringLiteral("SELECT CAST(extract(epoch FROM clock_timestamp()) * 1000 AS "
                               "BIGINT)")) ||
        !q.next()) {
        *error = q.lastError().text();
        return std::nullopt;
    }
    return q.value(0).toLongLong();
}

std::optional<std::optional<MessageRecord>>
StoreWorker::messageBy(const QString &column, const QVariant &value, QString *error) {
    if (!m_open) {
        *error = QStringLiteral("store not open");
        return std::nullopt;
    }
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("SELECT ") + kMessageColumns +
              QStringLiteral(" FROM messages WHERE ") +
              (column == QLatin1String("id") ? QStringLiteral("id") : QStringLiteral("sid")) +
              QStringLiteral(" = ?"));
    q.addBindValue(value);
    if (!run(q, error))
        return std::nullopt;
    if (q.next())
        return std::optional(readMessage(q));
    return std::optional<MessageRecord>();
}

std::optional<QList<StatusEvent>> StoreWorker::statusHistory(const QString &sid, QString *error) {
    QList<StatusEvent> events;
    if (!m_open) {
        *error = QStringLiteral("store not open");
        return std::nullopt;
    }
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("SELECT id, message_sid, status, error_code, idempotency_token, "
                             "received_at, payload, source FROM message_events WHERE "
                             "message_sid = ? "
                             "ORDER BY id"));
    q.addBindValue(sid);
    if (!run(q, error))
        return std::nullopt;
    while (q.next()) {
        StatusEvent e;
        e.id = q.value(0).toLongLong();
        e.messageSid = q.value(1).toString();
        e.status = q.value(2).toString();
        e.errorCode = q.value(3).toInt();
        e.idempotencyToken = q.value(4).toString();
        e.receivedAt = fromMs(q.value(5).toLongLong());
        e.payload = q.value(6).toString().toUtf8();
        e.polled = q.value(7).toString() == QLatin1String("poll");
        events.append(e);
    }
    return events;
}

std::optional<QList<MessageRecord>> StoreWorker::findMessages(const MessageQuery &query,
                                                              QString *error) {
    QList<MessageRecord> records;
    if (!m_open) {
        *error = QStringLiteral("store not open");
        return std::nullopt;
    }
    QStringList where;
    QVariantList binds;
    if (!query.channel.isEmpty()) {
        where.append(QStringLiteral("channel = ?"));
        binds << query.channel;
    }
    if (!query.contact.isEmpty()) {
        where.append(QStringLiteral("(from_number = ? OR to_number = ?)"));
        binds << query.contact << query.contact;
    }
    if (!query.status.isEmpty()) {
        where.append(QStringLiteral("status = ?"));
        binds << query.status;
    }
    if (!query.text.isEmpty()) {
        // SQLite's LIKE ignores ASCII case; PostgreSQL's ILIKE does what it does.
        where.append(QStringLiteral("(body %1 ? ESCAPE '\\' OR from_number %1 ? ESCAPE '\\' "
                                    "OR to_number %1 ? ESCAPE '\\')")
                         .arg(m_shared ? QStringLiteral("ILIKE") : QStringLiteral("LIKE")));
        QString pattern = query.text;
        pattern.replace(QLatin1String("\\"), QLatin1String("\\\\"))
            .replace(QLatin1String("%"), QLatin1String("\\%"))
            .replace(QLatin1String("_"), QLatin1String("\\_"));
        pattern = QLatin1Char('%') + pattern + QLatin1Char('%');
        binds << pattern << pattern << pattern;
    }
    if (query.beforeId > 0) {
        where.append(QStringLiteral("id < ?"));
        binds << query.beforeId;
    }
    QString sql = QStringLiteral("SELECT ") + kMessageColumns + QStringLiteral(" FROM messages");
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    // Newest first by id (ids grow with time): keyset paging stays fast a million rows down,
    // where OFFSET would walk every skipped row.
    sql += QStringLiteral(" ORDER BY id DESC LIMIT ?");
    binds << query.limit;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(sql);
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!run(q, error))
        return std::nullopt;
    while (q.next())
        records.append(readMessage(q));
    return records;
}

std::optional<qint64> StoreWorker::countMessages(QString *error) {
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!m_open || !q.exec(QStringLiteral("SELECT count(*) FROM messages")) || !q.next()) {
        *error = m_open ? q.lastError().text() : QStringLiteral("store not open");
        return std::nullopt;
    }
    return q.value(0).toLongLong();
}

} // namespace sb
