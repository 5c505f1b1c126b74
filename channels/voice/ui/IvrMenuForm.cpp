#include "IvrMenuForm.h"

#include "IvrTreeModel.h"
#include "common/Accessibility.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>

namespace sb {

IvrMenuForm::IvrMenuForm(IvrTreeModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_form(new QFormLayout(this))
    , m_text(new QPlainTextEdit(this))
    , m_voice(new QComboBox(this))
    , m_language(new QComboBox(this))
    , m_timeout(new QSpinBox(this)) {
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_text->setObjectName(QStringLiteral("ivrGreetingText"));
    m_text->setTabChangesFocus(true);
    m_text->setMaximumHeight(m_text->fontMetrics().lineSpacing() * 5 + 12);
    // Twilio's voices and languages are many; these are common, and any other may be typed
    // (IvrValidator checks the form).
    m_voice->setObjectName(QStringLiteral("ivrVoice"));
    m_voice->setEditable(true);
    m_voice->addItems({QString(), QStringLiteral("alice"), QStringLiteral("man"),
                       QStringLiteral("woman"), QStringLiteral("Polly.Joanna"),
                       QStringLiteral("Polly.Matthew"), QStringLiteral("Polly.Amy"),
                       QStringLiteral("Google.en-US-Standard-C")});
    m_voice->lineEdit()->setPlaceholderText(tr("As the enclosing menu"));
    m_language->setObjectName(QStringLiteral("ivrLanguage"));
    m_language->setEditable(true);
    m_language->addItems({QString(), QStringLiteral("en-US"), QStringLiteral("en-GB"),
                          QStringLiteral("en-AU"), QStringLiteral("es-ES"), QStringLiteral("es-MX"),
                          QStringLiteral("fr-FR"), QStringLiteral("de-DE")});
    m_language->lineEdit()->setPlaceholderText(tr("As the enclosing menu"));
    m_timeout->setRange(1, 60);
    m_timeout->setSuffix(tr(" s"));
    m_form->addRow(tr("Sa&y:"), m_text);
    m_form->addRow(tr("Vo&ice:"), m_voice);
    m_form->addRow(tr("&Language:"), m_language);
    m_form->addRow(tr("&Wait for a key:"), m_timeout);
    Accessibility::describe(m_text, tr("Greeting"), tr("What the caller hears."));
    Accessibility::describe(m_voice, tr("Voice"),
                            tr("alice, man, woman, Polly.<name> or Google.<name>."));
    Accessibility::describe(m_language, tr("Language"), tr("A language tag like en-US."));
    m_voice->lineEdit()->setAccessibleName(tr("Voice"));
    m_language->lineEdit()->setAccessibleName(tr("Language"));
    Accessibility::describe(m_timeout, tr("Seconds to wait for a key"));
    if (auto *edit = m_timeout->findChild<QLineEdit *>())
        edit->setAccessibleName(m_timeout->accessibleName());
    connect(m_text, &QPlainTextEdit::textChanged, this, &IvrMenuForm::write);
    connect(m_voice, &QComboBox::currentTextChanged, this, &IvrMenuForm::write);
    connect(m_language, &QComboBox::currentTextChanged, this, &IvrMenuForm::write);
    connect(m_timeout, &QSpinBox::valueChanged, this, &IvrMenuForm::write);
}

void IvrMenuForm::setNode(const QModelIndex &index) {
    m_index = index;
    const IvrMenu *menu = m_model->menu(index);
    if (!menu)
        return;
    const bool greeting = IvrTreeModel::kind(index) == IvrTreeModel::Kind::Greeting;
    m_loading = true;
    m_text->setPlainText(greeting ? menu->greeting : menu->invalidInput);
    m_voice->setCurrentText(menu->voice);
    m_language->setCurrentText(menu->language);
    m_timeout->setValue(menu->timeoutSeconds);
    m_loading = false;
    m_form->setRowVisible(m_voice, greeting);
    m_form->setRowVisible(m_language, greeting);
    m_form->setRowVisible(m_timeout, greeting);
    Accessibility::describe(m_text, greeting ? tr("Greeting") : tr("Said on an unknown key"),
                            greeting ? tr("What the caller hears.")
                                     : tr("Said when a key with no option is pressed; then "
                                          "the menu again."));
}

void IvrMenuForm::write() {
    IvrMenu *menu = m_model->menu(m_index);
    if (m_loading || !menu)
        return;
    if (IvrTreeModel::kind(m_index) == IvrTreeModel::Kind::Greeting) {
        menu->greeting = m_text->toPlainText();
        menu->voice = m_voice->currentText().trimmed();
        menu->language = m_language->currentText().trimmed();
        menu->timeoutSeconds = m_timeout->value();
    } else {
        menu->invalidInput = m_text->toPlainText();
    }
    m_model->touched(m_index);
}

} // namespace sb
