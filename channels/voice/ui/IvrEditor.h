#pragma once

#include "ChannelUi.h"
#include "voice/CallPlacer.h"
#include "voice/ivr/IvrValidator.h"

#include <QJsonObject>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTreeView;

namespace sb {

class IvrActionForm;
class IvrHoursForm;
class IvrMenuForm;
class IvrTreeModel;

// The IVR editor in the Calls tab: the menu as a tree (IvrTreeModel) on the left; the selected
// node's fields beside it (IvrMenuForm, IvrActionForm, IvrHoursForm); the TwiML that node
// answers with (IvrNodePreview, through IvrTwiml), updated as the agent types; IvrValidator's
// problems listed with where they are, Save disabled while there are any. Save stores a new
// version (IvrVersions, on the store's thread), Revert reads the latest stored one again,
// and "Call me to try it" rings the agent's phone (SWITCHBOARD_AGENT_PHONE) with a call that
// runs the saved IVR, through CallPlacer as the Calls tab dials.
class IvrEditor : public QWidget {
    Q_OBJECT
public:
    explicit IvrEditor(const ConsoleContext &context, QWidget *parent = nullptr);

    // Reads the latest stored version (what new calls run) into the editor.
    void reload();
    bool save();
    void callMe();

    IvrTreeModel *model() const { return m_model; }
    QTreeView *tree() const { return m_tree; }
    IvrActionForm *actionForm() const { return m_actionForm; }
    IvrMenuForm *menuForm() const { return m_menuForm; }
    IvrHoursForm *hoursForm() const { return m_hoursForm; }
    QPlainTextEdit *preview() const { return m_preview; }
    QListWidget *problems() const { return m_problems; }
    QLabel *nodeProblems() const { return m_nodeProblems; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *revertButton() const { return m_revert; }
    QPushButton *callMeButton() const { return m_callMe; }
    QLabel *status() const { return m_status; }
    qint64 savedVersion() const { return m_savedVersion; }
    bool isDirty() const;
    // Selects the node at a JSON path ("options.2").
    void selectPath(const QString &path);

Q_SIGNALS:
    void loaded(qint64 version);
    void saved(qint64 version);
    void saveFailed(const QString &error);
    void callMeFinished(bool placed, const QString &callSid);

private:
    void onEdited();
    void showNode();
    void updatePreview();
    void updateButtons();
    void setStatus(const QString &text, bool problem);
    QString publicBase() const;
    QDateTime now() const;

    ConsoleContext m_context;
    CallPlacer m_placer;
    IvrTreeModel *m_model;
    QTreeView *m_tree;
    QComboBox *m_newKey;
    QPushButton *m_addKey;
    QPushButton *m_removeKey;
    QCheckBox *m_hours;
    QLabel *m_nodeTitle;
    QStackedWidget *m_forms;
    IvrMenuForm *m_menuForm;
    IvrActionForm *m_actionForm;
    IvrHoursForm *m_hoursForm;
    QLabel *m_nodeProblems;
    QLabel *m_previewCaption;
    QPlainTextEdit *m_preview;
    QListWidget *m_problems;
    QLabel *m_status;
    QPushButton *m_save;
    QPushButton *m_revert;
    QPushButton *m_callMe;
    QList<IvrProblem> m_found;
    QJsonObject m_baseline; // the editor's JSON of what was loaded or saved last
    qint64 m_savedVersion = -1;
    bool m_busy = false; // loading or saving
    bool m_calling = false;
};

} // namespace sb
