#include "SmsComposeWidget.h"

#include "common/SendLaterDialog.h"

#include "canned/CannedPicker.h"
#include "common/Accessibility.h"
#include "common/AttachmentTray.h"
#include "common/RecipientNumber.h"
#include "common/SchemeColors.h"
#include "common/SendFeedback.h"
#include "common/SendShortcut.h"
#include "providers/twilio/PhoneNumber.h"
#include "providers/twilio/SmsSegments.h"

#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBlock>
#include <QVBoxLayout>

namespace sb {

SmsComposeWidget::SmsComposeWidget(QWidget *parent)
    : QWidget(parent)
    , m_to(new QLineEdit(this))
    , m_toReason(new QLabel(this))
    , m_from(new QComboBox(this))
    , m_optOut(new QLabel(this))
    , m_body(new QPlainTextEdit(this))
    , m_attachments(new AttachmentTray(MediaLimits::mms(), this))
    , m_counter(new QLabel(this))
    , m_send(new QPushButton(tr("Send"), this))
    , m_sendLater(new QPushButton(tr("Send later…"), this))
    , m_feedback(new SendFeedback(this)) {
    m_to->setObjectName(QStringLiteral("composeTo"));
    m_to->setPlaceholderText(tr("+1 415 555 0100"));
    Accessibility::enableClearButton(m_to, tr("Clear the number"));
    Accessibility::describe(m_to, tr("Customer's number"),
                            tr("The number to send to; national numbers are read in the sender's "
                               "country."));
    m_toReason->setObjectName(QStringLiteral("composeToReason"));
    m_toReason->setWordWrap(true);
    m_from->setObjectName(QStringLiteral("composeFrom"));
    Accessibility::describe(m_from, tr("Send from number"));
    m_optOut->setObjectName(QStringLiteral("composeOptOut"));
    m_optOut->setWordWrap(true);
    SchemeColors::setTone(m_optOut, Tone::Warning);
    m_optOut->hide();
    m_body->setObjectName(QStringLiteral("composeBody"));
    CannedPicker::attach(m_body, [this] { return CannedContext{{}, m_to->text().trimmed(), {}}; });
    m_body->setPlaceholderText(tr("Message (Ctrl+Enter sends)"));
    m_body->setTabChangesFocus(true);
    Accessibility::describe(m_body, tr("Message text"),
                            tr("At most 1600 characters; Ctrl+Enter sends."));
    const int line = m_body->fontMetrics().lineSpacing();
    m_body->setMinimumHeight(2 * line + 12);
    m_body->setMaximumHeight(5 * line + 12);
    m_body->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_counter->setObjectName(QStringLiteral("composeCounter"));
    m_counter->setWordWrap(true);
    m_send->setObjectName(QStringLiteral("composeSend"));
    m_send->setDefault(true);
    m_send->setToolTip(tr("Send (Ctrl+Enter)"));
    Accessibility::describe(m_send, tr("Send message"), tr("Ctrl+Enter"));
    m_feedback->setObjectName(QStringLiteral("composeResult"));

    auto *toLabel = new QLabel(tr("&To:"), this);
    toLabel->setBuddy(m_to);
    auto *fromLabel = new QLabel(tr("Fr&om:"), this);
    fromLabel->setBuddy(m_from);
    auto *bodyLabel = new QLabel(tr("&Message:"), this);
    bodyLabel->setBuddy(m_body);
    auto *grid = new QGridLayout;
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(toLabel, 0, 0);
    grid->addWidget(m_to, 0, 1);
    grid->addWidget(fromLabel, 0, 2);
    grid->addWidget(m_from, 0, 3);
    grid->addWidget(m_toReason, 1, 1, 1, 3);
    grid->addWidget(m_optOut, 2, 1, 1, 3);
    grid->addWidget(bodyLabel, 3, 0, Qt::AlignTop);
    grid->addWidget(m_body, 3, 1, 1, 3);
    grid->addWidget(m_attachments, 4, 1, 1, 3);
    grid->setColumnStretch(1, 3);
    grid->setColumnStretch(3, 2);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_counter, 1);
    bottom->addWidget(m_send);
    bottom->addWidget(m_sendLater);
    grid->addLayout(bottom, 5, 1, 1, 3);
    grid->addWidget(m_feedback, 6, 1, 1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(grid);
    setTabOrder(m_to, m_from);
    setTabOrder(m_from, m_body);
    setTabOrder(m_body, m_attachments->attachButton());
    setTabOrder(m_attachments->attachButton(), m_send);
    setTabOrder(m_send, m_sendLater);
    m_attachments->watch(m_body);
    connect(m_attachments, &AttachmentTray::changed, this, &SmsComposeWidget::validate);

    connect(m_to, &QLineEdit::textChanged, this, &SmsComposeWidget::validate);
    connect(m_from, &QComboBox::currentTextChanged, this, &SmsComposeWidget::validate);
    connect(m_body, &QPlainTextEdit::textChanged, this, &SmsComposeWidget::updateCounter);
    connect(m_send, &QPushButton::clicked, this, &SmsComposeWidget::trySend);
    m_sendLater->setObjectName(QStringLiteral("sendLater"));
    Accessibility::describe(m_sendLater, tr("Send later"),
                            tr("Schedules the message for a time you pick"));
    connect(m_sendLater, &QPushButton::clicked, this, [this] {
        if (m_busy)
            return;
        if (const QString why = whyNotSendable(); !why.isEmpty())
            return m_feedback->problem(why);
        const QDateTime at = SendLaterDialog::ask(this);
        if (at.isValid())
            Q_EMIT sendLaterRequested(m_e164, m_from->currentText(), body(), at);
    });
    (new SendShortcut(this, [this] { trySend(); }))->watch(m_body);
    validate();
    updateCounter();
}

void SmsComposeWidget::changeEvent(QEvent *event) {
    if (event->type() == QEvent::PaletteChange)
        updateCounter(); // the UCS-2 marks take their colours from the palette
    QWidget::changeEvent(event);
}

void SmsComposeWidget::setSenders(const QStringList &numbers, const QString &preferred) {
    const QString current = m_from->currentText().isEmpty() ? preferred : m_from->currentText();
    m_from->clear();
    QStringList all = numbers;
    if (!preferred.isEmpty() && !all.contains(preferred))
        all.prepend(preferred);
    m_from->addItems(all);
    m_from->setCurrentText(current);
    validate();
}

void SmsComposeWidget::setTo(const QString &number) {
    m_to->setText(number);
}

QString SmsComposeWidget::to() const {
    return m_e164;
}

QString SmsComposeWidget::from() const {
    return m_from->currentText();
}

QString SmsComposeWidget::body() const {
    return m_body->toPlainText();
}

QLabel *SmsComposeWidget::result() const {
    return m_feedback;
}

void SmsComposeWidget::clearBody() {
    m_body->clear();
}

void SmsComposeWidget::focusTo() {
    m_to->setFocus(Qt::ShortcutFocusReason);
    m_to->selectAll();
}

void SmsComposeWidget::setMediaShares(MediaShares *shares) {
    m_attachments->setShares(shares);
}

QStringList SmsComposeWidget::mediaUrls() const {
    return m_attachments->urls();
}

void SmsComposeWidget::setBusy(bool busy) {
    m_busy = busy;
    m_body->setReadOnly(busy);
    validate();
}

void SmsComposeWidget::setOptOutWarning(const QString &text) {
    m_optOut->setText(text);
    m_optOut->setVisible(!text.isEmpty());
}

void SmsComposeWidget::validate() {
    const QString text = m_to->text().trimmed();
    const PhoneNumberCheck check = RecipientNumber::check(text, m_from->currentText());
    const QString previous = m_e164;
    m_e164 = check.valid ? check.e164 : QString();
    m_toProblem = text.isEmpty() ? QString() : check.valid ? QString() : check.reason;
    RecipientNumber::show(m_toReason, text, check, tr("Will send to %1"));
    m_send->setEnabled(!m_busy && whyNotSendable().isEmpty());
    m_sendLater->setEnabled(m_send->isEnabled());
    if (m_e164 != previous)
        Q_EMIT recipientChanged(m_e164);
}

QString SmsComposeWidget::whyNotSendable() const {
    if (m_to->text().trimmed().isEmpty())
        return tr("Nothing was sent: enter the customer's number.");
    if (m_e164.isEmpty())
        return tr("Nothing was sent: %1").arg(m_toProblem);
    if (m_from->count() == 0)
        return tr("Nothing was sent: there is no number to send from yet; add one in File ▸ "
                  "Settings.");
    if (m_attachments->isBusy())
        return tr("Nothing was sent yet: the attachments are still being copied.");
    if (!m_attachments->problem().isEmpty())
        return tr("Nothing was sent: %1").arg(m_attachments->problem());
    if (m_body->toPlainText().trimmed().isEmpty() && m_attachments->isEmpty())
        return tr("Nothing was sent: the message is empty.");
    if (m_tooLong)
        return tr("Nothing was sent: the message is longer than %1 characters.")
            .arg(SmsSegments::MaxBodyCharacters);
    return {};
}

void SmsComposeWidget::updateCounter() {
    const QString text = m_body->toPlainText();
    const SegmentCount count = SmsSegments::count(text);
    m_tooLong = count.characters > SmsSegments::MaxBodyCharacters;
    QString label =
        (count.characters == 1 ? tr("1 character") : tr("%1 characters").arg(count.characters)) +
        QStringLiteral(" · ") +
        (count.segments == 1 ? tr("1 segment") : tr("%1 segments").arg(count.segments)) +
        QStringLiteral(" · ") + count.encodingName();
    if (!count.ucs2Forcing.isEmpty())
        label += QStringLiteral(" · ") + tr("highlighted characters force UCS-2 (70 per segment)");
    if (m_tooLong)
        label = tr("Too long to send: %1 characters, at most %2. Remove %3.")
                    .arg(count.characters)
                    .arg(SmsSegments::MaxBodyCharacters)
                    .arg(count.characters - SmsSegments::MaxBodyCharacters);
    SchemeColors::setTone(m_counter, m_tooLong ? Tone::Error : Tone::Faint);
    m_counter->setText(label);

    // Mark the characters that switch the whole message to UCS-2.
    const SchemeColors::Pair markColors = SchemeColors::ucs2Mark(m_body->palette());
    QList<QTextEdit::ExtraSelection> marks;
    for (const int position : count.ucs2Forcing) {
        QTextEdit::ExtraSelection mark;
        mark.format.setBackground(markColors.background);
        mark.format.setForeground(markColors.text);
        mark.cursor = QTextCursor(m_body->document());
        mark.cursor.setPosition(position);
        mark.cursor.movePosition(QTextCursor::NextCharacter, QTextCursor::KeepAnchor);
        marks.append(mark);
    }
    m_body->setExtraSelections(marks);
    validate();
}

void SmsComposeWidget::trySend() {
    if (m_busy)
        return;
    const QString why = whyNotSendable();
    if (!why.isEmpty()) {
        m_feedback->problem(why);
        return;
    }
    Q_EMIT sendRequested(m_e164, m_from->currentText(), body());
}

} // namespace sb
