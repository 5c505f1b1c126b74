#include "WhatsAppReplyRoute.h"

#include "runtime/SwitchboardService.h"
#include "whatsapp/WhatsAppAddress.h"
#include "whatsapp/WhatsAppChannel.h"
#include "whatsapp/WhatsAppSender.h"

namespace sb {

WhatsAppReplyRoute::WhatsAppReplyRoute(const ConsoleContext &context, QObject *parent)
    : ReplyRoute(parent)
    , m_clock(context.service ? context.service->clock() : ServiceWindow::Clock{})
    , m_from(context.service ? WhatsAppChannel::defaultSender(context.service->config())
                             : QString()) {
    if (!m_clock)
        m_clock = [] {
            return QDateTime::currentDateTimeUtc();
        };
    m_sender = new WhatsAppSender(context.store, context.outbox,
                                  context.service ? context.service->contentClient() : nullptr,
                                  m_clock, m_from, this);
}

QString WhatsAppReplyRoute::channel() const {
    return WhatsAppChannel::Id;
}

QString WhatsAppReplyRoute::title() const {
    return tr("WhatsApp");
}

ServiceWindow::Reading WhatsAppReplyRoute::window(const Contact &contact) const {
    return ServiceWindow::at(contact.lastInbound, m_clock());
}

bool WhatsAppReplyRoute::freeTextAllowed(const Contact &contact) const {
    // Not known for sure: let the agent type, the sender reads the window before sending.
    return !contact.known || window(contact).isOpen();
}

QString WhatsAppReplyRoute::problem(const Contact &contact, const QString &body) const {
    if (m_from.isEmpty())
        return tr("There is no WhatsApp sender yet; add one in File ▸ Settings.");
    if (!freeTextAllowed(contact))
        return tr("A free-form WhatsApp reply cannot be sent: %1 Send an approved template from "
                  "the WhatsApp tab, or reply by SMS.")
            .arg(window(contact).reason());
    if (body.size() > WhatsAppSender::MaxBodyCharacters)
        return tr("The reply has %1 characters; WhatsApp takes at most %2.")
            .arg(body.size())
            .arg(WhatsAppSender::MaxBodyCharacters);
    return {};
}

QString WhatsAppReplyRoute::state(const Contact &contact) const {
    if (!contact.known && !contact.lastInbound.isValid())
        return {};
    const ServiceWindow::Reading reading = window(contact);
    return reading.isOpen() ? tr("WhatsApp window open: %1").arg(reading.countdownText())
                            : tr("WhatsApp window closed: %1").arg(reading.countdownText());
}

void WhatsAppReplyRoute::send(const QString &number, const QString &body, const Extras &extras,
                              Done done) {
    WhatsAppSendRequest request;
    request.to = WhatsAppAddress::Prefix + number;
    request.from = m_from;
    request.body = body;
    request.mediaUrls = extras.mediaUrls;
    request.sendAt = extras.sendAt;
    const QString to = request.to;
    m_sender->send(request, this, [to, done](const WhatsAppSendResult &result) {
        Result r;
        r.to = to;
        switch (result.kind) {
        case WhatsAppSendResult::Kind::Invalid: {
            QStringList reasons;
            for (const auto &[field, reason] : result.fieldErrors)
                reasons << reason;
            r.refusal = reasons.join(QLatin1Char(' '));
            break;
        }
        case WhatsAppSendResult::Kind::Refused:
            r.refusal = QStringLiteral("%1 (%2)").arg(result.reason).arg(result.code);
            break;
        case WhatsAppSendResult::Kind::LookupFailed:
            r.refusal = result.lookupError.explanation();
            break;
        case WhatsAppSendResult::Kind::Handed:
            r.outcome = result.outcome;
            break;
        }
        done(r);
    });
}

} // namespace sb
