#include "SandboxKeypadApi.h"

#include "VoiceRoutes.h"
#include "api/FieldErrors.h"
#include "api/JsonRequest.h"
#include "api/LocalApi.h"
#include "http/RestRequest.h"
#include "runtime/ChannelContext.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>

namespace sb {

SandboxKeypadApi::SandboxKeypadApi(ChannelContext &context, QObject *parent)
    : QObject(parent)
    , m_sandbox(context.config.sandbox)
    // In sandbox mode the service points Twilio's API base at the sandbox before routes are
    // added, and the account is the sandbox's.
    , m_sandboxUrl(context.config.sandbox ? context.config.twilioApiBase : QUrl())
    , m_accountSid(context.config.accountSid)
    , m_authToken(context.config.sandbox ? context.config.authToken : QString()) {
    context.server.route("POST", LocalApi::path(VoiceRoutes::digitsOf()),
                         [this](const HttpRequest &r, HttpServer::Reply reply) {
                             press(r.args.value(0), r, reply);
                         });
}

QString SandboxKeypadApi::problemWith(const QString &digits) {
    if (digits.isEmpty())
        return tr("Give the keys to press, e.g. \"12#\".");
    if (digits.size() > MaxKeys)
        return tr("At most %1 keys at a time (%2 given).").arg(MaxKeys).arg(digits.size());
    for (const QChar key : digits) {
        const bool valid = (key >= QLatin1Char('0') && key <= QLatin1Char('9')) ||
                           key == QLatin1Char('*') || key == QLatin1Char('#') ||
                           key == QLatin1Char('w');
        if (!valid)
            return tr("'%1' is not a key: use 0-9, * and #, and w to wait half a second.").arg(key);
    }
    return {};
}

void SandboxKeypadApi::press(const QString &callSid, const HttpRequest &request,
                             const HttpServer::Reply &reply) {
    if (!m_sandbox)
        return reply(HttpResponse::error(
            409, tr("The keypad presses keys on the sandbox's simulated calls only, and this "
                    "console is in live mode: on a real call the caller presses their own "
                    "keys.")));
    FieldErrors errors;
    const std::optional<QJsonObject> parsed = JsonRequest::object(request.body, errors);
    if (!parsed)
        return reply(errors.response());
    JsonRequest::expectStrings(*parsed, {"digits"}, errors);
    const QString digits = parsed->value(QLatin1String("digits")).toString();
    if (!errors.has(QStringLiteral("digits"))) {
        const QString problem = problemWith(digits);
        if (!problem.isEmpty())
            errors.add(QStringLiteral("digits"), problem);
    }
    if (!errors.isEmpty())
        return reply(errors.response());
    if (!m_nam)
        m_nam = new QNetworkAccessManager(this);
    RestRequest(m_nam, m_sandboxUrl)
        .path(QStringLiteral("/sandbox/calls/%1/digits")
                  .arg(QString::fromLatin1(QUrl::toPercentEncoding(callSid))))
        .basicAuth(m_accountSid, m_authToken)
        .form({{QStringLiteral("Digits"), digits}})
        .post(this, [reply, callSid, digits](const RestResponse &r) {
            if (!r.answered())
                return reply(HttpResponse::error(
                    502, tr("The sandbox did not answer: %1").arg(r.errorString)));
            const QJsonObject answer = QJsonDocument::fromJson(r.body).object();
            if (r.ok())
                return reply(HttpResponse::json(
                    200, {{QStringLiteral("callSid"), callSid},
                          {QStringLiteral("pressed"), digits},
                          {QStringLiteral("queued"), answer.value(QLatin1String("queued"))},
                          {QStringLiteral("status"), answer.value(QLatin1String("status"))}}));
            // The sandbox's own words (Twilio's error shape): unknown call, or one that ended.
            const QString why = answer.value(QLatin1String("message")).toString();
            if (r.status == 404)
                return reply(HttpResponse::error(
                    404, tr("No call %1 in the sandbox: only calls placed or received since "
                            "the console started can be pressed on.")
                             .arg(callSid)));
            if (r.status == 409 || r.status == 400)
                return reply(HttpResponse::error(r.status, why));
            reply(HttpResponse::error(
                502, tr("The sandbox answered HTTP %1: %2").arg(r.status).arg(why)));
        });
}

} // namespace sb
