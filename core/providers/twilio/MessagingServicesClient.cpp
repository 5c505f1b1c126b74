#include "MessagingServicesClient.h"

#include "TwilioV1Answer.h"
#include "common/Logging.h"
#include "http/RestRequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

namespace sb {

namespace {

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
        result.error = TwilioV1Answer::readJson(r, &json);
        if (!result.ok())
            return listing->done(result);
        const QJsonValue items = json.value(listing->key);
        if (!items.isArray())
            return listing->done(
                {{},
                 TwilioV1Answer::protocolError(
                     r.status, tr("the answer has no list of %1").arg(listing->key))});
        for (const QJsonValue v : items.toArray())
            listing->items.append(v.toObject());

        TwilioV1Answer::NextPage next;
        if (!TwilioV1Answer::nextPage(json, m_base, listing->path, listing->pages, MaxPages,
                                      r.status, &next, &result.error))
            return listing->done(result);
        if (next.path.isEmpty()) {
            result.value = listing->items;
            return listing->done(result);
        }
        requestPage(listing, next.path, next.query);
    });
}

} // namespace sb
