#include "FailureNotice.h"

#include "SchemeColors.h"
#include "db/Store.h"
#include "providers/twilio/TwilioError.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QToolButton>

namespace sb {

FailureNotice::FailureNotice(QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
    , m_show(new QPushButton(tr("Show conversation"), this))
    , m_dismiss(new QToolButton(this)) {
    setObjectName(QStringLiteral("failureNotice"));
    setAutoFillBackground(true);
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Failed message notice"));
    m_text->setObjectName(QStringLiteral("failureNoticeText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_show->setObjectName(QStringLiteral("failureNoticeShow"));
    m_dismiss->setObjectName(QStringLiteral("failureNoticeDismiss"));
    m_dismiss->setText(QStringLiteral("✕"));
    m_dismiss->setToolTip(tr("Dismiss"));
    m_dismiss->setAccessibleName(tr("Dismiss the notice"));
    m_dismiss->setAutoRaise(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_show);
    layout->addWidget(m_dismiss);
    connect(m_show, &QPushButton::clicked, this, [this] {
        if (!m_failures.isEmpty())
            Q_EMIT showRequested(m_failures.constLast());
    });
    connect(m_dismiss, &QToolButton::clicked, this, &FailureNotice::dismiss);
    applyColors();
    hide();
}

void FailureNotice::setStore(Store *store) {
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    if (m_store)
        connect(m_store, &Store::messagesChanged, this, &FailureNotice::onChanged);
}

QString FailureNotice::describe(const MessageRecord &m) {
    const QString why = m.errorCode ? TwilioError::explain(m.errorCode) : m.errorMessage;
    const QString code = m.errorCode ? QStringLiteral(" (%1)").arg(m.errorCode) : QString();
    const QString reason = why.isEmpty() ? tr("no reason given.") : why;
    // A failure Twilio reported for a message this console never stored (a stub made from
    // the callback alone) has no recipient yet: name it by its SID rather than by nobody.
    if (m.to.isEmpty())
        return tr("Message %1 was not delivered: %2%3").arg(m.sid, reason, code);
    return tr("Your message to %1 was not delivered: %2%3").arg(m.to, reason, code);
}

void FailureNotice::onChanged(const QList<MessageRecord> &records) {
    bool added = false;
    for (const MessageRecord &m : records) {
        // Accepted by Twilio (it has a SID) and failed afterwards: the agent was told "accepted"
        // and may have moved on, so this is the news to bring back to them.
        if (m.sid.isEmpty() || !m_statuses.isFailure(m) || m_told.contains(m.id) ||
            (!m_channels.isEmpty() && !m_channels.contains(m.channel)))
            continue;
        m_told.insert(m.id);
        m_failures.append(m);
        added = true;
    }
    if (added)
        refresh();
}

void FailureNotice::refresh() {
    if (m_failures.isEmpty()) {
        hide();
        return;
    }
    QString text = QStringLiteral("⚠ ") + describe(m_failures.constLast());
    if (m_failures.size() > 1)
        text += QLatin1Char(' ') + tr("(and %n more failed)", nullptr, int(m_failures.size() - 1));
    m_text->setText(text);
    const MessageRecord &last = m_failures.constLast();
    m_show->setAccessibleDescription(last.to.isEmpty()
                                         ? tr("Shows message %1").arg(last.sid)
                                         : tr("Opens the conversation with %1").arg(last.to));
    show();
}

void FailureNotice::dismiss() {
    m_failures.clear();
    refresh();
}

void FailureNotice::changeEvent(QEvent *event) {
    if (event->type() == QEvent::PaletteChange && !m_applying)
        applyColors();
    QFrame::changeEvent(event);
}

void FailureNotice::applyColors() {
    m_applying = true;
    QPalette inherited = parentWidget() ? parentWidget()->palette() : palette();
    const SchemeColors::Pair colors = SchemeColors::banner(inherited, Tone::Error);
    QPalette mine = palette();
    mine.setColor(QPalette::Window, colors.background);
    mine.setColor(QPalette::WindowText, colors.text);
    setPalette(mine);
    m_applying = false;
}

} // namespace sb
