#pragma once

#include "db/Migrations.h"
#include "db/Store.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <functional>

namespace sb {

// One snippet the agent inserts into a reply: typed as `/shortcut`, its body filled by
// CannedTemplate. `shared`: the team's rather than this agent's own.
struct CannedResponse {
    qint64 id = 0;
    QString shortcut; // one word, unique (case aside)
    QString body;
    bool shared = false;
    QDateTime createdAt; // UTC
    QDateTime updatedAt; // UTC
};

// The canned responses in the database (table canned_responses, in its own schema module
// "canned"), kept in memory for the picker, which filters them on every key press. Reads and
// writes go through Store::run (never on this thread); changed() follows every commit that
// touched the table, this object's or another's.
class CannedResponses : public QObject {
    Q_OBJECT
public:
    explicit CannedResponses(Store *store, QObject *parent = nullptr);

    // The table, created with a few examples to start from (register before Store::open).
    static Schema schema();
    static constexpr QLatin1StringView Table{"canned_responses"};

    // Loads the list (again); changed() follows.
    void reload();
    bool isLoaded() const { return m_loaded; }
    // By shortcut, as last loaded.
    QList<CannedResponse> responses() const { return m_responses; }

    // Each reports the row as stored, or the error (a duplicate shortcut, a failed write).
    using Done = std::function<void(const StoreResult<CannedResponse> &)>;
    void add(const CannedResponse &response, Done done = {});
    void update(const CannedResponse &response, Done done = {});
    void remove(qint64 id, std::function<void(const StoreResult<bool> &)> done = {});

    // What keeps `response` from being saved, in one sentence; empty when it can be.
    static QString problemWith(const CannedResponse &response);
    // The ones `filter` finds: shortcuts starting with it first, then shortcuts and bodies
    // containing it (case aside); all of them for an empty filter.
    static QList<CannedResponse> match(const QList<CannedResponse> &responses,
                                       const QString &filter);

Q_SIGNALS:
    void changed();
    void loadFailed(const QString &error);

private:
    void save(const CannedResponse &response, Done done);

    Store *m_store;
    QList<CannedResponse> m_responses;
    bool m_loaded = false;
    bool m_reloadQueued = false;
    bool m_reloadAgain = false;
};

} // namespace sb

Q_DECLARE_METATYPE(sb::CannedResponse)
