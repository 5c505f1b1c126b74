#include "WhatsAppComposeWidget.h"

#include "common/SendLaterDialog.h"

#include "TemplatePicker.h"
#include "WindowCountdown.h"
#include "canned/CannedPicker.h"
#include "common/Accessibility.h"
#include "common/AttachmentTray.h"
#include "common/SchemeColors.h"
#include "common/SendFeedback.h"
#include "common/SendShortcut.h"
#include "whatsapp/WhatsAppAddress.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace sb {

WhatsAppComposeWidget::WhatsAppComposeWidget(ServiceWindow::Clock clock, QWidget *parent)
    : QWidget(parent)
    , m_countdown(new WindowCountdown(std::move(clock), this))
    , m_to(new QLineEdit(this))
    , m_toReason(new QLabel(this))
    , m_from(new QComboBox(this))
    , m_templates(new TemplatePicker(this))
    , m_bodyLabel(new QLabel(tr("&Message:"), this))
    , m_body(new QPlainTextEdit(this))
    , m_attachments(new AttachmentTray(MediaLimits::whatsApp(), this))
    , m_send(new QPushButton(tr("Send"), this))
    , m_sendLater(new QPushButton(tr("Send later…"), this))
    , m_feedback(new SendFeedback(this)) {
    m_to->setObjectName(QStringLiteral("whatsappTo"));
    m_to->setPlaceholderText(tr("whatsapp:+14155550100"));
    Accessibility::enableClearButton(m_to, tr("Clear the number"));
    Accessibility::describe(m_to, tr("Customer's WhatsApp number"),
                            tr("whatsapp: and the number in international format; a number "
                               "starting with + is taken as its WhatsApp account."));
    m_toReason->setObjectName(QStringLiteral("whatsappToReason"));
    m_toReason->setWordWrap(true);
    m_from->setObjectName(QStringLiteral("whatsappFrom"));
    Accessibility::describe(m_from, tr("Send from WhatsApp sender"));
    m_body->setObjectName(QStringLiteral("whatsappBody"));
    CannedPicker::attach(m_body, [this] { return CannedContext{{}, m_to->text().trimmed(), {}}; });
    m_body->setPlaceholderText(tr("Message (Ctrl+Enter sends)"));
    m_body->setTabChangesFocus(true);
    Accessibility::describe(m_body, tr("Message text"),
                            tr("Free-form text, only within the 24-hour window; Ctrl+Enter "
                               "sends."));
    const int line = m_body->fontMetrics().lineSpacing();
    m_body->setMinimumHeight(2 * line + 12);
    m_body->setMaximumHeight(4 * line + 12);
    m_body->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_send->setObjectName(QStringLiteral("whatsappSend"));
    m_send->setDefault(true);
    m_send->setToolTip(tr("Send (Ctrl+Enter)"));
    Accessibility::describe(m_send, tr("Send WhatsApp message"), tr("Ctrl+Enter"));
    m_feedback->setObjectName(QStringLiteral("whatsappResult"));

    auto *toLabel = new QLabel(tr("&To:"), this);
    toLabel->setBuddy(m_to);
    auto *fromLabel = new QLabel(tr("Fr&om:"), this);
    fromLabel->setBuddy(m_from);
    auto *templateLabel = new QLabel(tr("Temp&late:"), this);
    templateLabel->setBuddy(m_templates->combo());
    m_bodyLabel->setBuddy(m_body);
    auto *grid = new QGridLayout;
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setVerticalSpacing(4);
    grid->addWidget(toLabel, 0, 0);
    grid->addWidget(m_to, 0, 1);
    grid->addWidget(fromLabel, 0, 2);
    grid->addWidget(m_from, 0, 3);
    grid->addWidget(m_toReason, 1, 1, 1, 3);
    grid->addWidget(m_countdown, 2, 1, 1, 3);
    grid->addWidget(templateLabel, 3, 0, Qt::AlignTop);
    grid->addWidget(m_templates, 3, 1, 1, 3);
    grid->addWidget(m_bodyLabel, 4, 0, Qt::AlignTop);
    grid->addWidget(m_body, 4, 1, 1, 3);
    grid->addWidget(m_attachments, 5, 1, 1, 3);
    grid->setColumnStretch(1, 3);
    grid->setColumnStretch(3, 2);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_feedback, 1);
    bottom->addWidget(m_send, 0, Qt::AlignTop);
    bottom->addWidget(m_sendLater, 0, Qt::AlignTop);
    grid->addLayout(bottom, 6, 1, 1, 3);
    grid->setRowStretch(7, 1); // spare height goes below the form, not between its rows
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(grid);

    connect(m_to, &QLineEdit::textChanged, this, &WhatsAppComposeWidget::validate);
    connect(m_body, &QPlainTextEdit::textChanged, this, &WhatsAppComposeWidget::validate);
    connect(m_countdown, &WindowCountdown::stateChanged, this, &WhatsAppComposeWidget::validate);
    connect(m_templates, &TemplatePicker::changed, this, [this] {
        // A template's text comes from the template: the free-form box makes way for its form.
        const bool picked = m_templates->current().has_value();
        m_body->setVisible(!picked);
        m_bodyLabel->setVisible(!picked);
        m_attachments->setVisible(!picked);
        updateTabOrder();
        validate();
    });
    connect(m_send, &QPushButton::clicked, this, &WhatsAppComposeWidget::trySend);
    m_sendLater->setObjectName(QStringLiteral("whatsappSendLater"));
    Accessibility::describe(m_sendLater, tr("Send later"),
                            tr("Schedules the message for a time you pick"));
    connect(m_sendLater, &QPushButton::clicked, this, [this] {
        if (m_busy)
            return;
        if (const QString why = whyNotSendable(); !why.isEmpty())
            return m_feedback->problem(why);
        WhatsAppSendRequest r = request();
        r.sendAt = SendLaterDialog::ask(this);
        if (r.sendAt.isValid())
            Q_EMIT sendRequested(r);
    });
    (new SendShortcut(this, [this] { trySend(); }))->watch(m_body);
    m_attachments->watch(m_body);
    connect(m_attachments, &AttachmentTray::changed, this, &WhatsAppComposeWidget::validate);
    updateTabOrder();
    validate();
}

