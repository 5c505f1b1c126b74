#include "MessagingServicesClient.h"

#include "common/Logging.h"
#include "http/RestRequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

namespace sb {

namespace {

TwilioError protocolError(int httpStatus, const QString &what) {
    TwilioError error;
    error.kind = TwilioError::Kind::Protocol;
    error.httpStatus = httpStatus;
    error.message = what;
    return error;
}

void logFailure(const TwilioError &error) {
    qCInfo(lcTwilio) << "Messaging API request failed: HTTP" << error.httpStatus << "code"
                     << error.code << error.message;
}

QString escaped(const QString &sid) {
    return QString::fromLatin1(QUrl::toPercentEncoding(sid));
}

} // namespace

// One list being read, page after page, on the client's thread.
struct MessagingServicesClient::Listing {
    QString path; // the list's own path: a next page must stay on it
    QString key;  // where the page's items are, e.g. "services"
    ObjectsDone done;
    Objects items;
    int pages = 0;
};

MessagingServicesClient::MessagingServicesClient(QNetworkAccessManager *nam,
                                                 TwilioCredentials credentials, QUrl messagingBase,
                                                 QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_credentials(std::move(credentials))
    , m_base(std::move(messagingBase)) {}

TwilioError MessagingServicesClient::readJson(const RestResponse &response, QJsonObject *json) {
    if (!response.answered())
        return TwilioError::network(response.errorString);
    if (!response.ok())
        return TwilioError::fromHttp(response.status, response.body);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(response.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return protocolError(response.status, parseError.error != QJsonParseError::NoError
                                                  ? parseError.errorString()
                                                  : tr("the answer is not a JSON object"));
    *json = doc.object();
    return {};
}

void MessagingServicesClient::listServices(Receiver receiver, ServicesDone done) {
    listAll(QStringLiteral("/v1/Services"), QStringLiteral("services"),
            [receiver, done](const TwilioResult<Objects> &found) {
                TwilioResult<Services> result;
                result.error = found.error;
                for (const QJsonObject &o : found.value)
                    result.value.append(TwilioMessagingService::fromJson(o));
                receiver.post([done, result] { done(result); });
            });
}

void MessagingServicesClient::listPhoneNumbers(const QString &serviceSid, Receiver receiver,
                                               NumbersDone done) {
    listAll(QStringLiteral("/v1/Services/%1/PhoneNumbers").arg(escaped(serviceSid)),
            QStringLiteral("phone_numbers"), [receiver, done](const TwilioResult<Objects> &found) {
                TwilioResult<Numbers> result;
                result.error = found.error;
                for (const QJsonObject &o : found.value)
                    result.value.append(TwilioServiceNumber::fromJson(o));
                receiver.post([done, result] { done(result); });
            });
}

void MessagingServicesClient::listServicesWithNumbers(Receiver receiver, ServicesDone done) {
    listServices(this, [this, receiver, done](const TwilioResult<Services> &services) {
        if (!services.ok())
            return receiver.post([done, services] { done(services); });
        fillNumbers(std::make_shared<Services>(services.value), 0, receiver, done);
    });
}

void MessagingServicesClient::fillNumbers(std::shared_ptr<Services> services, qsizetype next,
                                          Receiver receiver, ServicesDone done) {
    if (next >= services->size()) {
        TwilioResult<Services> result;
        result.value = *services;
        return receiver.post([done, result] { done(result); });
    }
    listPhoneNumbers((*services)[next].sid, this,
                     [this, services, next, receiver, done](const TwilioResult<Numbers> &numbers) {
                         if (!numbers.ok()) {
                             TwilioResult<Services> failed;
                             failed.error = numbers.error;
                             return receiver.post([done, failed] { done(failed); });
                         }
                         (*services)[next].numbers = numbers.value;
                         fillNumbers(services, next + 1, receiver, done);
                     });
}

void MessagingServicesClient::listAll(const QString &path, const QString &key, ObjectsDone done) {
    auto listing = std::make_shared<Listing>();
    listing->path = path;
    listing->key = key;
    listing->done = [done](const TwilioResult<Objects> &result) {
        if (!result.ok())
            logFailure(result.error);
        done(result);
    };
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("PageSize"), QString::number(PageSize));
    requestPage(listing, path, query);
}

void MessagingServicesClient::requestPage(const std::shared_ptr<Listing> &listing,
                                          const QString &path, const QUrlQuery &query) {
    ++listing->pages;
    RestRequest request(m_nam, m_base);
    request.path(path).basicAuth(m_credentials.accountSid, m_credentials.authToken);
    // Pages come back to this object's thread (where the network manager lives) to ask for
    // the next one; nothing comes back if this client is gone by then.
    request.query(query).get(this, [this, listing](const RestResponse &r) {
        TwilioResult<Objects> result;
        QJsonObject json;
        result.error = readJson(r, &json);
        if (!result.ok())
            return listing->done(result);
        const QJsonValue items = json.value(listing->key);
        if (!items.isArray())
            return listing->done(
                {{},
                 protocolError(r.status, tr("the answer has no list of %1").arg(listing->key))});
        for (const QJsonValue v : items.toArray())
            listing->items.append(v.toObject());

        const QString next = json.value(QLatin1String("meta"))
                                 .toObject()
                                 .value(QLatin1String("next_page_url"))
                                 .toString();
        if (next.isEmpty()) {
            result.value = listing->items;
            return listing->done(result);
        }
        // Follow the path and query only, on our own base, and only within the same list.
        const QUrl nextUrl(next);
        QString nextPath = nextUrl.path();
        QString basePath = m_base.path();
        if (basePath.endsWith(QLatin1Char('/')))
            basePath.chop(1);
        if (!basePath.isEmpty() && nextPath.startsWith(basePath + QLatin1Char('/')))
            nextPath = nextPath.mid(basePath.size());
        if (!nextUrl.isValid() || nextPath != listing->path)
            return listing->done(
                {{}, protocolError(r.status, tr("the next page is not part of this list"))});
        if (listing->pages >= MaxPages)
            return listing->done(
                {{},
                 protocolError(r.status, tr("the list did not end after %1 pages").arg(MaxPages))});
        requestPage(listing, nextPath, QUrlQuery(nextUrl));
    });
}

} // namespace sb
