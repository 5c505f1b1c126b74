#pragma once

#include "providers/twilio/ContentTemplate.h"
#include "providers/twilio/TemplateVariables.h"

#include <QList>
#include <QMap>
#include <QWidget>

#include <optional>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace sb {

// The account's WhatsApp Content templates to pick from, with a form for the picked one's
// variables ({{1}}, {{first_name}}...) and a live preview of its text as the customer will read
// it. Every template is listed with its approval; only approved ones can be picked (the others
// are shown, greyed out, with WhatsApp's verdict as their tooltip). The first entry is "no
// template": a free-form message. It only shows what it is given (setTemplates); the tab
// fetches the list off the GUI thread.
class TemplatePicker : public QWidget {
    Q_OBJECT
public:
    explicit TemplatePicker(QWidget *parent = nullptr);

    void setLoading();
    void setTemplates(const QList<ContentTemplate> &templates);
    void setError(const QString &text);

    // The picked template; none for a free-form message.
    std::optional<ContentTemplate> current() const;
    // Picks the template with this SID (false when it is not listed or cannot be picked).
    bool pick(const QString &contentSid);
    void pickNone();
    TemplateVariables::Values values() const;
    // What the customer will read with the values as filled so far (unfilled ones stay {{n}}).
    QString preview() const;
    // Why the picked template cannot go yet (a variable without value), or empty.
    QString whyNotSendable() const;

    QComboBox *combo() const { return m_combo; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *previewLabel() const { return m_preview; }
    QLineEdit *variableEdit(const QString &key) const { return m_edits.value(key); }
    QList<QLineEdit *> variableEdits() const;

Q_SIGNALS:
    // The pick or a value changed.
    void changed();

private:
    void rebuildForm();
    void updatePreview();

    QComboBox *m_combo;
    QLabel *m_status;
    QWidget *m_form;
    QFormLayout *m_formLayout;
    QLabel *m_preview;
    QList<ContentTemplate> m_templates;
    QMap<QString, QLineEdit *> m_edits;
    QStringList m_keys; // m_edits' keys in the form's order
};

} // namespace sb
