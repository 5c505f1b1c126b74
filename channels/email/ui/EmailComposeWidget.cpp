#include "EmailComposeWidget.h"

#include "canned/CannedPicker.h"
#include "common/Accessibility.h"
#include "common/Receiver.h"
#include "common/SchemeColors.h"
#include "email/EmailRequest.h"
#include "providers/sendgrid/SendGridClient.h"

#include <QButtonGroup>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMimeDatabase>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QShortcut>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextEdit>
#include <QTextList>
#include <QThreadPool>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace sb {

namespace {

// Byte counts with thousands separators (30,000,000), the same in every locale, so the figures
// read as SendGrid's documentation gives its limit.
QLocale bytesLocale() {
    QLocale c = QLocale::c();
    c.setNumberOptions(QLocale::DefaultNumberOptions);
    return c;
}

qint64 base64Size(qint64 bytes) {
    return 4 * ((bytes + 2) / 3);
}

QLabel *errorLabel(QWidget *parent, const char *name) {
    auto *label = new QLabel(parent);
    label->setObjectName(QLatin1String(name));
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    SchemeColors::setTone(label, Tone::Error);
    label->hide();
    return label;
}

QToolButton *formatButton(QWidget *parent, const QString &text, const QString &name,
                          const QKeySequence &key, const char *objectName) {
    auto *button = new QToolButton(parent);
    button->setObjectName(QLatin1String(objectName));
    button->setText(text);
    button->setAutoRaise(true);
    // The editor keeps the focus while formatting; the keys below reach the same actions.
    button->setFocusPolicy(Qt::NoFocus);
    const QString tip =
        key.isEmpty() ? name
                      : QStringLiteral("%1 (%2)").arg(name, key.toString(QKeySequence::NativeText));
    button->setToolTip(tip);
    Accessibility::describe(button, name);
    return button;
}

} // namespace

