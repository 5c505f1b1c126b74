#include "SmsTab.h"

#include "SmsComposeWidget.h"
#include "common/AttachmentTray.h"
#include "common/ConversationView.h"
#include "common/OptOut.h"
#include "common/SendFeedback.h"
#include "db/Store.h"
#include "outbox/Outbox.h"
#include "providers/twilio/SmsSegments.h"
#include "providers/twilio/TwilioResources.h"
#include "runtime/SwitchboardService.h"
#include "sms/SmsChannel.h"
#include "sms/SmsRoutes.h"

#include "media/MediaResend.h"

#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRandomGenerator>

namespace sb {

SmsTab::SmsTab(const ConsoleContext &context, QWidget *parent)
    : MessageTab(SmsChannel::Id, context, parent)
    , m_compose(new SmsComposeWidget(this)) {
    setCompose(m_compose, m_compose->toEdit());
    m_compose->feedback()->setStore(context.store);
    if (context.service)
        m_compose->setMediaShares(context.service->mediaShares());
    m_compose->feedback()->setStatuses(context.statuses);
    conversation()->setOptOutWarnings(true);
    conversation()->setReplyCheck([](const QString &body) {
        const int characters = SmsSegments::count(body).characters;
        if (characters <= SmsSegments::MaxBodyCharacters)
            return QString();
        return tr("The reply has %1 characters; an SMS can have at most %2. Shorten it to send.")
            .arg(characters)
            .arg(SmsSegments::MaxBodyCharacters);
    });
    connect(m_compose, &SmsComposeWidget::sendRequested, this,
            [this](const QString &to, const QString &from, const QString &body) {
                send(to, from, body, Origin::Compose);
            });
    connect(m_compose, &SmsComposeWidget::sendLaterRequested, this,
            [this](const QString &to, const QString &from, const QString &body,
                   const QDateTime &sendAt) { send(to, from, body, Origin::Compose, sendAt); });
    connect(m_compose, &SmsComposeWidget::recipientChanged, this, &SmsTab::checkOptOut);
    setSenders({}, preferredSender());
}

QString SmsTab::preferredSender() const {
    return context().service ? context().service->config().phoneNumber : QString();
}

void SmsTab::setSenders(const QStringList &numbers, const QString &preferred) {
    m_defaultFrom = preferred.isEmpty() && !numbers.isEmpty() ? numbers.first() : preferred;
    m_compose->setSenders(numbers, m_defaultFrom);
}

void SmsTab::setAccountNumbers(const QList<TwilioIncomingNumber> &numbers) {
    QStringList sms;
    for (const TwilioIncomingNumber &n : numbers) {
        if (n.sms)
            sms << n.phoneNumber;
    }
    setSenders(sms, preferredSender());
}

void SmsTab::simulateIncoming() {
    if (!context().service)
        return;
    static const QStringList customers{QStringLiteral("+14155550142"),
                                       QStringLiteral("+14155550177"),
                                       QStringLiteral("+447911123456")};
    const QStringList texts{tr("Hi! Is my order on its way?"),
                            tr("Can I change my delivery address?"),
                            tr("Thanks, that solved it 👍")};
    const int pick = int(QRandomGenerator::global()->bounded(customers.size()));
    context().service->simulateInbound(channelId(), customers[pick], texts[pick]);
}

void SmsTab::composeTo(const QString &number, const QString &body) {
    newMessage();
    m_compose->setTo(number);
    // A link's text replaces nothing the agent has typed.
    if (!body.isEmpty() && m_compose->body().isEmpty())
        m_compose->bodyEdit()->setPlainText(body);
    m_compose->bodyEdit()->setFocus(Qt::OtherFocusReason);
}

void SmsTab::focusCompose() {
    m_compose->focusTo();
}

void SmsTab::reply(const QString &to, const QString &body) {
    send(to, m_defaultFrom, body, Origin::Reply);
}

void SmsTab::retry(const MessageRecord &failed) {
    if (!context().statuses.isFailure(failed))
        return;
    openConversation(failed.to);
    // Sent again with its media (shared again: the first URLs may have expired), or not at
    // all when one is gone: the text alone is not what the agent sent.
    const QString from = failed.from.isEmpty() ? m_defaultFrom : failed.from;
    MediaResend::prepare(
        context().store, context().service ? context().service->mediaShares() : nullptr, failed.id,
        this, [this, to = failed.to, from, body = failed.body](const MediaResend::Result &media) {
            if (!media.problem.isEmpty()) {
                conversation()->feedback()->problem(media.problem);
                return;
            }
            send(to, from, body, Origin::Reply, {}, media.urls);
        });
}

void SmsTab::send(const QString &to, const QString &from, const QString &body, Origin origin,
                  const QDateTime &sendAt, const QStringList &mediaUrls) {
    OutboundDraft draft;
    draft.sendAt = sendAt;
    draft.to = to;
    draft.from = from;
    draft.body = body;
    draft.segments = SmsSegments::count(body).segments;
    draft.channel = channelId();
    draft.statusCallback = SmsRoutes::status();
    if (origin == Origin::Compose) {
        draft.mediaUrls = m_compose->mediaUrls();
        m_compose->setBusy(true);
        m_compose->feedback()->sending(to);
    } else {
        draft.mediaUrls = mediaUrls;
        conversation()->setReplyBusy(true);
        conversation()->feedback()->sending(to);
    }
    sendThroughOutbox(
        draft, [this, to, origin](const SendOutcome &outcome) { settle(to, origin, outcome); });
}

void SmsTab::settle(const QString &to, Origin origin, const SendOutcome &outcome) {
    SendFeedback *feedback =
        origin == Origin::Compose ? m_compose->feedback() : conversation()->feedback();
    const bool accepted = !SendFeedback::refused(outcome);
    if (origin == Origin::Compose) {
        m_compose->setBusy(false);
        if (accepted) {
            m_compose->clearBody(); // only now: a refused message keeps its text
            m_compose->attachments()->clear();
        }
    } else {
        conversation()->setReplyBusy(false);
        if (accepted)
            conversation()->replyAccepted();
    }
    // After sending, the conversation shows that customer (with the failed bubble, if refused).
    if (origin == Origin::Compose)
        openConversation(to);
    feedback->settle(to, outcome);
    if (!accepted)
        checkOptOut(m_compose->to());
}

void SmsTab::checkOptOut(const QString &number) {
    if (number.isEmpty()) {
        m_compose->setOptOutWarning({});
        return;
    }
    MessageQuery query;
    query.channel = channelId();
    query.contact = number;
    query.limit = 50;
    context().store->findMessages(query, this,
                                  [this, number](const StoreResult<QList<MessageRecord>> &found) {
                                      if (m_compose->to() != number)
                                          return; // the agent has typed on
                                      OptOut::lookup(context().store, number, found.value, this,
                                                     [this, number](const QString &warning) {
                                                         if (m_compose->to() == number)
                                                             m_compose->setOptOutWarning(warning);
                                                     });
                                  });
}

} // namespace sb
