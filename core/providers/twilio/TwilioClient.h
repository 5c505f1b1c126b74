#pragma once

#include "TwilioError.h"
#include "TwilioResources.h"
#include "common/Receiver.h"

#include <QObject>
#include <QStringList>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QJsonObject;

namespace sb {

class RestRequest;
struct RestResponse;

struct TwilioCredentials {
    QString accountSid;
    QString authToken; // secret: never logged
    QUrl apiBase{QStringLiteral("https://api.twilio.com")};
};

template <typename T> struct TwilioResult {
    T value{};
    TwilioError error;
    bool ok() const { return !error.isError(); }
};

struct SendMessageParams {
    QString to;
    QString from;
    QString body;
    QString contentSid;       // a Content template (HX...), sent instead of a body
    QString contentVariables; // its variables, a JSON object as text
    QString statusCallback;
    QStringList mediaUrls;
};

struct ListMessagesFilter {
    QString to;
    QString from;
    QDateTime dateSentOnOrAfter; // invalid: no date filter
    int pageSize = 50;
};

// Twilio's REST API 2010-04-01, fully asynchronous on an injected QNetworkAccessManager.
// Callbacks run on the receiver's thread; every failure arrives as a TwilioError.
class TwilioClient : public QObject {
    Q_OBJECT
public:
    TwilioClient(QNetworkAccessManager *nam, TwilioCredentials credentials,
                 QObject *parent = nullptr);

    void setCredentials(const TwilioCredentials &credentials);
    TwilioCredentials credentials() const { return m_credentials; }

    void createMessage(const SendMessageParams &params, Receiver receiver,
                       std::function<void(const TwilioResult<TwilioMessage> &)> done);
    void fetchMessage(const QString &sid, Receiver receiver,
                      std::function<void(const TwilioResult<TwilioMessage> &)> done);
    void listMessages(const ListMessagesFilter &filter, Receiver receiver,
                      std::function<void(const TwilioResult<TwilioMessagePage> &)> done);
    void fetchAccount(Receiver receiver,
                      std::function<void(const TwilioResult<TwilioAccount> &)> done);
    void fetchBalance(Receiver receiver,
                      std::function<void(const TwilioResult<TwilioBalance> &)> done);
    void listIncomingNumbers(
        Receiver receiver,
        std::function<void(const TwilioResult<QList<TwilioIncomingNumber>> &)> done);

private:
    RestRequest request(const QString &pathUnderAccount) const;
    template <typename T>
    static void deliver(const RestResponse &response,
                        const std::function<T(const QJsonObject &)> &parse,
                        const std::function<void(const TwilioResult<T> &)> &done);

    QNetworkAccessManager *m_nam;
    TwilioCredentials m_credentials;
};

} // namespace sb
