#pragma once

#include "FormEncoding.h"

#include <QByteArray>
#include <QHash>
#include <QNetworkReply>
#include <QPointer>
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
// The callback runs on the context object's thread, and not at all if the context is gone.
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

    void get(QObject *context, Callback callback) { send("GET", context, std::move(callback)); }
    void post(QObject *context, Callback callback) { send("POST", context, std::move(callback)); }
    void send(const QByteArray &verb, QObject *context, Callback callback);

    QUrl url() const;

private:
    QNetworkAccessManager *m_nam;
    QUrl m_base;
    QString m_path;
    QUrlQuery m_query;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    QByteArray m_body;
    std::chrono::milliseconds m_timeout{30000};
};

} // namespace sb
