#include "ReplayEditDialog.h"

#include "common/Accessibility.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace sb {

ReplayEditDialog::ReplayEditDialog(qint64 webhookId, const FormFields &fields, QWidget *parent)
    : QDialog(parent)
    , m_original(fields)
    , m_table(new QTableWidget(int(fields.size()), 2, this)) {
    setWindowTitle(tr("Edit and replay webhook %1").arg(webhookId));
    auto *note = new QLabel(tr("Change the form fields, then replay. The replay skips the "
                               "signature check and is marked as a replay."),
                            this);
    note->setWordWrap(true);
    m_table->setHorizontalHeaderLabels({tr("Field"), tr("Value")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    Accessibility::describe(m_table, tr("Form fields"),
                            tr("The webhook's form fields; edit a value to change it."));
    for (int row = 0; row < fields.size(); ++row) {
        m_table->setItem(row, 0, new QTableWidgetItem(fields.at(row).first));
        m_table->setItem(row, 1, new QTableWidgetItem(fields.at(row).second));
    }
    m_table->resizeColumnToContents(0);

    auto *add = new QPushButton(tr("&Add field"), this);
    auto *remove = new QPushButton(tr("&Remove field"), this);
    connect(add, &QPushButton::clicked, this, &ReplayEditDialog::addField);
    connect(remove, &QPushButton::clicked, this, &ReplayEditDialog::removeField);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *replay = buttons->addButton(tr("Re&play"), QDialogButtonBox::AcceptRole);
    replay->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *row = new QHBoxLayout;
    row->addWidget(add);
    row->addWidget(remove);
    row->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(note);
    layout->addWidget(m_table);
    layout->addLayout(row);
    layout->addWidget(buttons);
    resize(520, 380);
}

void ReplayEditDialog::addField() {
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, 0, new QTableWidgetItem);
    m_table->setItem(row, 1, new QTableWidgetItem);
    m_table->setCurrentCell(row, 0);
    m_table->editItem(m_table->item(row, 0));
}

void ReplayEditDialog::removeField() {
    if (m_table->currentRow() >= 0)
        m_table->removeRow(m_table->currentRow());
}

QVariantMap ReplayEditDialog::edits() const {
    QVariantMap edits;
    QSet<QString> present;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QString key =
            m_table->item(row, 0) ? m_table->item(row, 0)->text().trimmed() : QString();
        if (key.isEmpty())
            continue;
        const QString value = m_table->item(row, 1) ? m_table->item(row, 1)->text() : QString();
        present.insert(key);
        const QString before = FormEncoding::value(m_original, key);
        const bool existed = std::any_of(m_original.cbegin(), m_original.cend(),
                                         [&](const auto &f) { return f.first == key; });
        if (!existed || before != value)
            edits.insert(key, value);
    }
    for (const auto &[key, value] : m_original) {
        if (!present.contains(key))
            edits.insert(key, QVariant()); // removed
    }
    return edits;
}

} // namespace sb
