#pragma once

#include "ChannelStatuses.h"
#include "db/Store.h"
#include "messaging/Records.h"

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QHash>
#include <QTimer>

#include <functional>

namespace sb {

class UnreadMessages;

// Messages from the store (one channel's with MessageQuery::channel), newest first, loaded lazily
// page by page (canFetchMore/fetchMore with keyset queries) so a million stored messages cost a few
// hundred rows in memory. Live: Store::messagesChanged updates rows in place (dataChanged) and puts
// new messages on top (rowsInserted), never resetting the model, so selection and scroll position
// survive. Only setQuery() (a new filter) resets it. Never touches the database on the GUI thread:
// every read is an asynchronous store call. Status labels, tones and meanings come from each
// message's channel's StatusModel (setStatuses).
class MessageTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // Contact is the customer (From of an inbound message, To of an outbound one).
    enum Column { Time, Direction, Contact, From, To, Body, Status, Error, ColumnCount };
    enum Role {
        RecordRole = Qt::UserRole + 1,
        StatusRole, // the status as stored ("delivered")
        IdRole,
        ErrorExplanationRole,
        ToneRole, // int(StatusTone) of the status in its channel's model
    };

    explicit MessageTableModel(Store *store, QObject *parent = nullptr);

    void setQuery(const MessageQuery &query); // resets, then loads the first page
    MessageQuery query() const { return m_query; }
    void setPageSize(int rows) { m_pageSize = rows; }
    // Rows held at most, give or take a tenth: live arrivals at the top push the oldest loaded
    // rows out (scrolling down reads them again), so a console left open under 1,000
    // webhooks a second for a day holds thousands of rows, not millions.
    static constexpr int DefaultMaxRows = 5000;
    void setMaxRows(int rows) { m_maxRows = rows; }
    // New messages go on top at most this often: each insertion moves every row below it, so
    // the view repaints whole (22 times a second in a 1,000 webhooks/s soak). The first one
    // after a quiet spell goes in at once; status changes of shown rows are never held.
    static constexpr int ArrivalIntervalMs = 250;
    // The channels' status models (without: Twilio's message statuses for every channel).
    void setStatuses(const ChannelStatuses &statuses) { m_statuses = statuses; }
    // Unread inbound messages show in bold.
    void setUnread(UnreadMessages *unread);
    // How the Customer column names a contact where the channel knows more than the address
    // (WhatsApp's profile name); empty from the function: the address. Call
    // contactLabelsChanged() when what it answers changes.
    using ContactLabel = std::function<QString(const QString &contact)>;
    void setContactLabel(ContactLabel label);
    void contactLabelsChanged();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    MessageRecord record(int row) const;
    int rowForId(qint64 id) const;
    bool isLoading() const { return m_loading; }

    static QString directionLabel(const QString &direction);

Q_SIGNALS:
    void pageLoaded(int rows);

private:
    void applyChanges(const QList<sb::MessageRecord> &records);
    void refreshRows(const QList<qint64> &ids);
    void appendPage(const QList<MessageRecord> &page, quint64 generation);
    void trimOldest();
    const MessageRecord &at(int row) const;
    MessageRecord &at(int row);

    Store *m_store;
    ChannelStatuses m_statuses;
    UnreadMessages *m_unread = nullptr;
    ContactLabel m_contactLabel;
    MessageQuery m_query;
    int m_pageSize = 200;
    int m_maxRows = DefaultMaxRows;
    // Rows are m_newer reversed (arrived live, newest last) followed by m_older (loaded pages,
    // newest first): both only ever grow at their ends, so a row's slot never moves.
    QList<MessageRecord> m_newer;
    QList<MessageRecord> m_older;
    QHash<qint64, qint64> m_slotById; // >= 0: index in m_older; < 0: -(index in m_newer) - 1
    bool m_loading = false;
    QList<MessageRecord> m_deferred;         // changes that arrived while a page was being read
    QHash<qint64, MessageRecord> m_arrivals; // new messages waiting for their insertion
    QTimer *m_arrivalTimer = nullptr;
    QElapsedTimer m_sinceArrivals; // since the last insertion of new messages
    void insertArrivals();
    bool m_exhausted = false;
    quint64 m_generation = 0;
};

} // namespace sb
