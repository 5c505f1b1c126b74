#pragma once

#include <QPersistentModelIndex>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QPlainTextEdit;
class QSpinBox;

namespace sb {

class IvrTreeModel;

// Edits a menu's own fields, written into the model as they are typed: for its greeting node
// the greeting's text, voice and language (empty: the enclosing menu's) and how long it waits
// for a key; for its "unknown key" node what is said then.
class IvrMenuForm : public QWidget {
    Q_OBJECT
public:
    IvrMenuForm(IvrTreeModel *model, QWidget *parent = nullptr);

    // A Greeting or InvalidInput node.
    void setNode(const QModelIndex &index);

    QPlainTextEdit *textEdit() const { return m_text; }
    QComboBox *voiceBox() const { return m_voice; }
    QComboBox *languageBox() const { return m_language; }

private:
    void write();

    IvrTreeModel *m_model;
    QPersistentModelIndex m_index;
    bool m_loading = false;
    QFormLayout *m_form;
    QPlainTextEdit *m_text;
    QComboBox *m_voice;
    QComboBox *m_language;
    QSpinBox *m_timeout;
};

} // namespace sb