void WhatsAppComposeWidget::updateTabOrder() {
    // The whole chain in reading order, each time the form changes: the variables' fields are
    // made anew with each template.
    QList<QWidget *> chain{m_to, m_from, m_templates->combo()};
    for (QLineEdit *field : m_templates->variableEdits())
        chain.append(field);
    if (!m_templates->current()) {
        chain.append(m_body);
        chain.append(m_attachments->attachButton());
    }
    chain.append(m_send);
    chain.append(m_sendLater);
    for (qsizetype i = 1; i < chain.size(); ++i)
        setTabOrder(chain[i - 1], chain[i]);
}

void WhatsAppComposeWidget::setSender(const QString &address) {
    m_from->clear();
    if (!address.isEmpty())
        m_from->addItem(address);
    validate();
}

void WhatsAppComposeWidget::setTo(const QString &address) {
    m_to->setText(address);
}

QString WhatsAppComposeWidget::body() const {
    return m_body->toPlainText();
}

void WhatsAppComposeWidget::clearBody() {
    m_body->clear();
}

void WhatsAppComposeWidget::setMediaShares(MediaShares *shares) {
    m_attachments->setShares(shares);
}

void WhatsAppComposeWidget::focusTo() {
    m_to->setFocus(Qt::ShortcutFocusReason);
    m_to->selectAll();
}

void WhatsAppComposeWidget::setBusy(bool busy) {
    m_busy = busy;
    m_body->setReadOnly(busy);
    validate();
}

