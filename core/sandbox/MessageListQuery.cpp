#include "MessageListQuery.h"

#include <QRegularExpression>
#include <QUrl>

namespace sb {

namespace {

const QString To = QStringLiteral("To");
const QString From = QStringLiteral("From");
const QString DateSent = QStringLiteral("DateSent");
const QString DateSentBefore = QStringLiteral("DateSent<");
const QString DateSentAfter = QStringLiteral("DateSent>");

QString encode(const QString &s) {
    return QString::fromLatin1(QUrl::toPercentEncoding(s));
}

} // namespace

QDate MessageListQuery::parseDay(const QString &value) {
    static const QRegularExpression dayOnly(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    const QString v = value.trimmed();
    if (dayOnly.match(v).hasMatch())
        return QDate::fromString(v, QStringLiteral("yyyy-MM-dd"));
    QString iso = v;
    if (iso.size() > 10 && iso.at(10) == QLatin1Char(' '))
        iso[10] = QLatin1Char('T'); // "2019-06-11 22:05:25.000"
    QDateTime time = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(v, Qt::RFC2822Date);
    if (!time.isValid())
        return {};
    if (time.timeSpec() == Qt::LocalTime) // no offset given: Twilio reads GMT
        time.setTimeSpec(Qt::UTC);
    return time.toUTC().date();
}

std::optional<MessageListQuery> MessageListQuery::parse(const QUrlQuery &query, QString *error) {
    MessageListQuery q;
    bool sawPageSize = false;
    bool sawPage = false;
    bool sawToken = false;
    // Decoded keys: "DateSent%3E" and "DateSent>" are the same filter. The first of repeated
    // parameters counts.
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        QDate *day = key == DateSent         ? &q.m_on
                     : key == DateSentBefore ? &q.m_onOrBefore
                     : key == DateSentAfter  ? &q.m_onOrAfter
                                             : nullptr;
        if (day) {
            if (day->isValid())
                continue;
            *day = parseDay(value);
            if (!day->isValid()) {
                *error =
                    QStringLiteral("Invalid %1: '%2' is not a date (YYYY-MM-DD)").arg(key, value);
                return std::nullopt;
            }
            q.m_filters.append({key, value});
        } else if ((key == To && q.m_to.isEmpty()) || (key == From && q.m_from.isEmpty())) {
            (key == To ? q.m_to : q.m_from) = value;
            q.m_filters.append({key, value});
        } else if (key == QLatin1String("PageSize") && !sawPageSize) {
            sawPageSize = true;
            bool ok = false;
            const int size = value.toInt(&ok);
            if (!ok || size < 1) {
                *error = QStringLiteral("Invalid PageSize: '%1'").arg(value);
                return std::nullopt;
            }
            q.m_pageSize = qMin(size, MaxPageSize);
        } else if (key == QLatin1String("Page") && !sawPage) {
            sawPage = true;
            bool ok = false;
            q.m_page = value.toInt(&ok);
            if (!ok || q.m_page < 0) {
                *error = QStringLiteral("Invalid Page: '%1'").arg(value);
                return std::nullopt;
            }
        } else if (key == QLatin1String("PageToken") && !sawToken) {
            sawToken = true;
            q.m_pageToken = value;
        }
    }
    return q;
}

bool MessageListQuery::matches(const QString &to, const QString &from,
                               const QDateTime &dateSent) const {
    if ((!m_to.isEmpty() && to != m_to) || (!m_from.isEmpty() && from != m_from))
        return false;
    if (!m_on.isValid() && !m_onOrBefore.isValid() && !m_onOrAfter.isValid())
        return true;
    if (!dateSent.isValid()) // not sent yet: no day to compare
        return false;
    const QDate day = dateSent.toUTC().date();
    return (!m_on.isValid() || day == m_on) && (!m_onOrBefore.isValid() || day <= m_onOrBefore) &&
           (!m_onOrAfter.isValid() || day >= m_onOrAfter);
}

QString MessageListQuery::link(const QString &path, int page, const QString &pageToken) const {
    QString out = path + QLatin1Char('?');
    for (const auto &[key, value] : m_filters)
        out += encode(key) + QLatin1Char('=') + encode(value) + QLatin1Char('&');
    out += QStringLiteral("PageSize=%1&Page=%2").arg(m_pageSize).arg(page);
    if (!pageToken.isEmpty())
        out += QStringLiteral("&PageToken=") + encode(pageToken);
    return out;
}

} // namespace sb
