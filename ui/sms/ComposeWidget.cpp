#include "ComposeWidget.h"

#include "twilio/PhoneNumber.h"
#include "twilio/SmsSegments.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QTextBlock>
#include <QVBoxLayout>

namespace sb {

ComposeWidget::ComposeWidget(QWidget *parent)
    : QWidget(parent)
    , m_to(new QLineEdit(this))
    , m_toReason(new QLabel(this))
    , m_from(new QComboBox(this))
    , m_body(new QPlainTextEdit(this))
    , m_counter(new QLabel(this))
    , m_send(new QPushButton(tr("Send"), this))
    , m_result(new QLabel(this)) {
    m_to->setObjectName(QStringLiteral("composeTo"));
    m_to->setPlaceholderText(tr("+1 415 555 0100"));
    m_to->setClearButtonEnabled(true);
    m_toReason->setObjectName(QStringLiteral("composeToReason"));
    m_toReason->setWordWrap(true);
    m_from->setObjectName(QStringLiteral("composeFrom"));
    m_body->setObjectName(QStringLiteral("composeBody"));
    m_body->setPlaceholderText(tr("Message"));
    m_body->setTabChangesFocus(true);
    m_body->setMinimumHeight(60);
    m_body->setMaximumHeight(110);
    m_counter->setObjectName(QStringLiteral("composeCounter"));
    m_send->setObjectName(QStringLiteral("composeSend"));
    m_send->setDefault(true);
    m_send->setToolTip(tr("Send (Ctrl+Enter)"));
    m_result->setObjectName(QStringLiteral("composeResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *form = new QFormLayout;
    form->addRow(tr("&To:"), m_to);
    form->addRow(QString(), m_toReason);
    form->addRow(tr("&From:"), m_from);
    form->addRow(tr("&Message:"), m_body);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_counter, 1);
    bottom->addWidget(m_send);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addLayout(bottom);
    layout->addWidget(m_result);

    connect(m_to, &QLineEdit::textChanged, this, &ComposeWidget::validateTo);
    connect(m_body, &QPlainTextEdit::textChanged, this, &ComposeWidget::updateCounter);
    connect(m_send, &QPushButton::clicked, this, &ComposeWidget::trySend);
    for (const QKeySequence &keys :
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(keys, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, &ComposeWidget::trySend);
    }
    // The text edit takes Ctrl+Enter for itself before any shortcut sees it.
    m_body->installEventFilter(this);
    validateTo();
    updateCounter();
}

bool ComposeWidget::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_body && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            key->modifiers().testFlag(Qt::ControlModifier)) {
            trySend();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ComposeWidget::setSenders(const QStringList &numbers, const QString &preferred) {
    const QString current = m_from->currentText().isEmpty() ? preferred : m_from->currentText();
    m_from->clear();
    QStringList all = numbers;
    if (!preferred.isEmpty() && !all.contains(preferred))
        all.prepend(preferred);
    m_from->addItems(all);
    m_from->setCurrentText(current);
    validateTo();
}

void ComposeWidget::setTo(const QString &number) {
    m_to->setText(number);
}

QString ComposeWidget::to() const {
    return m_e164;
}

QString ComposeWidget::body() const {
    return m_body->toPlainText();
}

void ComposeWidget::clearBody() {
    m_body->clear();
}

void ComposeWidget::showResult(const QString &text, bool failed) {
    m_result->setStyleSheet(failed ? QStringLiteral("color: #c62828;")
                                   : QStringLiteral("color: #2e7d32;"));
    m_result->setText(text);
}

void ComposeWidget::setBusy(bool busy) {
    m_busy = busy;
    validateTo();
}

void ComposeWidget::validateTo() {
    const QString text = m_to->text().trimmed();
    // National numbers are read in the sender's country, as an agent would expect.
    const QString region = PhoneNumber::check(m_from->currentText()).region;
    const PhoneNumberCheck check =
        PhoneNumber::check(text, region.isEmpty() ? QStringLiteral("US") : region);
    m_e164 = check.valid ? check.e164 : QString();
    if (text.isEmpty()) {
        m_toReason->clear();
    } else if (check.valid) {
        m_toReason->setStyleSheet(QStringLiteral("color: palette(mid);"));
        m_toReason->setText(tr("Will send to %1").arg(check.e164));
    } else {
        m_toReason->setStyleSheet(QStringLiteral("color: #c62828;"));
        m_toReason->setText(check.reason);
    }
    m_send->setEnabled(!m_busy && check.valid && !m_body->toPlainText().trimmed().isEmpty() &&
                       m_from->count() > 0);
}

void ComposeWidget::updateCounter() {
    const QString text = m_body->toPlainText();
    const SegmentCount count = SmsSegments::count(text);
    QString label =
        (count.characters == 1 ? tr("1 character") : tr("%1 characters").arg(count.characters)) +
        QStringLiteral(" · ") +
        (count.segments == 1 ? tr("1 segment") : tr("%1 segments").arg(count.segments)) +
        QStringLiteral(" · ") + count.encodingName();
    if (!count.ucs2Forcing.isEmpty())
        label += QStringLiteral(" · ") + tr("highlighted characters force UCS-2 (70 per segment)");
    if (count.characters > SmsSegments::MaxBodyCharacters)
        label = tr("Too long: %1 of at most %2 characters")
                    .arg(count.characters)
                    .arg(SmsSegments::MaxBodyCharacters);
    m_counter->setText(label);

    // Mark the characters that switch the whole message to UCS-2.
    QList<QTextEdit::ExtraSelection> marks;
    for (const int position : count.ucs2Forcing) {
        QTextEdit::ExtraSelection mark;
        mark.format.setBackground(QColor(0xff, 0xe0, 0x82));
        mark.cursor = QTextCursor(m_body->document());
        mark.cursor.setPosition(position);
        mark.cursor.movePosition(QTextCursor::NextCharacter, QTextCursor::KeepAnchor);
        marks.append(mark);
    }
    m_body->setExtraSelections(marks);
    validateTo();
}

void ComposeWidget::trySend() {
    if (!m_send->isEnabled()) {
        if (m_e164.isEmpty())
            showResult(m_to->text().trimmed().isEmpty() ? tr("Enter a number to send to.")
                                                        : m_toReason->text(),
                       true);
        return;
    }
    Q_EMIT sendRequested(m_e164, m_from->currentText(), body());
}

} // namespace sb
