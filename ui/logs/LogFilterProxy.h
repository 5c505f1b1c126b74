#pragma once

#include <QSortFilterProxyModel>

namespace sb {

// Lines of LogModel at or above a level, in categories starting with a prefix (empty: all), and
// holding a text (case-insensitive; empty: all).
class LogFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit LogFilterProxy(QObject *parent = nullptr);

    void setMinimumLevel(QtMsgType level);
    void setCategoryPrefix(const QString &prefix);
    void setText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    static int severity(QtMsgType type);

    int m_minimumSeverity = 0;
    QString m_category;
    QString m_text;
};

} // namespace sb
