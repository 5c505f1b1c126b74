#pragma once

#include "ChannelStatuses.h"
#include "SchemeColors.h"
#include "messaging/Records.h"

#include <QLabel>
#include <QPointer>

namespace sb {

class Store;
struct SendOutcome;
struct TwilioError;

// The line under a compose or reply box that says what is true about the last send at each
// moment: sending, accepted by Twilio (not yet delivered), sent, delivered, or failed with the
// reason, naming the customer. It follows the message through the store's change feed after
// Twilio accepted it, so a message that fails later says so here too. Which it is comes from
// the tone in the message's channel's StatusModel (setStatuses), never backwards by its rank;
// the status's meaning is the tooltip.
class SendFeedback : public QLabel {
    Q_OBJECT
public:
    explicit SendFeedback(QWidget *parent = nullptr);

    void setStore(Store *store);
    void setStatuses(const ChannelStatuses &statuses) { m_statuses = statuses; }

    void sending(const QString &to);
    void refused(const QString &to, const TwilioError &error);
    void accepted(const MessageRecord &message);
    // The outbox's answer to a send: refused (nothing sent, why) or accepted (then followed).
    void settle(const QString &to, const SendOutcome &outcome);
    // Whether Twilio refused it, so that nothing was sent and the draft should stay.
    static bool refused(const SendOutcome &outcome);
    // Why nothing was sent (invalid number, empty or too long body).
    void problem(const QString &text);
    // A neutral remark (e.g. what the agent is editing).
    void note(const QString &text);
    void clearFeedback();

    qint64 trackedId() const { return m_tracked.id; }
    Tone currentTone() const { return SchemeColors::tone(this); }

    // The sentence for a message's current status, and its tone.
    QString describe(const MessageRecord &message) const;
    Tone toneFor(const MessageRecord &message) const;

Q_SIGNALS:
    // Every new sentence, as the agent (or a screen reader) gets it.
    void feedbackChanged(const QString &text, sb::Tone tone);

private:
    void onChanged(const QList<sb::MessageRecord> &records);
    void show(const QString &text, Tone tone, const QString &meaning = {});
    void track(const MessageRecord &message);

    ChannelStatuses m_statuses;
    QPointer<Store> m_store; // the service (and its store) is rebuilt when settings change
    MessageRecord m_tracked;
};

} // namespace sb
