#pragma once

#include "WebhookLog.h"
#include "http/HttpServer.h"

#include <QJsonObject>
#include <QObject>

namespace sb {

class WebhookInspector;

// The webhook inspector's local API, under /api/v1/twilio/ behind the API token:
//   GET  webhooks?path=&result=&sid=&since=&until=&before=&limit=   newest first, keyset paging
//   GET  webhooks/{id}                  the whole record: body as text and base64, explanation
//   GET  webhooks/{id}/curl             the request as a curl command (text/plain)
//   GET  webhooks/{id}/diff/{other}     form fields added, removed, changed (same SID only)
//   POST webhooks/{id}/replay {"params"?: {...}, "shuffle"?: true}
// Lives on the server's thread.
class WebhookApi : public QObject {
    Q_OBJECT
public:
    WebhookApi(HttpServer *server, WebhookInspector *inspector, QObject *parent = nullptr);

    static QJsonObject summary(const WebhookRecord &record);
    static QJsonObject detail(const WebhookRecord &record);
    // A shell command that sends the same request to `publicBase` (the console's public URL).
    static QString curl(const WebhookRecord &record, const QString &publicBase);
    // {"added": {field: value}, "removed": {field: value}, "changed": {field: {from, to}}}
    static QJsonObject diff(const WebhookRecord &from, const WebhookRecord &to);

private:
    void list(const HttpRequest &request, HttpServer::Reply reply);
    // `explained`: a failed signature's explanation worked out (WebhookInspector::findExplained).
    void withRecord(const QString &id, HttpServer::Reply reply,
                    std::function<void(const WebhookRecord &)> then, bool explained = false);
    void replay(const HttpRequest &request, HttpServer::Reply reply);
    void shuffle(const WebhookRecord &record, HttpServer::Reply reply);

    WebhookInspector *m_inspector;
};

} // namespace sb
