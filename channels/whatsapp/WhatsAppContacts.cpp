#include "WhatsAppContacts.h"

#include "WhatsAppChannel.h"
#include "db/SqlDialect.h"
#include "db/SqlValues.h"
#include "db/StoreWorker.h"

#include <QSqlError>
#include <QSqlQuery>

namespace sb {

QList<QStringList> WhatsAppContacts::schema() {
    return {
        // 1: contacts and their windows
        {
            QStringLiteral(R"(CREATE TABLE whatsapp_contacts (
                address TEXT PRIMARY KEY,
                wa_id TEXT NOT NULL DEFAULT '',
                profile_name TEXT NOT NULL DEFAULT '',
                last_inbound_at INTEGER NOT NULL DEFAULT 0,
                updated_at INTEGER NOT NULL))"),
            QStringLiteral(R"(CREATE TABLE whatsapp_windows (
                contact TEXT NOT NULL,
                sender TEXT NOT NULL,
                last_inbound_at INTEGER NOT NULL,
                PRIMARY KEY (contact, sender)))"),
        },
    };
}

QList<QStringList> WhatsAppContacts::contactSchema() {
    // The contact's number is the address without "whatsapp:".
    const QString copyName = QStringLiteral(
        "BEGIN UPDATE contacts SET name = NEW.profile_name, name_source = 'whatsapp-profile' "
        "WHERE number = substr(NEW.address, 10) AND name_source != 'agent' AND name != "
        "NEW.profile_name; END");
    return {
        // 1: profile names fill the inbox's contact names
        {
            QStringLiteral("UPDATE contacts SET name = (SELECT w.profile_name FROM "
                           "whatsapp_contacts w WHERE w.address = 'whatsapp:' || "
                           "contacts.number), name_source = 'whatsapp-profile' WHERE "
                           "name_source != 'agent' AND EXISTS (SELECT 1 FROM whatsapp_contacts "
                           "w WHERE w.address = 'whatsapp:' || contacts.number AND "
                           "w.profile_name != '')"),
            QStringLiteral("CREATE TRIGGER whatsapp_inbox_name_added AFTER INSERT ON "
                           "whatsapp_contacts WHEN NEW.profile_name != '' ") +
                copyName,
            QStringLiteral("CREATE TRIGGER whatsapp_inbox_name_changed AFTER UPDATE OF "
                           "profile_name ON whatsapp_contacts WHEN NEW.profile_name != '' ") +
                copyName,
        },
    };
}

bool WhatsAppContacts::recordInbound(StoreWorker &w, const InboundMessage &message,
                                     const QString &profileName, const QString &waId,
                                     const QDateTime &at, QString *error) {
    QSqlQuery q(w.database());
    sql::prepare(q, QStringLiteral("SELECT 1 FROM messages WHERE sid = ?"));
    q.addBindValue(message.sid);
    if (!sql::exec(q, error))
        return false;
    const bool seen = q.next();
    q.finish();
    if (!w.addInboundMessage(message, error))
        return false;
    if (seen)
        return true; // Twilio retried it: the window was opened by its first arrival
    const qint64 atMs = at.toMSecsSinceEpoch();
    // Later messages win; one that somehow arrives with an earlier time never moves it back.
    sql::prepare(
        q, QStringLiteral(
               "INSERT INTO whatsapp_contacts (address, wa_id, profile_name, last_inbound_at, "
               "updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(address) DO UPDATE SET "
               "wa_id = CASE WHEN excluded.wa_id != '' THEN excluded.wa_id ELSE wa_id END, "
               "profile_name = CASE WHEN excluded.profile_name != '' THEN excluded.profile_name "
               "ELSE profile_name END, "
               "last_inbound_at = max(last_inbound_at, excluded.last_inbound_at), "
               "updated_at = excluded.updated_at"));
    q.addBindValue(message.from);
    q.addBindValue(sql::text(waId));
    q.addBindValue(sql::text(profileName));
    q.addBindValue(atMs);
    q.addBindValue(atMs);
    if (!sql::exec(q, error))
        return false;
    sql::prepare(
        q, QStringLiteral(
               "INSERT INTO whatsapp_windows (contact, sender, last_inbound_at) VALUES (?, ?, ?) "
               "ON CONFLICT(contact, sender) DO UPDATE SET "
               "last_inbound_at = max(last_inbound_at, excluded.last_inbound_at)"));
    q.addBindValue(message.from);
    q.addBindValue(sql::text(message.to));
    q.addBindValue(atMs);
    return sql::exec(q, error);
}

bool WhatsAppContacts::applyStatus(StoreWorker &w, const StatusCallback &callback, QString *error) {
    if (!w.applyStatusCallback(callback, error))
        return false;
    // The store files a message it first hears of through a callback under the default
    // channel; this callback came to WhatsApp's URL about a WhatsApp address.
    QSqlQuery q(w.database());
    sql::prepare(
        q, QStringLiteral(
               "UPDATE messages SET channel = ? WHERE sid = ? AND channel != ? AND direction = "
               "'outbound' AND (from_number LIKE 'whatsapp:%' OR to_number LIKE 'whatsapp:%')"));
    q.addBindValue(QString(WhatsAppChannel::Id));
    q.addBindValue(callback.messageSid);
    q.addBindValue(QString(WhatsAppChannel::Id));
    return sql::exec(q, error);
}

void WhatsAppContacts::lastInbound(Store *store, const QString &contact, const QString &sender,
                                   Receiver receiver,
                                   std::function<void(const StoreResult<QDateTime> &)> done) {
    store->run<QDateTime>(
        std::move(receiver),
        [contact, sender](StoreWorker &w, QString *error) -> std::optional<QDateTime> {
            QSqlQuery q(w.database());
            if (sender.isEmpty()) {
                sql::prepare(
                    q, QStringLiteral(
                           "SELECT max(last_inbound_at) FROM whatsapp_windows WHERE contact = ?"));
                q.addBindValue(contact);
            } else {
                sql::prepare(q, QStringLiteral("SELECT last_inbound_at FROM whatsapp_windows WHERE "
                                               "contact = ? AND sender = ?"));
                q.addBindValue(contact);
                q.addBindValue(sender);
            }
            if (!sql::exec(q, error))
                return std::nullopt;
            return q.next() ? sql::fromMs(q.value(0).toLongLong()) : QDateTime();
        },
        std::move(done));
}

void WhatsAppContacts::contact(
    Store *store, const QString &address, Receiver receiver,
    std::function<void(const StoreResult<std::optional<WhatsAppContact>> &)> done) {
    store->run<std::optional<WhatsAppContact>>(
        std::move(receiver),
        [address](StoreWorker &w, QString *error) -> std::optional<std::optional<WhatsAppContact>> {
            QSqlQuery q(w.database());
            sql::prepare(q,
                         QStringLiteral("SELECT address, wa_id, profile_name, last_inbound_at FROM "
                                        "whatsapp_contacts WHERE address = ?"));
            q.addBindValue(address);
            if (!sql::exec(q, error))
                return std::nullopt;
            if (!q.next())
                return std::optional<WhatsAppContact>();
            WhatsAppContact c;
            c.address = q.value(0).toString();
            c.waId = q.value(1).toString();
            c.profileName = q.value(2).toString();
            c.lastInbound = sql::fromMs(q.value(3).toLongLong());
            return std::optional(c);
        },
        std::move(done));
}

} // namespace sb
