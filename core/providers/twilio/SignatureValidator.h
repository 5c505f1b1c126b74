#pragma once

#include "http/FormEncoding.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace sb {

// X-Twilio-Signature: base64(HMAC-SHA1(auth token, URL + sorted key/value pairs)).
// For JSON bodies Twilio puts bodySHA256 (hex SHA-256 of the raw body) in the URL, signs the
// URL alone, and the hash is checked separately. Like Twilio's own validator, a URL is
// accepted with and without its port (":443" is often added or dropped by proxies).
class SignatureValidator {
public:
    explicit SignatureValidator(QByteArray authToken = {});

    bool isEnabled() const { return !m_authToken.isEmpty(); }

    // Why a request is or is not Twilio's, so the answer can say what is actually wrong.
    enum class Verdict {
        Valid,
        NoSignature,      // no X-Twilio-Signature header
        BodyNotForm,      // a form webhook whose body cannot be decoded: nothing to check
        BodyHashMismatch, // a JSON webhook whose body is not the one bodySHA256 names
        Mismatch,         // the signature is not this request's (URL, token, or parameters)
    };
    Verdict check(const QString &url, const QByteArray &body, const FormFields *form,
                  const QByteArray &signature) const;

    // `url` is the full URL Twilio requested (configured public URL + raw path and query).
    bool validate(const QString &url, const QByteArray &body, const QByteArray &signature) const;
    // Same, for a body already decoded (nullptr: it was not form-encoded).
    bool validate(const QString &url, const QByteArray &body, const FormFields *form,
                  const QByteArray &signature) const;
    bool validateForm(const QString &url, const FormFields &params,
                      const QByteArray &signature) const;
    bool validateJson(const QString &url, const QByteArray &body,
                      const QByteArray &signature) const;

    static QByteArray sign(const QByteArray &authToken, const QString &url,
                           const FormFields &params);
    // The URL variants Twilio may have signed: as given, with the default port, without port.
    static QStringList urlVariants(const QString &url);

private:
    bool matchesAnyVariant(const QString &url, const FormFields &params,
                           const QByteArray &signature) const;

    QByteArray m_authToken;
};

} // namespace sb