EmailComposeWidget::EmailComposeWidget(QWidget *parent)
    : QWidget(parent)
    , m_to(new QLineEdit(this))
    , m_toError(errorLabel(this, "emailToError"))
    , m_cc(new QLineEdit(this))
    , m_ccError(errorLabel(this, "emailCcError"))
    , m_bcc(new QLineEdit(this))
    , m_bccError(errorLabel(this, "emailBccError"))
    , m_fromEmail(new QLineEdit(this))
    , m_fromName(new QLineEdit(this))
    , m_fromError(errorLabel(this, "emailFromError"))
    , m_subject(new QLineEdit(this))
    , m_modeGroup(new QButtonGroup(this))
    , m_content(new QStackedWidget(this))
    , m_bodyTabs(new QTabWidget(this))
    , m_body(new QTextEdit(this))
    , m_preview(new QTextBrowser(this))
    , m_plain(new QPlainTextEdit(this))
    , m_regenerate(new QPushButton(tr("From the ric&h text"), this))
    , m_templateArea(new QWidget(this))
    , m_templateLayout(new QVBoxLayout(m_templateArea))
    , m_templateHint(new QLabel(m_templateArea))
    , m_attachments(new QListWidget(this))
    , m_addAttachment(new QPushButton(tr("&Attach…"), this))
    , m_removeAttachment(new QPushButton(tr("R&emove"), this))
    , m_total(new QLabel(this))
    , m_send(new QPushButton(tr("&Send"), this))
    , m_whyNot(new QLabel(this))
    , m_result(new QLabel(this))
    , m_previewTimer(new QTimer(this)) {
    // Recipients and sender.
    const auto recipients = [this](QLineEdit *edit, const char *name, const QString &accessible) {
        edit->setObjectName(QLatin1String(name));
        edit->setPlaceholderText(tr("ana@example.com, Bo Diaz <bo@example.com>"));
        Accessibility::enableClearButton(edit, tr("Clear"));
        Accessibility::describe(edit, accessible,
                                tr("One or more email addresses, separated by commas."));
        connect(edit, &QLineEdit::textChanged, this, &EmailComposeWidget::revalidate);
    };
    recipients(m_to, "emailTo", tr("To: recipients"));
    recipients(m_cc, "emailCc", tr("Cc: copy recipients"));
    recipients(m_bcc, "emailBcc", tr("Bcc: hidden copy recipients"));
    m_fromEmail->setObjectName(QStringLiteral("emailFrom"));
    m_fromEmail->setPlaceholderText(tr("support@example.com"));
    Accessibility::describe(m_fromEmail, tr("From address"),
                            tr("A sender identity verified in SendGrid."));
    m_fromName->setObjectName(QStringLiteral("emailFromName"));
    m_fromName->setPlaceholderText(tr("Name (optional)"));
    Accessibility::describe(m_fromName, tr("From name"), tr("The name recipients see."));
    m_subject->setObjectName(QStringLiteral("emailSubject"));
    m_subject->setMinimumWidth(QFontMetrics(font()).averageCharWidth() * 12);
    Accessibility::describe(m_subject, tr("Subject"));
    connect(m_fromEmail, &QLineEdit::textChanged, this, &EmailComposeWidget::revalidate);
    connect(m_subject, &QLineEdit::textChanged, this, &EmailComposeWidget::revalidate);

    // Message or template.
    auto *messageMode = new QRadioButton(tr("&Message"), this);
    messageMode->setObjectName(QStringLiteral("emailModeMessage"));
    messageMode->setChecked(true);
    auto *templateMode = new QRadioButton(tr("Temp&late"), this);
    templateMode->setObjectName(QStringLiteral("emailModeTemplate"));
    Accessibility::describe(messageMode, tr("Write the message"));
    Accessibility::describe(templateMode, tr("Send a SendGrid dynamic template"));
    m_modeGroup->addButton(messageMode, int(Mode::Message));
    m_modeGroup->addButton(templateMode, int(Mode::Template));
    connect(m_modeGroup, &QButtonGroup::idToggled, this, [this](int id, bool on) {
        if (on)
            setMode(Mode(id));
    });

    // The rich-text editor with its toolbar, its HTML preview, the plain-text alternative.
    m_bold = formatButton(this, tr("B"), tr("Bold"), QKeySequence::Bold, "emailBold");
    QFont boldFont = m_bold->font();
    boldFont.setBold(true);
    m_bold->setFont(boldFont);
    m_bold->setCheckable(true);
    // Ctrl+I is Sandbox ▸ Simulate incoming in the window: italic has no key of its own.
    m_italic = formatButton(this, tr("I"), tr("Italic"), {}, "emailItalic");
    QFont italicFont = m_italic->font();
    italicFont.setItalic(true);
    m_italic->setFont(italicFont);
    m_italic->setCheckable(true);
    m_link = formatButton(this, tr("Link…"), tr("Insert a link"),
                          QKeySequence(Qt::CTRL | Qt::Key_K), "emailLink");
    m_list = formatButton(this, tr("• List"), tr("Bulleted list"),
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L), "emailList");
    m_list->setCheckable(true);
    connect(m_bold, &QToolButton::clicked, this, &EmailComposeWidget::toggleBold);
    connect(m_italic, &QToolButton::clicked, this, &EmailComposeWidget::toggleItalic);
    connect(m_link, &QToolButton::clicked, this, &EmailComposeWidget::insertLink);
    connect(m_list, &QToolButton::clicked, this, &EmailComposeWidget::toggleList);
    const auto editorKey = [this](const QKeySequence &key, void (EmailComposeWidget::*slot)()) {
        auto *shortcut = new QShortcut(key, m_body);
        shortcut->setContext(Qt::WidgetShortcut);
        connect(shortcut, &QShortcut::activated, this, slot);
    };
    editorKey(QKeySequence::Bold, &EmailComposeWidget::toggleBold);
    editorKey(QKeySequence(Qt::CTRL | Qt::Key_K), &EmailComposeWidget::insertLink);
    editorKey(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L), &EmailComposeWidget::toggleList);

    m_body->setObjectName(QStringLiteral("emailBody"));
    CannedPicker::attach(m_body, [this] { return CannedContext{{}, m_to->text().trimmed(), {}}; });
    m_body->setAcceptRichText(true);
    m_body->setTabChangesFocus(true);
    Accessibility::describe(m_body, tr("Message"),
                            tr("The email's text, with formatting; sent as HTML with a plain-text "
                               "alternative."));
    connect(m_body, &QTextEdit::textChanged, this, &EmailComposeWidget::onBodyChanged);
    connect(m_body, &QTextEdit::currentCharFormatChanged, this, [this](const QTextCharFormat &f) {
        m_bold->setChecked(f.fontWeight() >= QFont::Bold);
        m_italic->setChecked(f.fontItalic());
    });
    connect(m_body, &QTextEdit::cursorPositionChanged, this,
            [this] { m_list->setChecked(m_body->textCursor().currentList() != nullptr); });
    m_preview->setObjectName(QStringLiteral("emailHtmlPreview"));
    m_preview->setOpenExternalLinks(false);
    m_preview->setOpenLinks(false);
    Accessibility::describe(m_preview, tr("HTML preview"),
                            tr("The HTML part as the recipient's mail program shows it."));
    m_plain->setObjectName(QStringLiteral("emailPlainText"));
    m_plain->setTabChangesFocus(true);
    Accessibility::describe(m_plain, tr("Plain-text alternative"),
                            tr("For mail programs that show no HTML. Made from the message "
                               "until you edit it here."));
    connect(m_plain, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_settingPlain)
            m_plainEdited = true;
        m_regenerate->setEnabled(m_plainEdited);
        revalidate();
    });
    m_regenerate->setObjectName(QStringLiteral("emailRegeneratePlain"));
    m_regenerate->setEnabled(false);
    Accessibility::describe(m_regenerate, tr("Make the plain text from the rich text again"));
    connect(m_regenerate, &QPushButton::clicked, this, [this] {
        m_plainEdited = false;
        onBodyChanged();
    });
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(150);
    connect(m_previewTimer, &QTimer::timeout, this, &EmailComposeWidget::updatePreview);

    auto *editorPage = new QWidget(m_bodyTabs);
    auto *editorLayout = new QVBoxLayout(editorPage);
    editorLayout->setContentsMargins(2, 2, 2, 2);
    editorLayout->setSpacing(2);
    auto *toolbar = new QHBoxLayout;
    toolbar->setSpacing(2);
    for (QToolButton *b : {m_bold, m_italic, m_link, m_list})
        toolbar->addWidget(b);
    toolbar->addStretch(1);
    editorLayout->addLayout(toolbar);
    editorLayout->addWidget(m_body, 1);
    m_body->setParent(editorPage);
    auto *plainPage = new QWidget(m_bodyTabs);
    auto *plainLayout = new QVBoxLayout(plainPage);
    plainLayout->setContentsMargins(2, 2, 2, 2);
    plainLayout->addWidget(m_plain, 1);
    auto *regenerateRow = new QHBoxLayout;
    regenerateRow->addStretch(1);
    regenerateRow->addWidget(m_regenerate);
    plainLayout->addLayout(regenerateRow);
    m_bodyTabs->setObjectName(QStringLiteral("emailBodyTabs"));
    m_bodyTabs->setDocumentMode(true);
    m_bodyTabs->addTab(editorPage, tr("Rich text"));
    m_bodyTabs->addTab(m_preview, tr("HTML preview"));
    m_bodyTabs->addTab(plainPage, tr("Plain text"));
    Accessibility::describe(m_bodyTabs, tr("Message, its HTML preview and plain text"));
    connect(m_bodyTabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_bodyTabs->widget(index) == m_preview)
            updatePreview();
    });

    // The template picker's place.
    m_templateArea->setObjectName(QStringLiteral("emailTemplateArea"));
    m_templateLayout->setContentsMargins(0, 0, 0, 0);
    m_templateHint->setObjectName(QStringLiteral("emailTemplateHint"));
    m_templateHint->setWordWrap(true);
    m_templateHint->setText(tr("Dynamic templates are picked here once the template picker is "
                               "available."));
    SchemeColors::setTone(m_templateHint, Tone::Faint);
    m_templateLayout->addWidget(m_templateHint);
    m_templateLayout->addStretch(1);
    m_content->addWidget(m_bodyTabs);
    m_content->addWidget(m_templateArea);

    // Attachments.
    m_attachments->setObjectName(QStringLiteral("emailAttachments"));
    m_attachments->setSelectionMode(QAbstractItemView::ExtendedSelection);
    Accessibility::describe(m_attachments, tr("Attachments"),
                            tr("Each file with its size; Delete removes the selected ones."));
    const QFontMetrics fm(font());
    m_attachments->setMaximumHeight(2 * fm.lineSpacing() + 8);
    // A long file name is shortened in the middle (its size stays readable), never scrolled.
    m_attachments->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_attachments->setTextElideMode(Qt::ElideMiddle);
    m_addAttachment->setObjectName(QStringLiteral("emailAttach"));
    m_addAttachment->setAutoDefault(false);
    Accessibility::describe(m_addAttachment, tr("Attach files"));
    m_removeAttachment->setObjectName(QStringLiteral("emailRemoveAttachment"));
    m_removeAttachment->setAutoDefault(false);
    m_removeAttachment->setEnabled(false);
    Accessibility::describe(m_removeAttachment, tr("Remove the selected attachments"));
    m_total->setObjectName(QStringLiteral("emailAttachmentTotal"));
    m_total->setWordWrap(true);
    connect(m_addAttachment, &QPushButton::clicked, this, [this] {
        const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Attach files"));
        if (!paths.isEmpty())
            addAttachmentFiles(paths);
    });
    connect(m_removeAttachment, &QPushButton::clicked, this,
            &EmailComposeWidget::removeSelectedAttachments);
    connect(m_attachments, &QListWidget::itemSelectionChanged, this, [this] {
        m_removeAttachment->setEnabled(!m_busy && !m_attachments->selectedItems().isEmpty());
    });
    auto *deleteKey = new QShortcut(QKeySequence::Delete, m_attachments);
    deleteKey->setContext(Qt::WidgetShortcut);
    connect(deleteKey, &QShortcut::activated, this, &EmailComposeWidget::removeSelectedAttachments);

    // Send.
    m_send->setObjectName(QStringLiteral("emailSend"));
    m_send->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_send->setToolTip(
        tr("Send the email (%1)")
            .arg(QKeySequence(Qt::CTRL | Qt::Key_Return).toString(QKeySequence::NativeText)));
    Accessibility::describe(m_send, tr("Send the email"));
    m_whyNot->setObjectName(QStringLiteral("emailWhyNot"));
    m_whyNot->setWordWrap(true);
    m_whyNot->setTextFormat(Qt::PlainText);
    SchemeColors::setTone(m_whyNot, Tone::Faint);
    m_result->setObjectName(QStringLiteral("emailResult"));
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::PlainText);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->hide();
    connect(m_send, &QPushButton::clicked, this, &EmailComposeWidget::trySend);
    for (const QKeySequence &key :
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(key, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, &EmailComposeWidget::trySend);
    }

    // Layout.
    const auto label = [this](const QString &text, QWidget *buddy) {
        auto *l = new QLabel(text, this);
        l->setBuddy(buddy);
        return l;
    };
    auto *form = new QGridLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->setVerticalSpacing(3);
    int row = 0;
    form->addWidget(label(tr("&To:"), m_to), row, 0);
    form->addWidget(m_to, row++, 1);
    form->addWidget(m_toError, row++, 1);
    form->addWidget(label(tr("&Cc:"), m_cc), row, 0);
    form->addWidget(m_cc, row++, 1);
    form->addWidget(m_ccError, row++, 1);
    form->addWidget(label(tr("&Bcc:"), m_bcc), row, 0);
    form->addWidget(m_bcc, row++, 1);
    form->addWidget(m_bccError, row++, 1);
    auto *fromRow = new QHBoxLayout;
    fromRow->addWidget(m_fromEmail, 3);
    fromRow->addWidget(m_fromName, 2);
    form->addWidget(label(tr("Fr&om:"), m_fromEmail), row, 0);
    form->addLayout(fromRow, row++, 1);
    form->addWidget(m_fromError, row++, 1);
    // The mode sits beside the subject: on a 1024x600 screen every line counts.
    auto *subjectRow = new QHBoxLayout;
    subjectRow->addWidget(m_subject, 1);
    subjectRow->addWidget(messageMode);
    subjectRow->addWidget(templateMode);
    form->addWidget(label(tr("Sub&ject:"), m_subject), row, 0);
    form->addLayout(subjectRow, row++, 1);
    form->addWidget(m_content, row, 0, 1, 2);
    form->setRowStretch(row++, 1);
    auto *attachLabel = label(tr("Attachments:"), m_attachments);
    form->addWidget(attachLabel, row, 0, Qt::AlignTop);
    auto *attachRow = new QHBoxLayout;
    attachRow->addWidget(m_attachments, 1);
    auto *attachButtons = new QVBoxLayout;
    attachButtons->addWidget(m_addAttachment);
    attachButtons->addWidget(m_removeAttachment);
    attachButtons->addStretch(1);
    attachRow->addLayout(attachButtons);
    form->addLayout(attachRow, row++, 1);
    form->addWidget(m_total, row++, 1);
    auto *sendRow = new QHBoxLayout;
    sendRow->addWidget(m_whyNot, 1);
    sendRow->addStretch(0); // keeps Send on the right while there is nothing to say
    sendRow->addWidget(m_send, 0, Qt::AlignTop);
    form->addLayout(sendRow, row++, 0, 1, 2);
    form->addWidget(m_result, row++, 0, 1, 2);
    form->setColumnStretch(1, 1);
    m_body->setMinimumHeight(3 * fm.lineSpacing());
    m_plain->setMinimumHeight(3 * fm.lineSpacing());
    m_preview->setMinimumHeight(3 * fm.lineSpacing());

    setTabOrder(m_to, m_cc);
    setTabOrder(m_cc, m_bcc);
    setTabOrder(m_bcc, m_fromEmail);
    setTabOrder(m_fromEmail, m_fromName);
    setTabOrder(m_fromName, m_subject);
    setTabOrder(m_subject, messageMode);
    setTabOrder(messageMode, templateMode);
    setTabOrder(templateMode, m_bodyTabs);
    setTabOrder(m_bodyTabs, m_body);
    setTabOrder(m_body, m_plain);
    setTabOrder(m_plain, m_regenerate);
    setTabOrder(m_regenerate, m_attachments);
    setTabOrder(m_attachments, m_addAttachment);
    setTabOrder(m_addAttachment, m_removeAttachment);
    setTabOrder(m_removeAttachment, m_send);

    updateAttachments();
    revalidate();
}

