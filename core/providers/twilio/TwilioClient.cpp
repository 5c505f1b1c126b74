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
    FormFields fields{{QStringLiteral("To"), params.to}};
    // A Messaging Service replaces From (Twilio wants one or the other).
    if (!params.messagingServiceSid.isEmpty())
        fields.append({QStringLiteral("MessagingServiceSid"), params.messagingServiceSid});
    else
        fields.append({QStringLiteral("From"), params.from});
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

namespace {

TwilioMessagePage parseMessagePage(const QJsonObject &json) {
    TwilioMessagePage page;
    for (const QJsonValue v : json.value(QLatin1String("messages")).toArray())
        page.messages.append(TwilioMessage::fromJson(v.toObject()));
    page.nextPageUri = json.value(QLatin1String("next_page_uri")).toString();
    return page;
}

} // namespace

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
            deliver<TwilioMessagePage>(r, &parseMessagePage, done);
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

void TwilioClient::updateIncomingNumber(
    const QString &sid, const FormFields &settings, Receiver receiver,
    std::function<void(const TwilioResult<TwilioIncomingNumber> &)> done) {
    request(QStringLiteral("/IncomingPhoneNumbers/") + sid + QStringLiteral(".json"))
        .form(settings)
        .post(receiver, [done](const RestResponse &r) {
            deliver<TwilioIncomingNumber>(r, &TwilioIncomingNumber::fromJson, done);
        });
}

} // namespace sb

