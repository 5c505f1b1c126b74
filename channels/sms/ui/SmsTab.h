#pragma once

#include "common/MessageTab.h"

#include <QDateTime>

namespace sb {

class SmsComposeWidget;
struct SendOutcome;

// The SMS tab: the shared message tab (table, conversation) with the SMS compose form (segments
// and GSM-7 / UCS-2), the account's SMS numbers to send from, the STOP warning, and the
// sandbox's simulated customer. Sending goes through the durable outbox on its own thread;
// what happens to each send is told where it was sent from (compose form or reply box) and
// follows the message afterwards.
class SmsTab : public MessageTab {
    Q_OBJECT
public:
    explicit SmsTab(const ConsoleContext &context, QWidget *parent = nullptr);

    void setSenders(const QStringList &numbers, const QString &preferred);
    // Where a send came from decides where its outcome is told.
    enum class Origin { Compose, Reply };
    // A reply's media are `mediaUrls`; a compose send takes the form's attachments.
    void send(const QString &to, const QString &from, const QString &body,
              Origin origin = Origin::Compose, const QDateTime &sendAt = {},
              const QStringList &mediaUrls = {});

    SmsComposeWidget *compose() const { return m_compose; }

    void setAccountNumbers(const QList<TwilioIncomingNumber> &numbers) override;
    void simulateIncoming() override;

    void composeTo(const QString &number, const QString &body) override;

protected:
    void focusCompose() override;
    void reply(const QString &to, const QString &body) override;
    void retry(const MessageRecord &failed) override;

private:
    void settle(const QString &to, Origin origin, const SendOutcome &outcome);
    void checkOptOut(const QString &number);
    QString preferredSender() const;

    SmsComposeWidget *m_compose;
    QString m_defaultFrom;
};

} // namespace sb
