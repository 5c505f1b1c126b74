#pragma once

#include "EmailSubmitter.h"
#include "http/HttpServer.h"

#include <QObject>

namespace sb {

struct ChannelContext;
struct EmailRecord;
class Outbox;
class Store;

// The local API's email routes, on the server thread:
// - POST send-email: the body checked field by field (EmailRequest), refused when a recipient
//   bounced or reported spam before, stored, then handed to the outbox; answered once the
//   outcome is committed: 202 with the email's id and status, 400 with every invalid field,
//   502 when SendGrid refused it (its reasons). `from` defaults to SENDGRID_FROM_EMAIL. An
//   Idempotency-Key header answers a retry with the email already submitted (200, header
//   Idempotent-Replayed: true) and the same key with another body 409. Past the day's quota
//   (SENDGRID_DAILY_LIMIT) 429 with the figures. Its body may be up to MaxSendBodyBytes; every
//   other route keeps the server's 1 MiB.
// - GET email-status/{id}: the email, its status and its event timeline.
// - GET email-usage: {"sentToday", "dailyLimit", "resetsAt"} for the current UTC day.
class EmailApi : public QObject {
    Q_OBJECT
public:
    // SendGrid's 30 MB (measured on its JSON, attachments in base64) plus room for the local
    // request's own JSON, which is about the same size: an email SendGrid would take always
    // reaches EmailRequest, whose field-level 400 names the figures for one it would not.
    static constexpr qint64 MaxSendBodyBytes = 32 * 1024 * 1024;

    EmailApi(ChannelContext &context, QObject *parent = nullptr);

    // The email as email-status shows it.
    static QJsonObject statusJson(const EmailRecord &record);

private:
    void send(const HttpRequest &request, const HttpServer::Reply &reply);
    void status(const QString &emailId, const HttpServer::Reply &reply);
    void usage(const HttpServer::Reply &reply);
    // GET emails?limit&before: the sent emails with their events, newest first (KeysetPage).
    void list(const HttpRequest &request, const HttpServer::Reply &reply);
    void replay(const QString &emailId, const HttpServer::Reply &reply);
    HttpResponse response(const EmailSubmission &submission) const;

    Store *m_store;
    EmailSubmitter m_submitter;
    EmailAddress m_defaultFrom;
    std::function<QDateTime()> m_clock;
};

} // namespace sb
