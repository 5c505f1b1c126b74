#include "CannedPicker.h"

#include "CannedLibrary.h"
#include "common/Accessibility.h"

#include <QAbstractTextDocumentLayout>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QShortcut>
#include <QTextBlock>
#include <QTextEdit>
#include <QVBoxLayout>

namespace sb {

namespace {

constexpr int MaxRows = 8;
const char *const PickerProperty = "sbCannedPicker";

bool isShortcutChar(QChar c) {
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('-') ||
           c == QLatin1Char('.');
}

bool isCtrlK(const QKeyEvent *key) {
    return key->key() == Qt::Key_K &&
           (key->modifiers() & ~Qt::KeypadModifier) == Qt::ControlModifier;
}

// The `/word` that ends at the cursor: where its `/` is (counted back from the cursor) and
// the word; nullopt when the cursor is not at the end of one. The `/` must start a word (line
// start or after a space), so "http://x" or "a/b" never open the list.
std::optional<std::pair<int, QString>> slashWord(const QString &before) {
    qsizetype i = before.size();
    while (i > 0 && isShortcutChar(before.at(i - 1)))
        --i;
    if (i == before.size() || i == 0 || before.at(i - 1) != QLatin1Char('/'))
        return std::nullopt;
    if (i >= 2 && !before.at(i - 2).isSpace())
        return std::nullopt;
    return std::make_pair(int(before.size() - (i - 1)), before.mid(i));
}

template <typename TextEditor> CannedPicker::Access documentAccess(TextEditor *editor) {
    CannedPicker::Access a;
    a.lineBeforeCursor = [editor] {
        const QTextCursor c = editor->textCursor();
        return c.block().text().left(c.positionInBlock());
    };
    a.cursor = [editor] {
        return editor->textCursor().position();
    };
    a.replace = [editor](int from, int to, const QString &text) {
        QTextCursor c = editor->textCursor();
        c.setPosition(from);
        c.setPosition(to, QTextCursor::KeepAnchor);
        c.insertText(text); // one undo step, the editor's current format
        editor->setTextCursor(c);
    };
    a.select = [editor](int from, int length) {
        QTextCursor c = editor->textCursor();
        c.setPosition(from);
        c.setPosition(from + length, QTextCursor::KeepAnchor);
        editor->setTextCursor(c);
    };
    a.cursorRect = [editor] {
        const QRect r = editor->cursorRect();
        return QRect(editor->viewport()->mapTo(editor, r.topLeft()), r.size());
    };
    a.readOnly = [editor] {
        return editor->isReadOnly();
    };
    return a;
}

} // namespace

CannedPicker *CannedPicker::attach(QLineEdit *editor, ContextProvider context) {
    Access a;
    a.lineBeforeCursor = [editor] {
        return editor->text().left(editor->cursorPosition());
    };
    a.cursor = [editor] {
        return editor->cursorPosition();
    };
    a.replace = [editor](int from, int to, const QString &text) {
        QString line = text;
        line.replace(QLatin1Char('\n'), QLatin1Char(' ')); // one line: a break would be lost
        editor->setSelection(from, to - from);
        editor->insert(line);
    };
    a.select = [editor](int from, int length) {
        editor->setSelection(from, length);
    };
    a.cursorRect = [editor] {
        // QLineEdit::cursorRect() is not public: measure the text before the cursor.
        const QRect inside = editor->contentsRect();
        const int x =
            inside.left() + 4 +
            editor->fontMetrics().horizontalAdvance(editor->text().left(editor->cursorPosition()));
        return QRect(qMin(x, inside.right()), inside.top(), 1, inside.height());
    };
    a.readOnly = [editor] {
        return editor->isReadOnly();
    };
    auto *picker = new CannedPicker(editor, std::move(a), std::move(context));
    connect(editor, &QLineEdit::textEdited, picker, &CannedPicker::onTextChanged);
    connect(editor, &QLineEdit::cursorPositionChanged, picker, &CannedPicker::onCursorMoved);
    return picker;
}

CannedPicker *CannedPicker::attach(QPlainTextEdit *editor, ContextProvider context) {
    auto *picker = new CannedPicker(editor, documentAccess(editor), std::move(context));
    connect(editor, &QPlainTextEdit::textChanged, picker, &CannedPicker::onTextChanged);
    connect(editor, &QPlainTextEdit::cursorPositionChanged, picker, &CannedPicker::onCursorMoved);
    return picker;
}

CannedPicker *CannedPicker::attach(QTextEdit *editor, ContextProvider context) {
    auto *picker = new CannedPicker(editor, documentAccess(editor), std::move(context));
    connect(editor, &QTextEdit::textChanged, picker, &CannedPicker::onTextChanged);
    connect(editor, &QTextEdit::cursorPositionChanged, picker, &CannedPicker::onCursorMoved);
    return picker;
}

CannedPicker *CannedPicker::of(const QWidget *editor) {
    return editor ? editor->property(PickerProperty).value<CannedPicker *>() : nullptr;
}

CannedPicker::CannedPicker(QWidget *editor, Access access, ContextProvider context)
    : QObject(editor)
    , m_editor(editor)
    , m_access(std::move(access))
    , m_context(std::move(context)) {
    setObjectName(QStringLiteral("cannedPicker"));
    editor->setProperty(PickerProperty, QVariant::fromValue(this));
    editor->installEventFilter(this);
}

CannedPicker::~CannedPicker() {
    delete m_popup; // a child of the window, which may outlive the editor
}

bool CannedPicker::isOpen() const {
    return m_popup && m_popup->isVisible();
}

QStringList CannedPicker::listed() const {
    QStringList shortcuts;
    for (const CannedResponse &r : m_shown)
        shortcuts << r.shortcut;
    return shortcuts;
}

bool CannedPicker::ownsCtrlK() const {
    const QKeySequence ctrlK(Qt::CTRL | Qt::Key_K);
    const QList<QShortcut *> own = m_editor->findChildren<QShortcut *>();
    return std::none_of(own.cbegin(), own.cend(), [&](const QShortcut *s) {
        return s->isEnabled() && s->keys().contains(ctrlK);
    });
}

void CannedPicker::open() {
    if (m_access.readOnly())
        return;
    m_slash = false;
    m_dismissedAt = -1;
    show(m_access.cursor(), QString());
}

void CannedPicker::close() {
    m_anchor = -1;
    m_filter.clear();
    if (m_popup)
        m_popup->hide();
}

void CannedPicker::onTextChanged() {
    // Typed by the agent, not set by the program (a draft restored, "Edit and resend"): the
    // editor is its window's focus widget (whether or not the window is active).
    if (m_inserting || m_editor->window()->focusWidget() != m_editor || m_access.readOnly())
        return;
    const int cursor = m_access.cursor();
    if (isOpen() && !m_slash) {
        // Ctrl+K: what is typed after the opening filters.
        if (cursor < m_anchor)
            return close();
        const QString before = m_access.lineBeforeCursor();
        const int typed = cursor - m_anchor;
        if (typed > before.size() || before.right(typed).contains(QLatin1Char(' ')))
            return close();
        m_filter = before.right(typed);
        return refresh();
    }
    const auto word = slashWord(m_access.lineBeforeCursor());
    if (!word) {
        m_dismissedAt = -1;
        return close();
    }
    const int anchor = cursor - word->first;
    if (anchor == m_dismissedAt)
        return; // closed with Esc: the agent meant the text
    m_dismissedAt = -1;
    m_slash = true;
    show(anchor, word->second);
}

void CannedPicker::onCursorMoved() {
    if (!isOpen() || m_inserting)
        return;
    const int cursor = m_access.cursor();
    if (cursor < m_anchor + (m_slash ? 1 : 0) || cursor > m_anchor + 1 + m_filter.size() + 1)
        close();
}

void CannedPicker::show(int anchor, const QString &filter) {
    if (!m_library)
        m_library = CannedLibrary::find(m_editor);
    if (!m_library)
        return;
    m_anchor = anchor;
    m_filter = filter;
    if (!m_popup) {
        m_popup = new QListWidget(m_editor->window());
        m_popup->setObjectName(QStringLiteral("cannedPopup"));
        Accessibility::describe(m_popup, tr("Canned responses"),
                                tr("Up and Down choose, Enter inserts, Esc closes."));
        m_popup->setFocusPolicy(Qt::NoFocus);
        m_popup->setFrameShape(QFrame::Box);
        m_popup->setUniformItemSizes(true);
        m_popup->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        m_popup->setTextElideMode(Qt::ElideRight);
        connect(m_popup, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
            m_popup->setCurrentItem(item);
            insertCurrent();
        });
        connect(m_library->responses(), &CannedResponses::changed, this, [this] {
            if (isOpen())
                refresh();
        });
    } else if (m_popup->parentWidget() != m_editor->window()) {
        m_popup->setParent(m_editor->window()); // the editor moved to another window
    }
    refresh();
}

