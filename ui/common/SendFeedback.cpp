#include "SendFeedback.h"

#include "StatusColors.h"
#include "TimeFormat.h"
#include "db/Store.h"
#include "outbox/Outbox.h"
#include "providers/twilio/TwilioError.h"

namespace sb {

SendFeedback::SendFeedback(QWidget *parent)
    : QLabel(parent) {
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The sentence itself is the description, so a screen reader says what happened.
    setAccessibleName(tr("What happened to the last send"));
    SchemeColors::setTone(this, Tone::Normal);
}

void SendFeedback::setStore(Store *store) {
    if (m_store == store)
        return;
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    m_tracked = {};
    if (m_store)
        connect(m_store, &Store::messagesChanged, this, &SendFeedback::onChanged);
}

void SendFeedback::show(const QString &text, Tone tone, const QString &meaning) {
    SchemeColors::setTone(this, tone);
    setText(text);
    setToolTip(meaning);
    setAccessibleDescription(text);
    Q_EMIT feedbackChanged(text, tone);
}

void SendFeedback::sending(const QString &to) {
    m_tracked = {};
    show(tr("Sending to %1…").arg(to), Tone::Normal);
}

void SendFeedback::refused(const QString &to, const TwilioError &error) {
    m_tracked = {};
    const QString code = error.code ? QStringLiteral(" (%1)").arg(error.code) : QString();
    show(tr("Not sent to %1: %2%3 Your text is kept: change it or the number and send again.")
             .arg(to, error.explanation(), code),
         Tone::Error);
}

void SendFeedback::accepted(const MessageRecord &message) {
    // The change feed may already have told us a later status of this very message.
    if (m_tracked.id == message.id &&
        m_statuses.info(m_tracked).rank > m_statuses.info(message).rank)
        return;
    track(message);
}

bool SendFeedback::refused(const SendOutcome &outcome) {
    return outcome.error.isError() && outcome.entry.state != OutboxEntry::State::Accepted;
}

void SendFeedback::settle(const QString &to, const SendOutcome &outcome) {
    if (refused(outcome))
        refused(to, outcome.error);
    else
        accepted(outcome.entry.message);
}

void SendFeedback::track(const MessageRecord &message) {
    m_tracked = message;
    show(describe(message), toneFor(message), m_statuses.info(message).meaning);
}

void SendFeedback::problem(const QString &text) {
    m_tracked = {};
    show(text, Tone::Error);
}

void SendFeedback::note(const QString &text) {
    m_tracked = {};
    show(text, Tone::Normal);
}

void SendFeedback::clearFeedback() {
    m_tracked = {};
    clear();
    setAccessibleDescription({});
}

void SendFeedback::onChanged(const QList<MessageRecord> &records) {
    if (m_tracked.id == 0)
        return;
    for (const MessageRecord &m : records) {
        if (m.id != m_tracked.id)
            continue;
        if (m_statuses.info(m).rank < m_statuses.info(m_tracked).rank)
            continue;
        track(m);
    }
}

Tone SendFeedback::toneFor(const MessageRecord &m) const {
    const Tone tone = StatusColors::tone(m_statuses.info(m).tone);
    // Only delivery is good news; accepted or sent is not yet.
    return tone == Tone::Success || tone == Tone::Error ? tone : Tone::Normal;
}

QString SendFeedback::describe(const MessageRecord &m) const {
    const QString &to = m.to;
    switch (m_statuses.info(m).tone) {
    case StatusTone::Sent:
        return tr("Sent to %1; waiting for the delivery report.").arg(to);
    case StatusTone::Success:
        if (m.status == QLatin1String("read")) // WhatsApp's read receipt
            return tr("Delivered to %1 and read at %2.").arg(to, TimeFormat::brief(m.updatedAt));
        return tr("Delivered to %1 at %2.").arg(to, TimeFormat::brief(m.updatedAt));
    case StatusTone::Failure: {
        const QString reason = m.errorCode ? TwilioError::explain(m.errorCode) : m.errorMessage;
        const QString code = m.errorCode ? QStringLiteral(" (%1)").arg(m.errorCode) : QString();
        return tr("Not delivered to %1: %2%3")
            .arg(to, reason.isEmpty() ? tr("no reason given.") : reason, code);
    }
    case StatusTone::Neutral:
    case StatusTone::Progress:
        break;
    }
    if (m.status == QLatin1String("scheduled"))
        return tr("Scheduled for %1: Switchboard sends it at its time.").arg(to);
    if (m.status == QLatin1String("canceled"))
        return tr("The scheduled message to %1 was cancelled; it was never sent.").arg(to);
    // Without a SID Twilio has not answered yet (the outbox's "pending").
    if (m.sid.isEmpty())
        return tr("Sending to %1…").arg(to);
    return tr("Accepted by Twilio for %1 and queued; not delivered yet.").arg(to);
}

} // namespace sb
