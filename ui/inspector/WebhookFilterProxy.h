#pragma once

#include <QDateTime>
#include <QSortFilterProxyModel>

namespace sb {

// The inspector list's filters, as the API has them: path (part of it, case-insensitive),
// signature result (exact), SID (part of it) and a time range [since, until).
class WebhookFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit WebhookFilterProxy(QObject *parent = nullptr);

    void setPath(const QString &path);
    void setResult(const QString &result); // empty: any
    void setSid(const QString &sid);
    void setTimeRange(const QDateTime &since, const QDateTime &until); // invalid: open

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_path;
    QString m_result;
    QString m_sid;
    QDateTime m_since;
    QDateTime m_until;
};

} // namespace sb
