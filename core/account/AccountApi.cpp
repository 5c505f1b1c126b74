#include "AccountApi.h"

#include "NumberWiring.h"
#include "TrialAccount.h"
#include "WiredNumbers.h"
#include "api/FieldErrors.h"
#include "api/JsonRequest.h"
#include "api/LocalApi.h"
#include "common/Logging.h"
#include "db/Store.h"
#include "providers/twilio/MessagingServicesClient.h"
#include "providers/twilio/TwilioClient.h"

#include <QJsonArray>
#include <QJsonObject>

namespace sb {

namespace {

// A webhook URL may carry Basic credentials (https://user:pass@host/…): never show those.
QJsonValue urlJson(const QString &url) {
    if (url.isEmpty())
        return QJsonValue::Null;
    return QUrl(url).toDisplayString(QUrl::RemovePassword);
}

HttpResponse wiringAnswer(const WiringOutcome &outcome, const QString &whatsappSender,
                          const std::optional<WiredNumber> &wiring) {
    if (!outcome.problem.isEmpty())
        return HttpResponse::error(outcome.httpStatus, outcome.problem);
    if (outcome.error.isError())
        return LocalApi::errorResponse(outcome.error);
    return HttpResponse::json(
        200, AccountApi::numberJson(outcome.number, wiring ? &*wiring : nullptr, whatsappSender));
}

} // namespace

AccountApi::AccountApi(HttpServer *server, AccountApiContext context, QObject *parent)
    : QObject(parent)
    , m_context(std::move(context)) {
    server->route("GET", LocalApi::path(QStringLiteral("account-info")),
                  [this](const HttpRequest &, HttpServer::Reply reply) { accountInfo(reply); });
    server->route("GET", LocalApi::path(QStringLiteral("phone-numbers")),
                  [this](const HttpRequest &, HttpServer::Reply reply) { phoneNumbers(reply); });
    server->route(
        "GET", LocalApi::path(QStringLiteral("messaging-services")),
        [this](const HttpRequest &, HttpServer::Reply reply) { messagingServices(reply); });
    server->route("POST", LocalApi::path(QStringLiteral("phone-numbers/{numberSid}/wire")),
                  [this](const HttpRequest &r, HttpServer::Reply reply) { wire(r, reply); });
    server->route("POST", LocalApi::path(QStringLiteral("phone-numbers/{numberSid}/restore")),
                  [this](const HttpRequest &r, HttpServer::Reply reply) { restore(r, reply); });
}

QJsonObject AccountApi::numberJson(const TwilioIncomingNumber &n, const WiredNumber *wiring,
                                   const QString &whatsappSender) {
    QString whatsapp = whatsappSender;
    whatsapp.remove(QStringLiteral("whatsapp:"));
    QJsonObject json{{QStringLiteral("sid"), n.sid},
                     {QStringLiteral("phoneNumber"), n.phoneNumber},
                     {QStringLiteral("friendlyName"), n.friendlyName},
                     {QStringLiteral("capabilities"),
                      QJsonObject{{QStringLiteral("voice"), n.voice},
                                  {QStringLiteral("sms"), n.sms},
                                  {QStringLiteral("mms"), n.mms},
                                  {QStringLiteral("whatsapp"),
                                   !whatsapp.isEmpty() && whatsapp == n.phoneNumber}}},
                     {QStringLiteral("smsUrl"), urlJson(n.smsUrl)},
                     {QStringLiteral("voiceUrl"), urlJson(n.voiceUrl)},
                     {QStringLiteral("statusCallback"), urlJson(n.statusCallback)},
                     {QStringLiteral("wiredToConsole"), wiring != nullptr}};
    if (wiring) {
        QJsonObject previous;
        for (auto it = wiring->previous.cbegin(); it != wiring->previous.cend(); ++it)
            previous.insert(it.key(), urlJson(it.value()));
        json.insert(QStringLiteral("onlyWhileRunning"), wiring->onlyWhileRunning);
        json.insert(QStringLiteral("previous"), previous);
    }
    return json;
}

QJsonObject AccountApi::serviceJson(const TwilioMessagingService &service,
                                    const QString &whatsappSender) {
    QString whatsapp = whatsappSender;
    whatsapp.remove(QStringLiteral("whatsapp:"));
    QJsonArray numbers;
    for (const TwilioServiceNumber &n : service.numbers) {
        const bool isWhatsApp =
            n.has(QStringLiteral("WhatsApp")) || (!whatsapp.isEmpty() && whatsapp == n.phoneNumber);
        numbers.append(
            QJsonObject{{QStringLiteral("sid"), n.sid},
                        {QStringLiteral("phoneNumber"), n.phoneNumber},
                        {QStringLiteral("capabilities"),
                         QJsonObject{{QStringLiteral("voice"), n.has(QStringLiteral("Voice"))},
                                     {QStringLiteral("sms"), n.has(QStringLiteral("SMS"))},
                                     {QStringLiteral("mms"), n.has(QStringLiteral("MMS"))},
                                     {QStringLiteral("whatsapp"), isWhatsApp}}}});
    }
    return {{QStringLiteral("sid"), service.sid},
            {QStringLiteral("friendlyName"), service.friendlyName},
            {QStringLiteral("inboundRequestUrl"), urlJson(service.inboundRequestUrl)},
            {QStringLiteral("statusCallback"), urlJson(service.statusCallback)},
            {QStringLiteral("useInboundWebhookOnNumber"), service.useInboundWebhookOnNumber},
            {QStringLiteral("phoneNumbers"), numbers}};
}

void AccountApi::messagingServices(HttpServer::Reply reply) {
    if (!m_context.messaging)
        return reply(HttpResponse::error(502, tr("The Messaging API is not available.")));
    Receiver me(this);
    QMetaObject::invokeMethod(m_context.messaging, [client = m_context.messaging, me, reply,
                                                    whatsapp = m_context.whatsappSender] {
        client->listServicesWithNumbers(
            me, [reply, whatsapp](const TwilioResult<MessagingServicesClient::Services> &found) {
                if (!found.ok())
                    return reply(LocalApi::errorResponse(found.error));
                QJsonArray list;
                for (const TwilioMessagingService &s : found.value)
                    list.append(serviceJson(s, whatsapp));
                reply(HttpResponse::json(200, {{QStringLiteral("messagingServices"), list}}));
            });
    });
}

void AccountApi::accountInfo(HttpServer::Reply reply) {
    Receiver me(this);
    QMetaObject::invokeMethod(m_context.twilio, [twilio = m_context.twilio, me, reply,
                                                 mode = m_context.mode] {
        twilio->fetchAccount(me, [twilio, me, reply,
                                  mode](const TwilioResult<TwilioAccount> &account) {
            if (!account.ok())
                return reply(LocalApi::errorResponse(account.error));
            QJsonObject json{{QStringLiteral("accountSid"), account.value.sid},
                             {QStringLiteral("friendlyName"), account.value.friendlyName},
                             {QStringLiteral("status"), account.value.status},
                             {QStringLiteral("type"), account.value.type},
                             {QStringLiteral("trial"), TrialAccount::isTrial(account.value.type)},
                             {QStringLiteral("trialLimits"),
                              QJsonArray::fromStringList(TrialAccount::limits(account.value.type))},
                             {QStringLiteral("mode"), mode}};
            QMetaObject::invokeMethod(twilio, [twilio, me, reply, json] {
                twilio->fetchBalance(me, [reply, json](const TwilioResult<TwilioBalance> &b) {
                    QJsonObject answer = json;
                    if (b.ok()) {
                        answer.insert(QStringLiteral("balance"), b.value.balance);
                        answer.insert(QStringLiteral("currency"), b.value.currency);
                    } else {
                        // The account is known; a balance Twilio would not give is said, not fatal.
                        answer.insert(QStringLiteral("balance"), QJsonValue::Null);
                        answer.insert(QStringLiteral("balanceError"), b.error.explanation());
                    }
                    reply(HttpResponse::json(200, answer));
                });
            });
        });
    });
}

void AccountApi::phoneNumbers(HttpServer::Reply reply) {
    Receiver me(this);
    m_context.store->run<QList<WiredNumber>>(
        me, [](StoreWorker &w, QString *error) { return WiredNumbers::all(w, error); },
        [this, me, reply](const StoreResult<QList<WiredNumber>> &wired) {
            if (!wired.ok()) {
                qCWarning(lcApi).noquote() << "store read failed:" << wired.error;
                return reply(HttpResponse::error(500, tr("The store could not be read.")));
            }
            QMetaObject::invokeMethod(m_context.twilio, [twilio = m_context.twilio, me, reply,
                                                         rows = wired.value,
                                                         whatsapp = m_context.whatsappSender] {
                twilio->listIncomingNumbers(
                    me, [reply, rows,
                         whatsapp](const TwilioResult<QList<TwilioIncomingNumber>> &numbers) {
                        if (!numbers.ok())
                            return reply(LocalApi::errorResponse(numbers.error));
                        QJsonArray list;
                        for (const TwilioIncomingNumber &n : numbers.value) {
                            const auto row =
                                std::find_if(rows.cbegin(), rows.cend(), [&](const WiredNumber &w) {
                                    return w.numberSid == n.sid;
                                });
                            list.append(
                                numberJson(n, row == rows.cend() ? nullptr : &*row, whatsapp));
                        }
                        reply(HttpResponse::json(200, {{QStringLiteral("phoneNumbers"), list}}));
                    });
            });
        });
}

void AccountApi::wire(const HttpRequest &request, HttpServer::Reply reply) {
    bool onlyWhileRunning = false;
    if (!request.body.trimmed().isEmpty()) {
        FieldErrors errors;
        const std::optional<QJsonObject> json = JsonRequest::object(request.body, errors);
        if (json && json->contains(QLatin1String("onlyWhileRunning")) &&
            !json->value(QLatin1String("onlyWhileRunning")).isBool())
            errors.add(QStringLiteral("onlyWhileRunning"),
                       tr("onlyWhileRunning must be true or false."));
        if (!errors.isEmpty())
            return reply(errors.response());
        onlyWhileRunning = json->value(QLatin1String("onlyWhileRunning")).toBool();
    }
    const QString sid = request.args.value(0);
    Receiver me(this);
    QMetaObject::invokeMethod(m_context.wiring, [wiring = m_context.wiring, store = m_context.store,
                                                 sid, base = m_context.publicBase(),
                                                 onlyWhileRunning, me, reply,
                                                 whatsapp = m_context.whatsappSender] {
        wiring->wire(
            sid, base, onlyWhileRunning, me,
            [store, sid, me, reply, whatsapp](const WiringOutcome &outcome) {
                if (!outcome.ok())
                    return reply(wiringAnswer(outcome, whatsapp, std::nullopt));
                // Answered with what was recorded, the previous values included.
                store->run<std::optional<WiredNumber>>(
                    me,
                    [sid](StoreWorker &w, QString *error) {
                        return WiredNumbers::find(w, sid, error);
                    },
                    [outcome, reply, whatsapp](const StoreResult<std::optional<WiredNumber>> &row) {
                        reply(wiringAnswer(outcome, whatsapp, row.ok() ? row.value : std::nullopt));
                    });
            });
    });
}

void AccountApi::restore(const HttpRequest &request, HttpServer::Reply reply) {
    const QString sid = request.args.value(0);
    Receiver me(this);
    QMetaObject::invokeMethod(m_context.wiring, [wiring = m_context.wiring, sid, me, reply,
                                                 whatsapp = m_context.whatsappSender] {
        wiring->restore(sid, me, [reply, whatsapp](const WiringOutcome &outcome) {
            reply(wiringAnswer(outcome, whatsapp, std::nullopt));
        });
    });
}

} // namespace sb
