#include "SendShortcut.h"

#include <QEvent>
#include <QKeyEvent>
#include <QKeySequence>
#include <QShortcut>
#include <QWidget>

namespace sb {

SendShortcut::SendShortcut(QWidget *form, std::function<void()> send)
    : QObject(form)
    , m_send(std::move(send)) {
    for (const QKeySequence &keys :
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(keys, form);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, [this] { m_send(); });
    }
}

void SendShortcut::watch(QWidget *textEdit) {
    textEdit->installEventFilter(this);
}

bool SendShortcut::eventFilter(QObject *watched, QEvent *event) {
    if (event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            key->modifiers().testFlag(Qt::ControlModifier)) {
            m_send();
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace sb
