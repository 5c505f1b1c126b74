#pragma once

#include <QDateTime>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace sb {

class AttachmentTray;
class MediaShares;
class SendFeedback;

// To (checked as you type with libphonenumber), From (the account's SMS numbers), Body (with a
// live characters / segments / encoding counter that highlights what forces UCS-2), Send
// (also Ctrl+Enter). Send is only enabled for something that can go; when the agent tries
// anyway, the feedback line says why nothing was sent. It only validates and asks; SmsTab
// sends, and the feedback line follows the message after that.
class SmsComposeWidget : public QWidget {
    Q_OBJECT
public:
    explicit SmsComposeWidget(QWidget *parent = nullptr);

    void setSenders(const QStringList &numbers, const QString &preferred);
    void setTo(const QString &number);
    QString to() const;
    QString from() const;
    QString body() const;
    void clearBody();
    void setBusy(bool busy);
    // Shown above the body when the recipient opted out (empty: hidden).
    void setOptOutWarning(const QString &text);
    void focusTo();
    // Attachments (MMS): copied and served by `shares`; their public URLs go as mediaUrls.
    void setMediaShares(MediaShares *shares);
    QStringList mediaUrls() const;
    AttachmentTray *attachments() const { return m_attachments; }

    QLineEdit *toEdit() const { return m_to; }
    QComboBox *fromBox() const { return m_from; }
    QPlainTextEdit *bodyEdit() const { return m_body; }
    QPushButton *sendButton() const { return m_send; }
    QPushButton *sendLaterButton() const { return m_sendLater; }
    QLabel *toReason() const { return m_toReason; }
    QLabel *counter() const { return m_counter; }
    QLabel *optOutWarning() const { return m_optOut; }
    SendFeedback *feedback() const { return m_feedback; }
    QLabel *result() const;

protected:
    void changeEvent(QEvent *event) override;

Q_SIGNALS:
    void sendRequested(const QString &toE164, const QString &from, const QString &body);
    // "Send later…": the same, to go at `sendAt` (UTC).
    void sendLaterRequested(const QString &toE164, const QString &from, const QString &body,
                            const QDateTime &sendAt);
    // The valid E.164 the form would send to changed (empty when none).
    void recipientChanged(const QString &toE164);

private:
    void validate();
    void updateCounter();
    void trySend();
    QString whyNotSendable() const;

    QLineEdit *m_to;
    QLabel *m_toReason;
    QComboBox *m_from;
    QLabel *m_optOut;
    QPlainTextEdit *m_body;
    AttachmentTray *m_attachments;
    QLabel *m_counter;
    QPushButton *m_send;
    QPushButton *m_sendLater;
    SendFeedback *m_feedback;
    QString m_e164;
    QString m_toProblem;
    bool m_tooLong = false;
    bool m_busy = false;
};

} // namespace sb