void EmailComposeWidget::setDefaultFrom(const QString &email, const QString &name) {
    if (m_fromEmail->text().trimmed().isEmpty())
        m_fromEmail->setText(email);
    if (m_fromName->text().trimmed().isEmpty())
        m_fromName->setText(name);
}

void EmailComposeWidget::setTemplatePicker(QWidget *picker, TemplateReader reader) {
    if (m_picker)
        m_picker->deleteLater();
    m_picker = picker;
    m_templateReader = std::move(reader);
    m_templateHint->hide();
    if (picker) {
        picker->setParent(m_templateArea);
        m_templateLayout->insertWidget(0, picker, 1);
        picker->show();
    }
    revalidate();
}

void EmailComposeWidget::setMode(Mode mode) {
    if (QAbstractButton *button = m_modeGroup->button(int(mode)); button && !button->isChecked())
        button->setChecked(true);
    m_content->setCurrentWidget(mode == Mode::Template ? m_templateArea : m_bodyTabs);
    revalidate();
}

EmailComposeWidget::Mode EmailComposeWidget::mode() const {
    return m_modeGroup->checkedId() == int(Mode::Template) ? Mode::Template : Mode::Message;
}

QList<EmailAddress> EmailComposeWidget::parseAddresses(const QString &text, QStringList *invalid) {
    static const QRegularExpression separators(QStringLiteral("[,;\\n]"));
    static const QRegularExpression named(QStringLiteral(R"(^(.*)<([^<>]*)>$)"));
    QList<EmailAddress> list;
    for (const QString &part : text.split(separators, Qt::SkipEmptyParts)) {
        const QString item = part.trimmed();
        if (item.isEmpty())
            continue;
        EmailAddress address{item, {}};
        const QRegularExpressionMatch m = named.match(item);
        if (m.hasMatch()) {
            address.email = m.captured(2).trimmed();
            address.name = m.captured(1).trimmed();
            if (address.name.size() >= 2 && address.name.startsWith(QLatin1Char('"')) &&
                address.name.endsWith(QLatin1Char('"')))
                address.name = address.name.mid(1, address.name.size() - 2);
        }
        if (EmailRequest::isValidAddress(address.email))
            list.append(address);
        else if (invalid)
            invalid->append(item);
    }
    return list;
}

