#include "WebhookTableModel.h"

#include "common/SchemeColors.h"
#include "db/Store.h"

#include <QGuiApplication>
#include <QLocale>
#include <QSet>
#include <QTimer>

namespace sb {

WebhookTableModel::WebhookTableModel(Store *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
    , m_throttle(new QTimer(this)) {
    m_throttle->setSingleShot(true);
    m_throttle->setInterval(Store::WebhookAnnounceMs);
    connect(m_throttle, &QTimer::timeout, this, [this] {
        if (m_dirty && !m_loading) {
            m_dirty = false;
            read();
        }
    });
    connect(store, &Store::rowsChanged, this,
            [this](const QString &table, const QList<qint64> &ids, const QList<qint64> &) {
                if (table == QLatin1String(WebhookLog::Table))
                    changed(ids.contains(WebhookLog::PrunedRows));
            });
    read();
}

int WebhookTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int WebhookTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString WebhookTableModel::resultText(const QString &result) {
    if (result == QLatin1String("valid"))
        return tr("Valid");
    if (result == QLatin1String("invalid"))
        return tr("Invalid signature");
    if (result == QLatin1String("missing"))
        return tr("No signature");
    if (result == QLatin1String("unchecked"))
        return tr("Not checked");
    if (result == QLatin1String("replay"))
        return tr("Replay (not checked)");
    return result;
}

QVariant WebhookTableModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const WebhookRecord &r = m_rows.at(index.row());
    switch (role) {
    case IdRole:
        return r.id;
    case ResultRole:
        return r.signature;
    case SidRole:
        return r.sid;
    case ReceivedAtRole:
        return r.receivedAt;
    case PathRole:
        return r.path;
    case SortRole:
        switch (index.column()) {
        case Time:
            return r.id; // ids follow arrival
        case Status:
            return r.status;
        case Duration:
            return r.elapsedUs;
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::DisplayRole:
        switch (index.column()) {
        case Time: {
            const QDateTime local = r.receivedAt.toLocalTime();
            return local.date() == QDate::currentDate()
                       ? QLocale().toString(local.time(), QStringLiteral("HH:mm:ss"))
                       : QLocale().toString(local, QLocale::ShortFormat);
        }
        case Method:
            return QString::fromLatin1(r.method);
        case Path:
            return r.target;
        case Result:
            return resultText(r.signature);
        case Status:
            return r.status;
        case Duration:
            return tr("%1 ms").arg(QLocale().toString(double(r.elapsedUs) / 1000.0, 'f', 1));
        case Sid:
            return r.sid;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Time)
            return QLocale().toString(r.receivedAt.toLocalTime(), QLocale::LongFormat);
        if (index.column() == Path)
            return r.target;
        return {};
    case Qt::ForegroundRole: {
        const QPalette palette = QGuiApplication::palette();
        if (index.column() == Result) {
            if (r.signature == QLatin1String("invalid") || r.signature == QLatin1String("missing"))
                return SchemeColors::text(Tone::Error, palette, QPalette::Base);
            if (r.signature == QLatin1String("replay"))
                return SchemeColors::text(Tone::Info, palette, QPalette::Base);
        }
        if (index.column() == Status && r.status >= 400)
            return SchemeColors::text(Tone::Error, palette, QPalette::Base);
        return {};
    }
    case Qt::TextAlignmentRole:
        if (index.column() == Status || index.column() == Duration)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant WebhookTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case Method:
        return tr("Method");
    case Path:
        return tr("Path");
    case Result:
        return tr("Signature");
    case Status:
        return tr("HTTP");
    case Duration:
        return tr("Took");
    case Sid:
        return tr("SID");
    }
    return {};
}

int WebhookTableModel::rowOfId(qint64 id) const {
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id)
            return row;
    }
    return -1;
}

void WebhookTableModel::reload() {
    m_readAll = true;
    read();
}

void WebhookTableModel::changed(bool pruned) {
    if (pruned)
        m_readAll = true;
    if (m_throttle->isActive() || m_loading) {
        m_dirty = true; // read when the interval is over or this read is in
        return;
    }
    read();
}

void WebhookTableModel::read() {
    if (m_loading) {
        m_dirty = true;
        return;
    }
    m_loading = true;
    m_throttle->start();
    // Now and then the whole list again: a prune's notice dropped with a failed batch, or a
    // capture read before its batch failed to commit, would otherwise stay wrong.
    const bool all =
        std::exchange(m_readAll, false) || m_rows.isEmpty() || ++m_readsSinceAll >= ReadAllEvery;
    if (all)
        m_readsSinceAll = 0;
    WebhookQuery query;
    query.limit = MaxRows;
    if (!m_rows.isEmpty())
        query.afterId = m_rows.first().id;
    // The whole check reads ids only: the records shown never change once written, and
    // reading the newest thousand again (then freeing them) held the GUI thread ~9 ms.
    const bool checkShown = all && !m_rows.isEmpty();
    struct Read {
        QList<qint64> ids;
        QList<WebhookRecord> newer;
    };
    m_store->run<Read>(
        this,
        [query, checkShown](StoreWorker &w, QString *error) -> std::optional<Read> {
            Read read;
            if (checkShown) {
                auto ids = WebhookLog::newestIds(w, MaxRows, error);
                if (!ids)
                    return std::nullopt;
                read.ids = std::move(*ids);
            }
            auto newer = WebhookLog::find(w, query, WebhookLog::Detail::Summary, error);
            if (!newer)
                return std::nullopt;
            read.newer = std::move(*newer);
            return read;
        },
        [this, all, checkShown](const StoreResult<Read> &result) {
            m_loading = false;
            if (result.ok()) {
                if (checkShown)
                    applyAll(result.value.ids, result.value.newer);
                else
                    applyNewer(result.value.newer);
            } else {
                m_readAll = m_readAll || all;
                m_dirty = true; // tried again when the interval is over
                Q_EMIT loadFailed(result.error);
            }
            if (!m_throttle->isActive() && std::exchange(m_dirty, false))
                read();
        });
}

void WebhookTableModel::applyAll(const QList<qint64> &ids, const QList<WebhookRecord> &newer) {
    // Records never change once written: only new ones (at the top, ids grow) and pruned ones.
    const QSet<qint64> kept(ids.cbegin(), ids.cend());
    // Bottom up, a run of gone rows at a time (pruning takes the oldest: usually one run).
    for (int row = int(m_rows.size()) - 1; row >= 0;) {
        if (kept.contains(m_rows.at(row).id)) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !kept.contains(m_rows.at(first - 1).id))
            --first;
        beginRemoveRows({}, first, row);
        m_rows.remove(first, row - first + 1);
        endRemoveRows();
        row = first - 1;
    }
    applyNewer(newer);
}

void WebhookTableModel::applyNewer(const QList<WebhookRecord> &rows) {
    const qint64 newest = m_rows.isEmpty() ? 0 : m_rows.first().id;
    int fresh = 0;
    while (fresh < rows.size() && rows.at(fresh).id > newest)
        ++fresh;
    if (fresh > 0) {
        beginInsertRows({}, 0, fresh - 1);
        // Prepended in place (QList keeps room at its front): building a new list copied
        // every record shown, four times a second under a flood.
        for (int i = fresh - 1; i >= 0; --i)
            m_rows.prepend(rows.at(i));
        endInsertRows();
    }
    if (m_rows.size() > MaxRows) {
        beginRemoveRows({}, MaxRows, int(m_rows.size()) - 1);
        m_rows.resize(MaxRows);
        endRemoveRows();
    }
    Q_EMIT loaded();
}

} // namespace sb