void CannedPicker::refresh() {
    m_shown = CannedResponses::match(m_library->responses()->responses(), m_filter);
    m_popup->clear();
    if (m_shown.isEmpty()) {
        // Nothing to offer: "/usr" in a sentence is just text. Ctrl+K says so instead.
        if (m_slash) {
            m_popup->hide();
            return;
        }
        auto *none =
            new QListWidgetItem(m_library->responses()->responses().isEmpty()
                                    ? tr("No canned responses yet (Tools ▸ Canned responses…)")
                                    : tr("No canned response matches \"%1\"").arg(m_filter));
        none->setFlags(Qt::NoItemFlags);
        m_popup->addItem(none);
    }
    for (const CannedResponse &r : std::as_const(m_shown)) {
        QString preview = r.body.simplified();
        auto *item = new QListWidgetItem(QStringLiteral("/%1   %2").arg(r.shortcut, preview));
        item->setToolTip(r.shared ? tr("%1\n\n(shared with the team)").arg(r.body) : r.body);
        m_popup->addItem(item);
    }
    if (!m_shown.isEmpty())
        m_popup->setCurrentRow(0);
    place();
    m_popup->show();
    m_popup->raise();
}

void CannedPicker::place() {
    QWidget *window = m_editor->window();
    const QRect cursor = m_access.cursorRect();
    const int rows = qBound(1, int(m_popup->count()), MaxRows);
    const int rowHeight = qMax(m_popup->sizeHintForRow(0), m_popup->fontMetrics().height() + 4);
    const int height = rows * rowHeight + 2 * m_popup->frameWidth() + 2;
    const int width = qMin(qMax(m_editor->width(), 360), qMax(200, window->width() - 8));
    QPoint at = m_editor->mapTo(window, cursor.bottomLeft() + QPoint(0, 2));
    if (at.y() + height > window->height()) // no room below: above the cursor
        at = m_editor->mapTo(window, cursor.topLeft()) - QPoint(0, height + 2);
    at.setX(qBound(4, at.x(), qMax(4, window->width() - width - 4)));
    at.setY(qMax(0, at.y()));
    m_popup->setGeometry(QRect(at, QSize(width, height)));
}

