#include "SendFeedback.h"

#include "TimeFormat.h"
#include "db/Store.h"
#include "messaging/MessageStatus.h"
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

void SendFeedback::show(const QString &text, Tone tone) {
    SchemeColors::setTone(this, tone);
    setText(text);
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
        MessageStatus::rank(m_tracked.status) > MessageStatus::rank(message.status))
        return;
    m_tracked = message;
    show(describe(message), toneFor(message));
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
        if (MessageStatus::rank(m.status) < MessageStatus::rank(m_tracked.status))
            continue;
        m_tracked = m;
        show(describe(m), toneFor(m));
    }
}

Tone SendFeedback::toneFor(const MessageRecord &m) {
    const Tone tone = SchemeColors::statusTone(m.status);
    // Only delivery is good news; accepted or sent is not yet.
    return tone == Tone::Success || tone == Tone::Error ? tone : Tone::Normal;
}

QString SendFeedback::describe(const MessageRecord &m) {
    const QString &to = m.to;
    if (m.status == QLatin1String("pending"))
        return tr("Sending to %1…").arg(to);
    if (m.status == QLatin1String("sent"))
        return tr("Sent to %1's carrier; waiting for the delivery report.").arg(to);
    if (m.status == QLatin1String("delivered") || m.status == QLatin1String("read"))
        return tr("Delivered to %1 at %2.").arg(to, TimeFormat::brief(m.updatedAt));
    if (m.status == QLatin1String("failed") || m.status == QLatin1String("undelivered") ||
        m.status == QLatin1String("canceled")) {
        const QString reason = m.errorCode ? TwilioError::explain(m.errorCode) : m.errorMessage;
        const QString code = m.errorCode ? QStringLiteral(" (%1)").arg(m.errorCode) : QString();
        return tr("Not delivered to %1: %2%3")
            .arg(to, reason.isEmpty() ? tr("no reason given.") : reason, code);
    }
    return tr("Accepted by Twilio for %1 and queued; not delivered yet.").arg(to);
}

} // namespace sb