QString EmailComposeWidget::formatSize(qint64 bytes) {
    // Decimal units, as SendGrid's 30 MB is 30,000,000 bytes.
    return QLocale().formattedDataSize(bytes, bytes < 1000 ? 0 : 1, QLocale::DataSizeSIFormat);
}

QString EmailComposeWidget::checkAddresses(QLineEdit *edit, QLabel *error, bool required) const {
    QStringList invalid;
    const QList<EmailAddress> list = parseAddresses(edit->text(), &invalid);
    QString problem;
    if (!invalid.isEmpty())
        problem = invalid.size() == 1
                      ? tr("Not an email address: %1").arg(invalid.first())
                      : tr("Not email addresses: %1").arg(invalid.join(QStringLiteral(", ")));
    error->setText(problem);
    error->setVisible(!problem.isEmpty());
    if (problem.isEmpty() && required && list.isEmpty())
        return tr("Add a recipient in To.");
    return problem;
}

qint64 EmailComposeWidget::bytesWithout(const QList<Attachment> &attachments) const {
    // The JSON with every attachment's content left empty, plus each content's base64 length:
    // base64 needs no escaping in JSON, so this is exactly EmailDraft::mailSendBytes() without
    // encoding megabytes on every keystroke.
    EmailDraft d = draft();
    d.attachments.clear();
    qint64 base64 = 0;
    for (const Attachment &a : attachments) {
        d.attachments.append({QByteArray(), a.filename, a.type, {}, {}});
        base64 += base64Size(a.content.size());
    }
    return d.mailSendBytes() + base64;
}

