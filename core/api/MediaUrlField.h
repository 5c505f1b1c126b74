#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

namespace sb {

class FieldErrors;

// The local API's `mediaUrl` field on send-sms and send-whatsapp, as Twilio's MediaUrl: a JSON
// array of absolute http(s) URLs, or one URL as a string. Problems go to `errors` under
// "mediaUrl", all of them at once.
class MediaUrlField {
    Q_DECLARE_TR_FUNCTIONS(MediaUrlField)
public:
    static QStringList read(const QJsonObject &json, FieldErrors &errors, int maxUrls);
    static QString name() { return QStringLiteral("mediaUrl"); }
};

} // namespace sb
