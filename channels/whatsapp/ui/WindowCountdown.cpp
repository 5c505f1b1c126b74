#include "WindowCountdown.h"

#include "common/SchemeColors.h"
#include "common/TimeFormat.h"

#include <QTimer>

namespace sb {

WindowCountdown::WindowCountdown(ServiceWindow::Clock clock, QWidget *parent)
    : QLabel(parent)
    , m_clock(std::move(clock))
    , m_timer(new QTimer(this)) {
    if (!m_clock)
        m_clock = [] {
            return QDateTime::currentDateTimeUtc();
        };
    setObjectName(QStringLiteral("whatsappWindow"));
    setWordWrap(true);
    // Minutes are what it shows; a tick a second keeps it exact at the boundary, and setText
    // with unchanged text repaints nothing.
    m_timer->setInterval(TickMs);
    connect(m_timer, &QTimer::timeout, this, &WindowCountdown::refresh);
    clearContact();
}

void WindowCountdown::clearContact() {
    m_known = false;
    m_timer->stop();
    SchemeColors::setTone(this, Tone::Faint);
    setText(tr("24-hour window: enter the customer's WhatsApp number to see it."));
    setToolTip({});
    if (m_wasOpen) {
        m_wasOpen = false;
        Q_EMIT stateChanged();
    }
}

void WindowCountdown::setLookingUp() {
    m_known = false;
    m_timer->stop();
    SchemeColors::setTone(this, Tone::Faint);
    setText(tr("24-hour window: looking up the customer's last message…"));
}

void WindowCountdown::setLastInbound(const QDateTime &at) {
    m_lastInbound = at;
    m_known = true;
    m_timer->start();
    refresh();
    Q_EMIT stateChanged(); // known now: what can be sent may have changed
}

ServiceWindow::Reading WindowCountdown::reading() const {
    return ServiceWindow::at(m_lastInbound, m_clock());
}

void WindowCountdown::refresh() {
    if (!m_known)
        return;
    const ServiceWindow::Reading r = reading();
    QString text;
    Tone tone = Tone::Success;
    using namespace std::chrono_literals;
    switch (r.state) {
    case ServiceWindow::State::Open:
        text = tr("Window open: %1").arg(r.countdownText());
        tone = r.remaining < 1h ? Tone::Warning : Tone::Success;
        setToolTip(tr("Free-form messages can be sent until %1, 24 hours after the customer's "
                      "last message.")
                       .arg(TimeFormat::full(r.closesAt)));
        break;
    case ServiceWindow::State::Closed:
        text = tr("Window %1 — only an approved template can be sent").arg(r.countdownText());
        tone = Tone::Warning;
        setToolTip(r.reason());
        break;
    case ServiceWindow::State::NeverOpened:
        text = tr("No message from the customer yet — only an approved template can be sent");
        tone = Tone::Warning;
        setToolTip(r.reason());
        break;
    }
    SchemeColors::setTone(this, tone);
    setText(text);
    setAccessibleName(text);
    if (r.isOpen() != m_wasOpen) {
        m_wasOpen = r.isOpen();
        Q_EMIT stateChanged();
    }
}

} // namespace sb
