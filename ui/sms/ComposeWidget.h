#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace sb {

// To (checked as you type with libphonenumber), From (the account's SMS numbers), Body (with a
// live characters / segments / encoding counter that highlights what forces UCS-2), Send
// (also Ctrl+Enter). It only validates and asks; SmsTab sends.
class ComposeWidget : public QWidget {
    Q_OBJECT
public:
    explicit ComposeWidget(QWidget *parent = nullptr);

    void setSenders(const QStringList &numbers, const QString &preferred);
    void setTo(const QString &number);
    QString to() const;
    QString body() const;
    void clearBody();
    // Shown under the form after a send: plain words, red when it failed.
    void showResult(const QString &text, bool failed);
    void setBusy(bool busy);

    QLineEdit *toEdit() const { return m_to; }
    QPlainTextEdit *bodyEdit() const { return m_body; }
    QPushButton *sendButton() const { return m_send; }
    QLabel *toReason() const { return m_toReason; }
    QLabel *counter() const { return m_counter; }
    QLabel *result() const { return m_result; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

Q_SIGNALS:
    void sendRequested(const QString &toE164, const QString &from, const QString &body);

private:
    void validateTo();
    void updateCounter();
    void trySend();

    QLineEdit *m_to;
    QLabel *m_toReason;
    QComboBox *m_from;
    QPlainTextEdit *m_body;
    QLabel *m_counter;
    QPushButton *m_send;
    QLabel *m_result;
    QString m_e164;
    bool m_busy = false;
};

} // namespace sb
