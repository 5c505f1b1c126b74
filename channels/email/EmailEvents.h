#pragma once

#include "http/HttpServer.h"
#include "providers/sendgrid/SendGridEventValidator.h"

#include <QList>
#include <QObject>

#include <optional>

namespace sb {

struct ChannelContext;
struct EmailEvent;
class Store;

// SendGrid's Event Webhook at POST /sendgrid/events, on the server thread. The batch is checked
// with SendGridEventValidator over the raw bytes as received, by the route's filter (so the
// webhook inspector's replay, which skips filters, is not refused as stale): 403 saying why, and
// nothing stored, when the signature or its timestamp is wrong. Then it is read as SendGrid's
// JSON array and stored in one job (EmailStore::applyEvents: once per sg_event_id, statuses
// forward only, bounces and spam reports suppressing the address). 200 only after the commit;
// 500 when the store fails, so SendGrid sends the batch again.
class EmailEvents : public QObject {
    Q_OBJECT
public:
    EmailEvents(ChannelContext &context, QObject *parent = nullptr);

    // SendGrid's batch as events, each with its own JSON; nullopt when it is not an array of
    // objects.
    static std::optional<QList<EmailEvent>> parse(const QByteArray &body);

private:
    // The signature check, as the route's filter (nullopt: let it through).
    std::optional<HttpResponse> verify(const HttpRequest &request) const;
    void receive(const HttpRequest &request, const HttpServer::Reply &reply);

    Store *m_store;
    SendGridEventValidator m_validator;
};

} // namespace sb
