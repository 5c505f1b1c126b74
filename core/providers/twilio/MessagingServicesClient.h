#pragma once

#include "TwilioClient.h"
#include "TwilioResources.h"
#include "common/Receiver.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QUrlQuery;

namespace sb {

struct RestResponse;

// Twilio's Messaging API v1, read-only: the account's Messaging Services and the numbers in
// each one's sender pool. Fully asynchronous on an injected QNetworkAccessManager, on its own
// base URL (TWILIO_MESSAGING_BASE_URL, by default https://messaging.twilio.com). Callbacks run
// on the receiver's thread; every failure arrives as a TwilioError. Call it on the thread that
// owns the QNetworkAccessManager.
//
// Lists follow `meta.next_page_url` until it is null and deliver every page at once. Only the
// path and query of that URL are used, on the configured base: the credentials never go to a
// host the answer names.
class MessagingServicesClient : public QObject {
    Q_OBJECT
public:
    using Services = QList<TwilioMessagingService>;
    using Numbers = QList<TwilioServiceNumber>;
    using ServicesDone = std::function<void(const TwilioResult<Services> &)>;
    using NumbersDone = std::function<void(const TwilioResult<Numbers> &)>;

    static constexpr int PageSize = 50; // Twilio's default; its maximum is 1000
    static constexpr int MaxPages = 50; // a guard against an answer that pages forever

    // Only the account SID and auth token of `credentials` are used (its apiBase is the
    // 2010-04-01 API's); the Messaging API's base is `messagingBase`.
    MessagingServicesClient(QNetworkAccessManager *nam, TwilioCredentials credentials,
                            QUrl messagingBase, QObject *parent = nullptr);

    QUrl baseUrl() const { return m_base; }

    // GET /v1/Services: every service, without its numbers.
    void listServices(Receiver receiver, ServicesDone done);
    // GET /v1/Services/{Sid}/PhoneNumbers: the numbers in one service's sender pool.
    void listPhoneNumbers(const QString &serviceSid, Receiver receiver, NumbersDone done);
    // Every service with its numbers (one list, then one per service, one after another): what
    // the Account tab and GET messaging-services show. The first failure ends it.
    void listServicesWithNumbers(Receiver receiver, ServicesDone done);

private:
    struct Listing;
    using Objects = QList<QJsonObject>;
    using ObjectsDone = std::function<void(const TwilioResult<Objects> &)>;
    // Every page of a list (its items under `key`), answered on this client's thread.
    void listAll(const QString &path, const QString &key, ObjectsDone done);
    void requestPage(const std::shared_ptr<Listing> &listing, const QString &path,
                     const QUrlQuery &query);
    void fillNumbers(std::shared_ptr<Services> services, qsizetype next, Receiver receiver,
                     ServicesDone done);

    QNetworkAccessManager *m_nam;
    TwilioCredentials m_credentials;
    QUrl m_base;
};

} // namespace sb
