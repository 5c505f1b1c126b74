#include "EmailSandbox.h"

#include "providers/sendgrid/SendGridClient.h"

#include "EmailLogging.h"
#include "EmailRequest.h"
#include "SandboxEmailTemplates.h"
#include "providers/sendgrid/DynamicTemplateRenderer.h"
#include "providers/sendgrid/EmailDraft.h"
#include "providers/sendgrid/SendGridEventValidator.h"
#include "sandbox/Sandbox.h"

#include <QJsonArray>

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <memory>

namespace sb {

namespace {

QJsonObject sendGridError(const QString &message, const QString &field, const QString &help) {
    return {{QStringLiteral("message"), message},
            {QStringLiteral("field"), field.isEmpty() ? QJsonValue() : QJsonValue(field)},
            {QStringLiteral("help"),
             QStringLiteral("http://sendgrid.com/docs/API_Reference/Web_API_v3/Mail/"
                            "errors.html#message.") +
                 help}};
}

HttpResponse sendGridErrors(int status, const QList<QJsonObject> &errors) {
    QJsonArray array;
    for (const QJsonObject &e : errors)
        array.append(e);
    return HttpResponse::json(status, {{QStringLiteral("errors"), array}});
}

QString randomId(int length) {
    QString id =
        QUuid::createUuid().toString(QUuid::Id128) + QUuid::createUuid().toString(QUuid::Id128);
    return id.left(length);
}

struct Recipient {
    QString address;
    QString emailId;    // the switchboard_id custom arg
    QStringList events; // what happens to it, in order
    QString dropReason; // the reason a dropped event gives
};

// What the sandbox made of accepted emails, by X-Message-Id, for GET /sandbox/emails/{id}:
// the newest MaxKept, so a long session does not grow without bound.
// And every accepted mail/send in order, in brief (its X-Message-Id, subject, recipients and
// switchboard_id), for GET /sandbox/emails: what a harness counts to tell an email sent twice.
struct SentEmails {
    static constexpr int MaxKept = 500;
    static constexpr int MaxListed = 50000;
    QHash<QString, QJsonObject> byId;
    QStringList order;
    QJsonArray listed;

