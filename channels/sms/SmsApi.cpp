#include "SmsApi.h"

#include "SmsChannel.h"
#include "SmsRoutes.h"
#include "api/AgentField.h"
#include "api/FieldErrors.h"
#include "api/JsonRequest.h"
#include "api/LocalApi.h"
#include "api/MediaUrlField.h"
#include "api/MessageApi.h"
#include "api/SendAt.h"
#include "media/MediaLimits.h"
#include "outbox/Outbox.h"
#include "providers/twilio/MessagingService.h"
#include "providers/twilio/PhoneNumber.h"
#include "providers/twilio/SmsSegments.h"
#include "runtime/ChannelContext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sb {

SmsApi::SmsApi(ChannelContext &context, QObject *parent)
    : QObject(parent)
    , m_store(context.store)
    , m_outbox(context.outbox)
    , m_defaultFrom(context.config.phoneNumber)
    , m_clock(context.clock) {
    context.server.route("POST", LocalApi::path(SmsRoutes::send()),
                         [this](const HttpRequest &r, HttpServer::Reply reply) { send(r, reply); });
    context.server.route("GET", LocalApi::path(SmsRoutes::statusOf()),
                         [this](const HttpRequest &r, HttpServer::Reply reply) {
                             MessageApi::answerStatus(m_store, this, r.args.value(0), reply);
                         });
}

void SmsApi::send(const HttpRequest &request, const HttpServer::Reply &reply) {
    FieldErrors errors;
    const std::optional<QJsonObject> parsed = JsonRequest::object(request.body, errors);
    if (!parsed)
        return reply(errors.response());
    const QJsonObject &json = *parsed;
    JsonRequest::expectStrings(json, {"to", "from", "body", "messagingServiceSid"}, errors);
    auto checkNumber = [&](const QString &field, const QString &input) {
        if (errors.has(field))
            return PhoneNumberCheck{};
        if (input.trimmed().startsWith(QLatin1String("whatsapp:"), Qt::CaseInsensitive)) {
            errors.add(field, tr("WhatsApp messages have their own endpoint, POST "
                                 "/api/v1/twilio/send-whatsapp; send-sms sends SMS only."));
            return PhoneNumberCheck{};
        }
        const PhoneNumberCheck check = PhoneNumber::check(input);
        if (!check.valid)
            errors.add(field, check.reason);
        return check;
    };
    const PhoneNumberCheck to =
        checkNumber(QStringLiteral("to"), json.value(QLatin1String("to")).toString());
    QString fromInput = json.value(QLatin1String("from")).toString();
    // A Messaging Service as the sender: `messagingServiceSid`, or MG… given as `from`.
    QString service = json.value(QLatin1String("messagingServiceSid")).toString().trimmed();
    if (service.isEmpty() && MessagingService::isSid(fromInput.trimmed())) {
        service = fromInput.trimmed();
        fromInput.clear();
    }
    if (!service.isEmpty() && !MessagingService::isSid(service))
        errors.add(QStringLiteral("messagingServiceSid"), MessagingService::invalidReason());
    if (fromInput.isEmpty() && service.isEmpty())
        fromInput = m_defaultFrom;
    PhoneNumberCheck from;
    if (!service.isEmpty() && fromInput.isEmpty())
        from.e164 = service; // stored as the message's sender; Twilio picks the number
    else if (fromInput.isEmpty() && !errors.has(QStringLiteral("from")))
        errors.add(QStringLiteral("from"),
                   tr("No 'from' given and TWILIO_PHONE_NUMBER is not set."));
    else
        from = checkNumber(QStringLiteral("from"), fromInput);
    const QString body = json.value(QLatin1String("body")).toString();
    const SegmentCount segments = SmsSegments::count(body);
    // With media (MMS) the text may be left out, as Twilio allows.
    const QStringList mediaUrls = MediaUrlField::read(json, errors, MediaLimits::mms().maxFiles());
    const bool hasMedia = !mediaUrls.isEmpty() || errors.has(MediaUrlField::name());
    if (!errors.has(QStringLiteral("body")) && body.trimmed().isEmpty() && !hasMedia)
        errors.add(QStringLiteral("body"), tr("The message body is empty (give a body, "
                                              "mediaUrl, or both)."));
    else if (!errors.has(QStringLiteral("body")) &&
             segments.characters > SmsSegments::MaxBodyCharacters)
        errors.add(QStringLiteral("body"),
                   tr("The body has %1 characters; Twilio accepts at most %2.")
                       .arg(segments.characters)
                       .arg(SmsSegments::MaxBodyCharacters));
    const QDateTime sendAt = SendAt::read(json, m_clock(), errors);
    const QString agent = AgentField::read(json, errors);
    if (!errors.isEmpty())
        return reply(errors.response());

    OutboundDraft draft;
    draft.to = to.e164;
    draft.from = from.e164;
    draft.body = body;
    draft.segments = segments.segments;
    draft.mediaUrls = mediaUrls;
    draft.sendAt = sendAt;
    draft.messagingServiceSid = service;
    draft.agent = agent;
    draft.clientRef = QString::fromUtf8(request.header("Idempotency-Key")).left(200);

    draft.channel = SmsChannel::Id;
    draft.statusCallback = SmsRoutes::status();
    // The outbox lives on the network thread; its answer comes back to this (server) thread.
    QMetaObject::invokeMethod(m_outbox, [outbox = m_outbox, draft, me = Receiver(this), reply,
                                         encoding = segments.encodingName()] {
        outbox->send(draft, me, [reply, encoding](const SendOutcome &outcome) {
            QJsonObject extra{{QStringLiteral("encoding"), encoding}};
            if (!outcome.entry.mediaUrls.isEmpty())
                extra.insert(MediaUrlField::name(),
                             QJsonArray::fromStringList(outcome.entry.mediaUrls));
            reply(MessageApi::sendAnswer(outcome, extra));
        });
    });
}

} // namespace sb
