#pragma once

#include "inspector/WebhookLog.h"

#include <QAbstractTableModel>

class QTimer;

namespace sb {

class Store;

// The webhook inspector's captured requests, newest first, as a table: read from webhook_log
// on the store's thread (never on the GUI thread) and kept current by the store's change feed
// (rowsChanged for webhook_log): new captures are inserted at the top, pruned ones removed,
// so a selection survives. Rows are light (no bodies); the detail is read on demand.
class WebhookTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Time, Method, Path, Result, Status, Duration, Sid, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1,
        ResultRole,     // the signature result: valid, invalid, missing, unchecked, replay
        SidRole,        // the MessageSid / CallSid, if any
        ReceivedAtRole, // QDateTime (UTC)
        PathRole,       // the decoded path
        SortRole,       // what the column sorts by
    };
    static constexpr int MaxRows = 1000; // the newest ones shown; older ones via the API

    explicit WebhookTableModel(Store *store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const WebhookRecord &record(int row) const { return m_rows.at(row); }
    int rowOfId(qint64 id) const;
    // Reads the newest rows again (coalesced: one read in flight at a time).
    void reload();
    // "Invalid signature" for "invalid", and so on.
    static QString resultText(const QString &result);

Q_SIGNALS:
    void loaded();
    void loadFailed(const QString &error);

private:
    // A capture arrived (or, `pruned`, rows went): read soon, at most every
    // Store::WebhookAnnounceMs, so a flood of webhooks costs the GUI a few small reads a second.
    void changed(bool pruned);
    // Only the captures newer than the top row unless rows went (then the newest MaxRows).
    void read();
    // `ids`: the newest MaxRows in the store; rows shown but not among them went.
    void applyAll(const QList<qint64> &ids, const QList<WebhookRecord> &newer);
    void applyNewer(const QList<WebhookRecord> &rows);

    Store *m_store;
    QTimer *m_throttle;
    QList<WebhookRecord> m_rows;
    bool m_loading = false;
    bool m_dirty = false;  // another read is due once this one is in
    bool m_readAll = true; // the next read is the newest MaxRows, not only the newer ones
    int m_readsSinceAll = 0;
    static constexpr int ReadAllEvery = 20; // reads: about every 5 s under a steady flow
};

} // namespace sb
