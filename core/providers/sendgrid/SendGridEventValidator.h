#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <functional>
#include <memory>

struct evp_pkey_st; // OpenSSL's EVP_PKEY, kept out of every includer

namespace sb {

// Why an Event Webhook request is or is not SendGrid's. Says what is wrong without ever
// carrying the key or the signature themselves.
struct SendGridEventVerdict {
    enum class Kind {
        Valid,
        MissingSignature,     // no X-Twilio-Email-Event-Webhook-Signature header
        MissingTimestamp,     // no X-Twilio-Email-Event-Webhook-Timestamp header
        NoKey,                // SENDGRID_WEBHOOK_PUBLIC_KEY is not set: nothing can be verified
        UndecodableKey,       // the configured key is not base64 DER of a P-256 public key
        UndecodableSignature, // the header is not base64 of a DER ECDSA signature
        BadSignature,         // well-formed, but not this timestamp and body under this key
        MalformedTimestamp,   // signed, but not whole seconds since the epoch: no age to check
        Stale,                // signed, but older (or further ahead) than the maximum age
    };

    Kind kind = Kind::Valid;
    qint64 ageSeconds = 0;    // Stale: now minus the timestamp (negative: in the future)
    qint64 maxAgeSeconds = 0; // Stale: the limit it broke

    bool isValid() const { return kind == Kind::Valid; }
    // One sentence for the log and the 403's body.
    QString explanation() const;
};

// SendGrid's signed Event Webhook: ECDSA P-256 / SHA-256 over the timestamp header's value
// followed by the raw body exactly as received (a re-serialised or trimmed body fails), the
// signature base64 DER in X-Twilio-Email-Event-Webhook-Signature, the verification key base64
// DER SubjectPublicKeyInfo (SENDGRID_WEBHOOK_PUBLIC_KEY). The key is parsed once; copies
// share it, and checking is safe from several threads.
class SendGridEventValidator {
    Q_DECLARE_TR_FUNCTIONS(SendGridEventValidator)
public:
    static constexpr char SignatureHeader[] = "X-Twilio-Email-Event-Webhook-Signature";
    static constexpr char TimestampHeader[] = "X-Twilio-Email-Event-Webhook-Timestamp";
    static constexpr qint64 DefaultMaxAgeSeconds = 600;

    // Seconds since the epoch; injected so tests control "now".
    using Clock = std::function<qint64()>;
    static qint64 systemClock();

    // maxAgeSeconds 0 turns the age check off (e.g. for recorded vectors).
    explicit SendGridEventValidator(const QByteArray &publicKeyBase64,
                                    qint64 maxAgeSeconds = DefaultMaxAgeSeconds,
                                    Clock clock = &systemClock);

    bool hasUsableKey() const { return m_key != nullptr; }
    qint64 maxAgeSeconds() const { return m_maxAgeSeconds; }

    // Header values as received (null/empty: the header was absent).
    SendGridEventVerdict check(const QByteArray &timestamp, const QByteArray &signatureBase64,
                               const QByteArray &body) const;

    // Whether `publicKeyBase64` is base64 DER of a P-256 public key (for configuration checks).
    static bool isUsableKey(const QByteArray &publicKeyBase64);

private:
    std::shared_ptr<evp_pkey_st> m_key; // null: no key, or one that could not be decoded
    bool m_keyGiven;
    qint64 m_maxAgeSeconds;
    Clock m_clock;
};

} // namespace sb
