#include "SendGridClient.h"

#include "common/Logging.h"
#include "http/RestRequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sb {

SendGridClient::SendGridClient(QNetworkAccessManager *nam, SendGridCredentials credentials,
                               QObject *parent)
    : QObject(parent)
    , m_nam(nam) {
    setCredentials(credentials);
}

void SendGridClient::setCredentials(const SendGridCredentials &credentials) {
    m_credentials = credentials;
    // Known to the process's redactor before any request can be logged.
    addLogSecret(m_credentials.apiKey);
}

RestRequest SendGridClient::request(QNetworkAccessManager *nam,
                                    const SendGridCredentials &credentials, const QString &path) {
    RestRequest r(nam, credentials.apiBase);
    r.path(path).bearer(credentials.apiKey).timeout(credentials.timeout);
    return r;
}

template <typename T>
void SendGridClient::deliver(const RestResponse &response, const Clock &clock,
                             const std::function<T(const QJsonObject &)> &parse,
                             const std::function<void(const SendGridResult<T> &)> &done) {
    SendGridResult<T> result;
    if (!response.answered()) {
        result.error = SendGridError::network(response.errorString);
    } else if (!response.ok()) {
        result.error =
            SendGridError::fromHttp(response.status, response.body, response.headers, clock());
    } else {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(response.body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject())
            result.error = SendGridError::protocol(response.status, parseError.errorString());
        else
            result.value = parse(doc.object());
    }
    if (result.error.isError())
        qCInfo(lcSendGrid).noquote() << "request failed:" << result.error.explanation();
    done(result);
}

void SendGridClient::sendMail(
    const EmailDraft &draft, Receiver receiver,
    std::function<void(const SendGridResult<SendGridSendReceipt> &)> done) {
    const QJsonDocument body(draft.toMailSendJson());
    const qint64 size = body.toJson(QJsonDocument::Compact).size();
    if (size > MaxMailSendBytes) {
        SendGridResult<SendGridSendReceipt> result;
        result.error = SendGridError::tooLarge(size, MaxMailSendBytes);
        qCInfo(lcSendGrid).noquote() << "not sent:" << result.error.explanation();
        // Asynchronous like every other answer, so callers have one code path.
        receiver.post([done, result] { done(result); });
        return;
    }
    const Clock clock = m_clock;
    request(m_nam, m_credentials, QStringLiteral("/v3/mail/send"))
        .json(body)
        .post(receiver, [clock, done](const RestResponse &r) {
            SendGridResult<SendGridSendReceipt> result;
            if (!r.answered()) {
                result.error = SendGridError::network(r.errorString);
            } else if (!r.ok()) {
                result.error = SendGridError::fromHttp(r.status, r.body, r.headers, clock());
            } else {
                // 202 with an empty body: the id is all SendGrid says.
                result.value.messageId = QString::fromLatin1(r.headers.value("x-message-id"));
                if (result.value.messageId.isEmpty())
                    qCWarning(lcSendGrid)
                        << "mail/send answered" << r.status << "without X-Message-Id";
            }
            if (result.error.isError())
                qCInfo(lcSendGrid).noquote() << "mail/send failed:" << result.error.explanation();
            done(result);
        });
}

void SendGridClient::listDynamicTemplates(
    Receiver receiver, std::function<void(const SendGridResult<QList<SendGridTemplate>> &)> done) {
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("generations"), QStringLiteral("dynamic"));
    query.addQueryItem(QStringLiteral("page_size"), QString::number(TemplatePageSize));
    const Clock clock = m_clock;
    request(m_nam, m_credentials, QStringLiteral("/v3/templates"))
        .query(query)
        .get(receiver, [clock, done](const RestResponse &r) {
            deliver<QList<SendGridTemplate>>(
                r, clock,
                [](const QJsonObject &json) {
                    QList<SendGridTemplate> templates;
                    for (const QJsonValue v : json.value(QLatin1String("result")).toArray())
                        templates.append(SendGridTemplate::fromJson(v.toObject()));
                    return templates;
                },
                done);
        });
}

void SendGridClient::fetchTemplate(
    const QString &templateId, Receiver receiver,
    std::function<void(const SendGridResult<SendGridTemplate> &)> done) {
    const Clock clock = m_clock;
    QNetworkAccessManager *nam = m_nam;
    const SendGridCredentials credentials = m_credentials;
    request(nam, credentials, QStringLiteral("/v3/templates/") + templateId)
        .get(receiver, [clock, done, nam, credentials, receiver](const RestResponse &r) {
            SendGridResult<SendGridTemplate> result;
            deliver<SendGridTemplate>(
                r, clock, &SendGridTemplate::fromJson,
                [&result](const SendGridResult<SendGridTemplate> &got) { result = got; });
            const auto &active = result.value.activeVersion;
            if (!result.ok() || !active || !active->htmlContent.isEmpty() ||
                !active->plainContent.isEmpty()) {
                done(result);
                return;
            }
            // A lean listing: fetch the active version for its content.
            request(nam, credentials,
                    QStringLiteral("/v3/templates/%1/versions/%2").arg(result.value.id, active->id))
                .get(receiver, [clock, done, result](const RestResponse &vr) {
                    deliver<SendGridTemplateVersion>(
                        vr, clock, &SendGridTemplateVersion::fromJson,
                        [done, result](const SendGridResult<SendGridTemplateVersion> &version) {
                            SendGridResult<SendGridTemplate> merged = result;
                            if (version.ok())
                                merged.value.activeVersion = version.value;
                            else
                                merged.error = version.error;
                            done(merged);
                        });
                });
        });
}

void SendGridClient::fetchTemplateVersion(
    const QString &templateId, const QString &versionId, Receiver receiver,
    std::function<void(const SendGridResult<SendGridTemplateVersion> &)> done) {
    const Clock clock = m_clock;
    request(m_nam, m_credentials,
            QStringLiteral("/v3/templates/%1/versions/%2").arg(templateId, versionId))
        .get(receiver, [clock, done](const RestResponse &r) {
            deliver<SendGridTemplateVersion>(r, clock, &SendGridTemplateVersion::fromJson, done);
        });
}

} // namespace sb
