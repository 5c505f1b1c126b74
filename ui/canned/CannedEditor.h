#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace sb {

class CannedResponses;

// Tools ▸ Canned responses…: the list on the left, the selected response's shortcut, text and
// "shared with the team" on the right; Add starts a new one, Save stores it (new or changed),
// Remove deletes the selected one. Writes go to the database through CannedResponses; the
// list follows its changed() (every picker sees the change at once). What stops a save (no
// shortcut, a duplicate, no text) shows under the form.
class CannedEditor : public QDialog {
    Q_OBJECT
public:
    CannedEditor(CannedResponses *responses, QWidget *parent = nullptr);

    QListWidget *list() const { return m_list; }
    QLineEdit *shortcutEdit() const { return m_shortcut; }
    QPlainTextEdit *bodyEdit() const { return m_body; }
    QCheckBox *sharedBox() const { return m_shared; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *removeButton() const { return m_remove; }
    QPushButton *saveButton() const { return m_save; }
    QLabel *errorLabel() const { return m_error; }

    void startNew();
    void save();
    void removeSelected();

Q_SIGNALS:
    void saved(qint64 id); // after the database has it

private:
    void reloadList();
    void showSelected();

    CannedResponses *m_responses;
    QListWidget *m_list;
    QLineEdit *m_shortcut;
    QPlainTextEdit *m_body;
    QCheckBox *m_shared;
    QPushButton *m_add;
    QPushButton *m_remove;
    QPushButton *m_save;
    QLabel *m_error;
    qint64 m_editing = 0; // the id in the form; 0: a new one
    qint64 m_select = 0;  // to select once the list has it
};

} // namespace sb
