#include "TemplatePicker.h"

#include "common/Accessibility.h"
#include "common/SchemeColors.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace sb {

namespace {
constexpr int SidRole = Qt::UserRole + 1;
}

TemplatePicker::TemplatePicker(QWidget *parent)
    : QWidget(parent)
    , m_combo(new QComboBox(this))
    , m_status(new QLabel(this))
    , m_form(new QWidget(this))
    , m_formLayout(new QFormLayout(m_form))
    , m_preview(new QLabel(this)) {
    m_combo->setObjectName(QStringLiteral("whatsappTemplate"));
    Accessibility::describe(m_combo, tr("Message template"),
                            tr("An approved WhatsApp template can be sent at any time; outside "
                               "the 24-hour window it is the only way to write."));
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_combo->setMinimumContentsLength(18);
    m_status->setObjectName(QStringLiteral("whatsappTemplateStatus"));
    m_status->setWordWrap(true);
    SchemeColors::setTone(m_status, Tone::Faint);
    m_formLayout->setContentsMargins(0, 0, 0, 0);
    m_formLayout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_preview->setObjectName(QStringLiteral("whatsappTemplatePreview"));
    m_preview->setWordWrap(true);
    m_preview->setTextFormat(Qt::PlainText);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_preview->setFrameShape(QFrame::StyledPanel);
    m_preview->setMargin(4);
    m_preview->setAutoFillBackground(true);
    m_preview->setBackgroundRole(QPalette::Base);
    m_preview->setForegroundRole(QPalette::Text);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    auto *pickRow = new QHBoxLayout;
    pickRow->addWidget(m_combo);
    pickRow->addWidget(m_status, 1);
    layout->addLayout(pickRow);
    layout->addWidget(m_form);
    layout->addWidget(m_preview);
    m_form->hide();
    m_preview->hide();

    connect(m_combo, &QComboBox::currentIndexChanged, this, [this] {
        rebuildForm();
        Q_EMIT changed();
    });
    setTemplates({});
}

void TemplatePicker::setLoading() {
    m_status->setText(tr("Loading the account's templates…"));
    SchemeColors::setTone(m_status, Tone::Faint);
}

void TemplatePicker::setError(const QString &text) {
    m_status->setText(tr("The templates could not be loaded: %1").arg(text));
    SchemeColors::setTone(m_status, Tone::Error);
}

void TemplatePicker::setTemplates(const QList<ContentTemplate> &templates) {
    const QString keep = current() ? current()->sid : QString();
    m_templates = templates;
    // Approved first, then the rest, each group by name.
    std::stable_sort(m_templates.begin(), m_templates.end(),
                     [](const ContentTemplate &a, const ContentTemplate &b) {
                         if (a.approval.canSend() != b.approval.canSend())
                             return a.approval.canSend();
                         return a.friendlyName < b.friendlyName;
                     });
    {
        const QSignalBlocker quiet(m_combo);
        m_combo->clear();
        m_combo->addItem(tr("None: a free-form message"));
        auto *model = qobject_cast<QStandardItemModel *>(m_combo->model());
        int approved = 0;
        for (const ContentTemplate &t : std::as_const(m_templates)) {
            const bool usable = t.approval.canSend();
            approved += usable ? 1 : 0;
            m_combo->addItem(usable ? t.friendlyName
                                    : tr("%1 (%2, cannot be picked)")
                                          .arg(t.friendlyName, t.approval.label().toLower()));
            const int row = m_combo->count() - 1;
            m_combo->setItemData(row, t.sid, SidRole);
            m_combo->setItemData(row, usable ? t.body : t.approval.explanation(), Qt::ToolTipRole);
            if (!usable) {
                if (QStandardItem *item = model ? model->item(row) : nullptr)
                    item->setFlags(item->flags() & ~(Qt::ItemIsEnabled | Qt::ItemIsSelectable));
            }
        }
        const int at = keep.isEmpty() ? -1 : m_combo->findData(keep, SidRole);
        m_combo->setCurrentIndex(at > 0 ? at : 0);
        if (m_templates.isEmpty())
            m_status->clear();
        else
            m_status->setText(
                (approved == 1 ? tr("1 approved template")
                               : tr("%1 approved templates").arg(approved)) +
                (m_templates.size() > approved
                     ? tr("; %1 awaiting or refused approval").arg(m_templates.size() - approved)
                     : QString()));
        SchemeColors::setTone(m_status, Tone::Faint);
    }
    rebuildForm();
    Q_EMIT changed();
}

