#include "SendGridEventSigner.h"

#include <openssl/evp.h>
#include <openssl/x509.h>

namespace sb {

SendGridEventSigner::SendGridEventSigner()
    : m_key(EVP_EC_gen("P-256"), &EVP_PKEY_free) {}

QByteArray SendGridEventSigner::publicKeyBase64() const {
    if (!m_key)
        return {};
    unsigned char *der = nullptr;
    const int length = i2d_PUBKEY(m_key.get(), &der);
    if (length <= 0)
        return {};
    const QByteArray out = QByteArray(reinterpret_cast<const char *>(der), length).toBase64();
    OPENSSL_free(der);
    return out;
}

QByteArray SendGridEventSigner::sign(const QByteArray &timestamp, const QByteArray &body) const {
    if (!m_key)
        return {};
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    const QByteArray payload = timestamp + body;
    const auto *data = reinterpret_cast<const unsigned char *>(payload.constData());
    size_t length = 0;
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, m_key.get()) != 1 ||
        EVP_DigestSign(ctx.get(), nullptr, &length, data, size_t(payload.size())) != 1)
        return {};
    QByteArray der(qsizetype(length), Qt::Uninitialized);
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(der.data()), &length, data,
                       size_t(payload.size())) != 1)
        return {};
    der.truncate(qsizetype(length));
    return der.toBase64();
}

} // namespace sb
