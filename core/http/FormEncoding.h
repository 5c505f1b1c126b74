#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace sb {

using FormFields = QList<QPair<QString, QString>>;

// application/x-www-form-urlencoded as browsers and Twilio write it: '+' for space, and every
// byte but the unreserved ones percent-encoded. (QUrlQuery leaves '+' alone, which a server
// then reads back as a space; that is why this exists.)
class FormEncoding {
public:
    static QByteArray encode(const FormFields &fields);
    // Returns false for a body that is not form-encoded (a bad %-escape or invalid UTF-8).
    static bool decode(const QByteArray &body, FormFields *fields);
    static QString value(const FormFields &fields, const QString &key);
};

} // namespace sb
