#pragma once

#include <QDateTime>
#include <QDialog>

class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;

namespace sb {

// "Send later…": picks when a message goes (shown in local time, kept in UTC), at least a few
// seconds and at most 35 days ahead (SendAt's rules, the same as the local API's sendAt); OK
// stays disabled and the line under the picker says why while the time cannot be used.
class SendLaterDialog : public QDialog {
    Q_OBJECT
public:
    explicit SendLaterDialog(QWidget *parent = nullptr);

    QDateTime sendAt() const; // UTC
    QDateTimeEdit *picker() const { return m_picker; }
    // Asks; an invalid time when the agent cancelled.
    static QDateTime ask(QWidget *parent);

private:
    void check();

    QDateTimeEdit *m_picker;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace sb
