#include "ContactLink.h"

#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

namespace sb {

namespace {

QString schemeOf(const QString &argument) {
    const qsizetype colon = argument.indexOf(QLatin1Char(':'));
    return colon > 0 ? argument.left(colon).toLower() : QString();
}

} // namespace

bool ContactLink::isLink(const QString &argument) {
    const QString scheme = schemeOf(argument);
    return scheme == QLatin1String("tel") || scheme == QLatin1String("sms") ||
           scheme == QLatin1String("smsto");
}

ContactLink ContactLink::parse(const QString &link) {
    ContactLink result;
    const QString scheme = schemeOf(link);
    if (!isLink(link)) {
        result.error = tr("“%1” is not a tel: or sms: link.").arg(link.left(80));
        return result;
    }
    result.channel =
        scheme == QLatin1String("tel") ? QStringLiteral("voice") : QStringLiteral("sms");
    QString rest = link.mid(scheme.size() + 1);
    // Some senders write sms://number: no authority is meant.
    while (rest.startsWith(QLatin1Char('/')))
        rest.remove(0, 1);
    QString query;
    if (const qsizetype q = rest.indexOf(QLatin1Char('?')); q >= 0) {
        query = rest.mid(q + 1);
        rest.truncate(q);
    }
    // tel: parameters (;ext=, ;phone-context=) are not part of the number to dial or text.
    rest = rest.section(QLatin1Char(';'), 0, 0);
    // sms: may list several recipients: the first one is composed for.
    rest = rest.section(QLatin1Char(','), 0, 0);
    QString number = QUrl::fromPercentEncoding(rest.toUtf8()).trimmed();
    // RFC 3966's visual separators, and the spaces people paste.
    static const QRegularExpression separators(QStringLiteral("[\\s\\-.()\\x{00A0}]"));
    number.remove(separators);
    static const QRegularExpression dialable(QStringLiteral("^\\+?[0-9*#]{1,20}$"));
    if (number.isEmpty()) {
        result.error = tr("The link has no number.");
        return result;
    }
    if (!dialable.match(number).hasMatch()) {
        result.error = tr("“%1” in the link is not a phone number.").arg(number.left(40));
        return result;
    }
    result.number = number;
    if (!query.isEmpty() && result.channel == QLatin1String("sms")) {
        // QUrlQuery keeps '+' literal; in a link's body it is a space only when encoded as such.
        const QUrlQuery items(query);
        result.body = items.queryItemValue(QStringLiteral("body"), QUrl::FullyDecoded);
    }
    return result;
}

} // namespace sb
