#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>

namespace sb {

// Everything a person needs to know about a failed SendGrid request. Never carries the API key.
struct SendGridError {
    Q_DECLARE_TR_FUNCTIONS(SendGridError)

public:
    enum class Kind {
        None,     // no error
        Network,  // no HTTP answer: refused, DNS, TLS, timeout
        Http,     // SendGrid answered with an error status
        Protocol, // SendGrid answered 2xx with something we could not read
        TooLarge, // refused here, before any request: over SendGrid's size limit
    };

    // One entry of SendGrid's "errors" array.
    struct FieldError {
        QString field; // empty when SendGrid names none
        QString message;
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    QList<FieldError> errors; // SendGrid's own, in its order
    QString message;          // the network error, or what could not be read
    QDateTime retryAt;        // 429: when SendGrid's rate limit resets (invalid: not said)
    qint64 sizeBytes = 0;     // TooLarge: the request body's size
    qint64 limitBytes = 0;    // TooLarge: the limit it broke

    bool isError() const { return kind != Kind::None; }
    // 429: SendGrid did not process the request; retrying cannot send twice.
    bool isRateLimited() const { return kind == Kind::Http && httpStatus == 429; }
    // SendGrid may or may not have accepted the email: reconcile before sending again.
    bool isAmbiguous() const;
    // One or more sentences in plain words, for the UI and the local API.
    QString explanation() const;

    // `headers` with lower-case names; `now` to turn a reset time into "in N s".
    static SendGridError fromHttp(int httpStatus, const QByteArray &body,
                                  const QHash<QByteArray, QByteArray> &headers,
                                  const QDateTime &now);
    static SendGridError network(const QString &what);
    static SendGridError protocol(int httpStatus, const QString &what);
    static SendGridError tooLarge(qint64 sizeBytes, qint64 limitBytes);
};

} // namespace sb

Q_DECLARE_METATYPE(sb::SendGridError)
