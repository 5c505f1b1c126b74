#include "ServiceWindow.h"

#include <QCoreApplication>

namespace sb {

namespace {

using std::chrono::duration_cast;
using std::chrono::hours;
using std::chrono::milliseconds;
using std::chrono::minutes;

} // namespace

ServiceWindow::ServiceWindow(Clock clock)
    : m_clock(std::move(clock)) {
    if (!m_clock)
        m_clock = [] {
            return QDateTime::currentDateTimeUtc();
        };
}

ServiceWindow::Reading ServiceWindow::at(const QDateTime &lastInbound, const QDateTime &now) {
    Reading r;
    r.now = now;
    r.lastInbound = lastInbound;
    if (!lastInbound.isValid())
        return r;
    QDateTime from = lastInbound;
    if (from > now) {
        r.clockSkew = true;
        from = now;
    }
    r.closesAt = from.addMSecs(duration_cast<milliseconds>(Length).count());
    const qint64 left = now.msecsTo(r.closesAt);
    if (left > 0) {
        r.state = State::Open;
        r.remaining = milliseconds(left);
    } else {
        r.state = State::Closed;
        r.closedFor = milliseconds(-left);
    }
    return r;
}

QString ServiceWindow::Reading::reason() const {
    switch (state) {
    case State::Open:
        return {};
    case State::NeverOpened:
        return ServiceWindow::tr(
            "The customer has not written to this WhatsApp number yet, so WhatsApp only "
            "accepts an approved template. Free-form messages become possible once the "
            "customer writes.");
    case State::Closed:
        break;
    }
    return ServiceWindow::tr(
        "More than 24 hours have passed since the customer's last WhatsApp message, so "
        "WhatsApp only accepts an approved template. The window reopens when the customer "
        "writes again.");
}

QString ServiceWindow::Reading::countdownText() const {
    switch (state) {
    case State::NeverOpened:
        return ServiceWindow::tr("no message from the customer yet");
    case State::Open: {
        if (remaining >= hours(1)) {
            const auto h = duration_cast<hours>(remaining);
            const auto m = duration_cast<minutes>(remaining - h);
            return ServiceWindow::tr("%1 h %2 min left").arg(h.count()).arg(m.count());
        }
        if (remaining >= minutes(1))
            return ServiceWindow::tr("closes in %1 min")
                .arg(duration_cast<minutes>(remaining).count());
        return ServiceWindow::tr("closes in less than a minute");
    }
    case State::Closed:
        break;
    }
    if (closedFor < minutes(1))
        return ServiceWindow::tr("closed just now");
    if (closedFor < hours(1))
        return ServiceWindow::tr("closed %1 min ago")
            .arg(duration_cast<minutes>(closedFor).count());
    if (closedFor < hours(48))
        return ServiceWindow::tr("closed %1 h ago").arg(duration_cast<hours>(closedFor).count());
    return ServiceWindow::tr("closed %1 days ago")
        .arg(duration_cast<hours>(closedFor).count() / 24);
}

} // namespace sb