    void keep(const QString &id, const QJsonObject &email, const QJsonObject &mail) {
        byId.insert(id, email);
        order.append(id);
        while (order.size() > MaxKept)
            byId.remove(order.takeFirst());
        QJsonArray to;
        QString emailId;
        QString subject = mail.value(QLatin1String("subject")).toString();
        for (const QJsonValue pv : mail.value(QLatin1String("personalizations")).toArray()) {
            const QJsonObject p = pv.toObject();
            for (const QJsonValue a : p.value(QLatin1String("to")).toArray())
                to.append(a.toObject().value(QLatin1String("email")));
            if (p.contains(QLatin1String("subject")))
                subject = p.value(QLatin1String("subject")).toString();
            if (emailId.isEmpty())
                emailId = p.value(QLatin1String("custom_args"))
                              .toObject()
                              .value(QLatin1String(EmailDraft::EmailIdArg))
                              .toString();
        }
        listed.append(QJsonObject{{QStringLiteral("message_id"), id},
                                  {QStringLiteral("subject"), subject},
                                  {QStringLiteral("to"), to},
                                  {QStringLiteral("switchboard_id"), emailId}});
        while (listed.size() > MaxListed)
            listed.removeFirst();
    }
};

// The email each personalization makes: the template's active version filled with its
// dynamic_template_data as SendGrid's Handlebars would, or the mail's own subject and content.
QJsonObject rendered(const QJsonObject &mail, const QString &messageId) {
    const QString templateId = mail.value(QLatin1String("template_id")).toString();
    const SandboxEmailTemplate *found = SandboxEmailTemplates::find(templateId);
    const SandboxEmailTemplateVersion *version = found ? found->activeVersion() : nullptr;
    QString text;
    QString html;
    for (const QJsonValue c : mail.value(QLatin1String("content")).toArray()) {
        const QString type = c.toObject().value(QLatin1String("type")).toString();
        const QString value = c.toObject().value(QLatin1String("value")).toString();
        if (type == QLatin1String("text/plain"))
            text = value;
        else if (type == QLatin1String("text/html"))
            html = value;
    }
    QJsonArray personalizations;
    for (const QJsonValue pv : mail.value(QLatin1String("personalizations")).toArray()) {
        const QJsonObject p = pv.toObject();
        QJsonObject out{{QStringLiteral("to"), p.value(QLatin1String("to"))}};
        QString subject = p.value(QLatin1String("subject")).toString();
        if (subject.isEmpty())
            subject = mail.value(QLatin1String("subject")).toString();
        if (version) {
            const QJsonObject data = p.value(QLatin1String("dynamic_template_data")).toObject();
            out.insert(QStringLiteral("subject"),
                       DynamicTemplateRenderer::render(version->subject, data));
            out.insert(QStringLiteral("html"),
                       DynamicTemplateRenderer::render(version->htmlContent, data));
            out.insert(QStringLiteral("text"),
                       DynamicTemplateRenderer::render(version->plainContent, data));
        } else {
            out.insert(QStringLiteral("subject"), subject);
            out.insert(QStringLiteral("html"), html);
            out.insert(QStringLiteral("text"), text);
        }
        personalizations.append(out);
    }
    return {{QStringLiteral("message_id"), messageId},
            {QStringLiteral("template_id"), templateId},
            {QStringLiteral("template_version_id"), version ? version->id : QString()},
            {QStringLiteral("personalizations"), personalizations}};
}

// SendGrid retries a batch the console did not take (no connection, a 5xx: e.g. the console
// was down or its store failed) for up to 24 hours; the sandbox, on a shorter scale, retries
// each such batch MaxBatchAttempts times, waiting twice as long each time (at most 5 s).
constexpr int MaxBatchAttempts = 40;

void postBatch(Sandbox *sandbox, const QString &url, const QJsonArray &events, int attempt = 1) {
    if (!sandbox->reachesConsole())
        return; // behind NAT, SendGrid's Event Webhook never arrives either
    const QByteArray body = QJsonDocument(events).toJson(QJsonDocument::Compact);
    const QByteArray timestamp = QByteArray::number(sandbox->now().toSecsSinceEpoch());
    QNetworkRequest request{QUrl(url)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("SendGrid Event API"));
    request.setRawHeader(SendGridEventValidator::TimestampHeader, timestamp);
    request.setRawHeader(SendGridEventValidator::SignatureHeader,
                         sandbox->sendgridSigner().sign(timestamp, body));
    request.setTransferTimeout(15000);
    QNetworkReply *reply = sandbox->network()->post(request, body);
    QObject::connect(
        reply, &QNetworkReply::finished, sandbox, [reply, sandbox, url, events, attempt] {
            reply->deleteLater();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status == 200)
                return;
            qCWarning(lcEmail) << "sandbox: the console answered an event batch with" << status;
            if ((status != 0 && status < 500) || attempt >= MaxBatchAttempts)
                return;
            const int wait =
                qMin(5000, qMax(100, sandbox->statusDelayMs()) * (1 << qMin(attempt - 1, 6)));
            QTimer::singleShot(wait, sandbox, [sandbox, url, events, attempt] {
                postBatch(sandbox, url, events, attempt + 1);
            });
        });
}

// Step `step` of every recipient's events, then the next one a delay later.
void walk(Sandbox *sandbox, QString url, QString messageId, QList<Recipient> recipients, int step) {
    QJsonArray batch;
    bool more = false;
    for (const Recipient &r : std::as_const(recipients)) {
        const QStringList &events = r.events;
        if (step >= events.size())
            continue;
        more = more || step + 1 < events.size();
        const QString event = events.at(step);
        QJsonObject e{
            {QStringLiteral("email"), r.address},
            {QStringLiteral("timestamp"), sandbox->now().toSecsSinceEpoch()},
            {QStringLiteral("event"), event},
            {QStringLiteral("sg_event_id"), randomId(22)},
            {QStringLiteral("sg_message_id"),
             messageId + QStringLiteral(".filter0001-sandbox-1-0")},
            {QStringLiteral("smtp-id"), QStringLiteral("<%1@sandbox.test>").arg(messageId)}};
        if (!r.emailId.isEmpty())
            e.insert(QLatin1String(EmailDraft::EmailIdArg), r.emailId);
        if (event == QLatin1String("bounce")) {
            e.insert(QStringLiteral("reason"),
                     QStringLiteral("550 5.1.1 The email account that you tried to reach does "
                                    "not exist."));
            e.insert(QStringLiteral("type"), QStringLiteral("bounce"));
            e.insert(QStringLiteral("status"), QStringLiteral("5.1.1"));
        } else if (event == QLatin1String("dropped")) {
            e.insert(QStringLiteral("reason"), r.dropReason);
        } else if (event == QLatin1String("delivered")) {
            e.insert(QStringLiteral("response"), QStringLiteral("250 OK"));
        }
        batch.append(e);
    }
    if (!batch.isEmpty())
        postBatch(sandbox, url, batch);
    if (more)
        QTimer::singleShot(sandbox->statusDelayMs(), sandbox,
                           [sandbox, url, messageId, recipients, step] {
                               walk(sandbox, url, messageId, recipients, step + 1);
                           });
}

} // namespace

