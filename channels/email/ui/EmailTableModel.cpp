#include "EmailTableModel.h"

#include "common/MessageTableModel.h"
#include "common/TimeFormat.h"
#include "email/EmailChannel.h"

#include <QJsonArray>

namespace sb {

static_assert(int(EmailTableModel::ToneRole) == int(MessageTableModel::ToneRole),
              "StatusBadgeDelegate reads the tone from MessageTableModel::ToneRole");

EmailTableModel::EmailTableModel(ChannelStatuses statuses, QObject *parent)
    : QAbstractTableModel(parent)
    , m_statuses(std::move(statuses)) {}

int EmailTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_emails.size());
}

int EmailTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString EmailTableModel::addresses(const EmailRecord &email, const char *field) {
    QStringList list;
    for (const QJsonValue v : email.request.value(QLatin1String(field)).toArray())
        list << v.toObject().value(QLatin1String("email")).toString();
    return list.join(QStringLiteral(", "));
}

QString EmailTableModel::statusLabel(const EmailRecord &email) const {
    return m_statuses.info(QString(EmailChannel::Id), email.status).label;
}

QVariant EmailTableModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_emails.size() || index.column() >= ColumnCount)
        return {};
    const EmailRecord &email = m_emails.at(index.row());
    const StatusInfo info = m_statuses.info(QString(EmailChannel::Id), email.status);
    switch (role) {
    case RecordRole:
        return QVariant::fromValue(email);
    case StatusRole:
        return email.status;
    case IdRole:
        return email.emailId;
    case ToneRole:
        return int(info.tone);
    default:
        break;
    }
    const QString subject = email.request.value(QLatin1String("subject")).toString();
    const QString templateId = email.request.value(QLatin1String("templateId")).toString();
    switch (index.column()) {
    case Time:
        if (role == Qt::DisplayRole)
            return TimeFormat::brief(email.createdAt.toLocalTime());
        if (role == Qt::ToolTipRole)
            return TimeFormat::full(email.createdAt);
        if (role == SortRole) // the row id breaks ties between emails of the same millisecond
            return email.createdAt.toMSecsSinceEpoch() * 1000 + (email.rowId % 1000);
        break;
    case To: {
        const QString to = addresses(email);
        if (role == Qt::DisplayRole || role == SortRole)
            return to;
        if (role == Qt::ToolTipRole) {
            QString all = tr("To: %1").arg(to);
            const QString cc = addresses(email, "cc");
            const QString bcc = addresses(email, "bcc");
            if (!cc.isEmpty())
                all += QLatin1Char('\n') + tr("Cc: %1").arg(cc);
            if (!bcc.isEmpty())
                all += QLatin1Char('\n') + tr("Bcc: %1").arg(bcc);
            return all;
        }
        break;
    }
    case Subject:
        if (role == Qt::DisplayRole || role == SortRole || role == Qt::ToolTipRole) {
            if (subject.isEmpty() && !templateId.isEmpty())
                return tr("(template %1)").arg(templateId);
            return subject;
        }
        break;
    case Status:
        if (role == Qt::DisplayRole || role == SortRole)
            return info.label;
        if (role == Qt::ToolTipRole)
            return email.error.isEmpty() ? info.meaning
                                         : info.meaning + QLatin1Char('\n') + email.error;
        break;
    case Agent:
        if (role == Qt::DisplayRole || role == SortRole)
            return email.agent;
        break;
    default:
        break;
    }
    return {};
}

QVariant EmailTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case To:
        return tr("To");
    case Subject:
        return tr("Subject");
    case Status:
        return tr("Status");
    case Agent:
        return tr("Agent");
    default:
        return {};
    }
}

void EmailTableModel::upsert(const QList<EmailRecord> &emails) {
    QList<EmailRecord> fresh;
    for (const EmailRecord &email : emails) {
        const auto it = m_rowById.constFind(email.emailId);
        if (it == m_rowById.cend()) {
            // The same email twice in one batch: the later read wins.
            const auto dup = std::find_if(fresh.begin(), fresh.end(), [&](const EmailRecord &e) {
                return e.emailId == email.emailId;
            });
            if (dup != fresh.end())
                *dup = email;
            else
                fresh.append(email);
            continue;
        }
        m_emails[*it] = email;
        Q_EMIT dataChanged(index(*it, 0), index(*it, ColumnCount - 1));
    }
    if (fresh.isEmpty())
        return;
    const int first = int(m_emails.size());
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    for (const EmailRecord &email : std::as_const(fresh)) {
        m_rowById.insert(email.emailId, int(m_emails.size()));
        m_emails.append(email);
    }
    endInsertRows();
}

} // namespace sb