qint64 EmailComposeWidget::totalBytes() const {
    return bytesWithout(m_files);
}

EmailDraft EmailComposeWidget::draft() const {
    EmailDraft d;
    d.to = parseAddresses(m_to->text(), nullptr);
    d.cc = parseAddresses(m_cc->text(), nullptr);
    d.bcc = parseAddresses(m_bcc->text(), nullptr);
    d.from = {m_fromEmail->text().trimmed(), m_fromName->text().trimmed()};
    d.subject = m_subject->text().trimmed();
    if (mode() == Mode::Template) {
        if (m_templateReader) {
            const EmailTemplateChoice choice = m_templateReader();
            d.templateId = choice.templateId;
            d.dynamicTemplateData = choice.dynamicTemplateData;
        }
    } else if (!m_body->document()->isEmpty()) {
        d.html = m_body->toHtml();
        d.text = m_plain->toPlainText();
    } else {
        d.text = m_plain->toPlainText();
    }
    for (const Attachment &a : m_files)
        d.attachments.append({a.content, a.filename, a.type, {}, {}});
    return d;
}

QString EmailComposeWidget::whyNotSendable() const {
    // Every field's own error first (shown beside it), then what is missing.
    QStringList problems;
    const QString to = checkAddresses(m_to, m_toError, true);
    const QString cc = checkAddresses(m_cc, m_ccError, false);
    const QString bcc = checkAddresses(m_bcc, m_bccError, false);
    if (!to.isEmpty())
        problems << (m_toError->isVisible() ? tr("To: %1").arg(to) : to);
    if (!cc.isEmpty())
        problems << tr("Cc: %1").arg(cc);
    if (!bcc.isEmpty())
        problems << tr("Bcc: %1").arg(bcc);
    const QString from = m_fromEmail->text().trimmed();
    QString fromProblem;
    if (!from.isEmpty() && !EmailRequest::isValidAddress(from))
        fromProblem = tr("Not an email address: %1").arg(from);
    m_fromError->setText(fromProblem);
    m_fromError->setVisible(!fromProblem.isEmpty());
    if (from.isEmpty())
        problems << tr("Add the From address (a sender verified in SendGrid).");
    else if (!fromProblem.isEmpty())
        problems << tr("From: %1").arg(fromProblem);
    if (mode() == Mode::Template) {
        const QString id = m_templateReader ? m_templateReader().templateId : QString();
        if (id.isEmpty())
            problems << tr("Pick a template.");
    } else {
        if (m_subject->text().trimmed().isEmpty())
            problems << tr("Add a subject.");
        if (m_body->document()->isEmpty() && m_plain->toPlainText().trimmed().isEmpty())
            problems << tr("Write the message.");
    }
    const qint64 total = totalBytes();
    if (total > SendGridClient::MaxMailSendBytes) {
        const QLocale c = bytesLocale();
        problems << tr("The email is %1 bytes as SendGrid would receive it (attachments in "
                       "base64); SendGrid takes at most %2 bytes (30 MB). Remove an attachment.")
                        .arg(c.toString(total), c.toString(SendGridClient::MaxMailSendBytes));
    }
    if (m_reading > 0)
        problems << tr("Reading attachments…");
    return problems.join(QLatin1Char('\n'));
}

