#pragma once

#include "CannedLibrary.h"
#include "canned/CannedResponses.h"
#include "canned/CannedTemplate.h"

#include <QDialog>
#include <QListWidget>
#include <QObject>
#include <QPointer>
#include <QRect>

#include <functional>

class QLineEdit;
class QPlainTextEdit;
class QTextEdit;
class QWidget;

namespace sb {

// Canned responses in a reply box, by keyboard: typing `/` at the start of a word and a letter
// or more opens a list of the responses that match (shortcut first, then text), filtered as
// the agent types; Up/Down choose, Enter (or Tab, or a click) inserts in place of the `/word`,
// Esc closes it and leaves the `/word` as typed. Ctrl+K opens it with an empty filter (what is
// typed next filters it), except in an editor that already has a Ctrl+K of its own (the email
// editor's link), where `/` alone does. A response with free fields (`{{order number}}`) asks
// for them in a small form first (Tab between the fields, Enter inserts; Esc inserts the text
// with the fields left as `{{…}}`, the first one selected to type over). The inserted text is
// the editor's own text from then on, editable before it is sent.
//
// The responses and the agent's name come from the CannedLibrary of the editor's window
// (CannedLibrary::find, looked up when the list opens); without one the picker stays closed.
// The list is a child of the editor's window drawn over it (it never takes the focus, so the
// editor keeps every key).
class CannedPicker : public QObject {
    Q_OBJECT
public:
    // Who the reply is for, asked when a response is inserted ({{contact.name}},
    // {{contact.number}}; {{agent.name}} comes from the library when left empty).
    using ContextProvider = std::function<CannedContext()>;

    // One line per reply box. The picker belongs to the editor.
    static CannedPicker *attach(QLineEdit *editor, ContextProvider context = {});
    static CannedPicker *attach(QPlainTextEdit *editor, ContextProvider context = {});
    static CannedPicker *attach(QTextEdit *editor, ContextProvider context = {});
    // The picker attached to `editor`, if any.
    static CannedPicker *of(const QWidget *editor);

    QWidget *editor() const { return m_editor; }
    QListWidget *popup() const { return m_popup; }
    bool isOpen() const;
    QString filter() const { return m_filter; }
    // The shortcuts listed, in order.
    QStringList listed() const;
    // The form asking for free fields, while it is open.
    QDialog *fieldForm() const { return m_form; }

    void open(); // as Ctrl+K does
    void close();

    // How the picker reads and changes one kind of editor (positions are the editor's own:
    // QLineEdit's character index, a document's position).
    struct Access {
        std::function<QString()> lineBeforeCursor;
        std::function<int()> cursor;
        std::function<void(int from, int to, const QString &text)> replace;
        std::function<void(int from, int length)> select;
        std::function<QRect()> cursorRect; // in the editor's coordinates
        std::function<bool()> readOnly;
    };

    ~CannedPicker() override;

Q_SIGNALS:
    void inserted(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    CannedPicker(QWidget *editor, Access access, ContextProvider context);
    void onTextChanged();
    void onCursorMoved();
    void show(int anchor, const QString &filter);
    void refresh();
    void place();
    void moveSelection(int delta);
    void insertCurrent();
    void insert(int from, int to, const QString &text);
    void askFields(int from, int to, const QString &body, const CannedContext &context,
                   const QStringList &fields);
    bool ownsCtrlK() const;

    QWidget *m_editor;
    Access m_access;
    ContextProvider m_context;
    QPointer<QListWidget> m_popup;
    QPointer<QDialog> m_form;
    QPointer<CannedLibrary> m_library;
    QList<CannedResponse> m_shown;
    int m_anchor = -1;    // where the replaced text starts (the `/`, or the cursor at Ctrl+K)
    bool m_slash = false; // opened by `/word` rather than Ctrl+K
    QString m_filter;
    int m_dismissedAt = -1; // a `/word` the agent closed with Esc: not reopened while typed on
    bool m_inserting = false;
};

} // namespace sb
