#pragma once

#include <QObject>

#include <functional>

class QWidget;

namespace sb {

// Ctrl+Enter (either Enter key) sends a compose form: from anywhere inside `form`, and from
// inside its text edits too, which take Ctrl+Enter for themselves before any QShortcut sees
// it. `send` runs on the GUI thread; the form decides whether anything can go.
class SendShortcut : public QObject {
    Q_OBJECT
public:
    SendShortcut(QWidget *form, std::function<void()> send);

    // A text edit inside the form that should send rather than insert a line on Ctrl+Enter.
    void watch(QWidget *textEdit);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    std::function<void()> m_send;
};

} // namespace sb
