#include "SendGridEventValidator.h"

#include <QCoreApplication>
#include <QDateTime>

#include <openssl/ec.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

namespace sb {

namespace {

// Strict: a header or key with stray characters is refused rather than half-decoded.
bool decodeBase64(const QByteArray &text, QByteArray *out) {
    const auto result =
        QByteArray::fromBase64Encoding(text.trimmed(), QByteArray::AbortOnBase64DecodingErrors);
    if (!result || result.decoded.isEmpty())
        return false;
    *out = result.decoded;
    return true;
}

std::shared_ptr<EVP_PKEY> parseKey(const QByteArray &publicKeyBase64) {
    QByteArray der;
    if (!decodeBase64(publicKeyBase64, &der))
        return {};
    const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
    EVP_PKEY *key = d2i_PUBKEY(nullptr, &p, long(der.size()));
    if (!key)
        return {};
    std::shared_ptr<EVP_PKEY> owned(key, &EVP_PKEY_free);
    // Trailing bytes, another algorithm or another curve: not the key SendGrid gives.
    char group[64] = {};
    size_t groupLength = 0;
    if (p != reinterpret_cast<const unsigned char *>(der.constData()) + der.size() ||
        !EVP_PKEY_is_a(key, "EC") ||
        EVP_PKEY_get_group_name(key, group, sizeof group, &groupLength) != 1 ||
        qstrcmp(group, "prime256v1") != 0)
        return {};
    return owned;
}

// Whether `der` is exactly one DER ECDSA signature (r, s), nothing before or after.
bool isDerSignature(const QByteArray &der) {
    const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
    ECDSA_SIG *sig = d2i_ECDSA_SIG(nullptr, &p, long(der.size()));
    if (!sig)
        return false;
    ECDSA_SIG_free(sig);
    return p == reinterpret_cast<const unsigned char *>(der.constData()) + der.size();
}

bool verify(EVP_PKEY *key, const QByteArray &signedBytes, const QByteArray &der) {
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key) != 1)
        return false;
    return EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char *>(der.constData()),
                            size_t(der.size()),
                            reinterpret_cast<const unsigned char *>(signedBytes.constData()),
                            size_t(signedBytes.size())) == 1;
}

} // namespace

QString SendGridEventVerdict::explanation() const {
    switch (kind) {
    case Kind::Valid:
        return SendGridEventValidator::tr("The event batch is signed by SendGrid.");
    case Kind::MissingSignature:
        return SendGridEventValidator::tr(
            "The request has no X-Twilio-Email-Event-Webhook-Signature header: it is not "
            "a signed SendGrid event batch (is signature verification enabled in "
            "SendGrid's Event Webhook settings?).");
    case Kind::MissingTimestamp:
        return SendGridEventValidator::tr(
            "The request has no X-Twilio-Email-Event-Webhook-Timestamp header, which "
            "SendGrid's signature covers.");
    case Kind::NoKey:
        return SendGridEventValidator::tr(
            "SENDGRID_WEBHOOK_PUBLIC_KEY is not set, so no event batch can be verified: "
            "enable signed events in SendGrid's Event Webhook settings and copy its "
            "verification key here.");
    case Kind::UndecodableKey:
        return SendGridEventValidator::tr(
            "SENDGRID_WEBHOOK_PUBLIC_KEY is not a base64 DER P-256 public key: copy the "
            "verification key from SendGrid's Event Webhook settings.");
    case Kind::UndecodableSignature:
        return SendGridEventValidator::tr(
            "The X-Twilio-Email-Event-Webhook-Signature header is not a base64 DER ECDSA "
            "signature.");
    case Kind::BadSignature:
        return SendGridEventValidator::tr(
            "The signature does not match this timestamp and body under "
            "SENDGRID_WEBHOOK_PUBLIC_KEY: the body was changed on the way, or the key is "
            "another webhook's.");
    case Kind::MalformedTimestamp:
        return SendGridEventValidator::tr(
            "The X-Twilio-Email-Event-Webhook-Timestamp header is not a time in seconds, "
            "so its age cannot be checked.");
    case Kind::Stale:
        if (ageSeconds < 0)
            return SendGridEventValidator::tr(
                       "The event batch is timestamped %1 s in the future, beyond the %2 s "
                       "SENDGRID_WEBHOOK_MAX_AGE_S allows: check this computer's clock.")
                .arg(-ageSeconds)
                .arg(maxAgeSeconds);
        return SendGridEventValidator::tr(
                   "The event batch was signed %1 s ago, older than the %2 s "
                   "SENDGRID_WEBHOOK_MAX_AGE_S allows: refused as a possible replay.")
            .arg(ageSeconds)
            .arg(maxAgeSeconds);
    }
    return {};
}

qint64 SendGridEventValidator::systemClock() {
    return QDateTime::currentSecsSinceEpoch();
}

SendGridEventValidator::SendGridEventValidator(const QByteArray &publicKeyBase64,
                                               qint64 maxAgeSeconds, Clock clock)
    : m_key(parseKey(publicKeyBase64))
    , m_keyGiven(!publicKeyBase64.trimmed().isEmpty())
    , m_maxAgeSeconds(maxAgeSeconds)
    , m_clock(std::move(clock)) {}

bool SendGridEventValidator::isUsableKey(const QByteArray &publicKeyBase64) {
    return parseKey(publicKeyBase64) != nullptr;
}

SendGridEventVerdict SendGridEventValidator::check(const QByteArray &timestamp,
                                                   const QByteArray &signatureBase64,
                                                   const QByteArray &body) const {
    using Kind = SendGridEventVerdict::Kind;
    SendGridEventVerdict verdict;
    auto fail = [&](Kind kind) {
        verdict.kind = kind;
        return verdict;
    };
    if (signatureBase64.isEmpty())
        return fail(Kind::MissingSignature);
    if (timestamp.isEmpty())
        return fail(Kind::MissingTimestamp);
    if (!m_key)
        return fail(m_keyGiven ? Kind::UndecodableKey : Kind::NoKey);
    QByteArray der;
    if (!decodeBase64(signatureBase64, &der) || !isDerSignature(der))
        return fail(Kind::UndecodableSignature);
    // The bytes as received: the timestamp exactly as in its header, then the body untouched.
    if (!verify(m_key.get(), timestamp + body, der))
        return fail(Kind::BadSignature);
    if (m_maxAgeSeconds <= 0)
        return verdict;
    // Only a signed timestamp is worth judging: an attacker could write any unsigned one.
    bool isNumber = false;
    const qint64 signedAt = timestamp.toLongLong(&isNumber);
    if (!isNumber)
        return fail(Kind::MalformedTimestamp);
    const qint64 age = m_clock() - signedAt;
    if (age > m_maxAgeSeconds || -age > m_maxAgeSeconds) {
        verdict.ageSeconds = age;
        verdict.maxAgeSeconds = m_maxAgeSeconds;
        return fail(Kind::Stale);
    }
    return verdict;
}

} // namespace sb