void EmailComposeWidget::revalidate() {
    const QString why = whyNotSendable();
    m_whyNot->setText(why);
    m_whyNot->setVisible(!why.isEmpty());
    m_send->setEnabled(!m_busy && why.isEmpty());
    updateAttachments();
}

void EmailComposeWidget::trySend() {
    if (m_busy)
        return;
    const QString why = whyNotSendable();
    if (!why.isEmpty()) {
        showResult(tr("Nothing was sent: %1").arg(why), true);
        return;
    }
    Q_EMIT sendRequested(draft());
}

void EmailComposeWidget::setBusy(bool busy) {
    m_busy = busy;
    for (QWidget *w : std::initializer_list<QWidget *>{m_to, m_cc, m_bcc, m_fromEmail, m_fromName,
                                                       m_subject, m_body, m_plain, m_addAttachment})
        w->setEnabled(!busy);
    m_removeAttachment->setEnabled(!busy && !m_attachments->selectedItems().isEmpty());
    if (m_picker)
        m_picker->setEnabled(!busy);
    revalidate();
}

void EmailComposeWidget::clearDraft() {
    for (QLineEdit *e : {m_to, m_cc, m_bcc, m_subject})
        e->clear();
    m_body->clear();
    // The next email starts in plain formatting, not in whatever the cursor last stood in.
    m_body->setCurrentCharFormat(QTextCharFormat());
    m_plainEdited = false;
    onBodyChanged();
    m_files.clear();
    m_attachments->clear();
    revalidate();
}

