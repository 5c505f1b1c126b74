#include "SignatureValidator.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QUrlQuery>

#include <algorithm>

namespace sb {

namespace {

bool constantTimeEquals(const QByteArray &a, const QByteArray &b) {
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

QString queryValue(const QString &url, const QString &key) {
    const qsizetype q = url.indexOf(QLatin1Char('?'));
    if (q < 0)
        return {};
    QString query = url.mid(q + 1);
    const qsizetype hash = query.indexOf(QLatin1Char('#'));
    if (hash >= 0)
        query.truncate(hash);
    return QUrlQuery(query).queryItemValue(key, QUrl::FullyDecoded);
}

} // namespace

SignatureValidator::SignatureValidator(QByteArray authToken)
    : m_authToken(std::move(authToken)) {}

QByteArray SignatureValidator::sign(const QByteArray &authToken, const QString &url,
                                    const FormFields &params) {
    FormFields sorted = params;
    // Keys sorted; several values of one key (MediaUrl) sorted too, as Twilio's helpers do.
    std::sort(sorted.begin(), sorted.end());
    QByteArray data = url.toUtf8();
    for (const auto &[key, value] : sorted) {
        data.append(key.toUtf8());
        data.append(value.toUtf8());
    }
    return QMessageAuthenticationCode::hash(data, authToken, QCryptographicHash::Sha1).toBase64();
}

QStringList SignatureValidator::urlVariants(const QString &url) {
    QStringList variants{url};
    const qsizetype schemeEnd = url.indexOf(QLatin1String("://"));
    if (schemeEnd < 0)
        return variants;
    const QString scheme = url.left(schemeEnd).toLower();
    const qsizetype hostStart = schemeEnd + 3;
    qsizetype authorityEnd = url.size();
    for (const QChar stop : {QLatin1Char('/'), QLatin1Char('?'), QLatin1Char('#')}) {
        const qsizetype at = url.indexOf(stop, hostStart);
        if (at >= 0)
            authorityEnd = std::min(authorityEnd, at);
    }
    const QString authority = url.mid(hostStart, authorityEnd - hostStart);
    const qsizetype colon = authority.lastIndexOf(QLatin1Char(':'));
    const bool hasPort = colon >= 0 && !authority.mid(colon).contains(QLatin1Char(']'));
    const QString host = hasPort ? authority.left(colon) : authority;
    const QString defaultPort =
        scheme == QLatin1String("https") ? QStringLiteral("443") : QStringLiteral("80");
    const QString rest = url.mid(authorityEnd);
    const QString prefix = url.left(hostStart);
    if (hasPort)
        variants.append(prefix + host + rest);
    else
        variants.append(prefix + host + QLatin1Char(':') + defaultPort + rest);
    return variants;
}

bool SignatureValidator::matchesAnyVariant(const QString &url, const FormFields &params,
                                           const QByteArray &signature) const {
    if (!isEnabled() || signature.isEmpty())
        return false;
    // The comparison is constant-time; which URL variant matched is no secret.
    for (const QString &candidate : urlVariants(url)) {
        if (constantTimeEquals(sign(m_authToken, candidate, params), signature))
            return true;
    }
    return false;
}

bool SignatureValidator::validateForm(const QString &url, const FormFields &params,
                                      const QByteArray &signature) const {
    return matchesAnyVariant(url, params, signature);
}

bool SignatureValidator::validateJson(const QString &url, const QByteArray &body,
                                      const QByteArray &signature) const {
    const QString expectedHash = queryValue(url, QStringLiteral("bodySHA256"));
    if (expectedHash.isEmpty())
        return false;
    const QByteArray actualHash =
        QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex();
    const bool bodyMatches = constantTimeEquals(actualHash, expectedHash.toLatin1().toLower());
    const bool urlMatches = matchesAnyVariant(url, {}, signature);
    return bodyMatches && urlMatches;
}

SignatureValidator::Verdict SignatureValidator::check(const QString &url, const QByteArray &body,
                                                      const FormFields *form,
                                                      const QByteArray &signature) const {
    if (signature.isEmpty())
        return Verdict::NoSignature;
    if (url.contains(QLatin1String("bodySHA256="))) {
        const QByteArray expected =
            queryValue(url, QStringLiteral("bodySHA256")).toLatin1().toLower();
        const QByteArray actual =
            QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex();
        if (!matchesAnyVariant(url, {}, signature))
            return Verdict::Mismatch;
        return constantTimeEquals(actual, expected) ? Verdict::Valid : Verdict::BodyHashMismatch;
    }
    if (!form)
        return Verdict::BodyNotForm;
    return matchesAnyVariant(url, *form, signature) ? Verdict::Valid : Verdict::Mismatch;
}

bool SignatureValidator::validate(const QString &url, const QByteArray &body,
                                  const QByteArray &signature) const {
    FormFields params;
    const bool isForm = FormEncoding::decode(body, &params);
    return validate(url, body, isForm ? &params : nullptr, signature);
}

bool SignatureValidator::validate(const QString &url, const QByteArray &body,
                                  const FormFields *form, const QByteArray &signature) const {
    if (url.contains(QLatin1String("bodySHA256=")))
        return validateJson(url, body, signature);
    return form && validateForm(url, *form, signature);
}

} // namespace sb