void WhatsAppComposeWidget::setLastInbound(const QString &address, const QDateTime &at) {
    if (address != m_address)
        return; // the agent has typed on
    m_countdown->setLastInbound(at);
}

WhatsAppSendRequest WhatsAppComposeWidget::request() const {
    WhatsAppSendRequest r;
    r.to = m_address;
    r.from = m_from->currentText();
    if (const std::optional<ContentTemplate> picked = m_templates->current()) {
        r.contentSid = picked->sid;
        r.contentVariables = m_templates->values();
        r.contentTemplate = picked; // listed with its approval: no second lookup
    } else {
        r.body = body();
        r.mediaUrls = m_attachments->urls();
    }
    return r;
}

QString WhatsAppComposeWidget::whyNotSendable() const {
    if (m_to->text().trimmed().isEmpty())
        return tr("Nothing was sent: enter the customer's WhatsApp number.");
    if (m_address.isEmpty())
        return tr("Nothing was sent: %1").arg(m_toProblem);
    if (m_from->count() == 0)
        return tr("Nothing was sent: there is no WhatsApp sender yet; add one in File ▸ "
                  "Settings.");
    if (m_templates->current())
        return m_templates->whyNotSendable();
    if (m_attachments->isBusy())
        return tr("Nothing was sent yet: the attachment is still being copied.");
    if (!m_attachments->problem().isEmpty())
        return tr("Nothing was sent: %1").arg(m_attachments->problem());
    if (m_body->toPlainText().trimmed().isEmpty() && m_attachments->isEmpty())
        return tr("Nothing was sent: the message is empty.");
    if (m_body->toPlainText().size() > WhatsAppSender::MaxBodyCharacters)
        return tr("Nothing was sent: the message is longer than %1 characters.")
            .arg(WhatsAppSender::MaxBodyCharacters);
    // Refused here, before anything is sent: WhatsApp would refuse it (Twilio's 63016).
    if (m_countdown->isKnown() && !m_countdown->reading().isOpen())
        return tr("Nothing was sent: %1 Pick one under Template.")
            .arg(m_countdown->reading().reason());
    return {};
}

void WhatsAppComposeWidget::validate() {
    const QString text = m_to->text().trimmed();
    const WhatsAppAddressCheck check = WhatsAppAddress::check(text);
    const QString previous = m_address;
    m_address = check.valid ? check.address : QString();
    m_toProblem = text.isEmpty() || check.valid ? QString() : check.reason;
    if (text.isEmpty()) {
        m_toReason->clear();
        m_toReason->hide();
    } else if (check.valid) {
        SchemeColors::setTone(m_toReason, Tone::Faint);
        m_toReason->setText(tr("Will send to %1").arg(check.address));
        m_toReason->show();
    } else {
        SchemeColors::setTone(m_toReason, Tone::Error);
        m_toReason->setText(check.reason);
        m_toReason->show();
    }
    if (m_address != previous) {
        if (m_address.isEmpty())
            m_countdown->clearContact();
        else
            m_countdown->setLookingUp();
        Q_EMIT recipientChanged(m_address);
    }
    const QString why = whyNotSendable();
    m_send->setEnabled(!m_busy && why.isEmpty());
    m_sendLater->setEnabled(m_send->isEnabled());
    // Free text typed for a customer outside the window: say so at once, not only on Send.
    const bool windowProblem = !m_busy && !m_templates->current() && m_countdown->isKnown() &&
                               !m_countdown->reading().isOpen() &&
                               !m_body->toPlainText().trimmed().isEmpty();
    if (windowProblem)
        m_feedback->problem(why);
    else if (m_windowProblemShown)
        m_feedback->clearFeedback();
    m_windowProblemShown = windowProblem;
}

void WhatsAppComposeWidget::trySend() {
    if (m_busy)
        return;
    const QString why = whyNotSendable();
    if (!why.isEmpty()) {
        m_feedback->problem(why);
        return;
    }
    Q_EMIT sendRequested(request());
}

} // namespace sb
