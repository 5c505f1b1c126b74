#include "ContentClient.h"

#include "TwilioV1Answer.h"
#include "common/Logging.h"
#include "http/RestRequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace sb {

namespace {

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
        result.error = TwilioV1Answer::readJson(r, &json);
        if (!result.ok())
            return listing->finish(result);
        const QJsonValue contents = json.value(QLatin1String("contents"));
        if (!contents.isArray())
            return listing->finish({{},
                                    TwilioV1Answer::protocolError(
                                        r.status, tr("the answer has no list of contents"))});
        for (const QJsonValue v : contents.toArray())
            listing->templates.append(ContentTemplate::fromJson(v.toObject()));

        TwilioV1Answer::NextPage next;
        if (!TwilioV1Answer::nextPage(json, m_base, listing->path, listing->pages, MaxPages,
                                      r.status, &next, &result.error))
            return listing->finish(result);
        if (next.path.isEmpty()) {
            result.value = listing->templates;
            return listing->finish(result);
        }
        requestPage(listing, next.path, next.query);
    });
}

void ContentClient::fetchTemplate(const QString &contentSid, Receiver receiver, TemplateDone done) {
    request(QStringLiteral("/v1/Content/%1")
                .arg(QString::fromLatin1(QUrl::toPercentEncoding(contentSid))))
        .get(receiver, [done](const RestResponse &r) {
            TwilioResult<ContentTemplate> result;
            QJsonObject json;
            result.error = TwilioV1Answer::readJson(r, &json);
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
            result.error = TwilioV1Answer::readJson(r, &json);
            if (result.ok())
                result.value = ContentApproval::fromJson(json);
            else
                logFailure(result.error);
            done(result);
        });
}

} // namespace sb
