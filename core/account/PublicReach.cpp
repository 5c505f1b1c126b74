#include "PublicReach.h"

#include <QCoreApplication>
#include <QHostAddress>

#include <algorithm>

namespace sb {

namespace {

bool isLocalName(const QString &host) {
    static const QStringList suffixes{QStringLiteral(".localhost"), QStringLiteral(".local"),
                                      QStringLiteral(".internal"), QStringLiteral(".lan"),
                                      QStringLiteral(".home.arpa")};
    if (host == QLatin1String("localhost") || !host.contains(QLatin1Char('.')))
        return true; // a bare name resolves on this network at most
    return std::any_of(suffixes.cbegin(), suffixes.cend(),
                       [&](const QString &suffix) { return host.endsWith(suffix); });
}

bool isNonPublicAddress(const QHostAddress &address) {
    if (address.isLoopback() || address.isLinkLocal() || address.isSiteLocal() ||
        address.isUniqueLocalUnicast() || address.isMulticast() || address.isBroadcast())
        return true;
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        static const QList<QPair<QHostAddress, int>> ranges{
            QHostAddress::parseSubnet(QStringLiteral("0.0.0.0/8")),
            QHostAddress::parseSubnet(QStringLiteral("10.0.0.0/8")),
            QHostAddress::parseSubnet(QStringLiteral("100.64.0.0/10")), // carrier-grade NAT
            QHostAddress::parseSubnet(QStringLiteral("172.16.0.0/12")),
            QHostAddress::parseSubnet(QStringLiteral("192.168.0.0/16"))};
        return std::any_of(ranges.cbegin(), ranges.cend(),
                           [&](const auto &range) { return address.isInSubnet(range); });
    }
    return address == QHostAddress::AnyIPv6;
}

} // namespace

QString PublicReach::problem(const QUrl &url, quint16 listeningPort) {
    const QString port = listeningPort ? QString::number(listeningPort) : QStringLiteral("3000");
    const QString howTo =
        PublicReach::tr(
            "Set SWITCHBOARD_PUBLIC_URL to a public address that forwards to this console: a "
            "tunnel (for example `ngrok http %1` or `cloudflared tunnel --url "
            "http://localhost:%1`) or your reverse proxy, then restart Switchboard and wire "
            "again.")
            .arg(port);
    if (!url.isValid() || url.host().isEmpty())
        return PublicReach::tr("This console has no public URL, so Twilio cannot reach it. ") +
               howTo;
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        return PublicReach::tr("Twilio only calls http and https URLs, not %1. ")
                   .arg(url.toDisplayString()) +
               howTo;
    const QString host = url.host().toLower();
    QHostAddress address;
    const bool literal = address.setAddress(host);
    if ((literal && isNonPublicAddress(address)) || (!literal && isLocalName(host)))
        return PublicReach::tr(
                   "Twilio cannot reach %1: %2 is an address of this computer or its local "
                   "network, not of the internet. ")
                   .arg(url.toDisplayString(), host) +
               howTo;
    return {};
}

} // namespace sb
