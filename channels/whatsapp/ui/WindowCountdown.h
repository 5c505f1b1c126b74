#pragma once

#include "whatsapp/ServiceWindow.h"

#include <QLabel>

class QTimer;

namespace sb {

// The compose area's live countdown of WhatsApp's 24-hour window with one contact: "Window
// open: 23 h 12 min left", "Window closed 3 h ago — only an approved template can be sent".
// It reads "now" from the injected clock on each tick of its timer (and on refresh()), so the
// text follows the time without any lookup; the tab tells it the contact's last inbound message.
class WindowCountdown : public QLabel {
    Q_OBJECT
public:
    explicit WindowCountdown(ServiceWindow::Clock clock, QWidget *parent = nullptr);

    // No contact (or none valid yet): the label says what it is waiting for.
    void clearContact();
    // The contact is known but their last inbound message is still being looked up.
    void setLookingUp();
    // Their last inbound WhatsApp message to our sender; invalid: they never wrote.
    void setLastInbound(const QDateTime &at);

    bool isKnown() const { return m_known; }
    // The window now (only meaningful when isKnown()).
    ServiceWindow::Reading reading() const;
    // Reads the clock again and updates the text; stateChanged() when open/closed flipped.
    void refresh();
    QTimer *timer() const { return m_timer; }

    static constexpr int TickMs = 1000;

Q_SIGNALS:
    void stateChanged();

private:
    ServiceWindow::Clock m_clock;
    QTimer *m_timer;
    QDateTime m_lastInbound;
    bool m_known = false;
    bool m_wasOpen = false;
};

} // namespace sb