namespace sb {

namespace {

const QString TwilioDomainSuffix = QStringLiteral(".twilio.com");

bool isTwilioHost(const QString &host) {
    const QString h = host.toLower();
    return h == QLatin1String("api.twilio.com") || h.endsWith(TwilioDomainSuffix);
}

int portOf(const QUrl &url) {
    return url.port(url.scheme() == QLatin1String("https") ? 443 : 80);
}

template <typename T>
void failLater(Receiver receiver, std::function<void(const TwilioResult<T> &)> done,
               const QString &why) {
    TwilioResult<T> result;
    result.error.kind = TwilioError::Kind::Protocol;
    result.error.message = why;
    qCInfo(lcTwilio) << "request refused:" << why;
    receiver.post([done, result] { done(result); });
}

TwilioCallPage parseCallPage(const QJsonObject &json) {
    TwilioCallPage page;
    for (const QJsonValue v : json.value(QLatin1String("calls")).toArray())
        page.calls.append(TwilioCall::fromJson(v.toObject()));
    page.nextPageUri = json.value(QLatin1String("next_page_uri")).toString();
    return page;
}

TwilioRecordingPage parseRecordingPage(const QJsonObject &json) {
    TwilioRecordingPage page;
    for (const QJsonValue v : json.value(QLatin1String("recordings")).toArray())
        page.recordings.append(TwilioRecording::fromJson(v.toObject()));
    page.nextPageUri = json.value(QLatin1String("next_page_uri")).toString();
    return page;
}

} // namespace

bool TwilioClient::mayReceiveCredentials(const QUrl &url, const QUrl &apiBase) {
    if (!url.isValid() || url.isRelative() || !url.userInfo().isEmpty())
        return false;
    if (url.scheme() == QLatin1String("https") && isTwilioHost(url.host()))
        return true;
    return url.scheme() == apiBase.scheme() &&
           url.host().compare(apiBase.host(), Qt::CaseInsensitive) == 0 &&
           portOf(url) == portOf(apiBase);
}

QUrl TwilioClient::pageUrl(const QString &nextPageUri) const {
    const QUrl page(nextPageUri);
    const QString accountPath =
        QStringLiteral("/2010-04-01/Accounts/") + m_credentials.accountSid + QLatin1Char('/');
    // Twilio gives the path from the API root; an absolute URL must be the API base itself.
    if (!page.isValid() || !page.path().startsWith(accountPath) ||
        (!page.isRelative() && !(page.scheme() == m_credentials.apiBase.scheme() &&
                                 page.host() == m_credentials.apiBase.host() &&
                                 portOf(page) == portOf(m_credentials.apiBase))))
        return {};
    return page;
}

void TwilioClient::createCall(const CreateCallParams &params, Receiver receiver,
                              std::function<void(const TwilioResult<TwilioCall> &)> done) {
    FormFields fields{{QStringLiteral("To"), params.to}, {QStringLiteral("From"), params.from}};
    if (!params.url.isEmpty())
        fields.append({QStringLiteral("Url"), params.url});
    if (!params.twiml.isEmpty())
        fields.append({QStringLiteral("Twiml"), params.twiml});
    if (!params.method.isEmpty())
        fields.append({QStringLiteral("Method"), params.method});
    if (!params.statusCallback.isEmpty())
        fields.append({QStringLiteral("StatusCallback"), params.statusCallback});
    // Repeated, one event per field, as Twilio's helpers send list parameters.
    for (const QString &event : params.statusCallbackEvents)
        fields.append({QStringLiteral("StatusCallbackEvent"), event});
    if (!params.statusCallbackMethod.isEmpty())
        fields.append({QStringLiteral("StatusCallbackMethod"), params.statusCallbackMethod});
    if (params.record)
        fields.append({QStringLiteral("Record"), QStringLiteral("true")});
    if (!params.recordingStatusCallback.isEmpty())
        fields.append({QStringLiteral("RecordingStatusCallback"), params.recordingStatusCallback});
    for (const QString &event : params.recordingStatusCallbackEvents) // repeated, as above
        fields.append({QStringLiteral("RecordingStatusCallbackEvent"), event});
    if (!params.recordingStatusCallbackMethod.isEmpty())
        fields.append({QStringLiteral("RecordingStatusCallbackMethod"),
                       params.recordingStatusCallbackMethod});
    if (!params.machineDetection.isEmpty())
        fields.append({QStringLiteral("MachineDetection"), params.machineDetection});
    if (params.timeoutSeconds > 0)
        fields.append({QStringLiteral("Timeout"), QString::number(params.timeoutSeconds)});
    request(QStringLiteral("/Calls.json"))
        .form(fields)
        .post(receiver, [done](const RestResponse &r) {
            deliver<TwilioCall>(r, &TwilioCall::fromJson, done);
        });
}

void TwilioClient::fetchCall(const QString &sid, Receiver receiver,
                             std::function<void(const TwilioResult<TwilioCall> &)> done) {
    request(QStringLiteral("/Calls/") + sid + QStringLiteral(".json"))
        .get(receiver, [done](const RestResponse &r) {
            deliver<TwilioCall>(r, &TwilioCall::fromJson, done);
        });
}

void TwilioClient::listCalls(const ListCallsFilter &filter, Receiver receiver,
                             std::function<void(const TwilioResult<TwilioCallPage> &)> done) {
    QUrlQuery query;
    if (!filter.to.isEmpty())
        query.addQueryItem(QStringLiteral("To"), filter.to);
    if (!filter.from.isEmpty())
        query.addQueryItem(QStringLiteral("From"), filter.from);
    if (!filter.status.isEmpty())
        query.addQueryItem(QStringLiteral("Status"), filter.status);
    query.addQueryItem(QStringLiteral("PageSize"), QString::number(filter.pageSize));
    request(QStringLiteral("/Calls.json"))
        .query(query)
        .get(receiver,
             [done](const RestResponse &r) { deliver<TwilioCallPage>(r, &parseCallPage, done); });
}

void TwilioClient::fetchMessagesPage(
    const QString &nextPageUri, Receiver receiver,
    std::function<void(const TwilioResult<TwilioMessagePage> &)> done) {
    const QUrl page = pageUrl(nextPageUri);
    if (!page.isValid() || !page.path().endsWith(QLatin1String("/Messages.json")))
        return failLater(receiver, done, tr("not a page of this account's messages"));
    RestRequest(m_nam, m_credentials.apiBase)
        .path(page.path())
        .query(QUrlQuery(page))
        .basicAuth(m_credentials.accountSid, m_credentials.authToken)
        .get(receiver, [done](const RestResponse &r) {
            deliver<TwilioMessagePage>(r, &parseMessagePage, done);
        });
}

void TwilioClient::fetchCallsPage(const QString &nextPageUri, Receiver receiver,
                                  std::function<void(const TwilioResult<TwilioCallPage> &)> done) {
    const QUrl page = pageUrl(nextPageUri);
    if (!page.isValid() || !page.path().endsWith(QLatin1String("/Calls.json")))
        return failLater(receiver, done, tr("not a page of this account's calls"));
    RestRequest(m_nam, m_credentials.apiBase)
        .path(page.path())
        .query(QUrlQuery(page))
        .basicAuth(m_credentials.accountSid, m_credentials.authToken)
        .get(receiver,
             [done](const RestResponse &r) { deliver<TwilioCallPage>(r, &parseCallPage, done); });
}

void TwilioClient::updateCall(const QString &sid, const UpdateCallParams &params, Receiver receiver,
                              std::function<void(const TwilioResult<TwilioCall> &)> done) {
    FormFields fields;
    if (!params.status.isEmpty())
        fields.append({QStringLiteral("Status"), params.status});
    if (!params.url.isEmpty())
        fields.append({QStringLiteral("Url"), params.url});
    if (!params.method.isEmpty())
        fields.append({QStringLiteral("Method"), params.method});
    if (!params.twiml.isEmpty())
        fields.append({QStringLiteral("Twiml"), params.twiml});
    request(QStringLiteral("/Calls/") + sid + QStringLiteral(".json"))
        .form(fields)
        .post(receiver, [done](const RestResponse &r) {
            deliver<TwilioCall>(r, &TwilioCall::fromJson, done);
        });
}

void TwilioClient::listCallRecordings(
    const QString &callSid, Receiver receiver,
    std::function<void(const TwilioResult<TwilioRecordingPage> &)> done, int pageSize) {
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("PageSize"), QString::number(pageSize));
    request(QStringLiteral("/Calls/") + callSid + QStringLiteral("/Recordings.json"))
        .query(query)
        .get(receiver, [done](const RestResponse &r) {
            deliver<TwilioRecordingPage>(r, &parseRecordingPage, done);
        });
}

