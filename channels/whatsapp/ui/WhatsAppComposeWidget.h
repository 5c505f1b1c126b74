#pragma once

#include "whatsapp/ServiceWindow.h"
#include "whatsapp/WhatsAppSender.h"

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
class TemplatePicker;
class WindowCountdown;

// To (whatsapp:+E164 or a bare +E164, normalised as you type), From (the WhatsApp sender), the
// live countdown of the 24-hour window with that customer, the template picker (with its
// variables and preview) and the free-form message. Outside the window a free-form message is
// refused before anything is sent, with the reason in plain words; an approved template goes at
// any time. Send (also Ctrl+Enter) is only enabled for something that can go; when the agent
// tries anyway, the feedback line says why nothing was sent. It only validates and asks;
// WhatsAppTab sends, and the feedback line follows the message after that.
class WhatsAppComposeWidget : public QWidget {
    Q_OBJECT
public:
    explicit WhatsAppComposeWidget(ServiceWindow::Clock clock, QWidget *parent = nullptr);

    void setSender(const QString &address);
    void setTo(const QString &address);
    // The normalised whatsapp:+E164 the form would send to; empty when none.
    QString to() const { return m_address; }
    QString body() const;
    void clearBody();
    // Attachments (one, as WhatsApp takes): copied and served by `shares`, sent as mediaUrls
    // with free text (a template carries no attachment here).
    void setMediaShares(MediaShares *shares);
    AttachmentTray *attachments() const { return m_attachments; }
    void setBusy(bool busy);
    void focusTo();
    // The recipient's last inbound message as the tab looked it up (invalid: never wrote).
    void setLastInbound(const QString &address, const QDateTime &at);

    // The request Send would make now (free text or the picked template with its values).
    WhatsAppSendRequest request() const;
    // Why nothing can be sent as the form stands, in plain words; empty when it can.
    QString whyNotSendable() const;

    QLineEdit *toEdit() const { return m_to; }
    QLabel *toReason() const { return m_toReason; }
    QComboBox *fromBox() const { return m_from; }
    WindowCountdown *countdown() const { return m_countdown; }
    TemplatePicker *templates() const { return m_templates; }
    QPlainTextEdit *bodyEdit() const { return m_body; }
    QPushButton *sendButton() const { return m_send; }
    QPushButton *sendLaterButton() const { return m_sendLater; }
    SendFeedback *feedback() const { return m_feedback; }

Q_SIGNALS:
    void sendRequested(const sb::WhatsAppSendRequest &request);
    // The valid address the form would send to changed (empty when none): the tab looks up the
    // window for it.
    void recipientChanged(const QString &address);

private:
    void validate();
    void trySend();
    void updateTabOrder();

    WindowCountdown *m_countdown;
    QLineEdit *m_to;
    QLabel *m_toReason;
    QComboBox *m_from;
    TemplatePicker *m_templates;
    QLabel *m_bodyLabel;
    QPlainTextEdit *m_body;
    AttachmentTray *m_attachments;
    QPushButton *m_send;
    QPushButton *m_sendLater;
    SendFeedback *m_feedback;
    QString m_address;
    QString m_toProblem;
    bool m_busy = false;
    bool m_windowProblemShown = false;
};

} // namespace sb