void CannedPicker::moveSelection(int delta) {
    if (m_shown.isEmpty())
        return;
    const int row = qBound(0, m_popup->currentRow() + delta, int(m_shown.size()) - 1);
    m_popup->setCurrentRow(row);
}

bool CannedPicker::eventFilter(QObject *watched, QEvent *event) {
    if (watched != m_editor)
        return false;
    switch (event->type()) {
    case QEvent::ShortcutOverride: {
        // Keys the open list needs are ours before any shortcut of the window (Esc closing a
        // dialog, Enter sending a reply); Ctrl+K too, where the editor has none of its own.
        auto *key = static_cast<QKeyEvent *>(event);
        const bool listKey =
            isOpen() && (key->key() == Qt::Key_Escape || key->key() == Qt::Key_Return ||
                         key->key() == Qt::Key_Enter || key->key() == Qt::Key_Tab ||
                         key->key() == Qt::Key_Up || key->key() == Qt::Key_Down);
        if (listKey || (isCtrlK(key) && ownsCtrlK())) {
            event->accept();
            return true;
        }
        return false;
    }
    case QEvent::KeyPress: {
        auto *key = static_cast<QKeyEvent *>(event);
        if (isCtrlK(key) && ownsCtrlK()) {
            open();
            return true;
        }
        if (!isOpen())
            return false;
        switch (key->key()) {
        case Qt::Key_Up:
            moveSelection(-1);
            return true;
        case Qt::Key_Down:
            moveSelection(1);
            return true;
        case Qt::Key_PageUp:
            moveSelection(-MaxRows);
            return true;
        case Qt::Key_PageDown:
            moveSelection(MaxRows);
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
        case Qt::Key_Tab:
            insertCurrent();
            return true;
        case Qt::Key_Escape:
            m_dismissedAt = m_slash ? m_anchor : -1;
            close();
            return true;
        default:
            return false;
        }
    }
    case QEvent::FocusOut:
    case QEvent::Hide:
        close();
        return false;
    default:
        return false;
    }
}

