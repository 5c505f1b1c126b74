#include "ContentClient.h"

#include "common/Logging.h"
#include "http/RestRequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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
    qCInfo(lcTwilio) << "Content API request failed: HTTP" << error.httpStatus << "code"
                     << error.code << error.message;
}

} // namespace

// One list being read, page after page, on the client's thread.
struct ContentClient::Listing {
    QString path;      // /v1/Content or /v1/ContentAndApprovals
    Receiver receiver; // where the whole list goes
    TemplatesDone done;
    Templates templates;
    int pages = 0;

    void finish(const TwilioResult<Templates> &result) const {
        if (!result.ok())
            logFailure(result.error);
        receiver.post([done = done, result] { done(result); });
    }
};

ContentClient::ContentClient(QNetworkAccessManager *nam, TwilioCredentials credentials,
                             QUrl contentBase, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_credentials(std::move(credentials))
    , m_base(std::move(contentBase)) {}

RestRequest ContentClient::request(const QString &path) const {
    RestRequest r(m_nam, m_base);
    r.path(path).basicAuth(m_credentials.accountSid, m_credentials.authToken);
    return r;
}

TwilioError ContentClient::readJson(const RestResponse &response, QJsonObject *json) {
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

void ContentClient::listTemplates(Receiver receiver, TemplatesDone done) {
    listAll(QStringLiteral("/v1/Content"), std::move(receiver), std::move(done));
}

void ContentClient::listTemplatesWithApprovals(Receiver receiver, TemplatesDone done) {
    listAll(QStringLiteral("/v1/ContentAndApprovals"), std::move(receiver), std::move(done));
}

void ContentClient::listAll(const QString &path, Receiver receiver, TemplatesDone done) {
    auto listing = std::make_shared<Listing>();
    listing->path = path;
    listing->receiver = std::move(receiver);
    listing->done = std::move(done);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("PageSize"), QString::number(PageSize));
    requestPage(listing, path, query);
}

void ContentClient::requestPage(const std::shared_ptr<Listing> &listing, const QString &path,
                                const QUrlQuery &query) {
    ++listing->pages;
    // Pages come back to this object's thread (where the network manager lives) to ask for
    // the next one; nothing comes back if this client is gone by then.
    const Receiver self(this);
    request(path).query(query).get(self, [this, listing](const RestResponse &r) {
        TwilioResult<Templates> result;
        QJsonObject json;
        result.error = readJson(r, &json);
        if (!result.ok())
            return listing->finish(result);
        const QJsonValue contents = json.value(QLatin1String("contents"));
        if (!contents.isArray())
            return listing->finish(
                {{}, protocolError(r.status, tr("the answer has no list of contents"))});
        for (const QJsonValue v : contents.toArray())
            listing->templates.append(ContentTemplate::fromJson(v.toObject()));

        const QString next = json.value(QLatin1String("meta"))
                                 .toObject()
                                 .value(QLatin1String("next_page_url"))
                                 .toString();
        if (next.isEmpty()) {
            result.value = listing->templates;
            return listing->finish(result);
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
            return listing->finish(
                {{}, protocolError(r.status, tr("the next page is not part of this list"))});
        if (listing->pages >= MaxPages)
            return listing->finish(
                {{},
                 protocolError(r.status, tr("the list did not end after %1 pages").arg(MaxPages))});
        requestPage(listing, nextPath, QUrlQuery(nextUrl));
    });
}

void ContentClient::fetchTemplate(const QString &contentSid, Receiver receiver, TemplateDone done) {
    request(QStringLiteral("/v1/Content/%1")
                .arg(QString::fromLatin1(QUrl::toPercentEncoding(contentSid))))
        .get(receiver, [done](const RestResponse &r) {
            TwilioResult<ContentTemplate> result;
            QJsonObject json;
            result.error = readJson(r, &json);
            if (result.ok())
                result.value = ContentTemplate::fromJson(json);
            else
                logFailure(result.error);
            done(result);
        });
}

void ContentClient::fetchApproval(const QString &contentSid, Receiver receiver, ApprovalDone done) {
    request(QStringLiteral("/v1/Content/%1/ApprovalRequests")
                .arg(QString::fromLatin1(QUrl::toPercentEncoding(contentSid))))
        .get(receiver, [done](const RestResponse &r) {
            TwilioResult<ContentApproval> result;
            QJsonObject json;
            result.error = readJson(r, &json);
            if (result.ok())
                result.value = ContentApproval::fromJson(json);
            else
                logFailure(result.error);
            done(result);
        });
}

} // namespace sb
