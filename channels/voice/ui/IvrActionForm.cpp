#include "IvrActionForm.h"

#include "IvrTreeModel.h"
#include "common/Accessibility.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QStandardItemModel>

namespace sb {

namespace {

using Type = IvrAction::Type;

QSpinBox *spin(QWidget *parent, int min, int max, const QString &suffix) {
    auto *box = new QSpinBox(parent);
    box->setRange(min, max);
    box->setSuffix(suffix);
    return box;
}

} // namespace

IvrActionForm::IvrActionForm(IvrTreeModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_form(new QFormLayout(this))
    , m_type(new QComboBox(this))
    , m_label(new QLineEdit(this))
    , m_repeats(spin(this, 0, 10, tr(" times")))
    , m_text(new QPlainTextEdit(this))
    , m_then(new QComboBox(this))
    , m_number(new QLineEdit(this))
    , m_record(new QCheckBox(tr("Record the forwarded call"), this))
    , m_ringSeconds(spin(this, 5, 600, tr(" s")))
    , m_prompt(new QLineEdit(this))
    , m_maxLength(spin(this, 1, 3600, tr(" s")))
    , m_beep(new QCheckBox(tr("Beep before recording"), this))
    , m_confirmation(new QLineEdit(this)) {
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_type->setObjectName(QStringLiteral("ivrActionType"));
    m_type->addItem(tr("Say something"), int(Type::Say));
    m_type->addItem(tr("Forward to a number"), int(Type::Forward));
    m_type->addItem(tr("Voicemail"), int(Type::Voicemail));
    m_type->addItem(tr("Sub-menu"), int(Type::Submenu));
    m_type->addItem(tr("Send an SMS"), int(Type::Sms));
    m_type->addItem(tr("Hang up"), int(Type::Hangup));
    m_then->addItem(tr("Back to the menu"), true);
    m_then->addItem(tr("Hang up"), false);
    m_label->setObjectName(QStringLiteral("ivrKeyLabel"));
    m_label->setPlaceholderText(tr("For you only; never spoken"));
    m_text->setObjectName(QStringLiteral("ivrActionText"));
    m_text->setTabChangesFocus(true);
    m_text->setMaximumHeight(m_text->fontMetrics().lineSpacing() * 4 + 12);
    m_number->setObjectName(QStringLiteral("ivrForwardNumber"));
    m_number->setPlaceholderText(QStringLiteral("+14155550100"));
    m_prompt->setObjectName(QStringLiteral("ivrVoicemailPrompt"));
    m_confirmation->setPlaceholderText(tr("We have sent you a text message."));

    m_form->addRow(tr("&Action:"), m_type);
    m_form->addRow(tr("&Label:"), m_label);
    m_form->addRow(tr("Repeat &while silent:"), m_repeats);
    m_form->addRow(tr("&Text:"), m_text);
    m_form->addRow(tr("T&hen:"), m_then);
    m_form->addRow(tr("N&umber:"), m_number);
    m_form->addRow(QString(), m_record);
    m_form->addRow(tr("&Ring for:"), m_ringSeconds);
    m_form->addRow(tr("&Prompt:"), m_prompt);
    m_form->addRow(tr("Ma&x length:"), m_maxLength);
    m_form->addRow(QString(), m_beep);
    m_form->addRow(tr("&Confirmation:"), m_confirmation);

    Accessibility::describe(m_type, tr("What this does"));
    Accessibility::describe(m_label, tr("Key label"), tr("A name for the key in this editor."));
    Accessibility::describe(m_repeats, tr("Silences answered by repeating the menu"));
    Accessibility::describe(m_text, tr("Text"), tr("What is said, or the SMS sent."));
    Accessibility::describe(m_then, tr("Afterwards"));
    Accessibility::describe(m_number, tr("Forward number"), tr("E.164, e.g. +14155550100."));
    Accessibility::describe(m_record, tr("Record the forwarded call"));
    Accessibility::describe(m_ringSeconds, tr("Seconds to ring the forward number"));
    Accessibility::describe(m_prompt, tr("Voicemail prompt"), tr("Said before the beep."));
    Accessibility::describe(m_maxLength, tr("Longest voicemail"));
    Accessibility::describe(m_beep, tr("Beep before recording"));
    Accessibility::describe(m_confirmation, tr("SMS confirmation"),
                            tr("Said once the message is queued."));

    // A spin box's text field is what takes the focus: it carries the box's name.
    for (QSpinBox *box : {m_repeats, m_ringSeconds, m_maxLength})
        if (auto *edit = box->findChild<QLineEdit *>())
            edit->setAccessibleName(box->accessibleName());

    connect(m_type, &QComboBox::currentIndexChanged, this, &IvrActionForm::onTypeChosen);
    for (QLineEdit *edit : {m_label, m_number, m_prompt, m_confirmation})
        connect(edit, &QLineEdit::textChanged, this, &IvrActionForm::write);
    connect(m_text, &QPlainTextEdit::textChanged, this, &IvrActionForm::write);
    connect(m_then, &QComboBox::currentIndexChanged, this, &IvrActionForm::write);
    for (QCheckBox *box : {m_record, m_beep})
        connect(box, &QCheckBox::toggled, this, &IvrActionForm::write);
    for (QSpinBox *box : {m_repeats, m_ringSeconds, m_maxLength})
        connect(box, &QSpinBox::valueChanged, this, &IvrActionForm::write);
}

void IvrActionForm::setNode(const QModelIndex &index) {
    m_index = index;
    load();
}

void IvrActionForm::load() {
    const IvrAction *a = m_model->action(m_index);
    if (!a)
        return;
    m_loading = true;
    const auto kind = IvrTreeModel::kind(m_index);
    // Silence cannot open a sub-menu (IvrValidator says why).
    if (auto *items = qobject_cast<QStandardItemModel *>(m_type->model()))
        items->item(m_type->findData(int(Type::Submenu)))
            ->setEnabled(kind != IvrTreeModel::Kind::NoInput);
    m_type->setCurrentIndex(m_type->findData(int(a->type)));
    const IvrOption *o = m_model->option(m_index);
    m_label->setText(o ? o->label : QString());
    const IvrMenu *menu = m_model->menu(m_index);
    m_repeats->setValue(menu ? menu->noInputRepeats : 0);
    m_text->setPlainText(a->text);
    m_then->setCurrentIndex(a->thenMenu ? 0 : 1);
    m_number->setText(a->number);
    m_record->setChecked(a->record);
    m_ringSeconds->setValue(a->timeoutSeconds);
    m_prompt->setText(a->prompt);
    m_maxLength->setValue(a->maxLength);
    m_beep->setChecked(a->playBeep);
    m_confirmation->setText(a->confirmation);
    m_loading = false;
    showRows();
}

void IvrActionForm::showRows() {
    const IvrAction *a = m_model->action(m_index);
    if (!a)
        return;
    const auto kind = IvrTreeModel::kind(m_index);
    const Type t = a->type;
    m_form->setRowVisible(m_label, kind == IvrTreeModel::Kind::Option);
    m_form->setRowVisible(m_repeats, kind == IvrTreeModel::Kind::NoInput);
    m_form->setRowVisible(m_text, t == Type::Say || t == Type::Sms || t == Type::Hangup);
    // Out of hours there is no menu to go back to.
    m_form->setRowVisible(m_then,
                          (t == Type::Say || t == Type::Sms) && kind != IvrTreeModel::Kind::Closed);
    for (QWidget *w : {static_cast<QWidget *>(m_number), static_cast<QWidget *>(m_record),
                       static_cast<QWidget *>(m_ringSeconds)})
        m_form->setRowVisible(w, t == Type::Forward);
    for (QWidget *w : {static_cast<QWidget *>(m_prompt), static_cast<QWidget *>(m_maxLength),
                       static_cast<QWidget *>(m_beep)})
        m_form->setRowVisible(w, t == Type::Voicemail);
    m_form->setRowVisible(m_confirmation, t == Type::Sms);
    m_text->setPlaceholderText(t == Type::Hangup ? tr("Optional goodbye") : QString());
}

void IvrActionForm::onTypeChosen() {
    if (m_loading || !m_index.isValid())
        return;
    const auto type = Type(m_type->currentData().toInt());
    IvrAction *a = m_model->action(m_index);
    if (a && IvrTreeModel::kind(m_index) == IvrTreeModel::Kind::Closed &&
        (type == Type::Say || type == Type::Sms))
        a->thenMenu = false;
    m_model->setActionType(m_index, type);
    load();
}

void IvrActionForm::write() {
    IvrAction *a = m_model->action(m_index);
    if (m_loading || !a)
        return;
    if (IvrOption *o = m_model->option(m_index))
        o->label = m_label->text();
    if (IvrTreeModel::kind(m_index) == IvrTreeModel::Kind::NoInput)
        m_model->menu(m_index)->noInputRepeats = m_repeats->value();
    a->text = m_text->toPlainText();
    a->thenMenu =
        m_then->currentData().toBool() && IvrTreeModel::kind(m_index) != IvrTreeModel::Kind::Closed;
    a->number = m_number->text().trimmed();
    a->record = m_record->isChecked();
    a->timeoutSeconds = m_ringSeconds->value();
    a->prompt = m_prompt->text();
    a->maxLength = m_maxLength->value();
    a->playBeep = m_beep->isChecked();
    a->confirmation = m_confirmation->text();
    m_model->touched(m_index);
}

} // namespace sb
