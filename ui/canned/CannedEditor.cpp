#include "CannedEditor.h"

#include "canned/CannedResponses.h"
#include "common/Accessibility.h"
#include "common/SchemeColors.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace sb {

namespace {
constexpr int IdRole = Qt::UserRole;
}

CannedEditor::CannedEditor(CannedResponses *responses, QWidget *parent)
    : QDialog(parent)
    , m_responses(responses)
    , m_list(new QListWidget(this))
    , m_shortcut(new QLineEdit(this))
    , m_body(new QPlainTextEdit(this))
    , m_shared(new QCheckBox(tr("S&hared with the team"), this))
    , m_add(new QPushButton(tr("&New"), this))
    , m_remove(new QPushButton(tr("&Remove"), this))
    , m_save(new QPushButton(tr("&Save"), this))
    , m_error(new QLabel(this)) {
    setObjectName(QStringLiteral("cannedEditor"));
    setWindowTitle(tr("Canned responses"));
    m_list->setObjectName(QStringLiteral("cannedList"));
    Accessibility::describe(m_list, tr("Canned responses"),
                            tr("Each response's shortcut and text. Select one to edit it."));
    m_shortcut->setObjectName(QStringLiteral("cannedShortcut"));
    m_shortcut->setPlaceholderText(tr("thanks"));
    Accessibility::describe(m_shortcut, tr("Shortcut"),
                            tr("The word typed after / in a reply box to insert the response."));
    m_body->setObjectName(QStringLiteral("cannedBody"));
    m_body->setTabChangesFocus(true);
    Accessibility::describe(m_body, tr("Text"), tr("The response's text, with placeholders."));
    m_shared->setObjectName(QStringLiteral("cannedShared"));
    m_add->setObjectName(QStringLiteral("cannedNew"));
    m_remove->setObjectName(QStringLiteral("cannedRemove"));
    m_save->setObjectName(QStringLiteral("cannedSave"));
    m_save->setDefault(true);
    m_error->setObjectName(QStringLiteral("cannedError"));
    m_error->setWordWrap(true);
    SchemeColors::setTone(m_error, Tone::Error);

    auto *help = new QLabel(tr("Placeholders: {{contact.name}} (the number when the name is "
                               "unknown), {{contact.number}}, {{agent.name}} (Settings ▸ Your "
                               "name), and any other {{field}}, asked for when it is inserted."),
                            this);
    help->setWordWrap(true);
    help->setTextFormat(Qt::PlainText);
    auto *shortcutLabel = new QLabel(tr("Sh&ortcut:"), this);
    shortcutLabel->setBuddy(m_shortcut);
    auto *bodyLabel = new QLabel(tr("&Text:"), this);
    bodyLabel->setBuddy(m_body);
    auto *form = new QFormLayout;
    form->addRow(shortcutLabel, m_shortcut);
    form->addRow(bodyLabel, m_body);
    form->addRow(QString(), m_shared);
    auto *right = new QVBoxLayout;
    right->addLayout(form, 1);
    right->addWidget(help);
    right->addWidget(m_error);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    buttons->addWidget(m_save);
    right->addLayout(buttons);
    auto *columns = new QHBoxLayout;
    columns->addWidget(m_list, 2);
    columns->addLayout(right, 3);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    close->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("cannedClose"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(close);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_add, &QPushButton::clicked, this, &CannedEditor::startNew);
    connect(m_save, &QPushButton::clicked, this, &CannedEditor::save);
    connect(m_remove, &QPushButton::clicked, this, &CannedEditor::removeSelected);
    connect(m_list, &QListWidget::currentRowChanged, this, &CannedEditor::showSelected);
    connect(m_responses, &CannedResponses::changed, this, &CannedEditor::reloadList);
    resize(720, 420);
    reloadList();
    if (m_list->count() == 0)
        startNew();
}

void CannedEditor::reloadList() {
    const qint64 keep = m_select ? m_select : m_editing;
    const QSignalBlocker quiet(m_list);
    m_list->clear();
    int current = -1;
    for (const CannedResponse &r : m_responses->responses()) {
        auto *item = new QListWidgetItem(r.shared ? tr("/%1 (shared)").arg(r.shortcut)
                                                  : QStringLiteral("/%1").arg(r.shortcut),
                                         m_list);
        item->setData(IdRole, r.id);
        item->setToolTip(r.body);
        if (r.id == keep)
            current = m_list->count() - 1;
    }
    m_select = 0;
    if (current >= 0) {
        m_list->setCurrentRow(current);
        showSelected();
    } else if (m_editing != 0) {
        startNew(); // the one in the form was removed
    }
    m_remove->setEnabled(m_list->currentRow() >= 0);
}

void CannedEditor::showSelected() {
    const QListWidgetItem *item = m_list->currentItem();
    m_remove->setEnabled(item != nullptr);
    if (!item)
        return;
    const qint64 id = item->data(IdRole).toLongLong();
    for (const CannedResponse &r : m_responses->responses()) {
        if (r.id != id)
            continue;
        m_editing = id;
        m_shortcut->setText(r.shortcut);
        m_body->setPlainText(r.body);
        m_shared->setChecked(r.shared);
        m_error->clear();
    }
}

void CannedEditor::startNew() {
    m_editing = 0;
    {
        const QSignalBlocker quiet(m_list);
        m_list->setCurrentRow(-1);
    }
    m_list->clearSelection();
    m_remove->setEnabled(false);
    m_shortcut->clear();
    m_body->clear();
    m_shared->setChecked(false);
    m_error->clear();
    m_shortcut->setFocus();
}

void CannedEditor::save() {
    CannedResponse r;
    r.id = m_editing;
    r.shortcut = m_shortcut->text().trimmed();
    r.body = m_body->toPlainText();
    r.shared = m_shared->isChecked();
    const QString problem = CannedResponses::problemWith(r);
    if (!problem.isEmpty()) {
        m_error->setText(problem);
        return;
    }
    m_error->clear();
    m_save->setEnabled(false);
    auto done = [this](const StoreResult<CannedResponse> &result) {
        m_save->setEnabled(true);
        if (!result.ok()) {
            m_error->setText(result.error);
            return;
        }
        m_editing = m_select = result.value.id;
        reloadList(); // selects it once the reload that follows the commit lists it
        Q_EMIT saved(result.value.id);
    };
    if (r.id == 0)
        m_responses->add(r, done);
    else
        m_responses->update(r, done);
}

void CannedEditor::removeSelected() {
    const QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    const qint64 id = item->data(IdRole).toLongLong();
    m_responses->remove(id, [this](const StoreResult<bool> &result) {
        if (!result.ok())
            m_error->setText(result.error);
    });
}

} // namespace sb
