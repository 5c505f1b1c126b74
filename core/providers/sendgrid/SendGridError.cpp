#include "SendGridError.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sb {

namespace {

// "31.2 MB" for the limit message: SendGrid states its limit in MB.
QString megabytes(qint64 bytes) {
    return QString::number(double(bytes) / 1e6, 'f', 1) + QStringLiteral(" MB");
}

QString joinedErrors(const QList<SendGridError::FieldError> &errors) {
    QStringList parts;
    for (const SendGridError::FieldError &e : errors)
        parts.append(e.field.isEmpty() ? e.message : e.field + QStringLiteral(": ") + e.message);
    return parts.join(QStringLiteral("; "));
}

} // namespace

bool SendGridError::isAmbiguous() const {
    return kind == Kind::Network || kind == Kind::Protocol ||
           (kind == Kind::Http && httpStatus >= 500);
}

QString SendGridError::explanation() const {
    const QString details = joinedErrors(errors);
    auto withDetails = [&](const QString &sentence) {
        return details.isEmpty()
                   ? sentence
                   : sentence + QStringLiteral(" (SendGrid: ") + details + QStringLiteral(")");
    };
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Network:
        return SendGridError::tr("SendGrid could not be reached: %1").arg(message);
    case Kind::Protocol:
        return SendGridError::tr(
                   "SendGrid answered HTTP %1 with something Switchboard could not read: %2")
            .arg(httpStatus)
            .arg(message);
    case Kind::TooLarge:
        return SendGridError::tr(
                   "The email is %1 (%2 bytes) with its attachments base64-encoded; SendGrid "
                   "accepts at most %3 in all. Remove or shrink attachments.")
            .arg(megabytes(sizeBytes))
            .arg(sizeBytes)
            .arg(megabytes(limitBytes));
    case Kind::Http:
        break;
    }
    switch (httpStatus) {
    case 400:
        return details.isEmpty() ? SendGridError::tr("SendGrid refused the email as malformed.")
                                 : SendGridError::tr("SendGrid refused the email: %1").arg(details);
    case 401:
        return withDetails(
            SendGridError::tr("SendGrid rejected the API key: check SENDGRID_API_KEY (it may be "
                              "mistyped, revoked or deleted)."));
    case 403:
        return withDetails(SendGridError::tr(
            "SendGrid refused to send: the from address is not a verified sender identity, "
            "or the API key lacks the Mail Send permission. Verify the sender in SendGrid "
            "under Settings > Sender Authentication (a single sender or the whole domain), "
            "and check the key's permissions under Settings > API Keys."));
    case 404:
        return withDetails(
            SendGridError::tr("SendGrid has no such resource (e.g. the template id is wrong)."));
    case 413:
        return withDetails(
            SendGridError::tr("SendGrid refused the email as too large: at most 30 MB in all, "
                              "attachments counted after base64 encoding."));
    case 429:
        if (retryAt.isValid())
            return withDetails(
                SendGridError::tr("SendGrid is rate-limiting this API key; the email was not "
                                  "sent. Retry after %1 (UTC).")
                    .arg(retryAt.toUTC().toString(Qt::ISODate)));
        return withDetails(
            SendGridError::tr("SendGrid is rate-limiting this API key; the email was not sent. "
                              "Retry later."));
    default:
        break;
    }
    if (httpStatus >= 500)
        return withDetails(
            SendGridError::tr("SendGrid failed with HTTP %1; it may or may not have accepted the "
                              "email.")
                .arg(httpStatus));
    return withDetails(SendGridError::tr("SendGrid answered HTTP %1.").arg(httpStatus));
}

SendGridError SendGridError::fromHttp(int httpStatus, const QByteArray &body,
                                      const QHash<QByteArray, QByteArray> &headers,
                                      const QDateTime &now) {
    SendGridError e;
    e.kind = Kind::Http;
    e.httpStatus = httpStatus;
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    for (const QJsonValue v : doc.object().value(QLatin1String("errors")).toArray()) {
        const QJsonObject o = v.toObject();
        FieldError fe;
        fe.message = o.value(QLatin1String("message")).toString();
        // SendGrid writes a missing field as null, and its examples as the string "null".
        fe.field = o.value(QLatin1String("field")).toString();
        if (fe.field == QLatin1String("null"))
            fe.field.clear();
        if (!fe.message.isEmpty() || !fe.field.isEmpty())
            e.errors.append(fe);
    }
    if (httpStatus == 429) {
        // X-RateLimit-Reset is the Unix time the limit resets; Retry-After seconds from now.
        bool ok = false;
        const qint64 reset = headers.value("x-ratelimit-reset").trimmed().toLongLong(&ok);
        if (ok && reset > 0) {
            e.retryAt = QDateTime::fromSecsSinceEpoch(reset, Qt::UTC);
        } else {
            const qint64 after = headers.value("retry-after").trimmed().toLongLong(&ok);
            if (ok && after >= 0)
                e.retryAt = now.toUTC().addSecs(after);
        }
    }
    return e;
}

SendGridError SendGridError::network(const QString &what) {
    SendGridError e;
    e.kind = Kind::Network;
    e.message = what;
    return e;
}

SendGridError SendGridError::protocol(int httpStatus, const QString &what) {
    SendGridError e;
    e.kind = Kind::Protocol;
    e.httpStatus = httpStatus;
    e.message = what;
    return e;
}

SendGridError SendGridError::tooLarge(qint64 sizeBytes, qint64 limitBytes) {
    SendGridError e;
    e.kind = Kind::TooLarge;
    e.sizeBytes = sizeBytes;
    e.limitBytes = limitBytes;
    return e;
}

} // namespace sb