std::optional<ContentTemplate> TemplatePicker::current() const {
    const QString sid = m_combo->currentData(SidRole).toString();
    for (const ContentTemplate &t : m_templates) {
        if (t.sid == sid && !sid.isEmpty())
            return t;
    }
    return std::nullopt;
}

bool TemplatePicker::pick(const QString &contentSid) {
    const int at = m_combo->findData(contentSid, SidRole);
    if (at <= 0)
        return false;
    const auto *model = qobject_cast<QStandardItemModel *>(m_combo->model());
    if (model && !(model->item(at)->flags() & Qt::ItemIsEnabled))
        return false;
    m_combo->setCurrentIndex(at);
    return true;
}

void TemplatePicker::pickNone() {
    m_combo->setCurrentIndex(0);
}

QList<QLineEdit *> TemplatePicker::variableEdits() const {
    QList<QLineEdit *> edits;
    for (const QString &key : m_keys)
        edits.append(m_edits.value(key));
    return edits;
}

void TemplatePicker::rebuildForm() {
    while (m_formLayout->rowCount() > 0)
        m_formLayout->removeRow(0); // deletes the row's widgets
    m_edits.clear();
    m_keys.clear();
    const std::optional<ContentTemplate> picked = current();
    m_form->setVisible(picked.has_value());
    m_preview->setVisible(picked.has_value());
    if (!picked) {
        m_preview->clear();
        return;
    }
    const TemplateVariables variables(*picked);
    m_keys = variables.keys();
    for (const QString &key : std::as_const(m_keys)) {
        auto *edit = new QLineEdit(m_form);
        edit->setObjectName(QStringLiteral("whatsappVariable_") + key);
        const QString example = variables.defaultValue(key);
        if (!example.isEmpty())
            edit->setPlaceholderText(tr("e.g. %1").arg(example));
        Accessibility::describe(edit, tr("Template variable %1").arg(key),
                                tr("Fills {{%1}} in the template's text.").arg(key));
        m_formLayout->addRow(QStringLiteral("{{%1}}").arg(key), edit);
        edit->show(); // now, not when the layout gets to it: Tab may come at once
        connect(edit, &QLineEdit::textChanged, this, [this] {
            updatePreview();
            Q_EMIT changed();
        });
        m_edits.insert(key, edit);
    }
    updatePreview();
}

TemplateVariables::Values TemplatePicker::values() const {
    TemplateVariables::Values values;
    for (auto it = m_edits.cbegin(); it != m_edits.cend(); ++it) {
        if (!it.value()->text().trimmed().isEmpty())
            values.insert(it.key(), it.value()->text());
    }
    return values;
}

QString TemplatePicker::preview() const {
    const std::optional<ContentTemplate> picked = current();
    return picked ? TemplateVariables::render(picked->body, values()) : QString();
}

QString TemplatePicker::whyNotSendable() const {
    const std::optional<ContentTemplate> picked = current();
    if (!picked)
        return {};
    QStringList missing;
    for (const QString &key : m_keys) {
        if (m_edits.value(key)->text().trimmed().isEmpty())
            missing << QStringLiteral("{{%1}}").arg(key);
    }
    if (missing.isEmpty())
        return {};
    return tr("Nothing was sent: fill in %1 of the template \"%2\".")
        .arg(missing.join(QStringLiteral(", ")), picked->friendlyName);
}

void TemplatePicker::updatePreview() {
    const QString text = preview();
    m_preview->setText(text);
    m_preview->setAccessibleName(tr("Preview: %1").arg(text));
}

} // namespace sb
