#pragma once

#include <QDateTime>
#include <QString>

namespace sb {

// One way to write times everywhere in the console: ISO dates (no day/month confusion between
// agents' locales), 24-hour times, and the time zone spelled out where there is room (tooltips,
// details).
class TimeFormat {
public:
    // "14:03" today, "2026-01-05 14:03" on other days, in local time.
    static QString brief(const QDateTime &time, const QDate &today = QDate::currentDate());
    // "2026-01-05 14:03:22 CET (UTC+01:00)": for tooltips and the details window.
    static QString full(const QDateTime &time);
    // "2026-01-05 14:03:22.351": the status timeline, where milliseconds tell callbacks apart.
    static QString precise(const QDateTime &time);
};

} // namespace sb
