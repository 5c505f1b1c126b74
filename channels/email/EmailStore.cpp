#include "EmailStore.h"

#include "EmailStatuses.h"
#include "db/SqlDialect.h"
#include "db/SqlValues.h"
#include "db/StoreWorker.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace sb {

namespace {

QString json(const QJsonArray &array) {
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QString json(const QJsonObject &object) {
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonArray addresses(const QList<EmailAddress> &list) {
    QJsonArray array;
    for (const EmailAddress &a : list)
        array.append(
            QJsonObject{{QStringLiteral("email"), a.email}, {QStringLiteral("name"), a.name}});
    return array;
}

QList<EmailAddress> addresses(const QString &stored) {
    QList<EmailAddress> list;
    for (const QJsonValue v : QJsonDocument::fromJson(stored.toUtf8()).array()) {
        const QJsonObject o = v.toObject();
        list.append({o.value(QLatin1String("email")).toString(),
                     o.value(QLatin1String("name")).toString()});
    }
    return list;
}

// Addresses are compared as mail servers route them: the domain is case-insensitive, and no
// provider in practice treats the local part's case as a different mailbox.
QString addressKey(const QString &address) {
    return address.trimmed().toLower();
}

// Announces the email as changed (Store::rowsChanged) after the commit.
bool touchEmail(StoreWorker &w, QSqlQuery &q, const QString &emailId, QString *error) {
    sql::prepare(q, QStringLiteral("SELECT id FROM emails WHERE email_id = ?"));
    q.addBindValue(emailId);
    if (!sql::exec(q, error))
        return false;
    if (q.next())
        w.touchedRow(QString(EmailStore::Table), q.value(0).toLongLong());
    q.finish();
    return true;
}

QString placeholders(qsizetype count) {
    QStringList marks;
    for (qsizetype i = 0; i < count; ++i)
        marks << QStringLiteral("?");
    return marks.join(QLatin1Char(','));
}

// The emails `tail` selects (a WHERE / ORDER BY / LIMIT over `e`, the emails table), in that
// order, each with what the outbox knows and its events in the order they arrived.
std::optional<QList<EmailRecord>> readEmails(StoreWorker &w, const QString &tail,
                                             const QVariantList &binds, QString *error) {
    QSqlQuery q(w.database());
    sql::prepare(
        q, QStringLiteral(
               "SELECT e.status, e.status_rank, e.to_json, e.cc_json, e.bcc_json, e.from_email, "
               "e.subject, e.template_id, e.attachments_json, e.created_at, o.state, "
               "m.sid, m.error_message, e.email_id, e.id, e.categories_json, m.agent FROM emails e "
               "LEFT JOIN outbox o ON "
               "o.client_ref = e.email_id LEFT JOIN messages m ON m.id = o.message_id ") +
               tail);
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!sql::exec(q, error))
        return std::nullopt;
    QList<EmailRecord> records;
    QHash<QString, int> byEmailId;
    const int unknownRank = EmailStatuses::instance().info(QStringLiteral("unknown")).rank;
    while (q.next()) {
        EmailRecord r;
        r.emailId = q.value(13).toString();
        r.rowId = q.value(14).toLongLong();
        r.outboxState = q.value(10).toString();
        r.sgMessageId = q.value(11).toString();
        if (r.sgMessageId.startsWith(QLatin1String("email:")))
            r.sgMessageId.clear(); // SendGrid gave no X-Message-Id
        // Events (and `unknown`, which only the outbox's reconciliation sets) outrank what
        // the outbox knows; before them, the outbox says where the send is.
        if (q.value(1).toInt() >= unknownRank)
            r.status = q.value(0).toString();
        else if (r.outboxState == QLatin1String("accepted"))
            r.status = QStringLiteral("queued");
        else if (r.outboxState == QLatin1String("failed"))
            r.status = QStringLiteral("failed");
        else
            r.status = QStringLiteral("pending");
        if (r.outboxState == QLatin1String("failed") || r.status == QLatin1String("unknown"))
            r.error = q.value(12).toString();
        const auto array = [&](int column) {
            return QJsonDocument::fromJson(q.value(column).toString().toUtf8()).array();
        };
        r.request = {{QStringLiteral("to"), array(2)},
                     {QStringLiteral("cc"), array(3)},
                     {QStringLiteral("bcc"), array(4)},
                     {QStringLiteral("from"), q.value(5).toString()},
                     {QStringLiteral("subject"), q.value(6).toString()},
                     {QStringLiteral("templateId"), q.value(7).toString()},
                     {QStringLiteral("attachments"), array(8)},
                     {QStringLiteral("categories"), array(15)}};
        r.createdAt = sql::fromMs(q.value(9).toLongLong());
        r.agent = q.value(16).toString();
        byEmailId.insert(r.emailId, int(records.size()));
        records.append(r);
    }
    q.finish();
    if (records.isEmpty())
        return records;
    QVariantList ids;
    for (const EmailRecord &r : std::as_const(records))
        ids.append(r.emailId);
    sql::prepare(q, QStringLiteral("SELECT sg_event_id, event, sg_message_id, address, reason, "
                                   "event_at, email_id FROM email_events WHERE email_id IN (%1) "
                                   "ORDER BY id")
                        .arg(placeholders(ids.size())));
    for (const QVariant &v : std::as_const(ids))
        q.addBindValue(v);
    if (!sql::exec(q, error))
        return std::nullopt;
    while (q.next()) {
        EmailEvent e;
        e.sgEventId = q.value(0).toString();
        e.event = q.value(1).toString();
        e.emailId = q.value(6).toString();
        e.sgMessageId = q.value(2).toString();
        e.address = q.value(3).toString();
        e.reason = q.value(4).toString();
        e.at = sql::fromMs(q.value(5).toLongLong());
        const auto it = byEmailId.constFind(e.emailId);
        if (it != byEmailId.cend())
            records[*it].events.append(e);
    }
    return records;
}

} // namespace

QList<QStringList> EmailStore::schema() {
    return {
        // 1: emails, their attachments, their events, addresses not to send to
        {
            QStringLiteral(R"(CREATE TABLE emails (
                id INTEGER PRIMARY KEY,
                email_id TEXT NOT NULL UNIQUE,
                status TEXT NOT NULL DEFAULT 'pending',
                status_rank INTEGER NOT NULL DEFAULT 1,
                to_json TEXT NOT NULL DEFAULT '[]',
                cc_json TEXT NOT NULL DEFAULT '[]',
                bcc_json TEXT NOT NULL DEFAULT '[]',
                from_email TEXT NOT NULL DEFAULT '',
                from_name TEXT NOT NULL DEFAULT '',
                reply_to TEXT NOT NULL DEFAULT '',
                subject TEXT NOT NULL DEFAULT '',
                text_body TEXT NOT NULL DEFAULT '',
                html_body TEXT NOT NULL DEFAULT '',
                template_id TEXT NOT NULL DEFAULT '',
                template_data TEXT NOT NULL DEFAULT '{}',
                attachments_json TEXT NOT NULL DEFAULT '[]',
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL))"),
            QStringLiteral(R"(CREATE TABLE email_attachments (
                email_id TEXT NOT NULL REFERENCES emails(email_id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                filename TEXT NOT NULL,
                type TEXT NOT NULL DEFAULT '',
                disposition TEXT NOT NULL DEFAULT '',
                content_id TEXT NOT NULL DEFAULT '',
                content BLOB NOT NULL,
                PRIMARY KEY (email_id, position)))"),
            QStringLiteral(R"(CREATE TABLE email_events (
                id INTEGER PRIMARY KEY,
                sg_event_id TEXT NOT NULL UNIQUE,
                email_id TEXT NOT NULL DEFAULT '',
                event TEXT NOT NULL,
                sg_message_id TEXT NOT NULL DEFAULT '',
                address TEXT NOT NULL DEFAULT '',
                reason TEXT NOT NULL DEFAULT '',
                event_at INTEGER NOT NULL DEFAULT 0,
                received_at INTEGER NOT NULL,
                payload TEXT NOT NULL DEFAULT ''))"),
            QStringLiteral("CREATE INDEX email_events_email ON email_events(email_id)"),
            QStringLiteral(R"(CREATE TABLE email_suppressions (
                address TEXT PRIMARY KEY,
                event TEXT NOT NULL,
                reason TEXT NOT NULL DEFAULT '',
                created_at INTEGER NOT NULL))"),
        },
        // 2: categories; the Idempotency-Key with the request it came with; the day's count
        {
            QStringLiteral(
                "ALTER TABLE emails ADD COLUMN categories_json TEXT NOT NULL DEFAULT '[]'"),
            QStringLiteral("ALTER TABLE emails ADD COLUMN idempotency_key TEXT"),
            QStringLiteral("ALTER TABLE emails ADD COLUMN request_hash TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("CREATE UNIQUE INDEX emails_idempotency_key ON emails(idempotency_key) "
                           "WHERE idempotency_key IS NOT NULL"),
            QStringLiteral("CREATE INDEX emails_created_at ON emails(created_at)"),
        },
    };
}