void CannedPicker::insertCurrent() {
    const int row = m_popup ? m_popup->currentRow() : -1;
    if (row < 0 || row >= m_shown.size()) {
        close();
        return;
    }
    const CannedResponse response = m_shown.at(row);
    const int from = m_anchor;
    const int to = m_access.cursor();
    close();
    CannedContext context = m_context ? m_context() : CannedContext{};
    if (context.agentName.trimmed().isEmpty() && m_library)
        context.agentName = m_library->agentName();
    const QStringList fields = CannedTemplate::freeFields(response.body, context);
    if (fields.isEmpty())
        insert(from, to, CannedTemplate::fill(response.body, context));
    else
        askFields(from, to, response.body, context, fields);
}

void CannedPicker::insert(int from, int to, const QString &text) {
    m_inserting = true;
    m_access.replace(from, to, text);
    // A field left unfilled is selected, so typing replaces it.
    static const QRegularExpression field(QStringLiteral("\\{\\{[^{}\\n]+\\}\\}"));
    const QRegularExpressionMatch left = field.match(text);
    if (left.hasMatch())
        m_access.select(from + int(left.capturedStart()), int(left.capturedLength()));
    m_inserting = false;
    m_editor->activateWindow(); // back from the fields' form
    m_editor->setFocus(Qt::OtherFocusReason);
    Q_EMIT inserted(text);
}

void CannedPicker::askFields(int from, int to, const QString &body, const CannedContext &context,
                             const QStringList &fields) {
    auto *form = new QDialog(m_editor->window());
    m_form = form;
    form->setObjectName(QStringLiteral("cannedFields"));
    form->setWindowTitle(tr("Fill in the response"));
    form->setAttribute(Qt::WA_DeleteOnClose);
    auto *layout = new QVBoxLayout(form);
    auto *preview = new QLabel(body, form);
    preview->setObjectName(QStringLiteral("cannedFieldsPreview"));
    preview->setWordWrap(true);
    preview->setTextFormat(Qt::PlainText);
    layout->addWidget(preview);
    auto *rows = new QFormLayout;
    QList<QLineEdit *> edits;
    for (const QString &name : fields) {
        auto *edit = new QLineEdit(form);
        edit->setObjectName(QStringLiteral("cannedField:") + name);
        edit->setAccessibleName(name);
        rows->addRow(name + QLatin1Char(':'), edit);
        edits << edit;
    }
    layout->addLayout(rows);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, form);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Insert"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Leave the fields"));
    buttons->button(QDialogButtonBox::Cancel)
        ->setToolTip(tr("Inserts the text with the fields still to fill in"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, form, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, form, &QDialog::reject);
    QPointer<QWidget> editor = m_editor;
    connect(form, &QDialog::finished, this,
            [this, editor, edits, fields, from, to, body, context](int result) {
                QHash<QString, QString> values;
                if (result == QDialog::Accepted) {
                    for (int i = 0; i < fields.size(); ++i) {
                        const QString value = edits.at(i)->text().trimmed();
                        if (!value.isEmpty()) // a blank one stays a field to fill
                            values.insert(fields.at(i), value);
                    }
                }
                if (editor)
                    insert(from, to, CannedTemplate::fill(body, context, values));
            });
    form->setWindowModality(Qt::WindowModal);
    form->open();
    edits.first()->setFocus();
}

} // namespace sb
