#pragma once

#include "SchemeColors.h"
#include "messaging/Records.h"

#include <QLabel>
#include <QPointer>

namespace sb {

class Store;
struct TwilioError;

// The line under a compose or reply box that says what is true about the last send at each
// moment: sending, accepted by Twilio (not yet delivered), sent to the carrier, delivered, or
// failed with the reason, naming the customer. It follows the message through the store's
// change feed after Twilio accepted it, so a message that fails later says so here too.
class SendFeedback : public QLabel {
    Q_OBJECT
public:
    explicit SendFeedback(QWidget *parent = nullptr);

    void setStore(Store *store);

    void sending(const QString &to);
    void refused(const QString &to, const TwilioError &error);
    void accepted(const MessageRecord &message);
    // Why nothing was sent (invalid number, empty or too long body).
    void problem(const QString &text);
    // A neutral remark (e.g. what the agent is editing).
    void note(const QString &text);
    void clearFeedback();

    qint64 trackedId() const { return m_tracked.id; }
    Tone currentTone() const { return SchemeColors::tone(this); }

    // The sentence for a message's current status, and its tone.
    static QString describe(const MessageRecord &message);
    static Tone toneFor(const MessageRecord &message);

Q_SIGNALS:
    // Every new sentence, as the agent (or a screen reader) gets it.
    void feedbackChanged(const QString &text, sb::Tone tone);

private:
    void onChanged(const QList<sb::MessageRecord> &records);
    void show(const QString &text, Tone tone);

    QPointer<Store> m_store; // the service (and its store) is rebuilt when settings change
    MessageRecord m_tracked;
};

} // namespace sb
