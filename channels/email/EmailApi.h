#pragma once

#include "http/HttpServer.h"

#include <QObject>

namespace sb {

struct ChannelContext;
struct EmailSubmission;
class Outbox;
class Store;

// The local API's email routes, on the server thread:
// - POST send-email: the body checked field by field (EmailRequest), refused when a recipient
//   bounced or reported spam before, stored, then handed to the outbox; answered once the
//   outcome is committed: 202 with the email's id and status, 400 with every invalid field,
//   502 when SendGrid refused it (its reasons).
// - GET email-status/{id}: the email, its status and its event timeline.
class EmailApi : public QObject {
    Q_OBJECT
public:
    EmailApi(ChannelContext &context, QObject *parent = nullptr);

private:
    void send(const HttpRequest &request, const HttpServer::Reply &reply);
    void status(const QString &emailId, const HttpServer::Reply &reply);
    static HttpResponse response(const EmailSubmission &submission);

    Store *m_store;
    Outbox *m_outbox;
};

} // namespace sb
