#pragma once

#include "common/MessageTab.h"
#include "whatsapp/ServiceWindow.h"

#include <QHash>
#include <QSet>

namespace sb {

class WhatsAppComposeWidget;
class WhatsAppSender;
struct WhatsAppSendRequest;
struct WhatsAppSendResult;

// The WhatsApp tab: the shared message tab (live table, conversation) with WhatsApp's compose
// form (the 24-hour window's countdown, the template picker), read ticks in the conversation
// (✓ sent, ✓✓ delivered, blue ✓✓ read), the customers' profile names, and the sandbox's
// simulated customer. Sending goes through WhatsAppSender, the same path as the local API's
// send-whatsapp: outside the window free text is refused before anything is sent, a template
// goes with ContentSid and ContentVariables through the durable outbox. The templates are
// fetched from the Content API on the network thread.
class WhatsAppTab : public MessageTab {
    Q_OBJECT
public:
    explicit WhatsAppTab(const ConsoleContext &context, QWidget *parent = nullptr);

    enum class Origin { Compose, Reply };
    void send(const WhatsAppSendRequest &request, Origin origin = Origin::Compose);
    // Asks the Content API for the account's templates with their approval again.
    void reloadTemplates();

    WhatsAppComposeWidget *compose() const { return m_compose; }
    // The profile name the customer gave WhatsApp, once looked up; empty when none.
    QString profileName(const QString &address) const { return m_names.value(address); }

    void openConversation(const QString &contact) override;
    void simulateIncoming() override;

protected:
    void focusCompose() override;
    void reply(const QString &to, const QString &body) override;
    void retry(const MessageRecord &failed) override;

private:
    void settle(const QString &to, Origin origin, const WhatsAppSendResult &result);
    void lookUpWindow(const QString &address);
    void fitCompose();
    void lookUpNames();
    void onArrived(const QList<MessageRecord> &messages);
    QString replyProblem() const;
    QDateTime now() const;

    WhatsAppComposeWidget *m_compose;
    WhatsAppSender *m_sender;
    ServiceWindow::Clock m_clock;
    QString m_defaultFrom;
    QString m_filledTo; // the To the tab filled in from the conversation in view
    // Each contact's last inbound message to our sender, as last looked up (invalid: never).
    QHash<QString, QDateTime> m_lastInbound;
    QHash<QString, QString> m_names;
    QSet<QString> m_namesAsked;
};

} // namespace sb
