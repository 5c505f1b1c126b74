#pragma once

#include "FormEncoding.h"
#include "common/Receiver.h"

#include <QByteArray>
#include <QHash>
#include <QNetworkReply>
#include <QUrl>
#include <QUrlQuery>

#include <chrono>
#include <functional>

class QNetworkAccessManager;
class QJsonDocument;

namespace sb {

struct RestResponse {
    int status = 0; // 0: no HTTP answer (see error / errorString)
    QByteArray body;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;
    QHash<QByteArray, QByteArray> headers; // lower-case names

    bool answered() const { return status != 0; }
    bool ok() const { return status >= 200 && status < 300; }
};

// A fluent builder for one asynchronous REST call:
//   RestRequest(nam, base).path("/x").basicAuth(u, p).form(fields).post(this, callback);
// The callback runs on the receiver's thread, and not at all if the receiver is gone by then.
class RestRequest {
public:
    using Callback = std::function<void(const RestResponse &)>;

    RestRequest(QNetworkAccessManager *nam, const QUrl &base);

    RestRequest &path(const QString &path);
    RestRequest &query(const QUrlQuery &query);
    RestRequest &basicAuth(const QString &user, const QString &password);
    RestRequest &bearer(const QString &token);
    RestRequest &header(const QByteArray &name, const QByteArray &value);
    RestRequest &timeout(std::chrono::milliseconds timeout);
    RestRequest &form(const FormFields &fields);
    RestRequest &json(const QJsonDocument &document);
    // Hands 3xx answers to the callback instead of following them, for a caller that must
    // decide per hop what the next request carries (credentials).
    RestRequest &manualRedirects();

    // Same scheme, host and port (default ports filled in): where a redirect may be followed.
    static bool sameOrigin(const QUrl &a, const QUrl &b);

    void get(Receiver receiver, Callback callback) { send("GET", receiver, std::move(callback)); }
    void post(Receiver receiver, Callback callback) { send("POST", receiver, std::move(callback)); }
    void deleteResource(Receiver receiver, Callback callback) {
        send("DELETE", receiver, std::move(callback));
    }
    void send(const QByteArray &verb, Receiver receiver, Callback callback);

    QUrl url() const;

private:
    QNetworkAccessManager *m_nam;
    QUrl m_base;
    QString m_path;
    QUrlQuery m_query;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    QByteArray m_body;
    std::chrono::milliseconds m_timeout{30000};
    bool m_manualRedirects = false;
};

} // namespace sb