QStringList EmailSandbox::eventsFor(const QString &address) {
    const QString a = address.toLower();
    if (a == QLatin1String(BounceAddress))
        return {QStringLiteral("processed"), QStringLiteral("bounce")};
    if (a == QLatin1String(DroppedAddress))
        return {QStringLiteral("dropped")};
    if (a == QLatin1String(SpamReportAddress))
        return {QStringLiteral("processed"), QStringLiteral("delivered"),
                QStringLiteral("spamreport")};
    return {QStringLiteral("processed"), QStringLiteral("delivered"), QStringLiteral("open")};
}

QList<QJsonObject> EmailSandbox::validate(const QJsonObject &mail) {
    QList<QJsonObject> errors;
    const QJsonArray personalizations = mail.value(QLatin1String("personalizations")).toArray();
    const bool hasTemplate = !mail.value(QLatin1String("template_id")).toString().isEmpty();
    if (personalizations.isEmpty())
        errors.append(sendGridError(
            QStringLiteral("The personalizations field is required and must have at least one "
                           "personalization."),
            QStringLiteral("personalizations"), QStringLiteral("personalizations")));
    for (int i = 0; i < personalizations.size(); ++i) {
        const QJsonObject p = personalizations.at(i).toObject();
        const QJsonArray to = p.value(QLatin1String("to")).toArray();
        if (to.isEmpty())
            errors.append(sendGridError(
                QStringLiteral("The to array is required for all personalization objects, and "
                               "must have at least one email object with a valid email address."),
                QStringLiteral("personalizations.%1.to").arg(i),
                QStringLiteral("personalizations.to")));
        for (const char *list : {"to", "cc", "bcc"}) {
            const QJsonArray addresses = p.value(QLatin1String(list)).toArray();
            for (int j = 0; j < addresses.size(); ++j) {
                if (!EmailRequest::isValidAddress(
                        addresses.at(j).toObject().value(QLatin1String("email")).toString()))
                    errors.append(sendGridError(
                        QStringLiteral("Does not contain a valid address."),
                        QStringLiteral("personalizations.%1.%2.%3.email")
                            .arg(i)
                            .arg(QLatin1String(list))
                            .arg(j),
                        QStringLiteral("personalizations.%1").arg(QLatin1String(list))));
            }
        }
    }
    const QString from =
        mail.value(QLatin1String("from")).toObject().value(QLatin1String("email")).toString();
    if (!EmailRequest::isValidAddress(from))
        errors.append(sendGridError(
            QStringLiteral("The from object must be provided for every email send. It is an "
                           "object that requires an email parameter, but may also contain a "
                           "name parameter."),
            QStringLiteral("from.email"), QStringLiteral("from")));
    if (!hasTemplate) {
        const bool subjectEverywhere =
            !mail.value(QLatin1String("subject")).toString().isEmpty() ||
            (!personalizations.isEmpty() &&
             std::all_of(personalizations.begin(), personalizations.end(), [](const QJsonValue &p) {
                 return !p.toObject().value(QLatin1String("subject")).toString().isEmpty();
             }));
        if (!subjectEverywhere)
            errors.append(sendGridError(
                QStringLiteral("The subject is required. You can get around this requirement if "
                               "you use a template with a subject defined or if every "
                               "personalization has a subject defined."),
                QStringLiteral("subject"), QStringLiteral("subject")));
        const QJsonArray content = mail.value(QLatin1String("content")).toArray();
        if (content.isEmpty())
            errors.append(sendGridError(
                QStringLiteral("Unless a valid template_id is provided, the content parameter "
                               "is required. There must be at least one defined content block. "
                               "We typically suggest both text/plain and text/html blocks are "
                               "included, but only one block is required."),
                QStringLiteral("content"), QStringLiteral("content")));
    }
    return errors;
}