QDateTime EmailStore::nextUtcMidnight(const QDateTime &now) {
    return QDateTime(now.toUTC().date().addDays(1), QTime(0, 0), Qt::UTC);
}

std::optional<int> EmailStore::sentOn(StoreWorker &w, const QDateTime &now, QString *error) {
    const QDateTime dayStart(now.toUTC().date(), QTime(0, 0), Qt::UTC);
    QSqlQuery q(w.database());
    // SendGrid refused it: the outbox entry failed, and it is not `unknown` (which may have
    // gone and so counts).
    sql::prepare(
        q, QStringLiteral(
               "SELECT COUNT(*) FROM emails e LEFT JOIN outbox o ON o.client_ref = e.email_id "
               "WHERE e.created_at >= ? AND e.created_at < ? "
               "AND NOT (o.state IS NOT NULL AND o.state = 'failed' AND e.status_rank < ?)"));
    q.addBindValue(dayStart.toMSecsSinceEpoch());
    q.addBindValue(nextUtcMidnight(now).toMSecsSinceEpoch());
    q.addBindValue(EmailStatuses::instance().info(QStringLiteral("unknown")).rank);
    if (!sql::exec(q, error) || !q.next()) {
        if (error->isEmpty())
            *error = QStringLiteral("no count");
        return std::nullopt;
    }
    return q.value(0).toInt();
}

