#pragma once

#include <QCoreApplication>
#include <QString>

namespace sb {

// A tel: or sms: link (RFC 3966, RFC 5724) as the desktop hands it to its handler: which
// channel's compose it opens, for which number, with which text.
struct ContactLink {
    Q_DECLARE_TR_FUNCTIONS(ContactLink)

public:
    QString channel; // "voice" for tel:, "sms" for sms:
    QString number;  // as written, visual separators removed: "+14155550100"
    QString body;    // sms: ?body=…, decoded
    QString error;   // why the link cannot be used (empty: it can)

    bool isValid() const { return error.isEmpty(); }
    // Whether `argument` is a link at all (tel:, sms:, smsto:), valid or not.
    static bool isLink(const QString &argument);
    static ContactLink parse(const QString &link);
};

} // namespace sb
