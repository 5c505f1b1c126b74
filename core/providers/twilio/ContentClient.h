#pragma once

#include "ContentTemplate.h"
#include "TwilioClient.h"
#include "common/Receiver.h"

#include <QList>
#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QJsonObject;
class QUrlQuery;

namespace sb {

struct RestResponse;

// Twilio's Content API v1 (WhatsApp templates and their approval), fully asynchronous on an
// injected QNetworkAccessManager, on its own base URL (TWILIO_CONTENT_BASE_URL, by default
// https://content.twilio.com). Callbacks run on the receiver's thread; every failure arrives
// as a TwilioError. Call it on the thread that owns the QNetworkAccessManager.
//
// Lists follow `meta.next_page_url` until it is null and deliver every page at once. Only the
// path and query of that URL are used, on the configured base: the credentials never go to a
// host the answer names.
class ContentClient : public QObject {
    Q_OBJECT
public:
    using Templates = QList<ContentTemplate>;
    using TemplatesDone = std::function<void(const TwilioResult<Templates> &)>;
    using ApprovalDone = std::function<void(const TwilioResult<ContentApproval> &)>;
    using TemplateDone = std::function<void(const TwilioResult<ContentTemplate> &)>;

    static constexpr int PageSize = 100; // Twilio's default is 50, its maximum 1000
    static constexpr int MaxPages = 50;  // a guard against an answer that pages forever

    // Only the account SID and auth token of `credentials` are used (its apiBase is the
    // Messaging API's); the Content API's base is `contentBase`.
    ContentClient(QNetworkAccessManager *nam, TwilioCredentials credentials, QUrl contentBase,
                  QObject *parent = nullptr);

    void setCredentials(const TwilioCredentials &credentials) { m_credentials = credentials; }
    void setBaseUrl(const QUrl &contentBase) { m_base = contentBase; }
    QUrl baseUrl() const { return m_base; }

    // GET /v1/Content: every template, without approvals (their approval status is Unknown).
    void listTemplates(Receiver receiver, TemplatesDone done);
    // GET /v1/ContentAndApprovals: every template with its WhatsApp approval, in one list:
    // what the template picker needs (one paged request rather than one per template).
    void listTemplatesWithApprovals(Receiver receiver, TemplatesDone done);
    // GET /v1/Content/{Sid}/ApprovalRequests: one template's WhatsApp approval, e.g. to refresh
    // a pending one.
    void fetchApproval(const QString &contentSid, Receiver receiver, ApprovalDone done);
    // GET /v1/Content/{Sid}: one template, without its approval (status Unknown); an unknown
    // SID is Twilio's 404 (code 20404).
    void fetchTemplate(const QString &contentSid, Receiver receiver, TemplateDone done);

private:
    struct Listing;
    void listAll(const QString &path, Receiver receiver, TemplatesDone done);
    void requestPage(const std::shared_ptr<Listing> &listing, const QString &path,
                     const QUrlQuery &query);
    RestRequest request(const QString &path) const;

    QNetworkAccessManager *m_nam;
    TwilioCredentials m_credentials;
    QUrl m_base;
};

} // namespace sb