void EmailSandbox::install(Sandbox &sandbox, const QString &eventsUrl,
                           std::function<void(const QJsonObject &mail)> accepted) {
    Sandbox *s = &sandbox;
    auto authenticate = [s](const HttpRequest &r) -> std::optional<HttpResponse> {
        if (r.header("Authorization") == "Bearer " + s->sendgridApiKey().toUtf8())
            return std::nullopt;
        return sendGridErrors(
            401, {sendGridError(QStringLiteral("The provided authorization grant is invalid, "
                                               "expired, or revoked"),
                                {}, QStringLiteral("authorization"))});
    };
    // SendGrid takes up to 30 MB; the client refuses more before asking, so a little over is
    // room enough (the server's 1 MiB would refuse an email with a modest attachment).
    sandbox.setMaxBodyBytes("POST", QStringLiteral("/v3/mail/send"),
                            SendGridClient::MaxMailSendBytes + 1024 * 1024);
    auto sent = std::make_shared<SentEmails>(); // the routes' own, on the sandbox's thread
    sandbox.addRoute(
        "POST", QStringLiteral("/v3/mail/send"),
        [s, eventsUrl, accepted, sent](const HttpRequest &request,
                                       std::function<void(const HttpResponse &)> reply) {
            QJsonParseError parseError;
            const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
            if (parseError.error != QJsonParseError::NoError || !document.isObject())
                return reply(sendGridErrors(400, {sendGridError(QStringLiteral("Bad Request"), {},
                                                                QStringLiteral("bad_request"))}));
            const QJsonObject mail = document.object();
            const QList<QJsonObject> errors = validate(mail);
            if (!errors.isEmpty())
                return reply(sendGridErrors(400, errors));
            const QString messageId = randomId(22);
            HttpResponse answer = HttpResponse::empty(202);
            answer.headers.append({"X-Message-Id", messageId.toLatin1()});
            reply(answer);
            sent->keep(messageId, rendered(mail, messageId), mail);
            if (accepted)
                accepted(mail);
            if (eventsUrl.isEmpty())
                return; // switchboard-sandbox on its own: no console to tell
            // SendGrid takes any template_id with 202 and only then finds it is not the
            // account's: every recipient is dropped (its Activity feed: "Invalid SMTPAPI
            // header").
            const QString templateId = mail.value(QLatin1String("template_id")).toString();
            const bool unknownTemplate =
                !templateId.isEmpty() && !SandboxEmailTemplates::find(templateId);
            QList<Recipient> recipients;
            for (const QJsonValue pv : mail.value(QLatin1String("personalizations")).toArray()) {
                const QJsonObject p = pv.toObject();
                const QString emailId = p.value(QLatin1String("custom_args"))
                                            .toObject()
                                            .value(QLatin1String(EmailDraft::EmailIdArg))
                                            .toString();
                for (const char *list : {"to", "cc", "bcc"}) {
                    for (const QJsonValue a : p.value(QLatin1String(list)).toArray()) {
                        const QString address =
                            a.toObject().value(QLatin1String("email")).toString();
                        if (unknownTemplate)
                            recipients.append({address,
                                               emailId,
                                               {QStringLiteral("dropped")},
                                               QString::fromLatin1(InvalidHeaderReason)});
                        else
                            recipients.append({address, emailId, eventsFor(address),
                                               QStringLiteral("Bounced Address")});
                    }
                }
            }
            QTimer::singleShot(s->statusDelayMs(), s, [s, eventsUrl, messageId, recipients] {
                walk(s, eventsUrl, messageId, recipients, 0);
            });
        },
        authenticate);
    SandboxEmailTemplates::serve(sandbox, authenticate);
    // What an accepted email became (a template filled in), for tests and curious agents:
    // behind the sandbox's Basic auth like its other /sandbox/ controls.
    // Every accepted email in brief, oldest first (the newest MaxListed).
    sandbox.addRoute("GET", QStringLiteral("/sandbox/emails"),
                     [sent](const HttpRequest &, std::function<void(const HttpResponse &)> reply) {
                         reply(HttpResponse::json(200, {{QStringLiteral("emails"), sent->listed}}));
                     });
    sandbox.addRoute("GET", QStringLiteral("/sandbox/emails/{id}"),
                     [sent](const HttpRequest &r, std::function<void(const HttpResponse &)> reply) {
                         const auto it = sent->byId.constFind(r.args.value(0));
                         reply(it == sent->byId.cend()
                                   ? HttpResponse::error(404, QStringLiteral("No such email."))
                                   : HttpResponse::json(200, it.value()));
                     });
}

} // namespace sb
