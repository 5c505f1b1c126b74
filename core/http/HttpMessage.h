#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include "FormEncoding.h"

#include <optional>

namespace sb {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

struct HttpRequest {
    QByteArray method; // "GET", "POST", ...
    QString path;      // decoded path, e.g. /twilio/sms-status
    // Path and query exactly as sent on the wire (latin-1 of the raw bytes, never re-encoded:
    // QUrl would turn %7e into ~), for signature checks. An absolute-form target
    // (http://host/p?q) is cut to its path and query.
    QString target;
    QUrlQuery query;
    HeaderList headers;
    QByteArray body;
    QStringList args; // values captured by {placeholders} in the route pattern
    QHostAddress peer;
    // The URL a signature filter verified this request against (empty: none did), so that
    // whoever records the request later need not compute the same HMAC again.
    mutable QString signatureVerifiedFor;

    QByteArray header(const QByteArray &name) const; // case-insensitive
    // The body as application/x-www-form-urlencoded, decoded once however often it is asked
    // for (the signature check and the route both need it); nullptr when it is malformed.
    const FormFields *form() const;

private:
    mutable std::optional<std::optional<FormFields>> m_form;
};

struct HttpResponse {
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    HeaderList headers;

    static HttpResponse json(int status, const QJsonObject &object);
    static HttpResponse xml(int status, const QByteArray &document);
    static HttpResponse empty(int status);
    // The local API's one error shape: {"error": {"status", "message", ...extra}}.
    static HttpResponse error(int status, const QString &message, const QJsonObject &extra = {});

    // The bytes on the wire: status line, headers, Content-Length, body.
    QByteArray serialize() const;
    static QByteArray reasonPhrase(int status); // 413 -> "Payload Too Large"
};

} // namespace sb
