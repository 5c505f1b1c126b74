#pragma once

#include "common/Receiver.h"
#include "db/Store.h"
#include "providers/sendgrid/EmailDraft.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QLatin1String>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace sb {

class StoreWorker;

// One SendGrid event as the Event Webhook delivered it.
struct EmailEvent {
    QString sgEventId; // SendGrid's id for the event: the key events are deduplicated on
    QString event;     // processed, delivered, open, bounce, ...
    QString emailId;   // our own id, from the custom arg (empty: not one of ours, or not said)
    QString sgMessageId;
    QString address;    // the recipient it is about
    QString reason;     // bounce / dropped / deferred: SendGrid's reason
    QDateTime at;       // SendGrid's timestamp
    QByteArray payload; // the event's JSON as received
};

// An email with what became of it, for the local API's status route.
struct EmailRecord {
    qint64 rowId = 0; // emails.id: what Store::rowsChanged(EmailStore::Table, ...) names
    QString emailId;
    QString status;
    QString error;
    QString sgMessageId;
    QString outboxState;
    QJsonObject
        request; // to, cc, bcc, from, subject, template id, categories, attachments' metadata
    QDateTime createdAt;
    QString agent;            // who sent it (its outbox entry's message); empty: unknown
    QList<EmailEvent> events; // in the order they arrived
};

// An address not to send to, and why.
struct EmailSuppression {
    QString address;
    QString event; // bounce or spamreport
    QString reason;
};

// What create() is asked to check in the same store job as the insert, so that two requests
// racing each other cannot both pass.
struct EmailCreateOptions {
    QString idempotencyKey; // empty: none
    QByteArray requestHash; // the request's fingerprint, compared for a key seen before
    int dailyLimit = 0;     // emails accepted per UTC day; 0: no limit
    QDateTime now;          // UTC; invalid: the system clock. Also the email's created_at.
};

// How create() ended. At most one of the three refusals is set; none: the email was stored.
struct EmailCreation {
    QList<EmailSuppression> suppressed; // recipients not to send to: nothing stored
    QString existingId;       // the Idempotency-Key was used before, by this email: nothing stored
    bool sameRequest = false; // ... with the same request (its hash matches)
    bool overDailyLimit = false; // the day's limit is reached: nothing stored
    int sentToday = 0;           // accepted emails in the UTC day of `now` (before this one)

    bool stored() const { return suppressed.isEmpty() && existingId.isEmpty() && !overDailyLimit; }
};

// Emails accepted in one UTC day, against the configured limit (0: none).
struct EmailUsage {
    int sentToday = 0;
    int dailyLimit = 0;
    QDateTime resetsAt; // the next UTC midnight
};

// The email channel's tables and every query on them, run as Store jobs (on the store thread,
// each in its own savepoint, reported after the commit):
//   emails             one row per email, keyed by our own email id (also the outbox entry's
//                      clientRef, which ties it to the outbox and its messages row)
//   email_attachments  their bytes, so a send resumed after a restart sends the same email
//   email_events       every Event Webhook event once (sg_event_id UNIQUE)
//   email_suppressions addresses that bounced or reported spam
class EmailStore {
public:
    static QList<QStringList> schema();

    // Every change to an email (stored, an event for it, marked unknown) is announced as
    // Store::rowsChanged(Table, its rowId) after the commit (see EmailFeed); what the outbox
    // changes comes as Store::messagesChanged for the email's messages row.
    static constexpr QLatin1String Table{"emails"};

    // Stores the draft under draft.emailId unless one of its recipients is suppressed; then
    // nothing is stored and the suppressed addresses are returned (value non-empty).
    static void create(Store *store, const EmailDraft &draft, Receiver receiver,
                       std::function<void(const StoreResult<QList<EmailSuppression>> &)> done);
    // The same, with an Idempotency-Key and the daily limit checked in the same job.
    static void create(Store *store, const EmailDraft &draft, const EmailCreateOptions &options,
                       Receiver receiver,
                       std::function<void(const StoreResult<EmailCreation> &)> done);
    // Emails counted against the daily limit in the UTC day of `now`: every email stored that
    // day except those SendGrid refused (an email whose outcome is unknown counts: it may have
    // gone). Refused sends (suppressed, over the limit) were never stored.
    static void usage(Store *store, const QDateTime &now, int dailyLimit, Receiver receiver,
                      std::function<void(const StoreResult<EmailUsage> &)> done);
    // Emails stored before `before` and still `pending` with no outbox entry (the console
    // stopped between storing the email and handing it to the outbox, two commits): nothing
    // was ever sent for them. Their ids, oldest first.
    static void unqueued(Store *store, const QDateTime &before, Receiver receiver,
                         std::function<void(const StoreResult<QStringList> &)> done);
    // The draft as stored, to send it (again).
    static void draft(Store *store, const QString &emailId, Receiver receiver,
                      std::function<void(const StoreResult<EmailDraft> &)> done);
    // The email's status becomes `unknown` (unless events already moved it further).
    static void markUnknown(Store *store, const QString &emailId, Receiver receiver,
                            std::function<void(const StoreResult<bool> &)> done);
    // A verified batch, in one job: each event stored once, matched to its email, its status
    // moved forward only, bounces and spam reports suppressing their address. The value is
    // how many events were new.
    static void applyEvents(Store *store, const QList<EmailEvent> &events, Receiver receiver,
                            std::function<void(const StoreResult<int> &)> done);
    static void email(Store *store, const QString &emailId, Receiver receiver,
                      std::function<void(const StoreResult<std::optional<EmailRecord>> &)> done);

    // Store thread.
    static std::optional<int> sentOn(StoreWorker &w, const QDateTime &now, QString *error);
    static QDateTime nextUtcMidnight(const QDateTime &now);
    static std::optional<int> applyEvents(StoreWorker &w, const QList<EmailEvent> &events,
                                          QString *error);
    // The newest `limit` emails, newest first, each with its events.
    static std::optional<QList<EmailRecord>> recent(StoreWorker &w, int limit, QString *error);
    // The `limit` emails stored before the email `beforeRowId` (0: the newest), newest first.
    static std::optional<QList<EmailRecord>> page(StoreWorker &w, qint64 beforeRowId, int limit,
                                                  QString *error);
    // The emails with these rowIds (Store::rowsChanged's ids).
    static std::optional<QList<EmailRecord>> byIds(StoreWorker &w, const QList<qint64> &rowIds,
                                                   QString *error);
    // The emails the outbox sent as these messages rows (Store::messagesChanged's ids).
    static std::optional<QList<EmailRecord>>
    byMessageIds(StoreWorker &w, const QList<qint64> &messageIds, QString *error);
};

} // namespace sb

Q_DECLARE_METATYPE(sb::EmailRecord)
Q_DECLARE_METATYPE(QList<sb::EmailRecord>)