void EmailComposeWidget::showResult(const QString &text, bool problem) {
    SchemeColors::setTone(m_result, problem ? Tone::Error : Tone::Faint);
    m_result->setText(text);
    m_result->setVisible(!text.isEmpty());
}

void EmailComposeWidget::showFieldError(const QString &field, const QString &text) {
    QLabel *label = field == QLatin1String("cc")    ? m_ccError
                    : field == QLatin1String("bcc") ? m_bccError
                                                    : m_toError;
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

void EmailComposeWidget::focusTo() {
    m_to->setFocus(Qt::ShortcutFocusReason);
    m_to->selectAll();
}

QString EmailComposeWidget::plainTextOf(const QTextDocument *document) {
    QStringList lines;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        QString line;
        if (QTextList *list = block.textList()) {
            const QTextListFormat::Style style = list->format().style();
            const bool numbered = style == QTextListFormat::ListDecimal ||
                                  style == QTextListFormat::ListLowerAlpha ||
                                  style == QTextListFormat::ListUpperAlpha ||
                                  style == QTextListFormat::ListLowerRoman ||
                                  style == QTextListFormat::ListUpperRoman;
            line = numbered ? QStringLiteral("%1. ").arg(list->itemNumber(block) + 1)
                            : QStringLiteral("- ");
        }
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (!fragment.isValid())
                continue;
            QString text = fragment.text();
            text.replace(QChar::LineSeparator, QLatin1Char('\n'));
            text.replace(QChar::Nbsp, QLatin1Char(' '));
            line += text;
            const QTextCharFormat format = fragment.charFormat();
            const QString href = format.anchorHref();
            if (format.isAnchor() && !href.isEmpty() && href != fragment.text().trimmed())
                line += QStringLiteral(" <%1>").arg(href);
        }
        lines << line;
    }
    return lines.join(QLatin1Char('\n'));
}

void EmailComposeWidget::onBodyChanged() {
    if (!m_plainEdited) {
        m_settingPlain = true;
        m_plain->setPlainText(plainTextOf(m_body->document()));
        m_settingPlain = false;
        m_regenerate->setEnabled(false);
    }
    m_previewTimer->start();
    revalidate();
}

void EmailComposeWidget::updatePreview() {
    m_preview->setHtml(m_body->document()->isEmpty() ? QString() : m_body->toHtml());
}

void EmailComposeWidget::toggleBold() {
    QTextCharFormat format;
    format.setFontWeight(m_body->fontWeight() >= QFont::Bold ? QFont::Normal : QFont::Bold);
    m_body->mergeCurrentCharFormat(format);
    m_bold->setChecked(format.fontWeight() >= QFont::Bold);
    m_body->setFocus();
}

void EmailComposeWidget::toggleItalic() {
    QTextCharFormat format;
    format.setFontItalic(!m_body->fontItalic());
    m_body->mergeCurrentCharFormat(format);
    m_italic->setChecked(format.fontItalic());
    m_body->setFocus();
}

void EmailComposeWidget::insertLink() {
    QTextCursor cursor = m_body->textCursor();
    bool ok = false;
    const QString url = QInputDialog::getText(this, tr("Insert a link"), tr("Link address:"),
                                              QLineEdit::Normal, QStringLiteral("https://"), &ok)
                            .trimmed();
    if (!ok || url.isEmpty() || url == QLatin1String("https://"))
        return;
    QTextCharFormat format;
    format.setAnchor(true);
    format.setAnchorHref(url);
    format.setFontUnderline(true);
    format.setForeground(palette().color(QPalette::Link));
    if (cursor.hasSelection()) {
        cursor.mergeCharFormat(format);
    } else {
        cursor.insertText(url, format);
        cursor.setCharFormat(QTextCharFormat());
    }
    m_body->setTextCursor(cursor);
    m_body->setFocus();
}

