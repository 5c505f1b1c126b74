#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QMetaType>
#include <QString>

namespace sb {

// Everything a person needs to know about a failed Twilio request or delivery.
struct TwilioError {
    Q_DECLARE_TR_FUNCTIONS(TwilioError)

public:
    enum class Kind {
        None,     // no error
        Network,  // no HTTP answer: refused, DNS, TLS, timeout
        Http,     // Twilio answered with an error status
        Protocol, // Twilio answered 2xx with something we could not read
        Local,    // Switchboard itself could not do its part (e.g. the database)
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    int code = 0;             // Twilio's error code, 0 when none
    QString message;          // Twilio's own message (or the network error), never a secret
    QString moreInfo;         // Twilio's documentation link
    bool refusedHere = false; // refusedLocally(): Switchboard refused it, Twilio never saw it

    bool isError() const { return kind != Kind::None; }
    // Requests refused with 429 / 20429 were never processed: retrying cannot send twice.
    bool isRateLimited() const { return httpStatus == 429 || code == 20429; }
    // Twilio may or may not have acted: the outbox must reconcile before trying again.
    bool isAmbiguous() const;
    // One sentence in plain words, for the UI and the local API.
    QString explanation() const;

    static QString explain(int code, int httpStatus = 0);
    static QString docsLink(int code);
    static TwilioError fromHttp(int httpStatus, const QByteArray &body);
    static TwilioError network(const QString &what);
    static TwilioError local(const QString &what);
    // Refused by Switchboard before anything reached Twilio, for the reason Twilio would give
    // `code` (e.g. 21610 to a contact who replied STOP): answered 400 like Twilio's refusal,
    // explained by `why` (httpStatus stays 0: Twilio never answered).
    static TwilioError refusedLocally(int code, const QString &why);
    bool isRefusedLocally() const { return refusedHere; }
};

} // namespace sb

Q_DECLARE_METATYPE(sb::TwilioError)
