#pragma once

#include "providers/sendgrid/DynamicTemplateVariables.h"
#include "providers/sendgrid/SendGridResources.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QPointer>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QTextBrowser;

namespace sb {

class SendGridClient;

// The account's SendGrid dynamic templates to pick from, a form for the picked one's
// variables, and a live preview of the email it makes. The list and the picked template's
// active version are asked of `client` on the client's own thread (the network thread):
// nothing here waits for SendGrid. The form is built from the version's subject, HTML and
// plain text (DynamicTemplateVariables): a line edit per text variable, a checkbox per name
// only tested by {{#if}} / {{#unless}}, a small table per {{#each}} list (a column per item
// field, rows added and removed by the agent). The preview is the subject and the HTML as
// SendGrid's Handlebars would make them (values HTML-escaped except in {{{triple}}} braces).
// A template that does not parse says why instead of showing a form.
class EmailTemplatePicker : public QWidget {
    Q_OBJECT
public:
    explicit EmailTemplatePicker(SendGridClient *client, QWidget *parent = nullptr);

    // Asks SendGrid for the templates again (done once on construction).
    void reload();
    // Picks a listed template by id (false when it is not listed); its version is then fetched.
    bool pick(const QString &templateId);

    // The picked template's id (d-...), empty for none.
    QString templateId() const;
    // The form's values as SendGrid's dynamic_template_data: dotted names nested, empty text
    // left out (so {{insert x "default=..."}} and {{#if x}} see no value), flags as booleans,
    // lists as arrays of objects (or of strings for a list of plain values).
    QJsonObject dynamicTemplateData() const;
    // The picked template's active version, once fetched.
    std::optional<SendGridTemplateVersion> activeVersion() const { return m_version; }
    QList<TemplateField> fields() const { return m_fields; }
    QString previewSubject() const;
    QString previewHtml() const;

    // For tests and the tab that hosts it.
    QComboBox *combo() const { return m_combo; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *subjectLabel() const { return m_subject; }
    QTextBrowser *previewBrowser() const { return m_preview; }
    QLineEdit *textEdit(const QString &path) const { return m_texts.value(path); }
    QCheckBox *flagBox(const QString &path) const { return m_flags.value(path); }
    QTableWidget *listTable(const QString &path) const { return m_lists.value(path); }

Q_SIGNALS:
    void templatesListed(int count);
    // The picked template's version arrived and its form is built (or its error shown).
    void templateLoaded(const QString &templateId);
    // templateId() or dynamicTemplateData() changed.
    void changed();

private:
    void showTemplates(const QList<SendGridTemplate> &templates);
    void fetchPicked();
    void showVersion(const SendGridTemplateVersion &version);
    void clearForm();
    void buildForm();
    QWidget *listEditor(const TemplateField &field);
    void updatePreview();
    void setStatus(const QString &text, bool error);

    QPointer<SendGridClient> m_client;
    QComboBox *m_combo;
    QPushButton *m_reload;
    QLabel *m_status;
    QWidget *m_form;
    QFormLayout *m_formLayout;
    QLabel *m_subject;
    QTextBrowser *m_preview;
    std::optional<SendGridTemplateVersion> m_version;
    bool m_versionValid = false; // m_version parses: it has a form and a preview
    QList<TemplateField> m_fields;
    QMap<QString, QLineEdit *> m_texts;
    QMap<QString, QCheckBox *> m_flags;
    QMap<QString, QTableWidget *> m_lists;
    quint64 m_fetchSerial = 0; // answers to an earlier pick are ignored
};

} // namespace sb