void EmailComposeWidget::toggleList() {
    QTextCursor cursor = m_body->textCursor();
    if (QTextList *list = cursor.currentList()) {
        // Out of the list: the block keeps its text, without the bullet or the indent.
        list->remove(cursor.block());
        QTextBlockFormat block = cursor.blockFormat();
        block.setIndent(0);
        cursor.setBlockFormat(block);
    } else {
        cursor.createList(QTextListFormat::ListDisc);
    }
    m_list->setChecked(cursor.currentList() != nullptr);
    m_body->setFocus();
}

bool EmailComposeWidget::addAttachment(const QString &filename, const QByteArray &content,
                                       const QString &type) {
    QList<Attachment> files = m_files;
    files.append({filename, type, content});
    const qint64 total = bytesWithout(files);
    if (total > SendGridClient::MaxMailSendBytes) {
        const QLocale c = bytesLocale();
        const QString why =
            tr("%1 (%2) was not attached: the email would be %3 bytes as SendGrid receives it "
               "(attachments in base64); SendGrid takes at most %4 bytes (30 MB).")
                .arg(filename, formatSize(content.size()), c.toString(total),
                     c.toString(SendGridClient::MaxMailSendBytes));
        showResult(why, true);
        Q_EMIT attachmentRefused(why);
        return false;
    }
    m_files = files;
    auto *item =
        new QListWidgetItem(tr("%1 — %2").arg(filename, formatSize(content.size())), m_attachments);
    item->setToolTip(
        tr("%1 bytes; %2 in base64")
            .arg(QLocale().toString(content.size()), formatSize(base64Size(content.size()))));
    revalidate();
    return true;
}

void EmailComposeWidget::addAttachmentFiles(const QStringList &paths) {
    // A file of tens of megabytes is not read on the GUI thread.
    Receiver me(this);
    m_reading += int(paths.size());
    revalidate();
    for (const QString &path : paths) {
        QThreadPool::globalInstance()->start([this, me, path] {
            QFile file(path);
            QByteArray bytes;
            QString error;
            const QString name = QFileInfo(path).fileName();
            // Anything over the limit on its own cannot go: not read at all.
            if (QFileInfo(path).size() > SendGridClient::MaxMailSendBytes)
                error = tr("%1 (%2) was not attached: on its own it is over SendGrid's 30 MB.")
                            .arg(name, formatSize(QFileInfo(path).size()));
            else if (!file.open(QIODevice::ReadOnly))
                error = tr("%1 could not be read: %2").arg(name, file.errorString());
            else
                bytes = file.readAll();
            const QString type = QMimeDatabase().mimeTypeForFile(path).name();
            // Runs only while the form still exists (Receiver checks on the GUI thread).
            me.post([this, name, bytes, type, error] {
                --m_reading;
                if (!error.isEmpty()) {
                    showResult(error, true);
                    Q_EMIT attachmentRefused(error);
                    revalidate();
                    return;
                }
                addAttachment(name, bytes, type);
            });
        });
    }
}

void EmailComposeWidget::removeSelectedAttachments() {
    if (m_busy)
        return;
    QList<int> rows;
    for (QListWidgetItem *item : m_attachments->selectedItems())
        rows << m_attachments->row(item);
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (int row : rows) {
        delete m_attachments->takeItem(row);
        m_files.removeAt(row);
    }
    revalidate();
}

void EmailComposeWidget::updateAttachments() {
    const qint64 total = totalBytes();
    const bool over = total > SendGridClient::MaxMailSendBytes;
    // One line: the count and the total as SendGrid measures it.
    m_total->setText(tr("%1 · %2 of 30 MB with base64")
                         .arg(m_files.isEmpty()     ? tr("No attachments")
                              : m_files.size() == 1 ? tr("1 attachment")
                                                    : tr("%1 attachments").arg(m_files.size()),
                              formatSize(total)));
    m_total->setToolTip(tr("SendGrid takes at most 30 MB (30,000,000 bytes) per email, "
                           "measured on what it receives: attachments count in base64, a third "
                           "larger than the files."));
    SchemeColors::setTone(m_total, over ? Tone::Error : Tone::Faint);
}

} // namespace sb
