#pragma once

#include <QPersistentModelIndex>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace sb {

class IvrTreeModel;

// Edits one action of the IVR (a key's, silence's, or out of hours'): its type (say, forward,
// voicemail, sub-menu, SMS, hang up) and the fields that type has, written into the model as
// they are typed. A key also has its label; silence its number of repeats first.
class IvrActionForm : public QWidget {
    Q_OBJECT
public:
    IvrActionForm(IvrTreeModel *model, QWidget *parent = nullptr);

    // Shows the action `index` edits (an Option, NoInput or Closed node).
    void setNode(const QModelIndex &index);

    QComboBox *typeBox() const { return m_type; }
    QLineEdit *labelEdit() const { return m_label; }
    QPlainTextEdit *textEdit() const { return m_text; }
    QLineEdit *numberEdit() const { return m_number; }

private:
    void load();
    void showRows();
    void write();
    void onTypeChosen();

    IvrTreeModel *m_model;
    QPersistentModelIndex m_index;
    bool m_loading = false;
    QFormLayout *m_form;
    QComboBox *m_type;
    QLineEdit *m_label;
    QSpinBox *m_repeats;
    QPlainTextEdit *m_text;
    QComboBox *m_then;
    QLineEdit *m_number;
    QCheckBox *m_record;
    QSpinBox *m_ringSeconds;
    QLineEdit *m_prompt;
    QSpinBox *m_maxLength;
    QCheckBox *m_beep;
    QLineEdit *m_confirmation;
};

} // namespace sb
