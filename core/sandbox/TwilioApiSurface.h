#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QList>
#include <QString>
#include <QStringList>

namespace sb {

// Which resources and methods Twilio's REST API 2010-04-01 has (as Twilio's OpenAPI
// description, twilio_api_v2010.json, lists them) and which of them the sandbox implements, so
// that everything else is refused the way Twilio refuses it and the official helpers raise
// their usual exception: a resource the sandbox lacks, or a method of Twilio's the sandbox
// lacks, is "not found" (404, 20404); a method Twilio itself does not have on an existing
// resource is "method not allowed" (405, 20004).
class TwilioApiSurface {
public:
    enum class Answer { Implemented, NotFound, MethodNotAllowed };

    // A pattern such as "/2010-04-01/Accounts/{sid}/Messages.json": "{...}" stands for the
    // non-empty rest of one segment.
    void implement(const QByteArray &method, const QString &pattern);
    Answer answer(const QByteArray &method, const QString &path) const;

    // Twilio's methods on the resource at a request path ("/2010-04-01/..."); empty when
    // Twilio has no such resource.
    static QByteArrayList twilioMethods(const QString &path);

private:
    struct Entry {
        QByteArray method;
        QStringList segments;
    };
    QList<Entry> m_implemented;
};

} // namespace sb