void EmailStore::usage(Store *store, const QDateTime &now, int dailyLimit, Receiver receiver,
                       std::function<void(const StoreResult<EmailUsage> &)> done) {
    store->run<EmailUsage>(
        std::move(receiver),
        [now, dailyLimit](StoreWorker &w, QString *error) -> std::optional<EmailUsage> {
            const std::optional<int> sent = sentOn(w, now, error);
            if (!sent)
                return std::nullopt;
            return EmailUsage{*sent, dailyLimit, nextUtcMidnight(now)};
        },
        std::move(done));
}

void EmailStore::create(Store *store, const EmailDraft &draft, Receiver receiver,
                        std::function<void(const StoreResult<QList<EmailSuppression>> &)> done) {
    create(store, draft, EmailCreateOptions{}, std::move(receiver),
           [done](const StoreResult<EmailCreation> &created) {
               StoreResult<QList<EmailSuppression>> r;
               r.error = created.error;
               r.value = created.value.suppressed;
               done(r);
           });
}

void EmailStore::create(Store *store, const EmailDraft &draft, const EmailCreateOptions &options,
                        Receiver receiver,
                        std::function<void(const StoreResult<EmailCreation> &)> done) {
    store->run<EmailCreation>(
        std::move(receiver),
        [draft, options](StoreWorker &w, QString *error) -> std::optional<EmailCreation> {
            QSqlQuery q(w.database());
            EmailCreation created;
            // A key seen before answers with its email, whatever else would be refused now.
            if (!options.idempotencyKey.isEmpty()) {
                sql::prepare(
                    q, QStringLiteral(
                           "SELECT email_id, request_hash FROM emails WHERE idempotency_key = ?"));
                q.addBindValue(options.idempotencyKey);
                if (!sql::exec(q, error))
                    return std::nullopt;
                if (q.next()) {
                    created.existingId = q.value(0).toString();
                    created.sameRequest =
                        q.value(1).toString() == QString::fromLatin1(options.requestHash.toHex());
                    return created;
                }
                q.finish();
            }
            sql::prepare(
                q, QStringLiteral(
                       "SELECT address, event, reason FROM email_suppressions WHERE address = ?"));
            for (const auto *list : {&draft.to, &draft.cc, &draft.bcc}) {
                for (const EmailAddress &a : *list) {
                    q.bindValue(0, addressKey(a.email));
                    if (!sql::exec(q, error))
                        return std::nullopt;
                    if (q.next())
                        created.suppressed.append(
                            {a.email, q.value(1).toString(), q.value(2).toString()});
                    q.finish();
                }
            }
            if (!created.suppressed.isEmpty())
                return created;
            const QDateTime now =
                options.now.isValid() ? options.now : QDateTime::currentDateTimeUtc();
            if (options.dailyLimit > 0) {
                const std::optional<int> sent = sentOn(w, now, error);
                if (!sent)
                    return std::nullopt;
                created.sentToday = *sent;
                if (*sent >= options.dailyLimit) {
                    created.overDailyLimit = true;
                    return created;
                }
            }
            QJsonArray attachments;
            for (const EmailAttachment &a : draft.attachments)
                attachments.append(QJsonObject{{QStringLiteral("filename"), a.filename},
                                               {QStringLiteral("type"), a.type},
                                               {QStringLiteral("size"), a.content.size()}});
            const qint64 nowMs = now.toMSecsSinceEpoch();
            sql::prepare(
                q,
                QStringLiteral(
                    "INSERT INTO emails (email_id, to_json, cc_json, bcc_json, from_email, "
                    "from_name, reply_to, subject, text_body, html_body, template_id, "
                    "template_data, "
                    "attachments_json, created_at, updated_at, categories_json, idempotency_key, "
                    "request_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    "RETURNING id"));
            q.addBindValue(draft.emailId);
            q.addBindValue(json(addresses(draft.to)));
            q.addBindValue(json(addresses(draft.cc)));
            q.addBindValue(json(addresses(draft.bcc)));
            q.addBindValue(sql::text(draft.from.email));
            q.addBindValue(sql::text(draft.from.name));
            q.addBindValue(sql::text(draft.replyTo.email));
            q.addBindValue(sql::text(draft.subject));
            q.addBindValue(sql::text(draft.text));
            q.addBindValue(sql::text(draft.html));
            q.addBindValue(sql::text(draft.templateId));
            q.addBindValue(json(draft.dynamicTemplateData));
            q.addBindValue(json(attachments));
            q.addBindValue(nowMs);
            q.addBindValue(nowMs);
            q.addBindValue(json(QJsonArray::fromStringList(draft.categories)));
            q.addBindValue(options.idempotencyKey.isEmpty()
                               ? QVariant(QMetaType(QMetaType::QString))
                               : QVariant(options.idempotencyKey));
            q.addBindValue(sql::text(QString::fromLatin1(options.requestHash.toHex())));
            if (!sql::exec(q, error))
                return std::nullopt;
            w.touchedRow(QString(Table), q.next() ? q.value(0).toLongLong() : 0, true);
            sql::prepare(
                q,
                QStringLiteral("INSERT INTO email_attachments (email_id, position, filename, type, "
                               "disposition, content_id, content) VALUES (?, ?, ?, ?, ?, ?, ?)"));
            for (int i = 0; i < draft.attachments.size(); ++i) {
                const EmailAttachment &a = draft.attachments.at(i);
                q.bindValue(0, draft.emailId);
                q.bindValue(1, i);
                q.bindValue(2, sql::text(a.filename));
                q.bindValue(3, sql::text(a.type));
                q.bindValue(4, sql::text(a.disposition));
                q.bindValue(5, sql::text(a.contentId));
                q.bindValue(6, a.content.isNull() ? QByteArray("") : a.content);
                if (!sql::exec(q, error))
                    return std::nullopt;
            }
            return created;
        },
        std::move(done));
}

void EmailStore::unqueued(Store *store, const QDateTime &before, Receiver receiver,
                          std::function<void(const StoreResult<QStringList> &)> done) {
    store->run<QStringList>(
        std::move(receiver),
        [before](StoreWorker &w, QString *error) -> std::optional<QStringList> {
            QSqlQuery q(w.database());
            // The outbox entry's clientRef is the email's id (EmailSubmitter).
            sql::prepare(
                q, QStringLiteral(
                       "SELECT e.email_id FROM emails e WHERE e.status = 'pending' AND "
                       "e.created_at < ? "
                       "AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.client_ref = e.email_id) "
                       "ORDER BY e.id"));
            q.addBindValue(sql::toMs(before));
            if (!sql::exec(q, error))
                return std::nullopt;
            QStringList ids;
            while (q.next())
                ids.append(q.value(0).toString());
            return ids;
        },
        std::move(done));
}

void EmailStore::draft(Store *store, const QString &emailId, Receiver receiver,
                       std::function<void(const StoreResult<EmailDraft> &)> done) {
    store->run<EmailDraft>(
        std::move(receiver),
        [emailId](StoreWorker &w, QString *error) -> std::optional<EmailDraft> {
            QSqlQuery q(w.database());
            sql::prepare(
                q,
                QStringLiteral(
                    "SELECT to_json, cc_json, bcc_json, from_email, from_name, reply_to, subject, "
                    "text_body, html_body, template_id, template_data, categories_json FROM emails "
                    "WHERE email_id = ?"));
            q.addBindValue(emailId);
            if (!sql::exec(q, error))
                return std::nullopt;
            if (!q.next()) {
                *error = QStringLiteral("no email %1").arg(emailId);
                return std::nullopt;
            }
            EmailDraft d;
            d.emailId = emailId;
            d.to = addresses(q.value(0).toString());
            d.cc = addresses(q.value(1).toString());
            d.bcc = addresses(q.value(2).toString());
            d.from = {q.value(3).toString(), q.value(4).toString()};
            d.replyTo = {q.value(5).toString(), {}};
            d.subject = q.value(6).toString();
            d.text = q.value(7).toString();
            d.html = q.value(8).toString();
            d.templateId = q.value(9).toString();
            d.dynamicTemplateData =
                QJsonDocument::fromJson(q.value(10).toString().toUtf8()).object();
            for (const QJsonValue c :
                 QJsonDocument::fromJson(q.value(11).toString().toUtf8()).array())
                d.categories.append(c.toString());
            q.finish();
            sql::prepare(
                q, QStringLiteral("SELECT filename, type, disposition, content_id, content "
                                  "FROM email_attachments WHERE email_id = ? ORDER BY position"));
            q.addBindValue(emailId);
            if (!sql::exec(q, error))
                return std::nullopt;
            while (q.next()) {
                EmailAttachment a;
                a.filename = q.value(0).toString();
                a.type = q.value(1).toString();
                a.disposition = q.value(2).toString();
                a.contentId = q.value(3).toString();
                a.content = q.value(4).toByteArray();
                d.attachments.append(a);
            }
            return d;
        },
        std::move(done));
}

void EmailStore::markUnknown(Store *store, const QString &emailId, Receiver receiver,
                             std::function<void(const StoreResult<bool> &)> done) {
    store->run<bool>(
        std::move(receiver),
        [emailId](StoreWorker &w, QString *error) -> std::optional<bool> {
            QSqlQuery q(w.database());
            sql::prepare(q,
                         QStringLiteral("UPDATE emails SET status = 'unknown', status_rank = ?, "
                                        "updated_at = ? WHERE email_id = ? AND status_rank < ?"));
            const int rank = EmailStatuses::instance().info(QStringLiteral("unknown")).rank;
            q.addBindValue(rank);
            q.addBindValue(QDateTime::currentMSecsSinceEpoch());
            q.addBindValue(emailId);
            q.addBindValue(rank);
            if (!sql::exec(q, error))
                return std::nullopt;
            if (q.numRowsAffected() > 0 && !touchEmail(w, q, emailId, error))
                return std::nullopt;
            return true;
        },
        std::move(done));
}

std::optional<int> EmailStore::applyEvents(StoreWorker &w, const QList<EmailEvent> &events,
                                           QString *error) {
    QSqlQuery q(w.database());
    int added = 0;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (EmailEvent e : events) {
        // Our own id travels as a custom arg; an event without it (e.g. from a send made
        // elsewhere with the same account) is matched by X-Message-Id, which SendGrid's
        // sg_message_id starts with, through the outbox entry that recorded it.
        if (e.emailId.isEmpty() && !e.sgMessageId.isEmpty()) {
            sql::prepare(
                q, QStringLiteral(
                       "SELECT o.client_ref FROM messages m JOIN outbox o ON o.message_id = m.id "
                       "WHERE m.channel = 'email' AND m.sid = ?"));
            q.addBindValue(e.sgMessageId.section(QLatin1Char('.'), 0, 0));
            if (!sql::exec(q, error))
                return std::nullopt;
            if (q.next())
                e.emailId = q.value(0).toString();
            q.finish();
        }
        if (e.sgEventId.isEmpty()) // SendGrid always sends one; without it, the event itself
            e.sgEventId = QString::fromLatin1(
                QCryptographicHash::hash(e.payload, QCryptographicHash::Sha256).toHex());
        sql::prepare(
            q,
            QStringLiteral(
                "INSERT INTO email_events (sg_event_id, email_id, event, sg_message_id, address, "
                "reason, event_at, received_at, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(sg_event_id) DO NOTHING"));
        q.addBindValue(e.sgEventId);
        q.addBindValue(sql::text(e.emailId));
        q.addBindValue(sql::text(e.event));
        q.addBindValue(sql::text(e.sgMessageId));
        q.addBindValue(sql::text(e.address));
        q.addBindValue(sql::text(e.reason));
        q.addBindValue(e.at.isValid() ? e.at.toMSecsSinceEpoch() : qint64(0));
        q.addBindValue(now);
        q.addBindValue(QString::fromUtf8(e.payload));
        if (!sql::exec(q, error))
            return std::nullopt;
        if (q.numRowsAffected() <= 0)
            continue; // seen before: SendGrid retried the batch, or sent the event twice
        ++added;
        if (EmailStatuses::isStatusEvent(e.event) && !e.emailId.isEmpty()) {
            const int rank = EmailStatuses::instance().info(e.event).rank;
            sql::prepare(q,
                         QStringLiteral("UPDATE emails SET status = ?, status_rank = ?, "
                                        "updated_at = ? WHERE email_id = ? AND status_rank < ?"));
            q.addBindValue(e.event);
            q.addBindValue(rank);
            q.addBindValue(now);
            q.addBindValue(e.emailId);
            q.addBindValue(rank);
            if (!sql::exec(q, error))
                return std::nullopt;
        }
        // Every new event shows in the email's timeline, so the email changed even when its
        // status did not (an open, a click).
        if (!e.emailId.isEmpty() && !touchEmail(w, q, e.emailId, error))
            return std::nullopt;
        if (EmailStatuses::suppresses(e.event) && !e.address.isEmpty()) {
            sql::prepare(
                q, QStringLiteral(
                       "INSERT INTO email_suppressions (address, event, reason, created_at) VALUES "
                       "(?, ?, ?, ?) ON CONFLICT(address) DO NOTHING"));
            q.addBindValue(addressKey(e.address));
            q.addBindValue(e.event);
            q.addBindValue(sql::text(e.reason));
            q.addBindValue(now);
            if (!sql::exec(q, error))
                return std::nullopt;
        }
    }
    return added;
}

void EmailStore::applyEvents(Store *store, const QList<EmailEvent> &events, Receiver receiver,
                             std::function<void(const StoreResult<int> &)> done) {
    store->run<int>(
        std::move(receiver),
        [events](StoreWorker &w, QString *error) { return applyEvents(w, events, error); },
        std::move(done));
}

void EmailStore::email(Store *store, const QString &emailId, Receiver receiver,
                       std::function<void(const StoreResult<std::optional<EmailRecord>> &)> done) {
    store->run<std::optional<EmailRecord>>(
        std::move(receiver),
        [emailId](StoreWorker &w, QString *error) -> std::optional<std::optional<EmailRecord>> {
            const auto records =
                readEmails(w, QStringLiteral("WHERE e.email_id = ?"), {emailId}, error);
            if (!records)
                return std::nullopt;
            if (records->isEmpty())
                return std::optional<EmailRecord>();
            return std::optional(records->first());
        },
        std::move(done));
}

std::optional<QList<EmailRecord>> EmailStore::recent(StoreWorker &w, int limit, QString *error) {
    return readEmails(w, QStringLiteral("ORDER BY e.id DESC LIMIT ?"), {limit}, error);
}

std::optional<QList<EmailRecord>> EmailStore::page(StoreWorker &w, qint64 beforeRowId, int limit,
                                                   QString *error) {
    if (beforeRowId <= 0)
        return recent(w, limit, error);
    return readEmails(w, QStringLiteral("WHERE e.id < ? ORDER BY e.id DESC LIMIT ?"),
                      {beforeRowId, limit}, error);
}

std::optional<QList<EmailRecord>> EmailStore::byIds(StoreWorker &w, const QList<qint64> &rowIds,
                                                    QString *error) {
    if (rowIds.isEmpty())
        return QList<EmailRecord>();
    QVariantList binds;
    for (qint64 id : rowIds)
        binds.append(id);
    return readEmails(
        w, QStringLiteral("WHERE e.id IN (%1) ORDER BY e.id").arg(placeholders(binds.size())),
        binds, error);
}

std::optional<QList<EmailRecord>>
EmailStore::byMessageIds(StoreWorker &w, const QList<qint64> &messageIds, QString *error) {
    if (messageIds.isEmpty())
        return QList<EmailRecord>();
    QVariantList binds;
    for (qint64 id : messageIds)
        binds.append(id);
    return readEmails(
        w,
        QStringLiteral("WHERE o.message_id IN (%1) ORDER BY e.id").arg(placeholders(binds.size())),
        binds, error);
}

} // namespace sb
