#include "RestRequest.h"

#include "common/Version.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkRequest>

#include <memory>

namespace sb {

RestRequest::RestRequest(QNetworkAccessManager *nam, const QUrl &base)
    : m_nam(nam)
    , m_base(base) {}

RestRequest &RestRequest::path(const QString &path) {
    m_path = path;
    return *this;
}

RestRequest &RestRequest::query(const QUrlQuery &query) {
    m_query = query;
    return *this;
}

RestRequest &RestRequest::basicAuth(const QString &user, const QString &password) {
    return header("Authorization",
                  "Basic " + (user + QLatin1Char(':') + password).toUtf8().toBase64());
}

RestRequest &RestRequest::bearer(const QString &token) {
    return header("Authorization", "Bearer " + token.toUtf8());
}

RestRequest &RestRequest::header(const QByteArray &name, const QByteArray &value) {
    m_headers.append({name, value});
    return *this;
}

RestRequest &RestRequest::timeout(std::chrono::milliseconds timeout) {
    m_timeout = timeout;
    return *this;
}

RestRequest &RestRequest::form(const FormFields &fields) {
    m_body = FormEncoding::encode(fields);
    return header("Content-Type", "application/x-www-form-urlencoded");
}

RestRequest &RestRequest::json(const QJsonDocument &document) {
    m_body = document.toJson(QJsonDocument::Compact);
    return header("Content-Type", "application/json");
}

RestRequest &RestRequest::manualRedirects() {
    m_manualRedirects = true;
    return *this;
}

QUrl RestRequest::url() const {
    // A full URL given as the base (a media URL, a signed redirect target) is used untouched.
    if (m_path.isEmpty() && m_query.isEmpty())
        return m_base;
    QUrl url = m_base;
    QString basePath = url.path();
    if (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + m_path);
    if (!m_query.isEmpty()) {
        // Encode every key and value ourselves: QUrlQuery leaves '+' (and '>' in Twilio's
        // "DateSent>") alone, and a server reads a bare '+' back as a space.
        QByteArray query;
        for (const auto &[k, v] : m_query.queryItems(QUrl::FullyDecoded)) {
            if (!query.isEmpty())
                query.append('&');
            query.append(QUrl::toPercentEncoding(k)).append('=').append(QUrl::toPercentEncoding(v));
        }
        url.setQuery(QString::fromLatin1(query));
    }
    return url;
}

bool RestRequest::sameOrigin(const QUrl &a, const QUrl &b) {
    const auto defaultPort = [](const QUrl &u) {
        return u.port(u.scheme() == QLatin1String("https") ? 443 : 80);
    };
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 &&
           defaultPort(a) == defaultPort(b);
}

void RestRequest::send(const QByteArray &verb, Receiver receiver, Callback callback) {
    QNetworkRequest request(url());
    request.setTransferTimeout(int(m_timeout.count()));
    // Qt 6.4 keeps every raw header, Authorization included, when it follows a redirect to
    // another host, so redirects are vetted here: followed only to the same origin.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         m_manualRedirects ? QNetworkRequest::ManualRedirectPolicy
                                           : QNetworkRequest::UserVerifiedRedirectPolicy);
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("switchboard/") + Version);
    request.setRawHeader("Accept", "application/json");
    for (const auto &[name, value] : m_headers)
        request.setRawHeader(name, value);

    QNetworkReply *reply =
        verb == "GET" ? m_nam->get(request) : m_nam->sendCustomRequest(request, verb, m_body);
    const QUrl origin = request.url();
    auto refusedHost = std::make_shared<QString>();
    QObject::connect(reply, &QNetworkReply::redirected, reply,
                     [reply, origin, refusedHost](const QUrl &target) {
                         if (sameOrigin(origin, target)) {
                             Q_EMIT reply->redirectAllowed();
                             return;
                         }
                         *refusedHost = target.host();
                         reply->abort();
                     });
    // Read the reply on its own thread, then hand a plain value to the receiver's thread: the
    // reply is deleted right after, and the receiver may live on another thread (the GUI).
    QObject::connect(
        reply, &QNetworkReply::finished, reply, [reply, receiver, callback, refusedHost] {
            RestResponse response;
            response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            response.body = reply->readAll();
            response.error = reply->error();
            if (!refusedHost->isEmpty()) {
                response.status = 0;
                response.body.clear();
                response.error = QNetworkReply::InsecureRedirectError;
                response.errorString =
                    QStringLiteral("the server redirected to another host (%1); not followed, so "
                                   "credentials go only where they were configured")
                        .arg(*refusedHost);
            } else if (!response.answered()) {
                response.errorString = reply->errorString();
            }
            for (const auto &[name, value] : reply->rawHeaderPairs())
                response.headers.insert(name.toLower(), value);
            reply->deleteLater();
            receiver.post([callback, response] { callback(response); });
        });
}

} // namespace sb
