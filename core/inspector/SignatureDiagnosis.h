#pragma once

#include "http/HttpMessage.h"
#include <QCoreApplication>

#include <QJsonObject>
#include <QList>
#include <QString>

namespace sb {

// Why a Twilio webhook's X-Twilio-Signature does (not) match, in plain words. Twilio signs the
// exact URL it was told to call; a console behind a proxy or a tunnel often checks another one
// (scheme, port, host, trailing slash, query). Diagnosis re-signs the request for every such
// variant with the auth token and says which one Twilio must have used, and so which setting
// to change; when none matches, the token (a subaccount's, a rotated one) or the body is at
// fault. The token is only used, never kept in the result.
class SignatureDiagnosis {
    Q_DECLARE_TR_FUNCTIONS(SignatureDiagnosis)
public:
    enum class Outcome {
        Valid,            // the URL as configured matches
        Unchecked,        // no auth token: signatures are not checked
        NoSignature,      // no X-Twilio-Signature header
        BodyNotForm,      // a form webhook whose body cannot be decoded
        OtherUrl,         // another URL variant matches: a setting is wrong
        BodyAltered,      // a JSON webhook whose URL matches but whose body is not bodySHA256's
        NoVariantMatches, // the token differs or the body was altered
        Unexplained,      // does not match; the variants were not tried (verdictOnly)
    };
    struct Variant {
        QString label; // e.g. "https instead of http; without the port"
        QString url;
        bool matches = false;
    };

    Outcome outcome = Outcome::Unchecked;
    QString checkedUrl;      // the URL this console checked (public URL + raw target)
    QList<Variant> variants; // every URL tried, the checked one first
    QString matchedUrl;      // the variant that matches, if any
    QString matchedLabel;
    QString suggestion;  // what to change, e.g. "Set SWITCHBOARD_PUBLIC_URL to https://x"
    QString explanation; // one paragraph for a person

    static SignatureDiagnosis diagnose(const QByteArray &authToken, const QString &publicBase,
                                       const HttpRequest &request);
    // Same, from the parts a stored webhook keeps.
    static SignatureDiagnosis diagnose(const QByteArray &authToken, const QString &publicBase,
                                       const QString &target, const HeaderList &headers,
                                       const QByteArray &body);

    // Only whether it matches, at the cost of one HMAC: what the inspector keeps at capture,
    // since a stranger can send any number of badly signed requests. Outcome Unexplained
    // stands for every failure diagnose() would tell apart (the checked URL is kept).
    static SignatureDiagnosis verdictOnly(const QByteArray &authToken, const QString &publicBase,
                                          const QString &target, const HeaderList &headers,
                                          const QByteArray &body);
    // What verdictOnly() says of a valid signature, for a request whose signature the webhook
    // guard has verified against `checkedUrl` already.
    static SignatureDiagnosis verified(const QString &checkedUrl);

    // "valid", "unchecked", "missing", "invalid".
    QString result() const;
    QJsonObject toJson() const;
    static QString outcomeName(Outcome outcome);

private:
    static SignatureDiagnosis diagnose(const QByteArray &authToken, const QString &publicBase,
                                       const QString &target, const HeaderList &headers,
                                       const QByteArray &body, bool explain);
};

} // namespace sb
