#pragma once

#include "common/ChannelStatuses.h"
#include "email/EmailStore.h"

#include <QAbstractTableModel>
#include <QHash>

namespace sb {

// The sent emails as a table, updated in place from EmailFeed (an email already listed changes
// its row; a new one is added): time, to, subject and the status as a badge in the email
// statuses' tones (StatusBadgeDelegate reads ToneRole, as on the message tables). The proxy
// sorts newest first by SortRole.
class EmailTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Time, To, Subject, Status, Agent, ColumnCount }; // Agent: who sent it
    enum Role {
        RecordRole = Qt::UserRole + 1,
        StatusRole, // the status as stored ("delivered")
        IdRole,     // our email id (EM...)
        SidRole,    // unused: keeps ToneRole's number equal to the message tables'
        ToneRole,   // int(StatusTone), the role number StatusBadgeDelegate reads
        SortRole,   // what the proxy sorts by
    };

    explicit EmailTableModel(ChannelStatuses statuses, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Adds new emails and updates listed ones in place (by email id).
    void upsert(const QList<EmailRecord> &emails);
    EmailRecord record(int row) const { return m_emails.value(row); }
    int rowOf(const QString &emailId) const { return m_rowById.value(emailId, -1); }

    // "ana@example.com, bo@example.com" from the stored request's to (or cc, bcc) list.
    static QString addresses(const EmailRecord &email, const char *field = "to");
    // What a status reads as in the table ("delivered", or "opened" style labels for events).
    QString statusLabel(const EmailRecord &email) const;

private:
    ChannelStatuses m_statuses;
    QList<EmailRecord> m_emails;
    QHash<QString, int> m_rowById;
};

} // namespace sb
