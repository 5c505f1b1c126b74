#include "EmailTemplatePicker.h"

#include "common/Accessibility.h"
#include "common/Receiver.h"
#include "common/SchemeColors.h"
#include "providers/sendgrid/DynamicTemplateRenderer.h"
#include "providers/sendgrid/SendGridClient.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace sb {

namespace {
constexpr int KindRole = Qt::UserRole + 1; // a list column's TemplateField::Kind
constexpr int PathRole = Qt::UserRole + 2; // a list column's item path; empty: the item itself
} // namespace

EmailTemplatePicker::EmailTemplatePicker(SendGridClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_combo(new QComboBox(this))
    , m_reload(new QPushButton(tr("Reload"), this))
    , m_status(new QLabel(this))
    , m_form(new QWidget)
    , m_formLayout(new QFormLayout(m_form))
    , m_subject(new QLabel(this))
    , m_preview(new QTextBrowser(this)) {
    m_combo->setObjectName(QStringLiteral("emailTemplate"));
    Accessibility::describe(m_combo, tr("Email template"),
                            tr("A SendGrid dynamic template; its variables are filled in below."));
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_combo->setMinimumContentsLength(20);
    m_reload->setObjectName(QStringLiteral("emailTemplateReload"));
    m_reload->setToolTip(tr("Ask SendGrid for the account's templates again"));
    m_status->setObjectName(QStringLiteral("emailTemplateStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_formLayout->setContentsMargins(0, 0, 0, 0);
    m_formLayout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_subject->setObjectName(QStringLiteral("emailTemplateSubject"));
    m_subject->setTextFormat(Qt::PlainText);
    m_subject->setWordWrap(true);
    m_subject->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subject->setToolTip(tr("As SendGrid sends it: {{ }} values are HTML-escaped in the "
                             "subject too (& becomes &amp;); the template needs {{{ }}} there."));
    m_preview->setObjectName(QStringLiteral("emailTemplatePreview"));
    // A preview, not a browser: links are shown, never followed, and nothing is fetched.
    m_preview->setOpenLinks(false);
    m_preview->setOpenExternalLinks(false);
    Accessibility::describe(m_preview, tr("Email preview"),
                            tr("The email as the template makes it with these values."));

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // The form at the top of its pane, whatever height the pane has.
    auto *formHolder = new QWidget;
    auto *holderLayout = new QVBoxLayout(formHolder);
    holderLayout->addWidget(m_form);
    holderLayout->addStretch(1);
    scroll->setWidget(formHolder);
    // The form's labels and fields stay readable however wide the preview wants to be.
    scroll->setMinimumWidth(fontMetrics().averageCharWidth() * 60);
    auto *previewPane = new QWidget(this);
    auto *previewLayout = new QVBoxLayout(previewPane);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    previewLayout->addWidget(m_subject);
    previewLayout->addWidget(m_preview, 1);
    previewPane->setMinimumWidth(fontMetrics().averageCharWidth() * 36);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setChildrenCollapsible(false);
    split->addWidget(scroll);
    split->addWidget(previewPane);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setSizes({2000, 3000}); // 2:3 of whatever width it gets

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *pickRow = new QHBoxLayout;
    pickRow->addWidget(m_combo);
    pickRow->addWidget(m_reload);
    pickRow->addWidget(m_status, 1);
    layout->addLayout(pickRow);
    layout->addWidget(split, 1);

    connect(m_combo, &QComboBox::currentIndexChanged, this, &EmailTemplatePicker::fetchPicked);
    connect(m_reload, &QPushButton::clicked, this, &EmailTemplatePicker::reload);
    showTemplates({});
    reload();
}

void EmailTemplatePicker::setStatus(const QString &text, bool error) {
    m_status->setText(text);
    SchemeColors::setTone(m_status, error ? Tone::Error : Tone::Faint);
}

void EmailTemplatePicker::reload() {
    SendGridClient *client = m_client;
    if (!client) {
        setStatus(tr("No connection to SendGrid: set SENDGRID_API_KEY."), true);
        return;
    }
    setStatus(tr("Loading the account's templates…"), false);
    // Runs here, through the receiver: only `me` crosses to the client's thread.
    std::function<void(const SendGridResult<QList<SendGridTemplate>> &)> done =
        [this](const SendGridResult<QList<SendGridTemplate>> &found) {
            if (!found.ok()) {
                setStatus(
                    tr("The templates could not be loaded: %1").arg(found.error.explanation()),
                    true);
                return;
            }
            showTemplates(found.value);
        };
    QMetaObject::invokeMethod(client, [client, me = Receiver(this), done = std::move(done)] {
        client->listDynamicTemplates(me, done);
    });
}

void EmailTemplatePicker::showTemplates(const QList<SendGridTemplate> &templates) {
    const QString keep = templateId();
    {
        const QSignalBlocker quiet(m_combo);
        m_combo->clear();
        m_combo->addItem(tr("No template"), QString());
        for (const SendGridTemplate &t : templates) {
            m_combo->addItem(t.name, t.id);
            m_combo->setItemData(
                m_combo->count() - 1,
                t.activeVersion ? tr("%1\nActive version: %2 (subject \"%3\")")
                                      .arg(t.id, t.activeVersion->name, t.activeVersion->subject)
                                : tr("%1\nNo active version").arg(t.id),
                Qt::ToolTipRole);
        }
        const int at = keep.isEmpty() ? -1 : m_combo->findData(keep);
        m_combo->setCurrentIndex(at > 0 ? at : 0);
    }
    if (!templates.isEmpty() || m_client)
        setStatus(templates.size() == 1 ? tr("1 dynamic template")
                                        : tr("%1 dynamic templates").arg(templates.size()),
                  false);
    Q_EMIT templatesListed(int(templates.size()));
    if (templateId() != keep || keep.isEmpty())
        fetchPicked();
}

bool EmailTemplatePicker::pick(const QString &templateId) {
    const int at = m_combo->findData(templateId);
    if (at <= 0)
        return false;
    m_combo->setCurrentIndex(at);
    return true;
}

QString EmailTemplatePicker::templateId() const {
    return m_combo->currentData().toString();
}

void EmailTemplatePicker::fetchPicked() {
    ++m_fetchSerial;
    m_version.reset();
    clearForm();
    const QString id = templateId();
    if (id.isEmpty() || !m_client) {
        updatePreview();
        Q_EMIT changed();
        return;
    }
    setStatus(tr("Loading \"%1\"…").arg(m_combo->currentText()), false);
    const quint64 serial = m_fetchSerial;
    std::function<void(const SendGridResult<SendGridTemplate> &)> done =
        [this, serial, id](const SendGridResult<SendGridTemplate> &found) {
            if (serial != m_fetchSerial)
                return; // the agent has picked another one since
            if (!found.ok()) {
                setStatus(tr("The template could not be loaded: %1").arg(found.error.explanation()),
                          true);
            } else if (!found.value.activeVersion) {
                setStatus(tr("\"%1\" has no active version: SendGrid would send nothing. "
                             "Activate one in SendGrid's Dynamic Templates.")
                              .arg(found.value.name),
                          true);
            } else {
                showVersion(*found.value.activeVersion);
            }
            Q_EMIT templateLoaded(id);
            Q_EMIT changed();
        };
    SendGridClient *client = m_client;
    QMetaObject::invokeMethod(client, [client, me = Receiver(this), id, done = std::move(done)] {
        client->fetchTemplate(id, me, done);
    });
}

void EmailTemplatePicker::showVersion(const SendGridTemplateVersion &version) {
    m_version = version;
    const DynamicTemplateVariables variables(
        {version.subject, version.htmlContent, version.plainContent});
    m_versionValid = variables.isValid();
    if (!m_versionValid) {
        setStatus(tr("Version \"%1\" cannot be filled in: %2").arg(version.name, variables.error()),
                  true);
        updatePreview();
        return;
    }
    m_fields = variables.fields();
    setStatus(tr("Version \"%1\", %n variable(s)", nullptr, int(m_fields.size())).arg(version.name),
              false);
    buildForm();
    updatePreview();
}

void EmailTemplatePicker::clearForm() {
    while (m_formLayout->rowCount() > 0)
        m_formLayout->removeRow(0); // deletes the row's widgets
    m_fields.clear();
    m_texts.clear();
    m_flags.clear();
    m_lists.clear();
}

void EmailTemplatePicker::buildForm() {
    auto refresh = [this] {
        updatePreview();
        Q_EMIT changed();
    };
    for (const TemplateField &field : std::as_const(m_fields)) {
        const QString label = QStringLiteral("{{%1}}").arg(field.path);
        switch (field.kind) {
        case TemplateField::Kind::Text: {
            auto *edit = new QLineEdit(m_form);
            edit->setObjectName(QStringLiteral("emailVariable_") + field.path);
            Accessibility::describe(edit, tr("Template variable %1").arg(field.path),
                                    tr("Fills %1 in the template.").arg(label));
            connect(edit, &QLineEdit::textChanged, this, refresh);
            m_formLayout->addRow(label, edit);
            m_texts.insert(field.path, edit);
            break;
        }
        case TemplateField::Kind::Flag: {
            auto *box = new QCheckBox(tr("shown when on"), m_form);
            box->setObjectName(QStringLiteral("emailFlag_") + field.path);
            Accessibility::describe(box, tr("Template condition %1").arg(field.path),
                                    tr("Turns on the template's {{#if %1}} part.").arg(field.path));
            connect(box, &QCheckBox::toggled, this, refresh);
            m_formLayout->addRow(QStringLiteral("{{#if %1}}").arg(field.path), box);
            m_flags.insert(field.path, box);
            break;
        }
        case TemplateField::Kind::List:
            m_formLayout->addRow(QStringLiteral("{{#each %1}}").arg(field.path), listEditor(field));
            break;
        }
    }
    // Shown now, not when the layout gets to them: Tab may come at once.
    for (int row = 0; row < m_formLayout->rowCount(); ++row) {
        for (const auto role : {QFormLayout::LabelRole, QFormLayout::FieldRole}) {
            if (QLayoutItem *item = m_formLayout->itemAt(row, role); item && item->widget())
                item->widget()->show();
        }
    }
}

QWidget *EmailTemplatePicker::listEditor(const TemplateField &field) {
    auto *box = new QWidget(m_form);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *table = new QTableWidget(box);
    table->setObjectName(QStringLiteral("emailList_") + field.path);
    Accessibility::describe(table, tr("Template list %1").arg(field.path),
                            tr("One row per item of {{#each %1}}.").arg(field.path));
    QList<QPair<QString, TemplateField::Kind>> columns;
    if (field.itemIsText)
        columns.append({QString(), TemplateField::Kind::Text});
    for (const TemplateField &item : field.itemFields)
        columns.append({item.path, item.kind});
    table->setColumnCount(int(columns.size()));
    for (int c = 0; c < columns.size(); ++c) {
        auto *header =
            new QTableWidgetItem(columns[c].first.isEmpty() ? tr("value") : columns[c].first);
        header->setData(PathRole, columns[c].first);
        header->setData(KindRole, int(columns[c].second));
        if (columns[c].second == TemplateField::Kind::List)
            header->setToolTip(tr("Values separated by commas"));
        table->setHorizontalHeaderItem(c, header);
    }
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    auto addRow = [table] {
        const int row = table->rowCount();
        table->insertRow(row);
        for (int c = 0; c < table->columnCount(); ++c) {
            auto *cell = new QTableWidgetItem;
            if (TemplateField::Kind(table->horizontalHeaderItem(c)->data(KindRole).toInt()) ==
                TemplateField::Kind::Flag) {
                cell->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
                cell->setCheckState(Qt::Unchecked);
            }
            table->setItem(row, c, cell);
        }
    };
    addRow();
    table->setMinimumHeight(table->horizontalHeader()->sizeHint().height() +
                            3 * table->verticalHeader()->defaultSectionSize() + 4);
    table->setMaximumHeight(table->minimumHeight() * 2);
    connect(table, &QTableWidget::itemChanged, this, [this] {
        updatePreview();
        Q_EMIT changed();
    });
    auto *buttons = new QHBoxLayout;
    auto *add = new QPushButton(tr("Add item"), box);
    add->setObjectName(QStringLiteral("emailListAdd_") + field.path);
    auto *remove = new QPushButton(tr("Remove item"), box);
    remove->setObjectName(QStringLiteral("emailListRemove_") + field.path);
    connect(add, &QPushButton::clicked, table, addRow);
    connect(remove, &QPushButton::clicked, this, [this, table] {
        const int row = table->currentRow() >= 0 ? table->currentRow() : table->rowCount() - 1;
        if (row < 0)
            return;
        table->removeRow(row);
        updatePreview();
        Q_EMIT changed();
    });
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    layout->addWidget(table);
    layout->addLayout(buttons);
    m_lists.insert(field.path, table);
    return box;
}

QJsonObject EmailTemplatePicker::dynamicTemplateData() const {
    QJsonObject data;
    if (!m_version)
        return data;
    for (auto it = m_texts.cbegin(); it != m_texts.cend(); ++it) {
        if (!it.value()->text().isEmpty())
            DynamicTemplateVariables::insert(data, it.key(), it.value()->text());
    }
    for (auto it = m_flags.cbegin(); it != m_flags.cend(); ++it)
        DynamicTemplateVariables::insert(data, it.key(), it.value()->isChecked());
    for (auto it = m_lists.cbegin(); it != m_lists.cend(); ++it) {
        const QTableWidget *table = it.value();
        QJsonArray items;
        for (int row = 0; row < table->rowCount(); ++row) {
            QJsonObject item;
            QString self;
            bool filled = false;
            for (int c = 0; c < table->columnCount(); ++c) {
                const QTableWidgetItem *header = table->horizontalHeaderItem(c);
                const QString path = header->data(PathRole).toString();
                const auto kind = TemplateField::Kind(header->data(KindRole).toInt());
                const QTableWidgetItem *cell = table->item(row, c);
                if (!cell)
                    continue;
                if (kind == TemplateField::Kind::Flag) {
                    if (cell->checkState() == Qt::Checked) {
                        DynamicTemplateVariables::insert(item, path, true);
                        filled = true;
                    }
                    continue;
                }
                const QString text = cell->text();
                if (text.isEmpty())
                    continue;
                filled = true;
                if (path.isEmpty()) {
                    self = text;
                } else if (kind == TemplateField::Kind::List) {
                    QJsonArray values;
                    for (const QString &v : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
                        values.append(v.trimmed());
                    DynamicTemplateVariables::insert(item, path, values);
                } else {
                    DynamicTemplateVariables::insert(item, path, text);
                }
            }
            if (!filled)
                continue; // an empty row is no item
            if (item.isEmpty())
                items.append(self);
            else
                items.append(item);
        }
        DynamicTemplateVariables::insert(data, it.key(), items);
    }
    return data;
}

QString EmailTemplatePicker::previewSubject() const {
    return m_version ? DynamicTemplateRenderer::render(m_version->subject, dynamicTemplateData())
                     : QString();
}

QString EmailTemplatePicker::previewHtml() const {
    if (!m_version)
        return {};
    const QJsonObject data = dynamicTemplateData();
    const QString html = DynamicTemplateRenderer::render(m_version->htmlContent, data);
    if (!html.isEmpty() || m_version->plainContent.isEmpty())
        return html;
    // A text-only template: shown as text.
    return QStringLiteral("<pre>%1</pre>")
        .arg(DynamicTemplateRenderer::render(m_version->plainContent, data));
}

void EmailTemplatePicker::updatePreview() {
    if (!m_version || !m_versionValid) {
        m_subject->clear();
        m_preview->clear();
        return;
    }
    const QString subject = previewSubject();
    m_subject->setText(tr("Subject: %1").arg(subject));
    m_subject->setAccessibleName(tr("Subject: %1").arg(subject));
    m_preview->setHtml(previewHtml());
}

} // namespace sb
