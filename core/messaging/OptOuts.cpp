#include "OptOuts.h"

#include "OptOutKeywords.h"
#include "db/SqlDialect.h"
#include "db/SqlValues.h"
#include "db/StoreWorker.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace sb {

namespace {

const QString kColumns =
    QStringLiteral("sender, contact, opted_out, keyword, changed_at, source, help_at");

OptOutState readRow(const QSqlQuery &q) {
    OptOutState s;
    s.sender = q.value(0).toString();
    s.contact = q.value(1).toString();
    s.optedOut = q.value(2).toBool();
    s.keyword = q.value(3).toString();
    s.changedAt = sql::fromMs(q.value(4).toLongLong());
    s.source = q.value(5).toString();
    s.helpAt = sql::fromMs(q.value(6).toLongLong());
    return s;
}

// Sets the state unless it is already that: then the first date stands ("replied STOP on" is
// when they first said it, and a webhook Twilio retries changes nothing).
bool upsert(StoreWorker &w, const QString &sender, const QString &contact, bool optedOut,
            const QString &keyword, const QString &source, const QDateTime &at, QString *error) {
    QSqlQuery q(w.database());
    sql::prepare(
        q,
        QStringLiteral(
            "INSERT INTO opt_outs (sender, contact, opted_out, keyword, changed_at, source) VALUES "
            "(?, ?, ?, ?, ?, ?) ON CONFLICT(sender, contact) DO UPDATE SET opted_out = "
            "excluded.opted_out, keyword = excluded.keyword, changed_at = excluded.changed_at, "
            "source = excluded.source WHERE opt_outs.opted_out != excluded.opted_out"));
    q.addBindValue(sender);
    q.addBindValue(contact);
    q.addBindValue(optedOut ? 1 : 0);
    q.addBindValue(sql::text(keyword));
    q.addBindValue(sql::toMs(at));
    q.addBindValue(source);
    return sql::exec(q, error);
}

} // namespace

Schema OptOuts::schema() {
    return {module(),
            {{
                QStringLiteral(R"(CREATE TABLE opt_outs (
                    sender TEXT NOT NULL,
                    contact TEXT NOT NULL,
                    opted_out INTEGER NOT NULL DEFAULT 0,
                    keyword TEXT NOT NULL DEFAULT '',
                    changed_at INTEGER NOT NULL,
                    source TEXT NOT NULL,
                    help_at INTEGER NOT NULL DEFAULT 0,
                    PRIMARY KEY (sender, contact)))"),
                QStringLiteral("CREATE INDEX opt_outs_contact ON opt_outs(contact)"),
            }}};
}

bool OptOuts::recordInbound(StoreWorker &w, const InboundMessage &message, const QDateTime &at,
                            QString *error) {
    const OptOutKeywords::Reading reading = OptOutKeywords::read(message.body, message.optOutType);
    if (reading.kind == OptOutKeywords::Kind::None)
        return true;
    const QString sender =
        message.messagingServiceSid.isEmpty() ? message.to : message.messagingServiceSid;
    if (sender.isEmpty() || message.from.isEmpty())
        return true;
    const QString source =
        reading.fromType ? QStringLiteral("optouttype") : QStringLiteral("keyword");
    if (reading.kind == OptOutKeywords::Kind::Help) {
        QSqlQuery q(w.database());
        sql::prepare(
            q,
            QStringLiteral(
                "INSERT INTO opt_outs (sender, contact, opted_out, keyword, changed_at, source, "
                "help_at) VALUES (?, ?, 0, ?, ?, ?, ?) ON CONFLICT(sender, contact) DO UPDATE SET "
                "help_at = excluded.help_at"));
        q.addBindValue(sender);
        q.addBindValue(message.from);
        q.addBindValue(reading.keyword);
        q.addBindValue(sql::toMs(at));
        q.addBindValue(source);
        q.addBindValue(sql::toMs(at));
        return sql::exec(q, error);
    }
    return upsert(w, sender, message.from, reading.kind == OptOutKeywords::Kind::OptOut,
                  reading.keyword, source, at, error);
}

bool OptOuts::recordRefusal(StoreWorker &w, const QString &sender, const QString &contact,
                            const QDateTime &at, QString *error) {
    return upsert(w, sender, contact, true, QString::number(TwilioCode),
                  QStringLiteral("twilio-21610"), at, error);
}

std::optional<std::optional<OptOutState>> OptOuts::find(StoreWorker &w, const QStringList &senders,
                                                        const QString &contact, QString *error) {
    QSqlQuery q(w.database());
    sql::prepare(q, QStringLiteral("SELECT ") + kColumns +
                        QStringLiteral(" FROM opt_outs WHERE sender = ? AND contact = ?"));
    for (const QString &sender : senders) {
        if (sender.isEmpty())
            continue;
        q.bindValue(0, sender);
        q.bindValue(1, contact);
        if (!sql::exec(q, error))
            return std::nullopt;
        if (q.next())
            return std::optional<OptOutState>(readRow(q));
    }
    return std::optional<OptOutState>();
}

std::optional<QList<OptOutState>> OptOuts::forContact(StoreWorker &w, const QString &contact,
                                                      QString *error) {
    QSqlQuery q(w.database());
    sql::prepare(q,
                 QStringLiteral("SELECT ") + kColumns +
                     QStringLiteral(" FROM opt_outs WHERE contact = ? ORDER BY changed_at DESC"));
    q.addBindValue(contact);
    if (!sql::exec(q, error))
        return std::nullopt;
    QList<OptOutState> states;
    while (q.next())
        states.append(readRow(q));
    return states;
}

void OptOuts::stateOf(Store *store, const QString &sender, const QString &contact,
                      Receiver receiver, Found done) {
    store->run<std::optional<OptOutState>>(
        std::move(receiver),
        [sender, contact](StoreWorker &w, QString *error) {
            return find(w, {sender}, contact, error);
        },
        std::move(done));
}

void OptOuts::isOptedOut(Store *store, const QString &sender, const QString &contact,
                         Receiver receiver, Found done) {
    stateOf(store, sender, contact, std::move(receiver),
            [done](const StoreResult<std::optional<OptOutState>> &found) {
                StoreResult<std::optional<OptOutState>> result = found;
                if (result.ok() && result.value && !result.value->optedOut)
                    result.value.reset();
                done(result);
            });
}

void OptOuts::optOutsFor(Store *store, const QString &contact, Receiver receiver,
                         std::function<void(const StoreResult<QList<OptOutState>> &)> done) {
    store->run<QList<OptOutState>>(
        std::move(receiver),
        [contact](StoreWorker &w, QString *error) { return forContact(w, contact, error); },
        std::move(done));
}

QString OptOuts::refusal(const OptOutState &state) {
    const QString date = state.changedAt.toUTC().date().toString(Qt::ISODate);
    if (state.source == QLatin1String("twilio-21610"))
        return QCoreApplication::translate(
                   "OptOuts", "%1 has opted out of messages from %2: Twilio refused a message to "
                              "them with 21610 on %3. Nothing was sent; they must reply START "
                              "to receive messages again.")
            .arg(state.contact, state.sender, date);
    return QCoreApplication::translate("OptOuts",
                                       "%1 replied %2 to %3 on %4; nothing was sent. They must "
                                       "reply START to receive messages again.")
        .arg(state.contact, state.keyword, state.sender, date);
}

} // namespace sb
