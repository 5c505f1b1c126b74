#include "SmsReplyRoute.h"

#include "providers/twilio/SmsSegments.h"
#include "runtime/SwitchboardService.h"
#include "sms/SmsChannel.h"
#include "sms/SmsRoutes.h"

namespace sb {

SmsReplyRoute::SmsReplyRoute(const ConsoleContext &context, QObject *parent)
    : ReplyRoute(parent)
    , m_outbox(context.outbox)
    , m_from(context.service ? context.service->config().phoneNumber : QString()) {}

QString SmsReplyRoute::channel() const {
    return SmsChannel::Id;
}

QString SmsReplyRoute::title() const {
    return tr("SMS");
}

QString SmsReplyRoute::problem(const Contact &contact, const QString &body) const {
    (void)contact;
    if (m_from.isEmpty())
        return tr("There is no number to send SMS from yet; add one in File ▸ Settings.");
    const int characters = SmsSegments::count(body).characters;
    if (characters <= SmsSegments::MaxBodyCharacters)
        return {};
    return tr("The reply has %1 characters; an SMS can have at most %2. Remove %3 to send.")
        .arg(characters)
        .arg(SmsSegments::MaxBodyCharacters)
        .arg(characters - SmsSegments::MaxBodyCharacters);
}

QString SmsReplyRoute::counter(const QString &body) const {
    if (body.isEmpty())
        return {};
    const SegmentCount count = SmsSegments::count(body);
    return tr("%n segment(s)", nullptr, count.segments) + QStringLiteral(" · ") +
           count.encodingName();
}

void SmsReplyRoute::send(const QString &number, const QString &body, const Extras &extras,
                         Done done) {
    OutboundDraft draft;
    draft.channel = channel();
    draft.to = number;
    draft.from = m_from;
    draft.body = body;
    draft.segments = SmsSegments::count(body).segments;
    draft.statusCallback = SmsRoutes::status();
    draft.mediaUrls = extras.mediaUrls;
    draft.sendAt = extras.sendAt;
    if (!m_outbox) {
        done({number, tr("the service is not running."), {}});
        return;
    }
    // The outcome is computed on the network thread and handed back to this one.
    const auto back = Receiver(this).bind([number, done](const SendOutcome &outcome) {
        done({number, QString(), outcome});
    });
    QMetaObject::invokeMethod(
        m_outbox, [outbox = m_outbox, draft, back] { outbox->send(draft, outbox, back); });
}

} // namespace sb