void TwilioClient::fetchRecordingsPage(
    const QString &nextPageUri, Receiver receiver,
    std::function<void(const TwilioResult<TwilioRecordingPage> &)> done) {
    const QUrl page = pageUrl(nextPageUri);
    if (!page.isValid() || !page.path().endsWith(QLatin1String("/Recordings.json")))
        return failLater(receiver, done, tr("not a page of this account's recordings"));
    RestRequest(m_nam, m_credentials.apiBase)
        .path(page.path())
        .query(QUrlQuery(page))
        .basicAuth(m_credentials.accountSid, m_credentials.authToken)
        .get(receiver, [done](const RestResponse &r) {
            deliver<TwilioRecordingPage>(r, &parseRecordingPage, done);
        });
}

void TwilioClient::fetchRecording(const QString &sid, Receiver receiver,
                                  std::function<void(const TwilioResult<TwilioRecording> &)> done) {
    request(QStringLiteral("/Recordings/") + sid + QStringLiteral(".json"))
        .get(receiver, [done](const RestResponse &r) {
            deliver<TwilioRecording>(r, &TwilioRecording::fromJson, done);
        });
}

void TwilioClient::deleteRecording(const QString &sid, Receiver receiver,
                                   std::function<void(const TwilioResult<bool> &)> done) {
    request(QStringLiteral("/Recordings/") + sid + QStringLiteral(".json"))
        .deleteResource(receiver, [done](const RestResponse &r) {
            TwilioResult<bool> result;
            if (!r.answered())
                result.error = TwilioError::network(r.errorString);
            else if (!r.ok())
                result.error = TwilioError::fromHttp(r.status, r.body);
            else
                result.value = true;
            if (result.error.isError())
                qCInfo(lcTwilio) << "delete failed: HTTP" << result.error.httpStatus << "code"
                                 << result.error.code;
            done(result);
        });
}

QUrl TwilioClient::recordingAudioUrl(const QString &sid, const QString &extension) const {
    return RestRequest(m_nam, m_credentials.apiBase)
        .path(QStringLiteral("/2010-04-01/Accounts/") + m_credentials.accountSid +
              QStringLiteral("/Recordings/") + sid + QLatin1Char('.') + extension)
        .url();
}

void TwilioClient::downloadRecording(
    const QUrl &mediaUrl, Receiver receiver,
    std::function<void(const TwilioResult<TwilioRecordingAudio> &)> done) {
    // A path from a recording's "uri" is relative to the API base.
    QUrl url = m_credentials.apiBase.resolved(mediaUrl);
    // Twilio itself names media URLs http://api.twilio.com/...: never send the token in clear.
    if (url.scheme() == QLatin1String("http") && isTwilioHost(url.host()))
        url.setScheme(QStringLiteral("https"));
    download(m_nam, m_credentials, url, 5, receiver, std::move(done));
}

void TwilioClient::download(QNetworkAccessManager *nam, TwilioCredentials credentials, QUrl url,
                            int redirectsLeft, Receiver receiver,
                            std::function<void(const TwilioResult<TwilioRecordingAudio> &)> done) {
    RestRequest r(nam, url);
    r.manualRedirects().header("Accept", "audio/*");
    if (mayReceiveCredentials(url, credentials.apiBase))
        r.basicAuth(credentials.accountSid, credentials.authToken);
    r.get(receiver, [nam, credentials, url, redirectsLeft, receiver,
                     done](const RestResponse &response) {
        const QByteArray location = response.headers.value("location");
        if (response.status >= 300 && response.status < 400 && !location.isEmpty()) {
            const QUrl next = url.resolved(QUrl::fromEncoded(location));
            if (redirectsLeft <= 0)
                return failLater(receiver, done, tr("too many redirects for a recording"));
            if (url.scheme() == QLatin1String("https") && next.scheme() != QLatin1String("https"))
                return failLater(receiver, done, tr("a recording redirected from https to http"));
            download(nam, credentials, next, redirectsLeft - 1, receiver, done);
            return;
        }
        TwilioResult<TwilioRecordingAudio> result;
        if (!response.answered())
            result.error = TwilioError::network(response.errorString);
        else if (!response.ok())
            result.error = TwilioError::fromHttp(response.status, response.body);
        else
            result.value = {response.body, response.headers.value("content-type")};
        if (result.error.isError())
            qCInfo(lcTwilio) << "recording download failed: HTTP" << result.error.httpStatus
                             << "from" << url.host();
        done(result);
    });
}

} // namespace sb
