#include "TwilioClient.h"

#include "common/Logging.h"
#include "http/RestRequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sb {

TwilioClient::TwilioClient(QNetworkAccessManager *nam, TwilioCredentials credentials,
                           QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_credentials(std::move(credentials)) {}

void TwilioClient::setCredentials(const TwilioCredentials &credentials) {
    m_credentials = credentials;
}

RestRequest TwilioClient::request(const QString &pathUnderAccount) const {
    RestRequest r(m_nam, m_credentials.apiBase);
    r.path(QStringLiteral("/2010-04-01/Accounts/") + m_credentials.accountSid + pathUnderAccount)
        .basicAuth(m_credentials.accountSid, m_credentials.authToken);
    return r;
}

template <typename T>
void TwilioClient::deliver(const RestResponse &response,
                           const std::function<T(const QJsonObject &)> &parse,
                           const std::function<void(const TwilioResult<T> &)> &done) {
    TwilioResult<T> result;
    if (!response.answered()) {
        result.error = TwilioError::network(response.errorString);
    } else if (!response.ok()) {
        result.error = TwilioError::fromHttp(response.status, response.body);
    } else {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(response.body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
            result.error.kind = TwilioError::Kind::Protocol;
            result.error.httpStatus = response.status;
            result.error.message = parseError.errorString();
        } else {
            result.value = parse(doc.object());
        }
    }
    if (result.error.isError())
        qCInfo(lcTwilio) << "request failed: HTTP" << result.error.httpStatus << "code"
                         << result.error.code << result.error.message;
    done(result);
}

void TwilioClient::createMessage(const SendMessageParams &params, Receiver receiver,
                                 std::function<void(const TwilioResult<TwilioMessage> &)> done) {
    FormFields fields{{QStringLiteral("To"), params.to}, {QStringLiteral("From"), params.from}};
    if (!params.body.isEmpty())
        fields.append({QStringLiteral("Body"), params.body});
    if (!params.contentSid.isEmpty())
        fields.append({QStringLiteral("ContentSid"), params.contentSid});
    if (!params.contentVariables.isEmpty())
        fields.append({QStringLiteral("ContentVariables"), params.contentVariables});
    if (!params.statusCallback.isEmpty())
        fields.append({QStringLiteral("StatusCallback"), params.statusCallback});
    for (const QString &media : params.mediaUrls)
        fields.append({QStringLiteral("MediaUrl"), media});
    request(QStringLiteral("/Messages.json"))
        .form(fields)
        .post(receiver, [done](const RestResponse &r) {
            deliver<TwilioMessage>(r, &TwilioMessage::fromJson, done);
        });
}

void TwilioClient::fetchMessage(const QString &sid, Receiver receiver,
                                std::function<void(const TwilioResult<TwilioMessage> &)> done) {
    request(QStringLiteral("/Messages/") + sid + QStringLiteral(".json"))
        .get(receiver, [done](const RestResponse &r) {
            deliver<TwilioMessage>(r, &TwilioMessage::fromJson, done);
        });
}

void TwilioClient::listMessages(const ListMessagesFilter &filter, Receiver receiver,
                                std::function<void(const TwilioResult<TwilioMessagePage> &)> done) {
    QUrlQuery query;
    if (!filter.to.isEmpty())
        query.addQueryItem(QStringLiteral("To"), filter.to);
    if (!filter.from.isEmpty())
        query.addQueryItem(QStringLiteral("From"), filter.from);
    if (filter.dateSentOnOrAfter.isValid())
        query.addQueryItem(QStringLiteral("DateSent>"),
                           filter.dateSentOnOrAfter.toUTC().toString(Qt::ISODate));
    query.addQueryItem(QStringLiteral("PageSize"), QString::number(filter.pageSize));
    request(QStringLiteral("/Messages.json"))
        .query(query)
        .get(receiver, [done](const RestResponse &r) {
            deliver<TwilioMessagePage>(
                r,
                [](const QJsonObject &json) {
                    TwilioMessagePage page;
                    for (const QJsonValue v : json.value(QLatin1String("messages")).toArray())
                        page.messages.append(TwilioMessage::fromJson(v.toObject()));
                    page.nextPageUri = json.value(QLatin1String("next_page_uri")).toString();
                    return page;
                },
                done);
        });
}

void TwilioClient::fetchAccount(Receiver receiver,
                                std::function<void(const TwilioResult<TwilioAccount> &)> done) {
    request(QStringLiteral(".json")).get(receiver, [done](const RestResponse &r) {
        deliver<TwilioAccount>(r, &TwilioAccount::fromJson, done);
    });
}

void TwilioClient::fetchBalance(Receiver receiver,
                                std::function<void(const TwilioResult<TwilioBalance> &)> done) {
    request(QStringLiteral("/Balance.json")).get(receiver, [done](const RestResponse &r) {
        deliver<TwilioBalance>(r, &TwilioBalance::fromJson, done);
    });
}

void TwilioClient::listIncomingNumbers(
    Receiver receiver,
    std::function<void(const TwilioResult<QList<TwilioIncomingNumber>> &)> done) {
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("PageSize"), QStringLiteral("1000"));
    request(QStringLiteral("/IncomingPhoneNumbers.json"))
        .query(query)
        .get(receiver, [done](const RestResponse &r) {
            deliver<QList<TwilioIncomingNumber>>(
                r,
                [](const QJsonObject &json) {
                    QList<TwilioIncomingNumber> numbers;
                    const QJsonArray list =
                        json.value(QLatin1String("incoming_phone_numbers")).toArray();
                    for (const QJsonValue v : list)
                        numbers.append(TwilioIncomingNumber::fromJson(v.toObject()));
                    return numbers;
                },
                done);
        });
}

} // namespace sb
