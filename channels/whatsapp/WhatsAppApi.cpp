#include "WhatsAppApi.h"

#include "WhatsAppChannel.h"
#include "WhatsAppRoutes.h"
#include "WhatsAppSender.h"
#include "api/AgentField.h"
#include "api/FieldErrors.h"
#include "api/JsonRequest.h"
#include "api/LocalApi.h"
#include "api/MediaUrlField.h"
#include "api/MessageApi.h"
#include "api/SendAt.h"
#include "media/MediaLimits.h"
#include "runtime/ChannelContext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sb {

namespace {

QJsonValue isoOrNull(const QDateTime &time) {
    return time.isValid() ? QJsonValue(MessageApi::iso(time)) : QJsonValue(QJsonValue::Null);
}

QJsonObject windowJson(const ServiceWindow::Reading &window) {
    QString state = QStringLiteral("never-opened");
    if (window.state == ServiceWindow::State::Open)
        state = QStringLiteral("open");
    else if (window.state == ServiceWindow::State::Closed)
        state = QStringLiteral("closed");
    return {{QStringLiteral("state"), state},
            {QStringLiteral("lastInbound"), isoOrNull(window.lastInbound)},
            {QStringLiteral("closesAt"), isoOrNull(window.closesAt)}};
}

} // namespace

WhatsAppApi::WhatsAppApi(ChannelContext &context, QObject *parent)
    : QObject(parent)
    , m_sender(new WhatsAppSender(context.store, context.outbox, context.content, context.clock,
                                  WhatsAppChannel::defaultSender(context.config), this))
    , m_clock(context.clock) {
    context.server.route("POST", LocalApi::path(WhatsAppRoutes::send()),
                         [this](const HttpRequest &r, HttpServer::Reply reply) { send(r, reply); });
}

void WhatsAppApi::send(const HttpRequest &request, const HttpServer::Reply &reply) {
    FieldErrors errors;
    const std::optional<QJsonObject> parsed = JsonRequest::object(request.body, errors);
    if (!parsed)
        return reply(errors.response());
    const QJsonObject &json = *parsed;
    // Wrong JSON types first; the sender then checks what the values say, and every problem
    // is reported in one answer.
    JsonRequest::expectStrings(json, {"to", "from", "body", "contentSid"}, errors);
    if (json.contains(QLatin1String("messagingServiceSid")))
        errors.add(QStringLiteral("messagingServiceSid"),
                   tr("WhatsApp messages go from one WhatsApp sender ('from'). Through a "
                      "Messaging Service Twilio would pick the sender, and the 24-hour window, "
                      "which belongs to each sender and customer, could not be checked before "
                      "sending; give 'from' instead."));
    WhatsAppSendRequest send;
    send.to = json.value(QLatin1String("to")).toString();
    send.from = json.value(QLatin1String("from")).toString();
    send.body = json.value(QLatin1String("body")).toString();
    send.contentSid = json.value(QLatin1String("contentSid")).toString();
    send.clientRef = QString::fromUtf8(request.header("Idempotency-Key")).left(200);
    send.mediaUrls = MediaUrlField::read(json, errors, MediaLimits::whatsApp().maxFiles());
    send.sendAt = SendAt::read(json, m_clock(), errors);
    send.agent = AgentField::read(json, errors);
    QString variablesError;
    const QJsonValue variables = json.value(QLatin1String("contentVariables"));
    if (variables.isObject()) {
        const QJsonObject object = variables.toObject();
        QStringList notText;
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.value().isString())
                send.contentVariables.insert(it.key(), it.value().toString());
            else if (it.value().isDouble())
                send.contentVariables.insert(it.key(), it.value().toVariant().toString());
            else
                notText.append(it.key());
        }
        if (!notText.isEmpty())
            variablesError = tr("Each variable's value must be a string; '%1' is not.")
                                 .arg(notText.join(QStringLiteral("', '")));
    } else if (!variables.isUndefined() && !variables.isNull()) {
        variablesError = tr("Must be a JSON object of placeholder -> value, e.g. "
                            "{\"1\": \"Anna\", \"2\": \"#4242\"}.");
    }

    const QList<QPair<QString, QString>> fieldErrors = m_sender->check(&send);
    if (!errors.isEmpty() || !variablesError.isEmpty() || !fieldErrors.isEmpty()) {
        if (!variablesError.isEmpty())
            errors.add(QStringLiteral("contentVariables"), variablesError);
        for (const auto &[field, reason] : fieldErrors) {
            if (!errors.has(field))
                errors.add(field, reason);
        }
        return reply(errors.response());
    }
    m_sender->send(send, this,
                   [reply](const WhatsAppSendResult &result) { reply(answer(result)); });
}

HttpResponse WhatsAppApi::answer(const WhatsAppSendResult &result) {
    switch (result.kind) {
    case WhatsAppSendResult::Kind::Invalid: {
        FieldErrors errors;
        for (const auto &[field, reason] : result.fieldErrors)
            errors.add(field, reason);
        return errors.response();
    }
    case WhatsAppSendResult::Kind::Refused:
        return HttpResponse::error(
            400, result.reason,
            {{QStringLiteral("code"), result.code},
             {QStringLiteral("moreInfo"), TwilioError::docsLink(result.code)},
             {QStringLiteral("field"), result.field},
             {QStringLiteral("window"), windowJson(result.window)},
             {QStringLiteral("sent"), false}});
    case WhatsAppSendResult::Kind::LookupFailed: {
        const TwilioError &error = result.lookupError;
        QJsonObject extra{{QStringLiteral("sent"), false}};
        if (error.code != 0)
            extra.insert(QStringLiteral("code"), error.code);
        return HttpResponse::error(LocalApi::httpStatusFor(error),
                                   tr("Nothing was sent: %1")
                                       .arg(error.kind == TwilioError::Kind::Local
                                                ? error.message
                                                : tr("the template could not be looked up on "
                                                     "Twilio's Content API (%1)")
                                                      .arg(error.explanation())),
                                   extra);
    }
    case WhatsAppSendResult::Kind::Handed:
        break;
    }
    const OutboxEntry &entry = result.outcome.entry;
    QJsonObject extra{{QStringLiteral("window"), windowJson(result.window)}};
    if (!entry.mediaUrls.isEmpty())
        extra.insert(MediaUrlField::name(), QJsonArray::fromStringList(entry.mediaUrls));
    if (!entry.contentSid.isEmpty()) {
        extra.insert(QStringLiteral("contentSid"), entry.contentSid);
        extra.insert(QStringLiteral("contentVariables"),
                     QJsonDocument::fromJson(entry.contentVariables.toUtf8()).object());
    }
    return MessageApi::sendAnswer(result.outcome, extra);
}

} // namespace sb
