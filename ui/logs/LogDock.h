#pragma once

#include <QDockWidget>

class QComboBox;
class QLineEdit;
class QTableView;

namespace sb {

class LogFilterProxy;
class LogModel;

// View ▸ Log: the process's log lines as they come (redacted, the newest LogModel::capacity()
// of them), filtered by level, category prefix and text; follows the newest line while
// scrolled to the bottom.
class LogDock : public QDockWidget {
    Q_OBJECT
public:
    explicit LogDock(QWidget *parent = nullptr);

    LogModel *model() const { return m_model; }
    LogFilterProxy *proxy() const { return m_proxy; }

private:
    LogModel *m_model;
    LogFilterProxy *m_proxy;
    QComboBox *m_level;
    QLineEdit *m_category;
    QLineEdit *m_text;
    QTableView *m_view;
};

} // namespace sb
