#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

#include <optional>

namespace sb {

// The Messages list's query string as Twilio reads it: the filters To, From, DateSent (that
// GMT day), DateSent< (on or before), DateSent> (on or after); and the paging parameters
// PageSize, Page and PageToken. Page links carry the same filters, so a helper that follows
// next_page_uri keeps listing the same messages.
class MessageListQuery {
public:
    // nullopt with *error set when a parameter cannot be read (e.g. a date that is no date).
    static std::optional<MessageListQuery> parse(const QUrlQuery &query, QString *error);

    bool matches(const QString &to, const QString &from, const QDateTime &dateSent) const;

    int pageSize() const { return m_pageSize; }
    int page() const { return m_page; }
    QString pageToken() const { return m_pageToken; }

    // path?<filters>&PageSize=..&Page=..[&PageToken=..], encoded as Twilio encodes it
    // (DateSent%3E=2024-03-02, To=%2B14155550100).
    QString link(const QString &path, int page, const QString &pageToken = {}) const;

    // A date filter's value: "YYYY-MM-DD", or a date and time (ISO 8601, RFC 2822) of which
    // only the GMT day counts. Invalid when it is neither.
    static QDate parseDay(const QString &value);

    static constexpr int DefaultPageSize = 50;
    static constexpr int MaxPageSize = 1000;

private:
    QString m_to;
    QString m_from;
    QDate m_on;
    QDate m_onOrBefore;
    QDate m_onOrAfter;
    QList<QPair<QString, QString>> m_filters; // as given, for the page links
    int m_pageSize = DefaultPageSize;
    int m_page = 0;
    QString m_pageToken;
};

} // namespace sb
