#pragma once

#include <QByteArray>

#include <memory>

struct evp_pkey_st; // OpenSSL's EVP_PKEY, kept out of every includer

namespace sb {

// The other side of SendGridEventValidator, for the sandbox's SendGrid stand-in and tests: a
// P-256 key pair made here (OpenSSL), signing an Event Webhook batch as SendGrid does, ECDSA
// SHA-256 over the timestamp followed by the body, base64 DER. Copies share the key.
class SendGridEventSigner {
public:
    SendGridEventSigner(); // a new key pair
    bool isValid() const { return m_key != nullptr; }
    // The verification key as SendGrid's console shows it: base64 DER SubjectPublicKeyInfo
    // (what SENDGRID_WEBHOOK_PUBLIC_KEY holds).
    QByteArray publicKeyBase64() const;
    // The X-Twilio-Email-Event-Webhook-Signature value for this timestamp and body.
    QByteArray sign(const QByteArray &timestamp, const QByteArray &body) const;

private:
    std::shared_ptr<evp_pkey_st> m_key;
};

} // namespace sb
