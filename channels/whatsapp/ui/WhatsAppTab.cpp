#include "WhatsAppTab.h"

#include "TemplatePicker.h"
#include "WhatsAppComposeWidget.h"
#include "WindowCountdown.h"
#include "common/AttachmentTray.h"
#include "common/ConversationView.h"
#include "common/MessageTableModel.h"
#include "common/SendFeedback.h"
#include "db/Store.h"
#include "media/MediaResend.h"
#include "providers/twilio/ContentClient.h"
#include "runtime/SwitchboardService.h"
#include "whatsapp/WhatsAppAddress.h"
#include "whatsapp/WhatsAppChannel.h"
#include "whatsapp/WhatsAppContacts.h"
#include "whatsapp/WhatsAppSender.h"

#include <QGroupBox>
#include <QLineEdit>
#include <QRandomGenerator>
#include <QSplitter>
#include <QTimer>

namespace sb {

WhatsAppTab::WhatsAppTab(const ConsoleContext &context, QWidget *parent)
    : MessageTab(WhatsAppChannel::Id, context, parent)
    , m_clock(context.service ? context.service->clock() : ServiceWindow::Clock{})
    , m_defaultFrom(context.service ? WhatsAppChannel::defaultSender(context.service->config())
                                    : QString()) {
    if (!m_clock)
        m_clock = [] {
            return QDateTime::currentDateTimeUtc();
        };
    m_compose = new WhatsAppComposeWidget(m_clock, this);
    m_sender = new WhatsAppSender(context.store, context.outbox,
                                  context.service ? context.service->contentClient() : nullptr,
                                  m_clock, m_defaultFrom, this);
    setCompose(m_compose, m_compose->toEdit());
    m_compose->setSender(m_defaultFrom);
    m_compose->feedback()->setStore(context.store);
    m_compose->feedback()->setStatuses(context.statuses);
    if (context.service)
        m_compose->setMediaShares(context.service->mediaShares());

    // WhatsApp's ticks: one grey for sent, two grey for delivered, two blue once read.
    conversation()->setStatusMarks([](const MessageRecord &m, const StatusInfo &status) {
        if (m.status == QLatin1String("read"))
            return ConversationView::StatusMark{QStringLiteral("✓✓"), Tone::Info};
        if (m.status == QLatin1String("delivered"))
            return ConversationView::StatusMark{QStringLiteral("✓✓"), Tone::Faint};
        if (m.status == QLatin1String("sent"))
            return ConversationView::StatusMark{QStringLiteral("✓"), Tone::Faint};
        return ConversationView::StatusMark{status.tone == StatusTone::Progress ||
                                                    status.tone == StatusTone::Neutral
                                                ? QStringLiteral("…")
                                                : QString(),
                                            Tone::Faint};
    });
    conversation()->setReplyCheck([this](const QString &) { return replyProblem(); });
    conversation()->setOptOutWarnings(true); // a STOP to the WhatsApp sender, with its date
    // Every contact here is on WhatsApp: the table shows the number (the full address is the
    // tooltip), after the customer's profile name when they gave one.
    model()->setContactLabel([this](const QString &contact) {
        const QString number = contact.startsWith(WhatsAppAddress::Prefix)
                                   ? contact.mid(WhatsAppAddress::Prefix.size())
                                   : contact;
        const QString name = m_names.value(contact);
        return name.isEmpty() ? number : tr("%1 (%2)", "name (number)").arg(name, number);
    });

    connect(m_compose, &WhatsAppComposeWidget::sendRequested, this,
            [this](const WhatsAppSendRequest &request) { send(request, Origin::Compose); });
    connect(m_compose, &WhatsAppComposeWidget::recipientChanged, this, &WhatsAppTab::lookUpWindow);
    connect(m_compose->templates(), &TemplatePicker::changed, this, &WhatsAppTab::fitCompose,
            Qt::QueuedConnection); // once the form's new fields are laid out
    connect(model(), &MessageTableModel::pageLoaded, this, &WhatsAppTab::lookUpNames);
    connect(model(), &QAbstractItemModel::rowsInserted, this, &WhatsAppTab::lookUpNames);
    if (context.store)
        connect(context.store, &Store::messagesArrived, this, &WhatsAppTab::onArrived);
    // The reply box follows the window too: re-checked as the countdown ticks.
    connect(m_compose->countdown()->timer(), &QTimer::timeout, conversation(),
            &ConversationView::recheckReply);
    reloadTemplates();
}

QDateTime WhatsAppTab::now() const {
    return m_clock();
}

void WhatsAppTab::reloadTemplates() {
    ContentClient *content = context().service ? context().service->contentClient() : nullptr;
    if (!content) {
        m_compose->templates()->setError(tr("no connection to Twilio's Content API"));
        return;
    }
    m_compose->templates()->setLoading();
    // Runs here, on this thread, through the receiver: only `me` crosses to the network thread.
    ContentClient::TemplatesDone done =
        [this](const TwilioResult<ContentClient::Templates> &found) {
            if (found.ok())
                m_compose->templates()->setTemplates(found.value);
            else
                m_compose->templates()->setError(found.error.explanation());
        };
    QMetaObject::invokeMethod(content, [content, me = Receiver(this), done = std::move(done)] {
        content->listTemplatesWithApprovals(me, done);
    });
}

void WhatsAppTab::fitCompose() {
    // A template's variables and preview make the form taller than the free-form message: give
    // it the height it needs (at most 60% of the list's) rather than squeezing its fields.
    QSplitter *split = listSplitter();
    const QList<int> sizes = split->sizes();
    const int want = qMin(composeBox()->sizeHint().height(), split->height() * 3 / 5);
    if (sizes.size() != 2 || sizes[1] == 0 || sizes[1] >= want)
        return; // collapsed by the agent, or big enough
    split->setSizes({sizes[0] + sizes[1] - want, want});
}

void WhatsAppTab::lookUpWindow(const QString &address) {
    if (address.isEmpty() || !context().store)
        return;
    WhatsAppContacts::lastInbound(context().store, address, m_defaultFrom, this,
                                  [this, address](const StoreResult<QDateTime> &last) {
                                      if (!last.ok())
                                          return; // the sender reads it again when sending
                                      m_lastInbound.insert(address, last.value);
                                      m_compose->setLastInbound(address, last.value);
                                      conversation()->recheckReply();
                                  });
}

void WhatsAppTab::lookUpNames() {
    if (!context().store)
        return;
    for (int row = 0; row < model()->rowCount(); ++row) {
        const MessageRecord m = model()->record(row);
        const QString contact = m.direction == QLatin1String("inbound") ? m.from : m.to;
        if (contact.isEmpty() || m_namesAsked.contains(contact))
            continue;
        m_namesAsked.insert(contact);
        WhatsAppContacts::contact(
            context().store, contact, this,
            [this, contact](const StoreResult<std::optional<WhatsAppContact>> &found) {
                if (!found.ok() || !found.value || found.value->profileName.isEmpty())
                    return;
                m_names.insert(contact, found.value->profileName);
                model()->contactLabelsChanged();
                if (conversation()->contact() == contact)
                    conversation()->setContactName(found.value->profileName);
            });
    }
}

void WhatsAppTab::onArrived(const QList<MessageRecord> &messages) {
    bool ours = false; // other channels' floods cost one pass over the batch, nothing more
    for (const MessageRecord &m : messages) {
        if (m.channel != channelId() || m.direction != QLatin1String("inbound"))
            continue;
        ours = true;
        // A customer writing reopens the window, and may have a (new) name.
        m_namesAsked.remove(m.from);
        if (m.from == m_compose->to() || m.from == conversation()->contact() ||
            m_lastInbound.contains(m.from))
            lookUpWindow(m.from);
    }
    if (ours)
        lookUpNames();
}

void WhatsAppTab::openConversation(const QString &contact) {
    const bool changed = contact != conversation()->contact();
    MessageTab::openConversation(contact);
    if (!changed)
        return;
    // The countdown is about the customer in view: an empty To (or one filled in this way)
    // follows the conversation; what the agent typed stays.
    const QString typed = m_compose->toEdit()->text().trimmed();
    if (!contact.isEmpty() && (typed.isEmpty() || typed == m_filledTo)) {
        m_filledTo = contact;
        m_compose->setTo(contact);
    }
    if (const QString name = m_names.value(contact); !name.isEmpty())
        conversation()->setContactName(name);
    if (!m_lastInbound.contains(contact))
        lookUpWindow(contact);
    conversation()->recheckReply();
}

QString WhatsAppTab::replyProblem() const {
    const QString contact = conversation()->contact();
    if (contact.isEmpty() || !m_lastInbound.contains(contact))
        return {}; // not known yet: the sender checks it again before sending
    const ServiceWindow::Reading window = ServiceWindow::at(m_lastInbound.value(contact), now());
    if (window.isOpen())
        return {};
    return tr("A free-form reply cannot be sent: %1 Send an approved template from the compose "
              "form instead.")
        .arg(window.reason());
}

void WhatsAppTab::simulateIncoming() {
    if (!context().service)
        return;
    struct Customer {
        QString address;
        QString name;
    };
    static const QList<Customer> customers{
        {QStringLiteral("whatsapp:+14155550142"), QStringLiteral("Ana Souza")},
        {QStringLiteral("whatsapp:+447911123456"), QStringLiteral("Oliver")},
        {QStringLiteral("whatsapp:+5511987654321"), QStringLiteral("Lucas Almeida")}};
    const QStringList texts{tr("Hi! Where is my order?"),
                            tr("Can I change the delivery time to the afternoon?"),
                            tr("Obrigado, it arrived 👍")};
    const int pick = int(QRandomGenerator::global()->bounded(customers.size()));
    context().service->simulateInbound(channelId(), customers[pick].address, texts[pick],
                                       customers[pick].name);
}

void WhatsAppTab::focusCompose() {
    m_compose->focusTo();
}

void WhatsAppTab::reply(const QString &to, const QString &body) {
    WhatsAppSendRequest request;
    request.to = to;
    request.from = m_defaultFrom;
    request.body = body;
    send(request, Origin::Reply);
}

void WhatsAppTab::retry(const MessageRecord &failed) {
    if (!context().statuses.isFailure(failed))
        return;
    openConversation(failed.to);
    // Sent again as the text it read; outside the window that is refused before sending, and
    // the feedback says to pick the template again.
    WhatsAppSendRequest request;
    request.to = failed.to;
    request.from = failed.from.isEmpty() ? m_defaultFrom : failed.from;
    request.body = failed.body;
    // With its media shared again (the first URL may have expired), or not at all when the
    // file is gone: the text alone is not what the agent sent.
    MediaResend::prepare(context().store,
                         context().service ? context().service->mediaShares() : nullptr, failed.id,
                         this, [this, request](const MediaResend::Result &media) {
                             if (!media.problem.isEmpty()) {
                                 conversation()->feedback()->problem(media.problem);
                                 return;
                             }
                             WhatsAppSendRequest again = request;
                             again.mediaUrls = media.urls;
                             send(again, Origin::Reply);
                         });
}

void WhatsAppTab::send(const WhatsAppSendRequest &request, Origin origin) {
    const QString to = request.to;
    if (origin == Origin::Compose) {
        m_compose->setBusy(true);
        m_compose->feedback()->sending(to);
    } else {
        conversation()->setReplyBusy(true);
        conversation()->feedback()->sending(to);
    }
    m_sender->send(request, this, [this, to, origin](const WhatsAppSendResult &result) {
        settle(to, origin, result);
    });
}

void WhatsAppTab::settle(const QString &to, Origin origin, const WhatsAppSendResult &result) {
    SendFeedback *feedback =
        origin == Origin::Compose ? m_compose->feedback() : conversation()->feedback();
    const bool handed = result.kind == WhatsAppSendResult::Kind::Handed;
    const bool accepted = handed && !SendFeedback::refused(result.outcome);
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
    switch (result.kind) {
    case WhatsAppSendResult::Kind::Invalid: {
        QStringList reasons;
        for (const auto &[field, reason] : result.fieldErrors)
            reasons << reason;
        feedback->problem(tr("Nothing was sent: %1").arg(reasons.join(QLatin1Char(' '))));
        return;
    }
    case WhatsAppSendResult::Kind::Refused:
        // The window as the sender read it for this refusal: the countdown says the same.
        m_lastInbound.insert(to, result.window.lastInbound);
        m_compose->setLastInbound(to, result.window.lastInbound);
        feedback->problem(tr("Nothing was sent: %1 (%2)").arg(result.reason).arg(result.code));
        return;
    case WhatsAppSendResult::Kind::LookupFailed:
        feedback->problem(tr("Nothing was sent: %1").arg(result.lookupError.explanation()));
        return;
    case WhatsAppSendResult::Kind::Handed:
        break;
    }
    // After sending, the conversation shows that customer (with the failed bubble, if refused).
    if (origin == Origin::Compose)
        openConversation(to);
    feedback->settle(to, result.outcome);
}

} // namespace sb
